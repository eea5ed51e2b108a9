# t-hostile.sh: a corpus of malformed and hostile input, made here with
# printf and awk so that nothing big is committed, read by sc-cities in
# every way it reads a table: list -i FILE, list -D DIR, check, and the
# writes add and set on a data directory that holds the file.
#
# Every command runs under ./g, which bounds it to 200 MB of address space
# (none when SC_TEST_VLIMIT=unlimited, for ASan and valgrind) and to 10
# seconds (SC_TEST_TIMEOUT, for slow builds), and says "hung" or "crashed"
# on stderr when it was killed: so each case also asserts no crash (exit
# below 128), no hang and bounded memory.
#
# Where the behaviour is debatable the choice is written beside the case.

cat >"$T/g" <<'EOF'
#!/bin/sh
# g [-m KB] CMD [ARG...]: CMD with at most KB of address space (default
# 200000) and SC_TEST_TIMEOUT seconds (default 10); a hang or a crash is
# said on stderr, so that the case's stderr assertion fails with it.
# SC_TEST_VLIMIT=unlimited lifts the memory bound (ASan, valgrind).
lim=200000
if [ "$1" = -m ]; then
	lim=$2
	shift 2
fi
[ "${SC_TEST_VLIMIT:-}" != unlimited ] || lim=unlimited
secs=${SC_TEST_TIMEOUT:-10}
[ "$lim" = unlimited ] || ulimit -v "$lim"
timeout "$secs" "$@"
rc=$?
if [ "$rc" -eq 124 ]; then
	echo "g: hung: $1 killed after $secs seconds" >&2
elif [ "$rc" -ge 125 ]; then
	echo "g: crashed: $1 exited with status $rc" >&2
fi
exit "$rc"
EOF
chmod +x "$T/g"
mkdir -p "$T/c"

H='id,name,country,status'

# mk NAME FORMAT [ARG...]: c/NAME.csv from printf (escapes, no newline added).
mk() {
	hname=$1
	shift
	# shellcheck disable=SC2059
	printf "$@" >"$T/c/$hname.csv"
}

# datadir NAME: d-NAME/, a data directory whose cities.csv is c/NAME.csv.
datadir() {
	rm -rf "$T/d-$1"
	mkdir "$T/d-$1"
	cp "$T/c/$1.csv" "$T/d-$1/cities.csv"
}

# mal NAME LINE MSG: c/NAME.csv is malformed, and every way of reading it
# says so, naming the file and the line its bad record starts on, exit 3
# (check reads on, and exits 1); a write says that nothing was written and
# leaves the directory as it was.
mal() {
	datadir "$1"
	t "$1: list -i FILE: exit 3, file:line" "./g sc-cities list -i c/$1.csv"
	status 3
	err "sc-cities: c/$1.csv:$2: $3"

	t "$1: list -D DIR: exit 3, file:line" "./g sc-cities -D d-$1 list"
	status 3
	err "sc-cities: d-$1/cities.csv:$2: $3"

	# check streams the table: the record is reported in its place among
	# the rows' problems, in line order, not first.
	t "$1: check: reads on, reports it, exit 1" \
	  "./g sc-cities -D d-$1 check 2>e; echo \$?; grep -F -m 1 ':$2: ' e"
	out <<X
1
sc-cities: d-$1/cities.csv:$2: $3
X

	snapshot "d-$1"
	t "$1: add: exit 3, nothing written" \
	  "./g sc-cities -D d-$1 add Lyon --country FR"
	status 3
	err "sc-cities: d-$1/cities.csv:$2: $3
sc-cities: nothing written; 'sc-cities check' lists the problems of cities.csv"
	unchanged "d-$1"

	t "$1: set: exit 3, nothing written" \
	  "./g sc-cities -D d-$1 set fr-a --notes x"
	status 3
	err "sc-cities: d-$1/cities.csv:$2: $3
sc-cities: nothing written; 'sc-cities check' lists the problems of cities.csv"
	unchanged "d-$1"
}

# --- unterminated quotes ------------------------------------------------

mk q-start '"id,name,country,status\nfr-a,A,FR,prospect\n'
mal q-start 1 'unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'

