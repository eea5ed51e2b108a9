# t-events.sh: sc-events, verb by verb, and its failure paths.

# --- list ---------------------------------------------------------------

t 'list: the seed events, as CSV when stdout is not a terminal' \
  'sc-events -c id,start,end,city,status'
out <<'X'
id,start,end,city,status
2024-05-strasbourg,2024-05-14,2024-05-15,fr-strasbourg,held
2024-09-columbus,2024-09,,us-columbus-oh,planned
2024-12-cape-town,2024-12,,za-cape-town,planned
X

t 'list -o json: JSON Lines, keys in column order, strings' \
  'sc-events list -o json | tail -1'
out <<'X'
{"id":"2024-12-cape-town","name":"Fifth Global Summit","series":"Strong Cities Global Summit","kind":"summit","start":"2024-12","end":"","city":"za-cape-town","status":"planned","url":"","notes":"Strong Cities' Fifth Global Summit in Cape Town (South Africa)"}
X

t 'list --upcoming alone: every event that starts from today on' \
  'sc-events list --upcoming -c id -H'
out <<'X'
2024-09-columbus
2024-12-cape-town
X

t 'list --upcoming 120d: the duration as the next word' \
  'sc-events list --upcoming 120d -c id -H'
out <<'X'
2024-09-columbus
X

t 'list --upcoming=120d: the duration attached' \
  'sc-events list --upcoming=120d -c id -H'
out <<'X'
2024-09-columbus
X

t 'list --upcoming 90d: September 2024 starts after the window' \
  'sc-events list --upcoming 90d -o json'
out <<'X'
X

t 'list --upcoming takes an ISO 8601 duration' \
  'sc-events list --upcoming P4M -c id -H'
out <<'X'
2024-09-columbus
X

t 'list --upcoming DUR before the verb, and with no verb' \
  'sc-events --upcoming 120d list -c id -H && sc-events --upcoming 120d -c id -H'
out <<'X'
2024-09-columbus
2024-09-columbus
X

t 'list --upcoming abbreviated takes its duration too' \
  'sc-events list --upc 120d -c id -H && sc-events list --upc=120d -c id -H'
out <<'X'
2024-09-columbus
2024-09-columbus
X

t 'list --upcoming: a word that is not a duration is not taken' \
  'sc-events list --upcoming -c id -H --today 2024-12-15'
out <<'X'
2024-12-cape-town
X

t 'list --upcoming: a reduced start is upcoming until its month ends' \
  'sc-events list --upcoming --today 2024-09-30 -c id -H && echo -- && sc-events list --upcoming --today 2024-10-01 -c id -H'
out <<'X'
2024-09-columbus
2024-12-cape-town
--
2024-12-cape-town
X

t 'list --past alone: the events over before today' \
  'sc-events list --past -c id -H'
out <<'X'
2024-05-strasbourg
X

t 'list --past 1w misses an event that ended 17 days ago; 3w finds it' \
  'sc-events list --past 1w -c id -H && echo -- && sc-events list --past=3w -c id -H'
out <<'X'
--
2024-05-strasbourg
X

t 'list --past: a reduced date is past once its month is over' \
  'sc-events list --past --today 2024-10-01 -c id -H'
out <<'X'
2024-05-strasbourg
2024-09-columbus
X

t 'list: an event under way is neither upcoming nor past' \
  'sc-events list --upcoming --today 2024-05-15 -c id -H && echo -- && sc-events list --past --today 2024-05-15 -c id -H'
out <<'X'
2024-09-columbus
2024-12-cape-town
--
X

t 'list --upcoming and --past together: nothing is both' \
  'sc-events list --upcoming --past -o json'
out <<'X'
X

t 'list --from --to: the events overlapping the span, both ends counted' \
  'sc-events list --from 2024-05-15 --to 2024-05-15 -c id -H && sc-events list --to 2024-05-14 -c id -H && echo -- && sc-events list --to 2024-05-13 -c id -H'
out <<'X'
2024-05-strasbourg
2024-05-strasbourg
--
X

t 'list --from --to: a reduced start covers its whole month' \
  'sc-events list --from 2024-09-30 --to 2024-09-30 -c id -H && sc-events list --from 2024-08-01 --to 2024-09-01 -c id -H'
out <<'X'
2024-09-columbus
2024-09-columbus
X

t 'list --from --to take reduced dates: the first and the last day' \
  'sc-events list --from 2024-05 --to 2024-05 -c id -H && echo -- && sc-events list --from 2024-10 -c id -H && sc-events list --to 2024 --from 2024 -o json | jq -s length'
out <<'X'
2024-05-strasbourg
--
2024-12-cape-town
3
X

t 'list --from takes a relative date' \
  'sc-events list --from +1m -c id -H'
out <<'X'
2024-09-columbus
2024-12-cape-town
X

t 'list --series: a case- and accent-blind substring (the issue example)' \
  'sc-events list --from 2024-01-01 --to 2024-12-31 --series "Transatlantic Dialogue Initiative" -c id -H && sc-events list --series "STRÓNG cities" -c id -H'
out <<'X'
2024-05-strasbourg
2024-09-columbus
2024-12-cape-town
X

t 'list --series: the value of an option is not taken for a duration' \
  'sc-events list --series --past -o json'
out <<'X'
X

t 'list --kind takes a list, case-blind' \
  'sc-events list --kind SUMMIT,Workshop -c id -H'
out <<'X'
2024-05-strasbourg
2024-12-cape-town
X

t 'list --status takes a list' \
  'sc-events list --status held,cancelled -c id -H'
out <<'X'
2024-05-strasbourg
X

t 'list --country: of the host city, in either case, a list' \
  'sc-events list --country za,US -c id -H && echo -- && sc-events list --country GR -c id -H'
out <<'X'
2024-09-columbus
2024-12-cape-town
--
X

t 'list --city takes a city by name' \
  'sc-events list --city "cape town" -c id -H && sc-events list --city fr-strasbourg -c id -H'
out <<'X'
2024-12-cape-town
2024-05-strasbourg
X

