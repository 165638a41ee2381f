/* model.h: the in-memory model every stage shares — site, agreements, events. */
#ifndef SLAREPORT_MODEL_H
#define SLAREPORT_MODEL_H

#include <stdbool.h>
#include <stdint.h>
#include "calendar.h"
#include "civil.h"
#include "diag.h"
#include "strtab.h"

struct cmark_node;
struct commentary;
struct inputs;

/* ---- site.yml ---- */

enum page_size { PAGE_A4, PAGE_LETTER };

struct mapping_rule {
	char *pattern;			/* glob over paths relative to SRC, "events/snow-*.json" */
	char *mapping;			/* mapping file path, relative to SRC */
	int line, col;			/* of the mapping in site.yml */
};

struct site {
	char *title;			/* default "Service level reports" */
	char *organisation;		/* NULL when absent */
	char *timezone;			/* IANA name, default "UTC" */
	struct tz *zone;		/* owned */
	bool timezone_given;		/* site.yml names it (else UTC by default) */
	char *locale;			/* BCP 47 tag, canonical: "en" (default), "de-AT", "en-US" */
	enum page_size page_size;
	char *logo;			/* path relative to SRC, NULL when absent */
	bool unsafe_html;		/* keep raw HTML of agreement Markdown */
	int nmappings;
	struct mapping_rule *mappings;
	int nteams;
	struct team_name *teams;	/* `teams`: display names by team id */
};

struct team_name {
	char *id;			/* as agreements and events write it */
	char *name;			/* as pages show it */
	int line, col;			/* of the id in site.yml */
};

/* The name pages show for team id: its `teams` entry, else the id itself
 * (NULL for NULL). Borrowed from s or id. */
const char *site_team_name(const struct site *s, const char *id);

/* ---- agreements (one Markdown file each) ---- */

enum agreement_kind { AGREEMENT_SLA, AGREEMENT_OLA };

struct severity {
	char *key;			/* as written: "1" or "Critical" */
	bool key_is_int;
	int key_int;			/* when key_is_int */
	char *name;			/* label; defaults to the key */
	int64_t response_s;		/* target in business seconds, -1 = none */
	int64_t resolution_s;		/* target (OLA: team budget), -1 = none */
	char *response_text;		/* as written ("15m"), NULL when absent */
	char *resolution_text;
	double goal;			/* percent 0..100; NAN when absent */
	bool has_calendar;		/* calendar replaces the agreement's */
	struct calendar_spec calendar;	/* valid when has_calendar */
	int line, col;			/* where the severity is defined */
};

struct match_field {
	char *field;			/* "requester", "service", "kind", "team", "severity" */
	int nvalues;
	char **values;			/* any of */
};

enum volume_metric { VOLUME_COUNT, VOLUME_VALUE };
/* Front matter `review` (src/review.c): a cycle, or the date of the next review. */
enum review_cycle { REVIEW_NONE, REVIEW_MONTHLY, REVIEW_QUARTERLY, REVIEW_HALF_YEARLY,
	REVIEW_YEARLY, REVIEW_DATE };
enum satisfaction_scale { SCALE_NPS, SCALE_CSAT };

struct credit_tier {
	double below;			/* attainment percent */
	double percent;			/* of the fee */
};

/* A maintenance window (SPEC §8 Exclusions): no clock of the agreement runs
 * in [from, to), as outside working hours (src/maintenance.c). */
struct maintenance_window {
	sla_time from, to;		/* UTC */
	char *reason;			/* required, never NULL once parsed */
	bool *applies;			/* per severity index; NULL: every severity */
	int line, col;			/* of the window in the front matter */
};

/* Earlier terms of an agreement (SPEC §8 Revisions), in force from `from`
 * until the next newer terms' start. */
