/* items.c: grouping of sorted events into items, agreement assignment, item checks (SPEC §5 "Items"). */
#include "items.h"

#include <stdlib.h>
#include <string.h>
#include "tz.h"

/* Fields a match rule may test, read from the opened event. */
enum match_key { MK_REQUESTER, MK_SERVICE, MK_KIND, MK_TEAM, MK_SEVERITY, MK_TITLE,
	MK_ID, MK_UNKNOWN };

struct match_ids {
	enum match_key key;
	int n;
	uint32_t *ids;			/* strtab ids of the values; 0 = never seen */
};

/* Severity texts already looked up in one agreement. */
struct sev_cache {
	size_t n, cap;
	uint32_t *text;
	int *index;
};

/* The match of one terms of an agreement (SPEC §8: revisable). */
struct rule_terms {
	int nmatch;
	struct match_ids *match;
};

struct rule {
	const struct agreement *ag;
	int nterms;
	struct rule_terms *terms;	/* per agreement_terms index */
	struct sev_cache sev;
	int nolas;
	int *olas;			/* OLAs supporting this SLA */
	uint32_t provider;
};

struct item_rules {
	const struct model *m;
	int n;
	struct rule *r;
	bool frozen;			/* caches complete: read only from now on */
};

static enum match_key
match_key(const char *f)
{
	static const char *const names[] = { "requester", "service", "kind", "team",
		"severity", "title", "id" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(f, names[i]) == 0)
			return (enum match_key)i;
	return MK_UNKNOWN;
}

static uint32_t
find(const struct model *m, const char *s)
{
	return s != NULL ? strtab_find(m->strings, s, strlen(s)) : 0;
}

/* The SLA an OLA's terms support: the link front matter made, else its id. */
static int
supported(const struct model *m, const struct agreement *a)
{
	if (a->kind != AGREEMENT_OLA || a->supports == NULL)
		return -1;
	if (a->supports_index >= 0 && a->supports_index < m->nagreements)
		return a->supports_index;
	return model_find_agreement(m, a->supports);
}

static struct item_rules *
rules_new(const struct model *m)
{
	struct item_rules *ir = xcalloc(1, sizeof *ir);
	int i, j, k, t;

	ir->m = m;
	ir->n = m->nagreements;
	ir->r = xcalloc((size_t)ir->n + 1, sizeof *ir->r);
	for (i = 0; i < ir->n; i++) {
		const struct agreement *a = &m->agreements[i];
		struct rule *r = &ir->r[i];
		int s;

		r->ag = a;
		r->provider = find(m, a->provider);
		r->nterms = agreement_nterms(a);
		r->terms = xcalloc((size_t)r->nterms, sizeof *r->terms);
		for (t = 0; t < r->nterms; t++) {
			const struct agreement *ta = agreement_terms(a, t);
			struct rule_terms *rt = &r->terms[t];
			rt->nmatch = ta->nmatch;
			rt->match = xcalloc((size_t)ta->nmatch + 1, sizeof *rt->match);
			for (j = 0; j < ta->nmatch; j++) {
				struct match_ids *mi = &rt->match[j];
				mi->key = match_key(ta->match[j].field);
				mi->n = ta->match[j].nvalues;
				mi->ids = xcalloc((size_t)mi->n + 1, sizeof *mi->ids);
				for (k = 0; k < mi->n; k++)
					mi->ids[k] = find(m, ta->match[j].values[k]);
			}
			/* Under every SLA some terms of the OLA support, once. */
			if ((s = supported(m, ta)) >= 0 &&
			    m->agreements[s].kind == AGREEMENT_SLA) {
				struct rule *sr = &ir->r[s];
				for (k = 0; k < sr->nolas && sr->olas[k] != i; k++)
					;
				if (k < sr->nolas)
					continue;
				sr->olas = xrealloc(sr->olas,
				    (size_t)(sr->nolas + 1) * sizeof *sr->olas);
				sr->olas[sr->nolas++] = i;
			}
		}
	}
	return ir;
}

