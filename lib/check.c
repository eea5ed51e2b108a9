/*
 * check.c: what makes a row valid, and the lookups that resolve its
 * references.  Tables are loaded on first use and indexed by id in a hash
 * map, so that checking every reference of a table is linear in its rows.
 * check itself loads no table: it streams the table it checks, and keeps
 * only keys (those seen, for uniqueness; the ids of the tables it refers
 * to), so that its memory is a fraction of the table's size.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

void
db_init(struct db *db, struct store *st)
{
	memset(db, 0, sizeof(*db));
	db->st = st;
}

/*
 * A table read only in part is kept until the end, when the whole one
 * replaces it: rows found in it earlier stay valid.  Both come from the
 * same file, so their columns are the same.
 */
static void
db_retire(struct db *db, int tab)
{
	db->retired = xreallocarray(db->retired, db->nretired + 1,
	    sizeof(*db->retired));
	db->retired[db->nretired++] = db->t[tab];
	db->t[tab] = NULL;
	hmap_free(db->ids[tab]);
	db->ids[tab] = NULL;
	hmap_free(db->covered[tab]);
	db->covered[tab] = NULL;
	db->mode[tab] = DB_NONE;
}

struct table *
db_table(struct db *db, int tab)
{
	if (db->mode[tab] == DB_PARTIAL)
		db_retire(db, tab);
	if (db->t[tab] == NULL) {
		db->t[tab] = store_load(db->st, schemas[tab]);
		db->mode[tab] = DB_FULL;
	}
	return db->t[tab];
}

/* The id index of the rows in memory, whole table or part: the first wins. */
static struct hmap *
db_index(struct db *db, int tab)
{
	struct table *t = db->t[tab];
	size_t i;

	if (db->ids[tab] != NULL)
		return db->ids[tab];
	db->ids[tab] = hmap_new();
	for (i = 0; i < t->nrows; i++)
		if (hmap_get(db->ids[tab], rget(t, t->rows[i], 0)) == NULL)
			hmap_put(db->ids[tab], rget(t, t->rows[i], 0),
			    t->rows[i]);
	return db->ids[tab];
}

/* The id index of cities, events or follow-ups, of the whole table. */
struct hmap *
db_ids(struct db *db, int tab)
{
	db_table(db, tab);
	return db_index(db, tab);
}

/*
 * A streaming write's own table: the rows it keeps (those it changes or
 * adds), under the table's columns, so that check_row() and messages
 * find them.  It is never read whole in the same run.
 */
void
db_keep(struct db *db, int tab, struct table *t)
{
	db->t[tab] = t;
	db->mode[tab] = DB_KEPT;
}

/* Whether a table read in part holds the rows that key names. */
static int
db_covers(const struct db *db, int tab, const char *key)
{
	return db->mode[tab] != DB_PARTIAL ||
	    hmap_get(db->covered[tab], key) != NULL;
}

/* What a part of a table is read for: ids, and for cities and events names. */
struct narrow {
	int	 tab;
	struct hmap *keys;
	char	**folded;	/* the keys folded, for names */
	size_t	 n;
};

static int
folded_match(const char *name, char *const *folded, size_t n)
{
	char *key = fold_name(name);
	size_t i;
	int found = 0;

	for (i = 0; i < n && !found; i++)
		found = strcmp(key, folded[i]) == 0 ||
		    (*folded[i] != '\0' && strstr(key, folded[i]) != NULL);
	free(key);
	return found;
}

static int
narrowed(const struct scan *s, void *arg)
{
	const struct narrow *nw = arg;

	if (hmap_get(nw->keys, sget(s, 0)) != NULL)
		return 1;
	return (nw->tab == T_CITIES || nw->tab == T_EVENTS) &&
	    folded_match(sget(s, C_NAME), nw->folded, nw->n);
}

