/* view.c: the view context (teams, months, labels), the formatting shared by
 * every page, and the index, monthly-report and team views. */
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
#include "tz.h"

#define MAX_PROBLEMS 50		/* data-quality problems listed on a page */

char *
view_slugify(const char *s)
{
	struct strbuf sb = {0};
	bool dash = false;

	for (; *s != '\0' && sb.len < 60; s++) {
		char c = *s;
		/* German letters read better spelt out than as a dash: ä → ae, ß → ss. */
		static const char *const de[][2] = {
			{ "\xc3\xa4", "ae" }, { "\xc3\xb6", "oe" }, { "\xc3\xbc", "ue" },
			{ "\xc3\x84", "ae" }, { "\xc3\x96", "oe" }, { "\xc3\x9c", "ue" },
			{ "\xc3\x9f", "ss" },
		};
		size_t k;

		for (k = 0; k < sizeof de / sizeof *de; k++)
			if (strncmp(s, de[k][0], 2) == 0)
				break;
		if (k < sizeof de / sizeof *de) {
			if (dash && sb.len > 0)
				strbuf_putc(&sb, '-');
			strbuf_puts(&sb, de[k][1]);
			dash = false;
			s++;
			continue;
		}
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && sb.len > 0)
				strbuf_putc(&sb, '-');
			strbuf_putc(&sb, c);
			dash = false;
		} else
			dash = true;
	}
	if (sb.len > 60) {	/* a spelt-out letter may pass the limit by one */
		sb.len = 60;
		sb.data[60] = '\0';
	}
	if (sb.len == 0)
		strbuf_puts(&sb, "team");
	return strbuf_detach(&sb, NULL);
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
add_name(const char ***names, size_t *n, size_t *cap, const char *s)
{
	if (s == NULL || s[0] == '\0')
		return;
	xgrow((void **)names, cap, *n + 1, sizeof **names);
	(*names)[(*n)++] = s;
}

/* Teams with a page: every provider and customer, and every team that held
 * an item when it breached in a reported month. Sorted by name, so that slug
 * collisions ("Sales" and "sales") resolve the same way every run. */
static cJSON *
make_teams(const struct view_ctx *v)
{
	const char **names = NULL;
	size_t n = 0, cap = 0, i, j;
	cJSON *arr = cJSON_CreateArray();
	const cJSON *a;
	int k;

	for (k = 0; k < v->m->nagreements; k++) {
		add_name(&names, &n, &cap, v->m->agreements[k].provider);
		add_name(&names, &n, &cap, v->m->agreements[k].customer);
	}
	cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(v->kpis, "agreements")) {
		const cJSON *p, *b;
		cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(a, "periods")) {
			int ym = kpi_parse_month(cJSON_GetStringValue(
			    cJSON_GetObjectItemCaseSensitive(p, "period")));
			if (ym < v->from_ym || ym > v->to_ym)
				continue;
			cJSON_ArrayForEach(b, cJSON_GetObjectItemCaseSensitive(p, "breaches"))
				add_name(&names, &n, &cap, cJSON_GetStringValue(
				    cJSON_GetObjectItemCaseSensitive(b, "team")));
		}
	}
	if (n > 0)
		qsort(names, n, sizeof *names, cmp_names);
	for (i = 0; i < n; i++) {
		char *slug, *try;
		int suffix = 2;
		bool taken;
		cJSON *t;

		if (i > 0 && strcmp(names[i], names[i - 1]) == 0)
			continue;
		slug = view_slugify(names[i]);
		try = xstrdup(slug);
		do {
			taken = false;
			for (j = 0; j < (size_t)cJSON_GetArraySize(arr) && !taken; j++)
				taken = strcmp(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
				    cJSON_GetArrayItem(arr, (int)j), "slug")), try) == 0;
			if (taken) {
				free(try);
				try = xasprintf("%s-%d", slug, suffix++);
			}
		} while (taken);
		t = cJSON_CreateObject();
		cJSON_AddStringToObject(t, "name", names[i]);
		cJSON_AddStringToObject(t, "slug", try);
		cJSON_AddItemToArray(arr, t);
		free(try);
		free(slug);
	}
	free(names);
	return arr;
}

struct view_ctx *
view_ctx_new(const cJSON *kpis, const struct model *m, const struct i18n *loc, int from_ym,
    int to_ym, bool with_svg)
{
	struct view_ctx *v = xcalloc(1, sizeof *v);
	const cJSON *a;
	int i, ym;

	v->kpis = kpis;
	v->m = m;
	v->loc = loc;
	v->from_ym = from_ym;
	v->to_ym = to_ym;
	v->with_svg = with_svg;
	v->ag = xcalloc((size_t)m->nagreements + 1, sizeof *v->ag);
	cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(kpis, "agreements")) {
		i = model_find_agreement(m, cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(a, "id")));
		if (i >= 0)
			v->ag[i] = a;
	}
	v->labels = vx_make_labels(loc);
	/* The month in progress, published besides the ended months: the site's
	 * headline stays on the last month that ended. */
	v->mtd_ym = -1;
	v->report_ym = to_ym;
	for (i = 0; i < m->nagreements; i++)
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(vx_period(v->ag[i], to_ym),
		    "partial")))
			v->mtd_ym = to_ym;
	ym = kpi_parse_month(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(kpis,
	    "report_period")));
	if (ym >= from_ym && ym <= to_ym)
		v->report_ym = ym;
	v->months = cJSON_CreateArray();
	for (ym = from_ym; ym >= 0 && ym <= to_ym; ym++)
		cJSON_AddItemToArray(v->months, vx_month_ref(v, ym));
	v->teams = make_teams(v);
	v->chart_cache = cJSON_CreateObject();
	v->chart_cache_ym = -1;
	return v;
}

