/* clock.c: one pass over an item's events runs its clocks and yields the facts of every month. */
#include "clock.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "maintenance.h"

/*
 * Why one pass serves every month: a report for month P reads only the events
 * before P's end E, and nothing read after E can change what happened before
 * E. So the replay walks all events once and, each time it passes a month end
 * E, records what a report for that month would see: a clock live at E is in
 * the backlog; a clock whose last end before E lies in the month and that is
 * not live at E ended there. Breaches are dated by their instant.
 *
 * Instants are whole seconds; the accumulated time at instant t is the working
 * time in [start, t). A clock exceeds target T at the first t with acc(t) > T,
 * that is acc(t) = T + 1; events at t cannot undo that (the excess happened in
 * the second before t), so a breach at t counts even when t ends the clock,
 * and a severity change at t applies only from t on.
 */

enum clock_role { ROLE_RESPONSE, ROLE_RESOLUTION, ROLE_OLA };
enum hist_state { H_NONE, H_RUNNING, H_PAUSED, H_STOPPED };

/* A change of a clock's state, for timelines. */
struct hist {
	sla_time at;
	uint8_t state;
	const struct calendar *cal;
};

struct clk {
	uint8_t role;
	int a;				/* agreement index */
	const struct agreement *ag;
	const struct period_table *pt;
	uint32_t team;			/* OLA: its provider's strtab id */
	bool skip;			/* the item does not count for this clock */
	bool started;			/* SLA: from opened; OLA: once the team held it */
	bool live, holds, breached, end_pending;
	int ti;				/* terms in force at opened (SPEC §8): ag is
					   agreement_terms(agreement a, ti) */
	int sev;			/* severity in force, -1 none defined yet */
	int64_t acc;			/* business seconds up to seg */
	sla_time seg;			/* instant up to which acc is counted */
	int end_sev;			/* severity and value at the last end */
	int64_t end_acc;
	int pidx;			/* month of the last instant processed */
	int breach_p;			/* month of the breach, when breached */
	struct hist *h;
	size_t nh, caph;
};

struct replay {
	struct replay_env env;
	struct clk *c;
	int nc, capc;
	struct fact *f;
	size_t nf, capf;
	/* the item being replayed */
	const struct item *it;
	int x;
	bool paused, open;
	uint32_t team;
	int reassign;
	double opened_value;
	/* (agreement, window, month) already reported for this item */
	struct { int a, w, p; } *marks;
	size_t nmarks, capmarks;
};

