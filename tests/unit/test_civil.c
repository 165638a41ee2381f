/* test_civil.c: day arithmetic and RFC 3339 parsing against hand-computed dates. */
#include <criterion/criterion.h>
#include <string.h>

#include "civil.h"

/* 2026-01-01T00:00:00Z is 1767225600 (date -d 2026-01-01Z +%s): day 20454. */
#define D2026 INT64_C(20454)

Test(civil, known_days_both_ways)
{
	int y, m, d;

	cr_expect_eq(civil_days(1970, 1, 1), 0);
	cr_expect_eq(civil_days(1970, 1, 2), 1);
	cr_expect_eq(civil_days(1969, 12, 31), -1);
	cr_expect_eq(civil_days(1971, 1, 1), 365);
	cr_expect_eq(civil_days(1973, 1, 1), 365 + 365 + 366);	/* 1972 is leap */
	cr_expect_eq(civil_days(2000, 1, 1), 10957);		/* 946684800 / 86400 */
	cr_expect_eq(civil_days(2000, 2, 29), 10957 + 31 + 28);
	cr_expect_eq(civil_days(2000, 3, 1), 10957 + 31 + 29);
	cr_expect_eq(civil_days(2026, 1, 1), D2026);
	cr_expect_eq(civil_days(2026, 3, 29), D2026 + 31 + 28 + 28);
	/* 1970..2199 holds 230 years, 56 of them leap (1972..2196 by 4, minus 2100). */
	cr_expect_eq(civil_days(2200, 1, 1), 230 * 365 + 56);

	civil_from_days(0, &y, &m, &d);
	cr_expect(y == 1970 && m == 1 && d == 1);
	civil_from_days(-1, &y, &m, &d);
	cr_expect(y == 1969 && m == 12 && d == 31);
	civil_from_days(10957 + 31 + 28, &y, &m, &d);
	cr_expect(y == 2000 && m == 2 && d == 29, "got %d-%d-%d", y, m, d);
	civil_from_days(D2026 + 87, &y, &m, &d);
	cr_expect(y == 2026 && m == 3 && d == 29);
	civil_from_days(D2026 + 364, &y, &m, &d);
	cr_expect(y == 2026 && m == 12 && d == 31);
}

Test(civil, round_trip_every_day)
{
	int64_t days = civil_days(1970, 1, 1);
	int y, m, d, yy, mm, dd;

	for (y = 1970; y <= 2199; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= civil_days_in_month(y, m); d++) {
				cr_assert_eq(civil_days(y, m, d), days, "%d-%d-%d", y, m, d);
				civil_from_days(days, &yy, &mm, &dd);
				cr_assert(yy == y && mm == m && dd == d);
				days++;
			}
}

Test(civil, weekdays)
{
	cr_expect_eq(civil_weekday(0), 3);			/* Thursday */
	cr_expect_eq(civil_weekday(-1), 2);			/* Wednesday */
	cr_expect_eq(civil_weekday(4), 0);			/* 1970-01-05 Monday */
	cr_expect_eq(civil_weekday(-7), 3);
	cr_expect_eq(civil_weekday(-8), 2);
	cr_expect_eq(civil_weekday(civil_days(2000, 2, 29)), 1);	/* Tuesday */
	cr_expect_eq(civil_weekday(civil_days(2026, 3, 29)), 6);	/* Sunday */
	cr_expect_eq(civil_weekday(civil_days(2026, 1, 16)), 4);	/* Friday */
	cr_expect_eq(civil_weekday(civil_days(2026, 12, 24)), 3);	/* Thursday */
}

Test(civil, days_in_month)
{
	cr_expect_eq(civil_days_in_month(2026, 1), 31);
	cr_expect_eq(civil_days_in_month(2026, 2), 28);
	cr_expect_eq(civil_days_in_month(2024, 2), 29);
	cr_expect_eq(civil_days_in_month(2000, 2), 29);
	cr_expect_eq(civil_days_in_month(2100, 2), 28);
	cr_expect_eq(civil_days_in_month(1900, 2), 28);
	cr_expect_eq(civil_days_in_month(2026, 4), 30);
	cr_expect_eq(civil_days_in_month(2026, 9), 30);
	cr_expect_eq(civil_days_in_month(2026, 12), 31);
	cr_expect_eq(civil_days_in_month(2026, 13), 0);
	cr_expect_eq(civil_days_in_month(2026, 0), 0);
}

Test(civil, day_of_floors)
{
	cr_expect_eq(civil_day_of(0), 0);
	cr_expect_eq(civil_day_of(86399), 0);
	cr_expect_eq(civil_day_of(86400), 1);
	cr_expect_eq(civil_day_of(-1), -1);
	cr_expect_eq(civil_day_of(-86400), -1);
	cr_expect_eq(civil_day_of(-86401), -2);
	cr_expect_eq(civil_day_of(1774746000), D2026 + 87);	/* 2026-03-29T01:00Z */
}

