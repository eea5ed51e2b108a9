/*
 * recs.c: what the reader targets share: reading every record of an input
 * (checking what the reader promises), the header read as a table's, and
 * the padding that moves an input across the reader's first read.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"
#include "fuzz.h"

void
recs_free(struct recs *rs)
{
	size_t i, j;

	for (i = 0; i < rs->n; i++) {
		for (j = 0; j < rs->width; j++)
			free(rs->r[i][j]);
		free(rs->r[i]);
	}
	free(rs->r);
	free(rs->line);
	memset(rs, 0, sizeof(*rs));
}

void
recs_add(struct recs *rs, char **f, size_t n, long line)
{
	size_t j;

	if (rs->n == 0)
		rs->width = n;
	rs->r = realloc(rs->r, (rs->n + 1) * sizeof(*rs->r));
	rs->line = realloc(rs->line, (rs->n + 1) * sizeof(*rs->line));
	rs->r[rs->n] = malloc(n * sizeof(char *));
	for (j = 0; j < n; j++)
		rs->r[rs->n][j] = strdup(f[j]);
	rs->line[rs->n++] = line;
}

/*
 * The fields of a lazy reader's record, asked for in an order that the
 * record picks (odd ones first, some twice), then all at once: both must
 * agree.  A record that rd_raw() gives must be what the writer writes.
 */
static char **
lazy_fields(struct reader *rd, const struct rec *rec)
{
	static const int fmts[2] = { FMT_TSV, FMT_CSV };
	struct buf out = { NULL, 0, 0 };
	const char *got[64], *raw;
	char **row;
	size_t j, k, n = rec->n < 64 ? rec->n : 64, rawlen = 0;

	for (j = 1; j < n; j += 2)
		got[j] = rd_field(rd, j);
	for (j = 0; j < n; j += 2)
		got[j] = rd_field(rd, j);
	CHECK(n == 0 || rd_field(rd, n - 1) == got[n - 1]);
	/* TSV first: the CSV a TSV record gives replaces its TSV. */
	for (k = 0; k < 2; k++) {
		if ((raw = rd_raw(rd, fmts[k], &rawlen)) == NULL)
			continue;
		buf_reset(&out);
		for (j = 0; j < rec->n; j++) {
			if (j > 0)
				buf_addc(&out, fmts[k] == FMT_CSV ? ',' : '\t');
			if (fmts[k] == FMT_CSV)
				csv_add(&out, rd_field(rd, j), 0);
			else
				tsv_add(&out, rd_field(rd, j));
		}
		CHECK(out.len == rawlen && memcmp(out.s, raw, rawlen) == 0);
	}
	buf_free(&out);
	row = rd_row(rd);
	for (j = 0; j < n; j++)
		CHECK(strcmp(row[j], got[j]) == 0);
	return row;
}

/*
 * Reads every record of data into rs, eagerly or (after the header)
 * lazily; 0 when the reader gave up (the input is malformed), 1 when it
 * read to the end.
 */
static int
read_records(const char *data, size_t len, int fmt, struct recs *rs, int lazy)
{
	static struct reader *volatile rd;
	struct rec rec;
	long lastline = 0;
	size_t j, lines = 1, k;
	char **f;

	for (k = 0; k < len; k++)
		lines += data[k] == '\n' || data[k] == '\r';
	memset(rs, 0, sizeof(*rs));
	rd = NULL;
	if (FUZZ_TRY() != 0) {
		CHECK(fuzz_status == EXIT_DATA);
		rd_close(rd);
		recs_free(rs);
		return 0;
	}
	rd = rd_open_mem("fuzz", data, len, fmt);
	while (rd_next(rd, &rec)) {
		f = lazy && rs->n > 0 ? lazy_fields(rd, &rec) : rec.f;
		CHECK(rec.n >= 1);
		CHECK(rs->n == 0 || rec.n == rs->width);
		CHECK(rec.line >= 1 && rec.line >= lastline);
		CHECK((size_t)rec.line <= lines);
		lastline = rec.line;
		for (j = 0; j < rec.n; j++)
			CHECK(utf8_valid(f[j], strlen(f[j])));
		recs_add(rs, f, rec.n, rec.line);
		if (lazy && rs->n == 1)
			rd_lazy(rd);
	}
	FUZZ_DONE();
	rd_close(rd);
	rd = NULL;
	return 1;
}

int
read_all(const char *data, size_t len, int fmt, struct recs *rs)
{
	return read_records(data, len, fmt, rs, 0);
}

/* Reads data as a lazy reader does after its header, as list does. */
int
read_lazy(const char *data, size_t len, int fmt, struct recs *rs)
{
	return read_records(data, len, fmt, rs, 1);
}

/*
 * For the reference readers, from sc(7): a record whose first field is
 * seven '<', '=', '>' or '|', alone or before a space, is a git conflict
 * marker.
 */
