/* kpi.c: runs every item's clocks once and sums the facts per agreement × month × severity. */
#include "kpi.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "calendar.h"
#include "clock.h"
#include "items.h"
#include "kpi_int.h"
#include "maintenance.h"

/* Calendars are compiled over the events' span plus this much either side. */
#define CALENDAR_MARGIN (3 * 86400)

static int
month_of_site(const struct model *m, sla_time t)
{
	return items_month_of(m->site.zone, t);
}

/* Both read the span model_sort_events records: scanning a million events
 * for it, four times a run, cost more than the sort's one comparison. */
int
kpi_first_month(const struct model *m)
{
	return m->nevents > 0 ? month_of_site(m, m->earliest_at) : -1;
}

int
kpi_default_period(const struct model *m)
{
	/* The month holding the latest event has not ended yet; the one before
	 * it ended at or before that event. */
	return m->nevents > 0 ? month_of_site(m, m->latest_at) - 1 : -1;
}

void
kpi_format_month(int ym, char out[8])
{
	civil_format_month(ym / 12, ym % 12 + 1, out);
}

int
kpi_parse_month(const char *s)
{
	int y = 0, mo = 0, i;

	if (s == NULL || strlen(s) != 7 || s[4] != '-')
		return -1;
	for (i = 0; i < 7; i++) {
		if (i == 4)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (i < 4)
			y = y * 10 + (s[i] - '0');
		else
			mo = mo * 10 + (s[i] - '0');
	}
	if (y < CIVIL_MIN_YEAR || y > CIVIL_MAX_YEAR || mo < 1 || mo > 12)
		return -1;
	return y * 12 + mo - 1;
}

static const struct tz *
zone_of(const struct model *m, const struct agreement *a)
{
	return a->zone != NULL ? a->zone : m->site.zone;
}

static struct calendar *
compile(struct engine *g, const struct calendar_spec *spec, sla_time from, sla_time to)
{
	struct calendar *c = calendar_compile(spec, from, to);

	g->owned = xrealloc(g->owned, (size_t)(g->nowned + 1) * sizeof *g->owned);
	g->owned[g->nowned++] = c;
	return c;
}

/* The calendars of one terms of an agreement, per severity, into cal. */
static void
setup_terms(struct engine *g, const struct agreement *ag, const struct calendar **cal,
    sla_time from, sla_time to)
{
	struct calendar *own = compile(g, &ag->calendar, from, to);
	/* Windows for some severities only need calendars of their own. */
	bool apart = maintenance_per_severity(ag);
	int k;

	maintenance_subtract(own, ag, -1);
	for (k = 0; k < ag->nseverities; k++) {
		const struct severity *sv = &ag->severities[k];
		struct calendar *c;
		if (!sv->has_calendar && !apart) {
			cal[k] = own;
			continue;
		}
		c = compile(g, sv->has_calendar ? &sv->calendar : &ag->calendar, from, to);
		maintenance_subtract(c, ag, k);
		cal[k] = c;
	}
}

