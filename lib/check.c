/*
 * check.c: what makes a row valid, and the lookups that resolve its
 * references.  Tables are loaded on first use and indexed by id in a hash
 * map, so that checking every reference of a table is linear in its rows.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

static const char *const city_status[] = {
	"prospect", "introduced", "member", "former", NULL
};
static const char *const event_status[] = {
	"planned", "held", "cancelled", NULL
};
static const char *const roles[] = { "host", "participant", "speaker", NULL };
static const char *const followup_status[] = {
	"open", "done", "cancelled", NULL
};

void
db_init(struct db *db, struct store *st)
{
	memset(db, 0, sizeof(*db));
	db->st = st;
}

struct table *
db_table(struct db *db, int tab)
{
	if (db->t[tab] == NULL)
		db->t[tab] = store_load(db->st, schemas[tab]);
	return db->t[tab];
}

/* The id index of cities, events or follow-ups: the first row wins. */
struct hmap *
db_ids(struct db *db, int tab)
{
	struct table *t;
	size_t i;

	if (db->ids[tab] != NULL)
		return db->ids[tab];
	t = db_table(db, tab);
	db->ids[tab] = hmap_new();
	for (i = 0; i < t->nrows; i++)
		if (hmap_get(db->ids[tab], rget(t, t->rows[i], 0)) == NULL)
			hmap_put(db->ids[tab], rget(t, t->rows[i], 0),
			    t->rows[i]);
	return db->ids[tab];
}

void
db_added(struct db *db, int tab, struct row *r)
{
	if (db->ids[tab] != NULL)
		hmap_put(db->ids[tab], rget(db->t[tab], r, 0), r);
}

static const char *
noun(int tab)
{
	return tab == T_CITIES ? "city" : tab == T_EVENTS ? "event" :
	    "follow-up";
}

static void
name_matches(struct db *db, int tab, const char *arg, struct row **exact,
    struct row **part, int *nexact, int *npart)
{
	struct table *t = db_table(db, tab);
	char *key = fold_name(arg), *name;
	size_t i;

	*nexact = *npart = 0;
	for (i = 0; i < t->nrows; i++) {
		name = fold_name(rget(t, t->rows[i], C_NAME));
		if (strcmp(name, key) == 0)
			exact[(*nexact)++ < 8 ? *nexact - 1 : 7] = t->rows[i];
		else if (*key != '\0' && strstr(name, key) != NULL)
			part[(*npart)++ < 8 ? *npart - 1 : 7] = t->rows[i];
		free(name);
	}
	free(key);
}

static void
ambiguous(struct db *db, int tab, const char *arg, struct row **rows, int n)
{
	struct buf b = { 0 };
	int i;

	for (i = 0; i < n && i < 8; i++) {
		buf_adds(&b, i ? ", " : "");
		buf_adds(&b, rget(db->t[tab], rows[i], 0));
	}
	die(EXIT_DATA, "%s name '%s' is ambiguous: %s%s; give an id", noun(tab),
	    arg, b.s, n > 8 ? ", ..." : "");
}

/*
 * A row named by its id or, for cities and events, by a name: an exact
 * match of the folded name first, else a unique folded substring.  NULL
 * when nothing matches; an ambiguous name is an error.
 */
struct row *
db_lookup(struct db *db, int tab, const char *arg)
{
	struct row *r, *exact[8], *part[8];
	int nexact, npart;

	if ((r = hmap_get(db_ids(db, tab), arg)) != NULL)
		return r;
	if (tab == T_CITIES || tab == T_EVENTS) {
		name_matches(db, tab, arg, exact, part, &nexact, &npart);
		if (nexact == 1)
			return exact[0];
		if (nexact > 1)
			ambiguous(db, tab, arg, exact, nexact);
		if (npart == 1)
			return part[0];
		if (npart > 1)
			ambiguous(db, tab, arg, part, npart);
	}
	return NULL;
}

static void
unknown(int tab, const char *arg)
{
	note("unknown %s '%s'", noun(tab), arg);
}

struct row *
db_find(struct db *db, int tab, const char *arg)
{
	struct row *r;

	if ((r = db_lookup(db, tab, arg)) == NULL) {
		unknown(tab, arg);
		exit(EXIT_DATA);
	}
	return r;
}

