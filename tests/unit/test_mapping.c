/* test_mapping.c: mapping files checked with positions, and applied in both modes. */
#include <criterion/criterion.h>
#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mapping.h"
#include "tz.h"

static char tmpdir[64];

static void
setup(void)
{
	strcpy(tmpdir, "/tmp/slareport-mapping-XXXXXX");
	cr_assert_not_null(mkdtemp(tmpdir));
}

static void
teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(mapping, .init = setup, .fini = teardown);

/* Parses text; each diagnostic formatted, one per line, into *out (freed by caller). */
static struct mapping *
parse(const char *text, char **out)
{
	struct diag *d = diag_new();
	struct mapping *mp = mapping_parse("m.json", text, strlen(text), d);
	struct strbuf sb = {0};
	size_t i;

	strbuf_puts(&sb, "");
	for (i = 0; i < diag_len(d); i++) {
		char *s = diag_format(diag_get(d, i));
		strbuf_printf(&sb, "%s\n", s);
		free(s);
	}
	*out = strbuf_detach(&sb, NULL);
	diag_free(d);
	return mp;
}

static void
expect_errors(const char *text, const char *want)
{
	char *got;
	struct mapping *mp = parse(text, &got);

	cr_expect_null(mp, "mapping accepted: %s", text);
	cr_expect_str_eq(got, want);
	mapping_free(mp);
	free(got);
}

Test(mapping, spec_example_is_valid)
{
	char *got;
	struct mapping *mp = parse(
	    "{\n"
	    "  \"mapping\": 1,\n"
	    "  \"records\": \"/result\",\n"
	    "  \"mode\": \"snapshots\",\n"
	    "  \"fields\": {\n"
	    "    \"id\": \"/number\",\n"
	    "    \"at\": {\"path\": \"/sys_updated_at\", \"format\": \"%Y-%m-%d %H:%M:%S\", \"zone\": \"UTC\"},\n"
	    "    \"team\": \"/assignment_group\",\n"
	    "    \"severity\": {\"path\": \"/priority\", \"map\": {\"1 - Critical\": 1, \"2 - High\": 2}},\n"
	    "    \"state\": {\"path\": \"/incident_state\", \"map\": {\"New\": \"open\",\n"
	    "                 \"Awaiting User Info\": \"paused\", \"Resolved\": \"resolved\"}},\n"
	    "    \"kind\": {\"const\": \"incident\"},\n"
	    "    \"title\": \"/short_description\"\n"
	    "  }\n"
	    "}\n", &got);

	cr_assert_not_null(mp, "%s", got);
	cr_expect_str_eq(got, "");
	cr_expect_eq(mp->mode, MAPPING_SNAPSHOTS);
	cr_expect_str_eq(mp->records, "/result");
	cr_expect_eq(mp->fields[MF_AT].time, MT_STRFTIME);
	cr_expect(mp->fields[MF_AT].has_zone);
	cr_expect_eq(mp->fields[MF_SEVERITY].nmap, 2);
	cr_expect_str_eq(mp->fields[MF_SEVERITY].map_keys[1], "2 - High");
	cr_expect_eq(mp->fields[MF_SEVERITY].map_values[1]->valueint, 2);
	cr_expect_str_eq(mp->fields[MF_KIND].konst->valuestring, "incident");
	cr_expect(!mp->fields[MF_TYPE].used);
	mapping_free(mp);
	free(got);
}

