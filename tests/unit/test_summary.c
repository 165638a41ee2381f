/* test_summary.c: the parts of the executive summary (view_summary.c) on small
 * hand-made kpis.json periods — the RAG rule, the change in points, the
 * sparkline's points and drawing with missing months, the run of missed
 * months and the order of the breaches furthest over (suite summary). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>

#include "scene_int.h"
#include "util.h"
#include "view.h"

#define YM(y, m) ((y) * 12 + (m) - 1)

/* A clock block: goal_met true, false or null ("t", "f", "n"). */
static const char *
gm(char c)
{
	return c == 't' ? "true" : c == 'f' ? "false" : "null";
}

/* A period with severities keyed by keys[] (numbers or quoted names), each
 * with its response and resolution goal_met from met[2k], met[2k+1], a pooled
 * resolution attainment (NAN: null) and a credit amount (< 0: no credit). */
static char *
period_json(const char *period, const char *const *keys, const char *met, double pooled,
    double credit, bool partial)
{
	struct strbuf sb = {0};
	size_t n = strlen(met) / 2;

	strbuf_printf(&sb, "{\"period\": \"%s\", \"partial\": %s, \"severities\": [", period,
	    partial ? "true" : "false");
	for (size_t k = 0; k < n; k++)
		strbuf_printf(&sb, "%s{\"severity\": %s, \"response\": {\"goal_met\": %s},"
		    " \"resolution\": {\"goal_met\": %s}}", k ? ", " : "", keys[k],
		    gm(met[2 * k]), gm(met[2 * k + 1]));
	strbuf_puts(&sb, "], \"total\": {\"severity\": \"total\", \"resolution\": {\"attainment\": ");
	if (isnan(pooled))
		strbuf_puts(&sb, "null");
	else
		strbuf_printf(&sb, "%.17g", pooled);
	strbuf_puts(&sb, "}}, \"credit\": ");
	if (credit < 0)
		strbuf_puts(&sb, "null");
	else
		strbuf_printf(&sb, "{\"percent\": %s, \"amount\": %.17g, \"currency\": \"EUR\"}",
		    credit > 0 ? "5" : "0", credit);
	strbuf_puts(&sb, ", \"breaches\": []}");
	return strbuf_detach(&sb, NULL);
}

static cJSON *
period(const char *met, double pooled, double credit)
{
	static const char *const keys[] = { "1", "2", "3" };
	char *s = period_json("2026-10", keys, met, pooled, credit, false);
	cJSON *p = cJSON_Parse(s);

	free(s);
	cr_assert_not_null(p);
	return p;
}

static enum view_rag
rag_of(const char *met, double credit, bool *owed, bool *s1)
{
	cJSON *p = period(met, 90, credit);
	enum view_rag r = view_rag(p, owed, s1);

	cJSON_Delete(p);
	return r;
}

Test(summary, rag_green_when_every_goal_met)
{
	bool owed, s1;

	cr_assert_eq(rag_of("tttttt", -1, &owed, &s1), VIEW_RAG_GREEN);
	cr_assert(!owed && !s1);
	/* Goals without data do not count against: one met, the rest null. */
	cr_assert_eq(rag_of("nnntnn", 0, NULL, NULL), VIEW_RAG_GREEN);
	cr_assert_str_eq(view_rag_name(VIEW_RAG_GREEN), "green");
}

Test(summary, rag_amber_when_another_goal_missed)
{
	bool owed, s1;

	cr_assert_eq(rag_of("ttftnn", -1, &owed, &s1), VIEW_RAG_AMBER);
	cr_assert(!owed && !s1);
	cr_assert_eq(rag_of("tttttf", 0, NULL, NULL), VIEW_RAG_AMBER);
}

Test(summary, rag_red_when_severity_1_missed)
{
	bool owed, s1;

	cr_assert_eq(rag_of("fttt", -1, &owed, &s1), VIEW_RAG_RED);
	cr_assert(!owed && s1);
	cr_assert_eq(rag_of("tftttt", -1, &owed, &s1), VIEW_RAG_RED);
	cr_assert(s1);
}

