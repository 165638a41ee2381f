/* mdpdf.c: runs Markdown through the PDF renderer for tests/e2e/pdf.sh.
 *
 *   mdpdf OUT.pdf SPEC.json    every example of a CommonMark spec file, one
 *                              after the other, then checks with `pdftotext
 *                              -raw` that each example's text is in the PDF,
 *                              in order, between its marker and the next
 *   mdpdf OUT.pdf FILE.md…     the files, one after the other (no check)
 *
 * Prints "N examples, M without their text" and exits 1 when M > 0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include <cmark-gfm.h>

#include "layout.h"
#include "markdown.h"
#include "pdf_dev.h"
#include "pdf_font.h"
#include "pdf_md.h"
#include "util.h"

#define MARK "\xC2\xA7\xC2\xA7" "ex"	/* "§§ex": never in the spec's text */

/* The text of a tree that must print: text, code, code blocks. */
static void
expected(cmark_node *n, const struct pdf_face *face, struct strbuf *sb)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(c);
		const char *s;
		size_t i = 0, len;

		if (ev != CMARK_EVENT_ENTER || (t != CMARK_NODE_TEXT && t != CMARK_NODE_CODE &&
		    t != CMARK_NODE_CODE_BLOCK))
			continue;
		s = cmark_node_get_literal(c);
		len = strlen(s);
		while (i < len) {
			size_t at = i;
			uint32_t cp = lay_utf8_next(s, len, &i);
			/* Whitespace is the layout's; what cannot print is reported. */
			if (cp <= ' ' || cp == 0xA0 || cp == 0x7F || !pdf_face_has(face, cp))
				continue;
			strbuf_append(sb, s + at, i - at);
		}
	}
	cmark_iter_free(it);
}

/* s without whitespace (ASCII and no-break space). */
static char *
squeeze(const char *s, size_t len)
{
	struct strbuf sb = {0};
	size_t i = 0;

	while (i < len) {
		size_t at = i;
		uint32_t cp = lay_utf8_next(s, len, &i);
		if (cp > ' ' && cp != 0xA0)
			strbuf_append(&sb, s + at, i - at);
	}
	strbuf_putc(&sb, '\0');
	return strbuf_detach(&sb, NULL);
}

static bool
subsequence(const char *need, const char *hay, size_t haylen)
{
	size_t j = 0;

	for (; *need != '\0'; need++) {
		while (j < haylen && hay[j] != *need)
			j++;
		if (j == haylen)
			return false;
		j++;
	}
	return true;
}

static int
render(struct lay_flow *f, const char *out)
{
	const char *why = NULL;
	struct pdf_dev *dev = pdf_dev_new(PAGE_A4, "mdpdf", NULL, &why);
	struct lay_result r = {0};
	struct lay_geom g;
	char *data;
	size_t len;
	FILE *fp;
	int rc = 0;

	if (dev == NULL) {
		fprintf(stderr, "mdpdf: %s\n", why);
		return -1;
	}
	pdf_dev_geom(dev, &g);
	layout_run(f, pdf_dev_measure(dev), &g, &r);
	if (pdf_dev_draw(dev, &r, NULL) != 0 || pdf_dev_save(dev, &data, &len) != 0) {
		fprintf(stderr, "mdpdf: libharu failed\n");
		rc = -1;
	} else if ((fp = fopen(out, "wb")) == NULL || fwrite(data, 1, len, fp) != len ||
	    fclose(fp) != 0) {
		perror(out);
		rc = -1;
	}
	if (rc == 0)
		free(data);
	lay_result_free(&r);
	pdf_dev_free(dev);
	return rc;
}

/* Adds the blocks of one Markdown text; dev loads images (NULL: none). */
static void
add_markdown(struct lay_flow *f, const char *md, size_t len, const char *prefix)
{
	cmark_node *doc = markdown_parse(md, len);
	struct pdf_md_opts o = {0};

	o.anchor_prefix = prefix;
	o.outline_max = 2;
	pdf_md_render(f, doc, &o);
	cmark_node_free(doc);
}

