/* tz.c: IANA zones read once through GLib, then queried from our own offset table. */
#include "tz.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

/*
 * The zone is a list of segments: segment j starts at UTC instant start[j]
 * (start[0] = INT64_MIN) and has offset off[j] until start[j + 1]. lend[j] is
 * the running maximum of the wall-clock reading at which segment j ends
 * (start[j + 1] + off[j]), which makes local->UTC one binary search.
 * GLib's own look-up is a linear scan over its transitions, too slow to call
 * per event; it is used only while building the table.
 */
struct tz {
	char *name;
	size_t n;
	int64_t *start;
	int32_t *off;
	int64_t *lend;
};

#define WEEK (7 * 86400)

/* Table range: the supported years plus margin for local readings near the edges. */
static int64_t
table_lo(void)
{
	return civil_days(CIVIL_MIN_YEAR, 1, 1) * 86400 - 3 * 86400;
}

static int64_t
table_hi(void)
{
	return civil_days(CIVIL_MAX_YEAR + 1, 1, 1) * 86400 + 3 * 86400;
}

static int64_t
sat_add(int64_t a, int64_t b)
{
	if (b > 0 && a > INT64_MAX - b)
		return INT64_MAX;
	if (b < 0 && a < INT64_MIN - b)
		return INT64_MIN;
	return a + b;
}

/* Only names that can be IANA zone names: GLib would otherwise also accept
 * POSIX TZ rules ("ABC3") and paths, which a typo should never turn into. */
static bool
plausible_name(const char *name)
{
	const char *p, *comp = name;

	if (name[0] == '\0' || name[0] == '/' || strlen(name) > 255)
		return false;
	for (p = name;; p++) {
		if (*p == '/' || *p == '\0') {
			if (p == comp || comp[0] == '.')
				return false;
			if (*p == '\0')
				return true;
			comp = p + 1;
			continue;
		}
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' || *p == '+'))
			return false;
	}
}

/* Whether the tz database has a file for the name (where GLib looks too):
 * "Europe" is a directory, not a zone. */
static bool
in_database(const char *name)
{
	const char *dir = getenv("TZDIR");
	struct stat st;
	char *path;
	bool ok;

	if (strcmp(name, "UTC") == 0)	/* GLib knows UTC without tzdata */
		return true;
	path = xasprintf("%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", name);
	ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);
	free(path);
	return ok;
}

static int
interval(GTimeZone *g, int64_t t)
{
	return g_time_zone_find_interval(g, G_TIME_TYPE_UNIVERSAL, t);
}

/* Whether the first transition after the one in force at t happens exactly at
 * guess: checked with two look-ups, so a wrong guess costs little. */
static bool
transition_at(GTimeZone *g, int k, int64_t t, int64_t guess)
{
	return guess > t && interval(g, guess - 1) == k && interval(g, guess) > k;
}

/* The first instant after t (where interval k is in force) at which another
 * interval begins, or hi when none does before hi. */
static int64_t
next_transition(GTimeZone *g, int k, int64_t t, int64_t hi, const int64_t *found,
    size_t nfound)
{
	/* Most rules repeat yearly on a weekday (52 or 53 weeks later) or on a
	 * date (365 or 366 days later): guess from the transition a year back. */
	static const int ahead[] = { 364, 371, 365, 366 };
	int64_t lo, mid, step;
	size_t i;

	if (nfound >= 2)
		for (i = 0; i < sizeof ahead / sizeof ahead[0]; i++) {
			int64_t guess = found[nfound - 2] + (int64_t)ahead[i] * 86400;
			if (guess < hi && transition_at(g, k, t, guess))
				return guess;
		}
	/* Otherwise walk and bisect. Interval numbers only grow, so a step of
	 * any length notices every transition inside it; a week keeps the walk
	 * short and the bisection at 20 look-ups. */
	for (lo = t;; lo += step) {
		step = hi - lo < WEEK ? hi - lo : WEEK;
		if (step <= 0)
			return hi;
		if (interval(g, lo + step) != k)
			break;
	}
	for (mid = lo + step; mid - lo > 1;) {
		int64_t m = lo + (mid - lo) / 2;
		if (interval(g, m) == k)
			lo = m;
		else
			mid = m;
	}
	return mid;
}

