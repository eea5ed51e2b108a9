# merge.sh: the merge case of `make bench`, sourced by run.sh (whose
# group, get, mem, ratio and target it uses).  The driver against git
# merge-file on the same three versions of a follow-up table of MERGE_ROWS
# rows (default 1,000,000), with 1,000 edits on each side to different
# rows or to different fields of the same rows: no true conflict.  Each
# command merges into a fresh copy of ours, as git merges into its own.
MR=${MERGE_ROWS:-1000000}
MW=$W/merge$MR
if [ ! -s "$MW/theirs.csv" ]; then
	echo "bench: generating the merge case, $MR follow-ups, in $MW" >&2
	sh "$TOP/bench/gen.sh" "$MW" "$MR" &&
	    sh "$TOP/bench/gen-merge.sh" "$MW" 1000 && sync
fi
echo "merge: $MR follow-ups ($(du -k "$MW/base.csv" | cut -f1) KiB), 1000 edits a side"
if have git; then
	# git merge-file exits with the number of conflicts.
	group 5 \
	    merge-sc-cities "cp $MW/ours.csv $MW/sc.csv && sc-cities merge $MW/base.csv $MW/sc.csv $MW/theirs.csv followups.csv" \
	    merge-git-merge-file "cp $MW/ours.csv $MW/git.csv && { git merge-file $MW/git.csv $MW/base.csv $MW/theirs.csv; [ \$? -lt 128 ]; }"
	sc_conflicts=$(grep -c '^<<<<<<< ' "$MW/sc.csv")
	git_conflicts=$(grep -c '^<<<<<<< ' "$MW/git.csv")
	echo "conflicts: sc-cities merge $sc_conflicts, git merge-file $git_conflicts"
	echo
	echo "targets (ratios of medians):"
	target "merge: sc-cities merge / git merge-file, time" "$(ratio "$(get merge-sc-cities)" "$(get merge-git-merge-file)")" "<=" 1
	target "merge: sc-cities merge / git merge-file, memory" "$(ratio "$(mem merge-sc-cities)" "$(mem merge-git-merge-file)")" "<=" 0.5
	target "merge: conflicts left by sc-cities merge" "$sc_conflicts" "<=" 0
else
	echo "git: not installed, merge case skipped"
fi
