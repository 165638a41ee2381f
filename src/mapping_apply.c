/* mapping_apply.c: records of foreign exports turned into events, per SPEC §3 (events and snapshots modes). */
#define _XOPEN_SOURCE 700	/* strptime */
#include "mapping.h"

#include <cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "events.h"
#include "tz.h"

/*
 * Events mode: each record becomes one canonical JSON object handed to
 * events_add_json, so mapped events are checked exactly like native ones.
 * Snapshots mode: each record becomes a compact struct snap; when every file
 * has been read they are sorted by (id, at, input order) and compared one with
 * the next to emit the events of SPEC §3. Records are never kept as trees.
 */

#define MAX_NEST (MAPPING_MAX_EACH + 1)	/* a record and its nested `each` levels */

/* String fields a snapshot carries forward; index = enum snapf. */
enum snapf { SF_TEAM, SF_SEVERITY, SF_AGREEMENT, SF_REQUESTER, SF_SERVICE, SF_KIND,
	SF_TITLE, SF__COUNT };
static const enum mapping_field_id snapf_field[SF__COUNT] = { MF_TEAM, MF_SEVERITY,
	MF_AGREEMENT, MF_REQUESTER, MF_SERVICE, MF_KIND, MF_TITLE };

struct snap {
	const struct mapping *mp;	/* that read it */
	sla_time at, opened_at;
	uint32_t item, seq, file, line, col;
	uint32_t where;			/* strtab id of its JSON Pointer, 0 = none */
	uint32_t v[SF__COUNT];		/* strtab ids, 0 = not in this snapshot */
	uint32_t before[SF__COUNT];	/* the value before this change, 0 = unknown */
	double value;			/* NAN when absent */
	int8_t state;			/* enum mapping_state, -1 = not given */
	int8_t state_before;
	bool has_opened_at;
};

/* Where a value missing from a map was first seen, for its warning. */
struct first_seen {
	uint32_t mapping;		/* strtab ids: mapping name, */
	uint32_t where;			/* JSON Pointer of the record (0: none) */
	int col;
};

struct mapping_run {
	struct model *m;
	struct snap *snaps;
	size_t nsnaps, capsnaps;
	size_t capunmapped, capumap;
	struct first_seen *umap;	/* of each m->unmapped entry */
	uint32_t seq;
	/* The record being read. */
	const struct mapping *mp;
	const char *relpath;
	uint32_t file;
	int line, col;
	struct strbuf where;		/* its JSON Pointer */
	const cJSON *stack[MAX_NEST];	/* it and its parents, outermost first */
	int depth;
};

struct mapping_run *
mapping_run_new(struct model *m)
{
	struct mapping_run *r = xcalloc(1, sizeof *r);

	r->m = m;
	return r;
}

static uint32_t
intern(struct model *m, const char *s)
{
	return strtab_intern(m->strings, s, strlen(s));
}

/* Records a problem of the current record: file:line:col, "pointer: message". */
static void PRINTF_LIKE(3, 4)
report(struct mapping_run *r, enum diag_level lvl, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (r->where.len > 0)
		diag_add(r->m->diag, lvl, r->relpath, r->line, r->col, "%s: %s",
		    r->where.data, msg);
	else
		diag_add(r->m->diag, lvl, r->relpath, r->line, r->col, "%s", msg);
	free(msg);
}

static void
count_bad(struct mapping_run *r)
{
	r->m->quality.events_read++;
	r->m->quality.events_skipped++;
}

/* A scalar as text for `map` and `when` ("3", "true"), or NULL for containers. */
static const char *
text_of(const cJSON *v, char *buf, size_t size)
{
	if (cJSON_IsString(v))
		return v->valuestring;
	if (cJSON_IsNumber(v) && isfinite(v->valuedouble)) {
		double d = v->valuedouble;
		if (d == floor(d) && fabs(d) < 9007199254740992.0)
			snprintf(buf, size, "%.0f", d);
		else
			snprintf(buf, size, "%.17g", d);
		return buf;
	}
	if (cJSON_IsBool(v))
		return cJSON_IsTrue(v) ? "true" : "false";
	if (cJSON_IsNull(v))
		return "null";
	return NULL;
}

