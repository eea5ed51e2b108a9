/*
 * rd.c: the reader.  It reads the input in chunks into a buffer of its
 * own, and hands out one record at a time with the line on which it
 * starts, so that memory does not grow with the input and every message
 * can name its line; the formats (csv.c, tsv.c, jsonl.c) parse the buffer and
 * give their records back here, to be checked and handed out.  Malformed
 * input is fatal (exit 3): an unterminated quote, text after a closing
 * quote, a row with the wrong number of fields, invalid UTF-8, a NUL
 * byte, or a git conflict marker.  Only check reads on past it
 * (rd_keep_going): each malformed record is then reported, counted and
 * skipped, and the next one is read.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rd.h"

/* The functions of format fmt: anything but TSV and JSON is read as CSV. */
static const struct rd_format *
format_of(int fmt)
{
	return fmt == FMT_TSV ? &rd_tsv : fmt == FMT_JSON ? &rd_jsonl : &rd_csv;
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
	return r;
}

/* Moves the unparsed bytes to the front and reads more; 0 at end of input. */
size_t
rd_fill(struct reader *r)
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
	while (r->ilen < 3 && rd_fill(r) > 0)
		continue;
	if (r->ilen >= 3 && memcmp(r->ibuf, "\xef\xbb\xbf", 3) == 0)
		r->ipos = 3;
}

/* The first byte in [s, e) that is not JSON's white space, or NULL. */
static const char *
first_nonblank(const char *s, const char *e)
{
	for (; s < e; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return s;
	return NULL;
}

/* Text whose first byte that is not white space is '{' is JSON Lines. */
int
rd_is_jsonl(const char *s, size_t len)
{
	const char *p = first_nonblank(s, s + len);

	return p != NULL && *p == '{';
}

/*
 * The guess: JSON Lines when the first byte that is not white space is
 * '{'; TSV for a .tsv or .tab name, or a first line with tabs and no
 * commas; else CSV.
 */
static int
guess_format(struct reader *r)
{
	const char *dot = strrchr(r->name, '.');
	char *nl;
	size_t len;

	while (first_nonblank(r->ibuf + r->ipos, r->ibuf + r->ilen) == NULL)
		if (rd_fill(r) == 0)
			break;
	if (rd_is_jsonl(r->ibuf + r->ipos, r->ilen - r->ipos))
		return FMT_JSON;
	if (dot != NULL && (strcmp(dot, ".tsv") == 0 || strcmp(dot, ".tab") == 0))
		return FMT_TSV;
	while ((nl = memchr(r->ibuf + r->ipos, '\n', r->ilen - r->ipos)) == NULL)
		if (rd_fill(r) == 0)
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
	r->format = format_of(r->fmt);
	if (r->format->start != NULL)
		r->format->start(r);
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
	if (r->format->end != NULL)
		r->format->end(r);
	buf_free(&r->scratch);
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
void
rd_bad(struct reader *r, const char *fmt, ...)
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
 * Each line is checked whole before it is parsed: quotes, commas and tabs
 * are ASCII, so a line is valid UTF-8 exactly when its fields are, and
 * one pass over the line is cheaper than one per field.  utf8_valid()
 * also refuses NUL.
 */
void
rd_check_line(struct reader *r, const char *s, size_t len)
{
	if (utf8_valid(s, len))
		return;
	if (!r->inrec)
		r->recline = r->line;
	if (r->bad)
		return;		/* a record is reported once */
	r->bad = 1;
	if (memchr(s, '\0', len) != NULL)
		rd_bad(r, "NUL byte");
	else
		rd_bad(r, "invalid UTF-8");
}

void
rd_grow_ptrs(struct reader *r, size_t n)
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

/*
 * Whether the first field of the record (cut or not) is a marker.  An
 * uncut field with escapes is made plain first: in JSON, \u003c is '<'.
 */
static inline int
first_is_marker(struct reader *r)
{
	int raw = r->uncut && !r->spans[0].esc;
	const char *s = raw ? r->spans[0].s : r->uncut ? rd_field(r, 0) :
	    r->ptrs[0];

	/* Most records are no marker, and their first byte tells. */
	if (*s != '<' && *s != '=' && *s != '>' && *s != '|')
		return 0;
	return conflict_marker(s, raw ? r->spans[0].len : strlen(s));
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
		rd_bad(r, "%zu fields where the header has %zu: %s too "
		    "many: a tab in a field? write it as \\t", n, w, count);
	else if (n > w)
		rd_bad(r, "%zu fields where the header has %zu: %s too "
		    "many: %s? quote %s", n, w, count, k == 1 ?
		    "an unquoted comma in a field" : "unquoted commas in fields",
		    k == 1 ? "the field" : "those fields");
	else
		rd_bad(r, "%zu field%s where the header has %zu: %s too "
		    "few: a line break in %s field, or a missing %s?", n,
		    n == 1 ? "" : "s", w, count, tsv ? "a" : "an unquoted",
		    tsv ? "tab" : "comma");
}

/* Ends the current record without handing it out; returns 0. */
int
rd_drop(struct reader *r)
{
	r->inrec = 0;
	r->uncut = r->rawcsv = r->rawtsv = 0;
	r->bad = 0;
	return 0;
}

/*
 * Hands the complete record out, its fields in ptrs (or, uncut, in
 * spans), after checking it: 1, or 0 when it was malformed and is
 * skipped (which only rd_keep_going() lets happen).  Without its header,
 * a file's rows cannot be read.
 */
int
rd_emit(struct reader *r, struct rec *rec)
{
	if (r->bad) {
		r->stopped = r->width == 0;
		return rd_drop(r);
	}
	if (first_is_marker(r)) {
		rd_bad(r, "git conflict marker: finish the merge "
		    "(see sc(7))");
		return rd_drop(r);
	}
	if (r->width == 0)
		r->width = r->nf;
	else if (r->nf != r->width) {
		bad_width(r);
		return rd_drop(r);
	}
	rec->n = r->nf;
	rec->f = r->ptrs;
	rec->line = r->recline;
	r->inrec = 0;
	return 1;
}

/*
 * The end of the line at ipos: its first CR or LF (with lf_only, its first
 * LF), else the end of the input.  Reads on until the line is whole, and
 * until the byte after a CR is known, so that a line is never parsed in
 * two pieces.  Only the bytes read since the last look are scanned again:
 * linear, whatever the line ends.
 */
char *
rd_line_end(struct reader *r, int lf_only)
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
		rd_fill(r);
	}
}

