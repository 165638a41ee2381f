/* pdf_font.h: the TrueType files the PDF embeds, read once per process for
 * their metrics, and trimmed per document before libharu sees them. libharu
 * 2.3.0 spends most of a document's time on each face's full character map
 * (a 65,536-entry table built by linear search) and on deflating glyph names;
 * a copy whose cmap lists only the characters used and whose post table has
 * no names makes the same glyphs and widths several times cheaper. */
#ifndef SLAREPORT_PDF_FONT_H
#define SLAREPORT_PDF_FONT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct pdf_face;

/* The face of font.h's enum font_face, read and parsed on first use and kept
 * for the process; NULL when no usable file exists. */
const struct pdf_face *pdf_face_get(int face);
/* Advance of cp in thousandths of the size, rounded as libharu writes its
 * widths; the .notdef advance for code points the face lacks. */
int pdf_face_advance(const struct pdf_face *f, uint32_t cp);
/* Whether the face maps cp to a glyph (Basic Multilingual Plane only). */
bool pdf_face_has(const struct pdf_face *f, uint32_t cp);
/* A trimmed copy of a face, readable at path until pdf_trimmed_done(). */
struct pdf_trimmed {
	char *path;
	int fd;
	bool anon;			/* a memory file: nothing to unlink */
};

/* Writes a copy of the face whose cmap holds only the code points in
 * used[0..65536) (true entries) to *t. Returns 0, or -1 (t is then empty). */
int pdf_face_trimmed(const struct pdf_face *f, const bool *used, struct pdf_trimmed *t);
/* Closes and removes the copy (libharu keeps its own handle open). */
void pdf_trimmed_done(struct pdf_trimmed *t);
/* The file the face was read from. */
const char *pdf_face_path(const struct pdf_face *f);

#endif
