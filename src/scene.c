/* scene.c: building the display list that every chart back end replays. */
#include "scene_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct scene {
	double width, height;
	struct scene_op *ops;
	size_t nops, capops;
	struct scene_seg *segs;
	size_t nsegs, capsegs;
	size_t path_start;	/* first segment of the path being built */
	int in_path;
};

struct scene *
scene_new(double width, double height)
{
	struct scene *s = xcalloc(1, sizeof *s);

	s->width = width;
	s->height = height;
	return s;
}

void
scene_free(struct scene *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nops; i++)
		free(s->ops[i].text);
	free(s->ops);
	free(s->segs);
	free(s);
}

double
scene_width(const struct scene *s)
{
	return s->width;
}

double
scene_height(const struct scene *s)
{
	return s->height;
}

size_t
scene_op_count(const struct scene *s)
{
	return s->nops;
}

const struct scene_op *
scene_op_at(const struct scene *s, size_t i)
{
	return &s->ops[i];
}

const struct scene_seg *
scene_segs(const struct scene *s)
{
	return s->segs;
}

static struct scene_op *
new_op(struct scene *s, enum scene_op_kind kind)
{
	struct scene_op *op;

	xgrow((void **)&s->ops, &s->capops, s->nops + 1, sizeof *s->ops);
	op = &s->ops[s->nops++];
	memset(op, 0, sizeof *op);
	op->kind = kind;
	return op;
}

static void
add_seg(struct scene *s, enum scene_seg_kind kind, double x, double y, double r)
{
	struct scene_seg *g;

	if (!s->in_path)
		scene_begin_path(s);
	xgrow((void **)&s->segs, &s->capsegs, s->nsegs + 1, sizeof *s->segs);
	g = &s->segs[s->nsegs++];
	g->kind = kind;
	g->x = x;
	g->y = y;
	g->r = r;
}

void
scene_begin_path(struct scene *s)
{
	s->in_path = 1;
	s->path_start = s->nsegs;
}

void
scene_move_to(struct scene *s, double x, double y)
{
	add_seg(s, SCENE_SEG_MOVE, x, y, 0);
}

void
scene_line_to(struct scene *s, double x, double y)
{
	add_seg(s, SCENE_SEG_LINE, x, y, 0);
}

void
scene_circle(struct scene *s, double cx, double cy, double r)
{
	add_seg(s, SCENE_SEG_CIRCLE, cx, cy, r);
}

void
scene_close_path(struct scene *s)
{
	add_seg(s, SCENE_SEG_CLOSE, 0, 0, 0);
}

void
scene_end_path(struct scene *s, const struct scene_paint *paint)
{
	struct scene_op *op;

	if (!s->in_path)
		return;
	s->in_path = 0;
	if (s->nsegs == s->path_start)
		return;
	op = new_op(s, SCENE_OP_PATH);
	op->paint = *paint;
	op->paint.hatch = SCENE_HATCH_NONE;
	op->first_seg = s->path_start;
	op->nseg = s->nsegs - s->path_start;
}

void
scene_line(struct scene *s, double x1, double y1, double x2, double y2,
    uint32_t color, double width, double dash)
{
	struct scene_paint p = { SCENE_NONE, color, width, dash, SCENE_HATCH_NONE, 0 };

	scene_begin_path(s);
	scene_move_to(s, x1, y1);
	scene_line_to(s, x2, y2);
	scene_end_path(s, &p);
}

/* Lines of one hatch family across the rectangle, clipped to it by hand so
 * that back ends need no clipping. Lines sit on a page-wide grid, so that
 * adjacent rectangles (stacked bars) continue each other's pattern. */
static void
hatch_lines(struct scene *s, double x0, double y0, double x1, double y1,
    enum scene_hatch kind, const struct scene_paint *lp)
{
	const double sp = 4.0;
	double c, lo, hi;

