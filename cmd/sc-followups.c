/*
 * sc-followups: the follow-up actions that events produce, kept in
 * followups.csv, and the digest of them that cron mails.
 */
#define _XOPEN_SOURCE 700	/* realpath(3) */

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

enum { LIST, ADD, DONE, CANCEL, REOPEN, SET, REPORT, CHECK, COMPLETION, NVERBS };

static int cmd_list(void), cmd_add(void), cmd_close(void),
    cmd_reopen(void), cmd_set(void), cmd_report(void), cmd_check(void),
    cmd_completion(void);

static const struct verbdef verbs[NVERBS] = {
	[LIST] = { "list", cmd_list, 0, 0, "", 0,
	    "open follow-ups that pass its filters (the default verb)" },
	[ADD] = { "add", cmd_add, 1, -1, "ACTION [CITY...|-]", 1,
	    "one follow-up per city (or one with none)" },
	[DONE] = { "done", cmd_close, 1, -1, "ID...|-", 1,
	    "mark done, closed --on DATE, else today" },
	[CANCEL] = { "cancel", cmd_close, 1, -1, "ID...|-", 1,
	    "mark cancelled" },
	[REOPEN] = { "reopen", cmd_reopen, 1, -1, "ID...|-", 1,
	    "open again, and clear the closed date" },
	[SET] = { "set", cmd_set, 1, -1, "ID...|-", 1,
	    "change the follow-ups' fields" },
	[REPORT] = { "report", cmd_report, 0, 0, "", 0,
	    "the digest that cron mails (-o text, md or json)" },
	[CHECK] = { "check", cmd_check, 0, 0, "", 0,
	    "validate followups.csv and its references" },
	[COMPLETION] = { "completion", cmd_completion, 1, 1, "bash|zsh|fish",
	    0, "print the shell's completion script" }
};

#define V(v)	(1u << (v))
enum {
	O_ALL, O_STATUS, O_OVERDUE, O_DUE_WITHIN, O_OWNER, O_CITY, O_EVENT,
	O_MATCH, O_ACTION, O_DUE, O_NOTES, O_ON, O_WITHIN, O_FAIL_ON_OVERDUE,
	O_FORCE, NOPTS
};
static const struct optdef ownopts[NOPTS] = {
	[O_ALL] = { "all", 0, OPT_FLAG, NULL,
	    "every status, not only open", .verbs = V(LIST) },
	[O_STATUS] = { "status", 0, OPT_VALUE, "S",
	    "open, done or cancelled, or a list: S,S...", .verbs = V(LIST),
	    .sc = &schema_followups, .col = F_STATUS },
	[O_OVERDUE] = { "overdue", 0, OPT_FLAG, NULL,
	    "open, and due before today", .verbs = V(LIST) },
	[O_DUE_WITHIN] = { "due-within", 0, OPT_VALUE, "DUR",
	    "open, and due from today to today + DUR", .verbs = V(LIST) },
	[O_OWNER] = { "owner", 0, OPT_VALUE, "O",
	    "who is to do it; list, report: theirs only",
	    .verbs = V(LIST) | V(ADD) | V(SET) | V(REPORT) },
	[O_CITY] = { "city", 0, OPT_VALUE, "CITY",
	    "the city it is about", .verbs = V(LIST) | V(SET),
	    .sc = &schema_followups, .col = F_CITY },
	[O_EVENT] = { "event", 0, OPT_VALUE, "EVENT",
	    "the event it came from", .verbs = V(LIST) | V(ADD) | V(SET),
	    .sc = &schema_followups, .col = F_EVENT },
	[O_MATCH] = { "match", 0, OPT_VALUE, "TEXT",
	    "the action or the notes contain TEXT", .verbs = V(LIST) },
	[O_ACTION] = { "action", 0, OPT_VALUE, "TEXT",
	    "what is to be done", .verbs = V(SET) },
	[O_DUE] = { "due", 0, OPT_VALUE, "DATE",
	    "when it is due (a month: on its last day)",
	    .verbs = V(ADD) | V(SET) },
	[O_NOTES] = { "notes", 0, OPT_VALUE, "TEXT", "the notes",
	    .verbs = V(ADD) | V(SET) },
	[O_ON] = { "on", 0, OPT_VALUE, "DATE",
	    "the date it was closed (default today)",
	    .verbs = V(DONE) | V(CANCEL) },
	[O_WITHIN] = { "within", 0, OPT_VALUE, "DUR",
	    "the report's window (default 7d)", .verbs = V(REPORT) },
	[O_FAIL_ON_OVERDUE] = { "fail-on-overdue", 0, OPT_FLAG, NULL,
	    "exit 1 when anything is overdue or unread", .verbs = V(REPORT) },
	[O_FORCE] = { "force", 0, OPT_FLAG, NULL,
	    "add even where the same one is open", .verbs = V(ADD) }
};

static struct cmdline cl;
static struct store st;
static struct db db;

static void
usage(void)
{
	fprintf(stderr,
	    "usage: sc-followups [-D dir] [-o fmt] [-c cols] [list] [filters]\n"
	    "       sc-followups add action [city...|-] [--event E] "
	    "[--owner O] [--due D]\n"
	    "                    [--notes T] [--force]\n"
	    "       sc-followups done|cancel id...|- [--on DATE]\n"
	    "       sc-followups reopen id...|-\n"
	    "       sc-followups set id...|- [--action|--event|--city|--owner|"
	    "--due|--notes V]\n"
	    "       sc-followups report [--within DUR] [--owner O] "
	    "[-o text|md|json]\n"
	    "                    [--fail-on-overdue]\n"
	    "       sc-followups check\n"
	    "Try 'sc-followups --help' for more.\n");
	exit(EXIT_USAGE);
}

static const struct tool tool = {
	"sc-followups", verbs, NVERBS, ownopts, NOPTS,
	"csv, tsv, json, table, ics; report: text, md, json", usage,
	&schema_followups
};

static void
help(void)
{
	printf(
"usage: sc-followups [options] [verb] [args]\n"
"\n"
"The follow-up actions that events produce, kept in followups.csv.\n"
"\n");
	cli_help(&tool);
	printf(
"\n"
"An ID is a follow-up's id (k7q2m9) or a start of it no other id shares\n"
"(k7q); older follow-ups keep their numbers, taken whole.  - reads rows\n"
"from stdin and takes their id column.\n"
"A CITY or EVENT is an id or an unambiguous name; for add,\n"
"- reads rows from stdin and takes their city column, else their id.\n"
"add prints the rows it made; a city that has an open follow-up with the\n"
"same action and event is skipped.  A due date may be a month (2024-09):\n"
"it is due on the month's last day.  The report: overdue, due soon, closed\n"
"lately, new cities with no follow-up, coming events.\n"
"\n"
"Examples:\n"
"  sc-cities list --joined-since 2024-05-01 |\n"
"      sc-followups add \"Invite to the Columbus dialogue\" - --due +4w\n"
"  sc-followups add \"Write a city spotlight\" fr-dijon --due +30d --owner li\n"
"  sc-followups list --overdue -o table\n"
"  sc-followups list -o ics > followups.ics   (the due ones, as a calendar)\n"
"  sc-followups list --due-within 14d --owner amina -o tsv -c id,action,due\n"
"  sc-followups done 12 13 --on 2024-08-10\n"
"  sc-followups -D ~/network report --within 7d  (cron: see sc-followups(1))\n"
"\n"
"Exit status: 0 done, 1 check found problems or report --fail-on-overdue\n"
"found overdue work or rows it could not read, 2 usage, 3 bad data (list:\n"
"rows it could not read, each named), 4 system error.\n"
"See sc-followups(1) and sc(7).\n");
}

