/* json_print.h: a faster cJSON_Print, byte for byte the same text (kpis.json). */
#ifndef SLAREPORT_JSON_PRINT_H
#define SLAREPORT_JSON_PRINT_H

#include <stdio.h>
#include "util.h"

struct cJSON;

/* Appends item to sb formatted exactly as cJSON 1.7.15's cJSON_Print does
 * (without a trailing newline; sb stays NUL-terminated, the caller frees it).
 * Returns 0, or -1 with sb as it was where cJSON_Print returns NULL: a NULL
 * item, a Raw value without text, a value of no known type. */
int json_print(struct strbuf *sb, const struct cJSON *item);
/* The same for an item printed inside depth arrays and objects (its lines
 * indented to match): the text a cJSON_Raw node in its place must hold. */
int json_print_at(struct strbuf *sb, const struct cJSON *item, size_t depth);
/* The same text written to f as it is made, 64 KiB at a time. Returns 0, or
 * -1 when ferror(f) is set (a write failed) or the tree cannot be printed
 * (part of the text may be written by then). */
int json_print_file(FILE *f, const struct cJSON *item);

#endif
