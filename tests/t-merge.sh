# t-merge.sh: sc-cities merge, the merge driver of the tables: alone on
# small files, then run by git in clones that work on every table at once.

# --- the driver alone -------------------------------------------------------

mkdir -p "$T/d"
H='id,action,event,city,owner,due,status,created,closed,notes'
cat >"$T/d/base.csv" <<EOF
$H
1,Invite Cernay,,fr-cernay,,,open,2024-05-15,,
2,Invite Dijon,,fr-dijon,,,open,2024-05-15,,
3,Invite Murcia,,es-murcia,,,open,2024-05-15,,
4,Invite Kalamaria,,gr-kalamaria,,,open,2024-05-15,,
5,Call Columbus,,us-columbus-oh,,,open,2024-05-15,,
EOF
# Ours closes 1, gives 2 an owner, moves 3's due date, removes 5, adds 6.
cat >"$T/d/ours.csv" <<EOF
$H
1,Invite Cernay,,fr-cernay,,,done,2024-05-15,2024-06-01,
2,Invite Dijon,,fr-dijon,amina,,open,2024-05-15,,
3,Invite Murcia,,es-murcia,,2024-07-01,open,2024-05-15,,
4,Invite Kalamaria,,gr-kalamaria,,,open,2024-05-15,,
6,Call Murcia,,es-murcia,,,open,2024-06-01,,
EOF
# Theirs adds a note to 1, moves 3's due date the same way, gives 4 an
# owner, adds 7.
cat >"$T/d/theirs.csv" <<EOF
$H
1,Invite Cernay,,fr-cernay,,,open,2024-05-15,,"call first, then write"
2,Invite Dijon,,fr-dijon,,,open,2024-05-15,,
3,Invite Murcia,,es-murcia,,2024-07-01,open,2024-05-15,,
4,Invite Kalamaria,,gr-kalamaria,li,,open,2024-05-15,,
5,Call Columbus,,us-columbus-oh,,,open,2024-05-15,,
7,Call Dijon,,fr-dijon,,,open,2024-06-01,,
EOF
mkdir -p "$T/d/data"
cp "$TOP"/seeds/cities.csv "$T/d/data/"

t 'merge: field by field against base; removals, additions; exit 0, silent' \
  'cd d && cp ours.csv A && sc-cities merge base.csv A theirs.csv followups.csv && cp A merged.csv && cat A'
out <<'X'
id,action,event,city,owner,due,status,created,closed,notes
1,Invite Cernay,,fr-cernay,,,done,2024-05-15,2024-06-01,"call first, then write"
2,Invite Dijon,,fr-dijon,amina,,open,2024-05-15,,
3,Invite Murcia,,es-murcia,,2024-07-01,open,2024-05-15,,
4,Invite Kalamaria,,gr-kalamaria,li,,open,2024-05-15,,
6,Call Murcia,,es-murcia,,,open,2024-06-01,,
7,Call Dijon,,fr-dijon,,,open,2024-06-01,,
X

t 'merge: ... the merged table passes check' \
  'cd d && cp A data/followups.csv && sc-followups -D data check'

t 'merge: the other way round, the same rows; theirs new rows still last' \
  'cd d && cp theirs.csv B && sc-cities merge base.csv B ours.csv followups.csv &&
   tail -2 B | cut -d, -f1 && sort A > A.sorted && sort B | cmp - A.sorted'
out <<'X'
7
6
X

t 'merge: nothing changed on a side: the other side, as it is' \
  'cd d && cp ours.csv A && sc-cities merge base.csv A base.csv followups.csv && cmp A ours.csv &&
   cp base.csv A && sc-cities merge base.csv A theirs.csv followups.csv && cmp A theirs.csv'

# --- conflicts ----------------------------------------------------------------

sed 's/^2,\(.*\),open,2024-05-15,,$/2,\1,done,2024-05-15,2024-06-01,/' \
    "$T/d/base.csv" >"$T/d/ours2.csv"
