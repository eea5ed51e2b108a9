# t-pipe.sh: writers in pipelines (they read all of their input before
# they lock), output errors (printed before written), wild follow-up ids,
# and what attend does with the cities a pipe brings.

# --- writers piped into writers (issue 10.4) -----------------------------

# race.sh LEFT RIGHT: runs "LEFT | RIGHT" 20 times, $i the run's number.
# In every other run the left side starts late, so that the right side is
# the first to ask for the lock.  A side that fails is named in race.log.
cat >"$T/race.sh" <<'SH'
: >race.log
i=0
while [ $i -lt 20 ]; do
	i=$((i + 1))
	{
		[ $((i % 2)) -eq 0 ] || sleep 0.05
		eval "$1" 2>left.err ||
		    echo "run $i: left: $(cat left.err)" >>race.log
	} | {
		eval "$2" >/dev/null 2>right.err ||
		    echo "run $i: right: $(cat right.err)" >>race.log
	}
done
cat race.log
SH

seed_dir p
t 'pipe: sc-cities add | sc-cities set -, 20 runs: every city set' \
  'sh race.sh "sc-cities -D p --wait 1 add Pipe\$i --country FR" "sc-cities -D p set - --status member" &&
   sc-cities -D p list --name pipe -o csv -c status -H | sort | uniq -c'
out <<'X'
     20 member
X

t 'pipe: sc-cities add | sc-cities rm -, 20 runs: every city gone' \
  'n=$(sc-cities -D p list -H | wc -l) &&
   sh race.sh "sc-cities -D p --wait 1 add Gone\$i --country FR" "sc-cities -D p rm -" &&
   sc-cities -D p list --name gone -H && [ "$(sc-cities -D p list -H | wc -l)" = "$n" ]'
out </dev/null

# big.sh I: a writer's rows, more than a pipe and a read buffer hold (set
# -n holds the lock while it prints), renamed into new cities to import.
# The writer cannot finish printing until import reads, so import must not
# wait for the lock before it has read everything.
cat >"$T/big.sh" <<'SH'
sc-cities -D p --wait 1 set dijon cernay montpellier -n --notes "$(printf %0100000d 0)" |
    sed "s/^fr-\([a-z]*\),\([A-Za-z]*\),/fr-big$1-\1,\2 big $1,/"
SH

t 'pipe: sc-cities set -n | sed | sc-cities import -, 20 runs of 300 kB' \
  'sh race.sh "sh big.sh \$i" "sc-cities -D p --wait 1 import -" &&
   sc-cities -D p list --name big -c id -H | wc -l && sc-cities -D p list --name big -c id,name -H | sort -V | sed -n "1p;\$p"'
out <<'X'
60
fr-big1-cernay,Cernay big 1
fr-big20-montpellier,Montpellier big 20
X

t 'pipe: sc-events add | sc-events set -, 20 runs: every event set' \
  'sh race.sh "sc-events -D p --wait 1 add \"Pipe meeting \$i\" --start 2024-10" "sc-events -D p set - --status cancelled" &&
   sc-events -D p list --series "" --status cancelled -c name -H | grep -c "^Pipe meeting"'
out <<'X'
20
X

t 'pipe: sc-events add | sc-events rm -, 20 runs: every event gone' \
  'n=$(sc-events -D p list -H | wc -l) &&
   sh race.sh "sc-events -D p --wait 1 add \"Gone \$i\" --start 2024-11" "sc-events -D p rm -" &&
   [ "$(sc-events -D p list -H | wc -l)" = "$n" ]'
out </dev/null

t 'pipe: sc-cities add | sc-followups add ACTION -, 20 runs: one follow-up each' \
  'sh race.sh "sc-cities -D p --wait 1 add Fu\$i --country FR" "sc-followups -D p add Call -" &&
   sc-followups -D p list -c action,city -H | grep -c "^Call,fr-fu[0-9]*$"'
out <<'X'
20
X

