/*
 * sc-events: the events of the network, in events.csv, with the cities
 * that took part in each (attendance.csv) and the partner organisations
 * that came (partners.csv).
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

enum {
	LIST, SHOW, ADD, SET, RM, ATTEND, CITIES, PARTNER, PARTNERS, CHECK,
	IMPORT_REPORT, COMPLETION, REPORT, NVERBS
};

static int cmd_list(void), cmd_show(void), cmd_add(void), cmd_set(void),
    cmd_rm(void), cmd_attend(void), cmd_cities(void), cmd_partner(void),
    cmd_partners(void), cmd_check(void), cmd_import_report(void),
    cmd_completion(void), cmd_report(void);

static const struct verbdef verbs[NVERBS] = {
	[LIST] = { "list", cmd_list, 0, 0, "", 0,
	    "the events that pass its filters (the default verb)" },
	[SHOW] = { "show", cmd_show, 1, -1, "EVENT...", 0,
	    "an event, its cities, partners and follow-ups" },
	[ADD] = { "add", cmd_add, 1, 1, "NAME", 1,
	    "a new event (--start is needed); prints its row" },
	[SET] = { "set", cmd_set, 1, -1, "EVENT...", 1,
	    "change the events' fields" },
	[RM] = { "rm", cmd_rm, 1, -1, "EVENT...", 1,
	    "remove events no other table names" },
	[ATTEND] = { "attend", cmd_attend, 2, -1, "EVENT CITY...|-", 1,
	    "the cities took part in the event" },
	[CITIES] = { "cities", cmd_cities, 1, 1, "EVENT", 0,
	    "the attending cities, with a role column" },
	[PARTNER] = { "partner", cmd_partner, 2, 2, "EVENT ORGANISATION", 1,
	    "a partner organisation came to the event" },
	[PARTNERS] = { "partners", cmd_partners, 0, 1, "[EVENT]", 0,
	    "the event's partners; with none, every event's" },
	[CHECK] = { "check", cmd_check, 0, 0, "", 0,
	    "validate events, attendance and partners" },
	[IMPORT_REPORT] = { "import-report", cmd_import_report, 1, 1, "FILE|-",
	    1, "record the event of a published report" },
	[COMPLETION] = { "completion", cmd_completion, 1, 1, "bash|zsh|fish",
	    0, "print the shell's completion script" },
	[REPORT] = { "report", cmd_report, 1, 1, "EVENT", 0,
	    "draft the event's report: text, md, html or json" }
};

static int dur_word(const struct optdef *, const char *);

#define V(v)	(1u << (v))
enum {
	O_FROM, O_TO, O_UPCOMING, O_PAST, O_SERIES, O_KIND, O_STATUS,
	O_COUNTRY, O_CITY, O_NAME, O_START, O_END, O_URL, O_NOTES, O_ID,
	O_FORCE, O_FIELD, O_ROLE, O_SECTOR, O_REMOVE, NOPTS
};
static const struct optdef ownopts[NOPTS] = {
	[O_FROM] = { "from", 0, OPT_VALUE, "DATE",
	    "the event ends on or after DATE", .verbs = V(LIST) },
	[O_TO] = { "to", 0, OPT_VALUE, "DATE",
	    "the event starts on or before DATE", .verbs = V(LIST) },
	[O_UPCOMING] = { "upcoming", 0, OPT_OPTIONAL, "DUR",
	    "it starts from today on (within DUR: 90d, P4M)", .verbs = V(LIST),
	    dur_word },
	[O_PAST] = { "past", 0, OPT_OPTIONAL, "DUR",
	    "it was over before today (within DUR)",
	    .verbs = V(LIST), dur_word },
	[O_SERIES] = { "series", 0, OPT_VALUE, "TEXT",
	    "the series; list: it contains TEXT",
	    .verbs = V(LIST) | V(ADD) | V(SET) },
	[O_KIND] = { "kind", 0, OPT_VALUE, "K",
	    "summit, workshop, dialogue...; list: K,K...",
	    .verbs = V(LIST) | V(ADD) | V(SET) },
	[O_STATUS] = { "status", 0, OPT_VALUE, "S",
	    "planned, held or cancelled; list: S,S...",
	    .verbs = V(LIST) | V(ADD) | V(SET),
	    .sc = &schema_events, .col = E_STATUS },
	[O_COUNTRY] = { "country", 0, OPT_VALUE, "CC",
	    "the host city is in one of CC,CC...", .verbs = V(LIST),
	    .sc = &schema_cities, .col = C_COUNTRY },
	[O_CITY] = { "city", 0, OPT_VALUE, "CITY",
	    "the host city", .verbs = V(LIST) | V(ADD) | V(SET),
	    .sc = &schema_events, .col = E_CITY },
	[O_NAME] = { "name", 0, OPT_VALUE, "TEXT", "the name",
	    .verbs = V(SET) },
	[O_START] = { "start", 0, OPT_VALUE, "DATE",
	    "the first day (or month, or year)", .verbs = V(ADD) | V(SET) },
	[O_END] = { "end", 0, OPT_VALUE, "DATE",
	    "the last day", .verbs = V(ADD) | V(SET) },
	[O_URL] = { "url", 0, OPT_VALUE, "URL",
	    "the event's web page", .verbs = V(ADD) | V(SET) },
	[O_NOTES] = { "notes", 0, OPT_VALUE, "TEXT", "the notes",
	    .verbs = V(ADD) | V(SET) | V(ATTEND) | V(PARTNER) },
	[O_ID] = { "id", 0, OPT_VALUE, "ID",
	    "the id, instead of one made from date and name", .verbs = V(ADD) },
	[O_FORCE] = { "force", 0, OPT_FLAG, NULL,
	    "add even if it seems there; rm even if named",
	    .verbs = V(ADD) | V(RM) | V(IMPORT_REPORT) },
	[O_FIELD] = { "field", 0, OPT_MULTI, "COL=V",
	    "any column, one a user added too", .verbs = V(SET) },
	[O_ROLE] = { "role", 0, OPT_VALUE, "R",
	    "host, participant or speaker; cities: R,R...",
	    .verbs = V(ATTEND) | V(CITIES),
	    .sc = &schema_attendance, .col = A_ROLE },
	[O_SECTOR] = { "sector", 0, OPT_VALUE, "S",
	    "the partner organisation's sector", .verbs = V(PARTNER) },
	[O_REMOVE] = { "remove", 0, OPT_FLAG, NULL,
	    "take the city or the partner off the event",
	    .verbs = V(ATTEND) | V(PARTNER) }
};

static struct cmdline cl;
static struct store st;
static struct db db;

static void
usage(void)
{
	fprintf(stderr,
	    "usage: sc-events [-D dir] [-o fmt] [-c cols] [list] [filters]\n"
	    "       sc-events show event...\n"
	    "       sc-events add name --start DATE [--end DATE] [--city CITY]"
	    " [--series S]\n"
	    "                 [--kind K] [--status S] [--url U] [--id ID]"
	    " [--notes T] [--force]\n"
	    "       sc-events set event... [--name|--series|--kind|--start|"
	    "--end|--city|\n"
	    "                 --status|--url|--notes V] [--field COL=V]...\n"
	    "       sc-events rm [--force] event...\n"
	    "       sc-events attend event city...|- [--role R] [--notes T]"
	    " [--remove]\n"
	    "       sc-events cities event [--role R[,R]]\n"
	    "       sc-events partner event organisation [--sector S]"
	    " [--notes T] [--remove]\n"
	    "       sc-events partners [event]\n"
	    "       sc-events check\n"
	    "       sc-events import-report [-n] [--force] file|-\n"
	    "       sc-events report event [-o text|md|html|json]\n"
	    "Try 'sc-events --help' for more.\n");
	exit(EXIT_USAGE);
}

static const struct tool tool = {
	"sc-events", verbs, NVERBS, ownopts, NOPTS,
	"csv, tsv, json, table (and text, md, ics, svg, html)",
	usage, &schema_events
};

static void
help(void)
{
	printf(
"usage: sc-events [options] [verb] [args]\n"
"\n"
"The events of the network (events.csv), the cities that took part in\n"
"them (attendance.csv) and their partner organisations (partners.csv).\n"
"\n");
	cli_help(&tool);
	printf(
"\n"
"An EVENT or CITY is an id or an unambiguous name (case and accents\n"
"ignored); - reads rows from stdin and takes their event (or city)\n"
"column, else their id.  A duration after --upcoming or --past is\n"
"optional: --upcoming 90d, --upcoming=90d, or --upcoming for all.\n"
"--from and --to select the events that overlap the span.\n"
"\n"
"Examples:\n"
"  sc-events list --upcoming 90d\n"
"  sc-events list --from 2024-01-01 --to 2024-12-31 --series transatlantic\n"
"  sc-events list -o ics > events.ics   (a calendar to import)\n"
"  sc-events add \"Regional Workshop\" --start 2024-10 --city Dijon\n"
"  sc-cities list --via 2024-05-strasbourg |\n"
"      sc-events attend 2024-05-strasbourg - --role participant\n"
"  sc-events cities 2024-05-strasbourg | sc-cities list -i - --country GR\n"
"  sc-events partner 2024-05-strasbourg \"A national ministry\"\n"
"  sc-events show 2024-05-strasbourg -o json | jq .\n"
"  sc-events list --from 2024 -o svg >events.svg\n"
"\n"
"Exit status: 0 done, 1 check found problems, 2 usage, 3 bad data,\n"
"4 system error.  See sc-events(1) and sc(7).\n");
}

static const char *
opt(int o)
{
	return cl.val[o];
}

/* --- optional durations -------------------------------------------------- */

