/* chart_attain.c: (a) resolution attainment by severity against its goal and
 * (b) its 12-month trend. */
#include "chart_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>

#include "i18n.h"
#include "kpi.h"
#include "util.h"

#define MET_TEXT	0x00694Fu	/* darker than the bar: readable as text */
#define MISSED_TEXT	0xA84A00u

static const char check_mark[] = "\xE2\x9C\x93";	/* ✓ */
static const char cross_mark[] = "\xE2\x9C\x97";	/* ✗ */

static const struct scene_paint met_paint = { C_MET, SCENE_NONE, 0, 0, SCENE_HATCH_NONE, 0 };
static const struct scene_paint missed_paint = { C_MISSED, SCENE_NONE, 0, 0,
	SCENE_HATCH_DIAGONAL, C_WHITE };
static const struct scene_paint nogoal_paint = { C_BLUE, SCENE_NONE, 0, 0, SCENE_HATCH_NONE, 0 };

/* "Severity 1: 92.3% of 13 resolved in time, goal 100% — missed". */
static const char *
attain_item(struct ch_ctx *cx, const cJSON *row)
{
	const cJSON *res = cJSON_GetObjectItemCaseSensitive(row, "resolution");
	double att = ch_get(res, "attainment"), goal = ch_get(res, "goal");
	double n = ch_get(res, "met") + ch_get(res, "breached");
	const cJSON *gm = cJSON_GetObjectItemCaseSensitive(res, "goal_met");

	if (isnan(att))
		return ch_fmt(cx, "chart.attainment.item_none", ch_sev_label(cx, row),
		    (char *)NULL);
	if (isnan(goal))
		return ch_fmt(cx, "chart.attainment.item_nogoal", ch_sev_label(cx, row),
		    ch_pct(cx, att), ch_num(cx, n, 0), (char *)NULL);
	return ch_fmt(cx, "chart.attainment.item", ch_sev_label(cx, row), ch_pct(cx, att),
	    ch_num(cx, n, 0), ch_pct(cx, goal),
	    ch_text(cx, cJSON_IsTrue(gm) ? "common.met" : "common.missed"), (char *)NULL);
}

/* The name under a bar; when only a stub of it would fit ("Seve…"), the key
 * ("2") instead — the table and summary carry the whole name. */
static char *
slot_label(struct ch_ctx *cx, const cJSON *row, double width)
{
	const char *full = ch_sev_name(cx, row), *key = ch_sev_key(cx, row);
	char *s = scene_ellipsize(full, FONT_REGULAR, CH_LABEL, width);

	if (strcmp(s, full) != 0 && strlen(s) < 9 &&
	    font_text_width(FONT_REGULAR, CH_LABEL, key) <= width) {
		free(s);
		return xstrdup(key);
	}
	return s;
}

