/* inputs.c: every input file hashed once (SHA-256 through OpenSSL), the list as data/inputs.json. */
#include "inputs.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cJSON.h>
#include "civil.h"
#include "util.h"

/* Files are read in chunks: a gigabyte export never sits in memory for its hash. */
#define CHUNK (1 << 20)

static void
hex(const unsigned char *d, unsigned int len, char out[65])
{
	unsigned int k;

	for (k = 0; k < len && k < 32; k++)
		snprintf(out + 2 * k, 3, "%02x", d[k]);
	out[2 * k] = '\0';
}

static void
hash_file(const char *src, struct input_file *f, char *buf)
{
	char *path = xasprintf("%s/%s", src, f->path);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	EVP_MD_CTX *ck = EVP_MD_CTX_new();
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	struct stat st;
	ssize_t n;

	f->size = -1;
	f->sha256[0] = '\0';
	if (fd >= 0 && ck != NULL && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    EVP_DigestInit_ex(ck, EVP_sha256(), NULL) == 1) {
		for (;;) {
			n = read(fd, buf, CHUNK);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			EVP_DigestUpdate(ck, buf, (size_t)n);
		}
		if (n == 0 && EVP_DigestFinal_ex(ck, digest, &len) == 1) {
			hex(digest, len, f->sha256);
			f->size = (long long)st.st_size;
		}
	}
	EVP_MD_CTX_free(ck);
	if (fd >= 0)
		close(fd);
	free(path);
}

static void
add(struct inputs *in, size_t *cap, char *rel)
{
	void *p = in->v;

	xgrow(&p, cap, in->n + 1, sizeof *in->v);
	in->v = p;
	memset(&in->v[in->n], 0, sizeof in->v[0]);
	in->v[in->n++].path = rel;
}

static void
add_dir(struct inputs *in, size_t *cap, const char *src, const char *dir,
    const char *const *suffixes)
{
	char *path = xasprintf("%s/%s", src, dir), **names;
	int n = list_dir(path, suffixes, &names), i;

	for (i = 0; i < n; i++)
		add(in, cap, xasprintf("%s/%s", dir, names[i]));
	if (n > 0)
		free_names(names, n);
	free(path);
}

/* SHA-256 over the list, per file "path" NUL "size:sha256" LF (an unreadable
 * file: the path and NUL only): a change to any byte, name or the set of files
 * changes it, and no file is read twice. */
static void
fingerprint(struct inputs *in)
{
	EVP_MD_CTX *ck = EVP_MD_CTX_new();
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	size_t i;

	if (ck == NULL || EVP_DigestInit_ex(ck, EVP_sha256(), NULL) != 1) {
		EVP_MD_CTX_free(ck);
		snprintf(in->fingerprint, sizeof in->fingerprint, "unavailable");
		return;
	}
	for (i = 0; i < in->n; i++) {
		const struct input_file *f = &in->v[i];
		EVP_DigestUpdate(ck, f->path, strlen(f->path) + 1);
		if (f->size >= 0) {
			char line[100];
			snprintf(line, sizeof line, "%lld:%s\n", f->size, f->sha256);
			EVP_DigestUpdate(ck, line, strlen(line));
		}
	}
	EVP_DigestFinal_ex(ck, digest, &len);
	EVP_MD_CTX_free(ck);
	hex(digest, len, in->fingerprint);
}

struct inputs *
inputs_scan(const struct model *m)
{
	static const char *const md[] = { ".md", NULL };
	static const char *const ev[] = { ".json", ".ndjson", ".jsonl", NULL };
	struct inputs *in = xcalloc(1, sizeof *in);
	char *buf = xmalloc(CHUNK);
	size_t cap = 0, i;
	int k;

	add(in, &cap, xstrdup("site.yml"));
	add_dir(in, &cap, m->src, "agreements", md);
	add_dir(in, &cap, m->src, "events", ev);
	add_dir(in, &cap, m->src, "commentary", md);
	for (k = 0; k < m->site.nmappings; k++)
		add(in, &cap, xstrdup(m->site.mappings[k].mapping));
	for (i = 0; i < in->n; i++)
		hash_file(m->src, &in->v[i], buf);
	free(buf);
	fingerprint(in);
	if (m->latest_at != 0) {
		char stamp[32];
		civil_format_utc(m->latest_at, stamp);
		in->data_as_of = xstrdup(stamp);
	}
	return in;
}

