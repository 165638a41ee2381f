/* html.c: HTML escaping and the site's index page. */
#include "html.h"

#include <cJSON.h>
#include <string.h>
#include "model.h"

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

static void
put_text(struct strbuf *sb, const cJSON *v)
{
	if (cJSON_IsString(v))
		html_escape(sb, v->valuestring);
	else if (cJSON_IsNumber(v))
		strbuf_printf(sb, "%g", v->valuedouble);
	else
		strbuf_puts(sb, "–");
}

static void
put_number(struct strbuf *sb, const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	strbuf_puts(sb, "<td class=\"num\">");
	if (cJSON_IsNumber(v))
		strbuf_printf(sb, "%.15g", v->valuedouble);
	else
		strbuf_puts(sb, "–");
	strbuf_puts(sb, "</td>");
}

char *
html_index(const cJSON *kpis, const struct model *m)
{
	struct strbuf sb = {0};
	const cJSON *agreements = cJSON_GetObjectItemCaseSensitive(kpis, "agreements");
	const cJSON *a;
	const char *title = m->site.title ? m->site.title : "Service level reports";
	int i;

	strbuf_puts(&sb, "<!DOCTYPE html>\n<html lang=\"");
	html_escape(&sb, m->site.locale ? m->site.locale : "en");
	strbuf_puts(&sb, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	html_escape(&sb, title);
	strbuf_puts(&sb, "</title>\n<style>body{font-family:sans-serif;margin:2rem auto;"
	    "max-width:60rem;padding:0 1rem}table{border-collapse:collapse}"
	    "td,th{padding:.25rem .75rem;border-bottom:1px solid #ccc;text-align:left}"
	    ".num{text-align:right}</style>\n</head>\n<body>\n<header><h1>");
	html_escape(&sb, title);
	strbuf_puts(&sb, "</h1>");
	if (m->site.organisation != NULL) {
		strbuf_puts(&sb, "<p>");
		html_escape(&sb, m->site.organisation);
		strbuf_puts(&sb, "</p>");
	}
	strbuf_puts(&sb, "</header>\n<main>\n<h2>Agreements</h2>\n<table>\n<thead><tr>"
	    "<th>Agreement</th><th>Kind</th><th>Month</th><th>Opened</th>"
	    "<th>Resolved</th><th>Backlog</th></tr></thead>\n<tbody>\n");
	i = 0;
	cJSON_ArrayForEach(a, agreements) {
		const cJSON *periods = cJSON_GetObjectItemCaseSensitive(a, "periods");
		const cJSON *last = cJSON_GetArrayItem(periods, cJSON_GetArraySize(periods) - 1);
		const cJSON *total = cJSON_GetObjectItemCaseSensitive(last, "total");
		const struct agreement *ag = i < m->nagreements ? &m->agreements[i] : NULL;

		strbuf_puts(&sb, "<tr><td>");
		if (ag != NULL && ag->title != NULL)
			html_escape(&sb, ag->title);
		else
			put_text(&sb, cJSON_GetObjectItemCaseSensitive(a, "id"));
		strbuf_puts(&sb, "</td><td>");
		put_text(&sb, cJSON_GetObjectItemCaseSensitive(a, "kind"));
		strbuf_puts(&sb, "</td><td>");
		put_text(&sb, cJSON_GetObjectItemCaseSensitive(last, "period"));
		strbuf_puts(&sb, "</td>");
		put_number(&sb, total, "opened");
		put_number(&sb, total, "resolved");
		put_number(&sb, total, "backlog");
		strbuf_puts(&sb, "</tr>\n");
		i++;
	}
	strbuf_puts(&sb, "</tbody>\n</table>\n<p><a href=\"data/kpis.json\">kpis.json</a> · "
	    "<a href=\"data/kpis.csv\">kpis.csv</a> · "
	    "<a href=\"data/breaches.csv\">breaches.csv</a></p>\n</main>\n</body>\n</html>\n");
	return strbuf_detach(&sb, NULL);
}
