/* events.c: streaming reader of canonical event files into compact records. */
#include "events.h"

#include <cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "jsonarena.h"
#include "jsonptr.h"

/*
 * A file is read in chunks into a sliding buffer. The scanner finds the extent
 * of one record (an array element, an NDJSON line) without parsing it, then
 * cJSON parses only that record; the buffer keeps nothing older than the record
 * being looked at, so memory stays flat however large the file.
 */
struct reader {
	struct model *m;
	const char *relpath;
	uint32_t file;
	int fd;
	char *buf;
	size_t len, cap;	/* buf[0..len) holds file bytes buf_off … */
	size_t pos;		/* scan position in buf */
	size_t keep;		/* bytes before keep may be discarded */
	int64_t buf_off;	/* file offset of buf[0] */
	int eof, io_error;
	/* Line cursor: file offset cur_off is on line cur_line, whose first byte
	 * is at file offset cur_bol. Moves forward only. */
	int64_t cur_off, cur_bol;
	int cur_line;
	/* Set when a mapping reads the file: records go to fn, not to the model. */
	events_record_fn *fn;
	void *ctx;
	const char *records;	/* pointer text, as in the mapping */
	struct jsonptr ptr;
	int ndjson;
	size_t index;		/* of the current element in its array */
	int in_array;		/* the record is an element, not the whole file */
	struct strbuf where;	/* JSON Pointer of the record being delivered */
	int too_big;		/* a value passed MAX_RECORD: the file is given up */
	/* NDJSON read in parts (events_load_part): the lines that start in
	 * [part_start, part_end) of the file; line numbers count from the part's
	 * first line. part_end < 0: the whole file. */
	int64_t part_start, part_end;
	int lines;		/* lines the part covered, for the next part's numbers */
};

#define CHUNK (1 << 20)
/* Largest record (an event, an NDJSON line, a value skipped on the way to the
 * records) held in memory: real events are a few hundred bytes, and the cap
 * keeps memory flat on a 100 MB line (docs/input.md). */
#define MAX_RECORD (32u << 20)
#define MAX_RECORD_TEXT "32 MiB"

static void reader_count_lines(struct reader *r, size_t off);

/* Drops buf[0..keep): positions held across a fill must be absolute offsets. */
static void
reader_discard(struct reader *r)
{
	size_t k = r->keep;

	if (k == 0)
		return;
	reader_count_lines(r, k);
	memmove(r->buf, r->buf + k, r->len - k);
	r->len -= k;
	r->pos -= k;
	r->keep = 0;
	r->buf_off += (int64_t)k;
}

/* Reads more bytes; returns how many (0 at end of file or on error). */
static size_t
reader_fill(struct reader *r)
{
	ssize_t n;
	void *p = r->buf;

	if (r->eof)
		return 0;
	reader_discard(r);
	/* One spare byte: records are NUL-terminated in place while parsed. */
	xgrow(&p, &r->cap, r->len + CHUNK + 1, 1);
	r->buf = p;
	do
		n = read(r->fd, r->buf + r->len, CHUNK);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		if (n < 0)
			r->io_error = errno;
		r->eof = 1;
		return 0;
	}
	r->len += (size_t)n;
	return (size_t)n;
}

/* Moves the line cursor forward to buffer offset off (never backward). */
static void
reader_count_lines(struct reader *r, size_t off)
{
	size_t i = (size_t)(r->cur_off - r->buf_off);
	const char *p, *e = r->buf + off;

	if (r->buf_off + (int64_t)off <= r->cur_off)
		return;
	/* memchr: counting lines byte by byte was a tenth of an NDJSON import. */
	for (p = r->buf + i; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++) {
		r->cur_line++;
		r->cur_bol = r->buf_off + (int64_t)(p - r->buf) + 1;
	}
	r->cur_off = r->buf_off + (int64_t)off;
}

