/* view_summary.c: the executive summary of a month — a RAG status per
 * agreement, pooled attainment and its change, a 12-month sparkline, breaches,
 * credits, the totals and what needs attention. One view model; the month's
 * report page (templates/summary.mustache) and the report PDF (pdf_summary.c)
 * both draw it. Every figure is read from the kpis tree. */
#include "view_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "kpi.h"
#include "model.h"
#include "scene.h"

static const char *const rag_names[] = { "grey", "green", "amber", "red" };

/* The row of a period's severities that counts as severity 1: the one with
 * key 1, else the first (front-matter order: the agreement lists its highest
 * priority first, docs/input.md 3.6; keys such as "hot" have no number). */
static const cJSON *
sev1_row(const cJSON *period)
{
	const cJSON *sevs = cJSON_GetObjectItemCaseSensitive(period, "severities"), *r;

	cJSON_ArrayForEach(r, sevs) {
		const cJSON *k = cJSON_GetObjectItemCaseSensitive(r, "severity");
		if (cJSON_IsNumber(k) && k->valuedouble == 1)
			return r;
	}
	return cJSON_GetArrayItem(sevs, 0);
}

static double
num(const cJSON *o, const char *key)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsNumber(n) ? n->valuedouble : 0;
}

/* 1: every goal with data met (at least one), 0: a goal missed, -1: no data. */
static int
goals(const cJSON *period)
{
	const cJSON *r;
	int st = -1;

	cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(period, "severities")) {
		static const char *const clocks[] = { "response", "resolution" };
		for (int c = 0; c < 2; c++) {
			const cJSON *gm = cJSON_GetObjectItemCaseSensitive(
			    cJSON_GetObjectItemCaseSensitive(r, clocks[c]), "goal_met");
			if (cJSON_IsFalse(gm))
				return 0;
			if (cJSON_IsTrue(gm))
				st = 1;
		}
	}
	return st;
}

enum view_rag
view_rag(const cJSON *period, bool *credit_owed, bool *sev1_missed)
{
	const cJSON *one = sev1_row(period), *r;
	bool any_met = false, any_missed = false, s1 = false;
	bool credit = num(cJSON_GetObjectItemCaseSensitive(period, "credit"), "amount") > 0;

	cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(period, "severities")) {
		static const char *const clocks[] = { "response", "resolution" };
		for (int c = 0; c < 2; c++) {
			/* goal_met is kpis.json's: attainment >= goal, so a tie meets it. */
			const cJSON *gm = cJSON_GetObjectItemCaseSensitive(
			    cJSON_GetObjectItemCaseSensitive(r, clocks[c]), "goal_met");
			any_met |= cJSON_IsTrue(gm);
			if (cJSON_IsFalse(gm)) {
				any_missed = true;
				s1 |= r == one;
			}
		}
	}
	if (credit_owed != NULL)
		*credit_owed = credit;
	if (sev1_missed != NULL)
		*sev1_missed = s1;
	if (credit || s1)
		return VIEW_RAG_RED;
	if (any_missed)
		return VIEW_RAG_AMBER;
	return any_met ? VIEW_RAG_GREEN : VIEW_RAG_GREY;
}

const char *
view_rag_name(enum view_rag r)
{
	return rag_names[r];
}

static const cJSON *
pooled(const cJSON *period)
{
	return cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(period, "total"), "resolution"), "attainment");
}

bool
view_change_points(const cJSON *now, const cJSON *prev, double *points)
{
	const cJSON *a = pooled(now), *b = pooled(prev);

	if (!cJSON_IsNumber(a) || !cJSON_IsNumber(b))
		return false;
	*points = a->valuedouble - b->valuedouble;
	return true;
}

int
view_spark_points(const cJSON *agreement, int ym, double out[VIEW_SPARK_MONTHS])
{
	int n = 0;

	for (int k = 0; k < VIEW_SPARK_MONTHS; k++) {
		const cJSON *a = pooled(vx_period(agreement, ym - (VIEW_SPARK_MONTHS - 1) + k));
		out[k] = cJSON_IsNumber(a) ? a->valuedouble : NAN;
		n += cJSON_IsNumber(a);
	}
	return n;
}

int
view_miss_streak(const cJSON *agreement, int ym)
{
	int n = 0;

	for (int m = ym; m >= 0; m--) {
		const cJSON *p = vx_period(agreement, m);
		if (p == NULL)
			break;
		/* The month in progress has not missed anything yet. */
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p, "partial")))
			continue;
		/* A month without data breaks the run: nothing says it missed. */
		bool missed = goals(p) == 0;
		if (!missed)
			break;
		n++;
	}
	return n;
}

