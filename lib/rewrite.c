/*
 * rewrite.c: a write that streams.  The old table is read once, a row at
 * a time, and the new one written as it is read: a verb keeps in memory
 * only the rows it changes and what it must know of the others, so that
 * a write costs the same memory at a million rows as at a thousand.  The
 * new table goes to a temporary file that replaces the old one only at
 * rw_end(), as every write does (store.c); until then the table is as it
 * was, whatever happens.
 */
#include <stdlib.h>
#include <string.h>

#include "sc.h"

/*
 * The lock is taken before the table is read, so that no other writer
 * changes it between this read and the rename.  A dry run reads the same
 * way and writes nothing, not even a temporary file.
 */
void
rw_begin(struct rewrite *rw, struct store *st, const struct schema *sc,
    int dryrun)
{
	memset(rw, 0, sizeof(*rw));
	rw->st = st;
	store_lock(st);
	scan_open(&rw->s, sc, store_reader(st, sc));
	rw->t = rw->s.t;
	if (dryrun)
		return;
	rw->w = store_begin(st, sc);
}

/*
 * The header goes out with the first row written, so that a verb may
 * first add a column that the table lacks (rw_add_col).
 */
static void
rw_head(struct rewrite *rw)
{
	if (rw->w == NULL || rw->headed)
		return;
	store_row(wtemp_fp(rw->w), &rw->line, rw->t, rw->t->cols);
	rw->headed = 1;
}

/*
 * A column the old table lacks, added after its others, empty in every
 * row: before any row is written (cities.csv gets lat and lon when a
 * city is first given coordinates).  Its index in the new table.
 */
int
rw_add_col(struct rewrite *rw, const char *name)
{
	int col;

	if (rw->headed)
		die(EXIT_SYS, "%s: a column added after the header", rw->t->label);
	col = table_add_col(rw->t, name);
	/* scan_row() gives a field for every column. */
	rw->s.f = xreallocarray(rw->s.f, rw->t->ncols, sizeof(*rw->s.f));
	return col;
}

/* The next row of the old table in rw->s; 0 at its end. */
int
rw_next(struct rewrite *rw)
{
	return scan_next(&rw->s);
}

/*
 * The row just read, unchanged.  Where it already stands as the tables
 * are written its bytes are copied; else it is written anew, so that
 * every write leaves the table canonical.
 */
void
rw_copy(struct rewrite *rw)
{
	const char *raw;
	size_t len;
	FILE *fp;

	if (rw->w == NULL)
		return;
	rw_head(rw);
	fp = wtemp_fp(rw->w);
	if ((raw = scan_raw(&rw->s, FMT_CSV, &len)) != NULL) {
		fwrite(raw, 1, len, fp);
		putc('\n', fp);
	} else
		store_row(fp, &rw->line, rw->t, scan_row(&rw->s));
}

/* A row of the new table, changed or added: one field per table column. */
void
rw_put(struct rewrite *rw, char *const *f)
{
	if (rw->w == NULL)
		return;
	rw_head(rw);
	store_row(wtemp_fp(rw->w), &rw->line, rw->t, f);
}

/*
 * A row of the table the verb keeps, made from the row just read: the
 * rows a verb changes are kept in a table of their own, whose columns
 * are the old table's.
 */
struct row *
rw_keep(struct rewrite *rw, struct table *kept)
{
	return table_append(kept, scan_row(&rw->s), rw->s.rec.line);
}

/* A table with the old table's columns and no rows, for rw_keep(). */
struct table *
rw_table(const struct rewrite *rw)
{
	struct table *t = table_new(rw->t->sc, rw->t->label);
	size_t i;

	table_header(t, rw->t->cols, rw->t->ncols - rw->t->nextra,
	    rw->t->label, 1);
	/* The columns rw_add_col() added, in the same order. */
	for (i = rw->t->ncols - rw->t->nextra; i < rw->t->ncols; i++)
		if (table_col(t, rw->t->cols[i]) < 0)
			table_add_col(t, rw->t->cols[i]);
	return t;
}

/*
 * The end: with commit, the new table replaces the old one; else (no row
 * changed, a dry run) the old one stays and the temporary file goes.
 */
void
rw_end(struct rewrite *rw, int commit)
{
	if (rw->w != NULL) {
		if (commit) {
			rw_head(rw);
			store_commit(rw->w);
		} else
			store_abandon(rw->w);
	}
	scan_close(&rw->s);
	buf_free(&rw->line);
	rw->w = NULL;
	rw->t = NULL;
}
