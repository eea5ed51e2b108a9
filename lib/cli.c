/*
 * cli.c: the command line, read from a tool's tables of verbs and options
 * and from the table of the options the three tools share; --help printed
 * from the same rows; and the argument forms they share: dates, durations,
 * and ids given as arguments or piped in.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sc.h"

static const char *const formats[] = {
	"csv", "tsv", "json", "table", "text", "md", "ics", "svg", "html",
	NULL
};
static const char *const input_formats[] = { "csv", "tsv", "json", NULL };

#define ALL	(~0u)
/* --input applies to list, --dry-run to the verbs that write: opt_applies(). */
const struct optdef common_opts[NCOMMON] = {
	[CO_DATA] = { "data", 'D', OPT_VALUE, "DIR",
	    "the data directory (default $SC_DATA, or the seeds)",
	    .verbs = ALL },
	[CO_INPUT] = { "input", 'i', OPT_VALUE, "FILE",
	    "list: read rows from FILE, - for stdin", .verbs = 0 },
	[CO_INPUT_FORMAT] = { "input-format", 0, OPT_VALUE, "FMT",
	    "what -i and - read: csv, tsv or json (else guessed)", .verbs = ALL,
	    .values = input_formats },
	[CO_OUTPUT] = { "output", 'o', OPT_VALUE, "FMT",
	    "csv, tsv, json or table", .verbs = ALL, .values = formats },
	[CO_COLUMNS] = { "columns", 'c', OPT_VALUE, "LIST",
	    "the columns to print, in that order", .verbs = ALL },
	[CO_SORT] = { "sort", 0, OPT_VALUE, "COL,...",
	    "list: sort by these columns; -COL descending",
	    .verbs = 0 },
	[CO_NO_HEADER] = { "no-header", 'H', OPT_FLAG, NULL,
	    "no header line in csv and tsv", .verbs = ALL },
	[CO_WIDE] = { "wide", 'W', OPT_FLAG, NULL,
	    "tables whole on a terminal, not cut to its width", .verbs = ALL },
	[CO_TODAY] = { "today", 0, OPT_VALUE, "DATE",
	    "the date taken as today (also $SC_TODAY)", .verbs = ALL },
	[CO_DRY_RUN] = { "dry-run", 'n', OPT_FLAG, NULL,
	    "print what would be written, change nothing", .verbs = 0 },
	[CO_WAIT] = { "wait", 0, OPT_VALUE, "SECONDS",
	    "how long to wait for another writer (default 10)", .verbs = ALL },
	[CO_SAFE] = { "safe", 0, OPT_FLAG, NULL,
	    "for spreadsheets: defuse formulas in csv and tsv", .verbs = ALL },
	[CO_CRLF] = { "crlf", 0, OPT_FLAG, NULL,
	    "for spreadsheets: end lines with CRLF", .verbs = ALL },
	[CO_BOM] = { "bom", 0, OPT_FLAG, NULL,
	    "for spreadsheets: a UTF-8 byte order mark first", .verbs = ALL },
	[CO_HELP] = { "help", 'h', OPT_FLAG, NULL,
	    "this help, on stdout", .verbs = ALL },
	[CO_VERSION] = { "version", 'V', OPT_FLAG, NULL,
	    "the version", .verbs = ALL }
};
#undef ALL

static void
common_init(struct common *c)
{
	memset(c, 0, sizeof(*c));
	c->infmt = FMT_GUESS;
	c->out.fmt = FMT_GUESS;
	c->wait = 10;
}

static double
parse_wait(const char *s)
{
	char *end;
	double w;

	w = strtod(s, &end);
	if (end == s || *end != '\0' || !(w >= 0 && w <= 86400))
		die(EXIT_USAGE, "--wait: not a number of seconds: '%s'", s);
	return w;
}