struct worst {
	const cJSON *b;
	int agreement;
	size_t order;
	int64_t over;
};

static int
cmp_worst(const void *pa, const void *pb)
{
	const struct worst *a = pa, *b = pb;

	if (a->over != b->over)
		return a->over < b->over ? 1 : -1;
	return (a->order > b->order) - (a->order < b->order);
}

/* How far over: kpis.json's over_s, the business time the clock ran past its
 * target by the end of the month (by its own end when it ended first). A
 * breach without it (an older kpis.json) is left out. */
cJSON *
view_worst_breaches(const cJSON *kpis, int ym, int max)
{
	const cJSON *ags = cJSON_GetObjectItemCaseSensitive(kpis, "agreements"), *ag, *b;
	struct worst *w = NULL;
	size_t n = 0, cap = 0, order = 0;
	int i = 0;
	cJSON *out = cJSON_CreateArray();

	cJSON_ArrayForEach(ag, ags) {
		cJSON_ArrayForEach(b, cJSON_GetObjectItemCaseSensitive(vx_period(ag, ym),
		    "breaches")) {
			const cJSON *over = cJSON_GetObjectItemCaseSensitive(b, "over_s");
			if (!cJSON_IsNumber(over))
				continue;
			xgrow((void **)&w, &cap, n + 1, sizeof *w);
			w[n].b = b;
			w[n].agreement = i;
			w[n].order = order++;
			w[n].over = (int64_t)over->valuedouble;
			n++;
		}
		i++;
	}
	if (n > 1)
		qsort(w, n, sizeof *w, cmp_worst);
	for (size_t k = 0; k < n && (int)k < max; k++) {
		cJSON *o = cJSON_Duplicate(w[k].b, 1);
		const cJSON *a = cJSON_GetArrayItem(ags, w[k].agreement);
		cJSON_AddItemToObject(o, "agreement", cJSON_Duplicate(
		    cJSON_GetObjectItemCaseSensitive(a, "id"), 0));
		cJSON_AddItemToArray(out, o);
	}
	free(w);
	return out;
}

void
view_sparkline_draw(struct scene *s, const double pts[VIEW_SPARK_MONTHS], double x0,
    double y0, double w, double h)
{
	struct scene_paint line = { SCENE_NONE, 0x1F2933, 1.2, 0, SCENE_HATCH_NONE, 0 };
	struct scene_paint dot = { 0x1F2933, SCENE_NONE, 0, 0, SCENE_HATCH_NONE, 0 };
	double lo = INFINITY, hi = -INFINITY, pad = 2.5;
	bool open = false;
	const int last = VIEW_SPARK_MONTHS - 1;

	for (int k = 0; k < VIEW_SPARK_MONTHS; k++)
		if (!isnan(pts[k])) {
			lo = fmin(lo, pts[k]);
			hi = fmax(hi, pts[k]);
		}
	if (lo > hi) {
		scene_line(s, x0, y0 + h / 2, x0 + w, y0 + h / 2, 0xC9CED6, 0.6, 2);
		return;
	}
	/* At least ten points tall, so that a flat 100% reads as flat, not as noise. */
	if (hi - lo < 10) {
		double mid = (hi + lo) / 2;
		lo = mid - 5;
		hi = mid + 5;
	}
#define SX(k) (x0 + pad + (w - 2 * pad) * (k) / last)
#define SY(val) (y0 + pad + (h - 2 * pad) * (hi - (val)) / (hi - lo))
	/* Missing months are gaps: the line stops and starts again; a month
	 * between two gaps is a dot. */
	for (int k = 0; k < VIEW_SPARK_MONTHS; k++) {
		bool alone = !isnan(pts[k]) && (k == 0 || isnan(pts[k - 1])) &&
		    (k == last || isnan(pts[k + 1]));
		if (isnan(pts[k])) {
			if (open)
				scene_end_path(s, &line);
			open = false;
		} else if (alone) {
			scene_begin_path(s);
			scene_circle(s, SX(k), SY(pts[k]), 1.1);
			scene_end_path(s, &dot);
		} else if (!open) {
			scene_begin_path(s);
			scene_move_to(s, SX(k), SY(pts[k]));
			open = true;
		} else
			scene_line_to(s, SX(k), SY(pts[k]));
	}
	if (open)
		scene_end_path(s, &line);
	/* The month itself, marked. */
	if (!isnan(pts[last])) {
		scene_begin_path(s);
		scene_circle(s, SX(last), SY(pts[last]), 1.8);
		scene_end_path(s, &dot);
	}
#undef SX
#undef SY
}

