/* layout_break.c: paragraphs into lines for the layout engine. Text becomes
 * fragments (text between spaces, measured with the device, unprintable
 * characters substituted and reported); fragments become lines by total fit
 * for justified text, else by greedy fill; a word is cut only when it alone
 * is wider than the measure. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "util.h"

#define EPS 0.01

static void
put_cp(struct strbuf *sb, uint32_t c)
{
	char b[4];

	if (c < 0x80) {
		strbuf_putc(sb, (char)c);
		return;
	}
	if (c < 0x800) {
		b[0] = (char)(0xC0 | (c >> 6));
		b[1] = (char)(0x80 | (c & 0x3F));
		strbuf_append(sb, b, 2);
		return;
	}
	b[0] = (char)(0xE0 | (c >> 12));
	b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
	b[2] = (char)(0x80 | (c & 0x3F));
	strbuf_append(sb, b, 3);
}

/* The printable form of a run's text: code points the face cannot print
 * become U+FFFD (or '?') and are reported in r; tabs become spaces (pre: up
 * to the next multiple of four columns); outside pre, line ends are spaces. */
static char *
normalise(const struct lay_ctx *c, const struct lay_run *run, bool pre, int *col,
    size_t *outlen)
{
	const struct lay_device *dev = c->dev;
	struct strbuf sb = {0};
	size_t i = 0;
	int font = run->st.font;

	while (i < run->len) {
		uint32_t cp = lay_utf8_next(run->text, run->len, &i);
		if (cp == '\t') {
			int n = pre ? 4 - *col % 4 : 1;
			*col += n;
			while (n-- > 0)
				strbuf_putc(&sb, ' ');
			continue;
		}
		if (cp == '\n' || cp == '\r') {
			if (pre) {
				strbuf_putc(&sb, '\n');
				*col = 0;
			} else
				strbuf_putc(&sb, ' ');
			continue;
		}
		(*col)++;
		/* libharu prints the Basic Multilingual Plane only. */
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp > 0xFFFF ||
		    !dev->has_glyph(dev->ctx, font, cp)) {
			if (cp != 0xFFFD || !dev->has_glyph(dev->ctx, font, cp))
				lay_note_missing(c->r, cp);
			cp = dev->has_glyph(dev->ctx, font, 0xFFFD) ? 0xFFFD : '?';
		}
		put_cp(&sb, cp);
	}
	return strbuf_detach(&sb, outlen);
}

/* ---- paragraphs into lines ---- */

static void
add_frag(struct para *p, size_t run, const char *s, size_t len, bool glue, bool hard,
    const struct lay_ctx *c)
{
	const struct lay_style *st = &p->b->runs[run].st;
	struct frag *f;

	xgrow((void **)&p->frags, &p->capfrags, p->nfrags + 1, sizeof(*p->frags));
	f = &p->frags[p->nfrags++];
	f->run = run;
	f->text = s;
	f->len = len;
	f->glue = glue;
	f->hard = hard;
	f->w = lay_text_width(c->dev, st->font, st->size, s, len);
	f->space = glue ? c->dev->advance(c->dev->ctx, st->font, ' ') * st->size / 1000.0 : 0;
}

void
para_free(struct para *p)
{
	size_t i;

	for (i = 0; i < p->b->nruns; i++)
		free(p->norm[i]);
	free(p->norm);
	free(p->frags);
	free(p->pieces);
	free(p->lines);
	memset(p, 0, sizeof(*p));
}

