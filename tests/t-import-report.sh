# t-import-report.sh: sc-events import-report, which records the event of
# a report as the network publishes them.  The reports are in
# tests/data/reports: the seed document, and sample reports in its shape
# for each form of date and place (see tests/data/reports/README).

cp -r "$TOP/tests/data/reports" "$T/r"
COLS=id,name,series,kind,start,end,city,status
export COLS

# --- the seed document ---------------------------------------------------

seed_dir s
snapshot s
t 'seed report: already recorded in the seeds (same start, same host): exit 3' \
  'sc-events -D s import-report r/strasbourg-2024-05.txt'
status 3
err 'sc-events: s/events.csv:2: the report is already recorded as 2024-05-strasbourg (same start and host city); --force records it again'
unchanged s

t 'seed report: -n refused the same way, nothing written' \
  'sc-events -D s import-report -n r/strasbourg-2024-05.txt'
status 3
err 'sc-events: s/events.csv:2: the report is already recorded as 2024-05-strasbourg (same start and host city); --force records it again'
unchanged s

t 'seed report --force -n: the seed event, the cities it names listed as mentioned' \
  'sc-events -D s import-report --force -n r/strasbourg-2024-05.txt -c $COLS'
out <<'X'
id,name,series,kind,start,end,city,status
2024-05-strasbourg-2,"Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy",Transatlantic Dialogue Initiative,workshop,2024-05-14,2024-05-15,fr-strasbourg,held
X
err 'sc-events: r/strasbourg-2024-05.txt:21: mentioned: fr-cernay (Cernay)
sc-events: r/strasbourg-2024-05.txt:21: mentioned: fr-dijon (Dijon)
sc-events: r/strasbourg-2024-05.txt:21: mentioned: fr-mittelhausbergen (Mittelhausbergen)
sc-events: r/strasbourg-2024-05.txt:21: mentioned: fr-montpellier (Montpellier)
sc-events: r/strasbourg-2024-05.txt:21: mentioned: gr-kalamaria (Kalamaria)
sc-events: r/strasbourg-2024-05.txt:21: mentioned: gr-kordelio-evosmos (Kordelio-Evosmos)
sc-events: r/strasbourg-2024-05.txt:21: mentioned: es-murcia (Murcia)
sc-events: r/strasbourg-2024-05.txt:23: mentioned: us-columbus-oh (Columbus)
sc-events: r/strasbourg-2024-05.txt:23: mentioned: za-cape-town (Cape Town)'
unchanged s

t 'seed report --force: written; a mentioned city gets no attendance' \
  'sc-events -D s import-report --force r/strasbourg-2024-05.txt -c id -H 2>/dev/null &&
   sc-events -D s list -c id,start,end,city -H && sc-events -D s cities 2024-05-strasbourg-2 -c id &&
   sc-events -D s check && wc -l < s/cities.csv'
out <<'X'
2024-05-strasbourg-2
2024-05-strasbourg,2024-05-14,2024-05-15,fr-strasbourg
2024-09-columbus,2024-09,,us-columbus-oh
2024-12-cape-town,2024-12,,za-cape-town
2024-05-strasbourg-2,2024-05-14,2024-05-15,fr-strasbourg
id
11
X

mkdir -p "$T/e"
t 'seed report, empty directory: the seed event, its host added as a prospect' \
  'sc-events -D e import-report r/strasbourg-2024-05.txt -o json'
out_jq '.[0] == {"id": "2024-05-strasbourg", "name": "Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy", "series": "Transatlantic Dialogue Initiative", "kind": "workshop", "start": "2024-05-14", "end": "2024-05-15", "city": "fr-strasbourg", "status": "held", "url": "", "notes": "Held under the Strong Cities Transatlantic Dialogue Initiative, this workshop convened deputy mayors and other city officials, as well as representatives of national governments, civil society and city-focused initiatives from Europe and North America to discuss the role of French cities in preventing and responding to hate, extremism and polarisation."}'
err 'sc-events: adds the city fr-strasbourg (Strasbourg, FR) as a prospect'

t 'seed report, empty directory: the tables written, valid' \
  'cat e/cities.csv && sc-events -D e list -c id,city -H && sc-events -D e check && sc-cities -D e check'
out <<'X'
id,name,country,region,status,joined,via,notes
fr-strasbourg,Strasbourg,FR,,prospect,,,
2024-05-strasbourg,fr-strasbourg
X

