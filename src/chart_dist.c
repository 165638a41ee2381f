/* chart_dist.c: (d) the distribution of resolution times per severity, in
 * tenths of the target (kpis.json "hist"), with the target marked. */
#include "chart_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>

#include "i18n.h"
#include "kpi.h"
#include "util.h"

#define BINS	KPI_HIST_BINS	/* 20 tenths of the target, then "beyond 200 %" */
#define LABEL_W	122.0		/* the severity label column */
#define STRIP	11.0		/* above the bars: the target's label */

static const struct scene_paint within_paint = { C_MET, SCENE_NONE, 0, 0, SCENE_HATCH_NONE, 0 };
static const struct scene_paint beyond_paint = { C_MISSED, SCENE_NONE, 0, 0,
	SCENE_HATCH_DIAGONAL, C_WHITE };

/* Counts of row's histogram into h; returns the clocks counted. */
static double
load_hist(const cJSON *row, double h[BINS])
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(row, "resolution"), "hist"), *e;
	double n = 0;
	int i = 0;

	memset(h, 0, sizeof(double) * BINS);
	cJSON_ArrayForEach(e, arr) {
		if (i < BINS && cJSON_IsNumber(e) && e->valuedouble > 0) {
			h[i] = e->valuedouble;
			n += h[i];
		}
		i++;
	}
	return n;
}

