/* slagen_sim.c: simulates the demo company's work items and formats their events. */
#include "slagen.h"
#include "slagen_names.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXMONTHS 240
#define MAXEV 48

enum evtype {
	EV_OPENED, EV_ASSIGNED, EV_RESPONDED, EV_PAUSED, EV_RESUMED, EV_RESOLVED,
	EV_REOPENED, EV_CLOSED, EV_SEVCHG, EV_RATED, EV_NOTE, EV_UNKNOWN
};
static const char *const evnames[] = {
	"opened", "assigned", "responded", "paused", "resumed", "resolved", "reopened",
	"closed", "severity_changed", "rated", "note", "?"
};

enum { OMIT_ID = 1, OMIT_AT = 2, OMIT_TEAM = 4, OMIT_SEV = 8, OMIT_SCORE = 16 };

struct ev {
	int type;
	const char *unknown;	/* type name of an EV_UNKNOWN event */
	int64_t at;
	const char *team, *sevraw, *agreement, *requester, *service, *kind, *title, *text,
		*outcome;
	int sev;	/* index into the agreement's severities, -1: none */
	long long cents;	/* value in cents, -1: none */
	int score;	/* -1: none */
	unsigned omit;	/* OMIT_* bits: deliberately missing fields */
	int dup;
};

struct agrt {
	struct cal base, sevcal[MAXSEV];
	int64_t resp[MAXSEV], res[MAXSEV];	/* seconds, -1: no target */
};

struct simctx {
	struct rng r;
	struct agrt ag[AG_COUNT];
	int y0, m0, months;
	int64_t cutoff, outage_day;
	int large, quirks, stats;
	long long nevents;
	long long seq[NTYPES];
	float pb_resp[AG_COUNT][MAXMONTHS], pb_res[AG_COUNT][MAXMONTHS];
	/* Approximate monthly figures for --stats; index months: after the span. */
	int met[AG_COUNT][MAXMONTHS + 1], miss[AG_COUNT][MAXMONTHS + 1];
	long long value[MAXMONTHS + 1];
	int nrated[2][MAXMONTHS + 1], good[2][MAXMONTHS + 1], bad[2][MAXMONTHS + 1];
};

struct item {
	struct simctx *c;
	int type, ag, month, zone;
	char id[24];
	char title[192];
	long long numid;
	int idmode;	/* 0: string id, 1: numeric id, 2: numeric on `opened` only */
	int64_t now, last;
	int sev, paused;
	int64_t acc;	/* business seconds on the SLA resolution clock (approximate) */
	enum quirk q;
	int nev;
	struct ev ev[MAXEV];
};

static const char *const team_of_ag[AG_COUNT] = {
	[AG_IT] = "service-desk", [AG_NET] = "network", [AG_SYS] = "systems",
	[AG_APP] = "applications", [AG_LEAD] = "marketing", [AG_ONB] = "sales-us",
	[AG_FAC] = "facility",
};

static int
month_of(const struct simctx *c, int64_t t)
{
	int y, m, d;

	civil_from_days(tz_local_day(ZONE_BERLIN, t), &y, &m, &d);
	int mi = (y * 12 + m - 1) - (c->y0 * 12 + c->m0 - 1);
	return mi < 0 ? 0 : mi > c->months ? c->months : mi;
}

/* A clock's use of its target: mostly well inside, with probability pb beyond it. */
static double
ratio(struct rng *r, double pb)
{
	double u = rng_unit(r), v = rng_unit(r);

	if (u < pb)
		return 1.03 + 1.4 * v * v;
	return 0.06 + 0.9 * v * sqrt(v);
}

/* A heavy-tailed wall-clock wait: lo plus a Pareto tail, capped. */
static int64_t
tail(struct rng *r, int64_t lo, int64_t scale, int64_t cap)
{
	double u = 1.0 - rng_unit(r);
	double x = (double)lo + (double)scale * (1.0 / sqrt(u) - 1.0);

	return x > (double)cap ? cap : (int64_t)x;
}

