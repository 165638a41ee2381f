/* pdf_summary.c: the executive summary of the monthly report, drawn from the
 * "summary" of the month's view model (view_summary.c) — the same block as
 * on the month's page, in its order: the table of agreements, the RAG rule,
 * the sparklines, the totals and what needs attention. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_dev.h"
#include "pdf_doc.h"
#include "pdf_md.h"
#include "scene.h"
#include "chart.h"
#include "font.h"
#include "view.h"

#define SUM_SIZE 8.0	/* the dense tables of the summary */

/* Colours of the RAG words, dark enough to read in grey; the word and the mark
 * before it carry the status on a black-and-white printer. */
static uint32_t
rag_color(const char *rag)
{
	if (strcmp(rag, "red") == 0)
		return 0xA1161C;
	if (strcmp(rag, "amber") == 0)
		return 0x7A4A00;
	if (strcmp(rag, "green") == 0)
		return 0x12663A;
	return PDF_MUTED;
}

static const char *
rag_mark(const char *rag)
{
	if (strcmp(rag, "red") == 0)
		return "\xE2\x96\xA0 ";		/* ■ */
	if (strcmp(rag, "amber") == 0)
		return "\xE2\x96\xB2 ";		/* ▲ */
	if (strcmp(rag, "green") == 0)
		return "\xE2\x97\x8F ";		/* ● */
	return "\xE2\x97\x8B ";			/* ○ */
}

static void
put(struct lay_block *tb, int row, int col, const char *text, enum lay_align al,
    const struct lay_style *st)
{
	struct lay_block *c = lay_cell(tb, row, col);

	c->align = al;
	lay_text(c, st, text, strlen(text));
}

static const char *
lab(const cJSON *s, const char *key)
{
	return pdf_str(cJSON_GetObjectItemCaseSensitive(s, "t"), key);
}

static void
agreements(struct lay_flow *f, const cJSON *s)
{
	struct lay_style head = pdf_style(LAY_BOLD, SUM_SIZE, PDF_INK);
	struct lay_style body = pdf_style(LAY_REGULAR, SUM_SIZE, PDF_INK);
	static const char *const heads[6] = { "agreement", "status", "attainment", "change",
		"breaches", "credit" };
	static const double frac[6] = { 0.35, 0.17, 0.12, 0.11, 0.10, 0.15 };
	struct lay_block *tb = lay_table(f, 6, 1, true);
	const cJSON *e;
	int row = 1;

	lay_table_fix(tb, frac);
	lay_table_pad(tb, 3);
	tb->space_after = 6;
	for (int k = 0; k < 6; k++)
		put(tb, 0, k, lab(s, heads[k]), k >= 2 ? LAY_RIGHT : LAY_LEFT, &head);
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(s, "rows")) {
		const char *rag = pdf_str(e, "rag");
		struct lay_style st = pdf_style(LAY_BOLD, SUM_SIZE, rag_color(rag));
		struct lay_style link = pdf_style(LAY_BOLD, SUM_SIZE, PDF_LINK);
		char *href = xasprintf("#a-%s", pdf_str(e, "id"));
		struct lay_block *c = lay_cell(tb, row, 0);

		link.link = href;
		lay_text(c, &link, pdf_str(e, "title"), strlen(pdf_str(e, "title")));
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "review_overdue"))) {
			struct lay_style od = pdf_style(LAY_BOLD, SUM_SIZE - 1, rag_color("red"));
			lay_break(c);
			lay_text(c, &od, lab(s, "review_overdue"), strlen(lab(s, "review_overdue")));
		}
		free(href);
		c = lay_cell(tb, row, 1);
		lay_text(c, &st, rag_mark(rag), strlen(rag_mark(rag)));
		lay_text(c, &st, pdf_str(e, "rag_label"), strlen(pdf_str(e, "rag_label")));
		put(tb, row, 2, pdf_str(e, "attainment"), LAY_RIGHT, &body);
		put(tb, row, 3, pdf_str(e, "change"), LAY_RIGHT, &body);
		put(tb, row, 4, pdf_str(e, "breaches"), LAY_RIGHT, &body);
		put(tb, row++, 5, pdf_str(e, "credit"), LAY_RIGHT, &body);
	}
}

