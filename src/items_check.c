/* items_check.c: the item-level problems of SPEC §5, reported once for check, kpis and build. */
#include "items.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "kpi.h"
#include "suggest.h"

/* First occurrence (in input order) of a kind of problem shared by many items. */
struct example {
	uint64_t count;
	const struct event *e;		/* earliest in input order */
	uint32_t item;
	int a, b;			/* SLAs involved (several matches) */
};

struct unknown_name {
	uint32_t name;
	const struct event *e;
};

/* A warning waiting to be recorded in input order. */
struct pending {
	uint32_t seq;
	size_t order;
	const struct event *e;
	char *msg;
};

struct checker {
	struct model *m;
	struct pending *warn;
	size_t nwarn, capwarn;
	struct items *its;
	struct example nomatch, several;
	struct unknown_name *unknown;
	size_t nunknown, capunknown;
};

static const char *
str(const struct model *m, uint32_t id)
{
	const char *s = strtab_get(m->strings, id);

	return s != NULL ? s : "";
}

/* Queues msg (taking it) about event e. */
static void
warn_at(struct checker *c, const struct event *e, char *msg)
{
	void *p = c->warn;

	xgrow(&p, &c->capwarn, c->nwarn + 1, sizeof *c->warn);
	c->warn = p;
	c->warn[c->nwarn].seq = e->seq;
	c->warn[c->nwarn].order = c->nwarn;
	c->warn[c->nwarn].e = e;
	c->warn[c->nwarn++].msg = msg;
}

static void
note_example(struct example *x, const struct event *e, uint32_t item)
{
	x->count++;
	if (x->e == NULL || e->seq < x->e->seq) {
		x->e = e;
		x->item = item;
	}
}

static void
note_unknown(struct checker *c, const struct event *e)
{
	size_t i;
	void *p;

	for (i = 0; i < c->nunknown; i++)
		if (c->unknown[i].name == e->agreement) {
			if (e->seq < c->unknown[i].e->seq)
				c->unknown[i].e = e;
			return;
		}
	p = c->unknown;
	xgrow(&p, &c->capunknown, c->nunknown + 1, sizeof *c->unknown);
	c->unknown = p;
	c->unknown[c->nunknown].name = e->agreement;
	c->unknown[c->nunknown++].e = e;
}

static bool
score_in_scale(const struct agreement *a, double s)
{
	return a->satisfaction_scale == SCALE_NPS ? s >= 0 && s <= 10 : s >= 1 && s <= 5;
}

static void
check_score(struct checker *c, const struct agreement *a, const struct event *e)
{
	char *msg;

	if (!a->has_satisfaction || score_in_scale(a, e->num))
		return;
	msg = xasprintf("item %s: score %g is outside the %s scale of agreement %s (%s); ignored",
	    str(c->m, e->item), e->num,
	    a->satisfaction_scale == SCALE_NPS ? "NPS" : "CSAT", a->id,
	    a->satisfaction_scale == SCALE_NPS ? "0-10" : "1-5");
	warn_at(c, e, msg);
}

/* The severities an agreement names, shown when an event's is not among them
 * (most often an export's own scheme, "P2" or "Sev 2"). At most this many are
 * listed. */
#define HINT_SEVERITIES 10

/* The integer key a written the same as n (leading zeros dropped), or NULL. */
static const struct severity *
severity_by_number(const struct agreement *a, const char *digits, size_t n)
{
	int i;

	while (n > 1 && *digits == '0') {
		digits++;
		n--;
	}
	for (i = 0; i < a->nseverities; i++)
		if (a->severities[i].key_is_int && strlen(a->severities[i].key) == n &&
		    memcmp(a->severities[i].key, digits, n) == 0)
			return &a->severities[i];
	return NULL;
}

/* The severity of a that given most likely meant: the same key or name but for
 * ASCII case ("high"), the integer key written by the one run of digits in
 * given ("P2", "Sev 2", "2 - High"; not a signed number), else the key or name nearest in spelling. */