static const char *
opt(int o)
{
	return cl.val[o];
}

/* --- shared helpers ------------------------------------------------------ */

/* Owners and names compare folded: "Amina" is amina. */
static int
fold_eq(const char *folded, const char *s)
{
	char *f = fold_name(s);
	int eq = strcmp(f, folded) == 0;

	free(f);
	return eq;
}

static int
fold_has(const char *folded, const char *s)
{
	char *f = fold_name(s);
	int has = strstr(f, folded) != NULL;

	free(f);
	return has;
}

/*
 * The day by which a follow-up is due: a reduced date is due at the end
 * of its period, so 2024-09 is due on 2024-09-30 and overdue from
 * 2024-10-01.  Returns 0 when there is no valid due date.
 */
static int
due_day(const char *due, long *day)
{
	struct date d;

	if (date_parse(due, &d) == -1)
		return 0;
	*day = date_last(&d);
	return 1;
}

/* An event or a city named by id or name, as its id; "" stays "". */
static const char *
ref(int tab, const char *arg)
{
	struct row *r;

	if (*arg == '\0')
		return "";
	db_narrow(&db, tab, (char **)&arg, 1);
	r = db_find(&db, tab, arg);
	return rget(db.t[tab], r, 0);
}

/* The name of the city or event with this id, or NULL. */
static const char *
name_of(int tab, const char *id)
{
	struct row *r;

	if (*id == '\0' || (r = hmap_get(db_ids(&db, tab), id)) == NULL)
		return NULL;
	return rget(db_table(&db, tab), r, C_NAME);
}

/* --- list ---------------------------------------------------------------- */

struct filter {
	char	**statuses;	/* NULL: any status */
	size_t	 nstatuses;
	int	 overdue;
	int	 within;	/* --due-within was given; dueby is its end */
	long	 dueby;
	char	*owner, *match;	/* folded */
	const char *city, *event;	/* ids */
};

static void
status_filter(struct filter *f)
{
	if (opt(O_ALL) != NULL && opt(O_STATUS) != NULL)
		die(EXIT_USAGE, "--all and --status exclude each other");
	if (opt(O_ALL) != NULL)
		return;
	f->statuses = enum_opts("status", opt(O_STATUS) ? opt(O_STATUS) :
	    "open", T_FOLLOWUPS, F_STATUS, &f->nstatuses);
}

/*
 * The options that can be usage errors are read first, and only then the
 * names that need the data, so that a usage error is always exit 2.
 */
static void
filter_init(struct filter *f)
{
	struct dur d;

	memset(f, 0, sizeof(*f));
	status_filter(f);
	f->overdue = opt(O_OVERDUE) != NULL;
	if (opt(O_DUE_WITHIN) != NULL) {
		dur_opt("--due-within", opt(O_DUE_WITHIN), &d);
		f->within = 1;
		f->dueby = dur_add(cl.c.today, &d, 1);
	}
	if (opt(O_OWNER) != NULL)
		f->owner = fold_name(opt(O_OWNER));
	if (opt(O_MATCH) != NULL)
		f->match = fold_name(opt(O_MATCH));
	if (opt(O_CITY) != NULL)
		f->city = ref(T_CITIES, opt(O_CITY));
	if (opt(O_EVENT) != NULL)
		f->event = ref(T_EVENTS, opt(O_EVENT));
}

/*
 * The status and due filters: 1 keeps the row, 0 drops it, -1 when a
 * value they need cannot be read (*col is then its column).  --overdue
 * and --due-within each keep open follow-ups by their due day; given
 * together they keep either, "what needs doing by then".
 */
static int
status_due(const struct filter *f, const struct scan *s, int *col)
{
	const char *status = sget(s, F_STATUS), *due;
	long day;

	*col = F_STATUS;
	if (f->statuses != NULL && !in_set(f->statuses, f->nstatuses, status))
		return value_readable(T_FOLLOWUPS, F_STATUS, status, NULL, 0) ?
		    0 : -1;
	if (!f->overdue && !f->within)
		return 1;
	if (strcmp(status, "open") != 0)
		return value_readable(T_FOLLOWUPS, F_STATUS, status, NULL, 0) ?
		    0 : -1;
	*col = F_DUE;
	if (!due_day(due = sget(s, F_DUE), &day))
		return *due == '\0' ? 0 : -1;
	if (f->overdue && day < cl.c.today)
		return 1;
	return f->within && day >= cl.c.today && day <= f->dueby;
}

/*
 * A row that the other filters keep but whose status or due date cannot
 * be read is named on stderr: left out in silence, it would make the
 * answer wrong.
 */
static int
keep(const struct scan *s, void *arg)
{
	const struct filter *f = arg;
	int ok, col;

	if (f->city != NULL && strcmp(f->city, sget(s, F_CITY)) != 0)
		return 0;
	if (f->event != NULL && strcmp(f->event, sget(s, F_EVENT)) != 0)
		return 0;
	if ((ok = status_due(f, s, &col)) == 0)
		return 0;
	if (f->owner != NULL && !fold_eq(f->owner, sget(s, F_OWNER)))
		return 0;
	if (f->match != NULL && !fold_has(f->match, sget(s, F_ACTION)) &&
	    !fold_has(f->match, sget(s, F_NOTES)))
		return 0;
	return ok > 0 || scan_readable(s, col);
}

/* --- list -o ics ---------------------------------------------------------- */

/* What a follow-up's item is made of, and those left out for want of a day. */
struct ics_bufs {
	struct buf uid, summary, desc;
	struct buf undated;	/* their ids, the first few */
	size_t	 nundated;
};

enum { UNDATED_NAMED = 20 };

/* The day a follow-up was last changed, as its row dates it. */
static long
changed_day(const struct scan *s)
{
	struct date d;

	if (date_parse(sget(s, F_CLOSED), &d) == 0 && d.prec == DATE_DAY)
		return date_first(&d);
	if (date_parse(sget(s, F_CREATED), &d) == 0 && d.prec == DATE_DAY)
		return date_first(&d);
	return 0;
}

/*
 * What the item says besides its summary: the notes, then the follow-up's
 * id, status and due date as recorded, its owner and its event.
 */
static void
followup_desc(struct buf *b, const struct scan *s)
{
	const char *ev = name_of(T_EVENTS, sget(s, F_EVENT));

	buf_adds(b, sget(s, F_NOTES));
	buf_adds(b, b->len > 0 ? "\n\n" : "");
	buf_adds(b, "Follow-up ");
	buf_adds(b, sget(s, F_ID));
	buf_adds(b, ", ");
	buf_adds(b, sget(s, F_STATUS));
	buf_adds(b, ", due ");
	buf_adds(b, sget(s, F_DUE));
	if (strlen(sget(s, F_DUE)) < 10)
		buf_adds(b, " (by its last day)");
	if (*sget(s, F_OWNER) != '\0') {
		buf_adds(b, "\nOwner: ");
		buf_adds(b, sget(s, F_OWNER));
	}
	if (*sget(s, F_EVENT) != '\0') {
		buf_adds(b, "\nEvent: ");
		buf_adds(b, ev != NULL ? ev : sget(s, F_EVENT));
	}
}

