# t-stream-adds.sh: the adds that stream their table (issue 15): sc-cities
# add, sc-events add, attend, partner and import-report read the table
# once and write it as they go.  Rows they do not change are copied byte
# for byte, a row not written as the tables are is written anew, a
# refusal leaves the directory as it was, with no temporary file, and
# memory does not grow with the tables.

COLS=id,name,series,kind,start,end,city,status
export COLS

# --- sc-cities add ----------------------------------------------------------

seed_dir c
# A row as a spreadsheet might leave it: quoted for no reason.
printf '%s\n' 'fr-quimper,"Quimper",FR,,prospect,,,,,' >> "$T/c/cities.csv"
cp "$T/c/cities.csv" "$T/c.before"
t 'cities add: the rows copied as they were, a non-canonical one made canonical, the new one last' \
  'sc-cities -D c add Brest --country FR --lat 48.39 --lon -4.49 -H &&
   { sed "s/^fr-quimper,\"Quimper\",/fr-quimper,Quimper,/" c.before;
     echo "fr-brest,Brest,FR,,prospect,,,,48.39,-4.49"; } | cmp - c/cities.csv && echo same'
out <<'X'
fr-brest,Brest,FR,,prospect,,,,48.39,-4.49
same
X

snapshot c
t 'cities add: a duplicate is refused at its line, the directory as it was' \
  'sc-cities -D c add Strasbourg --country fr'
status 3
err "sc-cities: c/cities.csv:2: 'Strasbourg' is already fr-strasbourg; use --force to add it anyway"
unchanged c

t 'cities add: a bad value is refused, the directory as it was' \
  'sc-cities -D c add Lorient --country ZZ --lat 47.75 --lon -3.37'
status 3
err_has 'nothing written'
unchanged c

t 'cities add --id: an id a row has is refused' \
  'sc-cities -D c add Lorient --country FR --id fr-quimper'
status 3
err "sc-cities: id 'fr-quimper' is already taken"
unchanged c

t 'cities add -n: the row shown, nothing written, no temporary file' \
  'sc-cities -D c add Lorient --country FR --lat 47.75 --lon -3.37 -n -H'
out <<'X'
fr-lorient,Lorient,FR,,prospect,,,,47.75,-3.37
X
unchanged c

# A city removed with --force that a follow-up still names keeps its id.
printf '%s\n' '20,Call,,fr-vannes,,,open,2024-05-15,,' \
    '21,Call again,,fr-vannes-2,,,open,2024-05-15,,' >> "$T/c/followups.csv"
t 'cities add: an id named only in followups.csv is not reused' \
  'sc-cities -D c add Vannes --country FR --lat 47.66 --lon -2.76 -H -c id'
out <<'X'
fr-vannes-3
X

t 'cities add --id: an id named only in followups.csv is refused' \
  'sc-cities -D c add Vannes --country FR --id fr-vannes-2 --force'
status 3
err "sc-cities: id 'fr-vannes-2' is already taken"

# Every candidate of the first batch taken: the next batch is asked.
seed_dir b
for i in '' -2 -3 -4 -5 -6 -7 -8 -9; do
	printf 'fr-rennes%s,Rennes %s,FR,,prospect,,,,,\n' "$i" "$i" >> "$T/b/cities.csv"
done
printf '%s\n' '20,Call,,fr-rennes-10,,,open,2024-05-15,,' >> "$T/b/followups.csv"
t 'cities add: the first ten ids taken (one by a follow-up): the eleventh' \
  'sc-cities -D b add Rennes --country FR --force --lat 48.11 --lon -1.68 -H -c id'
out <<'X'
fr-rennes-11
X

# A table that keeps no coordinates gets them with the first city given some.
mkdir -p "$T/n"
printf '%s\n' 'id,name,country,region,status,joined,via,notes' \
    'fr-nantes,Nantes,FR,,member,,,' > "$T/n/cities.csv"
t 'cities add --lat --lon: lat and lon added to the header and every row' \
  'sc-cities -D n add Angers --country FR --lat 47.47 --lon -0.55 >/dev/null && cat n/cities.csv'
out <<'X'
id,name,country,region,status,joined,via,notes,lat,lon
fr-nantes,Nantes,FR,,member,,,,,
fr-angers,Angers,FR,,prospect,,,,47.47,-0.55
X

# --- sc-events add ----------------------------------------------------------

seed_dir e
printf '%s\n' '2025-01-lyon,"Lyon meeting",,,2025-01-10,,,planned,,' >> "$T/e/events.csv"
cp "$T/e/events.csv" "$T/e.before"
t 'events add: the rows copied as they were, a non-canonical one made canonical, the new one last' \
  'sc-events -D e add "Paris talk" --start 2025-03-02 -H &&
   { sed "s/^2025-01-lyon,\"Lyon meeting\",/2025-01-lyon,Lyon meeting,/" e.before;
     echo "2025-03-paris-talk,Paris talk,,,2025-03-02,,,planned,,"; } | cmp - e/events.csv && echo same'
