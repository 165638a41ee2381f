/* test_calendar.c: business seconds and reach, by hand and against a brute-force model. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"

enum { MON, TUE, WED, THU, FRI, SAT, SUN };

static sla_time
at(int y, int m, int d, int h, int mi, int s)
{
	return civil_days(y, m, d) * 86400 + h * 3600 + mi * 60 + s;
}

static struct tz *
load(const char *name)
{
	struct tz *z = tz_load(name);

	cr_assert_not_null(z, "%s", name);
	return z;
}

static void
spec_init(struct calendar_spec *sp, const struct tz *zone)
{
	memset(sp, 0, sizeof *sp);
	sp->zone = zone;
}

/* Sets weekdays from..to (inclusive) to ranges written "08:00-12:00,13:00-17:00". */
static void
hours(struct calendar_spec *sp, int from, int to, const char *ranges)
{
	int wd, n = 0, a, b;
	const char *p = ranges;

	while (*p) {
		cr_assert_null(civil_parse_hhmm(p, 5, &a), "%s", ranges);
		cr_assert_eq(p[5], '-');
		cr_assert_null(civil_parse_hhmm(p + 6, 5, &b), "%s", ranges);
		for (wd = from; wd <= to; wd++)
			sp->ranges[wd][n] = (struct hours_range){ a, b };
		n++;
		p += 11;
		if (*p == ',')
			p++;
	}
	for (wd = from; wd <= to; wd++)
		sp->nranges[wd] = n;
}

static void
holiday(struct calendar_spec *sp, int y, int m, int d)
{
	sp->holidays = realloc(sp->holidays, (size_t)(sp->nholidays + 1) * sizeof *sp->holidays);
	sp->holidays[sp->nholidays++] = civil_days(y, m, d);
}

static void
spec_fini(struct calendar_spec *sp)
{
	free(sp->holidays);
}

/* The compile window of most tests: 14 months in UTC. */
#define FROM at(2026, 1, 1, 0, 0, 0)
#define TO at(2027, 3, 1, 0, 0, 0)

static void
expect_interval(const struct calendar *c, size_t i, sla_time s, sla_time e)
{
	sla_time gs, ge;

	cr_assert_lt(i, calendar_interval_count(c));
	calendar_interval(c, i, &gs, &ge);
	cr_expect(gs == s && ge == e, "interval %zu is [%lld, %lld), want [%lld, %lld)", i,
	    (long long)gs, (long long)ge, (long long)s, (long long)e);
}

/* Berlin is UTC+1 in winter, UTC+2 from 2026-03-29 01:00Z to 2026-10-25 01:00Z:
 * all UTC instants below are the local readings minus that, worked by hand. */
Test(calendar, weekend_is_skipped)
{
	struct tz *z = load("Europe/Berlin");
	struct calendar_spec sp;
	struct calendar *c;

	spec_init(&sp, z);
	hours(&sp, MON, FRI, "08:00-18:00");
	cr_expect_eq(calendar_day_seconds(&sp), 36000);
	c = calendar_compile(&sp, FROM, TO);
	/* Fri 2026-01-16 17:00 CET -> Mon 2026-01-19 09:00 CET: 1 h + 1 h. */
	cr_expect_eq(calendar_business_seconds(c, at(2026, 1, 16, 16, 0, 0),
	    at(2026, 1, 19, 8, 0, 0)), 7200);
	/* Summer: Fri 2026-07-17 17:00 CEST -> Mon 09:00 CEST. */
	cr_expect_eq(calendar_business_seconds(c, at(2026, 7, 17, 15, 0, 0),
	    at(2026, 7, 20, 7, 0, 0)), 7200);
	/* Over the DST weekend: Fri 17:00 CET -> Mon 2026-03-30 09:00 CEST. */
	cr_expect_eq(calendar_business_seconds(c, at(2026, 3, 27, 16, 0, 0),
	    at(2026, 3, 30, 7, 0, 0)), 7200);
	/* A whole week: Mon 2026-01-12 00:00 CET to the next Monday, 5 x 10 h. */
	cr_expect_eq(calendar_business_seconds(c, at(2026, 1, 11, 23, 0, 0),
	    at(2026, 1, 18, 23, 0, 0)), 180000);
	cr_expect_eq(calendar_business_seconds(c, at(2026, 1, 19, 8, 0, 0),
	    at(2026, 1, 16, 16, 0, 0)), 0);
	cr_expect(calendar_is_working(c, at(2026, 1, 16, 16, 59, 59)));
	cr_expect(!calendar_is_working(c, at(2026, 1, 16, 17, 0, 0)));
	cr_expect(calendar_is_working(c, at(2026, 1, 16, 7, 0, 0)));
	cr_expect(!calendar_is_working(c, at(2026, 1, 16, 6, 59, 59)));
	cr_expect(!calendar_is_working(c, at(2026, 1, 17, 12, 0, 0)));
	expect_interval(c, 0, at(2026, 1, 1, 7, 0, 0), at(2026, 1, 1, 17, 0, 0));
	calendar_free(c);
	spec_fini(&sp);
	tz_free(z);
}

