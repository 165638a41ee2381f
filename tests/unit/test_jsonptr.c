/* test_jsonptr.c: RFC 6901 examples, escapes, array indexes and "../" steps. */
#include <criterion/criterion.h>
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>
#include "jsonptr.h"

/* RFC 6901 §5: the example document. */
static const char doc[] =
    "{\"foo\": [\"bar\", \"baz\"], \"\": 0, \"a/b\": 1, \"c%d\": 2, \"e^f\": 3,"
    " \"g|h\": 4, \"i\\\\j\": 5, \"k\\\"l\": 6, \" \": 7, \"m~n\": 8}";

static cJSON *root;

static void
setup(void)
{
	root = cJSON_Parse(doc);
	cr_assert_not_null(root);
}

static void
teardown(void)
{
	cJSON_Delete(root);
}

TestSuite(jsonptr, .init = setup, .fini = teardown);

static double
num(const char *ptr)
{
	const cJSON *v = jsonptr_get(root, ptr);

	cr_assert_not_null(v, "%s not found", ptr);
	cr_assert(cJSON_IsNumber(v), "%s is not a number", ptr);
	return v->valuedouble;
}

Test(jsonptr, rfc6901_examples)
{
	cr_expect_eq(jsonptr_get(root, ""), root);
	cr_expect(cJSON_IsArray(jsonptr_get(root, "/foo")));
	cr_expect_str_eq(jsonptr_get(root, "/foo/0")->valuestring, "bar");
	cr_expect_str_eq(jsonptr_get(root, "/foo/1")->valuestring, "baz");
	cr_expect_eq(num("/"), 0);
	cr_expect_eq(num("/a~1b"), 1);
	cr_expect_eq(num("/c%d"), 2);
	cr_expect_eq(num("/e^f"), 3);
	cr_expect_eq(num("/g|h"), 4);
	cr_expect_eq(num("/i\\j"), 5);
	cr_expect_eq(num("/k\"l"), 6);
	cr_expect_eq(num("/ "), 7);
	cr_expect_eq(num("/m~0n"), 8);
}

Test(jsonptr, escapes_decode_in_order)
{
	struct jsonptr p;

	/* "~01" is "~1" (a tilde then "1"), never "/". */
	cr_assert_null(jsonptr_compile("/~01/~10", 0, &p));
	cr_assert_eq(p.ntok, 2);
	cr_expect_str_eq(p.tok[0], "~1");
	cr_expect_str_eq(p.tok[1], "/0");
	jsonptr_free(&p);
}

Test(jsonptr, absent_and_malformed)
{
	struct jsonptr p;

	cr_expect_null(jsonptr_get(root, "/nope"));
	cr_expect_null(jsonptr_get(root, "/foo/2"));
	cr_expect_null(jsonptr_get(root, "/foo/-"), "'-' is past the end");
	cr_expect_null(jsonptr_get(root, "/foo/01"), "no leading zeros");
	cr_expect_null(jsonptr_get(root, "/foo/bar"));
	cr_expect_null(jsonptr_get(root, "/foo/0/x"), "below a string");
	cr_expect_not_null(jsonptr_compile("foo", 0, &p), "no leading slash");
	cr_expect_eq(p.ntok, 0);
	cr_expect_not_null(jsonptr_compile("/a~2", 0, &p));
	cr_expect_not_null(jsonptr_compile("/a~", 0, &p));
	cr_expect_not_null(jsonptr_compile("../a", 0, &p), "no parents allowed here");
}

Test(jsonptr, parent_steps)
{
	struct jsonptr p;
	cJSON *rec = cJSON_Parse("{\"key\": \"SUP-1\", \"h\": [{\"created\": \"t1\","
	    " \"items\": [{\"field\": \"status\"}]}]}");
	const cJSON *stack[3];

	stack[0] = rec;
	stack[1] = jsonptr_get(rec, "/h/0");
	stack[2] = jsonptr_get(rec, "/h/0/items/0");
	cr_assert_null(jsonptr_compile("../../key", 1, &p));
	cr_expect_eq(p.up, 2);
	cr_expect_str_eq(jsonptr_eval(&p, stack, 3)->valuestring, "SUP-1");
	jsonptr_free(&p);
	cr_assert_null(jsonptr_compile("../created", 1, &p));
	cr_expect_eq(p.up, 1);
	cr_expect_str_eq(jsonptr_eval(&p, stack, 3)->valuestring, "t1");
	cr_expect_null(jsonptr_eval(&p, stack, 1), "no parent to climb to");
	jsonptr_free(&p);
	cr_assert_null(jsonptr_compile("..", 1, &p));
	cr_expect_eq(p.up, 1);
	cr_expect_eq(p.ntok, 0);
	cr_expect_eq(jsonptr_eval(&p, stack, 3), stack[1]);
	jsonptr_free(&p);
	cr_assert_null(jsonptr_compile("/field", 1, &p));
	cr_expect_str_eq(jsonptr_eval(&p, stack, 3)->valuestring, "status");
	jsonptr_free(&p);
	cr_expect_not_null(jsonptr_compile("..x", 1, &p));
	cJSON_Delete(rec);
}

Test(jsonptr, hint_follows_changing_key_order)
{
	struct jsonptr p;
	cJSON *a = cJSON_Parse("{\"x\": 1, \"y\": 2, \"z\": 3}");
	cJSON *b = cJSON_Parse("{\"z\": 30, \"x\": 10}");
	const cJSON *s;

	cr_assert_null(jsonptr_compile("/z", 0, &p));
	s = a;
	cr_expect_eq(jsonptr_eval(&p, &s, 1)->valueint, 3);
	s = b;
	cr_expect_eq(jsonptr_eval(&p, &s, 1)->valueint, 30);
	s = a;
	cr_expect_eq(jsonptr_eval(&p, &s, 1)->valueint, 3);
	jsonptr_free(&p);
	cr_assert_null(jsonptr_compile("/y", 0, &p));
	s = b;
	cr_expect_null(jsonptr_eval(&p, &s, 1));
	jsonptr_free(&p);
	cJSON_Delete(a);
	cJSON_Delete(b);
}

Test(jsonptr, append_escapes)
{
	struct strbuf sb = {0};

	jsonptr_append(&sb, "a/b~c");
	jsonptr_append_index(&sb, 12);
	cr_expect_str_eq(sb.data, "/a~1b~0c/12");
	cr_expect_eq(jsonptr_get(root, "/a~1b")->valueint, 1);
	strbuf_free(&sb);
}
