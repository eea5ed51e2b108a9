/*
 * witness.c: the committed version of a table (what git has at HEAD) as
 * the witness of what a spreadsheet did to it.  Rows are matched by key:
 * a cell of a matched row that a spreadsheet is known to change, and that
 * it did change, gets its committed value back, and rows that a sort moved
 * go back to their committed order.  Every cell it restores is named.
 */
#include <stdlib.h>
#include <string.h>

#include "sc.h"

/* The columns that make a row's key, for each table. */
static const char *const *
key_cols(const struct schema *sc)
{
	static const char *const id[] = { "id", NULL };
	static const char *const att[] = { "event", "city", NULL };
	static const char *const par[] = { "event", "organisation", NULL };

	if (sc == &schema_attendance)
		return att;
	if (sc == &schema_partners)
		return par;
	return id;
}

/* The row's key, its columns' values joined by a unit separator; NULL
 * when a column is missing or empty. */
static char *
row_key(const struct grid *g, const struct grow *r)
{
	const char *const *k = key_cols(g->sc);
	struct buf b = { NULL, 0, 0 };
	int c;

	for (; *k != NULL; k++) {
		if ((c = grid_col(g, *k)) < 0 || r->f[c][0] == '\0') {
			buf_free(&b);
			return NULL;
		}
		if (b.len > 0)
			buf_addc(&b, '\x1f');
		buf_adds(&b, r->f[c]);
	}
	return b.s;
}

/*
 * Sets each row's was to the committed row with its key.  A committed row
 * is matched once: a second row with the same key is a new one.
 */
void
witness_match(struct grid *cur, const struct grid *was)
{
	struct hmap *rows = hmap_new(), *used = hmap_new();
	struct grow *r;
	size_t i;
	char *k;

	for (i = was->nrows; i-- > 0;)
		if ((k = row_key(was, &was->rows[i])) != NULL) {
			hmap_put(rows, k, &was->rows[i]);
			free(k);
		}
	for (i = 0; i < cur->nrows; i++) {
		if ((k = row_key(cur, &cur->rows[i])) == NULL)
			continue;
		if ((r = hmap_get(rows, k)) != NULL && hmap_put(used, k, r))
			cur->rows[i].was = (long)(r - was->rows);
		free(k);
	}
	hmap_free(rows);
	hmap_free(used);
}

/*
 * A plain decimal number's digits without the zeros that do not count
 * (007 is 7, 1.50 is 1.5); a comma may be its decimal point.  NULL when
 * s is not such a number.
 */
static char *
number_digits(const char *s)
{
	const char *p = s, *point = NULL, *end;
	size_t n;

	for (; *p != '\0'; p++)
		if ((*p == '.' || *p == ',') && point == NULL && p > s)
			point = p;
		else if (*p < '0' || *p > '9')
			return NULL;
	if (p == s || p[-1] == '.' || p[-1] == ',')
		return NULL;
	end = p;
	if (point != NULL)
		while (end[-1] == '0')
			end--;
	if (end - 1 == point)
		end--;
	while (*s == '0' && s + 1 < end && s[1] != '.' && s[1] != ',')
		s++;
	n = (size_t)(end - s);
	return xstrndup(s, n);
}

/*
 * An amount without its currency sign (before or after it, a space
 * between or not), which a spreadsheet drops when it takes the amount for
 * a number: "€ 40" is 40.
 */
static const char *
amount(const char *s, char *tmp, size_t size)
{
	static const char *const signs[] = {
		"\xe2\x82\xac", "$", "\xc2\xa3", "\xc2\xa5", NULL
	};
	size_t i, n, len = strlen(s);

	for (i = 0; signs[i] != NULL; i++) {
		n = strlen(signs[i]);
		if (len > n && strncmp(s, signs[i], n) == 0)
			return s + n + (s[n] == ' ');
		if (len > n && len < size &&
		    strcmp(s + len - n, signs[i]) == 0) {
			len -= n + (s[len - n - 1] == ' ');
			memcpy(tmp, s, len);
			tmp[len] = '\0';
			return tmp;
		}
	}
	return s;
}

static int
same_number(const char *a, const char *b)
{
	char ta[64], tb[64], *x = number_digits(amount(a, ta, sizeof(ta)));
	char *y = number_digits(amount(b, tb, sizeof(tb))), *p;
	int same = 0;

	if (x != NULL && y != NULL) {
		for (p = y; *p != '\0'; p++)
			if (*p == ',')
				*p = '.';
		for (p = x; *p != '\0'; p++)
			if (*p == ',')
				*p = '.';
		same = strcmp(x, y) == 0;
	}
	free(x);
	free(y);
	return same;
}

/* The committed date was reduced, and the cell holds its first day or month. */
static int
lost_precision(const char *was, const char *now)
{
	struct date w, n;

	return date_parse(was, &w) == 0 && date_parse(now, &n) == 0 &&
	    n.prec > w.prec && date_first(&n) == date_first(&w);
}

/*
 * A value a spreadsheet takes for a date, in a column that holds no
 * dates: two or three runs of digits, joined by '/', '-' or '.' (1/2,
 * 3-4, 2024-09).
 */
