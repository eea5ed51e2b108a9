# t-locate.sh: where the cities are and when the events were.  sc-cities
# locate and the coordinates of cities (--lat, --lon, check), and the
# pictures of the record: sc-cities list -o svg, a map, and sc-events
# list -o svg, a timeline, parsed as XML (xmllint, python3's xml.etree)
# and rendered by rsvg-convert.

LOC_PY=/usr/bin/python3
NOT_HERE='not in the gazetteer; added without coordinates (give them with --lat and --lon)'
export LOC_PY

# svgq.py FILE: one line a mark, "city TITLE CX CY FILL" or "event TITLE
# X WIDTH Y STYLE", then "title TEXT" and "text CONTENT" for every text.
cp "$TOP/tests/svgq.py" "$T/svgq.py"

# bare DIR: the seeds without their coordinates, as a record that has
# never kept any (the seed cities have no quoted fields).
bare() {
	seed_dir "$1"
	cut -d, -f1-8 "$TOP/seeds/cities.csv" >"$T/$1/cities.csv"
}

# GeoNames' coordinates of the seed cities as geonames.org shows them, to
# two decimals: what locate finds must be within 0.2 degrees of them.
cat >"$T/geonames.tsv" <<'EOF'
fr-strasbourg	48.58	7.75
fr-cernay	47.81	7.18
fr-dijon	47.32	5.02
fr-mittelhausbergen	48.61	7.69
fr-montpellier	43.61	3.88
gr-kalamaria	40.58	22.95
es-murcia	37.99	-1.13
us-columbus-oh	39.96	-83.00
za-cape-town	-33.93	18.42
EOF

# --- locate: the seeds -----------------------------------------------------

bare b
t 'locate: the seed cities: nine found, Kordelio-Evosmos named; exit 1' \
  'sc-cities -D b locate'
status 1
err "sc-cities: b/cities.csv:8: locate: Kordelio-Evosmos, GR: not in the gazetteer; left without coordinates (give them with set --lat --lon)
sc-cities: locate: 9 located, 1 not in the gazetteer, 0 ambiguous"

t 'locate: ... lat and lon are added after the other columns' \
  'head -1 b/cities.csv'
out <<'X'
id,name,country,region,status,joined,via,notes,lat,lon
X