Test(calendar, holidays_are_skipped)
{
	struct tz *z = load("Europe/Berlin");
	struct calendar_spec sp;
	struct calendar *c;
	sla_time wed = at(2026, 12, 23, 16, 0, 0), mon = at(2026, 12, 28, 8, 0, 0);

	spec_init(&sp, z);
	hours(&sp, MON, FRI, "08:00-18:00");
	c = calendar_compile(&sp, FROM, TO);
	/* Wed 17:00 -> Mon 09:00 without holidays: 1 + 10 (Thu) + 10 (Fri) + 1. */
	cr_expect_eq(calendar_business_seconds(c, wed, mon), 79200);
	calendar_free(c);

	holiday(&sp, 2026, 12, 24);
	holiday(&sp, 2026, 12, 25);
	holiday(&sp, 2026, 12, 26);
	c = calendar_compile(&sp, FROM, TO);
	cr_expect_eq(calendar_business_seconds(c, wed, mon), 7200);
	cr_expect(!calendar_is_working(c, at(2026, 12, 24, 11, 0, 0)));
	cr_expect(calendar_is_working(c, at(2026, 12, 23, 11, 0, 0)));
	cr_expect_eq(calendar_reach(c, wed, 7200), mon);
	calendar_free(c);
	spec_fini(&sp);
	tz_free(z);
}

Test(calendar, split_ranges)
{
	struct tz *z = load("Europe/Berlin");
	struct calendar_spec sp;
	struct calendar *c;

	spec_init(&sp, z);
	hours(&sp, MON, FRI, "08:00-12:00,13:00-17:00");
	cr_expect_eq(calendar_day_seconds(&sp), 28800);
	c = calendar_compile(&sp, FROM, TO);
	/* Mon 2026-01-19 10:00-14:00 CET: 2 h, lunch, 1 h. */
	cr_expect_eq(calendar_business_seconds(c, at(2026, 1, 19, 9, 0, 0),
	    at(2026, 1, 19, 13, 0, 0)), 10800);
	cr_expect(!calendar_is_working(c, at(2026, 1, 19, 11, 30, 0)));
	/* Reaching 2 h from 11:00 CET skips lunch: 1 h, then 1 h until 14:00. */
	cr_expect_eq(calendar_reach(c, at(2026, 1, 19, 10, 0, 0), 7200), at(2026, 1, 19, 13, 0, 0));
	calendar_free(c);

	c = calendar_compile(&sp, at(2026, 1, 19, 0, 0, 0), at(2026, 1, 24, 0, 0, 0));
	cr_expect_eq(calendar_interval_count(c), 10);
	expect_interval(c, 0, at(2026, 1, 19, 7, 0, 0), at(2026, 1, 19, 11, 0, 0));
	expect_interval(c, 1, at(2026, 1, 19, 12, 0, 0), at(2026, 1, 19, 16, 0, 0));
	expect_interval(c, 9, at(2026, 1, 23, 12, 0, 0), at(2026, 1, 23, 16, 0, 0));
	calendar_free(c);
	spec_fini(&sp);
	tz_free(z);
}

Test(calendar, saturday_range)
{
	struct tz *z = load("Europe/Berlin");
	struct calendar_spec sp;
	struct calendar *c;

	spec_init(&sp, z);
	hours(&sp, SAT, SAT, "09:00-13:00");
	cr_expect_eq(calendar_day_seconds(&sp), 14400);
	hours(&sp, MON, FRI, "08:00-18:00");
	cr_expect_eq(calendar_day_seconds(&sp), 36000);
	c = calendar_compile(&sp, FROM, TO);
	/* Fri 17:00 -> Mon 09:00 CET: 1 h + Sat 4 h + 1 h. */
	cr_expect_eq(calendar_business_seconds(c, at(2026, 1, 16, 16, 0, 0),
	    at(2026, 1, 19, 8, 0, 0)), 21600);
	cr_expect(calendar_is_working(c, at(2026, 1, 17, 8, 0, 0)));
	cr_expect(!calendar_is_working(c, at(2026, 1, 17, 12, 0, 0)));
	calendar_free(c);
	spec_fini(&sp);
	tz_free(z);
}