Test(mapping, errors_name_file_key_and_position)
{
	expect_errors(
	    "{\"mapping\": 1,\n"
	    " \"fields\": {\"id\": \"number\", \"at\": \"/t\", \"type\": \"/e\",\n"
	    "   \"priority\": \"/p\"}}\n",
	    "m.json:2:19: error: fields.id: \"number\": a JSON Pointer is empty or starts with \"/\"\n"
	    "m.json:3:4: error: fields: unknown event field \"priority\" (expected id, at, type, "
	    "state, opened_at, team, severity, agreement, requester, service, kind, title, "
	    "value or score)\n");
	expect_errors(
	    "{\"mapping\": 1, \"mode\": \"snapshots\",\n"
	    " \"fields\": {\"id\": \"/n\", \"at\": \"/t\",\n"
	    "   \"state\": {\"path\": \"/s\", \"map\": {\"Done\": \"finished\"}}}}\n",
	    "m.json:3:44: error: fields.state.map.Done: \"finished\" is not a state (open, "
	    "paused, resolved, closed)\n");
	expect_errors(
	    "{\"mapping\": 1, \"fields\": {\"id\": \"/n\", \"at\": \"/t\"}}\n",
	    "m.json:1:26: error: fields: missing \"type\" (events mode: each record is one event)\n");
	expect_errors(
	    "{\"mapping\": 2, \"fields\": {\"id\": \"../n\", \"at\": {\"path\": \"/t\","
	    " \"zone\": \"Mars/Olympus\", \"format\": \"dd.mm.yyyy\"}, \"type\": {\"const\": \"escalated\"}}}\n",
	    "m.json:1:13: error: mapping: expected a number from 1 to 1, got \"2\"\n"
	    "m.json:1:33: error: fields.id: \"../n\": \"..\" (a parent record) is only allowed with \"each\"\n"
	    "m.json:1:70: error: fields.at.zone: unknown time zone \"Mars/Olympus\"\n"
	    "m.json:1:96: error: fields.at.format: expected rfc3339, epoch, epoch_ms or a strftime "
	    "pattern such as \"%Y-%m-%d %H:%M:%S\", got \"dd.mm.yyyy\"\n"
	    "m.json:1:129: error: fields.type.const: \"escalated\" is not an event type (opened, "
	    "assigned, responded, paused, resumed, resolved, reopened, closed, severity_changed, "
	    "rated, note, excluded)\n");
}

Test(mapping, more_errors)
{
	expect_errors(
	    "{\"mapping\": 1, \"each\": \"/h\", \"mode\": \"snapshots\", \"recrods\": \"/x\",\n"
	    " \"fields\": {\"id\": \"../../k\", \"at\": \"/t\", \"type\": \"/e\"},\n"
	    " \"record\": {\"id\": \"/k\", \"at\": {\"path\": \"/c\", \"before\": \"/b\"}}}\n",
	    "m.json:1:51: error: unknown key \"recrods\" (expected mapping, description, "
	    "records, each, mode, fields or record); did you mean \"records\"?\n"
	    "m.json:2:19: error: fields.id: \"../../k\" climbs 2 levels, but \"each\" nests only 1\n"
	    "m.json:2:42: error: fields.type: snapshots mode derives the event types: map "
	    "\"state\" instead\n"
	    "m.json:3:56: error: record.at.before: only state, team, severity and the other "
	    "item fields have a value before a change\n");
	expect_errors("[1, 2]\n",
	    "m.json:1:1: error: expected an object with \"mapping\": 1 and \"fields\", got a list\n");
	/* Syntax errors come from libyaml, positioned. */
	expect_errors("{\"mapping\": 1, \"fields\": {\"id\": \"/a\",, }}\n",
	    "m.json:1:38: error: did not find expected node content (while parsing a flow "
	    "node at line 1)\n");
}

/* ---- applying ---- */

static struct model *
run(const struct mapping *mp, const char *name, const char *data)
{
	char path[256];
	FILE *fp;
	struct model *m = model_new(tmpdir);
	struct mapping_run *r;

	m->site.zone = tz_load("Europe/Berlin");
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	fp = fopen(path, "wb");
	cr_assert_not_null(fp);
	fputs(data, fp);
	fclose(fp);
	r = mapping_run_new(m);
	mapping_run_file(r, mp, name, path);
	mapping_run_finish(r);
	model_sort_events(m);
	return m;
}

static struct mapping *
must_parse(const char *text)
{
	char *got;
	struct mapping *mp = parse(text, &got);

	cr_assert_not_null(mp, "%s", got);
	free(got);
	return mp;
}

static const char *
str(const struct model *m, uint32_t id)
{
	const char *s = strtab_get(m->strings, id);
	return s != NULL ? s : "";
}

