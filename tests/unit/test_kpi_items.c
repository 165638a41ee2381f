/* test_kpi_items.c: items, agreement assignment, report months, item checks (suite kpi_items). */
#include "test_kpi_fixture.h"

/* SLA "a" matches requester sales (or marketing); SLA "b" matches nothing. */
static struct model *
two_slas(void)
{
	struct model *m = fx_model("UTC");
	struct agreement *a = fx_agreement(m, "a", AGREEMENT_SLA, "UTC");

	fx_match(a, "requester", "sales");
	a->match[0].values = xrealloc(a->match[0].values, 2 * sizeof(char *));
	a->match[0].values[1] = xstrdup("marketing");
	a->match[0].nvalues = 2;
	fx_severity(a, "1", "Critical", -1, 4 * H, 100);
	a = fx_agreement(m, "b", AGREEMENT_SLA, "UTC");
	fx_severity(a, "1", "Critical", -1, 4 * H, 100);
	return m;
}

/* Whether some diagnostic says exactly msg at line (0: any line). */
static bool
has_diag(const struct model *m, const char *msg, int line)
{
	size_t i;

	for (i = 0; i < diag_len(m->diag); i++) {
		const struct diag_entry *e = diag_get(m->diag, i);
		if (strcmp(e->message, msg) == 0 && (line == 0 || e->line == line))
			return true;
	}
	return false;
}

