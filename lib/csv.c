/*
 * csv.c: the readers.  CSV goes through libcsv, wrapped here and nowhere
 * else; TSV is split by hand.  Both hand out one record at a time with the
 * line on which it starts, so that memory does not grow with the input and
 * every message can name its line.  Malformed input is fatal (exit 3):
 * an unterminated quote, text after a closing quote, a row with the wrong
 * number of fields, invalid UTF-8, a NUL byte, or a git conflict marker.
 * Only check reads on past it (rd_keep_going): each malformed record is
 * then reported, counted and skipped, and the next one is read.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "sc.h"

/* The bytes read at once; the fuzz targets make it small (SC_CHUNK). */
#ifndef SC_CHUNK
#define SC_CHUNK	(1 << 17)
#endif
enum { CHUNK = SC_CHUNK };

/* libcsv's parser states, which its header does not export. */
enum { LIBCSV_FIELD_BEGUN = 2 };

struct reader {
	char	*name;
	FILE	*fp;
	int	 fmt;
	int	 table;	/* a table of the data directory */
	int	 delim;		/* not a comma: libcsv reads every record */
	char	*ibuf;		/* input bytes not yet parsed: [ipos, ilen) */
	size_t	 ipos, ilen, icap;
	int	 eof;
	long	 line;		/* the line of the next byte to parse */
	int	 pending_cr;	/* the last chunk ended in CR; LF may follow */
	size_t	 nolf;		/* [ipos, nolf) of ibuf holds no LF */
	long	 recline;	/* the line on which the current record began */
	int	 inrec;
	int	 done;		/* the current record is complete */
	int	 bad;		/* and its bytes were reported malformed */
	int	 stopped;	/* nothing more is read: its header is lost */
	size_t	 width;		/* fields in the first record, 0 before it */
	struct buf fields;	/* the record's fields, each NUL-terminated */
	size_t	*offs;
	size_t	 nf, capf;
	char	**ptrs;
	size_t	 capp;
	struct span *spans;	/* the fast path's fields, before they are cut */
	size_t	 caps;
	int	 inplace;	/* ptrs point into ibuf, set by the fast path */
	int	 lazy;	/* the fast path leaves fields to rd_field() */
	int	 uncut;		/* the record's spans are not cut yet */
	char	*raw;		/* the record as it stood, when uncut */
	size_t	 rawlen;
	int	 rawcsv;	/* and csv_add() would write it the same */
	int	 rawtsv;	/* and tsv_add() would: its tabs are tabs */
	struct buf scratch;	/* fields copied out of an uncut record */
	struct csv_parser p;
};

struct span {
	char	*s;
	size_t	 len;
	int	 esc;		/* holds doubled quotes */
};

enum { FAST_OK, FAST_NO, FAST_MORE, FAST_BAD, FAST_OPEN, FAST_SKIP };

/* Whether any byte of w is b: the classic SWAR zero-byte test. */
#define ONES	0x0101010101010101ULL
#define HAS(w, b)	((((w) ^ (ONES * (b))) - ONES) & ~((w) ^ (ONES * (b))) & \
			    (ONES * 0x80))

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static struct reader *
reader_new(const char *name, FILE *fp, int fmt, size_t cap)
{
	struct reader *r;

	r = xcalloc(1, sizeof(*r));
	r->name = xstrdup(name);
	r->fp = fp;
	/* The reader has its own buffer: stdio's would cost a copy and a read. */
	setvbuf(fp, NULL, _IONBF, 0);
	r->fmt = fmt;
	r->line = 1;
	r->icap = cap;
	r->ibuf = xmalloc(r->icap);
	if (csv_init(&r->p, CSV_APPEND_NULL) != 0)
		die(EXIT_SYS, "out of memory");
	csv_set_space_func(&r->p, no_space);
	csv_set_realloc_func(&r->p, xrealloc);
	csv_set_free_func(&r->p, free);
	return r;
}

/* Moves the unparsed bytes to the front and reads more; 0 at end of input. */
static size_t
fill(struct reader *r)
{
	size_t n;

	if (r->eof)
		return 0;
	memmove(r->ibuf, r->ibuf + r->ipos, r->ilen - r->ipos);
	r->ilen -= r->ipos;
	r->nolf = r->nolf > r->ipos ? r->nolf - r->ipos : 0;
	r->ipos = 0;
	/* One byte stays spare, for the NUL after a last TSV field. */
	if (r->ilen + 1 >= r->icap) {
		r->icap *= 2;
		r->ibuf = xrealloc(r->ibuf, r->icap);
	}
	n = fread(r->ibuf + r->ilen, 1, r->icap - r->ilen - 1, r->fp);
	if (n == 0) {
		if (ferror(r->fp))
			die(EXIT_SYS, "%s: read error: %s", r->name,
			    strerror(errno));
		r->eof = 1;
	}
	r->ilen += n;
	return n;
}

