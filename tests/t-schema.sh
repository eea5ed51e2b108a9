# t-schema.sh: what the schema says once (allowed values, references,
# keys) holds alike in every tool: option values, rm's refusal, removal,
# and check.

# --- allowed values of options --------------------------------------------

t 'an empty --status is a usage error in sc-cities' 'sc-cities --status ""'
status 2
err 'sc-cities: --status: want one or more of prospect, introduced, member, former'

t 'an empty --status is a usage error in sc-events' 'sc-events --status ,'
status 2
err 'sc-events: --status: want one or more of planned, held, cancelled'

t 'an empty --status is a usage error in sc-followups' 'sc-followups --status ""'
status 2
err 'sc-followups: --status: want one or more of open, done, cancelled'

t 'each value of a list is checked: the second is named' \
  'sc-events cities 2024-05-strasbourg --role host,chair'
status 2
err "sc-events: --role: 'chair' is not one of host, participant, speaker"

t 'a single-value option takes no list' \
  'sc-events attend 2024-05-strasbourg fr-dijon --role host,speaker'
status 2
err "sc-events: --role: 'host,speaker' is not one of host, participant, speaker"

t 'the values check allows, the filters allow' \
  'sc-cities --status member,former -o csv -H -c id; sc-followups --status done,cancelled -o csv -H -c id | wc -l'
out <<'X'
fr-strasbourg
0
X

# --- rm: which rows of which tables name it -------------------------------

seed_dir s
sc-events -D "$T/s" partner 2024-09-columbus "City of Columbus" >/dev/null
snapshot s
t 'rm of two named events names the first given, at the first row naming it' \
  'sc-events -D s rm 2024-09-columbus 2024-05-strasbourg'
status 3
err 'sc-events: s/partners.csv:2: names 2024-09-columbus; not removed (--force removes it anyway)'
unchanged s

t 'the same, the other way round' \
  'sc-events -D s rm 2024-05-strasbourg 2024-09-columbus'
status 3
err 'sc-events: s/attendance.csv:2: names 2024-05-strasbourg; not removed (--force removes it anyway)'
unchanged s

t 'rm of two named cities names the first given' \
  'sc-cities -D s rm fr-dijon fr-cernay'
status 3
err 'sc-cities: s/attendance.csv:4: names fr-dijon; not removed (--force removes it anyway)'
unchanged s

t 'a city that only a follow-up names is refused too' \
  'sc-events -D s attend 2024-05-strasbourg fr-cernay --remove >/dev/null && sc-cities -D s rm fr-cernay'
status 3
err 'sc-cities: s/followups.csv:2: names fr-cernay; not removed (--force removes it anyway)'

# --- removal keeps the order of the rows that stay --------------------------

seed_dir r
t 'rm --force of rows far apart, one named twice, keeps the others in order' \
  'sc-cities -D r rm --force fr-strasbourg es-murcia fr-strasbourg && sc-cities -D r -o csv -H -c id | head -3; sc-cities -D r -o csv -H | wc -l'
out <<'X'
fr-cernay
fr-dijon
fr-mittelhausbergen
8
X

t 'the cities removed are gone, and their ids still taken' \
  'sc-cities -D r show es-murcia; sc-cities -D r add Murcia --country ES -c id -H'
status 0
out <<'X'
es-murcia-2
X
err "sc-cities: unknown city 'es-murcia'"

t 'attend --remove of several cities keeps the rest in order' \
  'sc-events -D r attend 2024-05-strasbourg fr-cernay gr-kalamaria --remove && cut -d, -f2 r/attendance.csv'
out <<'X'
city
fr-strasbourg
fr-dijon
fr-mittelhausbergen
fr-montpellier
gr-kordelio-evosmos
es-murcia
X

t 'rm --force of every event empties the table to its header' \
  'sc-events -D r rm --force 2024-05-strasbourg 2024-09-columbus 2024-12-cape-town && cat r/events.csv'
out <<'X'
id,name,series,kind,start,end,city,status,url,notes
X

# --- check reads the schema -------------------------------------------------

mkdir -p "$T/c"
printf '%s\n' 'id,name,series,kind,start,end,city,status,url,notes' \
    '2024-01-a,A,,,2024-01,2023-12,,held,,' \
    '2024-01-b,B,,,2024-13,2023,atlantis,maybe,,' \
    "2024-01-c,C,,,2024$(printf '\001'),,,held,," >"$T/c/events.csv"
t 'check: problems in a row read left to right, the span once its dates are valid' \
  'sc-events -D c check'
status 1
err "sc-events: c/events.csv:2: end: '2023-12' is before the start, '2024-01'
sc-events: c/events.csv:3: start: invalid date '2024-13' (want YYYY-MM-DD, YYYY-MM or YYYY)
sc-events: c/events.csv:3: city: unknown city 'atlantis'
sc-events: c/events.csv:3: status: invalid value 'maybe' (one of: planned, held, cancelled)
sc-events: c/events.csv:4: start: invalid date '2024\\x01' (want YYYY-MM-DD, YYYY-MM or YYYY)"

printf '%s\n' 'event,organisation,sector,notes' \
    '2024-01-a,City of X,,' '2024-01-a,city of x,,' '2024-01-b,City of X,,' \
    >"$T/c/partners.csv"
t 'check: the partners key compares the organisation folded' \
  'sc-events -D c check 2>&1 | grep partners'
out <<'X'
sc-events: c/partners.csv:3: organisation: duplicate of line 2
X
