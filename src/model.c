/* model.c: construction and teardown of the shared model; event type names. */
#include "model.h"
#include "commentary.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include "inputs.h"
#include "tz.h"

static const char *const event_type_names_v[EVENT__COUNT + 1] = {
#define X(e, s) s,
	EVENT_TYPES(X)
#undef X
	NULL
};

const char *const *
event_type_names(void)
{
	return event_type_names_v;
}

const char *
event_type_name(enum event_type t)
{
	return (unsigned)t < EVENT__COUNT ? event_type_names_v[t] : "?";
}

int
event_type_from_name(const char *s, size_t n)
{
	int i;

	for (i = 0; i < EVENT__COUNT; i++)
		if (strlen(event_type_names_v[i]) == n &&
		    memcmp(event_type_names_v[i], s, n) == 0)
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
	for (i = 0; i < s->nteams; i++) {
		free(s->teams[i].id);
		free(s->teams[i].name);
	}
	free(s->teams);
	for (i = 0; i < s->nmappings; i++) {
		free(s->mappings[i].pattern);
		free(s->mappings[i].mapping);
	}
	free(s->mappings);
	memset(s, 0, sizeof *s);
}

/* The revisable fields (SPEC §8): what a revision's terms own. */
static void
terms_free(struct agreement *a)
{
	int i, j;

	free(a->supports);
	calendar_spec_free(&a->calendar);
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
	free(a->volume_unit);
	free(a->credit_currency);
	free(a->tiers);
}

void
agreement_free(struct agreement *a)
{
	int i;

	if (a->is_terms) {
		terms_free(a);
		memset(a, 0, sizeof *a);
		return;
	}
	for (i = 0; i < a->nrevisions; i++) {
		free(a->revisions[i].effective);
		free(a->revisions[i].note);
		if (a->revisions[i].terms != NULL) {
			agreement_free(a->revisions[i].terms);
			free(a->revisions[i].terms);
		}
	}
	free(a->revisions);
	terms_free(a);
	free(a->path);
	free(a->id);
	free(a->title);
	free(a->provider);
	free(a->customer);
	free(a->effective);
	free(a->review);
	free(a->timezone);
	free(a->locale);
	tz_free(a->zone);
	for (i = 0; i < a->nmaintenance; i++) {
		free(a->maintenance[i].reason);
		free(a->maintenance[i].applies);
	}
	free(a->maintenance);
	free(a->body);
	if (a->doc != NULL)
		cmark_node_free(a->doc);
	memset(a, 0, sizeof *a);
}

int
agreement_terms_index(const struct agreement *a, sla_time t)
{
	int i;

	if (a->nrevisions == 0 || t >= a->effective_from)
		return 0;
	for (i = 0; i < a->nrevisions - 1 && t < a->revisions[i].from; i++)
		;
	return i + 1;
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
	free(m->naive.file);
	free(m->naive.text);
	free(m->events);
	free(m->unmapped);
	strtab_free(m->strings);
	diag_free(m->diag);
	for (i = 0; i < m->ncommentary; i++)
		commentary_free(&m->commentary[i]);
	free(m->commentary);
	inputs_free(m->inputs);
	free(m->src);
	free(m);
}

