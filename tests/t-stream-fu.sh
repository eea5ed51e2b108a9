# t-stream-fu.sh: sc-followups' writes stream (issue 15): the old table is
# read once, the new one written as it is read; only the rows named and
# what the verb must know are kept.  Memory does not grow with the table,
# rows the verb does not change stay byte for byte, and a write refused
# half-way through the table leaves the directory as it was.

sh "$TOP/bench/gen.sh" "$T/big" 100000
cp -p "$T/big/followups.csv" "$T/big.orig"

t 'a set on a table of 100,000 follow-ups in 40 MB of address space (the whole table is ~15 MB of text)' \
  '(ulimit -v 40000; sc-followups -D big set 7 --owner zoe) &&
   sc-followups -D big list --all -c id,owner -H | grep "^7,"'
out <<'EOF'
7,zoe
EOF

t 'done and reopen in the same bound; every other row byte for byte' \
  '(ulimit -v 40000; sc-followups -D big done 5 --on 2025-01-02 &&
    sc-followups -D big reopen 5) &&
   diff big.orig big/followups.csv | grep -c "^[<>]"'
out <<'EOF'
4
EOF

cp "$T/big/followups.csv" "$T/before-add.csv"
t 'add in the same bound: the twins of the new row are found as the table streams by' \
  '(ulimit -v 40000; sc-followups -D big add "Call" fr-city-1 >/dev/null &&
    sc-followups -D big add "call" fr-city-1 >/dev/null) 2>&1 | sed "s/follow-up [a-z0-9]* has/follow-up ID has/"'
out <<'EOF'
sc-followups: big/followups.csv:100002: fr-city-1: not added: open follow-up ID has the same action, event and city (--force adds it anyway)
EOF

t 'add: the new row last, every old row byte for byte' \
  'head -n 100001 big/followups.csv | cmp - before-add.csv && tail -n 1 big/followups.csv | cut -d, -f2,4,7'
out <<'EOF'
Call,fr-city-1,open
EOF

# A table that is not all canonical: the rows a write passes over are
# rewritten as every write writes them, the canonical ones copied.
seed_dir nc
printf '%s\n' 'id,action,event,city,owner,due,status,created,closed,notes' \
    '1,"Call",2024-05-strasbourg,,li,,open,2024-05-15,,' \
    '2,Write,2024-05-strasbourg,,,,open,2024-05-15,,"a ""quoted"" note"' \
    '3,"Plan",2024-05-strasbourg,,,,open,2024-05-15,,' >"$T/nc/followups.csv"

t 'a row that is not canonical is written canonical; the canonical one as it was' \
  'sc-followups -D nc done 2 --on 2024-06-01 && cat nc/followups.csv'
out <<'EOF'
id,action,event,city,owner,due,status,created,closed,notes
1,Call,2024-05-strasbourg,,li,,open,2024-05-15,,
2,Write,2024-05-strasbourg,,,,done,2024-05-15,2024-06-01,"a ""quoted"" note"
3,Plan,2024-05-strasbourg,,,,open,2024-05-15,,
EOF

# Refusals found only once the table has been read: nothing changes,
# and no temporary file is left behind.
snapshot big

t 'an unknown id, found at the end of the table: exit 3, nothing written' \
  'sc-followups -D big done 5 999999999'
status 3
err 'sc-followups: unknown follow-up '"'"'999999999'"'"''
unchanged big

t 'a --due that is no date: exit 2 before the table is read, nothing written' \
  'sc-followups -D big set 5 7 --due 2025-13-01'
status 2
err_has '--due'
unchanged big

printf '%s\n' '4,Mail,2024-05-strasbourg,,,2024-13-01,open,2024-05-15,,' \
    >>"$T/nc/followups.csv"
snapshot nc

t 'a row named that is invalid, found as the table streams by: exit 3, nothing written, no temporary file' \
  'sc-followups -D nc set 1 4 --owner sam; s=$?; ls -A nc | grep -c "\.sc-"; exit $s'
status 3
out <<'EOF'
0
EOF
err_has 'nc/followups.csv:5: due: invalid date'
unchanged nc

seed_dir twice
printf '%s\n' 'id,action,event,city,owner,due,status,created,closed,notes' \
    'k7q2m9,a,2024-05-strasbourg,,,,open,2024-01-01,,' \
    'k7q2ma,b,2024-05-strasbourg,,,,open,2024-01-01,,' \
    'k7q2m9,c,2024-05-strasbourg,,,,open,2024-01-01,,' >"$T/twice/followups.csv"
snapshot twice

t 'an id two rows have, found as the table streams by: neither changes' \
  'sc-followups -D twice done k7q2m9'
status 3
err 'sc-followups: twice/followups.csv:4: follow-up k7q2m9 is also on line 2; '"'"'sc-followups check'"'"' names such rows'
unchanged twice

t 'a prefix of two ids, found as the table streams by: ambiguous, nothing written' \
  'sc-followups -D twice done k7q2'
status 3
err 'sc-followups: follow-up id '"'"'k7q2'"'"' is ambiguous: k7q2m9, k7q2m9, k7q2ma; give more of it
sc-followups: twice/followups.csv:4: follow-up k7q2m9 is also on line 2; '"'"'sc-followups check'"'"' names such rows'
unchanged twice

t 'a prefix of one id' \
  'sc-followups -D twice done K7Q2MA --on 2024-06-01 && cut -d, -f1,7 twice/followups.csv'
out <<'EOF'
id,status
k7q2m9,open
k7q2ma,done
k7q2m9,open
EOF

t 'no temporary file is left by the refused writes' \
  'ls -A big twice | grep -c "\.sc-"'
status 1
out <<'EOF'
0
EOF
