/* maintenance.h: maintenance windows of an agreement (SPEC §8 Exclusions) — parsing and calendars. */
#ifndef SLAREPORT_MAINTENANCE_H
#define SLAREPORT_MAINTENANCE_H

#include <stdbool.h>
#include "calendar.h"
#include "model.h"
#include "yamlnode.h"

/* Fills a->maintenance from the front-matter list v, reading local times in
 * a->zone (a DST gap means the transition instant, a repeated hour its first
 * occurrence) and severity keys against a->severities (parse those first).
 * Every problem is reported through c under "maintenance[i]"; a window with a
 * problem is left out. */
void maintenance_parse(struct yamlcheck *c, const struct yamlnode *v, struct agreement *a);

/* Whether window w stops the clocks of severity index sev (-1: none defined). */
bool maintenance_applies(const struct maintenance_window *w, int sev);

/* Whether some window of a applies to some severities only, so that severities
 * need calendars of their own. */
bool maintenance_per_severity(const struct agreement *a);

/* Removes from c every window of a that applies to severity index sev (-1:
 * the windows for all severities). */
void maintenance_subtract(struct calendar *c, const struct agreement *a, int sev);

#endif