/* A common option, by its row in common_opts. */
static void
common_opt(struct common *c, int o, const char *arg)
{
	switch (o) {
	case CO_DATA: c->data = arg; break;
	case CO_INPUT: c->input = arg; break;
	case CO_COLUMNS: c->out.columns = arg; break;
	case CO_SORT: c->sort = arg; break;
	case CO_NO_HEADER: c->out.noheader = 1; break;
	case CO_WIDE: c->out.wide = 1; break;
	case CO_DRY_RUN: c->dryrun = 1; break;
	case CO_HELP: c->help = 1; break;
	case CO_VERSION: c->version = 1; break;
	case CO_TODAY: c->today_arg = arg; break;
	case CO_WAIT: c->wait = parse_wait(arg); break;
	case CO_SAFE: c->out.safe = 1; break;
	case CO_CRLF: c->out.crlf = 1; break;
	case CO_BOM: c->out.bom = 1; break;
	case CO_INPUT_FORMAT:
		c->infmt = fmt_parse(arg);
		if (c->infmt != FMT_CSV && c->infmt != FMT_TSV &&
		    c->infmt != FMT_JSON)
			die(EXIT_USAGE, "--input-format: csv, tsv or json, not "
			    "'%s'", arg);
		break;
	case CO_OUTPUT:
		if ((c->out.fmt = fmt_parse(arg)) == -1)
			die(EXIT_USAGE, "--output: unknown format '%s'", arg);
		c->outset = 1;
		break;
	}
}

/* A tool's own option, the i-th of its rows; value is NULL when none. */
static void
own_opt(struct cmdline *cl, const struct optdef *o, int i, char *value)
{
	if (o->kind == OPT_MULTI) {
		cl->multi[i] = xreallocarray(cl->multi[i], cl->nmulti[i] + 1,
		    sizeof(char *));
		cl->multi[i][cl->nmulti[i]++] = value;
	}
	cl->bare[i] = o->kind == OPT_OPTIONAL && value == NULL;
	cl->val[i] = value != NULL ? value : o->kind == OPT_FLAG ? "1" : "";
}

/* --- the tables, checked ------------------------------------------------- */

static void __attribute__((noreturn))
bad_table(const struct tool *t, const char *what, const char *name)
{
	die(EXIT_SYS, "internal error: %s's tables: %s '%s'", t->name, what,
	    name != NULL ? name : "(none)");
}

static void
check_verbs(const struct tool *t)
{
	const struct verbdef *v;
	int i, j;

	if (t->nverbs < 1 || t->nverbs > MAXVERBS || t->nopts < 0 ||
	    t->nopts > MAXOWN)
		bad_table(t, "too many or too few rows in", t->name);
	for (i = 0; i < t->nverbs; i++) {
		v = &t->verbs[i];
		if (v->name == NULL || v->run == NULL || v->args == NULL ||
		    v->help == NULL)
			bad_table(t, "a verb row left empty after", i > 0 ?
			    t->verbs[i - 1].name : NULL);
		if (v->min < 0 || (v->max != -1 && v->max < v->min))
			bad_table(t, "an argument count that cannot be, for",
			    v->name);
		for (j = 0; j < i; j++)
			if (strcmp(t->verbs[j].name, v->name) == 0)
				bad_table(t, "a verb named twice", v->name);
	}
}

/* A row of either table: its kind, value and help say what it is. */
static void
check_opt(const struct tool *t, const struct optdef *o, unsigned verbs)
{
	if (o->name == NULL || o->name[0] == '\0' ||
	    strchr(o->name, '=') != NULL || o->help == NULL)
		bad_table(t, "an option row with no name or help", o->name);
	if (o->kind < OPT_FLAG || o->kind > OPT_MULTI)
		bad_table(t, "an option of no known kind", o->name);
	if ((o->arg == NULL) != (o->kind == OPT_FLAG))
		bad_table(t, "a value with no name, or a flag with one",
		    o->name);
	if ((o->is_value != NULL && o->kind != OPT_OPTIONAL) ||
	    (o->shortname != 0 && o->kind == OPT_OPTIONAL))
		bad_table(t, "an optional value in a short option, or a "
		    "test for one in another kind", o->name);
	if ((o->verbs & ~verbs) != 0)
		bad_table(t, "an option for a verb there is not", o->name);
	if (o->sc != NULL && (o->values != NULL || o->kind == OPT_FLAG ||
	    o->col < 0 || (size_t)o->col >= o->sc->ncols))
		bad_table(t, "the values of a column there is not, or two sets "
		    "of values", o->name);
}

