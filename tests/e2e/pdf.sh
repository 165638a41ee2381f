#!/bin/sh
# pdf.sh: end-to-end tests of the PDF output (SPEC §6, issue 6): the demo's
# brochures and reports pass qpdf --check with every font embedded, German text
# round-trips through pdftotext, output is byte-reproducible, A4 and Letter,
# contents/bookmarks/links exist, every CommonMark and GFM spec example renders
# with its text, three real agreements render, unprintable characters are
# reported, the HTML pages' text appears in the PDFs in the same order, and a
# breach table stops at 200 rows with the page's note.
# Called by `make e2e` with SLAREPORT, BUILD set; prints one line per failure
# and "pdf: N passed, M failed". Needs $BUILD/mdpdf and $BUILD/htmltext.
set -u
SLAREPORT=${SLAREPORT:-./slareport}
BUILD=${BUILD:-build}
MDPDF=${MDPDF:-$BUILD/mdpdf}
TESTS=$(cd "$(dirname "$0")/.." && pwd)
ROOT=$(cd "$TESTS/.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-pdf.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }
check() { if "$@"; then ok; else ko "$*"; fi; }

for tool in qpdf pdftotext pdffonts pdfinfo; do
	command -v $tool >/dev/null 2>&1 || { echo "pdf: $tool missing (poppler-utils, qpdf)"; exit 1; }
done
export SOURCE_DATE_EPOCH=1790000000	# 2026-09-21T14:13:20Z

# qpdf finds no damage; every font is embedded.
pdf_ok() {
	qpdf --check "$1" >"$TMP/qpdf.out" 2>&1 || { ko "qpdf --check $1"; sed 's/^/    /' "$TMP/qpdf.out" | head -5; return; }
	ok
	pdffonts "$1" 2>/dev/null | awk 'NR > 2 { n++; if ($(NF-4) != "yes") bad++ }
	    END { exit !(n > 0 && bad == 0) }' && ok || ko "pdffonts $1: a font is not embedded"
}

# ---- the demo: a brochure per agreement, a report per month ----
"$SLAREPORT" build "$ROOT/sample-data" -o "$TMP/a" --format pdf -v >"$TMP/a.log" 2>&1
check [ $? -eq 0 ]
for md in "$ROOT"/sample-data/agreements/*.md; do
	id=$(basename "$md" .md)
	f="$TMP/a/agreements/$id.pdf"
	if [ -f "$f" ]; then ok; pdf_ok "$f"; else ko "no agreements/$id.pdf"; continue; fi
done
nrep=$(ls "$TMP"/a/reports/*/report.pdf 2>/dev/null | wc -l)
check [ "$nrep" -ge 1 ]
for f in "$TMP"/a/reports/*/report.pdf; do pdf_ok "$f"; done

# A4 by default; dates from SOURCE_DATE_EPOCH.
b="$TMP/a/agreements/it-service-desk.pdf"
pdfinfo "$b" >"$TMP/info" 2>/dev/null
grep -q 'Page size: *595.27[0-9]* x 841.89' "$TMP/info" && ok || ko "brochure is not A4"
grep -q 'CreationDate:.*2026' "$TMP/info" && ok || ko "CreationDate is not SOURCE_DATE_EPOCH"
grep -q 'Title: *IT Service Desk for Sales' "$TMP/info" && ok || ko "document title"

# Cover, contents with page numbers, running header and "Page X of Y".
pdftotext -f 1 -l 1 "$b" - 2>/dev/null | grep -q 'IT Service Desk for Sales' && ok || ko "cover title"
pdftotext -f 2 -l 2 "$b" - 2>/dev/null >"$TMP/toc"
grep -q '^Contents' "$TMP/toc" && grep -q '8. Service credits' "$TMP/toc" && ok || ko "table of contents"
npages=$(sed -n 's/^Pages: *//p' "$TMP/info")
pdftotext -f 3 -l 3 "$b" - 2>/dev/null | grep -q "Page 3 of $npages" && ok || ko "footer Page 3 of $npages"
pdftotext -f 3 -l 3 "$b" - 2>/dev/null | grep -q "Nordlicht Handels GmbH" && ok || ko "running header"
for s in "Service levels" "How we measure" "Latest figures"; do
	pdftotext "$b" - 2>/dev/null | grep -q "^$s" && ok || ko "brochure section $s"
