/* test_select.c: select_rank_i64 (util.c), the percentiles' linear-time rank
 * selection, against a full sort on random, repetitive and hostile inputs. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"

static int
cmp(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;

	return a < b ? -1 : a > b;
}

static uint64_t rng = 88172645463325252ULL;

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Selects rank k of v[0..n) and checks it against the sorted copy, and that
 * the array is partitioned around it and still a permutation of the input. */
static void
check_rank(const int64_t *in, size_t n, size_t k)
{
	int64_t *v = malloc(n * sizeof *v), *sorted = malloc(n * sizeof *v), *after;
	size_t i;

	memcpy(v, in, n * sizeof *v);
	memcpy(sorted, in, n * sizeof *v);
	qsort(sorted, n, sizeof *sorted, cmp);
	select_rank_i64(v, 0, n, k);
	cr_assert_eq(v[k], sorted[k], "n=%zu k=%zu: %lld, sorted says %lld", n, k,
	    (long long)v[k], (long long)sorted[k]);
	for (i = 0; i < k; i++)
		cr_assert_leq(v[i], v[k], "n=%zu k=%zu: v[%zu] is larger", n, k, i);
	for (i = k + 1; i < n; i++)
		cr_assert_geq(v[i], v[k], "n=%zu k=%zu: v[%zu] is smaller", n, k, i);
	after = v;
	qsort(after, n, sizeof *after, cmp);
	cr_assert(memcmp(after, sorted, n * sizeof *v) == 0, "not a permutation");
	free(v);
	free(sorted);
}

/* The two ranks the KPI engine asks for, the second within the upper part. */
static void
check_percentiles(const int64_t *in, size_t n)
{
	int64_t *v = malloc(n * sizeof *v), *sorted = malloc(n * sizeof *v);
	size_t med = (n + 1) / 2 - 1, p90 = (9 * n + 9) / 10 - 1;

	memcpy(v, in, n * sizeof *v);
	memcpy(sorted, in, n * sizeof *v);
	qsort(sorted, n, sizeof *sorted, cmp);
	select_rank_i64(v, 0, n, med);
	if (p90 > med)
		select_rank_i64(v, med + 1, n, p90);
	cr_assert_eq(v[med], sorted[med], "median of %zu", n);
	cr_assert_eq(v[p90], sorted[p90], "p90 of %zu", n);
	free(v);
	free(sorted);
}

Test(select, random_sizes_and_ranks)
{
	int64_t v[600];
	size_t n, i;

	for (n = 1; n <= 600; n += n < 40 ? 1 : 37) {
		for (i = 0; i < n; i++)
			v[i] = (int64_t)(next() % 1000000) - 1000;
		check_rank(v, n, 0);
		check_rank(v, n, n - 1);
		check_rank(v, n, (size_t)(next() % n));
		check_percentiles(v, n);
	}
}

Test(select, many_equal_values)
{
	int64_t v[5000];
	size_t i;

	for (i = 0; i < 5000; i++)
		v[i] = (int64_t)(next() % 3) * 3600;
	check_rank(v, 5000, 2500);
	check_percentiles(v, 5000);
	for (i = 0; i < 5000; i++)
		v[i] = 42;
	check_rank(v, 5000, 4321);
}

Test(select, sorted_reversed_and_organ_pipe)
{
	static int64_t v[20000];
	size_t i, n = 20000;

	for (i = 0; i < n; i++)
		v[i] = (int64_t)i;
	check_percentiles(v, n);
	for (i = 0; i < n; i++)
		v[i] = (int64_t)(n - i);
	check_percentiles(v, n);
	for (i = 0; i < n; i++)
		v[i] = (int64_t)(i < n / 2 ? i : n - i);
	check_percentiles(v, n);
	check_rank(v, n, 7);
}

/* Median-of-three killer (Musser): every round would keep all but two values;
 * the round budget must hand over to the sort and still be right. */
Test(select, median_of_three_killer)
{
	static int64_t v[8192];
	size_t i, n = 8192, k = n / 2;

	for (i = 1; i <= k; i++) {
		if (i % 2 == 1) {
			v[i - 1] = (int64_t)i;
			v[i] = (int64_t)(k + i);
		}
		v[k + i - 1] = (int64_t)(2 * i);
	}
	check_percentiles(v, n);
	check_rank(v, n, 1);
}