static int
date_like(const char *s)
{
	int runs = 0, n;

	for (;;) {
		for (n = 0; *s >= '0' && *s <= '9'; s++)
			n++;
		if (n == 0 || n > 4 || ++runs > 3)
			return 0;
		if (*s == '\0')
			return runs >= 2;
		if (strchr("/-.", *s++) == NULL)
			return 0;
	}
}

static int
now_a_date(const char *was, const char *now)
{
	struct sheetdate sd;

	return date_like(was) && *now != '\0' && sheetdate_read(now, &sd) !=
	    SD_UNKNOWN;
}

/* What Windows-1252 made of a character it lacks: '?', or the letter. */
static int
cp1252_loss(const char *was, const char *now)
{
	char *lossy = cp1252_lossy(was), *a, *b;
	int same;

	if (lossy == NULL)
		return 0;
	same = strcmp(lossy, now) == 0;
	free(lossy);
	if (same)
		return 1;
	a = slugify(was);
	b = slugify(now);
	same = *a != '\0' && strcmp(a, b) == 0;
	free(a);
	free(b);
	return same;
}

/* Why a spreadsheet's value gives way to the committed one, or NULL. */
static const char *
restore_why(const struct grid *cur, size_t col, const char *was,
    const char *now, const struct witness *w)
{
	if (was[0] != '\0' && strchr("=+-@", was[0]) != NULL)
		return "a spreadsheet evaluated this cell";
	if (w->is_date(cur, col) && lost_precision(was, now))
		return "restored to its committed precision: a spreadsheet "
		    "writes a month or a year as its first day";
	if (!w->is_date(cur, col) && now_a_date(was, now))
		return "a spreadsheet took this cell for a date";
	if (same_number(was, now))
		return "a spreadsheet rewrote this number";
	if (w->cp1252 && cp1252_loss(was, now))
		return "Windows-1252 lacks a character of it";
	return NULL;
}

/* The cells of matched rows that a spreadsheet changed, restored. */
void
witness_restore(struct grid *cur, const struct grid *was,
    const struct witness *wit)
{
	const char *why, *w;
	struct grow *r;
	size_t i, j;
	int *wcol = xcalloc(cur->ncols ? cur->ncols : 1, sizeof(*wcol));

	for (j = 0; j < cur->ncols; j++)
		wcol[j] = grid_col(was, cur->cols[j]);
	for (i = 0; i < cur->nrows; i++) {
		if ((r = &cur->rows[i])->was < 0)
			continue;
		for (j = 0; j < cur->ncols; j++) {
			if (wcol[j] < 0)
				continue;
			w = was->rows[r->was].f[wcol[j]];
			if (strcmp(w, r->f[j]) != 0 && (why = restore_why(cur,
			    j, w, r->f[j], wit)) != NULL)
				grid_set(cur, i, j, w, why);
		}
	}
	free(wcol);
}

/* The place a row goes to: committed rows in their order, new rows after. */
struct place {
	size_t	 key, row;
};

static int
by_key(const void *a, const void *b)
{
	const struct place *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

static void
order_rows(struct grid *cur, const struct grid *was)
{
	struct place *p = xreallocarray(NULL, cur->nrows + 1, sizeof(*p));
	struct grow *rows;
	size_t i;
	int moved = 0;

	for (i = 0; i < cur->nrows; i++) {
		p[i].row = i;
		p[i].key = cur->rows[i].was >= 0 ? (size_t)cur->rows[i].was :
		    was->nrows + i;
	}
	qsort(p, cur->nrows, sizeof(*p), by_key);
	rows = xreallocarray(NULL, cur->nrows + 1, sizeof(*rows));
	for (i = 0; i < cur->nrows; i++) {
		rows[i] = cur->rows[p[i].row];
		moved |= p[i].row != i;
	}
	free(cur->rows);
	cur->rows = rows;
	free(p);
	if (moved)
		grid_log(cur, 0, "rows put back in their committed order "
		    "(a sort in a spreadsheet moved them); new rows after them");
}

/* Columns that a spreadsheet moved go back too, when they are the same. */
static void
order_cols(struct grid *cur, const struct grid *was)
{
	size_t *from, i, j;
	char **f, **row;
	int moved = 0, c;

	if (cur->ncols != was->ncols)
		return;
	from = xreallocarray(NULL, cur->ncols, sizeof(*from));
	for (j = 0; j < cur->ncols; j++) {
		if ((c = grid_col(cur, was->cols[j])) < 0) {
			free(from);
			return;
		}
		from[j] = (size_t)c;
		moved |= from[j] != j;
	}
	/* The header is moved last, as row nrows. */
	for (i = 0; moved && i <= cur->nrows; i++) {
		row = i < cur->nrows ? cur->rows[i].f : cur->cols;
		f = xreallocarray(NULL, cur->ncols, sizeof(*f));
		for (j = 0; j < cur->ncols; j++)
			f[j] = row[from[j]];
		memcpy(row, f, cur->ncols * sizeof(*f));
		free(f);
	}
	free(from);
	if (moved)
		grid_log(cur, 0, "columns put back in their committed order");
}

void
witness_order(struct grid *cur, const struct grid *was)
{
	order_cols(cur, was);
	order_rows(cur, was);
}