/*
 * The summary leads with the city: a calendar's narrow cells cut a long
 * title, and seven invitations that differ only in their city must not
 * look alike.
 */
static void
followup_summary(struct buf *b, const struct scan *s)
{
	const char *city = name_of(T_CITIES, sget(s, F_CITY));

	if (strcmp(sget(s, F_STATUS), "done") == 0)
		buf_adds(b, "Done: ");
	if (*sget(s, F_CITY) != '\0') {
		buf_adds(b, city != NULL ? city : sget(s, F_CITY));
		buf_adds(b, ": ");
	}
	buf_adds(b, sget(s, F_ACTION));
}

/*
 * A follow-up as a calendar item on the day it is due (a month or a year
 * is due on its last day, as list --overdue and the report count it); one
 * with no due date has no day, and is counted for the note list_ics()
 * leaves.
 */
static int
ics_followup(const struct scan *s, void *arg, struct ics_item *it)
{
	struct ics_bufs *b = arg;
	long day;

	if (!scan_readable(s, F_STATUS) || !scan_readable(s, F_DUE))
		return 0;
	if (!due_day(sget(s, F_DUE), &day)) {
		if (b->nundated++ < UNDATED_NAMED) {
			buf_adds(&b->undated, b->undated.len > 0 ? ", " : "");
			buf_adds(&b->undated, sget(s, F_ID));
		}
		return 0;
	}
	buf_reset(&b->uid);
	buf_reset(&b->summary);
	buf_reset(&b->desc);
	buf_adds(&b->uid, "followup-");
	buf_adds(&b->uid, sget(s, F_ID));
	buf_adds(&b->uid, "@sc.invalid");
	followup_summary(&b->summary, s);
	followup_desc(&b->desc, s);
	it->uid = b->uid.s;
	it->summary = b->summary.s;
	it->description = b->desc.s;
	it->status = strcmp(sget(s, F_STATUS), "cancelled") == 0 ?
	    "CANCELLED" : NULL;
	it->first = it->last = day;
	it->stamp = changed_day(s);
	return 1;
}

static void
list_ics(struct filter *f)
{
	struct ics_bufs b;
	struct ics_source src = {
		"sc-followups", "Follow-ups", keep, f, ics_followup, &b
	};

	memset(&b, 0, sizeof(b));
	ics_list(&cl.c, &st, &schema_followups, &src);
	if (b.nundated > 0)
		note("%zu follow-up%s with no due date left out of the "
		    "calendar: %s%s", b.nundated, b.nundated > 1 ? "s" : "",
		    b.undated.s, b.nundated > UNDATED_NAMED ? ", ..." : "");
	buf_free(&b.uid);
	buf_free(&b.summary);
	buf_free(&b.desc);
	buf_free(&b.undated);
}

/* Rows go out as they are read: memory does not grow with the table. */
static int
cmd_list(void)
{
	struct filter f;

	filter_init(&f);
	if (cl.c.out.fmt == FMT_ICS)
		list_ics(&f);
	else
		list_rows(&cl.c, &st, &schema_followups, keep, &f);
	free(f.owner);
	free(f.match);
	free_list(f.statuses, f.nstatuses);
	return skip_status(0);
}

/* --- writes -------------------------------------------------------------- */

/* The values of add's and set's options, checked before any data is read. */
struct vals {
	char	 due[11];
	const char *event, *city;	/* ids, once resolved */
};

static void
vals_parse(struct vals *v)
{
	memset(v, 0, sizeof(*v));
	if (opt(O_DUE) != NULL && *opt(O_DUE) != '\0')
		date_opt_str("--due", opt(O_DUE), cl.c.today, 1, v->due);
}

/* Names resolve under the lock, against the tables as they are now. */
static void
vals_resolve(struct vals *v)
{
	if (opt(O_EVENT) != NULL)
		v->event = ref(T_EVENTS, opt(O_EVENT));
	if (opt(O_CITY) != NULL)
		v->city = ref(T_CITIES, opt(O_CITY));
}

static void
vals_apply(const struct vals *v, struct table *t, struct row *r)
{
	if (opt(O_ACTION) != NULL)
		rset(t, r, F_ACTION, opt(O_ACTION));
	if (v->event != NULL)
		rset(t, r, F_EVENT, v->event);
	if (v->city != NULL)
		rset(t, r, F_CITY, v->city);
	if (opt(O_OWNER) != NULL)
		rset(t, r, F_OWNER, opt(O_OWNER));
	if (opt(O_DUE) != NULL)
		rset(t, r, F_DUE, v->due);
	if (opt(O_NOTES) != NULL)
		rset(t, r, F_NOTES, opt(O_NOTES));
}

/*
 * The cities named, as ids, each once and in the order given; an empty
 * name names no city.  Every unknown name is reported before the exit.
 */
static size_t
city_ids(char **names, size_t n)
{
	struct hmap *seen = hmap_new();
	struct row **rows;
	const char *id;
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (*names[i] != '\0')
			names[k++] = names[i];
		else
			free(names[i]);
	db_narrow(&db, T_CITIES, names, n = k);
	rows = db_find_all(&db, T_CITIES, names, n);
	for (i = k = 0; i < n; i++) {
		id = rget(db.t[T_CITIES], rows[i], C_ID);
		free(names[i]);
		if (hmap_put(seen, id, seen))
			names[k++] = xstrdup(id);
	}
	free(rows);
	hmap_free(seen);
	return k;
}

/*
 * What add learns as the table streams by: the open follow-ups that
 * already have its action (folded), event and one of its cities (or
 * none), by city, so that the weekly job can be run again without making
 * every follow-up twice; and which of the ids drawn for the new rows a
 * row already has.
 */
struct twin {
	char	*id;
	long	 line;
};

struct adding {
	struct hmap *want;	/* the cities, and "" for none */
	struct hmap *twins;	/* city -> struct twin */
	char	*action;	/* folded */
	const char *event;
	char	**drawn;	/* ids for the new rows, and spares */
	size_t	 ndrawn;
	struct hmap *isdrawn;	/* the same, as a set */
	struct hmap *taken;	/* of them, those a row has */
};

/*
 * Ids drawn at random before the table is read (sc(7), "Ids across
 * clones"): a few for each new row, so that one that a row turns out to
 * have is passed over.  The lock keeps out the writers of this directory,
 * chance those of other clones.
 */
enum { DRAWN_PER_ROW = 4 };

static void
adding_init(struct adding *a, const struct vals *v, char **cities, size_t n,
    size_t nrows)
{
	size_t i;

	memset(a, 0, sizeof(*a));
	a->isdrawn = hmap_new();
	a->want = hmap_new();
	a->twins = hmap_new();
	a->taken = hmap_new();
	for (i = 0; i < n; i++)
		hmap_put(a->want, cities[i], a->want);
	if (cl.argc == 1)
		hmap_put(a->want, "", a->want);
	a->action = fold_name(cl.argv[0]);
	a->event = v->event != NULL ? v->event : "";
	a->ndrawn = (nrows + 1) * DRAWN_PER_ROW;
	a->drawn = xreallocarray(NULL, a->ndrawn, sizeof(*a->drawn));
	for (i = 0; i < a->ndrawn; i++) {
		a->drawn[i] = fu_id_draw(a->isdrawn);
		hmap_put(a->isdrawn, a->drawn[i], a->isdrawn);
	}
}