/* Line and column of buffer offset off; offsets are asked for in file order. */
static void
reader_linecol(struct reader *r, size_t off, int *line, int *col)
{
	reader_count_lines(r, off);
	*line = r->cur_line;
	*col = (int)(r->buf_off + (int64_t)off - r->cur_bol) + 1;
	if (*col < 1)
		*col = 1;
}

/* Line and column of off inside a record starting at start (cursor untouched
 * beyond start). */
static void
reader_inner_linecol(struct reader *r, size_t start, size_t off, int *line, int *col)
{
	int l, c;
	size_t i, bol;
	int64_t abs_bol;

	reader_linecol(r, start, &l, &c);
	abs_bol = r->cur_bol;
	bol = SIZE_MAX;
	for (i = start; i < off; i++)
		if (r->buf[i] == '\n') {
			l++;
			bol = i + 1;
		}
	*line = l;
	if (bol != SIZE_MAX)
		*col = (int)(off - bol) + 1;
	else
		*col = (int)(r->buf_off + (int64_t)off - abs_bol) + 1;
}

static void
reader_error(struct reader *r, size_t off, enum diag_level lvl, const char *fmt,
    const char *arg)
{
	int line, col;

	/* After an oversized value the readers unwind; that was the message. */
	if (r->too_big)
		return;
	reader_linecol(r, off, &line, &col);
	diag_add(r->m->diag, lvl, r->relpath, line, col, fmt, arg);
}

static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Skips whitespace; returns the next byte or -1 at end of file. */
static int
reader_peek(struct reader *r)
{
	for (;;) {
		while (r->pos < r->len && is_ws(r->buf[r->pos]))
			r->pos++;
		if (r->pos < r->len)
			return (unsigned char)r->buf[r->pos];
		if (reader_fill(r) == 0)
			return -1;
	}
}

enum scan { SCAN_OK, SCAN_MORE, SCAN_BAD };

/* Finds the end of the JSON value at buf[start]: *end is one past it. Brackets
 * are only counted here; cJSON checks everything else. */
static enum scan
scan_value(const char *b, size_t len, size_t start, size_t *end)
{
	size_t i = start;
	long depth = 0;

	if (i >= len)
		return SCAN_MORE;
	if (b[i] != '{' && b[i] != '[' && b[i] != '"') {
		/* number, true, false, null: up to a delimiter */
		while (i < len && !is_ws(b[i]) && b[i] != ',' && b[i] != ']' &&
		    b[i] != '}')
			i++;
		if (i == len)
			return SCAN_MORE;
		*end = i;
		return i > start ? SCAN_OK : SCAN_BAD;
	}
	for (; i < len; i++) {
		char c = b[i];
		if (c == '"') {
			for (i++; i < len && b[i] != '"'; i++)
				if (b[i] == '\\')
					i++;
			if (i >= len)
				return SCAN_MORE;
			if (depth == 0) {
				*end = i + 1;
				return SCAN_OK;
			}
		} else if (c == '{' || c == '[')
			depth++;
		else if (c == '}' || c == ']') {
			if (--depth == 0) {
				*end = i + 1;
				return SCAN_OK;
			}
		}
	}
	return SCAN_MORE;
}

static int
is_bare_start(char c)
{
	return c != '{' && c != '[' && c != '"';
}

/* Scans the value at r->pos, reading more of the file as needed. */
static enum scan
reader_value(struct reader *r, size_t *end)
{
	enum scan s;

	for (;;) {
		if ((s = scan_value(r->buf, r->len, r->pos, end)) != SCAN_MORE)
			return s;
		if (r->keep > r->pos)
			r->keep = r->pos;
		/* keep is where the record began (an event object read key by
		 * key) or the value itself. */
		if (r->len - r->keep > MAX_RECORD) {
			reader_error(r, r->keep, DIAG_ERROR, "a record larger than %s; the "
			    "rest of the file is not read", MAX_RECORD_TEXT);
			r->too_big = 1;
			r->m->quality.events_read++;
			r->m->quality.events_skipped++;
			return SCAN_BAD;
		}
		if (reader_fill(r) == 0) {
			/* A bare number closing the file is complete. */
			if (r->pos < r->len && is_bare_start(r->buf[r->pos])) {
				*end = r->len;
				return SCAN_OK;
			}
			return SCAN_MORE;
		}
	}
}

