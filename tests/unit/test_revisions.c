/* test_revisions.c: earlier terms (SPEC §8 Revisions) — inheritance, the terms in force at an instant, the diff in words. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "frontmatter.h"
#include "revisions.h"
#include "tz.h"
#include "test_agreement.h"

/* Current terms from 2026-07-01; two revisions, each listing only what differed. */
static const char revised[] =
	"---\nid: t\ntitle: T\nkind: sla\n"
	"timezone: Europe/Berlin\n"
	"effective: 2026-07-01\n"
	"calendar: 24x7\n"
	"match: {requester: sales}\n"
	"severities:\n"
	"  1: {name: Critical, response: 15m, resolution: 4h, goal: 95}\n"
	"  2: {name: High, response: 1h, resolution: 8h, goal: 90}\n"
	"volume: {min: 100}\n"
	"credits: {fee: 1000, currency: EUR, tiers: [{below: 90, percent: 10}]}\n"
	"revisions:\n"
	"  - effective: 2026-04-01\n"
	"    note: \"Sev 2 tightened in July\"\n"
	"    severities: {2: {resolution: 12h}}\n"
	"    credits: {fee: 2000}\n"
	"  - effective: 2026-01-01\n"
	"    severities: {1: {goal: 80}}\n"
	"    volume: {min: 50}\n"
	"---\nBody.\n";

Test(revisions, inheritance_newest_first)
{
	struct agreement a;
	const struct agreement *r0, *r1;

	parse(&a, revised, "", 0);
	cr_assert_eq(a.nrevisions, 2);
	cr_expect_str_eq(a.revisions[0].effective, "2026-04-01");
	cr_expect_str_eq(a.revisions[0].note, "Sev 2 tightened in July");
	cr_expect_null(a.revisions[1].note);
	r0 = a.revisions[0].terms;
	r1 = a.revisions[1].terms;
	/* Revision 0: sev 2 resolution and the fee; the rest from the current terms. */
	cr_expect_eq(r0->severities[1].resolution_s, 12 * 3600);
	cr_expect_str_eq(r0->severities[1].resolution_text, "12h");
	cr_expect_eq(r0->severities[1].response_s, 3600);
	cr_expect_eq(r0->severities[1].goal, 90);
	cr_expect_eq(r0->severities[0].goal, 95);
	cr_expect_eq(r0->credit_fee, 2000);
	cr_expect_str_eq(r0->credit_currency, "EUR");
	cr_expect_eq(r0->ntiers, 1);
	cr_expect_eq(r0->volume_min, 100);
	/* Revision 1 inherits from revision 0, not from the current terms. */
	cr_expect_eq(r1->severities[1].resolution_s, 12 * 3600);
	cr_expect_eq(r1->credit_fee, 2000);
	cr_expect_eq(r1->severities[0].goal, 80);
	cr_expect_eq(r1->volume_min, 50);
	/* The current terms are untouched. */
	cr_expect_eq(a.severities[1].resolution_s, 8 * 3600);
	cr_expect_eq(a.credit_fee, 1000);
	/* Identity is shared, not copied. */
	cr_expect_eq(r1->id, a.id);
	cr_expect(r1->is_terms);
	agreement_free(&a);
}

Test(revisions, terms_in_force_at)
{
	struct agreement a;
	/* 00:00 local (CEST/CET) is 22:00/23:00Z the day before. */
	sla_time jul = 1782856800, apr = 1774994400, jan = 1767222000;

	parse(&a, revised, "", 0);
	cr_expect_eq(a.effective_from, jul);
	cr_expect_eq(a.revisions[0].from, apr);
	cr_expect_eq(a.revisions[1].from, jan);
	cr_expect_eq(agreement_terms_index(&a, jul), 0);
	cr_expect_eq(agreement_terms_index(&a, jul - 1), 1);
	cr_expect_eq(agreement_terms_index(&a, apr), 1);
	cr_expect_eq(agreement_terms_index(&a, apr - 1), 2);
	cr_expect_eq(agreement_terms_index(&a, jan), 2);
	/* Before the oldest terms: the oldest terms. */
	cr_expect_eq(agreement_terms_index(&a, jan - 86400 * 365), 2);
	cr_expect_eq(agreement_terms(&a, 2), a.revisions[1].terms);
	cr_expect_eq(agreement_terms(&a, 0), &a);
	agreement_free(&a);
}

