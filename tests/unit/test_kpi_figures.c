/* test_kpi_figures.c: figures per agreement × month of SPEC §5 (suite kpi_figures). */
#include <stdio.h>
#include "test_kpi_fixture.h"

static struct model *
simple_model(void)
{
	struct model *m = fx_model("UTC");
	struct agreement *a = fx_agreement(m, "sla", AGREEMENT_SLA, "UTC");

	fx_match(a, "requester", "sales");
	fx_severity(a, "1", "Critical", -1, 10 * H, 95);
	return m;
}

/* Item id n opened on 2026-04-01 at 00:00 and resolved after hours h. */
static void
resolved_after(struct model *m, int n, int64_t secs)
{
	char id[16], at[32];

	snprintf(id, sizeof id, "I%02d", n);
	fx_event(m, id, "2026-04-01T00:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", NULL);
	civil_format_utc(fx_at("2026-04-01T00:00:00Z") + secs, at);
	fx_event(m, id, at, "resolved", NULL);
}

Test(kpi_figures, nearest_rank_percentiles)
{
	struct model *m = simple_model();
	struct kpi_report *r;
	int i;

	/* 1h … 10h, added out of order. */
	for (i = 10; i >= 1; i--)
		resolved_after(m, i, i * H);
	r = fx_compute(m, "2026-04", "2026-04");
	cr_expect_eq(fx_row(r, 0, "2026-04", 0)->resolution.median_s, 5 * H);	/* rank 5 */
	cr_expect_eq(fx_row(r, 0, "2026-04", 0)->resolution.p90_s, 9 * H);	/* rank 9 */
	cr_expect_eq(fx_row(r, 0, "2026-04", -1)->resolution.p90_s, 9 * H);
	kpi_report_free(r);
	model_free(m);

	m = simple_model();
	resolved_after(m, 1, 3 * H);
	resolved_after(m, 2, 1 * H);
	resolved_after(m, 3, 2 * H);
	r = fx_compute(m, "2026-04", "2026-04");
	cr_expect_eq(fx_row(r, 0, "2026-04", 0)->resolution.median_s, 2 * H);	/* rank 2 */
	cr_expect_eq(fx_row(r, 0, "2026-04", 0)->resolution.p90_s, 3 * H);	/* rank ceil(2.7) */
	kpi_report_free(r);
	model_free(m);
}

static struct model *
credit_model(int met, int breached)
{
	struct model *m = simple_model();
	struct agreement *a = &m->agreements[0];
	int i;

	a->has_credits = true;
	a->credit_fee = 12000;
	a->credit_currency = xstrdup("EUR");
	a->ntiers = 2;
	a->tiers = xcalloc(2, sizeof *a->tiers);
	a->tiers[0].below = 95;
	a->tiers[0].percent = 5;
	a->tiers[1].below = 90;
	a->tiers[1].percent = 10;
	for (i = 0; i < met; i++)
		resolved_after(m, i, 1 * H);
	for (i = met; i < met + breached; i++)
		resolved_after(m, i, 11 * H);
	return m;
}

static void
expect_credit(int met, int breached, double percent, double amount)
{
	struct model *m = credit_model(met, breached);
	struct kpi_report *r = fx_compute(m, "2026-04", "2026-04");
	const struct kpi_period *P = fx_period(r, 0, "2026-04");

	cr_expect_float_eq(P->credit_percent, percent, 1e-9, "%d/%d", met, breached);
	cr_expect_float_eq(P->credit_amount, amount, 1e-9, "%d/%d", met, breached);
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_figures, credit_tiers)
{
	expect_credit(10, 0, 0, 0);		/* 100 %: no tier above */
	expect_credit(19, 1, 0, 0);		/* 95 %: "below 95" does not apply */
	expect_credit(23, 2, 5, 600);		/* 92 %: only 95 is above */
	expect_credit(9, 1, 5, 600);		/* 90 %: 95 is the only tier above */
	expect_credit(4, 1, 10, 1200);		/* 80 %: lowest of 95, 90 */
	expect_credit(0, 0, 0, 0);		/* null attainment */
}

