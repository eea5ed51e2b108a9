# t-tidy.sh: sc-cities tidy, the way back from a spreadsheet.  First the
# forms a spreadsheet saves, made by hand (separators, line ends, byte-order
# marks, encodings, dates in every order); then git's HEAD as the witness
# of what a spreadsheet lost; then round trips through a real spreadsheet
# program, Gnumeric's ssconvert (Debian package gnumeric, installed by
# tools/deps.sh): CSV to xlsx and back, as "open, edit, save as CSV" does,
# in plain CSV and in the form of a European Excel (';' between fields,
# Windows-1252, dates day first, CRLF).  After an edit on the spreadsheet
# side, tidy must leave a git diff of exactly the edited cells.

# git finds no repository above $T (the project's own), and reads no
# configuration of the user's that could change what it does.
GIT_CEILING_DIRECTORIES=$T
GIT_CONFIG_NOSYSTEM=1
GIT_CONFIG_GLOBAL=/dev/null
GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org
GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
export GIT_CEILING_DIRECTORIES GIT_CONFIG_NOSYSTEM GIT_CONFIG_GLOBAL \
    GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL

# repo DIR: DIR made a git repository, its tables committed.
cat >"$T/repo" <<'EOF'
#!/bin/sh
cd "$1" && git init -q . && git add . && git commit -qm record
EOF
chmod +x "$T/repo"

cp "$TOP/seeds/followups.csv" "$T/seeds-fu"
cp "$TOP/seeds/events.csv" "$T/seeds-ev"

# cells DIR: the cells git diff shows changed, as "-old" and "+new" lines.
cat >"$T/cells" <<'EOF'
#!/bin/sh
cd "$1" && git diff -U0 --word-diff=porcelain --word-diff-regex='[^,]+' |
    grep '^[-+][^-+]'
EOF
chmod +x "$T/cells"

# --- the command line ---------------------------------------------------

t 'tidy: an unknown table is a usage error' 'sc-cities -D . tidy places'
status 2
err 'sc-cities: tidy: no table '\''places'\'' (cities, events, attendance, partners, followups)'

t 'tidy: --encoding takes utf-8 or windows-1252' \
  'sc-cities -D . tidy --encoding latin9'
status 2
err 'sc-cities: --encoding: utf-8 or windows-1252, not '\''latin9'\'''

t 'tidy: --date-order takes dmy, mdy or ymd' \
  'sc-cities -D . tidy --date-order dym'
status 2
err 'sc-cities: --date-order: dmy, mdy or ymd, not '\''dym'\'''

t 'tidy: --date-order belongs to tidy alone' \
  'sc-cities list --date-order dmy'
status 2
err 'sc-cities: --date-order does not apply to list'

t 'tidy: the built-in seeds are canonical: -n finds nothing' \
  'sc-cities tidy -n'

t 'tidy: the built-in seeds are read-only' 'sc-cities tidy'
status 2
err_has 'the built-in seed data is read-only'

seed_dir canon
snapshot canon
t 'tidy: a data directory in the canonical form is left alone, silently' \
  'sc-cities -D canon tidy && sc-cities -D canon tidy cities followups.csv'
unchanged canon

# --- what a spreadsheet saves -------------------------------------------

# A cities.csv as a European Excel saves it: a byte-order mark, ';',
# CRLF, a date day first, a value quoted for its ';'.
seed_dir eu
printf '\357\273\277id;name;country;region;status;joined;via;notes\r\nfr-strasbourg;Strasbourg;FR;;member;;;\r\nfr-cernay;Cernay;FR;;introduced;15/05/2024;2024-05-strasbourg;"Caf\303\251; cr\303\250me"\r\n' >"$T/eu/cities.csv"
snapshot eu
t 'tidy -n: says what it would change, and changes nothing' \
  'sc-cities -D eu tidy -n'
err 'sc-cities: eu/cities.csv: byte-order mark removed
sc-cities: eu/cities.csv: fields were separated by semicolons; now by commas
sc-cities: eu/cities.csv: lines ended in CRLF; now in LF
sc-cities: eu/cities.csv: dates read day first (DD/MM/YYYY), as line 3'\''s joined '\''15/05/2024'\'' shows
sc-cities: eu/cities.csv:3: joined: 15/05/2024 → 2024-05-15
sc-cities: eu/cities.csv: no committed version to compare with (not in a git work tree, or one that git will not read): a reduced date, a formula or the order of rows that a spreadsheet changed cannot be restored
sc-cities: tidy: 1 table would be rewritten; nothing written (-n)'
unchanged eu

