/* jsoncmp.c: checks that actual JSON contains expected JSON (subset match), for tests.
 *
 * usage: jsoncmp EXPECTED ACTUAL
 * Every key of an expected object must be in the actual object with an equal
 * value; keys absent from EXPECTED are not checked. Arrays must have the same
 * length and match element by element. Numbers match within 0.0005, so that an
 * expected 66.667 matches 66.6666…. Prints one line per difference with its path;
 * exit 0 when all match, 1 when not, 2 on unreadable input.
 */
#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int differences;

static char *
slurp(const char *path)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (fp == NULL)
		return NULL;
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 131072;
			buf = realloc(buf, cap + 1);
			if (buf == NULL)
				exit(2);
		}
		n = fread(buf + len, 1, cap - len, fp);
		if (n == 0)
			break;
		len += n;
	}
	if (fp != stdin)
		fclose(fp);
	buf[len] = '\0';
	return buf;
}

static void
show(const char *path, const char *what, const cJSON *e, const cJSON *a)
{
	char *es = e ? cJSON_PrintUnformatted(e) : NULL;
	char *as = a ? cJSON_PrintUnformatted(a) : NULL;

	printf("%s: %s: expected %s, got %s\n", path[0] ? path : "(top)", what,
	    es ? es : "-", as ? as : "(missing)");
	free(es);
	free(as);
	differences++;
}

static void
compare(const char *path, const cJSON *e, const cJSON *a)
{
	char sub[4096];

	if (a == NULL) {
		show(path, "missing", e, NULL);
		return;
	}
	if (cJSON_IsObject(e)) {
		const cJSON *k;
		if (!cJSON_IsObject(a)) {
			show(path, "not an object", e, a);
			return;
		}
		cJSON_ArrayForEach(k, e) {
			snprintf(sub, sizeof sub, "%s.%s", path, k->string);
			compare(sub, k, cJSON_GetObjectItemCaseSensitive(a, k->string));
		}
	} else if (cJSON_IsArray(e)) {
		int i, n = cJSON_GetArraySize(e);
		if (!cJSON_IsArray(a)) {
			show(path, "not an array", e, a);
			return;
		}
		if (cJSON_GetArraySize(a) != n) {
			snprintf(sub, sizeof sub, "array length %d vs %d", n,
			    cJSON_GetArraySize(a));
			show(path, sub, e, a);
			return;
		}
		for (i = 0; i < n; i++) {
			snprintf(sub, sizeof sub, "%s[%d]", path, i);
			compare(sub, cJSON_GetArrayItem(e, i), cJSON_GetArrayItem(a, i));
		}
	} else if (cJSON_IsNumber(e)) {
		if (!cJSON_IsNumber(a) || fabs(e->valuedouble - a->valuedouble) > 0.0005)
			show(path, "differs", e, a);
	} else if (cJSON_IsString(e)) {
		if (!cJSON_IsString(a) || strcmp(e->valuestring, a->valuestring) != 0)
			show(path, "differs", e, a);
	} else if (cJSON_IsBool(e)) {
		if (!cJSON_IsBool(a) || cJSON_IsTrue(e) != cJSON_IsTrue(a))
			show(path, "differs", e, a);
	} else if (cJSON_IsNull(e)) {
		if (!cJSON_IsNull(a))
			show(path, "differs", e, a);
	}
}

int
main(int argc, char **argv)
{
	char *et, *at;
	cJSON *e, *a;

	if (argc != 3) {
		fprintf(stderr, "usage: jsoncmp EXPECTED ACTUAL\n");
		return 2;
	}
	if ((et = slurp(argv[1])) == NULL || (at = slurp(argv[2])) == NULL) {
		fprintf(stderr, "jsoncmp: cannot read input\n");
		return 2;
	}
	if ((e = cJSON_Parse(et)) == NULL) {
		fprintf(stderr, "jsoncmp: %s: not valid JSON\n", argv[1]);
		return 2;
	}
	if ((a = cJSON_Parse(at)) == NULL) {
		fprintf(stderr, "jsoncmp: %s: not valid JSON\n", argv[2]);
		return 2;
	}
	compare("", e, a);
	cJSON_Delete(e);
	cJSON_Delete(a);
	free(et);
	free(at);
	return differences ? 1 : 0;
}
