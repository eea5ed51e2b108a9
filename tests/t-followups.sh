# t-followups.sh: sc-followups, verb by verb, the report, and the failure
# paths.  The seeds hold follow-ups 1-14, all open: 8 due 2024-09 (Columbus),
# 9 due 2024-12 (Cape Town), the rest with no due date and no owner.

# --- list ------------------------------------------------------------------

t 'list: the open follow-ups, as CSV when stdout is not a terminal' \
  'sc-followups | head -3'
out <<'X'
id,action,event,city,owner,due,status,created,closed,notes
1,Invite to future city-to-city learning,2024-05-strasbourg,fr-cernay,,,open,2024-05-15,,
2,Invite to future city-to-city learning,2024-05-strasbourg,fr-dijon,,,open,2024-05-15,,
X

t 'list -o json: JSON Lines, every seed follow-up open' \
  'sc-followups list -o json'
out_jq 'length == 14 and all(.[]; .status == "open") and (.[0] | keys_unsorted) == ["id","action","event","city","owner","due","status","created","closed","notes"]'

t 'list --overdue: a month due date is overdue from the next month' \
  'sc-followups list --overdue --today 2024-10-01 -c id,due -H'
out <<'X'
8,2024-09
X

t 'list --overdue: on the last day of the month it is not overdue yet' \
  'sc-followups list --overdue --today 2024-09-30 -c id -H'
out <<'X'
X

t 'list --due-within: the window includes its last day' \
  'sc-followups list --due-within 29d --today 2024-09-01 -c id -H'
out <<'X'
8
X

t 'list --due-within: a day shorter misses the end of September' \
  'sc-followups list --due-within 28d --today 2024-09-01 -c id -H'
out <<'X'
X

t 'list --due-within takes ISO 8601 durations' \
  'sc-followups list --due-within P1Y --today 2024-06-01 -o json'
out_jq 'map(.id) == ["8","9"]'

t 'list --due-within leaves out what is already overdue' \
  'sc-followups list --due-within 30d --today 2024-12-01 -c id -H'
out <<'X'
9
X

t 'list --overdue --due-within together: all that is due by then' \
  'sc-followups list --overdue --due-within 30d --today 2024-12-01 -c id -H'
out <<'X'
8
9
X

t 'list --city takes a name, case- and accent-blind' \
  'sc-followups list --city KORDELIO -c id,city -H'
out <<'X'
6,gr-kordelio-evosmos
X

t 'list --city "": the follow-ups that name no city' \
  'sc-followups list --city "" -o json'
out_jq 'map(.id) == ["10","11","12","13","14"]'

t 'list --event takes a part of the name' \
  'sc-followups list --event "french cities" -o json'
out_jq 'length == 14'

t 'list --event: an event no follow-up names lists nothing' \
  'sc-followups list --event 2024-09-columbus'
out <<'X'
id,action,event,city,owner,due,status,created,closed,notes
X

t 'list --match: action, case- and accent-blind' \
  'sc-followups list --match RÉSOURCE -c id -H'
out <<'X'
10
13
14
X

t 'list -o table, for people' \
  'sc-followups list -o table -c id,city,due --city columbus'
out <<'X'
id  city            due
8   us-columbus-oh  2024-09
X

t 'list -i -: filters rows piped in, TSV guessed from the header' \
  'sc-followups list -o tsv | sc-followups list -i - --city dijon -o json'
out_jq 'length == 1 and .[0].id == "2"'

t_in 'list -i - --safe --crlf: for spreadsheets' \
  'sc-followups list -i - --safe --crlf -c id,action | cat -A' \
  'id,action,status,created
1,=SUM(A1),open,2024-05-15
2,Plain,done,2024-05-15
'
out <<'X'
id,action^M$
1,'=SUM(A1)^M$
X

t 'list --bom starts CSV with a byte-order mark' \
  'sc-followups list --bom -c id -H --city dijon | od -An -c'
out <<'X'
 357 273 277   2  \n
X

t 'list -i FILE --input-format tsv reads a .csv name as TSV' \
  'sc-followups list -o tsv > rows.csv && sc-followups list -i rows.csv --input-format tsv --city murcia -o json'
out_jq 'length == 1 and .[0].id == "7"'

t 'list: options may come before the verb' \
  'sc-followups -c id -H --match "hate speech" list'
out <<'X'
14
X

seed_dir l
t 'list: the data directory, after some changes' \
  'sc-followups -D l done 1 2 --on 2024-05-20 && sc-followups -D l cancel 3 &&
   sc-followups -D l set 4 --owner Amina --notes "Call the mayor first" &&
   sc-followups -D l set 5 --owner amina'

t 'list: open follow-ups by default' 'sc-followups -D l list -o json'
out_jq 'length == 11 and all(.[]; .status == "open")'

t 'list --all' 'sc-followups -D l list --all -o json'
out_jq 'length == 14'

t 'list --status takes a list' 'sc-followups -D l list --status done,cancelled -c id,status,closed -H'
out <<'X'
1,done,2024-05-20
2,done,2024-05-20
3,cancelled,2024-06-01
X

t 'list --owner is case-blind' 'sc-followups -D l list --owner AMINA -c id -H'
out <<'X'
4
5
X

t 'list --owner "": the follow-ups no one owns' \
  'sc-followups -D l list --owner "" -o json'
