/* kpi_exclusions.c: a month's exclusions ledger as JSON — maintenance windows and excluded items. */
#include "kpi_exclusions.h"

#include <cJSON.h>

static cJSON *
utc(sla_time t)
{
	char buf[21];

	civil_format_utc(t, buf);
	return cJSON_CreateString(buf);
}

static cJSON *
text_or_null(const char *s)
{
	return s != NULL ? cJSON_CreateString(s) : cJSON_CreateNull();
}

/* The severity keys a window is limited to, null for every severity. */
static cJSON *
window_severities(const struct maintenance_window *w, const struct agreement *a)
{
	cJSON *arr;
	int s;

	if (w->applies == NULL)
		return cJSON_CreateNull();
	arr = cJSON_CreateArray();
	for (s = 0; s < a->nseverities; s++) {
		if (!w->applies[s])
			continue;
		cJSON_AddItemToArray(arr, a->severities[s].key_is_int ?
		    cJSON_CreateNumber(a->severities[s].key_int) :
		    cJSON_CreateString(a->severities[s].key));
	}
	return arr;
}

cJSON *
kpi_exclusions_json(const struct kpi_period *P, const struct agreement *a,
    const struct model *m)
{
	cJSON *arr = cJSON_CreateArray();
	size_t k;

	for (k = 0; k < P->nexclusions; k++) {
		const struct kpi_exclusion *x = &P->exclusions[k];
		cJSON *o = cJSON_CreateObject();
		if (x->kind == KPI_EXCL_MAINTENANCE) {
			const struct maintenance_window *w = &a->maintenance[x->window];
			cJSON *win;
			cJSON_AddStringToObject(o, "kind", "maintenance");
			win = cJSON_AddObjectToObject(o, "window");
			cJSON_AddItemToObject(win, "from", utc(w->from));
			cJSON_AddItemToObject(win, "to", utc(w->to));
			cJSON_AddStringToObject(o, "reason", w->reason);
			cJSON_AddItemToObject(o, "severities", window_severities(w, a));
			cJSON_AddNumberToObject(o, "items", (double)x->items);
		} else {
			cJSON_AddStringToObject(o, "kind", "item");
			cJSON_AddStringToObject(o, "id", x->id);
			cJSON_AddItemToObject(o, "title",
			    text_or_null(x->title ? strtab_get(m->strings, x->title) : NULL));
			cJSON_AddItemToObject(o, "reason",
			    text_or_null(strtab_get(m->strings, x->reason)));
			cJSON_AddItemToObject(o, "at", utc(x->at));
		}
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}
