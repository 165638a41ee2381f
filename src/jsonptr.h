/* jsonptr.h: JSON Pointers (RFC 6901) compiled once, with "../" steps to parent records. */
#ifndef SLAREPORT_JSONPTR_H
#define SLAREPORT_JSONPTR_H

#include <stddef.h>
#include "util.h"

struct cJSON;

/* A compiled pointer: up leading "../" steps, then reference tokens (unescaped). */
struct jsonptr {
	int up;				/* parents to climb before the tokens */
	int ntok;
	char **tok;			/* NUL-terminated, "~0" "~1" already decoded */
	long *index;			/* array index of each token, -1 when not one */
	int *hint;			/* where each member was found last time */
};

/* Compiles text: "" (the whole value), "/a/b~1c", or with allow_up also
 * "../key", "../../a/b" and ".." (a parent). Returns NULL on success, else a
 * static message; p is then empty. Free with jsonptr_free. */
const char *jsonptr_compile(const char *text, int allow_up, struct jsonptr *p);
void jsonptr_free(struct jsonptr *p);

/* The value p designates, or NULL when it does not exist. stack[depth-1] is the
 * current value, stack[depth-2] its parent record, and so on; climbing past
 * stack[0] gives NULL. Borrowed from the stack's trees. */
const struct cJSON *jsonptr_eval(const struct jsonptr *p,
    const struct cJSON *const *stack, int depth);
/* Resolves a pointer given as text against one value (no "../"); NULL when the
 * text is not a pointer or the value does not exist. */
const struct cJSON *jsonptr_get(const struct cJSON *root, const char *text);

/* Appends "/" and token escaped per RFC 6901 ("~" → "~0", "/" → "~1"). */
void jsonptr_append(struct strbuf *sb, const char *token);
/* Appends "/" and a decimal array index. */
void jsonptr_append_index(struct strbuf *sb, size_t i);

#endif
