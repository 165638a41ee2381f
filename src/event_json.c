/* event_json.c: one parsed JSON record turned into a compact event (SPEC §2),
 * every problem with it reported; shared by the event reader and the mapping
 * importer. */
#include "events.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "civil.h"
#include "suggest.h"
#include "tz.h"

static uint32_t
intern(struct model *m, const char *s)
{
	return strtab_intern(m->strings, s, strlen(s));
}

/* A string field, or a number turned into its decimal text (ids may be numbers). */
static int
string_or_number(const cJSON *v, char *tmp, size_t tmpsize, const char **out)
{
	if (cJSON_IsString(v)) {
		*out = v->valuestring;
		return 1;
	}
	if (cJSON_IsNumber(v) && isfinite(v->valuedouble)) {
		double d = v->valuedouble;
		if (d == floor(d) && fabs(d) < 1e18 && !signbit(d)) {
			/* Integers (severities, numeric ids) without printf, which
			 * was a tenth of reading events with numeric severities:
			 * the same text as "%.0f" (negative ones, -0 among them,
			 * take the printf path). */
			unsigned long long u = (unsigned long long)d;
			char *p = tmp + tmpsize;
			*--p = '\0';
			do
				*--p = (char)('0' + u % 10);
			while ((u /= 10) != 0);
			*out = p;
		} else if (d == floor(d) && fabs(d) < 9007199254740992.0) {
			snprintf(tmp, tmpsize, "%.0f", d);
			*out = tmp;
		} else {
			snprintf(tmp, tmpsize, "%.17g", d);
			*out = tmp;
		}
		return 1;
	}
	return 0;
}

static const char *
json_type_name(const cJSON *v)
{
	if (cJSON_IsString(v)) return "a string";
	/* cJSON reads 1e400 as infinity: say why such a number is refused. */
	if (cJSON_IsNumber(v) && !isfinite(v->valuedouble))
		return "a number out of range";
	if (cJSON_IsNumber(v)) return "a number";
	if (cJSON_IsBool(v)) return "a boolean";
	if (cJSON_IsNull(v)) return "null";
	if (cJSON_IsArray(v)) return "an array";
	if (cJSON_IsObject(v)) return "an object";
	return "an invalid value";
}

/* Appends s to sb as a JSON Pointer token (RFC 6901: ~ and / escaped). */
static void
pointer_token(struct strbuf *sb, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '~')
			strbuf_append(sb, "~0", 2);
		else if (*s == '/')
			strbuf_append(sb, "~1", 2);
		else
			strbuf_putc(sb, *s);
	}
}

/* For string field k holding object v (an export's {"name": "Service desk",
 * "id": 7}): the member most likely meant and how to read it, as a hint to
 * append to the warning; NULL when v holds no string. The caller frees. */
static char *
object_field_hint(const char *k, const cJSON *v)
{
	static const char *const likely[] = { "name", "displayName", "display_name",
		"display_value", "title", "key", "value", "id", NULL };
	const cJSON *member = NULL, *c;
	struct strbuf sb = {0};
	size_t n, cut;
	int i;

	for (i = 0; likely[i] != NULL && member == NULL; i++)
		if ((c = cJSON_GetObjectItemCaseSensitive(v, likely[i])) != NULL &&
		    cJSON_IsString(c) && *c->valuestring != '\0')
			member = c;
	for (c = v->child; c != NULL && member == NULL; c = c->next)
		if (cJSON_IsString(c) && *c->valuestring != '\0')
			member = c;
	if (member == NULL)
		return NULL;
	/* A long value is cut, not inside a UTF-8 sequence. */
	n = strlen(member->valuestring);
	for (cut = n > 40 ? 40 : n; cut > 0 && cut < n &&
	    ((unsigned char)member->valuestring[cut] & 0xC0) == 0x80; cut--)
		;
	strbuf_printf(&sb, "; its \"%s\" is \"%.*s%s\": export that as \"%s\", or read "
	    "it with a mapping file (\"%s\": \"/", member->string, (int)cut,
	    member->valuestring, cut < n ? "..." : "", k, k);
	pointer_token(&sb, k);
	strbuf_putc(&sb, '/');
	pointer_token(&sb, member->string);
	strbuf_append(&sb, "\")", 2);
	return strbuf_detach(&sb, NULL);
}

