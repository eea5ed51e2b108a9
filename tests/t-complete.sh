# t-complete.sh: shell completion, from the tools' own rows.  The bash
# function is driven with COMP_WORDS and COMP_CWORD, as bash would; the
# zsh and fish scripts are checked for syntax.

mkdir -p "$T/net"
cat >"$T/net/cities.csv" <<'X'
id,name,country,region,status,joined,via,notes
fr-lyon,Lyon,FR,,member,,,
fr-lille,Lille,FR,,prospect,,,
de-bonn,Bonn,DE,,introduced,,,
X
cat >"$T/net/events.csv" <<'X'
id,name,series,kind,start,end,city,status,url,notes
2024-05-lyon,Lyon meeting,,,2024-05-14,2024-05-15,fr-lyon,held,,
X
cat >"$T/net/followups.csv" <<'X'
id,action,event,city,owner,due,status,created,closed,notes
k3f9,Call,,fr-lyon,,,open,2024-05-15,,
m2xq,Write,,fr-lille,,,done,2024-05-15,2024-05-20,
p7aa,Visit,,de-bonn,,,open,2024-05-15,,
X
printf 'event,city,role,notes\n' >"$T/net/attendance.csv"
printf 'event,organisation,sector,notes\n' >"$T/net/partners.csv"

# comp TOOL CWORD WORD...: COMPREPLY, one a line, as the bash function
# leaves it for those words with the cursor on word CWORD.
cat >"$T/comp.sh" <<'X'
tool=$1 cword=$2
shift 2
eval "$("$tool" completion bash)"
COMP_WORDS=("$tool" "$@")
COMP_CWORD=$cword
"_${tool//-/_}"
[ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}"
X

t 'bash: the verbs, from the rows' \
  'bash comp.sh sc-cities 1 s'
out <<'X'
show
set
X

t 'bash: the options that apply to the verb typed' \
  'bash comp.sh sc-cities 2 rm --f'
out <<'X'
--force
X

t 'bash: an option of another verb is not offered' \
  'bash comp.sh sc-cities 2 show --f'
out <<'X'
X

t 'bash: --dry-run only with a verb that writes' \
  'bash comp.sh sc-cities 2 list --dr; echo -; bash comp.sh sc-cities 2 set --dr'
out <<'X'
-
--dry-run
X

t 'bash: --status in<TAB> is introduced' \
  'bash comp.sh sc-cities 3 list --status in'
out <<'X'
introduced
X

t 'bash: --status=in<TAB> (bash splits at =) is introduced' \
  'bash comp.sh sc-cities 4 list --status = in'
out <<'X'
introduced
X

t 'bash: a list of values goes on after the comma' \
  'bash comp.sh sc-cities 3 list --status member,pro'
out <<'X'
member,prospect
X

t 'bash: -o offers the formats' \
  'bash comp.sh sc-events 2 -o t'
out <<'X'
tsv
table
text
X

t 'bash: --country offers the ISO 3166 codes' \
  'bash comp.sh sc-cities 3 list --country G | tr "\n" " "; echo'
out <<'X'
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY 
X

t 'bash: show offers city ids from -D DIR' \
  'bash comp.sh sc-cities 4 -D net show fr-'
out <<'X'
fr-lyon
fr-lille
X

t 'bash: ... and from $SC_DATA' \
  'SC_DATA=net bash comp.sh sc-cities 2 rm d'
out <<'X'
de-bonn
X

t 'bash: -DDIR in one word, and after the verb' \
  'bash comp.sh sc-cities 3 set -Dnet fr-ly; bash comp.sh sc-cities 4 set fr-lyon --data=net d'
out <<'X'
fr-lyon
de-bonn
X

t 'bash: sc-events show offers event ids' \
  'bash comp.sh sc-events 4 -D net show ""'
out <<'X'
2024-05-lyon
X

t 'bash: attend EVENT CITY...: an event, then cities' \
  'bash comp.sh sc-events 4 -D net attend ""; bash comp.sh sc-events 5 -D net attend 2024-05-lyon de'
out <<'X'
2024-05-lyon
de-bonn
X

t 'bash: an option that names an event offers event ids' \
  'bash comp.sh sc-cities 5 -D net list --attended 2'
out <<'X'
2024-05-lyon
X

t 'bash: done offers the open follow-ups, as the table has them' \
  'bash comp.sh sc-followups 4 -D net done ""'
out <<'X'
k3f9
p7aa
X

t 'bash: reopen offers the closed ones' \
  'bash comp.sh sc-followups 4 -D net reopen ""'
out <<'X'
m2xq
X

t 'bash: completion offers the shells' \
  'bash comp.sh sc-events 2 completion ""'
out <<'X'
bash
zsh
fish
X

t 'bash: after --, no options' \
  'bash comp.sh sc-cities 5 -D net show -- --f'
out <<'X'
X

t 'bash: a data directory that is not one offers nothing, quietly' \
  'bash comp.sh sc-cities 4 -D nowhere show ""'
out <<'X'
X

t '__complete: the word under the cursor may be --opt=value' \
  'sc-cities __complete list --status=m'
out <<'X'
--status=member
X

t '__complete: no words is the verbs' \
  'sc-followups __complete'
out <<'X'
list
add
done
cancel
reopen
set
report
check
completion
X

t 'completion: an unknown shell is a usage error' \
  'sc-cities completion tcsh'
status 2
err "sc-cities: completion: bash, zsh or fish, not 'tcsh'"

t 'completion: needs the shell' \
  'sc-cities completion'
status 2
err_has 'completion needs bash|zsh|fish'

t 'bash: each tool'"'"'s script is valid bash' \
  'for p in sc-cities sc-events sc-followups; do $p completion bash | bash -n || echo $p; done'

t 'zsh: each tool'"'"'s script is valid zsh' \
  'for p in sc-cities sc-events sc-followups; do $p completion zsh >_$p && zsh -n _$p || echo $p; done'

if command -v fish >/dev/null 2>&1; then
t 'fish: each tool'"'"'s script is valid fish' \
  'for p in sc-cities sc-events sc-followups; do $p completion fish | fish -n || echo $p; done'
fi

t 'bash: -c offers the columns of the table list prints, after a comma too' \
  'bash comp.sh sc-cities 3 list -c id,co'
out <<'X'
id,country
X

t 'bash: --sort offers the columns, and -COL for descending' \
  'bash comp.sh sc-events 2 --sort st; bash comp.sh sc-followups 2 --sort -du'
out <<'X'
start
status
-due
X

t 'completion: needs no data directory, even a wrong $SC_DATA' \
  'for p in sc-cities sc-events sc-followups; do SC_DATA=/nonexistent $p completion fish | grep -c "^complete -c $p "; done'
out <<'X'
1
1
1
X
