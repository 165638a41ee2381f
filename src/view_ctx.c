/* view_ctx.c: the view context — kpis.json per agreement, the months with
 * pages, the teams and their slugs, the labels, and the contexts of the
 * agreements written in a language of their own. */
#include "view_int.h"

#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "kpi.h"
#include "model.h"

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
		cJSON_AddStringToObject(t, "id", names[i]);
		cJSON_AddStringToObject(t, "name", site_team_name(&v->m->site, names[i]));
		cJSON_AddStringToObject(t, "slug", try);
		cJSON_AddItemToArray(arr, t);
		free(try);
		free(slug);
	}
	free(names);
	return arr;
}

static struct view_ctx *
ctx_new(const cJSON *kpis, const struct model *m, const struct i18n *loc, int from_ym,
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

struct view_ctx *
view_ctx_new(const cJSON *kpis, const struct model *m, const struct i18n *loc, int from_ym,
    int to_ym, bool with_svg)
{
	struct view_ctx *v = ctx_new(kpis, m, loc, from_ym, to_ym, with_svg);
	int i, j;

	/* One context per locale other than the site's, shared by the agreements
	 * that name it. */
	v->own = xcalloc((size_t)m->nagreements + 1, sizeof *v->own);
	for (i = 0; i < m->nagreements; i++) {
		const char *want = m->agreements[i].locale;
		struct i18n *l;
		if (want == NULL || loc == NULL)
			continue;
		l = i18n_load(want);
		if (strcmp(i18n_tag(l), i18n_tag(loc)) == 0) {
			i18n_free(l);
			continue;
		}
		for (j = 0; j < v->nchildren; j++)
			if (strcmp(i18n_tag(v->child_locs[j]), i18n_tag(l)) == 0)
				break;
		if (j == v->nchildren) {
			v->children = xrealloc(v->children, (size_t)(j + 1) * sizeof *v->children);
			v->child_locs = xrealloc(v->child_locs, (size_t)(j + 1) * sizeof *v->child_locs);
			v->child_locs[j] = l;
			v->children[j] = ctx_new(kpis, m, l, from_ym, to_ym, with_svg);
			v->nchildren++;
		} else
			i18n_free(l);
		v->own[i] = v->children[j];
	}
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

const struct view_ctx *
view_for_agreement(const struct view_ctx *v, int i)
{
	return v->own != NULL && i >= 0 && i < v->m->nagreements && v->own[i] != NULL ?
	    v->own[i] : v;
}

const struct i18n *
view_locale(const struct view_ctx *v)
{
	return v->loc;
}

void
view_ctx_free(struct view_ctx *v)
{
	if (v == NULL)
		return;
	for (int i = 0; i < v->nchildren; i++) {
		view_ctx_free(v->children[i]);
		i18n_free(v->child_locs[i]);
	}
	free(v->children);
	free(v->child_locs);
	free(v->own);
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
	for (int i = 0; i < v->nchildren; i++)
		view_ctx_set_data_files(v->children[i], with_json, with_csv);
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
		if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(t, "id")), team) == 0)
			return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(t, "slug"));
	return NULL;
}

