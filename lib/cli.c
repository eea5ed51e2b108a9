/*
 * cli.c: the options the three commands share, and the argument forms
 * they share: dates, durations, and ids given as arguments or piped in.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sc.h"

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

/* Returns 1 when the option was one of the common ones. */
static int
common_opt(struct common *c, int ch, const char *arg)
{
	switch (ch) {
	case 'D': c->data = arg; break;
	case 'i': c->input = arg; break;
	case 'c': c->out.columns = arg; break;
	case 'H': c->out.noheader = 1; break;
	case 'n': c->dryrun = 1; break;
	case 'h': c->help = 1; break;
	case 'V': c->version = 1; break;
	case OPT_TODAY: c->today_arg = arg; break;
	case OPT_WAIT: c->wait = parse_wait(arg); break;
	case OPT_SAFE: c->out.safe = 1; break;
	case OPT_CRLF: c->out.crlf = 1; break;
	case OPT_BOM: c->out.bom = 1; break;
	case OPT_INPUT_FORMAT:
		c->infmt = fmt_parse(arg);
		if (c->infmt != FMT_CSV && c->infmt != FMT_TSV)
			die(EXIT_USAGE, "--input-format: csv or tsv, not '%s'",
			    arg);
		break;
	case 'o':
		if ((c->out.fmt = fmt_parse(arg)) == -1)
			die(EXIT_USAGE, "--output: unknown format '%s'", arg);
		c->outset = 1;
		break;
	default:
		return 0;
	}
	return 1;
}

static void
own_opt(struct cmdline *cl, const struct ownopt *own, int i, char *arg)
{
	if (own[i].arg == 2) {
		cl->multi[i] = xreallocarray(cl->multi[i], cl->nmulti[i] + 1,
		    sizeof(char *));
		cl->multi[i][cl->nmulti[i]++] = arg;
	}
	cl->val[i] = own[i].arg ? arg : "1";
}

static struct option *
long_options(const struct ownopt *own)
{
	static const struct option common[] = { COMMON_LONGOPTS };
	size_t ncommon = sizeof(common) / sizeof(common[0]), n, i;
	struct option *lo;

	for (n = 0; own[n].name != NULL; n++)
		continue;
	lo = xcalloc(ncommon + n + 1, sizeof(*lo));
	memcpy(lo, common, sizeof(common));
	for (i = 0; i < n; i++) {
		lo[ncommon + i].name = own[i].name;
		lo[ncommon + i].has_arg = own[i].arg ? required_argument :
		    no_argument;
		lo[ncommon + i].val = OPT_FIRST_OWN + (int)i;
	}
	return lo;
}

/* The command line as it was given, before getopt_long permuted it. */
struct given {
	char	**argv;
	int	 argc;
	const struct option *lo;
};

/*
 * The long option that name (len bytes) names: its exact name, else the
 * one option it begins, as getopt_long reads it; *n is how many it
 * begins.
 */
static const struct option *
long_match(const struct option *lo, const char *name, size_t len, int *n)
{
	const struct option *found = NULL;

	*n = 0;
	for (; lo->name != NULL; lo++) {
		if (strncmp(lo->name, name, len) != 0)
			continue;
		if (lo->name[len] == '\0') {
			*n = 1;
			return lo;
		}
		if ((*n)++ == 0)
			found = lo;
	}
	return *n == 1 ? found : NULL;
}

/* What a word of the command line is, as an option. */
enum { W_OPERAND, W_FLAG, W_WITH_VALUE, W_WANTS_NEXT };

static int
option_word(const struct option *lo, const char *w)
{
	const char *eq, *p, *sh;
	const struct option *o;
	int n;

	if (w[0] != '-' || w[1] == '\0' || strcmp(w, "--") == 0)
		return W_OPERAND;
	if (w[1] == '-') {
		if ((eq = strchr(w, '=')) != NULL)
			return W_WITH_VALUE;
		o = long_match(lo, w + 2, strlen(w + 2), &n);
		return o != NULL && o->has_arg == required_argument ?
		    W_WANTS_NEXT : W_FLAG;
	}
	for (p = w + 1; *p != '\0'; p++)
		if ((sh = strchr(COMMON_SHORTOPTS, *p)) != NULL && sh[1] == ':')
			return p[1] != '\0' ? W_WITH_VALUE : W_WANTS_NEXT;
	return W_FLAG;
}

/*
 * Why a word was left over, when the words before it tell: most often
 * an option's value typed as two words, or a value after a flag.  NULL
 * when they do not.
 */
