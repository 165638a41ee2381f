#!/bin/sh
# Large NDJSON files are read in parts on several threads (src/events_pool.c)
# and must give what one reader gives: every bad-input case, every golden KPI
# case and the demo, read again in parts of a few bytes (SLAREPORT_PART_BYTES),
# must print the same problems, exit codes and kpis.json byte for byte.
# Parts that small put part boundaries inside every line of every file.
set -u
SLAREPORT=${SLAREPORT:-./slareport}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-parts.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0 fail=0

# run OUT CMD DIR: stdout, stderr and exit code of `slareport CMD DIR` in OUT.
run() {
	"$SLAREPORT" "$2" "$3" >"$1.out" 2>"$1.err"
	echo "exit $?" >>"$1.err"
}

for dir in tests/bad/*/ tests/kpi/*/ sample-data/; do
	[ -d "$dir/events" ] || continue
	for cmd in check kpis; do
		run "$TMP/whole" "$cmd" "$dir"
		# The demo (3 MB) in parts of pages, not of bytes: 400,000 parts
		# would take longer than the rest of the suite.
		sizes="7 64"
		[ "$dir" = sample-data/ ] && sizes="4096 65536"
		for bytes in $sizes; do
			SLAREPORT_PART_BYTES=$bytes run "$TMP/parts" "$cmd" "$dir"
			if cmp -s "$TMP/whole.out" "$TMP/parts.out" &&
			    cmp -s "$TMP/whole.err" "$TMP/parts.err"; then
				pass=$((pass + 1))
			else
				fail=$((fail + 1))
				echo "FAIL: $cmd $dir in parts of $bytes bytes differs:"
				diff "$TMP/whole.err" "$TMP/parts.err" | head -5
				diff "$TMP/whole.out" "$TMP/parts.out" | head -5
			fi
		done
	done
done
echo "parts: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
