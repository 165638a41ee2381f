/* layout_table.c: tables for the layout engine — column widths from the
 * content (as browsers size auto tables), wrapped cells, rows that move to the
 * next page whole (or split, when taller than a page) under a repeated header. */
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "util.h"

#define EPS 0.01
#define HPAD (t->hpad)	/* cell padding left and right */
#define VPAD 3.5		/* cell padding above and below */
#define RULE_DARK 0x4A5361
#define RULE_LIGHT 0xD5DAE1
#define HEADER_SHADE 0xEDF0F4

struct lay_block *
lay_table(struct lay_flow *f, int ncols, int header_rows, bool rules)
{
	struct lay_block *b = lay_add(f, LAY_TABLE);

	b->table = xcalloc(1, sizeof(*b->table));
	b->table->ncols = ncols > 0 ? ncols : 1;
	b->table->header_rows = header_rows;
	b->table->rules = rules;
	b->table->hpad = 5.0;
	return b;
}

struct lay_block *
lay_cell(struct lay_block *tb, int row, int col)
{
	struct lay_table *t = tb->table;

	if (row >= t->nrows) {
		xgrow((void **)&t->cells, &t->caprows, (size_t)row + 1,
		    sizeof(*t->cells) * (size_t)t->ncols);
		for (int r = t->nrows; r <= row; r++)
			for (int k = 0; k < t->ncols; k++) {
				struct lay_block *cb = &t->cells[(size_t)r * t->ncols + k];
				lay_block_init(cb, LAY_PARA);
				cb->align = LAY_LEFT;
				cb->leading = 1.25;
			}
		t->nrows = row + 1;
	}
	if (col < 0 || col >= t->ncols)
		col = t->ncols - 1;
	return &t->cells[(size_t)row * t->ncols + col];
}

void
lay_table_fix(struct lay_block *tb, const double *fractions)
{
	struct lay_table *t = tb->table;

	free(t->fixed);
	t->fixed = xmalloc(sizeof(double) * (size_t)t->ncols);
	memcpy(t->fixed, fractions, sizeof(double) * (size_t)t->ncols);
}

int
lay_table_cols(const struct lay_block *tb)
{
	return tb->table->ncols;
}

void
lay_table_pad(struct lay_block *tb, double pad)
{
	tb->table->hpad = pad;
}

void
lay_table_free(struct lay_table *t)
{
	for (size_t i = 0; i < (size_t)t->nrows * t->ncols; i++)
		lay_block_clear(&t->cells[i]);
	free(t->cells);
	free(t->fixed);
	free(t);
}

static bool
is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* Where the decimal point of a right-aligned number cell is: the width of
 * the text from it (or from the end of the number when it has none) to the
 * end of the cell, or -1 when the cell is not a number. A number starts the
 * cell (a sign, "−" or "+" may precede it); its last '.' or ',' between
 * digits is the decimal point unless exactly three digits follow it (then it
 * groups thousands, "1,234" or "1.234": figures carry one decimal). */