/* Sunday ranges across the transitions: the real hours, not the nominal ones. */
Test(calendar, range_straddling_dst)
{
	struct tz *z = load("Europe/Berlin"), *ny = load("America/New_York");
	struct calendar_spec sp;
	struct calendar *c;

	spec_init(&sp, z);
	hours(&sp, SUN, SUN, "01:00-05:00");
	cr_expect_eq(calendar_day_seconds(&sp), 14400);
	c = calendar_compile(&sp, FROM, TO);
	/* 01:00 CET = 00:00Z, 05:00 CEST = 03:00Z: 02:00-03:00 never happens. */
	cr_expect_eq(calendar_business_seconds(c, at(2026, 3, 28, 0, 0, 0),
	    at(2026, 3, 30, 0, 0, 0)), 10800);
	/* 01:00 CEST = 2026-10-24 23:00Z, 05:00 CET = 04:00Z: 02:00-03:00 twice. */
	cr_expect_eq(calendar_business_seconds(c, at(2026, 10, 24, 0, 0, 0),
	    at(2026, 10, 26, 0, 0, 0)), 18000);
	/* An ordinary Sunday. */
	cr_expect_eq(calendar_business_seconds(c, at(2026, 3, 21, 0, 0, 0),
	    at(2026, 3, 23, 0, 0, 0)), 14400);
	cr_expect(calendar_is_working(c, at(2026, 3, 29, 1, 30, 0)));	/* 03:30 CEST */
	cr_expect(calendar_is_working(c, at(2026, 10, 25, 1, 30, 0)));	/* 2nd 02:30 */
	calendar_free(c);

	hours(&sp, SUN, SUN, "00:00-05:00");
	c = calendar_compile(&sp, at(2026, 3, 27, 0, 0, 0), at(2026, 3, 31, 0, 0, 0));
	cr_expect_eq(calendar_interval_count(c), 1);
	expect_interval(c, 0, at(2026, 3, 28, 23, 0, 0), at(2026, 3, 29, 3, 0, 0));
	calendar_free(c);
	c = calendar_compile(&sp, at(2026, 10, 23, 0, 0, 0), at(2026, 10, 27, 0, 0, 0));
	cr_expect_eq(calendar_interval_count(c), 1);
	expect_interval(c, 0, at(2026, 10, 24, 22, 0, 0), at(2026, 10, 25, 4, 0, 0));
	calendar_free(c);

	/* New York: 01:00 EST = 06:00Z .. 05:00 EDT = 09:00Z; 01:00 EDT (the
	 * first) = 05:00Z .. 05:00 EST = 10:00Z. */
	sp.zone = ny;
	hours(&sp, SUN, SUN, "01:00-05:00");
	c = calendar_compile(&sp, FROM, TO);
	cr_expect_eq(calendar_business_seconds(c, at(2026, 3, 8, 0, 0, 0),
	    at(2026, 3, 9, 0, 0, 0)), 10800);
	cr_expect_eq(calendar_business_seconds(c, at(2026, 11, 1, 0, 0, 0),
	    at(2026, 11, 2, 0, 0, 0)), 18000);
	calendar_free(c);
	spec_fini(&sp);
	tz_free(z);
	tz_free(ny);
}

