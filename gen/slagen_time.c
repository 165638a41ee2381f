/* slagen_time.c: civil dates, Berlin/New York offsets, holidays and business calendars. */
#include "slagen.h"

#include <stdlib.h>
#include <string.h>

int64_t
floordiv(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if (a % b != 0 && ((a < 0) != (b < 0)))
		q--;
	return q;
}

/* Howard Hinnant's days_from_civil / civil_from_days. */
int64_t
days_from_civil(int y, int m, int d)
{
	int64_t yy = y - (m <= 2);
	int64_t era = floordiv(yy, 400);
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = floordiv(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
weekday_of(int64_t z)
{
	/* 1970-01-01 was a Thursday. */
	return (int)(((z % 7) + 7 + 3) % 7);
}

/* Day number of the n-th (1-based) weekday wd of a month; n = -1 means the last. */
static int64_t
nth_weekday(int y, int m, int wd, int n)
{
	if (n < 0) {
		int64_t last = (m == 12 ? days_from_civil(y + 1, 1, 1) :
			days_from_civil(y, m + 1, 1)) - 1;
		return last - ((weekday_of(last) - wd + 7) % 7);
	}
	int64_t first = days_from_civil(y, m, 1);
	return first + (wd - weekday_of(first) + 7) % 7 + 7 * (n - 1);
}

/* DST start and end instants of a year, cached because every event needs them. */
static void
dst_bounds(int zone, int y, int64_t *start, int64_t *end)
{
	static int cy[2] = {-1, -1};
	static int64_t cs[2], ce[2];

	if (cy[zone] != y) {
		if (zone == ZONE_BERLIN) {
			/* EU rule: last Sunday of March/October at 01:00 UTC. */
			cs[zone] = nth_weekday(y, 3, 6, -1) * 86400 + 3600;
			ce[zone] = nth_weekday(y, 10, 6, -1) * 86400 + 3600;
		} else {
			/* US rule: second Sunday of March 02:00 EST, first Sunday of
			   November 02:00 EDT. */
			cs[zone] = nth_weekday(y, 3, 6, 2) * 86400 + 7 * 3600;
			ce[zone] = nth_weekday(y, 11, 6, 1) * 86400 + 6 * 3600;
		}
		cy[zone] = y;
	}
	*start = cs[zone];
	*end = ce[zone];
}

static int
std_offset(int zone)
{
	return zone == ZONE_BERLIN ? 3600 : -5 * 3600;
}

int
tz_offset(int zone, int64_t utc)
{
	int y, m, d;
	int64_t s, e;

	civil_from_days(floordiv(utc, 86400), &y, &m, &d);
	dst_bounds(zone, y, &s, &e);
	return std_offset(zone) + (utc >= s && utc < e ? 3600 : 0);
}

int64_t
tz_to_utc(int zone, int64_t local)
{
	int so = std_offset(zone), dso = so + 3600;
	int64_t us = local - so, ud = local - dso;
	int vs = tz_offset(zone, us) == so, vd = tz_offset(zone, ud) == dso;

	if (vd)
		return ud;	/* also the first occurrence of a repeated hour */
	if (vs)
		return us;
	/* In the spring-forward gap: the transition instant. */
	int y, m, d;
	int64_t s, e;
	civil_from_days(floordiv(local, 86400), &y, &m, &d);
	dst_bounds(zone, y, &s, &e);
	return s;
}

int
tz_unambiguous(int zone, int64_t utc)
{
	int64_t local = utc + tz_offset(zone, utc);
	int so = std_offset(zone), dso = so + 3600;
	int n = (tz_offset(zone, local - so) == so) + (tz_offset(zone, local - dso) == dso);

	return n == 1;
}

int64_t
tz_local_day(int zone, int64_t utc)
{
	return floordiv(utc + tz_offset(zone, utc), 86400);
}

static char *
put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
	return p + 2;
}

size_t
ts_format(char *buf, int64_t utc, int zone, int style, int fdigits, long frac)
{
	int off = 0, y, mo, d;
	char *p = buf;

	if (style == TS_OFFSET)
		off = tz_offset(zone, utc);
	else if (style == TS_NAIVE)
		off = tz_offset(ZONE_BERLIN, utc);
	int64_t local = utc + off;
	int64_t day = floordiv(local, 86400);
	int sod = (int)(local - day * 86400);
	civil_from_days(day, &y, &mo, &d);
	p = put2(p, y / 100);
	p = put2(p, y % 100);
	*p++ = '-';
	p = put2(p, mo);
	*p++ = '-';
	p = put2(p, d);
	*p++ = 'T';
	p = put2(p, sod / 3600);
	*p++ = ':';
	p = put2(p, sod / 60 % 60);
	*p++ = ':';
	p = put2(p, sod % 60);
	if (fdigits > 0) {
		*p++ = '.';
		for (int i = fdigits - 1; i >= 0; i--) {
			p[i] = (char)('0' + frac % 10);
			frac /= 10;
		}
		p += fdigits;
	}
	if (style == TS_Z) {
		*p++ = 'Z';
	} else if (style == TS_OFFSET) {
		int a = off < 0 ? -off : off;
		*p++ = off < 0 ? '-' : '+';
		p = put2(p, a / 3600);
		*p++ = ':';
		p = put2(p, a / 60 % 60);
	}
	*p = '\0';
	return (size_t)(p - buf);
}

int64_t
easter_sunday(int y)
{
	/* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;

	return days_from_civil(y, month, day);
}

/* A fixed-date US holiday moves to Friday/Monday when it falls on a weekend. */
static int64_t
observed(int64_t day)
{
	int wd = weekday_of(day);

	return wd == 5 ? day - 1 : wd == 6 ? day + 1 : day;
}

static int
cmp_holiday(const void *a, const void *b)
{
	const struct holiday *x = a, *y = b;

	return (x->day > y->day) - (x->day < y->day);
}

int
holidays_list(int set, int y0, int y1, struct holiday *out, int max)
{
	int n = 0;
	int64_t lo = days_from_civil(y0, 1, 1), hi = days_from_civil(y1 + 1, 1, 1);

#define ADD(dd, en, de) do { int64_t d_ = (dd); \
	if (d_ >= lo && d_ < hi && n < max) { out[n].day = d_; out[n].name_en = (en); \
		out[n].name_de = (de); n++; } } while (0)
	/* One year beyond y1: an observed New Year's Day can fall on 31 December. */
	for (int y = y0; y <= y1 + 1; y++) {
		if (set == HOL_DE_BE) {
			int64_t e = easter_sunday(y);
			ADD(days_from_civil(y, 1, 1), "New Year's Day", "Neujahr");
			ADD(days_from_civil(y, 3, 8), "International Women's Day (Berlin)",
				"Internationaler Frauentag");
			ADD(e - 2, "Good Friday", "Karfreitag");
			ADD(e + 1, "Easter Monday", "Ostermontag");
			ADD(days_from_civil(y, 5, 1), "Labour Day", "Tag der Arbeit");
			if (y == 2025)	/* one-off Berlin holiday, 80 years since 1945 */
				ADD(days_from_civil(y, 5, 8), "Liberation Day (Berlin, 2025 only)",
					"Tag der Befreiung (nur 2025)");
			ADD(e + 39, "Ascension Day", "Christi Himmelfahrt");
			ADD(e + 50, "Whit Monday", "Pfingstmontag");
			ADD(days_from_civil(y, 10, 3), "Day of German Unity",
				"Tag der Deutschen Einheit");
			ADD(days_from_civil(y, 12, 25), "Christmas Day", "1. Weihnachtsfeiertag");
			ADD(days_from_civil(y, 12, 26), "Second Day of Christmas", "2. Weihnachtsfeiertag");
		} else if (set == HOL_US) {
			ADD(observed(days_from_civil(y, 1, 1)), "New Year's Day", NULL);
			ADD(nth_weekday(y, 1, 0, 3), "Martin Luther King Jr. Day", NULL);
			ADD(nth_weekday(y, 2, 0, 3), "Presidents' Day", NULL);
			ADD(nth_weekday(y, 5, 0, -1), "Memorial Day", NULL);
			ADD(observed(days_from_civil(y, 6, 19)), "Juneteenth", NULL);
			ADD(observed(days_from_civil(y, 7, 4)), "Independence Day", NULL);
			ADD(nth_weekday(y, 9, 0, 1), "Labor Day", NULL);
			ADD(nth_weekday(y, 11, 3, 4), "Thanksgiving Day", NULL);
			ADD(observed(days_from_civil(y, 12, 25)), "Christmas Day", NULL);
		}
	}
#undef ADD
	qsort(out, (size_t)n, sizeof *out, cmp_holiday);
	return n;
}

void
cal_init_24x7(struct cal *c)
{
	memset(c, 0, sizeof *c);
	c->is24x7 = 1;
	c->daylen = 86400;
}

static const char *const daynames[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

static int
dayindex(const char *s, size_t n)
{
	for (int i = 0; i < 7; i++)
		if (n == 3 && strncmp(s, daynames[i], 3) == 0)
			return i;
	return -1;
}

/* Parses "HH:MM" at *p into seconds of the day and advances *p. */
static int
parse_hhmm(const char **p)
{
	const char *s = *p;

	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' || s[2] != ':' ||
	    s[3] < '0' || s[3] > '9' || s[4] < '0' || s[4] > '9')
		return -1;
	*p = s + 5;
	return ((s[0] - '0') * 10 + (s[1] - '0')) * 3600 + ((s[3] - '0') * 10 + (s[4] - '0')) * 60;
}

int
cal_init_hours(struct cal *c, int zone, const struct hours *h, int n, int holset, int y0, int y1)
{
	memset(c, 0, sizeof *c);
	c->zone = zone;
	for (int i = 0; i < n; i++) {
		const char *dash = strchr(h[i].days, '-');
		int d0, d1;
		if (dash) {
			d0 = dayindex(h[i].days, (size_t)(dash - h[i].days));
			d1 = dayindex(dash + 1, strlen(dash + 1));
		} else {
			d0 = d1 = dayindex(h[i].days, strlen(h[i].days));
		}
		if (d0 < 0 || d1 < d0)
			return -1;
		for (int d = d0; d <= d1; d++) {
			const char *p = h[i].ranges;
			c->nr[d] = 0;
			for (;;) {
				int a = parse_hhmm(&p);
				if (a < 0 || *p++ != '-')
					return -1;
				int b = parse_hhmm(&p);
				if (b <= a || c->nr[d] == CAL_MAXRANGES)
					return -1;
				c->rs[d][c->nr[d]] = a;
				c->re[d][c->nr[d]] = b;
				c->nr[d]++;
				if (*p == '\0')
					break;
				if (*p++ != ',')
					return -1;
			}
		}
	}
	for (int d = 0; d < 7; d++) {
		int64_t len = 0;
		for (int r = 0; r < c->nr[d]; r++)
			len += c->re[d][r] - c->rs[d][r];
		if (len > c->daylen)
			c->daylen = len;
	}
	if (c->daylen == 0)
		return -1;
	struct holiday hol[CAL_MAXHOL];
	c->nhol = holidays_list(holset, y0, y1, hol, CAL_MAXHOL);
	for (int i = 0; i < c->nhol; i++)
		c->hol[i] = hol[i].day;
	return 0;
}

static int
is_holiday(const struct cal *c, int64_t day)
{
	int lo = 0, hi = c->nhol;

	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (c->hol[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->nhol && c->hol[lo] == day;
}

/* Working ranges never cross a DST transition (they lie in daytime), so a range
   is walked in local seconds and only its end points are converted. */
int64_t
cal_add(const struct cal *c, int64_t t, int64_t secs)
{
	if (c->is24x7 || secs <= 0)
		return t + (secs > 0 ? secs : 0);
	int64_t local = t + tz_offset(c->zone, t);
	int64_t day = floordiv(local, 86400);
	int64_t sod = local - day * 86400;
	for (;;) {
		if (!is_holiday(c, day)) {
			int wd = weekday_of(day);
			for (int r = 0; r < c->nr[wd]; r++) {
				if (sod >= c->re[wd][r])
					continue;
				int64_t st = sod > c->rs[wd][r] ? sod : c->rs[wd][r];
				int64_t avail = c->re[wd][r] - st;
				if (secs <= avail)
					return tz_to_utc(c->zone, day * 86400 + st + secs);
				secs -= avail;
				sod = c->re[wd][r];
			}
		}
		day++;
		sod = 0;
	}
}

int64_t
cal_between(const struct cal *c, int64_t a, int64_t b)
{
	if (b <= a)
		return 0;
	if (c->is24x7)
		return b - a;
	int64_t la = a + tz_offset(c->zone, a), lb = b + tz_offset(c->zone, b);
	int64_t da = floordiv(la, 86400), db = floordiv(lb, 86400), sum = 0;
	for (int64_t day = da; day <= db; day++) {
		if (is_holiday(c, day))
			continue;
		int64_t lo = day == da ? la - da * 86400 : 0;
		int64_t hi = day == db ? lb - db * 86400 : 86400;
		int wd = weekday_of(day);
		for (int r = 0; r < c->nr[wd]; r++) {
			int64_t s = lo > c->rs[wd][r] ? lo : c->rs[wd][r];
			int64_t e = hi < c->re[wd][r] ? hi : c->re[wd][r];
			if (e > s)
				sum += e - s;
		}
	}
	return sum;
}

int64_t
duration_parse(const char *s, int64_t daylen)
{
	int64_t total = 0;

	if (s == NULL || *s == '\0')
		return -1;
	while (*s) {
		int64_t n = 0;
		if (*s < '0' || *s > '9')
			return -1;
		while (*s >= '0' && *s <= '9')
			n = n * 10 + (*s++ - '0');
		switch (*s++) {
		case 'd': total += n * daylen; break;
		case 'h': total += n * 3600; break;
		case 'm': total += n * 60; break;
		default: return -1;
		}
	}
	return total;
}
