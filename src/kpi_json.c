/* kpi_json.c: the kpis.json tree of SPEC §5, with extra fields the renderers use. */
#include "kpi.h"

#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>
#include <cJSON.h>
#include "json_print.h"
#include "jsonarena.h"
#include "kpi_exclusions.h"
#include "revisions.h"

static const char *const seg_names[] = { "running", "outside", "paused", "ended" };

static cJSON *
num_or_null(double v)
{
	return isnan(v) ? cJSON_CreateNull() : cJSON_CreateNumber(v);
}

static cJSON *
str_or_null(const char *s)
{
	return s != NULL ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *
bool_or_null(int v)
{
	return v < 0 ? cJSON_CreateNull() : cJSON_CreateBool(v);
}

static cJSON *
secs_or_null(int64_t v)
{
	return v < 0 ? cJSON_CreateNull() : cJSON_CreateNumber((double)v);
}

static cJSON *
stamp(sla_time t)
{
	char buf[21];

	civil_format_utc(t, buf);
	return cJSON_CreateString(buf);
}

static cJSON *
month(int ym)
{
	char buf[8];

	if (ym < 0)
		return cJSON_CreateNull();
	kpi_format_month(ym, buf);
	return cJSON_CreateString(buf);
}

/* The agreement's key of severity s: a number when the key is an integer. */
static cJSON *
sev_key(const struct agreement *a, int s)
{
	if (s < 0 || s >= a->nseverities)
		return cJSON_CreateNull();
	if (a->severities[s].key_is_int)
		return cJSON_CreateNumber(a->severities[s].key_int);
	return cJSON_CreateString(a->severities[s].key);
}

static cJSON *
clock_json(const struct kpi_clock_figures *c, int with_hist, bool partial)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddNumberToObject(o, "met", (double)c->met);
	cJSON_AddNumberToObject(o, "breached", (double)c->breached);
	cJSON_AddItemToObject(o, "attainment", num_or_null(c->attainment));
	cJSON_AddItemToObject(o, "goal", num_or_null(c->goal));
	cJSON_AddItemToObject(o, "goal_met", bool_or_null(c->goal_met));
	cJSON_AddItemToObject(o, "median_s", secs_or_null(c->median_s));
	cJSON_AddItemToObject(o, "p90_s", secs_or_null(c->p90_s));
	cJSON_AddItemToObject(o, "target_s", secs_or_null(c->target_s));
	cJSON_AddNumberToObject(o, "ended", (double)c->n);
	/* Month to date (SPEC §8): null where no goal, target or elapsed time. */
	if (partial)
		cJSON_AddItemToObject(o, "allowed_breaches", c->has_allowed ?
		    cJSON_CreateNumber((double)c->allowed) : cJSON_CreateNull());
	/* For the distribution chart: counts per tenth of the target (KPI_HIST_BINS). */
	if (with_hist && c->target_s > 0 && c->n > 0) {
		cJSON *h = cJSON_AddArrayToObject(o, "hist");
		for (int i = 0; i < KPI_HIST_BINS; i++)
			cJSON_AddItemToArray(h, cJSON_CreateNumber((double)c->hist[i]));
	}
	return o;
}

static cJSON *
row_json(const struct kpi_row *row, const struct agreement *a, bool partial)
{
	cJSON *o = cJSON_CreateObject();

	if (row->sev >= 0) {
		cJSON_AddItemToObject(o, "severity", sev_key(a, row->sev));
		cJSON_AddItemToObject(o, "name", str_or_null(a->severities[row->sev].name));
	} else
		cJSON_AddStringToObject(o, "severity", "total");
	cJSON_AddNumberToObject(o, "opened", (double)row->opened);
	cJSON_AddNumberToObject(o, "resolved", (double)row->resolved);
	cJSON_AddNumberToObject(o, "backlog", (double)row->backlog);
	cJSON_AddItemToObject(o, "response", clock_json(&row->response, 0, partial));
	cJSON_AddItemToObject(o, "resolution", clock_json(&row->resolution, 1, partial));
	return o;
}

