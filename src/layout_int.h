/* layout_int.h: what layout.c and layout_table.c share; not for other modules. */
#ifndef SLAREPORT_LAYOUT_INT_H
#define SLAREPORT_LAYOUT_INT_H

#include "layout.h"

struct lay_flow {
	struct lay_block *blocks;
	size_t n, cap;
};

/* Body rows a table fragment keeps on either side of a page break. */
#define LAY_MIN_ROWS 3

struct lay_table {
	int ncols, nrows, header_rows;
	size_t caprows;
	bool rules;
	double hpad;			/* cell padding left and right */
	struct lay_block *cells;	/* nrows × ncols paragraphs, row-major */
	double *fixed;			/* column fractions, or NULL */
};

/* Where the layout stands. */
struct lay_ctx {
	const struct lay_device *dev;
	const struct lay_geom *g;
	struct lay_result *r;
	int page;
	double y;			/* from the page's top */
	bool fresh;			/* nothing on this page yet */
	double shrink;			/* scale of the next box (0: none) */
};

/* How far a box (a chart) may shrink to stay on the page it starts on. */
#define LAY_BOX_SHRINK 0.75

/* A stretch of one run's text without spaces (outside pre). */
struct frag {
	size_t run;
	const char *text;		/* into para.norm */
	size_t len;
	double w, space;		/* widths of the text and of the space before it */
	bool glue;			/* a space precedes it: a line may break there */
	bool hard;			/* a forced line break precedes it */
};

struct piece {				/* the part of a fragment on one line */
	size_t frag, off, len;
	double x, w;			/* x from the line's start, natural spacing */
	bool glue;
};

struct line {
	size_t first, n;		/* pieces */
	double w, h, size;		/* natural width, height, largest font size */
	int nglue;
	bool hard;			/* ends the paragraph or at a forced break */
};

struct para {
	const struct lay_block *b;
	const struct lay_device *dev;
	char **norm;			/* printable text per run */
	struct frag *frags;
	size_t nfrags, capfrags;
	struct piece *pieces;
	size_t npieces, cappieces;
	struct line *lines;
	size_t nlines, caplines;
};

void lay_block_init(struct lay_block *b, enum lay_kind kind);
void lay_block_clear(struct lay_block *b);
void lay_table_free(struct lay_table *t);

/* Breaks b into lines of at most width points (p is overwritten). */
void para_break(struct para *p, const struct lay_block *b, double width,
    const struct lay_ctx *c);
void para_free(struct para *p);
double para_height(const struct para *p, size_t from, size_t to);
double para_emit_line(const struct para *p, size_t li, double x, double y,
    double width, enum lay_align align, struct lay_result *r, int page);

/* The block's indents, limited so that deep nesting keeps a usable measure. */
void lay_indents(const struct lay_ctx *c, const struct lay_block *b, double *left,
    double *right);
/* Records that cp could not be printed (sorted, unique). */
void lay_note_missing(struct lay_result *r, uint32_t cp);
int lay_new_page(struct lay_ctx *c);
void lay_mark_add(struct lay_ctx *c, const char *name, const char *title, int level,
    double y);
struct lay_op *lay_op_add(struct lay_result *r, int page, enum lay_op_kind kind);
void lay_rect(struct lay_result *r, int page, double x, double y, double w, double h,
    uint32_t color);
void lay_line(struct lay_result *r, int page, double x, double y, double w, double h,
    double lw, uint32_t color);

void place_table(struct lay_ctx *c, const struct lay_block *b);
double table_min_height(struct lay_ctx *c, const struct lay_block *b);

#endif
