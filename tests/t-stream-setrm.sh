# t-stream-setrm.sh: set, rm, import and locate of sc-cities, set and rm of
# sc-events, as writes that stream (issue 15).  The table is read and the
# new one written a row at a time: the rows a verb does not change come out
# as they went in (canonical rows byte for byte, the others made
# canonical, as every write makes them), a write that fails leaves the
# directory as it was, and memory does not grow with the table.

# odd DIR: the seeds, with a row quoted where it need not be, one ending
# in CRLF and one whose notes must be quoted: every write makes the first
# two canonical and keeps the third.
odd() {
	seed_dir "$1"
	awk 'NR == 3 { sub(/^fr-cernay,Cernay/, "\"fr-cernay\",\"Cernay\"") }
	    NR == 5 { printf "%s\r\n", $0; next }
	    NR == 6 { sub(/,,43\.611/, ",\"a \"\"quoted\"\", note\",43.611") }
	    { print }' "$TOP/seeds/cities.csv" >"$T/$1/cities.csv"
}

# The seeds' cities as every write leaves the odd ones: canonical.
canon() {
	sed 's/,,43\.611/,"a ""quoted"", note",43.611/' "$TOP/seeds/cities.csv"
}

# bare DIR: the seeds without coordinates, as a record that never kept any.
bare() {
	seed_dir "$1"
	cut -d, -f1-8 "$TOP/seeds/cities.csv" >"$T/$1/cities.csv"
}

# --- rows copied, the changed one in its place ---------------------------

odd o1
canon >"$T/want1"
sed 's/^fr-dijon,Dijon,FR,,introduced,2024-05-15,2024-05-strasbourg,/&hello/' \
    "$T/want1" >"$T/want-set"
t 'set: the row changed in its place, the others as they were, made canonical' \
  'sc-cities -D o1 set fr-dijon --notes hello && cmp o1/cities.csv want-set && echo same'
out <<'X'
same
X

odd o2
grep -v '^fr-dijon,' "$T/want1" >"$T/want-rm"
t 'rm: the row gone, the others as they were, made canonical' \
  'sc-cities -D o2 rm fr-dijon --force && cmp o2/cities.csv want-rm && echo same'
out <<'X'
same
X

seed_dir o3
cp "$TOP/seeds/cities.csv" "$T/seeds.csv"
t 'set: a canonical table stays byte for byte but the row changed' \
  'sc-cities -D o3 set kalamaria --status member &&
   diff seeds.csv o3/cities.csv | grep "^[<>]"'
out <<'X'
< gr-kalamaria,Kalamaria,GR,,introduced,2024-05-15,2024-05-strasbourg,,40.583,22.950
> gr-kalamaria,Kalamaria,GR,,member,2024-05-15,2024-05-strasbourg,,40.583,22.950
X

t 'set of a name given twice and of a name and its id: each row once' \
  'sc-cities -D o3 set dijon fr-dijon dijon --notes twice && grep -c twice o3/cities.csv'
out <<'X'
1
X

t 'set -n shows a row named twice twice, as it always did' \
  'sc-cities -D o3 -n set dijon dijon --notes again -o csv -H -c id,notes'
out <<'X'
fr-dijon,again
fr-dijon,again
X

seed_dir e1
awk 'NR == 3 { printf "%s\r\n", $0; next } { print }' "$TOP/seeds/events.csv" \
    >"$T/e1/events.csv"
t 'sc-events set: the event changed in its place, every other row as it was, made canonical' \
  'sc-events -D e1 set 2024-05-strasbourg --notes streamed &&
   diff "$TOP/seeds/events.csv" e1/events.csv'
status 1
out <<'X'
2c2
< 2024-05-strasbourg,"Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy",Transatlantic Dialogue Initiative,workshop,2024-05-14,2024-05-15,fr-strasbourg,held,,"Convened deputy mayors and other city officials, and representatives of national governments, civil society and city-focused initiatives from Europe and North America"
---
> 2024-05-strasbourg,"Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy",Transatlantic Dialogue Initiative,workshop,2024-05-14,2024-05-15,fr-strasbourg,held,,streamed
X

