/* test_i18n.c: message tables and locale formats (suite i18n). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cJSON.h>

#include "i18n.h"
#include "resource.h"
#include "util.h"

#define NBSP "\xC2\xA0"

/* Each formatter into a fresh string; the caller frees it. */
static char *
pct(struct i18n *t, double v, int d)
{
	struct strbuf sb = {0};
	i18n_percent(t, &sb, v, d);
	return strbuf_detach(&sb, NULL);
}

static char *
num(struct i18n *t, double v, int d)
{
	struct strbuf sb = {0};
	i18n_number(t, &sb, v, d);
	return strbuf_detach(&sb, NULL);
}

static char *
month(struct i18n *t, int y, int m, int long_form)
{
	struct strbuf sb = {0};
	i18n_month(t, &sb, y * 12 + m - 1, long_form);
	return strbuf_detach(&sb, NULL);
}

static char *
dur(struct i18n *t, int64_t s)
{
	struct strbuf sb = {0};
	i18n_duration(t, &sb, s);
	return strbuf_detach(&sb, NULL);
}

#define EXPECT_FMT(call, want) do { char *got_ = (call); \
	cr_expect_str_eq(got_, want, "%s: got \"%s\", want \"%s\"", #call, got_, want); \
	free(got_); } while (0)

Test(i18n, english_formats)
{
	struct i18n *t = i18n_load("en");

	cr_expect_str_eq(i18n_lang(t), "en");
	EXPECT_FMT(pct(t, 95.3, 1), "95.3%");
	EXPECT_FMT(pct(t, 100, 0), "100%");
	EXPECT_FMT(num(t, 1234.5, 1), "1,234.5");
	EXPECT_FMT(num(t, 1234567, 0), "1,234,567");
	EXPECT_FMT(num(t, 999, 0), "999");
	EXPECT_FMT(num(t, -1234567.25, 2), "-1,234,567.25");
	EXPECT_FMT(num(t, -0.04, 1), "0.0");
	EXPECT_FMT(num(t, NAN, 1), "n/a");
	EXPECT_FMT(month(t, 2026, 10, 0), "Oct 2026");
	EXPECT_FMT(month(t, 2026, 10, 1), "October 2026");
	EXPECT_FMT(month(t, 2025, 1, 0), "Jan 2025");
	EXPECT_FMT(dur(t, 4 * 3600 + 30 * 60), "4h 30m");
	EXPECT_FMT(dur(t, 4 * 3600), "4h");
	EXPECT_FMT(dur(t, 100 * 3600 + 59), "100h");
	EXPECT_FMT(dur(t, 125), "2m 5s");
	EXPECT_FMT(dur(t, 12 * 60 + 5), "12m");
	EXPECT_FMT(dur(t, 0), "0s");
	EXPECT_FMT(dur(t, -1), "n/a");
	cr_expect_str_eq(i18n_month_name(t, 9, 0), "Oct");
	cr_expect_str_eq(i18n_month_name(t, 9, 1), "October");
	i18n_free(t);
}

static char *
figure(struct i18n *t, double v)
{
	struct strbuf sb = {0};
	i18n_figure_percent(t, &sb, v);
	return strbuf_detach(&sb, NULL);
}

/* Issue 13: one formatter for every figure, rounding half away from zero to one
 * decimal. The values of the October report (87.096 printed "87%" in a chart and
 * "87.1%" beside it; 77.78 and 93.75 were truncated to 77.7 and 93.7), values
 * exactly halfway (printf would round 87.25 to 87.2, half to even on the binary
 * value), just below and above, and the whole-number edge. */
Test(i18n, figure_rounds_half_away_from_zero)
{
	struct i18n *t = i18n_load("en"), *de = i18n_load("de");

	EXPECT_FMT(figure(t, 87.096), "87.1%");
	EXPECT_FMT(figure(t, 77.78), "77.8%");
	EXPECT_FMT(figure(t, 93.75), "93.8%");
	EXPECT_FMT(figure(t, 87.25), "87.3%");
	EXPECT_FMT(figure(t, 87.249999), "87.2%");
	EXPECT_FMT(figure(t, 0.05), "0.1%");
	EXPECT_FMT(figure(t, 0.15), "0.2%");
	EXPECT_FMT(figure(t, 0.04), "0%");
	EXPECT_FMT(figure(t, 99.95), "100%");
	EXPECT_FMT(figure(t, 99.94), "99.9%");
	EXPECT_FMT(figure(t, 100), "100%");
	EXPECT_FMT(figure(t, 95), "95%");
	EXPECT_FMT(figure(t, 94.96), "95%");
	EXPECT_FMT(figure(t, 0), "0%");
	EXPECT_FMT(figure(t, 66.666666), "66.7%");
	EXPECT_FMT(figure(t, 33.333333), "33.3%");
	EXPECT_FMT(figure(t, -12.25), "-12.3%");
	EXPECT_FMT(figure(t, NAN), "n/a");
	EXPECT_FMT(figure(de, 87.25), "87,3" NBSP "%");
	EXPECT_FMT(figure(de, 93.75), "93,8" NBSP "%");
	/* The plain number formatter rounds the same way at any precision. */
	EXPECT_FMT(num(t, 2.5, 0), "3");
	EXPECT_FMT(num(t, -2.5, 0), "-3");
	EXPECT_FMT(num(t, 1234.125, 2), "1,234.13");
	EXPECT_FMT(num(t, 0.5, 0), "1");
	EXPECT_FMT(num(t, 1e17, 1), "100,000,000,000,000,000.0");
	i18n_free(t);
	i18n_free(de);
}

