/* frontmatter_int.h: parsers of front-matter values shared with revisions.c. */
#ifndef SLAREPORT_FRONTMATTER_INT_H
#define SLAREPORT_FRONTMATTER_INT_H

#include "model.h"
#include "yamlnode.h"

/* Fills a->match (empty before) from the mapping v of fields to values. */
void fm_parse_match(struct yamlcheck *c, const struct yamlnode *v, struct agreement *a);
/* Fills a->tiers (empty before) from the list v of {below, percent}. */
void fm_parse_tiers(struct yamlcheck *c, const struct yamlnode *v, struct agreement *a);

#endif
