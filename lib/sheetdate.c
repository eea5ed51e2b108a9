/*
 * sheetdate.c: the dates a spreadsheet writes, read back as ISO 8601.  A
 * spreadsheet reads 2024-05-15 as a date and writes it as it shows it:
 * 2024/05/15, 15/05/2024 (day first), 5/15/2024 (month first),
 * 15.05.2024, 2024-May-15, sometimes with a time of 00:00; and the month
 * 2024-09 as 2024/9 or as its first day.  A year first, a month's name,
 * or dots (always day first) say which number is which; in 05/06/2024 only
 * the order of the file's dates does, which the caller decides.  Here
 * too the marks of a file a spreadsheet saved, which check and the
 * reader of a table name in their messages.
 */
#include <strings.h>
#include <stdio.h>
#include <string.h>

#include "sc.h"

enum { MAXTOK = 3 };

struct tok {
	int	 num;		/* the number, or the month of a month's name */
	int	 digits;	/* 0 for a month's name */
};

/* An English month's name, whole or in three letters: 1-12, or 0. */
static int
month_name(const char *s, size_t n)
{
	static const char *const names[] = {
		"january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november",
		"december"
	};
	size_t i;

	for (i = 0; i < 12; i++)
		if ((n == 3 || n == strlen(names[i]) ||
		    (i == 8 && n == 4)) && strncasecmp(s, names[i], n) == 0)
			return (int)i + 1;
	return 0;
}

/*
 * Splits v into tokens of 1-4 digits or a month's name, separated by one
 * separator used throughout ('/', '.', '-' or a space); returns their
 * count, 0 when v is not so made, and the separator in *sep.
 */
static int
tokens(const char *v, size_t len, struct tok *t, int *sep)
{
	size_t i = 0, start;
	int n = 0;

	*sep = 0;
	while (i < len) {
		if (n == MAXTOK)
			return 0;
		if (n > 0) {
			if (*sep == 0 && strchr("/.- ", v[i]) == NULL)
				return 0;
			if (*sep != 0 && v[i] != *sep)
				return 0;
			*sep = v[i++];
		}
		for (start = i; i < len && v[i] >= '0' && v[i] <= '9'; i++)
			t[n].num = t[n].num * 10 + (v[i] - '0');
		t[n].digits = (int)(i - start);
		if (t[n].digits == 0) {
			while (i < len && ((v[i] | 0x20) >= 'a' &&
			    (v[i] | 0x20) <= 'z'))
				i++;
			if ((t[n].num = month_name(v + start, i - start)) == 0)
				return 0;
		} else if (t[n].digits > 4)
			return 0;
		n++;
	}
	return n;
}

/*
 * The length of v without a time of day of midnight (" 00:00", " 0:00",
 * with ":00" seconds or not, after a space or a T) in *len: 0, or -1 for
 * another time of day.  A value with no colon has no time.
 */
static int
strip_midnight(const char *v, size_t *len)
{
	static const char *const midnight[] = {
		"0:00", "00:00", "0:00:00", "00:00:00", NULL
	};
	const char *colon = strchr(v, ':'), *sp;
	size_t i;

	if (colon == NULL)
		return 0;
	for (sp = colon; sp > v && sp[-1] != ' ' && sp[-1] != 'T'; sp--)
		continue;
	if (sp == v)
		return -1;
	for (i = 0; midnight[i] != NULL; i++)
		if (strcmp(sp, midnight[i]) == 0) {
			*len = (size_t)(sp - 1 - v);
			return 0;
		}
	return -1;
}

/* An ISO date from its parts (d 0 for a month): 0 when they make one. */
static int
iso(char out[11], int y, int m, int d, int month)
{
	struct date dt;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 0 || d > 31 ||
	    (d == 0) != month)
		return -1;
	if (month)
		snprintf(out, 11, "%04d-%02d", y, m);
	else
		snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return date_parse(out, &dt);
}

static int
day_or_month(const struct tok *t)
{
	return t->digits == 1 || t->digits == 2;
}

