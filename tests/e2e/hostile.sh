#!/bin/sh
# Hostile inputs too big to commit, and output paths that cannot be written
# (issue 8). Called by `make e2e` with SLAREPORT, SLAGEN, JSONCMP and BUILD set.
# Each case checks the exit code, the message (with its position), and where
# it matters the peak memory (/usr/bin/time -v "Maximum resident set size")
# and that nothing half-written is left. Prints "hostile: N passed, M failed".
#
# An unreadable file uses a link to /proc/self/mem (read() fails with EIO),
# since chmod 000 does not stop root. Limits stated here: a 100 MB single line and a 10 MB agreement are refused
# in under 256 MB of memory; a million events of one item build in under
# 512 MB. Running as root, file permissions cannot make a folder read-only,
# so the read-only and full-disk cases use a private mount namespace
# (unshare -m) with a read-only or a full tmpfs when mounting is allowed, and
# `ulimit -f` (SIGXFSZ ignored, so write() fails with EFBIG) otherwise.
set -u
SLAREPORT=${SLAREPORT:-./slareport}
SLAREPORT=$(cd "$(dirname "$SLAREPORT")" && pwd)/$(basename "$SLAREPORT")
TESTS=$(cd "$(dirname "$0")/.." && pwd)
SAMPLE=$TESTS/../sample-data
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-hostile.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); printf 'FAIL: hostile: %s\n' "$*"; }

