/* yamlnode.c: libyaml's event stream turned into a position-carrying tree. */
#include "yamlnode.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>
#include <yaml.h>
#include "suggest.h"

/*
 * libyaml counts marks in characters from the start of its input; diagnostics
 * want bytes and source lines. A cursor walks forward through the text (marks
 * arrive almost always in increasing order), so converting every mark costs
 * linear time overall.
 */
struct posmap {
	const char *s;
	size_t len;
	int first_line;
	size_t chars, byte;		/* cursor: character index and its byte offset */
	int line, col;			/* of the cursor, relative to s, 1-based */
};

struct frame {
	struct yamlnode *node;
	size_t count, cap;		/* items attached so far; allocated */
};

struct builder {
	struct posmap pm;
	const char *path;
	struct diag *d;
	int errors;
	struct frame stack[YAMLNODE_MAX_DEPTH];	/* open containers */
	int depth;
	struct yamlnode *root;
	int aliases;			/* seen; reported once, at the first */
	int alias_line, alias_col;
};

static void
pos_reset(struct posmap *pm)
{
	pm->chars = pm->byte = 0;
	pm->line = pm->col = 1;
	/* libyaml skips a byte order mark without counting it; so do columns. */
	if (pm->len >= 3 && memcmp(pm->s, "\xEF\xBB\xBF", 3) == 0)
		pm->byte = 3;
}

/* Source line and byte column of character index ci. */
static void
pos_at(struct posmap *pm, size_t ci, int *line, int *col)
{
	if (ci < pm->chars)
		pos_reset(pm);
	while (pm->chars < ci && pm->byte < pm->len) {
		unsigned char c = (unsigned char)pm->s[pm->byte];
		size_t w = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

		if (pm->byte + w > pm->len)
			w = pm->len - pm->byte;
		if (c == '\n') {
			pm->line++;
			pm->col = 1;
		} else
			pm->col += (int)w;
		pm->byte += w;
		pm->chars++;
	}
	*line = pm->line + pm->first_line - 1;
	*col = pm->col;
}

static void PRINTF_LIKE(3, 4)
berror(struct builder *b, yaml_mark_t mark, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int line, col;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	pos_at(&b->pm, mark.index, &line, &col);
	diag_add(b->d, DIAG_ERROR, b->path, line, col, "%s", msg);
	free(msg);
	b->errors++;
}

void
yamlnode_free(struct yamlnode *n)
{
	size_t i, k;

	if (n == NULL)
		return;
	k = n->type == YAMLNODE_MAPPING ? 2 * n->n : n->n;
	for (i = 0; i < k; i++)
		yamlnode_free(n->items[i]);
	free(n->items);
	free(n->text);
	free(n);
}

static struct yamlnode *
node_new(struct builder *b, enum yamlnode_type type, yaml_mark_t mark)
{
	struct yamlnode *n = xcalloc(1, sizeof *n);

	n->type = type;
	pos_at(&b->pm, mark.index, &n->line, &n->col);
	return n;
}

/* Appends a finished node to the open container (or makes it the root),
 * checking mapping keys as they arrive so a duplicate is named at its place. */
static void
attach(struct builder *b, struct yamlnode *n)
{
	struct frame *f;
	struct yamlnode *p;
	size_t i;
	void *items;

	if (b->depth == 0) {
		yamlnode_free(b->root);	/* only after an error */
		b->root = n;
		return;
	}
	f = &b->stack[b->depth - 1];
	p = f->node;
	items = p->items;
	xgrow(&items, &f->cap, f->count + 1, sizeof *p->items);
	p->items = items;
	p->items[f->count++] = n;
	if (p->type == YAMLNODE_SEQUENCE || f->count % 2 == 0) {
		p->n = p->type == YAMLNODE_SEQUENCE ? f->count : f->count / 2;
		return;
	}
	if (n->type != YAMLNODE_SCALAR) {
		diag_add(b->d, DIAG_ERROR, b->path, n->line, n->col,
		    "expected a string as key, got %s", yamlnode_type_name(n));
		b->errors++;
		return;
	}
	for (i = 0; i + 1 < f->count; i += 2) {
		const struct yamlnode *o = p->items[i];
		if (o->type == YAMLNODE_SCALAR && o->len == n->len &&
		    memcmp(o->text, n->text, n->len) == 0) {
			diag_add(b->d, DIAG_ERROR, b->path, n->line, n->col,
			    "duplicate key \"%s\" (first at line %d)", n->text, o->line);
			b->errors++;
			break;
		}
	}
}

