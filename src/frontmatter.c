/* frontmatter.c: site.yml and agreement front matter, checked by schema into the model. */
#include "frontmatter.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "calendar.h"
#include "civil.h"
#include "fmvalue.h"
#include "frontmatter_int.h"
#include "i18n.h"
#include "maintenance.h"
#include "markdown.h"
#include "review.h"
#include "revisions.h"
#include "tz.h"
#include "yamlnode.h"

#define ERR(c, at, kp, ...) yamlnode_report(c, DIAG_ERROR, at, kp, __VA_ARGS__)
#define WARN(c, at, kp, ...) yamlnode_report(c, DIAG_WARNING, at, kp, __VA_ARGS__)

/* A time zone by name, or UTC after an error; the caller frees. */
struct tz *
fm_load_zone(struct yamlcheck *c, const struct yamlnode *v, const char *name)
{
	struct tz *z = tz_load(name);

	if (z == NULL) {
		ERR(c, v, "timezone", "unknown time zone %s", yamlnode_show(c, v));
		z = tz_load("UTC");
	}
	return z;
}

/* `locale`: a BCP 47 tag or POSIX locale name, any case, kept as the canonical
 * tag ("de-AT", "en-US"). One the tables cannot serve — a language without a
 * message table, or text that is no tag at all — is a warning, not an error:
 * the pages still come out, in the fallback's language. Returns NULL when
 * absent or unusable. */
char *
fm_parse_locale(struct yamlcheck *c, const struct yamlnode *root, const char *fallback)
{
	const struct yamlnode *v = yamlnode_scalar(c, root, "", "locale", false,
	    "a language tag such as en, en-US or de-DE");
	struct i18n_tag tag;

	if (v == NULL)
		return NULL;
	if (i18n_parse_tag(v->text, &tag) != 0) {
		WARN(c, v, "locale", "%s is not a language tag (such as en, en-GB, en-US, "
		    "de, de-DE or de_DE.UTF-8); using %s", yamlnode_show(c, v), fallback);
		return NULL;
	}
	if (!i18n_has_language(tag.lang)) {
		WARN(c, v, "locale", "no message table for %s (templates/i18n/%s.json); "
		    "using %s", yamlnode_show(c, v), tag.lang, fallback);
		return NULL;
	}
	return xstrdup(tag.tag);
}

/* `volume.unit`: what the volume is counted in, printed after its figures. */
#define FM_UNIT_MAX 24

char *
fm_parse_unit(struct yamlcheck *c, const struct yamlnode *volume)
{
	const struct yamlnode *v = yamlnode_scalar(c, volume, "volume", "unit", false,
	    "a unit such as EUR or leads");
	size_t i, chars = 0;

	if (v == NULL)
		return NULL;
	for (i = 0; i < v->len; i++)
		chars += ((unsigned char)v->text[i] & 0xC0) != 0x80;
	if (strspn(v->text, " \t") == v->len || chars > FM_UNIT_MAX ||
	    strpbrk(v->text, "\n\r") != NULL) {
		ERR(c, v, "volume.unit", "%s is no unit: give a short word such as EUR or "
		    "leads (at most %d characters, one line)", yamlnode_show(c, v), FM_UNIT_MAX);
		return NULL;
	}
	return xstrdup(v->text);
}

/* ---- agreements ---- */

/* A slug: it becomes a file name, agreements/<id>.html. */
static bool
is_slug(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > 64 || s[0] == '-')
		return false;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-'))
			return false;
	return true;
}

