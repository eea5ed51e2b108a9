/*
 * fuzz_date.c: libFuzzer target for date_parse, date_arg and dur_parse.
 * The first byte picks "today"; the rest, up to a NUL, is the argument.
 * Beyond not crashing (UBSan makes any signed overflow one), it checks
 * that a date read is a real day of years 1 to 9999 that date_fmt()
 * writes back as it was given, that a reduced date covers a span that
 * begins before it ends, and that a relative date stays in that range.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"
#include "fuzz.h"

#define DAY_MIN		(-719162L)	/* 0001-01-01 */
#define DAY_MAX		2932896L	/* 9999-12-31 */

static void
check_date(const char *s, const struct date *d)
{
	char buf[11], want[11];
	int y, m, dd;

	CHECK(d->y >= 1 && d->y <= 9999);
	CHECK(d->prec >= DATE_YEAR && d->prec <= DATE_DAY);
	CHECK((d->prec >= DATE_MONTH) == (d->m >= 1 && d->m <= 12));
	CHECK((d->prec == DATE_DAY) == (d->d >= 1 && d->d <= 31));
	CHECK(date_first(d) <= date_last(d));
	CHECK(date_first(d) >= DAY_MIN && date_last(d) <= DAY_MAX);
	civil_from_days(date_first(d), &y, &m, &dd);
	CHECK(y == d->y && m == (d->m ? d->m : 1) && dd == (d->d ? d->d : 1));
	civil_from_days(date_last(d), &y, &m, &dd);
	CHECK(y == d->y && (d->m == 0 || m == d->m) &&
	    (d->d == 0 || dd == d->d));
	if (d->prec == DATE_DAY) {
		date_fmt(date_first(d), buf);
		snprintf(want, sizeof(want), "%04d-%02d-%02d", d->y, d->m, d->d);
		CHECK(strcmp(buf, want) == 0);
		if (s != NULL)
			CHECK(strcmp(buf, s) == 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const long todays[] = {
		19875, 0, DAY_MIN, DAY_MAX, DAY_MIN + 1, DAY_MAX - 1, -1,
		11016,	/* 2000-02-29 */
	};
	struct date d;
	struct dur du;
	long today, day;
	char *s;

	if (size == 0)
		return 0;
	today = todays[data[0] % NELEM(todays)];
	s = strndup((const char *)data + 1, size - 1);
	if (date_parse(s, &d) == 0)
		check_date(s, &d);
	if (date_arg(s, today, &d) == 0) {
		check_date(NULL, &d);
		if (strcmp(s, "today") == 0)
			CHECK(date_first(&d) == today);
	}
	if (dur_parse(s, &du) == 0) {
		CHECK(du.y >= 0 && du.m >= 0 && du.d >= 0);
		day = dur_add(today, &du, 1);
		CHECK(day >= today);
		day = dur_add(today, &du, -1);
		CHECK(day <= today);
	}
	free(s);
	return 0;
}