# --- a table without coordinates gains them: every row is written anew --

bare b1
t 'set --lat on a table without coordinates: lat and lon after the others, empty in every other row' \
  'sc-cities -D b1 set dijon --lat 47.3 --lon 5.0 && head -4 b1/cities.csv'
out <<'X'
id,name,country,region,status,joined,via,notes,lat,lon
fr-strasbourg,Strasbourg,FR,,member,,,,,
fr-cernay,Cernay,FR,,introduced,2024-05-15,2024-05-strasbourg,,,
fr-dijon,Dijon,FR,,introduced,2024-05-15,2024-05-strasbourg,,47.3,5.0
X

bare b2
cut -d, -f1-8 "$TOP/seeds/cities.csv" >"$T/b2.csv"
t 'set of empty coordinates on a table without them adds no column' \
  'sc-cities -D b2 set dijon --lat "" --lon "" && cmp b2/cities.csv b2.csv && echo same'
out <<'X'
same
X

bare b3
t 'locate CITY on a table without coordinates: the columns come with the city' \
  'sc-cities -D b3 locate dijon && sed -n "1p;3,4p" b3/cities.csv'
err 'sc-cities: locate: 1 located, 0 not in the gazetteer, 0 ambiguous'
out <<'X'
id,name,country,region,status,joined,via,notes,lat,lon
fr-cernay,Cernay,FR,,introduced,2024-05-15,2024-05-strasbourg,,,
fr-dijon,Dijon,FR,,introduced,2024-05-15,2024-05-strasbourg,,47.317,5.017
X

bare b4
t 'locate with no city on a table without coordinates: every city it finds, the others empty' \
  'sc-cities -D b4 locate; sed -n "1p;8p;9p" b4/cities.csv'
err "sc-cities: b4/cities.csv:8: locate: Kordelio-Evosmos, GR: not in the gazetteer; left without coordinates (give them with set --lat --lon)
sc-cities: locate: 9 located, 1 not in the gazetteer, 0 ambiguous"
out <<'X'
id,name,country,region,status,joined,via,notes,lat,lon
gr-kordelio-evosmos,Kordelio-Evosmos,GR,,introduced,2024-05-15,2024-05-strasbourg,,,
es-murcia,Murcia,ES,,introduced,2024-05-15,2024-05-strasbourg,,37.987,-1.130
X

bare b5
cut -d, -f1-8 "$TOP/seeds/cities.csv" |
    grep -v '^fr-\|^es-\|^us-\|^za-\|^gr-kalamaria' >"$T/b5/cities.csv"
snapshot b5
t 'locate with nothing found writes nothing' \
  'sc-cities -D b5 locate'
status 1
err "sc-cities: b5/cities.csv:2: locate: Kordelio-Evosmos, GR: not in the gazetteer; left without coordinates (give them with set --lat --lon)
sc-cities: locate: 0 located, 1 not in the gazetteer, 0 ambiguous"
unchanged b5

# --- a dry run writes nothing, not even a temporary file -----------------

odd n1
snapshot n1
t 'dry runs of set, rm, import and locate leave the directory as it was' \
  'sc-cities -D n1 -n set dijon --notes x -H -c id,notes &&
   sc-cities -D n1 -n rm cernay --force -H -c id &&
   printf "name,country\nNancy,FR\n" | sc-cities -D n1 -n import - -H -c id &&
   sc-cities -D n1 -n locate dijon -H -c id &&
   sc-events -D n1 -n set 2024-05-strasbourg --notes x -H -c id &&
   sc-events -D n1 -n rm 2024-05-strasbourg --force -H -c id'
err 'sc-cities: import: 1 added, 0 skipped, 0 rejected
sc-cities: locate: 1 located, 0 not in the gazetteer, 0 ambiguous'
out <<'X'
fr-dijon,x
fr-cernay
fr-nancy
2024-05-strasbourg
2024-05-strasbourg
X
unchanged n1

bare n2
snapshot n2
t 'locate -n with no city on a table without coordinates: the cities found, with the columns, and nothing written' \
  'sc-cities -D n2 -n locate -o csv -c id,lat 2>/dev/null | sed -n "1,3p"'
