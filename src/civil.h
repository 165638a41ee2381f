/* civil.h: proleptic Gregorian dates and RFC 3339 / ISO 8601 text, no time zones. */
#ifndef SLAREPORT_CIVIL_H
#define SLAREPORT_CIVIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Instants are whole seconds since 1970-01-01T00:00:00Z. "Local" seconds use
 * the same scale for a wall-clock reading, as if the zone were UTC. */
typedef int64_t sla_time;

/* Instants outside [CIVIL_MIN_YEAR, CIVIL_MAX_YEAR] are rejected on input. */
#define CIVIL_MIN_YEAR 1970
#define CIVIL_MAX_YEAR 2199

/* Days since 1970-01-01 of a Gregorian date (month 1-12, day 1-31). */
int64_t civil_days(int year, int month, int day);
void civil_from_days(int64_t days, int *year, int *month, int *day);
/* 0 = Monday … 6 = Sunday. */
int civil_weekday(int64_t days);
int civil_days_in_month(int year, int month);
/* Floor division of seconds into days (works for negative values). */
int64_t civil_day_of(sla_time t);

/* A parsed timestamp: the wall clock as local seconds, and its offset if given. */
struct civil_stamp {
	sla_time local;		/* wall-clock reading on the UTC scale */
	bool has_offset;
	int offset_s;		/* seconds east of UTC when has_offset */
};

/* Parses "YYYY-MM-DDTHH:MM:SS[.frac][Z|±HH:MM]" (also ' ' or 't' for T, 'z',
 * offsets "±HHMM" and "±HH"), and "YYYY-MM-DDTHH:MM" without seconds. Fractions
 * are truncated; second 60 reads as 59. s need not be NUL-terminated.
 * Returns NULL on success or a message saying what is wrong ("month 13 out of
 * range"). The message is static or thread-local storage, valid until at least
 * the fourth later failing call in the same thread: copy it to keep it. */
const char *civil_parse_stamp(const char *s, size_t n, struct civil_stamp *out);
/* Parses "YYYY-MM-DD" into days since epoch. Returns NULL or a message (as above). */
const char *civil_parse_date(const char *s, size_t n, int64_t *days);
/* Parses a wall-clock "HH:MM" (00:00 to 24:00) into minutes since midnight.
 * Returns NULL or a message (as above). */
const char *civil_parse_hhmm(const char *s, size_t n, int *minutes);

/* Writes "YYYY-MM-DDTHH:MM:SSZ" (21 bytes with NUL) for a UTC instant. */
void civil_format_utc(sla_time t, char out[21]);
/* Writes "YYYY-MM-DD" (11 bytes with NUL) for days since epoch. */
void civil_format_date(int64_t days, char out[11]);
/* Writes "YYYY-MM" (8 bytes with NUL) for a year and month. */
void civil_format_month(int year, int month, char out[8]);

#endif
