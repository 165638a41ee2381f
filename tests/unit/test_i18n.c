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
	static const char *const en[] = { "en", "en-US", "en_GB", "fr", "", "x-y", "../../etc" };
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
