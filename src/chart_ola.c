/* chart_ola.c: (e) for an SLA with OLAs, per severity the teams' budgets,
 * median and 90th-percentile holding times laid end to end against the
 * promise the SLA makes — the customer's promise is kept only if every team's
 * share fits into it. */
#include "chart_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>

#include "model.h"
#include "util.h"

#define ROW_LABEL_W	64.0
/* Rows of a severity group; with many severities a tighter set keeps the
 * picture on one printed page. */
struct geom {
	double head, row, bar, gap;
};
static const struct geom roomy = { 16, 15, 10, 12 }, tight = { 14, 12, 8.5, 7 };
/* Rows longer than this many times the larger of promise and budgets are cut. */
#define OLA_CAP		2.5

#define OVER_TEXT	0xA84A00u
#define FIT_TEXT	0x00694Fu

struct team {
	const cJSON *ola;
	const char *name;
	double budget, median, p90, ended;	/* NAN when absent */
};

/* The row of severity key in an array of severity rows, or NULL. */
static const cJSON *
row_for(struct ch_ctx *cx, const cJSON *rows, const char *key)
{
	const cJSON *r;

	cJSON_ArrayForEach(r, rows)
		if (strcmp(ch_sev_key(cx, r), key) == 0)
			return r;
	return NULL;
}

/* Black text on light fills, white on dark ones. */
static uint32_t
text_on(uint32_t fill)
{
	double l = 0.299 * ((fill >> 16) & 0xFF) + 0.587 * ((fill >> 8) & 0xFF) +
	    0.114 * (fill & 0xFF);

	return l > 140 ? C_BLACK : C_WHITE;
}

/* One row of segments end to end; returns the x where it ends. */
static double
draw_row(struct scene *sc, struct ch_ctx *cx, const struct team *teams, int nt,
    int which, double x0, double kx, double xmax, double y, double bar_h)
{
	double x = x0;
	int t;

	for (t = 0; t < nt; t++) {
		double v = which == 0 ? teams[t].budget : which == 1 ? teams[t].median :
		    teams[t].p90;
		double w, shown;
		struct scene_paint p = { ch_series_color(t), SCENE_NONE, 0, 0, ch_series_hatch(t),
			C_WHITE };
		const char *lab;
		if (isnan(v) || v <= 0)
			continue;
		w = v * kx;
		shown = fmin(w, xmax - x);
		if (shown <= 0)
			break;
		scene_rect(sc, x, y, shown, bar_h, &p);
		/* A white hairline separates neighbours of similar grey. */
		scene_line(sc, x + shown, y, x + shown, y + bar_h, C_WHITE, 1, 0);
		lab = ch_dur(cx, v);
		if (font_text_width(FONT_REGULAR, CH_SMALL, lab) + 4 <= shown) {
			/* A solid plate under the label keeps it legible on hatching. */
			struct scene_paint plate = { ch_series_color(t), SCENE_NONE, 0, 0,
				SCENE_HATCH_NONE, 0 };
			double tw = font_text_width(FONT_REGULAR, CH_SMALL, lab);
			scene_rect(sc, x + shown / 2 - tw / 2 - 1, y + 1, tw + 2, bar_h - 2,
			    &plate);
			scene_text(sc, x + shown / 2, y + bar_h - 2.3, lab, FONT_REGULAR, CH_SMALL,
			    SCENE_MIDDLE, text_on(ch_series_color(t)));
		}
		x += shown;
		if (w > shown) {
			/* Cut: a break across the bar's end. */
			scene_line(sc, x - 5, y + bar_h + 1, x - 2, y - 1, C_WHITE, 2, 0);
			scene_line(sc, x - 5, y + bar_h + 1, x - 2, y - 1, C_BLACK, 0.75, 0);
			break;
		}
	}
	return x;
}

