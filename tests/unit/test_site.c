/* test_site.c: safe file names for teams, safe agreement Markdown and breach
 * tables cut at VIEW_MAX_BREACHES (suite site). */
#include <criterion/criterion.h>
#include <cJSON.h>
#include <cmark-gfm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "markdown.h"
#include "model.h"
#include "util.h"
#include "view.h"

static void
expect_slug(const char *in, const char *want)
{
	char *got = view_slugify(in);

	cr_expect_str_eq(got, want, "slug of [%s]: [%s], want [%s]", in, got, want);
	free(got);
}

Test(site, slugify)
{
	expect_slug("service-desk", "service-desk");
	expect_slug("../../etc", "etc");
	expect_slug("<script>alert(1)</script>", "script-alert-1-script");
	expect_slug("Sales  US", "sales-us");
	expect_slug("..", "team");
	expect_slug("/", "team");
	expect_slug("", "team");
	expect_slug("Büro München", "buero-muenchen");
	expect_slug("Straße/Äußeres", "strasse-aeusseres");
	expect_slug("a/b\\c:d", "a-b-c-d");
	expect_slug("--x--", "x");
	{
		char big[200];
		char *got;
		memset(big, 'a', sizeof big - 1);
		big[sizeof big - 1] = '\0';
		got = view_slugify(big);
		cr_expect_eq(strlen(got), 60);
		free(got);
	}
}

static char *
render(const char *md, bool unsafe)
{
	struct cmark_node *doc = markdown_parse(md, strlen(md));
	char *html = markdown_to_html(doc, unsafe);

	cmark_node_free(doc);
	return html;
}

Test(site, markdown_link_schemes)
{
	static const char *const bad[] = {
		"[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](vbscript:x)",
		"[x](data:text/html,x)", "[x](file:///etc/passwd)", "![x](javascript:alert(1))",
		"[x](<javascript:alert(1)>)", "[x](ftp://example.com/)",
	};
	static const char *const good[] = {
		"[x](https://example.com/a)", "[x](http://example.com/)", "[x](mailto:a@example.com)",
		"[x](tel:+49301234)", "[x](../reports/2026-10/index.html)", "[x](#section)",
		"[x](page.html?a=b:c)",
	};
	size_t i;
	int unsafe;

	for (unsafe = 0; unsafe <= 1; unsafe++) {
		for (i = 0; i < sizeof bad / sizeof *bad; i++) {
			char *html = render(bad[i], unsafe);
			cr_expect_null(strstr(html, "href="), "%s (unsafe %d) kept a link: %s", bad[i], unsafe, html);
			cr_expect_null(strstr(html, "src="), "%s (unsafe %d) kept an image: %s", bad[i], unsafe, html);
			free(html);
		}
		for (i = 0; i < sizeof good / sizeof *good; i++) {
			char *html = render(good[i], unsafe);
			cr_expect_not_null(strstr(html, "href="), "%s (unsafe %d) lost its link: %s", good[i], unsafe, html);
			free(html);
		}
	}
	{
		char *html = render("[keep the text](javascript:x)", false);
		cr_expect_not_null(strstr(html, "keep the text"), "%s", html);
		free(html);
	}
}

Test(site, markdown_raw_html)
{
	char *html = render("<script>alert(1)</script>\n\n<b>x</b> y\n", false);

	cr_expect_null(strstr(html, "<script"), "%s", html);
	cr_expect_null(strstr(html, "<b>"), "%s", html);
	free(html);
	html = render("<b>x</b> y\n", true);
	cr_expect_not_null(strstr(html, "<b>x</b>"), "%s", html);
	free(html);
}

/* ---- breach tables cut at VIEW_MAX_BREACHES ---- */

