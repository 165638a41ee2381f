/* review.c: the review schedule — `review` (a cycle or a date) and `reviewed`
 * (the last review) — and the next review date both give (docs/input.md 3.2). */
#include "review.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "civil.h"
#include "fmvalue.h"
#include "model.h"
#include "suggest.h"
#include "tz.h"
#include "util.h"
#include "yamlnode.h"

#define ERR(c, at, kp, ...) yamlnode_report(c, DIAG_ERROR, at, kp, __VA_ARGS__)
#define WARN(c, at, kp, ...) yamlnode_report(c, DIAG_WARNING, at, kp, __VA_ARGS__)

/* The words `review` takes, English and German (an agreement may be written
 * in either), with the cycle of each. */
static const char *const cycles[] = { "monthly", "quarterly", "half-yearly", "yearly",
	"semi-annually", "annually", "monatlich", "vierteljährlich", "quartalsweise",
	"halbjährlich", "jährlich", NULL };
static const enum review_cycle cycle_of[] = { REVIEW_MONTHLY, REVIEW_QUARTERLY,
	REVIEW_HALF_YEARLY, REVIEW_YEARLY, REVIEW_HALF_YEARLY, REVIEW_YEARLY,
	REVIEW_MONTHLY, REVIEW_QUARTERLY, REVIEW_QUARTERLY, REVIEW_HALF_YEARLY,
	REVIEW_YEARLY };

int64_t
review_add_months(int64_t day, int months)
{
	int y, m, d, last;
	long k;

	civil_from_days(day, &y, &m, &d);
	k = (long)y * 12 + (m - 1) + months;
	y = (int)(k / 12);
	m = (int)(k % 12) + 1;
	last = civil_days_in_month(y, m);
	return civil_days(y, m, d < last ? d : last);
}

int
review_cycle_months(int cycle)
{
	switch (cycle) {
	case REVIEW_MONTHLY: return 1;
	case REVIEW_QUARTERLY: return 3;
	case REVIEW_HALF_YEARLY: return 6;
	case REVIEW_YEARLY: return 12;
	default: return 0;
	}
}

int64_t
agreement_next_review(const struct agreement *a)
{
	int64_t from;

	if (a->review_cycle == REVIEW_DATE)
		return a->review_day;
	if (review_cycle_months(a->review_cycle) == 0)
		return REVIEW_NO_DAY;
	if (a->reviewed_day != REVIEW_NO_DAY)
		from = a->reviewed_day;
	else if (a->effective == NULL ||
	    civil_parse_date(a->effective, strlen(a->effective), &from) != NULL)
		return REVIEW_NO_DAY;
	return review_add_months(from, review_cycle_months(a->review_cycle));
}

bool
agreement_review_overdue(const struct agreement *a, int64_t asof_day)
{
	int64_t next = agreement_next_review(a);

	if (next == REVIEW_NO_DAY || asof_day == REVIEW_NO_DAY)
		return false;
	/* The review of that date took place. */
	if (a->review_cycle == REVIEW_DATE && a->reviewed_day != REVIEW_NO_DAY &&
	    a->reviewed_day >= next)
		return false;
	return next < asof_day;
}

int64_t
review_asof_day(const struct model *m, const struct agreement *a)
{
	if (m->latest_at == 0)
		return REVIEW_NO_DAY;
	return civil_day_of(a->zone != NULL ? tz_utc_to_local(a->zone, m->latest_at) :
	    m->latest_at);
}

void
review_parse(struct yamlcheck *c, const struct yamlnode *root, struct agreement *a)
{
	const struct yamlnode *v = yamlnode_scalar(c, root, "", "review", false,
	    "monthly, quarterly, half-yearly, yearly or a date (YYYY-MM-DD)");
	const struct yamlnode *r = yamlnode_field(c, root, "", "reviewed", false);
	int i;

	a->review_cycle = REVIEW_NONE;
	a->review_day = a->reviewed_day = REVIEW_NO_DAY;
	if (v != NULL) {
		a->review = xstrdup(v->text);
		for (i = 0; cycles[i] != NULL && strcasecmp(cycles[i], v->text) != 0; i++)
			;
		if (cycles[i] != NULL)
			a->review_cycle = cycle_of[i];
		else if (v->len >= 8 && v->text[0] >= '0' && v->text[0] <= '9') {
			/* Looks like a date: one that is wrong is said so. */
			if (fmvalue_date(c, v, "review", &a->review_day))
				a->review_cycle = REVIEW_DATE;
		} else {
			const char *near = suggest_closest(v->text, cycles);
			/* A warning: the text is still shown as written, as before
			 * the key had a meaning. */
			WARN(c, v, "review", "expected monthly, quarterly, half-yearly, yearly "
			    "or a date (YYYY-MM-DD), got %s (no next review date)%s%s%s",
			    yamlnode_show(c, v),
			    near != NULL ? "; did you mean \"" : "", near != NULL ? near : "",
			    near != NULL ? "\"?" : "");
		}
	}
	if (r != NULL && fmvalue_date(c, r, "reviewed", &a->reviewed_day)) {
		a->reviewed_line = r->line;
		a->reviewed_col = r->col;
		if (v == NULL)
			WARN(c, r, "reviewed", "no review cycle given (review: monthly, "
			    "quarterly, half-yearly, yearly or a date): no next review date");
	}
}

void
review_check(struct model *m)
{
	int i;

	for (i = 0; i < m->nagreements; i++) {
		const struct agreement *a = &m->agreements[i];
		int64_t asof = review_asof_day(m, a);
		char d1[11], d2[11];

		if (a->reviewed_day == REVIEW_NO_DAY || asof == REVIEW_NO_DAY ||
		    a->reviewed_day <= asof)
			continue;
		civil_format_date(a->reviewed_day, d1);
		civil_format_date(asof, d2);
		diag_add(m->diag, DIAG_WARNING, a->path, a->reviewed_line, a->reviewed_col,
		    "reviewed: %s is after the data, which end on %s", d1, d2);
	}
}