static void
note_unmapped(struct mapping_run *r, enum mapping_field_id f, const char *value)
{
	struct model *m = r->m;
	uint32_t field = intern(m, mapping_field_name(f)), val = intern(m, value);
	size_t i;
	void *p;

	/* Few distinct values miss a map; newest first finds repeats fast. */
	for (i = m->nunmapped; i-- > 0;) {
		struct unmapped_value *u = &m->unmapped[i];
		if (u->value == val && u->field == field && u->file == r->file) {
			u->count++;
			return;
		}
	}
	p = m->unmapped;
	xgrow(&p, &r->capunmapped, m->nunmapped + 1, sizeof *m->unmapped);
	m->unmapped = p;
	p = r->umap;
	xgrow(&p, &r->capumap, m->nunmapped + 1, sizeof *r->umap);
	r->umap = p;
	r->umap[m->nunmapped].mapping = intern(m, r->mp->name);
	r->umap[m->nunmapped].where = r->where.len > 0 ? intern(m, r->where.data) : 0;
	r->umap[m->nunmapped].col = r->col;
	m->unmapped[m->nunmapped++] = (struct unmapped_value){ r->file, field, val,
		(uint32_t)r->line, 1 };
}

/* Whether every `when` condition of mf holds for the record on the stack. */
static bool
when_holds(struct mapping_run *r, const struct mapping_field *mf)
{
	const cJSON *v;
	const char *key;
	char buf[64];
	char **w;
	size_t i;

	for (i = 0; i < mf->nwhen; i++) {
		v = jsonptr_eval(&mf->when_path[i], r->stack, r->depth);
		if (v == NULL || (key = text_of(v, buf, sizeof buf)) == NULL)
			return false;
		for (w = mf->when_values[i]; *w != NULL && strcmp(*w, key) != 0; w++)
			;
		if (*w == NULL)
			return false;
	}
	return true;
}

/* v through the field's `map` and `default`. */
static const cJSON *
through_map(struct mapping_run *r, const struct mapping_field *mf, enum mapping_field_id f,
    const cJSON *v)
{
	const char *key;
	char buf[64];
	size_t i;

	/* ServiceNow's Table API gives "" for an empty field, where others
	 * give null or nothing. */
	if (v == NULL || cJSON_IsNull(v) || (cJSON_IsString(v) && v->valuestring[0] == '\0'))
		return mf->dflt;
	if (mf->nmap == 0 || (key = text_of(v, buf, sizeof buf)) == NULL)
		return v;
	for (i = 0; i < mf->nmap; i++)
		if (strcmp(mf->map_keys[i], key) == 0)
			return mf->map_values[i];
	note_unmapped(r, f, key);
	return mf->dflt != NULL ? mf->dflt : v;
}

/* The value of field f for the record on the stack (borrowed), or NULL when
 * it has none: nothing unless `when` holds; then `const`, or the pointer's
 * value through `map`, or `default` where that is absent or null. A value
 * missing from the map is counted and becomes the default, or stays as it is.
 * Of a list of alternatives, the first that gives something. */
static const cJSON *
field_value(struct mapping_run *r, const struct mapping_field *mf, enum mapping_field_id f,
    const struct mapping_field **src)
{
	const cJSON *v;
	size_t i;

	if (!mf->used)
		return NULL;
	if (mf->nalt > 0) {
		for (i = 0; i < mf->nalt; i++)
			if ((v = field_value(r, &mf->alt[i], f, src)) != NULL)
				return v;
		return NULL;
	}
	if (!when_holds(r, mf))
		return NULL;
	if (src != NULL)
		*src = mf;
	if (mf->konst != NULL)
		return mf->konst;
	v = jsonptr_eval(&mf->path, r->stack, r->depth);
	if (v == NULL && mf->if_present)
		return NULL;		/* not named here: unchanged, no default */
	return through_map(r, mf, f, v);
}

