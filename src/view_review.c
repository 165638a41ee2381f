/* view_review.c: the review schedule of an agreement for pages and PDFs —
 * the cycle in words, the next review date, and "Review overdue since …" —
 * and the month's commentary (commentary.h) as HTML. */
#include <string.h>
#include <stdlib.h>
#include "civil.h"
#include "commentary.h"
#include "i18n.h"
#include "model.h"
#include "review.h"
#include "view_int.h"

static void
add_date(const struct view_ctx *v, struct strbuf *sb, int64_t day)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	i18n_date(v->loc, sb, y, m, d);
}

void
vx_add_review(const struct view_ctx *v, cJSON *o, int i)
{
	static const char *const keys[] = { NULL, "web.review_cycle_monthly",
		"web.review_cycle_quarterly", "web.review_cycle_half_yearly",
		"web.review_cycle_yearly" };
	const struct agreement *a = &v->m->agreements[i];
	int64_t next = agreement_next_review(a);
	struct strbuf sb = {0}, date = {0};
	char iso[11] = "";

	if (a->review_cycle == REVIEW_DATE) {
		add_date(v, &date, a->review_day);
		i18n_format(v->loc, &sb, "web.review_cycle_date", date.data, (char *)NULL);
		strbuf_free(&date);
	} else if (a->review_cycle != REVIEW_NONE)
		strbuf_puts(&sb, i18n_text(v->loc, keys[a->review_cycle]));
	else
		strbuf_puts(&sb, a->review != NULL ? a->review : "");
	cJSON_AddStringToObject(o, "review", sb.data != NULL ? sb.data : "");
	strbuf_free(&sb);
	if (next != REVIEW_NO_DAY) {
		add_date(v, &sb, next);
		civil_format_date(next, iso);
	}
	cJSON_AddStringToObject(o, "next_review", sb.data != NULL ? sb.data : "");
	cJSON_AddStringToObject(o, "next_review_iso", iso);
	if (agreement_review_overdue(a, review_asof_day(v->m, a)))
		i18n_format(v->loc, &date, "web.review_overdue", sb.data, (char *)NULL);
	cJSON_AddStringToObject(o, "review_overdue", date.data != NULL ? date.data : "");
	strbuf_free(&sb);
	strbuf_free(&date);
}

void
vx_add_commentary(const struct view_ctx *v, cJSON *o, int ym, const char *agreement,
    int top)
{
	struct cmark_node *doc = commentary_find(v->m, ym, agreement);
	char *html = doc != NULL ? commentary_html(doc, top) : NULL;

	cJSON_AddStringToObject(o, "commentary_html", html != NULL ? html : "");
	free(html);
}
