/* view.c: the formatting shared by every page, and the index, monthly-report
 * and team views (the context: view_ctx.c). */
#include "view_int.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "civil.h"
#include "i18n.h"
#include "kpi.h"
#include "model.h"
#include "revisions.h"
#include "tz.h"

#define MAX_PROBLEMS 50		/* data-quality problems listed on a page */

/* ---- shared formatting ---- */

cJSON *
vx_breaches_note(const struct view_ctx *v, int total, bool recent)
{
	struct strbuf shown = {0}, all = {0}, sb = {0};
	const char *file, *mark;
	cJSON *o, *w;

	if (total <= VIEW_MAX_BREACHES)
		return cJSON_CreateNull();
	i18n_number(v->loc, &shown, VIEW_MAX_BREACHES, 0);
	i18n_number(v->loc, &all, total, 0);
	i18n_format(v->loc, &sb, recent ? "site.breaches_recent" : "site.breaches_first",
	    shown.data, all.data, (char *)NULL);
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "text", sb.data != NULL ? sb.data : "");
	strbuf_free(&shown);
	strbuf_free(&all);
	strbuf_free(&sb);
	if (!v->with_csv && !v->with_json) {
		cJSON_AddNullToObject(o, "where");
		return o;
	}
	/* The file name is a link on the page: the sentence is split around it. */
	file = v->with_csv ? "breaches.csv" : "kpis.json";
	i18n_format(v->loc, &sb, "site.breaches_all_in", "\x1f", (char *)NULL);
	mark = sb.data != NULL ? strchr(sb.data, '\x1f') : NULL;
	w = cJSON_AddObjectToObject(o, "where");
	if (mark != NULL) {
		char *before = xstrndup(sb.data, (size_t)(mark - sb.data));
		cJSON_AddStringToObject(w, "before", before);
		cJSON_AddStringToObject(w, "after", mark + 1);
		free(before);
	} else {
		char *before = xasprintf("%s ", sb.data != NULL ? sb.data : "");
		cJSON_AddStringToObject(w, "before", before);
		cJSON_AddStringToObject(w, "after", "");
		free(before);
	}
	cJSON_AddStringToObject(w, "file", file);
	cJSON_AddStringToObject(w, "href", v->with_csv ? "data/breaches.csv" : "data/kpis.json");
	cJSON_AddStringToObject(w, "type", v->with_csv ? "text/csv" : "application/json");
	strbuf_free(&sb);
	return o;
}

const cJSON *
vx_period(const cJSON *agreement, int ym)
{
	const cJSON *p;
	char want[8];

	if (ym < 0)
		return NULL;
	kpi_format_month(ym, want);
	cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(agreement, "periods")) {
		const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "period"));
		if (s != NULL && strcmp(s, want) == 0)
			return p;
	}
	return NULL;
}

void
vx_add_month(const struct view_ctx *v, cJSON *o, int ym, const char *label_key)
{
	char buf[8];
	struct strbuf sb = {0};

	if (ym < 0) {
		cJSON_AddStringToObject(o, "period", "");
		cJSON_AddStringToObject(o, label_key, "–");
		return;
	}
	kpi_format_month(ym, buf);
	cJSON_AddStringToObject(o, "period", buf);
	i18n_month(v->loc, &sb, ym, 1);
	/* The month in progress says so wherever it is named (SPEC §8). */
	if (ym == v->mtd_ym)
		i18n_format(v->loc, &sb, "mtd.label_suffix", (char *)NULL);
	cJSON_AddStringToObject(o, label_key, sb.data != NULL ? sb.data : buf);
	cJSON_AddBoolToObject(o, "partial", ym == v->mtd_ym);
	strbuf_free(&sb);
}

cJSON *
vx_month_ref(const struct view_ctx *v, int ym)
{
	cJSON *o;

	if (ym < v->from_ym || ym > v->to_ym || ym < 0)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	vx_add_month(v, o, ym, "label");
	return o;
}

