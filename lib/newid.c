/*
 * newid.c: the id of a row that an add makes, chosen while the table is
 * streamed, and the end of such an add.  An id is free while no row of
 * the table has it and no row of another table names it (a row removed
 * with --force): a new row must not inherit an old one's.  The ids that
 * may be taken are decided before the stream, in the order the verb
 * prefers them; those the stream meets are marked, those other tables
 * name are asked of them in one pass (db_referrers), and the first free
 * one wins.  No key of any table is kept, only the candidates.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

static void
newid_batch(struct newid *ni)
{
	size_t i;

	for (i = 0; i < ni->n; i++)
		free(ni->cand[i]);
	ni->n = 0;
	for (i = 0; i < NEWID_BATCH; i++) {
		if ((ni->cand[ni->n] = ni->gen(ni->arg, ni->first + i)) == NULL)
			break;
		ni->taken[ni->n++] = 0;
	}
}

/* The candidates: gen(arg, i) is the i-th, or NULL after the last. */
void
newid_init(struct newid *ni, int tab, char *(*gen)(void *, size_t),
    void *arg)
{
	memset(ni, 0, sizeof(*ni));
	ni->tab = tab;
	ni->gen = gen;
	ni->arg = arg;
	newid_batch(ni);
}

/* A row of the table, as streamed, has this id. */
void
newid_see(struct newid *ni, const char *id)
{
	size_t i;

	for (i = 0; i < ni->n; i++)
		if (!ni->taken[i] && strcmp(ni->cand[i], id) == 0)
			ni->taken[i] = 1;
}

/* Whether every candidate is taken by the table or named by another. */
static int
all_taken(struct newid *ni, struct db *db, int referrers)
{
	size_t i;

	if (referrers)
		db_referrers(db, ni->tab, ni->cand, ni->n);
	for (i = 0; i < ni->n; i++) {
		if (!ni->taken[i] && referrers &&
		    db_referrer(db, ni->tab, ni->cand[i]) != NULL)
			ni->taken[i] = 1;
		if (!ni->taken[i])
			return 0;
	}
	return 1;
}

/*
 * The first candidate free, once the table has been streamed past
 * newid_see(); NULL when none is (a single candidate, such as --id).
 * With referrers 0 only the table's own rows count.  When a batch is
 * all taken, the next is asked of the table in a pass of its own, and of
 * the others: rare, since a batch holds NEWID_BATCH names.
 */
char *
newid_pick(struct newid *ni, struct db *db, int referrers)
{
	struct scan s;
	char *id;
	size_t i;

	while (all_taken(ni, db, referrers)) {
		ni->first += ni->n;
		newid_batch(ni);
		if (ni->n == 0)
			return NULL;
		scan_open(&s, schemas[ni->tab],
		    store_reader(db->st, schemas[ni->tab]));
		while (scan_next(&s))
			newid_see(ni, sget(&s, 0));
		scan_close(&s);
	}
	for (i = 0; ni->taken[i]; i++)
		;
	id = ni->cand[i];
	ni->cand[i] = NULL;
	return id;
}

void
newid_free(struct newid *ni)
{
	size_t i;

	for (i = 0; i < ni->n; i++)
		free(ni->cand[i]);
	ni->n = 0;
}

/* One id only, as --id gives it. */
static char *
given_id(void *arg, size_t i)
{
	return i == 0 ? xstrdup(arg) : NULL;
}

void
newid_given(struct newid *ni, int tab, const char *id)
{
	newid_init(ni, tab, given_id, (void *)(uintptr_t)id);
}

/*
 * The end of an add that streams: the new rows are checked, then
 * printed, and the table written only once they could be printed, so
 * that a retry after an output error does not add them twice.  The rows
 * go at the end of the table, after the rows the stream copied.
 */
void
add_end(struct db *db, int tab, const struct common *c, struct rewrite *rw,
    struct row **rows, size_t n)
{
	size_t i;

	validate_rows(db, tab, rows, n);
	for (i = 0; i < n; i++)
		rw_put(rw, rows[i]->f);
	out_rows(&c->out, db->t[tab], rows, n);
	flush_stdout();
	rw_end(rw, n > 0 && !c->dryrun);
}
