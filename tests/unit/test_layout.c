/* test_layout.c: the PDF layout engine with a fixed-pitch fake device — every
 * glyph half an em wide — so that line breaks and page breaks can be counted
 * by hand. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "util.h"

/* Half an em per code point; nothing above U+2FFF can be printed. */
static double
fake_advance(void *ctx, int font, uint32_t cp)
{
	(void)ctx, (void)font, (void)cp;
	return 500;
}

static bool
fake_has_glyph(void *ctx, int font, uint32_t cp)
{
	(void)ctx, (void)font;
	return cp < 0x3000;
}

static const struct lay_device dev = {NULL, fake_advance, fake_has_glyph};

/* 200 x 300 pt pages, 20 pt margins: a 160 pt measure = 32 chars at 10 pt. */
static const struct lay_geom geom = {200, 300, 20, 20, 20, 20};

static struct lay_style
st10(void)
{
	struct lay_style s = {0};
	s.size = 10;
	return s;
}

static struct lay_block *
para(struct lay_flow *f, const char *text, enum lay_align al)
{
	struct lay_block *b = lay_add(f, LAY_PARA);
	struct lay_style s = st10();

	b->align = al;
	b->leading = 1.5;		/* 15 pt lines */
	lay_text(b, &s, text, strlen(text));
	return b;
}

/* Text operations of page p, in order. */
static size_t
texts(const struct lay_result *r, int p, const struct lay_op **out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < r->pages[p].nops && n < max; i++)
		if (r->pages[p].ops[i].kind == LAY_OP_TEXT)
			out[n++] = &r->pages[p].ops[i];
	return n;
}

/* Every text stays inside the margins and above the bottom margin. */
static void
assert_inside(const struct lay_result *r)
{
	for (int p = 0; p < r->npages; p++)
		for (size_t i = 0; i < r->pages[p].nops; i++) {
			const struct lay_op *op = &r->pages[p].ops[i];
			if (op->kind != LAY_OP_TEXT)
				continue;
			cr_assert_geq(op->x, geom.left - 0.01, "page %d: \"%s\" at x=%g", p,
			    op->text, op->x);
			cr_assert_leq(op->x + op->w, geom.width - geom.right + 0.01,
			    "page %d: \"%s\" ends at %g", p, op->text, op->x + op->w);
			cr_assert_leq(op->y, geom.height - geom.bottom + 0.01);
			cr_assert_geq(op->y, geom.top);
		}
}

Test(layout, text_width_counts_code_points)
{
	cr_expect_float_eq(lay_text_width(&dev, 0, 10, "abc", 3), 15.0, 1e-9);
	/* "ä€" is two code points in five bytes. */
	cr_expect_float_eq(lay_text_width(&dev, 0, 10, "\xC3\xA4\xE2\x82\xAC", 5), 10.0, 1e-9);
}

Test(layout, greedy_ragged_lines)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	const struct lay_op *t[16];
	size_t n;

	/* 10 words of 5 chars: "aaaaa bbbbb" … each 6 chars with the space;
	 * 32 chars fit: five words (29 chars) per line. */
	para(f, "aaaaa bbbbb ccccc ddddd eeeee fffff ggggg hhhhh iiiii jjjjj", LAY_LEFT);
	layout_run(f, &dev, &geom, &r);
	n = texts(&r, 0, t, 16);
	cr_assert_eq(r.npages, 1);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(t[0]->text, "aaaaa bbbbb ccccc ddddd eeeee");
	cr_expect_str_eq(t[1]->text, "fffff ggggg hhhhh iiiii jjjjj");
	cr_expect_float_eq(t[1]->y - t[0]->y, 15.0, 1e-9);
	cr_expect_float_eq(t[0]->x, 20.0, 1e-9);
	lay_result_free(&r);
	lay_flow_free(f);
}

