#!/bin/sh
# Restatements end to end (SPEC §8), the published record in detail (beside
# restate.sh): publications of tests/e2e/restate_record/src one
# after the other into the same OUT, each after one change of the inputs —
# a late event appended to an ended month's file, a changed agreement, a
# removed file — check the ledger data/restatements.json (entries, was/now,
# causes, carried over), the notice on the month pages (htmltext), in the
# report PDF (pdftotext) and the index; --frozen-until refuses (exit 65, OUT
# unchanged, every change listed); the same inputs again restate nothing and
# leave OUT byte-identical. Expected figures are worked out by hand in
# tests/e2e/restate_record/README. Prints "restate_record: N passed, M failed".
set -u
SLAREPORT=${SLAREPORT:-./slareport}
BUILD=${BUILD:-build}
HTMLTEXT=${HTMLTEXT:-$BUILD/htmltext}
HERE=$(dirname "$0")/restate_record
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-restrec.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
export SOURCE_DATE_EPOCH=1790000000
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); printf 'FAIL: restate_record: %s\n' "$*"; }
check() { name=$1; shift; if "$@"; then ok; else ko "$name"; fi; }
has() { grep -qF -- "$2" "$1"; }
hasnt() { ! grep -qF -- "$2" "$1"; }
# ledger OUT: the ledger as one line per entry,
# "published|period|agreement|field|was|now|cause,cause".
ledger() {
	python3 - "$1/data/restatements.json" <<'EOF'
import json, sys
for e in json.load(open(sys.argv[1])):
    v = lambda x: json.dumps(x, separators=(",", ":"))
    print("|".join([e["published"], e["period"], e["agreement"], e["field"],
                    v(e["was"]), v(e["now"]),
                    ",".join(c["path"] + " " + c["change"] for c in e["causes"])]))
EOF
}
pdftext() { pdftotext -raw "$1" - 2>/dev/null | tr '\n' ' '; }
command -v python3 >/dev/null 2>&1 || { ko "python3 missing"; exit 1; }
command -v pdftotext >/dev/null 2>&1 || { ko "pdftotext missing"; exit 1; }

SRC="$TMP/src"
OUT="$TMP/pub"
cp -R "$HERE/src" "$SRC"

# ---- 1. the first publication: inputs.json, an empty ledger ----
"$SLAREPORT" build "$SRC" -o "$OUT" -q 2>"$TMP/err"
check "first build exits 0" test $? -eq 0
python3 - "$OUT/data/inputs.json" "$SRC" >"$TMP/inputs.txt" <<'EOF'
import hashlib, json, os, sys
j = json.load(open(sys.argv[1]))
print(j["data_as_of"])
for f in j["files"]:
    data = open(os.path.join(sys.argv[2], f["path"]), "rb").read()
    ok = f["sha256"] == hashlib.sha256(data).hexdigest() and f["size"] == len(data)
    print(f["path"], "ok" if ok else "WRONG")
EOF
cat >"$TMP/want" <<'EOF'
2026-04-20T10:00:00Z
site.yml ok
agreements/desk.md ok
events/base.ndjson ok
events/extra.ndjson ok
EOF
check "inputs.json: paths, SHA-256, sizes, data-as-of" cmp -s "$TMP/inputs.txt" "$TMP/want"
check "first ledger is []" test "$(tr -d ' \t\n' <"$OUT/data/restatements.json")" = "[]"
"$HTMLTEXT" "$OUT/reports/2026-03/index.html" >"$TMP/p1.txt"
check "no notice before a restatement" hasnt "$TMP/p1.txt" "Restated on"

