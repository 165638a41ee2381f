/* view_agreement.c: the agreement page, the agreement-month page, their charts,
 * and the "how we measure" text generated from the rules and the calendar. */
#include "view_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "chart.h"
#include "html.h"
#include "civil.h"
#include "i18n.h"
#include "kpi.h"
#include "markdown.h"
#include "model.h"

static const char *const chart_kind_names[CHART_KIND_COUNT] = {
	"attainment", "trend", "volume", "distribution", "ola_budget",
};

/* The chart's <svg> as one image for assistive technology: role="img" and the
 * summary as its name; the glyph paths inside say nothing to a screen reader. */
static bool
memmem_role(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 6 <= n; i++)
		if (memcmp(s + i, " role=", 6) == 0)
			return true;
	return false;
}

static char *
svg_accessible(const char *svg, const char *summary)
{
	const char *tag = strstr(svg, "<svg");
	struct strbuf sb = {0};

	const char *end = tag != NULL ? strchr(tag, '>') : NULL;

	if (tag == NULL || end == NULL)
		return NULL;
	/* chart_svg may name the image itself (<title>, aria-labelledby). */
	if (memmem_role(tag, (size_t)(end - tag)))
		return xstrdup(tag);
	strbuf_append(&sb, tag, 4);
	strbuf_puts(&sb, " role=\"img\" aria-label=\"");
	html_escape(&sb, summary != NULL ? summary : "");
	strbuf_puts(&sb, "\"");
	strbuf_puts(&sb, tag + 4);
	return strbuf_detach(&sb, NULL);
}

static cJSON *draw_chart(const struct view_ctx *v, int kind, const char *agreement_id, int ym);

/* Whether a cell holds a figure: a digit first, after at most a sign
 * ("+1.6", "−4.5", "±0.0", "93.5%", "4h 51m"). */
static bool
is_figure(const char *s)
{
	if (strncmp(s, "\xE2\x88\x92", 3) == 0 || strncmp(s, "\xC2\xB1", 2) == 0)
		s += s[0] == '\xE2' ? 3 : 2;
	else if (*s == '+' || *s == '-')
		s++;
	return *s >= '0' && *s <= '9';
}

/* No figure either way: empty, or the dash of a missing value. */
static bool
is_blank(const char *s)
{
	return *s == '\0' || strcmp(s, "\xE2\x80\x93") == 0 || strcmp(s, "-") == 0;
}

/* {key: the string of e, num}: one header or body cell of a data table. */
static cJSON *
table_cell(const char *key, const cJSON *e, bool num)
{
	cJSON *c = cJSON_CreateObject();

	cJSON_AddStringToObject(c, key, cJSON_IsString(e) ? e->valuestring : "");
	cJSON_AddBoolToObject(c, "num", num);
	return c;
}

/* A chart's data table as pages and PDFs draw it: {caption, columns:
 * [{label, num}], rows: [[{text, num}]]}, num where every cell of the
 * column (the first, naming the row, excepted) is a figure or blank, so
 * that figures are right-aligned and words are not. */
static cJSON *
data_table(const cJSON *t)
{
	const cJSON *cols = cJSON_GetObjectItemCaseSensitive(t, "columns");
	const cJSON *rows = cJSON_GetObjectItemCaseSensitive(t, "rows"), *row, *e;
	int n = cJSON_GetArraySize(cols), k;
	bool *num = xcalloc((size_t)n + 1, sizeof *num);
	cJSON *o = cJSON_CreateObject(), *oc, *orows;

	for (k = 1; k < n; k++) {
		bool any = false, all = true;
		cJSON_ArrayForEach(row, rows) {
			const char *s = cJSON_GetStringValue(cJSON_GetArrayItem(row, k));
			if (s == NULL || is_blank(s))
				continue;
			any = true;
			all &= is_figure(s);
		}
		num[k] = any && all;
	}
	e = cJSON_GetObjectItemCaseSensitive(t, "caption");
	cJSON_AddStringToObject(o, "caption", cJSON_IsString(e) ? e->valuestring : "");
	oc = cJSON_AddArrayToObject(o, "columns");
	k = 0;
	cJSON_ArrayForEach(e, cols) {
		cJSON_AddItemToArray(oc, table_cell("label", e, k < n && num[k]));
		k++;
	}
	orows = cJSON_AddArrayToObject(o, "rows");
	cJSON_ArrayForEach(row, rows) {
		cJSON *r = cJSON_CreateArray();
		k = 0;
		cJSON_ArrayForEach(e, row) {
			cJSON_AddItemToArray(r, table_cell("text", e, k < n && num[k]));
			k++;
		}
		cJSON_AddItemToArray(orows, r);
	}
	free(num);
	return o;
}

