/* test_maintenance.c: windows cut out of compiled calendars (SPEC §8 Exclusions). */
#include <criterion/criterion.h>
#include <string.h>

#include "calendar.h"

static sla_time
at(int y, int m, int d, int h, int mi)
{
	return civil_days(y, m, d) * 86400 + h * 3600 + mi * 60;
}

Test(maintenance, subtract_splits_and_trims)
{
	struct calendar_spec sp;
	struct calendar *c;
	sla_time d0 = at(2026, 6, 1, 0, 0), d1 = at(2026, 6, 3, 0, 0);

	memset(&sp, 0, sizeof sp);
	sp.always = true;
	c = calendar_compile(&sp, d0, d1);
	cr_assert_eq(calendar_interval_count(c), 1);
	/* Inside: one interval becomes two. */
	calendar_subtract(c, at(2026, 6, 1, 10, 0), at(2026, 6, 1, 12, 0));
	cr_assert_eq(calendar_interval_count(c), 2);
	cr_assert_eq(calendar_business_seconds(c, d0, d1), 48 * 3600 - 2 * 3600);
	/* Overlapping the first cut and a working stretch: counted once. */
	calendar_subtract(c, at(2026, 6, 1, 11, 0), at(2026, 6, 1, 13, 0));
	cr_assert_eq(calendar_business_seconds(c, d0, d1), 48 * 3600 - 3 * 3600);
	/* Reaching past the compiled end, and an empty window. */
	calendar_subtract(c, at(2026, 6, 2, 23, 0), at(2026, 6, 4, 0, 0));
	calendar_subtract(c, at(2026, 6, 2, 5, 0), at(2026, 6, 2, 5, 0));
	cr_assert_eq(calendar_business_seconds(c, d0, d1), 48 * 3600 - 4 * 3600);
	/* A budget running into the window continues after it. */
	cr_assert_eq(calendar_reach(c, at(2026, 6, 1, 9, 0), 3601), at(2026, 6, 1, 13, 0) + 1);
	cr_assert(!calendar_is_working(c, at(2026, 6, 1, 12, 30)));
	cr_assert(calendar_is_working(c, at(2026, 6, 1, 13, 0)));
	calendar_free(c);
}
