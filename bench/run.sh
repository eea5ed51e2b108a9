#!/bin/sh
# run.sh: the benchmark behind `make bench`.  Generates realistic tables,
# runs the suite's commands and their peers side by side, several times
# each and in turns (so that a burst of load falls on all of a group
# alike), and prints median wall and CPU times, peak memory and the
# ratios of SPEC's targets.  Timings on shared machines are noisy: read
# the ratios.
# Usage: sh bench/run.sh [ROWS] (default 200000; the scaling runs use 5x)
# The merge case (bench/merge.sh) has MERGE_ROWS rows (default 1000000).
# The writes and check at scale (bench/writes.sh) run REPS_WRITE rounds
# (default 5); BENCH_BEFORE=REV (a git revision) runs them with REV's
# binaries too, in the same turns, and prints before and after side by side.
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
ROWS=${1:-200000}
BIG=$((ROWS * 5))
REPS=${REPS:-7}
W=${BENCH_DIR:-$TOP/bench/tmp}
M=$W/measure
TODAY=2025-06-01
export LC_ALL=C
PATH=$TOP:$PATH

mkdir -p "$W"
cc -O2 -o "$M" "$TOP/bench/measure.c" || exit 1
cc -O2 -o "$W/csvbare" "$TOP/bench/csvbare.c" -lcsv || exit 1
printf 'int main(void) { return 0; }\n' > "$W/nop.c"
cc -O2 -o "$W/nop" "$W/nop.c" || exit 1

# Peers that are missing are installed when we may, else skipped.
have() { command -v "$1" >/dev/null 2>&1; }
if ! have mlr || ! have csvgrep; then
	if [ "$(id -u)" -eq 0 ] && have apt-get; then
		echo "bench: installing miller and csvkit" >&2
		apt-get install -y -qq miller csvkit >/dev/null 2>&1 ||
		    { apt-get update -qq && apt-get install -y -qq miller csvkit; } \
		    >/dev/null 2>&1
	fi
fi

for n in "$ROWS" "$BIG"; do
	if [ ! -s "$W/d$n/followups.csv" ]; then
		echo "bench: generating $n follow-ups in $W/d$n" >&2
		sh "$TOP/bench/gen.sh" "$W/d$n" "$n"
	fi
done
D=$W/d$ROWS
DB=$W/d$BIG
sc-followups -D "$D" list --all -o tsv > "$W/followups.tsv"
# The tables just written go to disk now, not while the first runs run.
sync