Test(revisions, diff_leaf_by_leaf)
{
	struct agreement a;
	struct terms_change *v;
	size_t n;

	parse(&a, revised, "", 0);
	n = terms_diff(a.revisions[0].terms, &a, &v);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(v[0].key, "severities.2.resolution");
	cr_expect_eq(v[0].sev, 1);
	cr_expect_str_eq(v[0].field, "resolution");
	cr_expect_str_eq(v[0].was, "12h");
	cr_expect_str_eq(v[0].now, "8h");
	cr_expect_str_eq(v[1].key, "credits.fee");
	cr_expect_eq(v[1].sev, -1);
	cr_expect_str_eq(v[1].was, "2000");
	cr_expect_str_eq(v[1].now, "1000");
	terms_changes_free(v, n);
	n = terms_diff(a.revisions[1].terms, a.revisions[0].terms, &v);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(v[0].key, "severities.1.goal");
	cr_expect_str_eq(v[0].was, "80");
	cr_expect_str_eq(v[0].now, "95");
	cr_expect_str_eq(v[1].key, "volume.min");
	cr_expect_str_eq(v[1].was, "50");
	cr_expect_str_eq(v[1].now, "100");
	terms_changes_free(v, n);
	/* Terms equal to themselves differ in nothing. */
	cr_expect_eq(terms_diff(&a, &a, &v), 0);
	free(v);
	agreement_free(&a);
}

/* volume.unit is inherited like every other key, and a change of it is a
 * change of terms. */
Test(revisions, volume_unit)
{
	struct agreement a;
	struct terms_change *v;
	size_t n;

	parse(&a, "---\nid: t\ntitle: T\nkind: sla\ntimezone: UTC\neffective: 2026-07-01\n"
	    "calendar: 24x7\nseverities:\n  1: {resolution: 4h, goal: 95}\n"
	    "volume: {metric: value, min: 100, unit: EUR}\n"
	    "revisions:\n"
	    "  - effective: 2026-04-01\n    volume: {min: 50}\n"
	    "  - effective: 2026-01-01\n    volume: {unit: USD}\n"
	    "  - effective: 2025-10-01\n    volume: {unit: null}\n"
	    "---\nBody.\n", "", 0);
	cr_assert_eq(a.nrevisions, 3);
	cr_expect_str_eq(a.volume_unit, "EUR");
	cr_expect_str_eq(a.revisions[0].terms->volume_unit, "EUR");
	cr_expect_str_eq(a.revisions[1].terms->volume_unit, "USD");
	cr_expect_eq(a.revisions[1].terms->volume_min, 50);
	cr_expect_null(a.revisions[2].terms->volume_unit);
	cr_expect_eq(terms_diff(a.revisions[0].terms, &a, &v), 1);
	terms_changes_free(v, 1);
	n = terms_diff(a.revisions[1].terms, a.revisions[0].terms, &v);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(v[0].key, "volume.unit");
	cr_expect_str_eq(v[0].was, "USD");
	cr_expect_str_eq(v[0].now, "EUR");
	terms_changes_free(v, n);
	n = terms_diff(a.revisions[2].terms, a.revisions[1].terms, &v);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(v[0].was, "none");
	cr_expect_str_eq(v[0].now, "USD");
	terms_changes_free(v, n);
	agreement_free(&a);
}

Test(revisions, calendar_and_match_text)
{
	struct agreement a;
	struct terms_change *v;
	size_t n;

	parse(&a, HEAD "effective: 2026-06-01\ncalendar: 24x7\nmatch: {service: [a, b]}\n" SEV
	    "revisions:\n  - effective: 2026-01-01\n"
	    "    calendar: {hours: {mon-thu: \"08:00-12:00,13:00-17:00\", fri: \"08:00-14:00\"}, "
	    "holidays: [2026-05-01]}\n"
	    "    match: {service: a, requester: sales}\n---\n", "", 0);
	n = terms_diff(a.revisions[0].terms, &a, &v);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(v[0].key, "calendar");
	cr_expect_str_eq(v[0].was, "mon-thu 08:00-12:00,13:00-17:00, fri 08:00-14:00; 1 holiday");
	cr_expect_str_eq(v[0].now, "24x7");
	cr_expect_str_eq(v[1].key, "match");
	cr_expect_str_eq(v[1].was, "service: a; requester: sales");
	cr_expect_str_eq(v[1].now, "service: a, b");
	terms_changes_free(v, n);
	agreement_free(&a);
}

Test(revisions, no_revisions_no_terms)
{
	struct agreement a;

	parse(&a, HEAD SEV "---\n", "", 0);
	cr_expect_eq(a.nrevisions, 0);
	cr_expect_eq(agreement_nterms(&a), 1);
	cr_expect_eq(agreement_terms_index(&a, 0), 0);
	agreement_free(&a);
}

Test(revisions, diagnostics_name_the_revision)
{
	check(HEAD SEV "effective: 2026-07-01\nrevisions:\n  - effective: 2026-08-01\n"
	    "    severities: {1: {resolution: 8h}}\n---\n",
	    "a.md:9:16: error: revisions[0].effective: 2026-08-01 is after "
	    "2026-07-01, when the next newer terms start: list revisions newest first", 1);
	check(HEAD SEV "effective: 2026-07-01\nrevisions:\n  - effective: 2026-01-01\n"
	    "    severities: {1: {goal: 101}}\n---\n",
	    "a.md:10:28: error: revisions[0].severities.1.goal: expected a "
	    "number from 0 to 100, got \"101\"", 1);
}
