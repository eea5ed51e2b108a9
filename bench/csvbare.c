/*
 * csvbare: libcsv's bare parse of a file, counting fields and rows: the
 * floor for any tool built on libcsv.
 */
#include <csv.h>
#include <stdio.h>

static size_t nfields, nrows;

static void
on_field(void *s, size_t len, void *data)
{
	(void)s, (void)len, (void)data;
	nfields++;
}

static void
on_row(int c, void *data)
{
	(void)c, (void)data;
	nrows++;
}

int
main(int argc, char *argv[])
{
	struct csv_parser p;
	char buf[1 << 16];
	size_t n;
	FILE *fp;

	if (argc != 2 || (fp = fopen(argv[1], "r")) == NULL)
		return 2;
	csv_init(&p, 0);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		csv_parse(&p, buf, n, on_field, on_row, NULL);
	csv_fini(&p, on_field, on_row, NULL);
	printf("%zu fields, %zu rows\n", nfields, nrows);
	return 0;
}
