/* test_frontmatter.c: the agreement and site.yml schema, rule by rule and message by message. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include "frontmatter.h"
#include "markdown.h"
#include "tz.h"
#include "test_agreement.h"

static const char spec_example[] =
	"---\n"
	"id: it-service-desk\n"
	"title: IT Service Desk for Sales\n"
	"kind: sla                       # sla | ola\n"
	"provider: service-desk          # team that delivers\n"
	"customer: sales                 # department that receives\n"
	"supports: null                  # for an OLA: id of the SLA it underpins\n"
	"effective: 2026-01-01\n"
	"review: quarterly\n"
	"timezone: Europe/Berlin\n"
	"calendar:\n"
	"  hours: {mon-fri: \"08:00-18:00\"}\n"
	"  holidays: [2026-12-24, 2026-12-25, 2026-12-26]\n"
	"match: {requester: sales}\n"
	"severities:\n"
	"  1: {name: Critical, response: 15m, resolution: 4h, goal: 100, calendar: 24x7}\n"
	"  2: {name: High,     response: 1h,  resolution: 8h, goal: 95}\n"
	"  3: {name: Normal,   response: 4h,  resolution: 3d, goal: 90}\n"
	"  4: {name: Low,      response: 1d,  resolution: 10d, goal: 90}\n"
	"volume: {metric: value, min: 100000, per: month}       # optional\n"
	"satisfaction: {scale: nps, min: 30}                     # optional\n"
	"credits: {fee: 12000, currency: EUR, tiers: [{below: 95, percent: 5}, "
	"{below: 90, percent: 10}]}\n"
	"---\n"
	"# IT Service Desk for Sales\n"
	"\n"
	"| a | b |\n|---|---|\n| 1 | 2 |\n";

Test(frontmatter, spec_example)
{
	struct agreement a;
	const struct severity *s;
	int wd;

	parse(&a, spec_example, "", 0);
	cr_expect_str_eq(a.path, "a.md");
	cr_expect_str_eq(a.id, "it-service-desk");
	cr_expect_str_eq(a.title, "IT Service Desk for Sales");
	cr_expect_eq(a.kind, AGREEMENT_SLA);
	cr_expect_str_eq(a.provider, "service-desk");
	cr_expect_str_eq(a.customer, "sales");
	cr_expect_null(a.supports);
	cr_expect_eq(a.supports_index, -1);
	cr_expect_str_eq(a.effective, "2026-01-01");
	cr_expect_str_eq(a.review, "quarterly");
	cr_expect_str_eq(a.timezone, "Europe/Berlin");
	cr_assert_not_null(a.zone);
	cr_expect_str_eq(tz_name(a.zone), "Europe/Berlin");
	cr_expect(!a.calendar.always);
	cr_expect_eq(a.calendar.zone, a.zone);
	for (wd = 0; wd < 5; wd++) {
		cr_expect_eq(a.calendar.nranges[wd], 1);
		cr_expect_eq(a.calendar.ranges[wd][0].start_min, 8 * 60);
		cr_expect_eq(a.calendar.ranges[wd][0].end_min, 18 * 60);
	}
	cr_expect_eq(a.calendar.nranges[5], 0);
	cr_expect_eq(a.calendar.nranges[6], 0);
	/* 2026-12-24 is day 20811 since 1970-01-01 (20454 to 2026-01-01, + 357). */
	cr_assert_eq(a.calendar.nholidays, 3);
	cr_expect_eq(a.calendar.holidays[0], 20811);
	cr_expect_eq(a.calendar.holidays[1], 20812);
	cr_expect_eq(a.calendar.holidays[2], 20813);
	cr_assert_eq(a.nmatch, 1);
	cr_expect_str_eq(a.match[0].field, "requester");
	cr_assert_eq(a.match[0].nvalues, 1);
	cr_expect_str_eq(a.match[0].values[0], "sales");
	cr_assert_eq(a.nseverities, 4);
	s = &a.severities[0];
	cr_expect_str_eq(s->key, "1");
	cr_expect(s->key_is_int);
	cr_expect_eq(s->key_int, 1);
	cr_expect_str_eq(s->name, "Critical");
	cr_expect_eq(s->response_s, 15 * 60);
	cr_expect_eq(s->resolution_s, 4 * 3600);
	cr_expect_str_eq(s->response_text, "15m");
	cr_expect_str_eq(s->resolution_text, "4h");
	cr_expect_eq(s->goal, 100);
	cr_expect(s->has_calendar);
	cr_expect(s->calendar.always);
	cr_expect_eq(s->line, 16);
	s = &a.severities[1];
	cr_expect_eq(s->key_int, 2);
	cr_expect_eq(s->response_s, 3600);
	cr_expect_eq(s->resolution_s, 8 * 3600);
	cr_expect_eq(s->goal, 95);
	cr_expect(!s->has_calendar);
	/* A day of 08:00-18:00 is 10 h: 3d = 30 h, 10d = 100 h, 1d = 10 h. */
	s = &a.severities[2];
	cr_expect_str_eq(s->name, "Normal");
	cr_expect_eq(s->resolution_s, 30 * 3600);
	cr_expect_str_eq(s->resolution_text, "3d");
	s = &a.severities[3];
	cr_expect_eq(s->response_s, 10 * 3600);
	cr_expect_eq(s->resolution_s, 100 * 3600);
	cr_expect_eq(s->goal, 90);
	cr_expect_eq(s->line, 19);
	cr_expect(a.has_volume);
	cr_expect_eq(a.volume_metric, VOLUME_VALUE);
	cr_expect_eq(a.volume_min, 100000);
	cr_expect_str_eq(a.volume_per, "month");
	cr_expect(a.has_satisfaction);
	cr_expect_eq(a.satisfaction_scale, SCALE_NPS);
	cr_expect_eq(a.satisfaction_min, 30);
	cr_expect(a.has_credits);
	cr_expect_eq(a.credit_fee, 12000);
	cr_expect_str_eq(a.credit_currency, "EUR");
	cr_assert_eq(a.ntiers, 2);
	cr_expect_eq(a.tiers[0].below, 95);
	cr_expect_eq(a.tiers[0].percent, 5);
	cr_expect_eq(a.tiers[1].below, 90);
	cr_expect_eq(a.tiers[1].percent, 10);
	cr_expect_eq(a.body_line, 24);
	cr_expect_eq(strncmp(a.body, "# IT Service Desk for Sales\n", 28), 0);
	cr_assert_not_null(a.doc);
	cr_expect_eq(cmark_node_get_type(cmark_node_first_child(a.doc)), CMARK_NODE_HEADING);
	cr_expect_str_eq(cmark_node_get_type_string(cmark_node_last_child(a.doc)), "table");
	agreement_free(&a);
}