t 'pipe: sc-followups add | sc-followups done -, 20 runs: every one done' \
  'sh race.sh "sc-followups -D p --wait 1 add \"Done \$i\"" "sc-followups -D p done -" &&
   sc-followups -D p list --all -c action,status -H | grep "^Done" | cut -d, -f2 | uniq -c'
out <<'X'
     20 done
X

t 'pipe: sc-followups add | sc-followups set -, 20 runs: every one set' \
  'sh race.sh "sc-followups -D p --wait 1 add \"Own \$i\"" "sc-followups -D p set - --owner amina" &&
   sc-followups -D p list -c action,owner -H | grep "^Own" | cut -d, -f2 | uniq -c'
out <<'X'
     20 amina
X

t 'pipe: sc-followups add | sc-followups cancel -, 20 runs: every one cancelled' \
  'sh race.sh "sc-followups -D p --wait 1 add \"Drop \$i\"" "sc-followups -D p cancel -" &&
   sc-followups -D p list --all -c action,status -H | grep "^Drop" | cut -d, -f2 | uniq -c'
out <<'X'
     20 cancelled
X

t 'pipe: sc-followups done -n | sc-followups reopen -, 20 runs: every one open again' \
  'sh race.sh "sc-followups -D p --wait 1 add \"Back \$i\" | sc-followups -D p --wait 1 done - -n" "sc-followups -D p reopen -" &&
   sc-followups -D p list -c action,status -H | grep "^Back" | cut -d, -f2 | uniq -c'
out <<'X'
     20 open
X

t 'pipe: the tables are sound after the piped writes' 'sc-cities -D p check && sc-events -D p check && sc-followups -D p check'

# --- every unknown name is named (issue 11.7) ----------------------------

seed_dir u
snapshot u
t 'sc-cities set, rm and show: every unknown city is named' \
  'sc-cities -D u set atlantis dijon lemuria --notes x; sc-cities -D u rm atlantis lemuria; sc-cities -D u show atlantis lemuria'
status 3
err "sc-cities: unknown city 'atlantis'
sc-cities: unknown city 'lemuria'
sc-cities: unknown city 'atlantis'
sc-cities: unknown city 'lemuria'
sc-cities: unknown city 'atlantis'
sc-cities: unknown city 'lemuria'"
unchanged u

t 'sc-events set, rm and show: every unknown event is named' \
  'sc-events -D u set atlantis lemuria --notes x; sc-events -D u rm atlantis lemuria; sc-events -D u show atlantis lemuria'
status 3
err "sc-events: unknown event 'atlantis'
sc-events: unknown event 'lemuria'
sc-events: unknown event 'atlantis'
sc-events: unknown event 'lemuria'
sc-events: unknown event 'atlantis'
sc-events: unknown event 'lemuria'"
unchanged u

t 'sc-cities set: every unknown name is named, from stdin too' \
  'printf "city\\natlantis\\nfr-dijon\\nlemuria\\n" | sc-cities -D u set - xanadu --notes x'
status 3
err "sc-cities: unknown city 'atlantis'
sc-cities: unknown city 'lemuria'
sc-cities: unknown city 'xanadu'"
unchanged u

# --- attend in pipelines of writers (issue 10.4) -------------------------

t 'pipe: sc-cities add | sc-events attend EV -, 20 runs: every city attends' \
  'sh race.sh "sc-cities -D p --wait 1 add Att\$i --country FR" "sc-events -D p attend 2024-09-columbus - --role speaker" &&
   sc-events -D p cities 2024-09-columbus -c name,role -H | grep -c "^Att[0-9]*,speaker$"'
out <<'X'
20
X

t 'pipe: sc-cities add | sc-events attend - | sc-cities set -, 20 runs of three writers' \
  'sh race.sh "sc-cities -D p --wait 1 add Three\$i --country FR | sc-events -D p --wait 1 attend 2024-12-cape-town -" "sc-cities -D p set - --notes piped" &&
   sc-events -D p cities 2024-12-cape-town -c name,notes -H | grep -c "^Three[0-9]*,piped$"'
out <<'X'
20
X

