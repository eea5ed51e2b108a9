/*
 * fuzz_jsonl.c: libFuzzer target for the JSON Lines reader (rd_open_mem,
 * rd_next) and the table header read through it (scan_open, scan_next).
 *
 * Beyond not crashing, each input is checked four ways:
 *  - what the reader promises: every record has the first one's width,
 *    its fields are valid UTF-8, its line numbers never go back;
 *  - against a reference reader, written here from sc(7) and RFC 8259 in
 *    the plainest way: the same records, fields and lines, and the same
 *    inputs refused, at the same line;
 *  - guessed, an input whose first byte that is not white space is '{'
 *    reads the same as it does with FMT_JSON;
 *  - whatever it reads, json_add() writes back, an object a line, so that
 *    it reads the same again: JSON Lines are lossless.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"
#include "fuzz.h"

enum { E_NONE, E_SYNTAX, E_HEADER, E_KEY, E_MARKER, E_BYTES };

/* A line being parsed: its bytes, and where the parse is. */
struct cur {
	const char *s;
	size_t	 n, i;
};

static int
is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void
skip(struct cur *c)
{
	while (c->i < c->n && is_ws(c->s[c->i]))
		c->i++;
}

/* The four hex digits at c->i, or -1. */
static long
hex(struct cur *c)
{
	long v = 0;
	int k, d;
	char ch;

	if (c->n - c->i < 4)
		return -1;
	for (k = 0; k < 4; k++) {
		ch = c->s[c->i + k];
		if (ch >= '0' && ch <= '9')
			d = ch - '0';
		else if (ch >= 'a' && ch <= 'f')
			d = ch - 'a' + 10;
		else if (ch >= 'A' && ch <= 'F')
			d = ch - 'A' + 10;
		else
			return -1;
		v = v * 16 + d;
	}
	c->i += 4;
	return v;
}

static void
add_utf8(struct buf *b, long cp)
{
	if (cp < 0x80)
		buf_addc(b, (int)cp);
	else if (cp < 0x800) {
		buf_addc(b, 0xc0 | (int)(cp >> 6));
		buf_addc(b, 0x80 | (int)(cp & 0x3f));
	} else if (cp < 0x10000) {
		buf_addc(b, 0xe0 | (int)(cp >> 12));
		buf_addc(b, 0x80 | (int)((cp >> 6) & 0x3f));
		buf_addc(b, 0x80 | (int)(cp & 0x3f));
	} else {
		buf_addc(b, 0xf0 | (int)(cp >> 18));
		buf_addc(b, 0x80 | (int)((cp >> 12) & 0x3f));
		buf_addc(b, 0x80 | (int)((cp >> 6) & 0x3f));
		buf_addc(b, 0x80 | (int)(cp & 0x3f));
	}
}

/* A string, its quotes at c->i: decoded into a new string, or NULL. */
static char *
string(struct cur *c)
{
	struct buf b = { NULL, 0, 0 };
	const char *map = "\"\"\\\\//b\bf\fn\nr\rt\t", *m;
	long cp, lo;
	unsigned char ch;

	buf_add(&b, "", 0);
	if (c->i >= c->n || c->s[c->i] != '"')
		goto bad;
	for (c->i++;; ) {
		if (c->i >= c->n)
			goto bad;
		ch = (unsigned char)c->s[c->i++];
		if (ch == '"')
			return b.s;
		if (ch < 0x20)
			goto bad;
		if (ch != '\\') {
			buf_addc(&b, ch);
			continue;
		}
		if (c->i >= c->n)
			goto bad;
		ch = (unsigned char)c->s[c->i++];
		for (m = map; *m != '\0' && *m != (char)ch; m += 2)
			continue;
		if (*m != '\0') {
			buf_addc(&b, m[1]);
			continue;
		}
		if (ch != 'u' || (cp = hex(c)) <= 0 ||
		    (cp >= 0xdc00 && cp <= 0xdfff))
			goto bad;
		if (cp >= 0xd800 && cp <= 0xdbff) {
			if (c->n - c->i < 2 || c->s[c->i] != '\\' ||
			    c->s[c->i + 1] != 'u')
				goto bad;
			c->i += 2;
			if ((lo = hex(c)) < 0xdc00 || lo > 0xdfff)
				goto bad;
			cp = 0x10000 + (cp - 0xd800) * 1024 + (lo - 0xdc00);
		}
		add_utf8(&b, cp);
	}
bad:
	buf_free(&b);
	return NULL;
}