static cJSON *
breach_json(const struct kpi_breach *b, const struct agreement *a, const struct model *m)
{
	cJSON *o = cJSON_CreateObject(), *tl;
	size_t k;

	cJSON_AddStringToObject(o, "id", b->id);
	cJSON_AddItemToObject(o, "title", str_or_null(strtab_get(m->strings, b->title)));
	cJSON_AddItemToObject(o, "severity", sev_key(a, b->sev));
	cJSON_AddStringToObject(o, "clock", b->clock == KPI_RESPONSE ? "response" : "resolution");
	cJSON_AddItemToObject(o, "at", stamp(b->at));
	cJSON_AddItemToObject(o, "team", str_or_null(strtab_get(m->strings, b->team)));
	if (b->over_s >= 0)
		cJSON_AddNumberToObject(o, "over_s", (double)b->over_s);
	else
		cJSON_AddNullToObject(o, "over_s");
	tl = cJSON_AddArrayToObject(o, "timeline");
	for (k = 0; k < b->nseg; k++) {
		cJSON *s = cJSON_CreateObject();
		cJSON_AddStringToObject(s, "state", seg_names[b->seg[k].state]);
		cJSON_AddItemToObject(s, "from", stamp(b->seg[k].from));
		cJSON_AddItemToObject(s, "to", stamp(b->seg[k].to));
		cJSON_AddItemToArray(tl, s);
	}
	return o;
}

static cJSON *
period_json(const struct kpi_period *P, const struct agreement *a, const struct model *m)
{
	cJSON *o = cJSON_CreateObject(), *arr;
	int s;
	size_t k;

	cJSON_AddItemToObject(o, "period", month(P->ym));
	cJSON_AddItemToObject(o, "start", stamp(P->start));
	cJSON_AddItemToObject(o, "end", stamp(P->end));
	/* The month in progress: its figures run up to as_of, inclusive. */
	cJSON_AddBoolToObject(o, "partial", P->partial);
	if (P->partial)
		cJSON_AddItemToObject(o, "as_of", stamp(P->as_of));
	/* The month's goals and targets are those in force at its start (SPEC §8). */
	cJSON_AddItemToObject(o, "terms", str_or_null(revisions_until(a, P->terms)));
	a = agreement_terms(a, P->terms);
	arr = cJSON_AddArrayToObject(o, "severities");
	for (s = 0; s < P->nrows - 1; s++)
		cJSON_AddItemToArray(arr, row_json(&P->rows[s], a, P->partial));
	cJSON_AddItemToObject(o, "total", row_json(&P->rows[P->nrows - 1], a, P->partial));
	if (a->has_volume) {
		cJSON *v = cJSON_AddObjectToObject(o, "volume");
		cJSON_AddStringToObject(v, "metric",
		    a->volume_metric == VOLUME_VALUE ? "value" : "count");
		cJSON_AddNumberToObject(v, "actual", P->volume_actual);
		cJSON_AddNumberToObject(v, "target", a->volume_min);
		cJSON_AddBoolToObject(v, "met", P->volume_met);
	} else
		cJSON_AddNullToObject(o, "volume");
	if (a->has_satisfaction) {
		cJSON *v = cJSON_AddObjectToObject(o, "satisfaction");
		cJSON_AddStringToObject(v, "scale",
		    a->satisfaction_scale == SCALE_NPS ? "nps" : "csat");
		cJSON_AddItemToObject(v, "score", num_or_null(P->satisfaction));
		cJSON_AddNumberToObject(v, "target", a->satisfaction_min);
		cJSON_AddItemToObject(v, "met", bool_or_null(isnan(P->satisfaction) ? -1 :
		    P->satisfaction >= a->satisfaction_min));
		cJSON_AddNumberToObject(v, "count", (double)P->rated);
	} else
		cJSON_AddNullToObject(o, "satisfaction");
	if (a->has_credits) {
		cJSON *v = cJSON_AddObjectToObject(o, "credit");
		cJSON_AddNumberToObject(v, "percent", P->credit_percent);
		cJSON_AddNumberToObject(v, "amount", P->credit_amount);
		cJSON_AddItemToObject(v, "currency", str_or_null(a->credit_currency));
	} else
		cJSON_AddNullToObject(o, "credit");
	cJSON_AddItemToObject(o, "reopen_rate", num_or_null(P->reopen_rate));
	cJSON_AddItemToObject(o, "mean_reassignments", num_or_null(P->mean_reassignments));
	arr = cJSON_AddArrayToObject(o, "breaches");
	for (k = 0; k < P->nbreaches; k++)
		cJSON_AddItemToArray(arr, breach_json(&P->breaches[k], a, m));
	cJSON_AddItemToObject(o, "exclusions", kpi_exclusions_json(P, a, m));
	if (P->partial) {
		arr = cJSON_AddArrayToObject(o, "due");
		for (k = 0; k < P->ndue; k++) {
			const struct kpi_due *d = &P->due[k];
			cJSON *e = cJSON_CreateObject();
			cJSON_AddStringToObject(e, "id", d->id);
			cJSON_AddItemToObject(e, "title",
			    str_or_null(strtab_get(m->strings, d->title)));
			cJSON_AddStringToObject(e, "clock",
			    d->clock == KPI_RESPONSE ? "response" : "resolution");
			cJSON_AddItemToObject(e, "severity", sev_key(a, d->sev));
			cJSON_AddItemToObject(e, "team",
			    str_or_null(strtab_get(m->strings, d->team)));
			cJSON_AddItemToObject(e, "due", stamp(d->due));
			cJSON_AddItemToArray(arr, e);
		}
	}
	return o;
}

