/*
 * decode.c: the bytes of a table that a spreadsheet saved, made into what
 * the readers take: UTF-8 with no byte-order mark.  A spreadsheet may
 * have written Windows-1252 ("CSV" in Excel unless the user picks "CSV
 * UTF-8"), UTF-16 with a byte-order mark ("Unicode Text"), a UTF-8
 * byte-order mark, CRLF line ends, and ';' or a tab between fields (where
 * the decimal separator is a comma).  Each is found and reported, so that
 * tidy can say what it changed.
 */
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

/* Windows-1252's 0x80-0x9F; 0 where it defines no character. */
static const unsigned short cp1252_high[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
};

int
enc_parse(const char *s)
{
	if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0)
		return ENC_UTF8;
	if (strcasecmp(s, "windows-1252") == 0 || strcasecmp(s, "cp1252") == 0)
		return ENC_CP1252;
	return -1;
}

const char *
enc_name(int enc)
{
	static const char *const names[] = {
		"UTF-8", "UTF-8", "Windows-1252", "UTF-16LE", "UTF-16BE"
	};

	return names[enc];
}

static void
put_utf8(struct buf *b, unsigned long c)
{
	char s[4];

	if (c < 0x80) {
		buf_addc(b, (int)c);
		return;
	}
	if (c < 0x800) {
		s[0] = (char)(0xc0 | c >> 6);
		s[1] = (char)(0x80 | (c & 0x3f));
		buf_add(b, s, 2);
	} else if (c < 0x10000) {
		s[0] = (char)(0xe0 | c >> 12);
		s[1] = (char)(0x80 | (c >> 6 & 0x3f));
		s[2] = (char)(0x80 | (c & 0x3f));
		buf_add(b, s, 3);
	} else {
		s[0] = (char)(0xf0 | c >> 18);
		s[1] = (char)(0x80 | (c >> 12 & 0x3f));
		s[2] = (char)(0x80 | (c >> 6 & 0x3f));
		s[3] = (char)(0x80 | (c & 0x3f));
		buf_add(b, s, 4);
	}
}

/* The line of the byte at p, for a message. */
static long
line_of(const char *s, const char *p)
{
	long line = 1;

	for (; s < p; s++)
		line += *s == '\n';
	return line;
}

static void
from_cp1252(const char *label, const char *s, size_t len, struct buf *b)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long c;
	size_t i;

	for (i = 0; i < len; i++) {
		c = p[i];
		if (c >= 0x80 && c < 0xa0 && (c = cp1252_high[c - 0x80]) == 0)
			die_at(EXIT_DATA, label, line_of(s, s + i), "byte 0x%02X "
			    "is neither UTF-8 nor Windows-1252: in what encoding "
			    "was the file saved?", p[i]);
		put_utf8(b, c);
	}
}

static void
from_utf16(const char *label, const char *s, size_t len, int big,
    struct buf *b)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long c, lo;
	size_t i;
	long line = 1;

	for (i = 0; i + 1 < len; i += 2) {
		c = big ? (unsigned long)p[i] << 8 | p[i + 1] :
		    (unsigned long)p[i + 1] << 8 | p[i];
		if (c >= 0xd800 && c < 0xdc00 && i + 3 < len) {
			lo = big ? (unsigned long)p[i + 2] << 8 | p[i + 3] :
			    (unsigned long)p[i + 3] << 8 | p[i + 2];
			if (lo >= 0xdc00 && lo < 0xe000) {
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (lo - 0xdc00);
				i += 2;
			}
		}
		if ((c >= 0xd800 && c < 0xe000) || c == 0)
			die_at(EXIT_DATA, label, line, "invalid UTF-16");
		line += c == '\n';
		put_utf8(b, c);
	}
	if (i < len)
		die_at(EXIT_DATA, label, line, "invalid UTF-16: an odd byte "
		    "at the end");
}

