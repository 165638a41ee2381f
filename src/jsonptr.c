/* jsonptr.c: RFC 6901 JSON Pointers over cJSON trees, plus "../" for mapping files. */
#include "jsonptr.h"

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

/* An array index token: "0" or digits without a leading zero (RFC 6901 §4);
 * "-" (past the end) never exists when reading, so it is no index. */
static long
token_index(const char *t)
{
	long v = 0;
	const char *s;

	if (t[0] == '\0' || (t[0] == '0' && t[1] != '\0'))
		return -1;
	for (s = t; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > 100000000L)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* Decodes one reference token of n bytes; NULL when a "~" is not "~0"/"~1". */
static char *
token_decode(const char *s, size_t n)
{
	char *out = xmalloc(n + 1), *o = out;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] != '~') {
			*o++ = s[i];
			continue;
		}
		if (i + 1 >= n || (s[i + 1] != '0' && s[i + 1] != '1')) {
			free(out);
			return NULL;
		}
		*o++ = s[++i] == '0' ? '~' : '/';
	}
	*o = '\0';
	return out;
}

const char *
jsonptr_compile(const char *text, int allow_up, struct jsonptr *p)
{
	const char *s = text;
	int cap = 0;

	memset(p, 0, sizeof *p);
	/* "../" steps (a bare ".." is the parent itself); what follows them is
	 * a pointer whose leading "/" the step already supplied. */
	while (s[0] == '.' && s[1] == '.' && (s[2] == '/' || s[2] == '\0')) {
		if (!allow_up)
			return "\"..\" (a parent record) is only allowed with \"each\"";
		p->up++;
		s += s[2] == '/' ? 3 : 2;
		if (*s == '\0')
			return NULL;
		if (!(s[0] == '.' && s[1] == '.' && (s[2] == '/' || s[2] == '\0')))
			s--;		/* back onto the '/' */
	}
	if (*s == '\0')
		return NULL;
	if (*s != '/') {
		jsonptr_free(p);
		return "a JSON Pointer is empty or starts with \"/\"";
	}
	while (*s == '/') {
		size_t n = strcspn(s + 1, "/");
		char *t = token_decode(s + 1, n);

		if (t == NULL) {
			jsonptr_free(p);
			return "\"~\" must be followed by 0 or 1 in a JSON Pointer";
		}
		if (p->ntok == cap) {
			cap = cap ? cap * 2 : 4;
			p->tok = xrealloc(p->tok, (size_t)cap * sizeof *p->tok);
			p->index = xrealloc(p->index, (size_t)cap * sizeof *p->index);
			p->hint = xrealloc(p->hint, (size_t)cap * sizeof *p->hint);
		}
		p->hint[p->ntok] = 0;
		p->index[p->ntok] = token_index(t);
		p->tok[p->ntok++] = t;
		s += n + 1;
	}
	return NULL;
}

void
jsonptr_free(struct jsonptr *p)
{
	int i;

	for (i = 0; i < p->ntok; i++)
		free(p->tok[i]);
	free(p->tok);
	free(p->index);
	free(p->hint);
	memset(p, 0, sizeof *p);
}

/* Member named exactly t (case-sensitive). The records of one export share
 * their key order: *hint, the position of the last match, is tried first,
 * saving a strcmp per member on the way. Of duplicate names (RFC 8259: they
 * SHOULD be unique) either may be found. */
static const cJSON *
member(const cJSON *obj, const char *t, int *hint)
{
	const cJSON *c;
	int k;

	for (c = obj->child, k = 0; c != NULL && k < *hint; c = c->next, k++)
		;
	if (c != NULL && c->string != NULL && strcmp(c->string, t) == 0)
		return c;
	for (c = obj->child, k = 0; c != NULL; c = c->next, k++)
		if (c->string != NULL && strcmp(c->string, t) == 0) {
			*hint = k;
			return c;
		}
	return NULL;
}

static const cJSON *
walk(const cJSON *v, const struct jsonptr *p)
{
	int i;

	for (i = 0; i < p->ntok && v != NULL; i++) {
		if (cJSON_IsObject(v))
			v = member(v, p->tok[i], &p->hint[i]);
		else if (cJSON_IsArray(v) && p->index[i] >= 0)
			v = cJSON_GetArrayItem(v, (int)p->index[i]);
		else
			v = NULL;
	}
	return v;
}

const cJSON *
jsonptr_eval(const struct jsonptr *p, const cJSON *const *stack, int depth)
{
	if (depth - 1 - p->up < 0)
		return NULL;
	return walk(stack[depth - 1 - p->up], p);
}

const cJSON *
jsonptr_get(const cJSON *root, const char *text)
{
	struct jsonptr p;
	const cJSON *v;

	if (jsonptr_compile(text, 0, &p) != NULL)
		return NULL;
	v = walk(root, &p);
	jsonptr_free(&p);
	return v;
}

void
jsonptr_append(struct strbuf *sb, const char *token)
{
	strbuf_putc(sb, '/');
	for (; *token != '\0'; token++) {
		if (*token == '~')
			strbuf_puts(sb, "~0");
		else if (*token == '/')
			strbuf_puts(sb, "~1");
		else
			strbuf_putc(sb, *token);
	}
}

void
jsonptr_append_index(struct strbuf *sb, size_t i)
{
	strbuf_printf(sb, "/%zu", i);
}