# ---- 2. a late event: item D appended to events/base.ndjson (March), and an
# April event that moves data-as-of to 2026-04-22T09:00Z ----
cat "$HERE/late.ndjson" >>"$SRC/events/base.ndjson"
"$SLAREPORT" build "$SRC" -o "$OUT" -q 2>"$TMP/err"
check "late-event build exits 0" test $? -eq 0
C='events/base.ndjson changed'
P='2026-04-22T09:00:00Z|2026-03|desk'
cat >"$TMP/want" <<EOF
$P|severities[2].opened|3|4|$C
$P|severities[2].resolved|3|4|$C
$P|severities[2].response.met|3|4|$C
$P|severities[2].response.median_s|1200|600|$C
$P|severities[2].response.ended|3|4|$C
$P|severities[2].resolution.met|2|3|$C
$P|severities[2].resolution.attainment|66.66666666666667|75|$C
$P|severities[2].resolution.median_s|10800|7200|$C
$P|severities[2].resolution.ended|3|4|$C
$P|total.opened|3|4|$C
$P|total.resolved|3|4|$C
$P|total.response.met|3|4|$C
$P|total.response.median_s|1200|600|$C
$P|total.response.ended|3|4|$C
$P|total.resolution.met|2|3|$C
$P|total.resolution.attainment|66.66666666666667|75|$C
$P|total.resolution.median_s|10800|7200|$C
$P|total.resolution.ended|3|4|$C
EOF
ledger "$OUT" >"$TMP/l2"
check "late event: ledger entries" cmp -s "$TMP/l2" "$TMP/want"
[ "$fail" -eq 0 ] || diff "$TMP/want" "$TMP/l2"
"$HTMLTEXT" "$OUT/reports/2026-03/index.html" >"$TMP/p2.txt"
"$HTMLTEXT" "$OUT/reports/2026-03/desk.html" >"$TMP/d2.txt"
N2='Restated on 2026-04-22 09:00 UTC: 18 figures changed, because events/base.ndjson changed.'
check "month page: notice" has "$TMP/p2.txt" "$N2"
check "agreement month page: notice" has "$TMP/d2.txt" "$N2"
check "month page: an entry listed" has "$TMP/p2.txt" "total.resolution.attainment"
# Numbers as the page prints figures (the ledger keeps the exact double).
check "month page: was listed" has "$TMP/p2.txt" "66.67"
# The notice comes before the KPI table: at the top of the page.
check "notice at the top" test "$(grep -nF 'Restated on' "$TMP/d2.txt" | head -1 | cut -d: -f1)" \
    -lt "$(grep -nF 'Key figures' "$TMP/d2.txt" | head -1 | cut -d: -f1 || echo 0)"
"$HTMLTEXT" "$OUT/index.html" >"$TMP/i2.txt"
check "index counts 1 restated month" has "$TMP/i2.txt" "1 restated month:"
check "index links the month" has "$OUT/index.html" '1 restated month: <a href="reports/2026-03/index.html">March 2026</a>'
check "April (in progress) is not restated" hasnt "$TMP/i2.txt" "2 restated months"
pdftotext -raw -f 1 -l 1 "$OUT/reports/2026-03/report.pdf" - 2>/dev/null | tr '\n' ' ' >"$TMP/r2"
check "report PDF page 1: notice" has "$TMP/r2" "Restated on 2026-04-22 09:00 UTC: 18 figures changed, because events/base.ndjson changed."
# The cover carries the notice; the first page of the body repeats it with
# the entries.
pdftotext -raw -f 1 -l 3 "$OUT/reports/2026-03/report.pdf" - 2>/dev/null | tr '\n' ' ' >"$TMP/r2b"
check "report PDF: entry" has "$TMP/r2b" "Desk <&> \"quoted\" total.resolution.attainment 66.67 75"
# The agreement's title has markup characters: escaped in the page source.
check "escaped title" has "$OUT/reports/2026-03/desk.html" "Desk &lt;&amp;&gt;"
cp -R "$OUT" "$TMP/pub2"

# ---- 3. a changed agreement: High resolution 8h -> 12h; B (10h) now met ----
sed 's/resolution: 8h/resolution: 12h/' "$SRC/agreements/desk.md" >"$TMP/desk.md"
mv "$TMP/desk.md" "$SRC/agreements/desk.md"
"$SLAREPORT" build "$SRC" -o "$OUT" -q 2>"$TMP/err"
check "agreement build exits 0" test $? -eq 0
C='agreements/desk.md changed'
cat >"$TMP/want3" <<EOF
$P|severities[2].resolution.met|3|4|$C
$P|severities[2].resolution.breached|1|0|$C
$P|severities[2].resolution.attainment|75|100|$C
$P|severities[2].resolution.goal_met|false|true|$C
$P|severities[2].resolution.target_s|28800|43200|$C
$P|total.resolution.met|3|4|$C
$P|total.resolution.breached|1|0|$C
$P|total.resolution.attainment|75|100|$C
$P|breaches|["B<i> resolution"]|[]|$C
EOF
cat "$TMP/want" "$TMP/want3" >"$TMP/want23"
ledger "$OUT" >"$TMP/l3"
check "changed agreement: ledger carried over + new entries" cmp -s "$TMP/l3" "$TMP/want23"
[ "$fail" -eq 0 ] || diff "$TMP/want23" "$TMP/l3"
"$HTMLTEXT" "$OUT/reports/2026-03/desk.html" >"$TMP/d3.txt"
check "both notices (first)" has "$TMP/d3.txt" "$N2"
check "both notices (second)" has "$TMP/d3.txt" "Restated on 2026-04-22 09:00 UTC: 9 figures changed, because agreements/desk.md changed."
check "index still counts 1 month" has "$OUT/index.html" "1 restated month:"
# A breach set (item ids from the events) is shown as its size; an id with
# markup never reaches the page raw.
check "breach set on the page" has "$TMP/d3.txt" "1 breaches"
if has "$OUT/reports/2026-03/desk.html" 'B<i>'; then ko "raw markup in the page"; else ok; fi
cp -R "$OUT" "$TMP/pub3"

