/* test_restate.c: the comparison of an earlier publication with this build (SPEC §8 Restatements) on small trees. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "restate.h"

static struct inputs *
inputs(const char *as_of, const char *const *paths, const char *const *shas, int n)
{
	struct inputs *in = calloc(1, sizeof *in);
	int i;

	in->n = (size_t)n;
	in->v = calloc((size_t)n + 1, sizeof *in->v);
	for (i = 0; i < n; i++) {
		in->v[i].path = strdup(paths[i]);
		snprintf(in->v[i].sha256, sizeof in->v[i].sha256, "%064d", atoi(shas[i]));
		in->v[i].size = 10;
	}
	in->data_as_of = as_of != NULL ? strdup(as_of) : NULL;
	return in;
}

#define PERIOD(per, end, met, att) \
	"{\"period\": \"" per "\", \"end\": \"" end "\", \"partial\": false, \"terms\": null," \
	"\"severities\": [{\"severity\": 2, \"name\": \"High\", \"resolution\": {\"met\": " met \
	", \"attainment\": " att ", \"hist\": [1]}}], \"breaches\": [], \"exclusions\": []}"

static cJSON *
tree(const char *p1, const char *p2)
{
	char s[2048];

	snprintf(s, sizeof s, "{\"agreements\": [{\"id\": \"desk\", \"periods\": [%s, %s]}]}",
	    p1, p2);
	return cJSON_Parse(s);
}

Test(restate, ended_months_field_by_field)
{
	static const char *const p0[] = { "site.yml", "events/a.json", "events/old.json" };
	static const char *const s0[] = { "1", "2", "3" };
	static const char *const p1[] = { "site.yml", "events/a.json", "events/late.json" };
	static const char *const s1[] = { "1", "9", "4" };
	struct earlier e = { 0 };
	struct inputs *now = inputs("2026-11-02T10:00:00Z", p1, s1, 3);
	cJSON *nowk, *out = cJSON_CreateArray(), *x;
	char *text;

	e.inputs = inputs("2026-10-15T00:00:00Z", p0, s0, 3);
	/* September ended before the earlier data-as-of; October had not. */
	e.kpis = tree(PERIOD("2026-09", "2026-10-01T00:00:00Z", "4", "80"),
	    PERIOD("2026-10", "2026-11-01T00:00:00Z", "1", "50"));
	nowk = tree(PERIOD("2026-09", "2026-10-01T00:00:00Z", "5", "80"),
	    PERIOD("2026-10", "2026-11-01T00:00:00Z", "7", "10"));
	e.ledger = cJSON_CreateArray();
	cr_assert_eq(restate_compare(&e, nowk, now, out), 1);
	x = cJSON_GetArrayItem(out, 0);
	cr_expect_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(x, "period")), "2026-09");
	cr_expect_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(x, "agreement")), "desk");
	/* Severity rows by their key; names, hist and terms are not figures. */
	cr_expect_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(x, "field")),
	    "severities[2].resolution.met");
	cr_expect_eq(cJSON_GetObjectItem(x, "was")->valuedouble, 4);
	cr_expect_eq(cJSON_GetObjectItem(x, "now")->valuedouble, 5);
	cr_expect_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(x, "published")),
	    "2026-11-02T10:00:00Z");
	text = restate_entry_text(x);
	/* Causes sorted by path: changed, added, removed. */
	cr_expect_str_eq(text, "2026-09 desk severities[2].resolution.met: 4 -> 5 "
	    "(events/a.json changed, events/late.json added, events/old.json removed)");
	free(text);
	cr_expect_eq(restate_frozen(out, (2026 * 12 + 8)), 1);
	cr_expect_eq(restate_frozen(out, (2026 * 12 + 7)), 0);
	cJSON_Delete(out);
	cJSON_Delete(nowk);
	cJSON_Delete(e.kpis);
	cJSON_Delete(e.ledger);
	inputs_free(e.inputs);
	inputs_free(now);
}

Test(restate, nothing_without_an_earlier_publication)
{
	static const char *const p[] = { "site.yml" };
	static const char *const s[] = { "1" };
	struct earlier e = { 0 };
	struct inputs *now = inputs("2026-11-02T10:00:00Z", p, s, 1);
	cJSON *out = cJSON_CreateArray(), *k = tree(PERIOD("2026-09", "2026-10-01T00:00:00Z",
	    "4", "80"), PERIOD("2026-10", "2026-11-01T00:00:00Z", "1", "50"));

	cr_expect_eq(restate_compare(&e, k, now, out), 0);
	cr_expect_eq(cJSON_GetArraySize(out), 0);
	cJSON_Delete(out);
	cJSON_Delete(k);
	inputs_free(now);
}

Test(restate, inputs_diff_by_path)
{
	static const char *const p0[] = { "a", "b", "c" };
	static const char *const s0[] = { "1", "2", "3" };
	static const char *const p1[] = { "a", "c", "d" };
	static const char *const s1[] = { "1", "4", "5" };
	struct inputs *x = inputs(NULL, p0, s0, 3), *y = inputs(NULL, p1, s1, 3);
	struct input_diff *d;
	size_t n = inputs_diff(x, y, &d);

	cr_assert_eq(n, 3);
	cr_expect_str_eq(d[0].path, "b");
	cr_expect_eq(d[0].change, INPUT_REMOVED);
	cr_expect_str_eq(d[1].path, "c");
	cr_expect_eq(d[1].change, INPUT_CHANGED);
	cr_expect_str_eq(d[2].path, "d");
	cr_expect_eq(d[2].change, INPUT_ADDED);
	free(d);
	inputs_free(x);
	inputs_free(y);
}
