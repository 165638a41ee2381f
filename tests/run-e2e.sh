#!/bin/sh
# End-to-end tests: run the real slareport binary on real input folders and check
# the real outputs. Called by `make e2e` with SLAREPORT, SLAGEN and JSONCMP set.
# Prints one line per failure and closes with "N passed, N failed".
set -u
SLAREPORT=${SLAREPORT:-./slareport}
SLAGEN=${SLAGEN:-./gen/slagen}
JSONCMP=${JSONCMP:-./build/jsoncmp}
TESTS=$(dirname "$0")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-e2e.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }
# expect_rc NAME WANT GOT
expect_rc() { if [ "$3" -eq "$2" ]; then ok; else ko "$1: exit $3, expected $2"; fi; }

# ---- command line (SPEC §7) ----
"$SLAREPORT" --version >"$TMP/out" 2>&1; expect_rc "--version" 0 $?
grep -q '^slareport [0-9]' "$TMP/out" && ok || ko "--version prints the version"
"$SLAREPORT" --help >"$TMP/out" 2>&1; expect_rc "--help" 0 $?
for c in build check kpis; do
	"$SLAREPORT" $c --help >"$TMP/out" 2>&1; expect_rc "$c --help" 0 $?
	grep -q "^usage: slareport $c" "$TMP/out" && ok || ko "$c --help prints its usage"
	"$SLAREPORT" $c --bogus "$TESTS/../sample-data" >"$TMP/out" 2>"$TMP/err"
	expect_rc "$c --bogus" 64 $?
	grep -q "unknown option --bogus" "$TMP/err" && grep -q '^usage:' "$TMP/err" && ok ||
	    ko "$c: unknown option gives usage on stderr"
	"$SLAREPORT" $c >/dev/null 2>&1; expect_rc "$c without SRC" 64 $?
	"$SLAREPORT" $c "$TMP/does-not-exist" >/dev/null 2>&1; expect_rc "$c missing SRC" 66 $?
done
"$SLAREPORT" frobnicate >/dev/null 2>&1; expect_rc "unknown command" 64 $?
"$SLAREPORT" >/dev/null 2>&1; expect_rc "no command" 64 $?
"$SLAREPORT" kpis --period 2026-13 "$TESTS/../sample-data" >/dev/null 2>&1; expect_rc "bad --period" 64 $?
"$SLAREPORT" kpis --from 2026-03 "$TESTS/../sample-data" >/dev/null 2>&1; expect_rc "--from without --to" 64 $?
"$SLAREPORT" build --format html,xls "$TESTS/../sample-data" >/dev/null 2>&1; expect_rc "bad --format" 64 $?

# ---- month to date (SPEC §8): `kpis` includes the month in progress only when asked ----
"$SLAREPORT" kpis "$TESTS/kpi/69-mtd-due-weekend" >"$TMP/mtd.json" 2>/dev/null
if grep -q '"partial":[[:space:]]*true' "$TMP/mtd.json"; then ko "kpis without --period/--to printed the month in progress"; else ok; fi
"$SLAREPORT" kpis --from 2026-09 --to 2026-10 "$TESTS/kpi/69-mtd-due-weekend" >"$TMP/mtd.json" 2>/dev/null
grep -q '"partial":[[:space:]]*true' "$TMP/mtd.json" && ok || ko "kpis --to the month in progress: not partial"

# ---- bad inputs: `check` output pinned like mandoc's .out_lint files ----
for dir in "$TESTS"/bad/*/; do
	if [ ! -f "$dir/expected.txt" ]; then ko "bad/$(basename "$dir"): no expected.txt"; continue; fi
	name=$(basename "$dir")
	"$SLAREPORT" check "$dir" >"$TMP/check.out" 2>&1
	echo "exit $?" >>"$TMP/check.out"
	if diff -u "$dir/expected.txt" "$TMP/check.out" >"$TMP/diff"; then ok; else
		ko "bad/$name: check output differs:"; sed 's/^/    /' "$TMP/diff"
	fi
done

# ---- KPI rules: hand-computed expectations (tests/kpi/README.md) ----
for dir in "$TESTS"/kpi/*/; do
	[ -f "$dir/expected.json" ] || continue
	name=$(basename "$dir")
	args=$(cat "$dir/args" 2>/dev/null)
	# shellcheck disable=SC2086
	if "$SLAREPORT" kpis "$dir" $args >"$TMP/kpis.json" 2>"$TMP/kpis.err"; then
		if "$JSONCMP" "$dir/expected.json" "$TMP/kpis.json" >"$TMP/diff"; then ok; else
			ko "kpi/$name:"; sed 's/^/    /' "$TMP/diff"
		fi
	else
		ko "kpi/$name: slareport kpis exited $?"; sed 's/^/    /' "$TMP/kpis.err"
	fi
