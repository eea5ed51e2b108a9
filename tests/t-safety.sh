# t-safety.sh: writes under concurrency and faults.  Many writers at once,
# a held lock, a file size limit hit part-way through a write, a data
# directory that cannot be written, writers killed at random moments, and
# stdout that fails.  Every time the table is the old one or the new one,
# byte for byte, never a mix, and no temporary file outlives the next write.

# A table of 50,000 rows, big enough that a write takes a while.
big_table() {
	awk 'BEGIN { print "id,name,country,region,status,joined,via,notes"
		for (i = 0; i < 50000; i++)
			printf "fr-c%d,City %d,FR,,member,2024-05-15,,\n", i, i }'
}

# temps DIR: the temporary files a writer left in DIR, one a line.
cat >"$T/temps" <<'EOF'
#!/bin/sh
ls -A "$1" | grep '^\.cities\.csv\.' || true
EOF
chmod +x "$T/temps"

# --- (a) concurrent writers -------------------------------------------------

seed_dir conc
t 'concurrency: 40 writers add at once; each exits 0' \
  'i=0
   while [ $i -lt 40 ]; do
	(sc-cities -D conc add "Town $i" --country FR --wait 60 >/dev/null 2>err.$i
	 echo $? >rc.$i) &
	i=$((i + 1))
   done
   wait
   cat err.* | grep -v "^sc-cities: add: Town [0-9]*, FR: not in the gazetteer;" >&2
   cat rc.* | sort | uniq -c'
out <<'X'
     40 0
X

t 'concurrency: ... every row landed, once' \
  'sc-cities -D conc list --name town -c name -H | grep "^Town " | sort | uniq -c | awk "\$1 == 1" | wc -l'
out <<'X'
40
X

t 'concurrency: ... the ids are unique and the table checks' \
  'sc-cities -D conc list -c id -H | sort | uniq -d && sc-cities -D conc check && ./temps conc'

t 'concurrency: 20 writers add the same name with --force: 20 distinct ids' \
  'i=0
   while [ $i -lt 20 ]; do
	(sc-cities -D conc add Paris --country FR --force --wait 60 -c id -H >id.$i 2>&1) &
	i=$((i + 1))
   done
   wait
   cat id.* | sort -u | wc -l && sc-cities -D conc list --name paris -c id -H | sort | uniq -d'
out <<'X'
20
X

t 'concurrency: 20 sets and 20 adds at once: none lost' \
  'i=0
   while [ $i -lt 20 ]; do
	(sc-cities -D conc set fr-town-$i --notes "n$i" --wait 60 2>>errs.mix) &
	(sc-cities -D conc add "Village $i" --country FR --wait 60 >/dev/null 2>>errs.mix) &
	i=$((i + 1))
   done
   wait
   grep -v "^sc-cities: add: Village [0-9]*, FR: not in the gazetteer;" errs.mix >&2
   sc-cities -D conc list --name town -c id,notes -H | grep "^fr-town-" |
	awk -F, "{ n = \$1; sub(/fr-town-/, \"\", n); if (n + 0 < 20 && \$2 != \"n\" n) print \"lost:\", \$0 }"
   sc-cities -D conc list --name village -c id -H | wc -l
   sc-cities -D conc check && ./temps conc'
out <<'X'
20
X

# A reader never sees half a file: while 20 writers rewrite a table of
# 50,000 rows, every list reads all of it.
mkdir -p "$T/rw"
big_table >"$T/rw/cities.csv"
t 'concurrency: readers during 20 writes see whole tables, every time' \
  'i=0
   while [ $i -lt 20 ]; do
	sc-cities -D rw set fr-c$i --notes "w$i" --wait 60 2>>errs.rw &
	i=$((i + 1))
   done
   i=0
   while [ $i -lt 20 ]; do
	sc-cities -D rw list -c id -H | wc -l
	i=$((i + 1))
   done | sort | uniq -c
   wait
   cat errs.rw >&2
   sc-cities -D rw list -c notes -H | grep -c "^w"'
out <<'X'
     20 50000
20
X
rm -rf "$T/rw"

# --- (b) the lock -------------------------------------------------------------

seed_dir lk
# hold DIR: holds DIR's lock, as a writer would, and says so by creating
# the file held; lets go once the file release exists.  await FILE: waits
# for FILE.  A case starts it in the background and waits for it.
cat >"$T/hold" <<'EOF'
#!/bin/sh
exec 9<"$1"
flock -x 9
touch held
while [ ! -e release ]; do sleep 0.02; done
EOF
cat >"$T/await" <<'EOF'
#!/bin/sh
while [ ! -e "$1" ]; do sleep 0.01; done
EOF
chmod +x "$T/hold" "$T/await"

