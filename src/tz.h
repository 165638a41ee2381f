/* tz.h: IANA time zones (via GLib's GTimeZone) as fast offset tables. */
#ifndef SLAREPORT_TZ_H
#define SLAREPORT_TZ_H

#include "civil.h"

struct tz;

/* Loads an IANA zone ("Europe/Berlin", "UTC") from the system tz database
 * ($TZDIR or /usr/share/zoneinfo). NULL when no such zone exists; POSIX TZ rules
 * ("CET-1CEST,..."), offsets ("+01:00") and paths are refused too. Offsets are
 * exact for CIVIL_MIN_YEAR..CIVIL_MAX_YEAR. The caller frees it with tz_free(). */
struct tz *tz_load(const char *name);
void tz_free(struct tz *z);
/* The name it was loaded by; owned by z. */
const char *tz_name(const struct tz *z);

/* Offset east of UTC, in seconds, in force at a UTC instant. */
int tz_offset_at(const struct tz *z, sla_time utc);
/* UTC instant of a wall-clock reading. A reading inside a DST gap means the
 * transition instant; in a repeated hour, the first occurrence (SPEC §5). */
sla_time tz_local_to_utc(const struct tz *z, sla_time local);
/* Wall-clock reading of a UTC instant. */
sla_time tz_utc_to_local(const struct tz *z, sla_time utc);

#endif
