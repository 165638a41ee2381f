/* test_json_print.c: json_print and json_print_file against cJSON_Print, byte for
 * byte (suite json_print). */
#include <criterion/criterion.h>
#include <cJSON.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "json_print.h"

/* Prints root both ways and fails at the first byte that differs; both must
 * fail together too. Frees nothing: the caller still owns root. */
static void
same(const cJSON *root, const char *what)
{
	char *ref = cJSON_Print(root);
	struct strbuf sb = {0};
	int rc = json_print(&sb, root);
	size_t i, n;

	if (ref == NULL) {
		cr_assert_eq(rc, -1, "%s: cJSON_Print failed, json_print did not", what);
		cr_assert_eq(sb.len, 0, "%s: text left after a failure", what);
		strbuf_free(&sb);
		return;
	}
	cr_assert_eq(rc, 0, "%s: json_print failed, cJSON_Print printed %s", what, ref);
	n = strlen(ref);
	for (i = 0; i < n && i < sb.len && ref[i] == sb.data[i]; i++)
		;
	if (i < n || i < sb.len) {
		size_t from = i > 40 ? i - 40 : 0;
		cr_assert_fail("%s: differs at byte %zu (lengths %zu, %zu):\n"
		    "cJSON:      %.80s\njson_print: %.80s", what, i, n, sb.len,
		    ref + from, sb.data + (from < sb.len ? from : sb.len));
	}
	cr_assert_eq(sb.data[sb.len], '\0');
	free(ref);
	strbuf_free(&sb);
}

/* json_print_file must write what json_print appends. */
static void
same_file(const cJSON *root, const char *what)
{
	struct strbuf sb = {0};
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	cr_assert_not_null(f);
	cr_assert_eq(json_print(&sb, root), 0, "%s", what);
	cr_assert_eq(json_print_file(f, root), 0, "%s", what);
	cr_assert_eq(fclose(f), 0);
	cr_assert_eq(len, sb.len, "%s: %zu bytes written, %zu printed", what, len, sb.len);
	cr_assert(memcmp(text, sb.data, len) == 0, "%s: the written text differs", what);
	free(text);
	strbuf_free(&sb);
}

static void
same_parsed(const char *text)
{
	cJSON *root = cJSON_Parse(text);

	cr_assert_not_null(root, "test input does not parse: %s", text);
	same(root, text);
	cJSON_Delete(root);
}

Test(json_print, empty_containers_at_every_depth)
{
	same_parsed("{}");
	same_parsed("[]");
	same_parsed("{\"a\": {}, \"b\": [], \"c\": [{}], \"d\": {\"e\": {\"f\": {}}}}");
	same_parsed("[[], [{}], [[{\"h\": {}}]], {\"i\": [[], {}]}]");
	same_parsed("{\"x\": [{\"y\": [{\"z\": {}}, {}]}, [[[{}]]]], \"w\": {\"v\": []}}");
	same_parsed("[1, \"two\", true, false, null, [3, [4, {\"five\": 5}]]]");
}

Test(json_print, scalars_at_the_root)
{
	cJSON *v[] = { cJSON_CreateNull(), cJSON_CreateTrue(), cJSON_CreateFalse(),
	    cJSON_CreateNumber(42), cJSON_CreateNumber(-0.5), cJSON_CreateString("s\n"),
	    cJSON_CreateRaw("{\"raw\":1}") };
	size_t i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		same(v[i], "a scalar root");
		cJSON_Delete(v[i]);
	}
}

