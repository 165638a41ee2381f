/* pdf_exclusions.c: the exclusions ledger of a month (SPEC §8) as a PDF table, shared by brochure and report. */
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
pdf_exclusions(struct pdf_doc *d, struct lay_flow *f, const cJSON *ex)
{
	struct lay_style body = pdf_style(LAY_REGULAR, PDF_BODY, PDF_INK);
	struct lay_style muted = pdf_style(LAY_REGULAR, PDF_BODY, PDF_MUTED);
	const char *heads[4] = {pdf_label(d, "excl_kind"), pdf_label(d, "excl_what"),
		pdf_label(d, "excl_reason"), pdf_label(d, "excl_items")};
	const cJSON *r;
	struct lay_block *tb;
	int row = 1, k;

	if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(ex, "has"))) {
		pdf_para(f, &body, pdf_str(ex, "none"));
		return;
	}
	pdf_para(f, &muted, pdf_label(d, "excl_intro"))->keep_with_next = true;
	tb = lay_table(f, 4, 1, true);
	tb->space_after = 10;
	lay_table_pad(tb, 3);
	for (k = 0; k < 4; k++)
		cell(tb, 0, k, heads[k], k == 3 ? LAY_RIGHT : LAY_LEFT, true);
	cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(ex, "rows")) {
		char *what = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "is_item")) ?
		    xasprintf("%s (%s %s)", pdf_str(r, "what"), pdf_label(d, "excl_at"),
		    pdf_str(r, "at")) : xstrdup(pdf_str(r, "what"));
		cell(tb, row, 0, pdf_str(r, "kind"), LAY_LEFT, false);
		cell(tb, row, 1, what, LAY_LEFT, false);
		cell(tb, row, 2, pdf_str(r, "reason"), LAY_LEFT, false);
		cell(tb, row++, 3, pdf_str(r, "items"), LAY_RIGHT, false);
		free(what);
	}
}
