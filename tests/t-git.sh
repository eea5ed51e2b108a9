# t-git.sh: one record shared through git (issue 12): sc-cities init, with
# and without --git; follow-up ids that two clones do not both make, typed
# by a start of them; clones made from a bare repository that work at once
# and merge both ways; merges made without the driver, found by check; and
# the README's set-up for a team, run as written.

# No configuration but what the tests give, no editor for merge commits,
# and no repository above $T: tests/tmp is inside the source tree's.
cat >"$T/gitconfig" <<'EOF'
[user]
	name = t
	email = t@example.org
[init]
	defaultBranch = main
[advice]
	detachedHead = false
EOF
GIT_CONFIG_GLOBAL=$T/gitconfig GIT_CONFIG_NOSYSTEM=1 GIT_MERGE_AUTOEDIT=no
GIT_CEILING_DIRECTORIES=$(dirname "$T")
export GIT_CONFIG_GLOBAL GIT_CONFIG_NOSYSTEM GIT_MERGE_AUTOEDIT \
    GIT_CEILING_DIRECTORIES

# state DIR: every file of DIR (not .git's, but its config) with its inode,
# mode and time to the nanosecond, and the tables' and attributes' bytes:
# a file rewritten, even with the same bytes, shows.
cat >"$T/state" <<'EOF'
#!/bin/sh
cd "$1" || exit 1
find . -path ./.git -prune -o -print | sort | xargs stat -c '%n %i %a %s %y'
[ ! -f .git/config ] || { stat -c '%n %i %y' .git/config; cat .git/config; }
cat ./*.csv ./.gitattributes 2>/dev/null
EOF
chmod +x "$T/state"

H_CITIES='id,name,country,region,status,joined,via,notes'
H_EVENTS='id,name,series,kind,start,end,city,status,url,notes'
H_ATT='event,city,role,notes'
H_PART='event,organisation,sector,notes'
H_FU='id,action,event,city,owner,due,status,created,closed,notes'
DRAWN='^[a-hjkmnp-tv-z][0-9a-hjkmnp-tv-z]{5}$'
export H_CITIES H_EVENTS H_ATT H_PART H_FU DRAWN

# --- init ---------------------------------------------------------------------

t 'init: a missing directory is made, with each table its header; silent' \
  'sc-cities init new && ls -A new && head -v -n 5 new/*.csv | grep -v "^$"'
out <<X
attendance.csv
cities.csv
events.csv
followups.csv
partners.csv
==> new/attendance.csv <==
$H_ATT
==> new/cities.csv <==
$H_CITIES
==> new/events.csv <==
$H_EVENTS
==> new/followups.csv <==
$H_FU
==> new/partners.csv <==
$H_PART
X

t 'init: ... a record every tool reads and checks' \
  'sc-cities -D new check && sc-events -D new check && sc-followups -D new check &&
   sc-followups -D new list --all && sc-cities -D new list -c id'
out <<X
$H_FU
id
X

t 'init: ... the directory 0777 less the umask, the tables 0666 less it' \
  '(umask 027 && sc-cities init masked) && stat -c "%a %n" masked masked/cities.csv'
out <<'X'
750 masked
640 masked/cities.csv
X

"$T/state" "$T/new" >"$T/new.before"
t 'init again: nothing written, not even the same bytes again' \
  'sc-cities init new && ./state new | cmp - new.before'

t 'init --seeds on that directory: its tables stay as they are' \
  'sc-cities init --seeds new && ./state new | cmp - new.before'

t 'init: an empty directory is fine' \
  'mkdir empty && sc-cities init empty && ls empty | wc -l'
out <<'X'
5
X

t 'init --seeds: the seed tables, byte for byte as seeds/ has them' \
  'sc-cities init --seeds s && for f in "$TOP"/seeds/*.csv; do cmp "$f" s/${f##*/} || exit 1; done &&
   ls -A s | wc -l && sc-cities -D s check && sc-events -D s check && sc-followups -D s check'
out <<'X'
5
X

"$T/state" "$T/s" >"$T/s.before"
t 'init --seeds again: nothing written' \
  'sc-cities init --seeds s && ./state s | cmp - s.before'

t 'init on a record with a table missing: only that one is made, its header' \
  'rm s/partners.csv && sc-cities init s && cat s/partners.csv &&
   for f in cities events attendance followups; do cmp "$TOP/seeds/$f.csv" s/$f.csv || exit 1; done'
out <<X
$H_PART
X

t 'init --seeds with a table missing: the seed table, and a word on references' \
  'rm s/partners.csv && sc-cities init --seeds s && cmp "$TOP/seeds/partners.csv" s/partners.csv'