/* Closes the innermost container and hands it to its parent. */
static void
close_container(struct builder *b)
{
	struct frame *f = &b->stack[--b->depth];

	/* A key without its value is possible only when parsing stopped early. */
	if (f->node->type == YAMLNODE_MAPPING && f->count % 2 == 1)
		yamlnode_free(f->node->items[--f->count]);
	attach(b, f->node);
}

static bool
check_tag(struct builder *b, const yaml_char_t *tag, yaml_mark_t mark)
{
	if (tag == NULL)
		return true;
	/* Show the tag as written, "!!str", not as resolved. */
	if (strncmp((const char *)tag, "tag:yaml.org,2002:", 18) == 0)
		berror(b, mark, "tags are not supported (\"!!%s\")", (const char *)tag + 18);
	else
		berror(b, mark, "tags are not supported (\"%s\")", (const char *)tag);
	return false;
}

/* Reports the parser's failure; returns nothing, the caller stops. */
static void
syntax_error(struct builder *b, yaml_parser_t *p)
{
	int line, col;

	if (p->error == YAML_MEMORY_ERROR) {
		diag_add(b->d, DIAG_ERROR, b->path, 0, 0, "out of memory parsing YAML");
		b->errors++;
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		/* The reader counts bytes, not characters. */
		size_t off = p->problem_offset < b->pm.len ? p->problem_offset : b->pm.len;
		offset_to_linecol(b->pm.s, off, &line, &col);
		diag_add(b->d, DIAG_ERROR, b->path, line + b->pm.first_line - 1, col,
		    "%s", p->problem ? p->problem : "unreadable YAML");
		b->errors++;
		return;
	}
	pos_at(&b->pm, p->problem_mark.index, &line, &col);
	if (b->pm.byte < b->pm.len && b->pm.s[b->pm.byte] == '\t') {
		/* libyaml's two tab messages both hide the usual cause. */
		diag_add(b->d, DIAG_ERROR, b->path, line, col,
		    "tab character: indent YAML with spaces");
	} else if (p->context != NULL) {
		int cline, ccol;
		pos_at(&b->pm, p->context_mark.index, &cline, &ccol);
		diag_add(b->d, DIAG_ERROR, b->path, line, col, "%s (%s at line %d)",
		    p->problem ? p->problem : "syntax error", p->context, cline);
	} else
		diag_add(b->d, DIAG_ERROR, b->path, line, col, "%s",
		    p->problem ? p->problem : "syntax error");
	b->errors++;
}

/* Handles one event; false when parsing must stop. */
static bool
on_event(struct builder *b, yaml_event_t *e, int *docs)
{
	struct yamlnode *n;

	switch (e->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs > 1) {
			berror(b, e->start_mark, "only one YAML document is allowed");
			return false;
		}
		return true;
	case YAML_ALIAS_EVENT:
		/* One message for all: an alias bomb holds thousands of them. */
		if (b->aliases++ == 0)
			pos_at(&b->pm, e->start_mark.index, &b->alias_line, &b->alias_col);
		b->errors++;
		/* A null stands in so that keys and values stay paired. */
		n = node_new(b, YAMLNODE_SCALAR, e->start_mark);
		n->text = xstrdup("");
		attach(b, n);
		return true;
	case YAML_SCALAR_EVENT:
		n = node_new(b, YAMLNODE_SCALAR, e->start_mark);
		check_tag(b, e->data.scalar.tag, e->start_mark);
		n->text = xstrndup((const char *)e->data.scalar.value, e->data.scalar.length);
		n->len = e->data.scalar.length;
		n->quoted = e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
		attach(b, n);
		return true;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (b->depth == YAMLNODE_MAX_DEPTH) {
			berror(b, e->start_mark, "nesting deeper than %d levels",
			    YAMLNODE_MAX_DEPTH);
			return false;
		}
		n = node_new(b, e->type == YAML_MAPPING_START_EVENT ? YAMLNODE_MAPPING :
		    YAMLNODE_SEQUENCE, e->start_mark);
		check_tag(b, e->type == YAML_MAPPING_START_EVENT ? e->data.mapping_start.tag :
		    e->data.sequence_start.tag, e->start_mark);
		b->stack[b->depth].node = n;
		b->stack[b->depth].count = 0;
		b->stack[b->depth].cap = 0;
		b->depth++;
		return true;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		close_container(b);
		return true;
	default:
		return true;
	}
}

