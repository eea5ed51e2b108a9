/*
 * skip.c: the rows a read verb cannot interpret.  A verb that leaves a
 * row out because a value it needs is invalid (a status that is none of
 * the statuses, a date that is not one) would otherwise give a wrong
 * answer in silence.  So each such row is named on stderr, in check's
 * words, and counted: list verbs then exit 3 once their answer is out,
 * and the report, which cron mails, also names them in its body.
 */
#include <stdlib.h>
#include <string.h>

#include "sc.h"

static struct skip *kept;
static size_t nkept, cap, nskipped;
static int keeping;

/* The report keeps what it skipped, to print it; list streams and does not. */
void
skip_keep(void)
{
	keeping = 1;
}

void
skip_row(const char *file, long line, const char *col, const char *msg)
{
	warn_at(file, line, "%s: %s", col, msg);
	nskipped++;
	if (!keeping)
		return;
	if (nkept == cap) {
		cap = cap ? cap * 2 : 16;
		kept = xreallocarray(kept, cap, sizeof(*kept));
	}
	kept[nkept].file = xstrdup(file != NULL ? file : "");
	kept[nkept].line = line;
	kept[nkept].col = xstrdup(col);
	kept[nkept++].msg = xstrdup(msg);
}

/*
 * Whether the scan's current row has a value in col that a read verb can
 * interpret; if not, the row is named and counted.
 */
int
scan_readable(const struct scan *s, int col)
{
	char msg[512];

	if (value_readable(s->t->sc->tab, col, sget(s, col), msg,
	    sizeof(msg)))
		return 1;
	skip_row(s->t->label, s->rec.line, s->t->sc->cols[col], msg);
	return 0;
}

/* The same for a row of a table in memory. */
int
row_readable(const struct table *t, const struct row *r, int col)
{
	char msg[512];

	if (value_readable(t->sc->tab, col, rget(t, r, col), msg,
	    sizeof(msg)))
		return 1;
	skip_row(row_label(t, r), r->line, t->sc->cols[col], msg);
	return 0;
}

const struct skip *
skip_list(size_t *n)
{
	*n = nkept;
	return kept;
}

/* A read verb that skipped rows exits 3, once its answer is out. */
int
skip_status(int status)
{
	return status == 0 && nskipped > 0 ? EXIT_DATA : status;
}

void
skip_free(void)
{
	size_t i;

	for (i = 0; i < nkept; i++) {
		free(kept[i].file);
		free(kept[i].col);
		free(kept[i].msg);
	}
	free(kept);
	kept = NULL;
	nkept = cap = 0;
}