void
vx_add_percent(const struct view_ctx *v, cJSON *o, const char *key, const cJSON *pct)
{
	struct strbuf sb = {0};

	if (!cJSON_IsNumber(pct)) {
		cJSON_AddStringToObject(o, key, "–");
		return;
	}
	i18n_figure_percent(v->loc, &sb, pct->valuedouble);
	cJSON_AddStringToObject(o, key, sb.data != NULL ? sb.data : "");
	strbuf_free(&sb);
}

/* A count as the page prints it: "1,234" (en), "1.234" (de). */
static void
add_count(const struct view_ctx *v, cJSON *o, const char *key, double n)
{
	struct strbuf sb = {0};

	i18n_number(v->loc, &sb, n, 0);
	cJSON_AddStringToObject(o, key, sb.data != NULL ? sb.data : "0");
	strbuf_free(&sb);
}

static void
add_duration(const struct view_ctx *v, cJSON *o, const char *key, const cJSON *secs)
{
	struct strbuf sb = {0};

	if (!cJSON_IsNumber(secs)) {
		cJSON_AddStringToObject(o, key, "–");
		return;
	}
	i18n_duration(v->loc, &sb, (int64_t)secs->valuedouble);
	cJSON_AddStringToObject(o, key, sb.data != NULL ? sb.data : "");
	strbuf_free(&sb);
}

const char *
vx_status(const cJSON *goal_met)
{
	return cJSON_IsTrue(goal_met) ? "ok" : cJSON_IsFalse(goal_met) ? "miss" : "none";
}

static const char *
status_label(const struct view_ctx *v, const char *status)
{
	return vx_label(v, strcmp(status, "ok") == 0 ? "goal_met" :
	    strcmp(status, "miss") == 0 ? "goal_missed" : "no_data");
}

static double
num(const cJSON *o, const char *key)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsNumber(n) ? n->valuedouble : 0;
}

static cJSON *
cell(const struct view_ctx *v, const cJSON *clock)
{
	cJSON *c = cJSON_CreateObject();
	const char *st = vx_status(cJSON_GetObjectItemCaseSensitive(clock, "goal_met"));
	bool judged;

	vx_add_percent(v, c, "attainment", cJSON_GetObjectItemCaseSensitive(clock, "attainment"));
	add_count(v, c, "n", num(clock, "met") + num(clock, "breached"));
	cJSON_AddNumberToObject(c, "met", num(clock, "met"));
	cJSON_AddNumberToObject(c, "breached", num(clock, "breached"));
	if (cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(clock, "goal")))
		vx_add_percent(v, c, "goal", cJSON_GetObjectItemCaseSensitive(clock, "goal"));
	else
		cJSON_AddStringToObject(c, "goal", "");
	add_duration(v, c, "median", cJSON_GetObjectItemCaseSensitive(clock, "median_s"));
	add_duration(v, c, "p90", cJSON_GetObjectItemCaseSensitive(clock, "p90_s"));
	/* The status in words beside the colour, online and in print: "Goal
	 * met", "Goal missed", or "No data" where there is no figure; nothing
	 * beside a figure that has no goal (the totals), and no "No data"
	 * tooltip on it either. */
	judged = strcmp(st, "none") != 0 ||
	    !cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(clock, "attainment"));
	cJSON_AddStringToObject(c, "status", st);
	cJSON_AddStringToObject(c, "status_label", judged ? status_label(v, st) : "");
	cJSON_AddStringToObject(c, "status_word", judged ? status_label(v, st) : "");
	return c;
}

static cJSON *
row(const struct view_ctx *v, const cJSON *r, bool total, bool response)
{
	cJSON *o = cJSON_CreateObject();
	const cJSON *key = cJSON_GetObjectItemCaseSensitive(r, "severity");
	const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "name"));
	char buf[32];

	if (cJSON_IsNumber(key))
		snprintf(buf, sizeof buf, "%d", key->valueint);
	else
		snprintf(buf, sizeof buf, "%s", total ? "" : cJSON_GetStringValue(key) ? key->valuestring : "");
	cJSON_AddStringToObject(o, "key", buf);
	cJSON_AddStringToObject(o, "name", total ? vx_label(v, "total") : name != NULL ? name : buf);
	add_count(v, o, "opened", num(r, "opened"));
	add_count(v, o, "resolved", num(r, "resolved"));
	add_count(v, o, "backlog", num(r, "backlog"));
	/* An OLA has no response clock (SPEC §5): no column for it, rather than
	 * "No data" in every row. false, not absent, so that templates do not
	 * look the key up further out. */
	cJSON_AddItemToObject(o, "response", response ? cell(v,
	    cJSON_GetObjectItemCaseSensitive(r, "response")) : cJSON_CreateFalse());
	cJSON_AddItemToObject(o, "resolution", cell(v, cJSON_GetObjectItemCaseSensitive(r, "resolution")));
	cJSON_AddBoolToObject(o, "is_total", total);
	return o;
}

