/*
 * verbs.c: the steps that the verbs of the three tools share, above the
 * checks: the rows that arguments name, and the end of an add, a set and
 * an rm (check, show, write).
 */
#include <stdlib.h>

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
 * is read under the lock.
 */
struct row **
resolve_locked(struct db *db, int tab, const struct common *c, int argc,
    char **argv, size_t *n)
{
	char **ids = ids_from_args(argc, argv, tab, c, n);

	store_lock(db->st);
	return find_ids(db, tab, ids, *n);
}

/*
 * The end of every add: the new rows are checked, then printed, and
 * written only once they could be printed, so that a retry after an
 * output error does not add them twice.
 */
void
add_rows(struct db *db, int tab, const struct common *c, struct row **rows,
    size_t n)
{
	validate_rows(db, tab, rows, n);
	out_rows(&c->out, db->t[tab], rows, n);
	flush_stdout();
	if (n > 0 && !c->dryrun)
		store_write(db->st, db->t[tab]);
}

/*
 * The set verb of cities and events: apply() changes each row named; the
 * rows it changed are checked and written, and shown with --dry-run.
 */
void
set_rows(struct db *db, int tab, const struct common *c, int argc,
    char **argv, void (*apply)(struct table *, struct row *))
{
	struct table *t;
	struct row **rows;
	size_t i, n, nchanged = 0;

	rows = resolve_locked(db, tab, c, argc, argv, &n);
	t = db_table(db, tab);
	for (i = 0; i < n; i++) {
		apply(t, rows[i]);
		if (rows[i]->changed)
			rows[nchanged++] = rows[i];
	}
	validate_rows(db, tab, rows, nchanged);
	if (nchanged > 0 && !c->dryrun)
		store_write(db->st, t);
	if (c->dryrun)
		out_rows(&c->out, t, rows, nchanged);
	free(rows);
}

/*
 * The rm verb of cities and events: the rows named go, unless another
 * table still names one of them and force is not given; the refusal
 * names the first of them so named, at the first row that names it.
 * --dry-run shows the rows that would go.
 */
void
rm_rows(struct db *db, int tab, const struct common *c, int argc,
    char **argv, int force)
{
	const struct referrer *ref;
	struct table *t;
	struct row **rows;
	const char *id;
	size_t i, n;

	rows = resolve_locked(db, tab, c, argc, argv, &n);
	t = db_table(db, tab);
	for (i = 0; !force && i < n; i++) {
		id = rget(t, rows[i], 0);
		if ((ref = db_referrer(db, tab, id)) == NULL)
			continue;
		free(rows);
		die_at(EXIT_DATA, ref->label, ref->line, "names %s; "
		    "not removed (--force removes it anyway)", id);
	}
	if (c->dryrun)
		out_rows(&c->out, t, rows, n);
	table_remove_rows(t, rows, n);
	if (!c->dryrun)
		store_write(db->st, t);
	free(rows);
}
