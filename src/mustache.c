/* mustache.c: a Mustache engine over cJSON — templates are compiled once into a
 * node tree (standalone lines already stripped), then rendered against a
 * stack of contexts. */
#include "mustache.h"

#include <cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "html.h"
#include "util.h"

#define MAX_DELIM 15		/* longest delimiter we accept */
#define MAX_PARTIAL_DEPTH 64

enum node_type { N_TEXT, N_VAR, N_RAW, N_SECTION, N_INVERTED, N_PARTIAL };

struct node;
struct nodelist {
	struct node *v;
	size_t n, cap;
};

struct node {
	enum node_type type;
	char *s;		/* text, or the tag's name */
	size_t len;
	char *indent;		/* standalone partial: the indentation, else NULL */
	int line, col;		/* of the tag, for errors */
	struct nodelist kids;	/* sections */
};

/* One compiled template; key is indent + "\n" + name, since the same partial
 * at two indentations compiles to two trees. */
struct compiled {
	struct compiled *next;
	char *key;
	const char *name;	/* points into key */
	struct nodelist nodes;
};

struct mustache {
	mustache_loader load;
	void *ctx;
	struct compiled *cache;
};

static void
set_error(struct mustache_error *err, const char *where, const char *src, size_t off,
    const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return;
	snprintf(err->where, sizeof err->where, "%s", where);
	err->line = err->col = 0;
	if (src != NULL)
		offset_to_linecol(src, off, &err->line, &err->col);
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
}

static struct node *
add_node(struct nodelist *l, enum node_type type, const char *s, size_t len)
{
	struct node *n;

	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
	n = &l->v[l->n++];
	memset(n, 0, sizeof *n);
	n->type = type;
	n->s = xstrndup(s, len);
	n->len = len;
	return n;
}

static void
free_list(struct nodelist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].s);
		free(l->v[i].indent);
		free_list(&l->v[i].kids);
	}
	free(l->v);
	*l = (struct nodelist){0};
}

/* ---- compiling ---- */

struct parser {
	const char *src, *where;
	size_t len;
	char otag[MAX_DELIM + 1], ctag[MAX_DELIM + 1];
	size_t olen, clen;
	struct mustache_error *err;
};

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool
is_space(char c)
{
	return is_blank(c) || c == '\n' || c == '\r';
}

/* First occurrence of needle in s[from..len), or len. */
static size_t
find(const char *s, size_t from, size_t len, const char *needle, size_t nlen)
{
	const char *hit;

	if (nlen == 0)
		return len;
	/* memmem is a GNU extension; templates are small, so memchr on the first byte. */
	while (from + nlen <= len && (hit = memchr(s + from, needle[0], len - nlen + 1 - from)) != NULL) {
		if (memcmp(hit, needle, nlen) == 0)
			return (size_t)(hit - s);
		from = (size_t)(hit - s) + 1;
	}
	return len;
}

/* Trims s[*a..*b) of white space. */
static void
trim(const char *s, size_t *a, size_t *b)
{
	while (*a < *b && is_space(s[*a]))
		(*a)++;
	while (*b > *a && is_space(s[*b - 1]))
		(*b)--;
}

/* The "{{=<% %>=}}" tag: content is what lies between the two '='. */
static int
set_delimiters(struct parser *p, size_t a, size_t b, size_t tag_off)
{
	size_t s1, e1, s2, e2;

	trim(p->src, &a, &b);
	s1 = e1 = a;
	while (e1 < b && !is_space(p->src[e1]))
		e1++;
	s2 = e1;
	while (s2 < b && is_space(p->src[s2]))
		s2++;
	e2 = s2;
	while (e2 < b && !is_space(p->src[e2]))
		e2++;
	if (e1 == s1 || e2 == s2 || e2 != b || e1 - s1 > MAX_DELIM || e2 - s2 > MAX_DELIM ||
	    memchr(p->src + s1, '=', e1 - s1) != NULL || memchr(p->src + s2, '=', e2 - s2) != NULL) {
		set_error(p->err, p->where, p->src, tag_off,
		    "bad delimiters: want two words without '=' or spaces, at most %d bytes each",
		    MAX_DELIM);
		return -1;
	}
	memcpy(p->otag, p->src + s1, e1 - s1);
	p->otag[e1 - s1] = '\0';
	p->olen = e1 - s1;
	memcpy(p->ctag, p->src + s2, e2 - s2);
	p->ctag[e2 - s2] = '\0';
	p->clen = e2 - s2;
	return 0;
}

static void
add_text(struct nodelist *l, const char *s, size_t a, size_t b)
{
	if (b > a)
		add_node(l, N_TEXT, s + a, b - a);
}