# run NAME CMD...: runs CMD, leaving exit code in $rc, stderr+stdout in
# $TMP/out, peak RSS (KB) in $rss and wall seconds in $secs.
run() {
	name=$1
	shift
	/usr/bin/time -f '%M %e' -o "$TMP/time" "$@" >"$TMP/out" 2>&1
	rc=$?
	rss=$(tail -n 1 "$TMP/time" | cut -d' ' -f1)
	secs=$(tail -n 1 "$TMP/time" | cut -d' ' -f2)
	# /usr/bin/time reports a signal as "Command terminated by signal N".
	grep -q '^Command terminated by signal' "$TMP/time" && rc=128
}
expect() {	# expect WANT_RC GREP_PATTERN [MAX_RSS_KB]
	if [ "$rc" -ne "$1" ]; then
		ko "$name: exit $rc, expected $1"; sed 's/^/    /' "$TMP/out" | head -5
	elif [ -n "$2" ] && ! grep -q -- "$2" "$TMP/out"; then
		ko "$name: no message matching '$2'"; sed 's/^/    /' "$TMP/out" | head -5
	elif [ $# -ge 3 ] && [ "$rss" -gt "$3" ]; then
		ko "$name: peak RSS ${rss} KB over the limit of $3 KB"
	else
		ok
	fi
}
no_temp_left() {	# no_temp_left DIR NAME
	if ls -a "$1" | grep -q '\.slareport-'; then ko "$2: temporary folder left in $1"; else ok; fi
}

agreement() {	# agreement DIR: one small valid SLA
	mkdir -p "$1/agreements" "$1/events"
	cat >"$1/agreements/desk.md" <<'EOF'
---
id: desk
title: Service desk
kind: sla
provider: service-desk
timezone: Europe/Berlin
match: {requester: sales}
severities:
  1: {name: Critical, response: 15m, resolution: 4h, goal: 100}
  2: {name: High, response: 1h, resolution: 8h, goal: 95}
---
# Service desk
EOF
}
OPENED='{"id":"A-1","at":"2026-03-02T09:00:00+01:00","type":"opened","team":"desk","severity":1,"requester":"sales"'
MB100=104857600

# ---- a 100 MB single line: NDJSON skips the line, JSON gives up the file ----
P=$TMP/line-ndjson
agreement "$P"
{ printf '%s}\n%s,"title":"' "$OPENED" "$OPENED"; head -c $MB100 /dev/zero | tr '\0' x
  printf '"}\n{"id":"A-2","at":"2026-03-03T09:00:00Z","type":"note"}\n'; } >"$P/events/e.ndjson"
run "100 MB NDJSON line" "$SLAREPORT" check "$P"
expect 65 '^events/e.ndjson:2:1: error: line longer than 32 MiB; the event is skipped' 262144
run "100 MB NDJSON line, build --strict" "$SLAREPORT" build "$P" -o "$TMP/line-out" --strict -q
expect 65 'line longer than 32 MiB' 262144
[ -e "$TMP/line-out" ] && ko "failed build created OUT" || ok
rm -f "$P/events/e.ndjson"
{ printf '[%s},\n%s,"title":"' "$OPENED" "$OPENED"; head -c $MB100 /dev/zero | tr '\0' x; printf '"}]\n'; } \
    >"$P/events/e.json"
run "100 MB JSON record" "$SLAREPORT" check "$P"
expect 65 '^events/e.json:2:1: error: a record larger than 32 MiB; the rest of the file is not read' 262144
head -c $MB100 /dev/zero | tr '\0' '[' >"$P/events/e.json"
run "100 MB of '['" "$SLAREPORT" check "$P"
expect 65 '^events/e.json:1:2: error: a record larger than 32 MiB' 262144
rm -f "$P/events/e.json"

# ---- 100 MB of junk lines: a problem each, but memory stays flat ----
P=$TMP/junk
agreement "$P"
yes 'not json' | head -c $MB100 >"$P/events/junk.ndjson"
run "100 MB of junk lines" "$SLAREPORT" check "$P"
expect 65 '^events/junk.ndjson:1001:1: error: more than 1000 errors in this file; the rest are not shown' 262144
[ "$(wc -l <"$TMP/out")" -eq 1001 ] && ok || ko "$name: $(wc -l <"$TMP/out") lines of output, expected 1001"
rm -rf "$P"

# ---- 100 000 nested brackets (cJSON stops at 1000 levels) ----
P=$TMP/nested
agreement "$P"
{ printf '[%s},' "$OPENED"; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'
  printf ']\n'; } >"$P/events/e.json"
run "100k nested arrays" "$SLAREPORT" check "$P"
# '[' OPENED '}' ',' then the element: its 1001st bracket is the one too deep.
expect 65 "^events/e.json:1:$((${#OPENED} + 4 + 1000)): error: nested deeper than 1000 levels; the event is skipped" 262144
{ head -c 100000 /dev/zero | tr '\0' '['; echo; } >"$P/events/e.json"
run "100k unclosed arrays" "$SLAREPORT" check "$P"
expect 65 '^events/e.json:1:2: error: unexpected end of file: this event is not complete' 262144

# ---- a 10 MB agreement and a 10 MB site.yml ----
P=$TMP/big-agreement
agreement "$P"
{ sed '$d' "$P/agreements/desk.md"; head -c 10485760 /dev/zero | tr '\0' 'a'; echo; } >"$P/agreements/big.md"
run "10 MB agreement" "$SLAREPORT" check "$P"
expect 65 '^agreements/big.md: error: file larger than 128 KiB' 262144
rm "$P/agreements/big.md"
{ printf 'title: "'; head -c 10485760 /dev/zero | tr '\0' 'a'; printf '"\n'; } >"$P/site.yml"
run "10 MB site.yml" "$SLAREPORT" check "$P"
expect 65 '^site.yml: error: file larger than 128 KiB' 262144

# ---- cmark-gfm's quadratic pattern, up to the 128 KiB cap ----
P=$TMP/quadratic
agreement "$P"
awk 'BEGIN { s = ""; for (i = 0; i < 20000; i++) s = s "![[]()"; print s }' >>"$P/agreements/desk.md"
run "quadratic Markdown at the size cap" "$SLAREPORT" check "$P"
if [ "$rc" -eq 0 ] && [ "${secs%.*}" -lt 30 ]; then ok; else ko "$name: exit $rc in $secs s"; fi

# ---- a million events of one item ----
P=$TMP/million
agreement "$P"
awk 'BEGIN {
	print "{\"id\":\"A-1\",\"at\":\"2026-03-02T00:00:00Z\",\"type\":\"opened\",\"team\":\"desk\",\"severity\":2,\"requester\":\"sales\"}"
	split("paused resumed assigned note", k, " ")
	for (i = 1; i < 1000000; i++) {
		d = 2 + int(i / 86400); s = i % 86400
		t = sprintf("2026-03-%02dT%02d:%02d:%02dZ", d, int(s / 3600), int(s / 60) % 60, s % 60)
		ty = k[i % 4 + 1]
		printf "{\"id\":\"A-1\",\"at\":\"%s\",\"type\":\"%s\"%s}\n", t, ty, \
		    ty == "assigned" ? ",\"team\":\"t" (i % 7) "\"" : ""
	}
	print "{\"id\":\"A-1\",\"at\":\"2026-04-02T09:00:00Z\",\"type\":\"resolved\"}"
}' >"$P/events/one.ndjson"
run "a million events of one item" "$SLAREPORT" build "$P" -o "$TMP/million-out" -q --format json,csv
expect 0 '' 524288
[ "${secs%.*}" -lt 120 ] && ok || ko "$name: took $secs s"
grep -qE '"events_read":[[:space:]]*1000001' "$TMP/million-out/data/kpis.json" 2>/dev/null && ok ||
    ko "$name: kpis.json does not count 1000001 events"

