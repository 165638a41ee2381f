/* pdf_font.c: TrueType tables read for metrics, and trimmed copies for
 * libharu (see pdf_font.h). Only the tables libharu reads change: cmap
 * (one format 4 subtable, platform 3 encoding 1) and post (format 3). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

#include "font.h"
#include "layout.h"
#include "pdf_font.h"
#include "util.h"

struct table {
	char tag[5];
	uint32_t off, len;
};

struct pdf_face {
	char *path;
	unsigned char *data;
	size_t len;
	struct table *tables;
	int ntables;
	uint16_t *gid;			/* per BMP code point, 0 = none */
	uint16_t *adv;			/* per glyph, thousandths (libharu's rounding) */
	int nglyphs;
};

static struct pdf_face *faces[LAY_FONT_COUNT];
static bool tried[LAY_FONT_COUNT];

static uint16_t
u16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t
u32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static const struct table *
table(const struct pdf_face *f, const char *tag)
{
	for (int i = 0; i < f->ntables; i++)
		if (memcmp(f->tables[i].tag, tag, 4) == 0)
			return &f->tables[i];
	return NULL;
}

/* The (3, 1) format 4 subtable into f->gid. */
static bool
read_cmap(struct pdf_face *f)
{
	const struct table *t = table(f, "cmap");
	const unsigned char *c, *sub = NULL;
	size_t sublen = 0;

	if (t == NULL || t->len < 4)
		return false;
	c = f->data + t->off;
	for (int i = 0; i < u16(c + 2) && 4 + 8 * (size_t)i + 8 <= t->len; i++) {
		const unsigned char *r = c + 4 + 8 * i;
		uint32_t o = u32(r + 4);
		if (u16(r) == 3 && u16(r + 2) == 1 && o + 14 <= t->len && u16(c + o) == 4) {
			sub = c + o;
			sublen = t->len - o;
			break;
		}
	}
	if (sub == NULL)
		return false;
	{
		size_t segs = u16(sub + 6) / 2;
		const unsigned char *ends = sub + 14, *starts = ends + 2 * segs + 2;
		const unsigned char *deltas = starts + 2 * segs, *ranges = deltas + 2 * segs;
		if (16 + 8 * segs > sublen)
			return false;
		for (size_t s = 0; s < segs; s++) {
			uint32_t start = u16(starts + 2 * s), end = u16(ends + 2 * s);
			uint16_t delta = u16(deltas + 2 * s), ro = u16(ranges + 2 * s);
			for (uint32_t cp = start; cp <= end && cp < 0xFFFF; cp++) {
				uint16_t g;
				if (ro == 0)
					g = (uint16_t)(cp + delta);
				else {
					size_t at = (size_t)(ranges + 2 * s - sub) + ro + 2 * (cp - start);
					if (at + 2 > sublen)
						continue;
					g = u16(sub + at);
					if (g != 0)
						g = (uint16_t)(g + delta);
				}
				if (g < f->nglyphs)
					f->gid[cp] = g;
			}
		}
	}
	return true;
}

static bool
parse(struct pdf_face *f)
{
	const struct table *head, *hhea, *hmtx, *maxp;
	unsigned upm, nmetrics;

	if (f->len < 12)
		return false;
	f->ntables = u16(f->data + 4);
	if (12 + 16 * (size_t)f->ntables > f->len)
		return false;
	f->tables = xcalloc((size_t)f->ntables, sizeof(*f->tables));
	for (int i = 0; i < f->ntables; i++) {
		const unsigned char *r = f->data + 12 + 16 * i;
		memcpy(f->tables[i].tag, r, 4);
		f->tables[i].off = u32(r + 8);
		f->tables[i].len = u32(r + 12);
		if ((size_t)f->tables[i].off + f->tables[i].len > f->len)
			return false;
	}
	head = table(f, "head");
	hhea = table(f, "hhea");
	hmtx = table(f, "hmtx");
	maxp = table(f, "maxp");
	if (head == NULL || hhea == NULL || hmtx == NULL || maxp == NULL ||
	    head->len < 54 || hhea->len < 36 || maxp->len < 6)
		return false;
	upm = u16(f->data + head->off + 18);
	nmetrics = u16(f->data + hhea->off + 34);
	f->nglyphs = u16(f->data + maxp->off + 4);
	if (upm == 0 || nmetrics == 0 || 4 * (size_t)nmetrics > hmtx->len)
		return false;
	f->adv = xcalloc((size_t)f->nglyphs + 1, sizeof(uint16_t));
	for (int g = 0; g < f->nglyphs; g++) {
		unsigned k = (unsigned)g < nmetrics ? (unsigned)g : nmetrics - 1;
		/* libharu: advance * 1000 / unitsPerEm, truncated. */
		f->adv[g] = (uint16_t)((uint32_t)u16(f->data + hmtx->off + 4 * k) * 1000 / upm);
	}
	f->gid = xcalloc(0x10000, sizeof(uint16_t));
	return read_cmap(f);
}

