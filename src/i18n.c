/* i18n.c: locale tags, message tables (templates/i18n/<lang>.json) and
 * locale-aware number, percent, month, duration, date and time formats. */
#include "i18n.h"

#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cJSON.h>

#include "resource.h"

/* How a locale writes dates and times (the numeric forms of CLDR). */
enum date_style {
	DATE_ISO,		/* 2026-03-07 15:05: en without region, fallbacks */
	DATE_US,		/* 3/7/2026 3:05 PM */
	DATE_DMY_SLASH,		/* 07/03/2026 15:05: en-GB and other English regions */
	DATE_DMY_DOT,		/* 07.03.2026 15:05: German */
};

struct i18n {
	char lang[12];
	char tag[16];		/* BCP 47, canonical */
	enum date_style dates;
	cJSON *messages;	/* the language's table */
	cJSON *fallback;	/* English, for keys the language lacks; NULL for en */
};

static bool
span_is(const char *s, size_t n, int (*is)(int))
{
	for (size_t i = 0; i < n; i++)
		if (!is((unsigned char)s[i]))
			return false;
	return true;
}

static void
copy_case(char *dst, const char *src, size_t n, bool upper)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = (char)(upper ? toupper((unsigned char)src[i]) : tolower((unsigned char)src[i]));
	dst[n] = '\0';
}

/* A region subtag: two letters or three digits (UN M.49, "419"). */
static bool
is_region(const char *s, size_t n)
{
	return (n == 2 && span_is(s, n, isalpha)) || (n == 3 && span_is(s, n, isdigit));
}

/* language[_territory][.codeset][@modifier] */
static int
parse_posix(const char *s, struct i18n_tag *out)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
	const char *p = s + n;

	if (n < 2 || n > 3)
		return -1;
	copy_case(out->lang, s, n, false);
	if (*p == '_') {
		size_t r = strcspn(++p, ".@");
		if (!is_region(p, r))
			return -1;
		copy_case(out->region, p, r, true);
		p += r;
	}
	if (*p == '.') {
		size_t c = strcspn(++p, "@");
		if (c == 0 || strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789-_") < c)
			return -1;
		p += c;
	}
	if (*p == '@') {
		size_t c = strlen(++p);
		if (c == 0 || !span_is(p, c, isalnum))
			return -1;
		p += c;
	}
	return *p == '\0' ? 0 : -1;
}

/* RFC 5646: language[-extlang][-script][-region][-variant…][-ext…][-x-…].
 * The grandfathered tags ("i-klingon") are not accepted. */
static int
parse_bcp47(const char *s, struct i18n_tag *out)
{
	enum { EXTLANG, SCRIPT, REGION, VARIANT, EXTENSION } at = EXTLANG;
	size_t n = strcspn(s, "-");
	int extlangs = 0;

	if (n < 2 || n > 8 || n == 4 || !span_is(s, n, isalpha))
		return -1;
	copy_case(out->lang, s, n, false);
	for (s += n; *s == '-'; s += n) {
		s++;
		n = strcspn(s, "-");
		if (n == 0 || n > 8 || !span_is(s, n, isalnum))
			return -1;
		if (at == EXTENSION)
			continue;
		if (n == 1) {		/* a singleton: extensions and private use follow */
			at = EXTENSION;
			continue;
		}
		if (at == EXTLANG && n == 3 && span_is(s, n, isalpha) && extlangs++ < 3)
			continue;
		if (at <= SCRIPT && n == 4 && span_is(s, n, isalpha)) {
			at = REGION;
			continue;
		}
		if (at <= REGION && is_region(s, n)) {
			copy_case(out->region, s, n, true);
			at = VARIANT;
			continue;
		}
		if (n >= 5 || (n == 4 && isdigit((unsigned char)s[0]))) {
			at = VARIANT;
			continue;
		}
		return -1;
	}
	return *s == '\0' ? 0 : -1;
}

int
i18n_parse_tag(const char *s, struct i18n_tag *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	if (s == NULL || *s == '\0' || strlen(s) > 64)
		return -1;
	/* The POSIX default locale, "C" or "C.UTF-8": plain English. */
	if (strcasecmp(s, "C") == 0 || strcasecmp(s, "POSIX") == 0 ||
	    strncasecmp(s, "C.", 2) == 0) {
		strcpy(out->lang, "en");
		strcpy(out->tag, "en");
		return 0;
	}
	rc = strpbrk(s, "_.@") != NULL ? parse_posix(s, out) : parse_bcp47(s, out);
	if (rc != 0) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	snprintf(out->tag, sizeof out->tag, "%s%s%s", out->lang, out->region[0] ? "-" : "",
	    out->region);
	return 0;
}