t 'tidy: ... and without -n rewrites the table in the canonical form' \
  'sc-cities -D eu tidy 2>/dev/null; cat eu/cities.csv'
out <<'EOF'
id,name,country,region,status,joined,via,notes
fr-strasbourg,Strasbourg,FR,,member,,,
fr-cernay,Cernay,FR,,introduced,2024-05-15,2024-05-strasbourg,Café; crème
EOF

t 'tidy: ... which checks, and a second tidy finds nothing' \
  'sc-cities -D eu check && sc-cities -D eu tidy'

# Windows-1252, detected because the bytes are not UTF-8; tabs between
# fields; CR line ends.
seed_dir w
printf 'id\tname\tcountry\tregion\tstatus\tjoined\tvia\tnotes\rfr-cernay\tCernay\tFR\t\tintroduced\t2024/05/15\t2024-05-strasbourg\t\223Caf\351\224 \200 40\r' >"$T/w/cities.csv"
t 'tidy: Windows-1252 (the bytes are not UTF-8), tabs and CR line ends' \
  'sc-cities -D w tidy cities; cat w/cities.csv'
out <<'EOF'
id,name,country,region,status,joined,via,notes
fr-cernay,Cernay,FR,,introduced,2024-05-15,2024-05-strasbourg,“Café” € 40
EOF
err 'sc-cities: w/cities.csv: read as Windows-1252 (the bytes are not UTF-8; --encoding to say otherwise); now UTF-8
sc-cities: w/cities.csv: fields were separated by tabs; now by commas
sc-cities: w/cities.csv: lines ended in CR; now in LF
sc-cities: w/cities.csv:2: joined: 2024/05/15 → 2024-05-15
sc-cities: w/cities.csv: no committed version to compare with (not in a git work tree, or one that git will not read): a reduced date, a formula or the order of rows that a spreadsheet changed cannot be restored'

seed_dir bad
printf 'id,name,country,region,status,joined,via,notes\nfr-cernay,Cernay,FR,,introduced,,,ok\nfr-dijon,Dijon,FR,,introduced,,,\201\n' >"$T/bad/cities.csv"
snapshot bad
t 'tidy: a byte that is neither UTF-8 nor Windows-1252 is refused, with its line' \
  'sc-cities -D bad tidy'
status 3
err 'sc-cities: bad/cities.csv:3: byte 0x81 is neither UTF-8 nor Windows-1252: in what encoding was the file saved?'
unchanged bad

printf 'id,name,country,region,status,joined,via,notes\nfr-dijon,Dijon,FR,,introduced,,,Caf\351\n' >"$T/bad/cities.csv"
snapshot bad
t 'tidy --encoding utf-8: a file that is not UTF-8 is malformed, nothing written' \
  'sc-cities -D bad tidy --encoding utf-8'
status 3
err 'sc-cities: bad/cities.csv:2: invalid UTF-8
sc-cities: nothing written; '\''sc-cities check'\'' lists the problems of cities.csv'
unchanged bad

t 'tidy --encoding windows-1252: said so' \
  'sc-cities -D bad tidy --encoding windows-1252 2>tidy.err; head -1 tidy.err; sc-cities -D bad list -c notes -H'
out <<'EOF'
sc-cities: bad/cities.csv: read as Windows-1252 (--encoding); now UTF-8
Café
EOF

# Excel's "Unicode Text": UTF-16LE with a byte-order mark, tabs.
seed_dir u16
printf 'id\tname\tcountry\tregion\tstatus\tjoined\tvia\tnotes\r\nfr-cernay\tCernay\tFR\t\tintroduced\t5/15/2024\t2024-05-strasbourg\tCaf\303\251 \360\237\214\215\r\n' |
    iconv -f UTF-8 -t UTF-16LE | { printf '\377\376'; cat; } >"$T/u16/cities.csv"
t 'tidy: UTF-16 with its byte-order mark, a date month first' \
  'sc-cities -D u16 tidy 2>tidy.err; head -4 tidy.err; sc-cities -D u16 list -c joined,notes -H'
out <<'EOF'
sc-cities: u16/cities.csv: read as UTF-16LE, as its byte-order mark says; now UTF-8
sc-cities: u16/cities.csv: fields were separated by tabs; now by commas
sc-cities: u16/cities.csv: lines ended in CRLF; now in LF
sc-cities: u16/cities.csv: dates read month first (MM/DD/YYYY), as line 2's joined '5/15/2024' shows
2024-05-15,Café 🌍
EOF

