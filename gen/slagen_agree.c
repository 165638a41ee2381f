/* slagen_agree.c: the demo company's agreements and site.yml, written as Markdown files. */
#include "slagen.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

static const struct hours h_office[] = {{"mon-fri", "08:00-18:00"}};
static const struct hours h_network[] = {{"mon-fri", "07:00-19:00"}};
static const struct hours h_app_oncall[] = {
	{"mon-fri", "07:00-22:00"}, {"sat", "09:00-17:00"}, {"sun", "09:00-17:00"}};
static const struct hours h_newyork[] = {{"mon-fri", "09:00-17:00"}};
static const struct hours h_facility[] = {
	{"mon-fri", "07:00-12:00,12:30-16:30"}, {"sat", "08:00-12:00"}};

static const struct sevdef sev_it[] = {
	{"1", "Critical", "15m", "4h", 100, SEVCAL_24X7, NULL, 0,
	 "Sales cannot sell: CRM, order entry, the web shop or the sales hotline is down "
	 "for a whole team or office, or customer data may be exposed."},
	{"2", "High", "1h", "8h", 95, SEVCAL_INHERIT, NULL, 0,
	 "A key function is impaired for several people, or one person cannot work at "
	 "all, and there is no workaround."},
	{"3", "Normal", "4h", "3d", 90, SEVCAL_INHERIT, NULL, 0,
	 "One person or a small group is impaired but can keep working, if need be "
	 "with a workaround."},
	{"4", "Low", "1d", "10d", 90, SEVCAL_INHERIT, NULL, 0,
	 "Service requests, questions and cosmetic faults that can be planned."},
};

static const struct sevdef sev_net[] = {
	{"1", "Critical", NULL, "1h", 95, SEVCAL_24X7, NULL, 0,
	 "An office, the data centre uplink or the VPN concentrator is unreachable."},
	{"2", "High", NULL, "2h", 95, SEVCAL_INHERIT, NULL, 0,
	 "Degraded links, a floor without Wi-Fi, telephony with broken audio."},
	{"3", "Normal", NULL, "8h", 90, SEVCAL_INHERIT, NULL, 0,
	 "Single ports, single users' VPN profiles, firewall rule changes for one host."},
	{"4", "Low", NULL, "3d", 90, SEVCAL_INHERIT, NULL, 0,
	 "Planned patching, new sockets, guest Wi-Fi vouchers, documentation."},
};

static const struct sevdef sev_sys[] = {
	{"1", "Critical", NULL, "1h", 95, SEVCAL_24X7, NULL, 0,
	 "Mail, directory, file services or the virtualisation cluster are down."},
	{"2", "High", NULL, "3h", 95, SEVCAL_INHERIT, NULL, 0,
	 "A server is degraded, backups failed twice, a group cannot log on."},
	{"3", "Normal", NULL, "7h", 90, SEVCAL_INHERIT, NULL, 0,
	 "A mailbox, a share permission, one laptop image or one printer queue."},
	{"4", "Low", NULL, "3d", 90, SEVCAL_INHERIT, NULL, 0,
	 "Quota increases, planned restores, lifecycle replacements."},
};

static const struct sevdef sev_app[] = {
	{"1", "Critical", NULL, "90m", 95, SEVCAL_HOURS, h_app_oncall, 3,
	 "CRM, ERP order entry or the B2B web shop is unusable for everyone."},
	{"2", "High", NULL, "3h30m", 95, SEVCAL_INHERIT, NULL, 0,
	 "A business function fails (quotes, price lists, invoices) without workaround."},
	{"3", "Normal", NULL, "1d", 90, SEVCAL_INHERIT, NULL, 0,
	 "Wrong data in one record, a report that times out, a broken template."},
	{"4", "Low", NULL, "3d", 90, SEVCAL_INHERIT, NULL, 0,
	 "Small changes to layouts, fields and reports; questions on use."},
};

static const struct sevdef sev_lead[] = {
	{"hot", "Hot (A) lead", "4h", "5d", 95, SEVCAL_INHERIT, NULL, 0,
	 "Budget confirmed, decision expected within three months, the contact "
	 "asked for a call or a quote."},
	{"warm", "Warm (B) lead", "24h", "10d", 90, SEVCAL_INHERIT, NULL, 0,
	 "Good fit and active interest, but no confirmed budget or timeline yet."},
};

