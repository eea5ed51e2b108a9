/*
 * table.c: the five tables, what their columns hold, and rows in memory.
 * The schema says each table's columns, key and references and each
 * column's allowed values, once, for every verb and check.  A table's
 * columns are those of its file header, in the file's order, so that
 * columns a user added stay in their place; columns of the schema that the
 * file lacks are appended.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

#define REQ(i)		(1u << (i))
#define KEY(i)		(1u << (i))
#define COL(i)		(1u << (i))

static const char *const cities_cols[] = {
	"id", "name", "country", "region", "status", "joined", "via", "notes"
};
static const char *const events_cols[] = {
	"id", "name", "series", "kind", "start", "end", "city", "status",
	"url", "notes"
};
static const char *const attendance_cols[] = {
	"event", "city", "role", "notes"
};
static const char *const partners_cols[] = {
	"event", "organisation", "sector", "notes"
};
static const char *const followups_cols[] = {
	"id", "action", "event", "city", "owner", "due", "status", "created",
	"closed", "notes"
};

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

/*
 * Free text is a line (a name, a label, a web address) or lines (notes,
 * a follow-up's action); ids, codes, dates, states and references are
 * none, having stricter checks of their own.
 */
const struct schema schema_cities = {
	.name = "cities", .file = "cities.csv", .cols = cities_cols,
	.ncols = NELEM(cities_cols),
	.required = REQ(C_ID) | REQ(C_NAME) | REQ(C_COUNTRY) | REQ(C_STATUS),
	.key = KEY(C_ID),
	.tab = T_CITIES, .tool = "sc-cities",
	.dates = COL(C_JOINED),
	.lines = COL(C_NAME), .texts = COL(C_NOTES),
	.values = { [C_STATUS] = city_status },
	.refs = { [C_VIA] = &schema_events }
};
const struct schema schema_events = {
	.name = "events", .file = "events.csv", .cols = events_cols,
	.ncols = NELEM(events_cols),
	.required = REQ(E_ID) | REQ(E_NAME) | REQ(E_START) | REQ(E_STATUS),
	.key = KEY(E_ID),
	.tab = T_EVENTS, .tool = "sc-events",
	.dates = COL(E_START) | COL(E_END),
	.reduced = COL(E_START) | COL(E_END),
	.lines = COL(E_NAME) | COL(E_SERIES) | COL(E_KIND) | COL(E_URL),
	.texts = COL(E_NOTES),
	.values = { [E_STATUS] = event_status },
	.refs = { [E_CITY] = &schema_cities }
};
const struct schema schema_attendance = {
	.name = "attendance", .file = "attendance.csv",
	.cols = attendance_cols, .ncols = NELEM(attendance_cols),
	.required = REQ(A_EVENT) | REQ(A_CITY) | REQ(A_ROLE),
	.key = KEY(A_EVENT) | KEY(A_CITY),
	.tab = T_ATTENDANCE, .tool = "sc-events",
	.texts = COL(A_NOTES),
	.values = { [A_ROLE] = roles },
	.refs = { [A_EVENT] = &schema_events, [A_CITY] = &schema_cities }
};
const struct schema schema_partners = {
	.name = "partners", .file = "partners.csv", .cols = partners_cols,
	.ncols = NELEM(partners_cols),
	.required = REQ(P_EVENT) | REQ(P_ORGANISATION),
	.key = KEY(P_EVENT) | KEY(P_ORGANISATION),
	.tab = T_PARTNERS, .tool = "sc-events",
	.folded = COL(P_ORGANISATION),
	.lines = COL(P_ORGANISATION) | COL(P_SECTOR), .texts = COL(P_NOTES),
	.refs = { [P_EVENT] = &schema_events }
};
const struct schema schema_followups = {
	.name = "followups", .file = "followups.csv", .cols = followups_cols,
	.ncols = NELEM(followups_cols),
	.required = REQ(F_ID) | REQ(F_ACTION) | REQ(F_STATUS) | REQ(F_CREATED),
	.key = KEY(F_ID),
	.tab = T_FOLLOWUPS, .tool = "sc-followups",
	.dates = COL(F_DUE) | COL(F_CREATED) | COL(F_CLOSED),
	.reduced = COL(F_DUE),
	.lines = COL(F_OWNER), .texts = COL(F_ACTION) | COL(F_NOTES),
	.values = { [F_STATUS] = followup_status },
	.refs = { [F_EVENT] = &schema_events, [F_CITY] = &schema_cities }
};
const struct schema *const schemas[5] = {
	&schema_cities, &schema_events, &schema_attendance, &schema_partners,
	&schema_followups
};

