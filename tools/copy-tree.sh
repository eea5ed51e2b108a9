#!/bin/sh
# copy-tree.sh SRC DEST: copies the source of the tree at SRC (not its
# build products) into DEST, for a build of its own, and drops the tests'
# address-space limits ("ulimit -v N;"), which ASan and valgrind cannot
# meet.  Used by sanitize.sh and valgrind-check.sh.
set -u
top=$1
work=$2
if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
	(cd "$top" && git ls-files -co --exclude-standard) >"$work/.files" &&
	(cd "$top" && tar -cf - -T "$work/.files") | (cd "$work" && tar -xf -)
else
	(cd "$top" && tar -cf - --exclude=.git --exclude='*.o' \
	    --exclude='*.a' --exclude=tests/tmp --exclude=lib/seeds.c \
	    --exclude=tests/unit-lib --exclude=tests/fnv-collide \
	    --exclude=tests/norandom --exclude='sc-cities' \
	    --exclude='sc-events' --exclude='sc-followups' .) |
	    (cd "$work" && tar -xf -)
fi || exit 4
rm -f "$work/.files"
for f in "$work"/tests/t-*.sh; do
	sed 's/ulimit -v [0-9][0-9]*;//' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
done
