/* test_chart.c: the five charts drawn from small hand-made kpis.json trees —
 * SVG structure, labels, the goal marker's place, determinism, edge cases
 * (suite chart). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include <hpdf.h>

#include "chart.h"
#include "font.h"
#include "i18n.h"
#include "scene_int.h"
#include "util.h"

/* ---- kpis.json fixtures, in the shape kpi_json.c writes ---- */

static cJSON *
kp_new(void)
{
	cJSON *k = cJSON_CreateObject();

	cJSON_AddStringToObject(k, "from", "2026-01");
	cJSON_AddStringToObject(k, "to", "2026-10");
	cJSON_AddArrayToObject(k, "agreements");
	return k;
}

/* An agreement with nsev severities keyed 1..nsev (names may be NULL). */
static cJSON *
kp_agreement(cJSON *k, const char *id, const char *kind, const char *provider,
    const char *supports, int nsev, const char *const *names, const double *goals,
    const double *targets_s)
{
	cJSON *a = cJSON_CreateObject(), *t;
	int s;

	cJSON_AddStringToObject(a, "id", id);
	cJSON_AddStringToObject(a, "kind", kind);
	cJSON_AddStringToObject(a, "title", id);
	cJSON_AddStringToObject(a, "provider", provider);
	if (supports != NULL)
		cJSON_AddStringToObject(a, "supports", supports);
	else
		cJSON_AddNullToObject(a, "supports");
	t = cJSON_AddArrayToObject(a, "targets");
	for (s = 0; s < nsev; s++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "severity", s + 1);
		if (names != NULL && names[s] != NULL)
			cJSON_AddStringToObject(o, "name", names[s]);
		else
			cJSON_AddNullToObject(o, "name");
		cJSON_AddNumberToObject(o, "resolution_s", targets_s[s]);
		if (isnan(goals[s]))
			cJSON_AddNullToObject(o, "goal");
		else
			cJSON_AddNumberToObject(o, "goal", goals[s]);
		cJSON_AddItemToArray(t, o);
	}
	cJSON_AddArrayToObject(a, "periods");
	cJSON_AddItemToArray(cJSON_GetObjectItem(k, "agreements"), a);
	return a;
}

static cJSON *
kp_clock(double met, double breached, double goal, double target, double median, double p90)
{
	cJSON *c = cJSON_CreateObject();
	double n = met + breached;

	cJSON_AddNumberToObject(c, "met", met);
	cJSON_AddNumberToObject(c, "breached", breached);
	if (n > 0)
		cJSON_AddNumberToObject(c, "attainment", met * 100 / n);
	else
		cJSON_AddNullToObject(c, "attainment");
	if (isnan(goal))
		cJSON_AddNullToObject(c, "goal");
	else
		cJSON_AddNumberToObject(c, "goal", goal);
	if (n > 0 && !isnan(goal))
		cJSON_AddBoolToObject(c, "goal_met", met * 100 / n >= goal);
	else
		cJSON_AddNullToObject(c, "goal_met");
	if (isnan(median)) {
		cJSON_AddNullToObject(c, "median_s");
		cJSON_AddNullToObject(c, "p90_s");
	} else {
		cJSON_AddNumberToObject(c, "median_s", median);
		cJSON_AddNumberToObject(c, "p90_s", p90);
	}
	cJSON_AddNumberToObject(c, "target_s", target);
	cJSON_AddNumberToObject(c, "ended", isnan(median) ? 0 : n);
	return c;
}

/* A month of agreement a: every severity met/breached as given (NULL: none),
 * opened = met + breached, medians at half the target. */
