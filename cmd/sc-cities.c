/*
 * sc-cities: the cities of the network, in cities.csv.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

enum { LIST, SHOW, ADD, SET, RM, IMPORT, CHECK, MERGE, TIDY, INIT, LOCATE,
    COMPLETION, NVERBS };

static int cmd_list(void), cmd_show(void), cmd_add(void), cmd_set(void),
    cmd_rm(void), cmd_import(void), cmd_check(void), cmd_merge(void),
    cmd_tidy(void), cmd_init(void), cmd_locate(void), cmd_completion(void);

static const struct verbdef verbs[NVERBS] = {
	[LIST] = { "list", cmd_list, 0, 0, "", 0,
	    "the cities that pass its filters (the default verb)" },
	[SHOW] = { "show", cmd_show, 1, -1, "CITY...", 0,
	    "a city, the events it attended, its follow-ups" },
	[ADD] = { "add", cmd_add, 1, 1, "NAME", 1,
	    "a new city (--country is needed); prints its row" },
	[SET] = { "set", cmd_set, 1, -1, "CITY...", 1,
	    "change the cities' fields" },
	[RM] = { "rm", cmd_rm, 1, -1, "CITY...", 1,
	    "remove cities no other table names" },
	[IMPORT] = { "import", cmd_import, 1, 1, "FILE|-", 1,
	    "add the cities of a CSV, TSV or JSON Lines file" },
	[CHECK] = { "check", cmd_check, 0, 0, "", 0,
	    "validate cities.csv and its references" },
	[MERGE] = { "merge", cmd_merge, 3, 4, "BASE OURS THEIRS [PATH]", 0,
	    "git's merge driver for the five tables, by key and field" },
	[TIDY] = { "tidy", cmd_tidy, 0, -1, "[TABLE...]", 1,
	    "rewrite tables a spreadsheet saved in the canonical form" },
	[INIT] = { "init", cmd_init, 0, 1, "[DIR]", 1,
	    "make a data directory (DIR: -D's, else $SC_DATA, else .)" },
	[LOCATE] = { "locate", cmd_locate, 0, -1, "[CITY...|-]", 1,
	    "lat and lon from GeoNames: those named, or all without" },
	[COMPLETION] = { "completion", cmd_completion, 1, 1, "bash|zsh|fish",
	    0, "print the shell's completion script" }
};

static const char *const encodings[] = { "utf-8", "windows-1252", NULL };
static const char *const date_orders[] = { "dmy", "mdy", "ymd", NULL };
static const char *const delimiters[] = { ",", ";", "tab", NULL };

#define V(v)	(1u << (v))
enum {
	O_COUNTRY, O_REGION, O_STATUS, O_JOINED_SINCE, O_JOINED_BEFORE, O_VIA,
	O_ATTENDED, O_NAME, O_WITHOUT_FOLLOWUPS, O_JOINED, O_NOTES, O_ID,
	O_FORCE, O_FIELD, O_MAP, O_SKIP_INVALID, O_ENCODING, O_DATE_ORDER,
	O_SEEDS, O_GIT, O_LAT, O_LON, O_DELIMITER, NOPTS
};
static const struct optdef ownopts[NOPTS] = {
	[O_COUNTRY] = { "country", 0, OPT_VALUE, "CC",
	    "ISO 3166-1 country code; list: any of CC,CC...",
	    .verbs = V(LIST) | V(ADD) | V(SET),
	    .sc = &schema_cities, .col = C_COUNTRY },
	[O_REGION] = { "region", 0, OPT_VALUE, "CODE",
	    "ISO 3166-2 region code (FR-GES)",
	    .verbs = V(LIST) | V(ADD) | V(SET),
	    .sc = &schema_cities, .col = C_REGION },
	[O_STATUS] = { "status", 0, OPT_VALUE, "S",
	    "prospect, introduced, member, former; list: S,S...",
	    .verbs = V(LIST) | V(ADD) | V(SET) | V(IMPORT),
	    .sc = &schema_cities, .col = C_STATUS },
	[O_JOINED_SINCE] = { "joined-since", 0, OPT_VALUE, "DATE",
	    "joined on or after DATE", .verbs = V(LIST) },
	[O_JOINED_BEFORE] = { "joined-before", 0, OPT_VALUE, "DATE",
	    "joined before DATE", .verbs = V(LIST) },
	[O_VIA] = { "via", 0, OPT_VALUE, "EVENT",
	    "the event at which the city joined",
	    .verbs = V(LIST) | V(ADD) | V(SET) | V(IMPORT),
	    .sc = &schema_cities, .col = C_VIA },
	[O_ATTENDED] = { "attended", 0, OPT_VALUE, "EVENT",
	    "the city attended EVENT", .verbs = V(LIST),
	    .sc = &schema_attendance, .col = A_EVENT },
	[O_NAME] = { "name", 0, OPT_VALUE, "TEXT",
	    "list: the name contains TEXT; set: the name",
	    .verbs = V(LIST) | V(SET) },
	[O_WITHOUT_FOLLOWUPS] = { "without-followups", 0, OPT_FLAG, NULL,
	    "no open or done follow-up names the city", .verbs = V(LIST) },
	[O_JOINED] = { "joined", 0, OPT_VALUE, "DATE",
	    "the date the city joined",
	    .verbs = V(ADD) | V(SET) | V(IMPORT) },
	[O_NOTES] = { "notes", 0, OPT_VALUE, "TEXT", "the notes",
	    .verbs = V(ADD) | V(SET) },
	[O_ID] = { "id", 0, OPT_VALUE, "ID",
	    "the id, instead of one made from the name", .verbs = V(ADD) },
	[O_FORCE] = { "force", 0, OPT_FLAG, NULL,
	    "add, rm anyway; init: amid other files",
	    .verbs = V(ADD) | V(RM) | V(INIT) },
	[O_FIELD] = { "field", 0, OPT_MULTI, "COL=V",
	    "any column, one a user added too", .verbs = V(SET) },
	[O_MAP] = { "map", 0, OPT_MULTI, "COL=SRCCOL",
	    "take COL from the file's column SRCCOL", .verbs = V(IMPORT) },
	[O_SKIP_INVALID] = { "skip-invalid", 0, OPT_FLAG, NULL,
	    "add the valid rows when some are not", .verbs = V(IMPORT) },
	[O_ENCODING] = { "encoding", 0, OPT_VALUE, "ENC",
	    "utf-8 or windows-1252 (else from the bytes)",
	    .verbs = V(TIDY) | V(IMPORT), .values = encodings },
	[O_DATE_ORDER] = { "date-order", 0, OPT_VALUE, "ORDER",
	    "how to read 01/02/2024: dmy, mdy or ymd",
	    .verbs = V(TIDY), .values = date_orders },
	[O_SEEDS] = { "seeds", 0, OPT_FLAG, NULL,
	    "init: the seed tables, not empty ones", .verbs = V(INIT) },
	[O_GIT] = { "git", 0, OPT_FLAG, NULL,
	    "init: .gitattributes and git's merge driver", .verbs = V(INIT) },
	[O_LAT] = { "lat", 0, OPT_VALUE, "LAT",
	    "latitude, decimal degrees north (with --lon)",
	    .verbs = V(ADD) | V(SET) },
	[O_LON] = { "lon", 0, OPT_VALUE, "LON",
	    "longitude, decimal degrees east (with --lat)",
	    .verbs = V(ADD) | V(SET) },
	[O_DELIMITER] = { "delimiter", 0, OPT_VALUE, "SEP",
	    "import: , ; or tab between fields (else guessed)",
	    .verbs = V(IMPORT), .values = delimiters }
};

static struct cmdline cl;
static struct store st;
static struct db db;

static void
usage(void)
{
	fprintf(stderr,
	    "usage: sc-cities [-D dir] [-o fmt] [-c cols] [list] [filters]\n"
	    "       sc-cities show city...\n"
	    "       sc-cities add name --country CC [--region R] [--status S]"
	    " [--joined D]\n"
	    "                 [--via EVENT] [--id ID] [--notes T] [--lat L "
	    "--lon L] [--force]\n"
	    "       sc-cities set city... [--name|--country|--region|--status|"
	    "--joined|--via|--notes V]\n"
	    "                 [--lat L --lon L] [--field COL=V]...\n"
	    "       sc-cities rm [--force] city...\n"
	    "       sc-cities import file|- [--map COL=SRCCOL]... "
	    "[--skip-invalid]\n"
	    "       sc-cities check\n"
	    "       sc-cities merge base ours theirs [path]\n"
	    "       sc-cities tidy [-n] [--encoding E] [--date-order dmy|mdy|ymd]"
	    " [table...]\n"
	    "       sc-cities init [--seeds] [--git] [--force] [dir]\n"
	    "       sc-cities locate [-n] [city...|-]\n"
	    "Try 'sc-cities --help' for more.\n");
	exit(EXIT_USAGE);
}

static const struct tool tool = {
	"sc-cities", verbs, NVERBS, ownopts, NOPTS,
	"csv, tsv, json, table (show: text; list: svg)", usage,
	&schema_cities
};

static void
help(void)
{
	printf(
"usage: sc-cities [options] [verb] [args]\n"
"\n"
"The cities of the network, kept in cities.csv in the data directory.\n"
"\n");
	cli_help(&tool);
	printf(
"\n"
"A CITY is an id or an unambiguous name (case and accents ignored);\n"
"- reads rows from stdin and takes their city column, else their id.\n"
"merge merges by key and field into OURS (see sc(7)); tidy rewrites all\n"
"five tables when none is named, and says what it changed.\n"
"\n"
"Examples:\n"
"  sc-cities list --via 2024-05-strasbourg -o json | jq -r .name\n"
"  sc-cities list --country FR,GR -o tsv -c id,name,joined\n"
"  sc-cities -D ~/network add Montréal --country CA --region CA-QC\n"
"  sc-cities show montreal\n"
"  sc-cities import crm.csv --map name=City --map country=Country\n"
"  sc-cities locate && sc-cities list --via 2024-05-strasbourg -o svg >map.svg\n"
"\n"
"Exit status: 0 done, 1 check found problems, merge left conflicts or\n"
"locate left cities without coordinates, 2 usage, 3 bad data, 4 system\n"
"error.  See sc-cities(1) and sc(7).\n");
}

static const char *
opt(int o)
{
	return cl.val[o];
}

/* --- list ---------------------------------------------------------------- */

