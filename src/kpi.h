/* kpi.h: the KPI engine of SPEC §5 — figures per agreement × month × severity, breaches, data quality. */
#ifndef SLAREPORT_KPI_H
#define SLAREPORT_KPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "civil.h"
#include "diag.h"
#include "model.h"

struct cJSON;

enum kpi_clock { KPI_RESPONSE, KPI_RESOLUTION };

/* What a clock was doing in one stretch of its timeline. */
enum kpi_seg_state {
	KPI_SEG_RUNNING,	/* live, not paused, inside working hours */
	KPI_SEG_OUTSIDE,	/* live, not paused, outside working hours */
	KPI_SEG_PAUSED,		/* live but paused */
	KPI_SEG_ENDED		/* not live (resolved before a reopen; OLA: held elsewhere) */
};

struct kpi_segment {
	uint8_t state;		/* enum kpi_seg_state */
	sla_time from, to;	/* UTC, [from, to) */
};

/* A live clock that breaches before the month ends if nothing happens
 * (month to date, SPEC §8). */
struct kpi_due {
	const char *id;			/* the item's id, in the model's strings */
	uint32_t item, title, team;	/* strtab ids (0 = none); team: holding it now */
	int sev;
	uint8_t clock;			/* enum kpi_clock */
	sla_time due;			/* the breach instant */
};

struct kpi_breach {
	const char *id;			/* the item's id, in the model's strings */
	uint32_t item, title, team;	/* strtab ids (title, team 0 = none) */
	int sev;			/* severity index in force at the breach */
	uint8_t clock;			/* enum kpi_clock */
	sla_time at;
	size_t nseg;
	struct kpi_segment *seg;	/* the clock from its start up to the breach */
	int64_t over_s;			/* business seconds past the target at the
					   month's end (or the clock's end); -1 unknown */
};

/* Resolution-time histogram for the distribution chart: bin i (< 20) counts the
 * clocks ended with i/10 < seconds/target <= (i+1)/10 (bin 0 includes 0), so
 * bins 0-9 are within target; the last bin counts everything beyond 200 %. */
#define KPI_HIST_BINS 21

/* One clock's outcomes in one group; undefined figures are NAN / -1. */
struct kpi_clock_figures {
	uint64_t met, breached;
	double attainment;		/* percent, NAN when met + breached = 0 */
	double goal;			/* percent, NAN when none */
	int goal_met;			/* 1, 0, or -1 for null */
	int64_t median_s, p90_s;	/* -1 when no clock ended */
	size_t n;			/* clocks ended */
	int64_t target_s;		/* the severity's target, -1 none (or pooled) */
	uint32_t hist[KPI_HIST_BINS];	/* ended clocks by share of target_s (> 0) */
	/* Month to date (SPEC §8): how many more clocks may breach with the goal
	 * still met; meaningful when has_allowed (a goal, a target and elapsed
	 * business time; severity rows of a partial period only). */
	bool has_allowed;
	int64_t allowed;
};

struct kpi_row {
	int sev;			/* severity index, -1 for the pooled total */
	uint64_t opened, resolved, backlog;
	struct kpi_clock_figures response, resolution;
};

/* One line of a month's exclusions ledger (SPEC §8). */
enum kpi_exclusion_kind { KPI_EXCL_MAINTENANCE, KPI_EXCL_ITEM };

struct kpi_exclusion {
	uint8_t kind;			/* enum kpi_exclusion_kind */
	int window;			/* maintenance: index into agreement.maintenance */
	uint64_t items;			/* maintenance: items whose clocks it stopped */
	const char *id;			/* item: its id, in the model's strings */
	uint32_t item, title, reason;	/* item: strtab ids (title 0 = none) */
	sla_time at;			/* item: the excluded event */
};

struct kpi_period {
	int ym;				/* year * 12 + month - 1 */
	sla_time start, end;		/* UTC bounds in the agreement's zone */
	bool partial;			/* the month had not ended at the data-as-of
					   instant: figures up to as_of (inclusive) */
	sla_time as_of;			/* partial: the latest event */
	size_t ndue;
	struct kpi_due *due;		/* partial: sorted by (due, id, clock) */
	int terms;			/* month-level terms (goals, volume,
					   satisfaction, credits): agreement_terms
					   index of those in force at start */
	int nrows;			/* severities + 1 */
	struct kpi_row *rows;		/* in front-matter order, then the total */
	uint64_t reopened_events, resolved_events;
	double reopen_rate;		/* NAN when no resolved event */
	double mean_reassignments;	/* NAN when no resolution clock ended */
	double volume_actual;		/* items opened, or the sum of their values */
	bool volume_met;
	uint64_t rated;			/* scores inside the scale */
	double satisfaction;		/* NAN when rated = 0 */
	double credit_percent, credit_amount;
	size_t nbreaches;
	struct kpi_breach *breaches;	/* sorted by (at, id, clock) */
	size_t nexclusions;		/* the windows overlapping the month, in
					   front-matter order, then the items */
	struct kpi_exclusion *exclusions;	/* excluded, sorted by (at, id) */
};

struct kpi_agreement {
	int index;			/* into model.agreements */
	int nperiods;
	struct kpi_period *periods;	/* oldest first */
};

struct kpi_report {
	int from_ym, to_ym;		/* -1 when there is nothing to report */
	int nagreements;
	struct kpi_agreement *agreements;	/* model order (file-name order) */
	struct data_quality quality;
};

/* The month (year * 12 + month - 1) a default report covers: the last month, in
 * the site's zone, that ended at or before the latest event; -1 without events.
 * Both read the span model_sort_events records. */
int kpi_default_period(const struct model *m);
/* The first event's month in the site's zone, -1 without events. */
int kpi_first_month(const struct model *m);

/* Computes every agreement's figures for months from_ym … to_ym (both -1: the
 * first event's month through kpi_default_period). Reads m (events sorted by
 * model_sort_events); records nothing in m->diag (see items_check). The caller
 * frees the result with kpi_report_free(). */
struct kpi_report *kpi_compute(const struct model *m, int from_ym, int to_ym);
/* The same on nthreads threads (0: one per processor); the report is the same
 * for every count (tests compare them). */
struct kpi_report *kpi_compute_threads(const struct model *m, int from_ym, int to_ym,
    int nthreads);
void kpi_report_free(struct kpi_report *r);

/* The kpis.json tree of SPEC §5 (plus helpful extra fields for renderers).
 * The caller frees it with cJSON_Delete(). */
struct cJSON *kpi_report_json(const struct kpi_report *r, const struct model *m);
/* The same tree for printing only: its months are built and printed on one
 * thread per processor and held as raw text (json_print_at) that the tree
 * borrows. Print *root, then free it with jsonarena_end (call this between
 * jsonarena_begin and jsonarena_end) and the texts with
 * kpi_report_json_release; never cJSON_Delete it. */
struct kpi_json_build;
struct kpi_json_build *kpi_report_json_threads(const struct kpi_report *r,
    const struct model *m, struct cJSON **root);
void kpi_report_json_release(struct kpi_json_build *b);

/* Writes dir/kpis.csv and dir/breaches.csv (RFC 4180, UTF-8, CRLF). Returns 0,
 * or -1 after recording the failure in d. */
int kpi_write_csv(const struct kpi_report *r, const struct model *m, const char *dir,
    struct diag *d);

/* "YYYY-MM" of a month number into out. */
void kpi_format_month(int ym, char out[8]);
/* Month number of "YYYY-MM", or -1 when s is not one. */
int kpi_parse_month(const char *s);

#endif