struct chart *
chart_distribution(const cJSON *agreement, int ym, struct ch_ctx *cx)
{
	static const char *const colkeys[] = { "table.severity", "table.resolution_target",
		"table.resolved", "table.within_target", "table.beyond_target", "table.median",
		"table.p90" };
	const cJSON *per = ch_period(agreement, ym), *rows, *row;
	struct ch_legend_item leg[3];
	struct strbuf sum = {0};
	struct chart *c;
	const char *cells[7];
	double legh, H, top, hx0, hx1, bwid, gap = 5, ended_all = 0, panel_h, bar_max;
	int nsev, i, k;

	rows = cJSON_GetObjectItemCaseSensitive(per, "severities");
	nsev = cJSON_GetArraySize(rows);
	cJSON_ArrayForEach(row, rows) {
		double e = ch_get2(row, "resolution", "ended");
		ended_all += isnan(e) ? 0 : e;
	}
	leg[0] = (struct ch_legend_item){ CH_SW_BOX, within_paint, 0, 0,
		ch_text(cx, "chart.distribution.legend_within") };
	leg[1] = (struct ch_legend_item){ CH_SW_BOX, beyond_paint, 0, 0,
		ch_text(cx, "chart.distribution.legend_beyond") };
	leg[2] = (struct ch_legend_item){ CH_SW_LINE, { SCENE_NONE, C_BLACK, 1.5, 0,
		SCENE_HATCH_NONE, 0 }, 0, 0, ch_text(cx, "common.target") };
	legh = ch_legend(NULL, CH_PAD, 24, leg, 3);
	top = 24 + legh + 6;
	/* Tighter panels for many severities: the chart stays one printed page. */
	panel_h = nsev > 6 ? 50 : 60;
	bar_max = panel_h - 30;
	H = top + (nsev > 0 ? nsev : 3) * panel_h + 34;

	c = ch_new(CHART_DISTRIBUTION, xstrdup(ch_fmt(cx, "chart.distribution.title",
	    ch_month(cx, ym, 1), (char *)NULL)), H);
	for (i = 0; i < 7; i++)
		cells[i] = ch_text(cx, colkeys[i]);
	c->table = ch_table(ch_text(cx, "chart.distribution.caption"), cells, 7);

	hx0 = CH_PAD + LABEL_W;
	hx1 = CH_W - CH_PAD - 6;
	bwid = (hx1 - hx0 - gap) / BINS;
	if (ended_all <= 0) {
		ch_no_data(c->scene, cx, ym, CH_PAD, top, CH_W - CH_PAD, H - 34);
		strbuf_puts(&sum, ch_fmt(cx, "common.no_items", ch_month(cx, ym, 1), (char *)NULL));
		ch_end_sentence(&sum);
	} else
		ch_legend(c->scene, CH_PAD, 24, leg, 3);

	i = 0;
	cJSON_ArrayForEach(row, rows) {
		const cJSON *res = cJSON_GetObjectItemCaseSensitive(row, "resolution");
		double h[BINS], n = load_hist(row, h), within = 0, hmax = 0;
		double target = ch_get(res, "target_s"), ended = ch_get(res, "ended");
		double median = ch_get(res, "median_s");
		double ptop = top + i * panel_h, base = ptop + STRIP + bar_max + 10;
		char *name;

		for (k = 0; k < BINS; k++) {
			if (k < 10)
				within += h[k];
			hmax = fmax(hmax, h[k]);
		}
		if (isnan(ended))
			ended = 0;
		cells[0] = ch_sev_name(cx, row);
		cells[1] = ch_dur(cx, target);
		cells[2] = ch_num(cx, ended, 0);
		cells[3] = n > 0 ? ch_num(cx, within, 0) : ch_text(cx, "common.not_available");
		cells[4] = n > 0 ? ch_num(cx, n - within, 0) : ch_text(cx, "common.not_available");
		cells[5] = ch_dur(cx, median);
		cells[6] = ch_dur(cx, ch_get(res, "p90_s"));
		ch_table_row(c->table, cells, 7);
		i++;
		if (ended_all <= 0)
			continue;
		if (sum.len > 0)
			strbuf_puts(&sum, "; ");
		strbuf_puts(&sum, n > 0 ? ch_fmt(cx, "chart.distribution.item",
		    ch_sev_label(cx, row), ch_num(cx, within, 0), ch_num(cx, n, 0),
		    ch_dur(cx, target), ch_dur(cx, median), (char *)NULL) :
		    ch_fmt(cx, "chart.distribution.item_none", ch_sev_label(cx, row),
		    (char *)NULL));

		/* The label column: name, n, median. */
		name = scene_ellipsize(ch_sev_name(cx, row), FONT_BOLD, CH_LABEL, LABEL_W - 8);
		scene_text(c->scene, CH_PAD, ptop + STRIP + 10, name, FONT_BOLD, CH_LABEL,
		    SCENE_START, C_TEXT);
		free(name);
		scene_text(c->scene, CH_PAD, ptop + STRIP + 22, ch_fmt(cx, "common.n",
		    ch_num(cx, ended, 0), (char *)NULL), FONT_REGULAR, CH_SMALL, SCENE_START,
		    C_MUTED);
		if (!isnan(median))
			scene_text(c->scene, CH_PAD, ptop + STRIP + 33, ch_fmt(cx,
			    "chart.distribution.median", ch_dur(cx, median), (char *)NULL),
			    FONT_REGULAR, CH_SMALL, SCENE_START, C_MUTED);
		scene_line(c->scene, hx0, base, hx1, base, C_AXIS, 0.75, 0);
		if (isnan(target) || target <= 0 || n <= 0) {
			scene_text(c->scene, (hx0 + hx1) / 2, base - 12, ch_text(cx,
			    isnan(target) || target <= 0 ? "chart.distribution.no_target" :
			    "common.no_data"), FONT_ITALIC, CH_SMALL, SCENE_MIDDLE, C_MUTED);
			continue;
		}
		for (k = 0; k < BINS; k++) {
			double bx = hx0 + k * bwid + (k == BINS - 1 ? gap : 0), bh;
			if (h[k] <= 0)
				continue;
			bh = fmax(2.5, h[k] / hmax * bar_max);
			scene_rect(c->scene, bx + 0.75, base - bh, bwid - 1.5, bh,
			    k < 10 ? &within_paint : &beyond_paint);
			scene_text(c->scene, bx + bwid / 2, base - bh - 2.5, ch_num(cx, h[k], 0),
			    FONT_REGULAR, CH_SMALL, SCENE_MIDDLE, C_TEXT);
		}
		/* The target between bin 9 (at most the target) and bin 10. */
		double tx = hx0 + 10 * bwid;
		scene_line(c->scene, tx, ptop + 2, tx, base + 3, C_BLACK, 1.5, 0);
		scene_text(c->scene, tx + 3, ptop + 9, ch_fmt(cx,
		    "chart.distribution.target_marker", ch_dur(cx, target), (char *)NULL),
		    FONT_REGULAR, CH_SMALL, SCENE_START, C_TEXT);
	}
	if (ended_all > 0) {
		/* The shared axis: shares of the target, then the overflow bin. */
		double ay = top + nsev * panel_h - 6;
		for (k = 0; k <= 20; k += 5) {
			double x = hx0 + k * bwid;
			scene_line(c->scene, x, ay - 3, x, ay, C_AXIS, 0.75, 0);
			if (k < 20)
				scene_text(c->scene, x, ay + 10, ch_pct(cx, k * 10.0), FONT_REGULAR,
				    CH_LABEL, SCENE_MIDDLE, C_MUTED);
		}
		/* The last bin holds everything beyond 200 %: "200%+". */
		scene_text(c->scene, hx0 + (BINS - 0.5) * bwid + gap, ay + 10,
		    ch_keep(cx, xasprintf("%s+", ch_pct(cx, 200))), FONT_REGULAR, CH_LABEL,
		    SCENE_MIDDLE, C_MUTED);
		scene_text(c->scene, (hx0 + hx1) / 2, ay + 23,
		    ch_text(cx, "chart.distribution.axis"), FONT_REGULAR, CH_LABEL, SCENE_MIDDLE,
		    C_TEXT);
		ch_end_sentence(&sum);
	}
	c->summary = strbuf_detach(&sum, NULL);
	return c;
}
