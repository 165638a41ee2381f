/* output.h: everything `build` writes, published atomically into OUT. */
#ifndef SLAREPORT_OUTPUT_H
#define SLAREPORT_OUTPUT_H

#include "items.h"
#include "model.h"

enum output_format {
	OUTPUT_HTML = 1 << 0,
	OUTPUT_JSON = 1 << 1,
	OUTPUT_CSV = 1 << 2,
	OUTPUT_PDF = 1 << 3,
};

/* OUTPUT_FROZEN: the build would restate a month up to --frozen-until. */
enum output_status { OUTPUT_OK, OUTPUT_CANTCREATE, OUTPUT_IO, OUTPUT_FROZEN };

struct output_options {
	const char *out;	/* the folder to publish */
	int from_ym, to_ym;	/* months to report, -1: the default range */
	unsigned formats;	/* enum output_format bits */
	int verbosity;		/* 0 quiet, 1 normal, 2 verbose */
	const char *templates;	/* --templates DIR, or NULL */
	int frozen_until_ym;	/* --frozen-until: no month up to it may be
				   restated (SPEC §8); -1: none */
	/* items_check running beside (items_check_start), or NULL: waited for
	 * after the KPIs are computed, then m's problems go to print_problems. */
	struct items_check_run *check;
	void (*print_problems)(const struct diag *d, int verbosity);
};

/* Computes the KPIs of m for the months asked for and publishes the chosen
 * formats to o->out. Problems are printed on stderr. */
enum output_status output_build(struct model *m, const struct output_options *o);

#endif