static void
face_free(struct pdf_face *f)
{
	if (f == NULL)
		return;
	free(f->path);
	free(f->data);
	free(f->tables);
	free(f->gid);
	free(f->adv);
	free(f);
}

const struct pdf_face *
pdf_face_get(int face)
{
	struct pdf_face *f;
	const char *path;

	if (face < 0 || face >= LAY_FONT_COUNT)
		return NULL;
	if (tried[face])
		return faces[face];
	tried[face] = true;
	path = font_path((enum font_face)face);
	if (path == NULL)
		return NULL;
	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	if (read_file(path, (char **)&f->data, &f->len) != 0 || !parse(f)) {
		face_free(f);
		return NULL;
	}
	faces[face] = f;
	return f;
}

const char *
pdf_face_path(const struct pdf_face *f)
{
	return f->path;
}

int
pdf_face_advance(const struct pdf_face *f, uint32_t cp)
{
	return f->adv[cp <= 0xFFFF ? f->gid[cp] : 0];
}

bool
pdf_face_has(const struct pdf_face *f, uint32_t cp)
{
	return cp <= 0xFFFF && f->gid[cp] != 0;
}

static void
put16(struct strbuf *sb, unsigned v)
{
	char b[2] = {(char)(v >> 8), (char)v};

	strbuf_append(sb, b, 2);
}

static void
put32(struct strbuf *sb, uint32_t v)
{
	put16(sb, v >> 16);
	put16(sb, v & 0xFFFF);
}

/* A cmap with one segment per run of consecutive code points, glyph ids
 * from the glyph array (idRangeOffset), closed by the 0xFFFF segment. */
static void
make_cmap(const struct pdf_face *f, const bool *used, struct strbuf *out)
{
	uint32_t *start = NULL, *end = NULL;
	size_t n = 0, cap = 0, ncap = 0, glyphs = 0;
	size_t segs, len;
	unsigned sr = 1, es = 0;

	for (uint32_t cp = 0; cp < 0xFFFF; cp++) {
		if (!used[cp] || f->gid[cp] == 0)
			continue;
		if (n > 0 && end[n - 1] + 1 == cp) {
			end[n - 1] = cp;
			glyphs++;
			continue;
		}
		xgrow((void **)&start, &cap, n + 1, sizeof(uint32_t));
		xgrow((void **)&end, &ncap, n + 1, sizeof(uint32_t));
		start[n] = end[n] = cp;
		n++;
		glyphs++;
	}
	segs = n + 1;
	while (sr * 2 <= segs) {
		sr *= 2;
		es++;
	}
	len = 16 + 8 * segs + 2 * glyphs;
	put16(out, 0);			/* cmap version */
	put16(out, 1);			/* one subtable */
	put16(out, 3);
	put16(out, 1);
	put32(out, 12);
	put16(out, 4);			/* format */
	put16(out, (unsigned)len);
	put16(out, 0);			/* language */
	put16(out, (unsigned)(2 * segs));
	put16(out, 2 * sr);
	put16(out, es);
	put16(out, (unsigned)(2 * segs - 2 * sr));
	for (size_t s = 0; s < n; s++)
		put16(out, end[s]);
	put16(out, 0xFFFF);
	put16(out, 0);			/* reserved pad */
	for (size_t s = 0; s < n; s++)
		put16(out, start[s]);
	put16(out, 0xFFFF);
	for (size_t s = 0; s < n; s++)
		put16(out, 0);		/* idDelta */
	put16(out, 1);
	/* idRangeOffset: bytes from this entry to the segment's first glyph id. */
	{
		size_t first = 0;
		for (size_t s = 0; s < n; s++) {
			put16(out, (unsigned)(2 * (segs - s) + 2 * first));
			first += end[s] - start[s] + 1;
		}
	}
	put16(out, 0);
	for (size_t s = 0; s < n; s++)
		for (uint32_t cp = start[s]; cp <= end[s]; cp++)
			put16(out, f->gid[cp]);
	free(start);
	free(end);
}

static uint32_t
checksum(const unsigned char *p, size_t len)
{
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i + 4 <= len; i += 4)
		sum += u32(p + i);
	if (i < len) {
		unsigned char b[4] = {0, 0, 0, 0};
		memcpy(b, p + i, len - i);
		sum += u32(b);
	}
	return sum;
}

/* A file holding data that no one else sees and nothing leaves behind: an
 * anonymous memory file on Linux (libharu opens it by /proc/self/fd/N), else
 * a temporary file. */
