/* fuzz_site.c: site.yml bytes → frontmatter_parse_site (libyaml + schema checks). */
#include "fuzz.h"
#include "diag.h"
#include "frontmatter.h"
#include "model.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct site s;
	struct diag *d = diag_new();
	size_t i;

	frontmatter_parse_site(&s, "site.yml", (const char *)data, size, d);
	/* Formatting every message walks every string a diagnostic copied. */
	for (i = 0; i < diag_len(d); i++)
		free(diag_format(diag_get(d, i)));
	site_free(&s);
	diag_free(d);
	return 0;
}
