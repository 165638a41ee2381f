/* markdown.c: the one place that talks to the cmark-gfm parser and HTML renderer. */
#include "markdown.h"

#include <stdlib.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

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

char *
markdown_to_html(struct cmark_node *doc, bool unsafe_html)
{
	cmark_llist *list = extension_list();
	char *html;

	/* The renderer allocates with the default allocator, i.e. malloc. */
	html = cmark_render_html(doc, MARKDOWN_OPTS | (unsafe_html ? CMARK_OPT_UNSAFE : 0),
	    list);
	cmark_llist_free(cmark_get_default_mem_allocator(), list);
	return html;
}
