/* revisions.c: the `revisions` list of an agreement read into whole earlier terms (SPEC §8). */
#include "revisions.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "civil.h"
#include "fmvalue.h"
#include "frontmatter_int.h"
#include "tz.h"
#include "util.h"

#define ERR(c, at, kp, ...) yamlnode_report(c, DIAG_ERROR, at, kp, __VA_ARGS__)
#define WARN(c, at, kp, ...) yamlnode_report(c, DIAG_WARNING, at, kp, __VA_ARGS__)

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
calendar_copy(struct calendar_spec *dst, const struct calendar_spec *src)
{
	*dst = *src;
	dst->holidays = NULL;
	if (src->nholidays > 0) {
		dst->holidays = xmalloc((size_t)src->nholidays * sizeof *dst->holidays);
		memcpy(dst->holidays, src->holidays,
		    (size_t)src->nholidays * sizeof *dst->holidays);
	}
}

/* A copy of newer's terms that borrows its identity (path, id, zone, body…)
 * and owns the revisable fields. */
static struct agreement *
terms_copy(const struct agreement *newer)
{
	struct agreement *t = xmalloc(sizeof *t);
	int i, j;

	*t = *newer;
	t->is_terms = true;
	t->nrevisions = 0;
	t->revisions = NULL;
	t->supports = dup_or_null(newer->supports);
	calendar_copy(&t->calendar, &newer->calendar);
	t->match = xcalloc((size_t)newer->nmatch + 1, sizeof *t->match);
	for (i = 0; i < newer->nmatch; i++) {
		t->match[i].field = xstrdup(newer->match[i].field);
		t->match[i].nvalues = newer->match[i].nvalues;
		t->match[i].values = xcalloc((size_t)newer->match[i].nvalues + 1,
		    sizeof *t->match[i].values);
		for (j = 0; j < newer->match[i].nvalues; j++)
			t->match[i].values[j] = xstrdup(newer->match[i].values[j]);
	}
	t->severities = xcalloc((size_t)newer->nseverities + 1, sizeof *t->severities);
	for (i = 0; i < newer->nseverities; i++) {
		struct severity *s = &t->severities[i];
		*s = newer->severities[i];
		s->key = xstrdup(s->key);
		s->name = xstrdup(s->name);
		s->response_text = dup_or_null(s->response_text);
		s->resolution_text = dup_or_null(s->resolution_text);
		if (s->has_calendar)
			calendar_copy(&s->calendar, &newer->severities[i].calendar);
	}
	t->volume_per = dup_or_null(newer->volume_per);
	t->volume_unit = dup_or_null(newer->volume_unit);
	t->credit_currency = dup_or_null(newer->credit_currency);
	t->tiers = NULL;
	if (newer->ntiers > 0) {
		t->tiers = xmalloc((size_t)newer->ntiers * sizeof *t->tiers);
		memcpy(t->tiers, newer->tiers, (size_t)newer->ntiers * sizeof *t->tiers);
	}
	return t;
}

static struct severity *
find_severity(struct agreement *t, const char *key)
{
	int i;

	for (i = 0; i < t->nseverities; i++)
		if (strcmp(t->severities[i].key, key) == 0)
			return &t->severities[i];
	return NULL;
}

/* Applies {name, response, resolution, goal, calendar} of one severity. */
static void
patch_severity(struct yamlcheck *c, const struct yamlnode *v, const char *kp,
    struct agreement *t, struct severity *s)
{
	static const char *const keys[] = { "name", "response", "resolution", "goal",
		"calendar", NULL };
	const struct yamlnode *x;
	char *ckp, *name;
	int64_t day, secs;
	char *text;
	double goal;