static const struct cal *
slacal(const struct item *it)
{
	return &it->c->ag[it->ag].sevcal[it->sev];
}

static struct ev *
emit(struct item *it, int type)
{
	if (it->now < it->last + 60)
		it->now = it->last + 60 + rng_below(&it->c->r, 240);
	struct ev *e = &it->ev[it->nev < MAXEV ? it->nev++ : MAXEV - 1];
	memset(e, 0, sizeof *e);
	e->type = type;
	e->at = it->now;
	e->sev = -1;
	e->cents = -1;
	e->score = -1;
	it->last = it->now;
	return e;
}

/* Work for secs business seconds of cal; the SLA clock accrues in its own calendar. */
static void
run(struct item *it, const struct cal *cal, int64_t secs)
{
	int64_t t = cal_add(cal, it->now, secs);

	if (!it->paused)
		it->acc += cal_between(slacal(it), it->now, t);
	it->now = t;
}

static void
pause_for(struct item *it, int64_t wall)
{
	emit(it, EV_PAUSED);
	it->paused = 1;
	it->now += wall;
	emit(it, EV_RESUMED);
	it->paused = 0;
}

static void
record(struct simctx *c, int ag, int64_t t, int met)
{
	int m = month_of(c, t);

	if (met)
		c->met[ag][m]++;
	else
		c->miss[ag][m]++;
}

static int
pick_service(struct rng *r, const struct service *sv, int n)
{
	int w[16];

	for (int i = 0; i < n && i < 16; i++)
		w[i] = sv[i].weight;
	return rng_weighted(r, w, n < 16 ? n : 16);
}

static int64_t
max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

