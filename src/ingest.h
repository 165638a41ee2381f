/* ingest.h: reads a whole SRC folder (site.yml, agreements/, events/) into a model. */
#ifndef SLAREPORT_INGEST_H
#define SLAREPORT_INGEST_H

#include "model.h"

enum ingest_status {
	INGEST_OK = 0,		/* read; problems (if any) are in m->diag */
	INGEST_NO_SRC,		/* SRC missing or not a folder */
	INGEST_IO,		/* a file could not be read */
	INGEST_NO_MAP,		/* the --map file does not exist */
};

/* Loads SRC into a new model (*out, caller frees with model_free), sorted and
 * de-duplicated events included. Paths in diagnostics are relative to SRC.
 * map (--map, may be NULL) is the mapping file every event file is read
 * through; otherwise site.yml `mappings` chooses per file (SPEC §3). */
enum ingest_status ingest_load(const char *src, const char *map, struct model **out);

#endif