/* One breach of kpis.json: item <prefix>-<n>, breached at day d, minute n. */
static cJSON *
fake_breach(const char *prefix, int n, const char *ym, int day, const char *team)
{
	cJSON *b = cJSON_CreateObject();
	char id[32], at[32];

	snprintf(id, sizeof id, "%s-%04d", prefix, n);
	snprintf(at, sizeof at, "%s-%02dT%02d:%02d:00Z", ym, day, n / 60 % 24, n % 60);
	cJSON_AddStringToObject(b, "id", id);
	cJSON_AddStringToObject(b, "title", id);
	cJSON_AddNumberToObject(b, "severity", 1);
	cJSON_AddStringToObject(b, "clock", "resolution");
	cJSON_AddStringToObject(b, "at", at);
	cJSON_AddStringToObject(b, "team", team);
	cJSON_AddArrayToObject(b, "timeline");
	return b;
}

/* kpis.json of agreement "a": September 2026 with nsep breaches (the first
 * held by Desk, day 10), October with noct of Desk (day 5) and one of Other. */
static cJSON *
fake_kpis(int nsep, int noct)
{
	cJSON *k = cJSON_CreateObject(), *ag, *a, *periods, *p, *br;
	int n;

	ag = cJSON_AddArrayToObject(k, "agreements");
	a = cJSON_CreateObject();
	cJSON_AddItemToArray(ag, a);
	cJSON_AddStringToObject(a, "id", "a");
	periods = cJSON_AddArrayToObject(a, "periods");
	p = cJSON_CreateObject();
	cJSON_AddItemToArray(periods, p);
	cJSON_AddStringToObject(p, "period", "2026-09");
	br = cJSON_AddArrayToObject(p, "breaches");
	for (n = 0; n < nsep; n++)
		cJSON_AddItemToArray(br, fake_breach("SEP", n, "2026-09", 10, "Desk"));
	p = cJSON_CreateObject();
	cJSON_AddItemToArray(periods, p);
	cJSON_AddStringToObject(p, "period", "2026-10");
	br = cJSON_AddArrayToObject(p, "breaches");
	for (n = 0; n < noct; n++)
		cJSON_AddItemToArray(br, fake_breach("OCT", n, "2026-10", 5, "Desk"));
	cJSON_AddItemToArray(br, fake_breach("OTHER", 0, "2026-10", 6, "Other"));
	return k;
}

static struct model *
fake_model(void)
{
	struct model *m = model_new("mem");

	m->agreements = xcalloc(1, sizeof *m->agreements);
	m->nagreements = 1;
	m->agreements[0].id = xstrdup("a");
	m->agreements[0].title = xstrdup("A");
	m->agreements[0].calendar.always = true;
	m->agreements[0].supports_index = -1;
	return m;
}

static const char *
str_at(const cJSON *o, const char *path)
{
	char key[64];
	const char *dot;

	while ((dot = strchr(path, '.')) != NULL) {
		snprintf(key, sizeof key, "%.*s", (int)(dot - path), path);
		o = cJSON_GetObjectItemCaseSensitive(o, key);
		path = dot + 1;
	}
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, path));
}

static int
team_index(const struct view_ctx *v, const char *name)
{
	int i;

	for (i = 0; i < cJSON_GetArraySize(view_teams(v)); i++)
		if (strcmp(str_at(cJSON_GetArrayItem(view_teams(v), i), "name"), name) == 0)
			return i;
	return -1;
}