struct agreement_revision {
	char *effective;		/* "YYYY-MM-DD" as written */
	sla_time from;			/* 00:00 of effective in the agreement's zone */
	char *note;			/* NULL when absent */
	struct agreement *terms;	/* the whole terms then: the newer terms with
					   this revision's keys applied (owned; its
					   identity fields are borrowed, see is_terms) */
	int line, col;			/* of the revision in the front matter */
};

struct agreement {
	char *path;			/* "agreements/it.md", as shown in diagnostics */
	char *id;
	char *title;
	enum agreement_kind kind;
	char *provider;			/* team that delivers */
	char *customer;
	char *supports;			/* OLA: id of the SLA it underpins; NULL for SLAs */
	int supports_index;		/* index into model.agreements, -1 */
	int id_line, id_col;		/* positions of the id and supports values, */
	int supports_line, supports_col;/* for diagnostics across files (0: none) */
	char *effective;		/* "YYYY-MM-DD" or NULL */
	char *review;			/* as written, NULL when absent */
	enum review_cycle review_cycle;	/* REVIEW_NONE when absent or wrong */
	int64_t review_day;		/* REVIEW_DATE: days since epoch */
	int64_t reviewed_day;		/* `reviewed`, days since epoch; INT64_MIN: none */
	int reviewed_line, reviewed_col;	/* of the `reviewed` value (0: none) */
	char *timezone;			/* IANA name (default: the site's) */
	struct tz *zone;		/* owned */
	char *locale;			/* BCP 47 tag of its pages and PDFs; NULL: the site's */
	struct calendar_spec calendar;
	int nmatch;
	struct match_field *match;
	int nseverities;
	struct severity *severities;	/* in front-matter order */
	bool has_volume;
	enum volume_metric volume_metric;
	double volume_min;
	char *volume_per;		/* "month" */
	char *volume_unit;		/* `unit` ("EUR", "leads"), NULL: none; shown
					   with the figures, never computed with */
	bool has_satisfaction;
	enum satisfaction_scale satisfaction_scale;
	double satisfaction_min;
	bool has_credits;
	double credit_fee;
	char *credit_currency;
	int ntiers;
	struct credit_tier *tiers;
	int nmaintenance;
	struct maintenance_window *maintenance;	/* in front-matter order */
	sla_time effective_from;	/* 00:00 of effective (0: none given) */
	int nrevisions;
	struct agreement_revision *revisions;	/* newest first */
	bool is_terms;			/* a revision's terms: only the revisable
					   fields (calendar, match, severities, volume,
					   satisfaction, credits, supports) are its own */
	char *body;			/* Markdown after the front matter */
	int body_line;			/* line of SRC file where body starts */
	struct cmark_node *doc;		/* body parsed by cmark-gfm; owned */
};

/* ---- events ---- */

#define EVENT_TYPES(X) \
	X(OPENED, "opened") \
	X(ASSIGNED, "assigned") \
	X(RESPONDED, "responded") \
	X(PAUSED, "paused") \
	X(RESUMED, "resumed") \
	X(RESOLVED, "resolved") \
	X(REOPENED, "reopened") \
	X(CLOSED, "closed") \
	X(SEVERITY_CHANGED, "severity_changed") \
	X(RATED, "rated") \
	X(NOTE, "note") \
	X(EXCLUDED, "excluded")

enum event_type {
#define X(e, s) EVENT_##e,
	EVENT_TYPES(X)
#undef X
	EVENT__COUNT
};

/* Name of an event type, "opened"…; the index of a name or -1. */
const char *event_type_name(enum event_type t);
int event_type_from_name(const char *s, size_t n);
/* Every type name in enum order, NULL-terminated (for "did you mean"). */
const char *const *event_type_names(void);

/* One event, compact: strings are strtab ids (0 = absent). 64 bytes: a
 * million of them are read, copied, sorted and replayed. */
