/* suggest.c: edit distance over code points and the closest candidate. */
#include "suggest.h"

#include <stdint.h>
#include <string.h>

/* Decodes s (NUL-terminated) into at most max code points; returns how many,
 * or -1 when there are more. Malformed bytes become units of their own above
 * the Unicode range so that they equal only the same malformed byte. */
static int
decode(const char *s, uint32_t *out, int max)
{
	const unsigned char *p = (const unsigned char *)s;
	int n = 0;

	while (*p != '\0') {
		uint32_t c = *p;
		int extra = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 && c < 0xF0 ? 2 :
		    c >= 0xC2 && c < 0xE0 ? 1 : 0, i;

		if (n == max)
			return -1;
		if (c >= 0x80 && extra == 0) {
			out[n++] = 0x110000u + c;
			p++;
			continue;
		}
		c = extra == 3 ? c & 0x07 : extra == 2 ? c & 0x0F : extra == 1 ? c & 0x1F : c;
		for (i = 1; i <= extra && (p[i] & 0xC0) == 0x80; i++)
			c = c << 6 | (p[i] & 0x3F);
		if (i <= extra) {	/* truncated sequence: the lead byte alone */
			out[n++] = 0x110000u + *p;
			p++;
			continue;
		}
		out[n++] = c;
		p += extra + 1;
	}
	return n;
}

static uint32_t
fold(uint32_t c, bool fold_case)
{
	return fold_case && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int
min3(int a, int b, int c)
{
	int m = a < b ? a : b;

	return m < c ? m : c;
}

int
suggest_distance(const char *a, const char *b, bool fold_case)
{
	uint32_t x[SUGGEST_MAX_LEN], y[SUGGEST_MAX_LEN];
	/* Three rows: the swap looks two rows back. */
	int rows[3][SUGGEST_MAX_LEN + 1];
	int n = decode(a, x, SUGGEST_MAX_LEN), m = decode(b, y, SUGGEST_MAX_LEN), i, j;

	if (n < 0 || m < 0)
		return -1;
	for (i = 0; i < n; i++)
		x[i] = fold(x[i], fold_case);
	for (j = 0; j < m; j++)
		y[j] = fold(y[j], fold_case);
	for (j = 0; j <= m; j++)
		rows[0][j] = j;
	for (i = 1; i <= n; i++) {
		int *cur = rows[i % 3], *prev = rows[(i - 1) % 3], *prev2 = rows[(i + 1) % 3];
		cur[0] = i;
		for (j = 1; j <= m; j++) {
			int cost = x[i - 1] != y[j - 1];
			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] &&
			    prev2[j - 2] + 1 < cur[j])
				cur[j] = prev2[j - 2] + 1;
		}
	}
	return rows[n % 3][m];
}

int
suggest_max_edits(int len)
{
	return len < 3 ? 0 : (len + 1) / 3;
}

const char *
suggest_closest(const char *word, const char *const *candidates)
{
	uint32_t tmp[SUGGEST_MAX_LEN];
	const char *best = NULL;
	int len = decode(word, tmp, SUGGEST_MAX_LEN), best_d, d;

	if (len <= 0)
		return NULL;
	best_d = suggest_max_edits(len) + 1;
	for (; *candidates != NULL; candidates++) {
		if (strcmp(*candidates, word) == 0)
			continue;
		d = suggest_distance(word, *candidates, true);
		if (d >= 0 && d < best_d) {
			best = *candidates;
			best_d = d;
		}
	}
	return best;
}
