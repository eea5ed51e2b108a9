/*
 * merge.c: the keyed three-way merge of a table, which git runs as the
 * merge driver of the tables (sc(7), "Sharing the record through git").
 * Rows are matched by the table's key and merged field by field against
 * the base.  Only a field changed on both sides to different values, a
 * row changed on one side and removed on the other, or a row added on
 * both sides differently is a conflict; it is written between git's
 * markers, both sides whole, for a person to finish.
 *
 * Memory holds the keys, not the rows.  The files are streamed, and a row
 * is known by a 64-bit fingerprint of its canonical bytes (as a write
 * would write it, in the merged columns), so that comparing two rows
 * costs nothing once each is read.  Four passes:
 *
 *	1. base: each key's fingerprint and place;
 *	2. theirs: each key's fingerprint; the rows theirs changed or added
 *	   are kept whole, being few;
 *	3. base again, for the base of each row theirs changed, which a row
 *	   that ours changed too is merged against (skipped when none is);
 *	4. ours, in its order, written as it is read: a row that theirs did
 *	   not change is copied as it stood, its fields never cut.
 *
 * Then come the rows theirs added, and those it changed that ours
 * removed, in theirs' order.  A key that is not unique, or a file that
 * is not one of the five tables, cannot be merged by key: git merge-file
 * then merges it line by line, as git would have.
 */
#define _DEFAULT_SOURCE	/* realpath(3) */

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sc.h"

enum { BASE, THEIRS, OURS };
enum { IN_BASE = 1, IN_THEIRS = 2, IN_OURS = 4 };
enum { SHOWN = 10 };		/* the conflicts named one by one */

static const char *const side_names[] = { "base", "theirs", "ours" };

/* What is known of one key; the map holds 1 + its index in ents. */
struct entry {
	uint64_t fp[2];		/* the row's fingerprint in base and theirs */
	uint32_t pos;		/* its place among base's rows */
	uint32_t kept;		/* 1 + its index in kept, or 0 */
	unsigned char in;	/* IN_BASE | IN_THEIRS | IN_OURS */
};

/* A row theirs changed or added, and its base: canonical bytes. */
struct kept {
	char	*s[2];		/* base's and theirs', or NULL */
	size_t	 len[2];
	size_t	 ent;
};

struct side {
	const char *path;
	struct scan s;
	int	*col;		/* merged column -> the file's, or -1 */
	int	 same;		/* its columns are the merged ones, in order */
	const char **row;	/* the row just read, in the merged columns */
};

struct bytes {
	const char *s;
	size_t	 len;
};

/* A row read ahead: its key, canonical bytes and their fingerprint. */
struct brow {
	size_t	 key, bytes, len;	/* in the batch's data */
	uint64_t fp;
	long	 line;
};

enum { BATCH = 32 };
struct batch {
	struct brow r[BATCH];
	size_t	 n;
	struct buf data;
};

struct merge {
	const struct schema *sc;
	const char *label;	/* the table's path, for messages */
	struct side side[3];
	char	**cols;		/* the merged header */
	size_t	 ncols;
	int	 keysc[MAXSCHEMA];	/* the key's columns in the schema */
	size_t	 keycol[MAXSCHEMA], nkey;	/* and in the merged ones */
	struct hmap *keys;
	struct entry *ents;
	size_t	 nents, capents;
	struct kept *kept;
	size_t	 nkept, capkept;
	struct batch batch;
	struct buf key, enc, line, why;
	const char **mine, **yours;	/* a row merged, each side's way */
	char	*dest, *tmp;	/* the result, and where it is written */
	FILE	*out;
	long	 lines;		/* the lines written */
	size_t	 conflicts;
	int	 done;
};

static char empty[] = "";

/* The merge under way, for cleaning up after a fatal error. */
static struct merge *current;

/*
 * A fingerprint in the manner of wyhash: 16 bytes at a time folded in
 * with a 64x64->128-bit multiply.  Two different rows share one with a
 * chance of about 2^-64.
 */
