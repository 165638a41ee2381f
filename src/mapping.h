/* mapping.h: mapping files (SPEC §3) — how a foreign export becomes events. */
#ifndef SLAREPORT_MAPPING_H
#define SLAREPORT_MAPPING_H

#include <stdbool.h>
#include "diag.h"
#include "jsonptr.h"
#include "model.h"

struct cJSON;
struct tz;

/* The event fields a mapping can fill; MF_STATE and MF_OPENED_AT only in
 * snapshots mode, MF_TYPE only in events mode. */
#define MAPPING_FIELDS(X) \
	X(ID, "id") X(AT, "at") X(TYPE, "type") X(STATE, "state") \
	X(OPENED_AT, "opened_at") X(TEAM, "team") X(SEVERITY, "severity") \
	X(AGREEMENT, "agreement") X(REQUESTER, "requester") X(SERVICE, "service") \
	X(KIND, "kind") X(TITLE, "title") X(VALUE, "value") X(SCORE, "score") \
	X(REASON, "reason")

enum mapping_field_id {
#define X(e, s) MF_##e,
	MAPPING_FIELDS(X)
#undef X
	MF__COUNT
};

/* Deepest nesting of `each` arrays. */
#define MAPPING_MAX_EACH 6

enum mapping_mode { MAPPING_EVENTS, MAPPING_SNAPSHOTS };
enum mapping_time { MT_RFC3339, MT_EPOCH, MT_EPOCH_MS, MT_STRFTIME };
/* The states of snapshots mode, in the order of their names. */
enum mapping_state { MS_OPEN, MS_PAUSED, MS_RESOLVED, MS_CLOSED };

/* One field: a pointer into the record or a constant, then the options. */
struct mapping_field {
	bool used;
	bool has_path;
	struct jsonptr path;
	bool has_before;
	struct jsonptr before;		/* snapshots: the value before this change */
	bool if_present;		/* only where the path finds something */
	struct cJSON *konst;		/* `const`, NULL when absent */
	struct cJSON *dflt;		/* `default`, NULL when absent */
	size_t nmap;
	char **map_keys;		/* source values as text */
	struct cJSON **map_values;	/* what they become (null: drop) */
	size_t nwhen;
	struct jsonptr *when_path;	/* applies only where each … */
	char ***when_values;		/* … is one of these texts (NULL-terminated) */
	size_t nalt;
	struct mapping_field *alt;	/* a list: the first that gives a value */
	enum mapping_time time;
	char *strftime;			/* MT_STRFTIME pattern */
	bool has_zone;
	struct tz *zone;		/* of timestamps without offset; owned */
};

struct mapping {
	char *name;			/* as shown in diagnostics */
	char *description;		/* one line, NULL when absent */
	char *records;			/* JSON Pointer text, "" = top level */
	int neach;
	struct jsonptr *each;		/* nested arrays, outermost first */
	enum mapping_mode mode;
	struct mapping_field fields[MF__COUNT];
	bool has_record;		/* `record`: fields of the parent itself */
	struct mapping_field record[MF__COUNT];
};

/* Parses and checks the mapping file text (JSON, or YAML) named name in
 * diagnostics. Every problem goes to d as name:line:col with the key. Returns
 * the mapping, or NULL when it has errors. The caller frees it. */
struct mapping *mapping_parse(const char *name, const char *text, size_t len,
    struct diag *d);
void mapping_free(struct mapping *mp);

/* Name of a field ("team"), and the names of the states ("open"…). */
const char *mapping_field_name(enum mapping_field_id f);
const char *mapping_state_name(enum mapping_state s);

/* Opens the mapping spec names: a file (relative to base when base is not
 * NULL), else, when no such file exists, a shipped mapping ("servicenow",
 * "mappings/servicenow.json"; "builtin:servicenow" always means the shipped
 * one). Problems go to d, at where/line/col when the file cannot be found.
 * Returns NULL when it cannot be read (*missing set) or has errors. */
struct mapping *mapping_open(const char *base, const char *spec, struct diag *d,
    const char *where, int line, int col, bool *missing);

/* ---- shipped mappings (mappings/ embedded in the binary) ---- */

/* The text of shipped mapping name ("servicenow", "builtin:servicenow" or
 * "mappings/servicenow.json"), or NULL. Borrowed (resource_get). */
const char *mapping_builtin(const char *name, size_t *len);
/* Calls fn for each shipped mapping, in name order, with its short name. */
void mapping_builtin_each(void (*fn)(void *ctx, const char *name, const char *text,
    size_t len), void *ctx);

/* ---- applying mappings (mapping_apply.c) ---- */

/* State kept across the files of one run: snapshots wait until every file is
 * read, because records of one id are taken in `at` order over all files. */
struct mapping_run;

struct mapping_run *mapping_run_new(struct model *m);
/* Reads one data file through mp: events go to the model (events mode) or
 * wait in r (snapshots). relpath names the file in diagnostics. Returns 0, or
 * -1 when the file could not be read (reported). */
int mapping_run_file(struct mapping_run *r, const struct mapping *mp,
    const char *relpath, const char *fullpath);
/* Emits the events of the snapshots, reports the values missing from a `map`
 * (also recorded in m->unmapped) and frees r. */
void mapping_run_finish(struct mapping_run *r);

#endif
