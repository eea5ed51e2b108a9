# t-shared.sh: a write in a directory that people share.  A write touches
# its own table and its own temporary files (.TABLE.csv.sc-XXXXXX, nothing
# else); a dry run touches nothing; a table that is a symbolic link is
# written through the link; the owner group and mode of a table survive a
# write, or the write is refused.

# junk DIR: files that look like ours but are other programs': backups,
# editors' swap and undo files, rsync's temporaries, near misses of our
# own pattern.  None of them may ever go.
cat >"$T/junk" <<'EOF'
#!/bin/sh
cd "$1" || exit 1
cp cities.csv .cities.csv.bak
for f in .cities.csv.swp .followups.csv.un~ .cities.csv.AbC123 \
    .events.csv.XyZ789 .cities.csv.sc-AbC12 .cities.csv.sc-AbC1234 \
    .cities.csv.sc-AbC12_ .cities.csv.sc-AbC12- .notes.csv.sc-AbC123 \
    .CITIES.csv.sc-AbC123 cities.csv.sc-AbC123 .cities.csv.sc-AbC123~ \
    .cities.csv.sc-.AbC12 .cities.sc-AbC123 ..cities.csv.sc-AbC123; do
	echo "not yours" >"$f"
done
EOF
# stale DIR: temporary files as killed writers of each table leave them.
cat >"$T/stale" <<'EOF'
#!/bin/sh
cd "$1" || exit 1
for f in .cities.csv.sc-AbC123 .events.csv.sc-zzzzzz .attendance.csv.sc-000000 \
    .partners.csv.sc-Q1w2E3 .followups.csv.sc-9a8B7c; do
	echo "half a table" >"$f"
done
EOF
chmod +x "$T/junk" "$T/stale"

# --- (a) a dry run changes nothing, not even the listing ---------------------

seed_dir dry
"$T/junk" "$T/dry"
"$T/stale" "$T/dry"
snapshot dry
t 'dry run: sc-events add -n keeps .cities.csv.bak (the report of issue 10)' \
  'sc-events -D dry -n add T --start 2024-07-01 -c id -H && ls -A dry | grep -c "^\.cities\.csv\.bak$"'
out <<'X'
2024-07-t
1
X
unchanged dry

t 'dry run: no verb with -n touches the directory, stale temporary files included' \
  'sc-cities -D dry -n add Lyon --country FR >/dev/null &&
   sc-cities -D dry -n set fr-dijon --notes x >/dev/null &&
   sc-cities -D dry -n rm fr-dijon --force >/dev/null &&
   printf "name,country\nNancy,FR\n" | sc-cities -D dry -n import - >/dev/null 2>&1 &&
   sc-events -D dry -n set 2024-05-strasbourg --notes x >/dev/null &&
   sc-events -D dry -n attend 2024-05-strasbourg fr-dijon >/dev/null &&
   sc-events -D dry -n partner 2024-05-strasbourg Acme >/dev/null &&
   sc-followups -D dry -n add "Write to Dijon" fr-dijon >/dev/null &&
   sc-followups -D dry -n done 1 >/dev/null &&
   echo ok'
out <<'X'
ok
X
unchanged dry

# --- (b) a write removes only its own stale temporary files -------------------

t 'write: removes stale temporary files of all five tables, exactly those' \
  'sc-cities -D dry add Lyon --country FR -c id -H && ls -A dry'
out <<'X'
fr-lyon
..cities.csv.sc-AbC123
.CITIES.csv.sc-AbC123
.cities.csv.AbC123
.cities.csv.bak
.cities.csv.sc-.AbC12
.cities.csv.sc-AbC12
.cities.csv.sc-AbC12-
.cities.csv.sc-AbC1234
.cities.csv.sc-AbC123~
.cities.csv.sc-AbC12_
.cities.csv.swp
.cities.sc-AbC123
.events.csv.XyZ789
.followups.csv.un~
.notes.csv.sc-AbC123
attendance.csv
cities.csv
cities.csv.sc-AbC123
events.csv
followups.csv
partners.csv
X

t 'write: ... and the files it kept are byte for byte what they were' \
  'cmp dry/.cities.csv.bak "$TOP/seeds/cities.csv" &&
   cat dry/.cities.csv.swp dry/.followups.csv.un~ dry/.cities.csv.AbC123 dry/.cities.csv.sc-AbC12 | uniq -c'