/* Compiles src into out. Returns 0, or -1 with p->err set. */
static int
compile(struct parser *p, struct nodelist *out)
{
	const char *src = p->src;
	size_t len = p->len, pos = 0, depth = 0, cap = 0;
	struct node **stack = NULL;	/* open sections */
	int rc = -1;

	for (;;) {
		struct nodelist *cur = depth > 0 ? &stack[depth - 1]->kids : out;
		size_t ts = find(src, pos, len, p->otag, p->olen), in, a, b, te, ls, e, next;
		char kind, closer[MAX_DELIM + 2];
		size_t closerlen;
		bool standalone = false;
		struct node *n;

		if (ts == len) {
			add_text(cur, src, pos, len);
			break;
		}
		in = ts + p->olen;
		kind = in < len ? src[in] : '\0';
		if (kind == '{' || kind == '=') {
			closer[0] = kind == '{' ? '}' : '=';
			memcpy(closer + 1, p->ctag, p->clen + 1);
			closerlen = p->clen + 1;
		} else {
			memcpy(closer, p->ctag, p->clen + 1);
			closerlen = p->clen;
		}
		a = strchr("#^/>!={&", kind) != NULL && kind != '\0' ? in + 1 : in;
		b = find(src, a, len, closer, closerlen);
		if (b == len) {
			set_error(p->err, p->where, src, ts, "tag opened here is not closed with '%s'",
			    closer);
			goto out;
		}
		te = b + closerlen;
		if (kind != '\0' && strchr("#^/>!=", kind) != NULL) {
			/* Standalone: only blanks between the line's start and the tag, and
			 * between the tag and the line's end; the whole line disappears. */
			ls = ts;
			while (ls > pos && is_blank(src[ls - 1]))
				ls--;
			e = te;
			while (e < len && is_blank(src[e]))
				e++;
			standalone = (ls == 0 || src[ls - 1] == '\n') &&
			    (e == len || src[e] == '\n' ||
			    (src[e] == '\r' && e + 1 < len && src[e + 1] == '\n'));
		}
		if (standalone) {
			add_text(cur, src, pos, ls);
			next = e == len ? len : src[e] == '\r' ? e + 2 : e + 1;
		} else {
			add_text(cur, src, pos, ts);
			ls = ts;
			next = te;
		}
		if (kind == '=') {
			if (set_delimiters(p, a, b, ts) != 0)
				goto out;
			pos = next;
			continue;
		}
		if (kind == '!') {
			pos = next;
			continue;
		}
		trim(src, &a, &b);
		if (a == b) {
			set_error(p->err, p->where, src, ts, "tag without a name");
			goto out;
		}
		switch (kind) {
		case '#':
		case '^':
			n = add_node(cur, kind == '#' ? N_SECTION : N_INVERTED, src + a, b - a);
			offset_to_linecol(src, ts, &n->line, &n->col);
			xgrow((void **)&stack, &cap, depth + 1, sizeof *stack);
			stack[depth++] = n;
			break;
		case '/':
			if (depth == 0) {
				set_error(p->err, p->where, src, ts,
				    "'%.*s' closes a section that was never opened", (int)(b - a), src + a);
				goto out;
			}
			n = stack[depth - 1];
			if (n->len != b - a || memcmp(n->s, src + a, n->len) != 0) {
				set_error(p->err, p->where, src, ts,
				    "'%.*s' closes section '%s' opened at %d:%d", (int)(b - a), src + a,
				    n->s, n->line, n->col);
				goto out;
			}
			depth--;
			break;
		case '>':
			n = add_node(cur, N_PARTIAL, src + a, b - a);
			offset_to_linecol(src, ts, &n->line, &n->col);
			if (standalone && ts > ls)
				n->indent = xstrndup(src + ls, ts - ls);
			break;
		default:
			n = add_node(cur, kind == '{' || kind == '&' ? N_RAW : N_VAR, src + a, b - a);
			offset_to_linecol(src, ts, &n->line, &n->col);
			break;
		}
		pos = next;
	}
	if (depth > 0) {
		struct node *n = stack[depth - 1];
		set_error(p->err, p->where, NULL, 0, "section '%s' is not closed", n->s);
		p->err->line = n->line;
		p->err->col = n->col;
		goto out;
	}
	rc = 0;
out:
	free(stack);
	if (rc != 0)
		free_list(out);
	return rc;
}

