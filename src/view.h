/* view.h: the view models of the site's pages — cJSON trees built from
 * kpis.json and the model, with every value already formatted for the reader.
 * The HTML site (site.c + templates/) and the PDF render the same trees, so
 * print matches online. Templates see them under "page" (see site.h).
 *
 * Shapes (every string is plain text unless named *_html; "" or null when
 * absent; a "cell" is how one clock's figures appear in a KPI table):
 *
 *   cell    {attainment "95.3 %"|"–", n (ended clocks, number), met, breached,
 *            goal "95 %"|"", median "1h 20m"|"–", p90, status "ok"|"miss"|"none",
 *            status_label "Goal met"|"Goal missed"|"No data"}
 *   row     {key "1", name "Critical", opened, resolved, backlog (numbers),
 *            response cell, resolution cell, is_total bool}
 *   chart   {kind "attainment"|"trend"|"volume"|"distribution"|"ola_budget",
 *            id "c-it-service-desk-trend", agreement, period, title, summary,
 *            svg_html (inline <svg>, only when the context has with_svg),
 *            table {caption, columns [..], rows [[..]]}}
 *   ref     {id, title} of an agreement;  month {period "2026-10", label "October 2026"}
 *   measure [{title, text}] — "how we measure", paragraphs of plain text
 *   quality {events_read, events_skipped, events_duplicate, items_skipped,
 *            items_unassigned (numbers), counts [{label, value}] (the same five),
 *            problems [{file, line, message, level}] (at most 50),
 *            problems_more (count not listed), clean bool}
 *
 *   index         {kind "index", period, period_label, prev month|null,
 *                  summary {agreements, met, missed, nodata},
 *                  agreements [{id, title, kind_label, is_ola, provider, provider_slug,
 *                    customer, status, status_label, response cell, resolution cell,
 *                    change "+2.1 pts"|"–", change_class "up"|"down"|"flat",
 *                    severities [row],
 *                    opened, backlog, breaches (numbers)}]}
 *   agreement     {kind "agreement", id, title, kind_label, is_ola, provider,
 *                  provider_slug, customer, customer_slug, supports ref|null,
 *                  supported_by [ref], effective, review, timezone, body_html,
 *                  levels [{key, name, response, resolution, goal, calendar}],
 *                  calendar {always, hours [{day, ranges}], holidays [{date (as the locale writes it), iso "2026-12-24", weekday}],
 *                    timezone, day_length, summary "Monday–Friday 08:00–18:00"},
 *                  terms [{label, value}] (volume, satisfaction, credits),
 *                  latest {period, period_label, rows [row], total row}|null,
 *                  months [month], measure}
 *   month_report  {kind "month", period, period_label, prev month|null, next month|null,
 *                  agreements [{id, title, kind_label, is_ola, provider, customer, status,
 *                    own_lang "de-DE" and t {labels} (only when the agreement has a
 *                    locale of its own: its block is in that language),
 *                    status_label, rows [row], total row, breaches (number),
 *                    terms [{label, value}], chart|null (attainment)}],
 *                  quality}
 *   note    what a breach table leaves out, when it is cut at VIEW_MAX_BREACHES:
 *           {text "Showing the first 200 of 2,018 breaches.",
 *            where {before "All of them are in ", file "breaches.csv",
 *              href "data/breaches.csv" (from the site's root), type "text/csv",
 *              after ""}|null (null when no data file is written)}
 *
 *   agreement_month {kind "agreement_month", id, title, kind_label, is_ola, provider,
 *                  provider_slug, customer, customer_slug, period, period_label,
 *                  prev month|null, next month|null, timezone, rows [row], total row,
 *                  terms [{label, value}], charts [chart],
 *                  breaches [{id, title, severity, clock, at (local, agreement zone, as the
 *                    locale writes it), at_iso "2026-10-05T20:42" (the same, local ISO),
 *                    team, team_slug, timeline [{state, label, from, to, duration}]}]
 *                    (the first VIEW_MAX_BREACHES, by breach instant, then id),
 *                  breaches_total (number), breaches_note note|null,
 *                  has_breaches, quality, measure}
 *   team          {kind "team", name, slug,
 *                  agreements [{id, title, kind_label, is_ola, role "provider"|"customer",
 *                    levels [{key, name, resolution (target or OLA budget as written)}],
 *                    months [{period, label, opened, resolved, backlog, resolution cell}]}],
 *                  breaches [{agreement, agreement_title, period, period_label, id, title,
 *                    clock, at}] (agreement by agreement, newest month first; the
 *                    VIEW_MAX_BREACHES most recent), breaches_total (number),
 *                  breaches_note note|null, has_breaches}
 */
#ifndef SLAREPORT_VIEW_H
#define SLAREPORT_VIEW_H

#include <stdbool.h>

struct cJSON;
struct i18n;
struct model;
struct view_ctx;
struct scene;

/* A breach table lists at most this many breaches (an agreement's month: the
 * first, a team: the most recent); the page then says how many there are and
 * that data/breaches.csv (or data/kpis.json) holds them all. A table of
 * thousands of rows is read by nobody and made the pages and the monthly
 * report slow and huge (30 MB, 1,700 pages at 10 million events). */
#define VIEW_MAX_BREACHES 200

/* Everything the views share: kpis.json, the model, the locale, the months
 * that get report pages (from_ym … to_ym; kpis.json may hold earlier months
 * for the trend chart), and the teams' file-name slugs. with_svg: charts carry
 * their SVG (the PDF draws them itself). Borrows its arguments; free with
 * view_ctx_free(). An agreement whose front matter names another locale than
 * loc gets a context of its own in that language (view_for_agreement). */
