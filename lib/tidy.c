/*
 * tidy.c: sc-cities tidy, the way back from a spreadsheet.  A table that
 * a spreadsheet saved is read whatever its encoding, separator and line
 * ends (decode.c), its dates are read back as ISO 8601 (sheetdate.c), and
 * where git keeps the data directory its committed version restores what
 * the spreadsheet lost (witness.c).  Every table is read and decided
 * before any is written, and what changed is said only then: a refusal
 * (dates that could be day or month first) leaves every table as it was.
 * The rewrite goes through store_write(), so it is as safe as any write.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

struct job {
	const struct schema *sc;
	char	*path;		/* the table, as messages name it */
	char	*raw;		/* its bytes */
	size_t	 rawlen;
	struct decoded dec;
	struct grid g, was;
	int	 haswas;
	const char *nowitness;	/* why there is no committed version */
	int	 rewrite;
};

/* The columns that hold dates, as the schema says (and sc(7)). */
static int
is_date(const struct grid *g, size_t col)
{
	const struct schema *sc = g->sc;
	size_t i;

	for (i = 0; i < sc->ncols; i++)
		if ((sc->dates & (1u << i)) && strcmp(g->cols[col],
		    sc->cols[i]) == 0)
			return 1;
	return 0;
}

static char *
slurp(const char *path, size_t *len)
{
	struct buf b = { NULL, 0, 0 };
	char chunk[65536];
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL)
		die(EXIT_SYS, "%s: %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(fp))
		die(EXIT_SYS, "%s: read error: %s", path, strerror(errno));
	fclose(fp);
	buf_add(&b, "", 0);
	*len = b.len;
	return b.s;
}

/* The table's bytes; 0 when it has no file, which leaves nothing to tidy. */
static int
load_raw(const struct store *st, struct job *j)
{
	struct stat sb;
	size_t i;

	if (st->dir == NULL) {
		for (i = 0; seed_names[i] != NULL; i++)
			if (strcmp(seed_names[i], j->sc->file) == 0)
				break;
		if (seed_names[i] == NULL)
			return 0;
		j->path = xasprintf("seeds/%s", j->sc->file);
		j->raw = xstrndup(seed_data[i], seed_sizes[i]);
		j->rawlen = seed_sizes[i];
		return 1;
	}
	j->path = xasprintf("%s/%s", st->dir, j->sc->file);
	if (stat(j->path, &sb) == -1) {
		if (errno == ENOENT && lstat(j->path, &sb) == -1)
			return 0;
		die(EXIT_SYS, "%s: %s", j->path, errno == ENOENT ?
		    "a symbolic link that leads to no file" : strerror(errno));
	}
	if (!S_ISREG(sb.st_mode))
		die(EXIT_SYS, "%s: not a regular file", j->path);
	j->raw = slurp(j->path, &j->rawlen);
	return 1;
}

/*
 * The committed version, from the git work tree that holds the table's
 * file (the file its link leads to, if it is one).  The path is followed
 * as a write follows it, from the data directory down: realpath(3) would
 * need the directories above it, which a user may not search.
 */
static void
load_witness(const struct store *st, struct job *j)
{
	char *path, *slash, *blob, *label, *dir;
	struct decoded d;
	size_t len;

	if (st->dir == NULL)
		return;
	path = follow_links(j->path);
	slash = strrchr(path, '/');
	dir = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
	blob = git_committed(dir, slash == NULL ? path : slash + 1, &len);
	if (blob == NULL)
		j->nowitness = git_worktree(dir) ? "git's HEAD has no such file" :
		    "not in a git work tree, or one that git will not read";
	free(path);
	free(dir);
	if (blob == NULL)
		return;
	/* A user may have committed the spreadsheet's file as it was. */
	label = xasprintf("HEAD:%s", j->path);
	decode_text(label, blob, len, ENC_GUESS, &d);
	grid_read(&j->was, j->sc, label, d.s, d.len, d.sep, 0);
	j->was.label = NULL;
	free(label);
	free(d.s);
	free(blob);
	j->haswas = 1;
}

static void
log_decoding(struct job *j, int asked)
{
	const struct decoded *d = &j->dec;

	if (d->enc == ENC_UTF16LE || d->enc == ENC_UTF16BE)
		grid_log(&j->g, 0, "read as %s, as its byte-order mark says; "
		    "now UTF-8", enc_name(d->enc));
	else if (d->bom)
		grid_log(&j->g, 0, "byte-order mark removed");
	if (d->enc == ENC_CP1252)
		grid_log(&j->g, 0, "read as Windows-1252 (%s); now UTF-8",
		    asked == ENC_CP1252 ? "--encoding" :
		    "the bytes are not UTF-8; --encoding to say otherwise");
	if (d->sep != ',')
		grid_log(&j->g, 0, "fields were separated by %s; now by commas",
		    d->sep == ';' ? "semicolons" : "tabs");
	if (d->eol != EOL_LF)
		grid_log(&j->g, 0, "lines ended in %s; now in LF",
		    d->eol == EOL_CRLF ? "CRLF" : "CR");
}