out <<'X'
      4 not yours
X

# A writer killed by SIGXFSZ part-way leaves its temporary file: its name
# is the table's, the tag and six characters of mkstemp's alphabet.
mkdir -p "$T/kx"
awk 'BEGIN { print "id,name,country,region,status,joined,via,notes"
	for (i = 0; i < 5000; i++)
		printf "fr-c%d,City %d,FR,,member,2024-05-15,,\n", i, i }' >"$T/kx/cities.csv"
t 'temporary file: named .TABLE.csv.sc- and six letters or digits' \
  '{ (ulimit -f 20; exec sc-cities -D kx set fr-c1 --notes x); echo $?; } 2>/dev/null
   ls -A kx | grep -v "^cities\.csv$" | sed "s/[A-Za-z0-9]\{6\}\$/XXXXXX/"'
out <<'X'
153
.cities.csv.sc-XXXXXX
X

t 'temporary file: ... a dry run leaves it, the next write removes it' \
  'sc-cities -D kx -n set fr-c1 --notes y >/dev/null && ls -A kx | wc -l &&
   sc-cities -D kx set fr-c1 --notes y && ls -A kx'
out <<'X'
2
cities.csv
X
rm -rf "$T/kx"

# --- (c) symbolic links: a write goes through the link ------------------------

# links: the seed tables in lk/, whose cities.csv is a link as the case
# sets up; real/ and chain/ hold targets outside it.
links() {
	rm -rf "$T/lk" "$T/real" "$T/chain"
	seed_dir lk
	mkdir -p "$T/real" "$T/chain"
	mv "$T/lk/cities.csv" "$T/real/cities.csv"
}

links
ln -s cities-2024.csv "$T/lk/cities.csv"
cp "$T/real/cities.csv" "$T/lk/cities-2024.csv"
t 'link inside the directory: add writes the target; the link stays a link' \
  'sc-cities -D lk add Lyon --country FR -c id -H &&
   readlink lk/cities.csv && test ! -L lk/cities-2024.csv &&
   grep -c "^fr-lyon," lk/cities-2024.csv && ls -A lk'
out <<'X'
fr-lyon
cities-2024.csv
1
attendance.csv
cities-2024.csv
cities.csv
events.csv
followups.csv
partners.csv
X

links
ln -s ../real/cities.csv "$T/lk/cities.csv"
echo stale >"$T/real/.cities.csv.sc-AbC123"
echo other >"$T/real/.events.csv.sc-AbC123"
cp "$T/real/cities.csv" "$T/real/.cities.csv.bak"
t 'link outside (../real): real/ gets the row, the link stays, set too' \
  'sc-cities -D lk add Lyon --country FR -c id -H &&
   sc-cities -D lk set fr-lyon --notes "through the link" &&
   readlink lk/cities.csv && grep "^fr-lyon," real/cities.csv &&
   sc-cities -D lk list --name lyon -c id -H'
out <<'X'
fr-lyon
../real/cities.csv
fr-lyon,Lyon,FR,,prospect,,,through the link,45.748,4.847
fr-lyon
X

t 'link outside: ... no temporary file beside the link or the target; only the table'"'"'s stale one went' \
  'ls -A lk real'
out <<'X'
lk:
attendance.csv
cities.csv
events.csv
followups.csv
partners.csv

real:
.cities.csv.bak
.events.csv.sc-AbC123
cities.csv
X

t 'link outside: ... a dry run writes nothing on either side' \
  'cp real/cities.csv before && sc-cities -D lk -n add Nancy --country FR >/dev/null &&
   cmp real/cities.csv before && readlink lk/cities.csv && ls -A real | wc -l'
out <<'X'
../real/cities.csv
3
X

links
ln -s "$T/real/cities.csv" "$T/lk/cities.csv"
t 'absolute link: written through as well' \
  'sc-cities -D lk rm fr-dijon --force && test -L lk/cities.csv &&
   grep -c "^fr-dijon," real/cities.csv'
status 1
out <<'X'
0
X

# cities.csv -> ../chain/a.csv -> b.csv -> ../real/cities.csv
links
ln -s ../real/cities.csv "$T/chain/b.csv"
ln -s b.csv "$T/chain/a.csv"
ln -s ../chain/a.csv "$T/lk/cities.csv"
t 'chained links: the last target gets the row; every link stays a link' \
  'sc-cities -D lk add Lyon --country FR -c id -H &&
   readlink lk/cities.csv chain/a.csv chain/b.csv &&
   grep -c "^fr-lyon," real/cities.csv && ls -A chain real'
