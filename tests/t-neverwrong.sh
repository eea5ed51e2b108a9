# t-neverwrong.sh: a tool may refuse, but it never answers wrong in
# silence (issue 11).  Hand-edited tables with values a verb cannot read,
# the cron digest run as cron runs it, owners typed with stray spaces,
# one rule for "joined" and for "has a follow-up", and the newly-joined
# job run twice.

# --- 1. rows a read verb cannot interpret are named, never dropped -----------

# Follow-up 8's status and 9's due date mistyped by hand, as in the issue.
seed_dir b
sed -i -e '/^8,/s/,open,/,opne,/' -e '/^9,/s/,2024-12,open,/,2024-13-01,open,/' \
    "$T/b/followups.csv"
snapshot b

t 'list --overdue: the rows it cannot read are named on stderr, exit 3' \
  'sc-followups -D b list --overdue --today 2025-06-01 -c id -H'
status 3
err "sc-followups: b/followups.csv:9: status: invalid value 'opne' (one of: open, done, cancelled)
sc-followups: b/followups.csv:10: due: invalid date '2024-13-01' (want YYYY-MM-DD, YYYY-MM or YYYY)"

t 'list --due-within: the same two rows named' \
  'sc-followups -D b list --due-within 1y --today 2024-06-01 -c id -H'
status 3
err "sc-followups: b/followups.csv:9: status: invalid value 'opne' (one of: open, done, cancelled)
sc-followups: b/followups.csv:10: due: invalid date '2024-13-01' (want YYYY-MM-DD, YYYY-MM or YYYY)"

t 'list: the open ones; a status it cannot read is named, the due date is not needed' \
  'sc-followups -D b list -c id -H | tr "\n" " "; echo'
status 0
out <<'X'
1 2 3 4 5 6 7 9 10 11 12 13 14 
X
err "sc-followups: b/followups.csv:9: status: invalid value 'opne' (one of: open, done, cancelled)"

t 'list: the exit status is 3 once the answer is out' \
  'sc-followups -D b list -c id -H >/dev/null 2>&1'
status 3

t 'list --all interprets no status: every row, nothing to say, exit 0' \
  'sc-followups -D b list --all -c id -H | wc -l'
out <<'X'
14
X

t 'list --status done names the row whose status it cannot read' \
  'sc-followups -D b list --status done -c id -H'
status 3
err "sc-followups: b/followups.csv:9: status: invalid value 'opne' (one of: open, done, cancelled)"

t 'list --overdue --owner li: rows the other filters drop are not named' \
  'sc-followups -D b list --overdue --owner li --today 2025-06-01 -c id -H'

t 'list --overdue --city: only the rows of that city are in question' \
  'sc-followups -D b list --overdue --city za-cape-town --today 2025-06-01 -c id -H'
status 3
err "sc-followups: b/followups.csv:10: due: invalid date '2024-13-01' (want YYYY-MM-DD, YYYY-MM or YYYY)"

t 'list -i -: rows piped in are named by their line on stdin' \
  'printf "id,action,due,status,created\n1,A,2024-01-01,open,2024-01-01\n2,B,2024-02-30,open,2024-01-01\n3,C,,shut,2024-01-01\n" |
   sc-followups list -i - --overdue -c id -H'
status 3
out <<'X'
1
X
err "sc-followups: stdin:3: due: invalid date '2024-02-30' (want YYYY-MM-DD, YYYY-MM or YYYY)
sc-followups: stdin:4: status: invalid value 'shut' (one of: open, done, cancelled)"

t 'list: an empty status, required, is named too' \
  'printf "id,action,status,created\n1,A,,2024-01-01\n" | sc-followups list -i - -c id -H'
status 3
err 'sc-followups: stdin:2: status: required value is empty'

t 'check still lists them, exit 1' 'sc-followups -D b check'
status 1
err "sc-followups: b/followups.csv:9: status: invalid value 'opne' (one of: open, done, cancelled)
sc-followups: b/followups.csv:10: due: invalid date '2024-13-01' (want YYYY-MM-DD, YYYY-MM or YYYY)"

t 'report: the rows left out come first, in the body cron mails' \
  'sc-followups -D b report --today 2025-06-01 | sed "2s|^Data: $(pwd -P)/|Data: |"'
out <<'X'
Follow-ups, 2025-06-01
Data: b

