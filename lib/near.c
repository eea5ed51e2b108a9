/*
 * near.c: the name nearest to a mistyped one, for the "did you mean" of
 * a message: of verbs, options and columns.
 */
#include <stdlib.h>
#include <string.h>

#include "sc.h"

/*
 * The optimal string alignment distance of a (la bytes) and b (lb):
 * inserting, deleting or changing a byte, or swapping two neighbours,
 * costs one.  Only small distances matter: any above 2 is given as 3.
 */
static int
edit_distance(const char *a, size_t la, const char *b, size_t lb)
{
	int *rows, *pp, *p, *c, *t, d;
	size_t i, j;

	if (la > lb + 2 || lb > la + 2)
		return 3;
	rows = xcalloc(3 * (lb + 1), sizeof(*rows));
	pp = rows;
	p = pp + lb + 1;
	c = p + lb + 1;
	for (j = 0; j <= lb; j++)
		p[j] = (int)j;
	for (i = 1; i <= la; i++) {
		c[0] = (int)i;
		for (j = 1; j <= lb; j++) {
			d = p[j - 1] + (a[i - 1] != b[j - 1]);
			if (p[j] + 1 < d)
				d = p[j] + 1;
			if (c[j - 1] + 1 < d)
				d = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < d)
				d = pp[j - 2] + 1;
			c[j] = d;
		}
		t = pp, pp = p, p = c, c = t;
	}
	d = p[lb];
	free(rows);
	return d > 3 ? 3 : d;
}

/*
 * The name nearest to a mistyped word, for "did you mean": a name that
 * the word begins, or one within two edits that are not the whole word.
 * Of names as near, the first offered wins.
 */
void
near_init(struct near *n, const char *word, size_t len)
{
	n->word = word;
	n->len = len;
	n->best = NULL;
	n->dist = 3;
}

void
near_offer(struct near *n, const char *name)
{
	size_t len = strlen(name), most = len > n->len ? len : n->len;
	int d;

	if (n->len > 0 && len > n->len && strncmp(name, n->word, n->len) == 0)
		d = 1;
	else
		d = edit_distance(n->word, n->len, name, len);
	if (d < n->dist && (size_t)d < most) {
		n->best = name;
		n->dist = d;
	}
}