out <<'X'
fr-lyon
../chain/a.csv
b.csv
../real/cities.csv
1
chain:
a.csv
b.csv

real:
cities.csv
X

# A write through a link that fails part-way leaves the target as it was
# and no temporary file beside it; one killed part-way leaves its temporary
# file beside the target, for the next write to remove.
links
awk 'BEGIN { print "id,name,country,region,status,joined,via,notes"
	for (i = 0; i < 5000; i++)
		printf "fr-c%d,City %d,FR,,member,2024-05-15,,\n", i, i }' >"$T/real/cities.csv"
ln -s ../real/cities.csv "$T/lk/cities.csv"
snapshot real
t 'link: a write that fails part-way exits 4; the target is unchanged' \
  '(trap "" XFSZ; ulimit -f 20; exec sc-cities -D lk set fr-c1 --notes x)'
status 4
err 'sc-cities: lk/cities.csv: cannot write: File too large; the table is unchanged'
unchanged real

t 'link: ... killed by SIGXFSZ, it leaves its temporary file beside the target' \
  '{ (ulimit -f 20; exec sc-cities -D lk set fr-c1 --notes x); echo $?; } 2>/dev/null
   ls -A real | sed "s/[A-Za-z0-9]\{6\}\$/XXXXXX/"; test -L lk/cities.csv'
out <<'X'
153
.cities.csv.sc-XXXXXX
cities.csv
X

t 'link: ... and the next write removes it' \
  'sc-cities -D lk set fr-c1 --notes y && ls -A real && grep "^fr-c1," real/cities.csv'
out <<'X'
cities.csv
fr-c1,City 1,FR,,member,2024-05-15,,y
X

# A dangling link, a loop and a link to what is not a file are refused:
# exit 4, nothing written anywhere, and a reader says so too rather than
# show an empty table.
links
rm "$T/real/cities.csv"
ln -s ../real/cities.csv "$T/lk/cities.csv"
snapshot lk
t 'dangling link: add exits 4, writes nothing' \
  'sc-cities -D lk add Lyon --country FR; rc=$?; ls -A real; exit $rc'
status 4
err 'sc-cities: lk/cities.csv: symbolic link to ../real/cities.csv, which leads to no file'
unchanged lk

t 'dangling link: ... and list exits 4 rather than show no city' \
  'sc-cities -D lk list'
status 4
err 'sc-cities: lk/cities.csv: symbolic link to ../real/cities.csv, which leads to no file'

t 'dangling link: ... events that name the cities cannot be checked either' \
  'sc-events -D lk check'
status 4
err 'sc-events: lk/cities.csv: symbolic link to ../real/cities.csv, which leads to no file'

links
ln -s missing.csv "$T/chain/a.csv"
ln -s ../chain/a.csv "$T/lk/cities.csv"
snapshot lk
t 'dangling chain: a link to a link to nothing: exit 4' \
  'sc-cities -D lk set fr-dijon --notes x; rc=$?; ls -A chain; exit $rc'
status 4
out <<'X'
a.csv
X
err 'sc-cities: lk/cities.csv: symbolic link to ../chain/a.csv, which leads to no file'
unchanged lk

links
ln -s ../chain/a.csv "$T/lk/cities.csv"
ln -s ../lk/cities.csv "$T/chain/a.csv"
snapshot lk
t 'link loop: exit 4, nothing written' \
  'sc-cities -D lk add Lyon --country FR; rc=$?; ls -A chain; exit $rc'
status 4
out <<'X'
a.csv
X
err 'sc-cities: lk/cities.csv: a loop of symbolic links'
unchanged lk

t 'link loop: ... list exits 4 too' 'sc-cities -D lk list'
status 4
err 'sc-cities: lk/cities.csv: a loop of symbolic links'

links
ln -s ../real "$T/lk/cities.csv"
snapshot lk
t 'link to a directory: exit 4, nothing written' \
  'sc-cities -D lk add Lyon --country FR; rc=$?; ls -A real; exit $rc'
status 4
out <<'X'
cities.csv
X
err 'sc-cities: lk/cities.csv: not a regular file'
unchanged lk