/* Breaks text into lines of at most maxw points at spaces (a word wider
 * than maxw keeps a line of its own); returns the number of lines, each an
 * owned string in *out. */
static int
wrap_words(const char *text, double size, double maxw, char ***out)
{
	struct strbuf line = {0};
	char **lines = NULL;
	size_t cap = 0;
	int n = 0;
	const char *p = text;

	while (*p != '\0') {
		const char *q = strchr(p, ' ');
		size_t len = q != NULL ? (size_t)(q - p) : strlen(p);
		size_t keep = line.len;

		if (line.len > 0)
			strbuf_puts(&line, " ");
		strbuf_append(&line, p, len);
		if (keep > 0 && font_text_width(FONT_REGULAR, size, line.data) > maxw) {
			line.data[keep] = '\0';
			xgrow((void **)&lines, &cap, (size_t)n + 1, sizeof *lines);
			lines[n++] = xstrdup(line.data);
			line.len = 0;
			strbuf_append(&line, p, len);
		}
		p += len;
		while (*p == ' ')
			p++;
	}
	xgrow((void **)&lines, &cap, (size_t)n + 1, sizeof *lines);
	lines[n++] = xstrdup(line.data != NULL ? line.data : "");
	strbuf_free(&line);
	*out = lines;
	return n;
}

/* The sparklines as one drawing, in the order of the page's list: per
 * agreement its title (wrapped at spaces within its column), the text
 * alternative under it, the 12 months beside them; gaps where a month has
 * no data. */
static void
sparklines(struct pdf_doc *d, struct lay_flow *f, const cJSON *s)
{
	const cJSON *rows = cJSON_GetObjectItemCaseSensitive(s, "rows"), *e;
	int n = cJSON_GetArraySize(rows), i = 0, extra = 0;
	double line = 24, lead = 9, namew = 310, sw = 150, w = namew + sw, y = 14;
	struct chart *c;
	struct lay_block *b;
	char ***titles;
	int *nt;

	if (n == 0)
		return;
	titles = xcalloc((size_t)n, sizeof *titles);
	nt = xcalloc((size_t)n, sizeof *nt);
	cJSON_ArrayForEach(e, rows) {
		nt[i] = wrap_words(pdf_str(e, "title"), SUM_SIZE, namew - 12, &titles[i]);
		extra += nt[i] - 1;
		i++;
	}
	c = xcalloc(1, sizeof *c);
	c->scene = scene_new(w, line * n + lead * extra + 14);
	scene_text(c->scene, 0, 9, lab(s, "trend"), FONT_BOLD, SUM_SIZE, SCENE_START, PDF_INK);
	i = 0;
	cJSON_ArrayForEach(e, rows) {
		double pts[VIEW_SPARK_MONTHS], h = line + lead * (nt[i] - 1);
		const cJSON *sp = cJSON_GetObjectItemCaseSensitive(e, "spark");
		const cJSON *p = cJSON_GetObjectItemCaseSensitive(sp, "points");

		for (int k = 0; k < VIEW_SPARK_MONTHS; k++) {
			const cJSON *x = cJSON_GetArrayItem(p, k);
			pts[k] = cJSON_IsNumber(x) ? x->valuedouble : NAN;
		}
		for (int k = 0; k < nt[i]; k++) {
			scene_text(c->scene, 0, y + 10 + lead * k, titles[i][k], FONT_REGULAR,
			    SUM_SIZE, SCENE_START, PDF_INK);
			free(titles[i][k]);
		}
		free(titles[i]);
		scene_text(c->scene, 0, y + h - 5, pdf_str(sp, "text"), FONT_REGULAR, 6.5,
		    SCENE_START, PDF_MUTED);
		scene_line(c->scene, 0, y + h - 1, w, y + h - 1, PDF_RULE, 0.4, 0);
		view_sparkline_draw(c->scene, pts, namew, y + 2 + (h - line) / 2, sw, line - 5);
		y += h;
		i++;
	}
	free(titles);
	free(nt);
	b = lay_add(f, LAY_BOX);
	b->w = scene_width(c->scene);
	b->h = scene_height(c->scene);
	b->obj = c->scene;
	b->obj_kind = PDF_OBJ_SCENE;
	b->space_before = 4;
	b->space_after = 8;
	b->keep_together = true;
	xgrow((void **)&d->charts, &d->capcharts, d->ncharts + 1, sizeof(*d->charts));
	d->charts[d->ncharts++] = c;
}