struct filter {
	char	**countries, **statuses;
	size_t	 ncountries, nstatuses;
	char	*region;
	long	 since, before;
	const char *via;
	struct hmap *attended;		/* city ids that attended */
	struct hmap *busy;		/* city ids with a follow-up */
	struct hmap *doubt;		/* city ids -> struct doubt */
	char	*fufile;		/* where the doubts are */
	char	*name;			/* folded */
};

/* A follow-up whose status cannot be read, naming a city: named if need be. */
struct doubt {
	long	 line;
	char	*msg;
};

/* The cities an event's attendance names, read in one pass. */
static struct hmap *
attendees(const char *event)
{
	struct hmap *h = hmap_new();
	struct scan s;

	scan_open(&s, &schema_attendance, store_reader(&st, &schema_attendance));
	while (scan_next(&s))
		if (strcmp(sget(&s, A_EVENT), event) == 0)
			hmap_put(h, sget(&s, A_CITY), h);
	scan_close(&s);
	return h;
}

static void
doubt_free(void *p)
{
	struct doubt *d = p;

	free(d->msg);
	free(d);
}

static void
note_doubt(struct filter *f, const struct scan *s, const char *city)
{
	struct doubt *d;
	char msg[512];

	if (hmap_get(f->doubt, city) != NULL)
		return;
	value_readable(T_FOLLOWUPS, F_STATUS, sget(s, F_STATUS), msg,
	    sizeof(msg));
	d = xmalloc(sizeof(*d));
	d->line = s->rec.line;
	d->msg = xstrdup(msg);
	hmap_put(f->doubt, city, d);
}

/*
 * The cities that have a follow-up, as followed_up() has it (an open or
 * done one names them), put in the map a batch at a time.  A follow-up
 * whose status cannot be read leaves its city in doubt.
 */
static void
followed_cities(struct filter *f)
{
	struct hbatch b;
	struct scan s;
	const char *city;

	b.m = f->busy = hmap_new();
	b.val = b.m;
	b.n = 0;
	f->doubt = hmap_new();
	scan_open(&s, &schema_followups, store_reader(&st, &schema_followups));
	f->fufile = xstrdup(s.t->label);
	while (scan_next(&s)) {
		if (*(city = sget(&s, F_CITY)) == '\0')
			continue;
		switch (followed_up(sget(&s, F_STATUS))) {
		case 1:
			hbatch_add(&b, city);
			break;
		case -1:
			note_doubt(f, &s, city);
			break;
		}
	}
	hbatch_flush(&b);
	scan_close(&s);
}

static void
filter_init(struct filter *f)
{
	size_t i;

	memset(f, 0, sizeof(*f));
	f->since = f->before = LONG_MIN;
	if (opt(O_COUNTRY) != NULL) {
		f->countries = split_list(opt(O_COUNTRY), &f->ncountries);
		for (i = 0; i < f->ncountries; i++) {
			upcase(f->countries[i]);
			if (!iso_country_ok(f->countries[i]))
				die(EXIT_USAGE, "--country: unknown country "
				    "code '%s'", f->countries[i]);
		}
	}
	if (opt(O_STATUS) != NULL)
		f->statuses = enum_opts("status", opt(O_STATUS), T_CITIES,
		    C_STATUS, &f->nstatuses);
	if (opt(O_REGION) != NULL)
		upcase(f->region = xstrdup(opt(O_REGION)));
	if (opt(O_JOINED_SINCE) != NULL)
		f->since = date_opt("--joined-since", opt(O_JOINED_SINCE),
		    cl.c.today, 0);
	if (opt(O_JOINED_BEFORE) != NULL)
		f->before = date_opt("--joined-before", opt(O_JOINED_BEFORE),
		    cl.c.today, 0);
	if (opt(O_NAME) != NULL)
		f->name = fold_name(opt(O_NAME));
	if (opt(O_VIA) != NULL)
		f->via = rget(db_table(&db, T_EVENTS),
		    db_find(&db, T_EVENTS, opt(O_VIA)), E_ID);
	if (opt(O_ATTENDED) != NULL)
		f->attended = attendees(rget(db_table(&db, T_EVENTS),
		    db_find(&db, T_EVENTS, opt(O_ATTENDED)), E_ID));
	if (opt(O_WITHOUT_FOLLOWUPS) != NULL)
		followed_cities(f);
}

/*
 * The status and joined filters: 1 keeps the row, 0 drops it, -1 when a
 * value they need cannot be read (*col is then its column).
 */
static int
status_joined(const struct filter *f, const struct scan *s, int *col)
{
	const char *v;
	struct date d;

	*col = C_STATUS;
	if (f->statuses && !in_set(f->statuses, f->nstatuses,
	    v = sget(s, C_STATUS)))
		return value_readable(T_CITIES, C_STATUS, v, NULL, 0) ? 0 : -1;
	*col = C_JOINED;
	if (f->since == LONG_MIN && f->before == LONG_MIN)
		return 1;
	if (date_parse(v = sget(s, C_JOINED), &d) == -1)
		return *v == '\0' ? 0 : -1;
	if (f->since != LONG_MIN && date_last(&d) < f->since)
		return 0;
	return f->before == LONG_MIN || date_first(&d) < f->before;
}

static int
name_ok(const struct filter *f, const char *name)
{
	char *folded;
	int ok;

	if (f->name == NULL)
		return 1;
	folded = fold_name(name);
	ok = strstr(folded, f->name) != NULL;
	free(folded);
	return ok;
}

/*
 * A city that the other filters keep but that a value cannot decide (its
 * status, its joined date, a follow-up's status) is named on stderr and
 * left out: the answer holds only what is known.
 */
static int
keep(const struct scan *s, void *arg)
{
	const struct filter *f = arg;
	const struct doubt *d;
	int ok, col;

	if (f->countries && !in_set(f->countries, f->ncountries,
	    sget(s, C_COUNTRY)))
		return 0;
	if (f->region && strcmp(f->region, sget(s, C_REGION)) != 0)
		return 0;
	if (f->via && strcmp(f->via, sget(s, C_VIA)) != 0)
		return 0;
	if (f->attended && hmap_get(f->attended, sget(s, C_ID)) == NULL)
		return 0;
	if (f->busy && hmap_get(f->busy, sget(s, C_ID)) != NULL)
		return 0;
	if ((ok = status_joined(f, s, &col)) == 0 ||
	    !name_ok(f, sget(s, C_NAME)))
		return 0;
	if (ok < 0)
		return scan_readable(s, col);
	if (f->doubt && (d = hmap_get(f->doubt, sget(s, C_ID))) != NULL) {
		skip_row(f->fufile, d->line, "status", d->msg);
		return 0;
	}
	return 1;
}

