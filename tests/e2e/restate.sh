#!/bin/sh
# Restatements end to end (SPEC §8): publications one after the other into one
# OUT, from the KPI case 65 (July and August ended; the data runs to
# 2026-09-02): the same inputs restate nothing and give the same bytes; a late
# event file, a changed agreement and a removed file each restate August, with
# their causes, in data/restatements.json (carried over), at the top of the
# month's pages (parsed HTML) and on the report PDF's first page (pdftotext);
# --frozen-until refuses. Called by `make e2e` with SLAREPORT and BUILD set.
# Prints "restate: N passed, M failed".
set -u
SLAREPORT=${SLAREPORT:-./slareport}
BUILD=${BUILD:-build}
HTMLTEXT=${HTMLTEXT:-$BUILD/htmltext}
CASE=$(dirname "$0")/../kpi/65-revision-mid-month
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-restate.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); printf 'FAIL: restate: %s\n' "$*"; }
check() { name=$1; shift; if "$@"; then ok; else ko "$name"; fi; }
has() { grep -qF -- "$2" "$1"; }
flat() { tr '\n' ' ' <"$1" | tr -s ' '; }
# entries [FILTER]: how many ledger entries (optionally of one cause change).
entries() { python3 -c "
import json, sys
d = json.load(open('$TMP/out/data/restatements.json'))
print(len([e for e in d if not sys.argv[1:] or any(c['change'] == sys.argv[1] for c in e['causes'])]))" "$@"; }
build() { "$SLAREPORT" build "$TMP/src" -o "$TMP/out" -q --from 2026-07 --to 2026-09 "$@" 2>"$TMP/err"; }

cp -R "$CASE" "$TMP/src"
build
check "first build exits 0" test $? -eq 0
check "inputs.json lists the agreement with its SHA-256" sh -c "grep -A2 '\"agreements/desk.md\"' '$TMP/out/data/inputs.json' | grep -q '\"sha256\":[[:space:]]*\"[0-9a-f]\{64\}\"'"
check "inputs.json has the data-as-of" grep -q '"data_as_of":[[:space:]]*"2026-09-02T08:00:00Z"' "$TMP/out/data/inputs.json"
check "an empty ledger" test "$(entries)" -eq 0

# ---- the same inputs: nothing restated, the same bytes ----
cp -R "$TMP/out" "$TMP/first"
build
check "rebuild exits 0" test $? -eq 0
check "rebuild is byte-identical" diff -r "$TMP/first" "$TMP/out"

# ---- a late event file: August restated, cause "added" ----
cat >"$TMP/src/events/late.ndjson" <<'JSON'
{"id": "L", "at": "2026-08-10T08:00:00Z", "type": "opened", "team": "service-desk", "severity": 2, "requester": "sales", "title": "Exported late"}
{"id": "L", "at": "2026-08-10T08:30:00Z", "type": "responded"}
{"id": "L", "at": "2026-08-10T18:00:00Z", "type": "resolved"}
JSON
build
check "late build exits 0" test $? -eq 0
n_late=$(entries added)
check "August restated by the added file ($n_late entries)" test "$n_late" -gt 0
check "ledger: August's breached 1 -> 2" python3 -c "
import json
d = json.load(open('$TMP/out/data/restatements.json'))
e = [e for e in d if e['field'] == 'severities[2].resolution.breached']
assert len(e) == 1 and e[0]['period'] == '2026-08' and e[0]['agreement'] == 'desk', e
assert e[0]['was'] == 1 and e[0]['now'] == 2, e
assert e[0]['published'] == '2026-09-02T08:00:00Z', e
assert e[0]['causes'] == [{'path': 'events/late.ndjson', 'change': 'added'}], e
"
check "July is not restated" python3 -c "
import json; d = json.load(open('$TMP/out/data/restatements.json'))
assert all(e['period'] == '2026-08' for e in d)"
"$HTMLTEXT" "$TMP/out/reports/2026-08/index.html" >"$TMP/i8.txt"
"$HTMLTEXT" "$TMP/out/reports/2026-08/desk.html" >"$TMP/m8.txt"
"$HTMLTEXT" "$TMP/out/reports/2026-07/index.html" >"$TMP/i7.txt"
for f in i8 m8; do
	check "$f: notice" has "$TMP/$f.txt" "Restated on 2026-09-02 08:00 UTC: $n_late figures changed, because events/late.ndjson was added."
	check "$f: an entry" has "$TMP/$f.txt" "severities[2].resolution.breached"
done
if has "$TMP/i7.txt" "Restated on"; then ko "July says restated"; else ok; fi
check "the notice comes first on the month page" sh -c "[ \$(grep -n 'Restated on' '$TMP/i8.txt' | head -1 | cut -d: -f1) -lt \$(grep -n 'Status\|Key figures\|Round the clock desk' '$TMP/i8.txt' | sed -n 2p | cut -d: -f1) ]"
"$HTMLTEXT" "$TMP/out/index.html" >"$TMP/index.txt"
check "the index counts restated months" has "$TMP/out/index.html" '1 restated month: <a href="reports/2026-08/index.html">'
pdftotext -l 1 "$TMP/out/reports/2026-08/report.pdf" "$TMP/p1.txt" 2>/dev/null
flat "$TMP/p1.txt" >"$TMP/p1.flat"
check "report PDF: the notice on its first page" has "$TMP/p1.flat" "Restated on 2026-09-02 08:00 UTC: $n_late figures changed, because events/late.ndjson was added."
pdftotext "$TMP/out/reports/2026-08/report.pdf" "$TMP/pall.txt" 2>/dev/null
check "report PDF: the entries" has "$TMP/pall.txt" "severities[2].resolution.breached"

# ---- a changed agreement: the August goal, cause "changed" ----
sed 's/goal: 90}/goal: 50}/' "$CASE/agreements/desk.md" >"$TMP/src/agreements/desk.md"
build
check "changed-agreement build exits 0" test $? -eq 0
check "goal restated, caused by the agreement" python3 -c "
import json
d = json.load(open('$TMP/out/data/restatements.json'))
e = [e for e in d if e['field'] == 'severities[2].resolution.goal']
assert len(e) == 1 and e[0]['was'] == 90 and e[0]['now'] == 50, e
assert e[0]['causes'] == [{'path': 'agreements/desk.md', 'change': 'changed'}], e
"
check "the earlier entries are carried over" test "$(entries added)" -eq "$n_late"

# ---- a removed file under --frozen-until: refused, OUT untouched ----
cp -R "$TMP/out" "$TMP/before-frozen"
rm "$TMP/src/events/late.ndjson"
build --frozen-until 2026-08
check "frozen refusal exits 65" test $? -eq 65
check "frozen: nothing published" diff -r "$TMP/before-frozen" "$TMP/out"
check "frozen: each change listed" has "$TMP/err" "slareport: would restate 2026-08 desk severities[2].resolution.breached: 2 -> 1 (events/late.ndjson removed)"
check "frozen: the summary line" grep -q "nothing published: the build would restate [0-9]* figures of months frozen until 2026-08 (--frozen-until)" "$TMP/err"
build --frozen-until 2026-07
check "frozen until July: August may change" test $? -eq 0
check "removed file restates August" test "$(entries removed)" -gt 0
check "bad --frozen-until is a usage error" sh -c "'$SLAREPORT' build '$TMP/src' -o '$TMP/x' --frozen-until 2026-13 2>/dev/null; test \$? -eq 64"

printf 'restate: %d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