const char *
site_team_name(const struct site *s, const char *id)
{
	int i;

	for (i = 0; s != NULL && id != NULL && i < s->nteams; i++)
		if (strcmp(s->teams[i].id, id) == 0)
			return s->teams[i].name;
	return id;
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

/* Order within one item: time, then input order. */
static int
cmp_at_seq(const void *pa, const void *pb)
{
	const struct event *a = pa, *b = pb;

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Sorts one item's events by (at, seq). An item has a handful of events,
 * mostly in time order already, so insertion sort wins; a long run (a huge
 * item, or times in reverse) goes to qsort rather than turn quadratic. */
static void
sort_item_run(struct event *ev, size_t n)
{
	size_t i, j;
	struct event t;

	if (n > 32) {
		qsort(ev, n, sizeof *ev, cmp_at_seq);
		return;
	}
	for (i = 1; i < n; i++) {
		if (cmp_at_seq(&ev[i - 1], &ev[i]) <= 0)
			continue;
		t = ev[i];
		for (j = i; j > 0 && cmp_at_seq(&ev[j - 1], &t) > 0; j--)
			ev[j] = ev[j - 1];
		ev[j] = t;
	}
}

/* Whether one of the n events at g has this type. */
static bool
group_has_type(const struct event *g, size_t n, uint8_t type)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (g[i].type == type)
			return true;
	return false;
}

/* Items are dense string ids with a few events each, so a counting sort by
 * item puts every event into its item's run in O(n), where a comparison sort
 * of 64-byte events spends most of the time; each short run is then sorted
 * by time on its own. The events move in place, along the permutation's
 * cycles: a second event array would cost n×64 bytes of fresh pages, whose
 * faults alone take longer than the whole move. Extra memory: 4 bytes per
 * event and per string id (glibc's qsort takes 16 per event). */
void
model_sort_events(struct model *m)
{
	struct event *ev = m->events, t;
	size_t n = m->nevents, nb = strtab_count(m->strings), i, k, b, e, g = 0, out = 0;
	uint32_t *end, *src, c, sum = 0, j, q;

	m->latest_at = m->earliest_at = 0;
	if (n == 0)
		return;		/* ev may be NULL: no pointer arithmetic on it */
	/* Events per item; an id beyond the string table (none today) widens it. */
	end = xcalloc(nb, sizeof *end);
	for (i = 0; i < n; i++) {
		if (ev[i].item >= nb) {
			end = xrealloc(end, ((size_t)ev[i].item + 1) * sizeof *end);
			memset(end + nb, 0, ((size_t)ev[i].item + 1 - nb) * sizeof *end);
			nb = (size_t)ev[i].item + 1;
		}
		end[ev[i].item]++;
	}
	for (k = 0; k < nb; k++) {
		c = end[k];
		end[k] = sum;
		sum += c;
	}
	/* src[d]: the input index of the event that belongs at d. Filled in input
	 * order, so each run holds its events in input order (32 bits suffice:
	 * seq is 32-bit too). Afterwards end[k] is where item k's run ends. */
	src = xmalloc(n * sizeof *src);
	for (i = 0; i < n; i++)
		src[end[ev[i].item]++] = (uint32_t)i;
	/* Each cycle of the permutation rotates once through a saved event;
	 * src[d] = d marks a placed event. An item's events arrive close
	 * together, so most move a short way and this stays in cache. */
	for (i = 0; i < n; i++) {
		if (src[i] == i)
			continue;
		t = ev[i];
		for (j = (uint32_t)i; (q = src[j]) != i; j = q) {
			ev[j] = ev[q];
			src[j] = j;
		}
		ev[j] = t;
		src[j] = j;
	}
	free(src);
	/* Sort each run by time, then drop duplicates: a group shares item and
	 * instant (several types may share one instant, so duplicates need not
	 * be adjacent); an event whose type an earlier kept event of its group
	 * has is one. Kept events move down to out. Item 0 means no id: such
	 * events (none reach here) are dropped uncounted. */
	m->latest_at = 0;
	for (i = end[0], k = 1; k < nb; k++) {
		b = i;
		e = end[k];
		sort_item_run(ev + b, e - b);
		for (; i < e; i++) {
			if (i == b || ev[i].at != ev[g].at)
				g = out;	/* a new group; ev[i] goes to ev[out] */
			else if (group_has_type(ev + g, out - g, ev[i].type)) {
				m->quality.events_duplicate++;
				continue;
			}
			if (ev[i].at > m->latest_at)
				m->latest_at = ev[i].at;
			if (out == 0 || ev[i].at < m->earliest_at)
				m->earliest_at = ev[i].at;
			if (out != i)
				ev[out] = ev[i];
			out++;
		}
	}
	free(end);
	m->nevents = out;
}

void
model_release_events(struct model *m)
{
	free(m->events);
	m->events = NULL;
	m->nevents = m->capevents = 0;
}

void
model_note_naive(struct model *m, const char *file, int line, int col, const char *text)
{
	if (m->naive.count++ > 0)
		return;
	m->naive.file = xstrdup(file);
	m->naive.line = line;
	m->naive.col = col;
	m->naive.text = xstrdup(text);
}

void
model_warn_naive(struct model *m)
{
	const char *zone = NULL, *id = NULL;
	char *more;
	int i;

	if (m->naive.count == 0)
		return;
	/* The likely zone is the agreements' own, when they name one. */
	for (i = 0; i < m->nagreements && zone == NULL; i++)
		if (m->agreements[i].timezone != NULL &&
		    strcmp(m->agreements[i].timezone, "UTC") != 0) {
			zone = m->agreements[i].timezone;
			id = m->agreements[i].id;
		}
	more = m->naive.count == 2 ? xstrdup(" (as is 1 more timestamp without offset)") :
	    m->naive.count > 2 ? xasprintf(" (as are %llu more timestamps without offset)",
	    (unsigned long long)(m->naive.count - 1)) : xstrdup("");
	diag_add(m->diag, DIAG_WARNING, m->naive.file, m->naive.line, m->naive.col,
	    "at: \"%s\" has no UTC offset and site.yml sets no timezone, so it is read "
	    "as UTC%s; write the offset (\"%s+01:00\", or Z for UTC), or name the zone "
	    "of these times in site.yml, e.g. \"timezone: %s\"%s%s%s", m->naive.text,
	    more, m->naive.text, zone != NULL ? zone : "Europe/Berlin",
	    zone != NULL ? " (the zone of agreement " : "", id != NULL ? id : "",
	    zone != NULL ? ")" : "");
	free(more);
}
