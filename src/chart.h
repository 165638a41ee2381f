/* chart.h: the five charts of SPEC §6, drawn from kpis.json figures (never from
 * raw events) into a scene that every back end (SVG, PNG, PDF) replays. */
#ifndef SLAREPORT_CHART_H
#define SLAREPORT_CHART_H

#include <stddef.h>

struct cJSON;
struct i18n;
struct scene;
struct site;

enum chart_kind {
	CHART_ATTAINMENT,	/* attainment by severity against its goal */
	CHART_TREND,		/* 12-month attainment trend per severity */
	CHART_VOLUME,		/* volume per month stacked by severity */
	CHART_DISTRIBUTION,	/* resolution times with the target marked */
	CHART_OLA_BUDGET,	/* OLA teams' holding times against the SLA promise */
	CHART_KIND_COUNT
};

struct chart {
	enum chart_kind kind;
	char *title;		/* localised, plain text */
	char *summary;		/* one sentence, the alt text */
	struct cJSON *table;	/* the data: {"caption", "columns": [..], "rows": [[..]]},
				   cells as formatted strings */
	struct scene *scene;
};

/* The chart of kind for agreement_id in month period ("YYYY-MM"), from the
 * kpis.json tree; teams are named as site's `teams` has them (site may be NULL:
 * ids). NULL only when the kind does not apply to that agreement
 * (no OLAs under it, say); no data draws a "No items in …" chart. The caller
 * frees the result with chart_free(). */
struct chart *chart_build(enum chart_kind kind, const struct cJSON *kpis,
    const char *agreement_id, const char *period, const struct i18n *loc,
    const struct site *site);
void chart_free(struct chart *c);

/* SVG without XML prolog, every id prefixed with id_prefix so that several
 * charts can be inlined in one page. The caller frees it. */
char *chart_svg(const struct chart *c, const char *id_prefix, size_t *len);
/* Writes a PNG at dpi. Returns 0 or an errno value. */
int chart_png(const struct chart *c, const char *path, double dpi);

#endif
