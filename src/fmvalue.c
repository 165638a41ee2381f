/* fmvalue.c: typed front-matter values — dates, durations, calendars — with positions. */
#include "fmvalue.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "civil.h"

#define ERR(c, at, kp, ...) yamlnode_report(c, DIAG_ERROR, at, kp, __VA_ARGS__)

/* Checks a scalar date; its days since epoch into *days. */
bool
fmvalue_date(struct yamlcheck *c, const struct yamlnode *v, const char *kp,
    int64_t *days)
{
	if (v->type == YAMLNODE_SCALAR && civil_parse_date(v->text, v->len, days) == NULL)
		return true;
	if (v->type == YAMLNODE_SCALAR)
		ERR(c, v, kp, "%s is not a valid date (YYYY-MM-DD)", yamlnode_show(c, v));
	else
		ERR(c, v, kp, "expected a date (YYYY-MM-DD), got %s", yamlnode_show(c, v));
	return false;
}

static const char *const weekdays[] = { "mon", "tue", "wed", "thu", "fri", "sat",
	"sun" };

static int
weekday_index(const char *s, size_t n)
{
	int i;

	for (i = 0; i < 7; i++)
		if (n == 3 && strncasecmp(s, weekdays[i], 3) == 0)
			return i;
	return -1;
}

static size_t
trim(const char **s, size_t n)
{
	while (n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		n--;
	}
	while (n > 0 && ((*s)[n - 1] == ' ' || (*s)[n - 1] == '\t'))
		n--;
	return n;
}

/* Weekdays named by a key such as "mon-fri" or "sat,sun" into days[];
 * false after reporting an error at key. */
static bool
parse_days(struct yamlcheck *c, const struct yamlnode *key, const char *kp,
    bool days[7])
{
	const char *p = key->text;

	memset(days, 0, 7 * sizeof *days);
	for (;;) {
		size_t n = strcspn(p, ","), dash;
		const char *item = p;
		int a, b;

		n = trim(&item, n);
		dash = strcspn(item, "-");
		if (dash < n) {
			const char *second = item + dash + 1;
			size_t n1 = dash, n2 = n - dash - 1;
			const char *first = item;
			n1 = trim(&first, n1);
			n2 = trim(&second, n2);
			a = weekday_index(first, n1);
			b = weekday_index(second, n2);
			if (a < 0 || b < 0) {
				ERR(c, key, kp, "unknown weekday \"%.*s\" (use mon, tue, wed, "
				    "thu, fri, sat, sun)", a < 0 ? (int)n1 : (int)n2,
				    a < 0 ? first : second);
				return false;
			}
			if (b < a) {
				ERR(c, key, kp, "\"%.*s\": a range of weekdays runs from mon "
				    "towards sun", (int)n, item);
				return false;
			}
		} else if ((a = b = weekday_index(item, n)) < 0) {
			ERR(c, key, kp, "unknown weekday \"%.*s\" (use mon, tue, wed, thu, "
			    "fri, sat, sun)", (int)n, item);
			return false;
		}
		for (; a <= b; a++)
			days[a] = true;
		p += strcspn(p, ",");
		if (*p == '\0')
			return true;
		p++;
	}
}

/* "HH:MM" (H:MM too) into minutes of the day, 24:00 included. */
static bool
parse_hhmm(const char *s, size_t n, int *min)
{
	int h = 0, m;
	size_t i = 0;

	for (; i < n && i < 2 && s[i] >= '0' && s[i] <= '9'; i++)
		h = h * 10 + (s[i] - '0');
	if (i == 0 || i + 3 != n || s[i] != ':' || s[i + 1] < '0' || s[i + 1] > '5' ||
	    s[i + 2] < '0' || s[i + 2] > '9')
		return false;
	m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
	if (h > 24 || (h == 24 && m != 0))
		return false;
	*min = h * 60 + m;
	return true;
}

static int
cmp_range(const void *pa, const void *pb)
{
	const struct hours_range *a = pa, *b = pb;

	return a->start_min != b->start_min ? (a->start_min < b->start_min ? -1 : 1) :
	    (a->end_min < b->end_min ? -1 : a->end_min > b->end_min);
}

/* Ranges "08:00-12:00,13:00-17:00" of one scalar, appended to r[*n]. */
static bool
parse_ranges(struct yamlcheck *c, const struct yamlnode *v, const char *kp,
    struct hours_range *r, int *n)
{
	const char *p = v->text;

