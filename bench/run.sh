#!/bin/sh
# run.sh: the benchmark behind `make bench`.  Generates realistic tables,
# runs the suite's commands and their peers side by side, several times
# each, and prints median times, peak memory and the ratios of SPEC's
# targets.  Timings on shared machines are noisy: read the ratios.
# Usage: sh bench/run.sh [ROWS] (default 200000; the scaling runs use 5x)
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
ROWS=${1:-200000}
BIG=$((ROWS * 5))
REPS=${REPS:-5}
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

results=$W/results
: > "$results"
# run NAME REPS COMMAND: measures and records "NAME median peak".
run() {
	r=$("$M" "$2" "$3") || { echo "bench: $1 failed" >&2; return; }
	echo "$1 $r" >> "$results"
	printf '%-34s %10s s %9s KiB\n' "$1" "${r% *}" "${r#* }"
}
get() { awk -v k="$1" '$1 == k { print $2 }' "$results"; }
mem() { awk -v k="$1" '$1 == k { print $3 }' "$results"; }

echo "rows: $ROWS follow-ups ($(du -k "$D/followups.csv" | cut -f1) KiB), $REPS runs each, medians"
echo
run list-overdue "$REPS" "sc-followups -D $D list --overdue --today $TODAY >/dev/null"
# The formats side by side: each read and written (a pipeline of one
# format), and TSV read but CSV written, which must re-quote the fields.
run list-overdue-csv-i "$REPS" "sc-followups list -i $D/followups.csv --overdue --today $TODAY >/dev/null"
run list-overdue-tsv "$REPS" "sc-followups list -i $W/followups.tsv -o tsv --overdue --today $TODAY >/dev/null"
run list-overdue-tsv-to-csv "$REPS" "sc-followups list -i $W/followups.tsv -o csv --overdue --today $TODAY >/dev/null"
run libcsv-bare-parse "$REPS" "$W/csvbare $D/followups.csv >/dev/null"
run wc-l "$REPS" "wc -l $D/followups.csv >/dev/null"
run awk-naive "$REPS" "awk -F, '\$7 == \"open\" && \$6 != \"\" && \$6 < \"$TODAY\"' $D/followups.csv >/dev/null"
if have mlr; then
	run mlr-filter "$REPS" "mlr --icsv --ocsv filter '\$status == \"open\" && \$due != \"\" && \$due < \"$TODAY\"' $D/followups.csv >/dev/null"
else
	echo "mlr: not installed, skipped"
fi
if have csvgrep; then
	run csvkit-csvgrep 1 "csvgrep -c status -m open $D/followups.csv >/dev/null"
else
	echo "csvkit: not installed, skipped"
fi
echo
# The cross-table steps, at ROWS and 5x ROWS.
city=$(sed -n 2p "$D/cities.csv" | cut -d, -f1)
event=$(sed -n 2p "$D/events.csv" | cut -d, -f1)
for n in "$ROWS" "$BIG"; do
	d=$W/d$n
	run "report@$n" "$REPS" "sc-followups -D $d report --today $TODAY >/dev/null"
	run "without-followups@$n" "$REPS" "sc-cities -D $d list --without-followups >/dev/null"
	run "attended@$n" "$REPS" "sc-cities -D $d list --attended $event >/dev/null"
	run "show-city@$n" "$REPS" "sc-cities -D $d show $city >/dev/null"
	run "list@$n" "$REPS" "sc-followups -D $d list --overdue --today $TODAY >/dev/null"
done
echo
run seed-list 30 "$TOP/sc-cities list >/dev/null"
run process-start 30 "$W/nop >/dev/null"
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
