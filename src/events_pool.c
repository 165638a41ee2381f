/* events_pool.c: event files parsed on threads into private models ("shards"),
 * merged into the real one in file order. */
#include "events_pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "events.h"

/*
 * Reading is most of a `kpis` run (docs/performance.md), and files are
 * independent until their strings become ids. So each worker reads a unit — a
 * file, or a part of a large NDJSON file — into a shard with its own string
 * table, diagnostics and counts; the main thread then interns the shard's
 * strings in the shard's id order and appends its events and diagnostics,
 * numbering a part's lines after the parts before it. Merging in order makes
 * every id, sequence number and message the same as a one-thread read. Parts
 * keep the work even when a few large files would leave a thread idle, and
 * make the last merge, which nothing overlaps, small. Workers run at most
 * `window` units ahead of the merge, which bounds the memory of waiting shards.
 */
#define MAX_THREADS 4
#define PART_BYTES ((int64_t)8 << 20)

/* The part size; SLAREPORT_PART_BYTES overrides it for the tests, which read
 * every input again in parts of a few bytes and expect the same output. */
static int64_t
part_bytes(void)
{
	const char *s = getenv("SLAREPORT_PART_BYTES");
	long long v = s != NULL ? atoll(s) : 0;

	return v > 0 ? (int64_t)v : PART_BYTES;
}

struct unit {
	int file;			/* index into rel/full */
	int64_t start, end;		/* NDJSON part; end < 0: the whole file */
	struct model *shard;		/* once read, until merged */
	int rc;				/* what the reader returned */
	int lines;			/* lines a part covered */
	bool done;
};

struct events_pool {
	struct model *m;
	int n;
	char *const *rel, *const *full;
	struct unit *u;
	size_t nunits;
	size_t *first;			/* first[i]: file i's first unit */
	size_t next;			/* the next unit a worker may take */
	size_t merged;			/* units before this one are merged */
	size_t window;
	bool stop;
	pthread_mutex_t lock;
	pthread_cond_t ready;		/* a shard is done */
	pthread_cond_t room;		/* the merge moved on, or stop */
	int nthreads;
	pthread_t thread[MAX_THREADS];
};

static bool
is_ndjson(const char *name)
{
	size_t n = strlen(name);

	return (n > 7 && strcmp(name + n - 7, ".ndjson") == 0) ||
	    (n > 6 && strcmp(name + n - 6, ".jsonl") == 0);
}

static struct model *
read_unit(const struct events_pool *p, struct unit *u)
{
	struct model *s = model_new(p->m->src);

	/* Naive timestamps are read in the site's zone: borrowed, not owned. */
	s->site.zone = p->m->site.zone;
	s->site.timezone_given = p->m->site.timezone_given;
	diag_free(s->diag);
	s->diag = diag_new_part();
	if (u->end < 0)
		u->rc = events_load_file(s, p->rel[u->file], p->full[u->file]);
	else
		u->rc = events_load_part(s, p->rel[u->file], p->full[u->file], u->start,
		    u->end, &u->lines);
	return s;
}

static void
shard_free(struct model *s)
{
	if (s == NULL)
		return;
	s->site.zone = NULL;
	model_free(s);
}

static void *
worker(void *arg)
{
	struct events_pool *p = arg;

	pthread_mutex_lock(&p->lock);
	while (!p->stop && p->next < p->nunits) {
		struct unit *u;
		struct model *s;

		if (p->next >= p->merged + p->window) {
			pthread_cond_wait(&p->room, &p->lock);
			continue;
		}
		u = &p->u[p->next++];
		pthread_mutex_unlock(&p->lock);
		s = read_unit(p, u);
		pthread_mutex_lock(&p->lock);
		u->shard = s;
		u->done = true;
		pthread_cond_broadcast(&p->ready);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* The units of the wanted files: large NDJSON files in parts. */
static void
plan_units(struct events_pool *p, const bool *want)
{
	size_t cap = 0;
	int64_t part = part_bytes();
	int i;

	p->first = xcalloc((size_t)p->n + 1, sizeof *p->first);
	for (i = 0; i < p->n; i++) {
		struct stat st;
		int64_t size = 0, at = 0;
		void *q;

		p->first[i] = p->nunits;
		if (!want[i])
			continue;
		if (is_ndjson(p->rel[i]) && stat(p->full[i], &st) == 0 && S_ISREG(st.st_mode))
			size = st.st_size;
		do {
			q = p->u;
			xgrow(&q, &cap, p->nunits + 1, sizeof *p->u);
			p->u = q;
			memset(&p->u[p->nunits], 0, sizeof *p->u);
			p->u[p->nunits].file = i;
			p->u[p->nunits].start = at;
			/* The last part runs to the end, however the file grew. */
			p->u[p->nunits].end = size > part && at + part < size ?
			    at + part : size > part ? INT64_MAX : -1;
			p->nunits++;
			at += part;
		} while (size > part && at < size);
	}
	p->first[p->n] = p->nunits;
}

struct events_pool *
events_pool_start(struct model *m, int n, char *const *rel, char *const *full,
    const bool *want)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int nthreads, i;
	struct events_pool *p = xcalloc(1, sizeof *p);

	p->m = m;
	p->n = n;
	p->rel = rel;
	p->full = full;
	plan_units(p, want);
	nthreads = ncpu > MAX_THREADS ? MAX_THREADS : (int)ncpu;
	if ((size_t)nthreads > p->nunits)
		nthreads = (int)p->nunits;
	if (nthreads < 2) {
		free(p->u);
		free(p->first);
		free(p);
		return NULL;
	}
	p->window = 2 * (size_t)nthreads;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->ready, NULL);
	pthread_cond_init(&p->room, NULL);
	for (i = 0; i < nthreads; i++) {
		if (pthread_create(&p->thread[i], NULL, worker, p) != 0)
			break;
		p->nthreads++;
	}
	if (p->nthreads == 0) {
		events_pool_free(p);
		return NULL;
	}
	return p;
}