t 'pipe: the tables are sound after the attend pipelines' 'sc-cities -D p check && sc-events -D p check'

# --- a pipe does not demote a host (issue 11.5) --------------------------

seed_dir a
t 'attend: Dijon named as an argument becomes the host' \
  'sc-events -D a attend 2024-05-strasbourg dijon --role host -c city,role -H'
out <<'X'
fr-dijon,host
X

t 'attend -: the pipe of the man page leaves the host a host, and says so' \
  'cp a/attendance.csv before.csv &&
   sc-cities -D a list --via 2024-05-strasbourg | sc-events -D a attend 2024-05-strasbourg - --role participant -c city,role -H &&
   cmp before.csv a/attendance.csv'
err 'sc-events: 2024-05-strasbourg: fr-dijon already attends as host; role left (name it as an argument to change it)'
out <<'X'
fr-cernay,participant
fr-dijon,host
fr-mittelhausbergen,participant
fr-montpellier,participant
gr-kalamaria,participant
gr-kordelio-evosmos,participant
es-murcia,participant
X

t 'attend -: a new city from the pipe gets --role and --notes; one that attends keeps both, said once' \
  'printf "id\nfr-dijon\nus-columbus-oh\nfr-dijon\n" | sc-events -D a attend 2024-05-strasbourg - --role speaker --notes piped -c city,role,notes -H'
err 'sc-events: 2024-05-strasbourg: fr-dijon already attends as host; role and notes left (name it as an argument to change it)'
out <<'X'
fr-dijon,host,
us-columbus-oh,speaker,piped
X

t 'attend -: --notes alone on cities that attend: their notes are left, each said' \
  'printf "city\nfr-cernay\nfr-dijon\n" | sc-events -D a attend 2024-05-strasbourg - --notes late -c city,role,notes -H'
err 'sc-events: 2024-05-strasbourg: fr-cernay already attends as participant; notes left (name it as an argument to change it)
sc-events: 2024-05-strasbourg: fr-dijon already attends as host; notes left (name it as an argument to change it)'
out <<'X'
fr-cernay,participant,
fr-dijon,host,
X

t 'attend -: the role a city has already is no news' \
  'printf "city\nfr-dijon\n" | sc-events -D a attend 2024-05-strasbourg - --role host -c city,role -H'
out <<'X'
fr-dijon,host
X

snapshot a
t 'attend -n -: says the same, writes nothing' \
  'printf "city\nfr-dijon\nza-cape-town\n" | sc-events -D a attend 2024-05-strasbourg - --role participant -n -c city,role -H'
err 'sc-events: 2024-05-strasbourg: fr-dijon already attends as host; role left (name it as an argument to change it)'
out <<'X'
fr-dijon,host
za-cape-town,participant
X
unchanged a

t 'attend: a city piped in and also named as an argument is changed' \
  'printf "city\nfr-dijon\nfr-cernay\n" | sc-events -D a attend 2024-05-strasbourg - dijon --role speaker -c city,role -H'
out <<'X'
fr-dijon,speaker
fr-cernay,participant
X
err 'sc-events: 2024-05-strasbourg: fr-cernay already attends as participant; role left (name it as an argument to change it)'

t 'attend: named as an argument, the host is a participant again' \
  'sc-events -D a attend 2024-05-strasbourg "Dijon" --role participant -c city,role -H'
out <<'X'
fr-dijon,participant
X

t 'attend --remove -: piped cities are removed as before' \
  'cp -r a rm1 && printf "city\nfr-dijon\nfr-cernay\n" | sc-events -D rm1 attend 2024-05-strasbourg - --remove && grep -c -e dijon -e cernay rm1/attendance.csv'
status 1
out <<'X'
0
X

snapshot a
t_in 'attend --role boss: a usage error before stdin is read, nothing written' \
  'sc-events -D a attend 2024-05-strasbourg - --role boss; cat' 'city
fr-dijon
'
status 0
err "sc-events: --role: 'boss' is not one of host, participant, speaker"
out <<'X'
city
fr-dijon
X
unchanged a

