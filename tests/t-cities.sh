# t-cities.sh: sc-cities, verb by verb, and its failure paths.

t 'list: the seed cities, as CSV when stdout is not a terminal' \
  'sc-cities | head -3'
out <<'X'
id,name,country,region,status,joined,via,notes,lat,lon
fr-strasbourg,Strasbourg,FR,,member,,,,48.584,7.746
fr-cernay,Cernay,FR,,introduced,2024-05-15,2024-05-strasbourg,,47.810,7.177
X

t 'list --via: the seven cities the Strasbourg workshop introduced' \
  'sc-cities list --via 2024-05-strasbourg -o json | jq -r .name'
out <<'X'
Cernay
Dijon
Mittelhausbergen
Montpellier
Kalamaria
Kordelio-Evosmos
Murcia
X

t 'list --country takes a list, in either case; -o tsv -c picks columns' \
  'sc-cities list --country fr,GR -o tsv -c id,name,joined'
out <<'X'
id	name	joined
fr-strasbourg	Strasbourg	
fr-cernay	Cernay	2024-05-15
fr-dijon	Dijon	2024-05-15
fr-mittelhausbergen	Mittelhausbergen	2024-05-15
fr-montpellier	Montpellier	2024-05-15
gr-kalamaria	Kalamaria	2024-05-15
gr-kordelio-evosmos	Kordelio-Evosmos	2024-05-15
X

t 'list --region' 'sc-cities list --region us-oh -c id -H'
out <<'X'
us-columbus-oh
X

t 'list --status takes a list' 'sc-cities list --status member,prospect -c id -H'
out <<'X'
fr-strasbourg
us-columbus-oh
za-cape-town
X

t 'list --joined-since and --joined-before bound the joined date' \
  'sc-cities list --joined-since 2024-05-15 --joined-before 2024-05-16 -o json'
out_jq 'length == 7 and all(.[]; .joined == "2024-05-15")'

t 'list --joined-before excludes the day itself' \
  'sc-cities list --joined-before 2024-05-15 -c id -H'
out <<'X'
X

t 'list --joined-since takes a reduced date: 2024 is from 1 January' \
  'sc-cities list --joined-since 2024 -o json'
out_jq 'length == 7'

t 'list --joined-since takes a relative date' \
  'sc-cities list --joined-since -1y --today 2025-05-14 -o json'
out_jq 'length == 7'

t 'list --joined-since: a relative date a year and a day later misses them' \
  'sc-cities list --joined-since -1y --today 2025-05-16 -o json'
out <<'X'
X

t 'list --via takes an event by name too' \
  'sc-cities list --via "elevating the role" -o json'
out_jq 'length == 7'

t 'list --attended joins attendance' \
  'sc-cities list --attended 2024-05-strasbourg -o json | jq -r .id'
out <<'X'
fr-strasbourg
fr-cernay
fr-dijon
fr-mittelhausbergen
fr-montpellier
gr-kalamaria
gr-kordelio-evosmos
es-murcia
X

t 'list --name is a case- and accent-blind substring' \
  'sc-cities list --name KORDELIO -c name -H'
out <<'X'
Kordelio-Evosmos
X

t 'list --without-followups: cities no open or done follow-up names' \
  'sc-cities list --without-followups -c id -H'
out <<'X'
fr-strasbourg
X

t 'list: filters combine' \
  'sc-cities list --country GR --name kala -c id -H'
out <<'X'
gr-kalamaria
X

t 'list -o json: JSON Lines, keys in column order, strings' \
  'sc-cities list -o json | head -1'
out <<'X'
{"id":"fr-strasbourg","name":"Strasbourg","country":"FR","region":"","status":"member","joined":"","via":"","notes":"","lat":"48.584","lon":"7.746"}
X

t 'list -o table aligns by display width and ends no line in spaces' \
  'sc-cities list -o table -c id,name,region --country US,ZA'
out <<'X'
id              name       region
us-columbus-oh  Columbus   US-OH
za-cape-town    Cape Town
X

t 'list -H drops the header' 'sc-cities list -H --country ES'
out <<'X'
es-murcia,Murcia,ES,,introduced,2024-05-15,2024-05-strasbourg,,37.987,-1.130
X

t 'list --crlf --bom for spreadsheets' \
  'sc-cities list --crlf --bom --country ES | od -c | head -2'
