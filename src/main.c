/* main.c: the slareport command line — build, check, kpis (SPEC §7). */
#include <cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ingest.h"
#include "resource.h"
#include "items.h"
#include "json_print.h"
#include "jsonarena.h"
#include "kpi.h"
#include "mapping.h"
#include "output.h"
#include "progress.h"

/* sysexits.h values, spelled out so that the table below is the documentation. */
enum {
	EXIT_OK = 0,
	EXIT_USAGE = 64,	/* command line wrong */
	EXIT_DATAERR = 65,	/* input data wrong */
	EXIT_NOINPUT = 66,	/* SRC (or a named file) missing */
	EXIT_CANTCREAT = 73,	/* output cannot be created */
	EXIT_IOERR = 74,	/* read or write failed */
};

static const char usage_main[] =
"usage: slareport build SRC [-o OUT] [--period YYYY-MM | --from YYYY-MM --to YYYY-MM]\n"
"                       [--format html,pdf,json,csv] [--templates DIR] [--map FILE]\n"
"                       [--strict] [--frozen-until YYYY-MM] [-q|-v]\n"
"       slareport check SRC [--map FILE]\n"
"       slareport kpis SRC [--period YYYY-MM | --from YYYY-MM --to YYYY-MM] [--map FILE]\n"
"       slareport mappings [NAME]\n"
"       slareport --help | --version\n"
"Run 'slareport COMMAND --help' for the options of one command.\n";

static const char usage_build[] =
"usage: slareport build SRC [-o OUT] [--period YYYY-MM | --from YYYY-MM --to YYYY-MM]\n"
"                       [--format html,pdf,json,csv] [--templates DIR] [--map FILE]\n"
"                       [--strict] [--frozen-until YYYY-MM] [-q|-v]\n"
"Reads the agreements and events of SRC and publishes the reports to OUT\n"
"(default: public). OUT is replaced in one step: a failed run leaves it as it was.\n"
"  -o, --output OUT   output folder (default public)\n"
"      --period P     report month YYYY-MM (default: the last month that ended\n"
"                     before the latest event)\n"
"      --from A --to B  report every month from A through B\n"
"      --format LIST  comma-separated outputs: html, pdf, json, csv (default all)\n"
"      --templates DIR  files in DIR replace the built-in templates of the same name\n"
"      --map FILE     read the event files through this mapping (SPEC §3)\n"
"      --strict       fail (exit 65) on any bad event instead of skipping it\n"
"      --frozen-until M  publish nothing (exit 65) if a month up to M would be\n"
"                     restated against the publication in OUT; list the changes\n"
"  -q, --quiet        print errors only\n"
"  -v, --verbose      print warnings and what was written\n"
"  -h, --help         this text\n";

static const char usage_check[] =
"usage: slareport check SRC [--map FILE]\n"
"Validates site.yml, every agreement and every event file of SRC and prints each\n"
"problem as FILE:LINE:COL: error|warning: MESSAGE. Exit 65 when there is an\n"
"error, 0 when there are only warnings or none.\n"
"      --map FILE     read the event files through this mapping (SPEC §3)\n"
"  -h, --help         this text\n";

static const char usage_kpis[] =
"usage: slareport kpis SRC [--period YYYY-MM | --from YYYY-MM --to YYYY-MM] [--map FILE]\n"
"Prints kpis.json to standard output: per agreement, every month from the first\n"
"event's month through the report period, or the months asked for.\n"
"      --period P     that month alone\n"
"      --from A --to B  months A through B\n"
"      --map FILE     read the event files through this mapping (SPEC §3)\n"
"  -h, --help         this text\n";

struct options {
	const char *src;
	const char *out;
	int from_ym, to_ym;	/* -1: default */
	unsigned formats;
	int strict;
	int verbosity;		/* 0 quiet, 1 normal, 2 verbose */
	const char *templates;	/* --templates DIR, or NULL */
	int frozen_until_ym;	/* --frozen-until YYYY-MM, -1: none */
	const char *map;	/* --map FILE, or NULL */
};