sed -e 's/^2,\(.*\),open,2024-05-15,,$/2,\1,cancelled,2024-05-15,2024-06-01,/' \
    -e 's/^2,Invite Dijon,,fr-dijon,,/2,Invite Dijon,,fr-dijon,jo,/' \
    "$T/d/base.csv" >"$T/d/theirs2.csv"

t 'conflict: one field changed both ways: exit 1, both rows between markers' \
  'cd d && cp ours2.csv A && sc-cities merge base.csv A theirs2.csv followups.csv; echo "exit $?"; cat A'
out <<'X'
exit 1
id,action,event,city,owner,due,status,created,closed,notes
1,Invite Cernay,,fr-cernay,,,open,2024-05-15,,
<<<<<<< ours
2,Invite Dijon,,fr-dijon,jo,,done,2024-05-15,2024-06-01,
=======
2,Invite Dijon,,fr-dijon,jo,,cancelled,2024-05-15,2024-06-01,
>>>>>>> theirs
3,Invite Murcia,,es-murcia,,,open,2024-05-15,,
4,Invite Kalamaria,,gr-kalamaria,,,open,2024-05-15,,
5,Call Columbus,,us-columbus-oh,,,open,2024-05-15,,
X
err 'sc-cities: followups.csv:3: conflict: id 2: both sides changed status
sc-cities: followups.csv: 1 conflict: keep one row between each <<<<<<< and >>>>>>>, remove the marker lines, then check'

t 'conflict: ... a person keeps one side: the table passes check' \
  'cd d && sed -e "/^<<<<<<< /d" -e "/^=======/,/^>>>>>>> /d" A > data/followups.csv &&
   sc-followups -D data check && grep "^2," data/followups.csv'
out <<'X'
2,Invite Dijon,,fr-dijon,jo,,done,2024-05-15,2024-06-01,
X

grep -v '^4,' "$T/d/base.csv" >"$T/d/ours3.csv"
sed 's/^4,Invite Kalamaria,,gr-kalamaria,,/4,Invite Kalamaria,,gr-kalamaria,sam,/' \
    "$T/d/base.csv" >"$T/d/theirs3.csv"

t 'conflict: removed in ours, changed in theirs: ours side empty, at the end' \
  'cd d && cp ours3.csv A && sc-cities merge base.csv A theirs3.csv followups.csv; echo "exit $?"; tail -5 A'
status 0
out <<'X'
exit 1
5,Call Columbus,,us-columbus-oh,,,open,2024-05-15,,
<<<<<<< ours
=======
4,Invite Kalamaria,,gr-kalamaria,sam,,open,2024-05-15,,
>>>>>>> theirs
X
err 'sc-cities: followups.csv:6: conflict: id 4: removed in ours, changed in theirs
sc-cities: followups.csv: 1 conflict: keep one row between each <<<<<<< and >>>>>>>, remove the marker lines, then check'

t 'conflict: changed in ours, removed in theirs: theirs side empty, in place' \
  'cd d && cp theirs3.csv A && sc-cities merge base.csv A ours3.csv followups.csv; echo "exit $?"; sed -n 5,10p A'
out <<'X'
exit 1
<<<<<<< ours
4,Invite Kalamaria,,gr-kalamaria,sam,,open,2024-05-15,,
=======
>>>>>>> theirs
5,Call Columbus,,us-columbus-oh,,,open,2024-05-15,,
X
err_has 'followups.csv:5: conflict: id 4: changed in ours, removed in theirs'

t 'conflict: ... removing the markers keeps the row, and the table checks' \
  'cd d && grep -v "^[<=>]\{7\}" A > data/followups.csv && sc-followups -D data check &&
   grep -c "^4," data/followups.csv'
out <<'X'
1
X

t 'removed in ours, left as it was in theirs: removed, silently' \
  'cd d && cp ours3.csv A && sc-cities merge base.csv A base.csv followups.csv && cmp A ours3.csv'