t 'list: filters combine' \
  'sc-events list --upcoming --country US,ZA --kind dialogue --series transatlantic -c id -H'
out <<'X'
2024-09-columbus
X

t 'list -o tsv -H, and -o table aligned with no trailing spaces' \
  'sc-events list -o tsv -H -c id,start,end --status held && sc-events list -o table -c id,end,status'
out <<'X'
2024-05-strasbourg	2024-05-14	2024-05-15
id                  end         status
2024-05-strasbourg  2024-05-15  held
2024-09-columbus                planned
2024-12-cape-town               planned
X

t_in 'list -i -: filters rows from stdin and keeps their extra columns' \
  'sc-events list -i - --upcoming -o json' \
  'id,name,start,status,owner
2024-01-a,Old,2024-01-10,held,amina
2025-02-b,New,2025-02,planned,li
'
out_jq 'length == 1 and .[0].id == "2025-02-b" and .[0].owner == "li" and .[0].city == ""'

t 'list -i -: TSV from stdin, guessed from the header' \
  'sc-events list -o tsv | sc-events list -i - --status held -c id -H'
out <<'X'
2024-05-strasbourg
X

t 'list --crlf --bom --safe for spreadsheets' \
  'printf "id,name,start,status\n2024-01-a,=SUM(1),2024-01,held\n" | sc-events list -i - --crlf --bom --safe -c name | od -c | head -2'
out <<'X'
0000000 357 273 277   n   a   m   e  \r  \n   '   =   S   U   M   (   1
0000020   )  \r  \n
X

mkdir -p "$T/dd"
printf 'id,name,start,end,status\n2024-01-a,Bad date,2024-02-30,,held\n2024-01-b,Good,2024-01-10,,held\n' >"$T/dd/events.csv"
t 'list: an event whose dates do not parse passes no date filter, and is named: exit 3' \
  'sc-events -D dd list -c id -H && echo -- && sc-events -D dd list --from 2024 -c id -H'
status 3
out <<'X'
2024-01-a
2024-01-b
--
2024-01-b
X
err "sc-events: dd/events.csv:2: start: invalid date '2024-02-30' (want YYYY-MM-DD, YYYY-MM or YYYY)"

t 'list: a missing events table is an empty table' \
  'mkdir -p empty && sc-events -D empty && sc-events -D empty cities x'
status 3
out <<'X'
id,name,series,kind,start,end,city,status,url,notes
X
err "sc-events: unknown event 'x'"

t 'list --from: an invalid date is a usage error' 'sc-events list --from 2024-02-30'
status 2
err "sc-events: --from: invalid date '2024-02-30' (want YYYY-MM-DD, YYYY-MM, YYYY, today or +/-N[dwmy])"

t 'list --to: not a date' 'sc-events list --to tomorrowish'
status 2
err "sc-events: --to: invalid date 'tomorrowish' (want YYYY-MM-DD, YYYY-MM, YYYY, today or +/-N[dwmy])"

t 'list --upcoming=DUR: an invalid duration is a usage error' \
  'sc-events list --upcoming=tomorrowish'
status 2
err "sc-events: --upcoming: invalid duration 'tomorrowish' (like 7d, 2w, 1m, 1y or P14D)"

t 'list --past=: an empty duration' 'sc-events list --past='
status 2
err "sc-events: --past: invalid duration '' (like 7d, 2w, 1m, 1y or P14D)"

t 'list --upcoming WORD: a word that is no duration stays an operand' \
  'sc-events list --upcoming soon'
status 2
err "sc-events: unexpected argument 'soon' after '--upcoming'"

t 'list --status: not a status' 'sc-events list --status gone'
status 2
err "sc-events: --status: 'gone' is not one of planned, held, cancelled"

t 'list --country: not a country' 'sc-events list --country FRA'
status 2
err "sc-events: --country: unknown country code 'FRA'"

t 'list --city: an unknown city' 'sc-events list --city atlantis'
status 3
err "sc-events: unknown city 'atlantis'"

t 'list --upcoming applies to list only' 'sc-events show 2024-05-strasbourg --upcoming'
status 2
err 'sc-events: --upcoming does not apply to show'

# --- show ---------------------------------------------------------------

t 'show: text, the columns then cities, partners and follow-ups' \
  'sc-events show 2024-09-columbus'
out <<'X'
id         2024-09-columbus
name       Transatlantic Dialogue, Columbus
series     Transatlantic Dialogue Initiative
kind       dialogue
start      2024-09
end        
city       us-columbus-oh
status     planned
url        
notes      Upcoming transatlantic dialogue in Columbus (Ohio) to be informed by the findings of the Strasbourg workshop
cities:
partners:
follow-ups:
X

t 'show: the cities with their roles and the follow-ups naming the event, aligned' \
  'sc-events show 2024-05-strasbourg | sed -n "11,14p;21,24p;31,32p"'
out <<'X'
cities:
  city                 role         name
  fr-strasbourg        host         Strasbourg
  fr-cernay            participant  Cernay
partners:
follow-ups:
  id  status  due      city              owner  action
  1   open             Cernay                   Invite to future city-to-city learning
  8   open    2024-09  Columbus                 Inform the Columbus transatlantic dialogue with the workshop's findings
  9   open    2024-12  Cape Town                Inform the Fifth Global Summit in Cape Town with the workshop's findings
X

t 'show -o json: one object with nested cities, partners, followups' \
  'sc-events show 2024-05-strasbourg -o json'
out_jq 'length == 1 and .[0].id == "2024-05-strasbourg" and .[0].start == "2024-05-14" and (.[0].cities | length) == 8 and .[0].cities[0] == {"id":"fr-strasbourg","name":"Strasbourg","country":"FR","region":"","status":"member","joined":"","via":"","notes":"","lat":"48.584","lon":"7.746","role":"host"} and all(.[0].cities[1:][]; .role == "participant") and .[0].partners == [] and (.[0].followups | length) == 14 and .[0].followups[7].due == "2024-09"'

