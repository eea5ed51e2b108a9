/*
 * emit.c: the emitters of a report (report.c), one per format: text for
 * a mail or a terminal, Markdown for a page, a standalone HTML page, JSON
 * for programs.  Text, Markdown and HTML show each value as vis_add()
 * does, so that nothing in the data acts on a terminal or hides in it;
 * Markdown and HTML then escape what would mark the text up.  JSON gives
 * the values as they are.
 */
#include <stdlib.h>
#include <string.h>

#include "sc.h"

/*
 * A value in running text, shown by vis_str(): a control or invisible
 * character in it is seen (as \e or <U+202E>), never acted on.  In
 * Markdown the characters that mark text up are then escaped, the
 * backslash of \e and the brackets of <U+202E> with them, so that the
 * rendered page shows what the text report shows.
 */
static void
put_val(FILE *fp, const char *s, int md)
{
	const unsigned char *u = (const unsigned char *)s;
	char *v = NULL;
	size_t n;

	while (*u >= 0x20 && *u < 0x7F)
		u++;
	if (*u != '\0')	/* printable ASCII, the common case, is as shown */
		s = v = vis_str(s);
	if (!md)
		fputs(s, fp);
	else
		for (;;) {
			n = strcspn(s, "\\`*_[]<>|#");
			fwrite(s, 1, n, fp);
			if (s[n] == '\0')
				break;
			putc('\\', fp);
			putc(s[n], fp);
			s += n + 1;
		}
	free(v);
}

static void
put_text(FILE *fp, const struct rtext *t, int md)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->v[i].val)
			put_val(fp, t->v[i].s, md);
		else
			fputs(t->v[i].s, fp);
}

/* An item on one line: what names it, what it is, then the rest. */
static void
put_inline(FILE *fp, const struct ritem *it, int md)
{
	const struct rtext *part[3];
	size_t i, n = 0;

	part[0] = &it->lead;
	part[1] = &it->text;
	part[2] = &it->details;
	for (i = 0; i < 3; i++) {
		if (part[i]->n == 0)
			continue;
		if (n++ > 0)
			putc(' ', fp);
		if (md && i == 0)
			fputs("**", fp);
		put_text(fp, part[i], md);
		if (md && i == 0)
			fputs("**", fp);
	}
}

static void
nothing(struct emit *em)
{
	(void)em;
}

/* --- text ---------------------------------------------------------------- */

static void
text_begin(struct emit *em)
{
	size_t i;

	put_text(em->fp, &em->rp->title, 0);
	putc('\n', em->fp);
	for (i = 0; i < em->rp->nlines; i++) {
		put_text(em->fp, em->rp->lines[i], 0);
		putc('\n', em->fp);
	}
}

/* A section's title and count; an empty one says "none". */
static void
text_section(struct emit *em)
{
	const struct rsection *s = em->sec;

	fprintf(em->fp, "\n%s", s->title);
	if ((s->flags & (RS_UNCOUNTED | RS_PROSE)) == 0)
		fprintf(em->fp, " (%zu)", s->n);
	fputs(s->n == 0 ? "\n  none\n" : "\n", em->fp);
}

/*
 * An item with a text (a follow-up's action) gives it the first line and
 * its details the next, under the text; any other item has one line.
 * The items of a grouped section go under their group's heading.
 */
static void
text_item(struct emit *em, const struct ritem *it)
{
	int indent = em->sec->flags & RS_GROUPED ? 4 : 2;

	if (it->group.n > 0) {
		fputs("  ", em->fp);
		put_text(em->fp, &it->group, 0);
		putc('\n', em->fp);
	}
	fprintf(em->fp, "%*s", indent, "");
	if (it->text.n == 0 || it->details.n == 0 ||
	    (em->sec->flags & RS_PROSE))
		put_inline(em->fp, it, 0);
	else {
		if (it->lead.n > 0) {
			put_text(em->fp, &it->lead, 0);
			putc(' ', em->fp);
			indent += (int)rt_len(&it->lead) + 1;
		}
		put_text(em->fp, &it->text, 0);
		fprintf(em->fp, "\n%*s", indent, "");
		put_text(em->fp, &it->details, 0);
	}
	putc('\n', em->fp);
}

/* --- Markdown ------------------------------------------------------------ */

static void
md_begin(struct emit *em)
{
	size_t i;

	fputs("# ", em->fp);
	put_text(em->fp, &em->rp->title, 1);
	putc('\n', em->fp);
	for (i = 0; i < em->rp->nlines; i++) {
		putc('\n', em->fp);
		put_text(em->fp, em->rp->lines[i], 1);
		putc('\n', em->fp);
	}
}

