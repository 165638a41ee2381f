/* test_diag.c: problem lists merged from parts (diag_new_part, diag_append)
 * end up as one list reported in one go would: same entries, same cap, same
 * note, counts of everything. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"

/* Reports errors on lines from … to of file into d. */
static void
errors(struct diag *d, const char *file, int from, int to)
{
	for (int l = from; l <= to; l++)
		diag_add(d, DIAG_ERROR, file, l, 1, "bad line");
}

/* Whether a and b hold the same entries and counts. */
static void
expect_same(const struct diag *a, const struct diag *b)
{
	size_t i;

	cr_assert_eq(diag_len(a), diag_len(b));
	cr_expect_eq(diag_count(a, DIAG_ERROR), diag_count(b, DIAG_ERROR));
	cr_expect_eq(diag_count(a, DIAG_WARNING), diag_count(b, DIAG_WARNING));
	for (i = 0; i < diag_len(a); i++) {
		char *x = diag_format(diag_get(a, i)), *y = diag_format(diag_get(b, i));
		cr_expect_str_eq(x, y, "entry %zu", i);
		free(x);
		free(y);
	}
}

Test(diag, parts_merge_like_one_list)
{
	struct diag *whole = diag_new(), *merged = diag_new();
	struct diag *p1 = diag_new_part(), *p2 = diag_new_part(), *p3 = diag_new_part();

	/* One file in three parts (lines counted from each part's start), with
	 * the 1001st problem in the second part. */
	errors(whole, "events/e.ndjson", 1, 600);
	errors(whole, "events/e.ndjson", 601, 1500);
	diag_add(whole, DIAG_WARNING, "events/e.ndjson", 1600, 2, "odd \x1b[31m");
	errors(whole, "events/e.ndjson", 1700, 4000);
	errors(p1, "events/e.ndjson", 1, 600);
	errors(p2, "events/e.ndjson", 1, 900);
	diag_add(p3, DIAG_WARNING, "events/e.ndjson", 100, 2, "odd \x1b[31m");
	errors(p3, "events/e.ndjson", 200, 2500);
	diag_append(merged, p1, 0);
	diag_append(merged, p2, 600);
	diag_append(merged, p3, 1500);
	expect_same(whole, merged);
	cr_expect_eq(diag_count(merged, DIAG_ERROR), 3801);
	cr_expect_eq(diag_len(merged), 1002, "1000 errors, the note, the warning");
	diag_free(whole);
	diag_free(merged);
	diag_free(p1);
	diag_free(p2);
	diag_free(p3);
}

Test(diag, part_with_no_problem_and_problems_without_file)
{
	struct diag *whole = diag_new(), *merged = diag_new(), *p = diag_new_part();

	diag_add(whole, DIAG_ERROR, NULL, 0, 0, "general");
	diag_add(p, DIAG_ERROR, NULL, 0, 0, "general");
	diag_append(merged, p, 40);
	expect_same(whole, merged);
	diag_free(p);
	p = diag_new_part();
	diag_append(merged, p, 0);
	expect_same(whole, merged);
	diag_free(whole);
	diag_free(merged);
	diag_free(p);
}