static void
sim_it(struct item *it)
{
	struct simctx *c = it->c;
	struct rng *r = &c->r;
	struct agrt *a = &c->ag[AG_IT];
	static const int sevw[] = {3, 12, 60, 25};
	static const double ppause[] = {0.02, 0.06, 0.16, 0.22};
	static const double phand[] = {0.7, 0.6, 0.42, 0.3};
	int64_t lsec = it->now + tz_offset(ZONE_BERLIN, it->now);
	int hour = (int)((lsec % 86400 + 86400) % 86400 / 3600);
	int outage = floordiv(lsec, 86400) == c->outage_day && hour >= 9 && hour < 15;

	it->sev = rng_weighted(r, sevw, 4);
	int si = pick_service(r, it_services, n_it_services);
	const struct service *sv = &it_services[si];
	const char *title = sv->titles[rng_below(r, sv->ntitles)];
	if (outage && rng_unit(r) < 0.6) {
		sv = &it_services[1];	/* crm */
		title = crm_outage_titles[rng_below(r, n_crm_outage_titles)];
		it->sev = rng_unit(r) < 0.2 ? 0 : 1;
	}
	if (it->q == Q_SCRIPT_TITLE) {
		sv = &it_services[1];
		title = "Customer name shows <script>alert(\"x\")</script> in CRM quote";
		it->sev = 1;
	}
	const char *kind = rng_unit(r) < (it->sev <= 1 ? 0.95 : 0.6) ? "incident" : "request";
	snprintf(it->id, sizeof it->id, "%s%07lld", kind[0] == 'i' ? "INC" : "REQ", c->seq[IT_TYPE]);
	const char *requester = "sales", *agreement = NULL;
	double u = rng_unit(r);
	if (u < 0.04) {
		requester = "sales-ops";	/* not matched: carries its agreement */
		agreement = "it-service-desk";
	} else if (c->quirks && u < 0.043) {
		requester = "finance";	/* under no agreement: unassigned */
	}
	if (it->q == Q_TYPO_AGREEMENT) {
		requester = "sales-ops";
		agreement = "it-servicedesk";
	}

	struct ev *e = emit(it, EV_OPENED);
	e->team = "service-desk";
	e->sev = it->sev;
	if (it->q == Q_BADSEV_OPEN)
		e->sevraw = "5";
	e->requester = requester;
	e->agreement = agreement;
	e->service = sv->name;
	e->kind = kind;
	e->title = title;

	int m = it->month;
	double sevf = it->sev == 0 ? 0.4 : 1.0;
	double rr = ratio(r, c->pb_resp[AG_IT][m] * sevf);
	run(it, slacal(it), max64(60, (int64_t)(rr * (double)a->resp[it->sev])));
	emit(it, EV_RESPONDED);
	if (it->q == Q_UNKTYPE) {
		run(it, slacal(it), 300 + rng_below(r, 900));
		e = emit(it, EV_UNKNOWN);
		e->unknown = "escalated";
		e->team = "service-desk";
	}
	if (rng_unit(r) < 0.12 || it->q == Q_NOAT) {
		run(it, slacal(it), 300 + rng_below(r, 1800));
		e = emit(it, EV_NOTE);
		e->text = it_notes[rng_below(r, n_it_notes)];
		if (it->q == Q_NOAT)
			e->omit |= OMIT_AT;
	}
	if (rng_unit(r) < 0.07 || it->q == Q_NOSEV || it->q == Q_BADSEV_CHANGE) {
		run(it, slacal(it), 300 + rng_below(r, 1800));
		int ns = it->sev + (rng_unit(r) < 0.55 ? -1 : 1);
		if (ns < 0 || ns > 3)
			ns = it->sev == 0 ? 1 : 2;
		e = emit(it, EV_SEVCHG);
		if (it->q == Q_BADSEV_CHANGE) {
			e->sevraw = "0";
		} else {
			e->sev = ns;
			if (it->q == Q_NOSEV)
				e->omit |= OMIT_SEV;
			it->sev = ns;
			sevf = it->sev == 0 ? 0.4 : 1.0;
		}
	}
	double rt = it->q == Q_SCRIPT_TITLE ? 1.6 : ratio(r, c->pb_res[AG_IT][m] * sevf);
	int64_t target = (int64_t)(rt * (double)a->res[it->sev]);
	if (rng_unit(r) < ppause[it->sev]) {
		run(it, slacal(it), 600 + rng_below(r, 3600));
		pause_for(it, tail(r, 1800, 4 * 3600, 6 * 86400));
	}

	int holder = AG_IT, team_done = 0;
	int64_t tacc[AG_COUNT] = {0};
	int held[AG_COUNT] = {0};
	if (it->q != Q_SCRIPT_TITLE && (rng_unit(r) < phand[it->sev] || it->q == Q_NOTEAM)) {
		run(it, slacal(it), max64(300, target / 6));
		int t = rng_unit(r) < 0.85 ? sv->team : AG_NET + rng_below(r, 3);
		for (int hop = 0; hop < 3; hop++) {
			e = emit(it, EV_ASSIGNED);
			e->team = team_of_ag[t];
			if (it->q == Q_NOTEAM && hop == 0)
				e->omit |= OMIT_TEAM;
			holder = t;
			const struct cal *oc = &c->ag[t].sevcal[it->sev];
			int64_t budget = c->ag[t].res[it->sev], secs;
			if (held[t])
				secs = (int64_t)((0.05 + 0.15 * rng_unit(r)) * (double)budget);
			else
				secs = (int64_t)(ratio(r, c->pb_res[t][m] * sevf) * (double)budget);
			secs = max64(300, secs);
			held[t] = 1;
			/* The pause stops the team's clock too, so it still uses secs. */
			if (rng_unit(r) < 0.06) {
				run(it, oc, secs * 2 / 5);
				pause_for(it, tail(r, 1800, 3 * 3600, 4 * 86400));
				run(it, oc, secs - secs * 2 / 5);
			} else {
				run(it, oc, secs);
			}
			tacc[t] += secs;
			double v = rng_unit(r);
			if (v < 0.08 && hop < 2) {
				int t2 = AG_NET + rng_below(r, 3);
				t = t2 == t ? AG_NET + (t - AG_NET + 1) % 3 : t2;
				continue;
			}
			if (v < 0.33) {
				team_done = 1;
				break;
			}
			e = emit(it, EV_ASSIGNED);
			e->team = "service-desk";
			holder = AG_IT;
			if (v < 0.37 && hop < 2) {
				run(it, slacal(it), 600 + rng_below(r, 3600));
				continue;
			}
			break;
		}
	}
	if (!team_done) {
		int64_t rem = target - it->acc;
		if (rem < 300)
			rem = 300 + rng_below(r, 1500);
		run(it, slacal(it), rem);
	}
	emit(it, EV_RESOLVED);
	record(c, AG_IT, it->now, it->acc <= a->res[it->sev]);
	for (int t = AG_NET; t <= AG_APP; t++)
		if (held[t])
			record(c, t, it->now, tacc[t] <= c->ag[t].res[it->sev]);
	if (rng_unit(r) < 0.04) {
		it->now += tail(r, 2 * 3600, 6 * 3600, 3 * 86400);
		emit(it, EV_REOPENED);
		const struct cal *hc = holder == AG_IT ? slacal(it) : &c->ag[holder].sevcal[it->sev];
		run(it, hc, (int64_t)((0.05 + 0.25 * rng_unit(r)) * (double)a->res[it->sev]));
		emit(it, EV_RESOLVED);
	}
	if (rng_unit(r) < 0.3)
		it->now += 3600 + rng_below(r, 2 * 86400);
	else
		it->now += 5 * 86400 + rng_below(r, 3 * 3600);
	emit(it, EV_CLOSED);
}

