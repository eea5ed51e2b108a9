/*
 * rd.h: the insides of the readers, shared by their files and included
 * by no other (sc.h stays the library's one public header):
 *   rd.c    the reader: its input buffer and lines, records checked and
 *           handed out, the lazy API, malformed input reported;
 *   csv.c   CSV: the fast path, and libcsv for everything else;
 *   tsv.c   TSV, split by hand;
 *   jsonl.c JSON Lines, one object a line, scanned by hand;
 *   scan.h  the byte scanner under both fast paths.
 * An input format is known to rd.c only through its struct rd_format.
 */
#ifndef RD_H
#define RD_H

#include "sc.h"

/* The bytes read at once; the fuzz targets make it small (SC_CHUNK). */
#ifndef SC_CHUNK
#define SC_CHUNK	(1 << 17)
#endif
enum { CHUNK = SC_CHUNK };

/*
 * What an input format gives the reader.  A new format is one more of
 * these, chosen in rd.c's format_of(), and a group of its own in struct
 * reader if it keeps state across records.
 */
struct rd_format {
	/* Makes the format's own state; or NULL. */
	void	 (*start)(struct reader *);
	/* As rd_next(): 1 and the next record in rec, or 0 at the end. */
	int	 (*next)(struct reader *, struct rec *);
	/* Undoes the escapes of a span with esc, in place: its new end. */
	char	*(*plain)(char *, char *);
	/* Frees the format's own state; or NULL. */
	void	 (*end)(struct reader *);
};
extern const struct rd_format rd_csv, rd_tsv, rd_jsonl;

/* A field where it stands in the input buffer, before it is cut. */
struct span {
	char	*s;
	size_t	 len;
	int	 esc;		/* holds escapes: "" in CSV, \ in TSV */
};

/* What the fast paths learn of a record as they scan it. */
struct recinfo {
	char	*hi0, *hi1;	/* the first byte >= 0x80, and past the last */
	char	*end;		/* where the record's line end begins */
	long	 lines;		/* the line ends it holds, its own included */
	int	 canon;		/* it stands as csv_add() would write it */
	int	 tsvok;		/* and, read as TSV, as tsv_add() would */
};

/* What a fast path makes of the record at ipos. */
enum { FAST_OK, FAST_NO, FAST_MORE, FAST_BAD, FAST_OPEN, FAST_SKIP };

struct csv_parser;
struct jsonl;

struct reader {
	/* The input: its name in messages, its format, where it comes from. */
	char	*name;
	FILE	*fp;
	int	 fmt;		/* FMT_CSV, FMT_TSV or FMT_JSON, once guessed */
	const struct rd_format *format;	/* fmt's functions */
	int	 table;		/* a table of the data directory */

	/* The input buffer (rd_fill): bytes not yet parsed are [ipos, ilen). */
	char	*ibuf;
	size_t	 ipos, ilen, icap;
	int	 eof;
	size_t	 nolf;		/* [ipos, nolf) of ibuf holds no LF */

	/* Lines, as they are counted for every message. */
	long	 line;		/* the line of the next byte to parse */
	int	 pending_cr;	/* the last chunk ended in CR; LF may follow */
	long	 recline;	/* the line on which the current record began */

	/* The current record, and what checking it found (rd_emit). */
	int	 inrec;		/* it has begun; in CSV, in libcsv's hands */
	int	 bad;		/* its bytes were reported malformed */
	int	 stopped;	/* nothing more is read: its header is lost */
	size_t	 width;		/* fields in the first record, 0 before it */

	/* Its fields as handed out in rec->f, NUL-terminated. */
	char	**ptrs;
	size_t	 nf, capp;

	/* The fast paths' fields, found but not yet cut (rd_take). */
	struct span *spans;
	size_t	 caps;

	/* The lazy API: the record left as it stood, fields cut on demand. */
	int	 lazy;		/* the fast path leaves fields to rd_field() */
	int	 uncut;		/* the record's spans are not cut yet */
	char	*raw;		/* the record as it stood, when uncut */
	size_t	 rawlen;
	int	 rawcsv;	/* and csv_add() would write it the same */
	int	 rawtsv;	/* and tsv_add() would: its tabs are tabs */
	struct buf scratch;	/* fields copied out of an uncut record */

	/* CSV through libcsv (csv.c): its parser, and the fields it gives. */
	struct csv_parser *csv;
	int	 delim;		/* not a comma: libcsv reads every record */
	int	 done;		/* it has ended the record: on_record() */
	struct buf fields;	/* each NUL-terminated */
	size_t	*offs;		/* where each begins in fields */
	size_t	 capf;

	/* JSON Lines (jsonl.c): the header's keys, the first object's values. */
	struct jsonl *js;
};

/* rd.c, for the formats: input, lines, records and their checks. */
size_t	 rd_fill(struct reader *);
char	*rd_line_end(struct reader *, int);
void	 rd_check_line(struct reader *, const char *, size_t);
void	 rd_bad(struct reader *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 rd_grow_ptrs(struct reader *, size_t);
int	 rd_take(struct reader *, char *, size_t, const struct recinfo *);
int	 rd_emit(struct reader *, struct rec *);
int	 rd_drop(struct reader *);

/* Room for span n, in the fast paths' loop over fields. */
static inline void
rd_grow_spans(struct reader *r, size_t n)
{
	if (n > r->caps) {
		r->caps = r->caps ? r->caps * 2 : 16;
		r->spans = xreallocarray(r->spans, r->caps, sizeof(*r->spans));
	}
}

#endif