/*
 * A listed city's coordinates, when it has a readable pair; a pair that
 * cannot be read is named, as any value a read verb cannot interpret,
 * and the city is not drawn.
 */
static int
scan_coords(const struct scan *s, int lat, int lon, struct svg_city *c)
{
	const char *y = lat >= 0 ? rd_field(s->rd, (size_t)lat) : "";
	const char *x = lon >= 0 ? rd_field(s->rd, (size_t)lon) : "";
	char msg[512];
	int which;

	if (coord_problem(y, x, &which, msg, sizeof(msg))) {
		skip_row(s->t->label, s->rec.line, which ? "lon" : "lat", msg);
		return 0;
	}
	return *y != '\0' && geo_coord(y, 1, &c->lat) == 0 &&
	    geo_coord(x, 0, &c->lon) == 0;
}

/* A column of the file that a scan reads, by name; -1 if it has none. */
static int
file_col(const struct scan *s, const char *name)
{
	int i = table_col(s->t, name);

	return i >= 0 && (size_t)i < s->t->ncols - s->t->nextra ? i : -1;
}

/* list -o svg: the cities kept, on a map, titled with the filters. */
static void
list_map(struct filter *f)
{
	struct svg_city *c = NULL;
	struct scan s;
	size_t i, n = 0, cap = 0;
	char *given, *title;
	int lat, lon;

	scan_open(&s, &schema_cities, input_reader(&cl.c, &st,
	    &schema_cities));
	lat = file_col(&s, "lat");
	lon = file_col(&s, "lon");
	while (scan_next(&s)) {
		if (!keep(&s, f))
			continue;
		if (n == cap)
			c = xreallocarray(c, cap = cap ? cap * 2 : 64,
			    sizeof(*c));
		c[n].name = xstrdup(sget(&s, C_NAME));
		c[n].status = xstrdup(sget(&s, C_STATUS));
		c[n].located = scan_coords(&s, lat, lon, &c[n]);
		n++;
	}
	scan_close(&s);
	given = cli_given(&cl, &tool);
	title = *given ? xasprintf("Cities \xe2\x80\x94 %s", given) :
	    xstrdup("Cities");
	svg_map(stdout, title, c, n);
	for (i = 0; i < n; i++) {
		free((char *)(uintptr_t)c[i].name);
		free((char *)(uintptr_t)c[i].status);
	}
	free(c);
	free(title);
	free(given);
}

static int
cmd_list(void)
{
	struct filter f;

	filter_init(&f);
	if (cl.c.out.fmt == FMT_SVG)
		list_map(&f);
	else
		list_rows(&cl.c, &st, &schema_cities, keep, &f);
	hmap_free(f.attended);
	hmap_free(f.busy);
	hmap_free_all(f.doubt, doubt_free);
	free(f.fufile);
	free_list(f.countries, f.ncountries);
	free_list(f.statuses, f.nstatuses);
	free(f.region);
	free(f.name);
	return skip_status(0);
}

/* --- show ---------------------------------------------------------------- */

/* What show prints beside a city: only the rows that name the cities. */
struct related {
	struct table *att, *fu;
};

/* The events the city came to, with its role, as a list of show. */
static void
show_events(const char *id, const struct table *att)
{
	static const char *const head[] = { "event", "role", "start", "name" };
	struct table *ev = db_table(&db, T_EVENTS);
	struct cells c;
	struct row *e, *a;
	const char *f[4];
	size_t i;

	cells_init(&c, 4);
	cells_add(&c, (char *const *)head);
	c.head = 1;
	for (i = 0; i < att->nrows; i++) {
		a = att->rows[i];
		if (strcmp(rget(att, a, A_CITY), id) != 0)
			continue;
		e = hmap_get(db_ids(&db, T_EVENTS), rget(att, a, A_EVENT));
		f[0] = rget(att, a, A_EVENT);
		f[1] = rget(att, a, A_ROLE);
		f[2] = e ? rget(ev, e, E_START) : "";
		f[3] = e ? rget(ev, e, E_NAME) : "";
		cells_add(&c, (char *const *)f);
	}
	cells_list(&c, &cl.c.out, "events");
}

static void
show_followups(const char *id, const struct table *fu)
{
	static const char *const head[] = {
		"id", "status", "due", "owner", "action"
	};
	struct cells c;
	const char *f[5];
	struct row *x;
	size_t i;

	cells_init(&c, 5);
	cells_add(&c, (char *const *)head);
	c.head = 1;
	for (i = 0; i < fu->nrows; i++) {
		x = fu->rows[i];
		if (strcmp(rget(fu, x, F_CITY), id) != 0)
			continue;
		f[0] = rget(fu, x, F_ID);
		f[1] = rget(fu, x, F_STATUS);
		f[2] = rget(fu, x, F_DUE);
		f[3] = rget(fu, x, F_OWNER);
		f[4] = rget(fu, x, F_ACTION);
		cells_add(&c, (char *const *)f);
	}
	cells_list(&c, &cl.c.out, "follow-ups");
}

static void
show_text(const struct table *t, const struct row *r,
    const struct related *rel)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		vis_line("%-10s %s", t->cols[i], r->f[i]);
	show_events(rget(t, r, C_ID), rel->att);
	show_followups(rget(t, r, C_ID), rel->fu);
}

static void
json_event(const struct table *att, const struct row *a, int first)
{
	struct table *ev = db_table(&db, T_EVENTS);
	struct row *e;

	e = hmap_get(db_ids(&db, T_EVENTS), rget(att, a, A_EVENT));
	fputs(first ? "{" : ",{", stdout);
	if (e != NULL) {
		json_fields(stdout, ev->cols, e->f, ev->ncols);
		putchar(',');
	}
	fputs("\"role\":", stdout);
	json_string(stdout, rget(att, a, A_ROLE));
	putchar('}');
}

static void
show_json(const struct table *t, const struct row *r,
    const struct related *rel)
{
	struct table *att = rel->att, *fu = rel->fu;
	size_t i;
	int first = 1;

	putchar('{');
	json_fields(stdout, t->cols, r->f, t->ncols);
	fputs(",\"events\":[", stdout);
	for (i = 0; i < att->nrows; i++)
		if (strcmp(rget(att, att->rows[i], A_CITY), rget(t, r, C_ID))
		    == 0) {
			json_event(att, att->rows[i], first);
			first = 0;
		}
	fputs("],\"followups\":[", stdout);
	for (i = 0, first = 1; i < fu->nrows; i++) {
		if (strcmp(rget(fu, fu->rows[i], F_CITY), rget(t, r, C_ID)))
			continue;
		fputs(first ? "{" : ",{", stdout);
		first = 0;
		json_fields(stdout, fu->cols, fu->rows[i]->f, fu->ncols);
		putchar('}');
	}
	fputs("]}\n", stdout);
}

static void
show_all(struct table *t, struct row **rows, size_t n, int fmt)
{
	struct related rel;
	struct hmap *ids = hmap_new();
	size_t i;

	for (i = 0; i < n; i++)
		hmap_put(ids, rget(t, rows[i], C_ID), ids);
	rel.att = store_select(&st, &schema_attendance, A_CITY, ids);
	rel.fu = store_select(&st, &schema_followups, F_CITY, ids);
	for (i = 0; i < n; i++) {
		if (fmt == FMT_JSON)
			show_json(t, rows[i], &rel);
		else {
			if (i > 0)
				putchar('\n');
			show_text(t, rows[i], &rel);
		}
	}
	table_free(rel.att);
	table_free(rel.fu);
	hmap_free(ids);
}

static int
cmd_show(void)
{
	struct table *t;
	struct row **rows;
	struct out *o;
	size_t i, n;
	int fmt = cl.c.outset ? cl.c.out.fmt : FMT_TEXT;

	if (fmt == FMT_MD)
		die(EXIT_USAGE, "show: -o md is not supported");
	/* The names first: a writer piping in has written when stdin ends. */
	rows = resolve_rows(&db, T_CITIES, &cl.c, cl.argc, cl.argv, &n);
	t = db_table(&db, T_CITIES);
	if (fmt == FMT_TEXT || fmt == FMT_JSON)
		show_all(t, rows, n, fmt);
	else {
		o = out_open(&cl.c.out, t->cols, t->ncols);
		for (i = 0; i < n; i++)
			out_row(o, rows[i]->f);
		out_close(o);
	}
	free(rows);
	return 0;
}