/* Hands a parsed value to the mapping with its JSON Pointer: an element of the
 * records array, or, in NDJSON, each element of the array at `records` inside
 * the line (lines are small; only they are ever whole trees). */
static void
reader_deliver(struct reader *r, const cJSON *obj, int line, int col)
{
	const cJSON *arr, *el;
	size_t i = 0;

	r->where.len = 0;
	strbuf_puts(&r->where, "");
	if (!r->ndjson || r->ptr.ntok == 0) {
		if (!r->ndjson && r->in_array) {
			strbuf_puts(&r->where, r->records);
			jsonptr_append_index(&r->where, r->index);
		}
		r->fn(r->ctx, obj, line, col, r->where.data);
		return;
	}
	arr = jsonptr_eval(&r->ptr, &obj, 1);
	if (!cJSON_IsArray(arr)) {
		diag_add(r->m->diag, DIAG_ERROR, r->relpath, line, col,
		    "records \"%s\": %s in this line", r->records,
		    arr == NULL ? "no such value" : "not an array");
		r->m->quality.events_read++;
		r->m->quality.events_skipped++;
		return;
	}
	for (el = arr->child; el != NULL; el = el->next, i++) {
		r->where.len = 0;
		strbuf_puts(&r->where, r->records);
		jsonptr_append_index(&r->where, i);
		r->fn(r->ctx, el, line, col, r->where.data);
	}
}

/* Offset in s[0..n) where brackets first nest deeper than cJSON parses
 * (CJSON_NESTING_LIMIT), or n: tells that failure apart from bad syntax. */
static size_t
too_deep_offset(const char *s, size_t n)
{
	size_t i, depth = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '"') {
			for (i++; i < n && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
		} else if (s[i] == '[' || s[i] == '{') {
			if (++depth > CJSON_NESTING_LIMIT)
				return i;
		} else if ((s[i] == ']' || s[i] == '}') && depth > 0)
			depth--;
	}
	return n;
}

/* Offset in s[0..n) of a \u0000 escape, or n: cJSON decodes it into a NUL that
 * silently cuts the string short ("A\u0000B" would become item "A"). */
static size_t
escaped_nul_offset(const char *s, size_t n)
{
	size_t i = 0;
	const char *p;

	/* memchr to each backslash: a byte loop here cost a tenth of an import. */
	while (i + 1 < n && (p = memchr(s + i, '\\', n - 1 - i)) != NULL) {
		i = (size_t)(p - s);
		if (s[i + 1] == 'u' && i + 6 <= n && memcmp(s + i + 2, "0000", 4) == 0)
			return i;
		i += 2;	/* past the escaped character, a backslash included */
	}
	return n;
}

