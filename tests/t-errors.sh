# t-errors.sh: messages that say what is wrong.  A hand-edited table
# names the likely cause of a malformed record (an unquoted comma, a stray
# quote, a git conflict marker), and check reads on past each one, so
# that one run lists them all; the command line names a stray word, a
# mistyped verb, option or column, and the forms a date may take.  Every
# command-line mistake is exit 2, and nothing is written.

H='id,action,event,city,owner,due,status,created,closed,notes'
ROW='open,2024-05-15,,'

# fu DIR: a data directory whose followups.csv is stdin.
fu() {
	seed_dir "$1"
	cat >"$T/$1/followups.csv"
}

# --- an unquoted comma ------------------------------------------------------

fu comma <<X
$H
1,Call Lyon,,,,,$ROW
2,Call Dijon, then Paris,,,,,$ROW
3,Call Nice,,,,,$ROW
X
snapshot comma
comma='comma/followups.csv:3: 11 fields where the header has 10: one too many: an unquoted comma in a field? quote the field'

t 'comma: list names the likely cause, exit 3' 'sc-followups -D comma list >/dev/null'
status 3
err "sc-followups: $comma"

t 'comma: report stops at it too' 'sc-followups -D comma report >/dev/null'
status 3
err "sc-followups: $comma"

t 'comma: a write stops at it, writes nothing, points at check' \
  'sc-followups -D comma add "Call Metz"'
status 3
err "sc-followups: $comma
sc-followups: nothing written; 'sc-followups check' lists the problems of followups.csv"
unchanged comma

t 'comma: sc-cities show reads followups.csv and stops at it too' \
  'sc-cities -D comma show fr-dijon >/dev/null'
status 3
err "sc-cities: $comma"

t 'comma: check reports it and reads on, exit 1' 'sc-followups -D comma check'
status 1
err "sc-followups: $comma"
unchanged comma

fu commas <<X
$H
1,Call Lyon, Nice, and Metz,,,,,$ROW
X
t 'commas: three too many say so' 'sc-followups -D commas list'
status 3
err 'sc-followups: commas/followups.csv:2: 12 fields where the header has 10: 2 too many: unquoted commas in fields? quote those fields'

fu broken <<X
$H
1,Call Lyon,,,,,open
2,"Call
X
t 'too few: a line break in an unquoted field, or a missing comma' \
  'sc-followups -D broken list'
status 3
err_has 'sc-followups: broken/followups.csv:2: 7 fields where the header has 10: 3 too few: a line break in an unquoted field, or a missing comma?'

t 'tsv: a tab in a field is named as one' \
  'printf "id\tname\tcountry\tstatus\nfr-a\tA\tB\tFR\tmember\n" | sc-cities list -i - -o tsv'
status 3
err 'sc-cities: stdin:2: 5 fields where the header has 4: one too many: a tab in a field? write it as \t'

# --- quotes -------------------------------------------------------------------

fu after <<X
$H
1,"Call" Lyon,,,,,$ROW
X
t 'a quote in a field: text after its closing quote' 'sc-followups -D after list'
status 3
err 'sc-followups: after/followups.csv:2: text after a closing quote: a quote in a field? quote the whole field and double the quotes in it'

fu later <<X
$H
1,"Call
Lyon",,,,,open,2024-05-15,,"x"y
X
t 'a quote on a later line of the record is named with its line' \
  'sc-followups -D later list'
status 3
err 'sc-followups: later/followups.csv:2: text after a closing quote (its quote is on line 3): a quote in a field? quote the whole field and double the quotes in it'

fu stray <<X
$H
1,Call Lyon,,,,,$ROW
2,"Call Dijon,,,,,$ROW
3,Call Nice,,,,,$ROW
4,Call Metz,,,,,opne,2024-05-15,,
X
t 'an unterminated quote: a stray quote? exit 3' 'sc-followups -D stray list >/dev/null'
status 3
err 'sc-followups: stray/followups.csv:3: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'

t 'check reads on after the line of the stray quote: the rows after it are checked' \
  'sc-followups -D stray check'
