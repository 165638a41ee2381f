/* test_yamlnode.c: the YAML tree, its source positions and every YAML-level error. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "yamlnode.h"

/* Every diagnostic of d, formatted, one per line. */
static char *
all_diags(const struct diag *d)
{
	struct strbuf sb = {0};
	size_t i;

	strbuf_puts(&sb, "");
	for (i = 0; i < diag_len(d); i++) {
		char *s = diag_format(diag_get(d, i));
		strbuf_printf(&sb, "%s%s", i > 0 ? "\n" : "", s);
		free(s);
	}
	return strbuf_detach(&sb, NULL);
}

/* Parses text (first line fl) expecting the diagnostics want ("" for none). */
static struct yamlnode *
parse(const char *text, int fl, const char *want, int want_errors)
{
	struct diag *d = diag_new();
	struct yamlnode *root = NULL;
	int n = yamlnode_parse(text, strlen(text), fl, "f.md", d, &root);
	char *got = all_diags(d);

	cr_expect_str_eq(got, want);
	cr_expect_eq(n, want_errors, "errors: %d, want %d", n, want_errors);
	if (want_errors > 0)
		cr_expect_null(root);
	free(got);
	diag_free(d);
	return root;
}

Test(yamlnode, tree_and_positions)
{
	/* Starts on source line 10: line k of the text is line 9 + k. */
	struct yamlnode *r = parse("id: desk\nlist:\n  - \"a\"\n  - b\nmap: {x: 1}\n", 10,
	    "", 0);
	const struct yamlnode *v;

	cr_assert_not_null(r);
	cr_expect_eq(r->type, YAMLNODE_MAPPING);
	cr_expect_eq(r->n, 3);
	cr_expect_eq(r->line, 10);
	cr_expect_eq(r->col, 1);
	cr_expect_str_eq(yamlnode_key(r, 0)->text, "id");
	v = yamlnode_get(r, "id");
	cr_expect_str_eq(v->text, "desk");
	cr_expect_eq(v->len, 4);
	cr_expect_eq(v->line, 10);
	cr_expect_eq(v->col, 5);
	cr_expect(!v->quoted);
	v = yamlnode_get(r, "list");
	cr_assert_eq(v->type, YAMLNODE_SEQUENCE);
	cr_expect_eq(v->n, 2);
	cr_expect_str_eq(v->items[0]->text, "a");
	cr_expect(v->items[0]->quoted);
	cr_expect_eq(v->items[0]->line, 12);
	cr_expect_eq(v->items[0]->col, 5);
	cr_expect_eq(v->items[1]->line, 13);
	v = yamlnode_get(r, "map");
	cr_assert_eq(v->type, YAMLNODE_MAPPING);
	cr_expect_eq(v->line, 14);
	cr_expect_eq(v->col, 6);
	cr_expect_str_eq(yamlnode_value(v, 0)->text, "1");
	cr_expect_eq(yamlnode_value(v, 0)->col, 10);
	cr_expect_null(yamlnode_get(r, "nope"));
	yamlnode_free(r);
}

Test(yamlnode, columns_count_bytes)
{
	/* "ä" is two bytes: the value after "k: ä, " starts at byte column 9. */
	struct yamlnode *r = parse("x: [ä, y]\n", 1, "", 0);
	const struct yamlnode *v = yamlnode_get(r, "x");

	cr_assert_not_null(v);
	cr_expect_eq(v->items[0]->col, 5);
	cr_expect_eq(v->items[1]->col, 9);
	yamlnode_free(r);
}

Test(yamlnode, byte_order_mark_is_not_a_column)
{
	struct yamlnode *r = parse("\xEF\xBB\xBFid: a\n", 1, "", 0);

	cr_assert_not_null(r);
	cr_expect_eq(yamlnode_get(r, "id")->col, 5);
	yamlnode_free(r);
}

