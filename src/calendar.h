/* calendar.h: business calendars, compiled to UTC working intervals. */
#ifndef SLAREPORT_CALENDAR_H
#define SLAREPORT_CALENDAR_H

#include <stdbool.h>
#include "civil.h"
#include "tz.h"

#define CALENDAR_MAX_RANGES 8	/* per weekday */

/* A range of wall-clock minutes of one day: [start_min, end_min), end up to 1440. */
struct hours_range {
	int start_min, end_min;
};

/* A calendar as written in front matter. */
struct calendar_spec {
	bool always;			/* "24x7": round the clock, no holidays */
	int nranges[7];			/* per weekday, 0 = Monday */
	struct hours_range ranges[7][CALENDAR_MAX_RANGES];	/* sorted, disjoint */
	int nholidays;
	int64_t *holidays;		/* local dates as days since epoch, sorted; owned */
	const struct tz *zone;		/* not owned; NULL only when always */
};

/* Length in seconds of "1d" on this calendar: the longest nominal working day
 * (sum of one weekday's ranges, the largest over the week), 86400 for 24x7;
 * 0 when no weekday has hours. */
int64_t calendar_day_seconds(const struct calendar_spec *spec);

struct calendar;

/* Compiles spec into working intervals inside [from, to) (clamped to the
 * supported years). Instants outside that window count as outside working
 * hours. The result keeps no pointer to spec or its zone. A NULL zone reads
 * wall clocks as UTC. Caller frees with calendar_free(). */
struct calendar *calendar_compile(const struct calendar_spec *spec, sla_time from,
    sla_time to);
void calendar_free(struct calendar *c);
/* Takes [from, to) out of c's working time (a maintenance window: SPEC §8). */
void calendar_subtract(struct calendar *c, sla_time from, sla_time to);

/* Business seconds inside the calendar in [a, b); 0 when b <= a. */
int64_t calendar_business_seconds(const struct calendar *c, sla_time a, sla_time b);
/* The earliest instant t >= start with calendar_business_seconds(start, t) >= n;
 * start itself when n <= 0; INT64_MAX when the compiled window ends first. */
sla_time calendar_reach(const struct calendar *c, sla_time start, int64_t n);
/* Whether instant t lies inside working time. */
bool calendar_is_working(const struct calendar *c, sla_time t);

/* Number of compiled intervals (for tests and statistics). */
size_t calendar_interval_count(const struct calendar *c);
/* i-th interval [*start, *end) in UTC. */
void calendar_interval(const struct calendar *c, size_t i, sla_time *start, sla_time *end);

#endif
