# t-cities.sh: sc-cities, verb by verb, and its failure paths.

t 'list: the seed cities, as CSV when stdout is not a terminal' \
  'sc-cities | head -3'
out <<'X'
id,name,country,region,status,joined,via,notes
fr-strasbourg,Strasbourg,FR,,member,,,
fr-cernay,Cernay,FR,,introduced,2024-05-15,2024-05-strasbourg,
X

t 'list --via: the seven cities the Strasbourg workshop introduced' \
  'sc-cities list --via 2024-05-strasbourg -o json | jq -r .name'
out <<'X'
Cernay
Dijon
Mittelhausbergen
Montpellier
Kalamaria
Kordelio-Evosmos
Murcia
X