static int
write_anon(struct pdf_trimmed *t, const char *data, size_t len)
{
	const char *tmp = getenv("TMPDIR");

	t->fd = -1;
	t->anon = false;
#if defined(SYS_memfd_create)
	t->fd = (int)syscall(SYS_memfd_create, "slareport-font", 0);
	if (t->fd >= 0) {
		t->anon = true;
		t->path = xasprintf("/proc/self/fd/%d", t->fd);
	}
#endif
	if (t->fd < 0) {
		t->path = xasprintf("%s/slareport-font-XXXXXX",
		    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
		t->fd = mkstemp(t->path);
	}
	if (t->fd < 0 || write(t->fd, data, len) != (ssize_t)len) {
		pdf_trimmed_done(t);
		return -1;
	}
	return 0;
}

void
pdf_trimmed_done(struct pdf_trimmed *t)
{
	if (t->fd >= 0)
		close(t->fd);
	if (t->path != NULL && !t->anon)
		unlink(t->path);
	free(t->path);
	t->path = NULL;
	t->fd = -1;
}

int
pdf_face_trimmed(const struct pdf_face *f, const bool *used, struct pdf_trimmed *copy)
{
	struct strbuf out = {0}, cmap = {0}, post = {0};
	size_t dir, at;
	int rc = 0;
	uint32_t total;
	const struct table *pt = table(f, "post");

	make_cmap(f, used, &cmap);
	/* post format 3: the header without glyph names. */
	if (pt != NULL && pt->len >= 32) {
		put32(&post, 0x00030000);
		strbuf_append(&post, (const char *)f->data + pt->off + 4, 28);
	}
	/* Offset table and directory as in the original, then the tables. */
	strbuf_append(&out, (const char *)f->data, 12);
	dir = out.len;
	for (int i = 0; i < f->ntables; i++)
		strbuf_append(&out, (const char *)f->data + 12 + 16 * i, 16);
	for (int i = 0; i < f->ntables; i++) {
		const struct table *t = &f->tables[i];
		const char *src = (const char *)f->data + t->off;
		size_t len = t->len;
		unsigned char *rec;

		if (memcmp(t->tag, "cmap", 4) == 0)
			src = cmap.data, len = cmap.len;
		else if (memcmp(t->tag, "post", 4) == 0 && post.len > 0)
			src = post.data, len = post.len;
		while (out.len % 4 != 0)
			strbuf_putc(&out, '\0');
		at = out.len;
		strbuf_append(&out, src, len);
		rec = (unsigned char *)out.data + dir + 16 * i;
		if (memcmp(t->tag, "head", 4) == 0)
			memset(out.data + at + 8, 0, 4);	/* checkSumAdjustment */
		{
			/* Unchanged tables keep their checksum: glyf alone is 0.5 MB. */
			bool same = src == (const char *)f->data + t->off &&
			    memcmp(t->tag, "head", 4) != 0;
			uint32_t cs = same ? u32(f->data + 12 + 16 * i + 4) :
			    checksum((unsigned char *)out.data + at, len);
			unsigned char v[12] = {(unsigned char)(cs >> 24), (unsigned char)(cs >> 16),
				(unsigned char)(cs >> 8), (unsigned char)cs,
				(unsigned char)(at >> 24), (unsigned char)(at >> 16),
				(unsigned char)(at >> 8), (unsigned char)at,
				(unsigned char)(len >> 24), (unsigned char)(len >> 16),
				(unsigned char)(len >> 8), (unsigned char)len};
			memcpy(rec + 4, v, 12);
		}
	}
	while (out.len % 4 != 0)
		strbuf_putc(&out, '\0');
	/* The whole file's sum is the directory's plus every table's. */
	total = checksum((unsigned char *)out.data, dir + 16 * (size_t)f->ntables);
	for (int i = 0; i < f->ntables; i++)
		total += u32((unsigned char *)out.data + dir + 16 * i + 4);
	{
		const struct table *h = table(f, "head");
		for (int i = 0; i < f->ntables; i++)
			if (&f->tables[i] == h) {
				unsigned char *rec = (unsigned char *)out.data + dir + 16 * i;
				uint32_t hoff = u32(rec + 8), adj = 0xB1B0AFBAu - total;
				unsigned char v[4] = {(unsigned char)(adj >> 24),
					(unsigned char)(adj >> 16), (unsigned char)(adj >> 8),
					(unsigned char)adj};
				memcpy(out.data + hoff + 8, v, 4);
			}
	}
	if (write_anon(copy, out.data, out.len) != 0)
		rc = -1;
	strbuf_free(&out);
	strbuf_free(&cmap);
	strbuf_free(&post);
	return rc;
}
