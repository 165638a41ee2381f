/* test_kpi_fixture.h: small in-memory models for the KPI engine tests (static helpers). */
#ifndef TEST_KPI_FIXTURE_H
#define TEST_KPI_FIXTURE_H

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <criterion/criterion.h>
#include "civil.h"
#include "items.h"
#include "kpi.h"
#include "model.h"
#include "tz.h"

#define H 3600
#define M 60

/* A model whose site lives in zone (events are UTC "…Z" in these tests). */
static inline struct model *
fx_model(const char *zone)
{
	struct model *m = model_new("mem");

	m->site.timezone = xstrdup(zone);
	m->site.zone = tz_load(zone);
	cr_assert(m->site.zone != NULL);
	return m;
}

/* Appends an agreement, round the clock until fx_hours says otherwise. The
 * pointer is valid until the next fx_agreement. */
static inline struct agreement *
fx_agreement(struct model *m, const char *id, enum agreement_kind kind, const char *zone)
{
	struct agreement *a;

	m->agreements = xrealloc(m->agreements, (size_t)(m->nagreements + 1) * sizeof *a);
	a = &m->agreements[m->nagreements++];
	memset(a, 0, sizeof *a);
	a->path = xasprintf("agreements/%s.md", id);
	a->id = xstrdup(id);
	a->title = xasprintf("Title of %s", id);
	a->kind = kind;
	a->timezone = xstrdup(zone);
	a->zone = tz_load(zone);
	cr_assert(a->zone != NULL);
	a->calendar.always = true;
	a->calendar.zone = a->zone;
	a->supports_index = -1;
	return a;
}

/* Working hours "HH:MM-HH:MM" on weekdays first..last (0 = Monday). */
static inline void
fx_hours(struct calendar_spec *c, const struct tz *zone, int first, int last,
    int from_min, int to_min)
{
	int wd;

	c->always = false;
	c->zone = zone;
	for (wd = first; wd <= last; wd++) {
		c->ranges[wd][c->nranges[wd]].start_min = from_min;
		c->ranges[wd][c->nranges[wd]].end_min = to_min;
		c->nranges[wd]++;
	}
}

static inline void
fx_holiday(struct calendar_spec *c, int y, int mo, int d)
{
	c->holidays = xrealloc(c->holidays, (size_t)(c->nholidays + 1) * sizeof *c->holidays);
	c->holidays[c->nholidays++] = civil_days(y, mo, d);
}

/* A severity; targets in seconds, -1 = none; goal NAN = none. */
static inline struct severity *
fx_severity(struct agreement *a, const char *key, const char *name, int64_t response,
    int64_t resolution, double goal)
{
	struct severity *s;
	char *end;
	long k = strtol(key, &end, 10);

	a->severities = xrealloc(a->severities, (size_t)(a->nseverities + 1) * sizeof *s);
	s = &a->severities[a->nseverities++];
	memset(s, 0, sizeof *s);
	s->key = xstrdup(key);
	s->key_is_int = *end == '\0';
	s->key_int = (int)k;
	s->name = xstrdup(name);
	s->response_s = response;
	s->resolution_s = resolution;
	s->goal = goal;
	return s;
}

static inline void
fx_match(struct agreement *a, const char *field, const char *value)
{
	struct match_field *f;

	a->match = xrealloc(a->match, (size_t)(a->nmatch + 1) * sizeof *f);
	f = &a->match[a->nmatch++];
	f->field = xstrdup(field);
	f->nvalues = 1;
	f->values = xcalloc(1, sizeof *f->values);
	f->values[0] = xstrdup(value);
}

static inline void
fx_supports(struct agreement *ola, const char *provider, const char *sla, int sla_index)
{
	ola->provider = xstrdup(provider);
	ola->supports = xstrdup(sla);
	ola->supports_index = sla_index;
}

static inline uint32_t
fx_str(struct model *m, const char *s)
{
	return strtab_intern(m->strings, s, strlen(s));
}

/* Adds one event: fields as "key=value" strings, then NULL. */
static inline void
fx_event(struct model *m, const char *id, const char *at, const char *type, ...)
{
	struct event e;
	struct civil_stamp st;
	const char *kv;
	va_list ap;
	static int line;

	memset(&e, 0, sizeof e);
	cr_assert(civil_parse_stamp(at, strlen(at), &st) == NULL, "bad stamp %s", at);
	e.at = st.local - (st.has_offset ? st.offset_s : 0);
	e.item = fx_str(m, id);
	e.type = (uint8_t)event_type_from_name(type, strlen(type));
	cr_assert((int)e.type >= 0 && e.type < EVENT__COUNT, "bad type %s", type);
	e.num = NAN;
	e.file = fx_str(m, "events/test.ndjson");
	e.line = (uint32_t)++line;
	va_start(ap, type);
	while ((kv = va_arg(ap, const char *)) != NULL) {
		const char *eq = strchr(kv, '=');
		const char *v = eq + 1;
		size_t kn = (size_t)(eq - kv);
		if (strncmp(kv, "team", kn) == 0) e.team = fx_str(m, v);
		else if (strncmp(kv, "severity", kn) == 0) e.severity = fx_str(m, v);
		else if (strncmp(kv, "agreement", kn) == 0) e.agreement = fx_str(m, v);
		else if (strncmp(kv, "requester", kn) == 0) e.requester = fx_str(m, v);
		else if (strncmp(kv, "service", kn) == 0) e.service = fx_str(m, v);
		else if (strncmp(kv, "kind", kn) == 0) e.kind = fx_str(m, v);
		else if (strncmp(kv, "title", kn) == 0) e.title = fx_str(m, v);
		else if (strncmp(kv, "value", kn) == 0 || strncmp(kv, "score", kn) == 0)
			e.num = strtod(v, NULL);	/* as events.c keeps it */
		else cr_assert_fail("unknown field %s", kv);
	}
	va_end(ap);
	model_add_event(m, &e);
	m->quality.events_read++;
}

static inline int
fx_ym(const char *s)
{
	int ym = kpi_parse_month(s);

	cr_assert(ym >= 0, "bad month %s", s);
	return ym;
}

static inline const struct kpi_period *
fx_period(const struct kpi_report *r, int agreement, const char *ym)
{
	const struct kpi_agreement *ka = &r->agreements[agreement];
	int p = fx_ym(ym) - r->from_ym;

	cr_assert(p >= 0 && p < ka->nperiods, "no period %s", ym);
	return &ka->periods[p];
}

/* Row of severity index s (-1: the total). */
static inline const struct kpi_row *
fx_row(const struct kpi_report *r, int agreement, const char *ym, int s)
{
	const struct kpi_period *P = fx_period(r, agreement, ym);

	return s < 0 ? &P->rows[P->nrows - 1] : &P->rows[s];
}

static inline sla_time
fx_at(const char *at)
{
	struct civil_stamp st;

	cr_assert(civil_parse_stamp(at, strlen(at), &st) == NULL);
	return st.local - (st.has_offset ? st.offset_s : 0);
}

/* Sorts the events and computes months from..to. */
static inline struct kpi_report *
fx_compute(struct model *m, const char *from, const char *to)
{
	model_sort_events(m);
	return kpi_compute(m, from ? fx_ym(from) : -1, to ? fx_ym(to) : -1);
}

#endif