Test(layout, justified_lines_reach_the_right_margin)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	const struct lay_op *t[32];
	size_t n;
	double last_end = 0;

	para(f, "aaaaa bbbbb ccccc ddddd eeeee fffff ggggg hhhhh iiiii jjjjj kkk", LAY_JUSTIFY);
	layout_run(f, &dev, &geom, &r);
	n = texts(&r, 0, t, 32);
	/* Justified: one operation per word; the first line's last word ends at
	 * the margin, the last line stays ragged. */
	cr_assert_eq(n, 11);
	cr_expect_float_eq(t[4]->x + t[4]->w, 180.0, 1e-6);
	last_end = t[10]->x + t[10]->w;
	cr_expect_lt(last_end, 180.0);
	cr_expect_float_eq(t[10]->x, 20.0, 1e-6);	/* "kkk" alone on line 3 */
	lay_result_free(&r);
	lay_flow_free(f);
}

Test(layout, long_word_is_cut_never_overflows)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	char word[101];

	memset(word, 'x', 100);
	word[100] = '\0';
	para(f, word, LAY_JUSTIFY);
	layout_run(f, &dev, &geom, &r);
	/* 100 chars at 32 per line: 4 lines. */
	cr_expect_eq(r.pages[0].nops, 4);
	cr_expect_eq(r.overfull, 1);
	assert_inside(&r);
	lay_result_free(&r);
	lay_flow_free(f);
}

Test(layout, hard_break_and_pre)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	const struct lay_op *t[8];
	struct lay_block *b = para(f, "one", LAY_JUSTIFY);
	struct lay_style s = st10();

	lay_break(b);
	lay_text(b, &s, "two", 3);
	b = para(f, "  indented\n\tx", LAY_LEFT);
	b->pre = true;
	layout_run(f, &dev, &geom, &r);
	cr_assert_eq(texts(&r, 0, t, 8), 4);
	cr_expect_str_eq(t[0]->text, "one");
	cr_expect_str_eq(t[1]->text, "two");
	cr_expect_str_eq(t[2]->text, "  indented");
	cr_expect_str_eq(t[3]->text, "    x");	/* a tab to column 4 */
	lay_result_free(&r);
	lay_flow_free(f);
}

Test(layout, page_breaks_keep_everything_inside)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	int lines = 0;

	/* 260 pt of room per page = 17 lines of 15 pt. */
	for (int i = 0; i < 40; i++)
		para(f, "word word word word word word word word", LAY_JUSTIFY);
	layout_run(f, &dev, &geom, &r);
	for (int p = 0; p < r.npages; p++) {
		const struct lay_op *t[200];
		size_t n = texts(&r, p, t, 200);
		double prev = -1;
		for (size_t i = 0; i < n; i++)
			if (t[i]->y != prev) {
				lines++;
				prev = t[i]->y;
			}
	}
	cr_expect_eq(lines, 80);	/* two lines per paragraph */
	cr_expect_eq(r.npages, 5);	/* 8 paragraphs (16 lines) per page */
	assert_inside(&r);
	lay_result_free(&r);
	lay_flow_free(f);
}

Test(layout, no_orphans_or_widows)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	const struct lay_op *t[64];
	size_t n;

	/* 16 one-line paragraphs leave one line of room, then a 4-line one:
	 * one line alone at the foot would be an orphan, so all four move. */
	for (int i = 0; i < 16; i++)
		para(f, "filler", LAY_LEFT);
	para(f, "p1 xxxxxxxxxxxxxxxxxxxxxxxxxxxxx p2 xxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
	    "p3 xxxxxxxxxxxxxxxxxxxxxxxxxxxxx p4", LAY_LEFT);
	layout_run(f, &dev, &geom, &r);
	cr_assert_eq(r.npages, 2);
	n = texts(&r, 1, t, 64);
	cr_assert_eq(n, 4);
	cr_expect(strncmp(t[0]->text, "p1", 2) == 0);
	lay_result_free(&r);
	lay_flow_free(f);

	/* 14 fillers leave three lines: two go there, two carry over (a single
	 * line would be a widow). */
	f = lay_flow_new();
	memset(&r, 0, sizeof(r));
	for (int i = 0; i < 14; i++)
		para(f, "filler", LAY_LEFT);
	para(f, "p1 xxxxxxxxxxxxxxxxxxxxxxxxxxxxx p2 xxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
	    "p3 xxxxxxxxxxxxxxxxxxxxxxxxxxxxx p4", LAY_LEFT);
	layout_run(f, &dev, &geom, &r);
	cr_assert_eq(r.npages, 2);
	n = texts(&r, 1, t, 64);
	cr_assert_eq(n, 2);
	cr_expect(strncmp(t[0]->text, "p3", 2) == 0);
	lay_result_free(&r);
	lay_flow_free(f);
}