snapshot e
t 'seed report, imported twice: the second is refused, exit 3' \
  'sc-events -D e import-report r/strasbourg-2024-05.txt'
status 3
err 'sc-events: e/events.csv:2: the report is already recorded as 2024-05-strasbourg (same start and host city); --force records it again'
unchanged e

t 'seed report on stdin (-): the same event, the file named stdin' \
  'sc-events -D e import-report --force -n - -c id,start,end,city -H < r/strasbourg-2024-05.txt'
out <<'X'
2024-05-strasbourg-2,2024-05-14,2024-05-15,fr-strasbourg
X
unchanged e

mkdir -p "$T/n"
snapshot n
t 'seed report -n, empty directory: printed, nothing written, no file made' \
  'sc-events -D n import-report -n r/strasbourg-2024-05.txt -c id,city -H'
out <<'X'
2024-05-strasbourg,fr-strasbourg
X
err 'sc-events: would add the city fr-strasbourg (Strasbourg, FR) as a prospect'
unchanged n

# --- the forms of Where & When -------------------------------------------

seed_dir f
t 'en dashes, no-break spaces, doubled spaces; "City, Country": a new prospect' \
  'sc-events -D f import-report -n r/bratislava-en-dashes.txt -c $COLS'
out <<'X'
id,name,series,kind,start,end,city,status
2024-03-bratislava,Example Workshop: Dates Written with En Dashes,,workshop,2024-03-06,2024-03-07,sk-bratislava,held
X
err 'sc-events: would add the city sk-bratislava (Bratislava, SK) as a prospect'

t 'across months; "City (Region, Country)" matches the known city; held under a series' \
  'sc-events -D f import-report -n r/columbus-across-months.txt -c $COLS'
out <<'X'
id,name,series,kind,start,end,city,status
2023-01-columbus,Example Dialogue: Dates Across Two Months,Strong Cities Example Dialogue Initiative,dialogue,2023-01-31,2023-02-01,us-columbus-oh,held
X
err 'sc-events: r/columbus-across-months.txt:17: mentioned: fr-dijon (Dijon)
sc-events: r/columbus-across-months.txt:17: mentioned: za-cape-town (Cape Town)'

t 'across years: the seeds already have a Cape Town event in December 2024' \
  'sc-events -D f import-report -n r/cape-town-across-years.txt'
status 3
err 'sc-events: f/events.csv:4: the report is already recorded as 2024-12-cape-town (same start and host city); --force records it again'

t 'across years, with --force: 30 December 2024 to 2 January 2025, still planned' \
  'sc-events -D f import-report --force -n r/cape-town-across-years.txt -c $COLS'
out <<'X'
id,name,series,kind,start,end,city,status
2024-12-cape-town-2,Example Summit: Dates Across Two Years,,summit,2024-12-30,2025-01-02,za-cape-town,planned
X

t 'a month only: the reduced date; "City (Region), Country"; a series prefix' \
  'sc-events -D e import-report -n r/columbus-month-only.txt -c $COLS'
out <<'X'
id,name,series,kind,start,end,city,status
2024-09-columbus,Transatlantic Dialogue Initiative: A Sample Report Dated by Its Month Only,Transatlantic Dialogue Initiative,dialogue,2024-09,,us-columbus,planned
X
err 'sc-events: would add the city us-columbus (Columbus, US, US-OH) as a prospect'

t 'a month only, in the seeds: the planned Columbus dialogue is this report' \
  'sc-events -D f import-report -n r/columbus-month-only.txt'
status 3
err 'sc-events: f/events.csv:3: the report is already recorded as 2024-09-columbus (same start and host city); --force records it again'

t 'a narrative opening, no Where & When: dates, place and notes from it' \
  'sc-events -D f import-report -n r/colombo-narrative.txt -o json'
out_jq '.[0] | .id == "2025-01-colombo" and .start == "2025-01-22" and .end == "2025-01-23" and .city == "lk-colombo" and .kind == "roundtable" and .status == "planned" and (.notes | startswith("On 22 \u2013 23 January 2025, in Colombo, Sri Lanka, this roundtable"))'
err 'sc-events: would add the city lk-colombo (Colombo, LK) as a prospect'

t 'a single day: no end; a known city by name and country' \
  'sc-events -D f import-report -n r/dijon-single-day.txt -c $COLS'