/*
 * Reads of table tab only the rows that keys may name, by id or, for
 * cities and events, by name: every row a lookup of one of them could
 * find, so that lookups give what they give on the whole table, in
 * memory that does not grow with it.  A table already read whole stays.
 */
void
db_narrow(struct db *db, int tab, char *const *keys, size_t n)
{
	struct narrow nw = { tab, NULL, NULL, 0 };
	struct table *t;
	size_t i;

	if (db->mode[tab] == DB_FULL || db->mode[tab] == DB_KEPT)
		return;
	for (i = 0; i < n && db_covers(db, tab, keys[i]); i++)
		;
	if (i == n && db->mode[tab] == DB_PARTIAL)
		return;
	nw.keys = hmap_new();
	nw.folded = xreallocarray(NULL, n + 1, sizeof(*nw.folded));
	for (i = 0; i < n; i++) {
		hmap_put(nw.keys, keys[i], nw.keys);
		nw.folded[nw.n++] = fold_name(keys[i]);
	}
	if (db->mode[tab] == DB_PARTIAL) {
		/* Read again for the keys before and the new ones at once. */
		t = db->t[tab];
		for (i = 0; i < t->nrows; i++)
			hmap_put(nw.keys, rget(t, t->rows[i], 0), nw.keys);
		db_retire(db, tab);
	}
	db->t[tab] = store_filter(db->st, schemas[tab], narrowed, &nw);
	db->mode[tab] = DB_PARTIAL;
	db->covered[tab] = nw.keys;
	t = db->t[tab];
	for (i = 0; i < t->nrows; i++)
		hmap_put(db->covered[tab], rget(t, t->rows[i], 0), nw.keys);
	free_list(nw.folded, nw.n);
}

/* The row whose id is key, or NULL: from a part of the table if it holds it. */
struct row *
db_get(struct db *db, int tab, const char *key)
{
	if (!db_covers(db, tab, key) || db->t[tab] == NULL)
		db_table(db, tab);
	return hmap_get(db_index(db, tab), key);
}

/* The first row, of a table that names an id of another, as messages want it. */
static void
referrer_set(struct hmap *named, const char *id, const struct scan *s)
{
	struct referrer *ref = xmalloc(sizeof(*ref) + strlen(s->t->label) + 1);

	ref->line = s->rec.line;
	ref->label = (char *)(ref + 1);
	strcpy((char *)(ref + 1), s->t->label);
	hmap_put(named, id, ref);
}

/*
 * Adds to named the ids, of those in want (or all when want is NULL),
 * that column col of table from names, each with the first row that
 * names it.  One streaming pass that reads one column: the other
 * table's rows are never kept.
 */
static void
add_named(struct db *db, struct hmap *named, const struct hmap *want,
    int from, int col)
{
	struct scan s;
	const char *v;

	scan_open(&s, schemas[from], store_reader(db->st, schemas[from]));
	while (scan_next(&s)) {
		v = sget(&s, col);
		if (*v == '\0' || (want != NULL && hmap_get(want, v) == NULL) ||
		    hmap_get(named, v) != NULL)
			continue;
		referrer_set(named, v, &s);
	}
	scan_close(&s);
}

/*
 * The ids of table tab that other tables name, as the schema's
 * references say, each with the first row that names it; of the ids in
 * want, or of all when want is NULL.  The tables after tab are read
 * first, then those before it: a row that hangs off a city or an event
 * (attendance, a follow-up) is found before a city's via.  The tables
 * are read as they are on disk: a verb asks before it changes any.
 */
static struct hmap *
named_in(struct db *db, int tab, const struct hmap *want, char *const *ids,
    size_t n)
{
	const struct schema *sc;
	struct hmap *named = hmap_new();
	size_t i, col;

	for (i = 1; i < NELEM(schemas); i++) {
		sc = schemas[(tab + i) % NELEM(schemas)];
		/* A table whose bytes hold none of the ids names none. */
		if (ids != NULL && !store_holds(db->st, sc, ids, n))
			continue;
		for (col = 0; col < sc->ncols; col++)
			if (sc->refs[col] == schemas[tab])
				add_named(db, named, want, sc->tab, (int)col);
	}
	return named;
}

