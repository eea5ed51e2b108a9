/*
 * out.c: the writers.  csv, tsv and json stream a row at a time; table
 * keeps the rows, since its column widths depend on all of them, and on
 * a terminal fits them to its width.
 */
#include <sys/ioctl.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "sc.h"

struct out {
	struct outopt o;
	size_t	 n;		/* output columns */
	size_t	*idx;		/* output column -> input column */
	char	**names;
	const char *eol;
	struct buf line;	/* a line, written whole */
	char	**keys;		/* JSON: ,"name": for each column */
	struct cells cells;	/* table: the header and rows, as shown */
	char	**pick;		/* table: a row's output columns */
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

	if (opt->fmt == FMT_TEXT || opt->fmt == FMT_MD || opt->fmt == FMT_ICS ||
	    opt->fmt == FMT_SVG || opt->fmt == FMT_HTML)
		die(EXIT_USAGE, "--output: %s is not a format for this verb "
		    "(csv, tsv, json, table)", opt->fmt == FMT_TEXT ? "text" :
		    opt->fmt == FMT_MD ? "md" : opt->fmt == FMT_ICS ? "ics" :
		    opt->fmt == FMT_SVG ? "svg" : "html");
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
	if (o->o.fmt == FMT_TABLE) {
		cells_init(&o->cells, o->n);
		o->pick = xreallocarray(NULL, o->n, sizeof(*o->pick));
		if (!o->o.noheader) {
			cells_add(&o->cells, o->names);
			o->cells.head = 1;
		}
	}
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
	size_t i;

	if (o->o.fmt == FMT_JSON) {
		json_row(o, f);
		return;
	}
	if (o->o.fmt != FMT_TABLE) {
		write_line(o, f);
		return;
	}
	for (i = 0; i < o->n; i++)
		o->pick[i] = f[o->idx[i]];
	cells_add(&o->cells, o->pick);
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

/* --- tables for people ---------------------------------------------------- */

void
cells_init(struct cells *c, size_t ncols)
{
	memset(c, 0, sizeof(*c));
	c->ncols = ncols;
}

/*
 * Keeps a row of a table for people, each cell as vis_str() shows it:
 * the widths are then those of what is shown, so that an escape sequence
 * neither reaches the terminal nor skews the columns.
 */
void
cells_add(struct cells *c, char *const *f)
{
	char **copy;
	size_t i;

	copy = xreallocarray(NULL, c->ncols, sizeof(*copy));
	for (i = 0; i < c->ncols; i++)
		copy[i] = vis_str(f[i]);
	if (c->nrows == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->rows = xreallocarray(c->rows, c->cap, sizeof(*c->rows));
	}
	c->rows[c->nrows++] = copy;
}

/*
 * The columns a table must fit in: on a terminal, its width (TIOCGWINSZ,
 * else $COLUMNS), unless --wide; 0 for no limit.  Piped, a table keeps
 * every byte: $COLUMNS, which a shell sets for itself, applies only to a
 * terminal.
 */
static size_t
fit_width(const struct outopt *o)
{
	struct winsize ws;
	const char *env;
	char *end;
	long n;

	if (o->wide || !isatty(STDOUT_FILENO))
		return 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if ((env = getenv("COLUMNS")) == NULL || *env == '\0')
		return 0;
	n = strtol(env, &end, 10);
	return *end == '\0' && n > 0 && n < 100000 ? (size_t)n : 0;
}

/*
 * The widths of columns whose values are vals[] wide and headings head[]
 * wide, cut at level t: a column's values to t, its heading, where wider
 * than its values, to a third of t (2 at least: a letter and the
 * ellipsis), since a table is read for its values.  Returns what the
 * columns take with the gaps between them.
 */
static size_t
cut_at(size_t *w, const size_t *vals, const size_t *head, size_t n, size_t t)
{
	size_t i, v, h, sum = 2 * (n - 1);

	for (i = 0; i < n; i++) {
		v = vals[i] < t ? vals[i] : t;
		h = t / 3 > 2 ? t / 3 : 2;
		h = head[i] < h ? head[i] : h;
		w[i] = v > h ? v : h;
		sum += w[i];
	}
	return sum;
}

/*
 * Makes the widths w[] fit width, when they do not: cut at the highest
 * level that fits (1 at least), then the room that is left given back,
 * a column at a time from the left, first to the values cut and then to
 * the headings.
 */
static void
fit_widths(size_t *w, const size_t *vals, const size_t *head, size_t n,
    size_t width)
{
	size_t i, t, lo = 1, hi = 0, sum = 2 * (n - 1), room, want;

	for (i = 0; i < n; i++) {
		sum += w[i];
		hi = w[i] > hi ? w[i] : hi;
	}
	if (n == 0 || sum <= width)
		return;
	while (lo < hi) {
		t = lo + (hi - lo + 1) / 2;
		if (cut_at(w, vals, head, n, t) <= width)
			lo = t;
		else
			hi = t - 1;
	}
	sum = cut_at(w, vals, head, n, lo);
	room = width > sum ? width - sum : 0;
	for (i = 0; i < n && room > 0; i++)
		if (w[i] < vals[i]) {
			w[i]++;
			room--;
		}
	for (i = 0; i < n && room > 0; i++)
		if (w[i] < head[i]) {
			want = head[i] - w[i] < room ? head[i] - w[i] : room;
			w[i] += want;
			room -= want;
		}
}

/*
 * s cut to width columns at most: whole grapheme clusters (a wide CJK
 * character, a letter and its accents, never part of a UTF-8 sequence)
 * while they fit in width - 1, then "…".  A copy of s when it fits.
 */
char *
out_cut(const char *s, size_t width)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp, prev = -1;
	utf8proc_ssize_t k, left = (utf8proc_ssize_t)strlen(s);
	size_t w = 0, cluster = 0, keep = 0;
	int state = 0;

