/* scene.h: a small display list (paths, fills, strokes, text runs) that a
 * chart is drawn into once and replayed by the cairo (SVG, PNG) and libharu
 * (PDF, text stays selectable) back ends. */
#ifndef SLAREPORT_SCENE_H
#define SLAREPORT_SCENE_H

#include <hpdf.h>

struct scene;

/* Size in points (1/72 in). */
double scene_width(const struct scene *s);
double scene_height(const struct scene *s);

/* Draws s on a PDF page with its top-left corner at (x, y_top) in PDF user
 * space (origin bottom-left), scaled by scale. regular and bold are fonts the
 * caller loaded into the document (UTF-8 encoded TrueType). */
void scene_draw_pdf(const struct scene *s, HPDF_Page page, float x, float y_top,
    float scale, HPDF_Font regular, HPDF_Font bold);

#endif