t 'show -o json: several events, one object each; a name finds an event' \
  'sc-events show "fifth GLOBAL" 2024-09-columbus -o json'
out_jq 'map(.id) == ["2024-12-cape-town","2024-09-columbus"] and all(.[]; .cities == [] and .followups == [])'

t 'show: a blank line between events in text' \
  'sc-events show 2024-09-columbus 2024-12-cape-town | grep -c "^$"'
out <<'X'
1
X

t 'show -o csv / tsv: the event rows alone' \
  'sc-events show 2024-12-cape-town 2024-05-strasbourg -o tsv -c id,kind'
out <<'X'
id	kind
2024-12-cape-town	summit
2024-05-strasbourg	workshop
X

t 'show -: events piped in, by their id column' \
  'sc-events list --status planned | sc-events show - -o json | jq -r .id'
out <<'X'
2024-09-columbus
2024-12-cape-town
X

t_in 'show -: an event column wins over id' \
  'sc-events show - -o csv -c id -H' \
  'id,event
1,2024-12-cape-town
'
out <<'X'
2024-12-cape-town
X

t 'show: an unknown event' 'sc-events show atlantis'
status 3
err "sc-events: unknown event 'atlantis'"

t 'show: an ambiguous name lists the ids' 'sc-events show "transatlantic dialogue"'
status 3
err "sc-events: event name 'transatlantic dialogue' is ambiguous: 2024-05-strasbourg, 2024-09-columbus; give an id"

t 'show needs an event' 'sc-events show'
status 2
err_has 'usage: sc-events'

t 'show -o md is refused' 'sc-events show 2024-09-columbus -o md'
status 2
err 'sc-events: --output: md is not a format for show'

t '-o text is for show only' 'sc-events list -o text'
status 2
err 'sc-events: --output: text is not a format for list'

# --- add ----------------------------------------------------------------

t 'add: refused on the read-only seeds, saying how to name a directory' \
  'sc-events add Meeting --start 2024-07-01'
status 2
err_has 'the built-in seed data is read-only; name a data directory with -D DIR or SC_DATA=DIR'

seed_dir s
t 'add: a month known, days not; the id of the start and host city' \
  'sc-events -D s add "Regional Workshop" --start 2024-10 --city Dijon --kind workshop --series "Transatlantic Dialogue Initiative" && tail -1 s/events.csv'
out <<'X'
id,name,series,kind,start,end,city,status,url,notes
2024-10-dijon,Regional Workshop,Transatlantic Dialogue Initiative,workshop,2024-10,,fr-dijon,planned,,
2024-10-dijon,Regional Workshop,Transatlantic Dialogue Initiative,workshop,2024-10,,fr-dijon,planned,,
X

t 'add: a second event in the same city and month gets -2, then -3' \
  'sc-events -D s add "Follow-up Roundtable" --start 2024-10-20 --city fr-dijon -c id -H && sc-events -D s add "Closing Session" --start 2024-10-21 --city fr-dijon -c id -H'
out <<'X'
2024-10-dijon-2
2024-10-dijon-3
X

t 'add: with no city, the slug of the name; a year alone leaves out the month' \
  'sc-events -D s add "Webinar on Hate Speech" --start 2025 -c id,start,status -H && sc-events -D s add "Écoles & Mairies" --start 2025-03-02 -c id -H'
out <<'X'
2025-webinar-on-hate-speech,2025,planned
2025-03-ecoles-mairies
X

snapshot s
t 'add: the same event again is refused (the issue example, on the seeds)' \
  'sc-events -D s add "Fifth Global Summit" --start 2024-12-03 --end 2024-12-05 --city "Cape Town" --kind summit'
status 3
err "sc-events: s/events.csv:4: 'Fifth Global Summit' is already 2024-12-cape-town; use --force to add it anyway"
unchanged s

t 'add: a duplicate is found without case, accents or a city' \
  'sc-events -D s add "TRANSATLANTIC DIALOGUE, COLUMBUS" --start 2024-09-12'
status 3
err "sc-events: s/events.csv:3: 'TRANSATLANTIC DIALOGUE, COLUMBUS' is already 2024-09-columbus; use --force to add it anyway"
unchanged s

t 'add: the same name another month, or in another city, is not a duplicate' \
  'sc-events -D s add "Fifth Global Summit" --start 2025-12 -n -c id -H && sc-events -D s add "Fifth Global Summit" --start 2024-12 --city Murcia -n -c id -H'
out <<'X'
2025-12-fifth-global-summit
2024-12-murcia
X
unchanged s

t 'add --force adds it anyway, with a numbered id' \
  'sc-events -D s add "Fifth Global Summit" --start 2024-12-03 --end 2024-12-05 --city "Cape Town" --kind summit --force -o json'
out_jq '.[0] == {"id":"2024-12-cape-town-2","name":"Fifth Global Summit","series":"","kind":"summit","start":"2024-12-03","end":"2024-12-05","city":"za-cape-town","status":"planned","url":"","notes":""}'

seed_dir s
t 'add: every option, in its column' \
  'sc-events -D s add "City Spotlight Launch" --start 2024-07-01 --end 2024-07-02 --city kalamaria --series Spotlights --kind webinar --status held --url https://example.org/s --notes "online" --id spotlight-1 -o json'
out_jq '.[0] == {"id":"spotlight-1","name":"City Spotlight Launch","series":"Spotlights","kind":"webinar","start":"2024-07-01","end":"2024-07-02","city":"gr-kalamaria","status":"held","url":"https://example.org/s","notes":"online"}'

t 'add: relative dates are stored as days' \
  'sc-events -D s add Retreat --start +2w --end +15d -n -c id,start,end -H'
out <<'X'
2024-06-retreat,2024-06-15,2024-06-16
X

t 'add: an end in the month of a reduced start is not before it' \
  'sc-events -D s add Fair --start 2024-09-20 --end 2024-09 -n -c start,end -H'
out <<'X'
2024-09-20,2024-09
X

