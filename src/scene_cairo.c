/* scene_cairo.c: the cairo back end of scenes — PNG for previews and tests;
 * text through cairo-ft with the files of font.c (SVG is scene_svg.c). */
#include "scene_int.h"

#include <math.h>
#include <string.h>

#include <cairo.h>

#include "util.h"

static void
set_rgb(cairo_t *cr, uint32_t c)
{
	cairo_set_source_rgb(cr, ((c >> 16) & 0xFF) / 255.0, ((c >> 8) & 0xFF) / 255.0,
	    (c & 0xFF) / 255.0);
}

static void
replay_path(cairo_t *cr, const struct scene *s, const struct scene_op *op)
{
	const struct scene_seg *g = scene_segs(s) + op->first_seg;
	size_t i;

	cairo_new_path(cr);
	for (i = 0; i < op->nseg; i++) {
		switch (g[i].kind) {
		case SCENE_SEG_MOVE:
			cairo_move_to(cr, g[i].x, g[i].y);
			break;
		case SCENE_SEG_LINE:
			cairo_line_to(cr, g[i].x, g[i].y);
			break;
		case SCENE_SEG_CIRCLE:
			cairo_new_sub_path(cr);
			cairo_arc(cr, g[i].x, g[i].y, g[i].r, 0, 2 * M_PI);
			cairo_close_path(cr);
			break;
		case SCENE_SEG_CLOSE:
			cairo_close_path(cr);
			break;
		}
	}
	if (op->paint.fill != SCENE_NONE) {
		set_rgb(cr, op->paint.fill);
		cairo_fill_preserve(cr);
	}
	if (op->paint.stroke != SCENE_NONE && op->paint.width > 0) {
		set_rgb(cr, op->paint.stroke);
		cairo_set_line_width(cr, op->paint.width);
		if (op->paint.dash > 0) {
			double d[2] = { op->paint.dash, op->paint.dash };
			cairo_set_dash(cr, d, 2, 0);
		} else
			cairo_set_dash(cr, NULL, 0, 0);
		cairo_stroke_preserve(cr);
	}
	cairo_new_path(cr);
}

static void
replay_text(cairo_t *cr, const struct scene_op *op)
{
	cairo_font_face_t *face = font_cairo_face(op->face);

	if (face != NULL)
		cairo_set_font_face(cr, face);
	else
		cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
		    op->face == FONT_BOLD ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, op->size);
	set_rgb(cr, op->color);
	cairo_move_to(cr, op->x, op->y);
	cairo_show_text(cr, op->text);
	cairo_new_path(cr);
}

/* Draws every op of s on cr, in scene units. */
static void
replay(cairo_t *cr, const struct scene *s)
{
	cairo_font_options_t *fo = cairo_font_options_create();
	size_t i;

	/* Unhinted metrics: the widths font_text_width measured, on every surface. */
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_set_font_options(cr, fo);
	cairo_font_options_destroy(fo);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
	for (i = 0; i < scene_op_count(s); i++) {
		const struct scene_op *op = scene_op_at(s, i);
		if (op->kind == SCENE_OP_PATH)
			replay_path(cr, s, op);
		else
			replay_text(cr, op);
	}
}

static cairo_status_t
to_strbuf(void *closure, const unsigned char *data, unsigned int len)
{
	strbuf_append(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

int
scene_write_png(const struct scene *s, double dpi, struct strbuf *out)
{
	double k = dpi / 72.0;
	int w = (int)ceil(scene_width(s) * k), h = (int)ceil(scene_height(s) * k);
	cairo_surface_t *surf;
	cairo_t *cr;
	cairo_status_t st;

	if (w < 1 || h < 1 || w > 20000 || h > 20000)
		return -1;
	surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cr = cairo_create(surf);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, k, k);
	replay(cr, s);
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_flush(surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_write_to_png_stream(surf, to_strbuf, out);
	cairo_surface_destroy(surf);
	return st == CAIRO_STATUS_SUCCESS ? 0 : -1;
}
