/* test_events.c: every event file shape, timestamps, and bad records with positions. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "events.h"
#include "tz.h"

static char tmpdir[64];
static bool zone_given;		/* whether load's site.yml names its zone */

static void
setup(void)
{
	strcpy(tmpdir, "/tmp/slareport-events-XXXXXX");
	cr_assert_not_null(mkdtemp(tmpdir));
}

static void
teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	cr_assert_eq(system(cmd), 0);
}

/* Writes text to tmpdir/name and loads it into a fresh model (site zone Berlin). */
static struct model *
load(const char *name, const char *text, size_t len)
{
	char path[256];
	FILE *fp;
	struct model *m = model_new(tmpdir);

	m->site.zone = tz_load("Europe/Berlin");
	cr_assert_not_null(m->site.zone);
	m->site.timezone_given = zone_given;
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	fp = fopen(path, "wb");
	cr_assert_not_null(fp);
	fwrite(text, 1, len, fp);
	fclose(fp);
	events_load_file(m, name, path);
	return m;
}

#define LOAD(name, text) load(name, text, strlen(text))

static const char *
str(const struct model *m, uint32_t id)
{
	return strtab_get(m->strings, id);
}

/* The n-th diagnostic formatted, for comparison with the expected line. */
static void
expect_diag(const struct model *m, size_t n, const char *want)
{
	const struct diag_entry *e = diag_get(m->diag, n);
	char *got;

	cr_assert_not_null(e, "no diagnostic %zu (want %s)", n, want);
	got = diag_format(e);
	cr_expect_str_eq(got, want);
	free(got);
}

TestSuite(events, .init = setup, .fini = teardown);

Test(events, array_shape)
{
	struct model *m = LOAD("a.json",
	    "[\n"
	    "  {\"id\": \"T-1\", \"at\": \"2026-03-02T09:15:00+01:00\", \"type\": \"opened\",\n"
	    "   \"team\": \"desk\", \"severity\": 2, \"requester\": \"sales\", \"title\": \"Drucker <kaputt>\"},\n"
	    "  {\"id\": \"T-1\", \"at\": \"2026-03-02T08:30:00Z\", \"type\": \"responded\"}\n"
	    "]\n");

	cr_assert_eq(m->nevents, 2);
	cr_expect_eq(diag_len(m->diag), 0);
	cr_expect_str_eq(str(m, m->events[0].item), "T-1");
	cr_expect_eq(m->events[0].type, EVENT_OPENED);
	/* 09:15 at +01:00 is 08:15Z: 2026-03-02 is day 20514. */
	cr_expect_eq(m->events[0].at, (int64_t)20514 * 86400 + 8 * 3600 + 15 * 60);
	cr_expect_str_eq(str(m, m->events[0].severity), "2");
	cr_expect_str_eq(str(m, m->events[0].team), "desk");
	cr_expect_str_eq(str(m, m->events[0].requester), "sales");
	cr_expect_str_eq(str(m, m->events[0].title), "Drucker <kaputt>");
	cr_expect_eq(m->events[0].line, 2);
	cr_expect_eq(m->events[1].line, 4);
	cr_expect_eq(m->events[1].at, (int64_t)20514 * 86400 + 8 * 3600 + 30 * 60);
	cr_expect_eq(m->quality.events_read, 2);
	model_free(m);
}

Test(events, wrapper_shape_with_metadata_around)
{
	struct model *m = LOAD("w.json",
	    "{\"exported\": {\"by\": \"tool\", \"list\": [1, 2, {\"x\": \"]\"}]},\n"
	    " \"events\": [\n"
	    "  {\"id\": 7, \"at\": \"2026-03-02T10:00:00Z\", \"type\": \"note\"},\n"
	    "  {\"id\": 7.5, \"at\": \"2026-03-02T10:00:01Z\", \"type\": \"note\"}\n"
	    " ],\n"
	    " \"count\": 2}\n");

	cr_assert_eq(m->nevents, 2);
	cr_expect_eq(diag_len(m->diag), 0);
	cr_expect_str_eq(str(m, m->events[0].item), "7");
	cr_expect_str_eq(str(m, m->events[1].item), "7.5");
	cr_expect_eq(m->events[1].line, 4);
	model_free(m);
}

