/* events.h: streaming reader of canonical event files (JSON array, {"events": []}, NDJSON). */
#ifndef SLAREPORT_EVENTS_H
#define SLAREPORT_EVENTS_H

#include "model.h"

/* Reads one event file into m->events, record by record; never builds a tree of
 * the whole file. relpath names the file in diagnostics ("events/a.json").
 * Bad records are reported in m->diag, counted and skipped. Returns 0, or -1 when
 * the file could not be read at all (also reported). */
int events_load_file(struct model *m, const char *relpath, const char *fullpath);

/* Reads part of an NDJSON file the same way: the lines that start at byte
 * offsets start … end - 1 (a line begins at 0 or after a newline). Line
 * numbers in events and diagnostics count from the part's first line (add the
 * lines of the parts before); *lines is how many lines the part covered. Says
 * nothing about an empty file (the caller knows whether all parts were). */
int events_load_part(struct model *m, const char *relpath, const char *fullpath,
    int64_t start, int64_t end, int *lines);

/* Receives each record of a file read through a mapping (events_stream_file):
 * line/col where the record (NDJSON: its line) starts, ptr its JSON Pointer in
 * the file ("" for a whole NDJSON line or a file holding one object; in NDJSON
 * relative to the line). rec is borrowed for the call. */
struct cJSON;
typedef void events_record_fn(void *ctx, const struct cJSON *rec, int line, int col,
    const char *ptr);

/* As events_load_file, but hands the records to fn instead of the model: the
 * elements of the array at JSON Pointer records ("": the top-level array, a
 * single top-level object, or each NDJSON line; in NDJSON the pointer applies
 * inside each line). The array is streamed, never parsed whole. Malformed
 * records are reported and counted as read and skipped. */
int events_stream_file(struct model *m, const char *relpath, const char *fullpath,
    const char *records, events_record_fn *fn, void *ctx);

/* Converts one parsed JSON object into an event and appends it; the helper the
 * mapping importer shares. line/col locate the record for diagnostics. Returns 0
 * when the event was kept. */
int events_add_json(struct model *m, const struct cJSON *obj, uint32_t file,
    const char *relpath, int line, int col);

#endif
