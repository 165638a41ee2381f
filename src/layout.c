/* layout.c: pagination for the PDF output (see layout.h): blocks onto pages,
 * paragraphs split into page chunks under widow and orphan control, headings
 * kept with what follows, lines turned into drawing operations. Lines come
 * from layout_break.c, tables from layout_table.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "util.h"

#define EPS 0.01
/* DejaVu Sans ascent and descent as fractions of the size: used to put the
 * baseline in the middle of a line box. */
#define ASCENT 0.928
#define DESCENT 0.236

/* ---- building ---- */

struct lay_flow *
lay_flow_new(void)
{
	return xcalloc(1, sizeof(struct lay_flow));
}

void
lay_block_clear(struct lay_block *b)
{
	size_t i;

	for (i = 0; i < b->nruns; i++) {
		free(b->runs[i].text);
		free((char *)b->runs[i].st.link);
	}
	free(b->runs);
	free(b->marker.text);
	free((char *)b->marker.st.link);
	free(b->anchor);
	free(b->outline_title);
	if (b->table != NULL)
		lay_table_free(b->table);
}

void
lay_flow_free(struct lay_flow *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++)
		lay_block_clear(&f->blocks[i]);
	free(f->blocks);
	free(f);
}

size_t
lay_flow_len(const struct lay_flow *f)
{
	return f->n;
}

struct lay_block *
lay_at(struct lay_flow *f, size_t i)
{
	return &f->blocks[i];
}

void
lay_block_init(struct lay_block *b, enum lay_kind kind)
{
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->leading = 1.35;
	b->align = LAY_JUSTIFY;
}

struct lay_block *
lay_add(struct lay_flow *f, enum lay_kind kind)
{
	struct lay_block *b;

	xgrow((void **)&f->blocks, &f->cap, f->n + 1, sizeof(*f->blocks));
	b = &f->blocks[f->n++];
	lay_block_init(b, kind);
	return b;
}

void
lay_flow_splice(struct lay_flow *dst, struct lay_flow *src)
{
	xgrow((void **)&dst->blocks, &dst->cap, dst->n + src->n, sizeof(*dst->blocks));
	if (src->n > 0)
		memcpy(dst->blocks + dst->n, src->blocks, src->n * sizeof(*src->blocks));
	dst->n += src->n;
	src->n = 0;
}

void
lay_flow_replace(struct lay_flow *dst, size_t i, struct lay_flow *src)
{
	if (i >= dst->n || src->n == 0)
		return;
	lay_block_clear(&dst->blocks[i]);
	dst->blocks[i] = src->blocks[0];
	memmove(src->blocks, src->blocks + 1, (src->n - 1) * sizeof(*src->blocks));
	src->n--;
}

static bool
same_style(const struct lay_style *a, const struct lay_style *b)
{
	if (a->font != b->font || a->flags != b->flags || a->size != b->size ||
	    a->color != b->color || a->rise != b->rise)
		return false;
	if (a->link == NULL || b->link == NULL)
		return a->link == b->link;
	return strcmp(a->link, b->link) == 0;
}

void
lay_text(struct lay_block *b, const struct lay_style *st, const char *text, size_t len)
{
	struct lay_run *r;

	if (len == 0)
		return;
	if (b->nruns > 0) {
		r = &b->runs[b->nruns - 1];
		if (same_style(&r->st, st) && !(r->len == 1 && r->text[0] == '\n') &&
		    !(len == 1 && text[0] == '\n')) {
			r->text = xrealloc(r->text, r->len + len + 1);
			memcpy(r->text + r->len, text, len);
			r->len += len;
			r->text[r->len] = '\0';
			return;
		}
	}
	xgrow((void **)&b->runs, &b->caprun, b->nruns + 1, sizeof(*b->runs));
	r = &b->runs[b->nruns++];
	r->st = *st;
	r->st.link = st->link != NULL ? xstrdup(st->link) : NULL;
	r->text = xstrndup(text, len);
	r->len = len;
}

void
lay_break(struct lay_block *b)
{
	struct lay_style st = {0};

	if (b->nruns > 0)
		st = b->runs[b->nruns - 1].st;
	st.link = NULL;
	lay_text(b, &st, "\n", 1);
}

void
lay_marker(struct lay_block *b, const struct lay_style *st, const char *text)
{
	free(b->marker.text);
	b->marker.st = *st;
	b->marker.st.link = NULL;
	b->marker.text = xstrdup(text);
	b->marker.len = strlen(text);
}

