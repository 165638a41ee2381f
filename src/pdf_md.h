/* pdf_md.h: agreement Markdown (a cmark-gfm tree) into layout blocks, and the
 * typographic scale every PDF page shares. */
#ifndef SLAREPORT_PDF_MD_H
#define SLAREPORT_PDF_MD_H

#include "diag.h"
#include "layout.h"

struct cmark_node;
struct pdf_dev;

/* The scale: body text, small print, colours. */
#define PDF_BODY 9.5
#define PDF_SMALL 8.0
#define PDF_INK 0x1F2933
#define PDF_ACCENT 0x12355B
#define PDF_LINK 0x1D5FA8
#define PDF_MUTED 0x5B6573
#define PDF_RULE 0xC9CED6

struct pdf_md_opts {
	const char *base_dir;		/* folder of the agreement, for images; NULL: none */
	const char *anchor_prefix;	/* keeps heading anchors unique in a report */
	int heading_shift;		/* added to every heading level */
	int outline_max;		/* deepest level that gets a bookmark */
	struct pdf_dev *dev;		/* loads images */
	struct diag *diag;		/* missing images are reported here */
	const char *file;		/* as shown in diagnostics */
	int line_offset;		/* line of the file where the body starts, minus 1 */
};

/* A text style. */
struct lay_style pdf_style(int font, double size, uint32_t color);
/* Appends a heading of level (1 = chapter) with an anchor, a bookmark when
 * outline, kept with what follows; returns it. */
struct lay_block *pdf_heading(struct lay_flow *f, int level, const char *text,
    const char *anchor, bool outline);
/* Appends a body paragraph of plain text in style st. */
struct lay_block *pdf_para(struct lay_flow *f, const struct lay_style *st, const char *text);

/* Appends the blocks of doc to f. */
void pdf_md_render(struct lay_flow *f, struct cmark_node *doc, const struct pdf_md_opts *o);

#endif
