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
	struct buf line;	/* a line, written whole */
	char	**keys;		/* JSON: ,"name": for each column */
	char	***rows;	/* for table: copies of the rows */
	size_t	 nrows, caprows;
};

static char outbuf[1 << 16];

/* The bytes that make a CSV field quoted, and the NUL that ends it. */
static const unsigned char csv_special[256] = {
	[','] = 1, ['"'] = 1, ['\r'] = 1, ['\n'] = 1, ['\0'] = 1
};

/*
 * Whether a spreadsheet would take the field s for a formula: what --safe
 * defuses, with a leading quote, in csv and tsv alike.
 */
static int
is_formula(const char *s)
{
	return *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
}

/*
 * Appends s as a CSV field.  Fields are quoted only when they must be, so
 * that plain data stays plain; with safe, a formula is defused.  One pass
 * finds both the length and whether it must be quoted.
 */
void
csv_add(struct buf *b, const char *s, int safe)
{
	const char *p = s;
	size_t len;
	int quote, formula;
	char *o;

	while (!csv_special[(unsigned char)*p])
		p++;
	quote = *p != '\0';
	len = (size_t)(p - s) + (quote ? strlen(p) : 0);
	if (!quote)
		quote = len > 0 && (s[0] == ' ' || s[len - 1] == ' ');
	formula = safe && is_formula(s);
	if (!quote && !formula) {
		buf_add(b, s, len);
		return;
	}
	buf_grow(b, 2 * len + 3);
	o = b->s + b->len;
	if (quote)
		*o++ = '"';
	if (formula)
		*o++ = '\'';
	for (p = s; *p != '\0'; p++)
		if ((*o++ = *p) == '"')
			*o++ = '"';	/* each quote is doubled */
	if (quote)
		*o++ = '"';
	*o = '\0';
	b->len = (size_t)(o - b->s);
}