static const struct severity *
likely_severity(const struct agreement *a, const char *given)
{
	const char **names = xcalloc(2 * (size_t)a->nseverities + 1, sizeof *names);
	const char *p, *run = NULL, *near;
	const struct severity *sv = NULL;
	size_t runs = 0, runlen = 0;
	int i, n = 0;

	for (i = 0; i < a->nseverities && sv == NULL; i++)
		if (strcasecmp(a->severities[i].key, given) == 0 ||
		    (a->severities[i].name != NULL &&
		    strcasecmp(a->severities[i].name, given) == 0))
			sv = &a->severities[i];
	for (p = given; sv == NULL && *p != '\0'; p++)
		if (*p >= '0' && *p <= '9' && (p == given || p[-1] < '0' || p[-1] > '9')) {
			runs++;
			run = p;
			for (runlen = 0; run[runlen] >= '0' && run[runlen] <= '9'; runlen++)
				;
		}
	/* A signed number ("-1") is a number, not a label around one. */
	if (sv == NULL && runs == 1 && *given != '-' && *given != '+')
		sv = severity_by_number(a, run, runlen);
	if (sv == NULL) {
		for (i = 0; i < a->nseverities; i++) {
			names[n++] = a->severities[i].key;
			if (a->severities[i].name != NULL)
				names[n++] = a->severities[i].name;
		}
		near = suggest_closest(given, names);
		for (i = 0; near != NULL && i < a->nseverities && sv == NULL; i++)
			if (near == a->severities[i].key || near == a->severities[i].name)
				sv = &a->severities[i];
	}
	free(names);
	return sv;
}

/* "; desk names severities 1 (Critical), 2 (High); did you mean 2?" for a
 * severity given that a does not define; the caller frees. */
static char *
severity_hint(const struct agreement *a, const char *given)
{
	struct strbuf sb = {0};
	const struct severity *sv = likely_severity(a, given);
	int i;

	strbuf_printf(&sb, "; %s names %s ", a->id,
	    a->nseverities == 1 ? "one severity," : "severities");
	for (i = 0; i < a->nseverities && i < HINT_SEVERITIES; i++) {
		const struct severity *s = &a->severities[i];
		strbuf_printf(&sb, "%s%s", i > 0 ? ", " : "", s->key);
		if (s->name != NULL && strcmp(s->name, s->key) != 0)
			strbuf_printf(&sb, " (%s)", s->name);
	}
	if (a->nseverities > HINT_SEVERITIES)
		strbuf_printf(&sb, " and %d more", a->nseverities - HINT_SEVERITIES);
	if (sv != NULL)
		strbuf_printf(&sb, "; did you mean %s?", sv->key);
	return strbuf_detach(&sb, NULL);
}

static void
undefined_change(struct checker *c, const struct agreement *a, const struct event *e)
{
	char *hint = severity_hint(a, str(c->m, e->severity));
	char *msg = xasprintf("item %s: severity \"%s\" is not defined by %s %s; change "
	    "ignored%s", str(c->m, e->item), str(c->m, e->severity),
	    a->kind == AGREEMENT_OLA ? "OLA" : "agreement", a->id, hint);

	free(hint);
	warn_at(c, e, msg);
}

/* Item it seen by OLA o (on items of SLA sla, or -1 when it names o). */
static void
check_ola(struct checker *c, const struct item *it, int o, int sla)
{
	struct model *m = c->m;
	const struct agreement *a = &m->agreements[o];
	const struct event *op = &m->events[it->opened];
	uint32_t team = items_provider(c->its, o);
	int sev = items_ola_severity(c->its, o, sla, op->severity);
	bool held = false;
	size_t i;

	for (i = it->opened; i < it->end; i++) {
		const struct event *e = &m->events[i];
		if (i > it->opened && e->type == EVENT_OPENED)
			continue;
		if (!held && team != 0 && (e->type == EVENT_OPENED ||
		    e->type == EVENT_ASSIGNED) && e->team == team) {
			held = true;
			if (sev < 0) {
				char *hint = severity_hint(a, str(m, op->severity));
				char *msg = xasprintf("item %s: severity \"%s\" is not defined "
				    "by OLA %s; item not counted for it%s", str(m, e->item),
				    str(m, op->severity), a->id, hint);
				free(hint);
				warn_at(c, e, msg);
				return;
			}
		}
		if (e->type == EVENT_SEVERITY_CHANGED) {
			int s = items_ola_severity(c->its, o, sla, e->severity);
			if (s >= 0)
				sev = s;
			else if (held)
				undefined_change(c, a, e);
		} else if (held && e->type == EVENT_RATED)
			check_score(c, a, e);
	}
}

