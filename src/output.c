/* output.c: the build pipeline — compute, render every format, publish atomically. */
#include "output.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "html.h"
#include "kpi.h"
#include "publish.h"

static enum output_status
write_file(struct publish *p, const char *rel, const char *data, size_t len,
    int verbosity)
{
	int err = publish_write(p, rel, data, len);

	if (err != 0) {
		fprintf(stderr, "slareport: cannot write %s: %s\n", rel, strerror(err));
		return OUTPUT_IO;
	}
	if (verbosity >= 2)
		fprintf(stderr, "slareport: wrote %s (%zu bytes)\n", rel, len);
	return OUTPUT_OK;
}

enum output_status
output_build(struct model *m, const char *out, int from_ym, int to_ym,
    unsigned formats, int verbosity)
{
	struct publish *p;
	struct kpi_report *r;
	cJSON *json;
	const char *why;
	int err;
	enum output_status st = OUTPUT_OK;

	r = kpi_compute(m, from_ym, to_ym);
	json = kpi_report_json(r, m);
	if ((p = publish_begin(out, m->src, &why, &err)) == NULL) {
		fprintf(stderr, "slareport: %s: %s%s%s\n", out, why, err ? ": " : "",
		    err ? strerror(err) : "");
		cJSON_Delete(json);
		kpi_report_free(r);
		return OUTPUT_CANTCREATE;
	}
	if (formats & OUTPUT_JSON) {
		char *text = cJSON_Print(json);
		st = write_file(p, "data/kpis.json", text, strlen(text), verbosity);
		free(text);
	}
	if (st == OUTPUT_OK && (formats & OUTPUT_CSV)) {
		char *dir = xasprintf("%s/data", publish_dir(p));
		if ((err = publish_mkdir(p, "data")) != 0 ||
		    kpi_write_csv(r, m, dir, m->diag) != 0) {
			fprintf(stderr, "slareport: cannot write the CSV tables%s%s\n",
			    err ? ": " : "", err ? strerror(err) : "");
			st = OUTPUT_IO;
		}
		free(dir);
	}
	if (st == OUTPUT_OK && (formats & OUTPUT_HTML)) {
		char *html = html_index(json, m);
		st = write_file(p, "index.html", html, strlen(html), verbosity);
		free(html);
	}
	cJSON_Delete(json);
	kpi_report_free(r);
	if (st != OUTPUT_OK) {
		publish_abort(p);
		return st;
	}
	if ((err = publish_commit(p)) != 0) {
		fprintf(stderr, "slareport: %s: cannot publish: %s\n", out, strerror(err));
		return OUTPUT_CANTCREATE;
	}
	return OUTPUT_OK;
}
