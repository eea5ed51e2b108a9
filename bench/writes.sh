# writes.sh: the writes and check at scale in `make bench`, sourced by
# run.sh (whose W, TOP, M, ROWS, BIG, results, have, get, mem and target it
# uses).  Every write verb and every check runs at ROWS and 5x ROWS
# follow-ups, in turns with the floor: dd bs=128k conv=fsync of
# followups.csv of the same size (and cp, without fsync, for reference).
# The writes change their tables, so they work on copies of the generated
# directories, $W/w<rows>, made afresh at each run.  Each run of a write
# changes something: names and texts are fresh at each run (a counter per
# directory), and done and reopen, attend and attend --remove, and the like
# take turns on the same row.  A command that fails, or that writes to
# stderr (a refusal can exit 0 with a note), is reported as such and left
# out of the targets.
#
# REPS_WRITE: the rounds (default 5).
# BENCH_BEFORE=REV (a git revision: make bench BENCH_BEFORE=0388e41) runs
# every command with REV's binaries too, built once in $W/before-REV, on
# their own copies ($W/b<rows>), in the same turns as the binaries of the
# work tree, and prints the two side by side with their ratio.
RW=${REPS_WRITE:-5}
BEFORE=${BENCH_BEFORE:-}

# before_build REV: builds REV's binaries (once) and prints their directory.
before_build() {
	rev=$(git -C "$TOP" rev-parse --verify --short "$1^{commit}" 2>/dev/null) || {
		echo "bench: BENCH_BEFORE=$1: not a revision of $TOP" >&2
		return 1
	}
	dir=$W/before-$rev
	if [ ! -x "$dir/sc-followups" ] || [ ! -x "$dir/sc-cities" ] ||
	    [ ! -x "$dir/sc-events" ]; then
		echo "bench: building $rev's binaries in $dir" >&2
		rm -rf "$dir" && mkdir -p "$dir" &&
		    git -C "$TOP" archive "$rev" | tar -x -C "$dir" &&
		    make -C "$dir" sc-cities sc-events sc-followups \
		    >"$dir.log" 2>&1 || {
			echo "bench: cannot build $rev (see $dir.log)" >&2
			return 1
		}
	fi
	echo "$dir"
}

# wadd NAME BODY: a command of the group.  Its output goes nowhere and its
# stderr to $W/err/NAME; any exit status but 0 fails it.
wadd() {
	printf '%s\n' "$1" >>"$W/wnames"
	printf '%s\n' "{ $2; } >/dev/null 2>>$W/err/$1 || exit 9" >>"$W/wcmds"
}

# wverb VERB ROWS SUFFIX BIN DIR: the command VERB (one of WRITES and
# CHECKS below) with the binaries in BIN on DIR, a copy of the directory of
# ROWS follow-ups, named VERB@ROWS plus SUFFIX.
wverb() {
	verb=$1 s=@$2$3 x=$4/ d=$5
	t=$(basename "$d")
	read -r city event open1 open2 <"$W/facts-$2"
	# The counter of this directory: $n is fresh in each run.
	next="read n <$W/n-$t && n=\$((n + 1)) && echo \$n >$W/n-$t"
	case $verb in
	followups-add) wadd "$verb$s" "$next && ${x}sc-followups -D $d add \"Call \$n\" $city --owner sam" ;;
	followups-done) wadd "$verb$s" "${x}sc-followups -D $d done $open1" ;;
	followups-reopen) wadd "$verb$s" "${x}sc-followups -D $d reopen $open1" ;;
	followups-set) wadd "$verb$s" "$next && ${x}sc-followups -D $d set $open2 --owner x\$n" ;;
	followups-cancel) wadd "$verb$s" "${x}sc-followups -D $d cancel $open2" ;;
	followups-reopen2) wadd "$verb$s" "${x}sc-followups -D $d reopen $open2" ;;
	cities-add) wadd "$verb$s" "$next && echo \$n >$W/city-$t && ${x}sc-cities -D $d add \"Testville \$n\" --country FR" ;;
	cities-rm) wadd "$verb$s" "read n <$W/city-$t && ${x}sc-cities -D $d rm fr-testville-\$n" ;;
	cities-set) wadd "$verb$s" "$next && ${x}sc-cities -D $d set $city --notes \"notes \$n\"" ;;
	cities-import) wadd "$verb$s" "$next && printf 'name,country\nImportville %s a,FR\nImportville %s b,DE\nImportville %s c,IT\n' \$n \$n \$n | ${x}sc-cities -D $d import -" ;;
	events-add) wadd "$verb$s" "$next && ${x}sc-events -D $d add \"Meeting \$n\" --start 2025-06-01 --city $city" ;;
	events-attend) wadd "$verb$s" "${x}sc-events -D $d attend $event $city" ;;
	events-unattend) wadd "$verb$s" "${x}sc-events -D $d attend --remove $event $city" ;;
	events-partner) wadd "$verb$s" "${x}sc-events -D $d partner $event 'Bench Organisation'" ;;
	events-unpartner) wadd "$verb$s" "${x}sc-events -D $d partner --remove $event 'Bench Organisation'" ;;
	*-check) wadd "$verb$s" "${x}sc-${verb%-check} -D $d check" ;;
	esac
}

# The writes in the order they run in a round: each one's undoing after it.
WRITES="followups-add followups-done followups-reopen followups-set
    followups-cancel followups-reopen2 cities-add cities-rm cities-set
    cities-import events-add events-attend events-unattend events-partner
    events-unpartner"
CHECKS="followups-check cities-check events-check"