cJSON *
vx_chart(const struct view_ctx *v, int kind, const char *agreement_id, int ym)
{
	struct view_ctx *mv = (struct view_ctx *)v;	/* the cache only */
	const cJSON *hit;
	cJSON *c;

	if (kind != CHART_ATTAINMENT)
		return draw_chart(v, kind, agreement_id, ym);
	if (mv->chart_cache_ym != ym) {
		cJSON_Delete(mv->chart_cache);
		mv->chart_cache = cJSON_CreateObject();
		mv->chart_cache_ym = ym;
	}
	if ((hit = cJSON_GetObjectItemCaseSensitive(v->chart_cache, agreement_id)) != NULL)
		return cJSON_IsNull(hit) ? NULL : cJSON_Duplicate(hit, 1);
	c = draw_chart(v, kind, agreement_id, ym);
	cJSON_AddItemToObject(mv->chart_cache, agreement_id,
	    c != NULL ? cJSON_Duplicate(c, 1) : cJSON_CreateNull());
	return c;
}

static cJSON *
draw_chart(const struct view_ctx *v, int kind, const char *agreement_id, int ym)
{
	char period[8];
	struct chart *c;
	cJSON *o;

	if (kind < 0 || kind >= CHART_KIND_COUNT)
		return NULL;
	kpi_format_month(ym, period);
	c = chart_build((enum chart_kind)kind, v->kpis, agreement_id, period, v->loc,
	    &v->m->site);
	if (c == NULL)
		return NULL;
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "kind", chart_kind_names[kind]);
	{
		char *id = xasprintf("c-%s-%s-", agreement_id, chart_kind_names[kind]);
		cJSON_AddStringToObject(o, "id", id);
		if (v->with_svg) {
			size_t len;
			char *svg = chart_svg(c, id, &len);
			char *html = svg != NULL ? svg_accessible(svg, c->summary) : NULL;
			cJSON_AddStringToObject(o, "svg_html", html != NULL ? html : "");
			free(html);
			free(svg);
		}
		free(id);
	}
	cJSON_AddStringToObject(o, "agreement", agreement_id);
	cJSON_AddStringToObject(o, "period", period);
	cJSON_AddStringToObject(o, "title", c->title != NULL ? c->title : "");
	cJSON_AddStringToObject(o, "summary", c->summary != NULL ? c->summary : "");
	cJSON_AddItemToObject(o, "table", c->table != NULL ? data_table(c->table) :
	    cJSON_CreateNull());
	chart_free(c);
	return o;
}

/* "08:00–12:00, 13:00–17:00" (en-US "8:00 AM–12:00 PM") for one weekday. */
static void
put_ranges(const struct view_ctx *v, struct strbuf *sb, const struct calendar_spec *c, int day)
{
	int r;

	for (r = 0; r < c->nranges[day]; r++) {
		if (r > 0)
			strbuf_puts(sb, i18n_text(v->loc, "web.list_sep"));
		i18n_time(v->loc, sb, c->ranges[day][r].start_min);
		strbuf_puts(sb, i18n_text(v->loc, "web.range_sep"));
		i18n_time(v->loc, sb, c->ranges[day][r].end_min);
	}
}

/* A holiday (or any day number) as the locale writes dates. */
static void
put_day(const struct view_ctx *v, struct strbuf *sb, int64_t days)
{
	int y, m, d;

	civil_from_days(days, &y, &m, &d);
	i18n_date(v->loc, sb, y, m, d);
}

