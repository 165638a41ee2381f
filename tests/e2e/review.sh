#!/bin/sh
# Review schedule and commentary end to end (docs/input.md 3.2 and 3.10) on
# the project in tests/e2e/review: an English SLA reviewed quarterly, last on
# 2026-07-31 (next review 2026-10-31, overdue at the data-as-of date
# 2026-11-02), a German one monthly, last on 2026-10-31 (next 30.11.2026, not
# overdue), and commentary/2026-10.md with the month's text, a section per
# agreement and one for the unknown id "dsk". Checks `check`, the pages
# (htmltext) and the PDFs (pdftotext). Prints "review: N passed, M failed".
set -u
SLAREPORT=${SLAREPORT:-./slareport}
BUILD=${BUILD:-build}
HTMLTEXT=${HTMLTEXT:-$BUILD/htmltext}
SRC=$(dirname "$0")/review
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-review.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); printf 'FAIL: review: %s\n' "$*"; }
check() { name=$1; shift; if "$@"; then ok; else ko "$name"; fi; }
has() { grep -qF -- "$2" "$1"; }
hasnt() { ! grep -qF -- "$2" "$1"; }
# before FILE A B: A occurs on an earlier line than B.
before() { a=$(grep -nF -- "$2" "$1" | head -1 | cut -d: -f1); b=$(grep -nF -- "$3" "$1" | head -1 | cut -d: -f1); [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]; }
flat() { tr '\n' ' ' <"$1" | tr -s ' '; }

# check: the unknown id is a warning with file:line:col and the nearest id.
"$SLAREPORT" check "$SRC" >"$TMP/check.out" 2>&1
check "check exits 0" test $? -eq 0
check "unknown id warning" has "$TMP/check.out" 'commentary/2026-10.md:7:4: warning: no agreement has the id "dsk" (did you mean "desk"?); its text is shown in the month'"'"'s general commentary, under this heading'
check "only that diagnostic" test "$(wc -l <"$TMP/check.out")" -eq 1

"$SLAREPORT" build "$SRC" -o "$TMP/pub" -q 2>"$TMP/err"
check "build exits 0" test $? -eq 0
P=$TMP/pub

# Review: the index flags the overdue one only.
"$HTMLTEXT" "$P/index.html" >"$TMP/index.txt"
check "index: desk overdue" has "$TMP/index.txt" "Review overdue since 2026-10-31"
check "index: one flag" test "$(grep -cF "Review overdue" "$TMP/index.txt")" -eq 1
check "index: lab not overdue" hasnt "$TMP/index.txt" "überfällig"
"$HTMLTEXT" "$P/agreements/desk.html" >"$TMP/desk.txt"
check "desk page: cycle" sh -c "grep -A1 -x 'Review' '$TMP/desk.txt' | grep -qx quarterly"
check "desk page: next review, overdue" sh -c "grep -A1 -x 'Next review' '$TMP/desk.txt' | grep -qx '2026-10-31 Review overdue since 2026-10-31'"
"$HTMLTEXT" "$P/agreements/lab.html" >"$TMP/lab.txt"
check "lab page: German cycle" sh -c "grep -A1 -x 'Überprüfung' '$TMP/lab.txt' | grep -qx monatlich"
check "lab page: German next review" sh -c "grep -A1 -x 'Nächste Überprüfung' '$TMP/lab.txt' | grep -qx 30.11.2026"
pdftotext -l 1 "$P/agreements/desk.pdf" "$TMP/desk-pdf.txt" 2>/dev/null
check "desk brochure cover: overdue" has "$TMP/desk-pdf.txt" "2026-10-31 Review overdue since 2026-10-31"
pdftotext -l 1 "$P/agreements/lab.pdf" "$TMP/lab-pdf.txt" 2>/dev/null
check "lab brochure cover: next review" before "$TMP/lab-pdf.txt" "Nächste Überprüfung" "30.11.2026"
check "lab brochure: not overdue" hasnt "$TMP/lab-pdf.txt" "überfällig"

# Commentary on the month's page: the month's text (raw HTML as text, the
# unknown section kept under its heading), then each agreement's in its block.
"$HTMLTEXT" "$P/reports/2026-10/index.html" >"$TMP/month.txt"
check "month: heading" has "$TMP/month.txt" "Commentary on the month"
check "month: raw HTML shown as text" has "$TMP/month.txt" "Shown as written: <b>not bold</b>."
check "month: unknown section kept" before "$TMP/month.txt" "dsk" "A typo'd section, kept in the month's text."
check "month: general text first" before "$TMP/month.txt" "Commentary on the month" "Service desk SLA"
check "month: desk's in its block" before "$TMP/month.txt" "Service desk SLA" "The desk's new form slowed responses for a week."
check "month: lab's after desk's" before "$TMP/month.txt" "The desk's new form" "Das Labor hat die Prüfstände erneuert."
check "month: German label in lab's block" sh -c "grep -B1 -xF 'Das Labor hat die Prüfstände erneuert.' '$TMP/month.txt' | grep -qx Kommentar"
check "month: no raw tag in the HTML" hasnt "$P/reports/2026-10/index.html" "<b>not bold</b>"
"$HTMLTEXT" "$P/reports/2026-10/desk.html" >"$TMP/am.txt"
check "agreement month: commentary after charts" before "$TMP/am.txt" "Charts" "The desk's new form slowed responses for a week."
check "agreement month: before breaches" before "$TMP/am.txt" "The desk's new form" "No breaches this month."
"$HTMLTEXT" "$P/reports/2026-09/index.html" >"$TMP/sep.txt" 2>/dev/null
check "September: no commentary" hasnt "$TMP/sep.txt" "Commentary"

# The report PDF: the month's text before the sections, each agreement's in its own.
pdftotext "$P/reports/2026-10/report.pdf" "$TMP/report.txt" 2>/dev/null
flat "$TMP/report.txt" >"$TMP/report.flat"
check "report: month's text" has "$TMP/report.flat" "The October review met on the 4th working day. Shown as written: <b>not bold</b>."
check "report: unknown section kept" has "$TMP/report.flat" "dsk A typo'd section, kept in the month's text."
check "report: desk's commentary" has "$TMP/report.flat" "Commentary The desk's new form slowed responses for a week."
check "report: lab's, in German" has "$TMP/report.flat" "Kommentar Das Labor hat die Prüfstände erneuert."
check "report: order" before "$TMP/report.txt" "The October review met" "The desk's new form"
check "report: order of sections" before "$TMP/report.txt" "The desk's new form" "Das Labor hat"

# The commentary is an input: hashed into data/inputs.json.
check "inputs.json lists it" has "$P/data/inputs.json" '"commentary/2026-10.md"'

printf 'review: %d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
