/* publish.c: atomic publication of the output folder (build beside, then swap). */
#define _GNU_SOURCE		/* renameat2 */
#include "publish.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util.h"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

struct publish {
	char *out;		/* as given */
	char *parent;		/* folder holding OUT */
	char *base;		/* last component of OUT */
	char *tmp;		/* parent/.base.slareport-XXXXXX */
};

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		return rmdir(path) < 0 ? errno : 0;
	return unlink(path) < 0 ? errno : 0;
}

int
remove_tree(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : errno;
	if (!S_ISDIR(st.st_mode))
		return unlink(path) < 0 ? errno : 0;
	return nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Splits OUT into parent folder and last component, ignoring trailing slashes. */
static void
split_path(const char *out, char **parent, char **base)
{
	size_t n = strlen(out);
	const char *slash;

	while (n > 1 && out[n - 1] == '/')
		n--;
	char *o = xstrndup(out, n);
	slash = strrchr(o, '/');
	if (slash == NULL) {
		*parent = xstrdup(".");
		*base = xstrdup(o);
	} else {
		*parent = slash == o ? xstrdup("/") : xstrndup(o, (size_t)(slash - o));
		*base = xstrdup(slash + 1);
	}
	free(o);
}

/* Whether a is b or one of b's ancestors (both resolved). */
static int
is_ancestor_or_same(const char *a, const char *b)
{
	size_t n = strlen(a);

	if (strncmp(a, b, n) != 0)
		return 0;
	return b[n] == '\0' || b[n] == '/' || (n == 1 && a[0] == '/');
}

/* Every published site holds this file: it tells a folder slareport may
 * replace from one it must not (SRC/events, a home folder…). */
#define MARKER ".slareport"

/* Whether the existing folder out may be replaced, which deletes what it
 * holds: it is empty, or a site slareport wrote (the marker; or data/kpis.json
 * for sites written before the marker existed). */
static int
is_replaceable(const char *out)
{
	DIR *d = opendir(out);
	struct dirent *de;
	struct stat st;
	int empty = 1;
	char *path;

	if (d == NULL)
		return 1;	/* then the swap fails and says why */
	while (empty && (de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	if (empty)
		return 1;
	path = xasprintf("%s/" MARKER, out);
	empty = lstat(path, &st) == 0 && S_ISREG(st.st_mode);
	free(path);
	if (empty)
		return 1;
	path = xasprintf("%s/data/kpis.json", out);
	empty = lstat(path, &st) == 0 && S_ISREG(st.st_mode);
	free(path);
	return empty;
}

struct publish *
publish_begin(const char *out, const char *src, const char **why, int *err)
{
	struct publish *p;
	struct stat st;
	char rsrc[PATH_MAX], rout[PATH_MAX];

	*why = NULL;
	*err = 0;
	p = xcalloc(1, sizeof *p);
	p->out = xstrdup(out);
	split_path(out, &p->parent, &p->base);
	if (p->base[0] == '\0' || strcmp(p->base, ".") == 0 || strcmp(p->base, "..") == 0) {
		*why = "the output folder needs a name of its own";
		goto fail;
	}
	if (lstat(out, &st) == 0 && !S_ISDIR(st.st_mode)) {
		*why = S_ISLNK(st.st_mode) ? "the output path is a symbolic link"
		    : "the output path exists and is not a folder";
		goto fail;
	}
	/* Never swap the sources away: OUT must not be SRC or hold it. */
	if (src != NULL && realpath(src, rsrc) != NULL && realpath(out, rout) != NULL &&
	    is_ancestor_or_same(rout, rsrc)) {
		*why = "the output folder would replace the input folder";
		goto fail;
	}
	if (!is_replaceable(out)) {
		*why = "the output folder holds files slareport did not write (no "
		    MARKER " file); remove them or choose another folder";
		goto fail;
	}
	p->tmp = xasprintf("%s/.%s.slareport-XXXXXX", p->parent, p->base);
	if (mkdtemp(p->tmp) == NULL) {
		*err = errno;
		*why = "cannot create a folder beside the output folder";
		free(p->tmp);
		p->tmp = NULL;
		goto fail;
	}
	/* mkdtemp makes 0700; a published site is for everyone to read. */
	chmod(p->tmp, 0755);
	return p;
fail:
	free(p->out);
	free(p->parent);
	free(p->base);
	free(p);
	return NULL;
}

const char *
publish_dir(const struct publish *p)
{
	return p->tmp;
}

/* mkdir -p of the folders leading to relpath's last component. */
static int
make_parents(struct publish *p, const char *relpath, int include_last)
{
	char *path = xasprintf("%s/%s", p->tmp, relpath);
	size_t skip = strlen(p->tmp) + 1;
	char *s;
	int err = 0;

	for (s = path + skip; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(path, 0755) < 0 && errno != EEXIST)
			err = errno;
		*s = '/';
		if (err)
			break;
	}
	if (!err && include_last && mkdir(path, 0755) < 0 && errno != EEXIST)
		err = errno;
	free(path);
	return err;
}

int
publish_mkdir(struct publish *p, const char *relpath)
{
	return make_parents(p, relpath, 1);
}

int
publish_write(struct publish *p, const char *relpath, const void *data, size_t len)
{
	char *path;
	FILE *fp;
	int err;

	if ((err = make_parents(p, relpath, 0)) != 0)
		return err;
	path = xasprintf("%s/%s", p->tmp, relpath);
	if ((fp = fopen(path, "wb")) == NULL) {
		err = errno;
		free(path);
		return err;
	}
	if (len > 0 && fwrite(data, 1, len, fp) != len)
		err = errno ? errno : EIO;
	if (fclose(fp) != 0 && err == 0)
		err = errno ? errno : EIO;
	free(path);
	return err;
}

/* Removes temporary folders of earlier runs that were killed before commit. */
static void
remove_leftovers(struct publish *p)
{
	DIR *d = opendir(p->parent);
	struct dirent *de;
	char *prefix = xasprintf(".%s.slareport-", p->base);
	const char *mine = strrchr(p->tmp, '/') + 1;

	if (d == NULL) {
		free(prefix);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0 &&
		    strcmp(de->d_name, mine) != 0) {
			char *path = xasprintf("%s/%s", p->parent, de->d_name);
			remove_tree(path);
			free(path);
		}
	}
	closedir(d);
	free(prefix);
}

static void
publish_free(struct publish *p)
{
	free(p->out);
	free(p->parent);
	free(p->base);
	free(p->tmp);
	free(p);
}

int
publish_commit(struct publish *p)
{
	int err;

	/* The marker that lets the next run replace this site (is_replaceable). */
	if ((err = publish_write(p, MARKER, "written by slareport\n", 21)) != 0) {
		remove_tree(p->tmp);
		publish_free(p);
		return err;
	}
	/* Swap in one step where OUT exists, so that readers never see it missing. */
	if (renameat2(AT_FDCWD, p->tmp, AT_FDCWD, p->out, RENAME_EXCHANGE) == 0) {
		remove_tree(p->tmp);	/* now the old OUT */
	} else if (errno == ENOENT) {
		if (rename(p->tmp, p->out) < 0)
			err = errno;
	} else
		err = errno;
	if (err)
		remove_tree(p->tmp);
	else
		remove_leftovers(p);
	publish_free(p);
	return err;
}

void
publish_abort(struct publish *p)
{
	remove_tree(p->tmp);
	publish_free(p);
}
