/* review.h: the review schedule of an agreement (front matter `review` and
 * `reviewed`): its next review date and whether that date has passed. */
#ifndef SLAREPORT_REVIEW_H
#define SLAREPORT_REVIEW_H

#include <stdbool.h>
#include <stdint.h>

struct agreement;
struct model;
struct yamlcheck;
struct yamlnode;

/* No date: what the day functions return when there is none. */
#define REVIEW_NO_DAY INT64_MIN

/* Days since epoch plus a number of calendar months, the day clamped to the
 * last of the month it lands in (2024-02-29 + 12 = 2025-02-28, 01-31 + 1 =
 * 02-28 or 02-29). */
int64_t review_add_months(int64_t day, int months);
/* The months of a cycle (monthly 1 … yearly 12), 0 for a date or none. */
int review_cycle_months(int cycle);

/* The next review date of a (days since epoch), or REVIEW_NO_DAY: the date of
 * `review: YYYY-MM-DD`, else `reviewed` plus the cycle, else `effective` plus
 * the cycle (never reviewed: the first review is one cycle after the start). */
int64_t agreement_next_review(const struct agreement *a);
/* Whether a's next review date is before asof_day (the publication's
 * data-as-of date, review_asof_day); never without a date. A date-form review
 * that `reviewed` is on or after has taken place. */
bool agreement_review_overdue(const struct agreement *a, int64_t asof_day);
/* The data-as-of date of the model (the latest event) in a's zone, or
 * REVIEW_NO_DAY when there are no events. */
int64_t review_asof_day(const struct model *m, const struct agreement *a);

/* Reads `review` and `reviewed` of an agreement's front matter into a. */
void review_parse(struct yamlcheck *c, const struct yamlnode *root, struct agreement *a);
/* Warns of a `reviewed` date after the data-as-of date, once the events are
 * read. */
void review_check(struct model *m);

#endif