t 'add: names are stored NFC' \
  'sc-events -D s add "$(printf "Ore\314\201")" --start 2024-08-01 -c name -H | od -c | head -1'
out <<'X'
0000000   O   r 303 251  \n
X

seed_dir s
snapshot s
t 'add -n prints the row and writes nothing' \
  'sc-events -D s add Meeting --start 2024-07-01 -n -c id,status -H'
out <<'X'
2024-07-meeting,planned
X
unchanged s

t 'add: --start is required' 'sc-events -D s add Meeting'
status 2
err 'sc-events: add: --start DATE is required'
unchanged s

t 'add: 2024-02-30 is not a date' 'sc-events -D s add Meeting --start 2024-02-30'
status 2
err "sc-events: --start: invalid date '2024-02-30' (want YYYY-MM-DD, YYYY-MM, YYYY, today or +/-N[dwmy])"
unchanged s

t 'add: --end that is not a date' 'sc-events -D s add Meeting --start 2024-07 --end tomorrowish'
status 2
err "sc-events: --end: invalid date 'tomorrowish' (want YYYY-MM-DD, YYYY-MM, YYYY, today or +/-N[dwmy])"
unchanged s

t 'add: an end before the start' 'sc-events -D s add Meeting --start 2024-12-05 --end 2024-12-01'
status 3
err "sc-events: end: '2024-12-01' is before the start, '2024-12-05'
sc-events: 1 problem; nothing written"
unchanged s

t 'add: an unknown city' 'sc-events -D s add Meeting --start 2024-07 --city atlantis'
status 3
err "sc-events: unknown city 'atlantis'"
unchanged s

t 'add: an unknown status' 'sc-events -D s add Meeting --start 2024-07 --status maybe'
status 3
err "sc-events: status: invalid value 'maybe' (one of: planned, held, cancelled)
sc-events: 1 problem; nothing written"
unchanged s

t 'add: a taken id' 'sc-events -D s add Meeting --start 2024-07 --id 2024-09-columbus'
status 3
err "sc-events: id '2024-09-columbus' is already taken"
unchanged s

t 'add: an invalid id' 'sc-events -D s add Meeting --start 2024-07 --id "Big Meeting"'
status 3
err "sc-events: id: invalid id 'Big Meeting' (lower-case letters, digits and '-')
sc-events: 1 problem; nothing written"
unchanged s

t 'add: an empty name' 'sc-events -D s add "" --start 2024-07'
status 3
err_has 'name: required value is empty'
unchanged s

t 'add needs exactly one name' 'sc-events -D s add A B --start 2024-07'
status 2
err "sc-events: unexpected argument 'B': add takes NAME (quote a value that has spaces)"
unchanged s

t 'add: an option of another verb is refused' \
  'sc-events -D s add Meeting --start 2024-07 --role host'
status 2
err 'sc-events: --role does not apply to add'
unchanged s

# --- set ----------------------------------------------------------------

seed_dir s
t 'set: the days of a summit known by its month; rows it did not touch stay' \
  'cp s/events.csv before.csv && sc-events -D s set 2024-12-cape-town --start 2024-12-03 --end 2024-12-05 && diff before.csv s/events.csv'
status 1
out <<'X'
4c4
< 2024-12-cape-town,Fifth Global Summit,Strong Cities Global Summit,summit,2024-12,,za-cape-town,planned,,Strong Cities' Fifth Global Summit in Cape Town (South Africa)
---
> 2024-12-cape-town,Fifth Global Summit,Strong Cities Global Summit,summit,2024-12-03,2024-12-05,za-cape-town,planned,,Strong Cities' Fifth Global Summit in Cape Town (South Africa)
X

t 'set: the id stays when the start and city change' \
  'sc-events -D s set 2024-09-columbus --start 2024-10-02 --city "" --name "Transatlantic Dialogue" && sc-events -D s show 2024-09-columbus -o csv -c id,name,start,city -H'
out <<'X'
2024-09-columbus,Transatlantic Dialogue,2024-10-02,
X

t 'set: several events, from stdin' \
  'sc-events -D s list --status planned | sc-events -D s set - --status cancelled && sc-events -D s list -c id,status -H'
out <<'X'
2024-05-strasbourg,held
2024-09-columbus,cancelled
2024-12-cape-town,cancelled
X

t 'set --field sets a column a user added, kept in its place' \
  'mkdir -p u && printf "id,name,budget,start,status\n2024-01-a,A,,2024-01,held\n" > u/events.csv && sc-events -D u set 2024-01-a --field budget=1200 --kind workshop && cat u/events.csv'
out <<'X'
id,name,budget,start,status,series,kind,end,city,url,notes
2024-01-a,A,1200,2024-01,held,,workshop,,,,
X

t 'set -n prints the changed rows and writes nothing' \
  'sc-events -D u set 2024-01-a --url https://x.example -n -c id,url && cat u/events.csv'
out <<'X'
id,url
2024-01-a,https://x.example
id,name,budget,start,status,series,kind,end,city,url,notes
2024-01-a,A,1200,2024-01,held,,workshop,,,,
X

seed_dir s
snapshot s
t 'set: an end before the start names the line, nothing written' \
  'sc-events -D s set 2024-12-cape-town --end 2024-11'
status 3
err "sc-events: s/events.csv:4: end: '2024-11' is before the start, '2024-12'
sc-events: 1 problem; nothing written"
unchanged s

t 'set: an invalid date is a usage error' 'sc-events -D s set 2024-12-cape-town --start 2024-13'
status 2
err "sc-events: --start: invalid date '2024-13' (want YYYY-MM-DD, YYYY-MM, YYYY, today or +/-N[dwmy])"
unchanged s

t 'set: an empty start is refused' 'sc-events -D s set 2024-12-cape-town --start ""'
status 3
err "sc-events: s/events.csv:4: start: required value is empty
sc-events: 1 problem; nothing written"
unchanged s

t 'set --field: the id cannot change' 'sc-events -D s set 2024-12-cape-town --field id=x'
status 2
err 'sc-events: --field: the id cannot be changed'
unchanged s