static void
adding_row(struct adding *a, const struct scan *s)
{
	const char *city = sget(s, F_CITY);
	struct twin *tw;

	if (hmap_get(a->isdrawn, sget(s, F_ID)) != NULL)
		hmap_put(a->taken, sget(s, F_ID), a->taken);
	if (strcmp(sget(s, F_STATUS), "open") != 0 ||
	    hmap_get(a->want, city) == NULL ||
	    hmap_get(a->twins, city) != NULL ||
	    strcmp(sget(s, F_EVENT), a->event) != 0 ||
	    !fold_eq(a->action, sget(s, F_ACTION)))
		return;
	tw = xmalloc(sizeof(*tw));
	tw->id = xstrdup(sget(s, F_ID));
	tw->line = s->rec.line;
	hmap_put(a->twins, city, tw);
}

/* The next drawn id that no row has. */
static const char *
adding_id(struct adding *a, size_t *next)
{
	while (*next < a->ndrawn && hmap_get(a->taken, a->drawn[*next]) != NULL)
		(*next)++;
	if (*next == a->ndrawn)
		die(EXIT_SYS, "every id drawn for the new follow-ups is "
		    "taken; nothing written (run it again)");
	return a->drawn[(*next)++];
}

/* Whether the city already has its follow-up; if so, it is said, once. */
static int
has_twin(const char *label, struct adding *a, const char *city)
{
	const struct twin *tw;

	if (opt(O_FORCE) != NULL || (tw = hmap_get(a->twins, city)) == NULL)
		return 0;
	if (*city != '\0')
		warn_at(label, tw->line, "%s: not added: open follow-up %s "
		    "has the same action, event and city (--force adds it "
		    "anyway)", city, tw->id);
	else
		warn_at(label, tw->line, "not added: open follow-up %s has "
		    "the same action and event, and no city (--force adds it "
		    "anyway)", tw->id);
	return 1;
}

static void
twin_free(void *p)
{
	struct twin *tw = p;

	free(tw->id);
	free(tw);
}

static void
adding_free(struct adding *a)
{
	hmap_free(a->want);
	hmap_free_all(a->twins, twin_free);
	hmap_free(a->taken);
	hmap_free(a->isdrawn);
	free_list(a->drawn, a->ndrawn);
	free(a->action);
}

/* A new follow-up, last in the table. */
static struct row *
new_followup(struct table *t, const struct vals *v, const char *city,
    const char *id)
{
	struct row *r = table_newrow(t);
	char day[11];

	date_fmt(cl.c.today, day);
	rset(t, r, F_ID, id);
	rset(t, r, F_ACTION, cl.argv[0]);
	rset(t, r, F_CITY, city);
	rset(t, r, F_STATUS, "open");
	rset(t, r, F_CREATED, day);
	vals_apply(v, t, r);
	return r;
}

/* A due date already past is most likely a typo: said, and added anyway. */
static void
warn_past_due(const struct vals *v)
{
	char today[11];
	long day;

	if (!due_day(v->due, &day) || day >= cl.c.today)
		return;
	date_fmt(cl.c.today, today);
	note("--due %s is already past (today is %s)", v->due, today);
}

/*
 * One follow-up per city given or piped in, or one with no city when no
 * city is named at all.  A pipe that brings no city adds nothing: no new
 * cities this week means no follow-ups.  A city that already has an open
 * follow-up with the same action and event is skipped, unless --force.
 * The table streams from the old file to the new one; the new rows go
 * last, checked, then printed, and written only once they could be
 * printed, so that a retry after an output error does not add them twice.
 */
static int
cmd_add(void)
{
	struct adding a;
	struct rewrite rw;
	struct table *t;
	struct vals v;
	char **cities;
	const char *city;
	size_t i, n, nrows, next = 0;

	if (strcmp(cl.argv[0], "-") == 0)
		die(EXIT_USAGE, "add: the first argument is the action");
	vals_parse(&v);
	cities = ids_from_args(cl.argc - 1, cl.argv + 1, T_CITIES, &cl.c, &n);
	store_lock(&st);
	vals_resolve(&v);
	n = city_ids(cities, n);
	nrows = cl.argc == 1 ? 1 : n;
	adding_init(&a, &v, cities, n, nrows);
	rw_begin(&rw, &st, &schema_followups, cl.c.dryrun);
	db_keep(&db, T_FOLLOWUPS, t = rw_table(&rw));
	while (rw_next(&rw)) {
		adding_row(&a, &rw.s);
		rw_copy(&rw);
	}
	for (i = 0; i < nrows; i++) {
		city = i < n ? cities[i] : "";
		if (!has_twin(t->label, &a, city))
			rw_put(&rw, new_followup(t, &v, city,
			    adding_id(&a, &next))->f);
	}
	if (t->nrows > 0)
		warn_past_due(&v);
	validate_rows(&db, T_FOLLOWUPS, t->rows, t->nrows);
	out_rows(&cl.c.out, t, t->rows, t->nrows);
	flush_stdout();
	rw_end(&rw, t->nrows > 0);
	free_list(cities, n);
	adding_free(&a);
	return 0;
}

/*
 * A follow-up's id as typed: an integer, or a drawn id or its prefix, in
 * either case (ids.c).  Anything else is a usage error, found before the
 * data is read.
 */
static void
id_arg(char *s)
{
	char *typed = xstrdup(s);

	if (!fu_id_arg(s))
		die(EXIT_USAGE, "'%s' is not a follow-up id, nor the start "
		    "of one (" FU_ID_FORMS ")", typed);
	free(typed);
}

/* What a verb that changes follow-ups named by id does to each. */
struct change {
	void	(*apply)(struct table *, struct row *, const void *);
	const void *arg;
};

/*
 * The verbs that change follow-ups named by id: the table streams from
 * the old file to the new one, each row named changed as it passes; only
 * the rows named are kept.  The ids, stdin's included, are all read
 * before the lock.  The rows changed are checked, written and, with -n,
 * shown; a row named twice is changed once.
 */
static struct table *
stream_named(struct rewrite *rw, struct fu_match *m, const struct change *ch)
{
	struct table *kept;
	struct row *r;

	rw_begin(rw, &st, &schema_followups, cl.c.dryrun);
	db_keep(&db, T_FOLLOWUPS, kept = rw_table(rw));
	while (rw_next(rw)) {
		if (!fu_match_row(m, sget(&rw->s, F_ID), rw->s.rec.line)) {
			rw_copy(rw);
			continue;
		}
		r = rw_keep(rw, kept);
		ch->apply(kept, r, ch->arg);
		rw_put(rw, r->f);
	}
	return kept;
}