Test(site, breach_table_cut_month)
{
	cJSON *kpis = fake_kpis(0, 1233);	/* + Other: 1,234 in October */
	struct model *m = fake_model();
	struct i18n *en = i18n_load("en"), *de = i18n_load("de");
	int oct = 2026 * 12 + 9;
	struct view_ctx *v = view_ctx_new(kpis, m, en, oct - 1, oct, false);
	cJSON *am = view_agreement_month(v, 0, oct), *br;

	br = cJSON_GetObjectItemCaseSensitive(am, "breaches");
	cr_expect_eq(cJSON_GetArraySize(br), VIEW_MAX_BREACHES);
	cr_expect_str_eq(str_at(cJSON_GetArrayItem(br, 0), "id"), "OCT-0000");
	cr_expect_str_eq(str_at(cJSON_GetArrayItem(br, VIEW_MAX_BREACHES - 1), "id"), "OCT-0199");
	cr_expect_eq(cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(am, "breaches_total")), 1234);
	cr_expect(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(am, "has_breaches")));
	cr_expect_str_eq(str_at(am, "breaches_note.text"), "Showing the first 200 of 1,234 breaches.");
	/* No data file written: nothing to point to. */
	cr_expect(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(am, "breaches_note"), "where")));
	cJSON_Delete(am);

	view_ctx_set_data_files(v, true, true);
	am = view_agreement_month(v, 0, oct);
	cr_expect_str_eq(str_at(am, "breaches_note.where.before"), "All of them are in ");
	cr_expect_str_eq(str_at(am, "breaches_note.where.file"), "breaches.csv");
	cr_expect_str_eq(str_at(am, "breaches_note.where.href"), "data/breaches.csv");
	cr_expect_str_eq(str_at(am, "breaches_note.where.after"), "");
	cJSON_Delete(am);
	view_ctx_set_data_files(v, true, false);
	am = view_agreement_month(v, 0, oct);
	cr_expect_str_eq(str_at(am, "breaches_note.where.file"), "kpis.json");
	cr_expect_str_eq(str_at(am, "breaches_note.where.href"), "data/kpis.json");
	cJSON_Delete(am);
	view_ctx_free(v);

	v = view_ctx_new(kpis, m, de, oct - 1, oct, false);
	view_ctx_set_data_files(v, true, true);
	am = view_agreement_month(v, 0, oct);
	cr_expect_str_eq(str_at(am, "breaches_note.text"),
	    "Angezeigt werden die ersten 200 von 1.234 Verletzungen.");
	cr_expect_str_eq(str_at(am, "breaches_note.where.before"), "Alle stehen in ");
	cJSON_Delete(am);
	/* September has none: no table, no note. */
	am = view_agreement_month(v, 0, oct - 1);
	cr_expect_eq(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(am, "breaches")), 0);
	cr_expect(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(am, "breaches_note")));
	cr_expect(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(am, "has_breaches")));
	cJSON_Delete(am);
	view_ctx_free(v);
	i18n_free(de);
	i18n_free(en);
	model_free(m);
	cJSON_Delete(kpis);
}

Test(site, breach_table_exactly_full)
{
	cJSON *kpis = fake_kpis(0, VIEW_MAX_BREACHES - 1);	/* + Other: exactly 200 */
	struct model *m = fake_model();
	struct i18n *en = i18n_load("en");
	int oct = 2026 * 12 + 9;
	struct view_ctx *v = view_ctx_new(kpis, m, en, oct, oct, false);
	cJSON *am = view_agreement_month(v, 0, oct);

	cr_expect_eq(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(am, "breaches")),
	    VIEW_MAX_BREACHES);
	cr_expect(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(am, "breaches_note")));
	cJSON_Delete(am);
	view_ctx_free(v);
	i18n_free(en);
	model_free(m);
	cJSON_Delete(kpis);
}

/* A team page keeps the most recent breaches, in its own order: newest month
 * first, each month by instant. */
Test(site, breach_table_cut_team)
{
	cJSON *kpis = fake_kpis(150, 100);	/* Desk: 250, the newest 200 shown */
	struct model *m = fake_model();
	struct i18n *en = i18n_load("en");
	int oct = 2026 * 12 + 9, t;
	struct view_ctx *v = view_ctx_new(kpis, m, en, oct - 1, oct, false);
	cJSON *tv, *br;

	view_ctx_set_data_files(v, true, true);
	t = team_index(v, "Desk");
	cr_assert(t >= 0);
	tv = view_team(v, t);
	br = cJSON_GetObjectItemCaseSensitive(tv, "breaches");
	cr_expect_eq(cJSON_GetArraySize(br), VIEW_MAX_BREACHES);
	cr_expect_str_eq(str_at(cJSON_GetArrayItem(br, 0), "id"), "OCT-0000");
	cr_expect_str_eq(str_at(cJSON_GetArrayItem(br, 99), "id"), "OCT-0099");
	cr_expect_str_eq(str_at(cJSON_GetArrayItem(br, 100), "id"), "SEP-0050");
	cr_expect_str_eq(str_at(cJSON_GetArrayItem(br, 199), "id"), "SEP-0149");
	cr_expect_eq(cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(tv, "breaches_total")), 250);
	cr_expect_str_eq(str_at(tv, "breaches_note.text"),
	    "Showing the 200 most recent of 250 breaches.");
	cr_expect_str_eq(str_at(tv, "breaches_note.where.file"), "breaches.csv");
	cJSON_Delete(tv);
	/* The other team's one breach: no note. */
	tv = view_team(v, team_index(v, "Other"));
	cr_expect_eq(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(tv, "breaches")), 1);
	cr_expect(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(tv, "breaches_note")));
	cJSON_Delete(tv);
	view_ctx_free(v);
	i18n_free(en);
	model_free(m);
	cJSON_Delete(kpis);
}

