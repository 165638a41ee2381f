/* view_restate.c: restated months (SPEC §8 Restatements) for pages and PDFs — the notice, its entries, the index count. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "kpi.h"
#include "model.h"
#include "view_int.h"

static const char *
str(const cJSON *o, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

/* A ledger value as the reader sees it: numbers in the locale's format (up
 * to two decimals), breach lists by their count, null as a dash. */
static void
value_text(const struct view_ctx *v, const cJSON *x, struct strbuf *sb)
{
	if (cJSON_IsNumber(x)) {
		double d = x->valuedouble;
		i18n_number(v->loc, sb, d, floor(d) == d ? 0 : 2);
	} else if (cJSON_IsString(x))
		strbuf_puts(sb, x->valuestring);
	else if (cJSON_IsBool(x))
		strbuf_puts(sb, i18n_text(v->loc, cJSON_IsTrue(x) ? "restate.true" :
		    "restate.false"));
	else if (cJSON_IsArray(x)) {
		char n[24];
		snprintf(n, sizeof n, "%d", cJSON_GetArraySize(x));
		i18n_format(v->loc, sb, "restate.breaches", n, (char *)NULL);
	} else
		strbuf_puts(sb, "–");
}

static void
causes_text(const struct view_ctx *v, const cJSON *causes, struct strbuf *sb)
{
	const cJSON *c;
	int n = 0;

	cJSON_ArrayForEach(c, causes) {
		char key[40];
		const char *ch = str(c, "change");
		if (n++ > 0)
			strbuf_puts(sb, ", ");
		snprintf(key, sizeof key, "restate.cause_%s", ch != NULL ? ch : "changed");
		i18n_format(v->loc, sb, key, str(c, "path") != NULL ? str(c, "path") : "?",
		    (char *)NULL);
	}
	if (n == 0)
		strbuf_puts(sb, i18n_text(v->loc, "restate.no_cause"));
}

static const char *
agreement_title(const struct view_ctx *v, const char *id)
{
	int i = id != NULL ? model_find_agreement(v->m, id) : -1;

	if (i < 0)
		return id != NULL ? id : "";
	return v->m->agreements[i].title != NULL ? v->m->agreements[i].title : id;
}

cJSON *
vx_restated(const struct view_ctx *v, int ym, const char *agreement)
{
	const cJSON *ledger = cJSON_GetObjectItemCaseSensitive(v->kpis, "restatements"), *e;
	cJSON *o = cJSON_CreateObject(), *notices = cJSON_AddArrayToObject(o, "notices");
	cJSON *cur = NULL, *rows = NULL;
	const char *cur_pub = NULL;
	const cJSON *cur_causes = NULL;
	char month[8];
	int count = 0;

	kpi_format_month(ym, month);
	/* The ledger is in publication order: one notice per publication. Two
	 * publications may share a data-as-of (a late event before the latest
	 * one does not move it); their causes then differ, else nothing would
	 * have been restated: a new notice when either changes. */
	cJSON_ArrayForEach(e, ledger) {
		const char *per = str(e, "period"), *pub = str(e, "published");
		struct strbuf sb = {0};
		cJSON *r;
		if (per == NULL || pub == NULL || strcmp(per, month) != 0 ||
		    (agreement != NULL && (str(e, "agreement") == NULL ||
		    strcmp(str(e, "agreement"), agreement) != 0)))
			continue;
		if (cur == NULL || strcmp(cur_pub, pub) != 0 || !cJSON_Compare(cur_causes,
		    cJSON_GetObjectItemCaseSensitive(e, "causes"), true)) {
			cur = cJSON_CreateObject();
			cJSON_AddStringToObject(cur, "published", pub);
			cJSON_AddNumberToObject(cur, "n", 0);
			causes_text(v, cJSON_GetObjectItemCaseSensitive(e, "causes"), &sb);
			cJSON_AddStringToObject(cur, "causes", sb.data != NULL ? sb.data : "");
			strbuf_free(&sb);
			rows = cJSON_AddArrayToObject(cur, "entries");
			cJSON_AddItemToArray(notices, cur);
			cur_pub = pub;
			cur_causes = cJSON_GetObjectItemCaseSensitive(e, "causes");
		}
		r = cJSON_CreateObject();
		cJSON_AddStringToObject(r, "agreement", agreement_title(v, str(e, "agreement")));
		cJSON_AddStringToObject(r, "field", str(e, "field") != NULL ? str(e, "field") : "");
		value_text(v, cJSON_GetObjectItemCaseSensitive(e, "was"), &sb);
		cJSON_AddStringToObject(r, "was", sb.data != NULL ? sb.data : "");
		strbuf_free(&sb);
		value_text(v, cJSON_GetObjectItemCaseSensitive(e, "now"), &sb);
		cJSON_AddStringToObject(r, "now", sb.data != NULL ? sb.data : "");
		strbuf_free(&sb);
		cJSON_AddItemToArray(rows, r);
		cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(cur, "n"),
		    cJSON_GetArraySize(rows));
		count++;
	}
	/* The sentence of each notice, once its count is known. */
	for (cJSON *nt = notices->child; nt != NULL; nt = nt->next) {
		e = nt;
		struct strbuf sb = {0};
		struct vx_time t;
		char n[24];
		snprintf(n, sizeof n, "%d", (int)cJSON_GetNumberValue(
		    cJSON_GetObjectItemCaseSensitive(e, "n")));
		vx_local_time(v, v->m->site.zone, str(e, "published"), &t);
		strbuf_printf(&sb, "%s %s", t.text, v->m->site.timezone != NULL ?
		    v->m->site.timezone : "UTC");
		{
			char *when = strbuf_detach(&sb, NULL);
			i18n_format(v->loc, &sb, strcmp(n, "1") == 0 ? "restate.notice_one" :
			    "restate.notice", when, n, str(e, "causes"), (char *)NULL);
			free(when);
		}
		cJSON_AddStringToObject(nt, "text", sb.data);
		strbuf_free(&sb);
	}
	cJSON_AddBoolToObject(o, "has", count > 0);
	return o;
}

cJSON *
vx_restated_months(const struct view_ctx *v)
{
	const cJSON *ledger = cJSON_GetObjectItemCaseSensitive(v->kpis, "restatements"), *e;
	cJSON *o = cJSON_CreateObject(), *arr = cJSON_AddArrayToObject(o, "months");
	int ym, n = 0;
	struct strbuf sb = {0};
	char count[24];

	for (ym = v->to_ym; ym >= v->from_ym && ym >= 0; ym--) {
		char month[8];
		kpi_format_month(ym, month);
		cJSON_ArrayForEach(e, ledger) {
			const char *per = str(e, "period");
			if (per != NULL && strcmp(per, month) == 0) {
				cJSON_AddItemToArray(arr, vx_month_ref(v, ym));
				n++;
				break;
			}
		}
	}
	snprintf(count, sizeof count, "%d", n);
	i18n_format(v->loc, &sb, n == 1 ? "restate.count_one" : "restate.count", count,
	    (char *)NULL);
	cJSON_AddStringToObject(o, "text", sb.data != NULL ? sb.data : "");
	strbuf_free(&sb);
	cJSON_AddBoolToObject(o, "has", n > 0);
	return o;
}
