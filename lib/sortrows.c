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

/*
 * A key's value in a row: folded text, or a number (a date as its first
 * day times four plus its precision, so that a coarser date comes first).
 */
struct sortval {
	char	*fold;		/* K_TEXT; else NULL */
	long long n;
	int	 empty;
};

struct sorted {
	char	**f;		/* the row's fields, owned */
	size_t	 seq;		/* its place in the file */
	struct sortval *v;	/* per key, made once, not at each comparison */
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
	size_t i, len;
	char *p;

	if (s->nrows == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->rows = xreallocarray(s->rows, s->cap, sizeof(*s->rows));
	}
	/* One allocation a row: the pointers, then the values. */
	for (i = 0, len = 0; i < s->ncols; i++)
		len += strlen(f[i]) + 1;
	r = &s->rows[s->nrows];
	r->f = xmalloc(s->ncols * sizeof(char *) + len);
	p = (char *)(r->f + s->ncols);
	for (i = 0; i < s->ncols; i++) {
		len = strlen(f[i]) + 1;
		r->f[i] = memcpy(p, f[i], len);
		p += len;
	}
	r->seq = s->nrows++;
	r->v = NULL;
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

/* The one sorter qsort compares by: qsort takes no argument. */
static const struct sorter *cur;

static int
cmp_key(const struct sorted *a, const struct sorted *b, size_t k)
{
	const struct sortval *x = &a->v[k], *y = &b->v[k];
	int c;

	if (x->empty || y->empty)
		return x->empty - y->empty;	/* empty last */
	if (cur->keys[k].kind == K_TEXT)
		c = strcmp(x->fold, y->fold);
	else
		c = (x->n > y->n) - (x->n < y->n);
	return cur->keys[k].desc ? -c : c;
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

static void
make_value(struct sortval *v, const char *f, int kind)
{
	struct date d;

	memset(v, 0, sizeof(*v));
	if ((v->empty = *f == '\0'))
		return;
	if (kind == K_TEXT)
		v->fold = fold_name(f);
	else if (kind == K_NUMBER)
		v->n = strtoll(f, NULL, 10);
	else if (date_parse(f, &d) == 0)
		v->n = (long long)date_first(&d) * 4 + d.prec;
}

/* Each key's value made once, not at every comparison. */
static void
make_values(struct sorter *s)
{
	struct sorted *r;
	size_t i, k;

	for (k = 0; k < s->nkeys; k++)
		s->keys[k].kind = column_kind(s, s->keys[k].col);
	for (i = 0; i < s->nrows; i++) {
		r = &s->rows[i];
		r->v = xcalloc(s->nkeys, sizeof(*r->v));
		for (k = 0; k < s->nkeys; k++)
			make_value(&r->v[k], r->f[s->keys[k].col],
			    s->keys[k].kind);
	}
}

/* The rows, in order, to o; the sorter is freed. */
void
sorter_emit(struct sorter *s, struct out *o)
{
	size_t i, k;

	make_values(s);
	cur = s;
	if (s->nrows > 1)
		qsort(s->rows, s->nrows, sizeof(*s->rows), cmp_rows);
	cur = NULL;
	for (i = 0; i < s->nrows; i++) {
		out_row(o, s->rows[i].f);
		for (k = 0; k < s->nkeys; k++)
			free(s->rows[i].v[k].fold);
		free(s->rows[i].v);
		free(s->rows[i].f);
	}
	free(s->rows);
	free(s->keys);
	free(s);
}