int
yamlnode_parse(const char *text, size_t len, int first_line, const char *path,
    struct diag *d, struct yamlnode **root)
{
	struct builder b;
	yaml_parser_t p;
	size_t bad;
	int docs = 0;

	*root = NULL;
	memset(&b, 0, sizeof b);
	b.pm.s = text;
	b.pm.len = len;
	b.pm.first_line = first_line;
	pos_reset(&b.pm);
	b.path = path;
	b.d = d;

	/* libyaml's own check reports a byte offset without naming the byte. */
	if ((bad = utf8_invalid_offset(text, len)) < len) {
		int line, col;
		offset_to_linecol(text, bad, &line, &col);
		diag_add(d, DIAG_ERROR, path, line + first_line - 1, col,
		    "invalid UTF-8 (byte 0x%02x)", (unsigned char)text[bad]);
		return 1;
	}
	if (!yaml_parser_initialize(&p)) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory parsing YAML");
		return 1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	for (;;) {
		yaml_event_t e;
		bool go;

		if (!yaml_parser_parse(&p, &e)) {
			syntax_error(&b, &p);
			break;
		}
		go = on_event(&b, &e, &docs);
		if (e.type == YAML_STREAM_END_EVENT)
			go = false;
		yaml_event_delete(&e);
		if (!go)
			break;
	}
	yaml_parser_delete(&p);
	if (b.aliases == 1)
		diag_add(d, DIAG_ERROR, path, b.alias_line, b.alias_col,
		    "aliases are not supported");
	else if (b.aliases > 1)
		diag_add(d, DIAG_ERROR, path, b.alias_line, b.alias_col,
		    "aliases are not supported (%d in this file)", b.aliases);
	/* Containers left open by a stopped parse belong to nobody yet. */
	while (b.depth > 0)
		close_container(&b);
	if (b.errors > 0) {
		yamlnode_free(b.root);
		return b.errors;
	}
	*root = b.root;
	return 0;
}

const struct yamlnode *
yamlnode_key(const struct yamlnode *map, size_t i)
{
	return map->items[2 * i];
}

const struct yamlnode *
yamlnode_value(const struct yamlnode *map, size_t i)
{
	return map->items[2 * i + 1];
}

const struct yamlnode *
yamlnode_get(const struct yamlnode *map, const char *key)
{
	size_t i;

	if (map == NULL || map->type != YAMLNODE_MAPPING)
		return NULL;
	for (i = 0; i < map->n; i++) {
		const struct yamlnode *k = map->items[2 * i];
		if (k->type == YAMLNODE_SCALAR && strcmp(k->text, key) == 0)
			return map->items[2 * i + 1];
	}
	return NULL;
}

bool
yamlnode_is_null(const struct yamlnode *n)
{
	static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
	size_t i;

	if (n == NULL || n->type != YAMLNODE_SCALAR || n->quoted)
		return false;
	for (i = 0; i < sizeof nulls / sizeof *nulls; i++)
		if (strcmp(n->text, nulls[i]) == 0)
			return true;
	return false;
}

const char *
yamlnode_type_name(const struct yamlnode *n)
{
	switch (n->type) {
	case YAMLNODE_MAPPING:
		return "a mapping";
	case YAMLNODE_SEQUENCE:
		return "a list";
	default:
		return "a string";
	}
}

/* ---- checked access for schemas ---- */

