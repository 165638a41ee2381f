/* kpi_csv.c: kpis.csv and breaches.csv (RFC 4180: quoted where needed, CRLF, UTF-8). */
#include "kpi.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends one field, quoted when it holds a comma, a quote, CR or LF. */
static void
field(struct strbuf *sb, const char *s, bool first)
{
	if (!first)
		strbuf_putc(sb, ',');
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		strbuf_puts(sb, s);
		return;
	}
	strbuf_putc(sb, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			strbuf_putc(sb, '"');
		strbuf_putc(sb, *s);
	}
	strbuf_putc(sb, '"');
}

/* The shortest text that reads back as the same double (as cJSON prints). */
static void
number(struct strbuf *sb, double v)
{
	char buf[40];

	if (isnan(v)) {
		field(sb, NULL, false);
		return;
	}
	snprintf(buf, sizeof buf, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, sizeof buf, "%.17g", v);
	field(sb, buf, false);
}

static void
integer(struct strbuf *sb, int64_t v)
{
	char buf[24];

	if (v < 0) {
		field(sb, NULL, false);
		return;
	}
	snprintf(buf, sizeof buf, "%lld", (long long)v);
	field(sb, buf, false);
}

static void
tristate(struct strbuf *sb, int v)
{
	field(sb, v < 0 ? NULL : v ? "true" : "false", false);
}

static void
sev_text(struct strbuf *sb, const struct agreement *a, int s)
{
	field(sb, s >= 0 && s < a->nseverities ? a->severities[s].key : NULL, false);
}

static void
clock_fields(struct strbuf *sb, const struct kpi_clock_figures *c)
{
	integer(sb, (int64_t)c->met);
	integer(sb, (int64_t)c->breached);
	number(sb, c->attainment);
	number(sb, c->goal);
	tristate(sb, c->goal_met);
	integer(sb, c->median_s);
	integer(sb, c->p90_s);
}

static void
kpis_csv(const struct kpi_report *r, const struct model *m, struct strbuf *sb)
{
	int i, p, s;

	strbuf_puts(sb, "agreement,period,severity,opened,resolved,backlog");
	for (i = 0; i < 2; i++) {
		const char *c = i == 0 ? "response" : "resolution";
		strbuf_printf(sb, ",%s_met,%s_breached,%s_attainment,%s_goal,%s_goal_met,"
		    "%s_median_s,%s_p90_s", c, c, c, c, c, c, c);
	}
	strbuf_puts(sb, "\r\n");
	for (i = 0; i < r->nagreements; i++) {
		const struct agreement *a = &m->agreements[r->agreements[i].index];
		for (p = 0; p < r->agreements[i].nperiods; p++) {
			const struct kpi_period *P = &r->agreements[i].periods[p];
			char ym[8];
			kpi_format_month(P->ym, ym);
			for (s = 0; s < P->nrows; s++) {
				const struct kpi_row *row = &P->rows[s];
				field(sb, a->id, true);
				field(sb, ym, false);
				if (row->sev >= 0)
					sev_text(sb, a, row->sev);
				else
					field(sb, "total", false);
				integer(sb, (int64_t)row->opened);
				integer(sb, (int64_t)row->resolved);
				integer(sb, (int64_t)row->backlog);
				clock_fields(sb, &row->response);
				clock_fields(sb, &row->resolution);
				strbuf_puts(sb, "\r\n");
			}
		}
	}
}

static void
breaches_csv(const struct kpi_report *r, const struct model *m, struct strbuf *sb)
{
	int i, p;
	size_t k;

	strbuf_puts(sb, "agreement,period,id,title,severity,clock,at,team\r\n");
	for (i = 0; i < r->nagreements; i++) {
		const struct agreement *a = &m->agreements[r->agreements[i].index];
		for (p = 0; p < r->agreements[i].nperiods; p++) {
			const struct kpi_period *P = &r->agreements[i].periods[p];
			char ym[8], at[21];
			kpi_format_month(P->ym, ym);
			for (k = 0; k < P->nbreaches; k++) {
				const struct kpi_breach *b = &P->breaches[k];
				civil_format_utc(b->at, at);
				field(sb, a->id, true);
				field(sb, ym, false);
				field(sb, b->id, false);
				field(sb, strtab_get(m->strings, b->title), false);
				sev_text(sb, a, b->sev);
				field(sb, b->clock == KPI_RESPONSE ? "response" : "resolution", false);
				field(sb, at, false);
				field(sb, strtab_get(m->strings, b->team), false);
				strbuf_puts(sb, "\r\n");
			}
		}
	}
}

static int
write_all(const char *dir, const char *name, const struct strbuf *sb, struct diag *d)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");
	int ok = fp != NULL, err = errno;

	if (ok) {
		ok = sb->len == 0 || fwrite(sb->data, 1, sb->len, fp) == sb->len;
		err = errno;
		if (fclose(fp) != 0 && ok) {
			ok = 0;
			err = errno;
		}
	}
	if (!ok)
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write: %s", strerror(err));
	free(path);
	return ok ? 0 : -1;
}

int
kpi_write_csv(const struct kpi_report *r, const struct model *m, const char *dir,
    struct diag *d)
{
	struct strbuf sb = { 0 };
	int rc;

	kpis_csv(r, m, &sb);
	rc = write_all(dir, "kpis.csv", &sb, d);
	strbuf_free(&sb);
	if (rc == 0) {
		breaches_csv(r, m, &sb);
		rc = write_all(dir, "breaches.csv", &sb, d);
		strbuf_free(&sb);
	}
	return rc;
}