void
vx_add_rows(const struct view_ctx *v, cJSON *o, const struct agreement *a,
    const cJSON *period)
{
	cJSON *rows = cJSON_AddArrayToObject(o, "rows");
	const cJSON *r;
	bool response = a->kind != AGREEMENT_OLA;

	cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(period, "severities"))
		cJSON_AddItemToArray(rows, row(v, r, false, response));
	cJSON_AddItemToObject(o, "total", row(v, cJSON_GetObjectItemCaseSensitive(period,
	    "total"), true, response));
}

static void
add_term(cJSON *arr, const char *label, const char *value)
{
	cJSON *t = cJSON_CreateObject();

	cJSON_AddStringToObject(t, "label", label);
	cJSON_AddStringToObject(t, "value", value);
	cJSON_AddItemToArray(arr, t);
}

/* A term against its goal, judged in words (" · Goal met", " · Goal
 * missed") as the attainment cells are; nothing when it was not judged. */
static void
judged(const struct view_ctx *v, struct strbuf *sb, const cJSON *met)
{
	if (cJSON_IsBool(met))
		strbuf_printf(sb, " \xC2\xB7 %s", status_label(v, vx_status(met)));
}

const struct agreement *
vx_period_terms(const struct agreement *a, const cJSON *period)
{
	const char *from = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(period,
	    "terms"));
	int i;

	for (i = 1; from != NULL && i < agreement_nterms(a); i++)
		if (strcmp(revisions_until(a, i), from) == 0)
			return agreement_terms(a, i);
	return a;
}

void
vx_amount(const struct view_ctx *v, struct strbuf *sb, double figure, const char *unit)
{
	i18n_number(v->loc, sb, figure, 0);
	if (unit != NULL)
		strbuf_printf(sb, "\xC2\xA0%s", unit);	/* no break inside "400,000 EUR" */
}

