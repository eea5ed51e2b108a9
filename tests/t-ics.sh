# t-ics.sh: -o ics, the calendar of sc-events list and sc-followups list.
# Checked at the byte level (icscheck.py: CRLF everywhere, no line over 75
# octets, no line that is not whole UTF-8, folds that start with a space)
# and by parsing with python3-icalendar (icsq.py), against what the
# tables hold (icsdates.py reads events.csv itself, as an oracle of the
# days each event must take).

ICS_PY=/usr/bin/python3
export ICS_PY

# icscheck.py: "ok", or each way in which stdin is not RFC 5545's lines.
cat >"$T/icscheck.py" <<'EOF'
import re, sys
data = sys.stdin.buffer.read()
probs = []
if not data.endswith(b"\r\n"):
    probs.append("does not end in CRLF")
bare = data.replace(b"\r\n", b"")
if b"\n" in bare or b"\r" in bare:
    probs.append("a bare LF or CR")
for i, l in enumerate(data.split(b"\r\n")[:-1], 1):
    if len(l) > 75:
        probs.append("line %d: %d octets" % (i, len(l)))
    try:
        l.decode("utf-8")
    except UnicodeDecodeError:
        probs.append("line %d: a character split" % i)
    if not l.startswith(b" ") and not re.match(rb"[A-Z-]+[:;]", l):
        probs.append("line %d: neither a property nor a fold" % i)
print("\n".join(probs) or "ok")
EOF

# icsq.py [FIELD...]: the VEVENTs of the calendar on stdin, parsed by
# python3-icalendar, one line each: UID DTSTART DTEND | SUMMARY, then the
# FIELDs asked for, each "NAME=value" with line breaks shown as "\n".
cat >"$T/icsq.py" <<'EOF'
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
assert cal.get("VERSION") == "2.0" and cal.get("PRODID"), "VERSION, PRODID"
for ev in cal.walk("VEVENT"):
    line = "%s %s %s | %s" % (ev["UID"], ev.decoded("DTSTART").isoformat(),
        ev.decoded("DTEND").isoformat(), ev["SUMMARY"])
    for f in sys.argv[1:]:
        if f in ev:
            line += " | %s=%s" % (f, str(ev[f]).replace("\n", "\\n"))
    print(line)
EOF

# icsdates.py EVENTS.CSV: each event's UID and the days it must take,
# from events.csv read by python's csv module, "UID DTSTART DTEND", with
# DTEND the day after the last (a month or a year: its last day).
cat >"$T/icsdates.py" <<'EOF'
import csv, datetime, sys
def span(s, last):
    p = [int(x) for x in s.split("-")]
    if len(p) == 3:
        return datetime.date(*p)
    if not last:
        return datetime.date(p[0], p[1] if len(p) > 1 else 1, 1)
    y, m = (p[0], p[1] + 1) if len(p) > 1 else (p[0] + 1, 1)
    if m == 13:
        y, m = y + 1, 1
    return datetime.date(y, m, 1) - datetime.timedelta(days=1)
for r in csv.DictReader(open(sys.argv[1], newline="")):
    first = span(r["start"], False)
    last = span(r["end"] or r["start"], True)
    print("event-%s@sc.invalid %s %s" % (r["id"], first.isoformat(),
        (last + datetime.timedelta(days=1)).isoformat()))
EOF

if ! "$ICS_PY" -c 'import icalendar' 2>/dev/null; then
	t 'python3-icalendar is installed (Debian package; run tools/deps.sh)' \
	  '"$ICS_PY" -c "import icalendar"'
fi

# --- the seeds --------------------------------------------------------------

t 'sc-events list -o ics: the seed events, byte for byte (CRLF shown as $)' \
  'sc-events list -o ics | sed "s/\r\$/\$/"'