err 'sc-cities: s: partners.csv from the seeds, beside tables that were there; their references may not hold: run each tool'"'"'s check'

t 'init: 32 at once on one missing directory: one record, every one exit 0' \
  'for i in $(seq 32); do (sc-cities init --seeds par8 || echo "failed $?") & done; wait;
   ls -A par8 | wc -l && for f in "$TOP"/seeds/*.csv; do cmp "$f" par8/${f##*/} || exit 1; done'
out <<'X'
5
X

t 'init: the directory from -D' \
  'mkdir d1 && sc-cities -D d1 init && ls d1 | wc -l'
out <<'X'
5
X

t 'init: the directory from SC_DATA' \
  'SC_DATA=d2 sc-cities init && ls d2 | wc -l'
out <<'X'
5
X

t 'init: DIR wins over SC_DATA' \
  'SC_DATA=d3 sc-cities init d4 && ls -d d4 && test ! -e d3'
out <<'X'
d4
X

t 'init: else the current directory' \
  'mkdir d5 && cd d5 && sc-cities init && ls | wc -l'
out <<'X'
5
X

t 'init: -D and DIR naming two directories is a usage error' \
  'sc-cities -D d1 init d6; echo "exit $?"; test ! -e d6'
out <<'X'
exit 2
X
err 'sc-cities: init: the directory is named twice, by -D and by DIR'

t 'init: -D and DIR naming one directory is fine' 'sc-cities -D d1 init d1'

mkdir -p "$T/home/Documents" && : >"$T/home/.profile" && : >"$T/home/notes.txt" &&
    : >"$T/home/todo.txt" && : >"$T/home/zz.pdf"
snapshot home
t 'init: a directory of other files and no table is refused: exit 3, nothing written' \
  'sc-cities init home'
status 3
err 'sc-cities: home holds other files (.profile, Documents, notes.txt, ...) and none of the tables; not made a data directory (--force makes it one)'
unchanged home

t 'init: ... as SC_DATA mistyped would have it' \
  'SC_DATA=home sc-cities init --seeds'
status 3
err_has 'sc-cities: home holds other files'
unchanged home

t 'init: ... also with --git, refused before git is asked' \
  'sc-cities init --git home'
status 3
err_has 'sc-cities: home holds other files'
unchanged home

t 'init --force: a directory of other files becomes a record, its files kept' \
  'sc-cities init --force home && ls home'
out <<'X'
Documents
attendance.csv
cities.csv
events.csv
followups.csv
notes.txt
partners.csv
todo.txt
zz.pdf
X

t 'init: git'"'"'s files and a stale temporary file are no other files' \
  'mkdir g0 && mkdir g0/.git && : >g0/.gitattributes && : >g0/.gitignore && : >g0/.cities.csv.sc-AbC123 &&
   sc-cities init g0 && ls g0 | wc -l'
out <<'X'
5
X

t 'init: a file where the directory should be: exit 4' \
  ': >afile && sc-cities init afile'
status 4
err 'sc-cities: afile: not a directory'

t 'init: the directory above is missing: exit 4, nothing made' \
  'sc-cities init no/such; echo "exit $?"; test ! -e no'
out <<'X'
exit 4
X
err 'sc-cities: cannot make no/such: No such file or directory (init makes the directory, not the ones above it)'

if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	t 'init: a directory another user cannot write to: exit 4, nothing made' \
	  'mkdir -m 755 locked && setpriv --reuid=65534 --regid=65534 --clear-groups sc-cities init locked/rec; echo "exit $?"; ls -A locked'
	out <<'X'
exit 4
X
	err 'sc-cities: cannot make locked/rec: Permission denied'
fi

t 'init -n: what it would do, nothing done' \
  'sc-cities init -n --seeds dry; echo "exit $?"; ls -d dry 2>&1 >/dev/null | wc -l'
out <<'X'
mkdir dry
write dry/cities.csv (the seeds)
write dry/events.csv (the seeds)
write dry/attendance.csv (the seeds)
write dry/partners.csv (the seeds)
write dry/followups.csv (the seeds)
exit 0
1
X

t 'init -n on a record with a table missing: that one only' \
  'rm d1/events.csv && sc-cities init -n d1 && ls d1 | wc -l'
out <<'X'
write d1/events.csv (its header)
4
X

t 'init: a table that is a dangling link is not written over: exit 4' \
  'mkdir dl && ln -s nowhere.csv dl/cities.csv && sc-cities init dl; echo "exit $?"; ls dl'
out <<'X'
exit 4
cities.csv
X
err 'sc-cities: dl/cities.csv: symbolic link to nowhere.csv, which leads to no file'

