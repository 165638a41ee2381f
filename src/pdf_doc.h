/* pdf_doc.h: what the brochure (pdf_doc.c) and the report (pdf_report.c)
 * share: the document under construction and the blocks made from view
 * models. Not for other modules. */
#ifndef SLAREPORT_PDF_DOC_H
#define SLAREPORT_PDF_DOC_H

#include <cJSON.h>
#include "layout.h"
#include "model.h"

struct chart;
struct i18n;
struct pdf_dev;
struct publish;
struct view_ctx;

struct pdf_doc {
	struct model *m;
	const struct view_ctx *v;
	const cJSON *labels;
	const cJSON *kpis;
	const struct i18n *loc;
	struct pdf_dev *dev;
	struct chart **charts;		/* drawn by the device, freed after saving */
	size_t ncharts, capcharts;
	int serial;			/* makes anchors unique */
	bool sections;			/* running header names the level-1 section */
	const char *file;		/* diagnostics name this (the agreement) */
	int verbosity;
	/* The report's executive summary (view_summary), drawn on the page after
	 * the cover with the contents following it on the same page; NULL: none. */
	const cJSON *front_summary;
	double started, started_cpu;	/* ms, when the current file was begun */
};

/* Points d at agreement i's language (its front matter `locale`, else the
 * site's) and returns what to give pdf_use_site() afterwards. */
struct pdf_lang { const struct view_ctx *v; const cJSON *labels; const struct i18n *loc; };
struct pdf_lang pdf_use_agreement(struct pdf_doc *d, int i);
void pdf_use_site(struct pdf_doc *d, struct pdf_lang saved);

/* Milliseconds on the monotonic clock, or of the process's CPU time. */
double pdf_now(bool cpu);
/* A label of the view models, or a PDF-only text ("contents", "page_of"). */
const char *pdf_label(const struct pdf_doc *d, const char *key);
/* Member key of o as a string ("" when absent; numbers formatted). */
const char *pdf_str(const cJSON *o, const char *key);
/* A new unique anchor "s<N>"; the caller frees it. */
char *pdf_anchor(struct pdf_doc *d);

/* Blocks from view models. */
void pdf_kv_table(struct lay_flow *f, const cJSON *pairs, const char *kkey,
    const char *vkey);
void pdf_kpi_table(struct pdf_doc *d, struct lay_flow *f, const cJSON *rows,
    const cJSON *total);
void pdf_chart(struct pdf_doc *d, struct lay_flow *f, const cJSON *chart);
void pdf_data_table(struct pdf_doc *d, struct lay_flow *f, const cJSON *table);
/* The exclusions ledger of a month view (vx_exclusions: {has, none, rows}). */
void pdf_exclusions(struct pdf_doc *d, struct lay_flow *f, const cJSON *ex);
/* Month to date (SPEC §8): the notice as a shaded paragraph (nothing when
 * NULL or ""), and an agreement's due list and breaches still allowed from
 * the view's "mtd" block (nothing when it is not an object). */
void pdf_mtd_notice(struct lay_flow *f, const char *notice);
void pdf_mtd(struct pdf_doc *d, struct lay_flow *f, const cJSON *mtd);
/* A restated month (SPEC §8): each notice and the table of its changed
 * figures, from the view's "restated" block; nothing when it has none. */
void pdf_restated(struct pdf_doc *d, struct lay_flow *f, const cJSON *restated);
/* The commentary of month ym (the month's text when agreement is NULL) under
 * a heading of level; nothing when there is none (pdf_commentary.c). */
void pdf_commentary(struct pdf_doc *d, struct lay_flow *f, int ym, const char *agreement,
    int level);
/* Where a section of the report begins: on a new page, unless the page
 * before is at most half full (docs/pdf.md, Typesetting). */
void pdf_section_break(struct lay_flow *f);
/* The cover: title, a line under it, facts [{label, value}], organisation. */
/* Appends {label, value} to a cover's facts. */
void pdf_add_fact(cJSON *facts, const char *label, const char *value);
/* Appends to a cover's facts what makes the paper a record — issued, data
 * as of, inputs fingerprint (as the pages' footer has it) — and puts the
 * same in the document information (Subject, Keywords). */
void pdf_record_facts(struct pdf_doc *d, cJSON *facts);
void pdf_cover(struct pdf_doc *d, struct lay_flow *f, const char *title,
    const char *subline, const cJSON *facts);

/* The executive summary block of a month (pdf_summary.c). */
void pdf_summary(struct pdf_doc *d, struct lay_flow *f, const cJSON *summary);

/* Lays out cover + table of contents + body, draws them with the running
 * header and footer and publishes the file at relpath. Returns 0 or errno. */
int pdf_finish(struct pdf_doc *d, struct lay_flow *cover, struct lay_flow *body,
    const char *header_right, struct publish *p, const char *relpath);

/* The brochure of agreement i into p. */
int pdf_brochure(struct pdf_doc *d, int i, struct publish *p);
/* The monthly management report of month ym into p. */
int pdf_report(struct pdf_doc *d, int ym, struct publish *p);

#endif
