#!/bin/sh
# Every word the site and the PDFs print comes from the message tables: the
# demo (sample-data/) built with `locale: de` holds no English word of
# templates/i18n/en.json on any page or in any PDF. Then the per-agreement
# locale (a German agreement in an English site, an en-US one with 12-hour
# times) and dates and times per locale. Called by `make e2e` with SLAREPORT
# and BUILD set; needs python3 and pdftotext (make deps installs both).
# Prints "i18n: N passed, M failed".
#
# The list of English words is built here, at test time: the words of every
# message of en.json that no message of de.json has (so "Median", "Team",
# "SLA", "PDF" — the same in German — are not on it). What the input brings
# is the author's, in whatever language it is written: the agreement texts
# (replaced with German ones in the copy), and the exact strings of titles,
# names, teams, reasons and the diagnostics' messages (English by design, as a
# compiler's are), which are cut out of the text before it is scanned.
set -u
SLAREPORT=${SLAREPORT:-./slareport}
BUILD=${BUILD:-build}
HTMLTEXT=${HTMLTEXT:-$BUILD/htmltext}
TESTS=$(dirname "$0")/..
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-i18n.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); printf 'FAIL: i18n: %s\n' "$*"; }
check() { name=$1; shift; if "$@"; then ok; else ko "$name"; fi; }
has() { grep -qF -- "$2" "$1"; }
hasnt() { ! grep -qF -- "$2" "$1"; }

for tool in python3 pdftotext; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "FAIL: i18n: $tool is needed (make deps installs it)"
		echo "i18n: 0 passed, 1 failed"
		exit 1
	fi
done
if [ ! -x "$HTMLTEXT" ]; then
	echo "FAIL: i18n: no $HTMLTEXT (make $BUILD/htmltext)"
	echo "i18n: 0 passed, 1 failed"
	exit 1
fi

# ---- 1. the demo in German: no English word on any page or in any PDF ----
cp -R "$TESTS/../sample-data" "$TMP/src"
sed 's/^locale: .*/locale: de/' "$TESTS/../sample-data/site.yml" >"$TMP/src/site.yml"
grep -q '^locale: de$' "$TMP/src/site.yml" && ok || ko "site.yml of the copy says locale: de"
# The agreements' own texts are the author's: German ones instead, front matter kept.
for f in "$TMP/src/agreements/"*.md; do
	awk 'n < 2 { print } /^---[ \t\r]*$/ { n++ }' "$f" >"$TMP/fm"
	printf '# Vereinbarung\n\nDer Text dieser Vereinbarung, mit **Fettdruck**, einer Liste:\n\n- [ ] offen\n- [x] erledigt\n' >>"$TMP/fm"
	mv "$TMP/fm" "$f"
done
# So is the month's commentary: German text, its sections kept.
for f in "$TMP/src/commentary/"*.md; do
	[ -f "$f" ] || continue
	{ printf 'Kommentar zum Monat.\n'; grep '^## ' "$f" | sed 's/$/\n\nKommentar zur Vereinbarung./'; } >"$TMP/c"
	mv "$TMP/c" "$f"
done
"$SLAREPORT" build "$TMP/src" -o "$TMP/pub" -q 2>"$TMP/build.err"
check "German demo builds (exit 0)" test $? -eq 0
P="$TMP/pub"
n_html=0
for f in $(cd "$P" && find . -name '*.html' | sort); do
	mkdir -p "$TMP/text/$(dirname "$f")"
	"$HTMLTEXT" --all "$P/$f" >"$TMP/text/$f.txt" || ko "htmltext $f"
	n_html=$((n_html + 1))
done
n_pdf=0
for f in $(cd "$P" && find . -name '*.pdf' | sort); do
	mkdir -p "$TMP/text/$(dirname "$f")"
	pdftotext -q -raw "$P/$f" "$TMP/text/$f.txt" || ko "pdftotext $f"
	n_pdf=$((n_pdf + 1))
done
check "pages scanned ($n_html)" test "$n_html" -gt 100
check "PDFs scanned ($n_pdf)" test "$n_pdf" -gt 10

