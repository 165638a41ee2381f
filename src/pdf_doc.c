/* pdf_doc.c: what every PDF shares — tables, charts and the cover from the
 * site's view models (view.h), the contents with page numbers, drawing and
 * publishing — and pdf_write_all(), which writes every brochure and report. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chart.h"
#include "i18n.h"
#include "kpi.h"
#include "parallel.h"
#include "pdf.h"
#include "pdf_dev.h"
#include "pdf_doc.h"
#include "pdf_md.h"
#include "publish.h"
#include "fingerprint.h"
#include "scene.h"
#include "site.h"
#include "view.h"

#define OK_GREEN 0x1A7F37
#define MISS_RED 0xB42318
#define PDF_KPI 8.0		/* ten columns fit the measure at 8 pt */


double
pdf_now(bool cpu)
{
	struct timespec t;

	clock_gettime(cpu ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

struct pdf_lang
pdf_use_agreement(struct pdf_doc *d, int i)
{
	struct pdf_lang saved = { d->v, d->labels, d->loc };

	d->v = view_for_agreement(d->v, i);
	d->labels = view_labels(d->v);
	d->loc = view_locale(d->v);
	return saved;
}

void
pdf_use_site(struct pdf_doc *d, struct pdf_lang saved)
{
	d->v = saved.v;
	d->labels = saved.labels;
	d->loc = saved.loc;
}

/* Labels of the view models, or the PDF's own messages "pdf.*" of the tables;
 * "pdf.page_of" in the running footer's form "Page {page} of {pages}". */
const char *
pdf_label(const struct pdf_doc *d, const char *key)
{
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(d->labels, key);
	static char page_of[128];

	if (cJSON_IsString(s))
		return s->valuestring;
	if (d->loc != NULL && strcmp(key, "pdf.page_of") == 0) {
		struct strbuf sb = {0};
		i18n_format(d->loc, &sb, key, "{page}", "{pages}", (char *)NULL);
		snprintf(page_of, sizeof page_of, "%s", sb.data != NULL ? sb.data : "");
		strbuf_free(&sb);
		return page_of;
	}
	if (d->loc != NULL && strncmp(key, "pdf.", 4) == 0)
		return i18n_text(d->loc, key);
	return key;
}

const char *
pdf_str(const cJSON *o, const char *key)
{
	static char buf[64];
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(o, key);

	if (cJSON_IsString(s))
		return s->valuestring;
	if (cJSON_IsNumber(s)) {
		snprintf(buf, sizeof buf, "%.15g", s->valuedouble);
		return buf;
	}
	return "";
}

char *
pdf_anchor(struct pdf_doc *d)
{
	return xasprintf("s%d", ++d->serial);
}

static struct lay_style
cell_style(bool header)
{
	return pdf_style(header ? LAY_BOLD : LAY_REGULAR, PDF_BODY * 0.88, PDF_INK);
}

static void
put_cell(struct lay_block *tb, int row, int col, const char *text, enum lay_align al,
    const struct lay_style *st)
{
	struct lay_block *c = lay_cell(tb, row, col);

	c->align = al;
	lay_text(c, st, text, strlen(text));
}

void
pdf_kv_table(struct lay_flow *f, const cJSON *pairs, const char *kkey, const char *vkey)
{
	struct lay_block *tb = lay_table(f, 2, 0, false);
	struct lay_style k = pdf_style(LAY_BOLD, PDF_BODY, PDF_INK);
	struct lay_style v = pdf_style(LAY_REGULAR, PDF_BODY, PDF_INK);
	int row = 0;
	const cJSON *e;
	static const double frac[2] = {0.36, 0.64};	/* "Wiedereröffnungsquote" in one line */

	lay_table_fix(tb, frac);
	tb->space_after = 8;
	tb->keep_together = true;
	cJSON_ArrayForEach(e, pairs) {
		const char *val = pdf_str(e, vkey);
		if (*val == '\0')
			continue;
		put_cell(tb, row, 0, pdf_str(e, kkey), LAY_LEFT, &k);
		put_cell(tb, row++, 1, val, LAY_LEFT, &v);
	}
}

/* The attainment, coloured by whether the goal was met, and the status in
 * words (kpi_cell.mustache's status_word: grey print keeps it) in the column
 * after it, so that the figures line up on the decimal point whatever the
 * word's width. */
static void
attainment_cells(struct lay_block *tb, int row, int col, const cJSON *cell, bool bold)
{
	struct lay_style st = cell_style(bold);
	const char *status = pdf_str(cell, "status");
	struct lay_block *c = lay_cell(tb, row, col);

	st.size = PDF_KPI;
	if (strcmp(status, "ok") == 0)
		st.color = OK_GREEN;
	else if (strcmp(status, "miss") == 0)
		st.color = MISS_RED;
	c->align = LAY_RIGHT;
	lay_text(c, &st, pdf_str(cell, "attainment"), strlen(pdf_str(cell, "attainment")));
	c = lay_cell(tb, row, col + 1);
	c->align = LAY_LEFT;
	if (*pdf_str(cell, "status_word") != '\0') {
		st.font = strcmp(status, "miss") == 0 ? LAY_BOLD : LAY_REGULAR;
		lay_text(c, &st, pdf_str(cell, "status_word"), strlen(pdf_str(cell, "status_word")));
	}
}

/* The severity's key and name, the first cell of both tables. */
static void
severity_cell(struct lay_block *tb, int row, const cJSON *r, const struct lay_style *st)
{
	const char *key = pdf_str(r, "key");
	/* The key never ends a line alone ("2 | Dringend"): a no-break space. */
	char *s = *key != '\0' ? xasprintf("%s\xC2\xA0%s", key, pdf_str(r, "name")) :
	    xstrdup(pdf_str(r, "name"));

	put_cell(tb, row, 0, s, LAY_LEFT, st);
	free(s);
}

static struct lay_style
kpi_style(const cJSON *r, bool header)
{
	struct lay_style st = cell_style(header ||
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "is_total")));

	st.size = PDF_KPI;
	return st;
}