# Rows and columns that a spreadsheet writes past the end of a table.
seed_dir pad
printf 'event,city,role,notes,\n2024-05-strasbourg,fr-strasbourg,host,,\n,,,,\n' >"$T/pad/attendance.csv"
t 'tidy: an empty row and an unnamed empty column, removed' \
  'sc-cities -D pad tidy attendance; cat pad/attendance.csv'
out <<'EOF'
event,city,role,notes
2024-05-strasbourg,fr-strasbourg,host,
EOF
err 'sc-cities: pad/attendance.csv: column 5, with no name and no value, removed
sc-cities: pad/attendance.csv:3: an empty row removed
sc-cities: pad/attendance.csv: no committed version to compare with (not in a git work tree, or one that git will not read): a reduced date, a formula or the order of rows that a spreadsheet changed cannot be restored'

# --- dates ----------------------------------------------------------------

# dates FORM...: a followups.csv whose due dates are FORM..., one a row.
cat >"$T/dates" <<'EOF'
#!/bin/sh
echo 'id,action,event,city,owner,due,status,created,closed,notes'
i=0
for d in "$@"; do
	i=$((i + 1))
	echo "$i,Act,,,,$d,open,2024-01-02,,"
done
EOF
chmod +x "$T/dates"

mkdir -p "$T/dt"
"$T/dates" 2024/05/15 15.05.2024 2024-Oct-03 '3 May 2024' 2024/9 \
    09/2024 '15/05/2024 00:00' 2024-5-7 2024-05-15T00:00:00 >"$T/dt/followups.csv"
t 'tidy: the dates a spreadsheet writes, read back as ISO 8601' \
  'sc-cities -D dt tidy 2>/dev/null; sc-followups -D dt list -c due -H'
out <<'EOF'
2024-05-15
2024-05-15
2024-10-03
2024-05-03
2024-09
2024-09
2024-05-15
2024-05-07
2024-05-15
EOF

"$T/dates" '05/15/24' '15/05/2024 09:30' 'mid-May' 2024-02-30 >"$T/dt/followups.csv"
t 'tidy: a value it cannot read is named and left as it is' \
  'sc-cities -D dt tidy; sc-followups -D dt list -c due -H'
out <<'EOF'
05/15/24
15/05/2024 09:30
mid-May
2024-02-30
EOF
err 'sc-cities: dt/followups.csv:2: due: '\''05/15/24'\'' is a two-digit year (which century?); left as it is
sc-cities: dt/followups.csv:3: due: '\''15/05/2024 09:30'\'' is a time of day, which the column cannot hold; left as it is
sc-cities: dt/followups.csv:4: due: '\''mid-May'\'' is not a date tidy can read; left as it is
sc-cities: dt/followups.csv:5: due: '\''2024-02-30'\'' is not a date tidy can read; left as it is'

t 'check: ... and check names it, a spreadsheet'\''s date with a hint' \
  'printf "id,action,event,city,owner,due,status,created,closed,notes\n1,Act,,,,2024/05/15,open,2024-01-02,,\n" >dt/followups.csv; sc-followups -D dt check'
status 1
err 'sc-followups: dt/followups.csv:2: due: invalid date '\''2024/05/15'\'' (saved by a spreadsheet? run sc-cities tidy)'

t 'check: ... a header a spreadsheet saved with ; gets the hint too' \
  'printf "id;name;country;region;status;joined;via;notes\r\n" >dt/cities.csv; sc-cities -D dt check'
status 1
err_has 'sc-cities: dt/cities.csv:1: missing required column '\''id'\'' (saved by a spreadsheet? run sc-cities tidy)'
rm "$T/dt/cities.csv"

"$T/dates" 05/06/2024 07/08/2024 >"$T/dt/followups.csv"
snapshot dt
t 'tidy: dates that could be day or month first are refused, each named' \
  'sc-cities -D dt tidy'
status 3
err 'sc-cities: dt/followups.csv:2: due: '\''05/06/2024'\'' could be day or month first
sc-cities: dt/followups.csv:3: due: '\''07/08/2024'\'' could be day or month first
sc-cities: dt/followups.csv: 2 dates could be day or month first: say which with --date-order dmy or --date-order mdy
sc-cities: tidy: nothing written'
unchanged dt

t 'tidy: ... nothing of another table is written either' \
  'printf "id;name;country;region;status;joined;via;notes\nfr-cernay;Cernay;FR;;introduced;;;\n" >dt/cities.csv; sc-cities -D dt tidy 2>/dev/null; echo $?; head -1 dt/cities.csv'
