#!/bin/sh
# Exclusions end to end (SPEC §8): a build of tests/e2e/exclusions/src (a
# maintenance window, excluded items, reasons with markup) shows the ledger on
# the month page, the month index, the agreement page and both PDFs, every
# entry with its reason, escaped. Called by `make e2e` with SLAREPORT and
# BUILD set. Prints "exclusions: N passed, M failed".
set -u
SLAREPORT=${SLAREPORT:-./slareport}
BUILD=${BUILD:-build}
HTMLTEXT=${HTMLTEXT:-$BUILD/htmltext}
SRC=$(dirname "$0")/exclusions/src
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-excl.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); printf 'FAIL: exclusions: %s\n' "$*"; }
check() { name=$1; shift; if "$@"; then ok; else ko "$name"; fi; }
# has FILE TEXT: the text occurs in the file (fixed string).
has() { grep -qF -- "$2" "$1"; }

"$SLAREPORT" build "$SRC" -o "$TMP/pub" --from 2026-03 --to 2026-04 -q 2>"$TMP/err"
check "build exits 0" test $? -eq 0
P="$TMP/pub"

# ---- pages: the reader-visible text (htmltext) holds every row with its reason ----
"$HTMLTEXT" "$P/reports/2026-03/desk.html" >"$TMP/m3.txt"
"$HTMLTEXT" "$P/reports/2026-04/desk.html" >"$TMP/m4.txt"
"$HTMLTEXT" "$P/reports/2026-03/index.html" >"$TMP/i3.txt"
"$HTMLTEXT" "$P/agreements/desk.html" >"$TMP/a.txt"
for f in m3 i3; do
	check "$f: heading" has "$TMP/$f.txt" "Exclusions"
	check "$f: window" has "$TMP/$f.txt" "2026-03-21 22:00 – 2026-03-22 02:00 Europe/Berlin"
	check "$f: window reason" has "$TMP/$f.txt" 'Core switch <upgrade> & "reboot"'
	check "$f: item Y" has "$TMP/$f.txt" "Y — Raised in error"
	check "$f: item reason" has "$TMP/$f.txt" "Raised in error by the <b>customer</b>"
done
for f in m4 a; do
	check "$f: item X with reason" has "$TMP/$f.txt" "Waiting for the customer's vendor"
	check "$f: item Y still listed" has "$TMP/$f.txt" "Y — Raised in error"
done
# X was excluded in April: March's ledger does not name it.
if has "$TMP/m3.txt" "Waiting for the customer's vendor"; then ko "m3 lists X"; else ok; fi

# ---- escaping: markup in reasons is text, never HTML ----
for f in "$P/reports/2026-03/desk.html" "$P/reports/2026-03/index.html"; do
	check "escaped <b> in $(basename "$f")" has "$f" "by the &lt;b&gt;customer&lt;/b&gt;"
	if has "$f" "<b>customer</b>"; then ko "raw markup in $f"; else ok; fi
	check "escaped <upgrade> in $(basename "$f")" has "$f" "Core switch &lt;upgrade&gt; &amp;"
done

# ---- a month without exclusions says so ----
"$SLAREPORT" build "$(dirname "$0")/../kpi/10-pause-over-weekend" -o "$TMP/pub2" --period 2026-03 -q 2>/dev/null
"$HTMLTEXT" "$TMP/pub2/reports/2026-03/desk.html" >"$TMP/none.txt"
check "empty ledger sentence" has "$TMP/none.txt" "Nothing excluded in March 2026."

# ---- PDFs (pdftotext): the same rows and reasons ----
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext -raw "$P/reports/2026-03/report.pdf" "$TMP/r3.txt" 2>/dev/null
	pdftotext -raw "$P/agreements/desk.pdf" "$TMP/b.txt" 2>/dev/null
	tr '\n' ' ' <"$TMP/r3.txt" >"$TMP/r3.one"
	tr '\n' ' ' <"$TMP/b.txt" >"$TMP/b.one"
	check "report: heading" has "$TMP/r3.one" "Exclusions"
	check "report: window reason" has "$TMP/r3.one" 'Core switch <upgrade> & "reboot"'
	check "report: item reason" has "$TMP/r3.one" "Raised in error by the <b>customer</b>"
	check "brochure: heading" has "$TMP/b.one" "Exclusions"
	check "brochure: item X reason" has "$TMP/b.one" "Waiting for the customer's vendor"
else
	ko "pdftotext missing"
fi

printf 'exclusions: %d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