OLD=
if [ -n "$BEFORE" ] && have git; then
	OLD=$(before_build "$BEFORE") || OLD=
elif [ -n "$BEFORE" ]; then
	echo "bench: BENCH_BEFORE=$BEFORE: git is not installed, skipped" >&2
fi
rm -rf "$W/err" "$W/wnames" "$W/wcmds"
mkdir -p "$W/err"
for n in "$ROWS" "$BIG"; do
	for c in w ${OLD:+b}; do
		rm -rf "$W/$c$n" && cp -R "$W/d$n" "$W/$c$n" || exit 1
		echo 0 >"$W/n-$c$n"
	done
	# The city and the event the writes name, and two open follow-ups:
	# done then reopen the first, cancel then reopen the second (on one
	# already closed, done would change nothing).
	d=$W/d$n
	echo "$(sed -n 2p "$d/cities.csv" | cut -d, -f1)" \
	    "$(sed -n 2p "$d/events.csv" | cut -d, -f1)" \
	    $("$TOP/sc-followups" -D "$d" list -c id -H | head -n 2) >"$W/facts-$n"
done
for v in $WRITES $CHECKS; do
	for n in "$ROWS" "$BIG"; do
		wverb "$v" "$n" "" "$TOP" "$W/w$n"
		[ -z "$OLD" ] || wverb "$v" "$n" -before "$OLD" "$W/b$n"
	done
done
for n in "$ROWS" "$BIG"; do
	# dd's own blocks of 512 bytes would make the floor slow: 128 KiB,
	# as the tools read.
	wadd "floor-dd-fsync@$n" "dd if=$W/w$n/followups.csv of=$W/floor-$n bs=128k conv=fsync status=none"
	wadd "floor-cp@$n" "cp $W/w$n/followups.csv $W/floor-cp-$n"
done
# The copies go to disk now, not while the first runs run.
sync

kib() { echo $(($(wc -c <"$1") / 1024)); }
echo "writes and check at scale: $ROWS and $BIG follow-ups ($(kib "$W/d$ROWS/followups.csv") and $(kib "$W/d$BIG/followups.csv") KiB), $RW rounds, medians${OLD:+; -before: $BEFORE}"
echo
printf '%-34s %12s %12s %13s\n' "" "wall" "cpu" "peak memory"
set --
while IFS= read -r c; do
	set -- "$@" "$c"
done <"$W/wcmds"
"$M" "$RW" "$@" >"$W/group" || echo "bench: writes: some commands failed" >&2
# The names and the lines of measure, side by side; a command that failed
# or wrote to stderr (beyond import's count) is not recorded.
paste -d ' ' "$W/wnames" "$W/group" | while read -r name wall cpu peak; do
	note=$(grep -v ': import: [0-9]* added, 0 skipped, 0 rejected$' \
	    "$W/err/$name" 2>/dev/null | head -n 1)
	if [ -z "$wall" ] || [ "$wall" = failed ] || [ -n "$note" ]; then
		printf '%-34s %s\n' "$name" "failed${note:+: $note}"
		continue
	fi
	echo "$name $wall $cpu $peak" >>"$results"
	# The old binaries' figures are in the table of before and after.
	[ "${name%-before}" = "$name" ] || continue
	printf '%-34s %10s s %10s s %9s KiB\n' "$name" "$wall" "$cpu" "$peak"
done
echo

# wratio A B: A / B, or n/a when either is missing.
wratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b > 0) printf "%.2f", a / b; else print "n/a" }'; }
echo "targets (ratios of medians):"
for verb in $WRITES; do
	for n in "$ROWS" "$BIG"; do
		target "$verb: time / floor, $n rows" "$(wratio "$(get "$verb@$n")" "$(get "floor-dd-fsync@$n")")" "<=" 3
	done
	target "$verb: peak memory, 5x rows / 1x rows" "$(wratio "$(mem "$verb@$BIG")" "$(mem "$verb@$ROWS")")" "<=" 1.3
done
for verb in $CHECKS; do
	for n in "$ROWS" "$BIG"; do
		target "$verb: peak / followups.csv, $n rows" "$(wratio "$(mem "$verb@$n")" "$(kib "$W/d$n/followups.csv")")" "<=" 0.5
	done
	target "$verb: time per row, 5x rows / 1x rows" "$(wratio "$(get "$verb@$BIG")" "$(awk -v t="$(get "$verb@$ROWS")" 'BEGIN { if (t != "") print t * 5 }')")" "<=" 1.2
done

if [ -n "$OLD" ]; then
	echo
	echo "before ($BEFORE) and after (the work tree), medians; ratios after / before:"
	row() { printf '%-26s %8s %8s %6s %8s %8s %9s %9s %6s\n' "$@"; }
	row "" "wall" "" "" "cpu" "" "peak KiB" "" ""
	row "" "before" "after" "ratio" "before" "after" "before" "after" "ratio"
	# col NAME FIELD: the field of NAME's line in the results, rounded.
	col() { awk -v k="$1" -v f="$2" '$1 == k { printf (f < 4 ? "%.4f" : "%d"), $f }' "$results"; }
	for verb in $WRITES $CHECKS; do
		for n in "$ROWS" "$BIG"; do
			b=$verb@$n-before a=$verb@$n
			row "$a" "$(col "$b" 2)" "$(col "$a" 2)" \
			    "$(wratio "$(get "$a")" "$(get "$b")")" \
			    "$(col "$b" 3)" "$(col "$a" 3)" "$(col "$b" 4)" \
			    "$(col "$a" 4)" "$(wratio "$(mem "$a")" "$(mem "$b")")"
		done
	done
fi
rm -f "$W"/floor-*
