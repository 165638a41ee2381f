/* fingerprint.h: the inputs fingerprint every page shows (docs/site.md). */
#ifndef SLAREPORT_FINGERPRINT_H
#define SLAREPORT_FINGERPRINT_H

#include "model.h"

/* SHA-256, as 64 lowercase hex digits, over the list of inputs (inputs.h:
 * site.yml, the agreements (.md), the event files (.json, .ndjson, .jsonl)
 * and the mapping files site.yml names, in that order and by name within a
 * folder): for each file its path relative to m->src and a NUL, then
 * "<size>:<sha256 of its bytes>" and a line feed (a file that cannot be read:
 * the path and NUL only). Each file is read once per build: m->inputs when
 * set, else a scan. The caller frees the string. */
char *fingerprint_inputs(const struct model *m);

#endif