static cJSON *
kp_period(cJSON *a, const char *period, const double *met, const double *breached)
{
	cJSON *p = cJSON_CreateObject(), *sevs, *t;
	double tot_o = 0;
	int s = 0;

	cJSON_AddStringToObject(p, "period", period);
	sevs = cJSON_AddArrayToObject(p, "severities");
	cJSON_ArrayForEach(t, cJSON_GetObjectItem(a, "targets")) {
		cJSON *r = cJSON_CreateObject();
		double m = met ? met[s] : 0, b = breached ? breached[s] : 0;
		double target = cJSON_GetObjectItem(t, "resolution_s")->valuedouble;
		cJSON *g = cJSON_GetObjectItem(t, "goal");
		double goal = cJSON_IsNumber(g) ? g->valuedouble : NAN;
		cJSON_AddItemToObject(r, "severity",
		    cJSON_Duplicate(cJSON_GetObjectItem(t, "severity"), 1));
		cJSON_AddItemToObject(r, "name",
		    cJSON_Duplicate(cJSON_GetObjectItem(t, "name"), 1));
		cJSON_AddNumberToObject(r, "opened", m + b);
		cJSON_AddNumberToObject(r, "resolved", m + b);
		cJSON_AddNumberToObject(r, "backlog", 0);
		cJSON_AddItemToObject(r, "response", kp_clock(0, 0, NAN, -1, NAN, NAN));
		cJSON *res = kp_clock(m, b, goal, target, m + b > 0 ? target / 2 : NAN,
		    m + b > 0 ? target * 0.9 : NAN);
		if (m + b > 0) {
			/* met in bin 4 (40-50 %), breached in bin 12 (120-130 %) */
			cJSON *h = cJSON_AddArrayToObject(res, "hist");
			for (int i = 0; i < 21; i++)
				cJSON_AddItemToArray(h,
				    cJSON_CreateNumber(i == 4 ? m : i == 12 ? b : 0));
		}
		cJSON_AddItemToObject(r, "resolution", res);
		cJSON_AddItemToArray(sevs, r);
		tot_o += m + b;
		s++;
	}
	t = cJSON_CreateObject();
	cJSON_AddStringToObject(t, "severity", "total");
	cJSON_AddNumberToObject(t, "opened", tot_o);
	cJSON_AddItemToObject(p, "total", t);
	cJSON_AddNullToObject(p, "volume");
	cJSON_AddArrayToObject(p, "breaches");
	cJSON_AddItemToArray(cJSON_GetObjectItem(a, "periods"), p);
	return p;
}

/* Overrides the resolution median and p90 of severity s in period p. */
static void
kp_times(cJSON *p, int s, double median, double p90)
{
	cJSON *row = cJSON_GetArrayItem(cJSON_GetObjectItem(p, "severities"), s);
	cJSON *res = cJSON_GetObjectItem(row, "resolution");
	cJSON_ReplaceItemInObject(res, "median_s", cJSON_CreateNumber(median));
	cJSON_ReplaceItemInObject(res, "p90_s", cJSON_CreateNumber(p90));
}

static const double goals4[] = { 100, 95, 90, 90 };
static const double targets4[] = { 4 * 3600, 8 * 3600, 30 * 3600, 100 * 3600 };
static const char *const names4[] = { "Critical", "High", "Normal", "Low" };

/* The desk of the example: severity 1 at 12 of 13, severity 2 none. */
static cJSON *
desk(void)
{
	cJSON *k = kp_new();
	cJSON *a = kp_agreement(k, "desk", "sla", "service-desk", NULL, 4, names4, goals4,
	    targets4);
	static const double met[] = { 12, 0, 50, 9 }, br[] = { 1, 0, 2, 1 };
	static const double met9[] = { 13, 5, 40, 10 }, br9[] = { 0, 0, 5, 0 };

	kp_period(a, "2026-09", met9, br9);
	kp_period(a, "2026-10", met, br);
	return k;
}

/* ---- the SVG, read back ---- */

struct svgpath {
	uint32_t fill, stroke;	/* SCENE_NONE when absent */
	double width;
	double x0, y0, x1, y1;	/* bounding box of d */
};

static uint32_t
rgb_at(const char *s)
{
	double r, g, b;

	if (sscanf(s, "rgb(%lf%%,%lf%%,%lf%%)", &r, &g, &b) != 3)
		return SCENE_NONE;
	return (uint32_t)lround(r * 2.55) << 16 | (uint32_t)lround(g * 2.55) << 8 |
	    (uint32_t)lround(b * 2.55);
}

/* The drawn <path> elements (after any <defs>). */
static int
svg_paths(const char *svg, struct svgpath *out, int max)
{
	const char *p = strstr(svg, "</defs>");
	int n = 0;

	p = p != NULL ? p : svg;
	while (n < max && (p = strstr(p, "<path style=\"")) != NULL) {
		const char *end = strstr(p, "/>"), *st = p + 13, *d = strstr(p, " d=\"");
		struct svgpath *sp = &out[n];
		char *q;
		const char *f;
		double x, y;
		if (end == NULL || d == NULL || d > end)
			break;
		sp->fill = sp->stroke = SCENE_NONE;
		sp->width = 0;
		if ((f = strstr(st, "fill:rgb(")) != NULL && f < d)
			sp->fill = rgb_at(f + 5);
		if ((f = strstr(st, ";stroke:rgb(")) != NULL && f < d)
			sp->stroke = rgb_at(f + 8);
		if ((f = strstr(st, "stroke-width:")) != NULL && f < d)
			sp->width = atof(f + 13);
		sp->x0 = sp->y0 = INFINITY;
		sp->x1 = sp->y1 = -INFINITY;
		for (f = d + 4; f < end && *f != '"';) {
			if (*f == 'M' || *f == 'L' || *f == 'C' || *f == 'Z' || *f == ' ') {
				f++;
				continue;
			}
			x = strtod(f, &q);
			if (q == f)
				break;
			f = q;
			y = strtod(f, &q);
			if (q == f)
				break;
			f = q;
			sp->x0 = fmin(sp->x0, x);
			sp->x1 = fmax(sp->x1, x);
			sp->y0 = fmin(sp->y0, y);
			sp->y1 = fmax(sp->y1, y);
		}
		n++;
		p = end;
	}
	return n;
}

