# t-tty.sh: tables that fit the terminal.  A real terminal is captured
# with script(1) (util-linux): "stty cols N" sets its width, so that
# TIOCGWINSZ reports it; $COLUMNS is read only when a terminal reports
# no width (stty cols 0).  widest.py measures what a person sees: the
# widest line in display columns (wide CJK characters two, combining
# marks none).

TTY_PY=/usr/bin/python3
export TTY_PY

cat >"$T/widest.py" <<'EOF'
import sys, unicodedata
def width(s):
    n = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return n
lines = sys.stdin.buffer.read().decode("utf-8").replace("\r\n", "\n").split("\n")
print(max(width(l) for l in lines))
EOF

# tty WIDTH COMMAND: COMMAND's output on a terminal WIDTH columns wide,
# its CRLF line ends made LF.
cat >"$T/tty" <<'EOF'
#!/bin/sh
w=$1
shift
script -qec "stty cols $w; $*" /dev/null | tr -d '\r'
EOF
chmod +x "$T/tty"

seed_dir d

# --- the seeds at 80 columns -------------------------------------------------

t 'sc-cities list on an 80-column terminal: cut to fit, the cut cells end in …' \
  './tty 80 sc-cities -D d list'
out <<'X'
id        name      c…  regi…  status    joined    via      n…  lat      lon
fr-stra…  Strasbo…  FR         member                           48.584   7.746
fr-cern…  Cernay    FR         introdu…  2024-05…  2024-0…      47.810   7.177
fr-dijon  Dijon     FR         introdu…  2024-05…  2024-0…      47.317   5.017
fr-mitt…  Mittelh…  FR         introdu…  2024-05…  2024-0…      48.614   7.690
fr-mont…  Montpel…  FR         introdu…  2024-05…  2024-0…      43.611   3.877
gr-kala…  Kalamar…  GR         introdu…  2024-05…  2024-0…      40.583   22.950
gr-kord…  Kordeli…  GR         introdu…  2024-05…  2024-0…      40.671   22.908
es-murc…  Murcia    ES         introdu…  2024-05…  2024-0…      37.987   -1.130
us-colu…  Columbus  US  US-OH  prospect                         39.961   -82.999
za-cape…  Cape To…  ZA         prospect                         -33.926  18.423
X

t 'sc-followups list on an 80-column terminal: headings cut before values, dates whole' \
  './tty 80 sc-followups -D d list'
out <<'X'
id  action      event       city        ow…  due      sta…  created     cl…  no…
1   Invite to…  2024-05-s…  fr-cernay                 open  2024-05-15
2   Invite to…  2024-05-s…  fr-dijon                  open  2024-05-15
3   Invite to…  2024-05-s…  fr-mittel…                open  2024-05-15
4   Invite to…  2024-05-s…  fr-montpe…                open  2024-05-15
5   Invite to…  2024-05-s…  gr-kalama…                open  2024-05-15
6   Invite to…  2024-05-s…  gr-kordel…                open  2024-05-15
7   Invite to…  2024-05-s…  es-murcia                 open  2024-05-15
8   Inform th…  2024-05-s…  us-columb…       2024-09  open  2024-05-15
9   Inform th…  2024-05-s…  za-cape-t…       2024-12  open  2024-05-15
10  Integrate…  2024-05-s…                            open  2024-05-15
11  Partner w…  2024-05-s…                            open  2024-05-15
12  Feed the …  2024-05-s…                            open  2024-05-15
13  Publish a…  2024-05-s…                            open  2024-05-15
14  Publish a…  2024-05-s…                            open  2024-05-15
X

for w in 80 60 40; do
	for cmd in 'sc-cities -D d list' 'sc-followups -D d list --all' \
	    'sc-events -D d list' 'sc-events -D d partners 2024-05-strasbourg' \
	    'sc-cities -D d list -o table -c name,via'; do
		t "$cmd on a $w-column terminal: no line wider than $w" \
		  "./tty $w $cmd | \"\$TTY_PY\" widest.py | awk '{ print (\$1 <= $w) }'"
		out <<'X'
1
X
	done
done

t 'a terminal wide enough: the table whole, as piped' \
  './tty 200 sc-followups -D d list >a && sc-followups -D d list -o table >b && cmp a b && echo same'
out <<'X'
same
X

# --- piped, -W, and $COLUMNS ------------------------------------------------

t 'piped, -o table keeps every byte: the longest action whole' \
  'sc-followups -D d list -o table | grep -c "Partner with the workshop'"'"'s city officials on City Spotlights of their prevention efforts"'
out <<'X'
1
X

t 'piped, $COLUMNS does not apply: the table is the same' \
  'sc-cities -D d list -o table >a && COLUMNS=40 sc-cities -D d list -o table >b && cmp a b && ! grep -q … a && echo same'
