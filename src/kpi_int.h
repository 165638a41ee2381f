/* kpi_int.h: the engine kpi.c runs and kpi_finish.c completes — running sums
 * per agreement and month, shared by the replay and the month's figures. */
#ifndef SLAREPORT_KPI_INT_H
#define SLAREPORT_KPI_INT_H

#include <stdint.h>
#include "kpi.h"
#include "model.h"

struct durations {
	int64_t *v;
	size_t n, cap;
};

/* Which months a replay under one agreement speaks for (SPEC §5: the
 * agreement named by the first agreement field before the month's end). */
enum side { SIDE_ALL, SIDE_BEFORE_NAMED, SIDE_AFTER_NAMED };

/* Running sums of one agreement, per month of the report. */
struct agg {
	int rows;			/* severities + 1 (the total last) */
	struct durations *dur;		/* [month][row][clock] */
	size_t *capb;			/* capacity of each month's breaches */
	uint64_t *promoters, *detractors, *good;
	double *reassign;		/* sum of reassignments of ended items */
	uint64_t *ended;		/* resolution clocks ended */
	size_t *capx;			/* capacity of each month's exclusions */
	size_t capd;			/* capacity of the month in progress's due list */
};

struct engine {
	const struct model *m;
	struct kpi_report *r;
	struct items *its;
	struct period_table *pt;	/* per agreement */
	const struct calendar ***cal;	/* per agreement, per severity */
	struct calendar **owned;	/* compiled calendars, to free */
	int nowned;
	int first;			/* index of month from_ym in every table */
	struct agg *agg;		/* per agreement */
};

/* The durations of clock (KPI_RESPONSE, KPI_RESOLUTION) of row (a severity, or
 * the total) of agreement a in month p of the report. */
static inline struct durations *
durations(struct engine *g, int a, int p, int row, int clock)
{
	const struct agg *ag = &g->agg[a];

	return &ag->dur[((size_t)p * (size_t)ag->rows + (size_t)row) * 2 + (size_t)clock];
}

static inline struct kpi_clock_figures *
figures(struct kpi_row *row, int clock)
{
	return clock == KPI_RESPONSE ? &row->response : &row->resolution;
}

/* Completes month p of agreement a from the sums: attainments, percentiles,
 * histograms, volume, satisfaction, credit, month-to-date allowances, and the
 * breach, exclusion and due lists in their published order. */
void kpi_finish_period(struct engine *g, int a, int p);

#endif
