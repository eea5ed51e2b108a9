/*
 * sortrows.c: list --sort COL[,-COL...]: the rows list keeps, held in
 * memory and written in order.  Each column is compared as what its
 * values are: dates in date order (a reduced date by its first day, then
 * the coarser first: 2024 before 2024-01 before 2024-01-01), whole
 * numbers numerically, anything else as names are matched (fold_name:
 * case and accents do not count).  A column is dates, or numbers, when
 * every value in it that is not empty is one.  Empty values come last,
 * ascending or descending; the sort is stable, so rows equal in every
 * key keep the order of the file.
 */
#include <stdlib.h>
#include <string.h>

#include "sc.h"

enum { K_DATE, K_NUMBER, K_TEXT };

struct sortkey {
	int	 col;		/* in the table's columns */
	int	 desc;
	int	 kind;		/* K_ */
};

struct sorted {
	char	**f;		/* the row's fields, owned */
	size_t	 seq;		/* its place in the file */
	char	**fold;		/* per key, for K_TEXT; else NULL */
};

struct sorter {
	struct sortkey *keys;
	size_t	 nkeys;
	size_t	 ncols;
	struct sorted *rows;
	size_t	 nrows, cap;
};

static void __attribute__((noreturn))
bad_column(const struct table *t, const char *name)
{
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		buf_adds(&b, i > 0 ? ", " : "");
		buf_adds(&b, t->cols[i]);
	}
	die(EXIT_USAGE, "--sort: no column '%s' (the columns: %s)", name,
	    b.s);
}

/* The keys of "COL,-COL", against the columns of the table read. */
struct sorter *
sorter_new(const char *spec, const struct table *t)
{
	struct sorter *s = xcalloc(1, sizeof(*s));
	char **names;
	size_t i, n;
	const char *name;

	names = split_list(spec, &n);
	if (n == 0)
		die(EXIT_USAGE, "--sort: name a column");
	s->keys = xcalloc(n, sizeof(*s->keys));
	for (i = 0; i < n; i++) {
		name = names[i] + (names[i][0] == '-');
		s->keys[i].desc = names[i][0] == '-';
		if ((s->keys[i].col = table_col(t, name)) == -1)
			bad_column(t, name);
	}
	s->nkeys = n;
	s->ncols = t->ncols;
	free_list(names, n);
	return s;
}

void
sorter_add(struct sorter *s, char *const *f)
{
	struct sorted *r;
	size_t i;

	if (s->nrows == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->rows = xreallocarray(s->rows, s->cap, sizeof(*s->rows));
	}
	r = &s->rows[s->nrows];
	r->f = xcalloc(s->ncols, sizeof(char *));
	for (i = 0; i < s->ncols; i++)
		r->f[i] = xstrdup(f[i]);
	r->seq = s->nrows++;
	r->fold = NULL;
}

static int
is_number(const char *v)
{
	char *end;

	(void)strtoll(v, &end, 10);
	return end != v && *end == '\0';
}

/* What a column's values are: dates, numbers, or text. */
static int
column_kind(const struct sorter *s, int col)
{
	struct date d;
	int dates = 1, numbers = 1;
	const char *v;
	size_t i;

	for (i = 0; i < s->nrows && (dates || numbers); i++) {
		v = s->rows[i].f[col];
		if (*v == '\0')
			continue;
		dates = dates && date_parse(v, &d) == 0;
		numbers = numbers && is_number(v);
	}
	return dates ? K_DATE : numbers ? K_NUMBER : K_TEXT;
}

static int
cmp_dates(const char *a, const char *b)
{
	struct date da, db;
	long fa, fb;

	date_parse(a, &da);
	date_parse(b, &db);
	fa = date_first(&da);
	fb = date_first(&db);
	if (fa != fb)
		return fa < fb ? -1 : 1;
	return (da.prec > db.prec) - (da.prec < db.prec);
}

static int
cmp_numbers(const char *a, const char *b)
{
	long long x = strtoll(a, NULL, 10), y = strtoll(b, NULL, 10);

	return (x > y) - (x < y);
}

/* The one sorter qsort compares by: qsort takes no argument. */
static const struct sorter *cur;

static int
cmp_key(const struct sorted *a, const struct sorted *b, size_t k)
{
	const struct sortkey *key = &cur->keys[k];
	const char *x = a->f[key->col], *y = b->f[key->col];
	int c;

	if (*x == '\0' || *y == '\0')
		return (*x == '\0') - (*y == '\0');	/* empty last */
	if (key->kind == K_DATE)
		c = cmp_dates(x, y);
	else if (key->kind == K_NUMBER)
		c = cmp_numbers(x, y);
	else
		c = strcmp(a->fold[k], b->fold[k]);
	return key->desc ? -c : c;
}

static int
cmp_rows(const void *pa, const void *pb)
{
	const struct sorted *a = pa, *b = pb;
	size_t k;
	int c;

	for (k = 0; k < cur->nkeys; k++)
		if ((c = cmp_key(a, b, k)) != 0)
			return c;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

/* Each text key folded once, not at every comparison. */
static void
fold_keys(struct sorter *s)
{
	size_t i, k;

	for (k = 0; k < s->nkeys; k++)
		s->keys[k].kind = column_kind(s, s->keys[k].col);
	for (i = 0; i < s->nrows; i++) {
		s->rows[i].fold = xcalloc(s->nkeys, sizeof(char *));
		for (k = 0; k < s->nkeys; k++)
			if (s->keys[k].kind == K_TEXT)
				s->rows[i].fold[k] =
				    fold_name(s->rows[i].f[s->keys[k].col]);
	}
}

/* The rows, in order, to o; the sorter is freed. */
void
sorter_emit(struct sorter *s, struct out *o)
{
	size_t i, k;

	fold_keys(s);
	cur = s;
	if (s->nrows > 1)
		qsort(s->rows, s->nrows, sizeof(*s->rows), cmp_rows);
	cur = NULL;
	for (i = 0; i < s->nrows; i++) {
		out_row(o, s->rows[i].f);
		for (k = 0; k < s->nkeys; k++)
			free(s->rows[i].fold[k]);
		free(s->rows[i].fold);
		free_list(s->rows[i].f, s->ncols);
	}
	free(s->rows);
	free(s->keys);
	free(s);
}