struct scene *
view_sparkline(const double pts[VIEW_SPARK_MONTHS], double w, double h)
{
	struct scene *s = scene_new(w, h);

	view_sparkline_draw(s, pts, 0, 0, w, h);
	return s;
}

/* ---- the view model ---- */

static void
add_fmt(cJSON *o, const char *key, struct strbuf *sb)
{
	cJSON_AddStringToObject(o, key, sb->data != NULL ? sb->data : "");
	strbuf_free(sb);
}

static void
add_text(const struct view_ctx *v, cJSON *o, const char *key, const char *msg, ...)
{
	struct strbuf sb = {0};
	va_list ap;

	va_start(ap, msg);
	i18n_vformat(v->loc, &sb, msg, ap);
	va_end(ap);
	add_fmt(o, key, &sb);
}

static char *
figure(const struct view_ctx *v, double pct)
{
	struct strbuf sb = {0};

	i18n_figure_percent(v->loc, &sb, pct);
	return strbuf_detach(&sb, NULL);
}

/* The change in points as the index writes it ("+2.1 pts", "−0.4 pts",
 * "±0 pts"), the sign from the rounded figure. */
static void
add_change(const struct view_ctx *v, cJSON *o, const cJSON *p, const cJSON *prev)
{
	double d;
	struct strbuf n = {0}, sb = {0};

	if (!view_change_points(p, prev, &d)) {
		cJSON_AddStringToObject(o, "change", "–");
		cJSON_AddStringToObject(o, "change_class", "flat");
		return;
	}
	d = round(d * 10) / 10;
	strbuf_puts(&n, d > 0 ? "+" : d < 0 ? "−" : "±");
	i18n_number(v->loc, &n, fabs(d), 1);
	i18n_format(v->loc, &sb, "web.change_points", n.data, (char *)NULL);
	strbuf_free(&n);
	add_fmt(o, "change", &sb);
	cJSON_AddStringToObject(o, "change_class", d > 0 ? "up" : d < 0 ? "down" : "flat");
}

/* The sparkline's text alternative: the span, first and last value, low and
 * high, and how many months have no data. */
static cJSON *
spark(const struct view_ctx *v, const cJSON *ag, int ym, const char *id)
{
	double pts[VIEW_SPARK_MONTHS];
	int have = view_spark_points(ag, ym, pts), first = -1, last = -1;
	double lo = INFINITY, hi = -INFINITY;
	cJSON *o = cJSON_CreateObject(), *arr = cJSON_AddArrayToObject(o, "points");
	struct strbuf from = {0}, to = {0}, sb = {0};

	i18n_month(v->loc, &from, ym - (VIEW_SPARK_MONTHS - 1), 0);
	i18n_month(v->loc, &to, ym, 0);
	for (int k = 0; k < VIEW_SPARK_MONTHS; k++) {
		cJSON_AddItemToArray(arr, isnan(pts[k]) ? cJSON_CreateNull() :
		    cJSON_CreateNumber(pts[k]));
		if (isnan(pts[k]))
			continue;
		if (first < 0)
			first = k;
		last = k;
		lo = fmin(lo, pts[k]);
		hi = fmax(hi, pts[k]);
	}
	if (have == 0) {
		i18n_format(v->loc, &sb, "summary.spark_none", from.data, to.data, (char *)NULL);
	} else {
		char *a = figure(v, pts[first]), *b = figure(v, pts[last]);
		char *l = figure(v, lo), *h = figure(v, hi), gaps[16];
		i18n_format(v->loc, &sb, "summary.spark_text", from.data, to.data, a, b, l, h,
		    (char *)NULL);
		if (have < VIEW_SPARK_MONTHS) {
			snprintf(gaps, sizeof gaps, "%d", VIEW_SPARK_MONTHS - have);
			i18n_format(v->loc, &sb, "summary.spark_gaps", gaps, (char *)NULL);
		}
		free(a);
		free(b);
		free(l);
		free(h);
	}
	cJSON_AddStringToObject(o, "text", sb.data != NULL ? sb.data : "");
	if (v->with_svg) {
		struct scene *s = view_sparkline(pts, VIEW_SPARK_W, VIEW_SPARK_H);
		struct strbuf svg = {0};
		char *prefix = xasprintf("spark-%s", id);
		/* The text beside it says the same: the drawing is decoration. */
		scene_write_svg(s, prefix, NULL, NULL, &svg);
		cJSON_AddStringToObject(o, "svg_html", svg.data != NULL ? svg.data : "");
		strbuf_free(&svg);
		free(prefix);
		scene_free(s);
	}
	strbuf_free(&from);
	strbuf_free(&to);
	strbuf_free(&sb);
	return o;
}