cp "$T/d/base.csv" "$T/d/ours4.csv"
cp "$T/d/base.csv" "$T/d/theirs4.csv"
echo '6,Call Dijon,,fr-dijon,,,open,2024-06-01,,' >>"$T/d/ours4.csv"
echo '6,Call Kalamaria,,gr-kalamaria,,,open,2024-06-01,,' >>"$T/d/theirs4.csv"

t 'conflict: both sides added id 6, differently: both rows kept, neither lost' \
  'cd d && cp ours4.csv A && sc-cities merge base.csv A theirs4.csv followups.csv; echo "exit $?"; tail -5 A'
out <<'X'
exit 1
<<<<<<< ours
6,Call Dijon,,fr-dijon,,,open,2024-06-01,,
=======
6,Call Kalamaria,,gr-kalamaria,,,open,2024-06-01,,
>>>>>>> theirs
X
err_has 'followups.csv:7: conflict: id 6: added on both sides, differently'

t 'both sides added the same row: once' \
  'cd d && cp ours4.csv A && sc-cities merge base.csv A ours4.csv followups.csv && cmp A ours4.csv'

# Twelve follow-ups, each given an owner by both sides: twelve conflicts.
awk -v h="$H" 'BEGIN { print h
	for (i = 1; i <= 12; i++) printf "%d,Call %d,,,,,open,2024-05-15,,\n", i, i }' \
    >"$T/d/many.csv"
sed 's/,,,,open,/,,ours,,open,/' "$T/d/many.csv" >"$T/d/many-o.csv"
sed 's/,,,,open,/,,theirs,,open,/' "$T/d/many.csv" >"$T/d/many-t.csv"

t 'conflicts: the first ten are named, the rest counted' \
  'cd d && cp many-o.csv A && sc-cities merge many.csv A many-t.csv followups.csv 2>err; echo "exit $?";
   grep -c "^<<<<<<< ours$" A; wc -l < err; tail -2 err'
out <<'X'
exit 1
12
12
sc-cities: followups.csv: and 2 conflicts more
sc-cities: followups.csv: 12 conflicts: keep one row between each <<<<<<< and >>>>>>>, remove the marker lines, then check
X

# --- the other tables, columns, forms ---------------------------------------

cat >"$T/d/att-base.csv" <<'EOF2'
event,city,role,notes
2024-05-strasbourg,fr-strasbourg,host,
2024-05-strasbourg,fr-cernay,participant,
2024-05-strasbourg,fr-dijon,participant,
2024-05-strasbourg,es-murcia,participant,
EOF2
cat >"$T/d/att-ours.csv" <<'EOF2'
event,city,role,notes
2024-05-strasbourg,fr-strasbourg,host,
2024-05-strasbourg,fr-cernay,speaker,
2024-05-strasbourg,fr-dijon,participant,
2024-05-strasbourg,es-murcia,participant,
2024-05-strasbourg,gr-kalamaria,participant,
EOF2
cat >"$T/d/att-theirs.csv" <<'EOF2'
event,city,role,notes
2024-05-strasbourg,fr-strasbourg,host,
2024-05-strasbourg,fr-cernay,participant,spoke on day two
2024-05-strasbourg,es-murcia,participant,
2024-09-columbus,fr-cernay,participant,
EOF2

t 'attendance: keyed by event and city; a city in two events is two rows' \
  'cd d && cp att-ours.csv A && sc-cities merge att-base.csv A att-theirs.csv attendance.csv && cat A'
out <<'X'
event,city,role,notes
2024-05-strasbourg,fr-strasbourg,host,
2024-05-strasbourg,fr-cernay,speaker,spoke on day two
2024-05-strasbourg,es-murcia,participant,
2024-05-strasbourg,gr-kalamaria,participant,
2024-09-columbus,fr-cernay,participant,
X

t 'no path: the table is known by its header (here attendance)' \
  'cd d && cp att-ours.csv A && sc-cities merge att-base.csv A att-theirs.csv && sed -n 3p A'
out <<'X'
2024-05-strasbourg,fr-cernay,speaker,spoke on day two
X

t 'the path names the table, wherever it is' \
  'cd d && cp att-ours.csv A && sc-cities merge att-base.csv A att-theirs.csv data/attendance.csv && sed -n 3p A'