/* "type@HH:MM team sev" for each event of the model, one line each. */
static char *
events_text(const struct model *m)
{
	struct strbuf sb = {0};
	size_t i;

	strbuf_puts(&sb, "");
	for (i = 0; i < m->nevents; i++) {
		const struct event *e = &m->events[i];
		char at[21];
		civil_format_utc(e->at, at);
		strbuf_printf(&sb, "%s %s %s %s %s\n", str(m, e->item), at + 11,
		    event_type_name(e->type), str(m, e->team), str(m, e->severity));
	}
	return strbuf_detach(&sb, NULL);
}

static void
expect_diags(const struct model *m, const char *want)
{
	struct strbuf sb = {0};
	size_t i;

	strbuf_puts(&sb, "");
	for (i = 0; i < diag_len(m->diag); i++) {
		char *s = diag_format(diag_get(m->diag, i));
		strbuf_printf(&sb, "%s\n", s);
		free(s);
	}
	cr_expect_str_eq(sb.data, want);
	strbuf_free(&sb);
}

static const char snow[] =
    "{\"mapping\": 1, \"mode\": \"snapshots\", \"fields\": {\n"
    " \"id\": \"/n\", \"at\": {\"path\": \"/u\", \"format\": \"%d.%m.%Y %H:%M\", \"zone\": \"UTC\"},\n"
    " \"opened_at\": {\"path\": \"/o\", \"format\": \"epoch_ms\"},\n"
    " \"team\": {\"path\": \"/g\", \"default\": \"none\"},\n"
    " \"severity\": {\"path\": \"/p\", \"map\": {\"hi\": 1, \"lo\": 4}},\n"
    " \"state\": {\"path\": \"/s\", \"map\": {\"new\": \"open\", \"wait\": \"paused\","
    " \"done\": \"resolved\", \"shut\": \"closed\"}},\n"
    " \"kind\": {\"const\": \"incident\"}}}\n";

Test(mapping, snapshots_emit_what_changed)
{
	struct mapping *mp = must_parse(snow);
	/* Out of order on purpose; one line carries an unmapped state. */
	struct model *m = run(mp, "s.jsonl",
	    "{\"n\": \"A\", \"u\": \"02.03.2026 09:00\", \"o\": 1772441700000, \"s\": \"new\", \"p\": \"lo\", \"g\": null}\n"
	    "{\"n\": \"A\", \"u\": \"02.03.2026 11:00\", \"s\": \"new\", \"p\": \"hi\", \"g\": \"net\"}\n"
	    "{\"n\": \"A\", \"u\": \"02.03.2026 10:00\", \"s\": \"wait\", \"p\": \"lo\", \"g\": null}\n"
	    "{\"n\": \"A\", \"u\": \"02.03.2026 12:00\", \"s\": \"done\"}\n"
	    "{\"n\": \"A\", \"u\": \"02.03.2026 13:00\", \"s\": \"limbo\"}\n"
	    "{\"n\": \"A\", \"u\": \"02.03.2026 14:00\", \"s\": \"wait\"}\n"
	    "{\"n\": \"A\", \"u\": \"02.03.2026 15:00\", \"s\": \"shut\"}\n");
	char *got = events_text(m);

	/* opened_at 1772441700000 ms = 2026-03-02T08:55:00Z, before the first
	 * snapshot; the 12:00 record has no "g": the default, a change of team;
	 * "limbo" leaves the state as it was. */
	cr_expect_str_eq(got,
	    "A 08:55:00Z opened none 4\n"
	    "A 10:00:00Z paused  \n"
	    "A 11:00:00Z severity_changed  1\n"
	    "A 11:00:00Z assigned net \n"
	    "A 11:00:00Z resumed  \n"
	    "A 12:00:00Z assigned none \n"
	    "A 12:00:00Z resolved  \n"
	    "A 14:00:00Z reopened  \n"
	    "A 14:00:00Z paused  \n"
	    "A 15:00:00Z closed  \n");
	cr_expect_str_eq(str(m, m->events[0].kind), "incident");
	cr_expect_eq(m->quality.events_read, 7);
	cr_assert_eq(m->nunmapped, 1);
	cr_expect_str_eq(str(m, m->unmapped[0].value), "limbo");
	cr_expect_eq(m->unmapped[0].line, 5);
	cr_expect_eq(m->unmapped[0].count, 1);
	expect_diags(m, "s.jsonl:5:1: warning: state: \"limbo\" is not in the map of m.json (1 record)\n");
	free(got);
	model_free(m);
	mapping_free(mp);
}

