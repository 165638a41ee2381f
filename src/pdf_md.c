/* pdf_md.c: walks a cmark-gfm tree (every core and GFM node kind) and appends
 * layout blocks; the inline walk carries the style down, as cmark's own
 * renderers carry their state. Raw HTML is left out. */
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "pdf_dev.h"
#include "pdf_md.h"
#include "util.h"

#define INDENT 17.0		/* list and quote indent */

struct md {
	struct lay_flow *f;
	const struct pdf_md_opts *o;
	double left;
	int nbars;
	double bars[LAY_MAXBARS];
	double size;			/* body size here (footnotes are smaller) */
	bool tight;			/* inside a tight list */
	char *marker;			/* list marker the next block takes */
	struct lay_style marker_st;
	char **anchors;			/* used anchor names */
	size_t nanchors, capanchors;
	struct lay_block *para;		/* paragraph being filled */
	char **notes;			/* footnote labels in order of first reference */
	size_t nnotes, capnotes;
	int ndefs;			/* footnote definitions so far */
	struct pending_image {
		void *img;
		double w, h;
		char *alt;
	} *images;			/* images met in the current paragraph */
	size_t nimages, capimages;
};

struct lay_style
pdf_style(int font, double size, uint32_t color)
{
	struct lay_style st = {0};

	st.font = (uint8_t)font;
	st.size = (float)size;
	st.color = color;
	return st;
}

static const struct {
	double size, before, after;
	int font;
	uint32_t color;
} heads[] = {
	{18.0, 22, 8, LAY_BOLD, PDF_ACCENT},
	{14.0, 18, 6, LAY_BOLD, PDF_ACCENT},
	{11.5, 14, 4, LAY_BOLD, PDF_INK},
	{10.0, 12, 3, LAY_BOLD, PDF_INK},
	{PDF_BODY, 10, 2, LAY_BOLD_ITALIC, PDF_INK},
	{PDF_BODY, 10, 2, LAY_ITALIC, PDF_MUTED},
};

static struct lay_block *
heading_block(struct lay_flow *f, int level, const char *anchor, bool outline)
{
	struct lay_block *b = lay_add(f, LAY_PARA);
	int i = level < 1 ? 0 : level > 6 ? 5 : level - 1;

	b->align = LAY_LEFT;
	b->leading = 1.2;
	b->space_before = heads[i].before;
	b->space_after = heads[i].after;
	b->keep_with_next = true;
	b->outline = outline ? level : 0;
	b->anchor = anchor != NULL ? xstrdup(anchor) : NULL;
	return b;
}

struct lay_block *
pdf_heading(struct lay_flow *f, int level, const char *text, const char *anchor,
    bool outline)
{
	struct lay_block *b = heading_block(f, level, anchor, outline);
	int i = level < 1 ? 0 : level > 6 ? 5 : level - 1;
	struct lay_style st = pdf_style(heads[i].font, heads[i].size, heads[i].color);

	lay_text(b, &st, text, strlen(text));
	return b;
}

struct lay_block *
pdf_para(struct lay_flow *f, const struct lay_style *st, const char *text)
{
	struct lay_block *b = lay_add(f, LAY_PARA);

	b->space_after = 6;
	b->align = LAY_LEFT;
	lay_text(b, st, text, strlen(text));
	return b;
}

/* GitHub-like: lower case, spaces to '-', punctuation dropped; "-1"… on repeats. */
static char *
slug(struct md *m, const char *text)
{
	struct strbuf sb = {0};
	char *s, *base;

	strbuf_puts(&sb, m->o->anchor_prefix != NULL ? m->o->anchor_prefix : "");
	for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
		if (*p >= 'A' && *p <= 'Z')
			strbuf_putc(&sb, (char)(*p + 32));
		else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p >= 0x80)
			strbuf_putc(&sb, (char)*p);
		else if (*p == ' ')
			strbuf_putc(&sb, '-');
	}
	strbuf_putc(&sb, '\0');
	base = strbuf_detach(&sb, NULL);
	s = xstrdup(base);
	for (int n = 1;; n++) {
		size_t i;
		for (i = 0; i < m->nanchors; i++)
			if (strcmp(m->anchors[i], s) == 0)
				break;
		if (i == m->nanchors)
			break;
		free(s);
		s = xasprintf("%s-%d", base, n);
	}
	free(base);
	xgrow((void **)&m->anchors, &m->capanchors, m->nanchors + 1, sizeof(char *));
	m->anchors[m->nanchors++] = xstrdup(s);
	return s;
}