cJSON *
vx_terms(const struct view_ctx *v, const struct agreement *a, const cJSON *p)
{
	cJSON *arr = cJSON_CreateArray();
	const cJSON *x;
	struct strbuf sb = {0};

	if (cJSON_IsObject(x = cJSON_GetObjectItemCaseSensitive(p, "volume"))) {
		const char *unit = vx_period_terms(a, p)->volume_unit;
		vx_amount(v, &sb, num(x, "actual"), unit);
		strbuf_puts(&sb, " / ");
		vx_amount(v, &sb, num(x, "target"), unit);
		judged(v, &sb, cJSON_GetObjectItemCaseSensitive(x, "met"));
		add_term(arr, vx_label(v, "volume"), sb.data);
		strbuf_free(&sb);
	}
	if (cJSON_IsObject(x = cJSON_GetObjectItemCaseSensitive(p, "satisfaction"))) {
		const cJSON *score = cJSON_GetObjectItemCaseSensitive(x, "score");
		const char *scale = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(x, "scale"));
		struct strbuf sc = {0}, tg = {0}, n = {0};
		bool nps = scale != NULL && strcmp(scale, "nps") == 0;
		/* An NPS is a whole number from -100 to 100 as its scale has it;
		 * CSAT a percentage, written as every percent figure is. */
		if (cJSON_IsNumber(score) && nps)
			i18n_number(v->loc, &sc, score->valuedouble, 0);
		else if (cJSON_IsNumber(score))
			i18n_figure_percent(v->loc, &sc, score->valuedouble);
		else
			strbuf_puts(&sc, "–");
		if (nps)
			i18n_number(v->loc, &tg, num(x, "target"), 0);
		else
			i18n_figure_percent(v->loc, &tg, num(x, "target"));
		i18n_number(v->loc, &n, num(x, "count"), 0);
		i18n_format(v->loc, &sb, "terms.satisfaction", sc.data, i18n_text(v->loc,
		    nps ? "terms.nps" : "terms.csat"),
		    tg.data, n.data, (char *)NULL);
		judged(v, &sb, cJSON_GetObjectItemCaseSensitive(x, "met"));
		strbuf_free(&sc);
		strbuf_free(&tg);
		strbuf_free(&n);
		add_term(arr, vx_label(v, "satisfaction"), sb.data);
		strbuf_free(&sb);
	}
	if (cJSON_IsObject(x = cJSON_GetObjectItemCaseSensitive(p, "credit"))) {
		const char *cur = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(x, "currency"));
		i18n_percent(v->loc, &sb, num(x, "percent"), 0);
		strbuf_puts(&sb, " = ");
		i18n_number(v->loc, &sb, num(x, "amount"), 2);
		strbuf_printf(&sb, " %s", cur != NULL ? cur : "");
		add_term(arr, vx_label(v, "credit"), sb.data);
		strbuf_free(&sb);
	}
	x = cJSON_GetObjectItemCaseSensitive(p, "reopen_rate");
	if (cJSON_IsNumber(x))
		i18n_percent(v->loc, &sb, x->valuedouble * 100, 1);
	else
		strbuf_puts(&sb, "–");
	add_term(arr, vx_label(v, "reopen_rate"), sb.data);
	strbuf_free(&sb);
	x = cJSON_GetObjectItemCaseSensitive(p, "mean_reassignments");
	if (cJSON_IsNumber(x))
		i18n_number(v->loc, &sb, x->valuedouble, 2);
	else
		strbuf_puts(&sb, "–");
	add_term(arr, vx_label(v, "mean_reassignments"), sb.data);
	strbuf_free(&sb);
	return arr;
}

cJSON *
vx_quality(const struct view_ctx *v)
{
	const cJSON *dq = cJSON_GetObjectItemCaseSensitive(v->kpis, "data_quality"), *p;
	static const char *const counts[] = { "events_read", "events_skipped",
	    "events_duplicate", "items_skipped", "items_unassigned" };
	cJSON *o = cJSON_CreateObject(), *arr, *rows;
	int n = 0, total;
	size_t i;

	rows = cJSON_AddArrayToObject(o, "counts");
	for (i = 0; i < sizeof counts / sizeof *counts; i++) {
		cJSON *r = cJSON_CreateObject();
		cJSON_AddStringToObject(r, "label", vx_label(v, counts[i]));
		cJSON_AddNumberToObject(r, "value", num(dq, counts[i]));
		cJSON_AddItemToArray(rows, r);
		cJSON_AddNumberToObject(o, counts[i], num(dq, counts[i]));
	}
	arr = cJSON_AddArrayToObject(o, "problems");
	total = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(dq, "problems"));
	cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(dq, "problems")) {
		if (n++ >= MAX_PROBLEMS)
			break;
		cJSON_AddItemToArray(arr, cJSON_Duplicate(p, 1));
	}
	cJSON_AddNumberToObject(o, "problems_more", total > MAX_PROBLEMS ? total - MAX_PROBLEMS : 0);
	cJSON_AddBoolToObject(o, "clean", total == 0 && num(dq, "events_skipped") == 0);
	return o;
}

void
vx_local_time(const struct view_ctx *v, const struct tz *z, const char *stamp,
    struct vx_time *out)
{
	struct civil_stamp st;
	struct strbuf sb = {0};
	sla_time t;
	int64_t days;
	int y, mo, d, secs;