/* Period tables and calendars for every agreement. */
static void
setup(struct engine *g, int ym0, int nmonths, sla_time first_event, sla_time *stop)
{
	const struct model *m = g->m;
	sla_time cal_to = INT64_MIN;	/* due clocks reach to the month's end */
	int a, k;

	*stop = INT64_MIN;
	g->pt = xcalloc((size_t)m->nagreements + 1, sizeof *g->pt);
	for (a = 0; a < m->nagreements; a++) {
		const struct tz *z = zone_of(m, &m->agreements[a]);
		struct period_table *pt = &g->pt[a];
		pt->ym0 = ym0;
		pt->n = nmonths;
		pt->start = xmalloc(((size_t)nmonths + 1) * sizeof *pt->start);
		for (k = 0; k <= nmonths; k++)
			pt->start[k] = items_month_start(z, ym0 + k);
		/* The month in progress (SPEC §8 Month to date) is read up to the
		 * data-as-of instant, the latest event, inclusive. */
		if (m->nevents > 0 && pt->start[nmonths - 1] <= m->latest_at &&
		    m->latest_at < pt->start[nmonths]) {
			pt->month_end = pt->start[nmonths];
			pt->start[nmonths] = m->latest_at + 1;
		}
		*stop = pt->start[nmonths] > *stop ? pt->start[nmonths] : *stop;
		if (pt->month_end > cal_to)
			cal_to = pt->month_end;
	}
	if (*stop > cal_to)
		cal_to = *stop;
	g->cal = xcalloc((size_t)m->nagreements + 1, sizeof *g->cal);
	for (a = 0; a < m->nagreements; a++) {
		const struct agreement *ag = &m->agreements[a];
		int nsev = ag->nseverities, t, nt = agreement_nterms(ag);
		g->cal[a] = xcalloc((size_t)(nt * nsev) + 1, sizeof *g->cal[a]);
		for (t = 0; t < nt; t++)
			setup_terms(g, agreement_terms(ag, t), g->cal[a] + t * nsev,
			    first_event - CALENDAR_MARGIN, cal_to + CALENDAR_MARGIN);
	}
}

static void
add_duration(struct durations *d, int64_t v)
{
	void *p = d->v;

	xgrow(&p, &d->cap, d->n + 1, sizeof *d->v);
	d->v = p;
	d->v[d->n++] = v;
}

static bool
in_scale(const struct agreement *ag, double s)
{
	return ag->satisfaction_scale == SCALE_NPS ? s >= 0 && s <= 10 : s >= 1 && s <= 5;
}

static void
add_breach(struct engine *g, struct kpi_period *P, size_t *cap, struct fact *f)
{
	struct kpi_breach *b;
	void *v = P->breaches;

	xgrow(&v, cap, P->nbreaches + 1, sizeof *P->breaches);
	P->breaches = v;
	b = &P->breaches[P->nbreaches++];
	b->item = f->item;
	b->id = strtab_get(g->m->strings, f->item);
	b->title = f->title;
	b->team = f->team;
	b->sev = f->sev;
	b->clock = f->clock;
	b->at = f->at;
	b->nseg = f->nseg;
	b->seg = f->seg;
	b->over_s = -1;
	f->seg = NULL;	/* taken */
}

/* The item's breach of the month, among the last added (an item's facts
 * come together, in order): how far over it is at the month's end. */
static void
set_over(struct kpi_period *P, const struct fact *f)
{
	for (size_t k = P->nbreaches; k-- > 0 && P->breaches[k].item == f->item;)
		if (P->breaches[k].clock == f->clock) {
			P->breaches[k].over_s = f->seconds;
			return;
		}
}

static void
add_exclusion(struct engine *g, struct kpi_period *P, size_t *cap, const struct fact *f)
{
	struct kpi_exclusion *x;
	void *v = P->exclusions;

	xgrow(&v, cap, P->nexclusions + 1, sizeof *P->exclusions);
	P->exclusions = v;
	x = &P->exclusions[P->nexclusions++];
	memset(x, 0, sizeof *x);
	x->kind = KPI_EXCL_ITEM;
	x->window = -1;
	x->item = f->item;
	x->id = strtab_get(g->m->strings, f->item);
	x->title = f->title;
	x->reason = f->team;
	x->at = f->at;
}

static void
add_due(struct engine *g, struct kpi_period *P, size_t *cap, const struct fact *f)
{
	struct kpi_due *d;
	void *v = P->due;

	xgrow(&v, cap, P->ndue + 1, sizeof *P->due);
	P->due = v;
	d = &P->due[P->ndue++];
	d->item = f->item;
	d->id = strtab_get(g->m->strings, f->item);
	d->title = f->title;
	d->team = f->team;
	d->sev = f->sev;
	d->clock = f->clock;
	d->due = f->at;
}

