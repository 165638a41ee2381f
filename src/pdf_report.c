/* pdf_report.c: the monthly management report — cover, the executive
 * summary with the contents under it (pdf_summary.c), a section per agreement
 * (key figures, terms, chart, breaches) and the data quality — from the
 * month's view model. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "kpi.h"
#include "pdf_dev.h"
#include "pdf_doc.h"
#include "pdf_md.h"
#include "view.h"

static struct lay_style
small(bool bold)
{
	return pdf_style(bold ? LAY_BOLD : LAY_REGULAR, PDF_BODY * 0.88, PDF_INK);
}

static void
cell(struct lay_block *tb, int row, int col, const char *text, enum lay_align al, bool bold)
{
	struct lay_block *c = lay_cell(tb, row, col);
	struct lay_style st = small(bold);

	/* Seven columns of breaches: the type of the dense KPI table. */
	if (tb->table != NULL && lay_table_cols(tb) >= 7)
		st.size = 7;
	c->align = al;
	lay_text(c, &st, text, strlen(text));
}

/* The first and last instant of a breached clock's timeline. */
static char *
timeline_span(const cJSON *tl)
{
	int n = cJSON_GetArraySize(tl);

	if (n == 0)
		return xstrdup("");
	return xasprintf("%s \xE2\x80\x93 %s", pdf_str(cJSON_GetArrayItem(tl, 0), "from"),
	    pdf_str(cJSON_GetArrayItem(tl, n - 1), "to"));
}

/* What a cut breach table leaves out, as the page says it under the heading
 * ("Showing the first 200 of 2,018 breaches. All of them are in
 * breaches.csv"); the file name is plain text, as the PDF has no link into
 * the site's data folder. */
static void
breaches_note(struct lay_flow *f, const cJSON *note)
{
	struct lay_style muted = pdf_style(LAY_REGULAR, PDF_BODY, PDF_MUTED);
	const cJSON *w = cJSON_GetObjectItemCaseSensitive(note, "where");
	struct lay_block *b;
	char *text;

	if (!cJSON_IsObject(note))
		return;
	if (cJSON_IsObject(w))
		text = xasprintf("%s %s%s%s", pdf_str(note, "text"), pdf_str(w, "before"),
		    pdf_str(w, "file"), pdf_str(w, "after"));
	else
		text = xstrdup(pdf_str(note, "text"));
	b = pdf_para(f, &muted, text);
	b->space_after = 6;
	b->keep_with_next = true;
	free(text);
}

/* The breach table of the agreement's month page (at most VIEW_MAX_BREACHES
 * rows, the note above when there are more); the timeline column shows the
 * span of the clock (the page folds the segments away). */
static void
breaches(struct pdf_doc *d, struct lay_flow *f, const cJSON *am)
{
	struct lay_style body = pdf_style(LAY_REGULAR, PDF_BODY, PDF_INK);
	static const char *const keys[] = {"id", "title", "severity", "clock", "at", "team"};
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(am, "breaches"), *e;
	char *at = xasprintf("%s (%s)", pdf_label(d, "breach_at"), pdf_str(am, "timezone"));
	const char *heads[7] = {pdf_label(d, "item"), pdf_label(d, "item_title"),
		pdf_label(d, "severity"), pdf_label(d, "clock"), at, pdf_label(d, "team"),
		pdf_label(d, "timeline")};
	struct lay_block *tb;
	int row = 1;

	breaches_note(f, cJSON_GetObjectItemCaseSensitive(am, "breaches_note"));
	if (cJSON_GetArraySize(list) == 0) {
		pdf_para(f, &body, pdf_label(d, "no_breaches"));
		free(at);
		return;
	}
	tb = lay_table(f, 7, 1, true);
	tb->space_after = 10;
	lay_table_pad(tb, 3);
	for (int k = 0; k < 7; k++)
		cell(tb, 0, k, heads[k], LAY_LEFT, true);
	cJSON_ArrayForEach(e, list) {
		char *span = timeline_span(cJSON_GetObjectItemCaseSensitive(e, "timeline"));
		for (int k = 0; k < 6; k++)
			cell(tb, row, k, pdf_str(e, keys[k]), LAY_LEFT, k == 0);
		cell(tb, row++, 6, span, LAY_LEFT, false);
		free(span);
	}
	free(at);
}