	if (stamp == NULL || civil_parse_stamp(stamp, strlen(stamp), &st) != NULL) {
		snprintf(out->date, sizeof out->date, "–");
		snprintf(out->time, sizeof out->time, "–");
		snprintf(out->text, sizeof out->text, "–");
		out->iso[0] = '\0';
		return;
	}
	t = st.local - (st.has_offset ? st.offset_s : 0);
	if (z != NULL)
		t = tz_utc_to_local(z, t);
	days = civil_day_of(t);
	civil_from_days(days, &y, &mo, &d);
	secs = (int)(t - days * 86400);
	i18n_date(v->loc, &sb, y % 10000, mo, d);
	snprintf(out->date, sizeof out->date, "%s", sb.data);
	strbuf_free(&sb);
	i18n_time(v->loc, &sb, secs / 60 % 1440);
	snprintf(out->time, sizeof out->time, "%s", sb.data);
	strbuf_free(&sb);
	snprintf(out->text, sizeof out->text, "%s %s", out->date, out->time);
	snprintf(out->iso, sizeof out->iso, "%04d-%02d-%02dT%02d:%02d", y % 10000, mo % 100,
	    d % 100, secs / 3600 % 24, secs / 60 % 60);
}

/* ---- index, monthly report, team ---- */

/* The agreement's status: missed when any severity's goal is missed, met when
 * at least one is met and none missed, else no data. */
static const char *
overall_status(const cJSON *period)
{
	const cJSON *r;
	bool any_met = false;

	cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(period, "severities")) {
		const char *clocks[] = { "response", "resolution" };
		size_t i;
		for (i = 0; i < 2; i++) {
			const cJSON *gm = cJSON_GetObjectItemCaseSensitive(
			    cJSON_GetObjectItemCaseSensitive(r, clocks[i]), "goal_met");
			if (cJSON_IsFalse(gm))
				return "miss";
			any_met |= cJSON_IsTrue(gm);
		}
	}
	return any_met ? "ok" : "none";
}

static const cJSON *
pooled_attainment(const cJSON *period)
{
	return cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(period, "total"), "resolution"), "attainment");
}

void
vx_agreement_head(const struct view_ctx *v, cJSON *o, int i)
{
	const struct agreement *a = &v->m->agreements[i];
	const char *slug;

	cJSON_AddStringToObject(o, "id", a->id);
	cJSON_AddStringToObject(o, "title", a->title != NULL ? a->title : a->id);
	cJSON_AddStringToObject(o, "kind_label", vx_label(v, a->kind == AGREEMENT_OLA ? "ola" : "sla"));
	cJSON_AddBoolToObject(o, "is_ola", a->kind == AGREEMENT_OLA);
	cJSON_AddStringToObject(o, "provider", a->provider != NULL ?
	    site_team_name(&v->m->site, a->provider) : "");
	slug = view_team_slug(v, a->provider);
	cJSON_AddStringToObject(o, "provider_slug", slug != NULL ? slug : "");
	cJSON_AddStringToObject(o, "customer", a->customer != NULL ?
	    site_team_name(&v->m->site, a->customer) : "");
	slug = view_team_slug(v, a->customer);
	cJSON_AddStringToObject(o, "customer_slug", slug != NULL ? slug : "");
}