static void
rules_free(struct item_rules *ir)
{
	int i, j, t;

	if (ir == NULL)
		return;
	for (i = 0; i < ir->n; i++) {
		for (t = 0; t < ir->r[i].nterms; t++) {
			for (j = 0; j < ir->r[i].terms[t].nmatch; j++)
				free(ir->r[i].terms[t].match[j].ids);
			free(ir->r[i].terms[t].match);
		}
		free(ir->r[i].terms);
		free(ir->r[i].sev.text);
		free(ir->r[i].sev.index);
		free(ir->r[i].olas);
	}
	free(ir->r);
	free(ir);
}

static uint32_t
event_field(const struct event *e, enum match_key k)
{
	switch (k) {
	case MK_REQUESTER: return e->requester;
	case MK_SERVICE: return e->service;
	case MK_KIND: return e->kind;
	case MK_TEAM: return e->team;
	case MK_SEVERITY: return e->severity;
	case MK_TITLE: return e->title;
	case MK_ID: return e->item;
	default: return 0;
	}
}

/* Whether every match field of rule r, in the terms in force at the event,
 * equals the event's (a list: any of). */
static bool
rule_matches(const struct rule *r, const struct event *e)
{
	const struct rule_terms *rt = &r->terms[r->nterms > 1 ?
	    agreement_terms_index(r->ag, e->at) : 0];
	int j, k;

	if (rt->nmatch == 0)
		return false;	/* an SLA without match matches nothing */
	for (j = 0; j < rt->nmatch; j++) {
		uint32_t v = event_field(e, rt->match[j].key);
		bool any = false;
		for (k = 0; k < rt->match[j].n && !any; k++)
			any = v != 0 && rt->match[j].ids[k] == v;
		if (!any)
			return false;
	}
	return true;
}

bool
items_rule_matches(const struct items *its, int a, const struct event *e)
{
	return rule_matches(&its->rules->r[a], e);
}

static int
match_sla(const struct model *m, const struct item_rules *ir, const struct event *e)
{
	int i, found = ITEM_NONE;

	for (i = 0; i < m->nagreements; i++) {
		if (m->agreements[i].kind != AGREEMENT_SLA || !rule_matches(&ir->r[i], e))
			continue;
		if (found != ITEM_NONE)
			return ITEM_SEVERAL;
		found = i;
	}
	return found;
}

struct items *
items_scan(const struct model *m)
{
	struct items *its = xcalloc(1, sizeof *its);
	size_t i, j, cap = 0;

	its->rules = rules_new(m);
	for (i = 0; i < m->nevents; i = j) {
		struct item it;
		void *p = its->v;

		it.first = i;
		it.opened = it.named = it.excluded = ITEM_NO_EVENT;
		it.named_agreement = ITEM_NONE;
		it.matched = ITEM_NONE;
		for (j = i; j < m->nevents && m->events[j].item == m->events[i].item; j++) {
			const struct event *e = &m->events[j];
			if (it.opened == ITEM_NO_EVENT && e->type == EVENT_OPENED)
				it.opened = j;
			if (it.named == ITEM_NO_EVENT && e->agreement != 0)
				it.named = j;
			/* Before opened it is ignored, as every event (SPEC §5). */
			if (it.excluded == ITEM_NO_EVENT && e->type == EVENT_EXCLUDED &&
			    it.opened != ITEM_NO_EVENT)
				it.excluded = j;
		}
		it.end = j;
		if (it.named != ITEM_NO_EVENT) {
			int a = model_find_agreement(m,
			    strtab_get(m->strings, m->events[it.named].agreement));
			it.named_agreement = a >= 0 ? a : ITEM_NONE;
		}
		if (it.opened != ITEM_NO_EVENT)
			it.matched = match_sla(m, its->rules, &m->events[it.opened]);
		xgrow(&p, &cap, its->n + 1, sizeof *its->v);
		its->v = p;
		its->v[its->n++] = it;
	}
	return its;
}

void
items_free(struct items *its)
{
	if (its == NULL)
		return;
	rules_free(its->rules);
	free(its->v);
	free(its);
}

