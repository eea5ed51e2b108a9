/*
 * ids.c: follow-up ids that two clones of the record do not both make
 * (sc(7), "Ids across clones").  A follow-up made now gets six characters
 * drawn at random from Crockford's base 32 in lower case (the digits and
 * the letters but i, l, o and u), the first a letter, so that it never
 * looks like the integers that older follow-ups keep: k7q2m9.  A person
 * may type any prefix of one that names a single follow-up.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

enum { ID_LEN = 6, INT_MAX_DIGITS = 18, SHOWN = 8 };

/* The 32 characters; the first ten are the digits. */
static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
#define NLETTERS	22

static int
in_alphabet(int c)
{
	return c != '\0' && strchr(alphabet, c) != NULL;
}

static int
is_letter(int c)
{
	return in_alphabet(c) && !(c >= '0' && c <= '9');
}

/* A follow-up's id as older tables have it: 1 to 18 digits, no leading 0. */
int
fu_id_integer(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return *s >= '1' && *s <= '9' && s[n] == '\0' && n <= INT_MAX_DIGITS;
}

/* The start of a drawn id, 1 to 6 characters: what a prefix may be. */
static int
drawn_prefix(const char *s)
{
	size_t i;

	if (!is_letter(s[0]))
		return 0;
	for (i = 1; s[i] != '\0'; i++)
		if (i == ID_LEN || !in_alphabet(s[i]))
			return 0;
	return 1;
}

/* A follow-up id as check accepts it: drawn, or an older integer. */
int
fu_id_valid(const char *s)
{
	return fu_id_integer(s) || (drawn_prefix(s) && strlen(s) == ID_LEN);
}

/*
 * A new id, drawn until it is none that taken holds.  The first letter
 * is one of 22, the others one of 32 each: 22 * 32^5, about 7.4 * 10^8
 * ids (29.5 bits).  The 64 random bits are reduced modulo 22 for the
 * first letter, a bias of less than 2^-59.
 */
char *
fu_id_draw(const struct hmap *taken)
{
	char id[ID_LEN + 1];
	uint64_t r;
	size_t i;

	do {
		random_fill(&r, sizeof(r), "bits for a follow-up id");
		id[0] = alphabet[10 + r % NLETTERS];
		r /= NLETTERS;
		for (i = 1; i < ID_LEN; i++, r >>= 5)
			id[i] = alphabet[r & 31];
		id[ID_LEN] = '\0';
	} while (hmap_get(taken, id) != NULL);
	return xstrdup(id);
}

/*
 * A follow-up id as a person types it, made what the table holds: an
 * integer loses its leading zeros, a drawn id or its prefix its capitals.
 * Returns 0 for what is neither.  An i, l, o or u is never in a drawn id,
 * so a word that has one is no id at all, not an unknown one.
 */
int
fu_id_arg(char *s)
{
	size_t z = strspn(s, "0"), i;

	if (s[strspn(s, "0123456789")] == '\0') {
		if (z > 0 && s[z] != '\0')
			memmove(s, s + z, strlen(s + z) + 1);
		return fu_id_integer(s);
	}
	for (i = 0; s[i] != '\0'; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char)(s[i] - 'A' + 'a');
	return drawn_prefix(s);
}

/* The follow-ups with drawn ids, in the byte order of their ids. */
struct byid {
	const struct table *t;
	struct row **v;
	size_t	 n;
};

static const struct table *sort_table;

static int
id_cmp(const void *a, const void *b)
{
	return strcmp(rget(sort_table, *(struct row *const *)a, F_ID),
	    rget(sort_table, *(struct row *const *)b, F_ID));
}

static void
byid_init(struct byid *b, const struct table *t)
{
	size_t i;

	b->t = t;
	b->v = xreallocarray(NULL, t->nrows + 1, sizeof(*b->v));
	for (i = b->n = 0; i < t->nrows; i++)
		if (is_letter(*rget(t, t->rows[i], F_ID)))
			b->v[b->n++] = t->rows[i];
	sort_table = t;
	qsort(b->v, b->n, sizeof(*b->v), id_cmp);
}