t 'init: a table that is a link to a file is left as it is' \
  'mkdir ln && cp "$TOP/seeds/cities.csv" real.csv && ln -s ../real.csv ln/cities.csv &&
   sc-cities init ln && test -L ln/cities.csv && cmp real.csv "$TOP/seeds/cities.csv" && ls ln | wc -l'
out <<'X'
5
X

t 'init takes one directory' 'sc-cities init a b'
status 2
err "sc-cities: unexpected argument 'b': init takes [DIR] (quote a value that has spaces)"

t 'init: --seeds and --git belong to init' 'sc-cities list --seeds'
status 2
err 'sc-cities: --seeds does not apply to list'

t 'init: in --help' 'sc-cities --help | grep -c "^  init "'
out <<'X'
1
X

# --- init --git -----------------------------------------------------------------

t 'init --git outside a work tree: exit 3, nothing made' \
  'sc-cities init --git nogit; echo "exit $?"; test ! -e nogit'
out <<'X'
exit 3
X
err 'sc-cities: nogit is not in a git work tree; nothing written (git init, or git clone the shared record, first)'

t 'init --git in a directory that is there but not in a work tree: exit 3' \
  'sc-cities init --git empty'
status 3
err_has 'empty is not in a git work tree'

t 'init --git in a bare repository: not a work tree, exit 3' \
  'git init -q --bare bare.git && sc-cities init --git bare.git/rec'
status 3
err_has 'bare.git/rec is not in a git work tree'

t 'init --git in .git: not a work tree, exit 3' \
  'git init -q r0 && sc-cities init --git r0/.git/rec; echo "exit $?"; test ! -e r0/.git/rec'
out <<'X'
exit 3
X
err_has 'r0/.git/rec is not in a git work tree'

t 'init --git with no git to run: exit 4' \
  'PATH=/nonexistent "$TOP/sc-cities" init --git r0/rec; echo "exit $?"; test ! -e r0/rec'
out <<'X'
exit 4
X
err 'sc-cities: git cannot be run; init --git needs it'

t 'init --git in a fresh repository: tables, .gitattributes, the driver registered' \
  'git init -q r1 && sc-cities init --git r1 && cat r1/.gitattributes &&
   git -C r1 config merge.sc.name && git -C r1 config merge.sc.driver &&
   git -C r1 check-attr merge -- cities.csv followups.csv'
out <<'X'
cities.csv merge=sc
events.csv merge=sc
attendance.csv merge=sc
partners.csv merge=sc
followups.csv merge=sc
sc tables, by key and field
sc-cities merge %O %A %B %P
cities.csv: merge: sc
followups.csv: merge: sc
X

"$T/state" "$T/r1" >"$T/r1.before"
t 'init --git again: .gitattributes not added to, git config not written' \
  'sc-cities init --git r1 && ./state r1 | cmp - r1.before'

t 'init --git in a data directory below the top of the work tree' \
  'git init -q r2 && mkdir r2/docs && : >r2/README && sc-cities init --git r2/data &&
   ls -A r2/data && git -C r2 check-attr merge -- data/partners.csv README'
out <<'X'
.gitattributes
attendance.csv
cities.csv
events.csv
followups.csv
partners.csv
data/partners.csv: merge: sc
README: merge: unspecified
X

t 'init --git: lines of .gitattributes that name the driver already are not written again' \
  'git init -q r3 && printf "*.pdf binary\ncities.csv      merge=sc\n/events.csv merge=sc diff\nfollowups.csv merge=union" > r3/.gitattributes &&
   sc-cities init --git r3 && cat r3/.gitattributes && git -C r3 check-attr merge -- followups.csv'
out <<'X'
*.pdf binary
cities.csv      merge=sc
/events.csv merge=sc diff
followups.csv merge=union
attendance.csv merge=sc
partners.csv merge=sc
followups.csv merge=sc
followups.csv: merge: sc
X

t 'init --git: .gitattributes keeps its mode' \
  'git init -q r4 && : >r4/.gitattributes && chmod 604 r4/.gitattributes && sc-cities init --git r4 &&
   stat -c %a r4/.gitattributes'
out <<'X'
604
X

t 'init --git: a .gitattributes that is a link: exit 4, nothing written' \
  'git init -q r9 && ln -s ../elsewhere r9/.gitattributes && sc-cities init --git r9; echo "exit $?"; ls -A r9'
out <<'X'
exit 4
.git
.gitattributes
X
err "sc-cities: r9/.gitattributes: not a regular file; nothing written (add the lines 'TABLE merge=sc' to what it leads to by hand)"

t 'init --git: another attributes file still gives a table another merge: said' \
  'git init -q r5 && echo "*.csv merge=union" > r5/.git/info/attributes && sc-cities init --git r5'