double
lay_cell_tail(const struct lay_device *dev, const struct lay_block *cb)
{
	char *text;
	size_t n, i = 0, dec = 0, end;
	double w = 0;
	size_t off = 0;

	if (cb->align != LAY_RIGHT || cb->nruns == 0 || cb->marker.text != NULL)
		return -1;
	text = lay_plain_text(cb);
	n = strlen(text);
	while (i < n && text[i] == ' ')
		i++;
	if (i < n && (text[i] == '+' || text[i] == '-'))
		i++;
	else if (n - i >= 3 && memcmp(text + i, "\xE2\x88\x92", 3) == 0)
		i += 3;
	if (i >= n || !is_digit(text[i])) {
		free(text);
		return -1;
	}
	while (i < n && (is_digit(text[i]) || ((text[i] == '.' || text[i] == ',') &&
	    i + 1 < n && is_digit(text[i + 1]) && i > 0 && is_digit(text[i - 1])))) {
		if (text[i] == '.' || text[i] == ',')
			dec = i;
		i++;
	}
	end = i;
	/* Durations ("3h 49m") and ranges are not aligned: no digit may follow
	 * the number in its own run (a later run, "n = 5", is an annotation). */
	for (size_t j = end; j < cb->runs[0].len && j < n; j++)
		if (is_digit(text[j])) {
			free(text);
			return -1;
		}
	if (dec > 0 && end - dec - 1 == 3)
		dec = 0;
	if (dec == 0)
		dec = end;
	/* The width of text[dec..n) through the runs' own fonts. */
	for (size_t k = 0; k < cb->nruns; k++) {
		const struct lay_run *r = &cb->runs[k];
		size_t a = off, b = off + r->len;
		if (b > dec) {
			size_t from = a > dec ? 0 : dec - a;
			if (!(r->len == 1 && r->text[0] == '\n'))
				w += lay_text_width(dev, r->st.font, r->st.size, r->text + from,
				    r->len - from);
		}
		off = b;
	}
	free(text);
	return w;
}

/* Widths from the caller's fractions, but never narrower than a column's
 * longest word ("Attainment" is not cut into "Attainmen|t"): what a column
 * lacks comes from the others' room above their own longest words. */
static void
fixed_widths(const double *frac, const double *mn, int n, double avail, double *w)
{
	double lack = 0, spare = 0;

	for (int k = 0; k < n; k++) {
		w[k] = frac[k] * avail;
		if (w[k] < mn[k])
			lack += mn[k] - w[k];
		else
			spare += w[k] - mn[k];
	}
	if (lack == 0 || lack > spare)
		return;		/* fits, or cannot: long words get cut */
	for (int k = 0; k < n; k++)
		w[k] = w[k] < mn[k] ? mn[k] : w[k] - (w[k] - mn[k]) * lack / spare;
}

/* A cell's narrowest (longest word) and natural (no wrapping) width, with
 * its padding. */
static void
cell_extent(struct lay_ctx *c, const struct lay_table *t, const struct lay_block *cell,
    double *mn, double *mx)
{
	struct para p;
	double word = 0;

	*mn = *mx = 0;
	para_break(&p, cell, 1e9, c);
	for (size_t i = 0; i < p.nfrags; i++) {
		if (p.frags[i].glue || p.frags[i].hard)
			word = 0;
		word += p.frags[i].w;
		if (word + 2 * HPAD > *mn)
			*mn = word + 2 * HPAD;
	}
	for (size_t i = 0; i < p.nlines; i++)
		if (p.lines[i].w + 2 * HPAD > *mx)
			*mx = p.lines[i].w + 2 * HPAD;
	para_free(&p);
}

/* A cell over several columns (a group header, "Attainment" over figures
 * and words) gets the room they have together; where that is less than its
 * own longest word or natural width, the columns it spans share the lack. */
static void
widen_for_spans(struct lay_ctx *c, const struct lay_table *t, double *mn, double *mx)
{
	int n = t->ncols;

	for (int r = 0; r < t->nrows; r++)
		for (int k = 0; k < n; k++) {
			int span = t->cells[(size_t)r * n + k].colspan, end;
			double cmn, cmx, smn = 0, smx = 0;
			if (span <= 1)
				continue;
			end = k + span < n ? k + span : n;
			cell_extent(c, t, &t->cells[(size_t)r * n + k], &cmn, &cmx);
			for (int j = k; j < end; j++) {
				smn += mn[j];
				smx += mx[j];
			}
			for (int j = k; j < end; j++) {
				if (cmn > smn)
					mn[j] += (cmn - smn) / (end - k);
				if (cmx > smx)
					mx[j] += (cmx - smx) / (end - k);
			}
		}
}

/* Column widths for a table avail points wide: each column's narrowest
 * (longest word) and natural (no wrapping) width, then the room between the
 * sums shared out like an HTML auto table. */
