/* pdf_restate.c: a restated month's notice and its changed figures in print (SPEC §8), as on the page. */
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
pdf_restated(struct pdf_doc *d, struct lay_flow *f, const cJSON *restated)
{
	static const char *const keys[] = { "agreement", "field", "was", "now" };
	const char *heads[4] = { pdf_label(d, "rst_agreement"), pdf_label(d, "rst_field"),
		pdf_label(d, "rst_was"), pdf_label(d, "rst_now") };
	const cJSON *nt, *e;

	if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(restated, "has")))
		return;
	cJSON_ArrayForEach(nt, cJSON_GetObjectItemCaseSensitive(restated, "notices")) {
		struct lay_block *tb;
		int row = 1, k;
		pdf_mtd_notice(f, pdf_str(nt, "text"));
		tb = lay_table(f, 4, 1, true);
		tb->space_after = 10;
		lay_table_pad(tb, 3);
		for (k = 0; k < 4; k++)
			cell(tb, 0, k, heads[k], k >= 2 ? LAY_RIGHT : LAY_LEFT, true);
		cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(nt, "entries")) {
			for (k = 0; k < 4; k++)
				cell(tb, row, k, pdf_str(e, keys[k]), k >= 2 ? LAY_RIGHT : LAY_LEFT,
				    false);
			row++;
		}
	}
}