Test(layout, heading_kept_with_next)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	const struct lay_op *t[64];
	struct lay_block *h;

	for (int i = 0; i < 16; i++)
		para(f, "filler", LAY_LEFT);
	h = para(f, "Heading", LAY_LEFT);
	h->keep_with_next = true;
	h->outline = 1;
	h->anchor = strdup("h");
	para(f, "body one two three four five six seven eight nine ten eleven", LAY_LEFT);
	layout_run(f, &dev, &geom, &r);
	cr_assert_eq(r.npages, 2);
	cr_assert_geq(texts(&r, 1, t, 64), 1);
	cr_expect_str_eq(t[0]->text, "Heading");
	cr_assert_eq(r.nmarks, 1);
	cr_expect_eq(r.marks[0].page, 1);
	cr_expect_str_eq(r.marks[0].title, "Heading");
	lay_result_free(&r);
	lay_flow_free(f);
}

Test(layout, table_header_repeats_on_every_page)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	struct lay_block *tb = lay_table(f, 3, 1, true);
	struct lay_style s = st10();
	int heads = 0;

	for (int k = 0; k < 3; k++)
		lay_text(lay_cell(tb, 0, k), &s, "HEAD", 4);
	for (int i = 1; i <= 60; i++) {
		char buf[32];
		snprintf(buf, sizeof buf, "row %d", i);
		for (int k = 0; k < 3; k++)
			lay_text(lay_cell(tb, i, k), &s, buf, strlen(buf));
	}
	layout_run(f, &dev, &geom, &r);
	cr_assert_gt(r.npages, 2);
	for (int p = 0; p < r.npages; p++) {
		const struct lay_op *t[400];
		size_t n = texts(&r, p, t, 400);
		int here = 0;
		for (size_t i = 0; i < n; i++)
			here += strcmp(t[i]->text, "HEAD") == 0;
		cr_expect_eq(here, 3, "page %d has %d header cells", p, here);
		cr_expect_str_eq(t[0]->text, "HEAD");
		heads += here;
	}
	cr_expect_eq(heads, 3 * r.npages);
	assert_inside(&r);
	lay_result_free(&r);
	lay_flow_free(f);
}

Test(layout, table_columns_from_content_and_wrapping)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	struct lay_block *tb = lay_table(f, 2, 1, true);
	struct lay_style s = st10();
	const struct lay_op *t[64];
	size_t n;

	lay_text(lay_cell(tb, 0, 0), &s, "A", 1);
	lay_text(lay_cell(tb, 0, 1), &s, "B", 1);
	lay_text(lay_cell(tb, 1, 0), &s, "x", 1);
	lay_text(lay_cell(tb, 1, 1), &s,
	    "a long cell text that cannot fit on one line of this narrow page", 65);
	layout_run(f, &dev, &geom, &r);
	n = texts(&r, 0, t, 64);
	/* The narrow column keeps its one-letter width plus padding; the wide
	 * one wraps its text over several lines. */
	cr_assert_gt(n, 4);
	cr_expect_lt(t[1]->x, 60);
	assert_inside(&r);
	lay_result_free(&r);
	lay_flow_free(f);
}