/* An agreement with a locale of its own: its pages in that language and its
 * dates as it writes them, the overview in the site's (en-US: 12-hour). */
Test(site, agreement_in_its_own_locale)
{
	cJSON *kpis = fake_kpis(0, 1);
	struct model *m = fake_model();
	struct i18n *us = i18n_load("en-US");
	int oct = 2026 * 12 + 9;
	struct view_ctx *v;
	cJSON *am, *mr, *e, *ag;

	m->agreements[0].locale = xstrdup("de-AT");
	v = view_ctx_new(kpis, m, us, oct - 1, oct, false);
	cr_assert(view_for_agreement(v, 0) != v);
	cr_expect_str_eq(i18n_tag(view_locale(view_for_agreement(v, 0))), "de-AT");
	cr_expect(view_for_agreement(v, 1) == v, "no agreement 1: the site's context");
	am = view_agreement_month(v, 0, oct);
	cr_expect_str_eq(str_at(am, "period_label"), "Oktober 2026");
	/* OCT-0000 breached at 2026-10-05T00:00:00Z, the agreement in UTC. */
	cr_expect_str_eq(str_at(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(am,
	    "breaches"), 0), "at"), "05.10.2026 00:00");
	cr_expect_str_eq(str_at(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(am,
	    "breaches"), 0), "at_iso"), "2026-10-05T00:00");
	cr_expect_str_eq(str_at(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(am,
	    "measure"), 0), "title"), "Geschäftszeit");
	cJSON_Delete(am);
	ag = view_agreement(v, 0);
	cr_expect_str_eq(str_at(ag, "calendar.summary"), "rund um die Uhr (24×7), ohne Feiertage");
	cJSON_Delete(ag);
	/* The monthly report: its block in German, marked, with German labels. */
	mr = view_month_report(v, oct);
	cr_expect_str_eq(str_at(mr, "period_label"), "October 2026");
	e = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(mr, "agreements"), 0);
	cr_expect_str_eq(str_at(e, "own_lang"), "de-AT");
	cr_expect_str_eq(str_at(e, "t.breaches"), "Verletzungen");
	cr_expect_str_eq(str_at(e, "total.name"), "Gesamt");
	cJSON_Delete(mr);
	/* The team page is the site's: en-US month/day and 12-hour time. */
	mr = view_team(v, team_index(v, "Desk"));
	cr_expect_str_eq(str_at(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(mr,
	    "breaches"), 0), "at"), "10/5/2026 12:00 AM");
	cJSON_Delete(mr);
	view_ctx_free(v);
	/* The same locale as the site's: no context of its own. */
	free(m->agreements[0].locale);
	m->agreements[0].locale = xstrdup("en-US");
	v = view_ctx_new(kpis, m, us, oct - 1, oct, false);
	cr_expect(view_for_agreement(v, 0) == v);
	mr = view_month_report(v, oct);
	e = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(mr, "agreements"), 0);
	cr_expect_null(cJSON_GetObjectItemCaseSensitive(e, "own_lang"));
	cJSON_Delete(mr);
	view_ctx_free(v);
	i18n_free(us);
	model_free(m);
	cJSON_Delete(kpis);
}