static int
change_named(void (*prepare)(void *), const struct change *ch)
{
	struct fu_match *m, *again;
	struct rewrite rw;
	struct table *kept;
	struct row **rows;
	char **ids;
	size_t i, n, k = 0;

	ids = ids_from_args(cl.argc, cl.argv, T_FOLLOWUPS, &cl.c, &n);
	for (i = 0; i < n; i++)
		id_arg(ids[i]);
	m = fu_match_new(ids, n);
	store_lock(&st);
	if (prepare != NULL)
		prepare((void *)(uintptr_t)ch->arg);
	kept = stream_named(&rw, m, ch);
	while (fu_match_end(m, kept->label)) {
		/* Rare: a hand-made id that begins others; read it again. */
		rw_end(&rw, 0);
		table_free(kept);
		again = fu_match_again(m);
		fu_match_free(m);
		kept = stream_named(&rw, m = again, ch);
	}
	rows = xreallocarray(NULL, kept->nrows + 1, sizeof(*rows));
	for (i = 0; i < kept->nrows; i++)
		if (kept->rows[i]->changed)
			rows[k++] = kept->rows[i];
	validate_rows(&db, T_FOLLOWUPS, rows, k);
	if (cl.c.dryrun)
		out_rows(&cl.c.out, kept, rows, k);
	rw_end(&rw, k > 0);
	free(rows);
	free_list(ids, n);
	fu_match_free(m);
	return 0;
}

/*
 * done and cancel close follow-ups on --on or today.  One already closed
 * the same way keeps its date unless --on is given, so that running a
 * script twice changes nothing.
 */
static void
close_row(struct table *t, struct row *r, const void *arg)
{
	const char *status = cl.verb == DONE ? "done" : "cancelled";

	if (opt(O_ON) == NULL && strcmp(rget(t, r, F_STATUS), status) == 0 &&
	    *rget(t, r, F_CLOSED) != '\0')
		return;
	rset(t, r, F_STATUS, status);
	rset(t, r, F_CLOSED, arg);
}

static int
cmd_close(void)
{
	struct change ch = { close_row, NULL };
	char on[11];

	if (opt(O_ON) != NULL)
		date_opt_str("--on", opt(O_ON), cl.c.today, 0, on);
	else
		date_fmt(cl.c.today, on);
	ch.arg = on;
	return change_named(NULL, &ch);
}

static void
reopen_row(struct table *t, struct row *r, const void *arg)
{
	(void)arg;
	rset(t, r, F_STATUS, "open");
	rset(t, r, F_CLOSED, "");
}

static int
cmd_reopen(void)
{
	struct change ch = { reopen_row, NULL };

	return change_named(NULL, &ch);
}

static void
set_row(struct table *t, struct row *r, const void *arg)
{
	vals_apply(arg, t, r);
}

/* Names resolve under the lock, against the tables as they are now. */
static void
set_prepare(void *arg)
{
	vals_resolve(arg);
}

static int
cmd_set(void)
{
	static const int any[] = {
		O_ACTION, O_EVENT, O_CITY, O_OWNER, O_DUE, O_NOTES
	};
	struct change ch = { set_row, NULL };
	struct vals v;
	size_t i;

	for (i = 0; i < NELEM(any); i++)
		if (opt(any[i]) != NULL)
			break;
	if (i == NELEM(any))
		die(EXIT_USAGE, "set: nothing to set (--action, --event, "
		    "--city, --owner, --due or --notes)");
	vals_parse(&v);
	ch.arg = &v;
	return change_named(set_prepare, &ch);
}

/* --- report -------------------------------------------------------------- */

enum { NKEYS = 3, AHEAD = 8 };

struct item {
	struct row *r;
	const char *group;	/* overdue: the owner; else NULL */
	long	 day;		/* the day the section sorts by */
	unsigned long long num;	/* its place in the table: ids carry no order */
	unsigned long long key[NKEYS];	/* group, day and num, to sort by */
};

struct items {
	struct item *v;
	size_t	 n, cap;
};

/* What a line of the report shows. */
enum { K_OVER, K_DUE, K_CLOSED, K_CITY, K_EVENT };

/* A section of the digest: its items, and what they are (K_OVER, ...). */
struct part {
	const struct digest *rp;
	const struct items *it;
	int	 kind;
};

struct digest {
	const char *within;
	long	 today, dueby, since, joined, evby;
	char	*owner;		/* folded, or NULL */
	struct hmap *fresh;	/* new cities, by id: NULL once one is named */
	size_t	 nfresh;
	struct table *fu;	/* the follow-ups the report shows, only */
	struct items over, due, closed, cities, events;
	char	*data;		/* the data directory's path; NULL: seeds */
	const struct skip *skipped;	/* the rows left out, named */
	size_t	 nskipped;
	char	 days[5][11];	/* today, dueby, since, joined, evby, shown */
	char	 titles[4][128];	/* of the sections that give dates */
	struct part parts[5];	/* by kind */
};

static void
items_add(struct items *it, struct row *r, const char *group, long day,
    unsigned long long num)
{
	if (it->n == it->cap) {
		it->cap = it->cap ? it->cap * 2 : 16;
		it->v = xreallocarray(it->v, it->cap, sizeof(*it->v));
	}
	it->v[it->n].r = r;
	it->v[it->n].group = group;
	it->v[it->n].day = day;
	it->v[it->n++].num = num;
}

/*
 * Owners group as --owner matches them, folded: "Amina " and "amina" are
 * one owner.  A group is shown by the spelling most of its follow-ups
 * have, the first seen among equals.
 */
struct owner {
	char	*folded;
	const char *shown;
	size_t	 best;		/* how many follow-ups have that spelling */
	size_t	 rank;
};

struct spelling {
	struct owner *o;
	const char *raw;
	size_t	 n;
};

/* Owners in the byte order of their folded names, no owner ("") last. */
static int
owner_cmp(const void *a, const void *b)
{
	const char *x = (*(struct owner *const *)a)->folded;
	const char *y = (*(struct owner *const *)b)->folded;

	if (*x == '\0' || *y == '\0')
		return (*x == '\0') - (*y == '\0');
	return strcmp(x, y);
}

/* The spelling's owner, found or made: one fold per spelling, not per item. */
static struct spelling *
spelling_of(struct hmap *spellings, struct hmap *owners, const char *raw,
    struct owner ***all, size_t *nall)
{
	struct spelling *sp;
	struct owner *o;
	char *folded;

	if ((sp = hmap_get(spellings, raw)) != NULL)
		return sp;
	folded = fold_name(raw);
	if ((o = hmap_get(owners, folded)) == NULL) {
		o = xcalloc(1, sizeof(*o));
		o->folded = folded;
		hmap_put(owners, folded, o);
		*all = xreallocarray(*all, *nall + 1, sizeof(**all));
		(*all)[(*nall)++] = o;
	} else
		free(folded);
	sp = xcalloc(1, sizeof(*sp));
	sp->o = o;
	sp->raw = raw;
	hmap_put(spellings, raw, sp);
	return sp;
}

/*
 * key[0]: the rank of the item's owner among the owners; its group
 * becomes the owner's spelling, as shown.
 */
