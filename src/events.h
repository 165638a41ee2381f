/* events.h: streaming reader of canonical event files (JSON array, {"events": []}, NDJSON). */
#ifndef SLAREPORT_EVENTS_H
#define SLAREPORT_EVENTS_H

#include "model.h"

/* Reads one event file into m->events, record by record; never builds a tree of
 * the whole file. relpath names the file in diagnostics ("events/a.json").
 * Bad records are reported in m->diag, counted and skipped. Returns 0, or -1 when
 * the file could not be read at all (also reported). */
int events_load_file(struct model *m, const char *relpath, const char *fullpath);

/* Converts one parsed JSON object into an event and appends it; the helper the
 * mapping importer shares. line/col locate the record for diagnostics. Returns 0
 * when the event was kept. */
struct cJSON;
int events_add_json(struct model *m, const struct cJSON *obj, uint32_t file,
    const char *relpath, int line, int col);

#endif