/*
 * The word after --upcoming or --past is its duration when it is one
 * ("--upcoming 90d"); a number is meant as one ("--upcoming 2 weeks") and
 * is refused as one.  Any other word is left to be the verb, or a stray.
 */
static int
dur_word(const struct optdef *o, const char *w)
{
	struct dur du;
	char name[32];

	if (dur_parse(w, &du) == 0)
		return 1;
	if (w[0] >= '0' && w[0] <= '9') {
		snprintf(name, sizeof(name), "--%s", o->name);
		dur_opt(name, w, &du);
	}
	return 0;
}

/* --- shared helpers ------------------------------------------------------ */

/* The rows of a table that share one value of a column. */
struct group {
	struct row **v;
	size_t	 n;
};

/*
 * Indexes a table by a column in one pass, so that joining it to another
 * table is linear.
 */
static struct hmap *
group_by(struct table *t, int col)
{
	struct hmap *h = hmap_new();
	struct group *g;
	size_t i;

	for (i = 0; i < t->nrows; i++) {
		if ((g = hmap_get(h, rget(t, t->rows[i], col))) == NULL) {
			g = xcalloc(1, sizeof(*g));
			hmap_put(h, rget(t, t->rows[i], col), g);
		}
		/* The array doubles whenever its count is a power of 2. */
		if ((g->n & (g->n - 1)) == 0)
			g->v = xreallocarray(g->v, g->n ? g->n * 2 : 1,
			    sizeof(*g->v));
		g->v[g->n++] = t->rows[i];
	}
	return h;
}

static const struct group *
group_of(struct hmap *h, const char *key)
{
	static const struct group none;
	const struct group *g = hmap_get(h, key);

	return g != NULL ? g : &none;
}

static const char *
event_id(const char *arg)
{
	return rget(db_table(&db, T_EVENTS), db_find(&db, T_EVENTS, arg),
	    E_ID);
}

/* A city named by id or name: only the cities it may name are read. */
static const char *
city_id(const char *arg)
{
	struct row *c;

	db_narrow(&db, T_CITIES, (char *const *)&arg, 1);
	c = db_find(&db, T_CITIES, arg);
	return rget(db.t[T_CITIES], c, C_ID);
}

/* --- list ---------------------------------------------------------------- */

struct filter {
	long	 from, to;		/* the span asked for */
	long	 up_to, past_from;	/* the ends of --upcoming, --past */
	int	 dated;			/* some date filter is on */
	char	*series;		/* folded */
	char	**kinds, **statuses;	/* kinds folded */
	size_t	 nkinds, nstatuses;
	struct hmap *hosts;		/* city ids in the --country set */
	const char *city;
};

/*
 * The cities of the countries asked for, by id: the cities are streamed
 * once, and the events then joined to this set in one pass.
 */
static struct hmap *
cities_in(const char *list)
{
	struct hmap *h = hmap_new();
	struct scan s;
	char **cc;
	size_t i, n;

	cc = split_list(list, &n);
	for (i = 0; i < n; i++) {
		upcase(cc[i]);
		if (!iso_country_ok(cc[i]))
			die(EXIT_USAGE, "--country: unknown country code '%s'",
			    cc[i]);
	}
	if (n == 0)
		die(EXIT_USAGE, "--country: want a country code");
	scan_open(&s, &schema_cities, store_reader(&st, &schema_cities));
	while (scan_next(&s))
		if (in_set(cc, n, sget(&s, C_COUNTRY)))
			hmap_put(h, sget(&s, C_ID), h);
	scan_close(&s);
	free_list(cc, n);
	return h;
}

static long
dur_from_today(int which, int sign)
{
	struct dur du;

	dur_opt(which ? "--past" : "--upcoming", opt(which ? O_PAST :
	    O_UPCOMING), &du);
	return dur_add(cl.c.today, &du, sign);
}

static void
filter_dates(struct filter *f)
{
	f->from = f->past_from = LONG_MIN;
	f->to = f->up_to = LONG_MAX;
	if (opt(O_FROM) != NULL)
		f->from = date_opt("--from", opt(O_FROM), cl.c.today, 0);
	if (opt(O_TO) != NULL)
		f->to = date_opt("--to", opt(O_TO), cl.c.today, 1);
	if (opt(O_UPCOMING) != NULL && !cl.bare[O_UPCOMING])
		f->up_to = dur_from_today(0, 1);
	if (opt(O_PAST) != NULL && !cl.bare[O_PAST])
		f->past_from = dur_from_today(1, -1);
	f->dated = opt(O_FROM) || opt(O_TO) || opt(O_UPCOMING) || opt(O_PAST);
}

static void
filter_init(struct filter *f)
{
	size_t i;

	memset(f, 0, sizeof(*f));
	filter_dates(f);
	if (opt(O_SERIES) != NULL)
		f->series = fold_name(opt(O_SERIES));
	if (opt(O_KIND) != NULL) {
		f->kinds = split_list(opt(O_KIND), &f->nkinds);
		for (i = 0; i < f->nkinds; i++) {
			char *k = fold_name(f->kinds[i]);

			free(f->kinds[i]);
			f->kinds[i] = k;
		}
	}
	if (opt(O_STATUS) != NULL)
		f->statuses = enum_opts("status", opt(O_STATUS), T_EVENTS,
		    E_STATUS, &f->nstatuses);
	if (opt(O_COUNTRY) != NULL)
		f->hosts = cities_in(opt(O_COUNTRY));
	if (opt(O_CITY) != NULL)
		f->city = city_id(opt(O_CITY));
}

/*
 * The days an event may cover.  A reduced date covers its whole month or
 * year: an event starting 2024-09 may start on any day of September, and
 * ends on the last day its end (else its start) may be.
 */
struct span {
	long	 first, start_last, last;
};

static int
event_span(const char *start, const char *end, struct span *sp)
{
	struct date s, e;

	if (date_parse(start, &s) == -1)
		return -1;
	sp->first = date_first(&s);
	sp->last = sp->start_last = date_last(&s);
	if (*end != '\0') {
		if (date_parse(end, &e) == -1)
			return -1;
		sp->last = date_last(&e);
	}
	return 0;
}

/*
 * The status and date filters: 1 keeps the row, 0 drops it, -1 when a
 * value they need cannot be read (*col is then its column).  Upcoming:
 * the start may still be today or later, and may fall in the window.
 * Past: the event is over, its last day before today, and that day is in
 * the window.  An event under way is neither.
 */
static int
status_dates(const struct filter *f, const struct scan *s, int *col)
{
	const char *v;
	struct span sp;

	*col = E_STATUS;
	if (f->statuses && !in_set(f->statuses, f->nstatuses,
	    v = sget(s, E_STATUS)))
		return value_readable(T_EVENTS, E_STATUS, v, NULL, 0) ? 0 : -1;
	if (!f->dated)
		return 1;
	if (event_span(sget(s, E_START), sget(s, E_END), &sp) == -1) {
		*col = value_readable(T_EVENTS, E_START, sget(s, E_START), NULL,
		    0) ? E_END : E_START;
		return -1;
	}
	if (sp.last < f->from || sp.first > f->to)
		return 0;
	if (opt(O_UPCOMING) != NULL && (sp.start_last < cl.c.today ||
	    sp.first > f->up_to))
		return 0;
	if (opt(O_PAST) != NULL && (sp.last >= cl.c.today ||
	    sp.last < f->past_from))
		return 0;
	return 1;
}

static int
folded_ok(const char *want, char **set, size_t n, const char *v)
{
	char *folded;
	int ok;

	if (want == NULL && set == NULL)
		return 1;
	folded = fold_name(v);
	ok = want != NULL ? strstr(folded, want) != NULL :
	    in_set(set, n, folded);
	free(folded);
	return ok;
}

/*
 * An event that the other filters keep but whose status or dates cannot
 * be read is named on stderr and left out.
 */
static int
keep(const struct scan *s, void *arg)
{
	const struct filter *f = arg;
	int ok, col;

	if (f->city && strcmp(f->city, sget(s, E_CITY)) != 0)
		return 0;
	if (f->hosts && hmap_get(f->hosts, sget(s, E_CITY)) == NULL)
		return 0;
	if ((ok = status_dates(f, s, &col)) == 0)
		return 0;
	if (!folded_ok(f->series, NULL, 0, sget(s, E_SERIES)) ||
	    !folded_ok(NULL, f->kinds, f->nkinds, sget(s, E_KIND)))
		return 0;
	return ok > 0 || scan_readable(s, col);
}

/* --- list -o ics ---------------------------------------------------------- */