Rows left out of this report (2)
  b/followups.csv:9: status: invalid value 'opne' (one of: open, done, cancelled)
  b/followups.csv:10: due: invalid date '2024-13-01' (want YYYY-MM-DD, YYYY-MM or YYYY)

Overdue (0)
  none

Due in the next 7d, by 2025-06-08 (0)
  none

Closed in the last 7d, since 2025-05-25 (0)
  none

Cities joined in the last 90 days, since 2025-03-03, with no follow-up (0)
  none

Events in the next 30 days, by 2025-07-01 (0)
  none
X
err "sc-followups: b/followups.csv:9: status: invalid value 'opne' (one of: open, done, cancelled)
sc-followups: b/followups.csv:10: due: invalid date '2024-13-01' (want YYYY-MM-DD, YYYY-MM or YYYY)"

t 'report: exit 0 without --fail-on-overdue' \
  'sc-followups -D b report --today 2025-06-01 >/dev/null 2>&1'

t 'report --fail-on-overdue: nothing overdue, but rows left out: exit 1' \
  'sc-followups -D b report --today 2025-06-01 --fail-on-overdue >/dev/null 2>&1'
status 1

t 'report -o md: the same section, a list' \
  'sc-followups -D b report --today 2025-06-01 -o md 2>/dev/null | sed -n "5,9p"'
out <<'X'
## Rows left out of this report (2)

- b/followups.csv:9: status: invalid value 'opne' (one of: open, done, cancelled)
- b/followups.csv:10: due: invalid date '2024-13-01' (want YYYY-MM-DD, YYYY-MM or YYYY)

X

t 'report -o json: left_out, one object per row' \
  'sc-followups -D b report --today 2025-06-01 -o json 2>/dev/null'
out_jq '.[0].left_out == [{"file":"b/followups.csv","line":9,"column":"status","message":"invalid value '"'opne'"' (one of: open, done, cancelled)"},{"file":"b/followups.csv","line":10,"column":"due","message":"invalid date '"'2024-13-01'"' (want YYYY-MM-DD, YYYY-MM or YYYY)"}]'

t 'report --owner li: rows of no one else are in question' \
  'sc-followups -D b report --today 2025-06-01 --owner li --fail-on-overdue -o json'
out_jq '.[0].left_out == []'

t 'report on clean data: no such section, exit 0 with --fail-on-overdue' \
  'sc-followups report --fail-on-overdue | grep -c "left out"'
status 1
out <<'X'
0
X

t 'nothing was written by any of it' 'true'
unchanged b

# A done follow-up whose closing date is mistyped cannot be placed either.
seed_dir bc
sed -i '/^12,/s/,open,2024-05-15,,/,done,2024-05-15,2024-06-31,/' "$T/bc/followups.csv"
t 'report: a closing date it cannot read is named' \
  'sc-followups -D bc report -o json'
out_jq '.[0].left_out | map([.line, .column]) == [[13, "closed"]]'
err "sc-followups: bc/followups.csv:13: closed: invalid date '2024-06-31' (want YYYY-MM-DD)"

# A city whose joined date was typed the European way.
seed_dir bj
sed -i '/^fr-dijon,/s/2024-05-15/15\/05\/2024/' "$T/bj/cities.csv"
t 'cities list --joined-since: the city it cannot place is named, exit 3' \
  'sc-cities -D bj list --joined-since 2024-05-01 -c id -H | tr "\n" " "; echo'
out <<'X'
fr-cernay fr-mittelhausbergen fr-montpellier gr-kalamaria gr-kordelio-evosmos es-murcia 
X
err "sc-cities: bj/cities.csv:4: joined: invalid date '15/05/2024' (want YYYY-MM-DD)"

t 'cities list --joined-before: the same' \
  'sc-cities -D bj list --joined-before 2025-01-01 -c id -H >/dev/null'
status 3
err "sc-cities: bj/cities.csv:4: joined: invalid date '15/05/2024' (want YYYY-MM-DD)"

t 'cities list without a date filter: nothing to interpret, exit 0' \
  'sc-cities -D bj list --country FR -c id -H | wc -l'
out <<'X'
5
X

t 'cities list --joined-since --country GR: Dijon is not in question' \
  'sc-cities -D bj list --joined-since 2024-05-01 --country GR -c id -H'
out <<'X'
gr-kalamaria
gr-kordelio-evosmos
X

