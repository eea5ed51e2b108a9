/*
 * city.c: when two cities are the same, and the id a new city gets.
 * sc-cities add and import use these, and so does sc-events
 * import-report, which adds the host city of a report it does not know:
 * one rule for every verb that adds a city.
 */
#include <stdlib.h>
#include <string.h>

#include "sc.h"

/*
 * Two cities are the same when their folded names and countries match and
 * their regions match or one of them has none: "Montreal, CA" is
 * Montréal, CA-QC; Columbus, US-GA is not Columbus, US-OH.  The map holds
 * each city under name+country+region and under name+country ("*" for
 * the region).  A verb that streams the table asks this of each row.
 */
char *
city_key(const char *name, const char *country, const char *region)
{
	char *folded = fold_name(name), *k;

	k = xasprintf("%s\t%s\t%s", folded, country, region);
	free(folded);
	return k;
}

void
city_key_add(struct hmap *h, struct table *t, struct row *r)
{
	char *k;
	int i;

	for (i = 0; i < 2; i++) {
		k = city_key(rget(t, r, C_NAME), rget(t, r, C_COUNTRY),
		    i ? "*" : rget(t, r, C_REGION));
		if (hmap_get(h, k) == NULL)
			hmap_put(h, k, r);
		free(k);
	}
}

/* The city of the map that is the same as r, or NULL. */
struct row *
city_key_find(struct hmap *h, struct table *t, struct row *r)
{
	const char *region = rget(t, r, C_REGION);
	struct row *dup;
	char *k;

	k = city_key(rget(t, r, C_NAME), rget(t, r, C_COUNTRY),
	    *region ? region : "*");
	if ((dup = hmap_get(h, k)) == NULL && *region != '\0') {
		free(k);
		k = city_key(rget(t, r, C_NAME), rget(t, r, C_COUNTRY), "");
		dup = hmap_get(h, k);
	}
	free(k);
	return dup;
}

/* The map of the first n cities of the table. */
struct hmap *
city_keys(struct table *t, size_t n)
{
	struct hmap *h = hmap_new();
	size_t i;

	for (i = 0; i < n; i++)
		city_key_add(h, t, t->rows[i]);
	return h;
}

/*
 * The i-th id a new city may take, from 0: cc-slug; then, for a city
 * with a region, the region's code added (us-columbus-ga); then that
 * (or cc-slug) with a number from 2.  NULL for an i that is no
 * candidate (1, for a city with no region).  A new city takes the first
 * that is not taken: a verb that streams the table asks about several
 * at once.
 */
char *
city_id_candidate(const char *name, const char *cc, const char *region,
    int i)
{
	char *slug = slugify(name), *base, *id;
	const char *sub = strchr(region, '-');
	int withsub = sub != NULL && sub[1] != '\0';

	base = xasprintf("%s-%s", cc, *slug ? slug : "city");
	for (id = base; *id != '\0'; id++)
		if (*id >= 'A' && *id <= 'Z')
			*id = (char)(*id - 'A' + 'a');
	free(slug);
	if (i == 0)
		return base;
	if (i == 1 && !withsub) {
		free(base);
		return NULL;
	}
	if (withsub) {
		id = xasprintf("%s-%s", base, sub + 1);
		free(base);
		base = slugify(id);
		free(id);
		if (i == 1)
			return base;
	}
	id = xasprintf("%s-%d", base, i);
	free(base);
	return id;
}

/* A new city's id: the first of its candidates that is not taken. */
char *
city_new_id(struct db *db, const char *name, const char *cc,
    const char *region)
{
	char *id;
	int i;

	for (i = 0;; i++) {
		if ((id = city_id_candidate(name, cc, region, i)) == NULL)
			continue;
		if (!db_taken(db, T_CITIES, id))
			return id;
		free(id);
	}
}
