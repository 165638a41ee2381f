/* clock.h: replay of one item's events into per-period facts (SPEC §5 "Clocks" and "Outcomes"). */
#ifndef SLAREPORT_CLOCK_H
#define SLAREPORT_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "calendar.h"
#include "items.h"
#include "kpi.h"
#include "model.h"

/* The months of one agreement's zone that a report looks at. */
struct period_table {
	int ym0;		/* month (year * 12 + month - 1) of start[0] */
	int n;			/* number of months */
	sla_time *start;	/* n + 1 UTC instants: month k is [start[k], start[k + 1]) */
	sla_time month_end;	/* 0, or when the last month is in progress (cut at
				   start[n], one second after the data-as-of
				   instant) the instant it will end: live clocks
				   that breach before it are due (FACT_DUE) */
};

/* Index of the month holding t: -1 before the table, n after it. */
int period_of(const struct period_table *pt, sla_time t);

enum fact_kind {
	FACT_OPENED,		/* the item counts as opened (OLA: first held) */
	FACT_BREACH,		/* a clock breached */
	FACT_ENDED,		/* a clock ended in the period and is not live at its end */
	FACT_BACKLOG,		/* the resolution (OLA: team) clock is live at the period end */
	FACT_REOPENED,		/* a reopened event */
	FACT_RESOLVED,		/* a resolved event */
	FACT_RATED,		/* a rated event */
	FACT_MAINTENANCE,	/* a clock was live and not paused inside maintenance
				   window sev of the agreement, in the period */
	FACT_EXCLUDED,		/* (made by kpi.c) the item is excluded from the
				   period: at, item, title; team holds the reason */
	FACT_DUE		/* month in progress: a running clock breaches at
				   `at`, before the month ends, if nothing happens;
				   item, title, team (holding it now) */,
	FACT_OVER		/* the end of the month a clock breached in: seconds =
				   business seconds past its target by then (by its
				   end, if it ended first); item */
};

/* One outcome of one item for one agreement and period. */
struct fact {
	uint8_t kind;		/* enum fact_kind */
	uint8_t clock;		/* enum kpi_clock: FACT_BREACH and FACT_ENDED */
	bool met;		/* FACT_ENDED: not breached before the period end */
	int agreement;
	int period;		/* index into the agreement's period table */
	int sev;		/* index of the severity it counts under; -1 none */
	int64_t seconds;	/* FACT_ENDED: accumulated business seconds; FACT_OVER */
	int reassignments;	/* FACT_ENDED: team changes before the period end */
	double num;		/* FACT_OPENED: value of the opened event; FACT_RATED: score */
	sla_time at;		/* FACT_BREACH: breach instant */
	uint32_t item;		/* FACT_BREACH: the item's id */
	uint32_t team, title;	/* FACT_BREACH: team just after it, title (0 = none) */
	size_t nseg;		/* FACT_BREACH: the clock's timeline up to the breach */
	struct kpi_segment *seg;	/* owned by the replay unless taken (set to NULL) */
};

/* What a replay needs to know about the report; every array is per agreement. */
struct replay_env {
	const struct model *m;
	struct items *its;
	const struct period_table *periods;
	/* cal[a][s]: the calendar in force for severity s of agreement a. */
	const struct calendar *const *const *cal;
	sla_time stop;		/* events at or after stop are not read */
};

struct replay;

/* A replayer for env (which must outlive it); free with replay_free(). */
struct replay *replay_new(const struct replay_env *env);
void replay_free(struct replay *rp);
/* Replays item it as falling under agreement x (an SLA with its OLAs, or an OLA
 * alone) and returns its facts in *out: valid until the next call; timelines a
 * caller keeps must be taken out of the fact. Returns the number of facts. */
size_t replay_item(struct replay *rp, const struct item *it, int x, struct fact **out);

#endif