links
ln -s /dev/null "$T/lk/cities.csv"
snapshot lk
t 'link to /dev/null: exit 4, nothing written, /dev/null still a device' \
  'sc-cities -D lk add Lyon --country FR; rc=$?; test -c /dev/null || echo "not a device"; exit $rc'
status 4
err 'sc-cities: lk/cities.csv: not a regular file'
unchanged lk
rm -rf "$T/lk" "$T/real" "$T/chain" "$T/before"

# --- (d) owner, group and mode survive a write, or the write is refused -----

# Real users and groups: the tests run as root, make tables owned by other
# ids with chown, and write as nobody (65534) with setpriv.  U1 owns the
# tables, G1 is the team's group, G2 a group nobody is not in.
U1=47011 G1=47001 G2=47002
export U1 G1 G2
# as UID GROUPS CMD...: runs CMD as UID (its group the same number) with
# the supplementary GROUPS, a comma list or - for none.
cat >"$T/as" <<'EOF2'
#!/bin/sh
u=$1 g=$2
shift 2
[ "$g" = - ] && exec setpriv --reuid=$u --regid=$u --clear-groups "$@"
exec setpriv --reuid=$u --regid=$u --groups="$g" "$@"
EOF2
chmod +x "$T/as"
# gname GID: how a message names a group, "name (GID)" or the bare number.
gname() {
	n=$(getent group "$1" | cut -d: -f1)
	if [ -n "$n" ]; then echo "$n ($1)"; else echo "$1"; fi
}

