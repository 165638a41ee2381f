/* output.c: computes the report once and writes every chosen format into a
 * temporary folder that replaces OUT in one rename — a failed run leaves OUT as
 * it was. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "i18n.h"
#include "inputs.h"
#include "json_print.h"
#include "kpi.h"
#include "output.h"
#include "progress.h"
#include "pdf.h"
#include "publish.h"
#include "restate.h"
#include "resource.h"
#include "site.h"

static void
report_errno(const char *out, const char *what, int err)
{
	fprintf(stderr, "slareport: %s: %s: %s\n", out, what, strerror(err));
}

static int
write_json(struct publish *p, const cJSON *json)
{
	struct strbuf sb = {0};
	int err;

	if (json_print(&sb, json) != 0) {
		strbuf_free(&sb);
		return ENOMEM;	/* as when cJSON_Print returned NULL */
	}
	strbuf_putc(&sb, '\n');
	err = publish_write(p, "data/kpis.json", sb.data, sb.len);
	strbuf_free(&sb);
	return err;
}

static int
write_text(struct publish *p, const char *rel, const cJSON *j)
{
	struct strbuf sb = {0};
	int err;

	if (json_print(&sb, j) != 0) {
		strbuf_free(&sb);
		return ENOMEM;
	}
	strbuf_putc(&sb, '\n');
	err = publish_write(p, rel, sb.data, sb.len);
	strbuf_free(&sb);
	return err;
}

/* data/inputs.json and data/restatements.json (SPEC §8). */
static int
write_record(struct publish *p, const struct inputs *in, const cJSON *ledger)
{
	cJSON *j = inputs_json(in);
	int err = publish_mkdir(p, "data");

	if (err == 0)
		err = write_text(p, "data/inputs.json", j);
	cJSON_Delete(j);
	if (err == 0)
		err = write_text(p, "data/restatements.json", ledger);
	return err;
}

/* --frozen-until: every change the build would make to a frozen month. */
static void
refuse_frozen(const cJSON *entries, int frozen_ym)
{
	char month[8];
	const cJSON *e;
	size_t n = 0;

	kpi_format_month(frozen_ym, month);
	cJSON_ArrayForEach(e, entries) {
		int ym = kpi_parse_month(cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(e, "period")));
		char *t;
		if (ym < 0 || ym > frozen_ym)
			continue;
		t = restate_entry_text(e);
		fprintf(stderr, "slareport: would restate %s\n", t);
		free(t);
		n++;
	}
	fprintf(stderr, "slareport: nothing published: the build would restate %zu "
	    "figure%s of months frozen until %s (--frozen-until)\n", n, n == 1 ? "" : "s",
	    month);
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

/* The report without the months before from_ym, which were computed only for
 * the trend charts: kpis.json and the CSVs hold the months asked for, exactly
 * as `slareport kpis` prints them. A shallow copy; ka has r->nagreements slots. */
/* The inputs hashed on a thread of their own; the model is only read. */
struct hash_job {
	const struct model *m;
	struct inputs *in;
};

static void *
scan_inputs(void *arg)
{
	struct hash_job *j = arg;

	j->in = inputs_scan(j->m);
	return NULL;
}