	for (;;) {
		size_t len = strcspn(p, ","), dash;
		const char *item = p, *a, *b;
		size_t na, nb;
		int s, e;

		len = trim(&item, len);
		dash = strcspn(item, "-");
		a = item;
		b = item + dash + 1;
		na = trim(&a, dash);
		nb = dash < len ? trim(&b, len - dash - 1) : 0;
		if (dash >= len || !parse_hhmm(a, na, &s) || !parse_hhmm(b, nb, &e)) {
			ERR(c, v, kp, "\"%.*s\" is not a range of hours (HH:MM-HH:MM)",
			    (int)len, item);
			return false;
		}
		if (e <= s) {
			ERR(c, v, kp, "\"%.*s\": the end must be after the start",
			    (int)len, item);
			return false;
		}
		if (*n == CALENDAR_MAX_RANGES) {
			ERR(c, v, kp, "more than %d ranges of hours in a day",
			    CALENDAR_MAX_RANGES);
			return false;
		}
		r[*n].start_min = s;
		r[*n].end_min = e;
		++*n;
		p += strcspn(p, ",");
		if (*p == '\0')
			return true;
		p++;
	}
}

/* The ranges of one hours entry (a string or a list of strings), sorted and
 * checked for overlaps, into r[0..*n). */
static bool
parse_day_hours(struct yamlcheck *c, const struct yamlnode *v, const char *kp,
    struct hours_range *r, int *n)
{
	size_t i;
	int k;

	*n = 0;
	if (v->type == YAMLNODE_SCALAR) {
		if (!parse_ranges(c, v, kp, r, n))
			return false;
	} else if (v->type == YAMLNODE_SEQUENCE) {
		for (i = 0; i < v->n; i++) {
			if (v->items[i]->type != YAMLNODE_SCALAR) {
				ERR(c, v->items[i], kp, "expected hours such as "
				    "\"08:00-18:00\", got %s", yamlnode_show(c, v->items[i]));
				return false;
			}
			if (!parse_ranges(c, v->items[i], kp, r, n))
				return false;
		}
	} else {
		ERR(c, v, kp, "expected hours such as \"08:00-18:00\", got %s",
		    yamlnode_show(c, v));
		return false;
	}
	qsort(r, (size_t)*n, sizeof *r, cmp_range);
	for (k = 1; k < *n; k++)
		if (r[k].start_min < r[k - 1].end_min) {
			ERR(c, v, kp, "ranges %02d:%02d-%02d:%02d and %02d:%02d-%02d:%02d "
			    "overlap", r[k - 1].start_min / 60, r[k - 1].start_min % 60,
			    r[k - 1].end_min / 60, r[k - 1].end_min % 60, r[k].start_min / 60,
			    r[k].start_min % 60, r[k].end_min / 60, r[k].end_min % 60);
			return false;
		}
	return true;
}

static int
cmp_day(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;

	return a < b ? -1 : a > b;
}

static void
parse_holidays(struct yamlcheck *c, const struct yamlnode *v, const char *kp,
    struct calendar_spec *cal)
{
	size_t i;
	int k, out = 0;

	if (v->type != YAMLNODE_SEQUENCE) {
		ERR(c, v, kp, "expected a list of dates, got %s", yamlnode_show(c, v));
		return;
	}
	cal->holidays = xcalloc(v->n + 1, sizeof *cal->holidays);
	for (i = 0; i < v->n; i++) {
		char *ip = xasprintf("%s[%zu]", kp, i);
		if (fmvalue_date(c, v->items[i], ip, &cal->holidays[cal->nholidays]))
			cal->nholidays++;
		free(ip);
	}
	qsort(cal->holidays, (size_t)cal->nholidays, sizeof *cal->holidays, cmp_day);
	for (k = 0; k < cal->nholidays; k++)
		if (out == 0 || cal->holidays[k] != cal->holidays[out - 1])
			cal->holidays[out++] = cal->holidays[k];
	cal->nholidays = out;
}

