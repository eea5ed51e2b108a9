# t-workflows.sh: the three jobs the tools exist for, end to end across
# the tools, in a data directory that starts empty: (1) shell pipelines,
# (2) one follow-up per newly joined city in one line, (3) the cron digest.

t 'a fresh data directory: events from a spreadsheet, cities with sc-cities' \
  'mkdir w &&
   printf "id,name,series,kind,start,end,city,status,url,notes\n2024-05-strasbourg,Strasbourg workshop,Transatlantic Dialogue Initiative,workshop,2024-05-14,2024-05-15,,held,,\n2024-09-columbus,\"Transatlantic Dialogue, Columbus\",Transatlantic Dialogue Initiative,dialogue,2024-09,,,planned,,\n" > w/events.csv &&
   sc-cities -D w add Strasbourg --country FR --status member --joined 2019-06-01 &&
   for c in Cernay:FR Dijon:FR Kalamaria:GR Murcia:ES; do
     sc-cities -D w add "${c%:*}" --country "${c#*:}" --status introduced --joined 2024-05-15 --via "strasbourg workshop" || exit 1
   done &&
   sc-cities -D w add Columbus --country US --region US-OH &&
   sc-cities -D w check && sc-followups -D w check >/dev/null'

# --- (1) pipelines -----------------------------------------------------------

t 'pipelines: the cities an event introduced, by name, through jq' \
  'sc-cities -D w list --via 2024-05-strasbourg -o json | jq -r .name'
out <<'X'
Cernay
Dijon
Kalamaria
Murcia
X

t 'pipelines: cities per country, counted by jq' \
  'sc-cities -D w list -o json | jq -s "group_by(.country) | map({key: .[0].country, value: length}) | from_entries"'
out_jq '.[0] == {"ES": 1, "FR": 3, "GR": 1, "US": 1}'

t 'pipelines: TSV for cut' \
  'sc-cities -D w list --country FR -o tsv -H -c id,joined | cut -f2'
out <<'X'
2019-06-01
2024-05-15
2024-05-15
X

t 'pipelines: no follow-ups yet, so every city is without one' \
  'sc-cities -D w list --without-followups -o json'
out_jq 'length == 6'

# --- (2) newly joined cities: one follow-up each, in one line ----------------

t 'newly joined: CSV on the left, one follow-up per city' \
  'sc-cities -D w list --joined-since 2024-05-01 |
   sc-followups -D w add "Invite to the Columbus dialogue" - --event columbus --due 2024-08-15 --owner amina -o json | awk -f "$TOP/tests/ids.awk"'
out_jq 'map(.id) == ["@1","@2","@3","@4"] and map(.city) == ["fr-cernay","fr-dijon","gr-kalamaria","es-murcia"]'
out_jq 'all(.[]; .event == "2024-09-columbus" and .due == "2024-08-15" and .owner == "amina" and .status == "open" and .created == "2024-06-01")'

t 'newly joined: the table holds them, each city once' \
  'sc-followups -D w list -o json'
out_jq 'length == 4 and (map(.city) | unique | length) == 4'

t 'newly joined: now only the old cities are without a follow-up' \
  'sc-cities -D w list --without-followups -c id -H'
out <<'X'
fr-strasbourg
us-columbus
X

t 'two cities join in September, one with a comma in its name' \
  'sc-cities -D w add "Bagnols, Gard" --country FR --status introduced --joined 2024-09-20 &&
   sc-cities -D w add Montréal --country CA --region CA-QC --status introduced --joined 2024-09-20 >/dev/null'

t 'the digest names them before anyone has acted' \
  'sc-followups -D w report --today 2024-09-23 -o json'
out_jq '.[0].new_cities | map(.name) == ["Bagnols, Gard", "Montréal"]'

t 'newly joined: TSV on the left, a relative due date' \
  'sc-cities -D w list --joined-since -1w --today 2024-09-23 -o tsv |
   sc-followups -D w add "Welcome call" - --due +2w --owner li --today 2024-09-23 -o json | awk -f "$TOP/tests/ids.awk"'
out_jq 'map([.id, .city, .due, .created]) == [["@1","fr-bagnols-gard","2024-10-07","2024-09-23"],["@2","ca-montreal","2024-10-07","2024-09-23"]]'

t 'newly joined: TSV with -c on the left, only the id column' \
  'sc-cities -D w list --country CA -o tsv -c id | sc-followups -D w add "Send the welcome pack" - -n -c city -H'
out <<'X'
ca-montreal
X

t 'the digest no longer lists them' \
  'sc-followups -D w report --today 2024-09-23 -o json'
out_jq '.[0].new_cities == []'

snapshot w
t 'newly joined: a week with no new city adds nothing' \
  'sc-cities -D w list --joined-since -1w --today 2024-09-30 |
   sc-followups -D w add "Welcome call" - --due +2w -o json'
out <<'X'
X
unchanged w

# --- (3) the cron digest -----------------------------------------------------

t 'cron: the digest of 16 August, as mailed, naming its data directory' \
  'sc-followups -D w report --today 2024-08-16 | sed "2s|^Data: $(pwd -P)/|Data: |" | awk -f "$TOP/tests/ids.awk"'
out <<'X'
Follow-ups, 2024-08-16
Data: w