t 'cities list --status: a status it cannot read is named' \
  'printf "id,name,country,status\nfr-a,A,FR,member\nfr-b,B,FR,Member\n" | sc-cities list -i - --status member -c id -H'
status 3
out <<'X'
fr-a
X
err "sc-cities: stdin:3: status: invalid value 'Member' (one of: prospect, introduced, member, former)"

t 'report: the city it cannot place is named; the others are followed up' \
  'sc-followups -D bj report -o json'
out_jq '.[0].left_out == [{"file":"bj/cities.csv","line":4,"column":"joined","message":"invalid date '"'15/05/2024'"' (want YYYY-MM-DD)"}]'
err "sc-followups: bj/cities.csv:4: joined: invalid date '15/05/2024' (want YYYY-MM-DD)"

t 'the newly-joined job: the left side names Dijon, the right still adds the rest' \
  'sc-cities -D bj list --joined-since 2024-05-01 |
   sc-followups -D bj add "Send the report" - -c city -H | wc -l'
out <<'X'
6
X
err "sc-cities: bj/cities.csv:4: joined: invalid date '15/05/2024' (want YYYY-MM-DD)"

# Events with dates that do not parse.
seed_dir be
sed -i -e '/^2024-09-columbus,/s/,2024-09,,/,2024-9,,/' \
    -e '/^2024-12-cape-town,/s/,planned,/,postponed,/' "$T/be/events.csv"
t 'events list --upcoming: the event it cannot place is named, exit 3' \
  'sc-events -D be list --upcoming -c id -H'
status 3
out <<'X'
2024-12-cape-town
X
err "sc-events: be/events.csv:3: start: invalid date '2024-9' (want YYYY-MM-DD, YYYY-MM or YYYY)"

t 'events list --from --to: the same' \
  'sc-events -D be list --from 2024-08-01 --to 2024-10-31 -c id -H'
status 3
err "sc-events: be/events.csv:3: start: invalid date '2024-9' (want YYYY-MM-DD, YYYY-MM or YYYY)"

t 'events list --status: a status it cannot read is named' \
  'sc-events -D be list --status planned -c id -H'
status 3
out <<'X'
2024-09-columbus
X
err "sc-events: be/events.csv:4: status: invalid value 'postponed' (one of: planned, held, cancelled)"

t 'events list --series: nothing to interpret, exit 0' \
  'sc-events -D be list --series transatlantic -c id -H | wc -l'
out <<'X'
2
X

t 'events list: an end it cannot read is named as the end' \
  'printf "id,name,start,end,status\n2024-01-a,A,2024-01-10,2024-01-32,held\n" | sc-events list -i - --past -c id -H'
status 3
err "sc-events: stdin:2: end: invalid date '2024-01-32' (want YYYY-MM-DD, YYYY-MM or YYYY)"

t 'report: events it cannot place are named' \
  'sc-followups -D be report --today 2024-08-20 -o json'
out_jq '.[0].left_out | map([.file, .line, .column]) == [["be/events.csv", 3, "start"]]'
err "sc-followups: be/events.csv:3: start: invalid date '2024-9' (want YYYY-MM-DD, YYYY-MM or YYYY)"

t 'report: an event in the window whose status it cannot read is named' \
  'sc-followups -D be report --today 2024-11-20 -o json'
out_jq '(.[0].left_out | map([.line, .column])) == [[3, "start"], [4, "status"]] and .[0].events == []'
err "sc-followups: be/events.csv:3: start: invalid date '2024-9' (want YYYY-MM-DD, YYYY-MM or YYYY)
sc-followups: be/events.csv:4: status: invalid value 'postponed' (one of: planned, held, cancelled)"

seed_dir ba
sed -i '/^2024-05-strasbourg,gr-kalamaria,/s/participant/Participant/' "$T/ba/attendance.csv"
t 'events cities --role: a role it cannot read is named' \
  'sc-events -D ba cities 2024-05-strasbourg --role participant -c id -H | wc -l'
out <<'X'
6
X
err "sc-events: ba/attendance.csv:7: role: invalid value 'Participant' (one of: host, participant, speaker)"

t 'events cities without --role: nothing to interpret, exit 0' \
  'sc-events -D ba cities 2024-05-strasbourg -c id -H | wc -l'
out <<'X'
8
X

# --- 4. owners: the report groups them as --owner matches them ---------------