done

# ---- restatements: before/ published, then the case into the same OUT (tests/kpi/README.md) ----
for dir in "$TESTS"/kpi/*/; do
	[ -d "$dir/before" ] || continue
	name=$(basename "$dir")
	out="$TMP/restate-$name"
	args=$(cat "$dir/args" 2>/dev/null)
	want=$(cat "$dir/expected-rc" 2>/dev/null || echo 0)
	if ! "$SLAREPORT" build "$dir/before" -q -o "$out" --format json 2>"$TMP/restate.err"; then
		ko "kpi/$name: the first publication failed"; sed 's/^/    /' "$TMP/restate.err"; continue
	fi
	cp -R "$out" "$out.first"
	# shellcheck disable=SC2086
	"$SLAREPORT" build "$dir" -q -o "$out" --format json $args 2>"$TMP/restate.err"
	expect_rc "kpi/$name: second publication" "$want" $?
	if [ -f "$dir/expected-restatements.json" ]; then
		if "$JSONCMP" "$dir/expected-restatements.json" "$out/data/restatements.json" >"$TMP/diff"; then ok; else
			ko "kpi/$name: data/restatements.json:"; sed 's/^/    /' "$TMP/diff"
		fi
	fi
	if [ -f "$dir/expected-stderr.txt" ]; then
		if diff -u "$dir/expected-stderr.txt" "$TMP/restate.err" >"$TMP/diff"; then ok; else
			ko "kpi/$name: stderr differs:"; sed 's/^/    /' "$TMP/diff"
		fi
	fi
	if [ "$want" -ne 0 ]; then
		diff -r "$out.first" "$out" >/dev/null && ok || ko "kpi/$name: a refused build changed OUT"
	fi
done

# ---- the demo company ----
SAMPLE="$TESTS/../sample-data"
if [ -x "$SLAGEN" ]; then
	"$SLAGEN" -o "$TMP/regen" >/dev/null 2>&1
	if diff -r "$SAMPLE" "$TMP/regen" >/dev/null; then ok; else
		ko "sample-data/ is not what gen/slagen writes by default (run make sample-data)"
	fi
fi
"$SLAREPORT" build "$SAMPLE" -o "$TMP/public" -q 2>"$TMP/build.err"
expect_rc "build sample-data" 0 $?
for f in index.html data/kpis.json data/kpis.csv data/breaches.csv; do
	[ -s "$TMP/public/$f" ] && ok || ko "build wrote no $f"
done
for id in $(ls "$SAMPLE/agreements" | sed 's/\.md$//'); do
	grep -q "\"id\":[[:space:]]*\"$id\"" "$TMP/public/data/kpis.json" && ok ||
	    ko "kpis.json lacks agreement $id"
done
grep -q '<script>' "$TMP/public/index.html" && ko "index.html has an unescaped <script>" || ok
"$SLAREPORT" check "$SAMPLE" >"$TMP/check.out" 2>&1
rc=$?; [ $rc -eq 0 ] || [ $rc -eq 65 ] && ok || ko "check sample-data exit $rc"

# ---- atomic publish: a failed run leaves OUT as it was ----
cp -R "$TMP/public" "$TMP/public.before"
mkdir -p "$TMP/broken/agreements"
printf -- '---\nid: x\n' >"$TMP/broken/agreements/x.md"
"$SLAREPORT" build "$TMP/broken" -o "$TMP/public" >/dev/null 2>&1
expect_rc "build of broken input" 65 $?
diff -r "$TMP/public.before" "$TMP/public" >/dev/null && ok || ko "failed build changed OUT"
ls -a "$TMP" | grep -q '\.slareport-' && ko "temporary folder left behind" || ok
: >"$TMP/a-file"
"$SLAREPORT" build "$SAMPLE" -o "$TMP/a-file" >/dev/null 2>&1
expect_rc "OUT is a file" 73 $?
"$SLAREPORT" build "$SAMPLE" -o "$TMP/no/such/parent/out" >/dev/null 2>&1
expect_rc "OUT parent missing" 73 $?
"$SLAREPORT" build "$SAMPLE" -o "$SAMPLE" >/dev/null 2>&1
expect_rc "OUT would replace SRC" 73 $?
[ -d "$SAMPLE/agreements" ] && ok || ko "SRC damaged"
"$SLAREPORT" build "$SAMPLE" -o "$TMP/public" -q 2>/dev/null
expect_rc "rebuild over existing OUT" 0 $?
ls -a "$TMP" | grep -q '\.slareport-' && ko "temporary folder left behind after rebuild" || ok


printf "e2e: %d passed, %d failed\n" "$pass" "$fail"
[ "$fail" -eq 0 ]