out <<'EOF'
3
id;name;country;region;status;joined;via;notes
EOF
rm -f "$T/dt/cities.csv"

t 'tidy --date-order dmy: says how they are read' \
  'sc-cities -D dt tidy --date-order dmy 2>/dev/null; sc-followups -D dt list -c due -H'
out <<'EOF'
2024-06-05
2024-08-07
EOF

"$T/dates" 05/06/2024 05/05/2024 07/13/2024 >"$T/dt/followups.csv"
t 'tidy: one day above 12 decides the order of the file' \
  'sc-cities -D dt tidy 2>tidy.err; sed -n 1p tidy.err; sc-followups -D dt list -c due -H'
out <<'EOF'
sc-cities: dt/followups.csv: dates read month first (MM/DD/YYYY), as line 4's due '07/13/2024' shows
2024-05-06
2024-05-05
2024-07-13
EOF

"$T/dates" 13/06/2024 07/13/2024 >"$T/dt/followups.csv"
snapshot dt
t 'tidy: a file with dates in two orders is refused' 'sc-cities -D dt tidy'
status 3
err 'sc-cities: dt/followups.csv:2: due: '\''13/06/2024'\'' can only be day first
sc-cities: dt/followups.csv:3: due: '\''07/13/2024'\'' can only be month first
sc-cities: dt/followups.csv: dates in two orders: say which with --date-order dmy or --date-order mdy
sc-cities: tidy: nothing written'
unchanged dt

t 'tidy --date-order mdy: a date that is not month first is refused' \
  'sc-cities -D dt tidy --date-order mdy'
status 3
err 'sc-cities: dt/followups.csv:2: due: '\''13/06/2024'\'' is not month first (MM/DD/YYYY), as --date-order says
sc-cities: tidy: nothing written'
unchanged dt

t 'tidy --date-order ymd: so is one that is not year first' \
  'sc-cities -D dt tidy --date-order ymd'
status 3
err 'sc-cities: dt/followups.csv:2: due: '\''13/06/2024'\'' is not year first, as --date-order says
sc-cities: dt/followups.csv:3: due: '\''07/13/2024'\'' is not year first, as --date-order says
sc-cities: tidy: nothing written'
unchanged dt

# --- git as the witness -------------------------------------------------

seed_dir g
printf '15,Say hello,,,,2024-09,open,2024-05-15,,=1+1\n16,Call,,,,,open,2024-05-15,,+33 1 23 45 67 89\n' >>"$T/g/followups.csv"
"$T/repo" "$T/g"
# What a spreadsheet did to it: the rows sorted by action, a month made
# its first day, formulas evaluated, CRLF; and two owners changed.
{ head -1 "$T/g/followups.csv"; tail -n +2 "$T/g/followups.csv" | sort -t, -k2,2 -k1,1n; } |
    sed -e 's/,2024-09,/,2024\/09\/01,/; s/=1+1$/2/; s/+33 1 23 45 67 89$/33123456789/' \
	-e 's/^3,\(.*\),fr-mittelhausbergen,,/3,\1,fr-mittelhausbergen,amina,/' \
	-e 's/^5,\(.*\),gr-kalamaria,,/5,\1,gr-kalamaria,jonas,/' -e 's/$/\r/' >"$T/g/x"
mv "$T/g/x" "$T/g/followups.csv"
t 'witness: tidy restores what the committed version shows was lost' \
  'sc-cities -D g tidy followups'
err 'sc-cities: g/followups.csv: lines ended in CRLF; now in LF
sc-cities: g/followups.csv:2: notes: 33123456789 → +33 1 23 45 67 89 (a spreadsheet evaluated this cell)
sc-cities: g/followups.csv:4: due: 2024/09/01 → 2024-09 (restored to its committed precision: a spreadsheet writes a month or a year as its first day)
sc-cities: g/followups.csv:17: due: 2024/09/01 → 2024-09 (restored to its committed precision: a spreadsheet writes a month or a year as its first day)
sc-cities: g/followups.csv:17: notes: 2 → =1+1 (a spreadsheet evaluated this cell)
sc-cities: g/followups.csv: rows put back in their committed order (a sort in a spreadsheet moved them); new rows after them'

t 'witness: ... and git diff shows the two owners, and nothing else' \
  './cells g'
out <<'EOF'
+amina
+jonas
EOF

t 'witness: ... which check takes' 'sc-followups -D g check'