static const struct sevdef sev_onb[] = {
	{"1", "Enterprise", "4h", "5d", 90, SEVCAL_INHERIT, NULL, 0,
	 "Annual contract value above USD 100,000 or more than 50 delivery locations."},
	{"2", "Mid-market", "1d", "8d", 90, SEVCAL_INHERIT, NULL, 0,
	 "Annual contract value from USD 20,000 to 100,000."},
	{"3", "Small business", "2d", "10d", 85, SEVCAL_INHERIT, NULL, 0,
	 "Annual contract value below USD 20,000; standard price list, no custom terms."},
};

static const struct sevdef sev_fac[] = {
	{"1", "Notfall", "30m", "4h", 95, SEVCAL_24X7, NULL, 0,
	 "Gefahr für Personen oder das Gebäude: Wasserschaden, Stromausfall, "
	 "Personen im Aufzug eingeschlossen, Einbruch."},
	{"2", "Dringend", "2h", "1d", 90, SEVCAL_INHERIT, NULL, 0,
	 "Ein Arbeitsbereich ist nicht nutzbar: Heizung oder Klimaanlage ausgefallen, "
	 "Tür schließt nicht, Showroom ohne Licht."},
	{"3", "Normal", "1d", "5d", 90, SEVCAL_INHERIT, NULL, 0,
	 "Störung mit Ausweichmöglichkeit: defekte Leuchte, klemmendes Fenster, "
	 "Kaffeemaschine in der Teeküche."},
	{"4", "Geplant", "2d", "20d", 85, SEVCAL_INHERIT, NULL, 0,
	 "Planbare Aufträge: Umzüge, Möbel, Schlüssel, Parkkarten, Beschilderung."},
};

static const struct credits cr_it = {12000, "EUR", 3, {95, 90, 85}, {5, 10, 15}};
static const struct credits cr_fac = {4800, "EUR", 2, {90, 80}, {3, 8}};

const struct agreement agreements[AG_COUNT] = {
	[AG_IT] = {"it-service-desk.md", "it-service-desk", "IT Service Desk for Sales", "sla",
		"service-desk", "sales", "null", 2, "quarterly", ZONE_BERLIN, h_office, 1,
		HOL_DE_BE, 0, "{requester: sales, kind: [incident, request]}", NULL, NULL, &cr_it,
		sev_it, 4, LANG_EN, body_it_service_desk},
	[AG_NET] = {"ola-network.md", "ola-network", "OLA: Network Operations for the IT Service Desk",
		"ola", "network", "service-desk", "it-service-desk", 0, "semi-annually",
		ZONE_BERLIN, h_network, 1, HOL_DE_BE, 1, NULL, NULL, NULL, NULL, sev_net, 4,
		LANG_EN, body_ola_network},
	[AG_SYS] = {"ola-systems.md", "ola-systems", "OLA: Systems and Workplace for the IT Service Desk",
		"ola", "systems", "service-desk", "it-service-desk", 0, "semi-annually",
		ZONE_BERLIN, h_office, 1, HOL_DE_BE, 1, NULL, NULL, NULL, NULL, sev_sys, 4,
		LANG_EN, body_ola_systems},
	[AG_APP] = {"ola-applications.md", "ola-applications",
		"OLA: Business Applications for the IT Service Desk", "ola", "applications",
		"service-desk", "it-service-desk", 0, "quarterly", ZONE_BERLIN, h_office, 1,
		HOL_DE_BE, 1, NULL, NULL, NULL, NULL, sev_app, 4, LANG_EN, body_ola_applications},
	[AG_LEAD] = {"lead-handoff.md", "lead-handoff", "Lead Hand-off from Marketing to Sales", "sla",
		"marketing", "sales", NULL, 0, "monthly", ZONE_BERLIN, NULL, 0, HOL_NONE, 0,
		"{kind: lead}", "{metric: value, min: 400000, per: month, unit: EUR}", NULL, NULL,
		sev_lead, 2, LANG_EN, body_lead_handoff},
	[AG_ONB] = {"customer-onboarding.md", "customer-onboarding",
		"Customer Onboarding Hand-off, US Region", "sla", "sales", "customer-service", NULL,
		1, "quarterly", ZONE_NEWYORK, h_newyork, 1, HOL_US, 0, "{kind: onboarding}", NULL,
		"{scale: csat, min: 80}", NULL, sev_onb, 3, LANG_EN, body_onboarding},
	[AG_FAC] = {"facility-sales.md", "facility-sales", "Gebäudemanagement für den Vertrieb", "sla",
		"facility", "sales", NULL, 3, "jährlich", ZONE_BERLIN, h_facility, 2, HOL_DE_BE, 0,
		"{requester: sales, kind: facility}", NULL, "{scale: nps, min: 20}", &cr_fac,
		sev_fac, 4, LANG_DE, body_facility},
};

