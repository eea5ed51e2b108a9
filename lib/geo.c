/*
 * geo.c: the gazetteer, GeoNames' cities of at least 1,000 people, by
 * which a city's name, country and region give its latitude and
 * longitude.  The file (data/gazetteer.tsv, made by
 * tools/gen-gazetteer.sh) is read at run time, not compiled in: it is
 * mapped into memory and searched in place, by binary search over its
 * lines, which are sorted by the folded name that starts each.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sc.h"

#ifndef GEODIR
#define GEODIR	"/usr/local/share/sc"
#endif

#define MAGIC		"# sc gazetteer 1\n"
#define GAZETTEER	"gazetteer.tsv"

/* Places this close in latitude and in longitude are one place. */
#define SAME_PLACE	0.1
/* A place this many times as populous as the next is the one meant. */
#define CLEARLY		10

struct geo {
	char	*path;
	const char *map, *body, *end;	/* the mapping, its rows, its end */
	size_t	 size;
	char	**regions;	/* the region codes the rows use, sorted */
	size_t	 nregions;
};

/*
 * The gazetteer beside the running binary, when it runs from the source
 * tree (DIR/sc-cities and DIR/data/gazetteer.tsv), or else the installed
 * one.  /proc/self/exe is Linux's; elsewhere only GEODIR is looked in.
 */
static char *
default_path(void)
{
	char exe[PATH_MAX], *slash, *p;
	ssize_t n;

	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			p = xasprintf("%s/data/%s", exe, GAZETTEER);
			if (access(p, R_OK) == 0)
				return p;
			free(p);
		}
	}
	return xstrdup(GEODIR "/" GAZETTEER);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The "# regions: US-AK US-AL ..." line, from after its colon. */
static void
read_regions(struct geo *g, const char *p, const char *eol)
{
	const char *w;

	while (p < eol) {
		while (p < eol && *p == ' ')
			p++;
		for (w = p; p < eol && *p != ' '; p++)
			;
		if (p == w)
			continue;
		g->regions = xreallocarray(g->regions, g->nregions + 1,
		    sizeof(*g->regions));
		g->regions[g->nregions++] = xstrndup(w, (size_t)(p - w));
	}
	if (g->nregions > 1)
		qsort(g->regions, g->nregions, sizeof(*g->regions), str_cmp);
}

/*
 * The header: the magic line, then lines that start with '#'.  The file
 * must end with a newline, so that every scan for one stops inside it.
 */
static int
read_header(struct geo *g)
{
	const char *p = g->map, *eol;

	if (g->size < sizeof(MAGIC) - 1 ||
	    memcmp(g->map, MAGIC, sizeof(MAGIC) - 1) != 0 ||
	    g->map[g->size - 1] != '\n')
		return -1;
	while (p < g->end && *p == '#') {
		eol = memchr(p, '\n', (size_t)(g->end - p));
		if (strncmp(p, "# regions:", 10) == 0)
			read_regions(g, p + 10, eol);
		p = eol + 1;
	}
	g->body = p;
	return 0;
}

/* Maps the file at g->path; NULL, or why it cannot. */
static char *
map_file(struct geo *g)
{
	struct stat sb;
	void *m;
	int fd, err;

	if ((fd = open(g->path, O_RDONLY | O_CLOEXEC)) == -1)
		return xasprintf("cannot open the gazetteer %s: %s", g->path,
		    strerror(errno));
	if (fstat(fd, &sb) == -1) {
		err = errno;
		close(fd);
		return xasprintf("%s: %s", g->path, strerror(err));
	}
	if (!S_ISREG(sb.st_mode) || sb.st_size == 0) {
		close(fd);
		return xasprintf("%s: not a gazetteer of sc", g->path);
	}
	g->size = (size_t)sb.st_size;
	m = mmap(NULL, g->size, PROT_READ, MAP_PRIVATE, fd, 0);
	err = errno;
	close(fd);
	if (m == MAP_FAILED)
		return xasprintf("%s: %s", g->path, strerror(err));
	g->map = m;
	g->end = g->map + g->size;
	if (read_header(g) == -1)
		return xasprintf("%s: not a gazetteer of sc", g->path);
	return NULL;
}

/*
 * The gazetteer at path, or the one found as default_path() says; NULL
 * when it cannot be read, and *why says why (to be freed).
 */
struct geo *
geo_try_open(const char *path, char **why)
{
	struct geo *g;

	g = xcalloc(1, sizeof(*g));
	g->path = path != NULL ? xstrdup(path) : default_path();
	if ((*why = map_file(g)) != NULL) {
		geo_close(g);
		return NULL;
	}
	return g;
}

