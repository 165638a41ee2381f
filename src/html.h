/* html.h: HTML escaping (the pages themselves: site.h). */
#ifndef SLAREPORT_HTML_H
#define SLAREPORT_HTML_H

#include "util.h"

/* Appends s with &, <, >, " and ' escaped (safe in text and quoted attributes). */
void html_escape(struct strbuf *sb, const char *s);

#endif