/* --- coordinates --------------------------------------------------------- */

/*
 * The lat and lon columns of cities.csv, added after the others when the
 * file lacks them: a record that keeps no coordinates has no such
 * columns until a city is first given some.
 */
static void
coord_cols(struct table *t, int *lat, int *lon)
{
	if ((*lat = table_col(t, "lat")) < 0)
		*lat = table_add_col(t, "lat");
	if ((*lon = table_col(t, "lon")) < 0)
		*lon = table_add_col(t, "lon");
}

static int
has_coords(const struct table *t, const struct row *r)
{
	int lat = table_col(t, "lat"), lon = table_col(t, "lon");

	return lat >= 0 && lon >= 0 && r->f[lat][0] != '\0' &&
	    r->f[lon][0] != '\0';
}

/* --lat and --lon: both or neither, each decimal degrees or empty. */
static void
check_coord_opts(void)
{
	const char *lat = opt(O_LAT), *lon = opt(O_LON);
	double deg;

	if ((lat == NULL) != (lon == NULL))
		die(EXIT_USAGE, "--lat and --lon go together: give both");
	if (lat == NULL)
		return;
	if (*lat != '\0' && geo_coord(lat, 1, &deg) == -1)
		die(EXIT_USAGE, "--lat: not a latitude: '%s' (decimal degrees "
		    "from -90 to 90, north positive, like 48.584)", lat);
	if (*lon != '\0' && geo_coord(lon, 0, &deg) == -1)
		die(EXIT_USAGE, "--lon: not a longitude: '%s' (decimal degrees "
		    "from -180 to 180, east positive, like 7.746)", lon);
	if ((*lat == '\0') != (*lon == '\0'))
		die(EXIT_USAGE, "--lat and --lon: both empty (to clear them) "
		    "or both given");
}

/* "Columbus, US-OH": a city as the gazetteer is asked for it. */
static char *
city_words(const struct table *t, const struct row *r)
{
	const char *region = rget(t, r, C_REGION);

	return xasprintf("%s, %s", rget(t, r, C_NAME), *region ? region :
	    rget(t, r, C_COUNTRY));
}

/* "US-OH at 39.961,-82.999, 850106 people": a place, for a message. */
static void
place_words(struct buf *b, const struct geo_place *p)
{
	char *w;

	w = xasprintf("%s%sat %s,%s, %ld people", p->region, *p->region ?
	    " " : "", p->slat, p->slon, p->population);
	buf_adds(b, w);
	free(w);
}

/*
 * Why a city was not located, or how it was: the rule of lib/geo.c says
 * which place a name is.  One place is it; of several, the most populous
 * is taken when it has ten times the people of the next, and said so;
 * else none is, and the candidates are listed.
 */
static void
say_match(const char *verb, const struct table *t, const struct row *r,
    const struct geo_match *m, const char *then)
{
	struct buf b = { NULL, 0, 0 };
	char *who = city_words(t, r), *unused;
	const char *choose;
	size_t i;

	for (i = 0; i < m->n && i < 8; i++) {
		buf_adds(&b, i > 0 ? "; " : "");
		place_words(&b, &m->place[i]);
	}
	/*
	 * A region tells places apart only where the gazetteer has them,
	 * and only for a city that has none yet.
	 */
	choose = m->n > 1 && *m->place[1].region != '\0' &&
	    *rget(t, r, C_REGION) == '\0' ? "give it a region, or --lat and "
	    "--lon" : "give it --lat and --lon";
	unused = m->region_unused ? xasprintf(" (the gazetteer knows no place "
	    "in %s)", rget(t, r, C_REGION)) : xstrdup("");
	if (m->status == GEO_NONE)
		warn_at(row_label(t, r), r->line, "%s: %s: not in the "
		    "gazetteer; %s", verb, who, then);
	else if (m->status == GEO_AMBIGUOUS)
		warn_at(row_label(t, r), r->line, "%s: %s: %zu places of that "
		    "name%s, none ten times as populous as the next: %s%s; "
		    "%s; %s", verb, who, m->n, unused, b.s, m->n > 8 ? "; ..." :
		    "", choose, then);
	else if (m->populous)
		warn_at(row_label(t, r), r->line, "%s: %s: taken as the most "
		    "populous of %zu places of that name%s: %s; %s, if another "
		    "is meant", verb, who, m->n, unused, b.s, choose);
	free(unused);
	free(who);
	buf_free(&b);
}

/*
 * Looks a city up in the gazetteer and, when the rule finds its place,
 * sets its coordinates (the columns lat, lon).  Returns the match's
 * status; what was not found is said on stderr, then is what became of
 * the city.
 */
static int
locate_row(struct geo *g, struct table *t, struct row *r, int lat, int lon,
    const char *verb, const char *then)
{
	struct geo_match m;
	int status;

	geo_lookup(g, rget(t, r, C_NAME), rget(t, r, C_COUNTRY),
	    rget(t, r, C_REGION), &m);
	say_match(verb, t, r, &m, then);
	if ((status = m.status) == GEO_FOUND) {
		rset_at(r, (size_t)lat, m.place[0].slat);
		rset_at(r, (size_t)lon, m.place[0].slon);
	}
	geo_match_free(&m);
	return status;
}

/*
 * add: a new city is located when cities.csv keeps coordinates (it has
 * lat and lon columns) and none were given.  A city the gazetteer cannot
 * place, or a gazetteer that cannot be read, is no reason to refuse the
 * city: it is added without coordinates, and a note says so.
 */
static void
add_locate(struct table *t, struct row *r)
{
	struct geo *g;
	char *why;

	if (opt(O_LAT) != NULL || table_col(t, "lat") < 0 ||
	    table_col(t, "lon") < 0)
		return;
	if ((g = geo_try_open(NULL, &why)) == NULL) {
		note("add: %s; %s added without coordinates", why,
		    rget(t, r, C_NAME));
		free(why);
		return;
	}
	locate_row(g, t, r, table_col(t, "lat"), table_col(t, "lon"), "add",
	    "added without coordinates (give them with --lat and --lon)");
	geo_close(g);
}

/* --- writes -------------------------------------------------------------- */

static void
set_upper(struct table *t, struct row *r, int col, const char *v)
{
	char *u = xstrdup(v);

	upcase(u);
	rset(t, r, col, u);
	free(u);
}

static void
set_name(struct table *t, struct row *r, const char *v)
{
	char *n = nfc(v);

	rset(t, r, C_NAME, n);
	free(n);
}

/*
 * One rule for add and set: a city that becomes introduced or a member,
 * with no joined date and none given, joined today.
 */
static void
joined_today(struct table *t, struct row *r, const char *was)
{
	const char *now = rget(t, r, C_STATUS);
	char buf[11];

	if (opt(O_JOINED) != NULL || *rget(t, r, C_JOINED) != '\0' ||
	    strcmp(was, now) == 0 || (strcmp(now, "introduced") != 0 &&
	    strcmp(now, "member") != 0))
		return;
	date_fmt(cl.c.today, buf);
	rset(t, r, C_JOINED, buf);
}

/*
 * The event --via names, by id or name: only the events that the name may
 * name are read, not the table.
 */
static const char *
via_event(const char *arg)
{
	struct row *e;

	db_narrow(&db, T_EVENTS, (char *const *)&arg, 1);
	e = db_find(&db, T_EVENTS, arg);
	return rget(db.t[T_EVENTS], e, E_ID);
}

/* The changes add and set share: each option given, in its column. */
static void
apply_options(struct table *t, struct row *r)
{
	char buf[11], *was = xstrdup(rget(t, r, C_STATUS));
	int lat, lon;

	if (opt(O_NAME) != NULL)
		set_name(t, r, opt(O_NAME));
	if (opt(O_COUNTRY) != NULL)
		set_upper(t, r, C_COUNTRY, opt(O_COUNTRY));
	if (opt(O_REGION) != NULL)
		set_upper(t, r, C_REGION, opt(O_REGION));
	if (opt(O_STATUS) != NULL)
		rset(t, r, C_STATUS, opt(O_STATUS));
	if (opt(O_JOINED) != NULL)
		rset(t, r, C_JOINED, *opt(O_JOINED) == '\0' ? "" :
		    date_opt_str("--joined", opt(O_JOINED), cl.c.today, 0, buf));
	if (opt(O_VIA) != NULL)
		rset(t, r, C_VIA, *opt(O_VIA) == '\0' ? "" :
		    via_event(opt(O_VIA)));
	if (opt(O_NOTES) != NULL)
		rset(t, r, C_NOTES, opt(O_NOTES));
	/* Empty coordinates give a table that keeps none no columns. */
	if (opt(O_LAT) != NULL && (*opt(O_LAT) != '\0' ||
	    table_col(t, "lat") >= 0 || table_col(t, "lon") >= 0)) {
		coord_cols(t, &lat, &lon);
		rset_at(r, (size_t)lat, opt(O_LAT));
		rset_at(r, (size_t)lon, opt(O_LON));
	}
	joined_today(t, r, was);
	free(was);
}