/* Bars: filled paths of colour taller than minh (legend swatches are 9 high). */
static int
count_fills(const struct svgpath *ps, int n, uint32_t color, double minh)
{
	int i, k = 0;

	for (i = 0; i < n; i++)
		if (ps[i].fill == color && ps[i].y1 - ps[i].y0 > minh)
			k++;
	return k;
}

/* The scene has a text run equal to s. */
static int
has_text(const struct scene *sc, const char *s)
{
	size_t i;

	for (i = 0; i < scene_op_count(sc); i++) {
		const struct scene_op *op = scene_op_at(sc, i);
		if (op->kind == SCENE_OP_TEXT && strcmp(op->text, s) == 0)
			return 1;
	}
	return 0;
}

static int
has_text_prefix(const struct scene *sc, const char *s)
{
	size_t i;

	for (i = 0; i < scene_op_count(sc); i++) {
		const struct scene_op *op = scene_op_at(sc, i);
		if (op->kind == SCENE_OP_TEXT && strncmp(op->text, s, strlen(s)) == 0)
			return 1;
	}
	return 0;
}

/* Everything drawn lies inside the scene: nothing cut off or spilling. */
static void
expect_inside(const struct chart *c, const char *what)
{
	const struct scene *sc = c->scene;
	double W = scene_width(sc), H = scene_height(sc);
	size_t i, k;

	for (i = 0; i < scene_op_count(sc); i++) {
		const struct scene_op *op = scene_op_at(sc, i);
		if (op->kind == SCENE_OP_TEXT) {
			cr_expect(op->x >= -0.01 && op->x + op->width <= W + 0.01 &&
			    op->y - op->size * 0.8 >= -0.01 && op->y <= H + 0.01,
			    "%s: text \"%s\" at %.1f,%.1f (w %.1f) outside %.0fx%.0f", what,
			    op->text, op->x, op->y, op->width, W, H);
			continue;
		}
		for (k = op->first_seg; k < op->first_seg + op->nseg; k++) {
			const struct scene_seg *g = &scene_segs(sc)[k];
			if (g->kind == SCENE_SEG_CLOSE)
				continue;
			cr_expect(g->x - g->r >= -0.01 && g->x + g->r <= W + 0.01 &&
			    g->y - g->r >= -0.01 && g->y + g->r <= H + 0.01,
			    "%s: point %.1f,%.1f outside %.0fx%.0f", what, g->x, g->y, W, H);
		}
	}
}

/* No two text runs overlap (labels legible). */
static void
expect_no_text_overlap(const struct chart *c, const char *what)
{
	const struct scene *sc = c->scene;
	size_t i, j;

	for (i = 0; i < scene_op_count(sc); i++) {
		const struct scene_op *a = scene_op_at(sc, i);
		if (a->kind != SCENE_OP_TEXT)
			continue;
		for (j = i + 1; j < scene_op_count(sc); j++) {
			const struct scene_op *b = scene_op_at(sc, j);
			if (b->kind != SCENE_OP_TEXT)
				continue;
			int apart = a->x + a->width <= b->x + 0.5 ||
			    b->x + b->width <= a->x + 0.5 ||
			    a->y <= b->y - b->size * 0.72 + 0.5 ||
			    b->y <= a->y - a->size * 0.72 + 0.5;
			cr_expect(apart, "%s: \"%s\" overlaps \"%s\"", what, a->text, b->text);
		}
	}
}

/* The ids of the SVG all carry the prefix, and every reference resolves. */
static void
expect_ids_prefixed(const char *svg, const char *prefix)
{
	const char *p = svg;
	char want[128];
	int refs = 0;

	cr_expect(strncmp(svg, "<svg", 4) == 0, "no XML prolog, starts with <svg");
	cr_expect_null(strstr(svg, "<?xml"));
	while ((p = strstr(p, "id=\"")) != NULL) {
		p += 4;
		cr_expect(strncmp(p, prefix, strlen(prefix)) == 0 && p[strlen(prefix)] == '-',
		    "id %.20s lacks prefix %s", p, prefix);
	}
	for (p = svg; (p = strstr(p, "aria-labelledby=\"")) != NULL; refs++) {
		size_t n;
		p += 17;
		n = strcspn(p, "\"");
		snprintf(want, sizeof want, "id=\"%.*s\"", (int)n, p);
		cr_expect_not_null(strstr(svg, want), "reference #%.*s has no target", (int)n, p);
	}
	cr_expect_eq(refs, 1, "the title is referenced");
	cr_expect_not_null(strstr(svg, "<text "), "text stays text");
}

