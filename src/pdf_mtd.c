/* pdf_mtd.c: the month in progress (SPEC §8 Month to date) in print — the notice, the due list, breaches still allowed. */
#include <stdlib.h>
#include <string.h>

#include "pdf_doc.h"
#include "pdf_md.h"
#include "util.h"

static void
cell(struct lay_block *tb, int row, int col, const char *text, enum lay_align al, bool bold)
{
	struct lay_block *c = lay_cell(tb, row, col);
	struct lay_style st = pdf_style(bold ? LAY_BOLD : LAY_REGULAR, PDF_BODY * 0.88, PDF_INK);

	c->align = al;
	lay_text(c, &st, text, strlen(text));
}

void
pdf_mtd_notice(struct lay_flow *f, const char *notice)
{
	struct lay_style st = pdf_style(LAY_BOLD, PDF_BODY, PDF_INK);
	struct lay_block *b;

	if (notice == NULL || *notice == '\0')
		return;
	b = pdf_para(f, &st, notice);
	b->shaded = true;
	b->shade = 0xFFF4DC;
	b->pad = 6;
	b->nbars = 1;
	b->bars[0] = 0;
	b->space_after = 10;
	b->keep_together = true;
}

void
pdf_mtd(struct pdf_doc *d, struct lay_flow *f, const cJSON *mtd)
{
	struct lay_style body = pdf_style(LAY_REGULAR, PDF_BODY, PDF_INK);
	struct lay_style muted = pdf_style(LAY_REGULAR, PDF_BODY, PDF_MUTED);
	static const char *const keys[] = {"due", "id", "title", "severity", "clock", "team"};
	bool ola = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(mtd, "is_ola"));
	const cJSON *r;
	struct lay_block *tb;
	char *anchor, *due;
	int row = 1, k, ncols;

	if (!cJSON_IsObject(mtd))
		return;
	anchor = pdf_anchor(d);
	pdf_heading(f, 2, pdf_label(d, "mtd_due_title"), anchor, false);
	free(anchor);
	pdf_para(f, &muted, pdf_label(d, "mtd_due_intro"))->keep_with_next = true;
	if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(mtd, "has_due")))
		pdf_para(f, &body, pdf_str(mtd, "due_none"));
	else {
		const char *heads[6] = {NULL, pdf_label(d, "item"), pdf_label(d, "item_title"),
			pdf_label(d, "severity"), pdf_label(d, "clock"), pdf_label(d, "team")};
		due = xasprintf("%s (%s)", pdf_label(d, "mtd_due"), pdf_str(mtd, "timezone"));
		heads[0] = due;
		tb = lay_table(f, 6, 1, true);
		tb->space_after = 10;
		lay_table_pad(tb, 3);
		for (k = 0; k < 6; k++)
			cell(tb, 0, k, heads[k], LAY_LEFT, true);
		cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(mtd, "due")) {
			for (k = 0; k < 6; k++)
				cell(tb, row, k, pdf_str(r, keys[k]), LAY_LEFT, k == 1);
			row++;
		}
		free(due);
	}
	anchor = pdf_anchor(d);
	pdf_heading(f, 3, pdf_label(d, "mtd_allowed_title"), anchor, false);
	free(anchor);
	pdf_para(f, &muted, pdf_label(d, "mtd_allowed_intro"))->keep_with_next = true;
	ncols = ola ? 2 : 3;
	tb = lay_table(f, ncols, 1, true);
	tb->space_after = 10;
	tb->keep_together = true;
	lay_table_pad(tb, 3);
	cell(tb, 0, 0, pdf_label(d, "severity"), LAY_LEFT, true);
	if (!ola)
		cell(tb, 0, 1, pdf_label(d, "clock_response"), LAY_RIGHT, true);
	cell(tb, 0, ncols - 1, pdf_label(d, "clock_resolution"), LAY_RIGHT, true);
	row = 1;
	cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(mtd, "allowed")) {
		cell(tb, row, 0, pdf_str(r, "severity"), LAY_LEFT, false);
		if (!ola)
			cell(tb, row, 1, pdf_str(r, "response"), LAY_RIGHT, false);
		cell(tb, row++, ncols - 1, pdf_str(r, "resolution"), LAY_RIGHT, false);
	}
}
