#!/bin/sh
# `make bench-compare BASE=path/to/old/slareport`: this slareport against an
# older build on the same 1M-event set (SPEC §8 cost, issue 12), runs
# alternating, best of RUNS. Three measurements:
#   kpis     `slareport kpis` of the range
#   build    `build` into an empty OUT (html, json, csv)
#   rebuild  `build` into an OUT that holds the same publication: hashing the
#            inputs, reading the earlier kpis.json and comparing — BASE, which
#            may predate restatements, builds into an empty OUT here
# Nothing here fails on a slow machine: it measures.
set -eu
SLAREPORT=${SLAREPORT:-./slareport}
SLAGEN=${SLAGEN:-./gen/slagen}
BASE=${BASE:?set BASE to the slareport binary to compare with}
EVENTS=${EVENTS:-1000000}
RUNS=${RUNS:-8}
RANGE="--from 2025-09 --to 2026-10"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-compare.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

"$SLAGEN" -q -o "$TMP/w" --events "$EVENTS" >/dev/null

# timed BIN MODE: prints the wall seconds of one run
timed() {
	case $2 in
	kpis) /usr/bin/time -f %e -o "$TMP/t" "$1" kpis "$TMP/w" $RANGE >/dev/null 2>&1 || true ;;
	build) rm -rf "$TMP/o"
		/usr/bin/time -f %e -o "$TMP/t" "$1" build "$TMP/w" -q -o "$TMP/o" $RANGE \
		    --format html,json,csv >/dev/null 2>&1 || true ;;
	rebuild) /usr/bin/time -f %e -o "$TMP/t" "$1" build "$TMP/w" -q -o "$TMP/r" $RANGE \
		    --format html,json,csv >/dev/null 2>&1 || true ;;
	esac
	tail -n 1 "$TMP/t"
}
least() { awk -v a="$1" -v b="$2" 'BEGIN { print (b == "" || a < b) ? a : b }'; }

echo "| $EVENTS events, best of $RUNS | base s | now s | now / base |"
echo "|---|---:|---:|---:|"
for mode in kpis build rebuild; do
	b= n= i=0
	while [ "$i" -lt "$RUNS" ]; do
		i=$((i + 1))
		rm -rf "$TMP/r"
		b=$(least "$(timed "$BASE" "$mode")" "$b")
		if [ "$mode" = rebuild ]; then
			timed "$SLAREPORT" build >/dev/null
			mv "$TMP/o" "$TMP/r"
		fi
		n=$(least "$(timed "$SLAREPORT" "$mode")" "$n")
	done
	awk -v m="$mode" -v b="$b" -v n="$n" 'BEGIN { printf "| %s | %.2f | %.2f | %.3f |\n", m, b, n, n / b }'
done