# A table the tools wrote is theirs: a verb's change to a row is not taken
# back, though a witness rule would cover it.
seed_dir g7
printf '15,Say hello,,,,2024-09,open,2024-05-15,,=1+1\n' >>"$T/g7/followups.csv"
"$T/repo" "$T/g7"
t 'witness: a table in the canonical form, its dates ISO, is left alone' \
  'sc-followups -D g7 set 15 --due 2024-09-01 --notes 2 >/dev/null && sc-cities -D g7 tidy && ./cells g7'
out <<'EOF'
-2024-09
+2024-09-01
-=1+1
+2
EOF

# A new row, moved columns, a number that lost its zeros, a character
# Windows-1252 lacks, and dates whose order only the witness knows.
seed_dir g2
printf 'id,name,country,region,status,joined,via,notes,phone\nfr-a,Łódź,PL,,prospect,2024-05-06,,,0612\nfr-b,B,FR,,prospect,2024-07-08,,,1.50\n' >"$T/g2/cities.csv"
"$T/repo" "$T/g2"
printf 'name;id;country;region;status;joined;via;notes;phone\r\nB;fr-b;FR;;prospect;08/07/2024;;;1,5\r\nN;fr-n;FR;;prospect;;;;\r\n?\363d?;fr-a;PL;;prospect;06/05/2024;;;612\r\n' >"$T/g2/cities.csv"
t 'witness: columns and rows put back, a new row last' \
  'sc-cities -D g2 tidy cities; cat g2/cities.csv'
out <<'EOF'
id,name,country,region,status,joined,via,notes,phone
fr-a,Łódź,PL,,prospect,2024-05-06,,,0612
fr-b,B,FR,,prospect,2024-07-08,,,1.50
fr-n,N,FR,,prospect,,,,
EOF
err 'sc-cities: g2/cities.csv: read as Windows-1252 (the bytes are not UTF-8; --encoding to say otherwise); now UTF-8
sc-cities: g2/cities.csv: fields were separated by semicolons; now by commas
sc-cities: g2/cities.csv: lines ended in CRLF; now in LF
sc-cities: g2/cities.csv: dates read day first (DD/MM/YYYY), as the committed version of line 2'\''s joined '\''08/07/2024'\'' shows
sc-cities: g2/cities.csv:2: joined: 08/07/2024 → 2024-07-08
sc-cities: g2/cities.csv:2: phone: 1,5 → 1.50 (a spreadsheet rewrote this number)
sc-cities: g2/cities.csv:4: name: ?ód? → Łódź (Windows-1252 lacks a character of it)
sc-cities: g2/cities.csv:4: joined: 06/05/2024 → 2024-05-06
sc-cities: g2/cities.csv:4: phone: 612 → 0612 (a spreadsheet rewrote this number)
sc-cities: g2/cities.csv: columns put back in their committed order
sc-cities: g2/cities.csv: rows put back in their committed order (a sort in a spreadsheet moved them); new rows after them'

seed_dir g3
rm "$T/g3/cities.csv"
"$T/repo" "$T/g3"
printf 'id,name,country,region,status,joined,via,notes\nfr-x,X,FR,,prospect,2024/01/02,,\n' >"$T/g3/cities.csv"
t 'witness: a table git'\''s HEAD does not have is said to have no witness' \
  'sc-cities -D g3 tidy cities'
err 'sc-cities: g3/cities.csv:2: joined: 2024/01/02 → 2024-01-02
sc-cities: g3/cities.csv: no committed version to compare with (git'\''s HEAD has no such file): a reduced date, a formula or the order of rows that a spreadsheet changed cannot be restored'

# The spreadsheet's file committed as it was, then tidied: the committed
# version is read whatever its separator, and restores nothing it lacks.
seed_dir g5
sed 's/,/;/g; s/2024-05-15/15\/05\/2024/g; s/$/\r/' "$T/seeds-fu" >"$T/g5/followups.csv"
"$T/repo" "$T/g5"
t 'witness: a committed version in the spreadsheet'\''s form is read as well' \
  'sc-cities -D g5 tidy followups 2>&1 | grep -c "→"; sc-followups -D g5 check'
out <<'EOF'
14
EOF

# The data directory's name reaches git as one argument, never a shell.
mkdir -p "$T/sh"
seed_dir 'sh/a b;$(touch pwned)'
"$T/repo" "$T/sh/a b;\$(touch pwned)"
sed 's/,2024-12,/,2024\/12\/01,/' "$T/seeds-ev" >"$T/sh/a b;\$(touch pwned)/events.csv"
t 'witness: a data directory named with shell characters is no command' \
  'cd sh && sc-cities -D "a b;\$(touch pwned)" tidy events events.csv events 2>&1 | grep -c restored; ls'
