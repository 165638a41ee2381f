#!/bin/sh
# The executive summary end to end (issue 13.1): the demo's October 2026 on
# reports/2026-10/index.html (build/htmltext) and in its report PDF
# (pdftotext), against figures worked by hand from the demo's kpis.json
# counts, and the German labels with `locale: de`. Called by `make e2e` with
# SLAREPORT and BUILD set. Prints "summary: N passed, M failed".
set -u
SLAREPORT=${SLAREPORT:-./slareport}
BUILD=${BUILD:-build}
HTMLTEXT=${HTMLTEXT:-$BUILD/htmltext}
DEMO=$(dirname "$0")/../../sample-data
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-summary.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); printf 'FAIL: summary: %s\n' "$*"; }
check() { name=$1; shift; if "$@"; then ok; else ko "$name"; fi; }
# flat FILE: the text on one line, runs of white space as one space.
flat() { tr '\n' ' ' <"$1" | tr -s ' '; }
# has FILE TEXT: TEXT (words separated by single spaces) in the flattened file.
has() { flat "$1" | grep -qF -- "$2"; }
# order FILE A B: A occurs before B in the flattened file.
order() {
	t=$(flat "$1")
	a=${t%%"$2"*}
	b=${t%%"$3"*}
	[ "$a" != "$t" ] && [ "$b" != "$t" ] && [ ${#a} -lt ${#b} ]
}

"$SLAREPORT" build "$DEMO" -o "$TMP/pub" -q 2>"$TMP/err"
check "build exits 0" test $? -eq 0
"$HTMLTEXT" "$TMP/pub/reports/2026-10/index.html" >"$TMP/h.txt"
pdftotext -f 2 -l 3 "$TMP/pub/reports/2026-10/report.pdf" "$TMP/p.txt" 2>/dev/null
check "pdftotext" test -s "$TMP/p.txt"

# Customer Onboarding, October 2026 (kpis.json counts): resolution, pooled
# over the severities, met 34 breached 2 -> 34/36 = 94.444 -> 94.4%; September
# met 26 breached 2 -> 26/28 = 92.857; change 94.444 - 92.857 = +1.587 -> +1.6
# pts. Every goal with data met (severity 3 resolution 21/23 = 91.3% >= 85),
# no credit section -> Green, credit "–". 2 breaches.
# IT Service Desk, October: met 288 breached 20 -> 288/308 = 93.506 -> 93.5%;
# September 292/298 = 97.987; change -4.481 -> −4.5 pts. Credit tier 5% of the
# fee 12,000 = 600.00 EUR -> Red: credit owed (severity 2 missed too, but
# severity 1 met 9/9 and 11/11). 38 breaches.
# OLA Systems and Workplace: severity 1 resolution 6/7 = 85.7% < 95 -> Red:
# severity 1 missed, without a credit; 55/61 = 90.164 -> 90.2%.
for f in h p; do
	case $f in h) w=page ;; p) w=PDF ;; esac
	check "$w: heading" has "$TMP/$f.txt" "Executive summary"
	check "$w: onboarding row" has "$TMP/$f.txt" "Green 94.4% +1.6 pts 2 –"
	check "$w: desk row" has "$TMP/$f.txt" "Red: credit owed 93.5% −4.5 pts 38 600.00 EUR"
	check "$w: systems OLA attainment" has "$TMP/$f.txt" "90.2% +1.3 pts 6 –"
	# (pdftotext reads the wrapped cells of this row side by side.)
	check "$w: systems OLA status" has "$TMP/$f.txt" "Red: severity"
	check "$w: systems OLA status, end" has "$TMP/$f.txt" "1 missed"
	check "$w: the rule" has "$TMP/$f.txt" "Amber: any other goal was missed."
	# Sparkline of Onboarding: Nov 2025 … Oct 2026, its text alternative.
	check "$w: sparkline text" has "$TMP/$f.txt" "Nov 2025 to Oct 2026: from 100% to 94.4%, low 83.3%, high 100%"
	# Credits: October 600 (desk) + 144 (facility, 3% of 4,800) = 744.00 EUR;
	# 2026 to date: desk 1000 + 500 + 1000 + 500 + 600 (Aug) + 600 (Oct) = 4200,
	# facility 144 (Aug) + 144 (Oct) = 288 -> 4,488.00 EUR.
	check "$w: credits this month" has "$TMP/$f.txt" "744.00 EUR"
	check "$w: credits this year" has "$TMP/$f.txt" "4,488.00 EUR"
	# Every goal met: Onboarding and Lead Hand-off (the others miss one).
	check "$w: met x of y" has "$TMP/$f.txt" "2 of 7"
	# Runs of missed months back from October: OLA Network misses in May …
	# October (April all met) = 6; OLA Systems March … October (February all
	# met) = 8.
	check "$w: network run" has "$TMP/$f.txt" "OLA: Network Operations for the IT Service Desk: a goal missed 6 months running"
	check "$w: systems run" has "$TMP/$f.txt" "OLA: Systems and Workplace for the IT Service Desk: a goal missed 8 months running"
	# LEAD-000733 (warm, 10d = 240 h on 24x7): opened 2026-10-09 09:33:52Z,
	# resolved 2026-10-30 09:10:34Z = 503h 36m 42s -> 263h 36m over, the most.
	check "$w: furthest over" has "$TMP/$f.txt" "LEAD-000733 Autohaus Krüger – Lagerregale"
	check "$w: how far" has "$TMP/$f.txt" "263h 36m over"
	check "$w: furthest first" order "$TMP/$f.txt" "263h 36m over" "99h 5m over"
