/* restate.c: the ended months of an earlier publication compared field by field with this build (SPEC §8 Restatements). */
#include "restate.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "jsonarena.h"
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

static char *
read_text(const char *out, const char *rel, size_t *len)
{
	char *path = xasprintf("%s/%s", out, rel), *text = NULL;

	*len = 0;
	if (read_file_max(path, MAX_EARLIER, &text, len) != 0 || *len > MAX_EARLIER) {
		free(text);
		text = NULL;
	}
	free(path);
	return text;
}

static cJSON *
read_json(const char *out, const char *rel)
{
	size_t len;
	char *text = read_text(out, rel, &len);
	cJSON *j = text != NULL ? cJSON_ParseWithLength(text, len) : NULL;

	free(text);
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
		e->kpis_text = read_text(out, "data/kpis.json", &e->kpis_len);
	if (e->kpis_text == NULL) {
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
	free(e->kpis_text);
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

/* A difference found, kept as text: the comparison may run inside a cJSON
 * arena (jsonarena.h), whose trees do not outlive it. */
struct found {
	char *period, *agreement, *field, *was, *now;	/* was, now: JSON text */
};

struct cmp {
	const char *period, *agreement;
	struct found *v;
	size_t n, cap;
};

static char *
json_text(const cJSON *x)
{
	char *s, *t;

	if (x == NULL)
		return xstrdup("null");
	s = cJSON_PrintUnformatted(x);
	t = xstrdup(s != NULL ? s : "null");
	cJSON_free(s);
	return t;
}

static void
entry(struct cmp *c, const char *field, const cJSON *was, const cJSON *now)
{
	void *p = c->v;
	struct found *f;

	xgrow(&p, &c->cap, c->n + 1, sizeof *c->v);
	c->v = p;
	f = &c->v[c->n++];
	f->period = xstrdup(c->period);
	f->agreement = xstrdup(c->agreement);
	f->field = xstrdup(field);
	f->was = json_text(was);
	f->now = json_text(now);
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
		char *s;
		if (cJSON_IsString(b)) {	/* skimmed already (restate_skim.c) */
			cJSON_AddItemToArray(o, cJSON_CreateString(b->valuestring));
			continue;
		}
		s = xasprintf("%s %s",
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

static void
compare_trees(struct cmp *c, const cJSON *before_kpis, const char *before_as_of,
    const cJSON *now_kpis)
{
	const cJSON *ag, *p;

	cJSON_ArrayForEach(ag, cJSON_GetObjectItemCaseSensitive(before_kpis, "agreements")) {
		const char *id = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(ag, "id"));
		const cJSON *nag = id != NULL ? find_by(cJSON_GetObjectItemCaseSensitive(now_kpis,
		    "agreements"), "id", id) : NULL;
		if (nag == NULL)
			continue;
		c->agreement = id;
		cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(ag, "periods")) {
			const char *per = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p,
			    "period"));
			const char *end = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p,
			    "end"));
			const cJSON *np;
			/* Only months that had ended when the earlier data stopped: UTC
			 * stamps of one format compare as text. */
			if (per == NULL || end == NULL ||
			    strcmp(end, before_as_of) > 0 ||
			    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p, "partial")))
				continue;
			np = find_by(cJSON_GetObjectItemCaseSensitive(nag, "periods"), "period", per);
			if (np == NULL)
				continue;
			c->period = per;
			compare(c, "", p, np);
		}
	}
}

/* The earlier kpis.json as a tree, its breach lists skimmed first. */
static cJSON *
parse_earlier(const struct earlier *e)
{
	size_t len;
	char *text = restate_skim_breaches(e->kpis_text, e->kpis_len, &len);
	cJSON *tree = cJSON_ParseWithLength(text, len);

	free(text);
	return tree;
}

/* The earlier kpis.json is parsed and compared on a thread of its own, inside
 * a bump arena (its tree is tens of megabytes at a million events: a node per
 * malloc, and freeing them, cost more than the comparison). */
struct compare_job {
	const struct earlier *before;
	const cJSON *now_kpis;
	struct cmp c;
};

static void *
compare_worker(void *arg)
{
	struct compare_job *j = arg;
	cJSON *tree;

	jsonarena_begin();
	tree = parse_earlier(j->before);
	if (tree != NULL)
		compare_trees(&j->c, tree, j->before->inputs->data_as_of, j->now_kpis);
	jsonarena_end();
	return NULL;
}

