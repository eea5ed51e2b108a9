# t-checkscale.sh: check keeps keys, not rows.  It streams the table it
# checks and keeps only the keys seen and the ids of the tables it refers
# to, so that its memory grows with the keys, not with the rows, and stays
# under half the table's size.  Counted in peak resident memory
# (bench/measure.c, which reads it from wait4(2)), never in time.  And the
# order of its messages as it streams: the rows' problems and malformed
# records in line order, then the duplicates.

# The memory bounds do not hold under ASan, whose shadow memory and
# quarantine are counted too; sanitize.sh says so (SC_TEST_VLIMIT).
bounds=yes
[ "${SC_TEST_VLIMIT:-}" != unlimited ] || bounds=

cc -O2 -o "$T/measure" "$TOP/bench/measure.c"

# peak 'COMMAND': its peak resident set, in KiB.
peak() {
	"$T/measure" 1 "$1 2>/dev/null" | awk '{ print $3 }'
}

# kib FILE...: their size, in KiB.
kib() {
	cat "$@" | wc -c | awk '{ print int($1 / 1024) }'
}

# measured P...: each peak is a number of KiB, not measure's "failed".
measured() {
	for p; do
		case $p in
		'' | 0 | *[!0-9]*) bad "no peak measured: '$p'" ;;
		esac
	done
}

# grows P1 P2 S1 S2: the peak P grew by less than the tables' size S.
# Rows held in memory grow it by some three times as much.
grows() {
	measured "$1" "$2"
	if [ -n "$bounds" ] && [ $(($2 - $1)) -ge $(($4 - $3)) ]; then
		bad "peak memory grew by $(($2 - $1)) KiB, the tables by" \
		    "$(($4 - $3)) KiB: it grows like the rows"
	fi
}

# under P S: the peak P is under half the table's size S.
under() {
	measured "$1"
	if [ -n "$bounds" ] && [ "$1" -ge $(($2 / 2)) ]; then
		bad "peak memory $1 KiB is not under half the table's $2 KiB"
	fi
}

# --- follow-ups: bench/gen.sh's realistic rows ----------------------------

sh "$TOP/bench/gen.sh" "$T/fu1" 100000
sh "$TOP/bench/gen.sh" "$T/fu2" 200000

# memory N: the peaks of sc-followups check of fu1 and fu2, and their
# tables' sizes, asserted: the peak grows with the keys, and is under
# half the table's size.  Not in a subshell, which would lose bad().
memory() {
	p1=$(peak "sc-followups -D $T/fu1 check")
	p2=$(peak "sc-followups -D $T/fu2 check")
	s1=$(kib "$T/fu1/followups.csv")
	s2=$(kib "$T/fu2/followups.csv")
	grows "$p1" "$p2" "$s1" "$s2"
	under "$p1" "$s1"
	under "$p2" "$s2"
}

t 'followups: check of 100000 and 200000 rows: memory grows with the keys' \
  'sc-followups -D fu1 check && sc-followups -D fu2 check'
memory

# The same rows, every id twice: the duplicates are kept, not the rows.
for n in 1 2; do
	awk 'NR == 1 { print; next } { print; sub(/^[0-9]+/, "&"); print }' \
	    "$T/fu$n/followups.csv" >"$T/fu$n/twice.csv"
	mv "$T/fu$n/twice.csv" "$T/fu$n/followups.csv"
done
t 'followups: every id twice: each duplicate named, memory still of the keys' \
  'sc-followups -D fu2 check 2>e; echo $?; wc -l <e; tail -1 e'
out <<'X'
1
200000
sc-followups: fu2/followups.csv:400001: id: duplicate of line 400000
X
memory

# --- events, and the attendance that refers to them ------------------------

