/*
 * evreport.c: an event report, as the network publishes them, read as
 * plain text: its title, its "Where & When" (or a narrative opening "On
 * 22 - 23 January 2025, in Colombo, Sri Lanka, ..."), its series, kind
 * and description, and the known cities it mentions.
 *
 * The text that sc-events report writes is read back the same way: its
 * "Series:" line, its "Where & When:" line, its "Description" heading.
 *
 * Every form the reader knows is one row of a table of POSIX extended
 * regular expressions: the lines to skip before the title, the labels of
 * fields, the forms of dates, of places, of series and of kinds.  A new
 * form is one more row.  The patterns run in the C locale, on bytes: a
 * [^,()] class takes any UTF-8 letter.
 */
#include <errno.h>
#include <regex.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sc.h"

/* A report is a page of text: more than this is not one. */
#define MAXREPORT	(4L << 20)

/* Where a series or a kind is looked for: the opening of the text. */
#define MAXSCAN		2048

/* The most words of a city's name that evreport_mentions() looks for. */
#define MAXWORDS	8

/* --- the forms ---------------------------------------------------------- */

/*
 * Lines before the title that are the site's chrome, not the report:
 * icon names ("arrow-circle arrow-down"), all in lower case, and the
 * reading time.  They are matched once dashes are plain hyphens, and,
 * unlike every other form, with case: a title has capitals.
 */
static const char *const chrome_rows[] = {
	"^[a-z0-9]+(-[a-z0-9]+)*( [a-z0-9]+(-[a-z0-9]+)*)*$",
	"^-? ?[0-9]+ minutes? (reading time|read)$",
};

/* The fields a label may introduce. */
enum { L_WHEN, L_PLACE, L_DESC, L_SERIES };

static const struct label_form {
	const char *re;
	int	 field;
} label_rows[] = {
	{ "^(where|when) ?(&|and) ?(when|where) ?: ?", L_WHEN },
	{ "^(date|dates|when) ?: ?", L_WHEN },
	{ "^(location|venue|place|where) ?: ?", L_PLACE },
	{ "^(description|summary|overview) ?: ?", L_DESC },
	/* A heading on a line of its own, as sc-events report writes it. */
	{ "^(description|summary|overview)$", L_DESC },
	/* Series: Transatlantic Dialogue Initiative (sc-events report) */
	{ "^series ?: ?", L_SERIES },
};

/* What may open a paragraph that says when and where, with no label. */
static const char *const narrative_rows[] = {
	"^on ",
};

/*
 * Dates, after dashes are made plain hyphens: each row gives the
 * subexpressions of the first and the last day, month and year (0: not
 * in the form; a range's last day and month default to the first's; a
 * form with no month is a year).  The longer forms come first, since the
 * first row that matches wins.
 */
#define DAY	"([0-9]{1,2})"
#define MON	"([a-z]+)\\.?"
#define YEAR	"([0-9]{4})"
#define TO	" ?- ?"
static const struct date_form {
	const char *re;
	int	 d1, m1, y1, d2, m2, y2;
} date_rows[] = {
	/* 30 December 2024 - 2 January 2025 */
	{ "^" DAY " " MON " " YEAR TO DAY " " MON " " YEAR, 1, 2, 3, 4, 5, 6 },
	/* 28 September 2024 - October 2024 (sc-events report) */
	{ "^" DAY " " MON " " YEAR TO MON " " YEAR, 1, 2, 3, 0, 4, 5 },
	/* 31 January - 1 February 2023 */
	{ "^" DAY " " MON TO DAY " " MON " " YEAR, 1, 2, 5, 3, 4, 5 },
	/* 14-15 May 2024, 6 - 7 March 2024 */
	{ "^" DAY TO DAY " " MON " " YEAR, 1, 3, 4, 2, 0, 0 },
	/* 14 May 2024 */
	{ "^" DAY " " MON " " YEAR, 1, 2, 3, 0, 0, 0 },
	/* May 30 - June 1, 2024 */
	{ "^" MON " " DAY TO MON " " DAY ",? " YEAR, 2, 1, 5, 4, 3, 5 },
	/* May 14-15, 2024 */
	{ "^" MON " " DAY TO DAY ",? " YEAR, 2, 1, 4, 3, 0, 0 },
	/* May 14, 2024 */
	{ "^" MON " " DAY ",? " YEAR, 2, 1, 3, 0, 0, 0 },
	/* September 2024 - 2 October 2024 (sc-events report) */
	{ "^" MON " " YEAR TO DAY " " MON " " YEAR, 0, 1, 2, 3, 4, 5 },
	/* November 2024 - January 2025 */
	{ "^" MON " " YEAR TO MON " " YEAR, 0, 1, 2, 0, 3, 4 },
	/* September - October 2024 */
	{ "^" MON TO MON " " YEAR, 0, 1, 3, 0, 2, 0 },
	/* September 2024 */
	{ "^" MON " " YEAR, 0, 1, 2, 0, 0, 0 },
	/* 2024-2025, 2024 - 2025: a year is a whole field, or its clause */
	{ "^" YEAR TO YEAR "([,.;]|$)", 0, 0, 1, 0, 0, 2 },
	/* 2024 */
	{ "^" YEAR "([,.;]|$)", 0, 0, 1, 0, 0, 0 },
};