Test(calendar, always)
{
	struct calendar_spec sp;
	struct calendar *c;
	sla_time a = at(2026, 3, 29, 0, 30, 0);

	spec_init(&sp, NULL);
	sp.always = true;
	holiday(&sp, 2026, 3, 29);	/* ignored: 24x7 has no holidays */
	cr_expect_eq(calendar_day_seconds(&sp), 86400);
	c = calendar_compile(&sp, FROM, TO);
	cr_expect_eq(calendar_interval_count(c), 1);
	expect_interval(c, 0, FROM, TO);
	cr_expect_eq(calendar_business_seconds(c, a, a + 86400), 86400);
	cr_expect_eq(calendar_business_seconds(c, FROM - 100, FROM + 100), 100);
	cr_expect_eq(calendar_business_seconds(c, TO - 100, TO + 100), 100);
	cr_expect_eq(calendar_reach(c, a, 3600), a + 3600);
	cr_expect_eq(calendar_reach(c, FROM - 50, 10), FROM + 10);
	cr_expect_eq(calendar_reach(c, TO - 10, 10), TO);
	cr_expect_eq(calendar_reach(c, TO - 10, 11), INT64_MAX);
	cr_expect(calendar_is_working(c, FROM));
	cr_expect(!calendar_is_working(c, FROM - 1));
	cr_expect(!calendar_is_working(c, TO));
	calendar_free(c);
	spec_fini(&sp);
}

/* Ranges that touch across midnight become one interval; 24:00 is the next
 * day's midnight. */
Test(calendar, touching_ranges_merge)
{
	struct tz *z = load("Europe/Berlin");
	struct calendar_spec sp;
	struct calendar *c;

	spec_init(&sp, z);
	hours(&sp, MON, SUN, "00:00-24:00");
	c = calendar_compile(&sp, at(2026, 3, 28, 0, 0, 0), at(2026, 3, 31, 0, 0, 0));
	cr_expect_eq(calendar_interval_count(c), 1);
	expect_interval(c, 0, at(2026, 3, 28, 0, 0, 0), at(2026, 3, 31, 0, 0, 0));
	/* The local day 2026-03-29 has 23 hours. */
	cr_expect_eq(calendar_business_seconds(c, at(2026, 3, 28, 23, 0, 0),
	    at(2026, 3, 29, 22, 0, 0)), 82800);
	calendar_free(c);

	spec_init(&sp, z);
	hours(&sp, MON, MON, "22:00-24:00");
	c = calendar_compile(&sp, at(2026, 1, 19, 0, 0, 0), at(2026, 1, 21, 0, 0, 0));
	cr_expect_eq(calendar_interval_count(c), 1);
	expect_interval(c, 0, at(2026, 1, 19, 21, 0, 0), at(2026, 1, 19, 23, 0, 0));
	calendar_free(c);
	hours(&sp, TUE, TUE, "00:00-02:00");
	c = calendar_compile(&sp, at(2026, 1, 19, 0, 0, 0), at(2026, 1, 21, 0, 0, 0));
	cr_expect_eq(calendar_interval_count(c), 1);
	expect_interval(c, 0, at(2026, 1, 19, 21, 0, 0), at(2026, 1, 20, 1, 0, 0));
	calendar_free(c);
	spec_fini(&sp);
	tz_free(z);
}

Test(calendar, window_clips)
{
	struct tz *z = load("Europe/Berlin");
	struct calendar_spec sp;
	struct calendar *c;

	spec_init(&sp, z);
	hours(&sp, MON, FRI, "08:00-18:00");
	/* From Mon 2026-01-05 13:00 CET to Sat: 5 h + 4 x 10 h. */
	c = calendar_compile(&sp, at(2026, 1, 5, 12, 0, 0), at(2026, 1, 10, 0, 0, 0));
	cr_expect_eq(calendar_business_seconds(c, at(2026, 1, 1, 0, 0, 0),
	    at(2026, 1, 20, 0, 0, 0)), 45 * 3600);
	expect_interval(c, 0, at(2026, 1, 5, 12, 0, 0), at(2026, 1, 5, 17, 0, 0));
	cr_expect_eq(calendar_reach(c, at(2026, 1, 9, 16, 0, 0), 3601), INT64_MAX);
	cr_expect_eq(calendar_reach(c, at(2026, 1, 9, 16, 0, 0), 3600), at(2026, 1, 9, 17, 0, 0));
	calendar_free(c);
	c = calendar_compile(&sp, TO, FROM);
	cr_expect_eq(calendar_interval_count(c), 0);
	cr_expect_eq(calendar_business_seconds(c, FROM, TO), 0);
	cr_expect_eq(calendar_reach(c, FROM, 1), INT64_MAX);
	calendar_free(c);
	spec_fini(&sp);
	tz_free(z);
}

