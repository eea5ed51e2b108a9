/*
 * verbs.c: the steps that the verbs of the three tools share, above the
 * checks: the rows that arguments name, and the end of an add, a set and
 * an rm (check, show, write).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

static struct row **
find_ids(struct db *db, int tab, char **ids, size_t n)
{
	struct row **rows = db_find_all(db, tab, ids, n);

	free_list(ids, n);
	return rows;
}

/* The rows that arguments name: ids, names, or - for rows on stdin. */
struct row **
resolve_rows(struct db *db, int tab, const struct common *c, int argc,
    char **argv, size_t *n)
{
	char **ids = ids_from_args(argc, argv, tab, c, n);

	return find_ids(db, tab, ids, *n);
}

/*
 * The same for a verb that writes: the names, stdin included, are all read
 * before the lock is taken, so that a writer piping into this one is not
 * kept waiting for the lock while this one waits for its rows.  The table
 * is read under the lock, and only the rows the names may name are kept
 * (db_narrow): the rows found are those of db->t[tab], which a write then
 * streams into the new table (stream_rows).
 */
struct row **
resolve_locked(struct db *db, int tab, const struct common *c, int argc,
    char **argv, size_t *n)
{
	char **ids = ids_from_args(argc, argv, tab, c, n);

	store_lock(db->st);
	db_narrow(db, tab, ids, *n);
	return find_ids(db, tab, ids, *n);
}

/* A row to replace, by the line on which it starts in the table's file. */
struct at {
	long	 line;
	struct row *r;
};

static int
by_line(const void *a, const void *b)
{
	const struct at *x = a, *y = b;

	return (x->line > y->line) - (x->line < y->line);
}

/* The rows in the order of the file, each once. */
static struct at *
in_file_order(struct row **rows, size_t n, size_t *m)
{
	struct at *at = xreallocarray(NULL, n + 1, sizeof(*at));
	size_t i;

	for (i = 0; i < n; i++) {
		at[i].line = rows[i]->line;
		at[i].r = rows[i];
	}
	qsort(at, n, sizeof(*at), by_line);
	for (i = *m = 0; i < n; i++)
		if (*m == 0 || at[*m - 1].line != at[i].line)
			at[(*m)++] = at[i];
	return at;
}

/*
 * The file was changed by someone who did not take the lock (an editor)
 * between the two reads of one write: nothing is written.
 */
static void __attribute__((noreturn))
changed_under(const char *label)
{
	die(EXIT_SYS, "%s: changed while being rewritten; nothing written",
	    label);
}

/*
 * Writes table tab anew, the n rows of t (a part of it, read under the
 * same lock) in their places: with their fields as they are now, or
 * with drop not at all.  Every other row is copied as it stands, and
 * the new table has t's columns (those a verb added too).
 */
void
stream_rows(struct db *db, int tab, const struct table *t, struct row **rows,
    size_t n, int drop)
{
	struct rewrite rw;
	struct at *at;
	size_t i, m, k = 0;

	at = in_file_order(rows, n, &m);
	rw_begin(&rw, db->st, schemas[tab], 0);
	for (i = 0; i < t->ncols; i++)
		if (table_col(rw.t, t->cols[i]) < 0)
			rw_add_col(&rw, t->cols[i]);
	if (rw.t->ncols != t->ncols)
		changed_under(rw.t->label);
	while (rw_next(&rw)) {
		if (k == m || at[k].line > rw.s.rec.line) {
			rw_copy(&rw);
			continue;
		}
		if (at[k].line < rw.s.rec.line ||
		    strcmp(sget(&rw.s, 0), rget(t, at[k].r, 0)) != 0)
			changed_under(rw.t->label);
		if (!drop)
			rw_put(&rw, at[k].r->f);
		k++;
	}
	if (k < m)
		changed_under(rw.t->label);
	rw_end(&rw, 1);
	free(at);
}

/*
 * The set verb of cities and events: apply() changes each row named; the
 * rows it changed are checked and written, and shown with --dry-run.
 * Only the rows named are kept; the table is streamed into the new one.
 */
void
set_rows(struct db *db, int tab, const struct common *c, int argc,
    char **argv, void (*apply)(struct table *, struct row *))
{
	struct table *t;
	struct row **rows;
	size_t i, n, nchanged = 0;

	rows = resolve_locked(db, tab, c, argc, argv, &n);
	t = db->t[tab];
	db_keep(db, tab, t);
	for (i = 0; i < n; i++) {
		apply(t, rows[i]);
		if (rows[i]->changed)
			rows[nchanged++] = rows[i];
	}
	validate_rows(db, tab, rows, nchanged);
	if (nchanged > 0 && !c->dryrun)
		stream_rows(db, tab, t, rows, nchanged, 0);
	if (c->dryrun)
		out_rows(&c->out, t, rows, nchanged);
	free(rows);
}

/*
 * The rm verb of cities and events: the rows named go, unless another
 * table still names one of them and force is not given; the refusal
 * names the first of them so named, at the first row that names it.
 * --dry-run shows the rows that would go.  The other tables are read
 * once, for these ids only.
 */
void
rm_rows(struct db *db, int tab, const struct common *c, int argc,
    char **argv, int force)
{
	const struct referrer *ref;
	struct table *t;
	struct row **rows;
	const char *id;
	char **ids;
	size_t i, n;

	rows = resolve_locked(db, tab, c, argc, argv, &n);
	t = db->t[tab];
	ids = xreallocarray(NULL, n + 1, sizeof(*ids));
	for (i = 0; i < n; i++)
		ids[i] = (char *)(uintptr_t)rget(t, rows[i], 0);
	if (!force)
		db_referrers(db, tab, ids, n);
	for (i = 0; !force && i < n; i++) {
		if ((ref = db_referrer(db, tab, ids[i])) == NULL)
			continue;
		id = ids[i];
		free(ids);
		free(rows);
		die_at(EXIT_DATA, ref->label, ref->line, "names %s; "
		    "not removed (--force removes it anyway)", id);
	}
	free(ids);
	if (c->dryrun)
		out_rows(&c->out, t, rows, n);
	else
		stream_rows(db, tab, t, rows, n, 1);
	free(rows);
}