/* Earlier terms, newest first, each with what changed when it ended. */
static cJSON *
revisions_json(const struct agreement *a)
{
	cJSON *arr = cJSON_CreateArray();
	int i;

	for (i = 0; i < a->nrevisions; i++) {
		const struct agreement_revision *rv = &a->revisions[i];
		cJSON *o = cJSON_CreateObject(), *ch;
		struct terms_change *v;
		size_t n = terms_diff(rv->terms, revisions_newer(a, i), &v), k;
		cJSON_AddStringToObject(o, "effective", rv->effective);
		cJSON_AddItemToObject(o, "until", str_or_null(revisions_until(a, i)));
		cJSON_AddItemToObject(o, "note", str_or_null(rv->note));
		ch = cJSON_AddArrayToObject(o, "changes");
		for (k = 0; k < n; k++) {
			cJSON *c = cJSON_CreateObject();
			cJSON_AddStringToObject(c, "key", v[k].key);
			cJSON_AddStringToObject(c, "was", v[k].was);
			cJSON_AddStringToObject(c, "now", v[k].now);
			cJSON_AddItemToArray(ch, c);
		}
		terms_changes_free(v, n);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

/* The measurable terms, for pages that show the service-level table. */
static cJSON *
targets_json(const struct agreement *a)
{
	cJSON *arr = cJSON_CreateArray();
	int s;

	for (s = 0; s < a->nseverities; s++) {
		const struct severity *sv = &a->severities[s];
		const struct calendar_spec *cal = sv->has_calendar ? &sv->calendar : &a->calendar;
		cJSON *o = cJSON_CreateObject();
		cJSON_AddItemToObject(o, "severity", sev_key(a, s));
		cJSON_AddItemToObject(o, "name", str_or_null(sv->name));
		cJSON_AddItemToObject(o, "response", str_or_null(sv->response_text));
		cJSON_AddItemToObject(o, "resolution", str_or_null(sv->resolution_text));
		cJSON_AddItemToObject(o, "response_s", secs_or_null(sv->response_s));
		cJSON_AddItemToObject(o, "resolution_s", secs_or_null(sv->resolution_s));
		cJSON_AddItemToObject(o, "goal", num_or_null(sv->goal));
		cJSON_AddStringToObject(o, "calendar", cal->always ? "24x7" :
		    sv->has_calendar ? "own" : "agreement");
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *
quality_json(const struct kpi_report *r, const struct model *m)
{
	cJSON *o = cJSON_CreateObject(), *arr;
	size_t i;

	cJSON_AddNumberToObject(o, "events_read", (double)r->quality.events_read);
	cJSON_AddNumberToObject(o, "events_skipped", (double)r->quality.events_skipped);
	cJSON_AddNumberToObject(o, "events_duplicate", (double)r->quality.events_duplicate);
	cJSON_AddNumberToObject(o, "items_skipped", (double)r->quality.items_skipped);
	cJSON_AddNumberToObject(o, "items_unassigned", (double)r->quality.items_unassigned);
	arr = cJSON_AddArrayToObject(o, "problems");
	for (i = 0; i < diag_len(m->diag); i++) {
		const struct diag_entry *e = diag_get(m->diag, i);
		cJSON *p = cJSON_CreateObject();
		cJSON_AddItemToObject(p, "file", str_or_null(e->file));
		cJSON_AddItemToObject(p, "line", e->line > 0 ?
		    cJSON_CreateNumber(e->line) : cJSON_CreateNull());
		cJSON_AddStringToObject(p, "message", e->message);
		cJSON_AddStringToObject(p, "level", e->level == DIAG_ERROR ? "error" : "warning");
		cJSON_AddItemToArray(arr, p);
	}
	/* Values a mapping file's `map` did not list (SPEC §3), with their counts. */
	arr = cJSON_AddArrayToObject(o, "unmapped");
	for (i = 0; i < m->nunmapped; i++) {
		const struct unmapped_value *u = &m->unmapped[i];
		cJSON *p = cJSON_CreateObject();
		cJSON_AddStringToObject(p, "file", strtab_get(m->strings, u->file));
		cJSON_AddNumberToObject(p, "line", u->line);
		cJSON_AddStringToObject(p, "field", strtab_get(m->strings, u->field));
		cJSON_AddStringToObject(p, "value", strtab_get(m->strings, u->value));
		cJSON_AddNumberToObject(p, "count", (double)u->count);
		cJSON_AddItemToArray(arr, p);
	}
	return o;
}

/* The month the site headlines: the last month of the report that ended, or
 * its only month (SPEC §8: the month in progress is published besides). */
static int
report_period(const struct kpi_report *r)
{
	int i;

	if (r->to_ym <= r->from_ym)
		return r->to_ym;
	for (i = 0; i < r->nagreements; i++) {
		const struct kpi_agreement *ka = &r->agreements[i];
		if (ka->nperiods > 0 && ka->periods[ka->nperiods - 1].partial)
			return r->to_ym - 1;
	}
	return r->to_ym;
}

/* The tree with every period's subtree taken from periods (one per agreement
 * and month, in that order) or, when periods is NULL, built here. */
static cJSON *
report_json(const struct kpi_report *r, const struct model *m, cJSON **periods)
{
	cJSON *root = cJSON_CreateObject(), *arr;
	int i, p;
	size_t k = 0;

	cJSON_AddItemToObject(root, "from", month(r->from_ym));
	cJSON_AddItemToObject(root, "to", month(r->to_ym));
	cJSON_AddItemToObject(root, "report_period", month(report_period(r)));
	arr = cJSON_AddArrayToObject(root, "agreements");
	for (i = 0; i < r->nagreements; i++) {
		const struct kpi_agreement *ka = &r->agreements[i];
		const struct agreement *a = &m->agreements[ka->index];
		cJSON *o = cJSON_CreateObject(), *per;
		cJSON_AddItemToObject(o, "id", str_or_null(a->id));
		cJSON_AddStringToObject(o, "kind", a->kind == AGREEMENT_OLA ? "ola" : "sla");
		cJSON_AddItemToObject(o, "title", str_or_null(a->title));
		cJSON_AddItemToObject(o, "provider", str_or_null(a->provider));
		cJSON_AddItemToObject(o, "customer", str_or_null(a->customer));
		cJSON_AddItemToObject(o, "supports", str_or_null(a->supports));
		cJSON_AddItemToObject(o, "timezone", str_or_null(a->timezone));
		cJSON_AddItemToObject(o, "targets", targets_json(a));
		cJSON_AddItemToObject(o, "effective", str_or_null(a->effective));
		cJSON_AddItemToObject(o, "revisions", revisions_json(a));
		per = cJSON_AddArrayToObject(o, "periods");
		for (p = 0; p < ka->nperiods; p++, k++)
			cJSON_AddItemToArray(per, periods != NULL ? periods[k] :
			    period_json(&ka->periods[p], a, m));
		cJSON_AddItemToArray(arr, o);
	}
	cJSON_AddItemToObject(root, "data_quality", quality_json(r, m));
	return root;
}

cJSON *
kpi_report_json(const struct kpi_report *r, const struct model *m)
{
	return report_json(r, m, NULL);
}

/*
 * At a million events the tree has millions of nodes, and building and
 * printing it was a seventh of `slareport kpis`. The months are independent:
 * threads build each month's subtree in their own arena (jsonarena.h), print
 * it as it would be printed in place (json_print_at), and let it go; the tree
 * holds the texts as raw values. Units are handed out in order and put in
 * place by index, so the text is the same whichever thread made what.
 */
#define MAX_JSON_THREADS 4
#define PERIOD_DEPTH 4		/* root, agreements[], agreement, periods[] */

struct kpi_json_build {
	const struct kpi_report *r;
	const struct model *m;
	size_t nunits, next;
	const struct kpi_period **per;	/* unit k: its period and agreement */
	const struct agreement **ag;
	struct strbuf *text;		/* unit k printed */
	pthread_mutex_t lock;
};

static void *
json_worker(void *arg)
{
	struct kpi_json_build *b = arg;

	jsonarena_begin();
	for (;;) {
		size_t k;
		cJSON *o;

		pthread_mutex_lock(&b->lock);
		k = b->next < b->nunits ? b->next++ : b->nunits;
		pthread_mutex_unlock(&b->lock);
		if (k == b->nunits)
			break;
		o = period_json(b->per[k], b->ag[k], b->m);
		json_print_at(&b->text[k], o, PERIOD_DEPTH);
		jsonarena_reset();	/* o */
	}
	jsonarena_end();
	return NULL;
}

struct kpi_json_build *
kpi_report_json_threads(const struct kpi_report *r, const struct model *m, cJSON **root)
{
	struct kpi_json_build *b = xcalloc(1, sizeof *b);
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int i, p, want = ncpu < 1 ? 1 : ncpu > MAX_JSON_THREADS ? MAX_JSON_THREADS : (int)ncpu;
	int started = 0;
	pthread_t thread[MAX_JSON_THREADS];
	static char unprintable[] = "null";	/* a period json_print refused: none */
	cJSON **units;
	size_t k = 0;

	b->r = r;
	b->m = m;
	for (i = 0; i < r->nagreements; i++)
		b->nunits += (size_t)r->agreements[i].nperiods;
	b->per = xcalloc(b->nunits + 1, sizeof *b->per);
	b->ag = xcalloc(b->nunits + 1, sizeof *b->ag);
	b->text = xcalloc(b->nunits + 1, sizeof *b->text);
	units = xcalloc(b->nunits + 1, sizeof *units);
	for (i = 0; i < r->nagreements; i++)
		for (p = 0; p < r->agreements[i].nperiods; p++, k++) {
			b->per[k] = &r->agreements[i].periods[p];
			b->ag[k] = &m->agreements[r->agreements[i].index];
		}
	pthread_mutex_init(&b->lock, NULL);
	for (i = 0; i < want; i++) {
		if (pthread_create(&thread[started], NULL, json_worker, b) != 0)
			break;
		started++;
	}
	if (started == 0)
		json_worker(b);	/* no thread: this one does it all */
	for (i = 0; i < started; i++)
		pthread_join(thread[i], NULL);
	pthread_mutex_destroy(&b->lock);
	/* Raw values that borrow the texts: freed by kpi_report_json_release. */
	for (k = 0; k < b->nunits; k++) {
		units[k] = cJSON_CreateRaw("");
		units[k]->valuestring = b->text[k].data != NULL ? b->text[k].data : unprintable;
	}
	*root = report_json(r, m, units);
	free(units);
	return b;
}

void
kpi_report_json_release(struct kpi_json_build *b)
{
	size_t k;

	if (b == NULL)
		return;
	for (k = 0; k < b->nunits; k++)
		strbuf_free(&b->text[k]);
	free(b->per);
	free(b->ag);
	free(b->text);
	free(b);
}