	if (v->type != YAMLNODE_MAPPING || v->n == 0) {
		ERR(c, v, kp, "expected a mapping of the targets that differed, such as "
		    "{resolution: 12h}, got %s", yamlnode_show(c, v));
		return;
	}
	yamlnode_check_keys(c, v, kp, keys);
	if ((name = yamlnode_string(c, v, kp, "name", false)) != NULL) {
		free(s->name);
		s->name = name;
	}
	if ((x = yamlnode_field(c, v, kp, "calendar", false)) != NULL) {
		struct calendar_spec cal;
		ckp = yamlnode_path(kp, "calendar");
		if (fmvalue_calendar(c, x, ckp, t->zone, &cal) == 0) {
			if (s->has_calendar)
				calendar_spec_free(&s->calendar);
			s->calendar = cal;
			s->has_calendar = true;
		} else
			calendar_spec_free(&cal);
		free(ckp);
	}
	day = calendar_day_seconds(s->has_calendar ? &s->calendar : &t->calendar);
	if (t->kind == AGREEMENT_OLA && yamlnode_get(v, "response") != NULL) {
		ckp = yamlnode_path(kp, "response");
		WARN(c, yamlnode_get(v, "response"), ckp, "an OLA has no response "
		    "clock; ignored");
		free(ckp);
	} else if (yamlnode_get(v, "response") != NULL) {
		fmvalue_duration(c, v, kp, "response", day, &secs, &text);
		if (text != NULL) {
			free(s->response_text);
			s->response_text = text;
			s->response_s = secs;
		}
	}
	if (yamlnode_get(v, "resolution") != NULL) {
		fmvalue_duration(c, v, kp, "resolution", day, &secs, &text);
		if (text != NULL) {
			free(s->resolution_text);
			s->resolution_text = text;
			s->resolution_s = secs;
		}
	}
	if (yamlnode_number(c, v, kp, "goal", false, 0, 100, &goal))
		s->goal = goal;
}

static void
patch_severities(struct yamlcheck *c, const struct yamlnode *v, struct agreement *t)
{
	size_t i;

	if (v->type != YAMLNODE_MAPPING) {
		ERR(c, v, "severities", "expected a mapping of severities to the "
		    "targets that differed, got %s", yamlnode_show(c, v));
		return;
	}
	for (i = 0; i < v->n; i++) {
		const struct yamlnode *k = yamlnode_key(v, i);
		struct severity *s = find_severity(t, k->text);
		char *kp = yamlnode_path("severities", k->text);

		/* Severity indexes are shared by every terms of the agreement. */
		if (s == NULL)
			ERR(c, k, kp, "the current terms have no severity \"%s\": a "
			    "revision changes the targets of the severities there are",
			    k->text);
		else
			patch_severity(c, yamlnode_value(v, i), kp, t, s);
		free(kp);
	}
}

static bool
is_mapping(struct yamlcheck *c, const struct yamlnode *v, const char *kp,
    const char *example)
{
	if (v->type == YAMLNODE_MAPPING && v->n > 0)
		return true;
	ERR(c, v, kp, "expected a mapping of what differed, such as %s, got %s",
	    example, yamlnode_show(c, v));
	return false;
}

static void
patch_volume(struct yamlcheck *c, const struct yamlnode *v, struct agreement *t)
{
	static const char *const keys[] = { "metric", "min", "per", "unit", NULL };
	static const char *const metrics[] = { "count", "value", NULL };
	static const char *const pers[] = { "month", NULL };
	int k;

	if (!is_mapping(c, v, "volume", "{min: 120}"))
		return;
	yamlnode_check_keys(c, v, "volume", keys);
	if (!t->has_volume && yamlnode_get(v, "min") == NULL) {
		ERR(c, v, "volume", "the newer terms have no volume: give its min");
		return;
	}
	if (!t->has_volume) {
		t->has_volume = true;
		t->volume_metric = VOLUME_COUNT;
		t->volume_per = xstrdup("month");
	}
	if ((k = yamlnode_choice(c, v, "volume", "metric", false, metrics)) >= 0)
		t->volume_metric = k == 1 ? VOLUME_VALUE : VOLUME_COUNT;
	yamlnode_number(c, v, "volume", "min", false, 0, INFINITY, &t->volume_min);
	yamlnode_choice(c, v, "volume", "per", false, pers);
	if (yamlnode_get(v, "unit") != NULL) {
		char *unit = fm_parse_unit(c, v);
		/* null takes the unit away; a bad one keeps the newer terms'. */
		if (unit != NULL || yamlnode_is_null(yamlnode_get(v, "unit"))) {
			free(t->volume_unit);
			t->volume_unit = unit;
		}
	}
}