out <<'X'
2025-03-paris-talk,Paris talk,,,2025-03-02,,,planned,,
same
X

snapshot e
t 'events add: a duplicate is refused at its line, the directory as it was' \
  'sc-events -D e add "Lyon Meeting" --start 2025-01'
status 3
err "sc-events: e/events.csv:5: 'Lyon Meeting' is already 2025-01-lyon; use --force to add it anyway"
unchanged e

t 'events add: an unknown host city is refused, the directory as it was' \
  'sc-events -D e add Talk --start 2025-03-02 --city Nowhere'
status 3
err "sc-events: unknown city 'Nowhere'"
unchanged e

t 'events add --id: an id an event has is refused' \
  'sc-events -D e add Talk --start 2025-03-02 --id 2025-01-lyon'
status 3
err "sc-events: id '2025-01-lyon' is already taken"
unchanged e

t 'events add -n: the row shown, nothing written, no temporary file' \
  'sc-events -D e add Talk --start 2025-03-02 --city Dijon -n -H'
out <<'X'
2025-03-dijon,Talk,,,2025-03-02,,fr-dijon,planned,,
X
unchanged e

printf '%s\n' '20,Call,2025-04-dijon,,,,open,2024-05-15,,' >> "$T/e/followups.csv"
t 'events add: an id named only in followups.csv is not reused; the host by name' \
  'sc-events -D e add Talk --start 2025-04-02 --city Dijon -H -c id,city'
out <<'X'
2025-04-dijon-2,fr-dijon
X

# --- attend -------------------------------------------------------------------

seed_dir a
printf '%s\n' '2024-09-columbus,"za-cape-town",participant,' >> "$T/a/attendance.csv"
cp "$T/a/attendance.csv" "$T/a.before"
t 'attend: a row changed in place, a new one last, the others as they were' \
  'sc-events -D a attend 2024-05-strasbourg Cernay Columbus --role speaker -H &&
   { sed -e "s/^2024-05-strasbourg,fr-cernay,participant,/2024-05-strasbourg,fr-cernay,speaker,/" \
         -e "s/^2024-09-columbus,\"za-cape-town\",/2024-09-columbus,za-cape-town,/" a.before;
     echo "2024-05-strasbourg,us-columbus-oh,speaker,"; } | cmp - a/attendance.csv && echo same'
out <<'X'
2024-05-strasbourg,fr-cernay,speaker,
2024-05-strasbourg,us-columbus-oh,speaker,
same
X

snapshot a
t 'attend: the same again changes nothing and writes nothing' \
  'sc-events -D a attend 2024-05-strasbourg Cernay --role speaker -H'
out <<'X'
2024-05-strasbourg,fr-cernay,speaker,
X
unchanged a

t 'attend --remove: a city that did not attend is refused, the directory as it was' \
  'sc-events -D a attend --remove 2024-05-strasbourg Cernay "Cape Town"'
status 3
err 'sc-events: za-cape-town did not attend 2024-05-strasbourg; nothing written'
unchanged a

t 'attend --remove -n: the row shown, nothing written, no temporary file' \
  'sc-events -D a attend --remove -n 2024-05-strasbourg Cernay -H'
out <<'X'
2024-05-strasbourg,fr-cernay,speaker,
X
unchanged a

t 'attend -n: the new row shown, nothing written' \
  'sc-events -D a attend -n 2024-05-strasbourg "Cape Town" -H'
out <<'X'
2024-05-strasbourg,za-cape-town,participant,
X
unchanged a

t 'attend: an unknown city is refused, the directory as it was' \
  'sc-events -D a attend 2024-05-strasbourg Nowhere'
status 3
err "sc-events: unknown city 'Nowhere'"
unchanged a

t 'attend --remove: the row goes, the others stay as they were' \
  'cp a/attendance.csv a.was && sc-events -D a attend --remove 2024-05-strasbourg Cernay &&
   grep -v "^2024-05-strasbourg,fr-cernay," a.was | cmp - a/attendance.csv && echo same'
out <<'X'
same
X

t_in 'attend: a city piped in that attends is left alone, and said so' \
  'sc-events -D a attend 2024-05-strasbourg - "Cape Town" --role host -H' 'id
fr-dijon
'
out <<'X'
2024-05-strasbourg,fr-dijon,participant,
2024-05-strasbourg,za-cape-town,host,
X
err 'sc-events: 2024-05-strasbourg: fr-dijon already attends as participant; role left (name it as an argument to change it)'

# --- partner ------------------------------------------------------------------