static int
compile_text(const char *src, size_t len, const char *where, struct nodelist *out,
    struct mustache_error *err)
{
	struct mustache_error dummy;
	struct parser p = { .src = src, .where = where, .len = len, .otag = "{{", .ctag = "}}",
	    /* cppcheck-suppress uninitvar ; only dummy's address is taken: errors
	     * are written through it, never read before */
	    .olen = 2, .clen = 2, .err = err != NULL ? err : &dummy };

	*out = (struct nodelist){0};
	return compile(&p, out);
}

/* Every line of a standalone partial carries the tag's indentation (spec:
 * "Standalone Indentation"); simplest done on the source before compiling. */
static char *
indent_source(const char *src, size_t len, const char *indent, size_t *outlen)
{
	struct strbuf sb = {0};
	size_t i, start = 0;

	for (i = 0; i < len; i++)
		if (src[i] == '\n') {
			strbuf_puts(&sb, indent);
			strbuf_append(&sb, src + start, i + 1 - start);
			start = i + 1;
		}
	if (start < len) {
		strbuf_puts(&sb, indent);
		strbuf_append(&sb, src + start, len - start);
	}
	return strbuf_detach(&sb, outlen);
}

/* The compiled template for name at indentation indent ("" for none), from
 * the cache or the loader. NULL with *missing set when the loader has no such
 * template; NULL with err set when it does not compile. */
static const struct nodelist *
get_compiled(struct mustache *mu, const char *name, const char *indent, bool *missing,
    struct mustache_error *err)
{
	struct compiled *c;
	char *key = xasprintf("%s\n%s", indent, name);
	const char *src;
	char *indented = NULL;
	size_t len;
	int rc;

	*missing = false;
	for (c = mu->cache; c != NULL; c = c->next)
		if (strcmp(c->key, key) == 0) {
			free(key);
			return &c->nodes;
		}
	src = mu->load != NULL ? mu->load(mu->ctx, name, &len) : NULL;
	if (src == NULL) {
		*missing = true;
		free(key);
		return NULL;
	}
	if (indent[0] != '\0')
		src = indented = indent_source(src, len, indent, &len);
	c = xcalloc(1, sizeof *c);
	c->key = key;
	c->name = key + strlen(indent) + 1;
	rc = compile_text(src, len, c->name, &c->nodes, err);
	free(indented);
	if (rc != 0) {
		free(c->key);
		free(c);
		return NULL;
	}
	c->next = mu->cache;
	mu->cache = c;
	return &c->nodes;
}

struct mustache *
mustache_new(mustache_loader load, void *ctx)
{
	struct mustache *mu = xcalloc(1, sizeof *mu);

	mu->load = load;
	mu->ctx = ctx;
	return mu;
}

void
mustache_free(struct mustache *mu)
{
	if (mu == NULL)
		return;
	while (mu->cache != NULL) {
		struct compiled *next = mu->cache->next;
		free_list(&mu->cache->nodes);
		free(mu->cache->key);
		free(mu->cache);
		mu->cache = next;
	}
	free(mu);
}

/* ---- rendering ---- */

struct render {
	struct mustache *mu;
	struct strbuf out;
	const cJSON **stack;	/* contexts, innermost last */
	size_t depth, cap;
	int partials;		/* partials being rendered, nested */
	const char *where;	/* template being rendered, for errors */
	struct mustache_error *err;
};

/* Member name[0..n) of object o, or NULL. */
static const cJSON *
member(const cJSON *o, const char *name, size_t n)
{
	const cJSON *c;

	if (!cJSON_IsObject(o))
		return NULL;
	for (c = o->child; c != NULL; c = c->next)
		if (c->string != NULL && strncmp(c->string, name, n) == 0 && c->string[n] == '\0')
			return c;
	return NULL;
}

/* Resolves "." or a dotted name: the first part is searched from the innermost
 * context outwards, the rest only inside what the first part found. */
static const cJSON *
lookup(const struct render *r, const char *name)
{
	const char *dot;
	const cJSON *v = NULL;
	size_t i, n;

	if (strcmp(name, ".") == 0)
		return r->depth > 0 ? r->stack[r->depth - 1] : NULL;
	dot = strchr(name, '.');
	n = dot != NULL ? (size_t)(dot - name) : strlen(name);
	for (i = r->depth; i > 0 && v == NULL; i--)
		v = member(r->stack[i - 1], name, n);
	while (v != NULL && dot != NULL) {
		name = dot + 1;
		dot = strchr(name, '.');
		n = dot != NULL ? (size_t)(dot - name) : strlen(name);
		v = member(v, name, n);
	}
	return v;
}

/* False, null, missing, an empty list, an empty string and the number 0 hide
 * a section (as in mustache.js), so that templates can test counts. */