# --- attend names every unknown city (issue 11.7) ----------------------

t 'attend: every unknown city is named, one line each; exit 3, nothing written' \
  'sc-events -D a attend 2024-09-columbus atlantis dijon lemuria'
status 3
err "sc-events: unknown city 'atlantis'
sc-events: unknown city 'lemuria'"
unchanged a

t_in 'attend -: unknown cities on stdin are each named too' \
  'sc-events -D a attend 2024-09-columbus - xanadu' 'city
atlantis
fr-dijon
lemuria
'
status 3
err "sc-events: unknown city 'atlantis'
sc-events: unknown city 'lemuria'
sc-events: unknown city 'xanadu'"
unchanged a

t 'sc-followups add and done: every unknown city and follow-up is named' \
  'sc-followups -D a add Call atlantis dijon lemuria; sc-followups -D a done 98 1 99'
status 3
err "sc-followups: unknown city 'atlantis'
sc-followups: unknown city 'lemuria'
sc-followups: unknown follow-up '98'
sc-followups: unknown follow-up '99'"
unchanged a

t 'an ambiguous name still stops at once' 'sc-events -D a attend 2024-09-columbus atlantis k'
status 3
err_has "city name 'k' is ambiguous"

# --- rows are printed before the table is written (issue 10.7) -----------

seed_dir o
snapshot o
t 'attend >/dev/full: exit 4, and the pair is not added' \
  'sc-events -D o attend 2024-09-columbus dijon >/dev/full'
status 4
err 'sc-events: write error: stdout: No space left on device; nothing written'
unchanged o

t 'attend >/dev/full on a pair that attends: exit 4, and its role is not changed' \
  'sc-events -D o attend 2024-05-strasbourg dijon --role speaker --notes x >/dev/full'
status 4
err 'sc-events: write error: stdout: No space left on device; nothing written'
unchanged o

t 'attend with stdout closed: exit 4, and the pair is not added' \
  'sc-events -D o attend 2024-09-columbus dijon cernay >&-'
status 4
err 'sc-events: write error: stdout: Bad file descriptor; nothing written'
unchanged o

t 'attend - with stdout closed: exit 4, nothing written' \
  'printf "id\nfr-dijon\n" | sc-events -D o attend 2024-09-columbus - >&-'
status 4
err 'sc-events: write error: stdout: Bad file descriptor; nothing written'
unchanged o

t 'partner >/dev/full: exit 4, and the partner is not added' \
  'sc-events -D o partner 2024-09-columbus "A national ministry" >/dev/full'
status 4
err 'sc-events: write error: stdout: No space left on device; nothing written'
unchanged o

t 'partner with stdout closed: exit 4, and the partner is not added' \
  'sc-events -D o partner 2024-09-columbus "A national ministry" --sector ngo >&-'
status 4
err 'sc-events: write error: stdout: Bad file descriptor; nothing written'
unchanged o

t 'attend and partner -n >/dev/full: exit 4, nothing written' \
  'sc-events -D o attend 2024-09-columbus dijon -n >/dev/full; echo $? >&2; sc-events -D o partner 2024-09-columbus Ministry -n >&-'
status 4
err 'sc-events: write error: stdout: No space left on device; nothing written
4
sc-events: write error: stdout: Bad file descriptor; nothing written'
unchanged o

t 'add and import -n with stdout closed: exit 4, nothing written' \
  'printf "name,country\nZed,FR\n" >imp.csv; sc-cities -D o add Lyon --country FR >&-; echo $? >&2; sc-cities -D o import imp.csv -n >&-'
status 4
err 'sc-cities: write error: stdout: Bad file descriptor; nothing written
4
sc-cities: import: 1 added, 0 skipped, 0 rejected
sc-cities: write error: stdout: Bad file descriptor'
unchanged o

t 'check with stdout closed prints nothing, so it answers as ever: exit 0' \
  'sc-cities -D o check >&- && sc-events -D o check >&- && sc-followups -D o check >&-'
