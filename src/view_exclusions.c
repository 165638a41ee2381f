/* view_exclusions.c: the exclusions ledger of a month (SPEC §8) for pages and PDFs. */
#include <string.h>
#include "i18n.h"
#include "model.h"
#include "view_int.h"

static const char *
str(const cJSON *o, const char *key)
{
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(s) ? s->valuestring : NULL;
}

/* "2026-10-03 22:00 – 2026-10-04 02:00 Europe/Berlin", and the severities a
 * window is limited to. */
static void
window_text(const struct view_ctx *v, const struct agreement *a, const cJSON *x,
    struct strbuf *sb)
{
	const cJSON *w = cJSON_GetObjectItemCaseSensitive(x, "window"), *s;
	const cJSON *sev = cJSON_GetObjectItemCaseSensitive(x, "severities");
	struct vx_time t1, t2;
	bool first = true;

	vx_local_time(v, a->zone, str(w, "from"), &t1);
	vx_local_time(v, a->zone, str(w, "to"), &t2);
	/* The same day once: "2026-10-03 22:00 – 23:30". */
	strbuf_printf(sb, "%s – %s %s", t1.text, strcmp(t1.date, t2.date) == 0 ? t2.time :
	    t2.text, a->timezone != NULL ? a->timezone : "UTC");
	if (!cJSON_IsArray(sev))
		return;
	strbuf_printf(sb, " (%s ", i18n_text(v->loc, "exclusions.severities"));
	cJSON_ArrayForEach(s, sev) {
		char num[32];
		const char *k = cJSON_IsString(s) ? s->valuestring : num;
		if (cJSON_IsNumber(s))
			snprintf(num, sizeof num, "%d", s->valueint);
		strbuf_printf(sb, "%s%s", first ? "" : ", ", k);
		first = false;
	}
	strbuf_puts(sb, ")");
}

cJSON *
vx_exclusions(const struct view_ctx *v, int i, const cJSON *period, int ym)
{
	const struct agreement *a = &v->m->agreements[i];
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(period, "exclusions"), *x;
	cJSON *o = cJSON_CreateObject(), *rows = cJSON_AddArrayToObject(o, "rows");
	struct strbuf sb = {0};
	int n = 0;

	cJSON_ArrayForEach(x, list) {
		const char *kind = str(x, "kind");
		bool maint = kind != NULL && strcmp(kind, "maintenance") == 0;
		const cJSON *items = cJSON_GetObjectItemCaseSensitive(x, "items");
		cJSON *r = cJSON_CreateObject();

		cJSON_AddStringToObject(r, "kind", i18n_text(v->loc, maint ?
		    "exclusions.maintenance" : "exclusions.item"));
		strbuf_free(&sb);
		if (maint)
			window_text(v, a, x, &sb);
		else if (str(x, "title") != NULL)
			strbuf_printf(&sb, "%s — %s", str(x, "id"), str(x, "title"));
		else
			strbuf_puts(&sb, str(x, "id") != NULL ? str(x, "id") : "");
		cJSON_AddStringToObject(r, "what", sb.data != NULL ? sb.data : "");
		cJSON_AddBoolToObject(r, "is_item", !maint);
		cJSON_AddStringToObject(r, "id", !maint && str(x, "id") ? str(x, "id") : "");
		if (!maint) {
			struct vx_time t;
			vx_local_time(v, a->zone, str(x, "at"), &t);
			cJSON_AddStringToObject(r, "at", t.text);
			cJSON_AddStringToObject(r, "at_iso", t.iso);
		} else {
			cJSON_AddStringToObject(r, "at", "");
			cJSON_AddStringToObject(r, "at_iso", "");
		}
		cJSON_AddStringToObject(r, "reason", str(x, "reason") ? str(x, "reason") : "");
		strbuf_free(&sb);
		if (maint && cJSON_IsNumber(items))
			i18n_number(v->loc, &sb, items->valuedouble, 0);
		cJSON_AddStringToObject(r, "items", sb.data != NULL ? sb.data : "–");
		strbuf_free(&sb);
		cJSON_AddItemToArray(rows, r);
		n++;
	}
	cJSON_AddBoolToObject(o, "has", n > 0);
	i18n_month(v->loc, &sb, ym, 1);
	{
		struct strbuf none = {0};
		i18n_format(v->loc, &none, "exclusions.none", sb.data != NULL ? sb.data : "",
		    (char *)NULL);
		cJSON_AddStringToObject(o, "none", none.data != NULL ? none.data : "");
		strbuf_free(&none);
	}
	strbuf_free(&sb);
	return o;
}
