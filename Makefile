# slareport — plain Makefile (see README.md "For contributors").
.SUFFIXES:

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR     = $(PREFIX)/bin
DATADIR    = $(PREFIX)/share/slareport
MANDIR     = $(PREFIX)/share/man
BUILD     ?= build

CC        ?= cc
PKGS       = libcmark-gfm cairo cairo-svg cairo-png cairo-ft fontconfig libcjson yaml-0.1 glib-2.0
WARN       = -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes -Wwrite-strings
OPT       ?= -O2 -g
# Warnings are errors in CI (CI=true) and whenever WERROR=1.
ifneq ($(CI)$(WERROR),)
WARN      += -Werror
endif
SANFLAGS  ?=
# make V=1 shows the full commands.
Q          = $(if $(V),,@)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lm
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) $(WARN) $(SANFLAGS) \
             -DSLAREPORT_VERSION='"$(VERSION)"' -Isrc -I$(BUILD) $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)

LIB_SRC    = $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ    = $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/resources.o
# Templates, CSS, i18n tables and shipped mappings, embedded into the binary.
RESOURCES  = $(shell find templates mappings -type f ! -name '.*' 2>/dev/null | LC_ALL=C sort)
UNIT_SRC   = $(wildcard tests/unit/*.c)
UNIT_OBJ   = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%.o)
GEN_SRC    = $(wildcard gen/slagen*.c)
TOOL_BIN   = $(BUILD)/jsoncmp

# Debian packages every build and test needs (LIBRARIES.md), and the test tools.
DEB_PKGS   = build-essential pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
             libcairo2-dev libhpdf-dev libcjson-dev libyaml-dev libcriterion-dev \
             libglib2.0-dev libfontconfig-dev fonts-dejavu-core tzdata poppler-utils qpdf time \
             chromium default-jre-headless nodejs

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

unit: $(BUILD)/unit-tests
	$(BUILD)/unit-tests -j2

e2e: $(BIN) $(GEN) $(TOOL_BIN)
	SLAREPORT=./$(BIN) SLAGEN=./$(GEN) JSONCMP=./$(TOOL_BIN) sh tests/run-e2e.sh
	@# Each area's own end-to-end script (site, PDF, importers, …); all run, any failure fails.
	@rc=0; for t in tests/e2e/*.sh; do [ -f "$$t" ] || continue; \
	    SLAREPORT=./$(BIN) SLAGEN=./$(GEN) JSONCMP=./$(TOOL_BIN) BUILD=$(BUILD) sh "$$t" || rc=1; \
	done; exit $$rc

check: unit e2e

test: deps
	$(MAKE) all
	$(MAKE) check

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
check-asan: deps
	$(MAKE) BUILD=build-asan BIN=build-asan/slareport GEN=build-asan/slagen \
	    OPT='-O1 -g -fno-omit-frame-pointer' \
	    SANFLAGS='-fsanitize=address,undefined -fno-sanitize-recover=all' check

# Throughput and peak memory at 10k, 100k and 1M events (README "Performance").
bench: $(BIN) $(GEN) $(BUILD)/cjsonparse
	@SLAREPORT=./$(BIN) SLAGEN=./$(GEN) CJSONPARSE=./$(BUILD)/cjsonparse sh tests/bench/bench.sh

demo: deps
	$(MAKE) all
	./slareport build sample-data -o public
	@echo "open public/index.html"

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
	rm -rf build build-asan slareport gen/slagen public sample-data.tmp

.PHONY: all unit e2e check test check-asan bench demo deps install clean sample-data