python3 - "$TESTS/../templates/i18n" "$TMP/src" "$P/data/kpis.json" "$TMP/text" \
    >"$TMP/english.txt" <<'EOF'
import glob, json, os, re, sys

tables, src, kpis_path, text_dir = sys.argv[1:5]
WORD = re.compile(r"[A-Za-z][A-Za-z']*[A-Za-z]")

def strings(node):
    if isinstance(node, dict):
        for v in node.values():
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)
    elif isinstance(node, str):
        yield node

def words(s):
    return set(WORD.findall(re.sub(r"%(\d\$)?s", " ", s)))

en = set().union(*(words(s) for s in strings(json.load(open(f"{tables}/en.json")))))
de = set().union(*(words(s) for s in strings(json.load(open(f"{tables}/de.json")))))
# Words of more than two letters only: "n", "d", "h" are units and symbols.
english = sorted(w for w in en - de if len(w) > 2)
if len(english) < 150:
    print(f"LIST only {len(english)} English words: the tables were not read")

# The input's own strings, cut out of the text whole.
own = set()
k = json.load(open(kpis_path))
for a in k["agreements"]:
    own.update(x for x in (a.get("id"), a.get("title"), a.get("provider"), a.get("customer"))
               if isinstance(x, str))
    for p in a["periods"]:
        for s in p["severities"]:
            own.add(s.get("name") or "")
        for b in p["breaches"]:
            own.update(x for x in (b.get("title"), b.get("team"), b.get("id"))
                       if isinstance(x, str))
        for x in p.get("exclusions") or []:
            own.update(v for v in strings(x) if " " in v)
for pr in k["data_quality"]["problems"]:
    own.add(pr.get("message") or "")
    own.add(pr.get("file") or "")
for f in glob.glob(f"{src}/agreements/*.md"):
    for line in open(f, encoding="utf-8"):
        m = re.match(r"\s*(title|review|provider|customer|reason|note):\s*\"?([^\"#]*)", line)
        if m:
            own.add(m.group(2).strip())
        own.update(re.findall(r"name:\s*\"?([^\",}]+)", line))
for line in open(f"{src}/site.yml", encoding="utf-8"):
    m = re.match(r"(title|organisation):\s*\"?([^\"#]*)", line)
    if m:
        own.add(m.group(2).strip())
    # `teams`' display names ("  service-desk: IT Service Desk") are the
    # company's own, whatever the language of the pages.
    m = re.match(r"  [\w-]+:\s*\"?([^\"#]+)", line)
    if m:
        own.add(m.group(1).strip())
for f in glob.glob(f"{src}/events/*"):
    data = open(f, encoding="utf-8", errors="replace").read()
    own.update(re.findall(r'"(?:title|team|requester|service|kind)"\s*:\s*"([^"]*)"', data))
own = sorted((s for s in own if s.strip()), key=len, reverse=True)

english_set = set(english)
found = 0
for path in sorted(glob.glob(f"{text_dir}/**/*.txt", recursive=True)):
    text = " ".join(open(path, encoding="utf-8", errors="replace").read().split())
    for s in own:
        s = " ".join(s.split())
        if s in text:
            text = text.replace(s, " ")
    # Hex digests (the inputs fingerprint) are no words either.
    text = re.sub(r"\b[0-9a-f]{12,}\b", " ", text)
    # File names (breaches.csv, events/crm-export.json) are names, not words.
    text = re.sub(r"[\w./-]+\.(?:csv|json|jsonl|ndjson|pdf|html|md)\b", " ", text)
    hits = {}
    for w in WORD.findall(text):
        if w in english_set:
            hits[w] = hits.get(w, 0) + 1
    for w, n in sorted(hits.items()):
        i = text.find(w)
        ctx = text[max(0, i - 40):i + len(w) + 40]
        print(f"{os.path.relpath(path, text_dir)[:-4]}: \"{w}\" ({n}x), e.g. …{ctx}…")
        found += 1
print(f"SCANNED {len(english)} words")
EOF
if grep -q '^SCANNED' "$TMP/english.txt" && ! grep -q '^LIST' "$TMP/english.txt"; then ok; else
	ko "the word list could not be built"; sed 's/^/    /' "$TMP/english.txt" | head -5
