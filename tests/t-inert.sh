# t-inert.sh: what reaches a person is inert (sc(7), TEXT FOR PEOPLE).
# Hostile values (ESC[2J, an OSC 8 link, BEL, U+202E, U+0085, U+200B) in
# tables that came from elsewhere are shown visibly by show, -o table,
# report and every message, and reach no terminal raw; csv, tsv and json
# stay byte for byte what the tables hold; the writes refuse such values
# where they have no place.  Then --safe with tsv, and names folded alike
# for matching, duplicates and slugs (Łódź, Diyarbakır).

E=$(printf '\033')
BEL=$(printf '\007')
RLO=$(printf '\342\200\256')
NEL=$(printf '\302\205')
ZWSP=$(printf '\342\200\213')

# inert: prints, as hex, each character of stdin that would act on a
# terminal or hide in it: C0 controls but tab, LF and CR, DEL, C1, the
# bidi controls and marks (U+061C, U+200E, U+200F, U+202A..U+202E,
# U+2066..U+2069), zero-width characters (U+200B..U+200D, U+2060) and the
# BOM.  Nothing printed: the text is inert.
cat >"$T/inert" <<'EOF'
#!/bin/sh
od -An -v -tx1 | awk '
{ for (i = 1; i <= NF; i++) b[n++] = $i "" }
END {
	for (i = 0; i < n; i++) {
		x = b[i]; y = b[i + 1]; z = b[i + 2]
		if ((x < "20" && x != "09" && x != "0a" && x != "0d") || x == "7f")
			print x
		else if (x == "c2" && y >= "80" && y <= "9f")
			print x y
		else if (x == "d8" && y == "9c")
			print x y
		else if (x == "e2" && y == "80" && ((z >= "8b" && z <= "8f") ||
		    (z >= "aa" && z <= "ae")))
			print x y z
		else if (x == "e2" && y == "81" && (z == "a0" ||
		    (z >= "a6" && z <= "a9")))
			print x y z
		else if (x == "ef" && y == "bb" && z == "bf")
			print x y z
	}
}'
EOF
chmod +x "$T/inert"

# h/: a record that holds hostile values, as a table merged from
# elsewhere or written by hand could.
mkdir -p "$T/h"
printf '%s\n' 'id,name,country,region,status,joined,via,notes' \
    "fr-x,${E}[2JEvil,FR,,member,2024-05-20,2024-05-x,${E}]8;;http://evil.example/${E}\\click${E}]8;;${E}\\" \
    "fr-y,${RLO}lyon,FR,,prospect,,,${NEL}bel${BEL}" \
    "fr-z,${ZWSP},FR,,prospect,,,ok" >"$T/h/cities.csv"
printf '%s\n' 'id,name,series,kind,start,end,city,status,url,notes' \
    "2024-05-x,Meet${BEL},,,2024-05-20,,fr-x,held,," >"$T/h/events.csv"
printf '%s\n' 'event,city,role,notes' '2024-05-x,fr-x,host,' \
    >"$T/h/attendance.csv"
printf '%s\n' 'event,organisation,sector,notes' \
    "2024-05-x,Org${E}[31mRed,gov," >"$T/h/partners.csv"
printf '%s\n' 'id,action,event,city,owner,due,status,created,closed,notes' \
    "1,Call${E}[1A back,2024-05-x,fr-x,bob${RLO},2024-05-25,open,2024-05-20,," \
    >"$T/h/followups.csv"

# --- shown visibly --------------------------------------------------------

t 'show: every field, its events and follow-ups, shown visibly' \
  'sc-cities -D h show fr-x'
out <<'EOF'
id         fr-x
name       \e[2JEvil
country    FR
region     
status     member
joined     2024-05-20
via        2024-05-x
notes      \e]8;;http://evil.example/\e\click\e]8;;\e\
events:
  event      role  start       name
  2024-05-x  host  2024-05-20  Meet\a
