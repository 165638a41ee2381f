#!/bin/sh
# valgrind memcheck on the demo build (issue 8, `make memcheck`): fails on any
# invalid read or write, use of uninitialised memory, or "definitely lost"
# block. Reachable memory (library caches of fontconfig, glib, cairo) is not
# an error.   usage: memcheck.sh SLAREPORT SRC
set -u
SLAREPORT=$1
SRC=$2
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slareport-memcheck.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
command -v valgrind >/dev/null || { echo "memcheck: valgrind is not installed (make deps)" >&2; exit 1; }
# Forked site workers run under valgrind too (--child-silent-after-fork=no);
# each process writes its own log. tests/valgrind.supp names the one known
# library leak (fontconfig's) and why.
valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite \
    --suppressions="$(dirname "$0")/valgrind.supp" \
    --show-leak-kinds=definite --error-exitcode=99 --track-origins=no \
    --log-file="$TMP/vg.%p" "$SLAREPORT" build "$SRC" -o "$TMP/out" -q 2>"$TMP/stderr"
rc=$?
if [ $rc -eq 99 ] || grep -l 'ERROR SUMMARY: [1-9]' "$TMP"/vg.* >/dev/null 2>&1; then
	for f in "$TMP"/vg.*; do
		grep -q 'ERROR SUMMARY: [1-9]' "$f" && sed -n '/^==[0-9]*== [A-Z]/,$p' "$f" | head -60
	done
	echo "memcheck: FAILED"
	exit 1
fi
if [ $rc -ne 0 ]; then
	echo "memcheck: slareport build exited $rc"; cat "$TMP/stderr"
	exit 1
fi
lost=$(grep -h 'definitely lost:' "$TMP"/vg.* | sed 's/.*definitely lost: //' | sort -u | tr '\n' ';')
echo "memcheck: $(ls "$TMP"/vg.* | wc -l) processes, no errors; definitely lost: ${lost:-0 bytes}"
