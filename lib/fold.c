/*
 * fold.c: UTF-8 validation, the folded keys by which names are matched,
 * NFC, ASCII slugs for ids, and terminal display width.  Unicode tables
 * come from utf8proc; pure ASCII, the common case, never reaches it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "sc.h"

#define ONES	UINT64_C(0x0101010101010101)
#define HIGHS	UINT64_C(0x8080808080808080)

/*
 * The folding options: compatibility forms (ligatures, full-width
 * letters) become their plain letters, case and marks are dropped,
 * default ignorables (soft hyphens, zero-width spaces) vanish, and LUMP
 * turns every dash into '-' and every space into ' ', so that an en dash
 * in "Kordelio–Evosmos" matches a hyphen.
 */
#define FOLDOPT	(UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT | \
	UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | \
	UTF8PROC_IGNORE | UTF8PROC_LUMP)

/*
 * The length of the well-formed UTF-8 sequence at p (n bytes left), or 0
 * if it is not one.  The ranges are those of Unicode's table 3-7: they
 * exclude overlong forms, surrogates and code points past U+10FFFF.
 */
static size_t
utf8_seq(const unsigned char *p, size_t n)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t len, i;

	if (p[0] < 0x80)
		return p[0] != '\0';
	if (p[0] < 0xC2)
		return 0;
	if (p[0] < 0xE0)
		len = 2;
	else if (p[0] < 0xF0) {
		len = 3;
		if (p[0] == 0xE0)
			lo = 0xA0;
		else if (p[0] == 0xED)
			hi = 0x9F;
	} else if (p[0] < 0xF5) {
		len = 4;
		if (p[0] == 0xF0)
			lo = 0x90;
		else if (p[0] == 0xF4)
			hi = 0x8F;
	} else
		return 0;
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if (p[i] < 0x80 || p[i] > 0xBF)
			return 0;
	return len;
}

/*
 * Every field read goes through here, so eight bytes are looked at at
 * once: (w - ONES) | w has a high bit set in some byte exactly when some
 * byte of w is zero or non-ASCII, and only then is the text decoded.
 */
int
utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t w;
	size_t i = 0, len;

	while (i < n) {
		if (n - i >= 8) {
			memcpy(&w, p + i, 8);
			if ((((w - ONES) | w) & HIGHS) == 0) {
				i += 8;
				continue;
			}
		}
		if ((len = utf8_seq(p + i, n - i)) == 0)
			return 0;
		i += len;
	}
	return 1;
}

static int
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

static int
is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * Collapse every run of white space in s to one space and trim both
 * ends, in place: "Cape  Town " and "Cape Town" are the same name.
 */
static void
squeeze(char *s)
{
	char *r, *w;
	int gap = 0;

	for (r = w = s; *r != '\0'; r++) {
		if (is_space((unsigned char)*r)) {
			gap = 1;
			continue;
		}
		if (gap && w != s)
			*w++ = ' ';
		*w++ = *r;
		gap = 0;
	}
	*w = '\0';
}

/*
 * The length of the white space character at s (n bytes left), or 0:
 * ASCII white space, and Unicode's space separators (a no-break space, an
 * ideographic space), which spreadsheets and pastes leave behind.
 */
static size_t
space_at(const char *s, size_t n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t len;

	if (is_space((unsigned char)*s))
		return 1;
	if ((unsigned char)*s < 0x80)
		return 0;
	len = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, &cp);
	if (len <= 0 || utf8proc_category(cp) != UTF8PROC_CATEGORY_ZS)
		return 0;
	return (size_t)len;
}

/* The length of the character at s, or 1 for a byte that starts none. */
static size_t
char_at(const char *s, size_t n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t len;

	if ((unsigned char)*s < 0x80)
		return 1;
	len = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, &cp);
	return len > 0 ? (size_t)len : 1;
}

/*
 * The part of s without white space at either end, as its first byte
 * (*start) and its length.  A value that ends in ASCII other than white
 * space, the common case, is looked at only at its ends.
 */
size_t
trim_span(const char *s, size_t *start)
{
	size_t n = strlen(s), i = 0, end, k;

	while (i < n && (k = space_at(s + i, n - i)) > 0)
		i += k;
	*start = end = i;
	if (i < n && (unsigned char)s[n - 1] < 0x80 &&
	    !is_space((unsigned char)s[n - 1]))
		return n - i;
	while (i < n) {
		if ((k = space_at(s + i, n - i)) > 0) {
			i += k;
			continue;
		}
		i += char_at(s + i, n - i);
		end = i;
	}
	return end - *start;
}

/*
 * For ASCII, folding with utf8proc comes down to lowering the case: no
 * ASCII character decomposes, is lumped or is ignorable.
 */
