/* chart_volume.c: (c) items opened per month stacked by severity, with the
 * count target, and for value agreements the value against its target. */
#include "chart_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>

#include "i18n.h"
#include "kpi.h"
#include "util.h"

#define MONTHS 12
/* Value bars beyond this many times the target are cut, with a break mark. */
#define VALUE_CAP 4.0

struct vol {
	int nsev, nmon, m0;
	const cJSON **sev;	/* the agreement's targets */
	double *opened;		/* [month * nsev + sev] */
	double *total;		/* [month] */
	double *value;		/* [month], NAN without figure */
	int value_metric;	/* volume.metric == "value" */
	double target;		/* volume.target, NAN when none */
};

static void
vol_load(struct vol *v, const cJSON *agreement, int ym)
{
	const cJSON *p, *r;
	int first = -1, s, m;

	cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(agreement, "periods")) {
		int pm = kpi_parse_month(ch_str(p, "period") ? ch_str(p, "period") : "");
		if (pm >= 0 && (first < 0 || pm < first))
			first = pm;
	}
	v->m0 = ym - (MONTHS - 1);
	if (first > v->m0)
		v->m0 = first;
	v->nmon = first < 0 || v->m0 > ym ? 0 : ym - v->m0 + 1;
	v->nsev = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(agreement, "targets"));
	v->sev = xcalloc((size_t)v->nsev + 1, sizeof *v->sev);
	s = 0;
	cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(agreement, "targets"))
		v->sev[s++] = r;
	v->opened = xcalloc((size_t)(v->nsev * v->nmon) + 1, sizeof *v->opened);
	v->total = xcalloc((size_t)v->nmon + 1, sizeof *v->total);
	v->value = xcalloc((size_t)v->nmon + 1, sizeof *v->value);
	v->target = NAN;
	for (m = 0; m < v->nmon; m++) {
		const cJSON *per = ch_period(agreement, v->m0 + m);
		const cJSON *vo = cJSON_GetObjectItemCaseSensitive(per, "volume");
		s = 0;
		cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(per, "severities")) {
			double o = ch_get(r, "opened");
			if (s < v->nsev)
				v->opened[m * v->nsev + s] = isnan(o) ? 0 : o;
			s++;
		}
		v->total[m] = ch_get2(per, "total", "opened");
		if (isnan(v->total[m]))
			v->total[m] = 0;
		v->value[m] = NAN;
		if (cJSON_IsObject(vo)) {
			const char *metric = ch_str(vo, "metric");
			v->value_metric = metric != NULL && strcmp(metric, "value") == 0;
			v->target = ch_get(vo, "target");
			v->value[m] = ch_get(vo, "actual");
		}
	}
}

static void
vol_free(struct vol *v)
{
	free(v->sev);
	free(v->opened);
	free(v->total);
	free(v->value);
}

/* Month names under a panel; the year under the first month and January. */
static void
month_labels(struct scene *sc, struct ch_ctx *cx, int m0, int nmon, double x0,
    double slot, double y)
{
	int m;

	for (m = 0; m < nmon; m++) {
		double xm = x0 + slot * (m + 0.5);
		int mm = m0 + m;
		scene_text(sc, xm, y + 13, i18n_month_name(cx->loc, mm % 12, 0), FONT_REGULAR,
		    CH_LABEL, SCENE_MIDDLE, C_TEXT);
		if (m == 0 || mm % 12 == 0)
			scene_text(sc, xm, y + 25, ch_keep(cx, xasprintf("%d", mm / 12)),
			    FONT_REGULAR, CH_SMALL, SCENE_MIDDLE, C_MUTED);
	}
}

/* A dashed target line with its label in the right gutter. */
static void
target_line(struct scene *sc, const char *label, double x0, double x1, double y)
{
	scene_line(sc, x0, y, x1, y, C_BLACK, 1.25, 3);
	scene_text(sc, x1 + 4, y + 3, label, FONT_REGULAR, CH_SMALL, SCENE_START, C_TEXT);
}

/* The value panel's legend: met solid, missed hatched, as in (a). */
static const struct ch_legend_item *
value_legend(struct ch_ctx *cx, struct ch_legend_item vl[2])
{
	vl[0] = (struct ch_legend_item){ CH_SW_BOX, { C_MET, SCENE_NONE, 0, 0, SCENE_HATCH_NONE,
		0 }, 0, 0, ch_text(cx, "chart.volume.legend_met") };
	vl[1] = (struct ch_legend_item){ CH_SW_BOX, { C_MISSED, SCENE_NONE, 0, 0,
		SCENE_HATCH_DIAGONAL, C_WHITE }, 0, 0, ch_text(cx, "chart.volume.legend_missed") };
	return vl;
}