done
# "Over target" is a figure column: right-aligned on the page and in print
# (the 10 "over" words of page 3 end at one x, to a tenth of a point).
check "page: over target right-aligned" grep -q '<td class="num">263h 36m over</td>' "$TMP/pub/reports/2026-10/index.html"
check "PDF: over target right-aligned" sh -c "pdftotext -bbox -f 3 -l 3 '$TMP/pub/reports/2026-10/report.pdf' - 2>/dev/null | grep '>over<' | sed 's/.*xMax=\"\\([0-9.]*\\)\".*/\\1/' | awk '\$1 > 300 { n++; r[sprintf(\"%.1f\", \$1)] = 1 } END { k = 0; for (x in r) k++; exit !(n == 10 && k == 1) }'"
check "PDF: summary, then the contents" order "$TMP/p.txt" "Needs attention" "Contents"
# The page: the summary opens the main content, before the first agreement.
check "page: summary first" order "$TMP/h.txt" "Executive summary" "Customer Onboarding Hand-off, US Region SLA"
# Print: the summary and the contents share a page, after the cover; the old
# table is gone.
check "PDF: contents on page 3" sh -c "pdftotext -f 3 -l 3 '$TMP/pub/reports/2026-10/report.pdf' - 2>/dev/null | grep -q '^Contents'"
check "PDF: no 'Status at a glance'" sh -c "! pdftotext '$TMP/pub/reports/2026-10/report.pdf' - 2>/dev/null | grep -q 'Status at a glance'"
# The status mark before each word (grayscale: word and shape).
check "PDF: status marks" has "$TMP/p.txt" "■ Red: credit owed"
# The month in progress: a summary "so far", marked provisional.
"$HTMLTEXT" "$TMP/pub/reports/2026-11/index.html" >"$TMP/m.txt"
check "month to date: so far" has "$TMP/m.txt" "Executive summary so far"
check "month to date: provisional" has "$TMP/m.txt" "statuses and credits are provisional"