out_jq 'length == 9 and all(.[]; .owner == "")'

t 'list --match looks in the notes too' 'sc-followups -D l list --match mayor -c id -H'
out <<'X'
4
X

t 'list: filters combine' \
  'sc-followups -D l list --all --owner amina --city kalamaria -c id -H'
out <<'X'
5
X

t 'list: --all and --status exclude each other' \
  'sc-followups list --all --status done'
status 2
err 'sc-followups: --all and --status exclude each other'

t 'list --status: an unknown status' 'sc-followups list --status closed'
status 2
err "sc-followups: --status: 'closed' is not one of open, done, cancelled"

t 'list --due-within: a word is not a duration' \
  'sc-followups list --due-within tomorrowish'
status 2
err "sc-followups: --due-within: invalid duration 'tomorrowish' (like 7d, 2w, 1m, 1y or P14D)"

t 'list --due-within: a date is not a duration' \
  'sc-followups list --due-within 2024-02-30'
status 2
err "sc-followups: --due-within: invalid duration '2024-02-30' (like 7d, 2w, 1m, 1y or P14D)"

t 'list --today: an impossible date' 'sc-followups list --today 2024-02-30'
status 2
err "sc-followups: --today: invalid date '2024-02-30' (want YYYY-MM-DD or today)"

t 'list --city: an unknown city' 'sc-followups list --city atlantis'
status 3
err "sc-followups: unknown city 'atlantis'"

t 'list --event: an unknown event' 'sc-followups list --event nowhere'
status 3
err "sc-followups: unknown event 'nowhere'"

t 'list --city: an ambiguous name lists the ids' 'sc-followups list --city er'
status 3
err "sc-followups: city name 'er' is ambiguous: fr-cernay, fr-mittelhausbergen, fr-montpellier; give an id"

t 'list -o md is for report' 'sc-followups list -o md'
status 2
err 'sc-followups: -o text and -o md are for report; list takes csv, tsv, json or table'

t 'list: an option of another verb' 'sc-followups list --on 2024-06-01'
status 2
err 'sc-followups: --on does not apply to list'

t 'list: an unknown column' 'sc-followups list -c id,colour'
status 2
err_has "unknown column 'colour'"

t 'list takes no arguments' 'sc-followups list 3'
status 2
err "sc-followups: unexpected argument '3': list takes no arguments"

t 'an unknown verb' 'sc-followups close 3'
status 2
err "sc-followups: unknown verb 'close' (try --help)"

t '--help: usage and examples on stdout' 'sc-followups --help | grep -c -e "^usage:" -e "^Examples:"'
out <<'X'
2
X

t '--help mentions every verb' \
  'sc-followups --help | grep -c "^  \(list\|add\|done\|cancel\|reopen\|set\|report\|check\) "'
out <<'X'
8
X

t '--version' 'sc-followups -V'
out <<'X'
sc-followups 0.1.0
X

# --- add -------------------------------------------------------------------

t 'add: refused on the read-only seeds, saying how to name a directory' \
  'sc-followups add "Write a city spotlight"'
status 2
err_has 'the built-in seed data is read-only; name a data directory with -D DIR or SC_DATA=DIR'

seed_dir a
t 'add -: one follow-up per newly joined city, in one line' \
  'sc-cities -D a list --joined-since 2024-05-01 |
   sc-followups -D a add "Invite to the Columbus dialogue" - --event 2024-09-columbus --due 2024-08-15 --owner amina |
   awk -f "$TOP/tests/ids.awk"'
out <<'X'
id,action,event,city,owner,due,status,created,closed,notes
@1,Invite to the Columbus dialogue,2024-09-columbus,fr-cernay,amina,2024-08-15,open,2024-06-01,,
@2,Invite to the Columbus dialogue,2024-09-columbus,fr-dijon,amina,2024-08-15,open,2024-06-01,,
@3,Invite to the Columbus dialogue,2024-09-columbus,fr-mittelhausbergen,amina,2024-08-15,open,2024-06-01,,
@4,Invite to the Columbus dialogue,2024-09-columbus,fr-montpellier,amina,2024-08-15,open,2024-06-01,,
@5,Invite to the Columbus dialogue,2024-09-columbus,gr-kalamaria,amina,2024-08-15,open,2024-06-01,,
@6,Invite to the Columbus dialogue,2024-09-columbus,gr-kordelio-evosmos,amina,2024-08-15,open,2024-06-01,,
@7,Invite to the Columbus dialogue,2024-09-columbus,es-murcia,amina,2024-08-15,open,2024-06-01,,
X

cp "$TOP/seeds/followups.csv" "$T/seeds.csv"
t 'add: the new rows went last; the others are byte for byte the same' \
  'head -n 15 a/followups.csv | cmp - seeds.csv && tail -n +16 a/followups.csv | wc -l'
out <<'X'
7
X

t 'add: a city by name, a relative due date' \
  'sc-followups -D a add "Write a city spotlight" dijon --due +30d --owner li -o json'
out_jq '(.[0].id | test("^[a-hjkmnp-tv-z][0-9a-hjkmnp-tv-z]{5}$")) and (.[0] | del(.id)) == {"action":"Write a city spotlight","event":"","city":"fr-dijon","owner":"li","due":"2024-07-01","status":"open","created":"2024-06-01","closed":"","notes":""}'

