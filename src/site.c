/* site.c: renders the pages of the site — one view model per page, wrapped in
 * the chrome every page shares (breadcrumbs, period switcher, "data as of"
 * stamp, inputs fingerprint, download links) and run through the templates. */
#include "site.h"

#include <cJSON.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fingerprint.h"
#include "i18n.h"
#include "kpi.h"
#include "model.h"
#include "mustache.h"
#include "parallel.h"
#include "publish.h"
#include "resource.h"
#include "tz.h"
#include "util.h"
#include "view.h"

struct site_writer {
	struct publish *p;
	const struct model *m;
	const struct site_options *o;
	struct view_ctx *v;
	struct mustache *mu;
	cJSON *common;		/* members every page shares; moved in and out */
	cJSON **own_common;	/* per agreement with a locale of its own, else NULL */
	char *why;
	size_t whylen;
};

/* Templates are "<name>.mustache" among the resources (embedded or --templates). */
static const char *
load_template(void *ctx, const char *name, size_t *len)
{
	char path[128];

	(void)ctx;
	if (snprintf(path, sizeof path, "%s.mustache", name) >= (int)sizeof path)
		return NULL;
	return resource_get(path, len);
}

/* "30.10.2026 17:42 Europe/Berlin" (as the locale writes it): the latest
 * event, in the site's zone. */
char *
site_data_as_of(const struct model *m, const struct i18n *loc)
{
	struct strbuf sb = {0};
	sla_time latest = m->latest_at, t;
	int64_t days;
	int y, mo, d, secs;

	if (latest == 0)
		return xstrdup("–");
	t = m->site.zone != NULL ? tz_utc_to_local(m->site.zone, latest) : latest;
	days = civil_day_of(t);
	civil_from_days(days, &y, &mo, &d);
	secs = (int)(t - days * 86400);
	i18n_datetime(loc, &sb, y, mo, d, secs / 60);
	strbuf_printf(&sb, " %s", m->site.timezone != NULL ? m->site.timezone : "UTC");
	return strbuf_detach(&sb, NULL);
}

/* The day a publication is issued, as the locale writes it. A rebuild of
 * the same inputs must give the same bytes, so not the wall clock: the day
 * of SOURCE_DATE_EPOCH when set (a release pipeline's date), else the day of
 * the data as of (the publication speaks for the data up to then). */
char *
site_issue_date(const struct model *m, const struct i18n *loc)
{
	struct strbuf sb = {0};
	const char *env = getenv("SOURCE_DATE_EPOCH");
	sla_time t = m->latest_at;
	int64_t days;
	int y, mo, d;
	char *end;

	if (env != NULL && *env != '\0') {
		long long e = strtoll(env, &end, 10);
		if (*end == '\0' && e > 0)
			t = (sla_time)e;
	}
	if (t == 0)
		return xstrdup("\xE2\x80\x93");
	if (m->site.zone != NULL)
		t = tz_utc_to_local(m->site.zone, t);
	days = civil_day_of(t);
	civil_from_days(days, &y, &mo, &d);
	i18n_date(loc, &sb, y, mo, d);
	return strbuf_detach(&sb, NULL);
}

static void
add_crumb(cJSON *crumbs, const char *label, const char *href)
{
	cJSON *c = cJSON_CreateObject();

	cJSON_AddStringToObject(c, "label", label);
	if (href != NULL)
		cJSON_AddStringToObject(c, "href", href);
	cJSON_AddItemToArray(crumbs, c);
}

/* The period switcher: every month with a page, linking to pattern with %s for
 * the month ("reports/%s/index.html", relative to the site's root), and the
 * months before and after current (NULL: none is current). */