/* Two rows of either table with one name (or one short name). */
static void
check_unique(const struct tool *t, const struct optdef *o, int i)
{
	const struct optdef *p;
	int j;

	for (j = 0; j < i; j++) {
		p = tool_opt(t, j);
		if (strcmp(p->name, o->name) == 0 ||
		    (o->shortname != 0 && o->shortname == p->shortname))
			bad_table(t, "an option named twice", o->name);
	}
}

/*
 * The rows are the command line's whole description, for the parser,
 * --help and completion: they are checked once at start-up, and a wrong
 * one is a bug, named.
 */
void
cli_check(const struct tool *t)
{
	const struct optdef *o;
	unsigned verbs;
	int i;

	check_verbs(t);
	verbs = t->nverbs == 32 ? ~0u : (1u << t->nverbs) - 1;
	for (i = 0; (o = tool_opt(t, i)) != NULL; i++) {
		if (i >= NCOMMON && o->verbs == 0)
			bad_table(t, "an option for no verb", o->name);
		check_opt(t, o, i < NCOMMON ? ~0u : verbs);
		check_unique(t, o, i);
	}
}

/*
 * The i-th option a tool takes: the common ones, in the order of their
 * enum, then its own; NULL past the last.
 */
const struct optdef *
tool_opt(const struct tool *t, int i)
{
	if (i < 0 || i >= NCOMMON + t->nopts)
		return NULL;
	return i < NCOMMON ? &common_opts[i] : &t->opts[i - NCOMMON];
}

/* Whether the option o may be given with the verb. */
int
opt_applies(const struct tool *t, const struct optdef *o, int verb)
{
	if (o == &common_opts[CO_INPUT] || o == &common_opts[CO_SORT])
		return strcmp(t->verbs[verb].name, "list") == 0;
	if (o == &common_opts[CO_DRY_RUN])
		return t->verbs[verb].writes;
	return verb >= 0 && verb < 32 && ((o->verbs >> verb) & 1);
}

/* --- the parser ---------------------------------------------------------- */

/* What a word of the command line turned out to be. */
enum {
	W_OPERAND, W_DASHDASH, W_FLAG,	/* a flag, or a cluster of them */
	W_WITH_VALUE,			/* --opt=value, -cVALUE */
	W_WANTS_NEXT, W_VALUE		/* --opt value: the two words */
};

/*
 * The command line as given (the parser does not permute it), and what
 * each word was.  An option is named by its index for tool_opt(), so that
 * an index below NCOMMON is a CO_ one.
 */
struct parse {
	const struct tool *tool;
	struct cmdline *cl;
	int	 argc;
	char	**argv;
	unsigned char *what;		/* W_, for each word of argv */
	char	**ops;			/* the operands, in order */
	int	 nops;
};

static void
take(struct parse *p, int i, char *value)
{
	if (i < NCOMMON)
		common_opt(&p->cl->c, i, value);
	else
		own_opt(p->cl, tool_opt(p->tool, i), i - NCOMMON, value);
}

/*
 * The option that name (len bytes) names: its exact name, else the one
 * option it begins, as getopt_long reads it; *n is how many it begins.
 * Returns its index, or -1.
 */
static int
long_match(const struct parse *p, const char *name, size_t len, int *n)
{
	const struct optdef *o;
	int i, found = -1;

	*n = 0;
	for (i = 0; (o = tool_opt(p->tool, i)) != NULL; i++) {
		if (strncmp(o->name, name, len) != 0)
			continue;
		if (o->name[len] == '\0') {
			*n = 1;
			return i;
		}
		if ((*n)++ == 0)
			found = i;
	}
	return *n == 1 ? found : -1;
}

/* A long option that names none, or several (n): what was meant, if near. */
static void __attribute__((noreturn))
bad_long(const struct parse *p, const char *name, size_t len, int n)
{
	const struct optdef *o;
	struct buf b = { 0 };
	struct near near;
	int i;

	if (n > 1) {
		for (i = 0; (o = tool_opt(p->tool, i)) != NULL; i++)
			if (strncmp(o->name, name, len) == 0) {
				buf_adds(&b, b.len > 0 ? ", --" : "--");
				buf_adds(&b, o->name);
			}
		die(EXIT_USAGE, "option '--%.*s' is ambiguous: %s", (int)len,
		    name, b.s);
	}
	near_init(&near, name, len);
	for (i = 0; (o = tool_opt(p->tool, i)) != NULL; i++)
		near_offer(&near, o->name);
	if (near.best != NULL)
		die(EXIT_USAGE, "unknown option '--%.*s'; did you mean '--%s'?",
		    (int)len, name, near.best);
	die(EXIT_USAGE, "unknown option '--%.*s' (try --help)", (int)len,
	    name);
}

