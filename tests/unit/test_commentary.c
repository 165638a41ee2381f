/* test_commentary.c: commentary files split into the month's text and the
 * agreements' sections — unknown ids, an empty file, heading levels, raw HTML
 * shown as text, a second section for one id. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include "commentary.h"
#include "util.h"

static const char *const ids[] = { "it-service-desk", "lead-handoff", NULL };

static char *
diags(const struct diag *d)
{
	struct strbuf sb = {0};

	strbuf_puts(&sb, "");
	for (size_t i = 0; i < diag_len(d); i++) {
		char *s = diag_format(diag_get(d, i));
		strbuf_printf(&sb, "%s%s", i > 0 ? "\n" : "", s);
		free(s);
	}
	return strbuf_detach(&sb, NULL);
}

/* Splits text, expecting the diagnostics want. */
static void
split(struct commentary *c, const char *text, const char *want)
{
	struct diag *d = diag_new();
	char *got;

	commentary_split(c, "commentary/2026-10.md", text, strlen(text), ids, d);
	got = diags(d);
	cr_expect_str_eq(got, want);
	free(got);
	diag_free(d);
}

static void
expect_html(struct cmark_node *doc, int top, const char *want)
{
	char *html;

	cr_assert_not_null(doc);
	html = commentary_html(doc, top);
	cr_expect_str_eq(html, want);
	free(html);
}

Test(commentary, general_text_and_sections)
{
	struct commentary c;

	split(&c, "A good month.\n\n## it-service-desk\n\nTwo breaches.\n\n"
	    "## lead-handoff\n\nVolume *low*.\n", "");
	expect_html(c.general, 3, "<p>A good month.</p>\n");
	cr_assert_eq(c.nsections, 2);
	cr_expect_str_eq(c.sections[0].agreement, "it-service-desk");
	cr_expect_eq(c.sections[0].line, 3);
	expect_html(c.sections[0].doc, 4, "<p>Two breaches.</p>\n");
	cr_expect_str_eq(c.sections[1].agreement, "lead-handoff");
	expect_html(c.sections[1].doc, 4, "<p>Volume <em>low</em>.</p>\n");
	commentary_free(&c);
}

Test(commentary, unknown_id_warns_and_stays_in_the_general_text)
{
	struct commentary c;

	split(&c, "## it-servicedesk\n\nKept.\n\n## it-service-desk\n\nOurs.\n",
	    "commentary/2026-10.md:1:4: warning: no agreement has the id "
	    "\"it-servicedesk\" (did you mean \"it-service-desk\"?); its text is shown "
	    "in the month's general commentary, under this heading");
	/* The heading is the shallowest: it becomes the top level. */
	expect_html(c.general, 3, "<h3>it-servicedesk</h3>\n<p>Kept.</p>\n");
	cr_assert_eq(c.nsections, 1);
	expect_html(c.sections[0].doc, 4, "<p>Ours.</p>\n");
	commentary_free(&c);

	split(&c, "Intro\n\n##   zzz-nothing-like-it  \n\nText\n",
	    "commentary/2026-10.md:3:6: warning: no agreement has the id "
	    "\"zzz-nothing-like-it\"; its text is shown in the month's general "
	    "commentary, under this heading");
	commentary_free(&c);
}

Test(commentary, empty_file)
{
	struct commentary c;

	split(&c, "", "");
	cr_expect_null(c.general);
	cr_expect_eq(c.nsections, 0);
	commentary_free(&c);
	split(&c, "\n\n   \n", "");
	cr_expect_null(c.general);
	commentary_free(&c);
}

Test(commentary, heading_levels)
{
	struct commentary c;

	/* Only level 2 splits; # and ### stay where they are, shifted so the
	 * shallowest is the level asked for (at most h6), and back afterwards. */
	split(&c, "# Month\n\n### Detail\n\n## lead-handoff\n\n### Actions\n\n"
	    "#### Owner\n\n```\n## it-service-desk\n```\n", "");
	expect_html(c.general, 3, "<h3>Month</h3>\n<h5>Detail</h5>\n");
	expect_html(c.general, 5, "<h5>Month</h5>\n<h6>Detail</h6>\n");
	expect_html(c.general, 3, "<h3>Month</h3>\n<h5>Detail</h5>\n");
	cr_assert_eq(c.nsections, 1);	/* the fenced "##" is code */
	expect_html(c.sections[0].doc, 4, "<h4>Actions</h4>\n<h5>Owner</h5>\n"
	    "<pre><code>## it-service-desk\n</code></pre>\n");
	cr_expect_eq(commentary_heading_shift(c.sections[0].doc, 2), -1);
	commentary_free(&c);
}

Test(commentary, raw_html_is_shown_as_text)
{
	struct commentary c;

	split(&c, "Fine <b onclick=\"x()\">bold</b>.\n\n<script>alert(1)</script>\n", "");
	expect_html(c.general, 3, "<p>Fine &lt;b onclick=&quot;x()&quot;&gt;bold"
	    "&lt;/b&gt;.</p>\n<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n"
	    "</code></pre>\n");
	commentary_free(&c);
}

Test(commentary, second_section_for_one_id)
{
	struct commentary c;

	split(&c, "## lead-handoff\n\nOne.\n\n## lead-handoff\n\nTwo.\n",
	    "commentary/2026-10.md:5:4: warning: a second section for \"lead-handoff\" "
	    "(the first is at line 1): its text follows the first's");
	cr_assert_eq(c.nsections, 1);
	expect_html(c.sections[0].doc, 4, "<p>One.</p>\n<p>Two.</p>\n");
	commentary_free(&c);
}