/* One row of kpi_row.mustache: counts, then attainment, its status word, goal
 * and n of each clock (kpi_cell.mustache). */
static void
kpi_row(struct lay_block *tb, int row, const cJSON *r)
{
	struct lay_style st = kpi_style(r, false), n = st;
	static const char *const counts[] = {"opened", "resolved", "backlog"};
	static const char *const clocks[] = {"response", "resolution"};

	int col = 4;

	n.color = PDF_MUTED;
	severity_cell(tb, row, r, &st);
	for (int i = 0; i < 3; i++)
		put_cell(tb, row, 1 + i, pdf_str(r, counts[i]), LAY_RIGHT, &st);
	for (int k = 0; k < 2; k++) {
		const cJSON *cell = cJSON_GetObjectItemCaseSensitive(r, clocks[k]);

		if (!cJSON_IsObject(cell))	/* an OLA's response: no columns */
			continue;
		attainment_cells(tb, row, col, cell, cJSON_IsTrue(
		    cJSON_GetObjectItemCaseSensitive(r, "is_total")));
		put_cell(tb, row, col + 2, pdf_str(cell, "goal"), LAY_RIGHT, &st);
		put_cell(tb, row, col + 3, pdf_str(cell, "n"), LAY_RIGHT, &n);
		col += 4;
	}
}

/* One row of kpi_times_row.mustache: median and 90th percentile of each
 * clock. */
static void
times_row(struct lay_block *tb, int row, const cJSON *r)
{
	struct lay_style st = kpi_style(r, false);
	static const char *const clocks[] = {"response", "resolution"};

	int col = 1;

	severity_cell(tb, row, r, &st);
	for (int k = 0; k < 2; k++) {
		const cJSON *cell = cJSON_GetObjectItemCaseSensitive(r, clocks[k]);

		if (!cJSON_IsObject(cell))
			continue;
		put_cell(tb, row, col++, pdf_str(cell, "median"), LAY_RIGHT, &st);
		put_cell(tb, row, col++, pdf_str(cell, "p90"), LAY_RIGHT, &st);
	}
}

/* Two header rows: `first` over both, the clocks' names spanning their
 * `per` columns (colspan online), then `sub` under each clock; only the
 * resolution clock when response is false (an OLA). */