static struct kpi_report
months_asked(const struct kpi_report *r, int from_ym, struct kpi_agreement *ka)
{
	struct kpi_report v = *r;
	int i, skip = from_ym > r->from_ym && r->from_ym >= 0 ? from_ym - r->from_ym : 0;

	for (i = 0; i < r->nagreements; i++) {
		ka[i] = r->agreements[i];
		if (skip > 0 && ka[i].nperiods >= skip) {
			ka[i].periods += skip;
			ka[i].nperiods -= skip;
		}
	}
	v.agreements = ka;
	if (skip > 0)
		v.from_ym = from_ym;
	return v;
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
	struct kpi_report asked;
	struct kpi_agreement *ka;
	struct i18n *loc;
	cJSON *site_json;
	pthread_t hasher;
	struct hash_job hash_job;
	int hashing;
	int from = o->from_ym, calc_from = o->from_ym, to = o->to_ym;
	struct earlier *earlier;
	struct restate_job *job;
	cJSON *entries, *ledger;
	char why_site[512];

	resource_set_override(o->templates);
	progress_note("checking the items and computing KPIs", 0, 0, NULL);
	/* The site's trend chart shows 12 months up to each reported month: when
	 * months are asked for, compute from 11 months earlier (not before the first
	 * event's month); the default range starts at the first event already. */
	if (from >= 0) {
		int first = kpi_first_month(m), want = from - 11;
		if (want < first)
			want = first;
		if (want >= 0 && want < from)
			calc_from = want;
	}
	/* By default the month in progress is published too, as such (SPEC §8
	 * Month to date): the month after the last that ended. */
	if (to < 0 && m->nevents > 0)
		to = kpi_default_period(m) + 1;
	r = kpi_compute(m, calc_from, to);
	items_check_finish(o->check);	/* its warnings go into kpis.json too */
	if (o->print_problems != NULL)
		o->print_problems(m->diag, o->verbosity);
	/* Everything after this reads the engine's report, the agreements and the
	 * strings only: letting go of the events keeps 64 bytes per event (most of
	 * a gigabyte at 10 million) out of the peak. */
	model_release_events(m);
	ka = xcalloc((size_t)r->nagreements + 1, sizeof *ka);
	asked = months_asked(r, from, ka);
	/* Hashing the inputs reads the files again (a gigabyte at 10 million
	 * events): on its own thread it overlaps building the kpis trees, which
	 * is single-threaded, instead of adding to the build. */
	hash_job.m = m;
	hash_job.in = NULL;
	hashing = m->inputs == NULL && pthread_create(&hasher, NULL, scan_inputs, &hash_job) == 0;
	/* SPEC §8 Restatements: the publication in OUT is read and parsed
	 * meanwhile too, and compared once this one's tree is built. */
	job = restate_begin(out);
	progress_note("building kpis.json", 0, 0, NULL);
	json = kpi_report_json(&asked, m);
	site_json = calc_from != from ? kpi_report_json(r, m) : json;
	progress_note("hashing the inputs", 0, 0, NULL);
	if (hashing) {
		pthread_join(hasher, NULL);
		m->inputs = hash_job.in;
	} else if (m->inputs == NULL)
		m->inputs = inputs_scan(m);
	progress_note("comparing with the earlier publication", 0, 0, NULL);
	entries = cJSON_CreateArray();
	earlier = restate_end(job, json, m->inputs, entries);
	if (o->frozen_until_ym >= 0 && restate_frozen(entries, o->frozen_until_ym) > 0) {
		refuse_frozen(entries, o->frozen_until_ym);
		cJSON_Delete(entries);
		restate_earlier_free(earlier);
		if (site_json != json)
			cJSON_Delete(site_json);
		cJSON_Delete(json);
		free(ka);
		kpi_report_free(r);
		return OUTPUT_FROZEN;
	}
	ledger = restate_ledger(earlier, entries);
	restate_earlier_free(earlier);
	loc = i18n_load(m->site.locale);
	p = publish_begin(out, m->src, &why, &err);
	if (p == NULL) {
		if (err != 0)
			report_errno(out, why, err);
		else
			fprintf(stderr, "slareport: %s: %s\n", out, why);
		if (site_json != json)
			cJSON_Delete(site_json);
		cJSON_Delete(json);
		cJSON_Delete(ledger);
		free(ka);
		i18n_free(loc);
		kpi_report_free(r);
		return OUTPUT_CANTCREATE;
	}
	/* The record of the publication, whatever the formats. */
	err = write_record(p, m->inputs, ledger);
	progress_note("writing kpis.json and the CSV tables", 0, 0, NULL);
	if (err == 0 && (formats & OUTPUT_JSON))
		err = write_json(p, json);
	if (err == 0 && (formats & OUTPUT_CSV))
		err = write_csv(p, &asked, m);
	/* The pages read the ledger from the tree (kpis.json is written already). */
	cJSON_AddItemToObject(site_json, "restatements", ledger);
	ledger = NULL;
	/* The renderers read the kpis tree and the agreements only. */
	if (site_json != json) {
		cJSON_Delete(json);
		json = NULL;
	}
	free(ka);
	ka = NULL;
	kpi_report_free(r);
	r = NULL;
	if (err == 0 && (formats & OUTPUT_HTML)) {
		struct site_options so = { asked.from_ym, asked.to_ym, (formats & OUTPUT_PDF) != 0,
		    (formats & OUTPUT_JSON) != 0, (formats & OUTPUT_CSV) != 0 };
		progress_note("writing the site", 0, 0, NULL);
		err = site_write(p, site_json, m, loc, &so, why_site, sizeof why_site);
		if (err != 0) {
			fprintf(stderr, "slareport: %s: %s\n", out, why_site);
			formats |= OUTPUT_CSV;	/* reported: do not report it again below */
			err = EIO;
		}
	}
	if (err == 0 && (formats & OUTPUT_PDF)) {
		progress_note("writing the PDFs", 0, 0, NULL);
		err = pdf_write_all(p, site_json, m, loc, asked.from_ym, asked.to_ym,
		    o->verbosity, (formats & OUTPUT_JSON) != 0, (formats & OUTPUT_CSV) != 0);
	}
	if (site_json != json)
		cJSON_Delete(site_json);
	cJSON_Delete(json);
	i18n_free(loc);
	if (err != 0) {
		if (err != EIO || !(formats & OUTPUT_CSV))
			report_errno(out, "cannot write the report", err);
		publish_abort(p);
		return OUTPUT_IO;
	}
	progress_note("publishing", 0, 0, NULL);
	progress_clear();
	if ((err = publish_commit(p)) != 0) {
		report_errno(out, "cannot replace the folder", err);
		return OUTPUT_IO;
	}
	if (o->verbosity >= 1)
		fprintf(stderr, "slareport: wrote %s\n", out);
	return OUTPUT_OK;
}