mk q-mid "$H\nfr-a,A,FR,prospect\nfr-b,\"B,FR,prospect\nfr-c,C,FR,prospect\n"
mal q-mid 3 'unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'

mk q-eof "$H\nfr-a,A,FR,prospect\nfr-b,B,FR,\"prospect"
mal q-eof 3 'unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'

mk q-lone-eof "$H\nfr-a,A,FR,prospect\nfr-b,B,FR,\""
mal q-lone-eof 3 'unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'

mk q-triple "$H\nfr-a,\"\"\",FR,prospect\n"
mal q-triple 2 'unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'

# A field of 100,001 quotes: an opening quote, 50,000 escaped quotes, and
# the rest of the file inside the field.
awk 'BEGIN { print "id,name,country,status"; printf "fr-a,"
	for (i = 0; i < 100001; i++) printf "\""; print ",FR,prospect" }' \
    >"$T/c/q-odd-run.csv"
mal q-odd-run 2 'unterminated quoted field: a stray quote? quote the whole field and double the quotes in it'

# RFC 4180 allows nothing between a closing quote and the delimiter.
# libcsv, not strict, takes such a quote as a literal one and stays inside
# the field: "ab"cd on one line swallows the following lines up to the
# next quote, so that row fr-b silently becomes part of fr-a's name, check
# passes, and the next write makes the merge permanent.  A careful user
# expects the error.
mk after-quote "$H\nfr-a,\"ab\"cd,FR,prospect\nfr-b,\"B\",FR,prospect\nfr-c,C,FR,prospect\n"
mal after-quote 2 'text after a closing quote: a quote in a field? quote the whole field and double the quotes in it'

# The same with a space after the closing quote: today it is reported,
# but as an unterminated quote, which it is not.
mk after-quote-space "$H\nfr-a,\"ab\" ,FR,prospect\n"
mal after-quote-space 2 'text after a closing quote: a quote in a field? quote the whole field and double the quotes in it'

# The same text after a quote, in a record that the reader hands to
# libcsv rather than cutting it itself: here because its quoted field
# holds a CRLF, as a spreadsheet's multi-line cell does.
mk after-quote-crlf "$H\nfr-a,\"a\r\nb\"cd,FR,prospect\nfr-b,\"B\",FR,prospect\n"
mal after-quote-crlf 2 'text after a closing quote: a quote in a field? quote the whole field and double the quotes in it'

# And in a record that goes to libcsv because a plain field holds a quote
# (Le "P", which sc(7) allows): the notes of fr-a swallow fr-b up to its
# quoted notes, the widths still agree, and check finds nothing.
mk after-quote-mixed "$H,notes\nfr-a,Le \"P\",FR,prospect,\"ab\"cd\nfr-b,B,FR,prospect,\"x\"\nfr-c,C,FR,prospect,\n"
mal after-quote-mixed 2 'text after a closing quote: a quote in a field? quote the whole field and double the quotes in it'

# --- ragged rows ----------------------------------------------------------

mk short "$H\nfr-a,A,FR,prospect\nfr-b,B,FR\n"
mal short 3 '3 fields where the header has 4: one too few: a line break in an unquoted field, or a missing comma?'

mk short-one "$H\nfr-a\n"
mal short-one 2 '1 field where the header has 4: 3 too few: a line break in an unquoted field, or a missing comma?'

mk long "$H\nfr-a,A,FR,prospect\nfr-b,B,FR,prospect,x\n"
mal long 3 '5 fields where the header has 4: one too many: an unquoted comma in a field? quote the field'

awk 'BEGIN { print "id,name,country,status"; printf "fr-a"
	for (i = 0; i < 1000000; i++) printf ","; print "" }' >"$T/c/long-million.csv"
mal long-million 2 '1000001 fields where the header has 4: 999997 too many: unquoted commas in fields? quote those fields'

# A line of spaces is a field of spaces (every space is kept), not a blank
# line: skipping it would drop data silently.
mk spaces-line "$H\nfr-a,A,FR,prospect\n   \n"
mal spaces-line 3 '1 field where the header has 4: 3 too few: a line break in an unquoted field, or a missing comma?'