Test(calendar, reach)
{
	struct tz *z = load("Europe/Berlin");
	struct calendar_spec sp;
	struct calendar *c;
	sla_time fri8 = at(2026, 1, 16, 7, 0, 0), fri17 = at(2026, 1, 16, 16, 0, 0);

	spec_init(&sp, z);
	hours(&sp, MON, FRI, "08:00-18:00");
	c = calendar_compile(&sp, FROM, TO);
	/* A full day from Fri 08:00 ends at Fri 18:00, not at Monday 08:00. */
	cr_expect_eq(calendar_reach(c, fri8, 36000), at(2026, 1, 16, 17, 0, 0));
	cr_expect_eq(calendar_reach(c, fri17, 3600), at(2026, 1, 16, 17, 0, 0));
	/* One second more lands just after the weekend: the end of Mon 08:00:00. */
	cr_expect_eq(calendar_reach(c, fri17, 3601), at(2026, 1, 19, 7, 0, 1));
	cr_expect_eq(calendar_reach(c, at(2026, 1, 17, 11, 0, 0), 1), at(2026, 1, 19, 7, 0, 1));
	cr_expect_eq(calendar_reach(c, fri17, 0), fri17);
	cr_expect_eq(calendar_reach(c, fri17, -5), fri17);
	/* Over the DST weekend: Fri 17:00 CET + 2 h = Mon 2026-03-30 09:00 CEST. */
	cr_expect_eq(calendar_reach(c, at(2026, 3, 27, 16, 0, 0), 7200), at(2026, 3, 30, 7, 0, 0));
	cr_expect_eq(calendar_reach(c, fri8, INT64_MAX), INT64_MAX);
	cr_expect_eq(calendar_reach(c, at(2027, 2, 26, 16, 0, 0), 3601), INT64_MAX);
	cr_expect_eq(calendar_reach(c, at(2027, 2, 26, 16, 0, 0), 3600), at(2027, 2, 26, 17, 0, 0));
	calendar_free(c);
	spec_fini(&sp);
	tz_free(z);
}

/* ---- properties and a brute-force model ---- */

static uint64_t rng_state;

static uint64_t
rnd(uint64_t n)
{
	rng_state = rng_state * 6364136223846793005u + 1442695040888963407u;
	return (rng_state >> 16) % n;
}

/* Berlin: split weekdays, Saturday, a Sunday range across both transitions,
 * holidays right before and after them. */
static void
spec_berlin(struct calendar_spec *sp, const struct tz *z)
{
	spec_init(sp, z);
	hours(sp, MON, FRI, "08:00-12:00,13:00-18:00");
	hours(sp, SAT, SAT, "09:00-13:00");
	hours(sp, SUN, SUN, "01:00-03:30");
	holiday(sp, 2026, 3, 27);
	holiday(sp, 2026, 4, 3);
	holiday(sp, 2026, 4, 6);
	holiday(sp, 2026, 10, 26);
	holiday(sp, 2026, 12, 24);
	holiday(sp, 2026, 12, 25);
	holiday(sp, 2026, 12, 31);
}

static void
spec_new_york(struct calendar_spec *sp, const struct tz *z)
{
	spec_init(sp, z);
	hours(sp, MON, FRI, "09:00-17:00");
	hours(sp, SUN, SUN, "00:30-02:30,22:00-24:00");
	holiday(sp, 2026, 3, 9);
	holiday(sp, 2026, 7, 3);
	holiday(sp, 2026, 11, 26);
	holiday(sp, 2026, 12, 25);
}

/* Instants near the transitions and holidays of 2026, sometimes exactly on an
 * interval boundary, sometimes anywhere in (or just outside) the window. */
static sla_time
random_instant(const struct calendar *c)
{
	static const sla_time anchors[] = {
		1774746000,			/* Berlin spring 2026-03-29 01:00Z */
		1792890000,			/* Berlin autumn 2026-10-25 01:00Z */
		1772953200,			/* New York spring 2026-03-08 07:00Z */
		1793512800,			/* New York autumn 2026-11-01 06:00Z */
		1774569600,			/* 2026-03-27 */
		1775174400,			/* 2026-04-03 */
		1792972800,			/* 2026-10-26 */
		1798070400,			/* 2026-12-24 */
	};
	uint64_t kind = rnd(10);
	size_t n = calendar_interval_count(c);

	if (kind < 6)
		return anchors[rnd(sizeof anchors / sizeof anchors[0])] +
		    (sla_time)rnd(6 * 86400) - 3 * 86400;
	if (kind < 8 && n > 0) {
		sla_time s, e;
		calendar_interval(c, (size_t)rnd(n), &s, &e);
		return (rnd(2) ? s : e) + (sla_time)rnd(3) - 1;
	}
	return FROM - 86400 + (sla_time)rnd((uint64_t)(TO - FROM + 2 * 86400));
}