# German: the site in `locale: de`.
cp -R "$DEMO" "$TMP/de"
sed 's/^locale: en$/locale: de/' "$DEMO/site.yml" >"$TMP/de/site.yml"
"$SLAREPORT" build "$TMP/de" -o "$TMP/pub-de" -q 2>/dev/null
check "German build" test $? -eq 0
"$HTMLTEXT" "$TMP/pub-de/reports/2026-10/index.html" >"$TMP/hd.txt"
pdftotext -f 2 -l 3 "$TMP/pub-de/reports/2026-10/report.pdf" "$TMP/pd.txt" 2>/dev/null
for f in hd pd; do
	check "$f: German heading" has "$TMP/$f.txt" "Zusammenfassung für die Leitung"
	check "$f: German row" has "$TMP/$f.txt" "Rot: Gutschrift fällig 93,5 %"
	check "$f: German rule" has "$TMP/$f.txt" "Gelb: ein anderes Ziel wurde verfehlt."
	check "$f: German credits" has "$TMP/$f.txt" "4.488,00 EUR"
	check "$f: German run" has "$TMP/$f.txt" "ein Ziel 8 Monate in Folge verfehlt"
	check "$f: German over" has "$TMP/$f.txt" "263 Std. 36 Min. darüber"
done

# ---- covers and document information carry the record (issue 13.8) ----
R="$TMP/pub/reports/2026-10/report.pdf"
fp=$(grep -o '"fingerprint":[[:space:]]*"[0-9a-f]*"' "$TMP/pub/data/inputs.json" 2>/dev/null | head -1 | grep -o '[0-9a-f]\{64\}')
pdftotext -f 1 -l 1 "$R" "$TMP/cover.txt" 2>/dev/null
check "cover: issued" grep -q '^Issued$' "$TMP/cover.txt"
check "cover: data as of, the latest event" grep -q '^2026-11-02 11:40 Europe/Berlin$' "$TMP/cover.txt"
check "cover: inputs fingerprint" grep -q '^Inputs fingerprint$' "$TMP/cover.txt"
pdfinfo "$R" >"$TMP/info.txt" 2>/dev/null
check "PDF Subject: data as of" grep -q '^Subject: *Data as of 2026-11-02 11:40 Europe/Berlin$' "$TMP/info.txt"
check "PDF Keywords: the fingerprint" grep -Eq '^Keywords: *Inputs fingerprint: SHA-256 [0-9a-f]{64}$' "$TMP/info.txt"
if [ -n "$fp" ]; then check "PDF Keywords = inputs.json's fingerprint" grep -q "$fp" "$TMP/info.txt"; fi
pdftotext -f 1 -l 1 "$TMP/pub/agreements/facility-sales.pdf" "$TMP/bcover.txt" 2>/dev/null
pdftotext -f 1 -l 1 "$TMP/pub/agreements/it-service-desk.pdf" "$TMP/cover-desk.txt" 2>/dev/null
pdftotext "$TMP/pub/reports/2026-10/report.pdf" "$TMP/report.txt" 2>/dev/null
check "brochure cover in its language: Fingerabdruck" grep -q '^Fingerabdruck der Eingaben$' "$TMP/bcover.txt"

# Team names (site.yml `teams`), not ids, on covers, meta lines, team pages
# and the OLA chart's legend; ids stay in kpis.json and in the addresses.
check "brochure cover: team names" grep -q '^SLA · IT Service Desk → Sales$' "$TMP/cover-desk.txt"
check "report: meta line with team names" has "$TMP/report.txt" "Application Management → IT Service Desk ·"
check "report: no team id in a meta line" sh -c "! grep -q 'service-desk →\|→ service-desk' '$TMP/report.txt'"
check "team page named, address by id" grep -q '<h1>Team IT Service Desk</h1>' "$TMP/pub/teams/service-desk.html"
check "OLA chart legend names the team" grep -q '>Network Operations<' "$TMP/pub/reports/2026-10/it-service-desk.html"
# The contents list what follows them, not themselves (they are a bookmark
# and a running-header section of their own).
check "brochure contents do not list themselves" sh -c "pdftotext -f 2 -l 2 '$TMP/pub/agreements/it-service-desk.pdf' - 2>/dev/null | grep -A1 '^Contents\$' | tail -1 | grep -qx 'Service levels'"
check "report: running header 'Contents' on the contents' own page" sh -c "pdftotext -layout -f 4 -l 4 '$TMP/pub/reports/2026-10/report.pdf' - 2>/dev/null | head -1 | grep -q 'Contents\$'"
check "kpis.json keeps the id" grep -q '"provider":[[:space:]]*"service-desk"' "$TMP/pub/data/kpis.json"

printf 'summary: %d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
