/* slagen_names.h: word lists of the generator (services, titles, companies, notes). */
#ifndef SLAGEN_NAMES_H
#define SLAGEN_NAMES_H

#include "slagen.h"

struct service {
	const char *name;
	int weight;
	int team;	/* IT: the OLA agreement (AG_NET …) whose team usually fixes it */
	const char *const *titles;
	int ntitles;
};

/* IT services of the service desk with their titles; n_it_services entries. */
extern const struct service it_services[];
extern const int n_it_services;
/* Titles of the tickets raised during the CRM outage day. */
extern const char *const crm_outage_titles[];
extern const int n_crm_outage_titles;
/* Facility categories with German titles. */
extern const struct service fac_services[];
extern const int n_fac_services;
/* Lead companies, product interests, sources (with weights). */
extern const char *const lead_companies[];
extern const int n_lead_companies;
extern const char *const lead_interests[];
extern const int n_lead_interests;
extern const char *const lead_sources[];
extern const int lead_source_w[];
/* US customers of the onboarding agreement. */
extern const char *const us_companies[];
extern const int n_us_companies;
/* Free-text notes per item type. */
extern const char *const it_notes[];
extern const int n_it_notes;
extern const char *const lead_notes[];
extern const int n_lead_notes;
extern const char *const fac_notes[];
extern const int n_fac_notes;

#endif