/* An option's value as the next word, when there is one. */
static int
take_next(struct parse *p, int i, int o, const char *as)
{
	if (i + 1 >= p->argc)
		die(EXIT_USAGE, "option '%s' needs a value", as);
	p->what[i] = W_WANTS_NEXT;
	p->what[i + 1] = W_VALUE;
	take(p, o, p->argv[i + 1]);
	return i + 1;
}

/*
 * A word that starts with "--", and its value: after "=", or the next
 * word.  An optional value is the next word only when the row's is_value
 * says that word is one.  Returns the last word used.
 */
static int
long_opt(struct parse *p, int i)
{
	char *name = p->argv[i] + 2, *eq = strchr(name, '='), as[64];
	size_t len = eq != NULL ? (size_t)(eq - name) : strlen(name);
	const struct optdef *o;
	int k, n;

	if ((k = long_match(p, name, len, &n)) == -1)
		bad_long(p, name, len, n);
	o = tool_opt(p->tool, k);
	if (eq != NULL && o->kind == OPT_FLAG)
		die(EXIT_USAGE, "option '--%s' takes no value", o->name);
	if (eq != NULL) {
		p->what[i] = W_WITH_VALUE;
		take(p, k, eq + 1);
	} else if (o->kind == OPT_FLAG || (o->kind == OPT_OPTIONAL &&
	    (o->is_value == NULL || i + 1 >= p->argc ||
	    !o->is_value(o, p->argv[i + 1])))) {
		p->what[i] = W_FLAG;
		take(p, k, NULL);
	} else {
		snprintf(as, sizeof(as), "--%s", o->name);
		i = take_next(p, i, k, as);
	}
	return i;
}

static int
short_match(const struct parse *p, int ch)
{
	const struct optdef *o;
	int i;

	for (i = 0; (o = tool_opt(p->tool, i)) != NULL; i++)
		if (o->shortname == ch)
			return i;
	return -1;
}

/* A cluster of short options, the last of which may take a value. */
static int
short_opts(struct parse *p, int i)
{
	char *c, as[3] = "-";
	int k;

	p->what[i] = W_FLAG;
	for (c = p->argv[i] + 1; *c != '\0'; c++) {
		if ((k = short_match(p, *c)) == -1 && *c > ' ' && *c < 127)
			die(EXIT_USAGE, "unknown option '-%c' (try --help)",
			    *c);
		if (k == -1)
			die(EXIT_USAGE, "unknown option (try --help)");
		if (tool_opt(p->tool, k)->kind == OPT_FLAG) {
			take(p, k, NULL);
			continue;
		}
		if (c[1] != '\0') {
			p->what[i] = W_WITH_VALUE;
			take(p, k, c + 1);
			return i;
		}
		as[1] = *c;
		return take_next(p, i, k, as);
	}
	return i;
}

/*
 * Options may come before or after the verb and its arguments, in any
 * order; after "--", every word is an operand.
 */
static void
parse_words(struct parse *p)
{
	int i, rest = 0;
	char *w;

	for (i = 1; i < p->argc; i++) {
		w = p->argv[i];
		if (rest || w[0] != '-' || w[1] == '\0') {
			p->what[i] = W_OPERAND;
			p->ops[p->nops++] = w;
		} else if (strcmp(w, "--") == 0) {
			p->what[i] = W_DASHDASH;
			rest = 1;
		} else if (w[1] == '-')
			i = long_opt(p, i);
		else
			i = short_opts(p, i);
	}
	p->ops[p->nops] = NULL;
}

/*
 * Why a word was left over, when the words before it tell: most often
 * an option's value typed as two words, or a value after a flag.  NULL
 * when they do not.
 */