static uint64_t
mum(uint64_t a, uint64_t b)
{
	__extension__ typedef unsigned __int128 u128;
	u128 r = (u128)a * b;

	return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static uint64_t
hash64(const char *s, size_t len)
{
	const uint64_t k0 = 0xa0761d6478bd642fULL, k1 = 0xe7037ed1a0b428dbULL;
	uint64_t h = k0 ^ mum(len, k1), a, b;

	for (; len > 16; s += 16, len -= 16) {
		memcpy(&a, s, 8);
		memcpy(&b, s + 8, 8);
		h = mum(a ^ k1, b ^ h);
	}
	a = b = 0;
	memcpy(&a, s, len < 8 ? len : 8);
	if (len > 8)
		memcpy(&b, s + 8, len - 8);
	return mum(k1 ^ len, mum(a ^ k1, b ^ h));
}

/* --- the table and its columns ------------------------------------------- */

static const struct schema *
schema_by_name(const char *path)
{
	const char *base;
	size_t i;

	if (path == NULL)
		return NULL;
	base = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	for (i = 0; i < 5; i++)
		if (strcmp(base, schemas[i]->file) == 0)
			return schemas[i];
	return NULL;
}

/* Whether a header has a table's required columns, and how many of its columns. */
static size_t
header_fits(const struct rec *h, const struct schema *sc)
{
	size_t j, k, n = 0;

	for (j = 0; j < sc->ncols; j++) {
		for (k = 0; k < h->n; k++)
			if (strcmp(h->f[k], sc->cols[j]) == 0)
				break;
		if (k < h->n)
			n++;
		else if (sc->required & (1u << j))
			return 0;
	}
	return n;
}

/* The table whose required columns the header has, the closest first. */
static const struct schema *
schema_by_header(const char *path)
{
	const struct schema *best = NULL;
	struct reader *rd = rd_open(path, FMT_CSV);
	size_t i, n, most = 0;
	struct rec h;

	if (rd_next(rd, &h))
		for (i = 0; i < 5; i++)
			if ((n = header_fits(&h, schemas[i])) > most)
				best = schemas[i], most = n;
	rd_close(rd);
	return best;
}

/* The columns of a side that the merged header does not have yet. */
static void
add_cols(struct merge *m, const struct table *t)
{
	size_t i, j;

	for (j = 0; j < t->ncols; j++) {
		for (i = 0; i < m->ncols; i++)
			if (strcmp(m->cols[i], t->cols[j]) == 0)
				break;
		if (i < m->ncols)
			continue;
		m->cols = xreallocarray(m->cols, m->ncols + 1,
		    sizeof(*m->cols));
		m->cols[m->ncols++] = xstrdup(t->cols[j]);
	}
}

/*
 * The merged header: ours' columns in ours' order, then those only
 * theirs has.  A column only base has was removed on both sides.  The
 * schema's columns are among ours', as reading a table adds them.
 */
static void
merge_header(struct merge *m)
{
	size_t i;

	add_cols(m, m->side[OURS].s.t);
	add_cols(m, m->side[THEIRS].s.t);
	for (i = 0; i < m->sc->ncols; i++)
		if (m->sc->key & (1u << i)) {
			m->keysc[m->nkey] = (int)i;
			m->keycol[m->nkey++] =
			    (size_t)m->side[OURS].s.t->pos[i];
		}
	m->mine = xreallocarray(NULL, m->ncols, sizeof(*m->mine));
	m->yours = xreallocarray(NULL, m->ncols, sizeof(*m->yours));
}

/* Where each merged column is in a side's file, and if that is all. */
static void
map_side(struct merge *m, struct side *sd)
{
	const struct table *t = sd->s.t;
	size_t i;

	sd->col = xreallocarray(NULL, m->ncols, sizeof(*sd->col));
	sd->row = xreallocarray(NULL, m->ncols, sizeof(*sd->row));
	sd->same = t->nextra == 0 && t->ncols == m->ncols;
	for (i = 0; i < m->ncols; i++) {
		sd->col[i] = table_col(t, m->cols[i]);
		sd->same &= sd->col[i] == (int)i;
	}
}

static void
open_side(struct merge *m, int i)
{
	struct side *sd = &m->side[i];

	scan_open(&sd->s, m->sc, rd_open(sd->path, FMT_CSV));
}

/* --- reading a side ------------------------------------------------------ */

/* The row just read, one value per merged column; cuts its fields. */
static const char **
side_row(struct side *sd, size_t ncols)
{
	char **f = scan_row(&sd->s);
	size_t i;

	for (i = 0; i < ncols; i++)
		sd->row[i] = sd->col[i] >= 0 ? f[sd->col[i]] : empty;
	return sd->row;
}

/* A row as a write writes it, without its line end, into b. */
static void
encode(struct buf *b, const char *const *f, size_t n)
{
	size_t i;

	buf_reset(b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(b, ',');
		csv_add(b, f[i], 0);
	}
}

/*
 * The canonical bytes of the row just read: the row as it stood when a
 * write would write it so, which costs no cutting of its fields, else as
 * encoded.  Valid until the next row is read.
 */
static struct bytes
canonical(struct merge *m, struct side *sd)
{
	struct bytes b;

	if (sd->same && (b.s = scan_raw(&sd->s, FMT_CSV, &b.len)) != NULL)
		return b;
	encode(&m->enc, side_row(sd, m->ncols), m->ncols);
	b.s = m->enc.s;
	b.len = m->enc.len;
	return b;
}

/*
 * The key of the row just read: its one key column, or each key column's
 * length and value, which no two different keys share.
 */
static const char *
row_key(struct merge *m, struct side *sd)
{
	const char *v;
	char len[24];
	size_t i;

	if (m->nkey == 1)
		return sget(&sd->s, m->keysc[0]);
	buf_reset(&m->key);
	for (i = 0; i < m->nkey; i++) {
		v = sget(&sd->s, m->keysc[i]);
		snprintf(len, sizeof(len), "%zu:", strlen(v));
		buf_adds(&m->key, len);
		buf_adds(&m->key, v);
	}
	return m->key.s;
}

/*
 * Reads up to BATCH rows ahead, asking memory for each key's slot in the
 * map as the key is read: in a map bigger than the cache, the waits for
 * the slots overlap with reading instead of adding up.
 */
static size_t
read_batch(struct merge *m, struct side *sd)
{
	struct batch *b = &m->batch;
	struct brow *r;
	struct bytes raw;
	const char *key;

	b->n = 0;
	buf_reset(&b->data);
	while (b->n < BATCH && scan_next(&sd->s)) {
		r = &b->r[b->n++];
		key = row_key(m, sd);
		hmap_prefetch(m->keys, key);
		r->key = b->data.len;
		buf_add(&b->data, key, strlen(key) + 1);
		raw = canonical(m, sd);
		r->fp = hash64(raw.s, raw.len);
		r->bytes = b->data.len;
		r->len = raw.len;
		buf_add(&b->data, raw.s, raw.len);
		buf_addc(&b->data, '\0');
		r->line = sd->s.rec.line;
	}
	return b->n;
}

static struct bytes
row_bytes(const struct merge *m, const struct brow *r)
{
	struct bytes b = { m->batch.data.s + r->bytes, r->len };

	return b;
}

/* A row in one allocation: its pointers, then its values. */
static char **
pack(char *const *f, size_t n)
{
	size_t i, k, len = 0;
	char **p, *s;

	for (i = 0; i < n; i++)
		len += strlen(f[i]) + 1;
	p = xmalloc(n * sizeof(*p) + len);
	s = (char *)(p + n);
	for (i = 0; i < n; i++) {
		k = strlen(f[i]) + 1;
		p[i] = memcpy(s, f[i], k);
		s += k;
	}
	return p;
}

/*
 * The values of a row's canonical bytes, for the few rows that need them.
 * An empty field goes first, so that a value that begins with a
 * byte-order mark is not taken for one.
 */
static char **
unpack(const struct merge *m, struct bytes b)
{
	struct buf line = { NULL, 0, 0 };
	struct reader *rd;
	struct rec rec;
	char **f;

	buf_addc(&line, ',');
	buf_add(&line, b.s, b.len);
	rd = rd_open_mem(m->label, line.s, line.len, FMT_CSV);
	if (!rd_next(rd, &rec) || rec.n != m->ncols + 1)
		die(EXIT_SYS, "%s: a merged row does not read back", m->label);
	f = pack(rec.f + 1, m->ncols);
	rd_close(rd);
	buf_free(&line);
	return f;
}

/* "id 15", or "event 2024-05-x, city fr-y": a row's key, for a person. */
static const char *
key_label(struct merge *m, struct bytes b)
{
	char **f = unpack(m, b);
	size_t i;

	buf_reset(&m->why);
	for (i = 0; i < m->nkey; i++) {
		if (i > 0)
			buf_adds(&m->why, ", ");
		buf_adds(&m->why, m->cols[m->keycol[i]]);
		buf_addc(&m->why, ' ');
		buf_adds(&m->why, f[m->keycol[i]]);
	}
	free(f);
	return m->why.s;
}

/* --- keys ---------------------------------------------------------------- */

static struct entry *
new_entry(struct merge *m)
{
	struct entry *e;

	if (m->nents == m->capents) {
		m->capents = m->capents ? m->capents * 2 : 1024;
		m->ents = xreallocarray(m->ents, m->capents, sizeof(*m->ents));
	}
	e = &m->ents[m->nents++];
	memset(e, 0, sizeof(*e));
	return e;
}

static void __attribute__((noreturn)) by_lines(struct merge *, const char *);

/* A key met twice in one side: the table cannot be merged by key. */
static void __attribute__((noreturn))
twice(struct merge *m, int i, const struct brow *r)
{
	by_lines(m, xasprintf("%s appears twice in %s (line %ld)",
	    key_label(m, row_bytes(m, r)), side_names[i], r->line));
}

/* The key's entry, made when it is new; twice in one side is refused. */
static struct entry *
entry_of(struct merge *m, int i, const struct brow *r)
{
	const char *key = m->batch.data.s + r->key;
	unsigned char bit = i == BASE ? IN_BASE : i == THEIRS ? IN_THEIRS :
	    IN_OURS;
	struct entry *e;
	void *v;

	if (i == BASE) {
		/* Every base key is new, but for a mistake: one probe. */
		if (!hmap_put(m->keys, key, (void *)(uintptr_t)(m->nents + 1)))
			twice(m, i, r);
		e = new_entry(m);
	} else if ((v = hmap_get(m->keys, key)) != NULL)
		e = &m->ents[(uintptr_t)v - 1];
	else {
		hmap_put(m->keys, key, (void *)(uintptr_t)(m->nents + 1));
		e = new_entry(m);
	}
	if (e->in & bit)
		twice(m, i, r);
	e->in |= bit;
	return e;
}

static char *
copy_bytes(struct bytes b, size_t *len)
{
	*len = b.len;
	return xstrndup(b.s, b.len);
}

/* A row theirs changed or added, kept until ours is written. */
static void
keep(struct merge *m, struct entry *e, struct bytes b)
{
	struct kept *k;

	if (m->nkept == m->capkept) {
		m->capkept = m->capkept ? m->capkept * 2 : 64;
		m->kept = xreallocarray(m->kept, m->capkept, sizeof(*m->kept));
	}
	k = &m->kept[m->nkept++];
	memset(k, 0, sizeof(*k));
	k->s[THEIRS] = copy_bytes(b, &k->len[THEIRS]);
	k->ent = (size_t)(e - m->ents);
	e->kept = (uint32_t)m->nkept;
}

static struct bytes
kept_bytes(const struct kept *k, int i)
{
	struct bytes b = { k->s[i], k->len[i] };

	return b;
}

/* --- the passes ---------------------------------------------------------- */

static void
read_base(struct merge *m)
{
	struct entry *e;
	uint32_t pos = 0;
	size_t i;

	while (read_batch(m, &m->side[BASE]) > 0)
		for (i = 0; i < m->batch.n; i++) {
			if (pos == UINT32_MAX)
				die(EXIT_DATA, "%s: too many rows to merge",
				    m->label);
			e = entry_of(m, BASE, &m->batch.r[i]);
			e->fp[BASE] = m->batch.r[i].fp;
			e->pos = pos++;
		}
}

static void
read_theirs(struct merge *m)
{
	struct entry *e;
	size_t i;

	while (read_batch(m, &m->side[THEIRS]) > 0)
		for (i = 0; i < m->batch.n; i++) {
			e = entry_of(m, THEIRS, &m->batch.r[i]);
			e->fp[THEIRS] = m->batch.r[i].fp;
			if (!(e->in & IN_BASE) || e->fp[THEIRS] != e->fp[BASE])
				keep(m, e, row_bytes(m, &m->batch.r[i]));
		}
}

struct want {
	uint32_t pos;
	size_t	 kept;
};

static int
by_pos(const void *a, const void *b)
{
	const struct want *x = a, *y = b;

	return (x->pos > y->pos) - (x->pos < y->pos);
}

/* The base of each row theirs changed, found by its place in base. */
static void
read_base_again(struct merge *m)
{
	struct side *sd = &m->side[BASE];
	struct want *w = xreallocarray(NULL, m->nkept + 1, sizeof(*w));
	struct kept *k;
	size_t i, n = 0;
	uint32_t pos;

	for (i = 0; i < m->nkept; i++)
		if (m->ents[m->kept[i].ent].in & IN_BASE) {
			w[n].pos = m->ents[m->kept[i].ent].pos;
			w[n++].kept = i;
		}
	qsort(w, n, sizeof(*w), by_pos);
	if (n > 0) {
		scan_close(&sd->s);
		open_side(m, BASE);
	}
	for (i = pos = 0; i < n && scan_next(&sd->s); pos++)
		for (; i < n && w[i].pos == pos; i++) {
			k = &m->kept[w[i].kept];
			k->s[BASE] = copy_bytes(canonical(m, sd), &k->len[BASE]);
		}
	free(w);
}

/* --- writing ------------------------------------------------------------- */

static void
put(struct merge *m, struct bytes b)
{
	const char *p = b.s, *e = b.s + b.len;

	fwrite(b.s, 1, b.len, m->out);
	putc('\n', m->out);
	m->lines++;
	while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL)
		p++, m->lines++;
}