status 1
err 'sc-followups: stray/followups.csv:3: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it
sc-followups: stray/followups.csv:5: status: invalid value '"'opne'"' (one of: open, done, cancelled)'

# A quote left open swallows the lines up to the next quote; check names
# the record where it began and reads on from the line after the quote.
fu swallow <<X
$H
1,"Call Lyon,,,,,$ROW
2,Call Dijon,,,,,$ROW
3,"Call Nice",,,,,$ROW
4,Call Metz,,,,,opne,2024-05-15,,
X
t 'a quote closed lines later: check reads on after the line it opened on' \
  'sc-followups -D swallow check'
status 1
err 'sc-followups: swallow/followups.csv:2: text after a closing quote: a quote in a field? quote the whole field and double the quotes in it
sc-followups: swallow/followups.csv:5: status: invalid value '"'opne'"' (one of: open, done, cancelled)'

fu qheader <<X
"id,action,event,city,owner,due,status,created,closed,notes
1,Call Lyon,,,,,$ROW
X
t 'a header that does not parse: check reports it and reads no rows by it' \
  'sc-followups -D qheader check'
status 1
err 'sc-followups: qheader/followups.csv:1: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'

# --- check lists every malformed record of every table ------------------------

fu many <<X
$H
1,A,,,,,$ROW
2,B, again,,,,,$ROW
3,C,,,,,$ROW
4,D,,,
5,"E" F,,,,,$ROW
6,F,,,,,shut,2024-05-15,,
X
printf 'id,name,country,region,status,joined,via,notes\nfr-dijon,Dijon,FR,,member,,,x,y\nfr-metz,Metz,FR,,member,,,\n' >"$T/many/cities.csv"
snapshot many
t 'check: every malformed record, in the order read, then the values, exit 1' \
  'sc-followups -D many check'
status 1
err 'sc-followups: many/followups.csv:3: 11 fields where the header has 10: one too many: an unquoted comma in a field? quote the field
sc-followups: many/followups.csv:5: 5 fields where the header has 10: 5 too few: a line break in an unquoted field, or a missing comma?
sc-followups: many/followups.csv:6: text after a closing quote: a quote in a field? quote the whole field and double the quotes in it
sc-followups: many/followups.csv:7: status: invalid value '"'shut'"' (one of: open, done, cancelled)'
unchanged many

t 'check: the referenced tables are read on too (cities.csv through follow-ups'"'"' cities)' \
  'printf "7,G,,fr-metz,,,open,2024-05-15,,\n8,H,,fr-dijon,,,open,2024-05-15,,\n" >>many/followups.csv; sc-followups -D many check 2>&1 | grep -v "followups.csv:[3-7]:"'
out <<'X'
sc-followups: many/cities.csv:2: 9 fields where the header has 8: one too many: an unquoted comma in a field? quote the field
sc-followups: many/followups.csv:9: city: unknown city 'fr-dijon'
X

seed_dir ev
printf '%s\n' 'id,name,series,kind,start,end,city,status,url,notes' \
    '2024-01-a,A,,,2024-01,,,held,,x,y' '2024-01-b,B,,,2024-13,,,held,,' \
    >"$T/ev/events.csv"
printf 'event,city,role,notes\n2024-01-b,fr-dijon,host\n2024-01-b,fr-metz,host,\n' >"$T/ev/attendance.csv"
printf 'event,organisation,sector,notes\n2024-01-b,"A ministry" x,,\n' >"$T/ev/partners.csv"
t 'check: each of the three tables of sc-events, malformed and invalid' \
  'sc-events -D ev check'
status 1
err "sc-events: ev/events.csv:2: 11 fields where the header has 10: one too many: an unquoted comma in a field? quote the field
sc-events: ev/events.csv:3: start: invalid date '2024-13' (want YYYY-MM-DD, YYYY-MM or YYYY)
sc-events: ev/attendance.csv:2: 3 fields where the header has 4: one too few: a line break in an unquoted field, or a missing comma?
sc-events: ev/attendance.csv:3: city: unknown city 'fr-metz'
sc-events: ev/partners.csv:2: text after a closing quote: a quote in a field? quote the whole field and double the quotes in it"