/*
 * add streams cities.csv: the new city is made before the stream, each
 * old row is copied as it is read and compared with it (the same city,
 * the ids it may get), and the new row goes at the end.
 */
static void
add_refused(struct table *t, struct row *r, const struct city_dup *dup)
{
	const char *id;
	long line;

	if ((id = city_dup_found(dup, &line)) != NULL)
		die_at(EXIT_DATA, t->label, line, "'%s' is already %s; "
		    "use --force to add it anyway", rget(t, r, C_NAME), id);
}

/* cities.csv gets lat and lon when a city is first given coordinates. */
static void
add_coord_cols(struct rewrite *rw)
{
	const char *lat = opt(O_LAT);

	if (lat == NULL || (*lat == '\0' && table_col(rw->t, "lat") < 0 &&
	    table_col(rw->t, "lon") < 0))
		return;
	if (table_col(rw->t, "lat") < 0)
		rw_add_col(rw, "lat");
	if (table_col(rw->t, "lon") < 0)
		rw_add_col(rw, "lon");
}

/* The new city, as the options make it, in the table of kept rows t. */
static struct row *
add_row(struct table *t)
{
	struct row *r = table_newrow(t);

	set_name(t, r, cl.argv[0]);
	apply_options(t, r);
	if (opt(O_STATUS) == NULL)
		rset(t, r, C_STATUS, "prospect");
	return r;
}

static int
cmd_add(void)
{
	struct rewrite rw;
	struct city_dup dup;
	struct city_ids ci;
	struct newid ni;
	struct table *t;
	struct row *r;
	char *id;

	check_coord_opts();
	rw_begin(&rw, &st, &schema_cities, cl.c.dryrun);
	add_coord_cols(&rw);
	db_keep(&db, T_CITIES, t = rw_table(&rw));
	r = add_row(t);
	city_ids_init(&ci, rget(t, r, C_NAME), rget(t, r, C_COUNTRY),
	    rget(t, r, C_REGION));
	if (opt(O_ID) != NULL)
		newid_given(&ni, T_CITIES, opt(O_ID));
	else
		newid_init(&ni, T_CITIES, city_id_candidate, &ci);
	city_dup_init(&dup, rget(t, r, C_NAME), rget(t, r, C_COUNTRY),
	    rget(t, r, C_REGION));
	while (rw_next(&rw)) {
		newid_see(&ni, sget(&rw.s, C_ID));
		if (opt(O_FORCE) == NULL)
			city_dup_see(&dup, &rw.s);
		rw_copy(&rw);
	}
	if ((id = newid_pick(&ni, &db, 1)) == NULL)
		die(EXIT_DATA, "id '%s' is already taken", opt(O_ID));
	rset(t, r, C_ID, id);
	free(id);
	add_refused(t, r, &dup);
	validate_rows(&db, T_CITIES, &r, 1);	/* a city refused is not looked up */
	add_locate(t, r);
	add_end(&db, T_CITIES, &cl.c, &rw, &r, 1);
	newid_free(&ni);
	city_ids_free(&ci);
	city_dup_free(&dup);
	return 0;
}

static void
apply_set(struct table *t, struct row *r)
{
	apply_options(t, r);
	set_fields(t, r, cl.multi[O_FIELD], cl.nmulti[O_FIELD]);
}

static int
cmd_set(void)
{
	check_coord_opts();
	set_rows(&db, T_CITIES, &cl.c, cl.argc, cl.argv, apply_set);
	return 0;
}

static int
cmd_rm(void)
{
	rm_rows(&db, T_CITIES, &cl.c, cl.argc, cl.argv, opt(O_FORCE) != NULL);
	return 0;
}

/* --- import -------------------------------------------------------------- */

struct import {
	struct reader *rd;
	int	 src[MAXSCHEMA];	/* schema column -> source column */
	char	**folded;		/* the header's names, folded */
	size_t	 nfolded;
	struct hmap *keys;		/* the cities a row is a duplicate of */
	struct hmap *probe;		/* the keys the rows look up */
	struct hmap *countries;		/* the rows' countries */
	struct hmap *ids;		/* the ids asked about: id_state */
	char	**asked;		/* the candidates of them, in a list */
	size_t	 nasked, capasked;
	int	 named;			/* other tables were asked about them */
	struct city_ids *cids;		/* the ids each row may take */
	size_t	 ncids;
	const char *status, *joined, *via;	/* for the rows without */
	char	 joinedbuf[11];
	size_t	 added, skipped, rejected;
};

/*
 * The source column named name: spelt the same, or else the same when
 * case, accents and surrounding spaces do not count ("NAME", " Name ").
 */
static int
exact_col(const struct rec *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (strcmp(h->f[i], name) == 0)
			return (int)i;
	return -1;
}

static int
source_col(const struct import *im, const struct rec *h, const char *name)
{
	char *f;
	size_t i;
	int c;

	if ((c = exact_col(h, name)) >= 0)
		return c;
	f = fold_name(name);
	for (i = 0; i < h->n; i++)
		if (strcmp(im->folded[i], f) == 0)
			break;
	free(f);
	return i < h->n ? (int)i : -1;
}

/* The schema column that --map names, by its position; exits 2 if none. */
static size_t
map_target(const char *m, const char **from)
{
	const struct schema *sc = &schema_cities;
	const char *eq;
	size_t j;

	if ((eq = strchr(m, '=')) == NULL || eq == m || eq[1] == '\0')
		die(EXIT_USAGE, "--map: want COL=SRCCOL, not '%s'", m);
	for (j = 0; j < sc->ncols; j++)
		if (strncmp(sc->cols[j], m, (size_t)(eq - m)) == 0 &&
		    sc->cols[j][eq - m] == '\0')
			break;
	if (j == sc->ncols)
		die(EXIT_USAGE, "--map: cities.csv has no column "
		    "'%.*s'", (int)(eq - m), m);
	*from = eq + 1;
	return j;
}

/*
 * Each column of cities.csv from the header: by its name, or as --map
 * says.  Every mapping that fails is reported, then import exits 3.
 */
static void
map_columns(struct import *im, const struct rec *h)
{
	const struct schema *sc = &schema_cities;
	const char *from, *file = rd_name(im->rd);
	size_t i, j;
	unsigned mapped = 0;
	int bad = 0;

	im->folded = xreallocarray(NULL, h->n ? h->n : 1, sizeof(char *));
	for (i = 0; i < h->n; i++)
		im->folded[i] = fold_name(h->f[i]);
	im->nfolded = h->n;
	/* An export's "ID" is most often the key of the system it came
	 * from, not a city id: only a column spelt "id" is taken as ours. */
	for (j = 0; j < sc->ncols; j++)
		im->src[j] = j == C_ID ? exact_col(h, sc->cols[j]) :
		    source_col(im, h, sc->cols[j]);
	for (i = 0; i < cl.nmulti[O_MAP]; i++) {
		j = map_target(cl.multi[O_MAP][i], &from);
		mapped |= 1u << j;
		if ((im->src[j] = source_col(im, h, from)) < 0 && ++bad)
			warn_at(file, h->line, "%s: no column '%s' to map to "
			    "%s", sc->cols[j], from, sc->cols[j]);
	}
	for (j = C_NAME; j <= C_COUNTRY; j++)
		if (im->src[j] < 0 && !(mapped & (1u << j)) && ++bad)
			warn_at(file, h->line, "%s: no %s column (use --map "
			    "%s=COLUMN)", sc->cols[j], sc->cols[j],
			    sc->cols[j]);
	if (bad)
		die(EXIT_DATA, "import: nothing written");
}

static const char *
source(const struct import *im, const struct rec *rec, int col)
{
	return im->src[col] >= 0 ? rec->f[im->src[col]] : "";
}