static void
sim_lead(struct item *it)
{
	struct simctx *c = it->c;
	struct rng *r = &c->r;
	struct agrt *a = &c->ag[AG_LEAD];
	int m = it->month;

	it->sev = rng_unit(r) < 0.3 ? 0 : 1;
	double eur = 1500.0 + 5200.0 * (1.0 / sqrt(1.0 - rng_unit(r)) - 1.0);
	if (it->sev == 0)
		eur *= 2.2;
	if (eur > 240000.0)
		eur = 240000.0;
	long long cents = (long long)(eur / 50.0) * 5000 + (rng_unit(r) < 0.08 ? 50 : 0);
	snprintf(it->id, sizeof it->id, "LEAD-%06lld", c->seq[LEAD_TYPE]);
	/* Separate statements: the order in which arguments are evaluated is unspecified. */
	const char *company = lead_companies[rng_below(r, n_lead_companies)];
	const char *interest = lead_interests[rng_below(r, n_lead_interests)];
	snprintf(it->title, sizeof it->title, "%s – %s", company, interest);

	struct ev *e = emit(it, EV_OPENED);
	e->team = "marketing";
	e->sev = it->sev;
	e->kind = "lead";
	e->service = lead_sources[rng_weighted(r, lead_source_w, 4)];
	e->cents = cents;
	e->title = it->title;
	c->value[month_of(c, it->now)] += cents;

	run(it, slacal(it), 120 + rng_below(r, 1800));
	e = emit(it, EV_ASSIGNED);
	e->team = "sales";
	double rr = ratio(r, c->pb_resp[AG_LEAD][m]);
	run(it, slacal(it), max64(300, (int64_t)(rr * (double)a->resp[it->sev])));
	e = emit(it, EV_RESPONDED);
	if (it->q == Q_NOID)
		e->omit |= OMIT_ID;
	if (rng_unit(r) < 0.2) {
		run(it, slacal(it), 1800 + rng_below(r, 6 * 3600));
		e = emit(it, EV_NOTE);
		e->text = lead_notes[rng_below(r, n_lead_notes)];
	}
	double rt = ratio(r, c->pb_res[AG_LEAD][m]);
	int64_t rem = (int64_t)(rt * (double)a->res[it->sev]) - it->acc;
	run(it, slacal(it), max64(600, rem));
	e = emit(it, EV_RESOLVED);
	e->outcome = rng_unit(r) < 0.55 ? "accepted" : "returned";
	record(c, AG_LEAD, it->now, it->acc <= a->res[it->sev]);
	it->now += 600 + rng_below(r, 36 * 3600);
	emit(it, EV_CLOSED);
}