Test(kpi_figures, nps_and_csat)
{
	struct model *m = simple_model();
	struct agreement *a = &m->agreements[0];
	struct kpi_report *r;
	const struct kpi_period *P;
	const char *scores[] = { "10", "9", "8", "6", "0", "11", "-1" };
	size_t i;

	a->has_satisfaction = true;
	a->satisfaction_scale = SCALE_NPS;
	a->satisfaction_min = 30;
	fx_event(m, "N", "2026-04-01T01:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", NULL);
	/* Before opened: ignored. */
	fx_event(m, "N", "2026-04-01T00:30:00Z", "rated", "score=0", NULL);
	for (i = 0; i < sizeof scores / sizeof scores[0]; i++) {
		char s[16], at[32];
		snprintf(s, sizeof s, "score=%s", scores[i]);
		snprintf(at, sizeof at, "2026-04-02T00:00:%02zuZ", i);
		fx_event(m, "N", at, "rated", s, NULL);
	}
	r = fx_compute(m, "2026-04", "2026-04");
	P = fx_period(r, 0, "2026-04");
	/* 5 in scale: 2 promoters, 2 detractors: 40 % - 40 % = 0. */
	cr_expect_eq(P->rated, 5);
	cr_expect_float_eq(P->satisfaction, 0.0, 1e-9);
	kpi_report_free(r);
	/* CSAT on the same model: 1-5, share of scores >= 4. */
	a = &m->agreements[0];
	a->satisfaction_scale = SCALE_CSAT;
	r = kpi_compute(m, fx_ym("2026-04"), fx_ym("2026-04"));
	P = fx_period(r, 0, "2026-04");
	/* In 1-5: none of 10, 9, 8, 6, 0, 11, -1. */
	cr_expect_eq(P->rated, 0);
	cr_expect(isnan(P->satisfaction));
	kpi_report_free(r);
	model_free(m);

	m = simple_model();
	a = &m->agreements[0];
	a->has_satisfaction = true;
	a->satisfaction_scale = SCALE_CSAT;
	fx_event(m, "C", "2026-04-01T00:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "C", "2026-04-02T00:00:00Z", "rated", "score=5", NULL);
	fx_event(m, "C", "2026-04-02T00:00:01Z", "rated", "score=4", NULL);
	fx_event(m, "C", "2026-04-02T00:00:02Z", "rated", "score=3", NULL);
	fx_event(m, "C", "2026-04-02T00:00:03Z", "rated", "score=6", NULL);
	fx_event(m, "C", "2026-04-02T00:00:04Z", "rated", "score=1", NULL);
	r = fx_compute(m, "2026-04", "2026-04");
	P = fx_period(r, 0, "2026-04");
	cr_expect_eq(P->rated, 4);
	cr_expect_float_eq(P->satisfaction, 50.0, 1e-9);
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_figures, volume_by_count_and_by_value)
{
	struct model *m = simple_model();
	struct agreement *a = &m->agreements[0];
	struct kpi_report *r;

	a->has_volume = true;
	a->volume_metric = VOLUME_VALUE;
	a->volume_min = 1000;
	fx_event(m, "V1", "2026-04-03T00:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", "value=600.5", NULL);
	fx_event(m, "V2", "2026-04-04T00:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", "value=400", NULL);
	fx_event(m, "V3", "2026-04-05T00:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "V4", "2026-05-05T00:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", "value=5000", NULL);
	r = fx_compute(m, "2026-04", "2026-04");
	cr_expect_float_eq(fx_period(r, 0, "2026-04")->volume_actual, 1000.5, 1e-9);
	cr_expect(fx_period(r, 0, "2026-04")->volume_met);
	cr_expect_eq(fx_row(r, 0, "2026-04", 0)->backlog, 3);
	kpi_report_free(r);
	m->agreements[0].volume_metric = VOLUME_COUNT;
	r = kpi_compute(m, fx_ym("2026-04"), fx_ym("2026-04"));
	cr_expect_float_eq(fx_period(r, 0, "2026-04")->volume_actual, 3, 1e-9);
	cr_expect(!fx_period(r, 0, "2026-04")->volume_met);
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_figures, reassignments_and_reopen_rate)
{
	struct model *m = simple_model();
	struct kpi_report *r;
	const struct kpi_period *P;

	/* A: two team changes (the repeat to "net" is none), resolved. */
	fx_event(m, "A", "2026-04-01T00:00:00Z", "opened", "team=desk", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "A", "2026-04-01T01:00:00Z", "assigned", "team=net", NULL);
	fx_event(m, "A", "2026-04-01T02:00:00Z", "assigned", "team=net", NULL);
	fx_event(m, "A", "2026-04-01T03:00:00Z", "assigned", "team=desk", NULL);
	fx_event(m, "A", "2026-04-01T04:00:00Z", "resolved", NULL);
	fx_event(m, "A", "2026-04-01T05:00:00Z", "reopened", NULL);
	fx_event(m, "A", "2026-04-01T06:00:00Z", "resolved", NULL);
	/* B: no change, resolved. C: one change, still open (not counted). */
	fx_event(m, "B", "2026-04-01T00:00:00Z", "opened", "team=desk", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "B", "2026-04-01T01:00:00Z", "resolved", NULL);
	fx_event(m, "C", "2026-04-01T00:00:00Z", "opened", "team=desk", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "C", "2026-04-01T01:00:00Z", "assigned", "team=net", NULL);
	r = fx_compute(m, "2026-04", "2026-04");
	P = fx_period(r, 0, "2026-04");
	cr_expect_float_eq(P->mean_reassignments, 1.0, 1e-12);	/* (2 + 0) / 2 */
	cr_expect_float_eq(P->reopen_rate, 1.0 / 3.0, 1e-12);	/* 1 reopened / 3 resolved */
	cr_expect_eq(P->resolved_events, 3);
	cr_expect_eq(P->rows[0].resolved, 2);
	cr_expect_eq(P->rows[0].backlog, 1);
	kpi_report_free(r);
	model_free(m);
}

/* SLA "it" round the clock (8h), OLA "net" of team network: 2h budget. */
static struct model *
ola_model(void)
{
	struct model *m = fx_model("UTC");
	struct agreement *a = fx_agreement(m, "it", AGREEMENT_SLA, "UTC");

	fx_match(a, "requester", "sales");
	fx_severity(a, "1", "Critical", -1, 8 * H, 95);
	a = fx_agreement(m, "net", AGREEMENT_OLA, "UTC");
	fx_supports(a, "network", "it", 0);
	fx_severity(a, "1", "P1", -1, 2 * H, 90);
	return m;
}

Test(kpi_figures, ola_clock_follows_the_team)
{
	struct model *m = ola_model();
	struct kpi_report *r;
	const struct kpi_row *ola, *sla;
	const struct kpi_period *P;

	/* Network holds 10-11 (1h) and from 12 on: 2h exceeded at 13:00:01,
	 * the item resolved at 13:30 (T clock 2.5h, SLA clock 4.5h). */
	fx_event(m, "H", "2026-05-04T09:00:00Z", "opened", "team=desk", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "H", "2026-05-04T10:00:00Z", "assigned", "team=network", NULL);
	fx_event(m, "H", "2026-05-04T11:00:00Z", "assigned", "team=desk", NULL);
	fx_event(m, "H", "2026-05-04T12:00:00Z", "assigned", "team=network", NULL);
	fx_event(m, "H", "2026-05-04T13:30:00Z", "resolved", NULL);
	/* Never held by network: not the OLA's. */
	fx_event(m, "N", "2026-05-04T09:00:00Z", "opened", "team=desk", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "N", "2026-05-04T10:00:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-05", "2026-05");
	ola = fx_row(r, 1, "2026-05", 0);
	sla = fx_row(r, 0, "2026-05", 0);
	cr_expect_eq(sla->opened, 2);
	cr_expect_eq(sla->resolution.met, 2);
	cr_expect_eq(ola->opened, 1);
	cr_expect_eq(ola->resolved, 1);
	cr_expect_eq(ola->resolution.met, 0);
	cr_expect_eq(ola->resolution.breached, 1);
	cr_expect_eq(ola->resolution.median_s, 2 * H + 30 * M);
	cr_expect_eq(ola->response.met + ola->response.breached, 0);
	cr_expect(isnan(ola->response.goal));
	P = fx_period(r, 1, "2026-05");
	cr_assert_eq(P->nbreaches, 1);
	cr_expect_eq(P->breaches[0].at, fx_at("2026-05-04T13:00:01Z"));
	cr_expect_str_eq(strtab_get(m->strings, P->breaches[0].team), "network");
	cr_expect_eq(P->breaches[0].clock, KPI_RESOLUTION);
	/* The hand-off shows as a gap in the team's timeline. */
	cr_assert_eq(P->breaches[0].nseg, 3);
	cr_expect_eq(P->breaches[0].seg[1].state, KPI_SEG_ENDED);
	/* H changed team three times. */
	cr_expect_float_eq(P->mean_reassignments, 3.0, 1e-12);
	cr_expect_float_eq(fx_period(r, 0, "2026-05")->mean_reassignments, 1.5, 1e-12);
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_figures, ola_hand_off_ends_the_team_clock)
{
	struct model *m = ola_model();
	struct kpi_report *r;

	/* Network holds across the month end (backlog in May), hands off in
	 * June after 1h: ended, met. The item stays open under the SLA. */
	fx_event(m, "E", "2026-05-31T23:30:00Z", "opened", "team=network", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "E", "2026-06-01T00:30:00Z", "assigned", "team=desk", NULL);
	r = fx_compute(m, "2026-05", "2026-06");
	cr_expect_eq(fx_row(r, 1, "2026-05", 0)->opened, 1);
	cr_expect_eq(fx_row(r, 1, "2026-05", 0)->backlog, 1);
	cr_expect_eq(fx_row(r, 1, "2026-06", 0)->backlog, 0);
	cr_expect_eq(fx_row(r, 1, "2026-06", 0)->resolved, 1);
	cr_expect_eq(fx_row(r, 1, "2026-06", 0)->resolution.met, 1);
	cr_expect_eq(fx_row(r, 1, "2026-06", 0)->resolution.median_s, 1 * H);
	cr_expect_eq(fx_row(r, 0, "2026-06", 0)->backlog, 1);
	cr_expect_eq(fx_row(r, 0, "2026-06", 0)->resolved, 0);
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_figures, ola_clock_revives_on_reopen_while_held)
{
	struct model *m = ola_model();
	struct kpi_report *r;

	/* Network resolves after 1h, reopened 1h later while it still holds
	 * the item, resolves again after 30m: 1.5h. */
	fx_event(m, "O", "2026-05-04T09:00:00Z", "opened", "team=network", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "O", "2026-05-04T10:00:00Z", "resolved", NULL);
	fx_event(m, "O", "2026-05-04T11:00:00Z", "reopened", NULL);
	fx_event(m, "O", "2026-05-04T11:30:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-05", "2026-05");
	cr_expect_eq(fx_row(r, 1, "2026-05", 0)->resolved, 1);
	cr_expect_eq(fx_row(r, 1, "2026-05", 0)->resolution.median_s, 1 * H + 30 * M);
	cr_expect_float_eq(fx_period(r, 1, "2026-05")->reopen_rate, 0.5, 1e-12);
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_figures, every_severity_listed_with_zeros)
{
	struct model *m = simple_model();
	struct kpi_report *r;
	const struct kpi_row *row;

	fx_severity(&m->agreements[0], "Low", "Low", 2 * H, -1, NAN);
	fx_event(m, "A", "2026-04-01T00:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", NULL);
	r = fx_compute(m, "2026-04", "2026-05");
	cr_expect_eq(fx_period(r, 0, "2026-05")->nrows, 3);
	row = fx_row(r, 0, "2026-05", 1);
	cr_expect_eq(row->opened + row->resolved + row->backlog, 0);
	cr_expect(isnan(row->resolution.attainment));
	cr_expect_eq(row->resolution.goal_met, -1);
	cr_expect_eq(row->resolution.median_s, -1);
	cr_expect_eq(fx_row(r, 0, "2026-05", -1)->backlog, 1);
	cr_expect(isnan(fx_row(r, 0, "2026-05", -1)->resolution.goal));
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_figures, ola_named_directly_and_severity_by_the_slas_key)
{
	struct model *m = ola_model();
	struct kpi_report *r;

	/* "Critical" is the SLA's name of key 1, which the OLA calls "P1". */
	fx_event(m, "S", "2026-05-04T09:00:00Z", "opened", "team=network",
	    "severity=Critical", "requester=sales", NULL);
	fx_event(m, "S", "2026-05-04T10:00:00Z", "resolved", NULL);
	/* Names the OLA itself: the team's clock only, no SLA. */
	fx_event(m, "D", "2026-05-04T09:00:00Z", "opened", "team=desk", "severity=1",
	    "agreement=net", NULL);
	fx_event(m, "D", "2026-05-04T09:30:00Z", "assigned", "team=network", NULL);
	fx_event(m, "D", "2026-05-04T12:00:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-05", "2026-05");
	cr_expect_eq(fx_row(r, 0, "2026-05", 0)->opened, 1);
	cr_expect_eq(fx_row(r, 1, "2026-05", 0)->opened, 2);
	cr_expect_eq(fx_row(r, 1, "2026-05", 0)->resolution.met, 1);
	cr_expect_eq(fx_row(r, 1, "2026-05", 0)->resolution.breached, 1);	/* 2.5h > 2h */
	cr_expect_eq(fx_period(r, 1, "2026-05")->breaches[0].at, fx_at("2026-05-04T11:30:01Z"));
	cr_expect_eq(r->quality.items_unassigned, 0);
	kpi_report_free(r);
	model_free(m);
}
