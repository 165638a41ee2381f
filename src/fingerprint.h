/* fingerprint.h: the inputs fingerprint every page shows (docs/site.md). */
#ifndef SLAREPORT_FINGERPRINT_H
#define SLAREPORT_FINGERPRINT_H

#include "model.h"

/* SHA-256, as 64 lowercase hex digits, over site.yml, the agreements (.md),
 * the event files (.json, .ndjson, .jsonl) and the mapping files site.yml names, in
 * that order and by name within a folder: for each file its path relative to
 * m->src and a NUL, then "<size>:" and its bytes (a file that cannot be read:
 * the path only). Streams the files. The caller frees the string. */
char *fingerprint_inputs(const struct model *m);

#endif