Test(yamlnode, nulls_and_quotes)
{
	struct yamlnode *r = parse("a:\nb: ~\nc: null\nd: \"null\"\ne: ''\nf: x\n", 1, "", 0);

	cr_expect(yamlnode_is_null(yamlnode_get(r, "a")));
	cr_expect(yamlnode_is_null(yamlnode_get(r, "b")));
	cr_expect(yamlnode_is_null(yamlnode_get(r, "c")));
	cr_expect(!yamlnode_is_null(yamlnode_get(r, "d")));
	cr_expect(!yamlnode_is_null(yamlnode_get(r, "e")));
	cr_expect(!yamlnode_is_null(yamlnode_get(r, "f")));
	cr_expect(!yamlnode_is_null(NULL));
	cr_expect_str_eq(yamlnode_type_name(r), "a mapping");
	cr_expect_str_eq(yamlnode_type_name(yamlnode_get(r, "f")), "a string");
	yamlnode_free(r);
}

Test(yamlnode, empty_text_has_no_root)
{
	cr_expect_null(parse("", 1, "", 0));
	cr_expect_null(parse("# only a comment\n", 1, "", 0));
}

Test(yamlnode, duplicate_key)
{
	parse("id: a\ntitle: t\nid: b\n", 2,
	    "f.md:4:1: error: duplicate key \"id\" (first at line 2)", 1);
}

Test(yamlnode, duplicate_key_nested_and_flow)
{
	parse("s:\n  1: {a: 1, a: 2}\n", 1,
	    "f.md:2:13: error: duplicate key \"a\" (first at line 2)", 1);
}

Test(yamlnode, same_key_in_different_mappings_is_fine)
{
	struct yamlnode *r = parse("a: {x: 1}\nb: {x: 2}\n", 1, "", 0);

	cr_expect_not_null(r);
	yamlnode_free(r);
}

Test(yamlnode, alias_is_an_error)
{
	parse("id: &x a\ntitle: *x\n", 2, "f.md:3:8: error: aliases are not supported", 1);
}

Test(yamlnode, tag_is_an_error)
{
	parse("id: !!str 5\n", 1, "f.md:1:5: error: tags are not supported (\"!!str\")", 1);
	parse("id: !mine 5\n", 1, "f.md:1:5: error: tags are not supported (\"!mine\")", 1);
}

Test(yamlnode, key_must_be_a_string)
{
	parse("? [a]\n: 1\n", 1, "f.md:1:3: error: expected a string as key, got a list", 1);
}

Test(yamlnode, syntax_error_with_context)
{
	/* The flow sequence opens at line 5 (text line 1), the error is where the
	 * text ends, line 6 column 1. */
	parse("a: [1, 2\n", 5, "f.md:6:1: error: did not find expected ',' or ']' "
	    "(while parsing a flow sequence at line 5)", 1);
}

Test(yamlnode, syntax_error_without_context)
{
	parse("a: b: c\n", 1,
	    "f.md:1:5: error: mapping values are not allowed in this context", 1);
}

Test(yamlnode, tab_indentation)
{
	parse("a:\n\tb: 1\n", 2, "f.md:3:1: error: tab character: indent YAML with spaces", 1);
	parse("a:\n  b: 1\n\tc: 2\n", 1,
	    "f.md:3:1: error: tab character: indent YAML with spaces", 1);
}

Test(yamlnode, invalid_utf8_before_parsing)
{
	/* Byte 0xE9 (Latin-1 "é") at line 2 of the text, byte column 11. */
	parse("id: a\ntitle: caf\xE9\n", 7,
	    "f.md:8:11: error: invalid UTF-8 (byte 0xe9)", 1);
}

Test(yamlnode, control_character)
{
	parse("a: b\x01\n", 1, "f.md:1:5: error: control characters are not allowed", 1);
}

Test(yamlnode, depth_limit)
{
	struct strbuf sb = {0};
	struct diag *d = diag_new();
	struct yamlnode *r = NULL;
	int i;

	/* 64 nested lists are fine; the 65th opens at column 65. */
	for (i = 0; i < 64; i++)
		strbuf_putc(&sb, '[');
	for (i = 0; i < 64; i++)
		strbuf_putc(&sb, ']');
	cr_expect_eq(yamlnode_parse(sb.data, sb.len, 1, "f", d, &r), 0);
	cr_expect_not_null(r);
	yamlnode_free(r);
	strbuf_free(&sb);
	for (i = 0; i < 65; i++)
		strbuf_putc(&sb, '[');
	for (i = 0; i < 65; i++)
		strbuf_putc(&sb, ']');
	cr_expect_eq(yamlnode_parse(sb.data, sb.len, 1, "f", d, &r), 1);
	cr_expect_null(r);
	cr_assert_eq(diag_len(d), 1);
	cr_expect_str_eq(diag_get(d, 0)->message, "nesting deeper than 64 levels");
	cr_expect_eq(diag_get(d, 0)->col, 65);
	strbuf_free(&sb);
	diag_free(d);
}

