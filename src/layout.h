/* layout.h: the page layout engine of the PDF output. It breaks paragraphs
 * into lines and blocks into pages and knows nothing of libharu: text is
 * measured through a device (as mandoc's term.c measures through struct
 * termp), and the result is a list of drawing operations per page that the
 * drawing device (pdf.c) replays without deciding anything. */
#ifndef SLAREPORT_LAYOUT_H
#define SLAREPORT_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Faces, in the order of font.h's enum font_face. */
enum lay_font {
	LAY_REGULAR, LAY_BOLD, LAY_ITALIC, LAY_BOLD_ITALIC, LAY_MONO, LAY_MONO_BOLD,
	LAY_FONT_COUNT
};

/* What the engine needs to know about the fonts. */
struct lay_device {
	void *ctx;
	/* Advance width of code point cp in font, in thousandths of the size. */
	double (*advance)(void *ctx, int font, uint32_t cp);
	/* Whether font can print cp (false makes the engine substitute and report). */
	bool (*has_glyph)(void *ctx, int font, uint32_t cp);
};

struct lay_geom {
	double width, height;			/* page, points */
	double top, bottom, left, right;	/* margins */
};

enum lay_align { LAY_JUSTIFY, LAY_LEFT, LAY_CENTER, LAY_RIGHT };

enum lay_flag { LAY_STRIKE = 1, LAY_UNDERLINE = 2 };

/* The style of a stretch of text; link (copied) is a URI, or "#name" for a
 * destination inside the document. */
struct lay_style {
	uint8_t font;			/* enum lay_font */
	uint8_t flags;			/* enum lay_flag bits */
	float size;
	float rise;			/* baseline shift up (superscripts), points */
	uint32_t color;			/* 0xRRGGBB */
	const char *link;
};

struct lay_run {
	struct lay_style st;
	char *text;			/* owned; "\n" alone is a hard line break */
	size_t len;
};

struct lay_table;

enum lay_kind { LAY_PARA, LAY_RULE, LAY_TABLE, LAY_BOX, LAY_SPACE, LAY_PAGEBREAK };

#define LAY_MAXBARS 8

/* One block of the flow. Builders below fill the fields the caller does not. */
struct lay_block {
	enum lay_kind kind;
	/* LAY_PARA */
	struct lay_run *runs;
	size_t nruns, caprun;
	struct lay_run marker;		/* list bullet or number, hung left of the text */
	enum lay_align align;
	double leading;			/* line height / font size, default 1.35 */
	bool pre;			/* keep spaces and line ends, wrap anywhere */
	/* every kind */
	double left, right;		/* indents from the margins */
	double space_before, space_after;
	bool keep_with_next;		/* never the last block on a page */
	bool keep_together;		/* never split (paragraphs: still split if taller than a page) */
	uint32_t shade;			/* background 0xRRGGBB behind the block */
	bool shaded;
	double pad;			/* inner padding of a shaded block */
	int nbars;			/* block-quote rules at these offsets from the left margin */
	double bars[LAY_MAXBARS];
	char *anchor;			/* destination name at the block's top, owned */
	int outline;			/* bookmark level 1.., 0 = none */
	int colspan;			/* table cells: columns it spans (0, 1: one) */
	char *outline_title;		/* owned; NULL: the paragraph's text */
	/* LAY_RULE: thickness; LAY_SPACE: height; LAY_BOX: size and object;
	 * LAY_PAGEBREAK: w > 0 makes the break soft: a new page only when less
	 * than w (a fraction, e.g. 0.5) of the page's text height is left, else
	 * a gap of space_before (a short section shares the page). */
	double w, h;
	void *obj;			/* LAY_BOX: handed to the drawing device as is */
	int obj_kind;
	uint32_t color;			/* LAY_RULE */
	struct lay_table *table;	/* LAY_TABLE, owned */
};

/* ---- building a flow ---- */

struct lay_flow;

struct lay_flow *lay_flow_new(void);
void lay_flow_free(struct lay_flow *f);
size_t lay_flow_len(const struct lay_flow *f);
/* Block i of the flow (valid until the next lay_add). */
struct lay_block *lay_at(struct lay_flow *f, size_t i);
/* A new zeroed block of kind at the end of the flow (owned by the flow; the
 * pointer is valid until the next lay_add). Paragraphs get leading 1.35. */