static void
rank_groups(struct items *it)
{
	struct hmap *spellings = hmap_new(), *owners = hmap_new();
	struct spelling **order = NULL, *sp;
	struct owner **all = NULL;
	size_t nall = 0, norder = 0, i;

	for (i = 0; i < it->n; i++) {
		if (it->v[i].group == NULL)
			continue;
		sp = spelling_of(spellings, owners, it->v[i].group, &all, &nall);
		if (sp->n++ == 0) {
			order = xreallocarray(order, norder + 1, sizeof(*order));
			order[norder++] = sp;
		}
	}
	for (i = 0; i < norder; i++)	/* first seen wins a tie */
		if (order[i]->n > order[i]->o->best) {
			order[i]->o->best = order[i]->n;
			order[i]->o->shown = *order[i]->o->folded != '\0' ?
			    order[i]->raw : "";
		}
	if (nall > 1)
		qsort(all, nall, sizeof(*all), owner_cmp);
	for (i = 0; i < nall; i++)
		all[i]->rank = i;
	for (i = 0; i < it->n; i++)
		if (it->v[i].group != NULL) {
			sp = hmap_get(spellings, it->v[i].group);
			it->v[i].key[0] = sp->o->rank;
			it->v[i].group = sp->o->shown;
		} else
			it->v[i].key[0] = 0;
	for (i = 0; i < nall; i++)
		free(all[i]->folded);
	hmap_free_all(owners, free);
	hmap_free_all(spellings, free);
	free(order);
	free(all);
}

/*
 * One stable counting pass per byte of key k, skipping the bytes every
 * item has alike: a handful of passes, each linear.
 */
