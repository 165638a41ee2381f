/* test_kpi_threads.c: the KPI engine on several threads gives the report of
 * one thread, byte for byte (suite kpi_threads). The demo company's data
 * (sample-data/, ~4,000 items: many replay blocks per thread). */
#include <criterion/criterion.h>
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>
#include "ingest.h"
#include "items.h"
#include "json_print.h"
#include "jsonarena.h"
#include "kpi.h"

static char *
report_text(const struct model *m, int nthreads)
{
	struct kpi_report *r = kpi_compute_threads(m, -1, -1, nthreads);
	cJSON *json = kpi_report_json(r, m);
	char *text = cJSON_PrintUnformatted(json);

	cJSON_Delete(json);
	kpi_report_free(r);
	return text;
}

Test(kpi_threads, same_report_for_every_thread_count)
{
	struct model *m = NULL;
	char *one, *other;
	int n;

	cr_assert_eq(ingest_load("sample-data", NULL, &m), INGEST_OK,
	    "run from the top folder: sample-data/ must load");
	items_check(m);
	cr_assert_gt(m->nevents, 10000, "too few events to spread over threads");
	one = report_text(m, 1);
	cr_assert_gt(strlen(one), 1000);
	for (n = 2; n <= 5; n++) {
		other = report_text(m, n);
		cr_assert_str_eq(other, one, "%d threads differ from one", n);
		free(other);
	}
	free(one);
	model_free(m);
}

/* kpis prints a tree whose months were printed apart, on threads, as raw text
 * (kpi_report_json_threads): the same bytes as printing the whole tree. */
Test(kpi_threads, months_printed_apart_print_the_same)
{
	struct model *m = NULL;
	struct kpi_report *r;
	struct kpi_json_build *b;
	struct strbuf whole = { 0 }, apart = { 0 };
	cJSON *tree, *root;

	cr_assert_eq(ingest_load("sample-data", NULL, &m), INGEST_OK);
	items_check(m);
	r = kpi_compute(m, -1, -1);
	tree = kpi_report_json(r, m);
	cr_assert_eq(json_print(&whole, tree), 0);
	cJSON_Delete(tree);
	jsonarena_begin();
	b = kpi_report_json_threads(r, m, &root);
	cr_assert_eq(json_print(&apart, root), 0);
	jsonarena_end();
	kpi_report_json_release(b);
	cr_assert_gt(whole.len, 10000);
	cr_assert_eq(apart.len, whole.len);
	cr_assert(memcmp(apart.data, whole.data, whole.len) == 0, "the texts differ");
	strbuf_free(&whole);
	strbuf_free(&apart);
	kpi_report_free(r);
	model_free(m);
}