void
yamlnode_report(struct yamlcheck *c, enum diag_level level, const struct yamlnode *at,
    const char *kp, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (c->prefix != NULL)
		diag_add(c->d, level, c->path, at ? at->line : 0, at ? at->col : 0,
		    "%s%s%s: %s", c->prefix, kp != NULL && *kp != '\0' ? "." : "",
		    kp != NULL ? kp : "", msg);
	else if (kp != NULL && *kp != '\0')
		diag_add(c->d, level, c->path, at ? at->line : 0, at ? at->col : 0,
		    "%s: %s", kp, msg);
	else
		diag_add(c->d, level, c->path, at ? at->line : 0, at ? at->col : 0,
		    "%s", msg);
	free(msg);
	if (level == DIAG_ERROR)
		c->errors++;
}

#define ERR(c, at, kp, ...) yamlnode_report(c, DIAG_ERROR, at, kp, __VA_ARGS__)
#define WARN(c, at, kp, ...) yamlnode_report(c, DIAG_WARNING, at, kp, __VA_ARGS__)

static int
cmp_entry(const void *pa, const void *pb)
{
	const struct diag_entry *a = *(const struct diag_entry *const *)pa;
	const struct diag_entry *b = *(const struct diag_entry *const *)pb;

	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a < b ? -1 : a > b;	/* entries are contiguous: keeps found order */
}

void
yamlnode_check_init(struct yamlcheck *c, const char *path)
{
	memset(c, 0, sizeof *c);
	c->path = path;
	c->d = diag_new();
}

/* Moves the private diagnostics into d in order of position; frees them. */
void
yamlnode_check_finish(struct yamlcheck *c, struct diag *d)
{
	size_t i, n = diag_len(c->d);
	const struct diag_entry **v = xcalloc(n + 1, sizeof *v);

	for (i = 0; i < n; i++)
		v[i] = diag_get(c->d, i);
	qsort(v, n, sizeof *v, cmp_entry);
	for (i = 0; i < n; i++)
		diag_add(d, v[i]->level, v[i]->file, v[i]->line, v[i]->col, "%s",
		    v[i]->message);
	free(v);
	diag_free(c->d);
	c->d = NULL;
}

/* A value for messages: "\"text\"" (shortened) or "a mapping" / "a list". */
const char *
yamlnode_show(struct yamlcheck *c, const struct yamlnode *n)
{
	size_t i, o = 0, max = sizeof c->shown - 6;

	if (n->type != YAMLNODE_SCALAR)
		return yamlnode_type_name(n);
	c->shown[o++] = '"';
	for (i = 0; i < n->len && o < max; i++) {
		unsigned char ch = (unsigned char)n->text[i];
		/* Never cut a UTF-8 sequence: stop before a lead byte near the end. */
		if (ch >= 0xC0 && o + 4 >= max)
			break;
		c->shown[o++] = ch == '\n' || ch == '\t' ? ' ' : (char)ch;
	}
	if (i < n->len) {
		memcpy(c->shown + o, "...", 3);
		o += 3;
	}
	c->shown[o++] = '"';
	c->shown[o] = '\0';
	return c->shown;
}

/* "kp.key", or "key" at the top; the caller frees. */
char *
yamlnode_path(const char *kp, const char *key)
{
	return *kp ? xasprintf("%s.%s", kp, key) : xstrdup(key);
}

/* Warns about every key of map not in the NULL-terminated list known. */
void
yamlnode_check_keys(struct yamlcheck *c, const struct yamlnode *map, const char *kp,
    const char *const *known)
{
	size_t i;
	const char *const *k;

	for (i = 0; i < map->n; i++) {
		const struct yamlnode *key = yamlnode_key(map, i);
		for (k = known; *k != NULL && strcmp(*k, key->text) != 0; k++)
			;
		if (*k == NULL) {
			const char *near = suggest_closest(key->text, known);
			yamlnode_report(c, c->strict ? DIAG_ERROR : DIAG_WARNING, key, kp,
			    "unknown key \"%s\"%s%s%s", key->text,
			    near != NULL ? "; did you mean \"" : "", near != NULL ? near : "",
			    near != NULL ? "\"?" : "");
		}
	}
}