static void
kpi_header(struct pdf_doc *d, struct lay_block *tb, const char *const *first, int nfirst,
    const char *const *sub, int per, bool response)
{
	struct lay_style h = kpi_style(NULL, true);
	int nclocks = response ? 2 : 1;

	for (int k = 0; k < nfirst; k++)
		put_cell(tb, 0, k, pdf_label(d, first[k]), k == 0 ? LAY_LEFT : LAY_RIGHT, &h);
	for (int k = 0; k < nclocks; k++) {
		put_cell(tb, 0, nfirst + k * per, pdf_label(d, response && k == 0 ? "response" :
		    "resolution"), LAY_CENTER, &h);
		lay_cell(tb, 0, nfirst + k * per)->colspan = per;
	}
	for (int k = 0; k < nclocks * per; k++) {
		/* A label before a NULL spans both: "Attainment" over the figures
		 * and their status words, as the page's one cell has them. */
		bool pair = k % per + 1 < per && sub[k % per + 1] == NULL;
		if (sub[k % per] == NULL)
			continue;
		put_cell(tb, 1, nfirst + k, pdf_label(d, sub[k % per]), pair ? LAY_CENTER :
		    LAY_RIGHT, &h);
		if (pair)
			lay_cell(tb, 1, nfirst + k)->colspan = 2;
	}
	(void)lay_cell(tb, 1, 0);
	lay_table_pad(tb, 2.5);
}

/* kpi_table.mustache in print: the counts and attainment table, then the
 * business-time table under its caption, both with the clocks' names over
 * their columns. */
void
pdf_kpi_table(struct pdf_doc *d, struct lay_flow *f, const cJSON *rows, const cJSON *total)
{
	static const char *const first[4] = {"severity", "opened", "resolved", "backlog"};
	static const char *const sub[4] = {"attainment", NULL, "goal", "n"};
	static const char *const tsub[2] = {"median", "p90"};
	struct lay_style cap = pdf_style(LAY_BOLD, PDF_SMALL, PDF_INK);
	const cJSON *r = cJSON_GetArrayItem(rows, 0);
	bool response = cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(cJSON_IsObject(r) ?
	    r : total, "response"));
	struct lay_block *tb = lay_table(f, response ? 12 : 8, 2, true), *b;
	int row = 2;

	kpi_header(d, tb, first, 4, sub, 4, response);
	tb->space_before = 4;
	tb->space_after = 8;
	cJSON_ArrayForEach(r, rows)
		kpi_row(tb, row++, r);
	if (cJSON_IsObject(total))
		kpi_row(tb, row, total);

	b = pdf_para(f, &cap, pdf_label(d, "kpi_times"));
	b->space_before = 2;
	b->space_after = 0;
	b->keep_with_next = true;
	tb = lay_table(f, response ? 5 : 3, 2, true);
	kpi_header(d, tb, first, 1, tsub, 2, response);
	tb->space_before = 3;
	tb->space_after = 10;
	row = 2;
	cJSON_ArrayForEach(r, rows)
		times_row(tb, row++, r);
	if (cJSON_IsObject(total))
		times_row(tb, row, total);
}

void
pdf_data_table(struct pdf_doc *d, struct lay_flow *f, const cJSON *table)
{
	const cJSON *cols = cJSON_GetObjectItemCaseSensitive(table, "columns");
	const cJSON *rows = cJSON_GetObjectItemCaseSensitive(table, "rows");
	const cJSON *e, *row;
	int n = cJSON_GetArraySize(cols), r = 1, k;
	struct lay_block *tb;
	struct lay_style h = cell_style(true), st = cell_style(false);

	(void)d;
	if (n <= 0)
		return;
	h.size = st.size = PDF_SMALL;
	tb = lay_table(f, n, 1, true);
	tb->space_before = 2;
	tb->space_after = 10;
	/* Long data tables break under a repeated header, LAY_MIN_ROWS rows on
	 * either side; short ones move whole (layout_table.c). */
	/* Figures right-aligned, words left, as the page's class="num" has it. */
	k = 0;
	cJSON_ArrayForEach(e, cols) {
		put_cell(tb, 0, k, pdf_str(e, "label"), cJSON_IsTrue(
		    cJSON_GetObjectItemCaseSensitive(e, "num")) ? LAY_RIGHT : LAY_LEFT, &h);
		k++;
	}
	cJSON_ArrayForEach(row, rows) {
		k = 0;
		cJSON_ArrayForEach(e, row) {
			if (k < n)
				put_cell(tb, r, k, pdf_str(e, "text"), cJSON_IsTrue(
				    cJSON_GetObjectItemCaseSensitive(e, "num")) ? LAY_RIGHT :
				    LAY_LEFT, &st);
			k++;
		}
		(void)lay_cell(tb, r++, n - 1);
	}
}

