/* maintenance.c: maintenance windows — read from front matter, cut out of compiled calendars. */
#include "maintenance.h"

#include <stdlib.h>
#include <string.h>
#include "civil.h"
#include "tz.h"
#include "util.h"

#define ERR(c, at, kp, ...) yamlnode_report(c, DIAG_ERROR, at, kp, __VA_ARGS__)

/* Instant of a window bound: RFC 3339 with an offset, or a wall-clock reading
 * in the agreement's zone ("2026-10-03 22:00"), read as SPEC §5 reads them. */
static bool
bound(struct yamlcheck *c, const struct yamlnode *map, const char *kp, const char *key,
    const struct tz *zone, sla_time *out)
{
	const struct yamlnode *v = yamlnode_scalar(c, map, kp, key, true,
	    "a time such as \"2026-10-03 22:00\"");
	struct civil_stamp st;
	const char *why;
	char *kk;

	if (v == NULL)
		return false;
	if ((why = civil_parse_stamp(v->text, v->len, &st)) != NULL) {
		kk = yamlnode_path(kp, key);
		ERR(c, v, kk, "%s is not a time (\"2026-10-03 22:00\" in the agreement's "
		    "zone, or RFC 3339): %s", yamlnode_show(c, v), why);
		free(kk);
		return false;
	}
	*out = st.has_offset ? st.local - st.offset_s :
	    zone != NULL ? tz_local_to_utc(zone, st.local) : st.local;
	return true;
}

static int
severity_index(const struct agreement *a, const char *key)
{
	int i;

	for (i = 0; i < a->nseverities; i++)
		if (strcmp(a->severities[i].key, key) == 0)
			return i;
	return -1;
}

/* The severities list of a window: keys as the agreement names them. */
static bool
severities(struct yamlcheck *c, const struct yamlnode *map, const char *kp,
    const struct agreement *a, bool **out)
{
	const struct yamlnode *v = yamlnode_field(c, map, kp, "severities", false);
	char *kk;
	bool ok = true;
	size_t i;

	*out = NULL;
	if (v == NULL)
		return true;	/* every severity */
	kk = yamlnode_path(kp, "severities");
	if (v->type != YAMLNODE_SEQUENCE || v->n == 0) {
		ERR(c, v, kk, "expected a list of severity keys such as [3, 4], got %s",
		    v->type == YAMLNODE_SEQUENCE ? "an empty list" : yamlnode_show(c, v));
		free(kk);
		return false;
	}
	*out = xcalloc((size_t)a->nseverities + 1, sizeof **out);
	for (i = 0; i < v->n; i++) {
		const struct yamlnode *s = v->items[i];
		int k = s->type == YAMLNODE_SCALAR ? severity_index(a, s->text) : -1;
		if (k < 0) {
			ERR(c, s, kk, "%s is not a severity of this agreement",
			    yamlnode_show(c, s));
			ok = false;
		} else
			(*out)[k] = true;
	}
	free(kk);
	if (!ok) {
		free(*out);
		*out = NULL;
	}
	return ok;
}

void
maintenance_parse(struct yamlcheck *c, const struct yamlnode *v, struct agreement *a)
{
	static const char *const keys[] = { "from", "to", "reason", "severities", NULL };
	size_t i;

	if (v->type != YAMLNODE_SEQUENCE) {
		ERR(c, v, "maintenance", "expected a list such as [{from: \"2026-10-03 "
		    "22:00\", to: \"2026-10-04 02:00\", reason: \"Core switch upgrade\"}], "
		    "got %s", yamlnode_show(c, v));
		return;
	}
	a->maintenance = xcalloc(v->n + 1, sizeof *a->maintenance);
	for (i = 0; i < v->n; i++) {
		const struct yamlnode *w = v->items[i];
		struct maintenance_window *mw = &a->maintenance[a->nmaintenance];
		char *kp = xasprintf("maintenance[%zu]", i);
		bool ok;

		if (w->type != YAMLNODE_MAPPING) {
			ERR(c, w, kp, "expected a mapping such as {from: \"2026-10-03 22:00\", "
			    "to: \"2026-10-04 02:00\", reason: \"Core switch upgrade\"}, got %s",
			    yamlnode_show(c, w));
			free(kp);
			continue;
		}
		yamlnode_check_keys(c, w, kp, keys);
		memset(mw, 0, sizeof *mw);
		mw->line = w->line;
		mw->col = w->col;
		ok = bound(c, w, kp, "from", a->zone, &mw->from);
		ok = bound(c, w, kp, "to", a->zone, &mw->to) && ok;
		if (ok && mw->from >= mw->to) {
			char *kk = yamlnode_path(kp, "to");
			ERR(c, yamlnode_get(w, "to"), kk, "the window must end after it "
			    "starts (from %s)", yamlnode_show(c, yamlnode_get(w, "from")));
			free(kk);
			ok = false;
		}
		/* Nothing is excluded without its reason (SPEC §8). */
		mw->reason = yamlnode_string(c, w, kp, "reason", true);
		if (mw->reason != NULL && mw->reason[0] == '\0') {
			char *kk = yamlnode_path(kp, "reason");
			ERR(c, yamlnode_get(w, "reason"), kk, "empty: say why the window "
			    "does not count");
			free(kk);
			free(mw->reason);
			mw->reason = NULL;
		}
		ok = mw->reason != NULL && ok;
		ok = severities(c, w, kp, a, &mw->applies) && ok;
		if (ok)
			a->nmaintenance++;
		else {
			free(mw->reason);
			free(mw->applies);
			memset(mw, 0, sizeof *mw);
		}
		free(kp);
	}
}

bool
maintenance_applies(const struct maintenance_window *w, int sev)
{
	return w->applies == NULL || (sev >= 0 && w->applies[sev]);
}

bool
maintenance_per_severity(const struct agreement *a)
{
	int i;

	for (i = 0; i < a->nmaintenance; i++)
		if (a->maintenance[i].applies != NULL)
			return true;
	return false;
}

void
maintenance_subtract(struct calendar *c, const struct agreement *a, int sev)
{
	int i;

	for (i = 0; i < a->nmaintenance; i++) {
		const struct maintenance_window *w = &a->maintenance[i];
		if (sev < 0 ? w->applies == NULL : maintenance_applies(w, sev))
			calendar_subtract(c, w->from, w->to);
	}
}