static void
sim_onboarding(struct item *it)
{
	struct simctx *c = it->c;
	struct rng *r = &c->r;
	struct agrt *a = &c->ag[AG_ONB];
	static const int sevw[] = {15, 35, 50};
	static const char *const svc[] = {"onboarding-enterprise", "onboarding-mid-market",
		"onboarding-small-business"};
	static const int csatw[] = {2, 3, 8, 35, 52};
	int m = it->month;

	it->sev = rng_weighted(r, sevw, 3);
	int locs = it->sev == 0 ? 20 + rng_below(r, 100) : it->sev == 1 ? 3 + rng_below(r, 17) :
		1 + rng_below(r, 2);
	snprintf(it->id, sizeof it->id, "ONB-%05lld", c->seq[ONB_TYPE]);
	snprintf(it->title, sizeof it->title, "Onboarding: %s (%d location%s)",
		us_companies[rng_below(r, n_us_companies)], locs, locs == 1 ? "" : "s");

	struct ev *e = emit(it, EV_OPENED);
	e->team = "sales-us";
	e->sev = it->sev;
	e->kind = "onboarding";
	e->service = svc[it->sev];
	e->title = it->title;
	double rr = ratio(r, c->pb_resp[AG_ONB][m]);
	run(it, slacal(it), max64(600, (int64_t)(rr * (double)a->resp[it->sev])));
	emit(it, EV_RESPONDED);
	run(it, slacal(it), 300 + rng_below(r, 3600));
	e = emit(it, EV_ASSIGNED);
	e->team = "customer-service";
	double rt = ratio(r, c->pb_res[AG_ONB][m]);
	int64_t target = (int64_t)(rt * (double)a->res[it->sev]);
	if (rng_unit(r) < 0.2) {
		run(it, slacal(it), 1800 + rng_below(r, 4 * 3600));
		pause_for(it, tail(r, 4 * 3600, 86400, 8 * 86400));
	}
	run(it, slacal(it), max64(1800, target - it->acc));
	emit(it, EV_RESOLVED);
	record(c, AG_ONB, it->now, it->acc <= a->res[it->sev]);
	if (rng_unit(r) < 0.85 || it->q == Q_BADSCORE) {
		it->now += 600 + rng_below(r, 86400);
		e = emit(it, EV_RATED);
		if (rng_unit(r) < 1.5 * c->pb_res[AG_ONB][m])
			e->score = 1 + rng_below(r, 3);
		else
			e->score = 1 + rng_weighted(r, csatw, 5);
		if (it->q == Q_BADSCORE)
			e->score = 7;	/* outside the CSAT scale */
		else {
			int mm = month_of(c, it->now);
			c->nrated[0][mm]++;
			c->good[0][mm] += e->score >= 4;
		}
	}
	it->now += 86400 + rng_below(r, 2 * 86400);
	emit(it, EV_CLOSED);
}

