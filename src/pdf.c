/* pdf.c: the libharu device (see pdf_dev.h). Fonts are the DejaVu TrueType
 * files that fontconfig names (font.h), embedded and UTF-8 encoded; widths
 * come from the same files through libharu, so what the layout measured is
 * what the page shows. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <hpdf.h>

#include "pdf_font.h"
#include "pdf_dev.h"
#include "scene.h"
#include "util.h"

#define HEADER_SIZE 8.0
#define MUTED 0x6B7480

struct face {
	const struct pdf_face *file;	/* metrics; NULL when the face is missing */
	HPDF_Font font;			/* loaded when the pages are drawn */
};

struct pdf_dev {
	HPDF_Doc pdf;
	HPDF_STATUS error;		/* first libharu error */
	enum page_size ps;
	struct face faces[LAY_FONT_COUNT];
	struct lay_device measure;
	HPDF_Page *pages;		/* pages drawn so far */
	int npages;
	size_t cappages;
};

static void
on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	struct pdf_dev *d = data;

	(void)detail;
	if (d->error == 0)
		d->error = error;
}

/* The face for f: bold italic and mono bold fall back on their nearest
 * face when missing, everything on regular. */
static int
usable(const struct pdf_dev *d, int f)
{
	if (d->faces[f].file == NULL && f == LAY_BOLD_ITALIC)
		f = LAY_BOLD;
	if (d->faces[f].file == NULL && f == LAY_MONO_BOLD)
		f = LAY_MONO;
	if (d->faces[f].file == NULL)
		f = LAY_REGULAR;
	return f;
}

static double
dev_advance(void *ctx, int f, uint32_t cp)
{
	struct pdf_dev *d = ctx;

	return pdf_face_advance(d->faces[usable(d, f)].file, cp);
}

static bool
dev_has_glyph(void *ctx, int f, uint32_t cp)
{
	struct pdf_dev *d = ctx;

	return cp == ' ' || pdf_face_has(d->faces[usable(d, f)].file, cp);
}

/* Dates from SOURCE_DATE_EPOCH only: without it the file carries none, so
 * the same input always gives the same bytes. */
static void
set_dates(struct pdf_dev *d)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	HPDF_Date dt = {0};
	struct tm tm;
	time_t t;
	char *end;

	if (s == NULL || *s == '\0')
		return;
	errno = 0;
	t = (time_t)strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || gmtime_r(&t, &tm) == NULL)
		return;
	dt.year = tm.tm_year + 1900;
	dt.month = tm.tm_mon + 1;
	dt.day = tm.tm_mday;
	dt.hour = tm.tm_hour;
	dt.minutes = tm.tm_min;
	dt.seconds = tm.tm_sec;
	dt.ind = 'Z';
	HPDF_SetInfoDateAttr(d->pdf, HPDF_INFO_CREATION_DATE, dt);
	HPDF_SetInfoDateAttr(d->pdf, HPDF_INFO_MOD_DATE, dt);
}

void
pdf_dev_info(struct pdf_dev *d, const char *subject, const char *keywords)
{
	HPDF_SetInfoAttr(d->pdf, HPDF_INFO_SUBJECT, subject);
	HPDF_SetInfoAttr(d->pdf, HPDF_INFO_KEYWORDS, keywords);
}

