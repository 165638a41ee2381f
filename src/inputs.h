/* inputs.h: the input files of a publication (SPEC §8 Restatements) — each
 * with its SHA-256 and size, hashed once per build — and data/inputs.json. */
#ifndef SLAREPORT_INPUTS_H
#define SLAREPORT_INPUTS_H

#include <stddef.h>
#include <stdbool.h>
#include "model.h"

struct cJSON;

struct input_file {
	char *path;			/* relative to SRC, "events/x.json" */
	char sha256[65];		/* lowercase hex; "" when unreadable */
	long long size;			/* -1 when unreadable */
};

struct inputs {
	size_t n;
	struct input_file *v;		/* site.yml, agreements, events, commentary, mappings */
	char fingerprint[65];		/* over the list: docs/site.md */
	char *data_as_of;		/* UTC stamp of the latest event, NULL: none */
};

/* Reads and hashes every input of m (site.yml, the .md files of agreements/,
 * the .json, .ndjson and .jsonl files of events/ by name, then the mapping
 * files site.yml names), each file once, streamed. Never NULL. */
struct inputs *inputs_scan(const struct model *m);
void inputs_free(struct inputs *in);
/* data/inputs.json: {"data_as_of", "fingerprint", "files": [{path, sha256, size}]}. */
struct cJSON *inputs_json(const struct inputs *in);
/* An earlier publication's inputs.json; NULL when it is not one (*why says). */
struct inputs *inputs_from_json(const struct cJSON *j, const char **why);

/* How an input changed between two publications. */
enum input_change { INPUT_ADDED, INPUT_REMOVED, INPUT_CHANGED };
struct input_diff {
	const char *path;		/* borrowed from the inputs */
	enum input_change change;
};
/* The files added, removed or changed from before to now, by path, into *out
 * (caller frees the array). Returns their number. */
size_t inputs_diff(const struct inputs *before, const struct inputs *now,
    struct input_diff **out);
const char *input_change_name(enum input_change c);

#endif