static cJSON *
load_table(const char *lang)
{
	char name[40];
	const char *data;
	size_t len;
	cJSON *root;

	snprintf(name, sizeof name, "i18n/%s.json", lang);
	if ((data = resource_get(name, &len)) == NULL)
		return NULL;
	root = cJSON_ParseWithLength(data, len);
	if (root != NULL && !cJSON_IsObject(root)) {
		cJSON_Delete(root);
		root = NULL;
	}
	return root;
}

bool
i18n_has_language(const char *lang)
{
	char name[40];

	if (lang == NULL || !span_is(lang, strlen(lang), isalpha) || strlen(lang) > 8)
		return false;
	snprintf(name, sizeof name, "i18n/%s.json", lang);
	return resource_get(name, NULL) != NULL;
}

/* The way dates are written: by language, then by region. */
static enum date_style
date_style(const struct i18n_tag *tag)
{
	if (strcmp(tag->lang, "de") == 0)
		return DATE_DMY_DOT;
	if (strcmp(tag->lang, "en") != 0 || tag->region[0] == '\0')
		return DATE_ISO;
	return strcmp(tag->region, "US") == 0 ? DATE_US : DATE_DMY_SLASH;
}

struct i18n *
i18n_load(const char *locale)
{
	struct i18n *t = xcalloc(1, sizeof *t);
	struct i18n_tag tag;

	if (i18n_parse_tag(locale, &tag) != 0 || tag.lang[0] == '\0')
		i18n_parse_tag("en", &tag);
	snprintf(t->lang, sizeof t->lang, "%s", tag.lang);
	if (strcmp(t->lang, "en") != 0)
		t->messages = load_table(t->lang);
	if (t->messages != NULL)
		t->fallback = load_table("en");
	else {
		/* No table for the language: English, region and all left out. */
		if (strcmp(t->lang, "en") != 0)
			i18n_parse_tag("en", &tag);
		strcpy(t->lang, "en");
		t->messages = load_table("en");
	}
	snprintf(t->tag, sizeof t->tag, "%s", tag.tag);
	t->dates = date_style(&tag);
	/* A broken override of en.json: keys then print as themselves. */
	if (t->messages == NULL)
		t->messages = cJSON_CreateObject();
	return t;
}

void
i18n_free(struct i18n *t)
{
	if (t == NULL)
		return;
	cJSON_Delete(t->messages);
	cJSON_Delete(t->fallback);
	free(t);
}

const char *
i18n_lang(const struct i18n *t)
{
	return t->lang;
}

const char *
i18n_tag(const struct i18n *t)
{
	return t->tag;
}

const cJSON *
i18n_messages(const struct i18n *t)
{
	return t->messages;
}

/* The node at the dotted path key under root, or NULL. */
static const cJSON *
lookup(const cJSON *root, const char *key)
{
	const cJSON *node = root;
	char part[64];

	while (node != NULL && *key != '\0') {
		size_t n = strcspn(key, ".");
		if (n >= sizeof part)
			return NULL;
		memcpy(part, key, n);
		part[n] = '\0';
		node = cJSON_GetObjectItemCaseSensitive(node, part);
		key += n;
		if (*key == '.')
			key++;
	}
	return node;
}

static const cJSON *
find(const struct i18n *t, const char *key)
{
	const cJSON *n = lookup(t->messages, key);

	if (n == NULL && t->fallback != NULL)
		n = lookup(t->fallback, key);
	return n;
}

const char *
i18n_text(const struct i18n *t, const char *key)
{
	const cJSON *n = find(t, key);

	return cJSON_IsString(n) ? n->valuestring : key;
}

/* Like i18n_text, but "" instead of the key (for separators and such). */
static const char *
text_or(const struct i18n *t, const char *key, const char *dflt)
{
	const cJSON *n = find(t, key);

	return cJSON_IsString(n) ? n->valuestring : dflt;
}