char *
lay_plain_text(const struct lay_block *b)
{
	struct strbuf sb = {0};
	size_t i;

	for (i = 0; i < b->nruns; i++) {
		const struct lay_run *r = &b->runs[i];
		if (r->len == 1 && r->text[0] == '\n')
			strbuf_putc(&sb, ' ');
		else
			strbuf_append(&sb, r->text, r->len);
	}
	return strbuf_detach(&sb, NULL);
}

/* ---- measuring ---- */

uint32_t
lay_utf8_next(const char *str, size_t n, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t k = *i, len;
	uint32_t c = s[k], min;

	if (c < 0x80) {
		*i = k + 1;
		return c;
	}
	if (c >= 0xC2 && c < 0xE0) {
		len = 2, c &= 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c < 0xF0) {
		len = 3, c &= 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c < 0xF5) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		*i = k + 1;
		return 0xFFFD;
	}
	if (k + len > n) {
		*i = k + 1;
		return 0xFFFD;
	}
	for (size_t j = 1; j < len; j++) {
		if ((s[k + j] & 0xC0) != 0x80) {
			*i = k + 1;
			return 0xFFFD;
		}
		c = (c << 6) | (s[k + j] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c < 0xE000)) {
		*i = k + 1;
		return 0xFFFD;
	}
	*i = k + len;
	return c;
}

double
lay_text_width(const struct lay_device *dev, int font, double size, const char *text,
    size_t len)
{
	double w = 0;
	size_t i = 0;

	while (i < len)
		w += dev->advance(dev->ctx, font, lay_utf8_next(text, len, &i));
	return w * size / 1000.0;
}