snapshot lk
t 'lock: a writer that cannot get the lock within --wait exits 4' \
  'rm -f held release; ./hold lk & ./await held; sc-cities -D lk add Lyon --country FR --wait 0.3; rc=$?; touch release; wait; exit $rc'
status 4
err 'sc-cities: lk: locked by another writer; gave up after 0.3 seconds (see --wait)'
unchanged lk

t 'lock: ... and --wait 0 gives up at once' \
  'rm -f held release; ./hold lk & ./await held; sc-cities -D lk set fr-dijon --notes x --wait 0; rc=$?; touch release; wait; exit $rc'
status 4
err 'sc-cities: lk: locked by another writer; gave up after 0 seconds (see --wait)'
unchanged lk

t 'lock: readers do not wait for a writer' \
  'rm -f held release; ./hold lk & ./await held; sc-cities -D lk list --country ES -c id -H; sc-cities -D lk check; rc=$?; touch release; wait; exit $rc'
out <<'X'
es-murcia
X

t 'lock: a writer waits while the lock is held and writes once it is free' \
  'rm -f held release; ./hold lk & ./await held; (sleep 0.4; touch release) & sc-cities -D lk add Lyon --country FR --wait 10 -c id -H; wait'
out <<'X'
fr-lyon
X

# --- (c) a file size limit hit part-way through the write ---------------------

mkdir -p "$T/fz"
big_table >"$T/fz/cities.csv"
snapshot fz
# ulimit -f counts 512-byte blocks in sh: 100 blocks is 50 KB of a 1.8 MB
# table.  With SIGXFSZ ignored, the write that crosses it fails with EFBIG.
t 'fsize: a write that fails part-way exits 4; the table is unchanged' \
  '(trap "" XFSZ; ulimit -f 100; exec sc-cities -D fz set fr-c1 --notes x)'
status 4
err 'sc-cities: fz/cities.csv: cannot write: File too large; the table is unchanged'
unchanged fz

t 'fsize: ... the same for add' \
  '(trap "" XFSZ; ulimit -f 100; exec sc-cities -D fz add Lyon --country FR)'
status 4
err 'sc-cities: fz/cities.csv: cannot write: File too large; the table is unchanged'
unchanged fz

# Without the trap SIGXFSZ kills the writer: the table is untouched, and
# its temporary file is left, for the next write to remove.
t 'fsize: a writer killed by SIGXFSZ leaves the table as it was' \
  '{ (ulimit -f 100; exec sc-cities -D fz set fr-c1 --notes x); echo $?; } 2>/dev/null; ./temps fz | wc -l'
out <<'X'
153
1
X

t 'fsize: ... and the next write removes its temporary file' \
  'sc-cities -D fz set fr-c1 --notes y && ./temps fz && sed -n 3p fz/cities.csv'
out <<'X'
fr-c1,City 1,FR,,member,2024-05-15,,y
X

# --- (d) a directory that cannot be written -----------------------------------

seed_dir ro
snapshot ro
if [ "$(id -u)" -ne 0 ]; then
	chmod a-w "$T/ro"
	t 'read-only: a data directory without write permission: exit 4' \
	  'sc-cities -D ro set fr-dijon --notes x'
	status 4
	err 'sc-cities: ro: cannot create a temporary file: Permission denied'
	chmod u+w "$T/ro"
	unchanged ro
elif (cd "$T" && setpriv --reuid=65534 --regid=65534 --clear-groups \
    sc-cities -D ro list) >/dev/null 2>&1; then
	# As root every directory is writable; nobody (65534) finds this
	# root-owned one read-only, as a user would find a colleague's.
	t 'read-only: a directory its user cannot write (run as nobody): exit 4' \
	  'setpriv --reuid=65534 --regid=65534 --clear-groups sc-cities -D ro set fr-dijon --notes x'
	status 4
	err 'sc-cities: ro: cannot create a temporary file: Permission denied'
	unchanged ro
else
	t 'read-only: skipped: root, and nobody cannot run sc-cities here' 'true'
fi

# A table that is a directory cannot be read: exit 4 for readers and
# writers alike, and nothing is written.
mkdir -p "$T/tdir/cities.csv"
snapshot tdir
t 'not a table: cities.csv is a directory: list exits 4' 'sc-cities -D tdir list'
status 4
err 'sc-cities: tdir/cities.csv: not a regular file'

t 'not a table: ... and add exits 4, writing nothing' \
  'sc-cities -D tdir add Lyon --country FR'
status 4
err 'sc-cities: tdir/cities.csv: not a regular file'
unchanged tdir

# A temporary file that cannot be created, even by root: the directory's
# path is so long that DIR/cities.csv is within PATH_MAX (4096 with its
# NUL) but DIR/.cities.csv.sc-XXXXXX, 11 bytes longer, is not.  The path is
# made one component at a time, since no single call may take it whole.
long=long
i=0
while [ $i -lt 20 ]; do
	long=$long/$(printf '%0199d' $i)
	i=$((i + 1))