/* What an event's item is made of, reused from row to row. */
struct ics_bufs {
	struct buf uid, summary, location, desc;
};

static const char *
ics_status(const char *status)
{
	if (strcmp(status, "held") == 0)
		return "CONFIRMED";
	if (strcmp(status, "planned") == 0)
		return "TENTATIVE";
	return strcmp(status, "cancelled") == 0 ? "CANCELLED" : NULL;
}

/*
 * Where an event is, as people and map searches say it: its host city's
 * name, its region's and its country's ("Columbus, Ohio, United States").
 * A code with no name stands as it is.
 */
static void
ics_place(struct buf *b, const char *city)
{
	struct table *t = db_table(&db, T_CITIES);
	struct row *c = hmap_get(db_ids(&db, T_CITIES), city);
	const char *region, *country;

	if (c == NULL)
		return;
	buf_adds(b, rget(t, c, C_NAME));
	if (*(region = rget(t, c, C_REGION)) != '\0') {
		buf_adds(b, ", ");
		buf_adds(b, iso_region_name(region) != NULL ?
		    iso_region_name(region) : region);
	}
	country = rget(t, c, C_COUNTRY);
	buf_adds(b, ", ");
	buf_adds(b, iso_country_name(country) != NULL ?
	    iso_country_name(country) : country);
}

/*
 * An event whose dates are known only to the month or the year spans
 * that month or year, says so in its summary and keeps its dates as
 * recorded in its description: left out, a coming summit would be
 * missing from the calendar made to plan for it.
 */
static void
ics_unfixed(struct ics_bufs *b, const struct scan *s)
{
	buf_adds(&b->summary, " (date not fixed)");
	if (b->desc.len > 0)
		buf_adds(&b->desc, "\n\n");
	buf_adds(&b->desc, "Dates as recorded: ");
	buf_adds(&b->desc, sget(s, E_START));
	if (*sget(s, E_END) != '\0') {
		buf_adds(&b->desc, " to ");
		buf_adds(&b->desc, sget(s, E_END));
	}
	buf_adds(&b->desc, " (the day is not fixed).");
}

/* Whether an event's dates are days, not months or years. */
static int
days_fixed(const struct scan *s)
{
	struct date d;

	if (date_parse(sget(s, E_START), &d) == -1 || d.prec != DATE_DAY)
		return 0;
	return *sget(s, E_END) == '\0' ||
	    (date_parse(sget(s, E_END), &d) == 0 && d.prec == DATE_DAY);
}

/* An event as a calendar item: 0 (and named) when its dates cannot be. */
static int
ics_event_of(const struct scan *s, void *arg, struct ics_item *it)
{
	struct ics_bufs *b = arg;
	struct span sp;
	char msg[512];

	if (!scan_readable(s, E_START) || !scan_readable(s, E_END) ||
	    !scan_readable(s, E_STATUS))
		return 0;
	if (event_span(sget(s, E_START), sget(s, E_END), &sp) == -1)
		return 0;
	if (sp.last < sp.first || sp.last > ics_last_day()) {
		snprintf(msg, sizeof(msg), sp.last < sp.first ? "'%s' is "
		    "before the start, '%s'" : "'%s' is too late for a "
		    "calendar", sget(s, E_END), sget(s, E_START));
		skip_row(s->t->label, s->rec.line, "end", msg);
		return 0;
	}
	buf_reset(&b->uid);
	buf_reset(&b->summary);
	buf_reset(&b->location);
	buf_reset(&b->desc);
	buf_adds(&b->uid, "event-");
	buf_adds(&b->uid, sget(s, E_ID));
	buf_adds(&b->uid, "@sc.invalid");
	buf_adds(&b->summary, sget(s, E_NAME));
	buf_adds(&b->desc, sget(s, E_NOTES));
	if (!days_fixed(s))
		ics_unfixed(b, s);
	ics_place(&b->location, sget(s, E_CITY));
	it->uid = b->uid.s;
	it->summary = b->summary.s;
	it->location = b->location.s;
	it->description = b->desc.s;
	it->url = sget(s, E_URL);
	it->status = ics_status(sget(s, E_STATUS));
	it->first = sp.first;
	it->last = sp.last;
	it->stamp = 0;
	return 1;
}

static void
list_ics(struct filter *f)
{
	struct ics_bufs b;
	struct ics_source src = {
		"sc-events", "Events", keep, f, ics_event_of, &b
	};

	memset(&b, 0, sizeof(b));
	ics_list(&cl.c, &st, &schema_events, &src);
	buf_free(&b.uid);
	buf_free(&b.summary);
	buf_free(&b.location);
	buf_free(&b.desc);
}

/*
 * An event on the timeline: its values, its host city's name (the id
 * when no city has it).  A date or status that cannot be read is named
 * on stderr, as a list names it; the timeline says what it left out.
 */
static void
timeline_event(struct scan *s, struct svg_event *e)
{
	const char *city = sget(s, E_CITY);
	struct row *r;

	scan_readable(s, E_START);
	scan_readable(s, E_END);
	scan_readable(s, E_STATUS);
	e->name = xstrdup(sget(s, E_NAME));
	r = *city ? hmap_get(db_ids(&db, T_CITIES), city) : NULL;
	e->city = *city ? xstrdup(r != NULL ? rget(db_table(&db, T_CITIES),
	    r, C_NAME) : city) : NULL;
	e->start = xstrdup(sget(s, E_START));
	e->end = *sget(s, E_END) ? xstrdup(sget(s, E_END)) : NULL;
	e->series = xstrdup(sget(s, E_SERIES));
	e->kind = xstrdup(sget(s, E_KIND));
	e->status = xstrdup(sget(s, E_STATUS));
}

static void
event_free(struct svg_event *e)
{
	free((char *)(uintptr_t)e->name);
	free((char *)(uintptr_t)e->city);
	free((char *)(uintptr_t)e->start);
	free((char *)(uintptr_t)e->end);
	free((char *)(uintptr_t)e->series);
	free((char *)(uintptr_t)e->kind);
	free((char *)(uintptr_t)e->status);
}

/* list -o svg: the events kept, on a timeline, titled with the filters. */
static void
list_timeline(struct filter *f)
{
	struct svg_event *e = NULL;
	struct scan s;
	size_t i, n = 0, cap = 0;
	char *given, *title;

	scan_open(&s, &schema_events, input_reader(&cl.c, &st,
	    &schema_events));
	while (scan_next(&s)) {
		if (!keep(&s, f))
			continue;
		if (n == cap)
			e = xreallocarray(e, cap = cap ? cap * 2 : 64,
			    sizeof(*e));
		timeline_event(&s, &e[n++]);
	}
	scan_close(&s);
	given = cli_given(&cl, &tool);
	title = *given ? xasprintf("Events \xe2\x80\x94 %s", given) :
	    xstrdup("Events");
	svg_timeline(stdout, title, e, n, cl.c.today);
	for (i = 0; i < n; i++)
		event_free(&e[i]);
	free(e);
	free(title);
	free(given);
}

static int
cmd_list(void)
{
	struct filter f;

	filter_init(&f);
	if (cl.c.out.fmt == FMT_ICS)
		list_ics(&f);
	else if (cl.c.out.fmt == FMT_SVG)
		list_timeline(&f);
	else
		list_rows(&cl.c, &st, &schema_events, keep, &f);
	hmap_free(f.hosts);
	free(f.series);
	free_list(f.kinds, f.nkinds);
	free_list(f.statuses, f.nstatuses);
	return skip_status(0);
}

/* --- show ---------------------------------------------------------------- */

/* What show joins to each event, indexed once for all the events shown. */
struct joins {
	struct table *cities, *att, *par, *fu;
	struct hmap *att_by, *par_by, *fu_by;
};

/* Only the rows that name the events shown are read into memory. */
static void
joins_init(struct joins *j, const struct table *t, struct row **rows,
    size_t n)
{
	struct hmap *ids = hmap_new();
	size_t i;

	for (i = 0; i < n; i++)
		hmap_put(ids, rget(t, rows[i], E_ID), ids);
	j->cities = db_table(&db, T_CITIES);
	j->att = store_select(&st, &schema_attendance, A_EVENT, ids);
	j->par = store_select(&st, &schema_partners, P_EVENT, ids);
	j->fu = store_select(&st, &schema_followups, F_EVENT, ids);
	j->att_by = group_by(j->att, A_EVENT);
	j->par_by = group_by(j->par, P_EVENT);
	j->fu_by = group_by(j->fu, F_EVENT);
	hmap_free(ids);
}

static void
free_group(void *p)
{
	struct group *g = p;

	free(g->v);
	free(g);
}

static void
joins_free(struct joins *j)
{
	hmap_free_all(j->att_by, free_group);
	hmap_free_all(j->par_by, free_group);
	hmap_free_all(j->fu_by, free_group);
	table_free(j->att);
	table_free(j->par);
	table_free(j->fu);
}