void
fm_parse_match(struct yamlcheck *c, const struct yamlnode *v, struct agreement *a)
{
	/* The fields items.c can match on (events' id and title too). */
	static const char *const known[] = { "requester", "service", "kind", "team",
		"severity", "title", "id", NULL };
	size_t i, j;

	if (a->kind == AGREEMENT_OLA) {
		WARN(c, v, "match", "ignored in an OLA, which covers the items of the "
		    "SLA it supports");
		return;
	}
	if (v->type != YAMLNODE_MAPPING) {
		ERR(c, v, "match", "expected a mapping of fields to values, got %s",
		    yamlnode_show(c, v));
		return;
	}
	a->match = xcalloc(v->n + 1, sizeof *a->match);
	for (i = 0; i < v->n; i++) {
		const struct yamlnode *k = yamlnode_key(v, i), *x = yamlnode_value(v, i);
		const struct yamlnode *const *items = &x;
		struct match_field *m;
		size_t n = 1;
		char *kp = yamlnode_path("match", k->text);
		const char *const *f;

		for (f = known; *f != NULL && strcmp(*f, k->text) != 0; f++)
			;
		/* Kept: an unknown field then matches no event, which is safer than
		 * dropping the condition and matching more than the author meant. */
		if (*f == NULL)
			WARN(c, k, "match", "unknown field \"%s\" (known: requester, "
			    "service, kind, team, severity)", k->text);
		if (x->type == YAMLNODE_SEQUENCE) {
			items = (const struct yamlnode *const *)x->items;
			n = x->n;
			if (n == 0)
				ERR(c, x, kp, "an empty list matches nothing");
		} else if (yamlnode_is_null(x)) {
			ERR(c, x, kp, "no value given");
			n = 0;
		}
		for (j = 0; j < n; j++)
			if (items[j]->type != YAMLNODE_SCALAR || yamlnode_is_null(items[j])) {
				ERR(c, items[j], kp, "expected a string or a list of strings, "
				    "got %s", yamlnode_show(c, items[j]));
				n = 0;
			}
		if (n > 0) {
			m = &a->match[a->nmatch++];
			m->field = xstrdup(k->text);
			m->values = xcalloc(n, sizeof *m->values);
			for (j = 0; j < n; j++)
				m->values[m->nvalues++] = xstrdup(items[j]->text);
		}
		free(kp);
	}
}

/* Whether a severity key is an integer: digits, no leading zero. */
static bool
int_key(const char *s, int *out)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > 9 || (s[0] == '0' && n > 1))
		return false;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	*out = atoi(s);
	return true;
}

static void
parse_severity(struct yamlcheck *c, const struct yamlnode *key,
    const struct yamlnode *v, struct agreement *a, struct severity *s)
{
	static const char *const keys[] = { "name", "response", "resolution", "goal",
		"calendar", NULL };
	const struct yamlnode *x;
	char *kp = yamlnode_path("severities", key->text), *ckp;
	bool ola = a->kind == AGREEMENT_OLA;
	int64_t day;

	s->key = xstrdup(key->text);
	s->key_is_int = int_key(key->text, &s->key_int);
	s->line = key->line;
	s->col = key->col;
	s->response_s = s->resolution_s = -1;
	s->goal = NAN;
	if (yamlnode_is_null(v) || v->type != YAMLNODE_MAPPING) {
		if (yamlnode_is_null(v))
			ERR(c, v, kp, "no targets given");
		else
			ERR(c, v, kp, "expected a mapping such as {response: 1h, "
			    "resolution: 8h, goal: 95}, got %s", yamlnode_show(c, v));
		s->name = xstrdup(key->text);
		free(kp);
		return;
	}
	yamlnode_check_keys(c, v, kp, keys);
	if ((s->name = yamlnode_string(c, v, kp, "name", false)) == NULL)
		s->name = xstrdup(key->text);
	if ((x = yamlnode_field(c, v, kp, "calendar", false)) != NULL) {
		ckp = yamlnode_path(kp, "calendar");
		s->has_calendar = true;
		fmvalue_calendar(c, x, ckp, a->zone, &s->calendar);
		free(ckp);
	}
	/* "1d" is a working day of the calendar in force for this severity. */
	day = calendar_day_seconds(s->has_calendar ? &s->calendar : &a->calendar);
	if (ola && (x = yamlnode_field(c, v, kp, "response", false)) != NULL) {
		ckp = yamlnode_path(kp, "response");
		WARN(c, x, ckp, "an OLA has no response clock; ignored");
		free(ckp);
	} else
		fmvalue_duration(c, v, kp, "response", day, &s->response_s,
		    &s->response_text);
	if (ola && yamlnode_get(v, "resolution") == NULL)
		ERR(c, v, kp, "missing key \"resolution\" (the team's time budget)");
	else
		fmvalue_duration(c, v, kp, "resolution", day, &s->resolution_s,
		    &s->resolution_text);
	if (!ola && yamlnode_field(c, v, kp, "response", false) == NULL &&
	    yamlnode_field(c, v, kp, "resolution", false) == NULL)
		ERR(c, v, kp, "give a response target, a resolution target or both");
	yamlnode_number(c, v, kp, "goal", false, 0, 100, &s->goal);
	free(kp);
}

