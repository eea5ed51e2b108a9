/*
 * report.c: a report as a document.  A command builds one (a title, its
 * heading lines, its facts and its sections) and gives each section a
 * function that makes its items one at a time, as they are written, so
 * that memory does not grow with them.  report_emit() then has one of
 * emit.c's emitters (report_emitter() picks it) write the document in a
 * format.  The command keeps
 * its rules (what goes in which section, in what order); how a section,
 * an item or a value looks is the emitter's.
 */
#include <stdlib.h>
#include <string.h>

#include "sc.h"

static void
rt_add(struct rtext *t, const char *s, int val)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->v = xreallocarray(t->v, t->cap, sizeof(*t->v));
	}
	t->v[t->n].s = s;
	t->v[t->n++].val = val;
}

/* The report's own words, which an emitter writes as they are. */
void
rt_lit(struct rtext *t, const char *s)
{
	rt_add(t, s, 0);
}

/* A value from the data, which an emitter for people shows visibly. */
void
rt_val(struct rtext *t, const char *s)
{
	rt_add(t, s, 1);
}

/*
 * "Columbus (us-columbus-oh)": a name, then in brackets the id that says
 * which (or a country: "Strasbourg (France)"); the id alone when there
 * is no name.
 */
void
rt_named(struct rtext *t, const char *name, const char *id)
{
	if (name == NULL) {
		rt_val(t, id);
		return;
	}
	rt_val(t, name);
	rt_lit(t, " (");
	rt_val(t, id);
	rt_lit(t, ")");
}

/* Its length in bytes as stored: how far what goes under it is indented. */
size_t
rt_len(const struct rtext *t)
{
	size_t i, len = 0;

	for (i = 0; i < t->n; i++)
		len += strlen(t->v[i].s);
	return len;
}

void
rf_add(struct rfields *f, const char *key, const char *val, int kind)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 16;
		f->v = xreallocarray(f->v, f->cap, sizeof(*f->v));
	}
	f->v[f->n].key = key;
	f->v[f->n].val = val;
	f->v[f->n++].kind = kind;
}

/* A row as list -o json has it: each column by its header's name. */
void
rf_row(struct rfields *f, char *const *cols, char *const *vals, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		rf_add(f, cols[i], vals[i], RF_STR);
}

/* A number as text, for an item: the last four are kept until the next. */
const char *
ri_num(struct ritem *it, long v)
{
	char *s = it->num[it->nnum++ % (sizeof(it->num) / sizeof(it->num[0]))];

	snprintf(s, sizeof(it->num[0]), "%ld", v);
	return s;
}

/* A new heading line, to be filled: "Data: " and the path. */
struct rtext *
report_line(struct report *rp)
{
	rp->lines = xreallocarray(rp->lines, rp->nlines + 1,
	    sizeof(*rp->lines));
	return rp->lines[rp->nlines++] = xcalloc(1, sizeof(**rp->lines));
}

/*
 * A section of n items, titled for people and keyed for programs;
 * item(arg, i, wants, it) fills in item i as the emitter wants it.
 */
void
report_section(struct report *rp, const char *title, const char *key,
    size_t n, int flags, void (*item)(void *, size_t, int, struct ritem *),
    void *arg)
{
	struct rsection *s;

	rp->sections = xreallocarray(rp->sections, rp->nsections + 1,
	    sizeof(*rp->sections));
	s = &rp->sections[rp->nsections++];
	s->title = title;
	s->key = key;
	s->n = n;
	s->flags = flags;
	s->item = item;
	s->arg = arg;
}

/* A row left out, as skip.c named it: "followups.csv:3: due: ...". */
static void
left_out_item(void *arg, size_t i, int wants, struct ritem *it)
{
	const struct skip *k = &((const struct report *)arg)->left_out[i];

	if (wants == RI_DATA) {
		rf_add(&it->fields, "file", k->file, RF_STR);
		rf_add(&it->fields, "line", ri_num(it, k->line), RF_NUM);
		rf_add(&it->fields, "column", k->col, RF_STR);
		rf_add(&it->fields, "message", k->msg, RF_STR);
		return;
	}
	rt_val(&it->details, k->file);
	rt_lit(&it->details, ":");
	rt_lit(&it->details, ri_num(it, k->line));
	rt_lit(&it->details, ": ");
	rt_val(&it->details, k->col);
	rt_lit(&it->details, ": ");
	rt_val(&it->details, k->msg);
}

static void
item_reset(struct ritem *it)
{
	it->group.n = it->lead.n = it->text.n = it->details.n = 0;
	it->fields.n = 0;
	it->nnum = 0;
}

static void
item_free(struct ritem *it)
{
	free(it->group.v);
	free(it->lead.v);
	free(it->text.v);
	free(it->details.v);
	free(it->fields.v);
}

/*
 * A section and its items, one item struct serving them all.  People
 * are not shown an optional section that has no items; programs are
 * always given every key.
 */
static void
emit_section(struct emit *em, const struct emitter *e,
    const struct rsection *s, struct ritem *it)
{
	if (s->n == 0 && (s->flags & RS_OPTIONAL) && e->wants == RI_PROSE)
		return;
	em->sec = s;
	em->ngroups = 0;
	e->section(em);
	for (em->i = 0; em->i < s->n; em->i++) {
		item_reset(it);
		s->item(s->arg, em->i, e->wants, it);
		e->item(em, it);
		em->ngroups += it->group.n > 0;
	}
	e->section_end(em);
	em->nsections++;
}

/*
 * The rows left out because a value could not be read come first for
 * people, so that no count below them is taken on trust, and last for
 * programs, after the answer, as a list to check.
 */
void
report_emit(const struct report *rp, const struct emitter *e, FILE *fp)
{
	struct rsection left = {
		"Rows left out of this report", "left_out", rp->nleft_out,
		RS_OPTIONAL, left_out_item, NULL
	};
	struct emit em;
	struct ritem it;
	size_t i;

	left.arg = (void *)rp;	/* left_out_item() only reads it */
	memset(&em, 0, sizeof(em));
	memset(&it, 0, sizeof(it));
	em.fp = fp;
	em.rp = rp;
	e->begin(&em);
	if (e->wants == RI_PROSE)
		emit_section(&em, e, &left, &it);
	for (i = 0; i < rp->nsections; i++)
		emit_section(&em, e, &rp->sections[i], &it);
	if (e->wants == RI_DATA)
		emit_section(&em, e, &left, &it);
	e->end(&em);
	item_free(&it);
	buf_free(&em.buf);
}

void
report_free(struct report *rp)
{
	size_t i;

	free(rp->title.v);
	for (i = 0; i < rp->nlines; i++) {
		free(rp->lines[i]->v);
		free(rp->lines[i]);
	}
	free(rp->lines);
	free(rp->facts.v);
	free(rp->sections);
	memset(rp, 0, sizeof(*rp));
}