static const char *const wd_en[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
static const char *const wd_de[7] = {"Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."};

/* A duration in words for the tables: "15 min", "3 business days", "3 Std. 30 Min.". */
static void
duration_words(char *out, size_t n, const char *d, int lang, int round_clock)
{
	size_t len = 0;

	out[0] = '\0';
	while (*d && len < n) {
		long v = 0;
		while (*d >= '0' && *d <= '9')
			v = v * 10 + (*d++ - '0');
		char u = *d ? *d++ : 'm';
		const char *w;
		if (u == 'd')
			w = lang == LANG_DE ? (round_clock ? (v == 1 ? "Tag" : "Tage") :
				(v == 1 ? "Arbeitstag" : "Arbeitstage")) :
				(round_clock ? (v == 1 ? "day" : "days") :
				(v == 1 ? "business day" : "business days"));
		else if (u == 'h')
			w = lang == LANG_DE ? "Std." : "h";
		else
			w = lang == LANG_DE ? "Min." : "min";
		len += (size_t)snprintf(out + len, n - len, "%s%ld %s", len ? " " : "", v, w);
	}
}

static void
write_sevtable(FILE *f, const struct agreement *a)
{
	int de = a->lang == LANG_DE, ola = strcmp(a->kind, "ola") == 0;
	const char *label = a->sev == sev_lead ? "Lead class" : a->sev == sev_onb ? "Tier" :
		de ? "Priorität" : "Severity";

	if (ola)
		fprintf(f, "| %s | Name | Typical cases | Resolution budget | Goal |\n"
			"|:--:|---|---|---|--:|\n", label);
	else if (de)
		fprintf(f, "| %s | Bezeichnung | Bedeutung | Erste Reaktion | Lösung | Zielwert |\n"
			"|:--:|---|---|---|---|--:|\n", label);
	else
		fprintf(f, "| %s | Name | Meaning | First response | Resolution | Goal |\n"
			"|:--:|---|---|---|---|--:|\n", label);
	for (int i = 0; i < a->nsev; i++) {
		const struct sevdef *s = &a->sev[i];
		int rc = s->calkind == SEVCAL_24X7 || (a->hours == NULL && s->calkind == SEVCAL_INHERIT);
		char resp[64], res[64];
		const char *suffix = "";
		duration_words(resp, sizeof resp, s->response ? s->response : "", a->lang, rc);
		duration_words(res, sizeof res, s->resolution, a->lang, rc);
		if (s->calkind == SEVCAL_24X7)
			suffix = de ? ", rund um die Uhr" : ", round the clock";
		else if (s->calkind == SEVCAL_HOURS)
			suffix = ", extended hours";
		if (ola)
			fprintf(f, "| %s | %s | %s | %s%s | %d %% |\n", s->key, s->name, s->meaning,
				res, suffix, s->goal);
		else
			fprintf(f, "| %s | %s | %s | %s%s | %s%s | %d %% |\n", s->key, s->name,
				s->meaning, resp, suffix, res, suffix, s->goal);
	}
}

static void
write_holidays(FILE *f, const struct agreement *a, int hy0, int hy1)
{
	struct holiday hol[CAL_MAXHOL];
	int n = holidays_list(a->holset, hy0, hy1, hol, CAL_MAXHOL), de = a->lang == LANG_DE;

	fprintf(f, de ? "| Datum | Feiertag |\n|---|---|\n" : "| Date | Holiday |\n|---|---|\n");
	for (int i = 0; i < n; i++) {
		int y, m, d;
		civil_from_days(hol[i].day, &y, &m, &d);
		if (de)
			fprintf(f, "| %s %02d.%02d.%04d | %s |\n", wd_de[weekday_of(hol[i].day)], d, m, y,
				hol[i].name_de);
		else
			fprintf(f, "| %s %04d-%02d-%02d | %s |\n", wd_en[weekday_of(hol[i].day)], y, m, d,
				hol[i].name_en);
	}
}

/* An integer with thousands separators: 12,000 (en) or 12.000 (de). */
static void
thousands(char *out, size_t n, long v, char sep)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%ld", v), k = 0;

	for (int i = 0; i < len && (size_t)k + 2 < n; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[k++] = sep;
		out[k++] = digits[i];
	}
	out[k] = '\0';
}

