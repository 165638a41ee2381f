/* test_pdf_md.c: agreement Markdown into layout blocks — the page-break
 * wishes pdf_md_render attaches to the blocks it makes. */
#include <criterion/criterion.h>
#include <cmark-gfm.h>
#include <string.h>

#include "layout.h"
#include "markdown.h"
#include "pdf_md.h"

/* Whether the paragraph whose text starts with `start` keeps with the block
 * after it, in the flow of md. */
static bool
keeps_with_next(const char *md, const char *start)
{
	struct cmark_node *doc = markdown_parse(md, strlen(md));
	struct lay_flow *f = lay_flow_new();
	struct pdf_md_opts o = {0};
	int found = -1;

	o.outline_max = 2;
	pdf_md_render(f, doc, &o);
	for (size_t i = 0; i < lay_flow_len(f) && found < 0; i++) {
		struct lay_block *b = lay_at(f, i);
		if (b->kind == LAY_PARA && b->nruns > 0 &&
		    strncmp(b->runs[0].text, start, strlen(start)) == 0)
			found = b->keep_with_next;
	}
	lay_flow_free(f);
	cmark_node_free(doc);
	cr_assert_geq(found, 0, "no paragraph starts with \"%s\"", start);
	return found == 1;
}

Test(pdf_md, lead_in_stays_with_its_list_or_table)
{
	cr_expect(keeps_with_next("Sales will:\n\n- report faults\n- name a contact\n",
	    "Sales will"));
	cr_expect(keeps_with_next("These holidays: \n\n| Date | Name |\n|---|---|\n"
	    "| 2026-01-01 | New Year |\n", "These holidays"));
	cr_expect(keeps_with_next("1. Step one:\n\n   - detail\n", "Step one"));
}

Test(pdf_md, other_paragraphs_may_end_a_page)
{
	cr_expect_not(keeps_with_next("Sales will\n\n- report faults\n", "Sales will"));
	cr_expect_not(keeps_with_next("As follows:\n\nA paragraph.\n", "As follows"));
	cr_expect_not(keeps_with_next("Last words:\n", "Last words"));
	cr_expect_not(keeps_with_next("Code `a:`\n\n- item\n", "Code"));
}

/* A long lead-in (over about three lines) may still end a page: kept whole
 * with its list it would leave the page before half empty. */
Test(pdf_md, long_lead_in_may_end_a_page)
{
	char md[1024] = "Long";

	for (int i = 0; i < 40; i++)
		strcat(md, " word and");
	strcat(md, " more:\n\n- item\n- item\n");
	cr_expect_not(keeps_with_next(md, "Long"));
}
