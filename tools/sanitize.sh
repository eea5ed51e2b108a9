#!/bin/sh
# sanitize.sh: builds a copy of the tree with clang, AddressSanitizer
# (leaks included) and UBSan, and runs make check there.  Any report of
# the sanitizers aborts the program, so that its test fails.  Exits with
# make check's status.
#
# Usage: sh tools/sanitize.sh [make check arguments]
# Environment: SANITIZE_CC (default clang), SANITIZE_KEEP=1 keeps the copy.
#
# Two things differ from a plain make check, both in the copy only:
# ASan reserves terabytes of address space for its shadow memory, so no
# address-space limit (ulimit -v) can be met; the tests' limits are
# dropped (SC_TEST_VLIMIT=unlimited, and "ulimit -v N;" removed from the
# test files).  And everything runs about three times slower, so the
# hostile-input cases get 60 seconds (SC_TEST_TIMEOUT) instead of 10.
#
# The copy is built without its SSE2 code (-U__SSE2__): the readers'
# portable scan, which machines without SSE2 run, is tested here, and
# the SSE2 one by the plain make check and the fuzz targets.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cc=${SANITIZE_CC:-clang}
work=$(mktemp -d "${TMPDIR:-/tmp}/sc-sanitize.XXXXXX") || exit 4
# The tests write as another user too (tests/t-shared.sh), who must reach
# the copy's programs and gazetteer as in a checkout anyone may read.
chmod 0755 "$work" || exit 4
[ "${SANITIZE_KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

sh "$top/tools/copy-tree.sh" "$top" "$work" || exit 4

ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
SC_TEST_VLIMIT=unlimited
SC_TEST_TIMEOUT=60
export ASAN_OPTIONS UBSAN_OPTIONS SC_TEST_VLIMIT SC_TEST_TIMEOUT

san='-fsanitize=address,undefined'
cd "$work" &&
make -s CC="$cc" \
    CFLAGS="-O1 -g $san -fno-omit-frame-pointer -fno-sanitize-recover=undefined -U__SSE2__" \
    LDFLAGS="$san" check "$@"
status=$?
echo "sanitize: make check under ASan and UBSan exited $status" >&2
[ "${SANITIZE_KEEP:-0}" != 1 ] || echo "sanitize: kept $work" >&2
exit "$status"