/* Text of a subtree (for headings' anchors and images' alt text). */
static void
plain(cmark_node *n, struct strbuf *sb)
{
	for (cmark_node *c = cmark_node_first_child(n); c != NULL; c = cmark_node_next(c)) {
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			strbuf_puts(sb, cmark_node_get_literal(c));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			strbuf_putc(sb, ' ');
			break;
		default:
			plain(c, sb);
		}
	}
}

static const char *
prefix(const struct md *m)
{
	return m->o->anchor_prefix != NULL ? m->o->anchor_prefix : "";
}

/* The number of the footnote labelled label, 1…, given on first sight. */
static int
footnote_number(struct md *m, const char *label)
{
	size_t i;

	if (label == NULL)
		label = "";
	for (i = 0; i < m->nnotes; i++)
		if (strcmp(m->notes[i], label) == 0)
			return (int)i + 1;
	xgrow((void **)&m->notes, &m->capnotes, m->nnotes + 1, sizeof(char *));
	m->notes[m->nnotes++] = xstrdup(label);
	return (int)m->nnotes;
}

static struct lay_block *
new_para(struct md *m, enum lay_align align)
{
	struct lay_block *b = lay_add(m->f, LAY_PARA);

	b->left = m->left;
	b->align = align;
	b->nbars = m->nbars;
	memcpy(b->bars, m->bars, sizeof(b->bars));
	b->space_after = m->tight ? 2 : 6;
	if (m->marker != NULL) {
		lay_marker(b, &m->marker_st, m->marker);
		free(m->marker);
		m->marker = NULL;
	}
	return b;
}

static bool
is_ext(cmark_node *n, const char *name)
{
	const char *t = cmark_node_get_type_string(n);

	return t != NULL && strcmp(t, name) == 0;
}

/* A paragraph that ends in a colon right before a list or a table
 * introduces it ("Sales will:", "These holidays:"): it stays on the page
 * where the list or table begins. Only a short one (about three lines): a
 * long paragraph kept whole with what follows would leave a page half empty. */
#define LEAD_IN_MAX 300

static bool
introduces_next(cmark_node *para)
{
	cmark_node *next = cmark_node_next(para), *last = cmark_node_last_child(para);
	struct strbuf sb = {0};
	size_t len;
	bool colon;

	if (next == NULL || last == NULL || cmark_node_get_type(last) != CMARK_NODE_TEXT)
		return false;
	if (cmark_node_get_type(next) != CMARK_NODE_LIST && !is_ext(next, "table"))
		return false;
	plain(para, &sb);
	len = sb.len;
	while (len > 0 && sb.data[len - 1] == ' ')
		len--;
	colon = len > 0 && len <= LEAD_IN_MAX && sb.data[len - 1] == ':';
	strbuf_free(&sb);
	return colon;
}

static int
add_face(int font, int want)
{
	bool bold = font == LAY_BOLD || font == LAY_BOLD_ITALIC || want == LAY_BOLD;
	bool ital = font == LAY_ITALIC || font == LAY_BOLD_ITALIC || want == LAY_ITALIC;

	if (font == LAY_MONO || font == LAY_MONO_BOLD)
		return bold ? LAY_MONO_BOLD : LAY_MONO;
	return bold && ital ? LAY_BOLD_ITALIC : bold ? LAY_BOLD : ital ? LAY_ITALIC : LAY_REGULAR;
}

/* Only relative paths inside the agreement's folder tree, never a URL. */
static char *
image_path(struct md *m, const char *url)
{
	if (m->o->base_dir == NULL || url == NULL || url[0] == '\0' || url[0] == '/' ||
	    strstr(url, "..") != NULL || strchr(url, ':') != NULL)
		return NULL;
	return xasprintf("%s/%s", m->o->base_dir, url);
}

/* The images of the paragraph just ended, each as a figure with its
 * description as the caption. */
static void
images(struct md *m)
{
	struct lay_style st = pdf_style(LAY_ITALIC, PDF_SMALL, PDF_MUTED);

	for (size_t i = 0; i < m->nimages; i++) {
		struct pending_image *pi = &m->images[i];
		struct lay_block *b = lay_add(m->f, LAY_BOX);

		b->left = m->left;
		b->w = pi->w;
		b->h = pi->h;
		b->obj = pi->img;
		b->obj_kind = PDF_OBJ_IMAGE;
		b->space_before = 4;
		b->keep_with_next = pi->alt != NULL;
		if (pi->alt != NULL) {
			b = new_para(m, LAY_LEFT);
			lay_text(b, &st, pi->alt, strlen(pi->alt));
		}
		free(pi->alt);
	}
	m->nimages = 0;
}