/*
 * Places: each row gives the subexpressions of the city, the region and
 * the country (0: not in the form; no city: an event with no host).  A
 * row counts only when its country is one that iso3166.c can name, so
 * that "Columbus, Ohio, United States" is not read as the city Columbus
 * in a country called Ohio.  A place is the whole field (a full stop
 * may end it), or, in a narrative, a clause.
 */
#define PART	"([^,;()]*[^,;() ])"
#define END	" ?([,.;]|$)"
static const struct place_form {
	const char *re;
	int	 city, region, country;
} place_rows[] = {
	/* Columbus (Ohio, United States) */
	{ "^" PART " \\(" PART ", " PART "\\)" END, 1, 2, 3 },
	/* Columbus (Ohio), United States */
	{ "^" PART " \\(" PART "\\), " PART END, 1, 2, 3 },
	/* Strasbourg (France) */
	{ "^" PART " \\(" PART "\\)" END, 1, 0, 2 },
	/* Columbus, Ohio, United States */
	{ "^" PART ", " PART ", " PART END, 1, 2, 3 },
	/* Bratislava, Slovakia */
	{ "^" PART ", " PART END, 1, 0, 2 },
	/* Online */
	{ "^(online|virtual|virtually|remote)" END, 0, 0, 0 },
};

/*
 * Series: where to look, and the subexpression that names it.  A title's
 * prefix is a series only when it says it is one: "Regional Dialogue: "
 * may be the event itself.
 */
enum { IN_TITLE, IN_TEXT };
#define SERIESWORD \
	"(Initiative|Programme|Program|Series|Dialogues|Forum|Academy|Caucus)"
struct word_form {
	const char *re;
	int	 where, group;
};
static const struct word_form series_rows[] = {
	/* Transatlantic Dialogue Initiative: Elevating the Role of ... */
	{ "^([^:]+ (Initiative|Programme|Program|Series)): ", IN_TITLE, 1 },
	/* Held under the Strong Cities Transatlantic Dialogue Initiative, */
	{ "(held|organi[sz]ed) (under|as part of) the ([^,.;:]+ " SERIESWORD
	    ")", IN_TEXT, 3 },
};

/* Kinds: the word the description, else the title, calls the event. */
#define KINDWORD "(workshop|dialogue|summit|conference|webinar|roundtable|" \
	"forum|training|seminar|symposium|meeting|masterclass|study visit|" \
	"consultation|caucus|exchange)"
static const struct word_form kind_rows[] = {
	/* ..., this workshop convened deputy mayors ... */
	{ "(^|[^a-z])this " KINDWORD "([^a-z]|$)", IN_TEXT, 2 },
	/* Regional Workshop on ... */
	{ "(^|[^a-z])" KINDWORD "([^a-z]|$)", IN_TITLE, 2 },
};

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

/* --- patterns ----------------------------------------------------------- */

/*
 * The compiled patterns, by table and row.  They are compiled once, on
 * first use, and kept for the life of the process.
 */
enum { P_CHROME, P_LABEL, P_NARRATIVE, P_DATE, P_PLACE, P_SERIES, P_KIND,
    NTABLES };
static regex_t *compiled[NTABLES];

static const char *
pattern(int table, size_t i, size_t *n)
{
	switch (table) {
	case P_CHROME:
		*n = NELEM(chrome_rows);
		return chrome_rows[i];
	case P_LABEL:
		*n = NELEM(label_rows);
		return label_rows[i].re;
	case P_NARRATIVE:
		*n = NELEM(narrative_rows);
		return narrative_rows[i];
	case P_DATE:
		*n = NELEM(date_rows);
		return date_rows[i].re;
	case P_PLACE:
		*n = NELEM(place_rows);
		return place_rows[i].re;
	case P_SERIES:
		*n = NELEM(series_rows);
		return series_rows[i].re;
	default:
		*n = NELEM(kind_rows);
		return kind_rows[i].re;
	}
}