/* ---- attainment ---- */

Test(chart, attainment_structure)
{
	cJSON *k = desk();
	struct i18n *en = i18n_load("en");
	struct chart *c = chart_build(CHART_ATTAINMENT, k, "desk", "2026-10", en, NULL);
	struct svgpath ps[600];
	size_t len;
	char *svg;
	int n, i;
	double base = -1, top100 = -1;

	cr_assert_not_null(c);
	cr_expect_eq(c->kind, CHART_ATTAINMENT);
	cr_expect_str_eq(c->title, "Resolved in time by severity, October 2026");
	/* 50 of 52 = 96.1538… %: half away from zero at one decimal is 96.2. */
	cr_expect_str_eq(c->summary,
	    "Severity 1: 92.3% of 13 resolved in time, goal 100% — missed; "
	    "Severity 2: no items; Severity 3: 96.2% of 52 resolved in time, goal 90% — met; "
	    "Severity 4: 90% of 10 resolved in time, goal 90% — met.");
	svg = chart_svg(c, "att", &len);
	cr_assert_not_null(svg);
	cr_expect_eq(strlen(svg), len);
	expect_ids_prefixed(svg, "att");
	cr_expect_not_null(strstr(svg, "<title id=\"att-title\">Resolved in time by severity, "
	    "October 2026</title>"));
	cr_expect_not_null(strstr(svg, "<desc id=\"att-desc\">Severity 1: 92.3% of 13"));
	n = svg_paths(svg, ps, 600);
	/* Bars: two met (green), one missed (vermillion), none for severity 2. */
	cr_expect_eq(count_fills(ps, n, 0x009E73, 12), 2);
	cr_expect_eq(count_fills(ps, n, 0xD55E00, 12), 1);
	/* Goal markers: black strokes 2.5 wide below the legend, one per
	 * severity with a goal, severity 2 (no items) included. */
	int goals = 0;
	for (i = 0; i < n; i++)
		if (ps[i].stroke == 0 && fabs(ps[i].width - 2.5) < 1e-9 && ps[i].y0 > 40)
			goals++;
	cr_expect_eq(goals, 4, "a goal marker per severity");
	/* The scale: the baseline is the bars' bottom; 100 % is where severity 3's
	 * goal sits, 90 %; its bar is 96.15 %. */
	for (i = 0; i < n; i++)
		if (ps[i].fill == 0x009E73 && ps[i].y1 - ps[i].y0 > 12)
			base = ps[i].y1;
	cr_assert_gt(base, 0);
	for (i = 0; i < n; i++)
		if (ps[i].stroke == 0 && fabs(ps[i].width - 2.5) < 1e-9 && ps[i].y0 > 40 &&
		    top100 < 0)
			top100 = ps[i].y0;	/* severity 1: goal 100 % */
	double unit = (base - top100) / 100;
	int found90 = 0, found95 = 0;
	for (i = 0; i < n; i++) {
		if (ps[i].stroke != 0 || fabs(ps[i].width - 2.5) > 1e-9 || ps[i].y0 <= 40)
			continue;
		found90 += fabs(ps[i].y0 - (base - 90 * unit)) < 0.01;
		found95 += fabs(ps[i].y0 - (base - 95 * unit)) < 0.01;
	}
	cr_expect_eq(found90, 2, "goal 90%% markers at 90%% of the scale");
	cr_expect_eq(found95, 1, "goal 95%% marker at 95%% of the scale");
	/* Severity 3's bar top is at its attainment. */
	int bar3 = 0;
	for (i = 0; i < n; i++)
		if (ps[i].fill == 0x009E73 && fabs(ps[i].y0 - (base - 5000.0 / 52 * unit)) < 0.01)
			bar3++;
	cr_expect_eq(bar3, 1);
	/* Labels: names, n, values and status words. */
	cr_expect(has_text(c->scene, "Critical"));
	cr_expect(has_text(c->scene, "n = 13"));
	cr_expect(has_text(c->scene, "92.3%"));
	cr_expect(has_text(c->scene, "\xE2\x9C\x97 missed"));
	cr_expect(has_text(c->scene, "\xE2\x9C\x93 met"));
	cr_expect(has_text(c->scene, "no data"));
	/* The table. */
	cJSON *rows = cJSON_GetObjectItem(c->table, "rows");
	cr_expect_eq(cJSON_GetArraySize(cJSON_GetObjectItem(c->table, "columns")), 7);
	cr_expect_eq(cJSON_GetArraySize(rows), 4);
	cr_expect_str_eq(cJSON_GetArrayItem(cJSON_GetArrayItem(rows, 0), 4)->valuestring, "92.3%");
	expect_inside(c, "attainment");
	expect_no_text_overlap(c, "attainment");
	free(svg);
	chart_free(c);
	i18n_free(en);
	cJSON_Delete(k);
}

