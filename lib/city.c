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
 * A new city's id: cc-slug; on a clash the region's code is added
 * (us-columbus-ga), then a number.  city_id_candidate() gives them in
 * that order, the i-th for i from 0, with no end.
 */
void
city_ids_init(struct city_ids *ci, const char *name, const char *cc,
    const char *region)
{
	char *slug = slugify(name), *p;
	const char *sub;

	ci->base = xasprintf("%s-%s", cc, *slug ? slug : "city");
	for (p = ci->base; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	free(slug);
	ci->sub = NULL;
	if ((sub = strchr(region, '-')) != NULL && sub[1] != '\0') {
		p = xasprintf("%s-%s", ci->base, sub + 1);
		ci->sub = slugify(p);
		free(p);
	}
}

char *
city_id_candidate(void *arg, size_t i)
{
	const struct city_ids *ci = arg;

	if (i == 0)
		return xstrdup(ci->base);
	if (ci->sub != NULL)
		return i == 1 ? xstrdup(ci->sub) :
		    xasprintf("%s-%zu", ci->sub, i);
	return xasprintf("%s-%zu", ci->base, i + 1);
}

void
city_ids_free(struct city_ids *ci)
{
	free(ci->base);
	free(ci->sub);
}

/* The first candidate not taken, asked of the tables one at a time. */
char *
city_new_id(struct db *db, const char *name, const char *cc,
    const char *region)
{
	struct city_ids ci;
	char *id;
	size_t i;

	city_ids_init(&ci, name, cc, region);
	for (i = 0;; i++) {
		id = city_id_candidate(&ci, i);
		if (!db_taken(db, T_CITIES, id))
			break;
		free(id);
	}
	city_ids_free(&ci);
	return id;
}
