/*
 * jsonl.c: JSON Lines, as the tools write them with -o json: one object
 * a line, each member a column's name and its value.  The keys of the
 * first object are the header, handed out as the first record, and that
 * object's values are the second record, on the same line.  The values
 * of each later object are put in the header's order by their keys: a
 * key that the first object lacks is malformed (the header is handed out
 * before that line is read, and a column cannot be added after it), and
 * one that it has but a later object lacks is an empty field.
 *
 * A value is a string, a number (kept as written), true or false (the
 * words), or null (an empty field); an object or an array in a field is
 * refused, since a field holds text.  Blank lines are skipped, and a line
 * ends in LF, a CR before it being white space as JSON has it.  Each line
 * is checked as UTF-8 whole, then scanned once in the reader's buffer;
 * its values are cut there in place, their escapes undone only when they
 * are asked for (plain), as the other readers do.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "rd.h"

/* The header, and the first object's values until they are handed out. */
struct jsonl {
	char	**keys;		/* the first object's keys, decoded */
	size_t	*klen;
	size_t	 n;
	struct buf kbuf;	/* the keys' bytes, each NUL-terminated */
	unsigned *seen;		/* seen[i] == gen: this object had key i */
	unsigned gen;
	struct span *first;	/* the first object's values */
	char	*firstline, *firstend;	/* where they stand in the buffer */
	int	 pending;	/* they are the next record */
	struct span *kspans;	/* the first object's keys, as they stand */
	size_t	 capk;
};

/* Where a field that an object lacks points: no bytes, and room for NUL. */
static char nothing[1];

/* The bytes a string stops at: its end, an escape, a control character. */
static const unsigned char str_stop[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1,
	[0x05] = 1, [0x06] = 1, [0x07] = 1, [0x08] = 1, [0x09] = 1,
	[0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1, [0x0e] = 1,
	[0x0f] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1,
	[0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1,
	[0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1, [0x1d] = 1,
	[0x1e] = 1, [0x1f] = 1, ['"'] = 1, ['\\'] = 1
};

/*
 * The first byte in [p, e) that a string stops at, or e.  Sixteen bytes
 * are looked at at once where the compiler has SSE2: most of a line is
 * the text of its strings.
 */
static inline char *
string_stop(char *p, char *e)
{
#ifdef __SSE2__
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
	const __m128i ctl = _mm_set1_epi8(0x1f);
	__m128i v;
	unsigned m;

	for (; e - p >= 16; p += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)p);
		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
		    _mm_cmpeq_epi8(_mm_min_epu8(v, ctl), v)));
		if (m != 0)
			return p + __builtin_ctz(m);
	}
#endif
	while (p < e && !str_stop[(unsigned char)*p])
		p++;
	return p;
}

static void
jsonl_start(struct reader *r)
{
	r->js = xcalloc(1, sizeof(*r->js));
}

static void
jsonl_end(struct reader *r)
{
	struct jsonl *js = r->js;

	free(js->keys);
	free(js->klen);
	buf_free(&js->kbuf);
	free(js->seen);
	free(js->first);
	free(js->kspans);
	free(js);
}

