/* slagen_out.c: random numbers, JSON string escaping and the event files (sinks). */
#include "slagen.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void
rng_seed(struct rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t
rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

double
rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

int
rng_below(struct rng *r, int n)
{
	return n <= 1 ? 0 : (int)((rng_next(r) >> 33) % (uint64_t)n);
}

int
rng_weighted(struct rng *r, const int *w, int n)
{
	long total = 0;

	for (int i = 0; i < n; i++)
		total += w[i];
	if (total <= 0)
		return 0;
	long x = (long)((rng_next(r) >> 20) % (uint64_t)total);
	for (int i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

char *
json_str(char *p, const char *end, const char *s)
{
	static const char hex[] = "0123456789abcdef";

	if (p + 2 >= end)
		return p;
	*p++ = '"';
	for (; *s && p + 8 < end; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\') {
			*p++ = '\\';
			*p++ = (char)ch;
		} else if (ch == '\n') {
			*p++ = '\\';
			*p++ = 'n';
		} else if (ch == '\t') {
			*p++ = '\\';
			*p++ = 't';
		} else if (ch < 0x20) {
			memcpy(p, "\\u00", 4);
			p[4] = hex[ch >> 4];
			p[5] = hex[ch & 15];
			p += 6;
		} else {
			*p++ = (char)ch;
		}
	}
	*p++ = '"';
	return p;
}

/* Records wait in a small pool and leave it in random order, so that events of an
   item are near each other in a file but not sorted — as in a real export. */
#define POOL 24
#define RECMAX 2048

struct sink {
	FILE *f;
	int shape;
	int err;
	long long records, bytes;
	struct rng r;
	int npool;
	size_t len[POOL];
	char rec[POOL][RECMAX];
	char iobuf[1 << 16];
};

static void
write_one(struct sink *s, const char *rec, size_t len)
{
	const char *sep = s->shape == SHAPE_NDJSON ? "" : s->records ? ",\n" : "\n";
	size_t sl = strlen(sep);

	if (fwrite(sep, 1, sl, s->f) != sl || fwrite(rec, 1, len, s->f) != len)
		s->err = 1;
	if (s->shape == SHAPE_NDJSON && putc('\n', s->f) == EOF)
		s->err = 1;
	s->records++;
	s->bytes += (long long)(sl + len + (s->shape == SHAPE_NDJSON));
}

struct sink *
sink_open(const char *path, int shape, uint64_t seed)
{
	struct sink *s = calloc(1, sizeof *s);

	if (s == NULL)
		return NULL;
	s->f = fopen(path, "w");
	if (s->f == NULL) {
		int e = errno;
		free(s);
		errno = e;
		return NULL;
	}
	setvbuf(s->f, s->iobuf, _IOFBF, sizeof s->iobuf);
	s->shape = shape;
	rng_seed(&s->r, seed);
	const char *head = shape == SHAPE_ARRAY ? "[" : shape == SHAPE_WRAPPED ? "{\"events\": [" : "";
	if (fputs(head, s->f) == EOF)
		s->err = 1;
	s->bytes = (long long)strlen(head);
	return s;
}

void
sink_put(struct sink *s, const char *rec, size_t len)
{
	if (len >= RECMAX)
		len = RECMAX - 1;
	if (s->npool == POOL) {
		int i = rng_below(&s->r, POOL);
		write_one(s, s->rec[i], s->len[i]);
		memcpy(s->rec[i], rec, len);
		s->len[i] = len;
		return;
	}
	memcpy(s->rec[s->npool], rec, len);
	s->len[s->npool++] = len;
}

int
sink_close(struct sink *s, long long *records, long long *bytes)
{
	while (s->npool > 0) {
		int i = rng_below(&s->r, s->npool);
		write_one(s, s->rec[i], s->len[i]);
		s->npool--;
		memcpy(s->rec[i], s->rec[s->npool], s->len[s->npool]);
		s->len[i] = s->len[s->npool];
	}
	const char *tail = s->shape == SHAPE_ARRAY ? "\n]\n" : s->shape == SHAPE_WRAPPED ? "\n]}\n" : "";
	if (fputs(tail, s->f) == EOF)
		s->err = 1;
	s->bytes += (long long)strlen(tail);
	if (fclose(s->f) != 0)
		s->err = 1;
	int rc = s->err ? -1 : 0;
	if (records)
		*records = s->records;
	if (bytes)
		*bytes = s->bytes;
	free(s);
	return rc;
}