static void
quality(struct pdf_doc *d, struct lay_flow *f, const cJSON *q)
{
	struct lay_style body = pdf_style(LAY_REGULAR, PDF_BODY, PDF_INK);
	struct lay_style strong = pdf_style(LAY_BOLD, PDF_BODY, PDF_INK);
	const cJSON *probs = cJSON_GetObjectItemCaseSensitive(q, "problems"), *e;
	struct lay_block *tb, *b;
	int row = 1;

	pdf_heading(f, 1, pdf_label(d, "data_quality"), "quality-h", true);
	pdf_kv_table(f, cJSON_GetObjectItemCaseSensitive(q, "counts"), "label", "value");
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(q, "clean")))
		pdf_para(f, &body, pdf_label(d, "quality_clean"));
	if (cJSON_GetArraySize(probs) == 0)
		return;
	/* The page folds the table under this label. */
	b = pdf_para(f, &strong, pdf_label(d, "problems"));
	b->space_before = 6;
	b->keep_with_next = true;
	tb = lay_table(f, 3, 1, true);
	cell(tb, 0, 0, pdf_label(d, "file"), LAY_LEFT, true);
	cell(tb, 0, 1, pdf_label(d, "line"), LAY_RIGHT, true);
	cell(tb, 0, 2, pdf_label(d, "message"), LAY_LEFT, true);
	cJSON_ArrayForEach(e, probs) {
		cell(tb, row, 0, pdf_str(e, "file"), LAY_LEFT, false);
		cell(tb, row, 1, pdf_str(e, "line"), LAY_RIGHT, false);
		cell(tb, row++, 2, pdf_str(e, "message"), LAY_LEFT, false);
	}
	if (cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(q, "problems_more")) > 0) {
		char *more = xasprintf("+ %s %s", pdf_str(q, "problems_more"),
		    pdf_label(d, "problems_more"));
		pdf_para(f, &body, more)->space_before = 6;
		free(more);
	}
}

/* How the agreement's clocks are measured, as its month page and the
 * brochure say it: a reader of the report meets "100%, n = 5" beside six
 * items resolved and needs the rule (a clock counts in the month it ends). */
static void
measure(struct pdf_doc *d, struct lay_flow *f, const cJSON *list)
{
	struct lay_style st = pdf_style(LAY_REGULAR, PDF_BODY, PDF_INK);
	const cJSON *e;
	char *anchor;

	if (cJSON_GetArraySize(list) == 0)
		return;
	anchor = pdf_anchor(d);
	pdf_heading(f, 2, pdf_label(d, "how_we_measure"), anchor, false);
	free(anchor);
	cJSON_ArrayForEach(e, list) {
		anchor = pdf_anchor(d);
		pdf_heading(f, 4, pdf_str(e, "title"), anchor, false);
		free(anchor);
		pdf_para(f, &st, pdf_str(e, "text"))->align = LAY_JUSTIFY;
	}
}

/* One agreement: the head of its block in the month's page (title, kind,
 * status, parties, breaches), then its month page: key figures, terms,
 * every chart, the breach table, exclusions, month to date and how we
 * measure (the data quality once, at the report's end). */
static void
section(struct pdf_doc *d, struct lay_flow *f, const cJSON *e, int ym, bool first)
{
	struct lay_style muted = pdf_style(LAY_REGULAR, PDF_BODY, PDF_MUTED);
	const char *id = pdf_str(e, "id");
	char *anchor = xasprintf("a-%s", id), *line;
	int i = model_find_agreement(d->m, id);
	struct pdf_lang site = pdf_use_agreement(d, i);
	cJSON *am = i >= 0 ? view_agreement_month(d->v, i, ym) : NULL;
	const cJSON *c;

	/* The month's notices open the body: the first section goes on with
	 * them; the others begin as docs/pdf.md (Typesetting) says. */
	if (!first)
		pdf_section_break(f);
	pdf_heading(f, 1, pdf_str(e, "title"), anchor, true);
	free(anchor);
	/* The order of the month's page: kind and status in the heading, then
	 * parties and breaches (its links to the details and the agreement are
	 * for the screen); the period, which the agreement's month page has in
	 * its heading after the kind, last in that line. */
	line = xasprintf("%s \xC2\xB7 %s \xC2\xB7 %s", pdf_str(e, "kind_label"),
	    pdf_str(e, "status_label"), pdf_str(am, "period_label"));
	pdf_para(f, &muted, line)->space_after = 2;
	free(line);
	line = xasprintf("%s \xE2\x86\x92 %s \xC2\xB7 %s %s", pdf_str(e, "provider"),
	    pdf_str(e, "customer"), pdf_str(e, "breaches"), pdf_label(d, "breaches"));
	pdf_para(f, &muted, line)->keep_with_next = true;
	free(line);
	pdf_mtd_notice(f, pdf_str(cJSON_GetObjectItemCaseSensitive(am, "mtd"), "notice"));
	pdf_restated(d, f, cJSON_GetObjectItemCaseSensitive(am, "restated"));
	anchor = pdf_anchor(d);
	pdf_heading(f, 2, pdf_label(d, "kpi_table"), anchor, true);
	free(anchor);
	pdf_kpi_table(d, f, cJSON_GetObjectItemCaseSensitive(e, "rows"),
	    cJSON_GetObjectItemCaseSensitive(e, "total"));
	pdf_kv_table(f, cJSON_GetObjectItemCaseSensitive(e, "terms"), "label", "value");
	if (am != NULL) {
		anchor = pdf_anchor(d);
		pdf_heading(f, 2, pdf_label(d, "charts"), anchor, true);
		free(anchor);
		cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(am, "charts"))
			pdf_chart(d, f, c);
		pdf_commentary(d, f, ym, id, 2);
		anchor = pdf_anchor(d);
		pdf_heading(f, 2, pdf_label(d, "breaches"), anchor, true);
		free(anchor);
		breaches(d, f, am);
		anchor = pdf_anchor(d);
		pdf_heading(f, 2, pdf_label(d, "exclusions"), anchor, true);
		free(anchor);
		pdf_exclusions(d, f, cJSON_GetObjectItemCaseSensitive(am, "exclusions"));
		/* Where the month's page has it: after the ledger. */
		pdf_mtd(d, f, cJSON_GetObjectItemCaseSensitive(am, "mtd"));
		measure(d, f, cJSON_GetObjectItemCaseSensitive(am, "measure"));
	}
	cJSON_Delete(am);
	pdf_use_site(d, site);
}