t 'set --field: an unknown column' 'sc-events -D s set 2024-12-cape-town --field colour=blue'
status 2
err "sc-events: --field: no column 'colour' in events.csv"
unchanged s

t 'set --field status goes through validation' \
  'sc-events -D s set 2024-12-cape-town --field status=postponed'
status 3
err_has "s/events.csv:4: status: invalid value 'postponed'"
unchanged s

t 'set: an unknown event' 'sc-events -D s set atlantis --status held'
status 3
err "sc-events: unknown event 'atlantis'"
unchanged s

# --- rm -----------------------------------------------------------------

seed_dir s
snapshot s
t 'rm: refused while attendance names the event' 'sc-events -D s rm 2024-05-strasbourg'
status 3
err 'sc-events: s/attendance.csv:2: names 2024-05-strasbourg; not removed (--force removes it anyway)'
unchanged s

t 'rm -n prints what it would remove' \
  'sc-events -D s rm 2024-09-columbus -n -c id -H'
out <<'X'
2024-09-columbus
X
unchanged s

t 'rm: refused while a partner names the event' \
  'sc-events -D s partner 2024-09-columbus "City of Columbus" >/dev/null && sc-events -D s rm 2024-09-columbus'
status 3
err 'sc-events: s/partners.csv:2: names 2024-09-columbus; not removed (--force removes it anyway)'

t 'rm: refused while a city came via the event' \
  'sc-cities -D s set za-cape-town --via 2024-12-cape-town && sc-events -D s rm 2024-12-cape-town'
status 3
err 'sc-events: s/cities.csv:11: names 2024-12-cape-town; not removed (--force removes it anyway)'

seed_dir s
t 'rm: an event nothing names is removed' \
  'sc-events -D s rm 2024-09-columbus && sc-events -D s list -c id -H'
out <<'X'
2024-05-strasbourg
2024-12-cape-town
X

t 'rm --force removes it anyway; check then finds the broken references' \
  'sc-events -D s rm --force 2024-05-strasbourg && sc-events -D s check 2>&1 | head -2'
out <<'X'
sc-events: s/attendance.csv:2: event: unknown event '2024-05-strasbourg'
sc-events: s/attendance.csv:3: event: unknown event '2024-05-strasbourg'
X

t 'add: an id still named after rm --force is not given again' \
  'sc-events -D s add Reunion --start 2024-05-20 --city Strasbourg -c id -H'
out <<'X'
2024-05-strasbourg-2
X

t 'rm: an unknown event' 'sc-events -D s rm atlantis'
status 3
err "sc-events: unknown event 'atlantis'"

# --- attend -------------------------------------------------------------

seed_dir s
t 'attend -: the cities a pipe names (the issue example, CSV)' \
  'sc-cities -D s list --via 2024-05-strasbourg | sc-events -D s attend 2024-09-columbus - --role participant'
out <<'X'
event,city,role,notes
2024-09-columbus,fr-cernay,participant,
2024-09-columbus,fr-dijon,participant,
2024-09-columbus,fr-mittelhausbergen,participant,
2024-09-columbus,fr-montpellier,participant,
2024-09-columbus,gr-kalamaria,participant,
2024-09-columbus,gr-kordelio-evosmos,participant,
2024-09-columbus,es-murcia,participant,
X

t 'attend -: the issue example on its own event: nothing doubled, nothing changed' \
  'cp s/attendance.csv before.csv && sc-cities -D s list --via 2024-05-strasbourg | sc-events -D s attend 2024-05-strasbourg - --role participant -o json | jq -s length && cmp before.csv s/attendance.csv'
out <<'X'
7
X

t 'attend: the rows are written to attendance.csv, after the old ones' \
  'wc -l < s/attendance.csv && tail -1 s/attendance.csv'
out <<'X'
16
2024-09-columbus,es-murcia,participant,
X

t 'attend -: the same pipe in TSV updates, never doubles' \
  'sc-cities -D s list --via 2024-05-strasbourg -o tsv | sc-events -D s attend 2024-09-columbus - -o tsv -H | wc -l && wc -l < s/attendance.csv'
out <<'X'
7
16
X

t 'attend: an existing pair gets the new role; other rows stay byte for byte' \
  'cp s/attendance.csv before.csv && sc-events -D s attend 2024-09-columbus kalamaria --role speaker --notes "opening panel" && diff before.csv s/attendance.csv'
status 1
out <<'X'
event,city,role,notes
2024-09-columbus,gr-kalamaria,speaker,opening panel
14c14
< 2024-09-columbus,gr-kalamaria,participant,
---
> 2024-09-columbus,gr-kalamaria,speaker,opening panel
X

t 'attend: without --role an existing pair keeps its role' \
  'sc-events -D s attend 2024-09-columbus gr-kalamaria -c role -H'
out <<'X'
speaker
X

t 'attend: a new pair is a participant by default; a city named twice is one row' \
  'sc-events -D s attend "fifth global" "cape town" za-cape-town -o json'
out_jq 'length == 1 and .[0] == {"event":"2024-12-cape-town","city":"za-cape-town","role":"participant","notes":""}'

t 'attend --role host' \
  'sc-events -D s attend 2024-09-columbus us-columbus-oh --role host -c city,role -H'
out <<'X'
us-columbus-oh,host
X

t 'attend -: rows of sc-events cities feed attend (their id column)' \
  'sc-events -D s cities 2024-09-columbus --role host | sc-events -D s attend 2024-12-cape-town - -c city,role -H'
out <<'X'
us-columbus-oh,participant
X

snapshot s
t 'attend -n prints the rows and writes nothing' \
  'sc-events -D s attend 2024-12-cape-town murcia --role speaker -n -c city,role -H'
out <<'X'
es-murcia,speaker
X
unchanged s

t 'attend: a bad --role is a usage error, nothing written' \
  'sc-events -D s attend 2024-12-cape-town murcia --role boss'
status 2
err "sc-events: --role: 'boss' is not one of host, participant, speaker"
unchanged s

