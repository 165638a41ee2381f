/* diag.c: collected diagnostics, printed mandoc-style as file:line:col: level: msg. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

struct diag {
	struct diag_entry *v;
	size_t n, cap;
	size_t count[2];
};

struct diag *
diag_new(void)
{
	return xcalloc(1, sizeof(struct diag));
}

void
diag_free(struct diag *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].message);
	}
	free(d->v);
	free(d);
}

void
diag_add(struct diag *d, enum diag_level level, const char *file, int line,
    int col, const char *fmt, ...)
{
	struct diag_entry *e;
	va_list ap;
	void *p = d->v;

	xgrow(&p, &d->cap, d->n + 1, sizeof *d->v);
	d->v = p;
	e = &d->v[d->n++];
	e->file = file ? xstrdup(file) : NULL;
	e->line = line;
	e->col = col;
	e->level = level;
	va_start(ap, fmt);
	e->message = xvasprintf(fmt, ap);
	va_end(ap);
	d->count[level]++;
}

size_t
diag_count(const struct diag *d, enum diag_level level)
{
	return d->count[level];
}

size_t
diag_len(const struct diag *d)
{
	return d->n;
}

const struct diag_entry *
diag_get(const struct diag *d, size_t i)
{
	return i < d->n ? &d->v[i] : NULL;
}

char *
diag_format(const struct diag_entry *e)
{
	const char *lvl = e->level == DIAG_ERROR ? "error" : "warning";
	const char *file = e->file ? e->file : "slareport";

	if (e->line > 0)
		return xasprintf("%s:%d:%d: %s: %s", file, e->line,
		    e->col > 0 ? e->col : 1, lvl, e->message);
	return xasprintf("%s: %s: %s", file, lvl, e->message);
}

void
diag_print(const struct diag *d, FILE *fp)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		char *s = diag_format(&d->v[i]);
		fprintf(fp, "%s\n", s);
		free(s);
	}
}
