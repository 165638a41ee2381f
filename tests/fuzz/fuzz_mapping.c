/* fuzz_mapping.c: mapping file bytes → mapping_parse (libyaml, the schema, JSON
 * Pointers, maps, formats, zones) and — when the mapping is valid — both data
 * files below read through it (streamed to the `records` array, `each`, `..`,
 * snapshots), so that every mapping the loader accepts is also applied. */
#include "fuzz.h"
#include "mapping.h"
#include "model.h"
#include "tz.h"

/* One document holding the shapes of the shipped mappings' exports. */
static const char doc_text[] =
"{\"meta\": {\"n\": [1, {\"]\": \"}\"}]}, \"result\": [\n"
" {\"number\": \"INC1\", \"sys_updated_on\": \"2026-03-02 09:00:00\", \"opened_at\": \"2026-03-02 08:55:00\","
" \"incident_state\": \"New\", \"priority\": \"2 - High\", \"assignment_group\": \"Desk\"},\n"
" {\"number\": \"INC1\", \"sys_updated_on\": \"2026-03-02 10:00:00\", \"incident_state\": \"Resolved\","
" \"priority\": \"1 - Critical\", \"assignment_group\": null}],\n"
" \"issues\": [{\"key\": \"S-1\", \"fields\": {\"created\": \"2026-03-02T09:00:00.000+0100\","
" \"priority\": {\"name\": \"High\"}, \"assignee\": {\"displayName\": \"Ada\"}, \"issuetype\": {\"name\": \"Bug\"}},"
" \"changelog\": {\"histories\": [{\"created\": \"2026-03-02T10:00:00.000+0100\", \"items\": ["
"{\"field\": \"status\", \"fromString\": \"To Do\", \"toString\": \"Done\"},"
"{\"field\": \"assignee\", \"fromString\": \"Ada\", \"toString\": \"Grace\"}]}]}}],\n"
" \"audits\": [{\"ticket_id\": 7, \"created_at\": \"2026-03-03T08:00:00Z\", \"events\": ["
"{\"type\": \"Create\", \"field_name\": \"status\", \"value\": \"new\"},"
"{\"type\": \"Create\", \"field_name\": \"priority\", \"value\": null}]},"
" {\"ticket_id\": 7, \"created_at\": 1772528400, \"events\": [{\"type\": \"Change\", \"field_name\": \"status\","
" \"value\": \"solved\", \"previous_value\": \"new\"}]}]}\n";

/* JSON lines: a GitHub issue with its timeline, and canonical-looking records. */
static const char lines_text[] =
"{\"issue\": {\"number\": 7, \"created_at\": \"2026-03-04T10:00:00Z\", \"labels\": [{\"name\": \"P2\"}]},"
" \"timeline\": [{\"event\": \"commented\", \"author_association\": \"MEMBER\", \"created_at\": \"2026-03-04T11:00:00Z\"},"
" {\"event\": \"closed\", \"created_at\": \"2026-03-04T14:00:00Z\"}, {\"event\": \"committed\"}]}\n"
"{\"id\": \"A\", \"at\": \"2026-03-02T10:00:00\", \"type\": \"opened\", \"team\": \"t\", \"severity\": 1, \"value\": 3}\n"
"{\"id\": 2, \"at\": 1772445600123, \"type\": \"resolved\", \"state\": \"closed\", \"team\": [1]}\n"
"[1, \"x\", null, true]\n";

static void
read_through(struct mapping_run *r, const struct mapping *mp, const char *name,
    const char *text, size_t len)
{
	char path[64];
	int fd = fuzz_memfile((const uint8_t *)text, len, path);

	if (fd < 0)
		return;
	mapping_run_file(r, mp, name, path);
	close(fd);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tz *zone;
	struct diag *d = diag_new();
	struct mapping *mp = mapping_parse("m.json", (const char *)data, size, d);

	if (zone == NULL)
		zone = tz_load("Europe/Berlin");
	if (mp != NULL) {
		struct model *m = model_new("fuzz");
		struct mapping_run *r = mapping_run_new(m);
		size_t i;

		m->site.zone = zone;
		read_through(r, mp, "events/doc.json", doc_text, sizeof doc_text - 1);
		read_through(r, mp, "events/lines.jsonl", lines_text, sizeof lines_text - 1);
		mapping_run_finish(r);
		model_sort_events(m);
		for (i = 0; i < diag_len(m->diag); i++)
			free(diag_format(diag_get(m->diag, i)));
		m->site.zone = NULL;	/* shared across runs */
		model_free(m);
		mapping_free(mp);
	}
	diag_free(d);
	return 0;
}
