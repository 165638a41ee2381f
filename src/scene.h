/* scene.h: a small display list (paths, fills, strokes, text runs) that a
 * chart is drawn into once and replayed by the cairo (SVG, PNG) and libharu
 * (PDF, text stays selectable) back ends. */
#ifndef SLAREPORT_SCENE_H
#define SLAREPORT_SCENE_H

#include <stddef.h>
#include <stdint.h>
#include <hpdf.h>

#include "font.h"

struct scene;
struct strbuf;

/* Colours are 0xRRGGBB; SCENE_NONE means "no fill" or "no stroke". */
#define SCENE_NONE 0xFFFFFFFFu

/* Patterns laid over a rectangle's fill, so that marks read in greyscale. */
enum scene_hatch {
	SCENE_HATCH_NONE,
	SCENE_HATCH_DIAGONAL,	/* "/" lines */
	SCENE_HATCH_BACK,	/* "\" lines */
	SCENE_HATCH_CROSS,	/* both */
	SCENE_HATCH_HORIZONTAL,
	SCENE_HATCH_VERTICAL
};

struct scene_paint {
	uint32_t fill;		/* colour or SCENE_NONE */
	uint32_t stroke;	/* colour or SCENE_NONE */
	double width;		/* stroke width, points */
	double dash;		/* dash and gap length, points; 0 = solid */
	enum scene_hatch hatch;	/* rectangles only */
	uint32_t hatch_color;
};

enum scene_anchor { SCENE_START, SCENE_MIDDLE, SCENE_END };

/* An empty scene of width × height points, origin top-left, y down. Free with
 * scene_free(). */
struct scene *scene_new(double width, double height);
void scene_free(struct scene *s);

/* Size in points (1/72 in). */
double scene_width(const struct scene *s);
double scene_height(const struct scene *s);

/* Paths: begin, add segments, then end with a paint (copied). A circle is a
 * closed sub-path of its own. */
void scene_begin_path(struct scene *s);
void scene_move_to(struct scene *s, double x, double y);
void scene_line_to(struct scene *s, double x, double y);
void scene_circle(struct scene *s, double cx, double cy, double r);
void scene_close_path(struct scene *s);
void scene_end_path(struct scene *s, const struct scene_paint *paint);

/* Shorthands: a rectangle (with its hatch drawn as clipped lines) and a line. */
void scene_rect(struct scene *s, double x, double y, double w, double h,
    const struct scene_paint *paint);
void scene_line(struct scene *s, double x1, double y1, double x2, double y2,
    uint32_t color, double width, double dash);

/* A run of UTF-8 text on the baseline y, placed by anchor around x. Faces other
 * than FONT_REGULAR / FONT_BOLD print as regular or bold in the PDF. Returns
 * the run's width (font_text_width). */
double scene_text(struct scene *s, double x, double y, const char *utf8,
    enum font_face face, double size, enum scene_anchor anchor, uint32_t color);

/* text cut to at most max_width points with a trailing "…" (whole UTF-8
 * characters); the caller frees the result. */
char *scene_ellipsize(const char *utf8, enum font_face face, double size,
    double max_width);

/* Back ends. */

/* Appends the scene as an SVG element to out (scene_svg.c): no XML prolog,
 * text as <text> runs, the only ids id_prefix-title and id_prefix-desc so that
 * several can be inlined in one page, role="img" with title (and desc, may be
 * NULL) for assistive technology. Same scene, same bytes. Returns 0. */
int scene_write_svg(const struct scene *s, const char *id_prefix, const char *title,
    const char *desc, struct strbuf *out);
/* Appends a PNG of the scene at dpi, on white, to out. Returns 0 or -1. */
int scene_write_png(const struct scene *s, double dpi, struct strbuf *out);

/* Draws s on a PDF page with its top-left corner at (x, y_top) in PDF user
 * space (origin bottom-left), scaled by scale. regular and bold are fonts the
 * caller loaded into the document (UTF-8 encoded TrueType, from the files of
 * font_path(FONT_REGULAR) and font_path(FONT_BOLD)). */
void scene_draw_pdf(const struct scene *s, HPDF_Page page, float x, float y_top,
    float scale, HPDF_Font regular, HPDF_Font bold);

#endif
