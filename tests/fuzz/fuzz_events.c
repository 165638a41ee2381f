/* fuzz_events.c: event file bytes → events_load_file as JSON (array, wrapper
 * object, single object) and as NDJSON, then sorting, the item checks and the
 * KPI engine under two fixed agreements, so that any event the reader accepts
 * is also computed and rendered to kpis.json. */
#include "fuzz.h"
#include <cJSON.h>
#include "diag.h"
#include "events.h"
#include "frontmatter.h"
#include "items.h"
#include "kpi.h"
#include "model.h"

static const char sla_text[] =
"---\nid: desk\ntitle: Desk\nkind: sla\nprovider: desk\ntimezone: Europe/Berlin\n"
"calendar:\n  hours: {mon-fri: \"08:00-12:00,13:00-18:00\"}\n  holidays: [2026-03-03]\n"
"match: {requester: sales}\n"
"severities:\n  1: {name: Critical, response: 15m, resolution: 4h, goal: 100, calendar: 24x7}\n"
"  2: {response: 1h, resolution: 1d, goal: 95}\n"
"volume: {metric: value, min: 10}\nsatisfaction: {scale: nps, min: 30}\n"
"credits: {fee: 100, currency: EUR, tiers: [{below: 95, percent: 5}]}\n---\n# Desk\n";
static const char ola_text[] =
"---\nid: net\ntitle: Net\nkind: ola\nprovider: net\nsupports: desk\n"
"severities:\n  1: {resolution: 2h}\n  2: {resolution: 6h}\n---\n";

static void
load_agreements(struct model *m)
{
	frontmatter_parse_site(&m->site, "site.yml", "timezone: America/New_York\n", 27,
	    m->diag);
	m->agreements = xcalloc(2, sizeof *m->agreements);
	frontmatter_parse_agreement(&m->agreements[0], "agreements/desk.md", sla_text,
	    sizeof sla_text - 1, &m->site, m->diag);
	frontmatter_parse_agreement(&m->agreements[1], "agreements/net.md", ola_text,
	    sizeof ola_text - 1, &m->site, m->diag);
	m->nagreements = 2;
	frontmatter_link_agreements(m->agreements, 2, m->diag);
}

/* The model with its agreements is made once: loading time zones costs far
 * more than a run. Each run starts from empty events, strings and problems. */
static struct model *
fresh_model(void)
{
	static struct model *m;

	if (m == NULL) {
		m = model_new("fuzz");
		load_agreements(m);
	}
	strtab_free(m->strings);
	m->strings = strtab_new();
	diag_free(m->diag);
	m->diag = diag_new();
	free(m->events);
	m->events = NULL;
	m->nevents = m->capevents = 0;
	memset(&m->quality, 0, sizeof m->quality);
	return m;
}

static void
run(const char *path, const char *relpath)
{
	struct model *m = fresh_model();
	struct kpi_report *r;
	cJSON *json;
	int to;
	size_t i;

	events_load_file(m, relpath, path);
	model_sort_events(m);
	items_check(m);
	/* Every month from the first event's: bounded (years 1970-2199), but a
	 * span of decades makes each run slow, so long spans get the last month. */
	to = kpi_default_period(m);
	if (to >= 0 && to - kpi_first_month(m) > 12)
		r = kpi_compute(m, to, to);
	else
		r = kpi_compute(m, -1, -1);
	json = kpi_report_json(r, m);
	free(cJSON_PrintUnformatted(json));
	cJSON_Delete(json);
	kpi_report_free(r);
	for (i = 0; i < diag_len(m->diag); i++)
		free(diag_format(diag_get(m->diag, i)));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	int fd = fuzz_memfile(data, size, path);

	if (fd < 0)
		return 0;
	/* The file name's suffix chooses the reader. */
	run(path, "events/e.json");
	run(path, "events/e.ndjson");
	close(fd);
	return 0;
}
