/* ingest.c: the folder layout of SPEC §2 read in a fixed order into one model. */
#include "ingest.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "events.h"
#include "frontmatter.h"
#include "progress.h"

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void
load_site(struct model *m, int *io)
{
	char *path = xasprintf("%s/site.yml", m->src), *text = NULL;
	size_t len = 0;
	int err = read_file(path, &text, &len);

	if (err != 0 && err != ENOENT) {
		diag_add(m->diag, DIAG_ERROR, "site.yml", 0, 0, "cannot read: %s",
		    strerror(err));
		*io = 1;
	}
	/* No site.yml: every setting takes its default. */
	frontmatter_parse_site(&m->site, "site.yml", err == 0 ? text : NULL, len,
	    m->diag);
	free(text);
	free(path);
}

static void
load_agreements(struct model *m, int *io)
{
	static const char *const suffixes[] = { ".md", NULL };
	char *dir = xasprintf("%s/agreements", m->src), **names = NULL;
	int n, i;

	n = list_dir(dir, suffixes, &names);
	if (n < 0) {
		diag_add(m->diag, DIAG_ERROR, "agreements", 0, 0,
		    "cannot read the agreements folder: %s", strerror(-n));
		if (n != -ENOENT)
			*io = 1;
		n = 0;
	} else if (n == 0)
		diag_add(m->diag, DIAG_ERROR, "agreements", 0, 0,
		    "no agreements (*.md files) found");
	m->agreements = xcalloc((size_t)n, sizeof *m->agreements);
	for (i = 0; i < n; i++) {
		char *rel = xasprintf("agreements/%s", names[i]);
		char *full = xasprintf("%s/%s", m->src, rel), *text = NULL;
		size_t len = 0;
		int err = read_file(full, &text, &len);
		struct agreement *a = &m->agreements[m->nagreements];

		if (err != 0) {
			diag_add(m->diag, DIAG_ERROR, rel, 0, 0, "cannot read: %s",
			    strerror(err));
			*io = 1;
		} else {
			frontmatter_parse_agreement(a, rel, text, len, &m->site, m->diag);
			m->nagreements++;
		}
		free(text);
		free(full);
		free(rel);
	}
	frontmatter_link_agreements(m->agreements, m->nagreements, m->diag);
	free_names(names, n < 0 ? 0 : n);
	free(dir);
}

static void
load_events(struct model *m, int *io)
{
	static const char *const suffixes[] = { ".json", ".ndjson", ".jsonl", NULL };
	char *dir = xasprintf("%s/events", m->src), **names = NULL;
	int n, i;

	n = list_dir(dir, suffixes, &names);
	if (n < 0) {
		/* No events folder: a project of agreements only, nothing to count. */
		if (n != -ENOENT) {
			diag_add(m->diag, DIAG_ERROR, "events", 0, 0,
			    "cannot read the events folder: %s", strerror(-n));
			*io = 1;
		}
		free(dir);
		return;
	}
	for (i = 0; i < n; i++) {
		char *rel = xasprintf("events/%s", names[i]);
		char *full = xasprintf("%s/%s", m->src, rel);

		progress_note("reading events", (uint64_t)i, (uint64_t)n, "files");
		if (events_load_file(m, rel, full) < 0)
			*io = 1;
		free(full);
		free(rel);
	}
	progress_note("sorting events", 0, 0, NULL);
	free_names(names, n);
	free(dir);
	model_sort_events(m);
}

enum ingest_status
ingest_load(const char *src, struct model **out)
{
	struct model *m;
	int io = 0;

	*out = NULL;
	if (!is_dir(src))
		return INGEST_NO_SRC;
	m = model_new(src);
	load_site(m, &io);
	load_agreements(m, &io);
	load_events(m, &io);
	*out = m;
	return io ? INGEST_IO : INGEST_OK;
}