/* Line ends inside values end like the file's lines: they become LF. */
static void
values_lf(struct grid *g, int eol)
{
	char *p, *q;
	size_t i, j;

	for (i = 0; eol != EOL_LF && i < g->nrows; i++)
		for (j = 0; j < g->ncols; j++) {
			for (p = q = g->rows[i].f[j]; *p != '\0'; p++)
				if (*p != '\r')
					*q++ = *p;
				else if (p[1] != '\n')
					*q++ = '\n';
			*q = '\0';
		}
}

static int
empty_row(const struct grid *g, const struct grow *r)
{
	size_t j;

	for (j = 0; j < g->ncols; j++)
		if (r->f[j][0] != '\0')
			return 0;
	return 1;
}

/* Rows with no value, which a spreadsheet may write below a table, go. */
static void
drop_empty_rows(struct grid *g)
{
	size_t i, n = 0;

	for (i = 0; i < g->nrows; i++) {
		if (!empty_row(g, &g->rows[i])) {
			g->rows[n++] = g->rows[i];
			continue;
		}
		grid_log(g, g->rows[i].line, "an empty row removed");
		free_list(g->rows[i].f, g->ncols);
	}
	g->nrows = n;
}

/* So do columns with no name and no value, right of a table. */
static void
drop_empty_cols(struct grid *g)
{
	size_t i;

	while (g->ncols > 1 && g->cols[g->ncols - 1][0] == '\0') {
		for (i = 0; i < g->nrows; i++)
			if (g->rows[i].f[g->ncols - 1][0] != '\0')
				return;
		g->ncols--;
		grid_log(g, 0, "column %zu, with no name and no value, removed",
		    g->ncols + 1);
		free(g->cols[g->ncols]);
		for (i = 0; i < g->nrows; i++)
			free(g->rows[i].f[g->ncols]);
	}
}

/* --- dates ------------------------------------------------------------- */

struct either {
	size_t	 row, col;
	struct sheetdate sd;
};

static const char *const order_names[] = {
	"", "day first (DD/MM/YYYY)", "month first (MM/DD/YYYY)", "year first"
};

/* ORDER_DMY or ORDER_MDY when only that order reads sd as a date. */
static int
only_order(const struct sheetdate *sd)
{
	char iso[11];
	int dmy = sheetdate_as(sd, ORDER_DMY, iso) == 0;
	int mdy = sheetdate_as(sd, ORDER_MDY, iso) == 0;

	return dmy && !mdy ? ORDER_DMY : mdy && !dmy ? ORDER_MDY : ORDER_NONE;
}

/* The order in which the committed version has the date, if it says. */
static int
committed_order(const struct job *j, const struct either *e)
{
	const struct grow *r = &j->g.rows[e->row];
	char dmy[11], mdy[11];
	const char *was;
	int c, dmy_ok, mdy_ok;

	if (!j->haswas || r->was < 0 ||
	    (c = grid_col(&j->was, j->g.cols[e->col])) < 0)
		return ORDER_NONE;
	was = j->was.rows[r->was].f[c];
	dmy_ok = sheetdate_as(&e->sd, ORDER_DMY, dmy) == 0;
	mdy_ok = sheetdate_as(&e->sd, ORDER_MDY, mdy) == 0;
	if (dmy_ok && mdy_ok && strcmp(dmy, mdy) == 0)
		return ORDER_NONE;
	if (dmy_ok && strcmp(was, dmy) == 0)
		return ORDER_DMY;
	if (mdy_ok && strcmp(was, mdy) == 0)
		return ORDER_MDY;
	return ORDER_NONE;
}

static void
say_either(const struct job *j, const struct either *e, const char *what)
{
	warn_at(j->path, j->g.rows[e->row].line, "%s: '%s' %s",
	    j->g.cols[e->col], j->g.rows[e->row].f[e->col], what);
}

/*
 * The first date that only one order reads, for each order (by[ORDER_DMY],
 * by[ORDER_MDY]); else the first that the committed version reads so.
 */
static void
evidence(const struct job *j, const struct either *e, size_t n,
    const struct either *by[3], int from_git[3])
{
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		if ((k = only_order(&e[i].sd)) != ORDER_NONE) {
			if (by[k] == NULL || from_git[k])
				by[k] = &e[i], from_git[k] = 0;
		} else if ((k = committed_order(j, &e[i])) != ORDER_NONE &&
		    by[k] == NULL) {
			by[k] = &e[i];
			from_git[k] = 1;
		}
	}
}