Test(i18n, german_formats)
{
	struct i18n *t = i18n_load("de");

	cr_expect_str_eq(i18n_lang(t), "de");
	EXPECT_FMT(pct(t, 95.3, 1), "95,3" NBSP "%");
	EXPECT_FMT(num(t, 1234.5, 1), "1.234,5");
	EXPECT_FMT(num(t, 1234567, 0), "1.234.567");
	EXPECT_FMT(num(t, NAN, 0), "k. A.");
	EXPECT_FMT(month(t, 2026, 10, 0), "Okt. 2026");
	EXPECT_FMT(month(t, 2026, 10, 1), "Oktober 2026");
	EXPECT_FMT(month(t, 2026, 3, 0), "März 2026");
	EXPECT_FMT(dur(t, 4 * 3600 + 30 * 60), "4 Std. 30 Min.");
	cr_expect_str_eq(i18n_text(t, "common.severity"), "Priorität %s");
	i18n_free(t);
}

Test(i18n, locale_names)
{
	static const char *const de[] = { "de", "de-DE", "de_DE.UTF-8", "DE", "de_AT" };
	static const char *const en[] = { "en", "en-US", "en_GB", "fr", "", "x-y", "../../etc",
		"EN_us", "fr-FR" };
	size_t i;

	for (i = 0; i < sizeof de / sizeof *de; i++) {
		struct i18n *t = i18n_load(de[i]);
		cr_expect_str_eq(i18n_lang(t), "de", "%s", de[i]);
		i18n_free(t);
	}
	for (i = 0; i < sizeof en / sizeof *en; i++) {
		struct i18n *t = i18n_load(en[i]);
		cr_expect_str_eq(i18n_lang(t), "en", "%s", en[i]);
		i18n_free(t);
	}
	struct i18n *t = i18n_load(NULL);
	cr_expect_str_eq(i18n_lang(t), "en");
	i18n_free(t);
}

Test(i18n, lookup_and_missing_keys)
{
	struct i18n *t = i18n_load("en");

	cr_expect_str_eq(i18n_text(t, "chart.attainment.legend_goal"), "goal");
	cr_expect_str_eq(i18n_text(t, "no.such.key"), "no.such.key");
	/* A key naming an object, not a string, prints as itself too. */
	cr_expect_str_eq(i18n_text(t, "chart"), "chart");
	cr_expect(cJSON_IsObject(cJSON_GetObjectItem(i18n_messages(t), "chart")));
	i18n_free(t);
}

Test(i18n, placeholders)
{
	struct i18n *t = i18n_load("en");
	struct strbuf sb = {0};
	const char *args[] = { "a", "b" };

	i18n_subst(&sb, "%2$s-%1$s %s%s %% %d %3$s|", 2, args);
	cr_expect_str_eq(sb.data, "b-a ab % %d |");
	strbuf_free(&sb);
	i18n_format(t, &sb, "common.no_items", "Oct 2026", (char *)NULL);
	cr_expect_str_eq(sb.data, "No items in Oct 2026");
	strbuf_free(&sb);
	i18n_free(t);
}

/* Every key of en.json is in de.json with the same kind of value: the German
 * table is complete, and the site, PDF and charts may rely on every key. */
static void
same_keys(const cJSON *en, const cJSON *de, const char *path)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, en) {
		const cJSON *d = cJSON_GetObjectItemCaseSensitive(de, e->string);
		cr_expect_not_null(d, "de.json lacks %s%s", path, e->string);
		if (d == NULL)
			continue;
		cr_expect_eq(e->type & 0xFF, d->type & 0xFF, "%s%s differs in type", path,
		    e->string);
		if (cJSON_IsObject(e)) {
			char *sub = xasprintf("%s%s.", path, e->string);
			same_keys(e, d, sub);
			free(sub);
		} else if (cJSON_IsArray(e))
			cr_expect_eq(cJSON_GetArraySize(e), cJSON_GetArraySize(d), "%s%s", path,
			    e->string);
	}
}