/* The value of key in map; NULL when absent or null, with an error if the key
 * is required. */
const struct yamlnode *
yamlnode_field(struct yamlcheck *c, const struct yamlnode *map, const char *kp,
    const char *key, bool required)
{
	const struct yamlnode *v = yamlnode_get(map, key);

	if (v != NULL && !yamlnode_is_null(v))
		return v;
	if (required) {
		if (v == NULL)
			ERR(c, map, kp, "missing key \"%s\"", key);
		else {
			char *p = yamlnode_path(kp, key);
			ERR(c, v, p, "no value given");
			free(p);
		}
	}
	return NULL;
}

/* The scalar value of key (see field), or NULL; anything else is an error
 * saying that expect was expected. */
const struct yamlnode *
yamlnode_scalar(struct yamlcheck *c, const struct yamlnode *map, const char *kp,
    const char *key, bool required, const char *expect)
{
	const struct yamlnode *v = yamlnode_field(c, map, kp, key, required);
	char *p;

	if (v == NULL || v->type == YAMLNODE_SCALAR)
		return v;
	p = yamlnode_path(kp, key);
	ERR(c, v, p, "expected %s, got %s", expect, yamlnode_type_name(v));
	free(p);
	return NULL;
}

/* A copy of the string value of key, or NULL. */
char *
yamlnode_string(struct yamlcheck *c, const struct yamlnode *map, const char *kp,
    const char *key, bool required)
{
	const struct yamlnode *v = yamlnode_scalar(c, map, kp, key, required, "a string");

	return v != NULL ? xstrdup(v->text) : NULL;
}

/* Decimal numbers only: YAML's hex, octal and .inf have no place here. */
static bool
parse_number(const char *s, double *out)
{
	const char *p = s;
	size_t digits = 0;

	if (*p == '+' || *p == '-')
		p++;
	for (; *p >= '0' && *p <= '9'; p++)
		digits++;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits++;
	if (digits == 0 || *p != '\0' || digits > 15)
		return false;
	*out = strtod(s, NULL);
	return true;
}

/* Number of key within [lo, hi] (hi may be INFINITY) into *out; false when
 * absent or wrong. */
bool
yamlnode_number(struct yamlcheck *c, const struct yamlnode *map, const char *kp,
    const char *key, bool required, double lo, double hi, double *out)
{
	char expect[64];
	const struct yamlnode *v;
	double x;
	char *p;

	if (isinf(hi))
		snprintf(expect, sizeof expect, "a number >= %g", lo);
	else
		snprintf(expect, sizeof expect, "a number from %g to %g", lo, hi);
	if ((v = yamlnode_scalar(c, map, kp, key, required, expect)) == NULL)
		return false;
	if (parse_number(v->text, &x) && x >= lo && x <= hi) {
		*out = x;
		return true;
	}
	p = yamlnode_path(kp, key);
	ERR(c, v, p, "expected %s, got %s", expect, yamlnode_show(c, v));
	free(p);
	return false;
}

/* Index in the NULL-terminated choices of key's value (case-insensitive), or
 * -1 when absent or not one of them. */
int
yamlnode_choice(struct yamlcheck *c, const struct yamlnode *map, const char *kp,
    const char *key, bool required, const char *const *choices)
{
	struct strbuf sb = {0};
	const struct yamlnode *v;
	int i, n;
	char *p;

	for (n = 0; choices[n] != NULL; n++) {
		if (n > 0)
			strbuf_puts(&sb, choices[n + 1] == NULL ? " or " : ", ");
		strbuf_puts(&sb, choices[n]);
	}
	v = yamlnode_scalar(c, map, kp, key, required, sb.data);
	for (i = 0; v != NULL && i < n; i++)
		if (strcasecmp(v->text, choices[i]) == 0) {
			strbuf_free(&sb);
			return i;
		}
	if (v != NULL) {
		p = yamlnode_path(kp, key);
		ERR(c, v, p, "expected %s, got %s", sb.data, yamlnode_show(c, v));
		free(p);
	}
	strbuf_free(&sb);
	return -1;
}