/* The schema of the table so named ("cities"), or NULL. */
const struct schema *
schema_named(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(schemas); i++)
		if (strcmp(schemas[i]->name, name) == 0)
			return schemas[i];
	return NULL;
}

/*
 * The values a column of a table may hold, by their names ("cities",
 * "status"), NULL-terminated; NULL for a column of free values or none
 * of that name.  For completion, which knows the names only.
 */
const char *const *
schema_values(const char *table, const char *col)
{
	const struct schema *sc = schema_named(table);
	size_t i;

	for (i = 0; sc != NULL && i < sc->ncols; i++)
		if (strcmp(sc->cols[i], col) == 0)
			return sc->values[i];
	return NULL;
}

/* Whether v is one of values (NULL-terminated). */
int
in_values(const char *v, const char *const *values)
{
	for (; *values != NULL; values++)
		if (strcmp(v, *values) == 0)
			return 1;
	return 0;
}

/* The values as messages spell them: "open, done, cancelled". */
char *
values_spelt(const char *const *values)
{
	struct buf b = { NULL, 0, 0 };
	size_t i;

	buf_adds(&b, "");
	for (i = 0; values[i] != NULL; i++) {
		buf_adds(&b, i ? ", " : "");
		buf_adds(&b, values[i]);
	}
	return b.s;
}

static char empty[] = "";

struct table *
table_new(const struct schema *sc, const char *label)
{
	struct table *t;
	size_t i;

	t = xcalloc(1, sizeof(*t));
	t->sc = sc;
	t->label = xstrdup(label);
	for (i = 0; i < MAXSCHEMA; i++)
		t->pos[i] = -1;
	return t;
}

int
table_col(const struct table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i], name) == 0)
			return (int)i;
	return -1;
}

/* Room for it was made by table_header(). */
static void
add_col(struct table *t, const char *name)
{
	t->cols[t->ncols++] = xstrdup(name);
}

/*
 * store_filter() takes again the header of a scan whose header was just
 * taken: when check reads on past a problem of a header (rd_keep_going),
 * it is reported the first time only.  Any other reader stops at the
 * first.
 */
static char *last_header;

static int
header_seen(const char *file)
{
	int seen = last_header != NULL && strcmp(last_header, file) == 0;

	free(last_header);
	last_header = xstrdup(file);
	return seen && rd_keeping_going();
}

/*
 * Takes the header of a file: a duplicate or empty column name, or a
 * missing required column, makes the file malformed.  When check reads
 * on, the first column of a name is the one used, and a missing column
 * is added empty (check_row() then does not report it in every row).
 */
void
table_header(struct table *t, char *const *names, size_t n, const char *file,
    long line)
{
	const struct schema *sc = t->sc;
	struct hmap *seen = hmap_new();	/* a header may be very wide */
	int quiet = header_seen(file);
	size_t i;

	t->cols = xreallocarray(t->cols, t->ncols + n + sc->ncols,
	    sizeof(*t->cols));
	for (i = 0; i < n; i++) {
		if (!quiet && names[i][0] == '\0')
			malformed_at(file, line, 1, "column %zu has no name",
			    i + 1);
		else if (!quiet && !hmap_put(seen, names[i], seen))
			malformed_at(file, line, 1, "duplicate column '%s'",
			    names[i]);
		t->cols[t->ncols++] = xstrdup(names[i]);
	}
	hmap_free(seen);
	for (i = 0; i < sc->ncols; i++) {
		t->pos[i] = table_col(t, sc->cols[i]);
		if (t->pos[i] >= 0)
			continue;
		if ((sc->required & REQ(i)) && !quiet)
			malformed_at(file, line, 1, "missing required column "
			    "'%s'%s", sc->cols[i],
			    spreadsheet_header_hint(names, n));
		t->pos[i] = (int)t->ncols;
		add_col(t, sc->cols[i]);
		t->nextra++;
	}
}