/* The fields KPIs read; each may appear once (cJSON keeps duplicates). */
static const char *const known[] = { "id", "at", "type", "team", "agreement",
	"requester", "service", "kind", "title", "severity", "value", "score",
	"reason", NULL };
#define KNOWN_END 13	/* index of the NULL */

/* Index of key k in known, or of its NULL end: one comparison per key instead
 * of a walk through the list (a tenth of reading an event). */
static int
known_key(const char *k)
{
	int ki;

	switch (k[0]) {
	case 'i': ki = 0; break;
	case 'a': ki = k[1] == 't' ? 1 : 4; break;
	case 't': ki = k[1] == 'y' ? 2 : k[1] == 'e' ? 3 : 8; break;
	case 'r': ki = k[1] == 'e' && k[2] == 'a' ? 12 : 5; break;
	case 's': ki = k[1] == 'e' ? (k[2] == 'r' ? 6 : 9) : 11; break;
	case 'k': ki = 7; break;
	case 'v': ki = 10; break;
	default: return KNOWN_END;
	}
	return strcmp(known[ki], k) == 0 ? ki : KNOWN_END;
}

int
events_add_json(struct model *m, const cJSON *obj, uint32_t file, const char *relpath,
    int line, int col)
{
	/* Indexes into known, dispatched below. */
	unsigned seen = 0;
	struct event e;
	const cJSON *v, *f_id = NULL, *f_at = NULL, *f_type = NULL;
	uint32_t reason = 0;
	const char *s, *why;
	char num[64];
	int t;
	struct civil_stamp st;
	double value = NAN, score = NAN;

	m->quality.events_read++;
	memset(&e, 0, sizeof e);
	e.num = NAN;
	e.file = file;
	e.line = (uint32_t)line;
	if (!cJSON_IsObject(obj)) {
		diag_add(m->diag, DIAG_ERROR, relpath, line, col,
		    "expected an event object, got %s", json_type_name(obj));
		goto bad;
	}
	for (v = obj->child; v != NULL; v = v->next) {
		const char *k = v->string;
		uint32_t *slot = NULL;
		int ki = known_key(k);

		if (known[ki] != NULL && (seen & 1u << ki)) {
			diag_add(m->diag, DIAG_ERROR, relpath, line, col,
			    "duplicate key \"%s\"; the event is skipped", k);
			goto bad;
		}
		if (known[ki] != NULL)
			seen |= 1u << ki;
		switch (ki) {
		case 0: f_id = v; break;
		case 1: f_at = v; break;
		case 2: f_type = v; break;
		case 3: slot = &e.team; break;
		case 4: slot = &e.agreement; break;
		case 5: slot = &e.requester; break;
		case 6: slot = &e.service; break;
		case 7: slot = &e.kind; break;
		case 8: slot = &e.title; break;
		case 12: slot = &reason; break;
		default: break;
		}
		if (ki == 9) {	/* severity */
			if (cJSON_IsNull(v))
				continue;
			if (cJSON_IsNumber(v) && v->valuedouble != floor(v->valuedouble)) {
				diag_add(m->diag, DIAG_ERROR, relpath, line, col,
				    "severity: expected an integer or a name, got %g",
				    v->valuedouble);
				goto bad;
			}
			if (!string_or_number(v, num, sizeof num, &s) || *s == '\0') {
				diag_add(m->diag, DIAG_ERROR, relpath, line, col,
				    "severity: expected an integer or a name, got %s",
				    json_type_name(v));
				goto bad;
			}
			e.severity = intern(m, s);
		} else if (ki == 10 || ki == 11) {	/* value, score */
			if (cJSON_IsNull(v))
				continue;
			if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble)) {
				diag_add(m->diag, k[0] == 's' ? DIAG_ERROR : DIAG_WARNING,
				    relpath, line, col, "%s: expected a number, got %s%s",
				    k, json_type_name(v), k[0] == 's' ? "" :
				    "; the field is ignored");
				if (k[0] == 's')
					goto bad;
				continue;
			}
			if (k[0] == 'v')
				value = v->valuedouble;
			else
				score = v->valuedouble;
		}
		/* Other fields are the exporter's own: kept out of the KPIs. */
		if (slot != NULL && !cJSON_IsNull(v)) {
			if (!string_or_number(v, num, sizeof num, &s)) {
				char *hint = cJSON_IsObject(v) ? object_field_hint(k, v) : NULL;
				diag_add(m->diag, DIAG_WARNING, relpath, line, col,
				    "%s: expected a string, got %s; the field is ignored%s",
				    k, json_type_name(v), hint != NULL ? hint : "");
				free(hint);
				continue;
			}
			*slot = intern(m, s);
		}
	}
	if (f_id == NULL || cJSON_IsNull(f_id)) {
		diag_add(m->diag, DIAG_ERROR, relpath, line, col, "missing \"id\"");
		goto bad;
	}
	if (!string_or_number(f_id, num, sizeof num, &s) || *s == '\0') {
		diag_add(m->diag, DIAG_ERROR, relpath, line, col,
		    "id: expected a non-empty string or a number, got %s",
		    json_type_name(f_id));
		goto bad;
	}
	e.item = intern(m, s);
	if (f_type == NULL || cJSON_IsNull(f_type)) {
		diag_add(m->diag, DIAG_ERROR, relpath, line, col, "missing \"type\"");
		goto bad;
	}
	if (!cJSON_IsString(f_type)) {
		diag_add(m->diag, DIAG_ERROR, relpath, line, col,
		    "type: expected a string, got %s", json_type_name(f_type));
		goto bad;
	}
	t = event_type_from_name(f_type->valuestring, strlen(f_type->valuestring));
	if (t < 0) {
		const char *near = suggest_closest(f_type->valuestring, event_type_names());
		diag_add(m->diag, DIAG_WARNING, relpath, line, col,
		    "unknown event type \"%s\"; the event is skipped%s%s%s",
		    f_type->valuestring, near != NULL ? "; did you mean \"" : "",
		    near != NULL ? near : "", near != NULL ? "\"?" : "");
		goto bad;
	}
	e.type = (uint8_t)t;
	if (f_at == NULL || cJSON_IsNull(f_at)) {
		diag_add(m->diag, DIAG_ERROR, relpath, line, col, "missing \"at\"");
		goto bad;
	}
	if (!cJSON_IsString(f_at)) {
		diag_add(m->diag, DIAG_ERROR, relpath, line, col,
		    "at: expected an RFC 3339 timestamp string, got %s",
		    json_type_name(f_at));
		goto bad;
	}
	why = civil_parse_stamp(f_at->valuestring, strlen(f_at->valuestring), &st);
	if (why != NULL) {
		diag_add(m->diag, DIAG_ERROR, relpath, line, col,
		    "at: \"%s\" is not an RFC 3339 timestamp: %s",
		    f_at->valuestring, why);
		goto bad;
	}
	if (!st.has_offset && !m->site.timezone_given)
		model_note_naive(m, relpath, line, col, f_at->valuestring);
	if (st.has_offset)
		e.at = st.local - st.offset_s;
	else if (m->site.zone != NULL)
		e.at = tz_local_to_utc(m->site.zone, st.local);
	else
		e.at = st.local;
	if ((t == EVENT_OPENED || t == EVENT_ASSIGNED) && e.team == 0) {
		diag_add(m->diag, DIAG_ERROR, relpath, line, col,
		    "missing \"team\", required on \"%s\" events", event_type_name(t));
		goto bad;
	}
	if ((t == EVENT_OPENED || t == EVENT_SEVERITY_CHANGED) && e.severity == 0) {
		diag_add(m->diag, DIAG_ERROR, relpath, line, col,
		    "missing \"severity\", required on \"%s\" events", event_type_name(t));
		goto bad;
	}
	if (t == EVENT_RATED && isnan(score)) {
		diag_add(m->diag, DIAG_ERROR, relpath, line, col,
		    "missing \"score\", required on \"rated\" events");
		goto bad;
	}
	/* SPEC §8: nothing is excluded without a reason. */
	if (t == EVENT_EXCLUDED && (reason == 0 ||
	    *strtab_get(m->strings, reason) == '\0')) {
		diag_add(m->diag, DIAG_ERROR, relpath, line, col,
		    "missing \"reason\", required on \"excluded\" events");
		goto bad;
	}
	if (t == EVENT_EXCLUDED)
		e.kind = reason;	/* see struct event */
	/* Only these two types use a number: the record keeps one. */
	e.num = t == EVENT_OPENED ? value : t == EVENT_RATED ? score : NAN;
	model_add_event(m, &e);
	return 0;
bad:
	m->quality.events_skipped++;
	return -1;
}