static void
build(struct tz *z, GTimeZone *g)
{
	int64_t t = table_lo(), hi = table_hi();
	int64_t *found = NULL;
	size_t scap = 0, ocap = 0, fcap = 0, nfound = 0;
	int k = interval(g, t), off = g_time_zone_get_offset(g, k);

	xgrow((void **)&z->start, &scap, 1, sizeof *z->start);
	xgrow((void **)&z->off, &ocap, 1, sizeof *z->off);
	z->start[0] = INT64_MIN;
	z->off[0] = off;
	z->n = 1;
	for (;;) {
		int64_t next = next_transition(g, k, t, hi, found, nfound);
		if (next >= hi)
			break;
		xgrow((void **)&found, &fcap, nfound + 1, sizeof *found);
		found[nfound++] = next;
		t = next;
		k = interval(g, t);
		off = g_time_zone_get_offset(g, k);
		if (off == z->off[z->n - 1])	/* only the abbreviation changed */
			continue;
		xgrow((void **)&z->start, &scap, z->n + 1, sizeof *z->start);
		xgrow((void **)&z->off, &ocap, z->n + 1, sizeof *z->off);
		z->start[z->n] = t;
		z->off[z->n] = off;
		z->n++;
	}
	free(found);
}

static void
build_local_ends(struct tz *z)
{
	int64_t m = INT64_MIN;
	size_t j;

	z->lend = xmalloc(z->n * sizeof *z->lend);
	for (j = 0; j + 1 < z->n; j++) {
		int64_t e = z->start[j + 1] + z->off[j];
		m = e > m ? e : m;
		z->lend[j] = m;
	}
	z->lend[z->n - 1] = INT64_MAX;
}

struct tz *
tz_load(const char *name)
{
	GTimeZone *g;
	struct tz *z;

	if (name == NULL || !plausible_name(name) || !in_database(name))
		return NULL;
	if ((g = g_time_zone_new_identifier(name)) == NULL)
		return NULL;
	z = xcalloc(1, sizeof *z);
	z->name = xstrdup(name);
	build(z, g);
	g_time_zone_unref(g);
	build_local_ends(z);
	return z;
}

void
tz_free(struct tz *z)
{
	if (z == NULL)
		return;
	free(z->name);
	free(z->start);
	free(z->off);
	free(z->lend);
	free(z);
}

const char *
tz_name(const struct tz *z)
{
	return z->name;
}

/* Index of the segment in force at UTC instant utc. */
static size_t
segment_at(const struct tz *z, sla_time utc)
{
	size_t lo = 0, hi = z->n;	/* start[lo] <= utc < start[hi] */

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (z->start[mid] <= utc)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

int
tz_offset_at(const struct tz *z, sla_time utc)
{
	return z->off[segment_at(z, utc)];
}

sla_time
tz_utc_to_local(const struct tz *z, sla_time utc)
{
	return sat_add(utc, z->off[segment_at(z, utc)]);
}

/*
 * The earliest UTC instant whose wall-clock reading is at least local: in a
 * gap that is the transition, in a repeated hour the first occurrence. It lies
 * in the first segment whose wall clock ends after local.
 */
sla_time
tz_local_to_utc(const struct tz *z, sla_time local)
{
	size_t lo = 0, hi = z->n - 1;	/* lend[hi] > local always */
	sla_time u;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (z->lend[mid] > local)
			hi = mid;
		else
			lo = mid + 1;
	}
	u = sat_add(local, -(int64_t)z->off[lo]);
	return u > z->start[lo] ? u : z->start[lo];
}
