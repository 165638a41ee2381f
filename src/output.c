/* output.c: computes the report once and writes every chosen format into a
 * temporary folder that replaces OUT in one rename — a failed run leaves OUT as
 * it was. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "html.h"
#include "kpi.h"
#include "output.h"
#include "progress.h"
#include "publish.h"
#include "resource.h"

static void
report_errno(const char *out, const char *what, int err)
{
	fprintf(stderr, "slareport: %s: %s: %s\n", out, what, strerror(err));
}

/* Writes a NUL-terminated text; returns 0 or an errno value. */
static int
write_text(struct publish *p, const char *relpath, const char *text)
{
	return publish_write(p, relpath, text, strlen(text));
}

static int
write_json(struct publish *p, const cJSON *json)
{
	char *text = cJSON_Print(json);
	struct strbuf sb;
	int err;

	if (text == NULL)
		return ENOMEM;
	sb = (struct strbuf){0};
	strbuf_puts(&sb, text);
	strbuf_putc(&sb, '\n');
	free(text);
	err = publish_write(p, "data/kpis.json", sb.data, sb.len);
	strbuf_free(&sb);
	return err;
}

static int
write_csv(struct publish *p, const struct kpi_report *r, struct model *m)
{
	struct strbuf dir;
	size_t before = diag_len(m->diag), i;
	int err = publish_mkdir(p, "data"), rc;

	if (err != 0)
		return err;
	dir = (struct strbuf){0};
	strbuf_printf(&dir, "%s/data", publish_dir(p));
	rc = kpi_write_csv(r, m, dir.data, m->diag);
	strbuf_free(&dir);
	if (rc == 0)
		return 0;
	for (i = before; i < diag_len(m->diag); i++) {
		char *s = diag_format(diag_get(m->diag, i));
		fprintf(stderr, "%s\n", s);
		free(s);
	}
	return EIO;
}

enum output_status
output_build(struct model *m, const struct output_options *o)
{
	const char *out = o->out;
	unsigned formats = o->formats;
	struct kpi_report *r;
	struct publish *p;
	cJSON *json;
	const char *why = NULL;
	int err = 0;

	resource_set_override(o->templates);
	progress_note("computing KPIs", 0, 0, NULL);
	r = kpi_compute(m, o->from_ym, o->to_ym);
	json = kpi_report_json(r, m);
	p = publish_begin(out, m->src, &why, &err);
	if (p == NULL) {
		if (err != 0)
			report_errno(out, why, err);
		else
			fprintf(stderr, "slareport: %s: %s\n", out, why);
		cJSON_Delete(json);
		kpi_report_free(r);
		return OUTPUT_CANTCREATE;
	}
	if (err == 0 && (formats & OUTPUT_JSON))
		err = write_json(p, json);
	if (err == 0 && (formats & OUTPUT_CSV))
		err = write_csv(p, r, m);
	if (err == 0 && (formats & OUTPUT_HTML)) {
		char *page = html_index(json, m);
		err = write_text(p, "index.html", page);
		free(page);
	}
	cJSON_Delete(json);
	kpi_report_free(r);
	if (err != 0) {
		if (err != EIO || !(formats & OUTPUT_CSV))
			report_errno(out, "cannot write the report", err);
		publish_abort(p);
		return OUTPUT_IO;
	}
	progress_clear();
	if ((err = publish_commit(p)) != 0) {
		report_errno(out, "cannot replace the folder", err);
		return OUTPUT_IO;
	}
	if (o->verbosity >= 1)
		fprintf(stderr, "slareport: wrote %s\n", out);
	return OUTPUT_OK;
}