	scene_begin_path(s);
	switch (kind) {
	case SCENE_HATCH_DIAGONAL:	/* x + y = c */
		for (c = ceil((x0 + y0) / sp) * sp; c <= x1 + y1; c += sp) {
			double xa = fmax(x0, c - y1), xb = fmin(x1, c - y0);
			if (xb - xa < 0.01)
				continue;
			scene_move_to(s, xa, c - xa);
			scene_line_to(s, xb, c - xb);
		}
		break;
	case SCENE_HATCH_BACK:		/* y - x = c */
		for (c = ceil((y0 - x1) / sp) * sp; c <= y1 - x0; c += sp) {
			double xa = fmax(x0, y0 - c), xb = fmin(x1, y1 - c);
			if (xb - xa < 0.01)
				continue;
			scene_move_to(s, xa, xa + c);
			scene_line_to(s, xb, xb + c);
		}
		break;
	case SCENE_HATCH_HORIZONTAL:
		lo = ceil(y0 / sp) * sp;
		for (hi = lo; hi <= y1; hi += sp) {
			scene_move_to(s, x0, hi);
			scene_line_to(s, x1, hi);
		}
		break;
	case SCENE_HATCH_VERTICAL:
		lo = ceil(x0 / sp) * sp;
		for (hi = lo; hi <= x1; hi += sp) {
			scene_move_to(s, hi, y0);
			scene_line_to(s, hi, y1);
		}
		break;
	default:
		break;
	}
	scene_end_path(s, lp);
}

void
scene_rect(struct scene *s, double x, double y, double w, double h,
    const struct scene_paint *paint)
{
	struct scene_paint fill = *paint;

	if (w < 0) {
		x += w;
		w = -w;
	}
	if (h < 0) {
		y += h;
		h = -h;
	}
	/* Fill, then the hatch, then the outline on top of both. */
	fill.stroke = SCENE_NONE;
	if (fill.fill != SCENE_NONE) {
		scene_begin_path(s);
		scene_move_to(s, x, y);
		scene_line_to(s, x + w, y);
		scene_line_to(s, x + w, y + h);
		scene_line_to(s, x, y + h);
		scene_close_path(s);
		scene_end_path(s, &fill);
	}
	if (paint->hatch != SCENE_HATCH_NONE && w > 0.5 && h > 0.5) {
		struct scene_paint lp = { SCENE_NONE, paint->hatch_color, 0.75, 0,
			SCENE_HATCH_NONE, 0 };
		if (paint->hatch == SCENE_HATCH_CROSS) {
			hatch_lines(s, x, y, x + w, y + h, SCENE_HATCH_DIAGONAL, &lp);
			hatch_lines(s, x, y, x + w, y + h, SCENE_HATCH_BACK, &lp);
		} else
			hatch_lines(s, x, y, x + w, y + h, paint->hatch, &lp);
	}
	if (paint->stroke != SCENE_NONE) {
		struct scene_paint sp = *paint;
		sp.fill = SCENE_NONE;
		scene_begin_path(s);
		scene_move_to(s, x, y);
		scene_line_to(s, x + w, y);
		scene_line_to(s, x + w, y + h);
		scene_line_to(s, x, y + h);
		scene_close_path(s);
		scene_end_path(s, &sp);
	}
}

double
scene_text(struct scene *s, double x, double y, const char *utf8,
    enum font_face face, double size, enum scene_anchor anchor, uint32_t color)
{
	struct scene_op *op;
	double w;

	if (utf8 == NULL || *utf8 == '\0')
		return 0;
	w = font_text_width(face, size, utf8);
	op = new_op(s, SCENE_OP_TEXT);
	op->x = anchor == SCENE_MIDDLE ? x - w / 2 : anchor == SCENE_END ? x - w : x;
	op->y = y;
	op->size = size;
	op->width = w;
	op->face = face;
	op->color = color;
	op->text = xstrdup(utf8);
	return w;
}

char *
scene_ellipsize(const char *utf8, enum font_face face, double size, double max_width)
{
	static const char ell[] = "\xE2\x80\xA6";	/* U+2026 */
	size_t n;
	char *buf;

	if (utf8 == NULL)
		return xstrdup("");
	if (font_text_width(face, size, utf8) <= max_width)
		return xstrdup(utf8);
	n = strlen(utf8);
	buf = xmalloc(n + sizeof ell);
	while (n > 0) {
		/* Back up one whole UTF-8 character, then any trailing spaces. */
		do
			n--;
		while (n > 0 && ((unsigned char)utf8[n] & 0xC0) == 0x80);
		while (n > 0 && utf8[n - 1] == ' ')
			n--;
		memcpy(buf, utf8, n);
		memcpy(buf + n, ell, sizeof ell);
		if (font_text_width(face, size, buf) <= max_width)
			return buf;
	}
	memcpy(buf, ell, sizeof ell);
	return buf;
}
