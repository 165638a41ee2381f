/* test_kpi_output.c: kpis.json shape and the CSV tables (suite kpi_output). */
#include <cJSON.h>
#include <stdio.h>
#include <unistd.h>
#include "test_kpi_fixture.h"

static struct model *
output_model(void)
{
	struct model *m = fx_model("UTC");
	struct agreement *a = fx_agreement(m, "it-desk", AGREEMENT_SLA, "UTC");

	fx_match(a, "requester", "sales");
	fx_severity(a, "1", "Critical", 15 * M, 4 * H, 100);
	fx_severity(a, "Low", "Low", -1, -1, NAN);
	a->has_credits = true;
	a->credit_fee = 1000;
	a->credit_currency = xstrdup("EUR");
	a->ntiers = 1;
	a->tiers = xcalloc(1, sizeof *a->tiers);
	a->tiers[0].below = 100;
	a->tiers[0].percent = 10;
	a = fx_agreement(m, "net", AGREEMENT_OLA, "UTC");
	fx_supports(a, "network", "it-desk", 0);
	fx_severity(a, "1", "P1", -1, 1 * H, 90);
	fx_event(m, "T-1", "2026-01-05T10:00:00Z", "opened", "team=desk", "severity=1",
	    "requester=sales", "title=VPN \"down\", again", NULL);
	fx_event(m, "T-1", "2026-01-05T10:10:00Z", "responded", NULL);
	fx_event(m, "T-1", "2026-01-05T14:00:01Z", "assigned", "team=network", NULL);
	fx_event(m, "T-1", "2026-01-05T15:00:00Z", "resolved", NULL);
	return m;
}

Test(kpi_output, json_shape)
{
	struct model *m = output_model();
	struct kpi_report *r = fx_compute(m, "2026-01", "2026-01");
	cJSON *root = kpi_report_json(r, m), *a, *p, *sev, *tot, *b, *dq;
	char *text;

	a = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "agreements"), 0);
	cr_assert_not_null(a);
	cr_expect_str_eq(cJSON_GetObjectItem(a, "id")->valuestring, "it-desk");
	cr_expect_str_eq(cJSON_GetObjectItem(a, "kind")->valuestring, "sla");
	p = cJSON_GetArrayItem(cJSON_GetObjectItem(a, "periods"), 0);
	cr_expect_str_eq(cJSON_GetObjectItem(p, "period")->valuestring, "2026-01");
	sev = cJSON_GetObjectItem(p, "severities");
	cr_assert_eq(cJSON_GetArraySize(sev), 2);
	cr_expect(cJSON_IsNumber(cJSON_GetObjectItem(cJSON_GetArrayItem(sev, 0), "severity")));
	cr_expect_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(sev, 0), "severity")->valueint, 1);
	cr_expect_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(sev, 1), "severity")->valuestring,
	    "Low");
	/* Resolution 5h > 4h: breached at 14:00:01; response 10 min met. */
	cr_expect_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(sev, 0),
	    "resolution"), "breached")->valueint, 1);
	cr_expect_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(sev, 0),
	    "response"), "median_s")->valueint, 600);
	tot = cJSON_GetObjectItem(p, "total");
	cr_expect(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetObjectItem(tot, "resolution"), "goal")));
	cr_expect(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetObjectItem(tot, "resolution"),
	    "goal_met")));
	cr_expect_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(tot, "resolution"),
	    "attainment")->valuedouble, 0);
	cr_expect(cJSON_IsNull(cJSON_GetObjectItem(p, "volume")));
	cr_expect(cJSON_IsNull(cJSON_GetObjectItem(p, "satisfaction")));
	cr_expect_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(p, "credit"), "amount")->valuedouble,
	    100);
	cr_expect_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(p, "credit"),
	    "currency")->valuestring, "EUR");
	cr_expect_eq(cJSON_GetObjectItem(p, "reopen_rate")->valuedouble, 0);
	cr_expect_eq(cJSON_GetObjectItem(p, "mean_reassignments")->valuedouble, 1);
	b = cJSON_GetArrayItem(cJSON_GetObjectItem(p, "breaches"), 0);
	cr_assert_not_null(b);
	cr_expect_str_eq(cJSON_GetObjectItem(b, "id")->valuestring, "T-1");
	cr_expect_str_eq(cJSON_GetObjectItem(b, "clock")->valuestring, "resolution");
	cr_expect_str_eq(cJSON_GetObjectItem(b, "at")->valuestring, "2026-01-05T14:00:01Z");
	/* The hand-off at the breach instant counts: "just after" it. */
	cr_expect_str_eq(cJSON_GetObjectItem(b, "team")->valuestring, "network");
	cr_expect_eq(cJSON_GetObjectItem(b, "severity")->valueint, 1);
	/* The OLA: T held it 14:00:01-15:00, 59m59s of 1h: met; no response clock. */
	a = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "agreements"), 1);
	p = cJSON_GetArrayItem(cJSON_GetObjectItem(a, "periods"), 0);
	tot = cJSON_GetObjectItem(p, "total");
	cr_expect_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(tot, "resolution"), "met")->valueint, 1);
	cr_expect_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(tot, "resolution"),
	    "median_s")->valueint, 3599);
	cr_expect(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetObjectItem(tot, "response"),
	    "attainment")));
	cr_expect(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetObjectItem(tot, "response"),
	    "median_s")));
	cr_expect(cJSON_IsNull(cJSON_GetObjectItem(p, "credit")));
	dq = cJSON_GetObjectItem(root, "data_quality");
	cr_expect_eq(cJSON_GetObjectItem(dq, "events_read")->valueint, 4);
	cr_expect(cJSON_IsArray(cJSON_GetObjectItem(dq, "problems")));
	text = cJSON_PrintUnformatted(root);
	cr_expect(strstr(text, "\"attainment\":0,") != NULL);
	free(text);
	cJSON_Delete(root);
	kpi_report_free(r);
	model_free(m);
}

