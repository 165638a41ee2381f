/* fuzz_mustache.c: template bytes → mustache_render over a small data tree,
 * with the input also served as every partial (so partial recursion and its
 * depth limit are exercised). */
#include "fuzz.h"
#include <cJSON.h>
#include "mustache.h"

struct src {
	const char *text;
	size_t len;
};

static const char *
load(void *ctx, const char *name, size_t *len)
{
	const struct src *s = ctx;

	(void)name;
	*len = s->len;
	return s->text;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static cJSON *tree;
	struct src s = { (const char *)data, size };
	struct mustache *mu = mustache_new(load, &s);
	struct mustache_error err;
	char *out;

	if (tree == NULL)
		tree = cJSON_Parse("{\"a\": {\"b\": [1, 2, {\"c\": \"<x>&\"}]}, \"list\": "
		    "[{\"n\": \"x\"}, {\"n\": null}], \"t\": true, \"f\": false, \"s\": \"str\", "
		    "\"z\": 0, \"e\": []}");
	out = mustache_render(mu, s.text, s.len, tree, &err);
	free(out);
	mustache_free(mu);
	return 0;
}
