/* test_model_sort.c: model_sort_events against a reference (qsort by item, at,
 * seq, then the duplicate rule spelled out), on random and adversarial inputs. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model.h"

/* splitmix64: fixed seeds give the same events on every machine. */
static uint64_t
rnd(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint32_t
below(uint64_t *s, uint32_t n)
{
	return (uint32_t)(rnd(s) % n);
}

static int
cmp_ref(const void *pa, const void *pb)
{
	const struct event *a = pa, *b = pb;

	if (a->item != b->item)
		return a->item < b->item ? -1 : 1;
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

struct ref {
	struct event *ev;
	size_t n;
	uint64_t dup;
	sla_time latest, earliest;
};

/* The expected result: the implementation model_sort_events had before the
 * counting sort, verbatim (qsort, then duplicates marked with item 0 within
 * each (item, instant) group and compacted away). */
static struct ref
reference(const struct model *m)
{
	struct ref r = { 0 };
	struct event *ev;
	size_t i, j, k, n = m->nevents;

	ev = r.ev = malloc((n ? n : 1) * sizeof *r.ev);
	cr_assert_not_null(r.ev);
	if (n > 0)
		memcpy(ev, m->events, n * sizeof *ev);
	if (n > 1)
		qsort(ev, n, sizeof *ev, cmp_ref);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && ev[j].item == ev[i].item && ev[j].at == ev[i].at; j++)
			;
		for (k = i; k < j; k++) {
			size_t q;
			int dup = 0;
			for (q = i; q < k && !dup; q++)
				dup = ev[q].type == ev[k].type && ev[q].item != 0;
			if (dup) {
				r.dup++;
				ev[k].item = 0;
			}
		}
	}
	for (i = 0; i < n; i++)
		if (ev[i].item != 0) {
			if (ev[i].at > r.latest)
				r.latest = ev[i].at;
			if (r.n == 0 || ev[i].at < r.earliest)
				r.earliest = ev[i].at;
			ev[r.n++] = ev[i];
		}
	return r;
}

/* Sorts m and compares it with the reference, field by field. */
static void
check_sorted(struct model *m)
{
	struct ref r = reference(m);
	uint64_t dup0 = m->quality.events_duplicate;
	size_t i;

	model_sort_events(m);
	cr_assert_eq(m->nevents, r.n, "kept %zu events, expected %zu", m->nevents, r.n);
	cr_assert_eq(m->quality.events_duplicate - dup0, r.dup);
	cr_assert_eq(m->latest_at, r.latest);
	cr_assert_eq(m->earliest_at, r.earliest);
	for (i = 0; i < r.n; i++) {
		const struct event *a = &m->events[i], *b = &r.ev[i];

		cr_assert(a->item == b->item && a->at == b->at && a->seq == b->seq,
		    "event %zu: item %u at %lld seq %u, expected item %u at %lld seq %u",
		    i, a->item, (long long)a->at, a->seq, b->item, (long long)b->at, b->seq);
		cr_assert(a->type == b->type && a->team == b->team &&
		    a->severity == b->severity && a->agreement == b->agreement &&
		    a->requester == b->requester && a->service == b->service &&
		    a->kind == b->kind && a->title == b->title && a->file == b->file &&
		    a->line == b->line, "event %zu: a payload field differs", i);
		cr_assert(memcmp(&a->num, &b->num, sizeof a->num) == 0,
		    "event %zu: value or score differs", i);
	}
	free(r.ev);
}

/* A model with nitems interned item ids, plus other strings in between so
 * that item ids are not the whole string table. */
static struct model *
new_model(uint32_t nitems, uint32_t **ids)
{
	struct model *m = model_new("/nonexistent");
	char name[32];
	uint32_t i;

	*ids = malloc((nitems ? nitems : 1) * sizeof **ids);
	cr_assert_not_null(*ids);
	for (i = 0; i < nitems; i++) {
		snprintf(name, sizeof name, "INC%07u", (unsigned)i);
		(*ids)[i] = strtab_intern(m->strings, name, strlen(name));
		if (i % 5 == 0) {
			snprintf(name, sizeof name, "team-%u", (unsigned)i);
			strtab_intern(m->strings, name, strlen(name));
		}
	}
	return m;
}