# A last line that ends in a comma, with no newline after it: the empty
# last field is the end of the input.  The reader must not look past it:
# there lie bytes of an earlier read, and when one of them is a quote the
# reader took it for the start of a quoted field, running memchr() over
# (size_t)-1 bytes (a crash: SIGSEGV), or calling the row malformed.
mk trailing-comma 'id,"name",country,status\nfr-a,A,FR,prospect\nab,'
mal trailing-comma 3 '2 fields where the header has 4: 2 too few: a line break in an unquoted field, or a missing comma?'

mk trailing-comma-ok 'id,"name","country","status"\nfr-a,A,FR,prospect\nfr-b,B,FR,'
t 'trailing-comma-ok: list reads the empty last field' \
  './g sc-cities list -i c/trailing-comma-ok.csv -c id,status -o json'
out <<'X'
{"id":"fr-a","status":"prospect"}
{"id":"fr-b","status":""}
X

datadir trailing-comma-ok
t 'trailing-comma-ok: check finds the empty status, not a malformed file' \
  './g sc-cities -D d-trailing-comma-ok check'
status 1
err 'sc-cities: d-trailing-comma-ok/cities.csv:3: status: required value is empty'

t 'trailing-comma-ok: set on another row writes the table' \
  './g sc-cities -D d-trailing-comma-ok set fr-a --notes x && cat d-trailing-comma-ok/cities.csv'
out <<'X'
id,name,country,status,region,joined,via,notes
fr-a,A,FR,prospect,,,,x
fr-b,B,FR,,,,,
X

# --- invalid UTF-8 --------------------------------------------------------

mk utf8-overlong "$H\nfr-a,A\300\257,FR,prospect\n"
mal utf8-overlong 2 'invalid UTF-8'

mk utf8-surrogate "$H\nfr-a,A\355\240\200,FR,prospect\n"
mal utf8-surrogate 2 'invalid UTF-8'

mk utf8-too-big "$H\nfr-a,A\364\220\200\200,FR,prospect\n"
mal utf8-too-big 2 'invalid UTF-8'

mk utf8-trunc-eof "$H\nfr-a,A,FR,prospect\342\202"
mal utf8-trunc-eof 2 'invalid UTF-8'

mk utf8-lone-cont "$H\nfr-a,\200A,FR,prospect\n"
mal utf8-lone-cont 2 'invalid UTF-8'

mk utf8-ff "$H\nfr-a,A,FR,prospect\377\n"
mal utf8-ff 2 'invalid UTF-8'

mk utf8-header "id,na\351me,country,status\nfr-a,A,FR,prospect\n"
mal utf8-header 1 'invalid UTF-8'

# The line named is the one the record starts on, as for every malformed
# record, even when the bad byte is further down inside a quoted field.
mk utf8-quoted "$H,notes\nfr-a,A,FR,prospect,\"one\ntw\300o\nthree\"\n"
mal utf8-quoted 2 'invalid UTF-8'

# --- NUL bytes ------------------------------------------------------------

mk nul-field "$H\nfr-a,A\000B,FR,prospect\n"
mal nul-field 2 'NUL byte'

mk nul-header "id,na\000me,country,status\n"
mal nul-header 1 'NUL byte'

mk nul-quoted "$H\nfr-a,\"A\000\",FR,prospect\n"
mal nul-quoted 2 'NUL byte'

mk nul-line "$H\nfr-a,A,FR,prospect\n\000\n"
mal nul-line 3 'NUL byte'

# A file of NUL bytes (what some file systems leave after a crash) is
# malformed from its first byte.  It must say so, not buffer the whole
# line looking for its end and run out of memory (exit 4).
t 'nul: 100 MB of NUL bytes is a NUL byte on line 1, not out of memory' \
  'head -c 100000000 /dev/zero | ./g sc-cities list -i -'
status 3
err 'sc-cities: stdin:1: NUL byte'

# --- line ends ------------------------------------------------------------

mk cr-only "$H\rfr-a,A,FR,prospect\rfr-b,B\r"
mal cr-only 3 '2 fields where the header has 4: 2 too few: a line break in an unquoted field, or a missing comma?'

mk crlf-mixed "$H\r\nfr-a,A,FR,prospect\nfr-b,B,FR,member\r\nfr-c,C\r\n"
mal crlf-mixed 4 '2 fields where the header has 4: 2 too few: a line break in an unquoted field, or a missing comma?'

