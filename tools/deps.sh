#!/bin/sh
# deps.sh: installs the Debian packages that the build and the tests need
# (clang and its runtime for the sanitizer build and the fuzzers; git and
# gnumeric, whose ssconvert is the spreadsheet of tests/t-tidy.sh;
# python3-icalendar, the calendar reader of tests/t-ics.sh),
# when they are missing.  Uses sudo when not run as root.
set -eu
pkgs="make gcc libc6-dev libcsv-dev libutf8proc-dev jq mandoc util-linux clang libclang-rt-dev git
    librsvg2-bin libxml2-utils python3 python3-icalendar gnumeric zsh"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
	    missing="$missing $p"
done
[ -n "$missing" ] || exit 0
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
echo "deps.sh: installing$missing" >&2
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >&2