/* What stands after the backslash of each byte TSV escapes; NUL ends. */
static const char tsv_esc[256] = {
	['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\', ['\0'] = '0'
};

/* Appends s as a TSV field: tab, line ends and backslash escaped. */
void
tsv_add(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run;
	char esc[2] = { '\\', 0 };

	for (;;) {
		for (run = p; tsv_esc[*p] == 0; p++)
			continue;
		buf_add(b, (const char *)run, (size_t)(p - run));
		if (*p == '\0')
			return;
		esc[1] = tsv_esc[*p++];
		buf_add(b, esc, 2);
	}
}

/*
 * What stands after the backslash of each byte a JSON string escapes: the
 * quote, the backslash and the control characters ('u': \u00XX).  NUL ends.
 */
static const char json_esc[256] = {
	['"'] = '"', ['\\'] = '\\', ['\n'] = 'n', ['\r'] = 'r', ['\t'] = 't',
	[0x00] = 'u', [0x01] = 'u', [0x02] = 'u', [0x03] = 'u', [0x04] = 'u',
	[0x05] = 'u', [0x06] = 'u', [0x07] = 'u', [0x08] = 'u', [0x0b] = 'u',
	[0x0c] = 'u', [0x0e] = 'u', [0x0f] = 'u', [0x10] = 'u', [0x11] = 'u',
	[0x12] = 'u', [0x13] = 'u', [0x14] = 'u', [0x15] = 'u', [0x16] = 'u',
	[0x17] = 'u', [0x18] = 'u', [0x19] = 'u', [0x1a] = 'u', [0x1b] = 'u',
	[0x1c] = 'u', [0x1d] = 'u', [0x1e] = 'u', [0x1f] = 'u'
};

/* Appends s as a JSON string, quoted, its runs of plain bytes whole. */
void
json_add(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run;
	char esc[8];

	buf_addc(b, '"');
	for (;;) {
		for (run = p; json_esc[*p] == 0; p++)
			continue;
		buf_add(b, (const char *)run, (size_t)(p - run));
		if (*p == '\0')
			break;
		if (json_esc[*p] == 'u')
			snprintf(esc, sizeof(esc), "\\u%04x", *p);
		else
			snprintf(esc, sizeof(esc), "\\%c", json_esc[*p]);
		buf_adds(b, esc);
		p++;
	}
	buf_addc(b, '"');
}

void
json_string(FILE *fp, const char *s)
{
	struct buf b = { NULL, 0, 0 };

	json_add(&b, s);
	fwrite(b.s, 1, b.len, fp);
	buf_free(&b);
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

/*
 * A -c name that is no column: the message offers the nearest column,
 * and lists them (the first 40: a header may be very wide).
 */
static void __attribute__((noreturn))
no_col(char *const *cols, size_t ncols, const char *name, size_t len)
{
	struct buf b = { 0 };
	struct near n;
	size_t i;

	near_init(&n, name, len);
	for (i = 0; i < ncols; i++) {
		near_offer(&n, cols[i]);
		if (i < 40) {
			buf_adds(&b, i > 0 ? ", " : "");
			buf_adds(&b, cols[i]);
		}
	}
	if (ncols > 40)
		buf_adds(&b, ", ...");
	if (n.best != NULL)
		die(EXIT_USAGE, "unknown column '%.*s'; did you mean '%s'? "
		    "columns are: %s", (int)len, name, n.best, b.s);
	die(EXIT_USAGE, "unknown column '%.*s'; columns are: %s", (int)len,
	    name, b.s != NULL ? b.s : "");
}

static size_t
find_col(char *const *cols, size_t ncols, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < ncols; i++)
		if (strlen(cols[i]) == len && memcmp(cols[i], name, len) == 0)
			return i;
	no_col(cols, ncols, name, len);
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
	buf_reset(&o->line);
	for (i = 0; i < o->n; i++) {
		if (o->o.fmt == FMT_TSV) {
			if (i > 0)
				buf_addc(&o->line, '\t');
			if (o->o.safe && is_formula(f[o->idx[i]]))
				buf_addc(&o->line, '\'');
			tsv_add(&o->line, f[o->idx[i]]);
		} else {
			if (i > 0)
				buf_addc(&o->line, ',');
			csv_add(&o->line, f[o->idx[i]], o->o.safe);
		}
	}
	buf_adds(&o->line, o->eol);
	fwrite(o->line.s, 1, o->line.len, stdout);
}

static void
json_keys(struct out *o)
{
	struct buf b = { NULL, 0, 0 };
	size_t i;

	o->keys = xreallocarray(NULL, o->n, sizeof(*o->keys));
	for (i = 0; i < o->n; i++) {
		buf_reset(&b);
		if (i > 0)
			buf_addc(&b, ',');
		json_add(&b, o->names[i]);
		buf_addc(&b, ':');
		o->keys[i] = xstrdup(b.s);
	}
	buf_free(&b);
}

struct out *
out_open(const struct outopt *opt, char *const *cols, size_t ncols)
{
	struct out *o;
	size_t i;

	if (opt->fmt == FMT_TEXT || opt->fmt == FMT_MD || opt->fmt == FMT_SVG ||
	    opt->fmt == FMT_HTML)
		die(EXIT_USAGE, "--output: %s is not a format for this verb "
		    "(csv, tsv, json, table)", opt->fmt == FMT_TEXT ? "text" :
		    opt->fmt == FMT_MD ? "md" : opt->fmt == FMT_SVG ? "svg" :
		    "html");
	o = xcalloc(1, sizeof(*o));
	o->o = *opt;
	if (o->o.fmt == FMT_GUESS)
		o->o.fmt = isatty(STDOUT_FILENO) ? FMT_TABLE : FMT_CSV;
	o->eol = o->o.crlf ? "\r\n" : "\n";
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	select_columns(o, cols, ncols);
	o->names = xreallocarray(NULL, o->n, sizeof(*o->names));
	for (i = 0; i < o->n; i++)
		o->names[i] = xstrdup(cols[o->idx[i]]);
	if (o->o.fmt == FMT_JSON)
		json_keys(o);
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

/* A JSON object a line, its members' names escaped once, in out_open(). */
static void
json_row(struct out *o, char *const *f)
{
	size_t i;

	buf_reset(&o->line);
	buf_addc(&o->line, '{');
	for (i = 0; i < o->n; i++) {
		buf_adds(&o->line, o->keys[i]);
		json_add(&o->line, f[o->idx[i]]);
	}
	buf_adds(&o->line, "}\n");
	fwrite(o->line.s, 1, o->line.len, stdout);
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
		copy[i] = vis_str(f[o->idx[i]]);
	if (o->nrows == o->caprows) {
		o->caprows = o->caprows ? o->caprows * 2 : 64;
		o->rows = xreallocarray(o->rows, o->caprows, sizeof(*o->rows));
	}
	o->rows[o->nrows++] = copy;
}

/*
 * The format in which a record that stands as the writer would write it
 * can be copied whole (see rd_raw()), or 0: only CSV or TSV of the same
 * columns, with LF line ends and nothing defused.  Copying saves a filter
 * most of its work.
 */
int
out_verbatim(const struct out *o)
{
	if (o->o.columns != NULL || o->o.crlf || o->n < 2)
		return 0;
	if (o->o.safe)
		return 0;
	if (o->o.fmt == FMT_CSV)
		return FMT_CSV;
	return o->o.fmt == FMT_TSV ? FMT_TSV : 0;
}

void
out_raw(struct out *o, const char *raw, size_t len)
{
	fwrite(raw, 1, len, stdout);
	fputs(o->eol, stdout);
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

/*
 * A table is for people: its header and its cells are shown by vis_str()
 * (the cells when they are kept, in out_row()), and the widths are those
 * of what is shown, so that an escape sequence neither reaches the
 * terminal nor skews the columns.
 */
static void
print_table(struct out *o)
{
	size_t *w, i, j, dw;
	char **head;

	w = xcalloc(o->n, sizeof(*w));
	head = xreallocarray(NULL, o->n, sizeof(*head));
	for (j = 0; j < o->n; j++) {
		head[j] = vis_str(o->names[j]);
		w[j] = display_width(head[j]);
	}
	for (i = 0; i < o->nrows; i++)
		for (j = 0; j < o->n; j++)
			if ((dw = display_width(o->rows[i][j])) > w[j])
				w[j] = dw;
	if (!o->o.noheader)
		table_line(o, head, w);
	for (i = 0; i < o->nrows; i++) {
		table_line(o, o->rows[i], w);
		for (j = 0; j < o->n; j++)
			free(o->rows[i][j]);
		free(o->rows[i]);
	}
	for (j = 0; j < o->n; j++)
		free(head[j]);
	free(head);
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
	for (i = 0; i < o->n; i++) {
		free(o->names[i]);
		if (o->keys != NULL)
			free(o->keys[i]);
	}
	free(o->names);
	free(o->keys);
	free(o->rows);
	buf_free(&o->line);
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