cJSON *
view_index(const struct view_ctx *v, int ym)
{
	cJSON *o = cJSON_CreateObject(), *arr, *sum;
	int i, met = 0, missed = 0, nodata = 0;

	cJSON_AddStringToObject(o, "kind", "index");
	vx_add_month(v, o, ym, "period_label");
	cJSON_AddItemToObject(o, "prev", vx_month_ref(v, ym - 1));
	arr = cJSON_AddArrayToObject(o, "agreements");
	for (i = 0; i < v->m->nagreements; i++) {
		const cJSON *p = vx_period(v->ag[i], ym), *prev = vx_period(v->ag[i], ym - 1), *r;
		const cJSON *now_a = pooled_attainment(p), *prev_a = pooled_attainment(prev);
		cJSON *e = cJSON_CreateObject(), *sevs;
		const char *st = p != NULL ? overall_status(p) : "none";
		const cJSON *total = cJSON_GetObjectItemCaseSensitive(p, "total");

		vx_agreement_head(v, e, i);
		cJSON_AddStringToObject(e, "status", st);
		cJSON_AddStringToObject(e, "status_label", status_label(v, st));
		vx_add_review(v, e, i);
		met += strcmp(st, "ok") == 0;
		missed += strcmp(st, "miss") == 0;
		nodata += strcmp(st, "none") == 0;
		cJSON_AddItemToObject(e, "response",
		    cell(v, cJSON_GetObjectItemCaseSensitive(total, "response")));
		cJSON_AddItemToObject(e, "resolution",
		    cell(v, cJSON_GetObjectItemCaseSensitive(total, "resolution")));
		if (cJSON_IsNumber(now_a) && cJSON_IsNumber(prev_a)) {
			double d = now_a->valuedouble - prev_a->valuedouble;
			struct strbuf sb = {0};
			struct strbuf n = {0};
			strbuf_puts(&n, d > 0.05 ? "+" : d < -0.05 ? "−" : "±");
			i18n_number(v->loc, &n, fabs(d), 1);
			i18n_format(v->loc, &sb, "web.change_points", n.data, (char *)NULL);
			strbuf_free(&n);
			cJSON_AddStringToObject(e, "change", sb.data);
			cJSON_AddStringToObject(e, "change_class", d > 0.05 ? "up" : d < -0.05 ? "down" : "flat");
			strbuf_free(&sb);
		} else {
			cJSON_AddStringToObject(e, "change", "–");
			cJSON_AddStringToObject(e, "change_class", "flat");
		}
		sevs = cJSON_AddArrayToObject(e, "severities");
		cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(p, "severities"))
			cJSON_AddItemToArray(sevs, row(v, r, false,
			    v->m->agreements[i].kind != AGREEMENT_OLA));
		cJSON_AddNumberToObject(e, "opened", num(total, "opened"));
		cJSON_AddNumberToObject(e, "backlog", num(total, "backlog"));
		cJSON_AddNumberToObject(e, "breaches",
		    cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(p, "breaches")));
		cJSON_AddItemToArray(arr, e);
	}
	/* The month in progress has pages too: the index points to them. */
	if (v->mtd_ym >= 0 && v->mtd_ym != ym) {
		cJSON *mtd = cJSON_AddObjectToObject(o, "mtd");
		char *notice = NULL;
		vx_add_month(v, mtd, v->mtd_ym, "label");
		for (i = 0; i < v->m->nagreements && notice == NULL; i++)
			notice = vx_mtd_notice(v, vx_period(v->ag[i], v->mtd_ym));
		cJSON_AddStringToObject(mtd, "notice", notice != NULL ? notice : "");
		free(notice);
	}
	cJSON_AddItemToObject(o, "restated_months", vx_restated_months(v));
	sum = cJSON_AddObjectToObject(o, "summary");
	cJSON_AddNumberToObject(sum, "agreements", v->m->nagreements);
	cJSON_AddNumberToObject(sum, "met", met);
	cJSON_AddNumberToObject(sum, "missed", missed);
	cJSON_AddNumberToObject(sum, "nodata", nodata);
	return o;
}

