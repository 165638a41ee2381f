/* strtab.c: string interning in an open-addressing hash table over one arena. */
#include "strtab.h"

#include <stdlib.h>
#include <string.h>
#include "util.h"

struct strtab {
	char *arena;		/* strings, each NUL-terminated */
	size_t arena_len, arena_cap;
	size_t *off;		/* off[id] = offset into arena; off[0] unused */
	uint32_t *len;
	size_t count, cap_ids;	/* ids 1 … count-1 */
	uint32_t *slots;	/* hash slots holding ids, 0 = empty */
	size_t nslots;
};

/* FNV-1a: short keys, good spread, no allocation. */
static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

struct strtab *
strtab_new(void)
{
	struct strtab *t = xcalloc(1, sizeof *t);

	t->nslots = 1024;
	t->slots = xcalloc(t->nslots, sizeof *t->slots);
	t->count = 1;
	t->cap_ids = 256;
	t->off = xcalloc(t->cap_ids, sizeof *t->off);
	t->len = xcalloc(t->cap_ids, sizeof *t->len);
	return t;
}

void
strtab_free(struct strtab *t)
{
	if (t == NULL)
		return;
	free(t->arena);
	free(t->off);
	free(t->len);
	free(t->slots);
	free(t);
}

static size_t
find_slot(const struct strtab *t, const char *s, size_t n, uint64_t h)
{
	size_t mask = t->nslots - 1, i = (size_t)h & mask;

	for (;;) {
		uint32_t id = t->slots[i];
		if (id == 0 || (t->len[id] == n &&
		    memcmp(t->arena + t->off[id], s, n) == 0))
			return i;
		i = (i + 1) & mask;
	}
}

static void
rehash(struct strtab *t)
{
	size_t i, mask;
	uint32_t id;

	free(t->slots);
	t->nslots *= 2;
	t->slots = xcalloc(t->nslots, sizeof *t->slots);
	mask = t->nslots - 1;
	for (id = 1; id < t->count; id++) {
		i = (size_t)hash_bytes(t->arena + t->off[id], t->len[id]) & mask;
		while (t->slots[i] != 0)
			i = (i + 1) & mask;
		t->slots[i] = id;
	}
}

uint32_t
strtab_intern(struct strtab *t, const char *s, size_t n)
{
	uint64_t h = hash_bytes(s, n);
	size_t slot = find_slot(t, s, n, h);
	uint32_t id;
	void *p;

	if (t->slots[slot] != 0)
		return t->slots[slot];
	if (t->count >= t->cap_ids) {
		size_t cap = t->cap_ids;
		p = t->off;
		xgrow(&p, &cap, t->count + 1, sizeof *t->off);
		t->off = p;
		cap = t->cap_ids;
		p = t->len;
		xgrow(&p, &cap, t->count + 1, sizeof *t->len);
		t->len = p;
		t->cap_ids = cap;
	}
	p = t->arena;
	xgrow(&p, &t->arena_cap, t->arena_len + n + 1, 1);
	t->arena = p;
	memcpy(t->arena + t->arena_len, s, n);
	t->arena[t->arena_len + n] = '\0';
	id = (uint32_t)t->count++;
	t->off[id] = t->arena_len;
	t->len[id] = (uint32_t)n;
	t->arena_len += n + 1;
	t->slots[slot] = id;
	if (t->count * 2 > t->nslots)
		rehash(t);
	return id;
}

uint32_t
strtab_find(const struct strtab *t, const char *s, size_t n)
{
	return t->slots[find_slot(t, s, n, hash_bytes(s, n))];
}

const char *
strtab_get(const struct strtab *t, uint32_t id)
{
	if (id == 0 || id >= t->count)
		return NULL;
	return t->arena + t->off[id];
}

size_t
strtab_len(const struct strtab *t, uint32_t id)
{
	return id == 0 || id >= t->count ? 0 : t->len[id];
}

uint32_t
strtab_count(const struct strtab *t)
{
	return (uint32_t)t->count;
}
