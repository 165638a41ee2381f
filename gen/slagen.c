/* slagen.c: writes the slareport demo company's input folder (sample and benchmark data).
 *
 * Usage: slagen [-o DIR] [--seed N] [--events N] [--months M] [--end YYYY-MM]
 *               [--no-quirks] [--force] [--stats] [-q]
 *
 * DIR (default sample-data) receives an input folder as in SPEC §2: site.yml,
 * agreements/ and events/. The output depends only on the arguments: no clock is
 * read, randomness comes from our own xoshiro256** seeded with --seed (default 1), and
 * only correctly rounded IEEE operations (+ - * / sqrt; gcc -std=c11 does not fuse them)
 * shape the numbers, so a seed gives the same bytes on any machine with IEEE doubles.
 * `make sample-data` runs it with the defaults.
 *
 * The model. Nordlicht Handels GmbH, a German wholesaler with a New York subsidiary,
 * has seven agreements: the IT service desk SLA for sales, three OLAs of the network,
 * systems and applications teams beneath it, the marketing → sales lead hand-off
 * (named severities hot/warm, 24x7, volume by lead value), the US onboarding hand-off
 * (America/New_York hours and US federal holidays, CSAT) and a German facility SLA
 * (split hours and a Saturday shift, NPS). Holidays are computed (Easter, observed US
 * days), never listed by hand.
 *
 * Over --months months ending with --end (default 14 months ending 2026-10), items
 * arrive day by day with weekday, hour-of-day, month-of-year and holiday weights
 * (plus a slow growth trend and one CRM outage day), then each item is simulated:
 * response and resolution times are drawn as a share of the target in force —
 * mostly inside it, beyond it with a monthly probability so that attainment moves
 * between about 80 and 99 % — walked through the real business calendar; service
 * desk tickets are handed to network/systems/applications within those teams' OLA
 * budgets, wait for the customer (paused/resumed), change severity, get reopened,
 * rated and closed days later. The export is taken at noon on the 2nd day after the
 * last month: later events do not exist yet, open items are the backlog, and the
 * default report period is the last month.
 *
 * Output. Below 100,000 events the events are spread over the three shapes of SPEC §2
 * (a JSON array, an {"events": [...]} object, NDJSON and JSONL); bigger sets are
 * written as NDJSON split by month into 2 (< 1M), 4 (< 5M) or 8 files. Events are
 * streamed: only the item being simulated is in memory, and each file shuffles its
 * records through a small pool, so events are out of order within a file and items
 * span files. Timestamps mix local offsets (DST computed), Z, naive site-zone time
 * and fractional seconds; a few facility ids are JSON numbers.
 *
 * Deliberate defects (left out with --no-quirks) are listed in gen/README.md: exact
 * duplicates, items without `opened`, events lacking a required field, unknown event
 * types, undefined severities, an out-of-scale score and unassigned items.
 */
#include "slagen.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LARGE_EVENTS 100000
#define MAXSINKS 8

/* Measured: average events emitted per item with the type mix below. */
#define EVENTS_PER_ITEM 5.37

static const double type_share[NTYPES] = {0.66, 0.14, 0.07, 0.13};

static const int wd_w[NTYPES][7] = {
	{125, 110, 100, 100, 80, 10, 6},
	{110, 110, 105, 100, 90, 40, 35},
	{110, 105, 105, 100, 95, 3, 2},
	{115, 105, 100, 100, 85, 14, 2},
};
static const int month_w[NTYPES][12] = {
	{115, 105, 105, 95, 95, 95, 85, 80, 100, 105, 110, 85},
	{90, 100, 135, 105, 100, 90, 70, 70, 130, 115, 105, 60},
	{130, 105, 100, 100, 95, 100, 85, 90, 105, 110, 100, 70},
	{125, 115, 100, 90, 85, 100, 110, 115, 95, 100, 105, 90},
};
static const int hour_w[NTYPES][2][24] = {
	{{1, 1, 1, 1, 1, 2, 4, 15, 60, 100, 100, 90, 60, 75, 90, 85, 70, 45, 15, 8, 5, 4, 2, 1},
	 {2, 2, 1, 1, 1, 1, 2, 4, 8, 10, 12, 12, 10, 10, 10, 9, 8, 7, 6, 5, 4, 3, 3, 2}},
	{{3, 2, 1, 1, 1, 2, 5, 15, 40, 70, 80, 80, 60, 70, 80, 75, 65, 55, 45, 40, 35, 30, 15, 6},
	 {4, 2, 1, 1, 1, 1, 3, 8, 20, 40, 50, 50, 45, 45, 45, 40, 40, 40, 40, 45, 45, 35, 20, 8}},
	{{0, 0, 0, 0, 0, 0, 1, 5, 30, 100, 100, 90, 60, 80, 90, 85, 60, 20, 5, 2, 1, 0, 0, 0},
	 {0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 5, 5, 4, 4, 3, 2, 1, 1, 0, 0, 0, 0, 0, 0}},
	{{0, 0, 0, 0, 0, 1, 10, 60, 100, 90, 80, 70, 40, 60, 70, 60, 30, 10, 3, 1, 1, 1, 0, 0},
	 {1, 0, 0, 0, 0, 0, 1, 5, 10, 12, 12, 10, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}},
};

