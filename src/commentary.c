/* commentary.c: commentary files split into the month's text and one section
 * per agreement, through the one Markdown parser (src/markdown.c). */
#include "commentary.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include "frontmatter.h"
#include "kpi.h"
#include "markdown.h"
#include "model.h"
#include "suggest.h"
#include "util.h"

/* Raw HTML becomes what it is written as: an inline tag text, a block of it a
 * code block. A reader sees it, nothing runs, and nothing is left out. */
static void
html_as_text(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_node **v = NULL, *n;
	size_t nv = 0, cap = 0, i;
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && (cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE ||
		    cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK)) {
			xgrow((void **)&v, &cap, nv + 1, sizeof *v);
			v[nv++] = n;
		}
	}
	cmark_iter_free(it);
	for (i = 0; i < nv; i++) {
		bool block = cmark_node_get_type(v[i]) == CMARK_NODE_HTML_BLOCK;
		cmark_node *t = cmark_node_new(block ? CMARK_NODE_CODE_BLOCK : CMARK_NODE_TEXT);
		const char *lit = cmark_node_get_literal(v[i]);
		cmark_node_set_literal(t, lit != NULL ? lit : "");
		cmark_node_insert_before(v[i], t);
		cmark_node_free(v[i]);
	}
	free(v);
}

/* The plain text of a heading's inlines, trimmed; its column into *col. */
static char *
heading_text(cmark_node *h, int *col)
{
	struct strbuf sb = {0};
	cmark_node *n;
	char *s, *p, *e;

	*col = cmark_node_get_start_column(h);
	for (n = cmark_node_first_child(h); n != NULL; n = cmark_node_next(n)) {
		const char *lit = cmark_node_get_literal(n);
		if (n == cmark_node_first_child(h) && cmark_node_get_start_column(n) > 0)
			*col = cmark_node_get_start_column(n);
		if (lit != NULL)
			strbuf_puts(&sb, lit);
	}
	s = strbuf_detach(&sb, NULL);
	if (s == NULL)
		return xstrdup("");
	for (p = s; *p == ' ' || *p == '\t'; p++)
		;
	for (e = p + strlen(p); e > p && (e[-1] == ' ' || e[-1] == '\t'); e--)
		;
	*e = '\0';
	memmove(s, p, strlen(p) + 1);
	return s;
}

static cmark_node *
section_doc(struct commentary *c, const char *id, int line, int col, const char *path,
    struct diag *d)
{
	int i;

	for (i = 0; i < c->nsections; i++)
		if (strcmp(c->sections[i].agreement, id) == 0) {
			diag_add(d, DIAG_WARNING, path, line, col, "a second section for "
			    "\"%s\" (the first is at line %d): its text follows the first's",
			    id, c->sections[i].line);
			return c->sections[i].doc;
		}
	c->sections = xrealloc(c->sections, (size_t)(c->nsections + 1) * sizeof *c->sections);
	c->sections[c->nsections] = (struct commentary_section){ xstrdup(id), line, col,
		cmark_node_new(CMARK_NODE_DOCUMENT) };
	return c->sections[c->nsections++].doc;
}

int
commentary_split(struct commentary *c, const char *path, const char *text,
    size_t len, const char *const *ids, struct diag *d)
{
	cmark_node *doc = markdown_parse(text, len), *n, *next, *to;
	int warnings = 0;

	memset(c, 0, sizeof *c);
	c->path = xstrdup(path);
	c->ym = -1;
	html_as_text(doc);
	c->general = cmark_node_new(CMARK_NODE_DOCUMENT);
	to = c->general;
	for (n = cmark_node_first_child(doc); n != NULL; n = next) {
		next = cmark_node_next(n);
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) == 2) {
			int col, line = cmark_node_get_start_line(n), k;
			char *id = heading_text(n, &col);
			for (k = 0; ids[k] != NULL && strcmp(ids[k], id) != 0; k++)
				;
			if (ids[k] != NULL) {
				to = section_doc(c, id, line, col, path, d);
				free(id);
				cmark_node_free(n);
				continue;
			}
			const char *near = suggest_closest(id, ids);
			diag_add(d, DIAG_WARNING, path, line, col, "no agreement has the id "
			    "\"%s\"%s%s%s; its text is shown in the month's general "
			    "commentary, under this heading", id,
			    near != NULL ? " (did you mean \"" : "", near != NULL ? near : "",
			    near != NULL ? "\"?)" : "");
			warnings++;
			free(id);
			to = c->general;
		}
		cmark_node_append_child(to, n);
	}
	cmark_node_free(doc);
	if (cmark_node_first_child(c->general) == NULL) {
		cmark_node_free(c->general);
		c->general = NULL;
	}
	return warnings;
}