static const char *
stray_after(const struct given *g, const char *word, char *msg, size_t size)
{
	int i, k;

	for (i = 1; i < g->argc && g->argv[i] != word; i++)
		continue;
	if (i < 2 || i >= g->argc || strcmp(g->argv[i - 1], "--") == 0)
		return NULL;
	if (i >= 3 && option_word(g->lo, g->argv[i - 2]) == W_WANTS_NEXT)
		snprintf(msg, size, " after '%s %s': an option's value is one "
		    "word (quote a value that has spaces)", g->argv[i - 2],
		    g->argv[i - 1]);
	else if ((k = option_word(g->lo, g->argv[i - 1])) == W_WITH_VALUE)
		snprintf(msg, size, " after '%s': an option's value is one "
		    "word (quote a value that has spaces)", g->argv[i - 1]);
	else if (k == W_FLAG)
		snprintf(msg, size, " after '%s'", g->argv[i - 1]);
	else
		return NULL;
	return msg;
}

static void __attribute__((noreturn))
unexpected(const struct given *g, const struct verbdef *v, const char *word)
{
	char msg[512];

	if (stray_after(g, word, msg, sizeof(msg)) == NULL) {
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
find_verb(const struct given *g, const struct verbdef *verbs,
    const char *name)
{
	struct near n;
	char msg[512];
	int i;

	for (i = 0; verbs[i].name != NULL; i++)
		if (strcmp(verbs[i].name, name) == 0)
			return i;
	near_init(&n, name, strlen(name));
	for (i = 0; verbs[i].name != NULL; i++)
		near_offer(&n, verbs[i].name);
	if (n.best != NULL)
		die(EXIT_USAGE, "unknown verb '%s'; did you mean '%s'?", name,
		    n.best);
	if (stray_after(g, name, msg, sizeof(msg)) != NULL)
		die(EXIT_USAGE, "unexpected argument '%s'%s", name, msg);
	die(EXIT_USAGE, "unknown verb '%s' (try --help)", name);
}

/* A long option that getopt_long did not take: unknown or ambiguous. */
static void __attribute__((noreturn))
bad_long(const struct option *lo, const char *w)
{
	const char *eq = strchr(w, '=');
	int len = (int)(eq != NULL ? (size_t)(eq - w) : strlen(w)), k;
	struct buf b = { 0 };
	struct near n;

	long_match(lo, w + 2, (size_t)len - 2, &k);
	if (k > 1) {
		for (; lo->name != NULL; lo++)
			if (strncmp(lo->name, w + 2, (size_t)len - 2) == 0) {
				buf_adds(&b, b.len > 0 ? ", --" : "--");
				buf_adds(&b, lo->name);
			}
		die(EXIT_USAGE, "option '%.*s' is ambiguous: %s", len, w, b.s);
	}
	near_init(&n, w + 2, (size_t)len - 2);
	for (; lo->name != NULL; lo++)
		near_offer(&n, lo->name);
	if (n.best != NULL)
		die(EXIT_USAGE, "unknown option '%.*s'; did you mean '--%s'?",
		    len, w, n.best);
	die(EXIT_USAGE, "unknown option '%.*s' (try --help)", len, w);
}

/*
 * getopt_long's own messages are off (opterr): these say what was wrong
 * with an option, and what was meant when it looks mistyped.  A long
 * option's word is the one before optind; a short option is optopt.
 */
static void __attribute__((noreturn))
bad_option(int ch, char **argv, const struct option *lo)
{
	const char *w = argv[optind - 1], *eq = strchr(w, '=');
	const struct option *o = NULL;
	int n;

	if (strncmp(w, "--", 2) == 0 && w[2] != '\0')
		o = long_match(lo, w + 2, eq != NULL ? (size_t)(eq - w - 2) :
		    strlen(w + 2), &n);
	if (o != NULL && o->val != optopt)
		o = NULL;
	if (ch == ':' && o != NULL)
		die(EXIT_USAGE, "option '--%s' needs a value", o->name);
	if (ch == ':')
		die(EXIT_USAGE, "option '-%c' needs a value", optopt);
	if (o != NULL && eq != NULL && o->has_arg == no_argument)
		die(EXIT_USAGE, "option '--%s' takes no value", o->name);
	if (optopt == 0 && strncmp(w, "--", 2) == 0)
		bad_long(lo, w);
	if (optopt > ' ' && optopt < 127)
		die(EXIT_USAGE, "unknown option '-%c' (try --help)", optopt);
	die(EXIT_USAGE, "unknown option (try --help)");
}

/* Each option given must belong to the verb: a stray one is a mistake. */
static void
check_verb_options(const struct cmdline *cl, const struct ownopt *own,
    const struct verbdef *verbs)
{
	const char *verb = verbs[cl->verb].name;
	int i;

	for (i = 0; own[i].name != NULL; i++)
		if (cl->val[i] != NULL && !(own[i].verbs & (1u << cl->verb)))
			die(EXIT_USAGE, "--%s does not apply to %s", own[i].name,
			    verb);
	if (cl->c.input != NULL && strcmp(verb, "list") != 0)
		die(EXIT_USAGE, "--input applies to list only");
	if (cl->c.dryrun && !verbs[cl->verb].writes)
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
check_operands(const struct cmdline *cl, const struct verbdef *verbs,
    const struct given *g, void (*usage)(void))
{
	const struct verbdef *v = &verbs[cl->verb];

	if (v->max >= 0 && cl->argc > v->max)
		unexpected(g, v, cl->argv[v->max]);
	if (cl->argc < v->min) {
		note("%s needs %s", v->name, v->args);
		usage();
	}
}

/*
 * Options may come before or after the verb: getopt_long permutes the
 * arguments, and the first operand is the verb (list when there is none).
 * A copy of the command line as given tells, of a word left over, what
 * came before it.
 */
void
cli_parse(struct cmdline *cl, int argc, char **argv, const struct ownopt *own,
    const struct verbdef *verbs, void (*usage)(void))
{
	struct option *lo;
	struct given g;
	int ch;

	hold_std_fds();
	lo = long_options(own);
	memset(cl, 0, sizeof(*cl));
	common_init(&cl->c);
	g.argc = argc;
	g.argv = xreallocarray(NULL, (size_t)argc + 1, sizeof(*argv));
	memcpy(g.argv, argv, ((size_t)argc + 1) * sizeof(*argv));
	g.lo = lo;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":" COMMON_SHORTOPTS, lo,
	    NULL)) != -1) {
		if (ch == '?' || ch == ':')
			bad_option(ch, argv, lo);
		if (ch >= OPT_FIRST_OWN)
			own_opt(cl, own, ch - OPT_FIRST_OWN, optarg);
		else if (!common_opt(&cl->c, ch, optarg))
			usage();
	}
	argc -= optind;
	argv += optind;
	if (!cl->c.help && !cl->c.version) {
		cl->verb = argc > 0 ? find_verb(&g, verbs, argv[0]) : 0;
		if (argc > 0)
			argc--, argv++;
		cl->argc = argc;
		cl->argv = argv;
		check_operands(cl, verbs, &g, usage);
		check_verb_options(cl, own, verbs);
		cl->c.today = today_days(cl->c.today_arg);
	}
	free(g.argv);
	free(lo);
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

/* The options common to the three tools, for --help; outputs: -o's line. */
void
help_options(const char *outputs)
{
	printf(
"Options:\n"
"  -D, --data DIR       the data directory (default $SC_DATA, else the seeds)\n"
"  -i, --input FILE     list: read rows from FILE, - for stdin\n"
"      --input-format csv|tsv\n"
"  -o, --output FMT     %s\n"
"  -c, --columns LIST   the columns to print, in that order\n"
"  -H, --no-header      no header line in csv and tsv\n"
"      --safe --crlf --bom  for spreadsheets\n"
"      --today DATE     the date taken as today (also $SC_TODAY)\n"
"  -n, --dry-run        print what would be written, change nothing\n"
"      --wait SECONDS   how long to wait for another writer (default 10)\n"
"  -h, --help  -V, --version\n", outputs);
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
 * The command's own options that were given, as they would be typed
 * ("--via 2024-05-strasbourg --status introduced"), in the order of the
 * table: the filters of a list, for a picture's title.  flagval, when not
 * NULL, gives a flag's value (sc-events' --upcoming 90d), or NULL.
 */
char *
cli_given(const struct cmdline *cl, const struct ownopt *own,
    const char *const *flagval)
{
	struct buf b = { NULL, 0, 0 };
	size_t i, k;

	buf_adds(&b, "");
	for (i = 0; own[i].name != NULL; i++) {
		if (cl->val[i] == NULL)
			continue;
		for (k = 0; k < (own[i].arg == 2 ? cl->nmulti[i] : 1); k++) {
			buf_adds(&b, b.len > 0 ? " --" : "--");
			buf_adds(&b, own[i].name);
			if (own[i].arg != 0 || (flagval != NULL &&
			    flagval[i] != NULL)) {
				buf_addc(&b, ' ');
				shell_word(&b, own[i].arg == 2 ?
				    cl->multi[i][k] : own[i].arg ? cl->val[i] :
				    flagval[i]);
			}
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

void
free_list(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
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

/* The list verb: the rows keep() wants, streamed from -i or the table. */
void
list_rows(const struct common *c, struct store *st, const struct schema *sc,
    int (*keep)(const struct scan *, void *), void *arg)
{
	struct scan s;
	struct out *o;
	const char *raw;
	size_t len = 0;

	scan_open(&s, sc, input_reader(c, st, sc));
	o = out_open(&c->out, s.t->cols, s.t->ncols);
	while (scan_next(&s)) {
		if (!keep(&s, arg))
			continue;
		raw = scan_raw(&s, out_verbatim(o), &len);
		if (raw != NULL)
			out_raw(o, raw, len);
		else
			out_row(o, scan_row(&s));
	}
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
