/*
 * verbs.c: the steps that the verbs of the three tools share, above the
 * checks: the rows that arguments name, and the end of an add and a set
 * (check, show, write).
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