# ---- events ten years apart: every month between is reported ----
P=$TMP/ten-years
agreement "$P"
printf '%s}\n{"id":"A-1","at":"2026-03-02T10:00:00Z","type":"resolved"}\n{"id":"A-2","at":"2036-03-02T09:00:00Z","type":"note"}\n' \
    "$OPENED" >"$P/events/e.ndjson"
run "events ten years apart" "$SLAREPORT" kpis "$P"
expect 0 '' 262144
[ "$(grep -c '"period":' "$TMP/out")" -eq 120 ] && ok || ko "$name: expected 120 months (2026-03 … 2036-02)"
run "events ten years apart, build" "$SLAREPORT" build "$P" -o "$TMP/ten-out" -q --format html,json,csv
expect 0 '' 524288

# ---- HTML and template text in every field is shown, never run ----
P=$TMP/escape
mkdir -p "$P"
cp -R "$TESTS/bad/fm-template-and-html/agreements" "$P/"
cp -R "$TESTS/bad/ev-template-and-html-text/events" "$P/"
sed -i 's/^id: desk$/id: desk\nmatch: {requester: sales}/' "$P/agreements/desk.md"
printf 'title: "{{title}}<script>alert(1)</script>"\norganisation: "<b>{{{x}}}</b>"\n' >"$P/site.yml"
run "HTML and {{ in every field" "$SLAREPORT" build "$P" -o "$TMP/escape-out" -q --format html,json,csv
expect 0 ''
if grep -rlF --include='*.html' -e '<script>alert(1)' -e '<img src=x' -e '<b>{{' -e '<i>1</i>' \
    "$TMP/escape-out" >"$TMP/hits"; then
	ko "$name: unescaped markup in $(tr '\n' ' ' <"$TMP/hits")"
else ok; fi
grep -rqF --include='index.html' '{{title}}' "$TMP/escape-out" && ok ||
    ko "$name: the literal {{title}} of site.yml is not shown as written"

# ---- unreadable inputs: as root chmod 000 does not stop reading, but
# /proc/self/mem is a "regular file" whose read() fails with EIO ----
P=$TMP/unreadable
agreement "$P"
ln -s /proc/self/mem "$P/events/x.json"
run "unreadable event file" "$SLAREPORT" check "$P"
expect 74 '^events/x.json: error: read error: Input/output error'
run "unreadable event file, build" "$SLAREPORT" build "$P" -o "$TMP/unreadable-out" -q
expect 74 'read error'
[ -e "$TMP/unreadable-out" ] && ko "$name: OUT was created" || ok
rm "$P/events/x.json"
ln -s /proc/self/mem "$P/agreements/x.md"
run "unreadable agreement" "$SLAREPORT" check "$P"
expect 74 '^agreements/x.md: error: cannot read: Input/output error'
rm "$P/agreements/x.md"
ln -s /proc/self/mem "$P/site.yml"
run "unreadable site.yml" "$SLAREPORT" check "$P"
expect 74 '^site.yml: error: cannot read: Input/output error'

# ---- output paths that cannot be written: exit 73, nothing touched ----
"$SLAREPORT" build "$SAMPLE" -o "$TMP/site" -q --format json,csv >/dev/null 2>&1 || ko "first build of sample-data"
cp -R "$TMP/site" "$TMP/site.before"
: >"$TMP/a-file"
run "OUT is a file" "$SLAREPORT" build "$SAMPLE" -o "$TMP/a-file" -q
expect 73 'the output path exists and is not a folder'
[ ! -s "$TMP/a-file" ] && [ -f "$TMP/a-file" ] && ok || ko "$name: the file was changed"
ln -s "$TMP/site" "$TMP/a-link"
run "OUT is a symbolic link" "$SLAREPORT" build "$SAMPLE" -o "$TMP/a-link" -q
expect 73 'the output path is a symbolic link'
[ -L "$TMP/a-link" ] && diff -r "$TMP/site.before" "$TMP/site" >/dev/null && ok || ko "$name: link or target changed"
ln -s "$TMP/nowhere" "$TMP/dangling"
run "OUT is a dangling link" "$SLAREPORT" build "$SAMPLE" -o "$TMP/dangling" -q
expect 73 'the output path is a symbolic link'
run "OUT under /proc" "$SLAREPORT" build "$SAMPLE" -o /proc/slareport-out -q
expect 73 'cannot create a folder beside the output folder'
run "OUT parent missing" "$SLAREPORT" build "$SAMPLE" -o "$TMP/no/such/out" -q
expect 73 'cannot create a folder beside the output folder'
# Replacing OUT deletes what it held: never a folder slareport did not write.
mkdir -p "$TMP/src-copy"
cp -R "$SAMPLE/agreements" "$SAMPLE/events" "$TMP/src-copy/"
run "OUT is SRC/events" "$SLAREPORT" build "$TMP/src-copy" -o "$TMP/src-copy/events" -q
expect 73 'the output folder holds files slareport did not write'
diff -r "$SAMPLE/events" "$TMP/src-copy/events" >/dev/null && ok || ko "$name: the events were touched"
mkdir -p "$TMP/home/Documents"
echo precious >"$TMP/home/notes.txt"
run "OUT is a folder of other files" "$SLAREPORT" build "$SAMPLE" -o "$TMP/home" -q
expect 73 'no .slareport file'
[ "$(cat "$TMP/home/notes.txt")" = precious ] && [ -d "$TMP/home/Documents" ] && ok || ko "$name: files touched"
mkdir -p "$TMP/empty-out"
run "OUT is an empty folder" "$SLAREPORT" build "$SAMPLE" -o "$TMP/empty-out" -q --format json
expect 0 ''
[ -f "$TMP/empty-out/.slareport" ] && [ -f "$TMP/empty-out/data/kpis.json" ] && ok ||
    ko "$name: no site with its .slareport marker"