static char *
skip_ws(char *p, char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The four hex digits at p (before e), or -1. */
static long
hex4(const char *p, const char *e)
{
	long v = 0;
	int i, d;

	if (e - p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		if ((d = hexval((unsigned char)p[i])) < 0)
			return -1;
		v = v << 4 | d;
	}
	return v;
}

/*
 * Malformed: which string or value it is about (a key, or the value of
 * the key at key, its escapes undone), then what is wrong with it.
 */
static int __attribute__((format(printf, 3, 4)))
bad_at(struct reader *r, const struct span *key, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (key == NULL)
		rd_bad(r, "key: %s", msg);
	else
		rd_bad(r, "value of '%.*s': %s", (int)key->len, key->s, msg);
	return 0;
}

/*
 * The \u escape at p (its backslash), before e: its length (6, or 12 for
 * a surrogate pair), or 0 when it is malformed, reported.
 */
static size_t
check_u(struct reader *r, const char *p, const char *e,
    const struct span *key)
{
	long hi = hex4(p + 2, e), lo;
	int n = e - p - 2 < 4 ? (int)(e - p - 2) : 4;	/* to show */

	if (hi < 0)
		return bad_at(r, key, "bad escape \\u%.*s: four hex digits "
		    "expected", n, p + 2), 0;
	if (hi == 0)
		return bad_at(r, key, "\\u0000: a field cannot hold NUL"), 0;
	if (hi >= 0xdc00 && hi <= 0xdfff)
		return bad_at(r, key, "lone surrogate \\u%.*s", n, p + 2), 0;
	if (hi < 0xd800 || hi > 0xdbff)
		return 6;
	if (e - p < 12 || p[6] != '\\' || p[7] != 'u' ||
	    (lo = hex4(p + 8, e)) < 0xdc00 || lo > 0xdfff)
		return bad_at(r, key, "lone surrogate \\u%.*s", n, p + 2), 0;
	return 12;
}

/*
 * The string whose opening quote is at *pp: its bytes between the
 * quotes in sp, *pp past the closing quote.  0 when it is malformed
 * (reported): never closed on its line, a bad escape, a control
 * character.
 */
static int
scan_string(struct reader *r, char **pp, char *e, struct span *sp,
    const struct span *key)
{
	char *p = *pp + 1;
	size_t n;

	sp->s = p;
	sp->esc = 0;
	for (;;) {
		if ((p = string_stop(p, e)) == e)
			return bad_at(r, key, "unterminated string");
		if (*p == '"')
			break;
		if (*p != '\\')
			return bad_at(r, key, "control character in a "
			    "string: write it escaped, as \\n or \\u001f");
		sp->esc = 1;
		if (p + 1 < e && strchr("\"\\/bfnrt", p[1]) != NULL &&
		    p[1] != '\0')
			p += 2;
		else if (p + 1 < e && p[1] == 'u') {
			if ((n = check_u(r, p, e, key)) == 0)
				return 0;
			p += n;
		} else
			return bad_at(r, key, "bad escape \\%.1s: JSON has "
			    "\\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
			    p + 1 < e ? p + 1 : "");
	}
	sp->len = (size_t)(p - sp->s);
	*pp = p + 1;
	return 1;
}

/* A number as JSON has it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static int
number_ok(const char *p, const char *e)
{
	const char *d;

	p += p < e && *p == '-';
	if (p < e && *p == '0')
		p++;
	else if (p < e && *p >= '1' && *p <= '9')
		while (p < e && *p >= '0' && *p <= '9')
			p++;
	else
		return 0;
	if (p < e && *p == '.') {
		for (d = ++p; p < e && *p >= '0' && *p <= '9'; p++)
			continue;
		if (p == d)
			return 0;
	}
	if (p < e && (*p == 'e' || *p == 'E')) {
		p++;
		p += p < e && (*p == '+' || *p == '-');
		for (d = p; p < e && *p >= '0' && *p <= '9'; p++)
			continue;
		if (p == d)
			return 0;
	}
	return p == e;
}

/* A bare word or number: its bytes, up to white space or punctuation. */
static char *
word_end(char *p, char *e)
{
	while (p < e && strchr(" \t\r\n,:{}[]\"", *p) == NULL)
		p++;
	return p;
}

/*
 * The value at *pp, of the key at key: a string, a number or a word in
 * sp (null an empty one), *pp past it; 0 when it is malformed, reported.
 */
static int
scan_value(struct reader *r, char **pp, char *e, struct span *sp,
    const struct span *key)
{
	char *p = *pp, *w;

	if (p < e && *p == '"')
		return scan_string(r, pp, e, sp, key);
	if (p < e && (*p == '{' || *p == '['))
		return bad_at(r, key, "nested %s: a field holds a string, "
		    "number, true, false or null", *p == '{' ? "object" :
		    "array");
	w = word_end(p, e);
	sp->s = p;
	sp->len = (size_t)(w - p);
	sp->esc = 0;
	if (sp->len == 4 && memcmp(p, "null", 4) == 0)
		sp->s = nothing, sp->len = 0;
	else if (!(sp->len == 4 && memcmp(p, "true", 4) == 0) &&
	    !(sp->len == 5 && memcmp(p, "false", 5) == 0) &&
	    !number_ok(p, w))
		return bad_at(r, key, w == p ? "no value" : "'%.*s' is not "
		    "a string, number, true, false or null", (int)sp->len, p);
	*pp = w;
	return 1;
}

/* Code point c as UTF-8 at o: past it. */
static char *
put_utf8(char *o, unsigned long c)
{
	if (c < 0x80)
		*o++ = (char)c;
	else if (c < 0x800) {
		*o++ = (char)(0xc0 | c >> 6);
		*o++ = (char)(0x80 | (c & 0x3f));
	} else if (c < 0x10000) {
		*o++ = (char)(0xe0 | c >> 12);
		*o++ = (char)(0x80 | (c >> 6 & 0x3f));
		*o++ = (char)(0x80 | (c & 0x3f));
	} else {
		*o++ = (char)(0xf0 | c >> 18);
		*o++ = (char)(0x80 | (c >> 12 & 0x3f));
		*o++ = (char)(0x80 | (c >> 6 & 0x3f));
		*o++ = (char)(0x80 | (c & 0x3f));
	}
	return o;
}

/*
 * Undoes the escapes of a string that scan_string() found sound, in
 * place (none is shorter than what it stands for); returns the new end.
 */
static char *
unescape(char *s, char *e)
{
	char *o, *in;
	unsigned long c;

	if ((in = memchr(s, '\\', (size_t)(e - s))) == NULL)
		return e;
	for (o = in; in < e; ) {
		if (*in != '\\') {
			*o++ = *in++;
			continue;
		}
		switch (in[1]) {
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			c = (unsigned long)hex4(in + 2, e);
			if (c >= 0xd800 && c <= 0xdbff) {
				c = 0x10000 + ((c - 0xd800) << 10) +
				    ((unsigned long)hex4(in + 8, e) - 0xdc00);
				in += 6;
			}
			o = put_utf8(o, c);
			in += 4;
			break;
		default: *o++ = in[1]; break;	/* " \ / */
		}
		in += 2;
	}
	return o;
}

/* Room for n keys of the first object. */
static void
grow_kspans(struct jsonl *js, size_t n)
{
	if (n > js->capk) {
		js->capk = js->capk ? js->capk * 2 : 16;
		js->kspans = xreallocarray(js->kspans, js->capk,
		    sizeof(*js->kspans));
	}
}

/* The column of key k in the header, or n; hint is where it most likely is. */
static size_t
column_of(const struct jsonl *js, const struct span *k, size_t hint)
{
	size_t i;

	if (hint < js->n && js->klen[hint] == k->len &&
	    memcmp(js->keys[hint], k->s, k->len) == 0)
		return hint;
	for (i = 0; i < js->n; i++)
		if (js->klen[i] == k->len && memcmp(js->keys[i], k->s, k->len) == 0)
			return i;
	return js->n;
}

/*
 * A member of a later object: its value put in its key's column.  0 when
 * the key is not in the header, or is the object's second of that name.
 */
static int
place(struct reader *r, struct span *k, const struct span *v, size_t *col)
{
	struct jsonl *js = r->js;
	size_t i = column_of(js, k, *col);

	if (i == js->n) {
		rd_bad(r, "key '%.*s' is not in the first object, whose keys "
		    "are the header", (int)k->len, k->s);
		return 0;
	}
	if (js->seen[i] == js->gen) {
		rd_bad(r, "duplicate key '%.*s'", (int)k->len, k->s);
		return 0;
	}
	js->seen[i] = js->gen;
	r->spans[i] = *v;
	*col = i + 1;
	return 1;
}

/*
 * One member of the object at *pp ("key": value), *pp past it; the first
 * object's key and value are kept in order (n-th), a later one's placed.
 */
static int
member(struct reader *r, char **pp, char *e, size_t n, size_t *col)
{
	struct jsonl *js = r->js;
	struct span k, v;
	char *p = *pp;

	if (*p != '"') {	/* a '}' here follows a comma */
		rd_bad(r, "%s", *p == '}' ? "a comma before '}'" :
		    "a key in double quotes expected");
		return 0;
	}
	if (!scan_string(r, &p, e, &k, NULL))
		return 0;
	if (k.esc)
		k.len = (size_t)(unescape(k.s, k.s + k.len) - k.s);
	p = skip_ws(p, e);
	if (p == e || *p != ':') {
		rd_bad(r, "':' expected after the key '%.*s'", (int)k.len,
		    k.s);
		return 0;
	}
	p = skip_ws(p + 1, e);
	if (!scan_value(r, &p, e, &v, &k))
		return 0;
	*pp = p;
	if (js->n > 0)
		return place(r, &k, &v, col);
	grow_kspans(js, n + 1);
	rd_grow_spans(r, n + 1);
	js->kspans[n] = k;
	r->spans[n] = v;
	return 1;
}

/* The line ends before the object does. */
static int
open_object(struct reader *r)
{
	rd_bad(r, "the line ends inside the object: one object a line "
	    "(jq -c writes so)");
	return 0;
}

/*
 * The object in [s, e), a line with more than white space: its members
 * (the n of the first object); 0 when it is malformed, reported.
 */
static int
object(struct reader *r, char *s, char *e, size_t *n)
{
	char *p = skip_ws(s, e);
	size_t col = 0;

	*n = 0;
	if (*p != '{') {
		rd_bad(r, "not a JSON object: each line is one {\"column\": "
		    "\"value\", ...}");
		return 0;
	}
	p = skip_ws(p + 1, e);
	if (p < e && *p == '}')
		p++;		/* {} */
	else
		for (;;) {
			if (p == e)
				return open_object(r);
			if (!member(r, &p, e, (*n)++, &col))
				return 0;
			if ((p = skip_ws(p, e)) == e)
				return open_object(r);
			if (*p++ == '}')
				break;
			if (p[-1] != ',') {
				rd_bad(r, "',' or '}' expected after a value");
				return 0;
			}
			p = skip_ws(p, e);
		}
	if (skip_ws(p, e) != e) {
		rd_bad(r, "text after the object: one object a line");
		return 0;
	}
	return 1;
}

/* Two keys of the first object alike: the header would have them twice. */
static int
duplicate_key(struct reader *r, const struct jsonl *js)
{
	size_t i, j;

	for (i = 1; i < js->n; i++)
		for (j = 0; j < i; j++)
			if (js->klen[i] == js->klen[j] &&
			    memcmp(js->keys[i], js->keys[j], js->klen[i]) == 0) {
				rd_bad(r, "duplicate key '%s'", js->keys[i]);
				return 1;
			}
	return 0;
}

/*
 * The first object, of n members in [s, e): its keys, copied out of the
 * buffer, are the header, handed out now; its values are kept for the
 * next call, where they stand in the buffer, which no read moves before.
 */
static int
header(struct reader *r, size_t n, char *s, char *e)
{
	struct jsonl *js = r->js;
	size_t i, off;

	if (n == 0) {
		rd_bad(r, "an empty object first: the first object's keys are "
		    "the header");
		return 0;
	}
	js->keys = xreallocarray(NULL, n, sizeof(*js->keys));
	js->klen = xreallocarray(NULL, n, sizeof(*js->klen));
	for (i = 0; i < n; i++) {
		js->klen[i] = js->kspans[i].len;
		buf_add(&js->kbuf, js->kspans[i].s, js->kspans[i].len);
		buf_addc(&js->kbuf, '\0');
	}
	for (i = off = 0; i < n; off += js->klen[i++] + 1)
		js->keys[i] = js->kbuf.s + off;
	js->n = n;
	if (duplicate_key(r, js))
		return 0;
	js->seen = xcalloc(n, sizeof(*js->seen));
	js->first = xreallocarray(NULL, n, sizeof(*js->first));
	memcpy(js->first, r->spans, n * sizeof(*js->first));
	js->firstline = s;
	js->firstend = e;
	js->pending = 1;
	rd_grow_ptrs(r, n);
	for (i = 0; i < n; i++)
		r->ptrs[i] = js->keys[i];
	r->nf = n;
	return 1;
}

/* Hands the fields of the record in [s, e), in spans, to rd.c. */
static void
take(struct reader *r, char *s, char *e)
{
	struct recinfo ri = { NULL, NULL, NULL, 0, 0, 0 };

	ri.end = e;
	rd_take(r, s, r->js->n, &ri);	/* its UTF-8 is checked */
}

/* A later object, in [s, e): its values in the header's columns. */
static int
row(struct reader *r, char *s, char *e)
{
	struct jsonl *js = r->js;
	size_t i, n;

	rd_grow_spans(r, js->n);
	for (i = 0; i < js->n; i++) {
		r->spans[i].s = nothing;
		r->spans[i].len = 0;
		r->spans[i].esc = 0;
	}
	if (++js->gen == 0) {	/* wrapped: no mark may look current */
		memset(js->seen, 0, js->n * sizeof(*js->seen));
		js->gen = 1;
	}
	if (!object(r, s, e, &n))
		return 0;
	take(r, s, e);
	return 1;
}

/* The first object's values, the record after the header. */
static int
first_row(struct reader *r, struct rec *rec)
{
	struct jsonl *js = r->js;

	js->pending = 0;
	rd_grow_spans(r, js->n);
	memcpy(r->spans, js->first, js->n * sizeof(*r->spans));
	r->inrec = 1;
	take(r, js->firstline, js->firstend);
	return rd_emit(r, rec);
}

static int
jsonl_next(struct reader *r, struct rec *rec)
{
	struct jsonl *js = r->js;
	char *s, *t;
	size_t n;
	int head;

	for (;;) {
		if (js->pending && first_row(r, rec))
			return 1;
		if (r->ipos == r->ilen && rd_fill(r) == 0)
			return 0;
		t = rd_line_end(r, 1);
		s = r->ibuf + r->ipos;
		r->ipos += (size_t)(t - s) + (t < r->ibuf + r->ilen);
		r->recline = r->line++;
		if (skip_ws(s, t) == t)
			continue;	/* a blank line */
		r->inrec = 1;
		rd_check_line(r, s, (size_t)(t - s));
		if ((head = js->n == 0) && !r->bad)
			r->bad = !object(r, s, t, &n) || !header(r, n, s, t);
		else if (!r->bad)
			r->bad = !row(r, s, t);
		if (rd_emit(r, rec))
			return 1;
		/* Without its header, no row can be read. */
		if (head)
			r->stopped = 1;
		if (r->stopped)
			return 0;
	}
}

const struct rd_format rd_jsonl = {
	jsonl_start, jsonl_next, unescape, jsonl_end
};
