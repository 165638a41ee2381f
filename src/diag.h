/* diag.h: positioned diagnostics (file:line:col: level: message), collected. */
#ifndef SLAREPORT_DIAG_H
#define SLAREPORT_DIAG_H

#include <stdio.h>
#include <stddef.h>
#include "util.h"

enum diag_level { DIAG_WARNING, DIAG_ERROR };

struct diag_entry {
	char *file;		/* path as shown to the user, e.g. "agreements/it.md" */
	int line, col;		/* 1-based; 0 when unknown */
	enum diag_level level;
	char *message;
};

struct diag;

struct diag *diag_new(void);
void diag_free(struct diag *d);
/* Records one problem; file may be NULL. Strings are copied. Of each file, at
 * most 1000 errors and 1000 warnings are kept, then one saying that the rest
 * are not shown; diag_count counts them all. */
void diag_add(struct diag *d, enum diag_level level, const char *file, int line,
    int col, const char *fmt, ...) PRINTF_LIKE(6, 7);
/* The problems of one part of the input, read apart from the rest (a file
 * or part of one on a thread): merged into the whole list with diag_append,
 * which applies the per-file limit over all parts. */
struct diag *diag_new_part(void);
/* Appends every entry and count of src (made by diag_new_part), in order,
 * adding line_offset to every known line number. */
void diag_append(struct diag *d, const struct diag *src, int line_offset);
size_t diag_count(const struct diag *d, enum diag_level level);
size_t diag_len(const struct diag *d);
const struct diag_entry *diag_get(const struct diag *d, size_t i);
/* Prints every entry in the order recorded as "file:line:col: error: message". */
void diag_print(const struct diag *d, FILE *fp);
/* Formats one entry the same way into a string the caller frees. */
char *diag_format(const struct diag_entry *e);

#endif