t 'add: no city, one follow-up naming none; --notes; created is --today' \
  'sc-followups -D a add "Publish the hate speech resource" --notes "with the hub team" --today 2024-06-03 -o json'
out_jq 'length == 1 and (.[0].id | test("^[a-hjkmnp-tv-z][0-9a-hjkmnp-tv-z]{5}$")) and .[0].city == "" and .[0].notes == "with the hub team" and .[0].created == "2024-06-03"'

t 'add: a reduced due date is stored as given' \
  '(sc-followups -D a add "Book the venue" --due 2024-11 -c id,due -H &&
   sc-followups -D a add "Plan the year" --due 2025 -c id,due -H) | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1,2024-11
@2,2025
X

t 'add: a city named twice gets one follow-up' \
  'sc-followups -D a add "Call" fr-dijon Dijon DIJON -c id,city -H | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1,fr-dijon
X

t 'add -: the city column of piped follow-ups wins over their id' \
  'sc-followups -D a list --owner li -c id,city | sc-followups -D a add "Thank" - -c id,city -H | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1,fr-dijon
X

t 'add -: TSV on the left, guessed from its header' \
  'sc-cities -D a list --country GR -o tsv | sc-followups -D a add "Greek dialogue" - -o json'
out_jq 'map(.city) == ["gr-kalamaria","gr-kordelio-evosmos"] and (map(.id) | unique | length) == 2'

t 'add -: --input-format tsv forces TSV' \
  'printf "id\tname\nes-murcia\tMurcia, Spain\n" | sc-followups -D a add "Murcia" - --input-format tsv -c id,city -H | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1,es-murcia
X

t 'add -: cities as arguments and piped in together' \
  'sc-cities -D a list --country ES -c id | sc-followups -D a add "Both" "cape town" - -c city -H'
out <<'X'
za-cape-town
es-murcia
X

snapshot a
t 'add -: an empty pipe adds nothing' \
  'sc-cities -D a list --joined-since 2030-01-01 | sc-followups -D a add "Nobody" -'
out <<'X'
id,action,event,city,owner,due,status,created,closed,notes
X
unchanged a

t 'add -n prints the rows and writes nothing' \
  'sc-followups -D a add "Dry" fr-cernay -n -c id,city,status -H | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1,fr-cernay,open
X
unchanged a

t 'add: a table of integer ids takes a drawn one, last; the others stay' \
  'mkdir -p gap && printf "id,action,status,created\n3,A,open,2024-01-01\n40,B,done,2024-01-01\n7,C,open,2024-01-01\n" > gap/followups.csv &&
   sc-followups -D gap add D -c id -H >/dev/null && awk -f "$TOP/tests/ids.awk" gap/followups.csv && sc-followups -D gap check'
out <<'X'
id,action,status,created,event,city,owner,due,closed,notes
3,A,open,2024-01-01,,,,,,
40,B,done,2024-01-01,,,,,,
7,C,open,2024-01-01,,,,,,
@1,D,open,2024-06-01,,,,,,
X

t 'add: the first write creates the table with its header' \
  'mkdir -p e && (sc-followups -D e add "Start the record" -c id -H && cat e/followups.csv) | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1
id,action,event,city,owner,due,status,created,closed,notes
@1,Start the record,,,,,open,2024-06-01,,
X

seed_dir par
t 'add: concurrent writers never take the same id' \
  'for i in 1 2 3 4 5 6 7 8; do sc-followups -D par add "Parallel $i" >/dev/null & done; wait;
   sc-followups -D par list --match parallel -o json'
out_jq 'length == 8 and (map(.id) | unique | length) == 8 and all(.[]; .id | test("^[a-hjkmnp-tv-z][0-9a-hjkmnp-tv-z]{5}$"))'

seed_dir s
snapshot s
t 'add: an unknown city, nothing written' 'sc-followups -D s add "Call" atlantis'
status 3
err "sc-followups: unknown city 'atlantis'"
unchanged s

t 'add: an unknown city among good ones, nothing written' \
  'sc-followups -D s add "Call" fr-dijon atlantis'
status 3
err "sc-followups: unknown city 'atlantis'"
unchanged s

t 'add: an unknown event' 'sc-followups -D s add "Call" --event nowhere'
status 3
err "sc-followups: unknown event 'nowhere'"
unchanged s

t 'add: an impossible due date is a usage error' \
  'sc-followups -D s add "Call" --due 2024-02-30'
status 2
err "sc-followups: --due: invalid date '2024-02-30' (want YYYY-MM-DD, YYYY-MM, YYYY, today or +/-N[dwmy])"
unchanged s

t 'add: a due date that is not a date' 'sc-followups -D s add "Call" --due tomorrowish'
status 2
err "sc-followups: --due: invalid date 'tomorrowish' (want YYYY-MM-DD, YYYY-MM, YYYY, today or +/-N[dwmy])"
unchanged s

t 'add: the action comes first' 'sc-followups -D s add - fr-dijon'
status 2
err 'sc-followups: add: the first argument is the action'
unchanged s

t 'add needs an action' 'sc-followups -D s add'
status 2
err_has 'usage: sc-followups'
unchanged s

