/* pdf.h: the printable outputs — a brochure per agreement and the monthly
 * management report — rendered from the same view models as the HTML site. */
#ifndef SLAREPORT_PDF_H
#define SLAREPORT_PDF_H

#include <stdbool.h>

struct cJSON;
struct i18n;
struct model;
struct publish;

/* Writes agreements/<id>.pdf for every agreement and reports/<YYYY-MM>/report.pdf
 * for every month from_ym … to_ym (year * 12 + month - 1; -1: none) through
 * p, from the kpis.json tree (with the months before from_ym that the trend
 * charts need) in the language of loc. Problems (characters no font can
 * print, images that cannot be read) are added to m->diag as warnings and
 * printed on stderr; verbosity 2 also prints each file's pages, size and
 * time. with_json and with_csv say which data files the build writes (a cut
 * breach table names the one holding every breach). Returns 0 or an errno
 * value. */
int pdf_write_all(struct publish *p, const struct cJSON *kpis, struct model *m,
    const struct i18n *loc, int from_ym, int to_ym, int verbosity, bool with_json,
    bool with_csv);

#endif
