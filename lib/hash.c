/*
 * hash.c: a string-keyed map with open addressing.  Joins across tables
 * go through it, so that every cross-table step is linear in the rows.
 * Keys are copied; values belong to the caller.  A key set (kset_*), at
 * the end, holds many keys in less memory, for check.  A short key (every id
 * is one) is kept in its slot, so that a lookup in a map too big for the
 * cache costs one miss, not two.
 *
 * Keys come from files that others write, so their hash is keyed: with
 * an unkeyed hash, ids chosen to collide pile up in one run of slots and
 * make every lookup walk all of them (32,768 such ids made check take
 * seconds, not milliseconds).  The key is drawn once per process.
 */
#include <sys/random.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static uint64_t sipkey[2];	/* every map's key, once hmap_new drew it */
static int keyed;

#define ROTL(x, b)	(((x) << (b)) | ((x) >> (64 - (b))))

/* A macro, not a function: the four words must stay in registers. */
#define SIPROUND(v0, v1, v2, v3) do {					\
	v0 += v1; v1 = ROTL(v1, 13) ^ v0; v0 = ROTL(v0, 32);		\
	v2 += v3; v3 = ROTL(v3, 16) ^ v2;				\
	v0 += v3; v3 = ROTL(v3, 21) ^ v0;				\
	v2 += v1; v1 = ROTL(v1, 17) ^ v2; v2 = ROTL(v2, 32);		\
} while (0)

/* Eight bytes as a little-endian word, whatever the machine's order. */
static uint64_t
le64(const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, sizeof(w));
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	return w;
}

/*
 * SipHash-1-3 (Aumasson and Bernstein): one round a word of input and
 * three to finish, the variant hash tables use (Python, Rust); SipHash-
 * 2-4 is for MACs.  Flooding a map needs collisions of the few hash bits
 * it uses, which nobody who cannot see the key can choose.
 */
uint64_t
siphash13(const uint64_t key[2], const void *data, size_t len)
{
	const unsigned char *p = data, *end = p + (len & ~(size_t)7);
	uint64_t v0, v1, v2, v3, m;
	size_t i;

	v0 = key[0] ^ 0x736f6d6570736575u;
	v1 = key[1] ^ 0x646f72616e646f6du;
	v2 = key[0] ^ 0x6c7967656e657261u;
	v3 = key[1] ^ 0x7465646279746573u;
	for (; p != end; p += 8) {
		m = le64(p);
		v3 ^= m;
		SIPROUND(v0, v1, v2, v3);
		v0 ^= m;
	}
	/* The last word: what bytes are left, and the length's low byte. */
	m = (uint64_t)len << 56;
	for (i = 0; i < (len & 7); i++)
		m |= (uint64_t)p[i] << (8 * i);
	v3 ^= m;
	SIPROUND(v0, v1, v2, v3);
	v0 ^= m;
	v2 ^= 0xff;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	return v0 ^ v1 ^ v2 ^ v3;
}

