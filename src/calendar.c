/* calendar.c: business calendars as sorted UTC working intervals with running sums. */
#include "calendar.h"

#include <stdlib.h>

#include "util.h"

/*
 * Interval i is [start[i], end[i]); cum[i] is the working time of intervals
 * 0..i-1, so cum[n] is the total. The working time before an instant is then
 * one binary search away, and every query is a difference of two such values.
 */
struct calendar {
	size_t n;
	int64_t *start, *end, *cum;
};

int64_t
calendar_day_seconds(const struct calendar_spec *spec)
{
	int64_t best = 0;
	int wd, i;

	if (spec->always)
		return 86400;
	for (wd = 0; wd < 7; wd++) {
		int64_t sum = 0;
		for (i = 0; i < spec->nranges[wd] && i < CALENDAR_MAX_RANGES; i++) {
			const struct hours_range *r = &spec->ranges[wd][i];
			if (r->end_min > r->start_min)
				sum += (int64_t)(r->end_min - r->start_min) * 60;
		}
		best = sum > best ? sum : best;
	}
	return best;
}

/* A linear scan: a year has a few dozen holidays at most, and it stays right
 * should a list arrive unsorted. */
static bool
is_holiday(const struct calendar_spec *spec, int64_t day)
{
	int i;

	for (i = 0; i < spec->nholidays; i++)
		if (spec->holidays[i] == day)
			return true;
	return false;
}

/* Working intervals while compiling, before sorting and merging. */
struct span {
	int64_t s, e;
};

struct spans {
	struct span *v;
	size_t n, cap;
};

static void
add(struct spans *sp, int64_t s, int64_t e, int64_t from, int64_t to)
{
	s = s > from ? s : from;
	e = e < to ? e : to;
	if (e <= s)
		return;
	xgrow((void **)&sp->v, &sp->cap, sp->n + 1, sizeof *sp->v);
	sp->v[sp->n].s = s;
	sp->v[sp->n].e = e;
	sp->n++;
}

static int
cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return (x->s > y->s) - (x->s < y->s);
}

/* Sorts (ranges written out of order stay correct) and merges spans that
 * touch or overlap, such as mon 00:00-24:00 followed by tue 00:00-24:00. */
static void
merge_into(struct calendar *c, struct spans *sp)
{
	size_t i;

	if (sp->n > 1)
		qsort(sp->v, sp->n, sizeof *sp->v, cmp_span);
	c->start = xmalloc((sp->n ? sp->n : 1) * sizeof *c->start);
	c->end = xmalloc((sp->n ? sp->n : 1) * sizeof *c->end);
	c->n = 0;
	for (i = 0; i < sp->n; i++) {
		if (c->n > 0 && sp->v[i].s <= c->end[c->n - 1]) {
			if (sp->v[i].e > c->end[c->n - 1])
				c->end[c->n - 1] = sp->v[i].e;
			continue;
		}
		c->start[c->n] = sp->v[i].s;
		c->end[c->n] = sp->v[i].e;
		c->n++;
	}
	c->cum = xmalloc((c->n + 1) * sizeof *c->cum);
	c->cum[0] = 0;
	for (i = 0; i < c->n; i++)
		c->cum[i + 1] = c->cum[i] + (c->end[i] - c->start[i]);
}

static int64_t
wall_to_utc(const struct tz *zone, int64_t local)
{
	return zone ? tz_local_to_utc(zone, local) : local;
}

static int64_t
utc_to_wall(const struct tz *zone, int64_t utc)
{
	return zone ? tz_utc_to_local(zone, utc) : utc;
}