void
i18n_subst(struct strbuf *sb, const char *fmt, int nargs, const char *const *args)
{
	int next = 0;
	const char *p;

	/* Only %s, %N$s and %%: message tables are data and may be overridden,
	 * so they never reach printf. Unknown or missing arguments print as "". */
	for (p = fmt; *p != '\0'; p++) {
		int idx = -1;
		if (*p != '%') {
			strbuf_putc(sb, *p);
			continue;
		}
		if (p[1] == '%') {
			strbuf_putc(sb, '%');
			p++;
			continue;
		}
		if (p[1] == 's') {
			idx = next++;
			p++;
		} else if (p[1] >= '1' && p[1] <= '9' && p[2] == '$' && p[3] == 's') {
			idx = p[1] - '1';
			p += 3;
		} else {
			strbuf_putc(sb, '%');
			continue;
		}
		if (idx < nargs && args[idx] != NULL)
			strbuf_puts(sb, args[idx]);
	}
}

void
i18n_vformat(const struct i18n *t, struct strbuf *sb, const char *key, va_list ap)
{
	const char *args[9];
	int n = 0;

	while (n < 9) {
		const char *a = va_arg(ap, const char *);
		if (a == NULL)
			break;
		args[n++] = a;
	}
	i18n_subst(sb, i18n_text(t, key), n, args);
}

void
i18n_format(const struct i18n *t, struct strbuf *sb, const char *key, ...)
{
	va_list ap;

	va_start(ap, key);
	i18n_vformat(t, sb, key, ap);
	va_end(ap);
}

/* Writes v >= 0 with the given decimals, rounded half away from zero as people
 * round (printf rounds the binary value half to even: 87.25 would print 87.2).
 * The scaling by 10^decimals is exact or rounds to the nearest double, so a
 * value typed as 87.25 or 0.15 rounds up. Values too large for the integer
 * path (2^53 after scaling) have no fraction worth rounding. */
static void
format_half_away(char *buf, size_t n, double v, int decimals)
{
	double scale = 1, scaled;

	for (int i = 0; i < decimals; i++)
		scale *= 10;
	scaled = round(v * scale);
	if (scaled >= 9007199254740992.0) {
		snprintf(buf, n, "%.*f", decimals, v);
		return;
	}
	uint64_t k = (uint64_t)scaled, p = (uint64_t)scale;
	if (decimals == 0)
		snprintf(buf, n, "%" PRIu64, k);
	else
		snprintf(buf, n, "%" PRIu64 ".%0*" PRIu64, k / p, decimals, k % p);
}