/* The same, for a verb that cannot go on without it: a system error. */
struct geo *
geo_open(const char *path)
{
	struct geo *g;
	char *why;

	if ((g = geo_try_open(path, &why)) == NULL)
		die(EXIT_SYS, "%s", why);
	return g;
}

const char *
geo_path(const struct geo *g)
{
	return g->path;
}

void
geo_close(struct geo *g)
{
	if (g == NULL)
		return;
	if (g->map != NULL)
		munmap((void *)g->map, g->size);
	while (g->nregions > 0)
		free(g->regions[--g->nregions]);
	free(g->regions);
	free(g->path);
	free(g);
}

/*
 * Decimal degrees as sc writes them: an optional minus, one to three
 * digits, and an optional fraction of one to fifteen digits.  No plus, no
 * exponent, no spaces, no hemisphere letters; the range is checked.
 */
int
geo_coord(const char *s, int is_lat, double *deg)
{
	double v = 0, scale = 1;
	const char *p = s + (*s == '-');
	int n;

	for (n = 0; *p >= '0' && *p <= '9'; p++, n++)
		v = v * 10 + (*p - '0');
	if (n < 1 || n > 3)
		return -1;
	if (*p == '.') {
		for (p++, n = 0; *p >= '0' && *p <= '9'; p++, n++)
			v += (*p - '0') * (scale /= 10);
		if (n < 1 || n > 15)
			return -1;
	}
	if (*p != '\0' || v > (is_lat ? 90 : 180))
		return -1;
	*deg = *s == '-' ? -v : v;
	return 0;
}

/* The start of the line after the one at p. */
static const char *
next_line(const struct geo *g, const char *p)
{
	return (const char *)memchr(p, '\n', (size_t)(g->end - p)) + 1;
}

/*
 * The line's key (up to its first tab) against key: below, equal or
 * above.  A key ends before any character in it, as the tab that ends it
 * in the file sorts before them all.
 */
static int
key_cmp(const char *line, const char *key, size_t klen)
{
	size_t i;

	for (i = 0; i < klen; i++) {
		if (line[i] == '\t' || line[i] == '\n')
			return -1;
		if (line[i] != key[i])
			return (unsigned char)line[i] <
			    (unsigned char)key[i] ? -1 : 1;
	}
	return line[i] == '\t' ? 0 : 1;
}

/*
 * The first line whose key is not below key.  lo and hi are always line
 * starts: every line before lo is below, every line from hi on is not.
 */
static const char *
lower_bound(const struct geo *g, const char *key, size_t klen)
{
	const char *lo = g->body, *hi = g->end, *mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		while (mid > lo && mid[-1] != '\n')
			mid--;
		if (key_cmp(mid, key, klen) < 0)
			lo = next_line(g, mid);
		else
			hi = mid;
	}
	return lo;
}

/*
 * Split the line at p into its seven fields, NUL-free: each is a start
 * and a length.  0, or -1 if it has not seven.
 */
enum { G_KEY, G_NAME, G_COUNTRY, G_REGION, G_POP, G_LAT, G_LON, G_NFIELDS };
static int
split_line(const char *p, const char *f[G_NFIELDS], size_t len[G_NFIELDS])
{
	int i;

	for (i = 0; i < G_NFIELDS; i++) {
		f[i] = p;
		while (*p != '\t' && *p != '\n')
			p++;
		len[i] = (size_t)(p - f[i]);
		if ((*p == '\n') != (i == G_NFIELDS - 1))
			return -1;
		p++;
	}
	return 0;
}

/* Copy a field into a buffer of size n, or fail if it does not fit. */
static int
field_copy(char *dst, size_t n, const char *f, size_t len)
{
	if (len >= n)
		return -1;
	memcpy(dst, f, len);
	dst[len] = '\0';
	return 0;
}