struct calendar *
calendar_compile(const struct calendar_spec *spec, sla_time from, sla_time to)
{
	/* Beyond the supported years nothing is working: this bounds the loop
	 * below for callers who pass "everything" as the window. */
	int64_t lo = (civil_days(CIVIL_MIN_YEAR, 1, 1) - 2) * 86400;
	int64_t hi = (civil_days(CIVIL_MAX_YEAR + 1, 1, 1) + 2) * 86400;
	struct calendar *c = xcalloc(1, sizeof *c);
	struct spans sp = { NULL, 0, 0 };
	int64_t day, last;
	int i;

	from = from > lo ? from : lo;
	to = to < hi ? to : hi;
	if (spec->always) {
		add(&sp, from, to, from, to);
	} else if (from < to) {
		/* A day's ranges can reach into the previous or next UTC day. */
		day = civil_day_of(utc_to_wall(spec->zone, from)) - 1;
		last = civil_day_of(utc_to_wall(spec->zone, to)) + 1;
		for (; day <= last; day++) {
			int wd = civil_weekday(day);
			int nr = spec->nranges[wd];
			if (is_holiday(spec, day))
				continue;
			nr = nr < CALENDAR_MAX_RANGES ? nr : CALENDAR_MAX_RANGES;
			for (i = 0; i < nr; i++) {
				const struct hours_range *r = &spec->ranges[wd][i];
				int64_t base = day * 86400;
				if (r->end_min <= r->start_min)
					continue;
				add(&sp, wall_to_utc(spec->zone, base + r->start_min * 60),
				    wall_to_utc(spec->zone, base + r->end_min * 60), from, to);
			}
		}
	}
	merge_into(c, &sp);
	free(sp.v);
	return c;
}

void
calendar_free(struct calendar *c)
{
	if (c == NULL)
		return;
	free(c->start);
	free(c->end);
	free(c->cum);
	free(c);
}

void
calendar_subtract(struct calendar *c, sla_time from, sla_time to)
{
	struct spans sp = { NULL, 0, 0 };
	size_t i;

	if (to <= from)
		return;
	/* Each interval keeps what lies before from and after to: at most one
	 * more interval than before, rebuilt with its sums by merge_into. */
	for (i = 0; i < c->n; i++) {
		if (c->end[i] <= from || c->start[i] >= to) {
			add(&sp, c->start[i], c->end[i], c->start[i], c->end[i]);
			continue;
		}
		add(&sp, c->start[i], from, c->start[i], c->end[i]);
		add(&sp, to, c->end[i], c->start[i], c->end[i]);
	}
	free(c->start);
	free(c->end);
	free(c->cum);
	merge_into(c, &sp);
	free(sp.v);
}

/* Number of intervals that start at or before t. */
static size_t
count_started(const struct calendar *c, sla_time t)
{
	size_t lo = 0, hi = c->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->start[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Working seconds before instant t. */
static int64_t
worked_before(const struct calendar *c, sla_time t)
{
	size_t k = count_started(c, t);

	if (k == 0)
		return 0;
	k--;
	if (t >= c->end[k])
		return c->cum[k + 1];
	return c->cum[k] + (t - c->start[k]);
}

int64_t
calendar_business_seconds(const struct calendar *c, sla_time a, sla_time b)
{
	if (b <= a)
		return 0;
	return worked_before(c, b) - worked_before(c, a);
}

sla_time
calendar_reach(const struct calendar *c, sla_time start, int64_t n)
{
	int64_t target;
	size_t lo = 0, hi = c->n;

	if (n <= 0)
		return start;
	target = worked_before(c, start);
	if (n > c->cum[c->n] - target)
		return INT64_MAX;
	target += n;
	/* The first interval whose end brings the total to target; inside it
	 * working time grows one second per second. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->cum[mid + 1] >= target)
			hi = mid;
		else
			lo = mid + 1;
	}
	return c->start[lo] + (target - c->cum[lo]);
}

bool
calendar_is_working(const struct calendar *c, sla_time t)
{
	size_t k = count_started(c, t);

	return k > 0 && t < c->end[k - 1];
}

size_t
calendar_interval_count(const struct calendar *c)
{
	return c->n;
}

void
calendar_interval(const struct calendar *c, size_t i, sla_time *start, sla_time *end)
{
	*start = c->start[i];
	*end = c->end[i];
}