/* Parses buf[start..end) as one record and adds it. */
static void
reader_record(struct reader *r, size_t start, size_t end)
{
	cJSON *obj;
	const char *endp = NULL;
	size_t bad;
	char saved;
	int line, col;

	/* cJSON would read a raw NUL inside a string and cut the text short. */
	const char *nul = memchr(r->buf + start, '\0', end - start);
	if (nul != NULL) {
		reader_inner_linecol(r, start, (size_t)(nul - r->buf), &line, &col);
		diag_add(r->m->diag, DIAG_ERROR, r->relpath, line, col,
		    "NUL byte inside a record; the event is skipped");
		r->m->quality.events_read++;
		r->m->quality.events_skipped++;
		return;
	}
	bad = escaped_nul_offset(r->buf + start, end - start);
	if (bad < end - start) {
		reader_inner_linecol(r, start, start + bad, &line, &col);
		diag_add(r->m->diag, DIAG_ERROR, r->relpath, line, col,
		    "\\u0000 (NUL) inside a string; the event is skipped");
		r->m->quality.events_read++;
		r->m->quality.events_skipped++;
		return;
	}
	bad = utf8_invalid_offset(r->buf + start, end - start);
	if (bad < end - start) {
		reader_inner_linecol(r, start, start + bad, &line, &col);
		diag_add(r->m->diag, DIAG_ERROR, r->relpath, line, col,
		    "invalid UTF-8 (byte 0x%02X); the event is skipped",
		    (unsigned char)r->buf[start + bad]);
		r->m->quality.events_read++;
		r->m->quality.events_skipped++;
		return;
	}
	saved = r->buf[end];
	r->buf[end] = '\0';
	obj = cJSON_ParseWithLengthOpts(r->buf + start, end - start + 1, &endp, 1);
	r->buf[end] = saved;
	if (obj == NULL) {
		size_t off = endp != NULL ? (size_t)(endp - r->buf) : start;
		size_t deep = start + too_deep_offset(r->buf + start, end - start);
		if (off > end)
			off = end;
		if (deep < end && deep <= off) {
			reader_inner_linecol(r, start, deep, &line, &col);
			diag_add(r->m->diag, DIAG_ERROR, r->relpath, line, col,
			    "nested deeper than %d levels; the event is skipped",
			    CJSON_NESTING_LIMIT);
		} else {
			reader_inner_linecol(r, start, off, &line, &col);
			diag_add(r->m->diag, DIAG_ERROR, r->relpath, line, col,
			    "malformed JSON; the event is skipped");
		}
		jsonarena_reset();	/* what the failed parse left */
		r->m->quality.events_read++;
		r->m->quality.events_skipped++;
		return;
	}
	reader_linecol(r, start, &line, &col);
	if (r->fn != NULL)
		reader_deliver(r, obj, line, col);
	else
		events_add_json(r->m, obj, r->file, r->relpath, line, col);
	jsonarena_reset();	/* frees the tree: no cJSON_Delete walk needed */
}

/* Reports the line at r->pos, longer than MAX_RECORD, and reads on past its
 * end without keeping it. */
static void
skip_long_line(struct reader *r)
{
	char *nl;

	reader_error(r, r->pos, DIAG_ERROR, "line longer than %s; the event is skipped",
	    MAX_RECORD_TEXT);
	r->m->quality.events_read++;
	r->m->quality.events_skipped++;
	for (;;) {
		r->pos = r->len;
		r->keep = r->pos;
		if (reader_fill(r) == 0)
			return;
		if ((nl = memchr(r->buf + r->pos, '\n', r->len - r->pos)) != NULL) {
			r->pos = (size_t)(nl - r->buf) + 1;
			return;
		}
	}
}

/* NDJSON: one record per line; a broken line spoils only itself. */
static void
read_ndjson(struct reader *r)
{
	size_t searched = 0;	/* bytes after pos known to hold no newline */

	for (;;) {
		char *nl;
		size_t start, end;

		/* A part owns the lines that start before its end. */
		if (r->part_end >= 0 && searched == 0 &&
		    r->buf_off + (int64_t)r->pos >= r->part_end)
			return;
		nl = memchr(r->buf + r->pos + searched, '\n', r->len - r->pos - searched);

		if (nl == NULL) {
			searched = r->len - r->pos;
			if (searched > MAX_RECORD) {
				skip_long_line(r);
				searched = 0;
				continue;
			}
			r->keep = r->pos;
			if (reader_fill(r) > 0)
				continue;
			if (r->pos >= r->len)
				return;
			end = r->len;	/* last line without a newline */
		} else
			end = (size_t)(nl - r->buf);
		searched = 0;
		start = r->pos;
		r->pos = end < r->len ? end + 1 : end;
		while (start < end && is_ws(r->buf[start]))
			start++;
		while (end > start && is_ws(r->buf[end - 1]))
			end--;
		/* The spare byte after the buffer makes buf[end] writable. */
		if (start < end)
			reader_record(r, start, end);
		r->keep = r->pos;
	}
}