struct quirkdef {
	enum quirk q;
	int type;
	double at;	/* share of the type's items after which it applies */
	int always;	/* valid data, kept with --no-quirks */
};
static const struct quirkdef quirkdefs[] = {
	{Q_NOOPEN, IT_TYPE, 0.02, 0}, {Q_NOOPEN, IT_TYPE, 0.03, 0},
	{Q_MIXED_ID, FAC_TYPE, 0.20, 1}, {Q_NOTEAM, IT_TYPE, 0.22, 0},
	{Q_DUP, IT_TYPE, 0.12, 0}, {Q_UNKTYPE, IT_TYPE, 0.27, 0},
	{Q_BADSCORE, ONB_TYPE, 0.29, 0}, {Q_NOSCORE, FAC_TYPE, 0.33, 0},
	{Q_DUP, IT_TYPE, 0.37, 0}, {Q_NOOPEN, FAC_TYPE, 0.40, 0},
	{Q_BADSEV_OPEN, IT_TYPE, 0.43, 0}, {Q_NOSEV, IT_TYPE, 0.47, 0},
	{Q_DUP, LEAD_TYPE, 0.50, 0}, {Q_BADSEV_CHANGE, IT_TYPE, 0.52, 0},
	{Q_NOOPEN, ONB_TYPE, 0.55, 0}, {Q_NOAT, IT_TYPE, 0.58, 0},
	{Q_TYPO_AGREEMENT, IT_TYPE, 0.61, 0}, {Q_DUP, FAC_TYPE, 0.63, 0},
	{Q_UNKTYPE, IT_TYPE, 0.66, 0}, {Q_NOOPEN, IT_TYPE, 0.70, 0},
	{Q_MIXED_ID, FAC_TYPE, 0.72, 1}, {Q_NOID, LEAD_TYPE, 0.76, 0},
	{Q_DUP, IT_TYPE, 0.81, 0},
};
#define NQUIRKS (int)(sizeof quirkdefs / sizeof quirkdefs[0])

/* Service desk items of the last month picked for the demo's excluded events
 * (SPEC §8): every 60th one opened in it. */
#define NEXCLUDED 5
struct picked {
	char id[32];
	int64_t at;
};

struct router {
	struct sink *sink[MAXSINKS];
	char name[MAXSINKS][96];
	int nsinks, large, split, y0, m0, months;
	int seen_last;			/* service desk items opened in the last month */
	int npicked;
	struct picked picked[NEXCLUDED];
};

struct arrival {
	int64_t t;
	int type, n;
};

static void
usage(FILE *f)
{
	fprintf(f, "usage: slagen [-o DIR] [--seed N] [--events N] [--months M] [--end YYYY-MM]\n"
		"              [--no-quirks] [--force] [--stats] [-q]\n"
		"Writes the slareport demo input folder (site.yml, agreements/, events/) to DIR\n"
		"(default sample-data). Defaults: seed 1, 30000 events, 14 months ending 2026-10.\n");
}

static int
month_index(const struct router *r, int64_t at)
{
	int y, m, d;

	civil_from_days(tz_local_day(ZONE_BERLIN, at), &y, &m, &d);
	int mi = (y * 12 + m - 1) - (r->y0 * 12 + r->m0 - 1);
	return mi < 0 ? 0 : mi >= r->months ? r->months - 1 : mi;
}

/* The first occurrence of needle in rec[0..len), or NULL (memmem is not POSIX). */
static const char *
find(const char *rec, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(rec + i, needle, n) == 0)
			return rec + i;
	return NULL;
}