static char *
slurp(const char *path)
{
	char *s = NULL;
	size_t n;

	cr_assert_eq(read_file(path, &s, &n), 0, "%s", path);
	return s;
}

Test(kpi_output, csv_tables)
{
	struct model *m = output_model();
	struct kpi_report *r = fx_compute(m, "2026-01", "2026-01");
	char dir[] = "/tmp/kpicsvXXXXXX", *path, *s;
	struct diag *d = diag_new();

	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(kpi_write_csv(r, m, dir, d), 0);
	path = xasprintf("%s/kpis.csv", dir);
	s = slurp(path);
	cr_expect(strncmp(s, "agreement,period,severity,opened,resolved,backlog,"
	    "response_met,response_breached,response_attainment,response_goal,"
	    "response_goal_met,response_median_s,response_p90_s,resolution_met,", 150) == 0);
	cr_expect(strstr(s, "\r\nit-desk,2026-01,1,1,1,0,1,0,100,100,true,600,600,0,1,0,100,"
	    "false,18000,18000\r\n") != NULL, "%s", s);
	cr_expect(strstr(s, "\r\nit-desk,2026-01,Low,0,0,0,0,0,,,,,,0,0,,,,,\r\n") != NULL);
	cr_expect(strstr(s, "\r\nnet,2026-01,total,1,1,0,0,0,,,,,,1,0,100,,,3599,3599\r\n") != NULL,
	    "%s", s);
	unlink(path);
	free(path);
	free(s);
	path = xasprintf("%s/breaches.csv", dir);
	s = slurp(path);
	cr_expect_str_eq(s, "agreement,period,id,title,severity,clock,at,team\r\n"
	    "it-desk,2026-01,T-1,\"VPN \"\"down\"\", again\",1,resolution,"
	    "2026-01-05T14:00:01Z,network\r\n");
	unlink(path);
	free(path);
	free(s);
	rmdir(dir);
	cr_expect_eq(kpi_write_csv(r, m, "/nonexistent/dir", d), -1);
	cr_expect_eq(diag_count(d, DIAG_ERROR), 1);
	diag_free(d);
	kpi_report_free(r);
	model_free(m);
}