Test(chart, german)
{
	cJSON *k = desk();
	struct i18n *de = i18n_load("de-DE");
	struct chart *c = chart_build(CHART_ATTAINMENT, k, "desk", "2026-10", de, NULL);

	cr_assert_not_null(c);
	cr_expect_str_eq(c->title, "Rechtzeitig gelöst nach Priorität, Oktober 2026");
	cr_expect_not_null(strstr(c->summary,
	    "Priorität 1: 92,3\xC2\xA0% von 13 rechtzeitig gelöst, "
	    "Ziel 100\xC2\xA0% – verfehlt"), "%s", c->summary);
	cr_expect(has_text(c->scene, "92,3\xC2\xA0%"));
	chart_free(c);
	c = chart_build(CHART_TREND, k, "desk", "2026-10", de, NULL);
	cr_expect(has_text(c->scene, "Sept."));
	cr_expect(has_text(c->scene, "Okt."));
	chart_free(c);
	i18n_free(de);
	cJSON_Delete(k);
}

/* ---- every kind, determinism ---- */

static cJSON *
desk_with_olas(void)
{
	cJSON *k = desk(), *o, *p;
	static const double b1[] = { 3600, 7200, 8 * 3600, 30 * 3600 };
	static const double m[] = { 3, 4, 10, 2 }, br[] = { 0, 1, 1, 0 };

	o = kp_agreement(k, "ola-net", "ola", "network", "desk", 4, names4, goals4, b1);
	kp_period(o, "2026-10", m, br);
	o = kp_agreement(k, "ola-sys", "ola", "systems", "desk", 4, names4, goals4, b1);
	p = kp_period(o, "2026-10", m, br);
	kp_times(p, 1, 9000, 30000);
	return k;
}

Test(chart, every_kind_deterministic)
{
	cJSON *k = desk_with_olas();
	struct i18n *en = i18n_load("en");
	int kind;

	for (kind = 0; kind < CHART_KIND_COUNT; kind++) {
		struct chart *c1 = chart_build(kind, k, "desk", "2026-10", en, NULL);
		cr_assert_not_null(c1, "kind %d", kind);
		/* Another chart in between moves cairo's process-wide counters. */
		struct chart *other = chart_build(CHART_TREND, k, "desk", NULL, en, NULL);
		char *s0 = chart_svg(other, "x", NULL);
		struct chart *c2 = chart_build(kind, k, "desk", "2026-10", en, NULL);
		size_t n1, n2;
		char *a = chart_svg(c1, "k", &n1), *b = chart_svg(c2, "k", &n2);
		cr_assert(a != NULL && b != NULL);
		cr_expect(n1 == n2 && memcmp(a, b, n1) == 0, "kind %d: SVG bytes differ", kind);
		expect_ids_prefixed(a, "k");
		cr_expect(c1->title[0] != '\0' && c1->summary[0] != '\0');
		cr_expect_not_null(cJSON_GetObjectItem(c1->table, "rows"));
		expect_inside(c1, c1->title);
		expect_no_text_overlap(c1, c1->title);
		struct strbuf p1 = {0}, p2 = {0};
		cr_expect_eq(scene_write_png(c1->scene, 96, &p1), 0);
		cr_expect_eq(scene_write_png(c2->scene, 96, &p2), 0);
		cr_expect(p1.len == p2.len && memcmp(p1.data, p2.data, p1.len) == 0,
		    "kind %d: PNG bytes differ", kind);
		cr_expect(p1.len > 8 && memcmp(p1.data, "\x89PNG", 4) == 0);
		strbuf_free(&p1);
		strbuf_free(&p2);
		free(a);
		free(b);
		free(s0);
		chart_free(c1);
		chart_free(c2);
		chart_free(other);
	}
	/* Only an SLA with OLAs under it has the OLA picture. */
	cr_expect_null(chart_build(CHART_OLA_BUDGET, k, "ola-net", "2026-10", en, NULL));
	cr_expect_null(chart_build(CHART_ATTAINMENT, k, "no-such-agreement", "2026-10", en, NULL));
	i18n_free(en);
	cJSON_Delete(k);
}

Test(chart, ola_budgets)
{
	cJSON *k = desk_with_olas();
	struct i18n *en = i18n_load("en");
	struct chart *c = chart_build(CHART_OLA_BUDGET, k, "desk", "2026-10", en, NULL);

	cr_assert_not_null(c);
	/* Severity 2: promise 8h; budgets 2h + 2h; medians 1h (net) + 2h 30m (sys). */
	cr_expect_not_null(strstr(c->summary, "Severity 2: promise 8h, budgets add up to 4h, "
	    "medians to 3h 30m, 90th percentiles to"), "%s", c->summary);
	cr_expect(has_text(c->scene, "network"));
	cr_expect(has_text(c->scene, "systems"));
	cr_expect(has_text_prefix(c->scene, "High \xC2\xB7 SLA promise 8h"));
	cr_expect(has_text(c->scene, "4h \xE2\x9C\x93"));
	/* The table: per severity a row per team and the promise. */
	cr_expect_eq(cJSON_GetArraySize(cJSON_GetObjectItem(c->table, "rows")), 4 * 3);
	chart_free(c);
	i18n_free(en);
	cJSON_Delete(k);
}