/* The differences found, as ledger entries appended to out; frees them. */
static size_t
found_entries(struct cmp *c, const struct inputs *before, const struct inputs *now,
    cJSON *out)
{
	cJSON *causes;
	size_t k;

	if (c->n == 0) {
		free(c->v);
		return 0;
	}
	causes = causes_json(before, now);
	for (k = 0; k < c->n; k++) {
		struct found *f = &c->v[k];
		cJSON *e = cJSON_CreateObject(), *was = cJSON_Parse(f->was), *nw = cJSON_Parse(f->now);
		cJSON_AddStringToObject(e, "published", now->data_as_of);
		cJSON_AddStringToObject(e, "period", f->period);
		cJSON_AddStringToObject(e, "agreement", f->agreement);
		cJSON_AddStringToObject(e, "field", f->field);
		cJSON_AddItemToObject(e, "was", was != NULL ? was : cJSON_CreateNull());
		cJSON_AddItemToObject(e, "now", nw != NULL ? nw : cJSON_CreateNull());
		cJSON_AddItemToObject(e, "causes", cJSON_Duplicate(causes, 1));
		cJSON_AddItemToArray(out, e);
		free(f->period);
		free(f->agreement);
		free(f->field);
		free(f->was);
		free(f->now);
	}
	free(c->v);
	c->v = NULL;
	c->n = c->cap = 0;
	cJSON_Delete(causes);
	return k;
}

size_t
restate_compare(const struct earlier *before, const cJSON *now_kpis,
    const struct inputs *now, cJSON *out)
{
	struct compare_job j;
	pthread_t t;

	if (before->inputs == NULL || now->data_as_of == NULL ||
	    (before->kpis == NULL && before->kpis_text == NULL))
		return 0;
	memset(&j, 0, sizeof j);
	j.before = before;
	j.now_kpis = now_kpis;
	if (before->kpis != NULL)
		compare_trees(&j.c, before->kpis, before->inputs->data_as_of, now_kpis);
	else if (pthread_create(&t, NULL, compare_worker, &j) == 0)
		pthread_join(t, NULL);
	else
		compare_worker(&j);	/* no thread: the arena of this one */
	return found_entries(&j.c, before->inputs, now, out);
}

/* restate_begin's thread: reads OUT and parses the earlier kpis.json in its
 * arena, waits for this build's tree, compares, lets the arena go. */
struct restate_job {
	const char *out;
	struct earlier *before;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int go;
	const cJSON *now_kpis;		/* NULL: nothing to compare */
	struct cmp c;
	pthread_t t;
	int threaded;
};

static void *
job_worker(void *arg)
{
	struct restate_job *j = arg;
	cJSON *tree = NULL;

	j->before = restate_load(j->out);
	jsonarena_begin();
	if (j->before->inputs != NULL && j->before->kpis_text != NULL)
		tree = parse_earlier(j->before);
	pthread_mutex_lock(&j->mu);
	while (!j->go)
		pthread_cond_wait(&j->cv, &j->mu);
	pthread_mutex_unlock(&j->mu);
	if (tree != NULL && j->now_kpis != NULL)
		compare_trees(&j->c, tree, j->before->inputs->data_as_of, j->now_kpis);
	jsonarena_end();	/* the tree */
	return NULL;
}

struct restate_job *
restate_begin(const char *out)
{
	struct restate_job *j = xcalloc(1, sizeof *j);

	j->out = out;
	pthread_mutex_init(&j->mu, NULL);
	pthread_cond_init(&j->cv, NULL);
	j->threaded = pthread_create(&j->t, NULL, job_worker, j) == 0;
	return j;
}

struct earlier *
restate_end(struct restate_job *j, const cJSON *now_kpis, const struct inputs *now,
    cJSON *out)
{
	struct earlier *before;

	pthread_mutex_lock(&j->mu);
	j->now_kpis = now->data_as_of != NULL ? now_kpis : NULL;
	j->go = 1;
	pthread_cond_signal(&j->cv);
	pthread_mutex_unlock(&j->mu);
	if (j->threaded)
		pthread_join(j->t, NULL);
	else
		job_worker(j);	/* no thread: all of it here */
	before = j->before;
	found_entries(&j->c, before->inputs, now, out);
	pthread_cond_destroy(&j->cv);
	pthread_mutex_destroy(&j->mu);
	free(j);
	return before;
}

cJSON *
restate_ledger(struct earlier *e, cJSON *entries)
{
	cJSON *ledger = e->ledger;

	/* Detaching from the head of a cJSON array is O(1): the order is kept. */
	e->ledger = NULL;
	while (entries->child != NULL)
		cJSON_AddItemToArray(ledger, cJSON_DetachItemViaPointer(entries, entries->child));
	cJSON_Delete(entries);
	return ledger;
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
	char *s;
	int prec;

	/* The shortest digits that read back as the value (66.66666666666667). */
	if (cJSON_IsNumber(v)) {
		for (prec = 15; prec < 17; prec++) {
			char buf[32];
			snprintf(buf, sizeof buf, "%.*g", prec, v->valuedouble);
			if (strtod(buf, NULL) == v->valuedouble)
				break;
		}
		strbuf_printf(sb, "%.*g", prec, v->valuedouble);
		return;
	}
	s = v != NULL ? cJSON_PrintUnformatted(v) : NULL;

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
