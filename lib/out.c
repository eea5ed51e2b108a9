/*
 * out.c: the writers.  csv, tsv and json stream a row at a time; table
 * keeps the rows, since its column widths depend on all of them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sc.h"

struct out {
	struct outopt o;
	size_t	 n;		/* output columns */
	size_t	*idx;		/* output column -> input column */
	char	**names;
	const char *eol;
	int	 verbatim;	/* a row that rd_raw() gave may be copied */
	char	***rows;	/* for table: copies of the rows */
	size_t	 nrows, caprows;
};

static char outbuf[1 << 16];

/* Fields are quoted only when they must be, so that plain data stays plain. */
void
csv_field(FILE *fp, const char *s, int safe)
{
	size_t len = strlen(s);
	int quote, formula;
	const char *p;

	formula = safe && *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
	quote = len > 0 && (s[0] == ' ' || s[len - 1] == ' ');
	if (!quote)
		quote = strpbrk(s, ",\"\r\n") != NULL;
	if (!quote && !formula) {
		fwrite(s, 1, len, fp);
		return;
	}
	if (quote)
		putc('"', fp);
	if (formula)
		putc('\'', fp);
	/* Runs between quotes go out whole; each quote is doubled. */
	while ((p = strchr(s, '"')) != NULL) {
		fwrite(s, 1, (size_t)(p - s) + 1, fp);
		putc('"', fp);
		s = p + 1;
	}
	fputs(s, fp);
	if (quote)
		putc('"', fp);
}

void
tsv_field(FILE *fp, const char *s)
{
	const char *p;

	for (p = s; *p != '\0'; p++) {
		switch (*p) {
		case '\t': fputs("\\t", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\\': fputs("\\\\", fp); break;
		default: putc(*p, fp); break;
		}
	}
}

void
json_string(FILE *fp, const char *s)
{
	const unsigned char *p;

	putc('"', fp);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\t': fputs("\\t", fp); break;
		default:
			if (*p < 0x20)
				fprintf(fp, "\\u%04x", *p);
			else
				putc(*p, fp);
		}
	}
	putc('"', fp);
}

/* The members of a JSON object, without its braces. */
void
json_fields(FILE *fp, char *const *names, char *const *vals, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			putc(',', fp);
		json_string(fp, names[i]);
		putc(':', fp);
		json_string(fp, vals[i]);
	}
}

static size_t
find_col(char *const *cols, size_t ncols, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < ncols; i++)
		if (strlen(cols[i]) == len && memcmp(cols[i], name, len) == 0)
			return i;
	die(EXIT_USAGE, "unknown column '%.*s'; columns are: %s%s", (int)len,
	    name, ncols ? cols[0] : "", ncols > 1 ? ", ..." : "");
}

static void
select_columns(struct out *o, char *const *cols, size_t ncols)
{
	const char *s = o->o.columns, *comma;
	size_t len;

	if (s == NULL) {
		o->idx = xreallocarray(NULL, ncols, sizeof(*o->idx));
		for (o->n = 0; o->n < ncols; o->n++)
			o->idx[o->n] = o->n;
		return;
	}
	o->idx = xreallocarray(NULL, strlen(s) / 2 + 1, sizeof(*o->idx));
	for (;;) {
		comma = strchr(s, ',');
		len = comma ? (size_t)(comma - s) : strlen(s);
		o->idx[o->n++] = find_col(cols, ncols, s, len);
		if (comma == NULL)
			break;
		s = comma + 1;
	}
}

static void
write_line(struct out *o, char *const *f)
{
	size_t i;

	/* A lone empty field would be a blank line, which readers skip. */
	if (o->n == 1 && *f[o->idx[0]] == '\0' && o->o.fmt == FMT_CSV) {
		printf("\"\"%s", o->eol);
		return;
	}

	for (i = 0; i < o->n; i++) {
		const char *v = f[o->idx[i]];

		if (o->o.fmt == FMT_TSV) {
			if (i > 0)
				putchar('\t');
			tsv_field(stdout, v);
		} else {
			if (i > 0)
				putchar(',');
			csv_field(stdout, v, o->o.safe);
		}
	}
	fputs(o->eol, stdout);
}

