/*
 * date.c: ISO 8601 calendar dates, reduced dates (YYYY-MM, YYYY), dates
 * relative to today, and durations.  A day is a long count of days since
 * 1970-01-01 in the proleptic Gregorian calendar, so that comparing and
 * subtracting dates is plain integer arithmetic.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sc.h"

/* Durations and relative dates take at most this many digits. */
#define MAXDIGITS	6

/* The days that YYYY-MM-DD can spell: 0001-01-01 to 9999-12-31. */
#define DAY_MIN		(-719162L)
#define DAY_MAX		2932896L

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && is_leap(y))
		return 29;
	return mdays[m - 1];
}

/*
 * Read exactly n ASCII digits.  isdigit() is not used because it depends
 * on the locale and on the sign of char.
 */
static int
digits(const char *s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

int
date_parse(const char *s, struct date *d)
{
	size_t len;
	int y, m = 0, day = 0, prec;

	len = strlen(s);
	if (len != 4 && len != 7 && len != 10)
		return -1;
	if (digits(s, 4, &y) == -1 || y < 1)
		return -1;
	prec = DATE_YEAR;
	if (len >= 7) {
		if (s[4] != '-' || digits(s + 5, 2, &m) == -1 ||
		    m < 1 || m > 12)
			return -1;
		prec = DATE_MONTH;
	}
	if (len == 10) {
		if (s[7] != '-' || digits(s + 8, 2, &day) == -1 ||
		    day < 1 || day > month_days(y, m))
			return -1;
		prec = DATE_DAY;
	}
	d->y = y;
	d->m = m;
	d->d = day;
	d->prec = prec;
	return 0;
}

/*
 * Howard Hinnant's days_from_civil: shift the year to start in March, so
 * that the leap day is the last day of the year, then count 400-year eras.
 */
long
days_from_civil(int y, int m, int d)
{
	long yy, era, yoe, doy, doe;

	yy = (long)y - (m <= 2);
	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = yy - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The inverse of days_from_civil, also Howard Hinnant's. */
void
civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

long
date_first(const struct date *d)
{
	return days_from_civil(d->y, d->m ? d->m : 1, d->d ? d->d : 1);
}

long
date_last(const struct date *d)
{
	int m;

	if (d->prec == DATE_DAY)
		return days_from_civil(d->y, d->m, d->d);
	m = d->prec == DATE_MONTH ? d->m : 12;
	return days_from_civil(d->y, m, month_days(d->y, m));
}

static void
date_set_day(struct date *d, long day)
{
	civil_from_days(day, &d->y, &d->m, &d->d);
	d->prec = DATE_DAY;
}

/*
 * Read a count of 1 to MAXDIGITS digits followed by one of the units
 * d, w, m, y, and nothing else, into a duration.
 */
static int
count_unit(const char *s, struct dur *du)
{
	size_t n;
	int v;

	n = strspn(s, "0123456789");
	if (n < 1 || n > MAXDIGITS || s[n] == '\0' || s[n + 1] != '\0')
		return -1;
	digits(s, (int)n, &v);
	du->y = du->m = du->d = 0;
	switch (s[n]) {
	case 'd':
		du->d = v;
		break;
	case 'w':
		du->d = 7 * v;
		break;
	case 'm':
		du->m = v;
		break;
	case 'y':
		du->y = v;
		break;
	default:
		return -1;
	}
	return 0;
}

int
date_arg(const char *s, long today, struct date *d)
{
	struct dur du;
	long day;

	if (strcmp(s, "today") == 0) {
		date_set_day(d, today);
		return 0;
	}
	if (s[0] != '+' && s[0] != '-')
		return date_parse(s, d);
	if (count_unit(s + 1, &du) == -1)
		return -1;
	day = dur_add(today, &du, s[0] == '+' ? 1 : -1);
	/* A date outside 0001-9999 could not be written back as YYYY-MM-DD. */
	if (day < DAY_MIN || day > DAY_MAX)
		return -1;
	date_set_day(d, day);
	return 0;
}

/*
 * Read the ISO 8601 form PnYnMnWnD: each component is optional but they
 * come in this order and at least one is present.  A time part (PT1H)
 * is refused, since the tables only hold dates.
 */
static int
iso_dur(const char *s, struct dur *du)
{
	static const char units[] = "YMWD";
	const char *u = units;
	size_t n;
	int v, any = 0;

	du->y = du->m = du->d = 0;
	while (*s != '\0') {
		n = strspn(s, "0123456789");
		if (n < 1 || n > MAXDIGITS || s[n] == '\0')
			return -1;
		while (*u != '\0' && *u != s[n])
			u++;
		if (*u == '\0')
			return -1;
		digits(s, (int)n, &v);
		if (*u == 'Y')
			du->y = v;
		else if (*u == 'M')
			du->m = v;
		else
			du->d += *u == 'W' ? 7 * v : v;
		u++;
		s += n + 1;
		any = 1;
	}
	return any ? 0 : -1;
}

int
dur_parse(const char *s, struct dur *du)
{
	if (s[0] == 'P')
		return iso_dur(s + 1, du);
	return count_unit(s, du);
}

/*
 * Years and months move the month first; the day is then clamped to the
 * length of the month reached, so 2024-01-31 plus one month is 2024-02-29
 * and not some day in March.
 */
long
dur_add(long day, const struct dur *du, int sign)
{
	long mi;
	int y, m, d, md;

	if (du->y != 0 || du->m != 0) {
		civil_from_days(day, &y, &m, &d);
		mi = (long)y * 12 + (m - 1) +
		    sign * ((long)du->y * 12 + du->m);
		/* Floor division, so that months before year 0 work too. */
		y = (int)(mi >= 0 ? mi / 12 : (mi - 11) / 12);
		m = (int)(mi - (long)y * 12) + 1;
		md = month_days(y, m);
		day = days_from_civil(y, m, d > md ? md : d);
	}
	return day + (long)sign * du->d;
}

static long
local_today(void)
{
	struct tm tm;
	time_t now;

	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		die(EXIT_SYS, "cannot get the local date");
	return days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Today as given by the user must be a whole day, never a reduced date. */
static long
today_from(const char *v, const char *what)
{
	struct date d;

	if (strcmp(v, "today") == 0)
		return local_today();
	if (date_parse(v, &d) == -1 || d.prec != DATE_DAY)
		die(EXIT_USAGE, "%s: invalid date '%s' (want YYYY-MM-DD or "
		    "today)", what, v);
	return date_first(&d);
}

long
today_days(const char *opt)
{
	const char *env;

	if (opt != NULL)
		return today_from(opt, "--today");
	if ((env = getenv("SC_TODAY")) != NULL && *env != '\0')
		return today_from(env, "SC_TODAY");
	return local_today();
}

static void
put_digits(char *p, int v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/*
 * Written by hand rather than with snprintf: output formats every date
 * column of every row.  A day outside years 1-9999 cannot be written in
 * ten characters and is clamped to the nearest end of that range.
 */
void
date_fmt(long day, char out[11])
{
	int y, m, d;

	if (day < DAY_MIN)
		day = DAY_MIN;
	else if (day > DAY_MAX)
		day = DAY_MAX;
	civil_from_days(day, &y, &m, &d);
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
}

/*
 * The forms a date may take, for the hint of a message: full dates
 * always, reduced ones (YYYY-MM, YYYY) where they may be stored and in
 * filters, today and relative dates on the command line.
 */
const char *
date_forms(int reduced, int relative)
{
	if (!relative)
		return reduced ? "YYYY-MM-DD, YYYY-MM or YYYY" : "YYYY-MM-DD";
	return reduced ? "YYYY-MM-DD, YYYY-MM, YYYY, today or +/-N[dwmy]" :
	    "YYYY-MM-DD, today or +/-N[dwmy]";
}

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* One date in words: "14 May 2024", "September 2024" or "2024". */
static void
date_word(struct buf *b, const struct date *d)
{
	char s[48];

	if (d->prec == DATE_DAY)
		snprintf(s, sizeof(s), "%d %s %04d", d->d,
		    month_names[d->m - 1], d->y);
	else if (d->prec == DATE_MONTH)
		snprintf(s, sizeof(s), "%s %04d", month_names[d->m - 1], d->y);
	else
		snprintf(s, sizeof(s), "%04d", d->y);
	buf_adds(b, s);
}

/*
 * Two dates of the same precision that share their year (and, for
 * days, their month) in the words of the network's reports: the shared
 * part is said once, after the range.  0 when they share nothing.
 */
static int
date_words_shared(struct buf *b, const struct date *s, const struct date *e,
    const char *dash)
{
	char w[96];

	if (s->prec != e->prec || s->y != e->y)
		return 0;
	if (s->prec == DATE_DAY && s->m == e->m)
		snprintf(w, sizeof(w), "%d%s%d %s %04d", s->d, dash, e->d,
		    month_names[s->m - 1], s->y);
	else if (s->prec == DATE_DAY)
		snprintf(w, sizeof(w), "%d %s %s %d %s %04d", s->d,
		    month_names[s->m - 1], dash, e->d, month_names[e->m - 1],
		    s->y);
	else if (s->prec == DATE_MONTH)
		snprintf(w, sizeof(w), "%s %s %s %04d", month_names[s->m - 1],
		    dash, month_names[e->m - 1], s->y);
	else
		return 0;
	buf_adds(b, w);
	return 1;
}

/*
 * The days of an event in words, as the network's reports write them:
 * "14 May 2024", "14-15 May 2024", "31 January - 1 February 2023", "30
 * December 2024 - 2 January 2025", "September 2024", "September -
 * October 2024", "2024", "2024-2025", with dash between the ends (a
 * hyphen or an en dash), alone between two numbers and spaced between
 * words.  An end that is empty or the start is no range.  NULL when a
 * date is none, or the end is before the start.
 */
char *
date_words(const char *start, const char *end, const char *dash)
{
	struct buf b = { NULL, 0, 0 };
	struct date s, e;

	if (date_parse(start, &s) == -1 || (*end != '\0' &&
	    date_parse(end, &e) == -1))
		return NULL;
	if (*end == '\0' || strcmp(start, end) == 0) {
		date_word(&b, &s);
		return b.s;
	}
	if (date_last(&e) < date_first(&s))
		return NULL;
	if (date_words_shared(&b, &s, &e, dash))
		return b.s;
	date_word(&b, &s);
	if (s.prec != DATE_YEAR || e.prec != DATE_YEAR)
		buf_addc(&b, ' ');
	buf_adds(&b, dash);
	if (s.prec != DATE_YEAR || e.prec != DATE_YEAR)
		buf_addc(&b, ' ');
	date_word(&b, &e);
	return b.s;
}