/*
 * Row i of a table matches s; m gets its subexpressions.  Every table
 * but the chrome's ignores case: the chrome is told apart from a title
 * by its lower-case words.
 */
static int
form_match(int table, size_t i, const char *s, regmatch_t *m, size_t nm)
{
	size_t n, j;
	int err;

	if (compiled[table] == NULL) {
		pattern(table, 0, &n);
		compiled[table] = xcalloc(n, sizeof(regex_t));
		for (j = 0; j < n; j++)
			if ((err = regcomp(&compiled[table][j],
			    pattern(table, j, &n), REG_EXTENDED |
			    (table == P_CHROME ? 0 : REG_ICASE))) != 0)
				die(EXIT_SYS, "evreport: bad pattern %d/%zu "
				    "(error %d)", table, j, err);
	}
	return regexec(&compiled[table][i], s, nm, m, 0) == 0;
}

/* The first row of a table that matches s, or -1. */
static int
form_find(int table, const char *s, regmatch_t *m, size_t nm)
{
	size_t i, n;

	pattern(table, 0, &n);
	for (i = 0; i < n; i++)
		if (form_match(table, i, s, m, nm))
			return (int)i;
	return -1;
}

/* Subexpression g of a match, a new string; "" when g is 0 or unmatched. */
static char *
group(const char *s, const regmatch_t *m, int g)
{
	if (g <= 0 || m[g].rm_so < 0)
		return xstrdup("");
	return xstrndup(s + m[g].rm_so, (size_t)(m[g].rm_eo - m[g].rm_so));
}

/* At most QUOTE bytes of s, cut between characters, for a message. */
#define QUOTE	60
static int
quoted(const char *s)
{
	size_t n = strlen(s);

	if (n <= QUOTE)
		return (int)n;
	for (n = QUOTE; n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80; n--)
		continue;
	return (int)n;
}

static const char *
more(const char *s)
{
	return strlen(s) > QUOTE ? "..." : "";
}

/* --- normalising -------------------------------------------------------- */

/*
 * The UTF-8 sequences that are spaces (no-break, thin, figure, narrow and
 * ideographic spaces), that are nothing (zero-width space, byte-order
 * mark, soft hyphen), and that are dashes (hyphens, figure dash, en and
 * em dashes, horizontal bar, minus sign).
 */
static const struct uchar {
	const char *seq;
	char	 as;		/* ' ', '-', or 0 for nothing */
	int	 dash;
} uchars[] = {
	{ "\xc2\xa0", ' ', 0 }, { "\xe2\x80\x80", ' ', 0 },
	{ "\xe2\x80\x81", ' ', 0 }, { "\xe2\x80\x82", ' ', 0 },
	{ "\xe2\x80\x83", ' ', 0 }, { "\xe2\x80\x84", ' ', 0 },
	{ "\xe2\x80\x85", ' ', 0 }, { "\xe2\x80\x86", ' ', 0 },
	{ "\xe2\x80\x87", ' ', 0 }, { "\xe2\x80\x88", ' ', 0 },
	{ "\xe2\x80\x89", ' ', 0 }, { "\xe2\x80\x8a", ' ', 0 },
	{ "\xe2\x80\xaf", ' ', 0 }, { "\xe2\x81\x9f", ' ', 0 },
	{ "\xe3\x80\x80", ' ', 0 }, { "\xe2\x80\x8b", 0, 0 },
	{ "\xef\xbb\xbf", 0, 0 }, { "\xc2\xad", 0, 0 },
	{ "\xe2\x80\x90", '-', 1 }, { "\xe2\x80\x91", '-', 1 },
	{ "\xe2\x80\x92", '-', 1 }, { "\xe2\x80\x93", '-', 1 },
	{ "\xe2\x80\x94", '-', 1 }, { "\xe2\x80\x95", '-', 1 },
	{ "\xe2\x88\x92", '-', 1 },
};

/* The entry of uchars[] that s starts with, dashes only if asked. */
static const struct uchar *
uchar_at(const char *s, int dashes)
{
	size_t i;

	if ((unsigned char)*s < 0x80)
		return NULL;
	for (i = 0; i < NELEM(uchars); i++)
		if ((dashes || !uchars[i].dash) && strncmp(s, uchars[i].seq,
		    strlen(uchars[i].seq)) == 0)
			return &uchars[i];
	return NULL;
}

/*
 * One line made plain, in place: spaces of every kind, tabs included,
 * become one space, invisible ones go, both ends are trimmed; with
 * dashes, every dash becomes a hyphen.  Nothing grows, so the line is
 * rewritten where it is.
 */
