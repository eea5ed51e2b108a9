#!/bin/sh
# run.sh: builds the libFuzzer targets with clang (ASan and UBSan on) in a
# temporary directory, then runs each for FUZZ_SECONDS seconds (default
# 20).  Exits 1 when a target crashed, failed a check or leaked; the
# build, its corpus and the crashing inputs are then kept and named.
#
# Usage: sh tests/fuzz/run.sh [csv|tsv|jsonl|date|evreport]...
# Environment:
#   FUZZ_SECONDS  seconds per target (default 20)
#   FUZZ_OUT      build and keep everything here (default: a temporary
#                 directory, removed when nothing was found)
#   FUZZ_CC       the compiler (default clang); libFuzzer comes with it,
#                 on Debian in libclang-rt-NN-dev
#   FUZZ_ARGS     more libFuzzer options, e.g. -jobs=2 or -seed=1
#   FUZZ_CFLAGS   more compiler options: -DFUZZ_KNOWN_BUGS lets pass the
#                 differences already reported and not yet fixed
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
fz=$top/tests/fuzz
secs=${FUZZ_SECONDS:-20}
cc=${FUZZ_CC:-clang}
[ $# -gt 0 ] || set -- csv tsv jsonl date

if [ -n "${FUZZ_OUT:-}" ]; then
	work=$FUZZ_OUT
	keep=1
	mkdir -p "$work"
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/sc-fuzz.XXXXXX") || exit 4
	keep=0
fi
work=$(cd "$work" && pwd)

if ! command -v "$cc" >/dev/null 2>&1; then
	echo "fuzz: no $cc; install clang and libclang-rt-dev" >&2
	exit 4
fi

cflags="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
-fno-sanitize-recover=all -std=c11 -D_POSIX_C_SOURCE=200809L \
-DVERSION=\"fuzz\" -DSEEDDIR=\"/nonexistent\" -DSC_CHUNK=4096 -I$top/lib -I$fz \
${FUZZ_CFLAGS:-}"

build() {
	mkdir -p "$work/obj" &&
	# The seed tables, for store.c: generated here, not in the tree.
	sh "$top/tools/embed-seeds.sh" "$top"/seeds/*.csv >"$work/obj/seeds.c" &&
	objs= &&
	for c in "$top"/lib/*.c "$work/obj/seeds.c"; do
		n=${c##*/}
		case $n in
		err.c|cli.c) continue ;;	# err_fuzz.c replaces err.c
		esac
		[ "$c" != "$top/lib/seeds.c" ] || continue
		# shellcheck disable=SC2086
		$cc $cflags -fsanitize=fuzzer-no-link -c -o "$work/obj/${n%.c}.o" "$c" ||
		    return 1
		objs="$objs $work/obj/${n%.c}.o"
	done &&
	rm -f "$work/obj/libfuzz.a" &&
	# shellcheck disable=SC2086
	ar rcs "$work/obj/libfuzz.a" $objs &&
	# shellcheck disable=SC2086
	$cc $cflags -fsanitize=fuzzer-no-link -c -o "$work/obj/err_fuzz.o" \
	    "$fz/err_fuzz.c" &&
	# shellcheck disable=SC2086
	$cc $cflags -fsanitize=fuzzer-no-link -c -o "$work/obj/recs.o" \
	    "$fz/recs.c" &&
	for t in "$@"; do
		# shellcheck disable=SC2086
		$cc $cflags -fsanitize=fuzzer -Wl,--wrap=exit \
		    -o "$work/fuzz_$t" "$fz/fuzz_$t.c" "$work/obj/err_fuzz.o" \
		    $(case $t in date|evreport) ;; *) echo "$work/obj/recs.o" ;; esac) \
		    "$work/obj/libfuzz.a" -lcsv -lutf8proc || return 1
	done
}

echo "fuzz: building in $work" >&2
if ! build "$@"; then
	echo "fuzz: the build failed (is libclang-rt-dev installed?)" >&2
	exit 4
fi

# Leaks that only the harness makes (see lsan.supp); others still fail.
LSAN_OPTIONS=suppressions=$fz/lsan.supp:print_suppressions=0
export LSAN_OPTIONS

status=0
for t in "$@"; do
	case $t in
	date) maxlen=64 ;;
	*) maxlen=4096 ;;
	esac
	mkdir -p "$work/corpus/$t" "$work/crashes"
	dict=
	[ ! -f "$fz/$t.dict" ] || dict=-dict=$fz/$t.dict
	echo "fuzz: $t for $secs seconds" >&2
	# shellcheck disable=SC2086
	"$work/fuzz_$t" -max_total_time="$secs" -max_len=$maxlen -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 $dict \
	    -artifact_prefix="$work/crashes/$t-" ${FUZZ_ARGS:-} \
	    "$work/corpus/$t" "$fz/corpus/$t" >"$work/$t.log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log")
	cov=$(grep -o 'cov: [0-9]*' "$work/$t.log" | tail -1)
	ft=$(grep -o 'ft: [0-9]*' "$work/$t.log" | tail -1)
	echo "fuzz: $t: exit $rc, ${execs:-?} runs, $cov, $ft, corpus $(ls "$work/corpus/$t" | wc -l)" >&2
	if [ "$rc" -ne 0 ]; then
		status=1
		grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz_|.*runtime error)' \
		    "$work/$t.log" | head -5 >&2
		echo "fuzz: $t: see $work/$t.log and $work/crashes/" >&2
	fi
done

if [ "$status" -eq 0 ] && [ "$keep" -eq 0 ]; then
	rm -rf "$work"
elif [ "$status" -ne 0 ]; then
	echo "fuzz: kept $work" >&2
fi
exit "$status"