Test(yamlnode, one_document_only)
{
	parse("a: 1\n---\nb: 2\n", 1,
	    "f.md:2:1: error: only one YAML document is allowed", 1);
}

Test(yamlnode, several_errors_in_one_parse)
{
	parse("a: 1\na: 2\nb: *x\n", 1,
	    "f.md:2:1: error: duplicate key \"a\" (first at line 1)\n"
	    "f.md:3:4: error: aliases are not supported", 2);
}

/* ---- checked access ---- */

static char *
finish(struct yamlcheck *c)
{
	struct diag *d = diag_new();
	char *s;

	yamlnode_check_finish(c, d);
	s = all_diags(d);
	diag_free(d);
	return s;
}

Test(yamlnode, checked_access)
{
	struct yamlnode *r = parse("n: 12.5\nneg: -3\ns: [1]\nc: Letter\nbad: 1e3\n"
	    "empty:\n", 1, "", 0);
	static const char *const choices[] = { "A4", "Letter", NULL };
	static const char *const known[] = { "n", "neg", "s", "c", "bad", "empty", NULL };
	struct yamlcheck c;
	double x = -1;
	char *s;

	yamlnode_check_init(&c, "f.md");
	yamlnode_check_keys(&c, r, "", known);
	cr_expect(yamlnode_number(&c, r, "", "n", true, 0, 100, &x));
	cr_expect_eq(x, 12.5);
	cr_expect(!yamlnode_number(&c, r, "", "neg", true, 0, INFINITY, &x));
	cr_expect(!yamlnode_number(&c, r, "", "bad", true, 0, INFINITY, &x));
	cr_expect_null(yamlnode_string(&c, r, "top", "s", false));
	cr_expect_eq(yamlnode_choice(&c, r, "", "c", true, choices), 1);
	cr_expect_null(yamlnode_field(&c, r, "", "missing", false));
	cr_expect_null(yamlnode_field(&c, r, "", "missing", true));
	cr_expect_null(yamlnode_field(&c, r, "", "empty", true));
	cr_expect_eq(c.errors, 5);
	s = finish(&c);
	/* Sorted by position; the mapping-level "missing key" at 1:1 first. */
	cr_expect_str_eq(s,
	    "f.md:1:1: error: missing key \"missing\"\n"
	    "f.md:2:6: error: neg: expected a number >= 0, got \"-3\"\n"
	    "f.md:3:4: error: top.s: expected a string, got a list\n"
	    "f.md:5:6: error: bad: expected a number >= 0, got \"1e3\"\n"
	    "f.md:6:7: error: empty: no value given");
	free(s);
	yamlnode_free(r);
}

Test(yamlnode, unknown_keys_warn)
{
	struct yamlnode *r = parse("a: 1\nzz: 2\n", 1, "", 0);
	static const char *const known[] = { "a", NULL };
	struct yamlcheck c;
	char *s;

	yamlnode_check_init(&c, "f.md");
	yamlnode_check_keys(&c, r, "calendar", known);
	cr_expect_eq(c.errors, 0);
	s = finish(&c);
	cr_expect_str_eq(s, "f.md:2:1: warning: calendar: unknown key \"zz\"");
	free(s);
	yamlnode_free(r);
}

Test(yamlnode, show_shortens)
{
	struct yamlnode n = { .type = YAMLNODE_SCALAR };
	struct yamlcheck c;
	char long_text[200];

	memset(long_text, 'x', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	n.text = long_text;
	n.len = strlen(long_text);
	yamlnode_check_init(&c, "f");
	/* A 96-byte buffer: quote, 89 bytes of text, "...", quote, NUL. */
	cr_expect_eq(strlen(yamlnode_show(&c, &n)), 1 + 89 + 3 + 1);
	n.text = (char *)"a\nb";
	n.len = 3;
	cr_expect_str_eq(yamlnode_show(&c, &n), "\"a b\"");
	free(finish(&c));
}
