/* restate.h: a build into an OUT that holds an earlier publication compares
 * the two (SPEC §8 Restatements): the ended months whose figures changed, the
 * ledger data/restatements.json carried over, --frozen-until. */
#ifndef SLAREPORT_RESTATE_H
#define SLAREPORT_RESTATE_H

#include <stdbool.h>
#include <stddef.h>
#include "inputs.h"

struct cJSON;

/* The earlier publication in OUT, read once: its inputs list, its kpis.json
 * tree and its ledger. */
struct earlier {
	struct inputs *inputs;		/* NULL: OUT holds no (readable) publication */
	struct cJSON *kpis;		/* its kpis.json as a tree (tests), or NULL */
	char *kpis_text;		/* its kpis.json as read (restate_load): parsed
					   by restate_compare into an arena */
	size_t kpis_len;
	struct cJSON *ledger;		/* array of entries, never NULL */
};

/* Reads OUT/data/inputs.json, OUT/data/kpis.json and OUT/data/restatements.json;
 * a missing or unreadable file leaves its part empty (an OUT without inputs.json
 * or kpis.json is not compared). Never NULL. */
struct earlier *restate_load(const char *out);
void restate_earlier_free(struct earlier *e);

/* The ledger entries of this publication: for every agreement and month in
 * both trees whose month ended no later than the earlier publication's
 * data-as-of, one entry per field that differs: {published, period, agreement,
 * field, was, now, causes}. causes lists the inputs added, removed or changed.
 * Appends them to the array out; returns their number. */
size_t restate_compare(const struct earlier *before, const struct cJSON *now_kpis,
    const struct inputs *now, struct cJSON *out);

/* The same comparison with OUT read and its kpis.json parsed on a thread of
 * its own while the caller builds this publication's tree (the parse is most
 * of the cost). restate_end hands the tree over, waits, appends the entries
 * to out as restate_compare does and returns the earlier publication (the
 * caller frees it). out must stay valid from begin to end. */
struct restate_job;
struct restate_job *restate_begin(const char *out);
struct earlier *restate_end(struct restate_job *job, const struct cJSON *now_kpis,
    const struct inputs *now, struct cJSON *out);

/* A copy of the JSON text (len bytes, not NUL-terminated) with every array
 * under a "breaches" key replaced by an array of strings "id clock", one per
 * breach: what the comparison reads of them (restate_skim.c). Sets *out_len;
 * the caller frees. */
char *restate_skim_breaches(const char *text, size_t len, size_t *out_len);

/* The ledger of this publication: the earlier one's entries as they were
 * (taken out of e), then entries (consumed). */
struct cJSON *restate_ledger(struct earlier *e, struct cJSON *entries);

/* The entries of out whose period is frozen_ym or earlier. */
size_t restate_frozen(const struct cJSON *entries, int frozen_ym);

/* One line for stderr: "2026-09 it-service-desk total.resolution.met: 40 -> 41
 * (events/x.json changed)"; the caller frees. */
char *restate_entry_text(const struct cJSON *entry);

#endif
