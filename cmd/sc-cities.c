/*
 * sc-cities: the cities of the network, in cities.csv.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

enum { LIST, SHOW, ADD, SET, RM, IMPORT, CHECK, MERGE, TIDY, NVERBS };

static int cmd_list(void), cmd_show(void), cmd_add(void), cmd_set(void),
    cmd_rm(void), cmd_import(void), cmd_check(void), cmd_merge(void),
    cmd_tidy(void);

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
	    "add the cities of a CSV or TSV file" },
	[CHECK] = { "check", cmd_check, 0, 0, "", 0,
	    "validate cities.csv and its references" },
	[MERGE] = { "merge", cmd_merge, 3, 4, "BASE OURS THEIRS [PATH]", 0,
	    "git's merge driver for the five tables, by key and field" },
	[TIDY] = { "tidy", cmd_tidy, 0, -1, "[TABLE...]", 1,
	    "rewrite tables a spreadsheet saved in the canonical form" }
};

static const char *const encodings[] = { "utf-8", "windows-1252", NULL };
static const char *const date_orders[] = { "dmy", "mdy", "ymd", NULL };

#define V(v)	(1u << (v))
enum {
	O_COUNTRY, O_REGION, O_STATUS, O_JOINED_SINCE, O_JOINED_BEFORE, O_VIA,
	O_ATTENDED, O_NAME, O_WITHOUT_FOLLOWUPS, O_JOINED, O_NOTES, O_ID,
	O_FORCE, O_FIELD, O_MAP, O_SKIP_INVALID, O_ENCODING, O_DATE_ORDER,
	NOPTS
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
	    .verbs = V(LIST) | V(ADD) | V(SET),
	    .sc = &schema_cities, .col = C_STATUS },
	[O_JOINED_SINCE] = { "joined-since", 0, OPT_VALUE, "DATE",
	    "joined on or after DATE", .verbs = V(LIST) },
	[O_JOINED_BEFORE] = { "joined-before", 0, OPT_VALUE, "DATE",
	    "joined before DATE", .verbs = V(LIST) },
	[O_VIA] = { "via", 0, OPT_VALUE, "EVENT",
	    "the event at which the city joined",
	    .verbs = V(LIST) | V(ADD) | V(SET),
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
	    "the date the city joined", .verbs = V(ADD) | V(SET) },
	[O_NOTES] = { "notes", 0, OPT_VALUE, "TEXT", "the notes",
	    .verbs = V(ADD) | V(SET) },
	[O_ID] = { "id", 0, OPT_VALUE, "ID",
	    "the id, instead of one made from the name", .verbs = V(ADD) },
	[O_FORCE] = { "force", 0, OPT_FLAG, NULL,
	    "add even if it seems there; rm even if named",
	    .verbs = V(ADD) | V(RM) },
	[O_FIELD] = { "field", 0, OPT_MULTI, "COL=V",
	    "any column, one a user added too", .verbs = V(SET) },
	[O_MAP] = { "map", 0, OPT_MULTI, "COL=SRCCOL",
	    "take COL from the file's column SRCCOL", .verbs = V(IMPORT) },
	[O_SKIP_INVALID] = { "skip-invalid", 0, OPT_FLAG, NULL,
	    "add the valid rows when some are not", .verbs = V(IMPORT) },
	[O_ENCODING] = { "encoding", 0, OPT_VALUE, "ENC",
	    "what the tables are in: utf-8 or windows-1252",
	    .verbs = V(TIDY), .values = encodings },
	[O_DATE_ORDER] = { "date-order", 0, OPT_VALUE, "ORDER",
	    "how to read 01/02/2024: dmy, mdy or ymd",
	    .verbs = V(TIDY), .values = date_orders }
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
	    "                 [--via EVENT] [--id ID] [--notes T] [--force]\n"
	    "       sc-cities set city... [--name|--country|--region|--status|"
	    "--joined|--via|--notes V]\n"
	    "                 [--field COL=V]...\n"
	    "       sc-cities rm [--force] city...\n"
	    "       sc-cities import file|- [--map COL=SRCCOL]... "
	    "[--skip-invalid]\n"
	    "       sc-cities check\n"
	    "       sc-cities merge base ours theirs [path]\n"
	    "       sc-cities tidy [-n] [--encoding E] [--date-order dmy|mdy|ymd]"
	    " [table...]\n"
	    "Try 'sc-cities --help' for more.\n");
	exit(EXIT_USAGE);
}

static const struct tool tool = {
	"sc-cities", verbs, NVERBS, ownopts, NOPTS,
	"csv, tsv, json, table (show: text)", usage
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
"\n"
"Exit status: 0 done, 1 check found problems or merge left conflicts,\n"
"2 usage, 3 bad data, 4 system error.  See sc-cities(1) and sc(7).\n");
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

static int
cmd_list(void)
{
	struct filter f;

	filter_init(&f);
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

static void
show_text(const struct table *t, const struct row *r,
    const struct related *rel)
{
	struct table *ev = db_table(&db, T_EVENTS), *att = rel->att;
	struct table *fu = rel->fu;
	struct row *e, *a, *f;
	size_t i;

	for (i = 0; i < t->ncols; i++)
		vis_line("%-10s %s", t->cols[i], r->f[i]);
	printf("events:\n");
	for (i = 0; i < att->nrows; i++) {
		a = att->rows[i];
		if (strcmp(rget(att, a, A_CITY), rget(t, r, C_ID)) != 0)
			continue;
		e = hmap_get(db_ids(&db, T_EVENTS), rget(att, a, A_EVENT));
		vis_line("  %s  %s  %s  %s", rget(att, a, A_EVENT),
		    rget(att, a, A_ROLE), e ? rget(ev, e, E_START) : "",
		    e ? rget(ev, e, E_NAME) : "");
	}
	printf("follow-ups:\n");
	for (i = 0; i < fu->nrows; i++) {
		f = fu->rows[i];
		if (strcmp(rget(fu, f, F_CITY), rget(t, r, C_ID)) == 0)
			vis_line("  %s  %s  due %s  %s", rget(fu, f, F_ID),
			    rget(fu, f, F_STATUS), *rget(fu, f, F_DUE) ?
			    rget(fu, f, F_DUE) : "-", rget(fu, f, F_ACTION));
	}
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
	struct table *t = db_table(&db, T_CITIES);
	struct row **rows;
	struct out *o;
	size_t i, n;
	int fmt = cl.c.outset ? cl.c.out.fmt : FMT_TEXT;

	if (fmt == FMT_MD)
		die(EXIT_USAGE, "show: -o md is not supported");
	rows = resolve_rows(&db, T_CITIES, &cl.c, cl.argc, cl.argv, &n);
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

/* --- writes -------------------------------------------------------------- */