static void
check_properties(const struct calendar *c, int rounds)
{
	int k;

	for (k = 0; k < rounds; k++) {
		sla_time v[3], t, tmp;
		int64_t ab, bc, ac, n;
		v[0] = random_instant(c);
		v[1] = random_instant(c);
		v[2] = random_instant(c);
		if (v[0] > v[1]) tmp = v[0], v[0] = v[1], v[1] = tmp;
		if (v[1] > v[2]) tmp = v[1], v[1] = v[2], v[2] = tmp;
		if (v[0] > v[1]) tmp = v[0], v[0] = v[1], v[1] = tmp;
		ab = calendar_business_seconds(c, v[0], v[1]);
		bc = calendar_business_seconds(c, v[1], v[2]);
		ac = calendar_business_seconds(c, v[0], v[2]);
		cr_assert_eq(ac, ab + bc, "additivity at %lld %lld %lld", (long long)v[0],
		    (long long)v[1], (long long)v[2]);
		cr_assert(ab >= 0 && ab <= v[1] - v[0]);
		cr_assert_leq(ab, ac);
		cr_assert_eq(calendar_business_seconds(c, v[0], v[1] + 1) - ab,
		    calendar_is_working(c, v[1]) ? 1 : 0);
		if (ab >= 1) {
			t = calendar_reach(c, v[0], ab);
			cr_assert_leq(t, v[1]);
			cr_assert_eq(calendar_business_seconds(c, v[0], t), ab);
			cr_assert_eq(calendar_business_seconds(c, v[0], t - 1), ab - 1);
			cr_assert(calendar_is_working(c, t - 1));
		} else {
			cr_assert_eq(calendar_reach(c, v[0], ab), v[0]);
		}
		n = 1 + (int64_t)rnd(400000);
		t = calendar_reach(c, v[0], n);
		if (t == INT64_MAX) {
			cr_assert_lt(calendar_business_seconds(c, v[0], TO + 86400), n);
		} else {
			cr_assert_eq(calendar_business_seconds(c, v[0], t), n);
			cr_assert_eq(calendar_business_seconds(c, v[0], t - 1), n - 1);
		}
	}
}

Test(calendar, properties)
{
	struct tz *be = load("Europe/Berlin"), *ny = load("America/New_York");
	struct calendar_spec sp;
	struct calendar *c;

	rng_state = 20260329;
	spec_berlin(&sp, be);
	c = calendar_compile(&sp, FROM, TO);
	check_properties(c, 5000);
	calendar_free(c);
	spec_fini(&sp);

	spec_new_york(&sp, ny);
	c = calendar_compile(&sp, FROM, TO);
	check_properties(c, 5000);
	calendar_free(c);
	spec_fini(&sp);

	spec_init(&sp, NULL);
	sp.always = true;
	c = calendar_compile(&sp, FROM, TO);
	check_properties(c, 5000);
	calendar_free(c);
	tz_free(be);
	tz_free(ny);
}

/* The calendar's definition, instant by instant: u works when some range of
 * a non-holiday local day, its ends read through tz_local_to_utc, holds it. */
static bool
model_working(const struct calendar_spec *sp, sla_time u)
{
	int64_t d0, d;
	int i, h;

	if (u < FROM || u >= TO)
		return false;
	if (sp->always)
		return true;
	d0 = civil_day_of(tz_utc_to_local(sp->zone, u));
	for (d = d0 - 1; d <= d0 + 1; d++) {
		int wd = civil_weekday(d);
		bool hol = false;
		for (h = 0; h < sp->nholidays; h++)
			hol = hol || sp->holidays[h] == d;
		if (hol)
			continue;
		for (i = 0; i < sp->nranges[wd]; i++) {
			sla_time s = tz_local_to_utc(sp->zone, d * 86400 + sp->ranges[wd][i].start_min * 60);
			sla_time e = tz_local_to_utc(sp->zone, d * 86400 + sp->ranges[wd][i].end_min * 60);
			if (s <= u && u < e)
				return true;
		}
	}
	return false;
}

/* Per minute: valid because range ends and these zones' offsets are whole
 * minutes, so working time only changes on minute boundaries. */
