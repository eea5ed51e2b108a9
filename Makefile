# sc: a record of a network of cities, kept as CSV files.
.POSIX:

VERSION = 0.1.0
PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
SEEDDIR = $(PREFIX)/share/sc/seeds
GEODIR = $(PREFIX)/share/sc
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d

CC = cc
CFLAGS = -O2 -g
WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wpointer-arith -Wwrite-strings -Wformat=2
SC_CFLAGS = -std=c11 $(WARNINGS) -D_POSIX_C_SOURCE=200809L \
	-DVERSION='"$(VERSION)"' -DSEEDDIR='"$(SEEDDIR)"' \
	-DGEODIR='"$(GEODIR)"' -Ilib
LDLIBS = -lcsv -lutf8proc -lm

PROGS = sc-cities sc-events sc-followups
LIBOBJ = lib/err.o lib/mem.o lib/hash.o lib/csv.o lib/out.o lib/table.o \
	lib/rd.o lib/tsv.o lib/jsonl.o \
	lib/store.o lib/rewrite.o lib/check.o lib/skip.o lib/start.o lib/date.o lib/fold.o \
	lib/iso3166.o lib/cli.o lib/merge.o lib/geo.o lib/svg.o lib/worldmap.o \
	lib/near.o lib/verbs.o \
	lib/tidy.o lib/decode.o lib/sheetdate.o lib/grid.o lib/witness.o \
	lib/gitshow.o lib/city.o lib/evreport.o lib/report.o lib/emit.o \
	lib/ids.o lib/init.o lib/complete.o lib/sortrows.o lib/ics.o
SEEDS = seeds/cities.csv seeds/events.csv seeds/attendance.csv \
	seeds/partners.csv seeds/followups.csv
MAN1 = man/sc-cities.1 man/sc-events.1 man/sc-followups.1
MAN7 = man/sc.7
GAZETTEER = data/gazetteer.tsv
DOCDIR = docs
# The pictures in the README: the seeds as they stood on this day.
DOCS_TODAY = 2024-06-01
# The shells' completion scripts, printed by the tools themselves.
COMPLETIONS = completions/stamp

all: $(PROGS) $(COMPLETIONS)

$(COMPLETIONS): $(PROGS)
	mkdir -p completions
	for p in $(PROGS); do \
	    ./$$p completion bash > completions/$$p.bash && \
	    ./$$p completion zsh > completions/_$$p && \
	    ./$$p completion fish > completions/$$p.fish || exit 1; \
	done
	touch $@

.SUFFIXES: .c .o
.c.o:
	$(CC) $(SC_CFLAGS) $(CFLAGS) $(CPPFLAGS) -c -o $@ $<

$(LIBOBJ) lib/seeds.o: lib/sc.h
lib/rd.o lib/csv.o lib/tsv.o lib/jsonl.o: lib/rd.h
lib/csv.o lib/tsv.o: lib/scan.h

libsc.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

lib/seeds.c: $(SEEDS) tools/embed-seeds.sh
	sh tools/embed-seeds.sh $(SEEDS) > $@.tmp && mv $@.tmp $@

sc-cities: cmd/sc-cities.o libsc.a lib/seeds.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ cmd/sc-cities.o lib/seeds.o libsc.a $(LDLIBS)
sc-events: cmd/sc-events.o libsc.a lib/seeds.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ cmd/sc-events.o lib/seeds.o libsc.a $(LDLIBS)
sc-followups: cmd/sc-followups.o libsc.a lib/seeds.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ cmd/sc-followups.o lib/seeds.o libsc.a $(LDLIBS)
cmd/sc-cities.o cmd/sc-events.o cmd/sc-followups.o: lib/sc.h

tests/unit-lib: tests/unit-lib.o tests/collide.o libsc.a lib/seeds.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit-lib.o tests/collide.o \
	    lib/seeds.o libsc.a $(LDLIBS)
