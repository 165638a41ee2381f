/* frontmatter_int.h: parsers of front-matter values shared by frontmatter.c,
 * frontmatter_site.c and revisions.c. */
#ifndef SLAREPORT_FRONTMATTER_INT_H
#define SLAREPORT_FRONTMATTER_INT_H

#include "model.h"
#include "yamlnode.h"

/* Fills a->match (empty before) from the mapping v of fields to values. */
void fm_parse_match(struct yamlcheck *c, const struct yamlnode *v, struct agreement *a);
/* Fills a->tiers (empty before) from the list v of {below, percent}. */
void fm_parse_tiers(struct yamlcheck *c, const struct yamlnode *v, struct agreement *a);

/* The `unit` of the volume mapping, checked (NULL when absent or bad); the
 * caller frees. */
char *fm_parse_unit(struct yamlcheck *c, const struct yamlnode *volume);
/* The time zone named by v's text, or UTC after an error at v; the caller frees. */
struct tz *fm_load_zone(struct yamlcheck *c, const struct yamlnode *v, const char *name);
/* The canonical tag of root's `locale`, or NULL (absent, or unusable: a warning
 * naming fallback); the caller frees. */
char *fm_parse_locale(struct yamlcheck *c, const struct yamlnode *root, const char *fallback);

#endif