/* The value the field had before the record's change (`before`), or NULL. */
static const cJSON *
before_value(struct mapping_run *r, const struct mapping_field *mf, enum mapping_field_id f)
{
	const cJSON *v;
	size_t i;

	for (i = 0; i < mf->nalt; i++)
		if ((v = before_value(r, &mf->alt[i], f)) != NULL)
			return v;
	if (!mf->has_before || !when_holds(r, mf))
		return NULL;
	return through_map(r, mf, f, jsonptr_eval(&mf->before, r->stack, r->depth));
}

static const char *
json_type_name(const cJSON *v)
{
	if (cJSON_IsString(v)) return "a string";
	if (cJSON_IsNumber(v)) return "a number";
	if (cJSON_IsBool(v)) return "a boolean";
	if (cJSON_IsArray(v)) return "an array";
	if (cJSON_IsObject(v)) return "an object";
	return "null";
}

static const char *
check_range(sla_time t)
{
	static const int64_t lo = 0, hi = 84006 * 86400LL;	/* 2200-01-01 */

	return t < lo || t >= hi ? "outside the years 1970 to 2199" : NULL;
}

/* A wall-clock reading without offset: the field's zone, else site.yml's. */
static sla_time
from_local(struct mapping_run *r, const struct mapping_field *mf, sla_time local)
{
	if (mf->has_zone)
		return tz_local_to_utc(mf->zone, local);
	if (r->m->site.zone != NULL)
		return tz_local_to_utc(r->m->site.zone, local);
	return local;
}

static const char *
parse_strftime(struct mapping_run *r, const struct mapping_field *mf, const char *s,
    sla_time *out)
{
	struct tm tm;
	const char *end;
	sla_time t;

	memset(&tm, 0, sizeof tm);
	tm.tm_mday = 1;
	end = strptime(s, mf->strftime, &tm);
	if (end == NULL || *end != '\0')
		return "does not match the format";
	if (tm.tm_year + 1900 < CIVIL_MIN_YEAR || tm.tm_year + 1900 > CIVIL_MAX_YEAR)
		return "outside the years 1970 to 2199";
	if (tm.tm_mday > civil_days_in_month(tm.tm_year + 1900, tm.tm_mon + 1))
		return "no such day in that month";
	t = civil_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) * 86400 +
	    tm.tm_hour * 3600 + tm.tm_min * 60 + (tm.tm_sec > 59 ? 59 : tm.tm_sec);
	/* glibc's strptime fills tm_gmtoff from %z; nothing else sets it. */
	if (strstr(mf->strftime, "%z") != NULL)
		*out = t - tm.tm_gmtoff;
	else
		*out = from_local(r, mf, t);
	return NULL;
}

/* The instant v holds, read by the field's format; NULL or why not. */
static const char *
parse_time(struct mapping_run *r, const struct mapping_field *mf, const cJSON *v,
    sla_time *out)
{
	struct civil_stamp st;
	const char *why;
	double d;
	char *end;

	if (mf->time == MT_EPOCH || mf->time == MT_EPOCH_MS) {
		if (cJSON_IsNumber(v))
			d = v->valuedouble;
		else if (cJSON_IsString(v)) {
			d = strtod(v->valuestring, &end);
			if (end == v->valuestring || *end != '\0')
				return "expected a number of seconds since 1970";
		} else
			return "expected a number of seconds since 1970";
		if (!isfinite(d))
			return "expected a number of seconds since 1970";
		if (mf->time == MT_EPOCH_MS)
			d /= 1000;
		if (d < 0 || d >= 84006 * 86400.0)
			return "outside the years 1970 to 2199";
		*out = (sla_time)floor(d);
		return NULL;
	}
	if (!cJSON_IsString(v))
		return "expected a timestamp string";
	if (mf->time == MT_STRFTIME)
		return parse_strftime(r, mf, v->valuestring, out);
	if ((why = civil_parse_stamp(v->valuestring, strlen(v->valuestring), &st)) != NULL)
		return why;
	*out = st.has_offset ? st.local - st.offset_s : from_local(r, mf, st.local);
	return check_range(*out);
}