static void
attention(struct lay_flow *f, const cJSON *s)
{
	struct lay_style body = pdf_style(LAY_REGULAR, PDF_BODY, PDF_INK);
	struct lay_style bold = pdf_style(LAY_BOLD, PDF_BODY, PDF_INK);
	struct lay_style head = pdf_style(LAY_BOLD, SUM_SIZE, PDF_INK);
	struct lay_style cellst = pdf_style(LAY_REGULAR, SUM_SIZE, PDF_INK);
	struct lay_style muted = pdf_style(LAY_REGULAR, PDF_SMALL, PDF_MUTED);
	static const double frac[4] = { 0.42, 0.22, 0.12, 0.24 };
	const cJSON *e;
	struct lay_block *tb;
	int row = 1;

	pdf_heading(f, 3, lab(s, "attention"), NULL, false);
	pdf_para(f, &bold, lab(s, "streaks"))->keep_with_next = true;
	if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "has_streaks")))
		pdf_para(f, &body, lab(s, "streaks_none"))->space_after = 6;
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(s, "streaks")) {
		char *text = xasprintf("%s: %s", pdf_str(e, "title"), pdf_str(e, "text"));
		struct lay_block *b = lay_add(f, LAY_PARA);
		b->left = 12;
		lay_marker(b, &body, "\xE2\x80\xA2");
		lay_text(b, &body, text, strlen(text));
		free(text);
	}
	pdf_para(f, &bold, lab(s, "worst"))->space_before = 6;
	if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "has_worst"))) {
		pdf_para(f, &body, lab(s, "worst_none"));
		return;
	}
	lay_at(f, lay_flow_len(f) - 1)->keep_with_next = true;
	pdf_para(f, &muted, lab(s, "worst_note"))->keep_with_next = true;
	tb = lay_table(f, 4, 1, true);
	lay_table_fix(tb, frac);
	lay_table_pad(tb, 3);
	put(tb, 0, 0, lab(s, "item"), LAY_LEFT, &head);
	put(tb, 0, 1, lab(s, "agreement"), LAY_LEFT, &head);
	put(tb, 0, 2, lab(s, "clock"), LAY_LEFT, &head);
	put(tb, 0, 3, lab(s, "over_label"), LAY_RIGHT, &head);
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(s, "worst")) {
		char *item = xasprintf("%s %s", pdf_str(e, "id"), pdf_str(e, "title"));
		put(tb, row, 0, item, LAY_LEFT, &cellst);
		put(tb, row, 1, pdf_str(e, "agreement_title"), LAY_LEFT, &cellst);
		put(tb, row, 2, pdf_str(e, "clock_label"), LAY_LEFT, &cellst);
		put(tb, row++, 3, pdf_str(e, "over"), LAY_RIGHT, &cellst);
		free(item);
	}
}

void
pdf_summary(struct pdf_doc *d, struct lay_flow *f, const cJSON *s)
{
	struct lay_style muted = pdf_style(LAY_REGULAR, PDF_SMALL, PDF_MUTED);

	if (!cJSON_IsObject(s))
		return;
	pdf_heading(f, 1, pdf_str(s, "title"), "summary", true)->space_after = 8;
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "so_far")))
		pdf_mtd_notice(f, lab(s, "so_far_note"));
	agreements(f, s);
	pdf_para(f, &muted, lab(s, "rule"))->space_after = 6;
	sparklines(d, f, s);
	pdf_heading(f, 3, lab(s, "totals"), NULL, false);
	pdf_kv_table(f, cJSON_GetObjectItemCaseSensitive(s, "totals"), "label", "value");
	attention(f, s);
}