err "sc-cities: r5/cities.csv: git merges it with 'union', not the driver: a later line or another attributes file sets its merge
sc-cities: r5/events.csv: git merges it with 'union', not the driver: a later line or another attributes file sets its merge
sc-cities: r5/attendance.csv: git merges it with 'union', not the driver: a later line or another attributes file sets its merge
sc-cities: r5/partners.csv: git merges it with 'union', not the driver: a later line or another attributes file sets its merge
sc-cities: r5/followups.csv: git merges it with 'union', not the driver: a later line or another attributes file sets its merge"

t 'init --git: a driver a person set otherwise is kept, and said to be' \
  'git init -q r6 && git -C r6 config merge.sc.driver "/opt/sc/bin/sc-cities merge %O %A %B %P" &&
   sc-cities init --git r6 && git -C r6 config merge.sc.driver'
out <<'X'
/opt/sc/bin/sc-cities merge %O %A %B %P
X
err "sc-cities: git config merge.sc.driver is '/opt/sc/bin/sc-cities merge %O %A %B %P'; kept (init sets 'sc-cities merge %O %A %B %P')"

t 'init --git: sc-cities not on PATH, where git will look for it: said' \
  'git init -q r7 && PATH=/usr/bin:/bin "$TOP/sc-cities" init --git r7 && git -C r7 config merge.sc.driver'
out <<'X'
sc-cities merge %O %A %B %P
X
err 'sc-cities: git will run the driver as '"'"'sc-cities merge'"'"', but sc-cities is not on PATH: install it (make install) or put its directory on PATH before merging'

t 'init --git -n: what it would do, nothing done' \
  'git init -q r8 && sc-cities init --git -n r8/rec; ls -d r8/rec 2>/dev/null; git -C r8 config merge.sc.driver; echo "config $?"'
out <<'X'
mkdir r8/rec
write r8/rec/cities.csv (its header)
write r8/rec/events.csv (its header)
write r8/rec/attendance.csv (its header)
write r8/rec/partners.csv (its header)
write r8/rec/followups.csv (its header)
add to r8/rec/.gitattributes: the five tables, merge=sc
git config merge.sc.name 'sc tables, by key and field'
git config merge.sc.driver 'sc-cities merge %O %A %B %P'
config 1
X

# --- ids, in one clone ------------------------------------------------------------