/* Reads field f as an instant into *out; false (reported) when it is wrong. */
static bool
time_field(struct mapping_run *r, const struct mapping_field *spec,
    enum mapping_field_id f, const cJSON *v, sla_time *out)
{
	const char *why = parse_time(r, spec, v, out);
	char buf[64];
	const char *shown = text_of(v, buf, sizeof buf);

	if (why == NULL)
		return true;
	report(r, DIAG_ERROR, "%s: %s%s%s is not a timestamp: %s", mapping_field_name(f),
	    shown != NULL && cJSON_IsString(v) ? "\"" : "", shown != NULL ? shown :
	    json_type_name(v), shown != NULL && cJSON_IsString(v) ? "\"" : "", why);
	return false;
}

/* ---- events mode ---- */

static void
emit_event(struct mapping_run *r, const struct mapping_field *fields)
{
	struct model *m = r->m;
	cJSON *obj;
	const cJSON *v, *type;
	const struct mapping_field *src = NULL;
	struct diag *saved = NULL;
	char stamp[21];
	sla_time at;
	int f;

	type = field_value(r, &fields[MF_TYPE], MF_TYPE, NULL);
	if (cJSON_IsNull(type))
		return;			/* mapped to null: not an event */
	obj = cJSON_CreateObject();
	for (f = 0; f < MF__COUNT; f++) {
		if (f == MF_STATE || f == MF_OPENED_AT)
			continue;
		v = f == MF_TYPE ? type : field_value(r, &fields[f], (enum mapping_field_id)f, &src);
		if (v == NULL || cJSON_IsNull(v))
			continue;
		if (f == MF_AT) {
			if (!time_field(r, src, MF_AT, v, &at)) {
				count_bad(r);
				cJSON_Delete(obj);
				return;
			}
			civil_format_utc(at, stamp);
			cJSON_AddStringToObject(obj, "at", stamp);
		} else
			cJSON_AddItemReferenceToObject(obj, mapping_field_name(f), (cJSON *)v);
	}
	/* events_add_json names the record by file:line:col; the pointer of a
	 * record inside a JSON document goes in front of its messages. */
	if (r->where.len > 0) {
		saved = m->diag;
		m->diag = diag_new();
	}
	events_add_json(m, obj, r->file, r->relpath, r->line, r->col);
	if (saved != NULL) {
		size_t i;
		for (i = 0; i < diag_len(m->diag); i++) {
			const struct diag_entry *e = diag_get(m->diag, i);
			diag_add(saved, e->level, e->file, e->line, e->col, "%s: %s",
			    r->where.data, e->message);
		}
		diag_free(m->diag);
		m->diag = saved;
	}
	cJSON_Delete(obj);
}

/* ---- snapshots mode ---- */

static int
state_of(const char *s)
{
	int i;

	for (i = MS_OPEN; i <= MS_CLOSED; i++)
		if (strcmp(s, mapping_state_name((enum mapping_state)i)) == 0)
			return i;
	return -1;
}

/* Reads the current record's fields into sn, over what earlier elements of
 * the same update put there. Returns false (reported, counted) when the
 * record cannot be a snapshot. */