seed_dir nul
printf '%s\n1,A\000,,,,,%s\n2,B,,,,,%s\n3,C\377,,,,,%s\n' "$H" "$ROW" "$ROW" \
    "$ROW" >"$T/nul/followups.csv"
t 'check: a NUL byte and invalid UTF-8 in two records, both reported' \
  'sc-followups -D nul check'
status 1
err 'sc-followups: nul/followups.csv:2: NUL byte
sc-followups: nul/followups.csv:4: invalid UTF-8'

fu hdr <<X
id,action,status,created,action,notes,notes
1,A,open,2024-05-15,B,,
2,C,shut,2024-05-15,D,,
X
t 'check: a header with duplicate columns is reported once, and its rows read' \
  'sc-followups -D hdr check'
status 1
err "sc-followups: hdr/followups.csv:1: duplicate column 'action'
sc-followups: hdr/followups.csv:1: duplicate column 'notes'
sc-followups: hdr/followups.csv:3: status: invalid value 'shut' (one of: open, done, cancelled)"

fu nocreated <<X
id,action,status
1,A,open
2,B,shut
X
t 'check: a missing required column is reported once, not in every row' \
  'sc-followups -D nocreated check'
status 1
err "sc-followups: nocreated/followups.csv:1: missing required column 'created'
sc-followups: nocreated/followups.csv:3: status: invalid value 'shut' (one of: open, done, cancelled)"

t 'list still stops at a missing required column, exit 3' \
  'sc-followups -D nocreated list'
status 3
err "sc-followups: nocreated/followups.csv:1: missing required column 'created'"

# --- git conflict markers ------------------------------------------------------

fu merge <<X
$H
1,A,,,,,$ROW
<<<<<<< HEAD
2,B,,,amina,,$ROW
=======
2,B,,,li,,$ROW
>>>>>>> feature/owners
3,C,,,,,$ROW
X
snapshot merge
marker='git conflict marker: finish the merge (see sc(7))'

t 'conflict: list names the marker as one, exit 3' 'sc-followups -D merge list >/dev/null'
status 3
err "sc-followups: merge/followups.csv:3: $marker"

t 'conflict: a write is refused, nothing written' 'sc-followups -D merge done 1'
status 3
err "sc-followups: merge/followups.csv:3: $marker
sc-followups: nothing written; 'sc-followups check' lists the problems of followups.csv"
unchanged merge

t 'conflict: check names each marker line and the rows both sides kept' \
  'sc-followups -D merge check'
status 1
err "sc-followups: merge/followups.csv:3: $marker
sc-followups: merge/followups.csv:5: $marker
sc-followups: merge/followups.csv:7: $marker
sc-followups: merge/followups.csv:6: id: duplicate of line 4"

fu diff3 <<X
<<<<<<< ours
$H
1,A,,,,,$ROW
||||||| base
1,A,,,,,open,2024-05-14,,
=======
1,A,,,,,open,2024-05-16,,
>>>>>>> theirs
X
t 'conflict: at the top, with a diff3 base; check takes the next line as the header' \
  'sc-followups -D diff3 check'
status 1
err "sc-followups: diff3/followups.csv:1: $marker
sc-followups: diff3/followups.csv:4: $marker
sc-followups: diff3/followups.csv:6: $marker
sc-followups: diff3/followups.csv:8: $marker
sc-followups: diff3/followups.csv:5: id: duplicate of line 3
sc-followups: diff3/followups.csv:7: id: duplicate of line 3"

t 'conflict: a marker in a TSV input is one too' \
  'printf "id\tname\tcountry\tstatus\n<<<<<<< HEAD\nfr-a\tA\tFR\tmember\n" | sc-cities list -i -'
status 3
err "sc-cities: stdin:2: $marker"

t 'conflict: a marker with no label, and the seven characters only' \
  'printf "id,name,country,status\n=======\n" | sc-cities list -i -'
status 3
err "sc-cities: stdin:2: $marker"