/* Adds one fact to its agreement's month (one of the report's months). */
static void
add_fact(struct engine *g, struct fact *f)
{
	const struct agreement *ag = &g->m->agreements[f->agreement];
	struct agg *sums = &g->agg[f->agreement];
	int p = f->period - g->first, nsev = ag->nseverities;
	struct kpi_period *P;
	struct kpi_row *row, *tot;

	if (p < 0)
		return;		/* a month before the report's first */
	P = &g->r->agreements[f->agreement].periods[p];
	ag = agreement_terms(ag, P->terms);	/* the month's volume and scale */
	row = f->sev >= 0 && f->sev < nsev ? &P->rows[f->sev] : NULL;
	tot = &P->rows[nsev];
	switch (f->kind) {
	case FACT_OPENED:
		tot->opened++;
		if (row != NULL)
			row->opened++;
		if (ag->has_volume && ag->volume_metric == VOLUME_VALUE)
			P->volume_actual += isnan(f->num) ? 0 : f->num;
		else
			P->volume_actual += 1;
		break;
	case FACT_BREACH:
		figures(tot, f->clock)->breached++;
		if (row != NULL)
			figures(row, f->clock)->breached++;
		add_breach(g, P, &sums->capb[p], f);
		break;
	case FACT_ENDED:
		if (f->met) {
			figures(tot, f->clock)->met++;
			if (row != NULL)
				figures(row, f->clock)->met++;
		}
		add_duration(durations(g, f->agreement, p, nsev, f->clock), f->seconds);
		if (row != NULL)
			add_duration(durations(g, f->agreement, p, f->sev, f->clock),
			    f->seconds);
		if (f->clock == KPI_RESOLUTION) {
			tot->resolved++;
			if (row != NULL)
				row->resolved++;
			sums->reassign[p] += f->reassignments;
			sums->ended[p]++;
		}
		break;
	case FACT_OVER:
		set_over(P, f);
		break;
	case FACT_BACKLOG:
		tot->backlog++;
		if (row != NULL)
			row->backlog++;
		break;
	case FACT_REOPENED:
		P->reopened_events++;
		break;
	case FACT_RESOLVED:
		P->resolved_events++;
		break;
	case FACT_MAINTENANCE:
		for (size_t k = 0; k < P->nexclusions; k++)
			if (P->exclusions[k].kind == KPI_EXCL_MAINTENANCE &&
			    P->exclusions[k].window == f->sev)
				P->exclusions[k].items++;
		break;
	case FACT_EXCLUDED:
		add_exclusion(g, P, &sums->capx[p], f);
		break;
	case FACT_DUE:
		add_due(g, P, &sums->capd, f);
		break;
	case FACT_RATED:
		if (!ag->has_satisfaction || !in_scale(ag, f->num))
			break;	/* reported by items_check */
		P->rated++;
		sums->promoters[p] += f->num >= 9;
		sums->detractors[p] += f->num <= 6;
		sums->good[p] += f->num >= 4;
		break;
	default:
		break;
	}
}

/* Whether a fact belongs to this replay: for a replay under the matched SLA,
 * months whose end comes no later than the first agreement field; under the
 * named agreement, the others. */
static bool
keep(const struct engine *g, const struct fact *f, enum side side, sla_time named_at)
{
	sla_time end;

	if (side == SIDE_ALL)
		return true;
	end = g->pt[f->agreement].start[f->period + 1];
	return side == SIDE_AFTER_NAMED ? named_at < end : named_at >= end;
}

/* Facts of a block of items, held by one thread until the block's turn. */
struct fact_buf {
	struct fact *v;
	size_t n, cap;
};

/* Applies a fact now (out NULL) or keeps a copy in out, which then owns the
 * fact's timeline. */
static void
emit(struct engine *g, struct fact *f, struct fact_buf *out)
{
	void *p;

	if (out == NULL) {
		add_fact(g, f);
		return;
	}
	p = out->v;
	xgrow(&p, &out->cap, out->n + 1, sizeof *out->v);
	out->v = p;
	out->v[out->n++] = *f;
	f->seg = NULL;
}

