/* restate_skim.c: an earlier kpis.json with its breach lists cut down to what the comparison reads. */
#include "restate.h"

#include <stdlib.h>
#include <string.h>
#include "util.h"

/*
 * Breach lists are 99% of kpis.json at a million events (each breach with its
 * title, team and timeline), and the comparison reads only each breach's id
 * and clock (SPEC §8: the set of breaches is a figure, their timelines are
 * not). Parsing all of it with cJSON was 0.3 s of a 2.1 s build; this pass
 * copies the text and writes each "breaches" array as an array of strings
 * "id clock", the form restate.c compares, in one walk over the bytes.
 *
 * It reads any JSON, not only ours: strings with escapes, any spacing, keys
 * in any order (the first "id" and "clock" count, as cJSON's lookup takes the
 * first). A value that is not a string reads as "", as restate.c's str_or
 * does. Text that is not JSON is cut short, so cJSON refuses it as it would
 * have refused the whole.
 */

struct skim {
	const char *s;
	size_t n;
	struct strbuf out;
};

static size_t
skip_ws(const struct skim *k, size_t i)
{
	while (i < k->n && (k->s[i] == ' ' || k->s[i] == '\t' || k->s[i] == '\n' || k->s[i] == '\r'))
		i++;
	return i;
}

/* i at an opening quote: the index after the closing one, or n. */
static size_t
skip_string(const struct skim *k, size_t i)
{
	for (i++; i < k->n; i++) {
		if (k->s[i] == '\\')
			i++;
		else if (k->s[i] == '"')
			return i + 1;
	}
	return k->n;
}

/* i at the first byte of a value: the index after it, or n. */
static size_t
skip_value(const struct skim *k, size_t i)
{
	int depth = 0;

	if (i >= k->n)
		return k->n;
	if (k->s[i] == '"')
		return skip_string(k, i);
	if (k->s[i] != '[' && k->s[i] != '{') {
		while (i < k->n && strchr(",]} \t\r\n", k->s[i]) == NULL)
			i++;
		return i;
	}
	while (i < k->n) {
		char c = k->s[i];
		if (c == '"') {
			i = skip_string(k, i);
			continue;
		}
		if (c == '[' || c == '{')
			depth++;
		else if ((c == ']' || c == '}') && --depth == 0)
			return i + 1;
		i++;
	}
	return k->n;
}

static bool
is_key(const struct skim *k, size_t from, size_t to, const char *key)
{
	size_t len = strlen(key);

	return to - from == len + 2 && memcmp(k->s + from + 1, key, len) == 0;
}

/* i at '[' of a breach list: writes ["id clock", …]; the index after it, or n. */
static size_t
reduce_breaches(struct skim *k, size_t i)
{
	bool first = true;

	strbuf_putc(&k->out, '[');
	for (i = skip_ws(k, i + 1); i < k->n && k->s[i] != ']'; i = skip_ws(k, i)) {
		size_t id0 = 0, id1 = 0, cl0 = 0, cl1 = 0;
		bool has_id = false, has_clock = false;

		if (k->s[i] == '{') {
			for (i = skip_ws(k, i + 1); i < k->n && k->s[i] == '"'; ) {
				size_t ks = i, ke = skip_string(k, i), vs, ve;
				i = skip_ws(k, ke);
				if (i >= k->n || k->s[i] != ':')
					return k->n;
				vs = skip_ws(k, i + 1);
				ve = skip_value(k, vs);
				if (!has_id && is_key(k, ks, ke, "id")) {
					has_id = true;
					if (vs < k->n && k->s[vs] == '"' && ve - vs >= 2)
						id0 = vs + 1, id1 = ve - 1;
				} else if (!has_clock && is_key(k, ks, ke, "clock")) {
					has_clock = true;
					if (vs < k->n && k->s[vs] == '"' && ve - vs >= 2)
						cl0 = vs + 1, cl1 = ve - 1;
				}
				i = skip_ws(k, ve);
				if (i < k->n && k->s[i] == ',')
					i = skip_ws(k, i + 1);
			}
			if (i >= k->n || k->s[i] != '}')
				return k->n;
			i++;
		} else
			i = skip_value(k, i);
		if (!first)
			strbuf_putc(&k->out, ',');
		first = false;
		strbuf_putc(&k->out, '"');
		strbuf_append(&k->out, k->s + id0, id1 - id0);
		strbuf_putc(&k->out, ' ');
		strbuf_append(&k->out, k->s + cl0, cl1 - cl0);
		strbuf_putc(&k->out, '"');
		i = skip_ws(k, i);
		if (i < k->n && k->s[i] == ',')
			i++;
	}
	if (i >= k->n)
		return k->n;
	strbuf_putc(&k->out, ']');
	return i + 1;
}

char *
restate_skim_breaches(const char *text, size_t len, size_t *out_len)
{
	struct skim k = { text, len, { 0 } };
	size_t i = 0;

	while (i < len) {
		const char *q = memchr(text + i, '"', len - i);
		size_t s, e, a;

		if (q == NULL) {
			strbuf_append(&k.out, text + i, len - i);
			break;
		}
		s = (size_t)(q - text);
		e = skip_string(&k, s);
		strbuf_append(&k.out, text + i, e - i);
		i = e;
		if (!is_key(&k, s, e, "breaches"))
			continue;
		a = skip_ws(&k, e);
		if (a >= len || text[a] != ':')
			continue;
		a = skip_ws(&k, a + 1);
		if (a >= len || text[a] != '[')
			continue;
		strbuf_append(&k.out, text + e, a - e);
		i = reduce_breaches(&k, a);
	}
	return strbuf_detach(&k.out, out_len);
}