# CR, CRLF and LF in one file, and a CR inside a quoted field: each of
# them ends a line for the count.
mk ends-all "$H\r\nfr-a,\"A\rB\",FR,prospect\r\r\nfr-c,C\n"
mal ends-all 5 '2 fields where the header has 4: 2 too few: a line break in an unquoted field, or a missing comma?'

mk cr-ok "$H\rfr-a,A,FR,prospect\rfr-b,B,FR,member\r"
t 'cr-only: rows end in CR alone, as old Mac exports do' \
  './g sc-cities list -i c/cr-ok.csv -c id -H'
out <<'X'
fr-a
fr-b
X

datadir cr-ok
t 'cr-only: a write rewrites the table with LF' \
  './g sc-cities -D d-cr-ok set fr-b --notes x && tr -dc "\r" <d-cr-ok/cities.csv | wc -c'
out <<'X'
0
X

# CR-only line ends must cost what LF ones cost: 300,000 rows in a few
# hundredths of a second, not a scan of the rest of the file per line.
awk 'BEGIN { printf "id,name,country,status\r"
	for (i = 0; i < 300000; i++) printf "fr-c%d,City %d,FR,member\r", i, i }' \
    >"$T/c/cr-big.csv"
t 'cr-only: 300,000 rows stream in linear time and bounded memory' \
  './g -m 40000 sc-cities list -i c/cr-big.csv -c id -H | tail -1'
out <<'X'
fr-c299999
X

# --- reads that straddle the reader's 64 KiB chunks -------------------------

# bnd KIND K: a file whose special bytes start at offset K; after them
# comes a ragged row, whose line number proves the count went right.
bnd() {
	awk -v k="$2" -v kind="$1" 'BEGIN {
		h = "id,name,country,status,notes\n"
		pre = kind == "qnl" ? "fr-a,A,FR,prospect,\"" : "fr-a,A,FR,prospect,"
		printf "%s%s", h, pre
		for (n = k - length(h) - length(pre); n > 0; n--)
			printf "x"
		if (kind == "crlf")
			printf "\r\nfr-b,B,FR,prospect,\n"
		else if (kind == "utf8")
			printf "\360\237\230\200y\n"
		else
			printf "\r\nz\"\n"
		print "fr-c,C"
	}' >"$T/c/bnd-$1-$2.csv"
}
for k in 65530 65531 65532 65533 65534 65535 65536 65537 65538; do
	bnd crlf $k
	bnd utf8 $k
	bnd qnl $k
done

t 'chunks: a CRLF split between two reads is one line end' \
  'for k in 65530 65531 65532 65533 65534 65535 65536 65537 65538; do
	./g sc-cities list -i c/bnd-crlf-$k.csv 2>&1 >/dev/null | sed "s/-$k//"
   done | uniq -c'
out <<'X'
      9 sc-cities: c/bnd-crlf.csv:4: 2 fields where the header has 5: 3 too few: a line break in an unquoted field, or a missing comma?
X

t 'chunks: a 4-byte UTF-8 character split between two reads is valid' \
  'for k in 65530 65531 65532 65533 65534 65535 65536 65537 65538; do
	./g sc-cities list -i c/bnd-utf8-$k.csv 2>&1 >/dev/null | sed "s/-$k//"
   done | uniq -c'
out <<'X'
      9 sc-cities: c/bnd-utf8.csv:3: 2 fields where the header has 5: 3 too few: a line break in an unquoted field, or a missing comma?
X

t 'chunks: a quoted CRLF split between two reads' \
  'for k in 65530 65531 65532 65533 65534 65535 65536 65537 65538; do
	./g sc-cities list -i c/bnd-qnl-$k.csv 2>&1 >/dev/null | sed "s/-$k//"
   done | uniq -c'
out <<'X'
      9 sc-cities: c/bnd-qnl.csv:4: 2 fields where the header has 5: 3 too few: a line break in an unquoted field, or a missing comma?
X

# --- big fields, wide headers, runs of quotes -----------------------------

# The header is the canonical one, so that a write changes no other byte.
awk 'BEGIN { print "id,name,country,region,status,joined,via,notes"
	printf "fr-a,A,FR,,prospect,,,"
	s = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
	for (i = 0; i < 163840; i++) printf "%s", s; print ""
	print "fr-b,B,FR,,prospect,,," }' >"$T/c/field-10mb.csv"
