/* json_print.c: cJSON_Print's formatted text, written without its costs. */
#include "json_print.h"

#include <cJSON.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * kpis.json of a million events: 26 MB, some 750,000 numbers, all but a few
 * thousand of them integers. cJSON_Print formats each number with
 * sprintf("%1.15g") and reads it back with sscanf, and under jsonarena.c's
 * hooks (no realloc) grows its buffer by copying. Here integers go through an
 * itoa, and the text into one buffer grown with realloc or out to a file 64
 * KiB at a time. Other numbers keep cJSON's recipe: the text is the same byte
 * for byte (tests/unit/test_json_print.c compares the two).
 *
 * The rules are those of cJSON 1.7.15's print_value, print_number,
 * print_string_ptr, print_array and print_object. Its print_number looks only
 * at valuedouble, never at valueint: -0.0 prints as "-0".
 */

/* What is printed goes to sb, which with f set holds only the text not yet
 * written there (a failed write shows in ferror(f)). */
struct out {
	struct strbuf sb;
	FILE *f;
};

/* Writing to f by chunks spares faulting in a buffer as big as the text: that
 * was half the time of printing into a fresh 26 MB one. */
#define CHUNK	(64 * 1024)

static void
grow(struct out *o, size_t n)
{
	void *p;

	if (o->f != NULL && o->sb.len > 0) {
		fwrite(o->sb.data, 1, o->sb.len, o->f);
		o->sb.len = 0;
		if (n < o->sb.cap)
			return;
	}
	n += o->sb.len + 1;
	p = o->sb.data;
	xgrow(&p, &o->sb.cap, n < CHUNK ? CHUNK : n, 1);
	o->sb.data = p;
}

/* Room for n more bytes and a NUL (the caller advances sb.len). Most pieces
 * are a few bytes: this is inline, growing is not. */
static inline char *
room(struct out *o, size_t n)
{
	if (o->sb.cap - o->sb.len <= n)
		grow(o, n);
	return o->sb.data + o->sb.len;
}

static inline void
put(struct out *o, const char *s, size_t n)
{
	memcpy(room(o, n), s, n);
	o->sb.len += n;
}

#define PUT_LIT(o, lit) put((o), (lit), sizeof(lit) - 1)

static inline void
indent(struct out *o, size_t depth)
{
	char *t = room(o, depth);

	o->sb.len += depth;
	while (depth-- > 0)
		*t++ = '\t';
}

/* cJSON's compare_double: equal up to a relative DBL_EPSILON. */
static int
close_enough(double a, double b)
{
	double m = fabs(a) > fabs(b) ? fabs(a) : fabs(b);

	return fabs(a - b) <= m * DBL_EPSILON;
}

static void
put_number(struct out *o, double d)
{
	char buf[32], *p = buf + sizeof buf;
	unsigned long long u;
	int n;

	if (isnan(d) || isinf(d)) {
		PUT_LIT(o, "null");
		return;
	}
	/* "%1.15g" of an integer below 1e15 (where exponents start) is all its
	 * digits, and reads back as d: cJSON keeps it. printf writes the sign
	 * of -0 too, hence signbit rather than d < 0. */
	if (d > -1e15 && d < 1e15 && d == (double)(long long)d) {
		u = (unsigned long long)fabs(d);
		do {
			*--p = (char)('0' + u % 10);
			u /= 10;
		} while (u != 0);
		if (signbit(d))
			*--p = '-';
		put(o, p, (size_t)(buf + sizeof buf - p));
		return;
	}
	/* cJSON's way (no setlocale in slareport: the point is '.'). At most
	 * 24 bytes: cJSON's 26-byte buffer never overflows, nor does ours. */
	n = snprintf(buf, sizeof buf, "%1.15g", d);
	if (!close_enough(strtod(buf, NULL), d))
		n = snprintf(buf, sizeof buf, "%1.17g", d);
	put(o, buf, (size_t)n);
}

/* print_string_ptr escapes '"', '\\' and the bytes below 0x20 (DEL and
 * UTF-8 go out raw): here, the letter after the backslash of each, 'u' being
 * "u00" and two lowercase hex digits. 0 for the bytes that need nothing. */
static const char esc[256] = {
	'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
	'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
	['"'] = '"', ['\\'] = '\\',
};

/* A NULL string prints as "". Runs needing no escape are copied whole. */
static void
put_string(struct out *o, const char *str)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str, *run;
	char *e;

	PUT_LIT(o, "\"");
	while (s != NULL) {
		for (run = s; esc[*s] == 0; s++)
			;
		put(o, (const char *)run, (size_t)(s - run));
		if (*s == '\0')
			break;
		e = room(o, 6);
		e[0] = '\\';
		e[1] = esc[*s];
		if (e[1] == 'u') {
			e[2] = '0';
			e[3] = '0';
			e[4] = hex[*s >> 4];
			e[5] = hex[*s & 15];
			o->sb.len += 6;
		} else
			o->sb.len += 2;
		s++;
	}
	PUT_LIT(o, "\"");
}

/* print_value with format on. depth counts the arrays and objects around
 * item: an object's members get depth + 1 tabs, its '}' depth tabs. Arrays
 * stay on one line but still count, as in cJSON. */
static int
put_value(struct out *o, const cJSON *item, size_t depth)
{
	const cJSON *c;

	switch (item->type & 0xFF) {
	case cJSON_NULL:
		PUT_LIT(o, "null");
		return 0;
	case cJSON_False:
		PUT_LIT(o, "false");
		return 0;
	case cJSON_True:
		PUT_LIT(o, "true");
		return 0;
	case cJSON_Number:
		put_number(o, item->valuedouble);
		return 0;
	case cJSON_Raw:
		if (item->valuestring == NULL)
			return -1;
		put(o, item->valuestring, strlen(item->valuestring));
		return 0;
	case cJSON_String:
		put_string(o, item->valuestring);
		return 0;
	case cJSON_Array:
		PUT_LIT(o, "[");
		for (c = item->child; c != NULL; c = c->next) {
			if (put_value(o, c, depth + 1) != 0)
				return -1;
			if (c->next != NULL)
				PUT_LIT(o, ", ");
		}
		PUT_LIT(o, "]");
		return 0;
	case cJSON_Object:
		PUT_LIT(o, "{\n");
		for (c = item->child; c != NULL; c = c->next) {
			indent(o, depth + 1);
			put_string(o, c->string);
			PUT_LIT(o, ":\t");
			if (put_value(o, c, depth + 1) != 0)
				return -1;
			if (c->next != NULL)
				PUT_LIT(o, ",\n");
			else
				PUT_LIT(o, "\n");
		}
		indent(o, depth);
		PUT_LIT(o, "}");
		return 0;
	default:
		return -1;	/* cJSON_Invalid or a mix of types */
	}
}

int
json_print(struct strbuf *sb, const cJSON *item)
{
	return json_print_at(sb, item, 0);
}

int
json_print_at(struct strbuf *sb, const cJSON *item, size_t depth)
{
	struct out o = { *sb, NULL };
	int rc = item != NULL ? put_value(&o, item, depth) : -1;

	if (rc != 0)
		o.sb.len = sb->len;
	*room(&o, 0) = '\0';
	*sb = o.sb;
	return rc;
}

int
json_print_file(FILE *f, const cJSON *item)
{
	struct out o = { { NULL, 0, 0 }, f };
	int rc = item != NULL ? put_value(&o, item, 0) : -1;

	if (rc == 0)
		fwrite(o.sb.data, 1, o.sb.len, f);
	strbuf_free(&o.sb);
	return rc != 0 || ferror(f) ? -1 : 0;
}
