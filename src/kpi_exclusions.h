/* kpi_exclusions.h: the exclusions ledger of a month in kpis.json (SPEC §8). */
#ifndef SLAREPORT_KPI_EXCLUSIONS_H
#define SLAREPORT_KPI_EXCLUSIONS_H

#include "kpi.h"
#include "model.h"

struct cJSON;

/* The "exclusions" array of month P of agreement a: windows, then items.
 * The caller owns the result (cJSON_Delete, or add it to a tree). */
struct cJSON *kpi_exclusions_json(const struct kpi_period *P, const struct agreement *a,
    const struct model *m);

#endif