static const char *const chart_kinds[CHART_KIND_COUNT] = {
	"attainment", "trend", "volume", "distribution", "ola_budget",
};

/* Title, the chart drawn as vectors, its text alternative and its data. */
void
pdf_chart(struct pdf_doc *d, struct lay_flow *f, const cJSON *chart)
{
	const char *kind = pdf_str(chart, "kind");
	struct lay_style small = pdf_style(LAY_ITALIC, PDF_SMALL, PDF_MUTED);
	struct chart *c = NULL;
	const cJSON *table;
	struct lay_block *b;
	char *anchor = pdf_anchor(d);
	int k;

	for (k = 0; k < CHART_KIND_COUNT; k++)
		if (strcmp(kind, chart_kinds[k]) == 0)
			break;
	if (k < CHART_KIND_COUNT)
		c = chart_build((enum chart_kind)k, d->kpis, pdf_str(chart, "agreement"),
		    pdf_str(chart, "period"), d->loc, &d->m->site);
	if (c != NULL && c->scene != NULL && scene_width(c->scene) > 0) {
		/* The drawing carries its own title. */
		b = lay_add(f, LAY_BOX);
		b->w = scene_width(c->scene);
		b->h = scene_height(c->scene);
		b->obj = c->scene;
		b->obj_kind = PDF_OBJ_SCENE;
		b->anchor = anchor;
		anchor = NULL;
		b->space_before = 12;
		b->space_after = 4;
		b->keep_with_next = true;
		xgrow((void **)&d->charts, &d->capcharts, d->ncharts + 1, sizeof(*d->charts));
		d->charts[d->ncharts++] = c;
	} else {
		if (c != NULL)
			chart_free(c);
		pdf_heading(f, 3, pdf_str(chart, "title"), anchor, false);
	}
	free(anchor);
	b = pdf_para(f, &small, pdf_str(chart, "summary"));
	/* What the page folds under "Chart data": the label and the table's
	 * caption, kept with the table (the chart, its summary and the table
	 * together are often taller than what is left of a page). */
	table = cJSON_GetObjectItemCaseSensitive(chart, "table");
	if (cJSON_IsObject(table)) {
		struct lay_style lab = pdf_style(LAY_BOLD, PDF_SMALL, PDF_INK);
		struct lay_style cap = pdf_style(LAY_REGULAR, PDF_SMALL, PDF_MUTED);
		/* The gaps as space before: what keeps a chain together counts
		 * those, not the space after. */
		b = pdf_para(f, &lab, pdf_label(d, "chart_data"));
		b->space_before = 4;
		b->space_after = 0;
		b->keep_with_next = true;
		if (*pdf_str(table, "caption") != '\0') {
			b = pdf_para(f, &cap, pdf_str(table, "caption"));
			b->space_before = 4;
			b->space_after = 0;
			b->keep_with_next = true;
		}
	}
	pdf_data_table(d, f, table);
}

void
pdf_section_break(struct lay_flow *f)
{
	struct lay_block *b = lay_add(f, LAY_PAGEBREAK);

	b->w = 0.5;
	b->space_before = 28;
}

void
pdf_add_fact(cJSON *facts, const char *label, const char *value)
{
	cJSON *fe = cJSON_CreateObject();

	cJSON_AddStringToObject(fe, "label", label);
	cJSON_AddStringToObject(fe, "value", value);
	cJSON_AddItemToArray(facts, fe);
}