void
vx_hours_summary(const struct view_ctx *v, struct strbuf *sb, const struct calendar_spec *c)
{
	int d = 0, e;
	bool first = true;

	if (c->always) {
		strbuf_puts(sb, vx_label(v, "round_the_clock"));
		return;
	}
	while (d < 7) {
		struct strbuf a = {0}, b = {0};
		if (c->nranges[d] == 0) {
			d++;
			continue;
		}
		put_ranges(v, &a, c, d);
		for (e = d + 1; e < 7; e++) {
			put_ranges(v, &b, c, e);
			if (b.data == NULL || strcmp(a.data, b.data) != 0) {
				strbuf_free(&b);
				break;
			}
			strbuf_free(&b);
		}
		strbuf_printf(sb, "%s%s", first ? "" : "; ", i18n_weekday_name(v->loc, d, 1));
		if (e - 1 > d)
			strbuf_printf(sb, "%s%s", i18n_text(v->loc, "web.range_sep"),
			    i18n_weekday_name(v->loc, e - 1, 1));
		strbuf_printf(sb, " %s", a.data);
		strbuf_free(&a);
		first = false;
		d = e;
	}
	if (first)
		strbuf_puts(sb, "–");
}

static cJSON *
calendar_json(const struct view_ctx *v, const struct agreement *a)
{
	const struct calendar_spec *c = &a->calendar;
	cJSON *o = cJSON_CreateObject(), *hours, *hol;
	struct strbuf sb = {0};
	int d, h;

	cJSON_AddBoolToObject(o, "always", c->always);
	hours = cJSON_AddArrayToObject(o, "hours");
	for (d = 0; d < 7 && !c->always; d++) {
		cJSON *e;
		if (c->nranges[d] == 0)
			continue;
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "day", i18n_weekday_name(v->loc, d, 1));
		put_ranges(v, &sb, c, d);
		cJSON_AddStringToObject(e, "ranges", sb.data);
		strbuf_free(&sb);
		cJSON_AddItemToArray(hours, e);
	}
	hol = cJSON_AddArrayToObject(o, "holidays");
	for (h = 0; h < c->nholidays && !c->always; h++) {
		cJSON *e = cJSON_CreateObject();
		char iso[11];
		civil_format_date(c->holidays[h], iso);
		cJSON_AddStringToObject(e, "iso", iso);
		put_day(v, &sb, c->holidays[h]);
		cJSON_AddStringToObject(e, "date", sb.data);
		strbuf_free(&sb);
		cJSON_AddStringToObject(e, "weekday", i18n_weekday_name(v->loc,
		    civil_weekday(c->holidays[h]), 1));
		cJSON_AddItemToArray(hol, e);
	}
	cJSON_AddStringToObject(o, "timezone", a->timezone != NULL ? a->timezone : "UTC");
	i18n_duration(v->loc, &sb, calendar_day_seconds(c));
	cJSON_AddStringToObject(o, "day_length", sb.data != NULL ? sb.data : "–");
	strbuf_free(&sb);
	vx_hours_summary(v, &sb, c);
	cJSON_AddStringToObject(o, "summary", sb.data);
	strbuf_free(&sb);
	return o;
}

static void
add_para(cJSON *arr, const char *title, const char *text)
{
	cJSON *p = cJSON_CreateObject();

	cJSON_AddStringToObject(p, "title", title);
	cJSON_AddStringToObject(p, "text", text);
	cJSON_AddItemToArray(arr, p);
}

/* "How we measure": the rules of SPEC §5 as they apply to this agreement, in
 * the words of the message table (measure.*). */
static void
add_rule(const struct view_ctx *v, cJSON *arr, const char *key)
{
	char title[48];

	snprintf(title, sizeof title, "measure.%s_title", key + strlen("measure."));
	add_para(arr, i18n_text(v->loc, title), i18n_text(v->loc, key));
}