/* Reads an array's elements as events; r->pos is just past '['. Returns 0
 * when the array closed, -1 on a structural error (reported). */
static int
read_array(struct reader *r)
{
	int c, first = 1;
	size_t end;

	r->in_array = 1;
	for (r->index = 0;; r->index++) {
		r->keep = r->pos;
		if ((c = reader_peek(r)) < 0) {
			reader_error(r, r->len, DIAG_ERROR,
			    "unexpected end of file inside an array%s", "");
			return -1;
		}
		if (c == ']') {
			r->pos++;
			return 0;
		}
		if (!first) {
			if (c != ',') {
				reader_error(r, r->pos, DIAG_ERROR,
				    "expected ',' or ']' between events%s", "");
				return -1;
			}
			r->pos++;
			if ((c = reader_peek(r)) < 0 || c == ']') {
				reader_error(r, r->pos, DIAG_ERROR,
				    "expected an event after ','%s", "");
				return -1;
			}
		}
		first = 0;
		r->keep = r->pos;	/* where the event starts, for a size error */
		switch (reader_value(r, &end)) {
		case SCAN_OK:
			reader_record(r, r->pos, end);
			r->pos = end;
			break;
		case SCAN_MORE:
			reader_error(r, r->pos, DIAG_ERROR,
			    "unexpected end of file: this event is not complete%s", "");
			return -1;
		case SCAN_BAD:
			reader_error(r, r->pos, DIAG_ERROR, "expected an event%s", "");
			return -1;
		}
	}
}

/* A top-level object is either a wrapper whose "events" key holds the array, or
 * one event (a JSON-lines file named .json). Other keys of a wrapper are
 * metadata and skipped. r->pos is at '{'. */
static int
read_object(struct reader *r)
{
	int64_t obj = r->buf_off + (int64_t)r->pos;	/* absolute: fills move the buffer */
	size_t end;
	int c, wrapper = 0;

	r->pos++;
	for (;;) {
		int64_t kstart;
		int is_events;

		r->keep = wrapper ? r->pos : (size_t)(obj - r->buf_off);
		if ((c = reader_peek(r)) < 0)
			goto truncated;
		if (c == '}')
			break;
		if (c == ',') {
			r->pos++;
			if ((c = reader_peek(r)) < 0)
				goto truncated;
		}
		if (c != '"') {
			reader_error(r, r->pos, DIAG_ERROR, "expected a key%s", "");
			return -1;
		}
		kstart = r->buf_off + (int64_t)r->pos;
		if (reader_value(r, &end) != SCAN_OK)
			goto truncated;
		is_events = r->buf_off + (int64_t)end - kstart == 8 &&
		    memcmp(r->buf + end - 8, "\"events\"", 8) == 0;
		r->pos = end;
		if ((c = reader_peek(r)) != ':') {
			if (c < 0)
				goto truncated;
			reader_error(r, r->pos, DIAG_ERROR, "expected ':'%s", "");
			return -1;
		}
		r->pos++;
		if ((c = reader_peek(r)) < 0)
			goto truncated;
		if (is_events && c == '[') {
			wrapper = 1;
			r->pos++;
			if (read_array(r) < 0)
				return -1;
			continue;
		}
		if (reader_value(r, &end) != SCAN_OK)
			goto truncated;
		r->pos = end;
	}
	r->pos++;
	if (!wrapper)
		reader_record(r, (size_t)(obj - r->buf_off), r->pos);
	return 0;
truncated:
	reader_error(r, wrapper ? r->pos : (size_t)(obj - r->buf_off), DIAG_ERROR,
	    "unexpected end of file: this object is not complete%s", "");
	return -1;
}

