/*
 * collide.c: ids that collide in the old hash of the maps, FNV-1a with a
 * 32-bit state and no key.  Each step of FNV-1a is a bijection of the
 * state, so two strings that reach one state stay together under any
 * common suffix.  A birthday search finds two blocks of BLOCK characters
 * that take the state after the prefix to one state, then two more from
 * there, and so on: L levels make 2^L ids of one length and one hash,
 * the j-th taking at level i the block that bit i of j chooses.
 *
 * The ids are lower-case letters and digits, valid city ids and names
 * that folding leaves as they are.  The same prefix gives the same ids.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"
#include "collide.h"

enum {
	BLOCK = 6,		/* 36^6 candidates a level */
	TBITS = 20,		/* the search's table: 2^20 slots */
	TRIES = 600000		/* P(no collision in as many) < 1e-15 */
};
#define NCAND 2176782336u	/* 36^6 */

static const char alpha[] = "abcdefghijklmnopqrstuvwxyz0123456789";

struct seen {
	uint32_t state;
	uint32_t cand;		/* the candidate + 1; 0 is an empty slot */
};

static uint32_t
fnv_from(uint32_t h, const char *s, size_t n)
{
	while (n-- > 0) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

/* The k-th candidate: splitmix64's finalizer of k, onto 36^6. */
static uint32_t
draw(uint64_t k)
{
	k = (k + 1) * 0x9e3779b97f4a7c15u;
	k = (k ^ (k >> 30)) * 0xbf58476d1ce4e5b9u;
	k = (k ^ (k >> 27)) * 0x94d049bb133111ebu;
	return (uint32_t)((k ^ (k >> 31)) % NCAND);
}

static void
block_of(uint32_t cand, char *b)
{
	int i;

	for (i = 0; i < BLOCK; i++) {
		b[i] = alpha[cand % 36];
		cand /= 36;
	}
}

/* Two blocks a and b that take state h to one state; returns it. */
static uint32_t
collide_pair(struct seen *tab, uint32_t h, char *a, char *b)
{
	uint32_t k, cand, to, i;
	char blk[BLOCK];

	memset(tab, 0, sizeof(*tab) << TBITS);
	/*
	 * Candidates drawn at random, not in order: FNV-1a is nearly
	 * linear in a few small bytes, and blocks that differ only in
	 * their first characters, or short blocks (four characters, from
	 * some states), have far fewer collisions than random values.
	 */
	for (k = 0; k < TRIES; k++) {
		cand = draw(k);
		block_of(cand, blk);
		to = fnv_from(h, blk, BLOCK);
		/* The high bits of a product: FNV's low bits mix poorly. */
		i = (to * 2654435761u) >> (32 - TBITS);
		for (; tab[i].cand != 0; i = (i + 1) & ((1u << TBITS) - 1))
			if (tab[i].state == to)
				break;
		if (tab[i].cand == 0) {
			tab[i].state = to;
			tab[i].cand = cand + 1;
		} else if (tab[i].cand != cand + 1) {
			block_of(tab[i].cand - 1, a);
			memcpy(b, blk, BLOCK);
			return to;
		}	/* else a candidate drawn twice */
	}
	die(EXIT_SYS, "collide: no collision in %d tries", TRIES);
}

/* The characters after the prefix: BLOCK for each level. */
size_t
collide_len(size_t n)
{
	size_t levels = 1;

	while (levels < 63 && ((size_t)1 << levels) < n)
		levels++;
	return levels * BLOCK;
}

/* Room for n pointers and n strings of len bytes, freed with one free. */
static char **
id_array(size_t n, size_t len)
{
	char **ids = xreallocarray(NULL, n, sizeof(*ids) + len + 1);
	size_t j;

	for (j = 0; j < n; j++)
		ids[j] = (char *)(ids + n) + j * (len + 1);
	return ids;
}

/* n ids of one old hash, the prefix and collide_len(n) characters. */
char **
collide_ids(size_t n, const char *prefix)
{
	size_t plen = strlen(prefix), levels = collide_len(n) / BLOCK, i, j;
	char **ids = id_array(n, plen + levels * BLOCK);
	char *pairs = xmalloc(levels * 2 * BLOCK), *p;
	struct seen *tab = xcalloc((size_t)1 << TBITS, sizeof(*tab));
	uint32_t h = fnv_from(2166136261u, prefix, plen);

	for (i = 0; i < levels; i++)
		h = collide_pair(tab, h, pairs + 2 * i * BLOCK,
		    pairs + (2 * i + 1) * BLOCK);
	for (j = 0; j < n; j++) {
		memcpy(ids[j], prefix, plen);
		p = ids[j] + plen;
		for (i = 0; i < levels; i++, p += BLOCK)
			memcpy(p, pairs + (2 * i + ((j >> i) & 1)) * BLOCK,
			    BLOCK);
		*p = '\0';
	}
	free(tab);
	free(pairs);
	return ids;
}

/* n random ids as long as collide_ids makes them, from a seed. */
char **
random_ids(size_t n, const char *prefix, unsigned long seed)
{
	size_t plen = strlen(prefix), len = collide_len(n), i, j;
	char **ids = id_array(n, plen + len);
	uint64_t x = seed * 2 + 1;	/* xorshift64*: never zero */

	for (j = 0; j < n; j++) {
		memcpy(ids[j], prefix, plen);
		for (i = 0; i < len; i++) {
			x ^= x >> 12;
			x ^= x << 25;
			x ^= x >> 27;
			ids[j][plen + i] = alpha[(x * 2685821657736338717u >>
			    32) % 36];
		}
		ids[j][plen + len] = '\0';
	}
	return ids;
}
