/* restate.c: the ended months of an earlier publication compared field by field with this build (SPEC §8 Restatements). */
#include "restate.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "kpi.h"
#include "util.h"

/* The whole of a publication's kpis.json is read, whatever its size. */
#define MAX_EARLIER ((size_t)4 << 30)

static const char *
str_or(const cJSON *o, const char *key, const char *dflt)
{
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));

	return s != NULL ? s : dflt;
}

static cJSON *
read_json(const char *out, const char *rel)
{
	char *path = xasprintf("%s/%s", out, rel), *text = NULL;
	size_t len = 0;
	cJSON *j = NULL;

	if (read_file_max(path, MAX_EARLIER, &text, &len) == 0 && len <= MAX_EARLIER)
		j = cJSON_ParseWithLength(text, len);
	free(text);
	free(path);
	return j;
}

struct earlier *
restate_load(const char *out)
{
	struct earlier *e = xcalloc(1, sizeof *e);
	cJSON *in = read_json(out, "data/inputs.json");
	const char *why;

	if (in != NULL) {
		e->inputs = inputs_from_json(in, &why);
		cJSON_Delete(in);
	}
	if (e->inputs != NULL && e->inputs->data_as_of != NULL)
		e->kpis = read_json(out, "data/kpis.json");
	if (e->kpis == NULL) {
		inputs_free(e->inputs);
		e->inputs = NULL;
	}
	e->ledger = read_json(out, "data/restatements.json");
	if (!cJSON_IsArray(e->ledger)) {
		cJSON_Delete(e->ledger);
		e->ledger = cJSON_CreateArray();
	}
	return e;
}

void
restate_earlier_free(struct earlier *e)
{
	if (e == NULL)
		return;
	inputs_free(e->inputs);
	cJSON_Delete(e->kpis);
	cJSON_Delete(e->ledger);
	free(e);
}

/* Keys that are not SPEC §5 figures: the month's bounds and state, chart
 * data, display names, and the §8 lists that say why figures are what they are. */
static bool
skipped(const char *key)
{
	static const char *const keys[] = { "period", "start", "end", "partial", "as_of",
		"due", "terms", "exclusions", "hist", "name", "severity", "allowed_breaches",
		NULL };
	const char *const *k;

	for (k = keys; *k != NULL; k++)
		if (strcmp(*k, key) == 0)
			return true;
	return false;
}

struct cmp {
	const char *published, *period, *agreement;
	const cJSON *causes;
	cJSON *out;
	size_t n;
};

static void
entry(struct cmp *c, const char *field, const cJSON *was, const cJSON *now)
{
	cJSON *e = cJSON_CreateObject();

	cJSON_AddStringToObject(e, "published", c->published);
	cJSON_AddStringToObject(e, "period", c->period);
	cJSON_AddStringToObject(e, "agreement", c->agreement);
	cJSON_AddStringToObject(e, "field", field);
	cJSON_AddItemToObject(e, "was", was != NULL ? cJSON_Duplicate(was, 1) :
	    cJSON_CreateNull());
	cJSON_AddItemToObject(e, "now", now != NULL ? cJSON_Duplicate(now, 1) :
	    cJSON_CreateNull());
	cJSON_AddItemToObject(e, "causes", cJSON_Duplicate(c->causes, 1));
	cJSON_AddItemToArray(c->out, e);
	c->n++;
}

/* "severities[2]": arrays of severity rows by their key, so a path names the
 * severity whatever its position. */
static char *
element_path(const char *path, const cJSON *x, int i)
{
	const cJSON *k = cJSON_GetObjectItemCaseSensitive(x, "severity");

	if (cJSON_IsNumber(k))
		return xasprintf("%s[%d]", path, k->valueint);
	if (cJSON_IsString(k))
		return xasprintf("%s[%s]", path, k->valuestring);
	return xasprintf("%s[%d]", path, i);
}

static const cJSON *
element_like(const cJSON *arr, const cJSON *x, int i)
{
	const cJSON *k = cJSON_GetObjectItemCaseSensitive(x, "severity"), *y;

	if (k == NULL)
		return cJSON_GetArrayItem(arr, i);
	cJSON_ArrayForEach(y, arr)
		if (cJSON_Compare(cJSON_GetObjectItemCaseSensitive(y, "severity"), k, true))
			return y;
	return NULL;
}

/* A breach list as the set "id clock" the readers compare: its timelines
 * and titles are not figures. */
static cJSON *
breach_keys(const cJSON *list)
{
	cJSON *o = cJSON_CreateArray();
	const cJSON *b;

	cJSON_ArrayForEach(b, list) {
		char *s = xasprintf("%s %s",
		    str_or(b, "id", ""),
		    str_or(b, "clock", ""));
		cJSON_AddItemToArray(o, cJSON_CreateString(s));
		free(s);
	}
	return o;
}

static void compare(struct cmp *c, const char *path, const cJSON *was, const cJSON *now);