static cJSON *
switcher(const struct view_ctx *v, const char *pattern, const char *current)
{
	cJSON *o = cJSON_CreateObject(), *arr = cJSON_AddArrayToObject(o, "items"), *prev = NULL;
	const cJSON *mo;
	bool after = false;

	cJSON_ArrayForEach(mo, view_months(v)) {
		const char *per = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(mo, "period"));
		bool cur = current != NULL && strcmp(per, current) == 0;
		cJSON *e = cJSON_Duplicate(mo, 1);
		char *href = xasprintf(pattern, per);

		cJSON_AddStringToObject(e, "href", href);
		cJSON_AddBoolToObject(e, "current", cur);
		free(href);
		if (after) {
			cJSON_AddItemToObject(o, "next", cJSON_Duplicate(e, 1));
			after = false;
		}
		if (cur) {
			if (prev != NULL)
				cJSON_AddItemToObject(o, "prev", cJSON_Duplicate(prev, 1));
			after = true;
		}
		prev = e;
		cJSON_AddItemToArray(arr, e);
	}
	return o;
}

/* Renders template name with page data, the shared members and chrome, and
 * writes it to relpath. root is the way back to the site's root ("../"). */
static int
render_page(struct site_writer *s, const cJSON *common, const char *tpl, const char *relpath,
    const char *root, const char *title, cJSON *page, cJSON *crumbs, cJSON *sw,
    const char *pdf)
{
	cJSON *data = cJSON_CreateObject();
	const cJSON *c;
	struct mustache_error err;
	char *html;
	int rc = 0;

	/* The shared members are borrowed for the render, not copied: 500 pages. */
	for (c = common->child; c != NULL; c = c->next)
		cJSON_AddItemReferenceToObject(data, c->string, (cJSON *)c);	/* only read */
	cJSON_AddStringToObject(data, "root", root);
	cJSON_AddStringToObject(data, "page_title", title);
	cJSON_AddItemToObject(data, "page", page);
	cJSON_AddItemToObject(data, "crumbs", crumbs);
	if (sw != NULL)
		cJSON_AddItemToObject(data, "switcher", sw);
	if (pdf != NULL && s->o->with_pdf)
		cJSON_AddStringToObject(data, "pdf", pdf);
	html = mustache_render_name(s->mu, tpl, data, &err);
	if (html == NULL) {
		snprintf(s->why, s->whylen, "template %s.mustache:%d:%d: %s", err.where[0] ?
		    err.where : tpl, err.line, err.col, err.message);
		rc = EINVAL;
	} else {
		rc = publish_write(s->p, relpath, html, strlen(html));
		if (rc != 0)
			snprintf(s->why, s->whylen, "%s: %s", relpath, strerror(rc));
	}
	free(html);
	cJSON_Delete(data);
	return rc;
}

static const char *
label_in(const struct view_ctx *v, const char *key)
{
	const cJSON *l = cJSON_GetObjectItemCaseSensitive(view_labels(v), key);

	return cJSON_IsString(l) ? l->valuestring : key;
}

static const char *
label(const struct site_writer *s, const char *key)
{
	return label_in(s->v, key);
}

/* The chrome of agreement i's pages: in its own language when it has one. */
static const cJSON *
common_for(const struct site_writer *s, int i)
{
	return s->own_common != NULL && s->own_common[i] != NULL ? s->own_common[i] : s->common;
}

static int
write_index(struct site_writer *s)
{
	char per[8];
	cJSON *crumbs = cJSON_CreateArray();

	kpi_format_month(view_report_month(s->v), per);
	add_crumb(crumbs, label(s, "home"), NULL);
	return render_page(s, s->common, "index", "index.html", "", label(s, "home"),
	    view_index(s->v, view_report_month(s->v)), crumbs,
	    switcher(s->v, "reports/%s/index.html", NULL),
	    NULL);
}

static int
write_agreement(struct site_writer *s, int i)
{
	const struct agreement *a = &s->m->agreements[i];
	char *rel = xasprintf("agreements/%s.html", a->id);
	char *pdf = xasprintf("%s.pdf", a->id);
	cJSON *crumbs = cJSON_CreateArray();
	int rc;

	add_crumb(crumbs, label_in(view_for_agreement(s->v, i), "home"), "../index.html");
	add_crumb(crumbs, a->title != NULL ? a->title : a->id, NULL);
	rc = render_page(s, common_for(s, i), "agreement", rel, "../", a->title != NULL ? a->title : a->id,
	    view_agreement(s->v, i), crumbs, NULL, pdf);
	free(pdf);
	free(rel);
	return rc;
}

