# slareport — plain Makefile (see README.md "For contributors").
.SUFFIXES:

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR     = $(PREFIX)/bin
DATADIR    = $(PREFIX)/share/slareport
MANDIR     = $(PREFIX)/share/man
BUILD     ?= build

CC        ?= cc
PKGS       = libcmark-gfm cairo cairo-svg cairo-png cairo-ft fontconfig libcjson yaml-0.1 glib-2.0 libcrypto
WARN       = -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes -Wwrite-strings
OPT       ?= -O2 -g
# Warnings are errors in CI (CI=true) and whenever WERROR=1.
ifneq ($(CI)$(WERROR),)
WARN      += -Werror
endif
SANFLAGS  ?=
# Known leaks of system libraries, not ours (tests/lsan.supp: fontconfig).
export LSAN_OPTIONS ?= suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
# make V=1 shows the full commands.
Q          = $(if $(V),,@)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lm
ALL_CFLAGS = -std=c11 -pthread -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) $(WARN) $(SANFLAGS) \
             -DSLAREPORT_VERSION='"$(VERSION)"' -Isrc -I$(BUILD) $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = -pthread $(SANFLAGS) $(LDFLAGS)

LIB_SRC    = $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ    = $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/resources.o
# Templates, CSS, i18n tables and shipped mappings, embedded into the binary.
RESOURCES  = $(shell find templates mappings -type f ! -name '.*' 2>/dev/null | LC_ALL=C sort)
UNIT_SRC   = $(wildcard tests/unit/*.c)
UNIT_OBJ   = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%.o)
GEN_SRC    = $(wildcard gen/slagen*.c)
TOOL_BIN   = $(BUILD)/jsoncmp $(BUILD)/chartdump
# Markdown and CommonMark spec examples through the PDF renderer (tests/e2e/pdf.sh).
TOOL_BIN  += $(BUILD)/mdpdf $(BUILD)/htmltext

# Debian packages every build and test needs (LIBRARIES.md), and the test tools;
# with npm (added by deps where no npm is on PATH: a NodeSource nodejs brings its
# own) they are all a bare Debian 12 lacks. nodejs: Debian 12's 18 is enough
# (node-check); chromium and Java (vnu-jar) for the web checks; ca-certificates
# for npm ci's registry over TLS.
DEB_PKGS   = build-essential pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
             libcairo2-dev libhpdf-dev libcjson-dev libyaml-dev libcriterion-dev \
             libglib2.0-dev libssl-dev libfontconfig-dev fonts-dejavu-core tzdata poppler-utils qpdf time \
             chromium default-jre-headless nodejs ca-certificates \
             clang libclang-rt-14-dev valgrind cppcheck \
             python3 gzip

BIN       ?= slareport
GEN       ?= gen/slagen

all: $(BIN)

$(BIN): $(BUILD)/main.o $(BUILD)/libslareport.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(BUILD)/main.o $(BUILD)/libslareport.a $(PKG_LIBS)

$(BUILD)/libslareport.a: $(LIB_OBJ)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $(LIB_OBJ)

$(BUILD)/%.o: src/%.c $(wildcard src/*.h) | $(BUILD)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD):
	mkdir -p $(BUILD)/unit

$(BUILD)/embed: gen/embed.c | $(BUILD)
	$(Q)$(CC) -std=c11 -O2 $(WARN) -o $@ gen/embed.c

$(BUILD)/resources.c: $(BUILD)/embed $(RESOURCES) Makefile
	@echo "  EMBED   templates/ mappings/"
	$(Q)$(BUILD)/embed templates $@ $(RESOURCES)

$(BUILD)/resources.o: $(BUILD)/resources.c src/resource.h
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# ---- generator of demo and benchmark data ----
$(GEN): $(GEN_SRC) $(wildcard gen/*.h)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -g $(WARN) $(SANFLAGS) -o $@ $(GEN_SRC) -lm

# Rewrites sample-data/ from the default seed (committed; see README).
sample-data: gen/slagen
	rm -rf sample-data.tmp && ./gen/slagen -o sample-data.tmp && rm -rf sample-data && mv sample-data.tmp sample-data

# ---- tests ----
$(BUILD)/unit/%.o: tests/unit/%.c $(wildcard src/*.h tests/unit/*.h) | $(BUILD)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags criterion) -DTESTS_DIR='"tests"' -c -o $@ $<

$(BUILD)/unit-tests: $(UNIT_OBJ) $(BUILD)/libslareport.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(UNIT_OBJ) $(BUILD)/libslareport.a $(PKG_LIBS) $(shell pkg-config --libs criterion)

$(BUILD)/cjsonparse: tests/tools/cjsonparse.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) $(shell pkg-config --libs libcjson)

$(BUILD)/jsoncmp: tests/tools/jsoncmp.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) $(shell pkg-config --libs libcjson) -lm

# Renders every chart of a kpis.json (SVG, PNG, PDF) for tests/e2e/charts.sh.
$(BUILD)/chartdump: tests/tools/chartdump.c $(BUILD)/libslareport.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libslareport.a $(ALL_LDFLAGS) $(PKG_LIBS)

$(BUILD)/mdpdf: tests/tools/mdpdf.c $(BUILD)/libslareport.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libslareport.a $(ALL_LDFLAGS) $(PKG_LIBS)

$(BUILD)/htmltext: tests/tools/htmltext.c $(BUILD)/libslareport.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libslareport.a $(ALL_LDFLAGS) $(PKG_LIBS)

unit: $(BUILD)/unit-tests
	$(BUILD)/unit-tests -j2

# Node tools of the site's web checks (tests/web: vnu-jar, axe-core, playwright-core).
# They need Node.js >= NODE_MIN and npm: Debian 12's own nodejs (18) and npm do
# (playwright-core is pinned to 1.61.1, the last release that runs on Node 18).
NODE_MIN   = 18
node-check:
	@v=$$(node --version 2>/dev/null | sed 's/^v//'); m=$${v%%.*}; \
	case "$$m" in ''|*[!0-9]*) m=0;; esac; \
	if [ "$$m" -lt $(NODE_MIN) ]; then \
	    echo "tests/web needs Node.js >= $(NODE_MIN), found $${v:-none} (make deps installs Debian's nodejs)" >&2; exit 1; \
	fi; \
	command -v npm >/dev/null 2>&1 || { echo "tests/web needs npm, found none (make deps installs Debian's npm)" >&2; exit 1; }

WEB_DEPS   = tests/web/node_modules/.package-lock.json
$(WEB_DEPS): tests/web/package.json tests/web/package-lock.json | node-check
	cd tests/web && npm ci --no-audit --no-fund

e2e: $(BIN) $(GEN) $(TOOL_BIN) node-check $(WEB_DEPS)
	SLAREPORT=./$(BIN) SLAGEN=./$(GEN) JSONCMP=./$(BUILD)/jsoncmp sh tests/run-e2e.sh
	@# Each area's own end-to-end script (site, PDF, importers, …); all run, any failure fails.
	@rc=0; for t in tests/e2e/*.sh; do [ -f "$$t" ] || continue; \
	    SLAREPORT=./$(BIN) SLAGEN=./$(GEN) JSONCMP=./$(BUILD)/jsoncmp BUILD=$(BUILD) sh "$$t" || rc=1; \
	done; exit $$rc

check: unit e2e

test: deps
	$(MAKE) all
	$(MAKE) check

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer
# (tests/lsan.supp: fontconfig's own one-off leak).
check-asan: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp $(MAKE) BUILD=build-asan BIN=build-asan/slareport GEN=build-asan/slagen \
	    OPT='-O1 -g -fno-omit-frame-pointer' \
	    SANFLAGS='-fsanitize=address,undefined -fno-sanitize-recover=all' check

# The threaded stages under ThreadSanitizer (tests/tsan/run.sh).
check-tsan: deps
	$(MAKE) BUILD=build-tsan BIN=build-tsan/slareport GEN=build-tsan/slagen \
	    OPT='-O1 -g' SANFLAGS='-fsanitize=thread' build-tsan/slareport build-tsan/slagen
	SLAREPORT=./build-tsan/slareport SLAGEN=./build-tsan/slagen sh tests/tsan/run.sh

# ---- fuzzing (tests/fuzz/README.md): every tests/fuzz/fuzz_*.c is a libFuzzer
# target, run FUZZ_SECONDS each from its seed corpus tests/fuzz/corpus/NAME/. ----
FUZZ_SECONDS ?= 60
FUZZ_SRC   = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN   = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/%)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(BUILD)/libslareport.a
	@echo "  FUZZ    $<"
	$(Q)$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/libslareport.a $(PKG_LIBS)

fuzz-bins: $(FUZZ_BIN)

# The library built once with clang for libFuzzer, ASan and UBSan into build-fuzz/.
fuzz: deps
	$(MAKE) BUILD=build-fuzz CC=clang OPT='-O1 -g -fno-omit-frame-pointer' \
	    SANFLAGS='-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all' fuzz-bins
	sh tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# valgrind memcheck on the demo build: no "definitely lost" bytes, no invalid access.
memcheck: $(BIN)
	sh tests/memcheck.sh ./$(BIN) sample-data

# cppcheck over src/: warnings, performance, portability; each finding left is
# justified where it occurs (// cppcheck-suppress with the reason).
lint:
	@echo "  LINT    src/"
	$(Q)cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
	    --inline-suppr --std=c11 --library=tests/cppcheck.cfg -j2 -D__GNUC__ \
	    -DSLAREPORT_VERSION='"lint"' -Isrc --suppress=missingIncludeSystem $(LIB_SRC) src/main.c

# Throughput and peak memory at 10k, 100k and 1M events (README "Performance").
bench: $(BIN) $(GEN) $(BUILD)/cjsonparse
	@SLAREPORT=./$(BIN) SLAGEN=./$(GEN) CJSONPARSE=./$(BUILD)/cjsonparse sh tests/bench/bench.sh
	@SLAREPORT=./$(BIN) SLAGEN=./$(GEN) sh tests/bench/site-bench.sh
	@SLAREPORT=./$(BIN) SLAGEN=./$(GEN) PARITY_BENCH=1 sh tests/e2e/parity.sh

# Print = page on the 21-agreement × 24-month site (issue 13.4): blocks of
# the pages found in their PDFs, in order.
bench-parity: $(BIN) $(GEN)
	@SLAREPORT=./$(BIN) SLAGEN=./$(GEN) PARITY_BENCH=1 sh tests/e2e/parity.sh

# This build against an older one (BASE=path/to/slareport) at 1M events:
# kpis, build, and build into an OUT holding an earlier publication.
bench-compare: $(BIN) $(GEN)
	@SLAREPORT=./$(BIN) SLAGEN=./$(GEN) BASE=$(BASE) sh tests/bench/compare.sh

# The site of 21 agreements × 24 months (issue 5: under 2 s).
bench-site: $(BIN) $(GEN)
	@SLAREPORT=./$(BIN) SLAGEN=./$(GEN) sh tests/bench/site-bench.sh

demo: deps
	$(MAKE) all
	./slareport build sample-data -o public
	@echo "open public/index.html"

# The second build of README.md: the late export of the last month appended to a
# copy of the demo, published into the same public/: the month is restated.
demo-restate: demo
	rm -rf build/demo-late && cp -R sample-data build/demo-late
	cp sample-data/late/*.ndjson build/demo-late/events/
	./slareport build build/demo-late -o public
	@echo "restated: public/data/restatements.json; the month's page says so at the top"

deps:
	@missing=; for p in $(DEB_PKGS); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	    echo "installing:$$missing"; \
	    if [ "$$(id -u)" != 0 ]; then echo "make deps: run as root to install:$$missing" >&2; exit 1; fi; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi

install: slareport
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	cp slareport $(DESTDIR)$(BINDIR)/slareport
	chmod 755 $(DESTDIR)$(BINDIR)/slareport
	cp docs/slareport.1 $(DESTDIR)$(MANDIR)/man1/slareport.1

clean:
	rm -rf build build-asan build-tsan build-fuzz slareport gen/slagen public sample-data.tmp

.PHONY: bench-parity all unit e2e check test check-asan check-tsan bench bench-compare bench-site demo demo-restate deps install clean sample-data \
	fuzz fuzz-bins memcheck lint node-check