fi
if grep -v '^SCANNED' "$TMP/english.txt" | grep -q .; then
	ko "English words in the German demo ($(grep -vc '^SCANNED' "$TMP/english.txt") page×word):"
	grep -v '^SCANNED' "$TMP/english.txt" | head -40 | sed 's/^/    /'
else ok; fi
# The test can fail: a page with an English word on it is caught.
printf 'Seite mit How we measure darauf\n' >"$TMP/text/planted.txt"
python3 - "$TESTS/../templates/i18n" "$TMP/text/planted.txt" <<'EOF' && ok || ko "a planted English phrase is not caught"
import json, re, sys
W = re.compile(r"[A-Za-z][A-Za-z']*[A-Za-z]")
def strings(n):
    if isinstance(n, dict):
        for v in n.values(): yield from strings(v)
    elif isinstance(n, list):
        for v in n: yield from strings(v)
    elif isinstance(n, str): yield n
def words(t):
    return set().union(*(set(W.findall(re.sub(r"%(\d\$)?s", " ", s))) for s in strings(json.load(open(t)))))
bad = {w for w in words(sys.argv[1] + "/en.json") - words(sys.argv[1] + "/de.json") if len(w) > 2}
sys.exit(0 if {"How", "measure"} <= set(W.findall(open(sys.argv[2]).read())) & bad else 1)
EOF

# The German words are there (a build that printed nothing would pass the scan).
A="$TMP/text/agreements/it-service-desk.html.txt"
check "How we measure in German" has "$A" "So messen wir"
check "weekday names in German" has "$A" "Montag"
check "working hours 24-hour" has "$A" "08:00–18:00"
check "German holiday dates" has "$A" "25.12.2026"
check "German task labels" has "$A" "erledigt"
check "German holiday with its ISO datetime" \
    grep -qF '<time datetime="2026-12-25">25.12.2026</time>' "$P/agreements/it-service-desk.html"
check "breach times: local ISO datetime, German text" \
    grep -qE '<time datetime="2026-10-[0-9]{2}T[0-9]{2}:[0-9]{2}">[0-9]{2}\.10\.2026 [0-9]{2}:[0-9]{2}</time>' \
    "$P/reports/2026-10/it-service-desk.html"
check "German data as of (day first)" grep -qE '[0-9]{2}\.[0-9]{2}\.20[0-9]{2} [0-9]{2}:[0-9]{2} Europe/Berlin' "$A"
check "html lang de" grep -q '<html lang="de">' "$P/index.html"
check "brochure: So messen wir" has "$TMP/text/agreements/it-service-desk.pdf.txt" "So messen wir"
check "brochure: Inhalt, Seite … von …" grep -q 'Seite [0-9]* von [0-9]*' "$TMP/text/agreements/it-service-desk.pdf.txt"

# ---- 2. one agreement in its own language inside an English site ----
cp -R "$TESTS/../sample-data" "$TMP/mix"
sed 's/^locale: .*/locale: en-GB/' "$TESTS/../sample-data/site.yml" >"$TMP/mix/site.yml"
# facility-sales is German (locale: de in the demo); it-service-desk in en-US.
grep -q '^locale: de' "$TMP/mix/agreements/facility-sales.md" && ok ||
    ko "the demo's facility agreement says locale: de"
sed 's/^kind: sla$/kind: sla\nlocale: EN_us/' "$TESTS/../sample-data/agreements/it-service-desk.md" \
    >"$TMP/mix/agreements/it-service-desk.md"
"$SLAREPORT" build "$TMP/mix" -o "$TMP/mixpub" -q --from 2026-10 --to 2026-10 2>"$TMP/mix.err"
check "mixed build exits 0" test $? -eq 0
M="$TMP/mixpub"
for f in agreements/facility-sales.html reports/2026-10/facility-sales.html \
    agreements/it-service-desk.html reports/2026-10/it-service-desk.html \
    agreements/lead-handoff.html reports/2026-10/index.html index.html; do
	"$HTMLTEXT" --all "$M/$f" >"$TMP/mix-$(echo "$f" | tr / _).txt"