/* Whether the JSON string key[0..n) (quotes included) decodes to token. */
static int
key_equals(const char *key, size_t n, const char *token)
{
	char *copy;
	cJSON *k;
	int eq;

	if (memchr(key, '\\', n) == NULL)
		return n - 2 == strlen(token) && memcmp(key + 1, token, n - 2) == 0;
	copy = xstrndup(key, n);
	k = cJSON_Parse(copy);
	eq = cJSON_IsString(k) && strcmp(k->valuestring, token) == 0;
	cJSON_Delete(k);
	free(copy);
	return eq;
}

/* Streams the array that tokens i… of the records pointer designate below
 * the value at r->pos; members on the way are skipped unparsed. */
static void
read_at(struct reader *r, int i)
{
	int c, is_obj, first;
	size_t end, n = 0;

	if ((c = reader_peek(r)) < 0)
		goto truncated;
	if (i == r->ptr.ntok && c == '[') {
		r->pos++;
		read_array(r);
		return;
	}
	if (i == r->ptr.ntok || (c != '{' && c != '[')) {
		reader_error(r, r->pos, DIAG_ERROR, "records \"%s\": not an array "
		    "of records", r->records);
		return;
	}
	is_obj = c == '{';
	r->pos++;
	for (first = 1;; first = 0, n++) {
		int match;

		r->keep = r->pos;
		if ((c = reader_peek(r)) < 0)
			goto truncated;
		if (c == '}' || c == ']')
			break;
		if (!first && c != ',')
			goto syntax;
		if (!first) {
			r->pos++;
			if ((c = reader_peek(r)) < 0)
				goto truncated;
		}
		if (is_obj) {
			if (c != '"' || reader_value(r, &end) != SCAN_OK)
				goto syntax;
			match = key_equals(r->buf + r->pos, end - r->pos, r->ptr.tok[i]);
			r->pos = end;
			if (reader_peek(r) != ':')
				goto syntax;
			r->pos++;
		} else
			match = (long)n == r->ptr.index[i];
		if (match) {
			read_at(r, i + 1);
			return;
		}
		if (reader_peek(r) < 0 || reader_value(r, &end) != SCAN_OK)
			goto syntax;
		r->pos = end;
	}
	reader_error(r, r->pos, DIAG_ERROR, "records \"%s\": no such value in "
	    "this file", r->records);
	return;
syntax:
	reader_error(r, r->pos, DIAG_ERROR, "malformed JSON%s", "");
	return;
truncated:
	reader_error(r, r->len, DIAG_ERROR, "unexpected end of file%s", "");
}

static void
read_json(struct reader *r)
{
	int c;
	size_t end;

	if (r->fn != NULL && r->ptr.ntok > 0) {
		read_at(r, 0);
		return;
	}
	for (;;) {
		r->keep = r->pos;
		if ((c = reader_peek(r)) < 0)
			return;
		if (c == '[') {
			r->pos++;
			if (read_array(r) < 0)
				return;
		} else if (c == '{' && r->fn == NULL) {
			if (read_object(r) < 0)
				return;
		} else {
			if (reader_value(r, &end) == SCAN_OK) {
				reader_record(r, r->pos, end);	/* reports the type */
				r->pos = end;
			} else {
				reader_error(r, r->pos, DIAG_ERROR,
				    "expected an array or an object of events%s", "");
				return;
			}
		}
	}
}

static int
has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);

	return n >= k && strcmp(s + n - k, suf) == 0;
}

/* A part of an NDJSON file begins after the first newline at or after
 * part_start - 1 (where r->buf begins): the line before belongs to the part
 * before. Line numbers count from there. */
static void
skip_to_line_start(struct reader *r)
{
	char *nl;

	for (;;) {
		if ((nl = memchr(r->buf + r->pos, '\n', r->len - r->pos)) != NULL) {
			r->pos = (size_t)(nl - r->buf) + 1;
			break;
		}
		r->pos = r->len;
		r->keep = r->pos;
		if (reader_fill(r) == 0)
			break;
	}
	r->keep = r->pos;
	r->cur_off = r->cur_bol = r->buf_off + (int64_t)r->pos;
	r->cur_line = 1;
}