mkdir -p "$T/ids"
cp "$TOP"/seeds/*.csv "$T/ids/"

t 'ids: 60 follow-ups, each a drawn id, all distinct, last in the table' \
  'for i in $(seq 60); do sc-followups -D ids add "Call $i" --force -c id -H || exit 1; done > ids.txt &&
   grep -cE "$DRAWN" ids.txt && sort -u ids.txt | wc -l && tail -n 60 ids/followups.csv | cut -d, -f1 | cmp - ids.txt &&
   sc-followups -D ids check'
out <<'X'
60
60
X

# A start of one id that no other shares, and one that several share.
uniq_prefix() {
	awk -v id="$1" '{ all[NR] = $0 }
	    END { for (n = 1; n <= 6; n++) { p = substr(id, 1, n); k = 0
	        for (i in all) if (index(all[i], p) == 1) k++
	        if (k == 1) { print p; exit } } }' "$T/ids.txt"
}
ONE=$(sed -n 1p "$T/ids.txt")
ONE_P=$(uniq_prefix "$ONE")
# 60 ids on 22 first letters: some letter starts two of them.
SHARED=$(cut -c1 "$T/ids.txt" | sort | uniq -d | head -1)
SHARED_IDS=$(grep "^$SHARED" "$T/ids.txt" | sort | head -8 | awk '{ printf "%s%s", (NR > 1 ? ", " : ""), $0 }')
SHARED_N=$(grep -c "^$SHARED" "$T/ids.txt")
[ "$SHARED_N" -le 8 ] || SHARED_IDS="$SHARED_IDS, ..."
export ONE ONE_P SHARED SHARED_IDS

t 'ids: done takes a start of an id that no other shares' \
  'test ${#ONE_P} -lt 6 && sc-followups -D ids done "$ONE_P" --on 2024-06-02 &&
   sc-followups -D ids list --status done -c id,closed -H | sed "s/^$ONE,/ONE,/"'
out <<'X'
ONE,2024-06-02
X

t 'ids: ... in capitals too; set, reopen and cancel alike' \
  'P=$(echo "$ONE_P" | tr a-z A-Z) && sc-followups -D ids set "$P" --owner amina && sc-followups -D ids reopen "$P" &&
   sc-followups -D ids cancel "$ONE" --on 2024-06-03 && sc-followups -D ids list --all --owner amina -c id,status,closed -H | sed "s/^$ONE,/ONE,/"'
out <<'X'
ONE,cancelled,2024-06-03
X

t 'ids: a start and the whole id name one follow-up once' \
  'sc-followups -D ids reopen "$ONE_P" "$ONE" -n -c status -H'
out <<'X'
open
X

t 'ids: a start that several ids share: exit 3, the candidates named, nothing written' \
  'cp ids/followups.csv fu.before && sc-followups -D ids done "$SHARED"; echo "exit $?"; cmp fu.before ids/followups.csv'
out <<'X'
exit 3
X
err "sc-followups: follow-up id '$SHARED' is ambiguous: $SHARED_IDS; give more of it"

t 'ids: - takes whole ids and starts from stdin' \
  'printf "id\n%s\n" "$ONE_P" | sc-followups -D ids done - --on 2024-06-04 -n -c closed -H'
out <<'X'
2024-06-04
X

t 'ids: an integer id is taken whole: 1 is not 12' \
  'sc-followups -D ids done 1 -n -c id -H && printf "%s\n" "$H_FU" "12,x,,,,,open,2024-01-01,," > one.csv &&
   mkdir -p int && cp one.csv int/followups.csv && sc-followups -D int done 1'
out <<'X'
1
X
status 3
err "sc-followups: unknown follow-up '1'"

t 'ids: a start that no id has' 'sc-followups -D ids done zzzzz'
status 3
err "sc-followups: unknown follow-up 'zzzzz'"

t 'ids: a whole id is taken before a start of another: the hand-typed k7q, refused as invalid' \
  'mkdir -p ex && printf "%s\n" "$H_FU" "k7q2m9,a,,,,,open,2024-01-01,," "k7q,b,,,,,open,2024-01-01,," > ex/followups.csv &&
   sc-followups -D ex done k7q -n -c action -H'
status 3
err "sc-followups: ex/followups.csv:3: id: invalid id 'k7q' (six of the digits and the letters but i, l, o and u, the first a letter, such as k7q2m9; or a positive integer)
sc-followups: 1 problem; nothing written"

t 'ids: check takes drawn ids and integers, and names what is neither' \
  'mkdir -p ck && printf "%s\n" "$H_FU" "k7q2m9,a,,,,,open,2024-01-01,," "15,b,,,,,open,2024-01-01,," \
     "K7Q2M9,c,,,,,open,2024-01-01,," "u7q2m9,d,,,,,open,2024-01-01,," "7kq2m9,e,,,,,open,2024-01-01,," \
     "k7q2m9x,f,,,,,open,2024-01-01,," "k7q2mo,g,,,,,open,2024-01-01,," > ck/followups.csv &&
   sc-followups -D ck check 2>e; echo "exit $?"; cut -d: -f3,5 e'
out <<'X'
exit 1
4: invalid id 'K7Q2M9' (six of the digits and the letters but i, l, o and u, the first a letter, such as k7q2m9; or a positive integer)
5: invalid id 'u7q2m9' (six of the digits and the letters but i, l, o and u, the first a letter, such as k7q2m9; or a positive integer)
6: invalid id '7kq2m9' (six of the digits and the letters but i, l, o and u, the first a letter, such as k7q2m9; or a positive integer)
7: invalid id 'k7q2m9x' (six of the digits and the letters but i, l, o and u, the first a letter, such as k7q2m9; or a positive integer)
8: invalid id 'k7q2mo' (six of the digits and the letters but i, l, o and u, the first a letter, such as k7q2m9; or a positive integer)
X

t 'ids: an id that two rows have: a verb that names it changes neither' \
  'mkdir -p dup && printf "%s\n" "$H_FU" "k7q2m9,a,,,,,open,2024-01-01,," "15,b,,,,,open,2024-01-01,," "k7q2m9,c,,,,,open,2024-01-02,," > dup/followups.csv &&
   cp dup/followups.csv dup.before && sc-followups -D dup done k7q2m9; echo "exit $?"; cmp dup.before dup/followups.csv'
out <<'X'
exit 3
X
err 'sc-followups: dup/followups.csv:4: follow-up k7q2m9 is also on line 2; '"'"'sc-followups check'"'"' names such rows'

t 'ids: ... named by a start of it, the same' 'sc-followups -D dup set k7q --owner li'
status 3
err 'sc-followups: dup/followups.csv:4: follow-up k7q2m9 is also on line 2; '"'"'sc-followups check'"'"' names such rows'

t 'ids: ... and a follow-up beside them is changed as ever' 'sc-followups -D dup done 15 -n -c id,status -H'
out <<'X'
15,done
X

t 'ids: the report shows follow-ups of one day in the order of the table' \
  'mkdir -p ord && printf "%s\n" "$H_FU" "zz0000,First,,,,2024-06-05,open,2024-01-01,," "15,Second,,,,2024-06-05,open,2024-01-01,," "aa0000,Third,,,,2024-06-05,open,2024-01-01,," "3,Fourth,,,,2024-06-05,open,2024-01-01,," > ord/followups.csv &&
   sc-followups -D ord report -o json | jq -c "[.due[].action]"'
out <<'X'
["First","Second","Third","Fourth"]
X

# --- clones -----------------------------------------------------------------------

# clone DIR: a clone of origin.git, ready as the README says: init --git.
cat >"$T/clone" <<'EOF'
#!/bin/sh
git clone -q origin.git "$1" 2>/dev/null && sc-cities init --git "$1"
EOF
# checks DIR: every tool's check, and nothing git has not committed.
cat >"$T/checks" <<'EOF'
#!/bin/sh
sc-cities -D "$1" check && sc-events -D "$1" check && sc-followups -D "$1" check &&
git -C "$1" status --porcelain
EOF
chmod +x "$T/clone" "$T/checks"

t 'clones: the first makes the record: init --git --seeds, committed, pushed' \
  'git init -q --bare origin.git && git clone -q origin.git a 2>/dev/null &&
   sc-cities init --git --seeds a && git -C a add . && git -C a commit -qm "the record" &&
   git -C a push -q origin HEAD && git -C a ls-files'
out <<'X'
.gitattributes
attendance.csv
cities.csv
events.csv
followups.csv
partners.csv
X

t 'clones: two more, each running init --git once: no file changed, the driver registered' \
  './clone b && ./clone c && ./checks b && ./checks c && git -C b config merge.sc.driver && git -C c config merge.sc.name'
out <<'X'
sc-cities merge %O %A %B %P
sc tables, by key and field
X

"$T/state" "$T/b" >"$T/b.before"
t 'clones: init --git run again in a clone changes nothing' \
  'sc-cities init --git b && sc-cities init --git --seeds b && ./state b | cmp - b.before'

t 'clones: a and b add follow-ups at once, 40 each, and work on every table' \
  'for k in a b; do
     ( for i in $(seq 40); do sc-followups -D $k add "$k $i" gr-kalamaria --force -c id -H || exit 1; done > $k.ids ) &
   done; wait;
   sc-cities -D a set fr-cernay --status member && sc-cities -D b set fr-cernay --notes "met the mayor" &&
   sc-cities -D a add Lyon --country FR >/dev/null && sc-cities -D b add Lyon --country FR >/dev/null &&
   sc-events -D a set 2024-09-columbus --url https://example.org/c && sc-events -D b set 2024-09-columbus --end 2024-09-20 &&
   sc-events -D a attend 2024-09-columbus fr-cernay >/dev/null && sc-events -D b attend 2024-12-cape-town gr-kalamaria >/dev/null &&
   sc-events -D a partner 2024-05-strasbourg "Council of Europe" >/dev/null && sc-events -D b partner 2024-05-strasbourg "Strong Cities Network" >/dev/null &&
   sc-followups -D a done 1 --on 2024-06-02 && sc-followups -D b set 1 --owner li &&
   git -C a commit -qam "a: work" && git -C b commit -qam "b: work" &&
   cat a.ids b.ids | grep -cE "$DRAWN" && cat a.ids b.ids | sort -u | wc -l'
out <<'X'
80
80
X

t 'clones: a pushes; b pulls (a merge by key, no conflict) and pushes; a pulls' \
  'git -C a push -q origin HEAD && git -C b pull -q --no-rebase --no-edit && git -C b push -q origin HEAD &&
   git -C a pull -q --no-rebase --no-edit &&
   test "$(git -C a rev-parse HEAD)" = "$(git -C b rev-parse HEAD)" && ./checks a && ./checks b'

t 'clones: ... every follow-up of both, ours then theirs, after the seeds' \
  'wc -l < a/followups.csv &&
   cat b.ids a.ids > ba.ids && tail -n 80 a/followups.csv | cut -d, -f1 | cmp - ba.ids && echo "b then a"'
out <<'X'
95
b then a
X

t 'clones: ... the same city added in both is one row' \
  'grep -c "^fr-lyon," a/cities.csv'
out <<'X'
1
X

t 'clones: ... each field as either side set it' \
  'grep -h -e "^fr-cernay," -e "^1," a/cities.csv a/followups.csv | cut -d, -f1,5,7,8,9 &&
   sc-events -D a list -c id,end,url -H | grep columbus && tail -n 2 a/partners.csv | cut -d, -f2 &&
   grep -c -e "^2024-09-columbus,fr-cernay," -e "^2024-12-cape-town,gr-kalamaria," a/attendance.csv'
out <<'X'
fr-cernay,member,2024-05-strasbourg,met the mayor,47.810
1,li,done,2024-05-15,2024-06-02
2024-09-columbus,2024-09-20,https://example.org/c
Strong Cities Network
Council of Europe
2
X

t 'clones: c, untouched meanwhile, pulls: fast-forward, even with the others' \
  'git -C c pull -q --no-rebase --no-edit && ./checks c && for f in cities events attendance partners followups; do cmp a/$f.csv c/$f.csv || exit 1; done'

t 'clones: c and a each close a follow-up of b by a start of its id; merged both ways' \
  'id1=$(sed -n 1p b.ids) && id2=$(sed -n 2p b.ids) &&
   p1=$(for n in 1 2 3 4 5 6; do p=$(echo $id1 | cut -c1-$n); [ "$(grep -c "^$p" a.ids b.ids | awk -F: "{ s += \$2 } END { print s }")" = 1 ] && { echo $p; break; }; done) &&
   p2=$(for n in 1 2 3 4 5 6; do p=$(echo $id2 | cut -c1-$n); [ "$(grep -c "^$p" a.ids b.ids | awk -F: "{ s += \$2 } END { print s }")" = 1 ] && { echo $p; break; }; done) &&
   sc-followups -D c done "$p1" --on 2024-06-05 && git -C c commit -qam "c: done" &&
   sc-followups -D a cancel "$p2" --on 2024-06-06 && git -C a commit -qam "a: cancelled" &&
   git -C c push -q origin HEAD && git -C a pull -q --no-rebase --no-edit >/dev/null && git -C a push -q origin HEAD &&
   git -C c pull -q --no-rebase --no-edit && ./checks a && ./checks c &&
   sc-followups -D c list --all -c id,status,closed -H | grep -e "^$id1," -e "^$id2," | cut -d, -f2,3'
out <<'X'
done,2024-06-05
cancelled,2024-06-06
X

t 'clones: a true conflict: one follow-up closed two ways; the driver says where' \
  'id=$(sed -n 3p b.ids) && git -C b pull -q --no-rebase --no-edit &&
   sc-followups -D a done $id --on 2024-06-07 && git -C a commit -qam "a: done" && git -C a push -q origin HEAD &&
   sc-followups -D b cancel $id --on 2024-06-07 && git -C b commit -qam "b: cancelled" &&
   git -C b pull -q --no-rebase --no-edit >/dev/null 2>b.err; echo "exit $?";
   grep -c "conflict: id $id: both sides changed status" b.err; sc-followups -D b check 2>&1 | grep -c "git conflict marker"'
out <<'X'
exit 1
1
3
X

t 'clones: ... kept by hand, checked, committed, pushed' \
  'cd b && sed -e "/^<<<<<<< /,/^=======/d" -e "/^>>>>>>> /d" followups.csv > x && mv x followups.csv &&
   sc-followups -D . check && git add followups.csv && git commit -q --no-edit && git push -q origin HEAD && cd .. &&
   git -C a pull -q --no-rebase --no-edit && ./checks a'

# --- without the driver -------------------------------------------------------------

t 'union: a clone whose attributes say merge=union (a hosting site merges alike)' \
  'git clone -q origin.git u 2>/dev/null && echo "*.csv merge=union" > u/.git/info/attributes && git -C b pull -q --no-rebase --no-edit'

t 'union: one row of every table edited in both, merged: clean, as git sees it' \
  'sc-cities -D u set fr-dijon --notes "u" && sc-events -D u set 2024-09-columbus --notes "u" &&
   sc-events -D u attend 2024-12-cape-town fr-dijon --role speaker >/dev/null &&
   sc-events -D u partner 2024-12-cape-town "Mayors Forum" --sector "city network" >/dev/null &&
   sc-followups -D u set 2 --owner u && git -C u commit -qam "u: work" &&
   sc-cities -D b set fr-dijon --notes "b" && sc-events -D b set 2024-09-columbus --notes "b" &&
   sc-events -D b attend 2024-12-cape-town fr-dijon --role participant >/dev/null &&
   sc-events -D b partner 2024-12-cape-town "Mayors Forum" --sector "civil society" >/dev/null &&
   sc-followups -D b set 2 --owner b && git -C b commit -qam "b: work" && git -C b push -q origin HEAD &&
   git -C u pull -q --no-rebase --no-edit && git -C u status --porcelain'

t 'union: ... check names the duplicate rows of every table, with file:line' \
  'sc-cities -D u check; sc-events -D u check; sc-followups -D u check'
status 1
err 'sc-cities: u/cities.csv:5: id: duplicate of line 4
sc-events: u/events.csv:4: id: duplicate of line 3
sc-events: u/attendance.csv:13: city: duplicate of line 12
sc-events: u/partners.csv:5: organisation: duplicate of line 4
sc-followups: u/followups.csv:4: id: duplicate of line 3'

t 'union: ... a verb that names the twice-kept follow-up refuses' \
  'sc-followups -D u done 2'
status 3
err "sc-followups: u/followups.csv:4: follow-up 2 is also on line 3; 'sc-followups check' names such rows"

t 'union: ... the merge undone, the driver named for the tables, merged again: by key' \
  'git -C u reset -q --hard HEAD~1 && rm u/.git/info/attributes && sc-cities init --git u &&
   git -C u pull -q --no-rebase --no-edit >/dev/null 2>u.err; echo "exit $?"; grep ": conflict: " u.err | sort'
out <<'X'
exit 1
sc-cities: attendance.csv:12: conflict: event 2024-12-cape-town, city fr-dijon: added on both sides, differently
sc-cities: cities.csv:4: conflict: id fr-dijon: both sides changed notes
sc-cities: events.csv:3: conflict: id 2024-09-columbus: both sides changed notes
sc-cities: followups.csv:3: conflict: id 2: both sides changed owner
sc-cities: partners.csv:4: conflict: event 2024-12-cape-town, organisation Mayors Forum: added on both sides, differently
X

t 'a clone that has not run init --git: a line conflict in a table, two fields of one row' \
  'git clone -q origin.git m 2>/dev/null && git -C a pull -q --no-rebase --no-edit &&
   sc-cities -D m set es-murcia --notes "m" && git -C m commit -qam "m: notes" &&
   sc-cities -D a set es-murcia --status member && git -C a commit -qam "a: status" && git -C a push -q origin HEAD &&
   git -C m pull -q --no-rebase --no-edit >/dev/null 2>&1; echo "exit $?"'
out <<'X'
exit 1
X

t '... check names the conflict markers and the row kept twice, with file:line' \
  'sc-cities -D m check'
status 1
err 'sc-cities: m/cities.csv:9: git conflict marker: finish the merge (see sc(7))
sc-cities: m/cities.csv:11: git conflict marker: finish the merge (see sc(7))
sc-cities: m/cities.csv:13: git conflict marker: finish the merge (see sc(7))
sc-cities: m/cities.csv:12: id: duplicate of line 10'

t '... as the README says: init --git, git checkout -m: merged by key, clean' \
  'cd m && sc-cities init --git . && git checkout -m cities.csv && sc-cities -D . check &&
   git add cities.csv && git commit -q --no-edit && grep ^es-murcia, cities.csv | cut -d, -f5,8 &&
   git push -q origin HEAD && cd .. && git -C a pull -q --no-rebase --no-edit && ./checks a'
out <<'X'
member,m
X
err 'Recreated 1 merge conflict'

# --- the README's set-up for a team, as written ----------------------------------

sed -n '/^## Set-up for a team/,/^## /p' "$TOP/README.md" |
    awk '/^```sh$/ { on = 1; next } /^```$/ { if (on) exit } on' >"$T/team.sh"

t 'README: the set-up for a team is there, from git init --bare to a merge' \
  'grep -c -e "git init --bare" -e "sc-cities init --git --seeds" -e "sc-cities init --git \. " -e "pull --no-rebase" team.sh'
out <<'X'
5
X

t 'README: ... run as written, in an empty directory: exit 0' \
  'mkdir team && cd team && sh -e ../team.sh >../team.out 2>../team.err || { cat ../team.err >&2; exit 1; }'

t 'README: ... two clones, even, each record checked, both follow-ups there' \
  'cd team && test "$(git -C amina rev-parse HEAD)" = "$(git -C li rev-parse HEAD)" &&
   git -C amina status --porcelain && git -C li status --porcelain &&
   sc-followups -D amina list -c action -H | tail -2 && grep ^fr-cernay, li/cities.csv | cut -d, -f5,8 &&
   git -C li config merge.sc.driver && git -C amina log --format=%s | head -1 | sed "s| of .*/| of |"'
out <<'X'
Call Kalamaria
Call Dijon
member,met the mayor
sc-cities merge %O %A %B %P
Merge branch 'main' of network
X

unset GIT_CONFIG_GLOBAL GIT_CONFIG_NOSYSTEM GIT_MERGE_AUTOEDIT \
    GIT_CEILING_DIRECTORIES