static void
route(void *arg, int type, int64_t at, const char *rec, size_t len)
{
	struct router *r = arg;
	int mi = month_index(r, at), k;

	if (r->large)
		k = mi * r->nsinks / r->months;
	else if (type == IT_TYPE)
		k = mi < r->split ? 0 : 1;
	else if (type == FAC_TYPE)
		k = 3;
	else
		k = 2;
	sink_put(r->sink[k], rec, len);
	if (!r->large && type == IT_TYPE && mi == r->months - 1 && r->npicked < NEXCLUDED &&
	    find(rec, len, "\"type\": \"opened\"") != NULL &&
	    r->seen_last++ % 60 == 30) {
		const char *id = find(rec, len, "\"id\": \""), *q;
		if (id != NULL && (q = memchr(id + 7, '"', len - (size_t)(id + 7 - rec))) != NULL &&
		    q - (id + 7) < (int)sizeof r->picked[0].id) {
			memcpy(r->picked[r->npicked].id, id + 7, (size_t)(q - (id + 7)));
			r->picked[r->npicked].id[q - (id + 7)] = '\0';
			r->picked[r->npicked++].at = at;
		}
	}
}

static int mkdir_p(const char *path);

/* A late export of the last month, kept out of events/ (README: the second
 * build, SPEC §8 Restatements): three service desk tickets the ticketing tool
 * exported only after the month's report was published. */
static int
write_late(const char *dir, int y, int m)
{
	static const char *const rec[] = {
		"{\"id\": \"INC9000001\", \"type\": \"opened\", \"at\": \"%s-20T07:00:00Z\", "
		"\"team\": \"service-desk\", \"severity\": 2, \"requester\": \"sales\", "
		"\"kind\": \"incident\", \"title\": \"Order entry times out for the Hamburg team\"}",
		"{\"id\": \"INC9000001\", \"type\": \"responded\", \"at\": \"%s-20T07:25:00Z\"}",
		"{\"id\": \"INC9000001\", \"type\": \"resolved\", \"at\": \"%s-21T15:00:00Z\"}",
		"{\"id\": \"INC9000002\", \"type\": \"opened\", \"at\": \"%s-22T08:00:00Z\", "
		"\"team\": \"service-desk\", \"severity\": 3, \"requester\": \"sales\", "
		"\"kind\": \"incident\", \"title\": \"Shared calendar not syncing\"}",
		"{\"id\": \"INC9000002\", \"type\": \"responded\", \"at\": \"%s-22T08:40:00Z\"}",
		"{\"id\": \"INC9000002\", \"type\": \"resolved\", \"at\": \"%s-22T13:00:00Z\"}",
		"{\"id\": \"REQ9000003\", \"type\": \"opened\", \"at\": \"%s-23T09:00:00Z\", "
		"\"team\": \"service-desk\", \"severity\": 4, \"requester\": \"sales\", "
		"\"kind\": \"request\", \"title\": \"New headset for a trainee\"}",
		"{\"id\": \"REQ9000003\", \"type\": \"responded\", \"at\": \"%s-23T11:00:00Z\"}",
		"{\"id\": \"REQ9000003\", \"type\": \"resolved\", \"at\": \"%s-26T10:00:00Z\"}",
	};
	char path[4096], ym[8];
	FILE *f;
	size_t i;

	snprintf(path, sizeof path, "%s/late", dir);
	if (mkdir_p(path) != 0)
		return -1;
	snprintf(ym, sizeof ym, "%04d-%02d", y, m);
	snprintf(path, sizeof path, "%s/late/servicedesk-late-%s.ndjson", dir, ym);
	if ((f = fopen(path, "w")) == NULL)
		return -1;
	for (i = 0; i < sizeof rec / sizeof rec[0]; i++) {
		fprintf(f, rec[i], ym);
		fputc('\n', f);
	}
	return fclose(f);
}

/* The demo's excluded events (SPEC §8), each with its reason, two hours after
 * its item opened: events/servicedesk-exclusions.ndjson. */
