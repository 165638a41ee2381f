/* chart_int.h: what the chart kinds (chart_*.c) share — look-ups in the
 * kpis.json tree, formatted strings, palette, title, legend and axes. */
#ifndef SLAREPORT_CHART_INT_H
#define SLAREPORT_CHART_INT_H

#include <stddef.h>
#include <stdint.h>

#include "chart.h"
#include "scene.h"

struct cJSON;

/* Page geometry in points: one text column of A4 with 2 cm margins is ~480. */
#define CH_W		480.0
#define CH_PAD		8.0	/* outer margin */
#define CH_TITLE	11.0	/* title size */
#define CH_LABEL	9.0	/* labels, ticks, legend */
#define CH_SMALL	8.0	/* n = …, secondary lines */

#define C_TEXT		0x222222u
#define C_MUTED		0x5A5A5Au
#define C_GRID		0xDDDDDDu
#define C_AXIS		0x888888u
#define C_BLACK		0x000000u
#define C_WHITE		0xFFFFFFu
/* Okabe–Ito: safe for the common colour-vision deficiencies. */
#define C_ORANGE	0xE69F00u
#define C_SKY		0x56B4E9u
#define C_GREEN		0x009E73u
#define C_YELLOW	0xF0E442u
#define C_BLUE		0x0072B2u
#define C_VERMILLION	0xD55E00u
#define C_PURPLE	0xCC79A7u
#define C_MET		C_GREEN
#define C_MISSED	C_VERMILLION

/* The series colour and hatch of the i-th severity or team: colour and
 * pattern both differ between neighbours, so stacks read in greyscale too. */
uint32_t ch_series_color(int i);
enum scene_hatch ch_series_hatch(int i);

/* Formatting context: strings made while building a chart live until
 * ch_ctx_done(). */
struct ch_ctx {
	const struct i18n *loc;
	const struct site *site;	/* team names; NULL: ids */
	char **strs;
	size_t nstrs, capstrs;
};
const char *ch_keep(struct ch_ctx *cx, char *s);	/* takes s */
const char *ch_text(struct ch_ctx *cx, const char *key);
/* The message key with %s / %N$s replaced by the NULL-ended arguments. */
const char *ch_fmt(struct ch_ctx *cx, const char *key, ...);
/* Ends a summary sentence: a full stop, unless it already ends with one (an
 * abbreviation such as "Min."), so alt texts never read "6 Min..". */
void ch_end_sentence(struct strbuf *sb);
/* An attainment or goal as every figure is shown (i18n_figure_percent):
 * rounded half away from zero to 0.1, "100%" not "100.0%". */
const char *ch_pct(struct ch_ctx *cx, double v);
const char *ch_num(struct ch_ctx *cx, double v, int decimals);
const char *ch_month(struct ch_ctx *cx, int ym, int long_form);
const char *ch_dur(struct ch_ctx *cx, double seconds);
void ch_ctx_done(struct ch_ctx *cx);

/* kpis.json look-ups; NULL / NAN when absent or null. */
const struct cJSON *ch_agreement(const struct cJSON *kpis, const char *id);
const struct cJSON *ch_period(const struct cJSON *agreement, int ym);
double ch_get(const struct cJSON *obj, const char *key);
double ch_get2(const struct cJSON *obj, const char *key1, const char *key2);
const char *ch_str(const struct cJSON *obj, const char *key);
/* A severity row's label on an axis (its name, else its key) and in
 * sentences ("Severity 1" for numeric keys, else the name or key). */
const char *ch_sev_name(struct ch_ctx *cx, const struct cJSON *row);
const char *ch_sev_label(struct ch_ctx *cx, const struct cJSON *row);
/* The key as text ("1", "hot"). */
const char *ch_sev_key(struct ch_ctx *cx, const struct cJSON *row);

/* A chart with an empty scene of CH_W × height, the title drawn at the top. */
struct chart *ch_new(enum chart_kind kind, char *title, double height);
/* Baseline below the title, where a legend or plot starts. */
#define CH_TOP		34.0

/* A "No items in <month>" box filling x0..x1 × y0..y1. */
void ch_no_data(struct scene *sc, struct ch_ctx *cx, int ym, double x0, double y0,
    double x1, double y1);

/* The data table: {"caption", "columns": [...], "rows": []}. */
struct cJSON *ch_table(const char *caption, const char *const *columns, int ncolumns);
/* Appends a row of ncells strings (NULL prints as ""). */
void ch_table_row(struct cJSON *table, const char *const *cells, int ncells);

/* Legends: swatches with labels, left to right, wrapping at CH_W - CH_PAD.
 * ch_legend with sc NULL only measures. Returns the height used. */
enum ch_swatch { CH_SW_BOX, CH_SW_LINE, CH_SW_MARKER };
struct ch_legend_item {
	enum ch_swatch kind;
	struct scene_paint paint;
	int marker;		/* CH_SW_MARKER: shape, see ch_marker */
	int hollow;
	const char *label;
};
#define CH_LEG_ROW	14.0	/* height of one legend row */
double ch_legend(struct scene *sc, double x, double y, const struct ch_legend_item *items,
    int n);

/* A marker of shape 0 circle, 1 square, 2 triangle, 3 diamond (mod 4) centred
 * at x, y: filled with color, or white inside a color outline when hollow. */
void ch_marker(struct scene *sc, int shape, double x, double y, double r,
    uint32_t color, int hollow);

/* A value axis from lo to hi with ticks step apart (a "nice" step). */
struct ch_axis {
	double lo, hi, step;
};
void ch_axis_nice(struct ch_axis *a, double lo, double hi, int max_ticks);
/* y of v for an axis drawn from ybot (lo) up to ytop (hi). */
double ch_axis_y(const struct ch_axis *a, double v, double ytop, double ybot);
/* Grid lines and tick labels (formatted by percent or plain numbers) left of
 * x0, from x0 to x1. */
void ch_axis_draw(struct scene *sc, struct ch_ctx *cx, const struct ch_axis *a,
    int percent, double x0, double x1, double ytop, double ybot);
/* Width of the widest tick label of the axis. */
double ch_axis_label_width(struct ch_ctx *cx, const struct ch_axis *a, int percent);

/* The kinds. */
struct chart *chart_attainment(const struct cJSON *agreement, int ym, struct ch_ctx *cx);
struct chart *chart_trend(const struct cJSON *agreement, int ym, struct ch_ctx *cx);
struct chart *chart_volume(const struct cJSON *agreement, int ym, struct ch_ctx *cx);
struct chart *chart_distribution(const struct cJSON *agreement, int ym, struct ch_ctx *cx);
struct chart *chart_ola(const struct cJSON *kpis, const struct cJSON *agreement, int ym,
    struct ch_ctx *cx);

#endif
