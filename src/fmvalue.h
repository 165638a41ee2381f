/* fmvalue.h: typed front-matter values — dates, durations, calendars — with positions. */
#ifndef SLAREPORT_FMVALUE_H
#define SLAREPORT_FMVALUE_H

#include <stdbool.h>
#include <stdint.h>
#include "calendar.h"
#include "tz.h"
#include "yamlnode.h"

/* Whether scalar v is a date YYYY-MM-DD (days since epoch into *days); an error
 * at v under key path kp otherwise. */
bool fmvalue_date(struct yamlcheck *c, const struct yamlnode *v, const char *kp,
    int64_t *days);

/* Fills *cal (zeroed first; holidays owned, free with calendar_spec_free) from
 * "24x7" or {hours: {DAYS: RANGES}, holidays: [dates]}; zone is borrowed.
 * Returns the number of errors reported. */
int fmvalue_calendar(struct yamlcheck *c, const struct yamlnode *v, const char *kp,
    const struct tz *zone, struct calendar_spec *cal);

/* Splits "1d4h", "90m", "45s" (units d, h, m, s, each once, largest first)
 * into whole days and other seconds. Returns 0, 1 for a bare number (no unit),
 * -1 for anything else. */
int fmvalue_parse_duration(const char *s, int64_t *days, int64_t *secs);

/* Duration of key in map into *seconds, a day counting day_s, and a copy of
 * the text into *text (caller frees); -1 and NULL when absent or wrong. */
void fmvalue_duration(struct yamlcheck *c, const struct yamlnode *map, const char *kp,
    const char *key, int64_t day_s, int64_t *seconds, char **text);

#endif
