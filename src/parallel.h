/* parallel.h: runs independent jobs (pages, PDF files) in forked workers, one
 * per processor (at most four). Jobs write files and return 0 or an errno
 * value; they must not need each other's memory. */
#ifndef SLAREPORT_PARALLEL_H
#define SLAREPORT_PARALLEL_H

#include <stddef.h>

/* Runs job(ctx, j, why, whylen) for j = 0 … njobs-1, spread over the workers.
 * Returns 0, or the first failing job's value with its message in why. A
 * worker that dies counts as EIO. Diagnostics a job records in memory stay in
 * its worker: a job prints what it must itself. */
int parallel_run(int njobs, int (*job)(void *ctx, int j, char *why, size_t whylen),
    void *ctx, char *why, size_t whylen);

#endif