static void
radix_by(struct item **v, struct item **tmp, size_t n, int k)
{
	static size_t count[8][256];
	struct item *swap;
	size_t i, b, d, sum, c;

	memset(count, 0, sizeof(count));
	for (i = 0; i < n; i++)
		for (b = 0; b < 8; b++)
			count[b][((*v)[i].key[k] >> (8 * b)) & 0xff]++;
	for (b = 0; b < 8; b++) {
		if (count[b][((*v)[0].key[k] >> (8 * b)) & 0xff] == n)
			continue;
		for (sum = 0, d = 0; d < 256; d++) {
			c = count[b][d];
			count[b][d] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			(*tmp)[count[b][((*v)[i].key[k] >> (8 * b)) & 0xff]++] =
			    (*v)[i];
		swap = *v;
		*v = *tmp;
		*tmp = swap;
	}
}

/*
 * By owner (when the section has them), day and number, and otherwise in
 * the order of the file: a stable radix sort, linear in the items where
 * a comparison sort would not be.
 */
static void
items_sort(struct items *it)
{
	struct item *v = it->v, *tmp;
	long min = LONG_MAX;
	size_t i;
	int k;

	rank_groups(it);
	if (it->n < 2)
		return;
	for (i = 0; i < it->n; i++)
		if (it->v[i].day < min)
			min = it->v[i].day;
	for (i = 0; i < it->n; i++) {
		it->v[i].key[1] = (unsigned long long)(it->v[i].day - min);
		it->v[i].key[2] = it->v[i].num;
	}
	tmp = xreallocarray(NULL, it->n, sizeof(*tmp));
	for (k = NKEYS - 1; k >= 0; k--)
		radix_by(&v, &tmp, it->n, k);
	if (v != it->v) {
		memcpy(it->v, v, it->n * sizeof(*v));
		tmp = v;
	}
	free(tmp);
}

/* Only open follow-ups are overdue or due; only closed ones were closed. */
/*
 * The section a follow-up belongs in, from its values: K_OVER, K_DUE,
 * K_CLOSED, or -1 for none; *day is the day it is sorted by.  -2 when
 * the date that decides it is there but cannot be read.
 */
static int
section_of(const struct digest *rp, const char *status, const char *due,
    const char *closed, long *day)
{
	struct date d;

	if (strcmp(status, "open") == 0) {
		if (!due_day(due, day))
			return *due != '\0' ? -2 : -1;
		if (*day < rp->today)
			return K_OVER;
		return *day <= rp->dueby ? K_DUE : -1;
	}
	if (date_parse(closed, &d) == -1)
		return *closed != '\0' ? -2 : -1;
	if ((*day = date_first(&d)) >= rp->since && *day <= rp->today)
		return K_CLOSED;
	return -1;
}

/*
 * Streams the follow-ups: a new city that one names is struck off, as
 * followed_up() has it (an open or done follow-up counts, a cancelled one
 * does not), and only the rows the report shows are kept, so that its
 * memory does not grow with the table.  A row whose status, due date or
 * closing date cannot be read is named and left out; one whose status
 * cannot be read also leaves the new city it names in doubt, out of the
 * cities with no follow-up.
 */
static int
report_keep(const struct scan *s, void *arg)
{
	struct digest *rp = arg;
	const char *status = sget(s, F_STATUS);
	int followed = followed_up(status), fresh, mine;
	long day;

	fresh = rp->nfresh > 0 && hmap_get(rp->fresh, sget(s, F_CITY)) != NULL;
	if (fresh && followed != 0)
		hmap_put(rp->fresh, sget(s, F_CITY), NULL);
	mine = rp->owner == NULL || fold_eq(rp->owner, sget(s, F_OWNER));
	if (followed < 0) {
		if (mine || fresh)
			scan_readable(s, F_STATUS);
		return 0;
	}
	if (!mine)
		return 0;
	switch (section_of(rp, status, sget(s, F_DUE), sget(s, F_CLOSED),
	    &day)) {
	case -1:
		return 0;
	case -2:	/* named here, its date parsed again only now */
		return scan_readable(s, strcmp(status, "open") == 0 ? F_DUE :
		    F_CLOSED);
	default:
		return 1;
	}
}

static void
collect_followups(struct digest *rp)
{
	struct table *t;
	struct row *r;
	unsigned long long num;
	size_t i;
	long day;

	t = rp->fu = store_filter(&st, &schema_followups, report_keep, rp);
	for (i = 0; i < t->nrows; i++) {
		r = t->rows[i];
		num = i;
		switch (section_of(rp, rget(t, r, F_STATUS), rget(t, r, F_DUE),
		    rget(t, r, F_CLOSED), &day)) {
		case K_OVER:
			items_add(&rp->over, r, rget(t, r, F_OWNER), day, num);
			break;
		case K_DUE:
			items_add(&rp->due, r, NULL, day, num);
			break;
		case K_CLOSED:
			items_add(&rp->closed, r, NULL, day, num);
			break;
		}
	}
}

/*
 * Cities that joined in the last 90 days, noted before the follow-ups are
 * read: they are few, where the cities the follow-ups name can be many.
 */
static void
note_fresh(struct digest *rp)
{
	struct table *t = db_table(&db, T_CITIES);
	struct date d;
	struct row *r;
	long day;
	size_t i;

	rp->fresh = hmap_new();
	for (i = 0; i < t->nrows; i++) {
		r = t->rows[i];
		if (!row_readable(t, r, C_JOINED) ||
		    date_parse(rget(t, r, C_JOINED), &d) == -1)
			continue;
		day = date_first(&d);
		if (day >= rp->joined && day <= rp->today &&
		    hmap_put(rp->fresh, rget(t, r, C_ID), r))
			rp->nfresh++;
	}
}

/* Those of them no follow-up names, in the order of the table. */
static void
collect_cities(struct digest *rp)
{
	struct table *t = db_table(&db, T_CITIES);
	struct date d;
	struct row *r;
	size_t i;

	for (i = 0; rp->nfresh > 0 && i < t->nrows; i++) {
		r = t->rows[i];
		if (hmap_get(rp->fresh, rget(t, r, C_ID)) == r &&
		    date_parse(rget(t, r, C_JOINED), &d) == 0)
			items_add(&rp->cities, r, NULL, date_first(&d), 0);
	}
}

/*
 * Events whose start falls in the next 30 days.  A reduced start covers
 * its whole month or year, so 2024-09 counts from any day of September.
 * An event whose start, or whose status in the window, cannot be read is
 * named and left out.
 */
static void
collect_events(struct digest *rp)
{
	struct table *t = db_table(&db, T_EVENTS);
	struct date d;
	struct row *r;
	size_t i;

	for (i = 0; i < t->nrows; i++) {
		r = t->rows[i];
		if (strcmp(rget(t, r, E_STATUS), "cancelled") == 0 ||
		    !row_readable(t, r, E_START) ||
		    date_parse(rget(t, r, E_START), &d) == -1)
			continue;
		if (date_first(&d) <= rp->evby && date_last(&d) >= rp->today &&
		    row_readable(t, r, E_STATUS))
			items_add(&rp->events, r, NULL, date_first(&d), 0);
	}
}

/*
 * Rows are written in the order of the report, not of memory, so each
 * item's row is asked of memory AHEAD items before it is written, and
 * the names it refers to half as far ahead, once the row is there.
 */
static void
prefetch_item(const struct part *p, size_t i)
{
	const struct items *it = p->it;
	const struct row *r;

	if (i + AHEAD < it->n)
		row_prefetch(it->v[i + AHEAD].r);
	if (i + AHEAD / 2 >= it->n || p->kind == K_CITY || p->kind == K_EVENT)
		return;
	r = it->v[i + AHEAD / 2].r;
	hmap_prefetch(db_ids(&db, T_CITIES), rget(p->rp->fu, r, F_CITY));
	hmap_prefetch(db_ids(&db, T_EVENTS), rget(p->rp->fu, r, F_EVENT));
}

/* "; city Columbus (us-columbus-oh)": the name, and the id to type. */
static void
ref_text(struct rtext *t, const char *what, int tab, const char *id)
{
	const char *name = name_of(tab, id);

	if (*id == '\0')
		return;
	rt_lit(t, what);
	rt_named(t, name, id);
}

/* The name an id stands for, as a member: "" when it names nothing. */
static void
name_field(struct ritem *ri, const char *key, int tab, const char *id)
{
	const char *name = name_of(tab, id);

	rf_add(&ri->fields, key, name != NULL ? name : "", RF_STR);
}

/*
 * "#12 Send the report", with "due 2024-09, 3 days late; city Columbus
 * (us-columbus-oh)"; an overdue one under its owner, whom it then need
 * not name.
 */
static void
followup_prose(const struct part *p, const struct item *it, struct ritem *ri)
{
	const struct table *t = p->rp->fu;
	const char *owner = rget(t, it->r, F_OWNER);
	long late = p->rp->today - it->day;

	rt_lit(&ri->lead, "#");
	rt_val(&ri->lead, rget(t, it->r, F_ID));
	rt_val(&ri->text, rget(t, it->r, F_ACTION));
	if (p->kind == K_CLOSED) {
		rt_val(&ri->details, rget(t, it->r, F_STATUS));
		rt_lit(&ri->details, " ");
		rt_val(&ri->details, rget(t, it->r, F_CLOSED));
	} else {
		rt_lit(&ri->details, "due ");
		rt_val(&ri->details, rget(t, it->r, F_DUE));
	}
	if (p->kind == K_OVER) {
		rt_lit(&ri->details, ", ");
		rt_lit(&ri->details, ri_num(ri, late));
		rt_lit(&ri->details, late == 1 ? " day late" : " days late");
	} else if (*owner != '\0') {
		rt_lit(&ri->details, "; owner ");
		rt_val(&ri->details, owner);
	}
	ref_text(&ri->details, "; city ", T_CITIES, rget(t, it->r, F_CITY));
	ref_text(&ri->details, "; event ", T_EVENTS, rget(t, it->r, F_EVENT));
}

/* An overdue follow-up's owner heads its group (the rank, key[0]). */
static void
owner_group(struct rtext *group, const char *owner)
{
	if (*owner == '\0')
		rt_lit(group, "(no owner)");
	else
		rt_val(group, owner);
}

/*
 * A follow-up for people, or as in list -o json, with the names its ids
 * stand for.
 */
static void
followup_item(void *arg, size_t i, int wants, struct ritem *ri)
{
	const struct part *p = arg;
	const struct item *it = &p->it->v[i];
	const struct table *t = p->rp->fu;

	prefetch_item(p, i);
	if (wants == RI_PROSE) {
		if (p->kind == K_OVER && (i == 0 || it->key[0] != it[-1].key[0]))
			owner_group(&ri->group, it->group);
		followup_prose(p, it, ri);
		return;
	}
	rf_row(&ri->fields, t->cols, it->r->f, t->ncols);
	name_field(ri, "city_name", T_CITIES, rget(t, it->r, F_CITY));
	name_field(ri, "event_name", T_EVENTS, rget(t, it->r, F_EVENT));
	if (p->kind == K_OVER)
		rf_add(&ri->fields, "days_late",
		    ri_num(ri, p->rp->today - it->day), RF_NUM);
}

/* "Dijon (fr-dijon), FR; joined 2024-05-15; via Workshop (2024-05-x)". */
static void
city_item(void *arg, size_t i, int wants, struct ritem *ri)
{
	const struct part *p = arg;
	const struct table *t = db_table(&db, T_CITIES);
	const struct row *r = p->it->v[i].r;

	prefetch_item(p, i);
	if (wants == RI_DATA) {
		rf_row(&ri->fields, t->cols, r->f, t->ncols);
		name_field(ri, "via_name", T_EVENTS, rget(t, r, C_VIA));
		return;
	}
	rt_val(&ri->lead, rget(t, r, C_NAME));
	rt_lit(&ri->details, "(");
	rt_val(&ri->details, rget(t, r, C_ID));
	rt_lit(&ri->details, "), ");
	rt_val(&ri->details, rget(t, r, C_COUNTRY));
	rt_lit(&ri->details, "; joined ");
	rt_val(&ri->details, rget(t, r, C_JOINED));
	ref_text(&ri->details, "; via ", T_EVENTS, rget(t, r, C_VIA));
}

/* "Dialogue (2024-09-columbus); starts 2024-09; in Columbus (us-...)". */
static void
event_item(void *arg, size_t i, int wants, struct ritem *ri)
{
	const struct part *p = arg;
	const struct table *t = db_table(&db, T_EVENTS);
	const struct row *r = p->it->v[i].r;

	prefetch_item(p, i);
	if (wants == RI_DATA) {
		rf_row(&ri->fields, t->cols, r->f, t->ncols);
		name_field(ri, "city_name", T_CITIES, rget(t, r, E_CITY));
		return;
	}
	rt_val(&ri->lead, rget(t, r, E_NAME));
	rt_lit(&ri->details, "(");
	rt_val(&ri->details, rget(t, r, E_ID));
	rt_lit(&ri->details, "); starts ");
	rt_val(&ri->details, rget(t, r, E_START));
	ref_text(&ri->details, "; in ", T_CITIES, rget(t, r, E_CITY));
}

static void
add_part(struct digest *rp, struct report *doc, int kind, const char *title,
    const char *key)
{
	static void (*const make[])(void *, size_t, int, struct ritem *) = {
		[K_OVER] = followup_item, [K_DUE] = followup_item,
		[K_CLOSED] = followup_item, [K_CITY] = city_item,
		[K_EVENT] = event_item
	};
	struct items *const items[] = {
		[K_OVER] = &rp->over, [K_DUE] = &rp->due,
		[K_CLOSED] = &rp->closed, [K_CITY] = &rp->cities,
		[K_EVENT] = &rp->events
	};
	struct part *p = &rp->parts[kind];

	p->rp = rp;
	p->it = items[kind];
	p->kind = kind;
	report_section(doc, title, key, p->it->n,
	    kind == K_OVER ? RS_GROUPED : 0, make[kind], p);
}

/*
 * Overdue by owner; due soon and closed lately within --within; new
 * cities with no follow-up; coming events.  Every section is shown.
 */
static void
digest_sections(struct digest *rp, struct report *doc)
{
	char (*title)[128] = rp->titles;

	add_part(rp, doc, K_OVER, "Overdue", "overdue");
	snprintf(title[0], sizeof(title[0]), "Due in the next %s, by %s",
	    rp->within, rp->days[1]);
	add_part(rp, doc, K_DUE, title[0], "due");
	snprintf(title[1], sizeof(title[1]), "Closed in the last %s, since %s",
	    rp->within, rp->days[2]);
	add_part(rp, doc, K_CLOSED, title[1], "closed");
	snprintf(title[2], sizeof(title[2]), "Cities joined in the last 90 "
	    "days, since %s, with no follow-up", rp->days[3]);
	add_part(rp, doc, K_CITY, title[2], "new_cities");
	snprintf(title[3], sizeof(title[3]), "Events in the next 30 days, "
	    "by %s", rp->days[4]);
	add_part(rp, doc, K_EVENT, title[3], "events");
}

/* What the digest was asked, for programs: its day, owner and windows. */
static void
digest_facts(struct digest *rp, struct report *doc)
{
	struct rfields *f = &doc->facts;

	rf_add(f, "today", rp->days[0], RF_STR);
	rf_add(f, "data", rp->data, rp->data != NULL ? RF_STR : RF_NULL);
	rf_add(f, "owner", opt(O_OWNER) != NULL ? opt(O_OWNER) : "", RF_STR);
	rf_add(f, "within", rp->within, RF_STR);
	rf_add(f, "due_by", rp->days[1], RF_STR);
	rf_add(f, "closed_since", rp->days[2], RF_STR);
	rf_add(f, "joined_since", rp->days[3], RF_STR);
	rf_add(f, "events_by", rp->days[4], RF_STR);
}

/*
 * The digest as a report: "Follow-ups of li, 2024-06-01", then where the
 * data came from (cron runs with no $SC_DATA, so it is said), then the
 * sections.
 */
static void
digest_report(struct digest *rp, struct report *doc)
{
	struct rtext *data;

	memset(doc, 0, sizeof(*doc));
	date_fmt(rp->today, rp->days[0]);
	date_fmt(rp->dueby, rp->days[1]);
	date_fmt(rp->since, rp->days[2]);
	date_fmt(rp->joined, rp->days[3]);
	date_fmt(rp->evby, rp->days[4]);
	rt_lit(&doc->title, "Follow-ups");
	if (opt(O_OWNER) != NULL) {
		rt_lit(&doc->title, " of ");
		rt_val(&doc->title, *opt(O_OWNER) ? opt(O_OWNER) : "no one");
	}
	rt_lit(&doc->title, ", ");
	rt_lit(&doc->title, rp->days[0]);
	data = report_line(doc);
	rt_lit(data, "Data: ");
	rt_val(data, rp->data != NULL ? rp->data :
	    "built-in seed data, read-only");
	digest_facts(rp, doc);
	digest_sections(rp, doc);
	doc->left_out = rp->skipped;
	doc->nleft_out = rp->nskipped;
}

static void
digest_init(struct digest *rp)
{
	struct dur d;

	memset(rp, 0, sizeof(*rp));
	rp->within = opt(O_WITHIN) != NULL ? opt(O_WITHIN) : "7d";
	dur_opt("--within", rp->within, &d);
	rp->today = cl.c.today;
	rp->dueby = dur_add(rp->today, &d, 1);
	rp->since = dur_add(rp->today, &d, -1);
	rp->joined = rp->today - 90;
	rp->evby = rp->today + 30;
	if (opt(O_OWNER) != NULL)
		rp->owner = fold_name(opt(O_OWNER));
	if (st.dir != NULL && (rp->data = realpath(st.dir, NULL)) == NULL)
		rp->data = xstrdup(st.dir);
	skip_keep();
}

/* Plain text, fit for a mail, unless -o asks for md or json. */
static int
cmd_report(void)
{
	const struct emitter *e;
	struct digest rp;
	struct report doc;

	e = report_emitter(&cl.c, "report",
	    1u << FMT_TEXT | 1u << FMT_MD | 1u << FMT_JSON);
	digest_init(&rp);
	note_fresh(&rp);
	collect_followups(&rp);
	collect_cities(&rp);
	collect_events(&rp);
	items_sort(&rp.over);
	items_sort(&rp.due);
	items_sort(&rp.closed);
	items_sort(&rp.cities);
	items_sort(&rp.events);
	rp.skipped = skip_list(&rp.nskipped);
	digest_report(&rp, &doc);
	report_emit(&doc, e, stdout);
	report_free(&doc);
	hmap_free(rp.fresh);
	table_free(rp.fu);
	free(rp.over.v);
	free(rp.due.v);
	free(rp.closed.v);
	free(rp.cities.v);
	free(rp.events.v);
	free(rp.owner);
	free(rp.data);
	skip_free();
	return opt(O_FAIL_ON_OVERDUE) != NULL &&
	    (rp.over.n > 0 || rp.nskipped > 0) ? EXIT_NO : 0;
}

static int
cmd_check(void)
{
	return check_table(&db, T_FOLLOWUPS) > 0 ? EXIT_NO : 0;
}

/* The shell's glue; the words come from the rows, by "__complete". */
static int
cmd_completion(void)
{
	return complete_script(&tool, cl.argv[0]);
}

int
main(int argc, char *argv[])
{
	int status;

	cli_parse(&cl, argc, argv, &tool);
	if (cl.c.help || cl.c.version) {
		if (cl.c.help)
			help();
		else
			printf("sc-followups %s\n", VERSION);
		finish_stdout();
		return 0;
	}
	if (cl.verb != REPORT && (cl.c.out.fmt == FMT_TEXT ||
	    cl.c.out.fmt == FMT_MD))
		die(EXIT_USAGE, "-o text and -o md are for report; %s takes "
		    "csv, tsv, json or table", verbs[cl.verb].name);
	if (cl.verb != LIST && cl.c.out.fmt == FMT_ICS)
		die(EXIT_USAGE, "--output: ics is for list, not %s",
		    verbs[cl.verb].name);
	if (cl.c.out.fmt == FMT_ICS)
		ics_check(&cl.c);
	if (cl.c.out.fmt == FMT_SVG)
		die(EXIT_USAGE, "--output: svg is for sc-cities list and "
		    "sc-events list; %s takes %s", verbs[cl.verb].name,
		    cl.verb == REPORT ? "text, md or json" :
		    "csv, tsv, json or table");
	if (cl.verb != COMPLETION)	/* it needs no data directory */
		store_init(&st, cl.c.data, cl.c.wait);
	db_init(&db, &st);
	status = verbs[cl.verb].run();
	finish_stdout();
	return status;
}
