/* jsonarena.c: cJSON's small allocations served from a reusable block. */
#include "jsonarena.h"

#include <cJSON.h>
#include <pthread.h>
#include <stdlib.h>
#include "util.h"

/*
 * Parsing one record makes a node per value and a string per key: with
 * malloc and free that was a fifth of importing 141,712 ServiceNow records.
 * A record's tree lives only until the next record, so a block that is
 * emptied between records serves them all. Requests that do not fit are
 * served the same way from overflow chunks, each as big as all the chunks
 * before it; they are freed at the reset, and make the block grow for next
 * time. The chunks serve one big tree too: `slareport kpis` builds kpis.json
 * (millions of nodes) in the arena. For 1M events, building and freeing it
 * took 0.16 s with a malloc per node and cJSON_Delete, 0.07 s with chunks.
 *
 * Event files are read on several threads at once (events_pool.c): each
 * thread has its own arena. cJSON's hooks are global: they are installed once,
 * for good, and serve a thread that is not streaming from malloc and free —
 * changing them while another thread parses would be a data race.
 */
static _Thread_local struct {
	int active;
	char *block;
	size_t used, cap;
	void **big;			/* overflow chunks of this record */
	size_t nbig, capbig;
	size_t bigbytes;		/* handed out from them */
	size_t chunkbytes;		/* their sizes */
	char *chunk;			/* the newest one */
	size_t chunkused, chunkcap;
} A;

#define MIN_CHUNK	((size_t)1 << 16)

static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;

static void *
arena_alloc(size_t n)
{
	void *p;
	size_t size;

	if (!A.active)
		return malloc(n);
	n = (n + 15) & ~(size_t)15;
	if (A.used + n <= A.cap) {
		p = A.block + A.used;
		A.used += n;
		return p;
	}
	if (A.chunkused + n > A.chunkcap) {
		size = A.chunkbytes > MIN_CHUNK ? A.chunkbytes : MIN_CHUNK;
		if (size < n)
			size = n;
		if (A.nbig == A.capbig) {
			void **q = realloc(A.big, (A.capbig ? A.capbig * 2 : 16) * sizeof *q);
			if (q == NULL)
				return NULL;	/* cJSON reports it as a failed parse */
			A.big = q;
			A.capbig = A.capbig ? A.capbig * 2 : 16;
		}
		if ((p = malloc(size)) == NULL)
			return NULL;
		A.big[A.nbig++] = p;
		A.chunkbytes += size;
		A.chunk = p;
		A.chunkused = 0;
		A.chunkcap = size;
	}
	p = A.chunk + A.chunkused;
	A.chunkused += n;
	A.bigbytes += n;
	return p;
}

static void
arena_free(void *p)
{
	if (!A.active)
		free(p);
	/* else everything goes at the next reset */
}

static void
install_hooks(void)
{
	cJSON_Hooks hooks = { arena_alloc, arena_free };

	cJSON_InitHooks(&hooks);
}

void
jsonarena_begin(void)
{
	pthread_once(&hooks_once, install_hooks);
	if (A.block == NULL) {
		A.cap = 1 << 16;
		A.block = xmalloc(A.cap);
	}
	A.used = 0;
	A.active = 1;
}

static void
free_chunks(void)
{
	size_t i;

	for (i = 0; i < A.nbig; i++)
		free(A.big[i]);
	A.nbig = 0;
	A.bigbytes = A.chunkbytes = 0;
	A.chunk = NULL;
	A.chunkused = A.chunkcap = 0;
}

void
jsonarena_reset(void)
{
	size_t need = A.used + A.bigbytes;
	int overflowed = A.nbig > 0;

	free_chunks();
	if (overflowed && need > A.cap) {
		/* A big record: make room for one like it. */
		free(A.block);
		A.cap = need * 2;
		A.block = xmalloc(A.cap);
	}
	A.used = 0;
}

void
jsonarena_end(void)
{
	free_chunks();		/* no reset: growing the block only to free it */
	A.active = 0;
	free(A.block);
	free(A.big);
	A.block = NULL;
	A.big = NULL;
	A.used = A.cap = A.capbig = 0;
}
