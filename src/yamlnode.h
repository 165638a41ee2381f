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

#endif