/* Item it seen by agreement x. */
static void
check_candidate(struct checker *c, const struct item *it, int x)
{
	struct model *m = c->m;
	const struct agreement *a = &m->agreements[x];
	const struct event *op = &m->events[it->opened];
	const int *olas;
	int k, n;
	size_t i;

	if (a->kind == AGREEMENT_OLA && items_severity(c->its, x, op->severity) >= 0) {
		check_ola(c, it, x, -1);
		return;
	}
	if (items_severity(c->its, x, op->severity) < 0) {
		char *hint = severity_hint(a, str(m, op->severity));
		char *msg = xasprintf("item %s: severity \"%s\" is not defined by "
		    "agreement %s; item skipped%s", str(m, op->item), str(m, op->severity),
		    a->id, hint);
		free(hint);
		warn_at(c, op, msg);
		return;
	}
	for (i = it->opened + 1; i < it->end; i++) {
		const struct event *e = &m->events[i];
		if (e->type == EVENT_SEVERITY_CHANGED &&
		    items_severity(c->its, x, e->severity) < 0)
			undefined_change(c, a, e);
		else if (e->type == EVENT_RATED)
			check_score(c, a, e);
	}
	n = items_olas(c->its, x, &olas);
	for (k = 0; k < n; k++)
		check_ola(c, it, olas[k], x);
}

static void
check_item(struct checker *c, const struct item *it)
{
	struct model *m = c->m;
	const struct event *first = &m->events[it->first], *op;
	int x;

	if (it->opened == ITEM_NO_EVENT) {
		char *msg = xasprintf("item %s has no opened event", str(m, first->item));
		warn_at(c, first, msg);
		return;
	}
	op = &m->events[it->opened];
	if (it->named != ITEM_NO_EVENT && it->named_agreement == ITEM_NONE)
		note_unknown(c, &m->events[it->named]);
	x = items_final_agreement(it);
	if (x == ITEM_NONE && it->named == ITEM_NO_EVENT)
		note_example(&c->nomatch, op, op->item);
	if (x == ITEM_SEVERAL)
		note_example(&c->several, op, op->item);
	if (x >= 0)
		check_candidate(c, it, x);
	if (it->matched >= 0 && it->matched != x && items_match_used(m, it, it->matched))
		check_candidate(c, it, it->matched);
}

/* Names of the SLAs whose match rules fit event e, "a, b". */
static char *
matching_names(struct checker *c, const struct event *e)
{
	struct strbuf sb = { 0 };
	int i;

	for (i = 0; i < c->m->nagreements; i++) {
		if (c->m->agreements[i].kind != AGREEMENT_SLA ||
		    !items_rule_matches(c->its, i, e))
			continue;
		if (sb.len > 0)
			strbuf_puts(&sb, ", ");
		strbuf_puts(&sb, c->m->agreements[i].id);
	}
	return strbuf_detach(&sb, NULL);
}