Test(frontmatter, defaults)
{
	struct agreement a;

	parse(&a, HEAD SEV "---\nbody\n", "", 0);
	cr_expect_str_eq(a.id, "t");
	/* The site's zone; no calendar means round the clock (24x7). */
	cr_expect_str_eq(a.timezone, "Europe/Berlin");
	cr_expect(a.calendar.always);
	cr_expect_eq(a.calendar.nholidays, 0);
	cr_expect_null(a.provider);
	cr_expect_null(a.effective);
	cr_expect_eq(a.nmatch, 0);
	cr_expect(!a.has_volume && !a.has_satisfaction && !a.has_credits);
	cr_assert_eq(a.nseverities, 1);
	cr_expect_str_eq(a.severities[0].name, "1");
	cr_expect_eq(a.severities[0].response_s, -1);
	cr_expect_null(a.severities[0].response_text);
	cr_expect_eq(a.severities[0].resolution_s, 4 * 3600);
	cr_expect(isnan(a.severities[0].goal));
	cr_expect_eq(a.body_line, 8);
	cr_expect_str_eq(a.body, "body\n");
	agreement_free(&a);
}

Test(frontmatter, no_site_means_utc)
{
	struct diag *d = diag_new();
	struct agreement a;

	cr_expect_eq(frontmatter_parse_agreement(&a, "a.md", HEAD SEV "---\n",
	    strlen(HEAD SEV "---\n"), NULL, d), 0);
	cr_expect_str_eq(a.timezone, "UTC");
	agreement_free(&a);
	diag_free(d);
}

Test(frontmatter, unknown_zone)
{
	struct agreement a;

	parse(&a, HEAD "timezone: Mars/Olympus\n" SEV "---\n",
	    "a.md:5:11: error: timezone: unknown time zone \"Mars/Olympus\"", 1);
	cr_expect_str_eq(a.timezone, "UTC");
	agreement_free(&a);
}

Test(frontmatter, goal)
{
	struct agreement a;

	parse(&a, HEAD "severities:\n"
	    "  1: {resolution: 4h, goal: 150}\n"
	    "  2: {resolution: 4h, goal: high}\n"
	    "  3: {resolution: 4h, goal: 99.5}\n"
	    "  4: {resolution: 4h, goal: 0}\n"
	    "---\n",
	    "a.md:6:29: error: severities.1.goal: expected a number from 0 to 100, got "
	    "\"150\"\n"
	    "a.md:7:29: error: severities.2.goal: expected a number from 0 to 100, got "
	    "\"high\"", 2);
	cr_assert_eq(a.nseverities, 4);
	cr_expect(isnan(a.severities[0].goal));
	cr_expect_eq(a.severities[2].goal, 99.5);
	cr_expect_eq(a.severities[3].goal, 0);
	agreement_free(&a);
}

Test(frontmatter, required_keys)
{
	check("---\nprovider: x\n" SEV "---\n",
	    "a.md:2:1: error: missing key \"id\"\n"
	    "a.md:2:1: error: missing key \"title\"\n"
	    "a.md:2:1: error: missing key \"kind\"", 3);
	check("---\nid: ~\ntitle: T\nkind: sla\n" SEV "---\n",
	    "a.md:2:5: error: id: no value given", 1);
	check(HEAD "---\n", "a.md:2:1: error: missing key \"severities\"", 1);
	check("---\nid: t\ntitle: [T]\nkind: xla\n" SEV "---\n",
	    "a.md:3:8: error: title: expected a string, got a list\n"
	    "a.md:4:7: error: kind: expected sla or ola, got \"xla\"", 2);
}

