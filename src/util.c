/* util.c: allocation wrappers, growable buffers, file reading, UTF-8 checks. */
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Out of memory is not recoverable for a batch tool: say so and stop. */
static void
oom(size_t n)
{
	fprintf(stderr, "slareport: out of memory (%zu bytes)\n", n);
	exit(71);		/* EX_OSERR */
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		oom(n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		oom(n * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (q == NULL)
		oom(n);
	return q;
}

void
xgrow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t c;

	if (need <= *cap)
		return;
	c = *cap ? *cap : 8;
	while (c < need) {
		if (c > SIZE_MAX / 2 / size)
			oom(SIZE_MAX);
		c *= 2;
	}
	*p = xrealloc(*p, c * size);
	*cap = c;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *p;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return xstrdup("");
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void
strbuf_append(struct strbuf *sb, const char *s, size_t n)
{
	void *p = sb->data;

	xgrow(&p, &sb->cap, sb->len + n + 1, 1);
	sb->data = p;
	memcpy(sb->data + sb->len, s, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void
strbuf_puts(struct strbuf *sb, const char *s)
{
	strbuf_append(sb, s, strlen(s));
}

void
strbuf_putc(struct strbuf *sb, char c)
{
	strbuf_append(sb, &c, 1);
}

void
strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_puts(sb, s);
	free(s);
}

char *
strbuf_detach(struct strbuf *sb, size_t *len)
{
	char *p = sb->data ? sb->data : xstrdup("");

	if (len != NULL)
		*len = sb->len;
	sb->data = NULL;
	sb->len = sb->cap = 0;
	return p;
}

void
strbuf_free(struct strbuf *sb)
{
	free(sb->data);
	sb->data = NULL;
	sb->len = sb->cap = 0;
}

int
read_file(const char *path, char **out, size_t *len)
{
	return read_file_max(path, SIZE_MAX, out, len);
}

int
read_file_max(const char *path, size_t max, char **out, size_t *len)
{
	FILE *fp;
	struct strbuf sb = {0};
	char buf[65536];
	size_t n;
	int err = 0;

	if ((fp = fopen(path, "rb")) == NULL)
		return errno;
	while (sb.len <= max && (n = fread(buf, 1, sizeof buf, fp)) > 0)
		strbuf_append(&sb, buf, n);
	if (ferror(fp))
		err = errno ? errno : EIO;
	fclose(fp);
	if (err) {
		strbuf_free(&sb);
		return err;
	}
	*out = strbuf_detach(&sb, len);
	return 0;
}

size_t
utf8_invalid_offset(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];
		size_t k, need;
		unsigned cp, min;
		uint64_t w;

		/* Exports are mostly ASCII: eight bytes at a time while they are. */
		if (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ULL) == 0) {
				i += 8;
				continue;
			}
		}

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1; cp = c & 0x1F; min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2; cp = c & 0x0F; min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3; cp = c & 0x07; min = 0x10000;
		} else
			return i;
		if (need >= n - i)	/* truncated sequence */
			return i;
		for (k = 1; k <= need; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += need + 1;
	}
	return n;
}

void
offset_to_linecol(const char *s, size_t off, int *line, int *col)
{
	int l = 1;
	size_t i, bol = 0;

	for (i = 0; i < off; i++)
		if (s[i] == '\n') {
			l++;
			bol = i + 1;
		}
	*line = l;
	*col = (int)(off - bol) + 1;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
has_suffix(const char *name, const char *const *suffixes)
{
	size_t n = strlen(name);

	for (; *suffixes != NULL; suffixes++) {
		size_t k = strlen(*suffixes);
		if (n > k && strcmp(name + n - k, *suffixes) == 0)
			return 1;
	}
	return 0;
}

int
list_dir(const char *dir, const char *const *suffixes, char ***names)
{
	DIR *d;
	struct dirent *de;
	char **v = NULL;
	size_t n = 0, cap = 0;

	*names = NULL;
	if ((d = opendir(dir)) == NULL)
		return -errno;
	while ((de = readdir(d)) != NULL) {
		struct stat st;
		char *path;

		if (de->d_name[0] == '.' || !has_suffix(de->d_name, suffixes))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			void *p = v;
			xgrow(&p, &cap, n + 1, sizeof *v);
			v = p;
			v[n++] = xstrdup(de->d_name);
		}
		free(path);
	}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_names);
	*names = v;
	return (int)n;
}

void
free_names(char **names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static int
cmp_i64(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;

	return a < b ? -1 : a > b;
}

/* Puts the k-th smallest of v[lo..hi) at v[k], smaller ones before it and
 * larger ones after (quickselect with three-way partitions, so runs of equal
 * durations cost nothing): the KPI percentiles need two ranks, not a sorted
 * list — linear time instead of a sort that was a tenth of the KPI stage. After
 * 2 log2(n) rounds that each kept most of the range (inputs built against the
 * median-of-three pivot), the rest is sorted instead. */
void
select_rank_i64(int64_t *v, size_t lo, size_t hi, size_t k)
{
	int budget = 2;

	for (size_t n = hi - lo; n > 1; n >>= 1)
		budget += 2;
	while (hi - lo > 16) {
		size_t mid = lo + (hi - lo) / 2, lt = lo, gt = hi, i = lo;
		int64_t a = v[lo], b = v[mid], c = v[hi - 1], pivot, t;

		if (budget-- == 0)
			break;
		pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
		/* v[lo..lt) < pivot, v[lt..i) == pivot, v[gt..hi) > pivot */
		while (i < gt) {
			if (v[i] < pivot) {
				t = v[lt]; v[lt++] = v[i]; v[i++] = t;
			} else if (v[i] > pivot) {
				t = v[--gt]; v[gt] = v[i]; v[i] = t;
			} else
				i++;
		}
		if (k < lt)
			hi = lt;
		else if (k >= gt)
			lo = gt;
		else
			return;
	}
	qsort(v + lo, hi - lo, sizeof *v, cmp_i64);
}