/* A byte-order mark is allowed at the start of the input, and dropped. */
static void
skip_bom(struct reader *r)
{
	while (r->ilen < 3 && fill(r) > 0)
		continue;
	if (r->ilen >= 3 && memcmp(r->ibuf, "\xef\xbb\xbf", 3) == 0)
		r->ipos = 3;
}

/* The guess: a .tsv or .tab name, or a first line with tabs and no commas. */
static int
guess_format(struct reader *r)
{
	const char *dot = strrchr(r->name, '.');
	char *nl;
	size_t len;

	if (dot != NULL && (strcmp(dot, ".tsv") == 0 || strcmp(dot, ".tab") == 0))
		return FMT_TSV;
	while ((nl = memchr(r->ibuf + r->ipos, '\n', r->ilen - r->ipos)) == NULL)
		if (fill(r) == 0)
			break;
	len = nl != NULL ? (size_t)(nl - (r->ibuf + r->ipos)) : r->ilen - r->ipos;
	if (memchr(r->ibuf + r->ipos, '\t', len) != NULL &&
	    memchr(r->ibuf + r->ipos, ',', len) == NULL)
		return FMT_TSV;
	return FMT_CSV;
}

static struct reader *
reader_start(struct reader *r)
{
	skip_bom(r);
	if (r->fmt == FMT_GUESS)
		r->fmt = guess_format(r);
	return r;
}

struct reader *
rd_open(const char *path, int fmt)
{
	FILE *fp;

	if (strcmp(path, "-") == 0)
		return reader_start(reader_new("stdin", stdin, fmt, CHUNK));
	if ((fp = fopen(path, "r")) == NULL)
		die(EXIT_SYS, "%s: %s", path, strerror(errno));
	return reader_start(reader_new(path, fp, fmt, CHUNK));
}

struct reader *
rd_open_mem(const char *name, const char *data, size_t len, int fmt)
{
	FILE *fp;

	if (len == 0)
		data = "\n", len = 1;
	if ((fp = fmemopen((void *)(uintptr_t)data, len, "r")) == NULL)
		die(EXIT_SYS, "%s: %s", name, strerror(errno));
	/* Input in memory is read at once, into a buffer no bigger than it. */
	return reader_start(reader_new(name, fp, fmt,
	    len + 2 < CHUNK ? len + 2 : CHUNK));
}

const char *
rd_name(const struct reader *r)
{
	return r->name;
}

void
rd_close(struct reader *r)
{
	if (r == NULL)
		return;
	if (r->fp != stdin)
		fclose(r->fp);
	csv_free(&r->p);
	buf_free(&r->fields);
	buf_free(&r->scratch);
	free(r->offs);
	free(r->ptrs);
	free(r->spans);
	free(r->ibuf);
	free(r->name);
	free(r);
}

/*
 * Whether malformed records are fatal: check reads on past them, so that
 * one run lists every one of them, in every table it reads.
 */
static int keep_going;
static long nmalformed;

void
rd_keep_going(int on)
{
	keep_going = on;
}

int
rd_keeping_going(void)
{
	return keep_going;
}

/* The malformed records (and headers) reported so far. */
long
rd_malformed(void)
{
	return nmalformed;
}

/*
 * Reports malformed input at file:line, then exits 3, saying (for a
 * table that a write was about to change) that nothing was written and
 * how to see more; but with rd_keep_going() it returns, for the caller
 * to skip what is malformed.
 */
static void __attribute__((format(printf, 4, 0)))
vmalformed(const char *file, long line, int table, const char *fmt,
    va_list ap)
{
	char msg[512];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	warn_at(file, line, "%s", msg);
	nmalformed++;
	if (keep_going)
		return;
	if (table)
		table_hint(file);
	exit(EXIT_DATA);
}

void
malformed_at(const char *file, long line, int table, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmalformed(file, line, table, fmt, ap);
	va_end(ap);
}

/* The reader's record is malformed, from the line on which it began. */
static void __attribute__((format(printf, 2, 3)))
malformed(struct reader *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmalformed(r->name, r->recline, r->table, fmt, ap);
	va_end(ap);
}

void
rd_is_table(struct reader *r)
{
	r->table = 1;
}

/*
 * For a file a spreadsheet saved with ';' or a tab between its fields
 * (quoted as CSV): the fast path knows only the comma, so libcsv reads
 * every record.  Called before the first rd_next().
 */
void
rd_delim(struct reader *r, int c)
{
	csv_set_delim(&r->p, (unsigned char)c);
	r->delim = c != ',';
}

/*
 * Each line is checked whole before it is parsed: quotes, commas and tabs
 * are ASCII, so a line is valid UTF-8 exactly when its fields are, and
 * one pass over the line is cheaper than one per field.  utf8_valid()
 * also refuses NUL.
 */
static void
check_line(struct reader *r, const char *s, size_t len)
{
	if (utf8_valid(s, len))
		return;
	if (!r->inrec)
		r->recline = r->line;
	if (r->bad)
		return;		/* a record is reported once */
	r->bad = 1;
	if (memchr(s, '\0', len) != NULL)
		malformed(r, "NUL byte");
	else
		malformed(r, "invalid UTF-8");
}