struct pdf_dev *
pdf_dev_new(enum page_size ps, const char *title, const char *author, const char **why)
{
	struct pdf_dev *d = xcalloc(1, sizeof(*d));

	d->ps = ps;
	d->pdf = HPDF_New(on_error, d);
	if (d->pdf == NULL) {
		*why = "cannot start libharu";
		free(d);
		return NULL;
	}
	HPDF_SetCompressionMode(d->pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(d->pdf);
	HPDF_SetCurrentEncoder(d->pdf, "UTF-8");
	for (int f = 0; f < LAY_FONT_COUNT; f++)
		d->faces[f].file = pdf_face_get(f);
	if (d->faces[LAY_REGULAR].file == NULL) {
		*why = "no DejaVu Sans font found (fontconfig); install fonts-dejavu-core";
		pdf_dev_free(d);
		return NULL;
	}
	/* Info strings become UTF-16 while the current encoder is UTF-8. */
	if (title != NULL)
		HPDF_SetInfoAttr(d->pdf, HPDF_INFO_TITLE, title);
	if (author != NULL)
		HPDF_SetInfoAttr(d->pdf, HPDF_INFO_AUTHOR, author);
	HPDF_SetInfoAttr(d->pdf, HPDF_INFO_CREATOR, "slareport " SLAREPORT_VERSION);
	set_dates(d);
	d->measure.ctx = d;
	d->measure.advance = dev_advance;
	d->measure.has_glyph = dev_has_glyph;
	return d;
}

void
pdf_dev_free(struct pdf_dev *d)
{
	if (d == NULL)
		return;
	free(d->pages);
	HPDF_Free(d->pdf);
	free(d);
}

const struct lay_device *
pdf_dev_measure(struct pdf_dev *d)
{
	return &d->measure;
}

void
pdf_dev_geom(const struct pdf_dev *d, struct lay_geom *g)
{
	if (d->ps == PAGE_LETTER) {
		g->width = 612;
		g->height = 792;
	} else {
		g->width = 595.276;
		g->height = 841.89;
	}
	/* 25 mm sides; room above and below for the running header and footer. */
	g->left = g->right = 70.87;
	g->top = 76;
	g->bottom = 72;
}

void *
pdf_dev_image(struct pdf_dev *d, const char *path, double *w, double *h)
{
	size_t n = strlen(path);
	HPDF_Image img = NULL;

	if (n > 4 && strcasecmp(path + n - 4, ".png") == 0)
		img = HPDF_LoadPngImageFromFile(d->pdf, path);
	else if ((n > 4 && strcasecmp(path + n - 4, ".jpg") == 0) ||
	    (n > 5 && strcasecmp(path + n - 5, ".jpeg") == 0))
		img = HPDF_LoadJpegImageFromFile(d->pdf, path);
	if (img == NULL) {
		HPDF_ResetError(d->pdf);
		d->error = 0;
		return NULL;
	}
	*w = HPDF_Image_GetWidth(img) * 72.0 / 150.0;
	*h = HPDF_Image_GetHeight(img) * 72.0 / 150.0;
	return img;
}

static void
rgb_fill(HPDF_Page pg, uint32_t c)
{
	HPDF_Page_SetRGBFill(pg, ((c >> 16) & 0xFF) / 255.0f, ((c >> 8) & 0xFF) / 255.0f,
	    (c & 0xFF) / 255.0f);
}

static void
rgb_stroke(HPDF_Page pg, uint32_t c)
{
	HPDF_Page_SetRGBStroke(pg, ((c >> 16) & 0xFF) / 255.0f, ((c >> 8) & 0xFF) / 255.0f,
	    (c & 0xFF) / 255.0f);
}

static void
text_at(struct pdf_dev *d, HPDF_Page pg, int font, double size, uint32_t color,
    double x, double y, const char *s)
{
	HPDF_Page_BeginText(pg);
	HPDF_Page_SetFontAndSize(pg, d->faces[usable(d, font)].font, (HPDF_REAL)size);
	rgb_fill(pg, color);
	HPDF_Page_TextOut(pg, (HPDF_REAL)x, (HPDF_REAL)y, s);
	HPDF_Page_EndText(pg);
}

/* URIs go into the file as written: percent-encode what is not plain ASCII. */
static char *
uri_encode(const char *s)
{
	struct strbuf sb = {0};

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' ||
		    c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}')
			strbuf_printf(&sb, "%%%02X", c);
		else
			strbuf_putc(&sb, (char)c);
	}
	strbuf_putc(&sb, '\0');
	return strbuf_detach(&sb, NULL);
}

static const struct lay_mark *
find_mark(const struct lay_result *r, const char *name)
{
	for (size_t i = 0; i < r->nmarks; i++)
		if (r->marks[i].name != NULL && strcmp(r->marks[i].name, name) == 0)
			return &r->marks[i];
	return NULL;
}

static HPDF_Destination
destination(struct pdf_dev *d, const struct lay_result *r, const struct lay_mark *m)
{
	HPDF_Page pg = d->pages[m->page];
	HPDF_Destination dst = HPDF_Page_CreateDestination(pg);
	double h = HPDF_Page_GetHeight(pg);

	(void)r;
	HPDF_Destination_SetXYZ(dst, 0, (HPDF_REAL)(h - m->y + 6), 1);
	return dst;
}

