/*
 * complete.c: shell completion, read from a tool's own rows.  The hidden
 * verb "__complete WORD..." prints, one a line, what may follow the words
 * typed so far (the last one being the word under the cursor): verbs,
 * the options that apply to the verb, an option's allowed values, and ids
 * from the data directory.  The scripts that "completion bash|zsh|fish"
 * prints only call it, so that the three shells stay in step with the
 * program they complete.
 */
#include <stdlib.h>
#include <string.h>

#include "sc.h"

/* What the words before the one under the cursor said. */
struct cstate {
	const struct tool *t;
	int	 verb;			/* -1: none typed yet */
	int	 npos;			/* the verb's arguments typed */
	int	 rest;			/* after "--" */
	const char *data;		/* -D DIR */
	const struct optdef *want;	/* the next word is its value */
	const struct optdef *last;	/* the last word's long option */
};

/* The option of that name (len bytes), exactly; NULL when none. */
static const struct optdef *
opt_named(const struct tool *t, const char *name, size_t len)
{
	const struct optdef *o;
	int i;

	for (i = 0; (o = tool_opt(t, i)) != NULL; i++)
		if (strncmp(o->name, name, len) == 0 && o->name[len] == '\0')
			return o;
	return NULL;
}

static const struct optdef *
opt_short(const struct tool *t, int ch)
{
	const struct optdef *o;
	int i;

	for (i = 0; (o = tool_opt(t, i)) != NULL; i++)
		if (o->shortname == ch)
			return o;
	return NULL;
}

static int
takes_value(const struct optdef *o)
{
	return o != NULL && (o->kind == OPT_VALUE || o->kind == OPT_MULTI);
}

/* An option given its value v in the same word, or in the next. */
static void
got_value(struct cstate *s, const struct optdef *o, const char *v)
{
	if (o == &common_opts[CO_DATA])
		s->data = v;
}

static void
long_word(struct cstate *s, const char *w)
{
	const char *eq = strchr(w, '=');
	const struct optdef *o;

	o = opt_named(s->t, w + 2, eq != NULL ? (size_t)(eq - w - 2) :
	    strlen(w + 2));
	s->last = o;
	if (eq != NULL && o != NULL)
		got_value(s, o, eq + 1);
	else if (takes_value(o))
		s->want = o;
}

static void
short_word(struct cstate *s, const char *w)
{
	const struct optdef *o;

	for (w++; *w != '\0'; w++) {
		if (!takes_value(o = opt_short(s->t, *w)))
			continue;
		if (w[1] != '\0')
			got_value(s, o, w + 1);
		else
			s->want = o;
		return;
	}
}

static void
operand_word(struct cstate *s, const char *w)
{
	int i;

	if (s->verb >= 0) {
		s->npos++;
		return;
	}
	for (i = 0; i < s->t->nverbs; i++)
		if (strcmp(s->t->verbs[i].name, w) == 0)
			s->verb = i;
}

/* One word before the cursor; bash splits "--opt=v" into three. */
static void
past_word(struct cstate *s, const char *w)
{
	const struct optdef *last = s->last;

	s->last = NULL;
	if (strcmp(w, "=") == 0 && takes_value(last))
		s->want = last;
	else if (s->want != NULL) {
		got_value(s, s->want, w);
		s->want = NULL;
	} else if (!s->rest && strcmp(w, "--") == 0)
		s->rest = 1;
	else if (!s->rest && strncmp(w, "--", 2) == 0)
		long_word(s, w);
	else if (!s->rest && w[0] == '-' && w[1] != '\0')
		short_word(s, w);
	else
		operand_word(s, w);
}

/*
 * Print prefix, then head (what a comma-separated list has so far), then
 * v, when v begins as the word under the cursor does.
 */
static void
offer(const char *prefix, const char *cur, const char *v)
{
	const char *comma = strrchr(cur, ',');
	const char *tail = comma != NULL ? comma + 1 : cur;

	if (strncmp(v, tail, strlen(tail)) != 0)
		return;
	printf("%s%.*s%s\n", prefix, (int)(tail - cur), cur, v);
}

/* The table whose ids a column names, by the column's name; -1 for none. */
static int
column_ref(const struct schema *sc, int col)
{
	const char *name = sc->cols[col];

	if (strcmp(name, "city") == 0)
		return T_CITIES;
	if (strcmp(name, "event") == 0 || strcmp(name, "via") == 0)
		return T_EVENTS;
	return -1;
}

/*
 * The ids of a table's rows, from the data directory; for follow-ups,
 * open says which: 1 the open ones, 0 the closed, -1 all.
 */