static void
sim_facility(struct item *it)
{
	struct simctx *c = it->c;
	struct rng *r = &c->r;
	struct agrt *a = &c->ag[AG_FAC];
	static const int sevw[] = {4, 18, 55, 23};
	int m = it->month;

	it->sev = rng_weighted(r, sevw, 4);
	const struct service *sv = &fac_services[pick_service(r, fac_services, n_fac_services)];
	snprintf(it->id, sizeof it->id, "FM-%06lld", c->seq[FAC_TYPE]);
	if (rng_unit(r) < 0.015 || it->q == Q_MIXED_ID) {
		/* Items from the old facility tool keep numeric ids. */
		it->numid = 480000 + c->seq[FAC_TYPE];
		it->idmode = it->q == Q_MIXED_ID ? 2 : 1;
		snprintf(it->id, sizeof it->id, "%lld", it->numid);
	}
	struct ev *e = emit(it, EV_OPENED);
	e->team = "facility";
	e->sev = it->sev;
	e->kind = "facility";
	e->service = sv->name;
	e->title = sv->titles[rng_below(r, sv->ntitles)];
	e->requester = "sales";
	if (rng_unit(r) < 0.03) {
		e->requester = "empfang";	/* reception books for sales: named explicitly */
		e->agreement = "facility-sales";
	}
	double rr = ratio(r, c->pb_resp[AG_FAC][m]);
	run(it, slacal(it), max64(300, (int64_t)(rr * (double)a->resp[it->sev])));
	emit(it, EV_RESPONDED);
	if (rng_unit(r) < 0.1) {
		run(it, slacal(it), 900 + rng_below(r, 3 * 3600));
		e = emit(it, EV_NOTE);
		e->text = fac_notes[rng_below(r, n_fac_notes)];
	}
	if (rng_unit(r) < 0.04) {
		run(it, slacal(it), 600 + rng_below(r, 3600));
		e = emit(it, EV_SEVCHG);
		it->sev = it->sev == 3 ? 2 : it->sev == 0 ? 1 : it->sev + (rng_unit(r) < 0.5 ? -1 : 1);
		e->sev = it->sev;
	}
	double rt = ratio(r, c->pb_res[AG_FAC][m]);
	int64_t target = (int64_t)(rt * (double)a->res[it->sev]);
	if (rng_unit(r) < 0.12) {
		run(it, slacal(it), 1800 + rng_below(r, 3 * 3600));
		pause_for(it, tail(r, 3 * 3600, 86400, 10 * 86400));
	}
	run(it, slacal(it), max64(900, target - it->acc));
	emit(it, EV_RESOLVED);
	int64_t resolved_at = it->now;
	record(c, AG_FAC, it->now, it->acc <= a->res[it->sev]);
	if (rng_unit(r) < 0.03) {
		it->now += tail(r, 3600, 4 * 3600, 2 * 86400);
		emit(it, EV_REOPENED);
		run(it, slacal(it), 1800 + rng_below(r, 4 * 3600));
		emit(it, EV_RESOLVED);
		resolved_at = it->now;
	}
	if (rng_unit(r) < 0.55 || it->q == Q_NOSCORE) {
		it->now += tail(r, 3600, 8 * 3600, 4 * 86400);
		e = emit(it, EV_RATED);
		double u = rng_unit(r), shift = 2.0 * c->pb_res[AG_FAC][m];
		e->score = u < 0.5 - shift ? 9 + rng_below(r, 2) : u < 0.82 ? 7 + rng_below(r, 2) :
			rng_below(r, 7);
		if (it->q == Q_NOSCORE) {
			e->omit |= OMIT_SCORE;
		} else {
			int mm = month_of(c, it->now);
			c->nrated[1][mm]++;
			c->good[1][mm] += e->score >= 9;
			c->bad[1][mm] += e->score <= 6;
		}
	}
	it->now = max64(it->now + 3600, resolved_at + 7 * 86400 + rng_below(r, 4 * 3600));
	emit(it, EV_CLOSED);
}

static char *
cpy(char *p, const char *s)
{
	while (*s)
		*p++ = *s++;
	return p;
}

static size_t
format_ev(const struct item *it, const struct ev *e, char *buf, size_t n)
{
	struct rng *r = &it->c->r;
	const char *sep = it->c->large ? "," : ", ", *colon = it->c->large ? ":" : ": ";
	char *p = buf, *end = buf + n - 96;
	int first = 1;

#define KEY(k) do { if (!first) p = cpy(p, sep); first = 0; *p++ = '"'; p = cpy(p, k); \
		*p++ = '"'; p = cpy(p, colon); } while (0)