# events DIR N: N events, each attended by one city.
events() {
	mkdir -p "$T/$1"
	awk -v n="$2" -v dir="$T/$1" 'BEGIN {
		e = dir "/events.csv"; a = dir "/attendance.csv"
		c = dir "/cities.csv"
		print "id,name,series,kind,start,end,city,status,url,notes" > e
		print "event,city,role,notes" > a
		print "id,name,country,status" > c
		for (i = 1; i <= 100; i++)
			printf "fr-city-%d,City %d,FR,member\n", i, i > c
		for (i = 1; i <= n; i++) {
			printf "2025-%02d-event-%d,\"Dialogue %d, on polarisation\",Transatlantic Dialogue Initiative,dialogue,2025-%02d-%02d,,fr-city-%d,planned,,\"notes, with commas\"\n",
			    i % 12 + 1, i, i, i % 12 + 1, i % 28 + 1, i % 100 + 1 > e
			printf "2025-%02d-event-%d,fr-city-%d,participant,\n",
			    i % 12 + 1, i, i % 100 + 1 > a
		}
	}'
}
events ev1 50000
events ev2 100000

# An attendance row is little more than its key (event and city), which
# check keeps: here the bound is the growth only, not half the size.
t 'events: check of 50000 and 100000 events: memory grows with the keys' \
  'sc-events -D ev1 check && sc-events -D ev2 check'
grows "$(peak "sc-events -D $T/ev1 check")" \
    "$(peak "sc-events -D $T/ev2 check")" \
    "$(kib "$T/ev1/events.csv" "$T/ev1/attendance.csv")" \
    "$(kib "$T/ev2/events.csv" "$T/ev2/attendance.csv")"

# --- the order of the messages ---------------------------------------------

mkdir "$T/order"
cp "$TOP/seeds/cities.csv" "$TOP/seeds/events.csv" "$T/order/"
cat >"$T/order/followups.csv" <<'X'
id,action,event,city,owner,due,status,created,closed,notes
1,Call,2024-05-strasbourg,fr-dijon,,,opne,2024-05-15,,
2,Call,2024-05-strasbourg
1,Call,,fr-nowhere,,,open,2024-05-15,,
3,Call,,,,,done,2024-05-15,,
1,Call,,,,,open,2024-05-15,,
3,Call,,,,,open,2024-5-15,,
X
t 'order: problems and malformed records in line order, then duplicates' \
  'sc-followups -D order check'
status 1
err "sc-followups: order/followups.csv:2: status: invalid value 'opne' (one of: open, done, cancelled)
sc-followups: order/followups.csv:3: 3 fields where the header has 10: 7 too few: a line break in an unquoted field, or a missing comma?
sc-followups: order/followups.csv:4: city: unknown city 'fr-nowhere'
sc-followups: order/followups.csv:7: created: invalid date '2024-5-15' (want YYYY-MM-DD)
sc-followups: order/followups.csv:4: id: duplicate of line 2
sc-followups: order/followups.csv:6: id: duplicate of line 2
sc-followups: order/followups.csv:7: id: duplicate of line 5"

# The table referred to is read when a row first refers to it, and its
# malformed records are reported then, among the rows' problems.
mkdir "$T/refbad"
cp "$TOP/seeds/cities.csv" "$T/refbad/"
{ cat "$TOP/seeds/events.csv"; echo 'x,y'; } >"$T/refbad/events.csv"
cat >"$T/refbad/followups.csv" <<'X'
id,action,event,city,owner,due,status,created,closed,notes
1,Call,,,,,opne,2024-05-15,,
2,Call,2024-05-strasbourg,,,,open,2024-05-15,,
3,Call,2024-05-nowhere,,,,open,2024-05-15,,
X
t 'order: a referred table malformed: reported when first referred to' \
  'sc-followups -D refbad check'
status 1
err "sc-followups: refbad/followups.csv:2: status: invalid value 'opne' (one of: open, done, cancelled)
sc-followups: refbad/events.csv:$(($(wc -l <"$TOP/seeds/events.csv") + 1)): 2 fields where the header has 10: 8 too few: a line break in an unquoted field, or a missing comma?
sc-followups: refbad/followups.csv:4: event: unknown event '2024-05-nowhere'"