static void
plain(char *s, int dashes)
{
	const struct uchar *u;
	char *r, *w, c;
	int gap = 0;

	for (r = w = s; *r != '\0';) {
		if ((u = uchar_at(r, dashes)) != NULL) {
			r += strlen(u->seq);
			if ((c = u->as) == 0)
				continue;
		} else
			c = *r++;
		if (c == ' ' || c == '\t' || c == '\v' || c == '\f') {
			gap = 1;
			continue;
		}
		if (gap && w != s)
			*w++ = ' ';
		gap = 0;
		*w++ = c;
	}
	*w = '\0';
}

/* The text as lines, each made plain; a line ends at LF, CRLF or CR. */
static void
split_lines(struct evreport *er, const char *text, size_t len)
{
	size_t i, start, cap = 16;

	er->text = xstrndup(text, len);
	er->lines = xreallocarray(NULL, cap, sizeof(*er->lines));
	er->nlines = 0;
	for (i = start = 0; i <= len; i++) {
		if (i < len && er->text[i] != '\n' && er->text[i] != '\r')
			continue;
		if (er->nlines == cap)
			er->lines = xreallocarray(er->lines, cap *= 2,
			    sizeof(*er->lines));
		er->lines[er->nlines++] = er->text + start;
		if (i < len && er->text[i] == '\r' && i + 1 < len &&
		    er->text[i + 1] == '\n')
			er->text[i++] = '\0';
		if (i < len)
			er->text[i] = '\0';
		start = i + 1;
	}
	for (i = 0; i < er->nlines; i++)
		plain(er->lines[i], 0);
}

/* A copy of s with plain hyphens for dashes, for the patterns to read. */
static char *
dashed(const char *s)
{
	char *d = xstrdup(s);

	plain(d, 1);
	return d;
}

/* --- dates -------------------------------------------------------------- */

/* A month's number from its English name or a 3- or 4-letter abbreviation. */
static int
month_of(const char *s)
{
	size_t i, len = strlen(s);

	for (i = 0; i < NELEM(months); i++)
		if (strcasecmp(s, months[i]) == 0 || ((len == 3 || (len == 4 &&
		    i == 8)) && strncasecmp(s, months[i], len) == 0))
			return (int)i + 1;
	return 0;
}

static int
num(const char *s, const regmatch_t *m, int g)
{
	char *v = group(s, m, g);
	int n = atoi(v);

	free(v);
	return n;
}

static int
month_num(const char *s, const regmatch_t *m, int g)
{
	char *v = group(s, m, g);
	int n = month_of(v);

	free(v);
	return n;
}

/* A day, a month or a year as ISO 8601, checked: "" when it is no date. */
static char *
iso_date(int y, int mon, int d)
{
	struct date dt;
	char *s;

	s = d > 0 ? xasprintf("%04d-%02d-%02d", y, mon, d) : mon > 0 ?
	    xasprintf("%04d-%02d", y, mon) : xasprintf("%04d", y);
	if ((mon == 0 && d > 0) || date_parse(s, &dt) == -1)
		*s = '\0';
	return s;
}

/*
 * The first row of date_rows[] that s starts with, whose month names are
 * months (given in *m1 and *m2), or NULL.
 */
static const struct date_form *
date_at(const char *s, regmatch_t *m, size_t nm, int *m1, int *m2)
{
	const struct date_form *f;
	size_t i;

	for (i = 0; i < NELEM(date_rows); i++) {
		f = &date_rows[i];
		if (!form_match(P_DATE, i, s, m, nm))
			continue;
		/* A form's month must be one; a year's form has none. */
		*m1 = f->m1 ? month_num(s, m, f->m1) : 0;
		*m2 = f->m2 ? month_num(s, m, f->m2) : *m1;
		if ((*m1 != 0 || f->m1 == 0) && (*m2 != 0 || (f->m2 == 0 &&
		    f->m1 == 0)))
			return f;
	}
	return NULL;
}

/* The first and last day the dates give: the end, else the start. */
static int
ends_before(const char *start, const char *end)
{
	struct date s, e;

	return *end != '\0' && date_parse(start, &s) == 0 &&
	    date_parse(end, &e) == 0 && date_last(&e) < date_first(&s);
}

/*
 * The dates that s starts with; *rest is set to what follows them.
 * Returns 0, or -1 when s starts with no date.  A date that reads as one
 * but is none (31 February, a range that ends before it starts) is an
 * error.
 */