static void
write_credits(FILE *f, const struct agreement *a)
{
	const struct credits *c = a->credits;
	int de = a->lang == LANG_DE;

	fprintf(f, de ? "| Gesamterfüllung Lösungszeit unter | Gutschrift | Betrag |\n|---|--:|--:|\n" :
		"| Pooled resolution attainment below | Credit | Amount |\n|---|--:|--:|\n");
	for (int i = 0; i < c->ntiers; i++) {
		char amount[32];
		thousands(amount, sizeof amount, c->fee * c->percent[i] / 100, de ? '.' : ',');
		if (de)
			fprintf(f, "| %d %% | %d %% der Monatspauschale | %s,00 € |\n", c->below[i],
				c->percent[i], amount);
		else
			fprintf(f, "| %d %% | %d %% of the monthly fee | %s %s |\n", c->below[i],
				c->percent[i], c->currency, amount);
	}
}

static void
write_ola_budgets(FILE *f)
{
	const struct agreement *sla = &agreements[AG_IT];
	char buf[4][64];

	fprintf(f, "| Severity | SLA resolution | Network | Systems | Applications |\n"
		"|:--:|---|---|---|---|\n");
	for (int i = 0; i < sla->nsev; i++) {
		duration_words(buf[0], sizeof buf[0], sla->sev[i].resolution, LANG_EN,
			sla->sev[i].calkind == SEVCAL_24X7);
		for (int k = 0; k < 3; k++) {
			const struct sevdef *s = &agreements[AG_NET + k].sev[i];
			duration_words(buf[k + 1], sizeof buf[k + 1], s->resolution, LANG_EN,
				s->calkind == SEVCAL_24X7);
		}
		fprintf(f, "| %s %s | %s | %s | %s | %s |\n", sla->sev[i].key, sla->sev[i].name,
			buf[0], buf[1], buf[2], buf[3]);
	}
}

static void
write_hours_yaml(FILE *f, const struct hours *h, int n)
{
	fputc('{', f);
	for (int i = 0; i < n; i++)
		fprintf(f, "%s%s: \"%s\"", i ? ", " : "", h[i].days, h[i].ranges);
	fputc('}', f);
}

/* The first Saturday of month y-m, as "YYYY-MM-DD". */
static void
first_saturday(int y, int m, char out[11], int plus_days)
{
	int64_t day = days_from_civil(y, m, 1);
	int yy, mm, dd;

	while (weekday_of(day) != 5)
		day++;
	civil_from_days(day + plus_days, &yy, &mm, &dd);
	snprintf(out, 11, "%04d-%02d-%02d", yy, mm, dd);
}

/* SPEC §8 in the demo: the service desk's terms were revised in July of the
 * last year of the span (High resolution 12h → 8h, the credit fee raised),
 * and maintenance windows fall on the first weekend of the last month. */
static void
write_terms_over_time(FILE *f, const struct agreement *a, const char *earlier, int ey, int em)
{
	char sat[11], sun[11];

	first_saturday(ey, em, sat, 0);
	first_saturday(ey, em, sun, 1);
	if (a == &agreements[AG_IT]) {
		fprintf(f, "maintenance:\n  - {from: \"%s 06:00\", to: \"%s 12:00\", reason: "
			"\"Upgrade of the ticketing system\", severities: [3, 4]}\n", sat, sat);
		if (*earlier != '\0')
			fprintf(f, "revisions:\n  - effective: %s\n    note: \"In the July "
				"service review High resolution was tightened from 12h to 8h, "
				"and the credit fee rose from 10,000 to 12,000 EUR with it\"\n"
				"    severities: {2: {resolution: 12h}}\n"
				"    credits: {fee: 10000}\n", earlier);
	} else if (a == &agreements[AG_NET])
		fprintf(f, "maintenance:\n  - {from: \"%s 22:00\", to: \"%s 02:00\", reason: "
			"\"Core switch upgrade in the Berlin data centre\"}\n", sat, sun);
}

/* The last review of agreement a, months_back before the last month y1-m1 on
 * day (0: the month's last): each is reviewed on time, except the onboarding
 * SLA, whose quarterly review fell due at the end of the month before last
 * and has not taken place (its pages say "Review overdue since …"). */
