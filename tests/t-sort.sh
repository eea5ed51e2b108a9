# t-sort.sh: list --sort (dates in date order, numbers numerically, names
# folded; -COL descending; stable; empty values last), and sc-events
# partners with no event.

mkdir -p "$T/so"
cat >"$T/so/cities.csv" <<'X'
id,name,country,region,status,joined,via,notes
a,Zürich,CH,,member,2024-05-15,,
b,aarhus,DK,,member,2024,,
c,Évry,FR,,prospect,,,
d,Athens,GR,,member,2024-05,,
e,berlin,DE,,member,2023-12-31,,
f,Ávila,ES,,former,2024-05-01,,
X
cat >"$T/so/events.csv" <<'X'
id,name,series,kind,start,end,city,status,url,notes
e1,One,,,2024-09,,,planned,,
e2,Two,,,2024-05-14,2024-05-15,,held,,
e3,Three,,,2024,,,planned,,
e4,Four,,,2024-09-01,,,planned,,
X
cat >"$T/so/followups.csv" <<'X'
id,action,event,city,owner,due,status,created,closed,notes
2,B,,,,,open,2024-05-15,,
10,A,,,,2024-06,open,2024-05-15,,
1,C,,,,2024-06-30,open,2024-05-15,,
9,D,,,,2024-06,open,2024-05-15,,
X

t 'sort: names folded (case and accents do not count)' \
  'sc-cities -D so list --sort name -c name -H'
out <<'X'
aarhus
Athens
Ávila
berlin
Évry
Zürich
X

t 'sort: dates in date order, a reduced date by its first day and coarser first; empty last' \
  'sc-cities -D so list --sort joined -c id,joined -H'
out <<'X'
e,2023-12-31
b,2024
d,2024-05
f,2024-05-01
a,2024-05-15
c,
X

t 'sort: -COL is descending; empty values stay last' \
  'sc-cities -D so list --sort -joined -c id -H | tr "\n" " "; echo'
out <<'X'
a f d b e c 
X

t 'sort: two keys, the second breaking ties of the first' \
  'sc-cities -D so list --sort status,-name -c status,name -H'
out <<'X'
former,Ávila
member,Zürich
member,berlin
member,Athens
member,aarhus
prospect,Évry
X

t 'sort: stable, rows equal in the key keep the order of the file' \
  'sc-cities -D so list --sort status -c id -H | tr "\n" " "; echo'
out <<'X'
f a b d e c 
X

t 'sort: follow-up ids that are numbers sort numerically' \
  'sc-followups -D so list --sort id -c id -H | tr "\n" " "; echo'
out <<'X'
1 2 9 10 
X

t 'sort: due in date order, then id, with --sort=' \
  'sc-followups -D so list --sort=due,id -c id,due -H'
out <<'X'
9,2024-06
10,2024-06
1,2024-06-30
2,
X

t 'sort: events by start, months and years among days' \
  'sc-events -D so list --sort start -c id,start -H'
out <<'X'
e3,2024
e2,2024-05-14
e1,2024-09
e4,2024-09-01
X

t 'sort: the filters still apply, and -o json sorts too' \
  'sc-cities -D so list --status member --sort -name -o json | jq -sc "map(.id)"'
out <<'X'
["a","e","d","b"]
X

t 'sort: rows read with -i are sorted too' \
  'sc-cities -D so list -o csv | sc-cities -D so list -i - --sort name -c id -H | tr "\n" " "; echo'
out <<'X'
b d f e c a 
X

t 'sort: a column the table does not have is a usage error naming the columns' \
  'sc-cities -D so list --sort nam'
status 2
err "sc-cities: --sort: no column 'nam' (the columns: id, name, country, region, status, joined, via, notes)"

t 'sort: an empty list is a usage error' \
  'sc-cities -D so list --sort ,'
status 2
err 'sc-cities: --sort: name a column'

t 'sort: a verb other than list does not take it' \
  'sc-cities -D so show a --sort name'
status 2
err 'sc-cities: --sort applies to list only'

t 'sort: a column a user added sorts too' \
  'printf "id,name,country,region,status,joined,via,notes,size\nx,X,FR,,member,,,,100\ny,Y,FR,,member,,,,20\n" >so2.csv && mkdir -p so2 && mv so2.csv so2/cities.csv && sc-cities -D so2 list --sort size -c id -H | tr "\n" " "; echo'
out <<'X'
y x 
X

t 'sort: --help lists it' \
  'sc-cities --help | grep -- "--sort"'
out <<'X'
      --sort COL,...        list: sort by these columns; -COL descending
X

# --- partners with no event ------------------------------------------------

seed_dir p
t 'partners: with no event, every event'"'"'s, with the event column' \
  'sc-events -D p partner 2024-05-strasbourg Ministry -H >/dev/null && sc-events -D p partner 2024-09-columbus "City of Columbus" -H >/dev/null && sc-events -D p partners'
out <<'X'
event,organisation,sector,notes
2024-05-strasbourg,Ministry,,
2024-09-columbus,City of Columbus,,
X

t 'partners: with an event, still that event'"'"'s only' \
  'sc-events -D p partners 2024-09-columbus -c event,organisation -H'
out <<'X'
2024-09-columbus,City of Columbus
X

t 'partners: an unknown event is still an error' \
  'sc-events -D p partners 2099-nowhere'
status 3
err_has '2099-nowhere'

t 'partners: two events is one too many' \
  'sc-events -D p partners 2024-05-strasbourg 2024-09-columbus'
status 2
err_has "unexpected argument '2024-09-columbus'"