/* The cities that came, with their roles, as a list of show. */
static void
show_cities(const struct joins *j, const struct group *g)
{
	static const char *const head[] = { "city", "role", "name" };
	struct cells c;
	struct row *x, *city;
	const char *f[3];
	size_t i;

	cells_init(&c, 3);
	cells_add(&c, (char *const *)head);
	c.head = 1;
	for (i = 0; i < g->n; i++) {
		x = g->v[i];
		city = hmap_get(db_ids(&db, T_CITIES), rget(j->att, x, A_CITY));
		f[0] = rget(j->att, x, A_CITY);
		f[1] = rget(j->att, x, A_ROLE);
		f[2] = city != NULL ? rget(j->cities, city, C_NAME) : "";
		cells_add(&c, (char *const *)f);
	}
	cells_list(&c, &cl.c.out, "cities");
}

static void
show_partners(const struct joins *j, const struct group *g)
{
	static const char *const head[] = { "organisation", "sector" };
	struct cells c;
	const char *f[2];
	size_t i;

	cells_init(&c, 2);
	cells_add(&c, (char *const *)head);
	c.head = 1;
	for (i = 0; i < g->n; i++) {
		f[0] = rget(j->par, g->v[i], P_ORGANISATION);
		f[1] = rget(j->par, g->v[i], P_SECTOR);
		cells_add(&c, (char *const *)f);
	}
	cells_list(&c, &cl.c.out, "partners");
}

/* The event's follow-ups, each with the city it concerns and its owner. */
static void
show_followups(const struct joins *j, const struct group *g)
{
	static const char *const head[] = {
		"id", "status", "due", "city", "owner", "action"
	};
	struct cells c;
	struct row *x, *city;
	const char *f[6];
	size_t i;

	cells_init(&c, 6);
	cells_add(&c, (char *const *)head);
	c.head = 1;
	for (i = 0; i < g->n; i++) {
		x = g->v[i];
		city = hmap_get(db_ids(&db, T_CITIES), rget(j->fu, x, F_CITY));
		f[0] = rget(j->fu, x, F_ID);
		f[1] = rget(j->fu, x, F_STATUS);
		f[2] = rget(j->fu, x, F_DUE);
		f[3] = city != NULL ? rget(j->cities, city, C_NAME) :
		    rget(j->fu, x, F_CITY);
		f[4] = rget(j->fu, x, F_OWNER);
		f[5] = rget(j->fu, x, F_ACTION);
		cells_add(&c, (char *const *)f);
	}
	cells_list(&c, &cl.c.out, "follow-ups");
}

static void
show_text(const struct joins *j, const struct table *t, const struct row *r)
{
	const char *id = rget(t, r, E_ID);
	size_t i;

	for (i = 0; i < t->ncols; i++)
		vis_line("%-10s %s", t->cols[i], r->f[i]);
	show_cities(j, group_of(j->att_by, id));
	show_partners(j, group_of(j->par_by, id));
	show_followups(j, group_of(j->fu_by, id));
}

/* A JSON array of whole rows of a table, as objects. */
static void
json_rows(const char *key, const struct table *t, const struct group *g)
{
	size_t i;

	printf(",\"%s\":[", key);
	for (i = 0; i < g->n; i++) {
		fputs(i ? ",{" : "{", stdout);
		json_fields(stdout, t->cols, g->v[i]->f, t->ncols);
		putchar('}');
	}
	putchar(']');
}

/* Each attending city as its cities.csv row with its role added. */
static void
json_cities(const struct joins *j, const struct group *g)
{
	struct row *c;
	size_t i;

	fputs(",\"cities\":[", stdout);
	for (i = 0; i < g->n; i++) {
		fputs(i ? ",{" : "{", stdout);
		c = hmap_get(db_ids(&db, T_CITIES),
		    rget(j->att, g->v[i], A_CITY));
		if (c != NULL)
			json_fields(stdout, j->cities->cols, c->f,
			    j->cities->ncols);
		else {
			fputs("\"id\":", stdout);
			json_string(stdout, rget(j->att, g->v[i], A_CITY));
		}
		fputs(",\"role\":", stdout);
		json_string(stdout, rget(j->att, g->v[i], A_ROLE));
		putchar('}');
	}
	putchar(']');
}

static void
show_json(const struct joins *j, const struct table *t, const struct row *r)
{
	const char *id = rget(t, r, E_ID);

	putchar('{');
	json_fields(stdout, t->cols, r->f, t->ncols);
	json_cities(j, group_of(j->att_by, id));
	json_rows("partners", j->par, group_of(j->par_by, id));
	json_rows("followups", j->fu, group_of(j->fu_by, id));
	fputs("}\n", stdout);
}

static int
cmd_show(void)
{
	struct table *t;
	struct joins j;
	struct row **rows;
	size_t i, n;
	int fmt = cl.c.outset ? cl.c.out.fmt : FMT_TEXT;

	/* The names first: a writer piping in has written when stdin ends. */
	rows = resolve_rows(&db, T_EVENTS, &cl.c, cl.argc, cl.argv, &n);
	t = db_table(&db, T_EVENTS);
	if (fmt != FMT_TEXT && fmt != FMT_JSON) {
		out_rows(&cl.c.out, t, rows, n);
		free(rows);
		return 0;
	}
	joins_init(&j, t, rows, n);
	for (i = 0; i < n; i++) {
		if (fmt == FMT_JSON)
			show_json(&j, t, rows[i]);
		else {
			if (i > 0)
				putchar('\n');
			show_text(&j, t, rows[i]);
		}
	}
	joins_free(&j);
	free(rows);
	return 0;
}

/* --- report -------------------------------------------------------------- */

/* What the report of an event is drawn from: its row and the rows on it. */
struct evdoc {
	struct joins j;
	struct table *t;	/* events.csv */
	struct row *ev;
	char	*when;		/* its days in words */
	char	*where;		/* its host, for programs */
	struct row **att;	/* its cities, the host first */
	struct row **steps;	/* its follow-ups, the open ones first */
	struct row **intro;	/* the cities it introduced */
	size_t	 natt, nsteps, nintro;
	size_t	 nrole[3];	/* how many cities of each role */
	const struct group *par;
};

/* The roles in the order the report groups them, and their headings. */
static const char *const role_heads[3][2] = {
	{ "Host", "Hosts" }, { "Speaker", "Speakers" },
	{ "Participant", "Participants" }
};
static const char *const role_order[] = { "host", "speaker", "participant" };
static const char *const step_order[] = { "open", "done", "cancelled" };

/* The index of v in order[n], or n. */
static size_t
rank(const char *v, const char *const *order, size_t n)
{
	size_t i;

	for (i = 0; i < n && strcmp(v, order[i]) != 0; i++)
		continue;
	return i;
}

/*
 * The rows of g whose col is readable, in the order of its values in
 * order[n], the rows of one value as the file has them; *count gets how
 * many of each there are.  A row whose value cannot be read is named and
 * left out.
 */
static struct row **
ranked(const struct table *t, const struct group *g, int col,
    const char *const *order, size_t n, size_t *count, size_t *nout)
{
	struct row **v = xreallocarray(NULL, g->n + 1, sizeof(*v));
	size_t i, k;

	*nout = 0;
	for (k = 0; k < n; k++)
		count[k] = 0;
	for (k = 0; k < n; k++)
		for (i = 0; i < g->n; i++)
			if (rank(rget(t, g->v[i], col), order, n) == k) {
				v[(*nout)++] = g->v[i];
				count[k]++;
			}
	for (i = 0; i < g->n; i++)
		if (rank(rget(t, g->v[i], col), order, n) == n)
			row_readable(t, g->v[i], col);
	return v;
}

/*
 * "Strasbourg (France)", "Columbus (Ohio, United States)": a city as the
 * reports name it, with its region and its country in English; the id
 * alone for a city that cities.csv does not have.
 */
static void
rt_city(struct rtext *rt, const char *id)
{
	struct table *ct = db_table(&db, T_CITIES);
	struct row *c = hmap_get(db_ids(&db, T_CITIES), id);
	const char *cc, *region, *name;

	if (c == NULL) {
		rt_val(rt, id);
		return;
	}
	cc = rget(ct, c, C_COUNTRY);
	region = rget(ct, c, C_REGION);
	rt_val(rt, rget(ct, c, C_NAME));
	rt_lit(rt, " (");
	if (*region != '\0') {
		name = iso_region_name(region);
		rt_val(rt, name != NULL ? name : region);
		rt_lit(rt, ", ");
	}
	name = iso_country_name(cc);
	rt_val(rt, name != NULL ? name : cc);
	rt_lit(rt, ")");
}

/* The same in plain text, as the JSON facts give it. */
static char *
city_words(const char *id)
{
	struct rtext rt = { NULL, 0, 0 };
	struct buf b = { NULL, 0, 0 };
	size_t i;

	rt_city(&rt, id);
	buf_adds(&b, "");
	for (i = 0; i < rt.n; i++)
		buf_adds(&b, rt.v[i].s);
	free(rt.v);
	return b.s;
}

static void
ev_description(void *arg, size_t i, int wants, struct ritem *it)
{
	const struct evdoc *d = arg;

	(void)i;
	if (wants == RI_DATA)
		rf_add(&it->fields, "text", rget(d->t, d->ev, E_NOTES), RF_STR);
	else
		rt_val(&it->text, rget(d->t, d->ev, E_NOTES));
}