/* s[len] is NUL: it is copied with the field, as its terminator. */
static void
add_field(struct reader *r, const char *s, size_t len)
{
	if (r->nf == r->capf) {
		r->capf = r->capf ? r->capf * 2 : 16;
		r->offs = xreallocarray(r->offs, r->capf, sizeof(*r->offs));
	}
	r->offs[r->nf++] = r->fields.len;
	buf_add(&r->fields, s, len + 1);
}

static void
on_field(void *s, size_t len, void *data)
{
	add_field(data, s != NULL ? s : "", s != NULL ? len : 0);
}

static void
on_record(int c, void *data)
{
	struct reader *r = data;

	(void)c;
	r->done = 1;
}

static void
grow_ptrs(struct reader *r, size_t n)
{
	if (n > r->capp) {
		r->capp = n * 2;
		r->ptrs = xreallocarray(r->ptrs, r->capp, sizeof(*r->ptrs));
	}
}

/*
 * A line that git leaves in a file it could not merge: seven of '<', '=',
 * '>' or '|' (diff3's base), alone or before a space and a label.
 */
static int
conflict_marker(const char *s, size_t len)
{
	size_t i;

	if (len < 7 || memchr("<=>|", s[0], 4) == NULL)
		return 0;
	for (i = 1; i < 7; i++)
		if (s[i] != s[0])
			return 0;
	return len == 7 || s[7] == ' ';
}

/* Whether the first field of the record (cut or not) is a marker. */
static inline int
first_is_marker(const struct reader *r)
{
	const char *s;

	if (r->uncut)
		s = r->spans[0].s;
	else
		s = r->inplace ? r->ptrs[0] : r->fields.s + r->offs[0];
	/* Most records are no marker, and their first byte tells. */
	if (*s != '<' && *s != '=' && *s != '>' && *s != '|')
		return 0;
	return conflict_marker(s, r->uncut ? r->spans[0].len : strlen(s));
}

/*
 * A record as wide as the header is what people expect to type; what
 * makes it wider or narrower is most often a comma (or tab) that should
 * have been inside a quoted (or escaped) field, or a field broken over
 * two lines.  The message says so.
 */
static void
bad_width(struct reader *r)
{
	size_t n = r->nf, w = r->width, k = n > w ? n - w : w - n;
	int tsv = r->fmt == FMT_TSV;
	char count[32];

	if (k == 1)
		snprintf(count, sizeof(count), "one");
	else
		snprintf(count, sizeof(count), "%zu", k);
	if (n > w && tsv)
		malformed(r, "%zu fields where the header has %zu: %s too "
		    "many: a tab in a field? write it as \\t", n, w, count);
	else if (n > w)
		malformed(r, "%zu fields where the header has %zu: %s too "
		    "many: %s? quote %s", n, w, count, k == 1 ?
		    "an unquoted comma in a field" : "unquoted commas in fields",
		    k == 1 ? "the field" : "those fields");
	else
		malformed(r, "%zu field%s where the header has %zu: %s too "
		    "few: a line break in %s field, or a missing %s?", n,
		    n == 1 ? "" : "s", w, count, tsv ? "a" : "an unquoted",
		    tsv ? "tab" : "comma");
}

/* Ends the current record without handing it out; returns 0. */
static int
drop(struct reader *r)
{
	r->done = 0;
	r->inrec = 0;
	r->inplace = 0;
	r->uncut = r->rawcsv = r->rawtsv = 0;
	r->bad = 0;
	return 0;
}

/*
 * Hands the complete record out, after checking it: 1, or 0 when it was
 * malformed and is skipped (which only rd_keep_going() lets happen).
 * Without its header, a file's rows cannot be read.
 */
static int
emit(struct reader *r, struct rec *rec)
{
	size_t i;

	if (r->bad) {
		r->stopped = r->width == 0;
		return drop(r);
	}
	if (first_is_marker(r)) {
		malformed(r, "git conflict marker: finish the merge "
		    "(see sc(7))");
		return drop(r);
	}
	if (r->width == 0)
		r->width = r->nf;
	else if (r->nf != r->width) {
		bad_width(r);
		return drop(r);
	}
	if (!r->inplace) {
		grow_ptrs(r, r->nf);
		for (i = 0; i < r->nf; i++)
			r->ptrs[i] = r->fields.s + r->offs[i];
	}
	r->inplace = 0;
	rec->n = r->nf;
	rec->f = r->ptrs;
	rec->line = r->recline;
	r->done = 0;
	r->inrec = 0;
	return 1;
}

static void
start_record(struct reader *r)
{
	r->inrec = 1;
	r->recline = r->line;
	r->nf = 0;
	buf_reset(&r->fields);
}