out <<'X'
0000000 357 273 277   i   d   ,   n   a   m   e   ,   c   o   u   n   t
0000020   r   y   ,   r   e   g   i   o   n   ,   s   t   a   t   u   s
X

t 'list --crlf ends lines with CRLF' \
  'sc-cities list --crlf --country ES -c id | od -c'
out <<'X'
0000000   i   d  \r  \n   e   s   -   m   u   r   c   i   a  \r  \n
0000017
X

t_in 'list --safe defuses formulas' \
  'sc-cities list -i - --safe -c name,notes' \
  'id,name,country,status,notes
fr-x,=HYPERLINK(1),FR,prospect,-2+3
'
out <<'X'
name,notes
'=HYPERLINK(1),'-2+3
X

t_in 'list -i - reads CSV rows from stdin and keeps extra columns' \
  'sc-cities list -i - --country GR' \
  'id,name,country,region,status,joined,via,notes,role
gr-kalamaria,Kalamaria,GR,,introduced,2024-05-15,2024-05-strasbourg,,participant
fr-dijon,Dijon,FR,,introduced,2024-05-15,2024-05-strasbourg,,participant
'
out <<'X'
id,name,country,region,status,joined,via,notes,role
gr-kalamaria,Kalamaria,GR,,introduced,2024-05-15,2024-05-strasbourg,,participant
X

t 'list -i - reads TSV from stdin, guessed from the header' \
  'sc-cities list -o tsv | sc-cities list -i - --country ES -o json'
out_jq 'length == 1 and .[0].id == "es-murcia"'

t 'list -i FILE.tsv: TSV escapes read back' \
  'printf "id\tname\tcountry\tstatus\tnotes\nfr-a\tA\tFR\tprospect\tline\\\\none\\\\ttab\\\\\\\\x\n" > in.tsv && sc-cities list -i in.tsv -o json | jq -r .notes'
out <<'X'
line
one	tab\x
X

t 'list -o tsv escapes tab, newline, CR and backslash' \
  'printf "id,name,country,status,notes\nfr-a,A,FR,prospect,\"a\tb\nc\\\\d\"\n" | sc-cities list -i - -o tsv -c notes -H'
out <<'X'
a\tb\nc\\d
X

t 'list --input-format tsv forces TSV' \
  'printf "id\tname\tcountry\tstatus\nfr-a\tA,B\tFR\tprospect\n" | sc-cities list -i - --input-format tsv -c name -H'
out <<'X'
"A,B"
X

t 'list -D DIR reads the data directory' \
  'mkdir -p d1 && printf "id,name,country,status\nfr-a,A,FR,member\n" > d1/cities.csv && sc-cities -D d1 -o json'
out_jq 'length == 1 and .[0].notes == "" and .[0].status == "member"'

t 'list: SC_DATA names the data directory' \
  'SC_DATA=d1 sc-cities list -c id -H'
out <<'X'
fr-a
X

t 'list: a missing table is an empty table' \
  'mkdir -p empty && sc-cities -D empty'
out <<'X'
id,name,country,region,status,joined,via,notes
X

t 'list: options may come after the verb or before it' \
  'sc-cities -c id list -H --country ES'
out <<'X'
es-murcia
X

# --- CSV reading edge cases ---------------------------------------------

t 'csv: BOM, CRLF, quoted commas, quotes and newlines, spaces kept' \
  'printf "\357\273\277id,name,country,status,notes\r\nfr-a, A ,FR,prospect,\"x, \"\"y\"\"\r\nz\"\r\n\r\nfr-b,Le \"Petit\" Pont,FR,prospect,\r\n" | sc-cities list -i - -o json'
out <<'X'
{"id":"fr-a","name":" A ","country":"FR","status":"prospect","notes":"x, \"y\"\r\nz","region":"","joined":"","via":""}
{"id":"fr-b","name":"Le \"Petit\" Pont","country":"FR","status":"prospect","notes":"","region":"","joined":"","via":""}
X

t 'csv: a last line without a newline is read' \
  'printf "id,name,country,status\nfr-a,A,FR,prospect" | sc-cities list -i - -c id -H'
out <<'X'
fr-a
X

t 'csv: fields that need quotes are quoted on output, others not' \
  'printf "id,name,country,status,notes\nfr-a,\" lead\",FR,prospect,\"a,b\"\n" | sc-cities list -i - -c name,notes -H'
out <<'X'
" lead","a,b"
X

