/* i18n.c: message tables (templates/i18n/<lang>.json) and locale-aware number,
 * percent, month and duration formats. */
#include "i18n.h"

#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>

#include "resource.h"

struct i18n {
	char lang[12];
	cJSON *messages;	/* the language's table */
	cJSON *fallback;	/* English, for keys the language lacks; NULL for en */
};

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

struct i18n *
i18n_load(const char *locale)
{
	struct i18n *t = xcalloc(1, sizeof *t);
	size_t n = 0;

	/* "de-DE", "de_DE.UTF-8", "DE": the leading letters, lower-cased. */
	while (locale != NULL && n < sizeof t->lang - 1 && isalpha((unsigned char)locale[n])) {
		t->lang[n] = (char)tolower((unsigned char)locale[n]);
		n++;
	}
	t->lang[n] = '\0';
	if (n > 0 && strcmp(t->lang, "en") != 0)
		t->messages = load_table(t->lang);
	if (t->messages != NULL)
		t->fallback = load_table("en");
	else {
		strcpy(t->lang, "en");
		t->messages = load_table("en");
	}
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