/*
 * The end of the line at ipos: its first CR or LF (with lf_only, its first
 * LF), else the end of the input.  Reads on until the line is whole, and until the byte after a
 * CR is known, so that a line is never parsed in two pieces.  Only the
 * bytes read since the last look are scanned again: linear, whatever the
 * line ends.
 */
static char *
line_end(struct reader *r, int lf_only)
{
	char *s, *e, *t, *cr, *from;
	size_t scanned = 0;

	for (;;) {
		s = r->ibuf + r->ipos;
		e = r->ibuf + r->ilen;
		/* Where no LF was found before, none is looked for again. */
		from = r->nolf > r->ipos + scanned ? r->ibuf + r->nolf :
		    s + scanned;
		if ((t = memchr(from, '\n', (size_t)(e - from))) == NULL)
			t = e;
		r->nolf = (size_t)(t - r->ibuf);
		cr = lf_only ? NULL :
		    memchr(s + scanned, '\r', (size_t)(t - s) - scanned);
		if (cr != NULL && (cr + 1 < e || r->eof))
			return cr;
		if (cr == NULL && (t < e || r->eof))
			return t;
		scanned = (size_t)((cr != NULL ? cr : e) - s);
		fill(r);
	}
}

/*
 * Feeds libcsv one line at a time (up to and including one CR or LF), so
 * that the line count is known whenever a record begins or ends.
 */
static void
feed_line(struct reader *r)
{
	char *t = line_end(r, 0), *s = r->ibuf + r->ipos, *e;

	e = r->ibuf + r->ilen;
	if (r->pending_cr) {
		r->pending_cr = 0;
		if (*s != '\n')
			r->line++;
	}
	check_line(r, s, (size_t)(t - s));
	if (!r->inrec && t != s)
		start_record(r);
	r->ipos += (size_t)(t - s) + (t < e);
	if (t < e && *t == '\n')
		r->line++;
	else if (t < e)
		r->pending_cr = 1;
	if (csv_parse(&r->p, s, (size_t)(t - s) + (t < e), on_field,
	    on_record, r) != (size_t)(t - s) + (t < e))
		die(EXIT_SYS, "%s: %s", r->name, csv_strerror(csv_error(&r->p)));
}

/*
 * The fast path: a record is cut in place in the input buffer, without a
 * copy: plain fields (a quote inside one is kept as it stands) and quoted
 * fields closed right before a comma or a line end.  Text after a closing
 * quote is malformed.  What is left (a blank line, a quote still open at
 * the end of the input, a NUL, bytes that are not UTF-8) goes a line at a
 * time through libcsv and check_line(), which report it with its line.
 *
 * One pass finds the bytes that matter: the CSV specials, NUL, and those
 * of 0x80 and up.  Only the stretch from a record's first such byte to
 * its last is checked as UTF-8, since every byte outside it is ASCII.
 */
struct recinfo {
	char	*hi0, *hi1;	/* the first byte >= 0x80, and past the last */
	char	*end;		/* where the record's line end begins */
	long	 lines;		/* the line ends it holds, its own included */
	int	 canon;		/* it stands as csv_add() would write it */
	int	 tsvok;		/* and, read as TSV, as tsv_add() would */
};

/*
 * What the fast paths look for, in the three places they look: the bytes
 * that end a plain CSV field or make it not plain; those that matter in a
 * quoted one; and those of a TSV field.  A fast path stops at each STOP
 * byte, and only notes whether it passed a NOTE byte (which makes the
 * record not as the writer would write it).  NUL stops all three.
 */
enum { PLAIN, QUOTED, TSV };
enum { STOP = 1, NOTE = 2 };

static const unsigned char looked_for[3][256] = {
	[PLAIN] = { [','] = STOP, ['"'] = STOP, ['\n'] = STOP, ['\r'] = STOP,
	    ['\0'] = STOP },
	[QUOTED] = { ['"'] = STOP, ['\n'] = STOP, ['\r'] = STOP, ['\0'] = STOP,
	    [','] = NOTE },
	[TSV] = { ['\t'] = STOP, ['\n'] = STOP, ['\r'] = STOP, ['\\'] = STOP,
	    ['\0'] = STOP, [','] = NOTE, ['"'] = NOTE },
};

static void
note_high(struct recinfo *ri, char *from, char *to)
{
	if (ri->hi0 == NULL)
		ri->hi0 = from;
	ri->hi1 = to;
}

#ifdef __SSE2__
#define EQ(v, c)	_mm_cmpeq_epi8((v), _mm_set1_epi8(c))
#define OR(a, b)	_mm_or_si128((a), (b))

/*
 * The stops among 16 bytes, a bit each; the notes and the bytes >= 0x80
 * go to *note and *high.  Each set is spelled out for SSE2, and must be
 * the same as looked_for[].
 */