static const char *
stray_after(const struct parse *p, const char *word, char *msg, size_t size)
{
	static const char one[] = ": an option's value is one word (quote a "
	    "value that has spaces)";
	int i;

	for (i = 1; i < p->argc && p->argv[i] != word; i++)
		continue;
	if (i < 2 || i >= p->argc)
		return NULL;
	switch (p->what[i - 1]) {
	case W_VALUE:
		snprintf(msg, size, " after '%s %s'%s", p->argv[i - 2],
		    p->argv[i - 1], one);
		return msg;
	case W_WITH_VALUE:
		snprintf(msg, size, " after '%s'%s", p->argv[i - 1], one);
		return msg;
	case W_FLAG:
		snprintf(msg, size, " after '%s'", p->argv[i - 1]);
		return msg;
	}
	return NULL;
}

static void __attribute__((noreturn))
unexpected(const struct parse *p, const struct verbdef *v, const char *word)
{
	char msg[512];

	if (stray_after(p, word, msg, sizeof(msg)) == NULL) {
		if (v->max == 0)
			snprintf(msg, sizeof(msg), ": %s takes no arguments",
			    v->name);
		else
			snprintf(msg, sizeof(msg), ": %s takes %s (quote a "
			    "value that has spaces)", v->name, v->args);
	}
	die(EXIT_USAGE, "unexpected argument '%s'%s", word, msg);
}

static int
find_verb(const struct parse *p, const char *name)
{
	const struct tool *t = p->tool;
	struct near n;
	char msg[512];
	int i;

	for (i = 0; i < t->nverbs; i++)
		if (strcmp(t->verbs[i].name, name) == 0)
			return i;
	near_init(&n, name, strlen(name));
	for (i = 0; i < t->nverbs; i++)
		near_offer(&n, t->verbs[i].name);
	if (n.best != NULL)
		die(EXIT_USAGE, "unknown verb '%s'; did you mean '%s'?", name,
		    n.best);
	if (stray_after(p, name, msg, sizeof(msg)) != NULL)
		die(EXIT_USAGE, "unexpected argument '%s'%s", name, msg);
	die(EXIT_USAGE, "unknown verb '%s' (try --help)", name);
}

/* Each option given must belong to the verb: a stray one is a mistake. */
static void
check_verb_options(const struct parse *p)
{
	const struct tool *t = p->tool;
	const struct cmdline *cl = p->cl;
	int i;

	for (i = 0; i < t->nopts; i++)
		if (cl->val[i] != NULL && !opt_applies(t, &t->opts[i],
		    cl->verb))
			die(EXIT_USAGE, "--%s does not apply to %s",
			    t->opts[i].name, t->verbs[cl->verb].name);
	if (cl->c.input != NULL &&
	    !opt_applies(t, &common_opts[CO_INPUT], cl->verb))
		die(EXIT_USAGE, "--input applies to list only");
	if (cl->c.sort != NULL &&
	    !opt_applies(t, &common_opts[CO_SORT], cl->verb))
		die(EXIT_USAGE, "--sort applies to list only");
	if (cl->c.dryrun && !opt_applies(t, &common_opts[CO_DRY_RUN], cl->verb))
		die(EXIT_USAGE, "--dry-run applies to verbs that write");
}

/*
 * A standard descriptor left closed (prog >&-) would be the next file
 * opened: a table's temporary file could then take in what was meant for
 * stdout or stderr.  Each closed one is held by /dev/null, opened the
 * wrong way round, so that using it still fails: printing to a closed
 * stdout is a write error, and a verb that prints nothing is not hurt.
 */
static void
hold_std_fds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) == -1 && errno == EBADF &&
		    open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY) != fd)
			die(EXIT_SYS, "/dev/null: %s", strerror(errno));
}

/* Each verb takes so many arguments: a word too many is named. */
static void
check_operands(const struct parse *p)
{
	const struct cmdline *cl = p->cl;
	const struct verbdef *v = &p->tool->verbs[cl->verb];

	if (v->max >= 0 && cl->argc > v->max)
		unexpected(p, v, cl->argv[v->max]);
	if (cl->argc < v->min) {
		note("%s needs %s", v->name, v->args);
		p->tool->usage();
	}
}