struct chart *
chart_ola(const cJSON *kpis, const cJSON *sla, int ym, struct ch_ctx *cx)
{
	static const char *const colkeys[] = { "table.severity", "table.team", "table.budget",
		"table.median", "table.p90", "table.resolved" };
	static const char *const rowkeys[] = { "chart.ola.budgets", "chart.ola.median",
		"chart.ola.p90" };
	const cJSON *a, *sev;
	const cJSON **olas = NULL;
	struct team *teams;
	struct ch_legend_item *leg;
	struct strbuf sum = {0};
	struct chart *c;
	const char *cells[6], *kind = ch_str(sla, "kind"), *id = ch_str(sla, "id");
	size_t nolas = 0, cap = 0;
	double legh, H, top, gy, bx0, bx1;
	int nt, t, k, ngroups = 0;
	struct geom g;

	if (kind == NULL || strcmp(kind, "sla") != 0 || id == NULL)
		return NULL;
	cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(kpis, "agreements")) {
		const char *ak = ch_str(a, "kind"), *sup = ch_str(a, "supports");
		if (ak != NULL && strcmp(ak, "ola") == 0 && sup != NULL && strcmp(sup, id) == 0) {
			xgrow((void **)&olas, &cap, nolas + 1, sizeof *olas);
			olas[nolas++] = a;
		}
	}
	if (nolas == 0)
		return NULL;
	nt = (int)nolas;
	teams = xcalloc(nolas, sizeof *teams);
	leg = xcalloc(nolas + 1, sizeof *leg);
	for (t = 0; t < nt; t++) {
		const char *prov = ch_str(olas[t], "provider");
		teams[t].ola = olas[t];
		teams[t].name = prov != NULL ? site_team_name(cx->site, prov) : ch_str(olas[t], "id");
		leg[t] = (struct ch_legend_item){ CH_SW_BOX, { ch_series_color(t), SCENE_NONE, 0, 0,
			ch_series_hatch(t), C_WHITE }, 0, 0, teams[t].name };
	}
	leg[nt] = (struct ch_legend_item){ CH_SW_LINE, { SCENE_NONE, C_BLACK, 1.5, 3,
		SCENE_HATCH_NONE, 0 }, 0, 0, ch_text(cx, "chart.ola.promise") };
	/* Groups: the SLA's severities for which some OLA sets a budget. */
	cJSON_ArrayForEach(sev, cJSON_GetObjectItemCaseSensitive(sla, "targets"))
		for (t = 0; t < nt; t++) {
			const cJSON *r = row_for(cx, cJSON_GetObjectItemCaseSensitive(olas[t],
			    "targets"), ch_sev_key(cx, sev));
			if (!isnan(ch_get(r, "resolution_s"))) {
				ngroups++;
				break;
			}
		}
	g = ngroups > 6 ? tight : roomy;
	legh = ch_legend(NULL, CH_PAD, 24, leg, nt + 1);
	top = 24 + legh + 8;
	H = top + (ngroups > 0 ? ngroups : 1) * (g.head + 3 * g.row + g.gap) + 4;

	c = ch_new(CHART_OLA_BUDGET, xstrdup(ch_fmt(cx, "chart.ola.title", ch_month(cx, ym, 1),
	    (char *)NULL)), H);
	for (k = 0; k < 6; k++)
		cells[k] = ch_text(cx, colkeys[k]);
	c->table = ch_table(ch_text(cx, "chart.ola.caption"), cells, 6);
	if (ngroups == 0) {
		struct scene_paint box = { 0xF4F4F4u, C_GRID, 0.75, 0, SCENE_HATCH_NONE, 0 };
		scene_rect(c->scene, CH_PAD, top, CH_W - 2 * CH_PAD, H - top - 8, &box);
		scene_text(c->scene, CH_W / 2, (top + H - 8) / 2 + 3.5, ch_fmt(cx,
		    "chart.ola.item_none", ch_str(sla, "title") ? ch_str(sla, "title") : id,
		    (char *)NULL), FONT_REGULAR, 10, SCENE_MIDDLE, C_MUTED);
		strbuf_puts(&sum, ch_fmt(cx, "chart.ola.item_none", ch_str(sla, "title") ?
		    ch_str(sla, "title") : id, (char *)NULL));
		ch_end_sentence(&sum);
		goto out;
	}
	ch_legend(c->scene, CH_PAD, 24, leg, nt + 1);
	bx0 = CH_PAD + ROW_LABEL_W;
	/* Right of the bars, room for the longest sum: "≥ 999h 59m ✗" in the
	 * locale's words. */
	bx1 = CH_W - CH_PAD - 6 - font_text_width(FONT_BOLD, CH_SMALL, ch_keep(cx,
	    xasprintf("\xE2\x89\xA5 %s \xE2\x9C\x97", ch_dur(cx, 999 * 3600 + 59 * 60))));
	gy = top;
	cJSON_ArrayForEach(sev, cJSON_GetObjectItemCaseSensitive(sla, "targets")) {
		const char *key = ch_sev_key(cx, sev);
		double promise = ch_get(sev, "resolution_s"), sums[3] = { 0, 0, 0 };
		double maxv, ref, kx, px;
		int missing[3] = { 0, 0, 0 }, any = 0, w;

		for (t = 0; t < nt; t++) {
			const cJSON *tr = row_for(cx, cJSON_GetObjectItemCaseSensitive(olas[t],
			    "targets"), key);
			const cJSON *pr = row_for(cx, cJSON_GetObjectItemCaseSensitive(
			    ch_period(olas[t], ym), "severities"), key);
			const cJSON *res = cJSON_GetObjectItemCaseSensitive(pr, "resolution");
			teams[t].budget = ch_get(tr, "resolution_s");
			teams[t].median = ch_get(res, "median_s");
			teams[t].p90 = ch_get(res, "p90_s");
			teams[t].ended = ch_get(res, "ended");
			any |= !isnan(teams[t].budget);
		}
		if (!any)
			continue;
		for (t = 0; t < nt; t++) {
			double v[3] = { teams[t].budget, teams[t].median, teams[t].p90 };
			for (w = 0; w < 3; w++) {
				if (isnan(v[w]))
					missing[w] = 1;
				else
					sums[w] += v[w];
			}
			cells[0] = ch_sev_name(cx, sev);
			cells[1] = teams[t].name;
			cells[2] = ch_dur(cx, teams[t].budget);
			cells[3] = ch_dur(cx, teams[t].median);
			cells[4] = ch_dur(cx, teams[t].p90);
			cells[5] = ch_num(cx, isnan(teams[t].ended) ? 0 : teams[t].ended, 0);
			ch_table_row(c->table, cells, 6);
		}
		cells[0] = ch_sev_name(cx, sev);
		cells[1] = ch_text(cx, "table.promise");
		cells[2] = ch_dur(cx, promise);
		cells[3] = cells[4] = cells[5] = "";
		ch_table_row(c->table, cells, 6);

		if (sum.len > 0)
			strbuf_puts(&sum, "; ");
		strbuf_puts(&sum, ch_fmt(cx, "chart.ola.item", ch_sev_label(cx, sev),
		    ch_dur(cx, promise), ch_dur(cx, sums[0]),
		    missing[1] && sums[1] == 0 ? ch_text(cx, "common.no_data") :
		    ch_dur(cx, sums[1]),
		    missing[2] && sums[2] == 0 ? ch_text(cx, "common.no_data") :
		    ch_dur(cx, sums[2]),
		    (char *)NULL));

		/* Scale: everything fits unless far beyond promise and budgets. */
		ref = fmax(isnan(promise) ? 0 : promise, sums[0]);
		maxv = fmax(ref, fmax(sums[1], sums[2]));
		if (ref > 0 && maxv > OLA_CAP * ref)
			maxv = OLA_CAP * ref;
		kx = maxv > 0 ? (bx1 - bx0) / (maxv * 1.02) : 0;

		/* The group's heading: the name, cut if need be, and the promise. */
		const char *prom = ch_keep(cx, xasprintf(" \xC2\xB7 %s %s",
		    ch_text(cx, "chart.ola.promise"), ch_dur(cx, promise)));
		char *nm = scene_ellipsize(ch_sev_name(cx, sev), FONT_BOLD, CH_LABEL,
		    CH_W - 2 * CH_PAD - font_text_width(FONT_BOLD, CH_LABEL, prom));
		scene_text(c->scene, CH_PAD, gy + g.head - 4,
		    ch_keep(cx, xasprintf("%s%s", nm, prom)), FONT_BOLD, CH_LABEL, SCENE_START,
		    C_TEXT);
		free(nm);
		for (w = 0; w < 3; w++) {
			double y = gy + g.head + w * g.row, end, tx;
			int over = !isnan(promise) && sums[w] > promise;
			const char *tot;
			scene_text(c->scene, CH_PAD, y + g.bar - 1.5, ch_text(cx, rowkeys[w]),
			    FONT_REGULAR, CH_SMALL, SCENE_START, C_TEXT);
			end = draw_row(c->scene, cx, teams, nt, w, bx0, kx, bx1, y, g.bar);
			if (sums[w] <= 0 && missing[w]) {
				scene_text(c->scene, bx0 + 2, y + g.bar - 1.5, ch_text(cx,
				    "common.no_data"), FONT_ITALIC, CH_SMALL, SCENE_START, C_MUTED);
				continue;
			}
			/* The sum right of the row (≥ when a team has no figure),
			 * marked ✓ inside the promise or ✗ over it. */
			tot = ch_keep(cx, xasprintf("%s%s %s", missing[w] ? "\xE2\x89\xA5 " : "",
			    ch_dur(cx, sums[w]), isnan(promise) ? "" : over ? "\xE2\x9C\x97" :
			    "\xE2\x9C\x93"));
			px = isnan(promise) ? bx0 : bx0 + promise * kx;
			tx = fmax(end, px) + 5;
			scene_text(c->scene, tx, y + g.bar - 1.5, tot,
			    over ? FONT_BOLD : FONT_REGULAR, CH_SMALL, SCENE_START,
			    over ? OVER_TEXT : FIT_TEXT);
		}
		if (!isnan(promise) && promise > 0) {
			px = bx0 + promise * kx;
			scene_line(c->scene, px, gy + g.head - 1, px, gy + g.head + 3 * g.row,
			    C_BLACK, 1.5, 3);
		}
		gy += g.head + 3 * g.row + g.gap;
	}
	ch_end_sentence(&sum);
out:
	c->summary = strbuf_detach(&sum, NULL);
	free(leg);
	free(teams);
	free(olas);
	return c;
}