void
inputs_free(struct inputs *in)
{
	size_t i;

	if (in == NULL)
		return;
	for (i = 0; i < in->n; i++)
		free(in->v[i].path);
	free(in->v);
	free(in->data_as_of);
	free(in);
}

cJSON *
inputs_json(const struct inputs *in)
{
	cJSON *o = cJSON_CreateObject(), *arr;
	size_t i;

	if (in->data_as_of != NULL)
		cJSON_AddStringToObject(o, "data_as_of", in->data_as_of);
	else
		cJSON_AddNullToObject(o, "data_as_of");
	cJSON_AddStringToObject(o, "fingerprint", in->fingerprint);
	arr = cJSON_AddArrayToObject(o, "files");
	for (i = 0; i < in->n; i++) {
		const struct input_file *f = &in->v[i];
		cJSON *e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "path", f->path);
		if (f->size >= 0) {
			cJSON_AddStringToObject(e, "sha256", f->sha256);
			cJSON_AddNumberToObject(e, "size", (double)f->size);
		} else {
			cJSON_AddNullToObject(e, "sha256");
			cJSON_AddNullToObject(e, "size");
		}
		cJSON_AddItemToArray(arr, e);
	}
	return o;
}

struct inputs *
inputs_from_json(const cJSON *j, const char **why)
{
	const cJSON *files = cJSON_GetObjectItemCaseSensitive(j, "files"), *e;
	const cJSON *asof = cJSON_GetObjectItemCaseSensitive(j, "data_as_of");
	struct inputs *in;
	size_t cap = 0;

	if (!cJSON_IsObject(j) || !cJSON_IsArray(files)) {
		*why = "not an inputs list (no \"files\")";
		return NULL;
	}
	in = xcalloc(1, sizeof *in);
	if (cJSON_IsString(asof))
		in->data_as_of = xstrdup(asof->valuestring);
	cJSON_ArrayForEach(e, files) {
		const char *path = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "path"));
		const char *sha = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "sha256"));
		const cJSON *size = cJSON_GetObjectItemCaseSensitive(e, "size");
		if (path == NULL)
			continue;
		add(in, &cap, xstrdup(path));
		if (sha != NULL && strlen(sha) == 64 && cJSON_IsNumber(size)) {
			memcpy(in->v[in->n - 1].sha256, sha, 65);
			in->v[in->n - 1].size = (long long)size->valuedouble;
		} else
			in->v[in->n - 1].size = -1;
	}
	return in;
}

static const struct input_file *
find(const struct inputs *in, const char *path)
{
	size_t i;

	for (i = 0; i < in->n; i++)
		if (strcmp(in->v[i].path, path) == 0)
			return &in->v[i];
	return NULL;
}

static int
cmp_diff(const void *pa, const void *pb)
{
	const struct input_diff *a = pa, *b = pb;

	return strcmp(a->path, b->path);
}

size_t
inputs_diff(const struct inputs *before, const struct inputs *now, struct input_diff **out)
{
	struct input_diff *v = xcalloc(before->n + now->n + 1, sizeof *v);
	size_t n = 0, i;

	for (i = 0; i < now->n; i++) {
		const struct input_file *b = find(before, now->v[i].path);
		if (b == NULL)
			v[n++] = (struct input_diff){ now->v[i].path, INPUT_ADDED };
		else if (b->size != now->v[i].size || strcmp(b->sha256, now->v[i].sha256) != 0)
			v[n++] = (struct input_diff){ now->v[i].path, INPUT_CHANGED };
	}
	for (i = 0; i < before->n; i++)
		if (find(now, before->v[i].path) == NULL)
			v[n++] = (struct input_diff){ before->v[i].path, INPUT_REMOVED };
	qsort(v, n, sizeof *v, cmp_diff);
	*out = v;
	return n;
}

const char *
input_change_name(enum input_change c)
{
	return c == INPUT_ADDED ? "added" : c == INPUT_REMOVED ? "removed" : "changed";
}
