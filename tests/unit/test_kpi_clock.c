/* test_kpi_clock.c: clock rules of SPEC §5 on hand-computed cases (suite kpi_clock). */
#include "test_kpi_fixture.h"

/* IT desk, UTC, mon-fri 08:00-18:00, severity 2: response 1h, resolution 8h. */
static struct model *
weekday_model(void)
{
	struct model *m = fx_model("UTC");
	struct agreement *a = fx_agreement(m, "desk", AGREEMENT_SLA, "UTC");

	fx_hours(&a->calendar, a->zone, 0, 4, 8 * 60, 18 * 60);
	fx_match(a, "requester", "sales");
	fx_severity(a, "2", "High", 1 * H, 8 * H, 95);
	return m;
}

Test(kpi_clock, weekend_is_outside_working_hours)
{
	struct model *m = weekday_model();
	struct kpi_report *r;
	const struct kpi_row *row;
	const struct kpi_period *P;
	const struct kpi_breach *b;

	/* 2026-01-09 is a Friday. A: response 30m; resolution Fri 16-18 (2h)
	 * + Mon 08-12 (4h) = 6h, met. */
	fx_event(m, "A", "2026-01-09T16:00:00Z", "opened", "team=desk", "severity=2",
	    "requester=sales", NULL);
	fx_event(m, "A", "2026-01-09T16:30:00Z", "responded", NULL);
	fx_event(m, "A", "2026-01-12T12:00:00Z", "resolved", NULL);
	/* B: response Fri 17:30-18:00 (30m) + Mon from 08:00; it exceeds 1h at
	 * 3601 s: Mon 08:00 + 1801 s = 08:30:01. Resolution 0.5h + 7h = 7.5h. */
	fx_event(m, "B", "2026-01-09T17:30:00Z", "opened", "team=desk", "severity=2",
	    "requester=sales", "title=Printer", NULL);
	fx_event(m, "B", "2026-01-12T09:00:00Z", "responded", NULL);
	fx_event(m, "B", "2026-01-12T15:00:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-01", "2026-01");
	row = fx_row(r, 0, "2026-01", 0);
	cr_expect_eq(row->opened, 2);
	cr_expect_eq(row->resolved, 2);
	cr_expect_eq(row->backlog, 0);
	cr_expect_eq(row->response.met, 1);
	cr_expect_eq(row->response.breached, 1);
	cr_expect_float_eq(row->response.attainment, 50.0, 1e-9);
	cr_expect_eq(row->response.goal_met, 0);
	cr_expect_eq(row->response.median_s, 1800);	/* rank ceil(0.5*2) = 1 */
	cr_expect_eq(row->response.p90_s, 5400);	/* rank ceil(0.9*2) = 2 */
	cr_expect_eq(row->resolution.met, 2);
	cr_expect_eq(row->resolution.breached, 0);
	cr_expect_float_eq(row->resolution.attainment, 100.0, 1e-9);
	cr_expect_eq(row->resolution.goal_met, 1);
	cr_expect_eq(row->resolution.median_s, 6 * H);
	cr_expect_eq(row->resolution.p90_s, 7 * H + 30 * M);
	P = fx_period(r, 0, "2026-01");
	cr_assert_eq(P->nbreaches, 1);
	b = &P->breaches[0];
	cr_expect_str_eq(b->id, "B");
	cr_expect_eq(b->clock, KPI_RESPONSE);
	cr_expect_eq(b->at, fx_at("2026-01-12T08:30:01Z"));
	cr_expect_str_eq(strtab_get(m->strings, b->team), "desk");
	cr_expect_str_eq(strtab_get(m->strings, b->title), "Printer");
	/* Why: 30 min running, the weekend outside, then running again. */
	cr_assert_eq(b->nseg, 3);
	cr_expect_eq(b->seg[0].state, KPI_SEG_RUNNING);
	cr_expect_eq(b->seg[0].from, fx_at("2026-01-09T17:30:00Z"));
	cr_expect_eq(b->seg[0].to, fx_at("2026-01-09T18:00:00Z"));
	cr_expect_eq(b->seg[1].state, KPI_SEG_OUTSIDE);
	cr_expect_eq(b->seg[1].to, fx_at("2026-01-12T08:00:00Z"));
	cr_expect_eq(b->seg[2].state, KPI_SEG_RUNNING);
	cr_expect_eq(b->seg[2].to, fx_at("2026-01-12T08:30:01Z"));
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_clock, holiday_is_outside_working_hours)
{
	struct model *m = weekday_model();
	struct kpi_report *r;

	/* Monday 2026-01-12 a holiday: 16:00 Fri -> Tue 12:00 is 2h + 4h. */
	fx_holiday(&m->agreements[0].calendar, 2026, 1, 12);
	fx_event(m, "A", "2026-01-09T16:00:00Z", "opened", "team=desk", "severity=2",
	    "requester=sales", NULL);
	fx_event(m, "A", "2026-01-13T12:00:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-01", "2026-01");
	cr_expect_eq(fx_row(r, 0, "2026-01", 0)->resolution.median_s, 6 * H);
	/* The response clock ran 2h + 4h too (ended by resolved): breached at
	 * Fri 16:00 + 3601 working seconds = Fri 17:00:01. */
	cr_expect_eq(fx_row(r, 0, "2026-01", 0)->response.breached, 1);
	cr_expect_eq(fx_period(r, 0, "2026-01")->breaches[0].at, fx_at("2026-01-09T17:00:01Z"));
	kpi_report_free(r);
	model_free(m);
}

