/* test_restate_compare.c: the comparison of an earlier publication with this build
 * (SPEC §8 Restatements): which months are compared, the field paths, was and
 * now, the causes, the ledger carried over, --frozen-until. Expectations are
 * written out by hand from the small trees below. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cJSON.h>
#include "restate.h"

/* Earlier publication: data-as-of 2026-04-01T00:00:00Z, the very instant
 * March ends; April had not ended. */
static const char earlier_inputs[] =
    "{\"data_as_of\": \"2026-04-01T00:00:00Z\", \"files\": ["
    "{\"path\": \"agreements/a.md\", \"sha256\": \"" "1111111111111111111111111111111111111111111111111111111111111111" "\", \"size\": 10},"
    "{\"path\": \"events/x.json\", \"sha256\": \"" "2222222222222222222222222222222222222222222222222222222222222222" "\", \"size\": 20},"
    "{\"path\": \"events/old.json\", \"sha256\": \"" "3333333333333333333333333333333333333333333333333333333333333333" "\", \"size\": 30}]}";
/* Now: x.json changed (same size, other hash), old.json removed, new.json added. */
static const char now_inputs[] =
    "{\"data_as_of\": \"2026-04-20T10:00:00Z\", \"files\": ["
    "{\"path\": \"agreements/a.md\", \"sha256\": \"" "1111111111111111111111111111111111111111111111111111111111111111" "\", \"size\": 10},"
    "{\"path\": \"events/x.json\", \"sha256\": \"" "4444444444444444444444444444444444444444444444444444444444444444" "\", \"size\": 20},"
    "{\"path\": \"events/new.json\", \"sha256\": \"" "5555555555555555555555555555555555555555555555555555555555555555" "\", \"size\": 5}]}";

/* Severity rows in another order now: paths name them by their key. hist and
 * name differ but are not figures. April differs but had not ended. */
static const char earlier_kpis[] =
    "{\"agreements\": [{\"id\": \"a\", \"periods\": ["
    " {\"period\": \"2026-03\", \"start\": \"2026-03-01T00:00:00Z\", \"end\": \"2026-04-01T00:00:00Z\","
    "  \"severities\": [{\"severity\": 1, \"name\": \"Critical\", \"opened\": 2},"
    "                   {\"severity\": 2, \"name\": \"High\", \"opened\": 3,"
    "                    \"resolution\": {\"met\": 2, \"attainment\": 66.66666666666667, \"hist\": [1, 2]}}],"
    "  \"total\": {\"opened\": 5, \"goal_met\": false},"
    "  \"breaches\": [{\"id\": \"B\", \"clock\": \"resolution\", \"title\": \"old title\"}]},"
    " {\"period\": \"2026-04\", \"start\": \"2026-04-01T00:00:00Z\", \"end\": \"2026-05-01T00:00:00Z\","
    "  \"total\": {\"opened\": 1}}]},"
    " {\"id\": \"gone\", \"periods\": [{\"period\": \"2026-03\", \"end\": \"2026-04-01T00:00:00Z\","
    "  \"total\": {\"opened\": 9}}]}]}";
static const char now_kpis[] =
    "{\"agreements\": [{\"id\": \"a\", \"periods\": ["
    " {\"period\": \"2026-03\", \"start\": \"2026-03-01T00:00:00Z\", \"end\": \"2026-04-01T00:00:00Z\","
    "  \"severities\": [{\"severity\": 2, \"name\": \"Hoch\", \"opened\": 4,"
    "                    \"resolution\": {\"met\": 3, \"attainment\": 75, \"hist\": [0, 0]}},"
    "                   {\"severity\": 1, \"name\": \"Kritisch\", \"opened\": 2}],"
    "  \"total\": {\"opened\": 6, \"goal_met\": false, \"credit\": 0.5},"
    "  \"breaches\": [{\"id\": \"B\", \"clock\": \"resolution\", \"title\": \"new title\"}]},"
    " {\"period\": \"2026-04\", \"start\": \"2026-04-01T00:00:00Z\", \"end\": \"2026-05-01T00:00:00Z\","
    "  \"total\": {\"opened\": 7}}]}]}";