out <<'EOF'
1
a b;$(touch pwned)
EOF

# A colleague's repository: git will not read it for another user (its
# "dubious ownership"), so there is no witness, and tidy says so.
seed_dir g6
"$T/repo" "$T/g6"
sed 's/,2024-12,/,2024\/12\/01,/' "$T/seeds-ev" >"$T/g6/events.csv"
if [ "$(id -u)" -eq 0 ] && (cd "$T" && setpriv --reuid=65534 --regid=65534 \
    --clear-groups sc-cities -D g6 list) >/dev/null 2>&1; then
	t 'witness: a repository git will not read for this user: no witness, said' \
	  'setpriv --reuid=65534 --regid=65534 --clear-groups sc-cities -D g6 tidy -n events'
	err 'sc-cities: g6/events.csv:4: start: 2024/12/01 → 2024-12-01
sc-cities: g6/events.csv: no committed version to compare with (not in a git work tree, or one that git will not read): a reduced date, a formula or the order of rows that a spreadsheet changed cannot be restored
sc-cities: tidy: 1 table would be rewritten; nothing written (-n)'
else
	t 'witness: another user'\''s repository: skipped, not root' 'true'
fi

# A table that is a link into the repository is compared with the
# committed version of the file the link leads to, and stays a link.
seed_dir g4
"$T/repo" "$T/g4"
mkdir -p "$T/g4ln"
ln -s ../g4/events.csv "$T/g4ln/events.csv"
sed 's/,2024-12,/,2024\/12\/01,/; s/$/\r/' "$T/g4/events.csv" >"$T/g4/x"
cat "$T/g4/x" >"$T/g4/events.csv"
chmod 640 "$T/g4/events.csv"
t 'witness: through a symbolic link, which stays one, the mode kept' \
  'sc-cities -D g4ln tidy events 2>&1 | grep -c restored; ./cells g4; test -L g4ln/events.csv && stat -c %a g4/events.csv'
out <<'EOF'
1
640
EOF

t 'tidy: the rewrite takes the lock like any write' \
  'sed "s/\$/\r/" g4/events.csv >g4/x && cat g4/x >g4/events.csv && rm g4/x &&
   flock g4ln sc-cities -D g4ln tidy --wait 0; echo $?; grep -c "$(printf "\r")" g4/events.csv'
out <<'EOF'
4
4
EOF
err_has 'locked by another writer'

# --- a real spreadsheet: Gnumeric's ssconvert -----------------------------

if ! command -v ssconvert >/dev/null 2>&1; then
	t 'ssconvert is installed (Debian package gnumeric; run tools/deps.sh)' \
	  'command -v ssconvert'
else

# sheet: what a user does in a spreadsheet, done with ssconvert.
#   sheet open CSV DOC	opens a table: DOC is the workbook, as Gnumeric
#			XML (ssconvert CSV → xlsx → Gnumeric XML)
#   sheet set DOC ID COL TEXT  types TEXT in column COL of the row whose
#			first cell is ID
#   sheet dmy DOC	formats the dates as a European Excel shows them
#   sheet save DOC CSV	saves as CSV (Gnumeric's own CSV)
#   sheet saveeu DOC CSV  saves as a European Excel's CSV: ';', CRLF,
#			Windows-1252, each cell as it is shown
cat >"$T/sheet" <<'EOF'
#!/bin/sh
set -e
case $1 in
open)	ssconvert "$2" "$3.xlsx" 2>/dev/null
	ssconvert -T Gnumeric_XmlIO:sax:0 "$3.xlsx" "$3" 2>/dev/null ;;
set)	row=$(sed -n "s/.*Cell Row=\"\([0-9]*\)\" Col=\"0\" ValueType=\"[0-9]*\">$3<.*/\1/p" "$2")
	sed "s|<gnm:Cells>|&<gnm:Cell Row=\"$row\" Col=\"$4\" ValueType=\"60\">$5</gnm:Cell>|" "$2" >"$2.new"
	mv "$2.new" "$2" ;;
dmy)	sed 's/Format="[^"]*yy[^"]*"/Format="dd\/mm\/yyyy"/g' "$2" >"$2.new"
	mv "$2.new" "$2" ;;
save)	ssconvert -T Gnumeric_stf:stf_csv "$2" "$3" 2>/dev/null ;;
saveeu)	ssconvert -T Gnumeric_stf:stf_assistant -O 'separator=; charset=windows-1252 format=preserve eol=windows' "$2" "$3" 2>/dev/null ;;
esac
EOF
chmod +x "$T/sheet"

