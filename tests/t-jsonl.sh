# t-jsonl.sh: JSON Lines in (issue 13.5).  Wherever the tools read rows
# (-i FILE, -i -, - for ids, import) they read what -o json writes: one
# object a line, the first object's keys the header.  Bad JSON is refused
# at its line, exit 3, with the data directory as it was.

# --- the pipeline of the issue ------------------------------------------------

seed_dir j
t 'list -o json | jq select | sc-followups add Call -: a follow-up per GR city' \
  'sc-cities -D j list -o json | jq -c '"'"'select(.country=="GR")'"'"' |
   sc-followups -D j add "Call" - -c city,action -H &&
   sc-followups -D j list --all -o csv -c city,action,status -H | grep ",Call,"'
out <<'X'
gr-kalamaria,Call
gr-kordelio-evosmos,Call
gr-kalamaria,Call,open
gr-kordelio-evosmos,Call,open
X

t 'list -o json | sc-cities set - --status member: ids from JSON Lines' \
  'sc-cities -D j list --country GR -o json | sc-cities -D j set - --status member >/dev/null &&
   sc-cities -D j list --country GR -o csv -c id,status -H'
out <<'X'
gr-kalamaria,member
gr-kordelio-evosmos,member
X

t 'sc-events list -o json | attend EVENT -: cities from a city column, in JSON' \
  'sc-cities -D j list --country GR -o json -c name,id | jq -c "{city: .id, name}" |
   sc-events -D j attend 2024-05-strasbourg - >/dev/null &&
   sc-events -D j cities 2024-05-strasbourg -o csv -c id -H | grep "^gr-"'
out <<'X'
gr-kalamaria
gr-kordelio-evosmos
X

t 'sc-followups list -o json | done -: follow-up ids from JSON Lines' \
  'sc-followups -D j list --city gr-kalamaria -o json | sc-followups -D j done - >/dev/null &&
   sc-followups -D j list --all --city gr-kalamaria -o csv -c action,status -H'
out <<'X'
Invite to future city-to-city learning,done
Call,done
X

# --- round trips: list -o json | list -i - -o json, byte for byte ---------------

seed_dir rt
t 'round trip: sc-cities, sc-events, sc-followups list -o json | list -i - -o json' \
  'for p in sc-cities sc-events "sc-followups --all"; do
	$p -D rt list -o json >a.json || exit 1
	$p -D rt list -i - -o json <a.json >b.json || exit 1
	cmp a.json b.json || exit 1
	wc -l <a.json | tr -d " "
   done'
out <<'X'
10
3
14
X

t 'round trip: list -o json | list -i - -o csv is the table, byte for byte' \
  'sc-cities -D rt list -o json | sc-cities -D rt list -i - -o csv | cmp - rt/cities.csv &&
   sc-events -D rt list -o json | sc-events -D rt list -i - -o csv | cmp - rt/events.csv &&
   sc-followups -D rt list --all -o json | sc-followups -D rt list --all -i - -o csv | cmp - rt/followups.csv'

# Every control character, a quote, a backslash, bidi controls and a line
# break in a field: JSON escapes them, and reading undoes every escape.
seed_dir hard
t 'round trip: a field with controls, quotes, backslashes and bidi stays whole' \
  'notes=$(printf "a\\\\b \"q\" \t\nend \342\200\256rtl \360\237\230\200 \342\200\213")
   sc-cities -D hard set fr-dijon --notes "$notes" >/dev/null &&
   sc-cities -D hard list -o json | sc-cities -D hard list -i - -o csv | cmp - hard/cities.csv &&
   sc-cities -D hard list -o json >a.json && sc-cities -D hard list -i a.json -o json | cmp - a.json'

# --- what a line may hold -----------------------------------------------------

# The values a list prints come back as written: numbers, true and false
# as they stand, null as an empty field; escapes undone, a surrogate pair
# one character; keys in any order, a key left out an empty field.
t_in 'values: strings, numbers, true, false, null; keys in any order; one left out' \
  'sc-followups list -i - -o csv -c id,action,city,notes' \
'{"id":"1","action":"A\u00e9\ud83d\ude00\t\"\\\/","city":"x","notes":"n","status":"open","created":"2024-01-01"}
{ "notes" : 12.5e-3 , "action":"B", "id" : 2 , "city":null, "status":"open", "created":"2024-01-01"}

{"id":-0,"action":true,"status":"open","created":"2024-01-01"}
{"action":false,"id":"4","status":"open","created":"2024-01-01"}
'
out <<'X'
id,action,city,notes
1,"Aé😀	""\/",x,n
2,B,,12.5e-3
-0,true,,
4,false,,
X