Test(chart, distribution_target_marker)
{
	cJSON *k = desk();
	struct i18n *en = i18n_load("en");
	struct chart *c = chart_build(CHART_DISTRIBUTION, k, "desk", "2026-10", en, NULL);
	struct svgpath ps[800];
	char *svg;
	int n, i, markers = 0, within = 0, beyond = 0;

	cr_assert_not_null(c);
	cr_expect(has_text(c->scene, "target 4h"));
	cr_expect(has_text(c->scene, "target 100h"));
	cr_expect_not_null(strstr(c->summary, "Severity 1: 12 of 13 within the target of 4h, "
	    "median 2h"), "%s", c->summary);
	svg = chart_svg(c, "d", NULL);
	n = svg_paths(svg, ps, 800);
	/* Bins are 1/21 of the plot: the met bin (4) lies left of the target
	 * marker, the breached bin (12) right of it. */
	double tx = -1;
	for (i = 0; i < n; i++)
		if (ps[i].stroke == 0 && fabs(ps[i].width - 1.5) < 1e-9 && ps[i].x0 == ps[i].x1) {
			markers++;
			tx = ps[i].x0;
		}
	cr_expect_eq(markers, 3, "severities 1, 3, 4 have items");
	for (i = 0; i < n; i++) {
		if (ps[i].fill == 0x009E73 && ps[i].y0 > 40 && ps[i].x1 < tx)
			within++;
		if (ps[i].fill == 0xD55E00 && ps[i].y0 > 40 && ps[i].x0 > tx)
			beyond++;
	}
	cr_expect_eq(within, 3);
	cr_expect_eq(beyond, 3);
	free(svg);
	chart_free(c);
	i18n_free(en);
	cJSON_Delete(k);
}

/* ---- point 5: edge cases draw something sensible ---- */

Test(chart, no_data)
{
	cJSON *k = kp_new();
	cJSON *a = kp_agreement(k, "quiet", "sla", "desk", NULL, 4, names4, goals4, targets4);
	struct i18n *en = i18n_load("en");
	int kind;

	kp_period(a, "2026-10", NULL, NULL);
	for (kind = 0; kind < CHART_OLA_BUDGET; kind++) {
		struct chart *c = chart_build(kind, k, "quiet", "2026-10", en, NULL);
		cr_assert_not_null(c);
		cr_expect(has_text(c->scene, "No items in October 2026"), "kind %d", kind);
		cr_expect_str_eq(c->summary, "No items in October 2026.");
		expect_inside(c, c->title);
		chart_free(c);
	}
	/* A month the agreement has no figures for at all. */
	struct chart *c = chart_build(CHART_ATTAINMENT, k, "quiet", "2027-02", en, NULL);
	cr_assert_not_null(c);
	cr_expect(has_text(c->scene, "No items in February 2027"));
	chart_free(c);
	i18n_free(en);
	cJSON_Delete(k);
}

Test(chart, one_point_all_100_only_breaches)
{
	cJSON *k = kp_new();
	static const double g[] = { 100, 90 }, t[] = { 3600, 7200 };
	static const double met[] = { 5, 0 }, br[] = { 0, 4 };
	cJSON *a = kp_agreement(k, "one", "sla", "desk", NULL, 2, NULL, g, t);
	struct i18n *en = i18n_load("en");
	struct chart *c;

	kp_period(a, "2026-10", met, br);
	c = chart_build(CHART_ATTAINMENT, k, "one", NULL, en, NULL);
	cr_assert_not_null(c);
	cr_expect(has_text(c->scene, "100%"));
	cr_expect(has_text(c->scene, "0%"));
	cr_expect(has_text(c->scene, "Severity 1"), "unnamed severities by key");
	cr_expect_not_null(strstr(c->summary,
	    "Severity 2: 0% of 4 resolved in time, goal 90% — missed"));
	expect_inside(c, "only breaches");
	expect_no_text_overlap(c, "only breaches");
	/* The 0 % bar still shows a (missed) mark. */
	char *svg = chart_svg(c, "z", NULL);
	struct svgpath ps[400];
	int n = svg_paths(svg, ps, 400);
	int zero = 0;
	for (int i = 0; i < n; i++)
		zero += ps[i].fill == 0xD55E00 && ps[i].y0 > 40 && ps[i].y1 - ps[i].y0 < 3;
	cr_expect_eq(zero, 1, "a flat missed mark for 0%%");
	free(svg);
	chart_free(c);
	/* One month: the trend is a single marker per severity. */
	c = chart_build(CHART_TREND, k, "one", "2026-10", en, NULL);
	cr_assert_not_null(c);
	cr_expect(has_text(c->scene, "Oct"));
	cr_expect(!has_text(c->scene, "Sep"));
	expect_inside(c, "one point");
	chart_free(c);
	c = chart_build(CHART_VOLUME, k, "one", "2026-10", en, NULL);
	cr_expect(has_text(c->scene, "9"));
	expect_inside(c, "one month volume");
	chart_free(c);
	i18n_free(en);
	cJSON_Delete(k);
}

