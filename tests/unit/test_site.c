/* test_site.c: safe file names for teams and safe agreement Markdown (suite site). */
#include <criterion/criterion.h>
#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>
#include "markdown.h"
#include "view.h"

static void
expect_slug(const char *in, const char *want)
{
	char *got = view_slugify(in);

	cr_expect_str_eq(got, want, "slug of [%s]: [%s], want [%s]", in, got, want);
	free(got);
}

Test(site, slugify)
{
	expect_slug("service-desk", "service-desk");
	expect_slug("../../etc", "etc");
	expect_slug("<script>alert(1)</script>", "script-alert-1-script");
	expect_slug("Sales  US", "sales-us");
	expect_slug("..", "team");
	expect_slug("/", "team");
	expect_slug("", "team");
	expect_slug("Büro München", "buero-muenchen");
	expect_slug("Straße/Äußeres", "strasse-aeusseres");
	expect_slug("a/b\\c:d", "a-b-c-d");
	expect_slug("--x--", "x");
	{
		char big[200];
		char *got;
		memset(big, 'a', sizeof big - 1);
		big[sizeof big - 1] = '\0';
		got = view_slugify(big);
		cr_expect_eq(strlen(got), 60);
		free(got);
	}
}

static char *
render(const char *md, bool unsafe)
{
	struct cmark_node *doc = markdown_parse(md, strlen(md));
	char *html = markdown_to_html(doc, unsafe);

	cmark_node_free(doc);
	return html;
}

Test(site, markdown_link_schemes)
{
	static const char *const bad[] = {
		"[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](vbscript:x)",
		"[x](data:text/html,x)", "[x](file:///etc/passwd)", "![x](javascript:alert(1))",
		"[x](<javascript:alert(1)>)", "[x](ftp://example.com/)",
	};
	static const char *const good[] = {
		"[x](https://example.com/a)", "[x](http://example.com/)", "[x](mailto:a@example.com)",
		"[x](tel:+49301234)", "[x](../reports/2026-10/index.html)", "[x](#section)",
		"[x](page.html?a=b:c)",
	};
	size_t i;
	int unsafe;

	for (unsafe = 0; unsafe <= 1; unsafe++) {
		for (i = 0; i < sizeof bad / sizeof *bad; i++) {
			char *html = render(bad[i], unsafe);
			cr_expect_null(strstr(html, "href="), "%s (unsafe %d) kept a link: %s", bad[i], unsafe, html);
			cr_expect_null(strstr(html, "src="), "%s (unsafe %d) kept an image: %s", bad[i], unsafe, html);
			free(html);
		}
		for (i = 0; i < sizeof good / sizeof *good; i++) {
			char *html = render(good[i], unsafe);
			cr_expect_not_null(strstr(html, "href="), "%s (unsafe %d) lost its link: %s", good[i], unsafe, html);
			free(html);
		}
	}
	{
		char *html = render("[keep the text](javascript:x)", false);
		cr_expect_not_null(strstr(html, "keep the text"), "%s", html);
		free(html);
	}
}

Test(site, markdown_raw_html)
{
	char *html = render("<script>alert(1)</script>\n\n<b>x</b> y\n", false);

	cr_expect_null(strstr(html, "<script"), "%s", html);
	cr_expect_null(strstr(html, "<b>"), "%s", html);
	free(html);
	html = render("<b>x</b> y\n", true);
	cr_expect_not_null(strstr(html, "<b>x</b>"), "%s", html);
	free(html);
}