int
period_of(const struct period_table *pt, sla_time t)
{
	int lo = 0, hi = pt->n + 1;

	/* Count the month starts at or before t. */
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (pt->start[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - 1;
}

struct replay *
replay_new(const struct replay_env *env)
{
	struct replay *rp = xcalloc(1, sizeof *rp);

	rp->env = *env;
	return rp;
}

static void
drop_facts(struct replay *rp)
{
	size_t i;

	for (i = 0; i < rp->nf; i++)
		free(rp->f[i].seg);
	rp->nf = 0;
}

void
replay_free(struct replay *rp)
{
	int i;

	if (rp == NULL)
		return;
	drop_facts(rp);
	free(rp->f);
	for (i = 0; i < rp->capc; i++)
		free(rp->c[i].h);
	free(rp->c);
	free(rp->marks);
	free(rp);
}

static const struct event *
ev(const struct replay *rp, size_t i)
{
	return &rp->env.m->events[i];
}

static const struct calendar *
cal_of(const struct replay *rp, const struct clk *c)
{
	return c->sev >= 0 ? rp->env.cal[c->a][c->ti * c->ag->nseverities + c->sev] : NULL;
}

static int64_t
target_of(const struct clk *c)
{
	if (c->sev < 0)
		return -1;
	return c->role == ROLE_RESPONSE ? c->ag->severities[c->sev].response_s :
	    c->ag->severities[c->sev].resolution_s;
}

static bool
running(const struct replay *rp, const struct clk *c)
{
	return c->started && !c->skip && c->live && !rp->paused;
}

static struct fact *
new_fact(struct replay *rp, const struct clk *c, enum fact_kind kind, int p, int sev)
{
	struct fact *f;
	void *v = rp->f;

	if (c->skip || p < 0 || p >= c->pt->n)
		return NULL;
	xgrow(&v, &rp->capf, rp->nf + 1, sizeof *rp->f);
	rp->f = v;
	f = &rp->f[rp->nf++];
	memset(f, 0, sizeof *f);
	f->kind = (uint8_t)kind;
	f->clock = c->role == ROLE_RESPONSE ? KPI_RESPONSE : KPI_RESOLUTION;
	f->agreement = c->a;
	f->period = p;
	f->sev = sev;
	f->num = NAN;
	return f;
}

/* Team holding the item just after instant t: events at t included. */
static uint32_t
team_after(const struct replay *rp, sla_time t)
{
	uint32_t team = 0;
	size_t i;

	for (i = rp->it->opened; i < rp->it->end && ev(rp, i)->at <= t; i++) {
		const struct event *e = ev(rp, i);
		if ((e->type == EVENT_OPENED && i == rp->it->opened) ||
		    e->type == EVENT_ASSIGNED)
			team = e->team;
	}
	return team;
}

/* The item's last title among events before instant end. */
static uint32_t
title_before(const struct replay *rp, sla_time end)
{
	uint32_t title = 0;
	size_t i;

	for (i = rp->it->first; i < rp->it->end && ev(rp, i)->at < end; i++)
		if (ev(rp, i)->title != 0)
			title = ev(rp, i)->title;
	return title;
}

static void
push_seg(struct kpi_segment **v, size_t *n, size_t *cap, uint8_t state, sla_time from,
    sla_time to)
{
	void *p = *v;

	if (to <= from)
		return;
	if (*n > 0 && (*v)[*n - 1].state == state && (*v)[*n - 1].to == from) {
		(*v)[*n - 1].to = to;
		return;
	}
	xgrow(&p, cap, *n + 1, sizeof **v);
	*v = p;
	(*v)[*n].state = state;
	(*v)[*n].from = from;
	(*v)[*n].to = to;
	(*n)++;
}

/* Splits the running stretch [from, to) into working and outside time. */
static void
split_running(const struct calendar *cal, sla_time from, sla_time to,
    struct kpi_segment **v, size_t *n, size_t *cap)
{
	size_t lo = 0, hi = calendar_interval_count(cal), k;
	sla_time s, e, at = from;

	/* The first interval ending after from. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		calendar_interval(cal, mid, &s, &e);
		if (e <= from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (k = lo; k < calendar_interval_count(cal) && at < to; k++) {
		calendar_interval(cal, k, &s, &e);
		if (s >= to)
			break;
		if (s > at)
			push_seg(v, n, cap, KPI_SEG_OUTSIDE, at, s);
		s = s > at ? s : at;
		e = e < to ? e : to;
		push_seg(v, n, cap, KPI_SEG_RUNNING, s, e);
		at = e;
	}
	push_seg(v, n, cap, KPI_SEG_OUTSIDE, at, to);
}

static void
timeline(const struct clk *c, sla_time b, struct fact *f)
{
	size_t k, cap = 0;

	for (k = 0; k < c->nh && c->h[k].at < b; k++) {
		sla_time from = c->h[k].at;
		sla_time to = k + 1 < c->nh && c->h[k + 1].at < b ? c->h[k + 1].at : b;
		switch (c->h[k].state) {
		case H_RUNNING:
			split_running(c->h[k].cal, from, to, &f->seg, &f->nseg, &cap);
			break;
		case H_PAUSED:
			push_seg(&f->seg, &f->nseg, &cap, KPI_SEG_PAUSED, from, to);
			break;
		case H_STOPPED:
			push_seg(&f->seg, &f->nseg, &cap, KPI_SEG_ENDED, from, to);
			break;
		default:
			break;
		}
	}
}

static void
breach(struct replay *rp, struct clk *c, sla_time b)
{
	struct fact *f;
	int p = period_of(c->pt, b);

	c->breached = true;
	c->breach_p = p;
	if ((f = new_fact(rp, c, FACT_BREACH, p, c->sev)) == NULL)
		return;
	f->at = b;
	f->item = ev(rp, rp->it->first)->item;
	f->team = team_after(rp, b);
	f->title = title_before(rp, c->pt->start[p + 1]);
	timeline(c, b, f);
}

/* Notes, once per item, window and month, that c was running (live, not
 * paused) inside a maintenance window during [from, to): the ledger counts the
 * items whose clocks a window stopped (SPEC §8). */
static void
maintenance_touch(struct replay *rp, const struct clk *c, sla_time from, sla_time to)
{
	const struct agreement *ag = c->ag;
	int w, p, last;
	size_t k;

	for (w = 0; w < ag->nmaintenance; w++) {
		const struct maintenance_window *mw = &ag->maintenance[w];
		sla_time lo = from > mw->from ? from : mw->from;
		sla_time hi = to < mw->to ? to : mw->to;
		if (hi <= lo || !maintenance_applies(mw, c->sev))
			continue;
		last = period_of(c->pt, hi - 1);
		for (p = period_of(c->pt, lo); p <= last; p++) {
			struct fact *f;
			void *v = rp->marks;
			for (k = 0; k < rp->nmarks; k++)
				if (rp->marks[k].a == c->a && rp->marks[k].w == w &&
				    rp->marks[k].p == p)
					break;
			if (k < rp->nmarks)
				continue;
			xgrow(&v, &rp->capmarks, rp->nmarks + 1, sizeof *rp->marks);
			rp->marks = v;
			rp->marks[rp->nmarks].a = c->a;
			rp->marks[rp->nmarks].w = w;
			rp->marks[rp->nmarks++].p = p;
			if ((f = new_fact(rp, c, FACT_MAINTENANCE, p, w)) != NULL)
				f->item = ev(rp, rp->it->first)->item;
		}
	}
}

/* Counts the business time of a running clock up to t, dating a breach on the
 * way (at t itself included: see the comment at the top). */
static void
advance(struct replay *rp, struct clk *c, sla_time t)
{
	const struct calendar *cal;
	int64_t tg;

	if (!running(rp, c) || t <= c->seg)
		return;
	if (c->ag->nmaintenance > 0)
		maintenance_touch(rp, c, c->seg, t);
	cal = cal_of(rp, c);
	if (!c->breached && (tg = target_of(c)) >= 0) {
		int64_t need = tg - c->acc + 1;
		sla_time b = need <= 0 ? c->seg : calendar_reach(cal, c->seg, need);
		if (b <= t)
			breach(rp, c, b);
	}
	c->acc += calendar_business_seconds(cal, c->seg, t);
	c->seg = t;
}

/* A live clock whose target is exceeded already (a lower target, a reopen). */
static void
check(struct replay *rp, struct clk *c, sla_time t)
{
	int64_t tg;

	if (c->started && !c->skip && c->live && !c->breached &&
	    (tg = target_of(c)) >= 0 && c->acc > tg)
		breach(rp, c, t);
}

/* Month end E = start[p + 1] passes: what a report for month p sees of c. */
static void
month_end(struct replay *rp, struct clk *c, int p)
{
	struct fact *f;
	int64_t tg;
	sla_time e;

	if (!c->started || c->skip)
		return;
	/* How far over the target the breach of this month is at its end: the
	 * executive summary lists those furthest over. Counted before any event
	 * at or after E, so later events never change it. */
	e = c->pt->start[p + 1];
	/* A breach before E is dated now, as the next event would (advance). */
	if (running(rp, c) && !c->breached && (tg = target_of(c)) >= 0) {
		int64_t need = tg - c->acc + 1;
		sla_time b = need <= 0 ? c->seg : calendar_reach(cal_of(rp, c), c->seg, need);
		if (b < e)
			breach(rp, c, b);
	}
	if (c->breached && c->breach_p == p && (tg = target_of(c)) >= 0) {
		int64_t acc = !c->live ? c->end_acc : c->acc + (running(rp, c) && e > c->seg ?
		    calendar_business_seconds(cal_of(rp, c), c->seg, e) : 0);
		if ((f = new_fact(rp, c, FACT_OVER, p, c->sev)) != NULL) {
			f->item = ev(rp, rp->it->first)->item;
			f->seconds = acc > tg ? acc - tg : 0;
		}
	}
	if (c->live) {
		if (c->role != ROLE_RESPONSE)
			new_fact(rp, c, FACT_BACKLOG, p, c->sev);
	} else if (c->end_pending) {
		c->end_pending = false;
		if ((f = new_fact(rp, c, FACT_ENDED, p, c->end_sev)) != NULL) {
			f->seconds = c->end_acc;
			/* Not live, so any breach lies before its end. */
			f->met = !c->breached;
			f->reassignments = rp->reassign;
		}
	}
}

/* Passes every month end at or before t. */
static void
cross(struct replay *rp, struct clk *c, sla_time t)
{
	for (;;) {
		if (!c->live && !c->end_pending) {
			/* Nothing to say about the months in between. */
			c->pidx = period_of(c->pt, t);
			return;
		}
		if (c->pidx >= c->pt->n || c->pt->start[c->pidx + 1] > t)
			return;
		month_end(rp, c, c->pidx);
		c->pidx++;
	}
}

static void
end_clock(struct clk *c)
{
	if (!c->live)
		return;
	c->live = false;
	c->end_pending = true;
	c->end_sev = c->sev;
	c->end_acc = c->acc;
}

static void
revive(struct clk *c, sla_time t)
{
	if (c->live)
		return;
	c->live = true;
	c->end_pending = false;
	c->seg = t;
}

/* A fact every agreement counting the item records at instant t. */
static void
item_fact(struct replay *rp, enum fact_kind kind, sla_time t, double num)
{
	int i;

	for (i = 0; i < rp->nc; i++) {
		struct clk *c = &rp->c[i];
		struct fact *f;
		if (c->role == ROLE_RESPONSE || !c->started)
			continue;
		if ((f = new_fact(rp, c, kind, period_of(c->pt, t), c->sev)) != NULL)
			f->num = num;
	}
}

/* The OLA's team gets the item at t. */
static void
hold(struct replay *rp, struct clk *c, sla_time t)
{
	struct fact *f;

	c->holds = true;
	if (!c->started) {
		c->started = true;
		c->pidx = period_of(c->pt, t);
		if (c->sev < 0) {
			c->skip = true;	/* reported by items_check */
			return;
		}
		if ((f = new_fact(rp, c, FACT_OPENED, c->pidx, c->sev)) != NULL)
			f->num = rp->opened_value;
	}
	if (rp->open)
		revive(c, t);
}

static int
lookup(struct replay *rp, const struct clk *c, uint32_t sev)
{
	if (c->role != ROLE_OLA)
		return items_severity(rp->env.its, c->a, sev);
	return items_ola_severity(rp->env.its, c->a, c->a == rp->x ? -1 : rp->x, sev);
}

static void
apply(struct replay *rp, const struct event *e)
{
	sla_time t = e->at;
	int i;

	switch (e->type) {
	case EVENT_ASSIGNED:
		if (e->team != rp->team) {
			rp->reassign++;
			rp->team = e->team;
		}
		for (i = 0; i < rp->nc; i++) {
			struct clk *c = &rp->c[i];
			bool ours = c->role == ROLE_OLA && c->team != 0 && e->team == c->team;
			if (c->role != ROLE_OLA || c->skip)
				continue;
			if (c->holds && !ours) {
				c->holds = false;
				end_clock(c);	/* a hand-off */
			} else if (!c->holds && ours)
				hold(rp, c, t);
		}
		break;
	case EVENT_RESPONDED:
		for (i = 0; i < rp->nc; i++)
			if (rp->c[i].role == ROLE_RESPONSE)
				end_clock(&rp->c[i]);
		break;
	case EVENT_PAUSED:
		rp->paused = true;
		break;
	case EVENT_RESUMED:
		rp->paused = false;
		break;
	case EVENT_RESOLVED:
	case EVENT_CLOSED:
		for (i = 0; i < rp->nc; i++)
			end_clock(&rp->c[i]);
		rp->open = false;
		rp->paused = false;
		if (e->type == EVENT_RESOLVED)
			item_fact(rp, FACT_RESOLVED, t, NAN);
		break;
	case EVENT_REOPENED:
		item_fact(rp, FACT_REOPENED, t, NAN);
		rp->paused = false;
		if (!rp->open) {
			rp->open = true;
			for (i = 0; i < rp->nc; i++)
				if (rp->c[i].role == ROLE_RESOLUTION ||
				    (rp->c[i].role == ROLE_OLA && rp->c[i].holds))
					revive(&rp->c[i], t);
		}
		break;
	case EVENT_SEVERITY_CHANGED:
		for (i = 0; i < rp->nc; i++) {
			int s = lookup(rp, &rp->c[i], e->severity);
			if (s >= 0)	/* an undefined one is ignored */
				rp->c[i].sev = s;
		}
		break;
	case EVENT_RATED:
		item_fact(rp, FACT_RATED, t, e->num);
		break;
	default:
		break;
	}
}

/* Notes a change of c's state at t for its timeline. */
static void
record(struct replay *rp, struct clk *c, sla_time t)
{
	uint8_t st = !c->started || c->skip ? H_NONE : !c->live ? H_STOPPED :
	    rp->paused ? H_PAUSED : H_RUNNING;
	const struct calendar *cal = cal_of(rp, c);
	void *p = c->h;

	if (st == H_NONE)
		return;
	if (c->nh > 0 && c->h[c->nh - 1].state == st && c->h[c->nh - 1].cal == cal)
		return;
	if (c->nh > 0 && c->h[c->nh - 1].at == t) {
		/* Several events at one instant: keep the last state. */
		c->h[c->nh - 1].state = st;
		c->h[c->nh - 1].cal = cal;
		return;
	}
	xgrow(&p, &c->caph, c->nh + 1, sizeof *c->h);
	c->h = p;
	c->h[c->nh].at = t;
	c->h[c->nh].state = st;
	c->h[c->nh].cal = cal;
	c->nh++;
}

static struct clk *
add_clock(struct replay *rp, enum clock_role role, int a, int sev)
{
	struct clk *c;
	struct hist *h;
	size_t caph;

	if (rp->nc == rp->capc) {
		int cap = rp->capc ? rp->capc * 2 : 8;
		rp->c = xrealloc(rp->c, (size_t)cap * sizeof *rp->c);
		memset(rp->c + rp->capc, 0, (size_t)(cap - rp->capc) * sizeof *rp->c);
		rp->capc = cap;
	}
	c = &rp->c[rp->nc++];
	/* Keep the history buffer across items. */
	h = c->h;
	caph = c->caph;
	memset(c, 0, sizeof *c);
	c->h = h;
	c->caph = caph;
	c->role = (uint8_t)role;
	c->a = a;
	c->ag = &rp->env.m->agreements[a];
	if (c->ag->nrevisions > 0) {
		c->ti = agreement_terms_index(c->ag, ev(rp, rp->it->opened)->at);
		c->ag = agreement_terms(c->ag, c->ti);
	}
	c->pt = &rp->env.periods[a];
	c->sev = sev;
	c->pidx = -1;
	if (role == ROLE_OLA)
		c->team = items_provider(rp->env.its, a);
	return c;
}

/* A clock of the month in progress that breaches at b unless something
 * happens first: the team holding the item now is the one to act. */
static void
due(struct replay *rp, struct clk *c, sla_time b)
{
	struct fact *f = new_fact(rp, c, FACT_DUE, c->pt->n - 1, c->sev);

	if (f == NULL)
		return;
	f->at = b;
	f->item = ev(rp, rp->it->first)->item;
	f->team = c->role == ROLE_OLA ? c->team : rp->team;
	f->title = title_before(rp, c->pt->start[c->pt->n]);
}

/* After the last event read: a clock still running may breach later. */
static void
finish(struct replay *rp, struct clk *c)
{
	int64_t tg;

	if (running(rp, c) && c->ag->nmaintenance > 0)
		maintenance_touch(rp, c, c->seg, c->pt->start[c->pt->n]);
	if (running(rp, c) && !c->breached && (tg = target_of(c)) >= 0) {
		int64_t need = tg - c->acc + 1;
		sla_time b = need <= 0 ? c->seg :
		    calendar_reach(cal_of(rp, c), c->seg, need);
		if (b < c->pt->start[c->pt->n])
			breach(rp, c, b);
		else if (b < c->pt->month_end)
			due(rp, c, b);
	}
	cross(rp, c, c->pt->start[c->pt->n]);
}

size_t
replay_item(struct replay *rp, const struct item *it, int x, struct fact **out)
{
	const struct model *m = rp->env.m;
	const struct agreement *ag = &m->agreements[x];
	const struct event *op = ev(rp, it->opened);
	sla_time t0 = op->at;
	size_t i;
	int k, s;

	drop_facts(rp);
	*out = rp->f;
	rp->nc = 0;
	rp->nmarks = 0;
	if (t0 >= rp->env.stop || (s = items_severity(rp->env.its, x, op->severity)) < 0)
		return 0;
	rp->it = it;
	rp->x = x;
	rp->paused = false;
	rp->open = true;
	rp->team = op->team;
	rp->reassign = 0;
	rp->opened_value = op->num;
	if (ag->kind == AGREEMENT_SLA) {
		const int *olas;
		int n = items_olas(rp->env.its, x, &olas);
		struct clk *c;
		struct fact *f;

		add_clock(rp, ROLE_RESPONSE, x, s);
		c = add_clock(rp, ROLE_RESOLUTION, x, s);
		for (k = 0; k < 2; k++) {
			rp->c[k].started = rp->c[k].live = true;
			rp->c[k].seg = t0;
			rp->c[k].pidx = period_of(c->pt, t0);
		}
		if ((f = new_fact(rp, c, FACT_OPENED, c->pidx, s)) != NULL)
			f->num = op->num;
		for (k = 0; k < n; k++) {
			const struct agreement *o = &m->agreements[olas[k]];
			/* The OLA's terms at opened may support another SLA. */
			if (o->nrevisions > 0 && agreement_terms(o,
			    agreement_terms_index(o, t0))->supports_index != x)
				continue;
			add_clock(rp, ROLE_OLA, olas[k],
			    items_ola_severity(rp->env.its, olas[k], x, op->severity));
		}
	} else
		add_clock(rp, ROLE_OLA, x, s);
	for (k = 0; k < rp->nc; k++) {
		struct clk *c = &rp->c[k];
		c->nh = 0;
		if (c->role == ROLE_OLA && c->team != 0 && op->team == c->team)
			hold(rp, c, t0);
		record(rp, c, t0);
	}
	for (i = it->opened + 1; i < it->end; i++) {
		const struct event *e = ev(rp, i);
		if (e->at >= rp->env.stop)
			break;
		if (e->type == EVENT_OPENED)
			continue;	/* later opened events are ignored */
		for (k = 0; k < rp->nc; k++)
			cross(rp, &rp->c[k], e->at);
		for (k = 0; k < rp->nc; k++)
			advance(rp, &rp->c[k], e->at);
		apply(rp, e);
		for (k = 0; k < rp->nc; k++) {
			check(rp, &rp->c[k], e->at);
			rp->c[k].seg = e->at;
			record(rp, &rp->c[k], e->at);
		}
	}
	for (k = 0; k < rp->nc; k++)
		finish(rp, &rp->c[k]);
	*out = rp->f;
	return rp->nf;
}
