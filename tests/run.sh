#!/bin/sh
# run.sh: runs every test file, then prints "N passed, N failed".
# Usage: sh tests/run.sh [tests/NAME.sh...]
TOP=$(cd "$(dirname "$0")/.." && pwd)
PATH=$TOP:$PATH
SC_TODAY=2024-06-01
LC_ALL=C.UTF-8
export TOP PATH SC_TODAY LC_ALL
unset SC_DATA
# Reports go to fd 3, so that redirecting a case cannot hide the last one's.
exec 3>&1
. "$TOP/tests/lib.sh"

# The unit tests of lib/ count one case per assertion.
if [ -x "$TOP/tests/unit-lib" ]; then
	"$TOP/tests/unit-lib" >"$TOP/tests/unit.log" 2>&1
	rc=$?
	passed=$((passed + $(grep -c '^ok' "$TOP/tests/unit.log")))
	failed=$((failed + $(grep -c '^not ok' "$TOP/tests/unit.log")))
	grep '^not ok' "$TOP/tests/unit.log"
	# A crash ends the unit tests early: it is a failure, not fewer cases.
	if [ "$rc" -ne 0 ] && ! grep -q '^not ok' "$TOP/tests/unit.log"; then
		echo "FAIL: tests/unit-lib exited $rc: $(tail -1 "$TOP/tests/unit.log")"
		failed=$((failed + 1))
	fi
fi

[ $# -gt 0 ] || set -- "$TOP"/tests/t-*.sh
for f in "$@"; do
	T=$TOP/tests/tmp/$(basename "$f" .sh)
	rm -rf "$T"
	mkdir -p "$T"
	. "$f"
	finish_case
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