/* Splits the block's runs into fragments. */
static void
tokenise(struct para *p, const struct lay_block *b, const struct lay_ctx *c)
{
	bool glue = false, hard = false, started = false;
	int col = 0;
	size_t i;

	memset(p, 0, sizeof(*p));
	p->b = b;
	p->dev = c->dev;
	p->norm = xcalloc(b->nruns + 1, sizeof(char *));
	for (i = 0; i < b->nruns; i++) {
		const struct lay_run *run = &b->runs[i];
		size_t n, k = 0;
		char *s;

		if (run->len == 1 && run->text[0] == '\n') {
			hard = true;
			glue = false;
			continue;
		}
		s = p->norm[i] = normalise(c, run, b->pre, &col, &n);
		while (k < n) {
			size_t e = k;
			if (b->pre) {
				while (e < n && s[e] != '\n')
					e++;
				if (e > k || hard)
					add_frag(p, i, s + k, e - k, false, hard && started, c);
				started = true;
				hard = false;
				if (e < n) {
					hard = true;
					e++;
				}
				k = e;
				continue;
			}
			if (s[k] == ' ') {
				while (k < n && s[k] == ' ')
					k++;
				glue = started;
				continue;
			}
			while (e < n && s[e] != ' ')
				e++;
			add_frag(p, i, s + k, e - k, glue && !hard, hard && started, c);
			started = true;
			glue = hard = false;
			k = e;
		}
	}
	/* A break at the very end (pre: the text's last newline) adds nothing. */
}

static struct line *
new_line(struct para *p)
{
	struct line *l;

	xgrow((void **)&p->lines, &p->caplines, p->nlines + 1, sizeof(*p->lines));
	l = &p->lines[p->nlines++];
	memset(l, 0, sizeof(*l));
	l->first = p->npieces;
	return l;
}

static void
add_piece(struct para *p, struct line *l, size_t frag, size_t off, size_t len,
    double w, bool glue)
{
	struct piece *pc;
	const struct frag *f = &p->frags[frag];

	xgrow((void **)&p->pieces, &p->cappieces, p->npieces + 1, sizeof(*p->pieces));
	pc = &p->pieces[p->npieces++];
	pc->frag = frag;
	pc->off = off;
	pc->len = len;
	pc->w = w;
	pc->glue = glue && l->n > 0;
	if (pc->glue) {
		l->w += f->space;
		l->nglue++;
	}
	pc->x = l->w;
	l->w += w;
	l->n++;
}

/* Puts fragments [from, to) of one unbreakable word onto lines, cutting it
 * at code points where it is wider than the measure. */
static struct line *
cut_word(struct para *p, struct line *l, size_t from, size_t to, double width,
    const struct lay_ctx *c)
{
	size_t k;

	c->r->overfull++;
	for (k = from; k < to; k++) {
		const struct frag *f = &p->frags[k];
		const struct lay_style *st = &p->b->runs[f->run].st;
		size_t i = 0, start = 0;
		double w = 0;

		while (i < f->len) {
			size_t j = i;
			uint32_t cp = lay_utf8_next(f->text, f->len, &j);
			double cw = c->dev->advance(c->dev->ctx, st->font, cp) * st->size / 1000.0;
			if (l->w + w + cw > width + EPS && (l->n > 0 || i > start)) {
				if (i > start)
					add_piece(p, l, k, start, i - start, w, k == from && start == 0 && f->glue);
				l = new_line(p);
				start = i;
				w = 0;
			}
			w += cw;
			i = j;
		}
		if (i > start)
			add_piece(p, l, k, start, i - start, w, k == from && start == 0 && f->glue);
	}
	return l;
}

/* Total-fit line breaking (Knuth and Plass, without hyphenation or fitness
 * classes): the breaks of each stretch between forced breaks that minimise
 * the sum over its lines of (10 + badness)², where badness = 100·r³ and r
 * is how far the spaces must stretch (by up to half their width per unit)
 * or shrink (by at most a third). The last line is set at its natural
 * width. brk[g] is set for each word group g that starts a line. Returns
 * false when a word is wider than the measure: the greedy fill cuts it. */