static int
write_exclusions(const char *dir, const struct router *r)
{
	static const char *const reasons[NEXCLUDED] = {
		"Raised by mistake: duplicate of a ticket already being worked",
		"Waiting for the customer's vendor, as agreed in the service review",
		"Caused by a third-party carrier outage outside our control",
		"Test ticket from the ticketing upgrade",
		"Customer asked to put the change on hold until the quarter closes",
	};
	char path[4096], stamp[32];
	FILE *f;

	if (r->large || r->npicked == 0)
		return 0;
	snprintf(path, sizeof path, "%s/events/servicedesk-exclusions.ndjson", dir);
	if ((f = fopen(path, "w")) == NULL)
		return -1;
	for (int i = 0; i < r->npicked; i++) {
		int64_t t = r->picked[i].at + 2 * 3600, days = t / 86400, secs = t % 86400;
		int y, m, d;
		civil_from_days(days, &y, &m, &d);
		snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
			(int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
		fprintf(f, "{\"id\": \"%s\", \"type\": \"excluded\", \"at\": \"%s\", "
			"\"reason\": \"%s\"}\n", r->picked[i].id, stamp, reasons[i]);
	}
	return fclose(f);
}

static int
mkdir_p(const char *path)
{
	if (mkdir(path, 0777) == 0 || errno == EEXIST)
		return 0;
	return -1;
}

/* Removes the regular files of dir (used by --force on our own two folders). */
static int
clear_dir(const char *dir, int force, int *nonempty)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[4096];

	if (d == NULL)
		return errno == ENOENT ? 0 : -1;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (!force) {
			*nonempty = 1;
			break;
		}
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if (unlink(path) != 0) {
			closedir(d);
			return -1;
		}
	}
	closedir(d);
	return 0;
}

static int
parse_num(const char *s, long long lo, long long hi, long long *out)
{
	char *end;

	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

static int
cmp_arrival(const void *a, const void *b)
{
	const struct arrival *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->n - y->n;
}

static int
is_hol(const struct holiday *h, int n, int64_t day)
{
	for (int i = 0; i < n; i++)
		if (h[i].day == day)
			return 1;
	return 0;
}

/* Relative arrival weight of items of a type on local day `day` (month index mi). */
static double
day_weight(int type, int64_t day, int mi, int64_t outage, const struct holiday *hde, int nde,
	const struct holiday *hus, int nus)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	double w = wd_w[type][weekday_of(day)] * month_w[type][m - 1] * (1.0 + 0.012 * mi);
	if (type == ONB_TYPE ? is_hol(hus, nus, day) : is_hol(hde, nde, day))
		w *= type == LEAD_TYPE ? 0.6 : 0.12;
	if (type == IT_TYPE && day == outage)
		w *= 2.5;
	return w;
}

