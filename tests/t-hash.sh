# t-hash.sh: ids and names crafted to collide in the maps' old hash,
# unkeyed FNV-1a (tests/fnv-collide makes them; see tests/collide.c), are
# checked, looked up and imported right.  That they cost the maps no more
# than random ones is counted in tests/unit-lib.c (test_hmap_flood), not
# timed here.  And the maps' key: from getrandom(2), else /dev/urandom,
# else nothing runs (tests/norandom makes getrandom fail).

C=$TOP/tests/fnv-collide
N=32768

# cities DIR [ID...]: DIR/cities.csv with the ids on stdin, then these.
cities() {
	mkdir -p "$T/$1"
	cdir=$1
	shift
	{
		cat
		for id in "$@"; do
			echo "$id"
		done
	} | awk 'BEGIN { print "id,name,country,status" }
		{ printf "%s,City %d,FR,member\n", $1, NR }' >"$T/$cdir/cities.csv"
}

"$C" "$N" >"$T/ids"
"$C" "$N" fr- | sed 's/^fr-//' >"$T/names-of-ids"
first=$(head -1 "$T/ids")
last=$(tail -1 "$T/ids")

cities crafted <"$T/ids"
t "check: $N crafted ids of one old hash are all valid and unique" \
  'sc-cities -D crafted check'

t 'list: the last of the crafted ids is where it was, among its colliders' \
  "sc-cities -D crafted list -c id,name -H | grep -n '^$last' | cut -d: -f1"
out <<X
$N
X

cities dup "$first" <"$T/ids"
t 'check: a crafted id again is a duplicate of its first line' \
  'sc-cities -D dup check'
status 1
err "sc-cities: dup/cities.csv:$((N + 2)): id: duplicate of line 2"

head -n $((N - 1)) "$T/ids" | cities missing
printf '%s\n%s\n' 'id,name,series,kind,start,end,city,status,url,notes' \
    "2025-ev,Ev,,workshop,2025-01-01,,$last,planned,," >"$T/missing/events.csv"
t 'check: a crafted id no city has is unknown, though it collides with all' \
  'sc-events -D missing check'
status 1
err "sc-events: missing/events.csv:2: city: unknown city '$last'"

{ echo name,country; sed 's/$/,fr/' "$T/ids"; } >"$T/names.csv"
mkdir "$T/imp"
t "import: $N crafted names (their keys collide) are all added" \
  'sc-cities -D imp import names.csv'
err "sc-cities: import: $N added, 0 skipped, 0 rejected"

t '... they check, and each got the id of its name' \
  "sc-cities -D imp check &&
   sc-cities -D imp list -c id -H | sed 's/^fr-//' | cmp - ids"

t '... and imported again, every one is found and skipped' \
  'sc-cities -D imp import names.csv'
err "sc-cities: import: 0 added, $N skipped, 0 rejected"

{ echo name,country; sed 's/$/,fr/' "$T/names-of-ids"; } >"$T/names2.csv"
mkdir "$T/imp2"
t "import: $N names whose new ids collide are all added, with those ids" \
  "sc-cities -D imp2 import names2.csv && sc-cities -D imp2 check &&
   sc-cities -D imp2 list -c id -H | sed 's/^fr-//' | cmp - names-of-ids"
err "sc-cities: import: $N added, 0 skipped, 0 rejected"

# --- the key -----------------------------------------------------------------

seed_dir key
t 'key: without getrandom, /dev/urandom gives it' \
  '"$TOP/tests/norandom" sc-cities -D key add Nowhere --country FR -c id -H'
out <<'X'
fr-nowhere
X
err "sc-cities: add: Nowhere, FR: not in the gazetteer; added without coordinates (give them with --lat and --lon)"

# Hiding /dev takes a mount namespace, which not every machine grants.
if unshare -rm true 2>/dev/null; then
	seed_dir nokey
	snapshot nokey
	t 'key: without getrandom nor /dev/urandom: exit 4, nothing written' \
	  'unshare -rm sh -c "mount -t tmpfs none /dev &&
	   exec \"\$TOP/tests/norandom\" sc-cities -D nokey add Nowhere --country FR"'
	status 4
	err 'sc-cities: no random key for the hash maps: getrandom: Function not implemented; /dev/urandom: No such file or directory'
	unchanged nokey
fi
