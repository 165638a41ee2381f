/* chart.c: chart_build and its outputs (SVG, PNG), and the helpers the chart
 * kinds share: kpis.json look-ups, formats, palette, legend, axes. */
#include "chart_int.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>

#include "i18n.h"
#include "kpi.h"
#include "util.h"

/* ---- palette ---- */

static const uint32_t series_colors[] = { C_BLUE, C_ORANGE, C_GREEN, C_PURPLE, C_SKY,
	C_VERMILLION, C_YELLOW, C_BLACK };
static const enum scene_hatch series_hatches[] = { SCENE_HATCH_NONE,
	SCENE_HATCH_DIAGONAL, SCENE_HATCH_NONE, SCENE_HATCH_BACK, SCENE_HATCH_HORIZONTAL,
	SCENE_HATCH_CROSS, SCENE_HATCH_VERTICAL };

uint32_t
ch_series_color(int i)
{
	size_t n = sizeof series_colors / sizeof *series_colors;

	return series_colors[(size_t)(i < 0 ? 0 : i) % n];
}

enum scene_hatch
ch_series_hatch(int i)
{
	size_t n = sizeof series_hatches / sizeof *series_hatches;

	return series_hatches[(size_t)(i < 0 ? 0 : i) % n];
}

/* ---- formatted strings ---- */

const char *
ch_keep(struct ch_ctx *cx, char *s)
{
	xgrow((void **)&cx->strs, &cx->capstrs, cx->nstrs + 1, sizeof *cx->strs);
	cx->strs[cx->nstrs++] = s;
	return s;
}

const char *
ch_text(struct ch_ctx *cx, const char *key)
{
	return i18n_text(cx->loc, key);
}

void
ch_end_sentence(struct strbuf *sb)
{
	if (sb->len == 0 || sb->data[sb->len - 1] != '.')
		strbuf_putc(sb, '.');
}

const char *
ch_fmt(struct ch_ctx *cx, const char *key, ...)
{
	struct strbuf sb = {0};
	va_list ap;

	va_start(ap, key);
	i18n_vformat(cx->loc, &sb, key, ap);
	va_end(ap);
	return ch_keep(cx, strbuf_detach(&sb, NULL));
}

const char *
ch_pct(struct ch_ctx *cx, double v)
{
	struct strbuf sb = {0};

	if (isnan(v))
		return ch_text(cx, "common.not_available");
	i18n_figure_percent(cx->loc, &sb, v);
	return ch_keep(cx, strbuf_detach(&sb, NULL));
}

const char *
ch_num(struct ch_ctx *cx, double v, int decimals)
{
	struct strbuf sb = {0};

	i18n_number(cx->loc, &sb, v, decimals);
	return ch_keep(cx, strbuf_detach(&sb, NULL));
}

const char *
ch_month(struct ch_ctx *cx, int ym, int long_form)
{
	struct strbuf sb = {0};

	i18n_month(cx->loc, &sb, ym, long_form);
	return ch_keep(cx, strbuf_detach(&sb, NULL));
}

const char *
ch_dur(struct ch_ctx *cx, double seconds)
{
	struct strbuf sb = {0};

	i18n_duration(cx->loc, &sb, isnan(seconds) ? -1 : (int64_t)seconds);
	return ch_keep(cx, strbuf_detach(&sb, NULL));
}

void
ch_ctx_done(struct ch_ctx *cx)
{
	size_t i;

	for (i = 0; i < cx->nstrs; i++)
		free(cx->strs[i]);
	free(cx->strs);
	cx->strs = NULL;
	cx->nstrs = cx->capstrs = 0;
}

/* ---- kpis.json ---- */

const cJSON *
ch_agreement(const cJSON *kpis, const char *id)
{
	const cJSON *a;

	cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(kpis, "agreements")) {
		const char *aid = ch_str(a, "id");
		if (aid != NULL && id != NULL && strcmp(aid, id) == 0)
			return a;
	}
	return NULL;
}