t 'add: an empty action is refused' 'sc-followups -D s add ""'
status 3
err 'sc-followups: action: required value is empty
sc-followups: 1 problem; nothing written'
unchanged s

t 'add: an option of another verb' 'sc-followups -D s add "Call" --city fr-dijon'
status 2
err 'sc-followups: --city does not apply to add'
unchanged s

t 'add: an unknown column is found before the write' \
  'sc-followups -D s add "Call" -c id,colour'
status 2
err "sc-followups: unknown column 'colour'; columns are: id, action, event, city, owner, due, status, created, closed, notes"
unchanged s

t 'add: rows that cannot be printed are not added: exit 4' \
  'sc-followups -D s add "Call" fr-dijon >/dev/full'
status 4
err 'sc-followups: write error: stdout: No space left on device; nothing written'
unchanged s

t_in 'add -: malformed rows on stdin' 'sc-followups -D s add "Call" -' \
  'id,name
fr-dijon,"Dijon
'
status 3
err 'sc-followups: stdin:2: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'
unchanged s

t_in 'add -: stdin with neither a city nor an id column' \
  'sc-followups -D s add "Call" -' 'name,country
Dijon,FR
'
status 3
err "sc-followups: stdin:1: no 'city' or 'id' column in the header"
unchanged s

t 'add: the largest integer id stops nothing: new ids are drawn' \
  'mkdir -p big && printf "id,action,status,created\n999999999999999999,A,open,2024-01-01\n" > big/followups.csv &&
   (sc-followups -D big add B -c id -H && cat big/followups.csv) | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1
id,action,status,created,event,city,owner,due,closed,notes
999999999999999999,A,open,2024-01-01,,,,,,
@1,B,open,2024-06-01,,,,,,
X

t 'a data directory that does not exist is a system error' \
  'sc-followups -D nowhere list'
status 4
err 'sc-followups: data directory nowhere: No such file or directory'

snapshot s
t '--wait: not a number of seconds' 'sc-followups -D s add "Call" --wait soon'
status 2
err "sc-followups: --wait: not a number of seconds: 'soon'"
unchanged s

if command -v flock >/dev/null 2>&1; then
	t 'add: another writer holds the lock past --wait: exit 4, nothing written' \
	  'flock s sleep 2 & sleep 0.3; sc-followups -D s add "Call" --wait 0.2; rc=$?; wait; exit $rc'
	status 4
	err 'sc-followups: s: locked by another writer; gave up after 0.2 seconds (see --wait)'
	unchanged s

	t 'add: a writer waits for the lock, then writes' \
	  'flock s sleep 0.5 & sleep 0.1; sc-followups -D s add "Call" -c id -H | awk -f "$TOP/tests/ids.awk"; wait'
	out <<'X'
@1
X
fi

# --- done, cancel, reopen ----------------------------------------------------

seed_dir d
t 'done: several ids, closed on --on; quiet' \
  'sc-followups -D d done 12 13 --on 2024-08-10'
out <<'X'
X

t 'done: only the closed rows changed, byte for byte' \
  'diff seeds.csv d/followups.csv'
status 1
out <<'X'
13,14c13,14
< 12,Feed the workshop's findings into the Women's Leadership Caucus,2024-05-strasbourg,,,,open,2024-05-15,,
< 13,Publish a resource on digital literacy and digital resilience-building,2024-05-strasbourg,,,,open,2024-05-15,,
---
> 12,Feed the workshop's findings into the Women's Leadership Caucus,2024-05-strasbourg,,,,done,2024-05-15,2024-08-10,
> 13,Publish a resource on digital literacy and digital resilience-building,2024-05-strasbourg,,,,done,2024-05-15,2024-08-10,
X

snapshot d
t 'done again without --on keeps the closing date: nothing changes' \
  'sc-followups -D d done 12 --today 2024-09-01'
unchanged d

t 'done again with --on moves the date' \
  'sc-followups -D d done 12 --on 2024-08-11 && sc-followups -D d list --all -c id,closed -H | grep "^12,"'
out <<'X'
12,2024-08-11
X

t 'done: closed today by default; leading zeros are ignored' \
  'sc-followups -D d done 007 && sc-followups -D d list --status done -c id,closed -H'
out <<'X'
7,2024-06-01
12,2024-08-11
13,2024-08-10
X

t 'cancel: status cancelled, closed today' \
  'sc-followups -D d cancel 14 && sc-followups -D d list --status cancelled -c id,status,closed -H'
out <<'X'
14,cancelled,2024-06-01
X

t 'cancel --on' \
  'sc-followups -D d cancel 11 --on 2024-05-30 && sc-followups -D d list --status cancelled -c id,closed -H'
out <<'X'
11,2024-05-30
14,2024-06-01
X

t 'reopen: open again, the closing date cleared' \
  'sc-followups -D d reopen 12 14 && sc-followups -D d list --all -c id,status,closed -H | grep -e "^12," -e "^14,"'
out <<'X'
12,open,
14,open,
X

t 'done -: ids piped from list' \
  'sc-followups -D d list --match resource -c id | sc-followups -D d done - --on 2024-06-02 &&
   sc-followups -D d list --status done -c id -H'
out <<'X'
7
10
13
14
X

snapshot d
t 'done -n prints the rows it would change and writes nothing' \
  'sc-followups -D d done 1 2 -n -c id,status,closed'