struct chart *
chart_volume(const cJSON *agreement, int ym, struct ch_ctx *cx)
{
	struct vol v = {0};
	struct ch_legend_item *leg;
	struct ch_axis ax, vax;
	struct strbuf sum = {0};
	struct chart *c;
	const char **cells, *tlabel = NULL, *vlabel = NULL;
	double legh, H, ytop, ybot, x0, x1, slot, bw, maxt = 0, maxv = 0, all = 0;
	double vtop = 0, vbot = 0, gutter = 0, vleg_x = 0, vleg_below = 0;
	struct ch_legend_item vl[2];
	int s, m, nleg, ncols, count_target;

	vol_load(&v, agreement, ym);
	count_target = !v.value_metric && !isnan(v.target);
	for (m = 0; m < v.nmon; m++) {
		maxt = fmax(maxt, v.total[m]);
		all += v.total[m];
		if (!isnan(v.value[m]))
			maxv = fmax(maxv, v.value[m]);
	}
	leg = xcalloc((size_t)v.nsev + 1, sizeof *leg);
	for (s = 0; s < v.nsev; s++)
		leg[s] = (struct ch_legend_item){ CH_SW_BOX, { ch_series_color(s), SCENE_NONE, 0, 0,
			ch_series_hatch(s), C_WHITE }, 0, 0, ch_sev_name(cx, v.sev[s]) };
	nleg = v.nsev;
	legh = ch_legend(NULL, CH_PAD, 24, leg, nleg);
	if (!isnan(v.target)) {
		tlabel = ch_fmt(cx, "chart.volume.target_line", ch_num(cx, v.target, 0),
		    (char *)NULL);
		gutter = font_text_width(FONT_REGULAR, CH_SMALL, tlabel) + 6;
	}
	H = 24 + legh + 12 + 160 + 34;
	if (v.value_metric) {
		H += 28 + 110 + 34;
		/* The value panel's legend beside its heading, or below it. */
		vleg_x = CH_PAD + font_text_width(FONT_BOLD, CH_LABEL,
		    ch_text(cx, "chart.volume.value_title")) + 16;
		if (!isnan(v.target) && ch_legend(NULL, vleg_x, 0, value_legend(cx, vl), 2) >
		    CH_LEG_ROW) {
			vleg_x = CH_PAD;
			vleg_below = CH_LEG_ROW;
			H += vleg_below;
		}
	}

	c = ch_new(CHART_VOLUME, xstrdup(v.nmon > 1 ? ch_fmt(cx, "chart.volume.title",
	    ch_month(cx, v.m0, 0), ch_month(cx, ym, 0), (char *)NULL) :
	    ch_fmt(cx, "chart.volume.title_one", ch_month(cx, ym, 1), (char *)NULL)), H);

	/* The table: months × severities, total, and the value when there is one. */
	ncols = v.nsev + 2 + (v.value_metric ? 1 : 0);
	cells = xcalloc((size_t)ncols, sizeof *cells);
	cells[0] = ch_text(cx, "common.month");
	for (s = 0; s < v.nsev; s++)
		cells[s + 1] = ch_sev_name(cx, v.sev[s]);
	cells[v.nsev + 1] = ch_text(cx, "common.total");
	if (v.value_metric)
		cells[v.nsev + 2] = ch_text(cx, "table.value");
	c->table = ch_table(ch_text(cx, "chart.volume.caption"), cells, ncols);
	for (m = 0; m < v.nmon; m++) {
		cells[0] = ch_month(cx, v.m0 + m, 0);
		for (s = 0; s < v.nsev; s++)
			cells[s + 1] = ch_num(cx, v.opened[m * v.nsev + s], 0);
		cells[v.nsev + 1] = ch_num(cx, v.total[m], 0);
		if (v.value_metric)
			cells[v.nsev + 2] = ch_num(cx, v.value[m], 0);
		ch_table_row(c->table, cells, ncols);
	}
	if (!isnan(v.target)) {
		for (s = 0; s < ncols; s++)
			cells[s] = "";
		cells[0] = ch_text(cx, "table.target");
		cells[v.value_metric ? v.nsev + 2 : v.nsev + 1] = ch_num(cx, v.target, 0);
		ch_table_row(c->table, cells, ncols);
	}
	free(cells);

	ytop = 24 + legh + 12;
	ybot = ytop + 160;
	ch_axis_nice(&ax, 0, fmax(fmax(maxt, count_target ? v.target : 0), 1), 5);
	x0 = CH_PAD + ch_axis_label_width(cx, &ax, 0) + 6;
	if (v.value_metric) {
		ch_axis_nice(&vax, 0, fmax(fmin(fmax(maxv, v.target), isnan(v.target) ||
		    v.target <= 0 ? maxv : VALUE_CAP * v.target), 1), 4);
		x0 = fmax(x0, CH_PAD + ch_axis_label_width(cx, &vax, 0) + 6);
	}
	x1 = CH_W - CH_PAD - gutter;
	if (v.nmon == 0 || (all == 0 && !(maxv > 0))) {
		ch_no_data(c->scene, cx, ym, x0, ytop, x1, H - 34);
		strbuf_puts(&sum, ch_fmt(cx, "common.no_items", ch_month(cx, ym, 1), (char *)NULL));
		ch_end_sentence(&sum);
		goto out;
	}
	ch_legend(c->scene, CH_PAD, 24, leg, nleg);
	slot = (x1 - x0) / v.nmon;
	bw = fmin(40, slot * 0.62);

	/* Panel 1: stacked counts, a total above each bar. */
	ch_axis_draw(c->scene, cx, &ax, 0, x0, x1, ytop, ybot);
	for (m = 0; m < v.nmon; m++) {
		double xm = x0 + slot * (m + 0.5), acc = 0;
		for (s = 0; s < v.nsev; s++) {
			double o = v.opened[m * v.nsev + s];
			struct scene_paint p = { ch_series_color(s), SCENE_NONE, 0, 0,
				ch_series_hatch(s), C_WHITE };
			if (o <= 0)
				continue;
			double ya = ch_axis_y(&ax, acc, ytop, ybot);
			double yb = ch_axis_y(&ax, acc + o, ytop, ybot);
			scene_rect(c->scene, xm - bw / 2, yb, bw, ya - yb, &p);
			/* A hairline between segments keeps equal colours apart. */
			scene_line(c->scene, xm - bw / 2, yb, xm + bw / 2, yb, C_WHITE, 0.75, 0);
			acc += o;
		}
		scene_text(c->scene, xm, ch_axis_y(&ax, v.total[m], ytop, ybot) - 4,
		    ch_num(cx, v.total[m], 0), FONT_REGULAR, CH_SMALL, SCENE_MIDDLE, C_TEXT);
	}
	if (count_target)
		target_line(c->scene, tlabel, x0, x1, ch_axis_y(&ax, v.target, ytop, ybot));
	month_labels(c->scene, cx, v.m0, v.nmon, x0, slot, ybot);

	strbuf_puts(&sum, ch_fmt(cx, "chart.volume.summary", ch_num(cx, all, 0),
	    ch_month(cx, v.m0, 0), ch_month(cx, ym, 0), ch_num(cx, v.total[v.nmon - 1], 0),
	    ch_month(cx, ym, 0), (char *)NULL));

	/* Panel 2: the value against its target; short of it: hatched, as missed. */
	if (v.value_metric) {
		double last = v.value[v.nmon - 1];
		vtop = ybot + 34 + 28 + vleg_below;
		vbot = vtop + 110;
		double hy = vtop - 16 - vleg_below;	/* the heading's baseline */
		scene_text(c->scene, CH_PAD, hy, ch_text(cx, "chart.volume.value_title"), FONT_BOLD,
		    CH_LABEL, SCENE_START, C_TEXT);
		if (!isnan(v.target))
			ch_legend(c->scene, vleg_x, vleg_below > 0 ? hy + 4 : hy - 10,
			    value_legend(cx, vl), 2);
		ch_axis_draw(c->scene, cx, &vax, 0, x0, x1, vtop, vbot);
		for (m = 0; m < v.nmon; m++) {
			double val = v.value[m], xm = x0 + slot * (m + 0.5), y;
			int ok = isnan(v.target) || val >= v.target;
			struct scene_paint p = { ok ? C_MET : C_MISSED, SCENE_NONE, 0, 0,
				ok ? SCENE_HATCH_NONE : SCENE_HATCH_DIAGONAL, C_WHITE };
			if (isnan(val) || val <= 0)
				continue;
			y = ch_axis_y(&vax, val, vtop, vbot);
			scene_rect(c->scene, xm - bw / 2, y, bw, vbot - y, &p);
			if (val > vax.hi) {
				/* Cut bar: a white gap across it and the true value above. */
				struct scene_paint gap = { C_WHITE, SCENE_NONE, 0, 0,
					SCENE_HATCH_NONE, 0 };
				scene_rect(c->scene, xm - bw / 2 - 1, vtop + 8, bw + 2, 3, &gap);
				scene_text(c->scene, xm, vtop - 3, ch_num(cx, val, 0), FONT_BOLD,
				    CH_SMALL, SCENE_MIDDLE, C_TEXT);
			}
		}
		if (!isnan(v.target))
			target_line(c->scene, tlabel, x0, x1,
			    ch_axis_y(&vax, v.target, vtop, vbot));
		month_labels(c->scene, cx, v.m0, v.nmon, x0, slot, vbot);
		vlabel = ch_fmt(cx, "chart.volume.summary_value", ch_num(cx, last, 0),
		    ch_month(cx, ym, 0), ch_num(cx, v.target, 0), ch_text(cx, isnan(last) ?
		    "common.no_data" : last >= v.target ? "common.met" : "common.missed"),
		    (char *)NULL);
		strbuf_puts(&sum, vlabel);
	}
	ch_end_sentence(&sum);
out:
	c->summary = strbuf_detach(&sum, NULL);
	free(leg);
	vol_free(&v);
	return c;
}
