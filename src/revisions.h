/* revisions.h: an agreement's earlier terms (SPEC §8 Revisions) — the
 * `revisions` list read into whole terms, and what differs between terms. */
#ifndef SLAREPORT_REVISIONS_H
#define SLAREPORT_REVISIONS_H

#include <stddef.h>
#include "model.h"
#include "yamlnode.h"

/* Reads the front-matter list v into a->revisions, newest first, each the
 * whole terms in force then: the next newer terms with the revision's keys
 * applied. `effective` is the current terms' effective node (NULL when
 * absent: an error, since revisions need it). Parse every other key of a
 * first. Errors (order, overlap, unknown keys, bad values, severities the
 * current terms lack) and warnings (an effective that is not the 1st of a
 * month) go through c under "revisions[i]…"; a revision with an error in its
 * effective date is left out. */
void revisions_parse(struct yamlcheck *c, const struct yamlnode *v,
    const struct yamlnode *effective, struct agreement *a);

/* One field that differs between two terms, as compact text. */
struct terms_change {
	char *key;			/* "severities.2.resolution", "credits.fee" */
	int sev;			/* severity index of a severities.* key, else -1 */
	const char *field;		/* last part of the key: "resolution", "fee" */
	char *was, *now;		/* the older and the newer value ("12h", "8h");
					   "none" when a side has no value */
};

/* The fields (SPEC §8's revisable keys, leaf by leaf) in which older differs
 * from newer, in front-matter order, into *out (caller frees with
 * terms_changes_free). Returns their number. */
size_t terms_diff(const struct agreement *older, const struct agreement *newer,
    struct terms_change **out);
void terms_changes_free(struct terms_change *v, size_t n);

/* The terms that follow revision i (0 newest) of a: the current terms for 0. */
const struct agreement *revisions_newer(const struct agreement *a, int i);
/* The date they start: the current effective or revision i - 1's. */
const char *revisions_until(const struct agreement *a, int i);

#endif