out <<'X'
id,status,closed
1,done,2024-06-01
2,done,2024-06-01
X
unchanged d

t 'done: a word is not an id' 'sc-followups -D d done hello'
status 2
err "sc-followups: 'hello' is not a follow-up id, nor the start of one (six of the digits and the letters but i, l, o and u, the first a letter, such as k7q2m9; or a positive integer)"
unchanged d

t 'done: zero is not an id' 'sc-followups -D d done 0'
status 2
err "sc-followups: '0' is not a follow-up id, nor the start of one (six of the digits and the letters but i, l, o and u, the first a letter, such as k7q2m9; or a positive integer)"
unchanged d

t 'done: a negative number is not an id' 'sc-followups -D d done -- -3'
status 2
err "sc-followups: '-3' is not a follow-up id, nor the start of one (six of the digits and the letters but i, l, o and u, the first a letter, such as k7q2m9; or a positive integer)"
unchanged d

t 'done: an unknown id' 'sc-followups -D d done 99'
status 3
err "sc-followups: unknown follow-up '99'"
unchanged d

t 'done: one unknown id among good ones, nothing written' \
  'sc-followups -D d done 1 2 99'
status 3
err "sc-followups: unknown follow-up '99'"
unchanged d

t_in 'done -: an id piped in that is not a number' \
  'sc-followups -D d done -' 'id,name
fr-dijon,Dijon
'
status 2
err "sc-followups: 'fr-dijon' is not a follow-up id, nor the start of one (six of the digits and the letters but i, l, o and u, the first a letter, such as k7q2m9; or a positive integer)"
unchanged d

t 'done --on: a reduced date is not a day' 'sc-followups -D d done 1 --on 2024-09'
status 2
err "sc-followups: --on: invalid date '2024-09' (want YYYY-MM-DD, today or +/-N[dwmy])"
unchanged d

t 'done --on: an impossible date' 'sc-followups -D d done 1 --on 2024-02-30'
status 2
err "sc-followups: --on: invalid date '2024-02-30' (want YYYY-MM-DD, today or +/-N[dwmy])"
unchanged d

t 'done needs an id' 'sc-followups -D d done'
status 2
err_has 'usage: sc-followups'

t 'reopen takes no --on' 'sc-followups -D d reopen 1 --on 2024-06-01'
status 2
err 'sc-followups: --on does not apply to reopen'

# --- set -------------------------------------------------------------------

seed_dir e2
t 'set: owner and a month due date; quiet' \
  'sc-followups -D e2 set 3 --owner amina --due 2024-07 && sc-followups -D e2 list --owner amina -c id,owner,due -H'
out <<'X'
3,amina,2024-07
X

t 'set: several follow-ups from stdin; --event by name' \
  'sc-followups -D e2 list --city "" -c id | sc-followups -D e2 set - --event "fifth global" &&
   sc-followups -D e2 list --event 2024-12-cape-town -c id -H'
out <<'X'
10
11
12
13
14
X

t 'set --city by name stores the id; --city "" clears it' \
  'sc-followups -D e2 set 10 --city "cape town" && sc-followups -D e2 set 1 --city "" &&
   sc-followups -D e2 list -c id,city -H | grep -e "^10," -e "^1,"'
out <<'X'
1,
10,za-cape-town
X

t 'set --action and --notes; a relative --due' \
  'sc-followups -D e2 set 11 --action "Write the spotlights" --notes "two cities" --due +2w -o json -n'
out_jq '.[0].action == "Write the spotlights" and .[0].notes == "two cities" and .[0].due == "2024-06-15"'

t 'set: a column a user added is kept in its place' \
  'mkdir -p uc && cp e2/cities.csv e2/events.csv uc/ &&
   printf "id,action,contact,status,created\n1,Call,ana@example.org,open,2024-01-01\n" > uc/followups.csv &&
   sc-followups -D uc set 1 --owner ana && cat uc/followups.csv'
out <<'X'
id,action,contact,status,created,event,city,owner,due,closed,notes
1,Call,ana@example.org,open,2024-01-01,,,ana,,,
X

snapshot e2
t 'set: an empty action is refused, with its line' 'sc-followups -D e2 set 4 --action ""'
status 3
err 'sc-followups: e2/followups.csv:5: action: required value is empty
sc-followups: 1 problem; nothing written'
unchanged e2

t 'set: nothing to set' 'sc-followups -D e2 set 4'
status 2
err 'sc-followups: set: nothing to set (--action, --event, --city, --owner, --due or --notes)'
unchanged e2

t 'set --due: not a date' 'sc-followups -D e2 set 4 --due 2024-13'
status 2
err "sc-followups: --due: invalid date '2024-13' (want YYYY-MM-DD, YYYY-MM, YYYY, today or +/-N[dwmy])"
unchanged e2

t 'set --city: an unknown city' 'sc-followups -D e2 set 4 --city atlantis'
status 3
err "sc-followups: unknown city 'atlantis'"
unchanged e2

t 'set: an unknown follow-up' 'sc-followups -D e2 set 40 --owner li'
status 3
err "sc-followups: unknown follow-up '40'"
unchanged e2

t 'set: --status belongs to list' 'sc-followups -D e2 set 4 --status done'
status 2
err 'sc-followups: --status does not apply to set'
unchanged e2

