/* publish.h: writes an output folder beside the old one and swaps it in atomically. */
#ifndef SLAREPORT_PUBLISH_H
#define SLAREPORT_PUBLISH_H

#include <stddef.h>

struct publish;

/* Prepares to publish OUT: makes a fresh temporary folder beside it. Returns
 * NULL and sets *why (static text; errno-based detail in *err) when OUT cannot
 * be created: its parent is missing or read-only, or OUT is a file. */
struct publish *publish_begin(const char *out, const char *src, const char **why,
    int *err);
/* The temporary folder being filled (valid until commit or abort). */
const char *publish_dir(const struct publish *p);
/* Writes relpath (slash-separated, made from slugs only) inside the temporary
 * folder, creating sub-folders. Returns 0 or an errno value. */
int publish_write(struct publish *p, const char *relpath, const void *data, size_t len);
/* Creates a sub-folder of the temporary folder. Returns 0 or an errno value. */
int publish_mkdir(struct publish *p, const char *relpath);
/* Swaps the new folder in for OUT in one rename, removes the old one and any
 * temporary folders that killed runs left behind. Frees p. Returns 0 or errno. */
int publish_commit(struct publish *p);
/* Removes the temporary folder; OUT stays as it was. Frees p. */
void publish_abort(struct publish *p);
/* Removes a folder tree without following symbolic links. Returns 0 or errno. */
int remove_tree(const char *path);

#endif
