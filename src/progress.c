/* progress.c: the progress line of progress.h. */
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int enabled;
static int shown;
static double started, last;
/* SLAREPORT_TIMINGS set: each stage's wall time is printed when the next one
 * begins ("where the time goes" without a profiler; docs/performance.md). */
static int timings;
static const char *stage;
static double stage_began;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
progress_init(int on)
{
	enabled = on && isatty(STDERR_FILENO);
	timings = getenv("SLAREPORT_TIMINGS") != NULL;
	stage = NULL;
	started = stage_began = now();
	last = 0;
	shown = 0;
}

void
progress_note(const char *what, uint64_t done, uint64_t total, const char *unit)
{
	double t;

	if (timings && (stage == NULL || strcmp(stage, what) != 0)) {
		t = now();
		fprintf(stderr, "slareport: timing: %s: %.3f s\n",
		    stage != NULL ? stage : "starting", t - stage_began);
		stage = what;
		stage_began = t;
	}
	if (!enabled)
		return;
	t = now();
	if (t - started < 1.0 || t - last < 0.1)
		return;
	last = t;
	if (total > 0)
		fprintf(stderr, "\r\033[Kslareport: %s: %llu/%llu %s (%.0f%%)", what,
		    (unsigned long long)done, (unsigned long long)total, unit,
		    100.0 * (double)done / (double)total);
	else
		fprintf(stderr, "\r\033[Kslareport: %s…", what);
	fflush(stderr);
	shown = 1;
}

void
progress_done(void)
{
	if (timings && stage != NULL)
		fprintf(stderr, "slareport: timing: %s: %.3f s\nslareport: timing: total: %.3f s\n",
		    stage, now() - stage_began, now() - started);
	stage = NULL;
	progress_clear();
}

void
progress_clear(void)
{
	if (shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		shown = 0;
	}
}