void
pdf_record_facts(struct pdf_doc *d, cJSON *facts)
{
	char *issued = site_issue_date(d->m, d->loc), *asof = site_data_as_of(d->m, d->loc);
	char *fp = fingerprint_inputs(d->m), *subject, *keywords, shortfp[13];

	memcpy(shortfp, fp, 12);
	shortfp[12] = '\0';
	pdf_add_fact(facts, pdf_label(d, "issued"), issued);
	pdf_add_fact(facts, pdf_label(d, "data_as_of"), asof);
	pdf_add_fact(facts, pdf_label(d, "fingerprint"), shortfp);
	subject = xasprintf("%s %s", pdf_label(d, "data_as_of"), asof);
	keywords = xasprintf("%s: SHA-256 %s", pdf_label(d, "fingerprint"), fp);
	pdf_dev_info(d->dev, subject, keywords);
	free(subject);
	free(keywords);
	free(issued);
	free(asof);
	free(fp);
}

void
pdf_cover(struct pdf_doc *d, struct lay_flow *f, const char *title, const char *subline,
    const cJSON *facts)
{
	struct lay_style big = pdf_style(LAY_BOLD, 28, PDF_ACCENT);
	struct lay_style sub = pdf_style(LAY_BOLD, 12, PDF_MUTED);
	struct lay_style org = pdf_style(LAY_BOLD, 11, PDF_INK);
	struct lay_style muted = pdf_style(LAY_REGULAR, PDF_BODY, PDF_MUTED);
	const struct site *s = &d->m->site;
	struct lay_block *b;

	if (s->logo != NULL) {
		char *path = xasprintf("%s/%s", d->m->src, s->logo);
		double w = 0, h = 0;
		void *img = pdf_dev_image(d->dev, path, &w, &h);
		if (img != NULL) {
			b = lay_add(f, LAY_BOX);
			if (h > 60) {
				w *= 60 / h;
				h = 60;
			}
			b->w = w, b->h = h, b->obj = img, b->obj_kind = PDF_OBJ_IMAGE;
		} else
			diag_add(d->m->diag, DIAG_WARNING, "site.yml", 0, 0,
			    "logo \"%s\" is not a PNG or JPEG file; the cover has none", s->logo);
		free(path);
	}
	lay_add(f, LAY_SPACE)->h = 150;
	b = pdf_para(f, &big, title);
	b->leading = 1.15;
	b->space_after = 8;
	b = pdf_para(f, &sub, subline);
	b->space_after = 12;
	b = lay_add(f, LAY_RULE);
	b->h = 2;
	b->color = PDF_ACCENT;
	b->right = 300;
	b->space_after = 18;
	pdf_kv_table(f, facts, "label", "value");
	lay_add(f, LAY_SPACE)->h = 60;
	if (s->organisation != NULL)
		pdf_para(f, &org, s->organisation)->space_after = 2;
	if (s->title != NULL)
		pdf_para(f, &muted, s->title);
}

static void toc_rows(struct pdf_doc *d, struct lay_flow *f, const struct lay_result *body,
    int offset);

/* The contents: one line per bookmark of levels 1 to 3, linked. */
static struct lay_flow *
toc_flow(struct pdf_doc *d, const struct lay_result *body, int offset)
{
	struct lay_flow *f = lay_flow_new();
	struct lay_block *h;

	/* The summary first, the contents under it: no page of contents alone. */
	if (d->front_summary != NULL)
		pdf_summary(d, f, d->front_summary);
	/* In the outline too, so that the running header of its pages names it. */
	h = pdf_heading(f, 1, pdf_label(d, "pdf.contents"), "contents", true);
	h->space_after = 16;
	if (d->front_summary != NULL)
		h->space_before = 18;
	toc_rows(d, f, body, offset);
	return f;
}

/* The page numbers of the contents (the first ntoc blocks of f) from the
 * layout r of f, whose first page is page offset of the file: its table is
 * made again in place (same rows, so the same size). */
static void
toc_refill(struct pdf_doc *d, struct lay_flow *f, int ntoc, const struct lay_result *r,
    int offset)
{
	struct lay_flow *t = lay_flow_new();

	toc_rows(d, t, r, offset);
	lay_flow_replace(f, (size_t)ntoc - 1, t);
	lay_flow_free(t);
}