t 'attend: a bad --role on an existing row is a usage error too' \
  'sc-events -D s attend 2024-09-columbus fr-dijon --role chair'
status 2
err "sc-events: --role: 'chair' is not one of host, participant, speaker"
unchanged s

t 'attend: an unknown city, nothing written' \
  'sc-events -D s attend 2024-12-cape-town murcia atlantis'
status 3
err "sc-events: unknown city 'atlantis'"
unchanged s

t 'attend: an unknown event' 'sc-events -D s attend atlantis murcia'
status 3
err "sc-events: unknown event 'atlantis'"
unchanged s

t_in 'attend -: rows with neither a city nor an id column' \
  'sc-events -D s attend 2024-12-cape-town -' \
  'name,country
Murcia,ES
'
status 3
err "sc-events: stdin:1: no 'city' or 'id' column in the header"
unchanged s

t_in 'attend -: malformed rows on stdin name their line' \
  'sc-events -D s attend 2024-12-cape-town -' \
  'id,name
es-murcia,"Murcia
'
status 3
err 'sc-events: stdin:2: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'
unchanged s

t 'attend needs a city' 'sc-events -D s attend 2024-12-cape-town'
status 2
err_has 'usage: sc-events'

t 'attend --remove removes the pair' \
  'sc-events -D s attend 2024-12-cape-town "cape town" --remove && sc-events -D s cities 2024-12-cape-town -c id -H'
out <<'X'
us-columbus-oh
X

snapshot s
t 'attend --remove: a city that did not attend' \
  'sc-events -D s attend 2024-12-cape-town murcia --remove'
status 3
err 'sc-events: es-murcia did not attend 2024-12-cape-town; nothing written'
unchanged s

t 'attend --remove takes no --role' \
  'sc-events -D s attend 2024-12-cape-town columbus --remove --role host'
status 2
err 'sc-events: --remove takes no --role, --sector or --notes'
unchanged s

# --- cities -------------------------------------------------------------

t 'cities | sc-cities list -i - --country GR (the issue example, CSV)' \
  'sc-events cities 2024-05-strasbourg --role participant | sc-cities list -i - --country GR'
out <<'X'
id,name,country,region,status,joined,via,notes,lat,lon,role
gr-kalamaria,Kalamaria,GR,,introduced,2024-05-15,2024-05-strasbourg,,40.583,22.950,participant
gr-kordelio-evosmos,Kordelio-Evosmos,GR,,introduced,2024-05-15,2024-05-strasbourg,,40.671,22.908,participant
X

t 'cities -o tsv | sc-cities list -i - --country GR -o tsv' \
  'sc-events cities 2024-05-strasbourg --role participant -o tsv | sc-cities list -i - --country GR -o tsv'
out <<'X'
id	name	country	region	status	joined	via	notes	lat	lon	role
gr-kalamaria	Kalamaria	GR		introduced	2024-05-15	2024-05-strasbourg		40.583	22.950	participant
gr-kordelio-evosmos	Kordelio-Evosmos	GR		introduced	2024-05-15	2024-05-strasbourg		40.671	22.908	participant
X

t 'cities -o json | jq -r .name (the SPEC example)' \
  'sc-events cities 2024-05-strasbourg --role participant -o json | jq -r .name'
out <<'X'
Cernay
Dijon
Mittelhausbergen
Montpellier
Kalamaria
Kordelio-Evosmos
Murcia
X

t 'cities: every role without --role; --role takes a list' \
  'sc-events cities 2024-05-strasbourg -o json | jq -s "length" && sc-events cities 2024-05-strasbourg --role host,speaker -c id,role -H'
out <<'X'
8
fr-strasbourg,host
X

t 'cities: an event nobody attended gives the header alone' \
  'sc-events cities 2024-12-cape-town'
out <<'X'
id,name,country,region,status,joined,via,notes,lat,lon,role
X

t 'cities: a bad --role is a usage error' 'sc-events cities 2024-05-strasbourg --role boss'
status 2
err "sc-events: --role: 'boss' is not one of host, participant, speaker"

t 'cities: an unknown event' 'sc-events cities atlantis'
status 3
err "sc-events: unknown event 'atlantis'"

# --- partner, partners --------------------------------------------------

seed_dir s
t 'partner: a new partner, printed (the issue example)' \
  'sc-events -D s partner 2024-05-strasbourg "A national ministry" --sector national-government && cat s/partners.csv'
out <<'X'
event,organisation,sector,notes
2024-05-strasbourg,A national ministry,national-government,
event,organisation,sector,notes
2024-05-strasbourg,A national ministry,national-government,
X

t 'partner: the same organisation, folded, is updated and keeps its name' \
  'sc-events -D s partner 2024-05-strasbourg "a NATIONAL  ministry" --notes "two delegates" -H && wc -l < s/partners.csv'
out <<'X'
2024-05-strasbourg,A national ministry,national-government,two delegates
2
X

t 'partner: the same organisation at another event is another row' \
  'sc-events -D s partner 2024-09-columbus "A national ministry" -H && sc-events -D s partner 2024-05-strasbourg "Ville de Strasbourg" --sector city -H'
out <<'X'
2024-09-columbus,A national ministry,,
2024-05-strasbourg,Ville de Strasbourg,city,
X

t 'partners: the rows of one event' \
  'sc-events -D s partners 2024-05-strasbourg -c organisation,sector'
out <<'X'
organisation,sector
A national ministry,national-government
Ville de Strasbourg,city
X

t 'show: the partners in text and in JSON' \
  'sc-events -D s show 2024-05-strasbourg | sed -n "/^partners:/,/^follow-ups:/p" && sc-events -D s show 2024-05-strasbourg -o json | jq -c ".partners | map(.organisation)"'
out <<'X'
partners:
  organisation         sector
  A national ministry  national-government
  Ville de Strasbourg  city
follow-ups:
["A national ministry","Ville de Strasbourg"]
X

t 'partners: none gives the header alone' 'sc-events partners 2024-09-columbus'
out <<'X'
event,organisation,sector,notes
X