t 'locate: ... each city within 0.2 degrees of GeoNames'"'"' coordinates' \
  'sc-cities -D b list -o tsv -c id,lat,lon -H | awk -F "\t" "
     NR == FNR { lat[\$1] = \$2; lon[\$1] = \$3; next }
     \$1 in lat { d = \$2 - lat[\$1]; e = \$3 - lon[\$1];
       print \$1, (d < 0.2 && d > -0.2 && e < 0.2 && e > -0.2) ? \"near\" : \"far\" }
     !(\$1 in lat) { print \$1, \"[\" \$2 \",\" \$3 \"]\" }" geonames.tsv -'
out <<'X'
fr-strasbourg near
fr-cernay near
fr-dijon near
fr-mittelhausbergen near
fr-montpellier near
gr-kalamaria near
gr-kordelio-evosmos [,]
es-murcia near
us-columbus-oh near
za-cape-town near
X

t 'locate: ... what it finds is what the seeds hold, Kordelio-Evosmos aside' \
  'diff b/cities.csv "$TOP/seeds/cities.csv"'
status 1
out <<'X'
8c8
< gr-kordelio-evosmos,Kordelio-Evosmos,GR,,introduced,2024-05-15,2024-05-strasbourg,,,
---
> gr-kordelio-evosmos,Kordelio-Evosmos,GR,,introduced,2024-05-15,2024-05-strasbourg,,40.671,22.908
X

snapshot b
t 'locate again: only the city without coordinates is looked up; nothing written' \
  'sc-cities -D b locate'
status 1
err "sc-cities: b/cities.csv:8: locate: Kordelio-Evosmos, GR: not in the gazetteer; left without coordinates (give them with set --lat --lon)
sc-cities: locate: 0 located, 1 not in the gazetteer, 0 ambiguous"
unchanged b

t 'set --lat --lon: a person gives them; locate then has nothing to do, exit 0' \
  'sc-cities -D b set kordelio --lat 40.671 --lon 22.908 &&
   sc-cities -D b locate && cmp b/cities.csv "$TOP/seeds/cities.csv" && echo same'
out <<'X'
same
X
err 'sc-cities: locate: 0 located, 0 not in the gazetteer, 0 ambiguous'

bare n
snapshot n
t 'locate -n: prints the rows it would change, changes nothing' \
  'sc-cities -D n locate -n -c id,lat,lon gr-kalamaria kordelio'
status 1
out <<'X'
id,lat,lon
gr-kalamaria,40.583,22.950
X
err "sc-cities: n/cities.csv:8: locate: Kordelio-Evosmos, GR: not in the gazetteer; left without coordinates (give them with set --lat --lon)
sc-cities: locate: 1 located, 1 not in the gazetteer, 0 ambiguous"
unchanged n

t 'locate takes no filter: name the cities, or pipe them in with -' \
  'sc-cities -D n locate --country GR'
status 2
err 'sc-cities: --country does not apply to locate'
unchanged n

t 'locate CITY: a named city is looked up again, its old coordinates replaced' \
  'seed() { rm -rf s && mkdir s && cp "$TOP"/seeds/*.csv s/; }; seed &&
   sc-cities -D s set dijon --lat 0 --lon 0 && sc-cities -D s locate dijon &&
   cmp s/cities.csv "$TOP/seeds/cities.csv" && echo same'
out <<'X'
same
X
err 'sc-cities: locate: 1 located, 0 not in the gazetteer, 0 ambiguous'

t 'locate CITY: a named city not found keeps the coordinates a person gave' \
  'sc-cities -D s locate kordelio; sc-cities -D s list --name kordelio -c lat,lon -H'
out <<'X'
40.671,22.908
X
err "sc-cities: s/cities.csv:8: locate: Kordelio-Evosmos, GR: not in the gazetteer; its coordinates are kept
sc-cities: locate: 0 located, 1 not in the gazetteer, 0 ambiguous"

t 'locate: an unknown city named is exit 3, nothing looked up' \
  'sc-cities -D s locate atlantis'
status 3
err "sc-cities: unknown city 'atlantis'"

t 'locate: the seed data is read-only: the message says how to name a directory' \
  'sc-cities locate 2>&1 | head -1 | cut -c1-59'
out <<'X'
sc-cities: the built-in seed data is read-only; name a data
X

# --- the rule of the gazetteer: region, then the clearly most populous -----

mkdir -p "$T/col"
cat >"$T/col/cities.csv" <<'X'
id,name,country,region,status,joined,via,notes
us-columbus-oh,Columbus,US,US-OH,prospect,,,
us-columbus-ga,Columbus,US,US-GA,prospect,,,
us-columbus,Columbus,US,,prospect,,,
us-birmingham,Birmingham,US,,prospect,,,
fr-strasbourg,Strasbourg,FR,FR-GES,member,,,
fr-villeneuve,Villeneuve,FR,,prospect,,,
X
t 'Columbus: US-OH lands in Ohio, US-GA in Georgia, no region is not guessed' \
  'sc-cities -D col locate; sc-cities -D col list -c id,lat,lon'
out <<'X'
id,lat,lon
us-columbus-oh,39.961,-82.999
us-columbus-ga,32.461,-84.988
us-columbus,,
us-birmingham,33.521,-86.802
fr-strasbourg,48.584,7.746
fr-villeneuve,,
X
err "sc-cities: col/cities.csv:4: locate: Columbus, US: 12 places of that name, none ten times as populous as the next: US-OH at 39.961,-82.999, 850106 people; US-GA at 32.461,-84.988, 200579 people; US-IN at 39.201,-85.921, 46690 people; US-MS at 33.496,-88.427, 23168 people; US-NE at 41.430,-97.368, 22797 people; US-WI at 43.338,-89.015, 4996 people; US-MN at 45.265,-93.050, 4007 people; US-TX at 29.707,-96.540, 3629 people; ...; give it a region, or --lat and --lon; left without coordinates (give them with set --lat --lon)
sc-cities: col/cities.csv:5: locate: Birmingham, US: taken as the most populous of 2 places of that name: US-AL at 33.521,-86.802, 212461 people; US-MI at 42.547,-83.211, 20857 people; give it a region, or --lat and --lon, if another is meant
sc-cities: col/cities.csv:7: locate: Villeneuve, FR: 4 places of that name, none ten times as populous as the next: at 44.945,6.565, 3444 people; at 43.894,5.863, 3309 people; at 44.433,2.033, 2098 people; at 46.021,4.836, 1024 people; give it --lat and --lon; left without coordinates (give them with set --lat --lon)
sc-cities: locate: 4 located, 0 not in the gazetteer, 2 ambiguous"

t 'a region the gazetteer has no place in: matched on the country alone' \
  'sc-cities -D col list --name strasbourg -c region,lat,lon -H'
out <<'X'
FR-GES,48.584,7.746
X

bare p
t 'locate -: the cities piped in, all read before the lock (add | locate -)' \
  'sc-cities -D p add Lyon --country FR | sc-cities -D p locate - &&
   sc-cities -D p list --name lyon -c id,lat,lon -H'
out <<'X'
fr-lyon,45.748,4.847
X
err 'sc-cities: locate: 1 located, 0 not in the gazetteer, 0 ambiguous'

t 'locate -: ... the output of list, in one pipeline' \
  'sc-cities -D p list --country FR,GR,ES -c id | sc-cities -D p locate - --wait 0;
   echo "exit $?"'
out <<'X'
exit 1
X
err "sc-cities: p/cities.csv:8: locate: Kordelio-Evosmos, GR: not in the gazetteer; left without coordinates (give them with set --lat --lon)
sc-cities: locate: 8 located, 1 not in the gazetteer, 0 ambiguous"

# --- --lat and --lon --------------------------------------------------------

seed_dir v
snapshot v
for bad in '--lat 48.5' '--lon 7.7' '--lat 91 --lon 7' '--lat 48 --lon 181' \
    '--lat 48,5 --lon 7' '--lat +48 --lon 7' '--lat 4e1 --lon 7' \
    '--lat 48.5N --lon 7' "--lat ' 48' --lon 7" '--lat 48. --lon 7' \
    '--lat .5 --lon 7' "--lat '' --lon 7"; do
	t "set $bad: refused, exit 2, nothing written" \
	  "sc-cities -D v set dijon $bad"
	status 2
	err_has 'sc-cities: --l'
	unchanged v
done

t 'the messages say what a coordinate is' \
  'sc-cities -D v set dijon --lat 91 --lon 5; sc-cities -D v add X --country FR --lon 181 --lat 1;
   sc-cities -D v set dijon --lat 1; sc-cities -D v set dijon --lat "" --lon 2'
status 2
err "sc-cities: --lat: not a latitude: '91' (decimal degrees from -90 to 90, north positive, like 48.584)
sc-cities: --lon: not a longitude: '181' (decimal degrees from -180 to 180, east positive, like 7.746)
sc-cities: --lat and --lon go together: give both
sc-cities: --lat and --lon: both empty (to clear them) or both given"
unchanged v

t '--lat and --lon are for add and set only' \
  'sc-cities -D v list --lat 1 --lon 2'
status 2
err 'sc-cities: --lat does not apply to list'

t 'the ends of the ranges are coordinates; set --lat "" --lon "" clears them' \
  'sc-cities -D v set dijon --lat -90 --lon 180 && sc-cities -D v list --name dijon -c lat,lon -H &&
   sc-cities -D v set dijon --lat 90.0000000000000000 --lon -180 2>&1;
   sc-cities -D v set dijon --lat "" --lon "" && sc-cities -D v list --name dijon -c lat,lon -H'
out <<'X'
-90,180
sc-cities: --lat: not a latitude: '90.0000000000000000' (decimal degrees from -90 to 90, north positive, like 48.584)
,
X

t 'set --lat --lon in a table without coordinates adds the columns' \
  'sc-cities -D p set fr-dijon --lat 47.3 --lon 5 -n -c id,lat,lon'
out <<'X'
id,lat,lon
fr-dijon,47.3,5
X

t '--field lat=95 is checked as any value is: exit 3, nothing written' \
  'snap() { ls -la --time-style=+ v; cat v/*; }; snap >before &&
   sc-cities -D v set dijon --field lat=95 --field lon=5; s=$?; snap | cmp - before && exit $s'
status 3
err "sc-cities: v/cities.csv:4: lat: invalid latitude '95' (decimal degrees from -90 to 90, like 48.584)
sc-cities: 1 problem; nothing written"

# --- add locates, when the record keeps coordinates ------------------------

seed_dir a
t 'add: a new city is located when cities.csv keeps coordinates' \
  'sc-cities -D a add Lyon --country FR -c id,lat,lon -H'
out <<'X'
fr-lyon,45.748,4.847
X

t 'add: coordinates given are taken, not looked up' \
  'sc-cities -D a add Nancy --country FR --lat 48.69 --lon 6.18 -c id,lat,lon -H'
out <<'X'
fr-nancy,48.69,6.18
X

t 'add: a name the rule cannot place is added without coordinates, and said' \
  'sc-cities -D a add Portland --country US -c id,lat,lon -H'
out <<'X'
us-portland,,
X
err "sc-cities: add: Portland, US: 9 places of that name, none ten times as populous as the next: US-OR at 45.523,-122.676, 632309 people; US-ME at 43.657,-70.259, 66881 people; US-TX at 27.877,-97.324, 16116 people; US-TN at 36.582,-86.516, 12323 people; US-IN at 40.434,-84.978, 6186 people; US-CT at 41.573,-72.641, 5862 people; US-NY at 42.380,-79.468, 4694 people; US-MI at 42.869,-84.903, 3923 people; ...; give it a region, or --lat and --lon; added without coordinates (give them with --lat and --lon)"

t 'add: ... a region places it' \
  'sc-cities -D a add Portland --country US --region US-ME --force -c id,lat,lon -H'
out <<'X'
us-portland-me,43.657,-70.259
X

t 'add: a city not in the gazetteer is added, and said' \
  'sc-cities -D a add Atlantis --country GR -c id,lat,lon -H'
out <<'X'
gr-atlantis,,
X
err "sc-cities: add: Atlantis, GR: $NOT_HERE"

t 'add: a city refused is not looked up' \
  'sc-cities -D a add Dijon --country FR'
status 3
err "sc-cities: a/cities.csv:4: 'Dijon' is already fr-dijon; use --force to add it anyway"

bare a2
t 'add: a table that keeps no coordinates is not given any' \
  'sc-cities -D a2 add Lyon --country FR -c id -H &&
   sc-cities -D a2 add Nancy --country FR --lat "" --lon "" -c id -H && head -1 a2/cities.csv'
out <<'X'
fr-lyon
fr-nancy
id,name,country,region,status,joined,via,notes
X

t 'add --lat "" --lon "": no coordinates, and no look-up' \
  'sc-cities -D a add Marseille --country FR --lat "" --lon "" -c id,lat,lon -H'
out <<'X'
fr-marseille,,
X

# A binary beside an unreadable gazetteer, as one copied without its data.
mkdir -p "$T/nogaz/data"
cp "$TOP/sc-cities" "$T/nogaz/"
: >"$T/nogaz/data/gazetteer.tsv"
seed_dir g
snapshot g
t 'locate without a gazetteer: exit 4, named, nothing written' \
  'nogaz/sc-cities -D g locate'
status 4
err "sc-cities: $T/nogaz/data/gazetteer.tsv: not a gazetteer of sc"
unchanged g

t 'add without a gazetteer: the city is added without coordinates, and said' \
  'nogaz/sc-cities -D g add Lyon --country FR -c id,lat,lon -H'
out <<'X'
fr-lyon,,
X
err "sc-cities: add: $T/nogaz/data/gazetteer.tsv: not a gazetteer of sc; Lyon added without coordinates"

# --- check ------------------------------------------------------------------

seed_dir c
cat >>"$T/c/cities.csv" <<'X'
fr-a,A,FR,,prospect,,,,95,7
fr-b,B,FR,,prospect,,,,48,-181
fr-c,C,FR,,prospect,,,,"48,5",7
fr-d,D,FR,,prospect,,,,48.5,
fr-e,E,FR,,prospect,,,,,7.5
fr-f,F,FR,,prospect,,,,north,east
fr-g,G,FR,,prospect,,,,-0.000,-180.0
X
t 'check: coordinates in range, decimal degrees, both or neither' \
  'sc-cities -D c check'
status 1
err "sc-cities: c/cities.csv:12: lat: invalid latitude '95' (decimal degrees from -90 to 90, like 48.584)
sc-cities: c/cities.csv:13: lon: invalid longitude '-181' (decimal degrees from -180 to 180, like 7.746)
sc-cities: c/cities.csv:14: lat: invalid latitude '48,5' (decimal degrees from -90 to 90, with a point, not a comma)
sc-cities: c/cities.csv:15: lon: empty, while lat is '48.5' (give both lat and lon, or neither)
sc-cities: c/cities.csv:16: lat: empty, while lon is '7.5' (give both lat and lon, or neither)
sc-cities: c/cities.csv:17: lat: invalid latitude 'north' (decimal degrees from -90 to 90, like 48.584)"

t 'check: a table with no lat and lon has none to check' \
  'sc-cities -D a2 check'

# --- the map: sc-cities list -o svg ----------------------------------------

t 'list -o svg: the seed cities on a map, valid XML, one dot each' \
  'sc-cities list -o svg >map.svg && xmllint --noout map.svg &&
   $LOC_PY svgq.py map.svg | grep -c "^city"'
out <<'X'
10
X

t 'list -o svg: ... the title, the legend by status, and the count drawn' \
  '$LOC_PY svgq.py map.svg | grep "^title\|(.)\$\|drawn"'
out <<'X'
title	Cities
text	member (1)
text	introduced (7)
text	prospect (2)
text	10 of 10 cities drawn. Land: Natural Earth (public domain). Equirectangular projection, standard parallel 7°N.
X

t 'list -o svg: ... west is left and south is down' \
  '$LOC_PY svgq.py map.svg | awk -F "\t" "\$1 == \"city\" { print \$3, \$2 }" |
   sort -n | sed -n "1p;\$p"; $LOC_PY svgq.py map.svg |
   awk -F "\t" "\$1 == \"city\" { print \$4, \$2 }" | sort -n | sed -n "1p;\$p"'
out <<'X'
123.5 Columbus (prospect)
836.5 Kalamaria (introduced)
100.0 Mittelhausbergen (introduced)
660.0 Cape Town (prospect)
X

t 'list --via ... -o svg: the filters work as for any list; they are the title' \
  'sc-cities list --via 2024-05-strasbourg --status introduced -o svg >via.svg &&
   xmllint --noout via.svg && $LOC_PY svgq.py via.svg | grep -c "^city" &&
   $LOC_PY svgq.py via.svg | grep "^title"'
out <<'X'
7
title	Cities — --status introduced --via 2024-05-strasbourg
X

t 'list -o svg: a value with spaces in the title is quoted as a shell would' \
  'sc-cities list --name "cape t" -o svg | $LOC_PY svgq.py /dev/stdin | grep "^title"'
out <<'X'
title	Cities — --name 'cape t'
X

t 'list -o svg: cities without coordinates are counted and named, not drawn' \
  'sc-cities -D p list --country GR -o svg >gr.svg && $LOC_PY svgq.py gr.svg |
   grep -c "^city"; $LOC_PY svgq.py gr.svg | grep "drawn"'
out <<'X'
1
text	1 city not drawn, for want of coordinates: Kordelio-Evosmos
text	1 of 2 cities drawn. Land: Natural Earth (public domain). Equirectangular projection, standard parallel 41°N.
X

t 'list -o svg: a record with no coordinates at all is a map with none drawn' \
  'sc-cities -D a2 list -o svg >none.svg && xmllint --noout none.svg &&
   $LOC_PY svgq.py none.svg | grep -c "^city"; $LOC_PY svgq.py none.svg | grep -c "Kordelio"'
out <<'X'
0
1
X

t 'list -o svg: coordinates that cannot be read are named, the city not drawn, exit 3' \
  'sc-cities -D c list -o svg >c.svg; echo "exit $?"; xmllint --noout c.svg &&
   $LOC_PY svgq.py c.svg | grep -c "^city"'
out <<'X'
exit 3
11
X
err "sc-cities: c/cities.csv:12: lat: invalid latitude '95' (decimal degrees from -90 to 90, like 48.584)
sc-cities: c/cities.csv:13: lon: invalid longitude '-181' (decimal degrees from -180 to 180, like 7.746)
sc-cities: c/cities.csv:14: lat: invalid latitude '48,5' (decimal degrees from -90 to 90, with a point, not a comma)
sc-cities: c/cities.csv:15: lon: empty, while lat is '48.5' (give both lat and lon, or neither)
sc-cities: c/cities.csv:16: lat: empty, while lon is '7.5' (give both lat and lon, or neither)
sc-cities: c/cities.csv:17: lat: invalid latitude 'north' (decimal degrees from -90 to 90, like 48.584)"

t 'list -i - -o svg: the cities of an event, piped in' \
  'sc-events cities 2024-05-strasbourg | sc-cities list -i - -o svg |
   $LOC_PY svgq.py /dev/stdin | grep -c "^city"'
out <<'X'
8
X

t 'list -o svg renders in rsvg-convert, 960 pixels wide' \
  'rsvg-convert map.svg -o map.png && od -An -tx1 -j16 -N4 map.png'
out <<'X'
 00 00 03 c0
X

# --- the timeline: sc-events list -o svg -------------------------------------

t 'sc-events list -o svg: the seed events on a timeline, valid XML, one bar each' \
  'sc-events list -o svg >tl.svg && xmllint --noout tl.svg &&
   $LOC_PY svgq.py tl.svg | grep -c "^event"'
out <<'X'
3
X

t 'sc-events list -o svg: ... earlier is left; held solid, planned dashed' \
  '$LOC_PY svgq.py tl.svg | awk -F "\t" "\$1 == \"event\" { print \$3 + 0, \$6, substr(\$2, 1, 24) }"'
out <<'X'
146.4 solid Transatlantic Dialogue I
480 dashed Transatlantic Dialogue, 
756 dashed Fifth Global Summit: 202
X

t 'sc-events list -o svg: ... host cities by their names, from cities.csv' \
  '$LOC_PY svgq.py tl.svg | grep "^text.* — " | sed "s/.* — //"'
out <<'X'
Strasbourg
Columbus
Cape Town
X

t 'sc-events list --upcoming 6m -o svg: the filters as given are the title' \
  'sc-events list --upcoming 6m --kind summit,dialogue -o svg >up.svg &&
   $LOC_PY svgq.py up.svg | grep -c "^event" && $LOC_PY svgq.py up.svg | grep "^title"'
out <<'X'
2
title	Events — --upcoming 6m --kind summit,dialogue
X

t 'sc-events list -o svg: today is marked, as --today says' \
  'sc-events list -o svg --today 2024-10-01 | grep -c "class=\"today\""; grep -c "class=\"today\"" tl.svg'
out <<'X'
1
1
X

t 'sc-events list -o svg renders in rsvg-convert, 960 pixels wide' \
  'rsvg-convert tl.svg -o tl.png && od -An -tx1 -j16 -N4 tl.png'
out <<'X'
 00 00 03 c0
X

seed_dir e
printf 'x-bad,Bad,,,2024-13,,fr-dijon,held,,\n' >>"$T/e/events.csv"
t 'sc-events list -o svg: a start that cannot be read is named and shown as not drawn, exit 3' \
  'sc-events -D e list -o svg >e.svg; echo "exit $?"; $LOC_PY svgq.py e.svg | grep "not drawn"'
out <<'X'
exit 3
text	1 event not drawn, for want of a start date: Bad
X
err "sc-events: e/events.csv:5: start: invalid date '2024-13' (want YYYY-MM-DD, YYYY-MM or YYYY)"

# --- names from hostile hands, through the commands ---------------------------

seed_dir h
sc-cities -D "$T/h" add '<script>alert(1)</script>' --country FR --lat 45 --lon 5 >/dev/null
sc-cities -D "$T/h" add 'Tom & "Jerry'"'"'s"' --country FR --lat 46 --lon 6 >/dev/null
sc-events -D "$T/h" add '<b>Summit</b> & "more"' --start 2024-11 --city '<script>' \
    --series '</svg>' >/dev/null

t 'hostile names through sc-cities list -o svg: valid XML, every one a dot' \
  'sc-cities -D h list -o svg --name "<" >h.svg; sc-cities -D h list -o svg >h2.svg &&
   xmllint --noout h.svg h2.svg && $LOC_PY svgq.py h2.svg | grep -c "^city"; grep -c "<script" h2.svg'
status 1
out <<'X'
12
0
X

t 'hostile names: ... markup is text, and the title is the filter, escaped' \
  '$LOC_PY svgq.py h.svg | grep "^title\|^city"'
out <<'X'
city	<script>alert(1)</script> (prospect)	480.0	380.0	#f28e2b
title	Cities — --name '<'
X

t 'hostile names: ... quotes and ampersands survive' \
  '$LOC_PY svgq.py h2.svg | grep "^city	Tom" | cut -f2'
out <<'X'
Tom & "Jerry's" (prospect)
X

t 'hostile names through sc-events list -o svg: valid XML, markup as text' \
  'sc-events -D h list -o svg >he.svg && xmllint --noout he.svg &&
   $LOC_PY svgq.py he.svg | grep "Summit</b>\|^text	</svg>"; grep -c "<b>\|<script\|</svg>.*<" he.svg'
status 1
out <<'X'
event	<b>Summit</b> & "more": 2024-11, <script>alert(1)</script>, planned	665.0	91.0	165.0	dashed
text	<b>Summit</b> & "more" — <script>alert(1)</script>
text	</svg>
0
X

t 'hostile names render in rsvg-convert' \
  'rsvg-convert h2.svg -o h2.png && rsvg-convert he.svg -o he.png && test -s h2.png && test -s he.png'

# --- -o svg elsewhere ----------------------------------------------------------

for cmd in 'sc-cities show dijon' 'sc-cities check' 'sc-cities -D a add X --country FR' \
    'sc-cities -D a locate' 'sc-events show 2024-09-columbus' \
    'sc-events cities 2024-05-strasbourg' 'sc-followups list' 'sc-followups report'; do
	t "-o svg is for the lists of cities and events: $cmd, exit 2" "$cmd -o svg"
	status 2
	err_has ': --output: svg is for '
done

t '-o svg: --columns has nothing to choose, exit 2' \
  'sc-cities list -o svg -c name; sc-events list -o svg -c name'
status 2
err 'sc-cities: --columns does not apply to -o svg
sc-events: --columns does not apply to -o svg'

# --- the README's pictures -------------------------------------------------------

t 'make docs: the committed pictures of the seeds are current' \
  'make -s -C "$TOP" docs DOCDIR="$PWD/docs" >/dev/null &&
   cmp docs/cities.svg "$TOP/docs/cities.svg" && cmp docs/events.svg "$TOP/docs/events.svg" &&
   xmllint --noout docs/*.svg && echo current'
out <<'X'
current
X

t 'the pictures render as PNGs of 960 pixels' \
  'for f in cities events; do rsvg-convert "$TOP/docs/$f.svg" -o $f.png &&
   od -An -tx1 -j16 -N4 $f.png; done'
out <<'X'
 00 00 03 c0
 00 00 03 c0
X

# --- many cities -----------------------------------------------------------------

# 10,000 cities named as every thirteenth row of the gazetteer names one,
# a tenth of them with a letter more, quoted for CSV.
awk -F '\t' 'BEGIN { print "id,name,country,region,status,joined,via,notes" }
    /^#/ { next }
    ++n % 13 == 0 && k < 10000 {
	name = $2; if (k % 10 == 9) name = name "q"; gsub(/"/, "\"\"", name)
	printf "x-%d,\"%s\",%s,%s,prospect,,,\n", k++, name, $3, $4 }' \
    "$TOP/data/gazetteer.tsv" >"$T/many.csv"
mkdir -p "$T/many"
cp "$T/many.csv" "$T/many/cities.csv"
t 'locate: 10,000 cities, each one lookup; the counts' \
  'ulimit -v 300000; sc-cities -D many locate 2>&1 | tail -1'
out <<'X'
sc-cities: locate: 8452 located, 1000 not in the gazetteer, 548 ambiguous
X

t 'locate: ... each city found has the coordinates of its row' \
  'sc-cities -D many check && sc-cities -D many list -o tsv -c id,lat,lon -H | grep -c "	-\{0,1\}[0-9]"'
out <<'X'
8452
X

# --- locate writes as every verb writes --------------------------------------

bare w
printf 'fr-lyon,Lyon,FR,,introduced,15/05/2024,,\n' >>"$T/w/cities.csv"
snapshot w
t 'locate: a city it locates that has another invalid value: exit 3, nothing written' \
  'sc-cities -D w locate lyon'
status 3
err "sc-cities: w/cities.csv:12: joined: invalid date '15/05/2024' (saved by a spreadsheet? run sc-cities tidy)
sc-cities: 1 problem; nothing written"
unchanged w

t 'locate: ... the cities it does not touch are no reason to refuse' \
  'sc-cities -D w locate dijon && sc-cities -D w list --name dijon -c lat,lon -H'
out <<'X'
47.317,5.017
X
err 'sc-cities: locate: 1 located, 0 not in the gazetteer, 0 ambiguous'

bare l
mkdir -p "$T/lreal"
mv "$T/l/cities.csv" "$T/lreal/cities.csv"
ln -s ../lreal/cities.csv "$T/l/cities.csv"
t 'locate: through a symbolic link, the link stays; only cities.csv changes' \
  'ls -la --time-style=+ l | grep -v cities.csv >before; sc-cities -D l locate murcia &&
   readlink l/cities.csv && grep "^es-murcia" lreal/cities.csv &&
   ls -la --time-style=+ l | grep -v cities.csv | cmp - before && ls -A lreal'
out <<'X'
../lreal/cities.csv
es-murcia,Murcia,ES,,introduced,2024-05-15,2024-05-strasbourg,,37.987,-1.130
cities.csv
X
err 'sc-cities: locate: 1 located, 0 not in the gazetteer, 0 ambiguous'
