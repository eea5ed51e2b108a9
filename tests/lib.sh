# lib.sh: the test harness, sourced by run.sh.  A case is
#
#	t 'what it shows' 'command'	run the command (sh -c) in $T
#	status N			its exit status (default 0)
#	out <<'EOF' ... EOF		its stdout, exactly
#	out_jq 'jq expression'		jq -e -s over stdout must be true
#	err 'text'			its stderr, exactly (default: empty)
#	err_has 'text'			its stderr contains text
#
# and ends at the next t or at the end of the file.  The binaries are on
# PATH; SC_TODAY is 2024-06-01 unless a case sets it; SC_DATA is unset.

passed=0
failed=0
cur=
cur_fail=
want_status=0
err_checked=

finish_case() {
	[ -n "$cur" ] || return 0
	if [ -z "$err_checked" ] && [ -s "$T/.err" ]; then
		bad "stderr is not empty:" "$(head -5 "$T/.err")"
	fi
	if [ "$rc" != "$want_status" ]; then
		bad "exit status $rc, expected $want_status" \
		    "$(head -5 "$T/.err")"
	fi
	if [ -n "$cur_fail" ]; then
		failed=$((failed + 1))
		printf 'FAIL: %s\n  $ %s\n%s\n' "$cur" "$cur_cmd" "$cur_fail" >&3
	else
		passed=$((passed + 1))
		[ -z "${VERBOSE:-}" ] || printf 'ok: %s\n' "$cur" >&3
	fi
	cur=
}

bad() {
	cur_fail="$cur_fail  $*
"
}

t() {
	finish_case
	cur=$1
	cur_cmd=$2
	cur_fail=
	want_status=0
	err_checked=
	(cd "$T" && sh -c "$2") >"$T/.out" 2>"$T/.err" </dev/null
	rc=$?
}

# A case whose command reads the given text on stdin.
t_in() {
	finish_case
	cur=$1
	cur_cmd=$2
	cur_fail=
	want_status=0
	err_checked=
	printf '%s' "$3" >"$T/.in"
	(cd "$T" && sh -c "$2") >"$T/.out" 2>"$T/.err" <"$T/.in"
	rc=$?
}

status() {
	want_status=$1
}

out() {
	cat >"$T/.want"
	if ! cmp -s "$T/.want" "$T/.out"; then
		bad "stdout differs (- want, + got):" \
		    "$(diff -u "$T/.want" "$T/.out" | sed 1,2d | head -20)"
	fi
}

out_jq() {
	if ! jq -e -s "$1" "$T/.out" >/dev/null 2>&1; then
		bad "jq -s '$1' is not true of:" "$(head -5 "$T/.out")"
	fi
}

err() {
	err_checked=1
	printf '%s\n' "$1" >"$T/.want"
	if [ -z "$1" ]; then
		: >"$T/.want"
	fi
	if ! cmp -s "$T/.want" "$T/.err"; then
		bad "stderr differs (- want, + got):" \
		    "$(diff -u "$T/.want" "$T/.err" | sed 1,2d | head -10)"
	fi
}

err_has() {
	err_checked=1
	if ! grep -qF -- "$1" "$T/.err"; then
		bad "stderr lacks '$1':" "$(head -5 "$T/.err")"
	fi
}

# A fresh data directory holding the seed tables.
seed_dir() {
	rm -rf "$T/$1"
	mkdir -p "$T/$1"
	cp "$TOP"/seeds/*.csv "$T/$1/"
}

# snapshot DIR / unchanged DIR: the directory byte for byte as it was,
# with no file added (a stray temporary file counts).
snapshot() {
	(cd "$T/$1" && ls -la --time-style=+ . && cat ./*) >"$T/.snap" 2>&1
}

unchanged() {
	(cd "$T/$1" && ls -la --time-style=+ . && cat ./*) >"$T/.now" 2>&1
	if ! cmp -s "$T/.snap" "$T/.now"; then
		bad "data directory $1 changed:" \
		    "$(diff "$T/.snap" "$T/.now" | head -10)"
	fi
}