enum { FEW_IDS = 16 };

/*
 * The ids to look for in a table's bytes: those that hold none of the
 * others, since where fr-dijon-2 stands fr-dijon stands too.
 */
static char **
needles(char *const *ids, size_t n, size_t *k)
{
	char **v = xreallocarray(NULL, n + 1, sizeof(*v));
	size_t i, j;

	for (i = *k = 0; i < n; i++) {
		for (j = 0; j < n; j++)
			if (j != i && strstr(ids[i], ids[j]) != NULL &&
			    (strlen(ids[j]) < strlen(ids[i]) || j < i))
				break;
		if (j == n)
			v[(*k)++] = ids[i];
	}
	return v;
}

/* The referrers asked so far go: they were asked for other ids. */
static void
named_drop(struct db *db, int tab)
{
	hmap_free_all(db->named[tab], free);
	hmap_free(db->named_for[tab]);
	db->named[tab] = NULL;
	db->named_for[tab] = NULL;
}

/*
 * Asks, in one pass over the tables that name rows of tab, which of ids
 * they name: db_referrer() then answers for these without
 * reading the tables again, and for others by reading them whole.
 */
void
db_referrers(struct db *db, int tab, char *const *ids, size_t n)
{
	struct hmap *want = hmap_new();
	char **v;
	size_t i, k;

	if (db->named[tab] != NULL && db->named_for[tab] == NULL)
		return;
	for (i = 0; i < n; i++)
		hmap_put(want, ids[i], want);
	if (db->named[tab] != NULL)
		named_drop(db, tab);
	/*
	 * A few ids (an add's candidates) are first looked for in the
	 * bytes; many (an import's) cost less read as records.
	 */
	v = n <= FEW_IDS ? needles(ids, n, &k) : NULL;
	db->named[tab] = named_in(db, tab, want, v, v != NULL ? k : 0);
	db->named_for[tab] = want;
	free(v);
}

/*
 * Which row of which table names id, a key of table tab: the first one,
 * or NULL when none does.  rm refuses while one does.
 */