/* A city as cities.csv has it, with the role it had, under its role. */
static void
ev_city(void *arg, size_t i, int wants, struct ritem *it)
{
	const struct evdoc *d = arg;
	struct table *ct = db_table(&db, T_CITIES);
	const char *id = rget(d->j.att, d->att[i], A_CITY);
	const char *role = rget(d->j.att, d->att[i], A_ROLE);
	struct row *c = hmap_get(db_ids(&db, T_CITIES), id);
	size_t k = rank(role, role_order, 3);

	if (wants == RI_DATA) {
		if (c != NULL)
			rf_row(&it->fields, ct->cols, c->f, ct->ncols);
		else
			rf_add(&it->fields, "id", id, RF_STR);
		rf_add(&it->fields, "role", role, RF_STR);
		return;
	}
	if (i == 0 || strcmp(role, rget(d->j.att, d->att[i - 1], A_ROLE)))
		rt_lit(&it->group, role_heads[k][d->nrole[k] > 1]);
	rt_city(&it->text, id);
}

/* "A national ministry (government)": an organisation and its sector. */
static void
ev_partner(void *arg, size_t i, int wants, struct ritem *it)
{
	const struct evdoc *d = arg;
	const struct row *r = d->par->v[i];
	const char *sector = rget(d->j.par, r, P_SECTOR);

	if (wants == RI_DATA) {
		rf_row(&it->fields, d->j.par->cols, r->f, d->j.par->ncols);
		return;
	}
	rt_val(&it->text, rget(d->j.par, r, P_ORGANISATION));
	if (*sector != '\0') {
		rt_lit(&it->text, " (");
		rt_val(&it->text, sector);
		rt_lit(&it->text, ")");
	}
}

static void
ev_introduced(void *arg, size_t i, int wants, struct ritem *it)
{
	const struct evdoc *d = arg;
	struct table *ct = db_table(&db, T_CITIES);

	if (wants == RI_DATA)
		rf_row(&it->fields, ct->cols, d->intro[i]->f, ct->ncols);
	else
		rt_city(&it->text, rget(ct, d->intro[i], C_ID));
}

/* One part of a step's details: "; " before all but the first. */
static struct rtext *
detail(struct ritem *it)
{
	if (it->details.n > 0)
		rt_lit(&it->details, "; ");
	return &it->details;
}

/*
 * A follow-up, by its id as sc-followups names it: its action, then the
 * city it is for, its owner and when it is due, and, once closed, how
 * and when it was.
 */
static void
ev_step(void *arg, size_t i, int wants, struct ritem *it)
{
	const struct evdoc *d = arg;
	const struct table *t = d->j.fu;
	const struct row *r = d->steps[i];
	const char *v;

	if (wants == RI_DATA) {
		rf_row(&it->fields, t->cols, r->f, t->ncols);
		return;
	}
	rt_lit(&it->lead, "#");
	rt_val(&it->lead, rget(t, r, F_ID));
	rt_val(&it->text, rget(t, r, F_ACTION));
	if (*(v = rget(t, r, F_CITY)) != '\0') {
		rt_lit(detail(it), "city ");
		rt_city(&it->details, v);
	}
	if (*(v = rget(t, r, F_OWNER)) != '\0') {
		rt_lit(detail(it), "owner ");
		rt_val(&it->details, v);
	}
	if (*(v = rget(t, r, F_DUE)) != '\0') {
		rt_lit(detail(it), "due ");
		rt_val(&it->details, v);
	}
	if (strcmp(rget(t, r, F_STATUS), "open") != 0) {
		rt_val(detail(it), rget(t, r, F_STATUS));
		if (*(v = rget(t, r, F_CLOSED)) != '\0') {
			rt_lit(&it->details, " ");
			rt_val(&it->details, v);
		}
	}
}

/*
 * The event's days in words, with the dash of the format: a hyphen in
 * text, which import-report reads back, an en dash elsewhere.  Dates
 * that cannot be read are refused: Where & When is the report's core.
 */
static char *
event_when(const struct table *t, const struct row *r, const char *dash)
{
	char msg[512], *w;
	int col;

	for (col = E_START; col <= E_END; col++)
		if (!value_readable(T_EVENTS, col, rget(t, r, col), msg,
		    sizeof(msg)))
			die_at(EXIT_DATA, t->label, r->line,
			    "%s: %s; no report", t->cols[t->pos[col]], msg);
	if ((w = date_words(rget(t, r, E_START), rget(t, r, E_END), dash)) ==
	    NULL)
		die_at(EXIT_DATA, t->label, r->line, "end '%s' is before the "
		    "start '%s'; no report", rget(t, r, E_END),
		    rget(t, r, E_START));
	return w;
}

/* The cities whose via is the event, as cities.csv has them. */
static struct row **
introduced_by(const char *ev, size_t *n)
{
	struct table *ct = db_table(&db, T_CITIES);
	struct row **v = xreallocarray(NULL, ct->nrows + 1, sizeof(*v));
	size_t i;

	*n = 0;
	for (i = 0; i < ct->nrows; i++)
		if (strcmp(rget(ct, ct->rows[i], C_VIA), ev) == 0)
			v[(*n)++] = ct->rows[i];
	return v;
}

static void
evdoc_init(struct evdoc *d, const char *dash)
{
	const char *id, *city;
	size_t count[3];

	memset(d, 0, sizeof(*d));
	d->t = db_table(&db, T_EVENTS);
	d->ev = db_find(&db, T_EVENTS, cl.argv[0]);
	d->when = event_when(d->t, d->ev, dash);
	id = rget(d->t, d->ev, E_ID);
	city = rget(d->t, d->ev, E_CITY);
	d->where = *city != '\0' ? city_words(city) : xstrdup("");
	joins_init(&d->j, d->t, &d->ev, 1);
	d->att = ranked(d->j.att, group_of(d->j.att_by, id), A_ROLE,
	    role_order, 3, d->nrole, &d->natt);
	d->steps = ranked(d->j.fu, group_of(d->j.fu_by, id), F_STATUS,
	    step_order, 3, count, &d->nsteps);
	d->par = group_of(d->j.par_by, id);
	d->intro = introduced_by(id, &d->nintro);
}

/*
 * The report in the network's published shape: the title (the event's
 * name), its series, Where & When, then Description, Cities
 * Represented, Partners Represented, the cities it introduced and Next
 * Steps.  The text form is one that import-report reads back.
 */
static void
evdoc_report(struct evdoc *d, struct report *doc)
{
	const char *series = rget(d->t, d->ev, E_SERIES);
	const char *city = rget(d->t, d->ev, E_CITY);
	struct rtext *line;

	memset(doc, 0, sizeof(*doc));
	rt_val(&doc->title, rget(d->t, d->ev, E_NAME));
	if (*series != '\0') {
		rt_lit(line = report_line(doc), "Series: ");
		rt_val(line, series);
	}
	rt_lit(line = report_line(doc), "Where & When: ");
	rt_val(line, d->when);
	if (*city != '\0') {
		rt_lit(line, ", ");
		rt_city(line, city);
	}
	rf_row(&doc->facts, d->t->cols, d->ev->f, d->t->ncols);
	rf_add(&doc->facts, "when", d->when, RF_STR);
	rf_add(&doc->facts, "where", d->where, RF_STR);
	report_section(doc, "Description", "description",
	    *rget(d->t, d->ev, E_NOTES) != '\0', RS_PROSE | RS_OPTIONAL,
	    ev_description, d);
	report_section(doc, "Cities Represented", "cities", d->natt,
	    RS_GROUPED | RS_UNCOUNTED, ev_city, d);
	report_section(doc, "Partners Represented", "partners", d->par->n,
	    RS_UNCOUNTED, ev_partner, d);
	report_section(doc, "Cities Introduced to the Network", "introduced",
	    d->nintro, RS_UNCOUNTED | RS_OPTIONAL, ev_introduced, d);
	report_section(doc, "Next Steps", "next_steps", d->nsteps, 0,
	    ev_step, d);
	doc->left_out = skip_list(&doc->nleft_out);
}

/*
 * The draft of an event's report, from the record: plain text by
 * default, which import-report reads back, or md, html or json.
 */
static int
cmd_report(void)
{
	const struct emitter *e;
	struct evdoc d;
	struct report doc;

	e = report_emitter(&cl.c, "report", 1u << FMT_TEXT | 1u << FMT_MD |
	    1u << FMT_HTML | 1u << FMT_JSON);
	skip_keep();
	evdoc_init(&d, e->fmt == FMT_TEXT ? "-" : "\xe2\x80\x93");
	evdoc_report(&d, &doc);
	report_emit(&doc, e, stdout);
	report_free(&doc);
	joins_free(&d.j);
	free(d.att);
	free(d.steps);
	free(d.intro);
	free(d.when);
	free(d.where);
	skip_free();
	return skip_status(0);
}

/* --- writes -------------------------------------------------------------- */

