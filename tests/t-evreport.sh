# t-evreport.sh: sc-events report, the draft of an event's report from
# the record (text, md, html, json), and its round trip through
# import-report.

seed_dir s

t 'report: the seed event, as text, reads like the seed document' \
  'sc-events -D s report 2024-05-strasbourg'
out <<'X'
Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy
Series: Transatlantic Dialogue Initiative
Where & When: 14-15 May 2024, Strasbourg (France)

Description
  Convened deputy mayors and other city officials, and representatives of national governments, civil society and city-focused initiatives from Europe and North America

Cities Represented
  Host
    Strasbourg (France)
  Participants
    Cernay (France)
    Dijon (France)
    Mittelhausbergen (France)
    Montpellier (France)
    Kalamaria (Greece)
    Kordelio-Evosmos (Greece)
    Murcia (Spain)

Partners Represented
  none

Cities Introduced to the Network
  Cernay (France)
  Dijon (France)
  Mittelhausbergen (France)
  Montpellier (France)
  Kalamaria (Greece)
  Kordelio-Evosmos (Greece)
  Murcia (Spain)

Next Steps (14)
  #1 Invite to future city-to-city learning
     city Cernay (France)
  #2 Invite to future city-to-city learning
     city Dijon (France)
  #3 Invite to future city-to-city learning
     city Mittelhausbergen (France)
  #4 Invite to future city-to-city learning
     city Montpellier (France)
  #5 Invite to future city-to-city learning
     city Kalamaria (Greece)
  #6 Invite to future city-to-city learning
     city Kordelio-Evosmos (Greece)
  #7 Invite to future city-to-city learning
     city Murcia (Spain)
  #8 Inform the Columbus transatlantic dialogue with the workshop's findings
     city Columbus (Ohio, United States); due 2024-09
  #9 Inform the Fifth Global Summit in Cape Town with the workshop's findings
     city Cape Town (South Africa); due 2024-12
  #10 Integrate the practices shared at the workshop into the Resource Hub
  #11 Partner with the workshop's city officials on City Spotlights of their prevention efforts
  #12 Feed the workshop's findings into the Women's Leadership Caucus
  #13 Publish a resource on digital literacy and digital resilience-building
  #14 Publish a resource on how cities can prevent and respond to hate speech
X

t 'report: by name too, and -o text is the default' \
  'sc-events -D s report "French Cities" -o text | sed -n 2,3p'
out <<'X'
Series: Transatlantic Dialogue Initiative
Where & When: 14-15 May 2024, Strasbourg (France)
X

t 'report -o md: en dash, Markdown headings' \
  'sc-events -D s report 2024-05-strasbourg -o md | sed -n 5,7p'
out <<'X'
Where & When: 14–15 May 2024, Strasbourg (France)

## Description
X

t 'report -o html: a page xmllint reads' \
  'sc-events -D s report 2024-05-strasbourg -o html > p.html && xmllint --html --noout p.html && head -5 p.html && grep -c "<li>" p.html'
out <<'X'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy</title>
29
X

t 'report -o json: the event, when, where, and the sections' \
  'sc-events -D s report 2024-05-strasbourg -o json'
out_jq '.[0] | .id == "2024-05-strasbourg" and .when == "14–15 May 2024" and .where == "Strasbourg (France)" and (.cities | length) == 8 and .cities[0].role == "host" and (.introduced | length) == 7 and (.next_steps | length) == 14 and .partners == [] and .left_out == []'

t 'report -o csv: exit 2' 'sc-events -D s report 2024-05-strasbourg -o csv'
status 2
err 'sc-events: report: -o text, md, html or json'

snapshot s
t '-o html on another verb: exit 2, nothing written' \
  'sc-events -D s -o html add X --start 2024-10'
status 2
err 'sc-events: --output: html is not a format for add'
unchanged s

t '-o html on sc-cities and sc-followups verbs: exit 2' \
  'sc-cities -D s -o html list; echo $?; sc-followups -D s -o html list; echo $?; sc-followups -D s -o html report; echo $?'