status 0
out <<'X'
id,lat
fr-strasbourg,48.584
fr-cernay,47.810
X
unchanged n2

# --- a write that fails leaves everything as it was ---------------------

odd f1
snapshot f1
t 'set that fails its check: nothing written, no temporary file' \
  'sc-cities -D f1 set dijon --field status=bogus'
status 3
err "sc-cities: f1/cities.csv:4: status: invalid value 'bogus' (one of: prospect, introduced, member, former)
sc-cities: 1 problem; nothing written"
unchanged f1

t 'import with a row that fails, after the table was streamed: nothing written, no temporary file' \
  'printf "name,country\nNancy,FR\nX,ZZ\n" >f1.csv; sc-cities -D f1 import f1.csv'
status 3
err "sc-cities: f1.csv:3: country: unknown country code 'ZZ' (ISO 3166-1 alpha-2, upper case)
sc-cities: import: 1 added, 0 skipped, 1 rejected
sc-cities: import: nothing written (--skip-invalid adds the valid rows)"
unchanged f1

t 'rm of a city another table names: refused at that row, nothing written' \
  'sc-cities -D f1 rm montpellier'
status 3
err 'sc-cities: f1/attendance.csv:6: names fr-montpellier; not removed (--force removes it anyway)'
unchanged f1

t 'sc-events rm of a named event: refused, nothing written' \
  'sc-events -D f1 rm 2024-05-strasbourg'
status 3
err_has 'names 2024-05-strasbourg; not removed (--force removes it anyway)'
unchanged f1

t 'set of names: every unknown one named, an ambiguous one refused, nothing written' \
  'sc-cities -D f1 set nowhere dijon elsewhere --notes x; sc-cities -D f1 set o --notes x'
status 3
err "sc-cities: unknown city 'nowhere'
sc-cities: unknown city 'elsewhere'
sc-cities: city name 'o' is ambiguous: fr-strasbourg, fr-dijon, fr-montpellier, gr-kordelio-evosmos, us-columbus-oh, za-cape-town; give an id"
unchanged f1

t 'sc-events set --city of an unknown city: nothing written' \
  'sc-events -D f1 set 2024-05-strasbourg --city atlantis'
status 3
err "sc-events: unknown city 'atlantis'"
unchanged f1

# --- import: what it asks of the table, answered as it streams ----------

seed_dir i1
for s in "" -2 -3 -4 -5 -6 -7 -8 -9 -10 -11; do
	echo "fr-paris$s,Paris$s old,FR,,prospect,,,,," >>"$T/i1/cities.csv"
done
t 'import: a city whose first ten ids are taken gets the next one' \
  'printf "name,country\nParis,FR\n" >p.csv; sc-cities -D i1 import p.csv; tail -1 i1/cities.csv'
err 'sc-cities: import: 1 added, 0 skipped, 0 rejected'
out <<'X'
fr-paris-12,Paris,FR,,prospect,,,,,
X

seed_dir i2
printf 'fr-nancy-old,Elsewhere,FR,,prospect,,,,,\n' >>"$T/i2/cities.csv"
printf '2024-05-strasbourg,fr-nancy,participant,\n' >>"$T/i2/attendance.csv"
t 'import: an id another table still names is not taken again, nor one a row took before' \
  'printf "name,country,region\nNancy,FR,\nNancy,FR,FR-GES\nDijon,FR,\n" >n.csv;
   printf "id,name,country\n,Nancy,DE\nde-nancy,Nancy Other,DE\n" >n2.csv;
   sc-cities -D i2 import n.csv && sc-cities -D i2 import n2.csv; tail -2 i2/cities.csv'
err 'sc-cities: import: 1 added, 2 skipped, 0 rejected
sc-cities: import: 1 added, 1 skipped, 0 rejected'
out <<'X'
fr-nancy-2,Nancy,FR,,prospect,,,,,
de-nancy,Nancy,DE,,prospect,,,,,
X

# --- memory does not grow with the table --------------------------------

