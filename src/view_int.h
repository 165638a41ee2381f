/* view_int.h: what view.c and view_agreement.c share (not for other modules). */
#ifndef SLAREPORT_VIEW_INT_H
#define SLAREPORT_VIEW_INT_H

#include <stdbool.h>
#include <cJSON.h>
#include "util.h"
#include "view.h"

struct tz;
struct agreement;
struct calendar_spec;

struct view_ctx {
	const cJSON *kpis;
	const struct model *m;
	const struct i18n *loc;
	int from_ym, to_ym;
	int report_ym;		/* headline month: the last that ended */
	int mtd_ym;		/* the month in progress (a partial period), or -1 */
	bool with_svg;
	bool with_json, with_csv;	/* data files beside the pages */
	const cJSON **ag;	/* kpis.json agreement of each model agreement, or NULL */
	cJSON *teams;		/* [{name, slug}] */
	cJSON *months;		/* [{period, label}] */
	cJSON *labels;		/* {key: text} */
	/* The attainment charts of one month: the monthly report shows the same
	 * chart as each agreement's month page, and drawing is the costly part. */
	cJSON *chart_cache;	/* {agreement id: chart} */
	int chart_cache_ym;
	/* Agreements with a locale of their own (front matter `locale`) have their
	 * pages made by a context in that language: own[i], NULL for the site's.
	 * The contexts and their tables are owned by the site's context. */
	struct view_ctx **own;
	struct view_ctx **children;
	struct i18n **child_locs;
	int nchildren;
};

/* The labels object {key: text} of view_labels(); the caller frees it. */
cJSON *vx_make_labels(const struct i18n *loc);
/* The label key ("attainment") in the reader's language. */
const char *vx_label(const struct view_ctx *v, const char *key);
/* Agreement i's id, title, kind label, parties and their team page slugs into o. */
void vx_agreement_head(const struct view_ctx *v, struct cJSON *o, int i);
/* The period object "YYYY-MM" of a kpis.json agreement, or NULL. */
const cJSON *vx_period(const cJSON *agreement, int ym);
/* Adds {period, <label_key>} for month ym to o. */
void vx_add_month(const struct view_ctx *v, cJSON *o, int ym, const char *label_key);
/* A new {period, label} object, or null when ym is outside the pages. */
cJSON *vx_month_ref(const struct view_ctx *v, int ym);
/* Rows [row] and the total row of a kpis.json period of a into o ("rows",
 * "total"); an OLA's rows have "response": false (no response clock). */
void vx_add_rows(const struct view_ctx *v, cJSON *o, const struct agreement *a,
    const cJSON *period);
/* The period's volume, satisfaction, credit, reopen rate and reassignments of
 * agreement a as [{label, value}]. */
cJSON *vx_terms(const struct view_ctx *v, const struct agreement *a, const cJSON *period);
/* The terms of a in force in a kpis.json period (its "terms" start date). */
const struct agreement *vx_period_terms(const struct agreement *a, const cJSON *period);
/* figure as the locale writes it, with " unit" after it when unit is given. */
void vx_amount(const struct view_ctx *v, struct strbuf *sb, double figure, const char *unit);
/* The data-quality block (problems capped). */
cJSON *vx_quality(const struct view_ctx *v);
/* Adds a string member made from a strbuf-formatted value. */
void vx_add_percent(const struct view_ctx *v, cJSON *o, const char *key, const cJSON *pct);
/* "Goal met" / "Goal missed" / "No data" status of a goal_met value. */
const char *vx_status(const cJSON *goal_met);
/* A chart entry (kind as in chart.h); NULL when the kind does not apply. */
cJSON *vx_chart(const struct view_ctx *v, int kind, const char *agreement_id, int ym);
/* The note under a breach table of total breaches that shows VIEW_MAX_BREACHES
 * of them (the first, or with recent the most recent), or null when it shows
 * them all. */
cJSON *vx_breaches_note(const struct view_ctx *v, int total, bool recent);
/* The exclusions ledger of month ym of agreement i (its kpis.json period, may
 * be NULL) for templates: {has, none, rows: [{kind, what, reason, items, …}]}. */
cJSON *vx_exclusions(const struct view_ctx *v, int i, const cJSON *period, int ym);
/* A "…Z" stamp in local time as the locale writes it: date "07.03.2026",
 * time "15:05" (en-US "3:05 PM"), text both with a space; "–" when stamp is
 * not a time. */
struct vx_time {
	char date[24], time[16], text[40];
	char iso[24];		/* "2026-03-07T15:05", local: for <time datetime> */
};
void vx_local_time(const struct view_ctx *v, const struct tz *z, const char *stamp,
    struct vx_time *out);

/* A one-line summary of a calendar's hours: "Monday–Friday 08:00–18:00;
 * Saturday 09:00–13:00", or the round-the-clock label. */
void vx_hours_summary(const struct view_ctx *v, struct strbuf *sb,
    const struct calendar_spec *c);
/* The history of a's terms (SPEC §8) for templates: {has, intro, first,
 * entries: [{from, note, changes: [{text}], no_change}]}, newest first. */
cJSON *vx_history(const struct view_ctx *v, const struct agreement *a);
/* Appends {label, value} "Terms in force: those from …" to a month's terms
 * list when a has revisions (SPEC §8: the month's goals are those of its 1st). */
void vx_add_terms_in_force(const struct view_ctx *v, const struct agreement *a,
    const cJSON *period, cJSON *terms);

/* The review schedule of agreement i into o: "review" (the cycle in words, or
 * "on <date>"), "next_review" (a date as the locale writes it, or ""),
 * "next_review_iso" and "review_overdue" ("Review overdue since <date>", or ""
 * when not overdue at the data-as-of date). */
void vx_add_review(const struct view_ctx *v, cJSON *o, int i);
/* The commentary of month ym (the month's text when agreement is NULL) into o
 * as "commentary_html" ("" when none), its headings from level top. */
void vx_add_commentary(const struct view_ctx *v, cJSON *o, int ym, const char *agreement,
    int top);

/* Month to date (SPEC §8): the notice "Month to date, as of …" of a partial
 * kpis.json period (caller frees), or NULL for a month that ended. */
char *vx_mtd_notice(const struct view_ctx *v, const cJSON *period);
/* The month-to-date block of agreement i for templates: {notice, allowed:
 * [{severity, response, resolution}], due: [{id, title, clock, severity, team,
 * due}], has_due, due_none}, or null when the period is not partial. */
cJSON *vx_mtd(const struct view_ctx *v, int i, const cJSON *period);

/* Restatements (SPEC §8) of month ym, of one agreement or all (NULL), from
 * the ledger in the kpis tree: {has, notices: [{text, published, entries:
 * [{agreement, field, was, now}]}]}, one notice per publication. */
cJSON *vx_restated(const struct view_ctx *v, int ym, const char *agreement);
/* The restated months among the pages, newest first: {has, text, months}. */
cJSON *vx_restated_months(const struct view_ctx *v);

#endif