/* Whether an excluded item loses fact f (SPEC §8: every outcome of a month
 * that ends after the exclusion; opened, backlog and ratings stay). */
static bool
excluded_from(const struct engine *g, const struct fact *f, sla_time xat)
{
	switch (f->kind) {
	case FACT_BREACH:
	case FACT_OVER:
	case FACT_ENDED:
	case FACT_REOPENED:
	case FACT_RESOLVED:
	case FACT_DUE:
		return xat < g->pt[f->agreement].start[f->period + 1];
	default:
		return false;
	}
}

/* The item's last title among its events before instant end. */
static uint32_t
title_before(const struct model *m, const struct item *it, sla_time end)
{
	uint32_t title = 0;
	size_t i;

	for (i = it->first; i < it->end && m->events[i].at < end; i++)
		if (m->events[i].title != 0)
			title = m->events[i].title;
	return title;
}

/* An excluded item's facts: those the exclusion takes out are dropped, and
 * each month of each agreement it touches gets one ledger line: the months
 * that lose something, and the month holding the excluded event. */
static void
run_excluded(struct engine *g, const struct item *it, struct fact *f, size_t n,
    enum side side, sla_time named_at, struct fact_buf *out)
{
	const struct event *xe = &g->m->events[it->excluded];
	struct fact line;
	struct { int a, p; } *led = NULL;
	size_t nled = 0, capled = 0, i, k;
	int *seen = NULL, nseen = 0;

	seen = xcalloc((size_t)g->m->nagreements + 1, sizeof *seen);
	for (i = 0; i < n; i++) {
		int a = f[i].agreement;
		if (!keep(g, &f[i], side, named_at))
			continue;
		for (k = 0; k < (size_t)nseen && seen[k] != a; k++)
			;
		if (k == (size_t)nseen)
			seen[nseen++] = a;
		if (!excluded_from(g, &f[i], xe->at)) {
			emit(g, &f[i], out);
			continue;
		}
		for (k = 0; k < nled && (led[k].a != a || led[k].p != f[i].period); k++)
			;
		if (k == nled) {
			void *v = led;
			xgrow(&v, &capled, nled + 1, sizeof *led);
			led = v;
			led[nled].a = a;
			led[nled++].p = f[i].period;
		}
	}
	for (k = 0; k < (size_t)nseen; k++) {
		const struct period_table *pt = &g->pt[seen[k]];
		int p = period_of(pt, xe->at);
		size_t j;
		memset(&line, 0, sizeof line);
		line.agreement = seen[k];
		line.period = p;
		if (p < 0 || p >= pt->n || !keep(g, &line, side, named_at))
			continue;
		for (j = 0; j < nled && (led[j].a != seen[k] || led[j].p != p); j++)
			;
		if (j == nled) {
			void *v = led;
			xgrow(&v, &capled, nled + 1, sizeof *led);
			led = v;
			led[nled].a = seen[k];
			led[nled++].p = p;
		}
	}
	for (k = 0; k < nled; k++) {
		memset(&line, 0, sizeof line);
		line.kind = FACT_EXCLUDED;
		line.agreement = led[k].a;
		line.period = led[k].p;
		line.sev = -1;
		line.at = xe->at;
		line.item = xe->item;
		line.team = event_reason(xe);
		line.title = title_before(g->m, it, g->pt[led[k].a].start[led[k].p + 1]);
		emit(g, &line, out);
	}
	free(led);
	free(seen);
}

static void
run(struct engine *g, struct replay *rp, const struct item *it, int x, enum side side,
    sla_time named_at, struct fact_buf *out)
{
	struct fact *f;
	size_t n, i;

	if (x < 0)
		return;
	n = replay_item(rp, it, x, &f);
	if (it->excluded != ITEM_NO_EVENT) {
		run_excluded(g, it, f, n, side, named_at, out);
		return;
	}
	for (i = 0; i < n; i++)
		if (keep(g, &f[i], side, named_at))
			emit(g, &f[i], out);
}