seed_dir o
sed -i -e '/^1,/s/,fr-cernay,,,open,/,fr-cernay,Amina ,2024-05-20,open,/' \
    -e '/^2,/s/,fr-dijon,,,open,/,fr-dijon,amina,2024-05-20,open,/' \
    -e '/^3,/s/,fr-mittelhausbergen,,,open,/,fr-mittelhausbergen,amina,2024-05-21,open,/' \
    -e '/^4,/s/,fr-montpellier,,,open,/,fr-montpellier,li,2024-05-20,open,/' \
    -e '/^5,/s/,gr-kalamaria,,,open,/,gr-kalamaria,Li,2024-05-19,open,/' \
    -e '/^6,/s/,gr-kordelio-evosmos,,,open,/,gr-kordelio-evosmos, ,2024-05-19,open,/' \
    "$T/o/followups.csv"

t 'report: "Amina " and "amina" are one owner, shown as most of them spell it' \
  'sc-followups -D o report -o md | grep "^###"'
out <<'X'
### amina
### li
### (no owner)
X

t 'report: in each group the oldest first; a tie of spellings shows the first seen' \
  'sc-followups -D o report -o json | jq -c "[.overdue[] | [.id, .owner]]"'
out <<'X'
[["1","Amina "],["2","amina"],["3","amina"],["5","Li"],["4","li"],["6"," "]]
X

t 'report --owner amina: the same three' \
  'sc-followups -D o report --owner amina -o json | jq -c "[.overdue[].id]"'
out <<'X'
["1","2","3"]
X

t 'list --owner amina: the same three' \
  'sc-followups -D o list --owner amina -c id -H | tr "\n" " "; echo'
out <<'X'
1 2 3 
X

# --- 6. one rule: a city has a follow-up when an open or done one names it ----

seed_dir h
t 'Cernay followed up and done, Dijon cancelled: nobody followed Dijon up' \
  'sc-followups -D h done 1 && sc-followups -D h cancel 2'

t 'cities list --without-followups: Dijon, not Cernay' \
  'sc-cities -D h list --without-followups -c id -H'
out <<'X'
fr-strasbourg
fr-dijon
X

t 'report: the same rule, the same city' \
  'sc-followups -D h report -o json | jq -c "[.new_cities[].id]"'
out <<'X'
["fr-dijon"]
X

t 'the two agree over the same 90 days' \
  'a=$(sc-cities -D h list --without-followups --joined-since -90d -c id -H) &&
   b=$(sc-followups -D h report -o json | jq -r ".new_cities[].id") &&
   [ "$a" = "$b" ] && echo "$a"'
out <<'X'
fr-dijon
X

sed -i '/^5,/s/,open,/,shut,/' "$T/h/followups.csv"
t 'cities list --without-followups: a follow-up status it cannot read leaves its city out, named' \
  'sc-cities -D h list --without-followups -c id -H'
status 3
out <<'X'
fr-strasbourg
fr-dijon
X
err "sc-cities: h/followups.csv:6: status: invalid value 'shut' (one of: open, done, cancelled)"

t 'cities list --without-followups --country FR: Kalamaria is not in question' \
  'sc-cities -D h list --without-followups --country FR -c id -H'
out <<'X'
fr-strasbourg
fr-dijon
X

t 'report: the same follow-up named, Kalamaria left out of the new cities' \
  'sc-followups -D h report -o json'
out_jq '(.[0].new_cities | map(.id)) == ["fr-dijon"] and (.[0].left_out | map([.file, .line, .column])) == [["h/followups.csv", 6, "status"]]'
err "sc-followups: h/followups.csv:6: status: invalid value 'shut' (one of: open, done, cancelled)"

t 'report --owner li: still named, since it decides a new city' \
  'sc-followups -D h report --owner li -o json 2>/dev/null'
out_jq '(.[0].left_out | map(.line)) == [6]'

# --- 4. values given to a verb that writes are stored trimmed ----------------

seed_dir tr
t 'followups add: action, owner and notes trimmed; the inner spaces kept' \
  'sc-followups -D tr add "  Call  Dijon " dijon --owner "Amina " --notes " x	" -o json | tee call.json'
out_jq '.[0] | .action == "Call  Dijon" and .owner == "Amina" and .notes == "x"'