static void
parse_init(struct parse *p, struct cmdline *cl, int argc, char **argv,
    const struct tool *t)
{
	memset(p, 0, sizeof(*p));
	p->tool = t;
	p->cl = cl;
	p->argc = argc;
	p->argv = argv;
	p->what = xcalloc((size_t)argc + 1, 1);
	p->ops = xcalloc((size_t)argc + 1, sizeof(*p->ops));
	memset(cl, 0, sizeof(*cl));
	common_init(&cl->c);
	cl->argv = p->ops;
}

/*
 * The command line, read by the tool's rows: the first operand is the
 * verb (the first verb when there is none), the rest its arguments.  What
 * each word was is kept, so that of a word left over the words before it
 * can tell why.
 */
void
cli_parse(struct cmdline *cl, int argc, char **argv, const struct tool *t)
{
	struct parse p;

	progname = t->name;
	hold_std_fds();
	cli_check(t);
	if (argc >= 2 && strcmp(argv[1], "__complete") == 0) {
		/* The shells' completion asks; a hidden verb, not a row. */
		complete_words(t, argc - 2, argv + 2);
		finish_stdout();
		exit(0);
	}
	parse_init(&p, cl, argc, argv, t);
	parse_words(&p);
	if (!cl->c.help && !cl->c.version) {
		cl->verb = p.nops > 0 ? find_verb(&p, p.ops[0]) : 0;
		cl->argv = p.ops + (p.nops > 0);
		cl->argc = p.nops - (p.nops > 0);
		check_operands(&p);
		check_verb_options(&p);
		cl->c.today = today_days(cl->c.today_arg);
	}
	free(p.what);
}

/* --- help ---------------------------------------------------------------- */

/* "-D, --data DIR", "    --upcoming [DUR]", "    --field COL=V...". */
static void
opt_spell(struct buf *b, const struct optdef *o, int indent)
{
	char sh[5] = "-x, ";

	if (indent && o->shortname != 0) {
		sh[1] = (char)o->shortname;
		buf_adds(b, sh);
	} else if (indent)
		buf_adds(b, "    ");
	buf_adds(b, "--");
	buf_adds(b, o->name);
	if (o->kind != OPT_FLAG)
		buf_adds(b, o->kind == OPT_OPTIONAL ? " [" : " ");
	if (o->kind != OPT_FLAG)
		buf_adds(b, o->arg);
	if (o->kind == OPT_OPTIONAL)
		buf_adds(b, "]");
	if (o->kind == OPT_MULTI)
		buf_adds(b, "...");
}

/*
 * A column of names and one of help, two spaces apart at least; a name too
 * wide has its own line.
 */
static void
help_line(const char *name, int width, const char *help)
{
	if ((int)strlen(name) + 4 > width)
		printf("  %s\n  %*s%s\n", name, width - 2, "", help);
	else
		printf("  %-*s%s\n", width - 2, name, help);
}

/* Under a verb, the options it takes, as many to a line as fit. */
static void
verb_options(const struct tool *t, int verb)
{
	struct buf b = { 0 };
	size_t col = 0;
	int i;

	for (i = 0; i < t->nopts; i++) {
		if (!opt_applies(t, &t->opts[i], verb))
			continue;
		buf_reset(&b);
		opt_spell(&b, &t->opts[i], 0);
		if (col > 0 && col + 2 + b.len > 78) {
			putchar('\n');
			col = 0;
		}
		col += (size_t)printf("%s%s", col == 0 ? "    " : "  ", b.s);
	}
	if (col > 0)
		putchar('\n');
	buf_free(&b);
}

static void
help_opts(const struct tool *t, const struct optdef *opts, int n, int width)
{
	struct buf b = { 0 };
	int i;

	for (i = 0; i < n; i++) {
		buf_reset(&b);
		opt_spell(&b, &opts[i], 1);
		help_line(b.s, width, opts == common_opts && i == CO_OUTPUT &&
		    t->outputs != NULL ? t->outputs : opts[i].help);
	}
	buf_free(&b);
}

/* The widest of the options' spellings, and w. */
static int
spell_width(const struct optdef *opts, int n, int w)
{
	struct buf b = { 0 };
	int i;

	for (i = 0; i < n; i++) {
		buf_reset(&b);
		opt_spell(&b, &opts[i], 1);
		if ((int)b.len > w)
			w = (int)b.len;
	}
	buf_free(&b);
	return w;
}