t 'not a conflict: eight of them, or no space before the label, is a ragged row' \
  'printf "id,name,country,status\n========\n<<<<<<<HEAD\n" | sc-cities list -i -'
status 3
err 'sc-cities: stdin:2: 1 field where the header has 4: 3 too few: a line break in an unquoted field, or a missing comma?'

# A merge that stopped inside a quoted multi-line field leaves records that
# parse: only check sees the markers in the value.
fu inside <<X
$H
1,A,,,,,open,2024-05-15,,"Called twice.
<<<<<<< HEAD
Amina follows up.
=======
Li follows up.
>>>>>>> other
"
2,B,,,,,open,2024-05-15,,"Agenda
=======
One heading only."
3,C,,,,,$ROW
X
t 'conflict inside a quoted field: check names the column and the line, exit 1' \
  'sc-followups -D inside check'
status 1
err "sc-followups: inside/followups.csv:2: notes: git conflict marker on line 3, inside the value: finish the merge (see sc(7))"

fu base <<X
$H
1,A,,,,,open,2024-05-15,,"x
||||||| base
y"
2,B,,,,,open,2024-05-15,,"x
=======
y
>>>>>>> b"
X
t 'conflict inside a quoted field: a diff3 base line; a "=======" line before a marker is where it starts' \
  'sc-followups -D base check'
status 1
err "sc-followups: base/followups.csv:2: notes: git conflict marker on line 3, inside the value: finish the merge (see sc(7))
sc-followups: base/followups.csv:5: notes: git conflict marker on line 6, inside the value: finish the merge (see sc(7))"

mkdir -p "$T/ua"
printf 'id,name,country,status,memo\nfr-a,A,FR,member,"a\r\n>>>>>>> theirs"\n' \
    >"$T/ua/cities.csv"
t 'conflict inside a column a user added, after a CRLF' 'sc-cities -D ua check'
status 1
err "sc-cities: ua/cities.csv:2: memo: git conflict marker on line 3, inside the value: finish the merge (see sc(7))"

seed_dir setmark
snapshot setmark
t 'conflict in a value given to set: refused, named by its line in the value' \
  'sc-followups -D setmark set 1 --notes "$(printf "a\n<<<<<<< HEAD\nb")"'
status 3
err "sc-followups: setmark/followups.csv:2: notes: git conflict marker on line 2 of the value: finish the merge (see sc(7))
sc-followups: 1 problem; nothing written"
unchanged setmark

# --- dates: one form of message, with the forms allowed --------------------------

seed_dir dates
snapshot dates
t 'date: add --due names the forms a due date may take' \
  'sc-followups -D dates add "Call" --due 2024-13-01'
status 2
err "sc-followups: --due: invalid date '2024-13-01' (want YYYY-MM-DD, YYYY-MM, YYYY, today or +/-N[dwmy])"
unchanged dates

t 'date: set --due, the same' 'sc-followups -D dates set 1 --due soon'
status 2
err "sc-followups: --due: invalid date 'soon' (want YYYY-MM-DD, YYYY-MM, YYYY, today or +/-N[dwmy])"
unchanged dates

t 'date: done --on takes a day, and says so' 'sc-followups -D dates done 1 --on 2024-09'
status 2
err "sc-followups: --on: invalid date '2024-09' (want YYYY-MM-DD, today or +/-N[dwmy])"
unchanged dates

t 'date: sc-cities add --joined, the same form' \
  'sc-cities -D dates add Lyon --country FR --joined 15/05/2024'
status 2
err "sc-cities: --joined: invalid date '15/05/2024' (want YYYY-MM-DD, today or +/-N[dwmy])"
unchanged dates

t 'date: a filter allows reduced dates, and says so' \
  'sc-cities list --joined-since 15/05/2024'
status 2
err "sc-cities: --joined-since: invalid date '15/05/2024' (want YYYY-MM-DD, YYYY-MM, YYYY, today or +/-N[dwmy])"

t 'date: sc-events --from, the same' 'sc-events list --from 2024-5'
status 2
err "sc-events: --from: invalid date '2024-5' (want YYYY-MM-DD, YYYY-MM, YYYY, today or +/-N[dwmy])"