static int
digits(struct cur *c)
{
	size_t from = c->i;

	while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9')
		c->i++;
	return c->i > from;
}

/* A value: a string, a number as written, true, false, null as "". */
static char *
value(struct cur *c)
{
	size_t from = c->i;
	char *v;

	if (c->i < c->n && c->s[c->i] == '"')
		return string(c);
	if (c->n - c->i >= 4 && memcmp(c->s + c->i, "true", 4) == 0)
		return c->i += 4, strdup("true");
	if (c->n - c->i >= 5 && memcmp(c->s + c->i, "false", 5) == 0)
		return c->i += 5, strdup("false");
	if (c->n - c->i >= 4 && memcmp(c->s + c->i, "null", 4) == 0)
		return c->i += 4, strdup("");
	if (c->i < c->n && c->s[c->i] == '-')
		c->i++;
	if (c->i < c->n && c->s[c->i] == '0')
		c->i++;
	else if (c->i >= c->n || c->s[c->i] < '1' || c->s[c->i] > '9' ||
	    !digits(c))
		return NULL;
	if (c->i < c->n && c->s[c->i] == '.') {
		c->i++;
		if (!digits(c))
			return NULL;
	}
	if (c->i < c->n && (c->s[c->i] == 'e' || c->s[c->i] == 'E')) {
		c->i++;
		if (c->i < c->n && (c->s[c->i] == '+' || c->s[c->i] == '-'))
			c->i++;
		if (!digits(c))
			return NULL;
	}
	v = malloc(c->i - from + 1);
	memcpy(v, c->s + from, c->i - from);
	v[c->i - from] = '\0';
	return v;
}

/*
 * The object that is the whole line: its keys and values, n of them, in
 * k and v (each a new string); 0 when it is not one.
 */
static int
object(struct cur *c, char ***k, char ***v, size_t *n)
{
	char *key, *val;

	*n = 0;
	skip(c);
	if (c->i >= c->n || c->s[c->i++] != '{')
		return 0;
	skip(c);
	if (c->i < c->n && c->s[c->i] == '}')
		c->i++;
	else
		for (;;) {
			skip(c);
			if ((key = string(c)) == NULL)
				return 0;
			*k = realloc(*k, (*n + 1) * sizeof(**k));
			*v = realloc(*v, (*n + 1) * sizeof(**v));
			(*k)[*n] = key;
			(*v)[(*n)++] = NULL;
			skip(c);
			if (c->i >= c->n || c->s[c->i++] != ':')
				return 0;
			skip(c);
			if ((val = value(c)) == NULL)
				return 0;
			(*v)[*n - 1] = val;
			skip(c);
			if (c->i < c->n && c->s[c->i] == '}') {
				c->i++;
				break;
			}
			if (c->i >= c->n || c->s[c->i++] != ',')
				return 0;
		}
	skip(c);
	return c->i == c->n;
}

static void
free_strs(char **s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(s[i]);
	free(s);
}

/* The index of key in the n strings of h, or n. */
static size_t
find(char **h, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n && strcmp(h[i], key) != 0; i++)
		continue;
	return i;
}

/*
 * One line's object, as a record (or two, for the first: its keys, then
 * its values), added to rs; a reason (E_) when it is refused.
 */