out <<'X'
2024-05-strasbourg,fr-cernay,speaker,spoke on day two
X

C='id,name,country,region,status,joined,via,notes'
cat >"$T/d/c-base.csv" <<EOF2
$C
fr-cernay,Cernay,FR,,introduced,2024-05-15,,
fr-dijon,Dijon,FR,,introduced,2024-05-15,,
EOF2
cat >"$T/d/c-ours.csv" <<EOF2
$C,email
fr-cernay,Cernay,FR,,member,2024-05-15,,,mairie@cernay.fr
fr-dijon,Dijon,FR,,introduced,2024-05-15,,,
EOF2
cat >"$T/d/c-theirs.csv" <<EOF2
phone,$C
+33 1,fr-cernay,Cernay,FR,,introduced,2024-05-15,,
,fr-dijon,Dijon,FR,,introduced,2024-05-15,,call in June
EOF2

t 'columns a user added on either side are kept: ours order, then theirs new' \
  'cd d && cp c-ours.csv A && sc-cities merge c-base.csv A c-theirs.csv cities.csv && cat A'
out <<'X'
id,name,country,region,status,joined,via,notes,email,phone
fr-cernay,Cernay,FR,,member,2024-05-15,,,mairie@cernay.fr,+33 1
fr-dijon,Dijon,FR,,introduced,2024-05-15,,call in June,,
X

t 'columns: ... and the table passes check' \
  'cd d && cp A data/cities.csv && sc-cities -D data check'

t 'columns: the other way round, the same values' \
  'cd d && cp c-theirs.csv B && sc-cities merge c-base.csv B c-ours.csv cities.csv && cat B'
out <<'X'
phone,id,name,country,region,status,joined,via,notes,email
+33 1,fr-cernay,Cernay,FR,,member,2024-05-15,,,mairie@cernay.fr
,fr-dijon,Dijon,FR,,introduced,2024-05-15,,call in June,
X

cat >"$T/d/e-base.csv" <<EOF2
$C,email
fr-cernay,Cernay,FR,,introduced,2024-05-15,,,a@cernay.fr
fr-dijon,Dijon,FR,,introduced,2024-05-15,,,a@dijon.fr
EOF2
cat >"$T/d/e-theirs.csv" <<EOF2
$C,email
fr-cernay,Cernay,FR,,introduced,2024-05-15,,,a@cernay.fr
fr-dijon,Dijon,FR,,introduced,2024-05-15,,,b@dijon.fr
EOF2

t 'a column removed on one side stays; values it had are emptied, a changed one conflicts' \
  'cd d && cp c-base.csv A && sc-cities merge e-base.csv A e-theirs.csv cities.csv; echo "exit $?"; cat A'
out <<'X'
exit 1
id,name,country,region,status,joined,via,notes,email
fr-cernay,Cernay,FR,,introduced,2024-05-15,,,
<<<<<<< ours
fr-dijon,Dijon,FR,,introduced,2024-05-15,,,
=======
fr-dijon,Dijon,FR,,introduced,2024-05-15,,,b@dijon.fr
>>>>>>> theirs
X
err_has 'cities.csv:3: conflict: id fr-dijon: both sides changed email'

t 'a schema column missing from every side is added, as a write would' \
  'cd d && cut -d, -f1-7 c-base.csv > nonotes.csv && cp nonotes.csv A &&
   sc-cities merge nonotes.csv A nonotes.csv cities.csv && cmp A c-base.csv'

printf 'id,action,event,city,owner,due,status,created,closed,notes\r\n"1","Invite Cernay",,fr-cernay,,,open,2024-05-15,,\r\n' \
    >"$T/d/crlf.csv"
t 'input not in canonical form (CRLF, needless quotes): the result is canonical' \
  'cd d && cp crlf.csv A && sc-cities merge crlf.csv A crlf.csv followups.csv && cat A'
out <<'X'
id,action,event,city,owner,due,status,created,closed,notes
1,Invite Cernay,,fr-cernay,,,open,2024-05-15,,
X