struct event {
	sla_time at;			/* UTC */
	double num;			/* opened: its "value"; rated: its "score";
					   NAN otherwise and when absent */
	uint32_t item;			/* id of the work item */
	uint32_t seq;			/* input order over all files */
	uint32_t team, severity, agreement, requester, service, kind, title;
					/* excluded: kind holds its reason (the
					   event's own kind is never read) */
	uint32_t file;			/* strtab id of the file path */
	uint32_t line;
	uint8_t type;			/* enum event_type */
};

/* Strtab id of an excluded event's reason (0: none, or another type). */
static inline uint32_t
event_reason(const struct event *e)
{
	return e->type == EVENT_EXCLUDED ? e->kind : 0;
}

struct data_quality {
	uint64_t events_read;
	uint64_t events_skipped;
	uint64_t events_duplicate;
	uint64_t items_skipped;
	uint64_t items_unassigned;
};

/* A value that a mapping's `map` does not list, per data file and field. */
struct unmapped_value {
	uint32_t file, field, value;	/* strtab ids */
	uint32_t line;			/* of the first record holding it */
	uint64_t count;			/* records holding it */
};

/* Event timestamps without offset while site.yml names no zone: read as UTC,
 * which is right only by luck. One warning for them all, at the first. */
struct naive_stamps {
	uint64_t count;
	char *file;			/* of the first, as shown */
	int line, col;
	char *text;			/* the first timestamp as written */
};

struct model {
	char *src;			/* the SRC folder */
	struct site site;
	int nagreements;
	struct agreement *agreements;	/* in file-name order */
	struct event *events;		/* in input order until sorted; NULL once
					   released (model_release_events) */
	size_t nevents, capevents;
	sla_time latest_at;		/* the latest event (set by sorting), 0: none */
	sla_time earliest_at;		/* the earliest (set by sorting), 0: none */
	struct strtab *strings;
	struct data_quality quality;
	struct unmapped_value *unmapped;	/* found by mappings (mapping_apply.c) */
	size_t nunmapped;
	struct diag *diag;		/* every problem; owned */
	struct naive_stamps naive;
	struct commentary *commentary;	/* SRC/commentary/YYYY-MM.md (commentary.h) */
	int ncommentary;
	struct inputs *inputs;		/* the hashed input files (inputs.h), once a
					   build has scanned them; owned */
};

struct model *model_new(const char *src);
void model_free(struct model *m);
/* Counts a timestamp without offset read while site.yml has no timezone. */
void model_note_naive(struct model *m, const char *file, int line, int col,
    const char *text);
/* Adds the one warning about m->naive, if any timestamp was counted. */
void model_warn_naive(struct model *m);
/* Index of the agreement with this id, or -1. */
int model_find_agreement(const struct model *m, const char *id);
/* Severity of agreement a whose key or name is s, or NULL. */
const struct severity *agreement_find_severity(const struct agreement *a, const char *s);
void agreement_free(struct agreement *a);
/* Number of terms of a: the current ones and each revision's. */
static inline int
agreement_nterms(const struct agreement *a)
{
	return a->nrevisions + 1;
}
/* Terms i of a: 0 the current, i the revision i - 1 (newest first). */
static inline const struct agreement *
agreement_terms(const struct agreement *a, int i)
{
	return i == 0 ? a : a->revisions[i - 1].terms;
}
/* Index of the terms in force at instant t: the newest whose start is no
 * later than t; before the oldest start, the oldest terms. */
int agreement_terms_index(const struct agreement *a, sla_time t);
void site_free(struct site *s);
void calendar_spec_free(struct calendar_spec *c);
/* Appends a copy of e, setting its seq to the input order. */
void model_add_event(struct model *m, const struct event *e);
/* Sorts events by (item, at, seq) and drops duplicates (same item, instant and
 * type; the first in input order stays), counting them in quality. */
void model_sort_events(struct model *m);
/* Frees the events once the KPIs are computed: the renderers need only the
 * agreements, the strings and latest_at (a tenth of the memory at scale). */
void model_release_events(struct model *m);

#endif
