/* test_fingerprint.c: the inputs fingerprint against SHA-256 computed
 * independently (Python's hashlib) over the documented byte sequence. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "fingerprint.h"

static void
put(const char *dir, const char *rel, const char *text)
{
	char path[256];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, rel);
	cr_assert_not_null(fp = fopen(path, "wb"), "%s", path);
	fputs(text, fp);
	fclose(fp);
}

Test(fingerprint, documented_bytes)
{
	char dir[] = "/tmp/slareport-fp-XXXXXX", sub[300];
	struct model *m;
	char *fp;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(sub, sizeof sub, "%s/agreements", dir);
	mkdir(sub, 0755);
	snprintf(sub, sizeof sub, "%s/events", dir);
	mkdir(sub, 0755);
	put(dir, "site.yml", "title: T\n");
	put(dir, "agreements/b.md", "B");
	put(dir, "agreements/a.md", "---\nid: a\n---\n");
	put(dir, "agreements/notes.txt", "not an input");
	put(dir, "events/f.ndjson", "{}\n");
	put(dir, "events/e.json", "[]");
	put(dir, "events/readme.txt", "not an input");
	m = model_new(dir);
	m->site.nmappings = 1;
	m->site.mappings = calloc(1, sizeof *m->site.mappings);
	m->site.mappings[0].pattern = strdup("*.json");
	m->site.mappings[0].mapping = strdup("events/missing-map.json");
	fp = fingerprint_inputs(m);
	/* hashlib.sha256 over rel NUL size ":" sha256(bytes) LF per file, in the
	 * documented order, then "events/missing-map.json" NUL (unreadable: the
	 * path only). */
	cr_expect_str_eq(fp, "48ecce6a0b29a15bcc4bad9f96bffed181b98e8847db1a3ee20cd36eb64c6505");
	free(fp);
	model_free(m);
	snprintf(sub, sizeof sub, "rm -rf '%s'", dir);
	cr_expect_eq(system(sub), 0);
}