static void
toc_rows(struct pdf_doc *d, struct lay_flow *f, const struct lay_result *body, int offset)
{
	struct lay_block *tb;
	int row = 0;
	static const double frac[2] = {0.9, 0.1};

	(void)d;
	tb = lay_table(f, 2, 0, false);
	lay_table_fix(tb, frac);
	for (size_t i = 0; i < body->nmarks; i++) {
		const struct lay_mark *mk = &body->marks[i];
		struct lay_style st = pdf_style(mk->level == 1 ? LAY_BOLD : LAY_REGULAR,
		    PDF_BODY, PDF_INK);
		char num[16], *link;
		struct lay_block *c;

		if (mk->title == NULL || mk->level < 1 || mk->level > 3 || mk->name == NULL)
			continue;
		/* The summary stands before the contents (toc_flow); both are in
		 * the outline; the contents list what follows them, and the two
		 * runs of pdf_finish must give the same rows. */
		if (strcmp(mk->name, "summary") == 0 || strcmp(mk->name, "contents") == 0)
			continue;
		link = xasprintf("#%s", mk->name);
		st.link = link;
		snprintf(num, sizeof num, "%d", mk->page + offset + 1);
		c = lay_cell(tb, row, 0);
		c->left = 14 * (mk->level - 1);
		lay_text(c, &st, mk->title, strlen(mk->title));
		c = lay_cell(tb, row++, 1);
		c->align = LAY_RIGHT;
		lay_text(c, &st, num, strlen(num));
		free(link);
	}
}

/* For each page of r, the titles of the level-1 sections it shows: the one
 * in force at its top and each that begins lower down, "A / B" (NULL before
 * the first section). */
static char **
running_sections(const struct lay_result *r, double top)
{
	char **sec = xcalloc((size_t)r->npages + 1, sizeof(char *));
	const char *cur = NULL;
	size_t m = 0;

	for (int p = 0; p < r->npages; p++) {
		struct strbuf sb = {0};
		bool top_taken = false;
		for (; m < r->nmarks && r->marks[m].page <= p; m++) {
			const struct lay_mark *mk = &r->marks[m];
			if (mk->level != 1 || mk->title == NULL)
				continue;
			if (mk->page == p && mk->y <= top + 1)
				top_taken = true;
			else if (mk->page == p && cur != NULL && !top_taken && sb.len == 0) {
				strbuf_puts(&sb, cur);
				top_taken = true;
			}
			if (mk->page == p) {
				if (sb.len > 0)
					strbuf_puts(&sb, " / ");
				strbuf_puts(&sb, mk->title);
			}
			cur = mk->title;
		}
		if (sb.len == 0 && cur != NULL)
			strbuf_puts(&sb, cur);
		sec[p] = sb.len > 0 ? strbuf_detach(&sb, NULL) : NULL;
		strbuf_free(&sb);
	}
	return sec;
}

