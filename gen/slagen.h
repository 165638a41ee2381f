/* slagen.h: shared declarations of slagen, the demo and benchmark data generator. */
#ifndef SLAGEN_H
#define SLAGEN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- deterministic random numbers (xoshiro256**, seeded by splitmix64) ---- */
struct rng {
	uint64_t s[4];
};
/* Seeds r from one 64-bit number; the same seed always gives the same stream. */
void rng_seed(struct rng *r, uint64_t seed);
/* Returns the next 64 random bits. */
uint64_t rng_next(struct rng *r);
/* Returns a double uniform in [0, 1). */
double rng_unit(struct rng *r);
/* Returns an integer uniform in [0, n). */
int rng_below(struct rng *r, int n);
/* Returns an index in [0, n) drawn with the given non-negative weights. */
int rng_weighted(struct rng *r, const int *w, int n);

/* ---- civil dates and the two time zones the demo company lives in ---- */
enum zone { ZONE_BERLIN, ZONE_NEWYORK };
/* Returns a divided by b, rounded towards minus infinity. */
int64_t floordiv(int64_t a, int64_t b);
/* Returns the day number (days since 1970-01-01) of a proleptic Gregorian date. */
int64_t days_from_civil(int y, int m, int d);
/* Stores the date of day number z in *y, *m, *d. */
void civil_from_days(int64_t z, int *y, int *m, int *d);
/* Returns the weekday of day number z, 0 = Monday … 6 = Sunday. */
int weekday_of(int64_t z);
/* Returns the UTC offset in seconds of zone at instant utc (DST included). */
int tz_offset(int zone, int64_t utc);
/* Returns the instant of local wall-clock time local (seconds since 1970 as if UTC);
   a repeated hour gives its first occurrence, a gap the transition instant. */
int64_t tz_to_utc(int zone, int64_t local);
/* Returns 1 when the local wall-clock time of utc names exactly one instant. */
int tz_unambiguous(int zone, int64_t utc);
/* Returns the local day number of instant utc in zone. */
int64_t tz_local_day(int zone, int64_t utc);

enum { TS_OFFSET, TS_Z, TS_NAIVE };
/* Writes instant utc as RFC 3339 into buf (at least 40 bytes) and returns its length:
   TS_OFFSET local time of zone with offset, TS_Z in UTC, TS_NAIVE Berlin wall time
   without offset; fdigits > 0 adds that many digits of fraction (value frac). */
size_t ts_format(char *buf, int64_t utc, int zone, int style, int fdigits, long frac);

/* ---- public holidays ---- */
enum { HOL_NONE, HOL_DE_BE, HOL_US };
struct holiday {
	int64_t day;
	const char *name_en, *name_de;
};
/* Returns Easter Sunday of year y as a day number (Gregorian computus). */
int64_t easter_sunday(int y);
/* Fills out (room for max) with the holidays of set in years y0..y1, sorted by day,
   and returns how many there are. US holidays are the observed days off. */
int holidays_list(int set, int y0, int y1, struct holiday *out, int max);

/* ---- business-hour calendars ---- */
#define CAL_MAXRANGES 3
#define CAL_MAXHOL 256
struct hours {
	const char *days;	/* "mon-fri", "sat", … */
	const char *ranges;	/* "08:00-18:00" or "07:00-12:00,12:30-16:30" */
};
struct cal {
	int is24x7;
	int zone;
	int nr[7];
	int rs[7][CAL_MAXRANGES], re[7][CAL_MAXRANGES];	/* seconds of the local day */
	int nhol;
	int64_t hol[CAL_MAXHOL];	/* sorted day numbers */
	int64_t daylen;	/* longest nominal working day, the length of a "d" */
};
/* Makes c a round-the-clock calendar (no holidays, a day is 24 h). */
void cal_init_24x7(struct cal *c);
/* Makes c the calendar of the n hour lines h in zone with holiday set holset in years
   y0..y1; returns 0, or -1 when a line does not parse. */
int cal_init_hours(struct cal *c, int zone, const struct hours *h, int n, int holset,
	int y0, int y1);
/* Returns the instant at which secs business seconds after t have elapsed in c. */
int64_t cal_add(const struct cal *c, int64_t t, int64_t secs);
/* Returns the business seconds of c between instants a and b (0 when b <= a). */
int64_t cal_between(const struct cal *c, int64_t a, int64_t b);
/* Returns the seconds of duration text like "15m", "4h", "3d", "1d4h", "3h30m"
   with a day of daylen seconds, or -1 when it does not parse. */