static int
usage_error(const char *usage, const char *fmt, const char *arg)
{
	fputs("slareport: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fputs(usage, stderr);
	return EXIT_USAGE;
}

/* "YYYY-MM" → year*12 + month-1, or -1. */
static int
parse_month(const char *s)
{
	int y, mo;
	char tail;

	if (strlen(s) != 7 || sscanf(s, "%4d-%2d%c", &y, &mo, &tail) != 2 ||
	    s[4] != '-' || y < CIVIL_MIN_YEAR || y > CIVIL_MAX_YEAR || mo < 1 || mo > 12)
		return -1;
	return y * 12 + mo - 1;
}

static int
parse_formats(const char *s, unsigned *out)
{
	char *copy = xstrdup(s), *tok, *save = NULL;
	int ok = 1;

	*out = 0;
	for (tok = strtok_r(copy, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		if (strcmp(tok, "html") == 0)
			*out |= OUTPUT_HTML;
		else if (strcmp(tok, "json") == 0)
			*out |= OUTPUT_JSON;
		else if (strcmp(tok, "csv") == 0)
			*out |= OUTPUT_CSV;
		else if (strcmp(tok, "pdf") == 0)
			*out |= OUTPUT_PDF;
		else
			ok = 0;
	}
	free(copy);
	return ok && *out != 0;
}

enum { OPT_PERIOD = 256, OPT_FROM, OPT_TO, OPT_FORMAT, OPT_STRICT, OPT_TEMPLATES, OPT_MAP,
	OPT_FROZEN };

/* Parses the options of a subcommand; returns 0 or an exit code. */
static int
parse_options(int argc, char **argv, const char *cmd, const char *usage,
    struct options *o)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "period", required_argument, NULL, OPT_PERIOD },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "to", required_argument, NULL, OPT_TO },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "templates", required_argument, NULL, OPT_TEMPLATES },
		{ "map", required_argument, NULL, OPT_MAP },
		{ "frozen-until", required_argument, NULL, OPT_FROZEN },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, is_build = strcmp(cmd, "build") == 0, is_kpis = strcmp(cmd, "kpis") == 0;
	int period = -1, from = -1, to = -1;

	memset(o, 0, sizeof *o);
	o->out = "public";
	o->from_ym = o->to_ym = -1;
	o->frozen_until_ym = -1;
	o->formats = OUTPUT_HTML | OUTPUT_PDF | OUTPUT_JSON | OUTPUT_CSV;
	o->verbosity = 1;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:qvh", longopts, NULL)) != -1) {
		const char *bad = NULL;

		switch (c) {
		case 'h':
			fputs(usage, stdout);
			return -1;
		case 'o':
		case OPT_FORMAT:
		case OPT_STRICT:
		case OPT_TEMPLATES:
		case OPT_FROZEN:
		case 'q':
		case 'v':
			if (!is_build)
				bad = argv[optind - 1];
			break;
		case OPT_MAP:
			break;
		case OPT_PERIOD:
		case OPT_FROM:
		case OPT_TO:
			if (!is_build && !is_kpis)
				bad = argv[optind - 1];
			break;
		case ':':
			return usage_error(usage, "option %s needs a value", argv[optind - 1]);
		default:
			return usage_error(usage, "unknown option %s", argv[optind - 1]);
		}
		if (bad != NULL)
			return usage_error(usage, "unknown option %s", bad);
		switch (c) {
		case 'o': o->out = optarg; break;
		case 'q': o->verbosity = 0; break;
		case 'v': o->verbosity = 2; break;
		case OPT_STRICT: o->strict = 1; break;
		case OPT_TEMPLATES: o->templates = optarg; break;
		case OPT_FROZEN:
			if ((o->frozen_until_ym = parse_month(optarg)) < 0)
				return usage_error(usage, "--frozen-until: expected a month "
				    "YYYY-MM, got \"%s\"", optarg);
			break;
		case OPT_MAP: o->map = optarg; break;
		case OPT_FORMAT:
			if (!parse_formats(optarg, &o->formats))
				return usage_error(usage, "--format: expected a list of "
				    "html, json, csv; got \"%s\"", optarg);
			break;
		case OPT_PERIOD:
		case OPT_FROM:
		case OPT_TO: {
			int ym = parse_month(optarg);
			if (ym < 0)
				return usage_error(usage, "expected a month YYYY-MM, got \"%s\"",
				    optarg);
			if (c == OPT_PERIOD) period = ym;
			else if (c == OPT_FROM) from = ym;
			else to = ym;
			break;
		}
		}
	}
	if (period >= 0 && (from >= 0 || to >= 0))
		return usage_error(usage, "%s", "--period and --from/--to exclude each other");
	if ((from >= 0) != (to >= 0))
		return usage_error(usage, "%s", "--from and --to go together");
	if (from > to)
		return usage_error(usage, "%s", "--from must not be after --to");
	if (period >= 0)
		o->from_ym = o->to_ym = period;
	else if (from >= 0) {
		o->from_ym = from;
		o->to_ym = to;
	}
	if (optind >= argc)
		return usage_error(usage, "%s", "missing SRC folder");
	if (optind + 1 < argc)
		return usage_error(usage, "unexpected argument %s", argv[optind + 1]);
	o->src = argv[optind];
	return 0;
}

