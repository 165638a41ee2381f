/* diag.c: collected diagnostics, printed mandoc-style as file:line:col: level: msg. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

/* Problems kept per file and level: a wrong file in events/ (a log, a binary)
 * makes one problem per line, and millions of them must not fill memory. Past
 * the limit one more entry says so; the rest are counted (diag_count), not kept. */
#define MAX_PER_FILE 1000

struct file_count {
	char *file;
	size_t n[2];		/* problems seen, per level */
};

struct diag {
	struct diag_entry *v;
	size_t n, cap;
	size_t count[2];
	struct file_count *files;	/* one per file with problems */
	size_t nfiles, capfiles;
	int part;			/* made by diag_new_part */
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
	for (i = 0; i < d->nfiles; i++)
		free(d->files[i].file);
	free(d->files);
	free(d);
}

/* Takes s (allocated) and returns it with control characters shown as \xNN:
 * messages quote input text, and an event's title or a file name holding ESC
 * sequences must not drive the user's terminal. */
static char *
escape_controls(char *s)
{
	struct strbuf sb = {0};
	const char *p;

	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			break;
	if (*p == '\0')
		return s;
	strbuf_append(&sb, s, (size_t)(p - s));
	for (; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			strbuf_printf(&sb, "\\x%02X", (unsigned char)*p);
		else
			strbuf_putc(&sb, *p);
	}
	free(s);
	return strbuf_detach(&sb, NULL);
}

/* The problem counts of file, added at zero when new. */
static struct file_count *
file_count(struct diag *d, const char *file)
{
	size_t i;

	for (i = 0; i < d->nfiles && strcmp(d->files[i].file, file) != 0; i++)
		;
	if (i == d->nfiles) {
		void *q = d->files;
		xgrow(&q, &d->capfiles, d->nfiles + 1, sizeof *d->files);
		d->files = q;
		d->files[d->nfiles].file = xstrdup(file);
		d->files[d->nfiles].n[0] = d->files[d->nfiles].n[1] = 0;
		d->nfiles++;
	}
	return &d->files[i];
}

/* Records a problem whose message msg (taken) is formatted already. A part's
 * list (diag_new_part) keeps the first MAX_PER_FILE + 1 problems of a file as
 * they are, unescaped and without the note, so that diag_append can cap them
 * again within the whole file's. */
static void
add_entry(struct diag *d, enum diag_level level, const char *file, int line, int col,
    char *msg)
{
	struct diag_entry *e;
	void *p = d->v;
	size_t seen = 0;

	if (file != NULL)
		seen = file_count(d, file)->n[level]++;
	d->count[level]++;
	if (seen > MAX_PER_FILE || (seen == MAX_PER_FILE && !d->part)) {
		if (seen == MAX_PER_FILE) {
			free(msg);
			msg = xasprintf("more than %d %s in this file; the rest are not "
			    "shown", MAX_PER_FILE, level == DIAG_ERROR ? "errors" : "warnings");
		} else {
			free(msg);
			return;
		}
	}
	xgrow(&p, &d->cap, d->n + 1, sizeof *d->v);
	d->v = p;
	e = &d->v[d->n++];
	e->file = file == NULL ? NULL : d->part ? xstrdup(file) : escape_controls(xstrdup(file));
	e->line = line;
	e->col = col;
	e->level = level;
	e->message = d->part ? msg : escape_controls(msg);
}

void
diag_add(struct diag *d, enum diag_level level, const char *file, int line,
    int col, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	/* Past the cap only the count changes: a file of junk makes millions of
	 * problems, and formatting each just to drop it was most of the time. */
	if (file != NULL) {
		struct file_count *f = file_count(d, file);
		if (f->n[level] > MAX_PER_FILE) {
			f->n[level]++;
			d->count[level]++;
			return;
		}
	}
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	add_entry(d, level, file, line, col, msg);
}

struct diag *
diag_new_part(void)
{
	struct diag *d = diag_new();

	d->part = 1;
	return d;
}

void
diag_append(struct diag *d, const struct diag *src, int line_offset)
{
	size_t i, k;

	/* Each entry through the cap again, as if reported here; then the ones
	 * src counted but did not keep (it kept more than the cap lets through,
	 * so the note, if due, has been made). */
	for (i = 0; i < src->n; i++) {
		const struct diag_entry *e = &src->v[i];
		add_entry(d, e->level, e->file, e->line > 0 ? e->line + line_offset : e->line,
		    e->col, xstrdup(e->message));
	}
	for (i = 0; i < src->nfiles; i++) {
		const struct file_count *f = &src->files[i];
		for (k = 0; k < 2; k++) {
			size_t kept = 0, j, extra;
			for (j = 0; j < src->n; j++)
				kept += src->v[j].level == (enum diag_level)k && src->v[j].file != NULL &&
				    strcmp(src->v[j].file, f->file) == 0;
			extra = f->n[k] - kept;
			file_count(d, f->file)->n[k] += extra;
			d->count[k] += extra;
		}
	}
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