int64_t duration_parse(const char *s, int64_t daylen);

/* ---- agreements ---- */
#define MAXSEV 4
enum { LANG_EN, LANG_DE };
enum { SEVCAL_INHERIT, SEVCAL_24X7, SEVCAL_HOURS };
struct sevdef {
	const char *key;	/* "1" … or a name such as "hot" */
	const char *name;
	const char *response;	/* NULL: no response target */
	const char *resolution;
	int goal;
	int calkind;
	const struct hours *calhours;	/* SEVCAL_HOURS: override calendar, no holidays */
	int ncalhours;
	const char *meaning;	/* body table: what the severity means */
};
struct credits {
	long fee;
	const char *currency;
	int ntiers;
	int below[3], percent[3];
};
struct agreement {
	const char *file;	/* under agreements/ */
	const char *id, *title, *kind, *provider, *customer, *supports;
	int effective_months;	/* months before the first reported month */
	const char *review;
	int zone;
	const struct hours *hours;	/* NULL: calendar 24x7 */
	int nhours;
	int holset, holstyle;	/* holstyle 0: block list with names, 1: flow list */
	const char *match, *volume, *satisfaction;	/* YAML flow text or NULL */
	const struct credits *credits;
	const struct sevdef *sev;
	int nsev;
	int lang;
	const char *body;	/* Markdown with @PLACEHOLDER@ lines */
};
enum { AG_IT, AG_NET, AG_SYS, AG_APP, AG_LEAD, AG_ONB, AG_FAC, AG_COUNT };
/* The demo company's agreements, indexed by AG_*. */
extern const struct agreement agreements[AG_COUNT];
/* Agreement bodies, one per file of prose. */
extern const char body_it_service_desk[], body_ola_network[], body_ola_systems[],
	body_ola_applications[], body_lead_handoff[], body_onboarding[], body_facility[];

/* Writes site.yml and agreements/ under dir for the span starting at month (y0, m0)
   whose holidays cover years hy0..hy1; returns 0 or -1 (errno set). */
/* Writes site.yml and agreements/ for a span from y0-m0 to ey-em. */
int agreements_write(const char *dir, int y0, int m0, int ey, int em, int hy0, int hy1);

/* ---- event output ---- */
enum { SHAPE_ARRAY, SHAPE_WRAPPED, SHAPE_NDJSON };
struct sink;
/* Opens a sink writing events to path in shape; returns NULL (errno set) on failure. */
struct sink *sink_open(const char *path, int shape, uint64_t seed);
/* Queues one formatted JSON object (no newline); records leave in shuffled order. */
void sink_put(struct sink *s, const char *rec, size_t len);
/* Flushes, closes and frees s; returns 0 or -1 on a write error. */
int sink_close(struct sink *s, long long *records, long long *bytes);

/* Appends the JSON string literal of s to the buffer at *p (no bounds beyond end). */
char *json_str(char *p, const char *end, const char *s);

/* ---- simulation ---- */
enum { IT_TYPE, LEAD_TYPE, ONB_TYPE, FAC_TYPE, NTYPES };
enum quirk {
	Q_NONE, Q_DUP, Q_NOOPEN, Q_NOTEAM, Q_NOSEV, Q_NOSCORE, Q_NOAT, Q_NOID,
	Q_UNKTYPE, Q_BADSEV_OPEN, Q_BADSEV_CHANGE, Q_BADSCORE, Q_TYPO_AGREEMENT,
	Q_MIXED_ID, Q_SCRIPT_TITLE
};
struct simctx;
/* Builds the simulation state (calendars, monthly performance) for months starting
   at (y0, m0); events at or after cutoff are not emitted. The caller frees it. */
struct simctx *sim_new(uint64_t seed, int y0, int m0, int months, int hy0, int hy1,
	int64_t cutoff, int large, int quirks, int stats);
/* Simulates one work item of type opened at instant t0 with quirk q and hands its
   events to emit (called once per event record, already formatted). */
void sim_item(struct simctx *c, int type, int64_t t0, enum quirk q,
	void (*emit)(void *arg, int type, int64_t at, const char *rec, size_t len),
	void *arg);
/* Returns the day number (Berlin) of the simulated CRM outage. */
int64_t sim_outage_day(const struct simctx *c);
/* Returns the number of events emitted so far. */
long long sim_events(const struct simctx *c);
/* Prints approximate monthly attainment per agreement to f (tuning aid). */
void sim_print_stats(const struct simctx *c, FILE *f);
/* Frees c. */
void sim_free(struct simctx *c);

#endif
