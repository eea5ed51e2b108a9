#!/bin/sh
# gen-merge.sh DIR EDITS: from DIR/followups.csv (made by gen.sh), the
# three sides of a merge: DIR/base.csv, and DIR/ours.csv and
# DIR/theirs.csv with EDITS edits each, to rows picked at random.  Ours
# moves due dates; theirs changes owners, a tenth of them on rows that
# ours changed too: different fields of the same rows, no true conflict.
set -eu
dir=$1
edits=$2
cp "$dir/followups.csv" "$dir/base.csv"
rows=$(($(wc -l < "$dir/base.csv") - 1))
awk -v rows="$rows" -v edits="$edits" -v dir="$dir" '
function pick(set, n, seed,    r, k) {
	srand(seed)
	for (k = 0; k < n; ) {
		r = int(rand() * rows) + 2	# a line number, past the header
		if (!(r in set) && !(r in ours)) {
			set[r] = 1
			k++
		}
	}
}
# Field f (3: event ... 9: notes) of a follow-up as gen.sh writes it:
# the action, quoted, holds commas; the fields after it do not, but for
# the notes, which come last.
function edit(line, f, v,    i, head, n, a, out, k) {
	i = index(line, "dialogue\",")
	head = substr(line, 1, i + 9)
	n = split(substr(line, i + 10), a, ",")
	a[f - 2] = v
	out = a[1]
	for (k = 2; k <= n; k++)
		out = out "," a[k]
	return head out
}
BEGIN {
	pick(ours, edits, 1)
	shared = int(edits / 10)
	k = 0
	for (r in ours)
		if (k++ < shared)
			theirs[r] = 1
	pick(theirs, edits - shared, 2)
}
NR == 1 { print > (dir "/ours.csv"); print > (dir "/theirs.csv"); next }
{
	print (NR in ours ? edit($0, 6, "2026-01-15") : $0) > (dir "/ours.csv")
	print (NR in theirs ? edit($0, 5, "zoe") : $0) > (dir "/theirs.csv")
}' "$dir/base.csv"