Test(mapping, snapshot_records_that_do_not_fit)
{
	struct mapping *mp = must_parse(snow);
	struct model *m = run(mp, "s.jsonl",
	    "{\"n\": \"B\", \"u\": \"31.02.2026 09:00\", \"s\": \"new\", \"p\": \"hi\"}\n"
	    "{\"u\": \"02.03.2026 09:00\"}\n"
	    "{\"n\": \"B\", \"u\": \"02.03.2026 09:00\", \"s\": \"new\", \"p\": \"mid\", \"g\": [1]}\n");
	char *got = events_text(m);

	cr_expect_str_eq(got, "B 09:00:00Z opened none mid\n");
	expect_diags(m,
	    "s.jsonl:1:1: error: at: \"31.02.2026 09:00\" is not a timestamp: no such day in that month\n"
	    "s.jsonl:2:1: error: no \"id\"; the record is skipped\n"
	    "s.jsonl:3:1: warning: team: expected a string, got an array; the field is ignored\n"
	    "s.jsonl:3:1: warning: severity: \"mid\" is not in the map of m.json (1 record)\n");
	cr_expect_eq(m->quality.events_read, 3);
	cr_expect_eq(m->quality.events_skipped, 2);
	free(got);
	model_free(m);
	mapping_free(mp);
}

Test(mapping, events_mode_with_each_record_and_alternatives)
{
	struct mapping *mp = must_parse(
	    "{\"mapping\": 1, \"records\": \"/data/is~1sues\", \"each\": \"/tl\",\n"
	    " \"record\": {\"id\": \"/n\", \"at\": {\"path\": \"/c\", \"format\": \"epoch\"},\n"
	    "   \"type\": {\"const\": \"opened\"}, \"team\": {\"const\": \"desk\"}, \"severity\": {\"const\": 2}},\n"
	    " \"fields\": {\"id\": \"../n\", \"at\": \"/at\", \"team\": \"/who\",\n"
	    "   \"type\": [{\"const\": \"responded\", \"when\": {\"/e\": \"comment\", \"/role\": [\"MEMBER\", \"OWNER\"]}},\n"
	    "            {\"path\": \"/e\", \"default\": null, \"map\": {\"closed\": \"resolved\","
	    " \"assigned\": \"assigned\", \"comment\": null}}]}}\n");
	struct model *m = run(mp, "g.json",
	    "{\"meta\": {\"n\": [1, {\"]\": \"}\"}]},\n"
	    " \"data\": {\"other\": [], \"is/sues\": [\n"
	    "  {\"n\": 7, \"c\": 1772445600, \"tl\": [\n"
	    "    {\"e\": \"comment\", \"role\": \"NONE\", \"at\": \"2026-03-02T10:10:00Z\"},\n"
	    "    {\"e\": \"comment\", \"role\": \"OWNER\", \"at\": \"2026-03-02T10:20:00Z\"},\n"
	    "    {\"e\": \"assigned\", \"who\": \"ops\", \"at\": \"2026-03-02T11:30:00+01:00\"},\n"
	    "    {\"e\": \"moved\", \"at\": \"2026-03-02T10:40:00Z\"},\n"
	    "    {\"e\": \"closed\", \"at\": \"2026-03-02 12:00:00\"}]},\n"
	    "  {\"n\": 8, \"c\": 1772445600, \"tl\": [{\"e\": \"closed\"}]}\n"
	    " ]}}\n");
	char *got = events_text(m);

	/* A naive at reads in site.yml's zone (Berlin: 12:00 is 11:00Z). */
	cr_expect_str_eq(got,
	    "7 10:00:00Z opened desk 2\n"
	    "7 10:20:00Z responded  \n"
	    "7 10:30:00Z assigned ops \n"
	    "7 11:00:00Z resolved  \n"
	    "8 10:00:00Z opened desk 2\n");
	expect_diags(m,
	    "g.json:9:3: error: /data/is~1sues/1/tl/0: missing \"at\"\n"
	    "g.json:3:3: warning: /data/is~1sues/0/tl/3: type: \"moved\" is not in the map of m.json (1 record)\n");
	free(got);
	model_free(m);
	mapping_free(mp);
}

