/* test_suggest.c: the edit distance behind "did you mean" hints, worked out by
 * hand, and which candidate is suggested (or none). */
#include <criterion/criterion.h>
#include <string.h>
#include "suggest.h"

Test(suggest, distances)
{
	cr_expect_eq(suggest_distance("", "", false), 0);
	cr_expect_eq(suggest_distance("", "abc", false), 3);
	cr_expect_eq(suggest_distance("abc", "", false), 3);
	cr_expect_eq(suggest_distance("closd", "closed", false), 1);		/* insertion */
	cr_expect_eq(suggest_distance("closed", "closd", false), 1);		/* deletion */
	cr_expect_eq(suggest_distance("serverities", "severities", false), 1);
	cr_expect_eq(suggest_distance("kitten", "sitting", false), 3);	/* 2 subst. + 1 ins. */
	cr_expect_eq(suggest_distance("resolutoin", "resolution", false), 1);	/* swap */
	cr_expect_eq(suggest_distance("ca", "ac", false), 1);
	/* OSA, not unrestricted Damerau-Levenshtein (2): the swapped pair is not
	 * edited again. */
	cr_expect_eq(suggest_distance("ca", "abc", false), 3);
}

Test(suggest, case_folding_is_ascii_only)
{
	cr_expect_eq(suggest_distance("Closed", "closed", false), 1);
	cr_expect_eq(suggest_distance("Closed", "closed", true), 0);
	cr_expect_eq(suggest_distance("CLOSD", "closed", true), 1);
	/* É and é are different code points; folding them would need tables. */
	cr_expect_eq(suggest_distance("\xc3\x89t\xc3\xa9", "\xc3\xa9t\xc3\xa9", true), 1);
}

Test(suggest, counts_code_points_not_bytes)
{
	/* "café" / "cafe": one substitution although é is two bytes. */
	cr_expect_eq(suggest_distance("caf\xc3\xa9", "cafe", false), 1);
	/* "ßa" / "aß": one swap of a two-byte and a one-byte character. */
	cr_expect_eq(suggest_distance("\xc3\x9f" "a", "a\xc3\x9f", false), 1);
	/* A 4-byte character (U+1F600) against a letter. */
	cr_expect_eq(suggest_distance("x\xf0\x9f\x98\x80", "xy", false), 1);
	/* Two different characters sharing their lead byte: é / è. */
	cr_expect_eq(suggest_distance("\xc3\xa9", "\xc3\xa8", false), 1);
}

Test(suggest, malformed_utf8_is_safe)
{
	/* A lone continuation byte, a truncated sequence at the end, an invalid
	 * lead byte: each one unit, equal only to itself. */
	cr_expect_eq(suggest_distance("a\x80", "a", false), 1);
	cr_expect_eq(suggest_distance("ab\xc3", "ab", false), 1);
	cr_expect_eq(suggest_distance("ab\xc3", "ab\xc3", false), 0);
	cr_expect_eq(suggest_distance("\xff", "\xfe", false), 1);
	/* A truncated lead byte followed by ASCII: two units, the 'x' kept. */
	cr_expect_eq(suggest_distance("\xe2x", "x", false), 1);
	/* "clos" + 0xFF: 5 units, 2 edits from "closed" (0xFF -> e, + d). */
	cr_expect_str_eq(suggest_closest("clos\xff", (const char *const[]){ "closed", NULL }),
	    "closed");
}

Test(suggest, too_long_words)
{
	char w[SUGGEST_MAX_LEN + 2];

	memset(w, 'a', sizeof w - 1);
	w[sizeof w - 1] = '\0';		/* 65 code points */
	cr_expect_eq(suggest_distance(w, "a", false), -1);
	cr_expect_eq(suggest_distance("a", w, false), -1);
	cr_expect_null(suggest_closest(w, (const char *const[]){ "aaa", NULL }));
	w[SUGGEST_MAX_LEN] = '\0';	/* 64: still measured */
	cr_expect_eq(suggest_distance(w, "", false), SUGGEST_MAX_LEN);
}

Test(suggest, threshold_grows_with_length)
{
	cr_expect_eq(suggest_max_edits(1), 0);
	cr_expect_eq(suggest_max_edits(2), 0);
	cr_expect_eq(suggest_max_edits(3), 1);
	cr_expect_eq(suggest_max_edits(4), 1);
	cr_expect_eq(suggest_max_edits(5), 2);
	cr_expect_eq(suggest_max_edits(8), 3);
	cr_expect_eq(suggest_max_edits(11), 4);
}

static const char *const types[] = { "opened", "assigned", "responded", "paused",
	"resumed", "resolved", "reopened", "closed", "severity_changed", "rated", "note",
	"excluded", NULL };

Test(suggest, closest_event_type)
{
	cr_expect_str_eq(suggest_closest("closd", types), "closed");
	cr_expect_str_eq(suggest_closest("Closed", types), "closed");	/* case only */
	cr_expect_str_eq(suggest_closest("opend", types), "opened");
	cr_expect_str_eq(suggest_closest("asigned", types), "assigned");
	cr_expect_str_eq(suggest_closest("severity_change", types), "severity_changed");
	cr_expect_str_eq(suggest_closest("resovled", types), "resolved");
}

Test(suggest, nonsense_gets_nothing)
{
	cr_expect_null(suggest_closest("escalated", types));
	cr_expect_null(suggest_closest("xyz", types));
	cr_expect_null(suggest_closest("", types));
	/* Short words allow no edit at all: "P2" is not "2" by spelling. */
	cr_expect_null(suggest_closest("P2", (const char *const[]){ "1", "2", "3", NULL }));
	cr_expect_null(suggest_closest("7", (const char *const[]){ "1", "2", "3", NULL }));
	/* Exactly at the threshold (5 code points: 2 edits) and one past it. */
	cr_expect_str_eq(suggest_closest("klosd", (const char *const[]){ "closed", NULL }),
	    "closed");
	cr_expect_null(suggest_closest("kxosd", (const char *const[]){ "closed", NULL }));
	/* 4 code points allow 1 edit; "clsd" is 2 from "closed". */
	cr_expect_null(suggest_closest("clsd", (const char *const[]){ "closed", NULL }));
}

Test(suggest, ties_go_to_the_first_candidate)
{
	cr_expect_str_eq(suggest_closest("noxe", (const char *const[]){ "note", "nose", NULL }),
	    "note");
	cr_expect_str_eq(suggest_closest("noxe", (const char *const[]){ "nose", "note", NULL }),
	    "nose");
	/* A closer candidate later in the list still wins. */
	cr_expect_str_eq(suggest_closest("notes", (const char *const[]){ "nose", "note", NULL }),
	    "note");
}

Test(suggest, the_word_itself_is_no_suggestion)
{
	cr_expect_null(suggest_closest("closed", (const char *const[]){ "closed", NULL }));
	cr_expect_str_eq(suggest_closest("closed",
	    (const char *const[]){ "closed", "closet", NULL }), "closet");
}