t 'csv: an unterminated quote names the line its record starts on' \
  'printf "id,name,country,status\nfr-a,A,FR,prospect\nfr-b,\"B\nC,FR,prospect\n" | sc-cities list -i -'
status 3
err 'sc-cities: stdin:3: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'

t 'csv: a ragged row' \
  'printf "id,name,country,status\nfr-a,A,FR\n" > r.csv && sc-cities list -i r.csv'
status 3
err 'sc-cities: r.csv:2: 3 fields where the header has 4: one too few: a line break in an unquoted field, or a missing comma?'

t 'csv: the line of a record after a quoted newline' \
  'printf "id,name,country,status,notes\nfr-a,A,FR,prospect,\"1\n2\n3\"\n\nfr-b,B,FR\n" | sc-cities list -i -'
status 3
err 'sc-cities: stdin:6: 3 fields where the header has 5: 2 too few: a line break in an unquoted field, or a missing comma?'

t 'csv: invalid UTF-8' \
  'printf "id,name,country,status\nfr-a,A\377,FR,prospect\n" | sc-cities list -i -'
status 3
err 'sc-cities: stdin:2: invalid UTF-8'

t 'csv: a NUL byte' \
  'printf "id,name,country,status\nfr-a,A\000B,FR,prospect\n" | sc-cities list -i -'
status 3
err 'sc-cities: stdin:2: NUL byte'

t 'csv: a duplicate header' \
  'printf "id,name,country,status,name\n" | sc-cities list -i -'
status 3
err "sc-cities: stdin:1: duplicate column 'name'"

t 'csv: a missing required header' \
  'printf "id,name,status\n" | sc-cities list -i -'
status 3
err "sc-cities: stdin:1: missing required column 'country'"

t 'csv: CR-only line ends count as lines' \
  'printf "id,name,country,status\rfr-a,A,FR,prospect\rfr-b,B\r" | sc-cities list -i -'
status 3
err 'sc-cities: stdin:3: 2 fields where the header has 4: 2 too few: a line break in an unquoted field, or a missing comma?'

t 'csv: a malformed data table is an error in list too' \
  'mkdir -p bad && printf "id,name,country,status\nfr-a,\"A,FR,prospect\n" > bad/cities.csv && sc-cities -D bad'
status 3
err 'sc-cities: bad/cities.csv:2: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'

# --- show ---------------------------------------------------------------

t 'show: text, the events attended and the follow-ups' \
  'sc-cities show dijon'
out <<'X'
id         fr-dijon
name       Dijon
country    FR
region     
status     introduced
joined     2024-05-15
via        2024-05-strasbourg
notes      
lat        47.317
lon        5.017
events:
  event               role         start       name
  2024-05-strasbourg  participant  2024-05-14  Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy
follow-ups:
  id  status  due  owner  action
  2   open                Invite to future city-to-city learning
X

t 'show -o json: one object per city with events and followups' \
  'sc-cities show kordelio strasbourg -o json'
out_jq 'length == 2 and .[0].id == "gr-kordelio-evosmos" and .[0].events[0].role == "participant" and .[0].followups[0].id == "6" and .[1].events[0].role == "host" and .[1].followups == []'

t 'show -o csv: the rows' 'sc-cities show es-murcia us-columbus-oh -o csv -c id'
out <<'X'
id
es-murcia
us-columbus-oh
X

t 'show -: ids piped in (the city column wins over id)' \
  'printf "id,city\nx,fr-cernay\n" | sc-cities show - -o csv -c name -H'
out <<'X'
Cernay
X

t 'show: an unknown city' 'sc-cities show atlantis'
status 3
err "sc-cities: unknown city 'atlantis'"

t 'show: an ambiguous name lists the ids' 'sc-cities show er'
status 3
err "sc-cities: city name 'er' is ambiguous: fr-cernay, fr-mittelhausbergen, fr-montpellier; give an id"

t 'show needs a city' 'sc-cities show'
status 2
err_has 'usage: sc-cities'

# --- add ----------------------------------------------------------------

mkdir -p "$T/net"

t 'add: refused on the read-only seeds, saying how to name a directory' \
  'sc-cities add Lyon --country FR'
status 2
err_has 'the built-in seed data is read-only; name a data directory with -D DIR or SC_DATA=DIR'

t 'add: the first write creates the table with its header; prints the row' \
  'sc-cities -D net add Montréal --country ca --region ca-qc --status member --today 2024-06-01 && cat net/cities.csv'