static void inlines(struct md *m, cmark_node *parent, struct lay_style st);

/* An image that can be shown goes below its paragraph; one that cannot
 * (a URL, a missing or foreign file) leaves its description in the line. */
static void
inline_image(struct md *m, cmark_node *n, struct lay_style st)
{
	char *path = image_path(m, cmark_node_get_url(n));
	double w = 0, h = 0;
	void *img = path != NULL && m->o->dev != NULL ?
	    pdf_dev_image(m->o->dev, path, &w, &h) : NULL;
	struct lay_style s = st;

	free(path);
	if (img != NULL) {
		struct strbuf alt = {0};
		plain(n, &alt);
		xgrow((void **)&m->images, &m->capimages, m->nimages + 1, sizeof(*m->images));
		m->images[m->nimages].img = img;
		m->images[m->nimages].w = w;
		m->images[m->nimages].h = h;
		m->images[m->nimages++].alt = alt.len > 0 ? strbuf_detach(&alt, NULL) : NULL;
		strbuf_free(&alt);
		return;
	}
	if (m->o->diag != NULL)
		diag_add(m->o->diag, DIAG_WARNING, m->o->file,
		    m->o->line_offset + cmark_node_get_start_line(n), 0,
		    "image \"%s\" is not a PNG or JPEG file beside the agreement; "
		    "its description is printed instead", cmark_node_get_url(n));
	s.font = (uint8_t)add_face(st.font, LAY_ITALIC);
	s.color = PDF_MUTED;
	lay_text(m->para, &s, "[", 1);
	inlines(m, n, s);
	lay_text(m->para, &s, "]", 1);
}

static void
inlines(struct md *m, cmark_node *parent, struct lay_style st)
{


	struct lay_block *b = m->para;

	for (cmark_node *n = cmark_node_first_child(parent); n != NULL; n = cmark_node_next(n)) {
		struct lay_style s = st;
		const char *lit;

		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
			lit = cmark_node_get_literal(n);
			lay_text(b, &st, lit, strlen(lit));
			break;
		case CMARK_NODE_SOFTBREAK:
			lay_text(b, &st, " ", 1);
			break;
		case CMARK_NODE_LINEBREAK:
			lay_break(b);
			break;
		case CMARK_NODE_CODE:
			s.font = (uint8_t)(st.font == LAY_BOLD || st.font == LAY_BOLD_ITALIC ?
			    LAY_MONO_BOLD : LAY_MONO);
			s.size = st.size * 0.92f;
			lit = cmark_node_get_literal(n);
			lay_text(b, &s, lit, strlen(lit));
			break;
		case CMARK_NODE_EMPH:
			s.font = (uint8_t)add_face(st.font, LAY_ITALIC);
			inlines(m, n, s);
			break;
		case CMARK_NODE_STRONG:
			s.font = (uint8_t)add_face(st.font, LAY_BOLD);
			inlines(m, n, s);
			break;
		case CMARK_NODE_LINK: {
			const char *url = cmark_node_get_url(n);
			char *target = NULL;
			if (url != NULL && url[0] == '#')
				target = xasprintf("#%s%s", m->o->anchor_prefix != NULL ?
				    m->o->anchor_prefix : "", url + 1);
			else if (url != NULL && url[0] != '\0')
				target = xstrdup(url);
			s.link = target;
			if (target != NULL)
				s.color = PDF_LINK;
			inlines(m, n, s);
			free(target);
			break;
		}
		case CMARK_NODE_IMAGE:
			inline_image(m, n, st);
			break;
		case CMARK_NODE_HTML_INLINE:
			break;		/* left out: raw HTML has no place in print */
		case CMARK_NODE_FOOTNOTE_REFERENCE: {
			/* Numbered in the order of first reference, as cmark-gfm
			 * numbers (and orders) the definitions. */
			int k = footnote_number(m, cmark_node_get_literal(n));
			char *t = xasprintf("%d", k);
			char *target = xasprintf("#%sfn-%d", prefix(m), k);
			s.size = st.size * 0.7f;
			s.rise = st.size * 0.35f;
			s.color = PDF_LINK;
			s.link = target;
			lay_text(b, &s, t, strlen(t));
			if (b->anchor == NULL)
				b->anchor = xasprintf("%sfnref-%d", prefix(m), k);
			free(t);
			free(target);
			break;
		}
		default:
			if (is_ext(n, "strikethrough"))
				s.flags |= LAY_STRIKE;
			inlines(m, n, s);
			break;
		}
	}
}