out <<'X'
id,name,series,kind,start,end,city,status
2024-05-dijon,Example Webinar on a Single Day,,webinar,2024-05-14,,fr-dijon,held
X

# Forms in a line or two, on stdin.
form() {
	t_in "form: $1" \
	  'sc-events -D f import-report -n - -c id,start,end,city -H' "$2"
}

form 'Date and Location fields, "May 14-15, 2024", CRLF line ends' \
  "$(printf 'Example Meeting\r\n\r\nDate: May 14-15, 2024\r\nLocation: Murcia, Spain\r\n')"
out <<'X'
2024-05-murcia,2024-05-14,2024-05-15,es-murcia
X

form 'the place first, the dates after it' \
  "$(printf 'Example Meeting\n\nWhere & When: Kalamaria (Greece), 3 \342\200\223 4 October 2024\n')"
out <<'X'
2024-10-kalamaria,2024-10-03,2024-10-04,gr-kalamaria
X

form 'Where & When on the next line; "Sept." and a month range' \
  "$(printf 'Example Meeting\n\nWhere & When:\n\nSept. \342\200\224 October 2024, Cernay, France\n')"
out <<'X'
2024-09-cernay,2024-09,2024-10,fr-cernay
X

form 'across months, US style: "May 30 - June 1, 2024"' \
  "$(printf 'Example Meeting\n\nWhere & When: May 30 - June 1, 2024, Dijon, France\n')"
out <<'X'
2024-05-dijon,2024-05-30,2024-06-01,fr-dijon
X

form '"City, Region, Country": the region from its name' \
  "$(printf 'Example Meeting\n\nWhere & When: 2 June 2025, Toledo, Ohio, United States\n')"
out <<'X'
2025-06-toledo,2025-06-02,,us-toledo
X
err 'sc-events: would add the city us-toledo (Toledo, US, US-OH) as a prospect'

form 'a country by another of its names: Czech Republic is CZ' \
  "$(printf 'Example Meeting\n\nWhere & When: 2 June 2025, Brno (Czech Republic)\n')"
out <<'X'
2025-06-brno,2025-06-02,,cz-brno
X
err 'sc-events: would add the city cz-brno (Brno, CZ) as a prospect'

form 'a narrative in the Description' \
  "$(printf 'Example Meeting\n\nDescription: On 6 March 2025, in Murcia, Spain, a sample meeting.\n')"
out <<'X'
2025-03-murcia,2025-03-06,,es-murcia
X

form 'online: no host city, and stderr says so' \
  "$(printf 'Example Webinar\n\nWhere & When: 3 June 2024, Online\n')"
out <<'X'
2024-06-example-webinar,2024-06-03,,
X
err 'sc-events: stdin:3: no host city in the report; the event has none'

form 'a date with no place: no host city, and stderr says so' \
  "$(printf 'Example Webinar\n\nWhere & When: 3 June 2024\n')"
out <<'X'
2024-06-example-webinar,2024-06-03,,
X
err 'sc-events: stdin:3: no host city in the report; the event has none'

form 'a region that is not one: left empty, and stderr says so' \
  "$(printf 'Example Meeting\n\nWhere & When: 2 June 2025, Columbus (Ohoi, United States)\n')"
out <<'X'
2025-06-columbus,2025-06-02,,us-columbus-oh
X
err "sc-events: stdin:3: 'Ohoi' is not a region of US in ISO 3166-2; the region is left empty"

form 'a title that starts with "On" is a title' \
  "$(printf 'On the Role of Cities\n\nWhere & When: 2 June 2025, Dijon, France\n')"
out <<'X'
2025-06-dijon,2025-06-02,,fr-dijon
X

t_in 'a series as the record spells it: held under "Strong Cities Transatlantic ..."' \
  'sc-events -D f import-report -n - -c series -H' \
  "$(printf 'Example Meeting\n\nDescription: Held under the Strong Cities Transatlantic Dialogue Initiative, a sample.\n\nWhere & When: 2 June 2025, Dijon, France\n')"
out <<'X'
Transatlantic Dialogue Initiative
X
err "sc-events: series 'Strong Cities Transatlantic Dialogue Initiative' is recorded as the known series 'Transatlantic Dialogue Initiative'"

# --- not a report, and other failures --------------------------------------

snapshot f
refused() {
	t_in "refused: $1" 'sc-events -D f import-report - -c id' "$2"
	status "${3:-3}"
}