static void
parse_severities(struct yamlcheck *c, const struct yamlnode *root, struct agreement *a)
{
	const struct yamlnode *v = yamlnode_field(c, root, "", "severities", true);
	size_t i;

	if (v == NULL)
		return;
	if (v->type != YAMLNODE_MAPPING) {
		ERR(c, v, "severities", "expected a mapping of severities to targets, "
		    "got %s", yamlnode_show(c, v));
		return;
	}
	if (v->n == 0) {
		ERR(c, v, "severities", "no severity defined");
		return;
	}
	a->severities = xcalloc(v->n, sizeof *a->severities);
	for (i = 0; i < v->n; i++)
		parse_severity(c, yamlnode_key(v, i), yamlnode_value(v, i), a,
		    &a->severities[a->nseverities++]);
}

static void
parse_volume(struct yamlcheck *c, const struct yamlnode *v, struct agreement *a)
{
	static const char *const keys[] = { "metric", "min", "per", "unit", NULL };
	static const char *const metrics[] = { "count", "value", NULL };
	static const char *const pers[] = { "month", NULL };

	if (v->type != YAMLNODE_MAPPING) {
		ERR(c, v, "volume", "expected a mapping such as {metric: count, min: "
		    "100, per: month}, got %s", yamlnode_show(c, v));
		return;
	}
	yamlnode_check_keys(c, v, "volume", keys);
	a->has_volume = true;
	a->volume_metric = yamlnode_choice(c, v, "volume", "metric", false, metrics) == 1 ?
	    VOLUME_VALUE : VOLUME_COUNT;
	yamlnode_number(c, v, "volume", "min", true, 0, INFINITY, &a->volume_min);
	yamlnode_choice(c, v, "volume", "per", false, pers);
	a->volume_per = xstrdup("month");
	a->volume_unit = fm_parse_unit(c, v);
}

static void
parse_satisfaction(struct yamlcheck *c, const struct yamlnode *v, struct agreement *a)
{
	static const char *const keys[] = { "scale", "min", NULL };
	static const char *const scales[] = { "nps", "csat", NULL };
	int k;

	if (v->type != YAMLNODE_MAPPING) {
		ERR(c, v, "satisfaction", "expected a mapping such as {scale: nps, min: "
		    "30}, got %s", yamlnode_show(c, v));
		return;
	}
	yamlnode_check_keys(c, v, "satisfaction", keys);
	a->has_satisfaction = true;
	k = yamlnode_choice(c, v, "satisfaction", "scale", true, scales);
	a->satisfaction_scale = k == 1 ? SCALE_CSAT : SCALE_NPS;
	/* NPS runs from -100 to 100, CSAT is a percentage. */
	yamlnode_number(c, v, "satisfaction", "min", true, k == 1 ? 0 : -100, 100,
	    &a->satisfaction_min);
}

