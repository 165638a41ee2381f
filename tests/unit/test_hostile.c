/* test_hostile.c: regressions found by the fuzzers (tests/fuzz/) and by the
 * hostile-input cases, pinned at the unit level so that `make check-asan`
 * replays them under AddressSanitizer and UBSan. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "fmvalue.h"
#include "frontmatter.h"

/* fuzz_frontmatter: a duration of 90 digits overflowed int64 while its digits
 * were summed (UBSan: signed integer overflow in fmvalue_parse_duration). */
Test(hostile, duration_with_many_digits)
{
	int64_t d, s;
	char buf[128];

	cr_expect_eq(fmvalue_parse_duration("33333333333333333333333333331d", &d, &s), -1);
	cr_expect_eq(fmvalue_parse_duration("99999999999999999999", &d, &s), -1);
	memset(buf, '9', sizeof buf - 2);
	buf[sizeof buf - 2] = 'h';
	buf[sizeof buf - 1] = '\0';
	cr_expect_eq(fmvalue_parse_duration(buf, &d, &s), -1);
	cr_expect_eq(fmvalue_parse_duration("9999999d23h59m59s", &d, &s), 0);
	cr_expect_eq(d, 9999999);
	cr_expect_eq(s, 23 * 3600 + 59 * 60 + 59);
}

/* ev-control-chars: an event type or title holding ESC sequences is quoted in
 * messages; printed raw it would drive the user's terminal. */
Test(hostile, control_characters_in_messages_are_escaped)
{
	struct diag *d = diag_new();
	char *s;

	diag_add(d, DIAG_WARNING, "events/\x1b[2J.json", 1, 1, "unknown event type \"%s\"",
	    "\x1b[31mred\x07\x7f");
	s = diag_format(diag_get(d, 0));
	cr_expect_str_eq(s, "events/\\x1B[2J.json:1:1: warning: unknown event type "
	    "\"\\x1B[31mred\\x07\\x7F\"");
	free(s);
	diag_free(d);
}

/* A wrong file in events/ (a log, a binary) makes a problem per line: of each
 * file and level 1000 are kept, then one note; all are counted. */
Test(hostile, problems_per_file_are_capped)
{
	struct diag *d = diag_new();
	char *s;
	int i;

	for (i = 1; i <= 1500; i++)
		diag_add(d, DIAG_ERROR, "events/junk.ndjson", i, 1, "malformed JSON");
	for (i = 1; i <= 1200; i++)
		diag_add(d, DIAG_WARNING, "events/junk.ndjson", i, 1, "unknown type");
	diag_add(d, DIAG_ERROR, "events/other.json", 1, 1, "still shown");
	diag_add(d, DIAG_ERROR, NULL, 0, 0, "no file: never capped");
	cr_expect_eq(diag_len(d), 1001 + 1001 + 2);
	cr_expect_eq(diag_count(d, DIAG_ERROR), 1502);
	cr_expect_eq(diag_count(d, DIAG_WARNING), 1200);
	s = diag_format(diag_get(d, 1000));
	cr_expect_str_eq(s, "events/junk.ndjson:1001:1: error: more than 1000 errors in this "
	    "file; the rest are not shown");
	free(s);
	s = diag_format(diag_get(d, 2002));
	cr_expect_str_eq(s, "events/other.json:1:1: error: still shown");
	free(s);
	diag_free(d);
}
