#!/bin/sh
# `make bench`: throughput and peak memory of slareport on generated data.
# Called by the Makefile with SLAREPORT, SLAGEN and CJSONPARSE set; SIZES may
# list other event counts, RUNS how often each is timed (the best counts). Prints a Markdown table for README.md's
# "Performance" section. Nothing here fails on a slow machine: it measures.
set -eu
SLAREPORT=${SLAREPORT:-./slareport}
SLAGEN=${SLAGEN:-./gen/slagen}
CJSONPARSE=${CJSONPARSE:-./build/cjsonparse}
SIZES=${SIZES:-10000 100000 1000000}
# The end-to-end scale check of issue 8 (every format); SCALE_EVENTS=0 skips it.
SCALE_EVENTS=${SCALE_EVENTS:-10000000}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

# measure OUTFILE CMD...: runs CMD RUNS times (default 3) under /usr/bin/time -v;
# sets secs to the best wall time and rss_mb to the largest peak RSS. The best
# of a few runs: one run on a shared 2-core machine varies by a fifth.
RUNS=${RUNS:-3}
measure() {
	out=$1; shift
	secs= rss_mb=0
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		i=$((i + 1))
		/usr/bin/time -v -o "$TMP/time" "$@" >"$out" 2>"$TMP/stderr" || true
		s=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
		    for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$TMP/time")
		r=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$TMP/time")
		if [ -z "$secs" ] || awk -v a="$s" -v b="$secs" 'BEGIN { exit !(a < b) }'; then
			secs=$s
		fi
		if [ "$r" -gt "$rss_mb" ]; then
			rss_mb=$r
		fi
	done
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -m)"
echo
echo "| events | input MB | kpis s | events/s | MB/s | peak RSS MB | bare cJSON parse s | kpis / parse | build (html,json,csv) s |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
	dir="$TMP/data-$n"
	"$SLAGEN" -q -o "$dir" --events "$n" >/dev/null
	mb=$(du -sb "$dir/events" | awk '{ printf "%.1f", $1 / 1048576 }')
	measure "$TMP/parse.out" "$CJSONPARSE" "$dir"/events/*
	parse=$secs
	measure "$TMP/kpis.json" "$SLAREPORT" kpis "$dir"
	kpis=$secs rss=$rss_mb
	measure "$TMP/build.out" "$SLAREPORT" build "$dir" -q -o "$TMP/public-$n" --format html,json,csv
	build=$secs
	awk -v n="$n" -v mb="$mb" -v k="$kpis" -v rss="$rss" -v p="$parse" -v b="$build" 'BEGIN {
	    if (k <= 0) k = 0.005; if (p <= 0) p = 0.005;
	    printf "| %d | %s | %.2f | %.0f | %.1f | %s | %.2f | %.2f | %.2f |\n",
	        n, mb, k, n / k, mb / k, rss, p, k / p, b }'
	rm -rf "$dir" "$TMP/public-$n"
done

# PDF (issue 6): every brochure and report of the demo, with its size and time
# (slareport -v measures each file from its view model to the published bytes).
echo
echo "| PDF of sample-data | pages | KB | ms | CPU ms |"
echo "|---|---:|---:|---:|---:|"
"$SLAREPORT" build sample-data -o "$TMP/pdf" --format pdf -v 2>&1 |
    sed -n 's/^slareport: \([^:]*\.pdf\): \([0-9]*\) pages, \([0-9]*\) KB, \([0-9]*\) ms (CPU \([0-9]*\) ms)$/| \1 | \2 | \3 | \4 | \5 |/p'

# Scale: SCALE_EVENTS events (970 MB of NDJSON at 10 million), `build` with every
# format, then `kpis` and `check`, each with its wall time and peak RSS.
if [ "$SCALE_EVENTS" -gt 0 ]; then
	dir="$TMP/scale"
	"$SLAGEN" -q -o "$dir" --events "$SCALE_EVENTS" >/dev/null
	mb=$(du -sb "$dir/events" | awk '{ printf "%.0f", $1 / 1048576 }')
	echo
	echo "| $SCALE_EVENTS events ($mb MB) | wall s | peak RSS MB |"
	echo "|---|---:|---:|"
	RUNS=1 measure "$TMP/scale.out" "$SLAREPORT" build "$dir" -q -o "$TMP/scale-public" \
	    --format html,pdf,json,csv
	echo "| \`build\` (html, pdf, json, csv) | $secs | $rss_mb |"
	rm -rf "$TMP/scale-public"
	RUNS=1 measure "$TMP/scale.json" "$SLAREPORT" kpis "$dir"
	echo "| \`kpis\` | $secs | $rss_mb |"
	RUNS=1 measure "$TMP/scale.out" "$SLAREPORT" check "$dir"
	echo "| \`check\` | $secs | $rss_mb |"
	rm -rf "$dir" "$TMP/scale.json"
fi