static struct civil_stamp
ok(const char *s)
{
	struct civil_stamp st;
	const char *err = civil_parse_stamp(s, strlen(s), &st);

	cr_assert_null(err, "\"%s\": %s", s, err ? err : "");
	return st;
}

/* 2026-03-29T01:30:00 on the UTC scale. */
#define T0130 ((D2026 + 87) * 86400 + 5400)

Test(civil, parse_forms)
{
	struct civil_stamp st;

	st = ok("2026-03-29T01:30:00Z");
	cr_expect(st.local == T0130 && st.has_offset && st.offset_s == 0);
	st = ok("2026-03-29t01:30:00z");
	cr_expect(st.local == T0130 && st.has_offset && st.offset_s == 0);
	st = ok("2026-03-29 01:30:00+02:00");
	cr_expect(st.local == T0130 && st.has_offset && st.offset_s == 7200);
	st = ok("2026-03-29T01:30:00-05:30");
	cr_expect(st.local == T0130 && st.offset_s == -19800);
	st = ok("2026-03-29T01:30:00+0530");
	cr_expect(st.local == T0130 && st.offset_s == 19800);
	st = ok("2026-03-29T01:30:00-03");
	cr_expect(st.local == T0130 && st.has_offset && st.offset_s == -10800);
	st = ok("2026-03-29T01:30:00-00:00");
	cr_expect(st.local == T0130 && st.has_offset && st.offset_s == 0);
	st = ok("2026-03-29T01:30:00");
	cr_expect(st.local == T0130 && !st.has_offset);
	st = ok("2026-03-29T01:30");
	cr_expect(st.local == T0130 && !st.has_offset);
	st = ok("2026-03-29T01:30+01:00");
	cr_expect(st.local == T0130 && st.has_offset && st.offset_s == 3600);
	/* Fractions of any length are cut off, never rounded. */
	st = ok("2026-03-29T01:30:59.999999999999Z");
	cr_expect(st.local == T0130 + 59 && st.has_offset);
	st = ok("2026-03-29T01:30:00.5");
	cr_expect(st.local == T0130 && !st.has_offset);
	st = ok("2026-03-29T01:30:00.123+01:00");
	cr_expect(st.local == T0130 && st.offset_s == 3600);
	/* A leap second reads as the second before; 2017-01-01 is 1483228800. */
	st = ok("2016-12-31T23:59:60Z");
	cr_expect_eq(st.local, 1483228799);
	st = ok("1970-01-01T00:00:00Z");
	cr_expect_eq(st.local, 0);
	st = ok("2199-12-31T23:59:59Z");
	cr_expect_eq(st.local, (int64_t)(230 * 365 + 56) * 86400 - 1);
	st = ok("2000-02-29T12:00:00Z");
	cr_expect_eq(st.local, (int64_t)(10957 + 59) * 86400 + 43200);
}

Test(civil, parse_respects_length)
{
	const char *s = "2026-03-29T01:30:00Zjunk";
	struct civil_stamp st;

	cr_expect_null(civil_parse_stamp(s, 20, &st));
	cr_expect_eq(st.local, T0130);
	cr_expect_str_eq(civil_parse_stamp(s, 18, &st), "expected 2-digit second");
	cr_expect_str_eq(civil_parse_stamp(s, 21, &st), "unexpected 'j' after timestamp");
}

struct bad {
	const char *in, *msg;
};

Test(civil, parse_malformed)
{
	static const struct bad cases[] = {
		{ "", "empty timestamp" },
		{ "26-03-29T10:00:00Z", "expected 4-digit year" },
		{ "2026/03/29T10:00:00Z", "expected '-' after year" },
		{ "2026-3-29T10:00:00Z", "expected 2-digit month" },
		{ "2026-03/29T10:00:00Z", "expected '-' after month" },
		{ "2026-03-9T10:00:00Z", "expected 2-digit day" },
		{ "2026-13-01T00:00:00Z", "month 13 out of range" },
		{ "2026-00-10T00:00:00Z", "month 00 out of range" },
		{ "2026-02-29T00:00:00Z", "day 29 out of range for 2026-02" },
		{ "2026-04-31T00:00:00Z", "day 31 out of range for 2026-04" },
		{ "2026-04-00T00:00:00Z", "day 00 out of range for 2026-04" },
		{ "2026-03-29", "expected 'T' after date" },
		{ "2026-03-29X10:00:00", "expected 'T' after date" },
		{ "9999-01-01T00:00:00Z", "year 9999 outside 1970-2199" },
		{ "1969-12-31T23:59:59Z", "year 1969 outside 1970-2199" },
		{ "2200-01-01T00:00:00Z", "year 2200 outside 1970-2199" },
		{ "2026-03-29T1:00:00", "expected 2-digit hour" },
		{ "2026-03-29T10", "expected ':' after hour" },
		{ "2026-03-29T10:0", "expected 2-digit minute" },
		{ "2026-03-29T10:00:0Z", "expected 2-digit second" },
		{ "2026-03-29T24:00:00Z", "hour 24 out of range" },
		{ "2026-03-29T10:60:00Z", "minute 60 out of range" },
		{ "2026-03-29T10:00:61Z", "second 61 out of range" },
		{ "2026-03-29T10:00:00.Z", "expected digits after '.'" },
		{ "2026-03-29T10:00.5", "unexpected '.' after timestamp" },
		{ "2026-03-29T10:00:00+1", "expected 2-digit offset hour" },
		{ "2026-03-29T10:00:00+01:", "expected 2-digit offset minute" },
		{ "2026-03-29T10:00:00+011", "expected 2-digit offset minute" },
		{ "2026-03-29T10:00:00+24:00", "offset hour 24 out of range" },
		{ "2026-03-29T10:00:00+01:60", "offset minute 60 out of range" },
		{ "2026-03-29T10:00:00ZZ", "unexpected 'Z' after timestamp" },
		{ "2026-03-29T10:00:00Z ", "unexpected ' ' after timestamp" },
		{ "2026-03-29T10:00:00 +01:00", "unexpected ' ' after timestamp" },
		{ "2026-03-29T10:00:00+01:00:00", "unexpected ':' after timestamp" },
		{ " 2026-03-29T10:00:00Z", "expected 4-digit year" },
		{ "2026-03-29T10:00:00\xc3\xa4", "unexpected character after timestamp" },
	};
	struct civil_stamp st;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *err = civil_parse_stamp(cases[i].in, strlen(cases[i].in), &st);
		cr_expect_not_null(err, "\"%s\" accepted", cases[i].in);
		if (err)
			cr_expect_str_eq(err, cases[i].msg, "\"%s\"", cases[i].in);
	}
}