int
main(int argc, char **argv)
{
	const char *dir = "sample-data";
	long long seed = 1, events = 30000, months = 14, ey = 2026, em = 10;
	int quirks = 1, force = 0, stats = 0, quiet = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = NULL;
		const char *eq = strncmp(a, "--", 2) == 0 ? strchr(a, '=') : NULL;
		char key[32];
		if (eq) {
			snprintf(key, sizeof key, "%.*s", (int)(eq - a), a);
			a = key;
			v = eq + 1;
		}
		int takes = strcmp(a, "-o") == 0 || strcmp(a, "--seed") == 0 ||
			strcmp(a, "--events") == 0 || strcmp(a, "--months") == 0 ||
			strcmp(a, "--end") == 0;
		if (takes && v == NULL) {
			if (i + 1 >= argc) {
				fprintf(stderr, "slagen: %s needs a value\n", a);
				return 64;
			}
			v = argv[++i];
		}
		int bad = 0;
		if (strcmp(a, "-o") == 0)
			dir = v;
		else if (strcmp(a, "--seed") == 0)
			bad = parse_num(v, 0, 0x7fffffffffffffffLL, &seed);
		else if (strcmp(a, "--events") == 0)
			bad = parse_num(v, 100, 1000000000LL, &events);
		else if (strcmp(a, "--months") == 0)
			bad = parse_num(v, 1, 120, &months);
		else if (strcmp(a, "--end") == 0) {
			char yb[8];
			bad = strlen(v) != 7 || v[4] != '-';
			if (!bad) {
				memcpy(yb, v, 4);
				yb[4] = '\0';
				bad = parse_num(yb, 1971, 2199, &ey) || parse_num(v + 5, 1, 12, &em);
			}
		}
		else if (strcmp(a, "--no-quirks") == 0)
			quirks = 0;
		else if (strcmp(a, "--force") == 0)
			force = 1;
		else if (strcmp(a, "--stats") == 0)
			stats = 1;
		else if (strcmp(a, "-q") == 0)
			quiet = 1;
		else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		} else {
			usage(stderr);
			return 64;
		}
		if (bad) {
			fprintf(stderr, "slagen: bad value for %s\n", a);
			return 64;
		}
	}

	/* The span: months ending with (ey, em); the export is taken at noon of the
	   second day after it, Berlin time. */
	int y0 = (int)ey, m0 = (int)em - (int)months + 1;
	while (m0 < 1) {
		m0 += 12;
		y0--;
	}
	int64_t day0 = days_from_civil(y0, m0, 1);
	int64_t dayend = em == 12 ? days_from_civil((int)ey + 1, 1, 1) :
		days_from_civil((int)ey, (int)em + 1, 1);
	int64_t cutoff = tz_to_utc(ZONE_BERLIN, (dayend + 1) * 86400 + 12 * 3600);
	int hy0 = y0, hy1, dummy1, dummy2;
	civil_from_days(dayend + 1, &hy1, &dummy1, &dummy2);

	char path[4096];
	int nonempty = 0;
	snprintf(path, sizeof path, "%s/agreements", dir);
	if (mkdir_p(dir) || mkdir_p(path) || clear_dir(path, force, &nonempty)) {
		fprintf(stderr, "slagen: %s: %s\n", path, strerror(errno));
		return 73;
	}
	snprintf(path, sizeof path, "%s/events", dir);
	if (mkdir_p(path) || clear_dir(path, force, &nonempty)) {
		fprintf(stderr, "slagen: %s: %s\n", path, strerror(errno));
		return 73;
	}
	if (nonempty) {
		fprintf(stderr, "slagen: %s already holds files (use --force to replace them)\n", dir);
		return 73;
	}
	if (agreements_write(dir, y0, m0, (int)ey, (int)em, hy0, hy1) != 0) {
		fprintf(stderr, "slagen: %s: %s\n", dir, strerror(errno));
		return 74;
	}

	struct router rt = {.large = events >= LARGE_EVENTS, .y0 = y0, .m0 = m0,
		.months = (int)months};
	if (rt.large) {
		rt.nsinks = events < 1000000 ? 2 : events < 5000000 ? 4 : 8;
		if (rt.nsinks > months)
			rt.nsinks = (int)months;
		for (int k = 0; k < rt.nsinks; k++)
			snprintf(rt.name[k], sizeof rt.name[k], "events-%02d.ndjson", k + 1);
	} else {
		/* Service desk exports: one file per year, or halves of a one-year span. */
		rt.split = 12 - m0 + 1 < months ? 12 - m0 + 1 : (int)months / 2;
		if (rt.split < 1)
			rt.split = 1;
		int sy = y0, sm = m0 + rt.split;
		while (sm > 12) {
			sm -= 12;
			sy++;
		}
		int py = sm == 1 ? sy - 1 : sy, pm = sm == 1 ? 12 : sm - 1;
		rt.nsinks = 4;
		snprintf(rt.name[0], sizeof rt.name[0], "servicedesk-until-%04d-%02d.json", py, pm);
		snprintf(rt.name[1], sizeof rt.name[1], "servicedesk-from-%04d-%02d.ndjson", sy, sm);
		snprintf(rt.name[2], sizeof rt.name[2], "crm-export.json");
		snprintf(rt.name[3], sizeof rt.name[3], "facility.jsonl");
	}
	for (int k = 0; k < rt.nsinks; k++) {
		int shape = rt.large || k == 1 || k == 3 ? SHAPE_NDJSON : k == 0 ? SHAPE_ARRAY :
			SHAPE_WRAPPED;
		snprintf(path, sizeof path, "%s/events/%s", dir, rt.name[k]);
		rt.sink[k] = sink_open(path, shape, (uint64_t)seed * 31 + (uint64_t)k);
		if (rt.sink[k] == NULL) {
			fprintf(stderr, "slagen: %s: %s\n", path, strerror(errno));
			return 73;
		}
	}

	struct simctx *sim = sim_new((uint64_t)seed, y0, m0, (int)months, hy0, hy1, cutoff,
		rt.large, quirks, stats);
	if (sim == NULL) {
		fprintf(stderr, "slagen: out of memory\n");
		return 71;
	}
	struct holiday hde[CAL_MAXHOL], hus[CAL_MAXHOL];
	int nde = holidays_list(HOL_DE_BE, hy0, hy1, hde, CAL_MAXHOL);
	int nus = holidays_list(HOL_US, hy0, hy1, hus, CAL_MAXHOL);
	int64_t outage = sim_outage_day(sim);

	/* Arrival weights are normalised over the whole span first, so that the items
	   of a type add up to its share of the requested size. */
	double total_items = (double)events / EVENTS_PER_ITEM, wsum[NTYPES] = {0};
	for (int64_t day = day0; day <= dayend + 1; day++) {
		int mi = month_index(&rt, day * 86400 + 43200);
		for (int t = 0; t < NTYPES; t++)
			wsum[t] += day_weight(t, day, mi, outage, hde, nde, hus, nus);
	}
	double carry[NTYPES] = {0};
	long long done_items[NTYPES] = {0}, nitems = 0;
	int qdone[NQUIRKS] = {0}, script_done = 0;
	int64_t script_at = tz_to_utc(ZONE_BERLIN,
		(days_from_civil((int)ey, (int)em, 13) * 86400) + 10 * 3600);
	struct rng ar;
	rng_seed(&ar, (uint64_t)seed ^ 0x5eed5eedULL);
	struct arrival *day_items = NULL;
	size_t cap = 0;

	for (int64_t day = day0; day <= dayend + 1; day++) {
		size_t n = 0;
		int mi = month_index(&rt, day * 86400 + 43200);
		for (int t = 0; t < NTYPES; t++) {
			double w = day_weight(t, day, mi, outage, hde, nde, hus, nus);
			int zone = t == ONB_TYPE ? ZONE_NEWYORK : ZONE_BERLIN;
			int off = weekday_of(day) >= 5 ||
				(t == ONB_TYPE ? is_hol(hus, nus, day) : is_hol(hde, nde, day));
			carry[t] += total_items * type_share[t] * w / wsum[t] * (0.8 + 0.4 * rng_unit(&ar));
			while (carry[t] >= 1.0) {
				carry[t] -= 1.0;
				int h = rng_weighted(&ar, hour_w[t][off], 24);
				int64_t local = day * 86400 + h * 3600 + rng_below(&ar, 3600);
				int64_t at = tz_to_utc(zone, local);
				if (at >= cutoff)
					continue;
				if (n == cap) {
					cap = cap ? cap * 2 : 256;
					day_items = realloc(day_items, cap * sizeof *day_items);
					if (day_items == NULL) {
						fprintf(stderr, "slagen: out of memory\n");
						return 71;
					}
				}
				day_items[n].t = at;
				day_items[n].type = t;
				day_items[n].n = (int)n;
				n++;
			}
		}
		qsort(day_items, n, sizeof *day_items, cmp_arrival);
		for (size_t i = 0; i < n; i++) {
			int t = day_items[i].type;
			enum quirk q = Q_NONE;
			if (t == IT_TYPE && !script_done && day_items[i].t >= script_at) {
				q = Q_SCRIPT_TITLE;
				script_done = 1;
			}
			for (int k = 0; q == Q_NONE && k < NQUIRKS; k++) {
				const struct quirkdef *qd = &quirkdefs[k];
				if (!qdone[k] && qd->type == t && (quirks || qd->always) &&
				    done_items[t] >= qd->at * total_items * type_share[t]) {
					q = qd->q;
					qdone[k] = 1;
				}
			}
			sim_item(sim, t, day_items[i].t, q, route, &rt);
			done_items[t]++;
			nitems++;
		}
	}
	free(day_items);

	long long recs = 0, bytes = 0;
	int rc = 0;
	for (int k = 0; k < rt.nsinks; k++) {
		long long r1, b1;
		if (sink_close(rt.sink[k], &r1, &b1) != 0) {
			fprintf(stderr, "slagen: %s/events/%s: write error\n", dir, rt.name[k]);
			rc = 74;
		}
		recs += r1;
		bytes += b1;
	}
	if (rc == 0 && !rt.large && write_late(dir, (int)ey, (int)em) != 0) {
		fprintf(stderr, "slagen: %s/late: %s\n", dir, strerror(errno));
		rc = 74;
	}
	if (rc == 0 && write_exclusions(dir, &rt) != 0) {
		fprintf(stderr, "slagen: %s/events: %s\n", dir, strerror(errno));
		rc = 74;
	}
	if (stats)
		sim_print_stats(sim, stderr);
	if (!quiet)
		fprintf(stderr, "slagen: %lld items, %lld events, %.1f MB in %d event files -> %s\n",
			nitems, recs, (double)bytes / 1e6, rt.nsinks, dir);
	sim_free(sim);
	return rc;
}