Test(mapping, snapshots_merge_an_update_and_take_values_before)
{
	struct mapping *mp = must_parse(
	    "{\"mapping\": 1, \"records\": \"/issues\", \"mode\": \"snapshots\",\n"
	    " \"each\": [\"/h\", \"/items\"],\n"
	    " \"record\": {\"id\": \"/key\", \"at\": \"/created\", \"state\": {\"const\": \"open\"},\n"
	    "   \"team\": \"/assignee\", \"severity\": \"/prio\"},\n"
	    " \"fields\": {\"id\": \"../../key\", \"at\": \"../created\",\n"
	    "   \"state\": {\"path\": \"/to\", \"when\": {\"/field\": \"status\"},\n"
	    "     \"map\": {\"Doing\": \"open\", \"Done\": \"resolved\"}},\n"
	    "   \"team\": {\"path\": \"/to\", \"before\": \"/from\", \"when\": {\"/field\": \"assignee\"}}}}\n");
	struct model *m = run(mp, "j.json",
	    "{\"issues\": [{\"key\": \"S-1\", \"created\": \"2026-03-02T08:00:00Z\",\n"
	    "  \"assignee\": \"grace\", \"prio\": \"3\", \"h\": [\n"
	    "  {\"created\": \"2026-03-02T09:00:00Z\", \"items\": [\n"
	    "    {\"field\": \"status\", \"to\": \"Doing\"},\n"
	    "    {\"field\": \"assignee\", \"from\": \"ada\", \"to\": \"grace\"}]},\n"
	    "  {\"created\": \"2026-03-02T10:00:00Z\", \"items\": [{\"field\": \"status\", \"to\": \"Done\"}]}]}]}\n");
	char *got = events_text(m);

	cr_expect_str_eq(got,
	    "S-1 08:00:00Z opened ada 3\n"
	    "S-1 09:00:00Z assigned grace \n"
	    "S-1 10:00:00Z resolved  \n");
	expect_diags(m, "");
	cr_expect_eq(m->quality.events_read, 4);
	free(got);
	model_free(m);
	mapping_free(mp);
}

/* Snapshots of one item at one instant are one state change: the events go
 * from the state before that instant to the state after its last record (in
 * input order), and changes that cancel out within it give no event. */