/*
 * The rows that n names stand for.  Every unknown name is named, one line
 * each, before the exit: a user fixes them all in one go.
 */
struct row **
db_find_all(struct db *db, int tab, char *const *names, size_t n)
{
	struct row **rows = xcalloc(n, sizeof(*rows));
	size_t i, bad = 0;

	for (i = 0; i < n; i++)
		if ((rows[i] = db_lookup(db, tab, names[i])) == NULL) {
			unknown(tab, names[i]);
			bad++;
		}
	if (bad > 0)
		exit(EXIT_DATA);
	return rows;
}

const char *
row_label(const struct table *t, const struct row *r)
{
	return r->src != NULL ? r->src : r->line > 0 ? t->label : NULL;
}

static int __attribute__((format(printf, 4, 5)))
problem(const struct table *t, const struct row *r, int col,
    const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	warn_at(row_label(t, r), r->line, "%s: %s", t->sc->cols[col], msg);
	return 1;
}

static int
in_list(const char *v, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(v, *list) == 0)
			return 1;
	return 0;
}

/* What is wrong with v as a value of the enumeration; 0 when nothing is. */
static int
enum_problem(const char *v, const char *const *list, char *msg, size_t len)
{
	struct buf b = { 0 };
	int i;

	if (*v == '\0' || in_list(v, list))
		return 0;
	for (i = 0; list[i] != NULL; i++) {
		buf_adds(&b, i ? ", " : "");
		buf_adds(&b, list[i]);
	}
	snprintf(msg, len, "invalid value '%s' (one of: %s)", v, b.s);
	buf_free(&b);
	return 1;
}

static int
check_enum(const struct table *t, const struct row *r, int col,
    const char *const *list)
{
	char msg[512];

	if (!enum_problem(rget(t, r, col), list, msg, sizeof(msg)))
		return 0;
	return problem(t, r, col, "%s", msg);
}

/* What a date column takes, for a message: " (want YYYY-MM-DD)". */
static const char *
date_want(int reduced)
{
	static char want[80];

	snprintf(want, sizeof(want), " (want %s)", date_forms(reduced, 0));
	return want;
}

static int
check_date(const struct table *t, const struct row *r, int col, int reduced)
{
	const char *v = rget(t, r, col);
	struct date d;

	if (*v == '\0')
		return 0;
	if (date_parse(v, &d) == -1 || (!reduced && d.prec != DATE_DAY))
		return problem(t, r, col, "invalid date '%s'%s", v,
		    *spreadsheet_hint(v) ? spreadsheet_hint(v) :
		    date_want(reduced));
	return 0;
}

/*
 * The values that read verbs interpret: an enumeration, or a date (NULL),
 * which a read verb takes reduced or not.  A value is readable when it is
 * valid, or empty where it is not required; check is stricter about full
 * dates.
 */
static const struct readable {
	int	 tab, col;
	const char *const *values;
	int	 reduced;	/* a date column that check allows reduced */
} readable[] = {
	{ T_CITIES, C_STATUS, city_status, 0 }, { T_CITIES, C_JOINED, NULL, 0 },
	{ T_EVENTS, E_START, NULL, 1 }, { T_EVENTS, E_END, NULL, 1 },
	{ T_EVENTS, E_STATUS, event_status, 0 },
	{ T_ATTENDANCE, A_ROLE, roles, 0 }, { T_FOLLOWUPS, F_DUE, NULL, 1 },
	{ T_FOLLOWUPS, F_STATUS, followup_status, 0 },
	{ T_FOLLOWUPS, F_CLOSED, NULL, 0 }
};

/*
 * Whether a read verb can interpret v as column col of table tab; when it
 * cannot, msg says why, in check's words.
 */