/* The schema's columns, for a table whose file does not exist yet. */
static void
default_header(struct table *t)
{
	table_header(t, (char *const *)(uintptr_t)t->sc->cols, t->sc->ncols,
	    t->label, 0);
}

const char *
rget(const struct table *t, const struct row *r, int col)
{
	return r->f[t->pos[col]];
}

void
rset(struct table *t, struct row *r, int col, const char *v)
{
	rset_at(r, (size_t)t->pos[col], v);
}

/* Sets a column by its place in the table, for columns a user added. */
/* Whether a value of the row was allocated alone, to be freed alone. */
static int
owned(const struct row *r, const char *v)
{
	uintptr_t p = (uintptr_t)v;

	return v != empty && !(p >= (uintptr_t)r->block &&
	    p < (uintptr_t)r->block_end);
}

/*
 * Every value a verb writes comes through here, and is stored without
 * white space at either end: "Amina " typed or imported is "Amina".  v
 * may be the value it replaces.
 */
void
rset_at(struct row *r, size_t col, const char *v)
{
	char **f = &r->f[col], *nv;
	size_t start, len = trim_span(v, &start);

	v += start;
	if (strncmp(*f, v, len) == 0 && (*f)[len] == '\0')
		return;
	nv = xstrndup(v, len);
	if (owned(r, *f))
		free(*f);
	*f = nv;
	r->changed = 1;
}

static void __attribute__((noreturn))
no_field(const struct table *t, const char *col)
{
	struct near n;
	size_t i;

	near_init(&n, col, strlen(col));
	for (i = 0; i < t->ncols; i++)
		near_offer(&n, t->cols[i]);
	if (n.best != NULL)
		die(EXIT_USAGE, "--field: no column '%s' in %s; did you mean "
		    "'%s'?", col, t->sc->file, n.best);
	die(EXIT_USAGE, "--field: no column '%s' in %s", col, t->sc->file);
}

/*
 * --field COL=VALUE, for any column of the file but the id, including
 * those a user added; the values are checked later, with the row.
 */
void
set_fields(struct table *t, struct row *r, char **fields, size_t n)
{
	const char *eq;
	char *col;
	size_t i;
	int c;

	for (i = 0; i < n; i++) {
		if ((eq = strchr(fields[i], '=')) == NULL || eq == fields[i])
			die(EXIT_USAGE, "--field: want COL=VALUE, not '%s'",
			    fields[i]);
		col = xstrndup(fields[i], (size_t)(eq - fields[i]));
		if ((c = table_col(t, col)) < 0)
			no_field(t, col);
		if (c == t->pos[0])
			die(EXIT_USAGE, "--field: the id cannot be changed");
		rset_at(r, (size_t)c, eq + 1);
		free(col);
	}
}

/*
 * A row is one allocation: the row, its fields' pointers, and room for
 * len bytes of their values, so that a table of many rows costs one
 * allocation a row and its rows' values lie together.
 */
static struct row *
push_row(struct table *t, long line, size_t len)
{
	struct row *r;

	if (t->ncols == 0)
		default_header(t);
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->rows = xreallocarray(t->rows, t->cap, sizeof(*t->rows));
	}
	r = xcalloc(1, sizeof(*r) + t->ncols * sizeof(*r->f) + len);
	r->f = (char **)(void *)(r + 1);
	r->block = (char *)(r->f + t->ncols);
	r->block_end = r->block + len;
	r->line = line;
	t->rows[t->nrows++] = r;
	return r;
}

/* Asks memory for a row and its first values before they are read. */
void
row_prefetch(const struct row *r)
{
	const char *p = (const char *)r;

	__builtin_prefetch(p);
	__builtin_prefetch(p + 64);
	__builtin_prefetch(p + 128);
	__builtin_prefetch(p + 192);
}