static void
offer_ids(const struct cstate *s, int tab, int open, const char *prefix,
    const char *cur)
{
	struct store st;
	struct table *t;
	size_t i;
	int isopen;

	store_init(&st, s->data, 0);
	t = store_load(&st, schemas[tab]);
	for (i = 0; i < t->nrows; i++) {
		isopen = tab == T_FOLLOWUPS &&
		    strcmp(rget(t, t->rows[i], F_STATUS), "open") == 0;
		if (tab != T_FOLLOWUPS || open == -1 || open == isopen)
			offer(prefix, cur, rget(t, t->rows[i], 0));
	}
	table_free(t);
}

static void
offer_list(const char *const *v, const char *prefix, const char *cur)
{
	for (; *v != NULL; v++)
		offer(prefix, cur, *v);
}

/*
 * The columns of the table list prints; for --sort, a column after "-"
 * too (descending).
 */
static void
offer_columns(const struct schema *sc, int sort, const char *prefix,
    const char *cur)
{
	const char *comma = strrchr(cur, ',');
	const char *tail = comma != NULL ? comma + 1 : cur;
	char name[80];
	size_t i;

	for (i = 0; i < sc->ncols; i++) {
		snprintf(name, sizeof(name), "%s%s", sort && *tail == '-' ?
		    "-" : "", sc->cols[i]);
		offer(prefix, cur, name);
	}
}

/* The values an option may take: its set, or its column's. */
static void
offer_values(const struct cstate *s, const struct optdef *o,
    const char *prefix, const char *cur)
{
	const char *const *v;
	const char *cc;
	size_t i;
	int ref;

	if (o->values != NULL) {
		offer_list(o->values, prefix, cur);
		return;
	}
	if ((o == &common_opts[CO_COLUMNS] || o == &common_opts[CO_SORT]) &&
	    s->t->table != NULL) {
		offer_columns(s->t->table, o == &common_opts[CO_SORT], prefix,
		    cur);
		return;
	}
	if (o->sc == NULL)
		return;
	if ((v = o->sc->values[o->col]) != NULL)
		offer_list(v, prefix, cur);
	else if (strcmp(o->sc->cols[o->col], "country") == 0)
		for (i = 0; (cc = iso_country_at(i)) != NULL; i++)
			offer(prefix, cur, cc);
	else if ((ref = column_ref(o->sc, o->col)) >= 0)
		offer_ids(s, ref, -1, prefix, cur);
}

/* The options that apply to the verb (the default one, when none yet). */
static void
offer_options(const struct cstate *s, const char *cur)
{
	const struct optdef *o;
	char name[80];
	int i;

	for (i = 0; (o = tool_opt(s->t, i)) != NULL; i++)
		if (opt_applies(s->t, o, s->verb < 0 ? 0 : s->verb)) {
			snprintf(name, sizeof(name), "--%s", o->name);
			offer("", cur, name);
		}
}

/*
 * The word of a verb's argument description ("EVENT CITY...|-") that
 * describes its n-th argument, stripped of brackets and dots, in w; 0
 * when none does.
 */
static int
arg_word(const char *args, int n, char *w, size_t size)
{
	const char *p = args, *end;
	size_t len;
	int i, repeats = 0;

	for (i = 0; *p != '\0'; i++) {
		end = p + strcspn(p, " ");
		repeats = memchr(p, '.', (size_t)(end - p)) != NULL;
		if (i == n || (end[0] == '\0' && repeats && i < n)) {
			p += *p == '[';
			len = strcspn(p, ".] ");
			if (len >= size)
				return 0;
			memcpy(w, p, len);
			w[len] = '\0';
			return 1;
		}
		p = *end != '\0' ? end + 1 : end;
	}
	return 0;
}

/* A verb's argument: ids when its description names them, or a word. */
static void
offer_arg(const struct cstate *s, const char *cur)
{
	const char *name = s->t->verbs[s->verb].name;
	char w[64], *alt, *save = NULL;

	if (!arg_word(s->t->verbs[s->verb].args, s->npos, w, sizeof(w)))
		return;
	for (alt = strtok_r(w, "|", &save); alt != NULL;
	    alt = strtok_r(NULL, "|", &save)) {
		if (strcmp(alt, "CITY") == 0)
			offer_ids(s, T_CITIES, -1, "", cur);
		else if (strcmp(alt, "EVENT") == 0)
			offer_ids(s, T_EVENTS, -1, "", cur);
		else if (strcmp(alt, "ID") == 0)
			offer_ids(s, T_FOLLOWUPS, strcmp(name, "set") == 0 ?
			    -1 : strcmp(name, "reopen") != 0, "", cur);
		else if (alt[0] >= 'a' && alt[0] <= 'z')
			offer("", cur, alt);
	}
}

static void
offer_verbs(const struct cstate *s, const char *cur)
{
	int i;

	for (i = 0; i < s->t->nverbs; i++)
		offer("", cur, s->t->verbs[i].name);
}