Test(events, ndjson_and_jsonl_and_json_lines_in_json)
{
	static const char lines[] =
	    "{\"id\":\"a\",\"at\":\"2026-03-02T10:00:00.999Z\",\"type\":\"opened\",\"team\":\"t\",\"severity\":\"High\"}\n"
	    "\n"
	    "{\"id\":\"a\",\"at\":\"2026-03-02T11:00:00.5+00:00\",\"type\":\"resolved\"}\r\n"
	    "{\"id\":\"a\",\"at\":\"2026-03-02T12:00:00Z\",\"type\":\"closed\"}";
	const char *names[] = { "x.ndjson", "x.jsonl", "x.json" };
	int i;

	for (i = 0; i < 3; i++) {
		struct model *m = load(names[i], lines, sizeof lines - 1);
		cr_assert_eq(m->nevents, 3, "%s: %zu events", names[i], m->nevents);
		cr_expect_eq(diag_len(m->diag), 0, "%s", names[i]);
		/* fractions truncated */
		cr_expect_eq(m->events[0].at % 60, 0);
		cr_expect_eq(m->events[1].at % 60, 0);
		cr_expect_eq(m->events[1].line, 3);
		cr_expect_eq(m->events[2].line, 4);
		cr_expect_str_eq(str(m, m->events[0].severity), "High");
		model_free(m);
	}
}

Test(events, naive_timestamps_read_in_site_zone)
{
	struct model *m = LOAD("n.ndjson",
	    "{\"id\":\"a\",\"at\":\"2026-07-01T10:00:00\",\"type\":\"note\"}\n"
	    "{\"id\":\"a\",\"at\":\"2026-01-15 10:00:00\",\"type\":\"note\"}\n"
	    "{\"id\":\"a\",\"at\":\"2026-03-29T02:30:00\",\"type\":\"note\"}\n");

	cr_assert_eq(m->nevents, 3);
	/* Summer: CEST, 10:00 local = 08:00Z. 2026-07-01 is day 20635. */
	cr_expect_eq(m->events[0].at, (int64_t)20635 * 86400 + 8 * 3600);
	/* Winter: CET, 09:00Z. 2026-01-15 is day 20468. */
	cr_expect_eq(m->events[1].at, (int64_t)20468 * 86400 + 9 * 3600);
	/* In the spring gap: the transition instant 01:00Z (2026-03-29 = day 20541). */
	cr_expect_eq(m->events[2].at, (int64_t)20541 * 86400 + 1 * 3600);
	model_free(m);
}

/* Without a zone in site.yml, timestamps without offset are counted, and one
 * warning names the first; bad records are not counted, nor stamps with an
 * offset. */
Test(events, naive_timestamps_without_site_zone_warned_once)
{
	struct model *m = LOAD("n.ndjson",
	    "{\"id\":\"a\",\"at\":\"2026-07-01T10:00:00Z\",\"type\":\"note\"}\n"
	    "{\"id\":\"a\",\"at\":\"2026-07-01T10:00:00\",\"type\":\"closd\"}\n"
	    "{\"id\":\"a\",\"at\":\"2026-07-01 11:00\",\"type\":\"note\"}\n"
	    "{\"id\":\"a\",\"at\":\"2026-07-01T12:00:00+02:00\",\"type\":\"note\"}\n"
	    "{\"id\":\"a\",\"at\":\"2026-07-01T13:00:00.5\",\"type\":\"note\"}\n");

	cr_assert_eq(m->nevents, 4);
	cr_expect_eq(m->naive.count, 2);
	cr_expect_eq(m->naive.line, 3);
	cr_expect_str_eq(m->naive.text, "2026-07-01 11:00");
	model_warn_naive(m);
	expect_diag(m, 0, "n.ndjson:2:1: warning: unknown event type \"closd\"; the event "
	    "is skipped; did you mean \"closed\"?");
	expect_diag(m, 1, "n.ndjson:3:1: warning: at: \"2026-07-01 11:00\" has no UTC "
	    "offset and site.yml sets no timezone, so it is read as UTC (as is 1 more "
	    "timestamp without offset); write the offset (\"2026-07-01 11:00+01:00\", or "
	    "Z for UTC), or name the zone of these times in site.yml, e.g. \"timezone: "
	    "Europe/Berlin\"");
	cr_expect_eq(diag_len(m->diag), 2);
	model_free(m);

	zone_given = true;
	m = LOAD("z.ndjson", "{\"id\":\"a\",\"at\":\"2026-07-01T10:00:00\",\"type\":\"note\"}\n");
	cr_expect_eq(m->naive.count, 0);
	model_warn_naive(m);
	cr_expect_eq(diag_len(m->diag), 0);
	model_free(m);
}

