# t-install.sh: make install and uninstall honour PREFIX and DESTDIR.

t 'make install puts binaries, man pages, seeds, gazetteer under DESTDIR/PREFIX' \
  'make -s -C "$TOP" install DESTDIR="$PWD/inst" PREFIX=/opt/sc >/dev/null && cd inst && find . -type f | sort'
out <<'X'
./opt/sc/bin/sc-cities
./opt/sc/bin/sc-events
./opt/sc/bin/sc-followups
./opt/sc/share/bash-completion/completions/sc-cities
./opt/sc/share/bash-completion/completions/sc-events
./opt/sc/share/bash-completion/completions/sc-followups
./opt/sc/share/fish/vendor_completions.d/sc-cities.fish
./opt/sc/share/fish/vendor_completions.d/sc-events.fish
./opt/sc/share/fish/vendor_completions.d/sc-followups.fish
./opt/sc/share/man/man1/sc-cities.1
./opt/sc/share/man/man1/sc-events.1
./opt/sc/share/man/man1/sc-followups.1
./opt/sc/share/man/man7/sc.7
./opt/sc/share/sc/gazetteer.tsv
./opt/sc/share/sc/seeds/attendance.csv
./opt/sc/share/sc/seeds/cities.csv
./opt/sc/share/sc/seeds/events.csv
./opt/sc/share/sc/seeds/followups.csv
./opt/sc/share/sc/seeds/partners.csv
./opt/sc/share/zsh/site-functions/_sc-cities
./opt/sc/share/zsh/site-functions/_sc-events
./opt/sc/share/zsh/site-functions/_sc-followups
X

t 'the installed completion scripts are what the tools print' \
  'cmp inst/opt/sc/share/bash-completion/completions/sc-events "$TOP/completions/sc-events.bash" && sc-followups completion zsh | cmp - inst/opt/sc/share/zsh/site-functions/_sc-followups && sc-cities completion fish | cmp - inst/opt/sc/share/fish/vendor_completions.d/sc-cities.fish'

t 'the installed gazetteer is the one in the source tree' \
  'cmp inst/opt/sc/share/sc/gazetteer.tsv "$TOP/data/gazetteer.tsv"'

t 'the installed seeds start a data directory that checks clean' \
  'mkdir -p net && cp inst/opt/sc/share/sc/seeds/*.csv net/ && inst/opt/sc/bin/sc-cities -D net check'

t 'make uninstall removes them all' \
  'make -s -C "$TOP" uninstall DESTDIR="$PWD/inst" PREFIX=/opt/sc >/dev/null 2>&1; find inst -type f | wc -l'
out <<'X'
0
X