/*
 * The verbs and the options of --help, from the rows: each verb with
 * what it takes, then each option once with its help line.
 */
void
cli_help(const struct tool *t)
{
	char name[80];
	int i, width;

	printf("Verbs:\n");
	for (i = 0; i < t->nverbs; i++) {
		snprintf(name, sizeof(name), "%s%s%s", t->verbs[i].name,
		    *t->verbs[i].args ? " " : "", t->verbs[i].args);
		help_line(name, 23, t->verbs[i].help);
		verb_options(t, i);
	}
	width = spell_width(common_opts, NCOMMON, spell_width(t->opts,
	    t->nopts, 0)) + 4;
	printf("\nOptions:\n");
	help_opts(t, t->opts, t->nopts, width);
	printf("\nCommon options:\n");
	help_opts(t, common_opts, NCOMMON, width);
}

/* A date option's value in a filter, where reduced dates are allowed. */
long
date_opt(const char *opt, const char *v, long today, int last)
{
	struct date d;

	if (date_arg(v, today, &d) == -1)
		die(EXIT_USAGE, "%s: invalid date '%s' (want %s)", opt, v,
		    date_forms(1, 1));
	return last ? date_last(&d) : date_first(&d);
}

/*
 * A date to store: a full date, or with reduced set a reduced one as
 * given.  Relative forms and "today" are resolved against today.
 */
const char *
date_opt_str(const char *opt, const char *v, long today, int reduced,
    char out[11])
{
	struct date d;

	if (date_arg(v, today, &d) == -1 ||
	    (!reduced && d.prec != DATE_DAY))
		die(EXIT_USAGE, "%s: invalid date '%s' (want %s)", opt, v,
		    date_forms(reduced, 1));
	if (d.prec == DATE_DAY)
		date_fmt(date_first(&d), out);
	else if (d.prec == DATE_MONTH)
		snprintf(out, 11, "%04d-%02d", d.y % 10000, d.m % 100);
	else
		snprintf(out, 11, "%04d", d.y % 10000);
	return out;
}

void
dur_opt(const char *opt, const char *v, struct dur *d)
{
	if (dur_parse(v, d) == -1)
		die(EXIT_USAGE, "%s: invalid duration '%s' (like 7d, 2w, 1m, "
		    "1y or P14D)", opt, v);
}

/* A value as a shell would take it back: quoted when it must be. */
static void
shell_word(struct buf *b, const char *v)
{
	const char *p;

	if (*v != '\0' && strspn(v, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./_-") == strlen(v)) {
		buf_adds(b, v);
		return;
	}
	buf_addc(b, '\'');
	for (p = v; *p != '\0'; p++)
		if (*p == '\'')
			buf_adds(b, "'\\''");
		else
			buf_addc(b, *p);
	buf_addc(b, '\'');
}

/*
 * The tool's own options that were given, as they would be typed
 * ("--status introduced --via 2024-05-strasbourg"), in the order of its
 * rows: the filters of a list, for a picture's title.
 */
char *
cli_given(const struct cmdline *cl, const struct tool *t)
{
	const struct optdef *o;
	struct buf b = { NULL, 0, 0 };
	size_t k;
	int i;

	buf_adds(&b, "");
	for (i = 0; i < t->nopts; i++) {
		if (cl->val[i] == NULL)
			continue;
		o = &t->opts[i];
		for (k = 0; k < (o->kind == OPT_MULTI ? cl->nmulti[i] : 1);
		    k++) {
			buf_adds(&b, b.len > 0 ? " --" : "--");
			buf_adds(&b, o->name);
			if (o->kind == OPT_FLAG || cl->bare[i])
				continue;
			buf_addc(&b, ' ');
			shell_word(&b, o->kind == OPT_MULTI ? cl->multi[i][k] :
			    cl->val[i]);
		}
	}
	return b.s;
}

/* A comma-separated option value, as a vector; empty items are dropped. */
char **
split_list(const char *s, size_t *n)
{
	char **v = NULL, *copy = xstrdup(s), *tok, *save = NULL;

	*n = 0;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		v = xreallocarray(v, *n + 1, sizeof(*v));
		v[(*n)++] = xstrdup(tok);
	}
	free(copy);
	return v;
}