/*
 * The country as a code: a code in any case, or an English name or a
 * common alias ("France", "Czech Republic", "USA"); the region likewise
 * by its code, the part after the country's, or its name ("Ohio").
 * What is neither is left for check_row() to report.
 */
static void
set_place(struct table *t, struct row *r)
{
	const char *v = rget(t, r, C_COUNTRY), *code;

	if ((code = iso_country_code(v)) != NULL)
		rset(t, r, C_COUNTRY, code);
	else if (strlen(v) <= 3)
		set_upper(t, r, C_COUNTRY, v);
	v = rget(t, r, C_REGION);
	if (*v == '\0')
		return;
	if ((code = iso_region_code(rget(t, r, C_COUNTRY), v)) != NULL)
		rset(t, r, C_REGION, code);
	else
		set_upper(t, r, C_REGION, v);
}

/* A row's own status, joined and via win; the options fill the blanks. */
static void
fill_blanks(const struct import *im, struct table *t, struct row *r)
{
	if (*rget(t, r, C_STATUS) == '\0')
		rset(t, r, C_STATUS, im->status);
	if (im->joined != NULL && *rget(t, r, C_JOINED) == '\0')
		rset(t, r, C_JOINED, im->joined);
	if (im->via != NULL && *rget(t, r, C_VIA) == '\0')
		rset(t, r, C_VIA, im->via);
}

/*
 * What is known of an id that a row gives or may take: free (in no
 * table), named by another table (a city removed with --force), or
 * taken (a city of the table has it, or a row imported before).
 */
static int id_state[3];
#define ID_FREE		(&id_state[0])
#define ID_NAMED	(&id_state[1])
#define ID_TAKEN	(&id_state[2])

/* One source row, as the table's last row, its values as they will be. */
static void
import_build(struct import *im, struct table *t, const struct rec *rec)
{
	struct row *r;
	int col;

	r = table_newrow(t);
	r->line = rec->line;
	r->src = rd_name(im->rd);
	for (col = 0; col < (int)t->sc->ncols; col++)
		rset(t, r, col, source(im, rec, col));
	set_name(t, r, rget(t, r, C_NAME));
	set_place(t, r);
	fill_blanks(im, t, r);
}

/*
 * The ids row k may take, in turn (city.c).  A row with no name or
 * country still gets an id, so that its real problem is the one
 * reported.
 */
static void
import_ids(struct import *im, struct table *t)
{
	struct row *r;
	size_t k;

	im->cids = xreallocarray(NULL, t->nrows + 1, sizeof(*im->cids));
	for (k = 0; k < t->nrows; k++) {
		r = t->rows[k];
		city_ids_init(&im->cids[k], rget(t, r, C_NAME),
		    *rget(t, r, C_COUNTRY) ? rget(t, r, C_COUNTRY) : "xx",
		    rget(t, r, C_REGION));
	}
	im->ncids = t->nrows;
}

/* An id asked about; a candidate's, of other tables too (import_named). */
static void
ask_id(struct import *im, const char *id, int candidate_id)
{
	if (hmap_get(im->ids, id) != NULL)
		return;
	hmap_put(im->ids, id, ID_FREE);
	if (!candidate_id)
		return;
	if (im->nasked == im->capasked)
		im->asked = xreallocarray(im->asked, im->capasked =
		    im->capasked ? im->capasked * 2 : 64, sizeof(char *));
	im->asked[im->nasked++] = xstrdup(id);
}

/* Candidates from..to - 1 of row k, which has no id, asked about. */
static void
ask_candidates(struct import *im, size_t k, size_t from, size_t to)
{
	char *id;
	size_t i;

	for (i = from; i < to; i++) {
		id = city_id_candidate(&im->cids[k], i);
		ask_id(im, id, 1);
		free(id);
	}
}

static void
probe_add(struct import *im, const char *name, const char *cc,
    const char *region)
{
	char *k = city_key(name, cc, region);

	hmap_put(im->probe, k, im->probe);
	free(k);
}

/*
 * What the rows ask of the table, so that it is read once, keeping
 * nothing of its rows but the answers: which of their keys a city has
 * (city_key_find()'s two looks), which of the ids they give a city has,
 * and which of the first ids they may take are taken.
 */
enum { FIRST_CANDIDATES = 10 };

static void
import_ask(struct import *im, struct table *t)
{
	const char *region;
	struct row *r;
	size_t i;

	import_ids(im, t);
	for (i = 0; i < t->nrows; i++) {
		r = t->rows[i];
		region = rget(t, r, C_REGION);
		probe_add(im, rget(t, r, C_NAME), rget(t, r, C_COUNTRY),
		    *region ? region : "*");
		if (*region != '\0')
			probe_add(im, rget(t, r, C_NAME), rget(t, r, C_COUNTRY),
			    "");
		hmap_put(im->countries, rget(t, r, C_COUNTRY), im->countries);
		if (*rget(t, r, C_ID) != '\0')
			ask_id(im, rget(t, r, C_ID), 0);
		else
			ask_candidates(im, i, 0, FIRST_CANDIDATES);
	}
}

static void
key_seen(struct import *im, const char *name, const char *cc,
    const char *region)
{
	char *k = city_key(name, cc, region);

	if (hmap_get(im->probe, k) != NULL)
		hmap_put(im->keys, k, im->probe);
	free(k);
}

/* A city of the table, as it streams by: the answers it gives. */
static void
import_seen(struct import *im, const struct scan *s)
{
	const char *cc;

	if (hmap_get(im->ids, sget(s, C_ID)) != NULL)
		hmap_put(im->ids, sget(s, C_ID), ID_TAKEN);
	cc = sget(s, C_COUNTRY);
	if (hmap_get(im->countries, cc) == NULL)
		return;
	key_seen(im, sget(s, C_NAME), cc, sget(s, C_REGION));
	key_seen(im, sget(s, C_NAME), cc, "*");
}

/*
 * Which of the candidates asked about, from first on, that no city has,
 * other tables name: one pass over them, made only when a row first
 * needs an id.
 */
static void
import_named(struct import *im, size_t first)
{
	char **ids = xreallocarray(NULL, im->nasked + 1, sizeof(*ids));
	size_t i, n = 0;

	for (i = first; i < im->nasked; i++)
		if (hmap_get(im->ids, im->asked[i]) == ID_FREE)
			ids[n++] = im->asked[i];
	if (n > 0)
		db_referrers(&db, T_CITIES, ids, n);
	for (i = 0; i < n; i++)
		if (db_referrer(&db, T_CITIES, ids[i]) != NULL)
			hmap_put(im->ids, ids[i], ID_NAMED);
	free(ids);
	im->named = 1;
}

/*
 * The rare row whose first candidates are all taken: the next ones are
 * asked about, the table and the others read again for them alone.
 */
static void
ask_more(struct import *im, size_t k, size_t from)
{
	size_t first = im->nasked;
	struct scan s;

	ask_candidates(im, k, from, from < FIRST_CANDIDATES ?
	    FIRST_CANDIDATES : from * 10);
	scan_open(&s, &schema_cities, store_reader(&st, &schema_cities));
	while (scan_next(&s))
		if (hmap_get(im->ids, sget(&s, C_ID)) == ID_FREE)
			hmap_put(im->ids, sget(&s, C_ID), ID_TAKEN);
	scan_close(&s);
	import_named(im, first);
}

/* A new city's id: its first candidate that no table has or names. */
static char *
fresh_id(struct import *im, size_t k)
{
	const int *state;
	char *id;
	size_t i;

	if (!im->named)
		import_named(im, 0);
	for (i = 0;; i++) {
		id = city_id_candidate(&im->cids[k], i);
		if ((state = hmap_get(im->ids, id)) == NULL) {
			ask_more(im, k, i);
			state = hmap_get(im->ids, id);
		}
		if (state == ID_FREE)
			return id;
		free(id);
	}
}

/*
 * One row, in the order of the source: skipped (a city or a row added
 * before is the same, or has its id), rejected, or added.  Returns
 * whether it goes.
 */
static int
import_decide(struct import *im, struct table *t, size_t k)
{
	struct row *r = t->rows[k];
	char *id;

	if (city_key_find(im->keys, t, r) != NULL || (*rget(t, r, C_ID) !=
	    '\0' && hmap_get(im->ids, rget(t, r, C_ID)) == ID_TAKEN)) {
		im->skipped++;
		return 1;
	}
	if (*rget(t, r, C_ID) == '\0') {
		id = fresh_id(im, k);
		rset(t, r, C_ID, id);
		free(id);
	}
	if (check_row(&db, T_CITIES, r) > 0) {
		im->rejected++;
		return 1;
	}
	im->added++;
	city_key_add(im->keys, t, r);
	hmap_put(im->ids, rget(t, r, C_ID), ID_TAKEN);
	return 0;
}