follow-ups:
  id  status  due         owner        action
  1   open    2024-05-25  bob<U+202E>  Call\e[1A back
EOF

t 'show: C1, bidi override and BEL shown visibly' \
  'sc-cities -D h show fr-y'
out <<'EOF'
id         fr-y
name       <U+202E>lyon
country    FR
region     
status     prospect
joined     
via        
notes      <U+0085>bel\a
events:
follow-ups:
EOF

t 'show of an event: cities, partner names and actions shown visibly' \
  'sc-events -D h show 2024-05-x'
out <<'EOF'
id         2024-05-x
name       Meet\a
series     
kind       
start      2024-05-20
end        
city       fr-x
status     held
url        
notes      
cities:
  city  role  name
  fr-x  host  \e[2JEvil
partners:
  organisation  sector
  Org\e[31mRed  gov
follow-ups:
  id  status  due         city       owner        action
  1   open    2024-05-25  \e[2JEvil  bob<U+202E>  Call\e[1A back
EOF

t '-o table: cells shown visibly, widths those of what is shown' \
  'sc-cities -D h list -o table'
out <<'EOF'
id    name          country  region  status    joined      via        notes
fr-x  \e[2JEvil     FR               member    2024-05-20  2024-05-x  \e]8;;http://evil.example/\e\click\e]8;;\e\
fr-y  <U+202E>lyon  FR               prospect                         <U+0085>bel\a
fr-z  <U+200B>      FR               prospect                         ok
EOF

printf 'id,name,country,status,x%s[2Jy,%sz\nfr-a,A,FR,prospect,v,w\n' \
    "$E" "$RLO" >"$T/hdr.csv"
t '-o table: a hostile -i file'"'"'s column names shown visibly' \
  'sc-cities list -i hdr.csv -o table -c id,x\\e[2Jy' 
status 2
err "sc-cities: unknown column 'x\\e[2Jy'; did you mean 'x\\e[2Jy'? columns are: id, name, country, status, x\\e[2Jy, <U+202E>z, region, joined, via, notes"

t '-o table: ... and its header, aligned on what is shown' \
  'sc-cities list -i hdr.csv -o table'
out <<'EOF'
id    name  country  status    x\e[2Jy  <U+202E>z  region  joined  via  notes
fr-a  A     FR       prospect  v        w
EOF

t 'report: owner, action and names shown visibly' \
  'sc-followups -D h report | grep -e bob -e "#1" -e "late;"'
out <<'EOF'
  bob<U+202E>
    #1 Call\e[1A back
       due 2024-05-25, 7 days late; city \e[2JEvil (fr-x); event Meet\a (2024-05-x)
EOF

t 'report -o md: shown visibly, then escaped for Markdown' \
  'sc-followups -D h report -o md | grep -e bob -e "#1"'
out <<'EOF'
### bob\<U+202E\>
- **#1** Call\\e\[1A back (due 2024-05-25, 7 days late; city \\e\[2JEvil (fr-x); event Meet\\a (2024-05-x))
EOF

for how in 'sc-cities -D h show fr-x fr-y fr-z' 'sc-cities -D h list -o table' \
    'sc-events -D h show 2024-05-x' 'sc-events -D h partners 2024-05-x -o table' \
    'sc-followups -D h list -o table' 'sc-followups -D h report' \
    'sc-followups -D h report -o md' 'sc-cities -D h check' \
    'sc-events -D h check' 'sc-followups -D h check'; do
	t "nothing that acts on a terminal: $how" "$how 2>&1 | ./inert"
	out </dev/null
done

# A real terminal: the output as script(1) records it from a pty, where
# -o table is the default.
for how in 'sc-cities -D h show fr-x' 'sc-cities -D h show fr-y' \
    'sc-cities -D h list' 'sc-events -D h show 2024-05-x' \
    'sc-followups -D h list' 'sc-followups -D h report' \
    'sc-cities -D h show nowhere'; do
	t "a terminal gets no control: script -qc '$how'" \
	  "script -qc '$how' /dev/null | ./inert"
	out </dev/null
done

t 'a terminal: script -qc records the escape as \e' \
  "script -qc 'sc-cities -D h show fr-x' /dev/null | tr -d '\\r' | sed -n 2p"
out <<'EOF'
name       \e[2JEvil
EOF

# --- messages -------------------------------------------------------------

t 'a message quoting a bad date shows it visibly' \
  "sc-events -D h list --from \"\$(printf '\\033]0;PWN\\007')\""
status 2
err 'sc-events: --from: invalid date '"'"'\e]0;PWN\a'"'"' (want YYYY-MM-DD, YYYY-MM, YYYY, today or +/-N[dwmy])'

t 'a message quoting an unknown name shows it visibly' \
  "sc-cities -D h show \"\$(printf 'a\\033[2Jb\\342\\200\\256c')\""
status 3
err 'sc-cities: unknown city '"'"'a\e[2Jb<U+202E>c'"'"

t 'a message quoting a bad option shows it visibly' \
  "sc-cities \"\$(printf -- '--\\033[2J')\" 2>&1 | head -1"
out <<'EOF'
sc-cities: unknown option '--\e[2J' (try --help)
EOF

t 'a bad short option too: not quoted at all' \
  "sc-cities \"\$(printf -- '-\\033')\" 2>&1 | head -1"
out <<'EOF'
sc-cities: unknown option (try --help)
EOF

t 'option messages: a missing argument' \
  'sc-cities --data 2>&1 | head -1; sc-cities -D 2>&1 | head -1'
out <<'EOF'
sc-cities: option '--data' needs a value
sc-cities: option '-D' needs a value
EOF

t 'option messages: ambiguous, no argument allowed' \
  'sc-cities --n 2>&1 | head -1; sc-cities --help=x 2>&1 | head -1'
out <<'EOF'
sc-cities: option '--n' is ambiguous: --no-header, --name, --notes
sc-cities: option '--help' takes no value
EOF

t 'check names each bad value, file:line: column, shown visibly' \
  'sc-cities -D h check'
status 1
err "sc-cities: h/cities.csv:2: name: control character \\e in '\\e[2JEvil'
sc-cities: h/cities.csv:2: notes: control character \\e in '\\e]8;;http://evil.example/\\e\\click\\e]8;;\\e\\'
sc-cities: h/cities.csv:3: name: invisible character <U+202E> in '<U+202E>lyon'
sc-cities: h/cities.csv:3: notes: control character <U+0085> in '<U+0085>bel\\a'
sc-cities: h/cities.csv:4: name: invisible character <U+200B> in '<U+200B>'"

t 'check of events, partners and follow-ups' \
  'sc-events -D h check; sc-followups -D h check'
status 1
err "sc-events: h/events.csv:2: name: control character \\a in 'Meet\\a'
sc-events: h/partners.csv:2: organisation: control character \\e in 'Org\\e[31mRed'
sc-followups: h/followups.csv:2: action: control character \\e in 'Call\\e[1A back'
sc-followups: h/followups.csv:2: owner: invisible character <U+202E> in 'bob<U+202E>'"

# --- lossless -------------------------------------------------------------

for tab in cities events followups; do
	t "csv is byte for byte the table: $tab" \
	  "sc-$tab -D h list >o.csv && cmp o.csv h/$tab.csv"
	t "tsv reads back byte for byte: $tab" \
	  "sc-$tab -D h list -o tsv | sc-$tab list -i - --input-format tsv >o.csv && cmp o.csv h/$tab.csv"
done
t 'csv is byte for byte the table: partners' \
  'sc-events -D h partners 2024-05-x >o.csv && cmp o.csv h/partners.csv'

t 'json holds the exact bytes' \
  'sc-cities -D h list -o json | jq -j ".name, \"|\", .notes, \"\\n\"" >o.txt &&
   printf "%s\n" "$(printf "\\033[2JEvil|\\033]8;;http://evil.example/\\033\\\\click\\033]8;;\\033\\\\")" \
       "$(printf "\\342\\200\\256lyon|\\302\\205bel\\007")" \
       "$(printf "\\342\\200\\213|ok")" | cmp - o.txt'

t 'show -o json holds the exact bytes' \
  'sc-events -D h show 2024-05-x -o json | jq -j ".name, .partners[0].organisation" | od -An -c | tr -s " "'
out <<'EOF'
 M e e t \a O r g 033 [ 3 1 m R e d
EOF

# --- refused where they have no place -------------------------------------

seed_dir d
snapshot d

t 'add: a name with ESC is refused, the character shown' \
  "sc-cities -D d add \"\$(printf '\\033[2JParis')\" --country FR"
status 3
err "sc-cities: name: control character \\e in '\\e[2JParis'
sc-cities: 1 problem; nothing written"
unchanged d

t 'add: a name of U+200B alone is refused' \
  "sc-cities -D d add \"\$(printf '\\342\\200\\213')\" --country FR"
status 3
err "sc-cities: name: invisible character <U+200B> in '<U+200B>'
sc-cities: 1 problem; nothing written"
unchanged d

t 'add: a name of spaces alone is refused (trimmed, it is empty)' \
  "sc-cities -D d add '   ' --country FR"
status 3
err "sc-cities: name: required value is empty
sc-cities: 1 problem; nothing written"
unchanged d

t 'add: a name of a no-break space and U+2060 is refused' \
  "sc-cities -D d add \"\$(printf '\\302\\240\\342\\201\\240')\" --country FR"
status 3
err "sc-cities: name: invisible character <U+2060> in '<U+2060>'
sc-cities: 1 problem; nothing written"
unchanged d

t 'add: a name with a tab is refused' \
  "sc-cities -D d add \"\$(printf 'Le\\tMans')\" --country FR"
status 3
err "sc-cities: name: control character \\t in 'Le\\tMans'
sc-cities: 1 problem; nothing written"
unchanged d

t 'add: a bidi override in the country is refused' \
  "sc-cities -D d add X --country \"\$(printf 'F\\342\\200\\256R')\" 2>&1 | grep country"
out <<'EOF'
sc-cities: country: unknown country code 'F<U+202E>R' (ISO 3166-1 alpha-2, upper case)
EOF
unchanged d

t 'add: a region with C1 is refused' \
  "sc-cities -D d add X --country US --region \"\$(printf 'US-OH\\302\\233')\""
status 3
err "sc-cities: region: 'US-OH<U+009B>' is not an ISO 3166-2 region of US
sc-cities: 1 problem; nothing written"
unchanged d

t 'add: an id with ESC is refused' \
  "sc-cities -D d add X --country FR --id \"\$(printf 'fr-\\033x')\""
status 3
err "sc-cities: id: invalid id 'fr-\\ex' (lower-case letters, digits and '-')
sc-cities: 1 problem; nothing written"
unchanged d

t 'add: notes with an OSC 8 link are refused' \
  "sc-cities -D d add X --country FR --notes \"\$(printf '\\033]8;;http://e/\\033\\\\x')\""
status 3
err "sc-cities: notes: control character \\e in '\\e]8;;http://e/\\e\\x'
sc-cities: 1 problem; nothing written"
unchanged d

t 'add: notes with BEL are refused' \
  "sc-cities -D d add X --country FR --notes \"\$(printf 'a\\007')\""
status 3
err "sc-cities: notes: control character \\a in 'a\\a'
sc-cities: 1 problem; nothing written"
unchanged d

t 'set: a name with U+0085 is refused' \
  "sc-cities -D d set fr-dijon --name \"\$(printf 'Di\\302\\205jon')\""
status 3
err "sc-cities: d/cities.csv:4: name: control character <U+0085> in 'Di<U+0085>jon'
sc-cities: 1 problem; nothing written"
unchanged d

t 'set --field: a name with ESC is refused' \
  "sc-events -D d set 2024-05-strasbourg --field \"name=\$(printf 'W\\033[2J')\""
status 3
err "sc-events: d/events.csv:2: name: control character \\e in 'W\\e[2J'
sc-events: 1 problem; nothing written"
unchanged d

t 'events add: a name with U+202E is refused' \
  "sc-events -D d add \"\$(printf 'Summit \\342\\200\\256x')\" --start 2024-09"
status 3
err "sc-events: name: invisible character <U+202E> in 'Summit <U+202E>x'
sc-events: 1 problem; nothing written"
unchanged d

t 'events add: a series with ESC is refused' \
  "sc-events -D d add Summit --start 2024-09 --series \"\$(printf 'S\\033[1m')\""
status 3
err "sc-events: series: control character \\e in 'S\\e[1m'
sc-events: 1 problem; nothing written"
unchanged d

t 'partner: an organisation with ESC is refused' \
  "sc-events -D d partner 2024-05-strasbourg \"\$(printf 'Org\\033[31m')\""
status 3
err "sc-events: organisation: control character \\e in 'Org\\e[31m'
sc-events: 1 problem; nothing written"
unchanged d

t 'partner: an organisation of U+200B alone is refused' \
  "sc-events -D d partner 2024-05-strasbourg \"\$(printf '\\342\\200\\213')\""
status 3
err "sc-events: organisation: invisible character <U+200B> in '<U+200B>'
sc-events: 1 problem; nothing written"
unchanged d

t 'attend: notes with ESC are refused' \
  "sc-events -D d attend 2024-05-strasbourg fr-dijon --notes \"\$(printf '\\033[2J')\""
status 3
err "sc-events: d/attendance.csv:4: notes: control character \\e in '\\e[2J'
sc-events: 1 problem; nothing written"
unchanged d

t 'follow-ups add: an action with ESC is refused' \
  "sc-followups -D d add \"\$(printf 'Call\\033[1A')\""
status 3
err "sc-followups: action: control character \\e in 'Call\\e[1A'
sc-followups: 1 problem; nothing written"
unchanged d

t 'follow-ups add: an owner with U+202E is refused' \
  "sc-followups -D d add Call --owner \"\$(printf 'bob\\342\\200\\256')\""
status 3
err "sc-followups: owner: invisible character <U+202E> in 'bob<U+202E>'
sc-followups: 1 problem; nothing written"
unchanged d

printf '%s\n' 'name,country,notes' 'Ok,FR,' "${E}[2JBad,FR," \
    "Also${ZWSP}bad,DE," >"$T/imp.csv"
t 'import: rows with such names are rejected, file:line' \
  'sc-cities -D d import imp.csv'
status 3
err "sc-cities: imp.csv:3: name: control character \\e in '\\e[2JBad'
sc-cities: imp.csv:4: name: invisible character <U+200B> in 'Also<U+200B>bad'
sc-cities: import: 1 added, 0 skipped, 2 rejected
sc-cities: import: nothing written (--skip-invalid adds the valid rows)"
unchanged d

# Notes and actions are text: they may hold tabs and line ends, and the
# marks that order mixed scripts, shown visibly where a person reads.
seed_dir n
t 'notes may hold a tab, a newline and an RLM' \
  "sc-cities -D n add Nice --country FR --notes \"\$(printf 'a\\tb\\nc \\342\\200\\217d')\" -o json | jq -j .notes | od -An -c | tr -s ' '"
out <<'EOF'
 a \t b \n c 342 200 217 d
EOF

t '... shown visibly by show' \
  'sc-cities -D n show fr-nice | grep notes'
out <<'EOF'
notes      a\tb\nc <U+200F>d
EOF

t 'an action may hold a newline' \
  "sc-followups -D n add \"\$(printf 'Call\\nback')\" -o tsv -c action -H"
out <<'EOF'
Call\nback
EOF

# A joiner where a script needs it is text: the capital of Sri Lanka in
# Sinhala has a zero-width joiner after a virama.
KOTTE=$(printf '\340\266\201\340\267\212\342\200\215\340\266\273\340\267\223')
t 'a zero-width joiner after a virama is accepted and shown as it is' \
  "sc-cities -D n add '$KOTTE' --country LK --id lk-kotte -o table -c name | tail -1 | od -An -tx1 | tr -s ' '"
out <<'EOF'
 e0 b6 81 e0 b7 8a e2 80 8d e0 b6 bb e0 b7 93 0a
EOF
err "sc-cities: add: $KOTTE, LK: not in the gazetteer; added without coordinates (give them with --lat and --lon)"

t 'a zero-width joiner after ASCII is refused' \
  "sc-cities -D n add \"\$(printf 'Ko\\342\\200\\215tte')\" --country LK"
status 3
err "sc-cities: name: invisible character <U+200D> in 'Ko<U+200D>tte'
sc-cities: 1 problem; nothing written"

# --- --safe with tsv ------------------------------------------------------

seed_dir s
sc-cities -D "$T/s" add Formula --country FR --notes '=1+1' >/dev/null 2>&1
sc-cities -D "$T/s" add Minus --country FR --notes '-2' >/dev/null 2>&1
t '--safe defuses formulas in tsv, whole rows' \
  'sc-cities -D s list -o tsv --safe | tail -2'
out <<'EOF'
fr-formula	Formula	FR		prospect			'=1+1		
fr-minus	Minus	FR		prospect			'-2		
EOF

t '--safe defuses formulas in tsv, chosen columns' \
  'sc-cities -D s list -o tsv --safe -c id,notes -H | tail -2'
out <<'EOF'
fr-formula	'=1+1
fr-minus	'-2
EOF

t 'without --safe tsv is as stored' \
  'sc-cities -D s list -o tsv -c notes -H | tail -2'
out <<'EOF'
=1+1
-2
EOF

# --- names fold alike for matching, duplicates and slugs -----------------

seed_dir f
sc-cities -D "$T/f" add 'Łódź' --country PL >/dev/null
sc-cities -D "$T/f" add 'Diyarbakır' --country TR >/dev/null
sc-cities -D "$T/f" add 'Þórshöfn' --country IS >/dev/null 2>&1
sc-cities -D "$T/f" add 'Ærøskøbing' --country DK >/dev/null

t '--name lodz finds Łódź' 'sc-cities -D f list --name lodz -c id,name -H'
out <<'EOF'
pl-lodz,Łódź
EOF

t 'show diyarbakir finds Diyarbakır' \
  'sc-cities -D f show diyarbakir -o csv -c id -H'
out <<'EOF'
tr-diyarbakir
EOF

t '--name thorshofn finds Þórshöfn; aeroskobing finds Ærøskøbing' \
  'sc-cities -D f list --name thorshofn -c id -H; sc-cities -D f show aeroskobing -c id -H -o csv'
out <<'EOF'
is-thorshofn
dk-aeroskobing
EOF

t '--name ŁÓDŹ (capitals) finds Łódź' \
  'sc-cities -D f list --name ŁÓDŹ -c id -H'
out <<'EOF'
pl-lodz
EOF

snapshot f
t 'add Lodz is a duplicate of Łódź, exit 3' \
  'sc-cities -D f add Lodz --country PL'
status 3
err "sc-cities: f/cities.csv:12: 'Lodz' is already pl-lodz; use --force to add it anyway"
unchanged f

t 'add DIYARBAKIR is a duplicate of Diyarbakır' \
  'sc-cities -D f add DIYARBAKIR --country TR'
status 3
err "sc-cities: f/cities.csv:13: 'DIYARBAKIR' is already tr-diyarbakir; use --force to add it anyway"
unchanged f

t 'add Lodz --force adds it, with the next slug' \
  'sc-cities -D f add Lodz --country PL --force -c id -H'
out <<'EOF'
pl-lodz-2
EOF

printf '%s\n' 'name,country' 'Lodz,PL' 'Gdańsk,PL' >"$T/pl.csv"
t 'import skips Lodz as a duplicate of Łódź' \
  'sc-cities -D f import pl.csv && sc-cities -D f list --country PL -c id -H'
err 'sc-cities: import: 1 added, 1 skipped, 0 rejected'
out <<'EOF'
pl-lodz
pl-lodz-2
pl-gdansk
EOF

t 'partner: an organisation folded alike is the same partner' \
  'sc-events -D f partner 2024-05-strasbourg "Łódź Office" >/dev/null &&
   sc-events -D f partner 2024-05-strasbourg "LODZ office" --sector x >/dev/null &&
   sc-events -D f partners 2024-05-strasbourg -c organisation,sector -H | grep -i office'
out <<'EOF'
Łódź Office,x
EOF

t 'slugs are unchanged for the letters they spelt before' \
  'for n in Łódź Diyarbakır Straße Œuvre Ærø Þingvellir Đakovo Sæby Ħamrun; do
	sc-cities -D f add "$n" --country FR --force -n -c id -H
   done'
out <<'EOF'
fr-lodz
fr-diyarbakir
fr-strasse
fr-oeuvre
fr-aero
fr-thingvellir
fr-dakovo
fr-saeby
fr-hamrun
EOF
err "sc-cities: add: Łódź, FR: not in the gazetteer; added without coordinates (give them with --lat and --lon)
sc-cities: add: Diyarbakır, FR: not in the gazetteer; added without coordinates (give them with --lat and --lon)
sc-cities: add: Straße, FR: not in the gazetteer; added without coordinates (give them with --lat and --lon)
sc-cities: add: Œuvre, FR: not in the gazetteer; added without coordinates (give them with --lat and --lon)
sc-cities: add: Ærø, FR: not in the gazetteer; added without coordinates (give them with --lat and --lon)
sc-cities: add: Þingvellir, FR: not in the gazetteer; added without coordinates (give them with --lat and --lon)
sc-cities: add: Đakovo, FR: not in the gazetteer; added without coordinates (give them with --lat and --lon)
sc-cities: add: Sæby, FR: not in the gazetteer; added without coordinates (give them with --lat and --lon)
sc-cities: add: Ħamrun, FR: not in the gazetteer; added without coordinates (give them with --lat and --lon)"