Test(layout, row_taller_than_a_page_is_split)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	struct lay_block *tb = lay_table(f, 1, 1, true);
	struct lay_style s = st10();
	struct lay_block *c;

	lay_text(lay_cell(tb, 0, 0), &s, "H", 1);
	c = lay_cell(tb, 1, 0);
	for (int i = 0; i < 40; i++) {
		lay_text(c, &s, "line", 4);
		lay_break(c);
	}
	layout_run(f, &dev, &geom, &r);
	cr_expect_gt(r.npages, 1);
	assert_inside(&r);
	lay_result_free(&r);
	lay_flow_free(f);
}

Test(layout, unprintable_characters_are_reported)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};

	/* U+4E2D (beyond the fake font) and U+1F600 (beyond the BMP). */
	para(f, "a\xE4\xB8\xAD b\xF0\x9F\x98\x80 c\xE4\xB8\xAD", LAY_LEFT);
	layout_run(f, &dev, &geom, &r);
	cr_assert_eq(r.nmissing, 2);
	cr_expect_eq(r.missing[0], 0x4E2D);
	cr_expect_eq(r.missing[1], 0x1F600);
	lay_result_free(&r);
	lay_flow_free(f);
}

Test(layout, links_become_areas)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	struct lay_block *b = lay_add(f, LAY_PARA);
	struct lay_style s = st10();
	int links = 0;

	s.link = "https://example.org/";
	lay_text(b, &s, "click", 5);
	layout_run(f, &dev, &geom, &r);
	for (size_t i = 0; i < r.pages[0].nops; i++)
		if (r.pages[0].ops[i].kind == LAY_OP_LINK) {
			links++;
			cr_expect_str_eq(r.pages[0].ops[i].text, "https://example.org/");
			cr_expect_float_eq(r.pages[0].ops[i].w, 25.0, 1e-9);
		}
	cr_expect_eq(links, 1);
	lay_result_free(&r);
	lay_flow_free(f);
}

Test(layout, total_fit_lines_fill_the_measure)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	struct strbuf sb = {0};
	unsigned seed = 7;

	/* 300 words of 1 to 9 letters: every line but the last ends at the
	 * right margin (stretched or shrunk), none goes past it. */
	for (int i = 0; i < 300; i++) {
		int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 9;
		if (i > 0)
			strbuf_putc(&sb, ' ');
		for (int k = 0; k < n; k++)
			strbuf_putc(&sb, (char)('a' + k));
	}
	para(f, sb.data, LAY_JUSTIFY);
	layout_run(f, &dev, &geom, &r);
	assert_inside(&r);
	for (int p = 0; p < r.npages; p++) {
		const struct lay_op *t[400];
		size_t n = texts(&r, p, t, 400);
		for (size_t i = 0; i + 1 < n; i++)
			if (t[i + 1]->y != t[i]->y && !(p == r.npages - 1 && i + 1 == n))
				cr_expect_float_eq(t[i]->x + t[i]->w, 180.0, 1e-6,
				    "page %d: line ends at %g", p, t[i]->x + t[i]->w);
	}
	strbuf_free(&sb);
	lay_result_free(&r);
	lay_flow_free(f);
}

Test(layout, deep_indent_keeps_a_measure)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	struct lay_block *b = para(f, "text under a thousand levels of nesting", LAY_JUSTIFY);

	b->left = 17000;
	b->right = 500;
	layout_run(f, &dev, &geom, &r);
	assert_inside(&r);
	cr_expect_gt(r.pages[0].nops, 0);
	lay_result_free(&r);
	lay_flow_free(f);
}

/* Fixed column fractions give way to a column's longest word: "Attainment"
 * (50 pt at 10 pt) in a column of 10 % of 160 pt takes its width from the
 * wide column instead of being cut. */