tests/fnv-collide: tests/fnv-collide.o tests/collide.o libsc.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ tests/fnv-collide.o tests/collide.o \
	    libsc.a $(LDLIBS)
tests/norandom: tests/norandom.o libsc.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ tests/norandom.o libsc.a $(LDLIBS)
tests/unit-lib.o tests/collide.o tests/fnv-collide.o: lib/sc.h tests/collide.h
tests/norandom.o: lib/sc.h
tests/geo-try: tests/geo-try.o libsc.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ tests/geo-try.o libsc.a $(LDLIBS)
tests/geo-try.o: lib/sc.h

TESTPROGS = tests/unit-lib tests/fnv-collide tests/norandom tests/geo-try
check: all $(TESTPROGS)
	sh tests/run.sh

bench: all
	sh bench/run.sh

fuzz:
	sh tests/fuzz/run.sh

sanitize:
	sh tools/sanitize.sh

valgrind:
	sh tools/valgrind-check.sh

lint:
	mandoc -T lint -W warning $(MAN1) $(MAN7)

# The README's pictures, drawn from the seeds compiled into the binaries;
# tests/t-locate.sh checks that the committed ones are current.
docs: all
	mkdir -p $(DOCDIR)
	SC_DATA= SC_TODAY=$(DOCS_TODAY) ./sc-cities list -o svg \
	    >$(DOCDIR)/cities.svg.tmp
	mv $(DOCDIR)/cities.svg.tmp $(DOCDIR)/cities.svg
	SC_DATA= SC_TODAY=$(DOCS_TODAY) ./sc-events list -o svg \
	    >$(DOCDIR)/events.svg.tmp
	mv $(DOCDIR)/events.svg.tmp $(DOCDIR)/events.svg

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(SEEDDIR) $(DESTDIR)$(GEODIR)
	cp $(PROGS) $(DESTDIR)$(BINDIR)/
	cp $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	cp $(MAN7) $(DESTDIR)$(MANDIR)/man7/
	cp $(SEEDS) $(DESTDIR)$(SEEDDIR)/
	cp $(GAZETTEER) $(DESTDIR)$(GEODIR)/
	mkdir -p $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
	    $(DESTDIR)$(FISHCOMPDIR)
	for p in $(PROGS); do \
	    cp completions/$$p.bash $(DESTDIR)$(BASHCOMPDIR)/$$p && \
	    cp completions/_$$p $(DESTDIR)$(ZSHCOMPDIR)/_$$p && \
	    cp completions/$$p.fish $(DESTDIR)$(FISHCOMPDIR)/$$p.fish || \
	    exit 1; \
	done

uninstall:
	cd $(DESTDIR)$(BINDIR) && rm -f $(PROGS)
	cd $(DESTDIR)$(MANDIR)/man1 && rm -f sc-cities.1 sc-events.1 sc-followups.1
	rm -f $(DESTDIR)$(MANDIR)/man7/sc.7
	cd $(DESTDIR)$(SEEDDIR) && rm -f cities.csv events.csv attendance.csv \
	    partners.csv followups.csv
	rm -f $(DESTDIR)$(GEODIR)/gazetteer.tsv
	for p in $(PROGS); do \
	    rm -f $(DESTDIR)$(BASHCOMPDIR)/$$p $(DESTDIR)$(ZSHCOMPDIR)/_$$p \
	    $(DESTDIR)$(FISHCOMPDIR)/$$p.fish; \
	done
	-rmdir $(DESTDIR)$(SEEDDIR) $(DESTDIR)$(PREFIX)/share/sc

clean:
	rm -f $(PROGS) libsc.a lib/*.o cmd/*.o tests/*.o tests/unit-lib \
	    tests/fnv-collide tests/norandom tests/geo-try \
	    lib/seeds.c lib/seeds.c.tmp
	rm -rf tests/tmp bench/tmp completions

.PHONY: all check bench fuzz sanitize valgrind lint docs install uninstall \
	clean
