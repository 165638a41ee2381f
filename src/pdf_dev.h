/* pdf_dev.h: the libharu drawing device of the PDF output — fonts, pages,
 * links, bookmarks. It measures text for the layout engine and draws what
 * the engine decided; it decides nothing about lines or pages itself. */
#ifndef SLAREPORT_PDF_DEV_H
#define SLAREPORT_PDF_DEV_H

#include <stddef.h>
#include "layout.h"
#include "model.h"

struct pdf_dev;

/* Objects of LAY_BOX blocks. */
enum pdf_obj { PDF_OBJ_IMAGE = 1, PDF_OBJ_SCENE = 2 };

/* A document of the given page size, title and author (UTF-8, may be NULL).
 * NULL when libharu or the fonts cannot be set up (*why says which). */
struct pdf_dev *pdf_dev_new(enum page_size ps, const char *title, const char *author,
    const char **why);
void pdf_dev_free(struct pdf_dev *d);
/* Subject and keywords of the document information (UTF-8). */
void pdf_dev_info(struct pdf_dev *d, const char *subject, const char *keywords);
/* The measuring side for layout_run(); valid while d lives. */
const struct lay_device *pdf_dev_measure(struct pdf_dev *d);
/* Page size and margins. */
void pdf_dev_geom(const struct pdf_dev *d, struct lay_geom *g);
/* A PNG or JPEG file as a LAY_BOX object (owned by the document) and its size
 * in points at 150 dpi; NULL when it cannot be read. */
void *pdf_dev_image(struct pdf_dev *d, const char *path, double *w, double *h);

/* Running header and footer. page_fmt holds "{page}" and "{pages}". Pages
 * before first are left bare (the cover). */
struct pdf_chrome {
	const char *header_left, *header_right;
	/* Per page, or NULL: the header's right side on page i when
	 * section[i] is not NULL (the report's agreement; "A / B" on a page
	 * where B begins, cut to its last part when too wide). */
	char **section;
	const char *page_fmt;
	int first;
};

/* Draws every page of r, its links, destinations and bookmarks (marks with a
 * title). Returns 0, or -1 when libharu failed. */
int pdf_dev_draw(struct pdf_dev *d, const struct lay_result *r, const struct pdf_chrome *ch);
/* The finished file in *out (caller frees). Returns 0 or -1. */
int pdf_dev_save(struct pdf_dev *d, char **out, size_t *len);

#endif
