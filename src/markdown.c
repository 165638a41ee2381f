/* markdown.c: the one place that talks to the cmark-gfm parser and HTML renderer. */
#include "markdown.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include "util.h"

static const char *const extension_names[] = {
	"table", "tasklist", "strikethrough", "autolink",
};

#define MARKDOWN_OPTS (CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES)

/* A fresh list of our extensions; the list (not the extensions, which the
 * registry owns) is freed with cmark_llist_free. */
static cmark_llist *
extension_list(void)
{
	cmark_mem *mem = cmark_get_default_mem_allocator();
	cmark_llist *list = NULL;
	size_t i;

	cmark_gfm_core_extensions_ensure_registered();
	for (i = 0; i < sizeof extension_names / sizeof *extension_names; i++) {
		cmark_syntax_extension *ext = cmark_find_syntax_extension(extension_names[i]);
		if (ext != NULL)
			list = cmark_llist_append(mem, list, ext);
	}
	return list;
}

struct cmark_node *
markdown_parse(const char *text, size_t len)
{
	cmark_parser *p;
	cmark_node *doc;
	size_t i;

	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new(MARKDOWN_OPTS);
	for (i = 0; i < sizeof extension_names / sizeof *extension_names; i++) {
		cmark_syntax_extension *ext = cmark_find_syntax_extension(extension_names[i]);
		if (ext != NULL)
			cmark_parser_attach_syntax_extension(p, ext);
	}
	cmark_parser_feed(p, text, len);
	doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

/* Whether url may stay a link: relative, or one of the schemes a reader can
 * follow safely. cmark already blanks javascript:, vbscript:, file: and data:
 * in safe mode; this allow-list holds with unsafe_html too, and also drops
 * schemes cmark does not know. */
static bool
url_is_safe(const char *url)
{
	static const char *const schemes[] = { "http", "https", "mailto", "tel" };
	size_t n, i;

	while (*url != '\0' && (unsigned char)*url <= ' ')
		url++;
	n = strcspn(url, ":/?#");
	if (url[n] != ':')
		return true;	/* no scheme: a relative reference */
	for (i = 0; i < sizeof schemes / sizeof *schemes; i++)
		if (strlen(schemes[i]) == n && strncasecmp(url, schemes[i], n) == 0)
			return true;
	return false;
}

/* Links with unsafe targets become their text; images with them, nothing. */
static void
drop_unsafe_links(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_node **bad = NULL, *n;
	size_t nbad = 0, cap = 0, i;
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || (cmark_node_get_type(n) != CMARK_NODE_LINK &&
		    cmark_node_get_type(n) != CMARK_NODE_IMAGE))
			continue;
		if (cmark_node_get_url(n) != NULL && !url_is_safe(cmark_node_get_url(n))) {
			xgrow((void **)&bad, &cap, nbad + 1, sizeof *bad);
			bad[nbad++] = n;
		}
	}
	cmark_iter_free(it);
	/* Changed after the walk: the iterator must not see nodes move. */
	for (i = 0; i < nbad; i++) {
		n = bad[i];
		if (cmark_node_get_type(n) == CMARK_NODE_LINK) {
			cmark_node *c;
			while ((c = cmark_node_first_child(n)) != NULL)
				cmark_node_insert_before(n, c);
		}
		cmark_node_free(n);
	}
	free(bad);
}

char *
markdown_to_html(struct cmark_node *doc, bool unsafe_html)
{
	cmark_llist *list = extension_list();
	char *html;

	drop_unsafe_links(doc);

	/* The renderer allocates with the default allocator, i.e. malloc. */
	/* style="text-align" rather than the align attribute, obsolete in HTML5. */
	html = cmark_render_html(doc, MARKDOWN_OPTS | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES |
	    (unsafe_html ? CMARK_OPT_UNSAFE : 0), list);
	cmark_llist_free(cmark_get_default_mem_allocator(), list);
	return html;
}