static void
commit(struct table *t)
{
	if (!cl.c.dryrun)
		store_write(&st, t);
}

/* The city rules of lib/city.c, on this command's data directory. */
static int
taken(const char *id)
{
	return db_taken(&db, T_CITIES, id);
}

static char *
new_city_id(const char *name, const char *cc, const char *region)
{
	return city_new_id(&db, name, cc, region);
}

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

/* The changes add and set share: each option given, in its column. */
static void
apply_options(struct table *t, struct row *r)
{
	char buf[11], *was = xstrdup(rget(t, r, C_STATUS));

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
		    rget(db_table(&db, T_EVENTS),
		    db_find(&db, T_EVENTS, opt(O_VIA)), E_ID));
	if (opt(O_NOTES) != NULL)
		rset(t, r, C_NOTES, opt(O_NOTES));
	joined_today(t, r, was);
	free(was);
}

static void
refuse_duplicate(struct table *t, struct row *r)
{
	struct hmap *keys;
	struct row *dup;

	keys = city_keys(t, t->nrows - 1);	/* all but the new row */
	dup = city_key_find(keys, t, r);
	hmap_free(keys);
	if (dup != NULL)
		die_at(EXIT_DATA, t->label, dup->line, "'%s' is already %s; "
		    "use --force to add it anyway", rget(t, r, C_NAME),
		    rget(t, dup, C_ID));
}

static int
cmd_add(void)
{
	struct table *t;
	struct row *r;
	char *id;

	store_lock(&st);
	t = db_table(&db, T_CITIES);
	r = table_newrow(t);
	set_name(t, r, cl.argv[0]);
	apply_options(t, r);
	if (opt(O_STATUS) == NULL)
		rset(t, r, C_STATUS, "prospect");
	if (opt(O_ID) != NULL) {
		if (taken(opt(O_ID)))
			die(EXIT_DATA, "id '%s' is already taken", opt(O_ID));
		id = xstrdup(opt(O_ID));
	} else
		id = new_city_id(rget(t, r, C_NAME), rget(t, r, C_COUNTRY),
		    rget(t, r, C_REGION));
	rset(t, r, C_ID, id);
	free(id);
	if (opt(O_FORCE) == NULL)
		refuse_duplicate(t, r);
	add_rows(&db, T_CITIES, &cl.c, &r, 1);
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
	struct hmap *keys;
	size_t	 added, skipped, rejected;
};

static int
source_col(const struct rec *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (strcmp(h->f[i], name) == 0)
			return (int)i;
	return -1;
}