t 'big field: a 10 MB field is read whole, in bounded memory' \
  './g sc-cities list -i c/field-10mb.csv -o json | jq -r ".notes | length"'
out <<'X'
10485760
0
X

datadir field-10mb
t 'big field: check passes' './g sc-cities -D d-field-10mb check'

t 'big field: set on another row writes the 10 MB row back byte for byte' \
  './g sc-cities -D d-field-10mb set fr-b --notes x && head -2 d-field-10mb/cities.csv >got && head -2 c/field-10mb.csv | cmp - got && tail -1 d-field-10mb/cities.csv'
out <<'X'
fr-b,B,FR,,prospect,,,x
X

awk 'BEGIN { printf "id,name,country,status"
	for (i = 0; i < 1000000; i++) printf ",c%d", i; print ""
	printf "fr-a,A,FR,prospect"
	for (i = 0; i < 1000000; i++) printf ","; print "" }' >"$T/c/header-million.csv"
# A million columns is absurd but not malformed: the header is checked
# for duplicates in linear time, not by comparing every pair.  Memory is
# linear in the columns too; 400 MB leaves room (a hashed check needs
# about 250).
t 'wide: a header of a million columns is read in seconds' \
  './g -m 400000 sc-cities list -i c/header-million.csv -c id,c999999 -H'
out <<'X'
fr-a,
X

datadir header-million
t 'wide: add to a table of a million columns' \
  './g -m 400000 sc-cities -D d-header-million add Lyon --country FR -c id -H && tail -1 d-header-million/cities.csv | tr -d ,'
out <<'X'
fr-lyon
fr-lyonLyonFRprospect
X

t 'wide: a duplicate among a million columns is found' \
  'awk "BEGIN { printf \"id,name,country,status\"; for (i = 0; i < 1000000; i++) printf \",c%d\", i; print \",c5\" }" | ./g -m 400000 sc-cities list -i -'
status 3
err "sc-cities: stdin:1: duplicate column 'c5'"

awk 'BEGIN { print "id,name,country,region,status,joined,via,notes"
	printf "fr-a,"; for (i = 0; i < 100000; i++) printf "\""
	print ",FR,,prospect,,,"; print "fr-b,B,FR,,prospect,,," }' \
    >"$T/c/q-even-run.csv"
t 'quotes: a field of 100,000 quotes is 49,999 escaped quotes' \
  './g sc-cities list -i c/q-even-run.csv -o json | jq -r ".name | length"'
out <<'X'
49999
1
X

datadir q-even-run
t 'quotes: ... and is written back byte for byte' \
  './g sc-cities -D d-q-even-run set fr-b --notes x && head -2 d-q-even-run/cities.csv >got && head -2 c/q-even-run.csv | cmp - got && tail -1 d-q-even-run/cities.csv'
out <<'X'
fr-b,B,FR,,prospect,,,x
X

awk 'BEGIN { print "id,name,country,status"; printf "fr-a,x"
	for (i = 0; i < 100000; i++) printf "\""; print ",FR,prospect" }' \
    >"$T/c/q-unquoted-run.csv"
t 'quotes: 100,000 quotes inside an unquoted field are kept as they stand' \
  './g sc-cities list -i c/q-unquoted-run.csv -o json | jq -r ".name | length"'
out <<'X'
100001
X