static bool
fill_snap(struct mapping_run *r, const struct mapping_field *fields, struct snap *sn)
{
	const cJSON *v;
	const struct mapping_field *src = NULL;
	const char *s;
	char buf[64];
	int i, st;

	r->m->quality.events_read++;
	v = field_value(r, &fields[MF_ID], MF_ID, NULL);
	if (v == NULL || (s = text_of(v, buf, sizeof buf)) == NULL || cJSON_IsNull(v) ||
	    cJSON_IsBool(v) || *s == '\0') {
		if (v == NULL || cJSON_IsNull(v))
			report(r, DIAG_ERROR, "no \"id\"; the record is skipped");
		else
			report(r, DIAG_ERROR, "id: expected a non-empty string or a "
			    "number, got %s; the record is skipped", json_type_name(v));
		goto bad;
	}
	sn->item = intern(r->m, s);
	if ((v = field_value(r, &fields[MF_AT], MF_AT, &src)) == NULL || cJSON_IsNull(v)) {
		report(r, DIAG_ERROR, "no \"at\"; the record is skipped");
		goto bad;
	}
	if (!time_field(r, src, MF_AT, v, &sn->at))
		goto bad;
	if ((v = field_value(r, &fields[MF_OPENED_AT], MF_OPENED_AT, &src)) != NULL &&
	    !cJSON_IsNull(v)) {
		if (time_field(r, src, MF_OPENED_AT, v, &sn->opened_at))
			sn->has_opened_at = true;
	}
	if ((v = field_value(r, &fields[MF_STATE], MF_STATE, &src)) != NULL && !cJSON_IsNull(v)) {
		s = text_of(v, buf, sizeof buf);
		if (s != NULL && (st = state_of(s)) >= 0)
			sn->state = (int8_t)st;
		else if (s != NULL && src->nmap == 0)
			note_unmapped(r, MF_STATE, s);	/* no map: must be a state */
		else if (s == NULL)
			report(r, DIAG_WARNING, "state: expected a string, got %s; "
			    "the field is ignored", json_type_name(v));
	}
	if ((v = before_value(r, &fields[MF_STATE], MF_STATE)) != NULL &&
	    (s = text_of(v, buf, sizeof buf)) != NULL && (st = state_of(s)) >= 0)
		sn->state_before = (int8_t)st;
	for (i = 0; i < SF__COUNT; i++) {
		enum mapping_field_id f = snapf_field[i];
		if ((v = before_value(r, &fields[f], f)) != NULL &&
		    (s = text_of(v, buf, sizeof buf)) != NULL && *s != '\0' && !cJSON_IsNull(v))
			sn->before[i] = intern(r->m, s);
		v = field_value(r, &fields[f], f, NULL);
		if (v == NULL || cJSON_IsNull(v))
			continue;
		if ((s = text_of(v, buf, sizeof buf)) == NULL || *s == '\0' ||
		    (f == MF_SEVERITY && cJSON_IsNumber(v) &&
		    v->valuedouble != floor(v->valuedouble))) {
			report(r, DIAG_WARNING, "%s: expected a %s, got %s; the field "
			    "is ignored", mapping_field_name(f), f == MF_SEVERITY ?
			    "severity (an integer or a name)" : "string",
			    s != NULL && *s == '\0' ? "an empty string" : json_type_name(v));
			continue;
		}
		sn->v[i] = intern(r->m, s);
	}
	if ((v = field_value(r, &fields[MF_VALUE], MF_VALUE, NULL)) != NULL && !cJSON_IsNull(v)) {
		if (cJSON_IsNumber(v) && isfinite(v->valuedouble))
			sn->value = v->valuedouble;
		else
			report(r, DIAG_WARNING, "value: expected a number, got %s; the "
			    "field is ignored", json_type_name(v));
	}
	return true;
bad:
	r->m->quality.events_skipped++;
	return false;
}