out <<'X'
id,name,country,region,status,joined,via,notes
ca-montreal,Montréal,CA,CA-QC,member,2024-06-01,,
id,name,country,region,status,joined,via,notes
ca-montreal,Montréal,CA,CA-QC,member,2024-06-01,,
X

snapshot net
t 'add: a duplicate by folded name and country is refused' \
  'sc-cities -D net add MONTREAL --country CA'
status 3
err "sc-cities: net/cities.csv:2: 'MONTREAL' is already ca-montreal; use --force to add it anyway"
unchanged net

t 'add --force adds it anyway, with a numbered id' \
  'sc-cities -D net add MONTREAL --country CA --force -o json'
out_jq '.[0].id == "ca-montreal-2" and .[0].status == "prospect" and .[0].joined == ""'

t 'add: the id clash adds the region, then a number' \
  'sc-cities -D net add Columbus --country US --region US-GA -c id -H &&
   sc-cities -D net add Columbus --country US --region US-OH -c id -H &&
   sc-cities -D net add Columbus --country US --region US-OH --force -c id -H'
out <<'X'
us-columbus
us-columbus-oh
us-columbus-oh-2
X

t 'add: a Columbus with no region is a duplicate of any Columbus, US' \
  'sc-cities -D net add Columbus --country US'
status 3
err_has "'Columbus' is already us-columbus"

t 'add --id, --joined, --via by name, --notes' \
  'sc-cities -D d1 add "Saint-Étienne" --country FR --id fr-st-etienne --joined 2024-05-02 --notes "met in May" -o json'
out_jq '.[0] == {"id":"fr-st-etienne","name":"Saint-Étienne","country":"FR","region":"","status":"prospect","joined":"2024-05-02","via":"","notes":"met in May"}'

t 'add: the slug drops accents' \
  'sc-cities -D d1 add "Saint-Étienne" --country FR --force -c id -H'
out <<'X'
fr-saint-etienne
X

t 'add: names are stored NFC, trimmed' \
  'sc-cities -D d1 add "$(printf "Ore\314\201") " --country FR -c name -H | od -c | head -1'
out <<'X'
0000000   O   r 303 251  \n
X

seed_dir s
snapshot s
t 'add --via takes the event by name' \
  'sc-cities -D s add Nice --country FR --via "Fifth Global" -c id,via -H'
out <<'X'
fr-nice,2024-12-cape-town
X

t 'add -n prints the row and writes nothing' \
  'sc-cities -D s add Lyon --country FR -n -c id -H && sc-cities -D s list --name lyon -c id -H'
out <<'X'
fr-lyon
X

seed_dir s
snapshot s
t 'add: an unknown country' 'sc-cities -D s add Atlantis --country ZZ'
status 3
err "sc-cities: country: unknown country code 'ZZ' (ISO 3166-1 alpha-2, upper case)
sc-cities: 1 problem; nothing written"
unchanged s

t 'add: XK (Kosovo) is a country' 'sc-cities -D s add Prishtina --country XK -n -c id -H'
out <<'X'
xk-prishtina
X
err "sc-cities: add: Prishtina, XK: not in the gazetteer; added without coordinates (give them with --lat and --lon)"

t 'add: a region of another country' 'sc-cities -D s add Lyon --country FR --region US-OH'
status 3
err_has "region: 'US-OH' is not an ISO 3166-2 region of FR"
unchanged s

t 'add: an unknown status' 'sc-cities -D s add Lyon --country FR --status maybe'
status 3
err_has "status: invalid value 'maybe' (one of: prospect, introduced, member, former)"
unchanged s

t 'add: an invalid date is a usage error' 'sc-cities -D s add Lyon --country FR --joined 2024-02-30'
status 2
err "sc-cities: --joined: invalid date '2024-02-30' (want YYYY-MM-DD, today or +/-N[dwmy])"
unchanged s

t 'add: a date that is not a date' 'sc-cities -D s add Lyon --country FR --joined tomorrowish'
status 2
err_has "invalid date 'tomorrowish'"
unchanged s

t 'add: --joined takes a relative date' \
  'sc-cities -D s add Lyon --country FR --joined -3d --today 2024-06-01 -n -c joined -H'
out <<'X'
2024-05-29
X

t 'add: an unknown event' 'sc-cities -D s add Lyon --country FR --via nowhere'
status 3
err "sc-cities: unknown event 'nowhere'"
unchanged s