static void
put_line(struct merge *m, const char *s)
{
	struct bytes b = { s, strlen(s) };

	put(m, b);
}

/*
 * Both sides of a conflict, whole, between git's markers; a side that
 * removed the row has no line.  Whichever line a person keeps is a valid
 * row of the table.
 */
static void
conflict(struct merge *m, const struct bytes *o, const struct bytes *t,
    const char *why)
{
	if (m->conflicts++ < SHOWN)
		warn_at(m->label, m->lines + 1, "conflict: %s: %s",
		    key_label(m, o != NULL ? *o : *t), why);
	put_line(m, "<<<<<<< ours");
	if (o != NULL)
		put(m, *o);
	put_line(m, "=======");
	if (t != NULL)
		put(m, *t);
	put_line(m, ">>>>>>> theirs");
}

static int
same(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

/* Each side's way of a row both changed: mine and yours differ in cols. */
static void
merge_values(struct merge *m, char *const *o, char *const *b,
    char *const *t, struct buf *cols)
{
	size_t i;

	for (i = 0; i < m->ncols; i++) {
		m->mine[i] = m->yours[i] = same(t[i], b[i]) ? o[i] : t[i];
		if (!same(o[i], b[i]) && !same(t[i], b[i]) && !same(o[i], t[i])) {
			m->mine[i] = o[i];
			buf_adds(cols, cols->len > 0 ? ", " : "");
			buf_adds(cols, m->cols[i]);
		}
	}
}

/*
 * A row both sides changed, field by field against base: a field takes
 * the side that changed it.  Fields changed on both sides differently
 * make a conflict, whose two rows differ only in those fields, so that
 * either keeps every change the other fields got.
 */
static void
merge_fields(struct merge *m, struct bytes ours, const struct kept *k)
{
	char **o = unpack(m, ours), **b = unpack(m, kept_bytes(k, BASE));
	char **t = unpack(m, kept_bytes(k, THEIRS)), *why;
	struct buf cols = { NULL, 0, 0 };
	struct bytes mine, yours;

	merge_values(m, o, b, t, &cols);
	encode(&m->line, m->mine, m->ncols);
	mine.s = m->line.s, mine.len = m->line.len;
	if (cols.len == 0)
		put(m, mine);
	else {
		encode(&m->enc, m->yours, m->ncols);
		yours.s = m->enc.s, yours.len = m->enc.len;
		why = xasprintf("both sides changed %s", cols.s);
		conflict(m, &mine, &yours, why);
		free(why);
	}
	buf_free(&cols);
	free(o), free(b), free(t);
}

/* One row of ours, with what base and theirs hold under its key. */
static void
merge_row(struct merge *m, const struct entry *e, const struct brow *r)
{
	const struct kept *k = e->kept ? &m->kept[e->kept - 1] : NULL;
	struct bytes b = row_bytes(m, r), t;

	if (!(e->in & IN_THEIRS)) {
		if (!(e->in & IN_BASE))
			put(m, b);		/* ours added it */
		else if (r->fp != e->fp[BASE])
			conflict(m, &b, NULL,
			    "changed in ours, removed in theirs");
		return;
	}
	if (k == NULL || r->fp == e->fp[THEIRS]) {
		put(m, b);		/* theirs left it, or agrees */
		return;
	}
	t = kept_bytes(k, THEIRS);
	if ((e->in & IN_BASE) && r->fp == e->fp[BASE])
		put(m, t);		/* ours left it */
	else if (!(e->in & IN_BASE))
		conflict(m, &b, &t, "added on both sides, differently");
	else
		merge_fields(m, b, k);
}

static void
write_ours(struct merge *m)
{
	struct entry *e;
	size_t i;

	while (read_batch(m, &m->side[OURS]) > 0)
		for (i = 0; i < m->batch.n; i++) {
			e = entry_of(m, OURS, &m->batch.r[i]);
			merge_row(m, e, &m->batch.r[i]);
		}
}

/* What theirs changed or added that ours does not have, in its order. */
static void
write_theirs(struct merge *m)
{
	const struct entry *e;
	struct bytes t;
	size_t i;

	for (i = 0; i < m->nkept; i++) {
		e = &m->ents[m->kept[i].ent];
		t = kept_bytes(&m->kept[i], THEIRS);
		if (e->in & IN_OURS)
			continue;
		if (e->in & IN_BASE)
			conflict(m, NULL, &t,
			    "removed in ours, changed in theirs");
		else
			put(m, t);
	}
}

/* --- the result file ----------------------------------------------------- */

/*
 * After a fatal error (a side that is not a valid table, a failed
 * write), ours is left as it was, which git then shows as a conflict,
 * and the half-written result goes.
 */
static void
cleanup(void)
{
	if (current == NULL || current->done)
		return;
	if (current->tmp != NULL)
		unlink(current->tmp);
	note("%s: not merged; it holds ours, as it was", current->label);
}

/* The result is written beside ours (or what ours links to), then renamed over it. */
static void
open_result(struct merge *m)
{
	const char *slash;
	int fd;

	if ((m->dest = realpath(m->side[OURS].path, NULL)) == NULL)
		die(EXIT_SYS, "%s: %s", m->side[OURS].path, strerror(errno));
	slash = strrchr(m->dest, '/');
	m->tmp = xasprintf("%.*s/.%s.XXXXXX", (int)(slash - m->dest), m->dest,
	    slash + 1);
	if ((fd = mkstemp(m->tmp)) == -1) {
		free(m->tmp);
		m->tmp = NULL;
		die(EXIT_SYS, "%s: cannot create a temporary file: %s",
		    m->dest, strerror(errno));
	}
	if ((m->out = fdopen(fd, "w")) == NULL)
		die(EXIT_SYS, "%s: %s", m->tmp, strerror(errno));
	setvbuf(m->out, NULL, _IOFBF, 1 << 16);
	encode(&m->line, (const char *const *)m->cols, m->ncols);
	put_line(m, m->line.s);
}

/*
 * git, which reads the result back into its object store, does not sync
 * its own temporary files; nor is the result synced here.
 */
static void
close_result(struct merge *m)
{
	struct stat sb;
	int fd = fileno(m->out);

	if (fflush(m->out) != 0 || ferror(m->out) ||
	    (stat(m->dest, &sb) == 0 && fchmod(fd, sb.st_mode & 07777) == -1))
		die(EXIT_SYS, "%s: cannot write: %s", m->dest, strerror(errno));
	if (fclose(m->out) != 0 || rename(m->tmp, m->dest) == -1)
		die(EXIT_SYS, "%s: cannot write: %s", m->dest, strerror(errno));
	m->done = 1;
}

/*
 * A table that cannot be merged by key is merged as git merges text, by
 * git merge-file, whose status is the number of conflicts: 1 when there
 * are any, as for a keyed merge.
 */
static void __attribute__((noreturn))
by_lines(struct merge *m, const char *why)
{
	pid_t pid;
	int status;

	note("%s: %s; merging it line by line (git merge-file)", m->label, why);
	if (m->tmp != NULL)
		unlink(m->tmp);
	m->done = 1;
	fflush(NULL);
	if ((pid = fork()) == 0) {
		execlp("git", "git", "merge-file", "-L", "ours", "-L", "base",
		    "-L", "theirs", m->side[OURS].path, m->side[BASE].path,
		    m->side[THEIRS].path, (char *)NULL);
		note("git merge-file: %s", strerror(errno));
		_exit(255);
	}
	if (pid == -1 || waitpid(pid, &status, 0) == -1)
		die(EXIT_SYS, "git merge-file: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) > 127)
		exit(EXIT_SYS);
	exit(WEXITSTATUS(status) > 0 ? EXIT_NO : 0);
}

static void
summary(const struct merge *m)
{
	if (m->conflicts > SHOWN)
		note("%s: and %zu conflicts more", m->label,
		    m->conflicts - SHOWN);
	if (m->conflicts > 0)
		note("%s: %zu conflict%s: keep one row between each <<<<<<< "
		    "and >>>>>>>, remove the marker lines, then check",
		    m->label, m->conflicts, m->conflicts == 1 ? "" : "s");
}

/*
 * sc-cities merge BASE OURS THEIRS [PATH]: git's %O %A %B %P.  The
 * result replaces OURS; 0 when it merged cleanly, EXIT_NO on conflicts.
 */
int
merge_table(const char *base, const char *ours, const char *theirs,
    const char *path)
{
	static struct merge m;
	int i;

	m.label = path != NULL ? path : ours;
	m.side[BASE].path = base;
	m.side[OURS].path = ours;
	m.side[THEIRS].path = theirs;
	if ((m.sc = schema_by_name(path)) == NULL &&
	    (m.sc = schema_by_header(ours)) == NULL &&
	    (m.sc = schema_by_header(theirs)) == NULL)
		by_lines(&m, "not one of the five tables");
	current = &m;
	atexit(cleanup);
	for (i = BASE; i <= OURS; i++)
		open_side(&m, i);
	merge_header(&m);
	for (i = BASE; i <= OURS; i++)
		map_side(&m, &m.side[i]);
	m.keys = hmap_new();
	read_base(&m);
	read_theirs(&m);
	read_base_again(&m);
	open_result(&m);
	write_ours(&m);
	write_theirs(&m);
	close_result(&m);
	summary(&m);
	return m.conflicts > 0 ? EXIT_NO : 0;
}