Test(chart, many_severities_long_names)
{
	enum { NS = 12 };
	cJSON *k = kp_new(), *a;
	const char *names[NS];
	double g[NS], t[NS], met[NS], br[NS];
	struct i18n *en = i18n_load("en");
	int s, kind;

	for (s = 0; s < NS; s++) {
		names[s] = s % 2 ? "A severity with an exceedingly long descriptive name" : "Short";
		g[s] = 90;
		t[s] = 3600 * (s + 1);
		met[s] = 10 + s;
		br[s] = s % 3;
	}
	a = kp_agreement(k, "many", "sla", "a team whose name goes on and on and on and on",
	    NULL, NS, names, g, t);
	kp_period(a, "2026-09", met, br);
	kp_period(a, "2026-10", met, br);
	kp_agreement(k, "ola-long", "ola",
	    "Applications Development and Maintenance Team for Enterprise Resource Planning",
	    "many", NS, names, g, t);
	for (kind = 0; kind < CHART_KIND_COUNT; kind++) {
		struct chart *c = chart_build(kind, k, "many", "2026-10", en, NULL);
		cr_assert_not_null(c, "kind %d", kind);
		expect_inside(c, c->title);
		expect_no_text_overlap(c, c->title);
		if (kind == CHART_ATTAINMENT) {
			char *svg = chart_svg(c, "m", NULL);
			struct svgpath ps[3000];
			int n = svg_paths(svg, ps, 3000);
			cr_expect_eq(count_fills(ps, n, 0x009E73, 12) +
			    count_fills(ps, n, 0xD55E00, 12), NS, "a bar per severity");
			/* A name that would shrink to a stub gives way to its key. */
			cr_expect(has_text(c->scene, "Short"));
			cr_expect(has_text(c->scene, "12"), "long names replaced by the key");
			cr_expect(!has_text_prefix(c->scene, "A severity"));
			free(svg);
		}
		if (kind == CHART_OLA_BUDGET)
			cr_expect(has_text_prefix(c->scene, "Applications Development") &&
			    !has_text(c->scene, "Applications Development and Maintenance Team for "
			    "Enterprise Resource Planning"), "legend ellipsis");
		chart_free(c);
	}
	i18n_free(en);
	cJSON_Delete(k);
}

Test(chart, far_beyond_target)
{
	cJSON *k = desk_with_olas();
	struct i18n *en = i18n_load("en");
	cJSON *o = cJSON_GetArrayItem(cJSON_GetObjectItem(k, "agreements"), 1);
	cJSON *p = cJSON_GetArrayItem(cJSON_GetObjectItem(o, "periods"), 0);
	struct chart *c;

	/* The network team's p90 is 100 times the promise. */
	kp_times(p, 0, 50 * 3600, 400 * 3600);
	c = chart_build(CHART_OLA_BUDGET, k, "desk", "2026-10", en, NULL);
	cr_assert_not_null(c);
	expect_inside(c, "far beyond");
	expect_no_text_overlap(c, "far beyond");
	/* 400h + severity 1's 54m of the systems team */
	cr_expect(has_text_prefix(c->scene, "400h 54m"), "the true sum is printed");
	chart_free(c);
	i18n_free(en);
	cJSON_Delete(k);
}

Test(chart, null_goal_and_named_keys)
{
	cJSON *k = kp_new(), *a, *t;
	static const double g[] = { NAN, 95 }, tg[] = { 3600, 7200 };
	static const double met[] = { 3, 2 }, br[] = { 1, 0 };
	static const char *const names[] = { NULL, "Warm lead" };
	struct i18n *en = i18n_load("en");
	struct chart *c;

	a = kp_agreement(k, "leads", "sla", "marketing", NULL, 2, names, g, tg);
	t = cJSON_GetArrayItem(cJSON_GetObjectItem(a, "targets"), 1);
	cJSON_ReplaceItemInObject(t, "severity", cJSON_CreateString("warm"));
	kp_period(a, "2026-10", met, br);
	c = chart_build(CHART_ATTAINMENT, k, "leads", "2026-10", en, NULL);
	cr_assert_not_null(c);
	cr_expect_not_null(strstr(c->summary, "Severity 1: 75% of 4 resolved in time, no goal"),
	    "%s", c->summary);
	cr_expect_not_null(strstr(c->summary, "Warm lead: 100% of 2"), "%s", c->summary);
	expect_inside(c, "null goal");
	chart_free(c);
	i18n_free(en);
	cJSON_Delete(k);
}