Test(summary, rag_red_when_a_credit_is_owed)
{
	bool owed, s1;

	/* Every goal met, yet a credit tier applies to the pooled attainment. */
	cr_assert_eq(rag_of("tttttt", 150, &owed, &s1), VIEW_RAG_RED);
	cr_assert(owed && !s1);
	/* A credit of 0 (no tier) is not owed. */
	cr_assert_eq(rag_of("tttttt", 0, &owed, NULL), VIEW_RAG_GREEN);
	cr_assert(!owed);
}

Test(summary, rag_grey_without_data)
{
	cJSON *p = cJSON_Parse("{\"period\": \"2026-10\"}");

	cr_assert_eq(rag_of("nnnnnn", -1, NULL, NULL), VIEW_RAG_GREY);
	cr_assert_eq(view_rag(p, NULL, NULL), VIEW_RAG_GREY);
	cr_assert_eq(view_rag(NULL, NULL, NULL), VIEW_RAG_GREY);
	cJSON_Delete(p);
}

/* A tie: attainment exactly at the goal is goal_met true in kpis.json
 * (kpi-rules 8.2), which the rule reads as met. */
Test(summary, rag_tie_at_the_goal_is_met)
{
	cJSON *p = cJSON_Parse("{\"severities\": [{\"severity\": 1, \"response\": {"
	    "\"attainment\": 95, \"goal\": 95, \"goal_met\": true}, \"resolution\": {"
	    "\"attainment\": 90, \"goal\": 90, \"goal_met\": true}}], \"credit\": null}");

	cr_assert_eq(view_rag(p, NULL, NULL), VIEW_RAG_GREEN);
	cJSON_Delete(p);
}

/* Severity 1 without a key 1: the first severity (keys "hot", "warm"). */
Test(summary, rag_severity_1_is_the_first_without_key_1)
{
	static const char *const names[] = { "\"hot\"", "\"warm\"" };
	static const char *const late[] = { "2", "1" };
	char *s = period_json("2026-10", names, "tftt", 90, -1, false);
	cJSON *p = cJSON_Parse(s);
	bool s1;

	cr_assert_eq(view_rag(p, NULL, &s1), VIEW_RAG_RED);
	cr_assert(s1);
	cJSON_Delete(p);
	free(s);
	s = period_json("2026-10", names, "tttf", 90, -1, false);
	p = cJSON_Parse(s);
	cr_assert_eq(view_rag(p, NULL, NULL), VIEW_RAG_AMBER);
	cJSON_Delete(p);
	free(s);
	/* Key 1 listed second is still severity 1. */
	s = period_json("2026-10", late, "ttft", 90, -1, false);
	p = cJSON_Parse(s);
	cr_assert_eq(view_rag(p, NULL, &s1), VIEW_RAG_RED);
	cr_assert(s1);
	cJSON_Delete(p);
	free(s);
}

Test(summary, change_in_points_and_missing_month)
{
	cJSON *now = period("tt", 94.5, -1), *prev = period("tt", 96.25, -1);
	cJSON *none = period("nn", NAN, -1);
	double d = 0;

	cr_assert(view_change_points(now, prev, &d));
	cr_assert_float_eq(d, -1.75, 1e-9);
	cr_assert(!view_change_points(now, none, &d));
	cr_assert(!view_change_points(now, NULL, &d));
	cr_assert(!view_change_points(none, prev, &d));
	cJSON_Delete(now);
	cJSON_Delete(prev);
	cJSON_Delete(none);
}

/* An agreement with the months of vals (NAN: the month has no attainment,
 * -1: the month is absent from kpis.json), ending at October 2026. */
