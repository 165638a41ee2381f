/* output.h: everything `build` writes, published atomically into OUT. */
#ifndef SLAREPORT_OUTPUT_H
#define SLAREPORT_OUTPUT_H

#include "model.h"

enum output_format {
	OUTPUT_HTML = 1 << 0,
	OUTPUT_JSON = 1 << 1,
	OUTPUT_CSV = 1 << 2,
};

enum output_status { OUTPUT_OK, OUTPUT_CANTCREATE, OUTPUT_IO };

/* Computes the KPIs of m for months from_ym … to_ym (-1: default range) and
 * publishes the chosen formats to out. Problems are printed on stderr. */
enum output_status output_build(struct model *m, const char *out, int from_ym,
    int to_ym, unsigned formats, int verbosity);

#endif