# ---- 4. frozen: removing events/extra.ndjson would restate March ----
rm "$SRC/events/extra.ndjson"
"$SLAREPORT" build "$SRC" -o "$OUT" -q --frozen-until 2026-03 2>"$TMP/err4"
check "frozen: exit 65" test $? -eq 65
check "frozen: OUT unchanged" diff -r "$OUT" "$TMP/pub3"
check "frozen: a change listed" has "$TMP/err4" "would restate 2026-03 desk total.opened: 4 -> 3 (events/extra.ndjson removed)"
check "frozen: how many" has "$TMP/err4" "would restate 14 figures of months frozen until 2026-03"
check "frozen: one line per change" test "$(grep -c 'would restate 2026-03' "$TMP/err4")" -eq 14
# A month after the frozen one may change: February frozen, March restated.
cp -R "$OUT" "$TMP/pub4"
"$SLAREPORT" build "$SRC" -o "$TMP/pub4" -q --frozen-until 2026-02 2>/dev/null
check "frozen until the month before: publishes" test $? -eq 0

# ---- 5. the removed file restates March ----
"$SLAREPORT" build "$SRC" -o "$OUT" -q 2>"$TMP/err"
check "removed-file build exits 0" test $? -eq 0
C='events/extra.ndjson removed'
# E's durations leave: response 5m,20m,30m (median 20m, was 10m), resolution
# 1h,2h,10h (median still 2h, p90 still 10h under nearest rank).
cat >"$TMP/want5" <<EOF
$P|severities[2].opened|4|3|$C
$P|severities[2].resolved|4|3|$C
$P|severities[2].response.met|4|3|$C
$P|severities[2].response.median_s|600|1200|$C
$P|severities[2].response.ended|4|3|$C
$P|severities[2].resolution.met|4|3|$C
$P|severities[2].resolution.ended|4|3|$C
$P|total.opened|4|3|$C
$P|total.resolved|4|3|$C
$P|total.response.met|4|3|$C
$P|total.response.median_s|600|1200|$C
$P|total.response.ended|4|3|$C
$P|total.resolution.met|4|3|$C
$P|total.resolution.ended|4|3|$C
EOF
ledger "$OUT" >"$TMP/l5"
sed -n '28,$p' "$TMP/l5" >"$TMP/l5new"
check "removed file: ledger" cmp -s "$TMP/l5new" "$TMP/want5"
[ "$fail" -eq 0 ] || diff "$TMP/want5" "$TMP/l5new"
head -27 "$TMP/l5" >"$TMP/l5old"
check "removed file: earlier entries kept as they were" cmp -s "$TMP/want23" "$TMP/l5old"
check "the same as refused" cmp -s "$TMP/pub4/data/restatements.json" "$OUT/data/restatements.json"

# ---- 6. the same inputs again: nothing restated, byte-identical ----
cp -R "$OUT" "$TMP/pub5"
"$SLAREPORT" build "$SRC" -o "$OUT" -q --frozen-until 2026-03 2>"$TMP/err6"
check "same inputs: exit 0 even frozen" test $? -eq 0
check "same inputs: byte-identical OUT" diff -r "$OUT" "$TMP/pub5"

# ---- 7. German: the notice through the message tables ----
printf 'locale: de\n' >>"$SRC/site.yml"
"$SLAREPORT" build "$SRC" -o "$OUT" -q 2>/dev/null
check "German build exits 0" test $? -eq 0
check "German: no new entry (site.yml changes no figure)" test "$(ledger "$OUT" | wc -l)" -eq 41
"$HTMLTEXT" "$OUT/reports/2026-03/index.html" >"$TMP/de.txt"
check "German notice" has "$TMP/de.txt" "Berichtigt am 22.04.2026 09:00 UTC: 14 Kennzahlen geändert, weil events/extra.ndjson entfernt wurde."
pdftotext -raw -f 1 -l 1 "$OUT/reports/2026-03/report.pdf" - 2>/dev/null | tr '\n' ' ' >"$TMP/rde"
check "German PDF page 1" has "$TMP/rde" "Berichtigt am 22.04.2026 09:00 UTC: 18 Kennzahlen geändert, weil events/base.ndjson sich geändert hat."

# ---- 8. an OUT without inputs.json (an older slareport's) is not compared ----
rm "$TMP/pub2/data/inputs.json"
"$SLAREPORT" build "$SRC" -o "$TMP/pub2" -q 2>/dev/null
check "no inputs.json: exit 0" test $? -eq 0
check "no inputs.json: ledger carried over, nothing added" test "$(ledger "$TMP/pub2" | wc -l)" -eq 18

printf 'restate_record: %d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