Test(events, duplicates_counted_once)
{
	struct model *m = LOAD("d.ndjson",
	    "{\"id\":\"a\",\"at\":\"2026-03-02T10:00:00Z\",\"type\":\"opened\",\"team\":\"t\",\"severity\":1}\n"
	    "{\"id\":\"a\",\"at\":\"2026-03-02T10:00:00Z\",\"type\":\"note\"}\n"
	    "{\"id\":\"a\",\"at\":\"2026-03-02T11:00:00+01:00\",\"type\":\"opened\",\"team\":\"u\",\"severity\":2}\n"
	    "{\"id\":\"b\",\"at\":\"2026-03-02T10:00:00Z\",\"type\":\"opened\",\"team\":\"t\",\"severity\":1}\n");

	model_sort_events(m);
	cr_expect_eq(m->quality.events_duplicate, 1);
	cr_assert_eq(m->nevents, 3);
	/* The first in input order stays: team t, not u. */
	cr_expect_str_eq(str(m, m->events[0].team), "t");
	cr_expect_eq(m->events[1].type, EVENT_NOTE);
	model_free(m);
}

Test(events, bad_records_reported_with_positions)
{
	struct model *m = LOAD("bad.ndjson",
	    "{\"id\":\"a\",\"at\":\"2026-03-02T10:00:00Z\",\"type\":\"assigned\"}\n"
	    "{\"id\":\"a\",\"at\":\"2026-03-02T10:00:00Z\",\"type\":\"opened\",\"team\":\"t\"}\n"
	    "{\"id\":\"a\",\"at\":\"2026-03-02T10:00:00Z\",\"type\":\"rated\",\"score\":\"9\"}\n"
	    "{\"id\":\"a\",\"at\":\"2026-13-02T10:00:00Z\",\"type\":\"note\"}\n"
	    "{\"id\":\"a\",\"at\":1700000000,\"type\":\"note\"}\n"
	    "{\"at\":\"2026-03-02T10:00:00Z\",\"type\":\"note\"}\n"
	    "{\"id\":\"a\",\"at\":\"2026-03-02T10:00:00Z\",\"type\":\"escalated\"}\n"
	    "{\"id\":\"a\",\"at\":\"2026-03-02T10:00:00Z\",\"type\":\"note\",,}\n"
	    "[1, 2]\n"
	    "{\"id\":\"a\",\"at\":\"2026-03-02T10:00:00Z\",\"type\":\"note\",\"title\":\"\xC3\x28\"}\n"
	    "{\"id\":\"a\",\"at\":\"2026-03-02T10:00:00Z\",\"type\":\"note\",\"value\":\"many\"}\n"
	    "{\"id\":\"a\",\"at\":\"2026-03-02T10:00:00Z\",\"type\":\"severity_changed\",\"severity\":1.5}\n");

	expect_diag(m, 0, "bad.ndjson:1:1: error: missing \"team\", required on \"assigned\" events");
	expect_diag(m, 1, "bad.ndjson:2:1: error: missing \"severity\", required on \"opened\" events");
	expect_diag(m, 2, "bad.ndjson:3:1: error: score: expected a number, got a string");
	expect_diag(m, 3, "bad.ndjson:4:1: error: at: \"2026-13-02T10:00:00Z\" is not an "
	    "RFC 3339 timestamp: month 13 out of range");
	expect_diag(m, 4, "bad.ndjson:5:1: error: at: expected an RFC 3339 timestamp "
	    "string, got a number");
	expect_diag(m, 5, "bad.ndjson:6:1: error: missing \"id\"");
	expect_diag(m, 6, "bad.ndjson:7:1: warning: unknown event type \"escalated\"; "
	    "the event is skipped");
	expect_diag(m, 7, "bad.ndjson:8:54: error: malformed JSON; the event is skipped");
	expect_diag(m, 8, "bad.ndjson:9:1: error: expected an event object, got an array");
	expect_diag(m, 9, "bad.ndjson:10:62: error: invalid UTF-8 (byte 0xC3); the "
	    "event is skipped");
	expect_diag(m, 10, "bad.ndjson:11:1: warning: value: expected a number, got a "
	    "string; the field is ignored");
	expect_diag(m, 11, "bad.ndjson:12:1: error: severity: expected an integer or a "
	    "name, got 1.5");
	cr_expect_eq(diag_len(m->diag), 12);
	cr_expect_eq(m->quality.events_read, 12);
	cr_expect_eq(m->quality.events_skipped, 11);
	cr_expect_eq(m->nevents, 1);	/* the note with a bad value stays */
	model_free(m);
}