static cJSON *
agreement(const double *vals, int n, const char *met, const bool *partial)
{
	static const char *const keys[] = { "1" };
	cJSON *a = cJSON_CreateObject(), *ps = cJSON_AddArrayToObject(a, "periods");

	for (int k = 0; k < n; k++) {
		int ym = YM(2026, 10) - (n - 1) + k;
		char name[16], two[3] = { met[2 * k], met[2 * k + 1], '\0' }, *s;
		if (vals[k] == -1)
			continue;
		snprintf(name, sizeof name, "%04d-%02d", ym / 12, ym % 12 + 1);
		s = period_json(name, keys, two, vals[k], -1, partial != NULL && partial[k]);
		cJSON_AddItemToArray(ps, cJSON_Parse(s));
		free(s);
	}
	return a;
}

Test(summary, sparkline_points_with_missing_months)
{
	/* Nov 2025 … Oct 2026: Dec absent from kpis.json, Mar without data. */
	double vals[12] = { 90, -1, 92, 93, NAN, 95, 96, 97, 98, 99, 100, 88 };
	char met[25];
	cJSON *a;
	double pts[VIEW_SPARK_MONTHS];

	memset(met, 't', 24);
	met[24] = '\0';
	a = agreement(vals, 12, met, NULL);
	cr_assert_eq(view_spark_points(a, YM(2026, 10), pts), 10);
	cr_assert_float_eq(pts[0], 90, 1e-9);
	cr_assert(isnan(pts[1]), "December is absent: a gap, not 0");
	cr_assert(isnan(pts[4]), "March has no data: a gap");
	cr_assert_float_eq(pts[11], 88, 1e-9);
	/* A month earlier: the window starts before the data, then October is out. */
	cr_assert_eq(view_spark_points(a, YM(2026, 9), pts), 9);
	cr_assert(isnan(pts[0]));
	cr_assert_float_eq(pts[1], 90, 1e-9);
	cr_assert_float_eq(pts[11], 100, 1e-9);
	cJSON_Delete(a);
}

/* The drawing: a line stops at a gap; a month between two gaps is a dot; the
 * last month is marked. */
Test(summary, sparkline_drawing_breaks_at_gaps)
{
	double pts[VIEW_SPARK_MONTHS] = { 90, 91, NAN, 93, NAN, 95, 96, 97, NAN, NAN, 99, 100 };
	struct scene *s = view_sparkline(pts, 72, 16);
	int lines = 0, dots = 0, moves = 0;

	for (size_t i = 0; i < scene_op_count(s); i++) {
		const struct scene_op *op = scene_op_at(s, i);
		const struct scene_seg *seg = scene_segs(s) + op->first_seg;
		if (op->kind != SCENE_OP_PATH)
			continue;
		if (seg[0].kind == SCENE_SEG_CIRCLE)
			dots++;
		else {
			lines++;
			for (size_t k = 0; k < op->nseg; k++)
				moves += seg[k].kind == SCENE_SEG_MOVE;
		}
	}
	/* Runs: 90–91, 95–97, 99–100 are lines; 93 alone is a dot; +1 the last. */
	cr_assert_eq(lines, 3);
	cr_assert_eq(moves, 3);
	cr_assert_eq(dots, 2);
	scene_free(s);
}

Test(summary, sparkline_without_data_is_a_dashed_rule)
{
	double pts[VIEW_SPARK_MONTHS];
	struct scene *s;

	for (int k = 0; k < VIEW_SPARK_MONTHS; k++)
		pts[k] = NAN;
	s = view_sparkline(pts, 72, 16);
	cr_assert_eq(scene_op_count(s), 1);
	cr_assert_float_eq(scene_op_at(s, 0)->paint.dash, 2, 1e-9);
	scene_free(s);
}

Test(summary, streak_of_missed_months)
{
	/* Jun … Oct: met, missed, missed, missed, missed → 4 running. */
	double vals[5] = { 90, 80, 80, 80, 80 };
	cJSON *a = agreement(vals, 5, "ttftfttftf", NULL);

	cr_assert_eq(view_miss_streak(a, YM(2026, 10)), 4);
	cr_assert_eq(view_miss_streak(a, YM(2026, 8)), 2);
	cr_assert_eq(view_miss_streak(a, YM(2026, 6)), 0);
	/* A month outside kpis.json ends the run too. */
	cr_assert_eq(view_miss_streak(a, YM(2026, 12)), 0);
	cJSON_Delete(a);
}

