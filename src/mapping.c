/* mapping.c: loading and checking mapping files, and the shipped ones. */
#include "mapping.h"

#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "resource.h"
#include "suggest.h"
#include "tz.h"
#include "yamlnode.h"

/*
 * Mapping files are JSON, read through libyaml (JSON is, for these files,
 * YAML): cJSON keeps no positions, libyaml does, so every error can name the
 * mapping file, the key and its line:col. A YAML mapping file works too.
 */

#define ERR(c, at, kp, ...) yamlnode_report(c, DIAG_ERROR, at, kp, __VA_ARGS__)

static const char *const field_names[MF__COUNT] = {
#define X(e, s) s,
	MAPPING_FIELDS(X)
#undef X
};

static const char *const state_names[] = { "open", "paused", "resolved", "closed", NULL };

const char *
mapping_field_name(enum mapping_field_id f)
{
	return (unsigned)f < MF__COUNT ? field_names[f] : "?";
}

const char *
mapping_state_name(enum mapping_state s)
{
	return (unsigned)s <= MS_CLOSED ? state_names[s] : "?";
}

/* A JSON number as JSON writes it (no hex, no leading '+', no ".5"). */
static bool
is_json_number(const char *s)
{
	const char *p = s;

	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return false;
	if (*p == '.') {
		if (!(*++p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

/* A scalar as the JSON value it was written as: quoted text stays text. */
static cJSON *
scalar_json(const struct yamlnode *n)
{
	if (n->quoted)
		return cJSON_CreateString(n->text);
	if (yamlnode_is_null(n))
		return cJSON_CreateNull();
	if (strcmp(n->text, "true") == 0 || strcmp(n->text, "false") == 0)
		return cJSON_CreateBool(n->text[0] == 't');
	if (is_json_number(n->text))
		return cJSON_CreateNumber(strtod(n->text, NULL));
	return cJSON_CreateString(n->text);
}

static bool
is_event_type(const char *s)
{
	return event_type_from_name(s, strlen(s)) >= 0;
}

/* Checks a value that a `map`, `const` or `default` gives field f. */
static bool
check_target(struct yamlcheck *c, const struct yamlnode *v, const char *kp,
    enum mapping_field_id f)
{
	int i;

	if (v->type != YAMLNODE_SCALAR) {
		ERR(c, v, kp, "expected a string, a number or null, got %s",
		    yamlnode_type_name(v));
		return false;
	}
	if (yamlnode_is_null(v) && !v->quoted)
		return true;		/* drops the record (type) or the value */
	if (f == MF_TYPE && !is_event_type(v->text)) {
		ERR(c, v, kp, "%s is not an event type (opened, assigned, responded, "
		    "paused, resumed, resolved, reopened, closed, severity_changed, "
		    "rated, note, excluded)", yamlnode_show(c, v));
		return false;
	}
	if (f == MF_STATE) {
		for (i = 0; state_names[i] != NULL; i++)
			if (strcmp(v->text, state_names[i]) == 0)
				return true;
		ERR(c, v, kp, "%s is not a state (open, paused, resolved, closed)",
		    yamlnode_show(c, v));
		return false;
	}
	if ((f == MF_VALUE || f == MF_SCORE) && (v->quoted || !is_json_number(v->text))) {
		ERR(c, v, kp, "expected a number, got %s", yamlnode_show(c, v));
		return false;
	}
	return true;
}

static bool
compile_ptr(struct yamlcheck *c, const struct yamlnode *v, const char *kp,
    int allow_up, struct jsonptr *out)
{
	const char *why;

	if (v->type != YAMLNODE_SCALAR || (!v->quoted && yamlnode_is_null(v))) {
		ERR(c, v, kp, "expected a JSON Pointer such as \"/number\", got %s",
		    yamlnode_show(c, v));
		return false;
	}
	if ((why = jsonptr_compile(v->text, allow_up > 0, out)) != NULL) {
		ERR(c, v, kp, "%s: %s", yamlnode_show(c, v), why);
		return false;
	}
	if (out->up > allow_up) {
		ERR(c, v, kp, "%s climbs %d levels, but \"each\" nests only %d",
		    yamlnode_show(c, v), out->up, allow_up);
		jsonptr_free(out);
		return false;
	}
	return true;
}

static bool
is_time_field(enum mapping_field_id f)
{
	return f == MF_AT || f == MF_OPENED_AT;
}

static void
parse_time_options(struct yamlcheck *c, const struct yamlnode *spec, const char *kp,
    struct mapping_field *mf)
{
	const struct yamlnode *v;
	char *p;

	if ((v = yamlnode_scalar(c, spec, kp, "format", false, "a format")) != NULL) {
		p = yamlnode_path(kp, "format");
		if (strcmp(v->text, "rfc3339") == 0)
			mf->time = MT_RFC3339;
		else if (strcmp(v->text, "epoch") == 0)
			mf->time = MT_EPOCH;
		else if (strcmp(v->text, "epoch_ms") == 0)
			mf->time = MT_EPOCH_MS;
		else if (strchr(v->text, '%') != NULL) {
			mf->time = MT_STRFTIME;
			mf->strftime = xstrdup(v->text);
		} else
			ERR(c, v, p, "expected rfc3339, epoch, epoch_ms or a strftime "
			    "pattern such as \"%%Y-%%m-%%d %%H:%%M:%%S\", got %s",
			    yamlnode_show(c, v));
		free(p);
	}
	if ((v = yamlnode_scalar(c, spec, kp, "zone", false, "a time zone")) != NULL) {
		p = yamlnode_path(kp, "zone");
		if ((mf->zone = tz_load(v->text)) == NULL)
			ERR(c, v, p, "unknown time zone %s", yamlnode_show(c, v));
		else
			mf->has_zone = true;
		free(p);
	}
}

static void
parse_map(struct yamlcheck *c, const struct yamlnode *v, const char *kp,
    enum mapping_field_id f, struct mapping_field *mf)
{
	size_t i;

	if (v->type != YAMLNODE_MAPPING) {
		ERR(c, v, kp, "expected an object of source values to %s values, got %s",
		    field_names[f], yamlnode_type_name(v));
		return;
	}
	mf->map_keys = xcalloc(v->n + 1, sizeof *mf->map_keys);
	mf->map_values = xcalloc(v->n + 1, sizeof *mf->map_values);
	for (i = 0; i < v->n; i++) {
		const struct yamlnode *k = yamlnode_key(v, i), *t = yamlnode_value(v, i);
		char *p = yamlnode_path(kp, k->text);

		if (check_target(c, t, p, f)) {
			mf->map_keys[mf->nmap] = xstrdup(k->text);
			mf->map_values[mf->nmap++] = scalar_json(t);
		}
		free(p);
	}
}

static void
parse_when(struct yamlcheck *c, const struct yamlnode *v, const char *kp, int allow_up,
    struct mapping_field *mf)
{
	size_t i;

	if (v->type != YAMLNODE_MAPPING || v->n == 0) {
		ERR(c, v, kp, "expected an object of JSON Pointers to values, got %s",
		    yamlnode_show(c, v));
		return;
	}
	mf->when_path = xcalloc(v->n, sizeof *mf->when_path);
	mf->when_values = xcalloc(v->n, sizeof *mf->when_values);
	for (i = 0; i < v->n; i++) {
		const struct yamlnode *k = yamlnode_key(v, i), *t = yamlnode_value(v, i);
		char *p = yamlnode_path(kp, k->text);
		size_t j, n = t->type == YAMLNODE_SEQUENCE ? t->n : 1;
		bool ok = t->type != YAMLNODE_MAPPING && n > 0;

		for (j = 0; ok && t->type == YAMLNODE_SEQUENCE && j < n; j++)
			ok = t->items[j]->type == YAMLNODE_SCALAR;
		if (!ok)
			ERR(c, t, p, "expected a value or a list of values, got %s",
			    yamlnode_show(c, t));
		else if (compile_ptr(c, k, p, allow_up, &mf->when_path[mf->nwhen])) {
			char **vals = xcalloc(n + 1, sizeof *vals);
			for (j = 0; j < n; j++)
				vals[j] = xstrdup(t->type == YAMLNODE_SEQUENCE ?
				    t->items[j]->text : t->text);
			mf->when_values[mf->nwhen++] = vals;
		}
		free(p);
	}
}

/* One entry of `fields`: "/pointer" or {path|const, map, default, format, zone, when}. */
static void
parse_field(struct yamlcheck *c, const struct yamlnode *v, const char *kp,
    enum mapping_field_id f, int allow_up, struct mapping_field *mf)
{
	static const char *const keys[] = { "path", "const", "map", "default",
		"format", "zone", "when", "before", "if_present", NULL };
	const struct yamlnode *path, *konst, *x;
	size_t i;

	mf->used = true;
	if (v->type == YAMLNODE_SCALAR) {
		mf->has_path = compile_ptr(c, v, kp, allow_up, &mf->path);
		return;
	}
	if (v->type == YAMLNODE_SEQUENCE) {
		/* Alternatives: the first that gives a value wins. */
		if (v->n == 0)
			ERR(c, v, kp, "an empty list of alternatives");
		mf->alt = xcalloc(v->n + 1, sizeof *mf->alt);
		for (i = 0; i < v->n; i++) {
			char *p = xasprintf("%s.%zu", kp, i);
			if (v->items[i]->type == YAMLNODE_SEQUENCE)
				ERR(c, v->items[i], p, "alternatives do not nest");
			else
				parse_field(c, v->items[i], p, f, allow_up,
				    &mf->alt[mf->nalt++]);
			free(p);
		}
		return;
	}
	for (i = 0; i < v->n; i++) {
		const struct yamlnode *k = yamlnode_key(v, i);
		const char *const *s;
		for (s = keys; *s != NULL && strcmp(*s, k->text) != 0; s++)
			;
		if (*s == NULL) {
			const char *near = suggest_closest(k->text, keys);
			ERR(c, k, kp, "unknown key \"%s\" (expected path, const, map, "
			    "default, format, zone, when, before or if_present)%s%s%s", k->text,
			    near != NULL ? "; did you mean \"" : "", near != NULL ? near : "",
			    near != NULL ? "\"?" : "");
		}
	}
	path = yamlnode_get(v, "path");
	konst = yamlnode_get(v, "const");
	if ((path == NULL) == (konst == NULL)) {
		ERR(c, v, kp, "give either \"path\" or \"const\"");
		return;
	}
	if (path != NULL) {
		char *p = yamlnode_path(kp, "path");
		mf->has_path = compile_ptr(c, path, p, allow_up, &mf->path);
		free(p);
	} else {
		char *p = yamlnode_path(kp, "const");
		if (check_target(c, konst, p, f))
			mf->konst = scalar_json(konst);
		free(p);
	}
	if ((x = yamlnode_get(v, "map")) != NULL) {
		char *p = yamlnode_path(kp, "map");
		if (konst != NULL)
			ERR(c, x, p, "a \"const\" needs no map");
		else
			parse_map(c, x, p, f, mf);
		free(p);
	}
	if ((x = yamlnode_get(v, "default")) != NULL) {
		char *p = yamlnode_path(kp, "default");
		if (konst != NULL)
			ERR(c, x, p, "a \"const\" needs no default");
		else if (check_target(c, x, p, f))
			mf->dflt = scalar_json(x);
		free(p);
	}
	if ((x = yamlnode_get(v, "when")) != NULL) {
		char *p = yamlnode_path(kp, "when");
		parse_when(c, x, p, allow_up, mf);
		free(p);
	}
	if ((x = yamlnode_get(v, "before")) != NULL) {
		char *p = yamlnode_path(kp, "before");
		if (f == MF_ID || is_time_field(f) || f == MF_TYPE)
			ERR(c, x, p, "only state, team, severity and the other item fields "
			    "have a value before a change");
		else
			mf->has_before = compile_ptr(c, x, p, allow_up, &mf->before);
		free(p);
	}
	if ((x = yamlnode_get(v, "if_present")) != NULL) {
		/* A sparse record names only what changed: a Zendesk child
		 * event holds "status" or "priority" as a key of its own. */
		char *p = yamlnode_path(kp, "if_present");
		if (x->type != YAMLNODE_SCALAR || (strcmp(x->text, "true") != 0 &&
		    strcmp(x->text, "false") != 0))
			ERR(c, x, p, "expected true or false, got %s", yamlnode_show(c, x));
		else if (konst != NULL)
			ERR(c, x, p, "a \"const\" is always present");
		else
			mf->if_present = strcmp(x->text, "true") == 0;
		free(p);
	}
	if (is_time_field(f))
		parse_time_options(c, v, kp, mf);
	else
		for (i = 0; i < 2; i++) {
			const char *opt = i == 0 ? "format" : "zone";
			if ((x = yamlnode_get(v, opt)) != NULL) {
				char *p = yamlnode_path(kp, opt);
				ERR(c, x, p, "only \"at\" and \"opened_at\" take a %s",
				    opt);
				free(p);
			}
		}
}

static bool
uses_before(const struct mapping_field *mf)
{
	size_t i;

	for (i = 0; i < mf->nalt; i++)
		if (uses_before(&mf->alt[i]))
			return true;
	return mf->has_before;
}

/* `fields` or `record`: an object of event field names to field specs. */
static void
parse_fields(struct yamlcheck *c, const struct yamlnode *v, const char *kp,
    const struct mapping *mp, int allow_up, struct mapping_field *out)
{
	size_t i;
	int f;

	if (v->type != YAMLNODE_MAPPING) {
		ERR(c, v, kp, "expected an object of event fields, got %s",
		    yamlnode_type_name(v));
		return;
	}
	for (i = 0; i < v->n; i++) {
		const struct yamlnode *k = yamlnode_key(v, i);
		char *p = yamlnode_path(kp, k->text);

		for (f = 0; f < MF__COUNT && strcmp(field_names[f], k->text) != 0; f++)
			;
		if (f == MF__COUNT)
			ERR(c, k, kp, "unknown event field \"%s\" (expected id, at, "
			    "type, state, opened_at, team, severity, agreement, "
			    "requester, service, kind, title, value or score)", k->text);
		else if (f == MF_TYPE && mp->mode == MAPPING_SNAPSHOTS)
			ERR(c, k, p, "snapshots mode derives the event types: map "
			    "\"state\" instead");
		else if ((f == MF_STATE || f == MF_OPENED_AT) && mp->mode == MAPPING_EVENTS)
			ERR(c, k, p, "only snapshots mode (\"mode\": \"snapshots\") "
			    "takes a %s", k->text);
		else {
			parse_field(c, yamlnode_value(v, i), p, (enum mapping_field_id)f,
			    allow_up, &out[f]);
			if (mp->mode == MAPPING_EVENTS && uses_before(&out[f]))
				ERR(c, yamlnode_value(v, i), p, "\"before\" is for snapshots "
				    "mode only");
		}
		free(p);
	}
	if (!out[MF_ID].used)
		ERR(c, v, kp, "missing \"id\"");
	if (!out[MF_AT].used)
		ERR(c, v, kp, "missing \"at\"");
	if (mp->mode == MAPPING_EVENTS && !out[MF_TYPE].used)
		ERR(c, v, kp, "missing \"type\" (events mode: each record is one event)");
}

static void
parse_each(struct yamlcheck *c, const struct yamlnode *v, struct mapping *mp)
{
	size_t i, n = v->type == YAMLNODE_SEQUENCE ? v->n : 1;

	if (v->type == YAMLNODE_MAPPING || n == 0) {
		ERR(c, v, "each", "expected a JSON Pointer or a list of them, got %s",
		    yamlnode_show(c, v));
		return;
	}
	if (n > MAPPING_MAX_EACH) {
		ERR(c, v, "each", "more than %d nested arrays", MAPPING_MAX_EACH);
		return;
	}
	mp->each = xcalloc(n, sizeof *mp->each);
	for (i = 0; i < n; i++) {
		const struct yamlnode *e = v->type == YAMLNODE_SEQUENCE ? v->items[i] : v;
		if (!compile_ptr(c, e, "each", 0, &mp->each[mp->neach]))
			continue;
		/* The empty pointer is the record itself, when it is an
		 * array: a page of `gh api --paginate --slurp` output. */
		mp->neach++;
	}
}

static void
parse_root(struct yamlcheck *c, const struct yamlnode *root, struct mapping *mp)
{
	static const char *const keys[] = { "mapping", "description", "records", "each",
		"mode", "fields", "record", NULL };
	static const char *const modes[] = { "events", "snapshots", NULL };
	const struct yamlnode *v;
	struct jsonptr tmp;
	double version;
	size_t i;
	int mode;

	for (i = 0; i < root->n; i++) {
		const struct yamlnode *k = yamlnode_key(root, i);
		const char *const *s;
		for (s = keys; *s != NULL && strcmp(*s, k->text) != 0; s++)
			;
		if (*s == NULL) {
			const char *near = suggest_closest(k->text, keys);
			ERR(c, k, NULL, "unknown key \"%s\" (expected mapping, description, "
			    "records, each, mode, fields or record)%s%s%s", k->text,
			    near != NULL ? "; did you mean \"" : "", near != NULL ? near : "",
			    near != NULL ? "\"?" : "");
		}
	}
	/* Only version 1 exists; anything else is reported. */
	(void)yamlnode_number(c, root, "", "mapping", true, 1, 1, &version);
	mp->description = yamlnode_string(c, root, "", "description", false);
	if ((v = yamlnode_get(root, "records")) != NULL && !yamlnode_is_null(v)) {
		if (compile_ptr(c, v, "records", 0, &tmp)) {
			jsonptr_free(&tmp);
			mp->records = xstrdup(v->text);
		}
	}
	if (mp->records == NULL)
		mp->records = xstrdup("");
	if ((v = yamlnode_field(c, root, "", "each", false)) != NULL)
		parse_each(c, v, mp);
	if ((mode = yamlnode_choice(c, root, "", "mode", false, modes)) >= 0)
		mp->mode = mode == 0 ? MAPPING_EVENTS : MAPPING_SNAPSHOTS;
	if ((v = yamlnode_field(c, root, "", "fields", true)) != NULL)
		parse_fields(c, v, "fields", mp, mp->neach, mp->fields);
	if ((v = yamlnode_field(c, root, "", "record", false)) != NULL) {
		if (yamlnode_get(root, "each") == NULL)
			ERR(c, v, "record", "only a mapping with \"each\" has fields for "
			    "the record itself");
		else {
			mp->has_record = true;
			parse_fields(c, v, "record", mp, 0, mp->record);
		}
	}
}

struct mapping *
mapping_parse(const char *name, const char *text, size_t len, struct diag *d)
{
	struct mapping *mp = xcalloc(1, sizeof *mp);
	struct yamlcheck c;
	struct yamlnode *root = NULL;

	mp->name = xstrdup(name);
	yamlnode_check_init(&c, name);
	c.errors += yamlnode_parse(text, len, 1, name, c.d, &root);
	if (c.errors == 0 && root == NULL)
		ERR(&c, NULL, NULL, "empty mapping file");
	else if (root != NULL && root->type != YAMLNODE_MAPPING)
		ERR(&c, root, NULL, "expected an object with \"mapping\": 1 and "
		    "\"fields\", got %s", yamlnode_type_name(root));
	else if (root != NULL)
		parse_root(&c, root, mp);
	yamlnode_free(root);
	yamlnode_check_finish(&c, d);
	if (c.errors > 0) {
		mapping_free(mp);
		return NULL;
	}
	return mp;
}

/* Frees what mf holds (alternatives are fields: recursive), not mf itself. */
static void
field_free(struct mapping_field *mf)
{
	size_t i;

	jsonptr_free(&mf->path);
	jsonptr_free(&mf->before);
	cJSON_Delete(mf->konst);
	cJSON_Delete(mf->dflt);
	for (i = 0; i < mf->nmap; i++) {
		free(mf->map_keys[i]);
		cJSON_Delete(mf->map_values[i]);
	}
	free(mf->map_keys);
	free(mf->map_values);
	for (i = 0; i < mf->nwhen; i++) {
		char **w;
		jsonptr_free(&mf->when_path[i]);
		for (w = mf->when_values[i]; *w != NULL; w++)
			free(*w);
		free(mf->when_values[i]);
	}
	free(mf->when_path);
	free(mf->when_values);
	for (i = 0; i < mf->nalt; i++)
		field_free(&mf->alt[i]);
	free(mf->alt);
	free(mf->strftime);
	tz_free(mf->zone);
}

void
mapping_free(struct mapping *mp)
{
	int i;

	if (mp == NULL)
		return;
	for (i = 0; i < MF__COUNT; i++) {
		field_free(&mp->fields[i]);
		field_free(&mp->record[i]);
	}
	for (i = 0; i < mp->neach; i++)
		jsonptr_free(&mp->each[i]);
	free(mp->each);
	free(mp->name);
	free(mp->description);
	free(mp->records);
	free(mp);
}

static char *builtin_name(const char *name);

struct mapping *
mapping_open(const char *base, const char *spec, struct diag *d, const char *where,
    int line, int col, bool *missing)
{
	struct mapping *mp = NULL;
	const char *text;
	char *path, *data = NULL, *name;
	size_t len;
	int err = ENOENT;

	*missing = false;
	if (strncmp(spec, "builtin:", 8) != 0) {
		path = base != NULL ? xasprintf("%s/%s", base, spec) : xstrdup(spec);
		err = read_file(path, &data, &len);
		free(path);
		if (err == 0) {
			mp = mapping_parse(spec, data, len, d);
			free(data);
			return mp;
		}
	}
	if (err == ENOENT && (text = mapping_builtin(spec, &len)) != NULL) {
		name = builtin_name(spec);
		mp = mapping_parse(name, text, len, d);
		free(name);
		return mp;
	}
	*missing = true;
	if (err == ENOENT)
		diag_add(d, DIAG_ERROR, where, line, col, "mapping \"%s\": no such file%s",
		    spec, strncmp(spec, "builtin:", 8) == 0 ? " among the shipped "
		    "mappings (see slareport mappings)" : " in the project, nor a "
		    "shipped mapping");
	else
		diag_add(d, DIAG_ERROR, where, line, col, "mapping \"%s\": cannot read: %s",
		    spec, strerror(err));
	return NULL;
}

/* ---- shipped mappings ---- */

/* "builtin:servicenow" for any spelling of a shipped name, or NULL. */
static char *
builtin_name(const char *name)
{
	size_t n;

	if (strncmp(name, "builtin:", 8) == 0)
		name += 8;
	if (strncmp(name, "mappings/", 9) == 0)
		name += 9;
	n = strlen(name);
	if (n > 5 && strcmp(name + n - 5, ".json") == 0)
		n -= 5;
	if (n == 0 || memchr(name, '/', n) != NULL || memchr(name, '.', n) != NULL)
		return NULL;
	return xasprintf("builtin:%.*s", (int)n, name);
}

const char *
mapping_builtin(const char *name, size_t *len)
{
	char *b = builtin_name(name), *res;
	const char *text;

	if (b == NULL)
		return NULL;
	res = xasprintf("mappings/%s.json", b + 8);
	text = resource_get(res, len);
	free(res);
	free(b);
	return text;
}

void
mapping_builtin_each(void (*fn)(void *, const char *, const char *, size_t), void *ctx)
{
	size_t i;

	for (i = 0; i < resource_count; i++) {
		const char *n = resource_table[i].name;
		size_t len = strlen(n);
		char *shortname;

		if (strncmp(n, "mappings/", 9) != 0 || len < 14 ||
		    strcmp(n + len - 5, ".json") != 0)
			continue;
		shortname = xstrndup(n + 9, len - 14);
		fn(ctx, shortname, (const char *)resource_table[i].data,
		    resource_table[i].len);
		free(shortname);
	}
}
