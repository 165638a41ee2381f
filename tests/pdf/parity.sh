#!/bin/sh
# parity.sh OUT HTMLTEXT: every HTML page that has a printed twin — an
# agreement and its brochure, a month's report and its PDF, an agreement's
# month and the report's section — must have all its text blocks in the PDF,
# in the same order (tests/tools/htmltext.c decides what a block is).
# Called by tests/e2e/pdf.sh; prints each page's result, exit 1 on a miss.
set -u
OUT=$1
HTMLTEXT=$2
rc=0

check() {	# check PAGE.html FILE.pdf [--stop-at ID]
	[ -f "$2" ] || { echo "$1: no $2"; rc=1; return; }
	pdftotext -raw -enc UTF-8 "$2" "$2.txt" 2>/dev/null
	"$HTMLTEXT" ${3:+--stop-at "$3"} "$1" "$2.txt" || rc=1
}

for html in "$OUT"/agreements/*.html; do
	[ -f "$html" ] || continue
	check "$html" "${html%.html}.pdf"
done
for dir in "$OUT"/reports/*/; do
	[ -d "$dir" ] || continue
	check "${dir}index.html" "${dir}report.pdf"
	# An agreement's month: the report's section has it up to the breaches
	# (data quality once at the report's end, how we measure in the brochure).
	for html in "$dir"*.html; do
		[ "$(basename "$html")" = index.html ] && continue
		check "$html" "${dir}report.pdf" quality-h
	done
done
exit $rc
