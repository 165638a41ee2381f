/* font.h: the chart and PDF typefaces (DejaVu Sans family), found through
 * fontconfig, and text measurement shared by every back end so that SVG, PNG
 * and PDF lay text out to the same widths. */
#ifndef SLAREPORT_FONT_H
#define SLAREPORT_FONT_H

enum font_face {
	FONT_REGULAR,
	FONT_BOLD,
	FONT_ITALIC,
	FONT_BOLD_ITALIC,
	FONT_MONO,
	FONT_MONO_BOLD,
	FONT_FACE_COUNT
};

/* Absolute path of the TrueType file of face (fontconfig match for "DejaVu
 * Sans" / "DejaVu Sans Mono" with the face's weight and slant), looked up once
 * and cached; NULL when fontconfig finds no file at all. Owned by the module:
 * valid until font_release_all(). Load exactly this file into libharu
 * (HPDF_LoadTTFontFromFile) so the PDF embeds what was measured. */
const char *font_path(enum font_face face);

/* Advance width in points of the UTF-8 text at size points, measured with
 * FreeType through cairo with hinted metrics off (the widths of the font's
 * design units, identical for SVG, PNG and PDF). 0 for NULL or "". */
double font_text_width(enum font_face face, double size, const char *utf8);

/* Ascent and descent (both positive, points) of face at size. */
void font_metrics(enum font_face face, double size, double *ascent, double *descent);

/* The cairo font face for face (a cairo_font_face_t *, borrowed; cached), for
 * the cairo back end. NULL when the font file could not be loaded. */
void *font_cairo_face(enum font_face face);

/* Frees the cached faces and paths (for leak checkers; optional at exit). */
void font_release_all(void);

#endif