# --- report ----------------------------------------------------------------

t 'report on the seeds: every section, each saying none' 'sc-followups report'
out <<'X'
Follow-ups, 2024-06-01
Data: built-in seed data, read-only

Overdue (0)
  none

Due in the next 7d, by 2024-06-08 (0)
  none

Closed in the last 7d, since 2024-05-25 (0)
  none

Cities joined in the last 90 days, since 2024-03-03, with no follow-up (0)
  none

Events in the next 30 days, by 2024-07-01 (0)
  none
X

t 'report --fail-on-overdue: nothing overdue, exit 0' \
  'sc-followups report --fail-on-overdue >/dev/null'

t 'report: a month due date is due on its last day, then overdue' \
  'sc-followups report -o json --today 2024-09-30 | jq -c "[.due[].id, .overdue[].id]";
   sc-followups report -o json --today 2024-10-01 | jq -c "[.due[].id, (.overdue[] | .id, .days_late)]"'
out <<'X'
["8"]
["8",1]
X

seed_dir r
t 'report: the data for the digest' \
  'sc-cities -D r add Lyon --country FR --status member --joined 2024-09-20 &&
   sc-cities -D r add Bordeaux --country FR --status introduced --joined 2024-08-01 &&
   printf "2024-10-lyon,Lyon dialogue,,dialogue,2024-10-20,,fr-lyon,planned,,\n2024-10-nantes,Cancelled roundtable,,roundtable,2024-10-15,,,cancelled,,\n" >> r/events.csv &&
   sc-followups -D r add "Invite to the Columbus dialogue" fr-cernay dijon --due 2024-09-15 --owner amina &&
   sc-followups -D r add "Write a city spotlight" fr-dijon --due 2024-10-01 --owner li &&
   sc-followups -D r add "Send the *summit* agenda" "cape town" --event "fifth global" --due 2024-10-10 --owner Amina &&
   sc-followups -D r add "Plan the next roundtable" --due 2024-10-20 &&
   sc-followups -D r add "Welcome Bordeaux" bordeaux -c id -H > bordeaux.id &&
   sc-followups -D r done 12 --on 2024-10-03 && sc-followups -D r cancel 13 --on 2024-09-29 &&
   sc-followups -D r done 14 --on 2024-09-30 && sc-followups -D r cancel "$(cat bordeaux.id)" --on 2024-08-01 &&
   sc-followups -D r set 14 --owner li >/dev/null'

t 'report: text for a mail, each section with names and ids' \
  'sc-followups -D r report --today 2024-10-07 | sed "2s|^Data: $(pwd -P)/|Data: |" | awk -f "$TOP/tests/ids.awk"'
out <<'X'
Follow-ups, 2024-10-07
Data: r

Overdue (4)
  amina
    #@1 Invite to the Columbus dialogue
            due 2024-09-15, 22 days late; city Cernay (fr-cernay)
    #@2 Invite to the Columbus dialogue
            due 2024-09-15, 22 days late; city Dijon (fr-dijon)
  li
    #@3 Write a city spotlight
            due 2024-10-01, 6 days late; city Dijon (fr-dijon)
  (no owner)
    #8 Inform the Columbus transatlantic dialogue with the workshop's findings
       due 2024-09, 7 days late; city Columbus (us-columbus-oh); event Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy (2024-05-strasbourg)

Due in the next 7d, by 2024-10-14 (1)
  #@4 Send the *summit* agenda
          due 2024-10-10; owner Amina; city Cape Town (za-cape-town); event Fifth Global Summit (2024-12-cape-town)

Closed in the last 7d, since 2024-09-30 (2)
  #14 Publish a resource on how cities can prevent and respond to hate speech
      done 2024-09-30; owner li; event Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy (2024-05-strasbourg)
  #12 Feed the workshop's findings into the Women's Leadership Caucus
      done 2024-10-03; event Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy (2024-05-strasbourg)

Cities joined in the last 90 days, since 2024-07-09, with no follow-up (2)
  Bordeaux (fr-bordeaux), FR; joined 2024-08-01
  Lyon (fr-lyon), FR; joined 2024-09-20

Events in the next 30 days, by 2024-11-06 (1)
  Lyon dialogue (2024-10-lyon); starts 2024-10-20; in Lyon (fr-lyon)
X

t 'report -o md: the same sections in Markdown, special characters escaped' \
  'sc-followups -D r report --today 2024-10-07 -o md | sed "3s|^Data: $(pwd -P)/|Data: |" | awk -f "$TOP/tests/ids.awk"'
out <<'X'
# Follow-ups, 2024-10-07

Data: r

## Overdue (4)

### amina

- **#@1** Invite to the Columbus dialogue (due 2024-09-15, 22 days late; city Cernay (fr-cernay))
- **#@2** Invite to the Columbus dialogue (due 2024-09-15, 22 days late; city Dijon (fr-dijon))

### li

- **#@3** Write a city spotlight (due 2024-10-01, 6 days late; city Dijon (fr-dijon))

### (no owner)

- **#8** Inform the Columbus transatlantic dialogue with the workshop's findings (due 2024-09, 7 days late; city Columbus (us-columbus-oh); event Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy (2024-05-strasbourg))

## Due in the next 7d, by 2024-10-14 (1)

