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
  2024-05-x  host  2024-05-20  Meet\a
follow-ups:
  1  open  due 2024-05-25  Call\e[1A back
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
  fr-x  host  \e[2JEvil
partners:
  Org\e[31mRed  gov
follow-ups:
  1  open  due 2024-05-25  Call\e[1A back
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
err "sc-cities: unknown column 'x\\e[2Jy'; columns are: id, ..."

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
err 'sc-events: --from: invalid date '"'"'\e]0;PWN\a'"'"

t 'a message quoting an unknown name shows it visibly' \
  "sc-cities -D h show \"\$(printf 'a\\033[2Jb\\342\\200\\256c')\""
status 3
err 'sc-cities: unknown city '"'"'a\e[2Jb<U+202E>c'"'"

t 'a message quoting a bad option shows it visibly' \
  "sc-cities \"\$(printf -- '--\\033[2J')\" 2>&1 | head -1"
out <<'EOF'
sc-cities: unrecognized option '--\e[2J'
EOF

t 'a bad short option too' \
  "sc-cities \"\$(printf -- '-\\033')\" 2>&1 | head -1"
out <<'EOF'
sc-cities: invalid option -- '\e'
EOF

t 'getopt messages keep their wording: a missing argument' \
  'sc-cities --data 2>&1 | head -1; sc-cities -D 2>&1 | head -1'
out <<'EOF'
sc-cities: option '--data' requires an argument
sc-cities: option requires an argument -- 'D'
EOF

t 'getopt messages keep their wording: ambiguous, no argument allowed' \
  'sc-cities --n 2>&1 | head -1; sc-cities --help=x 2>&1 | head -1'
out <<'EOF'
sc-cities: option '--n' is ambiguous; possibilities: '--no-header' '--name' '--notes'
sc-cities: option '--help' doesn't allow an argument
EOF

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

# --- --safe with tsv ------------------------------------------------------

seed_dir s
sc-cities -D "$T/s" add Formula --country FR --notes '=1+1' >/dev/null
sc-cities -D "$T/s" add Minus --country FR --notes '-2' >/dev/null
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
sc-cities -D "$T/f" add 'Þórshöfn' --country IS >/dev/null
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