static void
col_widths(struct lay_ctx *c, const struct lay_block *tb, double avail, double *w)
{
	const struct lay_table *t = tb->table;
	int n = t->ncols;
	double *mn = xcalloc((size_t)n, sizeof(double)), *mx = xcalloc((size_t)n, sizeof(double));
	double smin = 0, smax = 0;

	for (int r = 0; r < t->nrows; r++)
		for (int k = 0; k < n; k++) {
			double cmn, cmx;
			/* Spanning cells are fitted once the columns are known. */
			if (t->cells[(size_t)r * n + k].colspan > 1)
				continue;
			cell_extent(c, t, &t->cells[(size_t)r * n + k], &cmn, &cmx);
			if (cmn > mn[k])
				mn[k] = cmn;
			if (cmx > mx[k])
				mx[k] = cmx;
		}
	/* Numbers aligned on the decimal point need the widest integer part
	 * and the widest tail side by side. */
	for (int k = 0; k < n; k++) {
		double head = 0, tail = -1;
		for (int r = t->header_rows; r < t->nrows; r++) {
			const struct lay_block *cb = &t->cells[(size_t)r * n + k];
			double tw = lay_cell_tail(c->dev, cb), all;
			if (tw < 0)
				continue;
			all = 0;
			for (size_t i = 0; i < cb->nruns; i++)
				all += lay_text_width(c->dev, cb->runs[i].st.font,
				    cb->runs[i].st.size, cb->runs[i].text, cb->runs[i].len);
			if (all - tw > head)
				head = all - tw;
			if (tw > tail)
				tail = tw;
		}
		if (tail >= 0 && head + tail + 2 * HPAD > mx[k])
			mx[k] = head + tail + 2 * HPAD;
	}
	widen_for_spans(c, t, mn, mx);
	for (int k = 0; k < n; k++) {
		if (mn[k] < 2 * HPAD + 6)
			mn[k] = 2 * HPAD + 6;
		if (mx[k] < mn[k])
			mx[k] = mn[k];
		smin += mn[k];
		smax += mx[k];
	}
	if (t->fixed != NULL) {
		fixed_widths(t->fixed, mn, n, avail, w);
		goto out;
	}
	if (smax <= avail) {
		/* Natural widths; a table that nearly fills the measure fills it. */
		double grow = smax > 0.6 * avail ? (avail - smax) / smax : 0;
		for (int k = 0; k < n; k++)
			w[k] = mx[k] * (1 + grow);
	} else if (smin <= avail) {
		/* Narrow columns (no wider than an equal share) keep their natural
		 * width, so "95 %" never wraps; the wide ones share the rest from
		 * their minimum up, in proportion to how much more they want. */
		bool *fixed = xcalloc((size_t)n, sizeof(bool));
		double room = avail, fmin = 0, fspread = 0;
		int nflex = n;
		for (bool changed = true; changed && nflex > 0;) {
			changed = false;
			for (int k = 0; k < n; k++)
				if (!fixed[k] && mx[k] <= room / nflex) {
					double rest_min = 0;
					for (int j = 0; j < n; j++)
						if (!fixed[j] && j != k)
							rest_min += mn[j];
					if (room - mx[k] < rest_min)
						continue;
					fixed[k] = true;
					w[k] = mx[k];
					room -= mx[k];
					nflex--;
					changed = true;
				}
		}
		for (int k = 0; k < n; k++)
			if (!fixed[k]) {
				fmin += mn[k];
				fspread += mx[k] - mn[k];
			}
		for (int k = 0; k < n; k++)
			if (!fixed[k])
				w[k] = mn[k] + (fspread > 0 ? (room - fmin) * (mx[k] - mn[k]) / fspread :
				    (room - fmin) / nflex);
		free(fixed);
	} else {
		/* Too many long words: shrink, and words get cut (never cropped). */
		for (int k = 0; k < n; k++)
			w[k] = avail * mn[k] / smin;
	}
out:
	free(mn);
	free(mx);
}

