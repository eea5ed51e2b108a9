# t-import.sh: sc-cities import of spreadsheet exports as they come: any
# case, accents or spaces in the header, ';' and tab delimiters, BOM and
# CRLF, country and region names, values for every row, and every
# problem of a file named in one run.

C=id,name,country,region,status,joined,via

# --- a European Excel export: ';', CRLF, a BOM, headers as typed ---------

printf '\357\273\277NAME;Country ; R\303\251gion ;Status\r\nLyon;France;Auvergne-Rh\303\264ne-Alpes;\r\n" Toledo ";United States;Ohio;member\r\nBrno;Czech Republic;;\r\nPlze\305\210;cz;;\r\n' >"$T/excel-eu.csv"
mkdir "$T/a"
t 'import: a ;-separated Windows export (BOM, CRLF), headers in any case, names for countries and regions' \
  "sc-cities -D a import excel-eu.csv && sc-cities -D a list -o csv -c $C && sc-cities -D a check"
out <<'X'
id,name,country,region,status,joined,via
fr-lyon,Lyon,FR,FR-ARA,prospect,,
us-toledo,Toledo,US,US-OH,member,,
cz-brno,Brno,CZ,,prospect,,
cz-plzen,Plzeň,CZ,,prospect,,
X
err 'sc-cities: import: 4 added, 0 skipped, 0 rejected'

t 'import: the same file again: every row already there' \
  'sc-cities -D a import excel-eu.csv'
err 'sc-cities: import: 0 added, 4 skipped, 0 rejected'

# --- tab-separated, upper-case headers -----------------------------------

printf 'NAME\tCOUNTRY\tNOTES\n  Athens  \t Greece \t  capital \nSevilla\tSpain\t\n' >"$T/tab.txt"
t 'import: a tab-separated export; fields trimmed' \
  'sc-cities -D a import tab.txt -n -o csv -c name,country,notes'
out <<'X'
name,country,notes
Athens,GR,capital
Sevilla,ES,
X
err 'sc-cities: import: 2 added, 0 skipped, 0 rejected'

t_in 'import -: upper-case headers on stdin, USA and UK as aliases' \
  'sc-cities -D a import - -n -o csv -c id,country' \
  'NAME,COUNTRY
Austin,USA
Leeds,UK
'
out <<'X'
id,country
us-austin,US
gb-leeds,GB
X
err 'sc-cities: import: 2 added, 0 skipped, 0 rejected'

# --- --status, --joined, --via ---------------------------------------------

seed_dir s
printf 'name,country,status\nKavala,GR,\nPatras,GR,member\n' >"$T/gr.csv"
t 'import --status --joined --via: fill the rows that have none; a row'"'"'s own value wins' \
  "sc-cities -D s import gr.csv --status introduced --joined 2024-05-15 --via 2024-05-strasbourg -n -o csv -c $C"
out <<'X'
id,name,country,region,status,joined,via
gr-kavala,Kavala,GR,,introduced,2024-05-15,2024-05-strasbourg
gr-patras,Patras,GR,,member,2024-05-15,2024-05-strasbourg
X
err 'sc-cities: import: 2 added, 0 skipped, 0 rejected'

snapshot s
t 'import --status: a status that is not one, exit 2, nothing read' \
  'sc-cities -D s import gr.csv --status joined'
status 2
err "sc-cities: --status: invalid value 'joined' (one of: prospect, introduced, member, former)"
unchanged s

t 'import --joined: not a date, exit 2' \
  'sc-cities -D s import gr.csv --joined 2024-02-30'
status 2
err_has "sc-cities: --joined: invalid date '2024-02-30'"
unchanged s

t 'import --via: an event that is not there, exit 3' \
  'sc-cities -D s import gr.csv --via 1999-nowhere'
status 3
err "sc-cities: unknown event '1999-nowhere'"
unchanged s

# --- every problem at once -------------------------------------------------

printf 'Name;Country;Status;Joined\nOslo;Norway;;\nAtlantis;Atlantis;;\n;FR;;\nBergen;NO;bogus;2024-13-01\nNarnia;ZZ;;\nTromsø;Norway;member;2023-04-01\n' >"$T/bad.csv"
t 'import: several bad rows, every one named, nothing written' \
  'sc-cities -D s import bad.csv'
status 3
err "sc-cities: bad.csv:3: country: unknown country code 'Atlantis' (ISO 3166-1 alpha-2, upper case)
sc-cities: bad.csv:4: name: required value is empty
sc-cities: bad.csv:5: status: invalid value 'bogus' (one of: prospect, introduced, member, former)
sc-cities: bad.csv:5: joined: invalid date '2024-13-01' (want YYYY-MM-DD)
sc-cities: bad.csv:6: country: unknown country code 'ZZ' (ISO 3166-1 alpha-2, upper case)
sc-cities: import: 2 added, 0 skipped, 4 rejected
sc-cities: import: nothing written (--skip-invalid adds the valid rows)"
unchanged s

t 'import --skip-invalid: the valid rows added, the rest named' \
  'sc-cities -D s import bad.csv --skip-invalid 2>/dev/null && sc-cities -D s list --country NO -o csv -c id,status,joined'
out <<'X'
id,status,joined
no-oslo,prospect,
no-tromso,member,2023-04-01
X

printf 'Town,Land,Area\nLyon,FR,\n' >"$T/crm.csv"
snapshot s
t 'import: every missing mapping reported at once, exit 3' \
  'sc-cities -D s import crm.csv --map region=Province'
