# ids.awk: the follow-up ids that sc-followups draws at random, shown as
# @1, @2, ... in the order they first appear, so that a test states which
# rows share an id without pinning random values.  An id is replaced
# where ids stand: at the start of a line (before a comma, a tab, a space
# or the end), after "id":" in JSON, and after # in the report.  Usage:
# ... | awk -f "$TOP/tests/ids.awk"
function drawn(s) {
	return length(s) == 6 && s ~ /^[a-hjkmnp-tv-z][0-9a-hjkmnp-tv-z]*$/
}
function tag(id) {
	if (!(id in seen))
		seen[id] = "@" (++n)
	return seen[id]
}
{
	line = $0
	c = substr(line, 7, 1)
	if (drawn(substr(line, 1, 6)) && (c == "," || c == "\t" || c == " " ||
	    c == ""))
		line = tag(substr(line, 1, 6)) substr(line, 7)
	out = ""
	while (match(line, /("id":"|#)[0-9a-z]+/)) {
		pre = substr(line, RSTART, RLENGTH)
		lead = substr(pre, 1, 1) == "#" ? 1 : 6
		id = substr(pre, lead + 1)
		out = out substr(line, 1, RSTART - 1) substr(pre, 1, lead) \
		    (drawn(id) ? tag(id) : id)
		line = substr(line, RSTART + RLENGTH)
	}
	print out line
}
