/* items.h: work items (runs of one id in the sorted events) and the agreement each falls under. */
#ifndef SLAREPORT_ITEMS_H
#define SLAREPORT_ITEMS_H

#include <stddef.h>
#include <stdint.h>
#include "model.h"

/* Agreement "indices" that name no agreement. */
#define ITEM_NONE (-1)		/* no match, or an agreement id that does not exist */
#define ITEM_SEVERAL (-2)	/* several SLAs match */
#define ITEM_NO_EVENT SIZE_MAX

/* One work item: the run m->events[first .. end) of one id. */
struct item {
	size_t first, end;
	size_t opened;		/* index of its first opened event, ITEM_NO_EVENT */
	size_t named;		/* index of its first event with an agreement field, ITEM_NO_EVENT */
	size_t excluded;	/* its first excluded event after opened, ITEM_NO_EVENT */
	int named_agreement;	/* agreement that field names, ITEM_NONE when unknown */
	int matched;		/* SLA whose match rules fit the opened event, or ITEM_NONE/ITEM_SEVERAL */
};

struct item_rules;

/* Every item of m, with the look-up tables that go with the agreements. */
struct items {
	size_t n;
	struct item *v;
	struct item_rules *rules;
};

/* Groups m's sorted events into items. The result refers to m (which must
 * outlive it and keep its events unchanged); free with items_free(). */
struct items *items_scan(const struct model *m);
void items_free(struct items *its);

/* The agreement an item falls under for every period that ends after all of
 * its events: the named one if any event names one, else the matched SLA. */
int items_final_agreement(const struct item *it);
/* Whether the match rules decide for some period of agreement x's zone: some
 * event names an agreement, but only after the first month end that follows
 * the opened event. */
bool items_match_used(const struct model *m, const struct item *it, int x);

/* Whether agreement a's match rules (if any) all fit event e. */
bool items_rule_matches(const struct items *its, int a, const struct event *e);
/* Index into agreement a's severities of the severity text with strtab id s
 * (key first, then name), or -1. */
int items_severity(struct items *its, int a, uint32_t s);
/* Looks up every severity text of the events in every agreement, after which
 * items_severity and items_ola_severity never write: threads may share its. */
void items_freeze_severities(struct items *its);
/* The same for an OLA on an item of SLA sla (or -1 when the item names the OLA
 * itself): the text first, then the key of the SLA's severity it denotes. */
int items_ola_severity(struct items *its, int ola, int sla, uint32_t s);
/* The OLAs supporting SLA a: *v (owned by its) and their count. */
int items_olas(const struct items *its, int a, const int **v);
/* Strtab id of OLA a's provider team, 0 when no event names that team. */
uint32_t items_provider(const struct items *its, int a);

/* Counts items skipped (no opened event, or an opening severity the agreement
 * does not define) and items unassigned, over all events. */
void items_count(const struct model *m, struct items *its, uint64_t *skipped,
    uint64_t *unassigned);

/* Records in m->diag every problem of items (no opened event, unknown
 * agreement, no or several matching SLAs, undefined severities, scores outside
 * the scale) and sets m->quality.items_skipped and items_unassigned. The KPI
 * engine reports nothing itself, so call this once per run. */
void items_check(struct model *m);

/* items_check on a thread of its own, beside the KPI engine: it records only
 * warnings and the two item counts, which the engine does not read (the
 * report's data-quality list is built after items_check_finish). Returns
 * NULL when it ran at once because no thread could be started. */
struct items_check_run;
struct items_check_run *items_check_start(struct model *m);
/* Waits for it and frees the run (NULL: nothing to wait for). */
void items_check_finish(struct items_check_run *run);

/* Period helpers shared by the engine: ym = year * 12 + month - 1. */
/* Month (ym) of UTC instant t in zone z (NULL = UTC). */
int items_month_of(const struct tz *z, sla_time t);
/* UTC instant at which month ym begins in zone z (NULL = UTC). */
sla_time items_month_start(const struct tz *z, int ym);

#endif