static void
map_columns(struct import *im, const struct rec *h)
{
	const struct schema *sc = &schema_cities;
	const char *m, *eq;
	size_t i, j;

	for (j = 0; j < sc->ncols; j++)
		im->src[j] = source_col(h, sc->cols[j]);
	for (i = 0; i < cl.nmulti[O_MAP]; i++) {
		m = cl.multi[O_MAP][i];
		if ((eq = strchr(m, '=')) == NULL || eq == m || eq[1] == '\0')
			die(EXIT_USAGE, "--map: want COL=SRCCOL, not '%s'", m);
		for (j = 0; j < sc->ncols; j++)
			if (strncmp(sc->cols[j], m, (size_t)(eq - m)) == 0 &&
			    sc->cols[j][eq - m] == '\0')
				break;
		if (j == sc->ncols)
			die(EXIT_USAGE, "--map: cities.csv has no column "
			    "'%.*s'", (int)(eq - m), m);
		if ((im->src[j] = source_col(h, eq + 1)) < 0)
			die_at(EXIT_DATA, rd_name(im->rd), h->line,
			    "no column '%s' to map to %s", eq + 1, sc->cols[j]);
	}
	if (im->src[C_NAME] < 0 || im->src[C_COUNTRY] < 0)
		die_at(EXIT_DATA, rd_name(im->rd), h->line, "no %s column "
		    "(use --map %s=COLUMN)", im->src[C_NAME] < 0 ? "name" :
		    "country", im->src[C_NAME] < 0 ? "name" : "country");
}

static const char *
source(const struct import *im, const struct rec *rec, int col)
{
	return im->src[col] >= 0 ? rec->f[im->src[col]] : "";
}

/* One source row: skipped, rejected, or added as the table's last row. */
static void
import_row(struct import *im, struct table *t, const struct rec *rec)
{
	struct row *r;
	char *id;
	int col;

	r = table_newrow(t);
	r->line = rec->line;
	r->src = rd_name(im->rd);
	for (col = 0; col < (int)t->sc->ncols; col++)
		rset(t, r, col, source(im, rec, col));
	set_name(t, r, rget(t, r, C_NAME));
	set_upper(t, r, C_COUNTRY, rget(t, r, C_COUNTRY));
	set_upper(t, r, C_REGION, rget(t, r, C_REGION));
	if (*rget(t, r, C_STATUS) == '\0')
		rset(t, r, C_STATUS, "prospect");
	if (city_key_find(im->keys, t, r) != NULL || (*rget(t, r, C_ID) != '\0' &&
	    hmap_get(db_ids(&db, T_CITIES), rget(t, r, C_ID)) != NULL)) {
		im->skipped++;
		table_remove_rows(t, &r, 1);
	} else if (*rget(t, r, C_ID) == '\0') {
		/* A row with no name or country still gets an id, so that
		 * its real problem is the one reported. */
		id = new_city_id(rget(t, r, C_NAME), *rget(t, r, C_COUNTRY) ?
		    rget(t, r, C_COUNTRY) : "xx", rget(t, r, C_REGION));
		rset(t, r, C_ID, id);
		free(id);
	}
	if (t->nrows > 0 && t->rows[t->nrows - 1] == r) {
		if (check_row(&db, T_CITIES, r) > 0) {
			im->rejected++;
			table_remove_rows(t, &r, 1);
		} else {
			im->added++;
			city_key_add(im->keys, t, r);
			db_added(&db, T_CITIES, r);
		}
	}
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

static int
cmd_import(void)
{
	struct import im;
	struct table *t;
	struct rec rec, *src;
	size_t first, i, nsrc;

	memset(&im, 0, sizeof(im));
	im.rd = rd_open(cl.argv[0], cl.c.infmt);
	if (!rd_next(im.rd, &rec))
		die(EXIT_DATA, "%s: empty file, no header", rd_name(im.rd));
	map_columns(&im, &rec);
	src = read_source(im.rd, &nsrc);
	store_lock(&st);
	t = db_table(&db, T_CITIES);
	first = t->nrows;
	im.keys = city_keys(t, t->nrows);
	db_ids(&db, T_CITIES);
	for (i = 0; i < nsrc; i++)
		import_row(&im, t, &src[i]);
	note("import: %zu added, %zu skipped, %zu rejected", im.added,
	    im.skipped, im.rejected);
	if (im.rejected > 0 && opt(O_SKIP_INVALID) == NULL)
		die(EXIT_DATA, "import: nothing written (--skip-invalid adds "
		    "the valid rows)");
	if (im.added > 0)
		commit(t);
	if (cl.c.dryrun)
		out_rows(&cl.c.out, t, t->rows + first, t->nrows - first);
	rd_close(im.rd);
	hmap_free(im.keys);
	for (i = 0; i < nsrc; i++)
		free(src[i].f);
	free(src);
	return 0;
}

static int
cmd_check(void)
{
	return check_table(&db, T_CITIES) > 0 ? EXIT_NO : 0;
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
	if (cl.verb != MERGE)	/* git runs it with no data directory */
		store_init(&st, cl.c.data, cl.c.wait);
	db_init(&db, &st);
	status = verbs[cl.verb].run();
	finish_stdout();
	return status;
}