static int
read_urandom(void *buf, size_t n)
{
	ssize_t got;
	size_t done = 0;
	int fd, saved;

	if ((fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	while (done < n) {
		got = read(fd, (char *)buf + done, n - done);
		if (got == -1 && errno == EINTR)
			continue;
		if (got <= 0) {
			saved = got == 0 ? EIO : errno;
			close(fd);
			errno = saved;
			return -1;
		}
		done += (size_t)got;
	}
	close(fd);
	return 0;
}

/*
 * Random bytes, from getrandom(2) without waiting (early in boot the
 * kernel may not have gathered entropy yet), else from /dev/urandom.
 * Without either the maps could be flooded and new ids could repeat, so
 * we would rather not run; what says so names what wanted them.
 */
void
random_fill(void *buf, size_t n, const char *what)
{
	ssize_t got;
	int gr_errno;

	do
		got = getrandom(buf, n, GRND_NONBLOCK);
	while (got == -1 && errno == EINTR);
	if (got == (ssize_t)n)
		return;
	gr_errno = got == -1 ? errno : EIO;
	if (read_urandom(buf, n) == -1)
		die(EXIT_SYS, "no random %s: getrandom: %s; /dev/urandom: %s",
		    what, strerror(gr_errno), strerror(errno));
}

/* The maps' key, drawn once per process. */
static void
draw_key(void)
{
	random_fill(sipkey, sizeof(sipkey), "key for the hash maps");
	keyed = 1;
}

/* The slots keep the hash's low 32 bits: ample below 2^32 slots. */
static uint32_t
hash_str(const char *s)
{
	return (uint32_t)siphash13(sipkey, s, strlen(s));
}

struct hmap *
hmap_new(void)
{
	struct hmap *m;

	if (!keyed)
		draw_key();
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

/*
 * A key set: strings, each with a number, kept as compactly as a set of
 * a million keys can be, for check, which keeps one key a row of a table
 * it streams.  A slot is eight bytes: where its key is in the arena, and
 * its hash; the keys lie end to end in the one arena, each with a NUL and
 * its number after it, seven bits a byte (a line number of a table of a
 * million rows takes three), with no allocation of their own.  Keyed
 * like the maps.
 */
struct kslot {
	uint32_t off;		/* the key's place in the arena, plus 1;
				 * 0: the slot is empty */
	uint32_t hash;
};

struct kset {
	struct kslot *slots;
	size_t	 cap, count;	/* cap is a power of two */
	char	*arena;		/* entries: the key, a NUL, the number */
	size_t	 len, size;
};

struct kset *
kset_new(void)
{
	struct kset *k;

	if (!keyed)
		draw_key();
	k = xcalloc(1, sizeof(*k));
	k->cap = 64;
	k->slots = xcalloc(k->cap, sizeof(*k->slots));
	return k;
}

static struct kslot *
kset_slot(const struct kset *k, const char *key, size_t len, uint32_t h)
{
	size_t i = h & (k->cap - 1);
	const char *e;

	for (; k->slots[i].off != 0; i = (i + 1) & (k->cap - 1)) {
		if (k->slots[i].hash != h)
			continue;
		e = k->arena + k->slots[i].off - 1;
		if (memcmp(e, key, len) == 0 && e[len] == '\0')
			break;
	}
	return &k->slots[i];
}

static void
kset_grow(struct kset *k)
{
	struct kslot *old = k->slots;
	size_t i, j, oldcap = k->cap;

	k->cap *= 2;
	k->slots = xcalloc(k->cap, sizeof(*k->slots));
	/* The keys are distinct: each goes to the first free slot. */
	for (i = 0; i < oldcap; i++) {
		if (old[i].off == 0)
			continue;
		for (j = old[i].hash & (k->cap - 1); k->slots[j].off != 0;
		    j = (j + 1) & (k->cap - 1))
			continue;
		k->slots[j] = old[i];
	}
	free(old);
}

/* The key's entry, put at the arena's end: its place plus 1. */
static uint32_t
kset_store(struct kset *k, const char *key, size_t len, long val)
{
	unsigned long v = (unsigned long)val;
	size_t need = len + 1 + (sizeof(v) * 8 + 6) / 7, off = k->len;
	char *p;

	if (k->len + need >= UINT32_MAX)
		die(EXIT_SYS, "too many keys to hold (%zu bytes of them)",
		    k->len);
	if (k->len + need > k->size) {
		k->size = k->size ? k->size * 2 : 4096;
		while (k->size < k->len + need)
			k->size *= 2;
		k->arena = xrealloc(k->arena, k->size);
	}
	p = k->arena + off;
	memcpy(p, key, len);
	p[len] = '\0';
	for (p += len + 1; v >= 0x80; v >>= 7)
		*p++ = (char)(0x80 | (v & 0x7f));
	*p++ = (char)v;
	k->len = (size_t)(p - k->arena);
	return (uint32_t)off + 1;
}

/* The number of the key at e, len bytes long. */
static long
kset_val(const char *e, size_t len)
{
	const unsigned char *p = (const unsigned char *)e + len + 1;
	unsigned long v = 0;
	int shift = 0;

	for (; *p & 0x80; p++, shift += 7)
		v |= (unsigned long)(*p & 0x7f) << shift;
	return (long)(v | (unsigned long)*p << shift);
}

/*
 * Puts key (len bytes) with *val: 1 when it was new; 0 when the set had
 * it, and *val is then the number it was put with first.
 */
int
kset_put(struct kset *k, const char *key, size_t len, long *val)
{
	uint32_t h = (uint32_t)siphash13(sipkey, key, len);
	struct kslot *s;

	if ((k->count + 1) * 4 > k->cap * 3)
		kset_grow(k);
	s = kset_slot(k, key, len, h);
	if (s->off != 0) {
		*val = kset_val(k->arena + s->off - 1, len);
		return 0;
	}
	s->off = kset_store(k, key, len, *val);
	s->hash = h;
	k->count++;
	return 1;
}

int
kset_has(const struct kset *k, const char *key)
{
	size_t len = strlen(key);
	uint32_t h = (uint32_t)siphash13(sipkey, key, len);

	return kset_slot(k, key, len, h)->off != 0;
}

/* Asks memory for the slot of a key that is to be put or looked up soon. */
void
kset_prefetch(const struct kset *k, const char *key, size_t len)
{
	uint32_t h = (uint32_t)siphash13(sipkey, key, len);

	__builtin_prefetch(&k->slots[h & (k->cap - 1)]);
}

void
kset_free(struct kset *k)
{
	if (k == NULL)
		return;
	free(k->slots);
	free(k->arena);
	free(k);
}
