/* scene_svg.c: the SVG back end of scenes, written directly from the display
 * list. Text stays text (<text> with textLength set to the width the layout
 * measured, so a browser's substitute font still fits the space), which keeps
 * charts selectable, searchable and small. cairo's SVG surface drew every
 * glyph as an outline and formatted thousands of floats per chart: the site
 * spent 85 % of its build time there and pages weighed 250 KB. */
#include "scene_int.h"

#include <ctype.h>
#include <math.h>
#include <string.h>
#include "html.h"
#include "util.h"

/* x rounded to 1/100, trailing zeros dropped: deterministic and cheap. */
static void
put_num(struct strbuf *sb, double x)
{
	char buf[32], *p = buf + sizeof buf;
	long long v;
	int neg, frac;

	if (!isfinite(x))
		x = 0;
	v = llround(x * 100.0);
	neg = v < 0;
	if (neg)
		v = -v;
	*--p = '\0';
	frac = (int)(v % 100);
	v /= 100;
	if (frac != 0) {
		if (frac % 10 != 0)
			*--p = (char)('0' + frac % 10);
		*--p = (char)('0' + frac / 10);
		*--p = '.';
	}
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	if (neg && (frac != 0 || strcmp(p, "0") != 0))
		*--p = '-';
	strbuf_puts(sb, p);
}

/* rgb(r%,g%,b%) as cairo wrote it, so that readers of either output agree. */
static void
put_rgb(struct strbuf *sb, uint32_t c)
{
	strbuf_printf(sb, "rgb(%.4g%%,%.4g%%,%.4g%%)", ((c >> 16) & 0xFF) / 2.55,
	    ((c >> 8) & 0xFF) / 2.55, (c & 0xFF) / 2.55);
}

static void
put_point(struct strbuf *sb, char cmd, double x, double y)
{
	strbuf_putc(sb, cmd);
	strbuf_putc(sb, ' ');
	put_num(sb, x);
	strbuf_putc(sb, ' ');
	put_num(sb, y);
	strbuf_putc(sb, ' ');
}

/* A circle as four cubic Béziers (what cairo's arc gave), a closed sub-path. */
static void
put_circle(struct strbuf *sb, double cx, double cy, double r)
{
	const double k = 0.5522847498 * r;

	put_point(sb, 'M', cx + r, cy);
	put_point(sb, 'C', cx + r, cy + k);
	put_point(sb, ' ', cx + k, cy + r);
	put_point(sb, ' ', cx, cy + r);
	put_point(sb, 'C', cx - k, cy + r);
	put_point(sb, ' ', cx - r, cy + k);
	put_point(sb, ' ', cx - r, cy);
	put_point(sb, 'C', cx - r, cy - k);
	put_point(sb, ' ', cx - k, cy - r);
	put_point(sb, ' ', cx, cy - r);
	put_point(sb, 'C', cx + k, cy - r);
	put_point(sb, ' ', cx + r, cy - k);
	put_point(sb, ' ', cx + r, cy);
	strbuf_puts(sb, "Z ");
}

static void
put_path(struct strbuf *sb, const struct scene *s, const struct scene_op *op)
{
	const struct scene_seg *g = scene_segs(s) + op->first_seg;
	const struct scene_paint *p = &op->paint;
	int stroke = p->stroke != SCENE_NONE && p->width > 0;
	size_t i;

	if (p->fill == SCENE_NONE && !stroke)
		return;
	strbuf_puts(sb, "<path style=\"fill:");
	if (p->fill != SCENE_NONE)
		put_rgb(sb, p->fill);
	else
		strbuf_puts(sb, "none");
	if (stroke) {
		strbuf_puts(sb, ";stroke-width:");
		put_num(sb, p->width);
		strbuf_puts(sb, ";stroke:");
		put_rgb(sb, p->stroke);
		if (p->dash > 0) {
			strbuf_puts(sb, ";stroke-dasharray:");
			put_num(sb, p->dash);
			strbuf_putc(sb, ',');
			put_num(sb, p->dash);
		}
	} else
		strbuf_puts(sb, ";stroke:none");
	strbuf_puts(sb, "\" d=\"");
	for (i = 0; i < op->nseg; i++) {
		switch (g[i].kind) {
		case SCENE_SEG_MOVE: put_point(sb, 'M', g[i].x, g[i].y); break;
		case SCENE_SEG_LINE: put_point(sb, 'L', g[i].x, g[i].y); break;
		case SCENE_SEG_CIRCLE: put_circle(sb, g[i].x, g[i].y, g[i].r); break;
		case SCENE_SEG_CLOSE: strbuf_puts(sb, "Z "); break;
		}
	}
	if (sb->len > 0 && sb->data[sb->len - 1] == ' ')
		sb->len--, sb->data[sb->len] = '\0';
	strbuf_puts(sb, "\"/>\n");
}