static char *
fold_ascii(const char *s)
{
	char *r, *p;

	r = xstrdup(s);
	for (p = r; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p += 'a' - 'A';
	squeeze(r);
	return r;
}

char *
fold_name(const char *s)
{
	utf8proc_uint8_t *u;
	char *r;

	if (is_ascii(s))
		return fold_ascii(s);
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &u, FOLDOPT) < 0)
		return xstrdup(s);
	squeeze((char *)u);
	r = xstrdup((char *)u);
	free(u);
	return r;
}

char *
nfc(const char *s)
{
	utf8proc_uint8_t *u;
	char *r;

	if (is_ascii(s) ||
	    (u = utf8proc_NFC((const utf8proc_uint8_t *)s)) == NULL)
		return xstrdup(s);
	r = xstrdup((char *)u);
	free(u);
	return r;
}

/*
 * Latin letters that folding leaves alone because Unicode gives them no
 * decomposition, spelt in ASCII for slugs.  Sorted by code point.
 */
static const struct translit {
	int32_t		 cp;
	const char	*ascii;
} translit[] = {
	{ 0x00E6, "ae" },	/* æ */
	{ 0x00F0, "d" },	/* ð */
	{ 0x00F8, "o" },	/* ø */
	{ 0x00FE, "th" },	/* þ */
	{ 0x0111, "d" },	/* đ */
	{ 0x0127, "h" },	/* ħ */
	{ 0x0131, "i" },	/* ı */
	{ 0x0138, "k" },	/* ĸ */
	{ 0x0142, "l" },	/* ł */
	{ 0x014B, "n" },	/* ŋ */
	{ 0x0153, "oe" },	/* œ */
	{ 0x0167, "t" },	/* ŧ */
	{ 0x0180, "b" },	/* ƀ */
	{ 0x0192, "f" },	/* ƒ */
	{ 0x0199, "k" },	/* ƙ */
	{ 0x01B4, "y" },	/* ƴ */
	{ 0x01B6, "z" },	/* ƶ */
	{ 0x0253, "b" },	/* ɓ */
	{ 0x0254, "o" },	/* ɔ */
	{ 0x0257, "d" },	/* ɗ */
	{ 0x0259, "e" },	/* ə */
	{ 0x025B, "e" },	/* ɛ */
};

static int
translit_cmp(const void *k, const void *e)
{
	int32_t cp = *(const int32_t *)k;
	const struct translit *t = e;

	return cp < t->cp ? -1 : cp > t->cp;
}

static const char *
translit_find(int32_t cp)
{
	const struct translit *t;

	t = bsearch(&cp, translit, sizeof(translit) / sizeof(translit[0]),
	    sizeof(translit[0]), translit_cmp);
	return t != NULL ? t->ascii : NULL;
}

/*
 * The ASCII spelling of the code point at p, which ends before end: one
 * byte kept as it is, or a transliteration, or NULL for anything else.
 * *len is set to the bytes consumed, at least one.
 */
static const char *
slug_piece(const char *p, const char *end, size_t *len, char one[2])
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	*len = 1;
	if ((unsigned char)*p < 0x80) {
		one[0] = *p >= 'A' && *p <= 'Z' ? *p + ('a' - 'A') : *p;
		one[1] = '\0';
		if ((one[0] >= 'a' && one[0] <= 'z') ||
		    (one[0] >= '0' && one[0] <= '9'))
			return one;
		return NULL;
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)p, end - p, &cp);
	if (k < 1)
		return NULL;
	*len = (size_t)k;
	return translit_find(cp);
}

/*
 * The slug can never be longer than the folded name: an ASCII byte maps
 * to at most one byte, a code point of two or more bytes to at most two,
 * and a run of anything else to one '-'.
 */
char *
slugify(const char *s)
{
	char *f, *r, *w, one[2];
	const char *p, *a, *end;
	size_t len;
	int gap = 0;

	f = fold_name(s);
	end = f + strlen(f);
	w = r = xmalloc((size_t)(end - f) + 1);
	for (p = f; p < end; p += len) {
		if ((a = slug_piece(p, end, &len, one)) == NULL) {
			gap = 1;
			continue;
		}
		if (gap && w != r)
			*w++ = '-';
		gap = 0;
		while (*a != '\0')
			*w++ = *a++;
	}
	*w = '\0';
	free(f);
	return r;
}

/*
 * Columns on a terminal: combining marks take none, East Asian wide
 * characters two.  A byte that does not decode is shown as one
 * replacement character, so it counts one.
 */
size_t
display_width(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k, n;
	size_t w = 0;

	n = (utf8proc_ssize_t)strlen(s);
	while (n > 0) {
		if (*p < 0x80) {
			w += *p >= 0x20 && *p != 0x7F;
			p++;
			n--;
			continue;
		}
		if ((k = utf8proc_iterate(p, n, &cp)) < 1) {
			w++;
			k = 1;
		} else
			w += (size_t)utf8proc_charwidth(cp);
		p += k;
		n -= k;
	}
	return w;
}
