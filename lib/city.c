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

/*
 * A streaming add's duplicate check, row by row against the one new
 * city, by the rule above: the first city of the same region (any
 * region, when the new one has none) is the duplicate, else the first
 * with no region.  The second city that the first kind would find is
 * kept too: import-report refuses a host it cannot tell apart.
 */
void
city_dup_init(struct city_dup *d, const char *name, const char *cc,
    const char *region)
{
	memset(d, 0, sizeof(*d));
	d->folded = fold_name(name);
	d->country = xstrdup(cc);
	d->region = xstrdup(region);
}

/* Whether the row streamed is the same city as the new one. */
int
city_dup_see(struct city_dup *d, const struct scan *s)
{
	const char *region;
	char *folded;
	int same, k;

	if (strcmp(sget(s, C_COUNTRY), d->country) != 0)
		return 0;
	folded = fold_name(sget(s, C_NAME));
	same = strcmp(folded, d->folded) == 0;
	free(folded);
	if (!same)
		return 0;
	region = sget(s, C_REGION);
	if (*d->region == '\0' || strcmp(region, d->region) == 0)
		k = 0;
	else if (*region == '\0')
		k = 1;
	else
		return 0;
	if (d->id[k] == NULL) {
		d->id[k] = xstrdup(sget(s, C_ID));
		d->line[k] = s->rec.line;
	} else if (k == 0 && d->second == NULL)
		d->second = xstrdup(sget(s, C_ID));
	return 1;
}

/* The id of the city the new one duplicates, and its line; or NULL. */
const char *
city_dup_found(const struct city_dup *d, long *line)
{
	int k = d->id[0] != NULL ? 0 : 1;

	*line = d->line[k];
	return d->id[k];
}

void
city_dup_free(struct city_dup *d)
{
	free(d->folded);
	free(d->country);
	free(d->region);
	free(d->id[0]);
	free(d->id[1]);
	free(d->second);
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