void
fm_parse_tiers(struct yamlcheck *c, const struct yamlnode *v, struct agreement *a)
{
	static const char *const keys[] = { "below", "percent", NULL };
	size_t i;
	int j;

	if (v->type != YAMLNODE_SEQUENCE) {
		ERR(c, v, "credits.tiers", "expected a list such as [{below: 95, percent: "
		    "5}], got %s", yamlnode_show(c, v));
		return;
	}
	if (v->n == 0)
		ERR(c, v, "credits.tiers", "no tier given");
	a->tiers = xcalloc(v->n + 1, sizeof *a->tiers);
	for (i = 0; i < v->n; i++) {
		const struct yamlnode *t = v->items[i];
		char *kp = xasprintf("credits.tiers[%zu]", i);
		struct credit_tier *ct = &a->tiers[a->ntiers];
		bool ok;

		if (t->type != YAMLNODE_MAPPING) {
			ERR(c, t, kp, "expected a mapping such as {below: 95, percent: 5}, "
			    "got %s", yamlnode_show(c, t));
			free(kp);
			continue;
		}
		yamlnode_check_keys(c, t, kp, keys);
		ok = yamlnode_number(c, t, kp, "below", true, 0, 100, &ct->below);
		ok = yamlnode_number(c, t, kp, "percent", true, 0, 100, &ct->percent) && ok;
		for (j = 0; ok && j < a->ntiers; j++)
			if (a->tiers[j].below == ct->below) {
				ERR(c, yamlnode_get(t, "below"), kp, "another tier has below: "
				    "%g already", ct->below);
				ok = false;
			}
		if (ok)
			a->ntiers++;
		free(kp);
	}
}

static void
parse_credits(struct yamlcheck *c, const struct yamlnode *v, struct agreement *a)
{
	static const char *const keys[] = { "fee", "currency", "tiers", NULL };
	const struct yamlnode *x;

	if (v->type != YAMLNODE_MAPPING) {
		ERR(c, v, "credits", "expected a mapping such as {fee: 1000, currency: "
		    "EUR, tiers: [...]}, got %s", yamlnode_show(c, v));
		return;
	}
	yamlnode_check_keys(c, v, "credits", keys);
	a->has_credits = true;
	yamlnode_number(c, v, "credits", "fee", true, 0, INFINITY, &a->credit_fee);
	x = yamlnode_scalar(c, v, "credits", "currency", true, "a currency code");
	if (x != NULL && x->len == 3 && x->text[0] >= 'A' && x->text[0] <= 'Z' &&
	    x->text[1] >= 'A' && x->text[1] <= 'Z' && x->text[2] >= 'A' &&
	    x->text[2] <= 'Z')
		a->credit_currency = xstrdup(x->text);
	else if (x != NULL)
		ERR(c, x, "credits.currency", "expected a 3-letter currency code such "
		    "as EUR, got %s", yamlnode_show(c, x));
	if ((x = yamlnode_field(c, v, "credits", "tiers", true)) != NULL)
		fm_parse_tiers(c, x, a);
}