Overdue (4)
  amina
    #@1 Invite to the Columbus dialogue
            due 2024-08-15, 1 day late; city Cernay (fr-cernay); event Transatlantic Dialogue, Columbus (2024-09-columbus)
    #@2 Invite to the Columbus dialogue
            due 2024-08-15, 1 day late; city Dijon (fr-dijon); event Transatlantic Dialogue, Columbus (2024-09-columbus)
    #@3 Invite to the Columbus dialogue
            due 2024-08-15, 1 day late; city Kalamaria (gr-kalamaria); event Transatlantic Dialogue, Columbus (2024-09-columbus)
    #@4 Invite to the Columbus dialogue
            due 2024-08-15, 1 day late; city Murcia (es-murcia); event Transatlantic Dialogue, Columbus (2024-09-columbus)

Due in the next 7d, by 2024-08-23 (0)
  none

Closed in the last 7d, since 2024-08-09 (0)
  none

Cities joined in the last 90 days, since 2024-05-18, with no follow-up (0)
  none

Events in the next 30 days, by 2024-09-15 (1)
  Transatlantic Dialogue, Columbus (2024-09-columbus); starts 2024-09
X

t 'cron: --fail-on-overdue alerts with exit 1' \
  'sc-followups -D w report --today 2024-08-16 --fail-on-overdue >/dev/null'
status 1

t 'cron: the overdue ones closed through a CSV pipe' \
  'sc-followups -D w list --overdue --today 2024-08-16 -c id | sc-followups -D w done - --on 2024-08-16 &&
   sc-followups -D w list --status done -c id,city,closed -H | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1,fr-cernay,2024-08-16
@2,fr-dijon,2024-08-16
@3,gr-kalamaria,2024-08-16
@4,es-murcia,2024-08-16
X

t 'cron: the digest is clean now: exit 0, the four closed this week' \
  'sc-followups -D w report --today 2024-08-16 --fail-on-overdue -o json | awk -f "$TOP/tests/ids.awk"'
out_jq '.[0].overdue == [] and (.[0].closed | map([.id, .city])) == [["@1","fr-cernay"],["@2","fr-dijon"],["@3","gr-kalamaria"],["@4","es-murcia"]]'

t 'cron: the crontab line as cron runs it, SC_DATA and SC_TODAY set' \
  'SC_DATA=w SC_TODAY=2024-10-08 sc-followups report --within 7d --fail-on-overdue > mail.txt ||
   echo "alert: exit $?"; sed -n "4,9p" mail.txt | awk -f "$TOP/tests/ids.awk"'
out <<'X'
alert: exit 1
Overdue (2)
  li
    #@1 Welcome call
            due 2024-10-07, 1 day late; city Bagnols, Gard (fr-bagnols-gard)
    #@2 Welcome call
            due 2024-10-07, 1 day late; city Montréal (ca-montreal)
X

t 'cron: the same digest in Markdown, its headings' \
  'sc-followups -D w report --today 2024-10-08 -o md | grep "^#"'
out <<'X'
# Follow-ups, 2024-10-08
## Overdue (2)
### li
## Due in the next 7d, by 2024-10-15 (0)
## Closed in the last 7d, since 2024-10-01 (0)
## Cities joined in the last 90 days, since 2024-07-10, with no follow-up (0)
## Events in the next 30 days, by 2024-11-07 (0)
X

t 'cron: the overdue ones closed through a TSV pipe' \
  'sc-followups -D w list --overdue --today 2024-10-08 -o tsv -c id,owner |
   sc-followups -D w done - --on 2024-10-08 &&
   sc-followups -D w report --today 2024-10-08 --fail-on-overdue -o json | awk -f "$TOP/tests/ids.awk"'
out_jq '.[0].overdue == [] and (.[0].closed | map([.id, .city_name])) == [["@1","Bagnols, Gard"],["@2","Montréal"]]'

t 'pipelines: follow-ups per owner and status, through jq' \
  'sc-followups -D w list --all -o json | jq -s "group_by(.owner) | map({key: .[0].owner, value: map(.status) | unique})"'
out_jq '.[0] == [{"key": "amina", "value": ["done"]}, {"key": "li", "value": ["done"]}]'

t 'every table of the finished record is valid' \
  'sc-cities -D w check && sc-followups -D w check'

# --- with sc-events, when it has been built ----------------------------------

if [ -x "$TOP/sc-events" ]; then
	t 'sc-events: the cities that attended, piped on to a follow-up each' \
	  'sc-events -D w attend 2024-05-strasbourg cernay dijon --role participant >/dev/null &&
	   sc-events -D w cities 2024-05-strasbourg --role participant -o tsv |
	   sc-followups -D w add "Send the workshop report" - --event 2024-05-strasbourg -o json'
	out_jq 'map(.city) == ["fr-cernay","fr-dijon"] and all(.[]; .event == "2024-05-strasbourg")'

	t 'sc-events: an event added for next month shows in the digest' \
	  'sc-events -D w add "Lyon roundtable" --start 2024-11-05 --kind roundtable >/dev/null &&
	   sc-followups -D w report --today 2024-10-08 -o json'
	out_jq '.[0].events | map(.name) == ["Lyon roundtable"]'
fi