# gen N [rev]: a followups.csv of N rows, with a column a user added (ref),
# holding what spreadsheets change: formulas, reduced dates, numbers with
# zeros, fractions, amounts, characters Windows-1252 lacks, line ends.  With
# rev, the rows come last first, as a sort by id, descending, leaves them.
cat >"$T/gen" <<'EOF'
#!/bin/sh
printf 'id,action,event,city,owner,due,status,created,closed,notes,ref\n'
awk -v n="$1" -v rev="${2:-}" 'BEGIN {
	split("fr-cernay fr-dijon fr-mittelhausbergen fr-montpellier gr-kalamaria gr-kordelio-evosmos es-murcia us-columbus-oh za-cape-town", city, " ")
	split("=1+1|+33 1 23 45 67 89|-|@amina|=SUM(1,2)|naïve café, “quoted”|Łódź and Kraków|line one\nline two|- call back| lead and trail |€ 40", note, "|")
	split("007|1.50|12-3|1/2|2024-09|0042|x", ref, "|")
	for (k = 1; k <= n; k++) {
		i = rev ? n + 1 - k : k
		m = i % 12 + 1; d = i * 7 % 28 + 1
		due = i % 5 == 0 ? sprintf("2024-%02d", m) : i % 7 == 0 ? "2025" : sprintf("2024-%02d-%02d", m, d)
		st = i % 4 == 0 ? "done" : "open"
		cl = st == "done" ? sprintf("2024-%02d-%02d", m, d % 27 + 2) : ""
		nt = note[i % 11 + 1]
		if (nt ~ /[,"\n]/ || nt ~ /^ /) { gsub(/"/, "\"\"", nt); nt = "\"" nt "\"" }
		printf "%d,Action %d for Montréal,2024-05-strasbourg,%s,,%s,%s,2024-%02d-%02d,%s,%s,%s\n",
		    i, i, city[i % 9 + 1], due, st, i % 5 + 1, i % 28 + 1, cl, nt, ref[i % 7 + 1]
	}
}'
EOF
chmod +x "$T/gen"

# The seeds, every table through the spreadsheet and back as CSV.
seed_dir s1
"$T/repo" "$T/s1"
t 'ssconvert: the seeds round trip as CSV (xlsx and back)' \
  'for f in cities events attendance partners followups; do
	./sheet open s1/$f.csv $f.xml && ./sheet save $f.xml s1/$f.csv
   done
   cd s1 && git diff --stat | tail -1'
out <<'EOF'
 3 files changed, 25 insertions(+), 25 deletions(-)
EOF

t 'ssconvert: ... which turns dates into 2024/05/15 and 2024-09 into 2024/09/01' \
  'grep -c "2024/05/15" s1/followups.csv; grep -c ",2024/09/01," s1/followups.csv s1/events.csv'
out <<'EOF'
14
s1/followups.csv:1
s1/events.csv:1
EOF

t 'ssconvert: ... and check fails on every dated row' \
  'sc-followups -D s1 check 2>&1 | grep -c "invalid date"'
status 0
out <<'EOF'
16
EOF

t 'ssconvert: ... tidy leaves no git diff at all' \
  'sc-cities -D s1 tidy 2>/dev/null && cd s1 && git status --short'

t 'ssconvert: ... and every table checks' \
  'sc-cities -D s1 check && sc-events -D s1 check && sc-followups -D s1 check'

# The seeds' follow-ups, two owners set in the spreadsheet, saved as a
# European Excel saves.
seed_dir s2
"$T/repo" "$T/s2"
"$T/sheet" open "$T/s2/followups.csv" "$T/s2.xml"
"$T/sheet" set "$T/s2.xml" 3 4 amina
"$T/sheet" set "$T/s2.xml" 5 4 jonas
"$T/sheet" dmy "$T/s2.xml"
"$T/sheet" saveeu "$T/s2.xml" "$T/s2/followups.csv"
t 'ssconvert: the European form: ;, CRLF, dates day first, a month as its first day' \
  'tr -cd "\r" <s2/followups.csv | wc -c; sed -n "4p;9p" s2/followups.csv | tr -d "\r"'
out <<'EOF'
15
3;"Invite to future city-to-city learning";2024-05-strasbourg;fr-mittelhausbergen;amina;;open;15/05/2024;;
8;"Inform the Columbus transatlantic dialogue with the workshop's findings";2024-05-strasbourg;us-columbus-oh;;01/09/2024;open;15/05/2024;;
EOF

