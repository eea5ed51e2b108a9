/*
 * sc.h: the prototypes of the sc library, shared by sc-cities, sc-events
 * and sc-followups.  One concern per .c file; this is the only header
 * that the tools and tests include (the readers' files share rd.h and
 * scan.h among themselves).
 */
#ifndef SC_H
#define SC_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* The number of elements of an array (not of a pointer). */
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Exit status, as sc(7) defines it. */
enum {
	EXIT_NO = 1,		/* the answer is no */
	EXIT_USAGE = 2,		/* the command line is wrong */
	EXIT_DATA = 3,		/* the data is wrong */
	EXIT_SYS = 4		/* cannot read, write or lock */
};

/* err.c: every message goes through these. */
extern const char *progname;
void	 die(int, const char *, ...)
	    __attribute__((noreturn, format(printf, 2, 3)));
void	 die_at(int, const char *, long, const char *, ...)
	    __attribute__((noreturn, format(printf, 4, 5)));
void	 warn_at(const char *, long, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	 note(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 err_table_hook(void (*)(const char *));
void	 table_hint(const char *);

/* mem.c: allocation that dies on failure, and a growable byte buffer. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));
void	 free_list(char **, size_t);

struct buf {
	char	*s;
	size_t	 len, cap;
};
void	 buf_grow(struct buf *, size_t);
void	 buf_add(struct buf *, const char *, size_t);
void	 buf_addc(struct buf *, int);
void	 buf_adds(struct buf *, const char *);
void	 buf_reset(struct buf *);
void	 buf_free(struct buf *);

/* date.c: ISO 8601 dates, reduced dates, relative dates, durations. */
enum { DATE_YEAR = 1, DATE_MONTH = 2, DATE_DAY = 3 };
struct date {
	int	 y, m, d;	/* m and d are 0 when not given */
	int	 prec;		/* DATE_YEAR, DATE_MONTH or DATE_DAY */
};
struct dur {
	int	 y, m, d;	/* weeks are counted into d */
};
int	 date_parse(const char *, struct date *);
long	 days_from_civil(int, int, int);
void	 civil_from_days(long, int *, int *, int *);
long	 date_first(const struct date *);
long	 date_last(const struct date *);
int	 date_arg(const char *, long, struct date *);
int	 dur_parse(const char *, struct dur *);
long	 dur_add(long, const struct dur *, int);
long	 today_days(const char *);
void	 date_fmt(long, char[11]);
const char *date_forms(int, int);
char	*date_words(const char *, const char *, const char *);

/* fold.c: UTF-8 checks, name folding, slugs, display width, and vis:
 * what a person reads shows controls and invisible characters visibly. */
int	 utf8_valid(const char *, size_t);
char	*fold_name(const char *);
char	*nfc(const char *);
char	*slugify(const char *);
size_t	 trim_span(const char *, size_t *);
size_t	 display_width(const char *);
int	 vis_hidden(int32_t, int32_t);
void	 vis_add(struct buf *, const char *);
char	*vis_str(const char *);
void	 vis_line(const char *, ...) __attribute__((format(printf, 1, 2)));
const char *vis_find(const char *, int, size_t *, int32_t *);
int	 vis_blank(const char *);

/* iso3166.c: country and region codes and names, from Debian's iso-codes. */
int	 iso_country_ok(const char *);
const char *iso_country_at(size_t);
int	 iso_region_ok(const char *, const char *);
const char *iso_country_name(const char *);
const char *iso_country_code(const char *);
const char *iso_region_name(const char *);
const char *iso_region_code(const char *, const char *);

/* geo.c: the gazetteer (GeoNames' cities), read at run time. */
enum { GEO_NONE, GEO_FOUND, GEO_AMBIGUOUS };
struct geo_place {
	char	*name;		/* as GeoNames spells it */
	char	 country[3];
	char	 region[8];	/* ISO 3166-2, or "" where it has none */
	long	 population;	/* 0 where GeoNames has none */
	double	 lat, lon;	/* decimal degrees, north and east positive */
	char	 slat[12], slon[12];	/* as the gazetteer writes them */
};
struct geo_match {
	int	 status;	/* GEO_NONE, GEO_FOUND or GEO_AMBIGUOUS */
	int	 populous;	/* found: the clearly most populous of n */
	int	 region_unused;	/* the region given is none the gazetteer has */
	size_t	 n;		/* the place found first, the others after it */
	struct geo_place *place;	/* most populous first */
};
struct geo;
struct geo *geo_open(const char *);
struct geo *geo_try_open(const char *, char **);
const char *geo_path(const struct geo *);
void	 geo_lookup(const struct geo *, const char *, const char *,
	    const char *, struct geo_match *);
void	 geo_match_free(struct geo_match *);
void	 geo_close(struct geo *);
int	 geo_coord(const char *, int, double *);

/* svg.c: pictures of the record, standalone SVG. */
struct svg_city {
	const char *name;
	const char *status;	/* colours the dot */
	int	 located;	/* lat and lon are the city's place */
	double	 lat, lon;	/* decimal degrees, north and east positive */
};
void	 svg_map(FILE *, const char *, const struct svg_city *, size_t);
struct svg_event {
	const char *name, *city;	/* city: the host's name, or NULL */
	const char *start, *end;	/* ISO 8601, reduced or not; end or NULL */
	const char *series, *kind;	/* the colour: series, else kind */
	const char *status;	/* held, planned or cancelled */
};
void	 svg_timeline(FILE *, const char *, const struct svg_event *, size_t,
	    long);

/* worldmap.c: the land, as rings of points, for svg_map(). */
extern const short worldmap_points[];
extern const unsigned short worldmap_rings[];
extern const size_t worldmap_nrings;

/* hash.c: a string-keyed hash map; values are caller pointers.  And a
 * key set: many strings, each with a long, in little memory. */
struct hmap;
struct hmap *hmap_new(void);
void	*hmap_get(const struct hmap *, const char *);
int	 hmap_put(struct hmap *, const char *, void *);
enum { HB_KEYS = 32, HB_KEYLEN = 32 };
struct hbatch {
	struct hmap *m;
	void	*val;
	size_t	 n;
	char	 keys[HB_KEYS][HB_KEYLEN];
};
void	 hmap_prefetch(const struct hmap *, const char *);
void	 hbatch_add(struct hbatch *, const char *);
void	 hbatch_flush(struct hbatch *);
void	 hmap_free(struct hmap *);
void	 hmap_free_all(struct hmap *, void (*)(void *));
size_t	 hmap_probes(const struct hmap *);
struct kset;
struct kset *kset_new(void);
int	 kset_put(struct kset *, const char *, size_t, long *);
int	 kset_has(const struct kset *, const char *);
void	 kset_prefetch(const struct kset *, const char *, size_t);
void	 kset_free(struct kset *);
uint64_t siphash13(const uint64_t [2], const void *, size_t);
void	 random_fill(void *, size_t, const char *);

/* rd.c, csv.c, tsv.c, jsonl.c: the readers (CSV through libcsv, TSV and
 * JSON Lines by hand). */
enum {
	FMT_GUESS, FMT_CSV, FMT_TSV, FMT_JSON, FMT_TABLE, FMT_TEXT, FMT_MD,
	FMT_ICS, FMT_SVG, FMT_HTML
};
struct rec {
	size_t	 n;
	char	**f;		/* NUL-terminated, valid until the next read */
	long	 line;		/* the line on which the record starts */
};
struct reader;
struct reader *rd_open(const char *, int);
struct reader *rd_open_mem(const char *, const char *, size_t, int);
int	 rd_next(struct reader *, struct rec *);
const char *rd_name(const struct reader *);
const char *rd_raw(struct reader *, int, size_t *);
void	 rd_lazy(struct reader *);
const char *rd_field(struct reader *, size_t);
char	**rd_row(struct reader *);
void	 rd_is_table(struct reader *);
void	 rd_keep_going(int);
int	 rd_keeping_going(void);
long	 rd_malformed(void);
void	 malformed_at(const char *, long, int, const char *, ...)
	    __attribute__((format(printf, 4, 5)));
void	 rd_delim(struct reader *, int);
int	 rd_is_jsonl(const char *, size_t);
void	 rd_close(struct reader *);
int	 fmt_parse(const char *);

/* out.c: the writers (csv, tsv, json, table). */
struct outopt {
	int	 fmt;		/* FMT_GUESS picks table on a terminal */
	int	 wide;		/* -W: a table is not cut to the terminal */
	int	 noheader;
	int	 crlf, bom, safe;
	const char *columns;	/* -c, or NULL for all */
};
struct cells {
	size_t	 ncols;
	char	***rows;	/* each cell as vis_str() shows it */
	size_t	 nrows, cap;
	size_t	 head;		/* the first rows are headings: 0 or 1 */
};
void	 cells_init(struct cells *, size_t);
void	 cells_add(struct cells *, char *const *);
void	 cells_print(struct cells *, const struct outopt *, const char *);
void	 cells_list(struct cells *, const struct outopt *, const char *);
char	*out_cut(const char *, size_t);
struct out;
struct out *out_open(const struct outopt *, char *const *, size_t);
void	 out_row(struct out *, char *const *);
int	 out_verbatim(const struct out *);
void	 out_raw(struct out *, const char *, size_t);
void	 out_close(struct out *);
void	 csv_add(struct buf *, const char *, int);
void	 tsv_add(struct buf *, const char *);
void	 json_add(struct buf *, const char *);
void	 json_string(FILE *, const char *);
void	 json_fields(FILE *, char *const *, char *const *, size_t);
void	 finish_stdout(void);
void	 flush_stdout(void);
struct table;
struct row;
void	 out_rows(const struct outopt *, const struct table *, struct row **,
	    size_t);

/* ics.c: iCalendar (RFC 5545), whole-day VEVENTs, for the list verbs. */
struct ics_item {
	const char *uid, *summary, *location, *description, *url;
	const char *status;	/* CONFIRMED, TENTATIVE, CANCELLED or NULL */
	long	 first, last;	/* the days it takes, both included */
	long	 stamp;		/* DTSTAMP: the day it was last changed */
};
struct scan;
struct common;
struct store;
struct schema;
struct ics_source {
	const char *prog, *calname;
	int	(*keep)(const struct scan *, void *);
	void	*keep_arg;
	int	(*item)(const struct scan *, void *, struct ics_item *);
	void	*item_arg;
};
void	 ics_text(struct buf *, const char *);
void	 ics_uri(struct buf *, const char *);
void	 ics_fold(struct buf *, const char *, size_t);
long	 ics_last_day(void);
void	 ics_begin(const char *, const char *);
void	 ics_event(const struct ics_item *);
void	 ics_end(void);
void	 ics_check(const struct common *);
void	 ics_list(const struct common *, struct store *, const struct schema *,
	    const struct ics_source *);

/* table.c: the five tables, what their columns hold, and rows in memory. */
enum { MAXSCHEMA = 10 };
enum { T_CITIES, T_EVENTS, T_ATTENDANCE, T_PARTNERS, T_FOLLOWUPS };
struct schema {
	const char *name;	/* "cities" */
	const char *file;	/* "cities.csv" */
	const char *const *cols;
	size_t	 ncols;
	unsigned required;	/* bit i: column i must not be empty */
	unsigned key;		/* bit i: column i is part of the key, which
				 * names a row: no two rows share it; its
				 * columns are required */
	int	 tab;		/* its place in schemas[]: T_CITIES, ... */
	const char *tool;	/* the tool that writes it and checks it */
	unsigned folded;	/* bit i: the key compares column i folded */
	unsigned dates;		/* bit i: column i holds a date, YYYY-MM-DD */
	unsigned reduced;	/* bit i: or a reduced one, YYYY-MM or YYYY */
	unsigned lines;		/* bit i: column i is a line of free text */
	unsigned texts;		/* bit i: column i is lines of free text */
	const char *const *values[MAXSCHEMA];	/* column i's allowed values,
				 * NULL-terminated; NULL: any */
	const struct schema *refs[MAXSCHEMA];	/* column i names a row of
				 * that table, by its key; NULL: none */
};
extern const struct schema schema_cities, schema_events, schema_attendance,
    schema_partners, schema_followups;
extern const struct schema *const schemas[5];
const struct schema *schema_named(const char *);
const char *const *schema_values(const char *, const char *);
int	 in_values(const char *, const char *const *);
char	*values_spelt(const char *const *);
enum { C_ID, C_NAME, C_COUNTRY, C_REGION, C_STATUS, C_JOINED, C_VIA, C_NOTES };
enum { E_ID, E_NAME, E_SERIES, E_KIND, E_START, E_END, E_CITY, E_STATUS,
    E_URL, E_NOTES };
enum { A_EVENT, A_CITY, A_ROLE, A_NOTES };
enum { P_EVENT, P_ORGANISATION, P_SECTOR, P_NOTES };
enum { F_ID, F_ACTION, F_EVENT, F_CITY, F_OWNER, F_DUE, F_STATUS, F_CREATED,
    F_CLOSED, F_NOTES };

struct row {
	char	**f;		/* one per table column */
	char	*block, *block_end;	/* values allocated with the row */
	long	 line;		/* 0 for a row not read from a file */
	const char *src;	/* where line is, when not the table's file */
	int	 changed;
	int	 gone;		/* being removed, by table_remove_rows() */
};
struct table {
	const struct schema *sc;
	const char *label;	/* file name for messages */
	size_t	 ncols;
	char	**cols;
	int	 pos[MAXSCHEMA];	/* schema column -> table column */
	struct row **rows;
	size_t	 nrows, cap;
	size_t	 nextra;	/* columns added because the file lacked them */
};
struct scan {
	struct reader *rd;
	struct table *t;	/* header only; rows are not kept */
	struct rec rec;
	char	**f;		/* the row, as scan_row() gave it last */
};
struct store;
struct table *table_new(const struct schema *, const char *);
void	 table_header(struct table *, char *const *, size_t, const char *, long);
int	 table_col(const struct table *, const char *);
int	 table_add_col(struct table *, const char *);
const char *rget(const struct table *, const struct row *, int);
void	 rset(struct table *, struct row *, int, const char *);
void	 rset_at(struct row *, size_t, const char *);
void	 set_fields(struct table *, struct row *, char **, size_t);
struct row *table_append(struct table *, char *const *, long);
void	 row_prefetch(const struct row *);
struct row *table_newrow(struct table *);
void	 table_remove_rows(struct table *, struct row *const *, size_t);
void	 table_free(struct table *);
int	 scan_open(struct scan *, const struct schema *, struct reader *);
int	 scan_next(struct scan *);
const char *sget(const struct scan *, int);
const char *scan_raw(const struct scan *, int, size_t *);
char	**scan_row(struct scan *);
void	 scan_close(struct scan *);

/* store.c: the data directory, its lock, and safe writes. */
struct store {
	char	*dir;		/* NULL: the compiled-in seeds */
	int	 lockfd;
	double	 wait;
	int	 cleaned;	/* stale temporary files removed */
};
void	 store_init(struct store *, const char *, double);
struct reader *store_reader(const struct store *, const struct schema *);
struct table *store_load(const struct store *, const struct schema *);
struct table *store_select(const struct store *, const struct schema *, int,
	    const struct hmap *);
struct table *store_filter(const struct store *, const struct schema *,
	    int (*)(const struct scan *, void *), void *);
int	 store_holds(const struct store *, const struct schema *,
	    char *const *, size_t);
void	 store_lock(struct store *);
void	 store_write(struct store *, struct table *);
struct wtemp;
struct wtemp *store_begin(struct store *, const struct schema *);
FILE	*wtemp_fp(const struct wtemp *);
void	 store_row(FILE *, struct buf *, const struct table *, char *const *);
void	 store_commit(struct wtemp *);
void	 store_abandon(struct wtemp *);
char	*follow_links(const char *);

/* rewrite.c: a write that streams the old table into the new one. */
struct rewrite {
	struct store *st;
	struct scan s;		/* the old table, the row just read */
	struct table *t;	/* its columns (s.t) */
	struct wtemp *w;	/* the new table; NULL on a dry run */
	struct buf line;
	int	 headed;	/* its header is written */
};
void	 rw_begin(struct rewrite *, struct store *, const struct schema *,
	    int);
int	 rw_next(struct rewrite *);
void	 rw_copy(struct rewrite *);
void	 rw_put(struct rewrite *, char *const *);
struct row *rw_keep(struct rewrite *, struct table *);
struct table *rw_table(const struct rewrite *);
int	 rw_add_col(struct rewrite *, const char *);
void	 rw_end(struct rewrite *, int);

/* seeds.c, made by tools/embed-seeds.sh: the seed tables, built in. */
extern const char *const seed_names[];
extern const char *const seed_data[];
extern const size_t seed_sizes[];
extern const char seed_srcdir[];

/* start.c: how to start a data directory from the seeds on disk. */
const char *seeds_hint(void);

/* check.c: the rows of every table, found by id, name or reference, and
 * checked against the schema. */
enum { DB_NONE, DB_FULL, DB_PARTIAL, DB_KEPT };
struct db {
	struct store *st;
	struct table *t[5];	/* cities, events, attendance, partners, followups */
	int	 mode[5];	/* DB_FULL: t is the whole table; DB_PARTIAL:
				 * the rows that the keys in covered may
				 * name; DB_KEPT: a streaming write's rows */
	struct hmap *covered[5];
	struct hmap *ids[5];	/* id -> row, for the tables with ids */
	struct hmap *named[5];	/* id -> the first row of another table
				 * that names it */
	struct hmap *named_for[5];	/* the ids named was made for, or
				 * NULL: all */
	struct table **retired;	/* parts replaced by the whole table */
	size_t	 nretired;
	struct kset *keys[5];	/* check: the ids alone, not the rows */
	int	 keys_only;	/* check: references are looked up in keys */
};
struct referrer {
	const char *label;	/* the file and line of the row that names it */
	long	 line;
};
void	 db_init(struct db *, struct store *);
struct table *db_table(struct db *, int);
struct hmap *db_ids(struct db *, int);
void	 db_keep(struct db *, int, struct table *);
void	 db_narrow(struct db *, int, char *const *, size_t);
struct row *db_get(struct db *, int, const char *);
void	 db_referrers(struct db *, int, char *const *, size_t);
struct row *db_lookup(struct db *, int, const char *);
struct row *db_find(struct db *, int, const char *);
struct row **db_find_all(struct db *, int, char *const *, size_t);
const struct referrer *db_referrer(struct db *, int, const char *);
const char *row_label(const struct table *, const struct row *);
int	 valid_id(int, const char *);
int	 coord_problem(const char *, const char *, int *, char *, size_t);
int	 check_row(struct db *, int, const struct row *);
int	 check_table(struct db *, int);
void	 validate_rows(struct db *, int, struct row **, size_t);
int	 value_readable(int, int, const char *, char *, size_t);
int	 followed_up(const char *);

/* verbs.c: the steps that the verbs of the three tools share. */
struct common;
struct row **resolve_rows(struct db *, int, const struct common *, int,
	    char **, size_t *);
struct row **resolve_locked(struct db *, int, const struct common *, int,
	    char **, size_t *);
void	 set_rows(struct db *, int, const struct common *, int, char **,
	    void (*)(struct table *, struct row *));
void	 rm_rows(struct db *, int, const struct common *, int, char **, int);
void	 stream_rows(struct db *, int, const struct table *, struct row **,
	    size_t, int);

/* newid.c: a new row's id chosen while its table streams; an add's end. */
enum { NEWID_BATCH = 10 };
struct newid {
	int	 tab;
	char	*(*gen)(void *, size_t);	/* the i-th candidate, or NULL */
	void	*arg;
	size_t	 first;		/* the index of cand[0] */
	char	*cand[NEWID_BATCH];
	int	 taken[NEWID_BATCH];
	size_t	 n;
};
void	 newid_init(struct newid *, int, char *(*)(void *, size_t), void *);
void	 newid_given(struct newid *, int, const char *);
void	 newid_see(struct newid *, const char *);
char	*newid_pick(struct newid *, struct db *, int);
void	 newid_free(struct newid *);
void	 add_end(struct db *, int, const struct common *, struct rewrite *,
	    struct row **, size_t);

/* ids.c: follow-up ids that two clones do not both make, and prefixes. */
#define FU_ID_FORMS	"six of the digits and the letters but i, l, o and u, " \
	"the first a letter, such as k7q2m9; or a positive integer"
int	 fu_id_integer(const char *);
int	 fu_id_valid(const char *);
char	*fu_id_draw(const struct hmap *);
int	 fu_id_arg(char *);
struct fu_match;
struct fu_match *fu_match_new(char *const *, size_t);
int	 fu_match_row(struct fu_match *, const char *, long);
struct fu_match *fu_match_again(const struct fu_match *);
int	 fu_match_end(struct fu_match *, const char *);
void	 fu_match_free(struct fu_match *);

/* init.c: sc-cities init, a data directory made, and made ready for git. */
struct init_opt {
	const char *dir;
	int	 seeds, git, force, dryrun;
	double	 wait;
};
int	 init_dir(const struct init_opt *);

/* merge.c: the keyed three-way merge of a table, git's merge driver. */
int	 merge_table(const char *, const char *, const char *, const char *);

/* skip.c: rows a read verb cannot interpret, named on stderr and counted. */
struct skip {
	char	*file;
	long	 line;
	char	*col, *msg;
};
void	 skip_keep(void);
void	 skip_row(const char *, long, const char *, const char *);
int	 scan_readable(const struct scan *, int);
int	 row_readable(const struct table *, const struct row *, int);
const struct skip *skip_list(size_t *);
int	 skip_status(int);
void	 skip_free(void);

/*
 * report.c: a report as a document, for people and for programs: a
 * title, heading lines, the report's facts, sections of items, and the
 * rows left out.  A section's items are made one at a time, as they are
 * written, so that memory does not grow with them.  emit.c: one emitter
 * per format writes such a document (text, md, html, json).
 */
struct rspan {
	const char *s;
	int	 val;		/* 1: a value from the data, shown visibly */
};
struct rtext {			/* the report's own words and values, in turn */
	struct rspan *v;
	size_t	 n, cap;
};
void	 rt_lit(struct rtext *, const char *);
void	 rt_val(struct rtext *, const char *);
void	 rt_named(struct rtext *, const char *, const char *);
size_t	 rt_len(const struct rtext *);
enum { RF_STR, RF_NUM, RF_NULL };
struct rfield {
	const char *key, *val;
	int	 kind;		/* RF_NUM: val is written bare; RF_NULL: null */
};
struct rfields {
	struct rfield *v;
	size_t	 n, cap;
};
void	 rf_add(struct rfields *, const char *, const char *, int);
void	 rf_row(struct rfields *, char *const *, char *const *, size_t);
enum { RI_PROSE = 1, RI_DATA = 2 };	/* what an emitter asks of an item */
struct ritem {
	struct rtext group;	/* not empty: the item begins this group */
	struct rtext lead;	/* what names it: "#12", a city's name */
	struct rtext text;	/* what it is: an action; may be empty */
	struct rtext details;	/* the rest: "due 2024-09; owner li" */
	struct rfields fields;	/* RI_DATA: the item as a JSON object */
	char	 num[4][24];	/* ri_num()'s, kept until the next item */
	int	 nnum;
};
const char *ri_num(struct ritem *, long);
enum {
	RS_GROUPED = 1,		/* its items come in groups, each headed */
	RS_OPTIONAL = 2,	/* people see it only when it has items */
	RS_UNCOUNTED = 4,	/* its title shows no count */
	RS_PROSE = 8		/* its items are paragraphs, not a list */
};
struct rsection {
	const char *title;	/* for people: "Overdue" */
	const char *key;	/* for programs: "overdue" */
	size_t	 n;
	int	 flags;
	void	(*item)(void *, size_t, int, struct ritem *);
	void	*arg;		/* item(arg, i, RI_PROSE or RI_DATA, item) */
};
struct report {
	struct rtext title;
	struct rtext **lines;	/* heading lines: "Data: ..." */
	size_t	 nlines;
	struct rfields facts;	/* for programs: "today", "owner", ... */
	struct rsection *sections;
	size_t	 nsections;
	const struct skip *left_out;	/* the rows left out, from skip.c */
	size_t	 nleft_out;
};
struct emitter;
struct rtext *report_line(struct report *);
void	 report_section(struct report *, const char *, const char *, size_t,
	    int, void (*)(void *, size_t, int, struct ritem *), void *);
void	 report_emit(const struct report *, const struct emitter *, FILE *);
void	 report_free(struct report *);

/* emit.c: one emitter per format writes a report (text, md, json). */
struct emit {			/* where an emitter is in the document */
	FILE	*fp;
	const struct report *rp;
	const struct rsection *sec;	/* the section being written */
	size_t	 nsections;	/* sections begun before it */
	size_t	 i;		/* the item's index in it */
	size_t	 ngroups;	/* groups begun in it before the item */
	struct buf buf;		/* the emitter's to use, freed at the end */
};
struct emitter {
	const char *name;	/* as -o names the format */
	int	 fmt;		/* FMT_TEXT, ... */
	int	 wants;		/* RI_PROSE, for people; RI_DATA, for programs */
	void	(*begin)(struct emit *);	/* title, lines, facts */
	void	(*section)(struct emit *);
	void	(*item)(struct emit *, const struct ritem *);
	void	(*section_end)(struct emit *);
	void	(*end)(struct emit *);
};
extern const struct emitter *const emitters[];	/* NULL-terminated */
const struct emitter *emitter_for(int);
const struct emitter *report_emitter(const struct common *, const char *,
	    unsigned);

/* near.c: the name nearest to a mistyped word, for "did you mean". */
struct near {
	const char *word;
	size_t	 len;		/* of word, which may go on: --word=value */
	const char *best;	/* NULL when none is near enough */
	int	 dist;
};
void	 near_init(struct near *, const char *, size_t);
void	 near_offer(struct near *, const char *);

/* city.c: when two cities are the same, and a new city's id. */
char	*city_key(const char *, const char *, const char *);
void	 city_key_add(struct hmap *, struct table *, struct row *);
struct row *city_key_find(struct hmap *, struct table *, struct row *);
struct city_ids {
	char	*base;		/* cc-slug */
	char	*sub;		/* cc-slug-region, or NULL */
};
void	 city_ids_init(struct city_ids *, const char *, const char *,
	    const char *);
char	*city_id_candidate(void *, size_t);
void	 city_ids_free(struct city_ids *);
struct city_dup {
	char	*folded, *country, *region;	/* the new city's */
	char	*id[2];		/* the first of the same region, of none */
	long	 line[2];
	char	*second;	/* the second that id[0]'s rule finds */
};
void	 city_dup_init(struct city_dup *, const char *, const char *,
	    const char *);
int	 city_dup_see(struct city_dup *, const struct scan *);
const char *city_dup_found(const struct city_dup *, long *);
void	 city_dup_free(struct city_dup *);

/* evreport.c: an event report, as the network publishes them, read. */
struct evreport {
	char	*title;		/* the event's name */
	char	*series, *kind;	/* "" when the report gives none */
	char	*start, *end;	/* ISO 8601, reduced or not; end "" for one */
	char	*city;		/* the host city as written; "" for none */
	char	*region;	/* its ISO 3166-2 code, or "" */
	char	*country;	/* its ISO 3166-1 code ("" with no city) */
	char	*notes;		/* the description; "" for none */
	long	 title_line, date_line;
	char	*text;		/* the lines, made plain */
	char	**lines;
	size_t	 nlines;
};
char	*evreport_read(const char *, size_t *);
void	 evreport_parse(const char *, const char *, size_t, struct evreport *);
void	 evreport_mentions(const struct evreport *, const char *const *, size_t,
	    long *);
struct hmap *evreport_runs(const struct evreport *);
long	 evreport_mention(const struct hmap *, const char *);
void	 evreport_free(struct evreport *);

/*
 * cli.c: the command line, read from a tool's tables of verbs and options
 * (the common options are rows of the same kind); --help is printed from
 * them, and shell completion reads them.  The dates, durations and ids
 * given as arguments or piped in.
 */
enum optkind {
	OPT_FLAG = 1,		/* --force */
	OPT_VALUE,		/* --country CC, --country=CC */
	OPT_OPTIONAL,		/* --upcoming, --upcoming=90d, --upcoming 90d */
	OPT_MULTI		/* --field COL=V, as often as wanted */
};
struct schema;
struct optdef {
	const char *name;	/* the long name, without "--" */
	int	 shortname;	/* 'D', or 0 */
	enum optkind kind;
	const char *arg;	/* the value's name in --help; NULL for a flag */
	const char *help;	/* one line for --help */
	unsigned verbs;		/* bit i: allowed with verb i; common options
				 * say it with opt_applies() */
	/*
	 * OPT_OPTIONAL: whether the next word is the value (given as it
	 * came, it may die on a word meant as the value but wrong); NULL
	 * takes a value only as --name=VALUE.
	 */
	int	(*is_value)(const struct optdef *, const char *);
	/*
	 * What the value may be, for completion: a fixed set, or the values
	 * of a column (its allowed ones, country codes, or the ids of the
	 * rows it names, as the schema says); NULL for free text.
	 */
	const char *const *values;	/* NULL-terminated */
	const struct schema *sc;	/* and its column col */
	int	 col;
};
struct verbdef {
	const char *name;
	int	(*run)(void);
	int	 min, max;	/* how many arguments it takes; max -1: any */
	const char *args;	/* what they are, for messages: "CITY..." */
	int	 writes;
	const char *help;	/* one line for --help */
};
struct tool {
	const char *name;		/* "sc-cities" */
	const struct verbdef *verbs;	/* the first is the verb when none
					 * is given */
	int	 nverbs;
	const struct optdef *opts;	/* its own options */
	int	 nopts;
	const char *outputs;		/* -o's help: the formats it writes */
	void	(*usage)(void);		/* the synopsis on stderr; exits 2 */
	const struct schema *table;	/* the one list prints: completion
					 * offers its columns to -c, --sort */
};
/* The options every tool takes, in the order of this enum. */
extern const struct optdef common_opts[];
enum {
	CO_DATA, CO_INPUT, CO_INPUT_FORMAT, CO_OUTPUT, CO_COLUMNS, CO_SORT,
	CO_NO_HEADER, CO_WIDE, CO_TODAY, CO_DRY_RUN, CO_WAIT, CO_SAFE, CO_CRLF,
	CO_BOM, CO_HELP, CO_VERSION, NCOMMON
};
struct common {
	const char *data;	/* -D */
	const char *input;	/* -i */
	const char *sort;	/* --sort, list only */
	int	 infmt;
	struct outopt out;
	int	 outset;	/* -o was given */
	const char *today_arg;
	long	 today;
	int	 dryrun;
	double	 wait;
	int	 help, version;
};
enum { MAXOWN = 32, MAXVERBS = 32 };
struct cmdline {
	struct common c;
	const char *val[MAXOWN];	/* an option's (last) value; "1" for
					 * a flag, "" for OPT_OPTIONAL given
					 * bare */
	char	 bare[MAXOWN];		/* OPT_OPTIONAL given with no value */
	char	**multi[MAXOWN];	/* a repeatable option's values */
	size_t	 nmulti[MAXOWN];
	int	 verb;
	int	 argc;
	char	**argv;
};
void	 cli_check(const struct tool *);
const struct optdef *tool_opt(const struct tool *, int);
int	 opt_applies(const struct tool *, const struct optdef *, int);
void	 cli_help(const struct tool *);
void	 cli_parse(struct cmdline *, int, char **, const struct tool *);
/* complete.c: shell completion from the same rows. */
void	 complete_words(const struct tool *, int, char **);
int	 complete_script(const struct tool *, const char *);
/* sortrows.c: list --sort, the kept rows in memory, then in order. */
struct sorter;
struct sorter *sorter_new(const char *, const struct table *);
void	 sorter_add(struct sorter *, char *const *);
void	 sorter_emit(struct sorter *, struct out *);
char	**ids_from_args(int, char **, int, const struct common *, size_t *);
char	*cli_given(const struct cmdline *, const struct tool *);
long	 date_opt(const char *, const char *, long, int);
const char *date_opt_str(const char *, const char *, long, int, char[11]);
void	 dur_opt(const char *, const char *, struct dur *);
void	 upcase(char *);
char	**split_list(const char *, size_t *);
int	 in_set(char **, size_t, const char *);
void	 enum_opt(const char *, const char *, int, int);
char	**enum_opts(const char *, const char *, int, int, size_t *);
void	 help_options(const char *);
struct reader *input_reader(const struct common *, struct store *,
	    const struct schema *);
struct scan;
void	 list_rows(const struct common *, struct store *,
	    const struct schema *, int (*)(const struct scan *, void *), void *);

/* tidy.c and its helpers: sc-cities tidy, the way back from a spreadsheet. */
enum { ENC_GUESS, ENC_UTF8, ENC_CP1252, ENC_UTF16LE, ENC_UTF16BE };
enum { ORDER_NONE, ORDER_DMY, ORDER_MDY, ORDER_YMD };
enum { EOL_LF, EOL_CRLF, EOL_CR };
struct tidyopt {
	int	 encoding;	/* ENC_GUESS: UTF-8 unless the bytes are not */
	int	 order;		/* ORDER_NONE: as the file's dates decide */
	int	 dryrun;
};
int	 tidy_tables(struct store *, const struct schema *const *, size_t,
	    const struct tidyopt *);

/* decode.c: a spreadsheet's bytes made UTF-8. */
struct decoded {
	char	*s;		/* UTF-8, NUL-terminated, no byte-order mark */
	size_t	 len;
	int	 enc, bom, sep, eol;	/* what the file was */
};
int	 enc_parse(const char *);
const char *enc_name(int);
void	 decode_text(const char *, const char *, size_t, int,
	    struct decoded *);
char	*cp1252_lossy(const char *);

/* sheetdate.c: the dates a spreadsheet writes, and a spreadsheet's marks. */
enum { SD_ISO, SD_FIXED, SD_EITHER, SD_UNKNOWN };
struct sheetdate {
	int	 kind;
	char	 iso[11];	/* SD_FIXED: the date as ISO 8601 */
	int	 a, b, y;	/* SD_EITHER: a/b/y, day or month first */
	const char *why;	/* SD_UNKNOWN: why it is not read */
};
int	 sheetdate_read(const char *, struct sheetdate *);
int	 sheetdate_as(const struct sheetdate *, int, char[11]);
int	 order_parse(const char *);
const char *spreadsheet_hint(const char *);
const char *spreadsheet_header_hint(char *const *, size_t);

/* grid.c: a table as a spreadsheet left it: a header and rows of text. */
struct grow {
	char	**f;		/* ncols values, each allocated */
	long	 line;		/* where the row starts in the file */
	long	 was;		/* its row in the committed version, or -1 */
	char	**orig;		/* the values grid_set() changed, as read */
	const char **why;	/* and why, where a rule says */
};
struct grid {
	const struct schema *sc;
	const char *label;
	char	**cols;
	size_t	 ncols;
	struct grow *rows;
	size_t	 nrows;
	struct buf log;		/* what tidy changed, a message a line */
};
void	 grid_read(struct grid *, const struct schema *, const char *,
	    const char *, size_t, int, int);
void	 grid_free(struct grid *);
int	 grid_col(const struct grid *, const char *);
void	 grid_set(struct grid *, size_t, size_t, const char *, const char *);
void	 grid_log(struct grid *, long, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	 grid_report(struct grid *);
void	 grid_canonical(const struct grid *, struct buf *);

/* witness.c: the committed version of a table, and what it restores. */
void	 witness_match(struct grid *, const struct grid *);
struct witness {
	int	(*is_date)(const struct grid *, size_t);	/* a date column */
	int	 cp1252;	/* the file was Windows-1252 */
};
void	 witness_restore(struct grid *, const struct grid *,
	    const struct witness *);
void	 witness_order(struct grid *, const struct grid *);

/* gitshow.c: reading git, read-only. */
int	 git_worktree(const char *);
char	*git_committed(const char *, const char *, size_t *);

#endif