/*
 * The order of the file's A/B/YYYY dates, as its values decide it (a day
 * above 12) or the committed version does; else each date that could be
 * read both ways is named, and -1 returned.
 */
static int
detect_order(struct job *j, const struct either *e, size_t n)
{
	const struct either *by[3] = { NULL, NULL, NULL };
	int from_git[3] = { 0, 0, 0 }, k;
	size_t i, unsure = 0;

	evidence(j, e, n, by, from_git);
	if (by[ORDER_DMY] != NULL && by[ORDER_MDY] != NULL) {
		say_either(j, by[ORDER_DMY], from_git[ORDER_DMY] ?
		    "was committed day first" : "can only be day first");
		say_either(j, by[ORDER_MDY], from_git[ORDER_MDY] ?
		    "was committed month first" : "can only be month first");
		warn_at(j->path, 0, "dates in two orders: say which with "
		    "--date-order dmy or --date-order mdy");
		return -1;
	}
	for (k = ORDER_DMY; k <= ORDER_MDY; k++)
		if (by[k] != NULL) {
			grid_log(&j->g, 0, "dates read %s, as %sline %ld's "
			    "%s '%s' shows", order_names[k], from_git[k] ?
			    "the committed version of " : "",
			    j->g.rows[by[k]->row].line, j->g.cols[by[k]->col],
			    j->g.rows[by[k]->row].f[by[k]->col]);
			return k;
		}
	for (i = 0; i < n; i++)
		if (e[i].sd.a != e[i].sd.b &&
		    only_order(&e[i].sd) == ORDER_NONE) {
			say_either(j, &e[i], "could be day or month first");
			unsure++;
		}
	if (unsure == 0)
		return ORDER_DMY;	/* 05/05/2024 reads alike both ways */
	warn_at(j->path, 0, "%zu date%s could be day or month first: say "
	    "which with --date-order dmy or --date-order mdy", unsure,
	    unsure == 1 ? "" : "s");
	return -1;
}

/* Sets the A/B/YYYY dates in order; returns how many it refuses. */
static size_t
apply_order(struct job *j, const struct either *e, size_t n, int order,
    int asked)
{
	char iso[11], *msg;
	size_t i, refused = 0;

	for (i = 0; i < n; i++) {
		if (order != ORDER_YMD && sheetdate_as(&e[i].sd, order,
		    iso) == 0) {
			grid_set(&j->g, e[i].row, e[i].col, iso, NULL);
			continue;
		}
		if (!asked) {
			grid_log(&j->g, j->g.rows[e[i].row].line, "%s: '%s' is "
			    "not a date; left as it is", j->g.cols[e[i].col],
			    j->g.rows[e[i].row].f[e[i].col]);
			continue;
		}
		msg = xasprintf("is not %s, as --date-order says",
		    order_names[order]);
		say_either(j, &e[i], msg);
		free(msg);
		refused++;
	}
	return refused;
}

/*
 * Reads every date column's values back as ISO 8601; returns the number
 * of problems that refuse the table (each said on stderr).
 */
static size_t
tidy_dates(struct job *j, int asked)
{
	struct either *e = NULL;
	struct sheetdate sd;
	size_t i, c, n = 0, refused;
	int order = asked;

	for (c = 0; c < j->g.ncols; c++)
		for (i = 0; is_date(&j->g, c) && i < j->g.nrows; i++) {
			switch (sheetdate_read(j->g.rows[i].f[c], &sd)) {
			case SD_FIXED:
				grid_set(&j->g, i, c, sd.iso, NULL);
				break;
			case SD_UNKNOWN:
				grid_log(&j->g, j->g.rows[i].line, "%s: '%s' is "
				    "%s; left as it is", j->g.cols[c],
				    j->g.rows[i].f[c], sd.why);
				break;
			case SD_EITHER:
				e = xreallocarray(e, n + 1, sizeof(*e));
				e[n].row = i, e[n].col = c, e[n++].sd = sd;
				break;
			}
		}
	if (n > 0 && order == ORDER_NONE)
		order = detect_order(j, e, n);
	refused = n == 0 ? 0 : order == -1 ? 1 :
	    apply_order(j, e, n, order, asked != ORDER_NONE);
	free(e);
	return refused;
}

/* --- tables ------------------------------------------------------------ */

/*
 * Whether the table is as the tools write it: in the canonical form, with
 * every date in ISO 8601 (and no empty row or column, which the caller has
 * removed by now).  Such a table is the tools' own, and is left alone: a
 * row that a verb changed (a due date made precise, a note that was a
 * formula) must not be taken back to its committed value.
 */