results=$W/results
: > "$results"
# group REPS NAME COMMAND [NAME COMMAND ...]: measures the commands in
# turns, REPS rounds, and records "NAME wall cpu peak" for each.
group() {
	reps=$1
	shift
	names=
	pairs=$(($# / 2))
	while [ "$pairs" -gt 0 ]; do
		names="$names $1"
		set -- "$@" "$2"
		shift 2
		pairs=$((pairs - 1))
	done
	"$M" "$reps" "$@" >"$W/group" || { echo "bench: $names: failed" >&2; return; }
	set -- $names
	while read -r wall cpu peak; do
		echo "$1 $wall $cpu $peak" >>"$results"
		printf '%-34s %10s s %10s s %9s KiB\n' "$1" "$wall" "$cpu" "$peak"
		shift
	done <"$W/group"
}
get() { awk -v k="$1" '$1 == k { print $2 }' "$results"; }
mem() { awk -v k="$1" '$1 == k { print $4 }' "$results"; }

echo "rows: $ROWS follow-ups ($(du -k "$D/followups.csv" | cut -f1) KiB), $REPS rounds, medians"
echo
printf '%-34s %12s %12s %13s\n' "" "wall" "cpu" "peak memory"
# The formats side by side: each read and written (a pipeline of one
# format), and TSV read but CSV written, which must re-quote the fields.
set -- \
    list-overdue "sc-followups -D $D list --overdue --today $TODAY >/dev/null" \
    list-overdue-csv-i "sc-followups list -i $D/followups.csv --overdue --today $TODAY >/dev/null" \
    list-overdue-tsv "sc-followups list -i $W/followups.tsv -o tsv --overdue --today $TODAY >/dev/null" \
    list-overdue-tsv-to-csv "sc-followups list -i $W/followups.tsv -o csv --overdue --today $TODAY >/dev/null" \
    libcsv-bare-parse "$W/csvbare $D/followups.csv >/dev/null" \
    wc-l "wc -l $D/followups.csv >/dev/null" \
    awk-naive "awk -F, '\$7 == \"open\" && \$6 != \"\" && \$6 < \"$TODAY\"' $D/followups.csv >/dev/null"
if have mlr; then
	set -- "$@" mlr-filter "mlr --icsv --ocsv filter '\$status == \"open\" && \$due != \"\" && \$due < \"$TODAY\"' $D/followups.csv >/dev/null"
else
	echo "mlr: not installed, skipped"
fi
group "$REPS" "$@"
if have csvgrep; then
	group 3 csvkit-csvgrep "csvgrep -c status -m open $D/followups.csv >/dev/null"
else
	echo "csvkit: not installed, skipped"
fi
echo
# The cross-table steps, at ROWS and 5x ROWS.
city=$(sed -n 2p "$D/cities.csv" | cut -d, -f1)
event=$(sed -n 2p "$D/events.csv" | cut -d, -f1)
# Each at ROWS and 5x ROWS in turns, so that both sizes see the same load.
d1=$W/d$ROWS
d5=$W/d$BIG
step() {
	group "$REPS" "$1@$ROWS" "$(printf "$2" "$d1")" "$1@$BIG" "$(printf "$2" "$d5")"
}
step report "sc-followups -D %s report --today $TODAY >/dev/null"
step without-followups "sc-cities -D %s list --without-followups >/dev/null"
step attended "sc-cities -D %s list --attended $event >/dev/null"
step show-city "sc-cities -D %s show $city >/dev/null"
step list "sc-followups -D %s list --overdue --today $TODAY >/dev/null"
echo
group 30 seed-list "$TOP/sc-cities list >/dev/null" process-start "$W/nop >/dev/null"
echo

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
# target NAME VALUE OP LIMIT
target() {
	ok=$(awk -v v="$2" -v op="$3" -v l="$4" 'BEGIN {
		if (v == "n/a") { print "SKIP"; exit }
		print ((op == ">=" && v >= l) || (op == "<=" && v <= l)) ? "met" : "MISSED" }')
	printf '%-52s %6s  (target %s %s)  %s\n' "$1" "$2" "$3" "$4" "$ok"
}
echo "targets (ratios of medians):"
if have mlr; then
	target "Miller filter / sc-followups list --overdue" "$(ratio "$(get mlr-filter)" "$(get list-overdue)")" ">=" 10
fi
if have csvgrep; then
	target "csvkit csvgrep / sc-followups list --overdue" "$(ratio "$(get csvkit-csvgrep)" "$(get list-overdue)")" ">=" 10
fi
target "sc-followups list --overdue / libcsv bare parse" "$(ratio "$(get list-overdue)" "$(get libcsv-bare-parse)")" "<=" 1.5
target "TSV in and out / CSV in and out" "$(ratio "$(get list-overdue-tsv)" "$(get list-overdue-csv-i)")" "<=" 1.0
for s in report without-followups attended show-city list; do
	target "$s: time per row, 5x rows / 1x rows" "$(ratio "$(get "$s@$BIG")" "$(awk -v t="$(get "$s@$ROWS")" 'BEGIN { print t * 5 }')")" "<=" 1.2
done
target "list: peak memory, 5x rows / 1x rows" "$(ratio "$(mem "list@$BIG")" "$(mem "list@$ROWS")")" "<=" 1.1
target "a command over the seeds / process start (true)" "$(ratio "$(get seed-list)" "$(get process-start)")" "<=" 2

echo
. "$TOP/bench/merge.sh"

echo
. "$TOP/bench/writes.sh"