struct tab {
	const struct lay_table *t;
	double *w;			/* column widths */
	double *tail;			/* per cell: lay_cell_tail(), -1 */
	double *maxtail;		/* per column over the body rows */
	struct para *cells;		/* broken lines per cell */
	double *rowh;
	double x, width;
};

/* The width of cell (r, k) with the columns it spans. */
static double
span_width(const struct tab *tb, int r, int k)
{
	const struct lay_table *t = tb->t;
	int span = t->cells[(size_t)r * t->ncols + k].colspan;
	double w = 0;

	for (int j = k; j < t->ncols && j < k + (span > 1 ? span : 1); j++)
		w += tb->w[j];
	return w;
}

static void
tab_init(struct lay_ctx *c, const struct lay_block *b, struct tab *tb, int upto)
{
	const struct lay_table *t = b->table;
	double left, right, avail;
	int n = t->ncols;

	lay_indents(c, b, &left, &right);
	avail = c->g->width - c->g->left - c->g->right - left - right;
	tb->t = t;
	tb->w = xcalloc((size_t)n, sizeof(double));
	col_widths(c, b, avail, tb->w);
	tb->x = c->g->left + left;
	tb->width = 0;
	for (int k = 0; k < n; k++)
		tb->width += tb->w[k];
	tb->cells = xcalloc((size_t)upto * n + 1, sizeof(struct para));
	tb->rowh = xcalloc((size_t)upto + 1, sizeof(double));
	tb->tail = xcalloc((size_t)t->nrows * n + 1, sizeof(double));
	tb->maxtail = xcalloc((size_t)n, sizeof(double));
	for (int k = 0; k < n; k++)
		tb->maxtail[k] = -1;
	for (int r = 0; r < t->nrows; r++)
		for (int k = 0; k < n; k++) {
			double tw = r < t->header_rows ? -1 :
			    lay_cell_tail(c->dev, &t->cells[(size_t)r * n + k]);
			tb->tail[(size_t)r * n + k] = tw;
			if (tw > tb->maxtail[k])
				tb->maxtail[k] = tw;
		}
	for (int r = 0; r < upto; r++) {
		double h = 0;
		for (int k = 0; k < n; k++) {
			struct para *p = &tb->cells[(size_t)r * n + k];
			para_break(p, &t->cells[(size_t)r * n + k], span_width(tb, r, k) - 2 * HPAD, c);
			if (para_height(p, 0, p->nlines) > h)
				h = para_height(p, 0, p->nlines);
		}
		tb->rowh[r] = h + 2 * VPAD;
	}
}

static void
tab_free(struct tab *tb, int upto)
{
	for (size_t i = 0; i < (size_t)upto * tb->t->ncols; i++)
		para_free(&tb->cells[i]);
	free(tb->cells);
	free(tb->rowh);
	free(tb->w);
	free(tb->tail);
	free(tb->maxtail);
}

static double
bottom(const struct lay_ctx *c)
{
	return c->g->height - c->g->bottom;
}

/* Rows the first fragment of a table needs: the header and MIN_ROWS body
 * rows, or every row when the body could not leave MIN_ROWS on each side of
 * a break (or when the table asks to stay whole). */
static int
first_rows(const struct lay_block *b)
{
	const struct lay_table *t = b->table;
	int hdr = t->header_rows < t->nrows ? t->header_rows : t->nrows;

	if (b->keep_together || t->nrows - hdr < 2 * LAY_MIN_ROWS)
		return t->nrows;
	return hdr + LAY_MIN_ROWS;
}

static double
rows_height(const struct tab *tb, int from, int to)
{
	double h = 0;

	for (int r = from; r < to; r++)
		h += tb->rowh[r];
	return h;
}