static int
read_dates(struct evreport *er, const char *name, long line, const char *s,
    const char **rest)
{
	const struct date_form *f;
	regmatch_t m[8];
	int m1, m2;

	if ((f = date_at(s, m, NELEM(m), &m1, &m2)) == NULL)
		return -1;
	er->start = iso_date(num(s, m, f->y1), m1, num(s, m, f->d1));
	er->end = f->d2 + f->m2 + f->y2 == 0 ? xstrdup("") :
	    iso_date(num(s, m, f->y2 ? f->y2 : f->y1), m2, num(s, m, f->d2));
	if (*er->start == '\0' || (f->d2 + f->m2 + f->y2 > 0 &&
	    *er->end == '\0'))
		die_at(EXIT_DATA, name, line, "'%.*s' is not a date",
		    (int)m[0].rm_eo, s);
	if (ends_before(er->start, er->end))
		die_at(EXIT_DATA, name, line, "'%.*s' ends before it starts",
		    (int)m[0].rm_eo, s);
	if (strcmp(er->start, er->end) == 0)
		*er->end = '\0';
	*rest = s + m[0].rm_eo;
	er->date_line = line;
	return 0;
}

/*
 * The dates at the end of s, after a comma: "Strasbourg (France), 14-15
 * May 2024".  *place is set to the copy of what comes before them.
 */
static int
read_dates_after(struct evreport *er, const char *name, long line,
    const char *s, char **place)
{
	const char *c, *rest;

	for (c = strchr(s, ','); c != NULL; c = strchr(c + 1, ',')) {
		if (c[1] != ' ' || read_dates(er, name, line, c + 2, &rest) == -1)
			continue;
		if (*rest == '\0' || strcmp(rest, ".") == 0) {
			*place = xstrndup(s, (size_t)(c - s));
			return 0;
		}
		free(er->start);
		free(er->end);
		er->start = er->end = NULL;
	}
	return -1;
}

/* --- fields ------------------------------------------------------------- */

/* The label line i opens, or -1; *value is where its value starts. */
static int
label_at(const struct evreport *er, size_t i, const char **value)
{
	regmatch_t m[1];
	int k;

	if ((k = form_find(P_LABEL, er->lines[i], m, 1)) < 0)
		return -1;
	*value = er->lines[i] + m[0].rm_eo;
	return label_rows[k].field;
}

/*
 * A field's value: the rest of its line, else the next line that is not
 * empty; with para, the lines after it too, up to a blank line or the
 * next label.  *line is set to the line where the value starts.
 */
static char *
field_value(const struct evreport *er, size_t i, const char *rest, int para,
    long *line)
{
	struct buf b = { NULL, 0, 0 };
	const char *v;
	size_t j = i + 1;

	if (*rest == '\0') {
		while (j < er->nlines && *er->lines[j] == '\0')
			j++;
		if (j == er->nlines || label_at(er, j, &v) >= 0) {
			*line = (long)i + 1;
			return xstrdup("");
		}
		rest = er->lines[j++];
	}
	*line = rest == er->lines[j - 1] ? (long)j : (long)i + 1;
	buf_adds(&b, rest);
	for (; para && j < er->nlines && *er->lines[j] != '\0' &&
	    label_at(er, j, &v) < 0; j++) {
		buf_addc(&b, ' ');
		buf_adds(&b, er->lines[j]);
	}
	buf_addc(&b, '\0');
	return b.s;
}

/* s opens a narrative: "On", then dates. */
static int
is_narrative(const char *s)
{
	regmatch_t m[8];
	char *d;
	int m1, m2, yes;

	if (form_find(P_NARRATIVE, s, m, 1) < 0)
		return 0;
	d = dashed(s + m[0].rm_eo);
	yes = date_at(d, m, NELEM(m), &m1, &m2) != NULL;
	free(d);
	return yes;
}

/*
 * The title: the first line that is neither empty, nor chrome, nor a
 * label, nor a narrative opening.
 */
static void
read_title(struct evreport *er)
{
	const char *v;
	char *d;
	size_t i;
	int chrome;

	for (i = 0; i < er->nlines; i++) {
		if (*er->lines[i] == '\0')
			continue;
		d = dashed(er->lines[i]);
		chrome = form_find(P_CHROME, d, NULL, 0) >= 0;
		free(d);
		if (chrome)
			continue;
		if (label_at(er, i, &v) < 0 && !is_narrative(er->lines[i])) {
			er->title = xstrdup(er->lines[i]);
			er->title_line = (long)i + 1;
		}
		return;
	}
}

/* --- places ------------------------------------------------------------- */