struct out *
out_open(const struct outopt *opt, char *const *cols, size_t ncols)
{
	struct out *o;
	size_t i;

	if (opt->fmt == FMT_TEXT || opt->fmt == FMT_MD)
		die(EXIT_USAGE, "--output: %s is not a format for this verb "
		    "(csv, tsv, json, table)", opt->fmt == FMT_TEXT ? "text" :
		    "md");
	o = xcalloc(1, sizeof(*o));
	o->o = *opt;
	if (o->o.fmt == FMT_GUESS)
		o->o.fmt = isatty(STDOUT_FILENO) ? FMT_TABLE : FMT_CSV;
	o->eol = o->o.crlf ? "\r\n" : "\n";
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	select_columns(o, cols, ncols);
	o->verbatim = o->o.fmt == FMT_CSV && !o->o.safe && !o->o.crlf &&
	    o->o.columns == NULL && o->n > 1;
	o->names = xreallocarray(NULL, o->n, sizeof(*o->names));
	for (i = 0; i < o->n; i++)
		o->names[i] = xstrdup(cols[o->idx[i]]);
	if (o->o.bom && o->o.fmt == FMT_CSV)
		fputs("\xef\xbb\xbf", stdout);
	if (!o->o.noheader && (o->o.fmt == FMT_CSV || o->o.fmt == FMT_TSV)) {
		size_t *idx = o->idx;

		o->idx = xreallocarray(NULL, o->n, sizeof(*o->idx));
		for (i = 0; i < o->n; i++)
			o->idx[i] = i;
		write_line(o, o->names);
		free(o->idx);
		o->idx = idx;
	}
	return o;
}

static void
json_row(struct out *o, char *const *f)
{
	size_t i;

	putchar('{');
	for (i = 0; i < o->n; i++) {
		if (i > 0)
			putchar(',');
		json_string(stdout, o->names[i]);
		putchar(':');
		json_string(stdout, f[o->idx[i]]);
	}
	fputs("}\n", stdout);
}

/* Table cells are for people: control characters show as spaces. */
static char *
cell(const char *s)
{
	char *c = xstrdup(s), *p;

	for (p = c; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	return c;
}

void
out_row(struct out *o, char *const *f)
{
	char **copy;
	size_t i;

	if (o->o.fmt == FMT_JSON) {
		json_row(o, f);
		return;
	}
	if (o->o.fmt != FMT_TABLE) {
		write_line(o, f);
		return;
	}
	copy = xreallocarray(NULL, o->n, sizeof(*copy));
	for (i = 0; i < o->n; i++)
		copy[i] = cell(f[o->idx[i]]);
	if (o->nrows == o->caprows) {
		o->caprows = o->caprows ? o->caprows * 2 : 64;
		o->rows = xreallocarray(o->rows, o->caprows, sizeof(*o->rows));
	}
	o->rows[o->nrows++] = copy;
}

/*
 * A record as rd_raw() gave it, or NULL: when the output is CSV of the
 * same columns, the record is its own CSV and is copied whole, which
 * saves a filter most of its work.  Returns whether it was written.
 */
int
out_raw(struct out *o, const char *raw, size_t len)
{
	if (raw == NULL || !o->verbatim)
		return 0;
	fwrite(raw, 1, len, stdout);
	putchar('\n');
	return 1;
}

/* Padding is written only before a cell, so no line ends in spaces. */
static void
table_line(const struct out *o, char *const *f, const size_t *w)
{
	size_t i, pad = 0;

	for (i = 0; i < o->n; i++) {
		if (*f[i] != '\0') {
			for (; pad > 0; pad--)
				putchar(' ');
			fputs(f[i], stdout);
		}
		pad += w[i] - display_width(f[i]) + 2;
	}
	putchar('\n');
}

static void
print_table(struct out *o)
{
	size_t *w, i, j, dw;

	w = xcalloc(o->n, sizeof(*w));
	for (j = 0; j < o->n; j++)
		w[j] = display_width(o->names[j]);
	for (i = 0; i < o->nrows; i++)
		for (j = 0; j < o->n; j++)
			if ((dw = display_width(o->rows[i][j])) > w[j])
				w[j] = dw;
	if (!o->o.noheader)
		table_line(o, o->names, w);
	for (i = 0; i < o->nrows; i++) {
		table_line(o, o->rows[i], w);
		for (j = 0; j < o->n; j++)
			free(o->rows[i][j]);
		free(o->rows[i]);
	}
	free(w);
}

void
out_close(struct out *o)
{
	size_t i;

	if (o == NULL)
		return;
	if (o->o.fmt == FMT_TABLE)
		print_table(o);
	for (i = 0; i < o->n; i++)
		free(o->names[i]);
	free(o->names);
	free(o->rows);
	free(o->idx);
	free(o);
}

void
out_rows(const struct outopt *opt, const struct table *t, struct row **rows,
    size_t n)
{
	struct out *o;
	size_t i;

	o = out_open(opt, t->cols, t->ncols);
	for (i = 0; i < n; i++)
		out_row(o, rows[i]->f);
	out_close(o);
}

/*
 * Output errors are errors: a full disk must not look like success.  A
 * reader that stopped reading (EPIPE, when SIGPIPE is ignored) is not one.
 */
void
finish_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		if (errno == EPIPE)
			exit(0);
		die(EXIT_SYS, "write error: stdout: %s", strerror(errno));
	}
}

/*
 * A verb that prints the rows it adds prints them before it writes: rows
 * that could not be shown are not added, so a retry does not add them
 * twice.
 */
void
flush_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		die(EXIT_SYS, "write error: stdout: %s; nothing written",
		    strerror(errno));
}