static inline __attribute__((always_inline)) unsigned
stops16(const char *p, int set, unsigned *note, unsigned *high)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i lines = OR(OR(EQ(v, '\n'), EQ(v, '\r')), EQ(v, '\0')), m;

	*high = (unsigned)_mm_movemask_epi8(v);
	if (set == PLAIN) {
		*note = 0;
		m = OR(lines, OR(EQ(v, ','), EQ(v, '"')));
	} else if (set == QUOTED) {
		*note = (unsigned)_mm_movemask_epi8(EQ(v, ','));
		m = OR(lines, EQ(v, '"'));
	} else {
		*note = (unsigned)_mm_movemask_epi8(OR(EQ(v, ','), EQ(v, '"')));
		m = OR(lines, OR(EQ(v, '\t'), EQ(v, '\\')));
	}
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

/*
 * The first stop of the set in [p, e), or e.  The bytes >= 0x80 before it
 * are noted in ri, and *noted is set when a NOTE byte is before it.
 */
static inline __attribute__((always_inline)) char *
next_stop(char *p, char *e, struct recinfo *ri, int set, int *noted)
{
	const unsigned char *look = looked_for[set];
#ifdef __SSE2__
	unsigned m, n, h, before;

	for (; e - p >= 16; p += 16) {
		m = stops16(p, set, &n, &h);
		before = m != 0 ? (m & -m) - 1 : 0xffff;
		if ((h &= before) != 0)
			note_high(ri, p + __builtin_ctz(h),
			    p + 32 - __builtin_clz(h));
		if ((n & before) != 0)
			*noted = 1;
		if (m != 0)
			return p + __builtin_ctz(m);
	}
#else
	uint64_t w;

	/* Eight bytes at a time while none is looked for or >= 0x80. */
	for (; e - p >= 8; p += 8) {
		memcpy(&w, p, 8);
		if (HAS(w, ',') | HAS(w, '\n') | HAS(w, '\r') | HAS(w, '"') |
		    HAS(w, '\t') | HAS(w, '\\') | HAS(w, 0) |
		    (w & (ONES * 0x80)))
			break;
	}
#endif
	for (; p < e && look[(unsigned char)*p] != STOP; p++) {
		if (look[(unsigned char)*p] == NOTE)
			*noted = 1;
		if ((unsigned char)*p >= 0x80)
			note_high(ri, p, p + 1);
	}
	return p;
}

/* A field whose first or last byte is a space is quoted when written. */
static int
space_ends(const char *s, size_t len)
{
	return len > 0 && (s[0] == ' ' || s[len - 1] == ' ');
}

static int
fast_quoted(struct reader *r, char **pp, char *e, struct span *sp,
    struct recinfo *ri)
{
	char *c = *pp + 1;
	int special = 0;

	sp->s = c;
	sp->esc = 0;
	for (;; c++) {
		if ((c = next_stop(c, e, ri, QUOTED, &special)) == e)
			return r->eof ? FAST_OPEN : FAST_MORE;
		if (*c == '\0')
			return FAST_NO;
		if (*c == '"') {
			if (c + 1 == e && !r->eof)
				return FAST_MORE;
			if (c + 1 == e || c[1] != '"')
				break;
			sp->esc = 1;
			c++;
		} else if (*c == '\n' || (*c == '\r' && (c + 1 == e ||
		    c[1] != '\n')))
			ri->lines++;	/* LF, CRLF or a lone CR, as outside */
		special = 1;
	}
	sp->len = (size_t)(c - sp->s);
	if (!special && !space_ends(sp->s, sp->len))
		ri->canon = 0;		/* csv_add() would not quote it */
	*pp = c + 1;
	return FAST_OK;
}

static int
fast_plain(char **pp, char *e, struct span *sp, struct recinfo *ri)
{
	char *c = *pp;
	int none = 0;

	/* A quote inside a plain field is kept as it stands. */
	while ((c = next_stop(c, e, ri, PLAIN, &none)) < e && *c == '"') {
		ri->canon = 0;		/* csv_add() would quote it */
		c++;
	}
	if (c < e && *c == '\0')
		return FAST_NO;
	sp->s = *pp;
	sp->len = (size_t)(c - *pp);
	sp->esc = 0;
	if (space_ends(sp->s, sp->len))
		ri->canon = 0;
	*pp = c;
	return FAST_OK;
}

/*
 * After a field: 1 for another field, 0 at the record's end, or a FAST_
 * code, negated.  Text right after a closing quote is malformed.
 */
static int
fast_next(struct reader *r, char **pp, char *e, struct recinfo *ri,
    int quoted)
{
	char *p = *pp;

	if (p == e) {
		ri->end = p;
		return r->eof ? 0 : -FAST_MORE;
	}
	*pp = p + 1;
	if (*p == ',')
		return 1;
	ri->end = p;
	if (*p == '\n') {
		ri->lines++;
		return 0;
	}
	if (*p == '\r') {
		if (p + 1 == e && !r->eof)
			return -FAST_MORE;	/* is it CRLF or a lone CR? */
		if (p + 1 < e && p[1] == '\n')
			*pp = p + 2;
		ri->lines++;
		ri->canon = 0;		/* the writers end lines in LF */
		return 0;
	}
	return quoted ? -FAST_BAD : -FAST_NO;
}

