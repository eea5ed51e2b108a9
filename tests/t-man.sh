# t-man.sh: the man pages' EXAMPLES run, so that they cannot go stale.
# In an EXAMPLES section, a line "$ command" is run in a fresh copy of
# the seeds (SC_DATA), in order, one copy per page; a line that ends in
# "|" goes on on the next.  It must exit 0, or N where its comment says
# "exit N".  mandoc -T lint must be silent on every page.

examples() {
	awk '
	/^\.Sh / { inex = ($2 == "EXAMPLES") }
	!inex { next }
	cont { cmd = cmd " " $0; cont = ($0 ~ /\|[ \t]*$/); if (!cont) print cmd; next }
	/^\$ / { cmd = substr($0, 3); cont = ($0 ~ /\|[ \t]*$/); if (!cont) print cmd }
	' "$1" | sed -e 's/\\e/\\/g' -e 's/\\(aq/'"'"'/g' -e 's/\\-/-/g' \
	    -e 's/\\&//g'
}

for page in "$TOP"/man/*.[17]; do
	name=$(basename "$page")
	if command -v mandoc >/dev/null 2>&1; then
		t "man $name: mandoc -T lint is silent" \
		    "mandoc -T lint -W warning '$page'"
	fi
	seed_dir "man-$name"
	examples "$page" >"$T/.examples"
	while IFS= read -r cmd; do
		code=$(printf '%s\n' "$cmd" | sed -n 's/.*#.*exit \([0-9]\).*/\1/p')
		t "man $name: $cmd" "SC_DATA=\$PWD/man-$name; export SC_DATA; { $cmd
} >/dev/null 2>&1"
		status "${code:-0}"
	done <"$T/.examples"
done
