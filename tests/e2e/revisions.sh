#!/bin/sh
# Revisions end to end (SPEC §8): a build of the KPI case 65 (terms revised on
# 2026-07-15, with a note) shows the history of terms in words on the agreement
# page and in its brochure, and each month page names the terms in force — in
# English and, with `locale: de`, in German. Called by `make e2e` with
# SLAREPORT and BUILD set. Prints "revisions: N passed, M failed".
set -u
SLAREPORT=${SLAREPORT:-./slareport}
BUILD=${BUILD:-build}
HTMLTEXT=${HTMLTEXT:-$BUILD/htmltext}
CASE=$(dirname "$0")/../kpi/65-revision-mid-month
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-rev.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); printf 'FAIL: revisions: %s\n' "$*"; }
check() { name=$1; shift; if "$@"; then ok; else ko "$name"; fi; }
has() { grep -qF -- "$2" "$1"; }
# flat FILE: the text with line breaks and runs of blanks as one space, so a
# sentence wrapped by the PDF's layout still reads as one.
flat() { tr '\n' ' ' <"$1" | tr -s ' '; }

# check prints the mid-month warning and exits 0.
"$SLAREPORT" check "$CASE" >"$TMP/check.txt" 2>&1
check "check exits 0" test $? -eq 0
check "check warns about the 15th" has "$TMP/check.txt" \
    "agreements/desk.md:9:12: warning: effective: 2026-07-15 is not the 1st of a month"

build() { # build LANG OUT
	cp -R "$CASE" "$TMP/src-$1"
	[ "$1" = de ] && printf 'locale: de\n' >>"$TMP/src-$1/site.yml"
	"$SLAREPORT" build "$TMP/src-$1" -o "$2" --from 2026-07 --to 2026-08 -q 2>"$TMP/err-$1"
	check "build $1 exits 0" test $? -eq 0
}

build en "$TMP/en"
"$HTMLTEXT" "$TMP/en/agreements/desk.html" >"$TMP/a.txt"
pdftotext "$TMP/en/agreements/desk.pdf" "$TMP/a.pdf.txt" 2>/dev/null
flat "$TMP/a.pdf.txt" >"$TMP/a.pdf.flat"
for f in a.txt a.pdf.flat; do
	check "$f: heading" has "$TMP/$f" "History of terms"
	check "$f: the change in words" has "$TMP/$f" \
	    "From 2026-07-15: High resolution 8h, was 12h; High goal 90%, was 40%; Credit fee 1,000 EUR, was 2,000 EUR."
	check "$f: the note" has "$TMP/$f" "High resolution tightened from 12h to 8h in the July review"
	check "$f: the first terms" has "$TMP/$f" "From 2026-01-01: the terms as first recorded."
done
# The change comes before the note, the note before the first terms.
check "page order" sh -c "grep -n '' '$TMP/a.txt' | grep -F -e 'From 2026-07-15' -e 'first recorded' | head -1 | grep -qF 'From 2026-07-15'"
"$HTMLTEXT" "$TMP/en/reports/2026-07/desk.html" >"$TMP/m7.txt"
"$HTMLTEXT" "$TMP/en/reports/2026-08/desk.html" >"$TMP/m8.txt"
check "July names the revision's terms" has "$TMP/m7.txt" "those from 2026-01-01, in force on the 1st"
check "August names the current terms" has "$TMP/m8.txt" "those from 2026-07-15, in force on the 1st"
# The July page shows July's goal (40 %), not today's (90 %).
check "July goal 40%" grep -q '40%' "$TMP/en/reports/2026-07/desk.html"
# A note with markup stays text.
check "history escaped" sh -c "! grep -q '<script' '$TMP/en/agreements/desk.html'"

build de "$TMP/de"
"$HTMLTEXT" "$TMP/de/agreements/desk.html" >"$TMP/ade.txt"
pdftotext "$TMP/de/agreements/desk.pdf" "$TMP/ade.pdf.txt" 2>/dev/null
flat "$TMP/ade.pdf.txt" >"$TMP/ade.pdf.flat"
for f in ade.txt ade.pdf.flat; do
	check "$f: German heading" has "$TMP/$f" "Verlauf der Bedingungen"
	check "$f: German change" has "$TMP/$f" \
	    "Ab 2026-07-15: High Lösung 8h, vorher 12h; High Ziel 90"
	check "$f: German fee" has "$TMP/$f" "Gutschriftbasis 1.000 EUR, vorher 2.000 EUR."
done
if has "$TMP/ade.txt" "History of terms"; then ko "English heading on the German page"; else ok; fi

printf 'revisions: %d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
