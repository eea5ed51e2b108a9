/*
 * csv.c: CSV, read two ways.  A fast path cuts most records in place in
 * the reader's buffer; libcsv, wrapped here and nowhere else, reads what
 * the fast path leaves (a record with a NUL or bytes that are not UTF-8,
 * and every record of a file with another delimiter: rd_delim()), a line
 * at a time, so that the line count is known whenever a record begins or
 * ends.  Both give their records to rd.c to be checked and handed out.
 */
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "rd.h"
#include "scan.h"

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
start_libcsv(struct reader *r)
{
	r->csv = xmalloc(sizeof(*r->csv));
	if (csv_init(r->csv, CSV_APPEND_NULL) != 0)
		die(EXIT_SYS, "out of memory");
	csv_set_space_func(r->csv, no_space);
	csv_set_realloc_func(r->csv, xrealloc);
	csv_set_free_func(r->csv, free);
}

static void
end_libcsv(struct reader *r)
{
	csv_free(r->csv);
	free(r->csv);
	buf_free(&r->fields);
	free(r->offs);
}

/*
 * For a file a spreadsheet saved with ';' or a tab between its fields
 * (quoted as CSV): the fast path knows only the comma, so libcsv reads
 * every record.  Called before the first rd_next(); a TSV reader has no
 * delimiter to change.
 */
void
rd_delim(struct reader *r, int c)
{
	if (r->csv == NULL)
		return;
	csv_set_delim(r->csv, (unsigned char)c);
	r->delim = c != ',';
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
start_record(struct reader *r)
{
	r->inrec = 1;
	r->recline = r->line;
	r->nf = 0;
	buf_reset(&r->fields);
}

/* libcsv's record is complete: the fields it gave are handed out. */
static int
emit_copied(struct reader *r, struct rec *rec)
{
	size_t i;

	r->done = 0;
	rd_grow_ptrs(r, r->nf);
	for (i = 0; i < r->nf; i++)
		r->ptrs[i] = r->fields.s + r->offs[i];
	return rd_emit(r, rec);
}

/*
 * Feeds libcsv one line (up to and including one CR or LF).  A record
 * that begins here is in libcsv's hands (inrec) until on_record() ends
 * it, which it can only do at the line's end: so whenever inrec is 0,
 * libcsv is between records, and the fast path may take the next one.
 */
static void
feed_line(struct reader *r)
{
	char *t = rd_line_end(r, 0), *s = r->ibuf + r->ipos, *e;

	e = r->ibuf + r->ilen;
	if (r->pending_cr) {
		r->pending_cr = 0;
		if (*s != '\n')
			r->line++;
	}
	rd_check_line(r, s, (size_t)(t - s));
	if (!r->inrec && t != s)
		start_record(r);
	r->ipos += (size_t)(t - s) + (t < e);
	if (t < e && *t == '\n')
		r->line++;
	else if (t < e)
		r->pending_cr = 1;
	if (csv_parse(r->csv, s, (size_t)(t - s) + (t < e), on_field,
	    on_record, r) != (size_t)(t - s) + (t < e))
		die(EXIT_SYS, "%s: %s", r->name, csv_strerror(csv_error(r->csv)));
}

/*
 * The fast path: a record is cut in place in the input buffer, without a
 * copy: plain fields (a quote inside one is kept as it stands) and quoted
 * fields closed right before a comma or a line end.  Text after a closing
 * quote is malformed.  What is left (a blank line, a quote still open at
 * the end of the input, a NUL, bytes that are not UTF-8) goes a line at a
 * time through libcsv and rd_check_line(), which report it with its line.
 */
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

/* Skips the rest of the line at ipos, and its line end. */
static void
skip_line(struct reader *r)
{
	char *t = rd_line_end(r, 0), *e = r->ibuf + r->ilen;

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
		rd_bad(r, "unterminated quoted field%s: a stray quote? "
		    "quote the whole field and double the quotes in it", where);
	else
		rd_bad(r, "text after a closing quote%s: a quote in a "
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
		rd_grow_spans(r, n + 1);
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
	if (!rd_take(r, start, n, &ri))
		return FAST_NO;
	r->recline = r->line;
	r->line += ri.lines;
	r->ipos += (size_t)(p - start);
	return FAST_OK;
}

/*
 * The end of the input: libcsv ends the record it holds, if any.  A
 * quoted field still open then is malformed; libcsv's csv_fini() tells
 * with CSV_STRICT_FINI, which works only with CSV_STRICT.  Both are set
 * only now: CSV_STRICT would refuse what the fast path lets through (a
 * quote inside a plain field), but no csv_parse() follows.
 */
static int
at_end(struct reader *r, struct rec *rec)
{
	csv_set_opts(r->csv, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI);
	if (csv_fini(r->csv, on_field, on_record, r) != 0 &&
	    csv_error(r->csv) == CSV_EPARSE) {
		if (!r->bad)
			rd_bad(r, "unterminated quoted field: a stray quote? "
			    "quote the whole field and double the quotes in it");
		r->stopped = 1;
		return rd_drop(r);
	}
	return r->done && emit_copied(r, rec);
}

static int
csv_next(struct reader *r, struct rec *rec)
{
	int rc;

	for (;;) {
		if (r->ipos == r->ilen && rd_fill(r) == 0)
			break;
		if (r->pending_cr && !r->inrec) {
			/* The CR ended a record; an LF after it is the same end. */
			r->pending_cr = 0;
			r->line++;
			if (r->ibuf[r->ipos] == '\n')
				r->ipos++;
			continue;
		}
		if (!r->inrec && !r->delim) {
			rc = fast_record(r);
			if (rc == FAST_OK && rd_emit(r, rec))
				return 1;
			if (r->stopped)
				return 0;
			if (rc == FAST_MORE)
				rd_fill(r);
			if (rc != FAST_NO)
				continue;
		}
		feed_line(r);
		if (r->done && emit_copied(r, rec))
			return 1;
		if (r->stopped)
			return 0;
	}
	return at_end(r, rec);
}

const struct rd_format rd_csv = { start_libcsv, csv_next, unquote, end_libcsv };