t 'partner --remove, matched by folded name' \
  'sc-events -D s partner 2024-05-strasbourg "ville de strasbourg" --remove && sc-events -D s partners 2024-05-strasbourg -c organisation -H'
out <<'X'
A national ministry
X

snapshot s
t 'partner --remove: not a partner' \
  'sc-events -D s partner 2024-05-strasbourg "Nobody" --remove'
status 3
err "sc-events: 2024-05-strasbourg has no partner 'Nobody'; nothing written"
unchanged s

t 'partner -n prints the row and writes nothing' \
  'sc-events -D s partner 2024-12-cape-town "Civil Society Forum" -n -H'
out <<'X'
2024-12-cape-town,Civil Society Forum,,
X
unchanged s

t 'partner: an empty organisation' 'sc-events -D s partner 2024-12-cape-town ""'
status 3
err "sc-events: organisation: required value is empty
sc-events: 1 problem; nothing written"
unchanged s

t 'partner: an unknown event' 'sc-events -D s partner atlantis "X"'
status 3
err "sc-events: unknown event 'atlantis'"
unchanged s

t 'partner needs an event and one organisation' 'sc-events -D s partner 2024-12-cape-town'
status 2
err_has 'usage: sc-events'
unchanged s

# --- check --------------------------------------------------------------

t 'check: the seeds are valid' 'sc-events check'

seed_dir chk
cat >>"$T/chk/events.csv" <<'X'
2024-02-x,Bad day,,,2024-02-30,,,planned,,
2024-03-y,Backwards,,,2024-03-05,2024-03-01,atlantis,maybe,,
2024-05-strasbourg,Twice,,,2024-05,,,held,,
Bad Id,,,,,,,,,
X
cat >>"$T/chk/attendance.csv" <<'X'
2024-05-strasbourg,fr-dijon,speaker,
nowhere,fr-dijon,boss,
2024-09-columbus,atlantis,host,
X
cat >>"$T/chk/partners.csv" <<'X'
2024-05-strasbourg,A ministry,,
2024-05-strasbourg,A  MINISTRY,,
nowhere,B,,
2024-05-strasbourg,,,
X
snapshot chk
t 'check: one line per problem, file:line, exit 1' 'sc-events -D chk check'
status 1
err "sc-events: chk/events.csv:5: start: invalid date '2024-02-30' (want YYYY-MM-DD, YYYY-MM or YYYY)
sc-events: chk/events.csv:6: end: '2024-03-01' is before the start, '2024-03-05'
sc-events: chk/events.csv:6: city: unknown city 'atlantis'
sc-events: chk/events.csv:6: status: invalid value 'maybe' (one of: planned, held, cancelled)
sc-events: chk/events.csv:8: name: required value is empty
sc-events: chk/events.csv:8: start: required value is empty
sc-events: chk/events.csv:8: status: required value is empty
sc-events: chk/events.csv:8: id: invalid id 'Bad Id' (lower-case letters, digits and '-')
sc-events: chk/events.csv:7: id: duplicate of line 2
sc-events: chk/attendance.csv:11: event: unknown event 'nowhere'
sc-events: chk/attendance.csv:11: role: invalid value 'boss' (one of: host, participant, speaker)
sc-events: chk/attendance.csv:12: city: unknown city 'atlantis'
sc-events: chk/attendance.csv:10: city: duplicate of line 4
sc-events: chk/partners.csv:4: event: unknown event 'nowhere'
sc-events: chk/partners.csv:5: organisation: required value is empty
sc-events: chk/partners.csv:3: organisation: duplicate of line 2"
unchanged chk

t 'list still streams a table that check finds fault with, naming the rows --status cannot read' \
  'sc-events -D chk list --status held -c id -H'
status 3
out <<'X'
2024-05-strasbourg
2024-05-strasbourg
X
err "sc-events: chk/events.csv:6: status: invalid value 'maybe' (one of: planned, held, cancelled)
sc-events: chk/events.csv:8: status: required value is empty"

# --- malformed tables: each file, each fault ----------------------------

# fault NAME HEADER ROW: the fault's table text, the header then a row.
fault_text() {
	case $1 in
	quote)	printf '%s\n"%s\n' "$2" "$3" ;;
	ragged)	printf '%s\n%s,extra\n' "$2" "$3" ;;
	utf8)	printf '%s\n%s\377\n' "$2" "$3" ;;
	nul)	printf '%s\n%s\000x\n' "$2" "$3" ;;
	duphdr)	printf '%s,notes\n%s,\n' "$2" "$3" ;;
	nohdr)	printf '%s\n%s\n' "${2#*,}" "${3#*,}" ;;
	esac
}

fault_err() {
	case $1 in
	quote)	echo "$2:2: unterminated quoted field: a stray quote? quote the whole field and double the quotes in it" ;;
	ragged)	echo "$2:2: $3 fields where the header has $(($3 - 1)): one too many: an unquoted comma in a field? quote the field" ;;
	utf8)	echo "$2:2: invalid UTF-8" ;;
	nul)	echo "$2:2: NUL byte" ;;
	duphdr)	echo "$2:1: duplicate column 'notes'" ;;
	nohdr)	echo "$2:1: missing required column '$4'" ;;
	esac
}

ev_hdr='id,name,series,kind,start,end,city,status,url,notes'
ev_row='2024-01-a,A,,,2024-01,,,held,,x'
at_hdr='event,city,role,notes'
at_row='2024-05-strasbourg,fr-dijon,participant,x'
pa_hdr='event,organisation,sector,notes'
pa_row='2024-05-strasbourg,A ministry,,x'
hint="sc-events: nothing written; 'sc-events check' lists the problems of "

