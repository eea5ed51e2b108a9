/*
 * table.c: the five tables, their columns, and rows in memory.  A table's
 * columns are those of its file header, in the file's order, so that
 * columns a user added stay in their place; columns of the schema that the
 * file lacks are appended.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define REQ(i)		(1u << (i))
#define KEY(i)		(1u << (i))

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

const struct schema schema_cities = {
	"cities", "cities.csv", cities_cols, NELEM(cities_cols),
	REQ(C_ID) | REQ(C_NAME) | REQ(C_COUNTRY) | REQ(C_STATUS),
	KEY(C_ID)
};
const struct schema schema_events = {
	"events", "events.csv", events_cols, NELEM(events_cols),
	REQ(E_ID) | REQ(E_NAME) | REQ(E_START) | REQ(E_STATUS),
	KEY(E_ID)
};
const struct schema schema_attendance = {
	"attendance", "attendance.csv", attendance_cols, NELEM(attendance_cols),
	REQ(A_EVENT) | REQ(A_CITY) | REQ(A_ROLE),
	KEY(A_EVENT) | KEY(A_CITY)
};
const struct schema schema_partners = {
	"partners", "partners.csv", partners_cols, NELEM(partners_cols),
	REQ(P_EVENT) | REQ(P_ORGANISATION),
	KEY(P_EVENT) | KEY(P_ORGANISATION)
};
const struct schema schema_followups = {
	"followups", "followups.csv", followups_cols, NELEM(followups_cols),
	REQ(F_ID) | REQ(F_ACTION) | REQ(F_STATUS) | REQ(F_CREATED),
	KEY(F_ID)
};
const struct schema *const schemas[5] = {
	&schema_cities, &schema_events, &schema_attendance, &schema_partners,
	&schema_followups
};

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

/* A row widened by table_add_col() has its fields' pointers apart. */
static int
fields_apart(const struct row *r)
{
	return r->f != (char **)(uintptr_t)(r + 1);
}

static void
free_row(struct table *t, struct row *r)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (owned(r, r->f[i]))
			free(r->f[i]);
	if (fields_apart(r))
		free(r->f);
	free(r);
}

/*
 * A column the file lacks, added after the others, empty in every row:
 * lat and lon, which sc-cities adds when a city is first located.  The
 * rows stay where they are, since indexes point at them; only their
 * fields' pointers move.  Returns the column's place.
 */
int
table_add_col(struct table *t, const char *name)
{
	struct row *r;
	char **f;
	size_t i;

	if (t->ncols == 0)
		default_header(t);
	t->cols = xreallocarray(t->cols, t->ncols + 1, sizeof(*t->cols));
	add_col(t, name);
	t->nextra++;
	for (i = 0; i < t->nrows; i++) {
		r = t->rows[i];
		f = xreallocarray(NULL, t->ncols, sizeof(*f));
		memcpy(f, r->f, (t->ncols - 1) * sizeof(*f));
		f[t->ncols - 1] = empty;
		if (fields_apart(r))
			free(r->f);
		r->f = f;
	}
	return (int)t->ncols - 1;
}

/* Removing keeps the order of the rows that stay. */
void
table_remove(struct table *t, size_t i)
{
	free_row(t, t->rows[i]);
	memmove(&t->rows[i], &t->rows[i + 1],
	    (t->nrows - i - 1) * sizeof(*t->rows));
	t->nrows--;
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