/* A calendar: "24x7" or {hours, holidays}. Returns the number of errors. */
int
fmvalue_calendar(struct yamlcheck *c, const struct yamlnode *v, const char *kp,
    const struct tz *zone, struct calendar_spec *cal)
{
	static const char *const keys[] = { "hours", "holidays", NULL };
	static const char *const expect = "24x7 or a mapping with hours and holidays";
	const struct yamlnode *hours, *hol;
	int before = c->errors, any = 0;
	char *hkp, *okp;
	bool given[7] = {0};
	size_t i;

	memset(cal, 0, sizeof *cal);
	cal->zone = zone;
	if (v->type == YAMLNODE_SCALAR && strcasecmp(v->text, "24x7") == 0) {
		cal->always = true;
		return 0;
	}
	if (v->type != YAMLNODE_MAPPING) {
		ERR(c, v, kp, "expected %s, got %s", expect, yamlnode_show(c, v));
		return 1;
	}
	yamlnode_check_keys(c, v, kp, keys);
	if ((hol = yamlnode_field(c, v, kp, "holidays", false)) != NULL) {
		okp = yamlnode_path(kp, "holidays");
		parse_holidays(c, hol, okp, cal);
		free(okp);
	}
	if (yamlnode_get(v, "hours") == NULL) {
		ERR(c, v, kp, "missing key \"hours\" (or write %s: 24x7)", kp);
		return c->errors - before;
	}
	if ((hours = yamlnode_field(c, v, kp, "hours", true)) == NULL)
		return c->errors - before;
	hkp = yamlnode_path(kp, "hours");
	if (hours->type != YAMLNODE_MAPPING) {
		ERR(c, hours, hkp, "expected a mapping of weekdays to hours, got %s",
		    yamlnode_show(c, hours));
		free(hkp);
		return c->errors - before;
	}
	for (i = 0; i < hours->n; i++) {
		const struct yamlnode *key = yamlnode_key(hours, i);
		struct hours_range r[CALENDAR_MAX_RANGES];
		bool days[7];
		int n, wd;

		if (!parse_days(c, key, hkp, days))
			continue;
		for (wd = 0; wd < 7; wd++)
			if (days[wd] && given[wd]) {
				ERR(c, key, hkp, "%s is given twice", weekdays[wd]);
				break;
			}
		if (wd < 7)
			continue;
		okp = yamlnode_path(hkp, key->text);
		if (parse_day_hours(c, yamlnode_value(hours, i), okp, r, &n))
			for (wd = 0; wd < 7; wd++)
				if (days[wd]) {
					memcpy(cal->ranges[wd], r, (size_t)n * sizeof *r);
					cal->nranges[wd] = n;
					any += n;
				}
		for (wd = 0; wd < 7; wd++)
			given[wd] = given[wd] || days[wd];
		free(okp);
	}
	if (c->errors == before && any == 0)
		ERR(c, hours, hkp, "no working hours given");
	free(hkp);
	return c->errors - before;
}

/* Parses "1d4h", "90m", "45s": units d, h, m, s each at most once, largest
 * first. 0 when fine, -1 when not a duration, 1 when a bare number. */
int
fmvalue_parse_duration(const char *s, int64_t *days, int64_t *secs)
{
	static const char units[] = "dhms";
	static const int64_t mult[] = { 0, 3600, 60, 1 };
	const char *p = s;
	int next = 0;

	*days = *secs = 0;
	if (*p == '\0')
		return -1;
	while (*p != '\0') {
		int64_t x = 0;
		int nd = 0;
		const char *u;

		/* Digits past the seventh are only counted (and rejected below):
		 * accumulating them would overflow. */
		for (; *p >= '0' && *p <= '9'; p++, nd++)
			if (nd < 7)
				x = x * 10 + (*p - '0');
		if (nd == 0 || nd > 7)
			return -1;
		if (*p == '\0')
			return p - s == nd ? 1 : -1;
		if ((u = strchr(units, *p)) == NULL || u - units < next)
			return -1;
		next = (int)(u - units) + 1;
		if (u == units)
			*days = x;
		else
			*secs += x * mult[u - units];
		p++;
	}
	return 0;
}

/* Duration of key into *seconds (a day being day_s) and *text; -1 and NULL
 * when absent or wrong. */
void
fmvalue_duration(struct yamlcheck *c, const struct yamlnode *map, const char *kp,
    const char *key, int64_t day_s, int64_t *seconds, char **text)
{
	const struct yamlnode *v = yamlnode_scalar(c, map, kp, key, false,
	    "a duration such as 4h");
	int64_t days, secs;
	char *p;
	int r;

	*seconds = -1;
	*text = NULL;
	if (v == NULL)
		return;
	p = yamlnode_path(kp, key);
	if ((r = fmvalue_parse_duration(v->text, &days, &secs)) == 0) {
		*seconds = days * day_s + secs;
		*text = xstrdup(v->text);
	} else if (r == 1)
		ERR(c, v, p, "give a unit: %s could mean %sm, %sh or %sd", yamlnode_show(c, v),
		    v->text, v->text, v->text);
	else
		ERR(c, v, p, "%s is not a duration", yamlnode_show(c, v));
	free(p);
}