Test(frontmatter, ids)
{
	static const char *const bad[] = { "it/desk", "-x", "It", "a_b", "a b",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" };
	static const char *const good[] = { "a", "0", "it-desk-2",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" };
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *text = xasprintf("---\nid: \"%s\"\ntitle: T\nkind: sla\n" SEV "---\n",
		    bad[i]);
		char *want = xasprintf("a.md:2:5: error: id: \"%s\" is not a valid id: use "
		    "up to 64 lowercase letters, digits and \"-\", starting with a letter "
		    "or digit", bad[i]);
		check(text, want, 1);
		free(text);
		free(want);
	}
	for (i = 0; i < sizeof good / sizeof *good; i++) {
		char *text = xasprintf("---\nid: %s\ntitle: T\nkind: sla\n" SEV "---\n",
		    good[i]);
		check(text, "", 0);
		free(text);
	}
}

Test(frontmatter, supports)
{
	check(HEAD "supports: x\n" SEV "---\n",
	    "a.md:5:11: error: supports: only an OLA supports another agreement", 1);
	check(HEAD "supports: null\n" SEV "---\n", "", 0);
	check("---\nid: o\ntitle: O\nkind: OLA\n" SEV "---\n",
	    "a.md:2:1: error: missing key \"provider\"\n"
	    "a.md:2:1: error: missing key \"supports\"", 2);
}

Test(frontmatter, ola_rules)
{
	struct agreement a;

	parse(&a, "---\nid: o\ntitle: O\nkind: ola\nprovider: net\nsupports: s\n"
	    "match: {team: x}\n"
	    "severities:\n"
	    "  1: {response: 1h, goal: 90}\n"
	    "  2: {resolution: 2h}\n"
	    "---\n",
	    "a.md:7:8: warning: match: ignored in an OLA, which covers the items of the "
	    "SLA it supports\n"
	    "a.md:9:6: error: severities.1: missing key \"resolution\" (the team's time "
	    "budget)\n"
	    "a.md:9:17: warning: severities.1.response: an OLA has no response clock; "
	    "ignored", 1);
	cr_expect_eq(a.kind, AGREEMENT_OLA);
	cr_expect_str_eq(a.provider, "net");
	cr_expect_str_eq(a.supports, "s");
	cr_expect_eq(a.nmatch, 0);
	cr_assert_eq(a.nseverities, 2);
	cr_expect_eq(a.severities[0].response_s, -1);
	cr_expect_null(a.severities[0].response_text);
	cr_expect_eq(a.severities[0].goal, 90);
	cr_expect_eq(a.severities[1].resolution_s, 7200);
	agreement_free(&a);
}

Test(frontmatter, severity_shapes)
{
	check(HEAD "severities:\n  1: {name: X, goal: 90}\n---\n",
	    "a.md:6:6: error: severities.1: give a response target, a resolution target "
	    "or both", 1);
	check(HEAD "severities: {}\n---\n",
	    "a.md:5:13: error: severities: no severity defined", 1);
	check(HEAD "severities: [1]\n---\n",
	    "a.md:5:13: error: severities: expected a mapping of severities to targets, "
	    "got a list", 1);
	/* An empty value sits right after "1:". */
	check(HEAD "severities:\n  1:\n  2: {resolution: 1h}\n---\n",
	    "a.md:6:5: error: severities.1: no targets given", 1);
	check(HEAD "severities:\n  1: high\n---\n",
	    "a.md:6:6: error: severities.1: expected a mapping such as {response: 1h, "
	    "resolution: 8h, goal: 95}, got \"high\"", 1);
	check(HEAD "severities:\n  1: {resolution: 1h, colour: red}\n---\n",
	    "a.md:6:23: warning: severities.1: unknown key \"colour\"", 0);
}

Test(frontmatter, severity_keys)
{
	struct agreement a;

	parse(&a, HEAD "severities:\n"
	    "  Critical: {resolution: 4h}\n"
	    "  \"2\": {resolution: 8h, name: Two}\n"
	    "  01: {resolution: 9h}\n"
	    "---\n", "", 0);
	cr_assert_eq(a.nseverities, 3);
	cr_expect_str_eq(a.severities[0].key, "Critical");
	cr_expect(!a.severities[0].key_is_int);
	cr_expect_str_eq(a.severities[0].name, "Critical");
	cr_expect(a.severities[1].key_is_int);
	cr_expect_eq(a.severities[1].key_int, 2);
	cr_expect_str_eq(a.severities[1].name, "Two");
	cr_expect_eq(a.severities[1].line, 7);
	cr_expect(!a.severities[2].key_is_int);
	cr_expect_eq(agreement_find_severity(&a, "Two"), &a.severities[1]);
	agreement_free(&a);
}

Test(frontmatter, match)
{
	struct agreement a;

	parse(&a, HEAD "match: {requester: [sales, \"marketing\"], severity: 1, color: red}\n"
	    SEV "---\n",
	    "a.md:5:55: warning: match: unknown field \"color\" (known: requester, "
	    "service, kind, team, severity)", 0);
	cr_assert_eq(a.nmatch, 3);
	cr_expect_str_eq(a.match[0].field, "requester");
	cr_assert_eq(a.match[0].nvalues, 2);
	cr_expect_str_eq(a.match[0].values[0], "sales");
	cr_expect_str_eq(a.match[0].values[1], "marketing");
	cr_expect_str_eq(a.match[1].field, "severity");
	cr_expect_str_eq(a.match[1].values[0], "1");
	cr_expect_str_eq(a.match[2].field, "color");
	agreement_free(&a);
}

Test(frontmatter, match_errors)
{
	check(HEAD "match: {requester: [], team: {a: 1}, kind: ~, service: [a, [b]]}\n"
	    SEV "---\n",
	    "a.md:5:20: error: match.requester: an empty list matches nothing\n"
	    "a.md:5:30: error: match.team: expected a string or a list of strings, got a "
	    "mapping\n"
	    "a.md:5:44: error: match.kind: no value given\n"
	    "a.md:5:60: error: match.service: expected a string or a list of strings, "
	    "got a list", 4);
	check(HEAD "match: sales\n" SEV "---\n",
	    "a.md:5:8: error: match: expected a mapping of fields to values, got "
	    "\"sales\"", 1);
}

Test(frontmatter, volume_satisfaction_credits_errors)
{
	check(HEAD SEV
	    "volume: {metric: leads, min: -5, per: week}\n"
	    "satisfaction: {scale: csat, min: 200}\n"
	    "credits: {fee: -1, currency: euro, tiers: []}\n"
	    "---\n",
	    "a.md:7:18: error: volume.metric: expected count or value, got \"leads\"\n"
	    "a.md:7:30: error: volume.min: expected a number >= 0, got \"-5\"\n"
	    "a.md:7:39: error: volume.per: expected month, got \"week\"\n"
	    "a.md:8:34: error: satisfaction.min: expected a number from 0 to 100, got "
	    "\"200\"\n"
	    "a.md:9:16: error: credits.fee: expected a number >= 0, got \"-1\"\n"
	    "a.md:9:30: error: credits.currency: expected a 3-letter currency code such "
	    "as EUR, got \"euro\"\n"
	    "a.md:9:43: error: credits.tiers: no tier given", 7);
	check(HEAD SEV "volume: {metric: count}\nsatisfaction: {min: 10}\n"
	    "credits: {fee: 1, currency: EUR}\n---\n",
	    "a.md:7:9: error: volume: missing key \"min\"\n"
	    "a.md:8:15: error: satisfaction: missing key \"scale\"\n"
	    "a.md:9:10: error: credits: missing key \"tiers\"", 3);
	check(HEAD SEV "volume: {min: 5, unit: \"  \"}\n---\n",
	    "a.md:7:24: error: volume.unit: \"  \" is no unit: give a short word such as EUR "
	    "or leads (at most 24 characters, one line)", 1);
	check(HEAD SEV "volume: {min: 5, unit: [EUR]}\n---\n",
	    "a.md:7:24: error: volume.unit: expected a unit such as EUR or leads, got a list", 1);
	check(HEAD SEV "volume: 5\n---\n",
	    "a.md:7:9: error: volume: expected a mapping such as {metric: count, min: "
	    "100, per: month}, got \"5\"", 1);
}

Test(frontmatter, satisfaction_ranges)
{
	struct agreement a;

	parse(&a, HEAD SEV "satisfaction: {scale: NPS, min: -100}\n---\n", "", 0);
	cr_expect_eq(a.satisfaction_scale, SCALE_NPS);
	cr_expect_eq(a.satisfaction_min, -100);
	agreement_free(&a);
	parse(&a, HEAD SEV "satisfaction: {scale: csat, min: 80}\n---\n", "", 0);
	cr_expect_eq(a.satisfaction_scale, SCALE_CSAT);
	cr_expect_eq(a.satisfaction_min, 80);
	agreement_free(&a);
	check(HEAD SEV "satisfaction: {scale: csat, min: -1}\n---\n",
	    "a.md:7:34: error: satisfaction.min: expected a number from 0 to 100, got "
	    "\"-1\"", 1);
}

Test(frontmatter, credit_tiers)
{
	struct agreement a;

	parse(&a, HEAD SEV
	    "credits:\n"
	    "  fee: 1000\n"
	    "  currency: EUR\n"
	    "  tiers:\n"
	    "    - {below: 95, percent: 150}\n"
	    "    - 7\n"
	    "    - {below: 90, percent: 5}\n"
	    "    - {below: 90, percent: 10}\n"
	    "    - {percent: 3}\n"
	    "    - {below: 80, percent: 20, cap: 1}\n"
	    "---\n",
	    "a.md:11:28: error: credits.tiers[0].percent: expected a number from 0 to 100, "
	    "got \"150\"\n"
	    "a.md:12:7: error: credits.tiers[1]: expected a mapping such as {below: 95, "
	    "percent: 5}, got \"7\"\n"
	    "a.md:14:15: error: credits.tiers[3]: another tier has below: 90 already\n"
	    "a.md:15:7: error: credits.tiers[4]: missing key \"below\"\n"
	    "a.md:16:32: warning: credits.tiers[5]: unknown key \"cap\"", 4);
	cr_expect_eq(a.credit_fee, 1000);
	cr_assert_eq(a.ntiers, 2);
	cr_expect_eq(a.tiers[0].below, 90);
	cr_expect_eq(a.tiers[0].percent, 5);
	cr_expect_eq(a.tiers[1].below, 80);
	cr_expect_eq(a.tiers[1].percent, 20);
	agreement_free(&a);
}

Test(frontmatter, unknown_keys_warn_only)
{
	check(HEAD "foo: 1\n" SEV "---\n", "a.md:5:1: warning: unknown key \"foo\"", 0);
}

Test(frontmatter, diagnostics_in_file_order)
{
	/* severities come before id in the file, and so do their messages. */
	check("---\nseverities: {1: {resolution: 8x}}\nid: Bad\ntitle: T\nkind: sla\n---\n",
	    "a.md:2:30: error: severities.1.resolution: \"8x\" is not a duration\n"
	    "a.md:3:5: error: id: \"Bad\" is not a valid id: use up to 64 lowercase "
	    "letters, digits and \"-\", starting with a letter or digit", 2);
}

Test(frontmatter, cutting)
{
	struct agreement a;

	check("id: a\n", "a.md:1:1: error: no front matter: an agreement starts with a "
	    "line \"---\", its terms in YAML, and another line \"---\"", 1);
	check("\n---\nid: a\n---\n", "a.md:1:1: error: no front matter: an agreement "
	    "starts with a line \"---\", its terms in YAML, and another line \"---\"", 1);
	check("---\nid: a\n", "a.md:1:1: error: front matter not closed: no line \"---\" "
	    "after this one", 1);
	check("---\n---\nbody\n", "a.md:1:1: error: the front matter is empty", 1);
	check("---\n- a\n---\n", "a.md:2:1: error: expected a mapping of agreement terms, "
	    "got a list", 1);
	/* "..." closes too; blanks after the markers, CRLF and a BOM are fine. */
	parse(&a, "\xEF\xBB\xBF---  \r\nid: t\r\ntitle: T\r\nkind: sla\r\n"
	    "severities: {1: {resolution: 1h}}\r\n... \r\nText\r\n", "", 0);
	cr_expect_str_eq(a.body, "Text\r\n");
	cr_expect_eq(a.body_line, 7);
	agreement_free(&a);
	/* The closing line is the last one, without a newline: empty body. */
	parse(&a, HEAD SEV "---", "", 0);
	cr_expect_str_eq(a.body, "");
	cr_expect_not_null(a.doc);
	agreement_free(&a);
}

Test(frontmatter, invalid_utf8)
{
	check("---\nid: t\ntitle: caf\xE9\nkind: sla\n" SEV "---\n",
	    "a.md:3:11: error: invalid UTF-8 (byte 0xe9)", 1);
	/* Body from line 8; the bad byte is on its second line, column 5. */
	check(HEAD SEV "---\nok\nbad \xFF\n",
	    "a.md:9:5: error: invalid UTF-8 (byte 0xff)", 1);
}

Test(frontmatter, size_limit)
{
	size_t n = FRONTMATTER_MAX_FILE + 1;
	char *big = xmalloc(n);
	struct agreement a;

	memset(big, 'x', n);
	memcpy(big, HEAD SEV "---\n", strlen(HEAD SEV "---\n"));
	parse_len(&a, big, n, "a.md: error: file larger than 128 KiB", 1);
	cr_expect_str_eq(a.path, "a.md");
	agreement_free(&a);
	free(big);
}

/* ---- site.yml ---- */

static void
site(struct site *s, const char *text, const char *want, int errors)
{
	struct diag *d = diag_new();
	int n = frontmatter_parse_site(s, "site.yml", text, text ? strlen(text) : 0, d);
	char *got = all_diags(d);

	cr_expect_str_eq(got, want);
	cr_expect_eq(n, errors);
	free(got);
	diag_free(d);
}

Test(frontmatter, site_defaults)
{
	struct site s;

	site(&s, NULL, "", 0);
	cr_expect_str_eq(s.title, "Service level reports");
	cr_expect_null(s.organisation);
	cr_expect_str_eq(s.timezone, "UTC");
	cr_assert_not_null(s.zone);
	cr_expect_str_eq(s.locale, "en");
	cr_expect_eq(s.page_size, PAGE_A4);
	cr_expect_null(s.logo);
	cr_expect(!s.unsafe_html);
	cr_expect_eq(s.nmappings, 0);
	site_free(&s);
	site(&s, "", "", 0);
	cr_expect_str_eq(s.timezone, "UTC");
	site_free(&s);
}

Test(frontmatter, site_full)
{
	struct site s;

	site(&s, "---\ntitle: Reports\norganization: ACME\ntimezone: Europe/Berlin\n"
	    "locale: DE\npage_size: letter\nlogo: img/logo.png\nunsafe_html: yes\n"
	    "mappings: {\"events/snow-*.json\": mappings/servicenow.json}\n", "", 0);
	cr_expect_str_eq(s.title, "Reports");
	cr_expect_str_eq(s.organisation, "ACME");
	cr_expect_str_eq(s.timezone, "Europe/Berlin");
	cr_expect_str_eq(tz_name(s.zone), "Europe/Berlin");
	cr_expect_str_eq(s.locale, "de");
	cr_expect_eq(s.page_size, PAGE_LETTER);
	cr_expect_str_eq(s.logo, "img/logo.png");
	cr_expect(s.unsafe_html);
	cr_assert_eq(s.nmappings, 1);
	cr_expect_str_eq(s.mappings[0].pattern, "events/snow-*.json");
	cr_expect_str_eq(s.mappings[0].mapping, "mappings/servicenow.json");
	site_free(&s);
	site(&s, "unsafe_html: False\norganisation: X\n", "", 0);
	cr_expect(!s.unsafe_html);
	cr_expect_str_eq(s.organisation, "X");
	site_free(&s);
}

/* `teams` renames teams on the pages; ids stay what agreements and events write. */
Test(frontmatter, site_teams)
{
	struct site s;

	site(&s, "teams:\n  service-desk: IT Service Desk\n  sales: \"Sales & Marketing\"\n",
	    "", 0);
	cr_assert_eq(s.nteams, 2);
	cr_expect_str_eq(s.teams[0].id, "service-desk");
	cr_expect_str_eq(s.teams[0].name, "IT Service Desk");
	cr_expect_eq(s.teams[0].line, 2);
	cr_expect_eq(s.teams[0].col, 3);
	cr_expect_str_eq(site_team_name(&s, "sales"), "Sales & Marketing");
	cr_expect_str_eq(site_team_name(&s, "network"), "network");
	cr_expect_null(site_team_name(&s, NULL));
	site_free(&s);
	cr_expect_str_eq(site_team_name(NULL, "x"), "x");
	site(&s, "teams: [sales]\n",
	    "site.yml:1:8: error: teams: expected a mapping of team ids to display names, "
	    "got a list", 1);
	site_free(&s);
	site(&s, "teams:\n  a:\n  b: [x]\n  c: \"  \"\n  d: Dee\n",
	    "site.yml:2:5: error: teams.a: no display name given\n"
	    "site.yml:3:6: error: teams.b: expected the team's display name, got a list\n"
	    "site.yml:4:6: error: teams.c: the display name is blank", 3);
	cr_expect_eq(s.nteams, 1);
	site_free(&s);
}

Test(frontmatter, site_errors)
{
	struct site s;

	site(&s, "title: R\norganisation: A\norganization: B\ntimezone: Foo/Bar\n"
	    "locale: fr\npage_size: A3\nlogo: /etc/passwd\nunsafe_html: maybe\n"
	    "colour: red\n",
	    "site.yml:3:15: error: organization: give organisation or organization, not "
	    "both\n"
	    "site.yml:4:11: error: timezone: unknown time zone \"Foo/Bar\"\n"
	    "site.yml:5:9: warning: locale: no message table for \"fr\" "
	    "(templates/i18n/fr.json); using en\n"
	    "site.yml:6:12: error: page_size: expected A4 or Letter, got \"A3\"\n"
	    "site.yml:7:7: error: logo: \"/etc/passwd\" must be a relative path inside "
	    "the project folder\n"
	    "site.yml:8:14: error: unsafe_html: expected true, false, yes or no, got "
	    "\"maybe\"\n"
	    "site.yml:9:1: warning: unknown key \"colour\"", 5);
	/* Defaults stand in for the bad values. */
	cr_expect_str_eq(s.timezone, "UTC");
	cr_expect_str_eq(s.locale, "en");
	cr_expect_eq(s.page_size, PAGE_A4);
	cr_expect_null(s.logo);
	site_free(&s);
	site(&s, "logo: img/../../x.png\n", "site.yml:1:7: error: logo: "
	    "\"img/../../x.png\" must be a relative path inside the project folder", 1);
	site_free(&s);
	/* libyaml places b's empty value at the next token, the "," in column 24. */
	site(&s, "mappings: {a: ../y, b: , c: {d: 1}}\n",
	    "site.yml:1:15: error: mappings.a: \"../y\" must be a relative path inside "
	    "the project folder\n"
	    "site.yml:1:24: error: mappings.b: no mapping file given\n"
	    "site.yml:1:29: error: mappings.c: expected a path, got a mapping", 3);
	site_free(&s);
	site(&s, "mappings: [a]\n", "site.yml:1:11: error: mappings: expected a mapping "
	    "of file patterns to mapping files, got a list", 1);
	site_free(&s);
	site(&s, "- a\n", "site.yml:1:1: error: expected a mapping of settings, got a "
	    "list", 1);
	site_free(&s);
	site(&s, "a: 1\n---\nb: 2\n", "site.yml:2:1: error: only one YAML document is "
	    "allowed", 1);
	site_free(&s);
}

/* ---- links ---- */

/* Parses texts[0..n) as files names[i] (no diagnostics expected), then links
 * them, expecting want. */
static void
link(struct agreement *v, int n, const char *const *names, const char *const *texts,
    const char *want, int errors)
{
	struct diag *d = diag_new();
	int i;
	char *got;

	for (i = 0; i < n; i++)
		cr_assert_eq(frontmatter_parse_agreement(&v[i], names[i], texts[i],
		    strlen(texts[i]), NULL, d), 0, "%s", names[i]);
	cr_assert_eq(diag_len(d), 0);
	cr_expect_eq(frontmatter_link_agreements(v, n, d), errors);
	got = all_diags(d);
	cr_expect_str_eq(got, want);
	free(got);
	diag_free(d);
}

static void
free_all(struct agreement *v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		agreement_free(&v[i]);
}

#define AGR(id, kind, extra) "---\nid: " id "\ntitle: T\nkind: " kind "\n" extra "---\n"
#define OLA(id, sup, sev) AGR(id, "ola", "provider: p\nsupports: " sup "\n" sev)

Test(frontmatter, link_ids_and_supports)
{
	static const char *const names[] = { "a.md", "b.md", "c.md", "o.md", "p.md",
		"q.md" };
	static const char *const texts[] = {
		AGR("x", "sla", SEV), AGR("y", "sla", SEV), AGR("x", "sla", SEV),
		OLA("o", "nope", SEV), OLA("p", "o", SEV), OLA("q", "y", SEV),
	};
	struct agreement v[6];

	link(v, 6, names, texts,
	    "c.md:2:5: error: id: \"x\" is already the id of a.md\n"
	    "o.md:6:11: error: supports: no agreement has the id \"nope\"\n"
	    "p.md:6:11: error: supports: \"o\" is an OLA; an OLA supports an SLA", 3);
	cr_expect_eq(v[0].supports_index, -1);
	cr_expect_eq(v[3].supports_index, -1);
	cr_expect_eq(v[4].supports_index, -1);
	cr_expect_eq(v[5].supports_index, 1);
	free_all(v, 6);
}

Test(frontmatter, link_budgets)
{
	static const char *const names[] = { "s.md", "a.md", "b.md" };
	static const char *const texts[] = {
		AGR("s", "sla", "calendar: {hours: {mon-fri: \"08:00-18:00\"}}\n"
		    "severities:\n"
		    "  1: {resolution: 8h}\n"
		    "  2: {resolution: 2d}\n"
		    "  3: {resolution: 1h}\n"
		    "  4: {response: 1h}\n"),
		OLA("a", "s", "severities:\n"
		    "  1: {resolution: 5h30m}\n"
		    "  2: {resolution: 20h}\n"
		    "  3: {resolution: 30m}\n"),
		OLA("b", "s", "calendar: {hours: {mon-fri: \"08:00-16:00\"}}\n"
		    "severities:\n"
		    "  1: {resolution: 4h}\n"
		    "  2: {resolution: 1d}\n"
		    "  3: {resolution: 30m}\n"
		    "  4: {resolution: 1h}\n"
		    "  5: {resolution: 1h}\n"),
	};
	struct agreement v[3];

	/* Severity 1: 5h30m + 4h = 9h30m > 8h. Severity 2: the SLA's 2d is 20 h on
	 * its 10-hour days; 20h + 1d of b's 8-hour days = 28h > 20h. Severity 3:
	 * 30m + 30m = 1h, exactly the target: fine. Severity 4: no resolution
	 * target in the SLA. b's severity 5 is not the SLA's. */
	link(v, 3, names, texts,
	    "b.md:13:3: warning: severities: the SLA \"s\" has no severity 5\n"
	    "s.md:7:3: warning: severity 1: OLA budgets add up to 9h30m, more than the "
	    "SLA's resolution target of 8h\n"
	    "s.md:8:3: warning: severity 2: OLA budgets add up to 28h, more than the "
	    "SLA's resolution target of 20h", 0);
	cr_expect_eq(v[1].supports_index, 0);
	cr_expect_eq(v[2].supports_index, 0);
	free_all(v, 3);
}

/* ---- markdown ---- */

static char *
html_of(const char *md, bool unsafe)
{
	struct cmark_node *doc = markdown_parse(md, strlen(md));
	char *html = markdown_to_html(doc, unsafe);

	cmark_node_free(doc);
	return html;
}

Test(frontmatter, markdown_extensions)
{
	struct cmark_node *doc;
	char *html;
	const char *md = "- [x] done\n- [ ] todo\n";

	doc = markdown_parse(md, strlen(md));
	cr_expect_str_eq(cmark_node_get_type_string(cmark_node_first_child(
	    cmark_node_first_child(doc))), "tasklist");
	cmark_node_free(doc);
	html = html_of("| a | b |\n|---|--:|\n| 1 | 2 |\n", false);
	cr_expect_not_null(strstr(html, "<table>"));
	/* style, not the align attribute that HTML5 made obsolete */
	cr_expect_not_null(strstr(html, "<td style=\"text-align: right\">2</td>"));
	free(html);
	html = html_of("~~gone~~ and https://example.com/x\n", false);
	cr_expect_not_null(strstr(html, "<del>gone</del>"));
	cr_expect_not_null(strstr(html, "<a href=\"https://example.com/x\">"));
	free(html);
	html = html_of("Note[^1].\n\n[^1]: The footnote.\n", false);
	cr_expect_not_null(strstr(html, "footnote"));
	cr_expect_not_null(strstr(html, "The footnote."));
	free(html);
}

Test(frontmatter, markdown_raw_html)
{
	const char *md = "<script>alert(1)</script>\n\nA <b>bold</b> word.\n";
	char *html = html_of(md, false);

	cr_expect_null(strstr(html, "<script>"));
	cr_expect_null(strstr(html, "<b>"));
	cr_expect_not_null(strstr(html, "raw HTML omitted"));
	free(html);
	html = html_of(md, true);
	cr_expect_not_null(strstr(html, "<script>alert(1)</script>"));
	cr_expect_not_null(strstr(html, "<b>bold</b>"));
	free(html);
}

/* `locale` in site.yml: BCP 47 tags and POSIX names in any case, kept as the
 * canonical tag; an unknown language or a non-tag is a warning naming the
 * fallback, a list an error. */
Test(frontmatter, site_locales)
{
	static const char *const ok[][2] = {
		{ "de", "de" }, { "de-DE", "de-DE" }, { "de-AT", "de-AT" },
		{ "de_DE.UTF-8", "de-DE" }, { "en", "en" }, { "en-GB", "en-GB" },
		{ "en-US", "en-US" }, { "EN_us", "en-US" }, { "\"DE-at\"", "de-AT" },
	};
	struct site s;
	char text[64];

	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		snprintf(text, sizeof text, "locale: %s\n", ok[i][0]);
		site(&s, text, "", 0);
		cr_expect_str_eq(s.locale, ok[i][1], "%s", ok[i][0]);
		site_free(&s);
	}
	site(&s, "locale: fr-FR\n", "site.yml:1:9: warning: locale: no message table for "
	    "\"fr-FR\" (templates/i18n/fr.json); using en", 0);
	cr_expect_str_eq(s.locale, "en");
	site_free(&s);
	site(&s, "locale: Deutsch!\n", "site.yml:1:9: warning: locale: \"Deutsch!\" is not "
	    "a language tag (such as en, en-GB, en-US, de, de-DE or de_DE.UTF-8); using en", 0);
	cr_expect_str_eq(s.locale, "en");
	site_free(&s);
	site(&s, "locale: [de]\n", "site.yml:1:9: error: locale: expected a language tag "
	    "such as en, en-US or de-DE, got a list", 1);
	cr_expect_str_eq(s.locale, "en");
	site_free(&s);
}

