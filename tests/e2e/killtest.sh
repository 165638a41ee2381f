#!/bin/sh
# Atomic publish, proven (issue 8): builds sample-data into OUT, then 50 times
# starts another build into the same OUT with the other --period and kills it
# with SIGKILL after a random delay within the build's measured duration. After
# every kill OUT must be one of the two complete versions (same file list and
# the same kpis.json as a reference build); afterwards one successful run must
# leave no temporary folder (.OUT.slareport-*) behind.
# Called by `make e2e` with SLAREPORT set; KILLTEST_RUNS overrides the 50.
set -u
SLAREPORT=${SLAREPORT:-./slareport}
SAMPLE=$(cd "$(dirname "$0")/../../sample-data" && pwd)
RUNS=${KILLTEST_RUNS:-50}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-kill.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); printf 'FAIL: killtest: %s\n' "$*"; }
P1=2026-01
P2=2026-02

now_ms() { echo $(($(date +%s%N) / 1000000)); }
# The file list of a site, and its kpis.json, as one fingerprint file.
fingerprint() {
	(cd "$1" && find . -print | LC_ALL=C sort && cat data/kpis.json) 2>&1
}

# Two reference versions, and how long one build takes.
for p in $P1 $P2; do
	t0=$(now_ms)
	"$SLAREPORT" build "$SAMPLE" -o "$TMP/ref-$p" --period $p -q 2>/dev/null ||
	    { ko "reference build --period $p failed"; exit 1; }
	dur=$(($(now_ms) - t0))
	fingerprint "$TMP/ref-$p" >"$TMP/ref-$p.fp"
done
cmp -s "$TMP/ref-$P1.fp" "$TMP/ref-$P2.fp" && { ko "the two periods give the same site"; exit 1; }
# Kill within the build's duration and a quarter (1.5 s at most), so that most
# kills land while it writes and some before it starts or after it published.
max=$((dur * 5 / 4))
[ "$max" -gt 1500 ] && max=1500
echo "killtest: one build takes ${dur} ms; $RUNS kills at random moments in 0-${max} ms"

OUT=$TMP/public
cp -R "$TMP/ref-$P1" "$OUT"
seed=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
completed=0
i=0
while [ $i -lt "$RUNS" ]; do
	i=$((i + 1))
	p=$P1
	[ $((i % 2)) -eq 1 ] && p=$P2
	delay=$(awk -v s="$seed" -v i="$i" -v m="$max" 'BEGIN { srand(s + i); printf "%.3f", rand() * m / 1000 }')
	"$SLAREPORT" build "$SAMPLE" -o "$OUT" --period $p -q 2>/dev/null &
	pid=$!
	sleep "$delay"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	[ $? -eq 0 ] && completed=$((completed + 1))
	fingerprint "$OUT" >"$TMP/now.fp"
	if cmp -s "$TMP/now.fp" "$TMP/ref-$P1.fp" || cmp -s "$TMP/now.fp" "$TMP/ref-$P2.fp"; then
		ok
	else
		ko "run $i (killed after ${delay} s): OUT is neither complete version"
		diff "$TMP/ref-$p.fp" "$TMP/now.fp" | head -5 | sed 's/^/    /'
	fi
done
left=$(ls -a "$TMP" | grep -c '^\.public\.slareport-')
echo "killtest: $completed of $RUNS builds finished before the kill; $left temporary folders left by killed runs"

# The next successful run removes what killed runs left.
"$SLAREPORT" build "$SAMPLE" -o "$OUT" --period $P1 -q 2>/dev/null
[ $? -eq 0 ] && ok || ko "final build failed"
fingerprint "$OUT" >"$TMP/now.fp"
cmp -s "$TMP/now.fp" "$TMP/ref-$P1.fp" && ok || ko "final build is not the $P1 version"
if ls -a "$TMP" | grep -q '^\.public\.slareport-'; then
	ko "temporary folders left after a successful run: $(ls -a "$TMP" | grep '^\.public\.slareport-' | tr '\n' ' ')"
else ok; fi

printf 'killtest: %d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
