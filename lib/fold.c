/*
 * fold.c: UTF-8 validation, the folded keys by which names are matched,
 * NFC, ASCII slugs for ids, terminal display width, and text shown to a
 * person made inert (vis_add()).  Unicode tables
 * come from utf8proc; pure ASCII, the common case, never reaches it.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
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

/*
 * Latin letters that folding leaves alone because Unicode gives them no
 * decomposition, spelt in ASCII.  fold_name() spells them so, and slugs
 * are made of folded names: so "Lodz" matches "Łódź", is its duplicate,
 * and both have the slug "lodz".  Capitals need no entry, since case is
 * folded first (and "ß" is folded to "ss" by Unicode's own case folding).
 * Each spelling is no longer than the letter's UTF-8 form, two bytes, so
 * that a name is spelt in place.  Sorted by code point.
 */
static const struct translit {
	int32_t		 cp;
	const char	*ascii;
} translit[] = {
	{ 0x00DF, "ss" },	/* ß */
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
	{ 0x0188, "c" },	/* ƈ */
	{ 0x018C, "d" },	/* ƌ */
	{ 0x0192, "f" },	/* ƒ */
	{ 0x0199, "k" },	/* ƙ */
	{ 0x019A, "l" },	/* ƚ */
	{ 0x01A5, "p" },	/* ƥ */
	{ 0x01AD, "t" },	/* ƭ */
	{ 0x01B4, "y" },	/* ƴ */
	{ 0x01B6, "z" },	/* ƶ */
	{ 0x01E5, "g" },	/* ǥ */
	{ 0x0253, "b" },	/* ɓ */
	{ 0x0254, "o" },	/* ɔ */
	{ 0x0256, "d" },	/* ɖ */
	{ 0x0257, "d" },	/* ɗ */
	{ 0x0259, "e" },	/* ə */
	{ 0x025B, "e" },	/* ɛ */
	{ 0x0260, "g" },	/* ɠ */
	{ 0x0268, "i" },	/* ɨ */
	{ 0x0272, "n" },	/* ɲ */
	{ 0x0289, "u" },	/* ʉ */
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

	t = bsearch(&cp, translit, NELEM(translit),
	    sizeof(translit[0]), translit_cmp);
	return t != NULL ? t->ascii : NULL;
}

/*
 * Spells in place, in ASCII, the letters of the folded name s that have
 * a spelling in translit[]; a spelling is never longer than its letter.
 */