static void
put_text(struct strbuf *sb, const struct scene_op *op)
{
	int bold = op->face == FONT_BOLD || op->face == FONT_BOLD_ITALIC ||
	    op->face == FONT_MONO_BOLD;
	int italic = op->face == FONT_ITALIC || op->face == FONT_BOLD_ITALIC;
	int mono = op->face == FONT_MONO || op->face == FONT_MONO_BOLD;

	strbuf_puts(sb, "<text x=\"");
	put_num(sb, op->x);
	strbuf_puts(sb, "\" y=\"");
	put_num(sb, op->y);
	strbuf_puts(sb, mono ? "\" font-family=\"DejaVu Sans Mono,monospace\"" : "\"");
	strbuf_puts(sb, " font-size=\"");
	put_num(sb, op->size);
	strbuf_putc(sb, '"');
	if (bold)
		strbuf_puts(sb, " font-weight=\"bold\"");
	if (italic)
		strbuf_puts(sb, " font-style=\"italic\"");
	if (op->color != 0) {
		strbuf_puts(sb, " fill=\"");
		put_rgb(sb, op->color);
		strbuf_putc(sb, '"');
	}
	if (op->width > 0) {
		strbuf_puts(sb, " textLength=\"");
		put_num(sb, op->width);
		strbuf_puts(sb, "\" lengthAdjust=\"spacingAndGlyphs\"");
	}
	strbuf_putc(sb, '>');
	html_escape(sb, op->text);
	strbuf_puts(sb, "</text>\n");
}

int
scene_write_svg(const struct scene *s, const char *id_prefix, const char *title,
    const char *desc, struct strbuf *out)
{
	struct strbuf pre = {0};
	const char *q = id_prefix != NULL && *id_prefix ? id_prefix : "chart";
	size_t i;

	/* The prefix goes into id attributes: XML name characters only,
	 * starting with a letter. */
	if (!isalpha((unsigned char)*q) && *q != '_')
		strbuf_putc(&pre, 'c');
	for (; *q != '\0'; q++)
		strbuf_putc(&pre, isalnum((unsigned char)*q) || strchr("-_.", *q) ? *q : '_');
	strbuf_puts(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
	put_num(out, scene_width(s));
	strbuf_puts(out, "pt\" height=\"");
	put_num(out, scene_height(s));
	strbuf_puts(out, "pt\" viewBox=\"0 0 ");
	put_num(out, scene_width(s));
	strbuf_putc(out, ' ');
	put_num(out, scene_height(s));
	strbuf_printf(out, "\" role=\"img\" aria-labelledby=\"%s-title\"", pre.data);
	if (desc != NULL)
		strbuf_printf(out, " aria-describedby=\"%s-desc\"", pre.data);
	/* DejaVu Sans is the font the widths were measured with; textLength
	 * keeps any substitute inside the same space. */
	strbuf_puts(out, " font-family=\"DejaVu Sans,Verdana,sans-serif\">\n");
	strbuf_printf(out, "<title id=\"%s-title\">", pre.data);
	html_escape(out, title != NULL ? title : "");
	strbuf_puts(out, "</title>\n");
	if (desc != NULL) {
		strbuf_printf(out, "<desc id=\"%s-desc\">", pre.data);
		html_escape(out, desc);
		strbuf_puts(out, "</desc>\n");
	}
	for (i = 0; i < scene_op_count(s); i++) {
		const struct scene_op *op = scene_op_at(s, i);
		if (op->kind == SCENE_OP_PATH)
			put_path(out, s, op);
		else
			put_text(out, op);
	}
	strbuf_puts(out, "</svg>\n");
	strbuf_free(&pre);
	return 0;
}
