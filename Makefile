# sc: a record of a network of cities, kept as CSV files.
.POSIX:

VERSION = 0.1.0
PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
SEEDDIR = $(PREFIX)/share/sc/seeds
GEODIR = $(PREFIX)/share/sc

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
	lib/rd.o lib/tsv.o \
	lib/store.o lib/check.o lib/skip.o lib/start.o lib/date.o lib/fold.o \
	lib/iso3166.o lib/cli.o lib/merge.o lib/geo.o lib/svg.o lib/worldmap.o \
	lib/near.o lib/verbs.o \
	lib/tidy.o lib/decode.o lib/sheetdate.o lib/grid.o lib/witness.o \
	lib/gitshow.o lib/city.o lib/evreport.o lib/report.o lib/emit.o
SEEDS = seeds/cities.csv seeds/events.csv seeds/attendance.csv \
	seeds/partners.csv seeds/followups.csv
MAN1 = man/sc-cities.1 man/sc-events.1 man/sc-followups.1
MAN7 = man/sc.7
GAZETTEER = data/gazetteer.tsv

all: $(PROGS)

.SUFFIXES: .c .o
.c.o:
	$(CC) $(SC_CFLAGS) $(CFLAGS) $(CPPFLAGS) -c -o $@ $<

$(LIBOBJ) lib/seeds.o: lib/sc.h
lib/rd.o lib/csv.o lib/tsv.o: lib/rd.h
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

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(SEEDDIR) $(DESTDIR)$(GEODIR)
	cp $(PROGS) $(DESTDIR)$(BINDIR)/
	cp $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	cp $(MAN7) $(DESTDIR)$(MANDIR)/man7/
	cp $(SEEDS) $(DESTDIR)$(SEEDDIR)/
	cp $(GAZETTEER) $(DESTDIR)$(GEODIR)/

uninstall:
	cd $(DESTDIR)$(BINDIR) && rm -f $(PROGS)
	cd $(DESTDIR)$(MANDIR)/man1 && rm -f sc-cities.1 sc-events.1 sc-followups.1
	rm -f $(DESTDIR)$(MANDIR)/man7/sc.7
	cd $(DESTDIR)$(SEEDDIR) && rm -f cities.csv events.csv attendance.csv \
	    partners.csv followups.csv
	rm -f $(DESTDIR)$(GEODIR)/gazetteer.tsv
	-rmdir $(DESTDIR)$(SEEDDIR) $(DESTDIR)$(PREFIX)/share/sc

clean:
	rm -f $(PROGS) libsc.a lib/*.o cmd/*.o tests/*.o tests/unit-lib \
	    tests/fnv-collide tests/norandom tests/geo-try \
	    lib/seeds.c lib/seeds.c.tmp
	rm -rf tests/tmp bench/tmp

.PHONY: all check bench fuzz sanitize valgrind lint install uninstall clean
