/* fingerprint.c: the inputs fingerprint of the pages, from the hashed input list (inputs.c). */
#include "fingerprint.h"

#include "inputs.h"
#include "util.h"

char *
fingerprint_inputs(const struct model *m)
{
	struct inputs *in;
	char *fp;

	if (m->inputs != NULL)
		return xstrdup(m->inputs->fingerprint);
	in = inputs_scan(m);
	fp = xstrdup(in->fingerprint);
	inputs_free(in);
	return fp;
}
