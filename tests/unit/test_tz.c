/* test_tz.c: zone offsets and wall-clock conversion around the 2026 transitions. */
#include <criterion/criterion.h>
#include <glib.h>

#include "tz.h"

/* Wall-clock or UTC reading y-m-d h:mi:s on the UTC scale. */
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

/* Instants from `zdump -v -c 2026,2027 Europe/Berlin America/New_York`:
 * Berlin CET->CEST at 2026-03-29 01:00:00 UT, CEST->CET at 2026-10-25 01:00:00 UT;
 * New York EST->EDT at 2026-03-08 07:00:00 UT, EDT->EST at 2026-11-01 06:00:00 UT. */
Test(tz, berlin_offsets_2026)
{
	struct tz *z = load("Europe/Berlin");
	sla_time spring = at(2026, 3, 29, 1, 0, 0), autumn = at(2026, 10, 25, 1, 0, 0);

	cr_expect_eq(spring, 1774746000);
	cr_expect_str_eq(tz_name(z), "Europe/Berlin");
	cr_expect_eq(tz_offset_at(z, spring - 1), 3600);
	cr_expect_eq(tz_offset_at(z, spring), 7200);
	cr_expect_eq(tz_offset_at(z, autumn - 1), 7200);
	cr_expect_eq(tz_offset_at(z, autumn), 3600);
	cr_expect_eq(tz_offset_at(z, at(2026, 1, 15, 12, 0, 0)), 3600);
	cr_expect_eq(tz_offset_at(z, at(2026, 7, 1, 12, 0, 0)), 7200);
	cr_expect_eq(tz_utc_to_local(z, spring - 1), at(2026, 3, 29, 1, 59, 59));
	cr_expect_eq(tz_utc_to_local(z, spring), at(2026, 3, 29, 3, 0, 0));
	cr_expect_eq(tz_utc_to_local(z, autumn - 1), at(2026, 10, 25, 2, 59, 59));
	cr_expect_eq(tz_utc_to_local(z, autumn), at(2026, 10, 25, 2, 0, 0));
	tz_free(z);
}

Test(tz, new_york_offsets_2026)
{
	struct tz *z = load("America/New_York");
	sla_time spring = at(2026, 3, 8, 7, 0, 0), autumn = at(2026, 11, 1, 6, 0, 0);

	cr_expect_eq(tz_offset_at(z, spring - 1), -18000);
	cr_expect_eq(tz_offset_at(z, spring), -14400);
	cr_expect_eq(tz_offset_at(z, autumn - 1), -14400);
	cr_expect_eq(tz_offset_at(z, autumn), -18000);
	cr_expect_eq(tz_utc_to_local(z, spring), at(2026, 3, 8, 3, 0, 0));
	cr_expect_eq(tz_utc_to_local(z, autumn), at(2026, 11, 1, 1, 0, 0));
	tz_free(z);
}

/* Far ends of the table, from `zdump -v -c 2199,2200` and `-c 1970,1981`. */
Test(tz, table_covers_supported_years)
{
	struct tz *z = load("Europe/Berlin");
	struct tz *ny = load("America/New_York");

	cr_expect_eq(tz_offset_at(z, 0), 3600);
	cr_expect_eq(tz_offset_at(z, at(1979, 7, 1, 0, 0, 0)), 3600);	/* no DST yet */
	cr_expect_eq(tz_offset_at(z, at(1980, 4, 6, 0, 59, 59)), 3600);
	cr_expect_eq(tz_offset_at(z, at(1980, 4, 6, 1, 0, 0)), 7200);
	cr_expect_eq(tz_offset_at(z, at(1980, 9, 28, 1, 0, 0)), 3600);
	cr_expect_eq(tz_offset_at(z, at(2199, 3, 31, 0, 59, 59)), 3600);
	cr_expect_eq(tz_offset_at(z, at(2199, 3, 31, 1, 0, 0)), 7200);
	cr_expect_eq(tz_offset_at(z, at(2199, 10, 27, 1, 0, 0)), 3600);
	cr_expect_eq(tz_offset_at(ny, at(2199, 3, 10, 6, 59, 59)), -18000);
	cr_expect_eq(tz_offset_at(ny, at(2199, 3, 10, 7, 0, 0)), -14400);
	cr_expect_eq(tz_offset_at(ny, at(2199, 11, 3, 6, 0, 0)), -18000);
	tz_free(z);
	tz_free(ny);
}