t 'followups set: a no-break space at the end goes too' \
  "sc-followups -D tr set \$(jq -r .id call.json) --owner \"\$(printf 'li\\302\\240')\" && sc-followups -D tr list --owner li -c id,owner -H | awk -f "$TOP/tests/ids.awk""
out <<'X'
@1,li
X

t 'followups set: a value of white space alone clears the column' \
  'id=$(jq -r .id call.json) && sc-followups -D tr set $id --owner "   " && sc-followups -D tr list --city dijon -o json | jq -r "select(.id == \"$id\") | .owner | length"'
out <<'X'
0
X

t 'cities add: the name trimmed before its id and the duplicate check' \
  'sc-cities -D tr add "  Lyon " --country " fr" -c id,name,country -H &&
   sc-cities -D tr add "Lyon" --country FR'
status 3
out <<'X'
fr-lyon,Lyon,FR
X
err_has "'Lyon' is already fr-lyon"

t 'cities set --field: the value trimmed' \
  'sc-cities -D tr set lyon --field "notes= keen " && sc-cities -D tr list --name lyon -c notes -H'
out <<'X'
keen
X

t 'cities import: fields trimmed, so "FR " is France' \
  'printf "name,country\nNantes ,FR \n Lyon,FR\n" | sc-cities -D tr import - &&
   sc-cities -D tr list --name nantes -c id,name,country -H'
out <<'X'
fr-nantes,Nantes,FR
X
err 'sc-cities: import: 1 added, 1 skipped, 0 rejected'

t 'events add and partner: name, organisation and sector trimmed' \
  'sc-events -D tr add " Lyon roundtable " --start 2024-11-05 --kind " roundtable" -c id,name,kind -H &&
   sc-events -D tr partner 2024-11-lyon-roundtable " A ministry " --sector "national government " -H'
out <<'X'
2024-11-lyon-roundtable,Lyon roundtable,roundtable
2024-11-lyon-roundtable,A ministry,national government,
X

t 'every table of it checks clean' \
  'sc-cities -D tr check && sc-events -D tr check && sc-followups -D tr check'

# --- 6. one rule: a city that becomes introduced or a member joined today ----

seed_dir j
t 'cities set --status member: a prospect with no joined date joined today' \
  'sc-cities -D j set columbus --status member && sc-cities -D j list --name columbus -c status,joined -H'
out <<'X'
member,2024-06-01
X

t 'cities add --status member: the same rule' \
  'sc-cities -D j add Lyon --country FR --status member -c joined -H'
out <<'X'
2024-06-01
X

t 'cities set --status introduced --joined: the date given wins' \
  'sc-cities -D j set "cape town" --status introduced --joined 2024-05-20 && sc-cities -D j list --name cape -c joined -H'
out <<'X'
2024-05-20
X

t 'cities set --status member --joined "": left empty, as asked' \
  'sc-cities -D j add Nantes --country FR >/dev/null && sc-cities -D j set nantes --status member --joined "" &&
   sc-cities -D j list --name nantes -c status,joined -H'
out <<'X'
member,
X

snapshot j
t 'cities set --status member on a member: not becoming one, nothing changes' \
  'sc-cities -D j set strasbourg --status member -n -H'
out <<'X'
X
unchanged j

t 'cities set --status member on an introduced city keeps its joined date' \
  'sc-cities -D j set cernay --status member -n -c joined -H'
out <<'X'
2024-05-15
X

# --- 8. the newly-joined job can be run again --------------------------------

# README's job 2, as the README has it.
job2=$(awk '/^\*\*2\. /{on=1} on && /^```sh/{getline; while ($0 !~ /^```/) {print; getline}; exit}' "$TOP/README.md")
seed_dir n
# Options given to job2.sh go on its last command.
printf '%s "$@"\n' "$job2" >"$T/job2.sh"

t 'README job 2: the command is there to run' 'grep -c "sc-followups add" job2.sh'
out <<'X'
1
X

# byname: the ids of the first run's follow-ups, on stdin, as <city>.
cat >"$T/byname" <<'EOF2'
#!/bin/sh
sed "$(awk -F, '{ printf "s/ %s / <%s> /;", $1, $2 }' "$(dirname "$0")/job2.first")"
EOF2
chmod +x "$T/byname"

t 'job 2, first run: one follow-up per newly joined city' \
  'SC_DATA=n sh job2.sh -c id,city -H | tee job2.first | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1,fr-cernay
