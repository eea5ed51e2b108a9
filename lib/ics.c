/*
 * ics.c: iCalendar (RFC 5545), the calendar that Google Calendar,
 * Outlook, Apple Calendar and Thunderbird import.  Every item is a
 * VEVENT of whole days: Google and Outlook ignore VTODO.  The bytes
 * depend only on the data, so that the same record exports the same
 * calendar: UIDs come from table and id, DTSTAMP from a date the caller
 * takes from the row, and nothing from the clock.
 */
#include <stdlib.h>
#include <string.h>

#include "sc.h"

/* RFC 5545 3.1: a line is at most 75 octets, not counting its CRLF. */
enum { ICS_LINE = 75 };

static struct buf line, val;

/*
 * Appends a piece of a TEXT value (RFC 5545 3.3.11) that holds no line
 * break or tab: shown as vis_add() shows it (a control cannot reach the
 * calendar: the grammar forbids them, and a person reads this), then
 * with backslash, semicolon and comma escaped.
 */
static void
text_piece(struct buf *b, const char *s, size_t n)
{
	struct buf v = { NULL, 0, 0 };
	char *piece = xstrndup(s, n);
	size_t i;

	vis_add(&v, piece);
	for (i = 0; i < v.len; i++) {
		if (strchr("\\;,", v.s[i]) != NULL)
			buf_addc(b, '\\');
		buf_addc(b, v.s[i]);
	}
	free(piece);
	buf_free(&v);
}

/*
 * Appends s as a TEXT value: its line breaks (LF, CRLF or CR) as \n, its
 * tabs as they are, the rest by text_piece().
 */
void
ics_text(struct buf *b, const char *s)
{
	size_t n;

	for (;;) {
		n = strcspn(s, "\r\n\t");
		text_piece(b, s, n);
		s += n;
		if (*s == '\0')
			return;
		if (*s == '\t')
			buf_addc(b, '\t');
		else {
			buf_adds(b, "\\n");
			if (s[0] == '\r' && s[1] == '\n')
				s++;
		}
		s++;
	}
}

/*
 * The octets of the UTF-8 character at p: RFC 5545 3.1 folds a line
 * between characters.  A byte that does not begin a character is taken
 * alone; text_piece() leaves none.
 */
static size_t
char_len(const unsigned char *p, size_t left)
{
	size_t n = 1;

	if (*p >= 0xF0)
		n = 4;
	else if (*p >= 0xE0)
		n = 3;
	else if (*p >= 0xC0)
		n = 2;
	while (n > 1 && (n > left || (p[n - 1] & 0xC0) != 0x80))
		n--;
	return n;
}

/*
 * The octets from p that stay together on a line: a character, or an
 * escape pair (a backslash and the character after it), which no reader
 * then has to put together across a fold.
 */
static size_t
unit_len(const unsigned char *p, size_t left)
{
	if (*p == '\\' && left >= 2)
		return 1 + char_len(p + 1, left - 1);
	return char_len(p, left);
}

/*
 * Appends the content line s (len octets) to b, folded: a CRLF and a
 * space before any octet that would make a line longer than 75 octets,
 * never inside a character or an escape; then the line's CRLF.
 */
void
ics_fold(struct buf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t used = 0, k;

	while (len > 0) {
		k = unit_len(p, len);
		if (used + k > ICS_LINE) {
			buf_adds(b, "\r\n ");
			used = 1;
		}
		buf_add(b, (const char *)p, k);
		used += k;
		p += k;
		len -= k;
	}
	buf_adds(b, "\r\n");
}

/* Writes "NAME:value" (value as it is, already escaped) as a line. */
static void
put(const char *name, const char *value)
{
	buf_reset(&line);
	buf_adds(&line, name);
	buf_addc(&line, ':');
	buf_adds(&line, value);
	buf_reset(&val);
	ics_fold(&val, line.s, line.len);
	fwrite(val.s, 1, val.len, stdout);
}

/* Writes a TEXT property, when it has a value. */
static void
put_text(const char *name, const char *s)
{
	struct buf b = { NULL, 0, 0 };

	if (s == NULL || *s == '\0')
		return;
	buf_adds(&b, "");
	ics_text(&b, s);
	put(name, b.s);
	buf_free(&b);
}

/*
 * Whether s starts with a URI scheme (RFC 3986 3.1: a letter, then
 * letters, digits, "+", "-" or ".", then a colon).
 */
static int
has_scheme(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return 0;
	for (s++; *s != ':'; s++)
		if (*s == '\0' || strchr("abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.", *s) == NULL)
			return 0;
	return 1;
}