Test(tz, berlin_gap_and_repeated_hour)
{
	struct tz *z = load("Europe/Berlin");

	/* 02:00-03:00 does not exist on 2026-03-29: it means the transition. */
	cr_expect_eq(tz_local_to_utc(z, at(2026, 3, 29, 1, 59, 59)), at(2026, 3, 29, 0, 59, 59));
	cr_expect_eq(tz_local_to_utc(z, at(2026, 3, 29, 2, 0, 0)), at(2026, 3, 29, 1, 0, 0));
	cr_expect_eq(tz_local_to_utc(z, at(2026, 3, 29, 2, 30, 0)), at(2026, 3, 29, 1, 0, 0));
	cr_expect_eq(tz_local_to_utc(z, at(2026, 3, 29, 2, 59, 59)), at(2026, 3, 29, 1, 0, 0));
	cr_expect_eq(tz_local_to_utc(z, at(2026, 3, 29, 3, 0, 0)), at(2026, 3, 29, 1, 0, 0));
	cr_expect_eq(tz_local_to_utc(z, at(2026, 3, 29, 3, 0, 1)), at(2026, 3, 29, 1, 0, 1));
	/* 02:00-03:00 happens twice on 2026-10-25: the first (CEST) one counts. */
	cr_expect_eq(tz_local_to_utc(z, at(2026, 10, 25, 1, 59, 59)), at(2026, 10, 24, 23, 59, 59));
	cr_expect_eq(tz_local_to_utc(z, at(2026, 10, 25, 2, 0, 0)), at(2026, 10, 25, 0, 0, 0));
	cr_expect_eq(tz_local_to_utc(z, at(2026, 10, 25, 2, 30, 0)), at(2026, 10, 25, 0, 30, 0));
	cr_expect_eq(tz_local_to_utc(z, at(2026, 10, 25, 2, 59, 59)), at(2026, 10, 25, 0, 59, 59));
	cr_expect_eq(tz_local_to_utc(z, at(2026, 10, 25, 3, 0, 0)), at(2026, 10, 25, 2, 0, 0));
	/* Plain winter and summer readings. */
	cr_expect_eq(tz_local_to_utc(z, at(2026, 1, 15, 12, 0, 0)), at(2026, 1, 15, 11, 0, 0));
	cr_expect_eq(tz_local_to_utc(z, at(2026, 7, 1, 12, 0, 0)), at(2026, 7, 1, 10, 0, 0));
	tz_free(z);
}

Test(tz, new_york_gap_and_repeated_hour)
{
	struct tz *z = load("America/New_York");

	cr_expect_eq(tz_local_to_utc(z, at(2026, 3, 8, 1, 59, 59)), at(2026, 3, 8, 6, 59, 59));
	cr_expect_eq(tz_local_to_utc(z, at(2026, 3, 8, 2, 30, 0)), at(2026, 3, 8, 7, 0, 0));
	cr_expect_eq(tz_local_to_utc(z, at(2026, 3, 8, 3, 0, 0)), at(2026, 3, 8, 7, 0, 0));
	cr_expect_eq(tz_local_to_utc(z, at(2026, 11, 1, 0, 59, 59)), at(2026, 11, 1, 4, 59, 59));
	cr_expect_eq(tz_local_to_utc(z, at(2026, 11, 1, 1, 30, 0)), at(2026, 11, 1, 5, 30, 0));
	cr_expect_eq(tz_local_to_utc(z, at(2026, 11, 1, 2, 0, 0)), at(2026, 11, 1, 7, 0, 0));
	tz_free(z);
}