/* An agreement's own `locale`; absent: NULL (the site's); unknown: a warning
 * naming the site's locale as the fallback. */
Test(frontmatter, agreement_locale)
{
	struct agreement a;
	struct diag *d = diag_new();
	struct site st;
	static const char text[] = HEAD "locale: fr-CA\n" SEV "---\n";
	char *got;

	parse(&a, HEAD "locale: de_AT.UTF-8\n" SEV "---\n", "", 0);
	cr_expect_str_eq(a.locale, "de-AT");
	agreement_free(&a);
	parse(&a, HEAD "locale: EN-us\n" SEV "---\n", "", 0);
	cr_expect_str_eq(a.locale, "en-US");
	agreement_free(&a);
	parse(&a, HEAD SEV "---\n", "", 0);
	cr_expect_null(a.locale);
	agreement_free(&a);
	/* The fallback named is the site's locale. */
	cr_assert_eq(frontmatter_parse_site(&st, "site.yml", "locale: de-CH\n", 14, d), 0);
	cr_expect_eq(frontmatter_parse_agreement(&a, "a.md", text, strlen(text), &st, d), 0);
	got = all_diags(d);
	cr_expect_str_eq(got, "a.md:5:9: warning: locale: no message table for \"fr-CA\" "
	    "(templates/i18n/fr.json); using de-CH");
	cr_expect_null(a.locale);
	free(got);
	agreement_free(&a);
	site_free(&st);
	diag_free(d);
}