cJSON *
view_month_report(const struct view_ctx *v, int ym)
{
	cJSON *o = cJSON_CreateObject(), *arr;
	char *notice = NULL;
	int i;

	cJSON_AddStringToObject(o, "kind", "month");
	vx_add_month(v, o, ym, "period_label");
	cJSON_AddItemToObject(o, "prev", vx_month_ref(v, ym - 1));
	cJSON_AddItemToObject(o, "next", vx_month_ref(v, ym + 1));
	arr = cJSON_AddArrayToObject(o, "agreements");
	for (i = 0; i < v->m->nagreements; i++) {
		/* Each agreement's block in its own language. */
		const struct view_ctx *av = view_for_agreement(v, i);
		const cJSON *p = vx_period(v->ag[i], ym);
		cJSON *e = cJSON_CreateObject(), *ch;
		const char *st = p != NULL ? overall_status(p) : "none";

		vx_agreement_head(av, e, i);
		if (av != v) {
			cJSON_AddStringToObject(e, "own_lang", i18n_tag(av->loc));
			cJSON_AddItemToObject(e, "t", cJSON_Duplicate(av->labels, 1));
		}
		cJSON_AddStringToObject(e, "status", st);
		cJSON_AddStringToObject(e, "status_label", status_label(av, st));
		vx_add_rows(av, e, &v->m->agreements[i], p);
		cJSON_AddNumberToObject(e, "breaches",
		    cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(p, "breaches")));
		cJSON_AddItemToObject(e, "terms", ch = vx_terms(av, &v->m->agreements[i], p));
		vx_add_terms_in_force(av, &v->m->agreements[i], p, ch);
		cJSON_AddItemToObject(e, "exclusions", vx_exclusions(av, i, p, ym));
		cJSON_AddItemToObject(e, "mtd", vx_mtd(av, i, p));
		/* The page's notice of the month in progress is the site's. */
		if (notice == NULL)
			notice = vx_mtd_notice(v, p);
		ch = vx_chart(av, 0 /* CHART_ATTAINMENT */, v->m->agreements[i].id, ym);
		cJSON_AddItemToObject(e, "chart", ch != NULL ? ch : cJSON_CreateNull());
		/* Under the block's h2 and the h3 "Commentary". */
		vx_add_commentary(v, e, ym, v->m->agreements[i].id, 4);
		cJSON_AddItemToArray(arr, e);
	}
	cJSON_AddItemToObject(o, "mtd_notice", notice != NULL ? cJSON_CreateString(notice) :
	    cJSON_CreateNull());
	cJSON_AddItemToObject(o, "restated", vx_restated(v, ym, NULL));
	free(notice);
	vx_add_commentary(v, o, ym, NULL, 3);
	cJSON_AddItemToObject(o, "quality", vx_quality(v));
	cJSON_AddItemToObject(o, "summary", view_summary(v, ym));
	return o;
}

/* A breach a team held. The team page lists them agreement by agreement,
 * newest month first, then as kpis.json does (instant, id): order. */
struct held {
	const cJSON *b;
	const char *at;		/* UTC "YYYY-MM-DDTHH:MM:SSZ": compares as text */
	int agreement, ym;
	size_t order;
};

/* Most recent first; between equal instants, the page's order. */
static int
cmp_recent(const void *pa, const void *pb)
{
	const struct held *a = pa, *b = pb;
	int c = strcmp(b->at, a->at);

	if (c != 0)
		return c;
	return (a->order > b->order) - (a->order < b->order);
}

static int
cmp_page(const void *pa, const void *pb)
{
	const struct held *a = pa, *b = pb;

	return (a->order > b->order) - (a->order < b->order);
}

static cJSON *
held_json(const struct view_ctx *v, const struct held *h)
{
	const struct agreement *a = &v->m->agreements[h->agreement];
	const char *title = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(h->b, "title"));
	const char *clock = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(h->b, "clock"));
	cJSON *x = cJSON_CreateObject();
	struct vx_time at;

	cJSON_AddStringToObject(x, "agreement", a->id);
	cJSON_AddStringToObject(x, "agreement_title", a->title ? a->title : a->id);
	vx_add_month(v, x, h->ym, "period_label");
	cJSON_AddStringToObject(x, "id", cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(h->b, "id")));
	cJSON_AddStringToObject(x, "title", title != NULL ? title : "");
	cJSON_AddStringToObject(x, "clock", vx_label(v, clock != NULL &&
	    strcmp(clock, "response") == 0 ? "clock_response" : "clock_resolution"));
	vx_local_time(v, a->zone, h->at, &at);
	cJSON_AddStringToObject(x, "at", at.text);
	return x;
}

/* The breaches team name held in the reported months into o (breaches,
 * breaches_total, breaches_note, has_breaches): at most VIEW_MAX_BREACHES,
 * the most recent, in the page's order. */
