/*
 * foldkeys.c: for tools/gen-gazetteer.sh, prefix each line of stdin with
 * the folded form of its first tab-separated field, as lib/fold.c's
 * fold_name() makes it, and a tab.  The gazetteer is sorted by these keys,
 * so they must be folded by the same code that folds a name looked up.
 * Built by the script from lib/; not part of the build.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

int
main(void)
{
	char *line = NULL, *tab, *key;
	size_t cap = 0;
	ssize_t n;

	progname = "foldkeys";
	while ((n = getline(&line, &cap, stdin)) > 0) {
		if ((tab = strchr(line, '\t')) == NULL)
			die(EXIT_DATA, "a line without a tab: %s", line);
		*tab = '\0';
		key = fold_name(line);
		if (strpbrk(key, "\t\n\r") != NULL || *key == '\0' ||
		    *key == '#')
			die(EXIT_DATA, "a name that folds to a bad key: %s",
			    line);
		*tab = '\t';
		printf("%s\t%s", key, line);
		free(key);
	}
	free(line);
	return ferror(stdout) || fclose(stdout) != 0 ? EXIT_SYS : 0;
}