/* A record that outlives the next read: its fields in one block. */
static void
rec_keep(struct rec *to, const struct rec *from)
{
	size_t i, len = 0;
	char *p;

	for (i = 0; i < from->n; i++)
		len += strlen(from->f[i]) + 1;
	to->n = from->n;
	to->line = from->line;
	to->f = xmalloc(from->n * sizeof(*to->f) + len);
	p = (char *)(to->f + from->n);
	for (i = 0; i < from->n; i++) {
		len = strlen(from->f[i]) + 1;
		to->f[i] = memcpy(p, from->f[i], len);
		p += len;
	}
}

/*
 * The source's rows, every one read before the lock is taken: the source
 * may be a pipe from another writer of this directory, which holds the
 * lock until it has written all of its output.
 */
static struct rec *
read_source(struct reader *rd, size_t *n)
{
	struct rec rec, *v = NULL;
	size_t cap = 0;

	for (*n = 0; rd_next(rd, &rec); (*n)++) {
		if (*n == cap)
			v = xreallocarray(v, cap = cap ? cap * 2 : 64,
			    sizeof(*v));
		rec_keep(&v[*n], &rec);
	}
	return v;
}

/* The whole input, read before the lock like every source. */
static char *
read_whole(const char *path, size_t *len)
{
	FILE *fp = stdin;
	size_t cap = 65536, n;
	char *buf;

	if (strcmp(path, "-") != 0 && (fp = fopen(path, "r")) == NULL)
		die(EXIT_SYS, "%s: %s", path, strerror(errno));
	buf = xmalloc(cap);
	for (*len = 0; (n = fread(buf + *len, 1, cap - *len, fp)) > 0;)
		if ((*len += n) == cap)
			buf = xrealloc(buf, cap *= 2);
	if (ferror(fp))
		die(EXIT_SYS, "%s: %s", strcmp(path, "-") == 0 ? "stdin" :
		    path, strerror(errno));
	if (fp != stdin)
		fclose(fp);
	return buf;
}

/*
 * A reader of the source, made UTF-8 as tidy makes a table: Windows-1252
 * (Excel's "CSV") or UTF-16 ("Unicode Text") decoded, with a note.  A
 * tab-separated file is read as TSV, as it always was; a ';' one as CSV
 * with that delimiter; JSON Lines as JSON Lines.  --delimiter, then
 * --input-format, decide before the header does.
 */
static struct reader *
import_reader(const char *name, const char *raw, size_t len,
    struct decoded *dec)
{
	const char *d = opt(O_DELIMITER);
	struct reader *rd;
	int c;

	decode_text(name, raw, len, opt(O_ENCODING) != NULL ?
	    enc_parse(opt(O_ENCODING)) : ENC_GUESS, dec);
	if (dec->enc != ENC_UTF8)
		note("%s: read as %s", name, enc_name(dec->enc));
	if (d == NULL && cl.c.infmt != FMT_GUESS)
		return rd_open_mem(name, dec->s, dec->len, cl.c.infmt);
	/* Before the separator, which counts the commas between members. */
	if (d == NULL && rd_is_jsonl(dec->s, dec->len))
		return rd_open_mem(name, dec->s, dec->len, FMT_JSON);
	c = d == NULL ? dec->sep : strcmp(d, "tab") == 0 ? '\t' : *d;
	if (c == '\t')
		return rd_open_mem(name, dec->s, dec->len, FMT_TSV);
	rd = rd_open_mem(name, dec->s, dec->len, d == NULL && c == ',' ?
	    FMT_GUESS : FMT_CSV);
	if (c == ';')
		rd_delim(rd, c);
	return rd;
}

/* --delimiter, --status and --joined checked before the input is read. */
static void
import_options(struct import *im)
{
	const char *d = opt(O_DELIMITER);
	char msg[256];

	if (d != NULL && strcmp(d, ",") != 0 && strcmp(d, ";") != 0 &&
	    strcmp(d, "tab") != 0 && strcmp(d, "\t") != 0)
		die(EXIT_USAGE, "--delimiter: , ; or tab, not '%s'", d);
	if (opt(O_ENCODING) != NULL && enc_parse(opt(O_ENCODING)) == -1)
		die(EXIT_USAGE, "--encoding: utf-8 or windows-1252, not '%s'",
		    opt(O_ENCODING));

	im->status = opt(O_STATUS) != NULL ? opt(O_STATUS) : "prospect";
	if (!value_readable(T_CITIES, C_STATUS, im->status, msg, sizeof(msg)))
		die(EXIT_USAGE, "--status: %s", msg);
	if (opt(O_JOINED) != NULL && *opt(O_JOINED) != '\0')
		im->joined = date_opt_str("--joined", opt(O_JOINED),
		    cl.c.today, 0, im->joinedbuf);
}

/*
 * The events that --via and the rows name, read before the table is:
 * only those rows of events.csv, once.
 */
static void
import_vias(struct import *im, const struct rec *src, size_t nsrc)
{
	char **keys = xreallocarray(NULL, nsrc + 1, sizeof(*keys));
	const char *v;
	size_t i, n = 0, start, len;

	if (opt(O_VIA) != NULL && *opt(O_VIA) != '\0')
		keys[n++] = xstrdup(opt(O_VIA));
	for (i = 0; i < nsrc; i++) {
		v = source(im, &src[i], C_VIA);
		if ((len = trim_span(v, &start)) > 0)
			keys[n++] = xstrndup(v + start, len);
	}
	if (n > 0)
		db_narrow(&db, T_EVENTS, keys, n);
	if (opt(O_VIA) != NULL && *opt(O_VIA) != '\0')
		im->via = via_event(opt(O_VIA));
	free_list(keys, n);
}

/*
 * The rows imported are kept, and what they ask of the table (their
 * keys, their ids) answered as it streams into the new one; they are
 * then taken or not in turn, and those added written after it.
 */
static void
import_rows(struct import *im, const struct rec *src, size_t nsrc)
{
	struct rewrite rw;
	struct table *t;
	struct row **gone;
	size_t i, ngone = 0;

	rw_begin(&rw, &st, &schema_cities, cl.c.dryrun);
	t = rw_table(&rw);
	db_keep(&db, T_CITIES, t);
	for (i = 0; i < nsrc; i++)
		import_build(im, t, &src[i]);
	import_ask(im, t);
	while (rw_next(&rw)) {
		import_seen(im, &rw.s);
		rw_copy(&rw);
	}
	gone = xreallocarray(NULL, t->nrows + 1, sizeof(*gone));
	for (i = 0; i < t->nrows; i++)
		if (import_decide(im, t, i))
			gone[ngone++] = t->rows[i];
	table_remove_rows(t, gone, ngone);
	free(gone);
	for (i = 0; i < t->nrows; i++)
		rw_put(&rw, t->rows[i]->f);
	note("import: %zu added, %zu skipped, %zu rejected", im->added,
	    im->skipped, im->rejected);
	if (im->rejected > 0 && opt(O_SKIP_INVALID) == NULL)
		die(EXIT_DATA, "import: nothing written (--skip-invalid adds "
		    "the valid rows)");
	rw_end(&rw, im->added > 0);
	if (cl.c.dryrun)
		out_rows(&cl.c.out, t, t->rows, t->nrows);
}

static int
cmd_import(void)
{
	struct import im;
	struct rec rec, *src;
	struct decoded dec;
	size_t i, nsrc, len;
	const char *name = strcmp(cl.argv[0], "-") == 0 ? "stdin" :
	    cl.argv[0];
	char *buf;

	memset(&im, 0, sizeof(im));
	import_options(&im);
	buf = read_whole(cl.argv[0], &len);
	im.rd = import_reader(name, buf, len, &dec);
	free(buf);
	if (!rd_next(im.rd, &rec))
		die(EXIT_DATA, "%s: empty file, no header", rd_name(im.rd));
	map_columns(&im, &rec);
	src = read_source(im.rd, &nsrc);
	store_lock(&st);
	import_vias(&im, src, nsrc);
	im.keys = hmap_new();
	im.probe = hmap_new();
	im.countries = hmap_new();
	im.ids = hmap_new();
	import_rows(&im, src, nsrc);
	rd_close(im.rd);
	hmap_free(im.keys);
	hmap_free(im.probe);
	hmap_free(im.countries);
	hmap_free(im.ids);
	free_list(im.asked, im.nasked);
	for (i = 0; i < im.ncids; i++)
		city_ids_free(&im.cids[i]);
	free(im.cids);
	for (i = 0; i < nsrc; i++)
		free(src[i].f);
	free(src);
	free(dec.s);
	free_list(im.folded, im.nfolded);
	return 0;
}