static cJSON *
measure_json(const struct view_ctx *v, const struct agreement *a)
{
	const struct i18n *t = v->loc;
	cJSON *arr = cJSON_CreateArray();
	struct strbuf sb = {0}, part = {0}, part2 = {0};
	const char *team = a->provider != NULL ? site_team_name(&v->m->site, a->provider) :
	    i18n_text(t, "measure.the_provider");
	int s;

	vx_hours_summary(v, &part, &a->calendar);
	i18n_format(t, &sb, "measure.business", part.data, a->timezone != NULL ? a->timezone :
	    "UTC", (char *)NULL);
	strbuf_free(&part);
	if (!a->calendar.always && a->calendar.nholidays > 0) {
		int h, shown = a->calendar.nholidays < 40 ? a->calendar.nholidays : 40;
		char n[16];
		for (h = 0; h < shown; h++) {
			if (h > 0)
				strbuf_puts(&part, i18n_text(t, "web.list_sep"));
			put_day(v, &part, a->calendar.holidays[h]);
		}
		if (shown < a->calendar.nholidays) {
			snprintf(n, sizeof n, "%d", a->calendar.nholidays - shown);
			i18n_format(t, &part, "measure.holidays_more", n, (char *)NULL);
		}
		snprintf(n, sizeof n, "%d", a->calendar.nholidays);
		if (a->calendar.nholidays == 1)
			i18n_format(t, &sb, "measure.holidays_one", part.data, (char *)NULL);
		else
			i18n_format(t, &sb, "measure.holidays_many", n, part.data, (char *)NULL);
		strbuf_free(&part);
	} else if (!a->calendar.always)
		strbuf_puts(&sb, i18n_text(t, "measure.no_holidays"));
	strbuf_puts(&sb, ".");
	for (s = 0; s < a->nseverities; s++) {
		const struct severity *sv = &a->severities[s];
		if (!sv->has_calendar)
			continue;
		vx_hours_summary(v, &part, &sv->calendar);
		i18n_format(t, &sb, "measure.own_calendar", sv->name, part.data, (char *)NULL);
		strbuf_free(&part);
	}
	i18n_duration(t, &part, calendar_day_seconds(&a->calendar));
	i18n_format(t, &sb, "measure.day_length", part.data, (char *)NULL);
	strbuf_free(&part);
	add_para(arr, i18n_text(t, "measure.business_title"), sb.data);
	strbuf_free(&sb);

	if (a->kind == AGREEMENT_OLA) {
		int sup = a->supports != NULL ? model_find_agreement(v->m, a->supports) : -1;
		/* The supported SLA by its title, as every other page names it. */
		i18n_format(t, &sb, "measure.whose", team, sup >= 0 ?
		    v->m->agreements[sup].title : a->supports != NULL ? a->supports :
		    i18n_text(t, "measure.the_supported"), (char *)NULL);
		add_para(arr, i18n_text(t, "measure.whose_title"), sb.data);
		strbuf_free(&sb);
	} else {
		add_rule(v, arr, "measure.response");
		add_rule(v, arr, "measure.resolution");
	}
	add_rule(v, arr, "measure.pauses");
	add_rule(v, arr, "measure.severity");
	add_rule(v, arr, "measure.met");
	if (a->has_credits && a->ntiers > 0) {
		int k;
		strbuf_puts(&sb, i18n_text(t, "measure.credits"));
		for (k = 0; k < a->ntiers; k++) {
			if (k > 0)
				strbuf_puts(&sb, i18n_text(t, "measure.credit_tier_sep"));
			i18n_percent(t, &part, a->tiers[k].below, 0);
			i18n_percent(t, &part2, a->tiers[k].percent, 0);
			i18n_format(t, &sb, "measure.credit_tier", part.data, part2.data, (char *)NULL);
			strbuf_free(&part);
			strbuf_free(&part2);
		}
		strbuf_puts(&sb, ".");
		add_para(arr, i18n_text(t, "measure.credits_title"), sb.data);
		strbuf_free(&sb);
	}
	return arr;
}

static cJSON *
ref(const struct agreement *a)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", a->id);
	cJSON_AddStringToObject(o, "title", a->title != NULL ? a->title : a->id);
	return o;
}

static void
add_head(const struct view_ctx *v, cJSON *o, int i, const char *kind)
{
	const struct agreement *a = &v->m->agreements[i];

	cJSON_AddStringToObject(o, "kind", kind);
	vx_agreement_head(v, o, i);
	cJSON_AddStringToObject(o, "timezone", a->timezone != NULL ? a->timezone : "UTC");
}

static void
add_term(cJSON *arr, const char *label, const char *value)
{
	cJSON *t = cJSON_CreateObject();

	cJSON_AddStringToObject(t, "label", label);
	cJSON_AddStringToObject(t, "value", value);
	cJSON_AddItemToArray(arr, t);
}

