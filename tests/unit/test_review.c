/* test_review.c: next review dates (month ends, leap years, every cycle, the
 * date form, from `effective`), overdue against the data-as-of date, and the
 * messages of `review` and `reviewed`. Dates worked out by hand. */
#include "test_agreement.h"
#include "civil.h"
#include "review.h"

#define DAY(y, m, d) civil_days(y, m, d)

static void
expect_date(int64_t got, const char *want)
{
	char s[11] = "none";

	if (got != REVIEW_NO_DAY)
		civil_format_date(got, s);
	cr_expect_str_eq(s, want);
}

Test(review, add_months_clamps_to_month_end)
{
	expect_date(review_add_months(DAY(2026, 1, 31), 1), "2026-02-28");
	expect_date(review_add_months(DAY(2028, 1, 31), 1), "2028-02-29");	/* leap */
	expect_date(review_add_months(DAY(2024, 2, 29), 12), "2025-02-28");
	expect_date(review_add_months(DAY(2024, 2, 29), 48), "2028-02-29");
	expect_date(review_add_months(DAY(2026, 8, 31), 1), "2026-09-30");
	expect_date(review_add_months(DAY(2026, 11, 30), 3), "2027-02-28");
	expect_date(review_add_months(DAY(2026, 8, 31), 6), "2027-02-28");
	expect_date(review_add_months(DAY(2026, 12, 15), 1), "2027-01-15");	/* year end */
	expect_date(review_add_months(DAY(2099, 12, 31), 2), "2100-02-28");	/* 2100 not leap */
	expect_date(review_add_months(DAY(2000, 2, 29), 12), "2001-02-28");
	expect_date(review_add_months(DAY(2026, 3, 31), 0), "2026-03-31");
}

/* Parses front matter lines between HEAD and SEV. */
static void
agreement_with(struct agreement *a, const char *lines, const char *want, int errors)
{
	char *text = xasprintf(HEAD "%s" SEV "---\n", lines);

	parse(a, text, want, errors);
	free(text);
}

static void
expect_next(const char *lines, const char *want)
{
	struct agreement a;

	agreement_with(&a, lines, "", 0);
	expect_date(agreement_next_review(&a), want);
	agreement_free(&a);
}

Test(review, each_cycle_from_reviewed)
{
	expect_next("review: monthly\nreviewed: 2026-01-31\n", "2026-02-28");
	expect_next("review: quarterly\nreviewed: 2026-11-30\n", "2027-02-28");
	expect_next("review: half-yearly\nreviewed: 2027-08-31\n", "2028-02-29");
	expect_next("review: yearly\nreviewed: 2024-02-29\n", "2025-02-28");
	expect_next("review: Quarterly\nreviewed: 2026-06-30\n", "2026-09-30");	/* any case */
	expect_next("review: semi-annually\nreviewed: 2026-03-31\n", "2026-09-30");
	expect_next("review: jährlich\nreviewed: 2026-05-04\n", "2027-05-04");
}

Test(review, date_form_and_effective)
{
	/* A date is the next review, whatever `reviewed` says. */
	expect_next("review: 2026-09-30\n", "2026-09-30");
	expect_next("review: 2026-09-30\nreviewed: 2026-03-01\n", "2026-09-30");
	/* Never reviewed: one cycle after the agreement took effect. */
	expect_next("effective: 2025-08-31\nreview: half-yearly\n", "2026-02-28");
	/* reviewed wins over effective. */
	expect_next("effective: 2025-01-01\nreview: monthly\nreviewed: 2026-10-15\n",
	    "2026-11-15");
	/* Neither: no date. */
	expect_next("review: quarterly\n", "none");
	expect_next("", "none");
}

Test(review, overdue_against_the_data)
{
	struct agreement a;

	agreement_with(&a, "review: quarterly\nreviewed: 2026-06-30\n", "", 0);
	/* Next review 2026-09-30: due that day, overdue from the day after. */
	cr_expect(!agreement_review_overdue(&a, DAY(2026, 9, 29)));
	cr_expect(!agreement_review_overdue(&a, DAY(2026, 9, 30)));
	cr_expect(agreement_review_overdue(&a, DAY(2026, 10, 1)));
	cr_expect(!agreement_review_overdue(&a, REVIEW_NO_DAY));	/* no events */
	agreement_free(&a);

	/* A date-form review that took place is not overdue. */
	agreement_with(&a, "review: 2026-09-30\nreviewed: 2026-10-02\n", "", 0);
	cr_expect(!agreement_review_overdue(&a, DAY(2026, 11, 3)));
	agreement_free(&a);
	agreement_with(&a, "review: 2026-09-30\nreviewed: 2026-09-29\n", "", 0);
	cr_expect(agreement_review_overdue(&a, DAY(2026, 11, 3)));
	agreement_free(&a);

	agreement_with(&a, "review: monthly\n", "", 0);	/* no date: never overdue */
	cr_expect(!agreement_review_overdue(&a, DAY(2030, 1, 1)));
	agreement_free(&a);
}

Test(review, messages)
{
	struct agreement a;

	agreement_with(&a, "review: quartely\n", "a.md:5:9: warning: review: expected "
	    "monthly, quarterly, half-yearly, yearly or a date (YYYY-MM-DD), got "
	    "\"quartely\" (no next review date); did you mean \"quarterly\"?", 0);
	cr_expect_eq(a.review_cycle, REVIEW_NONE);
	agreement_free(&a);
	agreement_with(&a, "review: 2026-02-30\n", "a.md:5:9: error: review: "
	    "\"2026-02-30\" is not a valid date (YYYY-MM-DD)", 1);
	agreement_free(&a);
	agreement_with(&a, "review: monthly\nreviewed: 2026-13-01\n", "a.md:6:11: error: "
	    "reviewed: \"2026-13-01\" is not a valid date (YYYY-MM-DD)", 1);
	expect_date(agreement_next_review(&a), "none");
	agreement_free(&a);
	agreement_with(&a, "reviewed: 2026-10-01\n", "a.md:5:11: warning: reviewed: no "
	    "review cycle given (review: monthly, quarterly, half-yearly, yearly or a "
	    "date): no next review date", 0);
	agreement_free(&a);
	check(HEAD "review: Monthly\nreviewed: 2026-10-01\n" SEV "---\n", "", 0);
}