@2,fr-dijon
@3,fr-mittelhausbergen
@4,fr-montpellier
@5,gr-kalamaria
@6,gr-kordelio-evosmos
@7,es-murcia
X

snapshot n
t 'job 2, run again: every city skipped, one line each, exit 0, nothing written' \
  'SC_DATA=n sh job2.sh -H 2>job2.err; rc=$?; ./byname <job2.err >&2; exit $rc'
out <<'X'
X
err "sc-followups: n/followups.csv:16: fr-cernay: not added: open follow-up <fr-cernay> has the same action, event and city (--force adds it anyway)
sc-followups: n/followups.csv:17: fr-dijon: not added: open follow-up <fr-dijon> has the same action, event and city (--force adds it anyway)
sc-followups: n/followups.csv:18: fr-mittelhausbergen: not added: open follow-up <fr-mittelhausbergen> has the same action, event and city (--force adds it anyway)
sc-followups: n/followups.csv:19: fr-montpellier: not added: open follow-up <fr-montpellier> has the same action, event and city (--force adds it anyway)
sc-followups: n/followups.csv:20: gr-kalamaria: not added: open follow-up <gr-kalamaria> has the same action, event and city (--force adds it anyway)
sc-followups: n/followups.csv:21: gr-kordelio-evosmos: not added: open follow-up <gr-kordelio-evosmos> has the same action, event and city (--force adds it anyway)
sc-followups: n/followups.csv:22: es-murcia: not added: open follow-up <es-murcia> has the same action, event and city (--force adds it anyway)"
unchanged n

t 'the action compares folded: case and spaces do not make it new' \
  'sc-followups -D n add "invite to the  COLUMBUS dialogue" dijon --event columbus -n -H 2>e; rc=$?; ./byname <e >&2; exit $rc'
err "sc-followups: n/followups.csv:17: fr-dijon: not added: open follow-up <fr-dijon> has the same action, event and city (--force adds it anyway)"
unchanged n

t 'a week later a new city joins: only it is added' \
  'sc-cities -D n add Lyon --country FR --status introduced --joined 2024-06-05 >/dev/null &&
   SC_DATA=n sh job2.sh -c id,city -H 2>/dev/null | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1,fr-lyon
X

t 'another event, or another action: not the same follow-up' \
  '(sc-followups -D n add "Invite to the Columbus dialogue" dijon --event 2024-12-cape-town -c id -H &&
   sc-followups -D n add "Invite to the summit" dijon --event columbus -c id -H) | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1
@2
X

t 'a done follow-up is not an open one: the same one can be added again' \
  'sc-followups -D n done "$(grep ,fr-dijon job2.first | cut -d, -f1)" &&
   sc-followups -D n add "Invite to the Columbus dialogue" dijon --event columbus -c id -H | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1
X

t '--force adds it anyway' \
  'sc-followups -D n add "Invite to the Columbus dialogue" dijon --event columbus --force -c id -H | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1
X

t 'a follow-up with no city: the same rule' \
  'sc-followups -D n add "Publish a resource on how cities can prevent and respond to hate speech" --event 2024-05-strasbourg -H'
err "sc-followups: n/followups.csv:15: not added: open follow-up 14 has the same action and event, and no city (--force adds it anyway)"

t '--force belongs to add' 'sc-followups -D n list --force'
status 2
err 'sc-followups: --force does not apply to list'

t 'a due date already past: a warning, and the follow-up added' \
  'sc-followups -D n add "Call Murcia" murcia --due 2024-05-20 -c id,due -H | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1,2024-05-20
X
err 'sc-followups: --due 2024-05-20 is already past (today is 2024-06-01)'

t 'a month already over is past too; this month is not' \
  'sc-followups -D n add "Call Lyon" lyon --due 2024-05 -n -H && sc-followups -D n add "Call Lyon" lyon --due 2024-06 -n -H'
err 'sc-followups: --due 2024-05 is already past (today is 2024-06-01)'

t 'due today is not past' 'sc-followups -D n add "Call Lyon" lyon --due today -n -H'

# --- 2. the cron digest names its data and its failure reaches cron ----------