static struct inputs *
inputs_of(const char *text)
{
	cJSON *j = cJSON_Parse(text);
	const char *why = NULL;
	struct inputs *in;

	cr_assert_not_null(j);
	in = inputs_from_json(j, &why);
	cJSON_Delete(j);
	cr_assert_not_null(in, "%s", why ? why : "");
	return in;
}

static struct earlier *
earlier_of(const char *inputs, const char *kpis)
{
	struct earlier *e = calloc(1, sizeof *e);

	e->inputs = inputs_of(inputs);
	e->kpis = cJSON_Parse(kpis);
	e->ledger = cJSON_CreateArray();
	return e;
}

/* "period agreement field was now" per entry, one line each. */
static char *
lines(const cJSON *entries)
{
	size_t cap = 4096, len = 0;
	char *out = calloc(1, cap);
	const cJSON *e;

	cJSON_ArrayForEach(e, entries) {
		char *was = cJSON_PrintUnformatted(cJSON_GetObjectItem(e, "was"));
		char *now = cJSON_PrintUnformatted(cJSON_GetObjectItem(e, "now"));
		len += (size_t)snprintf(out + len, cap - len, "%s %s %s %s %s\n",
		    cJSON_GetStringValue(cJSON_GetObjectItem(e, "period")),
		    cJSON_GetStringValue(cJSON_GetObjectItem(e, "agreement")),
		    cJSON_GetStringValue(cJSON_GetObjectItem(e, "field")), was, now);
		free(was);
		free(now);
	}
	return out;
}

Test(restate_compare, fields_paths_was_now)
{
	struct earlier *e = earlier_of(earlier_inputs, earlier_kpis);
	struct inputs *now = inputs_of(now_inputs);
	cJSON *nk = cJSON_Parse(now_kpis), *out = cJSON_CreateArray();
	size_t n = restate_compare(e, nk, now, out);
	char *got = lines(out);

	/* March only (ended at the earlier data-as-of itself); severities by key;
	 * names, hist and breach titles are not figures; credit: new now. The
	 * agreement "gone" has no month now: nothing to compare. */
	cr_assert_str_eq(got,
	    "2026-03 a severities[2].opened 3 4\n"
	    "2026-03 a severities[2].resolution.met 2 3\n"
	    "2026-03 a severities[2].resolution.attainment 66.666666666666671 75\n"
	    "2026-03 a total.opened 5 6\n"
	    "2026-03 a total.credit null 0.5\n");
	cr_assert_eq(n, 5);
	cr_assert_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(out, 0),
	    "published")), "2026-04-20T10:00:00Z");
	/* The value itself, not its print: 66.66666666666667 as a double. */
	cr_assert(cJSON_GetObjectItem(cJSON_GetArrayItem(out, 2), "was")->valuedouble ==
	    66.66666666666667);
	free(got);
	cJSON_Delete(out);
	cJSON_Delete(nk);
	inputs_free(now);
	restate_earlier_free(e);
}

Test(restate_compare, causes_added_removed_changed)
{
	struct earlier *e = earlier_of(earlier_inputs, earlier_kpis);
	struct inputs *now = inputs_of(now_inputs);
	cJSON *nk = cJSON_Parse(now_kpis), *out = cJSON_CreateArray();
	char *causes;

	restate_compare(e, nk, now, out);
	causes = cJSON_PrintUnformatted(cJSON_GetObjectItem(cJSON_GetArrayItem(out, 0), "causes"));
	/* Sorted by path; the unchanged agreement file is no cause. */
	cr_assert_str_eq(causes, "[{\"path\":\"events/new.json\",\"change\":\"added\"},"
	    "{\"path\":\"events/old.json\",\"change\":\"removed\"},"
	    "{\"path\":\"events/x.json\",\"change\":\"changed\"}]");
	free(causes);
	cJSON_Delete(out);
	cJSON_Delete(nk);
	inputs_free(now);
	restate_earlier_free(e);
}

