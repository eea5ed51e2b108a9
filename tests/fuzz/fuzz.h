/*
 * fuzz.h: what the fuzz targets share with err_fuzz.c, which replaces
 * lib/err.c.  The library reports malformed input by calling die() or
 * die_at() (or exit()), which end the process; in a fuzz target they
 * longjmp back to FUZZ_TRY instead, so that one input's error is an
 * answer, not a crash.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <setjmp.h>

extern jmp_buf fuzz_jmp;
extern int fuzz_armed;		/* 1 while fuzz_jmp is set */
extern int fuzz_status;		/* the status die() or exit() was given */
extern long fuzz_line;		/* the line die_at() or warn_at() named */

/* 0 on the way in; the exit status, again, when the library gave up. */
#define FUZZ_TRY()	(fuzz_armed = 1, setjmp(fuzz_jmp))
#define FUZZ_DONE()	(fuzz_armed = 0)

/* The reader's chunk, which run.sh makes small, so that records are cut. */
#ifndef SC_CHUNK
#error "build with -DSC_CHUNK=N, as tests/fuzz/run.sh does"
#endif

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define CHECK(c)	do { if (!(c)) { fprintf(stderr, \
	"fuzz: %s:%d: check failed: %s\n", __FILE__, __LINE__, #c); \
	abort(); } } while (0)

/* recs.c: the records an input read into, with where each starts. */
struct recs {
	char	***r;		/* r[i][j]: field j of record i, a copy */
	long	*line;		/* the line record i starts on */
	size_t	 n, width;
	long	 errline;	/* when the input was refused: where */
	int	 err;		/* the reference's reason */
};
void	 recs_free(struct recs *);
void	 recs_add(struct recs *, char **, size_t, long);
int	 read_all(const char *, size_t, int, struct recs *);
int	 ref_fail(struct recs *, long, int);
int	 ref_marker(const char *);
int	 ref_done(struct recs *, int);
int	 recs_agree(int, const struct recs *, int, struct recs *);
struct buf;
void	 reads_back(struct recs *, struct buf *, int);
int	 read_lazy(const char *, size_t, int, struct recs *);
void	 same_lazy(const char *, size_t, int, int, const struct recs *);
void	 same_keep_going(const char *, size_t, int, int, const struct recs *);
void	 scan_all(const char *, size_t, int);
int	 fuzz_test_one(const uint8_t *, size_t);	/* each target's own */

#endif
