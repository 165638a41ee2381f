/* scene_pdf.c: the libharu back end of scenes — the chart replayed as PDF
 * vectors, its text as real (selectable, searchable) text. */
#include "scene_int.h"

#include <math.h>

static void
pdf_paint(HPDF_Page page, const struct scene_paint *p, float scale)
{
	if (p->fill != SCENE_NONE)
		HPDF_Page_SetRGBFill(page, ((p->fill >> 16) & 0xFF) / 255.0f,
		    ((p->fill >> 8) & 0xFF) / 255.0f, (p->fill & 0xFF) / 255.0f);
	if (p->stroke != SCENE_NONE) {
		HPDF_Page_SetRGBStroke(page, ((p->stroke >> 16) & 0xFF) / 255.0f,
		    ((p->stroke >> 8) & 0xFF) / 255.0f, (p->stroke & 0xFF) / 255.0f);
		HPDF_Page_SetLineWidth(page, (HPDF_REAL)(p->width * scale));
		if (p->dash > 0) {
			/* libharu takes whole points only. */
			long d = lround(p->dash * scale);
			HPDF_UINT16 ptn[2];
			ptn[0] = ptn[1] = (HPDF_UINT16)(d < 1 ? 1 : d > 100 ? 100 : d);
			HPDF_Page_SetDash(page, ptn, 2, 0);
		} else
			HPDF_Page_SetDash(page, NULL, 0, 0);
	}
}

void
scene_draw_pdf(const struct scene *s, HPDF_Page page, float x, float y_top,
    float scale, HPDF_Font regular, HPDF_Font bold)
{
	const struct scene_seg *segs = scene_segs(s);
	size_t i, k;

	/* Scene y grows downwards from the top; PDF y grows upwards. */
#define PX(v) ((HPDF_REAL)(x + (v) * scale))
#define PY(v) ((HPDF_REAL)(y_top - (v) * scale))
	HPDF_Page_GSave(page);
	HPDF_Page_SetLineCap(page, HPDF_BUTT_END);
	HPDF_Page_SetLineJoin(page, HPDF_MITER_JOIN);
	for (i = 0; i < scene_op_count(s); i++) {
		const struct scene_op *op = scene_op_at(s, i);
		if (op->kind == SCENE_OP_TEXT) {
			HPDF_Font f = op->face == FONT_BOLD || op->face == FONT_BOLD_ITALIC ||
			    op->face == FONT_MONO_BOLD ? bold : regular;
			if (f == NULL)
				continue;
			HPDF_Page_BeginText(page);
			HPDF_Page_SetFontAndSize(page, f, (HPDF_REAL)(op->size * scale));
			HPDF_Page_SetRGBFill(page, ((op->color >> 16) & 0xFF) / 255.0f,
			    ((op->color >> 8) & 0xFF) / 255.0f, (op->color & 0xFF) / 255.0f);
			/* libharu's widths are whole 1/1000 em, cairo's exact: scale the
			 * run horizontally by the difference (≤ 0.2 %) so that it ends
			 * where the layout measured, as in SVG and PNG. */
			HPDF_REAL w = HPDF_Page_TextWidth(page, op->text);
			HPDF_REAL hs = w > 0 ? (HPDF_REAL)(100.0 * op->width * scale / w) : 100;
			HPDF_Page_SetHorizontalScalling(page, hs > 99 && hs < 101 ? hs : 100);
			HPDF_Page_TextOut(page, PX(op->x), PY(op->y), op->text);
			HPDF_Page_EndText(page);
			continue;
		}
		int fill = op->paint.fill != SCENE_NONE;
		int stroke = op->paint.stroke != SCENE_NONE && op->paint.width > 0;
		if (!fill && !stroke)
			continue;
		pdf_paint(page, &op->paint, scale);
		for (k = op->first_seg; k < op->first_seg + op->nseg; k++) {
			const struct scene_seg *g = &segs[k];
			switch (g->kind) {
			case SCENE_SEG_MOVE:
				HPDF_Page_MoveTo(page, PX(g->x), PY(g->y));
				break;
			case SCENE_SEG_LINE:
				HPDF_Page_LineTo(page, PX(g->x), PY(g->y));
				break;
			case SCENE_SEG_CIRCLE:
				HPDF_Page_Circle(page, PX(g->x), PY(g->y),
				    (HPDF_REAL)(g->r * scale));
				break;
			case SCENE_SEG_CLOSE:
				HPDF_Page_ClosePath(page);
				break;
			}
		}
		if (fill && stroke)
			HPDF_Page_FillStroke(page);
		else if (fill)
			HPDF_Page_Fill(page);
		else
			HPDF_Page_Stroke(page);
	}
	HPDF_Page_GRestore(page);
#undef PX
#undef PY
}