static void
patch_satisfaction(struct yamlcheck *c, const struct yamlnode *v, struct agreement *t)
{
	static const char *const keys[] = { "scale", "min", NULL };
	static const char *const scales[] = { "nps", "csat", NULL };
	int k;

	if (!is_mapping(c, v, "satisfaction", "{min: 20}"))
		return;
	yamlnode_check_keys(c, v, "satisfaction", keys);
	k = yamlnode_choice(c, v, "satisfaction", "scale", !t->has_satisfaction, scales);
	if (k >= 0)
		t->satisfaction_scale = k == 1 ? SCALE_CSAT : SCALE_NPS;
	if (!t->has_satisfaction && yamlnode_get(v, "min") == NULL) {
		ERR(c, v, "satisfaction", "the newer terms have no satisfaction target: "
		    "give its min");
		return;
	}
	t->has_satisfaction = true;
	yamlnode_number(c, v, "satisfaction", "min", false,
	    t->satisfaction_scale == SCALE_CSAT ? 0 : -100, 100, &t->satisfaction_min);
}

static void
patch_credits(struct yamlcheck *c, const struct yamlnode *v, struct agreement *t)
{
	static const char *const keys[] = { "fee", "currency", "tiers", NULL };
	const struct yamlnode *x;

	if (!is_mapping(c, v, "credits", "{fee: 10000}"))
		return;
	yamlnode_check_keys(c, v, "credits", keys);
	if (!t->has_credits) {
		ERR(c, v, "credits", "the newer terms have no credits to differ from");
		return;
	}
	yamlnode_number(c, v, "credits", "fee", false, 0, INFINITY, &t->credit_fee);
	x = yamlnode_scalar(c, v, "credits", "currency", false, "a currency code");
	if (x != NULL && x->len == 3 && x->text[0] >= 'A' && x->text[0] <= 'Z' &&
	    x->text[1] >= 'A' && x->text[1] <= 'Z' && x->text[2] >= 'A' &&
	    x->text[2] <= 'Z') {
		free(t->credit_currency);
		t->credit_currency = xstrdup(x->text);
	} else if (x != NULL)
		ERR(c, x, "credits.currency", "expected a 3-letter currency code such "
		    "as EUR, got %s", yamlnode_show(c, x));
	if ((x = yamlnode_field(c, v, "credits", "tiers", false)) != NULL) {
		free(t->tiers);
		t->tiers = NULL;
		t->ntiers = 0;
		fm_parse_tiers(c, x, t);
	}
}

static void
replace_match(struct yamlcheck *c, const struct yamlnode *v, struct agreement *t)
{
	int i, j;

	for (i = 0; i < t->nmatch; i++) {
		free(t->match[i].field);
		for (j = 0; j < t->match[i].nvalues; j++)
			free(t->match[i].values[j]);
		free(t->match[i].values);
	}
	free(t->match);
	t->match = NULL;
	t->nmatch = 0;
	fm_parse_match(c, v, t);
}

/* The terms' revisable keys of revision r applied to t. */
static void
apply_revision(struct yamlcheck *c, const struct yamlnode *r, struct agreement *t)
{
	const struct yamlnode *x;

	if ((x = yamlnode_field(c, r, "", "calendar", false)) != NULL) {
		struct calendar_spec cal;
		if (fmvalue_calendar(c, x, "calendar", t->zone, &cal) == 0) {
			calendar_spec_free(&t->calendar);
			t->calendar = cal;
		} else
			calendar_spec_free(&cal);
	}
	if ((x = yamlnode_field(c, r, "", "match", false)) != NULL)
		replace_match(c, x, t);
	if ((x = yamlnode_field(c, r, "", "severities", false)) != NULL)
		patch_severities(c, x, t);
	if ((x = yamlnode_field(c, r, "", "volume", false)) != NULL)
		patch_volume(c, x, t);
	if ((x = yamlnode_field(c, r, "", "satisfaction", false)) != NULL)
		patch_satisfaction(c, x, t);
	if ((x = yamlnode_field(c, r, "", "credits", false)) != NULL)
		patch_credits(c, x, t);
	if ((x = yamlnode_scalar(c, r, "", "supports", false, "an agreement id")) != NULL) {
		if (t->kind != AGREEMENT_OLA)
			ERR(c, x, "supports", "only an OLA supports another agreement");
		else {
			free(t->supports);
			t->supports = xstrdup(x->text);
			t->supports_line = x->line;
			t->supports_col = x->col;
		}
	}
}

/* Warns when a date that starts terms is not the 1st: month-level terms are
 * read at the start of each month, so they change only from the next one. */
