/* test_fmvalue.c: durations, calendars and dates as agreements write them, with their messages. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "fmvalue.h"
#include "frontmatter.h"
#include "test_agreement.h"

Test(fmvalue, days_follow_the_calendar_in_force)
{
	struct agreement a;
	const struct severity *s;

	parse(&a, HEAD
	    "calendar:\n"
	    "  hours: {mon-fri: \"08:00-16:00\", sat: \"09:00-12:00\"}\n"
	    "severities:\n"
	    "  1: {response: 1d, resolution: 2d4h}\n"
	    "  2: {resolution: 1d, calendar: {hours: {mon: \"09:00-12:00,13:00-15:00\"}}}\n"
	    "  3: {resolution: 1d, calendar: 24x7}\n"
	    "---\n", "", 0);
	cr_assert_eq(a.nseverities, 3);
	/* Longest day 8 h (Saturday has 3 h): 1d = 8 h, 2d4h = 20 h. */
	s = &a.severities[0];
	cr_expect_eq(s->response_s, 8 * 3600);
	cr_expect_eq(s->resolution_s, 20 * 3600);
	cr_expect_eq(a.calendar.nranges[5], 1);
	cr_expect_eq(a.calendar.ranges[5][0].start_min, 9 * 60);
	cr_expect_eq(a.calendar.ranges[5][0].end_min, 12 * 60);
	/* The severity's own calendar, 3 h + 2 h. */
	s = &a.severities[1];
	cr_expect(s->has_calendar);
	cr_expect_eq(s->resolution_s, 5 * 3600);
	cr_expect_eq(s->calendar.nranges[0], 2);
	cr_expect_eq(s->calendar.ranges[0][1].start_min, 13 * 60);
	cr_expect_eq(s->calendar.ranges[0][1].end_min, 15 * 60);
	cr_expect_eq(s->calendar.nranges[1], 0);
	cr_expect_eq(s->calendar.zone, a.zone);
	cr_expect_eq(a.severities[2].resolution_s, 86400);
	agreement_free(&a);
}

Test(fmvalue, hours_forms)
{
	struct agreement a;
	static const int mtwf[] = { 0, 1, 2, 4 };
	int i;

	parse(&a, HEAD
	    "calendar:\n"
	    "  hours:\n"
	    "    mon-wed,fri: [\"13:00-17:00\", \"08:00-12:00\"]\n"
	    "    thu: \"20:00-24:00, 6:00-07:30\"\n"
	    "    sat , SUN: 10:00-11:00\n"
	    "  holidays: [2026-12-26, 2026-12-24, 2026-12-24]\n"
	    SEV "---\n", "", 0);
	for (i = 0; i < 4; i++) {
		int wd = mtwf[i];
		cr_assert_eq(a.calendar.nranges[wd], 2);
		cr_expect_eq(a.calendar.ranges[wd][0].start_min, 480);
		cr_expect_eq(a.calendar.ranges[wd][0].end_min, 720);
		cr_expect_eq(a.calendar.ranges[wd][1].start_min, 780);
		cr_expect_eq(a.calendar.ranges[wd][1].end_min, 1020);
	}
	cr_assert_eq(a.calendar.nranges[3], 2);
	cr_expect_eq(a.calendar.ranges[3][0].start_min, 360);
	cr_expect_eq(a.calendar.ranges[3][0].end_min, 450);
	cr_expect_eq(a.calendar.ranges[3][1].start_min, 1200);
	cr_expect_eq(a.calendar.ranges[3][1].end_min, 1440);
	for (i = 5; i < 7; i++) {
		cr_assert_eq(a.calendar.nranges[i], 1);
		cr_expect_eq(a.calendar.ranges[i][0].start_min, 600);
		cr_expect_eq(a.calendar.ranges[i][0].end_min, 660);
	}
	/* Sorted, the repeated date once. */
	cr_assert_eq(a.calendar.nholidays, 2);
	cr_expect_eq(a.calendar.holidays[0], 20811);
	cr_expect_eq(a.calendar.holidays[1], 20813);
	agreement_free(&a);
}

Test(fmvalue, touching_ranges_are_fine)
{
	check(HEAD "calendar: {hours: {mon: \"08:00-12:00,12:00-13:00\"}}\n" SEV "---\n",
	    "", 0);
}

Test(fmvalue, durations)
{
	static const struct {
		const char *s;
		int rc;
		int64_t days, secs;
	} cases[] = {
		{ "30m", 0, 0, 1800 }, { "4h", 0, 0, 14400 }, { "3d", 0, 3, 0 },
		{ "1d4h", 0, 1, 14400 }, { "90m", 0, 0, 5400 }, { "2h30m", 0, 0, 9000 },
		{ "45s", 0, 0, 45 }, { "1d1h1m1s", 0, 1, 3661 }, { "0m", 0, 0, 0 },
		{ "8", 1, 0, 0 }, { "10", 1, 0, 0 },
		{ "8x", -1, 0, 0 }, { "4h1d", -1, 0, 0 }, { "1.5h", -1, 0, 0 },
		{ "h", -1, 0, 0 }, { "", -1, 0, 0 }, { "4 h", -1, 0, 0 },
		{ "1d1d", -1, 0, 0 }, { "4H", -1, 0, 0 }, { "-1h", -1, 0, 0 },
		{ "12345678h", -1, 0, 0 }, { "1h8", -1, 0, 0 },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		int64_t d = -1, s = -1;
		int rc = fmvalue_parse_duration(cases[i].s, &d, &s);
		cr_expect_eq(rc, cases[i].rc, "\"%s\": rc %d", cases[i].s, rc);
		if (cases[i].rc == 0) {
			cr_expect_eq(d, cases[i].days, "\"%s\": days", cases[i].s);
			cr_expect_eq(s, cases[i].secs, "\"%s\": secs", cases[i].s);
		}
	}
}