/* Reads the file r is set up for; 0, or -1 when it could not be read. */
static int
read_file_records(struct reader *r, const char *fullpath)
{
	uint64_t read_before = r->m->quality.events_read;
	size_t diag_before = diag_len(r->m->diag);

	if ((r->fd = open(fullpath, O_RDONLY | O_CLOEXEC)) < 0) {
		diag_add(r->m->diag, DIAG_ERROR, r->relpath, 0, 0, "cannot open: %s",
		    strerror(errno));
		return -1;
	}
	if (r->part_start > 0 && lseek(r->fd, r->part_start - 1, SEEK_SET) < 0) {
		r->io_error = errno;
		r->eof = 1;
	} else if (r->part_start > 0)
		r->buf_off = r->cur_off = r->cur_bol = r->part_start - 1;
	reader_fill(r);
	jsonarena_begin();
	r->ndjson = has_suffix(r->relpath, ".ndjson") || has_suffix(r->relpath, ".jsonl");
	if (r->part_start > 0)
		skip_to_line_start(r);
	/* A UTF-8 byte-order mark is tolerated: some exporters write one. */
	else if (r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0)
		r->pos = 3;
	if (r->ndjson)
		read_ndjson(r);
	else
		read_json(r);
	jsonarena_end();
	reader_count_lines(r, r->pos);
	r->lines = r->cur_line - 1;
	if (r->io_error)
		diag_add(r->m->diag, DIAG_ERROR, r->relpath, 0, 0, "read error: %s",
		    strerror(r->io_error));
	/* An empty export is more often a failed export than a quiet month
	 * (for a part, events_pool.c decides for the whole file). */
	else if (r->fn == NULL && r->part_end < 0 && r->m->quality.events_read == read_before &&
	    diag_len(r->m->diag) == diag_before)
		diag_add(r->m->diag, DIAG_WARNING, r->relpath, 0, 0,
		    "no events in this file");
	close(r->fd);
	free(r->buf);
	return r->io_error ? -1 : 0;
}

int
events_load_file(struct model *m, const char *relpath, const char *fullpath)
{
	return events_stream_file(m, relpath, fullpath, "", NULL, NULL);
}

/* Reads the lines of fullpath that start in [start, end) (end < 0: all the
 * file, any format) into m or, with fn, hands its records to fn. */
static int
read_stream(struct model *m, const char *relpath, const char *fullpath,
    const char *records, events_record_fn *fn, void *ctx, int64_t start, int64_t end,
    int *lines)
{
	struct reader r;
	int rc;

	memset(&r, 0, sizeof r);
	r.m = m;
	r.relpath = relpath;
	r.file = strtab_intern(m->strings, relpath, strlen(relpath));
	r.cur_line = 1;
	r.part_start = start;
	r.part_end = end;
	r.fn = fn;
	r.ctx = ctx;
	r.records = records;
	/* The mapping checked the pointer already. */
	if (jsonptr_compile(records, 0, &r.ptr) != NULL)
		return -1;
	rc = read_file_records(&r, fullpath);
	jsonptr_free(&r.ptr);
	strbuf_free(&r.where);
	if (lines != NULL)
		*lines = r.lines;
	return rc;
}

int
events_load_part(struct model *m, const char *relpath, const char *fullpath,
    int64_t start, int64_t end, int *lines)
{
	return read_stream(m, relpath, fullpath, "", NULL, NULL, start, end, lines);
}

int
events_stream_file(struct model *m, const char *relpath, const char *fullpath,
    const char *records, events_record_fn *fn, void *ctx)
{
	return read_stream(m, relpath, fullpath, records, fn, ctx, 0, -1, NULL);
}