static void
spell_letters(char *s)
{
	const char *r = s, *a;
	char *w = s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	while (*r != '\0') {
		if ((unsigned char)*r < 0x80 || (k = utf8proc_iterate(
		    (const utf8proc_uint8_t *)r, -1, &cp)) < 1) {
			*w++ = *r++;
			continue;
		}
		if ((a = translit_find(cp)) != NULL) {
			while (*a != '\0')
				*w++ = *a++;
		} else {
			memmove(w, r, (size_t)k);
			w += k;
		}
		r += k;
	}
	*w = '\0';
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
	spell_letters((char *)u);
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
 * The ASCII spelling of the code point at p, which ends before end: one
 * byte kept as it is, or NULL for anything else (the folded name has
 * already spelt the letters that have a spelling).  *len is set to the
 * bytes consumed, at least one.
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
	return NULL;
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

/*
 * Joiners and variation selectors: invisible, but scripts need them
 * after a letter or a mark (the zero-width joiner after a virama in
 * Sinhala "Sri", the non-joiner in Persian) and emoji after a symbol.
 * There they are text.
 */
static int
joins_previous(int32_t cp)
{
	return cp == 0x200C || cp == 0x200D ||
	    (cp >= 0x180B && cp <= 0x180F && cp != 0x180E) ||
	    (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

static int
carries_joiner(int32_t prev)
{
	utf8proc_category_t c;

	if (prev < 0x80)
		return 0;
	c = utf8proc_category(prev);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
	    (c >= UTF8PROC_CATEGORY_SM && c <= UTF8PROC_CATEGORY_SO);
}

/*
 * Whether the code point cp, after prev (0 at the start), is one that a
 * person would not see as text: a control (C0, DEL, C1), a format
 * character (the bidi controls and marks, zero-width characters, the
 * byte order mark), a line or paragraph separator, or another default
 * ignorable (the Hangul filler), unless it is a joiner where it joins.
 */
int
vis_hidden(int32_t cp, int32_t prev)
{
	const utf8proc_property_t *p;

	if (cp < 0x20 || cp == 0x7F)
		return 1;
	if (cp < 0xA0)
		return cp >= 0x80;
	if (joins_previous(cp) && carries_joiner(prev))
		return 0;
	p = utf8proc_get_property(cp);
	return p->category == UTF8PROC_CATEGORY_CC ||
	    p->category == UTF8PROC_CATEGORY_CF ||
	    p->category == UTF8PROC_CATEGORY_ZL ||
	    p->category == UTF8PROC_CATEGORY_ZP || p->ignorable;
}

/* How the ASCII control c is shown: \e, \a, \b, \t, \n, \r or \xNN. */
static void
vis_control(struct buf *b, unsigned char c)
{
	/* Pairs: a control, then the letter that names it. */
	static const char named[] = "\033e\aa\bb\tt\nn\rr";
	const char *n;
	char esc[8];

	for (n = named; *n != '\0'; n += 2)
		if ((unsigned char)n[0] == c)
			break;
	if (*n != '\0')
		snprintf(esc, sizeof(esc), "\\%c", n[1]);
	else
		snprintf(esc, sizeof(esc), "\\x%02x", c);
	buf_adds(b, esc);
}

/*
 * Appends s to b as a person should see it: inert, whatever it holds.
 * ASCII controls and DEL are written as C escapes (\e, \a, \b, \t, \n,
 * \r, else \xNN), a byte that is not UTF-8 as \xNN, and every other code
 * point vis_hidden() finds as <U+XXXX>: nothing that reaches a terminal
 * can move its cursor, change its title, make a link, or reorder the
 * text around it.  A backslash and a '<' are left as they are: what is
 * shown is for reading, and the exact bytes are in csv, tsv and json.
 * Printable ASCII, the common case, is copied in runs.
 */
void
vis_add(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run, *end;
	utf8proc_int32_t cp, prev = 0;
	size_t len;
	char esc[16];

	end = p + strlen(s);
	for (;;) {
		for (run = p; *p >= 0x20 && *p < 0x7F; p++)
			continue;
		if (p > run) {
			buf_add(b, (const char *)run, (size_t)(p - run));
			prev = p[-1];
		}
		if (*p == '\0')
			return;
		if (*p < 0x80 || (len = utf8_seq(p, (size_t)(end - p))) == 0) {
			vis_control(b, *p++);
			prev = 0;
			continue;
		}
		utf8proc_iterate(p, (utf8proc_ssize_t)len, &cp);
		if (vis_hidden(cp, prev)) {
			snprintf(esc, sizeof(esc), "<U+%04X>", (unsigned)cp);
			buf_adds(b, esc);
		} else
			buf_add(b, (const char *)p, len);
		prev = cp;
		p += len;
	}
}

/* s as vis_add() shows it, in a new string. */
char *
vis_str(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	struct buf b = { NULL, 0, 0 };

	while (*p >= 0x20 && *p < 0x7F)
		p++;
	if (*p == '\0')	/* printable ASCII, the common case */
		return xstrndup(s, (size_t)(p - (const unsigned char *)s));
	buf_grow(&b, strlen(s));
	b.s[0] = '\0';
	vis_add(&b, s);
	return b.s;
}

/*
 * Prints a line for a person on stdout: formatted as by printf(), shown
 * by vis_add(), and ended with a newline, which fmt must not hold.
 */
void
vis_line(const char *fmt, ...)
{
	struct buf b = { NULL, 0, 0 };
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	vis_add(&b, s);
	buf_addc(&b, '\n');
	fwrite(b.s, 1, b.len, stdout);
	free(s);
	buf_free(&b);
}

/*
 * The first character of s that a field may not hold, or NULL.  A field
 * of lines (notes, actions) may hold tabs and line ends, and the marks
 * and isolates that order mixed scripts; no other control.  Any other
 * field holds none of what vis_hidden() finds.  *len is set to the
 * character's length in bytes and *cp to its code point (-1: not UTF-8).
 */
const char *
vis_find(const char *s, int lines, size_t *len, int32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s, *end;
	utf8proc_int32_t c, prev = 0;
	int bad;

	end = p + strlen(s);
	for (; *p != '\0'; p += *len, prev = c) {
		*len = 1;
		if ((c = *p) >= 0x20 && c < 0x7F)
			continue;
		if (c >= 0x80 && ((*len = utf8_seq(p, (size_t)(end - p))) == 0 ||
		    utf8proc_iterate(p, (utf8proc_ssize_t)*len, &c) < 1)) {
			*len = 1;
			*cp = -1;
			return (const char *)p;
		}
		if (lines)
			bad = c < 0xA0 && c != '\t' && c != '\n' && c != '\r';
		else
			bad = vis_hidden(c, prev);
		if (bad) {
			*cp = c;
			return (const char *)p;
		}
	}
	return NULL;
}

/* Whether s has nothing a person could see: white space, or nothing. */
int
vis_blank(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	for (; *p != '\0'; p += k) {
		k = 1;
		if (*p < 0x80) {
			if (!is_space(*p))
				return 0;
			continue;
		}
		if ((k = utf8proc_iterate(p, -1, &cp)) < 1)
			return 0;
		if (utf8proc_category(cp) != UTF8PROC_CATEGORY_ZS &&
		    !vis_hidden(cp, 0))
			return 0;
	}
	return 1;
}
