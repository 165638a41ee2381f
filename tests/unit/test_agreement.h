/* test_agreement.h: parsing an agreement in a unit test and comparing every
 * diagnostic it gives (shared by test_frontmatter.c and test_fmvalue.c). */
#ifndef TEST_AGREEMENT_H
#define TEST_AGREEMENT_H

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "frontmatter.h"

/* Lines 1-4 of a minimal SLA, and a severity block for lines after it. */
#define HEAD "---\nid: t\ntitle: T\nkind: sla\n"
#define SEV "severities:\n  1: {resolution: 4h}\n"

static char *
all_diags(const struct diag *d)
{
	struct strbuf sb = {0};
	size_t i;

	strbuf_puts(&sb, "");
	for (i = 0; i < diag_len(d); i++) {
		char *s = diag_format(diag_get(d, i));
		strbuf_printf(&sb, "%s%s", i > 0 ? "\n" : "", s);
		free(s);
	}
	return strbuf_detach(&sb, NULL);
}

/* Parses text as agreements/a.md (site zone Europe/Berlin) into *a, expecting
 * exactly the diagnostics want ("" for none) and errors errors. */
static void
parse_len(struct agreement *a, const char *text, size_t len, const char *want,
    int errors)
{
	struct diag *d = diag_new();
	struct site site;
	int n;
	char *got;

	cr_assert_eq(frontmatter_parse_site(&site, "site.yml",
	    "timezone: Europe/Berlin\n", 24, d), 0);
	n = frontmatter_parse_agreement(a, "a.md", text, len, &site, d);
	got = all_diags(d);
	cr_expect_str_eq(got, want);
	cr_expect_eq(n, errors, "errors: %d, want %d", n, errors);
	free(got);
	site_free(&site);
	diag_free(d);
}

static void
parse(struct agreement *a, const char *text, const char *want, int errors)
{
	parse_len(a, text, strlen(text), want, errors);
}

/* Parses and frees at once, for tests about messages only. */
static void
check(const char *text, const char *want, int errors)
{
	struct agreement a;

	parse(&a, text, want, errors);
	agreement_free(&a);
}

#endif