static void
set_region(struct evreport *er, const char *name, long line, const char *r)
{
	const char *code;

	if (*r == '\0')
		er->region = xstrdup("");
	else if ((code = iso_region_code(er->country, r)) != NULL)
		er->region = xstrdup(code);
	else {
		warn_at(name, line, "'%.*s%s' is not a region of %s in ISO "
		    "3166-2; the region is left empty", quoted(r), r, more(r),
		    er->country);
		er->region = xstrdup("");
	}
}

/*
 * Row i of place_rows[] read from s, if its country is a known one and,
 * but in a narrative, the place is all of s.
 */
static int
place_form(struct evreport *er, const char *name, long line, size_t i,
    const char *s, int narrative)
{
	const struct place_form *f = &place_rows[i];
	const char *cc = "";
	regmatch_t m[5];
	char *country, *region;

	if (!form_match(P_PLACE, i, s, m, NELEM(m)) ||
	    (!narrative && s[m[0].rm_eo] != '\0'))
		return 0;
	country = group(s, m, f->country);
	if (f->country > 0 && (cc = iso_country_code(country)) == NULL) {
		free(country);
		return 0;
	}
	free(country);
	er->country = xstrdup(cc);
	er->city = group(s, m, f->city);
	region = group(s, m, f->region);
	set_region(er, name, line, region);
	free(region);
	return 1;
}

/*
 * The host city in s, what follows the dates.  In a narrative, the place
 * must be "in" one, and there may be none; in a field, what is there
 * must read as a place.
 */
static void
read_place(struct evreport *er, const char *name, long line, const char *s,
    int narrative)
{
	size_t i;

	s += strspn(s, ",;: ");
	if (strncasecmp(s, "in ", 3) == 0)
		s += 3;
	else if (narrative)
		s = "";
	for (i = 0; *s != '\0' && i < NELEM(place_rows); i++)
		if (place_form(er, name, line, i, s, narrative))
			return;
	if (*s != '\0')
		die_at(EXIT_DATA, name, line, "cannot read the place '%.*s%s' "
		    "(want City (Country), City, Country or City (Region, "
		    "Country), with a country ISO 3166 names)", quoted(s), s,
		    more(s));
	er->city = xstrdup("");
	er->region = xstrdup("");
	er->country = xstrdup("");
}

/* --- reading the report ------------------------------------------------- */

/*
 * A field of dates, and maybe a place: Where & When, or Date.  What
 * follows the dates is the place, when there is something; dates may
 * also end the field, after the place.
 */
static void
read_when(struct evreport *er, const char *name, const char *v, long line,
    char **place, long *place_line)
{
	const char *rest;
	char *d = dashed(v), *before;

	if (read_dates(er, name, line, d, &rest) == 0) {
		rest += strspn(rest, ",;: ");
		if (*rest != '\0')
			read_place(er, name, line, rest, 0);
	} else if (read_dates_after(er, name, line, d, &before) == 0) {
		free(*place);
		*place = before;
		*place_line = line;
	} else
		die_at(EXIT_DATA, name, line, "cannot read the date '%.*s%s'",
		    quoted(d), d, more(d));
	free(d);
}

/*
 * The labelled fields: the first Where & When (or Date), the first
 * Location, the first Description, the first Series.
 */
static void
read_fields(struct evreport *er, const char *name, char **place,
    long *place_line)
{
	const char *rest;
	size_t i;
	long line;
	char *v;
	int f;

	for (i = 0; i < er->nlines; i++) {
		if ((f = label_at(er, i, &rest)) < 0 || (f == L_DESC &&
		    er->notes != NULL) || (f == L_PLACE && *place != NULL) ||
		    (f == L_WHEN && er->start != NULL) || (f == L_SERIES &&
		    er->series != NULL))
			continue;
		v = field_value(er, i, rest, f == L_DESC, &line);
		if (f == L_DESC)
			er->notes = v;
		else if (f == L_SERIES)
			er->series = v;
		else if (f == L_PLACE) {
			*place = dashed(v);
			*place_line = line;
			free(v);
		} else {
			read_when(er, name, v, line, place, place_line);
			free(v);
		}
	}
}

/*
 * With no date in a field, a paragraph (or a Description) that opens "On
 * <dates>, in <place>, ..." gives them, and is the description when
 * there is none.
 */
static void
read_narrative(struct evreport *er, const char *name)
{
	const char *s, *rest;
	regmatch_t m[1];
	long line;
	size_t i;
	char *d;

	for (i = 0; i < er->nlines && er->start == NULL; i++) {
		if (label_at(er, i, &s) != L_DESC)
			s = er->lines[i];
		if (form_find(P_NARRATIVE, s, m, 1) < 0)
			continue;
		d = dashed(s + m[0].rm_eo);
		if (read_dates(er, name, (long)i + 1, d, &rest) == 0) {
			read_place(er, name, (long)i + 1, rest, 1);
			if (er->notes == NULL)
				er->notes = field_value(er, i, s, 1, &line);
		}
		free(d);
	}
}

