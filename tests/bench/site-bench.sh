#!/bin/sh
# `make bench-site`: time of `slareport build` (html, json, csv) on 20+ agreements
# × 24 months — issue 5 asks for under 2 s. slagen writes 7 agreements; two
# renamed copies of them and of their events (item ids, `kind` values and match
# rules prefixed, so each copy matches only its own items) make 21.
# Called with SLAREPORT and SLAGEN set; EVENTS (per copy) may override the size.
set -eu
SLAREPORT=${SLAREPORT:-./slareport}
SLAGEN=${SLAGEN:-./gen/slagen}
EVENTS=${EVENTS:-50000}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-site-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

src="$TMP/src"
"$SLAGEN" -q -o "$src" --months 24 --events "$EVENTS" >/dev/null
for c in c2 c3; do
	for f in "$src"/agreements/*.md; do
		case $f in *-c[0-9].md) continue ;; esac
		sed -e "s/^id: \(.*\)/id: \1-$c/" \
		    -e "s/^title: \"\(.*\)\"/title: \"\1 ($c)\"/" \
		    -e "/^supports: null/!s/^supports: \([a-z-]*[a-z]\)\$/supports: \1-$c/" \
		    -e "s/kind: \[incident, request\]/kind: [$c-incident, $c-request]/" \
		    -e "s/kind: \(onboarding\|facility\|lead\)}/kind: $c-\1}/" \
		    "$f" >"${f%.md}-$c.md"
	done
	for f in "$src"/events/*; do
		case $f in *-c[0-9].*) continue ;; esac
		ext=${f##*.}
		sed -e "s/\"id\": \"/\"id\": \"$c-/g" -e "s/\"kind\": \"/\"kind\": \"$c-/g" \
		    "$f" >"${f%.*}-$c.$ext"
	done
done
n=$(ls "$src"/agreements/*.md | wc -l)
mb=$(du -sb "$src/events" | awk '{ printf "%.1f", $1 / 1048576 }')
best=
cpu=
for run in 1 2 3; do
	/usr/bin/time -f '%e %U %S' -o "$TMP/time" "$SLAREPORT" build "$src" -q -o "$TMP/public" \
	    --format html,json,csv 2>"$TMP/err" || { cat "$TMP/err" "$TMP/time" >&2; exit 1; }
	t=$(tail -n 1 "$TMP/time" | awk '{ print $1 }')
	c=$(tail -n 1 "$TMP/time" | awk '{ print $2 + $3 }')
	best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
	cpu=$(awk -v a="$cpu" -v b="$c" 'BEGIN { print (a == "" || b < a) ? b : a }')
done
pages=$(find "$TMP/public" -name '*.html' | wc -l)
months=$(ls "$TMP/public/reports" | wc -l)
echo "site: $n agreements × $months months, $mb MB of events, $pages pages: build (html,json,csv) best of 3: $best s wall, $cpu s CPU on $(nproc) cores (goal < 2 s wall)"