void
lay_note_missing(struct lay_result *r, uint32_t cp)
{
	size_t lo = 0, hi = r->nmissing;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (r->missing[mid] == cp)
			return;
		if (r->missing[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	xgrow((void **)&r->missing, &r->capmissing, r->nmissing + 1, sizeof(uint32_t));
	memmove(r->missing + lo + 1, r->missing + lo, (r->nmissing - lo) * sizeof(uint32_t));
	r->missing[lo] = cp;
	r->nmissing++;
}

/* ---- emitting operations ---- */

struct lay_op *
lay_op_add(struct lay_result *r, int page, enum lay_op_kind kind)
{
	struct lay_page *pg = &r->pages[page];
	struct lay_op *op;

	xgrow((void **)&pg->ops, &pg->cap, pg->nops + 1, sizeof(*pg->ops));
	op = &pg->ops[pg->nops++];
	memset(op, 0, sizeof(*op));
	op->kind = (uint8_t)kind;
	return op;
}

void
lay_rect(struct lay_result *r, int page, double x, double y, double w, double h,
    uint32_t color)
{
	struct lay_op *op = lay_op_add(r, page, LAY_OP_RECT);

	op->x = x, op->y = y, op->w = w, op->h = h, op->color = color;
}

void
lay_line(struct lay_result *r, int page, double x, double y, double w, double h,
    double lw, uint32_t color)
{
	struct lay_op *op = lay_op_add(r, page, LAY_OP_LINE);

	op->x = x, op->y = y, op->w = w, op->h = h, op->lw = lw, op->color = color;
}

static void
text_op(struct lay_result *r, int page, const struct lay_style *st, double x,
    double base, const char *s, size_t len, double w, double lineh)
{
	struct lay_op *op = lay_op_add(r, page, LAY_OP_TEXT);

	op->font = st->font;
	op->size = st->size;
	op->color = st->color;
	op->x = x;
	op->y = base - st->rise;
	op->w = w;
	op->text = xstrndup(s, len);
	if (st->flags & LAY_STRIKE)
		lay_line(r, page, x, base - st->size * 0.3, w, 0, st->size * 0.06, st->color);
	if (st->flags & LAY_UNDERLINE)
		lay_line(r, page, x, base + st->size * 0.12, w, 0, st->size * 0.05, st->color);
	if (st->link != NULL) {
		op = lay_op_add(r, page, LAY_OP_LINK);
		op->x = x;
		op->y = base - st->size * ASCENT - (lineh - st->size * (ASCENT + DESCENT)) / 2;
		op->w = w;
		op->h = lineh;
		op->text = xstrdup(st->link);
	}
}

/* Draws line li of p with its left edge at x, top at y, in a measure of
 * width; returns the line's height. */
double
para_emit_line(const struct para *p, size_t li, double x, double y, double width,
    enum lay_align align, struct lay_result *r, int page)
{
	const struct line *l = &p->lines[li];
	double extra = 0, shift = 0, base;
	struct strbuf sb = {0};
	const struct lay_style *cur = NULL;
	double opx = 0, opw = 0;

	base = y + (l->h - l->size * (ASCENT + DESCENT)) / 2 + l->size * ASCENT;
	/* Justified: spaces stretch, or (total fit) shrink, to the measure. */
	if (align == LAY_JUSTIFY && !l->hard && l->nglue > 0)
		extra = (width - l->w) / l->nglue;
	else if (align == LAY_CENTER && l->w < width)
		shift = (width - l->w) / 2;
	else if (align == LAY_RIGHT && l->w < width)
		shift = width - l->w;
	if (li == 0 && p->b->marker.text != NULL) {
		const struct lay_run *m = &p->b->marker;
		double mw = lay_text_width(p->dev, m->st.font, m->st.size, m->text, m->len);
		text_op(r, page, &m->st, x - mw - m->st.size * 0.45, base, m->text,
		    m->len, mw, l->h);
	}
	for (size_t k = 0, g = 0; k < l->n; k++) {
		const struct piece *pc = &p->pieces[l->first + k];
		const struct frag *f = &p->frags[pc->frag];
		const struct lay_style *st = &p->b->runs[f->run].st;
		double px;

		if (pc->glue)
			g++;
		px = x + shift + pc->x + extra * g;
		if (cur == st && extra == 0) {
			if (pc->glue)
				strbuf_putc(&sb, ' ');
			strbuf_append(&sb, f->text + pc->off, pc->len);
			opw = px + pc->w - opx;
			continue;
		}
		if (cur != NULL)
			text_op(r, page, cur, opx, base, sb.data, sb.len, opw, l->h);
		sb.len = 0;
		strbuf_append(&sb, f->text + pc->off, pc->len);
		cur = st;
		opx = px;
		opw = pc->w;
	}
	if (cur != NULL)
		text_op(r, page, cur, opx, base, sb.data, sb.len, opw, l->h);
	strbuf_free(&sb);
	return l->h;
}

/* ---- pages ---- */

int
lay_new_page(struct lay_ctx *c)
{
	struct lay_result *r = c->r;

	xgrow((void **)&r->pages, &r->cappages, (size_t)r->npages + 1,
	    sizeof(*r->pages));
	memset(&r->pages[r->npages], 0, sizeof(*r->pages));
	c->page = r->npages++;
	c->y = c->g->top;
	c->fresh = true;
	return c->page;
}

void
lay_mark_add(struct lay_ctx *c, const char *name, const char *title, int level,
    double y)
{
	struct lay_result *r = c->r;
	struct lay_mark *m;

	xgrow((void **)&r->marks, &r->capmarks, r->nmarks + 1, sizeof(*r->marks));
	m = &r->marks[r->nmarks++];
	m->name = name != NULL ? xstrdup(name) : NULL;
	m->title = title != NULL ? xstrdup(title) : NULL;
	m->level = level;
	m->page = c->page;
	m->y = y;
}

static void
block_marks(struct lay_ctx *c, const struct lay_block *b)
{
	char *title = NULL;

	if (b->anchor == NULL && b->outline == 0)
		return;
	if (b->outline > 0)
		title = b->outline_title != NULL ? xstrdup(b->outline_title) : lay_plain_text(b);
	lay_mark_add(c, b->anchor, title, b->outline, c->y);
	free(title);
}

void
lay_indents(const struct lay_ctx *c, const struct lay_block *b, double *left, double *right)
{
	double cw = c->g->width - c->g->left - c->g->right;

	/* Deep nesting may not push text off the page: at least 40 % of the
	 * measure stays. */
	*left = b->left < 0.5 * cw ? b->left : 0.5 * cw;
	*right = b->right < 0.1 * cw ? b->right : 0.1 * cw;
	if (b->kind == LAY_RULE && b->right > *right)
		*right = b->right < cw - *left ? b->right : cw - *left;
}

static double
bottom(const struct lay_ctx *c)
{
	return c->g->height - c->g->bottom;
}

static void
draw_bars(struct lay_ctx *c, const struct lay_block *b, double y0, double y1)
{
	double left, right;

	lay_indents(c, b, &left, &right);
	for (int i = 0; i < b->nbars && b->bars[i] < left; i++)
		lay_line(c->r, c->page, c->g->left + b->bars[i], y0, 0, y1 - y0, 2.0, 0xC9CED6);
}

/* Lines a paragraph may leave at the foot of a page given k fit: never one
 * alone at either end (orphans, widows) unless the page is empty. */
static size_t
chunk_lines(size_t k, size_t remaining, bool fresh)
{
	size_t n;

	if (k >= remaining)
		return remaining;
	n = remaining >= 2 ? (k < remaining - 2 ? k : remaining - 2) : 0;
	if (n < 2)
		n = 0;
	if (n == 0 && fresh)
		n = k > 0 ? k : 1;
	return n;
}

static void
place_para(struct lay_ctx *c, const struct lay_block *b)
{
	struct para p;
	double pad = b->shaded ? b->pad : 0, left, right, x, width;

	lay_indents(c, b, &left, &right);
	x = c->g->left + left + pad;
	width = c->g->width - c->g->left - c->g->right - left - right - 2 * pad;
	size_t i = 0;
	bool marked = false;

	para_break(&p, b, width, c);
	if (b->keep_together && !c->fresh &&
	    c->y + para_height(&p, 0, p.nlines) + 2 * pad > bottom(c) + EPS)
		lay_new_page(c);
	while (i < p.nlines) {
		size_t k = 0, n;
		double h = 2 * pad, y0;

		while (i + k < p.nlines && c->y + h + p.lines[i + k].h <= bottom(c) + EPS)
			h += p.lines[i + k++].h;
		n = chunk_lines(k, p.nlines - i, c->fresh);
		if (n == 0) {
			lay_new_page(c);
			continue;
		}
		if (!marked) {
			block_marks(c, b);
			marked = true;
		}
		y0 = c->y;
		h = para_height(&p, i, i + n) + 2 * pad;
		if (b->shaded)
			lay_rect(c->r, c->page, x - pad, y0, width + 2 * pad, h, b->shade);
		draw_bars(c, b, y0, y0 + h);
		c->y += pad;
		for (size_t j = i; j < i + n; j++)
			c->y += para_emit_line(&p, j, x, c->y, width, b->align, c->r, c->page);
		c->y += pad;
		c->fresh = false;
		i += n;
		if (i < p.nlines)
			lay_new_page(c);
	}
	para_free(&p);
}

/* Height a block needs at the foot of a page before the one above it may
 * stay there: all of a kept-together block, else its first two lines. */
static double
min_height(struct lay_ctx *c, const struct lay_block *b, bool whole)
{
	struct para p;
	double h, pad = b->shaded ? b->pad : 0, left, right;
	size_t n;

	switch (b->kind) {
	case LAY_PARA:
		lay_indents(c, b, &left, &right);
		para_break(&p, b, c->g->width - c->g->left - c->g->right - left -
		    right - 2 * pad, c);
		n = whole || b->keep_together || p.nlines <= 3 ? p.nlines : 2;
		h = para_height(&p, 0, n) + 2 * pad;
		para_free(&p);
		return h;
	case LAY_TABLE:
		return table_min_height(c, b);
	case LAY_BOX:
		return b->h;
	case LAY_RULE:
	case LAY_SPACE:
		return b->h;
	case LAY_PAGEBREAK:
		break;
	}
	return 0;
}

static void
place_box(struct lay_ctx *c, const struct lay_block *b)
{
	double w = b->w, h = b->h;
	double room = bottom(c) - c->g->top;
	double left, right, avail;
	struct lay_op *op;

	lay_indents(c, b, &left, &right);
	avail = c->g->width - c->g->left - c->g->right - left - right;

	if (w > avail) {	/* scale down what is wider than the measure */
		h *= avail / w;
		w = avail;
	}
	if (h > room) {		/* scale down what a page cannot hold */
		w *= room / h;
		h = room;
	}
	if (c->shrink > 0 && c->shrink < 1) {	/* kept on this page, smaller */
		w *= c->shrink;
		h *= c->shrink;
	}
	c->shrink = 0;
	if (c->y + h > bottom(c) + EPS && !c->fresh)
		lay_new_page(c);
	block_marks(c, b);
	op = lay_op_add(c->r, c->page, LAY_OP_BOX);
	op->x = c->g->left + left;
	op->y = c->y;
	op->w = w;
	op->h = h;
	op->obj = b->obj;
	op->obj_kind = b->obj_kind;
	c->y += h;
	c->fresh = false;
}

/* A box that with what it keeps with needs `need` at the cursor and does not
 * fit: it shrinks to at least LAY_BOX_SHRINK of its size when that is enough
 * to keep it on this page (a page less empty), else a new page. */
static void
box_or_page(struct lay_ctx *c, const struct lay_block *b, double need)
{
	double room = bottom(c) - c->y, s;

	if (b->kind == LAY_BOX && b->h > 0) {
		s = (room - (need - b->h)) / b->h;
		if (s >= LAY_BOX_SHRINK) {
			c->shrink = s;
			return;
		}
	}
	lay_new_page(c);
}

static bool
list_item(const struct lay_flow *f, size_t i)
{
	return i < f->n && f->blocks[i].kind == LAY_PARA && f->blocks[i].marker.text != NULL;
}

/* Whether block i stays on the page of block i + 1: asked for, or a list
 * item that would otherwise be split 1 | n or n | 1 from its list (the first
 * item keeps with the second, the last but one with the last). */
static bool
keeps(const struct lay_flow *f, size_t i)
{
	if (f->blocks[i].keep_with_next)
		return true;
	if (!list_item(f, i) || !list_item(f, i + 1))
		return false;
	return i == 0 || !list_item(f, i - 1) || !list_item(f, i + 2);
}

int
layout_run(const struct lay_flow *f, const struct lay_device *dev,
    const struct lay_geom *g, struct lay_result *r)
{
	struct lay_ctx c = {.dev = dev, .g = g, .r = r};
	double after = 0;
	int first = lay_new_page(&c);

	for (size_t i = 0; i < f->n; i++) {
		const struct lay_block *b = &f->blocks[i];
		double gap = c.fresh ? 0 : (after > b->space_before ? after : b->space_before);

		if (b->kind == LAY_PAGEBREAK) {
			double body = bottom(&c) - g->top;
			if (!c.fresh && (b->w <= 0 || bottom(&c) - c.y < b->w * body)) {
				lay_new_page(&c);
				after = 0;
			} else if (!c.fresh)
				after = gap;
			continue;
		}
		c.y += gap;
		if (b->kind == LAY_SPACE) {
			if (c.y + b->h > bottom(&c))
				lay_new_page(&c);
			else
				c.y += b->h;
			after = 0;
			continue;
		}
		/* Keep a heading (or a chain of them) with what follows. */
		if (keeps(f, i) && !c.fresh && i + 1 < f->n) {
			double need = min_height(&c, b, true);
			size_t j = i + 1;
			while (j < f->n && keeps(f, j - 1) &&
			    f->blocks[j].kind != LAY_PAGEBREAK) {
				const struct lay_block *nb = &f->blocks[j];
				need += nb->space_before + min_height(&c, nb,
				    keeps(f, j) && j + 1 < f->n);
				if (!keeps(f, j))
					break;
				j++;
			}
			if (c.y + need > bottom(&c) + EPS)
				box_or_page(&c, b, need);
		} else if (b->kind == LAY_BOX && !c.fresh && c.y + b->h > bottom(&c) + EPS)
			box_or_page(&c, b, b->h);
		switch (b->kind) {
		case LAY_PARA:
			place_para(&c, b);
			break;
		case LAY_TABLE:
			place_table(&c, b);
			break;
		case LAY_BOX:
			place_box(&c, b);
			break;
		case LAY_RULE: {
			double t = b->h > 0 ? b->h : 0.5, left, right;
			lay_indents(&c, b, &left, &right);
			if (c.y + t > bottom(&c))
				lay_new_page(&c);
			block_marks(&c, b);
			lay_line(r, c.page, g->left + left, c.y + t / 2,
			    g->width - g->left - g->right - left - right, 0, t,
			    b->color);
			c.y += t;
			c.fresh = false;
			break;
		}
		case LAY_SPACE:
		case LAY_PAGEBREAK:
			break;
		}
		after = b->space_after;
	}
	return first;
}

void
lay_result_free(struct lay_result *r)
{
	for (int i = 0; i < r->npages; i++) {
		struct lay_page *pg = &r->pages[i];
		for (size_t k = 0; k < pg->nops; k++)
			free(pg->ops[k].text);
		free(pg->ops);
	}
	free(r->pages);
	for (size_t i = 0; i < r->nmarks; i++) {
		free(r->marks[i].name);
		free(r->marks[i].title);
	}
	free(r->marks);
	free(r->missing);
	memset(r, 0, sizeof(*r));
}

void
lay_result_append(struct lay_result *dst, struct lay_result *src)
{
	int off = dst->npages;

	xgrow((void **)&dst->pages, &dst->cappages, (size_t)(dst->npages + src->npages),
	    sizeof(*dst->pages));
	if (src->npages > 0)
		memcpy(dst->pages + off, src->pages, sizeof(*src->pages) * (size_t)src->npages);
	dst->npages += src->npages;
	src->npages = 0;
	xgrow((void **)&dst->marks, &dst->capmarks, dst->nmarks + src->nmarks,
	    sizeof(*dst->marks));
	for (size_t i = 0; i < src->nmarks; i++) {
		dst->marks[dst->nmarks] = src->marks[i];
		dst->marks[dst->nmarks++].page += off;
	}
	src->nmarks = 0;
	for (size_t i = 0; i < src->nmissing; i++)
		lay_note_missing(dst, src->missing[i]);
	dst->overfull += src->overfull;
	lay_result_free(src);
}