Test(kpi_items, named_agreement_applies_from_the_month_it_is_read)
{
	struct model *m = two_slas();
	struct kpi_report *r;

	fx_event(m, "X", "2026-01-10T00:00:00Z", "opened", "team=t", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "X", "2026-02-05T00:00:00Z", "note", "agreement=b", NULL);
	fx_event(m, "X", "2026-02-10T00:00:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-01", "2026-02");
	/* January's report reads no agreement field: the match rules decide. */
	cr_expect_eq(fx_row(r, 0, "2026-01", 0)->opened, 1);
	cr_expect_eq(fx_row(r, 0, "2026-01", 0)->backlog, 1);
	cr_expect_eq(fx_row(r, 1, "2026-01", 0)->opened, 0);
	cr_expect_eq(fx_row(r, 1, "2026-01", 0)->backlog, 0);
	/* February's reads "b". */
	cr_expect_eq(fx_row(r, 0, "2026-02", 0)->resolved, 0);
	cr_expect_eq(fx_row(r, 1, "2026-02", 0)->resolved, 1);
	cr_expect_eq(fx_row(r, 1, "2026-02", 0)->opened, 0);
	/* The breach (2026-01-10T04:00:01) lies in January, under "a"; in
	 * February the clock ends already breached: neither met nor breached. */
	cr_expect_eq(fx_row(r, 0, "2026-01", 0)->resolution.breached, 1);
	cr_expect_eq(fx_row(r, 1, "2026-02", 0)->resolution.breached, 0);
	cr_expect_eq(fx_row(r, 1, "2026-02", 0)->resolution.met, 0);
	cr_expect_eq(fx_row(r, 1, "2026-02", 0)->resolution.median_s, 31 * 24 * H);
	cr_expect_eq(r->quality.items_unassigned, 0);
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_items, agreement_field_before_opened_counts_and_the_first_wins)
{
	struct model *m = two_slas();
	struct kpi_report *r;

	fx_event(m, "Y", "2026-01-01T00:00:00Z", "note", "agreement=b", NULL);
	fx_event(m, "Y", "2026-01-02T00:00:00Z", "opened", "team=t", "severity=1",
	    "requester=sales", "agreement=a", NULL);
	fx_event(m, "Y", "2026-01-02T01:00:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-01", "2026-01");
	cr_expect_eq(fx_row(r, 1, "2026-01", 0)->opened, 1);
	cr_expect_eq(fx_row(r, 0, "2026-01", 0)->opened, 0);
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_items, unassigned_items)
{
	struct model *m = two_slas();
	struct agreement *c = fx_agreement(m, "c", AGREEMENT_SLA, "UTC");
	struct kpi_report *r;

	fx_match(c, "service", "mail");
	fx_severity(c, "1", "Critical", -1, 4 * H, 100);
	/* Unknown name (twice), no match, two matches; one matched by the list. */
	fx_event(m, "U1", "2026-01-02T00:00:00Z", "opened", "team=t", "severity=1",
	    "requester=sales", "agreement=zz", NULL);
	fx_event(m, "U2", "2026-01-02T00:00:00Z", "opened", "team=t", "severity=1",
	    "agreement=zz", NULL);
	fx_event(m, "U3", "2026-01-02T00:00:00Z", "opened", "team=t", "severity=1",
	    "requester=hr", NULL);
	fx_event(m, "U4", "2026-01-02T00:00:00Z", "opened", "team=t", "severity=1",
	    "requester=sales", "service=mail", NULL);
	fx_event(m, "OK", "2026-01-02T00:00:00Z", "opened", "team=t", "severity=1",
	    "requester=marketing", "service=web", NULL);
	r = fx_compute(m, "2026-01", "2026-01");
	cr_expect_eq(r->quality.items_unassigned, 4);
	cr_expect_eq(r->quality.items_skipped, 0);
	cr_expect_eq(fx_row(r, 0, "2026-01", -1)->opened, 1);
	cr_expect_eq(fx_row(r, 1, "2026-01", -1)->opened, 0);	/* no match rules */
	cr_expect_eq(fx_row(r, 2, "2026-01", -1)->opened, 0);
	items_check(m);
	cr_expect_eq(m->quality.items_unassigned, 4);
	cr_expect(has_diag(m, "events of unknown agreement \"zz\"", 1));
	cr_expect_eq(diag_len(m->diag), 3, "unknown name once, no match, several");
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_items, items_without_opened_or_with_undefined_severity_are_skipped)
{
	struct model *m = two_slas();
	struct kpi_report *r;

	fx_event(m, "NO", "2026-01-05T00:00:00Z", "assigned", "team=t", NULL);	/* line 1 */
	fx_event(m, "NO", "2026-01-06T00:00:00Z", "resolved", NULL);
	fx_event(m, "SV", "2026-01-05T00:00:00Z", "opened", "team=t", "severity=9",
	    "requester=sales", NULL);						/* line 3 */
	fx_event(m, "CH", "2026-01-05T00:00:00Z", "opened", "team=t", "severity=Critical",
	    "requester=sales", NULL);
	fx_event(m, "CH", "2026-01-05T01:00:00Z", "severity_changed", "severity=7", NULL);
	fx_event(m, "CH", "2026-01-05T05:00:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-01", "2026-01");
	cr_expect_eq(r->quality.items_skipped, 2);
	cr_expect_eq(fx_row(r, 0, "2026-01", -1)->opened, 1);
	/* The change to 7 is ignored: still Critical's 4h, breached. */
	cr_expect_eq(fx_row(r, 0, "2026-01", 0)->resolution.breached, 1);
	items_check(m);
	cr_expect_eq(m->quality.items_skipped, 2);
	cr_expect(has_diag(m, "item NO has no opened event", 1));
	cr_expect(has_diag(m, "item SV: severity \"9\" is not defined by agreement a; "
	    "item skipped; a names one severity, 1 (Critical)", 3));
	cr_expect(has_diag(m, "item CH: severity \"7\" is not defined by agreement a; "
	    "change ignored; a names one severity, 1 (Critical)", 5));
	kpi_report_free(r);
	model_free(m);
}