static void
compare_objects(struct cmp *c, const char *path, const cJSON *was, const cJSON *now)
{
	const cJSON *x;

	cJSON_ArrayForEach(x, was) {
		char *p;
		if (skipped(x->string))
			continue;
		p = *path ? xasprintf("%s.%s", path, x->string) : xstrdup(x->string);
		if (strcmp(x->string, "breaches") == 0) {
			cJSON *a = breach_keys(x);
			cJSON *b = breach_keys(cJSON_GetObjectItemCaseSensitive(now, "breaches"));
			if (!cJSON_Compare(a, b, true))
				entry(c, p, a, b);
			cJSON_Delete(a);
			cJSON_Delete(b);
		} else
			compare(c, p, x, cJSON_GetObjectItemCaseSensitive(now, x->string));
		free(p);
	}
	/* A figure the earlier publication did not have (volume: null → {…}). */
	cJSON_ArrayForEach(x, now) {
		char *p;
		if (skipped(x->string) || cJSON_GetObjectItemCaseSensitive(was, x->string))
			continue;
		p = *path ? xasprintf("%s.%s", path, x->string) : xstrdup(x->string);
		entry(c, p, NULL, x);
		free(p);
	}
}

static void
compare(struct cmp *c, const char *path, const cJSON *was, const cJSON *now)
{
	int i = 0;
	const cJSON *x;

	if (cJSON_IsObject(was) && cJSON_IsObject(now)) {
		compare_objects(c, path, was, now);
		return;
	}
	if (cJSON_IsArray(was) && cJSON_IsArray(now) &&
	    cJSON_GetArraySize(was) == cJSON_GetArraySize(now)) {
		cJSON_ArrayForEach(x, was) {
			char *p = element_path(path, x, i);
			compare(c, p, x, element_like(now, x, i));
			free(p);
			i++;
		}
		return;
	}
	/* Numbers print the same way in both files: equal text, equal double. */
	if (!cJSON_Compare(was, now, true))
		entry(c, path, was, now);
}

static const cJSON *
find_by(const cJSON *arr, const char *key, const char *value)
{
	const cJSON *x;

	cJSON_ArrayForEach(x, arr) {
		const char *v = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(x, key));
		if (v != NULL && strcmp(v, value) == 0)
			return x;
	}
	return NULL;
}

static cJSON *
causes_json(const struct inputs *before, const struct inputs *now)
{
	cJSON *arr = cJSON_CreateArray();
	struct input_diff *d;
	size_t n = inputs_diff(before, now, &d), i;

	for (i = 0; i < n; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "path", d[i].path);
		cJSON_AddStringToObject(o, "change", input_change_name(d[i].change));
		cJSON_AddItemToArray(arr, o);
	}
	free(d);
	return arr;
}

size_t
restate_compare(const struct earlier *before, const cJSON *now_kpis,
    const struct inputs *now, cJSON *out)
{
	const cJSON *ag, *p;
	struct cmp c = { 0 };
	cJSON *causes;

	if (before->inputs == NULL || before->kpis == NULL || now->data_as_of == NULL)
		return 0;
	causes = causes_json(before->inputs, now);
	c.published = now->data_as_of;
	c.causes = causes;
	c.out = out;
	cJSON_ArrayForEach(ag, cJSON_GetObjectItemCaseSensitive(before->kpis, "agreements")) {
		const char *id = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(ag, "id"));
		const cJSON *nag = id != NULL ? find_by(cJSON_GetObjectItemCaseSensitive(now_kpis,
		    "agreements"), "id", id) : NULL;
		if (nag == NULL)
			continue;
		c.agreement = id;
		cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(ag, "periods")) {
			const char *per = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p,
			    "period"));
			const char *end = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p,
			    "end"));
			const cJSON *np;
			/* Only months that had ended when the earlier data stopped: UTC
			 * stamps of one format compare as text. */
			if (per == NULL || end == NULL ||
			    strcmp(end, before->inputs->data_as_of) > 0 ||
			    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p, "partial")))
				continue;
			np = find_by(cJSON_GetObjectItemCaseSensitive(nag, "periods"), "period", per);
			if (np == NULL)
				continue;
			c.period = per;
			compare(&c, "", p, np);
		}
	}
	cJSON_Delete(causes);
	return c.n;
}

size_t
restate_frozen(const cJSON *entries, int frozen_ym)
{
	const cJSON *e;
	size_t n = 0;

	cJSON_ArrayForEach(e, entries) {
		int ym = kpi_parse_month(cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(e, "period")));
		n += ym >= 0 && ym <= frozen_ym;
	}
	return n;
}

static void
put_value(struct strbuf *sb, const cJSON *v)
{
	char *s = v != NULL ? cJSON_PrintUnformatted(v) : NULL;

	strbuf_puts(sb, s != NULL ? s : "null");
	free(s);
}

char *
restate_entry_text(const cJSON *e)
{
	struct strbuf sb = {0};
	const cJSON *c;
	bool first = true;

	strbuf_printf(&sb, "%s %s %s: ",
	    str_or(e, "period", "?"),
	    str_or(e, "agreement", "?"),
	    str_or(e, "field", "?"));
	put_value(&sb, cJSON_GetObjectItemCaseSensitive(e, "was"));
	strbuf_puts(&sb, " -> ");
	put_value(&sb, cJSON_GetObjectItemCaseSensitive(e, "now"));
	strbuf_puts(&sb, " (");
	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(e, "causes")) {
		strbuf_printf(&sb, "%s%s %s", first ? "" : ", ",
		    str_or(c, "path", "?"),
		    str_or(c, "change", "?"));
		first = false;
	}
	strbuf_puts(&sb, first ? "no input changed: a new version of slareport)" : ")");
	return strbuf_detach(&sb, NULL);
}
