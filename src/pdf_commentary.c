/* pdf_commentary.c: the month's commentary (commentary.h) in the monthly
 * report, where the month's page has it: the month's text after the overview,
 * an agreement's in its section after the charts. */
#include <stdlib.h>
#include "commentary.h"
#include "pdf_doc.h"
#include "pdf_md.h"

void
pdf_commentary(struct pdf_doc *d, struct lay_flow *f, int ym, const char *agreement,
    int level)
{
	struct cmark_node *doc = commentary_find(d->m, ym, agreement);
	struct pdf_md_opts o = {0};
	char *anchor;

	if (doc == NULL)
		return;
	anchor = pdf_anchor(d);
	pdf_heading(f, level, pdf_label(d, agreement != NULL ? "commentary" :
	    "commentary_month"), anchor, level == 1);
	free(anchor);
	o.anchor_prefix = "c-";
	o.heading_shift = commentary_heading_shift(doc, level + 1);
	o.outline_max = 0;
	o.dev = d->dev;
	o.diag = d->m->diag;
	o.file = d->file;
	pdf_md_render(f, doc, &o);
}