/* Round the clock, severity 1: no response target, resolution 4h. */
static struct model *
round_clock_model(void)
{
	struct model *m = fx_model("UTC");
	struct agreement *a = fx_agreement(m, "ops", AGREEMENT_SLA, "UTC");

	fx_match(a, "requester", "sales");
	fx_severity(a, "1", "Critical", -1, 4 * H, 100);
	fx_severity(a, "3", "Normal", -1, 8 * H, 90);
	return m;
}

Test(kpi_clock, pause_suspends_the_clock)
{
	struct model *m = round_clock_model();
	struct kpi_report *r;
	const struct kpi_row *row;
	const struct kpi_breach *b;

	/* P1: 1h, paused 4h, 2h: 3h, met. */
	fx_event(m, "P1", "2026-02-02T10:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "P1", "2026-02-02T11:00:00Z", "paused", NULL);
	fx_event(m, "P1", "2026-02-02T15:00:00Z", "resumed", NULL);
	fx_event(m, "P1", "2026-02-02T17:00:00Z", "resolved", NULL);
	/* P2: 2h, paused 1h, then 4h is exceeded at 13:00 + 7201 s = 15:00:01. */
	fx_event(m, "P2", "2026-02-02T10:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "P2", "2026-02-02T12:00:00Z", "paused", NULL);
	fx_event(m, "P2", "2026-02-02T13:00:00Z", "resumed", NULL);
	fx_event(m, "P2", "2026-02-02T15:30:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-02", "2026-02");
	row = fx_row(r, 0, "2026-02", 0);
	cr_expect_eq(row->resolution.met, 1);
	cr_expect_eq(row->resolution.breached, 1);
	cr_expect_eq(row->resolution.median_s, 3 * H);	/* [3h, 4.5h] */
	cr_expect_eq(row->resolution.p90_s, 4 * H + 30 * M);
	/* No response target: never breaches, both met. */
	cr_expect_eq(row->response.met, 2);
	cr_expect_eq(row->response.breached, 0);
	cr_assert_eq(fx_period(r, 0, "2026-02")->nbreaches, 1);
	b = &fx_period(r, 0, "2026-02")->breaches[0];
	cr_expect_eq(b->at, fx_at("2026-02-02T15:00:01Z"));
	cr_assert_eq(b->nseg, 3);
	cr_expect_eq(b->seg[1].state, KPI_SEG_PAUSED);
	cr_expect_eq(b->seg[1].from, fx_at("2026-02-02T12:00:00Z"));
	cr_expect_eq(b->seg[1].to, fx_at("2026-02-02T13:00:00Z"));
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_clock, ending_exactly_at_the_target_is_met)
{
	struct model *m = round_clock_model();
	struct kpi_report *r;
	const struct kpi_row *row;

	fx_event(m, "X", "2026-02-03T00:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "X", "2026-02-03T04:00:00Z", "resolved", NULL);
	/* One second more: 14401 > 14400, breached at the resolving instant. */
	fx_event(m, "Y", "2026-02-03T00:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "Y", "2026-02-03T04:00:01Z", "resolved", NULL);
	r = fx_compute(m, "2026-02", "2026-02");
	row = fx_row(r, 0, "2026-02", 0);
	cr_expect_eq(row->resolution.met, 1);
	cr_expect_eq(row->resolution.breached, 1);
	cr_expect_eq(row->resolved, 2);
	cr_expect_eq(fx_period(r, 0, "2026-02")->breaches[0].at, fx_at("2026-02-03T04:00:01Z"));
	cr_expect_str_eq(fx_period(r, 0, "2026-02")->breaches[0].id, "Y");
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_clock, reopen_across_months)
{
	struct model *m = round_clock_model();
	struct kpi_report *r;
	const struct kpi_row *jan, *feb;

	/* Met in January with 1h; reopened in February, 1h + 3h + 1s exceeds
	 * 4h at 13:00:01, resolved at 14:00 with 5h. */
	fx_event(m, "R", "2026-01-31T22:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "R", "2026-01-31T23:00:00Z", "resolved", NULL);
	fx_event(m, "R", "2026-02-01T10:00:00Z", "reopened", NULL);
	fx_event(m, "R", "2026-02-01T14:00:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-01", "2026-02");
	jan = fx_row(r, 0, "2026-01", 0);
	feb = fx_row(r, 0, "2026-02", 0);
	cr_expect_eq(jan->opened, 1);
	cr_expect_eq(jan->resolved, 1);
	cr_expect_eq(jan->resolution.met, 1);
	cr_expect_eq(jan->resolution.breached, 0);
	cr_expect_eq(jan->resolution.median_s, 1 * H);
	cr_expect_eq(feb->opened, 0);
	cr_expect_eq(feb->resolved, 1);
	cr_expect_eq(feb->resolution.met, 0);
	cr_expect_eq(feb->resolution.breached, 1);
	cr_expect_eq(feb->resolution.median_s, 5 * H);
	cr_expect_eq(fx_period(r, 0, "2026-02")->breaches[0].at, fx_at("2026-02-01T13:00:01Z"));
	cr_expect_float_eq(fx_period(r, 0, "2026-01")->reopen_rate, 0.0, 1e-12);
	cr_expect_float_eq(fx_period(r, 0, "2026-02")->reopen_rate, 1.0, 1e-12);
	/* The response clock ended in January and is never revived. */
	cr_expect_eq(jan->response.met, 1);
	cr_expect_eq(feb->response.met + feb->response.breached, 0);
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_clock, reopened_in_the_same_month_is_backlog_not_ended)
{
	struct model *m = round_clock_model();
	struct kpi_report *r;
	const struct kpi_row *jan, *feb;

	fx_event(m, "R", "2026-01-30T10:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "R", "2026-01-30T11:00:00Z", "resolved", NULL);
	fx_event(m, "R", "2026-01-31T23:59:59Z", "reopened", NULL);
	fx_event(m, "R", "2026-02-01T00:30:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-01", "2026-02");
	jan = fx_row(r, 0, "2026-01", 0);
	feb = fx_row(r, 0, "2026-02", 0);
	cr_expect_eq(jan->resolved, 0);
	cr_expect_eq(jan->backlog, 1);
	cr_expect_eq(jan->resolution.met + jan->resolution.breached, 0);
	/* 1h + 1s + 30m. */
	cr_expect_eq(feb->resolved, 1);
	cr_expect_eq(feb->resolution.met, 1);
	cr_expect_eq(feb->resolution.median_s, 1 * H + 30 * M + 1);
	cr_expect_eq(feb->backlog, 0);
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_clock, severity_raise_breaches_at_the_change)
{
	struct model *m = round_clock_model();
	struct kpi_report *r;
	const struct kpi_period *P;

	/* Normal (8h) for 5h, then Critical (4h): exceeded at the change. */
	fx_event(m, "S", "2026-03-02T00:00:00Z", "opened", "team=ops", "severity=3",
	    "requester=sales", NULL);
	fx_event(m, "S", "2026-03-02T05:00:00Z", "severity_changed", "severity=1", NULL);
	fx_event(m, "S", "2026-03-02T06:00:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-03", "2026-03");
	P = fx_period(r, 0, "2026-03");
	cr_expect_eq(fx_row(r, 0, "2026-03", 1)->opened, 1);	/* severity at opening */
	cr_expect_eq(fx_row(r, 0, "2026-03", 0)->opened, 0);
	cr_expect_eq(fx_row(r, 0, "2026-03", 0)->resolution.breached, 1);
	cr_expect_eq(fx_row(r, 0, "2026-03", 0)->resolved, 1);	/* severity at the end */
	cr_expect_eq(fx_row(r, 0, "2026-03", 0)->resolution.median_s, 6 * H);
	cr_expect_eq(fx_row(r, 0, "2026-03", 1)->resolution.breached, 0);
	cr_assert_eq(P->nbreaches, 1);
	cr_expect_eq(P->breaches[0].at, fx_at("2026-03-02T05:00:00Z"));
	cr_expect_eq(P->breaches[0].sev, 0);
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_clock, severity_lowered_in_the_second_after_the_excess)
{
	struct model *m = round_clock_model();
	struct kpi_report *r;

	/* Critical: 14401 s at 04:00:01 exceeds 4h in the second before the
	 * change to Normal, so it breached (under Critical) at 04:00:01. */
	fx_event(m, "L", "2026-03-02T00:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "L", "2026-03-02T04:00:01Z", "severity_changed", "severity=3", NULL);
	fx_event(m, "L", "2026-03-02T07:00:00Z", "resolved", NULL);
	/* Changed at exactly 4h: never exceeded 4h, then 7h of 8h: met. */
	fx_event(m, "K", "2026-03-02T00:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "K", "2026-03-02T04:00:00Z", "severity_changed", "severity=3", NULL);
	fx_event(m, "K", "2026-03-02T07:00:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-03", "2026-03");
	cr_expect_eq(fx_row(r, 0, "2026-03", 0)->resolution.breached, 1);
	cr_expect_eq(fx_row(r, 0, "2026-03", 1)->resolution.breached, 0);
	cr_expect_eq(fx_row(r, 0, "2026-03", 1)->resolution.met, 1);	/* K */
	cr_expect_eq(fx_row(r, 0, "2026-03", 1)->resolved, 2);
	cr_expect_eq(fx_period(r, 0, "2026-03")->breaches[0].at, fx_at("2026-03-02T04:00:01Z"));
	cr_expect_str_eq(fx_period(r, 0, "2026-03")->breaches[0].id, "L");
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_clock, severity_calendar_replaces_the_agreements)
{
	struct model *m = weekday_model();
	struct agreement *a = &m->agreements[0];
	struct severity *s = fx_severity(a, "1", "Critical", 15 * M, 4 * H, 100);
	struct kpi_report *r;

	s->has_calendar = true;
	s->calendar.always = true;
	/* Saturday: outside the agreement's hours, but Critical runs 24x7.
	 * Raised from 2 at 10:00 Saturday after 0 working seconds: response
	 * exceeds 15m at 10:15:01, resolution 4h at 14:00:01. */
	fx_event(m, "C", "2026-01-10T09:00:00Z", "opened", "team=desk", "severity=2",
	    "requester=sales", NULL);
	fx_event(m, "C", "2026-01-10T10:00:00Z", "severity_changed", "severity=1", NULL);
	fx_event(m, "C", "2026-01-10T15:00:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-01", "2026-01");
	cr_assert_eq(fx_period(r, 0, "2026-01")->nbreaches, 2);
	cr_expect_eq(fx_period(r, 0, "2026-01")->breaches[0].at, fx_at("2026-01-10T10:15:01Z"));
	cr_expect_eq(fx_period(r, 0, "2026-01")->breaches[0].clock, KPI_RESPONSE);
	cr_expect_eq(fx_period(r, 0, "2026-01")->breaches[1].at, fx_at("2026-01-10T14:00:01Z"));
	cr_expect_eq(fx_row(r, 0, "2026-01", 1)->resolution.median_s, 5 * H);
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_clock, paused_clock_is_live_and_a_later_change_can_breach)
{
	struct model *m = round_clock_model();
	struct kpi_report *r;

	/* 5h on Normal, paused over the month end (live: backlog), lowered to
	 * Critical while paused: exceeded at the change, in February. */
	fx_event(m, "Q", "2026-01-31T10:00:00Z", "opened", "team=ops", "severity=3",
	    "requester=sales", NULL);
	fx_event(m, "Q", "2026-01-31T15:00:00Z", "paused", NULL);
	fx_event(m, "Q", "2026-02-02T09:00:00Z", "severity_changed", "severity=1", NULL);
	fx_event(m, "Q", "2026-02-03T09:00:00Z", "closed", NULL);
	r = fx_compute(m, "2026-01", "2026-02");
	cr_expect_eq(fx_row(r, 0, "2026-01", 1)->backlog, 1);
	cr_expect_eq(fx_row(r, 0, "2026-01", -1)->resolved, 0);
	cr_expect_eq(fx_row(r, 0, "2026-02", 0)->resolution.breached, 1);
	cr_expect_eq(fx_period(r, 0, "2026-02")->breaches[0].at, fx_at("2026-02-02T09:00:00Z"));
	/* closed ends it (5h accumulated), but is no resolved event. */
	cr_expect_eq(fx_row(r, 0, "2026-02", 0)->resolved, 1);
	cr_expect_eq(fx_row(r, 0, "2026-02", 0)->resolution.median_s, 5 * H);
	cr_expect(isnan(fx_period(r, 0, "2026-02")->reopen_rate));
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_clock, a_report_reads_no_event_after_its_month)
{
	struct model *m = round_clock_model();
	struct kpi_report *r;

	/* Open at the end of January with 2h accumulated; resolved in March
	 * after breaching on 2026-02-01T02:00:01 (February). */
	fx_event(m, "T", "2026-01-31T22:00:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "T", "2026-03-01T10:00:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-01", "2026-02");
	cr_expect_eq(fx_row(r, 0, "2026-01", 0)->backlog, 1);
	cr_expect_eq(fx_row(r, 0, "2026-01", 0)->resolution.breached, 0);
	cr_expect_eq(fx_row(r, 0, "2026-02", 0)->backlog, 1);
	cr_expect_eq(fx_row(r, 0, "2026-02", 0)->resolution.breached, 1);
	cr_expect_eq(fx_row(r, 0, "2026-02", 0)->resolved, 0);
	cr_expect_eq(fx_period(r, 0, "2026-02")->breaches[0].at, fx_at("2026-02-01T02:00:01Z"));
	kpi_report_free(r);
	model_free(m);
}

Test(kpi_clock, months_in_the_agreements_zone)
{
	struct model *m = fx_model("Europe/Berlin");
	struct agreement *a = fx_agreement(m, "de", AGREEMENT_SLA, "Europe/Berlin");
	struct kpi_report *r;

	fx_match(a, "requester", "sales");
	fx_severity(a, "1", "Critical", -1, 4 * H, 100);
	/* 2026-01-31T23:30Z is 00:30 on 1 February in Berlin. */
	fx_event(m, "Z", "2026-01-31T23:30:00Z", "opened", "team=ops", "severity=1",
	    "requester=sales", NULL);
	fx_event(m, "Z", "2026-02-01T00:30:00Z", "resolved", NULL);
	r = fx_compute(m, "2026-01", "2026-02");
	cr_expect_eq(fx_row(r, 0, "2026-01", 0)->opened, 0);
	cr_expect_eq(fx_row(r, 0, "2026-02", 0)->opened, 1);
	cr_expect_eq(fx_period(r, 0, "2026-02")->start, fx_at("2026-01-31T23:00:00Z"));
	kpi_report_free(r);
	model_free(m);
}
