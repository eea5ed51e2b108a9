# t-schema.sh: what the schema says once (allowed values, references,
# keys) holds alike in every tool: option values, rm's refusal, removal,
# and check.

# --- allowed values of options --------------------------------------------

t 'an empty --status is a usage error in sc-cities' 'sc-cities --status ""'
status 2
err 'sc-cities: --status: want one or more of prospect, introduced, member, former'

t 'an empty --status is a usage error in sc-events' 'sc-events --status ,'
status 2
err 'sc-events: --status: want one or more of planned, held, cancelled'

t 'an empty --status is a usage error in sc-followups' 'sc-followups --status ""'
status 2
err 'sc-followups: --status: want one or more of open, done, cancelled'

t 'each value of a list is checked: the second is named' \
  'sc-events cities 2024-05-strasbourg --role host,chair'
status 2
err "sc-events: --role: 'chair' is not one of host, participant, speaker"

t 'a single-value option takes no list' \
  'sc-events attend 2024-05-strasbourg fr-dijon --role host,speaker'
status 2
err "sc-events: --role: 'host,speaker' is not one of host, participant, speaker"

t 'the values check allows, the filters allow' \
  'sc-cities --status member,former -o csv -H -c id; sc-followups --status done,cancelled -o csv -H -c id | wc -l'
out <<'X'
fr-strasbourg
0
X