seed_dir p
printf '%s\n' '2024-05-strasbourg,"Acme",business,' '2024-09-columbus,Acme,,' >> "$T/p/partners.csv"
t 'partner: the row changed in place by its folded name, the others as they were' \
  'sc-events -D p partner 2024-09-columbus ACME --sector civil-society -H && cat p/partners.csv'
out <<'X'
2024-09-columbus,Acme,civil-society,
event,organisation,sector,notes
2024-05-strasbourg,Acme,business,
2024-09-columbus,Acme,civil-society,
X

t 'partner: a new one goes last' \
  'sc-events -D p partner Columbus "City Fund" -H && tail -1 p/partners.csv'
out <<'X'
2024-09-columbus,City Fund,,
2024-09-columbus,City Fund,,
X

snapshot p
t 'partner --remove: an organisation that is no partner is refused, the directory as it was' \
  'sc-events -D p partner --remove 2024-09-columbus Nobody'
status 3
err "sc-events: 2024-09-columbus has no partner 'Nobody'; nothing written"
unchanged p

t 'partner -n: the row shown, nothing written, no temporary file' \
  'sc-events -D p partner -n 2024-09-columbus Other -H'
out <<'X'
2024-09-columbus,Other,,
X
unchanged p

t 'partner --remove: the row goes' \
  'sc-events -D p partner --remove 2024-09-columbus acme -H && cat p/partners.csv'
out <<'X'
event,organisation,sector,notes
2024-05-strasbourg,Acme,business,
2024-09-columbus,City Fund,,
X

# --- import-report ------------------------------------------------------------

cp -r "$TOP/tests/data/reports" "$T/r"
seed_dir i
printf '%s\n' 'Example Webinar in Rennes' '' \
    'Description: A sample report. Dijon and Cernay took part.' '' \
    'Where & When: 3 June 2025, Rennes, France' > "$T/rennes.txt"
# The same webinar, recorded with no host: the report is refused once
# cities.csv has been streamed into its temporary file.
printf '%s\n' '2025-06-webinar,Example Webinar in Rennes,,webinar,2025-06-03,,,held,,' >> "$T/i/events.csv"
snapshot i
t 'import-report: refused after both tables began to stream; no temporary file of either' \
  'sc-events -D i import-report rennes.txt'
status 3
err 'sc-events: i/events.csv:5: the report is already recorded as 2025-06-webinar (same start and host city); --force records it again'
unchanged i

t 'import-report --force: the new host last in cities.csv, the event last in events.csv' \
  'sc-events -D i import-report --force rennes.txt -H -c $COLS && tail -1 i/cities.csv && tail -1 i/events.csv'
out <<'X'
2025-06-rennes,Example Webinar in Rennes,,webinar,2025-06-03,,fr-rennes,planned
fr-rennes,Rennes,FR,,prospect,,,,,
2025-06-rennes,Example Webinar in Rennes,,webinar,2025-06-03,,fr-rennes,planned,,A sample report. Dijon and Cernay took part.
X
err 'sc-events: rennes.txt:3: mentioned: fr-cernay (Cernay)
sc-events: rennes.txt:3: mentioned: fr-dijon (Dijon)
sc-events: adds the city fr-rennes (Rennes, FR) as a prospect'

seed_dir k
snapshot k
t 'import-report: a known host; cities.csv is not written' \
  'sc-events -D k import-report r/dijon-single-day.txt -H -c id,city && cmp k/cities.csv "$TOP/seeds/cities.csv" && echo same'
out <<'X'
2024-05-dijon,fr-dijon
same
X

# --- memory does not grow with the tables -------------------------------------

# Peak memory of each verb on a directory of N follow-ups and on one of
# 4N (cities, events and attendance scale with them): within 1.3 times.
peak() {
	/usr/bin/time -f %M -o "$T/.peak" sh -c "$1" >/dev/null 2>&1
	cat "$T/.peak"
}
if [ -x /usr/bin/time ]; then
	sh "$TOP/bench/gen.sh" "$T/m1" 50000
	sh "$TOP/bench/gen.sh" "$T/m4" 200000
	# City: fr-city stands in every follow-up (fr-city-12): they are read.
	for verb in 'sc-cities add "Testville" --country FR' \
	    'sc-cities add City --country FR' \
	    'sc-events add "Meet" --start 2025-10-01' \
	    'sc-events attend 2025-02-event-1 fr-city-1 --role host' \
	    'sc-events attend --remove 2025-02-event-1 pl-city-6' \
	    'sc-events partner 2025-02-event-1 "ACME Corp"'; do
		a=$(peak "${verb%% *} -D $T/m1 ${verb#* }")
		b=$(peak "${verb%% *} -D $T/m4 ${verb#* }")
		t "memory does not grow: $verb: ${a}k at 50k follow-ups, ${b}k at 200k" \
		  "test \$((${b} * 10)) -le \$((${a} * 13))"
	done
fi
