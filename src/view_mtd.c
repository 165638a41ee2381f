/* view_mtd.c: the month in progress (SPEC §8 Month to date) for pages and PDFs — the notice, breaches still allowed, the due list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "model.h"
#include "view_int.h"

static const char *
str(const cJSON *o, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

/* The severity of a kpis.json entry (a number or a string key) by name. */
static const char *
severity_name(const struct agreement *a, const cJSON *sev, char buf[32])
{
	const struct severity *sv;

	if (cJSON_IsNumber(sev))
		snprintf(buf, 32, "%d", sev->valueint);
	else
		snprintf(buf, 32, "%s", cJSON_IsString(sev) ? sev->valuestring : "");
	sv = agreement_find_severity(a, buf);
	return sv != NULL && sv->name != NULL ? sv->name : buf;
}

char *
vx_mtd_notice(const struct view_ctx *v, const cJSON *period)
{
	struct strbuf sb = {0}, when = {0};
	struct vx_time t;

	if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(period, "partial")))
		return NULL;
	vx_local_time(v, v->m->site.zone, str(period, "as_of"), &t);
	strbuf_printf(&when, "%s %s", t.text, v->m->site.timezone != NULL ? v->m->site.timezone :
	    "UTC");
	i18n_format(v->loc, &sb, "mtd.banner", when.data, (char *)NULL);
	strbuf_free(&when);
	return strbuf_detach(&sb, NULL);
}

/* "3", "−2" or "–" (no goal, no target or no time elapsed yet). */
static void
add_allowed(const struct view_ctx *v, cJSON *o, const char *key, const char *negative_key,
    const cJSON *clock)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(clock, "allowed_breaches");
	struct strbuf sb = {0};

	if (cJSON_IsNumber(n))
		i18n_number(v->loc, &sb, n->valuedouble, 0);
	cJSON_AddStringToObject(o, key, sb.data != NULL ? sb.data : "–");
	cJSON_AddBoolToObject(o, negative_key, cJSON_IsNumber(n) && n->valuedouble < 0);
	strbuf_free(&sb);
}

cJSON *
vx_mtd(const struct view_ctx *v, int i, const cJSON *period)
{
	const struct agreement *a = &v->m->agreements[i];
	char *notice = vx_mtd_notice(v, period);
	cJSON *o, *arr;
	const cJSON *e;
	int n = 0;

	if (notice == NULL)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "notice", notice);
	free(notice);
	cJSON_AddStringToObject(o, "id", a->id);
	cJSON_AddStringToObject(o, "title", a->title != NULL ? a->title : a->id);
	cJSON_AddStringToObject(o, "timezone", a->timezone != NULL ? a->timezone : "UTC");
	arr = cJSON_AddArrayToObject(o, "allowed");
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(period, "severities")) {
		cJSON *r = cJSON_CreateObject();
		char buf[32];
		cJSON_AddStringToObject(r, "severity",
		    severity_name(a, cJSON_GetObjectItemCaseSensitive(e, "severity"), buf));
		add_allowed(v, r, "response", "response_negative",
		    cJSON_GetObjectItemCaseSensitive(e, "response"));
		add_allowed(v, r, "resolution", "resolution_negative",
		    cJSON_GetObjectItemCaseSensitive(e, "resolution"));
		cJSON_AddItemToArray(arr, r);
	}
	cJSON_AddBoolToObject(o, "is_ola", a->kind == AGREEMENT_OLA);
	arr = cJSON_AddArrayToObject(o, "due");
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(period, "due")) {
		cJSON *r = cJSON_CreateObject();
		const char *clock = str(e, "clock"), *team = str(e, "team"), *title = str(e, "title");
		const char *slug = view_team_slug(v, team);
		char buf[32];
		struct vx_time at;
		cJSON_AddStringToObject(r, "id", str(e, "id"));
		cJSON_AddStringToObject(r, "title", title != NULL ? title : "");
		cJSON_AddStringToObject(r, "clock", vx_label(v, clock != NULL &&
		    strcmp(clock, "response") == 0 ? "clock_response" : "clock_resolution"));
		cJSON_AddStringToObject(r, "severity",
		    severity_name(a, cJSON_GetObjectItemCaseSensitive(e, "severity"), buf));
		cJSON_AddStringToObject(r, "team", team != NULL ? site_team_name(&v->m->site, team) :
		    "");
		cJSON_AddStringToObject(r, "team_slug", slug != NULL ? slug : "");
		vx_local_time(v, a->zone, str(e, "due"), &at);
		cJSON_AddStringToObject(r, "due", at.text);
		cJSON_AddStringToObject(r, "due_utc", str(e, "due"));
		cJSON_AddItemToArray(arr, r);
		n++;
	}
	cJSON_AddBoolToObject(o, "has_due", n > 0);
	cJSON_AddStringToObject(o, "due_none", i18n_text(v->loc, "mtd.due_none"));
	return o;
}
