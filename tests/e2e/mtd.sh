#!/bin/sh
# Month to date end to end (SPEC §8): `build` publishes the month in progress
# besides the ended months, marked "month to date, as of …" on its pages and in
# its report PDF, with the due list sorted by due time and the breaches still
# allowed; the site's headline stays on the last month that ended. Uses the
# KPI case 69 (office hours, clocks due across a weekend) plus one September
# item, so that September has ended. Called by `make e2e` with SLAREPORT and
# BUILD set. Prints "mtd: N passed, M failed".
set -u
SLAREPORT=${SLAREPORT:-./slareport}
BUILD=${BUILD:-build}
HTMLTEXT=${HTMLTEXT:-$BUILD/htmltext}
CASE=$(dirname "$0")/../kpi/69-mtd-due-weekend
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-mtd.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); printf 'FAIL: mtd: %s\n' "$*"; }
check() { name=$1; shift; if "$@"; then ok; else ko "$name"; fi; }
has() { grep -qF -- "$2" "$1"; }
flat() { tr '\n' ' ' <"$1" | tr -s ' '; }
# before FILE A B: A occurs before B in the file.
before() { a=$(grep -nF -- "$2" "$1" | head -1 | cut -d: -f1); b=$(grep -nF -- "$3" "$1" | head -1 | cut -d: -f1); [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]; }

cp -R "$CASE" "$TMP/src"
printf '%s\n' '{"id": "S1", "at": "2026-09-15T09:00:00Z", "type": "opened", "team": "service-desk", "severity": 2, "requester": "sales", "title": "September"}' \
    '{"id": "S1", "at": "2026-09-15T10:00:00Z", "type": "resolved"}' >"$TMP/src/events/september.ndjson"
"$SLAREPORT" build "$TMP/src" -o "$TMP/pub" -q 2>"$TMP/err"
check "build exits 0" test $? -eq 0
P=$TMP/pub
check "the month in progress has pages" test -f "$P/reports/2026-10/desk.html"
check "and a report PDF" test -f "$P/reports/2026-10/report.pdf"
check "kpis.json: October partial" sh -c "grep -A4 '\"period\":[[:space:]]*\"2026-10\"' '$P/data/kpis.json' | grep -q '\"partial\":[[:space:]]*true'"
check "kpis.json: September not partial" sh -c "grep -A4 '\"period\":[[:space:]]*\"2026-09\"' '$P/data/kpis.json' | grep -q '\"partial\":[[:space:]]*false'"
check "kpis.json: report period September" grep -q '"report_period":[[:space:]]*"2026-09"' "$P/data/kpis.json"

# The index headlines September, the last month that ended, and points to October.
"$HTMLTEXT" "$P/index.html" >"$TMP/index.txt"
check "index headline" has "$TMP/index.txt" "Status at a glance September 2026"
check "index links the month to date" has "$P/index.html" '<a class="button secondary" href="reports/2026-10/index.html">October 2026 (month to date)</a>'
check "index notice" has "$TMP/index.txt" "Month to date, as of 2026-10-09 16:00 UTC."

# The month page: the notice first, the due list sorted by due, the allowed table.
"$HTMLTEXT" "$P/reports/2026-10/desk.html" >"$TMP/m.txt"
check "page title says month to date" has "$TMP/m.txt" "October 2026 (month to date)"
check "page notice" has "$TMP/m.txt" "Month to date, as of 2026-10-09 16:00 UTC. The month is still running"
check "due heading" has "$TMP/m.txt" "Due before the month ends"
check "X due Monday 09:00:01 local" has "$P/reports/2026-10/desk.html" '<time datetime="2026-10-12T09:00:01Z">2026-10-12 09:00</time>'
check "W due Monday 15:00:01 local" has "$P/reports/2026-10/desk.html" '<time datetime="2026-10-12T15:00:01Z">2026-10-12 15:00</time>'
check "sorted by due" before "$TMP/m.txt" "Opened Friday morning" "Opened Friday afternoon"
check "X's team is the one holding it" has "$P/reports/2026-10/desk.html" '<td>resolution</td><td>network</td>'
check "allowed heading" has "$TMP/m.txt" "Breaches still allowed this month"
check "notice before the key figures" before "$TMP/m.txt" "Month to date, as of" "Key figures"
# September's page says nothing of the kind.
"$HTMLTEXT" "$P/reports/2026-09/desk.html" >"$TMP/s.txt"
if has "$TMP/s.txt" "Month to date"; then ko "September marked month to date"; else ok; fi
if has "$TMP/s.txt" "Due before the month ends"; then ko "September has a due list"; else ok; fi

# The report PDF: the notice on its first page of content, the due rows in order.
pdftotext -layout "$P/reports/2026-10/report.pdf" "$TMP/r.txt" 2>/dev/null
flat "$TMP/r.txt" >"$TMP/r.flat"
check "PDF cover says month to date" has "$TMP/r.flat" "October 2026 (month to date)"
check "PDF notice" has "$TMP/r.flat" "Month to date, as of 2026-10-09 16:00 UTC."
check "PDF due list" has "$TMP/r.txt" "Due before the month ends"
check "PDF due order" before "$TMP/r.txt" "Opened Friday morning" "Opened Friday afternoon"
check "PDF allowed" has "$TMP/r.txt" "Breaches still allowed this month"

# German.
cp -R "$TMP/src" "$TMP/src-de"
printf 'locale: de\n' >>"$TMP/src-de/site.yml"
"$SLAREPORT" build "$TMP/src-de" -o "$TMP/de" -q 2>/dev/null
check "German build exits 0" test $? -eq 0
"$HTMLTEXT" "$TMP/de/reports/2026-10/desk.html" >"$TMP/mde.txt"
check "German notice (German date, docs/site.md)" has "$TMP/mde.txt" "Laufender Monat, Stand 09.10.2026 16:00 UTC."
check "German due heading" has "$TMP/mde.txt" "Vor Monatsende fällig"
if has "$TMP/mde.txt" "Month to date"; then ko "English notice on the German page"; else ok; fi

printf 'mtd: %d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