/* Appends a row read from the table's file: n is the file's width. */
struct row *
table_append(struct table *t, char *const *f, long line)
{
	struct row *r;
	size_t i, n = t->ncols - t->nextra, len = 0, k;
	char *p;

	for (i = 0; i < n; i++)
		len += strlen(f[i]) + 1;
	r = push_row(t, line, len);
	for (i = 0, p = r->block; i < t->ncols; i++) {
		if (i >= n || f[i][0] == '\0') {
			r->f[i] = empty;
			continue;
		}
		k = strlen(f[i]) + 1;
		r->f[i] = memcpy(p, f[i], k);
		p += k;
	}
	return r;
}

struct row *
table_newrow(struct table *t)
{
	struct row *r = push_row(t, 0, 0);
	size_t i;

	for (i = 0; i < t->ncols; i++)
		r->f[i] = empty;
	r->changed = 1;
	return r;
}

static void
free_row(struct table *t, struct row *r)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (owned(r, r->f[i]))
			free(r->f[i]);
	free(r);
}

/*
 * Removes the n rows (of the table; one may be given twice) in one pass
 * that keeps the order of the rows that stay.  The pass starts at the
 * first row to go, found from the end: a row just added, which import
 * drops, costs only itself.
 */
void
table_remove_rows(struct table *t, struct row *const *rows, size_t n)
{
	size_t i, from, to, marked = 0, found = 0;

	for (i = 0; i < n; i++)
		if (!rows[i]->gone) {
			rows[i]->gone = 1;
			marked++;
		}
	for (from = t->nrows; from > 0 && found < marked;)
		found += t->rows[--from]->gone;
	for (i = to = from; i < t->nrows; i++) {
		if (t->rows[i]->gone)
			free_row(t, t->rows[i]);
		else
			t->rows[to++] = t->rows[i];
	}
	t->nrows = to;
}

void
table_free(struct table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nrows; i++)
		free_row(t, t->rows[i]);
	for (i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	free(t->cols);
	free(t->rows);
	free((char *)(uintptr_t)t->label);
	free(t);
}

/*
 * A scan streams a table: one row at a time, nothing kept, so that list
 * runs in constant memory.  rd may be NULL, for a table with no file.
 */
int
scan_open(struct scan *s, const struct schema *sc, struct reader *rd)
{
	memset(s, 0, sizeof(*s));
	s->rd = rd;
	s->t = table_new(sc, rd != NULL ? rd_name(rd) : sc->file);
	if (rd != NULL && rd_next(rd, &s->rec))
		table_header(s->t, s->rec.f, s->rec.n, rd_name(rd),
		    s->rec.line);
	else
		default_header(s->t);
	/* Fields are cut only as they are read: most filters read few. */
	if (rd != NULL)
		rd_lazy(rd);
	s->f = xreallocarray(NULL, s->t->ncols, sizeof(*s->f));
	return 0;
}

int
scan_next(struct scan *s)
{
	return s->rd != NULL && rd_next(s->rd, &s->rec);
}

const char *
sget(const struct scan *s, int col)
{
	size_t i = s->t->pos[col];

	return i < s->t->ncols - s->t->nextra ? rd_field(s->rd, i) : empty;
}

/* The whole row, one field per table column. */
char **
scan_row(struct scan *s)
{
	size_t i, n = s->t->ncols - s->t->nextra;
	char **f = rd_row(s->rd);

	for (i = 0; i < n; i++)
		s->f[i] = f[i];
	for (; i < s->t->ncols; i++)
		s->f[i] = empty;
	return s->f;
}

/* The row as it stood in the file, when a writer may copy it whole. */
const char *
scan_raw(const struct scan *s, int fmt, size_t *len)
{
	return s->t->nextra == 0 ? rd_raw(s->rd, fmt, len) : NULL;
}

void
scan_close(struct scan *s)
{
	rd_close(s->rd);
	table_free(s->t);
	free(s->f);
	memset(s, 0, sizeof(*s));
}