t_in 'values: \b and \f decode to their control characters' \
  'sc-followups list -i - -o json -c id,action' \
'{"id":"1","action":"\b\f\r\n\u0001\u001F","status":"open","created":"2024-01-01"}
'
out <<'X'
{"id":"1","action":"\u0008\u000c\r\n\u0001\u001f"}
X

t_in 'CRLF line ends, blank lines and white space around the objects' \
  'sc-followups list -i - -o csv -c id,action -H' \
"$(printf '\r\n  {"id":"1","action":"a","status":"open","created":"2024-01-01"}  \r\n\t\r\n{"id":"2","action":"b","status":"open","created":"2024-01-01"}\r\n')"
out <<'X'
1,a
2,b
X

t_in 'a byte-order mark before the first object' \
  'sc-followups list -i - -o csv -c id,action -H' \
"$(printf '\357\273\277{"id":"1","action":"a","status":"open","created":"2024-01-01"}\n')"
out <<'X'
1,a
X

t_in 'the last line without its line end: read when its object is whole' \
  'sc-followups list -i - -o csv -c id,action -H' \
'{"id":"1","action":"a","status":"open","created":"2024-01-01"}
{"id":"2","action":"b","status":"open","created":"2024-01-01"}'
out <<'X'
1,a
2,b
X

t_in 'the first line is the header: its keys name the columns, its values the first row' \
  'sc-followups list -i - -o csv -c id,action,city' \
'{"city":"c1","action":"a1","id":"1","status":"open","created":"2024-01-01"}
'
out <<'X'
id,action,city
1,a1,c1
X

t_in 'an empty object after the first: a row of empty fields' \
  'sc-cities list -i - -o csv -c id,name' \
'{"id":"x","name":"X","country":"FR","status":"member"}
{}
'
out <<'X'
id,name
x,X
,
X

t 'list -i FILE.jsonl reads JSON Lines, whatever its name' \
  'sc-followups list --all -o json >fu.jsonl && sc-followups list --all -i fu.jsonl -o json | cmp - fu.jsonl &&
   cp fu.jsonl fu.tsv && sc-followups list --all -i fu.tsv -o json | cmp - fu.jsonl &&
   sc-followups list -i fu.jsonl --city cernay -o csv -c id,city -H'
out <<'X'
1,fr-cernay
X

t 'guessing: blank lines and white space before the first "{" still make JSON' \
  '{ printf "\n  \n\t"; sc-followups list --all -o json; } >sp.jsonl &&
   sc-followups list --all -i sp.jsonl -o json | cmp - fu.jsonl'

t '--input-format json reads a file that does not start with "{" (blank lines first)' \
  '{ printf "\n\n"; sc-followups list --all -o json; } >blank.txt &&
   sc-followups list --all -i blank.txt --input-format json -o json | cmp - fu.jsonl'

t '--input-format json: a CSV file is refused at its first line, exit 3' \
  'sc-followups list --all -o csv >fu.csv && sc-followups list -i fu.csv --input-format json'
status 3
err 'sc-followups: fu.csv:1: not a JSON object: each line is one {"column": "value", ...}'

t '--input-format csv: JSON Lines read as CSV, as asked (here: no id column)' \
  'sc-followups list -i fu.jsonl --input-format csv'
status 3
err_has 'sc-followups: fu.jsonl:1: '

t '--input-format yaml: exit 2, the three formats named' \
  'sc-followups list -i fu.jsonl --input-format yaml'
status 2
err "sc-followups: --input-format: csv, tsv or json, not 'yaml'"

cat >"$T/comp.sh" <<'X'
eval "$(sc-cities completion bash)"
COMP_WORDS=(sc-cities list --input-format "")
COMP_CWORD=3
_sc_cities
printf '%s\n' "${COMPREPLY[@]}"
X
t 'bash completion: --input-format offers json' 'bash comp.sh'
out <<'X'
csv
tsv
json
X

# --- import ---------------------------------------------------------------------

seed_dir im
t 'import FILE.jsonl: columns by the keys, in any order, on any line' \
  'printf "%s\n" "{\"name\":\"Patras\",\"country\":\"GR\"}" "{\"country\":\"GR\",\"name\":\"Volos; Magnesia\"}" >new.jsonl &&
   sc-cities -D im import new.jsonl &&
   sc-cities -D im list --country GR -o csv -c id,name,status -H'
