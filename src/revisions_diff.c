/* revisions_diff.c: what differs between two terms of an agreement, field by field, as compact text. */
#include "revisions.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"

struct diff {
	struct terms_change *v;
	size_t n, cap;
};

static void
add(struct diff *d, char *key, int sev, char *was, char *now)
{
	void *p = d->v;
	struct terms_change *ch;
	const char *dot = strrchr(key, '.');

	xgrow(&p, &d->cap, d->n + 1, sizeof *d->v);
	d->v = p;
	ch = &d->v[d->n++];
	ch->key = key;
	ch->sev = sev;
	ch->field = dot != NULL ? dot + 1 : key;
	ch->was = was;
	ch->now = now;
}

static char *
number_text(double x)
{
	return isnan(x) ? xstrdup("none") : xasprintf("%g", x);
}

static char *
text_or_none(const char *s)
{
	return xstrdup(s != NULL ? s : "none");
}

static bool
same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static bool
same_number(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

static bool
same_calendar(const struct calendar_spec *a, const struct calendar_spec *b)
{
	int d, i;

	if (a->always || b->always)
		return a->always == b->always;
	if (a->nholidays != b->nholidays || (a->nholidays > 0 &&
	    memcmp(a->holidays, b->holidays, (size_t)a->nholidays * sizeof *a->holidays)))
		return false;
	for (d = 0; d < 7; d++) {
		if (a->nranges[d] != b->nranges[d])
			return false;
		for (i = 0; i < a->nranges[d]; i++)
			if (memcmp(&a->ranges[d][i], &b->ranges[d][i], sizeof a->ranges[d][i]))
				return false;
	}
	return true;
}

static void
put_ranges(struct strbuf *sb, const struct calendar_spec *c, int day)
{
	int i;

	for (i = 0; i < c->nranges[day]; i++) {
		const struct hours_range *r = &c->ranges[day][i];
		strbuf_printf(sb, "%s%02d:%02d-%02d:%02d", i ? "," : "",
		    r->start_min / 60, r->start_min % 60, r->end_min / 60, r->end_min % 60);
	}
}

static bool
same_day(const struct calendar_spec *c, int a, int b)
{
	return c->nranges[a] == c->nranges[b] && memcmp(c->ranges[a], c->ranges[b],
	    (size_t)c->nranges[a] * sizeof c->ranges[a][0]) == 0;
}

/* "24x7", or "mon-fri 08:00-18:00, sat 09:00-13:00; 12 holidays". */
static char *
calendar_text(const struct calendar_spec *c)
{
	static const char *const days[] = { "mon", "tue", "wed", "thu", "fri", "sat",
		"sun" };
	struct strbuf sb = { 0 };
	int d = 0, e;

	if (c->always)
		return xstrdup("24x7");
	while (d < 7) {
		for (e = d; e + 1 < 7 && same_day(c, d, e + 1); e++)
			;
		if (c->nranges[d] > 0) {
			strbuf_printf(&sb, "%s%s", sb.len ? ", " : "", days[d]);
			if (e > d)
				strbuf_printf(&sb, "-%s", days[e]);
			strbuf_putc(&sb, ' ');
			put_ranges(&sb, c, d);
		}
		d = e + 1;
	}
	if (sb.len == 0)
		strbuf_puts(&sb, "no working hours");
	if (c->nholidays > 0)
		strbuf_printf(&sb, "; %d holiday%s", c->nholidays, c->nholidays == 1 ? "" : "s");
	return strbuf_detach(&sb, NULL);
}

static char *
match_text(const struct agreement *a)
{
	struct strbuf sb = { 0 };
	int i, j;

	for (i = 0; i < a->nmatch; i++) {
		strbuf_printf(&sb, "%s%s: ", i ? "; " : "", a->match[i].field);
		for (j = 0; j < a->match[i].nvalues; j++)
			strbuf_printf(&sb, "%s%s", j ? ", " : "", a->match[i].values[j]);
	}
	if (sb.len == 0)
		strbuf_puts(&sb, "none");
	return strbuf_detach(&sb, NULL);
}

static bool
same_match(const struct agreement *a, const struct agreement *b)
{
	int i, j;

	if (a->nmatch != b->nmatch)
		return false;
	for (i = 0; i < a->nmatch; i++) {
		if (strcmp(a->match[i].field, b->match[i].field) != 0 ||
		    a->match[i].nvalues != b->match[i].nvalues)
			return false;
		for (j = 0; j < a->match[i].nvalues; j++)
			if (strcmp(a->match[i].values[j], b->match[i].values[j]) != 0)
				return false;
	}
	return true;
}

static char *
tiers_text(const struct agreement *a)
{
	struct strbuf sb = { 0 };
	int i;

	for (i = 0; i < a->ntiers; i++)
		strbuf_printf(&sb, "%sbelow %g: %g%%", i ? "; " : "", a->tiers[i].below,
		    a->tiers[i].percent);
	if (sb.len == 0)
		strbuf_puts(&sb, "none");
	return strbuf_detach(&sb, NULL);
}

static bool
same_tiers(const struct agreement *a, const struct agreement *b)
{
	int i;

	if (a->ntiers != b->ntiers)
		return false;
	for (i = 0; i < a->ntiers; i++)
		if (a->tiers[i].below != b->tiers[i].below ||
		    a->tiers[i].percent != b->tiers[i].percent)
			return false;
	return true;
}

static void
diff_severity(struct diff *d, int k, const struct severity *o, const struct severity *n)
{
	char *kp = o->key;

	if (!same_text(o->name, n->name))
		add(d, xasprintf("severities.%s.name", kp), k, xstrdup(o->name),
		    xstrdup(n->name));
	if (o->has_calendar != n->has_calendar ||
	    (o->has_calendar && !same_calendar(&o->calendar, &n->calendar)))
		add(d, xasprintf("severities.%s.calendar", kp), k,
		    o->has_calendar ? calendar_text(&o->calendar) : xstrdup("none"),
		    n->has_calendar ? calendar_text(&n->calendar) : xstrdup("none"));
	if (o->response_s != n->response_s)
		add(d, xasprintf("severities.%s.response", kp), k,
		    text_or_none(o->response_text), text_or_none(n->response_text));
	if (o->resolution_s != n->resolution_s)
		add(d, xasprintf("severities.%s.resolution", kp), k,
		    text_or_none(o->resolution_text), text_or_none(n->resolution_text));
	if (!same_number(o->goal, n->goal))
		add(d, xasprintf("severities.%s.goal", kp), k, number_text(o->goal),
		    number_text(n->goal));
}

size_t
terms_diff(const struct agreement *o, const struct agreement *n,
    struct terms_change **out)
{
	struct diff d = { 0 };
	int k;

	if (!same_calendar(&o->calendar, &n->calendar))
		add(&d, xstrdup("calendar"), -1, calendar_text(&o->calendar),
		    calendar_text(&n->calendar));
	if (!same_match(o, n))
		add(&d, xstrdup("match"), -1, match_text(o), match_text(n));
	for (k = 0; k < o->nseverities && k < n->nseverities; k++)
		diff_severity(&d, k, &o->severities[k], &n->severities[k]);
	if (o->has_volume != n->has_volume || (o->has_volume &&
	    o->volume_metric != n->volume_metric))
		add(&d, xstrdup("volume.metric"), -1,
		    xstrdup(!o->has_volume ? "none" : o->volume_metric == VOLUME_VALUE ?
		    "value" : "count"),
		    xstrdup(!n->has_volume ? "none" : n->volume_metric == VOLUME_VALUE ?
		    "value" : "count"));
	if (o->has_volume != n->has_volume || (o->has_volume &&
	    o->volume_min != n->volume_min))
		add(&d, xstrdup("volume.min"), -1,
		    o->has_volume ? number_text(o->volume_min) : xstrdup("none"),
		    n->has_volume ? number_text(n->volume_min) : xstrdup("none"));
	if (o->has_volume && n->has_volume && !same_text(o->volume_unit, n->volume_unit))
		add(&d, xstrdup("volume.unit"), -1, xstrdup(o->volume_unit != NULL ?
		    o->volume_unit : "none"), xstrdup(n->volume_unit != NULL ?
		    n->volume_unit : "none"));
	if (o->has_satisfaction != n->has_satisfaction || (o->has_satisfaction &&
	    o->satisfaction_scale != n->satisfaction_scale))
		add(&d, xstrdup("satisfaction.scale"), -1,
		    xstrdup(!o->has_satisfaction ? "none" :
		    o->satisfaction_scale == SCALE_CSAT ? "csat" : "nps"),
		    xstrdup(!n->has_satisfaction ? "none" :
		    n->satisfaction_scale == SCALE_CSAT ? "csat" : "nps"));
	if (o->has_satisfaction != n->has_satisfaction || (o->has_satisfaction &&
	    o->satisfaction_min != n->satisfaction_min))
		add(&d, xstrdup("satisfaction.min"), -1,
		    o->has_satisfaction ? number_text(o->satisfaction_min) : xstrdup("none"),
		    n->has_satisfaction ? number_text(n->satisfaction_min) : xstrdup("none"));
	if (o->has_credits && n->has_credits) {
		if (o->credit_fee != n->credit_fee)
			add(&d, xstrdup("credits.fee"), -1, number_text(o->credit_fee),
			    number_text(n->credit_fee));
		if (!same_text(o->credit_currency, n->credit_currency))
			add(&d, xstrdup("credits.currency"), -1,
			    text_or_none(o->credit_currency), text_or_none(n->credit_currency));
		if (!same_tiers(o, n))
			add(&d, xstrdup("credits.tiers"), -1, tiers_text(o), tiers_text(n));
	}
	if (!same_text(o->supports, n->supports))
		add(&d, xstrdup("supports"), -1, text_or_none(o->supports),
		    text_or_none(n->supports));
	*out = d.v;
	return d.n;
}

void
terms_changes_free(struct terms_change *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].was);
		free(v[i].now);
	}
	free(v);
}