Test(mapping, snapshots_of_one_instant_are_one_change)
{
	struct mapping *mp = must_parse(
	    "{\"mapping\": 1, \"mode\": \"snapshots\", \"fields\": {\n"
	    " \"id\": \"/n\", \"at\": {\"path\": \"/u\", \"zone\": \"UTC\"},\n"
	    " \"team\": \"/g\", \"severity\": {\"path\": \"/p\", \"map\": {\"hi\": 1, \"lo\": 4}},\n"
	    " \"state\": {\"path\": \"/s\", \"map\": {\"new\": \"open\", \"wait\": \"paused\","
	    " \"done\": \"resolved\"}}}}\n");
	struct model *m = run(mp, "s.jsonl",
	    /* B: its first instant has two records: it opens as the last says. */
	    "{\"n\": \"B\", \"u\": \"2026-03-02T09:00:00\", \"s\": \"new\", \"p\": \"lo\", \"g\": \"desk\"}\n"
	    "{\"n\": \"B\", \"u\": \"2026-03-02T09:00:00\", \"s\": \"done\", \"p\": \"hi\", \"g\": \"net\"}\n"
	    "{\"n\": \"A\", \"u\": \"2026-03-02T09:00:00\", \"s\": \"new\", \"p\": \"lo\", \"g\": \"desk\"}\n"
	    /* two records: one hand-off, to the last team */
	    "{\"n\": \"A\", \"u\": \"2026-03-02T10:00:00\", \"g\": \"net\"}\n"
	    "{\"n\": \"A\", \"u\": \"2026-03-02T10:00:00\", \"g\": \"db\"}\n"
	    /* three records: paused; the severity goes hi and back to lo: nothing */
	    "{\"n\": \"A\", \"u\": \"2026-03-02T11:00:00\", \"s\": \"wait\", \"g\": \"db\"}\n"
	    "{\"n\": \"A\", \"u\": \"2026-03-02T11:00:00\", \"s\": \"new\", \"p\": \"hi\"}\n"
	    "{\"n\": \"A\", \"u\": \"2026-03-02T11:00:00\", \"s\": \"wait\", \"p\": \"lo\"}\n"
	    /* state and team change and change back within the second: no event */
	    "{\"n\": \"A\", \"u\": \"2026-03-02T12:00:00\", \"s\": \"new\", \"g\": \"net\"}\n"
	    "{\"n\": \"A\", \"u\": \"2026-03-02T12:00:00\", \"s\": \"wait\", \"g\": \"db\"}\n"
	    /* resolved and reopened in one second: only paused → open */
	    "{\"n\": \"A\", \"u\": \"2026-03-02T13:00:00\", \"s\": \"done\"}\n"
	    "{\"n\": \"A\", \"u\": \"2026-03-02T13:00:00\", \"s\": \"new\"}\n"
	    "{\"n\": \"A\", \"u\": \"2026-03-02T14:00:00\", \"s\": \"done\"}\n"
	    /* later in the file, but the same instant as the 14:00 record */
	    "{\"n\": \"A\", \"u\": \"2026-03-02T14:00:00\", \"g\": \"net\"}\n");
	char *got = events_text(m);

	/* Items in the order they were first read. */
	cr_expect_str_eq(got,
	    "B 09:00:00Z opened net 1\n"
	    "B 09:00:00Z resolved  \n"
	    "A 09:00:00Z opened desk 4\n"
	    "A 10:00:00Z assigned db \n"
	    "A 11:00:00Z paused  \n"
	    "A 13:00:00Z resumed  \n"
	    "A 14:00:00Z assigned net \n"
	    "A 14:00:00Z resolved  \n");
	expect_diags(m, "");
	cr_expect_eq(m->quality.events_read, 14);
	cr_expect_eq(m->quality.events_duplicate, 0);
	free(got);
	model_free(m);
	mapping_free(mp);
}

/* if_present: a sparse record that does not name the field leaves it; a null
 * gets the default. An empty string is a missing value. "" in each: the
 * record is itself an array (a page). */
Test(mapping, if_present_empty_strings_and_pages)
{
	struct mapping *mp = must_parse(
	    "{\"mapping\": 1, \"mode\": \"snapshots\", \"each\": [\"/pages\", \"\"],\n"
	    " \"fields\": {\"id\": \"../../n\", \"at\": {\"path\": \"/t\", \"zone\": \"UTC\"},\n"
	    "  \"team\": {\"path\": \"/g\", \"if_present\": true, \"default\": \"none\"},\n"
	    "  \"severity\": {\"path\": \"/p\", \"if_present\": true, \"default\": 3},\n"
	    "  \"requester\": \"/who\"}}\n");
	struct model *m = run(mp, "p.json",
	    "{\"n\": \"Z\", \"pages\": [[{\"t\": \"2026-03-02T09:00:00\", \"g\": null, \"p\": 2, \"who\": \"\"}],\n"
	    "  [{\"t\": \"2026-03-02T10:00:00\", \"g\": \"desk\"}],\n"
	    " [{\"t\": \"2026-03-02T11:00:00\", \"p\": null}], [{\"t\": \"2026-03-02T12:00:00\", \"g\": \"\"}]]}\n");
	char *got = events_text(m);

	/* Snapshots mode: the elements of one innermost array (a page here)
	 * are one update, so each page holds one. 10:00 gives no severity: unchanged (without if_present: the default
	 * 3, a change); 11:00 a null: the default; 12:00 "" is missing: the
	 * default "none". The empty requester is not reported. */
	cr_expect_str_eq(got,
	    "Z 09:00:00Z opened none 2\n"
	    "Z 10:00:00Z assigned desk \n"
	    "Z 11:00:00Z severity_changed  3\n"
	    "Z 12:00:00Z assigned none \n");
	expect_diags(m, "");
	cr_expect_eq(m->quality.events_read, 4);
	free(got);
	model_free(m);
	mapping_free(mp);
}