/* An event with every field filled, so that a lost or mixed field shows. */
static void
add(struct model *m, uint64_t *s, uint32_t item, sla_time at, int type)
{
	struct event e;

	memset(&e, 0, sizeof e);
	e.at = at;
	e.item = item;
	e.seq = 12345;			/* model_add_event sets it */
	e.team = below(s, 1000);
	e.severity = below(s, 1000);
	e.agreement = below(s, 1000);
	e.requester = below(s, 1000);
	e.service = below(s, 1000);
	e.kind = below(s, 1000);
	e.title = below(s, 1000);
	e.file = below(s, 1000);
	e.line = (uint32_t)m->nevents + 1;
	e.num = below(s, 4) == 0 ? NAN : (double)below(s, 100000) / 7;
	e.type = (uint8_t)type;
	model_add_event(m, &e);
}

/* n random events over nitems items, ntimes instants (from a base of
 * 2026-01-01) and ntypes types; in time order per item with probability
 * inorder_pct percent (otherwise a random instant). */
static struct model *
random_model(uint64_t seed, size_t n, uint32_t nitems, uint32_t ntimes, int ntypes,
    int inorder_pct)
{
	uint64_t s = seed;
	uint32_t *ids, *clock;
	struct model *m = new_model(nitems, &ids);
	size_t i;

	clock = calloc(nitems ? nitems : 1, sizeof *clock);
	cr_assert_not_null(clock);
	for (i = 0; i < n; i++) {
		uint32_t k = below(&s, nitems), t;

		if ((int)below(&s, 100) < inorder_pct) {
			clock[k] += below(&s, 3);	/* repeats an instant now and then */
			t = clock[k] % ntimes;
		} else
			t = below(&s, ntimes);
		add(m, &s, ids[k], 1767225600 + (sla_time)t * 60, (int)below(&s, (uint32_t)ntypes));
	}
	free(clock);
	free(ids);
	return m;
}

Test(model_sort, empty)
{
	uint32_t *ids;
	struct model *m = new_model(3, &ids);

	m->latest_at = 99;
	check_sorted(m);
	cr_expect_eq(m->nevents, 0);
	cr_expect_eq(m->latest_at, 0);
	free(ids);
	model_free(m);
}

Test(model_sort, one_event)
{
	uint64_t s = 1;
	uint32_t *ids;
	struct model *m = new_model(3, &ids);

	add(m, &s, ids[1], 1767225600, EVENT_OPENED);
	check_sorted(m);
	cr_expect_eq(m->nevents, 1);
	cr_expect_eq(m->latest_at, 1767225600);
	free(ids);
	model_free(m);
}

Test(model_sort, two_events)
{
	uint64_t s = 2;
	uint32_t *ids;
	struct model *m;

	/* Out of order across items, then within an item, then a duplicate,
	 * then the same instant with two types (both stay). */
	m = new_model(3, &ids);
	add(m, &s, ids[2], 100, EVENT_OPENED);
	add(m, &s, ids[1], 200, EVENT_OPENED);
	check_sorted(m);
	cr_expect_eq(m->events[0].item, ids[1]);
	model_free(m);
	free(ids);

	m = new_model(3, &ids);
	add(m, &s, ids[0], 200, EVENT_RESOLVED);
	add(m, &s, ids[0], 100, EVENT_OPENED);
	check_sorted(m);
	cr_expect_eq(m->events[0].seq, 1);
	model_free(m);
	free(ids);

	m = new_model(3, &ids);
	add(m, &s, ids[0], 100, EVENT_NOTE);
	add(m, &s, ids[0], 100, EVENT_NOTE);
	check_sorted(m);
	cr_expect_eq(m->nevents, 1);
	cr_expect_eq(m->events[0].seq, 0);
	cr_expect_eq(m->quality.events_duplicate, 1);
	model_free(m);
	free(ids);

	m = new_model(3, &ids);
	add(m, &s, ids[0], 100, EVENT_NOTE);
	add(m, &s, ids[0], 100, EVENT_OPENED);
	check_sorted(m);
	cr_expect_eq(m->nevents, 2);
	cr_expect_eq(m->quality.events_duplicate, 0);
	model_free(m);
	free(ids);
}