t 'add: a taken id' 'sc-cities -D s add Lyon --country FR --id fr-dijon'
status 3
err "sc-cities: id 'fr-dijon' is already taken"
unchanged s

t 'add: an invalid id' 'sc-cities -D s add Lyon --country FR --id "Lyon City"'
status 3
err_has "id: invalid id 'Lyon City'"
unchanged s

t 'add: a country is required' 'sc-cities -D s add Lyon'
status 3
err_has 'country: required value is empty'
unchanged s

t 'add needs exactly one name' 'sc-cities -D s add'
status 2
err_has 'usage:'

t 'add: an option of another verb is refused' \
  'sc-cities -D s add Lyon --country FR --joined-since 2024'
status 2
err 'sc-cities: --joined-since does not apply to add'

cp "$T/bad/cities.csv" "$T/bad.before"
t 'add: a malformed table is never written over; the message points at check' \
  'sc-cities -D bad add Lyon --country FR'
status 3
err "sc-cities: bad/cities.csv:2: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it
sc-cities: nothing written; 'sc-cities check' lists the problems of cities.csv"

t 'add: ... and the table is as it was' 'cmp bad.before bad/cities.csv'

t 'set: a table with a duplicate header is never written over' \
  'mkdir -p dh && printf "id,name,country,status,id\n" > dh/cities.csv && sc-cities -D dh set x --notes y'
status 3
err "sc-cities: dh/cities.csv:1: duplicate column 'id'
sc-cities: nothing written; 'sc-cities check' lists the problems of cities.csv"

# --- set ----------------------------------------------------------------

seed_dir s
t 'set: one column, by name; quiet' \
  'sc-cities -D s set montpellier --notes "mayor keen on the spotlight" && sc-cities -D s show fr-montpellier -o csv -c notes -H'
out <<'X'
mayor keen on the spotlight
X

t 'set: rows it did not touch stay byte for byte' \
  'cp s/cities.csv before.csv && sc-cities -D s set fr-dijon --status member && diff before.csv s/cities.csv'
status 1
out <<'X'
4c4
< fr-dijon,Dijon,FR,,introduced,2024-05-15,2024-05-strasbourg,,47.317,5.017
---
> fr-dijon,Dijon,FR,,member,2024-05-15,2024-05-strasbourg,,47.317,5.017
X

t 'set: several cities, from stdin' \
  'sc-cities -D s list --country GR | sc-cities -D s set - --status member && sc-cities -D s list --status member -c id -H'
out <<'X'
fr-strasbourg
fr-dijon
gr-kalamaria
gr-kordelio-evosmos
X

t 'set --field sets a column a user added, kept in its place' \
  'mkdir -p u && printf "id,name,contact_email,country,status\nfr-a,A,,FR,member\n" > u/cities.csv && sc-cities -D u set fr-a --field contact_email=a@example.org --region FR-IDF && cat u/cities.csv'
out <<'X'
id,name,contact_email,country,status,region,joined,via,notes
fr-a,A,a@example.org,FR,member,FR-IDF,,,
X

t 'set -n prints the changed rows and writes nothing' \
  'sc-cities -D u set fr-a --notes x -n -c id,notes && cat u/cities.csv'
out <<'X'
id,notes
fr-a,x
id,name,contact_email,country,status,region,joined,via,notes
fr-a,A,a@example.org,FR,member,FR-IDF,,,
X

seed_dir s
snapshot s
t 'set --field: the id cannot change' 'sc-cities -D s set fr-dijon --field id=fr-x'
status 2
err 'sc-cities: --field: the id cannot be changed'
unchanged s

t 'set --field: an unknown column' 'sc-cities -D s set fr-dijon --field colour=blue'
status 2
err "sc-cities: --field: no column 'colour' in cities.csv"
unchanged s

t 'set --field: not COL=VALUE' 'sc-cities -D s set fr-dijon --field colour'
status 2
err "sc-cities: --field: want COL=VALUE, not 'colour'"

t 'set: an invalid value is refused, nothing written' \
  'sc-cities -D s set fr-dijon fr-cernay --country XX'
status 3
err "sc-cities: s/cities.csv:4: country: unknown country code 'XX' (ISO 3166-1 alpha-2, upper case)
sc-cities: s/cities.csv:3: country: unknown country code 'XX' (ISO 3166-1 alpha-2, upper case)
sc-cities: 2 problems; nothing written"
unchanged s