- **#@4** Send the \*summit\* agenda (due 2024-10-10; owner Amina; city Cape Town (za-cape-town); event Fifth Global Summit (2024-12-cape-town))

## Closed in the last 7d, since 2024-09-30 (2)

- **#14** Publish a resource on how cities can prevent and respond to hate speech (done 2024-09-30; owner li; event Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy (2024-05-strasbourg))
- **#12** Feed the workshop's findings into the Women's Leadership Caucus (done 2024-10-03; event Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy (2024-05-strasbourg))

## Cities joined in the last 90 days, since 2024-07-09, with no follow-up (2)

- **Bordeaux** (fr-bordeaux), FR; joined 2024-08-01
- **Lyon** (fr-lyon), FR; joined 2024-09-20

## Events in the next 30 days, by 2024-11-06 (1)

- **Lyon dialogue** (2024-10-lyon); starts 2024-10-20; in Lyon (fr-lyon)
X

t 'report -o json: one object, rows with names, days late a number' \
  'sc-followups -D r report --today 2024-10-07 -o json | awk -f "$TOP/tests/ids.awk"'
out_jq 'length == 1 and (.[0] | keys_unsorted) == ["today","data","owner","within","due_by","closed_since","joined_since","events_by","overdue","due","closed","new_cities","events","left_out"]'
out_jq '.[0] | .today == "2024-10-07" and .within == "7d" and .due_by == "2024-10-14" and .closed_since == "2024-09-30" and .joined_since == "2024-07-09" and .events_by == "2024-11-06"'
out_jq '.[0].overdue | map([.id, .owner, .days_late]) == [["@1","amina",22],["@2","amina",22],["@3","li",6],["8","",7]]'
out_jq '.[0].overdue[3] | .city_name == "Columbus" and (.event_name | startswith("Transatlantic Dialogue Initiative"))'
out_jq '.[0].due == [{"id":"@4","action":"Send the *summit* agenda","event":"2024-12-cape-town","city":"za-cape-town","owner":"Amina","due":"2024-10-10","status":"open","created":"2024-06-01","closed":"","notes":"","city_name":"Cape Town","event_name":"Fifth Global Summit"}]'
out_jq '.[0] | (.closed | map(.id)) == ["14","12"] and (.new_cities | map([.id, .via_name])) == [["fr-bordeaux",""],["fr-lyon",""]] and (.events | map([.id, .city_name])) == [["2024-10-lyon","Lyon"]]'

t 'report --owner: that owner follow-ups, case-blind; cities and events for all' \
  'sc-followups -D r report --today 2024-10-07 --owner AMINA -o json | awk -f "$TOP/tests/ids.awk"'
out_jq '.[0] | .owner == "AMINA" and (.overdue | map(.id)) == ["@1","@2"] and (.due | map(.id)) == ["@3"] and .closed == [] and (.new_cities | length) == 2 and (.events | length) == 1'

t 'report --owner: the title names the owner' \
  'sc-followups -D r report --today 2024-10-07 --owner li | head -1'
out <<'X'
Follow-ups of li, 2024-10-07
X

t 'report --within 14d widens both windows' \
  'sc-followups -D r report --today 2024-10-07 --within 14d -o json | awk -f "$TOP/tests/ids.awk" | jq -c "[.due_by, .closed_since, [.due[].id], [.closed[].id]]"'
out <<'X'
["2024-10-21","2024-09-23",["@4","@5"],["13","14","12"]]
X

t 'report --fail-on-overdue: overdue work, exit 1, the report still printed' \
  'sc-followups -D r report --today 2024-10-07 --fail-on-overdue | sed -n "1p;3,4p"'
out <<'X'
Follow-ups, 2024-10-07

Overdue (4)
X

t 'report --fail-on-overdue: the exit status itself' \
  'sc-followups -D r report --today 2024-10-07 --fail-on-overdue >/dev/null'
status 1

t 'report --fail-on-overdue --owner: only that owner counts' \
  'sc-followups -D r report --today 2024-10-07 --fail-on-overdue --owner nobody >/dev/null'

t 'report -o csv is refused' 'sc-followups report -o csv'
status 2
err 'sc-followups: report: -o text, md or json'

t 'report --within: not a duration' 'sc-followups report --within tomorrowish'
status 2
err "sc-followups: --within: invalid duration 'tomorrowish' (like 7d, 2w, 1m, 1y or P14D)"

t 'report -c does not apply' 'sc-followups report -c id'
status 2
err 'sc-followups: --columns does not apply to report'

t 'report takes no arguments' 'sc-followups report 7d'
status 2
err "sc-followups: unexpected argument '7d': report takes no arguments"

# --- check -----------------------------------------------------------------

t 'check: the seeds are valid' 'sc-followups check'