done
long=$long/$(printf 'x%075d' 0)
rm -rf "$T/long"
(cd "$T" && for c in $(echo "${long%/*}" | tr / ' '); do
	mkdir "$c" && cd "$c" || exit 1
done && mkdir "${long##*/}" && cp "$TOP/seeds/cities.csv" "${long##*/}/")
cp "$TOP/seeds/cities.csv" "$T/long.before"
export long
t 'no temporary file: its path is too long: exit 4, the table as it was' \
  'printf "%s" "$long" | wc -c
   sc-cities -D "$long" set fr-strasbourg --notes x 2>long.err; echo $?
   sed "s|$long|DIR|" long.err; cmp "$long/cities.csv" long.before && ls -A "$long"'
out <<'X'
4081
4
sc-cities: DIR: cannot create a temporary file: File name too long
cities.csv
X
unset long
rm -rf "$T/long" "$T/long.before"

# --- (e) writers killed at random moments ------------------------------------

mkdir -p "$T/kill"
big_table >"$T/kill/cities.csv"
# Each round starts a write that changes row fr-c0's notes to kN and kills
# it with SIGKILL after a random pause between 0 and 1.5 times what an
# unkilled write takes (timed first, so that slow builds under ASan or
# valgrind are hit mid-write too); then the table must be the one before
# the round or the one the write would have made, byte for byte.  What
# happened goes to kill.log.
t 'sigkill: 30 writers killed at random moments: old or new, never a mix' \
  'start=$(date +%s%N)
   sc-cities -D kill set fr-c0 --notes warm || exit
   ms=$((($(date +%s%N) - start) / 1000000))
   cp kill/cities.csv prev
   old=0 new=0 left=0 i=0
   while [ $i -lt 30 ]; do
	sed "2s/,[^,]*\$/,k$i/" prev >next
	pause=$(awk -v s="$$$i" -v ms=$ms "BEGIN { srand(s); printf \"%.3f\", rand() * ms * 1.5 / 1000 }")
	sc-cities -D kill set fr-c0 --notes k$i --wait 10 2>/dev/null &
	pid=$!
	sleep "$pause"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	[ -z "$(./temps kill)" ] || left=$((left + 1))
	if cmp -s kill/cities.csv prev; then
		old=$((old + 1))
	elif cmp -s kill/cities.csv next; then
		new=$((new + 1))
		cp next prev
	else
		echo "round $i: cities.csv is neither the old nor the new table"
		break
	fi
	i=$((i + 1))
   done
   echo "a write takes $ms ms; of 30 killed: $old old, $new new, $left left a temporary file" >kill.log
   echo $((old + new))'
out <<'X'
30
X

t 'sigkill: the next write removes any temporary file and the table checks' \
  'sc-cities -D kill set fr-c0 --notes final && ./temps kill && sc-cities -D kill check && sed -n 2p kill/cities.csv'
out <<'X'
fr-c0,City 0,FR,,member,2024-05-15,,final
X

# --- (f) stdout that fails ----------------------------------------------------

t 'stdout: a closed pipe is no error message' \
  'sc-cities -D kill list | head -1'
out <<'X'
id,name,country,region,status,joined,via,notes
X

# Cron, systemd (IgnoreSIGPIPE=yes) and some CI runners start programs
# with SIGPIPE ignored: then the write fails with EPIPE instead of the
# signal.  A reader that stopped reading is still not an error to report.
t 'stdout: a closed pipe with SIGPIPE ignored is no error message either' \
  '(trap "" PIPE; sc-cities -D kill list | head -1)'
out <<'X'
id,name,country,region,status,joined,via,notes
X

t 'stdout: /dev/full: exit 4, write error' 'sc-cities -D kill list >/dev/full'
status 4
err 'sc-cities: write error: stdout: No space left on device'

# add prints the row it adds.  Exit 4 promises "nothing written", so when
# the row cannot be printed it must not be added either: else a script
# that retries after the failure is refused as a duplicate.
seed_dir full
snapshot full
t 'stdout: add >/dev/full: exit 4, and the row is not added' \
  'sc-cities -D full add Lyon --country FR >/dev/full'
status 4
err 'sc-cities: write error: stdout: No space left on device; nothing written'
unchanged full

seed_dir full
snapshot full
t 'stdout: set -n >/dev/full: exit 4, nothing written' \
  'sc-cities -D full set fr-dijon --notes x -n >/dev/full'
status 4
err 'sc-cities: write error: stdout: No space left on device'
unchanged full

rm -rf "$T/kill" "$T/fz" "$T/prev" "$T/next"