/* The first of the sorted rows whose id is not below p. */
static size_t
lower_bound(const struct byid *b, const char *p)
{
	size_t lo = 0, hi = b->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(rget(b->t, b->v[mid], F_ID), p) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The rows whose ids begin with p: *first of them in b, and how many ids
 * (two rows with one id count once: named_twice() tells of them).
 */
static size_t
prefixed(const struct byid *b, const char *p, size_t *first)
{
	size_t i, len = strlen(p);

	*first = lower_bound(b, p);
	for (i = *first; i < b->n; i++)
		if (strncmp(rget(b->t, b->v[i], F_ID), p, len) != 0)
			break;
	if (i - *first > 1 && strcmp(rget(b->t, b->v[*first], F_ID),
	    rget(b->t, b->v[i - 1], F_ID)) == 0)
		return 1;
	return i - *first;
}

static void
ambiguous(const struct byid *b, const char *p, size_t first, size_t n)
{
	struct buf list = { 0 };
	size_t i;

	for (i = 0; i < n && i < SHOWN; i++) {
		buf_adds(&list, i > 0 ? ", " : "");
		buf_adds(&list, rget(b->t, b->v[first + i], F_ID));
	}
	note("follow-up id '%s' is ambiguous: %s%s; give more of it", p,
	    list.s, n > SHOWN ? ", ..." : "");
	buf_free(&list);
}

/*
 * A careless merge can leave two rows with one id: a verb that names it
 * would change the first and leave the other, so it changes neither.
 * One pass over the table finds the other row of each id named.
 */
static size_t
named_twice(const struct table *t, struct row **rows, size_t n)
{
	struct hmap *named = hmap_new(), *told = hmap_new();
	const struct row *r;
	const char *id;
	size_t i, bad = 0;

	for (i = 0; i < n; i++)
		if (rows[i] != NULL)
			hmap_put(named, rget(t, rows[i], F_ID), rows[i]);
	for (i = 0; i < t->nrows; i++) {
		id = rget(t, t->rows[i], F_ID);
		if ((r = hmap_get(named, id)) == NULL || r == t->rows[i] ||
		    !hmap_put(told, id, told))
			continue;
		warn_at(t->label, t->rows[i]->line, "follow-up %s is also on "
		    "line %ld; 'sc-followups check' names such rows", id,
		    r->line);
		bad++;
	}
	hmap_free(named);
	hmap_free(told);
	return bad;
}

/*
 * The follow-ups that ids name, as fu_id_arg() made them: an exact id
 * first, else the one drawn id that begins with it.  Every unknown or
 * ambiguous one is named before the exit (3), so that a user fixes them
 * all in one go.
 */
struct row **
fu_find_all(struct db *db, char *const *ids, size_t n)
{
	struct table *t = db_table(db, T_FOLLOWUPS);
	struct row **rows = xcalloc(n, sizeof(*rows));
	struct byid b = { NULL, NULL, 0 };
	size_t i, first, k, bad = 0;

	for (i = 0; i < n; i++) {
		if ((rows[i] = hmap_get(db_ids(db, T_FOLLOWUPS), ids[i])))
			continue;
		if (b.t == NULL && drawn_prefix(ids[i]))
			byid_init(&b, t);
		k = b.t != NULL && drawn_prefix(ids[i]) ?
		    prefixed(&b, ids[i], &first) : 0;
		if (k == 1)
			rows[i] = b.v[first];
		else if (k > 1)
			ambiguous(&b, ids[i], first, k);
		else
			note("unknown follow-up '%s'", ids[i]);
		bad += k != 1;
	}
	free(b.v);
	if (bad + named_twice(t, rows, n) > 0)
		exit(EXIT_DATA);
	return rows;
}
