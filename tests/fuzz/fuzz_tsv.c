/*
 * fuzz_tsv.c: libFuzzer target for the TSV reader (rd_open_mem, rd_next)
 * and the table header read through it (scan_open, scan_next).
 *
 * Beyond not crashing, each input is checked three ways:
 *  - what the reader promises: every record has the first one's width,
 *    its fields are valid UTF-8, its line numbers never go back;
 *  - against a reference reader, written here from sc(7) in the plainest
 *    way: the same records, fields and lines, and the same inputs
 *    refused, at the same line;
 *  - whatever it reads, tsv_add() writes back so that it reads the
 *    same again: TSV is lossless.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"
#include "fuzz.h"

enum { E_NONE, E_MARKER, E_WIDTH, E_BYTES };

/*
 * The reference reader.  A leading BOM is dropped.  A line ends in LF; a
 * CR before it (or before the end of the input) is dropped.  Blank lines
 * are skipped.  Fields are split on tabs, and \t, \n, \r and \\ in
 * them are a tab, a newline, a CR and a backslash; any other backslash is
 * kept.  Lines must be UTF-8 without NUL, a first field no git conflict
 * marker, and records as wide as the first.  Errors name the line.
 */
static int
ref_read(const char *p, size_t len, struct recs *rs)
{
	struct buf b = { NULL, 0, 0 };
	char **f = NULL;
	const char *e;
	size_t i = 0, n, k, ll, j;
	long line = 1, recline;
	int ok = 1;

	memset(rs, 0, sizeof(*rs));
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (ok && i < len) {
		e = memchr(p + i, '\n', len - i);
		ll = (e != NULL ? (size_t)(e - p) : len) - i;
		k = i;
		i += ll + (e != NULL);
		if (ll > 0 && p[k + ll - 1] == '\r')
			ll--;
		recline = line++;
		if (ll == 0)
			continue;
		if (memchr(p + k, '\0', ll) != NULL || !utf8_valid(p + k, ll)) {
			ok = ref_fail(rs, recline, E_BYTES);
			break;
		}
		n = 0;
		for (j = k;; j++) {
			if (j == k) {
				buf_reset(&b);
				buf_add(&b, "", 0);
			}
			if (j == k + ll || p[j] == '\t') {
				f = realloc(f, (n + 1) * sizeof(*f));
				f[n++] = strdup(b.s);
				buf_reset(&b);
				if (j == k + ll)
					break;
				continue;
			}
			if (p[j] == '\\' && j + 1 < k + ll &&
			    strchr("tnr\\", p[j + 1]) != NULL) {
				j++;
				buf_addc(&b, p[j] == 't' ? '\t' : p[j] == 'n' ?
				    '\n' : p[j] == 'r' ? '\r' : '\\');
			} else
				buf_addc(&b, p[j]);
		}
		if (ref_marker(f[0]))
			ok = ref_fail(rs, recline, E_MARKER);
		else if (rs->n > 0 && n != rs->width)
			ok = ref_fail(rs, recline, E_WIDTH);
		if (ok)
			recs_add(rs, f, n, recline);
		for (j = 0; j < n; j++)
			free(f[j]);
	}
	free(f);
	buf_free(&b);
	return ref_done(rs, ok);
}

int
fuzz_test_one(const uint8_t *data, size_t size)
{
	struct recs a, ref;
	struct buf out = { NULL, 0, 0 };
	size_t i, j;
	int ok, refok;

	scan_all((const char *)data, size, FMT_TSV);
	ok = read_all((const char *)data, size, FMT_TSV, &a);
	same_lazy((const char *)data, size, FMT_TSV, ok, &a);
	same_keep_going((const char *)data, size, FMT_TSV, ok, &a);
	refok = ref_read((const char *)data, size, &ref);
	if (!recs_agree(ok, &a, refok, &ref))
		return 0;
	/*
	 * Known and left alone: a first field that starts with U+FEFF (a
	 * BOM at the start of the input is dropped on reading), and a table
	 * of one column with an empty value: TSV writes it as a blank line,
	 * which readers skip.
	 */
	for (i = 0; i < a.n && (a.width > 1 || *a.r[i][0] != '\0'); i++)
		continue;
	if (a.n > 0 && (strncmp(a.r[0][0], "\xef\xbb\xbf", 3) == 0 ||
	    i < a.n)) {
		recs_free(&a);
		return 0;
	}
	for (i = 0; i < a.n; i++) {
		for (j = 0; j < a.width; j++) {
			if (j > 0)
				buf_addc(&out, '\t');
			tsv_add(&out, a.r[i][j]);
		}
		buf_addc(&out, '\n');
	}
	reads_back(&a, &out, FMT_TSV);
	return 0;
}