const struct referrer *
db_referrer(struct db *db, int tab, const char *id)
{
	if (db->named[tab] != NULL && db->named_for[tab] != NULL &&
	    hmap_get(db->named_for[tab], id) == NULL)
		named_drop(db, tab);
	if (db->named[tab] == NULL)
		db->named[tab] = named_in(db, tab, NULL, NULL, 0);
	return hmap_get(db->named[tab], id);
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
	struct table *t = db->t[tab];
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

	if (!db_covers(db, tab, arg) || db->t[tab] == NULL)
		db_table(db, tab);
	if ((r = hmap_get(db_index(db, tab), arg)) != NULL)
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

/* What is wrong with v as a value of the enumeration; 0 when nothing is. */
static int
enum_problem(const char *v, const char *const *values, char *msg, size_t len)
{
	char *spelt;

	if (*v == '\0' || in_values(v, values))
		return 0;
	spelt = values_spelt(values);
	snprintf(msg, len, "invalid value '%s' (one of: %s)", v, spelt);
	free(spelt);
	return 1;
}

/*
 * Whether a read verb can interpret v as column col of table tab (one of
 * its values, or a date, which a read verb takes reduced or not); when
 * it cannot, msg says why, in check's words.  A value is readable when
 * it is valid, or empty where it is not required; check is stricter
 * about full dates.
 */
int
value_readable(int tab, int col, const char *v, char *msg, size_t len)
{
	const struct schema *sc = schemas[tab];
	unsigned bit = 1u << col;
	struct date d;

	if (sc->values[col] == NULL && !(sc->dates & bit))
		return 1;	/* a value no verb interprets */
	if (*v == '\0' && (sc->required & bit)) {
		snprintf(msg, len, "required value is empty");
		return 0;
	}
	if (*v == '\0')
		return 1;
	if (sc->values[col] != NULL)
		return !enum_problem(v, sc->values[col], msg, len);
	if (date_parse(v, &d) == 0)
		return 1;
	snprintf(msg, len, "invalid date '%s' (want %s)", v,
	    date_forms((sc->reduced & bit) != 0, 0));
	return 0;
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

/* What a date column takes, for a message: " (want YYYY-MM-DD)". */
static const char *
date_want(int reduced)
{
	static char want[80];

	snprintf(want, sizeof(want), " (want %s)", date_forms(reduced, 0));
	return want;
}

/*
 * The ids of table tab alone, read in one streaming pass, for check:
 * what references are looked up in, rather than the rows.
 */
static struct kset *
db_keys(struct db *db, int tab)
{
	struct scan s;
	const char *id;
	long none;

	if (db->keys[tab] != NULL)
		return db->keys[tab];
	db->keys[tab] = kset_new();
	scan_open(&s, schemas[tab], store_reader(db->st, schemas[tab]));
	while (scan_next(&s)) {
		id = sget(&s, 0);
		none = 0;
		kset_put(db->keys[tab], id, strlen(id), &none);
	}
	scan_close(&s);
	return db->keys[tab];
}

/* Whether a row of table tab has the id: in check, by its keys alone. */
static int
id_known(struct db *db, int tab, const char *id)
{
	if (db->keys_only)
		return kset_has(db_keys(db, tab), id);
	return db_get(db, tab, id) != NULL;
}

/*
 * What the schema says of column col: one of its values, a date, or the
 * key of a row of the table it names.
 */
static int
check_col(struct db *db, const struct table *t, const struct row *r, int col)
{
	const struct schema *sc = t->sc;
	const char *v = rget(t, r, col);
	unsigned bit = 1u << col;
	struct date d;
	char msg[512];

	if (*v == '\0')
		return 0;
	if (sc->values[col] != NULL &&
	    enum_problem(v, sc->values[col], msg, sizeof(msg)))
		return problem(t, r, col, "%s", msg);
	if ((sc->dates & bit) && (date_parse(v, &d) == -1 ||
	    (!(sc->reduced & bit) && d.prec != DATE_DAY)))
		return problem(t, r, col, "invalid date '%s'%s", v,
		    *spreadsheet_hint(v) ? spreadsheet_hint(v) :
		    date_want((sc->reduced & bit) != 0));
	if (sc->refs[col] != NULL && !id_known(db, sc->refs[col]->tab, v))
		return problem(t, r, col, "unknown %s '%s'",
		    noun(sc->refs[col]->tab), v);
	return 0;
}

/* Columns first to last - 1, in order: a row's problems read left to right. */
static int
check_cols(struct db *db, const struct table *t, const struct row *r,
    int first, int last)
{
	int col, n = 0;

	for (col = first; col < last; col++)
		n += check_col(db, t, r, col);
	return n;
}

/* Ids of cities and events are slugs; follow-ups' are drawn (ids.c). */
int
valid_id(int tab, const char *s)
{
	const char *p;

	if (tab == T_FOLLOWUPS)
		return fu_id_valid(s);
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
		    t->sc == &schema_followups ? FU_ID_FORMS :
		    "lower-case letters, digits and '-'");
	return n;
}

/*
 * Free text (the schema's lines and texts) holds no control character
 * (tabs and line ends aside, in lines of text), and a line no invisible
 * one either: such a name would look like another, or act on the
 * terminal that shows it.  A required line must show something.  The
 * message quotes the character as a person sees it (err.c shows every
 * message so).
 */
static int
check_text(const struct table *t, const struct row *r)
{
	const struct schema *sc = t->sc;
	const char *v, *bad;
	size_t i, len;
	int32_t cp;
	int n = 0;

	for (i = 0; i < sc->ncols; i++) {
		if (!((sc->lines | sc->texts) & (1u << i)) ||
		    *(v = rget(t, r, (int)i)) == '\0')
			continue;
		if ((bad = vis_find(v, (sc->texts & (1u << i)) != 0, &len,
		    &cp)) != NULL)
			n += problem(t, r, (int)i, "%s character %.*s in '%s'",
			    cp < 0 ? "invalid" : cp < 0xA0 ? "control" :
			    "invisible", (int)len, bad, v);
		else if ((sc->lines & (1u << i)) && (sc->required & (1u << i))
		    && vis_blank(v))
			n += problem(t, r, (int)i, "no visible character in "
			    "'%s'", v);
	}
	return n;
}

/*
 * What is wrong with a city's coordinates, lat and lon (either may be
 * NULL, for a table without that column); 0 when nothing is.  Both are
 * given or neither, each in decimal degrees as geo_coord() reads them.
 * *which is then 0 for lat, 1 for lon.  check and the map both ask this.
 */
int
coord_problem(const char *lat, const char *lon, int *which, char *msg,
    size_t len)
{
	const char *v[2] = { lat != NULL ? lat : "", lon != NULL ? lon : "" };
	static const char *const what[2] = { "latitude", "longitude" };
	static const char *const range[2] = { "-90 to 90", "-180 to 180" };
	static const char *const like[2] = { "48.584", "7.746" };
	double deg;
	int i;

	for (i = 0; i < 2; i++) {
		*which = i;
		if (*v[i] != '\0' && geo_coord(v[i], i == 0, &deg) == -1) {
			snprintf(msg, len, "invalid %s '%s' (decimal degrees "
			    "from %s%s%s)", what[i], v[i], range[i],
			    strchr(v[i], ',') != NULL ? ", with a point, not a "
			    "comma" : ", like ", strchr(v[i], ',') != NULL ? "" :
			    like[i]);
			return 1;
		}
	}
	for (i = 0; i < 2; i++) {
		*which = i;
		if (*v[i] == '\0' && *v[!i] != '\0') {
			snprintf(msg, len, "empty, while %s is '%s' (give both "
			    "lat and lon, or neither)", i ? "lat" : "lon",
			    v[!i]);
			return 1;
		}
	}
	return 0;
}

/* The coordinates of a city, where its table has lat or lon columns. */
static int
check_coords(const struct table *t, const struct row *r)
{
	int lat = table_col(t, "lat"), lon = table_col(t, "lon"), which;
	char msg[512];

	if ((lat < 0 && lon < 0) || !coord_problem(lat < 0 ? NULL :
	    r->f[lat], lon < 0 ? NULL : r->f[lon], &which, msg, sizeof(msg)))
		return 0;
	warn_at(row_label(t, r), r->line, "%s: %s", which ? "lon" : "lat", msg);
	return 1;
}

/* A city's country and region are ISO 3166 codes, the region of it. */
static int
check_place(const struct table *t, const struct row *r)
{
	const char *cc = rget(t, r, C_COUNTRY), *region = rget(t, r, C_REGION);

	if (*cc != '\0' && !iso_country_ok(cc))
		return problem(t, r, C_COUNTRY, "unknown country code '%s' "
		    "(ISO 3166-1 alpha-2, upper case)", cc);
	if (*region != '\0' && !iso_region_ok(cc, region))
		return problem(t, r, C_REGION, "'%s' is not an ISO 3166-2 "
		    "region of %s", region, cc);
	return 0;
}

/* An event does not end before it starts: asked of valid dates only. */
static int
check_span(const struct table *t, const struct row *r)
{
	struct date s, e;

	if (date_parse(rget(t, r, E_START), &s) == 0 &&
	    date_parse(rget(t, r, E_END), &e) == 0 &&
	    date_last(&e) < date_first(&s))
		return problem(t, r, E_END, "'%s' is before the start, '%s'",
		    rget(t, r, E_END), rget(t, r, E_START));
	return 0;
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

/* A row of t, whole or streamed: the number of problems, each reported. */
static int
check_one(struct db *db, const struct table *t, const struct row *r)
{
	int tab = t->sc->tab, n, dates;

	n = check_required(t, r) + check_text(t, r) + check_markers(t, r);
	if (tab == T_CITIES)
		n += check_place(t, r);
	if (tab != T_EVENTS)
		return n + check_cols(db, t, r, 0, (int)t->sc->ncols) +
		    (tab == T_CITIES ? check_coords(t, r) : 0);
	/* An event's span is asked once its two dates are valid. */
	dates = check_cols(db, t, r, 0, E_CITY);
	if (dates == 0)
		dates = check_span(t, r);
	return n + dates + check_cols(db, t, r, E_CITY, (int)t->sc->ncols);
}

/* Returns the number of problems, each already reported. */
int
check_row(struct db *db, int tab, const struct row *r)
{
	return check_one(db, db_table(db, tab), r);
}

/*
 * The rows of other tables that the rows to write name are read, and
 * only those: a write checks its references without reading the tables
 * they lead to whole.
 */
static void
narrow_refs(struct db *db, int tab, struct row **rows, size_t n)
{
	const struct table *t = db_table(db, tab);
	const struct schema *sc = t->sc;
	char **keys = xreallocarray(NULL, n + 1, sizeof(*keys));
	size_t col, i, k;

	for (col = 0; col < sc->ncols; col++) {
		if (sc->refs[col] == NULL)
			continue;
		for (i = k = 0; i < n; i++)
			if (*rget(t, rows[i], (int)col) != '\0')
				keys[k++] = (char *)(uintptr_t)rget(t, rows[i],
				    (int)col);
		if (k > 0)
			db_narrow(db, sc->refs[col]->tab, keys, k);
	}
	free(keys);
}

/* Problems in the rows to write are reported, then nothing is written. */
void
validate_rows(struct db *db, int tab, struct row **rows, size_t n)
{
	size_t i;
	int bad = 0;

	narrow_refs(db, tab, rows, n);
	for (i = 0; i < n; i++)
		bad += check_row(db, tab, rows[i]);
	if (bad)
		die(EXIT_DATA, "%d problem%s; nothing written", bad,
		    bad == 1 ? "" : "s");
}

/*
 * The key that must be unique in a table, as the schema has it: the id,
 * or the pair, each column folded where the schema says.
 */
static void
unique_key(const struct table *t, const struct row *r, struct buf *b)
{
	const struct schema *sc = t->sc;
	char *folded;
	size_t i;
	int first = 1;

	buf_reset(b);
	buf_adds(b, "");
	for (i = 0; i < sc->ncols; i++) {
		if (!(sc->key & (1u << i)))
			continue;
		if (!first)
			buf_addc(b, '\t');
		first = 0;
		if (sc->folded & (1u << i)) {
			buf_adds(b, folded = fold_name(rget(t, r, (int)i)));
			free(folded);
		} else
			buf_adds(b, rget(t, r, (int)i));
	}
}

/* The key's last column, where a duplicate is reported. */
static int
last_key_col(const struct schema *sc)
{
	int col = (int)sc->ncols - 1;

	while (col > 0 && !(sc->key & (1u << col)))
		col--;
	return col;
}

/*
 * What check keeps of the table it streams: the keys seen, each with the
 * line of its first row, and the duplicates found, which are reported
 * after every row's other problems.
 */
struct unique {
	struct kset *seen;
	struct buf key;
	long	(*dups)[2];	/* a duplicate's line, and its first's */
	size_t	 ndups, cap;
};

/*
 * Asks memory for the slots that the row's key and references will be
 * looked up in: in a set too big for the cache, the wait for them then
 * overlaps the checks before.  A table not yet read is not read here.
 */
static void
prefetch_keys(struct db *db, const struct table *t, const struct row *r,
    struct unique *u)
{
	const struct schema *sc = t->sc;
	const struct kset *k;
	const char *v;
	size_t col;

	unique_key(t, r, &u->key);
	kset_prefetch(u->seen, u->key.s, u->key.len);
	for (col = 0; col < sc->ncols; col++) {
		if (sc->refs[col] == NULL ||
		    (k = db->keys[sc->refs[col]->tab]) == NULL)
			continue;
		if (*(v = rget(t, r, (int)col)) != '\0')
			kset_prefetch(k, v, strlen(v));
	}
}

/* The row's key, which prefetch_keys() made, is noted. */
static void
unique_note(struct unique *u, const struct row *r)
{
	long first = r->line;

	if (kset_put(u->seen, u->key.s, u->key.len, &first))
		return;
	if (u->ndups == u->cap) {
		u->cap = u->cap ? u->cap * 2 : 16;
		u->dups = xreallocarray(u->dups, u->cap, sizeof(*u->dups));
	}
	u->dups[u->ndups][0] = r->line;
	u->dups[u->ndups++][1] = first;
}

static int
unique_report(const struct unique *u, const struct table *t)
{
	struct row r = { 0 };
	size_t i;
	int n = 0;

	for (i = 0; i < u->ndups; i++) {
		r.line = u->dups[i][0];
		n += problem(t, &r, last_key_col(t->sc),
		    "duplicate of line %ld", u->dups[i][1]);
	}
	return n;
}

/*
 * The scan's row as a row in memory: its values copied into one block,
 * as table_append() lays a table's rows out, so that what check asks of
 * a row (which values lie in its block) it asks alike of this one.  The
 * row and its block serve again for the next.
 */
static void
scanned_row(struct scan *s, struct row *r, struct buf *block)
{
	char **f = scan_row(s), *p;
	size_t i, len = 0, k;

	for (i = 0; i < s->t->ncols; i++)
		len += strlen(f[i]) + 1;
	buf_reset(block);
	buf_grow(block, len);
	for (i = 0, p = block->s; i < s->t->ncols; i++) {
		k = strlen(f[i]) + 1;
		r->f[i] = memcpy(p, f[i], k);
		p += k;
	}
	r->block = block->s;
	r->block_end = p;
	r->line = s->rec.line;
}

/*
 * Streams the table, each row checked as it comes; of the rows only
 * their keys are kept.  The ids of a table keyed by them alone are what
 * the next table's references are looked up in.
 */
static int
check_scan(struct db *db, int tab, struct unique *u)
{
	const struct schema *sc = schemas[tab];
	struct buf block = { NULL, 0, 0 };
	struct row r = { 0 };
	struct scan s;
	int n = 0;

	scan_open(&s, sc, store_reader(db->st, sc));
	r.f = xreallocarray(NULL, s.t->ncols, sizeof(*r.f));
	while (scan_next(&s)) {
		scanned_row(&s, &r, &block);
		prefetch_keys(db, s.t, &r, u);
		n += check_one(db, s.t, &r);
		unique_note(u, &r);
	}
	n += unique_report(u, s.t);
	scan_close(&s);
	free(r.f);
	buf_free(&block);
	if (sc->key == 1u && sc->folded == 0 && db->keys[tab] == NULL) {
		db->keys[tab] = u->seen;
		u->seen = NULL;
	}
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
	struct unique u = { NULL, { NULL, 0, 0 }, NULL, 0, 0 };
	int n, keys_only = db->keys_only;

	rd_keep_going(1);
	db->keys_only = 1;
	u.seen = kset_new();
	n = check_scan(db, tab, &u);
	kset_free(u.seen);
	buf_free(&u.key);
	free(u.dups);
	db->keys_only = keys_only;
	return n + (int)(rd_malformed() - before);
}
