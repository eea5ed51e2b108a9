/*
 * grid.c: a table as a spreadsheet left it, held as text: its header and
 * its rows, each with the line it starts on, so that tidy can change any
 * cell, move rows, and say what it changed where.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

static char **
copy_fields(char *const *f, size_t n)
{
	char **c = xreallocarray(NULL, n ? n : 1, sizeof(*c));
	size_t i;

	for (i = 0; i < n; i++)
		c[i] = xstrdup(f[i]);
	return c;
}

/*
 * Reads text (UTF-8, len bytes) with sep between fields.  A malformed
 * record is fatal, as for any reader; with table set, the message says
 * that nothing was written.
 */
void
grid_read(struct grid *g, const struct schema *sc, const char *label,
    const char *text, size_t len, int sep, int table)
{
	struct reader *rd;
	struct rec rec;
	size_t cap = 0;

	memset(g, 0, sizeof(*g));
	g->sc = sc;
	g->label = label;
	rd = rd_open_mem(label, text, len, FMT_CSV);
	rd_delim(rd, sep);
	if (table)
		rd_is_table(rd);
	if (rd_next(rd, &rec)) {
		g->cols = copy_fields(rec.f, rec.n);
		g->ncols = rec.n;
	}
	while (rd_next(rd, &rec)) {
		if (g->nrows == cap) {
			cap = cap ? cap * 2 : 64;
			g->rows = xreallocarray(g->rows, cap, sizeof(*g->rows));
		}
		g->rows[g->nrows].f = copy_fields(rec.f, rec.n);
		g->rows[g->nrows].line = rec.line;
		g->rows[g->nrows].orig = NULL;
		g->rows[g->nrows].why = NULL;
		g->rows[g->nrows++].was = -1;
	}
	rd_close(rd);
}

void
grid_free(struct grid *g)
{
	size_t i;

	for (i = 0; i < g->nrows; i++) {
		free_list(g->rows[i].f, g->ncols);
		if (g->rows[i].orig != NULL)
			free_list(g->rows[i].orig, g->ncols);
		free(g->rows[i].why);
	}
	free_list(g->cols, g->ncols);
	free(g->rows);
	buf_free(&g->log);
	memset(g, 0, sizeof(*g));
}

int
grid_col(const struct grid *g, const char *name)
{
	size_t i;

	for (i = 0; i < g->ncols; i++)
		if (strcmp(g->cols[i], name) == 0)
			return (int)i;
	return -1;
}

/*
 * Keeps a message for later, since nothing is said before all is decided:
 * "label:line: text", or "label: text" for line 0.  Messages end in NUL,
 * not LF, since a value may hold a line end.
 */
void
grid_log(struct grid *g, long line, const char *fmt, ...)
{
	char where[32], *text;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	text = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (line > 0)
		snprintf(where, sizeof(where), ":%ld: ", line);
	else
		snprintf(where, sizeof(where), ": ");
	buf_adds(&g->log, g->label);
	buf_adds(&g->log, where);
	buf_adds(&g->log, text);
	buf_add(&g->log, "", 1);
	free(text);
}

/*
 * Sets a cell.  Its first value is kept, with why (a reason, or NULL),
 * so that grid_report() can say what became of each changed cell once.
 */
void
grid_set(struct grid *g, size_t row, size_t col, const char *v,
    const char *why)
{
	struct grow *r = &g->rows[row];

	if (r->orig == NULL) {
		r->orig = xcalloc(g->ncols, sizeof(*r->orig));
		r->why = xcalloc(g->ncols, sizeof(*r->why));
	}
	if (r->orig[col] == NULL)
		r->orig[col] = r->f[col];
	else
		free(r->f[col]);
	r->f[col] = xstrdup(v);
	if (why != NULL || r->why[col] == NULL)
		r->why[col] = why;
}

/* Logs each changed cell, row by row: "col: old → new (why)". */
void
grid_report(struct grid *g)
{
	struct grow *r;
	size_t i, j;

	for (i = 0; i < g->nrows; i++) {
		r = &g->rows[i];
		for (j = 0; r->orig != NULL && j < g->ncols; j++)
			if (r->orig[j] != NULL && strcmp(r->orig[j], r->f[j]))
				grid_log(g, r->line, "%s: %s \xe2\x86\x92 %s%s%s%s",
				    g->cols[j], r->orig[j], r->f[j],
				    r->why[j] ? " (" : "",
				    r->why[j] ? r->why[j] : "",
				    r->why[j] ? ")" : "");
	}
}

/* The grid as the table's writer writes it, to compare with the file. */
void
grid_canonical(const struct grid *g, struct buf *b)
{
	size_t i, j;

	for (j = 0; j < g->ncols; j++) {
		buf_adds(b, j ? "," : "");
		csv_add(b, g->cols[j], 0);
	}
	buf_addc(b, '\n');
	for (i = 0; i < g->nrows; i++) {
		for (j = 0; j < g->ncols; j++) {
			buf_adds(b, j ? "," : "");
			csv_add(b, g->rows[i].f[j], 0);
		}
		buf_addc(b, '\n');
	}
}