out <<'X'
BEGIN:VCALENDAR$
VERSION:2.0$
PRODID:-//sc//sc-events 0.1.0//EN$
CALSCALE:GREGORIAN$
X-WR-CALNAME:Events$
BEGIN:VEVENT$
UID:event-2024-05-strasbourg@sc.invalid$
DTSTAMP:19700101T000000Z$
DTSTART;VALUE=DATE:20240514$
DTEND;VALUE=DATE:20240516$
SUMMARY:Transatlantic Dialogue Initiative: Elevating the Role of French Cit$
 ies in Preventing Hate\, Violent Extremism and Polarisation\, Strengthenin$
 g Social Cohesion and Safeguarding Local Democracy$
LOCATION:Strasbourg\, France$
DESCRIPTION:Convened deputy mayors and other city officials\, and represent$
 atives of national governments\, civil society and city-focused initiative$
 s from Europe and North America$
STATUS:CONFIRMED$
TRANSP:TRANSPARENT$
END:VEVENT$
BEGIN:VEVENT$
UID:event-2024-09-columbus@sc.invalid$
DTSTAMP:19700101T000000Z$
DTSTART;VALUE=DATE:20240901$
DTEND;VALUE=DATE:20241001$
SUMMARY:Transatlantic Dialogue\, Columbus (date not fixed)$
LOCATION:Columbus\, Ohio\, United States$
DESCRIPTION:Upcoming transatlantic dialogue in Columbus (Ohio) to be inform$
 ed by the findings of the Strasbourg workshop\n\nDates as recorded: 2024-0$
 9 (the day is not fixed).$
STATUS:TENTATIVE$
TRANSP:TRANSPARENT$
END:VEVENT$
BEGIN:VEVENT$
UID:event-2024-12-cape-town@sc.invalid$
DTSTAMP:19700101T000000Z$
DTSTART;VALUE=DATE:20241201$
DTEND;VALUE=DATE:20250101$
SUMMARY:Fifth Global Summit (date not fixed)$
LOCATION:Cape Town\, South Africa$
DESCRIPTION:Strong Cities' Fifth Global Summit in Cape Town (South Africa)$
 \n\nDates as recorded: 2024-12 (the day is not fixed).$
STATUS:TENTATIVE$
TRANSP:TRANSPARENT$
END:VEVENT$
END:VCALENDAR$
X

t 'sc-events list -o ics: CRLF everywhere, no line over 75 octets' \
  'sc-events list -o ics | "$ICS_PY" icscheck.py'
out <<'X'
ok
X

t 'sc-events list -o ics: python3-icalendar reads each event, its days as the table gives them' \
  'sc-events list -o ics | "$ICS_PY" icsq.py LOCATION STATUS'
out <<'X'
event-2024-05-strasbourg@sc.invalid 2024-05-14 2024-05-16 | Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy | LOCATION=Strasbourg, France | STATUS=CONFIRMED
event-2024-09-columbus@sc.invalid 2024-09-01 2024-10-01 | Transatlantic Dialogue, Columbus (date not fixed) | LOCATION=Columbus, Ohio, United States | STATUS=TENTATIVE
event-2024-12-cape-town@sc.invalid 2024-12-01 2025-01-01 | Fifth Global Summit (date not fixed) | LOCATION=Cape Town, South Africa | STATUS=TENTATIVE
X

t 'sc-events list -o ics: the same data gives the same bytes, whatever the day' \
  'sc-events list -o ics >a.ics && SC_TODAY=2031-01-01 sc-events list -o ics >b.ics && cmp a.ics b.ics && echo same'
out <<'X'
same
X

t 'sc-events list --status planned -o ics: the filters choose the events' \
  'sc-events list --status planned -o ics | "$ICS_PY" icsq.py | cut -d" " -f1'
out <<'X'
event-2024-09-columbus@sc.invalid
event-2024-12-cape-town@sc.invalid
X

t 'sc-followups list -o ics: the follow-ups due, on their day; a month is due on its last day' \
  'sc-followups list -o ics | "$ICS_PY" icsq.py DESCRIPTION'