Test(i18n, german_table_complete)
{
	struct i18n *en = i18n_load("en"), *de = i18n_load("de");

	same_keys(i18n_messages(en), i18n_messages(de), "");
	same_keys(i18n_messages(de), i18n_messages(en), "");
	i18n_free(en);
	i18n_free(de);
}

/* A partial override table falls back to English key by key. */
Test(i18n, override_falls_back_to_english)
{
	char dir[] = "/tmp/i18n-test.XXXXXX", *sub, *file;
	FILE *f;

	cr_assert_not_null(mkdtemp(dir));
	sub = xasprintf("%s/i18n", dir);
	cr_assert_eq(mkdir(sub, 0777), 0);
	file = xasprintf("%s/de.json", sub);
	f = fopen(file, "w");
	cr_assert_not_null(f);
	fputs("{\"lang\":\"de\",\"number\":{\"decimal\":\",\",\"group\":\".\"},"
	    "\"common\":{\"total\":\"Summe\"}}", f);
	fclose(f);
	resource_set_override(dir);
	struct i18n *t = i18n_load("de");
	cr_expect_str_eq(i18n_lang(t), "de");
	cr_expect_str_eq(i18n_text(t, "common.total"), "Summe");
	cr_expect_str_eq(i18n_text(t, "common.goal"), "goal");
	EXPECT_FMT(num(t, 1234.5, 1), "1.234,5");
	EXPECT_FMT(pct(t, 50, 0), "50%");
	i18n_free(t);
	resource_set_override(NULL);
	resource_release_all();
	unlink(file);
	rmdir(sub);
	rmdir(dir);
	free(file);
	free(sub);
}

/* site.yml and agreement `locale`: BCP 47 tags and POSIX names, any case, to
 * the canonical language-region tag. */
Test(i18n, parse_tags)
{
	static const char *const good[][4] = {
		/* written, lang, region, canonical */
		{ "de", "de", "", "de" },
		{ "de-DE", "de", "DE", "de-DE" },
		{ "de-AT", "de", "AT", "de-AT" },
		{ "DE-at", "de", "AT", "de-AT" },
		{ "de_DE.UTF-8", "de", "DE", "de-DE" },
		{ "de_CH.utf8@euro", "de", "CH", "de-CH" },
		{ "en", "en", "", "en" },
		{ "en-GB", "en", "GB", "en-GB" },
		{ "en-US", "en", "US", "en-US" },
		{ "EN_us", "en", "US", "en-US" },
		{ "en_US", "en", "US", "en-US" },
		{ "fr-FR", "fr", "FR", "fr-FR" },
		{ "es-419", "es", "419", "es-419" },
		{ "zh-Hant-TW", "zh", "TW", "zh-TW" },
		{ "sr-Latn", "sr", "", "sr" },
		{ "de-DE-1996", "de", "DE", "de-DE" },
		{ "de-DE-u-co-phonebk", "de", "DE", "de-DE" },
		{ "en-x-private", "en", "", "en" },
		{ "C", "en", "", "en" },
		{ "C.UTF-8", "en", "", "en" },
		{ "POSIX", "en", "", "en" },
	};
	static const char *const bad[] = { "", "e", "english-", "de--DE", "de-", "-de",
		"de DE", "de_D", "de_DEU", "1de", "de-DE-toolongsubtag", "i-klingon",
		"de.", "de_DE@", "../../etc", "de_DE.UTF 8" };
	struct i18n_tag tag;
	size_t i;

	for (i = 0; i < sizeof good / sizeof *good; i++) {
		cr_expect_eq(i18n_parse_tag(good[i][0], &tag), 0, "%s", good[i][0]);
		cr_expect_str_eq(tag.lang, good[i][1], "%s", good[i][0]);
		cr_expect_str_eq(tag.region, good[i][2], "%s", good[i][0]);
		cr_expect_str_eq(tag.tag, good[i][3], "%s", good[i][0]);
	}
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		cr_expect_eq(i18n_parse_tag(bad[i], &tag), -1, "\"%s\"", bad[i]);
		cr_expect_str_eq(tag.tag, "", "%s", bad[i]);
	}
	cr_expect_eq(i18n_parse_tag(NULL, &tag), -1);
	cr_expect(i18n_has_language("de"));
	cr_expect(i18n_has_language("en"));
	cr_expect(!i18n_has_language("fr"));
	cr_expect(!i18n_has_language("../en"));
}