int
pdf_report(struct pdf_doc *d, int ym, struct publish *p)
{
	cJSON *rv = view_month_report(d->v, ym), *facts = cJSON_CreateArray(), *fe;
	struct lay_flow *cover = lay_flow_new(), *body = lay_flow_new();
	const cJSON *ags = cJSON_GetObjectItemCaseSensitive(rv, "agreements"), *e;
	char period[8], *relpath, *head, count[16];
	const char *why = NULL;
	int err;

	kpi_format_month(ym, period);
	relpath = xasprintf("reports/%s/report.pdf", period);
	head = xasprintf("%s \xC2\xB7 %s", pdf_label(d, "month_report"),
	    pdf_str(rv, "period_label"));
	d->dev = pdf_dev_new(d->m->site.page_size, head, d->m->site.organisation, &why);
	if (d->dev == NULL) {
		diag_add(d->m->diag, DIAG_ERROR, relpath, 0, 0, "%s", why);
		err = EIO;
		goto out;
	}
	d->file = relpath;
	d->sections = true;
	fe = cJSON_CreateObject();
	cJSON_AddStringToObject(fe, "label", pdf_label(d, "period"));
	cJSON_AddStringToObject(fe, "value", pdf_str(rv, "period_label"));
	cJSON_AddItemToArray(facts, fe);
	fe = cJSON_CreateObject();
	snprintf(count, sizeof count, "%d", cJSON_GetArraySize(ags));
	cJSON_AddStringToObject(fe, "label", pdf_label(d, "agreements"));
	cJSON_AddStringToObject(fe, "value", count);
	cJSON_AddItemToArray(facts, fe);
	/* The first page says what the month is: in progress, or restated. */
	if (*pdf_str(rv, "mtd_notice") != '\0') {
		fe = cJSON_CreateObject();
		cJSON_AddStringToObject(fe, "label", pdf_label(d, "mtd_status"));
		cJSON_AddStringToObject(fe, "value", pdf_str(rv, "mtd_notice"));
		cJSON_AddItemToArray(facts, fe);
	}
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(rv,
	    "restated"), "notices")) {
		fe = cJSON_CreateObject();
		cJSON_AddStringToObject(fe, "label", pdf_label(d, "restated"));
		cJSON_AddStringToObject(fe, "value", pdf_str(e, "text"));
		cJSON_AddItemToArray(facts, fe);
	}
	pdf_record_facts(d, facts);
	pdf_cover(d, cover, pdf_label(d, "month_report"), pdf_str(rv, "period_label"), facts);

	/* The executive summary replaces the table "at a glance": on the page
	 * after the cover, the contents under it (pdf_finish). */
	d->front_summary = cJSON_GetObjectItemCaseSensitive(rv, "summary");
	pdf_mtd_notice(body, pdf_str(rv, "mtd_notice"));
	pdf_restated(d, body, cJSON_GetObjectItemCaseSensitive(rv, "restated"));
	pdf_commentary(d, body, ym, NULL, 1);
	cJSON_ArrayForEach(e, ags)
		section(d, body, e, ym, e == ags->child);
	pdf_section_break(body);
	quality(d, body, cJSON_GetObjectItemCaseSensitive(rv, "quality"));
	err = pdf_finish(d, cover, body, head, p, relpath);
	d->front_summary = NULL;
out:
	pdf_dev_free(d->dev);
	d->dev = NULL;
	d->sections = false;
	lay_flow_free(cover);
	lay_flow_free(body);
	cJSON_Delete(facts);
	cJSON_Delete(rv);
	free(relpath);
	free(head);
	return err;
}