no_temp_left "$TMP" "after refused output paths"

# ---- a full disk: exit 74, the previous OUT intact, no temporary folder ----
# ulimit -f in 1024-byte blocks (bash) or 512 (dash): either way far below
# the PDFs and pages of sample-data, and above nothing already there.
name="full disk (ulimit -f)"
(trap '' XFSZ; ulimit -f 64; exec "$SLAREPORT" build "$SAMPLE" -o "$TMP/site" -q) >"$TMP/out" 2>&1
rc=$?
expect 74 'File too large'
diff -r "$TMP/site.before" "$TMP/site" >/dev/null && ok || ko "$name: previous OUT changed"
no_temp_left "$TMP" "$name"

if unshare -m sh -c "mount -t tmpfs -o size=64k tmpfs '$TMP'" 2>/dev/null; then
	# A private mount namespace: the mounts vanish with the shell.
	cat >"$TMP/ns.sh" <<'EOF'
set -u
SLAREPORT=$1 SAMPLE=$2 D=$3
mkdir -p "$D/full" "$D/ro"
mount -t tmpfs -o size=4m tmpfs "$D/full" || exit 99
"$SLAREPORT" build "$SAMPLE" -o "$D/full/site" -q --format json 2>/dev/null || exit 98
cp -R "$D/full/site" "$D/site.small"
# Fill what is left but a few kilobytes.
head -c 8000000 /dev/zero >"$D/full/filler" 2>/dev/null
"$SLAREPORT" build "$SAMPLE" -o "$D/full/site" -q --format json,csv >"$D/full.out" 2>&1
echo "rc=$?" >>"$D/full.out"
diff -r "$D/site.small" "$D/full/site" >/dev/null && echo same >>"$D/full.out"
ls -a "$D/full" | grep -q '\.slareport-' && echo leftover >>"$D/full.out"
mount -t tmpfs -o ro,size=64k tmpfs "$D/ro" || exit 97
"$SLAREPORT" build "$SAMPLE" -o "$D/ro/site" -q >"$D/ro.out" 2>&1
echo "rc=$?" >>"$D/ro.out"
exit 0
EOF
	unshare -m sh "$TMP/ns.sh" "$SLAREPORT" "$SAMPLE" "$TMP/ns"
	r=$?
	name="full disk (4 MB tmpfs)"
	if [ $r -ne 0 ]; then ko "$name: setup failed ($r)"; else
		grep -q '^rc=74$' "$TMP/ns/full.out" && grep -q 'No space left on device' "$TMP/ns/full.out" && ok ||
		    { ko "$name: expected exit 74 and ENOSPC"; sed 's/^/    /' "$TMP/ns/full.out" | tail -5; }
		grep -q '^same$' "$TMP/ns/full.out" && ok || ko "$name: previous OUT changed"
		grep -q '^leftover$' "$TMP/ns/full.out" && ko "$name: temporary folder left behind" || ok
		name="read-only parent (ro tmpfs)"
		grep -q '^rc=73$' "$TMP/ns/ro.out" && grep -q 'Read-only file system' "$TMP/ns/ro.out" && ok ||
		    { ko "$name: expected exit 73 and EROFS"; sed 's/^/    /' "$TMP/ns/ro.out"; }
	fi
else
	echo "hostile: skipped the tmpfs cases (read-only parent, full disk): mounting is not allowed here"
fi

printf 'hostile: %d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