struct chart *
chart_attainment(const cJSON *agreement, int ym, struct ch_ctx *cx)
{
	const cJSON *per = ch_period(agreement, ym), *rows, *row;
	static const char *const colkeys[] = { "table.severity", "table.name", "table.met",
		"table.breached", "table.attainment", "table.goal", "table.goal_met" };
	const char *cols[7];
	struct ch_legend_item leg[4];
	struct strbuf sum = {0};
	struct chart *c;
	struct ch_axis ax = { 0, 100, 20 };
	double legh, ytop, ybot, x0, x1, slot, bw, H = 250;
	int n, i, nleg = 0, any = 0, nogoal = 0;

	rows = cJSON_GetObjectItemCaseSensitive(per, "severities");
	n = cJSON_GetArraySize(rows);
	cJSON_ArrayForEach(row, rows) {
		const cJSON *res = cJSON_GetObjectItemCaseSensitive(row, "resolution");
		if (!isnan(ch_get(res, "attainment"))) {
			any = 1;
			if (isnan(ch_get(res, "goal")))
				nogoal = 1;
		}
	}
	leg[nleg++] = (struct ch_legend_item){ CH_SW_BOX, met_paint, 0, 0,
		ch_text(cx, "chart.attainment.legend_met") };
	leg[nleg++] = (struct ch_legend_item){ CH_SW_BOX, missed_paint, 0, 0,
		ch_text(cx, "chart.attainment.legend_missed") };
	if (nogoal)
		leg[nleg++] = (struct ch_legend_item){ CH_SW_BOX, nogoal_paint, 0, 0,
			ch_text(cx, "chart.attainment.legend_nogoal") };
	leg[nleg++] = (struct ch_legend_item){ CH_SW_LINE,
		{ SCENE_NONE, C_BLACK, 2.5, 0, SCENE_HATCH_NONE, 0 }, 0, 0,
		ch_text(cx, "chart.attainment.legend_goal") };
	legh = ch_legend(NULL, CH_PAD, 24, leg, nleg);
	H += legh - CH_LEG_ROW;

	c = ch_new(CHART_ATTAINMENT, xstrdup(ch_fmt(cx, "chart.attainment.title",
	    ch_month(cx, ym, 1), (char *)NULL)), H);
	for (i = 0; i < 7; i++)
		cols[i] = ch_text(cx, colkeys[i]);
	c->table = ch_table(ch_fmt(cx, "chart.attainment.caption", ch_month(cx, ym, 1),
	    (char *)NULL), cols, 7);

	ytop = 24 + legh + 16;
	ybot = H - 46;
	x0 = CH_PAD + ch_axis_label_width(cx, &ax, 1) + 6;
	x1 = CH_W - CH_PAD;
	if (!any || n == 0) {
		ch_no_data(c->scene, cx, ym, x0, ytop, x1, ybot);
		strbuf_puts(&sum, ch_fmt(cx, "common.no_items", ch_month(cx, ym, 1), (char *)NULL));
		ch_end_sentence(&sum);
	} else {
		ch_legend(c->scene, CH_PAD, 24, leg, nleg);
		ch_axis_draw(c->scene, cx, &ax, 1, x0, x1, ytop, ybot);
	}
	slot = n > 0 ? (x1 - x0) / n : 0;
	bw = fmin(48, slot * 0.55);
	i = 0;
	cJSON_ArrayForEach(row, rows) {
		const cJSON *res = cJSON_GetObjectItemCaseSensitive(row, "resolution");
		double att = ch_get(res, "attainment"), goal = ch_get(res, "goal");
		double met = ch_get(res, "met"), br = ch_get(res, "breached");
		const cJSON *gm = cJSON_GetObjectItemCaseSensitive(res, "goal_met");
		double xc = x0 + slot * (i + 0.5), ylab;
		const char *cells[7];
		char *name;

		cells[0] = ch_sev_key(cx, row);
		cells[1] = ch_str(row, "name");
		cells[2] = ch_num(cx, met, 0);
		cells[3] = ch_num(cx, br, 0);
		cells[4] = ch_pct(cx, att);
		cells[5] = ch_pct(cx, goal);
		cells[6] = cJSON_IsBool(gm) ? ch_text(cx, cJSON_IsTrue(gm) ? "common.yes" :
		    "common.no") : ch_text(cx, "common.not_available");
		ch_table_row(c->table, cells, 7);
		if (any) {
			if (sum.len > 0)
				strbuf_puts(&sum, "; ");
			strbuf_puts(&sum, attain_item(cx, row));
		}
		i++;
		if (!any)
			continue;

		/* The bar, its goal marker, its value; then the labels below. */
		ylab = ybot;
		if (!isnan(att)) {
			const struct scene_paint *p = isnan(goal) ? &nogoal_paint :
			    cJSON_IsTrue(gm) ? &met_paint : &missed_paint;
			double y = ch_axis_y(&ax, att, ytop, ybot);
			if (ybot - y >= 1)
				scene_rect(c->scene, xc - bw / 2, y, bw, ybot - y, p);
			else	/* 0 %: a month of breaches only still shows a mark */
				scene_rect(c->scene, xc - bw / 2, ybot - 2, bw, 2, p);
			ylab = y;
		}
		if (!isnan(goal)) {
			/* Wider than the bar, but never touching the neighbour's. */
			double yg = ch_axis_y(&ax, goal, ytop, ybot);
			double over = fmax(0, fmin(5, (slot - bw) / 2 - 4));
			scene_line(c->scene, xc - bw / 2 - over, yg, xc + bw / 2 + over, yg,
			    C_BLACK, 2.5, 0);
			if (yg < ylab)
				ylab = yg;
		}
		if (!isnan(att))
			scene_text(c->scene, xc, ylab - 5, ch_pct(cx, att), FONT_BOLD, CH_LABEL,
			    SCENE_MIDDLE, C_TEXT);
		else
			scene_text(c->scene, xc, ybot - 6, ch_text(cx, "common.no_data"),
			    FONT_ITALIC, CH_SMALL, SCENE_MIDDLE, C_MUTED);
		name = slot_label(cx, row, slot - 4);
		scene_text(c->scene, xc, ybot + 13, name, FONT_REGULAR, CH_LABEL, SCENE_MIDDLE,
		    C_TEXT);
		free(name);
		scene_text(c->scene, xc, ybot + 25, ch_fmt(cx, "common.n",
		    ch_num(cx, isnan(met) ? 0 : met + br, 0), (char *)NULL), FONT_REGULAR,
		    CH_SMALL, SCENE_MIDDLE, C_MUTED);
		if (!isnan(att) && !isnan(goal)) {
			int ok = cJSON_IsTrue(gm);
			const char *word = ch_text(cx, ok ? "common.met" : "common.missed");
			char *st = xasprintf("%s %s", ok ? check_mark : cross_mark, word);
			if (font_text_width(FONT_BOLD, CH_SMALL, st) > slot - 2)
				st[strlen(ok ? check_mark : cross_mark)] = '\0';
			scene_text(c->scene, xc, ybot + 37, st, FONT_BOLD, CH_SMALL, SCENE_MIDDLE,
			    ok ? MET_TEXT : MISSED_TEXT);
			free(st);
		}
	}
	if (any)
		ch_end_sentence(&sum);
	c->summary = strbuf_detach(&sum, NULL);
	return c;
}