static void
warn_not_first(struct yamlcheck *c, const struct yamlnode *at, const char *kp,
    int64_t days)
{
	int y, mo, d;
	char next[8];

	civil_from_days(days, &y, &mo, &d);
	if (d == 1)
		return;
	civil_format_month(mo == 12 ? y + 1 : y, mo == 12 ? 1 : mo + 1, next);
	WARN(c, at, kp, "%s is not the 1st of a month: items opened from that day "
	    "get these terms, but a month's goals, volume, satisfaction and credit "
	    "terms are those in force at its start, so they change only from %s",
	    at->text, next);
}

/* Unknown keys of a revision are errors; a key of the agreement that is not
 * revisable (its id, title, parties, zone…) says which keys are. */
static void
check_revision_keys(struct yamlcheck *c, const struct yamlnode *r,
    const char *const *keys)
{
	size_t i;
	const char *const *k;

	for (i = 0; i < r->n; i++) {
		const struct yamlnode *key = yamlnode_key(r, i);
		for (k = keys; *k != NULL && strcmp(*k, key->text) != 0; k++)
			;
		if (*k != NULL)
			continue;
		ERR(c, key, NULL, "\"%s\" cannot be revised: a revision lists only "
		    "what differed among calendar, severities, match, volume, "
		    "satisfaction, credits and supports (with its effective date and a "
		    "note)", key->text);
	}
}

void
revisions_parse(struct yamlcheck *c, const struct yamlnode *v,
    const struct yamlnode *effective, struct agreement *a)
{
	static const char *const keys[] = { "effective", "note", "calendar",
		"severities", "match", "volume", "satisfaction", "credits", "supports",
		NULL };
	const struct agreement *newer = a;
	const char *newer_date = a->effective;
	sla_time newer_from = a->effective_from;
	size_t i;
	int64_t days;

	if (v->type != YAMLNODE_SEQUENCE) {
		ERR(c, v, "revisions", "expected a list of earlier terms, newest first, "
		    "such as [{effective: 2026-01-01, severities: {2: {resolution: "
		    "12h}}}], got %s", yamlnode_show(c, v));
		return;
	}
	if (a->effective == NULL) {
		if (effective == NULL)
			ERR(c, v, "revisions", "the current terms need an `effective` date "
			    "for earlier terms to end");
		return;	/* a wrong date was reported already */
	}
	if (effective != NULL && fmvalue_date(c, effective, "effective", &days))
		warn_not_first(c, effective, "effective", days);
	a->revisions = xcalloc(v->n + 1, sizeof *a->revisions);
	for (i = 0; i < v->n; i++) {
		const struct yamlnode *r = v->items[i], *e;
		char *prefix = xasprintf("revisions[%zu]", i);
		struct agreement_revision *rev;
		sla_time from;

		c->prefix = prefix;
		c->strict = true;
		if (r->type != YAMLNODE_MAPPING) {
			ERR(c, r, NULL, "expected a mapping such as {effective: 2026-01-01, "
			    "note: \"…\", severities: {2: {resolution: 12h}}}, got %s",
			    yamlnode_show(c, r));
			goto next;
		}
		check_revision_keys(c, r, keys);
		if ((e = yamlnode_field(c, r, "", "effective", true)) == NULL ||
		    !fmvalue_date(c, e, "effective", &days))
			goto next;
		from = tz_local_to_utc(a->zone, days * 86400);
		if (from > newer_from) {
			ERR(c, e, "effective", "%s is after %s, when the next newer terms "
			    "start: list revisions newest first", e->text, newer_date);
			goto next;
		}
		if (from == newer_from) {
			ERR(c, e, "effective", "%s is also when the next newer terms start: "
			    "two terms cannot hold from the same day", e->text);
			goto next;
		}
		warn_not_first(c, e, "effective", days);
		rev = &a->revisions[a->nrevisions];
		rev->effective = xstrdup(e->text);
		rev->from = from;
		rev->line = r->line;
		rev->col = r->col;
		rev->note = yamlnode_string(c, r, "", "note", false);
		rev->terms = terms_copy(newer);
		apply_revision(c, r, rev->terms);
		a->nrevisions++;
		newer = rev->terms;
		newer_date = rev->effective;
		newer_from = from;
next:
		c->prefix = NULL;
		c->strict = false;
		free(prefix);
	}
}

const struct agreement *
revisions_newer(const struct agreement *a, int i)
{
	return i == 0 ? a : a->revisions[i - 1].terms;
}

const char *
revisions_until(const struct agreement *a, int i)
{
	return i == 0 ? a->effective : a->revisions[i - 1].effective;
}