t 'date: --today, the same form' 'sc-followups --today 2024-06 list'
status 2
err "sc-followups: --today: invalid date '2024-06' (want YYYY-MM-DD or today)"

t 'date: SC_TODAY, the same form' 'SC_TODAY=tomorrow sc-events list'
status 2
err "sc-events: SC_TODAY: invalid date 'tomorrow' (want YYYY-MM-DD or today)"

fu dchk <<X
$H
1,A,,,,2024-13,open,2024-5-1,,
X
t 'date: check gives the forms a column may hold' 'sc-followups -D dchk check'
status 1
err "sc-followups: dchk/followups.csv:2: due: invalid date '2024-13' (want YYYY-MM-DD, YYYY-MM or YYYY)
sc-followups: dchk/followups.csv:2: created: invalid date '2024-5-1' (want YYYY-MM-DD)"

# --- columns ---------------------------------------------------------------------

t '-c: a mistyped column gets the nearest, and the list of columns' 'sc-cities -c id,nmae'
status 2
err "sc-cities: unknown column 'nmae'; did you mean 'name'? columns are: id, name, country, region, status, joined, via, notes, lat, lon"

t '-c: a column far from any is listed with them all' 'sc-followups list -c colour'
status 2
err "sc-followups: unknown column 'colour'; columns are: id, action, event, city, owner, due, status, created, closed, notes"

t '-c: a column a user added is one of them' \
  'printf "id,name,country,status,memo\nfr-a,A,FR,member,x\n" | sc-cities list -i - -c id,meno'
status 2
err "sc-cities: unknown column 'meno'; did you mean 'memo'? columns are: id, name, country, status, memo, region, joined, via, notes"

t '-c: a very wide header is listed up to 40 columns' \
  'awk "BEGIN { printf \"id,name,country,status\"; for (i = 0; i < 60; i++) printf \",c%d\", i; print \"\" }" | sc-cities list -i - -c nope 2>&1 | grep -o "c35, ....*"'
out <<'X'
c35, ...
X

snapshot dates
t '--field: a mistyped column gets the nearest' \
  'sc-cities -D dates set fr-dijon --field nots=x'
status 2
err "sc-cities: --field: no column 'nots' in cities.csv; did you mean 'notes'?"
unchanged dates

# --- stray words -----------------------------------------------------------------

t 'stray: a value of two words is named, after the option it followed' \
  'sc-followups list --due-within 2 weeks'
status 2
err "sc-followups: unexpected argument 'weeks' after '--due-within 2': an option's value is one word (quote a value that has spaces)"

t 'stray: the same with no verb, where the word would be taken for one' \
  'sc-followups --due-within 2 weeks'
status 2
err "sc-followups: unexpected argument 'weeks' after '--due-within 2': an option's value is one word (quote a value that has spaces)"

t 'stray: after --opt=value' 'sc-followups list --due-within=2 weeks'
status 2
err "sc-followups: unexpected argument 'weeks' after '--due-within=2': an option's value is one word (quote a value that has spaces)"

t 'stray: after a short option and its value' 'sc-cities -c id name'
status 2
err "sc-cities: unexpected argument 'name' after '-c id': an option's value is one word (quote a value that has spaces)"

t 'stray: after a short option with its value attached' 'sc-cities -cid name'
status 2
err "sc-cities: unexpected argument 'name' after '-cid': an option's value is one word (quote a value that has spaces)"

t 'stray: after a flag' 'sc-followups list --overdue 3'
status 2
err "sc-followups: unexpected argument '3' after '--overdue'"

snapshot dates
t 'stray: a verb'"'"'s argument too many names what the verb takes' \
  'sc-cities -D dates add Lyon Paris --country FR'
status 2
err "sc-cities: unexpected argument 'Paris': add takes NAME (quote a value that has spaces)"
unchanged dates