/* Appends shard s to m: strings first, in the shard's id order, so that new
 * strings get the ids a one-thread read would have given them; line numbers
 * moved on by base, the lines of the file's parts before. */
static void
merge_shard(struct model *m, const struct model *s, int base)
{
	uint32_t n = strtab_count(s->strings), id, *map = xmalloc(n * sizeof *map);
	size_t k;
	void *q = m->events;

	map[0] = 0;
	for (id = 1; id < n; id++)
		map[id] = strtab_intern(m->strings, strtab_get(s->strings, id),
		    strtab_len(s->strings, id));
	xgrow(&q, &m->capevents, m->nevents + s->nevents, sizeof *m->events);
	m->events = q;
	for (k = 0; k < s->nevents; k++) {
		struct event e = s->events[k];
		e.item = map[e.item];
		e.team = map[e.team];
		e.severity = map[e.severity];
		e.agreement = map[e.agreement];
		e.requester = map[e.requester];
		e.service = map[e.service];
		e.kind = map[e.kind];
		e.title = map[e.title];
		e.file = map[e.file];
		e.line += (uint32_t)base;
		model_add_event(m, &e);
	}
	free(map);
	diag_append(m->diag, s->diag, base);
	if (s->naive.count > 0) {
		uint64_t more = s->naive.count;
		if (m->naive.count == 0) {	/* the shard's first is the first */
			model_note_naive(m, s->naive.file, s->naive.line + base,
			    s->naive.col, s->naive.text);
			more--;
		}
		m->naive.count += more;
	}
	m->quality.events_read += s->quality.events_read;
	m->quality.events_skipped += s->quality.events_skipped;
	m->quality.events_duplicate += s->quality.events_duplicate;
	m->quality.items_skipped += s->quality.items_skipped;
	m->quality.items_unassigned += s->quality.items_unassigned;
}

int
events_pool_merge(struct events_pool *p, int i)
{
	size_t k, diag_before = diag_len(p->m->diag);
	uint64_t read_before = p->m->quality.events_read;
	int rc = 0, base = 0;

	for (k = p->first[i]; k < p->first[i + 1]; k++) {
		struct unit *u = &p->u[k];
		struct model *s;

		pthread_mutex_lock(&p->lock);
		/* The units before k are done with (files before i may have been
		 * read through mappings): k itself must be within the window. */
		if (p->merged < k) {
			p->merged = k;
			pthread_cond_broadcast(&p->room);
		}
		while (!u->done)
			pthread_cond_wait(&p->ready, &p->lock);
		s = u->shard;
		u->shard = NULL;
		/* Workers may read ahead again while this one is merged. */
		p->merged = k + 1;
		pthread_cond_broadcast(&p->room);
		pthread_mutex_unlock(&p->lock);
		merge_shard(p->m, s, base);
		shard_free(s);
		base += u->lines;
		if (u->rc < 0)
			rc = -1;
	}
	/* Parts leave this to the whole file (events_load_file says it itself). */
	if (p->first[i + 1] - p->first[i] > 0 && p->u[p->first[i]].end >= 0 && rc == 0 &&
	    p->m->quality.events_read == read_before && diag_len(p->m->diag) == diag_before)
		diag_add(p->m->diag, DIAG_WARNING, p->rel[i], 0, 0, "no events in this file");
	return rc;
}

void
events_pool_free(struct events_pool *p)
{
	size_t k;
	int i;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_broadcast(&p->room);
	pthread_mutex_unlock(&p->lock);
	for (i = 0; i < p->nthreads; i++)
		pthread_join(p->thread[i], NULL);
	for (k = 0; k < p->nunits; k++)
		shard_free(p->u[k].shard);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->ready);
	pthread_cond_destroy(&p->room);
	free(p->u);
	free(p->first);
	free(p);
}