cron_cmd=$(sed -n 's/^0 8 \* \* 1  //p' "$TOP/README.md")
printf '%s\n' "$cron_cmd" >"$T/cron.sh"
mkdir -p "$T/fakebin" "$T/home"
cat >"$T/fakebin/mail" <<'X'
#!/bin/sh
# A mail(1) that keeps what it was given, or fails when told to.
[ -z "${MAIL_FAILS:-}" ] || exit 1
printf '%s\n' "$*" >"$HOME/mail.args"
cat >"$HOME/mail.body"
X
chmod +x "$T/fakebin/mail"
cron() {
	printf 'env -i HOME="$PWD/home" PATH="$PWD/fakebin:$TOP:/usr/bin:/bin" %s sh -c "$(cat cron.sh)"' "$1"
}

t 'README cron line: there, and no % (crontab would cut the line there)' \
  'test -s cron.sh && ! grep -q % cron.sh && grep -c "^PATH=/usr/local/bin:" "$TOP/README.md"'
out <<'X'
1
X

t 'the man pages show the same crontab line' \
  'sed -n "s/^0 8 \* \* 1  //p" "$TOP/man/sc-followups.1" | cmp - cron.sh &&
   sed -n "s/^0 8 \* \* 1  //p" "$TOP/man/sc.7" | cmp - cron.sh'

t 'cron: no data directory: no mail to the team, the error to cron, exit 4' \
  "$(cron SC_TODAY=2024-06-01); s=\$?; test ! -e home/mail.body && exit \$s"
status 4
err_has "sc-followups: data directory $T/home/network: No such file or directory"
err_has 'sc-followups report: exit 4'

seed_dir home/network
t 'cron: nothing late: the digest mailed, naming its directory, exit 0' \
  "$(cron SC_TODAY=2024-06-02) && cat home/mail.args && sed -n 1,2p home/mail.body"
out <<EOF2
-s Follow-ups this week team@example.org
Follow-ups, 2024-06-02
Data: $(cd "$T" && pwd -P)/home/network
EOF2

t 'cron: something late: the digest mailed, and exit 1 reaches cron' \
  "rm home/mail.body; $(cron SC_TODAY=2024-10-08); s=\$?; grep -c '^Overdue' home/mail.body; exit \$s"
status 1
out <<'X'
1
X
err 'sc-followups report: exit 1'

t 'cron: mail fails: exit 4 reaches cron' \
  "$(cron 'SC_TODAY=2024-06-02 MAIL_FAILS=1')"
status 4
err 'sc-followups report: exit 4'

sed -i '/^9,/s/,open,/,opne,/' "$T/home/network/followups.csv"
t 'cron: a row it cannot read: named in the mail, and exit 1 reaches cron' \
  "$(cron SC_TODAY=2024-06-02); s=\$?; grep -A1 '^Rows left out' home/mail.body; exit \$s"
status 1
out <<EOF2
Rows left out of this report (1)
  $T/home/network/followups.csv:10: status: invalid value 'opne' (one of: open, done, cancelled)
EOF2
err_has 'sc-followups report: exit 1'

# --- 2. the read-only seeds say how to start a directory, where they can -----

t 'a build of its own, installed under a PREFIX of its own' \
  'mkdir src && sh "$TOP/tools/copy-tree.sh" "$TOP" "$PWD/src" &&
   make -s -C src PREFIX="$PWD/inst" install >/dev/null 2>&1'

t 'read-only seeds: the installed seed tables named, when they are there' \
  'inst/bin/sc-cities add Lyon --country FR'
status 2
err "sc-cities: the built-in seed data is read-only; name a data directory with -D DIR or SC_DATA=DIR; to start one from the seeds: mkdir DIR && cp $T/inst/share/sc/seeds/*.csv DIR"

t 'and what it says works' \
  'mkdir d && cp inst/share/sc/seeds/*.csv d && inst/bin/sc-cities -D d add Lyon --country FR -c id -H'
out <<'X'
fr-lyon
X

t 'read-only seeds: without the installed ones, the seeds of the source tree' \
  'rm -r inst/share/sc/seeds && inst/bin/sc-followups add "Call"'
status 2
err "sc-followups: the built-in seed data is read-only; name a data directory with -D DIR or SC_DATA=DIR; to start one from the seeds: mkdir DIR && cp $(cd "$T" && pwd -P)/src/seeds/*.csv DIR"

t 'read-only seeds: with neither, -D and SC_DATA alone' \
  'rm -r src/seeds && inst/bin/sc-events add X --start 2024'
status 2
err 'sc-events: the built-in seed data is read-only; name a data directory with -D DIR or SC_DATA=DIR'