static int
spec(const char *out, const char *path)
{
	char *text, *pdftext = NULL, *cmd, **want;
	size_t len, plen = 0;
	cJSON *arr;
	const cJSON *ex;
	struct lay_flow *f = lay_flow_new();
	struct lay_style st = pdf_style(LAY_BOLD, PDF_BODY, PDF_INK);
	const struct pdf_face *face = pdf_face_get(LAY_REGULAR);
	int n = 0, bad = 0, i;
	FILE *pp;

	if (read_file(path, &text, &len) != 0 || (arr = cJSON_Parse(text)) == NULL) {
		fprintf(stderr, "mdpdf: cannot read %s\n", path);
		return 2;
	}
	free(text);
	want = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(char *));
	cJSON_ArrayForEach(ex, arr) {
		const char *md = cJSON_GetStringValue(cJSON_GetObjectItem(ex, "markdown"));
		char *mark = xasprintf(MARK "%d", n), *prefix = xasprintf("e%d-", n);
		struct strbuf sb = {0};
		cmark_node *doc;

		if (md == NULL)
			md = "";
		pdf_para(f, &st, mark)->space_before = 10;
		add_markdown(f, md, strlen(md), prefix);
		doc = markdown_parse(md, strlen(md));
		expected(doc, face, &sb);
		cmark_node_free(doc);
		strbuf_putc(&sb, '\0');
		want[n++] = strbuf_detach(&sb, NULL);
		free(mark);
		free(prefix);
	}
	cJSON_Delete(arr);
	if (render(f, out) != 0)
		return 2;
	lay_flow_free(f);
	cmd = xasprintf("pdftotext -raw -enc UTF-8 '%s' - 2>/dev/null", out);
	if ((pp = popen(cmd, "r")) != NULL) {
		struct strbuf sb = {0};
		char buf[65536];
		size_t got;
		while ((got = fread(buf, 1, sizeof buf, pp)) > 0)
			strbuf_append(&sb, buf, got);
		pclose(pp);
		pdftext = squeeze(sb.data != NULL ? sb.data : "", sb.len);
		plen = strlen(pdftext);
		strbuf_free(&sb);
	}
	free(cmd);
	for (i = 0; i < n; i++) {
		char m1[32], m2[32];
		const char *a, *b;
		snprintf(m1, sizeof m1, MARK "%d", i);
		snprintf(m2, sizeof m2, MARK "%d", i + 1);
		a = pdftext != NULL ? strstr(pdftext, m1) : NULL;
		b = a != NULL ? strstr(a + strlen(m1), m2) : NULL;
		if (b == NULL)
			b = pdftext + plen;
		if (a == NULL || !subsequence(want[i], a + strlen(m1), (size_t)(b - a) - strlen(m1))) {
			if (bad < 10)
				fprintf(stderr, "mdpdf: %s: example %d: text missing: %s\n", path,
				    i + 1, want[i]);
			bad++;
		}
		free(want[i]);
	}
	free(want);
	free(pdftext);
	printf("%d examples, %d without their text\n", n, bad);
	return bad > 0;
}

int
main(int argc, char **argv)
{
	struct lay_flow *f;
	int rc;

	if (argc < 3) {
		fprintf(stderr, "usage: mdpdf OUT.pdf SPEC.json | mdpdf OUT.pdf FILE.md...\n");
		return 2;
	}
	if (strlen(argv[2]) > 5 && strcmp(argv[2] + strlen(argv[2]) - 5, ".json") == 0)
		return spec(argv[1], argv[2]);
	f = lay_flow_new();
	for (int i = 2; i < argc; i++) {
		char *text;
		size_t len;
		if (read_file(argv[i], &text, &len) != 0) {
			perror(argv[i]);
			return 2;
		}
		add_markdown(f, text, len, "");
		free(text);
		lay_add(f, LAY_PAGEBREAK);
	}
	rc = render(f, argv[1]);
	lay_flow_free(f);
	return rc != 0 ? 2 : 0;
}
