/*
 * fuzz_csv.c: libFuzzer target for the CSV reader (rd_open_mem, rd_next)
 * and the table header (scan_open, scan_next).
 *
 * Beyond not crashing, each input is checked three ways:
 *  - what the reader promises: every record has the first one's width,
 *    its fields are valid UTF-8, its line numbers never go back;
 *  - against a reference reader, written here from sc(7) and RFC 4180 in
 *    the plainest way: the same records, fields and lines, and the same
 *    inputs refused, at the same line;
 *  - whatever it reads, csv_add() writes back so that it reads the same.
 *
 * Build with -DFUZZ_KNOWN_BUGS to let pass differences that are reported
 * and not yet fixed, each under an #ifdef FUZZ_KNOWN_BUGS (none now).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"
#include "fuzz.h"

enum { E_NONE, E_UNTERMINATED, E_AFTER_QUOTE, E_MARKER, E_WIDTH, E_BYTES };

/*
 * The reference reader.  A leading BOM is dropped.  A line ends in LF,
 * CRLF or CR.  Blank lines are skipped.  A field that begins with a quote
 * is quoted: "" in it is a quote, line ends in it are kept (and counted),
 * and after its closing quote comes a comma, a line end or the end of
 * the input; anything else is malformed.  A quote inside an unquoted
 * field is kept as it stands, and so is every space.  Fields must be
 * UTF-8 without NUL, a first field no git conflict marker, and records
 * as wide as the first.  Errors name the line the record starts on.
 */
static int
ref_read(const char *p, size_t len, struct recs *rs)
{
	struct buf b = { NULL, 0, 0 };
	char **f = NULL;
	size_t i = 0, n, k;
	long line = 1, recline;
	int ok = 1;

	memset(rs, 0, sizeof(*rs));
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (ok && i < len) {
		if (p[i] == '\n' || p[i] == '\r') {	/* a blank line */
			i += p[i] == '\r' && i + 1 < len && p[i + 1] == '\n';
			i++;
			line++;
			continue;
		}
		recline = line;
		n = 0;
		for (;;) {
			buf_reset(&b);
			buf_add(&b, "", 0);
			if (i < len && p[i] == '"') {
				for (i++;; i++) {
					if (i >= len) {
						ok = ref_fail(rs, recline,
						    E_UNTERMINATED);
						break;
					}
					if (p[i] == '"' && i + 1 < len &&
					    p[i + 1] == '"')
						i++;
					else if (p[i] == '"')
						break;
					else if (p[i] == '\n' || (p[i] == '\r' &&
					    !(i + 1 < len && p[i + 1] == '\n')))
						line++;
					buf_addc(&b, p[i]);
				}
				if (!ok)
					break;
				i++;	/* the closing quote */
				if (i < len && p[i] != ',' && p[i] != '\n' &&
				    p[i] != '\r') {
					ok = ref_fail(rs, recline,
					    E_AFTER_QUOTE);
					break;
				}
			} else
				for (; i < len && p[i] != ',' && p[i] != '\n' &&
				    p[i] != '\r'; i++)
					buf_addc(&b, p[i]);
			if (memchr(b.s, '\0', b.len) != NULL ||
			    !utf8_valid(b.s, b.len)) {
				ok = ref_fail(rs, recline, E_BYTES);
				break;
			}
			f = realloc(f, (n + 1) * sizeof(*f));
			f[n++] = strdup(b.s);
			if (i >= len)
				break;
			if (p[i++] == ',')
				continue;
			i += p[i - 1] == '\r' && i < len && p[i] == '\n';
			line++;
			break;
		}
		if (ok && ref_marker(f[0]))
			ok = ref_fail(rs, recline, E_MARKER);
		else if (ok && rs->n > 0 && n != rs->width)
			ok = ref_fail(rs, recline, E_WIDTH);
		if (ok)
			recs_add(rs, f, n, recline);
		for (k = 0; k < n; k++)
			free(f[k]);
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

	scan_all((const char *)data, size, FMT_CSV);
	ok = read_all((const char *)data, size, FMT_CSV, &a);
	same_lazy((const char *)data, size, FMT_CSV, ok, &a);
	same_keep_going((const char *)data, size, FMT_CSV, ok, &a);
	refok = ref_read((const char *)data, size, &ref);
	if (!recs_agree(ok, &a, refok, &ref))
		return 0;
	/*
	 * Known and left alone: a first field that starts with U+FEFF is
	 * written bare, and a BOM at the start of the input is dropped on
	 * reading.
	 */
	if (a.n > 0 && strncmp(a.r[0][0], "\xef\xbb\xbf", 3) == 0) {
		recs_free(&a);
		return 0;
	}
	for (i = 0; i < a.n; i++) {
		/* A lone empty field is written "", as out.c does. */
		if (a.width == 1 && a.r[i][0][0] == '\0')
			buf_adds(&out, "\"\"");
		for (j = 0; j < a.width && !(a.width == 1 && !*a.r[i][0]); j++) {
			if (j > 0)
				buf_addc(&out, ',');
			csv_add(&out, a.r[i][j], 0);
		}
		buf_addc(&out, '\n');
	}
	reads_back(&a, &out, FMT_CSV);
	return 0;
}
