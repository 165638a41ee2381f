/* strtab.h: interned strings with small integer ids (0 means "absent"). */
#ifndef SLAREPORT_STRTAB_H
#define SLAREPORT_STRTAB_H

#include <stddef.h>
#include <stdint.h>

struct strtab;

struct strtab *strtab_new(void);
void strtab_free(struct strtab *t);
/* Id of the string s[0..n), adding it if new. Never 0. */
uint32_t strtab_intern(struct strtab *t, const char *s, size_t n);
/* Id of s if present, else 0. */
uint32_t strtab_find(const struct strtab *t, const char *s, size_t n);
/* The NUL-terminated string of id (NULL for 0); valid until strtab_free. */
const char *strtab_get(const struct strtab *t, uint32_t id);
size_t strtab_len(const struct strtab *t, uint32_t id);
/* Number of ids handed out, plus one (ids run 1 … count-1). */
uint32_t strtab_count(const struct strtab *t);

#endif