/* Input order (files in name order, then lines); ties in the order found. */
static int
cmp_pending(const void *pa, const void *pb)
{
	const struct pending *a = pa, *b = pb;

	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Reports spanning years: one mistyped year (2062 for 2026) makes every month
 * in between a report of its own — hundreds of pages nobody wants. */
#define SPAN_WARN_MONTHS 60

static void
check_span(struct checker *c)
{
	const struct model *m = c->m;
	const struct event *first = NULL, *last = NULL;
	char from[8];
	int a = kpi_first_month(m), b = kpi_default_period(m);
	size_t i;

	if (a < 0 || b - a + 1 <= SPAN_WARN_MONTHS)
		return;
	for (i = 0; i < m->nevents; i++) {
		const struct event *e = &m->events[i];
		if (first == NULL || e->at < first->at)
			first = e;
		if (last == NULL || e->at > last->at)
			last = e;
	}
	kpi_format_month(a, from);
	warn_at(c, last, xasprintf("the events span %d months, from %s (%s:%u) to this "
	    "event: every month gets its own reports; check for a mistyped year",
	    b - a + 1, from, strtab_get(m->strings, first->file), first->line));
}

/* A `teams` entry of site.yml that names no provider, customer or event team
 * renames nothing: most likely a typo of the id. */
static void
check_team_names(const struct model *m)
{
	int i, k;
	size_t j;

	for (i = 0; i < m->site.nteams; i++) {
		const struct team_name *t = &m->site.teams[i];
		uint32_t id = strtab_find(m->strings, t->id, strlen(t->id));
		bool used = false;

		for (k = 0; k < m->nagreements && !used; k++)
			used = (m->agreements[k].provider != NULL &&
			    strcmp(m->agreements[k].provider, t->id) == 0) ||
			    (m->agreements[k].customer != NULL &&
			    strcmp(m->agreements[k].customer, t->id) == 0);
		for (j = 0; j < m->nevents && !used && id != 0; j++)
			used = m->events[j].team == id;
		if (!used)
			diag_add(m->diag, DIAG_WARNING, "site.yml", t->line, t->col,
			    "teams: no agreement or event names the team \"%s\"", t->id);
	}
}

void
items_check(struct model *m)
{
	struct checker c;
	size_t i;

	memset(&c, 0, sizeof c);
	c.m = m;
	c.its = items_scan(m);
	for (i = 0; i < c.its->n; i++)
		check_item(&c, &c.its->v[i]);
	for (i = 0; i < c.nunknown; i++) {
		char *msg = xasprintf("events of unknown agreement \"%s\"",
		    str(m, c.unknown[i].name));
		warn_at(&c, c.unknown[i].e, msg);
	}
	if (c.nomatch.count > 0) {
		char *msg = xasprintf("%llu item%s fall%s under no agreement (no agreement "
		    "field, and no SLA's match rules fit), e.g. item %s",
		    (unsigned long long)c.nomatch.count, c.nomatch.count == 1 ? "" : "s",
		    c.nomatch.count == 1 ? "s" : "", str(m, c.nomatch.item));
		warn_at(&c, c.nomatch.e, msg);
	}
	if (c.several.count > 0) {
		char *names = matching_names(&c, c.several.e);
		char *msg = xasprintf("%llu item%s match%s several SLAs and fall%s under "
		    "none, e.g. item %s (%s)", (unsigned long long)c.several.count,
		    c.several.count == 1 ? "" : "s", c.several.count == 1 ? "es" : "",
		    c.several.count == 1 ? "s" : "", str(m, c.several.item), names);
		warn_at(&c, c.several.e, msg);
		free(names);
	}
	check_span(&c);
	check_team_names(m);
	if (c.nwarn > 1)
		qsort(c.warn, c.nwarn, sizeof *c.warn, cmp_pending);
	for (i = 0; i < c.nwarn; i++) {
		const struct event *e = c.warn[i].e;
		diag_add(m->diag, DIAG_WARNING, strtab_get(m->strings, e->file),
		    (int)e->line, 0, "%s", c.warn[i].msg);
		free(c.warn[i].msg);
	}
	items_count(m, c.its, &m->quality.items_skipped, &m->quality.items_unassigned);
	free(c.warn);
	free(c.unknown);
	items_free(c.its);
}

struct items_check_run {
	pthread_t thread;
	struct model *m;
};

static void *
check_thread(void *arg)
{
	struct items_check_run *run = arg;

	items_check(run->m);
	return NULL;
}

struct items_check_run *
items_check_start(struct model *m)
{
	struct items_check_run *run = xcalloc(1, sizeof *run);

	run->m = m;
	if (pthread_create(&run->thread, NULL, check_thread, run) != 0) {
		free(run);
		items_check(m);
		return NULL;
	}
	return run;
}

void
items_check_finish(struct items_check_run *run)
{
	if (run == NULL)
		return;
	pthread_join(run->thread, NULL);
	free(run);
}