void
commentary_free(struct commentary *c)
{
	int i;

	if (c->general != NULL)
		cmark_node_free(c->general);
	for (i = 0; i < c->nsections; i++) {
		free(c->sections[i].agreement);
		cmark_node_free(c->sections[i].doc);
	}
	free(c->sections);
	free(c->path);
}

/* "2026-10.md": the month, or -1. */
static int
file_month(const char *name)
{
	char m[8];

	if (strlen(name) != 10 || strcmp(name + 7, ".md") != 0 || name[4] != '-')
		return -1;
	memcpy(m, name, 7);
	m[7] = '\0';
	return kpi_parse_month(m);
}

void
commentary_load(struct model *m, int *io)
{
	static const char *const md[] = { ".md", NULL };
	char *dir = xasprintf("%s/commentary", m->src), **names = NULL;
	const char **ids = xcalloc((size_t)m->nagreements + 1, sizeof *ids);
	int n = list_dir(dir, md, &names), i, k = 0;

	for (i = 0; i < m->nagreements; i++)
		if (m->agreements[i].id != NULL)
			ids[k++] = m->agreements[i].id;
	if (n < 0 && n != -ENOENT) {
		diag_add(m->diag, DIAG_ERROR, "commentary", 0, 0, "cannot read the "
		    "commentary folder: %s", strerror(-n));
		*io = 1;
	}
	m->commentary = xcalloc((size_t)(n > 0 ? n : 0) + 1, sizeof *m->commentary);
	for (i = 0; i < n; i++) {
		char *rel = xasprintf("commentary/%s", names[i]);
		char *full = xasprintf("%s/%s", m->src, rel), *text = NULL;
		size_t len = 0, bad;
		int ym = file_month(names[i]), err;

		if (ym < 0) {
			diag_add(m->diag, DIAG_WARNING, rel, 0, 0, "not named after a month "
			    "(YYYY-MM.md, such as 2026-10.md); skipped");
		} else if ((err = read_file_max(full, FRONTMATTER_MAX_FILE, &text, &len)) != 0) {
			diag_add(m->diag, DIAG_ERROR, rel, 0, 0, "cannot read: %s",
			    strerror(err));
			*io = 1;
		} else if (len > FRONTMATTER_MAX_FILE) {
			diag_add(m->diag, DIAG_ERROR, rel, 0, 0, "file larger than %d KiB; "
			    "not shown", FRONTMATTER_MAX_FILE / 1024);
		} else if ((bad = utf8_invalid_offset(text, len)) < len ||
		    memchr(text, '\0', len) != NULL) {
			int line = 0, col = 0;
			if (bad < len)
				offset_to_linecol(text, bad, &line, &col);
			diag_add(m->diag, DIAG_ERROR, rel, line, col, "%s; not shown",
			    bad < len ? "invalid UTF-8" : "NUL byte in the text");
		} else {
			struct commentary *c = &m->commentary[m->ncommentary++];
			commentary_split(c, rel, text, len, ids, m->diag);
			c->ym = ym;
		}
		free(text);
		free(full);
		free(rel);
	}
	if (n > 0)
		free_names(names, n);
	free(ids);
	free(dir);
}

struct cmark_node *
commentary_find(const struct model *m, int ym, const char *agreement)
{
	int i, k;

	for (i = 0; i < m->ncommentary; i++) {
		const struct commentary *c = &m->commentary[i];
		if (c->ym != ym)
			continue;
		if (agreement == NULL)
			return c->general;
		for (k = 0; k < c->nsections; k++)
			if (strcmp(c->sections[k].agreement, agreement) == 0)
				return c->sections[k].doc;
	}
	return NULL;
}

int
commentary_heading_shift(struct cmark_node *doc, int top)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int min = 7;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) < min)
			min = cmark_node_get_heading_level(n);
	}
	cmark_iter_free(it);
	return min == 7 ? 0 : top - min;
}

char *
commentary_html(struct cmark_node *doc, int top)
{
	int shift = commentary_heading_shift(doc, top), *was = NULL, nwas = 0, k;
	size_t cap = 0;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node **hs = NULL;
	size_t hcap = 0;
	char *html;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			xgrow((void **)&was, &cap, (size_t)nwas + 1, sizeof *was);
			xgrow((void **)&hs, &hcap, (size_t)nwas + 1, sizeof *hs);
			hs[nwas] = n;
			was[nwas++] = cmark_node_get_heading_level(n);
		}
	}
	cmark_iter_free(it);
	for (k = 0; k < nwas; k++) {
		int l = was[k] + shift;
		cmark_node_set_heading_level(hs[k], l < 1 ? 1 : l > 6 ? 6 : l);
	}
	html = markdown_to_html(doc, false);
	/* Back as written: another page shifts from the same tree. */
	for (k = 0; k < nwas; k++)
		cmark_node_set_heading_level(hs[k], was[k]);
	free(was);
	free(hs);
	return html;
}