refused 'empty input' ''
err 'sc-events: stdin: not an event report: no title'
unchanged f

refused 'no date' "$(printf 'Example Meeting\n\nDescription: No date anywhere.\n')"
err "sc-events: stdin: not an event report: no date (no 'Where & When:' line, no 'On <date>, in <place>' opening)"
unchanged f

refused 'no title: the first line is a field' \
  "$(printf 'Where & When: 2 June 2025, Dijon, France\n')"
err 'sc-events: stdin: not an event report: no title'
unchanged f

refused 'a CSV table is not a report' "$(cat "$TOP/seeds/events.csv")"
err "sc-events: stdin: not an event report: no date (no 'Where & When:' line, no 'On <date>, in <place>' opening)"
unchanged f

refused 'not UTF-8' "$(printf 'Example Meeting \377\n\nWhere & When: 2 June 2025, Dijon, France\n')"
err 'sc-events: stdin: not UTF-8 text: not an event report'
unchanged f

refused '31 February' "$(printf 'Example Meeting\n\nWhere & When: 31 February 2025, Dijon, France\n')"
err "sc-events: stdin:3: '31 February 2025' is not a date"
unchanged f

refused 'a range that ends before it starts' \
  "$(printf 'Example Meeting\n\nWhere & When: 15-14 May 2025, Dijon, France\n')"
err "sc-events: stdin:3: '15-14 May 2025' ends before it starts"
unchanged f

refused 'a date that is none' \
  "$(printf 'Example Meeting\n\nWhere & When: soon, Dijon, France\n')"
err "sc-events: stdin:3: cannot read the date 'soon, Dijon, France'"
unchanged f

refused 'a country no one has' \
  "$(printf 'Example Meeting\n\nWhere & When: 2 June 2025, Atlantis (Lemuria)\n')"
err "sc-events: stdin:3: cannot read the place 'Atlantis (Lemuria)' (want City (Country), City, Country or City (Region, Country), with a country ISO 3166 names)"
unchanged f

refused 'a place with more after it' \
  "$(printf 'Example Meeting\n\nWhere & When: 2 June 2025, Dijon (France), and online\n')"
err "sc-events: stdin:3: cannot read the place 'Dijon (France), and online' (want City (Country), City, Country or City (Region, Country), with a country ISO 3166 names)"
unchanged f

refused 'a long place is quoted in part' \
  "$(printf 'Example Meeting\n\nWhere & When: 2 June 2025, %s\n' "$(printf 'Dijon (a, %.0s' 1 2 3 4 5 6 7 8 9 10)")"
err "sc-events: stdin:3: cannot read the place 'Dijon (a, Dijon (a, Dijon (a, Dijon (a, Dijon (a, Dijon (a, ...' (want City (Country), City, Country or City (Region, Country), with a country ISO 3166 names)"
unchanged f

refused 'a title with a control character: the row is invalid, shown inert' \
  "$(printf 'Example \033[2J Meeting\n\nWhere & When: 2 June 2025, Dijon, France\n')"
err_has 'name: control character \e in'
unchanged f

t 'refused: more than 4 MiB is not a report, and is not read to its end' \
  'head -c 5000000 /dev/zero | tr "\0" "x" | sc-events -D f import-report -'
status 3
err 'sc-events: stdin: more than 4194304 bytes: not an event report'
unchanged f

t 'refused: a file that is not there: exit 4' \
  'sc-events -D f import-report r/no-such-report.txt'
status 4
err 'sc-events: r/no-such-report.txt: No such file or directory'
unchanged f

t 'refused: a directory: exit 4' \
  'sc-events -D f import-report r'
status 4
err 'sc-events: r: read error: Is a directory'
unchanged f

t 'refused: two files, or none: usage, exit 2' \
  'sc-events -D f import-report r/dijon-single-day.txt r/dijon-single-day.txt; echo $?; sc-events -D f import-report; echo $?'
out <<'X'
2
2
X
err_has 'usage: sc-events'
unchanged f

t 'refused: an option of another verb, exit 2' \
  'sc-events -D f import-report --city Dijon r/dijon-single-day.txt'
status 2
err 'sc-events: --city does not apply to import-report'
unchanged f

t 'refused: the built-in seeds are read-only' \
  'sc-events import-report r/dijon-single-day.txt'
status 2
err_has 'read-only'