struct lay_block *lay_add(struct lay_flow *f, enum lay_kind kind);
/* Appends text[0..len) in style st to a paragraph (runs of one style merge). */
void lay_text(struct lay_block *b, const struct lay_style *st, const char *text, size_t len);
/* A forced line break inside a paragraph. */
void lay_break(struct lay_block *b);
/* Sets the hung marker of a list item paragraph. */
void lay_marker(struct lay_block *b, const struct lay_style *st, const char *text);
/* Moves every block of src to the end of dst (src is left empty). */
void lay_flow_splice(struct lay_flow *dst, struct lay_flow *src);
/* Replaces block i of dst by the first block of src (which loses it). */
void lay_flow_replace(struct lay_flow *dst, size_t i, struct lay_flow *src);
/* Plain text of a paragraph's runs (hard breaks as spaces); caller frees. */
char *lay_plain_text(const struct lay_block *b);

/* A table of ncols columns; the first header_rows rows repeat after a page
 * break. rules: horizontal rules and header shading (false: a plain grid, e.g.
 * a table of contents). */
struct lay_block *lay_table(struct lay_flow *f, int ncols, int header_rows, bool rules);
/* The paragraph of cell (row, col), rows growing as needed (valid until the
 * next call on this table). Cells default to LAY_LEFT. */
struct lay_block *lay_cell(struct lay_block *table, int row, int col);
/* Number of columns of a table block. */
int lay_table_cols(const struct lay_block *table);
/* Cell padding left and right (default 5 pt), for dense tables. */
void lay_table_pad(struct lay_block *table, double pad);
/* Fixed relative column widths (sum 1) instead of widths from content. */
void lay_table_fix(struct lay_block *table, const double *fractions);

/* For decimal alignment: the width from a right-aligned number cell's
 * decimal point to its end, or -1 when the cell is not a number. Numbers in a
 * column of a table line up on the decimal point (layout_table.c). */
double lay_cell_tail(const struct lay_device *dev, const struct lay_block *cell);

/* ---- the result ---- */

enum lay_op_kind {
	LAY_OP_TEXT,	/* text at (x, y = baseline) */
	LAY_OP_RECT,	/* filled rectangle (x, y top, w, h) */
	LAY_OP_LINE,	/* line from (x, y) to (x + w, y + h), width lw */
	LAY_OP_LINK,	/* clickable area (x, y top, w, h) to text: URI or "#dest" */
	LAY_OP_BOX	/* the object of a LAY_BOX block in (x, y top, w, h) */
};

/* Coordinates are points from the page's top-left corner, y downwards. */
struct lay_op {
	uint8_t kind, font;
	float size;
	uint32_t color;
	double x, y, w, h, lw;
	char *text;			/* owned, NUL-terminated */
	void *obj;
	int obj_kind;
};

struct lay_page {
	struct lay_op *ops;
	size_t nops, cap;
};

/* A destination: named anchors and outline entries (headings). */
struct lay_mark {
	char *name;			/* owned, may be NULL for outline-only marks */
	char *title;			/* owned, NULL when not in the outline */
	int level;
	int page;			/* index into lay_result.pages */
	double y;
};

struct lay_result {
	struct lay_page *pages;
	int npages;
	size_t cappages;
	struct lay_mark *marks;
	size_t nmarks, capmarks;
	uint32_t *missing;		/* code points no face could print, sorted, unique */
	size_t nmissing, capmissing;
	int overfull;			/* lines that had to be cut inside a word */
};

/* Lays the flow out onto new pages appended to r (a flow always starts on a
 * fresh page). Returns the index of its first page. */
int layout_run(const struct lay_flow *f, const struct lay_device *dev,
    const struct lay_geom *g, struct lay_result *r);
void lay_result_free(struct lay_result *r);
/* Moves the pages and marks of src to the end of dst (src is left empty). */
void lay_result_append(struct lay_result *dst, struct lay_result *src);

/* Width in points of text[0..len) in font at size (no substitution). */
double lay_text_width(const struct lay_device *dev, int font, double size,
    const char *text, size_t len);
/* Decodes one UTF-8 code point at s[*i] (< n), advancing *i; invalid bytes
 * give U+FFFD and advance by one. */
uint32_t lay_utf8_next(const char *s, size_t n, size_t *i);

#endif