int
value_readable(int tab, int col, const char *v, char *msg, size_t len)
{
	struct date d;
	size_t i;

	for (i = 0; i < sizeof(readable) / sizeof(readable[0]); i++) {
		if (readable[i].tab != tab || readable[i].col != col)
			continue;
		if (*v == '\0' && (schemas[tab]->required & (1u << col))) {
			snprintf(msg, len, "required value is empty");
			return 0;
		}
		if (*v == '\0')
			return 1;
		if (readable[i].values != NULL)
			return !enum_problem(v, readable[i].values, msg, len);
		if (date_parse(v, &d) == 0)
			return 1;
		snprintf(msg, len, "invalid date '%s' (want %s)", v,
		    date_forms(readable[i].reduced, 0));
		return 0;
	}
	return 1;
}

/*
 * Whether a follow-up of this status means that the city it names has
 * been followed up: an open or a done one does; a cancelled one does not,
 * since nobody followed up.  -1 for a status that is none of these.  The
 * report and sc-cities list --without-followups both ask this.
 */
int
followed_up(const char *status)
{
	if (strcmp(status, "open") == 0 || strcmp(status, "done") == 0)
		return 1;
	return strcmp(status, "cancelled") == 0 ? 0 : -1;
}

static int
check_ref(struct db *db, const struct table *t, const struct row *r, int col,
    int tab)
{
	const char *v = rget(t, r, col);

	if (*v == '\0' || hmap_get(db_ids(db, tab), v) != NULL)
		return 0;
	return problem(t, r, col, "unknown %s '%s'", noun(tab), v);
}

/* Ids of cities and events are slugs; follow-ups' are positive integers. */
int
valid_id(int tab, const char *s)
{
	const char *p;

	if (tab == T_FOLLOWUPS) {
		if (*s < '1' || *s > '9' || strlen(s) > 18)
			return 0;
		return strspn(s, "0123456789") == strlen(s);
	}
	if (*s == '\0' || *s == '-' || s[strlen(s) - 1] == '-')
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-'))
			return 0;
	return 1;
}

static int
check_required(const struct table *t, const struct row *r)
{
	size_t i;
	int n = 0;

	/* A required column that the file lacks was reported once, as such. */
	for (i = 0; i < t->sc->ncols; i++)
		if ((t->sc->required & (1u << i)) && *rget(t, r, (int)i) == '\0'
		    && (size_t)t->pos[i] < t->ncols - t->nextra)
			n += problem(t, r, (int)i, "required value is empty");
	if (t->sc->cols[0][0] == 'i' && *rget(t, r, 0) != '\0' &&
	    !valid_id(t->sc == &schema_followups ? T_FOLLOWUPS : T_CITIES,
	    rget(t, r, 0)))
		n += problem(t, r, 0, "invalid id '%s' (%s)", rget(t, r, 0),
		    t->sc == &schema_followups ? "a positive integer" :
		    "lower-case letters, digits and '-'");
	return n;
}

/*
 * The columns of free text, which no other check looks at, by schema
 * column: 'l' a line (a name, a label, a web address), 't' lines of text
 * (notes, a follow-up's action).  Ids, codes, dates, states and
 * references have their own stricter checks.
 */
static const char *const text_cols[5] = {
	[T_CITIES] = "-l-----t",
	[T_EVENTS] = "-llll---lt",
	[T_ATTENDANCE] = "---t",
	[T_PARTNERS] = "-llt",
	[T_FOLLOWUPS] = "-t--l----t"
};

/*
 * Text holds no control character (tabs and line ends aside, in lines of
 * text), and a line no invisible one either: such a name would look like
 * another, or act on the terminal that shows it.  A required line must
 * show something.  The message quotes the character as a person sees it
 * (err.c shows every message so).
 */
static int
check_text(const struct table *t, const struct row *r, int tab)
{
	const char *kinds = text_cols[tab], *v, *bad;
	size_t i, len;
	int32_t cp;
	int n = 0;

	for (i = 0; kinds[i] != '\0' && i < t->sc->ncols; i++) {
		if (kinds[i] == '-' || *(v = rget(t, r, (int)i)) == '\0')
			continue;
		if ((bad = vis_find(v, kinds[i] == 't', &len, &cp)) != NULL)
			n += problem(t, r, (int)i, "%s character %.*s in '%s'",
			    cp < 0 ? "invalid" : cp < 0xA0 ? "control" :
			    "invisible", (int)len, bad, v);
		else if (kinds[i] == 'l' && (t->sc->required & (1u << i)) &&
		    vis_blank(v))
			n += problem(t, r, (int)i, "no visible character in "
			    "'%s'", v);
	}
	return n;
}

