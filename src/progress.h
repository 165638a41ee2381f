/* progress.h: a one-line progress note on stderr (SPEC §7) — only when stderr
 * is a terminal and the run has taken more than a second, so that pipes, logs
 * and quick runs stay clean. */
#ifndef SLAREPORT_PROGRESS_H
#define SLAREPORT_PROGRESS_H

#include <stdint.h>

/* Starts the clock; call once at program start. enabled = 0 silences it (-q). */
void progress_init(int enabled);
/* Shows "what: done/total unit" (total 0: "what…"), at most ten times a second. */
void progress_note(const char *what, uint64_t done, uint64_t total, const char *unit);
/* The run is over: with SLAREPORT_TIMINGS set in the environment, prints the
 * time of the last stage and the total (each stage's time is printed when the
 * next progress_note names another stage). Erases the line. */
void progress_done(void);
/* Erases the line, if one was shown (before printing anything else). */
void progress_clear(void);

#endif
