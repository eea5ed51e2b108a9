/*
 * geo-try.c: a driver of lib/geo.c and lib/svg.c for tests/t-geo.sh, and
 * the bench of lookups.
 *
 *	geo-try locate GAZETTEER|- NAME COUNTRY [REGION]
 *	geo-try map TITLE < name TAB status TAB lat TAB lon lines
 *	geo-try timeline TITLE TODAY < name TAB city TAB start TAB end TAB
 *	    series TAB kind TAB status lines
 *	geo-try bench GAZETTEER N
 *
 * locate prints "found", "found (most populous of N)", "ambiguous" or
 * "none", then one line a place; "-" is the gazetteer the library finds
 * by itself.  map and timeline write the SVG; an
 * empty lat and lon is a city not located, and "-" in place of TODAY is
 * none.  bench looks up N names taken from the gazetteer's own rows, one
 * in ten of them misspelt, and prints the counts and the time taken.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sc.h"

static void
usage(void)
{
	die(EXIT_USAGE, "usage: geo-try locate|map|timeline|bench ...");
}

static void
print_place(const struct geo_place *p)
{
	printf("%s\t%s\t%s\t%ld\t%s\t%s\n", p->name, p->country, p->region,
	    p->population, p->slat, p->slon);
}

static int
locate(int argc, char **argv)
{
	static const char *const what[] = { "none", "found", "ambiguous" };
	struct geo *g;
	struct geo_match m;
	size_t i;

	if (argc < 4 || argc > 5)
		usage();
	g = geo_open(strcmp(argv[1], "-") == 0 ? NULL : argv[1]);
	geo_lookup(g, argv[2], argv[3], argc == 5 ? argv[4] : NULL, &m);
	printf("%s", what[m.status]);
	if (m.populous)
		printf(" (most populous of %zu)", m.n);
	if (m.region_unused)
		printf(" (region not used)");
	putchar('\n');
	for (i = 0; i < m.n; i++)
		print_place(&m.place[i]);
	geo_match_free(&m);
	geo_close(g);
	return 0;
}

/* The tab-separated fields of each line of stdin, n to a line. */
static char **
read_rows(size_t nf, size_t *nrows)
{
	char *line = NULL, **f = NULL, *p, *tab;
	size_t cap = 0, i, n = 0;
	ssize_t len;

	while ((len = getline(&line, &cap, stdin)) > 0) {
		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		f = xreallocarray(f, (n + 1) * nf, sizeof(*f));
		for (p = line, i = 0; i < nf; i++) {
			if ((tab = strchr(p, '\t')) != NULL)
				*tab = '\0';
			f[n * nf + i] = xstrdup(p);
			p = tab != NULL ? tab + 1 : p + strlen(p);
		}
		n++;
	}
	free(line);
	*nrows = n;
	return f;
}

static int
map(int argc, char **argv)
{
	struct svg_city *c;
	char **f;
	size_t i, n;

	if (argc != 2)
		usage();
	f = read_rows(4, &n);
	c = xcalloc(n + 1, sizeof(*c));
	for (i = 0; i < n; i++) {
		c[i].name = f[4 * i];
		c[i].status = f[4 * i + 1];
		c[i].located = geo_coord(f[4 * i + 2], 1, &c[i].lat) == 0 &&
		    geo_coord(f[4 * i + 3], 0, &c[i].lon) == 0;
	}
	svg_map(stdout, argv[1], c, n);
	for (i = 0; i < 4 * n; i++)
		free(f[i]);
	free(f);
	free(c);
	return 0;
}

static int
timeline(int argc, char **argv)
{
	struct svg_event *e;
	struct date d;
	char **f;
	size_t i, n;
	long today = LONG_MIN;

	if (argc != 3)
		usage();
	if (strcmp(argv[2], "-") != 0) {
		if (date_parse(argv[2], &d) == -1)
			usage();
		today = date_first(&d);
	}
	f = read_rows(7, &n);
	e = xcalloc(n + 1, sizeof(*e));
	for (i = 0; i < n; i++) {
		e[i].name = f[7 * i];
		e[i].city = f[7 * i + 1];
		e[i].start = f[7 * i + 2];
		e[i].end = f[7 * i + 3];
		e[i].series = f[7 * i + 4];
		e[i].kind = f[7 * i + 5];
		e[i].status = f[7 * i + 6];
	}
	svg_timeline(stdout, argv[1], e, n, today);
	for (i = 0; i < 7 * n; i++)
		free(f[i]);
	free(f);
	free(e);
	return 0;
}

/* The names and countries of the gazetteer's rows, for the bench. */
static char **
gazetteer_names(const char *path, size_t *n)
{
	FILE *fp;
	char *line = NULL, **v = NULL, *name, *cc;
	size_t cap = 0;

	if ((fp = fopen(path, "r")) == NULL)
		die(EXIT_SYS, "%s: cannot open", path);
	*n = 0;
	while (getline(&line, &cap, fp) > 0) {
		if (*line == '#' || (name = strchr(line, '\t')) == NULL ||
		    (cc = strchr(++name, '\t')) == NULL)
			continue;
		*cc++ = '\0';
		cc[2] = '\0';
		v = xreallocarray(v, 2 * (*n + 1), sizeof(*v));
		v[2 * *n] = xstrdup(name);
		v[2 * (*n)++ + 1] = xstrdup(cc);
	}
	free(line);
	fclose(fp);
	return v;
}

static int
bench(int argc, char **argv)
{
	struct timespec t0, t1;
	struct geo_match m;
	struct geo *g;
	char **v, *typo;
	size_t n, i, k, count[3] = { 0, 0, 0 }, total;

	if (argc != 3)
		usage();
	total = strtoul(argv[2], NULL, 10);
	v = gazetteer_names(argv[1], &n);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	g = geo_open(argv[1]);
	for (i = 0; i < total; i++) {
		k = i * 7919 % n;
		typo = i % 10 == 9 ? xasprintf("%sq", v[2 * k]) : NULL;
		geo_lookup(g, typo != NULL ? typo : v[2 * k], v[2 * k + 1],
		    NULL, &m);
		count[m.status]++;
		geo_match_free(&m);
		free(typo);
	}
	geo_close(g);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%zu lookups: %zu found, %zu ambiguous, %zu none, %.3f s\n",
	    total, count[GEO_FOUND], count[GEO_AMBIGUOUS], count[GEO_NONE],
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	for (i = 0; i < 2 * n; i++)
		free(v[i]);
	free(v);
	return 0;
}

int
main(int argc, char **argv)
{
	progname = "geo-try";
	if (argc < 2)
		usage();
	if (strcmp(argv[1], "locate") == 0)
		return locate(argc - 1, argv + 1);
	if (strcmp(argv[1], "map") == 0)
		return map(argc - 1, argv + 1);
	if (strcmp(argv[1], "timeline") == 0)
		return timeline(argc - 1, argv + 1);
	if (strcmp(argv[1], "bench") == 0)
		return bench(argc - 1, argv + 1);
	usage();
}