unchanged o

t 'check with stdout closed: exit 1 when it finds a problem, not 4' \
  'cp -r o bad && printf "x-bad,Bad,XX,,member,,,,,\n" >>bad/cities.csv && sc-cities -D bad check >&-'
status 1
err "sc-cities: bad/cities.csv:12: country: unknown country code 'XX' (ISO 3166-1 alpha-2, upper case)"

t 'attend --remove prints nothing, so a full stdout does not stop it' \
  'cp -r o rmd && sc-events -D rmd attend 2024-05-strasbourg dijon --remove >/dev/full && grep -c dijon rmd/attendance.csv'
status 1
out <<'X'
0
X

# A closed stdout is held by /dev/null, opened for reading: the lock, a
# table or a temporary file never takes its descriptor.
t 'import with stdout closed prints nothing: the rows are added, exit 0' \
  'sc-cities -D o import imp.csv >&- && sc-cities -D o list --name zed -c id -H'
err 'sc-cities: import: 1 added, 0 skipped, 0 rejected'
out <<'X'
fr-zed
X

t 'set and rm with stdout and stderr closed: written, and the tables still check' \
  'sc-cities -D o set dijon --notes closed >&- 2>&- && sc-cities -D o rm fr-zed >&- 2>&- &&
   sc-cities -D o check && sc-cities -D o list --name dijon -c notes -H && ls -A o'
out <<'X'
closed
attendance.csv
cities.csv
events.csv
followups.csv
partners.csv
X

snapshot o
t 'set - with stdin closed: a read error, exit 4, nothing written' \
  'sc-cities -D o set - --notes x <&-'
status 4
err 'sc-cities: stdin: read error: Bad file descriptor'
unchanged o

# --- a follow-up id with no room after it (issue 10.7) -------------------
# New ids are drawn, not counted on from the highest (issue 12): the
# largest integer id stops nothing, and stays a follow-up like any other.

seed_dir h
printf '999999999999999999,Wild,,,,,open,2024-05-01,,\n' >>"$T/h/followups.csv"
t 'add after id 999999999999999999: a drawn id, silently' \
  'sc-followups -D h add Call fr-dijon -c id,action -H | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1,Call
X

t 'add again: a city each, each its own id' \
  'sc-followups -D h add Write dijon cernay -c id -H | awk -f "$TOP/tests/ids.awk"'
out <<'X'
@1
@2
X

t 'check accepts the wild id, and the table stays sound' \
  'sc-followups -D h check && sc-followups -D h list -c id -H | tail -4 | awk -f "$TOP/tests/ids.awk"'
out <<'X'
999999999999999999
@1
@2
@3
X

t 'done: the wild id is a follow-up like any other' \
  'sc-followups -D h done 999999999999999999 && sc-followups -D h list --all -c id,status -H | grep ^9999'
out <<'X'
999999999999999999,done
X


# --- a reader after a writer in a pipeline ------------------------------------
# show reads the names on stdin before the table: the writer upstream has
# written its row by the time stdin ends, however the two were scheduled.

seed_dir rs
t 'show -: sc-events add | sc-events show -, 20 times, each shows the new event' \
  'i=0; ok=0
   while [ $i -lt 20 ]; do
	sc-events -D rs add "Piped $i" --start 2025-0$((i % 9 + 1)) --force |
	    sc-events -D rs show - -o csv -c name -H | grep -qx "Piped $i" &&
	    ok=$((ok + 1))
	i=$((i + 1))
   done
   echo $ok'
out <<'X'
20
X

t 'show -: sc-cities add | sc-cities show -, 20 times, each shows the new city' \
  'i=0; ok=0
   while [ $i -lt 20 ]; do
	sc-cities -D rs add "Pipetown $i" --country FR --lat "" --lon "" 2>/dev/null |
	    sc-cities -D rs show - -o csv -c name -H | grep -qx "Pipetown $i" &&
	    ok=$((ok + 1))
	i=$((i + 1))
   done
   echo $ok'
out <<'X'
20
X