#define STR(k, v) do { if (v) { KEY(k); p = json_str(p, end, v); } } while (0)
	*p++ = '{';
	if (!(e->omit & OMIT_ID)) {
		KEY("id");
		if (it->idmode == 1 || (it->idmode == 2 && e->type == EV_OPENED))
			p += sprintf(p, "%lld", it->numid);
		else
			p = json_str(p, end, it->id);
	}
	STR("type", e->type == EV_UNKNOWN ? e->unknown : evnames[e->type]);
	if (!(e->omit & OMIT_AT)) {
		/* Mostly local time with offset; some UTC, some naive, some fractions. */
		double u = rng_unit(r);
		int style = u < 0.84 ? TS_OFFSET : u < 0.92 ? TS_Z : u < 0.97 ? TS_NAIVE : TS_OFFSET;
		int fd = u >= 0.97 ? 3 + 3 * rng_below(r, 2) : 0;
		if (style == TS_NAIVE && !tz_unambiguous(ZONE_BERLIN, e->at))
			style = TS_OFFSET;
		KEY("at");
		*p++ = '"';
		p += ts_format(p, e->at, it->zone, style, fd, (long)rng_below(r, 1000000));
		*p++ = '"';
	}
	if (!(e->omit & OMIT_TEAM))
		STR("team", e->team);
	if (e->sevraw) {
		KEY("severity");
		p = cpy(p, e->sevraw);
	} else if (e->sev >= 0 && !(e->omit & OMIT_SEV)) {
		const char *k = agreements[it->ag].sev[e->sev].key;
		KEY("severity");
		p = k[0] >= '0' && k[0] <= '9' ? cpy(p, k) : json_str(p, end, k);
	}
	STR("agreement", e->agreement);
	STR("requester", e->requester);
	STR("service", e->service);
	STR("kind", e->kind);
	if (e->cents >= 0) {
		KEY("value");
		p += e->cents % 100 ? sprintf(p, "%lld.%02lld", e->cents / 100, e->cents % 100) :
			sprintf(p, "%lld", e->cents / 100);
	}
	if (e->type == EV_RATED && !(e->omit & OMIT_SCORE)) {
		KEY("score");
		p += sprintf(p, "%d", e->score);
	}
	STR("title", e->title);
	STR("text", e->text);
	STR("outcome", e->outcome);
	*p++ = '}';
#undef KEY
#undef STR
	return (size_t)(p - buf);
}

void
sim_item(struct simctx *c, int type, int64_t t0, enum quirk q,
	void (*emitfn)(void *arg, int type, int64_t at, const char *rec, size_t len), void *arg)
{
	static struct item it;	/* large; one item at a time */
	static const int ag_of_type[NTYPES] = {AG_IT, AG_LEAD, AG_ONB, AG_FAC};
	char buf[2048];

	memset(&it, 0, offsetof(struct item, ev));
	it.c = c;
	it.type = type;
	it.ag = ag_of_type[type];
	it.zone = type == ONB_TYPE ? ZONE_NEWYORK : ZONE_BERLIN;
	it.now = t0;
	it.last = t0 - 3600;
	it.q = q;
	it.month = month_of(c, t0);
	if (it.month >= c->months)
		it.month = c->months - 1;
	c->seq[type]++;
	switch (type) {
	case IT_TYPE: sim_it(&it); break;
	case LEAD_TYPE: sim_lead(&it); break;
	case ONB_TYPE: sim_onboarding(&it); break;
	default: sim_facility(&it); break;
	}
	if (q == Q_DUP)
		it.ev[it.nev > 2 ? 2 : it.nev - 1].dup = 1;
	for (int i = q == Q_NOOPEN ? 1 : 0; i < it.nev; i++) {
		const struct ev *e = &it.ev[i];
		if (e->at >= c->cutoff)
			break;	/* not happened yet when the export was taken */
		size_t len = format_ev(&it, e, buf, sizeof buf);
		for (int k = 0; k <= e->dup; k++) {
			emitfn(arg, type, e->at, buf, len);
			c->nevents++;
		}
	}
}