static int
tools_own(const struct job *j)
{
	struct buf out = { NULL, 0, 0 };
	struct sheetdate sd;
	size_t i, c;
	int own;

	grid_canonical(&j->g, &out);
	own = out.len == j->rawlen && memcmp(out.s, j->raw, out.len) == 0;
	buf_free(&out);
	for (c = 0; own && c < j->g.ncols; c++)
		for (i = 0; own && is_date(&j->g, c) && i < j->g.nrows; i++)
			own = sheetdate_read(j->g.rows[i].f[c], &sd) == SD_ISO;
	return own;
}

/* Whether the table's file must be written; said, if nothing else is. */
static void
decide_rewrite(struct job *j)
{
	struct buf out = { NULL, 0, 0 };

	grid_canonical(&j->g, &out);
	j->rewrite = out.len != j->rawlen || memcmp(out.s, j->raw, out.len);
	buf_free(&out);
	if (j->rewrite && j->g.log.len == 0)
		grid_log(&j->g, 0, "quoting made canonical");
	if (j->rewrite && j->nowitness != NULL)
		grid_log(&j->g, 0, "no committed version to compare with (%s): "
		    "a reduced date, a formula or the order of rows that a "
		    "spreadsheet changed cannot be restored", j->nowitness);
}

/* Reads and decides one table; returns the problems that refuse it. */
static size_t
tidy_one(const struct store *st, struct job *j, const struct tidyopt *o)
{
	struct witness wit;
	struct table *t;
	size_t refused;

	decode_text(j->path, j->raw, j->rawlen, o->encoding, &j->dec);
	grid_read(&j->g, j->sc, j->path, j->dec.s, j->dec.len, j->dec.sep, 1);
	if (j->g.ncols == 0)
		return 0;	/* an empty file */
	log_decoding(j, o->encoding);	/* nothing, for the tools' own */
	values_lf(&j->g, j->dec.eol);
	drop_empty_cols(&j->g);
	drop_empty_rows(&j->g);
	if (tools_own(j))
		return 0;
	/* The header must make a table before anything else is said. */
	t = table_new(j->sc, j->path);
	table_header(t, j->g.cols, j->g.ncols, j->path, 1);
	table_free(t);
	load_witness(st, j);
	if (j->haswas)
		witness_match(&j->g, &j->was);
	if ((refused = tidy_dates(j, o->order)) > 0)
		return refused;
	if (j->haswas) {
		wit.is_date = is_date;
		wit.cp1252 = j->dec.enc == ENC_CP1252;
		witness_restore(&j->g, &j->was, &wit);
	}
	grid_report(&j->g);
	if (j->haswas)
		witness_order(&j->g, &j->was);
	decide_rewrite(j);
	return 0;
}

static void
write_job(struct store *st, struct job *j)
{
	struct table *t = table_new(j->sc, j->path);
	size_t i;

	table_header(t, j->g.cols, j->g.ncols, j->path, 1);
	for (i = 0; i < j->g.nrows; i++)
		table_append(t, j->g.rows[i].f, j->g.rows[i].line);
	store_write(st, t);
	table_free(t);
}

static void
say_log(const struct grid *g)
{
	const char *p;

	for (p = g->log.s; p != NULL && p < g->log.s + g->log.len;
	    p += strlen(p) + 1)
		note("%s", p);
}

static void
job_free(struct job *j)
{
	grid_free(&j->g);
	if (j->haswas)
		grid_free(&j->was);
	free(j->dec.s);
	free(j->raw);
	free(j->path);
}

/*
 * Tidies the n tables: all are read and decided first, so that a refusal
 * writes nothing; then each one that changed is rewritten.  Returns the
 * exit status.
 */
int
tidy_tables(struct store *st, const struct schema *const *which, size_t n,
    const struct tidyopt *o)
{
	struct job *jobs = xcalloc(n ? n : 1, sizeof(*jobs));
	size_t i, refused = 0, rewritten = 0;

	if (!o->dryrun)
		store_lock(st);
	for (i = 0; i < n; i++) {
		jobs[i].sc = which[i];
		if (load_raw(st, &jobs[i]))
			refused += tidy_one(st, &jobs[i], o);
	}
	if (refused > 0)
		die(EXIT_DATA, "tidy: nothing written");
	for (i = 0; i < n; i++) {
		say_log(&jobs[i].g);
		if (jobs[i].rewrite && !o->dryrun)
			write_job(st, &jobs[i]);
		rewritten += jobs[i].rewrite;
		job_free(&jobs[i]);
	}
	if (o->dryrun && rewritten > 0)
		note("tidy: %zu table%s would be rewritten; nothing written "
		    "(-n)", rewritten, rewritten == 1 ? "" : "s");
	free(jobs);
	return 0;
}