/* The replays of one item: one per agreement it falls under in some month. */
static void
replay_one(struct engine *g, struct replay *rp, const struct item *it,
    struct fact_buf *out)
{
	sla_time opened, named_at;

	if (it->opened == ITEM_NO_EVENT)
		return;
	if (it->named == ITEM_NO_EVENT) {
		run(g, rp, it, it->matched, SIDE_ALL, 0, out);
		return;
	}
	opened = g->m->events[it->opened].at;
	named_at = g->m->events[it->named].at;
	/* Every month counting the item ends after it opened; if the name came
	 * no later, every such month reads it. */
	if (named_at <= opened || it->named_agreement == it->matched) {
		run(g, rp, it, it->named_agreement, SIDE_ALL, 0, out);
		return;
	}
	run(g, rp, it, it->matched, SIDE_BEFORE_NAMED, named_at, out);
	run(g, rp, it, it->named_agreement, SIDE_AFTER_NAMED, named_at, out);
}

/*
 * Replaying items is independent work; summing their facts is not (sums of
 * doubles depend on their order, and breach lists grow in it). So threads
 * replay blocks of items in parallel and take turns, block by block in item
 * order, to apply what they found: the report is the same, byte for byte, as
 * one thread's. Worker t takes blocks t, t + nthreads, …
 */
#define REPLAY_BLOCK 256	/* items per block */
#define MAX_REPLAY_THREADS 4

struct replay_pool {
	struct engine *g;
	const struct replay_env *env;
	size_t nblocks;
	int nthreads;
	bool go;			/* nthreads is final */
	size_t turn;			/* the block whose facts go in next */
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

struct replay_worker {
	struct replay_pool *p;
	int t;
	pthread_t thread;
};

static void *
replay_worker(void *arg)
{
	struct replay_worker *w = arg;
	struct replay_pool *p = w->p;
	struct replay *rp = replay_new(p->env);
	struct fact_buf buf = { 0 };
	const struct items *its = p->g->its;
	size_t b, i, k;

	pthread_mutex_lock(&p->lock);
	while (!p->go)
		pthread_cond_wait(&p->cond, &p->lock);
	pthread_mutex_unlock(&p->lock);
	for (b = (size_t)w->t; b < p->nblocks; b += (size_t)p->nthreads) {
		size_t end = (b + 1) * REPLAY_BLOCK < its->n ? (b + 1) * REPLAY_BLOCK : its->n;
		for (i = b * REPLAY_BLOCK; i < end; i++)
			replay_one(p->g, rp, &its->v[i], &buf);
		pthread_mutex_lock(&p->lock);
		while (p->turn != b)
			pthread_cond_wait(&p->cond, &p->lock);
		pthread_mutex_unlock(&p->lock);
		for (k = 0; k < buf.n; k++) {
			add_fact(p->g, &buf.v[k]);
			free(buf.v[k].seg);	/* NULL when a breach took it */
		}
		buf.n = 0;
		pthread_mutex_lock(&p->lock);
		p->turn++;
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
	}
	replay_free(rp);
	free(buf.v);
	return NULL;
}

/* Replays every item on up to nthreads threads (the caller's among them). */
static void
replay_all(struct engine *g, const struct replay_env *env, int nthreads)
{
	struct replay_pool p;
	struct replay_worker w[MAX_REPLAY_THREADS];
	int t, started = 1;

	memset(&p, 0, sizeof p);
	p.g = g;
	p.env = env;
	p.nblocks = (g->its->n + REPLAY_BLOCK - 1) / REPLAY_BLOCK;
	if (nthreads > MAX_REPLAY_THREADS)
		nthreads = MAX_REPLAY_THREADS;
	if ((size_t)nthreads > p.nblocks)
		nthreads = (int)p.nblocks;
	if (nthreads < 2) {
		struct replay *rp = replay_new(env);
		size_t i;
		for (i = 0; i < g->its->n; i++)
			replay_one(g, rp, &g->its->v[i], NULL);
		replay_free(rp);
		return;
	}
	items_freeze_severities(g->its);
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.cond, NULL);
	for (t = 0; t < nthreads; t++) {
		w[t].p = &p;
		w[t].t = t;
	}
	for (t = 1; t < nthreads; t++, started++)
		if (pthread_create(&w[t].thread, NULL, replay_worker, &w[t]) != 0)
			break;
	pthread_mutex_lock(&p.lock);
	p.nthreads = started;
	p.go = true;
	pthread_cond_broadcast(&p.cond);
	pthread_mutex_unlock(&p.lock);
	replay_worker(&w[0]);
	for (t = 1; t < started; t++)
		pthread_join(w[t].thread, NULL);
	pthread_mutex_destroy(&p.lock);
	pthread_cond_destroy(&p.cond);
}