t 'ssconvert: ... tidy leaves a git diff of the two owners, nothing else' \
  'sc-cities -D s2 tidy 2>/dev/null; ./cells s2'
out <<'EOF'
+amina
+jonas
EOF

t 'ssconvert: ... and the follow-ups check' 'sc-followups -D s2 check'

# --safe keeps formulas from a spreadsheet: Gnumeric takes 'X as the text X.
seed_dir s3
printf '15,Say hello,,,,,open,2024-05-15,,=1+1\n' >>"$T/s3/followups.csv"
t 'ssconvert: --safe exports a formula that comes back as written' \
  'sc-followups -D s3 list --all --safe -o csv >s3.csv && ./sheet open s3.csv s3.xml && ./sheet save s3.xml s3back.csv && tail -1 s3back.csv'
out <<'EOF'
15,"Say hello",,,,,open,2024/05/15,,=1+1
EOF

t 'ssconvert: ... without --safe it comes back evaluated' \
  'sc-followups -D s3 list --all -o csv >s3.csv && ./sheet open s3.csv s3.xml && ./sheet save s3.xml s3back.csv && tail -1 s3back.csv'
out <<'EOF'
15,"Say hello",,,,,open,2024/05/15,,2
EOF

# A generated table of 200 follow-ups, round trips in both forms.
seed_dir s4
"$T/gen" 200 >"$T/s4/followups.csv"
"$T/repo" "$T/s4"
"$T/sheet" open "$T/s4/followups.csv" "$T/s4.xml"
"$T/sheet" set "$T/s4.xml" 3 4 amina
"$T/sheet" set "$T/s4.xml" 150 4 jonas
"$T/sheet" save "$T/s4.xml" "$T/s4/followups.csv"
# Of its 200 rows (every one has a date): 36 formulas evaluated (=1+1,
# =SUM(1,2)), 85 numbers that lost zeros (007, 1.50, 0042), 29 fractions
# (1/2) made dates, 18 amounts (€ 40) that lost their sign.
t 'ssconvert: a generated table as CSV: formulas, numbers, fractions, months changed' \
  'cd s4 && git diff -U0 | grep -c "^+[0-9]"; grep -c ",2,\|,3," followups.csv; grep -c ",7$\|,1.5$\|,42$" followups.csv; grep -c "2026/01/02$" followups.csv; grep -c ",40," followups.csv'
out <<'EOF'
200
36
85
29
18
EOF

t 'ssconvert: ... tidy leaves a git diff of the two edited cells' \
  'sc-cities -D s4 tidy 2>/dev/null; ./cells s4'
out <<'EOF'
+amina
+jonas
EOF

t 'ssconvert: ... and the follow-ups check' 'sc-followups -D s4 check'

seed_dir s5
"$T/gen" 200 >"$T/s5/followups.csv"
"$T/repo" "$T/s5"
"$T/gen" 200 rev >"$T/s5.csv"
"$T/sheet" open "$T/s5.csv" "$T/s5.xml"
"$T/sheet" set "$T/s5.xml" 3 4 amina
"$T/sheet" set "$T/s5.xml" 150 4 jonas
"$T/sheet" dmy "$T/s5.xml"
"$T/sheet" saveeu "$T/s5.xml" "$T/s5/followups.csv"
t 'ssconvert: the generated table, sorted, in the European form' \
  'tr -cd "\r" <s5/followups.csv | wc -c; iconv -f WINDOWS-1252 -t UTF-8 s5/followups.csv | grep -c "Lódz"; grep -c "^200;" s5/followups.csv'
out <<'EOF'
201
18
1
EOF

t 'ssconvert: ... tidy leaves a git diff of the two edited cells' \
  'sc-cities -D s5 tidy 2>&1 | grep -v "→" ; ./cells s5'
out <<'EOF'
sc-cities: s5/followups.csv: read as Windows-1252 (the bytes are not UTF-8; --encoding to say otherwise); now UTF-8
sc-cities: s5/followups.csv: fields were separated by semicolons; now by commas
sc-cities: s5/followups.csv: lines ended in CRLF; now in LF
sc-cities: s5/followups.csv: dates read day first (DD/MM/YYYY), as line 3's due '22/08/2024' shows
sc-cities: s5/followups.csv: rows put back in their committed order (a sort in a spreadsheet moved them); new rows after them
+amina
+jonas
EOF

t 'ssconvert: ... and the follow-ups check' 'sc-followups -D s5 check'

fi

unset GIT_CEILING_DIRECTORIES GIT_CONFIG_NOSYSTEM GIT_CONFIG_GLOBAL \
    GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