Test(json_print, string_escapes)
{
	char all[256], key[64];
	cJSON *o = cJSON_CreateObject(), *a = cJSON_AddArrayToObject(o, "strings");
	int c;

	/* Every byte value once, the control characters included. */
	for (c = 1; c < 256; c++)
		all[c - 1] = (char)c;
	all[255] = '\0';
	cJSON_AddItemToArray(a, cJSON_CreateString(all));
	cJSON_AddItemToArray(a, cJSON_CreateString(""));
	cJSON_AddItemToArray(a, cJSON_CreateString("quote \" backslash \\ slash / del \x7f"));
	cJSON_AddItemToArray(a, cJSON_CreateString("\b\f\n\r\t\x01\x1f\x0b\x1b"));
	cJSON_AddItemToArray(a, cJSON_CreateString("UTF-8: \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
	cJSON_AddItemToArray(a, cJSON_CreateString("not UTF-8: \xff\xfe \xc3 \x80"));
	for (c = 1; c < 32; c++) {
		snprintf(key, sizeof key, "key %c \"%d\"\\", c, c);
		cJSON_AddNumberToObject(o, key, c);
	}
	cJSON_AddStringToObject(o, "\xe2\x82\xac", "\t");
	cJSON_AddStringToObject(o, "", "");
	same(o, "escapes");
	cJSON_Delete(o);
}

Test(json_print, null_strings_and_keys)
{
	cJSON *o = cJSON_CreateObject(), *s = cJSON_CreateString("x"), *k;

	/* cJSON prints a NULL valuestring, and a member without a key, as "". */
	free(s->valuestring);
	s->valuestring = NULL;
	cJSON_AddItemToObject(o, "nothing", s);
	k = cJSON_CreateNumber(1);
	cJSON_AddItemToArray(o, k);	/* an object member whose string is NULL */
	cr_assert_null(k->string);
	same(o, "NULL strings");
	cJSON_Delete(o);
}

Test(json_print, numbers)
{
	static const double v[] = {
		0, -0.0, 1, -1, 7, 10, 100, 1e3, 65536, INT_MAX, (double)INT_MAX + 1,
		(double)INT_MAX - 1, INT_MIN, (double)INT_MIN - 1, (double)INT_MIN + 1,
		4294967296.0, 1e14, 999999999999999.0, -999999999999999.0, 1e15,
		1e15 - 1, 1e15 + 1, -1e15, 1e16, 1234567890123456.0, 9007199254740992.0,
		9007199254740993.0, 1e17, 1e21, 1e22, 123456789012345678.0, 1e300, -1e300,
		DBL_MAX, -DBL_MAX, DBL_MIN, 5e-324, 0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3.0,
		2 / 3.0, -1 / 3.0, 100 / 3.0, 123456789012.5, 0.5, 95.5, 99.95, 4.35,
		1e-4, 1.5e-4, 0.00012345, 1e-5, 9.99e-5, 1e-10, 1e-300, 3.14159265358979,
		2.718281828459045, 95.588235294117652, 1.0000000000000002, 0.999999999999999,
		12345.678901234567, 1e15 + 0.5, 4503599627370495.5, NAN, -NAN, INFINITY,
		-INFINITY,
	};
	cJSON *a = cJSON_CreateArray(), *o = cJSON_CreateObject();
	char key[16];
	size_t i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		cJSON_AddItemToArray(a, cJSON_CreateNumber(v[i]));
		snprintf(key, sizeof key, "n%zu", i);
		cJSON_AddNumberToObject(o, key, v[i]);
	}
	same(a, "numbers in an array");
	same(o, "numbers in an object");
	cJSON_Delete(a);
	cJSON_Delete(o);
}

Test(json_print, stale_valueint_is_ignored)
{
	cJSON *a = cJSON_CreateArray(), *n;

	/* 1.7.15 prints valuedouble whatever valueint says. */
	n = cJSON_CreateNumber(5);
	n->valuedouble = 5.5;
	cJSON_AddItemToArray(a, n);
	n = cJSON_CreateNumber(0);
	n->valueint = 7;
	cJSON_AddItemToArray(a, n);
	same(a, "stale valueint");
	cJSON_Delete(a);
}

Test(json_print, raw_and_references)
{
	cJSON *o = cJSON_CreateObject(), *inner = cJSON_CreateArray(), *r;

	cJSON_AddItemToArray(inner, cJSON_CreateNumber(0.25));
	cJSON_AddRawToObject(o, "raw", "{\"a\":[1,2]}");
	cJSON_AddRawToObject(o, "empty raw", "");
	cJSON_AddItemToObject(o, "string ref", cJSON_CreateStringReference("by \"reference\""));
	cJSON_AddItemReferenceToObject(o, "array ref", inner);
	cJSON_AddItemToObjectCS(o, "const key", cJSON_CreateTrue());
	same(o, "raw and references");
	/* A Raw without text: cJSON_Print gives up, and so must json_print. */
	r = cJSON_AddRawToObject(o, "broken", "x");
	free(r->valuestring);
	r->valuestring = NULL;
	same(o, "raw without text");
	cJSON_Delete(o);
	cJSON_Delete(inner);
}

Test(json_print, unprintable_trees_leave_the_buffer_alone)
{
	struct strbuf sb = {0};
	cJSON *a = cJSON_CreateArray(), *bad = cJSON_CreateNull();

	bad->type = cJSON_Invalid;
	cJSON_AddItemToArray(a, cJSON_CreateNumber(1));
	cJSON_AddItemToArray(a, bad);
	same(a, "an invalid type");
	bad->type = cJSON_String | cJSON_Number;
	same(a, "two types at once");
	cr_assert_null(cJSON_Print(NULL));
	cr_assert_eq(json_print(&sb, NULL), -1);
	strbuf_puts(&sb, "kept");
	cr_assert_eq(json_print(&sb, a), -1);
	cr_assert_eq(sb.len, 4);
	cr_assert_str_eq(sb.data, "kept");
	/* It appends. */
	bad->type = cJSON_False;
	cr_assert_eq(json_print(&sb, a), 0);
	cr_assert_str_eq(sb.data, "kept[1, false]");
	strbuf_free(&sb);
	cJSON_Delete(a);
}

/* ---- random trees from a fixed seed (splitmix64: the same on every libc) ---- */

static uint64_t seed;

static uint64_t
rnd(void)
{
	uint64_t z = (seed += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static int
below(int n)
{
	return (int)(rnd() % (uint64_t)n);
}

/* Numbers the way kpis.json and worse would hold them. */
static double
rnd_number(void)
{
	static const double pow10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8 };
	double d;
	uint64_t u;

	switch (below(10)) {
	case 0:	return below(2001) - 1000;
	case 1:	return (double)INT_MAX + below(9) - 4;
	case 2:	return (double)INT_MIN + below(9) - 4;
	case 3:	return (double)(int64_t)(rnd() >> below(64));	/* beyond 2^31, 2^53 */
	case 4:	return (below(2) ? -1 : 1) * (double)(rnd() % 100000000) / pow10[below(9)];
	case 5:	return (double)below(100000) / (below(1000) + 1);
	case 6:	return ldexp((double)(rnd() >> 11), below(200) - 150);
	case 7:
		u = rnd();	/* any bit pattern: subnormals, NaNs, infinities */
		memcpy(&d, &u, sizeof d);
		return d;
	case 8:	return (below(2) ? 1 : -1) * (1e15 + below(2001) - 1000);
	default:
		return (double)rnd() / 18446744073709551616.0 * pow(10, below(40) - 20);
	}
}

static char *
rnd_text(char *buf, size_t size)
{
	static const char pool[] = "abcXYZ 09_-\"\\/\b\f\n\r\t\x01\x1f\x7f\xc3\xa9\xe2\x82\xac\xff";
	size_t i, n = (size_t)below((int)size);

	for (i = 0; i < n; i++)
		buf[i] = pool[below((int)sizeof pool - 1)];
	buf[n] = '\0';
	return buf;
}

static cJSON *
rnd_tree(int depth)
{
	char text[24];
	cJSON *v;
	int i, n, kind = depth >= 5 ? 2 + below(6) : below(8);

	switch (kind) {
	case 0:
	case 1:
		v = kind == 0 ? cJSON_CreateArray() : cJSON_CreateObject();
		n = below(7);
		for (i = 0; i < n; i++) {
			if (kind == 0)
				cJSON_AddItemToArray(v, rnd_tree(depth + 1));
			else
				cJSON_AddItemToObject(v, rnd_text(text, sizeof text), rnd_tree(depth + 1));
		}
		return v;
	case 2:	return cJSON_CreateString(rnd_text(text, sizeof text));
	case 3:	return below(3) == 0 ? cJSON_CreateNull() : cJSON_CreateBool(below(2));
	default: return cJSON_CreateNumber(rnd_number());
	}
}

Test(json_print, random_trees)
{
	char what[48];
	int i;

	seed = 20251129;
	for (i = 0; i < 4000; i++) {
		cJSON *root = i % 2 ? cJSON_CreateObject() : cJSON_CreateArray();
		int j, n = 1 + below(6);

		for (j = 0; j < n; j++) {
			if (i % 2)
				cJSON_AddItemToObject(root, "k", rnd_tree(1));
			else
				cJSON_AddItemToArray(root, rnd_tree(1));
		}
		snprintf(what, sizeof what, "random tree %d", i);
		same(root, what);
		cJSON_Delete(root);
	}
}

Test(json_print, random_numbers)
{
	char what[48];
	int i, j;

	seed = 7;
	for (i = 0; i < 100; i++) {
		cJSON *a = cJSON_CreateArray();

		for (j = 0; j < 2000; j++)
			cJSON_AddItemToArray(a, cJSON_CreateNumber(rnd_number()));
		snprintf(what, sizeof what, "random numbers, array %d", i);
		same(a, what);
		cJSON_Delete(a);
	}
}

/* Many times the 64 KiB json_print_file writes at once, with strings longer
 * than that too. */
static cJSON *
big_tree(void)
{
	cJSON *root = cJSON_CreateObject(), *a;
	char *long_text = malloc(200001);
	int i, j;

	cr_assert_not_null(long_text);
	memset(long_text, 'x', 200000);
	long_text[200000] = '\0';
	long_text[70000] = '\n';
	seed = 99;
	for (i = 0; i < 300; i++) {
		a = cJSON_AddArrayToObject(root, "rows");
		for (j = 0; j < 100; j++)
			cJSON_AddItemToArray(a, cJSON_CreateNumber(rnd_number()));
		cJSON_AddItemToObject(root, "tree", rnd_tree(1));
		if (i % 100 == 0)
			cJSON_AddStringToObject(root, "long", long_text);
	}
	free(long_text);
	return root;
}

Test(json_print, written_by_chunks)
{
	cJSON *root = big_tree(), *bad;
	FILE *f;
	char what[48];
	int i;

	same(root, "a big tree");
	same_file(root, "a big tree");
	seed = 3;
	for (i = 0; i < 200; i++) {
		cJSON *t = rnd_tree(0);

		snprintf(what, sizeof what, "random tree %d to a file", i);
		same_file(t, what);
		cJSON_Delete(t);
	}
	/* A full disk, and a tree cJSON cannot print: both fail. */
	f = fopen("/dev/full", "w");
	cr_assert_not_null(f);
	cr_assert_eq(json_print_file(f, root), -1);
	cr_assert(ferror(f));
	fclose(f);
	f = fopen("/dev/null", "w");
	cr_assert_not_null(f);
	bad = cJSON_AddRawToObject(root, "bad", "x");
	free(bad->valuestring);
	bad->valuestring = NULL;
	cr_assert_eq(json_print_file(f, root), -1);
	cr_assert_eq(json_print_file(f, NULL), -1);
	cr_assert(!ferror(f));
	fclose(f);
	cJSON_Delete(root);
}