struct view_ctx *view_ctx_new(const struct cJSON *kpis, const struct model *m,
    const struct i18n *loc, int from_ym, int to_ym, bool with_svg);
void view_ctx_free(struct view_ctx *v);
/* The month the index and agreement pages headline: the last that ended
 * (to_ym, or the month before when to_ym is in progress). */
int view_report_month(const struct view_ctx *v);
/* The month in progress among the pages (SPEC §8 Month to date), or -1. */
int view_mtd_month(const struct view_ctx *v);
/* The data files written beside the pages (data/kpis.json, the CSV files): a cut
 * breach table names the one that holds every breach. Default: none. */
void view_ctx_set_data_files(struct view_ctx *v, bool with_json, bool with_csv);

/* The context of agreement i's own pages, brochure and section of the
 * monthly report: the one in its language, or v itself. Owned by v. */
const struct view_ctx *view_for_agreement(const struct view_ctx *v, int i);
/* The locale of v's pages. */
const struct i18n *view_locale(const struct view_ctx *v);

/* The teams with a page: [{name, slug}], slugs unique and safe as file names. */
const struct cJSON *view_teams(const struct view_ctx *v);
/* The months with a report page, oldest first: [month]. */
const struct cJSON *view_months(const struct view_ctx *v);
/* The slug of a team name, or NULL when it has no page. */
const char *view_team_slug(const struct view_ctx *v, const char *team);
/* Labels for templates (English defaults, localised through i18n "site.*"). */
const struct cJSON *view_labels(const struct view_ctx *v);

/* The page trees; each returns a new tree the caller frees with cJSON_Delete(). */
struct cJSON *view_index(const struct view_ctx *v, int ym);
struct cJSON *view_agreement(const struct view_ctx *v, int agreement);
struct cJSON *view_month_report(const struct view_ctx *v, int ym);
struct cJSON *view_agreement_month(const struct view_ctx *v, int agreement, int ym);
struct cJSON *view_team(const struct view_ctx *v, int team);

/* The executive summary of month ym (view_summary.c), "summary" of the
 * month_report tree:
 *   {title, so_far bool (ym is the month in progress), t {labels},
 *    rows [{id, title, rag "red"|"amber"|"green"|"grey", rag_label (the colour
 *      in words, and why when red), attainment "94.4%"|"–" (pooled resolution),
 *      change "+1.2 pts"|"–", change_class, spark {points [12 numbers|null],
 *      text (its text alternative), svg_html (with_svg)}, breaches (number),
 *      credit "600.00 EUR"|"–", review_overdue bool (false: issue 13.2 fills it)}],
 *    totals [{label, value}] (credits this month, year to date, agreements met),
 *    met (number), streaks [{id, title, months, text}], has_streaks,
 *    worst [{agreement, agreement_title, id, title, clock, clock_label, at,
 *      over_s, over "3h 12m over"}], has_worst}
 * RAG: red when a credit is owed or a severity-1 goal is missed (severity 1:
 * the key 1, else the agreement's first severity), amber when another goal is
 * missed, green when every goal with data is met, grey without data. */
#define VIEW_SPARK_MONTHS 12
#define VIEW_SPARK_W 72.0	/* points */
#define VIEW_SPARK_H 16.0
#define VIEW_STREAK_MIN 3	/* months running that make the attention list */
#define VIEW_WORST_BREACHES 10
enum view_rag { VIEW_RAG_GREY, VIEW_RAG_GREEN, VIEW_RAG_AMBER, VIEW_RAG_RED };
struct cJSON *view_summary(const struct view_ctx *v, int ym);
/* The parts, testable alone. The RAG status of a kpis.json period (and why it
 * is red, either may be NULL); its name "grey"… */
enum view_rag view_rag(const struct cJSON *period, bool *credit_owed, bool *sev1_missed);
const char *view_rag_name(enum view_rag r);
/* Pooled resolution attainment of now minus prev in points (not rounded);
 * false when either month has none. */
bool view_change_points(const struct cJSON *now, const struct cJSON *prev, double *points);
/* The pooled resolution attainment of the 12 months to ym of a kpis.json
 * agreement, oldest first, NAN where a month has none; returns how many have. */
int view_spark_points(const struct cJSON *agreement, int ym, double out[VIEW_SPARK_MONTHS]);
/* How many months running, back from ym, the agreement missed a goal; a month
 * with every goal met or without data ends the run, the month in progress is
 * passed over. */
int view_miss_streak(const struct cJSON *agreement, int ym);
/* The max breaches of month ym furthest over their target (kpis.json
 * over_s), as kpis.json breaches with "agreement" added, furthest first,
 * then in kpis.json order. */
struct cJSON *view_worst_breaches(const struct cJSON *kpis, int ym, int max);
/* The sparkline of view_spark_points as a scene of w x h points (caller frees
 * with scene_free). */
struct scene *view_sparkline(const double pts[VIEW_SPARK_MONTHS], double w, double h);
/* The same drawn into s in the box at (x, y) of w x h points. */
void view_sparkline_draw(struct scene *s, const double pts[VIEW_SPARK_MONTHS], double x,
    double y, double w, double h);

/* A safe file-name slug of free text: lower-case ASCII letters, digits and
 * single '-', at most 60 bytes, never empty. The caller frees it. */
char *view_slugify(const char *s);

#endif