static bool
total_fit(const struct para *p, double width, bool *brk)
{
	size_t ng = 0, *gs = xmalloc((p->nfrags + 1) * sizeof(size_t)), *from;
	double *gw = xcalloc(p->nfrags + 1, sizeof(double)), *sp, *best;
	bool ok = true;

	sp = xcalloc(p->nfrags + 1, sizeof(double));
	for (size_t i = 0; i < p->nfrags;) {
		size_t j = i + 1;
		gs[ng] = i;
		gw[ng] = p->frags[i].w;
		sp[ng] = p->frags[i].glue ? p->frags[i].space : 0;
		while (j < p->nfrags && !p->frags[j].glue && !p->frags[j].hard)
			gw[ng] += p->frags[j++].w;
		if (gw[ng] > width + EPS)
			ok = false;
		ng++;
		i = j;
	}
	best = xcalloc(ng + 1, sizeof(double));
	from = xcalloc(ng + 1, sizeof(size_t));
	for (size_t s = 0; ok && s < ng;) {
		size_t e = s + 1;
		while (e < ng && !p->frags[gs[e]].hard)
			e++;
		best[s] = 0;
		for (size_t j = s + 1; j <= e; j++) {
			double len = 0, stretch = 0, shrink = 0;
			best[j] = HUGE_VAL;
			for (size_t i = j; i-- > s;) {
				double r, bad, d;
				len += gw[i];
				if (i + 1 < j) {
					len += sp[i + 1];
					stretch += sp[i + 1] / 2;
					shrink += sp[i + 1] / 3;
				}
				if (len - shrink > width + EPS)
					break;
				if (j == e && len <= width + EPS)
					bad = 0;
				else if (len <= width + EPS) {
					r = stretch > 0 ? (width - len) / stretch : HUGE_VAL;
					bad = r > 10 ? 100000 : 100 * r * r * r;
				} else if (j == e)
					continue;	/* the last line never shrinks */
				else {
					r = (len - width) / shrink;
					bad = 100 * r * r * r;
				}
				d = (10 + bad) * (10 + bad);
				if (best[i] + d < best[j]) {
					best[j] = best[i] + d;
					from[j] = i;
				}
			}
			if (best[j] == HUGE_VAL)
				ok = false;	/* cannot happen: one word always fits */
		}
		for (size_t k = e; ok && k > s; k = from[k])
			brk[gs[from[k]]] = true;
		s = e;
	}
	free(gs);
	free(gw);
	free(sp);
	free(best);
	free(from);
	return ok;
}

/* Lines: total fit for justified text, else (and when a word must be cut)
 * the greedy fill, each line taking as many words as fit. */
void
para_break(struct para *p, const struct lay_block *b, double width, const struct lay_ctx *c)
{
	struct line *l;
	size_t i = 0;
	bool *brk = NULL;

	tokenise(p, b, c);
	if (b->align == LAY_JUSTIFY && !b->pre && p->nfrags > 0) {
		brk = xcalloc(p->nfrags, sizeof(bool));
		if (!total_fit(p, width, brk)) {
			free(brk);
			brk = NULL;
		}
	}
	l = new_line(p);
	while (i < p->nfrags) {
		size_t j = i + 1;
		double gw = p->frags[i].w;

		while (j < p->nfrags && !p->frags[j].glue && !p->frags[j].hard)
			gw += p->frags[j++].w;
		if (p->frags[i].hard) {
			l->hard = true;
			l = new_line(p);
		}
		if (l->n > 0 && (brk != NULL ? brk[i] :
		    l->w + p->frags[i].space + gw > width + EPS))
			l = new_line(p);
		if (gw > width + EPS)
			l = cut_word(p, l, i, j, width, c);
		else
			for (size_t k = i; k < j; k++)
				add_piece(p, l, k, 0, p->frags[k].len, p->frags[k].w,
				    k == i && p->frags[k].glue);
		i = j;
	}
	free(brk);
	/* Line heights: the largest size on the line, or the block's base. */
	for (i = 0; i < p->nlines; i++) {
		double s = 0;
		l = &p->lines[i];
		for (size_t k = 0; k < l->n; k++) {
			const struct frag *f = &p->frags[p->pieces[l->first + k].frag];
			double fs = b->runs[f->run].st.size;
			if (fs > s)
				s = fs;
		}
		if (s == 0)
			s = b->nruns > 0 ? b->runs[0].st.size : b->marker.st.size;
		if (s == 0)
			s = 10;
		l->size = s;
		l->h = s * b->leading;
	}
	p->lines[p->nlines - 1].hard = true;
}

double
para_height(const struct para *p, size_t from, size_t to)
{
	double h = 0;

	for (size_t i = from; i < to; i++)
		h += p->lines[i].h;
	return h;
}