# shared NAME: the seed tables in a directory that group G1 may write,
# as a team's shared directory is; tables owned by U1:G1, mode 0660.
shared() {
	seed_dir "$1"
	chown -R $U1:$G1 "$T/$1"
	chmod 0660 "$T/$1"/*.csv
	chmod 0770 "$T/$1"
}

if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null ||
    ! (cd "$T" && ./as 65534 - sc-cities list) >/dev/null 2>&1; then
	t 'ownership: skipped: not root, or nobody cannot run sc-cities here' 'true'
else

shared own
t 'group: a member of the table'"'"'s group rewrites it: group and mode stay' \
  './as 65534 $G1 sc-cities -D own add Lyon --country FR -c id -H &&
   stat -c "%u:%g %a" own/cities.csv | sed "s/$G1/G1/"'
out <<'X'
fr-lyon
65534:G1 660
X

t 'group: ... and its owner, a member too, still reads and writes it' \
  './as $U1 $G1 sc-cities -D own set fr-lyon --notes back &&
   ./as $U1 $G1 sc-cities -D own list --name lyon -c notes -H'
out <<'X'
back
X

t 'group: ... no temporary file left' 'ls -A own | grep -c "^\." '
status 1
out <<'X'
0
X

shared own
chgrp $G2 "$T/own/cities.csv"
chmod 0664 "$T/own/cities.csv"
snapshot own
t 'group: a writer not in the table'"'"'s group is refused: exit 4, nothing written' \
  './as 65534 $G1 sc-cities -D own add Lyon --country FR'
status 4
err "sc-cities: own/cities.csv: cannot keep its group $(gname $G2), since you are not a member; nothing written (join the group, or chgrp the table to one of your groups)"
unchanged own

t 'group: ... the table'"'"'s owner, not in the group either, is refused too' \
  'chown 65534 own/cities.csv && ./as 65534 $G1 sc-cities -D own set fr-dijon --notes x; rc=$?
   chown $U1 own/cities.csv; exit $rc'
status 4
err "sc-cities: own/cities.csv: cannot keep its group $(gname $G2), since you are not a member; nothing written (join the group, or chgrp the table to one of your groups)"
unchanged own

t 'group: ... a dry run as that writer still writes nothing' \
  './as 65534 $G1 sc-cities -D own -n add Lyon --country FR -c id -H'
out <<'X'
fr-lyon
X
unchanged own

shared own
chmod 0640 "$T/own/cities.csv"
t 'root: a rewrite keeps the owner as well as the group and mode' \
  'sc-cities -D own set fr-dijon --notes x &&
   stat -c "%u:%g %a" own/cities.csv | sed "s/$U1/U1/; s/$G1/G1/"'
out <<'X'
U1:G1 640
X

chmod 6755 "$T/own/cities.csv"
t 'root: a 6755 table comes out 755: no set-user-ID or set-group-ID bit' \
  'sc-cities -D own set fr-dijon --notes y &&
   stat -c "%u:%g %a" own/cities.csv | sed "s/$U1/U1/; s/$G1/G1/"'
out <<'X'
U1:G1 755
X

chmod 1664 "$T/own/cities.csv"
t 'root: ... nor a sticky bit' \
  'sc-cities -D own set fr-dijon --notes z && stat -c "%a" own/cities.csv'
out <<'X'
664
X

chmod 2770 "$T/own/cities.csv"
t 'group: a member rewriting a set-group-ID table: 770, group kept' \
  './as 65534 $G1 sc-cities -D own set fr-dijon --notes w &&
   stat -c "%u:%g %a" own/cities.csv | sed "s/$G1/G1/"'
out <<'X'
65534:G1 770
X

# A new table: 0666 less the umask, and the group the directory gives.
shared new
rm "$T/new/followups.csv"
chmod 2770 "$T/new"
t 'new table: 0666 less the umask, the group of a set-group-ID directory' \
  '(umask 027; sc-followups -D new add "Write to Dijon" fr-dijon -c id -H | awk -f "$TOP/tests/ids.awk") &&
   stat -c "%u:%g %a" new/followups.csv | sed "s/$G1/G1/"'
out <<'X'
@1
0:G1 640
X

shared new
rm "$T/new/followups.csv"
chmod 0777 "$T/new"
t 'new table: ... and the writer'"'"'s own group in a plain directory' \
  '(umask 002; ./as 65534 $G1 sc-followups -D new add "Write to Dijon" fr-dijon -c id -H | awk -f "$TOP/tests/ids.awk") &&
   stat -c "%u:%g %a" new/followups.csv'
out <<'X'
@1
65534:65534 664
X

# Through a link, the file at its end keeps its own owner group and mode.
rm -rf "$T/lk" "$T/real"
shared lk
shared real
mv "$T/lk/cities.csv" "$T/real/cities.csv"
chmod 0640 "$T/real/cities.csv"
ln -s ../real/cities.csv "$T/lk/cities.csv"
t 'link: a member writes through it; the target keeps group and mode' \
  './as 65534 $G1 sc-cities -D lk add Lyon --country FR -c id -H &&
   test -L lk/cities.csv && stat -c "%u:%g %a" real/cities.csv | sed "s/$G1/G1/" &&
   ls -A real | grep -c "^\."'
status 1
out <<'X'
fr-lyon
65534:G1 640
0
X

chgrp $G2 "$T/real/cities.csv"
chmod 0644 "$T/real/cities.csv"
snapshot real
t 'link: ... a writer not in the target'"'"'s group is refused' \
  './as 65534 $G1 sc-cities -D lk set fr-lyon --notes x; rc=$?; test -L lk/cities.csv && exit $rc'
status 4
err "sc-cities: lk/cities.csv: cannot keep its group $(gname $G2), since you are not a member; nothing written (join the group, or chgrp the table to one of your groups)"
unchanged real

chgrp $G1 "$T/real/cities.csv"
chmod 0755 "$T/real"
snapshot real
t 'link: ... a target directory the writer cannot write: exit 4, nothing written' \
  './as 65534 $G1 sc-cities -D lk set fr-lyon --notes x'
status 4
err 'sc-cities: lk/../real: cannot create a temporary file: Permission denied'
unchanged real
rm -rf "$T/lk" "$T/real"

# The link is followed as the kernel follows it, from the link's own
# directory: a writer whose working directory is inside a directory it
# may not search (as after su, or in a container) still writes through a
# relative link, where realpath(3) would fail.
rm -rf "$T/anc"
mkdir -p "$T/anc/work"
chmod 0700 "$T/anc"
chmod 0777 "$T/anc/work"
(cd "$T/anc/work" && mkdir lk real && cp "$TOP"/seeds/*.csv lk/ &&
    mv lk/cities.csv real/ && ln -s ../real/cities.csv lk/cities.csv &&
    chown -R 65534:65534 lk real)
t 'link: followed from its own directory, not through the directories above' \
  'cd anc/work && "$OLDPWD/as" 65534 - sc-cities -D lk add Lyon --country FR -c id -H &&
   test -L lk/cities.csv && grep -c "^fr-lyon," real/cities.csv'
out <<'X'
fr-lyon
1
X
rm -rf "$T/anc"

fi
unset U1 G1 G2