Test(restate_compare, boundary_month_ending_after_data_as_of)
{
	/* Earlier data stopped one second before March ended: March had not ended,
	 * it is not compared. */
	char *in = strdup(earlier_inputs);
	struct earlier *e;
	struct inputs *now = inputs_of(now_inputs);
	cJSON *nk = cJSON_Parse(now_kpis), *out = cJSON_CreateArray();

	memcpy(strstr(in, "2026-04-01T00:00:00Z"), "2026-03-31T23:59:59Z", 20);
	e = earlier_of(in, earlier_kpis);
	cr_assert_eq(restate_compare(e, nk, now, out), 0);
	cr_assert_eq(cJSON_GetArraySize(out), 0);
	free(in);
	cJSON_Delete(out);
	cJSON_Delete(nk);
	inputs_free(now);
	restate_earlier_free(e);
}

Test(restate_compare, same_tree_restates_nothing)
{
	struct earlier *e = earlier_of(earlier_inputs, earlier_kpis);
	struct inputs *now = inputs_of(earlier_inputs);
	cJSON *nk = cJSON_Parse(earlier_kpis), *out = cJSON_CreateArray();

	cr_assert_eq(restate_compare(e, nk, now, out), 0);
	cJSON_Delete(out);
	cJSON_Delete(nk);
	inputs_free(now);
	restate_earlier_free(e);
}

Test(restate_compare, breach_set_is_a_figure)
{
	static const char was[] = "{\"agreements\": [{\"id\": \"a\", \"periods\": [{\"period\": \"2026-03\","
	    " \"end\": \"2026-04-01T00:00:00Z\", \"breaches\": [{\"id\": \"B\", \"clock\": \"resolution\"}]}]}]}";
	static const char now_[] = "{\"agreements\": [{\"id\": \"a\", \"periods\": [{\"period\": \"2026-03\","
	    " \"end\": \"2026-04-01T00:00:00Z\", \"breaches\": []}]}]}";
	struct earlier *e = earlier_of(earlier_inputs, was);
	struct inputs *now = inputs_of(now_inputs);
	cJSON *nk = cJSON_Parse(now_), *out = cJSON_CreateArray();
	char *got;

	cr_assert_eq(restate_compare(e, nk, now, out), 1);
	got = lines(out);
	cr_assert_str_eq(got, "2026-03 a breaches [\"B resolution\"] []\n");
	free(got);
	cJSON_Delete(out);
	cJSON_Delete(nk);
	inputs_free(now);
	restate_earlier_free(e);
}

static void
put(const char *dir, const char *rel, const char *text)
{
	char path[256];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, rel);
	cr_assert_not_null(fp = fopen(path, "wb"), "%s", path);
	fputs(text, fp);
	fclose(fp);
}