int
items_final_agreement(const struct item *it)
{
	if (it->named != ITEM_NO_EVENT)
		return it->named_agreement;
	return it->matched;
}

int
items_month_of(const struct tz *z, sla_time t)
{
	int y, mo, d;

	civil_from_days(civil_day_of(z != NULL ? tz_utc_to_local(z, t) : t), &y, &mo, &d);
	return y * 12 + mo - 1;
}

sla_time
items_month_start(const struct tz *z, int ym)
{
	sla_time local = civil_days(ym / 12, ym % 12 + 1, 1) * 86400;

	return z != NULL ? tz_local_to_utc(z, local) : local;
}

bool
items_match_used(const struct model *m, const struct item *it, int x)
{
	sla_time opened, named, end;

	if (it->opened == ITEM_NO_EVENT || x < 0)
		return false;
	if (it->named == ITEM_NO_EVENT)
		return true;
	opened = m->events[it->opened].at;
	named = m->events[it->named].at;
	end = items_month_start(m->agreements[x].zone,
	    items_month_of(m->agreements[x].zone, opened) + 1);
	/* A report for the month ending at `end` reads no agreement field. */
	return end <= named;
}

int
items_severity(struct items *its, int a, uint32_t s)
{
	struct sev_cache *c = &its->rules->r[a].sev;
	const struct agreement *ag = &its->rules->m->agreements[a];
	const struct severity *sv;
	const char *text;
	size_t i;
	void *p;
	int idx = -1;

	for (i = 0; i < c->n; i++)
		if (c->text[i] == s)
			return c->index[i];
	text = strtab_get(its->rules->m->strings, s);
	if (text != NULL && (sv = agreement_find_severity(ag, text)) != NULL)
		idx = (int)(sv - ag->severities);
	if (its->rules->frozen)
		return idx;	/* threads may be reading the cache */
	p = c->text;
	xgrow(&p, &c->cap, c->n + 1, sizeof *c->text);
	c->text = p;
	c->index = xrealloc(c->index, c->cap * sizeof *c->index);
	c->text[c->n] = s;
	c->index[c->n++] = idx;
	return idx;
}

void
items_freeze_severities(struct items *its)
{
	const struct model *m = its->rules->m;
	uint32_t n = strtab_count(m->strings);
	unsigned char *seen = xcalloc((size_t)n + 1, 1);
	size_t i;
	int a;

	for (i = 0; i < m->nevents; i++) {
		uint32_t s = m->events[i].severity;
		if (s == 0 || s >= n || seen[s])
			continue;
		seen[s] = 1;
		for (a = 0; a < its->rules->n; a++)
			(void)items_severity(its, a, s);
	}
	free(seen);
	its->rules->frozen = true;
}

int
items_ola_severity(struct items *its, int ola, int sla, uint32_t s)
{
	const struct model *m = its->rules->m;
	const struct agreement *o = &m->agreements[ola];
	const struct severity *sv;
	int k = items_severity(its, ola, s), ks;

	if (k >= 0 || sla < 0 || (ks = items_severity(its, sla, s)) < 0)
		return k;
	/* "Critical" on the SLA's key 1 finds the OLA's key 1. */
	sv = agreement_find_severity(o, m->agreements[sla].severities[ks].key);
	return sv != NULL ? (int)(sv - o->severities) : -1;
}

int
items_olas(const struct items *its, int a, const int **v)
{
	*v = its->rules->r[a].olas;
	return its->rules->r[a].nolas;
}

uint32_t
items_provider(const struct items *its, int a)
{
	return its->rules->r[a].provider;
}

void
items_count(const struct model *m, struct items *its, uint64_t *skipped,
    uint64_t *unassigned)
{
	size_t i;

	*skipped = *unassigned = 0;
	for (i = 0; i < its->n; i++) {
		const struct item *it = &its->v[i];
		int x = items_final_agreement(it);
		if (it->opened == ITEM_NO_EVENT)
			(*skipped)++;
		else if (x < 0)
			(*unassigned)++;
		else if (items_severity(its, x, m->events[it->opened].severity) < 0)
			(*skipped)++;
	}
}