/* The hint names the severity an export's own scheme most likely meant. */
Test(kpi_items, undefined_severity_hint_suggests_the_likely_key)
{
	static const char *const given[][2] = {
		{ "P2", "2" }, { "Sev 2", "2" }, { "sev-02", "2" }, { "2 - High", "2" },
		{ "high", "2" }, { "CRITICAL", "1" }, { "Critcal", "1" }, { "Hihg", "2" },
		{ "-1", NULL }, { "P12", NULL }, { "1-2", NULL }, { "Urgent", NULL },
		{ "7", NULL },
	};
	struct model *m = fx_model("UTC");
	struct agreement *a = fx_agreement(m, "a", AGREEMENT_SLA, "UTC");
	size_t i;

	fx_severity(a, "1", "Critical", -1, 4 * H, 100);
	fx_severity(a, "2", "High", -1, 8 * H, 95);
	fx_severity(a, "3", "3", -1, 16 * H, 90);
	for (i = 0; i < sizeof given / sizeof *given; i++) {
		char id[16], sev[32];
		snprintf(id, sizeof id, "X%zu", i);
		snprintf(sev, sizeof sev, "severity=%s", given[i][0]);
		fx_event(m, id, "2026-01-05T00:00:00Z", "opened", "team=t", sev,
		    "agreement=a", NULL);
	}
	kpi_report_free(fx_compute(m, "2026-01", "2026-01"));
	items_check(m);
	for (i = 0; i < sizeof given / sizeof *given; i++) {
		char *want = xasprintf("item X%zu: severity \"%s\" is not defined by "
		    "agreement a; item skipped; a names severities 1 (Critical), 2 (High), "
		    "3%s%s%s", i, given[i][0], given[i][1] != NULL ? "; did you mean " : "",
		    given[i][1] != NULL ? given[i][1] : "", given[i][1] != NULL ? "?" : "");
		cr_expect(has_diag(m, want, 0), "%s", want);
		free(want);
	}
	model_free(m);
}

Test(kpi_items, events_before_opened_and_later_opened_are_ignored)
{
	struct model *m = two_slas();
	struct kpi_report *r;

	fx_event(m, "E", "2026-01-05T00:00:00Z", "resolved", NULL);
	fx_event(m, "E", "2026-01-05T01:00:00Z", "opened", "team=t", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "E", "2026-01-05T02:00:00Z", "opened", "team=t", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "E", "2026-01-05T03:00:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-01", "2026-01");
	cr_expect_eq(fx_row(r, 0, "2026-01", 0)->opened, 1);
	cr_expect_eq(fx_row(r, 0, "2026-01", 0)->resolution.median_s, 2 * H);
	cr_expect_eq(fx_period(r, 0, "2026-01")->resolved_events, 1);
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_items, scores_outside_the_scale_are_reported)
{
	struct model *m = two_slas();

	m->agreements[0].has_satisfaction = true;
	m->agreements[0].satisfaction_scale = SCALE_CSAT;
	fx_event(m, "R", "2026-01-05T00:00:00Z", "opened", "team=t", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "R", "2026-01-05T01:00:00Z", "rated", "score=9", NULL);
	model_sort_events(m);
	items_check(m);
	cr_expect(has_diag(m, "item R: score 9 is outside the CSAT scale of agreement a "
	    "(1-5); ignored", 2));
	model_free(m);
}

Test(kpi_items, default_months)
{
	struct model *m = two_slas();
	struct kpi_report *r;

	cr_expect_eq(kpi_default_period(m), -1);
	fx_event(m, "A", "2026-01-15T00:00:00Z", "opened", "team=t", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "A", "2026-03-03T00:00:00Z", "resolved", NULL);
	r = fx_compute(m, NULL, NULL);
	cr_expect_eq(kpi_first_month(m), fx_ym("2026-01"));
	cr_expect_eq(kpi_default_period(m), fx_ym("2026-02"));
	cr_expect_eq(r->from_ym, fx_ym("2026-01"));
	cr_expect_eq(r->to_ym, fx_ym("2026-02"));
	cr_expect_eq(r->agreements[0].nperiods, 2);
	cr_expect_eq(fx_row(r, 0, "2026-02", 0)->backlog, 1);
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_items, default_month_in_the_site_zone)
{
	struct model *m = fx_model("Europe/Berlin");

	/* 23:30Z on 31 March is 01:30 on 1 April in Berlin: March has ended. */
	fx_event(m, "A", "2026-03-31T23:30:00Z", "note", NULL);
	model_sort_events(m);	/* which records the span it reads */
	cr_expect_eq(kpi_default_period(m), fx_ym("2026-03"));
	model_free(m);
}

Test(kpi_items, parse_and_format_months)
{
	char buf[8];

	cr_expect_eq(kpi_parse_month("2026-02"), 2026 * 12 + 1);
	cr_expect_eq(kpi_parse_month("2026-13"), -1);
	cr_expect_eq(kpi_parse_month("2026-2"), -1);
	cr_expect_eq(kpi_parse_month("2026/02"), -1);
	kpi_format_month(2026 * 12 + 11, buf);
	cr_expect_str_eq(buf, "2026-12");
}