static void
commit(struct table *t)
{
	if (!cl.c.dryrun)
		store_write(&st, t);
}

static void
set_nfc(struct table *t, struct row *r, int col, const char *v)
{
	char *n = nfc(v);

	rset(t, r, col, n);
	free(n);
}

/* A date to store: as given, reduced or not, or empty to clear it. */
static const char *
date_value(const char *optname, const char *v, char buf[11])
{
	if (*v == '\0')
		return "";
	return date_opt_str(optname, v, cl.c.today, 1, buf);
}

/* The changes add and set share: each option given, in its column. */
static void
apply_options(struct table *t, struct row *r)
{
	char buf[11];

	if (opt(O_NAME) != NULL)
		set_nfc(t, r, E_NAME, opt(O_NAME));
	if (opt(O_SERIES) != NULL)
		set_nfc(t, r, E_SERIES, opt(O_SERIES));
	if (opt(O_KIND) != NULL)
		rset(t, r, E_KIND, opt(O_KIND));
	if (opt(O_START) != NULL)
		rset(t, r, E_START, date_value("--start", opt(O_START), buf));
	if (opt(O_END) != NULL)
		rset(t, r, E_END, date_value("--end", opt(O_END), buf));
	if (opt(O_CITY) != NULL)
		rset(t, r, E_CITY, *opt(O_CITY) ? city_id(opt(O_CITY)) : "");
	if (opt(O_STATUS) != NULL)
		rset(t, r, E_STATUS, opt(O_STATUS));
	if (opt(O_URL) != NULL)
		rset(t, r, E_URL, opt(O_URL));
	if (opt(O_NOTES) != NULL)
		rset(t, r, E_NOTES, opt(O_NOTES));
}

/*
 * yyyy-mm-slug of the start and the host city's name, or of the event's
 * own name when it has no city; yyyy-slug for a start that is only a
 * year.  On a clash a number is added, from 2.  An id that other tables
 * still name is taken too (after rm --force): a new event must not
 * inherit the old one's attendance and follow-ups.
 */
static char *
new_event_id(const struct date *start, const char *slugof)
{
	char *slug = slugify(slugof), *base, *id;
	int n;

	if (start->prec == DATE_YEAR)
		base = xasprintf("%04d-%s", start->y, *slug ? slug : "event");
	else
		base = xasprintf("%04d-%02d-%s", start->y, start->m,
		    *slug ? slug : "event");
	free(slug);
	for (id = xstrdup(base), n = 2; db_taken(&db, T_EVENTS, id); n++) {
		free(id);
		id = xasprintf("%s-%d", base, n);
	}
	free(base);
	return id;
}

static void
set_new_id(struct table *t, struct row *r)
{
	struct row *host;
	struct date d;
	char *id;

	if (opt(O_ID) != NULL) {
		if (hmap_get(db_ids(&db, T_EVENTS), opt(O_ID)) != NULL)
			die(EXIT_DATA, "id '%s' is already taken", opt(O_ID));
		rset(t, r, E_ID, opt(O_ID));
		return;
	}
	if (date_parse(rget(t, r, E_START), &d) == -1)
		return;		/* validate_rows(&db, ) names the problem */
	host = *rget(t, r, E_CITY) == '\0' ? NULL :
	    hmap_get(db_ids(&db, T_CITIES), rget(t, r, E_CITY));
	id = new_event_id(&d, host ? rget(db_table(&db, T_CITIES), host,
	    C_NAME) : rget(t, r, E_NAME));
	rset(t, r, E_ID, id);
	free(id);
}

/*
 * The same event added twice: the same folded name, starts that may be
 * the same day (a reduced date covers its month), and the same host city
 * or one of the two not known.
 */
static int
same_event(struct table *t, const struct row *a, const struct row *b,
    const char *afold)
{
	struct span sa, sb;
	const char *ca = rget(t, a, E_CITY), *cb = rget(t, b, E_CITY);
	char *bfold;
	int same;

	if (event_span(rget(t, a, E_START), "", &sa) == -1 ||
	    event_span(rget(t, b, E_START), "", &sb) == -1 ||
	    sa.start_last < sb.first || sb.start_last < sa.first)
		return 0;
	if (*ca != '\0' && *cb != '\0' && strcmp(ca, cb) != 0)
		return 0;
	bfold = fold_name(rget(t, b, E_NAME));
	same = strcmp(afold, bfold) == 0;
	free(bfold);
	return same;
}

static void
refuse_duplicate(struct table *t, struct row *r)
{
	char *fold = fold_name(rget(t, r, E_NAME));
	size_t i;

	for (i = 0; i + 1 < t->nrows; i++)
		if (same_event(t, r, t->rows[i], fold))
			die_at(EXIT_DATA, t->label, t->rows[i]->line,
			    "'%s' is already %s; use --force to add it anyway",
			    rget(t, r, E_NAME), rget(t, t->rows[i], E_ID));
	free(fold);
}

static int
cmd_add(void)
{
	struct table *t;
	struct row *r;

	if (opt(O_START) == NULL || *opt(O_START) == '\0')
		die(EXIT_USAGE, "add: --start DATE is required");
	store_lock(&st);
	t = db_table(&db, T_EVENTS);
	r = table_newrow(t);
	set_nfc(t, r, E_NAME, cl.argv[0]);
	apply_options(t, r);
	if (opt(O_STATUS) == NULL)
		rset(t, r, E_STATUS, "planned");
	set_new_id(t, r);
	if (opt(O_FORCE) == NULL)
		refuse_duplicate(t, r);
	add_rows(&db, T_EVENTS, &cl.c, &r, 1);
	return 0;
}

/* The id stays as it is when the start or the city changes: ids are kept. */
static void
apply_set(struct table *t, struct row *r)
{
	apply_options(t, r);
	set_fields(t, r, cl.multi[O_FIELD], cl.nmulti[O_FIELD]);
}

static int
cmd_set(void)
{
	set_rows(&db, T_EVENTS, &cl.c, cl.argc, cl.argv, apply_set);
	return 0;
}

static int
cmd_rm(void)
{
	rm_rows(&db, T_EVENTS, &cl.c, cl.argc, cl.argv, opt(O_FORCE) != NULL);
	return 0;
}

/* --- attend and partner -------------------------------------------------- */

/* The rows a write names, each once, in the order first named. */
struct named {
	struct row **v;
	size_t	 n;
	struct hmap *seen;	/* key -> row */
};

static void
named_add(struct named *nm, const char *key, struct row *r)
{
	if (hmap_get(nm->seen, key) != NULL)
		return;
	hmap_put(nm->seen, key, r);
	if ((nm->n & (nm->n - 1)) == 0)
		nm->v = xreallocarray(nm->v, nm->n ? nm->n * 2 : 1,
		    sizeof(*nm->v));
	nm->v[nm->n++] = r;
}

/* Prints what attend or partner wrote, or with --remove what went. */
static void
finish_pairs(struct table *t, int tab, struct named *nm)
{
	size_t i;
	int changed = 0;

	for (i = 0; i < nm->n; i++)
		changed |= nm->v[i]->changed;
	if (opt(O_REMOVE) != NULL) {
		if (cl.c.dryrun)
			out_rows(&cl.c.out, t, nm->v, nm->n);
		table_remove_rows(t, nm->v, nm->n);
		changed = nm->n > 0;
	} else {
		validate_rows(&db, tab, nm->v, nm->n);
		out_rows(&cl.c.out, t, nm->v, nm->n);
	}
	/* Printed first: rows that could not be shown are not written. */
	flush_stdout();
	if (changed)
		commit(t);
	hmap_free(nm->seen);
	free(nm->v);
}

/* One city's attendance of the event: found, made, or refused. */
static struct row *
attendance_row(struct table *t, struct hmap *rows, const char *ev,
    const char *city)
{
	struct row *r;

	if ((r = hmap_get(rows, city)) != NULL)
		return r;
	if (opt(O_REMOVE) != NULL)
		die(EXIT_DATA, "%s did not attend %s; nothing written", city,
		    ev);
	r = table_newrow(t);
	rset(t, r, A_EVENT, ev);
	rset(t, r, A_CITY, city);
	rset(t, r, A_ROLE, "participant");
	hmap_put(rows, city, r);
	return r;
}

/* The cities attend names, and whether each came from stdin. */
struct cityargs {
	char	**names;
	unsigned char *piped;
	size_t	 n;
};

/*
 * Every name, stdin's included, is read before the lock is taken: the
 * pipe may come from another writer of this directory, which holds the
 * lock until it has printed all of its rows.
 */
static void
read_cities(struct cityargs *ca)
{
	char **v;
	size_t j, k;
	int a;

	memset(ca, 0, sizeof(*ca));
	for (a = 1; a < cl.argc; a++) {
		v = ids_from_args(1, cl.argv + a, T_CITIES, &cl.c, &k);
		ca->names = xreallocarray(ca->names, ca->n + k + 1,
		    sizeof(*ca->names));
		ca->piped = xreallocarray(ca->piped, ca->n + k + 1, 1);
		for (j = 0; j < k; j++) {
			ca->names[ca->n] = v[j];
			ca->piped[ca->n++] = strcmp(cl.argv[a], "-") == 0;
		}
		free(v);
	}
}