static int
check_city(struct db *db, const struct table *t, const struct row *r)
{
	const char *cc = rget(t, r, C_COUNTRY), *region = rget(t, r, C_REGION);
	int n = 0;

	if (*cc != '\0' && !iso_country_ok(cc))
		n += problem(t, r, C_COUNTRY, "unknown country code '%s' "
		    "(ISO 3166-1 alpha-2, upper case)", cc);
	else if (*region != '\0' && !iso_region_ok(cc, region))
		n += problem(t, r, C_REGION, "'%s' is not an ISO 3166-2 region "
		    "of %s", region, cc);
	n += check_enum(t, r, C_STATUS, city_status);
	n += check_date(t, r, C_JOINED, 0);
	n += check_ref(db, t, r, C_VIA, T_EVENTS);
	return n;
}

static int
check_event(struct db *db, const struct table *t, const struct row *r)
{
	struct date s, e;
	int n = 0;

	n += check_date(t, r, E_START, 1);
	n += check_date(t, r, E_END, 1);
	if (n == 0 && date_parse(rget(t, r, E_START), &s) == 0 &&
	    date_parse(rget(t, r, E_END), &e) == 0 &&
	    date_last(&e) < date_first(&s))
		n += problem(t, r, E_END, "'%s' is before the start, '%s'",
		    rget(t, r, E_END), rget(t, r, E_START));
	n += check_ref(db, t, r, E_CITY, T_CITIES);
	n += check_enum(t, r, E_STATUS, event_status);
	return n;
}

static int
check_followup(struct db *db, const struct table *t, const struct row *r)
{
	int n = 0;

	n += check_ref(db, t, r, F_EVENT, T_EVENTS);
	n += check_ref(db, t, r, F_CITY, T_CITIES);
	n += check_date(t, r, F_DUE, 1);
	n += check_enum(t, r, F_STATUS, followup_status);
	n += check_date(t, r, F_CREATED, 0);
	n += check_date(t, r, F_CLOSED, 0);
	return n;
}

static int
is_marker(const char *p, const char *mark)
{
	return strncmp(p, mark, 7) == 0 && strchr(" \r\n", p[7]) != NULL;
}

/*
 * The line (the field's first is 1) of the first git conflict marker in
 * a multi-line value, or 0: a merge that stopped inside a quoted field
 * leaves well-formed records, and only this finds it.  A "=======" line
 * counts only before another marker, since some write headings so.
 */
static long
marker_line(const char *v)
{
	const char *p = v;
	long line = 1, sep = 0;

	while ((p = strpbrk(p, "\r\n")) != NULL) {
		p += p[0] == '\r' && p[1] == '\n' ? 2 : 1;
		line++;
		if (is_marker(p, "<<<<<<<") || is_marker(p, ">>>>>>>") ||
		    is_marker(p, "|||||||"))
			return sep != 0 ? sep : line;
		if (sep == 0 && is_marker(p, "======="))
			sep = line;
	}
	return 0;
}

/*
 * Whether a value may hold a line break.  A row read from a file holds
 * its values in one block, which one look covers; only the values set
 * since, allocated alone, need one of their own.
 */
static int
in_block(const struct row *r, const char *v)
{
	return (uintptr_t)v >= (uintptr_t)r->block &&
	    (uintptr_t)v < (uintptr_t)r->block_end;
}

static int
may_break(const struct table *t, const struct row *r)
{
	size_t i, len = (size_t)(r->block_end - r->block);

	if (memchr(r->block, '\n', len) != NULL ||
	    memchr(r->block, '\r', len) != NULL)
		return 1;
	for (i = 0; i < t->ncols; i++)
		if (r->f[i][0] != '\0' && !in_block(r, r->f[i]))
			return 1;
	return 0;
}