/* The ledger starts with the windows that overlap the month. */
static void
ledger_windows(const struct agreement *ag, struct kpi_period *P, size_t *cap)
{
	int w;

	for (w = 0; w < ag->nmaintenance; w++) {
		const struct maintenance_window *mw = &ag->maintenance[w];
		void *v = P->exclusions;
		if (mw->to <= P->start || mw->from >= P->end)
			continue;
		xgrow(&v, cap, P->nexclusions + 1, sizeof *P->exclusions);
		P->exclusions = v;
		memset(&P->exclusions[P->nexclusions], 0, sizeof *P->exclusions);
		P->exclusions[P->nexclusions].kind = KPI_EXCL_MAINTENANCE;
		P->exclusions[P->nexclusions++].window = w;
	}
}

/* The report skeleton: every agreement with every month of the range. */
static void
allocate(struct engine *g, int nper)
{
	const struct model *m = g->m;
	struct kpi_report *r = g->r;
	size_t np = (size_t)nper + 1;
	int a, p;

	r->nagreements = m->nagreements;
	r->agreements = xcalloc((size_t)m->nagreements + 1, sizeof *r->agreements);
	g->agg = xcalloc((size_t)m->nagreements + 1, sizeof *g->agg);
	for (a = 0; a < m->nagreements; a++) {
		struct kpi_agreement *ka = &r->agreements[a];
		struct agg *sums = &g->agg[a];
		int rows = m->agreements[a].nseverities + 1;
		sums->rows = rows;
		sums->dur = xcalloc(np * (size_t)rows * 2, sizeof *sums->dur);
		sums->capb = xcalloc(np, sizeof *sums->capb);
		sums->promoters = xcalloc(np, sizeof *sums->promoters);
		sums->detractors = xcalloc(np, sizeof *sums->detractors);
		sums->good = xcalloc(np, sizeof *sums->good);
		sums->reassign = xcalloc(np, sizeof *sums->reassign);
		sums->ended = xcalloc(np, sizeof *sums->ended);
		sums->capx = xcalloc(np, sizeof *sums->capx);
		ka->index = a;
		ka->nperiods = nper;
		ka->periods = xcalloc(np, sizeof *ka->periods);
		for (p = 0; p < nper; p++) {
			struct kpi_period *P = &ka->periods[p];
			P->ym = r->from_ym + p;
			P->start = g->pt[a].start[g->first + p];
			P->end = g->pt[a].start[g->first + p + 1];
			P->terms = agreement_terms_index(&m->agreements[a], P->start);
			if (p == nper - 1 && g->pt[a].month_end != 0) {
				P->partial = true;
				P->as_of = m->latest_at;
				P->end = g->pt[a].month_end;
			}
			P->nrows = rows;
			P->rows = xcalloc((size_t)rows, sizeof *P->rows);
			ledger_windows(&m->agreements[a], P, &sums->capx[p]);
		}
	}
}

