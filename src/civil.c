/* civil.c: Gregorian day arithmetic (Hinnant's algorithms) and RFC 3339 text. */
#include "civil.h"

#include <stdarg.h>
#include <stdio.h>

#include "util.h"

int64_t
civil_days(int year, int month, int day)
{
	int64_t y = (int64_t)year - (month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;				/* [0, 399] */
	int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* [0, 146096] */

	return era * 146097 + doe - 719468;
}

void
civil_from_days(int64_t days, int *year, int *month, int *day)
{
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);

	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = m;
	*year = (int)(yoe + era * 400 + (m <= 2));
}

int
civil_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int64_t r = (days % 7 + 7) % 7;

	return (int)((r + 3) % 7);
}

static bool
is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
civil_days_in_month(int year, int month)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month < 1 || month > 12)
		return 0;
	return len[month - 1] + (month == 2 && is_leap(year));
}

int64_t
civil_day_of(sla_time t)
{
	return t >= 0 ? t / 86400 : -((-(t + 1)) / 86400) - 1;
}

/* Messages that carry the offending value: a few rotating buffers per thread,
 * so that a caller comparing two results in a row still sees both. */
static const char *msgf(const char *fmt, ...) PRINTF_LIKE(1, 2);

static const char *
msgf(const char *fmt, ...)
{
	static _Thread_local char buf[4][72];
	static _Thread_local unsigned next;
	char *b = buf[next++ % 4];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(b, sizeof buf[0], fmt, ap);
	va_end(ap);
	return b;
}

/* A cursor over the text; p never passes end. */
struct scan {
	const char *p, *end;
};

static bool
at(const struct scan *sc, char c)
{
	return sc->p < sc->end && *sc->p == c;
}

static bool
isdig(const struct scan *sc, size_t k)
{
	return sc->p + k < sc->end && sc->p[k] >= '0' && sc->p[k] <= '9';
}

/* Exactly ndig digits; false leaves the cursor alone. */
static bool
digits(struct scan *sc, int ndig, int *v)
{
	int i, x = 0;

	for (i = 0; i < ndig; i++)
		if (!isdig(sc, (size_t)i))
			return false;
	for (i = 0; i < ndig; i++)
		x = x * 10 + (sc->p[i] - '0');
	sc->p += ndig;
	*v = x;
	return true;
}

static const char *
parse_date(struct scan *sc, int *y, int *m, int *d)
{
	if (!digits(sc, 4, y))
		return "expected 4-digit year";
	if (!at(sc, '-'))
		return "expected '-' after year";
	sc->p++;
	if (!digits(sc, 2, m))
		return "expected 2-digit month";
	if (!at(sc, '-'))
		return "expected '-' after month";
	sc->p++;
	if (!digits(sc, 2, d))
		return "expected 2-digit day";
	/* Year first: a month or day message about a year we reject anyway
	 * would point at the wrong field. */
	if (*y < CIVIL_MIN_YEAR || *y > CIVIL_MAX_YEAR)
		return msgf("year %04d outside %d-%d", *y, CIVIL_MIN_YEAR, CIVIL_MAX_YEAR);
	if (*m < 1 || *m > 12)
		return msgf("month %02d out of range", *m);
	if (*d < 1 || *d > civil_days_in_month(*y, *m))
		return msgf("day %02d out of range for %04d-%02d", *d, *y, *m);
	return NULL;
}

static const char *
trailing(const struct scan *sc, const char *what)
{
	unsigned char c = (unsigned char)*sc->p;

	if (c >= 0x20 && c < 0x7f)
		return msgf("unexpected '%c' after %s", c, what);
	return msgf("unexpected character after %s", what);
}

static const char *
parse_offset(struct scan *sc, struct civil_stamp *out)
{
	int sign, oh, om = 0;

	if (at(sc, 'Z') || at(sc, 'z')) {
		sc->p++;
		out->has_offset = true;
		out->offset_s = 0;
		return NULL;
	}
	if (!at(sc, '+') && !at(sc, '-'))
		return NULL;
	sign = *sc->p == '-' ? -1 : 1;
	sc->p++;
	if (!digits(sc, 2, &oh))
		return "expected 2-digit offset hour";
	if (at(sc, ':')) {
		sc->p++;
		if (!digits(sc, 2, &om))
			return "expected 2-digit offset minute";
	} else if (isdig(sc, 0)) {
		if (!digits(sc, 2, &om))
			return "expected 2-digit offset minute";
	}
	if (oh > 23)
		return msgf("offset hour %02d out of range", oh);
	if (om > 59)
		return msgf("offset minute %02d out of range", om);
	out->has_offset = true;
	out->offset_s = sign * (oh * 3600 + om * 60);
	return NULL;
}