out <<'X'
gr-kalamaria,Kalamaria,introduced
gr-kordelio-evosmos,Kordelio-Evosmos,introduced
gr-patras,Patras,prospect
gr-volos-magnesia,Volos; Magnesia,prospect
X
err 'sc-cities: import: 2 added, 0 skipped, 0 rejected'

t_in 'import - reads JSON Lines on stdin; --map names a key' \
  'sc-cities -D im import - --map name=Stadt --map country=Land && sc-cities -D im list --country AT -o csv -c name -H' \
'{"Stadt":"Graz","Land":"AT"}
'
out <<'X'
Graz
X
err 'sc-cities: import: 1 added, 0 skipped, 0 rejected'

snapshot im
t_in 'import: bad JSON on line 2, exit 3, nothing written' \
  'sc-cities -D im import -' \
'{"name":"Linz","country":"AT"}
{"name":"Wels","country":"AT",}
'
status 3
err "sc-cities: stdin:2: a comma before '}'"
unchanged im

# --- bad JSON: its line and what is wrong, exit 3, nothing written --------------

seed_dir bad
snapshot bad

# badjson 'what' 'line 2 (and on)' 'message': "add Call -" reads a first good
# object, then the given line(s); it must refuse them with the message.
badjson() {
	t_in "bad JSON: $1" 'sc-followups -D bad add Call -' \
	    "{\"id\":\"fr-dijon\",\"name\":\"Dijon\"}
$2"
	status 3
	err "sc-followups: stdin:$3"
	unchanged bad
}

badjson 'unterminated string' '{"id":"fr-cernay}
' "2: value of 'id': unterminated string"
badjson 'unterminated key' '{"id":"fr-cernay","name
' '2: key: unterminated string'
badjson 'trailing comma' '{"id":"fr-cernay",}
' "2: a comma before '}'"
badjson 'trailing comma and spaces' '{"id":"fr-cernay" , }
' "2: a comma before '}'"
badjson 'two commas' '{"id":"fr-cernay",,"name":"x"}
' '2: a key in double quotes expected'
badjson 'not an object: [1]' '[1]
' '2: not a JSON object: each line is one {"column": "value", ...}'
badjson 'not an object: "x", after a blank line' '
"x"
' '3: not a JSON object: each line is one {"column": "value", ...}'
badjson 'not an object: a bare word' 'fr-cernay
' '2: not a JSON object: each line is one {"column": "value", ...}'
badjson 'nested object' '{"id":{"x":"fr-cernay"}}
' "2: value of 'id': nested object: a field holds a string, number, true, false or null"
badjson 'nested array' '{"name":"C","id":["fr-cernay"]}
' "2: value of 'id': nested array: a field holds a string, number, true, false or null"
badjson 'bad escape' '{"id":"fr-\cernay"}
' "2: value of 'id': bad escape \\c: JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"
badjson 'short \u escape' '{"id":"fr-\u12"}
' "2: value of 'id': bad escape \\u12\"}: four hex digits expected"
badjson 'lone high surrogate' '{"id":"fr-\ud83dx"}
' "2: value of 'id': lone surrogate \\ud83d"
badjson 'lone low surrogate' '{"id":"fr-\ude00"}
' "2: value of 'id': lone surrogate \\ude00"
badjson 'high surrogate before a non-surrogate' '{"id":"\ud83d\u0041"}
' "2: value of 'id': lone surrogate \\ud83d"
badjson '\u0000' '{"id":"fr\u0000"}
' "2: value of 'id': \\u0000: a field cannot hold NUL"
badjson 'a raw tab in a string' '{"id":"fr	x"}
' "2: value of 'id': control character in a string: write it escaped, as \\n or \\u001f"
badjson 'duplicate key' '{"id":"fr-cernay","name":"C","id":"fr-dijon"}
' "2: duplicate key 'id'"
badjson 'a key the first object lacks' '{"id":"fr-cernay","country":"FR"}
' "2: key 'country' is not in the first object, whose keys are the header"
badjson 'a key the first object lacks, escaped' '{"id":"fr-cernay","n\u00e4me":"C"}
' "2: key 'näme' is not in the first object, whose keys are the header"
badjson 'missing colon' '{"id" "fr-cernay"}
' "2: ':' expected after the key 'id'"
badjson 'missing comma' '{"id":"fr-cernay" "name":"C"}
' "2: ',' or '}' expected after a value"
badjson 'no value' '{"id":}
' "2: value of 'id': no value"
badjson 'a bare word' '{"id":fr}
' "2: value of 'id': 'fr' is not a string, number, true, false or null"
badjson 'a number with a leading zero' '{"id":012}
' "2: value of 'id': '012' is not a string, number, true, false or null"
badjson 'a number with a bare point' '{"id":1.}
' "2: value of 'id': '1.' is not a string, number, true, false or null"
badjson 'text after the object' '{"id":"fr-cernay"} {"id":"fr-dijon"}
' '2: text after the object: one object a line'
badjson 'an object over two lines (jq without -c)' '{
  "id": "fr-cernay"
}
' '2: the line ends inside the object: one object a line (jq -c writes so)'
badjson 'the last line cut short, without its line end' '{"id":"fr-cernay"' \
  '2: the line ends inside the object: one object a line (jq -c writes so)'
