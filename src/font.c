/* font.c: fontconfig look-up of the DejaVu faces and cairo/FreeType text
 * measurement with hinting off, so that every back end agrees on widths. */
#include "font.h"

#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>

#include "util.h"

struct face_spec {
	const char *family;
	int weight, slant;
};

static const struct face_spec specs[FONT_FACE_COUNT] = {
	[FONT_REGULAR] = {"DejaVu Sans", FC_WEIGHT_REGULAR, FC_SLANT_ROMAN},
	[FONT_BOLD] = {"DejaVu Sans", FC_WEIGHT_BOLD, FC_SLANT_ROMAN},
	[FONT_ITALIC] = {"DejaVu Sans", FC_WEIGHT_REGULAR, FC_SLANT_OBLIQUE},
	[FONT_BOLD_ITALIC] = {"DejaVu Sans", FC_WEIGHT_BOLD, FC_SLANT_OBLIQUE},
	[FONT_MONO] = {"DejaVu Sans Mono", FC_WEIGHT_REGULAR, FC_SLANT_ROMAN},
	[FONT_MONO_BOLD] = {"DejaVu Sans Mono", FC_WEIGHT_BOLD, FC_SLANT_ROMAN},
};

static char *paths[FONT_FACE_COUNT];
static int looked_up[FONT_FACE_COUNT];
static cairo_font_face_t *faces[FONT_FACE_COUNT];
/* One scaled font per face at 1 pt: with hinting off, advances scale linearly,
 * so measuring at 1 pt and multiplying is exact and saves a cache per size. */
static cairo_scaled_font_t *unit_fonts[FONT_FACE_COUNT];

static int
valid_face(enum font_face f)
{
	return (int)f >= 0 && f < FONT_FACE_COUNT;
}

const char *
font_path(enum font_face face)
{
	if (!valid_face(face))
		return NULL;
	if (looked_up[face])
		return paths[face];
	looked_up[face] = 1;
	FcPattern *pat = FcPatternCreate();
	if (!pat)
		return NULL;
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)specs[face].family);
	FcPatternAddInteger(pat, FC_WEIGHT, specs[face].weight);
	FcPatternAddInteger(pat, FC_SLANT, specs[face].slant);
	/* Outline fonts only: libharu embeds TrueType, not bitmaps. */
	FcPatternAddBool(pat, FC_OUTLINE, FcTrue);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	FcResult res;
	FcPattern *match = FcFontMatch(NULL, pat, &res);
	FcPatternDestroy(pat);
	if (!match)
		return NULL;
	FcChar8 *file = NULL;
	if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file)
		paths[face] = xstrdup((const char *)file);
	FcPatternDestroy(match);
	return paths[face];
}

void *
font_cairo_face(enum font_face face)
{
	if (!valid_face(face))
		return NULL;
	if (faces[face])
		return faces[face];
	const char *path = font_path(face);
	if (!path)
		return NULL;
	/* A pattern naming the file: cairo loads exactly what the PDF embeds. */
	FcPattern *pat = FcPatternCreate();
	if (!pat)
		return NULL;
	FcPatternAddString(pat, FC_FILE, (const FcChar8 *)path);
	FcPatternAddInteger(pat, FC_INDEX, 0);
	cairo_font_face_t *cf = cairo_ft_font_face_create_for_pattern(pat);
	FcPatternDestroy(pat);
	if (cairo_font_face_status(cf) != CAIRO_STATUS_SUCCESS) {
		cairo_font_face_destroy(cf);
		return NULL;
	}
	faces[face] = cf;
	return cf;
}

static cairo_scaled_font_t *
unit_font(enum font_face face)
{
	if (!valid_face(face))
		return NULL;
	if (unit_fonts[face])
		return unit_fonts[face];
	cairo_font_face_t *cf = font_cairo_face(face);
	if (!cf)
		return NULL;
	cairo_matrix_t fm, ctm;
	cairo_matrix_init_scale(&fm, 1.0, 1.0);
	cairo_matrix_init_identity(&ctm);
	cairo_font_options_t *opt = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(opt, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(opt, CAIRO_HINT_STYLE_NONE);
	cairo_scaled_font_t *sf = cairo_scaled_font_create(cf, &fm, &ctm, opt);
	cairo_font_options_destroy(opt);
	if (cairo_scaled_font_status(sf) != CAIRO_STATUS_SUCCESS) {
		cairo_scaled_font_destroy(sf);
		return NULL;
	}
	unit_fonts[face] = sf;
	return sf;
}

double
font_text_width(enum font_face face, double size, const char *utf8)
{
	if (!utf8 || !*utf8)
		return 0;
	cairo_scaled_font_t *sf = unit_font(face);
	if (!sf) {
		/* No font at all: a rough DejaVu-like estimate keeps layout sane. */
		double n = 0;
		for (const char *p = utf8; *p; p++)
			if (((unsigned char)*p & 0xC0) != 0x80)
				n++;
		return n * 0.6 * size;
	}
	cairo_text_extents_t ext;
	cairo_scaled_font_text_extents(sf, utf8, &ext);
	return ext.x_advance * size;
}

void
font_metrics(enum font_face face, double size, double *ascent, double *descent)
{
	double a = 0.76, d = 0.24;	/* DejaVu Sans, should no font load */
	cairo_scaled_font_t *sf = unit_font(face);
	if (sf) {
		cairo_font_extents_t fe;
		cairo_scaled_font_extents(sf, &fe);
		a = fe.ascent;
		d = fe.descent;
	}
	if (ascent)
		*ascent = a * size;
	if (descent)
		*descent = d * size;
}

void
font_release_all(void)
{
	for (int i = 0; i < FONT_FACE_COUNT; i++) {
		if (unit_fonts[i])
			cairo_scaled_font_destroy(unit_fonts[i]);
		if (faces[i])
			cairo_font_face_destroy(faces[i]);
		free(paths[i]);
		unit_fonts[i] = NULL;
		faces[i] = NULL;
		paths[i] = NULL;
		looked_up[i] = 0;
	}
}