mk q-four "$H\nfr-a,\"\"\"\",FR,prospect\n"
t 'quotes: """" is one quote' './g sc-cities list -i c/q-four.csv -c name -H'
out <<'X'
""""
X

# --- headers --------------------------------------------------------------

mk dup-header "id,name,country,status,notes,notes\n"
mal dup-header 1 "duplicate column 'notes'"

mk empty-header "id,name,,country,status\nfr-a,A,x,FR,prospect\n"
mal empty-header 1 'column 3 has no name'

mk empty-header-end "id,name,country,status,\nfr-a,A,FR,prospect,\n"
mal empty-header-end 1 'column 5 has no name'

# Two BOMs: the first is dropped, the second is part of the first column's
# name, which then is not "id".  The message could say more, but it is an
# error, as it should be.
mk bom-twice "\357\273\277\357\273\277$H\nfr-a,A,FR,prospect\n"
mal bom-twice 1 "missing required column 'id'"

mk spaces-only "   \n"
mal spaces-only 1 "missing required column 'id'"

# --- BOMs, empty files, blank lines ---------------------------------------

# A BOM alone on a line in the middle (two files concatenated) is a record
# of one field.
mk bom-line "$H\nfr-a,A,FR,prospect\n\357\273\277\nfr-b,B,FR,prospect\n"
mal bom-line 3 '1 field where the header has 4: 3 too few: a line break in an unquoted field, or a missing comma?'

# A BOM at the start of a row in the middle is U+FEFF, valid UTF-8: list
# passes it through as data, and check finds the id invalid, showing the
# invisible character as <U+FEFF> (sc(7), INERT OUTPUT).
mk bom-mid "$H\nfr-a,A,FR,prospect\n\357\273\277fr-b,B,FR,prospect\n"
t 'bom: a BOM in the middle is data, passed through by list' \
  './g sc-cities list -i c/bom-mid.csv -c id -H | od -An -c | tr -s " "'
out <<'X'
 f r - a \n 357 273 277 f r - b \n
X

datadir bom-mid
t 'bom: ... and check finds the id invalid, exit 1' \
  './g sc-cities -D d-bom-mid check'
status 1
err "sc-cities: d-bom-mid/cities.csv:3: id: invalid id '<U+FEFF>fr-b' (lower-case letters, digits and '-')"

# An empty file, a BOM alone, blank lines alone: an empty table, as a
# missing one is.  The first write gives it its header.
mk empty ''
mk bom-only '\357\273\277'
mk blank-lf '\n\n\n'
mk blank-crlf '\r\n\r\n\r\n'
mk blank-cr '\r\r\r'
for hf in empty bom-only blank-lf blank-crlf blank-cr; do
	t "$hf: list -i: an empty table" "./g sc-cities list -i c/$hf.csv"
	out <<'X'
id,name,country,region,status,joined,via,notes
X
	datadir "$hf"
	t "$hf: check passes" "./g sc-cities -D d-$hf check"
	t "$hf: add writes the header and the row" \
	  "./g sc-cities -D d-$hf add Lyon --country FR >/dev/null && cat d-$hf/cities.csv"
	out <<'X'
id,name,country,region,status,joined,via,notes
fr-lyon,Lyon,FR,,prospect,,,
X
done

datadir empty
snapshot d-empty
t 'empty: set of a city that is not there: exit 3, nothing written' \
  './g sc-cities -D d-empty set fr-a --notes x'
status 3
err "sc-cities: unknown city 'fr-a'"
unchanged d-empty

mk header-only "id,name,contact,country,status\n"
mk header-only-nonl "id,name,contact,country,status"
for hf in header-only header-only-nonl; do
	t "$hf: list -i: the header and no row" "./g sc-cities list -i c/$hf.csv"
	out <<'X'
id,name,contact,country,status,region,joined,via,notes
X
	datadir "$hf"
	t "$hf: add keeps the file's columns in their place" \
	  "./g sc-cities -D d-$hf add Lyon --country FR >/dev/null && cat d-$hf/cities.csv"
	out <<'X'
id,name,contact,country,status,region,joined,via,notes
fr-lyon,Lyon,,FR,prospect,,,,
X
done

# --- TSV ------------------------------------------------------------------

tsvh='id\tname\tcountry\tstatus\tnotes\n'
# shellcheck disable=SC2059
printf "${tsvh}fr-a\tA\tFR\tprospect\tends in \\\\\n" >"$T/c/bs-end.tsv"
t 'tsv: a trailing backslash is kept as it stands' \
  './g sc-cities list -i c/bs-end.tsv -o json | jq -r .notes'
out <<'X'
ends in \
X

# shellcheck disable=SC2059
printf "${tsvh}fr-a\tA\tFR\tprospect\tends in \\\\" >"$T/c/bs-eof.tsv"
t 'tsv: a backslash as the last byte of the file' \
  './g sc-cities list -i c/bs-eof.tsv -o json | jq -r .notes'
out <<'X'
ends in \
X

# shellcheck disable=SC2059
printf "${tsvh}fr-a\tA\\\\\tFR\tprospect\tx\n" >"$T/c/bs-tab.tsv"
t 'tsv: a backslash before a tab does not escape the tab' \
  './g sc-cities list -i c/bs-tab.tsv -o json | jq -r .name'
out <<'X'
A\
X

# shellcheck disable=SC2059
printf "${tsvh}fr-a\tA\tFR\tprospect\t\\\\x \\\\0 \\\\\" \\\\u00e9 \\\\\\\\n\n" >"$T/c/bs-unknown.tsv"
t 'tsv: unknown escapes are kept as they stand; an escaped backslash before n' \
  './g sc-cities list -i c/bs-unknown.tsv -o json | jq -r .notes'
out <<'X'
\x \0 \" \u00e9 \n
X

# shellcheck disable=SC2059
printf "${tsvh}fr-a\t\"A\tFR\tprospect\tx\"y\n" >"$T/c/quotes.tsv"
t 'tsv: quotes are plain characters' \
  './g sc-cities list -i c/quotes.tsv -o json -c name,notes'
out <<'X'
{"name":"\"A","notes":"x\"y"}
X

# shellcheck disable=SC2059
printf "${tsvh}fr-a\tA\tFR\n" >"$T/c/short.tsv"
t 'tsv: a short row' './g sc-cities list -i c/short.tsv'
status 3
err 'sc-cities: c/short.tsv:2: 3 fields where the header has 5: 2 too few: a line break in a field, or a missing tab?'

# shellcheck disable=SC2059
printf "${tsvh}\n\r\nfr-a\tA\tFR\tprospect\tx\ty\n" >"$T/c/long.tsv"
t 'tsv: a long row after blank lines' './g sc-cities list -i c/long.tsv'
status 3
err 'sc-cities: c/long.tsv:4: 6 fields where the header has 5: one too many: a tab in a field? write it as \t'

# shellcheck disable=SC2059
printf "${tsvh}fr-a\tA\377\tFR\tprospect\tx\n" >"$T/c/utf8.tsv"
t 'tsv: invalid UTF-8' './g sc-cities list -i c/utf8.tsv'
status 3
err 'sc-cities: c/utf8.tsv:2: invalid UTF-8'

# shellcheck disable=SC2059
printf "${tsvh}fr-a\tA\000\tFR\tprospect\tx\n" >"$T/c/nul.tsv"
t 'tsv: a NUL byte' './g sc-cities list -i c/nul.tsv'
status 3
err 'sc-cities: c/nul.tsv:2: NUL byte'

# TSV ends lines with LF (CRLF is taken too); a raw CR inside a line is
# data, since sc writes a CR in a field as \r.  So a CR-only TSV file is one
# long header line, and its error says that the header lacks columns.
printf 'id\tname\tcountry\tstatus\rfr-a\tA\tFR\tprospect\r' >"$T/c/cr.tsv"
t 'tsv: CR-only line ends are not line ends: one header line' \
  './g sc-cities list -i c/cr.tsv'
status 3
err "sc-cities: c/cr.tsv:1: missing required column 'status'"

# shellcheck disable=SC2059
printf "${tsvh}fr-a\tA\rB\tFR\tprospect\tx\r\n" >"$T/c/cr-mid.tsv"
t 'tsv: a CR inside a line is data; a CR before the LF is not' \
  './g sc-cities list -i c/cr-mid.tsv -o json -c name,notes'
out <<'X'
{"name":"A\rB","notes":"x"}
X

# --- files that are not files ---------------------------------------------

mkdir -p "$T/c/adir.csv"
t 'not a file: -i a directory is a read error, exit 4' \
  './g sc-cities list -i c/adir.csv'
status 4
err 'sc-cities: c/adir.csv: read error: Is a directory'

t 'not a file: -i /dev/null is an empty table' \
  './g sc-cities list -i /dev/null -c id'
out <<'X'
id
X

# A FIFO where the table should be would block list, check and every
# write for ever, waiting for a writer that never comes.  A table is a
# regular file; anything else is a system error.
rm -rf "$T/d-fifo"
mkdir "$T/d-fifo"
mkfifo "$T/d-fifo/cities.csv"
t 'not a file: a FIFO as the table is an error, not a hang' \
  './g sc-cities -D d-fifo list'
status 4
err 'sc-cities: d-fifo/cities.csv: not a regular file'

# --- records copied whole ---------------------------------------------------

# list copies a record whole when it is exactly what the writer would
# write (fields quoted only when they must be, LF line ends, every column
# of the table), and writes every other record field by field.  Either
# way the output is the same: canonical CSV.
F='id,name,country,region,status,joined,via,notes'
mk verb "$F\r\n"'a,Plain,FR,,member,,,\r\n''b,"Dijon",FR,,member,,,\n''c,Say "hi",FR,,member,,,\n''d," Lyon",FR,,member,,,\n''e,Lyon ,FR,,member,,,\n''f,"Cape Town, ZA",ZA,,member,,,"two\nlines"\n''g,"He said ""no""",FR,,member,,,""\n''h,Kraków,PL,,member,,,\n''i,Zürich,CH,,member,,,=1+1'
t 'verbatim: records as the writer would write them, and others, read alike' \
  './g sc-cities list -i c/verb.csv --status member'