/* Duplicates need not be adjacent: a b a at one instant drops the second a. */
Test(model_sort, duplicate_behind_other_type)
{
	uint64_t s = 3;
	uint32_t *ids;
	struct model *m = new_model(2, &ids);

	add(m, &s, ids[0], 500, EVENT_NOTE);
	add(m, &s, ids[0], 500, EVENT_ASSIGNED);
	add(m, &s, ids[0], 400, EVENT_OPENED);
	add(m, &s, ids[0], 500, EVENT_NOTE);
	add(m, &s, ids[0], 500, EVENT_ASSIGNED);
	add(m, &s, ids[1], 500, EVENT_NOTE);
	check_sorted(m);
	cr_assert_eq(m->nevents, 4);
	cr_expect_eq(m->quality.events_duplicate, 2);
	cr_expect_eq(m->events[1].seq, 0);
	cr_expect_eq(m->events[2].seq, 1);
	free(ids);
	model_free(m);
}

Test(model_sort, random_large)
{
	struct model *m = random_model(42, 200000, 30000, 1u << 20, EVENT__COUNT, 90);

	check_sorted(m);
	model_free(m);
}

Test(model_sort, many_duplicates)
{
	struct model *m = random_model(7, 200000, 50, 40, 3, 50);

	check_sorted(m);
	cr_expect_gt(m->quality.events_duplicate, 150000);
	model_free(m);
}

Test(model_sort, small_random_models)
{
	uint64_t seed;

	for (seed = 100; seed < 400; seed++) {
		uint64_t s = seed;
		struct model *m = random_model(seed, below(&s, 60), 1 + below(&s, 8),
		    1 + below(&s, 6), 1 + (int)below(&s, EVENT__COUNT), (int)below(&s, 101));
		check_sorted(m);
		model_free(m);
	}
}

/* One item: the long run takes the qsort path; insertion sort would take
 * half a minute here, so the timeout catches a quadratic sort. */
Test(model_sort, one_item, .timeout = 10)
{
	struct model *m = random_model(11, 200000, 1, 1u << 16, EVENT__COUNT, 60);

	check_sorted(m);
	model_free(m);
}

/* Run lengths around the insertion sort's limit, times descending. */
Test(model_sort, runs_around_the_limit)
{
	uint64_t s = 5;
	uint32_t *ids, len, k;
	struct model *m = new_model(40, &ids);

	for (len = 1; len < 40; len++)
		for (k = 0; k < len; k++)
			add(m, &s, ids[len], 10000 - (sla_time)k * (k % 3 ? 7 : 0), (int)(k % 4));
	check_sorted(m);
	free(ids);
	model_free(m);
}

Test(model_sort, each_event_its_own_item)
{
	uint64_t s = 13;
	uint32_t *ids, i, n = 200000;
	struct model *m = new_model(n, &ids);

	for (i = 0; i < n; i++)
		add(m, &s, ids[(i * 7919u) % n], 1767225600 + below(&s, 1000), EVENT_OPENED);
	check_sorted(m);
	cr_expect_eq(m->nevents, n);
	free(ids);
	model_free(m);
}

/* Items in input order reversed and every item's times descending. */
Test(model_sort, descending_times)
{
	uint64_t s = 17;
	uint32_t *ids, i, n = 200000, nitems = 25000;
	struct model *m = new_model(nitems, &ids);

	for (i = 0; i < n; i++)
		add(m, &s, ids[nitems - 1 - i % nitems], 1767225600 + (sla_time)(n - i) * 30,
		    (int)(i % EVENT__COUNT));
	check_sorted(m);
	free(ids);
	model_free(m);
}

/* Ids the sort does not expect: item 0 (dropped uncounted, as ever) and ids
 * beyond the string table (sorted like any other). */
Test(model_sort, odd_item_ids)
{
	uint64_t s = 19;
	uint32_t *ids, big = 0;
	struct model *m = new_model(4, &ids);
	int i;

	big = strtab_count(m->strings) + 1000;
	for (i = 0; i < 50; i++) {
		uint32_t pick = below(&s, 6);
		uint32_t item = pick == 0 ? 0 : pick == 5 ? big + below(&s, 3) : ids[pick - 1];
		add(m, &s, item, 1767225600 + below(&s, 5), (int)below(&s, 2));
	}
	check_sorted(m);
	cr_expect_eq(m->events[m->nevents - 1].item >= big, 1);
	free(ids);
	model_free(m);
}
