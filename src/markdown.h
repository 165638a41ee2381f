/* markdown.h: agreement bodies through cmark-gfm (CommonMark + GFM extensions). */
#ifndef SLAREPORT_MARKDOWN_H
#define SLAREPORT_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

struct cmark_node;

/* Parses text[0..len) with the table, tasklist, strikethrough and autolink
 * extensions and footnotes. Never NULL; the caller frees the tree with
 * cmark_node_free(). The extensions live in cmark-gfm's registry for the
 * whole process, so the tree does not depend on the parser that built it. */
struct cmark_node *markdown_parse(const char *text, size_t len);

/* HTML of a tree from markdown_parse; raw HTML is replaced by a comment unless
 * unsafe_html. The caller frees the string with free(). */
char *markdown_to_html(struct cmark_node *doc, bool unsafe_html);

#endif