Test(i18n, tags_in_use)
{
	static const char *const cases[][3] = {
		/* written, table, tag in use */
		{ "de-AT", "de", "de-AT" }, { "de_DE.UTF-8", "de", "de-DE" },
		{ "EN_us", "en", "en-US" }, { "en-GB", "en", "en-GB" }, { "en", "en", "en" },
		{ "fr-FR", "en", "en" }, { "not a tag", "en", "en" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct i18n *t = i18n_load(cases[i][0]);
		cr_expect_str_eq(i18n_lang(t), cases[i][1], "%s", cases[i][0]);
		cr_expect_str_eq(i18n_tag(t), cases[i][2], "%s", cases[i][0]);
		i18n_free(t);
	}
}

static char *
datetime(const char *locale, int y, int mo, int d, int min)
{
	struct i18n *t = i18n_load(locale);
	struct strbuf sb = {0};

	i18n_datetime(t, &sb, y, mo, d, min);
	i18n_free(t);
	return strbuf_detach(&sb, NULL);
}

static char *
clock_time(const char *locale, int min)
{
	struct i18n *t = i18n_load(locale);
	struct strbuf sb = {0};

	i18n_time(t, &sb, min);
	i18n_free(t);
	return strbuf_detach(&sb, NULL);
}

/* en-US: month/day, 12-hour with AM/PM; en-GB and de: day first, 24-hour;
 * en without a region: ISO. */
Test(i18n, dates_and_times)
{
	/* 7 March 2026, 15:05 */
	EXPECT_FMT(datetime("en-US", 2026, 3, 7, 15 * 60 + 5), "3/7/2026 3:05 PM");
	EXPECT_FMT(datetime("EN_us", 2026, 3, 7, 15 * 60 + 5), "3/7/2026 3:05 PM");
	EXPECT_FMT(datetime("en-GB", 2026, 3, 7, 15 * 60 + 5), "07/03/2026 15:05");
	EXPECT_FMT(datetime("en-IE", 2026, 3, 7, 15 * 60 + 5), "07/03/2026 15:05");
	EXPECT_FMT(datetime("de", 2026, 3, 7, 15 * 60 + 5), "07.03.2026 15:05");
	EXPECT_FMT(datetime("de-AT", 2026, 3, 7, 15 * 60 + 5), "07.03.2026 15:05");
	EXPECT_FMT(datetime("de_DE.UTF-8", 2026, 12, 24, 9 * 60), "24.12.2026 09:00");
	EXPECT_FMT(datetime("en", 2026, 3, 7, 15 * 60 + 5), "2026-03-07 15:05");
	EXPECT_FMT(datetime("fr-FR", 2026, 3, 7, 15 * 60 + 5), "2026-03-07 15:05");
	EXPECT_FMT(datetime("en-US", 2026, 12, 24, 9 * 60 + 30), "12/24/2026 9:30 AM");
	/* Midnight and noon in 12-hour time; 24:00 ends a working day. */
	EXPECT_FMT(clock_time("en-US", 0), "12:00 AM");
	EXPECT_FMT(clock_time("en-US", 30), "12:30 AM");
	EXPECT_FMT(clock_time("en-US", 12 * 60), "12:00 PM");
	EXPECT_FMT(clock_time("en-US", 12 * 60 + 59), "12:59 PM");
	EXPECT_FMT(clock_time("en-US", 13 * 60), "1:00 PM");
	EXPECT_FMT(clock_time("en-US", 11 * 60 + 59), "11:59 AM");
	EXPECT_FMT(clock_time("en-US", 24 * 60), "12:00 AM");
	EXPECT_FMT(clock_time("en-GB", 0), "00:00");
	EXPECT_FMT(clock_time("en-GB", 24 * 60), "24:00");
	EXPECT_FMT(clock_time("de", 8 * 60), "08:00");
	EXPECT_FMT(clock_time("de", 18 * 60 + 30), "18:30");
	struct i18n *us = i18n_load("en-US"), *gb = i18n_load("en-GB"), *de = i18n_load("de");
	cr_expect(i18n_12_hour(us));
	cr_expect(!i18n_12_hour(gb));
	cr_expect(!i18n_12_hour(de));
	i18n_free(us);
	i18n_free(gb);
	i18n_free(de);
}

Test(i18n, weekday_names)
{
	struct i18n *en = i18n_load("en-GB"), *de = i18n_load("de-AT");

	cr_expect_str_eq(i18n_weekday_name(en, 0, 1), "Monday");
	cr_expect_str_eq(i18n_weekday_name(en, 6, 0), "Sun");
	cr_expect_str_eq(i18n_weekday_name(de, 0, 1), "Montag");
	cr_expect_str_eq(i18n_weekday_name(de, 2, 1), "Mittwoch");
	cr_expect_str_eq(i18n_weekday_name(de, 6, 0), "So.");
	cr_expect_str_eq(i18n_weekday_name(de, 7, 1), "Montag");
	i18n_free(en);
	i18n_free(de);
}