static void
parse_agreement(struct yamlcheck *c, const struct yamlnode *root,
    const struct site *site, struct agreement *a)
{
	static const char *const keys[] = { "id", "title", "kind", "provider",
		"customer", "supports", "effective", "review", "reviewed", "timezone", "calendar",
		"match", "severities", "volume", "satisfaction", "credits", "maintenance",
		"revisions", "locale", NULL };
	static const char *const kinds[] = { "sla", "ola", NULL };
	const struct yamlnode *v;
	int64_t days;
	int k;

	if (root->type != YAMLNODE_MAPPING) {
		ERR(c, root, NULL, "expected a mapping of agreement terms, got %s",
		    yamlnode_show(c, root));
		return;
	}
	yamlnode_check_keys(c, root, "", keys);
	if ((v = yamlnode_scalar(c, root, "", "id", true, "a string")) != NULL) {
		a->id_line = v->line;
		a->id_col = v->col;
		if (is_slug(v->text))
			a->id = xstrdup(v->text);
		else
			ERR(c, v, "id", "%s is not a valid id: use up to 64 lowercase "
			    "letters, digits and \"-\", starting with a letter or digit",
			    yamlnode_show(c, v));
	}
	a->title = yamlnode_string(c, root, "", "title", true);
	k = yamlnode_choice(c, root, "", "kind", true, kinds);
	a->kind = k == 1 ? AGREEMENT_OLA : AGREEMENT_SLA;
	a->provider = yamlnode_string(c, root, "", "provider", k == 1);
	a->customer = yamlnode_string(c, root, "", "customer", false);
	v = yamlnode_scalar(c, root, "", "supports", k == 1, "an agreement id");
	if (v != NULL && k == 0)
		ERR(c, v, "supports", "only an OLA supports another agreement");
	else if (v != NULL) {
		a->supports = xstrdup(v->text);
		a->supports_line = v->line;
		a->supports_col = v->col;
	}
	if ((v = yamlnode_field(c, root, "", "effective", false)) != NULL &&
	    fmvalue_date(c, v, "effective", &days))
		a->effective = xstrdup(v->text);
	else
		days = INT64_MIN;
	review_parse(c, root, a);
	a->locale = fm_parse_locale(c, root, site != NULL && site->locale != NULL ?
	    site->locale : "en");
	if ((v = yamlnode_scalar(c, root, "", "timezone", false, "a time zone")) != NULL)
		a->zone = fm_load_zone(c, v, v->text);
	else if (site != NULL && site->timezone != NULL)
		a->zone = tz_load(site->timezone);
	if (a->zone == NULL)
		a->zone = tz_load("UTC");
	a->timezone = xstrdup(tz_name(a->zone));
	/* No calendar: round the clock (SPEC §5, "no calendar = 24x7"). */
	if ((v = yamlnode_field(c, root, "", "calendar", false)) != NULL)
		fmvalue_calendar(c, v, "calendar", a->zone, &a->calendar);
	else {
		a->calendar.always = true;
		a->calendar.zone = a->zone;
	}
	if ((v = yamlnode_field(c, root, "", "match", false)) != NULL)
		fm_parse_match(c, v, a);
	parse_severities(c, root, a);
	if ((v = yamlnode_field(c, root, "", "maintenance", false)) != NULL)
		maintenance_parse(c, v, a);	/* after the severities it names */
	if ((v = yamlnode_field(c, root, "", "volume", false)) != NULL)
		parse_volume(c, v, a);
	if ((v = yamlnode_field(c, root, "", "satisfaction", false)) != NULL)
		parse_satisfaction(c, v, a);
	if ((v = yamlnode_field(c, root, "", "credits", false)) != NULL)
		parse_credits(c, v, a);
	if (days != INT64_MIN)
		a->effective_from = tz_local_to_utc(a->zone, days * 86400);
	/* Last: a revision starts from the whole current terms. */
	if ((v = yamlnode_field(c, root, "", "revisions", false)) != NULL)
		revisions_parse(c, v, yamlnode_get(root, "effective"), a);
}

/* Whether the line s[0..n) is mark, trailing blanks and CR aside. */
static bool
is_marker(const char *s, size_t n, const char *mark)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return n == strlen(mark) && memcmp(s, mark, n) == 0;
}

static size_t
line_end(const char *s, size_t len, size_t p)
{
	const char *nl = memchr(s + p, '\n', len - p);

	return nl != NULL ? (size_t)(nl - s) : len;
}

/* Whether the first line is "---" ended by a CR that no LF follows: a file
 * with old Mac line endings, which would otherwise read as one long line. */
static bool
has_bare_cr_lines(const char *text, size_t len)
{
	size_t p = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	return len - p > 4 && memcmp(text + p, "---\r", 4) == 0 && text[p + 4] != '\n';
}

/* Where the front matter and the body are: 0, or 1 when the file does not
 * open with "---", 2 when no closing "---" or "..." follows. */
static int
cut_front_matter(const char *text, size_t len, size_t *fm, size_t *fm_len,
    size_t *body, int *body_line)
{
	size_t p = 0, eol;
	int line = 2;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		p = 3;
	eol = line_end(text, len, p);
	if (!is_marker(text + p, eol - p, "---"))
		return 1;
	*fm = p = eol < len ? eol + 1 : len;
	for (; p < len; p = eol + 1, line++) {
		eol = line_end(text, len, p);
		if (is_marker(text + p, eol - p, "---") ||
		    is_marker(text + p, eol - p, "...")) {
			*fm_len = p - *fm;
			*body = eol < len ? eol + 1 : len;
			*body_line = line + 1;
			return 0;
		}
		if (eol == len)
			break;
	}
	return 2;
}

