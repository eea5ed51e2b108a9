#!/bin/sh
# gen.sh DIR ROWS: writes a realistic data directory: ROWS follow-ups with
# quoted, comma-bearing text, and the cities and events they name.
set -eu
dir=$1
rows=$2
mkdir -p "$dir"
awk -v rows="$rows" -v dir="$dir" 'BEGIN {
	srand(42)
	ncities = int(rows / 20) + 10
	nevents = int(rows / 100) + 5
	split("FR DE ES IT GR US CA PL NL PT", cc, " ")
	split("Montréal Kraków Zürich Kordelio-Evosmos Cape Town Dijon Murcia Columbus", nm, " ")
	c = dir "/cities.csv"
	print "id,name,country,region,status,joined,via,notes" > c
	for (i = 1; i <= ncities; i++) {
		k = cc[int(rand() * 10) + 1]
		printf "%s-city-%d,City %d of %s,%s,,%s,2024-%02d-%02d,,\n",
		    tolower(k), i, i, k, k, (i % 3 ? "member" : "introduced"),
		    int(rand() * 12) + 1, int(rand() * 28) + 1 > c
		city[i] = tolower(k) "-city-" i
	}
	e = dir "/events.csv"
	print "id,name,series,kind,start,end,city,status,url,notes" > e
	for (i = 1; i <= nevents; i++) {
		printf "2025-%02d-event-%d,\"Dialogue %d, on polarisation\",Transatlantic Dialogue Initiative,dialogue,2025-%02d-%02d,,%s,planned,,\n",
		    (i % 12) + 1, i, i, (i % 12) + 1, (i % 28) + 1,
		    city[int(rand() * ncities) + 1] > e
		event[i] = sprintf("2025-%02d-event-%d", (i % 12) + 1, i)
	}
	a = dir "/attendance.csv"
	print "event,city,role,notes" > a
	for (i = 1; i <= nevents; i++)
		for (j = 0; j < 5; j++)
			printf "%s,%s,participant,\n", event[i],
			    city[(i * 5 + j) % ncities + 1] > a
	p = dir "/partners.csv"
	print "event,organisation,sector,notes" > p
	f = dir "/followups.csv"
	print "id,action,event,city,owner,due,status,created,closed,notes" > f
	split("amina li jo sam", ow, " ")
	for (i = 1; i <= rows; i++) {
		st = rand() < 0.7 ? "open" : "done"
		printf "%d,\"Invite %s, and its mayor, to the \"\"next\"\" dialogue\",%s,%s,%s,2025-%02d-%02d,%s,2024-05-15,%s,\"notes, with commas\"\n",
		    i, nm[int(rand() * 8) + 1], event[int(rand() * nevents) + 1],
		    city[int(rand() * ncities) + 1], ow[int(rand() * 4) + 1],
		    int(rand() * 12) + 1, int(rand() * 28) + 1, st,
		    (st == "done" ? "2025-01-02" : "") > f
	}
}'
