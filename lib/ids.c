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

/*
 * What the ids a verb is given name, found as the table streams by (a
 * write reads it once): each id typed, exact or a prefix of drawn ids,
 * with the rows it matched.  A row matches an id that equals its own or
 * that begins it; every row that matches is the verb's, and at the end
 * an id that matched none, or rows of more than one id, is an error.
 */
struct fu_arg {
	const char *typed;
	size_t	 nrows;		/* the rows it matched */
	size_t	 nexact;	/* of them, the rows whose id it is */
	int	 several;	/* of more than one id */
	int	 exact_only;	/* it names no row by a prefix */
	char	*shown[SHOWN + 1];	/* the smallest of their ids, sorted */
	size_t	 nshown;
};

struct fu_match {
	struct fu_arg *args;
	size_t	 nargs;
	struct hmap *exact;	/* id -> its fu_arg */
	struct hmap *prefix[ID_LEN + 1];	/* by length: prefix -> fu_arg */
	struct hmap *first;	/* id matched -> the line of its first row */
	struct buf twice;	/* "id\tline\tfirst\n" of rows named twice */
	struct hmap *told;
};

static struct fu_match *
match_new(char *const *ids, size_t n, const struct fu_match *was)
{
	struct fu_match *m = xcalloc(1, sizeof(*m));
	size_t i, len;

	m->args = xcalloc(n + 1, sizeof(*m->args));
	m->nargs = n;
	m->exact = hmap_new();
	m->first = hmap_new();
	m->told = hmap_new();
	for (i = 0; i < n; i++) {
		m->args[i].typed = ids[i];
		if (hmap_get(m->exact, ids[i]) == NULL)
			hmap_put(m->exact, ids[i], &m->args[i]);
		m->args[i].exact_only = was != NULL &&
		    was->args[i].nexact > 0;
		if (!drawn_prefix(ids[i]) || (len = strlen(ids[i])) == ID_LEN ||
		    m->args[i].exact_only)
			continue;
		if (m->prefix[len] == NULL)
			m->prefix[len] = hmap_new();
		if (hmap_get(m->prefix[len], ids[i]) == NULL)
			hmap_put(m->prefix[len], ids[i], &m->args[i]);
	}
	return m;
}

struct fu_match *
fu_match_new(char *const *ids, size_t n)
{
	return match_new(ids, n, NULL);
}

/*
 * The ids again, for a second pass: those that a row has as its whole id
 * name that row only, and not the rows that it begins too (it matched
 * them as the table streamed by, before it knew).
 */
struct fu_match *
fu_match_again(const struct fu_match *m)
{
	char **ids = xreallocarray(NULL, m->nargs + 1, sizeof(*ids));
	struct fu_match *again;
	size_t i;

	for (i = 0; i < m->nargs; i++)
		ids[i] = (char *)(uintptr_t)m->args[i].typed;
	again = match_new(ids, m->nargs, m);
	free(ids);
	return again;
}

/* Keeps the SHOWN smallest of an id's matches, in order. */
static void
arg_matched(struct fu_arg *a, const char *id)
{
	size_t i;

	if (a->nrows++ > 0 && strcmp(a->shown[0], id) != 0)
		a->several = 1;
	for (i = a->nshown; i > 0 && strcmp(a->shown[i - 1], id) > 0; i--)
		;
	if (i == SHOWN)
		return;
	if (a->nshown == SHOWN)
		free(a->shown[--a->nshown]);
	memmove(a->shown + i + 1, a->shown + i,
	    (a->nshown - i) * sizeof(*a->shown));
	a->shown[i] = xstrdup(id);
	a->nshown++;
}

/* A second row with an id already matched: told once, at the end. */
static void
matched_twice(struct fu_match *m, const char *id, long line, long first)
{
	char num[48];

	if (!hmap_put(m->told, id, m->told))
		return;
	buf_adds(&m->twice, id);
	snprintf(num, sizeof(num), "\t%ld\t%ld\n", line, first);
	buf_adds(&m->twice, num);
}

/* Whether the row with this id, on this line, is one the ids name. */
int
fu_match_row(struct fu_match *m, const char *id, long line)
{
	struct fu_arg *a;
	char pre[ID_LEN + 1];
	size_t len;
	long *first;
	int hit = 0;

	if ((a = hmap_get(m->exact, id)) != NULL) {
		arg_matched(a, id);
		a->nexact++;
		hit = 1;
	}
	for (len = 1; len < ID_LEN && is_letter(id[0]); len++) {
		if (m->prefix[len] == NULL || strlen(id) <= len)
			continue;
		memcpy(pre, id, len);
		pre[len] = '\0';
		if ((a = hmap_get(m->prefix[len], pre)) != NULL) {
			arg_matched(a, id);
			hit = 1;
		}
	}
	if (!hit)
		return 0;
	if ((first = hmap_get(m->first, id)) != NULL)
		matched_twice(m, id, line, *first);
	else {
		first = xmalloc(sizeof(*first));
		*first = line;
		hmap_put(m->first, id, first);
	}
	return 1;
}

static void
ambiguous(const struct fu_arg *a)
{
	struct buf list = { 0 };
	size_t i;

	for (i = 0; i < a->nshown; i++) {
		buf_adds(&list, i > 0 ? ", " : "");
		buf_adds(&list, a->shown[i]);
	}
	note("follow-up id '%s' is ambiguous: %s%s; give more of it",
	    a->typed, list.s, a->nrows > SHOWN ? ", ..." : "");
	buf_free(&list);
}

/*
 * A careless merge can leave two rows with one id: a verb that names it
 * would change the first and leave the other, so it changes neither.
 */
static size_t
report_twice(const struct fu_match *m, const char *label)
{
	const char *p = m->twice.s, *tab;
	size_t n = 0;

	for (; p != NULL && *p != '\0'; p = strchr(p, '\n') + 1, n++) {
		tab = strchr(p, '\t');
		warn_at(label, strtol(tab + 1, NULL, 10), "follow-up %.*s is "
		    "also on line %ld; 'sc-followups check' names such rows",
		    (int)(tab - p), p, strtol(strchr(tab + 1, '\t') + 1, NULL,
		    10));
	}
	return n;
}

/*
 * The end of the table: every unknown or ambiguous id is named, then
 * every id two rows have, before the exit (3), so that a user fixes them
 * all in one go.  Returns 1 when an id that is a row's whole id began
 * others too: the rows it names are then those of fu_match_again().
 */
int
fu_match_end(struct fu_match *m, const char *label)
{
	struct fu_arg *a;
	size_t i, bad = 0;

	for (i = 0; i < m->nargs; i++)
		if (m->args[i].nexact > 0 && m->args[i].nexact <
		    m->args[i].nrows)
			return 1;
	for (i = 0; i < m->nargs; i++) {
		a = &m->args[i];
		if (a->nrows == 0)
			note("unknown follow-up '%s'", a->typed);
		else if (a->several)
			ambiguous(a);
		bad += a->nrows == 0 || a->several;
	}
	if (bad + report_twice(m, label) > 0)
		exit(EXIT_DATA);
	return 0;
}

void
fu_match_free(struct fu_match *m)
{
	size_t i, j;

	for (i = 0; i < m->nargs; i++)
		for (j = 0; j < m->args[i].nshown; j++)
			free(m->args[i].shown[j]);
	for (i = 0; i <= ID_LEN; i++)
		hmap_free(m->prefix[i]);
	hmap_free(m->exact);
	hmap_free_all(m->first, free);
	hmap_free(m->told);
	buf_free(&m->twice);
	free(m->args);
	free(m);
}
