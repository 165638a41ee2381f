/* fuzz_frontmatter.c: agreement file bytes → frontmatter_parse_agreement (front
 * matter cut, libyaml, schema, durations, calendars, Markdown body), then the
 * cross-agreement checks, and — when the agreement is valid — the KPI engine
 * over a fixed handful of events, so that odd calendars and targets reach the
 * clocks. */
#include "fuzz.h"
#include <cJSON.h>
#include "diag.h"
#include "events.h"
#include "frontmatter.h"
#include "items.h"
#include "kpi.h"
#include "model.h"

/* Items that open under severities 1, 2 and "Critical", pause, change
 * severity, reopen: every clock path, in a DST month of Europe/Berlin. */
static const char events_text[] =
"{\"id\":\"A\",\"at\":\"2026-03-27T17:59:00\",\"type\":\"opened\",\"team\":\"t\",\"severity\":1,\"requester\":\"r\"}\n"
"{\"id\":\"A\",\"at\":\"2026-03-28T09:00:00\",\"type\":\"paused\"}\n"
"{\"id\":\"A\",\"at\":\"2026-03-30T09:00:00\",\"type\":\"resumed\"}\n"
"{\"id\":\"A\",\"at\":\"2026-03-30T10:00:00\",\"type\":\"severity_changed\",\"severity\":2}\n"
"{\"id\":\"A\",\"at\":\"2026-03-31T10:00:00\",\"type\":\"resolved\"}\n"
"{\"id\":\"A\",\"at\":\"2026-04-02T10:00:00\",\"type\":\"reopened\"}\n"
"{\"id\":\"A\",\"at\":\"2026-04-03T10:00:00\",\"type\":\"closed\"}\n"
"{\"id\":\"B\",\"at\":\"2026-03-01T00:00:00Z\",\"type\":\"opened\",\"team\":\"u\",\"severity\":\"Critical\",\"agreement\":\"a\",\"value\":5}\n"
"{\"id\":\"B\",\"at\":\"2026-03-02T00:00:00Z\",\"type\":\"assigned\",\"team\":\"t\"}\n"
"{\"id\":\"B\",\"at\":\"2026-03-05T00:00:00Z\",\"type\":\"responded\"}\n"
"{\"id\":\"B\",\"at\":\"2026-03-06T00:00:00Z\",\"type\":\"rated\",\"score\":9}\n"
"{\"id\":\"C\",\"at\":\"2026-02-27T23:00:00Z\",\"type\":\"opened\",\"team\":\"t\",\"severity\":2,\"requester\":\"r\"}\n"
"{\"id\":\"C\",\"at\":\"2026-05-01T00:00:00Z\",\"type\":\"note\"}\n";

static const char sla_text[] =
"---\nid: a\ntitle: A\nkind: sla\nprovider: t\nseverities:\n  1: {response: 1h, resolution: 4h}\n---\n";

/* The site and the fixed SLA are parsed once: loading their time zones costs
 * more than a run. Each run borrows them (shallow copies, never freed here). */
static struct site site;
static struct agreement sla;

static void
setup(void)
{
	static int done;
	struct diag *d;

	if (done++)
		return;
	d = diag_new();
	frontmatter_parse_site(&site, "site.yml", "timezone: Europe/Berlin\n", 24, d);
	frontmatter_parse_agreement(&sla, "agreements/z.md", sla_text, sizeof sla_text - 1,
	    &site, d);
	diag_free(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct model *m;
	int errors, fd;
	char path[64];
	size_t i;

	setup();
	m = model_new("fuzz");
	m->site = site;
	/* Two agreements: the fuzzed one (an OLA may support "a") and a fixed SLA. */
	m->agreements = xcalloc(2, sizeof *m->agreements);
	errors = frontmatter_parse_agreement(&m->agreements[0], "agreements/x.md",
	    (const char *)data, size, &m->site, m->diag);
	m->agreements[1] = sla;
	m->nagreements = 2;
	errors += frontmatter_link_agreements(m->agreements, 2, m->diag);
	if (errors == 0 && (fd = fuzz_memfile((const uint8_t *)events_text,
	    sizeof events_text - 1, path)) >= 0) {
		struct kpi_report *r;
		cJSON *json;

		events_load_file(m, "events/e.ndjson", path);
		close(fd);
		model_sort_events(m);
		items_check(m);
		r = kpi_compute(m, -1, -1);
		json = kpi_report_json(r, m);
		free(cJSON_PrintUnformatted(json));
		cJSON_Delete(json);
		kpi_report_free(r);
	}
	for (i = 0; i < diag_len(m->diag); i++)
		free(diag_format(diag_get(m->diag, i)));
	/* Only the fuzzed agreement is this run's to free. */
	agreement_free(&m->agreements[0]);
	free(m->agreements);
	m->agreements = NULL;
	m->nagreements = 0;
	memset(&m->site, 0, sizeof m->site);
	model_free(m);
	return 0;
}