/*
 * The first match of a series or kind table in the title or the notes,
 * within their first MAXSCAN bytes: these forms are not anchored, and a
 * search of a long text without punctuation would take time quadratic in
 * its length.
 */
static char *
find_word(const struct evreport *er, int table, int where)
{
	const struct word_form *f = table == P_SERIES ? series_rows :
	    kind_rows;
	const char *text = where == IN_TITLE ? er->title : er->notes;
	char *s, *w = NULL;
	regmatch_t m[6];
	size_t i, n;

	if (text == NULL)
		return NULL;
	s = xstrndup(text, strnlen(text, MAXSCAN));
	pattern(table, 0, &n);
	for (i = 0; w == NULL && i < n; i++)
		if (f[i].where == where && form_match(table, i, s, m,
		    NELEM(m)))
			w = group(s, m, f[i].group);
	free(s);
	return w;
}

static char *
first_word(const struct evreport *er, int table)
{
	char *w;

	/* A series is named first in the title, a kind in the text. */
	if ((w = find_word(er, table, table == P_SERIES ? IN_TITLE :
	    IN_TEXT)) != NULL)
		return w;
	if ((w = find_word(er, table, table == P_SERIES ? IN_TEXT :
	    IN_TITLE)) != NULL)
		return w;
	return xstrdup("");
}

/*
 * The whole text of a report: a file, or the standard input for "-".
 * Reading stops past MAXREPORT bytes, so that a stray big file is
 * refused without being read to its end.
 */
char *
evreport_read(const char *path, size_t *len)
{
	const char *name = strcmp(path, "-") == 0 ? "stdin" : path;
	struct buf b = { NULL, 0, 0 };
	FILE *fp = stdin;
	size_t n;

	if (strcmp(path, "-") != 0 && (fp = fopen(path, "r")) == NULL)
		die(EXIT_SYS, "%s: %s", path, strerror(errno));
	do {
		buf_grow(&b, 65536);
		n = fread(b.s + b.len, 1, 65536, fp);
		b.len += n;
		if (b.len > MAXREPORT)
			die(EXIT_DATA, "%s: more than %ld bytes: not an event "
			    "report", name, MAXREPORT);
	} while (n > 0);
	if (ferror(fp))
		die(EXIT_SYS, "%s: read error: %s", name, strerror(errno));
	if (fp != stdin)
		fclose(fp);
	b.s[b.len] = '\0';
	*len = b.len;
	return b.s;
}

void
evreport_parse(const char *name, const char *text, size_t len,
    struct evreport *er)
{
	char *place = NULL, *p;
	long place_line = 0;