out <<'X'
id,name,country,region,status,joined,via,notes
a,Plain,FR,,member,,,
b,Dijon,FR,,member,,,
c,"Say ""hi""",FR,,member,,,
d," Lyon",FR,,member,,,
e,"Lyon ",FR,,member,,,
f,"Cape Town, ZA",ZA,,member,,,"two
lines"
g,"He said ""no""",FR,,member,,,
h,Kraków,PL,,member,,,
i,Zürich,CH,,member,,,=1+1
X

t 'verbatim: --safe still defuses a formula in a record that could be copied' \
  './g sc-cities list -i c/verb.csv --safe -c id,notes | tail -1'
out <<'X'
i,'=1+1
X

t 'verbatim: --crlf ends every line in CRLF' \
  './g sc-cities list -i c/verb.csv --crlf -c id | od -c | sed -n 1p'
out <<'X'
0000000   i   d  \r  \n   a  \r  \n   b  \r  \n   c  \r  \n   d  \r  \n
X

t 'verbatim: -c picks the columns of a record that could be copied' \
  './g sc-cities list -i c/verb.csv -c name,id | sed -n 9,10p'
out <<'X'
Kraków,h
Zürich,i
X

t 'verbatim: a table without some columns gets them, empty, at the end' \
  'printf "id,name,country,status\nz,Zagreb,HR,member\n" | ./g sc-cities list -i -'