/*
 * Makes doubled quotes single, in place, moving the runs between them
 * whole; returns the new end.
 */
static char *
unquote(char *s, char *end)
{
	char *out = s, *q;
	size_t run;

	while (s < end) {
		q = memchr(s, '"', (size_t)(end - s));
		run = q != NULL ? (size_t)(q - s) + 1 : (size_t)(end - s);
		memmove(out, s, run);
		out += run;
		s += run + (q != NULL);		/* past the quote's double */
	}
	return out;
}

/*
 * TSV escapes: \t \n \r \\; any other backslash stands as it is.  Only a
 * field that holds a backslash is rewritten, in place; returns the new end.
 */
static char *
unescape(char *s, char *e)
{
	char *o, *in;

	if ((in = memchr(s, '\\', (size_t)(e - s))) == NULL)
		return e;
	for (o = in; in < e; in++) {
		if (*in == '\\' && in + 1 < e && strchr("tnr\\", in[1])) {
			in++;
			*o++ = *in == 't' ? '\t' : *in == 'n' ? '\n' :
			    *in == 'r' ? '\r' : '\\';
		} else
			*o++ = *in;
	}
	return o;
}

/* Cuts the fields out: a NUL after each, doubled quotes made single. */
static void
fast_cut(struct reader *r, size_t n)
{
	struct span *sp;
	char *end;
	size_t i;

	grow_ptrs(r, n);
	for (i = 0; i < n; i++) {
		sp = &r->spans[i];
		end = sp->s + sp->len;
		if (sp->esc)
			end = r->fmt == FMT_TSV ? unescape(sp->s, end) :
			    unquote(sp->s, end);
		*end = '\0';
		r->ptrs[i] = sp->s;
	}
	r->nf = n;
	r->inplace = 1;
}

/*
 * A lazy reader leaves the record as it stood, so that a filter can copy
 * it whole, and fields are copied out only as they are asked for.
 */
static void
leave_uncut(struct reader *r, char *start, size_t n,
    const struct recinfo *ri)
{
	size_t i;

	grow_ptrs(r, n);
	for (i = 0; i < n; i++)
		r->ptrs[i] = NULL;
	r->nf = n;
	r->inplace = 1;
	r->uncut = 1;
	r->raw = start;
	r->rawlen = (size_t)(ri->end - start);
	r->rawcsv = ri->canon;
	r->rawtsv = r->fmt == FMT_TSV && ri->tsvok;
	/* Room for every field, so that no copy moves an earlier one. */
	buf_reset(&r->scratch);
	if (r->scratch.cap < r->rawlen + n)
		buf_grow(&r->scratch, r->rawlen + n);
}

static void
grow_spans(struct reader *r, size_t n)
{
	if (n > r->caps) {
		r->caps = r->caps ? r->caps * 2 : 16;
		r->spans = xreallocarray(r->spans, r->caps, sizeof(*r->spans));
	}
}

/*
 * The fast paths' end: the record's bytes >= 0x80 are checked as UTF-8 (0
 * when they are not, for the line path to report), then its fields are
 * cut, or left for rd_field() by a lazy reader.
 */
static int
take_record(struct reader *r, char *start, size_t n, const struct recinfo *ri)
{
	if (ri->hi0 != NULL &&
	    !utf8_valid(ri->hi0, (size_t)(ri->hi1 - ri->hi0)))
		return 0;
	if (r->lazy)
		leave_uncut(r, start, n, ri);
	else
		fast_cut(r, n);
	return 1;
}

/* Skips the rest of the line at ipos, and its line end. */
static void
skip_line(struct reader *r)
{
	char *t = line_end(r, 0), *e = r->ibuf + r->ilen;

	r->ipos = (size_t)(t - r->ibuf);
	if (t == e)
		return;
	r->ipos++;
	r->line++;
	if (*t == '\r' && t + 1 < e && t[1] == '\n')
		r->ipos++;
}

/* The line ends in [s, e), as the reader counts them. */
static long
count_lines(const char *s, const char *e)
{
	long n = 0;

	for (; s < e; s++)
		if (*s == '\n' || (*s == '\r' && (s + 1 == e || s[1] != '\n')))
			n++;
	return n;
}

/*
 * The quoted field of span sp, in the record that starts at start, is
 * never closed (open), or text follows its closing quote.  Most often its
 * quote is a stray one, and the field swallowed what followed it: so
 * reading goes on (with rd_keep_going()) on the line after the quote's,
 * where the next record most likely starts.  A header lost this way
 * leaves nothing to read the rows by.
 */