t 'refused: a host city that two cities could be, with no region given' \
  'seed=$PWD/a; cp -r s a && sc-cities -D a add Columbus --country US --region US-GA -c id -H >/dev/null &&
   printf "Example Meeting\n\nWhere & When: 2 June 2025, Columbus, United States\n" | sc-events -D a import-report -'
status 3
err "sc-events: host city 'Columbus, US' is ambiguous: us-columbus-oh, us-columbus; give its region in the report, as in 'City (Region, Country)'"

t '... with the region given, the right one; the other Columbus is not "mentioned"' \
  'printf "Example Meeting\n\nWhere & When: 2 June 2025, Columbus, Georgia, United States\n" | sc-events -D a import-report -n - -c city -H'
out <<'X'
us-columbus
X

# --- writes: the lock, links, pipelines --------------------------------------

# hold DIR: holds DIR's lock, says so with the file held, and lets go of
# it (saying so with the file freed) once the file release exists.
cat >"$T/hold" <<'EOF'
#!/bin/sh
exec 9<"$1"
flock -x 9
touch held
while [ ! -e release ]; do sleep 0.02; done
flock -u 9
touch freed
EOF
cat >"$T/await" <<'EOF'
#!/bin/sh
while [ ! -e "$1" ]; do sleep 0.01; done
EOF
chmod +x "$T/hold" "$T/await"

if command -v flock >/dev/null 2>&1; then
	seed_dir lk
	t 'the input is read before the lock: a writer upstream holds it till its end' \
	  'rm -f held release freed; ./hold lk & ./await held;
	   { cat r/dijon-single-day.txt; touch release; ./await freed; } |
	     sc-events -D lk import-report --wait 0 - -c id -H; rc=$?; wait; exit $rc'
	out <<'X'
2024-05-dijon
X
fi

seed_dir ln
mkdir -p "$T/shared"
mv "$T/ln/events.csv" "$T/shared/events.csv"
ln -s ../shared/events.csv "$T/ln/events.csv"
t 'a symlinked events.csv stays a link, and its target is written' \
  'sc-events -D ln import-report r/dijon-single-day.txt -c id -H && test -L ln/events.csv && tail -1 shared/events.csv | cut -d, -f1'
out <<'X'
2024-05-dijon
2024-05-dijon
X

t 'import, then show the event it printed' \
  'sc-events -D ln import-report r/bratislava-en-dashes.txt > out.csv 2>/dev/null && sc-events -D ln show - < out.csv | head -8'
out <<'X'
id         2024-03-bratislava
name       Example Workshop: Dates Written with En Dashes
series     
kind       workshop
start      2024-03-06
end        2024-03-07
city       sk-bratislava
status     held
X

t 'the new city is an ordinary prospect of sc-cities' \
  'sc-cities -D ln show sk-bratislava -o csv && sc-cities -D ln check'
out <<'X'
id,name,country,region,status,joined,via,notes,lat,lon
sk-bratislava,Bratislava,SK,,prospect,,,,,
X

# --- what a person reads is inert; events without a host ------------------

seed_dir v
printf 'fr-dijon-2,Di\342\200\213jon,FR,FR-21,prospect,,,,,\n' >>"$T/v/cities.csv"
t 'a mentioned city whose name hides a character shows it visibly' \
  'sc-events -D v import-report -n r/columbus-across-months.txt -c id -H'
out <<'X'
2023-01-columbus
X
err 'sc-events: r/columbus-across-months.txt:17: mentioned: fr-dijon (Dijon)
sc-events: r/columbus-across-months.txt:17: mentioned: za-cape-town (Cape Town)
sc-events: r/columbus-across-months.txt:17: mentioned: fr-dijon-2 (Di<U+200B>jon)'

seed_dir w
t 'an event recorded with no host: the same name and start is the report' \
  'sc-events -D w add "Example Webinar on a Single Day" --start 2024-05-14 -c id -H &&
   sc-events -D w import-report r/dijon-single-day.txt'
out <<'X'
2024-05-example-webinar-on-a-single-day
X
status 3
err 'sc-events: w/events.csv:5: the report is already recorded as 2024-05-example-webinar-on-a-single-day (same start and host city); --force records it again'

t '... another name on that day, with no host, is another event' \
  'sc-events -D w set 2024-05-example-webinar-on-a-single-day --name "Another Webinar" &&
   sc-events -D w import-report -n r/dijon-single-day.txt -c id,city -H'
out <<'X'
2024-05-dijon,fr-dijon
X