static int
ref_line(struct cur *c, long line, struct recs *rs, char ***hdr, size_t *nh)
{
	char **k = NULL, **v = NULL, **row;
	size_t n = 0, i, j;
	int err = E_NONE;

	if (!object(c, &k, &v, &n))
		err = E_SYNTAX;
	else if (*nh == 0) {
		for (i = 1; i < n && err == E_NONE; i++)
			if (find(k, i, k[i]) < i)
				err = E_KEY;
		if (n == 0)
			err = E_HEADER;
		else if (err == E_NONE && ref_marker(k[0]))
			err = E_MARKER;
		else if (err == E_NONE && ref_marker(v[0]))
			err = E_MARKER;
		if (err == E_NONE) {
			recs_add(rs, k, n, line);
			recs_add(rs, v, n, line);
			*hdr = k, *nh = n, k = NULL;
		}
	} else {
		row = calloc(*nh, sizeof(*row));
		for (i = 0; i < n && err == E_NONE; i++) {
			if ((j = find(*hdr, *nh, k[i])) == *nh || row[j] != NULL)
				err = E_KEY;
			else
				row[j] = v[i];
		}
		for (j = 0; j < *nh; j++)
			if (row[j] == NULL)
				row[j] = "";
		if (err == E_NONE && ref_marker(row[0]))
			err = E_MARKER;
		if (err == E_NONE)
			recs_add(rs, row, *nh, line);
		free(row);
	}
	free_strs(k, k != NULL ? n : 0);	/* the header's keys are kept */
	free_strs(v, n);
	return err;
}

/*
 * The reference reader.  A leading BOM is dropped.  A line ends in LF.
 * Lines of nothing but white space are skipped.  Every other line must
 * be UTF-8 without NUL, and one JSON object whose values are strings,
 * numbers, true, false or null.  The first object's keys, none twice,
 * are the header, and its values the first row; a later object's values
 * go to the columns of its keys, which must be the header's, none twice;
 * a key it lacks is "".  A first field must be no git conflict marker.
 * Errors name the line.
 */
static int
ref_read(const char *p, size_t len, struct recs *rs)
{
	struct cur c;
	char **hdr = NULL;
	const char *e;
	size_t i = 0, ll, k, nh = 0;
	long line = 1, recline;
	int err = E_NONE;

	memset(rs, 0, sizeof(*rs));
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (err == E_NONE && i < len) {
		e = memchr(p + i, '\n', len - i);
		ll = (e != NULL ? (size_t)(e - p) : len) - i;
		k = i;
		i += ll + (e != NULL);
		recline = line++;
		c.s = p + k, c.n = ll, c.i = 0;
		skip(&c);
		if (c.i == c.n)
			continue;
		c.i = 0;
		if (memchr(p + k, '\0', ll) != NULL || !utf8_valid(p + k, ll))
			err = E_BYTES;
		else
			err = ref_line(&c, recline, rs, &hdr, &nh);
		if (err != E_NONE)
			ref_fail(rs, recline, err);
	}
	free_strs(hdr, nh);
	return ref_done(rs, err == E_NONE);
}

/* What recs.c's padding (runs of 'x') becomes here: white space. */
static char *
unpad(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	size_t i;

	memcpy(s, data, size);
	for (i = 0; i < size && s[i] == 'x'; i++)
		s[i] = ' ';
	return s;
}

int
fuzz_test_one(const uint8_t *data, size_t size)
{
	struct recs a, g, ref;
	struct buf out = { NULL, 0, 0 };
	char *in = unpad(data, size);
	size_t i, j;
	int ok, refok;

	scan_all(in, size, FMT_JSON);
	ok = read_all(in, size, FMT_JSON, &a);
	same_lazy(in, size, FMT_JSON, ok, &a);
	same_keep_going(in, size, FMT_JSON, ok, &a);
	refok = ref_read(in, size, &ref);
	if (ok && rd_is_jsonl(in, size) &&
	    !(size >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0)) {
		CHECK(read_all(in, size, FMT_GUESS, &g));
		CHECK(g.n == a.n);
		recs_free(&g);
	}
	free(in);
	if (!recs_agree(ok, &a, refok, &ref))
		return 0;
	/* The first record is the header; the second is on its line. */
	for (i = 1; i < a.n; i++) {
		buf_addc(&out, '{');
		for (j = 0; j < a.width; j++) {
			if (j > 0)
				buf_addc(&out, ',');
			json_add(&out, a.r[0][j]);
			buf_addc(&out, ':');
			json_add(&out, a.r[i][j]);
		}
		buf_add(&out, "}\n", 2);
	}
	reads_back(&a, &out, FMT_JSON);
	return 0;
}