static void
draw_link(struct pdf_dev *d, const struct lay_result *r, HPDF_Page pg, double ph,
    const struct lay_op *op)
{
	HPDF_Rect rect = {(HPDF_REAL)op->x, (HPDF_REAL)(ph - op->y - op->h),
	    (HPDF_REAL)(op->x + op->w), (HPDF_REAL)(ph - op->y)};
	HPDF_Annotation a = NULL;

	if (op->text[0] == '#') {
		const struct lay_mark *m = find_mark(r, op->text + 1);
		if (m != NULL)
			a = HPDF_Page_CreateLinkAnnot(pg, rect, destination(d, r, m));
	} else {
		char *uri = uri_encode(op->text);
		a = HPDF_Page_CreateURILinkAnnot(pg, rect, uri);
		free(uri);
	}
	if (a != NULL)
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

static void
draw_op(struct pdf_dev *d, const struct lay_result *r, HPDF_Page pg, double ph,
    const struct lay_op *op)
{
	switch ((enum lay_op_kind)op->kind) {
	case LAY_OP_TEXT:
		text_at(d, pg, op->font, op->size, op->color, op->x, ph - op->y, op->text);
		break;
	case LAY_OP_RECT:
		rgb_fill(pg, op->color);
		HPDF_Page_Rectangle(pg, (HPDF_REAL)op->x, (HPDF_REAL)(ph - op->y - op->h),
		    (HPDF_REAL)op->w, (HPDF_REAL)op->h);
		HPDF_Page_Fill(pg);
		break;
	case LAY_OP_LINE:
		rgb_stroke(pg, op->color);
		HPDF_Page_SetLineWidth(pg, (HPDF_REAL)op->lw);
		HPDF_Page_MoveTo(pg, (HPDF_REAL)op->x, (HPDF_REAL)(ph - op->y));
		HPDF_Page_LineTo(pg, (HPDF_REAL)(op->x + op->w), (HPDF_REAL)(ph - op->y - op->h));
		HPDF_Page_Stroke(pg);
		break;
	case LAY_OP_LINK:
		draw_link(d, r, pg, ph, op);
		break;
	case LAY_OP_BOX:
		if (op->obj_kind == PDF_OBJ_IMAGE)
			HPDF_Page_DrawImage(pg, op->obj, (HPDF_REAL)op->x,
			    (HPDF_REAL)(ph - op->y - op->h), (HPDF_REAL)op->w, (HPDF_REAL)op->h);
		else if (op->obj_kind == PDF_OBJ_SCENE) {
			double sw = scene_width(op->obj);
			HPDF_Page_GSave(pg);
			scene_draw_pdf(op->obj, pg, (float)op->x, (float)(ph - op->y),
			    (float)(sw > 0 ? op->w / sw : 1), d->faces[LAY_REGULAR].font,
			    d->faces[usable(d, LAY_BOLD)].font);
			HPDF_Page_GRestore(pg);
		}
		break;
	}
}

/* "{page}" and "{pages}" replaced; the rest as written. */
static char *
page_text(const char *fmt, int page, int pages)
{
	struct strbuf sb = {0};

	while (*fmt != '\0') {
		if (strncmp(fmt, "{page}", 6) == 0) {
			strbuf_printf(&sb, "%d", page);
			fmt += 6;
		} else if (strncmp(fmt, "{pages}", 7) == 0) {
			strbuf_printf(&sb, "%d", pages);
			fmt += 7;
		} else
			strbuf_putc(&sb, *fmt++);
	}
	strbuf_putc(&sb, '\0');
	return strbuf_detach(&sb, NULL);
}

static void
draw_chrome(struct pdf_dev *d, HPDF_Page pg, const struct lay_geom *g,
    const struct pdf_chrome *ch, int page, int pages)
{
	double ph = g->height, right = g->width - g->right, hy = ph - g->top + 26;
	char *s;

	if (ch->header_left != NULL)
		text_at(d, pg, LAY_REGULAR, HEADER_SIZE, MUTED, g->left, hy, ch->header_left);
	if (ch->section != NULL && ch->section[page - 1] != NULL) {
		const char *t = ch->section[page - 1], *cut;
		double lw = ch->header_left != NULL ? lay_text_width(&d->measure, LAY_REGULAR,
		    HEADER_SIZE, ch->header_left, strlen(ch->header_left)) : 0, w;
		w = lay_text_width(&d->measure, LAY_REGULAR, HEADER_SIZE, t, strlen(t));
		while (lw + w + 24 > right - g->left && (cut = strstr(t, " / ")) != NULL) {
			t = cut + 3;
			w = lay_text_width(&d->measure, LAY_REGULAR, HEADER_SIZE, t, strlen(t));
		}
		text_at(d, pg, LAY_REGULAR, HEADER_SIZE, MUTED, right - w, hy, t);
	} else if (ch->header_right != NULL) {
		double w = lay_text_width(&d->measure, LAY_REGULAR, HEADER_SIZE,
		    ch->header_right, strlen(ch->header_right));
		text_at(d, pg, LAY_REGULAR, HEADER_SIZE, MUTED, right - w, hy, ch->header_right);
	}
	rgb_stroke(pg, 0xC9CED6);
	HPDF_Page_SetLineWidth(pg, 0.5);
	HPDF_Page_MoveTo(pg, (HPDF_REAL)g->left, (HPDF_REAL)(hy - 6));
	HPDF_Page_LineTo(pg, (HPDF_REAL)right, (HPDF_REAL)(hy - 6));
	HPDF_Page_Stroke(pg);
	if (ch->page_fmt != NULL) {
		double w;
		s = page_text(ch->page_fmt, page, pages);
		w = lay_text_width(&d->measure, LAY_REGULAR, HEADER_SIZE, s, strlen(s));
		text_at(d, pg, LAY_REGULAR, HEADER_SIZE, MUTED, right - w, g->bottom - 34, s);
		free(s);
	}
}

static void
outlines(struct pdf_dev *d, const struct lay_result *r)
{
	HPDF_Outline parents[8] = {0};
	HPDF_Encoder enc = HPDF_GetEncoder(d->pdf, "UTF-8");

	for (size_t i = 0; i < r->nmarks; i++) {
		const struct lay_mark *m = &r->marks[i];
		int lv = m->level < 1 ? 1 : m->level > 7 ? 7 : m->level;
		HPDF_Outline o, parent = NULL;

		if (m->title == NULL || m->level < 1)
			continue;
		for (int k = lv - 1; k >= 1 && parent == NULL; k--)
			parent = parents[k];
		o = HPDF_CreateOutline(d->pdf, parent, m->title, enc);
		if (o == NULL)
			continue;
		HPDF_Outline_SetOpened(o, lv < 2);
		HPDF_Outline_SetDestination(o, destination(d, r, m));
		parents[lv] = o;
		for (int k = lv + 1; k < 8; k++)
			parents[k] = NULL;
	}
}

static void
mark_text(bool *used, const char *s)
{
	size_t i = 0, n = s != NULL ? strlen(s) : 0;

	while (i < n)
		used[lay_utf8_next(s, n, &i) & 0xFFFF] = true;
}

/* Characters that charts may draw in regular and bold: their text is not
 * known here, so the printable ranges of Western text and its symbols. */
static const uint32_t scene_ranges[][2] = {
	{0x20, 0x7E}, {0xA0, 0x17F}, {0x2010, 0x2044}, {0x20AC, 0x20AC},
	{0x2190, 0x21FF}, {0x2200, 0x22FF}, {0x25A0, 0x25FF}, {0x2600, 0x26FF},
	{0x2700, 0x27BF},
};

/* Loads each face the pages use, trimmed to the characters they use. */
static int
load_fonts(struct pdf_dev *d, const struct lay_result *r, const struct pdf_chrome *ch)
{
	bool *used = xcalloc((size_t)LAY_FONT_COUNT * 0x10000, sizeof(bool));
	bool any[LAY_FONT_COUNT] = {false};
	bool scenes = false;
	int rc = 0;

	any[LAY_REGULAR] = true;
	mark_text(used, ch != NULL ? ch->header_left : NULL);
	mark_text(used, ch != NULL ? ch->header_right : NULL);
	mark_text(used, ch != NULL ? ch->page_fmt : NULL);
	for (int i = 0; ch != NULL && ch->section != NULL && i < r->npages; i++)
		mark_text(used, ch->section[i]);
	mark_text(used, "0123456789");
	for (int i = 0; i < r->npages; i++)
		for (size_t k = 0; k < r->pages[i].nops; k++) {
			const struct lay_op *op = &r->pages[i].ops[k];
			int f = usable(d, op->font);
			if (op->kind == LAY_OP_BOX && op->obj_kind == PDF_OBJ_SCENE)
				scenes = true;
			if (op->kind != LAY_OP_TEXT)
				continue;
			any[f] = true;
			mark_text(used + (size_t)f * 0x10000, op->text);
		}
	if (scenes) {
		int b = usable(d, LAY_BOLD);
		any[b] = true;
		for (size_t i = 0; i < sizeof scene_ranges / sizeof *scene_ranges; i++)
			for (uint32_t c = scene_ranges[i][0]; c <= scene_ranges[i][1]; c++)
				used[c] = used[(size_t)b * 0x10000 + c] = true;
	}
	for (int f = 0; f < LAY_FONT_COUNT && rc == 0; f++) {
		struct pdf_trimmed t = {NULL, -1, false};
		const char *name;
		bool trimmed;
		if (!any[f] || d->faces[f].file == NULL)
			continue;
		used[(size_t)f * 0x10000 + ' '] = true;
		trimmed = pdf_face_trimmed(d->faces[f].file, used + (size_t)f * 0x10000, &t) == 0;
		name = HPDF_LoadTTFontFromFile(d->pdf, trimmed ? t.path :
		    pdf_face_path(d->faces[f].file), HPDF_TRUE);
		/* libharu keeps its own handle open until the document is freed. */
		if (trimmed)
			pdf_trimmed_done(&t);
		d->faces[f].font = name != NULL ? HPDF_GetFont(d->pdf, name, "UTF-8") : NULL;
		if (d->faces[f].font == NULL)
			rc = -1;
	}
	free(used);
	return rc;
}

int
pdf_dev_draw(struct pdf_dev *d, const struct lay_result *r, const struct pdf_chrome *ch)
{
	struct lay_geom g;

	pdf_dev_geom(d, &g);
	if (load_fonts(d, r, ch) != 0)
		return -1;
	for (int i = 0; i < r->npages; i++) {
		HPDF_Page pg = HPDF_AddPage(d->pdf);
		if (pg == NULL)
			return -1;
		HPDF_Page_SetWidth(pg, (HPDF_REAL)g.width);
		HPDF_Page_SetHeight(pg, (HPDF_REAL)g.height);
		xgrow((void **)&d->pages, &d->cappages, (size_t)d->npages + 1, sizeof(HPDF_Page));
		d->pages[d->npages++] = pg;
	}
	for (int i = 0; i < r->npages; i++) {
		HPDF_Page pg = d->pages[i];
		const struct lay_page *lp = &r->pages[i];
		for (size_t k = 0; k < lp->nops; k++)
			draw_op(d, r, pg, g.height, &lp->ops[k]);
		if (ch != NULL && i >= ch->first)
			draw_chrome(d, pg, &g, ch, i + 1, r->npages);
	}
	outlines(d, r);
	HPDF_AddPageLabel(d->pdf, 0, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, NULL);
	if (r->nmarks > 0)
		HPDF_SetPageMode(d->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	return d->error != 0 ? -1 : 0;
}

int
pdf_dev_save(struct pdf_dev *d, char **out, size_t *len)
{
	HPDF_UINT32 size;

	*out = NULL;
	*len = 0;
	if (d->error != 0 || HPDF_SaveToStream(d->pdf) != HPDF_OK)
		return -1;
	size = HPDF_GetStreamSize(d->pdf);
	*out = xmalloc(size + 1);
	if (HPDF_ReadFromStream(d->pdf, (HPDF_BYTE *)*out, &size) != HPDF_OK &&
	    d->error != HPDF_STREAM_EOF) {
		free(*out);
		*out = NULL;
		return -1;
	}
	*len = size;
	return 0;
}