/* Year first (2024/05/15, 2024-May-15, 2024/9) or last with a month's name. */
static int
fixed_form(const struct tok *t, int n, int sep, struct sheetdate *sd)
{
	if (n == 2 && t[0].digits == 4 && (day_or_month(&t[1]) ||
	    t[1].digits == 0))
		return iso(sd->iso, t[0].num, t[1].num, 0, 1);
	if (n == 2 && t[1].digits == 4 && (day_or_month(&t[0]) ||
	    t[0].digits == 0))
		return iso(sd->iso, t[1].num, t[0].num, 0, 1);
	if (n != 3)
		return -1;
	if (t[0].digits == 4 && (day_or_month(&t[1]) || t[1].digits == 0) &&
	    day_or_month(&t[2]))
		return iso(sd->iso, t[0].num, t[1].num, t[2].num, 0);
	if (t[2].digits != 4)
		return -1;
	if (day_or_month(&t[0]) && t[1].digits == 0)
		return iso(sd->iso, t[2].num, t[1].num, t[0].num, 0);
	if (t[0].digits == 0 && day_or_month(&t[1]))
		return iso(sd->iso, t[2].num, t[0].num, t[1].num, 0);
	if (sep == '.' && day_or_month(&t[0]) && day_or_month(&t[1]))
		return iso(sd->iso, t[2].num, t[1].num, t[0].num, 0);
	return -1;
}

/*
 * Reads v, a value of a date column: SD_ISO when it is already ISO 8601
 * (or empty), SD_FIXED with its ISO form in sd->iso, SD_EITHER for A/B/YYYY
 * (day or month first: see sheetdate_as), or SD_UNKNOWN with the reason.
 */
int
sheetdate_read(const char *v, struct sheetdate *sd)
{
	struct tok t[MAXTOK];
	struct date dt;
	size_t len = strlen(v);
	int n, sep;

	memset(sd, 0, sizeof(*sd));
	memset(t, 0, sizeof(t));
	if (*v == '\0' || date_parse(v, &dt) == 0)
		return sd->kind = SD_ISO;
	sd->kind = SD_UNKNOWN;
	sd->why = "not a date tidy can read";
	if (strip_midnight(v, &len) == -1) {
		sd->why = "a time of day, which the column cannot hold";
		return sd->kind;
	}
	if ((n = tokens(v, len, t, &sep)) == 0)
		return sd->kind;
	if (n == 3 && t[2].digits == 2 && t[0].digits != 4) {
		sd->why = "a two-digit year (which century?)";
		return sd->kind;
	}
	if (fixed_form(t, n, sep, sd) == 0)
		return sd->kind = SD_FIXED;
	if (n == 3 && t[2].digits == 4 && day_or_month(&t[0]) &&
	    day_or_month(&t[1]) && sep != '.') {
		sd->a = t[0].num, sd->b = t[1].num, sd->y = t[2].num;
		return sd->kind = SD_EITHER;
	}
	return sd->kind;
}

/*
 * An SD_EITHER date read in the order (ORDER_DMY or ORDER_MDY): 0 with
 * its ISO form in out, -1 when it is no date in that order.
 */
int
sheetdate_as(const struct sheetdate *sd, int order, char out[11])
{
	if (order == ORDER_DMY)
		return iso(out, sd->y, sd->b, sd->a, 0);
	if (order == ORDER_MDY)
		return iso(out, sd->y, sd->a, sd->b, 0);
	return -1;
}

int
order_parse(const char *s)
{
	if (strcmp(s, "dmy") == 0)
		return ORDER_DMY;
	if (strcmp(s, "mdy") == 0)
		return ORDER_MDY;
	if (strcmp(s, "ymd") == 0)
		return ORDER_YMD;
	return -1;
}

/*
 * For check's messages: a date that tidy would read, written with '/',
 * '.', a space or a month's name, is the mark of a spreadsheet (2024-5-1
 * is more likely a slip of the hand).
 */
const char *
spreadsheet_hint(const char *v)
{
	struct sheetdate sd;
	int kind = sheetdate_read(v, &sd);

	return (kind == SD_FIXED || kind == SD_EITHER) &&
	    v[strspn(v, "0123456789-")] != '\0' ?
	    " (saved by a spreadsheet? run sc-cities tidy)" : "";
}

/*
 * For a header that does not make a table: one column whose name holds
 * ';' or a tab is the header of a file a spreadsheet saved.
 */
const char *
spreadsheet_header_hint(char *const *names, size_t n)
{
	return n == 1 && strpbrk(names[0], ";\t") != NULL ?
	    " (saved by a spreadsheet? run sc-cities tidy)" : "";
}