/* ---- (b) trend ---- */

#define TREND_MONTHS 12

struct trend {
	int nsev, nmon, m0;
	const cJSON **sev;		/* the agreement's targets, one per series */
	double *att;			/* [sev * nmon + month], NAN = no figure */
	int *ok;			/* goal met: 1, 0, -1 null */
};

static void
trend_load(struct trend *t, const cJSON *agreement, int ym)
{
	const cJSON *targets = cJSON_GetObjectItemCaseSensitive(agreement, "targets"), *p, *r;
	int first = -1, s, m;

	cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(agreement, "periods")) {
		int pm = kpi_parse_month(ch_str(p, "period") ? ch_str(p, "period") : "");
		if (pm >= 0 && (first < 0 || pm < first))
			first = pm;
	}
	t->m0 = ym - (TREND_MONTHS - 1);
	if (first > t->m0)
		t->m0 = first;
	t->nmon = first < 0 || t->m0 > ym ? 0 : ym - t->m0 + 1;
	t->nsev = cJSON_GetArraySize(targets);
	t->sev = xcalloc((size_t)t->nsev + 1, sizeof *t->sev);
	t->att = xcalloc((size_t)(t->nsev * t->nmon) + 1, sizeof *t->att);
	t->ok = xcalloc((size_t)(t->nsev * t->nmon) + 1, sizeof *t->ok);
	s = 0;
	cJSON_ArrayForEach(r, targets)
		t->sev[s++] = r;
	for (s = 0; s < t->nsev; s++)
		for (m = 0; m < t->nmon; m++) {
			const cJSON *per = ch_period(agreement, t->m0 + m), *row;
			const cJSON *res = NULL, *gm;
			int k = 0;
			cJSON_ArrayForEach(row, cJSON_GetObjectItemCaseSensitive(per, "severities"))
				if (k++ == s)
					res = cJSON_GetObjectItemCaseSensitive(row, "resolution");
			gm = cJSON_GetObjectItemCaseSensitive(res, "goal_met");
			t->att[s * t->nmon + m] = ch_get(res, "attainment");
			t->ok[s * t->nmon + m] = cJSON_IsBool(gm) ? cJSON_IsTrue(gm) : -1;
		}
}

static void
trend_free(struct trend *t)
{
	free(t->sev);
	free(t->att);
	free(t->ok);
}

/* Marker shapes cycle by 4, colours by 8: shifting the shape each colour round
 * keeps every series' pair distinct. */
static int
series_marker(int s)
{
	return (s + s / 8) % 4;
}

static int
cmp_double_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

