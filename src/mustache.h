/* mustache.h: Mustache templates (spec v1.x core: interpolation, sections,
 * inverted sections, comments, partials, set delimiters) over cJSON data.
 * Lambdas and the optional modules (dynamic names, inheritance) are not
 * implemented: cJSON data cannot hold code, and our templates do not need them.
 * Sections are hidden by false, null, a missing name, [], "" and 0. */
#ifndef SLAREPORT_MUSTACHE_H
#define SLAREPORT_MUSTACHE_H

#include <stddef.h>

struct cJSON;
struct mustache;

/* Where and why a template failed: line and column (1-based, bytes) in the
 * template named where ("" for the text given to mustache_render). */
struct mustache_error {
	char where[64];
	int line, col;
	char message[160];
};

/* Returns the source of partial name (len bytes, need not be NUL-terminated)
 * or NULL when there is none; the text must stay valid while the mustache
 * set lives. */
typedef const char *(*mustache_loader)(void *ctx, const char *name, size_t *len);

/* A set of templates that share a loader; compiled templates are cached, so
 * rendering the same name many times parses it once. Free with mustache_free(). */
struct mustache *mustache_new(mustache_loader load, void *ctx);
void mustache_free(struct mustache *mu);

/* Renders template name (through the loader) with data as the root context.
 * Returns the text (the caller frees it) or NULL with *err filled in: missing
 * template, unclosed tag or section, bad delimiter, partials nested over 64 deep. */
char *mustache_render_name(struct mustache *mu, const char *name, const struct cJSON *data,
    struct mustache_error *err);
/* The same for a template given as text (not cached). */
char *mustache_render(struct mustache *mu, const char *text, size_t len,
    const struct cJSON *data, struct mustache_error *err);

#endif