/* Every column, those a user added too, for conflict markers. */
static int
check_markers(const struct table *t, const struct row *r)
{
	size_t i;
	long line;
	int n = 0;

	if (!may_break(t, r))
		return 0;
	for (i = 0; i < t->ncols; i++) {
		if ((line = marker_line(r->f[i])) == 0)
			continue;
		/* The reader counts line ends alike: the marker's own line. */
		if (r->line > 0 && in_block(r, r->f[i]))
			warn_at(row_label(t, r), r->line, "%s: git conflict "
			    "marker on line %ld, inside the value: finish the "
			    "merge (see sc(7))", t->cols[i], r->line + line - 1);
		else
			warn_at(row_label(t, r), r->line, "%s: git conflict "
			    "marker on line %ld of the value: finish the merge "
			    "(see sc(7))", t->cols[i], line);
		n++;
	}
	return n;
}

/* Returns the number of problems, each already reported. */
int
check_row(struct db *db, int tab, const struct row *r)
{
	const struct table *t = db_table(db, tab);
	int n;

	n = check_required(t, r) + check_text(t, r, tab) +
	    check_markers(t, r);
	switch (tab) {
	case T_CITIES:
		return n + check_city(db, t, r);
	case T_EVENTS:
		return n + check_event(db, t, r);
	case T_ATTENDANCE:
		n += check_ref(db, t, r, A_EVENT, T_EVENTS);
		n += check_ref(db, t, r, A_CITY, T_CITIES);
		return n + check_enum(t, r, A_ROLE, roles);
	case T_PARTNERS:
		return n + check_ref(db, t, r, P_EVENT, T_EVENTS);
	default:
		return n + check_followup(db, t, r);
	}
}

/* Problems in the rows to write are reported, then nothing is written. */
void
validate_rows(struct db *db, int tab, struct row **rows, size_t n)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < n; i++)
		bad += check_row(db, tab, rows[i]);
	if (bad)
		die(EXIT_DATA, "%d problem%s; nothing written", bad,
		    bad == 1 ? "" : "s");
}

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

/* The key that must be unique in a table: the id, or the pair. */
static char *
unique_key(const struct table *t, const struct row *r, int tab)
{
	if (tab == T_ATTENDANCE)
		return xasprintf("%s\t%s", rget(t, r, A_EVENT),
		    rget(t, r, A_CITY));
	if (tab == T_PARTNERS) {
		char *org = fold_name(rget(t, r, P_ORGANISATION)), *k;

		k = xasprintf("%s\t%s", rget(t, r, P_EVENT), org);
		free(org);
		return k;
	}
	return xstrdup(rget(t, r, 0));
}

static int
check_unique(struct db *db, int tab)
{
	struct table *t = db_table(db, tab);
	struct hmap *seen = hmap_new();
	struct row *first;
	size_t i;
	char *k;
	int n = 0;

	for (i = 0; i < t->nrows; i++) {
		k = unique_key(t, t->rows[i], tab);
		if ((first = hmap_get(seen, k)) != NULL)
			n += problem(t, t->rows[i], tab == T_PARTNERS ?
			    P_ORGANISATION : tab == T_ATTENDANCE ? A_CITY : 0,
			    "duplicate of line %ld", first->line);
		else
			hmap_put(seen, k, t->rows[i]);
		free(k);
	}
	hmap_free(seen);
	return n;
}

/*
 * check reads on past malformed records, each reported and counted, in
 * this table and in those its references lead to: one run lists them all.
 */
int
check_table(struct db *db, int tab)
{
	long before = rd_malformed();
	struct table *t;
	size_t i;
	int n = 0;

	rd_keep_going(1);
	t = db_table(db, tab);
	for (i = 0; i < t->nrows; i++)
		n += check_row(db, tab, t->rows[i]);
	n += check_unique(db, tab);
	return n + (int)(rd_malformed() - before);
}

/*
 * The values column col of sc allows, for completion; NULL when it is
 * not an enumeration.  One place to ask, whichever table keeps them.
 */
const char *const *
column_values(const struct schema *sc, int col)
{
	size_t i;

	for (i = 0; i < sizeof(readable) / sizeof(readable[0]); i++)
		if (schemas[readable[i].tab] == sc && readable[i].col == col)
			return readable[i].values;
	return NULL;
}
