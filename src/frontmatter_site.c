/* frontmatter_site.c: site.yml, checked by schema into struct site. */
#include "frontmatter.h"

#include <stdlib.h>
#include <string.h>
#include "frontmatter_int.h"
#include "tz.h"
#include "yamlnode.h"

#define ERR(c, at, kp, ...) yamlnode_report(c, DIAG_ERROR, at, kp, __VA_ARGS__)
#define WARN(c, at, kp, ...) yamlnode_report(c, DIAG_WARNING, at, kp, __VA_ARGS__)

/* A path inside the project: relative, no ".." component, not empty. */
static bool
is_inner_path(const char *s)
{
	const char *p = s;

	if (*s == '\0' || *s == '/' || *s == '\\')
		return false;
	while (*p != '\0') {
		size_t n = strcspn(p, "/\\");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return false;
		p += n;
		if (*p != '\0')
			p++;
	}
	return true;
}

static char *
get_inner_path(struct yamlcheck *c, const struct yamlnode *map, const char *kp,
    const char *key)
{
	const struct yamlnode *v = yamlnode_scalar(c, map, kp, key, false, "a path");
	char *p;

	if (v == NULL)
		return NULL;
	if (is_inner_path(v->text))
		return xstrdup(v->text);
	p = yamlnode_path(kp, key);
	ERR(c, v, p, "%s must be a relative path inside the project folder",
	    yamlnode_show(c, v));
	free(p);
	return NULL;
}

static void
parse_mappings(struct yamlcheck *c, const struct yamlnode *v, struct site *out)
{
	size_t i;

	if (v->type != YAMLNODE_MAPPING) {
		ERR(c, v, "mappings", "expected a mapping of file patterns to mapping "
		    "files, got %s", yamlnode_show(c, v));
		return;
	}
	out->mappings = xcalloc(v->n + 1, sizeof *out->mappings);
	for (i = 0; i < v->n; i++) {
		const struct yamlnode *k = yamlnode_key(v, i);
		char *kp = yamlnode_path("mappings", k->text);
		char *file = get_inner_path(c, v, "mappings", k->text);

		if (file == NULL && yamlnode_is_null(yamlnode_value(v, i)))
			ERR(c, yamlnode_value(v, i), kp, "no mapping file given");
		if (file != NULL && k->len == 0) {
			ERR(c, k, "mappings", "empty file pattern");
			free(file);
		} else if (file != NULL) {
			out->mappings[out->nmappings].pattern = xstrdup(k->text);
			out->mappings[out->nmappings].line = yamlnode_value(v, i)->line;
			out->mappings[out->nmappings].col = yamlnode_value(v, i)->col;
			out->mappings[out->nmappings++].mapping = file;
		}
		free(kp);
	}
}

/* `teams`: team id (as agreements and events write it) to the name pages show.
 * Only the name changes: slugs, and so team page addresses, stay the id's. */
static void
parse_teams(struct yamlcheck *c, const struct yamlnode *v, struct site *out)
{
	size_t i;

	if (v->type != YAMLNODE_MAPPING) {
		ERR(c, v, "teams", "expected a mapping of team ids to display names, got %s",
		    yamlnode_show(c, v));
		return;
	}
	out->teams = xcalloc(v->n + 1, sizeof *out->teams);
	for (i = 0; i < v->n; i++) {
		const struct yamlnode *k = yamlnode_key(v, i), *x = yamlnode_value(v, i);
		char *kp = yamlnode_path("teams", k->text);

		if (k->len == 0)
			ERR(c, k, "teams", "empty team id");
		else if (yamlnode_is_null(x))
			ERR(c, x, kp, "no display name given");
		else if (x->type != YAMLNODE_SCALAR)
			ERR(c, x, kp, "expected the team's display name, got %s",
			    yamlnode_show(c, x));
		else if (strspn(x->text, " \t") == x->len)
			ERR(c, x, kp, "the display name is blank");
		else {
			struct team_name *t = &out->teams[out->nteams++];
			t->id = xstrdup(k->text);
			t->name = xstrdup(x->text);
			t->line = k->line;
			t->col = k->col;
		}
		free(kp);
	}
}

int
frontmatter_parse_site(struct site *out, const char *path, const char *text,
    size_t len, struct diag *d)
{
	static const char *const keys[] = { "title", "organisation", "organization",
		"timezone", "locale", "page_size", "logo", "unsafe_html", "mappings", "teams",
		NULL };
	static const char *const pages[] = { "A4", "Letter", NULL };
	static const char *const bools[] = { "true", "false", "yes", "no", NULL };
	struct yamlcheck c;
	struct yamlnode *root = NULL;
	const struct yamlnode *v;
	int i;

	yamlnode_check_init(&c, path);
	memset(out, 0, sizeof *out);
	out->page_size = PAGE_A4;
	if (text != NULL && len > FRONTMATTER_MAX_FILE)
		ERR(&c, NULL, NULL, "file larger than %d KiB", FRONTMATTER_MAX_FILE / 1024);
	else if (text != NULL)
		c.errors += yamlnode_parse(text, len, 1, path, c.d, &root);
	if (root != NULL && root->type != YAMLNODE_MAPPING) {
		ERR(&c, root, NULL, "expected a mapping of settings, got %s",
		    yamlnode_show(&c, root));
	} else if (root != NULL) {
		yamlnode_check_keys(&c, root, "", keys);
		out->title = yamlnode_string(&c, root, "", "title", false);
		out->organisation = yamlnode_string(&c, root, "", "organisation", false);
		if (yamlnode_get(root, "organization") != NULL) {
			if (out->organisation != NULL)
				ERR(&c, yamlnode_get(root, "organization"), "organization",
				    "give organisation or organization, not both");
			else
				out->organisation = yamlnode_string(&c, root, "", "organization",
				    false);
		}
		if ((v = yamlnode_scalar(&c, root, "", "timezone", false, "a time zone")) != NULL) {
			out->zone = fm_load_zone(&c, v, v->text);
			out->timezone = xstrdup(tz_name(out->zone));
			out->timezone_given = true;
		}
		out->locale = fm_parse_locale(&c, root, "en");
		if ((i = yamlnode_choice(&c, root, "", "page_size", false, pages)) >= 0)
			out->page_size = i == 0 ? PAGE_A4 : PAGE_LETTER;
		out->logo = get_inner_path(&c, root, "", "logo");
		if ((i = yamlnode_choice(&c, root, "", "unsafe_html", false, bools)) >= 0)
			out->unsafe_html = i % 2 == 0;
		if ((v = yamlnode_field(&c, root, "", "mappings", false)) != NULL)
			parse_mappings(&c, v, out);
		if ((v = yamlnode_field(&c, root, "", "teams", false)) != NULL)
			parse_teams(&c, v, out);
	}
	if (out->title == NULL)
		out->title = xstrdup("Service level reports");
	if (out->zone == NULL) {
		out->zone = tz_load("UTC");
		out->timezone = xstrdup("UTC");
	}
	if (out->locale == NULL)
		out->locale = xstrdup("en");
	yamlnode_free(root);
	yamlnode_check_finish(&c, d);
	return c.errors;
}