static int
bad_quote(struct reader *r, char *start, const struct span *sp, int open)
{
	char where[64] = "", *q = sp->s - 1;	/* the opening quote */
	long qlines = count_lines(start, q);

	r->recline = r->line;
	if (qlines > 0)
		snprintf(where, sizeof(where), " (its quote is on line %ld)",
		    r->line + qlines);
	if (open)
		malformed(r, "unterminated quoted field%s: a stray quote? "
		    "quote the whole field and double the quotes in it", where);
	else
		malformed(r, "text after a closing quote%s: a quote in a "
		    "field? quote the whole field and double the quotes in it",
		    where);
	if (r->width == 0) {
		r->stopped = 1;
		return FAST_SKIP;
	}
	r->line += qlines;
	r->ipos = (size_t)(q - r->ibuf);
	skip_line(r);
	return FAST_SKIP;
}

static int
fast_record(struct reader *r)
{
	char *start = r->ibuf + r->ipos, *p = start, *e = r->ibuf + r->ilen;
	struct recinfo ri = { NULL, NULL, NULL, 0, 1, 1 };
	size_t n = 0;
	int rc, quoted;

	if (*p == '\n' || *p == '\r')
		return FAST_NO;		/* a blank line: libcsv skips it */
	do {
		grow_spans(r, n + 1);
		quoted = p < e && *p == '"';	/* p == e: an empty last field */
		rc = quoted ? fast_quoted(r, &p, e, &r->spans[n], &ri) :
		    fast_plain(&p, e, &r->spans[n], &ri);
		if (rc != FAST_OK)
			return rc != FAST_OPEN ? rc :
			    bad_quote(r, start, &r->spans[n], 1);
		n++;
	} while ((rc = fast_next(r, &p, e, &ri, quoted)) == 1);
	if (rc == -FAST_BAD)
		return bad_quote(r, start, &r->spans[n - 1], 0);
	if (rc < 0)
		return -rc;
	if (!take_record(r, start, n, &ri))
		return FAST_NO;
	r->recline = r->line;
	r->line += ri.lines;
	r->ipos += (size_t)(p - start);
	return FAST_OK;
}

static int
csv_next(struct reader *r, struct rec *rec)
{
	int rc;

	for (;;) {
		if (r->ipos == r->ilen && fill(r) == 0)
			break;
		if (r->pending_cr && !r->inrec) {
			/* The CR ended a record; an LF after it is the same end. */
			r->pending_cr = 0;
			r->line++;
			if (r->ibuf[r->ipos] == '\n')
				r->ipos++;
			continue;
		}
		if (!r->inrec && r->p.pstate == 0 && !r->delim) {
			rc = fast_record(r);
			if (rc == FAST_OK && emit(r, rec))
				return 1;
			if (r->stopped)
				return 0;
			if (rc == FAST_MORE)
				fill(r);
			if (rc != FAST_NO)
				continue;
		}
		feed_line(r);
		if (r->done && emit(r, rec))
			return 1;
		if (r->stopped)
			return 0;
	}
	if (r->p.quoted && r->p.pstate == LIBCSV_FIELD_BEGUN) {
		if (!r->bad)
			malformed(r, "unterminated quoted field: a stray quote? "
			    "quote the whole field and double the quotes in it");
		r->stopped = 1;
		return drop(r);
	}
	csv_fini(&r->p, on_field, on_record, r);
	return r->done && emit(r, rec);
}

/* Cuts a TSV field in place: its escapes undone, a NUL after it. */
static char *
tsv_cut(char *s, char *e)
{
	*unescape(s, e) = '\0';	/* over the tab or line end, consumed */
	return s;
}

static void
tsv_split(struct reader *r, char *s, char *e)
{
	char *tab;

	r->nf = 0;
	for (;;) {
		tab = memchr(s, '\t', (size_t)(e - s));
		grow_ptrs(r, r->nf + 1);
		r->ptrs[r->nf++] = tsv_cut(s, tab != NULL ? tab : e);
		if (tab == NULL)
			break;
		s = tab + 1;
	}
	r->inplace = 1;
}

/*
 * The TSV fast path: one line, found with next_stop(), its fields cut in
 * place (or left uncut for a lazy reader).  A record that is also its
 * own CSV once its tabs are commas (no escapes, commas, quotes, CRs, or
 * spaces at the ends of a field) is marked so.  Anything else, a blank
 * line or a NUL, goes through the line path below.
 */
static int
tsv_field_end(char **pp, char *e, struct span *sp, struct recinfo *ri)
{
	char *c = *pp;
	int specials = 0;

	sp->s = c;
	sp->esc = 0;
	while ((c = next_stop(c, e, ri, TSV, &specials)) < e && *c != '\t' &&
	    *c != '\n') {
		if (*c == '\0')
			return FAST_NO;
		sp->esc |= *c == '\\';	/* else a CR */
		ri->tsvok = 0;		/* tsv_add() would escape it */
		ri->canon = 0;		/* and csv_add() would quote it */
		c++;
	}
	sp->len = (size_t)(c - sp->s);
	if (specials || space_ends(sp->s, sp->len))
		ri->canon = 0;		/* csv_add() would quote it */
	*pp = c;
	return FAST_OK;
}