out <<'X'
followup-8@sc.invalid 2024-09-30 2024-10-01 | Columbus: Inform the Columbus transatlantic dialogue with the workshop's findings | DESCRIPTION=Follow-up 8, open, due 2024-09 (by its last day)\nEvent: Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy
followup-9@sc.invalid 2024-12-31 2025-01-01 | Cape Town: Inform the Fifth Global Summit in Cape Town with the workshop's findings | DESCRIPTION=Follow-up 9, open, due 2024-12 (by its last day)\nEvent: Transatlantic Dialogue Initiative: Elevating the Role of French Cities in Preventing Hate, Violent Extremism and Polarisation, Strengthening Social Cohesion and Safeguarding Local Democracy
X
err 'sc-followups: 12 follow-ups with no due date left out of the calendar: 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14'

t 'sc-followups list -o ics: DTSTAMP is the day the row was created; CRLF, 75 octets' \
  'sc-followups list -o ics 2>/dev/null | tee f.ics | "$ICS_PY" icscheck.py && grep -c "^DTSTAMP:20240515T000000Z" f.ics'
out <<'X'
ok
2
X

# --- a record that tests the format ---------------------------------------

seed_dir h
E=$(printf '\033')
EACUTES=$(printf 'é%.0s' $(seq 60))
printf 'pl-lodz,Łódź,PL,,introduced,2024-06-05,2024-06-lodz,,51.759,19.456\n' >>"$T/h/cities.csv"
{
	printf '2024-06-lodz,%s 東京会議,,forum,2024-06-03,2024-06-05,pl-lodz,held,https://example.org/forum 2024?q=é,"Line one, with; a \\ backslash\nLine two\tafter a tab\n%s[2J"\n' "$EACUTES" "$E"
	printf '2025-02-off,Cancelled meeting,,meeting,2025-02-10,,,cancelled,example.org/no-scheme,\n'
	printf '2026-congress,Annual congress,,congress,2026,,fr-dijon,planned,,\n'
	printf '2024-10-span,Autumn school,,school,2024-10,2024-11-02,fr-dijon,planned,,\n'
} >>"$T/h/events.csv"
{
	printf '15,Send the minutes,2024-06-lodz,pl-lodz,amina,2024-06-20,done,2024-06-06,2024-06-18,"Minutes, both languages"\n'
	printf '16,Book the venue,2026-congress,fr-dijon,li,2025,cancelled,2024-06-06,2024-07-01,\n'
	printf '17,Write the call,2026-congress,,li,2025-03-01,open,2024-06-07,,\n'
} >>"$T/h/followups.csv"

t 'a hostile record: CRLF everywhere, no line over 75 octets, no character split' \
  'sc-events -D h list -o ics | "$ICS_PY" icscheck.py && sc-followups -D h list --all -o ics 2>/dev/null | "$ICS_PY" icscheck.py'
out <<'X'
ok
ok
X

t 'a multi-byte character at octet 75 goes whole to the next line (74 octets)' \
  'sc-events -D h list -o ics | grep -a "^SUMMARY:é" | tr -d "\r" | wc -c'
out <<'X'
75
X

t 'every event, with the days it must take (events.csv read by python csv)' \
  'sc-events -D h list -o ics | "$ICS_PY" icsq.py | cut -d" " -f1-3 >got && "$ICS_PY" icsdates.py h/events.csv >want && diff want got && echo same'
out <<'X'
same
X

t 'the summary and location read back as the table holds them; the URL percent-encoded' \
  'sc-events -D h list -o ics | "$ICS_PY" icsq.py LOCATION URL STATUS | grep lodz'
out <<X
event-2024-06-lodz@sc.invalid 2024-06-03 2024-06-06 | $EACUTES 東京会議 | LOCATION=Łódź, Poland | URL=https://example.org/forum%202024?q=%C3%A9 | STATUS=CONFIRMED
X

t 'TEXT escaped: backslash, semicolon, comma and line breaks; a tab kept; ESC shown, not sent' \
  'sc-events -D h list -o ics | tr -d "\r" | sed -n "/UID:event-2024-06-lodz/,/END:VEVENT/p" | sed -n "/^DESCRIPTION/,/^URL/p"'