/* The agreement's own terms (not a month's figures): volume, satisfaction, credits. */
static cJSON *
contract_terms(const struct view_ctx *v, const struct agreement *a)
{
	cJSON *arr = cJSON_CreateArray();
	struct strbuf sb = {0};
	int t;

	if (a->has_volume) {
		struct strbuf n = {0};
		const char *msg = a->volume_metric == VOLUME_VALUE ?
		    (a->volume_unit != NULL ? "terms.volume_value_unit" : "terms.volume_value") :
		    (a->volume_unit != NULL ? "terms.volume_count_unit" : "terms.volume_count");
		vx_amount(v, &n, a->volume_min, a->volume_unit);
		/* "month" is the one period there is (front matter `per`). */
		i18n_format(v->loc, &sb, msg, n.data, i18n_text(v->loc, "terms.per_month"),
		    (char *)NULL);
		strbuf_free(&n);
		add_term(arr, vx_label(v, "volume"), sb.data);
		strbuf_free(&sb);
	}
	if (a->has_satisfaction) {
		struct strbuf n = {0};
		if (a->satisfaction_scale == SCALE_NPS)
			i18n_number(v->loc, &n, a->satisfaction_min, 0);
		else
			i18n_figure_percent(v->loc, &n, a->satisfaction_min);
		i18n_format(v->loc, &sb, "terms.satisfaction_min", i18n_text(v->loc,
		    a->satisfaction_scale == SCALE_NPS ? "terms.nps" : "terms.csat"), n.data,
		    (char *)NULL);
		strbuf_free(&n);
		add_term(arr, vx_label(v, "satisfaction"), sb.data);
		strbuf_free(&sb);
	}
	if (a->has_credits) {
		i18n_number(v->loc, &sb, a->credit_fee, 2);
		strbuf_printf(&sb, " %s", a->credit_currency != NULL ? a->credit_currency : "");
		for (t = 0; t < a->ntiers; t++) {
			struct strbuf b = {0}, c = {0};
			strbuf_puts(&sb, t == 0 ? "; " : i18n_text(v->loc, "web.list_sep"));
			i18n_percent(v->loc, &b, a->tiers[t].below, 0);
			i18n_percent(v->loc, &c, a->tiers[t].percent, 0);
			i18n_format(v->loc, &sb, "terms.tier", b.data, c.data, (char *)NULL);
			strbuf_free(&b);
			strbuf_free(&c);
		}
		add_term(arr, vx_label(v, "credits"), sb.data);
		strbuf_free(&sb);
	}
	return arr;
}

/* The agreement text sits under the page's h1 and the section's h2: its
 * headings move down two levels (h1 → h3, at most h6), in place. */
static void
shift_headings(char *html)
{
	char *p;

	for (p = strchr(html, '<'); p != NULL; p = strchr(p + 1, '<')) {
		char *d = p[1] == '/' ? p + 2 : p + 1;
		if (d[0] == 'h' && d[1] >= '1' && d[1] <= '6' && (d[2] == '>' || d[2] == ' '))
			d[1] = (char)(d[1] + 2 > '6' ? '6' : d[1] + 2);
	}
}

/* GFM task-list checkboxes are disabled inputs without a label: an accessibility
 * error. They become a symbol that says what it means. Frees html. */
static char *
label_tasks(const struct view_ctx *v, char *html)
{
	static const char *const from[2] = {
		"<input type=\"checkbox\" disabled=\"\" />",
		"<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
	};
	struct strbuf sb = {0}, label = {0};
	char *to[2];
	const char *p = html;

	if (strstr(html, "<input type=\"checkbox\"") == NULL)
		return html;
	html_escape(&label, i18n_text(v->loc, "web.task_open"));
	to[0] = xasprintf("<span class=\"task\" role=\"img\" aria-label=\"%s\">☐</span>",
	    label.data != NULL ? label.data : "");
	strbuf_free(&label);
	html_escape(&label, i18n_text(v->loc, "web.task_done"));
	to[1] = xasprintf("<span class=\"task done\" role=\"img\" aria-label=\"%s\">☑</span>",
	    label.data != NULL ? label.data : "");
	strbuf_free(&label);
	while (*p != '\0') {
		int k;
		for (k = 0; k < 2; k++)
			if (strncmp(p, from[k], strlen(from[k])) == 0)
				break;
		if (k < 2) {
			strbuf_puts(&sb, to[k]);
			p += strlen(from[k]);
		} else
			strbuf_putc(&sb, *p++);
	}
	free(to[0]);
	free(to[1]);
	free(html);
	return strbuf_detach(&sb, NULL);
}