const cJSON *
ch_period(const cJSON *agreement, int ym)
{
	const cJSON *p;

	cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(agreement, "periods")) {
		const char *s = ch_str(p, "period");
		if (s != NULL && kpi_parse_month(s) == ym)
			return p;
	}
	return NULL;
}

double
ch_get(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

double
ch_get2(const cJSON *obj, const char *key1, const char *key2)
{
	return ch_get(cJSON_GetObjectItemCaseSensitive(obj, key1), key2);
}

const char *
ch_str(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

const char *
ch_sev_key(struct ch_ctx *cx, const cJSON *row)
{
	const cJSON *k = cJSON_GetObjectItemCaseSensitive(row, "severity");

	if (cJSON_IsString(k))
		return k->valuestring;
	if (cJSON_IsNumber(k))
		return ch_keep(cx, xasprintf("%.15g", k->valuedouble));
	return "?";
}

const char *
ch_sev_name(struct ch_ctx *cx, const cJSON *row)
{
	const char *name = ch_str(row, "name");

	return name != NULL && *name != '\0' ? name : ch_sev_label(cx, row);
}

const char *
ch_sev_label(struct ch_ctx *cx, const cJSON *row)
{
	const cJSON *k = cJSON_GetObjectItemCaseSensitive(row, "severity");
	const char *name = ch_str(row, "name");

	if (cJSON_IsNumber(k))
		return ch_fmt(cx, "common.severity", ch_sev_key(cx, row), (char *)NULL);
	return name != NULL && *name != '\0' ? name : ch_sev_key(cx, row);
}

/* ---- drawing helpers ---- */

struct chart *
ch_new(enum chart_kind kind, char *title, double height)
{
	struct chart *c = xcalloc(1, sizeof *c);
	char *shown;

	c->kind = kind;
	c->title = title;
	c->scene = scene_new(CH_W, height);
	shown = scene_ellipsize(title, FONT_BOLD, CH_TITLE, CH_W - 2 * CH_PAD);
	scene_text(c->scene, CH_PAD, 16, shown, FONT_BOLD, CH_TITLE, SCENE_START, C_TEXT);
	free(shown);
	return c;
}

void
ch_no_data(struct scene *sc, struct ch_ctx *cx, int ym, double x0, double y0,
    double x1, double y1)
{
	struct scene_paint box = { 0xF4F4F4u, C_GRID, 0.75, 0, SCENE_HATCH_NONE, 0 };
	const char *msg = ch_fmt(cx, "common.no_items", ch_month(cx, ym, 1), (char *)NULL);

	scene_rect(sc, x0, y0, x1 - x0, y1 - y0, &box);
	scene_text(sc, (x0 + x1) / 2, (y0 + y1) / 2 + 3.5, msg, FONT_REGULAR, 10,
	    SCENE_MIDDLE, C_MUTED);
}

cJSON *
ch_table(const char *caption, const char *const *columns, int ncolumns)
{
	cJSON *t = cJSON_CreateObject(), *cols;
	int i;

	cJSON_AddStringToObject(t, "caption", caption);
	cols = cJSON_AddArrayToObject(t, "columns");
	for (i = 0; i < ncolumns; i++)
		cJSON_AddItemToArray(cols, cJSON_CreateString(columns[i]));
	cJSON_AddArrayToObject(t, "rows");
	return t;
}

void
ch_table_row(cJSON *table, const char *const *cells, int ncells)
{
	cJSON *row = cJSON_CreateArray();
	int i;

	for (i = 0; i < ncells; i++)
		cJSON_AddItemToArray(row, cJSON_CreateString(cells[i] != NULL ? cells[i] : ""));
	cJSON_AddItemToArray(cJSON_GetObjectItemCaseSensitive(table, "rows"), row);
}

void
ch_marker(struct scene *sc, int shape, double x, double y, double r, uint32_t color,
    int hollow)
{
	struct scene_paint p = { hollow ? C_WHITE : color, color, 1.25, 0, SCENE_HATCH_NONE, 0 };

	scene_begin_path(sc);
	switch (((shape % 4) + 4) % 4) {
	case 0:
		scene_circle(sc, x, y, r);
		break;
	case 1:
		r *= 0.9;
		scene_move_to(sc, x - r, y - r);
		scene_line_to(sc, x + r, y - r);
		scene_line_to(sc, x + r, y + r);
		scene_line_to(sc, x - r, y + r);
		scene_close_path(sc);
		break;
	case 2:
		r *= 1.2;
		scene_move_to(sc, x, y - r);
		scene_line_to(sc, x + r * 0.95, y + r * 0.65);
		scene_line_to(sc, x - r * 0.95, y + r * 0.65);
		scene_close_path(sc);
		break;
	default:
		r *= 1.25;
		scene_move_to(sc, x, y - r);
		scene_line_to(sc, x + r, y);
		scene_line_to(sc, x, y + r);
		scene_line_to(sc, x - r, y);
		scene_close_path(sc);
		break;
	}
	scene_end_path(sc, &p);
}



double
ch_legend(struct scene *sc, double x, double y, const struct ch_legend_item *items, int n)
{
	double cx = x, rows = 1, right = CH_W - CH_PAD;
	int i;

	for (i = 0; i < n; i++) {
		double sw = items[i].kind == CH_SW_BOX ? 11 : 18;
		char *label = scene_ellipsize(items[i].label, FONT_REGULAR, CH_LABEL, 180);
		double w = sw + 4 + font_text_width(FONT_REGULAR, CH_LABEL, label);
		if (cx > x && cx + w > right) {
			cx = x;
			rows++;
		}
		if (sc != NULL) {
			double by = y + (rows - 1) * CH_LEG_ROW;	/* top of the row */
			const struct ch_legend_item *it = &items[i];
			if (it->kind == CH_SW_BOX)
				scene_rect(sc, cx, by + 2, 11, 9, &it->paint);
			else {
				scene_line(sc, cx, by + 6.5, cx + 18, by + 6.5, it->paint.stroke,
				    it->paint.width, it->paint.dash);
				if (it->kind == CH_SW_MARKER)
					ch_marker(sc, it->marker, cx + 9, by + 6.5, 3.5,
					    it->paint.stroke, it->hollow);
			}
			scene_text(sc, cx + sw + 4, by + 10, label, FONT_REGULAR, CH_LABEL,
			    SCENE_START, C_TEXT);
		}
		cx += w + 14;
		free(label);
	}
	return n > 0 ? rows * CH_LEG_ROW : 0;
}

void
ch_axis_nice(struct ch_axis *a, double lo, double hi, int max_ticks)
{
	static const double steps[] = { 1, 2, 2.5, 5, 10 };
	double span, mag, step = 1;
	size_t i;

	if (!(hi > lo))
		hi = lo + 1;
	span = hi - lo;
	mag = pow(10, floor(log10(span / (max_ticks > 1 ? max_ticks : 1))));
	if (mag < 1)
		mag = 1;	/* counts, percentages and money: whole-number ticks */
	for (i = 0; i < sizeof steps / sizeof *steps; i++) {
		step = steps[i] * mag;
		/* 2.5 only where it stays a whole number (25, 250 …). */
		if (step != floor(step))
			continue;
		if (span / step <= max_ticks)
			break;
	}
	a->step = step;
	a->lo = floor(lo / step + 1e-9) * step;
	a->hi = ceil(hi / step - 1e-9) * step;
	if (a->hi <= a->lo)
		a->hi = a->lo + step;
}

double
ch_axis_y(const struct ch_axis *a, double v, double ytop, double ybot)
{
	if (v < a->lo)
		v = a->lo;
	if (v > a->hi)
		v = a->hi;
	return ybot - (v - a->lo) / (a->hi - a->lo) * (ybot - ytop);
}

static const char *
tick_label(struct ch_ctx *cx, double v, double step, int percent)
{
	int dec = step == floor(step) ? 0 : step * 10 == floor(step * 10) ? 1 : 2;

	if (percent) {
		struct strbuf sb = {0};
		i18n_percent(cx->loc, &sb, v, dec);
		return ch_keep(cx, strbuf_detach(&sb, NULL));
	}
	return ch_num(cx, v, dec);
}

double
ch_axis_label_width(struct ch_ctx *cx, const struct ch_axis *a, int percent)
{
	double w = 0, v;

	for (v = a->lo; v <= a->hi + a->step / 2; v += a->step) {
		const char *label = tick_label(cx, v, a->step, percent);
		double t = font_text_width(FONT_REGULAR, CH_LABEL, label);
		if (t > w)
			w = t;
	}
	return w;
}

void
ch_axis_draw(struct scene *sc, struct ch_ctx *cx, const struct ch_axis *a, int percent,
    double x0, double x1, double ytop, double ybot)
{
	double v;

	for (v = a->lo; v <= a->hi + a->step / 2; v += a->step) {
		double y = ch_axis_y(a, v, ytop, ybot);
		scene_line(sc, x0, y, x1, y, fabs(v - a->lo) < 1e-9 ? C_AXIS : C_GRID, 0.75, 0);
		scene_text(sc, x0 - 4, y + 3, tick_label(cx, v, a->step, percent), FONT_REGULAR,
		    CH_LABEL, SCENE_END, C_MUTED);
	}
}

/* ---- the public interface ---- */

struct chart *
chart_build(enum chart_kind kind, const cJSON *kpis, const char *agreement_id,
    const char *period, const struct i18n *loc, const struct site *site)
{
	struct ch_ctx cx = { loc, site, NULL, 0, 0 };
	const cJSON *a = ch_agreement(kpis, agreement_id), *last;
	struct chart *c = NULL;
	int ym;

	if (a == NULL)
		return NULL;
	if (period == NULL) {
		/* No period: the agreement's latest, else the report's last month. */
		const cJSON *periods = cJSON_GetObjectItemCaseSensitive(a, "periods");
		last = cJSON_GetArrayItem(periods, cJSON_GetArraySize(periods) - 1);
		period = last != NULL ? ch_str(last, "period") : ch_str(kpis, "to");
	}
	ym = period != NULL ? kpi_parse_month(period) : -1;
	if (ym < 0)
		return NULL;
	switch (kind) {
	case CHART_ATTAINMENT:
		c = chart_attainment(a, ym, &cx);
		break;
	case CHART_TREND:
		c = chart_trend(a, ym, &cx);
		break;
	case CHART_VOLUME:
		c = chart_volume(a, ym, &cx);
		break;
	case CHART_DISTRIBUTION:
		c = chart_distribution(a, ym, &cx);
		break;
	case CHART_OLA_BUDGET:
		c = chart_ola(kpis, a, ym, &cx);
		break;
	default:
		break;
	}
	ch_ctx_done(&cx);
	return c;
}

void
chart_free(struct chart *c)
{
	if (c == NULL)
		return;
	free(c->title);
	free(c->summary);
	cJSON_Delete(c->table);
	scene_free(c->scene);
	free(c);
}

char *
chart_svg(const struct chart *c, const char *id_prefix, size_t *len)
{
	struct strbuf sb = {0};

	if (scene_write_svg(c->scene, id_prefix, c->title, c->summary, &sb) != 0) {
		strbuf_free(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, len);
}

int
chart_png(const struct chart *c, const char *path, double dpi)
{
	struct strbuf sb = {0};
	FILE *f;
	int err = 0;

	if (scene_write_png(c->scene, dpi, &sb) != 0) {
		strbuf_free(&sb);
		return EIO;
	}
	if ((f = fopen(path, "wb")) == NULL)
		err = errno;
	else {
		if (fwrite(sb.data, 1, sb.len, f) != sb.len)
			err = errno ? errno : EIO;
		if (fclose(f) != 0 && err == 0)
			err = errno;
	}
	strbuf_free(&sb);
	return err;
}