# The reader's message for a bad byte may say more after these words.
for f in quote ragged utf8 nul duphdr nohdr; do
	seed_dir "m-$f"
	fault_text $f "$ev_hdr" "$ev_row" >"$T/m-$f/events.csv"
	snapshot "m-$f"
	want=$(fault_err $f "m-$f/events.csv" 11 id)
	t "events.csv, $f: add names file and line, writes nothing" \
	  "sc-events -D m-$f add Meeting --start 2024-07"
	status 3
	err_has "sc-events: $want"
	err_has "$hint"
	unchanged "m-$f"
	t "events.csv, $f: list and check fail the same way; check reads on, exit 1" \
	  "sc-events -D m-$f list 2>e1 >/dev/null; a=\$?; sc-events -D m-$f check 2>e2; echo \$a \$?; cat e1; head -1 e2"
	out <<X
3 1
sc-events: $want
sc-events: $want
X

	seed_dir "a-$f"
	fault_text $f "$at_hdr" "$at_row" >"$T/a-$f/attendance.csv"
	snapshot "a-$f"
	want=$(fault_err $f "a-$f/attendance.csv" 5 event)
	t "attendance.csv, $f: attend names file and line, writes nothing" \
	  "sc-events -D a-$f attend 2024-09-columbus dijon"
	status 3
	err_has "sc-events: $want"
	err_has "$hint"
	unchanged "a-$f"
	t "attendance.csv, $f: cities and check fail the same way; check reads on, exit 1" \
	  "sc-events -D a-$f cities 2024-05-strasbourg 2>e1 >/dev/null; a=\$?; sc-events -D a-$f check 2>e2; echo \$a \$?; cat e1; head -1 e2"
	out <<X
3 1
sc-events: $want
sc-events: $want
X

	seed_dir "p-$f"
	fault_text $f "$pa_hdr" "$pa_row" >"$T/p-$f/partners.csv"
	snapshot "p-$f"
	want=$(fault_err $f "p-$f/partners.csv" 5 event)
	t "partners.csv, $f: partner names file and line, writes nothing" \
	  "sc-events -D p-$f partner 2024-09-columbus X"
	status 3
	err_has "sc-events: $want"
	err_has "$hint"
	unchanged "p-$f"
	t "partners.csv, $f: partners and check fail the same way; check reads on, exit 1" \
	  "sc-events -D p-$f partners 2024-05-strasbourg 2>e1 >/dev/null; a=\$?; sc-events -D p-$f check 2>e2; echo \$a \$?; cat e1; head -1 e2"
	out <<X
3 1
sc-events: $want
sc-events: $want
X
done

# --- the command line ---------------------------------------------------

t 'an unknown verb' 'sc-events frobnicate'
status 2
err "sc-events: unknown verb 'frobnicate' (try --help)"

t 'an unknown option' 'sc-events list --frob'
status 2
err "sc-events: unknown option '--frob'; did you mean '--from'?"

t 'a missing option value' 'sc-events list --from'
status 2
err "sc-events: option '--from' needs a value"

t 'an unknown column for -c' 'sc-events -c id,colour'
status 2
err_has "unknown column 'colour'"

t 'a bad --today' 'sc-events --today 2024-02-30 list --upcoming'
status 2
err "sc-events: --today: invalid date '2024-02-30' (want YYYY-MM-DD or today)"

t '--today moves --upcoming' 'sc-events --today 2024-12-15 list --upcoming -c id -H'
out <<'X'
2024-12-cape-town
X

t 'SC_TODAY moves --past' 'SC_TODAY=2025-01-01 sc-events list --past 100d -c id -H'
out <<'X'
2024-09-columbus
2024-12-cape-town
X

t '--input applies to list only' 'sc-events show x -i y'
status 2
err 'sc-events: --input applies to list only'

t '--dry-run applies to writes only' 'sc-events cities 2024-05-strasbourg -n'
status 2
err 'sc-events: --dry-run applies to verbs that write'

t 'list takes no arguments' 'sc-events list 2024-05-strasbourg'
status 2
err "sc-events: unexpected argument '2024-05-strasbourg': list takes no arguments"

t 'a data directory that does not exist' 'sc-events -D nowhere'
status 4
err 'sc-events: data directory nowhere: No such file or directory'

t '--help goes to stdout with examples, exit 0' 'sc-events --help | grep -c "^  sc-"'
out <<'X'
9
X

t '--version' 'sc-events --version'
out <<'X'
sc-events 0.1.0
X

t 'output errors are errors' 'sc-events list >/dev/full'
status 4
err 'sc-events: write error: stdout: No space left on device'

seed_dir s
t 'a locked directory: the writer gives up after --wait, exit 4' \
  'seed=$PWD/s; (flock -x 9; sleep 2) 9<"$seed" & sleep 0.3; sc-events -D s attend 2024-09-columbus dijon --wait 0.2; rc=$?; wait; exit $rc'
status 4
err "sc-events: s: locked by another writer; gave up after 0.2 seconds (see --wait)"

t 'SC_DATA names the data directory for writes' \
  'SC_DATA=s sc-events add Meeting --start 2024-07-01 -c id -H && SC_DATA=s sc-events list --from 2024-07 --to 2024-07 -c id -H'
out <<'X'
2024-07-meeting
2024-07-meeting
X

t 'list streams: 200,000 events in under 40 MB of address space' \
  'awk "BEGIN { print \"id,name,start,status\"; for (i = 0; i < 200000; i++) printf \"2024-01-e%d,Event %d,2024-01-02,held\\n\", i, i }" > big.csv &&
   (ulimit -v 40000; sc-events list -i big.csv --from 2024-01-02 --status held -c id -H | tail -1)'
out <<'X'
2024-01-e199999
X

t 'cities streams the cities past the hashed attendance: 200,000 cities' \
  'mkdir -p bigc && awk "BEGIN { print \"id,name,country,status\"; for (i = 0; i < 200000; i++) printf \"fr-c%d,City %d,FR,member\\n\", i, i }" > bigc/cities.csv &&
   printf "id,name,start,status\n2024-01-a,A,2024-01,held\n" > bigc/events.csv &&
   printf "event,city,role\n2024-01-a,fr-c199999,host\n" > bigc/attendance.csv &&
   (ulimit -v 40000; sc-events -D bigc cities 2024-01-a -c id,role -H)'
out <<'X'
fr-c199999,host
X