double
table_min_height(struct lay_ctx *c, const struct lay_block *b)
{
	int upto = first_rows(b);
	struct tab tb;
	double h;

	tab_init(c, b, &tb, b->table->nrows);
	h = rows_height(&tb, 0, upto);
	/* More than a page: the header and the first rows. */
	if (h > bottom(c) - c->g->top) {
		int hdr = b->table->header_rows;
		upto = hdr + LAY_MIN_ROWS < b->table->nrows ? hdr + LAY_MIN_ROWS : b->table->nrows;
		h = rows_height(&tb, 0, upto);
	}
	tab_free(&tb, b->table->nrows);
	return h;
}

/* The row before which the page must end, for a page whose first body row
 * is r at the cursor: the rows that fit whole, less what leaves fewer than
 * MIN_ROWS for the next page. nrows when the rest fits. */
static int
page_stop(const struct lay_ctx *c, const struct tab *tb, int r, double y)
{
	const struct lay_table *t = tb->t;
	int k = r, rest = t->nrows - r;

	while (k < t->nrows && y + tb->rowh[k] <= bottom(c) + EPS)
		y += tb->rowh[k++];
	if (k >= t->nrows)
		return t->nrows;
	if (t->nrows - k < LAY_MIN_ROWS && rest - LAY_MIN_ROWS >= 1)
		k = t->nrows - LAY_MIN_ROWS;
	return k > r ? k : r + 1;	/* a row taller than the page splits */
}

/* Draws the lines [from[k], to[k]) of each cell of row r at the cursor and
 * moves it down by h; the rule below closes the row (header: dark). */
static void
draw_row(struct lay_ctx *c, struct tab *tb, int r, const size_t *from,
    const size_t *to, double h, bool last)
{
	const struct lay_table *t = tb->t;
	double x = tb->x;
	bool header = r < t->header_rows;

	if (header && t->rules)
		lay_rect(c->r, c->page, tb->x, c->y, tb->width, h, HEADER_SHADE);
	for (int k = 0; k < t->ncols; k++) {
		struct para *p = &tb->cells[(size_t)r * t->ncols + k];
		const struct lay_block *cb = &t->cells[(size_t)r * t->ncols + k];
		double y = c->y + VPAD, tail = tb->tail[(size_t)r * t->ncols + k];
		/* A one-line number stops short by what its tail lacks, so that
		 * the decimal points of the column line up. */
		double inset = tail >= 0 && p->nlines == 1 ? tb->maxtail[k] - tail : 0;
		for (size_t i = from[k]; i < to[k]; i++)
			y += para_emit_line(p, i, x + HPAD, y, span_width(tb, r, k) - 2 * HPAD -
			    inset, cb->align, c->r, c->page);
		/* The group's rule, under a header with more header rows below. */
		if (cb->colspan > 1 && t->rules && r + 1 < t->header_rows)
			lay_line(c->r, c->page, x + HPAD, c->y + h - 1, span_width(tb, r, k) -
			    2 * HPAD, 0, 0.4, RULE_DARK);
		x += tb->w[k];
	}
	c->y += h;
	c->fresh = false;
	if (!t->rules)
		return;
	if (header && r == t->header_rows - 1)
		lay_line(c->r, c->page, tb->x, c->y, tb->width, 0, 0.7, RULE_DARK);
	else if (last)
		lay_line(c->r, c->page, tb->x, c->y, tb->width, 0, 0.9, RULE_DARK);
	else
		lay_line(c->r, c->page, tb->x, c->y, tb->width, 0, 0.3, RULE_LIGHT);
}

static void
top_rule(struct lay_ctx *c, const struct tab *tb)
{
	if (tb->t->rules)
		lay_line(c->r, c->page, tb->x, c->y, tb->width, 0, 0.9, RULE_DARK);
}