out <<'X'
same
X

t '-W on a terminal: the table whole, as piped' \
  './tty 80 sc-cities -D d list -W >a && sc-cities -D d list -o table >b && cmp a b && echo same'
out <<'X'
same
X

t '--wide, the long form, on a terminal: the table whole, wider than the terminal' \
  './tty 80 sc-followups -D d list --wide >a && sc-followups -D d list -o table >b && cmp a b && "$TTY_PY" widest.py <a'
out <<'X'
185
X

t '--wide where no table is written changes nothing' \
  'sc-events -D d list --wide -c id -H'
out <<'X'
2024-05-strasbourg
2024-09-columbus
2024-12-cape-town
X

t 'a terminal that reports no width: $COLUMNS is its width' \
  './tty 0 COLUMNS=50 sc-cities -D d list | "$TTY_PY" widest.py | awk "{ print (\$1 <= 50 && \$1 > 40) }"'
out <<'X'
1
X

t 'a terminal that reports no width, and no $COLUMNS: the table whole' \
  './tty 0 env -u COLUMNS sc-cities -D d list | grep -c "fr-mittelhausbergen  Mittelhausbergen"'
out <<'X'
1
X

t 'a $COLUMNS that is no number is not a width' \
  './tty 0 COLUMNS=wide sc-cities -D d list -c id -H | head -2'
out <<'X'
fr-strasbourg
fr-cernay
X

# --- cut at a character, never inside one -----------------------------------

seed_dir u
DECOMP=$(printf 'Montre\314\201al-Nord')
{
	printf 'jp-shibuya,東京都渋谷区恵比寿南,JP,,prospect,,,,,\n'
	printf 'ca-montreal-nord,%s,CA,,prospect,,,,,\n' "$DECOMP"
	printf 'fr-eze,Èze-sur-Mer-et-Village,FR,,prospect,,,,,\n'
} >>"$T/u/cities.csv"

t 'a wide CJK character is never split: cut to 9 columns, four characters and …' \
  './tty 20 sc-cities -D u list -c name,id --country JP'
out <<'X'
name       id
東京都渋…  jp-shibu…
X

t 'the column is as wide as its widest cut cell: 10 columns hold four CJK characters and …, one column of padding' \
  './tty 21 sc-cities -D u list -c name,id --country JP | "$TTY_PY" widest.py'
out <<'X'
21
X

t 'a letter and its combining accent stay together: Montré…' \
  './tty 11 sc-cities -D u list -c name,country --country CA'
out <<X
name     c…
$(printf 'Montre\314\201')…  CA
X

t 'the accent is the combining one, kept whole (U+0301 after the e)' \
  './tty 7 sc-cities -D u list -c name -H --country CA | od -An -c | tr -s " " | head -1'
out <<'X'
 M o n t r e 314 201 342 200 246 \n
X

t 'a precomposed accent is one character: Èze-sur-…' \
  './tty 18 sc-cities -D u list -c name,country --country FR | grep Èze'
out <<'X'
Èze-sur-Mer…  FR
X

t 'a control character is shown (\e) before the width is measured, and cut as text' \
  'printf "fr-esc,%sEscape City Long,FR,,prospect,,,,,\n" "$(printf "\033[2J")" >>u/cities.csv && ./tty 20 sc-cities -D u list -c name,id -H --country FR | grep "^\\\\e"'
out <<'X'
\e[2JEsc…  fr-esc
X

# --- show -------------------------------------------------------------------

t 'sc-events show on a 60-column terminal: the lists cut to fit, the fields whole' \
  './tty 60 sc-events -D d show 2024-05-strasbourg | sed -n "2p;21,24p"'
out <<'X'
name       Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy
partners:
follow-ups:
  id  stat…  due      city             own…  action
  1   open            Cernay                 Invite to futu…
X

t 'sc-cities show on a 60-column terminal: the events list fits' \
  './tty 60 sc-cities -D d show dijon | sed -n "/^events:/,\$p"'
out <<'X'
events:
  event             role         start       name
  2024-05-strasbo…  participant  2024-05-14  Transatlantic …
follow-ups:
  id  status  due  owner  action
  2   open                Invite to future city-to-city lea…
X

t 'sc-events show -W on a terminal: the lists whole' \
  './tty 60 sc-events -D d show 2024-05-strasbourg -W | grep -c "Partner with the workshop'"'"'s city officials on City Spotlights of their prevention efforts"'
out <<'X'
1
X

t 'sc-events show, piped: the lists whole, aligned' \
  'sc-events -D d show 2024-05-strasbourg | sed -n "21,24p;34p"'
out <<'X'
partners:
follow-ups:
  id  status  due      city              owner  action
  1   open             Cernay                   Invite to future city-to-city learning
  11  open                                      Partner with the workshop's city officials on City Spotlights of their prevention efforts
X