Test(layout, fixed_fractions_never_cut_a_word_that_fits)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	struct lay_block *tb = lay_table(f, 2, 1, true);
	struct lay_style s = st10();
	static const double frac[2] = {0.9, 0.1};
	const struct lay_op *t[64];
	size_t n;
	bool whole = false;

	lay_table_fix(tb, frac);
	lay_text(lay_cell(tb, 0, 0), &s, "Agreement", 9);
	lay_text(lay_cell(tb, 0, 1), &s, "Attainment", 10);
	lay_text(lay_cell(tb, 1, 0), &s, "Lead hand-off from marketing to sales", 37);
	lay_text(lay_cell(tb, 1, 1), &s, "94.3%", 5);
	layout_run(f, &dev, &geom, &r);
	n = texts(&r, 0, t, 64);
	for (size_t i = 0; i < n; i++) {
		cr_expect_neq(strcmp(t[i]->text, "Attainmen"), 0, "the header was cut");
		if (strcmp(t[i]->text, "Attainment") == 0)
			whole = true;
	}
	cr_expect(whole, "\"Attainment\" printed whole");
	assert_inside(&r);
	lay_result_free(&r);
	lay_flow_free(f);
}

/* The first text of page p that is no list marker, or "". */
static const char *
first_text(const struct lay_result *r, int p)
{
	const struct lay_op *t[64];
	size_t n = p < r->npages ? texts(r, p, t, 64) : 0;

	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i]->text, "\xE2\x80\xA2") != 0)
			return t[i]->text;
	return "";
}

static void
list_of(struct lay_flow *f, int fillers, int items)
{
	struct lay_style s = st10();

	for (int i = 0; i < fillers; i++)
		para(f, "filler", LAY_LEFT);
	for (int i = 1; i <= items; i++) {
		char buf[16];
		snprintf(buf, sizeof buf, "item%d", i);
		lay_marker(para(f, buf, LAY_LEFT), &s, "\xE2\x80\xA2");
	}
}

/* 17 lines of 15 pt fill a page. After 16 fillers one item would fit: the
 * first item goes over with the second instead (no 1 | n split). */
Test(layout, list_never_split_one_then_rest)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};

	list_of(f, 16, 4);
	layout_run(f, &dev, &geom, &r);
	cr_assert_eq(r.npages, 2);
	cr_expect_str_eq(first_text(&r, 1), "item1");
	lay_result_free(&r);
	lay_flow_free(f);
}

/* After 14 fillers three of four items fit: the third goes over with the
 * last (no n | 1 split), 2 | 2. */
Test(layout, list_never_split_rest_then_one)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};

	list_of(f, 14, 4);
	layout_run(f, &dev, &geom, &r);
	cr_assert_eq(r.npages, 2);
	cr_expect_str_eq(first_text(&r, 1), "item3");
	lay_result_free(&r);
	lay_flow_free(f);
}

static int
count_rows(const struct lay_result *r, int p)
{
	const struct lay_op *t[400];
	size_t n = texts(r, p, t, 400);
	int rows = 0;

	for (size_t i = 0; i < n; i++)
		rows += strncmp(t[i]->text, "r", 1) == 0 && strcmp(t[i]->text, "row") != 0;
	return rows;
}

/* A table of header + `body` one-line rows after `fillers` lines. */
static void
table_after(struct lay_flow *f, int fillers, int body)
{
	struct lay_style s = st10();
	struct lay_block *tb;

	for (int i = 0; i < fillers; i++)
		para(f, "filler", LAY_LEFT);
	tb = lay_table(f, 2, 1, true);
	lay_text(lay_cell(tb, 0, 0), &s, "HEAD", 4);
	lay_text(lay_cell(tb, 0, 1), &s, "HEAD", 4);
	for (int i = 1; i <= body; i++) {
		char buf[16];
		snprintf(buf, sizeof buf, "r%d", i);
		lay_text(lay_cell(tb, i, 0), &s, buf, strlen(buf));
		lay_text(lay_cell(tb, i, 1), &s, "x", 1);
	}
}

/* Wherever a long table breaks, no fragment holds fewer than 3 body rows;
 * a table too short to leave 3 on each side (here 5 rows), and one of a
 * single row under its header (a month with one breach), moves whole. */