static void
engine_free(struct engine *g, int nper)
{
	int a, k;

	for (a = 0; a < g->m->nagreements; a++) {
		if (g->agg != NULL) {
			struct agg *sums = &g->agg[a];
			for (k = 0; sums->dur != NULL && k < (nper + 1) * sums->rows * 2; k++)
				free(sums->dur[k].v);
			free(sums->dur);
			free(sums->capb);
			free(sums->promoters);
			free(sums->detractors);
			free(sums->good);
			free(sums->reassign);
			free(sums->ended);
			free(sums->capx);
		}
		if (g->pt != NULL)
			free(g->pt[a].start);
		if (g->cal != NULL)
			free(g->cal[a]);
	}
	free(g->agg);
	free(g->pt);
	free(g->cal);
	for (k = 0; k < g->nowned; k++)
		calendar_free(g->owned[k]);
	free(g->owned);
	items_free(g->its);
}

struct kpi_report *
kpi_compute(const struct model *m, int from_ym, int to_ym)
{
	return kpi_compute_threads(m, from_ym, to_ym, 0);
}

struct kpi_report *
kpi_compute_threads(const struct model *m, int from_ym, int to_ym, int nthreads)
{
	struct kpi_report *r = xcalloc(1, sizeof *r);
	struct engine g;
	struct replay_env env;
	sla_time first_event = INT64_MAX, stop;
	int first_month = kpi_first_month(m), nper = 0, ym0, a, p;

	memset(&g, 0, sizeof g);
	g.m = m;
	g.r = r;
	if (from_ym < 0)
		from_ym = first_month;
	if (to_ym < 0)
		to_ym = kpi_default_period(m);
	if (from_ym < 0 || to_ym < 0 || from_ym > to_ym)
		from_ym = to_ym = -1;
	else
		nper = to_ym - from_ym + 1;
	r->from_ym = from_ym;
	r->to_ym = to_ym;
	if (m->nevents > 0)
		first_event = m->earliest_at;
	/* The tables start a month early: agreement zones may differ from the
	 * site's by up to a day. */
	ym0 = (first_month >= 0 && first_month < from_ym ? first_month : from_ym) - 1;
	g.first = from_ym - ym0;
	g.its = items_scan(m);
	items_count(m, g.its, &r->quality.items_skipped, &r->quality.items_unassigned);
	r->quality.events_read = m->quality.events_read;
	r->quality.events_skipped = m->quality.events_skipped;
	r->quality.events_duplicate = m->quality.events_duplicate;
	if (nper == 0) {
		allocate(&g, 0);
		engine_free(&g, 0);
		return r;
	}
	if (first_event == INT64_MAX)	/* no events: keep the calendars small */
		first_event = items_month_start(m->site.zone, ym0);
	setup(&g, ym0, to_ym - ym0 + 1, first_event, &stop);
	allocate(&g, nper);
	env.m = m;
	env.its = g.its;
	env.periods = g.pt;
	env.cal = (const struct calendar *const *const *)g.cal;
	env.stop = stop;
	if (nthreads <= 0) {
		long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		nthreads = ncpu < 1 ? 1 : ncpu > MAX_REPLAY_THREADS ? MAX_REPLAY_THREADS : (int)ncpu;
	}
	replay_all(&g, &env, nthreads);
	for (a = 0; a < m->nagreements; a++)
		for (p = 0; p < nper; p++)
			kpi_finish_period(&g, a, p);
	engine_free(&g, nper);
	return r;
}

void
kpi_report_free(struct kpi_report *r)
{
	int a, p;
	size_t b;

	if (r == NULL)
		return;
	for (a = 0; a < r->nagreements; a++) {
		for (p = 0; p < r->agreements[a].nperiods; p++) {
			struct kpi_period *P = &r->agreements[a].periods[p];
			for (b = 0; b < P->nbreaches; b++)
				free(P->breaches[b].seg);
			free(P->breaches);
			free(P->exclusions);
			free(P->due);
			free(P->rows);
		}
		free(r->agreements[a].periods);
	}
	free(r->agreements);
	free(r);
}
