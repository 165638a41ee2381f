/* pdf_brochure.c: the printable brochure of one agreement. It follows the
 * agreement page (templates/agreement.mustache) section by section — service
 * levels, calendar, latest figures, how we measure, the agreement text — so
 * print and intranet say the same, and adds what paper needs: a cover, the
 * contents, and the latest month's charts. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>

#include "kpi.h"
#include "pdf_dev.h"
#include "pdf_doc.h"
#include "pdf_md.h"
#include "view.h"

/* The facts of the page's head: parties, dates, zone, related agreements. */
static cJSON *
cover_facts(struct pdf_doc *d, const cJSON *av)
{
	cJSON *facts = cJSON_CreateArray();
	static const char *const keys[] = {"provider", "customer", "effective", "review",
		"timezone"};
	const cJSON *sup = cJSON_GetObjectItemCaseSensitive(av, "supports"), *e;

	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		pdf_add_fact(facts, pdf_label(d, keys[i]), pdf_str(av, keys[i]));
		/* After the cycle, as on the page: the date, overdue in words. */
		if (strcmp(keys[i], "review") == 0 && *pdf_str(av, "next_review") != '\0') {
			char *s = xasprintf("%s%s%s", pdf_str(av, "next_review"),
			    *pdf_str(av, "review_overdue") != '\0' ? " " : "",
			    pdf_str(av, "review_overdue"));
			pdf_add_fact(facts, pdf_label(d, "next_review"), s);
			free(s);
		}
	}
	if (cJSON_IsObject(sup))
		pdf_add_fact(facts, pdf_label(d, "supports"), pdf_str(sup, "title"));
	if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(av, "is_ola"))) {
		struct strbuf sb = {0};
		cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(av, "supported_by")) {
			if (sb.len > 0)
				strbuf_puts(&sb, "; ");
			strbuf_puts(&sb, pdf_str(e, "title"));
		}
		pdf_add_fact(facts, pdf_label(d, "supported_by"), sb.len > 0 ? sb.data : "\xE2\x80\x93");
		strbuf_free(&sb);
	}
	return facts;
}

static void
levels_table(struct pdf_doc *d, struct lay_flow *f, const cJSON *levels)
{
	struct lay_block *tb = lay_table(f, 5, 1, true);
	struct lay_style h = pdf_style(LAY_BOLD, PDF_SMALL, PDF_INK);
	struct lay_style st = pdf_style(LAY_REGULAR, PDF_SMALL, PDF_INK);
	static const char *const keys[] = {"name", "response", "resolution", "goal", "calendar"};
	const char *heads[5] = {pdf_label(d, "severity"), pdf_label(d, "response_target"),
		pdf_label(d, "resolution_target"), pdf_label(d, "goal"), pdf_label(d, "calendar")};
	const cJSON *e;
	int row = 1;

	tb->space_after = 10;
	for (int k = 0; k < 5; k++)
		lay_text(lay_cell(tb, 0, k), &h, heads[k], strlen(heads[k]));
	lay_cell(tb, 0, 3)->align = LAY_RIGHT;
	cJSON_ArrayForEach(e, levels) {
		char *name = xasprintf("%s %s", pdf_str(e, "key"), pdf_str(e, "name"));
		lay_text(lay_cell(tb, row, 0), &h, name, strlen(name));
		free(name);
		for (int k = 1; k < 5; k++) {
			struct lay_block *c = lay_cell(tb, row, k);
			c->align = k == 3 ? LAY_RIGHT : LAY_LEFT;
			lay_text(c, &st, pdf_str(e, keys[k]), strlen(pdf_str(e, keys[k])));
		}
		row++;
	}
}

/* Hours per weekday and the holidays, as the page's calendar section. */
static void
calendar(struct pdf_doc *d, struct lay_flow *f, const cJSON *cal)
{
	struct lay_style body = pdf_style(LAY_REGULAR, PDF_BODY, PDF_INK);
	struct lay_style h = pdf_style(LAY_BOLD, PDF_SMALL, PDF_INK);
	struct lay_style st = pdf_style(LAY_REGULAR, PDF_SMALL, PDF_INK);
	const cJSON *e, *hol = cJSON_GetObjectItemCaseSensitive(cal, "holidays");
	char *text, *anchor;
	struct lay_block *tb;
	int row = 1;

	text = xasprintf("%s (%s). %s: %s.", pdf_str(cal, "summary"), pdf_str(cal, "timezone"),
	    pdf_label(d, "day_length"), pdf_str(cal, "day_length"));
	pdf_para(f, &body, text);
	free(text);
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(cal, "always")))
		return;
	anchor = pdf_anchor(d);
	pdf_heading(f, 3, pdf_label(d, "hours"), anchor, false);
	free(anchor);
	tb = lay_table(f, 2, 1, true);
	tb->space_after = 8;
	tb->keep_together = true;
	lay_text(lay_cell(tb, 0, 0), &h, pdf_label(d, "day"), strlen(pdf_label(d, "day")));
	lay_text(lay_cell(tb, 0, 1), &h, pdf_label(d, "hours"), strlen(pdf_label(d, "hours")));
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(cal, "hours")) {
		lay_text(lay_cell(tb, row, 0), &h, pdf_str(e, "day"), strlen(pdf_str(e, "day")));
		lay_text(lay_cell(tb, row++, 1), &st, pdf_str(e, "ranges"),
		    strlen(pdf_str(e, "ranges")));
	}
	anchor = pdf_anchor(d);
	pdf_heading(f, 3, pdf_label(d, "holidays"), anchor, false);
	free(anchor);
	if (cJSON_GetArraySize(hol) == 0) {
		pdf_para(f, &body, pdf_label(d, "no_holidays"));
		return;
	}
	/* Dates in a plain grid, three to a row: a list of twenty lines
	 * would fill a page with little. */
	tb = lay_table(f, 3, 0, false);
	tb->space_after = 8;
	row = 0;
	{
		int k = 0;
		cJSON_ArrayForEach(e, hol) {
			char *s = xasprintf("%s %s", pdf_str(e, "date"), pdf_str(e, "weekday"));
			lay_text(lay_cell(tb, row, k), &st, s, strlen(s));
			free(s);
			if (++k == 3) {
				k = 0;
				row++;
			}
		}
	}
}