done

# Bookmarks, internal links (contents) and URI links.
qpdf --qdf --object-streams=disable "$b" "$TMP/qdf.pdf" 2>/dev/null
grep -aq '/Outlines' "$TMP/qdf.pdf" && grep -aq '/First' "$TMP/qdf.pdf" && ok || ko "bookmarks"
grep -aq '/URI (https://servicedesk.nordlicht.example)' "$TMP/qdf.pdf" && ok || ko "URI link"
[ "$(grep -ac '/Subtype /Link' "$TMP/qdf.pdf")" -gt 12 ] && ok || ko "contents links"
grep -aq '/PageLabels' "$TMP/qdf.pdf" && ok || ko "page labels"

# ---- byte-identical output for identical input ----
"$SLAREPORT" build "$ROOT/sample-data" -o "$TMP/b" --format pdf -q >/dev/null 2>&1
same=1
for f in "$TMP"/a/agreements/*.pdf "$TMP"/a/reports/*/report.pdf; do
	cmp -s "$f" "$TMP/b/${f#"$TMP"/a/}" || { same=0; ko "not reproducible: ${f#"$TMP"/a/}"; }
done
[ $same -eq 1 ] && ok

# ---- German text, Letter from site.yml ----
"$SLAREPORT" build "$TESTS/pdf/german" -o "$TMP/de" --format pdf -q >"$TMP/de.log" 2>&1
check [ $? -eq 0 ]
g="$TMP/de/agreements/kundendienst.pdf"
pdf_ok "$g"
pdfinfo "$g" 2>/dev/null | grep -q 'Page size: *612 x 792' && ok || ko "Letter from site.yml"
pdftotext "$g" - 2>/dev/null >"$TMP/de.txt"
for s in 'Kundendienst für Außendienst und Büro' 'über 1.000 € sind „ausdrücklich“' \
    '≥ 99,5 % im Monat' 'Äpfel, Öl und Übergrößen — alles „gut“.' '☑ Straße geprüft' \
    '☐ Maß überprüfen' 'Seite 3 von' 'Müller & Söhne GmbH'; do
	grep -qF "$s" "$TMP/de.txt" && ok || ko "German round trip: $s"
done
pdftotext "$TMP/de/reports/2026-03/report.pdf" - 2>/dev/null | grep -qF 'Drucker im Büro „Süd“' \
    && ok || ko "German breach title in the report"

# ---- characters the fonts cannot print are reported ----
"$SLAREPORT" build "$TESTS/pdf/unprintable" -o "$TMP/u" --format pdf >"$TMP/u.log" 2>&1
check [ $? -eq 0 ]
grep -q 'agreements/emoji.md: warning: .*U+1F600 cannot be printed' "$TMP/u.log" && ok || ko "U+1F600 not reported"
grep -q 'U+4E2D cannot be printed' "$TMP/u.log" && ok || ko "U+4E2D not reported"

