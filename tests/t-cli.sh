# t-cli.sh: the command line as lib/cli.c reads it from the tools' rows of
# verbs and options, and --help as it prints it from the same rows.

# --- --help from the rows ---------------------------------------------------

for tool in sc-cities sc-events sc-followups; do
	t "$tool --help: no line wider than 79 columns" \
	  "$tool --help | awk 'length(\$0) > 79'"
	out <<'X'
X

	t "$tool --help: every option it lists is in $tool(1)" \
	  "$tool --help | sed -n 's/^  \(-., \)\{0,1\} *--\([a-z-]*\).*/\2/p' |
	  while read -r o; do
		grep -q -e \"Fl -\$o\\>\" -e \", -\$o\\>\" '$TOP/man/$tool.1' ||
		    echo \"--\$o\"
	  done"
	out <<'X'
X

	t "$tool --help: every verb it lists is in $tool(1)" \
	  "$tool --help | sed -n '/^Verbs:/,/^\$/s/^  \([a-z][a-z-]*\).*/\1/p' |
	  while read -r v; do
		grep -q \"^\.It Cm \$v\\>\" '$TOP/man/$tool.1' || echo \"\$v\"
	  done"
	out <<'X'
X
done

t '--help: each verb with what it takes, then the options it takes' \
  'sc-cities --help | sed -n "/^  import/,/^  check/p"'
out <<'X'
  import FILE|-        add the cities of a CSV, TSV or JSON Lines file
    --status S  --via EVENT  --joined DATE  --map COL=SRCCOL...
    --skip-invalid  --encoding ENC  --delimiter SEP
  check                validate cities.csv and its references
X

t '--help: an optional value in brackets, a repeatable one with ...' \
  'sc-events --help | grep -e "^      --upcoming" -e "^      --field"'
out <<'X'
      --upcoming [DUR]    it starts from today on (within DUR: 90d, P4M)
      --field COL=V...    any column, one a user added too
X

t '--help: the common options, -o with the formats of the tool' \
  'sc-followups --help | grep -e "^  -o" -e "^  -D"'
out <<'X'
  -D, --data DIR          the data directory (default $SC_DATA, or the seeds)
  -o, --output FMT        csv, tsv, json, table, ics; report: text, md, json
X

t '--help: a verb with a long synopsis has its help on the next line' \
  'sc-events --help | grep -A1 "^  partner "'
out <<'X'
  partner EVENT ORGANISATION
                       a partner organisation came to the event
X

# --- the optional value of --upcoming and --past ----------------------------

t 'optional value: after --, a duration is an operand' \
  'sc-events list --upcoming -- 90d'
status 2
err "sc-events: unexpected argument '90d': list takes no arguments"

t 'optional value: a word after the duration it took is a stray' \
  'sc-events list --upcoming 120d extra'
status 2
err "sc-events: unexpected argument 'extra' after '--upcoming 120d': an option's value is one word (quote a value that has spaces)"

t 'optional value: the last one given wins, bare or not' \
  'sc-events list --upcoming=120d --upcoming -cid -H && echo -- && sc-events list --upcoming --upcoming 120d -cid -H'
out <<'X'
2024-09-columbus
2024-12-cape-town
--
2024-09-columbus
X

t 'optional value: --past abbreviated, its duration the next word' \
  'sc-events list --pa 3w -c id -H'
out <<'X'
2024-05-strasbourg
X

t 'optional value: an option that does not apply is named before its value is read' \
  'sc-events show 2024-05-strasbourg --upcoming=bad'
status 2
err 'sc-events: --upcoming does not apply to show'

t 'optional value: a duration is not taken after a flag that takes none' \
  'sc-events list -H 90d'
status 2
err "sc-events: unexpected argument '90d' after '-H'"

# --- words, values and clusters ----------------------------------------------

t 'words: after --, an option is an operand' 'sc-cities list -- --country'
status 2
err "sc-cities: unexpected argument '--country': list takes no arguments"

t 'words: a lone - is an operand' 'sc-cities list -'
status 2
err "sc-cities: unexpected argument '-': list takes no arguments"

t 'words: options after the verb and before it, with POSIXLY_CORRECT set' \
  'POSIXLY_CORRECT=1 sc-cities -c id list --country GR -H'
out <<'X'
gr-kalamaria
gr-kordelio-evosmos
X

t 'words: a value that starts with - is the value of the option before it' \
  'sc-cities list --name -x -c id; echo $?'
out <<'X'
id
0
X

seed_dir clidir
snapshot clidir
t 'words: --opt=VALUE with = in the value, for a repeatable option' \
  'sc-cities -D clidir -n set fr-dijon --field=notes=a=b -c id,notes'
out <<'X'
id,notes
fr-dijon,a=b
X
unchanged clidir

t 'words: a cluster of flags, then a short option with its value attached' \
  'sc-cities -Hcid,country list --country GR'
out <<'X'
gr-kalamaria,GR
gr-kordelio-evosmos,GR
X

t 'words: a cluster that ends in an option with no value' 'sc-cities -Hc'
status 2
err "sc-cities: option '-c' needs a value"

t 'words: an exact name wins over the longer names it begins' \
  'printf "id,name,country,status\nfr-x,X,FR,member\n" | sc-cities --input - -c id -H'
out <<'X'
fr-x
X

t 'words: a unique prefix of a common option' \
  'printf "id\tname\tcountry\tstatus\nfr-x\tX\tFR\tmember\n" | sc-cities --input-f tsv -i - -c name -H'
out <<'EOF'
X
EOF

t 'words: = in a short option is its value' 'sc-cities -c=id -H --country GR'
status 2
err_has "sc-cities: unknown column '=id'"

t 'words: --help stops nothing but the verb: a bad option is still named' \
  'sc-cities --help --frobnicate'
status 2
err "sc-cities: unknown option '--frobnicate' (try --help)"

t 'words: --version ignores the verb and its arguments' \
  'sc-events --version nonsense more'
out <<'X'
sc-events 0.1.0
X