Test(summary, streak_broken_by_a_month_without_data)
{
	/* Jun missed, Jul missed, Aug no data, Sep missed, Oct missed → 2. */
	double vals[5] = { 80, 80, NAN, 80, 80 };
	cJSON *a = agreement(vals, 5, "ftftnnftft", NULL);

	cr_assert_eq(view_miss_streak(a, YM(2026, 10)), 2);
	cr_assert_eq(view_miss_streak(a, YM(2026, 7)), 2);
	cJSON_Delete(a);
}

Test(summary, streak_passes_over_the_month_in_progress)
{
	/* Jul … Sep missed, Oct in progress (met so far): 3 running. */
	double vals[4] = { 80, 80, 80, 99 };
	bool partial[4] = { false, false, false, true };
	cJSON *a = agreement(vals, 4, "ftftfttt", partial);

	cr_assert_eq(view_miss_streak(a, YM(2026, 10)), 3);
	cJSON_Delete(a);
}

Test(summary, worst_breaches_furthest_over_first)
{
	/* Twelve breaches over two agreements; ties keep kpis.json order; a
	 * breach without over_s (an older kpis.json) is left out. */
	const char *text = "{\"agreements\": ["
	    "{\"id\": \"a\", \"periods\": [{\"period\": \"2026-10\", \"breaches\": ["
	    "{\"id\": \"A1\", \"clock\": \"response\", \"over_s\": 60},"
	    "{\"id\": \"A2\", \"clock\": \"resolution\", \"over_s\": 7200},"
	    "{\"id\": \"A3\", \"clock\": \"resolution\", \"over_s\": 300},"
	    "{\"id\": \"A4\", \"clock\": \"resolution\", \"over_s\": null},"
	    "{\"id\": \"A5\", \"clock\": \"resolution\", \"over_s\": 300},"
	    "{\"id\": \"A6\", \"clock\": \"response\", \"over_s\": 1}]},"
	    "{\"period\": \"2026-09\", \"breaches\": ["
	    "{\"id\": \"OLD\", \"clock\": \"resolution\", \"over_s\": 999999}]}]},"
	    "{\"id\": \"b\", \"periods\": [{\"period\": \"2026-10\", \"breaches\": ["
	    "{\"id\": \"B1\", \"clock\": \"resolution\", \"over_s\": 86400},"
	    "{\"id\": \"B2\", \"clock\": \"resolution\", \"over_s\": 300},"
	    "{\"id\": \"B3\", \"clock\": \"response\", \"over_s\": 0},"
	    "{\"id\": \"B4\", \"clock\": \"resolution\", \"over_s\": 11520},"
	    "{\"id\": \"B5\", \"clock\": \"resolution\", \"over_s\": 2},"
	    "{\"id\": \"B6\", \"clock\": \"resolution\", \"over_s\": 5}]}]}]}";
	static const char *const want[10] = { "B1", "B4", "A2", "A3", "A5", "B2", "A1", "B6",
		"B5", "A6" };
	cJSON *k = cJSON_Parse(text), *w = view_worst_breaches(k, YM(2026, 10), 10), *e;
	int i = 0;

	cr_assert_eq(cJSON_GetArraySize(w), 10);
	cJSON_ArrayForEach(e, w) {
		cr_assert_str_eq(cJSON_GetObjectItem(e, "id")->valuestring, want[i],
		    "rank %d", i + 1);
		i++;
	}
	cr_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(w, 0), "agreement")->valuestring,
	    "b");
	cr_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(w, 2), "agreement")->valuestring,
	    "a");
	cJSON_Delete(w);
	w = view_worst_breaches(k, YM(2026, 10), 3);
	cr_assert_eq(cJSON_GetArraySize(w), 3);
	cJSON_Delete(w);
	cr_assert_eq(cJSON_GetArraySize(w = view_worst_breaches(k, YM(2026, 8), 10)), 0);
	cJSON_Delete(w);
	cJSON_Delete(k);
}
