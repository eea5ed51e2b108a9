# svgq.py FILE: one line a mark of an SVG that lib/svg.c drew, "city TITLE
# CX CY FILL" or "event TITLE X WIDTH Y STYLE", then "text CONTENT" for
# every text and "title TITLE" of the drawing; t-geo.sh and t-locate.sh
# read it.
import sys
import xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
def title(e):
    t = e.find(NS + "title")
    return "" if t is None else "".join(t.itertext())
for e in root.iter(NS + "circle"):
    if e.get("class") == "city":
        print("city", title(e), e.get("cx"), e.get("cy"), e.get("fill"),
              sep="\t")
for g in root.iter(NS + "g"):
    if g.get("class") != "event":
        continue
    r = g.find(NS + "rect")
    style = "dashed" if r.get("stroke-dasharray") else "solid"
    print("event", title(g), r.get("x"), r.get("width"), r.get("y"), style,
          sep="\t")
print("title", title(root), sep="\t")
for e in root.iter(NS + "text"):
    print("text", "".join(e.itertext()), sep="\t")
