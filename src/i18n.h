/* i18n.h: the one message table and number/date formats shared by charts, the
 * HTML site and the PDF (templates/i18n/<lang>.json, embedded). */
#ifndef SLAREPORT_I18N_H
#define SLAREPORT_I18N_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include "util.h"

struct cJSON;
struct i18n;

/* A locale as site.yml or an agreement writes it: a BCP 47 tag ("de", "de-AT",
 * "en-US", "zh-Hant-TW", "de-DE-u-co-phonebk") or a POSIX locale name
 * ("de_DE.UTF-8", "en_GB@euro", "C"), in any case. Only the language and the
 * region matter: script, variants, extensions, codeset and modifier are read
 * and left out. */
struct i18n_tag {
	char lang[9];		/* "de", lower case */
	char region[4];		/* "AT" (upper case), "419", or "" */
	char tag[16];		/* canonical: "de-AT", "en", "es-419" */
};
/* Fills *out and returns 0, or returns -1 when s is neither form ("C" and
 * "POSIX", the POSIX default locale, read as "en"). */
int i18n_parse_tag(const char *s, struct i18n_tag *out);
/* Whether there is a message table for lang (templates/i18n/<lang>.json,
 * embedded or from --templates). */
bool i18n_has_language(const char *lang);

/* The table for a locale ("en", "de", "de-DE", "en_US"… as i18n_parse_tag
 * reads them); malformed, unknown or NULL locales fall back to English. Never
 * NULL. Free with i18n_free(). */
struct i18n *i18n_load(const char *locale);
void i18n_free(struct i18n *t);

/* "en" or "de": the language actually in use (its message table). */
const char *i18n_lang(const struct i18n *t);
/* The BCP 47 tag in use, for <html lang> and the PDF: "de-AT", "en-US", "en"
 * ("en" too when an unknown language fell back to English). */
const char *i18n_tag(const struct i18n *t);
/* The message for key ("chart.attainment.title"), or key itself when missing. */
const char *i18n_text(const struct i18n *t, const char *key);
/* The whole message table (for templates); owned by t. */
const struct cJSON *i18n_messages(const struct i18n *t);

/* Appends formatted values: 95.3% / 95,3 % (U+00A0 before % in German, as
 * DIN 5008 asks); 1,234.5 / 1.234,5; Oct 2026 / Okt. 2026 (long: October 2026
 * / Oktober 2026); 4h 30m / 4 Std. 30 Min. — hours and minutes, never days (a
 * business day depends on the calendar), seconds only below 10 minutes; a
 * negative duration or non-finite number prints "n/a"; numbers round half
 * away from zero. ym is year * 12 +
 * month - 1. */
void i18n_percent(const struct i18n *t, struct strbuf *sb, double pct, int decimals);
void i18n_number(const struct i18n *t, struct strbuf *sb, double v, int decimals);
/* The one format of a figure in percent (attainment, goal, share) wherever it
 * is shown — key figures, tables, chart labels, chart data, PDF: rounded half
 * away from zero to one decimal, the decimal left out when it is 0 (87.096 ->
 * 87.1%, 77.78 -> 77.8%, 93.75 -> 93.8%, 99.96 -> 100%). */
void i18n_figure_percent(const struct i18n *t, struct strbuf *sb, double pct);
void i18n_month(const struct i18n *t, struct strbuf *sb, int ym, int long_form);
void i18n_duration(const struct i18n *t, struct strbuf *sb, int64_t seconds);
/* The name of month 0-11 alone ("Oct" / "Okt.", long: "October"); owned by t. */
const char *i18n_month_name(const struct i18n *t, int month0, int long_form);

/* Dates and times of day as the locale writes them (the numeric forms of
 * CLDR): en-US "3/7/2026", "3:05 PM" (12-hour, "12:00 AM" is midnight); en-GB
 * and the other English regions "07/03/2026", "15:05"; de "07.03.2026",
 * "15:05"; "en" without a region, and languages without a table, the ISO
 * forms "2026-03-07", "15:05", which read the same on both sides of the
 * Atlantic. min is minutes since midnight, 0 … 1440 (24:00 ends a day). */
void i18n_date(const struct i18n *t, struct strbuf *sb, int year, int month, int day);
void i18n_time(const struct i18n *t, struct strbuf *sb, int min);
/* Date, a space, time: "3/7/2026 3:05 PM", "07.03.2026 15:05". */
void i18n_datetime(const struct i18n *t, struct strbuf *sb, int year, int month, int day,
    int min);
/* Whether the locale writes 12-hour times (en-US). */
bool i18n_12_hour(const struct i18n *t);
/* The name of weekday 0-6, Monday first ("Monday" / "Montag"; short "Mon" /
 * "Mo."); owned by t. */
const char *i18n_weekday_name(const struct i18n *t, int wday0, int long_form);

/* Appends fmt with its placeholders replaced: %s (next argument), %1$s … %9$s
 * (by position) and %% — nothing else, as tables are data, not printf formats. */
void i18n_subst(struct strbuf *sb, const char *fmt, int nargs, const char *const *args);
/* Appends the message of key with its placeholders replaced by the string
 * arguments that follow, ended by NULL: i18n_format(t, sb, "common.no_items",
 * "Oct 2026", (char *)NULL). */
void i18n_format(const struct i18n *t, struct strbuf *sb, const char *key, ...);
/* The same with the arguments as a va_list (for wrappers such as ch_fmt). */
void i18n_vformat(const struct i18n *t, struct strbuf *sb, const char *key, va_list ap);

#endif
