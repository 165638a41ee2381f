/* yamlnode.h: one YAML document as a small tree with source positions (libyaml). */
#ifndef SLAREPORT_YAMLNODE_H
#define SLAREPORT_YAMLNODE_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

/* Deepest nesting of mappings and sequences accepted. */
#define YAMLNODE_MAX_DEPTH 64

enum yamlnode_type { YAMLNODE_SCALAR, YAMLNODE_SEQUENCE, YAMLNODE_MAPPING };

struct yamlnode {
	enum yamlnode_type type;
	int line, col;			/* 1-based in the source file; col in bytes */
	bool quoted;			/* scalar: quoted or block style, never null */
	char *text;			/* scalar: value, NUL-terminated (UTF-8) */
	size_t len;			/* scalar: bytes of text */
	size_t n;			/* sequence: items; mapping: key/value pairs */
	struct yamlnode **items;	/* sequence: n items; mapping: 2n, key then value */
};

/* Parses text[0..len) as at most one YAML document into *root (NULL when the
 * text holds no document). first_line is the 1-based line of the source file
 * where text begins. Every problem (invalid UTF-8, syntax, duplicate key, alias,
 * tag, nesting deeper than YAMLNODE_MAX_DEPTH, a second document) is recorded as
 * an error under path. Returns the number of errors; *root is NULL unless it is
 * 0. The caller frees *root with yamlnode_free(). */
int yamlnode_parse(const char *text, size_t len, int first_line, const char *path,
    struct diag *d, struct yamlnode **root);
/* Frees n and everything below it; NULL is fine. */
void yamlnode_free(struct yamlnode *n);

/* Key and value of the i-th pair of a mapping (borrowed). */
const struct yamlnode *yamlnode_key(const struct yamlnode *map, size_t i);
const struct yamlnode *yamlnode_value(const struct yamlnode *map, size_t i);
/* Value of the pair whose scalar key is key in a mapping, or NULL (borrowed). */
const struct yamlnode *yamlnode_get(const struct yamlnode *map, const char *key);
/* Whether n is YAML null: a plain scalar "", "~", "null", "Null" or "NULL". */
bool yamlnode_is_null(const struct yamlnode *n);
/* "a mapping", "a list" or "a string", for messages (static). */
const char *yamlnode_type_name(const struct yamlnode *n);

/* ---- checked access for schemas ----
 * Errors and warnings name a key path ("severities.2.resolution") and the
 * position of the offending node; they collect in a private diag and reach the
 * caller's sorted by position. */
struct yamlcheck {
	const char *path;		/* file as shown in diagnostics */
	struct diag *d;			/* private, until yamlnode_check_finish */
	int errors;
	const char *prefix;		/* key path every report is under ("revisions[0]"), or NULL */
	bool strict;			/* unknown keys are errors, not warnings */
	char shown[96];			/* yamlnode_show's buffer */
};

/* Starts collecting diagnostics for path (borrowed until finish). */
void yamlnode_check_init(struct yamlcheck *c, const char *path);
/* Moves the collected diagnostics into d, ordered by line and column (file-
 * level ones first, ties in the order found), and frees them. */
void yamlnode_check_finish(struct yamlcheck *c, struct diag *d);
/* Records "kp: message" (or "message" when kp is NULL or "") at node at (no
 * position when NULL); errors are counted in c->errors. */
void yamlnode_report(struct yamlcheck *c, enum diag_level level,
    const struct yamlnode *at, const char *kp, const char *fmt, ...) PRINTF_LIKE(5, 6);
/* n for messages: "\"text\"" (shortened) or "a mapping" / "a list"; valid until
 * the next call (c's buffer). */
const char *yamlnode_show(struct yamlcheck *c, const struct yamlnode *n);
/* "kp.key", or "key" when kp is ""; the caller frees. */
char *yamlnode_path(const char *kp, const char *key);
/* Warns "unknown key" for each key of map not in the NULL-terminated known. */
void yamlnode_check_keys(struct yamlcheck *c, const struct yamlnode *map,
    const char *kp, const char *const *known);
/* Value of key in map, NULL when absent or null; then an error when required
 * ("missing key", or "no value given" at a null). Borrowed. */
const struct yamlnode *yamlnode_field(struct yamlcheck *c, const struct yamlnode *map,
    const char *kp, const char *key, bool required);
/* As yamlnode_field, but a mapping or list is an error "expected <expect>". */
const struct yamlnode *yamlnode_scalar(struct yamlcheck *c, const struct yamlnode *map,
    const char *kp, const char *key, bool required, const char *expect);
/* Copy of the string value of key, or NULL; the caller frees. */
char *yamlnode_string(struct yamlcheck *c, const struct yamlnode *map,
    const char *kp, const char *key, bool required);
/* Decimal number of key within [lo, hi] (hi may be INFINITY) into *out;
 * false when absent or wrong (reported). */
bool yamlnode_number(struct yamlcheck *c, const struct yamlnode *map, const char *kp,
    const char *key, bool required, double lo, double hi, double *out);
/* Index into the NULL-terminated choices of key's value (compared without
 * case), or -1 when absent or not one of them (reported). */
int yamlnode_choice(struct yamlcheck *c, const struct yamlnode *map, const char *kp,
    const char *key, bool required, const char *const *choices);

#endif