/* Credit amounts per currency, in first-seen order: [{currency, amount}]. */
static void
add_credit(cJSON *sums, const cJSON *credit)
{
	const char *cur = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(credit, "currency"));
	double amt = num(credit, "amount");
	cJSON *e;

	if (amt <= 0)
		return;
	cur = cur != NULL ? cur : "";
	cJSON_ArrayForEach(e, sums)
		if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "currency")),
		    cur) == 0) {
			cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(e, "amount"),
			    num(e, "amount") + amt);
			return;
		}
	e = cJSON_CreateObject();
	cJSON_AddStringToObject(e, "currency", cur);
	cJSON_AddNumberToObject(e, "amount", amt);
	cJSON_AddItemToArray(sums, e);
}

static void
money(const struct view_ctx *v, struct strbuf *sb, double amount, const char *cur)
{
	i18n_number(v->loc, sb, amount, 2);
	strbuf_printf(sb, " %s", cur);
}

/* "600.00 EUR; 120.00 USD", or the "none" label. */
static void
add_sums(const struct view_ctx *v, cJSON *totals, const char *label, const cJSON *sums)
{
	struct strbuf sb = {0};
	const cJSON *e;
	cJSON *t = cJSON_CreateObject();

	cJSON_ArrayForEach(e, sums) {
		if (sb.len > 0)
			strbuf_puts(&sb, "; ");
		money(v, &sb, num(e, "amount"),
		    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "currency")));
	}
	if (sb.len == 0)
		strbuf_puts(&sb, i18n_text(v->loc, "summary.credit_none"));
	cJSON_AddStringToObject(t, "label", label);
	add_fmt(t, "value", &sb);
	cJSON_AddItemToArray(totals, t);
}

static cJSON *
row_of(const struct view_ctx *v, int i, int ym, cJSON *month_sums, int *met)
{
	const struct agreement *a = &v->m->agreements[i];
	const cJSON *p = vx_period(v->ag[i], ym), *credit;
	cJSON *e = cJSON_CreateObject();
	bool owed = false, s1 = false;
	enum view_rag r = p != NULL ? view_rag(p, &owed, &s1) : VIEW_RAG_GREY;
	static const char *const words[] = { "summary.rag_grey", "summary.rag_green",
		"summary.rag_amber", "summary.rag_red" };
	struct strbuf sb = {0};

	cJSON_AddStringToObject(e, "id", a->id);
	cJSON_AddStringToObject(e, "title", a->title != NULL ? a->title : a->id);
	cJSON_AddStringToObject(e, "rag", rag_names[r]);
	/* The colour in words, and why when red, so print in grey says it all. */
	strbuf_puts(&sb, i18n_text(v->loc, words[r]));
	if (r == VIEW_RAG_RED)
		i18n_format(v->loc, &sb, owed ? "summary.why_credit" : "summary.why_sev1",
		    (char *)NULL);
	add_fmt(e, "rag_label", &sb);
	vx_add_percent(v, e, "attainment", pooled(p));
	add_change(v, e, p, vx_period(v->ag[i], ym - 1));
	cJSON_AddItemToObject(e, "spark", spark(v, v->ag[i], ym, a->id));
	cJSON_AddNumberToObject(e, "breaches",
	    cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(p, "breaches")));
	credit = cJSON_GetObjectItemCaseSensitive(p, "credit");
	if (num(credit, "amount") > 0) {
		const char *cur = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(credit,
		    "currency"));
		money(v, &sb, num(credit, "amount"), cur != NULL ? cur : "");
		add_fmt(e, "credit", &sb);
	} else
		cJSON_AddStringToObject(e, "credit", "–");
	add_credit(month_sums, credit);
	/* Filled by the review schedule (issue 13.2): shown only when true. */
	cJSON_AddBoolToObject(e, "review_overdue", false);
	*met += goals(p) == 1;
	return e;
}

