#!/bin/sh
# Runs each libFuzzer target of BUILD for SECONDS from its seed corpus
# tests/fuzz/corpus/NAME/ (read only); what it finds goes to BUILD/corpus/NAME/,
# crashers to BUILD/artifacts/. Prints one line per target with executions and
# coverage; exits non-zero when any target found a crash, leak, hang or
# sanitizer report.   usage: run.sh BUILD SECONDS [NAME...]
set -u
BUILD=$1
SECONDS_EACH=$2
shift 2
FUZZ=$(dirname "$0")
targets=${*:-$(cd "$FUZZ" && ls fuzz_*.c | sed 's/\.c$//')}
rc=0
mkdir -p "$BUILD/artifacts"
for t in $targets; do
	bin=$BUILD/$t
	[ -x "$bin" ] || { echo "fuzz: $t: $bin not built" >&2; rc=1; continue; }
	mkdir -p "$BUILD/corpus/$t"
	dict=
	[ -f "$FUZZ/$t.dict" ] && dict=-dict=$FUZZ/$t.dict
	# nice: the fuzzer yields to interactive work; -timeout catches hangs,
	# -rss_limit_mb runaway memory, detect_leaks (on by default) leaks.
	# shellcheck disable=SC2086
	nice -n 19 "$bin" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 $dict \
	    -artifact_prefix="$BUILD/artifacts/$t-" \
	    "$BUILD/corpus/$t" "$FUZZ/corpus/$t" >"$BUILD/$t.log" 2>&1
	st=$?
	last=$(grep -E '^#[0-9]+' "$BUILD/$t.log" | tail -1)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$BUILD/$t.log")
	printf 'fuzz: %-18s exit %d, %s executions; last: %s\n' "$t" "$st" "${execs:-?}" "$last"
	if [ "$st" -ne 0 ]; then
		rc=1
		grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$BUILD/$t.log" | head -5
	fi
done
exit $rc