cJSON *
view_agreement(const struct view_ctx *site_v, int i)
{
	const struct view_ctx *v = view_for_agreement(site_v, i);
	const struct agreement *a = &v->m->agreements[i];
	cJSON *o = cJSON_CreateObject(), *arr, *lat;
	const cJSON *p = vx_period(v->ag[i], v->report_ym);
	char *body;
	int s, k;

	add_head(v, o, i, "agreement");
	k = a->supports != NULL ? model_find_agreement(v->m, a->supports) : -1;
	cJSON_AddItemToObject(o, "supports", k >= 0 ? ref(&v->m->agreements[k]) : cJSON_CreateNull());
	arr = cJSON_AddArrayToObject(o, "supported_by");
	for (k = 0; k < v->m->nagreements; k++)
		if (v->m->agreements[k].supports != NULL && strcmp(v->m->agreements[k].supports, a->id) == 0)
			cJSON_AddItemToArray(arr, ref(&v->m->agreements[k]));
	cJSON_AddStringToObject(o, "effective", a->effective != NULL ? a->effective : "");
	vx_add_review(v, o, i);
	body = a->doc != NULL ? markdown_to_html(a->doc, v->m->site.unsafe_html) : NULL;
	if (body != NULL) {
		shift_headings(body);
		body = label_tasks(v, body);
	}
	cJSON_AddStringToObject(o, "body_html", body != NULL ? body : "");
	free(body);
	arr = cJSON_AddArrayToObject(o, "levels");
	for (s = 0; s < a->nseverities; s++) {
		const struct severity *sv = &a->severities[s];
		cJSON *e = cJSON_CreateObject();
		struct strbuf sb = {0};
		cJSON_AddStringToObject(e, "key", sv->key);
		cJSON_AddStringToObject(e, "name", sv->name != NULL ? sv->name : sv->key);
		cJSON_AddStringToObject(e, "response", sv->response_text != NULL ? sv->response_text : "–");
		cJSON_AddStringToObject(e, "resolution", sv->resolution_text != NULL ? sv->resolution_text : "–");
		if (!isnan(sv->goal)) {
			i18n_figure_percent(v->loc, &sb, sv->goal);
			cJSON_AddStringToObject(e, "goal", sb.data);
			strbuf_free(&sb);
		} else
			cJSON_AddStringToObject(e, "goal", "–");
		if (sv->has_calendar)
			vx_hours_summary(v, &sb, &sv->calendar);
		cJSON_AddStringToObject(e, "calendar", sv->has_calendar ? sb.data :
		    vx_label(v, "agreement_calendar"));
		strbuf_free(&sb);
		cJSON_AddItemToArray(arr, e);
	}
	cJSON_AddItemToObject(o, "calendar", calendar_json(v, a));
	cJSON_AddItemToObject(o, "terms", contract_terms(v, a));
	cJSON_AddItemToObject(o, "history", vx_history(v, a));
	if (p != NULL) {
		lat = cJSON_AddObjectToObject(o, "latest");
		vx_add_month(v, lat, v->report_ym, "period_label");
		vx_add_rows(v, lat, a, p);
		cJSON_AddItemToObject(lat, "exclusions", vx_exclusions(v, i, p, v->report_ym));
	} else
		cJSON_AddNullToObject(o, "latest");
	cJSON_AddItemToObject(o, "months", cJSON_Duplicate(view_months(v), 1));
	cJSON_AddItemToObject(o, "measure", measure_json(v, a));
	return o;
}

static sla_time
parse_utc(const char *s)
{
	struct civil_stamp st;

	if (s == NULL || civil_parse_stamp(s, strlen(s), &st) != NULL)
		return 0;
	return st.local - (st.has_offset ? st.offset_s : 0);
}