int
in_set(char **v, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

/*
 * --NAME v, where v must be one of the values that the schema allows in
 * column col of table tab (--role host): anything else is a usage error.
 */
void
enum_opt(const char *name, const char *v, int tab, int col)
{
	const char *const *values = schemas[tab]->values[col];

	if (!in_values(v, values))
		die(EXIT_USAGE, "--%s: '%s' is not one of %s", name, v,
		    values_spelt(values));
}

/* The same for a comma list of such values (--status held,planned). */
char **
enum_opts(const char *name, const char *s, int tab, int col, size_t *n)
{
	char **v = split_list(s, n);
	size_t i;

	if (*n == 0)
		die(EXIT_USAGE, "--%s: want one or more of %s", name,
		    values_spelt(schemas[tab]->values[col]));
	for (i = 0; i < *n; i++)
		enum_opt(name, v[i], tab, col);
	return v;
}

void
upcase(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'a' && *s <= 'z')
			*s = (char)(*s - 'a' + 'A');
}

/* -i FILE or the data directory: where list reads its rows. */
struct reader *
input_reader(const struct common *c, struct store *st, const struct schema *sc)
{
	if (c->input != NULL)
		return rd_open(c->input, c->infmt);
	return store_reader(st, sc);
}

/*
 * The list verb: the rows keep() wants, streamed from -i or the table;
 * with --sort, held until the last is read.
 */
void
list_rows(const struct common *c, struct store *st, const struct schema *sc,
    int (*keep)(const struct scan *, void *), void *arg)
{
	struct scan s;
	struct out *o;
	struct sorter *srt = NULL;
	const char *raw;
	size_t len = 0;

	scan_open(&s, sc, input_reader(c, st, sc));
	if (c->sort != NULL)
		srt = sorter_new(c->sort, s.t);
	o = out_open(&c->out, s.t->cols, s.t->ncols);
	while (scan_next(&s)) {
		if (!keep(&s, arg))
			continue;
		if (srt != NULL) {
			sorter_add(srt, scan_row(&s));
			continue;
		}
		raw = scan_raw(&s, out_verbatim(o), &len);
		if (raw != NULL)
			out_raw(o, raw, len);
		else
			out_row(o, scan_row(&s));
	}
	if (srt != NULL)
		sorter_emit(srt, o);
	out_close(o);
	scan_close(&s);
}

static void
push(char ***v, size_t *n, size_t *cap, const char *s)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*v = xreallocarray(*v, *cap, sizeof(**v));
	}
	(*v)[(*n)++] = xstrdup(s);
}

/*
 * Rows piped in name their cities by a city column (events: event), else
 * by id: so the output of any of the tools can feed the next.
 */
static void
ids_from_stdin(int tab, const struct common *c, char ***v, size_t *n,
    size_t *cap)
{
	const char *want = tab == T_CITIES ? "city" : tab == T_EVENTS ?
	    "event" : "id";
	struct reader *rd = rd_open("-", c->infmt);
	struct rec rec;
	size_t i, col = (size_t)-1;

	if (!rd_next(rd, &rec)) {
		rd_close(rd);
		return;
	}
	for (i = 0; i < rec.n; i++)
		if (strcmp(rec.f[i], want) == 0 ||
		    (col == (size_t)-1 && strcmp(rec.f[i], "id") == 0))
			col = i;
	if (col == (size_t)-1 && strcmp(want, "id") == 0)
		die_at(EXIT_DATA, "stdin", rec.line, "no 'id' column in the "
		    "header");
	if (col == (size_t)-1)
		die_at(EXIT_DATA, "stdin", rec.line, "no '%s' or 'id' column "
		    "in the header", want);
	while (rd_next(rd, &rec))
		if (rec.f[col][0] != '\0')
			push(v, n, cap, rec.f[col]);
	rd_close(rd);
}

char **
ids_from_args(int argc, char **argv, int tab, const struct common *c,
    size_t *n)
{
	char **v = NULL;
	size_t cap = 0;
	int i;

	*n = 0;
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0)
			ids_from_stdin(tab, c, &v, n, &cap);
		else
			push(&v, n, &cap, argv[i]);
	}
	return v;
}
