/* events_pool.h: canonical event files read on worker threads, merged into the
 * model in file order — the same model, ids, order and diagnostics as reading
 * them one after the other with events_load_file. */
#ifndef SLAREPORT_EVENTS_POOL_H
#define SLAREPORT_EVENTS_POOL_H

#include <stdbool.h>
#include "model.h"

struct events_pool;

/* Starts reading, on up to one thread per processor, file i (rel[i] named in
 * diagnostics, full[i] opened) for every i < n with want[i]. The arrays and
 * m->site must outlive the pool. Returns NULL when threads would not help
 * (fewer than two files wanted, one processor) or cannot be started: read the
 * files with events_load_file then. */
struct events_pool *events_pool_start(struct model *m, int n, char *const *rel,
    char *const *full, const bool *want);

/* Waits until file i (wanted) is read and appends its events, strings,
 * diagnostics and counts to the model. Files must be merged in increasing i;
 * other files (read through mappings) may be read into m between merges.
 * Returns as events_load_file. */
int events_pool_merge(struct events_pool *p, int i);

/* Stops the workers and frees the pool (files not merged are dropped). */
void events_pool_free(struct events_pool *p);

#endif