/* Whether Windows-1252 has the character. */
static int
in_cp1252(unsigned long c)
{
	size_t i;

	if (c < 0x80 || (c >= 0xa0 && c <= 0xff))
		return 1;
	for (i = 0; i < 32; i++)
		if (cp1252_high[i] == c)
			return 1;
	return 0;
}

/*
 * s (UTF-8) as a program that saves Windows-1252 leaves it: each
 * character that Windows-1252 lacks made '?'.  NULL when it has them all.
 */
char *
cp1252_lossy(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	struct buf b = { NULL, 0, 0 };
	unsigned long c;
	size_t i, n;
	int lost = 0;

	/* The values were read as UTF-8, so each sequence is whole. */
	while (*p != '\0') {
		n = *p < 0x80 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;
		c = n == 1 ? *p : n == 2 ? *p & 0x1fu : n == 3 ? *p & 0x0fu :
		    *p & 0x07u;
		for (i = 1; i < n; i++)
			c = c << 6 | (p[i] & 0x3fu);
		if (in_cp1252(c))
			buf_add(&b, (const char *)p, n);
		else {
			buf_addc(&b, '?');
			lost = 1;
		}
		p += n;
	}
	if (!lost) {
		buf_free(&b);
		return NULL;
	}
	return b.s;
}

/*
 * The separator: of ',', ';' and tab, the one the header line holds most
 * of, outside quotes; a comma when it holds none.
 */
static int
find_sep(const char *s, size_t len)
{
	size_t n[3] = { 0, 0, 0 }, i;
	int quoted = 0;

	for (i = 0; i < len && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			n[0] += s[i] == ',', n[1] += s[i] == ';',
			    n[2] += s[i] == '\t';
	}
	if (n[1] > n[0] && n[1] >= n[2])
		return ';';
	if (n[2] > n[0] && n[2] > n[1])
		return '\t';
	return ',';
}

/* How the first line ends: the others are taken to end alike. */
static int
find_eol(const char *s, size_t len)
{
	const char *nl = memchr(s, '\n', len);

	if (nl != NULL)
		return nl > s && nl[-1] == '\r' ? EOL_CRLF : EOL_LF;
	return memchr(s, '\r', len) != NULL ? EOL_CR : EOL_LF;
}

/*
 * The encoding: UTF-16 when a UTF-16 byte-order mark says so; else the
 * one asked for; else UTF-8 when the bytes are UTF-8 (a NUL is left for
 * the reader to report), Windows-1252 when they are not.
 */
static int
find_enc(const char *s, size_t len, int asked)
{
	if (len >= 2 && memcmp(s, "\xff\xfe", 2) == 0)
		return ENC_UTF16LE;
	if (len >= 2 && memcmp(s, "\xfe\xff", 2) == 0)
		return ENC_UTF16BE;
	if (asked != ENC_GUESS)
		return asked;
	if (memchr(s, '\0', len) != NULL || utf8_valid(s, len))
		return ENC_UTF8;
	return ENC_CP1252;
}

void
decode_text(const char *label, const char *raw, size_t len, int asked,
    struct decoded *d)
{
	struct buf b = { NULL, 0, 0 };

	memset(d, 0, sizeof(*d));
	d->enc = find_enc(raw, len, asked);
	if (d->enc == ENC_UTF16LE || d->enc == ENC_UTF16BE) {
		d->bom = 1;
		from_utf16(label, raw + 2, len - 2, d->enc == ENC_UTF16BE, &b);
	} else {
		if (len >= 3 && memcmp(raw, "\xef\xbb\xbf", 3) == 0) {
			d->bom = 1;
			raw += 3, len -= 3;
		}
		if (d->enc == ENC_CP1252)
			from_cp1252(label, raw, len, &b);
		else
			buf_add(&b, raw, len);
	}
	buf_addc(&b, '\0');
	d->s = b.s;
	d->len = b.len - 1;
	d->sep = find_sep(d->s, d->len);
	d->eol = find_eol(d->s, d->len);
}