int
view_report_month(const struct view_ctx *v)
{
	return v->report_ym;
}

int
view_mtd_month(const struct view_ctx *v)
{
	return v->mtd_ym;
}

void
view_ctx_free(struct view_ctx *v)
{
	if (v == NULL)
		return;
	free(v->ag);
	cJSON_Delete(v->labels);
	cJSON_Delete(v->months);
	cJSON_Delete(v->teams);
	cJSON_Delete(v->chart_cache);
	free(v);
}

void
view_ctx_set_data_files(struct view_ctx *v, bool with_json, bool with_csv)
{
	v->with_json = with_json;
	v->with_csv = with_csv;
}

const cJSON *view_teams(const struct view_ctx *v) { return v->teams; }
const cJSON *view_months(const struct view_ctx *v) { return v->months; }
const cJSON *view_labels(const struct view_ctx *v) { return v->labels; }

const char *
view_team_slug(const struct view_ctx *v, const char *team)
{
	const cJSON *t;

	if (team == NULL)
		return NULL;
	cJSON_ArrayForEach(t, v->teams)
		if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(t, "name")), team) == 0)
			return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(t, "slug"));
	return NULL;
}

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

	vx_add_percent(v, c, "attainment", cJSON_GetObjectItemCaseSensitive(clock, "attainment"));
	cJSON_AddNumberToObject(c, "n", num(clock, "met") + num(clock, "breached"));
	cJSON_AddNumberToObject(c, "met", num(clock, "met"));
	cJSON_AddNumberToObject(c, "breached", num(clock, "breached"));
	if (cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(clock, "goal")))
		vx_add_percent(v, c, "goal", cJSON_GetObjectItemCaseSensitive(clock, "goal"));
	else
		cJSON_AddStringToObject(c, "goal", "");
	add_duration(v, c, "median", cJSON_GetObjectItemCaseSensitive(clock, "median_s"));
	add_duration(v, c, "p90", cJSON_GetObjectItemCaseSensitive(clock, "p90_s"));
	cJSON_AddStringToObject(c, "status", st);
	cJSON_AddStringToObject(c, "status_label", status_label(v, st));
	return c;
}

static cJSON *
row(const struct view_ctx *v, const cJSON *r, bool total)
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
	cJSON_AddNumberToObject(o, "opened", num(r, "opened"));
	cJSON_AddNumberToObject(o, "resolved", num(r, "resolved"));
	cJSON_AddNumberToObject(o, "backlog", num(r, "backlog"));
	cJSON_AddItemToObject(o, "response", cell(v, cJSON_GetObjectItemCaseSensitive(r, "response")));
	cJSON_AddItemToObject(o, "resolution", cell(v, cJSON_GetObjectItemCaseSensitive(r, "resolution")));
	cJSON_AddBoolToObject(o, "is_total", total);
	return o;
}

void
vx_add_rows(const struct view_ctx *v, cJSON *o, const cJSON *period)
{
	cJSON *rows = cJSON_AddArrayToObject(o, "rows");
	const cJSON *r;

	cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(period, "severities"))
		cJSON_AddItemToArray(rows, row(v, r, false));
	cJSON_AddItemToObject(o, "total", row(v, cJSON_GetObjectItemCaseSensitive(period, "total"), true));
}

static void
add_term(cJSON *arr, const char *label, const char *value)
{
	cJSON *t = cJSON_CreateObject();

	cJSON_AddStringToObject(t, "label", label);
	cJSON_AddStringToObject(t, "value", value);
	cJSON_AddItemToArray(arr, t);
}