Test(events, truncated_array_and_broken_structure)
{
	struct model *m = LOAD("t.json",
	    "[\n"
	    "  {\"id\": \"a\", \"at\": \"2026-03-02T10:00:00Z\", \"type\": \"note\"},\n"
	    "  {\"id\": \"a\", \"at\": \"2026-03-02T10:00:0");

	cr_expect_eq(m->nevents, 1);
	expect_diag(m, 0, "t.json:3:3: error: unexpected end of file: this event is not complete");
	model_free(m);

	m = LOAD("u.json", "[{\"id\": \"a\", \"at\": \"2026-03-02T10:00:00Z\", \"type\": \"note\"} x]");
	expect_diag(m, 0, "u.json:1:60: error: expected ',' or ']' between events");
	model_free(m);

	m = LOAD("v.json", "{\"events\": [");
	expect_diag(m, 0, "v.json:1:13: error: unexpected end of file inside an array");
	model_free(m);

	/* An empty export is more often a failed one: a warning, no error. */
	m = LOAD("e.json", "");
	cr_expect_eq(diag_len(m->diag), 1);
	expect_diag(m, 0, "e.json: warning: no events in this file");
	cr_expect_eq(m->nevents, 0);
	model_free(m);
}

/* Records crossing the 1 MiB read chunks keep exact line numbers. */
Test(events, large_file_line_numbers)
{
	struct strbuf sb = {0};
	struct model *m;
	int i, n = 30000;

	strbuf_puts(&sb, "{\"events\": [\n");
	for (i = 0; i < n; i++)
		strbuf_printf(&sb, "  {\n    \"id\": \"I-%d\",\n    \"at\": \"2026-03-02T10:00:00Z\",\n"
		    "    \"type\": \"note\"\n  },\n", i);
	strbuf_puts(&sb, "  {\"id\": \"last\", \"type\": \"note\"}\n]}\n");
	m = load("big.json", sb.data, sb.len);
	cr_assert_eq(m->nevents, (size_t)n);
	cr_expect_eq(m->events[n - 1].line, 2 + 5 * (n - 1));
	expect_diag(m, 0, "big.json:150002:3: error: missing \"at\"");
	cr_expect_eq(diag_len(m->diag), 1);
	strbuf_free(&sb);
	model_free(m);
}

Test(events, byte_order_mark_and_missing_file)
{
	struct model *m = LOAD("bom.json",
	    "\xEF\xBB\xBF[{\"id\":\"a\",\"at\":\"2026-03-02T10:00:00Z\",\"type\":\"note\"}]");
	cr_expect_eq(m->nevents, 1);
	cr_expect_eq(diag_len(m->diag), 0);
	cr_expect_eq(events_load_file(m, "events/none.json", "/nonexistent/none.json"), -1);
	cr_expect_eq(diag_len(m->diag), 1);
	model_free(m);
}
