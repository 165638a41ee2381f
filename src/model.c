/* model.c: construction and teardown of the shared model; event type names. */
#include "model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include "tz.h"

static const char *const event_type_names[EVENT__COUNT] = {
#define X(e, s) s,
	EVENT_TYPES(X)
#undef X
};

const char *
event_type_name(enum event_type t)
{
	return (unsigned)t < EVENT__COUNT ? event_type_names[t] : "?";
}

int
event_type_from_name(const char *s, size_t n)
{
	int i;

	for (i = 0; i < EVENT__COUNT; i++)
		if (strlen(event_type_names[i]) == n &&
		    memcmp(event_type_names[i], s, n) == 0)
			return i;
	return -1;
}

struct model *
model_new(const char *src)
{
	struct model *m = xcalloc(1, sizeof *m);

	m->src = xstrdup(src);
	m->strings = strtab_new();
	m->diag = diag_new();
	return m;
}

void
calendar_spec_free(struct calendar_spec *c)
{
	free(c->holidays);
	c->holidays = NULL;
	c->nholidays = 0;
}

void
site_free(struct site *s)
{
	int i;

	free(s->title);
	free(s->organisation);
	free(s->timezone);
	tz_free(s->zone);
	free(s->locale);
	free(s->logo);
	for (i = 0; i < s->nmappings; i++) {
		free(s->mappings[i].pattern);
		free(s->mappings[i].mapping);
	}
	free(s->mappings);
	memset(s, 0, sizeof *s);
}

void
agreement_free(struct agreement *a)
{
	int i, j;

	free(a->path);
	free(a->id);
	free(a->title);
	free(a->provider);
	free(a->customer);
	free(a->supports);
	free(a->effective);
	free(a->review);
	free(a->timezone);
	calendar_spec_free(&a->calendar);
	tz_free(a->zone);
	for (i = 0; i < a->nmatch; i++) {
		free(a->match[i].field);
		for (j = 0; j < a->match[i].nvalues; j++)
			free(a->match[i].values[j]);
		free(a->match[i].values);
	}
	free(a->match);
	for (i = 0; i < a->nseverities; i++) {
		struct severity *s = &a->severities[i];
		free(s->key);
		free(s->name);
		free(s->response_text);
		free(s->resolution_text);
		if (s->has_calendar)
			calendar_spec_free(&s->calendar);
	}
	free(a->severities);
	free(a->volume_per);
	free(a->credit_currency);
	free(a->tiers);
	free(a->body);
	if (a->doc != NULL)
		cmark_node_free(a->doc);
	memset(a, 0, sizeof *a);
}

void
model_free(struct model *m)
{
	int i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nagreements; i++)
		agreement_free(&m->agreements[i]);
	free(m->agreements);
	site_free(&m->site);
	free(m->events);
	free(m->unmapped);
	strtab_free(m->strings);
	diag_free(m->diag);
	free(m->src);
	free(m);
}

int
model_find_agreement(const struct model *m, const char *id)
{
	int i;

	for (i = 0; i < m->nagreements; i++)
		if (m->agreements[i].id != NULL && strcmp(m->agreements[i].id, id) == 0)
			return i;
	return -1;
}

const struct severity *
agreement_find_severity(const struct agreement *a, const char *s)
{
	int i;

	/* Keys first: a severity named "2" must not shadow the key 2. */
	for (i = 0; i < a->nseverities; i++)
		if (strcmp(a->severities[i].key, s) == 0)
			return &a->severities[i];
	for (i = 0; i < a->nseverities; i++)
		if (a->severities[i].name != NULL && strcmp(a->severities[i].name, s) == 0)
			return &a->severities[i];
	return NULL;
}

void
model_add_event(struct model *m, const struct event *e)
{
	void *p = m->events;

	xgrow(&p, &m->capevents, m->nevents + 1, sizeof *m->events);
	m->events = p;
	m->events[m->nevents] = *e;
	m->events[m->nevents].seq = (uint32_t)m->nevents;
	m->nevents++;
}

static int
cmp_event(const void *pa, const void *pb)
{
	const struct event *a = pa, *b = pb;

	if (a->item != b->item)
		return a->item < b->item ? -1 : 1;
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void
model_sort_events(struct model *m)
{
	size_t i, j, k, out = 0;

	if (m->nevents > 1)
		qsort(m->events, m->nevents, sizeof *m->events, cmp_event);
	/* Duplicates share item, instant and type; they need not be adjacent
	 * when several types share one instant, so compare within the run. */
	for (i = 0; i < m->nevents; i = j) {
		for (j = i + 1; j < m->nevents && m->events[j].item == m->events[i].item &&
		    m->events[j].at == m->events[i].at; j++)
			;
		for (k = i; k < j; k++) {
			size_t q;
			int dup = 0;
			for (q = i; q < k && !dup; q++)
				dup = m->events[q].type == m->events[k].type &&
				    m->events[q].item != 0;
			if (dup) {
				m->quality.events_duplicate++;
				m->events[k].item = 0;	/* mark; compacted below */
			}
		}
	}
	m->latest_at = 0;
	for (i = 0; i < m->nevents; i++)
		if (m->events[i].item != 0) {
			if (m->events[i].at > m->latest_at)
				m->latest_at = m->events[i].at;
			m->events[out++] = m->events[i];
		}
	m->nevents = out;
}

void
model_release_events(struct model *m)
{
	free(m->events);
	m->events = NULL;
	m->nevents = m->capevents = 0;
}