t 'set: an unknown city' 'sc-cities -D s set nowhere --notes x'
status 3
err "sc-cities: unknown city 'nowhere'"
unchanged s

t 'set --field status goes through validation' 'sc-cities -D s set fr-dijon --field status=gone'
status 3
err_has "status: invalid value 'gone'"
unchanged s

t 'set: --via "" clears a column' \
  'sc-cities -D s set fr-dijon --via "" && sc-cities -D s show fr-dijon -o csv -c via -H'
out <<'X'
""
X

t 'set: the file mode is kept' \
  'chmod 640 s/cities.csv && sc-cities -D s set fr-dijon --notes y && ls -l s/cities.csv | cut -c1-10'
out <<'X'
-rw-r-----
X

# --- rm -----------------------------------------------------------------

seed_dir s
snapshot s
t 'rm: refused while another table names the city' 'sc-cities -D s rm fr-dijon'
status 3
err 'sc-cities: s/attendance.csv:4: names fr-dijon; not removed (--force removes it anyway)'
unchanged s

t 'rm: a city nothing names is removed' \
  'sc-cities -D s add Lyon --country FR >/dev/null && sc-cities -D s rm lyon && sc-cities -D s list --name lyon'
out <<'X'
id,name,country,region,status,joined,via,notes,lat,lon
X

t 'rm --force removes it anyway, and check on events then finds it gone' \
  'sc-cities -D s rm --force za-cape-town && sc-cities -D s list -c id -H | tail -1'
out <<'X'
us-columbus-oh
X

t 'rm -n prints what it would remove' 'sc-cities -D s rm es-murcia --force -n -c id -H && sc-cities -D s show es-murcia -o csv -H -c id'
out <<'X'
es-murcia
es-murcia
X

# --- import -------------------------------------------------------------

mkdir -p "$T/imp"
printf 'City,Country,Region,Population\nLyon,FR,,500000\nParis,fr,FR-IDF,2000000\nlyon,FR,,1\nAtlantis,ZZ,,0\n,FR,,1\n' >"$T/crm.csv"
snapshot imp
t 'import: any invalid row rejects the whole import, each named' \
  'sc-cities -D imp import crm.csv --map name=City --map country=Country --map region=Region'
status 3
err "sc-cities: crm.csv:5: country: unknown country code 'ZZ' (ISO 3166-1 alpha-2, upper case)
sc-cities: crm.csv:6: name: required value is empty
sc-cities: import: 2 added, 1 skipped, 2 rejected
sc-cities: import: nothing written (--skip-invalid adds the valid rows)"
unchanged imp

t 'import --skip-invalid adds the rest; counts on stderr' \
  'sc-cities -D imp import crm.csv --map name=City --map country=Country --map region=Region --skip-invalid && cat imp/cities.csv'
out <<'X'
id,name,country,region,status,joined,via,notes
fr-lyon,Lyon,FR,,prospect,,,
fr-paris,Paris,FR,FR-IDF,prospect,,,
X
err "sc-cities: crm.csv:5: country: unknown country code 'ZZ' (ISO 3166-1 alpha-2, upper case)
sc-cities: crm.csv:6: name: required value is empty
sc-cities: import: 2 added, 1 skipped, 2 rejected"

t 'import again: everything matches, nothing added' \
  'sc-cities -D imp import crm.csv --map name=City --map country=Country --map region=Region --skip-invalid 2>&1 | tail -1'
out <<'X'
sc-cities: import: 0 added, 3 skipped, 2 rejected
X

t_in 'import -: TSV from stdin with the table column names' \
  'sc-cities -D imp import - -n -c id,name,status' \
  'name	country	status	extra
Dijon	FR	member	x
'
out <<'X'
id,name,status
fr-dijon,Dijon,member
X
err 'sc-cities: import: 1 added, 0 skipped, 0 rejected'

t 'import: a --map source column that does not exist' \
  'sc-cities -D imp import crm.csv --map name=Town'
status 3
err "sc-cities: crm.csv:1: name: no column 'Town' to map to name
sc-cities: import: nothing written"

t 'import: a --map target that is not a column' \
  'sc-cities -D imp import crm.csv --map town=City'
status 2
err "sc-cities: --map: cities.csv has no column 'town'"

t 'import: no name column' 'sc-cities -D imp import crm.csv'
status 3
err 'sc-cities: crm.csv:1: name: no name column (use --map name=COLUMN)
sc-cities: import: nothing written'