	memset(er, 0, sizeof(*er));
	if (len > MAXREPORT)
		die(EXIT_DATA, "%s: more than %ld bytes: not an event report",
		    name, MAXREPORT);
	if (!utf8_valid(text, len))
		die(EXIT_DATA, "%s: not UTF-8 text: not an event report", name);
	split_lines(er, text, len);
	read_title(er);
	read_fields(er, name, &place, &place_line);
	read_narrative(er, name);
	if (er->title == NULL || er->start == NULL)
		die(EXIT_DATA, "%s: not an event report: no %s", name,
		    er->title == NULL ? "title" : "date (no 'Where & When:' "
		    "line, no 'On <date>, in <place>' opening)");
	if (er->city == NULL) {
		read_place(er, name, place_line, place ? place : "", 0);
	}
	free(place);
	if (er->notes == NULL)
		er->notes = xstrdup("");
	if (er->series == NULL)
		er->series = first_word(er, P_SERIES);
	er->kind = first_word(er, P_KIND);
	for (p = er->kind; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
}

void
evreport_free(struct evreport *er)
{
	free(er->title);
	free(er->series);
	free(er->kind);
	free(er->start);
	free(er->end);
	free(er->city);
	free(er->region);
	free(er->country);
	free(er->notes);
	free(er->lines);
	free(er->text);
	memset(er, 0, sizeof(*er));
}

/* --- mentions ----------------------------------------------------------- */

/*
 * The punctuation that may stand before or after a word without being
 * part of it, longest first; after a word, a possessive "'s" too.
 */
static const char *const puncts[] = {
	"\xe2\x80\x99s", "'s", "\xe2\x80\x98", "\xe2\x80\x99", "\xe2\x80\x9c",
	"\xe2\x80\x9d", "\xc2\xab", "\xc2\xbb", "(", ")", "[", "]", ",", ".",
	";", ":", "!", "?", "\"", "'"
};

/* The length of the punctuation s starts with, or 0. */
static size_t
punct_at(const char *s)
{
	size_t i, k;

	for (i = 2; i < NELEM(puncts); i++)
		if (strncmp(s, puncts[i], k = strlen(puncts[i])) == 0)
			return k;
	return 0;
}

/* Cuts the punctuation off the end of word, possessives included. */
static void
trim_word(char *word)
{
	size_t i, len = strlen(word), k;

	for (i = 0; i < NELEM(puncts); i++) {
		k = strlen(puncts[i]);
		if (len > k && strcasecmp(word + len - k, puncts[i]) == 0) {
			word[len -= k] = '\0';
			i = (size_t)-1;		/* from the top again */
		}
	}
}

/*
 * The words of s, folded, without the punctuation around them; caps[i]
 * tells whether word i starts with anything but a lower-case ASCII
 * letter, as a name does.
 */
static size_t
words(const char *s, char ***w, char **caps)
{
	const char *p = s, *end;
	size_t n = 0, cap = 0, k;
	char *word;

	*w = NULL;
	*caps = NULL;
	for (;;) {
		while (*p == ' ' || (k = punct_at(p)) > 0)
			p += *p == ' ' ? 1 : k;
		if (*p == '\0')
			break;
		end = p + strcspn(p, " ");
		word = xstrndup(p, (size_t)(end - p));
		p = end;
		trim_word(word);
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			*w = xreallocarray(*w, cap, sizeof(**w));
			*caps = xreallocarray(*caps, cap, 1);
		}
		(*caps)[n] = !(*word >= 'a' && *word <= 'z');
		(*w)[n++] = fold_name(word);
		free(word);
	}
	return n;
}

static void
free_words(char **w, size_t n)
{
	while (n > 0)
		free(w[--n]);
	free(w);
}

/* Words i to i+k-1 as one key, joined by spaces. */
static void
words_key(struct buf *b, char **w, size_t i, size_t k)
{
	size_t j;

	buf_reset(b);
	for (j = i; j < i + k; j++) {
		if (j > i)
			buf_addc(b, ' ');
		buf_adds(b, w[j]);
	}
	buf_addc(b, '\0');
}

/*
 * Every run of up to maxw words of the report that starts with a capital,
 * folded, with the line where it first stands: names are looked up in
 * this map, so that the cost is linear in the text and in the names.
 */
static struct hmap *
word_runs(const struct evreport *er, size_t maxw)
{
	struct hmap *h = hmap_new();
	struct buf b = { NULL, 0, 0 };
	char **w, *caps;
	size_t i, j, k, nw;

	for (i = 0; i < er->nlines; i++) {
		nw = words(er->lines[i], &w, &caps);
		for (j = 0; j < nw; j++)
			for (k = 1; caps[j] && k <= maxw && j + k <= nw; k++) {
				words_key(&b, w, j, k);
				if (hmap_get(h, b.s) == NULL)
					hmap_put(h, b.s,
					    (void *)(uintptr_t)(i + 1));
			}
		free_words(w, nw);
		free(caps);
	}
	buf_free(&b);
	return h;
}

/*
 * Which of the names the report mentions: line[i] is set to the line
 * where names[i] first stands as words of their own, starting with a
 * capital, or to 0.  Case, accents, dashes and the punctuation around
 * words do not count.
 */
void
evreport_mentions(const struct evreport *er, const char *const *names,
    size_t n, long *line)
{
	struct hmap *runs = evreport_runs(er);
	size_t i;

	for (i = 0; i < n; i++)
		line[i] = evreport_mention(runs, names[i]);
	hmap_free(runs);
}

/*
 * One name at a time, for a table that is streamed: the runs are made
 * once (of up to MAXWORDS words, the most a name is looked up with),
 * then evreport_mention() gives the line where a name first stands, or 0.
 */
struct hmap *
evreport_runs(const struct evreport *er)
{
	return word_runs(er, MAXWORDS);
}

long
evreport_mention(const struct hmap *runs, const char *name)
{
	struct buf b = { NULL, 0, 0 };
	char **w, *caps;
	size_t nw;
	long line = 0;

	nw = words(name, &w, &caps);
	if (nw > 0 && nw <= MAXWORDS) {
		words_key(&b, w, 0, nw);
		line = (long)(uintptr_t)hmap_get(runs, b.s);
	}
	free_words(w, nw);
	free(caps);
	buf_free(&b);
	return line;
}