static void
md_section(struct emit *em)
{
	const struct rsection *s = em->sec;

	fprintf(em->fp, "\n## %s", s->title);
	if ((s->flags & (RS_UNCOUNTED | RS_PROSE)) == 0)
		fprintf(em->fp, " (%zu)", s->n);
	fputs(s->n == 0 ? "\n\nnone\n" : "\n\n", em->fp);
}

/*
 * A list item: what names it in bold, then its text, and its details in
 * brackets after a text; a group's heading before its first item.  The
 * items of a prose section are paragraphs.
 */
static void
md_item(struct emit *em, const struct ritem *it)
{
	if (it->group.n > 0) {
		fputs(em->ngroups > 0 ? "\n### " : "### ", em->fp);
		put_text(em->fp, &it->group, 1);
		fputs("\n\n", em->fp);
	}
	if (em->sec->flags & RS_PROSE) {
		fputs(em->i > 0 ? "\n" : "", em->fp);
		put_inline(em->fp, it, 1);
	} else if (it->text.n == 0 || it->details.n == 0) {
		fputs("- ", em->fp);
		put_inline(em->fp, it, 1);
	} else {
		fputs("- ", em->fp);
		if (it->lead.n > 0) {
			fputs("**", em->fp);
			put_text(em->fp, &it->lead, 1);
			fputs("** ", em->fp);
		}
		put_text(em->fp, &it->text, 1);
		fputs(" (", em->fp);
		put_text(em->fp, &it->details, 1);
		putc(')', em->fp);
	}
	putc('\n', em->fp);
}

/* --- HTML ---------------------------------------------------------------- */

/*
 * s with the five characters that HTML reads as markup or as the end of
 * an attribute as references: nothing in the data can open a tag, close
 * one, or start an entity.
 */
static void
html_put(FILE *fp, const char *s)
{
	size_t n;

	for (;;) {
		n = strcspn(s, "&<>\"'");
		fwrite(s, 1, n, fp);
		switch (s[n]) {
		case '\0':
			return;
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		default:
			fputs("&#39;", fp);
			break;
		}
		s += n + 1;
	}
}

/*
 * The report's own words escaped, its values shown by vis_str() first,
 * as the text report shows them (\e, <U+202E>), then escaped: what the
 * page shows is what the text report shows.
 */
static void
html_text(FILE *fp, const struct rtext *t)
{
	const unsigned char *u;
	size_t i;
	char *v;

	for (i = 0; i < t->n; i++) {
		for (u = (const unsigned char *)t->v[i].s; *u >= 0x20 &&
		    *u < 0x7F; u++)
			continue;
		if (!t->v[i].val || *u == '\0') {
			html_put(fp, t->v[i].s);
			continue;
		}
		v = vis_str(t->v[i].s);
		html_put(fp, v);
		free(v);
	}
}

/* A page of its own, which a browser shows as UTF-8 whatever it is sent as. */
static void
html_begin(struct emit *em)
{
	size_t i;

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>", em->fp);
	html_text(em->fp, &em->rp->title);
	fputs("</title>\n</head>\n<body>\n<h1>", em->fp);
	html_text(em->fp, &em->rp->title);
	fputs("</h1>\n", em->fp);
	for (i = 0; i < em->rp->nlines; i++) {
		fputs("<p>", em->fp);
		html_text(em->fp, em->rp->lines[i]);
		fputs("</p>\n", em->fp);
	}
}

static void
html_section(struct emit *em)
{
	const struct rsection *s = em->sec;

	fputs("<h2>", em->fp);
	html_put(em->fp, s->title);
	if ((s->flags & (RS_UNCOUNTED | RS_PROSE)) == 0)
		fprintf(em->fp, " (%zu)", s->n);
	fputs(s->n == 0 ? "</h2>\n<p>none</p>\n" : "</h2>\n", em->fp);
}

/* What names an item in bold, then its text, and its details in brackets. */
static void
html_inline(FILE *fp, const struct ritem *it)
{
	if (it->lead.n > 0) {
		fputs("<strong>", fp);
		html_text(fp, &it->lead);
		fputs("</strong>", fp);
		if (it->text.n > 0 || it->details.n > 0)
			putc(' ', fp);
	}
	html_text(fp, &it->text);
	if (it->text.n > 0 && it->details.n > 0) {
		fputs(" (", fp);
		html_text(fp, &it->details);
		putc(')', fp);
	} else
		html_text(fp, &it->details);
}

/*
 * A list item, in the list of its group, which its first item opens
 * under the group's heading; a prose section's items are paragraphs.
 */
static void
html_item(struct emit *em, const struct ritem *it)
{
	if (it->group.n > 0) {
		fputs(em->i > 0 ? "</ul>\n<h3>" : "<h3>", em->fp);
		html_text(em->fp, &it->group);
		fputs("</h3>\n", em->fp);
	}
	if (em->sec->flags & RS_PROSE) {
		fputs("<p>", em->fp);
		html_inline(em->fp, it);
		fputs("</p>\n", em->fp);
		return;
	}
	if (em->i == 0 || it->group.n > 0)
		fputs("<ul>\n", em->fp);
	fputs("<li>", em->fp);
	html_inline(em->fp, it);
	fputs("</li>\n", em->fp);
}