out <<'X'
2
2
2
X
err 'sc-cities: --output: html is not a format for this verb (csv, tsv, json, table)
sc-followups: --output: html is not a format for this verb (csv, tsv, json, table)
sc-followups: report: -o text, md or json'

t 'report: unknown event: exit 3' 'sc-events -D s report nosuch'
status 3
err_has 'nosuch'

# --- hostile values -----------------------------------------------------

seed_dir h
esc=$(printf '\033')
{
	echo 'id,name,series,kind,start,end,city,status,url,notes'
	echo "2024-05-strasbourg,\"<script>alert(1)</script> & \"\"x\"\" ${esc}[2J\",,workshop,2024-05-14,2024-05-15,fr-strasbourg,held,,it's <b>"
} >"$T/h/events.csv"

t 'hostile html: escaped, ESC shown, valid' \
  'sc-events -D h report 2024-05-strasbourg -o html > h.html && xmllint --html --noout h.html && grep -e "<title>" -e "<h1>" -e "it&#39;s" h.html'
out <<'X'
<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; \e[2J</title>
<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; \e[2J</h1>
<p>it&#39;s &lt;b&gt;</p>
X

t 'hostile html: no raw markup from the data' \
  'sc-events -D h report 2024-05-strasbourg -o html | grep -c -e "<script" -e "<b>" -e "$(printf "\033")"'
status 1
out <<'X'
0
X

t 'hostile text: ESC shown, not sent' \
  'sc-events -D h report 2024-05-strasbourg | head -1'
out <<'X'
<script>alert(1)</script> & "x" \e[2J
X

# --- rows that cannot be read -------------------------------------------

seed_dir b
t 'a follow-up status that cannot be read: left out, named, exit 3' \
  'sed -i "s/^3,\(.*\),open,/3,\1,opn,/" b/followups.csv && sc-events -D b report 2024-05-strasbourg > b.out; echo $?; sed -n "4,6p" b.out'
out <<'X'
3

Rows left out of this report (1)
  b/followups.csv:4: status: invalid value 'opn' (one of: open, done, cancelled)
X
err_has 'followups.csv:4: status:'

seed_dir c
t 'an event whose end is before its start: no report, exit 3' \
  'sed -i "s/2024-05-14,2024-05-15/2024-05-15,2024-05-14/" c/events.csv && sc-events -D c report 2024-05-strasbourg'
status 3
err "sc-events: c/events.csv:2: end '2024-05-14' is before the start '2024-05-15'; no report"

# --- order and details ---------------------------------------------------

seed_dir o
t 'roles grouped, host first; done steps after the open ones, closed date shown' \
  'sc-events -D o attend 2024-05-strasbourg Murcia --role speaker >/dev/null &&
   sc-followups -D o done 2 --today 2024-06-03 >/dev/null &&
   sc-followups -D o set 8 --owner li >/dev/null &&
   sc-events -D o partner 2024-05-strasbourg "A ministry" --sector government >/dev/null &&
   sc-events -D o report 2024-05-strasbourg | sed -n "/^Cities Represented/,/^Cities Introduced/p;/#8/,/#9/p;/#2 /,+1p"'
out <<'X'
Cities Represented
  Host
    Strasbourg (France)
  Speaker
    Murcia (Spain)
  Participants
    Cernay (France)
    Dijon (France)
    Mittelhausbergen (France)
    Montpellier (France)
    Kalamaria (Greece)
    Kordelio-Evosmos (Greece)

Partners Represented
  A ministry (government)

Cities Introduced to the Network
  #8 Inform the Columbus transatlantic dialogue with the workshop's findings
     city Columbus (Ohio, United States); owner li; due 2024-09
  #9 Inform the Fifth Global Summit in Cape Town with the workshop's findings
  #2 Invite to future city-to-city learning
     city Dijon (France); done 2024-06-03
X

# --- the round trip ------------------------------------------------------

# report -> import-report into an empty directory that knows only the
# host city -> report: the same title, series, Where & When and
# description (all that comes before Cities Represented).
rt_case() {
	# $1 a name, $2 its name, $3 start, $4 end, $5 host (name,CC,region)
	seed_dir "$1"
	t "round trip $1: add the event" \
	  "sc-events -D $1 add '$2' --start $3 --end '$4' --city '$5' --series 'Transatlantic Dialogue Initiative' --notes 'This workshop met.' -c id -H"
	err_checked=1
	t "round trip $1: report, import-report, report: the same heading" \
	  "sc-events -D $1 report \"\$(sc-events -D $1 list -c id -H | tail -1)\" > $1.1 &&
	   rm -rf $1.e && mkdir $1.e && sc-cities -D $1.e add \"\$(sc-cities -D $1 show '$5' -o json | jq -r .name)\" --country \"\$(sc-cities -D $1 show '$5' -o json | jq -r .country)\" --region \"\$(sc-cities -D $1 show '$5' -o json | jq -r .region)\" >/dev/null &&
	   sc-events -D $1.e import-report - -c start,end -H < $1.1 &&
	   sc-events -D $1.e report \"\$(sc-events -D $1.e list -c id -H)\" > $1.2 &&
	   sed -n '1,/^Cities Represented/p' $1.1 > $1.h1 && sed -n '1,/^Cities Represented/p' $1.2 | diff $1.h1 - && sed -n 3p $1.2"
}

seed_dir rt
mkdir -p "$T/rt.e"
t 'round trip, seed event: report, import-report, report' \
  'sc-events -D rt report 2024-05-strasbourg > rt.1 &&
   sc-cities -D rt.e add Strasbourg --country FR >/dev/null &&
   sc-events -D rt.e import-report - -c id,start,end,city,series -H < rt.1 &&
   sc-events -D rt.e report 2024-05-strasbourg > rt.2 &&
   sed -n "1,/^Cities Represented/p" rt.1 > rt.h1 &&
   sed -n "1,/^Cities Represented/p" rt.2 | diff rt.h1 - && sed -n 1,6p rt.2'
out <<'X'
2024-05-strasbourg,2024-05-14,2024-05-15,fr-strasbourg,Transatlantic Dialogue Initiative
Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy
Series: Transatlantic Dialogue Initiative
Where & When: 14-15 May 2024, Strasbourg (France)

Description
  Convened deputy mayors and other city officials, and representatives of national governments, civil society and city-focused initiatives from Europe and North America
X

rt_case across-months 'Winter Dialogue' 2023-01-31 2023-02-01 us-columbus-oh
out <<'X'
2023-01-31,2023-02-01
Where & When: 31 January - 1 February 2023, Columbus (Ohio, United States)
X

rt_case across-years 'New Year Summit' 2024-12-30 2025-01-02 za-cape-town
out <<'X'
2024-12-30,2025-01-02
Where & When: 30 December 2024 - 2 January 2025, Cape Town (South Africa)
X

rt_case month 'Autumn Workshop' 2024-09 '' fr-dijon
out <<'X'
2024-09,
Where & When: September 2024, Dijon (France)
X

rt_case months 'Long Workshop' 2024-11 2025-01 fr-dijon
out <<'X'
2024-11,2025-01
Where & When: November 2024 - January 2025, Dijon (France)
X

rt_case year 'Annual Forum' 2025 '' gr-kalamaria
out <<'X'
2025,
Where & When: 2025, Kalamaria (Greece)
X

rt_case years 'Long Forum' 2025 2026 es-murcia
out <<'X'
2025,2026
Where & When: 2025-2026, Murcia (Spain)
X

rt_case mixed 'Odd Workshop' 2024-09-28 2024-10 fr-cernay
out <<'X'
2024-09-28,2024-10
Where & When: 28 September 2024 - October 2024, Cernay (France)
X