/*
 * A city piped in that already attended keeps its role and notes, so
 * that a pipe of names cannot demote a host; naming the city on the
 * command line is the way to change them.  What is left is said.
 */
static void
left_alone(const struct table *t, const struct row *r, const char *ev)
{
	const char *role = opt(O_ROLE), *notes = opt(O_NOTES);
	int kept_role, kept_notes;

	kept_role = role != NULL && strcmp(role, rget(t, r, A_ROLE)) != 0;
	kept_notes = notes != NULL && strcmp(notes, rget(t, r, A_NOTES)) != 0;
	if (kept_role || kept_notes)
		note("%s: %s already attends as %s; %s left (name it as an "
		    "argument to change it)", ev, rget(t, r, A_CITY),
		    rget(t, r, A_ROLE), !kept_notes ? "role" : !kept_role ?
		    "notes" : "role and notes");
}

/* The attendance of ev, city -> row. */
static struct hmap *
event_rows(struct table *t, const char *ev)
{
	struct hmap *rows = hmap_new();
	size_t i;

	for (i = 0; i < t->nrows; i++)
		if (strcmp(rget(t, t->rows[i], A_EVENT), ev) == 0)
			hmap_put(rows, rget(t, t->rows[i], A_CITY), t->rows[i]);
	return rows;
}

/* The cities named on the command line, by id. */
static struct hmap *
named_cities(const struct cityargs *ca, struct row **cities)
{
	struct table *ct = db_table(&db, T_CITIES);
	struct hmap *h = hmap_new();
	size_t i;

	for (i = 0; i < ca->n; i++)
		if (!ca->piped[i])
			hmap_put(h, rget(ct, cities[i], C_ID), h);
	return h;
}

static void
attend_city(struct table *t, struct named *nm, struct hmap *rows,
    const char *ev, const char *city, int piped)
{
	struct row *r = hmap_get(rows, city);

	/* A row read from the file attended before this command. */
	if (piped && opt(O_REMOVE) == NULL && r != NULL && r->line > 0) {
		if (hmap_get(nm->seen, city) == NULL)
			left_alone(t, r, ev);
		named_add(nm, city, r);
		return;
	}
	r = attendance_row(t, rows, ev, city);
	if (opt(O_ROLE) != NULL)
		rset(t, r, A_ROLE, opt(O_ROLE));
	if (opt(O_NOTES) != NULL)
		rset(t, r, A_NOTES, opt(O_NOTES));
	named_add(nm, city, r);
}

static int
cmd_attend(void)
{
	struct named nm = { NULL, 0, hmap_new() };
	struct cityargs ca;
	struct table *t, *ct;
	struct hmap *rows, *named;
	struct row **cities;
	const char *ev, *city;
	size_t i;

	if (opt(O_ROLE) != NULL)
		enum_opt("role", opt(O_ROLE), T_ATTENDANCE, A_ROLE);
	read_cities(&ca);
	store_lock(&st);
	ev = event_id(cl.argv[0]);
	cities = db_find_all(&db, T_CITIES, ca.names, ca.n);
	ct = db_table(&db, T_CITIES);
	t = db_table(&db, T_ATTENDANCE);
	rows = event_rows(t, ev);
	named = named_cities(&ca, cities);
	for (i = 0; i < ca.n; i++) {
		city = rget(ct, cities[i], C_ID);
		attend_city(t, &nm, rows, ev, city, ca.piped[i] &&
		    hmap_get(named, city) == NULL);
	}
	free_list(ca.names, ca.n);
	free(ca.piped);
	free(cities);
	hmap_free(named);
	hmap_free(rows);
	finish_pairs(t, T_ATTENDANCE, &nm);
	return 0;
}

/* The event's partner row of that organisation, matched by folded name. */
static struct row *
partner_row(struct table *t, const char *ev, const char *org)
{
	char *key = fold_name(org), *name;
	struct row *r = NULL;
	size_t i;

	for (i = 0; i < t->nrows && r == NULL; i++) {
		if (strcmp(rget(t, t->rows[i], P_EVENT), ev) != 0)
			continue;
		name = fold_name(rget(t, t->rows[i], P_ORGANISATION));
		if (strcmp(name, key) == 0)
			r = t->rows[i];
		free(name);
	}
	free(key);
	return r;
}

static int
cmd_partner(void)
{
	struct named nm = { NULL, 0, hmap_new() };
	struct table *t;
	struct row *r;
	const char *ev;

	store_lock(&st);
	ev = event_id(cl.argv[0]);
	t = db_table(&db, T_PARTNERS);
	if ((r = partner_row(t, ev, cl.argv[1])) == NULL) {
		if (opt(O_REMOVE) != NULL)
			die(EXIT_DATA, "%s has no partner '%s'; nothing "
			    "written", ev, cl.argv[1]);
		r = table_newrow(t);
		rset(t, r, P_EVENT, ev);
		set_nfc(t, r, P_ORGANISATION, cl.argv[1]);
	}
	if (opt(O_SECTOR) != NULL)
		rset(t, r, P_SECTOR, opt(O_SECTOR));
	if (opt(O_NOTES) != NULL)
		rset(t, r, P_NOTES, opt(O_NOTES));
	named_add(&nm, rget(t, r, P_ORGANISATION), r);
	finish_pairs(t, T_PARTNERS, &nm);
	return 0;
}

/* --- cities and partners ------------------------------------------------- */

/*
 * The event's attendance, city -> role, hashed: the smaller side of the
 * join, so that the cities can then be streamed.
 */
static struct hmap *
event_roles(const char *ev, char **want, size_t nwant)
{
	struct hmap *h = hmap_new();
	struct scan s;

	scan_open(&s, &schema_attendance,
	    store_reader(&st, &schema_attendance));
	while (scan_next(&s)) {
		if (strcmp(sget(&s, A_EVENT), ev) != 0 ||
		    hmap_get(h, sget(&s, A_CITY)) != NULL)
			continue;
		/* A role that cannot be read is named, not passed over. */
		if (want != NULL && !in_set(want, nwant, sget(&s, A_ROLE))) {
			scan_readable(&s, A_ROLE);
			continue;
		}
		hmap_put(h, sget(&s, A_CITY), xstrdup(sget(&s, A_ROLE)));
	}
	scan_close(&s);
	return h;
}

static int
cmd_cities(void)
{
	struct hmap *roles_of;
	struct scan s;
	struct out *o;
	char **want = NULL, **cols, **f;
	size_t nwant = 0, n;

	if (opt(O_ROLE) != NULL)
		want = enum_opts("role", opt(O_ROLE), T_ATTENDANCE, A_ROLE,
		    &nwant);
	roles_of = event_roles(event_id(cl.argv[0]), want, nwant);
	scan_open(&s, &schema_cities, store_reader(&st, &schema_cities));
	n = s.t->ncols;
	cols = xreallocarray(NULL, n + 1, sizeof(*cols));
	f = xreallocarray(NULL, n + 1, sizeof(*f));
	memcpy(cols, s.t->cols, n * sizeof(*cols));
	cols[n] = xstrdup("role");
	o = out_open(&cl.c.out, cols, n + 1);
	while (scan_next(&s))
		if ((f[n] = hmap_get(roles_of, sget(&s, C_ID))) != NULL) {
			memcpy(f, scan_row(&s), n * sizeof(*f));
			out_row(o, f);
		}
	out_close(o);
	scan_close(&s);
	free(cols[n]);
	free(cols);
	free(f);
	hmap_free_all(roles_of, free);
	free_list(want, nwant);
	return skip_status(0);
}

/*
 * The partners of an event, or with none every event's: the rows carry
 * their event column either way.
 */
static int
cmd_partners(void)
{
	struct scan s;
	struct out *o;
	const char *ev = cl.argc > 0 ? event_id(cl.argv[0]) : NULL;

	scan_open(&s, &schema_partners, store_reader(&st, &schema_partners));
	o = out_open(&cl.c.out, s.t->cols, s.t->ncols);
	while (scan_next(&s))
		if (ev == NULL || strcmp(sget(&s, P_EVENT), ev) == 0)
			out_row(o, scan_row(&s));
	out_close(o);
	scan_close(&s);
	return 0;
}

static int
cmd_check(void)
{
	int n;

	n = check_table(&db, T_EVENTS);
	n += check_table(&db, T_ATTENDANCE);
	n += check_table(&db, T_PARTNERS);
	return n > 0 ? EXIT_NO : 0;
}

/* --- import-report ------------------------------------------------------ */

/*
 * A second Columbus in the same country, when the report names no region:
 * which one hosted cannot be told, and is not guessed.
 */
static void
refuse_ambiguous_host(struct table *t, const struct row *found,
    const struct evreport *er)
{
	char *key = fold_name(er->city), *name;
	const struct row *o;
	size_t i;

	for (i = 0; i + 1 < t->nrows; i++) {
		o = t->rows[i];
		if (o == found || strcmp(rget(t, o, C_COUNTRY), er->country))
			continue;
		name = fold_name(rget(t, o, C_NAME));
		if (strcmp(name, key) == 0)
			die(EXIT_DATA, "host city '%s, %s' is ambiguous: %s, %s; "
			    "give its region in the report, as in 'City "
			    "(Region, Country)'", er->city, er->country,
			    rget(t, found, C_ID), rget(t, o, C_ID));
		free(name);
	}
	free(key);
}