int
frontmatter_parse_agreement(struct agreement *out, const char *path,
    const char *text, size_t len, const struct site *site, struct diag *d)
{
	static const struct yamlnode top = { .line = 1, .col = 1 };
	struct yamlcheck c;
	struct yamlnode *root = NULL;
	size_t fm = 0, fm_len = 0, body = len, bad;
	const char *nul;
	int cut = -1;

	yamlnode_check_init(&c, path);
	memset(out, 0, sizeof *out);
	out->path = xstrdup(path);
	out->supports_index = -1;
	out->review_day = out->reviewed_day = REVIEW_NO_DAY;
	out->body_line = 1;
	out->calendar.always = true;
	if (len > FRONTMATTER_MAX_FILE)
		ERR(&c, NULL, NULL, "file larger than %d KiB", FRONTMATTER_MAX_FILE / 1024);
	else if ((cut = cut_front_matter(text, len, &fm, &fm_len, &body,
	    &out->body_line)) == 1 && has_bare_cr_lines(text, len))
		ERR(&c, &top, NULL, "lines end in a bare CR (carriage return): save the "
		    "file with LF or CRLF line endings");
	else if (cut == 1)
		ERR(&c, &top, NULL, "no front matter: an agreement starts with a line "
		    "\"---\", its terms in YAML, and another line \"---\"");
	else if (cut == 2)
		ERR(&c, &top, NULL, "front matter not closed: no line \"---\" after this "
		    "one");
	else {
		c.errors += yamlnode_parse(text + fm, fm_len, 2, path, c.d, &root);
		if (c.errors == 0 && root == NULL)
			ERR(&c, &top, NULL, "the front matter is empty");
		else if (root != NULL)
			parse_agreement(&c, root, site, out);
	}
	if (out->zone == NULL) {
		out->zone = tz_load(site != NULL && site->timezone != NULL ?
		    site->timezone : "UTC");
		out->timezone = xstrdup(tz_name(out->zone));
		out->calendar.zone = out->zone;
	}
	if (cut != 0)
		body = len;
	if ((bad = utf8_invalid_offset(text + body, len - body)) < len - body) {
		struct yamlnode at = { .line = 0 };
		offset_to_linecol(text + body, bad, &at.line, &at.col);
		at.line += out->body_line - 1;
		ERR(&c, &at, NULL, "invalid UTF-8 (byte 0x%02x)",
		    (unsigned char)text[body + bad]);
	} else if ((nul = memchr(text + body, '\0', len - body)) != NULL) {
		/* cmark would turn it into U+FFFD: a NUL means a damaged file. */
		struct yamlnode at = { .line = 0 };
		offset_to_linecol(text + body, (size_t)(nul - (text + body)), &at.line,
		    &at.col);
		at.line += out->body_line - 1;
		ERR(&c, &at, NULL, "NUL byte in the text");
	}
	out->body = xstrndup(text + body, len - body);
	out->doc = markdown_parse(out->body, len - body);
	yamlnode_free(root);
	yamlnode_check_finish(&c, d);
	return c.errors;
}

/* ---- links between agreements ---- */

/* Business seconds as "9h", "8h30m", "45s" (never days: a day differs between
 * calendars). */
static void
format_seconds(int64_t s, char *out, size_t n)
{
	int64_t h = s / 3600, m = s % 3600 / 60, sec = s % 60;
	int o = 0;

	out[0] = '\0';
	if (h > 0)
		o += snprintf(out + o, n - (size_t)o, "%lldh", (long long)h);
	if (m > 0)
		o += snprintf(out + o, n - (size_t)o, "%lldm", (long long)m);
	if (sec > 0 || o == 0)
		snprintf(out + o, n - (size_t)o, "%llds", (long long)sec);
}

static const struct severity *
find_key(const struct agreement *a, const char *key)
{
	int i;

	for (i = 0; i < a->nseverities; i++)
		if (strcmp(a->severities[i].key, key) == 0)
			return &a->severities[i];
	return NULL;
}