# ---- every CommonMark and GFM spec example: no crash, its text present ----
for spec in "$TESTS"/pdf/commonmark/*.json; do
	name=$(basename "$spec" .json)
	if "$MDPDF" "$TMP/$name.pdf" "$spec" >"$TMP/$name.out" 2>&1; then ok; else
		ko "$name examples:"; sed 's/^/    /' "$TMP/$name.out" | head -12
	fi
	pdf_ok "$TMP/$name.pdf"
done

# ---- hostile Markdown: 200 nested quotes, 60 nested lists, a 5000-letter
# word, an 80-column table — no crash, a valid file, the text on the page ----
{
	i=0; q=''; while [ $i -lt 200 ]; do q="$q>"; i=$((i + 1)); done
	echo "$q deep quote"; echo
	i=0; pad=''; while [ $i -lt 60 ]; do echo "$pad- item $i"; pad="$pad  "; i=$((i + 1)); done
	echo; awk 'BEGIN { s = ""; for (i = 0; i < 5000; i++) s = s "x"; print s }'; echo
	awk 'BEGIN { h = "|"; r = "|"; v = "|"; for (i = 0; i < 80; i++) { h = h " c" i " |";
	    r = r "---|"; v = v " v" i " |" } print h; print r; print v }'
} >"$TMP/hostile.md"
if "$MDPDF" "$TMP/hostile.pdf" "$TMP/hostile.md" >/dev/null 2>&1; then ok; else ko "hostile Markdown"; fi
pdf_ok "$TMP/hostile.pdf"
pdftotext "$TMP/hostile.pdf" - 2>/dev/null | grep -q 'deep quote' && ok || ko "hostile: deeply quoted text not on the page"

# ---- three real agreements (tests/pdf/public, their licences beside them) ----
"$SLAREPORT" build "$TESTS/pdf/public" -o "$TMP/p" --format pdf >"$TMP/p.log" 2>&1
check [ $? -eq 0 ]
grep -q 'cannot be printed' "$TMP/p.log" && ko "public agreements: unprintable characters" || ok
for f in "$TMP"/p/agreements/*.pdf; do
	pdf_ok "$f"
	id=$(basename "$f" .pdf)
	# Every heading of the Markdown is in the PDF.
	missing=0
	awk 'fm < 2 { if ($0 == "---") fm++; next } /^#{1,6} +/ { sub(/^#+ +/, ""); print }' \
	    "$TESTS/pdf/public/agreements/$id.md" | sed 's/[*`]//g' >"$TMP/heads"
	pdftotext "$f" - 2>/dev/null | tr -s ' \n' ' ' >"$TMP/p.txt"
	while IFS= read -r h; do
		grep -qF "$h" "$TMP/p.txt" || { missing=$((missing + 1)); echo "    missing heading: $h"; }
	done <"$TMP/heads"
	[ $missing -eq 0 ] && ok || ko "public/$id: $missing headings missing"
done

# ---- the HTML pages' text in the PDFs, in the same order (English demo,
# German with Letter pages, the public agreements) ----
for src in "$ROOT/sample-data" "$TESTS/pdf/german" "$TESTS/pdf/public"; do
	name=$(basename "$src")
	"$SLAREPORT" build "$src" -o "$TMP/h-$name" --format html,pdf -q >/dev/null 2>&1
	if ! ls "$TMP/h-$name"/agreements/*.html >/dev/null 2>&1; then
		echo "    HTML/PDF parity of $name: skipped (the site writes no agreement pages)"
		continue
	fi
	if sh "$TESTS/pdf/parity.sh" "$TMP/h-$name" "$BUILD/htmltext" >"$TMP/parity" 2>&1; then
		ok
	else
		ko "HTML/PDF parity of $name:"; grep -v ', 0 missing$' "$TMP/parity" | sed 's/^/    /' | head -20
	fi
done

# ---- breach tables cut at 200 rows: the note under the heading, the rows,
# parity with the page. A made-up month of 250 tickets, each answered late
# (the counts stay below 1,000: the site's KPI table prints them without digit
# grouping, the PDF with). The demo (at most 58 a month) has no cut table. ----
cut="$TMP/cut-src"
mkdir -p "$cut/agreements" "$cut/events"
printf 'title: "Breach tables"\norganisation: "Test GmbH"\ntimezone: UTC\nlocale: en\n' >"$cut/site.yml"
cat >"$cut/agreements/desk.md" <<'EOF_MD'
---
id: desk
title: "Desk"
kind: sla
provider: desk
customer: sales
calendar: 24x7
match: {requester: sales}
severities:
  1: {name: "Critical", response: 5m, resolution: 8h, goal: 95}
---
# Desk

Every ticket of the test is answered six hours late.
EOF_MD
awk 'BEGIN { print "["; for (i = 0; i < 250; i++) { h = int(i / 60); m = i % 60
	printf "{\"id\": \"T-%04d\", \"at\": \"2026-10-01T%02d:%02d:00Z\", \"type\": \"opened\", \"team\": \"desk\", \"severity\": 1, \"requester\": \"sales\", \"title\": \"Ticket %d\"},\n", i, h, m, i
	printf "{\"id\": \"T-%04d\", \"at\": \"2026-10-01T%02d:%02d:30Z\", \"type\": \"responded\"},\n", i, h + 6, m
	printf "{\"id\": \"T-%04d\", \"at\": \"2026-10-01T%02d:%02d:00Z\", \"type\": \"resolved\"},\n", i, h + 7, m }
	print "{\"id\": \"T-0000\", \"at\": \"2026-11-02T12:00:00Z\", \"type\": \"closed\"}"; print "]" }' \
    >"$cut/events/tickets.json"
"$SLAREPORT" build "$cut" -o "$TMP/cut" -q >"$TMP/cut.log" 2>&1
check [ $? -eq 0 ]
rep="$TMP/cut/reports/2026-10/report.pdf"
pdf_ok "$rep"
n=$(tail -n +2 "$TMP/cut/data/breaches.csv" | grep -c '^desk,2026-10,')
check [ "$n" -eq 250 ]
pdftotext -raw -enc UTF-8 "$rep" - 2>/dev/null | tr '\n' ' ' >"$TMP/cut.txt"
grep -qF "Breaches Showing the first 200 of 250 breaches. All of them are in breaches.csv Item " "$TMP/cut.txt" \
    && ok || ko "cut breach table: the note under the heading"
# The rows: the first 200 tickets by breach instant, not one more.
# (The executive summary before it lists the 10 furthest over: not counted.)
sed 's/^.*Breaches Showing the first 200 of 250 breaches//' "$TMP/cut.txt" >"$TMP/cut-table.txt"
rows=$(grep -oE 'T-[0-9]{4} Ticket' "$TMP/cut-table.txt" | wc -l)
[ "$rows" -eq 200 ] && ok || ko "cut breach table: $rows rows in the report, want 200"
grep -qF 'T-0199 Ticket 199' "$TMP/cut-table.txt" && ! grep -qF 'T-0200 Ticket' "$TMP/cut-table.txt" \
    && ok || ko "cut breach table: not the first 200"
if sh "$TESTS/pdf/parity.sh" "$TMP/cut" "$BUILD/htmltext" >"$TMP/parity" 2>&1; then ok; else
	ko "HTML/PDF parity with a cut breach table:"; grep -v ', 0 missing$' "$TMP/parity" | sed 's/^/    /' | head -20
fi
"$BUILD/htmltext" "$TMP/cut/reports/2026-10/desk.html" 2>/dev/null |
    grep -qx 'Showing the first 200 of 250 breaches. All of them are in' \
    && ok || ko "parity: the page's note is one of the blocks compared"
# Without the CSV the note names kpis.json; without either, only the count.
"$SLAREPORT" build "$cut" -o "$TMP/cut-json" --format json,pdf -q >/dev/null 2>&1
pdftotext -raw -enc UTF-8 "$TMP/cut-json/reports/2026-10/report.pdf" - 2>/dev/null | tr '\n' ' ' |
    grep -qF "of 250 breaches. All of them are in kpis.json Item " && ok || ko "--format json,pdf: the note names kpis.json"
"$SLAREPORT" build "$cut" -o "$TMP/cut-pdf" --format pdf -q >/dev/null 2>&1
pdftotext -raw -enc UTF-8 "$TMP/cut-pdf/reports/2026-10/report.pdf" - 2>/dev/null | tr '\n' ' ' |
    grep -qF "Breaches Showing the first 200 of 250 breaches. Item " && ok || ko "--format pdf: the note names no file"
sed 's/^locale: .*/locale: de/' "$cut/site.yml" >"$TMP/site.yml" && mv "$TMP/site.yml" "$cut/site.yml"
"$SLAREPORT" build "$cut" -o "$TMP/cut-de" --format csv,pdf -q >/dev/null 2>&1
pdftotext -raw -enc UTF-8 "$TMP/cut-de/reports/2026-10/report.pdf" - 2>/dev/null | tr '\n' ' ' |
    grep -qF "Angezeigt werden die ersten 200 von 250 Verletzungen. Alle stehen in breaches.csv" \
    && ok || ko "cut breach table: the German note"
for f in "$TMP"/a/reports/*/report.pdf; do pdftotext "$f" - 2>/dev/null; done | grep -q 'Showing the first' \
    && ko "demo report: a breach table is cut" || ok

# ---- speed: the brochures' times (from -v), for the record ----
sed -n 's/^slareport: \(agreements\/[^:]*\): \(.*\)$/    \1: \2/p' "$TMP/a.log"

echo "pdf: $pass passed, $fail failed"
[ $fail -eq 0 ]