/*
 * Appends s as a URI: the octets RFC 3986 does not allow in one (space,
 * controls, non-ASCII, and "<>\"\\^`{|}") percent-encoded, as RFC 3987
 * maps an IRI to a URI.  A URI value is not TEXT: nothing is escaped.
 */
void
ics_uri(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++)
		if (*p > 0x20 && *p < 0x7F && strchr("<>\"\\^`{|}", *p) == NULL)
			buf_addc(b, *p);
		else {
			buf_addc(b, '%');
			buf_addc(b, hex[*p >> 4]);
			buf_addc(b, hex[*p & 15]);
		}
}

/* A day as an iCalendar DATE, YYYYMMDD. */
static void
ics_date(long day, char out[9])
{
	char iso[11];

	date_fmt(day, iso);
	memcpy(out, iso, 4);
	memcpy(out + 4, iso + 5, 2);
	memcpy(out + 6, iso + 8, 2);
	out[8] = '\0';
}

/* The last day a DATE can spell, so that an event's DTEND can follow it. */
long
ics_last_day(void)
{
	return days_from_civil(9999, 12, 30);
}

void
ics_begin(const char *prog, const char *calname)
{
	char prodid[128];

	snprintf(prodid, sizeof(prodid), "-//sc//%s %s//EN", prog, VERSION);
	put("BEGIN", "VCALENDAR");
	put("VERSION", "2.0");
	put_text("PRODID", prodid);
	put("CALSCALE", "GREGORIAN");
	put_text("X-WR-CALNAME", calname);
}

/*
 * A VEVENT of whole days, first to last: RFC 5545 3.6.1 and 3.8.2.2, a
 * DATE DTSTART and the DTEND after the last day, since DTEND is not part
 * of the event (14-15 May is DTEND 20240516).
 */
void
ics_event(const struct ics_item *it)
{
	struct buf b = { NULL, 0, 0 };
	const char *url;
	char d[9], stamp[17];

	put("BEGIN", "VEVENT");
	put_text("UID", it->uid);
	ics_date(it->stamp, d);
	snprintf(stamp, sizeof(stamp), "%sT000000Z", d);
	put("DTSTAMP", stamp);
	ics_date(it->first, d);
	put("DTSTART;VALUE=DATE", d);
	ics_date(it->last + 1, d);
	put("DTEND;VALUE=DATE", d);
	put_text("SUMMARY", it->summary);
	put_text("LOCATION", it->location);
	url = it->url != NULL && *it->url != '\0' ? it->url : NULL;
	buf_adds(&b, it->description != NULL ? it->description : "");
	if (url != NULL && !has_scheme(url)) {
		/* Not a URI: a calendar could not open it, a person may. */
		buf_adds(&b, b.len > 0 ? "\n\n" : "");
		buf_adds(&b, url);
		url = NULL;
	}
	put_text("DESCRIPTION", b.s);
	if (url != NULL) {
		buf_reset(&b);
		ics_uri(&b, url);
		put("URL", b.s);
	}
	if (it->status != NULL)
		put("STATUS", it->status);
	/* The network's calendar says what happens, not that you are busy. */
	put("TRANSP", "TRANSPARENT");
	put("END", "VEVENT");
	buf_free(&b);
}

void
ics_end(void)
{
	put("END", "VCALENDAR");
	buf_free(&line);
	buf_free(&val);
}

/*
 * The options that shape csv and tsv, or order the rows, mean nothing in
 * a calendar: given with -o ics, they are a mistake, said before any data
 * is read.
 */
void
ics_check(const struct common *c)
{
	const char *opt = c->out.columns != NULL ? "--columns" :
	    c->out.noheader ? "--no-header" : c->out.bom ? "--bom" :
	    c->out.safe ? "--safe" : NULL;

	if (opt != NULL)
		die(EXIT_USAGE, "%s does not apply to -o ics", opt);
	if (c->sort != NULL)
		die(EXIT_USAGE, "--sort does not apply to -o ics: a calendar "
		    "puts its items in date order itself");
}

/*
 * The list verb, as a calendar: the rows keep() wants, each made an item
 * by item() when it can be one (item returns 0 when not).
 */
void
ics_list(const struct common *c, struct store *st, const struct schema *sc,
    const struct ics_source *src)
{
	struct ics_item it;
	struct scan s;

	scan_open(&s, sc, input_reader(c, st, sc));
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	ics_begin(src->prog, src->calname);
	while (scan_next(&s)) {
		if (!src->keep(&s, src->keep_arg))
			continue;
		memset(&it, 0, sizeof(it));
		if (src->item(&s, src->item_arg, &it))
			ics_event(&it);
	}
	ics_end();
	scan_close(&s);
}