static void
snap_init(struct mapping_run *r, struct snap *sn)
{
	memset(sn, 0, sizeof *sn);
	sn->state = -1;
	sn->state_before = -1;
	sn->value = NAN;
	sn->file = r->file;
	sn->line = (uint32_t)r->line;
	sn->col = (uint32_t)r->col;
	sn->where = r->where.len > 0 ? intern(r->m, r->where.data) : 0;
	sn->mp = r->mp;
}

static void
push_snap(struct mapping_run *r, struct snap *sn)
{
	void *p = r->snaps;

	xgrow(&p, &r->capsnaps, r->nsnaps + 1, sizeof *r->snaps);
	r->snaps = p;
	sn->seq = r->seq++;
	r->snaps[r->nsnaps++] = *sn;
}

/* One record (or element) that is a whole event or snapshot by itself. */
static void
apply_one(struct mapping_run *r, const struct mapping_field *fields)
{
	struct snap sn;

	if (r->mp->mode == MAPPING_EVENTS) {
		emit_event(r, fields);
		return;
	}
	snap_init(r, &sn);
	if (fill_snap(r, fields, &sn))
		push_snap(r, &sn);
}

/* Descends into the `each` array of level below the record on the stack. The
 * elements of the innermost array are records; in snapshots mode they are
 * one update together (a Zendesk ticket event's child events, a Jira history's items), so
 * they merge into one snapshot. */
static void
descend(struct mapping_run *r, int level)
{
	const struct jsonptr *ep = &r->mp->each[level];
	const cJSON *arr = jsonptr_eval(ep, r->stack, r->depth), *el;
	size_t base = r->where.len, i = 0;
	bool last = level + 1 == r->mp->neach, merge, any = false;
	struct snap sn;
	int t;

	if (arr == NULL || cJSON_IsNull(arr))
		return;			/* nothing happened to this record */
	if (!cJSON_IsArray(arr)) {
		report(r, DIAG_ERROR, "each: expected an array, got %s",
		    json_type_name(arr));
		count_bad(r);
		return;
	}
	merge = last && r->mp->mode == MAPPING_SNAPSHOTS;
	if (merge)
		snap_init(r, &sn);
	for (el = arr->child; el != NULL; el = el->next, i++) {
		for (t = 0; t < ep->ntok; t++)
			jsonptr_append(&r->where, ep->tok[t]);
		jsonptr_append_index(&r->where, i);
		r->stack[r->depth++] = el;
		if (!last)
			descend(r, level + 1);
		else if (!merge)
			apply_one(r, r->mp->fields);
		else if (fill_snap(r, r->mp->fields, &sn))
			any = true;
		r->depth--;
		r->where.len = base;
		r->where.data[base] = '\0';
	}
	if (any)
		push_snap(r, &sn);
}

static void
on_record(void *ctx, const cJSON *rec, int line, int col, const char *ptr)
{
	struct mapping_run *r = ctx;

	r->line = line;
	r->col = col;
	r->where.len = 0;
	strbuf_puts(&r->where, ptr);
	r->stack[0] = rec;
	r->depth = 1;
	if (r->mp->neach == 0) {
		apply_one(r, r->mp->fields);
		return;
	}
	if (r->mp->has_record)
		apply_one(r, r->mp->record);
	descend(r, 0);
}

int
mapping_run_file(struct mapping_run *r, const struct mapping *mp, const char *relpath,
    const char *fullpath)
{
	int rc;

	r->mp = mp;
	r->relpath = relpath;
	r->file = intern(r->m, relpath);
	rc = events_stream_file(r->m, relpath, fullpath, mp->records, on_record, r);
	r->mp = NULL;
	return rc;
}

/* ---- from snapshots to events ---- */