/* Whether diagnostics hold an error outside the events (which are skippable). */
static int
has_fatal_error(const struct diag *d, int strict)
{
	size_t i;

	for (i = 0; i < diag_len(d); i++) {
		const struct diag_entry *e = diag_get(d, i);
		if (e->level != DIAG_ERROR)
			continue;
		if (strict || e->file == NULL || strncmp(e->file, "events/", 7) != 0)
			return 1;
	}
	return 0;
}

static void
print_diag(const struct diag *d, int verbosity)
{
	size_t i;

	progress_clear();
	for (i = 0; i < diag_len(d); i++) {
		const struct diag_entry *e = diag_get(d, i);
		char *s;
		if (e->level == DIAG_WARNING && verbosity == 0)
			continue;
		s = diag_format(e);
		fprintf(stderr, "%s\n", s);
		free(s);
	}
}

/* Loads SRC; returns 0 or an exit code (the problems already printed). */
static int
load(const struct options *o, struct model **m)
{
	/* A table in --templates DIR (i18n/fr.json) makes its language known to
	 * the check of `locale` too. */
	resource_set_override(o->templates);
	switch (ingest_load(o->src, o->map, m)) {
	case INGEST_NO_MAP:
		print_diag((*m)->diag, o->verbosity);
		return EXIT_NOINPUT;
	case INGEST_NO_SRC:
		fprintf(stderr, "slareport: %s: no such folder\n", o->src);
		return EXIT_NOINPUT;
	case INGEST_IO:
		print_diag((*m)->diag, o->verbosity);
		return EXIT_IOERR;
	case INGEST_OK:
		break;
	}
	return 0;
}

static int
cmd_check(int argc, char **argv)
{
	struct options o;
	struct model *m = NULL;
	int rc;

	if ((rc = parse_options(argc, argv, "check", usage_check, &o)) != 0)
		return rc < 0 ? EXIT_OK : rc;
	if ((rc = load(&o, &m)) != 0) {
		model_free(m);
		return rc;
	}
	progress_note("checking the items", 0, 0, NULL);
	items_check(m);
	print_diag(m->diag, 2);
	rc = diag_count(m->diag, DIAG_ERROR) > 0 ? EXIT_DATAERR : EXIT_OK;
	model_free(m);
	progress_done();
	return rc;
}

static int
cmd_kpis(int argc, char **argv)
{
	struct options o;
	struct model *m = NULL;
	struct kpi_report *r;
	struct items_check_run *check;
	struct kpi_json_build *build;
	cJSON *json;
	int rc;

	if ((rc = parse_options(argc, argv, "kpis", usage_kpis, &o)) != 0)
		return rc < 0 ? EXIT_OK : rc;
	if ((rc = load(&o, &m)) != 0) {
		model_free(m);
		return rc;
	}
	/* items_check adds warnings only: what is fatal is known already. */
	if (has_fatal_error(m->diag, 0)) {
		print_diag(m->diag, 0);
		model_free(m);
		return EXIT_DATAERR;
	}
	progress_note("checking the items and computing KPIs", 0, 0, NULL);
	check = items_check_start(m);
	r = kpi_compute(m, o.from_ym, o.to_ym);
	items_check_finish(check);
	model_release_events(m);	/* not needed for printing: lower peak */
	print_diag(m->diag, 0);
	progress_note("building kpis.json", 0, 0, NULL);
	/* Millions of nodes: bump-allocated (the months on several threads, each
	 * with its own arena), and freed at once by kpi_report_json_release and
	 * jsonarena_end (1M events: 0.07 s to build and free, 0.16 s with malloc
	 * and cJSON_Delete). The tree must not outlive them. */
	jsonarena_begin();
	build = kpi_report_json_threads(r, m, &json);
	progress_note("printing kpis.json", 0, 0, NULL);
	rc = EXIT_OK;
	if (json_print_file(stdout, json) != 0 || fputc('\n', stdout) == EOF ||
	    fflush(stdout) != 0) {
		if (!ferror(stdout))
			fputs("slareport: cannot print kpis.json\n", stderr);
		rc = EXIT_IOERR;
	}
	progress_note("freeing the model", 0, 0, NULL);
	kpi_report_json_release(build);
	jsonarena_end();	/* frees json */
	kpi_report_free(r);
	model_free(m);
	progress_done();
	return rc;
}