t 'an empty base (a table added on both sides): rows added alike merge' \
  'cd d && : > empty && cp ours.csv A && sc-cities merge empty A ours.csv followups.csv && cmp A ours.csv'

# --- what the driver cannot merge by key ---------------------------------------

printf 'a,b\n1,x\n2,y\n' >"$T/d/o-base.csv"
printf 'a,b\n1,X\n2,y\n' >"$T/d/o-ours.csv"
printf 'a,b\n1,x\n2,Y\n' >"$T/d/o-theirs.csv"
t 'not one of the tables: merged line by line by git merge-file, and said so' \
  'cd d && cp o-ours.csv A && sc-cities merge o-base.csv A o-theirs.csv other.csv; echo "exit $?"; cat A'
out <<'X'
exit 1
a,b
<<<<<<< ours
1,X
2,y
=======
1,x
2,Y
>>>>>>> theirs
X
err 'sc-cities: other.csv: not one of the five tables; merging it line by line (git merge-file)'

t 'not one of the tables, and no git to merge it: exit 4, ours as it was' \
  'cd d && cp o-ours.csv A && PATH=/nonexistent "$TOP/sc-cities" merge o-base.csv A o-theirs.csv other.csv; echo "exit $?"; cmp A o-ours.csv'
out <<'X'
exit 4
X
err 'sc-cities: other.csv: not one of the five tables; merging it line by line (git merge-file)
sc-cities: git merge-file: No such file or directory'

cp "$T/d/base.csv" "$T/d/dup.csv"
echo '2,Invite Dijon again,,fr-dijon,,,open,2024-05-15,,' >>"$T/d/dup.csv"
t 'a key twice in a side: merged line by line, the line named' \
  'cd d && cp dup.csv A && sc-cities merge base.csv A theirs.csv followups.csv; echo "exit $?"; tail -6 A'
out <<'X'
exit 1
5,Call Columbus,,us-columbus-oh,,,open,2024-05-15,,
<<<<<<< ours
2,Invite Dijon again,,fr-dijon,,,open,2024-05-15,,
=======
7,Call Dijon,,fr-dijon,,,open,2024-06-01,,
>>>>>>> theirs
X
err 'sc-cities: followups.csv: id 2 appears twice in ours (line 7); merging it line by line (git merge-file)'

printf 'id,action\n1,x\n' >"$T/d/bad.csv"
t 'a side that is not a valid table: exit 3, ours as it was, no file left' \
  'cd d && mkdir -p bad && cp bad.csv bad/A && sc-cities merge base.csv bad/A theirs.csv followups.csv; echo "exit $?";
   cmp bad/A bad.csv && ls -A bad'
out <<'X'
exit 3
A
X
err 'sc-cities: bad/A:1: missing required column '"'"'status'"'"'
sc-cities: followups.csv: not merged; it holds ours, as it was'

printf '%s\n1,"Invite Cernay,,fr-cernay,,,open,2024-05-15,,\n' "$H" >"$T/d/bad2.csv"
t 'a malformed row in theirs: exit 3, ours as it was' \
  'cd d && mkdir -p bad && cp ours.csv bad/A && sc-cities merge base.csv bad/A bad2.csv followups.csv; echo "exit $?";
   cmp bad/A ours.csv && ls -A bad'
out <<'X'
exit 3
A
X
err_has 'bad2.csv:2: unterminated quoted field'
err_has 'followups.csv: not merged; it holds ours, as it was'

t 'a missing file: exit 4' \
  'cd d && cp ours.csv A && sc-cities merge nothere.csv A theirs.csv followups.csv'
status 4
err 'sc-cities: nothere.csv: No such file or directory
sc-cities: followups.csv: not merged; it holds ours, as it was'

t 'usage: three or four arguments' 'sc-cities merge a b'
status 2
err_has 'usage: sc-cities'

t 'usage: not five' 'sc-cities merge a b c d e'
status 2
err_has "unexpected argument 'e': merge takes BASE OURS THEIRS [PATH]"

