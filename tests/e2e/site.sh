#!/bin/sh
# site.sh: end-to-end tests of the intranet site (issue 5). Builds sample-data and
# hostile inputs with the real binary and checks the pages: every page type
# present, HTML5 valid, axe-core clean, no external URL, links resolve,
# screenshots (tests/web/check-site.js, node + chromium + Java), escaping and
# safe file names, --templates, --period, reproducible output, breach tables cut
# at 200 rows with their note (a generated month of 10,000 events).
# Called by `make e2e` with SLAREPORT, SLAGEN, JSONCMP and BUILD set. Prints
# "site: N passed, M failed"; exits non-zero on any failure.
set -u
SLAREPORT=${SLAREPORT:-./slareport}
BUILD=${BUILD:-build}
TESTS=$(cd "$(dirname "$0")/.." && pwd)
SAMPLE="$TESTS/../sample-data"
HOSTILE="$TESTS/e2e/site-hostile"
SHOTS="$BUILD/site-screenshots"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-site.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); printf 'FAIL: site: %s\n' "$*"; }
# t DESCRIPTION COMMAND...: passes when COMMAND succeeds.
t() { d=$1; shift; if "$@" >/dev/null 2>&1; then ok; else ko "$d"; fi; }
# no DESCRIPTION COMMAND...: passes when COMMAND fails (grep finds nothing).
no() { d=$1; shift; if "$@" >/dev/null 2>&1; then ko "$d"; else ok; fi; }

