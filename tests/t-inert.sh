# t-inert.sh: what reaches a person is inert (sc(7), TEXT FOR PEOPLE).
# Hostile values (ESC[2J, an OSC 8 link, BEL, U+202E, U+0085, U+200B) in
# tables that came from elsewhere are shown visibly by show, -o table,
# report and every message, and reach no terminal raw; csv, tsv and json
# stay byte for byte what the tables hold; the writes refuse such values
# where they have no place.  Then --safe with tsv, and names folded alike
# for matching, duplicates and slugs (Łódź, Diyarbakır).


# --- --safe with tsv ------------------------------------------------------

seed_dir s
sc-cities -D "$T/s" add Formula --country FR --notes '=1+1' >/dev/null
sc-cities -D "$T/s" add Minus --country FR --notes '-2' >/dev/null
t '--safe defuses formulas in tsv, whole rows' \
  'sc-cities -D s list -o tsv --safe | tail -2'
out <<'EOF'
fr-formula	Formula	FR		prospect			'=1+1
fr-minus	Minus	FR		prospect			'-2
EOF

t '--safe defuses formulas in tsv, chosen columns' \
  'sc-cities -D s list -o tsv --safe -c id,notes -H | tail -2'
out <<'EOF'
fr-formula	'=1+1
fr-minus	'-2
EOF

t 'without --safe tsv is as stored' \
  'sc-cities -D s list -o tsv -c notes -H | tail -2'
out <<'EOF'
=1+1
-2
EOF

# --- names fold alike for matching, duplicates and slugs -----------------

seed_dir f
sc-cities -D "$T/f" add 'Łódź' --country PL >/dev/null
sc-cities -D "$T/f" add 'Diyarbakır' --country TR >/dev/null
sc-cities -D "$T/f" add 'Þórshöfn' --country IS >/dev/null
sc-cities -D "$T/f" add 'Ærøskøbing' --country DK >/dev/null

t '--name lodz finds Łódź' 'sc-cities -D f list --name lodz -c id,name -H'
out <<'EOF'
pl-lodz,Łódź
EOF

t 'show diyarbakir finds Diyarbakır' \
  'sc-cities -D f show diyarbakir -o csv -c id -H'
out <<'EOF'
tr-diyarbakir
EOF

t '--name thorshofn finds Þórshöfn; aeroskobing finds Ærøskøbing' \
  'sc-cities -D f list --name thorshofn -c id -H; sc-cities -D f show aeroskobing -c id -H -o csv'
out <<'EOF'
is-thorshofn
dk-aeroskobing
EOF

t '--name ŁÓDŹ (capitals) finds Łódź' \
  'sc-cities -D f list --name ŁÓDŹ -c id -H'
out <<'EOF'
pl-lodz
EOF

snapshot f
t 'add Lodz is a duplicate of Łódź, exit 3' \
  'sc-cities -D f add Lodz --country PL'
status 3
err "sc-cities: f/cities.csv:12: 'Lodz' is already pl-lodz; use --force to add it anyway"
unchanged f

t 'add DIYARBAKIR is a duplicate of Diyarbakır' \
  'sc-cities -D f add DIYARBAKIR --country TR'
status 3
err "sc-cities: f/cities.csv:13: 'DIYARBAKIR' is already tr-diyarbakir; use --force to add it anyway"
unchanged f

t 'add Lodz --force adds it, with the next slug' \
  'sc-cities -D f add Lodz --country PL --force -c id -H'
out <<'EOF'
pl-lodz-2
EOF

printf '%s\n' 'name,country' 'Lodz,PL' 'Gdańsk,PL' >"$T/pl.csv"
t 'import skips Lodz as a duplicate of Łódź' \
  'sc-cities -D f import pl.csv && sc-cities -D f list --country PL -c id -H'
err 'sc-cities: import: 1 added, 1 skipped, 0 rejected'
out <<'EOF'
pl-lodz
pl-lodz-2
pl-gdansk
EOF

t 'partner: an organisation folded alike is the same partner' \
  'sc-events -D f partner 2024-05-strasbourg "Łódź Office" >/dev/null &&
   sc-events -D f partner 2024-05-strasbourg "LODZ office" --sector x >/dev/null &&
   sc-events -D f partners 2024-05-strasbourg -c organisation,sector -H | grep -i office'
out <<'EOF'
Łódź Office,x
EOF

t 'slugs are unchanged for the letters they spelt before' \
  'for n in Łódź Diyarbakır Straße Œuvre Ærø Þingvellir Đakovo Sæby Ħamrun; do
	sc-cities -D f add "$n" --country FR --force -n -c id -H
   done'
out <<'EOF'
fr-lodz
fr-diyarbakir
fr-strasse
fr-oeuvre
fr-aero
fr-thingvellir
fr-dakovo
fr-saeby
fr-hamrun
EOF