/* ---- text: same widths in every back end ---- */

Test(chart, font_widths_match_pdf)
{
	static const char *const samples[] = { "Resolved in time by severity",
		"Rechtzeitig gelöst: „Priorität“ ≥ 95,3 % — 1.234,5 €", "n = 183" };
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	HPDF_Page page;
	HPDF_Font f;
	size_t i;

	cr_assert_not_null(font_path(FONT_REGULAR), "fontconfig finds DejaVu Sans");
	cr_expect_not_null(strstr(font_path(FONT_REGULAR), "DejaVuSans"));
	cr_expect_not_null(strstr(font_path(FONT_BOLD), "Bold"));
	cr_expect_not_null(font_path(FONT_MONO));
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	f = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, font_path(FONT_REGULAR), HPDF_TRUE),
	    "UTF-8");
	page = HPDF_AddPage(pdf);
	HPDF_Page_SetFontAndSize(page, f, 9);
	for (i = 0; i < sizeof samples / sizeof *samples; i++) {
		double ours = font_text_width(FONT_REGULAR, 9, samples[i]);
		double pdfw = HPDF_Page_TextWidth(page, samples[i]);
		/* libharu rounds each advance to 1/1000 em (the PDF /Widths):
		 * within 0.2 %, which scene_draw_pdf takes out with Tz. */
		cr_expect(fabs(ours - pdfw) < 0.002 * ours, "\"%s\": %.3f vs %.3f", samples[i],
		    ours, pdfw);
	}
	HPDF_Free(pdf);
}

Test(chart, ellipsize)
{
	char *s = scene_ellipsize("Ärger über lange Namen", FONT_REGULAR, 9, 50);

	cr_expect_leq(font_text_width(FONT_REGULAR, 9, s), 50);
	cr_expect_not_null(strstr(s, "\xE2\x80\xA6"));
	cr_expect_eq(utf8_invalid_offset(s, strlen(s)), strlen(s));
	free(s);
	s = scene_ellipsize("kurz", FONT_REGULAR, 9, 50);
	cr_expect_str_eq(s, "kurz");
	free(s);
}

Test(chart, pdf_backend_keeps_text)
{
	cJSON *k = desk();
	struct i18n *en = i18n_load("en");
	struct chart *c = chart_build(CHART_ATTAINMENT, k, "desk", "2026-10", en, NULL);
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	HPDF_Font reg, bold;
	HPDF_Page page;

	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	reg = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, font_path(FONT_REGULAR), HPDF_TRUE),
	    "UTF-8");
	bold = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, font_path(FONT_BOLD), HPDF_TRUE),
	    "UTF-8");
	page = HPDF_AddPage(pdf);
	scene_draw_pdf(c->scene, page, 50, 800, 1, reg, bold);
	cr_expect_eq(HPDF_GetError(pdf), HPDF_OK);
	cr_expect_eq(HPDF_SaveToStream(pdf), HPDF_OK);
	cr_expect_gt(HPDF_GetStreamSize(pdf), 1000);
	HPDF_Free(pdf);
	chart_free(c);
	i18n_free(en);
	cJSON_Delete(k);
}

/* German words are longer: every kind still fits and no labels collide. */
Test(chart, german_every_kind_fits)
{
	cJSON *k = desk_with_olas();
	struct i18n *de = i18n_load("de");
	int kind;

	for (kind = 0; kind < CHART_KIND_COUNT; kind++) {
		struct chart *c = chart_build(kind, k, "desk", "2026-10", de, NULL);
		cr_assert_not_null(c, "kind %d", kind);
		expect_inside(c, c->title);
		expect_no_text_overlap(c, c->title);
		chart_free(c);
	}
	i18n_free(de);
	cJSON_Delete(k);
}

/* A prefix that is no XML name is made into one (ids, url(#…) stay valid). */
Test(chart, id_prefix_sanitised)
{
	cJSON *k = desk();
	struct i18n *en = i18n_load("en");
	struct chart *c = chart_build(CHART_ATTAINMENT, k, "desk", "2026-10", en, NULL);
	char *svg = chart_svg(c, "9 \"x\"<y>", NULL);

	cr_assert_not_null(svg);
	expect_ids_prefixed(svg, "c9__x__y_");
	free(svg);
	chart_free(c);
	i18n_free(en);
	cJSON_Delete(k);
}