static int
write_month(struct site_writer *s, int ym)
{
	char per[8], *rel, *title;
	cJSON *page = view_month_report(s->v, ym), *crumbs = cJSON_CreateArray();
	int rc;

	kpi_format_month(ym, per);
	rel = xasprintf("reports/%s/index.html", per);
	title = xasprintf("%s – %s", label(s, "month_report"),
	    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(page, "period_label")));
	add_crumb(crumbs, label(s, "home"), "../../index.html");
	add_crumb(crumbs, cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(page, "period_label")), NULL);
	rc = render_page(s, s->common, "month", rel, "../../", title, page, crumbs,
	    switcher(s->v, "reports/%s/index.html", per), "report.pdf");
	free(title);
	free(rel);
	return rc;
}

static int
write_agreement_month(struct site_writer *s, int i, int ym)
{
	const struct agreement *a = &s->m->agreements[i];
	char per[8], *rel, *title, *pattern, *up;
	cJSON *page = view_agreement_month(s->v, i, ym), *crumbs = cJSON_CreateArray();
	const char *plabel = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(page, "period_label"));
	int rc;

	kpi_format_month(ym, per);
	rel = xasprintf("reports/%s/%s.html", per, a->id);
	title = xasprintf("%s – %s", a->title != NULL ? a->title : a->id, plabel);
	pattern = xasprintf("reports/%%s/%s.html", a->id);
	up = xasprintf("../../agreements/%s.html", a->id);
	add_crumb(crumbs, label_in(view_for_agreement(s->v, i), "home"), "../../index.html");
	add_crumb(crumbs, plabel, "index.html");
	add_crumb(crumbs, a->title != NULL ? a->title : a->id, NULL);
	(void)up;
	rc = render_page(s, common_for(s, i), "agreement_month", rel, "../../", title, page,
	    crumbs, switcher(view_for_agreement(s->v, i), pattern, per), "report.pdf");
	free(up);
	free(pattern);
	free(title);
	free(rel);
	return rc;
}

static int
write_team(struct site_writer *s, int t)
{
	cJSON *page = view_team(s->v, t), *crumbs = cJSON_CreateArray();
	const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(page, "name"));
	char *rel = xasprintf("teams/%s.html",
	    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(page, "slug")));
	char *title = xasprintf("%s %s", label(s, "team"), name);
	int rc;

	add_crumb(crumbs, label(s, "home"), "../index.html");
	add_crumb(crumbs, title, NULL);
	rc = render_page(s, s->common, "team", rel, "../", title, page, crumbs, NULL, NULL);
	free(title);
	free(rel);
	return rc;
}

static int
write_assets(struct site_writer *s)
{
	static const char *const assets[] = { "style.css" };
	size_t i, len;

	for (i = 0; i < sizeof assets / sizeof *assets; i++) {
		const char *data = resource_get(assets[i], &len);
		char *rel = xasprintf("assets/%s", assets[i]);
		int rc = data != NULL ? publish_write(s->p, rel, data, len) : ENOENT;
		if (rc != 0)
			snprintf(s->why, s->whylen, "%s: %s", rel, strerror(rc));
		free(rel);
		if (rc != 0)
			return rc;
	}
	return 0;
}