	if (display_width(s) <= width)
		return xstrdup(s);
	if (width == 0)
		return xstrdup("");
	for (; left > 0; p += k, left -= k, prev = cp) {
		if ((k = utf8proc_iterate(p, left, &cp)) < 1) {
			k = 1;
			cp = 0xFFFD;
		}
		if (prev != -1 && utf8proc_grapheme_break_stateful(prev, cp,
		    &state)) {
			if (w + cluster > width - 1)
				break;
			w += cluster;
			cluster = 0;
			keep = (size_t)(p - (const utf8proc_uint8_t *)s);
		}
		cluster += cp < 0x20 ? 0 : (size_t)utf8proc_charwidth(cp);
	}
	return xasprintf("%.*s\xe2\x80\xa6", (int)keep, s);
}

/* Padding is written only before a cell, so no line ends in spaces. */
static void
cells_line(char *const *f, size_t n, const size_t *w, const char *indent)
{
	size_t i, pad = 0;
	char *cell;

	fputs(indent, stdout);
	for (i = 0; i < n; i++) {
		cell = out_cut(f[i], w[i]);
		if (*cell != '\0') {
			for (; pad > 0; pad--)
				putchar(' ');
			fputs(cell, stdout);
		}
		pad += w[i] - display_width(cell) + 2;
		free(cell);
	}
	putchar('\n');
}

static void
cells_free(struct cells *c)
{
	size_t i, j;

	for (i = 0; i < c->nrows; i++) {
		for (j = 0; j < c->ncols; j++)
			free(c->rows[i][j]);
		free(c->rows[i]);
	}
	free(c->rows);
	cells_init(c, c->ncols);
}

/*
 * A list in show: its title, then its rows (headings first) indented as
 * a table; only the title when it has no rows.  The rows are freed.
 */
void
cells_list(struct cells *c, const struct outopt *opt, const char *title)
{
	printf("%s:\n", title);
	if (c->nrows > c->head)
		cells_print(c, opt, "  ");
	else
		cells_free(c);
}

/*
 * Prints the rows kept, each line after indent, the columns two spaces
 * apart and as wide as their widest cell; on a terminal, the widest cut
 * so that the lines fit it.  The rows are freed.
 */
void
cells_print(struct cells *c, const struct outopt *opt, const char *indent)
{
	size_t *w, *vals, *head, i, j, dw, width;

	w = xcalloc(c->ncols, sizeof(*w));
	vals = xcalloc(c->ncols, sizeof(*vals));
	head = xcalloc(c->ncols, sizeof(*head));
	for (i = 0; i < c->nrows; i++)
		for (j = 0; j < c->ncols; j++) {
			dw = display_width(c->rows[i][j]);
			if (i < c->head)
				head[j] = dw;
			else if (dw > vals[j])
				vals[j] = dw;
			w[j] = vals[j] > head[j] ? vals[j] : head[j];
		}
	if ((width = fit_width(opt)) > 0)
		fit_widths(w, vals, head, c->ncols, width > strlen(indent) ?
		    width - strlen(indent) : 1);
	free(vals);
	free(head);
	for (i = 0; i < c->nrows; i++)
		cells_line(c->rows[i], c->ncols, w, indent);
	free(w);
	cells_free(c);
}

void
out_close(struct out *o)
{
	size_t i;

	if (o == NULL)
		return;
	if (o->o.fmt == FMT_TABLE)
		cells_print(&o->cells, &o->o, "");
	for (i = 0; i < o->n; i++) {
		free(o->names[i]);
		if (o->keys != NULL)
			free(o->keys[i]);
	}
	free(o->names);
	free(o->keys);
	free(o->pick);
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