/*
 * The host city: a known one, matched as sc-cities add matches a
 * duplicate (folded name, country, region or none), else a new prospect,
 * which is the last row of cities.csv and *added.
 */
static struct row *
report_host(const struct evreport *er, struct row **added)
{
	struct table *t;
	struct hmap *keys;
	struct row *r, *found;
	char *id;

	*added = NULL;
	if (*er->city == '\0')
		return NULL;
	t = db_table(&db, T_CITIES);
	r = table_newrow(t);
	set_nfc(t, r, C_NAME, er->city);
	rset(t, r, C_COUNTRY, er->country);
	rset(t, r, C_REGION, er->region);
	keys = city_keys(t, t->nrows - 1);
	found = city_key_find(keys, t, r);
	hmap_free(keys);
	if (found != NULL) {
		if (*er->region == '\0')
			refuse_ambiguous_host(t, found, er);
		table_remove_rows(t, &r, 1);
		return found;
	}
	rset(t, r, C_STATUS, "prospect");
	id = city_new_id(&db, rget(t, r, C_NAME), er->country, er->region);
	rset(t, r, C_ID, id);
	free(id);
	db_ids(&db, T_CITIES);
	db_added(&db, T_CITIES, r);
	return *added = r;
}

/*
 * The series as the record already spells it: a known series whose
 * folded name is the report's, or ends it as whole words ("Strong Cities
 * Transatlantic Dialogue Initiative" is the known "Transatlantic Dialogue
 * Initiative"); the longest such wins.
 */
static char *
known_series(struct table *t, const char *series)
{
	char *want = fold_name(series), *k;
	const char *best = NULL;
	size_t i, wl = strlen(want), kl, bl = 0;

	for (i = 0; *want != '\0' && i < t->nrows; i++) {
		k = fold_name(rget(t, t->rows[i], E_SERIES));
		kl = strlen(k);
		if (kl > bl && kl <= wl && strcmp(want + wl - kl, k) == 0 &&
		    (kl == wl || want[wl - kl - 1] == ' ')) {
			best = rget(t, t->rows[i], E_SERIES);
			bl = kl;
		}
		free(k);
	}
	free(want);
	if (best != NULL && strcmp(best, series) != 0)
		note("series '%s' is recorded as the known series '%s'", series,
		    best);
	return xstrdup(best != NULL ? best : series);
}

/*
 * A report already recorded: an event whose start may be the same day
 * and whose host city is the same; with no host on either side, the same
 * event as add would refuse (same folded name).
 */
static void
refuse_recorded(struct table *t, struct row *r)
{
	const char *city = rget(t, r, E_CITY), *other;
	char *fold = fold_name(rget(t, r, E_NAME));
	struct span sa, sb;
	size_t i;

	if (event_span(rget(t, r, E_START), "", &sa) == -1)
		return;		/* validate_rows() names the problem */
	for (i = 0; i + 1 < t->nrows; i++) {
		other = rget(t, t->rows[i], E_CITY);
		if (event_span(rget(t, t->rows[i], E_START), "", &sb) == -1 ||
		    sa.start_last < sb.first || sb.start_last < sa.first)
			continue;
		if ((*city && *other) ? strcmp(city, other) == 0 :
		    same_event(t, r, t->rows[i], fold))
			die_at(EXIT_DATA, t->label, t->rows[i]->line, "the "
			    "report is already recorded as %s (same start and "
			    "host city); --force records it again",
			    rget(t, t->rows[i], E_ID));
	}
	free(fold);
}

/* The event row of the report, as the last row of events.csv. */
static struct row *
report_event(const struct evreport *er, const struct row *host)
{
	struct table *t = db_table(&db, T_EVENTS);
	struct span sp;
	struct row *r;
	char *series = known_series(t, er->series);

	r = table_newrow(t);
	set_nfc(t, r, E_NAME, er->title);
	set_nfc(t, r, E_SERIES, series);
	free(series);
	rset(t, r, E_KIND, er->kind);
	rset(t, r, E_START, er->start);
	rset(t, r, E_END, er->end);
	if (host != NULL)
		rset(t, r, E_CITY, rget(db_table(&db, T_CITIES), host, C_ID));
	rset(t, r, E_STATUS, event_span(er->start, er->end, &sp) == 0 &&
	    sp.last > cl.c.today ? "planned" : "held");
	set_nfc(t, r, E_NOTES, er->notes);
	set_new_id(t, r);
	if (opt(O_FORCE) == NULL)
		refuse_recorded(t, r);
	return r;
}

/*
 * The known cities the report names, each on a line of stderr: named is
 * not attended, so none is given a role.  The host is left out, and so
 * are the cities named like it (Columbus, Georgia, when Columbus, Ohio
 * hosts): their name in the text is the host's.
 */
static void
report_mentions(const struct evreport *er, const char *file)
{
	struct table *t = db_table(&db, T_CITIES);
	const char **names;
	char *host = fold_name(er->city), *name;
	long *line;
	size_t i;

	names = xreallocarray(NULL, t->nrows + 1, sizeof(*names));
	line = xreallocarray(NULL, t->nrows + 1, sizeof(*line));
	for (i = 0; i < t->nrows; i++)
		names[i] = rget(t, t->rows[i], C_NAME);
	evreport_mentions(er, names, t->nrows, line);
	for (i = 0; i < t->nrows; i++) {
		if (line[i] == 0)
			continue;
		name = fold_name(names[i]);
		if (strcmp(name, host) != 0)
			warn_at(file, line[i], "mentioned: %s (%s)",
			    rget(t, t->rows[i], C_ID), names[i]);
		free(name);
	}
	free(names);
	free(line);
	free(host);
}

static int
cmd_import_report(void)
{
	const char *file = strcmp(cl.argv[0], "-") == 0 ? "stdin" : cl.argv[0];
	struct table *ct;
	struct row *host, *added, *r;
	struct evreport er;
	size_t len;
	char *text;

	text = evreport_read(cl.argv[0], &len);
	evreport_parse(file, text, len, &er);
	free(text);
	store_lock(&st);
	host = report_host(&er, &added);
	r = report_event(&er, host);
	ct = db_table(&db, T_CITIES);
	if (added != NULL)
		validate_rows(&db, T_CITIES, &added, 1);
	validate_rows(&db, T_EVENTS, &r, 1);
	report_mentions(&er, file);
	if (host == NULL)
		warn_at(file, er.date_line, "no host city in the report; the "
		    "event has none");
	if (added != NULL)
		note("%s city %s (%s, %s%s%s) as a prospect", cl.c.dryrun ?
		    "would add the" : "adds the", rget(ct, added, C_ID),
		    rget(ct, added, C_NAME), rget(ct, added, C_COUNTRY),
		    *rget(ct, added, C_REGION) ? ", " : "",
		    rget(ct, added, C_REGION));
	out_rows(&cl.c.out, db_table(&db, T_EVENTS), &r, 1);
	flush_stdout();
	if (added != NULL)
		commit(ct);
	commit(db_table(&db, T_EVENTS));
	evreport_free(&er);
	return 0;
}

/* What cli_parse() leaves to the command: -o per verb, and --remove. */
static void
check_args(void)
{
	int fmt = cl.c.out.fmt;

	if (cl.verb != REPORT && ((fmt == FMT_TEXT && cl.verb != SHOW) ||
	    fmt == FMT_MD || fmt == FMT_HTML))
		die(EXIT_USAGE, "--output: %s is not a format for %s",
		    fmt == FMT_MD ? "md" : fmt == FMT_HTML ? "html" : "text",
		    verbs[cl.verb].name);
	if (fmt == FMT_ICS && cl.verb != LIST)
		die(EXIT_USAGE, "--output: ics is for list, not %s",
		    verbs[cl.verb].name);
	if (fmt == FMT_ICS)
		ics_check(&cl.c);
	if (fmt == FMT_SVG && cl.verb != LIST)
		die(EXIT_USAGE, "--output: svg is for list only (a timeline of "
		    "the events), not for %s", verbs[cl.verb].name);
	if (fmt == FMT_SVG && cl.c.out.columns != NULL)
		die(EXIT_USAGE, "--columns does not apply to -o svg");
	if (opt(O_REMOVE) != NULL && (opt(O_ROLE) || opt(O_NOTES) ||
	    opt(O_SECTOR)))
		die(EXIT_USAGE,
		    "--remove takes no --role, --sector or --notes");
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
			printf("sc-events %s\n", VERSION);
		finish_stdout();
		return 0;
	}
	check_args();
	if (cl.verb != COMPLETION)	/* it needs no data directory */
		store_init(&st, cl.c.data, cl.c.wait);
	db_init(&db, &st);
	status = verbs[cl.verb].run();
	finish_stdout();
	return status;
}
