/* html.h: HTML escaping and the pages of the intranet site. */
#ifndef SLAREPORT_HTML_H
#define SLAREPORT_HTML_H

#include "util.h"

struct cJSON;
struct model;

/* Appends s with &, <, >, " and ' escaped (safe in text and quoted attributes). */
void html_escape(struct strbuf *sb, const char *s);
/* index.html from the kpis.json tree; the caller frees the result. */
char *html_index(const struct cJSON *kpis, const struct model *m);

#endif
