/* chartdump.c: test tool — renders every chart of every agreement in a
 * kpis.json as SVG and PNG (and all of them into one PDF through the libharu
 * back end), with title, summary and table as JSON, for tests/e2e/charts.sh. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cJSON.h>
#include <hpdf.h>

#include "chart.h"
#include "font.h"
#include "i18n.h"
#include "scene.h"
#include "util.h"

static const char *const kind_names[CHART_KIND_COUNT] = { "attainment", "trend", "volume",
	"distribution", "ola" };

static void
pdf_error(HPDF_STATUS err, HPDF_STATUS detail, void *data)
{
	(void)data;
	fprintf(stderr, "chartdump: libharu error 0x%04X (%u)\n", (unsigned)err, (unsigned)detail);
}

static int
write_text(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(s, 1, n, f) != n) {
		if (f != NULL)
			fclose(f);
		return -1;
	}
	return fclose(f);
}

int
main(int argc, char **argv)
{
	const char *locale = argc > 3 ? argv[3] : "en", *period = argc > 4 ? argv[4] : NULL;
	char *data = NULL;
	size_t len;
	cJSON *kpis, *a;
	struct i18n *loc;
	HPDF_Doc pdf;
	HPDF_Font reg = NULL, bold = NULL;
	int rc = 0, count = 0;
	double dpi = getenv("CHARTDUMP_DPI") ? atof(getenv("CHARTDUMP_DPI")) : 144;

	if (argc < 3) {
		fprintf(stderr, "usage: chartdump KPIS.json OUTDIR [LOCALE [YYYY-MM]]\n");
		return 64;
	}
	if (read_file(argv[1], &data, &len) != 0 ||
	    (kpis = cJSON_ParseWithLength(data, len)) == NULL) {
		fprintf(stderr, "chartdump: cannot read %s\n", argv[1]);
		free(data);
		return 66;
	}
	free(data);
	if (mkdir(argv[2], 0777) != 0 && errno != EEXIST) {
		perror(argv[2]);
		return 73;
	}
	loc = i18n_load(locale);
	pdf = HPDF_New(pdf_error, NULL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	if (font_path(FONT_REGULAR) && font_path(FONT_BOLD)) {
		reg = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, font_path(FONT_REGULAR),
		    HPDF_TRUE), "UTF-8");
		bold = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, font_path(FONT_BOLD),
		    HPDF_TRUE), "UTF-8");
	}
	cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(kpis, "agreements")) {
		const char *id = cJSON_GetObjectItemCaseSensitive(a, "id")->valuestring;
		for (int k = 0; k < CHART_KIND_COUNT; k++) {
			struct chart *c = chart_build(k, kpis, id, period, loc, NULL);
			char *base, *path, *svg, *meta;
			size_t n;
			cJSON *m;
			if (c == NULL)
				continue;
			count++;
			base = xasprintf("%s/%s-%s", argv[2], id, kind_names[k]);
			char *prefix = xasprintf("%s-%s", id, kind_names[k]);
			svg = chart_svg(c, prefix, &n);
			free(prefix);
			path = xasprintf("%s.svg", base);
			if (svg == NULL || write_text(path, svg, n) != 0)
				rc = 1;
			free(svg);
			free(path);
			path = xasprintf("%s.png", base);
			if (chart_png(c, path, dpi) != 0)
				rc = 1;
			free(path);
			m = cJSON_CreateObject();
			cJSON_AddStringToObject(m, "title", c->title);
			cJSON_AddStringToObject(m, "summary", c->summary);
			cJSON_AddNumberToObject(m, "width", scene_width(c->scene));
			cJSON_AddNumberToObject(m, "height", scene_height(c->scene));
			cJSON_AddItemToObject(m, "table", cJSON_Duplicate(c->table, 1));
			meta = cJSON_Print(m);
			path = xasprintf("%s.json", base);
			if (write_text(path, meta, strlen(meta)) != 0)
				rc = 1;
			free(path);
			free(meta);
			cJSON_Delete(m);
			if (reg != NULL) {
				HPDF_Page page = HPDF_AddPage(pdf);
				HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
				scene_draw_pdf(c->scene, page, 57,
				    HPDF_Page_GetHeight(page) - 57, 1, reg, bold);
			}
			free(base);
			chart_free(c);
		}
	}
	if (reg != NULL) {
		char *path = xasprintf("%s/charts.pdf", argv[2]);
		if (HPDF_SaveToFile(pdf, path) != HPDF_OK)
			rc = 1;
		free(path);
	}
	HPDF_Free(pdf);
	printf("chartdump: %d charts\n", count);
	i18n_free(loc);
	cJSON_Delete(kpis);
	font_release_all();
	return rc;
}