static const char usage_mappings[] =
"usage: slareport mappings [NAME]\n"
"Lists the mapping files shipped with slareport (for --map NAME, or site.yml\n"
"mappings: {PATTERN: builtin:NAME}), or prints the one named NAME.\n"
"  -h, --help         this text\n";

static void
list_mapping(void *ctx, const char *name, const char *text, size_t len)
{
	struct diag *d = diag_new();
	struct mapping *mp = mapping_parse(name, text, len, d);

	(void)ctx;
	printf("%-12s %s\n", name, mp != NULL && mp->description != NULL ?
	    mp->description : "");
	mapping_free(mp);
	diag_free(d);
}

static int
cmd_mappings(int argc, char **argv)
{
	const char *text;
	size_t len;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs(usage_mappings, stdout);
		return EXIT_OK;
	}
	if (argc > 2 || (argc == 2 && argv[1][0] == '-'))
		return usage_error(usage_mappings, "unexpected argument %s",
		    argv[argc > 2 ? 2 : 1]);
	if (argc == 1) {
		mapping_builtin_each(list_mapping, NULL);
		return EXIT_OK;
	}
	if ((text = mapping_builtin(argv[1], &len)) == NULL) {
		fprintf(stderr, "slareport: no shipped mapping named %s\n", argv[1]);
		return EXIT_NOINPUT;
	}
	return fwrite(text, 1, len, stdout) == len && fflush(stdout) == 0 ?
	    EXIT_OK : EXIT_IOERR;
}

static int
cmd_build(int argc, char **argv)
{
	struct output_options oo = { 0 };
	struct options o;
	struct model *m = NULL;
	int rc;

	if ((rc = parse_options(argc, argv, "build", usage_build, &o)) != 0)
		return rc < 0 ? EXIT_OK : rc;
	if (o.verbosity == 0)
		progress_init(0);
	if ((rc = load(&o, &m)) != 0) {
		model_free(m);
		return rc;
	}
	/* items_check adds warnings only: what is fatal is known already. */
	if (has_fatal_error(m->diag, o.strict)) {
		items_check(m);
		print_diag(m->diag, o.verbosity);
		fprintf(stderr, "slareport: nothing written: %s has errors%s\n", o.src,
		    o.strict ? " (--strict)" : "");
		model_free(m);
		return EXIT_DATAERR;
	}
	/* Beside the KPI engine; output_build prints the problems once it ends. */
	oo.check = items_check_start(m);
	oo.print_problems = print_diag;
	oo.out = o.out;
	oo.from_ym = o.from_ym;
	oo.to_ym = o.to_ym;
	oo.formats = o.formats;
	oo.verbosity = o.verbosity;
	oo.templates = o.templates;
	oo.frozen_until_ym = o.frozen_until_ym;
	switch (output_build(m, &oo)) {
	case OUTPUT_OK: rc = EXIT_OK; break;
	case OUTPUT_CANTCREATE: rc = EXIT_CANTCREAT; break;
	case OUTPUT_IO: rc = EXIT_IOERR; break;
	case OUTPUT_FROZEN: rc = EXIT_DATAERR; break;
	}
	progress_note("freeing the model", 0, 0, NULL);
	model_free(m);
	progress_done();
	return rc;
}

int
main(int argc, char **argv)
{
	progress_init(1);
	if (argc < 2) {
		fputs(usage_main, stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(usage_main, stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("slareport %s\n", SLAREPORT_VERSION);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "build") == 0)
		return cmd_build(argc - 1, argv + 1);
	if (strcmp(argv[1], "check") == 0)
		return cmd_check(argc - 1, argv + 1);
	if (strcmp(argv[1], "kpis") == 0)
		return cmd_kpis(argc - 1, argv + 1);
	if (strcmp(argv[1], "mappings") == 0)
		return cmd_mappings(argc - 1, argv + 1);
	fprintf(stderr, "slareport: unknown command %s\n", argv[1]);
	fputs(usage_main, stderr);
	return EXIT_USAGE;
}
