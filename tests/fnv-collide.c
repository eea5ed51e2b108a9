/*
 * fnv-collide: prints N ids that all have one hash under the maps' old
 * hash (see collide.c), or with -r, N random ids of the same length.
 *
 * Usage: tests/fnv-collide [-r] N [PREFIX]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"
#include "collide.h"

int
main(int argc, char **argv)
{
	char **ids, *end;
	unsigned long n;
	size_t j;
	int rnd = 0;

	progname = "fnv-collide";
	if (argc > 1 && strcmp(argv[1], "-r") == 0) {
		rnd = 1;
		argv++;
		argc--;
	}
	if (argc < 2 || argc > 3 ||
	    (n = strtoul(argv[1], &end, 10)) == 0 || *end != '\0')
		die(EXIT_USAGE, "usage: fnv-collide [-r] N [PREFIX]");
	ids = rnd ? random_ids(n, argc > 2 ? argv[2] : "", 1) :
	    collide_ids(n, argc > 2 ? argv[2] : "");
	for (j = 0; j < n; j++)
		puts(ids[j]);
	free(ids);
	if (fflush(stdout) == EOF || ferror(stdout))
		die(EXIT_SYS, "stdout: write error");
	return 0;
}
