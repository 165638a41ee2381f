/* progress.c: the progress line of progress.h. */
#include "progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static int enabled;
static int shown;
static double started, last;

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
	started = now();
	last = 0;
	shown = 0;
}

void
progress_note(const char *what, uint64_t done, uint64_t total, const char *unit)
{
	double t;

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
progress_clear(void)
{
	if (shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		shown = 0;
	}
}