done
for f in agreements/facility-sales.pdf agreements/lead-handoff.pdf reports/2026-10/report.pdf; do
	pdftotext -q -raw "$M/$f" "$TMP/mix-$(echo "$f" | tr / _).txt"
done
F="$TMP/mix-agreements_facility-sales.html.txt"
check "German agreement page: So messen wir" has "$F" "So messen wir"
check "German agreement page: Montag" has "$F" "Montag"
check "German agreement page: no How we measure" hasnt "$F" "How we measure"
check "German agreement page: lang de" grep -q '<html lang="de">' "$M/agreements/facility-sales.html"
check "German month page" has "$TMP/mix-reports_2026-10_facility-sales.html.txt" "Verletzungen"
check "German month page: lang de" grep -q '<html lang="de">' "$M/reports/2026-10/facility-sales.html"
check "German brochure" has "$TMP/mix-agreements_facility-sales.pdf.txt" "So messen wir"
check "German brochure: no How we measure" hasnt "$TMP/mix-agreements_facility-sales.pdf.txt" "How we measure"
check "English agreement stays English" has "$TMP/mix-agreements_lead-handoff.html.txt" "How we measure"
check "English brochure stays English" has "$TMP/mix-agreements_lead-handoff.pdf.txt" "How we measure"
check "site lang en-GB" grep -q '<html lang="en-GB">' "$M/index.html"
check "monthly report: the German block has lang de" \
    grep -q '<section class="agreement-block" lang="de">' "$M/reports/2026-10/index.html"
awk '/<section class="agreement-block" lang="de">/,/<\/section>/' "$M/reports/2026-10/index.html" \
    >"$TMP/block.html"
check "monthly report: the German block's words" has "$TMP/block.html" "Einzelheiten"
check "monthly report: the other blocks English" has "$TMP/mix-reports_2026-10_index.html.txt" "Details"
R="$TMP/mix-reports_2026-10_report.pdf.txt"
check "report PDF: German section" has "$R" "Kennzahlen"
check "report PDF: English sections" has "$R" "Key figures"
# en-GB: day first, 24-hour; en-US: month/day, 12-hour with AM/PM.
check "en-GB data as of, day first 24-hour" \
    grep -qE '[0-9]{2}/[0-9]{2}/20[0-9]{2} [0-9]{2}:[0-9]{2} Europe/Berlin' "$TMP/mix-index.html.txt"
U="$TMP/mix-agreements_it-service-desk.html.txt"
check "en-US working hours 12-hour" has "$U" "Monday–Friday 8:00 AM–6:00 PM"
check "en-US holidays month/day" has "$U" "12/25/2026"
check "en-US lang" grep -q '<html lang="en-US">' "$M/agreements/it-service-desk.html"
check "en-US breach times 12-hour" \
    grep -qE '1?[0-9]/[0-3]?[0-9]/2026 1?[0-9]:[0-5][0-9] (AM|PM)' "$TMP/mix-reports_2026-10_it-service-desk.html.txt"
check "en-GB agreement: 24-hour hours" has "$TMP/mix-agreements_lead-handoff.html.txt" "–"
check "German agreement: German holidays" has "$F" "25.12.2026"

# ---- 3. an unknown language: a warning naming the fallback, and English pages ----
cp -R "$TESTS/../sample-data" "$TMP/fr"
sed 's/^locale: .*/locale: fr-FR/' "$TESTS/../sample-data/site.yml" >"$TMP/fr/site.yml"
"$SLAREPORT" check "$TMP/fr" >"$TMP/fr.out" 2>&1
check "fr-FR: no error about the locale" hasnt "$TMP/fr.out" "error: locale"
check "fr-FR: the warning" has "$TMP/fr.out" \
    'site.yml:5:9: warning: locale: no message table for "fr-FR" (templates/i18n/fr.json); using en'
"$SLAREPORT" build "$TMP/fr" -o "$TMP/frpub" -q --from 2026-10 --to 2026-10 2>/dev/null
check "fr-FR: build exits 0" test $? -eq 0
check "fr-FR: English pages" grep -q '<html lang="en">' "$TMP/frpub/index.html"

echo "i18n: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