/* Cuts the fields out: a NUL after each, their escapes undone. */
static void
cut(struct reader *r, size_t n)
{
	struct span *sp;
	char *end;
	size_t i;

	rd_grow_ptrs(r, n);
	for (i = 0; i < n; i++) {
		sp = &r->spans[i];
		end = sp->s + sp->len;
		if (sp->esc)
			end = r->format->plain(sp->s, end);
		*end = '\0';
		r->ptrs[i] = sp->s;
	}
	r->nf = n;
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

	rd_grow_ptrs(r, n);
	for (i = 0; i < n; i++)
		r->ptrs[i] = NULL;
	r->nf = n;
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

/*
 * The fast paths' end: the n spans of the record at start have been
 * found.  Its bytes >= 0x80 are checked as UTF-8 (0 when they are not,
 * for the line path to report), then its fields are cut, or left for
 * rd_field() by a lazy reader.
 */
int
rd_take(struct reader *r, char *start, size_t n, const struct recinfo *ri)
{
	if (ri->hi0 != NULL &&
	    !utf8_valid(ri->hi0, (size_t)(ri->hi1 - ri->hi0)))
		return 0;
	if (r->lazy)
		leave_uncut(r, start, n, ri);
	else
		cut(r, n);
	return 1;
}

/* Returns 1 and fills rec, or 0 at the end of the input. */
int
rd_next(struct reader *r, struct rec *rec)
{
	r->uncut = r->rawcsv = r->rawtsv = 0;
	if (r->stopped)
		return 0;
	return r->format->next(r, rec);
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
		end = r->format->plain(d, end);
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
		cut(r, r->nf);
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
		{ "ics", FMT_ICS }, { "svg", FMT_SVG },
		{ "html", FMT_HTML },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i].name) == 0)
			return names[i].fmt;
	return -1;
}