const char *
civil_parse_stamp(const char *s, size_t n, struct civil_stamp *out)
{
	struct scan sc = { s, s + n };
	int y, mo, d, h, mi, sec = 0;
	const char *err;

	if (n == 0)
		return "empty timestamp";
	if ((err = parse_date(&sc, &y, &mo, &d)) != NULL)
		return err;
	if (!at(&sc, 'T') && !at(&sc, 't') && !at(&sc, ' '))
		return "expected 'T' after date";
	sc.p++;
	if (!digits(&sc, 2, &h))
		return "expected 2-digit hour";
	if (!at(&sc, ':'))
		return "expected ':' after hour";
	sc.p++;
	if (!digits(&sc, 2, &mi))
		return "expected 2-digit minute";
	if (at(&sc, ':')) {
		sc.p++;
		if (!digits(&sc, 2, &sec))
			return "expected 2-digit second";
		if (at(&sc, '.')) {
			sc.p++;
			if (!isdig(&sc, 0))
				return "expected digits after '.'";
			while (isdig(&sc, 0))
				sc.p++;
		}
	}
	if (h > 23)
		return msgf("hour %02d out of range", h);
	if (mi > 59)
		return msgf("minute %02d out of range", mi);
	if (sec > 60)
		return msgf("second %02d out of range", sec);
	if (sec == 60)		/* a leap second: whole seconds cannot hold it */
		sec = 59;
	out->has_offset = false;
	out->offset_s = 0;
	if ((err = parse_offset(&sc, out)) != NULL)
		return err;
	if (sc.p != sc.end)
		return trailing(&sc, "timestamp");
	out->local = civil_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
	return NULL;
}

const char *
civil_parse_date(const char *s, size_t n, int64_t *days)
{
	struct scan sc = { s, s + n };
	int y, m, d;
	const char *err;

	if (n == 0)
		return "empty date";
	if ((err = parse_date(&sc, &y, &m, &d)) != NULL)
		return err;
	if (sc.p != sc.end)
		return trailing(&sc, "date");
	*days = civil_days(y, m, d);
	return NULL;
}

const char *
civil_parse_hhmm(const char *s, size_t n, int *minutes)
{
	struct scan sc = { s, s + n };
	int h, m;

	if (!digits(&sc, 2, &h))
		return "expected 2-digit hour";
	if (!at(&sc, ':'))
		return "expected ':' after hour";
	sc.p++;
	if (!digits(&sc, 2, &m))
		return "expected 2-digit minute";
	if (sc.p != sc.end)
		return trailing(&sc, "time");
	if (h > 24 || (h == 24 && m != 0))
		return msgf("hour %02d out of range", h);
	if (m > 59)
		return msgf("minute %02d out of range", m);
	*minutes = h * 60 + m;
	return NULL;
}

/* Writes v as exactly w decimal digits (v >= 0, leading zeros). */
static void
putnum(char *p, int64_t v, int w)
{
	while (w-- > 0) {
		p[w] = (char)('0' + v % 10);
		v /= 10;
	}
}

void
civil_format_date(int64_t days, char out[11])
{
	int y, m, d;

	civil_from_days(days, &y, &m, &d);
	putnum(out, y < 0 ? 0 : y, 4);
	out[4] = '-';
	putnum(out + 5, m, 2);
	out[7] = '-';
	putnum(out + 8, d, 2);
	out[10] = '\0';
}

void
civil_format_utc(sla_time t, char out[21])
{
	int64_t days = civil_day_of(t), sod = t - days * 86400;

	civil_format_date(days, out);
	out[10] = 'T';
	putnum(out + 11, sod / 3600, 2);
	out[13] = ':';
	putnum(out + 14, sod / 60 % 60, 2);
	out[16] = ':';
	putnum(out + 17, sod % 60, 2);
	out[19] = 'Z';
	out[20] = '\0';
}

void
civil_format_month(int year, int month, char out[8])
{
	putnum(out, year < 0 ? 0 : year, 4);
	out[4] = '-';
	putnum(out + 5, month < 0 ? 0 : month, 2);
	out[7] = '\0';
}