/* --- locate -------------------------------------------------------------- */

/*
 * locate with no city named: every city without coordinates (lat or lon
 * empty), as the table is streamed into the new one.  Only the cities
 * located are kept, to be checked, and shown with --dry-run.
 */
static int
locate_all(struct geo *g, size_t count[3])
{
	struct rewrite rw;
	struct table *t;
	struct row *r;
	int flat, flon, lat, lon;

	rw_begin(&rw, &st, &schema_cities, cl.c.dryrun);
	flat = file_col(&rw.s, "lat");
	flon = file_col(&rw.s, "lon");
	if ((lat = table_col(rw.t, "lat")) < 0)
		lat = rw_add_col(&rw, "lat");
	if ((lon = table_col(rw.t, "lon")) < 0)
		lon = rw_add_col(&rw, "lon");
	t = rw_table(&rw);
	db_keep(&db, T_CITIES, t);
	while (rw_next(&rw)) {
		if (flat >= 0 && flon >= 0 &&
		    *rd_field(rw.s.rd, (size_t)flat) != '\0' &&
		    *rd_field(rw.s.rd, (size_t)flon) != '\0') {
			rw_copy(&rw);
			continue;
		}
		r = rw_keep(&rw, t);
		count[locate_row(g, t, r, lat, lon, "locate", "left without "
		    "coordinates (give them with set --lat --lon)")]++;
		if (r->changed) {
			rw_put(&rw, r->f);
			continue;
		}
		rw_copy(&rw);
		table_remove_rows(t, &r, 1);
	}
	geo_close(g);
	validate_rows(&db, T_CITIES, t->rows, t->nrows);
	note("locate: %zu located, %zu not in the gazetteer, %zu ambiguous",
	    count[GEO_FOUND], count[GEO_NONE], count[GEO_AMBIGUOUS]);
	rw_end(&rw, t->nrows > 0);
	if (cl.c.dryrun)
		out_rows(&cl.c.out, t, t->rows, t->nrows);
	return count[GEO_NONE] + count[GEO_AMBIGUOUS] > 0 ? EXIT_NO : 0;
}

/*
 * The gazetteer is mapped and the names on stdin read before the lock;
 * each city is then looked up by binary search, so that locating an
 * import of many cities costs a lookup each, never a scan of the
 * gazetteer.  The cities located are checked and written at once.
 */
static int
cmd_locate(void)
{
	struct geo *g = geo_open(NULL);
	struct table *t;
	struct row **rows;
	size_t i, n, nchanged = 0, count[3] = { 0, 0, 0 };
	int lat, lon, status;

	if (cl.argc == 0)
		return locate_all(g, count);
	rows = resolve_locked(&db, T_CITIES, &cl.c, cl.argc, cl.argv, &n);
	t = db.t[T_CITIES];
	db_keep(&db, T_CITIES, t);
	coord_cols(t, &lat, &lon);
	for (i = 0; i < n; i++) {
		rows[i]->changed = 0;	/* a city named twice is one change */
		status = locate_row(g, t, rows[i], lat, lon, "locate",
		    has_coords(t, rows[i]) ? "its coordinates are kept" :
		    "left without coordinates (give them with set --lat "
		    "--lon)");
		count[status]++;
		if (rows[i]->changed)
			rows[nchanged++] = rows[i];
	}
	geo_close(g);
	validate_rows(&db, T_CITIES, rows, nchanged);
	note("locate: %zu located, %zu not in the gazetteer, %zu ambiguous",
	    count[GEO_FOUND], count[GEO_NONE], count[GEO_AMBIGUOUS]);
	if (nchanged > 0 && !cl.c.dryrun)
		stream_rows(&db, T_CITIES, t, rows, nchanged, 0);
	if (cl.c.dryrun)
		out_rows(&cl.c.out, t, rows, nchanged);
	free(rows);
	return count[GEO_NONE] + count[GEO_AMBIGUOUS] > 0 ? EXIT_NO : 0;
}

static int
cmd_check(void)
{
	return check_table(&db, T_CITIES) > 0 ? EXIT_NO : 0;
}

/*
 * sc-cities init [DIR]: the directory named once, by DIR or by -D, else
 * SC_DATA, else the current one.
 */
static int
cmd_init(void)
{
	struct init_opt o;
	const char *env = getenv("SC_DATA");

	memset(&o, 0, sizeof(o));
	if (cl.argc > 0 && cl.c.data != NULL && strcmp(cl.argv[0],
	    cl.c.data) != 0)
		die(EXIT_USAGE, "init: the directory is named twice, by -D "
		    "and by DIR");
	o.dir = cl.argc > 0 ? cl.argv[0] : cl.c.data != NULL ? cl.c.data :
	    env != NULL && *env != '\0' ? env : ".";
	o.seeds = opt(O_SEEDS) != NULL;
	o.git = opt(O_GIT) != NULL;
	o.force = opt(O_FORCE) != NULL;
	o.dryrun = cl.c.dryrun;
	o.wait = cl.c.wait;
	return init_dir(&o);
}

/* git's %O %A %B %P, for any of the five tables (sc(7)). */
static int
cmd_merge(void)
{
	return merge_table(cl.argv[0], cl.argv[1], cl.argv[2],
	    cl.argc > 3 ? cl.argv[3] : NULL);
}

/* --- tidy ---------------------------------------------------------------- */

/* A table named on the command line: cities, or cities.csv. */
static const struct schema *
table_arg(const char *name)
{
	size_t i;

	for (i = 0; i < 5; i++)
		if (strcmp(name, schemas[i]->name) == 0 ||
		    strcmp(name, schemas[i]->file) == 0)
			return schemas[i];
	die(EXIT_USAGE, "tidy: no table '%s' (cities, events, attendance, "
	    "partners, followups)", name);
}

static int
in_schemas(const struct schema *const *which, size_t n,
    const struct schema *sc)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (which[i] == sc)
			return 1;
	return 0;
}

static int
cmd_tidy(void)
{
	const struct schema *which[5], *sc;
	struct tidyopt o;
	size_t n = 0;
	int i;

	memset(&o, 0, sizeof(o));
	o.dryrun = cl.c.dryrun;
	if (opt(O_ENCODING) != NULL &&
	    (o.encoding = enc_parse(opt(O_ENCODING))) == -1)
		die(EXIT_USAGE, "--encoding: utf-8 or windows-1252, not '%s'",
		    opt(O_ENCODING));
	if (opt(O_DATE_ORDER) != NULL &&
	    (o.order = order_parse(opt(O_DATE_ORDER))) == -1)
		die(EXIT_USAGE, "--date-order: dmy, mdy or ymd, not '%s'",
		    opt(O_DATE_ORDER));
	for (i = 0; i < cl.argc; i++)
		if (!in_schemas(which, n, sc = table_arg(cl.argv[i])))
			which[n++] = sc;
	for (; cl.argc == 0 && n < 5; n++)
		which[n] = schemas[n];
	return tidy_tables(&st, which, n, &o);
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
			printf("sc-cities %s\n", VERSION);
		finish_stdout();
		return 0;
	}
	if (cl.c.out.fmt == FMT_ICS)
		die(EXIT_USAGE, "--output: ics is for sc-events list and "
		    "sc-followups list; cities have no dates for a calendar");
	if (cl.c.out.fmt == FMT_SVG && cl.verb != LIST)
		die(EXIT_USAGE, "--output: svg is for list only (a map of "
		    "the cities), not for %s", verbs[cl.verb].name);
	if (cl.c.out.fmt == FMT_SVG && cl.c.out.columns != NULL)
		die(EXIT_USAGE, "--columns does not apply to -o svg");
	/* git runs merge with no data directory; init makes one; completion
	 * needs none. */
	if (cl.verb != MERGE && cl.verb != INIT && cl.verb != COMPLETION)
		store_init(&st, cl.c.data, cl.c.wait);
	db_init(&db, &st);
	status = verbs[cl.verb].run();
	finish_stdout();
	return status;
}