t 'ours a symbolic link: the link stays, its target gets the result, mode kept' \
  'cd d && mkdir -p ln && cp ours.csv ln/real.csv && chmod 640 ln/real.csv && ln -sf real.csv ln/A &&
   sc-cities merge base.csv ln/A theirs.csv followups.csv && test -L ln/A && cmp ln/real.csv merged.csv &&
   stat -c %a ln/real.csv && ls -A ln'
out <<'X'
640
A
real.csv
X

t 'SC_DATA naming no directory does not matter to the driver' \
  'cd d && cp ours.csv B && SC_DATA=/nonexistent sc-cities merge base.csv B theirs.csv followups.csv && cmp B merged.csv'

# --- run by git -----------------------------------------------------------------

# No configuration but the clones' own, and no editor for merge commits.
GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_MERGE_AUTOEDIT=no
export GIT_CONFIG_GLOBAL GIT_CONFIG_NOSYSTEM GIT_MERGE_AUTOEDIT

# clone ORIGIN DIR [nodriver]: a clone with its user and, but with
# nodriver, the driver registered, as each clone must do once.
cat >"$T/clone" <<'EOF2'
#!/bin/sh
git clone -q "$1" "$2" && cd "$2" &&
git config user.name "$2" && git config user.email "$2@example.org" &&
git config pull.rebase false || exit 1
[ "${3:-}" = nodriver ] && exit 0
git config merge.sc.name "sc tables, by key and field" &&
git config merge.sc.driver "sc-cities merge %O %A %B %P"
EOF2
# checks DIR: every tool's check, and no file git has not committed.
cat >"$T/checks" <<'EOF2'
#!/bin/sh
sc-cities -D "$1" check && sc-events -D "$1" check && sc-followups -D "$1" check &&
git -C "$1" status --porcelain
EOF2
chmod +x "$T/clone" "$T/checks"