Test(fmvalue, duration_errors)
{
	check(HEAD
	    "severities:\n"
	    "  1: {response: 8, resolution: 8x}\n"
	    "  2: {response: 4h1d, resolution: 1.5h}\n"
	    "  3: {response: [1h], resolution: 2h}\n"
	    "---\n",
	    "a.md:6:17: error: severities.1.response: give a unit: \"8\" could mean 8m, "
	    "8h or 8d\n"
	    "a.md:6:32: error: severities.1.resolution: \"8x\" is not a duration\n"
	    "a.md:7:17: error: severities.2.response: \"4h1d\" is not a duration\n"
	    "a.md:7:35: error: severities.2.resolution: \"1.5h\" is not a duration\n"
	    "a.md:8:17: error: severities.3.response: expected a duration such as 4h, "
	    "got a list", 5);
}

Test(fmvalue, hours_errors)
{
	check(HEAD
	    "calendar:\n"
	    "  hours:\n"
	    "    mon: 8-18\n"
	    "    tue: \"18:00-08:00\"\n"
	    "    wed: \"08:00-12:00,11:30-13:00\"\n"
	    "    thu: \"08:00-24:30\"\n"
	    "    fri: \"1:00-2:00,2:00-3:00,3:00-4:00,4:00-5:00,5:00-6:00,6:00-7:00,"
	    "7:00-8:00,8:00-9:00,9:00-10:00\"\n"
	    "    mo: \"08:00-09:00\"\n"
	    "    fri-mon: \"08:00-09:00\"\n"
	    "    sat,mon: \"08:00-09:00\"\n"
	    "    sun: {a: 1}\n"
	    SEV "---\n",
	    "a.md:7:10: error: calendar.hours.mon: \"8-18\" is not a range of hours "
	    "(HH:MM-HH:MM)\n"
	    "a.md:8:10: error: calendar.hours.tue: \"18:00-08:00\": the end must be after "
	    "the start\n"
	    "a.md:9:10: error: calendar.hours.wed: ranges 08:00-12:00 and 11:30-13:00 "
	    "overlap\n"
	    "a.md:10:10: error: calendar.hours.thu: \"08:00-24:30\" is not a range of "
	    "hours (HH:MM-HH:MM)\n"
	    "a.md:11:10: error: calendar.hours.fri: more than 8 ranges of hours in a day\n"
	    "a.md:12:5: error: calendar.hours: unknown weekday \"mo\" (use mon, tue, wed, "
	    "thu, fri, sat, sun)\n"
	    "a.md:13:5: error: calendar.hours: \"fri-mon\": a range of weekdays runs from "
	    "mon towards sun\n"
	    "a.md:14:5: error: calendar.hours: mon is given twice\n"
	    "a.md:15:10: error: calendar.hours.sun: expected hours such as \"08:00-18:00\", "
	    "got a mapping", 9);
}

Test(fmvalue, calendar_shapes)
{
	check(HEAD "calendar: {hours: {}}\n" SEV "---\n",
	    "a.md:5:19: error: calendar.hours: no working hours given", 1);
	check(HEAD "calendar: {holidays: [2026-12-24]}\n" SEV "---\n",
	    "a.md:5:11: error: calendar: missing key \"hours\" (or write calendar: 24x7)", 1);
	check(HEAD "calendar: 9to5\n" SEV "---\n",
	    "a.md:5:11: error: calendar: expected 24x7 or a mapping with hours and "
	    "holidays, got \"9to5\"", 1);
	check(HEAD "calendar: [24x7]\n" SEV "---\n",
	    "a.md:5:11: error: calendar: expected 24x7 or a mapping with hours and "
	    "holidays, got a list", 1);
	check(HEAD "calendar: {hours: \"08:00-18:00\"}\n" SEV "---\n",
	    "a.md:5:19: error: calendar.hours: expected a mapping of weekdays to hours, "
	    "got \"08:00-18:00\"", 1);
	check(HEAD "calendar: {hours: {mon: \"08:00-09:00\"}, holidays: 2026-12-24}\n"
	    SEV "---\n",
	    "a.md:5:51: error: calendar.holidays: expected a list of dates, got "
	    "\"2026-12-24\"", 1);
	check(HEAD "calendar:\n  hours: {mon: \"08:00-09:00\"}\n"
	    "  holidays: [2026-12-24, 2026-02-30]\n  note: x\n" SEV "---\n",
	    "a.md:7:26: error: calendar.holidays[1]: \"2026-02-30\" is not a valid date "
	    "(YYYY-MM-DD)\n"
	    "a.md:8:3: warning: calendar: unknown key \"note\"", 1);
	check(HEAD "severities:\n  1: {resolution: 1d, calendar: 9to5}\n---\n",
	    "a.md:6:33: error: severities.1.calendar: expected 24x7 or a mapping with "
	    "hours and holidays, got \"9to5\"", 1);
}

Test(fmvalue, dates)
{
	struct agreement a;

	parse(&a, HEAD "effective: 2026-02-30\n" SEV "---\n",
	    "a.md:5:12: error: effective: \"2026-02-30\" is not a valid date (YYYY-MM-DD)",
	    1);
	cr_expect_null(a.effective);
	agreement_free(&a);
	check(HEAD "effective: [2026-02-01]\n" SEV "---\n",
	    "a.md:5:12: error: effective: expected a date (YYYY-MM-DD), got a list", 1);
}