out <<'X'
id,name,country,status,region,joined,via,notes
z,Zagreb,HR,member,,,,
X

# The same for TSV read and written as TSV, or read as TSV and written as
# CSV: escapes, CRs, and CSV's specials in a field are each seen to.
printf '%s\n' "$F" | tr , '\t' >"$T/c/verb.tsv"
printf 'a\tPlain\tFR\t\tmember\t\t\t\r\nb\tSay "hi", twice\tFR\t\tmember\t\t\t\nc\tback\\\\slash\\ttab\tFR\t\tmember\t\t\t\nd\t Lyon\tFR\t\tmember\t\t\tcr\rinside\ne\tKraków\tPL\t\tmember\t\t\t' >>"$T/c/verb.tsv"
t 'verbatim: TSV to TSV' \
  './g sc-cities list -i c/verb.tsv -o tsv'
out <<'X'
id	name	country	region	status	joined	via	notes
a	Plain	FR		member			
b	Say "hi", twice	FR		member			
c	back\\slash\ttab	FR		member			
d	 Lyon	FR		member			cr\rinside
e	Kraków	PL		member			
X

t 'verbatim: TSV to CSV (a CR shown as ~)' \
  './g sc-cities list -i c/verb.tsv -o csv | tr "\\r" "~"'
out <<'X'
id,name,country,region,status,joined,via,notes
a,Plain,FR,,member,,,
b,"Say ""hi"", twice",FR,,member,,,
c,back\slash	tab,FR,,member,,,
d," Lyon",FR,,member,,,"cr~inside"
e,Kraków,PL,,member,,,
X

# The big files go: they would stay in tests/tmp until the next run.
rm -rf "$T/c" "$T"/d-field-10mb "$T"/d-header-million "$T"/d-q-*-run \
    "$T"/d-long-million "$T/d-fifo" "$T/got"