seed_dir chk
printf '14,Again,,,,,open,2024-05-15,,\n15,Bad,nowhere,atlantis,,2024-13,shut,2024-5-1,2024-02-30,\nx1,,,,,,open,2024-05-15,,\n' >>"$T/chk/followups.csv"
snapshot chk
t 'check: one line per problem, file:line, exit 1' 'sc-followups -D chk check'
status 1
err "sc-followups: chk/followups.csv:17: event: unknown event 'nowhere'
sc-followups: chk/followups.csv:17: city: unknown city 'atlantis'
sc-followups: chk/followups.csv:17: due: invalid date '2024-13' (want YYYY-MM-DD, YYYY-MM or YYYY)
sc-followups: chk/followups.csv:17: status: invalid value 'shut' (one of: open, done, cancelled)
sc-followups: chk/followups.csv:17: created: invalid date '2024-5-1' (want YYYY-MM-DD)
sc-followups: chk/followups.csv:17: closed: invalid date '2024-02-30' (want YYYY-MM-DD)
sc-followups: chk/followups.csv:18: action: required value is empty
sc-followups: chk/followups.csv:18: id: invalid id 'x1' (six of the digits and the letters but i, l, o and u, the first a letter, such as k7q2m9; or a positive integer)
sc-followups: chk/followups.csv:16: id: duplicate of line 15"
unchanged chk

t 'check takes no arguments' 'sc-followups -D chk check 3'
status 2
err "sc-followups: unexpected argument '3': check takes no arguments"

# --- malformed tables: exit 3, file:line, nothing written --------------------

bad_table() {
	rm -rf "$T/$1"
	mkdir -p "$T/$1"
	cp "$TOP"/seeds/cities.csv "$TOP"/seeds/events.csv "$T/$1/"
	printf "$2" >"$T/$1/followups.csv"
}
H='id,action,event,city,owner,due,status,created,closed,notes\n'

bad_table q "${H}1,A,,,,,open,2024-05-15,,\n2,\"Unterminated,,,,,open,2024-05-15,,\n3,C,,,,,open,2024-05-15,,\n"
snapshot q
t 'malformed: an unterminated quote, in list' 'sc-followups -D q list'
status 3
err 'sc-followups: q/followups.csv:3: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'

t 'malformed: an unterminated quote, in report' 'sc-followups -D q report'
status 3
err 'sc-followups: q/followups.csv:3: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'

t 'malformed: an unterminated quote, in check' 'sc-followups -D q check'
status 1
err 'sc-followups: q/followups.csv:3: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'

t 'malformed: a write is refused, pointing at check' 'sc-followups -D q add "New"'
status 3
err_has 'sc-followups: q/followups.csv:3: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'
err_has "sc-followups: nothing written; 'sc-followups check' lists the"
unchanged q

t 'malformed: done on a malformed table writes nothing' 'sc-followups -D q done 1'
status 3
err_has 'q/followups.csv:3: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'
unchanged q

bad_table rg "${H}1,A,,,,,open,2024-05-15,,\n2,Ragged,,,open\n"
snapshot rg
t 'malformed: a ragged row' 'sc-followups -D rg list'
status 3
err 'sc-followups: rg/followups.csv:3: 5 fields where the header has 10: 5 too few: a line break in an unquoted field, or a missing comma?'
t 'malformed: a ragged row stops a write' 'sc-followups -D rg set 1 --owner li'
status 3
err_has 'rg/followups.csv:3: 5 fields where the header has 10: 5 too few: a line break in an unquoted field, or a missing comma?'
unchanged rg

bad_table u8 "${H}1,A,,,,,open,2024-05-15,,\n2,Bad \377 byte,,,,,open,2024-05-15,,\n"
snapshot u8
t 'malformed: invalid UTF-8' 'sc-followups -D u8 list'
status 3
err_has 'sc-followups: u8/followups.csv:3: invalid UTF-8'
t 'malformed: invalid UTF-8 stops a write' 'sc-followups -D u8 cancel 1'
status 3
err_has 'u8/followups.csv:3: invalid UTF-8'
unchanged u8

bad_table nul "${H}1,A,,,,,open,2024-05-15,,\n2,A \000 NUL,,,,,open,2024-05-15,,\n"
snapshot nul
t 'malformed: a NUL byte' 'sc-followups -D nul list'
status 3
err_has 'sc-followups: nul/followups.csv:3: NUL byte'
t 'malformed: a NUL byte stops a write' 'sc-followups -D nul add "New"'
status 3
err_has 'nul/followups.csv:3: NUL byte'
unchanged nul

bad_table dh 'id,action,status,created,action\n1,A,open,2024-05-15,B\n'
snapshot dh
t 'malformed: a duplicate header' 'sc-followups -D dh list'
status 3
err "sc-followups: dh/followups.csv:1: duplicate column 'action'"
t 'malformed: a duplicate header stops a write' 'sc-followups -D dh done 1'
status 3
err_has "sc-followups: dh/followups.csv:1: duplicate column 'action'"
err_has "sc-followups: nothing written; 'sc-followups check' lists the"
unchanged dh

bad_table mh 'id,action,status\n1,A,open\n'
snapshot mh
t 'malformed: a missing required header' 'sc-followups -D mh list'
status 3
err "sc-followups: mh/followups.csv:1: missing required column 'created'"
t 'malformed: a missing required header stops a write' 'sc-followups -D mh reopen 1'
status 3
err_has "mh/followups.csv:1: missing required column 'created'"
unchanged mh

t_in 'malformed: rows piped to list -i - name stdin and the line' \
  'sc-followups list -i -' 'id,action,status,created
1,A,open,2024-05-15
2,B,open
'
status 3
err 'sc-followups: stdin:3: 3 fields where the header has 4: one too few: a line break in an unquoted field, or a missing comma?'

unset -f bad_table
unset H
