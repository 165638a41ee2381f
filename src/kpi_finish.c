/* kpi_finish.c: a month's figures from the engine's sums (SPEC §5) — the
 * attainment against the goal, nearest-rank percentiles, the histogram, volume,
 * satisfaction, credit tiers and the month-to-date allowance (SPEC §8). */
#include "kpi_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "calendar.h"
#include "clock.h"
#include "util.h"

static void
finish_figures(struct kpi_clock_figures *c, struct durations *d, double goal,
    int64_t target)
{
	c->n = d->n;
	c->goal = goal;
	c->target_s = target;
	c->attainment = c->met + c->breached > 0 ?
	    (double)c->met * 100.0 / (double)(c->met + c->breached) : NAN;
	c->goal_met = isnan(c->attainment) || isnan(goal) ? -1 : c->attainment >= goal;
	c->median_s = c->p90_s = -1;
	if (d->n > 0) {
		/* Nearest rank: the value at rank ceil(p * n), in integers. */
		size_t med = (d->n + 1) / 2 - 1, p90 = (9 * d->n + 9) / 10 - 1;
		select_rank_i64(d->v, 0, d->n, med);
		if (p90 > med)	/* everything above med is no smaller */
			select_rank_i64(d->v, med + 1, d->n, p90);
		c->median_s = d->v[med];
		c->p90_s = d->v[p90];
	}
	memset(c->hist, 0, sizeof c->hist);
	for (size_t i = 0; target > 0 && i < d->n; i++) {
		/* Bin ceil(10 v / t) - 1: right-closed, so "exactly at target" is in bin 9. */
		int64_t v = d->v[i] < 0 ? 0 : d->v[i];
		int64_t q = v / target, r = v % target;
		int64_t bin = q >= KPI_HIST_BINS ? KPI_HIST_BINS - 1 :
		    (q * 10 + (r * 10 + target - 1) / target) - 1;
		c->hist[bin < 0 ? 0 : bin >= KPI_HIST_BINS ? KPI_HIST_BINS - 1 : bin]++;
	}
}

static int
cmp_breach(const void *pa, const void *pb)
{
	const struct kpi_breach *a = pa, *b = pb;
	int c;

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	if ((c = strcmp(a->id, b->id)) != 0)
		return c;
	/* By the clock's name: "resolution" before "response". */
	return a->clock == b->clock ? 0 : a->clock == KPI_RESOLUTION ? -1 : 1;
}

static int
cmp_exclusion(const void *pa, const void *pb)
{
	const struct kpi_exclusion *a = pa, *b = pb;

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int
cmp_due(const void *pa, const void *pb)
{
	const struct kpi_due *a = pa, *b = pb;
	int c;

	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	if ((c = strcmp(a->id, b->id)) != 0)
		return c;
	return a->clock == b->clock ? 0 : a->clock == KPI_RESOLUTION ? -1 : 1;
}

/* SPEC §8 Month to date: the clocks of the month are forecast from those
 * ended so far, at the same rate per business second of the severity's
 * calendar (the month's terms); allowed = floor(N (100 - goal) / 100) -
 * breached so far, negative once the goal can no longer be met. */
static void
allowed_breaches(struct engine *g, int a, struct kpi_period *P)
{
	const struct agreement *ag = &g->m->agreements[a];
	int nsev = ag->nseverities, s, k;
	sla_time end = g->pt[a].month_end;

	for (s = 0; s < nsev; s++) {
		const struct calendar *cal = g->cal[a][P->terms * nsev + s];
		int64_t month = calendar_business_seconds(cal, P->start, end);
		int64_t elapsed = calendar_business_seconds(cal, P->start, P->as_of);
		for (k = 0; k < 2; k++) {
			struct kpi_clock_figures *c = figures(&P->rows[s], k);
			double n, share;
			if (isnan(c->goal) || c->target_s < 0 || elapsed <= 0)
				continue;
			/* Integers (no overflow: clocks × seconds of a month), rounded down. */
			n = (double)(((int64_t)c->n * month) / elapsed);
			/* A tiny nudge so that 1000 × (100 − 99.9) / 100 is 100, not 99.99…. */
			share = floor(n * (100.0 - c->goal) / 100.0 + 1e-9);
			c->has_allowed = true;
			c->allowed = (int64_t)share - (int64_t)c->breached;
		}
	}
}

static double
credit_percent(const struct agreement *ag, double attainment)
{
	double best = INFINITY, percent = 0;
	int k;

	if (isnan(attainment))
		return 0;
	/* The tier with the lowest "below" among those above the attainment. */
	for (k = 0; k < ag->ntiers; k++)
		if (ag->tiers[k].below > attainment && ag->tiers[k].below < best) {
			best = ag->tiers[k].below;
			percent = ag->tiers[k].percent;
		}
	return percent;
}

void
kpi_finish_period(struct engine *g, int a, int p)
{
	struct kpi_period *P = &g->r->agreements[a].periods[p];
	/* Goals, targets shown, volume, satisfaction and credits: the month's. */
	const struct agreement *ag = agreement_terms(&g->m->agreements[a], P->terms);
	const struct agg *sums = &g->agg[a];
	int nsev = ag->nseverities, s;
	bool ola = ag->kind == AGREEMENT_OLA;
	size_t k;

	for (s = 0; s <= nsev; s++) {
		const struct severity *sv = s < nsev ? &ag->severities[s] : NULL;
		P->rows[s].sev = s < nsev ? s : -1;
		/* An OLA has no response clock: its block stays 0/0/null. */
		finish_figures(&P->rows[s].response, durations(g, a, p, s, KPI_RESPONSE),
		    sv != NULL && !ola ? sv->goal : NAN,
		    sv != NULL && !ola ? sv->response_s : -1);
		finish_figures(&P->rows[s].resolution, durations(g, a, p, s, KPI_RESOLUTION),
		    sv != NULL ? sv->goal : NAN, sv != NULL ? sv->resolution_s : -1);
	}
	P->reopen_rate = P->resolved_events > 0 ?
	    (double)P->reopened_events / (double)P->resolved_events : NAN;
	P->mean_reassignments = sums->ended[p] > 0 ?
	    sums->reassign[p] / (double)sums->ended[p] : NAN;
	P->volume_met = ag->has_volume && P->volume_actual >= ag->volume_min;
	P->satisfaction = NAN;
	if (P->rated > 0 && ag->satisfaction_scale == SCALE_NPS)
		P->satisfaction = ((double)sums->promoters[p] - (double)sums->detractors[p]) *
		    100.0 / (double)P->rated;
	else if (P->rated > 0)
		P->satisfaction = (double)sums->good[p] * 100.0 / (double)P->rated;
	P->credit_percent = P->credit_amount = 0;
	if (ag->has_credits) {
		P->credit_percent = credit_percent(ag, P->rows[nsev].resolution.attainment);
		P->credit_amount = ag->credit_fee * P->credit_percent / 100.0;
	}
	if (P->partial)
		allowed_breaches(g, a, P);
	if (P->ndue > 1)
		qsort(P->due, P->ndue, sizeof *P->due, cmp_due);
	if (P->nbreaches > 1)
		qsort(P->breaches, P->nbreaches, sizeof *P->breaches, cmp_breach);
	for (k = 0; k < P->nexclusions && P->exclusions[k].kind == KPI_EXCL_MAINTENANCE; k++)
		;
	if (P->nexclusions - k > 1)
		qsort(P->exclusions + k, P->nexclusions - k, sizeof *P->exclusions,
		    cmp_exclusion);
}
