#!/bin/sh
# parity.sh: print = page (issue 13, point 4). Every text block of the main
# content of each agreement page (agreements/<id>.html) and each month index
# (reports/<P>/index.html) is in its PDF (agreements/<id>.pdf,
# reports/<P>/report.pdf), word by word and in the same order, as
# tests/tools/parity.py measures it; only elements marked data-screen-only
# are skipped (docs/pdf.md, "What print leaves out and why"). Also checks that
# the measure can fail: a block print lacks, two blocks swapped, and that a
# data-screen-only block is skipped.
#
# Called by `make e2e` with SLAREPORT, BUILD set; prints one line per failure
# and "parity: N passed, M failed". PARITY_BENCH=1 instead measures a
# 21-agreement × 24-month site made as tests/bench/site-bench.sh makes it
# (SLAGEN, EVENTS per copy, default 20000) and prints the figures.
set -u
SLAREPORT=${SLAREPORT:-./slareport}
SLAGEN=${SLAGEN:-./gen/slagen}
TESTS=$(cd "$(dirname "$0")/.." && pwd)
ROOT=$(cd "$TESTS/.." && pwd)
PARITY="python3 $TESTS/tools/parity.py"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-parity.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); printf 'FAIL: parity: %s\n' "$*"; }

for tool in python3 pdftotext; do
	command -v $tool >/dev/null 2>&1 || { ko "$tool missing"; echo "parity: $pass passed, $fail failed"; exit 1; }
done

# pairs OUT: "page pdf" per line, every agreement page and month index.
pairs() {
	for h in "$1"/agreements/*.html; do
		[ -f "$h" ] && echo "$h ${h%.html}.pdf"
	done
	for d in "$1"/reports/*/; do
		[ -f "${d}index.html" ] && echo "${d}index.html ${d}report.pdf"
	done
}

# measure OUT: runs every pair, one result line per page (and the blocks
# missing or out of order under it); fails when one is short of 100%.
measure() {
	pairs "$1" >"$TMP/pairs"
	[ -s "$TMP/pairs" ] || { ko "$1: no pages"; return; }
	while read -r h p; do
		if [ ! -f "$p" ]; then
			ko "$h: no $p"
			continue
		fi
		if $PARITY "$h" "$p" >"$TMP/one" 2>&1; then
			ok
		else
			ko "$(head -n 1 "$TMP/one")"
			tail -n +2 "$TMP/one" | head -20
		fi
		head -n 1 "$TMP/one" >>"$TMP/figures"
	done <"$TMP/pairs"
}

# totals: blocks, found and in order over every page measured.
totals() {
	awk '{ n += $2; f += $2 * $4 / 100; o += $2 * $6 / 100; k++ }
	    END { printf "%d pages, %d blocks, %.1f%% found, %.1f%% in order\n", k, n,
	    n ? 100 * f / n : 100, n ? 100 * o / n : 100 }' "$TMP/figures" | sed 's/^/parity: /'
}

if [ "${PARITY_BENCH:-0}" = 1 ]; then
	src="$TMP/src"
	"$SLAGEN" -q -o "$src" --months 24 --events "${EVENTS:-20000}" >/dev/null
	for c in c2 c3; do
		for f in "$src"/agreements/*.md; do
			case $f in *-c[0-9].md) continue ;; esac
			sed -e "s/^id: \(.*\)/id: \1-$c/" \
			    -e "s/^title: \"\(.*\)\"/title: \"\1 ($c)\"/" \
			    -e "/^supports: null/!s/^supports: \([a-z-]*[a-z]\)\$/supports: \1-$c/" \
			    -e "s/kind: \[incident, request\]/kind: [$c-incident, $c-request]/" \
			    -e "s/kind: \(onboarding\|facility\|lead\)}/kind: $c-\1}/" \
			    "$f" >"${f%.md}-$c.md"
		done
		for f in "$src"/events/*; do
			case $f in *-c[0-9].*) continue ;; esac
			ext=${f##*.}
			sed -e "s/\"id\": \"/\"id\": \"$c-/g" -e "s/\"kind\": \"/\"kind\": \"$c-/g" \
			    "$f" >"${f%.*}-$c.$ext"
		done
	done
	"$SLAREPORT" build "$src" -q -o "$TMP/bench" --format html,pdf >/dev/null 2>&1 ||
	    ko "bench: build failed"
	measure "$TMP/bench"
	echo "parity (bench, $(ls "$src"/agreements/*.md | wc -l) agreements):"
	totals
	printf 'parity: %d passed, %d failed\n' "$pass" "$fail"
	[ $fail -eq 0 ]
	exit
fi

# ---- the demo: 100% of blocks found, 100% in order, every page ----
"$SLAREPORT" build "$ROOT/sample-data" -q -o "$TMP/demo" --format html,pdf >/dev/null 2>&1 ||
    ko "build of sample-data failed"
n=$(pairs "$TMP/demo" | wc -l)
[ "$n" -ge 21 ] && ok || ko "the demo has $n pages with a PDF, want at least 21"
measure "$TMP/demo"
totals

# ---- the measure can fail ----
page="$TMP/demo/agreements/it-service-desk.html"
pdf="$TMP/demo/agreements/it-service-desk.pdf"
$PARITY "$page" "$pdf" --show 2>/dev/null | sed -n 's/^  | //p' >"$TMP/blocks"
# A block that print lacks.
sed 's|</main>|<p>Zwölf quokkas audit the escalation ladder</p></main>|' "$page" >"$TMP/extra.html"
if $PARITY "$TMP/extra.html" "$pdf" >"$TMP/out" 2>&1; then ko "a block print lacks passes"; else
	grep -q '^    missing: Zwölf quokkas audit the escalation ladder$' "$TMP/out" && ok ||
	    ko "a block print lacks is not listed"
fi
# The same block, marked for the screen only, is skipped.
sed 's|</main>|<p data-screen-only>Zwölf quokkas <a href="x">audit</a></p></main>|' "$page" >"$TMP/screen.html"
$PARITY "$TMP/screen.html" "$pdf" >/dev/null 2>&1 && ok || ko "a data-screen-only block is not skipped"
# Two blocks of the page, each once in the PDF, swapped: found, not in order.
n=$(wc -l <"$TMP/blocks")
a=$(head -n $((n / 2)) "$TMP/blocks" | awk '{ print length, $0 }' | sort -rn | head -n 1 | cut -d' ' -f2-)
b=$(tail -n $((n / 2)) "$TMP/blocks" | awk '{ print length, $0 }' | sort -rn | head -n 1 | cut -d' ' -f2-)
printf '<html><body><main><p>%s</p><p>%s</p></main></body></html>\n' "$b" "$a" >"$TMP/swap.html"
if $PARITY "$TMP/swap.html" "$pdf" >"$TMP/out" 2>&1; then ko "two blocks swapped pass"; else
	grep -q '50.0% in order' "$TMP/out" && grep -q '100.0% found' "$TMP/out" && ok ||
	    ko "two blocks swapped: $(head -n 1 "$TMP/out")"
fi
# Words, not characters: a figure that differs in a digit is missing.
printf '<html><body><main><p>%s</p></main></body></html>\n' \
    "$(grep -m 1 -E '^[0-9]+(\.[0-9])?%$' "$TMP/blocks" | sed 's/^\([0-9]\)/9\1/')" >"$TMP/digit.html"
$PARITY "$TMP/digit.html" "$pdf" >/dev/null 2>&1 && ko "a figure with an extra digit passes" || ok

printf 'parity: %d passed, %d failed\n' "$pass" "$fail"
[ $fail -eq 0 ]
