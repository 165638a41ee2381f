/* commentary.h: the month's commentary, SRC/commentary/YYYY-MM.md — the text
 * before the first "## " heading is about the month, a "## <agreement id>"
 * section about that agreement (docs/input.md 3.10). Raw HTML is shown as
 * text, never passed through. */
#ifndef SLAREPORT_COMMENTARY_H
#define SLAREPORT_COMMENTARY_H

#include <stddef.h>
#include "diag.h"

struct cmark_node;
struct model;

struct commentary_section {
	char *agreement;		/* its id */
	int line, col;			/* of the id in its heading */
	struct cmark_node *doc;		/* owned */
};

struct commentary {
	char *path;			/* "commentary/2026-10.md" */
	int ym;				/* year * 12 + month - 1 */
	struct cmark_node *general;	/* the month's text; NULL: none */
	int nsections;
	struct commentary_section *sections;	/* of known agreements, first
						   heading order; one per id */
};

/* Splits text (a commentary file shown as path) into c at its "## " headings;
 * ids (NULL-terminated) are the agreements. A heading naming no agreement is
 * a warning in d (the nearest id suggested) and stays, with its text, in the
 * general part. Returns the number of warnings. */
int commentary_split(struct commentary *c, const char *path, const char *text,
    size_t len, const char *const *ids, struct diag *d);
void commentary_free(struct commentary *c);

/* Reads every SRC/commentary/YYYY-MM.md into m->commentary (problems into
 * m->diag); *io set when one cannot be read. */
void commentary_load(struct model *m, int *io);
/* The commentary of month ym: the general text (agreement NULL) or that
 * agreement's section; NULL when there is none. */
struct cmark_node *commentary_find(const struct model *m, int ym, const char *agreement);
/* The shift that makes doc's shallowest heading level top. */
int commentary_heading_shift(struct cmark_node *doc, int top);
/* HTML of doc with its shallowest heading at level top (at most h6); the
 * caller frees it. */
char *commentary_html(struct cmark_node *doc, int top);

#endif