cc -O2 -o "$T/measure" "$TOP/bench/measure.c"
# big DIR N: N cities with coordinates (and Strasbourg without), N events.
big() {
	mkdir -p "$T/$1"
	cp "$TOP"/seeds/attendance.csv "$TOP"/seeds/partners.csv \
	    "$TOP"/seeds/followups.csv "$T/$1/"
	awk -v n="$2" 'BEGIN {
		print "id,name,country,region,status,joined,via,notes,lat,lon"
		for (i = 1; i <= n; i++)
			printf "fr-c%d,City %d,FR,,member,2024-01-02,,\"a, note\",1.5,2.5\n", i, i
		print "fr-strasbourg,Strasbourg,FR,,member,,,,,"
		print "fr-cernay,Cernay,FR,,member,,,,1,1"
		print "fr-montpellier,Montpellier,FR,,member,,,,1,1"
		print "fr-lonely,Lonely,FR,,member,,,,1,1"
	}' >"$T/$1/cities.csv"
	awk -v n="$2" 'BEGIN {
		print "id,name,series,kind,start,end,city,status,url,notes"
		for (i = 1; i <= n; i++)
			printf "2025-01-e%d,\"Event %d, a dialogue\",S,dialogue,2025-01-02,,fr-c%d,planned,,\n", i, i, i
		print "2024-05-strasbourg,Strasbourg,S,dialogue,2024-05-15,,fr-strasbourg,held,,"
	}' >"$T/$1/events.csv"
}
# Under ASan and valgrind (SC_TEST_VLIMIT=unlimited) memory is theirs to
# count, not ours: the writes run, on smaller tables, and are not measured.
free=${SC_TEST_VLIMIT:-}
if [ "$free" = unlimited ]; then
	big m1 2000
	big m4 8000
else
	big m1 50000
	big m4 200000
fi
printf 'name,country\nNewtown,FR\nOldtown,FR\nCity 7,FR\n' >"$T/new.csv"

# grows 'what' 'command with DIR': its peak memory on the table of 200000
# rows is within 1.3 times that on 50000 (a write that keeps every row
# takes four times as much).
grows() {
	t "$1: memory does not grow with the table" \
	  "./measure 1 '$(echo "$2" | sed s/DIR/m1/g)' '$(echo "$2" | sed s/DIR/m4/g)' |
	   awk -v free=$free '{ k[NR] = \$3 } END {
	       if (free == \"unlimited\" || k[2] <= 1.3 * k[1]) print \"flat\"; else print k[1], k[2] }'"
	out <<'X'
flat
X
}
grows 'sc-cities set' 'sc-cities -D DIR set fr-c77 --notes x'
grows 'sc-cities set by name' 'sc-cities -D DIR set "city 1234" --status former'
grows 'sc-cities set --lat' 'sc-cities -D DIR set strasbourg --lat 48.5 --lon 7.7'
grows 'sc-events set' 'sc-events -D DIR set 2025-01-e77 --notes x --city fr-c5'
grows 'sc-cities rm' 'sc-cities -D DIR rm lonely'
grows 'sc-cities rm --force' 'sc-cities -D DIR rm --force fr-c99'
grows 'sc-events rm' 'sc-events -D DIR rm 2025-01-e99'
grows 'sc-cities import' 'sc-cities -D DIR import new.csv 2>/dev/null'
grows 'sc-cities locate CITY' 'sc-cities -D DIR locate montpellier 2>/dev/null'
grows 'sc-cities locate' 'sc-cities -D DIR set strasbourg --lat "" --lon "" && sc-cities -D DIR locate 2>/dev/null'

t 'the writes measured did what they say, on both tables' \
  'for d in m1 m4; do grep -c "^fr-c77,.*,x,1.5,2.5$" $d/cities.csv; grep -c "^fr-c99,\|^fr-lonely," $d/cities.csv;
   grep -c "^2025-01-e77,.*,fr-c5,planned,,x$" $d/events.csv; grep -c "^fr-\(newtown\|oldtown\)," $d/cities.csv;
   grep -c "^fr-montpellier,.*,43.611,3.877$" $d/cities.csv; grep -c "^fr-strasbourg,.*,48.584,7.746$" $d/cities.csv; done'
out <<'X'
1
0
1
2
1
1
1
0
1
2
1
1
X
