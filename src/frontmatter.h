/* frontmatter.h: site.yml and agreement front matter checked into the model (SPEC §4). */
#ifndef SLAREPORT_FRONTMATTER_H
#define SLAREPORT_FRONTMATTER_H

#include <stddef.h>
#include "diag.h"
#include "model.h"

/* Largest agreement or site.yml accepted, in bytes (cmark-gfm has quadratic
 * cases; a real agreement is a few kilobytes). */
#define FRONTMATTER_MAX_FILE (128 * 1024)

/* Fills *out from site.yml text[0..len) (NULL text: no file, all defaults).
 * Problems go to d under path. *out is always complete and owned by the
 * caller (site_free), even after errors. Returns the number of errors. */
int frontmatter_parse_site(struct site *out, const char *path, const char *text,
    size_t len, struct diag *d);

/* Fills *out from one agreement file: front matter between "---" lines, then
 * the Markdown body (parsed into out->doc). site gives defaults and may be
 * NULL. Problems go to d under path. *out is always freeable with
 * agreement_free, even after errors. Returns the number of errors. */
int frontmatter_parse_agreement(struct agreement *out, const char *path,
    const char *text, size_t len, const struct site *site, struct diag *d);

/* Checks v[0..n) against each other once all are parsed: unique ids, OLA
 * "supports" naming an SLA (sets supports_index), OLA budgets within the SLA's
 * resolution targets (warnings). Returns the number of errors. */
int frontmatter_link_agreements(struct agreement *v, int n, struct diag *d);

#endif