/* The month labels that have reports, in one line. */
static void
months(struct pdf_doc *d, struct lay_flow *f, const cJSON *list)
{
	struct lay_style st = pdf_style(LAY_REGULAR, PDF_SMALL, PDF_MUTED);
	struct strbuf sb = {0};
	const cJSON *e;
	char *anchor = pdf_anchor(d);

	pdf_heading(f, 3, pdf_label(d, "months"), anchor, false);
	free(anchor);
	cJSON_ArrayForEach(e, list) {
		if (sb.len > 0)
			strbuf_puts(&sb, " \xC2\xB7 ");
		strbuf_puts(&sb, pdf_str(e, "label"));
	}
	if (sb.len > 0)
		pdf_para(f, &st, sb.data);
	strbuf_free(&sb);
}

static void
latest(struct pdf_doc *d, struct lay_flow *f, int i, const cJSON *av)
{
	struct lay_style body = pdf_style(LAY_REGULAR, PDF_BODY, PDF_INK);
	const cJSON *lat = cJSON_GetObjectItemCaseSensitive(av, "latest"), *e;
	char *title, *anchor;
	int ym;
	cJSON *am;

	if (!cJSON_IsObject(lat)) {
		pdf_heading(f, 1, pdf_label(d, "latest"), "latest", true);
		pdf_para(f, &body, pdf_label(d, "no_data"));
		months(d, f, cJSON_GetObjectItemCaseSensitive(av, "months"));
		return;
	}
	title = xasprintf("%s \xC2\xB7 %s", pdf_label(d, "latest"), pdf_str(lat, "period_label"));
	pdf_heading(f, 1, title, "latest", true);
	free(title);
	pdf_kpi_table(d, f, cJSON_GetObjectItemCaseSensitive(lat, "rows"),
	    cJSON_GetObjectItemCaseSensitive(lat, "total"));
	ym = kpi_parse_month(pdf_str(lat, "period"));
	am = ym >= 0 ? view_agreement_month(d->v, i, ym) : NULL;
	if (am != NULL) {
		pdf_kv_table(f, cJSON_GetObjectItemCaseSensitive(am, "terms"), "label", "value");
		/* A brochure stays short: the month at a glance and the trend; the
		 * monthly report has every chart. */
		cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(am, "charts")) {
			const char *kind = pdf_str(e, "kind");
			if (strcmp(kind, "attainment") == 0 || strcmp(kind, "trend") == 0)
				pdf_chart(d, f, e);
		}
		anchor = pdf_anchor(d);
		pdf_heading(f, 3, pdf_label(d, "exclusions"), anchor, false);
		free(anchor);
		pdf_exclusions(d, f, cJSON_GetObjectItemCaseSensitive(am, "exclusions"));
		cJSON_Delete(am);
	}
	months(d, f, cJSON_GetObjectItemCaseSensitive(av, "months"));
}

/* The history of terms, as on the page: one numbered line per change of
 * terms, its note after it, the first terms last. */
