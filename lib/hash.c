/*
 * hash.c: a string-keyed map with open addressing.  Joins across tables
 * go through it, so that every cross-table step is linear in the rows.
 * Keys are copied; values belong to the caller.  A short key (every id
 * is one) is kept in its slot, so that a lookup in a map too big for the
 * cache costs one miss, not two.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"

enum { INLINE = 24 };

struct slot {
	void	*val;
	char	*key;		/* a key too long to be kept in short */
	uint32_t hash;
	uint32_t used;
	char	 short_key[INLINE];
};

struct hmap {
	struct slot *slots;
	size_t	 cap, count;	/* cap is a power of two */
};

/* FNV-1a: short keys, good enough spread, no state. */
static uint32_t
hash_str(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

struct hmap *
hmap_new(void)
{
	struct hmap *m;

	m = xcalloc(1, sizeof(*m));
	m->cap = 64;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	return m;
}

static const char *
slot_key(const struct slot *s)
{
	return s->key != NULL ? s->key : s->short_key;
}

static struct slot *
find_slot(struct slot *slots, size_t cap, const char *key, uint32_t h)
{
	size_t i = h & (cap - 1);

	while (slots[i].used) {
		if (slots[i].hash == h && strcmp(slot_key(&slots[i]), key) == 0)
			break;
		i = (i + 1) & (cap - 1);
	}
	return &slots[i];
}

static void
grow(struct hmap *m)
{
	struct slot *old = m->slots, *s;
	size_t i, oldcap = m->cap;

	m->cap *= 2;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	for (i = 0; i < oldcap; i++) {
		if (!old[i].used)
			continue;
		s = find_slot(m->slots, m->cap, slot_key(&old[i]), old[i].hash);
		*s = old[i];
	}
	free(old);
}

void *
hmap_get(const struct hmap *m, const char *key)
{
	struct slot *s;

	s = find_slot(m->slots, m->cap, key, hash_str(key));
	return s->used ? s->val : NULL;
}

static int
put_hashed(struct hmap *m, const char *key, uint32_t h, void *val)
{
	struct slot *s;
	size_t len;

	if ((m->count + 1) * 4 > m->cap * 3)
		grow(m);
	s = find_slot(m->slots, m->cap, key, h);
	s->val = val;
	if (s->used)
		return 0;
	if ((len = strlen(key)) < INLINE)
		memcpy(s->short_key, key, len + 1);
	else
		s->key = xstrdup(key);
	s->used = 1;
	s->hash = h;
	m->count++;
	return 1;
}

/* Returns 1 when the key was new, 0 when its value was replaced. */
int
hmap_put(struct hmap *m, const char *key, void *val)
{
	return put_hashed(m, key, hash_str(key), val);
}

/* Asks memory for the slot of a key that is to be looked up soon. */
void
hmap_prefetch(const struct hmap *m, const char *key)
{
	__builtin_prefetch(&m->slots[hash_str(key) & (m->cap - 1)]);
}

/*
 * A batch puts keys with one value HB_KEYS at a time.  Their slots are
 * asked of memory all at once before any is used: in a map bigger than
 * the cache, the waits for them overlap instead of adding up.  A key too
 * long to be kept in the batch is put at once.
 */
void
hbatch_add(struct hbatch *b, const char *key)
{
	size_t len = strlen(key);

	if (len >= HB_KEYLEN) {
		hmap_put(b->m, key, b->val);
		return;
	}
	memcpy(b->keys[b->n++], key, len + 1);
	if (b->n == HB_KEYS)
		hbatch_flush(b);
}

void
hbatch_flush(struct hbatch *b)
{
	uint32_t h[HB_KEYS];
	size_t i;

	for (i = 0; i < b->n; i++) {
		h[i] = hash_str(b->keys[i]);
		__builtin_prefetch(&b->m->slots[h[i] & (b->m->cap - 1)]);
	}
	for (i = 0; i < b->n; i++)
		put_hashed(b->m, b->keys[i], h[i], b->val);
	b->n = 0;
}

/*
 * The slots a lookup of every key in the map visits, in all: what the
 * keys cost the map.  Keys are never removed and linear probing never
 * moves one, so a key's lookup walks from its hash's slot to its own.
 */
size_t
hmap_probes(const struct hmap *m)
{
	size_t i, n = 0;

	for (i = 0; i < m->cap; i++)
		if (m->slots[i].used)
			n += ((i - (m->slots[i].hash & (m->cap - 1))) &
			    (m->cap - 1)) + 1;
	return n;
}

/* Frees the map and, through free_val, every value in it. */
void
hmap_free_all(struct hmap *m, void (*free_val)(void *))
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->cap; i++)
		if (m->slots[i].used)
			free_val(m->slots[i].val);
	hmap_free(m);
}

void
hmap_free(struct hmap *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	free(m);
}