int
pdf_finish(struct pdf_doc *d, struct lay_flow *cover, struct lay_flow *body,
    const char *header_right, struct publish *p, const char *relpath)
{
	const struct lay_device *dev = pdf_dev_measure(d->dev);
	struct lay_result all = {0}, rb = {0}, rt = {0};
	struct lay_geom g;
	struct pdf_chrome ch = {0};
	struct lay_flow *toc;
	char *data = NULL, *left = NULL;
	size_t len = 0;
	int err = 0, ncover, ntoc;

	pdf_dev_geom(d->dev, &g);
	layout_run(cover, dev, &g, &all);
	ncover = all.npages;
	/* The contents and the body are one flow, so that what comes first
	 * shares the contents' page (a section break between them). The
	 * contents' size does not depend on its page numbers (fixed columns,
	 * one row per heading): a run with the headings of the body alone,
	 * then one with the contents in front tells every page. */
	layout_run(body, dev, &g, &rb);
	toc = toc_flow(d, &rb, 0);
	ntoc = (int)lay_flow_len(toc);
	lay_result_free(&rb);
	pdf_section_break(toc);
	lay_flow_splice(toc, body);
	layout_run(toc, dev, &g, &rt);
	toc_refill(d, toc, ntoc, &rt, ncover);
	lay_result_free(&rt);
	layout_run(toc, dev, &g, &rt);
	lay_flow_free(toc);
	lay_result_append(&all, &rt);
	for (size_t i = 0; i < all.nmissing; i++)
		diag_add(d->m->diag, DIAG_WARNING, d->file, 0, 0,
		    "%s: character U+%04X cannot be printed with the PDF fonts; "
		    "it shows as \xEF\xBF\xBD", relpath, (unsigned)all.missing[i]);
	ch.header_left = d->m->site.organisation != NULL ? d->m->site.organisation :
	    d->m->site.title;
	ch.header_right = header_right;
	ch.page_fmt = pdf_label(d, "pdf.page_of");
	ch.first = ncover;
	if (d->sections) {
		ch.section = running_sections(&all, g.top);
		/* The document's name moves left, beside the organisation. */
		left = xasprintf("%s \xC2\xB7 %s", ch.header_left != NULL ? ch.header_left : "",
		    header_right);
		ch.header_left = left;
		ch.header_right = NULL;
	}
	if (pdf_dev_draw(d->dev, &all, &ch) != 0 || pdf_dev_save(d->dev, &data, &len) != 0)
		err = EIO;
	else
		err = publish_write(p, relpath, data, len);
	if (err == 0 && d->verbosity >= 2)
		fprintf(stderr, "slareport: %s: %d pages, %zu KB, %.0f ms (CPU %.0f ms)\n",
		    relpath, all.npages, (len + 1023) / 1024, pdf_now(false) - d->started,
		    pdf_now(true) - d->started_cpu);
	free(data);
	for (int i = 0; ch.section != NULL && i < all.npages; i++)
		free(ch.section[i]);
	free(ch.section);
	free(left);
	lay_result_free(&all);
	for (size_t i = 0; i < d->ncharts; i++)
		chart_free(d->charts[i]);
	d->ncharts = 0;
	return err;
}

struct pdf_jobs {
	struct pdf_doc *d;
	struct publish *p;
	int from_ym;
};

/* Job j: the brochure of agreement j, then the monthly reports. Each prints
 * the problems it found itself, since it may run in a worker process. */
static int
pdf_job(void *ctx, int j, char *why, size_t whylen)
{
	struct pdf_jobs *jobs = ctx;
	struct pdf_doc *d = jobs->d;
	size_t before = diag_len(d->m->diag);
	int err;

	(void)why;
	(void)whylen;
	d->started = pdf_now(false);
	d->started_cpu = pdf_now(true);
	if (j < d->m->nagreements)
		err = pdf_brochure(d, j, jobs->p);
	else
		err = pdf_report(d, jobs->from_ym + j - d->m->nagreements, jobs->p);
	for (size_t i = before; i < diag_len(d->m->diag); i++) {
		char *s = diag_format(diag_get(d->m->diag, i));
		fprintf(stderr, "%s\n", s);
		free(s);
	}
	fflush(stderr);
	return err;
}

int
pdf_write_all(struct publish *p, const cJSON *kpis, struct model *m,
    const struct i18n *loc, int from_ym, int to_ym, int verbosity, bool with_json,
    bool with_csv)
{
	struct view_ctx *v = view_ctx_new(kpis, m, loc, from_ym, to_ym, false);
	struct pdf_doc d = {0};
	struct pdf_jobs jobs = { &d, p, from_ym };
	int nmonths = from_ym >= 0 && to_ym >= from_ym ? to_ym - from_ym + 1 : 0, err;
	char why[600];

	view_ctx_set_data_files(v, with_json, with_csv);
	d.m = m;
	d.v = v;
	d.labels = view_labels(v);
	d.kpis = kpis;
	d.loc = loc;
	d.verbosity = verbosity;
	/* Every file is independent: brochures and monthly reports are shared
	 * among worker processes (most of the time is layout and deflate). */
	err = parallel_run(m->nagreements + nmonths, pdf_job, &jobs, why, sizeof why);
	free(d.charts);
	view_ctx_free(v);
	return err;
}
