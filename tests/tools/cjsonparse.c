/* cjsonparse.c: the baseline of `make bench` — parses event files with cJSON
 * and nothing else (whole file for .json, line by line for .ndjson/.jsonl), so
 * that slareport's own cost per event can be told apart from the parser's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0) {
		perror(path);
		exit(74);
	}
	if ((buf = malloc((size_t)n + 1)) == NULL || fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		perror(path);
		exit(74);
	}
	buf[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcmp(s + a - b, suffix) == 0;
}

int
main(int argc, char **argv)
{
	unsigned long records = 0, failed = 0;
	int i;

	for (i = 1; i < argc; i++) {
		size_t len;
		char *buf = slurp(argv[i], &len);

		if (ends_with(argv[i], ".ndjson") || ends_with(argv[i], ".jsonl")) {
			char *line = buf, *end = buf + len;
			while (line < end) {
				char *nl = memchr(line, '\n', (size_t)(end - line));
				size_t n = nl != NULL ? (size_t)(nl - line) : (size_t)(end - line);
				if (n > 0) {
					cJSON *j = cJSON_ParseWithLength(line, n);
					if (j == NULL)
						failed++;
					records++;
					cJSON_Delete(j);
				}
				line += n + 1;
			}
		} else {
			cJSON *j = cJSON_ParseWithLength(buf, len);
			if (j == NULL)
				failed++;
			else if (cJSON_IsArray(j))
				records += (unsigned long)cJSON_GetArraySize(j);
			cJSON_Delete(j);
		}
		free(buf);
	}
	printf("%lu records, %lu files failed to parse\n", records, failed);
	return 0;
}