static cJSON *
breach_json(const struct view_ctx *v, const struct agreement *a, const cJSON *b)
{
	cJSON *o = cJSON_CreateObject(), *tl;
	const cJSON *sev = cJSON_GetObjectItemCaseSensitive(b, "severity"), *seg;
	const char *clock = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(b, "clock"));
	const char *team = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(b, "team"));
	const char *title = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(b, "title"));
	const char *slug = view_team_slug(v, team);
	const struct severity *sv;
	char buf[32];
	struct vx_time at;

	if (cJSON_IsNumber(sev))
		snprintf(buf, sizeof buf, "%d", sev->valueint);
	else
		snprintf(buf, sizeof buf, "%s", cJSON_GetStringValue(sev) ? sev->valuestring : "");
	sv = agreement_find_severity(a, buf);
	cJSON_AddStringToObject(o, "id", cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(b, "id")));
	cJSON_AddStringToObject(o, "title", title != NULL ? title : "");
	cJSON_AddStringToObject(o, "severity", sv != NULL && sv->name != NULL ? sv->name : buf);
	cJSON_AddStringToObject(o, "clock", vx_label(v, clock != NULL && strcmp(clock, "response") == 0 ?
	    "clock_response" : "clock_resolution"));
	vx_local_time(v, a->zone, cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(b, "at")),
	    &at);
	cJSON_AddStringToObject(o, "at", at.text);
	cJSON_AddStringToObject(o, "at_iso", at.iso);
	cJSON_AddStringToObject(o, "team", team != NULL ? site_team_name(&v->m->site, team) : "");
	cJSON_AddStringToObject(o, "team_slug", slug != NULL ? slug : "");
	tl = cJSON_AddArrayToObject(o, "timeline");
	cJSON_ArrayForEach(seg, cJSON_GetObjectItemCaseSensitive(b, "timeline")) {
		const char *state = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(seg, "state"));
		const char *from = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(seg, "from"));
		const char *to = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(seg, "to"));
		cJSON *e = cJSON_CreateObject();
		struct strbuf sb = {0};
		char key[32];
		struct vx_time t1, t2;

		snprintf(key, sizeof key, "state_%s", state != NULL ? state : "ended");
		cJSON_AddStringToObject(e, "state", state != NULL ? state : "ended");
		cJSON_AddStringToObject(e, "label", vx_label(v, key));
		vx_local_time(v, a->zone, from, &t1);
		vx_local_time(v, a->zone, to, &t2);
		cJSON_AddStringToObject(e, "from", t1.text);
		cJSON_AddStringToObject(e, "to", t2.text);
		i18n_duration(v->loc, &sb, parse_utc(to) - parse_utc(from));
		cJSON_AddStringToObject(e, "duration", sb.data != NULL ? sb.data : "");
		strbuf_free(&sb);
		cJSON_AddItemToArray(tl, e);
	}
	return o;
}

cJSON *
view_agreement_month(const struct view_ctx *site_v, int i, int ym)
{
	const struct view_ctx *v = view_for_agreement(site_v, i);
	const struct agreement *a = &v->m->agreements[i];
	const cJSON *p = vx_period(v->ag[i], ym), *b;
	cJSON *o = cJSON_CreateObject(), *arr;
	int k, nb;

	add_head(v, o, i, "agreement_month");
	vx_add_month(v, o, ym, "period_label");
	cJSON_AddItemToObject(o, "prev", vx_month_ref(v, ym - 1));
	cJSON_AddItemToObject(o, "next", vx_month_ref(v, ym + 1));
	vx_add_rows(v, o, a, p);
	cJSON_AddItemToObject(o, "terms", arr = vx_terms(v, a, p));
	vx_add_terms_in_force(v, a, p, arr);
	arr = cJSON_AddArrayToObject(o, "charts");
	for (k = 0; k < CHART_KIND_COUNT; k++) {
		cJSON *c = vx_chart(v, k, a->id, ym);
		if (c != NULL)
			cJSON_AddItemToArray(arr, c);
	}
	vx_add_commentary(v, o, ym, a->id, 3);	/* under its h2 */
	/* The first VIEW_MAX_BREACHES, in the order of kpis.json (instant, id);
	 * the note says how many there are and where all of them are. */
	arr = cJSON_AddArrayToObject(o, "breaches");
	nb = 0;
	cJSON_ArrayForEach(b, cJSON_GetObjectItemCaseSensitive(p, "breaches"))
		if (nb++ < VIEW_MAX_BREACHES)
			cJSON_AddItemToArray(arr, breach_json(v, a, b));
	cJSON_AddNumberToObject(o, "breaches_total", nb);
	cJSON_AddItemToObject(o, "breaches_note", vx_breaches_note(v, nb, false));
	cJSON_AddBoolToObject(o, "has_breaches", nb > 0);
	cJSON_AddItemToObject(o, "exclusions", vx_exclusions(v, i, p, ym));
	cJSON_AddItemToObject(o, "mtd", vx_mtd(v, i, p));
	cJSON_AddItemToObject(o, "restated", vx_restated(v, ym, a->id));
	cJSON_AddItemToObject(o, "quality", vx_quality(v));
	cJSON_AddItemToObject(o, "measure", measure_json(v, a));
	return o;
}