# ---- the demo site ----
pub="$TMP/public"
"$SLAREPORT" build "$SAMPLE" -q -o "$pub" 2>"$TMP/err"
t "build sample-data exits 0 ($(head -c 300 "$TMP/err"))" test $? -eq 0
t "index.html" test -s "$pub/index.html"
t "assets/style.css" test -s "$pub/assets/style.css"
for a in "$SAMPLE"/agreements/*.md; do
	id=$(basename "$a" .md)
	t "agreements/$id.html" test -s "$pub/agreements/$id.html"
done
months=$(ls "$pub/reports" 2>/dev/null | wc -l)
# 14 months that ended and the month in progress (SPEC §8 Month to date).
t "reports/<YYYY-MM>/ for 15 months (got $months)" test "$months" -eq 15
t "reports/2026-10/index.html" test -s "$pub/reports/2026-10/index.html"
t "reports/2026-10/it-service-desk.html" test -s "$pub/reports/2026-10/it-service-desk.html"
t "teams/service-desk.html" test -s "$pub/teams/service-desk.html"
t "index links the month report" grep -q 'href="reports/2026-10/index.html"' "$pub/index.html"
t "index links kpis.json" grep -q 'href="data/kpis.json"' "$pub/index.html"
t "index links the CSVs" grep -q 'href="data/breaches.csv"' "$pub/index.html"
t "agreement page links its PDF" grep -q 'href="it-service-desk.pdf"' "$pub/agreements/it-service-desk.html"
t "month report links report.pdf" grep -q 'href="report.pdf"' "$pub/reports/2026-10/index.html"
t "data-as-of stamp" grep -q 'Data as of' "$pub/reports/2026-10/it-service-desk.html"
t "inputs fingerprint (SHA-256)" grep -Eq 'title="SHA-256 [0-9a-f]{64}"' "$pub/teams/service-desk.html"
t "breadcrumbs" grep -q 'class="crumbs"' "$pub/reports/2026-10/it-service-desk.html"
t "period switcher" grep -q 'class="switcher"' "$pub/reports/2026-10/it-service-desk.html"
t "how we measure" grep -q 'How we measure' "$pub/agreements/it-service-desk.html"
t "how we measure names the holidays" grep -q 'except on 21 holidays (whole local days): 2025-01-01, 2025-03-08' "$pub/reports/2026-10/it-service-desk.html"
t "charts inline, with role=img" grep -q '<svg [^>]*role="img"' "$pub/reports/2026-10/it-service-desk.html"
t "chart data tables" grep -q 'class="chart-data"' "$pub/reports/2026-10/it-service-desk.html"
t "OLA budget chart on the SLA's month page" grep -q 'ola_budget\|ola-budget' "$pub/reports/2026-10/it-service-desk.html"
t "n in its own column, once" grep -q '<td class="num n">[0-9]' "$pub/reports/2026-10/it-service-desk.html"
no "no n = inside the key-figure cells" grep -l 'class="n">n&nbsp;=' "$pub/reports/2026-10/it-service-desk.html"
t "business time in its own table" grep -q '<table class="kpi times">' "$pub/reports/2026-10/it-service-desk.html"
t "breach timelines" grep -q 'class="timeline"' "$pub/reports/2026-10/it-service-desk.html"
# An OLA has no response clock: no Response columns, no "No data" rows.
t "SLA key figures: Response columns" grep -q 'colspan="3" class="group">Response<' "$pub/reports/2026-10/it-service-desk.html"
no "OLA key figures: no Response columns" grep -l 'class="group">Response<' "$pub/reports/2026-10/ola-network.html"
no "OLA: no response 'No data' cells" grep -l 'status-word none">No data<' "$pub/reports/2026-10/ola-network.html"
no "a total without a goal has no 'No data' tooltip" grep -l 'title="No data">91.4%' "$pub/reports/2026-10/ola-network.html"
# Chart data: figures right-aligned, words not (Name, Goal met).
t "chart data: figure columns class=num" grep -q '<th scope="col" class="num">Attainment</th>' "$pub/reports/2026-10/ola-network.html"
t "chart data: word columns left" grep -q '<th scope="col">Name</th>.*<th scope="col">Goal met</th>' "$pub/reports/2026-10/ola-network.html"
t "agreement Markdown rendered (GFM table)" grep -q '<td style="text-align: center">' "$pub/agreements/it-service-desk.html"
no "demo (at most 58 breaches a month): no month's breach table is cut" grep -rlE 'breaches-note|Showing the first' "$pub/reports" --include='*.html'
no "no root-relative or external stylesheet" grep -rlE '<link[^>]*href="(/|https?:)' "$pub" --include='*.html'

# The same input gives the same pages (workers write them in parallel).
"$SLAREPORT" build "$SAMPLE" -q -o "$TMP/again" 2>/dev/null
t "pages are byte-identical across runs" diff -r -x '*.pdf' "$pub" "$TMP/again"

# ---- browsers, validators, links, screenshots ----
# webcheck OUT SHOTS: tests/web/check-site.js on a built site; its counts join ours.
webcheck() {
	mkdir -p "$2"
	node "$TESTS/web/check-site.js" "$1" "$2" >"$TMP/web.log" 2>&1
	grep '^FAIL' "$TMP/web.log" | sed "s|^FAIL: |FAIL: site: $(basename "$1"): |"
	wp=$(tail -n 1 "$TMP/web.log" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	wf=$(tail -n 1 "$TMP/web.log" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -n "$wp" ] && [ -n "$wf" ]; then
		pass=$((pass + wp))
		fail=$((fail + wf))
	else
		ko "web checks of $1 did not finish: $(tail -n 5 "$TMP/web.log")"
	fi
}
web=yes
if [ ! -d "$TESTS/web/node_modules/playwright-core" ] &&
    ! (cd "$TESTS/web" && npm ci --no-audit --no-fund >"$TMP/npm.log" 2>&1); then
	ko "npm ci in tests/web failed: $(tail -n 3 "$TMP/npm.log")"
	web=no
fi
[ "$web" = yes ] && webcheck "$pub" "$SHOTS"

# ---- hostile input: escaping, link schemes, file names ----
h="$TMP/hostile"
"$SLAREPORT" build "$HOSTILE" -q -o "$h" 2>"$TMP/err"
t "build hostile input exits 0 ($(head -c 300 "$TMP/err"))" test $? -eq 0
[ "$web" = yes ] && webcheck "$h" "$SHOTS/hostile"
t "team ../../etc gets teams/etc.html" test -s "$h/teams/etc.html"
t "team <script>alert(1)</script> gets teams/script-alert-1-script.html" test -s "$h/teams/script-alert-1-script.html"
t "team Etc (same slug) gets teams/etc-2.html" test -s "$h/teams/etc-2.html"
t "teams .. and / get teams/team.html, team-2.html" test -s "$h/teams/team-2.html"
n=$(find "$TMP" -name '*.html' ! -path "$h/*" ! -path "$pub/*" ! -path "$TMP/again/*" | wc -l)
t "no page written outside OUT ($n)" test "$n" -eq 0
no "no <script> element anywhere" grep -rli '<script' "$h" --include='*.html'
no "no <iframe> from raw HTML" grep -rli '<iframe' "$h" --include='*.html'
no "no event-handler attribute" grep -rEi '<[a-z][^>]*[[:space:]]on[a-z]+=' "$h" --include='*.html'
no "no javascript:, vbscript:, data:, file: link" grep -rEi '(href|src)="[[:space:]]*(javascript|vbscript|data|file):' "$h" --include='*.html'
no "markup in a severity name escaped everywhere, chart SVGs too" grep -rl '<i>Critical' "$h" --include='*.html'
t "team name shown escaped" grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$h/teams/script-alert-1-script.html"
t "event title shown escaped" grep -q '&lt;img src=x onerror=alert(&#39;ev&#39;)&gt;' "$h/reports/2026-03/evil.html"
t "site title shown escaped" grep -q '<title>Overview – Hostile &lt;b&gt;site&lt;/b&gt; &amp; &quot;title&quot;</title>' "$h/index.html"
t "raw HTML left out" grep -q 'raw HTML omitted' "$h/agreements/evil.html"
t "safe links kept" grep -q 'href="https://intranet.example/sla"' "$h/agreements/evil.html"
t "task list items readable" grep -q 'aria-label="done"' "$h/agreements/evil.html"
# unsafe_html: true keeps raw HTML, never javascript: links
cp -r "$HOSTILE" "$TMP/unsafe-src" && echo 'unsafe_html: true' >>"$TMP/unsafe-src/site.yml"
"$SLAREPORT" build "$TMP/unsafe-src" -q -o "$TMP/unsafe" 2>/dev/null
t "unsafe_html: true keeps raw HTML" grep -q "<iframe" "$TMP/unsafe/agreements/evil.html"
no "unsafe_html: true still drops javascript: links" grep -rEi 'href="[[:space:]]*javascript:' "$TMP/unsafe" --include='*.html'

# ---- --templates DIR overrides file by file; a broken template fails cleanly ----
mkdir -p "$TMP/tpl"
sed 's|</footer>|<p id="custom-footer">custom</p></footer>|' "$TESTS/../templates/footer.mustache" >"$TMP/tpl/footer.mustache"
"$SLAREPORT" build "$HOSTILE" -q -o "$TMP/custom" --templates "$TMP/tpl" 2>/dev/null
t "--templates: the override is used" grep -q 'id="custom-footer"' "$TMP/custom/index.html"
t "--templates: the other templates stay" grep -q 'class="crumbs"' "$TMP/custom/index.html"
printf '{{> header}}\n{{#page}}\n<p>never closed\n' >"$TMP/tpl/team.mustache"
"$SLAREPORT" build "$HOSTILE" -q -o "$TMP/custom" --templates "$TMP/tpl" 2>"$TMP/err"
rc=$?
t "broken template: exit 74 (got $rc)" test "$rc" -eq 74
t "broken template: named with line:col ($(head -c 200 "$TMP/err"))" grep -q 'team.mustache:2:1: section .page. is not closed' "$TMP/err"
t "broken template: OUT left as it was" grep -q 'id="custom-footer"' "$TMP/custom/index.html"

# ---- templates are embedded: the binary needs no source tree ----
bin=$(cd "$(dirname "$SLAREPORT")" && pwd)/$(basename "$SLAREPORT")
(cd "$TMP" && "$bin" build "$HOSTILE" -q -o "$TMP/elsewhere" --format html 2>/dev/null)
t "built from another folder, templates and CSS embedded" grep -q 'class="crumbs"' "$TMP/elsewhere/index.html"
t "assets/style.css copied from the binary" cmp -s "$TMP/elsewhere/assets/style.css" "$TESTS/../templates/style.css"

# ---- --period P: pages for P, 12 months behind the trend chart ----
"$SLAREPORT" build "$SAMPLE" -q -o "$TMP/one" --period 2026-10 2>/dev/null
t "--period: one month of reports" test "$(ls "$TMP/one/reports" | wc -l)" -eq 1
"$SLAREPORT" kpis "$SAMPLE" --period 2026-10 >"$TMP/kpis.json" 2>/dev/null
t "--period: data/kpis.json holds the month asked for, as kpis prints it" cmp -s "$TMP/kpis.json" "$TMP/one/data/kpis.json"
t "--period: the trend chart still covers Nov 2025" grep -q 'Nov 2025' "$TMP/one/reports/2026-10/it-service-desk.html"

# ---- breach tables: at most 200 rows, and a note with the total and the file
# that holds them all. One month of 10,000 generated events: the service desk
# SLA breaches about 250 times, and the service-desk team holds about as many. ----
SLAGEN=${SLAGEN:-$TESTS/../gen/slagen}
big="$TMP/big"
"$SLAGEN" -q -o "$TMP/big-src" --events 10000 --months 1 --force >/dev/null 2>&1
"$SLAREPORT" build "$TMP/big-src" -q -o "$big" 2>/dev/null
t "build of 10,000 events in one month exits 0" test $? -eq 0
# csv_rows OUT: the rows of OUT/data/breaches.csv (written with CRLF).
csv_rows() { tail -n +2 "$1/data/breaches.csv" | tr -d '\r'; }
# group N: the number with English digit grouping (1,234).
group() { echo "$1" | awk '{ s = $1; while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); print s }'; }
# The agreement-month with the most breaches, and the team that held the most.
set -- $(csv_rows "$big" | cut -d, -f1,2 | sort | uniq -c | sort -rn | head -n 1 | tr ',' ' ')
n=${1:-0} id=${2:-none} per=${3:-none}
tn=$(csv_rows "$big" | awk -F, '{ print $NF }' | sort | uniq -c | sort -rn | head -n 1)
team=${tn##* } tn=${tn% *}
tn=$(echo $tn)
t "the input has more than 200 breaches in one agreement-month ($n in $id $per)" test "$n" -gt 200
t "... and more than 200 held by one team ($tn by $team)" test "$tn" -gt 200
page="$big/reports/$per/$id.html"
# breach_table PAGE ID: the lines from the heading h2#ID to the end of its table.
breach_table() { sed -n "/<h2 id=\"$2\">/,/<\/table>/p" "$1"; }
got=$(breach_table "$page" breaches | grep -c '^<tr>$')
t "month page lists 200 breaches (got $got)" test "$got" -eq 200
t "month page: the 200 are the first (breach instant, then id)" test "$(csv_rows "$big" |
    grep "^$id,$per," | head -n 200 | cut -d, -f3 | tr '\n' ' ')" = "$(breach_table "$page" breaches |
    sed -n 's|^<th scope="row"><code>\([^<]*\)</code></th>$|\1|p' | tr '\n' ' ')"
note="Showing the first 200 of $(group "$n") breaches. All of them are in <a href=\"../../data/breaches.csv\" type=\"text/csv\">breaches.csv</a>"
t "month page: the note right under the heading ($note)" test "$(grep -A 1 '<h2 id="breaches">' "$page" |
    sed -n 2p)" = "<p class=\"meta breaches-note\">$note</p>"
t "month page: the note's link target exists" test -s "$(dirname "$page")/../../data/breaches.csv"
t "month report keeps the real total ($n)" grep -qF "$n Breaches" "$big/reports/$per/index.html"
t "index keeps the real total ($n)" grep -q "<td class=\"num\">$n</td>" "$big/index.html"
tp="$big/teams/$team.html"
got=$(breach_table "$tp" held | grep -c '^<tr><td>')
t "team page lists 200 breaches (got $got)" test "$got" -eq 200
t "team page: the note right under the heading says the most recent ($tn)" test "$(grep -A 1 '<h2 id="held">' "$tp" |
    sed -n 2p)" = "<p class=\"meta breaches-note\">Showing the 200 most recent of $(group "$tn") breaches. All of them are in <a href=\"../data/breaches.csv\" type=\"text/csv\">breaches.csv</a></p>"
t "team page: the note's link target exists" test -s "$(dirname "$tp")/../data/breaches.csv"
n_notes=$(grep -rl 'breaches-note' "$big" --include='*.html' | wc -l)
t "only cut tables have a note (2 pages, got $n_notes)" test "$n_notes" -eq 2
# Team pages span the months: in the demo, the teams that held more than 200
# breaches over its 14 months (the service desk) get the note, no other.
csv_rows "$pub" | awk -F, '{ n[$NF]++ } END { for (t in n) if (n[t] > 200) print t }' |
    LC_ALL=C sort >"$TMP/want-notes"
grep -l 'breaches-note' "$pub"/teams/*.html | sed 's|.*/||; s|\.html$||' | LC_ALL=C sort >"$TMP/got-notes"
t "demo: a note on the team pages of more than 200 breaches ($(cat "$TMP/want-notes"))" \
    cmp -s "$TMP/want-notes" "$TMP/got-notes"