Test(civil, messages_survive_next_call)
{
	struct civil_stamp st;
	const char *a = civil_parse_stamp("2026-13-01T00:00:00Z", 20, &st);
	const char *b = civil_parse_stamp("2026-01-32T00:00:00Z", 20, &st);

	cr_expect_str_eq(a, "month 13 out of range");
	cr_expect_str_eq(b, "day 32 out of range for 2026-01");
}

Test(civil, parse_date)
{
	int64_t d = -42;

	cr_expect_null(civil_parse_date("2000-02-29", 10, &d));
	cr_expect_eq(d, 10957 + 59);
	cr_expect_null(civil_parse_date("2026-12-24", 10, &d));
	cr_expect_eq(d, D2026 + 334 + 23);
	cr_expect_str_eq(civil_parse_date("2026-02-29", 10, &d), "day 29 out of range for 2026-02");
	cr_expect_str_eq(civil_parse_date("2026-12-24x", 11, &d), "unexpected 'x' after date");
	cr_expect_str_eq(civil_parse_date("2026-12-24T00:00", 16, &d), "unexpected 'T' after date");
	cr_expect_str_eq(civil_parse_date("", 0, &d), "empty date");
	cr_expect_str_eq(civil_parse_date("1492-10-12", 10, &d), "year 1492 outside 1970-2199");
}

Test(civil, parse_hhmm)
{
	int m = -1;

	cr_expect_null(civil_parse_hhmm("08:00", 5, &m));
	cr_expect_eq(m, 480);
	cr_expect_null(civil_parse_hhmm("00:00", 5, &m));
	cr_expect_eq(m, 0);
	cr_expect_null(civil_parse_hhmm("23:59", 5, &m));
	cr_expect_eq(m, 1439);
	cr_expect_null(civil_parse_hhmm("24:00", 5, &m));
	cr_expect_eq(m, 1440);
	cr_expect_str_eq(civil_parse_hhmm("24:30", 5, &m), "hour 24 out of range");
	cr_expect_str_eq(civil_parse_hhmm("12:60", 5, &m), "minute 60 out of range");
	cr_expect_str_eq(civil_parse_hhmm("8:00", 4, &m), "expected 2-digit hour");
	cr_expect_str_eq(civil_parse_hhmm("0800", 4, &m), "expected ':' after hour");
	cr_expect_str_eq(civil_parse_hhmm("08:00:00", 8, &m), "unexpected ':' after time");
}

Test(civil, format)
{
	char buf[21], date[11], month[8];

	civil_format_utc(0, buf);
	cr_expect_str_eq(buf, "1970-01-01T00:00:00Z");
	civil_format_utc(1774746000, buf);
	cr_expect_str_eq(buf, "2026-03-29T01:00:00Z");
	civil_format_utc(1774746000 + 3599, buf);
	cr_expect_str_eq(buf, "2026-03-29T01:59:59Z");
	civil_format_utc(-1, buf);
	cr_expect_str_eq(buf, "1969-12-31T23:59:59Z");
	civil_format_utc((int64_t)(230 * 365 + 56) * 86400 - 1, buf);
	cr_expect_str_eq(buf, "2199-12-31T23:59:59Z");
	civil_format_date(10957 + 59, date);
	cr_expect_str_eq(date, "2000-02-29");
	civil_format_month(2026, 3, month);
	cr_expect_str_eq(month, "2026-03");
	civil_format_month(2026, 12, month);
	cr_expect_str_eq(month, "2026-12");
}