snapshot dates
t 'stray: partner takes two' 'sc-events -D dates partner 2024-09-columbus A ministry'
status 2
err "sc-events: unexpected argument 'ministry': partner takes EVENT ORGANISATION (quote a value that has spaces)"
unchanged dates

t 'stray: import takes one file' 'sc-cities -D dates import a.csv b.csv'
status 2
err "sc-cities: unexpected argument 'b.csv': import takes FILE|- (quote a value that has spaces)"

t 'stray: report takes none' 'sc-followups report --within 2 weeks'
status 2
err "sc-followups: unexpected argument 'weeks' after '--within 2': an option's value is one word (quote a value that has spaces)"

t 'stray: after --, a word is only a word' 'sc-cities list -- x'
status 2
err "sc-cities: unexpected argument 'x': list takes no arguments"

t 'stray: sc-events --upcoming takes a number as its duration' \
  'sc-events list --upcoming 2 weeks'
status 2
err "sc-events: --upcoming: invalid duration '2' (like 7d, 2w, 1m, 1y or P14D)"

t 'stray: sc-events --past, a date is no duration' 'sc-events list --past 2024-01-01'
status 2
err "sc-events: --past: invalid duration '2024-01-01' (like 7d, 2w, 1m, 1y or P14D)"

t 'stray: sc-events --upcoming still takes the verb after it' \
  'sc-events --upcoming list -c id -H'
out <<'X'
2024-09-columbus
2024-12-cape-town
X

t 'missing: a verb without its argument says what it needs' 'sc-events cities'
status 2
err_has "sc-events: cities needs EVENT"
err_has 'usage: sc-events'

# --- mistyped verbs and options ------------------------------------------------------

t 'verb: lst is list' 'sc-cities lst'
status 2
err "sc-cities: unknown verb 'lst'; did you mean 'list'?"

t 'verb: two letters swapped' 'sc-followups dnoe 3'
status 2
err "sc-followups: unknown verb 'dnoe'; did you mean 'done'?"

t 'verb: a prefix' 'sc-events partn 2024-09-columbus'
status 2
err "sc-events: unknown verb 'partn'; did you mean 'partner'?"

t 'verb: nothing near' 'sc-events frobnicate'
status 2
err "sc-events: unknown verb 'frobnicate' (try --help)"

t 'option: --stauts is --status' 'sc-followups --stauts open'
status 2
err "sc-followups: unknown option '--stauts'; did you mean '--status'?"

t 'option: with =value, the name only' 'sc-followups list --stauts=open'
status 2
err "sc-followups: unknown option '--stauts'; did you mean '--status'?"

snapshot dates
t 'option: a common one' 'sc-cities -D dates --dry-rn add Lyon --country FR'
status 2
err "sc-cities: unknown option '--dry-rn'; did you mean '--dry-run'?"
unchanged dates

t 'option: sc-events'"'"'s own parser of --upcoming leaves a mistyped one to be named' \
  'sc-events list --upcomng 90d'
status 2
err "sc-events: unknown option '--upcomng'; did you mean '--upcoming'?"

t 'option: nothing near' 'sc-cities --frobnicate'
status 2
err "sc-cities: unknown option '--frobnicate' (try --help)"

t 'option: an ambiguous prefix lists what it could be' 'sc-events list --st 2024'
status 2
err "sc-events: option '--st' is ambiguous: --status, --start"

t 'option: a unique prefix is still taken' 'sc-events list --ser transatlantic -c id -H'
out <<'X'
2024-05-strasbourg
2024-09-columbus
X

t 'option: a missing value' 'sc-followups list --due-within'
status 2
err "sc-followups: option '--due-within' needs a value"

t 'option: a missing value, short' 'sc-cities list -c'
status 2
err "sc-cities: option '-c' needs a value"

t 'option: a value given to a flag' 'sc-followups list --overdue=yes'
status 2
err "sc-followups: option '--overdue' takes no value"

t 'option: an unknown short one' 'sc-cities -x'
status 2
err "sc-cities: unknown option '-x' (try --help)"

t 'option: an unknown short one in a cluster' 'sc-cities -Hx'
status 2
err "sc-cities: unknown option '-x' (try --help)"