static void
history(struct pdf_doc *d, struct lay_flow *f, const cJSON *h)
{
	struct lay_style st = pdf_style(LAY_REGULAR, PDF_BODY, PDF_INK);
	struct lay_style strong = pdf_style(LAY_BOLD, PDF_BODY, PDF_INK);
	struct lay_style muted = pdf_style(LAY_REGULAR, PDF_SMALL, PDF_MUTED);
	const cJSON *e, *c;
	char *anchor, num[16];
	int k = 0;

	if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(h, "has")))
		return;
	anchor = pdf_anchor(d);
	pdf_heading(f, 3, pdf_label(d, "history"), anchor, false);
	free(anchor);
	pdf_para(f, &muted, pdf_str(h, "intro"));
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(h, "entries")) {
		struct lay_block *b = lay_add(f, LAY_PARA);
		const cJSON *changes = cJSON_GetObjectItemCaseSensitive(e, "changes");
		const char *note = pdf_str(e, "note");
		b->left = 17;
		b->space_after = 3;
		snprintf(num, sizeof num, "%d.", ++k);
		lay_marker(b, &st, num);
		lay_text(b, &strong, pdf_str(e, "from"), strlen(pdf_str(e, "from")));
		lay_text(b, &strong, ": ", 2);
		cJSON_ArrayForEach(c, changes) {
			lay_text(b, &st, pdf_str(c, "text"), strlen(pdf_str(c, "text")));
			if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "last")))
				lay_text(b, &st, "; ", 2);
		}
		if (cJSON_GetArraySize(changes) == 0)
			lay_text(b, &st, pdf_str(e, "no_change"), strlen(pdf_str(e, "no_change")));
		lay_text(b, &st, ".", 1);
		if (*note != '\0') {
			lay_text(b, &st, " ", 1);
			lay_text(b, &muted, note, strlen(note));
		}
	}
	{
		struct lay_block *b = lay_add(f, LAY_PARA);
		b->left = 17;
		b->space_after = 8;
		snprintf(num, sizeof num, "%d.", ++k);
		lay_marker(b, &st, num);
		lay_text(b, &st, pdf_str(h, "first"), strlen(pdf_str(h, "first")));
	}
}

static void
body(struct pdf_doc *d, struct lay_flow *f, int i, const cJSON *av)
{
	struct agreement *a = &d->m->agreements[i];
	struct lay_style st = pdf_style(LAY_REGULAR, PDF_BODY, PDF_INK);
	char *dir = xasprintf("%s/%s", d->m->src, a->path), *slash;
	struct pdf_md_opts o = {0};
	const cJSON *e;

	pdf_heading(f, 1, pdf_label(d, "service_levels"), "levels", true);
	levels_table(d, f, cJSON_GetObjectItemCaseSensitive(av, "levels"));
	pdf_kv_table(f, cJSON_GetObjectItemCaseSensitive(av, "terms"), "label", "value");
	history(d, f, cJSON_GetObjectItemCaseSensitive(av, "history"));

	pdf_heading(f, 1, pdf_label(d, "calendar"), "calendar", true);
	calendar(d, f, cJSON_GetObjectItemCaseSensitive(av, "calendar"));

	latest(d, f, i, av);

	pdf_heading(f, 1, pdf_label(d, "how_we_measure"), "measure-h", true);
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(av, "measure")) {
		char *anchor = pdf_anchor(d);
		pdf_heading(f, 4, pdf_str(e, "title"), anchor, false);
		free(anchor);
		pdf_para(f, &st, pdf_str(e, "text"))->align = LAY_JUSTIFY;
	}

	/* The text: its own headings one level down, under this chapter. */
	lay_add(f, LAY_PAGEBREAK);
	pdf_heading(f, 1, pdf_label(d, "agreement_text"), "text", true);
	slash = strrchr(dir, '/');
	*slash = '\0';
	o.base_dir = dir;
	o.anchor_prefix = "";
	o.heading_shift = 1;
	o.outline_max = 3;
	o.dev = d->dev;
	o.diag = d->m->diag;
	o.file = a->path;
	o.line_offset = a->body_line - 1;
	if (a->doc != NULL)
		pdf_md_render(f, a->doc, &o);
	free(dir);
}

int
pdf_brochure(struct pdf_doc *d, int i, struct publish *p)
{
	struct agreement *a = &d->m->agreements[i];
	struct pdf_lang site = pdf_use_agreement(d, i);
	cJSON *av = view_agreement(d->v, i), *facts;
	struct lay_flow *cover = lay_flow_new(), *flow = lay_flow_new();
	char *relpath = xasprintf("agreements/%s.pdf", a->id), *sub;
	const char *why = NULL;
	int err;

	d->dev = pdf_dev_new(d->m->site.page_size, pdf_str(av, "title"),
	    d->m->site.organisation, &why);
	if (d->dev == NULL) {
		diag_add(d->m->diag, DIAG_ERROR, relpath, 0, 0, "%s", why);
		err = EIO;
		goto out;
	}
	d->file = a->path;
	facts = cover_facts(d, av);
	pdf_record_facts(d, facts);
	sub = xasprintf("%s \xC2\xB7 %s \xE2\x86\x92 %s", pdf_str(av, "kind_label"),
	    pdf_str(av, "provider"), pdf_str(av, "customer"));
	pdf_cover(d, cover, pdf_str(av, "title"), sub, facts);
	free(sub);
	cJSON_Delete(facts);
	body(d, flow, i, av);
	err = pdf_finish(d, cover, flow, pdf_str(av, "title"), p, relpath);
out:
	pdf_dev_free(d->dev);
	d->dev = NULL;
	lay_flow_free(cover);
	lay_flow_free(flow);
	cJSON_Delete(av);
	free(relpath);
	pdf_use_site(d, site);
	return err;
}