/* Warns where the OLAs under SLA v[k] promise more time than the SLA has. */
static void
check_budgets(struct agreement *v, int n, int k, struct diag *d)
{
	const struct agreement *sla = &v[k];
	int i, j;

	for (i = 0; i < sla->nseverities; i++) {
		const struct severity *s = &sla->severities[i];
		int64_t sum = 0;
		int count = 0;
		char a[32], b[32];

		if (s->resolution_s < 0)
			continue;
		for (j = 0; j < n; j++) {
			const struct severity *o;
			if (v[j].kind != AGREEMENT_OLA || v[j].supports_index != k)
				continue;
			if ((o = find_key(&v[j], s->key)) != NULL && o->resolution_s >= 0) {
				sum += o->resolution_s;
				count++;
			}
		}
		if (count == 0 || sum <= s->resolution_s)
			continue;
		format_seconds(sum, a, sizeof a);
		format_seconds(s->resolution_s, b, sizeof b);
		diag_add(d, DIAG_WARNING, sla->path, s->line, s->col, "severity %s: OLA budgets "
		    "add up to %s, more than the SLA's resolution target of %s", s->key,
		    a, b);
	}
}

int
frontmatter_link_agreements(struct agreement *v, int n, struct diag *d)
{
	int i, j, k, errors = 0;

	for (i = 0; i < n; i++) {
		v[i].supports_index = -1;
		for (j = 0; v[i].id != NULL && j < i; j++)
			if (v[j].id != NULL && strcmp(v[i].id, v[j].id) == 0) {
				diag_add(d, DIAG_ERROR, v[i].path, v[i].id_line, v[i].id_col, "id: \"%s\" is "
				    "already the id of %s", v[i].id, v[j].path);
				errors++;
				break;
			}
	}
	for (i = 0; i < n; i++) {
		if (v[i].kind != AGREEMENT_OLA || v[i].supports == NULL)
			continue;
		for (k = 0; k < n; k++)
			if (v[k].id != NULL && strcmp(v[k].id, v[i].supports) == 0)
				break;
		if (k == n) {
			diag_add(d, DIAG_ERROR, v[i].path, v[i].supports_line,
			    v[i].supports_col, "supports: no agreement "
			    "has the id \"%s\"", v[i].supports);
			errors++;
		} else if (v[k].kind != AGREEMENT_SLA) {
			diag_add(d, DIAG_ERROR, v[i].path, v[i].supports_line,
			    v[i].supports_col, "supports: \"%s\" is an "
			    "OLA; an OLA supports an SLA", v[i].supports);
			errors++;
		} else {
			v[i].supports_index = k;
			for (j = 0; j < v[i].nseverities; j++)
				if (find_key(&v[k], v[i].severities[j].key) == NULL)
					diag_add(d, DIAG_WARNING, v[i].path,
					    v[i].severities[j].line, v[i].severities[j].col,
					    "severities: the "
					    "SLA \"%s\" has no severity %s", v[k].id,
					    v[i].severities[j].key);
		}
	}
	/* An OLA's earlier terms may support another SLA (SPEC §8). */
	for (i = 0; i < n; i++)
		for (j = 0; v[i].kind == AGREEMENT_OLA && j < v[i].nrevisions; j++) {
			struct agreement *t = v[i].revisions[j].terms;
			t->supports_index = -1;
			if (t->supports == NULL)
				continue;
			for (k = 0; k < n; k++)
				if (v[k].id != NULL && strcmp(v[k].id, t->supports) == 0)
					break;
			if (k < n && v[k].kind == AGREEMENT_SLA)
				t->supports_index = k;
			else if (t->supports_line != (j == 0 ? v[i].supports_line :
			    v[i].revisions[j - 1].terms->supports_line)) {
				diag_add(d, DIAG_ERROR, v[i].path, t->supports_line,
				    t->supports_col, "revisions[%d].supports: %s \"%s\"", j,
				    k == n ? "no agreement has the id" : "is not an SLA:",
				    t->supports);
				errors++;
			}
		}
	for (k = 0; k < n; k++)
		if (v[k].kind == AGREEMENT_SLA)
			check_budgets(v, n, k, d);
	return errors;
}
