/* events_pool.c: event files parsed on threads into private models ("shards"),
 * merged into the real one in file order. */
#include "events_pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include "events.h"

/*
 * Reading is most of a `kpis` run (docs/performance.md), and files are
 * independent until their strings become ids. So each worker reads a file into
 * a shard with its own string table, diagnostics and counts; the main thread
 * then interns the shard's strings in the shard's id order and appends its
 * events and diagnostics. Merging in file order makes every id, sequence
 * number and message the same as a one-thread read. Workers run at most
 * `window` files ahead of the merge, which bounds the memory of waiting shards.
 */
#define MAX_THREADS 4

struct events_pool {
	struct model *m;
	int n;
	char *const *rel, *const *full;
	const bool *want;
	struct model **shard;		/* file i's shard once read, until merged */
	int *rc;			/* what events_load_file returned for it */
	bool *done;
	int next;			/* the next file a worker may take */
	int merged;			/* files before this one are merged (or not wanted) */
	int window;
	bool stop;
	pthread_mutex_t lock;
	pthread_cond_t ready;		/* a shard is done */
	pthread_cond_t room;		/* the merge moved on, or stop */
	int nthreads;
	pthread_t thread[MAX_THREADS];
};

static struct model *
read_shard(const struct events_pool *p, int i, int *rc)
{
	struct model *s = model_new(p->m->src);

	/* Naive timestamps are read in the site's zone: borrowed, not owned. */
	s->site.zone = p->m->site.zone;
	*rc = events_load_file(s, p->rel[i], p->full[i]);
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
	for (;;) {
		struct model *s;
		int i, rc;

		while (p->next < p->n && !p->want[p->next])
			p->next++;
		if (p->stop || p->next >= p->n)
			break;
		if (p->next >= p->merged + p->window) {
			pthread_cond_wait(&p->room, &p->lock);
			continue;
		}
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		s = read_shard(p, i, &rc);
		pthread_mutex_lock(&p->lock);
		p->shard[i] = s;
		p->rc[i] = rc;
		p->done[i] = true;
		pthread_cond_broadcast(&p->ready);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct events_pool *
events_pool_start(struct model *m, int n, char *const *rel, char *const *full,
    const bool *want)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int nwanted = 0, nthreads, i;
	struct events_pool *p;

	for (i = 0; i < n; i++)
		nwanted += want[i];
	nthreads = ncpu > MAX_THREADS ? MAX_THREADS : (int)ncpu;
	if (nthreads > nwanted)
		nthreads = nwanted;
	if (nthreads < 2)
		return NULL;
	p = xcalloc(1, sizeof *p);
	p->m = m;
	p->n = n;
	p->rel = rel;
	p->full = full;
	p->want = want;
	p->shard = xcalloc((size_t)n, sizeof *p->shard);
	p->rc = xcalloc((size_t)n, sizeof *p->rc);
	p->done = xcalloc((size_t)n, sizeof *p->done);
	p->window = 2 * nthreads;
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

/* Appends shard s (file i) to m: strings first, in the shard's id order, so
 * that new strings get the ids a one-thread read would have given them. */
static void
merge_shard(struct model *m, const struct model *s)
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
		model_add_event(m, &e);
	}
	free(map);
	diag_append(m->diag, s->diag);
	m->quality.events_read += s->quality.events_read;
	m->quality.events_skipped += s->quality.events_skipped;
	m->quality.events_duplicate += s->quality.events_duplicate;
	m->quality.items_skipped += s->quality.items_skipped;
	m->quality.items_unassigned += s->quality.items_unassigned;
}

int
events_pool_merge(struct events_pool *p, int i)
{
	struct model *s;
	int rc;

	pthread_mutex_lock(&p->lock);
	/* The files before i are done with (some were read through mappings):
	 * file i itself must be within the window, or nobody would read it. */
	if (p->merged < i) {
		p->merged = i;
		pthread_cond_broadcast(&p->room);
	}
	while (!p->done[i])
		pthread_cond_wait(&p->ready, &p->lock);
	s = p->shard[i];
	p->shard[i] = NULL;
	rc = p->rc[i];
	/* Workers may read ahead again while this one is merged. */
	p->merged = i + 1;
	pthread_cond_broadcast(&p->room);
	pthread_mutex_unlock(&p->lock);
	merge_shard(p->m, s);
	shard_free(s);
	return rc;
}

void
events_pool_free(struct events_pool *p)
{
	int i;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_broadcast(&p->room);
	pthread_mutex_unlock(&p->lock);
	for (i = 0; i < p->nthreads; i++)
		pthread_join(p->thread[i], NULL);
	for (i = 0; i < p->n; i++)
		shard_free(p->shard[i]);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->ready);
	pthread_cond_destroy(&p->room);
	free(p->shard);
	free(p->rc);
	free(p->done);
	free(p);
}