# Without the CSV the note names kpis.json; without either, only the count.
"$SLAREPORT" build "$TMP/big-src" -q -o "$TMP/big-json" --format html,json 2>/dev/null
t "--format html,json: the note links data/kpis.json" grep -qF "breaches. All of them are in <a href=\"../../data/kpis.json\" type=\"application/json\">kpis.json</a></p>" "$TMP/big-json/reports/$per/$id.html"
"$SLAREPORT" build "$TMP/big-src" -q -o "$TMP/big-html" --format html 2>/dev/null
t "--format html: the note without a file" grep -qF "<p class=\"meta breaches-note\">Showing the first 200 of $(group "$n") breaches.</p>" "$TMP/big-html/reports/$per/$id.html"
# German
sed 's/^locale: .*/locale: de/' "$TMP/big-src/site.yml" >"$TMP/site.yml" && mv "$TMP/site.yml" "$TMP/big-src/site.yml"
"$SLAREPORT" build "$TMP/big-src" -q -o "$TMP/big-de" --format html,csv 2>/dev/null
t "German note" grep -qF "<p class=\"meta breaches-note\">Angezeigt werden die ersten 200 von $(group "$n" | tr , .) Verletzungen. Alle stehen in <a href=\"../../data/breaches.csv\"" "$TMP/big-de/reports/$per/$id.html"
[ "$web" = yes ] && webcheck "$big" "$SHOTS/cut"

echo "site: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