/* The line at p as a place, its name not yet copied; -1 if malformed. */
static int
parse_place(const char *p, struct geo_place *pl, const char **name,
    size_t *namelen)
{
	const char *f[G_NFIELDS];
	size_t len[G_NFIELDS];
	char pop[24], *e;

	if (split_line(p, f, len) == -1 || len[G_COUNTRY] != 2 ||
	    field_copy(pl->country, sizeof(pl->country), f[G_COUNTRY],
	    len[G_COUNTRY]) == -1 ||
	    field_copy(pl->region, sizeof(pl->region), f[G_REGION],
	    len[G_REGION]) == -1 ||
	    field_copy(pop, sizeof(pop), f[G_POP], len[G_POP]) == -1 ||
	    field_copy(pl->slat, sizeof(pl->slat), f[G_LAT], len[G_LAT]) == -1 ||
	    field_copy(pl->slon, sizeof(pl->slon), f[G_LON], len[G_LON]) == -1 ||
	    geo_coord(pl->slat, 1, &pl->lat) == -1 ||
	    geo_coord(pl->slon, 0, &pl->lon) == -1)
		return -1;
	errno = 0;
	pl->population = strtol(pop, &e, 10);
	if (*pop < '0' || *pop > '9' || *e != '\0' || errno != 0)
		return -1;
	*name = f[G_NAME];
	*namelen = len[G_NAME];
	return 0;
}

/* Whether the gazetteer gives any place this region. */
static int
region_known(const struct geo *g, const char *region)
{
	return g->nregions > 0 && bsearch(&region, g->regions, g->nregions, sizeof(*g->regions),
	    str_cmp) != NULL;
}

static void
add_place(struct geo_match *m, const struct geo_place *pl, const char *name,
    size_t namelen)
{
	m->place = xreallocarray(m->place, m->n + 1, sizeof(*m->place));
	m->place[m->n] = *pl;
	m->place[m->n].name = xstrndup(name, namelen);
	m->n++;
}

/* The most populous first; ties in a fixed order, so results repeat. */
static int
place_cmp(const void *a, const void *b)
{
	const struct geo_place *x = a, *y = b;

	if (x->population != y->population)
		return x->population > y->population ? -1 : 1;
	if (x->lat != y->lat)
		return x->lat < y->lat ? -1 : 1;
	if (x->lon != y->lon)
		return x->lon < y->lon ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int
same_place(const struct geo_place *a, const struct geo_place *b)
{
	double dlat = a->lat - b->lat, dlon = a->lon - b->lon;

	return dlat < SAME_PLACE && dlat > -SAME_PLACE &&
	    dlon < SAME_PLACE && dlon > -SAME_PLACE;
}

/*
 * GeoNames often has a town and its municipality, or one place twice, a
 * few kilometres apart: a place close to a more populous one is that
 * one, and is dropped.  The places are sorted most populous first.
 */
static void
drop_same(struct geo_match *m)
{
	size_t i, j, k = 0;

	for (i = 0; i < m->n; i++) {
		for (j = 0; j < k; j++)
			if (same_place(&m->place[i], &m->place[j]))
				break;
		if (j < k) {
			free(m->place[i].name);
			continue;
		}
		m->place[k++] = m->place[i];
	}
	m->n = k;
}

/*
 * The rule for a name the country (and region) leave with several
 * places: the most populous is taken if it is at least CLEARLY times as
 * populous as the next; otherwise the name is ambiguous.
 */
static void
decide(struct geo_match *m)
{
	if (m->n > 1)
		qsort(m->place, m->n, sizeof(*m->place), place_cmp);
	drop_same(m);
	if (m->n == 0)
		m->status = GEO_NONE;
	else if (m->n == 1)
		m->status = GEO_FOUND;
	else if (m->place[0].population > 0 &&
	    m->place[0].population / CLEARLY >= m->place[1].population) {
		m->status = GEO_FOUND;
		m->populous = 1;
	} else
		m->status = GEO_AMBIGUOUS;
}

void
geo_lookup(const struct geo *g, const char *name, const char *country,
    const char *region, struct geo_match *m)
{
	struct geo_place pl;
	const char *p, *pname;
	char *key;
	size_t klen, plen;
	int use_region;

	memset(m, 0, sizeof(*m));
	use_region = region != NULL && *region != '\0' &&
	    region_known(g, region);
	m->region_unused = region != NULL && *region != '\0' && !use_region;
	key = fold_name(name);
	klen = strlen(key);
	for (p = lower_bound(g, key, klen); p < g->end &&
	    key_cmp(p, key, klen) == 0; p = next_line(g, p)) {
		if (parse_place(p, &pl, &pname, &plen) == -1)
			die(EXIT_SYS, "%s: a malformed line at byte %zu",
			    g->path, (size_t)(p - g->map));
		if (country != NULL && *country != '\0' &&
		    strcmp(pl.country, country) != 0)
			continue;
		if (use_region && strcmp(pl.region, region) != 0)
			continue;
		add_place(m, &pl, pname, plen);
	}
	free(key);
	decide(m);
}

void
geo_match_free(struct geo_match *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->place[i].name);
	free(m->place);
	m->place = NULL;
	m->n = 0;
}
