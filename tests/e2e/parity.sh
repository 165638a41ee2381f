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
# Then the same measure on a 21-agreement × 24-month site made as
# tests/bench/site-bench.sh makes it (SLAGEN, EVENTS per copy, default 20000).
#
# Called by `make e2e` with SLAREPORT, BUILD set; prints one line per failure,
# the figures, and "parity: N passed, M failed". PARITY_BENCH=1 measures the
# benchmark site only (`make bench-parity`), PARITY_BENCH=0 the demo only;
# PARITY_KEEP=1 keeps the temporary folder for a look.
set -u
SLAREPORT=${SLAREPORT:-./slareport}
SLAGEN=${SLAGEN:-./gen/slagen}
TESTS=$(cd "$(dirname "$0")/.." && pwd)
ROOT=$(cd "$TESTS/.." && pwd)
PARITY="python3 $TESTS/tools/parity.py"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-parity.XXXXXX")
[ -n "${PARITY_KEEP:-}" ] || trap 'rm -rf "$TMP"' EXIT INT TERM
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
	# Rounded down, as parity.py does: one block short is not 100.0%.
	awk '{ n += $2; f += substr($9, 2); o += $11; k++ }
	    END { printf "%d pages, %d blocks, %.1f%% found, %.1f%% in order\n", k, n,
	    n ? int(1000 * f / n + 1e-6) / 10 : 100, n ? int(1000 * o / n + 1e-6) / 10 : 100 }' \
	    "$TMP/figures" | sed 's/^/parity: /'
}

# bench_site: the 21-agreement × 24-month site, 100% / 100% on every page.
bench_site() {
	: >"$TMP/figures"
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
	na=$(ls "$src"/agreements/*.md | wc -l)
	[ "$na" -eq 21 ] && ok || ko "bench: $na agreements, want 21"
	measure "$TMP/bench"
	echo "parity (bench, $na agreements):"
	totals
}

if [ "${PARITY_BENCH:-}" = 1 ]; then
	bench_site
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

# ---- status in words, online and in print (issue 13 point 8) ----
# From kpis.json, for every month: each satisfaction and volume judged
# ("· Goal met" / "· Goal missed", German for the German agreement), an NPS
# as a whole number; each attainment with a goal followed by its status word.
"$SLAREPORT" build "$ROOT/sample-data" -q -o "$TMP/words" --format html,json,pdf >/dev/null 2>&1
if python3 - "$TMP/words" "$ROOT/sample-data" >"$TMP/words.out" 2>&1 <<'EOF_PY'
import json, re, subprocess, sys
out = sys.argv[1]
k = json.load(open(out + "/data/kpis.json"))
de = {"facility-sales"}	# the demo's German agreement (locale: de)
# `volume.unit` of each agreement, as its front matter gives it (view only:
# kpis.json has no unit), printed after every volume figure.
units = {}
for a in k["agreements"]:
    fm = open(f"{sys.argv[2]}/agreements/{a['id']}.md", encoding="utf-8").read().split("\n---", 1)[0]
    m = re.search(r"^volume:.*\bunit: *([^,}\s]+)", fm, re.M)
    if m:
        units[a["id"]] = m.group(1)
if units.get("lead-handoff") != "EUR":
    print("the demo's lead-handoff has no volume unit EUR"); sys.exit(1)
word = {True: "Goal met", False: "Goal missed"}
wde = {True: "Ziel erreicht", False: "Ziel verfehlt"}
bad = checked = 0
def number(x, dec, g):
    s = f"{abs(x):,.{dec}f}" if dec else f"{int(abs(x) + 0.5):,}"
    if g:
        s = s.replace(",", "X").replace(".", ",").replace("X", ".")
    return ("-" if x < 0 else "") + s
def fig(x, g):
    r = int(abs(x) * 10 + 0.5) / 10
    return number(r, 0 if r == int(r) else 1, g) + (" %" if g else "%")
for a in k["agreements"]:
    g = a["id"] in de
    w = wde if g else word
    for p in a["periods"]:
        page = open(f"{out}/reports/{p['period']}/index.html", encoding="utf-8").read()
        pdf = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8",
            f"{out}/reports/{p['period']}/report.pdf", "-"], capture_output=True,
            text=True).stdout
        pdf = " ".join(pdf.split())
        want = []
        s = p.get("satisfaction")
        if s and isinstance(s.get("met"), bool):
            sc = s["score"]
            if s["scale"] == "nps":
                txt, tg = number(sc, 0, g) + " NPS", number(s["target"], 0, g)
            else:	# percent figures: one decimal unless whole, "%" (German " %")
                txt, tg = fig(sc, g) + " CSAT", fig(s["target"], g)
            want.append(f"{txt} (≥ {tg}, n = {s['count']}) · {w[s['met']]}")
        v = p.get("volume")
        if v and isinstance(v.get("met"), bool):
            u = " " + units[a["id"]] if a["id"] in units else ""
            want.append(f"{number(round(v['actual']), 0, g)}{u} / {number(v['target'], 0, g)}{u} · {w[v['met']]}")
        for t in want:
            checked += 1
            if t not in page.replace("&nbsp;", " ").replace("\u00a0", " "):
                bad += 1; print(f"{a['id']} {p['period']}: page lacks {t!r}")
            if t not in pdf.replace("\u00a0", " "):
                bad += 1; print(f"{a['id']} {p['period']}: report lacks {t!r}")
        # Every clock with a goal: its attainment cell carries the word.
        for r in p["severities"]:
            for clk in ("response", "resolution"):
                c = r.get(clk) or {}
                if isinstance(c.get("goal_met"), bool):
                    checked += 1
                    n = c.get("met", 0) + c.get("breached", 0)
                    pat = (re.escape(w[c["goal_met"]]) + r"</span></td>\s*<td class=\"num\">[^<]*</td>\s*"
                           r"<td class=\"num n\">" + number(n, 0, g) + "<")
                    if not re.search(pat, page):
                        bad += 1; print(f"{a['id']} {p['period']} {clk}: page cell lacks {w[c['goal_met']]} n = {n}")
print(f"{checked} checked, {bad} bad")
sys.exit(1 if bad or checked < 50 else 0)
EOF_PY
then ok; else ko "status in words:"; head -20 "$TMP/words.out"; fi

# ---- the benchmark site (PARITY_BENCH=0 leaves it out) ----
[ "${PARITY_BENCH:-}" = 0 ] || bench_site

printf 'parity: %d passed, %d failed\n' "$pass" "$fail"
[ $fail -eq 0 ]