static int
cmp_snap(const void *pa, const void *pb)
{
	const struct snap *a = pa, *b = pb;

	if (a->item != b->item)
		return a->item < b->item ? -1 : 1;
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void
add_event(struct model *m, const struct snap *sn, sla_time at, enum event_type t,
    const uint32_t *cur)
{
	struct event e;

	memset(&e, 0, sizeof e);
	e.at = at;
	e.item = sn->item;
	e.type = (uint8_t)t;
	e.file = sn->file;
	e.line = sn->line;
	e.num = NAN;
	if (t == EVENT_OPENED || t == EVENT_ASSIGNED)
		e.team = cur[SF_TEAM];
	if (t == EVENT_OPENED || t == EVENT_SEVERITY_CHANGED)
		e.severity = cur[SF_SEVERITY];
	if (t == EVENT_OPENED) {
		e.agreement = cur[SF_AGREEMENT];
		e.requester = cur[SF_REQUESTER];
		e.service = cur[SF_SERVICE];
		e.kind = cur[SF_KIND];
		e.title = cur[SF_TITLE];
		e.num = sn->value;
	}
	model_add_event(m, &e);
}

/* The events of a change of state (SPEC §3); a reopened item that is now
 * waiting is also paused. */
static void
add_transition(struct model *m, const struct snap *sn, int from, int to,
    const uint32_t *cur)
{
	if (from == to)
		return;
	if (to == MS_RESOLVED)
		add_event(m, sn, sn->at, EVENT_RESOLVED, cur);
	else if (to == MS_CLOSED)
		add_event(m, sn, sn->at, EVENT_CLOSED, cur);
	else if (from == MS_RESOLVED || from == MS_CLOSED) {
		add_event(m, sn, sn->at, EVENT_REOPENED, cur);
		if (to == MS_PAUSED)
			add_event(m, sn, sn->at, EVENT_PAUSED, cur);
	} else
		add_event(m, sn, sn->at, to == MS_PAUSED ? EVENT_PAUSED : EVENT_RESUMED, cur);
}

/* The end of the group of snapshots that starts at s[k]: those of the same
 * instant. They are one state change (an update recorded as several rows in
 * one second or minute), so events compare the state before the group with
 * the state after its last record, in input order. */
static size_t
same_instant_end(const struct snap *s, size_t k, size_t n)
{
	size_t e = k + 1;

	while (e < n && s[e].at == s[k].at)
		e++;
	return e;
}

/* Applies s[a..b) in order to the values cur and the state *state (-1: not
 * given): later records win, a record that does not give a field leaves it. */
static void
merge_group(const struct snap *s, size_t a, size_t b, uint32_t *cur, int *state)
{
	size_t k;
	int i;

	for (k = a; k < b; k++) {
		for (i = 0; i < SF__COUNT; i++)
			if (s[k].v[i] != 0)
				cur[i] = s[k].v[i];
		if (s[k].state >= 0)
			*state = s[k].state;
	}
}

/* Emits the events of one item's snapshots s[0..n), sorted by (at, input
 * order). The first instant's snapshots open the item. */
static void
emit_item(struct mapping_run *r, const struct snap *s, size_t n)
{
	struct model *m = r->m;
	uint32_t cur[SF__COUNT], next[SF__COUNT];
	sla_time open_at = s[0].at;
	size_t g0 = same_instant_end(s, 0, n), a, b, k;
	int state = MS_OPEN, first_state = -1, i, to;
	const struct snap *last;

	memset(cur, 0, sizeof cur);
	merge_group(s, 0, g0, cur, &first_state);
	for (k = 0; k < g0; k++)
		if (s[k].has_opened_at && s[k].opened_at < open_at)
			open_at = s[k].opened_at;
	/* The value at opening is what the first later change says it changed
	 * from (`before`: a Jira issue holds only its current fields). */
	for (i = 0; i < SF__COUNT; i++)
		for (k = g0; k < n; k++)
			if (s[k].before[i] != 0 || s[k].v[i] != 0) {
				if (s[k].before[i] != 0)
					cur[i] = s[k].before[i];
				break;
			}
	for (k = g0; k < n; k++)
		if (s[k].state_before >= 0 || s[k].state >= 0) {
			if (s[k].state_before >= 0)
				first_state = s[k].state_before;
			break;
		}
	/* A `default` also stands for the value before any record gave one
	 * (a Zendesk ticket created without a priority has no such event). */
	for (i = 0; i < SF__COUNT; i++) {
		const cJSON *d = s[0].mp->fields[snapf_field[i]].dflt;
		char buf[64];
		const char *t;
		if (cur[i] == 0 && d != NULL && (t = text_of(d, buf, sizeof buf)) != NULL &&
		    !cJSON_IsNull(d))
			cur[i] = intern(m, t);
	}
	last = &s[g0 - 1];
	if (cur[SF_TEAM] == 0 || cur[SF_SEVERITY] == 0) {
		/* Reported like a bad native event; the item is then skipped
		 * (items_skipped) for want of an opened event. */
		diag_add(m->diag, DIAG_ERROR, strtab_get(m->strings, s[0].file),
		    (int)s[0].line, (int)s[0].col, "%s%s%s: the first snapshot has no %s, "
		    "required to open the item", s[0].where ? strtab_get(m->strings,
		    s[0].where) : "", s[0].where ? ": item " : "item ",
		    strtab_get(m->strings, s[0].item),
		    cur[SF_TEAM] == 0 ? "team" : "severity");
		m->quality.events_skipped++;
	} else {
		struct snap op = *last;
		for (k = 0; k < g0; k++)	/* the group's last value */
			if (!isnan(s[k].value))
				op.value = s[k].value;
		add_event(m, &op, open_at, EVENT_OPENED, cur);
	}
	if (first_state >= 0) {
		add_transition(m, last, state, first_state, cur);
		state = first_state;
	}
	for (a = g0; a < n; a = b) {
		b = same_instant_end(s, a, n);
		last = &s[b - 1];
		memcpy(next, cur, sizeof next);
		to = -1;
		merge_group(s, a, b, next, &to);
		if (next[SF_SEVERITY] != cur[SF_SEVERITY]) {
			cur[SF_SEVERITY] = next[SF_SEVERITY];
			add_event(m, last, last->at, EVENT_SEVERITY_CHANGED, cur);
		}
		if (next[SF_TEAM] != cur[SF_TEAM]) {
			cur[SF_TEAM] = next[SF_TEAM];
			add_event(m, last, last->at, EVENT_ASSIGNED, cur);
		}
		memcpy(cur, next, sizeof cur);
		if (to >= 0) {
			add_transition(m, last, state, to, cur);
			state = to;
		}
	}
}

void
mapping_run_finish(struct mapping_run *r)
{
	struct model *m = r->m;
	size_t i, j;

	if (r->nsnaps > 0)	/* events mode keeps none: snaps is NULL */
		qsort(r->snaps, r->nsnaps, sizeof *r->snaps, cmp_snap);
	for (i = 0; i < r->nsnaps; i = j) {
		for (j = i + 1; j < r->nsnaps && r->snaps[j].item == r->snaps[i].item; j++)
			;
		emit_item(r, r->snaps + i, j - i);
	}
	for (i = 0; i < m->nunmapped; i++) {
		const struct unmapped_value *u = &m->unmapped[i];
		const struct first_seen *fs = &r->umap[i];
		diag_add(m->diag, DIAG_WARNING, strtab_get(m->strings, u->file), (int)u->line,
		    fs->col, "%s%s%s: \"%s\" is not in the map of %s (%llu record%s)",
		    fs->where ? strtab_get(m->strings, fs->where) : "", fs->where ? ": " : "",
		    strtab_get(m->strings, u->field), strtab_get(m->strings, u->value),
		    strtab_get(m->strings, fs->mapping), (unsigned long long)u->count,
		    u->count == 1 ? "" : "s");
	}
	free(r->umap);
	free(r->snaps);
	strbuf_free(&r->where);
	free(r);
}