struct chart *
chart_trend(const cJSON *agreement, int ym, struct ch_ctx *cx)
{
	struct trend t = {0};
	struct ch_legend_item *leg;
	struct ch_axis ax;
	struct strbuf sum = {0}, items = {0};
	struct chart *c;
	const char **cols;
	double lo = 100, legh, H = 270, ytop, ybot, x0, x1, slot, *goals, last_label = -100;
	int s, m, any = 0, ngoals = 0, nleg;

	trend_load(&t, agreement, ym);
	goals = xcalloc((size_t)t.nsev + 1, sizeof *goals);
	for (s = 0; s < t.nsev; s++) {
		double g = ch_get(t.sev[s], "goal");
		if (!isnan(g)) {
			goals[ngoals++] = g;
			lo = fmin(lo, g);
		}
		for (m = 0; m < t.nmon; m++)
			if (!isnan(t.att[s * t.nmon + m])) {
				any = 1;
				lo = fmin(lo, t.att[s * t.nmon + m]);
			}
	}
	/* Zoom to where the figures are (attainments cluster near their goals),
	 * but keep some room below the lowest one. */
	ch_axis_nice(&ax, fmax(0, lo - 5), 100, 5);

	leg = xcalloc((size_t)t.nsev + 2, sizeof *leg);
	for (s = 0; s < t.nsev; s++) {
		double g = ch_get(t.sev[s], "goal");
		leg[s].kind = CH_SW_MARKER;
		leg[s].paint = (struct scene_paint){ SCENE_NONE, ch_series_color(s), 1.75, 0,
			SCENE_HATCH_NONE, 0 };
		leg[s].marker = series_marker(s);
		/* The name cut on its own, so that the goal always shows. */
		char *nm = scene_ellipsize(ch_sev_name(cx, t.sev[s]), FONT_REGULAR, CH_LABEL, 110);
		leg[s].label = isnan(g) ? ch_keep(cx, nm) : ch_keep(cx, xasprintf("%s (%s)", nm,
		    ch_fmt(cx, "chart.trend.goal_line", ch_pct(cx, g), (char *)NULL)));
		if (!isnan(g))
			free(nm);
	}
	nleg = t.nsev;
	leg[nleg++] = (struct ch_legend_item){ CH_SW_MARKER, { SCENE_NONE, C_MUTED, 0, 0,
		SCENE_HATCH_NONE, 0 }, 0, 0, ch_text(cx, "chart.trend.legend_filled") };
	leg[nleg++] = (struct ch_legend_item){ CH_SW_MARKER, { SCENE_NONE, C_MUTED, 0, 0,
		SCENE_HATCH_NONE, 0 }, 0, 1, ch_text(cx, "chart.trend.legend_hollow") };
	legh = ch_legend(NULL, CH_PAD, 24, leg, nleg);
	H += legh - CH_LEG_ROW;

	c = ch_new(CHART_TREND, xstrdup(t.nmon > 1 ? ch_fmt(cx, "chart.trend.title",
	    ch_month(cx, t.m0, 0), ch_month(cx, ym, 0), (char *)NULL) :
	    ch_fmt(cx, "chart.trend.title_one", ch_month(cx, ym, 1), (char *)NULL)), H);
	ytop = 24 + legh + 12;
	ybot = H - 34;
	x0 = CH_PAD + ch_axis_label_width(cx, &ax, 1) + 6;
	x1 = CH_W - CH_PAD;
	/* A gutter right of the plot for the goal labels, clear of the lines. */
	for (s = 0; s < ngoals; s++)
		x1 = fmin(x1, CH_W - CH_PAD - 4 - font_text_width(FONT_REGULAR, CH_SMALL,
		    ch_fmt(cx, "chart.trend.goal_line", ch_pct(cx, goals[s]), (char *)NULL)));

	cols = xcalloc((size_t)t.nsev + 1, sizeof *cols);
	cols[0] = ch_text(cx, "common.month");
	for (s = 0; s < t.nsev; s++)
		cols[s + 1] = ch_sev_name(cx, t.sev[s]);
	c->table = ch_table(ch_text(cx, "chart.trend.caption"), cols, t.nsev + 1);
	for (m = 0; m < t.nmon; m++) {
		cols[0] = ch_month(cx, t.m0 + m, 0);
		for (s = 0; s < t.nsev; s++)
			cols[s + 1] = ch_pct(cx, t.att[s * t.nmon + m]);
		ch_table_row(c->table, cols, t.nsev + 1);
	}
	cols[0] = ch_text(cx, "table.goal");
	for (s = 0; s < t.nsev; s++)
		cols[s + 1] = ch_pct(cx, ch_get(t.sev[s], "goal"));
	ch_table_row(c->table, cols, t.nsev + 1);
	free(cols);

	if (!any) {
		ch_no_data(c->scene, cx, ym, x0, ytop, x1, ybot);
		strbuf_puts(&sum, ch_fmt(cx, "common.no_items", ch_month(cx, ym, 1), (char *)NULL));
		ch_end_sentence(&sum);
		goto out;
	}
	ch_legend(c->scene, CH_PAD, 24, leg, nleg);
	ch_axis_draw(c->scene, cx, &ax, 1, x0, x1, ytop, ybot);
	slot = (x1 - x0) / t.nmon;

	/* Goal lines, each distinct goal once, labelled unless crowded. */
	qsort(goals, (size_t)ngoals, sizeof *goals, cmp_double_desc);
	for (s = 0; s < ngoals; s++) {
		double y = ch_axis_y(&ax, goals[s], ytop, ybot);
		if (s > 0 && goals[s] == goals[s - 1])
			continue;
		scene_line(c->scene, x0, y, x1, y, C_BLACK, 1, 3);
		/* Close goals: the label moves down just clear of the one above. */
		last_label = fmax(y + 3, last_label + 9);
		scene_text(c->scene, x1 + 4, last_label, ch_fmt(cx, "chart.trend.goal_line",
		    ch_pct(cx, goals[s]), (char *)NULL), FONT_REGULAR, CH_SMALL, SCENE_START,
		    C_TEXT);
	}
	for (m = 0; m < t.nmon; m++) {
		double xm = x0 + slot * (m + 0.5);
		int mm = t.m0 + m;
		/* The year on a line of its own, under the first month and January. */
		scene_text(c->scene, xm, ybot + 13, i18n_month_name(cx->loc, mm % 12, 0),
		    FONT_REGULAR, CH_LABEL, SCENE_MIDDLE, C_TEXT);
		if (m == 0 || mm % 12 == 0)
			scene_text(c->scene, xm, ybot + 25, ch_keep(cx, xasprintf("%d", mm / 12)),
			    FONT_REGULAR, CH_SMALL, SCENE_MIDDLE, C_MUTED);
	}
	/* Lines broken where a month has no figure, then markers on top. */
	for (s = 0; s < t.nsev; s++) {
		struct scene_paint lp = { SCENE_NONE, ch_series_color(s), 1.75, 0,
			SCENE_HATCH_NONE, 0 };
		int open = 0;
		scene_begin_path(c->scene);
		for (m = 0; m < t.nmon; m++) {
			double v = t.att[s * t.nmon + m];
			if (isnan(v)) {
				open = 0;
				continue;
			}
			double xm = x0 + slot * (m + 0.5), y = ch_axis_y(&ax, v, ytop, ybot);
			if (open)
				scene_line_to(c->scene, xm, y);
			else
				scene_move_to(c->scene, xm, y);
			open = 1;
		}
		scene_end_path(c->scene, &lp);
	}
	for (s = 0; s < t.nsev; s++) {
		int below = 0, lastm = -1;
		for (m = 0; m < t.nmon; m++) {
			double v = t.att[s * t.nmon + m];
			if (isnan(v))
				continue;
			ch_marker(c->scene, series_marker(s), x0 + slot * (m + 0.5),
			    ch_axis_y(&ax, v, ytop, ybot), 3.5, ch_series_color(s),
			    t.ok[s * t.nmon + m] == 0);
			below += t.ok[s * t.nmon + m] == 0;
			lastm = m;
		}
		if (items.len > 0)
			strbuf_puts(&items, "; ");
		if (lastm < 0)
			strbuf_puts(&items, ch_fmt(cx, "chart.trend.item_none",
			    ch_sev_label(cx, t.sev[s]), (char *)NULL));
		else
			strbuf_puts(&items, ch_fmt(cx, "chart.trend.item",
			    ch_sev_label(cx, t.sev[s]),
			    ch_pct(cx, t.att[s * t.nmon + lastm]), ch_month(cx, t.m0 + lastm, 0),
			    ch_num(cx, below, 0), (char *)NULL));
	}
	strbuf_puts(&sum, ch_fmt(cx, "chart.trend.summary", ch_text(cx, "chart.attainment.axis"),
	    ch_month(cx, t.m0, 0), ch_month(cx, ym, 0), items.data ? items.data : "",
	    (char *)NULL));
out:
	c->summary = strbuf_detach(&sum, NULL);
	strbuf_free(&items);
	free(leg);
	free(goals);
	trend_free(&t);
	return c;
}
