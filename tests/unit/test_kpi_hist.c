/* test_kpi_hist.c: the resolution-time histogram kpis.json carries for the
 * distribution chart (suite kpi_hist). */
#include <stdio.h>
#include <cJSON.h>
#include "test_kpi_fixture.h"

/* Item n opened 2026-04-01 00:00 UTC, resolved secs later. */
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

Test(kpi_hist, tenths_of_the_target)
{
	struct model *m = fx_model("UTC");
	struct agreement *a = fx_agreement(m, "sla", AGREEMENT_SLA, "UTC");
	struct kpi_report *r;
	const struct kpi_row *row;
	cJSON *root, *res, *tot;

	fx_match(a, "requester", "sales");
	fx_severity(a, "1", "Critical", -1, 4 * H, 95);
	resolved_after(m, 1, 0);		/* bin 0 */
	resolved_after(m, 2, 24 * M);		/* exactly 10 %: bin 0 (right-closed) */
	resolved_after(m, 3, 24 * M + 1);	/* just past 10 %: bin 1 */
	resolved_after(m, 4, 2 * H);		/* 50 %: bin 4 */
	resolved_after(m, 5, 4 * H);		/* at the target, met: bin 9 */
	resolved_after(m, 6, 4 * H + 1);	/* one second late: bin 10 */
	resolved_after(m, 7, 8 * H);		/* 200 %: bin 19 */
	resolved_after(m, 8, 8 * H + 1);	/* beyond 200 %: bin 20 */
	resolved_after(m, 9, 100 * H);		/* far beyond: bin 20 */
	r = fx_compute(m, "2026-04", "2026-04");
	row = fx_row(r, 0, "2026-04", 0);
	cr_expect_eq(row->resolution.hist[0], 2);
	cr_expect_eq(row->resolution.hist[1], 1);
	cr_expect_eq(row->resolution.hist[4], 1);
	cr_expect_eq(row->resolution.hist[9], 1);
	cr_expect_eq(row->resolution.hist[10], 1);
	cr_expect_eq(row->resolution.hist[19], 1);
	cr_expect_eq(row->resolution.hist[20], 2);
	/* Within target (bins 0-9) = the clocks that ended at or before it. */
	uint32_t within = 0;
	for (int i = 0; i < 10; i++)
		within += row->resolution.hist[i];
	cr_expect_eq(within, 5);

	root = kpi_report_json(r, m);
	res = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(
	    cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(root, "agreements"), 0),
	    "periods"), 0), "severities"), 0), "resolution");
	cr_expect_eq(cJSON_GetArraySize(cJSON_GetObjectItem(res, "hist")), KPI_HIST_BINS);
	cr_expect_eq(cJSON_GetArrayItem(cJSON_GetObjectItem(res, "hist"), 20)->valueint, 2);
	/* The pooled total has no target, hence no histogram; nor has response. */
	tot = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(
	    cJSON_GetObjectItem(root, "agreements"), 0), "periods"), 0), "total");
	cr_expect_null(cJSON_GetObjectItem(cJSON_GetObjectItem(tot, "resolution"), "hist"));
	cr_expect_null(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(
	    cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(
	    cJSON_GetObjectItem(root, "agreements"), 0), "periods"), 0), "severities"), 0),
	    "response"), "hist"));
	cJSON_Delete(root);
	kpi_report_free(r);
	model_free(m);
}