static void
add_team_breaches(const struct view_ctx *v, cJSON *o, const char *name)
{
	cJSON *br = cJSON_AddArrayToObject(o, "breaches");
	struct held *h = NULL;
	size_t n = 0, cap = 0, keep, k;
	int i, ym;

	for (i = 0; i < v->m->nagreements && name != NULL; i++) {
		for (ym = v->to_ym; ym >= v->from_ym && ym >= 0; ym--) {
			const cJSON *b;
			cJSON_ArrayForEach(b, cJSON_GetObjectItemCaseSensitive(vx_period(v->ag[i], ym),
			    "breaches")) {
				const char *bt = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(b, "team"));
				const char *at = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(b, "at"));
				if (bt == NULL || strcmp(bt, name) != 0)
					continue;
				xgrow((void **)&h, &cap, n + 1, sizeof *h);
				h[n].b = b;
				h[n].at = at != NULL ? at : "";
				h[n].agreement = i;
				h[n].ym = ym;
				h[n].order = n;
				n++;
			}
		}
	}
	keep = n;
	if (n > VIEW_MAX_BREACHES) {
		qsort(h, n, sizeof *h, cmp_recent);
		keep = VIEW_MAX_BREACHES;
		qsort(h, keep, sizeof *h, cmp_page);
	}
	for (k = 0; k < keep; k++)
		cJSON_AddItemToArray(br, held_json(v, &h[k]));
	cJSON_AddNumberToObject(o, "breaches_total", (double)n);
	cJSON_AddItemToObject(o, "breaches_note", vx_breaches_note(v, n > INT_MAX ? INT_MAX :
	    (int)n, true));
	cJSON_AddBoolToObject(o, "has_breaches", n > 0);
	free(h);
}

cJSON *
view_team(const struct view_ctx *v, int team)
{
	const cJSON *t = cJSON_GetArrayItem(v->teams, team);
	const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(t, "id"));
	const char *shown = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(t, "name"));
	cJSON *o = cJSON_CreateObject(), *arr;
	int i, ym;

	cJSON_AddStringToObject(o, "kind", "team");
	cJSON_AddStringToObject(o, "name", shown != NULL ? shown : "");
	cJSON_AddStringToObject(o, "slug",
	    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(t, "slug")));
	arr = cJSON_AddArrayToObject(o, "agreements");
	for (i = 0; i < v->m->nagreements && name != NULL; i++) {
		const struct agreement *a = &v->m->agreements[i];
		bool prov = a->provider != NULL && strcmp(a->provider, name) == 0;
		bool cust = a->customer != NULL && strcmp(a->customer, name) == 0;
		cJSON *e, *months;

		if (!prov && !cust)
			continue;
		e = cJSON_CreateObject();
		vx_agreement_head(v, e, i);
		cJSON_AddStringToObject(e, "role", vx_label(v, prov ? "provider" : "customer"));
		/* What the team promised: per severity, its target (an OLA: its budget). */
		{
			cJSON *lv = cJSON_AddArrayToObject(e, "levels");
			int s;
			for (s = 0; s < a->nseverities; s++) {
				const struct severity *sv = &a->severities[s];
				cJSON *x = cJSON_CreateObject();
				cJSON_AddStringToObject(x, "key", sv->key);
				cJSON_AddStringToObject(x, "name", sv->name != NULL ? sv->name : sv->key);
				cJSON_AddStringToObject(x, "resolution",
				    sv->resolution_text != NULL ? sv->resolution_text : "–");
				cJSON_AddItemToArray(lv, x);
			}
		}
		months = cJSON_AddArrayToObject(e, "months");
		for (ym = v->to_ym; ym >= v->from_ym && ym >= 0; ym--) {
			const cJSON *p = vx_period(v->ag[i], ym);
			const cJSON *total = cJSON_GetObjectItemCaseSensitive(p, "total");
			cJSON *mo;
			if (p == NULL)
				continue;
			mo = cJSON_CreateObject();
			vx_add_month(v, mo, ym, "label");
			cJSON_AddNumberToObject(mo, "opened", num(total, "opened"));
			cJSON_AddNumberToObject(mo, "resolved", num(total, "resolved"));
			cJSON_AddNumberToObject(mo, "backlog", num(total, "backlog"));
			cJSON_AddItemToObject(mo, "resolution",
			    cell(v, cJSON_GetObjectItemCaseSensitive(total, "resolution")));
			cJSON_AddItemToArray(months, mo);
		}
		cJSON_AddItemToArray(arr, e);
	}
	add_team_breaches(v, o, name);
	return o;
}