static void
html_section_end(struct emit *em)
{
	if (em->sec->n > 0 && (em->sec->flags & RS_PROSE) == 0)
		fputs("</ul>\n", em->fp);
}

static void
html_end(struct emit *em)
{
	fputs("</body>\n</html>\n", em->fp);
}

/* --- JSON ---------------------------------------------------------------- */

/*
 * The members of an object: "key":value, the key and a string value
 * escaped as JSON, made in the emitter's buffer, which the next
 * object uses again.
 */
static void
json_fieldlist(struct emit *em, const struct rfields *f)
{
	struct buf *b = &em->buf;
	size_t i;

	buf_reset(b);
	for (i = 0; i < f->n; i++) {
		if (i > 0)
			buf_addc(b, ',');
		json_add(b, f->v[i].key);
		buf_addc(b, ':');
		if (f->v[i].kind == RF_NULL || f->v[i].val == NULL)
			buf_adds(b, "null");
		else if (f->v[i].kind == RF_NUM)
			buf_adds(b, f->v[i].val);
		else
			json_add(b, f->v[i].val);
	}
	if (b->len > 0)
		fwrite(b->s, 1, b->len, em->fp);
}

/* One object: the report's facts, then each section as an array. */
static void
json_begin(struct emit *em)
{
	putc('{', em->fp);
	json_fieldlist(em, &em->rp->facts);
}

static void
json_section(struct emit *em)
{
	if (em->rp->facts.n > 0 || em->nsections > 0)
		putc(',', em->fp);
	json_string(em->fp, em->sec->key);
	fputs(":[", em->fp);
}

static void
json_item(struct emit *em, const struct ritem *it)
{
	fputs(em->i > 0 ? ",{" : "{", em->fp);
	json_fieldlist(em, &it->fields);
	putc('}', em->fp);
}

static void
json_section_end(struct emit *em)
{
	putc(']', em->fp);
}

static void
json_end(struct emit *em)
{
	fputs("}\n", em->fp);
}

/* --- the table ----------------------------------------------------------- */

static const struct emitter emit_text = {
	"text", FMT_TEXT, RI_PROSE, text_begin, text_section, text_item,
	nothing, nothing
};
static const struct emitter emit_md = {
	"md", FMT_MD, RI_PROSE, md_begin, md_section, md_item, nothing,
	nothing
};
static const struct emitter emit_html = {
	"html", FMT_HTML, RI_PROSE, html_begin, html_section, html_item,
	html_section_end, html_end
};
static const struct emitter emit_json = {
	"json", FMT_JSON, RI_DATA, json_begin, json_section, json_item,
	json_section_end, json_end
};

/* In the order a message lists them: "text, md, html or json". */
const struct emitter *const emitters[] = {
	&emit_text, &emit_md, &emit_html, &emit_json, NULL
};

/* The emitter of a format, or NULL when reports are not written in it. */
const struct emitter *
emitter_for(int fmt)
{
	size_t i;

	for (i = 0; emitters[i] != NULL; i++)
		if (emitters[i]->fmt == fmt)
			return emitters[i];
	return NULL;
}

/* "text, md or json": the formats of fmts (bits 1 << FMT_*), in words. */
static char *
format_names(unsigned fmts)
{
	struct buf b = { NULL, 0, 0 };
	size_t i, n = 0, k = 0;

	for (i = 0; emitters[i] != NULL; i++)
		n += (fmts >> emitters[i]->fmt) & 1;
	buf_adds(&b, "");
	for (i = 0; emitters[i] != NULL; i++) {
		if (((fmts >> emitters[i]->fmt) & 1) == 0)
			continue;
		if (k > 0)
			buf_adds(&b, k + 1 == n ? " or " : ", ");
		buf_adds(&b, emitters[i]->name);
		k++;
	}
	return b.s;
}

/*
 * The emitter that -o asks the verb for, of the formats fmts (bits
 * 1 << FMT_*): plain text, fit for a mail, when -o is not given.
 */
const struct emitter *
report_emitter(const struct common *c, const char *verb, unsigned fmts)
{
	const struct emitter *e;

	if (c->out.columns != NULL)
		die(EXIT_USAGE, "--columns does not apply to %s", verb);
	if (!c->outset)
		return emitter_for(FMT_TEXT);
	if ((e = emitter_for(c->out.fmt)) == NULL ||
	    ((fmts >> e->fmt) & 1) == 0)
		die(EXIT_USAGE, "%s: -o %s", verb, format_names(fmts));
	return e;
}
