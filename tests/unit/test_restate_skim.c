/* test_restate_skim.c: breach lists of an earlier kpis.json cut down to
 * "id clock" strings before it is parsed (restate_skim.c); expectations
 * written out by hand. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "restate.h"

static char *
skim(const char *in)
{
	size_t len;
	char *out = restate_skim_breaches(in, strlen(in), &len);

	cr_assert_eq(strlen(out), len, "the copy holds no NUL");
	return out;
}

Test(restate_skim, breaches_become_id_clock_strings)
{
	/* Nested timelines, keys in another order, spacing as json_print writes it. */
	char *out = skim("{\"periods\":\t[{\"period\": \"2026-03\", \"breaches\":\t[{\n"
	    "\t\"title\": \"x ] } [\", \"timeline\": [{\"state\": \"running\", \"to\": \"t\"}],"
	    " \"clock\": \"response\", \"id\": \"A-1\"}, {\"id\": \"B\", \"clock\": \"resolution\"}],"
	    " \"total\": {\"opened\": 2}}]}");

	cr_assert_str_eq(out, "{\"periods\":\t[{\"period\": \"2026-03\", \"breaches\":\t"
	    "[\"A-1 response\",\"B resolution\"], \"total\": {\"opened\": 2}}]}");
	free(out);
}

Test(restate_skim, escapes_missing_and_non_string_values)
{
	/* An id with an escaped quote and backslash stays escaped; a missing clock,
	 * a number id and an element that is not an object read as "" (str_or). */
	char *out = skim("{\"breaches\": [{\"id\": \"q\\\"\\\\\", \"clock\": \"response\"},"
	    " {\"id\": \"M\"}, {\"id\": 7, \"clock\": \"c\"}, 3, [1, 2]], \"n\": 1}");
	cJSON *t = cJSON_Parse(out);
	const cJSON *b = cJSON_GetObjectItemCaseSensitive(t, "breaches");

	cr_assert_str_eq(out, "{\"breaches\": [\"q\\\"\\\\ response\",\"M \",\" c\",\" \",\" \"], \"n\": 1}");
	cr_assert_not_null(t);
	cr_assert_str_eq(cJSON_GetArrayItem(b, 0)->valuestring, "q\"\\ response");
	cJSON_Delete(t);
	free(out);
}

Test(restate_skim, first_key_counts_and_strings_named_breaches_stay)
{
	/* The first "id" wins, as cJSON's lookup; "breaches" as a value, or as a key
	 * of something other than an array, is copied as it is. */
	char *out = skim("{\"title\": \"breaches\", \"breaches\": 0, \"x\": {\"breaches\": "
	    "[{\"id\": \"first\", \"id\": \"second\", \"clock\": \"c\"}], \"breaches2\": [1]}}");

	cr_assert_str_eq(out, "{\"title\": \"breaches\", \"breaches\": 0, \"x\": {\"breaches\": "
	    "[\"first c\"], \"breaches2\": [1]}}");
	free(out);
}

Test(restate_skim, empty_list_and_text_that_is_not_json)
{
	char *out = skim("{\"breaches\": [ ], \"b\": []}");

	cr_assert_str_eq(out, "{\"breaches\": [], \"b\": []}");
	free(out);
	/* Cut short inside the list: cut short here too, and cJSON refuses it. */
	out = skim("{\"breaches\": [{\"id\": \"A\", \"clock\": \"r\"}, {\"id\": \"B\"");
	cr_assert_null(cJSON_Parse(out));
	free(out);
	out = skim("{\"breaches\": [{\"id\" \"A\"}]}");
	cr_assert_null(cJSON_Parse(out));
	free(out);
	out = skim("");
	cr_assert_str_eq(out, "");
	free(out);
}
