/*
 * scan.h: the byte scanner under the CSV and TSV fast paths: SSE2 where
 * the compiler has it, eight bytes at a time (SWAR) where it has not.
 * Included by csv.c and tsv.c only.  It is a header, not a .c file,
 * because the fast paths call it for every field: each call site names
 * its set as a constant and gets a scanner made for that set, inline.
 * Called out of line, it made `sc-followups list --overdue` on
 * bench/gen.sh's 200000 follow-ups run 13% more instructions.
 *
 * One pass finds the bytes that matter: the stops of the set, and those
 * of 0x80 and up.  Only the stretch from a record's first such byte to
 * its last is then checked as UTF-8, since every byte outside it is
 * ASCII.
 */
#ifndef SCAN_H
#define SCAN_H

#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "rd.h"

/*
 * What the fast paths look for, in the three places they look: the bytes
 * that end a plain CSV field or make it not plain; those that matter in a
 * quoted one; and those of a TSV field.  A fast path stops at each STOP
 * byte, and only notes whether it passed a NOTE byte (which makes the
 * record not as the writer would write it).  NUL stops all three.
 */
enum { PLAIN, QUOTED, TSV };
enum { STOP = 1, NOTE = 2 };

static const unsigned char looked_for[3][256] = {
	[PLAIN] = { [','] = STOP, ['"'] = STOP, ['\n'] = STOP, ['\r'] = STOP,
	    ['\0'] = STOP },
	[QUOTED] = { ['"'] = STOP, ['\n'] = STOP, ['\r'] = STOP, ['\0'] = STOP,
	    [','] = NOTE },
	[TSV] = { ['\t'] = STOP, ['\n'] = STOP, ['\r'] = STOP, ['\\'] = STOP,
	    ['\0'] = STOP, [','] = NOTE, ['"'] = NOTE },
};

/* Whether any byte of w is b: the classic SWAR zero-byte test. */
#define ONES	0x0101010101010101ULL
#define HAS(w, b)	((((w) ^ (ONES * (b))) - ONES) & ~((w) ^ (ONES * (b))) & \
			    (ONES * 0x80))

static inline void
note_high(struct recinfo *ri, char *from, char *to)
{
	if (ri->hi0 == NULL)
		ri->hi0 = from;
	ri->hi1 = to;
}

#ifdef __SSE2__
#define EQ(v, c)	_mm_cmpeq_epi8((v), _mm_set1_epi8(c))
#define OR(a, b)	_mm_or_si128((a), (b))

/*
 * The stops among 16 bytes, a bit each; the notes and the bytes >= 0x80
 * go to *note and *high.  Each set is spelled out for SSE2, and must be
 * the same as looked_for[].
 */
static inline __attribute__((always_inline)) unsigned
stops16(const char *p, int set, unsigned *note, unsigned *high)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i lines = OR(OR(EQ(v, '\n'), EQ(v, '\r')), EQ(v, '\0')), m;

	*high = (unsigned)_mm_movemask_epi8(v);
	if (set == PLAIN) {
		*note = 0;
		m = OR(lines, OR(EQ(v, ','), EQ(v, '"')));
	} else if (set == QUOTED) {
		*note = (unsigned)_mm_movemask_epi8(EQ(v, ','));
		m = OR(lines, EQ(v, '"'));
	} else {
		*note = (unsigned)_mm_movemask_epi8(OR(EQ(v, ','), EQ(v, '"')));
		m = OR(lines, OR(EQ(v, '\t'), EQ(v, '\\')));
	}
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

/*
 * The first stop of the set in [p, e), or e.  The bytes >= 0x80 before it
 * are noted in ri, and *noted is set when a NOTE byte is before it.
 */
static inline __attribute__((always_inline)) char *
next_stop(char *p, char *e, struct recinfo *ri, int set, int *noted)
{
	const unsigned char *look = looked_for[set];
#ifdef __SSE2__
	unsigned m, n, h, before;

	for (; e - p >= 16; p += 16) {
		m = stops16(p, set, &n, &h);
		before = m != 0 ? (m & -m) - 1 : 0xffff;
		if ((h &= before) != 0)
			note_high(ri, p + __builtin_ctz(h),
			    p + 32 - __builtin_clz(h));
		if ((n & before) != 0)
			*noted = 1;
		if (m != 0)
			return p + __builtin_ctz(m);
	}
#else
	uint64_t w;

	/* Eight bytes at a time while none is looked for or >= 0x80. */
	for (; e - p >= 8; p += 8) {
		memcpy(&w, p, 8);
		if (HAS(w, ',') | HAS(w, '\n') | HAS(w, '\r') | HAS(w, '"') |
		    HAS(w, '\t') | HAS(w, '\\') | HAS(w, 0) |
		    (w & (ONES * 0x80)))
			break;
	}
#endif
	for (; p < e && look[(unsigned char)*p] != STOP; p++) {
		if (look[(unsigned char)*p] == NOTE)
			*noted = 1;
		if ((unsigned char)*p >= 0x80)
			note_high(ri, p, p + 1);
	}
	return p;
}

/* A field whose first or last byte is a space is quoted when written. */
static inline int
space_ends(const char *s, size_t len)
{
	return len > 0 && (s[0] == ' ' || s[len - 1] == ' ');
}

#endif
