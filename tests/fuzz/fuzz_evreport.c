/*
 * fuzz_evreport.c: libFuzzer target for the event report reader,
 * evreport_parse() and evreport_mentions().  The input is the text of a
 * report.  Beyond not crashing, it checks what a report read must be: a
 * title, a start that is a date (and an end, when there is one, that is
 * one and not before it), a country code that ISO 3166 has whenever
 * there is a city, a region of that country, and mentions on lines that
 * exist.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sc.h"
#include "fuzz.h"

static void
check_report(const struct evreport *er)
{
	static const char *const names[] = {
		"Strasbourg", "Cape Town", "Kordelio-Evosmos", "Columbus", "x",
		"", "Dijon Dijon Dijon Dijon Dijon Dijon Dijon Dijon Dijon"
	};
	long line[NELEM(names)];
	struct date s, e;
	size_t i;

	CHECK(er->title != NULL && *er->title != '\0');
	CHECK(date_parse(er->start, &s) == 0 && s.prec >= DATE_MONTH);
	if (*er->end != '\0') {
		CHECK(date_parse(er->end, &e) == 0);
		CHECK(date_last(&e) >= date_first(&s));
	}
	CHECK((*er->city != '\0') == (*er->country != '\0'));
	CHECK(*er->country == '\0' || iso_country_ok(er->country));
	CHECK(*er->region == '\0' || iso_region_ok(er->country, er->region));
	CHECK(er->series != NULL && er->kind != NULL && er->notes != NULL);
	evreport_mentions(er, names, NELEM(names), line);
	for (i = 0; i < NELEM(names); i++)
		CHECK(line[i] >= 0 && line[i] <= (long)er->nlines);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct evreport er;

	if (FUZZ_TRY() == 0) {
		evreport_parse("fuzz", (const char *)data, size, &er);
		FUZZ_DONE();
		check_report(&er);
	} else
		CHECK(fuzz_status == EXIT_DATA);
	evreport_free(&er);
	return 0;
}
