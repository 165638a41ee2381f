/* resource.h: templates, CSS, i18n tables and mappings — embedded in the binary
 * at build time (gen/embed.c), overridable file by file from a folder. */
#ifndef SLAREPORT_RESOURCE_H
#define SLAREPORT_RESOURCE_H

#include <stddef.h>

struct resource {
	const char *name;		/* relative to templates/, e.g. "i18n/de.json" */
	const unsigned char *data;	/* NUL-terminated */
	size_t len;
};

/* The embedded files, sorted by name (generated into build/resources.c). */
extern const struct resource resource_table[];
extern const size_t resource_count;

/* Files in dir (--templates DIR) take precedence over the embedded ones; NULL
 * restores the embedded set. dir is not copied and must outlive its use. */
void resource_set_override(const char *dir);

/* The contents of name, NUL-terminated, or NULL when there is no such file.
 * *len (may be NULL) receives the length. The result stays valid until
 * resource_release_all(); the caller does not free it. */
const char *resource_get(const char *name, size_t *len);

/* Frees the override files read so far. */
void resource_release_all(void);

#endif
