/* html.c: HTML escaping, shared by the templates (mustache.c) and the site. */
#include "html.h"

#include <string.h>

void
html_escape(struct strbuf *sb, const char *s)
{
	const char *run = s;

	for (; *s != '\0'; s++) {
		const char *rep;
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		strbuf_append(sb, run, (size_t)(s - run));
		strbuf_puts(sb, rep);
		run = s + 1;
	}
	strbuf_puts(sb, run);
}