static int
tsv_fast(struct reader *r)
{
	char *start = r->ibuf + r->ipos, *p = start, *e = r->ibuf + r->ilen;
	struct recinfo ri = { NULL, NULL, NULL, 0, 1, 1 };
	size_t n = 0;

	if (*p == '\n' || *p == '\r')
		return FAST_NO;		/* perhaps a blank line */
	for (;;) {
		grow_spans(r, n + 1);
		if (tsv_field_end(&p, e, &r->spans[n++], &ri) != FAST_OK)
			return FAST_NO;
		if (p == e && !r->eof)
			return FAST_MORE;
		if (p == e || *p == '\n')
			break;
		p++;			/* the tab */
	}
	/* A CR before the LF is not data. */
	if (r->spans[n - 1].len > 0 && p[-1] == '\r')
		r->spans[n - 1].len--;
	ri.end = p;
	if (!take_record(r, start, n, &ri))
		return FAST_NO;
	r->inrec = 1;
	r->recline = r->line++;
	r->ipos += (size_t)(p - start) + (p < e);
	return FAST_OK;
}

static int
tsv_next(struct reader *r, struct rec *rec)
{
	char *s, *t;
	size_t len;
	int rc;

	for (;;) {
		if (r->ipos == r->ilen && fill(r) == 0)
			return 0;
		if ((rc = tsv_fast(r)) == FAST_OK) {
			if (emit(r, rec))
				return 1;
			if (r->stopped)
				return 0;
			continue;
		}
		if (rc == FAST_MORE) {
			fill(r);
			continue;
		}
		/* A TSV line ends at LF; a CR is data but before the LF. */
		t = line_end(r, 1);
		s = r->ibuf + r->ipos;
		len = (size_t)(t - s);
		r->ipos += len + (t < r->ibuf + r->ilen);
		if (len > 0 && s[len - 1] == '\r')
			len--;
		if (len == 0) {
			r->line++;
			continue;
		}
		r->inrec = 1;
		r->recline = r->line++;
		check_line(r, s, len);
		tsv_split(r, s, s + len);
		if (emit(r, rec))
			return 1;
		if (r->stopped)
			return 0;
	}
}

/* Returns 1 and fills rec, or 0 at the end of the input. */
int
rd_next(struct reader *r, struct rec *rec)
{
	r->uncut = r->rawcsv = r->rawtsv = 0;
	if (r->stopped)
		return 0;
	if (r->fmt == FMT_TSV)
		return tsv_next(r, rec);
	return csv_next(r, rec);
}

/*
 * Lazy reading: after rd_lazy(), the fields of a record that rd_next()
 * hands out are got with rd_field() or rd_row(), not from rec->f.
 */
void
rd_lazy(struct reader *r)
{
	r->lazy = 1;
}

/* Field i of an uncut record, copied out and made plain. */
static char *
copy_field(struct reader *r, const struct span *sp)
{
	char *d = r->scratch.s + r->scratch.len, *end;

	memcpy(d, sp->s, sp->len);
	end = d + sp->len;
	if (sp->esc)
		end = r->fmt == FMT_TSV ? unescape(d, end) : unquote(d, end);
	*end = '\0';
	r->scratch.len += (size_t)(end - d) + 1;
	return d;
}

const char *
rd_field(struct reader *r, size_t i)
{
	if (r->ptrs[i] == NULL)
		r->ptrs[i] = copy_field(r, &r->spans[i]);
	return r->ptrs[i];
}

/* Every field of the record, cut in place if it was not yet. */
char **
rd_row(struct reader *r)
{
	if (r->uncut) {
		fast_cut(r, r->nf);
		r->uncut = r->rawcsv = r->rawtsv = 0;
	}
	return r->ptrs;
}

/*
 * The record just read as it stood in the input, without its line end,
 * when the writer of fmt (FMT_CSV or FMT_TSV) would write its fields as
 * the same bytes, so that a filter may copy it whole; else NULL.  A TSV
 * record is its own CSV once its tabs are commas, which this makes them.
 * Only a lazy reader keeps records as they stood.
 */
const char *
rd_raw(struct reader *r, int fmt, size_t *len)
{
	size_t i;

	if (fmt == FMT_CSV && r->rawcsv && r->fmt == FMT_TSV && r->rawtsv) {
		for (i = 0; i + 1 < r->nf; i++)
			r->spans[i].s[r->spans[i].len] = ',';
		r->rawtsv = 0;
	}
	if (fmt == FMT_CSV ? !r->rawcsv : fmt != FMT_TSV || !r->rawtsv)
		return NULL;
	*len = r->rawlen;
	return r->raw;
}

int
fmt_parse(const char *s)
{
	static const struct {
		const char *name;
		int	 fmt;
	} names[] = {
		{ "csv", FMT_CSV }, { "tsv", FMT_TSV }, { "json", FMT_JSON },
		{ "table", FMT_TABLE }, { "text", FMT_TEXT }, { "md", FMT_MD },
		{ "html", FMT_HTML },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i].name) == 0)
			return names[i].fmt;
	return -1;
}