static void
write_reviewed(FILE *f, const struct agreement *a, int y1, int m1)
{
	static const int back[AG_COUNT][2] = {
		[AG_IT] = {1, 0}, [AG_NET] = {2, 14}, [AG_SYS] = {3, 21},
		[AG_APP] = {2, 10}, [AG_LEAD] = {0, 15}, [AG_ONB] = {4, 0},
		[AG_FAC] = {9, 20},
	};
	const int *b = back[a - agreements];
	int k = y1 * 12 + (m1 - 1) - b[0], y = k / 12, m = k % 12 + 1;
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int last = mdays[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));

	fprintf(f, "reviewed: %04d-%02d-%02d\n", y, m, b[1] > 0 ? b[1] : last);
}

static void
write_front_matter(FILE *f, const struct agreement *a, int y0, int m0, int y1, int m1,
    int hy0, int hy1)
{
	int ey = y0, em = m0 - a->effective_months;
	char earlier[24];

	while (em < 1) {
		em += 12;
		ey--;
	}
	snprintf(earlier, sizeof earlier, "%04d-%02d-01", ey, em);
	/* Revised in July of the last year (see write_terms_over_time). */
	if (a == &agreements[AG_IT] && m1 >= 8 && (ey < y1 || em < 7)) {
		ey = y1;
		em = 7;
	} else
		earlier[0] = '\0';
	fprintf(f, "---\nid: %s\ntitle: \"%s\"\nkind: %s\nprovider: %s\ncustomer: %s\n",
		a->id, a->title, a->kind, a->provider, a->customer);
	if (a->supports)
		fprintf(f, "supports: %s\n", a->supports);
	fprintf(f, "effective: %04d-%02d-01\nreview: %s\ntimezone: %s\n", ey, em, a->review,
		a->zone == ZONE_BERLIN ? "Europe/Berlin" : "America/New_York");
	write_reviewed(f, a, y1, m1);
	/* The German agreement's pages and brochure are German in the English site. */
	if (a->lang == LANG_DE)
		fprintf(f, "locale: de\n");
	if (a->hours == NULL) {
		fprintf(f, "calendar: 24x7\n");
	} else {
		fprintf(f, "calendar:\n  hours: ");
		write_hours_yaml(f, a->hours, a->nhours);
		struct holiday hol[CAL_MAXHOL];
		int n = holidays_list(a->holset, hy0, hy1, hol, CAL_MAXHOL);
		if (a->holstyle == 1) {
			fprintf(f, "\n  holidays: [");
			for (int i = 0; i < n; i++) {
				int y, m, d;
				civil_from_days(hol[i].day, &y, &m, &d);
				fprintf(f, "%s%04d-%02d-%02d", i ? (i % 6 ? ", " : ",\n    ") : "", y, m, d);
			}
			fprintf(f, "]\n");
		} else {
			fprintf(f, "\n  holidays:\n");
			for (int i = 0; i < n; i++) {
				int y, m, d;
				civil_from_days(hol[i].day, &y, &m, &d);
				fprintf(f, "    - %04d-%02d-%02d  # %s\n", y, m, d,
					a->lang == LANG_DE ? hol[i].name_de : hol[i].name_en);
			}
		}
	}
	if (a->match)
		fprintf(f, "match: %s\n", a->match);
	fprintf(f, "severities:\n");
	for (int i = 0; i < a->nsev; i++) {
		const struct sevdef *s = &a->sev[i];
		fprintf(f, "  %s: {name: \"%s\"", s->key, s->name);
		if (s->response)
			fprintf(f, ", response: %s", s->response);
		fprintf(f, ", resolution: %s, goal: %d", s->resolution, s->goal);
		if (s->calkind == SEVCAL_24X7) {
			fprintf(f, ", calendar: 24x7");
		} else if (s->calkind == SEVCAL_HOURS) {
			fprintf(f, ",\n      calendar: {hours: ");
			write_hours_yaml(f, s->calhours, s->ncalhours);
			fprintf(f, "}");
		}
		fprintf(f, "}\n");
	}
	if (a->volume)
		fprintf(f, "volume: %s\n", a->volume);
	if (a->satisfaction)
		fprintf(f, "satisfaction: %s\n", a->satisfaction);
	if (a->credits) {
		const struct credits *c = a->credits;
		fprintf(f, "credits: {fee: %ld, currency: %s, tiers: [", c->fee, c->currency);
		for (int i = 0; i < c->ntiers; i++)
			fprintf(f, "%s{below: %d, percent: %d}", i ? ", " : "", c->below[i], c->percent[i]);
		fprintf(f, "]}\n");
	}
	write_terms_over_time(f, a, earlier, y1, m1);
	fprintf(f, "---\n");
}

