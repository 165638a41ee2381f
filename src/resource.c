/* resource.c: lookup of embedded files, with a folder that overrides them. */
#include "resource.h"

#include <stdlib.h>
#include <string.h>
#include "util.h"

static const char *override_dir;

/* Override files read so far, kept so that returned pointers stay valid. */
struct loaded {
	struct loaded *next;
	char *name, *data;
	size_t len;
};
static struct loaded *loaded;

void
resource_set_override(const char *dir)
{
	override_dir = dir;
}

static const char *
from_override(const char *name, size_t *len)
{
	struct loaded *l;
	char *path, *data;
	size_t n;

	for (l = loaded; l != NULL; l = l->next)
		if (strcmp(l->name, name) == 0) {
			*len = l->len;
			return l->data;
		}
	path = xasprintf("%s/%s", override_dir, name);
	if (read_file(path, &data, &n) != 0) {
		free(path);
		return NULL;
	}
	free(path);
	l = xmalloc(sizeof *l);
	l->name = xstrdup(name);
	l->data = data;
	l->len = n;
	l->next = loaded;
	loaded = l;
	*len = n;
	return data;
}

const char *
resource_get(const char *name, size_t *len)
{
	size_t lo = 0, hi = resource_count, dummy;
	const char *s;

	if (len == NULL)
		len = &dummy;
	/* Names are ours (never user input), but refuse to leave the folder anyway. */
	if (strstr(name, "..") != NULL || name[0] == '/')
		return NULL;
	if (override_dir != NULL && (s = from_override(name, len)) != NULL)
		return s;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, resource_table[mid].name);
		if (c == 0) {
			*len = resource_table[mid].len;
			return (const char *)resource_table[mid].data;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

void
resource_release_all(void)
{
	while (loaded != NULL) {
		struct loaded *next = loaded->next;
		free(loaded->name);
		free(loaded->data);
		free(loaded);
		loaded = next;
	}
}