static int64_t
model_seconds_by_minute(const struct calendar_spec *sp, sla_time a, sla_time b)
{
	int64_t sum = 0;
	sla_time m;

	for (m = a - (a % 60 + 60) % 60; m < b; m += 60) {
		sla_time lo = a > m ? a : m, hi = b < m + 60 ? b : m + 60;
		if (lo < hi && model_working(sp, m))
			sum += hi - lo;
	}
	return sum;
}

static int64_t
model_seconds_by_second(const struct calendar_spec *sp, sla_time a, sla_time b)
{
	int64_t sum = 0;

	for (; a < b; a++)
		sum += model_working(sp, a);
	return sum;
}

static void
compare_with_model(const struct calendar_spec *sp)
{
	struct calendar *c = calendar_compile(sp, FROM, TO);
	int k;

	for (k = 0; k < 300; k++) {
		sla_time a = random_instant(c), b = a + (sla_time)rnd(3 * 86400);
		cr_assert_eq(calendar_business_seconds(c, a, b), model_seconds_by_minute(sp, a, b),
		    "[%lld, %lld)", (long long)a, (long long)b);
	}
	for (k = 0; k < 30; k++) {
		sla_time a = random_instant(c), b = a + (sla_time)rnd(5 * 3600);
		cr_assert_eq(calendar_business_seconds(c, a, b), model_seconds_by_second(sp, a, b),
		    "[%lld, %lld)", (long long)a, (long long)b);
	}
	calendar_free(c);
}

Test(calendar, matches_brute_force)
{
	struct tz *be = load("Europe/Berlin"), *ny = load("America/New_York");
	struct calendar_spec sp;

	rng_state = 1;
	spec_berlin(&sp, be);
	compare_with_model(&sp);
	spec_fini(&sp);
	spec_new_york(&sp, ny);
	compare_with_model(&sp);
	spec_fini(&sp);
	spec_init(&sp, NULL);
	sp.always = true;
	compare_with_model(&sp);
	tz_free(be);
	tz_free(ny);
}

static double
seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Timings for the record (shown with --verbose); nothing here asserts a time. */
Test(calendar, timing)
{
	struct calendar_spec sp;
	struct calendar *c;
	struct tz *z;
	double t0, t_load, t_compile, t_query, t_local;
	int64_t sum = 0, usum = 0;
	int k;

	t0 = seconds_now();
	for (k = 0; k < 20; k++) {
		z = load(k % 2 ? "America/New_York" : "Europe/Berlin");
		tz_free(z);
	}
	t_load = (seconds_now() - t0) / 20;

	z = load("Europe/Berlin");
	spec_init(&sp, z);
	hours(&sp, MON, FRI, "08:00-18:00");
	holiday(&sp, 2026, 12, 24);
	holiday(&sp, 2026, 12, 25);
	holiday(&sp, 2026, 12, 26);
	t0 = seconds_now();
	for (k = 0; k < 200; k++) {
		c = calendar_compile(&sp, FROM, TO);
		calendar_free(c);
	}
	t_compile = (seconds_now() - t0) / 200;

	c = calendar_compile(&sp, FROM, TO);
	rng_state = 99;
	t0 = seconds_now();
	for (k = 0; k < 1000000; k++) {
		sla_time a = FROM + (sla_time)rnd((uint64_t)(TO - FROM));
		sum += calendar_business_seconds(c, a, a + (sla_time)rnd(30 * 86400));
	}
	t_query = seconds_now() - t0;
	t0 = seconds_now();
	for (k = 0; k < 1000000; k++)
		usum += tz_local_to_utc(z, FROM + (sla_time)rnd((uint64_t)(TO - FROM)));
	t_local = seconds_now() - t0;
	/* Weekdays: 2026 has 52 weeks and a Thursday (261), January 2027 21,
	 * February 2027 20; 24 and 25 Dec are holidays (26 Dec is a Saturday). */
	cr_expect_eq(calendar_interval_count(c), 261 + 21 + 20 - 2);
	cr_expect_gt(sum, 0);
	cr_expect_gt(usum, 0);
	cr_log_info("tz_load %.3f ms, compile 14 months %.3f ms, 1e6 business_seconds %.1f ms, "
	    "1e6 tz_local_to_utc %.1f ms", t_load * 1e3, t_compile * 1e3, t_query * 1e3,
	    t_local * 1e3);
	calendar_free(c);
	spec_fini(&sp);
	tz_free(z);
}
