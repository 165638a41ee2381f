#!/bin/sh
# Charts end to end: every chart kind of every agreement of sample-data and of
# a hand-made edge-case kpis.json (tests/e2e/charts/edge-kpis.json), rendered
# by $BUILD/chartdump as SVG, PNG and one PDF; checks structure, determinism,
# locales, PDF text, and golden titles/summaries/normalised SVGs.
# Called by `make e2e` with SLAREPORT and BUILD set; CHARTS_UPDATE_GOLDEN=1
# rewrites the golden files. Prints "charts: N passed, M failed".
set -u
SLAREPORT=${SLAREPORT:-./slareport}
BUILD=${BUILD:-build}
CHARTDUMP=${CHARTDUMP:-$BUILD/chartdump}
DIR=$(dirname "$0")/charts
SAMPLE=$(dirname "$0")/../../sample-data
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-charts.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); printf 'FAIL: charts: %s\n' "$*"; }
check() { name=$1; shift; if "$@"; then ok; else ko "$name"; fi; }

if [ ! -x "$CHARTDUMP" ]; then
	ko "no $CHARTDUMP (make $BUILD/chartdump)"
	printf 'charts: %d passed, %d failed\n' "$pass" "$fail"
	exit 1
fi

# ---- sample-data: every kind for every agreement ----
"$SLAREPORT" kpis "$SAMPLE" >"$TMP/kpis.json" 2>/dev/null
check "kpis of sample-data" test -s "$TMP/kpis.json"
"$CHARTDUMP" "$TMP/kpis.json" "$TMP/en" en >"$TMP/log" 2>&1
check "chartdump sample-data en" [ $? -eq 0 ]
# The demo's agreements are named by their ids.
ids=$(for f in "$SAMPLE"/agreements/*.md; do basename "$f" .md; done)
check "seven agreements" [ "$(echo $ids | wc -w)" -eq 7 ]
for id in $ids; do
	for kind in attainment trend volume distribution; do
		for ext in svg png json; do
			check "$id-$kind.$ext exists" test -s "$TMP/en/$id-$kind.$ext"
		done
	done
done
for kind in attainment trend volume distribution ola; do
	check "it-service-desk-$kind.svg" test -s "$TMP/en/it-service-desk-$kind.svg"
done
check "no OLA picture for an SLA without OLAs" test ! -e "$TMP/en/customer-onboarding-ola.svg"
check "no OLA picture for an OLA" test ! -e "$TMP/en/ola-network-ola.svg"

# SVG: inlinable (no prolog), every id carries the chart's prefix, title and desc.
for f in "$TMP"/en/*.svg; do
	b=$(basename "$f" .svg)
	check "$b: starts with <svg" [ "$(head -c 4 "$f")" = "<svg" ]
	check "$b: no XML prolog" sh -c "! grep -q '<?xml' '$f'"
	bad=$(grep -o 'id="[^"]*"' "$f" | grep -v "^id=\"$b-" | head -1)
	check "$b: ids prefixed ($bad)" [ -z "$bad" ]
	bad=$(grep -o 'href="#[^"]*"' "$f" | grep -v "^href=\"#$b-" | head -1)
	check "$b: references prefixed ($bad)" [ -z "$bad" ]
	check "$b: title and desc" grep -q "<title id=\"$b-title\">.*</title>" "$f"
	grep -q "<desc id=\"$b-desc\">" "$f" && ok || ko "$b: desc"
done
# PNG signature.
for f in "$TMP"/en/*.png; do
	sig=$(head -c 4 "$f" | od -An -c | tr -d ' ')
	check "$(basename "$f"): PNG" [ "$sig" = "211PNG" ]
done
# The example of the issue: severity sentences with attainment, n, goal, verdict.
check "summary sentence" grep -q '"summary":[[:space:]]*"Severity 1: [0-9.]*% of [0-9]* resolved in time, goal 100% — \(met\|missed\)' \
    "$TMP/en/it-service-desk-attainment.json"

# Same input, same bytes (cairo's process-wide ids are renumbered per chart).
"$CHARTDUMP" "$TMP/kpis.json" "$TMP/en2" en >/dev/null 2>&1
for f in "$TMP"/en/*.svg "$TMP"/en/*.png "$TMP"/en/*.json "$TMP/en/charts.pdf"; do
	b=$(basename "$f")
	check "deterministic $b" cmp -s "$f" "$TMP/en2/$b"
done

# German: numbers and months follow the locale.
"$CHARTDUMP" "$TMP/kpis.json" "$TMP/de" de >/dev/null 2>&1
check "chartdump de" test -s "$TMP/de/it-service-desk-attainment.json"
NBSP=$(printf '\302\240')
check "de: Priorität, 95,3 % style" grep -q "\"summary\":[[:space:]]*\"Priorität 1: [0-9,]*$NBSP% von" \
    "$TMP/de/it-service-desk-attainment.json"
check "de: Okt. in titles" grep -q '"title":[[:space:]]*"Rechtzeitig gelöst, Nov. 2025 bis Okt. 2026"' \
    "$TMP/de/it-service-desk-trend.json"

# PDF: charts replayed as vectors, text stays text, fonts embedded.
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext "$TMP/en/charts.pdf" "$TMP/charts.txt" 2>/dev/null
	check "PDF text: title" grep -q "Resolved in time by severity, October 2026" "$TMP/charts.txt"
	check "PDF text: labels" grep -q "Critical" "$TMP/charts.txt"
	pdftotext "$TMP/de/charts.pdf" "$TMP/charts-de.txt" 2>/dev/null
	check "PDF text: umlauts" grep -q "Rechtzeitig gelöst nach Priorität" "$TMP/charts-de.txt"
	pdffonts "$TMP/en/charts.pdf" 2>/dev/null | grep -q 'DejaVuSans.*yes *yes' && ok ||
	    ko "PDF fonts embedded"
	n=$(ls "$TMP"/en/*.svg | wc -l)
	pages=$(pdfinfo "$TMP/en/charts.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	check "PDF: a page per chart ($pages vs $n)" [ "$pages" = "$n" ]
fi

# ---- edge cases (issue 4 point 5) ----
"$CHARTDUMP" "$DIR/edge-kpis.json" "$TMP/edge-de" de 2026-10 >/dev/null 2>&1
check "chartdump edge cases, German" [ $? -eq 0 ]
"$CHARTDUMP" "$DIR/edge-kpis.json" "$TMP/edge" en 2026-10 >"$TMP/log" 2>&1
check "chartdump edge cases" [ $? -eq 0 ]
check "edge: 25 charts" grep -q "chartdump: 25 charts" "$TMP/log"
check "edge: no data" grep -q '"summary":[[:space:]]*"No items in October 2026."' "$TMP/edge/edge-empty-attainment.json"
check "edge: only breaches" grep -q 'Warm lead: 0% of 5 resolved in time, goal 90% — missed' "$TMP/edge/edge-one-attainment.json"
check "edge: null attainment" grep -q 'cold: no items' "$TMP/edge/edge-one-attainment.json"
# Golden: titles and summaries of every edge chart, and normalised SVGs of a
# few (coordinates rounded to 0.1 pt).
for f in "$TMP"/edge/*.json; do
	printf '%s\n' "$(basename "$f" .json)"
	grep -E '^	"(title|summary)"' "$f"
done >"$TMP/edge-meta.txt"
normalise() {
	sed -e '/<defs>/,/<\/defs>/d' "$1" |
	    awk '{ out = ""; s = $0
		while (match(s, /-?[0-9]+\.[0-9]+/)) {
			n = substr(s, RSTART, RLENGTH); v = sprintf("%.1f", n + 0)
			if (v == "-0.0") v = "0.0"
			out = out substr(s, 1, RSTART - 1) v; s = substr(s, RSTART + RLENGTH) }
		print out s }'
}
for g in edge-one-attainment edge-one-volume edge-one-distribution edge-empty-trend; do
	normalise "$TMP/edge/$g.svg" >"$TMP/$g.svg.norm"
done
if [ "${CHARTS_UPDATE_GOLDEN:-}" = 1 ]; then
	mkdir -p "$DIR/golden"
	cp "$TMP/edge-meta.txt" "$DIR/golden/edge-meta.txt"
	for g in edge-one-attainment edge-one-volume edge-one-distribution edge-empty-trend; do
		cp "$TMP/$g.svg.norm" "$DIR/golden/$g.svg.norm"
	done
fi
if diff -u "$DIR/golden/edge-meta.txt" "$TMP/edge-meta.txt" >"$TMP/diff"; then ok; else
	ko "edge titles and summaries differ from golden/edge-meta.txt"; head -20 "$TMP/diff"
fi
for g in edge-one-attainment edge-one-volume edge-one-distribution edge-empty-trend; do
	if diff -u "$DIR/golden/$g.svg.norm" "$TMP/$g.svg.norm" >"$TMP/diff"; then ok; else
		ko "$g.svg differs from golden/$g.svg.norm"; head -10 "$TMP/diff"
	fi
done

printf 'charts: %d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