Test(tz, utc_zone)
{
	struct tz *z = load("UTC");
	sla_time t;

	for (t = 0; t < at(2199, 12, 31, 0, 0, 0); t += 86400 * 97 + 3601) {
		cr_assert_eq(tz_offset_at(z, t), 0);
		cr_assert_eq(tz_local_to_utc(z, t), t);
		cr_assert_eq(tz_utc_to_local(z, t), t);
	}
	tz_free(z);
	z = load("Etc/UTC");
	cr_expect_eq(tz_offset_at(z, 1774746000), 0);
	tz_free(z);
}

Test(tz, unknown_zones)
{
	static const char *const bad[] = {
		"Mars/Olympus", "", "../etc/passwd", "Europe/../Europe/Berlin",
		"/usr/share/zoneinfo/Europe/Berlin", "Europe/Berlin ", "europe/berlin",
		"ABC3", "CET-1CEST,M3.5.0,M10.5.0/3", "+01:00", "Europe/", "Europe//Berlin",
		"Europe", "zone.tab", "Europe/Berlin\n", "Europe/.Berlin",
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_expect_null(tz_load(bad[i]), "\"%s\" loaded", bad[i]);
	cr_expect_null(tz_load(NULL));
	tz_free(NULL);
}

/* The offset table against GLib itself, at random instants over all years. */
Test(tz, agrees_with_glib)
{
	static const char *const names[] = {
		"Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata",
		"America/Sao_Paulo", "Africa/Casablanca", "Australia/Lord_Howe", "Asia/Tehran",
	};
	uint64_t s = 42;
	size_t i;
	int k;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct tz *z = load(names[i]);
		GTimeZone *g = g_time_zone_new_identifier(names[i]);
		cr_assert_not_null(g);
		for (k = 0; k < 20000; k++) {
			sla_time t;
			int want;
			s = s * 6364136223846793005u + 1442695040888963407u;
			t = (sla_time)((s >> 11) % (uint64_t)at(2200, 1, 1, 0, 0, 0));
			want = g_time_zone_get_offset(g,
			    g_time_zone_find_interval(g, G_TIME_TYPE_UNIVERSAL, t));
			cr_assert_eq(tz_offset_at(z, t), want, "%s at %lld", names[i], (long long)t);
		}
		g_time_zone_unref(g);
		tz_free(z);
	}
}

/* local->UTC is the earliest instant whose reading is at least local. Checked
 * by brute force at readings near every 2026 transition. */
Test(tz, local_to_utc_is_earliest)
{
	static const char *const names[] = { "Europe/Berlin", "America/New_York",
		"Australia/Lord_Howe" };
	uint64_t s = 7;
	size_t i;
	int k;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct tz *z = load(names[i]);
		/* Sundays 00:00-04:59 of 2026 hold all these zones' transitions. */
		for (k = 0; k < 52 * 6; k++) {
			sla_time local, u, v;
			s = s * 6364136223846793005u + 1442695040888963407u;
			local = at(2026, 1, 4, 0, 0, 0) + (sla_time)(k / 6) * 7 * 86400 +
			    (sla_time)((s >> 40) % 18000);
			u = tz_local_to_utc(z, local);
			cr_assert_geq(u + tz_offset_at(z, u), local);
			for (v = u - 7200; v < u; v++)
				cr_assert_lt(v + tz_offset_at(z, v), local, "%s: %lld before %lld",
				    names[i], (long long)v, (long long)u);
		}
		tz_free(z);
	}
}

/* Every instant reads back to itself, except in the second pass of a repeated hour. */
Test(tz, round_trip)
{
	struct tz *z = load("Europe/Berlin");
	sla_time t, second_start = at(2026, 10, 25, 1, 0, 0);

	for (t = at(2026, 10, 24, 22, 0, 0); t < at(2026, 10, 25, 4, 0, 0); t += 17) {
		sla_time back = tz_local_to_utc(z, tz_utc_to_local(z, t));
		if (t >= second_start && t < second_start + 3600)
			cr_assert_eq(back, t - 3600);
		else
			cr_assert_eq(back, t);
	}
	tz_free(z);
}