static void blocks(struct md *m, cmark_node *parent);

static void
table(struct md *m, cmark_node *n)
{
	int ncols = cmark_gfm_extensions_get_table_columns(n), row = 0, hdr = 0;
	uint8_t *al = cmark_gfm_extensions_get_table_alignments(n);
	struct lay_block *tb;

	for (cmark_node *r = cmark_node_first_child(n); r != NULL; r = cmark_node_next(r))
		if (is_ext(r, "table_header"))
			hdr++;
	tb = lay_table(m->f, ncols, hdr, true);
	tb->left = m->left;
	tb->space_before = 4;
	tb->space_after = 10;
	tb->nbars = m->nbars;
	for (cmark_node *r = cmark_node_first_child(n); r != NULL; r = cmark_node_next(r), row++) {
		int col = 0;
		bool header = is_ext(r, "table_header");
		for (cmark_node *c = cmark_node_first_child(r); c != NULL && col < ncols;
		    c = cmark_node_next(c), col++) {
			struct lay_block *cb = lay_cell(tb, row, col);
			struct lay_style st = pdf_style(header ? LAY_BOLD : LAY_REGULAR,
			    PDF_BODY * 0.9, PDF_INK);
			cb->align = al == NULL ? LAY_LEFT : al[col] == 'c' ? LAY_CENTER :
			    al[col] == 'r' ? LAY_RIGHT : LAY_LEFT;
			m->para = cb;
			inlines(m, c, st);
		}
		/* A short row still has all its cells (empty). */
		if (col < ncols)
			(void)lay_cell(tb, row, ncols - 1);
	}
	m->para = NULL;
	images(m);
}

static void
list(struct md *m, cmark_node *n)
{
	bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	int num = cmark_node_get_list_start(n);
	bool paren = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM;
	bool tight = m->tight;
	static const char *const bullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x97\xA6"};
	int depth = 0;

	for (cmark_node *p = cmark_node_parent(n); p != NULL; p = cmark_node_parent(p))
		depth += cmark_node_get_type(p) == CMARK_NODE_LIST;
	m->tight = cmark_node_get_list_tight(n);
	m->left += INDENT;
	for (cmark_node *it = cmark_node_first_child(n); it != NULL; it = cmark_node_next(it), num++) {
		free(m->marker);
		m->marker_st = pdf_style(LAY_REGULAR, m->size, PDF_INK);
		if (is_ext(it, "tasklist")) {
			bool done = cmark_gfm_extensions_get_tasklist_item_checked(it);
			m->marker = xstrdup(done ? "\xE2\x98\x91" : "\xE2\x98\x90");
			m->marker_st.size = (float)(m->size * 1.1);
		} else if (ordered)
			m->marker = xasprintf("%d%c", num, paren ? ')' : '.');
		else
			m->marker = xstrdup(bullets[depth % 3]);
		blocks(m, it);
		if (m->marker != NULL) {	/* an empty item */
			struct lay_block *b = new_para(m, LAY_LEFT);
			(void)b;
		}
	}
	m->left -= INDENT;
	m->tight = tight;
	/* After the last item, the spacing of paragraphs again. */
	if (lay_flow_len(m->f) > 0) {
		struct lay_block *last = lay_at(m->f, lay_flow_len(m->f) - 1);
		if (last->space_after < 6)
			last->space_after = 6;
	}
}

static void
code_block(struct md *m, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	size_t len = strlen(lit);
	struct lay_style st = pdf_style(LAY_MONO, m->size * 0.87, PDF_INK);
	struct lay_block *b = new_para(m, LAY_LEFT);

	if (len > 0 && lit[len - 1] == '\n')
		len--;
	b->pre = true;
	b->shaded = true;
	b->shade = 0xF2F4F7;
	b->pad = 6;
	b->leading = 1.3;
	b->space_before = 2;
	b->space_after = m->tight ? 4 : 8;
	lay_text(b, &st, lit, len);
}

static void
heading(struct md *m, cmark_node *n)
{
	int level = cmark_node_get_heading_level(n) + m->o->heading_shift;
	int i = level < 1 ? 0 : level > 6 ? 5 : level - 1;
	struct strbuf sb = {0};
	char *anchor;
	struct lay_block *b;

	plain(n, &sb);
	anchor = slug(m, sb.data != NULL ? sb.data : "");
	b = heading_block(m->f, level, anchor, level <= m->o->outline_max);
	b->left = m->left;
	b->nbars = m->nbars;
	memcpy(b->bars, m->bars, sizeof(b->bars));
	if (m->marker != NULL) {
		lay_marker(b, &m->marker_st, m->marker);
		free(m->marker);
		m->marker = NULL;
	}
	m->para = b;
	inlines(m, n, pdf_style(heads[i].font, heads[i].size, heads[i].color));
	m->para = NULL;
	free(anchor);
	strbuf_free(&sb);
	images(m);
}