Test(layout, table_fragments_hold_three_rows_or_none)
{
	for (int fillers = 0; fillers < 17; fillers++) {
		for (int body = 1; body <= 12; body++) {
			struct lay_flow *f = lay_flow_new();
			struct lay_result r = {0};
			int total = 0, pages_with_rows = 0;

			table_after(f, fillers, body);
			layout_run(f, &dev, &geom, &r);
			for (int p = 0; p < r.npages; p++) {
				int n = count_rows(&r, p);
				total += n;
				pages_with_rows += n > 0;
				if (body >= 6 && n > 0)
					cr_expect_geq(n, 3, "fillers %d, %d rows: page %d holds %d",
					    fillers, body, p, n);
			}
			cr_expect_eq(total, body, "fillers %d: %d of %d rows", fillers, total,
			    body);
			if (body < 6)
				cr_expect_eq(pages_with_rows, 1, "fillers %d: %d rows split", fillers,
				    body);
			lay_result_free(&r);
			lay_flow_free(f);
		}
	}
}

/* A header cell spanning its columns ("Resolution" over attainment, goal
 * and n) is drawn once, centred over the columns it spans. */
Test(layout, colspan_header_centred_over_its_columns)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	struct lay_block *tb = lay_table(f, 4, 2, true);
	struct lay_style s = st10();
	const struct lay_op *t[64], *span = NULL, *a = NULL, *c = NULL;
	size_t n;

	lay_text(lay_cell(tb, 0, 0), &s, "Sev", 3);
	lay_text(lay_cell(tb, 0, 1), &s, "Span", 4);
	lay_cell(tb, 0, 1)->colspan = 3;
	lay_cell(tb, 0, 1)->align = LAY_CENTER;
	lay_text(lay_cell(tb, 1, 1), &s, "aaaa", 4);
	lay_text(lay_cell(tb, 1, 2), &s, "bbbb", 4);
	lay_text(lay_cell(tb, 1, 3), &s, "cccc", 4);
	lay_text(lay_cell(tb, 2, 0), &s, "1", 1);
	layout_run(f, &dev, &geom, &r);
	n = texts(&r, 0, t, 64);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(t[i]->text, "Span") == 0) {
			cr_expect_null(span, "the spanning cell is drawn twice");
			span = t[i];
		}
		if (strcmp(t[i]->text, "aaaa") == 0)
			a = t[i];
		if (strcmp(t[i]->text, "cccc") == 0)
			c = t[i];
	}
	cr_assert(span != NULL && a != NULL && c != NULL);
	/* Its middle lies between the first and the last spanned column. */
	cr_expect_gt(span->x + span->w / 2, a->x + a->w);
	cr_expect_lt(span->x + span->w / 2, c->x);
	assert_inside(&r);
	lay_result_free(&r);
	lay_flow_free(f);
}

/* A spanning cell longer than the columns under it widens them rather than
 * being cut ("Attainmen|t" over "–" and "ok"). */
Test(layout, colspan_cell_widens_the_columns_it_spans)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_result r = {0};
	struct lay_block *tb = lay_table(f, 3, 1, true);
	struct lay_style s = st10();
	const struct lay_op *t[64];
	size_t n;
	int found = 0;

	lay_text(lay_cell(tb, 0, 0), &s, "Sev", 3);
	lay_text(lay_cell(tb, 0, 1), &s, "Attainment", 10);
	lay_cell(tb, 0, 1)->colspan = 2;
	lay_text(lay_cell(tb, 1, 0), &s, "1", 1);
	lay_text(lay_cell(tb, 1, 1), &s, "-", 1);
	lay_text(lay_cell(tb, 1, 2), &s, "ok", 2);
	layout_run(f, &dev, &geom, &r);
	n = texts(&r, 0, t, 64);
	for (size_t i = 0; i < n; i++) {
		cr_expect(strcmp(t[i]->text, "Attainmen") != 0, "the spanning word is cut");
		found += strcmp(t[i]->text, "Attainment") == 0;
	}
	cr_expect_eq(found, 1);
	assert_inside(&r);
	lay_result_free(&r);
	lay_flow_free(f);
}
