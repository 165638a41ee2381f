/* site.h: the intranet site — every page of SPEC §6 rendered from the view
 * models (view.h) through the Mustache templates in templates/, plus assets. */
#ifndef SLAREPORT_SITE_H
#define SLAREPORT_SITE_H

#include <stdbool.h>
#include <stddef.h>

struct cJSON;
struct i18n;
struct model;
struct publish;

struct site_options {
	int from_ym, to_ym;	/* months that get report pages */
	bool with_pdf;		/* link the PDFs (written by the PDF back end) */
	bool with_json, with_csv;	/* link data/kpis.json and the CSV files */
};

/* Writes index.html, agreements/, reports/, teams/ and assets/ into p. Returns
 * 0, or an errno value with a message in why[0..whylen) (a template error
 * names the template, line and column). */
int site_write(struct publish *p, const struct cJSON *kpis, const struct model *m,
    const struct i18n *loc, const struct site_options *o, char *why, size_t whylen);

/* "30.10.2026 17:42 Europe/Berlin": the latest event in the site's zone, as
 * the pages and PDFs carry it; "–" without events. The caller frees it. */
char *site_data_as_of(const struct model *m, const struct i18n *loc);

/* The issue date of a publication: SOURCE_DATE_EPOCH's day, else the data as
 * of's (reproducible either way). The caller frees it. */
char *site_issue_date(const struct model *m, const struct i18n *loc);

#endif