/* A new page that starts with the header rows again. */
static void
continue_table(struct lay_ctx *c, struct tab *tb)
{
	const struct lay_table *t = tb->t;
	size_t *from = xcalloc((size_t)t->ncols, sizeof(size_t));
	size_t *to = xcalloc((size_t)t->ncols, sizeof(size_t));

	lay_new_page(c);
	top_rule(c, tb);
	for (int r = 0; r < t->header_rows && r < t->nrows; r++) {
		for (int k = 0; k < t->ncols; k++)
			to[k] = tb->cells[(size_t)r * t->ncols + k].nlines;
		draw_row(c, tb, r, from, to, tb->rowh[r], r + 1 == t->nrows);
	}
	free(from);
	free(to);
}

void
place_table(struct lay_ctx *c, const struct lay_block *b)
{
	const struct lay_table *t = b->table;
	int n = t->ncols, hdr = t->header_rows < t->nrows ? t->header_rows : t->nrows;
	size_t *from, *to;
	struct tab tb;
	double need;
	bool only_header;
	int stop;

	if (t->nrows == 0)
		return;
	from = xcalloc((size_t)n, sizeof(size_t));
	to = xcalloc((size_t)n, sizeof(size_t));
	tab_init(c, b, &tb, t->nrows);
	/* The first fragment: the header and at least LAY_MIN_ROWS rows; a table
	 * too short to leave as many on each side of a break moves on whole
	 * when a page can hold it. */
	need = rows_height(&tb, 0, first_rows(b));
	if (need > bottom(c) - c->g->top)
		need = rows_height(&tb, 0, hdr + LAY_MIN_ROWS < t->nrows ?
		    hdr + LAY_MIN_ROWS : t->nrows);
	if (!c->fresh && c->y + need > bottom(c) + EPS)
		lay_new_page(c);
	if (b->anchor != NULL)
		lay_mark_add(c, b->anchor, NULL, 0, c->y);
	only_header = c->fresh;
	top_rule(c, &tb);
	stop = page_stop(c, &tb, hdr, c->y + rows_height(&tb, 0, hdr));
	for (int r = 0; r < t->nrows; r++) {
		bool last = r + 1 == t->nrows;

		/* The page ends here so that the next takes at least LAY_MIN_ROWS. */
		if (r >= hdr && r == stop && r > hdr) {
			continue_table(c, &tb);
			only_header = true;
			stop = page_stop(c, &tb, r, c->y);
		}

		for (int k = 0; k < n; k++)
			from[k] = 0;
		for (;;) {
			double h = 0;
			bool complete = true, started = false;
			/* Each cell takes the lines that fit. */
			for (int k = 0; k < n; k++) {
				struct para *p = &tb.cells[(size_t)r * n + k];
				double ch = 2 * VPAD;
				to[k] = from[k];
				while (to[k] < p->nlines && (r < hdr || c->y + ch +
				    p->lines[to[k]].h <= bottom(c) + EPS))
					ch += p->lines[to[k]++].h;
				/* An empty page must take something, or nothing ends. */
				if (to[k] == from[k] && to[k] < p->nlines && only_header)
					ch += p->lines[to[k]++].h;
				complete &= to[k] == p->nlines;
				started |= from[k] > 0;
				if (ch > h)
					h = ch;
			}
			if (complete) {
				draw_row(c, &tb, r, from, to, h, last);
				break;
			}
			/* A row moves to the next page whole when it can. */
			if (!started && !only_header) {
				continue_table(c, &tb);
				only_header = true;
				stop = page_stop(c, &tb, r, c->y);
				continue;
			}
			draw_row(c, &tb, r, from, to, h, false);
			memcpy(from, to, sizeof(size_t) * (size_t)n);
			continue_table(c, &tb);
			only_header = true;
			stop = page_stop(c, &tb, r + 1, c->y);
		}
		if (r >= hdr)
			only_header = false;
	}
	tab_free(&tb, t->nrows);
	free(from);
	free(to);
}