Test(restate_compare, ledger_carried_over_then_appended)
{
	char dir[] = "/tmp/slareport-restate-XXXXXX", sub[300];
	static const char old_entry[] = "[{\"published\": \"2026-03-15T00:00:00Z\", \"period\": \"2026-02\","
	    " \"agreement\": \"a\", \"field\": \"total.opened\", \"was\": 1, \"now\": 2, \"causes\": []}]";
	struct earlier *e;
	struct inputs *now = inputs_of(now_inputs);
	cJSON *nk = cJSON_Parse(now_kpis), *out = cJSON_CreateArray(), *ledger, *want;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(sub, sizeof sub, "%s/data", dir);
	mkdir(sub, 0755);
	put(dir, "data/inputs.json", earlier_inputs);
	put(dir, "data/kpis.json", earlier_kpis);
	put(dir, "data/restatements.json", old_entry);
	e = restate_load(dir);
	cr_assert_not_null(e->inputs);
	cr_assert_str_eq(e->inputs->data_as_of, "2026-04-01T00:00:00Z");
	cr_assert_eq(restate_compare(e, nk, now, out), 5);
	ledger = restate_ledger(e, out);
	cr_assert_eq(cJSON_GetArraySize(ledger), 6);
	want = cJSON_Parse(old_entry);
	/* The earlier entry first and exactly as it was. */
	cr_assert(cJSON_Compare(cJSON_GetArrayItem(ledger, 0), cJSON_GetArrayItem(want, 0), true));
	cr_assert_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(ledger, 5),
	    "field")), "total.credit");
	/* --frozen-until: February's old entry does not count, March's do. */
	cr_assert_eq(restate_frozen(ledger, 2026 * 12 + 1), 1);	/* up to 2026-02 */
	cr_assert_eq(restate_frozen(ledger, 2026 * 12 + 2), 6);	/* up to 2026-03 */
	cJSON_Delete(want);
	cJSON_Delete(ledger);
	restate_earlier_free(e);
	/* No inputs.json: not a publication to compare with; the ledger stays. */
	snprintf(sub, sizeof sub, "%s/data/inputs.json", dir);
	remove(sub);
	e = restate_load(dir);
	cr_assert_null(e->inputs);
	out = cJSON_CreateArray();
	cr_assert_eq(restate_compare(e, nk, now, out), 0);
	cr_assert_eq(cJSON_GetArraySize(e->ledger), 1);
	cJSON_Delete(out);
	restate_earlier_free(e);
	snprintf(sub, sizeof sub, "%s/data/kpis.json", dir);
	remove(sub);
	snprintf(sub, sizeof sub, "%s/data/restatements.json", dir);
	remove(sub);
	snprintf(sub, sizeof sub, "%s/data", dir);
	rmdir(sub);
	rmdir(dir);
	cJSON_Delete(nk);
	inputs_free(now);
}

Test(restate_compare, entry_text_for_stderr)
{
	struct earlier *e = earlier_of(earlier_inputs, earlier_kpis);
	struct inputs *now = inputs_of(now_inputs);
	cJSON *nk = cJSON_Parse(now_kpis), *out = cJSON_CreateArray();
	char *t;

	restate_compare(e, nk, now, out);
	t = restate_entry_text(cJSON_GetArrayItem(out, 2));
	cr_assert_str_eq(t, "2026-03 a severities[2].resolution.attainment: 66.66666666666667 -> 75 "
	    "(events/new.json added, events/old.json removed, events/x.json changed)");
	free(t);
	t = restate_entry_text(cJSON_GetArrayItem(out, 4));
	cr_assert_str_eq(t, "2026-03 a total.credit: null -> 0.5 (events/new.json added, "
	    "events/old.json removed, events/x.json changed)");
	free(t);
	cJSON_Delete(out);
	cJSON_Delete(nk);
	inputs_free(now);
	restate_earlier_free(e);
}

/* Equality of numbers is cJSON_Compare's: within a relative DBL_EPSILON, the
 * most that kpis.json's 15-digit printing (json_print.c) can move a double, so
 * the same inputs never restate; anything more is a change. */
Test(restate_compare, numbers_equal_within_print_precision)
{
	static const char tmpl[] = "{\"agreements\": [{\"id\": \"a\", \"periods\": [{\"period\": \"2026-03\","
	    " \"end\": \"2026-04-01T00:00:00Z\", \"total\": {\"attainment\": %s}}]}]}";
	char was[256], same[256], other[256];
	struct earlier *e;
	struct inputs *now = inputs_of(now_inputs);
	cJSON *nk, *out = cJSON_CreateArray();

	snprintf(was, sizeof was, tmpl, "87.5");
	snprintf(same, sizeof same, tmpl, "87.50000000000001");
	snprintf(other, sizeof other, tmpl, "87.5000000000001");
	e = earlier_of(earlier_inputs, was);
	nk = cJSON_Parse(same);
	cr_assert_eq(restate_compare(e, nk, now, out), 0);
	cJSON_Delete(nk);
	nk = cJSON_Parse(other);
	cr_assert_eq(restate_compare(e, nk, now, out), 1);
	cJSON_Delete(nk);
	cJSON_Delete(out);
	inputs_free(now);
	restate_earlier_free(e);
}
