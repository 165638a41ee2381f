/* test_mustache.c: every test of the Mustache spec files in tests/mustache/,
 * and the engine's errors (suite mustache). */
#include <criterion/criterion.h>
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mustache.h"
#include "util.h"

static const char *const spec_files[] = {
	"comments", "delimiters", "interpolation", "inverted", "partials", "sections",
};

/* Partials come from the test's "partials" object. */
static const char *
load_partial(void *ctx, const char *name, size_t *len)
{
	const cJSON *p = cJSON_GetObjectItemCaseSensitive((const cJSON *)ctx, name);

	if (!cJSON_IsString(p))
		return NULL;
	*len = strlen(p->valuestring);
	return p->valuestring;
}

/* Runs one spec file; returns the number of tests run, failures counted in *failed. */
static int
run_spec(const char *file, int *failed)
{
	char *path = xasprintf("%s/mustache/%s.json", TESTS_DIR, file), *text;
	size_t len;
	cJSON *root, *tests, *t;
	int n = 0;

	cr_assert_eq(read_file(path, &text, &len), 0, "cannot read %s", path);
	root = cJSON_Parse(text);
	cr_assert_not_null(root, "%s is not JSON", path);
	tests = cJSON_GetObjectItemCaseSensitive(root, "tests");
	cJSON_ArrayForEach(t, tests) {
		const char *name = cJSON_GetObjectItemCaseSensitive(t, "name")->valuestring;
		const char *tpl = cJSON_GetObjectItemCaseSensitive(t, "template")->valuestring;
		const char *want = cJSON_GetObjectItemCaseSensitive(t, "expected")->valuestring;
		cJSON *partials = cJSON_GetObjectItemCaseSensitive(t, "partials");
		struct mustache *mu = mustache_new(load_partial, partials);
		struct mustache_error err = {0};
		char *got = mustache_render(mu, tpl, strlen(tpl),
		    cJSON_GetObjectItemCaseSensitive(t, "data"), &err);

		n++;
		if (got == NULL) {
			cr_log_error("%s: %s: error %d:%d: %s", file, name, err.line, err.col,
			    err.message);
			(*failed)++;
		} else if (strcmp(got, want) != 0) {
			cr_log_error("%s: %s:\n  want [%s]\n  got  [%s]", file, name, want, got);
			(*failed)++;
		}
		free(got);
		mustache_free(mu);
	}
	cJSON_Delete(root);
	free(text);
	free(path);
	return n;
}

Test(mustache, spec)
{
	int failed = 0, total = 0;
	size_t i;

	for (i = 0; i < sizeof spec_files / sizeof *spec_files; i++) {
		int f = 0, n = run_spec(spec_files[i], &f);
		cr_expect_gt(n, 0, "%s has no tests", spec_files[i]);
		total += n;
		failed += f;
	}
	cr_log_info("mustache spec: %d tests, %d failed", total, failed);
	cr_assert_eq(failed, 0, "%d of %d mustache spec tests failed", failed, total);
	cr_assert_geq(total, 100);
}

/* Renders tpl with data (JSON text); expects an error at line:col. */
static void
expect_error(const char *tpl, const char *partials, int line, int col, const char *what)
{
	cJSON *p = partials != NULL ? cJSON_Parse(partials) : NULL;
	struct mustache *mu = mustache_new(load_partial, p);
	struct mustache_error err = {0};
	cJSON *data = cJSON_Parse("{\"a\": [1, 2], \"b\": {\"c\": 1}}");
	char *got = mustache_render(mu, tpl, strlen(tpl), data, &err);

	cr_expect_null(got, "%s: rendered [%s]", tpl, got ? got : "");
	cr_expect_eq(err.line, line, "%s: line %d, want %d (%s)", tpl, err.line, line, err.message);
	cr_expect_eq(err.col, col, "%s: col %d, want %d (%s)", tpl, err.col, col, err.message);
	cr_expect(strstr(err.message, what) != NULL, "%s: message [%s] lacks [%s]", tpl,
	    err.message, what);
	free(got);
	mustache_free(mu);
	cJSON_Delete(data);
	cJSON_Delete(p);
}

Test(mustache, errors)
{
	expect_error("x\n  {{#a}}y", NULL, 2, 3, "not closed");
	expect_error("{{#a}}{{/b}}", NULL, 1, 7, "closes section 'a'");
	expect_error("{{/a}}", NULL, 1, 1, "never opened");
	expect_error("ab {{x", NULL, 1, 4, "not closed");
	expect_error("{{{x}}", NULL, 1, 1, "not closed");
	expect_error("{{= a =}}", NULL, 1, 1, "bad delimiters");
	expect_error("{{=a= b=}}", NULL, 1, 1, "bad delimiters");
	expect_error("{{=a b c=}}", NULL, 1, 1, "bad delimiters");
	expect_error("{{}}", NULL, 1, 1, "without a name");
	expect_error("{{>self}}", "{\"self\": \"x{{>self}}\"}", 1, 2, "deeper than 64");
	expect_error("{{>bad}}", "{\"bad\": \"\\n{{#q}}\"}", 2, 1, "not closed");
}

Test(mustache, escaping_and_cache)
{
	cJSON *data = cJSON_Parse("{\"x\": \"<script>alert('1')</script>&\", \"n\": 95.5,"
	    " \"z\": 0, \"e\": \"\"}");
	cJSON *partials = cJSON_Parse("{\"p\": \"[{{x}}]\"}");
	struct mustache *mu = mustache_new(load_partial, partials);
	struct mustache_error err;
	char *s;
	int i;

	const char *tpl = "{{x}}|{{{x}}}|{{n}}|{{z}}|{{#e}}E{{/e}}{{^e}}none{{/e}}";

	s = mustache_render(mu, tpl, strlen(tpl), data, &err);
	cr_assert_not_null(s, "%s", err.message);
	cr_expect_str_eq(s, "&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt;&amp;|"
	    "<script>alert('1')</script>&|95.5|0|none");
	free(s);
	for (i = 0; i < 3; i++) {
		s = mustache_render_name(mu, "p", data, &err);
		cr_assert_not_null(s);
		cr_expect_str_eq(s, "[&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt;&amp;]");
		free(s);
	}
	cr_expect_null(mustache_render_name(mu, "nope", data, &err));
	cr_expect(strstr(err.message, "no template") != NULL);
	mustache_free(mu);
	cJSON_Delete(partials);
	cJSON_Delete(data);
}
