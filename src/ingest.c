/* ingest.c: the folder layout of SPEC §2 read in a fixed order into one model. */
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "commentary.h"
#include "events.h"
#include "events_pool.h"
#include "frontmatter.h"
#include "mapping.h"
#include "progress.h"
#include "review.h"

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
	/* Bounded: a huge site.yml is refused without being read whole. */
	int err = read_file_max(path, FRONTMATTER_MAX_FILE, &text, &len);

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

/* Warns about entries of dir named like input files that list_dir leaves out
 * because they are not regular files (a folder "x.json", a FIFO, a dangling
 * link): skipping them silently would hide a mistake. */
static void
warn_irregular(struct model *m, const char *dir, const char *reldir,
    const char *const *suffixes)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	const char *const *suf;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		struct stat st;
		char *path;

		if (de->d_name[0] == '.')
			continue;
		for (suf = suffixes; *suf != NULL; suf++)
			if (n > strlen(*suf) && strcmp(de->d_name + n - strlen(*suf), *suf) == 0)
				break;
		if (*suf == NULL)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			char *rel = xasprintf("%s/%s", reldir, de->d_name);
			diag_add(m->diag, DIAG_WARNING, rel, 0, 0, "%s; skipped",
			    stat(path, &st) != 0 ? "cannot be read (a broken link?)" :
			    S_ISDIR(st.st_mode) ? "is a folder, not a file" :
			    "is not a regular file");
			free(rel);
		}
		free(path);
	}
	closedir(d);
}