status 3
err "sc-cities: crm.csv:1: region: no column 'Province' to map to region
sc-cities: crm.csv:1: name: no name column (use --map name=COLUMN)
sc-cities: crm.csv:1: country: no country column (use --map country=COLUMN)
sc-cities: import: nothing written"
unchanged s

t 'import --map: still maps, and folds the source name too' \
  'sc-cities -D s import crm.csv --map name=TOWN --map country=land --map region=area -n -o csv -c id,name,country'
out <<'X'
id,name,country
fr-lyon,Lyon,FR
X
err 'sc-cities: import: 1 added, 0 skipped, 0 rejected'

t 'import: an empty file' 'sc-cities -D s import /dev/null'
status 3
err 'sc-cities: /dev/null: empty file, no header'

# --- --delimiter ---------------------------------------------------------------

printf 'name;note,country\nOslo;a,NO\n' >"$T/mixed.csv"
t 'import: the header decides, and a tie goes to the comma' \
  'sc-cities -D s import mixed.csv -n -o csv -c name,country'
status 3
err "sc-cities: mixed.csv:1: name: no name column (use --map name=COLUMN)
sc-cities: import: nothing written"

t 'import --delimiter ,: the comma, whatever the header says' \
  'sc-cities -D s import mixed.csv --delimiter , --map name="name;note" -n -o csv -c name,country'
out <<'X'
name,country
Oslo;a,NO
X
err 'sc-cities: import: 1 added, 0 skipped, 0 rejected'

printf 'name,country\n"Bergen, Vestland";NO\n' >"$T/semi.csv"
t 'import --delimiter ";": a quoted comma stays in its field' \
  'sc-cities -D s import semi.csv --delimiter ";" --map name="name,country" --map country=NO -n'
status 3
err "sc-cities: semi.csv:1: country: no column 'NO' to map to country
sc-cities: import: nothing written"

printf 'name\tcountry\nStavanger\tNO\n' >"$T/t.csv"
t 'import --delimiter tab' \
  'sc-cities -D s import t.csv --delimiter tab -n -o csv -c id'
out <<'X'
id
no-stavanger
X
err 'sc-cities: import: 1 added, 0 skipped, 0 rejected'

t 'import --delimiter: only , ; or tab' \
  'sc-cities -D s import t.csv --delimiter "|"'
status 2
err "sc-cities: --delimiter: , ; or tab, not '|'"

# --- large: linear --------------------------------------------------------------

awk 'BEGIN { printf "\357\273\277Name;COUNTRY\r\n"; for (i = 0; i < 20000; i++) printf "Town %d;%s\r\n", i, (i % 2 ? "France" : "Czech Republic") }' >"$T/big.csv"
mkdir "$T/big"
t 'import: 20000 rows of a ;-separated export, all added, valid' \
  'sc-cities -D big import big.csv && sc-cities -D big check && wc -l < big/cities.csv'
out <<'X'
20001
X
err 'sc-cities: import: 20000 added, 0 skipped, 0 rejected'

# --- encodings: Excel's "CSV" (Windows-1252) and "Unicode Text" (UTF-16) ---------

printf 'Name;Country;Notes\r\nZ\374rich;Switzerland;\223quoted\224\r\n' >"$T/cp1252.csv"
t 'import: a Windows-1252 export is decoded, with a note' \
  'sc-cities -D s import cp1252.csv -n -o csv -c id,name,notes'
out <<'X'
id,name,notes
ch-zurich,Zürich,“quoted”
X
err 'sc-cities: cp1252.csv: read as Windows-1252
sc-cities: import: 1 added, 0 skipped, 0 rejected'

t 'import --encoding utf-8: the same bytes refused, exit 3' \
  'sc-cities -D s import cp1252.csv --encoding utf-8'
status 3
err 'sc-cities: cp1252.csv:2: invalid UTF-8'

printf '\377\376N\000a\000m\000e\000\t\000C\000o\000u\000n\000t\000r\000y\000\r\000\n\000K\000\366\000l\000n\000\t\000G\000e\000r\000m\000a\000n\000y\000\r\000\n\000' >"$T/unicode.txt"
t 'import: a UTF-16 "Unicode Text" export, tab-separated' \
  'sc-cities -D s import unicode.txt -n -o csv -c id,name'
out <<'X'
id,name
de-koln,Köln
X
err 'sc-cities: unicode.txt: read as UTF-16LE
sc-cities: import: 1 added, 0 skipped, 0 rejected'

t 'import --encoding: only utf-8 or windows-1252' \
  'sc-cities -D s import unicode.txt --encoding latin9'
status 2
err "sc-cities: --encoding: utf-8 or windows-1252, not 'latin9'"

printf 'ID,Name,Country\n12345,Larissa,GR\n' >"$T/crm-id.csv"
t 'import: a CRM'"'"'s ID column is not taken for the city id' \
  'sc-cities -D s import crm-id.csv -n -o csv -c id,name'
out <<'X'
id,name
gr-larissa,Larissa
X
err 'sc-cities: import: 1 added, 0 skipped, 0 rejected'

t 'import --map id=ID takes it' \
  'sc-cities -D s import crm-id.csv --map id=ID -n -o csv -c id,name'
out <<'X'
id,name
12345,Larissa
X
err 'sc-cities: import: 1 added, 0 skipped, 0 rejected'