static cJSON *
make_common(const struct model *m, const struct view_ctx *v, const struct site_options *so)
{
	const struct i18n *loc = view_locale(v);
	cJSON *o = cJSON_CreateObject(), *site;
	char *fp = fingerprint_inputs(m), *asof = site_data_as_of(m, loc), shortfp[13];

	site = cJSON_AddObjectToObject(o, "site");
	cJSON_AddStringToObject(site, "title", m->site.title != NULL ? m->site.title :
	    "Service level reports");
	if (m->site.organisation != NULL)
		cJSON_AddStringToObject(site, "organisation", m->site.organisation);
	cJSON_AddStringToObject(site, "lang", loc != NULL ? i18n_tag(loc) : "en");
	cJSON_AddStringToObject(o, "generator", "slareport " SLAREPORT_VERSION);
	cJSON_AddItemToObject(o, "t", cJSON_Duplicate(view_labels(v), 1));
	cJSON_AddItemToObject(o, "teams", cJSON_Duplicate(view_teams(v), 1));
	cJSON_AddItemToObject(o, "all_months", cJSON_Duplicate(view_months(v), 1));
	cJSON_AddStringToObject(o, "fingerprint", fp);
	memcpy(shortfp, fp, 12);
	shortfp[12] = '\0';
	cJSON_AddStringToObject(o, "fingerprint_short", shortfp);
	cJSON_AddStringToObject(o, "data_as_of", asof);
	cJSON_AddBoolToObject(o, "with_json", so->with_json);
	cJSON_AddBoolToObject(o, "with_csv", so->with_csv);
	if (cJSON_GetArraySize(view_months(v)) > 0)
		cJSON_AddItemToObject(o, "latest_month", cJSON_Duplicate(cJSON_GetArrayItem(
		    view_months(v), cJSON_GetArraySize(view_months(v)) - 1), 1));
	free(fp);
	free(asof);
	return o;
}

/* Job 0: assets, index, agreement and team pages; job 1 + k: month from_ym + k
 * (its agreement pages first, so that the monthly report reuses their charts). */
static int
run_job(struct site_writer *s, int job)
{
	int rc = 0, i, ym, nteams;

	if (job == 0) {
		rc = write_assets(s);
		if (rc == 0)
			rc = write_index(s);
		for (i = 0; rc == 0 && i < s->m->nagreements; i++)
			rc = write_agreement(s, i);
		nteams = cJSON_GetArraySize(view_teams(s->v));
		for (i = 0; rc == 0 && i < nteams; i++)
			rc = write_team(s, i);
		return rc;
	}
	ym = s->o->from_ym + job - 1;
	for (i = 0; rc == 0 && i < s->m->nagreements; i++)
		rc = write_agreement_month(s, i, ym);
	if (rc == 0)
		rc = write_month(s, ym);
	return rc;
}

static int
site_job(void *ctx, int job, char *why, size_t whylen)
{
	struct site_writer *s = ctx;

	(void)why;
	(void)whylen;
	return run_job(s, job);
}

int
site_write(struct publish *p, const cJSON *kpis, const struct model *m, const struct i18n *loc,
    const struct site_options *o, char *why, size_t whylen)
{
	struct site_writer s = { .p = p, .m = m, .o = o, .why = why, .whylen = whylen };
	int rc, nmonths = o->from_ym >= 0 && o->to_ym >= o->from_ym ? o->to_ym - o->from_ym + 1 : 0;

	why[0] = '\0';
	s.v = view_ctx_new(kpis, m, loc, o->from_ym, o->to_ym, true);
	view_ctx_set_data_files(s.v, o->with_json, o->with_csv);
	s.mu = mustache_new(load_template, NULL);
	s.common = make_common(m, s.v, o);
	s.own_common = xcalloc((size_t)m->nagreements + 1, sizeof *s.own_common);
	for (int i = 0; i < m->nagreements; i++)
		if (view_for_agreement(s.v, i) != s.v)
			s.own_common[i] = make_common(m, view_for_agreement(s.v, i), o);
	/* Folders first, so that workers never race to create them. */
	rc = publish_mkdir(p, "agreements");
	if (rc == 0)
		rc = publish_mkdir(p, "teams");
	if (rc == 0)
		rc = publish_mkdir(p, "assets");
	for (int ym = o->from_ym; rc == 0 && nmonths > 0 && ym <= o->to_ym; ym++) {
		char rel[24], per[8];
		kpi_format_month(ym, per);
		snprintf(rel, sizeof rel, "reports/%s", per);
		rc = publish_mkdir(p, rel);
	}
	if (rc != 0)
		snprintf(why, whylen, "cannot create a folder: %s", strerror(rc));
	else
		rc = parallel_run(1 + nmonths, site_job, &s, why, whylen);
	cJSON_Delete(s.common);
	for (int i = 0; i < m->nagreements; i++)
		cJSON_Delete(s.own_common[i]);
	free(s.own_common);
	mustache_free(s.mu);
	view_ctx_free(s.v);
	return rc;
}