int
ref_marker(const char *f)
{
	static const char *const marks[] = {
		"<<<<<<<", "=======", ">>>>>>>", "|||||||"
	};
	size_t i;

	for (i = 0; i < 4; i++)
		if (strncmp(f, marks[i], 7) == 0 && (f[7] == '\0' || f[7] == ' '))
			return 1;
	return 0;
}

/* What a reference reader records when it refuses an input. */
int
ref_fail(struct recs *rs, long line, int why)
{
	rs->errline = line;
	rs->err = why;
	return 0;
}

/* The reference's end: a refused input keeps only where and why. */
int
ref_done(struct recs *rs, int ok)
{
	long line = rs->errline;
	int err = rs->err;

	if (!ok) {
		recs_free(rs);
		rs->errline = line;
		rs->err = err;
	}
	return ok;
}

/* The same records and fields, and with lines, on the same lines. */
static void
recs_same(const struct recs *a, const struct recs *b, int lines)
{
	size_t i, j;

	CHECK(a->n == b->n);
	CHECK(a->n == 0 || a->width == b->width);
	for (i = 0; i < a->n; i++) {
		CHECK(!lines || a->line[i] == b->line[i]);
		for (j = 0; j < a->width; j++)
			CHECK(strcmp(a->r[i][j], b->r[i][j]) == 0);
	}
}

/*
 * The reader (ok, a) and the reference (refok, ref) agree: both refuse
 * the input at the same line, or both read the same records.  ref is
 * freed; returns ok.
 */
int
recs_agree(int ok, const struct recs *a, int refok, struct recs *ref)
{
	CHECK(ok == refok);
	if (!ok)
		CHECK(fuzz_line == ref->errline);
	else
		recs_same(a, ref, 1);
	recs_free(ref);
	return ok;
}

/* What was written of a reads back as a; both are freed. */
void
reads_back(struct recs *a, struct buf *out, int fmt)
{
	struct recs b;

	CHECK(read_all(out->s, out->len, fmt, &b));
	recs_same(a, &b, 0);
	recs_free(a);
	recs_free(&b);
	buf_free(out);
}

/* Lazy reading gives what eager reading gives, and fails where it fails. */
void
same_lazy(const char *data, size_t len, int fmt, int ok, const struct recs *a)
{
	struct recs l;
	long line = fuzz_line;

	CHECK(read_lazy(data, len, fmt, &l) == ok);
	if (!ok) {
		CHECK(fuzz_line == line);
		return;
	}
	recs_same(a, &l, 1);
	recs_free(&l);
}

/*
 * Reading on past malformed records, as check does (rd_keep_going): the
 * reader never gives up, and what it hands out keeps every promise that
 * read_records() checks, eagerly and lazily alike; it reports a problem
 * exactly when plain reading gave up, and else reads the same records.
 */
void
same_keep_going(const char *data, size_t len, int fmt, int ok,
    const struct recs *a)
{
	struct recs k, l;
	long before = rd_malformed(), line = fuzz_line;

	rd_keep_going(1);
	CHECK(read_all(data, len, fmt, &k));
	CHECK(ok ? rd_malformed() == before : rd_malformed() > before);
	if (ok)
		recs_same(a, &k, 1);
	CHECK(read_lazy(data, len, fmt, &l));
	recs_same(&k, &l, 1);
	recs_free(&k);
	recs_free(&l);
	scan_all(data, len, fmt);
	rd_keep_going(0);
	fuzz_line = line;	/* where plain reading gave up */
}

/* The header as a table's: scan_open and scan_next, as list does. */
void
scan_all(const char *data, size_t len, int fmt)
{
	static struct scan s;

	memset(&s, 0, sizeof(s));
	if (FUZZ_TRY() != 0) {
		CHECK(fuzz_status == EXIT_DATA);
		scan_close(&s);
		return;
	}
	s.rd = rd_open_mem("fuzz", data, len, fmt);
	scan_open(&s, &schema_cities, s.rd);
	while (scan_next(&s))
		CHECK(sget(&s, C_ID) != NULL && sget(&s, C_NOTES) != NULL);
	FUZZ_DONE();
	scan_close(&s);
}

/*
 * Inputs that begin with 0xFF (never in valid UTF-8, so nothing is lost)
 * are moved up by SC_CHUNK - 200 to SC_CHUNK + 55 bytes of "x" (the
 * second byte says how many), which join the first field: so their bytes
 * fall across the reader's first read, of SC_CHUNK less one byte (run.sh
 * makes it 4 KiB), where a line, a quoted field or a UTF-8 sequence can
 * be cut in two.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *big;
	size_t pad;
	int rc;

	if (size < 2 || data[0] != 0xff)
		return fuzz_test_one(data, size);
	pad = SC_CHUNK - 200 + data[1];
	big = malloc(pad + size - 2);
	memset(big, 'x', pad);
	memcpy(big + pad, data + 2, size - 2);
	rc = fuzz_test_one(big, pad + size - 2);
	free(big);
	return rc;
}