/* What may take the place of cur, the last of the n words. */
void
complete_words(const struct tool *t, int n, char **words)
{
	struct cstate s = { t, -1, 0, 0, NULL, NULL, NULL };
	const char *cur = n > 0 ? words[n - 1] : "", *eq;
	const struct optdef *o;
	char prefix[80];
	int i;

	for (i = 0; i < n - 1; i++)
		past_word(&s, words[i]);
	if (s.want != NULL)
		offer_values(&s, s.want, "", cur);
	else if (strcmp(cur, "=") == 0 && takes_value(s.last))
		offer_values(&s, s.last, "", "");
	else if (!s.rest && strncmp(cur, "--", 2) == 0 &&
	    (eq = strchr(cur, '=')) != NULL) {
		snprintf(prefix, sizeof(prefix), "%.*s", (int)(eq - cur + 1),
		    cur);
		if ((o = opt_named(t, cur + 2, (size_t)(eq - cur - 2))) != NULL)
			offer_values(&s, o, prefix, eq + 1);
	} else if (!s.rest && cur[0] == '-')
		offer_options(&s, cur);
	else if (s.verb < 0)
		offer_verbs(&s, cur);
	else
		offer_arg(&s, cur);
}

/*
 * The shells' glue: each passes the words typed so far to the program
 * itself ("__complete") and offers what it prints.  Errors (a data
 * directory that is not one) are kept off the terminal.  When nothing
 * is offered, bash and fish complete file names, for a FILE argument.
 * In the glue, @N@ is the program's name and @F@ that name made a
 * shell function's.
 */
static const char bash_glue[] =
"# bash completion for @N@, printed by '@N@ completion bash'.\n"
"_@F@()\n"
"{\n"
"\tlocal IFS=$'\\n' cmd=${COMP_WORDS[0]}\n"
"\tcommand -v \"$cmd\" >/dev/null 2>&1 || cmd=@N@\n"
"\tCOMPREPLY=($(\"$cmd\" __complete \"${COMP_WORDS[@]:1:COMP_CWORD}\""
" 2>/dev/null))\n"
"}\n"
"complete -o default -F _@F@ @N@\n";

static const char zsh_glue[] =
"#compdef @N@\n"
"# zsh completion for @N@, printed by '@N@ completion zsh'.\n"
"_@F@()\n"
"{\n"
"\tlocal -a c\n"
"\tc=(\"${(@f)$(${words[1]} __complete \"${(@)words[2,CURRENT]}\""
" 2>/dev/null)}\")\n"
"\tc=(${c:#})\n"
"\tif (( ${#c} )); then\n"
"\t\tcompadd -- \"${c[@]}\"\n"
"\telse\n"
"\t\t_files\n"
"\tfi\n"
"}\n"
"if [ \"$funcstack[1]\" = \"_@F@\" ]; then\n"
"\t_@F@ \"$@\"\n"
"else\n"
"\tcompdef _@F@ @N@\n"
"fi\n";

static const char fish_glue[] =
"# fish completion for @N@, printed by '@N@ completion fish'.\n"
"function __@F@_complete\n"
"\tset -l w (commandline -opc) (commandline -ct)\n"
"\tset -l c ($w[1] __complete $w[2..-1] 2>/dev/null)\n"
"\tif test (count $c) -gt 0\n"
"\t\tprintf '%s\\n' $c\n"
"\telse\n"
"\t\t__fish_complete_path (commandline -ct)\n"
"\tend\n"
"end\n"
"complete -c @N@ -f -a '(__@F@_complete)'\n";

/* The glue, with @N@ and @F@ put in. */
static void
put_glue(const char *g, const char *name, const char *fn)
{
	for (; *g != '\0'; g++)
		if (strncmp(g, "@N@", 3) == 0 || strncmp(g, "@F@", 3) == 0) {
			fputs(g[1] == 'N' ? name : fn, stdout);
			g += 2;
		} else
			putchar(*g);
}

/* The completion script for the shell named; exit 2 for one not known. */
int
complete_script(const struct tool *t, const char *shell)
{
	char fn[64], *p;

	snprintf(fn, sizeof(fn), "%s", t->name);
	for (p = fn; *p != '\0'; p++)
		if (*p == '-')
			*p = '_';
	if (strcmp(shell, "bash") == 0)
		put_glue(bash_glue, t->name, fn);
	else if (strcmp(shell, "zsh") == 0)
		put_glue(zsh_glue, t->name, fn);
	else if (strcmp(shell, "fish") == 0)
		put_glue(fish_glue, t->name, fn);
	else
		die(EXIT_USAGE, "completion: bash, zsh or fish, not '%s'",
		    shell);
	return 0;
}
