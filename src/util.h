/* util.h: allocation that never returns NULL, growable buffers, files, UTF-8. */
#ifndef SLAREPORT_UTIL_H
#define SLAREPORT_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

/* Allocators: abort the program with a message when memory runs out. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow *p to hold at least need elements of size; *cap is updated. */
void xgrow(void **p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Formatted string; the caller frees it. */
char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);
char *xvasprintf(const char *fmt, va_list ap);

/* A growable byte buffer, always NUL-terminated once anything was appended. */
struct strbuf {
	char *data;
	size_t len, cap;
};
void strbuf_append(struct strbuf *sb, const char *s, size_t n);
void strbuf_puts(struct strbuf *sb, const char *s);
void strbuf_putc(struct strbuf *sb, char c);
void strbuf_printf(struct strbuf *sb, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Hands the buffer to the caller (who frees it) and resets sb. Never NULL. */
char *strbuf_detach(struct strbuf *sb, size_t *len);
void strbuf_free(struct strbuf *sb);

/* Reads a whole file into *out (NUL-terminated, caller frees).
 * Returns 0, or an errno value. */
int read_file(const char *path, char **out, size_t *len);
/* The same, but stops reading once more than max bytes are in (so that *len >
 * max tells the caller the file is too big without holding all of it). */
int read_file_max(const char *path, size_t max, char **out, size_t *len);

/* Offset of the first byte of s[0..n) that is not valid UTF-8 (overlong forms,
 * surrogates and code points past U+10FFFF are invalid), or n if all is valid. */
size_t utf8_invalid_offset(const char *s, size_t n);

/* 1-based line and column (in bytes) of byte offset off in s. */
void offset_to_linecol(const char *s, size_t off, int *line, int *col);

/* Sorted names of the regular files in dir whose names end in one of the
 * NULL-terminated suffixes. Returns the count (>= 0) or -errno; *names (and each
 * name) belong to the caller: free with free_names(). */
int list_dir(const char *dir, const char *const *suffixes, char ***names);
void free_names(char **names, int n);

/* Reorders v[lo..hi) so that v[k] holds the value a sort would put there,
 * with no larger value before it and no smaller one after (lo <= k < hi). */
void select_rank_i64(int64_t *v, size_t lo, size_t hi, size_t k);

#endif