struct simctx *
sim_new(uint64_t seed, int y0, int m0, int months, int hy0, int hy1, int64_t cutoff,
	int large, int quirks, int stats)
{
	struct simctx *c = calloc(1, sizeof *c);

	if (c == NULL || months < 1 || months > MAXMONTHS) {
		free(c);
		return NULL;
	}
	rng_seed(&c->r, seed);
	c->y0 = y0;
	c->m0 = m0;
	c->months = months;
	c->cutoff = cutoff;
	c->large = large;
	c->quirks = quirks;
	c->stats = stats;
	for (int i = 0; i < AG_COUNT; i++) {
		const struct agreement *d = &agreements[i];
		struct agrt *a = &c->ag[i];
		if (d->hours)
			cal_init_hours(&a->base, d->zone, d->hours, d->nhours, d->holset, hy0, hy1);
		else
			cal_init_24x7(&a->base);
		for (int s = 0; s < d->nsev; s++) {
			const struct sevdef *sd = &d->sev[s];
			if (sd->calkind == SEVCAL_24X7)
				cal_init_24x7(&a->sevcal[s]);
			else if (sd->calkind == SEVCAL_HOURS)
				cal_init_hours(&a->sevcal[s], d->zone, sd->calhours, sd->ncalhours,
					HOL_NONE, hy0, hy1);
			else
				a->sevcal[s] = a->base;
			a->resp[s] = sd->response ? duration_parse(sd->response, a->sevcal[s].daylen) : -1;
			a->res[s] = duration_parse(sd->resolution, a->sevcal[s].daylen);
		}
	}
	/* The CRM outage: a Tuesday in the middle of the span, on or after the 10th. */
	int oy = y0, om = m0 + months * 45 / 100;
	while (om > 12) {
		om -= 12;
		oy++;
	}
	int64_t od = days_from_civil(oy, om, 10);
	c->outage_day = od + (1 - weekday_of(od) + 7) % 7;
	/* Monthly performance: how likely a clock is to overrun in that month. */
	for (int i = 0; i < AG_COUNT; i++) {
		int badm = rng_below(&c->r, months);
		for (int mi = 0; mi < months; mi++) {
			double u = rng_unit(&c->r), v = rng_unit(&c->r);
			double res = 0.02 + 0.09 * u * u, resp = 0.01 + 0.07 * v * v;
			int mo = (m0 - 1 + mi) % 12 + 1;
			if (mi == badm)
				res += 0.12;
			if (mo == 12 && i <= AG_APP)
				res += 0.03;	/* Christmas holidays thin out the teams */
			if (mi == months * 45 / 100 && i <= AG_APP)
				res += 0.06;	/* the CRM outage month */
			c->pb_res[i][mi] = (float)res;
			c->pb_resp[i][mi] = (float)resp;
		}
	}
	return c;
}

int64_t
sim_outage_day(const struct simctx *c)
{
	return c->outage_day;
}

long long
sim_events(const struct simctx *c)
{
	return c->nevents;
}

void
sim_print_stats(const struct simctx *c, FILE *f)
{
	fprintf(f, "approximate resolution attainment per month (%%):\n%-20s", "agreement");
	for (int m = 0; m < c->months; m++)
		fprintf(f, " %02d", (c->m0 - 1 + m) % 12 + 1);
	fputc('\n', f);
	for (int i = 0; i < AG_COUNT; i++) {
		fprintf(f, "%-20s", agreements[i].id);
		for (int m = 0; m < c->months; m++) {
			int n = c->met[i][m] + c->miss[i][m];
			fprintf(f, " %2d", n ? (int)(100LL * c->met[i][m] / n > 99 ? 99 :
				100LL * c->met[i][m] / n) : 0);
		}
		fputc('\n', f);
	}
	fprintf(f, "%-20s", "lead value kEUR");
	for (int m = 0; m < c->months; m++)
		fprintf(f, " %lld", c->value[m] / 100000);
	fprintf(f, "\n%-20s", "onboarding CSAT");
	for (int m = 0; m < c->months; m++)
		fprintf(f, " %2d", c->nrated[0][m] ? 100 * c->good[0][m] / c->nrated[0][m] : 0);
	fprintf(f, "\n%-20s", "facility NPS");
	for (int m = 0; m < c->months; m++)
		fprintf(f, " %2d", c->nrated[1][m] ?
			100 * (c->good[1][m] - c->bad[1][m]) / c->nrated[1][m] : 0);
	fputc('\n', f);
}

void
sim_free(struct simctx *c)
{
	free(c);
}