t 'import: a missing file is a system error' 'sc-cities -D imp import nofile.csv'
status 4
err 'sc-cities: nofile.csv: No such file or directory'

t 'import: a malformed file' \
  'printf "name,country\n\"Lyon,FR\n" | sc-cities -D imp import -'
status 3
err 'sc-cities: stdin:2: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'

# --- check --------------------------------------------------------------

t 'check: the seeds are valid' 'sc-cities check'

mkdir -p "$T/chk"
cat >"$T/chk/cities.csv" <<'X'
id,name,country,region,status,joined,via,notes
fr-a,A,FR,,member,2024-13-01,,
fr-a,B,FR,US-OH,gone,,nowhere,
Bad Id,,ZZ,,,2024-05,,
X
snapshot chk
t 'check: one line per problem, file:line, exit 1' 'sc-cities -D chk check'
status 1
err "sc-cities: chk/cities.csv:2: joined: invalid date '2024-13-01' (want YYYY-MM-DD)
sc-cities: chk/cities.csv:3: region: 'US-OH' is not an ISO 3166-2 region of FR
sc-cities: chk/cities.csv:3: status: invalid value 'gone' (one of: prospect, introduced, member, former)
sc-cities: chk/cities.csv:3: via: unknown event 'nowhere'
sc-cities: chk/cities.csv:4: name: required value is empty
sc-cities: chk/cities.csv:4: status: required value is empty
sc-cities: chk/cities.csv:4: id: invalid id 'Bad Id' (lower-case letters, digits and '-')
sc-cities: chk/cities.csv:4: country: unknown country code 'ZZ' (ISO 3166-1 alpha-2, upper case)
sc-cities: chk/cities.csv:4: joined: invalid date '2024-05' (want YYYY-MM-DD)
sc-cities: chk/cities.csv:3: id: duplicate of line 2"
unchanged chk

t 'check: a malformed file is reported, exit 1' 'sc-cities -D bad check'
status 1
err 'sc-cities: bad/cities.csv:2: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'

# --- the command line ---------------------------------------------------

t 'an unknown verb' 'sc-cities frobnicate'
status 2
err "sc-cities: unknown verb 'frobnicate' (try --help)"

t 'an unknown option' 'sc-cities list --frob'
status 2
err "sc-cities: unknown option '--frob' (try --help)"

t 'an unknown output format' 'sc-cities -o xml'
status 2
err "sc-cities: --output: unknown format 'xml'"

t 'an unknown column for -c' 'sc-cities -c id,colour'
status 2
err_has "unknown column 'colour'"

t 'a bad --today' 'sc-cities --today 2024-02-30'
status 2
err_has "2024-02-30"

t 'a bad SC_TODAY' 'SC_TODAY=soon sc-cities'
status 2
err_has "SC_TODAY"

t 'a bad --wait' 'sc-cities -D s add X --country FR --wait soon'
status 2
err "sc-cities: --wait: not a number of seconds: 'soon'"

t 'a bad --input-format' 'sc-cities -i - --input-format xls'
status 2
err "sc-cities: --input-format: csv, tsv or json, not 'xls'"

t '--input applies to list only' 'sc-cities show x -i y'
status 2
err 'sc-cities: --input applies to list only'

t '--dry-run applies to writes only' 'sc-cities list -n'
status 2
err 'sc-cities: --dry-run applies to verbs that write'

t 'a data directory that does not exist' 'sc-cities -D nowhere'
status 4
err 'sc-cities: data directory nowhere: No such file or directory'

t 'a bad --country filter' 'sc-cities list --country FRA'
status 2
err "sc-cities: --country: unknown country code 'FRA'"

t 'a bad --status filter' 'sc-cities list --status gone'
status 2
err_has "--status: 'gone' is not one of"

t '--help goes to stdout with examples, exit 0' 'sc-cities --help | grep -c "^  sc-cities"'
out <<'X'
6
X

t '--version' 'sc-cities --version'
out <<'X'
sc-cities 0.1.0
X

t 'output errors are errors' 'sc-cities list >/dev/full'
status 4
err 'sc-cities: write error: stdout: No space left on device'

t 'a closed pipe is not an error message' 'sc-cities list | head -1'
out <<'X'
id,name,country,region,status,joined,via,notes,lat,lon
X