static void
blocks(struct md *m, cmark_node *parent)
{
	for (cmark_node *n = cmark_node_first_child(parent); n != NULL; n = cmark_node_next(n)) {
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			m->para = new_para(m, LAY_JUSTIFY);
			m->para->keep_with_next = introduces_next(n);
			inlines(m, n, pdf_style(LAY_REGULAR, m->size, PDF_INK));
			m->para = NULL;
			images(m);
			break;
		case CMARK_NODE_HEADING:
			heading(m, n);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			if (m->nbars < LAY_MAXBARS)
				m->bars[m->nbars++] = m->left + 3;
			m->left += INDENT;
			blocks(m, n);
			m->left -= INDENT;
			if (m->nbars > 0 && m->bars[m->nbars - 1] == m->left + 3)
				m->nbars--;
			break;
		case CMARK_NODE_LIST:
			list(m, n);
			break;
		case CMARK_NODE_ITEM:
			blocks(m, n);
			break;
		case CMARK_NODE_CODE_BLOCK:
			code_block(m, n);
			break;
		case CMARK_NODE_THEMATIC_BREAK: {
			struct lay_block *b = lay_add(m->f, LAY_RULE);
			b->left = m->left;
			b->h = 0.6;
			b->color = PDF_RULE;
			b->space_before = b->space_after = 10;
			break;
		}
		case CMARK_NODE_HTML_BLOCK:
			break;		/* left out safely */
		case CMARK_NODE_FOOTNOTE_DEFINITION: {
			struct md sub;
			int k = ++m->ndefs;
			if (k == 1) {	/* a short rule sets the notes apart */
				struct lay_block *rule = lay_add(m->f, LAY_RULE);
				rule->left = m->left;
				rule->right = 300;
				rule->h = 0.5;
				rule->color = PDF_RULE;
				rule->space_before = 14;
				rule->space_after = 6;
			}
			sub = *m;
			char *anchor = xasprintf("%sfn-%d", prefix(m), k);
			size_t at = lay_flow_len(m->f);
			sub.size = PDF_SMALL;
			sub.marker = xasprintf("%d.", k);
			sub.marker_st = pdf_style(LAY_REGULAR, PDF_SMALL, PDF_MUTED);
			sub.left = m->left + INDENT;
			blocks(&sub, n);
			free(sub.marker);
			m->anchors = sub.anchors;
			m->nanchors = sub.nanchors;
			m->capanchors = sub.capanchors;
			m->images = sub.images;
			m->capimages = sub.capimages;
			m->notes = sub.notes;
			m->nnotes = sub.nnotes;
			m->capnotes = sub.capnotes;
			/* The definition's first block carries its anchor, its last
			 * the way back to the reference (as the HTML's ↩). */
			if (lay_flow_len(m->f) > at) {
				struct lay_block *fb = lay_at(m->f, at);
				if (fb->anchor == NULL) {
					fb->anchor = anchor;
					anchor = NULL;
				}
				fb = lay_at(m->f, lay_flow_len(m->f) - 1);
				if (fb->kind == LAY_PARA) {
					struct lay_style bs = pdf_style(LAY_REGULAR, PDF_SMALL, PDF_LINK);
					char *back = xasprintf("#%sfnref-%d", prefix(m), k);
					bs.link = back;
					lay_text(fb, &bs, " \xE2\x86\xA9", 4);
					free(back);
				}
			}
			free(anchor);
			break;
		}
		default:
			if (is_ext(n, "table"))
				table(m, n);
			else
				blocks(m, n);
			break;
		}
	}
}

void
pdf_md_render(struct lay_flow *f, struct cmark_node *doc, const struct pdf_md_opts *o)
{
	struct md m = {0};

	m.f = f;
	m.o = o;
	m.size = PDF_BODY;
	blocks(&m, doc);
	free(m.marker);
	for (size_t i = 0; i < m.nanchors; i++)
		free(m.anchors[i]);
	free(m.anchors);
	free(m.images);
	for (size_t i = 0; i < m.nnotes; i++)
		free(m.notes[i]);
	free(m.notes);
}
