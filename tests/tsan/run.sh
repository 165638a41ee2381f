#!/bin/sh
# `make check-tsan`: the threaded stages under ThreadSanitizer — event files
# read on threads (whole and in parts of a few KiB), items_check beside the KPI
# engine, the replay blocks, kpis.json's months, the comparison with an
# earlier publication — on the demo and on 100,000
# generated events. Any report fails (TSAN_OPTIONS exitcode).
set -u
SLAREPORT=${SLAREPORT:?}
SLAGEN=${SLAGEN:?}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-tsan.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
export TSAN_OPTIONS="halt_on_error=1 exitcode=66"
fail=0

# run WANT_RC CMD...: fails on a race (exit 66) or another exit code.
run() {
	want=$1
	shift
	"$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	if [ "$rc" -ne "$want" ] || grep -q 'ThreadSanitizer' "$TMP/err"; then
		fail=1
		echo "FAIL: tsan: $* (exit $rc)"
		grep -A12 'WARNING: ThreadSanitizer' "$TMP/err" | head -30
	fi
}

"$SLAGEN" -q -o "$TMP/gen" --events 100000 >/dev/null
run 0 "$SLAREPORT" kpis "$TMP/gen"
run 0 "$SLAREPORT" kpis sample-data
run 65 "$SLAREPORT" check sample-data
run 0 "$SLAREPORT" build sample-data -q -o "$TMP/public"
SLAREPORT_PART_BYTES=4096 run 0 "$SLAREPORT" kpis sample-data
SLAREPORT_PART_BYTES=65536 run 0 "$SLAREPORT" build "$TMP/gen" -q -o "$TMP/public-gen" \
    --format html,json,csv
# Into an OUT holding a publication: the inputs hashed and the earlier one
# read, skimmed and parsed on threads beside kpis.json, then compared.
run 0 "$SLAREPORT" build sample-data -q -o "$TMP/public"
cp -R sample-data "$TMP/late" && cp sample-data/late/*.ndjson "$TMP/late/events/"
run 0 "$SLAREPORT" build "$TMP/late" -q -o "$TMP/public"
grep -q '"period"' "$TMP/public/data/restatements.json" ||
    { fail=1; echo "FAIL: tsan: the late export restated nothing"; }
[ "$fail" -eq 0 ] && echo "tsan: no data race"
exit "$fail"
