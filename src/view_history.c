/* view_history.c: the history of an agreement's terms in words (SPEC §8 Revisions) for pages and brochures. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "model.h"
#include "revisions.h"
#include "view_int.h"

/* What changed, as the reader names it: "High resolution", "Credit fee". */
static void
subject(const struct view_ctx *v, const struct agreement *a, const struct terms_change *ch,
    struct strbuf *sb)
{
	char key[64];

	if (ch->sev >= 0) {
		const struct severity *sv = &a->severities[ch->sev];
		snprintf(key, sizeof key, "history.field.%s", ch->field);
		strbuf_printf(sb, "%s %s", sv->name != NULL ? sv->name : sv->key,
		    i18n_text(v->loc, key));
		return;
	}
	/* Table keys are dotted paths: "credits.fee" is looked up as credits_fee. */
	snprintf(key, sizeof key, "history.key.%s", ch->key);
	for (char *p = key + strlen("history.key."); *p != '\0'; p++)
		if (*p == '.')
			*p = '_';
	strbuf_puts(sb, i18n_text(v->loc, key));
}

/* One side of a change in the reader's format: 95 % goals, 10.000 fees, a
 * calendar's hours; durations and match rules as written. */
static void
value(const struct view_ctx *v, const struct agreement *t, const struct terms_change *ch,
    const char *text, struct strbuf *sb)
{
	if (strcmp(text, "none") == 0) {
		strbuf_puts(sb, i18n_text(v->loc, "history.none"));
		return;
	}
	if (strcmp(ch->field, "goal") == 0 || strcmp(ch->key, "volume.min") == 0 ||
	    strcmp(ch->key, "credits.fee") == 0 || strcmp(ch->key, "satisfaction.min") == 0) {
		double x = strtod(text, NULL);
		if (strcmp(ch->field, "goal") == 0)
			i18n_figure_percent(v->loc, sb, x);
		else
			i18n_number(v->loc, sb, x, floor(x) == x ? 0 : 2);
		if (strcmp(ch->key, "credits.fee") == 0 && t->credit_currency != NULL)
			strbuf_printf(sb, " %s", t->credit_currency);
		if (strcmp(ch->key, "volume.min") == 0 && t->volume_unit != NULL)
			strbuf_printf(sb, "\xC2\xA0%s", t->volume_unit);
		return;
	}
	if (strcmp(ch->key, "calendar") == 0) {
		vx_hours_summary(v, sb, &t->calendar);
		return;
	}
	if (ch->sev >= 0 && strcmp(ch->field, "calendar") == 0) {
		vx_hours_summary(v, sb, &t->severities[ch->sev].calendar);
		return;
	}
	strbuf_puts(sb, text);
}

static cJSON *
entry(const struct view_ctx *v, const struct agreement *a, int i)
{
	const struct agreement_revision *rv = &a->revisions[i];
	const struct agreement *newer = revisions_newer(a, i);
	cJSON *o = cJSON_CreateObject(), *arr;
	struct terms_change *ch;
	size_t n = terms_diff(rv->terms, newer, &ch), k;
	struct strbuf sb = { 0 };

	i18n_format(v->loc, &sb, "history.from", revisions_until(a, i), (char *)NULL);
	cJSON_AddStringToObject(o, "from", sb.data != NULL ? sb.data : "");
	strbuf_free(&sb);
	cJSON_AddStringToObject(o, "date", revisions_until(a, i));
	cJSON_AddItemToObject(o, "note", rv->note != NULL ? cJSON_CreateString(rv->note) :
	    cJSON_CreateNull());
	arr = cJSON_AddArrayToObject(o, "changes");
	for (k = 0; k < n; k++) {
		struct strbuf subj = { 0 }, now = { 0 }, was = { 0 };
		cJSON *c = cJSON_CreateObject();
		subject(v, newer, &ch[k], &subj);
		value(v, newer, &ch[k], ch[k].now, &now);
		value(v, rv->terms, &ch[k], ch[k].was, &was);
		i18n_format(v->loc, &sb, "history.change", subj.data, now.data, was.data,
		    (char *)NULL);
		cJSON_AddStringToObject(c, "key", ch[k].key);
		cJSON_AddStringToObject(c, "text", sb.data);
		cJSON_AddBoolToObject(c, "last", k + 1 == n);
		cJSON_AddItemToArray(arr, c);
		strbuf_free(&sb);
		strbuf_free(&subj);
		strbuf_free(&now);
		strbuf_free(&was);
	}
	/* A revision with only a note: say so rather than list nothing. */
	cJSON_AddStringToObject(o, "no_change", i18n_text(v->loc, "history.no_change"));
	terms_changes_free(ch, n);
	return o;
}

cJSON *
vx_history(const struct view_ctx *v, const struct agreement *a)
{
	cJSON *o = cJSON_CreateObject(), *arr;
	struct strbuf sb = { 0 };
	int i;

	cJSON_AddBoolToObject(o, "has", a->nrevisions > 0);
	cJSON_AddStringToObject(o, "intro", i18n_text(v->loc, "history.intro"));
	arr = cJSON_AddArrayToObject(o, "entries");
	for (i = 0; i < a->nrevisions; i++)
		cJSON_AddItemToArray(arr, entry(v, a, i));
	if (a->nrevisions > 0) {
		i18n_format(v->loc, &sb, "history.first",
		    a->revisions[a->nrevisions - 1].effective, (char *)NULL);
		cJSON_AddStringToObject(o, "first", sb.data);
		strbuf_free(&sb);
	}
	return o;
}

void
vx_add_terms_in_force(const struct view_ctx *v, const struct agreement *a,
    const cJSON *period, cJSON *terms)
{
	const char *from = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(period,
	    "terms"));
	struct strbuf sb = {0};
	cJSON *t;

	if (a->nrevisions == 0 || period == NULL)
		return;
	t = cJSON_CreateObject();
	i18n_format(v->loc, &sb, "history.in_force", from != NULL ? from : "–", (char *)NULL);
	cJSON_AddStringToObject(t, "label", vx_label(v, "terms_in_force"));
	cJSON_AddStringToObject(t, "value", sb.data);
	cJSON_AddItemToArray(terms, t);
	strbuf_free(&sb);
}