/* Copies the body, replacing whole lines "@NAME@" by generated tables. */
static void
write_body(FILE *f, const struct agreement *a, int hy0, int hy1)
{
	const char *p = a->body;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len > 2 && p[0] == '@' && p[len - 1] == '@') {
			if (strncmp(p, "@SEVTABLE@", len) == 0)
				write_sevtable(f, a);
			else if (strncmp(p, "@HOLIDAYS@", len) == 0)
				write_holidays(f, a, hy0, hy1);
			else if (strncmp(p, "@CREDITS@", len) == 0)
				write_credits(f, a);
			else if (strncmp(p, "@OLABUDGETS@", len) == 0)
				write_ola_budgets(f);
		} else {
			fwrite(p, 1, len, f);
			fputc('\n', f);
		}
		p += len + (nl != NULL);
	}
}

/* The service review notes of the last month, commentary/YYYY-MM.md: the
 * month's text, then a section per agreement ("## <id>"). */
static int
write_commentary(const char *dir, int y, int m)
{
	char path[4096];
	FILE *f;
	int bad;

	snprintf(path, sizeof path, "%s/commentary", dir);
	if (mkdir(path, 0777) != 0 && errno != EEXIST)
		return -1;
	snprintf(path, sizeof path, "%s/commentary/%04d-%02d.md", dir, y, m);
	if ((f = fopen(path, "w")) == NULL)
		return -1;
	fprintf(f, "The month's service review took place on the 3rd working day. The "
		"service desk\nmoved to the new ticket form on the 12th; response times "
		"dipped for a week\nwhile the team got used to it.\n\n"
		"Improvement actions agreed:\n\n"
		"- Weekly look at the backlog of Normal items (owner: service desk lead).\n"
		"- A second shift lead for Saturdays from next month.\n\n"
		"## it-service-desk\n\n"
		"Two Critical breaches were caused by the same storage fault; the supplier's "
		"root\ncause analysis is due by the end of next month.\n\n"
		"## customer-onboarding\n\n"
		"The quarterly review is **overdue**: it moves to the first week of next "
		"month,\nwhen the new US team lead has started.\n\n"
		"## facility-sales\n\n"
		"Die Störungen der Klimaanlage im 3. Stock sind behoben; der Wartungsvertrag "
		"wird\nim nächsten Quartal neu ausgeschrieben.\n");
	bad = ferror(f);
	if (fclose(f) != 0 || bad) {
		if (errno == 0)
			errno = EIO;
		return -1;
	}
	return 0;
}

int
agreements_write(const char *dir, int y0, int m0, int ey, int em, int hy0, int hy1)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/site.yml", dir);
	if ((f = fopen(path, "w")) == NULL)
		return -1;
	fprintf(f, "# Site settings of the slareport demo (written by gen/slagen).\n"
		"title: \"Service Levels – Nordlicht Handels GmbH\"\n"
		"organisation: \"Nordlicht Handels GmbH\"\n"
		"timezone: Europe/Berlin\n"
		"locale: en\n"
		"page_size: A4\n"
		"# Team ids as agreements and events write them, and the names pages show.\n"
		"teams:\n"
		"  applications: Application Management\n"
		"  customer-service: Customer Service\n"
		"  facility: Facility Management\n"
		"  marketing: Marketing\n"
		"  network: Network Operations\n"
		"  sales: Sales\n"
		"  sales-us: Sales US\n"
		"  service-desk: IT Service Desk\n"
		"  systems: Systems Operations\n");
	if (fclose(f) != 0)
		return -1;
	for (int i = 0; i < AG_COUNT; i++) {
		const struct agreement *a = &agreements[i];
		snprintf(path, sizeof path, "%s/agreements/%s", dir, a->file);
		if ((f = fopen(path, "w")) == NULL)
			return -1;
		write_front_matter(f, a, y0, m0, ey, em, hy0, hy1);
		write_body(f, a, hy0, hy1);
		int bad = ferror(f);
		if (fclose(f) != 0 || bad) {
			if (errno == 0)
				errno = EIO;
			return -1;
		}
	}
	return write_commentary(dir, ey, em);
}