void
i18n_number(const struct i18n *t, struct strbuf *sb, double v, int decimals)
{
	char buf[64], *dot;
	const char *group = text_or(t, "number.group", ","), *p;
	size_t nint, i;
	int allzero = 1;

	if (!isfinite(v) || fabs(v) >= 1e18) {
		strbuf_puts(sb, text_or(t, "common.not_available", "n/a"));
		return;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	format_half_away(buf, sizeof buf, fabs(v), decimals);
	for (p = buf; *p != '\0'; p++)
		if (*p >= '1' && *p <= '9')
			allzero = 0;
	/* No "-0.0": the sign only when something non-zero is shown. */
	if (v < 0 && !allzero)
		strbuf_puts(sb, text_or(t, "number.minus", "-"));
	dot = strchr(buf, '.');
	nint = dot != NULL ? (size_t)(dot - buf) : strlen(buf);
	for (i = 0; i < nint; i++) {
		if (i > 0 && (nint - i) % 3 == 0)
			strbuf_puts(sb, group);
		strbuf_putc(sb, buf[i]);
	}
	if (dot != NULL) {
		strbuf_puts(sb, text_or(t, "number.decimal", "."));
		strbuf_puts(sb, dot + 1);
	}
}

void
i18n_percent(const struct i18n *t, struct strbuf *sb, double pct, int decimals)
{
	struct strbuf num = {0};
	const char *args[1];

	if (!isfinite(pct)) {
		strbuf_puts(sb, text_or(t, "common.not_available", "n/a"));
		return;
	}
	i18n_number(t, &num, pct, decimals);
	args[0] = num.data;
	i18n_subst(sb, text_or(t, "number.percent", "%s%%"), 1, args);
	strbuf_free(&num);
}

void
i18n_figure_percent(const struct i18n *t, struct strbuf *sb, double pct)
{
	double r = round(pct * 10) / 10;

	i18n_percent(t, sb, pct, isfinite(r) && r == floor(r) ? 0 : 1);
}

static const char *const en_short[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

const char *
i18n_month_name(const struct i18n *t, int month0, int long_form)
{
	const cJSON *name;

	month0 = ((month0 % 12) + 12) % 12;
	name = cJSON_GetArrayItem(find(t, long_form ? "month.long" : "month.short"), month0);
	return cJSON_IsString(name) ? name->valuestring : en_short[month0];
}

void
i18n_month(const struct i18n *t, struct strbuf *sb, int ym, int long_form)
{
	char year[16];
	const char *args[2];
	int y, m;

	if (ym < 0) {
		strbuf_puts(sb, text_or(t, "common.not_available", "n/a"));
		return;
	}
	y = ym / 12;
	m = ym % 12;
	snprintf(year, sizeof year, "%d", y);
	args[0] = i18n_month_name(t, m, long_form);
	args[1] = year;
	i18n_subst(sb, text_or(t, long_form ? "month.format_long" : "month.format_short",
	    "%1$s %2$s"), 2, args);
}

/* One "<n><unit>" part of a duration. */
static void
duration_part(const struct i18n *t, struct strbuf *sb, const char *unit_key,
    int64_t n, int *first)
{
	char num[24];
	const char *args[1] = { num };

	if (!*first)
		strbuf_puts(sb, text_or(t, "duration.sep", " "));
	*first = 0;
	snprintf(num, sizeof num, "%lld", (long long)n);
	i18n_subst(sb, i18n_text(t, unit_key), 1, args);
}

void
i18n_duration(const struct i18n *t, struct strbuf *sb, int64_t seconds)
{
	int64_t h, m, s;
	int first = 1;

	if (seconds < 0) {
		strbuf_puts(sb, text_or(t, "common.not_available", "n/a"));
		return;
	}
	/* Hours and minutes, never days: a business "day" depends on the calendar
	 * (10 h for 08:00-18:00), so days would mislead next to business time. */
	h = seconds / 3600;
	m = seconds % 3600 / 60;
	s = seconds % 60;
	if (h > 0) {
		duration_part(t, sb, "duration.h", h, &first);
		if (m > 0)
			duration_part(t, sb, "duration.m", m, &first);
	} else if (m > 0) {
		/* Seconds only where they matter: short times (response clocks). */
		duration_part(t, sb, "duration.m", m, &first);
		if (s > 0 && m < 10)
			duration_part(t, sb, "duration.s", s, &first);
	} else
		duration_part(t, sb, "duration.s", s, &first);
}

void
i18n_date(const struct i18n *t, struct strbuf *sb, int year, int month, int day)
{
	switch (t->dates) {
	case DATE_US:
		strbuf_printf(sb, "%d/%d/%04d", month, day, year);
		break;
	case DATE_DMY_SLASH:
		strbuf_printf(sb, "%02d/%02d/%04d", day, month, year);
		break;
	case DATE_DMY_DOT:
		strbuf_printf(sb, "%02d.%02d.%04d", day, month, year);
		break;
	default:
		strbuf_printf(sb, "%04d-%02d-%02d", year, month, day);
	}
}

bool
i18n_12_hour(const struct i18n *t)
{
	return t->dates == DATE_US;
}

void
i18n_time(const struct i18n *t, struct strbuf *sb, int min)
{
	int h = min / 60, m = min % 60;

	if (!i18n_12_hour(t)) {
		strbuf_printf(sb, "%02d:%02d", h, m);
		return;
	}
	/* 0:00 and 24:00 are 12 AM (midnight), 12:00 is 12 PM (noon). */
	strbuf_printf(sb, "%d:%02d", h % 12 == 0 ? 12 : h % 12, m);
	strbuf_puts(sb, text_or(t, "time.separator", " "));
	strbuf_puts(sb, h >= 12 && h < 24 ? text_or(t, "time.pm", "PM") : text_or(t, "time.am", "AM"));
}

void
i18n_datetime(const struct i18n *t, struct strbuf *sb, int year, int month, int day, int min)
{
	i18n_date(t, sb, year, month, day);
	strbuf_putc(sb, ' ');
	i18n_time(t, sb, min);
}

static const char *const en_weekdays[2][7] = {
	{ "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" },
	{ "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" },
};

const char *
i18n_weekday_name(const struct i18n *t, int wday0, int long_form)
{
	const cJSON *name;

	wday0 = ((wday0 % 7) + 7) % 7;
	name = cJSON_GetArrayItem(find(t, long_form ? "weekday.long" : "weekday.short"), wday0);
	return cJSON_IsString(name) ? name->valuestring : en_weekdays[long_form != 0][wday0];
}