out <<X
DESCRIPTION:Line one\, with\; a \\\\ backslash\nLine two	after a tab\n\\\\e[2J
URL:https://example.org/forum%202024?q=%C3%A9
X

t 'the description reads back with its line breaks, and ESC as \e' \
  'sc-events -D h list -o ics | "$ICS_PY" icsq.py DESCRIPTION | grep lodz | sed "s/.*DESCRIPTION=//"'
out <<'X'
Line one, with; a \ backslash\nLine two	after a tab\n\e[2J
X

t 'a cancelled event is CANCELLED; a URL with no scheme goes to the description' \
  'sc-events -D h list -o ics | "$ICS_PY" icsq.py DESCRIPTION URL STATUS LOCATION | grep 2025-02-off'
out <<'X'
event-2025-02-off@sc.invalid 2025-02-10 2025-02-11 | Cancelled meeting | DESCRIPTION=example.org/no-scheme | STATUS=CANCELLED
X

t 'an event known to the year spans the year, and says so; one from a month to a day spans them' \
  'sc-events -D h list -o ics | "$ICS_PY" icsq.py DESCRIPTION | grep -e congress -e span'
out <<'X'
event-2026-congress@sc.invalid 2026-01-01 2027-01-01 | Annual congress (date not fixed) | DESCRIPTION=Dates as recorded: 2026 (the day is not fixed).
event-2024-10-span@sc.invalid 2024-10-01 2024-11-03 | Autumn school (date not fixed) | DESCRIPTION=Dates as recorded: 2024-10 to 2024-11-02 (the day is not fixed).
X

t 'sc-followups list --all -o ics: done says so, cancelled is CANCELLED, a year is due on its last day' \
  'sc-followups -D h list --all -o ics 2>/dev/null | "$ICS_PY" icsq.py STATUS DESCRIPTION | grep -e followup-1[5-7]'
out <<'X'
followup-15@sc.invalid 2024-06-20 2024-06-21 | Done: Łódź: Send the minutes | DESCRIPTION=Minutes, both languages\n\nFollow-up 15, done, due 2024-06-20\nOwner: amina\nEvent: éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé 東京会議
followup-16@sc.invalid 2025-12-31 2026-01-01 | Dijon: Book the venue | STATUS=CANCELLED | DESCRIPTION=Follow-up 16, cancelled, due 2025 (by its last day)\nOwner: li\nEvent: Annual congress
followup-17@sc.invalid 2025-03-01 2025-03-02 | Write the call | DESCRIPTION=Follow-up 17, open, due 2025-03-01\nOwner: li\nEvent: Annual congress
X

t 'DTSTAMP: a closed follow-up was last changed the day it was closed' \
  'sc-followups -D h list --all -o ics 2>/dev/null | tr -d "\r" | grep -A1 -e "^UID:followup-1[56]"'
out <<'X'
UID:followup-15@sc.invalid
DTSTAMP:20240618T000000Z
--
UID:followup-16@sc.invalid
DTSTAMP:20240701T000000Z
X

t 'UIDs are stable: an event added does not change the others'"'"' UIDs or days' \
  'sc-events -D h list -o ics | "$ICS_PY" icsq.py >one && sc-events -D h add "New one" --start 2024-08-01 --id 2024-08-new >/dev/null && sc-events -D h list -o ics | "$ICS_PY" icsq.py >two && diff one two'
status 1
out <<'X'
7a8
> event-2024-08-new@sc.invalid 2024-08-01 2024-08-02 | New one
X

t 'UIDs are stable: two exports of the same data are the same bytes' \
  'sc-followups -D h list --all -o ics >a 2>/dev/null && sc-followups -D h list --all -o ics >b 2>/dev/null && cmp a b && echo same'
out <<'X'
same
X

t 'list -i - -o ics: rows piped in make the calendar' \
  'sc-events -D h list --country PL | sc-events -D h list -i - -o ics | "$ICS_PY" icsq.py | cut -d" " -f1-3'
out <<'X'
event-2024-06-lodz@sc.invalid 2024-06-03 2024-06-06
X

t 'no event matches: an empty calendar, exit 0' \
  'sc-events list --country JP -o ics | tr -d "\r"'
out <<'X'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//sc//sc-events 0.1.0//EN
CALSCALE:GREGORIAN
X-WR-CALNAME:Events
END:VCALENDAR
X

# --- rows that cannot be placed --------------------------------------------

seed_dir bad
printf '2024-07-back,Backwards,,meeting,2024-07-10,2024-07-01,,held,,\n2024-13-x,Bad month,,meeting,2024-13,,,held,,\n' >>"$T/bad/events.csv"
printf '15,Fix it,,,,2024-02-30,open,2024-05-15,,\n' >>"$T/bad/followups.csv"

t 'an event whose dates cannot be read or end before they start is named, the rest written, exit 3' \
  'sc-events -D bad list -o ics >c.ics; s=$?; "$ICS_PY" icsq.py <c.ics | cut -d" " -f1; exit $s'
status 3
out <<'X'
event-2024-05-strasbourg@sc.invalid
event-2024-09-columbus@sc.invalid
event-2024-12-cape-town@sc.invalid
X
err "sc-events: bad/events.csv:5: end: '2024-07-01' is before the start, '2024-07-10'
sc-events: bad/events.csv:6: start: invalid date '2024-13' (want YYYY-MM-DD, YYYY-MM or YYYY)"

t 'a follow-up whose due date cannot be read is named, exit 3' \
  'sc-followups -D bad list -o ics 2>&1 >/dev/null | grep -v "no due date"'
out <<'X'
sc-followups: bad/followups.csv:16: due: invalid date '2024-02-30' (want YYYY-MM-DD, YYYY-MM or YYYY)
X

t 'the exit status of that' 'sc-followups -D bad list -o ics >/dev/null 2>&1'
status 3

# --- -o ics where it has no place -----------------------------------------

t 'sc-events show -o ics: exit 2, before the data is read' \
  'sc-events -D nowhere show 2024-05-strasbourg -o ics'
status 2
err 'sc-events: --output: ics is for list, not show'

t 'sc-events partners -o ics: exit 2' \
  'sc-events partners 2024-05-strasbourg -o ics'
status 2
err 'sc-events: --output: ics is for list, not partners'

t 'sc-followups report -o ics: exit 2' 'sc-followups report -o ics'
status 2
err 'sc-followups: --output: ics is for list, not report'

t 'sc-followups add -o ics: exit 2, nothing written' \
  'cp -r h h2 && sc-followups -D h2 add "X" -o ics; s=$?; diff -r h h2 && exit $s'
status 2
err 'sc-followups: --output: ics is for list, not add'

t 'sc-cities list -o ics: exit 2, cities have no dates for a calendar, before the data is read' \
  'sc-cities -D nowhere list -o ics'
status 2
err 'sc-cities: --output: ics is for sc-events list and sc-followups list; cities have no dates for a calendar'

t 'sc-events list -o ics -c id: the columns of csv mean nothing in a calendar' \
  'sc-events list -o ics -c id'
status 2
err 'sc-events: --columns does not apply to -o ics'

t 'sc-followups list -o ics --bom: exit 2' 'sc-followups list -o ics --bom'
status 2
err 'sc-followups: --bom does not apply to -o ics'

t 'sc-events list -o ics --sort start: exit 2, a calendar orders its items' \
  'sc-events list -o ics --sort start'
status 2
err 'sc-events: --sort does not apply to -o ics: a calendar puts its items in date order itself'

t 'sc-events list -o ics -H: exit 2' 'sc-events list -o ics -H'
status 2
err 'sc-events: --no-header does not apply to -o ics'

t '--input-format ics: not an input format' \
  'sc-events list -i x --input-format ics'
status 2
err 'sc-events: --input-format: csv, tsv or json, not '"'"'ics'"'"''