static cJSON *
attention(const struct view_ctx *v, int ym, cJSON *o)
{
	cJSON *streaks = cJSON_AddArrayToObject(o, "streaks"), *worst, *b;
	char months[16];

	for (int i = 0; i < v->m->nagreements; i++) {
		int n = view_miss_streak(v->ag[i], ym);
		const struct agreement *a = &v->m->agreements[i];
		cJSON *e;
		if (n < VIEW_STREAK_MIN)
			continue;
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "id", a->id);
		cJSON_AddStringToObject(e, "title", a->title != NULL ? a->title : a->id);
		cJSON_AddNumberToObject(e, "months", n);
		snprintf(months, sizeof months, "%d", n);
		add_text(v, e, "text", "summary.streak_months", months, (char *)NULL);
		cJSON_AddItemToArray(streaks, e);
	}
	cJSON_AddBoolToObject(o, "has_streaks", cJSON_GetArraySize(streaks) > 0);
	worst = view_worst_breaches(v->kpis, ym, VIEW_WORST_BREACHES);
	cJSON_ArrayForEach(b, worst) {
		const char *clock = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(b, "clock"));
		int i = model_find_agreement(v->m, cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(b, "agreement")));
		struct strbuf sb = {0};
		const char *t = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(b, "title"));

		cJSON_AddStringToObject(b, "agreement_title", i >= 0 &&
		    v->m->agreements[i].title != NULL ? v->m->agreements[i].title :
		    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(b, "agreement")));
		if (t == NULL)
			cJSON_ReplaceItemInObject(b, "title", cJSON_CreateString(""));
		cJSON_AddStringToObject(b, "clock_label", vx_label(v,
		    clock != NULL && strcmp(clock, "response") == 0 ? "response" : "resolution"));
		i18n_duration(v->loc, &sb, (int64_t)num(b, "over_s"));
		{
			char *d = strbuf_detach(&sb, NULL);
			add_text(v, b, "over", "summary.over", d != NULL ? d : "", (char *)NULL);
			free(d);
		}
		cJSON_DeleteItemFromObject(b, "timeline");
	}
	cJSON_AddItemToObject(o, "worst", worst);
	cJSON_AddBoolToObject(o, "has_worst", cJSON_GetArraySize(worst) > 0);
	return o;
}

cJSON *
view_summary(const struct view_ctx *v, int ym)
{
	cJSON *o = cJSON_CreateObject(), *rows, *msum = cJSON_CreateArray(), *ysum, *totals;
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(i18n_messages(v->loc), "summary");
	struct strbuf month = {0}, sb = {0};
	char x[16], y[16];
	int met = 0, year = ym / 12;

	/* The labels of the block, in the site's language. */
	cJSON_AddItemToObject(o, "t", cJSON_IsObject(t) ? cJSON_Duplicate(t, 1) :
	    cJSON_CreateObject());
	cJSON_AddBoolToObject(o, "so_far", ym == v->mtd_ym);
	cJSON_AddStringToObject(o, "title", i18n_text(v->loc, ym == v->mtd_ym ?
	    "summary.title_so_far" : "summary.title"));
	rows = cJSON_AddArrayToObject(o, "rows");
	for (int i = 0; i < v->m->nagreements; i++)
		cJSON_AddItemToArray(rows, row_of(v, i, ym, msum, &met));
	totals = cJSON_AddArrayToObject(o, "totals");
	i18n_month(v->loc, &month, ym, 1);
	i18n_format(v->loc, &sb, "summary.credits_month", month.data, (char *)NULL);
	add_sums(v, totals, sb.data, msum);
	strbuf_free(&sb);
	/* Year to date: January of ym's year through ym, by each agreement's months. */
	ysum = cJSON_CreateArray();
	for (int i = 0; i < v->m->nagreements; i++)
		for (int m = year * 12; m <= ym; m++)
			add_credit(ysum, cJSON_GetObjectItemCaseSensitive(vx_period(v->ag[i], m),
			    "credit"));
	snprintf(x, sizeof x, "%d", year);
	i18n_format(v->loc, &sb, "summary.credits_ytd", x, (char *)NULL);
	add_sums(v, totals, sb.data, ysum);
	strbuf_free(&sb);
	snprintf(x, sizeof x, "%d", met);
	snprintf(y, sizeof y, "%d", v->m->nagreements);
	{
		cJSON *e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "label", i18n_text(v->loc, "summary.agreements_met"));
		add_text(v, e, "value", "summary.x_of_y", x, y, (char *)NULL);
		cJSON_AddItemToArray(totals, e);
	}
	cJSON_AddNumberToObject(o, "met", met);
	attention(v, ym, o);
	strbuf_free(&month);
	cJSON_Delete(msum);
	cJSON_Delete(ysum);
	return o;
}