cJSON *
vx_terms(const struct view_ctx *v, const cJSON *p)
{
	cJSON *arr = cJSON_CreateArray();
	const cJSON *x;
	struct strbuf sb = {0};

	if (cJSON_IsObject(x = cJSON_GetObjectItemCaseSensitive(p, "volume"))) {
		i18n_number(v->loc, &sb, num(x, "actual"), 0);
		strbuf_puts(&sb, " / ");
		i18n_number(v->loc, &sb, num(x, "target"), 0);
		strbuf_puts(&sb, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(x, "met")) ? " ✓" : " ✗");
		add_term(arr, vx_label(v, "volume"), sb.data);
		strbuf_free(&sb);
	}
	if (cJSON_IsObject(x = cJSON_GetObjectItemCaseSensitive(p, "satisfaction"))) {
		const cJSON *score = cJSON_GetObjectItemCaseSensitive(x, "score");
		const char *scale = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(x, "scale"));
		if (cJSON_IsNumber(score))
			i18n_number(v->loc, &sb, score->valuedouble, 1);
		else
			strbuf_puts(&sb, "–");
		strbuf_printf(&sb, " %s (", scale != NULL && strcmp(scale, "nps") == 0 ? "NPS" : "CSAT %");
		strbuf_puts(&sb, "≥ ");
		i18n_number(v->loc, &sb, num(x, "target"), 0);
		strbuf_printf(&sb, ", n = %.0f)", num(x, "count"));
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
vx_local_time(const struct tz *z, const char *stamp, char out[17])
{
	struct civil_stamp st;
	sla_time t;
	int64_t days;
	int y, mo, d, secs;
	char tmp[48];

	if (stamp == NULL || civil_parse_stamp(stamp, strlen(stamp), &st) != NULL) {
		snprintf(out, 17, "–");
		return;
	}
	t = st.local - (st.has_offset ? st.offset_s : 0);
	if (z != NULL)
		t = tz_utc_to_local(z, t);
	days = civil_day_of(t);
	civil_from_days(days, &y, &mo, &d);
	secs = (int)(t - days * 86400);
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d %02d:%02d", y % 10000, mo % 100, d % 100,
	    secs / 3600 % 24, secs / 60 % 60);
	memcpy(out, tmp, 16);
	out[16] = '\0';
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
	cJSON_AddStringToObject(o, "provider", a->provider != NULL ? a->provider : "");
	slug = view_team_slug(v, a->provider);
	cJSON_AddStringToObject(o, "provider_slug", slug != NULL ? slug : "");
	cJSON_AddStringToObject(o, "customer", a->customer != NULL ? a->customer : "");
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
			strbuf_puts(&sb, d > 0.05 ? "+" : d < -0.05 ? "−" : "±");
			i18n_number(v->loc, &sb, fabs(d), 1);
			strbuf_puts(&sb, " pts");
			cJSON_AddStringToObject(e, "change", sb.data);
			cJSON_AddStringToObject(e, "change_class", d > 0.05 ? "up" : d < -0.05 ? "down" : "flat");
			strbuf_free(&sb);
		} else {
			cJSON_AddStringToObject(e, "change", "–");
			cJSON_AddStringToObject(e, "change_class", "flat");
		}
		sevs = cJSON_AddArrayToObject(e, "severities");
		cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(p, "severities"))
			cJSON_AddItemToArray(sevs, row(v, r, false));
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
		const cJSON *p = vx_period(v->ag[i], ym);
		cJSON *e = cJSON_CreateObject(), *ch;
		const char *st = p != NULL ? overall_status(p) : "none";

		vx_agreement_head(v, e, i);
		cJSON_AddStringToObject(e, "status", st);
		cJSON_AddStringToObject(e, "status_label", status_label(v, st));
		vx_add_rows(v, e, p);
		cJSON_AddNumberToObject(e, "breaches",
		    cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(p, "breaches")));
		cJSON_AddItemToObject(e, "terms", ch = vx_terms(v, p));
		vx_add_terms_in_force(v, &v->m->agreements[i], p, ch);
		cJSON_AddItemToObject(e, "exclusions", vx_exclusions(v, i, p, ym));
		cJSON_AddItemToObject(e, "mtd", vx_mtd(v, i, p));
		if (notice == NULL)
			notice = vx_mtd_notice(v, p);
		ch = vx_chart(v, 0 /* CHART_ATTAINMENT */, v->m->agreements[i].id, ym);
		cJSON_AddItemToObject(e, "chart", ch != NULL ? ch : cJSON_CreateNull());
		cJSON_AddItemToArray(arr, e);
	}
	cJSON_AddItemToObject(o, "mtd_notice", notice != NULL ? cJSON_CreateString(notice) :
	    cJSON_CreateNull());
	cJSON_AddItemToObject(o, "restated", vx_restated(v, ym, NULL));
	free(notice);
	cJSON_AddItemToObject(o, "quality", vx_quality(v));
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
	char at[17];

	cJSON_AddStringToObject(x, "agreement", a->id);
	cJSON_AddStringToObject(x, "agreement_title", a->title ? a->title : a->id);
	vx_add_month(v, x, h->ym, "period_label");
	cJSON_AddStringToObject(x, "id", cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(h->b, "id")));
	cJSON_AddStringToObject(x, "title", title != NULL ? title : "");
	cJSON_AddStringToObject(x, "clock", vx_label(v, clock != NULL &&
	    strcmp(clock, "response") == 0 ? "clock_response" : "clock_resolution"));
	vx_local_time(a->zone, h->at, at);
	cJSON_AddStringToObject(x, "at", at);
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
	const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(t, "name"));
	cJSON *o = cJSON_CreateObject(), *arr;
	int i, ym;

	cJSON_AddStringToObject(o, "kind", "team");
	cJSON_AddStringToObject(o, "name", name != NULL ? name : "");
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