static void
load_agreements(struct model *m, int *io)
{
	static const char *const suffixes[] = { ".md", NULL };
	char *dir = xasprintf("%s/agreements", m->src), **names = NULL;
	int n, i;

	n = list_dir(dir, suffixes, &names);
	warn_irregular(m, dir, "agreements", suffixes);
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
		int err = read_file_max(full, FRONTMATTER_MAX_FILE, &text, &len);
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

/* The mappings of one run: --map for every file, else site.yml's rules, each
 * opened the first time a file matches it. */
struct mappings {
	struct mapping *cli;
	struct mapping **rule;
	bool *tried;
	struct mapping_run *run;
};

/* The mapping file rel is read through, NULL for canonical events; *broken
 * when the mapping that applies could not be loaded (reported). */
static const struct mapping *
mapping_for(struct model *m, struct mappings *mm, const char *rel, bool *broken)
{
	int i;
	bool missing;

	*broken = false;
	if (mm->cli != NULL)
		return mm->cli;
	for (i = 0; i < m->site.nmappings; i++) {
		const struct mapping_rule *ru = &m->site.mappings[i];
		if (fnmatch(ru->pattern, rel, FNM_PATHNAME) != 0)
			continue;
		if (!mm->tried[i]) {
			mm->tried[i] = true;
			mm->rule[i] = mapping_open(m->src, ru->mapping, m->diag, "site.yml",
			    ru->line, ru->col, &missing);
		}
		*broken = mm->rule[i] == NULL;
		return mm->rule[i];
	}
	return NULL;
}

/* Whether a mapping applies to rel (without opening it: that reports its
 * problems, which must come in file order). */
static bool
has_mapping(const struct model *m, const struct mappings *mm, const char *rel)
{
	int i;

	if (mm->cli != NULL)
		return true;
	for (i = 0; i < m->site.nmappings; i++)
		if (fnmatch(m->site.mappings[i].pattern, rel, FNM_PATHNAME) == 0)
			return true;
	return false;
}

static void
mappings_free(struct model *m, struct mappings *mm)
{
	int i;

	mapping_free(mm->cli);
	for (i = 0; mm->rule != NULL && i < m->site.nmappings; i++)
		mapping_free(mm->rule[i]);
	free(mm->rule);
	free(mm->tried);
}

/* The event files, and the threads parsing the canonical ones ahead. */
struct event_files {
	int n;				/* files, or -errno when the folder cannot be listed */
	char **names, **rel, **full;
	bool *want;			/* read without a mapping */
	struct events_pool *pool;	/* NULL: read them here, one by one */
};

/* Lists the event files and starts the threads on the canonical ones, so that
 * they read while the agreements are parsed. Reports nothing: every problem is
 * reported by load_events, in the order of a one-thread read. */
static void
events_begin(struct model *m, const char *map, struct event_files *ef)
{
	static const char *const suffixes[] = { ".json", ".ndjson", ".jsonl", NULL };
	char *dir = xasprintf("%s/events", m->src);
	struct mappings none = { 0 };
	int i;

	memset(ef, 0, sizeof *ef);
	ef->n = list_dir(dir, suffixes, &ef->names);
	free(dir);
	if (ef->n < 0)
		return;
	ef->rel = xcalloc((size_t)ef->n + 1, sizeof *ef->rel);
	ef->full = xcalloc((size_t)ef->n + 1, sizeof *ef->full);
	ef->want = xcalloc((size_t)ef->n + 1, sizeof *ef->want);
	for (i = 0; i < ef->n; i++) {
		ef->rel[i] = xasprintf("events/%s", ef->names[i]);
		ef->full[i] = xasprintf("%s/%s", m->src, ef->rel[i]);
		ef->want[i] = map == NULL && !has_mapping(m, &none, ef->rel[i]);
	}
	ef->pool = events_pool_start(m, ef->n, ef->rel, ef->full, ef->want);
}

static void
events_free(struct event_files *ef)
{
	events_pool_free(ef->pool);
	if (ef->n >= 0) {	/* an empty folder has its (empty) arrays too */
		free_names(ef->rel, ef->n);
		free_names(ef->full, ef->n);
		free_names(ef->names, ef->n);
	}
	free(ef->want);
}

static void
load_events(struct model *m, const char *map, struct event_files *ef, int *io)
{
	static const char *const suffixes[] = { ".json", ".ndjson", ".jsonl", NULL };
	char *dir = xasprintf("%s/events", m->src);
	int n = ef->n, i;
	struct mappings mm = { 0 };
	bool missing;

	if (map != NULL) {
		mm.cli = mapping_open(NULL, map, m->diag, NULL, 0, 0, &missing);
		if (mm.cli == NULL) {
			if (missing)
				*io = 2;
			free(dir);
			return;
		}
	}
	mm.rule = xcalloc((size_t)m->site.nmappings + 1, sizeof *mm.rule);
	mm.tried = xcalloc((size_t)m->site.nmappings + 1, sizeof *mm.tried);
	warn_irregular(m, dir, "events", suffixes);
	free(dir);
	if (n < 0) {
		/* No events folder: a project of agreements only, nothing to count. */
		if (n != -ENOENT) {
			diag_add(m->diag, DIAG_ERROR, "events", 0, 0,
			    "cannot read the events folder: %s", strerror(-n));
			*io = 1;
		}
		mappings_free(m, &mm);
		return;
	}
	/* Canonical files were parsed ahead on threads; this loop still takes
	 * every file in order, so the model is the same either way. */
	for (i = 0; i < n; i++) {
		bool broken;
		const struct mapping *mp = mapping_for(m, &mm, ef->rel[i], &broken);

		progress_note("reading events", (uint64_t)i, (uint64_t)n, "files");
		if (broken)
			diag_add(m->diag, DIAG_ERROR, ef->rel[i], 0, 0, "not read: its mapping "
			    "file has errors");
		else if (mp != NULL) {
			if (mm.run == NULL)
				mm.run = mapping_run_new(m);
			if (mapping_run_file(mm.run, mp, ef->rel[i], ef->full[i]) < 0)
				*io = 1;
		} else if ((ef->pool != NULL ? events_pool_merge(ef->pool, i) :
		    events_load_file(m, ef->rel[i], ef->full[i])) < 0)
			*io = 1;
	}
	if (mm.run != NULL)
		mapping_run_finish(mm.run);
	model_warn_naive(m);
	progress_note("sorting events", 0, 0, NULL);
	mappings_free(m, &mm);
	model_sort_events(m);
}

enum ingest_status
ingest_load(const char *src, const char *map, struct model **out)
{
	struct model *m;
	struct event_files ef;
	int io = 0;

	*out = NULL;
	if (!is_dir(src))
		return INGEST_NO_SRC;
	m = model_new(src);
	progress_note("reading the agreements", 0, 0, NULL);
	load_site(m, &io);
	/* Events need only site.yml (its zone and mappings): their threads
	 * start before the agreements are parsed. */
	events_begin(m, map, &ef);
	load_agreements(m, &io);
	commentary_load(m, &io);	/* names the agreements */
	load_events(m, map, &ef, &io);
	events_free(&ef);
	review_check(m);		/* needs the data-as-of date */
	*out = m;
	return io == 2 ? INGEST_NO_MAP : io ? INGEST_IO : INGEST_OK;
}
