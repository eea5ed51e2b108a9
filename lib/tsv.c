/*
 * tsv.c: TSV, split by hand.  A record is a line, its fields separated
 * by tabs, with the escapes \t \n \r \\ in them.  A fast path cuts most
 * lines in place; a line it leaves (a blank one, one with a NUL or with
 * bytes that are not UTF-8) is checked whole, then split.  Both give their
 * records to rd.c to be checked and handed out.
 */
#include <string.h>

#include "rd.h"
#include "scan.h"

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
		rd_grow_ptrs(r, r->nf + 1);
		r->ptrs[r->nf++] = tsv_cut(s, tab != NULL ? tab : e);
		if (tab == NULL)
			break;
		s = tab + 1;
	}
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
		rd_grow_spans(r, n + 1);
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
	if (!rd_take(r, start, n, &ri))
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
		if (r->ipos == r->ilen && rd_fill(r) == 0)
			return 0;
		if ((rc = tsv_fast(r)) == FAST_OK) {
			if (rd_emit(r, rec))
				return 1;
			if (r->stopped)
				return 0;
			continue;
		}
		if (rc == FAST_MORE) {
			rd_fill(r);
			continue;
		}
		/* A TSV line ends at LF; a CR is data but before the LF. */
		t = rd_line_end(r, 1);
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
		rd_check_line(r, s, len);
		tsv_split(r, s, s + len);
		if (rd_emit(r, rec))
			return 1;
		if (r->stopped)
			return 0;
	}
}

const struct rd_format rd_tsv = { NULL, tsv_next, unescape, NULL };