t 'a locked directory: the writer gives up after --wait, exit 4' \
  'seed=$PWD/s; (flock -x 9; sleep 2) 9<"$seed" & sleep 0.3; sc-cities -D s add Lyon --country FR --wait 0.2; rc=$?; wait; exit $rc'
status 4
err "sc-cities: s: locked by another writer; gave up after 0.2 seconds (see --wait)"

t 'list streams: 200,000 rows in under 40 MB of address space' \
  'awk "BEGIN { print \"id,name,country,status\"; for (i = 0; i < 200000; i++) printf \"fr-c%d,City %d,FR,member\\n\", i, i }" > big.csv &&
   (ulimit -v 40000; sc-cities list -i big.csv --name "city 199999" -c id -H)'
out <<'X'
fr-c199999
X

t 'import is linear: 50,000 rows, then a second import skips them all' \
  'mkdir -p gz && awk "BEGIN { print \"City,Country\"; for (i = 0; i < 50000; i++) printf \"Town %d,FR\\n\", i }" > gz.csv &&
   sc-cities -D gz import gz.csv --map name=City --map country=Country 2>&1 &&
   sc-cities -D gz import gz.csv --map name=City --map country=Country 2>&1 && sc-cities -D gz check'
out <<'X'
sc-cities: import: 50000 added, 0 skipped, 0 rejected
sc-cities: import: 0 added, 50000 skipped, 0 rejected
X

seed_dir s
t 'a temporary file left by a killed writer is removed by the next write' \
  'touch s/.cities.csv.sc-AbC123 && sc-cities -D s set fr-dijon --notes x && ls -A s'
out <<'X'
attendance.csv
cities.csv
events.csv
followups.csv
partners.csv
X

t 'csv: quoted and plain lines mix; a quoted field spans lines that look plain' \
  'printf "id,name,country,status,notes\nfr-a,A,FR,prospect,\"x\ny,z\n\"\",w\"\nfr-b,B,FR,prospect,plain\r\nfr-c,\"C\",FR,prospect,\"\"\n" | sc-cities list -i - -o json -c id,notes'
out <<'X'
{"id":"fr-a","notes":"x\ny,z\n\",w"}
{"id":"fr-b","notes":"plain"}
{"id":"fr-c","notes":""}
X

t 'csv: a record after a multi-line field and a blank line has the right line' \
  'printf "id,name,country,status,notes\nfr-a,A,FR,prospect,\"1\r\n2\"\r\n\r\nfr-b,B\377,FR,prospect,\n" | sc-cities list -i -'
status 3
err 'sc-cities: stdin:5: invalid UTF-8'

t 'list --joined-before a date before 1970 lists none' \
  'sc-cities list --joined-before 1969-12-30 -H'

t 'list -o md is refused: md is for report' 'sc-cities list -o md'
status 2
err 'sc-cities: --output: md is not a format for this verb (csv, tsv, json, table)'

seed_dir s
t 'add: an id that other tables still name (after rm --force) is not given again' \
  'sc-cities -D s rm --force fr-dijon && sc-cities -D s add Dijon --country FR -c id -H'
out <<'X'
fr-dijon-2
X

seed_dir s
snapshot s
t 'add -c with an unknown column writes nothing' 'sc-cities -D s add Lyon --country FR -c nope'
status 2
err_has "unknown column 'nope'"
unchanged s

t 'csv: an empty last field at the end of input, no newline (regression: read past the data)' \
  'printf "id,\"name\",country,status\nfr-a,A,FR,prospect\nfr-b,B,FR," | sc-cities list -i - -c id,status -o json'
out <<'X'
{"id":"fr-a","status":"prospect"}
{"id":"fr-b","status":""}
X

t 'csv: CR-only line ends, quoted CR and CRLF inside fields, lines counted' \
  'printf "id,name,country,status,notes\rfr-a,A,FR,prospect,\"x\r\ny\rz\"\rfr-b,B\r" | sc-cities list -i -'
status 3
err 'sc-cities: stdin:5: 2 fields where the header has 5: 3 too few: a line break in an unquoted field, or a missing comma?'

t 'tsv: fields with and without escapes, cut in place' \
  'printf "id\tname\tcountry\tstatus\tnotes\nfr-a\tA\tFR\tprospect\ta\\\\tb\nfr-b\tB\tFR\tprospect\tplain\n" | sc-cities list -i - -o json -c notes'
out <<'X'
{"notes":"a\tb"}
{"notes":"plain"}
X
