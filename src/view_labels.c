/* view_labels.c: the labels the page templates show ("t.attainment"), in the
 * site's language where the i18n tables have them. */
#include "view_int.h"

#include <stdbool.h>
#include <string.h>
#include "i18n.h"

/* Labels of the templates: English here; other languages through the i18n
 * key beside each (templates/i18n/<lang>.json: the shared "site", "table",
 * "kpi"… messages where one fits, else "web.<key>"). A missing message, or one
 * with a %s placeholder, keeps the English. */
static const char *const label_table[][3] = {
	{ "agreement", "site.agreement", "Agreement" },
	{ "agreements", "site.agreements", "Agreements" },
	{ "kind", "web.kind", "Kind" },
	{ "provider", "site.provider", "Provider" },
	{ "customer", "site.customer", "Customer" },
	{ "status", "site.status", "Status" },
	{ "severity", "table.severity", "Severity" },
	{ "total", "common.total", "All severities" },
	{ "opened", "table.opened", "Opened" },
	{ "resolved", "table.resolved", "Resolved" },
	{ "backlog", "table.backlog", "Backlog" },
	{ "response", "table.response", "Response" },
	{ "resolution", "table.resolution", "Resolution" },
	{ "attainment", "table.attainment", "Attainment" },
	{ "goal", "table.goal", "Goal" },
	{ "met", "table.met", "Met" },
	{ "breached", "table.breached", "Breached" },
	{ "median", "table.median", "Median" },
	{ "p90", "table.p90", "90th percentile" },
	{ "n", "web.n", "n" },
	{ "change", "web.change", "Change vs. last month" },
	{ "goal_met", "site.status_met", "Goal met" },
	{ "goal_missed", "site.status_missed", "Goal missed" },
	{ "no_data", "web.no_data", "No data" },
	{ "home", "site.overview", "Overview" },
	{ "reports", "site.reports", "Monthly reports" },
	{ "teams", "site.teams", "Teams" },
	{ "team", "common.team", "Team" },
	{ "month_report", "site.report", "Management report" },
	{ "data_as_of", "web.data_as_of", "Data as of" },
	{ "issued", "web.issued", "Issued" },
	{ "fingerprint", "web.fingerprint", "Inputs fingerprint" },
	{ "downloads", "site.downloads", "Downloads" },
	{ "pdf", "web.pdf", "PDF" },
	{ "print_version", "web.print_version", "Printable PDF" },
	{ "kpis_json", "site.download_kpis", "KPIs (JSON)" },
	{ "kpis_csv", "site.download_csv", "KPIs (CSV)" },
	{ "breaches_csv", "web.breaches_csv", "Breaches (CSV)" },
	{ "period", "common.period", "Period" },
	{ "period_switch", "web.period_switch", "Choose a month" },
	{ "previous", "site.previous_month", "Previous month" },
	{ "next", "site.next_month", "Next month" },
	{ "breadcrumb", "web.breadcrumb", "Breadcrumb" },
	{ "service_levels", "site.service_levels", "Service levels" },
	{ "response_target", "table.response_target", "Response target" },
	{ "resolution_target", "table.resolution_target", "Resolution target" },
	{ "calendar", "site.calendar", "Calendar" },
	{ "hours", "web.hours", "Working hours" },
	{ "holidays", "web.holidays", "Holidays" },
	{ "no_holidays", "web.no_holidays", "None" },
	{ "timezone", "site.timezone", "Time zone" },
	{ "effective", "site.effective", "Effective" },
	{ "review", "site.review", "Review" },
	{ "next_review", "web.next_review", "Next review" },
	{ "commentary", "web.commentary", "Commentary" },
	{ "commentary_month", "web.commentary_month", "Commentary on the month" },
	{ "supports", "web.supports", "Underpins" },
	{ "supported_by", "site.supported_by", "Underpinned by" },
	{ "latest", "web.latest", "Latest figures" },
	{ "terms", "web.terms", "Further terms" },
	{ "how_we_measure", "web.how_we_measure", "How we measure" },
	{ "charts", "site.charts", "Charts" },
	{ "chart_data", "site.chart_data", "Data of the chart" },
	{ "breaches", "site.breaches", "Breaches" },
	{ "no_breaches", "web.no_breaches", "No breaches this month." },
	{ "breach_at", "table.at", "Breached at" },
	{ "clock", "table.clock", "Clock" },
	{ "item", "table.id", "Item" },
	{ "item_title", "table.title", "Title" },
	{ "timeline", "web.timeline", "Clock timeline" },
	{ "from", "web.from", "From" },
	{ "to", "web.to", "To" },
	{ "duration", "web.duration", "Duration" },
	{ "data_quality", "site.data_quality", "Data quality" },
	{ "events_read", "kpi.events_read", "Events read" },
	{ "events_skipped", "kpi.events_skipped", "Bad events skipped" },
	{ "events_duplicate", "kpi.events_duplicate", "Duplicate events" },
	{ "items_skipped", "kpi.items_skipped", "Items skipped" },
	{ "items_unassigned", "kpi.items_unassigned", "Items without agreement" },
	{ "problems", "kpi.problems", "Problems" },
	{ "problems_more", "web.problems_more", "further problems in kpis.json" },
	{ "file", "table.file", "File" },
	{ "line", "table.line", "Line" },
	{ "message", "table.message", "Message" },
	{ "quality_clean", "web.quality_clean", "No problems found in the input." },
	{ "month_details", "web.month_details", "Details" },
	{ "months", "web.months", "Months" },
	{ "role", "web.role", "Role" },
	{ "held_breaches", "web.held_breaches", "Breaches while the team held the item" },
	{ "summary_met", "web.summary_met", "goals met" },
	{ "summary_missed", "web.summary_missed", "goals missed" },
	{ "summary_nodata", "web.summary_nodata", "without data" },
	{ "agreement_text", "web.agreement_text", "Agreement text" },
	{ "day", "web.day", "Day" },
	{ "name", "table.name", "Name" },
	{ "value", "table.value", "Value" },
	{ "skip", "site.skip_to_content", "Skip to content" },
	{ "sla", "site.kind_sla", "SLA" },
	{ "ola", "site.kind_ola", "OLA" },
	{ "all_agreements", "web.all_agreements", "All agreements" },
	{ "generated_by", "web.generated_by", "Generated by slareport" },
	{ "kpi_table", "web.kpi_table", "Key figures" },
	{ "kpi_times", "web.kpi_times", "Business time" },
	{ "volume", "kpi.volume", "Volume" },
	{ "satisfaction", "kpi.satisfaction", "Satisfaction" },
	{ "credit", "kpi.credit", "Service credit" },
	{ "reopen_rate", "kpi.reopen_rate", "Reopen rate" },
	{ "mean_reassignments", "kpi.mean_reassignments", "Mean reassignments" },
	{ "status_at_glance", "site.status_at_a_glance", "Status at a glance" },
	{ "credits", "web.credits", "Credits" },
	{ "state_running", "web.state_running", "running" },
	{ "state_outside", "web.state_outside", "outside working hours" },
	{ "state_paused", "web.state_paused", "paused" },
	{ "state_ended", "web.state_ended", "not live" },
	{ "clock_response", "clock.response", "response" },
	{ "clock_resolution", "clock.resolution", "resolution" },
	{ "round_the_clock", "web.round_the_clock", "24×7, no holidays" },
	{ "own_calendar", "web.own_calendar", "own calendar" },
	{ "agreement_calendar", "web.agreement_calendar", "agreement calendar" },
	{ "day_length", "web.day_length", "Length of a day (d)" },
	{ "closed", "web.closed", "closed" },
	{ "budget", "table.budget", "Budget" },
	{ "contents", "web.contents", "On this page" },
	{ "site_nav", "web.site_nav", "Site" },
	{ "exclusions", "exclusions.title", "Exclusions" },
	{ "excl_kind", "exclusions.kind", "Kind" },
	{ "excl_what", "exclusions.what", "What" },
	{ "excl_reason", "exclusions.reason", "Reason" },
	{ "excl_items", "exclusions.items", "Items affected" },
	{ "excl_at", "exclusions.at", "Excluded at" },
	{ "excl_intro", "exclusions.intro", "Time and items that do not count." },
	{ "history", "history.title", "History of terms" },
	{ "terms_in_force", "history.in_force_label", "Terms in force" },
	{ "mtd_due_title", "mtd.due_title", "Due before the month ends" },
	{ "restated", "restate.title", "Restated" },
	{ "mtd_status", "mtd.status", "Status" },
	{ "rst_agreement", "restate.agreement", "Agreement" },
	{ "rst_field", "restate.field", "Figure" },
	{ "rst_was", "restate.was", "Was" },
	{ "rst_now", "restate.now", "Now" },
	{ "mtd_due_intro", "mtd.due_intro", "Clocks that breach before the month ends if nothing happens." },
	{ "mtd_due", "mtd.due", "Due" },
	{ "mtd_allowed_title", "mtd.allowed_title", "Breaches still allowed this month" },
	{ "mtd_allowed_intro", "mtd.allowed_intro", "How many more clocks may breach with the goal still met." },
};

const char *
vx_label(const struct view_ctx *v, const char *key)
{
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(v->labels, key);

	return cJSON_IsString(s) ? s->valuestring : key;
}

cJSON *
vx_make_labels(const struct i18n *loc)
{
	cJSON *o = cJSON_CreateObject();
	size_t i;

	for (i = 0; i < sizeof label_table / sizeof *label_table; i++) {
		const char *key = label_table[i][1];
		const char *t = loc != NULL ? i18n_text(loc, key) : key;
		bool usable = strcmp(t, key) != 0 && strchr(t, '%') == NULL;
		cJSON_AddStringToObject(o, label_table[i][0], usable ? t : label_table[i][2]);
	}
	return o;
}
