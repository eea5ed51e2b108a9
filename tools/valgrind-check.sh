#!/bin/sh
# valgrind-check.sh: runs the test suite with every sc-* binary (and the
# unit tests) under valgrind: any memory error, or a definite leak, makes
# the program exit 99, so that its test fails.  Works on a copy of the
# tree: there each binary is moved to .real/ and a script of its name
# runs it under valgrind, so tests/run.sh, which puts the top of the
# tree first on PATH, runs the wrappers without knowing.  Exits with the
# suite's status.
#
# Usage: sh tools/valgrind-check.sh [tests/t-NAME.sh...]
# Environment: VALGRIND_KEEP=1 keeps the copy; VALGRIND_ARGS adds options.
#
# As under ASan, address-space limits (ulimit -v) are dropped in the copy,
# since valgrind itself needs more, and the hostile-input cases get 300
# seconds instead of 10.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
command -v valgrind >/dev/null 2>&1 || {
	echo "valgrind-check: valgrind is not installed" >&2
	exit 4
}
work=$(mktemp -d "${TMPDIR:-/tmp}/sc-valgrind.XXXXXX") || exit 4
# The tests write as another user too (tests/t-shared.sh), who must reach
# the copy's programs and gazetteer as in a checkout anyone may read.
chmod 0755 "$work" || exit 4
[ "${VALGRIND_KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

sh "$top/tools/copy-tree.sh" "$top" "$work" || exit 4

cd "$work" && make -s CFLAGS='-O1 -g' all tests/unit-lib tests/fnv-collide \
    tests/norandom || exit 4

mkdir -p .real
for p in sc-* tests/unit-lib; do
	[ -f "$p" ] && [ -x "$p" ] || continue
	real=$work/.real/$(basename "$p")
	mv "$p" "$real"
	cat >"$p" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full \\
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \\
    ${VALGRIND_ARGS:-} "$real" "\$@"
WRAP
	chmod +x "$p"
	# make must not build it again: the wrapper is newer than its inputs.
	touch "$p"
done

SC_TEST_VLIMIT=unlimited
SC_TEST_TIMEOUT=300
export SC_TEST_VLIMIT SC_TEST_TIMEOUT
sh tests/run.sh "$@"
status=$?
echo "valgrind-check: the suite under valgrind exited $status" >&2
[ "${VALGRIND_KEEP:-0}" != 1 ] || echo "valgrind-check: kept $work" >&2
exit "$status"
