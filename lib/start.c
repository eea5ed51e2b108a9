/*
 * start.c: how to start a data directory from the seed tables, for the
 * message that refuses to write to the seeds compiled into the programs.
 * It names only a copy that is there to copy: the installed seed tables
 * (SEEDDIR, after make install), else the seeds/ of the source tree the
 * programs were built in; else nothing, and -D or SC_DATA is all there
 * is to say.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sc.h"

/* A path the shell takes as one word as it stands, or NULL quoted. */
static int
plain_word(const char *s)
{
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789/._+-,:@%") == strlen(s);
}

const char *
seeds_hint(void)
{
	static char hint[4200];
	const char *const dirs[] = { SEEDDIR, seed_srcdir };
	char path[4096];
	size_t i;

	for (i = 0; i < NELEM(dirs); i++) {
		if (*dirs[i] == '\0' || (size_t)snprintf(path, sizeof(path),
		    "%s/cities.csv", dirs[i]) >= sizeof(path) ||
		    access(path, R_OK) == -1)
			continue;
		if (plain_word(dirs[i]))
			snprintf(hint, sizeof(hint), "; to start one from the "
			    "seeds: mkdir DIR && cp %s/*.csv DIR", dirs[i]);
		else if (strchr(dirs[i], '\'') == NULL)
			snprintf(hint, sizeof(hint), "; to start one from the "
			    "seeds: mkdir DIR && cp '%s'/*.csv DIR", dirs[i]);
		else
			continue;
		return hint;
	}
	return "";
}