badjson 'invalid UTF-8' "$(printf '{"id":"fr-\377"}\n')" '2: invalid UTF-8'
badjson 'a git conflict marker' '<<<<<<< HEAD
' '2: not a JSON object: each line is one {"column": "value", ...}'
badjson 'a first value that is a git conflict marker, spelt with an escape' '{"id":"\u003c<<<<<< HEAD"}
' '2: git conflict marker: finish the merge (see sc(7))'
badjson 'the third line bad, the second good' '{"id":"fr-cernay"}
{"id":"fr-cernay",}
' "3: a comma before '}'"

# The first line: its keys are the header.
t_in 'bad JSON: an empty object first: no header' 'sc-followups -D bad add Call -' \
'{}
{"id":"fr-dijon"}
'
status 3
err "sc-followups: stdin:1: an empty object first: the first object's keys are the header"
unchanged bad

t_in 'bad JSON: a duplicate key in the first object' 'sc-followups -D bad add Call -' \
'{"id":"fr-dijon","name":"D","id":"fr-cernay"}
'
status 3
err "sc-followups: stdin:1: duplicate key 'id'"
unchanged bad

t_in 'bad JSON: a duplicate key in the first object, one of them escaped' \
  'sc-followups -D bad add Call -' \
'{"id":"fr-dijon","\u0069d":"fr-cernay"}
'
status 3
err "sc-followups: stdin:1: duplicate key 'id'"
unchanged bad

t_in 'bad JSON: the first object unterminated, after blank lines' 'sc-followups -D bad add Call -' \
'

{"id":"fr-dijon"
'
status 3
err "sc-followups: stdin:3: the line ends inside the object: one object a line (jq -c writes so)"
unchanged bad

t_in 'bad JSON: with --input-format json, [1] first is not an object' \
  'sc-followups -D bad add Call - --input-format json' \
'[1]
'
status 3
err 'sc-followups: stdin:1: not a JSON object: each line is one {"column": "value", ...}'
unchanged bad

t_in 'bad JSON: no id key: said as for CSV' 'sc-followups -D bad add Call -' \
'{"name":"Dijon"}
'
status 3
err "sc-followups: stdin:1: no 'city' or 'id' column in the header"
unchanged bad

t_in 'bad JSON: a key shown inert in the message' 'sc-followups -D bad add Call -' \
'{"id":"fr-dijon"}
{"\u001b[2J":"x"}
'
status 3
err "sc-followups: stdin:2: key '\\e[2J' is not in the first object, whose keys are the header"
unchanged bad

t 'bad JSON in -i FILE: the file named, exit 3' \
  'printf "%s\n" "{\"id\":\"1\",\"action\":\"a\",\"status\":\"open\",\"created\":\"2024-01-01\"}" "{\"id\":\"2\",\"action\":\"b\"" >cut.jsonl &&
   sc-followups list -i cut.jsonl -o csv'
status 3
err 'sc-followups: cut.jsonl:2: the line ends inside the object: one object a line (jq -c writes so)'
out <<'X'
id,action,status,created,event,city,owner,due,closed,notes
1,a,open,2024-01-01,,,,,,
X

# --- memory does not grow with the input ------------------------------------------

t 'JSON Lines are streamed: 200,000 rows in under 40 MB of address space' \
  'awk "BEGIN { for (i = 0; i < 200000; i++) printf \"{\\\"id\\\":\\\"%d\\\",\\\"action\\\":\\\"Call %d\\\",\\\"status\\\":\\\"open\\\",\\\"created\\\":\\\"2024-01-01\\\"}\\n\", i, i }" >long.jsonl &&
   (ulimit -v 40000; sc-followups list -i long.jsonl --all -o csv -c action -H | tail -1)'
out <<'X'
Call 199999
X