static bool
falsey(const cJSON *v)
{
	return v == NULL || cJSON_IsNull(v) || cJSON_IsFalse(v) ||
	    (cJSON_IsNumber(v) && v->valuedouble == 0) ||
	    (cJSON_IsArray(v) && v->child == NULL) ||
	    (cJSON_IsString(v) && v->valuestring[0] == '\0');
}

static void
put_value(struct render *r, const cJSON *v, bool escape)
{
	char buf[40];
	const char *s = NULL;

	if (cJSON_IsString(v))
		s = v->valuestring;
	else if (cJSON_IsNumber(v)) {
		double d = v->valuedouble;
		if (d == floor(d) && fabs(d) < 1e15)
			snprintf(buf, sizeof buf, "%.0f", d);
		else
			snprintf(buf, sizeof buf, "%.15g", d);
		s = buf;
	} else if (cJSON_IsTrue(v))
		s = "true";
	else if (cJSON_IsFalse(v))
		s = "false";
	if (s == NULL)
		return;
	if (escape)
		html_escape(&r->out, s);
	else
		strbuf_puts(&r->out, s);
}

static void
push(struct render *r, const cJSON *v)
{
	xgrow((void **)&r->stack, &r->cap, r->depth + 1, sizeof *r->stack);
	r->stack[r->depth++] = v;
}

static int render_list(struct render *r, const struct nodelist *l);

static int
render_partial(struct render *r, const struct node *n)
{
	const struct nodelist *l;
	const char *saved = r->where;
	bool missing;
	int rc;

	if (r->partials >= MAX_PARTIAL_DEPTH) {
		set_error(r->err, r->where, NULL, 0, "partials nested deeper than %d (at '%s')",
		    MAX_PARTIAL_DEPTH, n->s);
		r->err->line = n->line;
		r->err->col = n->col;
		return -1;
	}
	l = get_compiled(r->mu, n->s, n->indent != NULL ? n->indent : "", &missing, r->err);
	if (l == NULL)
		return missing ? 0 : -1;	/* a missing partial renders as nothing */
	r->partials++;
	r->where = n->s;
	rc = render_list(r, l);
	r->where = saved;
	r->partials--;
	return rc;
}

static int
render_list(struct render *r, const struct nodelist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct node *n = &l->v[i];
		const cJSON *v, *e;

		switch (n->type) {
		case N_TEXT:
			strbuf_append(&r->out, n->s, n->len);
			break;
		case N_VAR:
		case N_RAW:
			put_value(r, lookup(r, n->s), n->type == N_VAR);
			break;
		case N_SECTION:
			v = lookup(r, n->s);
			if (falsey(v))
				break;
			if (cJSON_IsArray(v)) {
				cJSON_ArrayForEach(e, v) {
					push(r, e);
					if (render_list(r, &n->kids) != 0)
						return -1;
					r->depth--;
				}
			} else {
				push(r, v);
				if (render_list(r, &n->kids) != 0)
					return -1;
				r->depth--;
			}
			break;
		case N_INVERTED:
			if (falsey(lookup(r, n->s)) && render_list(r, &n->kids) != 0)
				return -1;
			break;
		case N_PARTIAL:
			if (render_partial(r, n) != 0)
				return -1;
			break;
		}
	}
	return 0;
}

static char *
render_root(struct mustache *mu, const struct nodelist *l, const char *where,
    const cJSON *data, struct mustache_error *err)
{
	struct mustache_error dummy;
	/* cppcheck-suppress uninitvar ; only dummy's address is taken: errors are
	 * written through it, never read before */
	struct render r = { .mu = mu, .where = where, .err = err != NULL ? err : &dummy };
	int rc;

	push(&r, data);
	rc = render_list(&r, l);
	free(r.stack);
	if (rc != 0) {
		strbuf_free(&r.out);
		return NULL;
	}
	return strbuf_detach(&r.out, NULL);
}

char *
mustache_render_name(struct mustache *mu, const char *name, const cJSON *data,
    struct mustache_error *err)
{
	const struct nodelist *l;
	bool missing;

	l = get_compiled(mu, name, "", &missing, err);
	if (l == NULL) {
		if (missing)
			set_error(err, name, NULL, 0, "no template named '%s'", name);
		return NULL;
	}
	return render_root(mu, l, name, data, err);
}

char *
mustache_render(struct mustache *mu, const char *text, size_t len, const cJSON *data,
    struct mustache_error *err)
{
	struct nodelist l;
	char *s;

	if (compile_text(text, len, "", &l, err) != 0)
		return NULL;
	s = render_root(mu, &l, "", data, err);
	free_list(&l);
	return s;
}