t 'git: a repository of the seed tables, the driver named in .gitattributes' \
  'mkdir g && cd g && git init -q -b main origin && cd origin &&
   cp "$TOP"/seeds/*.csv . &&
   printf "%s merge=sc\n" cities.csv events.csv attendance.csv partners.csv followups.csv > .gitattributes &&
   git add . && git -c user.name=o -c user.email=o@example.org commit -qm seeds &&
   cd .. && ../clone origin a && ../clone origin b && ../clone origin c nodriver'

t 'git: clone a works on every table' \
  'cd g/a && sc-cities -D . set fr-cernay --status member &&
   sc-cities -D . set fr-dijon --notes "mayor keen" &&
   sc-cities -D . add Lyon --country FR >/dev/null &&
   sc-events -D . set 2024-09-columbus --url https://example.org/columbus &&
   sc-events -D . attend 2024-09-columbus fr-cernay >/dev/null &&
   sc-events -D . partner 2024-05-strasbourg "Council of Europe" >/dev/null &&
   sc-followups -D . add "Call Dijon" fr-dijon -o csv -c id -H | awk -f "$TOP/tests/ids.awk" &&
   sc-followups -D . done 1 --on 2024-06-01 &&
   git commit -qam "a: work"'
out <<'X'
@1
X

# Clone b adds a follow-up too: its id is drawn, as clone a's was, so the
# two do not collide (t-git.sh tries it harder).
t 'git: clone b works on every table, in the same rows and others' \
  'cd g/b && sc-cities -D . set fr-cernay --notes "met the mayor" &&
   sc-cities -D . set fr-dijon --notes "mayor keen" &&
   sc-cities -D . add Thessaloniki --country GR >/dev/null &&
   sc-events -D . set 2024-09-columbus --end 2024-09-20 &&
   sc-events -D . attend 2024-12-cape-town gr-kalamaria >/dev/null &&
   sc-events -D . partner 2024-05-strasbourg "Strong Cities Network" >/dev/null &&
   sc-followups -D . add "Call Kalamaria" gr-kalamaria >/dev/null &&
   sc-followups -D . set 1 --owner amina &&
   git commit -qam "b: work"'

t 'git: a merges b, b merges a: no conflict' \
  'cd g && git -C a fetch -q ../b main:b && git -C b fetch -q ../a main:a &&
   git -C a merge -q --no-edit b && git -C b merge -q --no-edit a'

t 'git: ... each clone passes check' './checks g/a && ./checks g/b'

t 'git: ... both clones hold the same rows, in each table' \
  'cd g && for f in cities events attendance partners followups; do
	sort a/$f.csv > a.sorted && sort b/$f.csv | cmp - a.sorted || exit 1
   done'

t 'git: ... the changes of both, field by field' \
  'cd g/a && grep -h -e "^fr-cernay," -e "^fr-dijon," -e "^1," cities.csv followups.csv | cut -d, -f1,4-8 &&
   sc-followups -D . list -c id,action -H | tail -2 | awk -f "$TOP/tests/ids.awk" &&
   grep -c -e "^2024-09-columbus,fr-cernay," -e "^2024-12-cape-town,gr-kalamaria," attendance.csv &&
   tail -2 partners.csv && tail -2 cities.csv | cut -d, -f1'
out <<'X'
fr-cernay,,member,2024-05-15,2024-05-strasbourg,met the mayor
fr-dijon,,introduced,2024-05-15,2024-05-strasbourg,mayor keen
1,fr-cernay,amina,,done,2024-05-15
@1,Call Dijon
@2,Call Kalamaria
2
2024-05-strasbourg,Council of Europe,,
2024-05-strasbourg,Strong Cities Network,,
fr-lyon
gr-thessaloniki
X

t 'git: ... the event took both fields' \
  'sc-events -D g/a list -c id,end,url -H | grep columbus'
out <<'X'
2024-09-columbus,2024-09-20,https://example.org/columbus
X

t 'git: the two merges merge again without conflict, then everyone is even' \
  'cd g && git -C b pull -q --no-edit ../a main && git -C a pull -q --no-edit ../b main &&
   git -C a diff --stat b && ../checks a'

t 'git: a true conflict: one field set two ways; git merge fails' \
  'cd g && sc-cities -D a set fr-dijon --status member && git -C a commit -qam "a: Dijon joins" &&
   sc-cities -D b set fr-dijon --status former --notes "left" && git -C b commit -qam "b: Dijon left" &&
   git -C b pull -q --no-edit ../a main > pull.out; echo "exit $?"; grep CONFLICT pull.out'
out <<'X'
exit 1
CONFLICT (content): Merge conflict in cities.csv
X
err_has 'cities.csv:4: conflict: id fr-dijon: both sides changed status'

t 'git: ... both values are in the file, between markers' \
  'sed -n 4,8p g/b/cities.csv'
out <<'X'
<<<<<<< ours
fr-dijon,Dijon,FR,,former,2024-05-15,2024-05-strasbourg,left,47.317,5.017
=======
fr-dijon,Dijon,FR,,member,2024-05-15,2024-05-strasbourg,left,47.317,5.017
>>>>>>> theirs
X

t 'git: ... a person keeps theirs; check passes; the merge is committed' \
  'cd g/b && sed -e "/^<<<<<<< /,/^=======/d" -e "/^>>>>>>> /d" cities.csv > x && mv x cities.csv &&
   ../../checks . | sed "s/^/  /" && git add cities.csv && git commit -q --no-edit &&
   sc-cities -D . list -c id,status,notes -H | grep dijon'
out <<'X'
  UU cities.csv
fr-dijon,member,left
X

t 'git: an edit against a removal' \
  'cd g && git -C a pull -q ../b main &&
   sc-cities -D a rm fr-lyon && git -C a commit -qam "a: no Lyon" &&
   sc-cities -D b set fr-lyon --region FR-ARA && git -C b commit -qam "b: Lyon region" &&
   git -C a pull -q --no-edit ../b main >/dev/null; echo "exit $?"; grep -A3 "^<<<<<<<" a/cities.csv'
out <<'X'
exit 1
<<<<<<< ours
=======
fr-lyon,Lyon,FR,FR-ARA,prospect,,,,45.748,4.847
>>>>>>> theirs
X
err_has 'conflict: id fr-lyon: removed in ours, changed in theirs'

t 'git: ... removing the markers keeps the row; removing them and the row drops it' \
  'cd g/a && grep -v "^[<=>]\{7\}" cities.csv | grep -c "^fr-lyon," &&
   grep -v -e "^[<=>]\{7\}" -e "^fr-lyon," cities.csv > x && mv x cities.csv &&
   sc-cities -D . check && git add cities.csv && git commit -q --no-edit && git -C ../b pull -q ../a main'
out <<'X'
1
X

t 'git: columns a user added in each clone are both kept' \
  'cd g && sed -e "1s/\$/,email/" -e "2,\$s/\$/,/" a/cities.csv > x && mv x a/cities.csv &&
   sc-cities -D a set fr-cernay --field email=mairie@cernay.fr && git -C a commit -qam "a: email" &&
   sed -e "1s/\$/,phone/" -e "2,\$s/\$/,/" b/cities.csv > x && mv x b/cities.csv &&
   sc-cities -D b set fr-cernay --field phone=+33-389 && git -C b commit -qam "b: phone" &&
   git -C a pull -q --no-edit ../b main >/dev/null && head -1 a/cities.csv && grep ^fr-cernay a/cities.csv && ../checks a'
out <<'X'
id,name,country,region,status,joined,via,notes,lat,lon,email,phone
fr-cernay,Cernay,FR,,member,2024-05-15,2024-05-strasbourg,met the mayor,47.810,7.177,mairie@cernay.fr,+33-389
X

t 'git: a clone without the driver gets a line conflict in a table' \
  'cd g && git -C c pull -q ../a main && sc-cities -D c set fr-cernay --notes "from c" && sc-cities -D c set fr-dijon --notes "c" &&
   git -C c commit -qam "c: notes" &&
   sc-cities -D a set fr-strasbourg --status member --notes "host" && sc-cities -D a set gr-kalamaria --notes "a" &&
   sc-cities -D a set fr-mittelhausbergen --notes "a" && git -C a commit -qam "a: notes" &&
   git -C c pull -q --no-edit ../a main >/dev/null 2>&1; echo "exit $?"; grep -c "^<<<<<<<" c/cities.csv'
out <<'X'
exit 1
1
X

t 'git: ... the driver registered, git checkout -m merges it again by key' \
  'cd g/c && git config merge.sc.driver "sc-cities merge %O %A %B %P" &&
   git checkout -m cities.csv 2>/dev/null && sc-cities -D . check && git add cities.csv && git commit -q --no-edit &&
   grep -e ^fr-strasbourg -e ^fr-cernay cities.csv | cut -d, -f1,5,8'
out <<'X'
fr-strasbourg,member,host
fr-cernay,member,from c
X

unset GIT_CONFIG_GLOBAL GIT_CONFIG_NOSYSTEM GIT_MERGE_AUTOEDIT

# --- memory ---------------------------------------------------------------------

t 'the driver streams: three 40 MB versions merge in 40 MB of address space' \
  'cd d && awk "BEGIN { print \"id,action,event,city,owner,due,status,created,closed,notes\"; for (i = 1; i <= 100000; i++) printf \"%d,Call %0380d,,,,,open,2024-05-15,,\\n\", i, i }" > big.csv &&
   sed "s/^\([0-9]*7\),\(.*\),open,/\1,\2,done,/" big.csv > big-o.csv &&
   sed "s/^\([0-9]*3\),Call /\1,Ring /" big.csv > big-t.csv && cp big-o.csv big-A.csv &&
   (ulimit -v 40000; sc-cities merge big.csv big-A.csv big-t.csv followups.csv) &&
   grep -c ",done," big-A.csv && grep -c "^[0-9]*,Ring " big-A.csv && wc -l < big-A.csv && rm big*.csv'
out <<'X'
10000
10000
100001
X
