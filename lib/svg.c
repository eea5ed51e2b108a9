/*
 * svg.c: the record as pictures, standalone SVG: a map of cities on the
 * land of the world (lib/worldmap.c) and a timeline of events.  Both are
 * for people, so every text is escaped for XML and made inert: control,
 * C1 and bidirectional formatting characters and bytes that are not
 * UTF-8 show as visible symbols instead of acting.  Numbers are written
 * with printf in the C locale, which sc never leaves.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "sc.h"

#define WIDTH	960
#define PI	3.14159265358979323846
#define FONT	"DejaVu Sans, Verdana, Arial, sans-serif"
#define ELLIPSIS	"\xe2\x80\xa6"
#define REPLACEMENT	"\xef\xbf\xbd"

/* Colours told apart by most eyes (Tableau 10), for groups and statuses. */
static const char *const palette[] = {
	"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
	"#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"
};
#define NPALETTE	NELEM(palette)

/*
 * What a code point shows as: itself (NULL), or a visible stand-in for
 * one that would act rather than show, or that XML forbids.  C0 controls
 * show as their Control Pictures (U+2400 + c), DEL as U+2421.
 */
static const char *
stand_in(utf8proc_int32_t cp, char pic[4])
{
	if (cp < 0x20 || cp == 0x7F) {
		cp = cp == 0x7F ? 0x2421 : 0x2400 + cp;
		pic[0] = (char)0xE2;
		pic[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		pic[2] = (char)(0x80 | (cp & 0x3F));
		pic[3] = '\0';
		return pic;
	}
	if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E ||
	    cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFFFE || cp == 0xFFFF)
		return REPLACEMENT;
	return NULL;
}

static void
xml_char(struct buf *b, const char *p, size_t len, utf8proc_int32_t cp)
{
	char pic[4];
	const char *s;

	switch (cp) {
	case '&':
		buf_adds(b, "&amp;");
		return;
	case '<':
		buf_adds(b, "&lt;");
		return;
	case '>':
		buf_adds(b, "&gt;");
		return;
	case '"':
		buf_adds(b, "&quot;");
		return;
	case '\'':
		buf_adds(b, "&apos;");
		return;
	}
	if ((s = stand_in(cp, pic)) != NULL)
		buf_adds(b, s);
	else
		buf_add(b, p, len);
}

/*
 * Add s to b escaped and inert, cut to at most maxw columns (0: no limit)
 * with an ellipsis where it is cut.
 */
static void
xml_add(struct buf *b, const char *s, size_t maxw)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t n = (utf8proc_ssize_t)strlen(s), k;
	utf8proc_int32_t cp;
	size_t w = 0, cw;

	while (n > 0) {
		if ((k = utf8proc_iterate(p, n, &cp)) < 1) {
			k = 1;
			cp = 0xFFFE;	/* shown as the replacement */
		}
		cw = cp < 0x20 || cp == 0x7F ? 1 :
		    (size_t)utf8proc_charwidth(cp);
		if (maxw > 0 && w + cw > maxw - 1 && (size_t)n > (size_t)k) {
			buf_adds(b, ELLIPSIS);
			return;
		}
		xml_char(b, (const char *)p, (size_t)k, cp);
		w += cw;
		p += k;
		n -= k;
	}
}

/* Print s escaped and inert, as xml_add() makes it. */
static void
xml_put(FILE *f, const char *s, size_t maxw)
{
	struct buf b = { NULL, 0, 0 };

	xml_add(&b, s, maxw);
	if (b.len > 0)
		fwrite(b.s, 1, b.len, f);
	buf_free(&b);
}

static const char *
str_or(const char *s, const char *dflt)
{
	return s != NULL ? s : dflt;
}

/* The width in pixels of s in a sans-serif font of size px, roughly. */
static double
text_width(const char *s, double px, size_t maxw)
{
	size_t w = display_width(s);

	return (double)(maxw > 0 && w > maxw ? maxw : w) * px * 0.62;
}

static void
svg_begin(FILE *f, int w, int h, const char *title)
{
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
	    "font-family=\"%s\">\n<title>", w, h, w, h, FONT);
	xml_put(f, title, 0);
	fprintf(f, "</title>\n<rect width=\"%d\" height=\"%d\" "
	    "fill=\"#ffffff\"/>\n<text x=\"16\" y=\"28\" font-size=\"18\" "
	    "font-weight=\"bold\" fill=\"#222222\">", w, h);
	xml_put(f, title, 80);
	fputs("</text>\n", f);
}

/* Text at x, y (its baseline), in grey, escaped and cut to maxw. */
static void
svg_note(FILE *f, double x, double y, const char *anchor, const char *s,
    size_t maxw)
{
	fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
	    "fill=\"#555555\" text-anchor=\"%s\">", x, y, anchor);
	xml_put(f, s, maxw);
	fputs("</text>\n", f);
}

/*
 * The line that names what was left out: "2 cities not drawn, for want of
 * coordinates: A, B", as many names as fit in a line.
 */
static char *
left_out(size_t n, const char *what, const char *why, char *const *names)
{
	struct buf b = { NULL, 0, 0 };
	char *head;
	size_t i;

	if (n == 0)
		return xstrdup("");
	head = xasprintf("%zu %s not drawn, %s: ", n, what, why);
	buf_adds(&b, head);
	free(head);
	for (i = 0; i < n && b.len < 200; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, names[i]);
	}
	if (i < n)
		buf_adds(&b, ", ...");
	buf_addc(&b, '\0');
	return b.s;
}

/* The map. */

/*
 * The frame: the part of the world shown, and how it is projected.  The
 * projection is equirectangular: x = (lon - lon0) * k * scale and y =
 * (lat1 - lat) * scale, where k is the cosine of the frame's middle
 * latitude (its standard parallel), so that the map is true to shape
 * there.  Meridians are vertical and parallels horizontal: west is left
 * and south is down, everywhere on the map.
 */
struct frame {
	double	 lon0, lon1, lat0, lat1;
	double	 k, scale;
	double	 top;		/* the map's top edge on the page */
	int	 h;		/* the map's height */
};

static double
fx(const struct frame *fr, double lon)
{
	return (lon - fr->lon0) * fr->k * fr->scale;
}

static double
fy(const struct frame *fr, double lat)
{
	return fr->top + (fr->lat1 - lat) * fr->scale;
}

/* Widen [*lo, *hi] about its middle to span at least min. */
static void
widen(double *lo, double *hi, double min)
{
	double mid = (*lo + *hi) / 2;

	if (*hi - *lo < min) {
		*lo = mid - min / 2;
		*hi = mid + min / 2;
	}
}

/* Move [*lo, *hi] inside [min, max], or make it that if it is wider. */
static void
within(double *lo, double *hi, double min, double max)
{
	double d;

	if (*hi - *lo >= max - min) {
		*lo = min;
		*hi = max;
	} else if ((d = min - *lo) > 0 || (d = max - *hi) < 0) {
		*lo += d;
		*hi += d;
	}
}

/*
 * The cities' extent, with a margin, at least 20 by 10 degrees, and
 * between 0.45 and 0.7 times as high as it is wide; the world from 60S to
 * 85N, on the equator's scale (plate carree), when no city is located.
 */
static void
fit(struct frame *fr, const struct svg_city *c, size_t n)
{
	double lo0 = 180, lo1 = -180, la0 = 90, la1 = -90, mid, r;
	size_t i, m = 0;

	for (i = 0; i < n; i++) {
		if (!c[i].located)
			continue;
		lo0 = fmin(lo0, c[i].lon), lo1 = fmax(lo1, c[i].lon);
		la0 = fmin(la0, c[i].lat), la1 = fmax(la1, c[i].lat);
		m++;
	}
	if (m == 0) {
		fr->lon0 = -180, fr->lon1 = 180, fr->lat0 = -60, fr->lat1 = 85;
		fr->k = 1;
		fr->scale = WIDTH / 360.0;
		fr->h = (int)ceil(145 * fr->scale);
		fr->top = 44;
		return;
	}
	r = fmax((lo1 - lo0) * 0.1, 3), lo0 -= r, lo1 += r;
	r = fmax((la1 - la0) * 0.1, 2), la0 -= r, la1 += r;
	widen(&lo0, &lo1, 20);
	widen(&la0, &la1, 10);
	within(&la0, &la1, -90, 90);
	mid = fmax(fmin((la0 + la1) / 2, 60), -60);
	fr->k = cos(mid * PI / 180);
	r = (la1 - la0) / ((lo1 - lo0) * fr->k);
	if (r > 0.7)
		widen(&lo0, &lo1, (la1 - la0) / (0.7 * fr->k));
	else if (r < 0.45)
		widen(&la0, &la1, 0.45 * (lo1 - lo0) * fr->k);
	within(&lo0, &lo1, -180, 180);
	within(&la0, &la1, -90, 90);
	fr->lon0 = lo0, fr->lon1 = lo1, fr->lat0 = la0, fr->lat1 = la1;
	fr->scale = WIDTH / ((lo1 - lo0) * fr->k);
	fr->h = (int)ceil((la1 - la0) * fr->scale);
	fr->top = 44;
}

/* Meridians and parallels, every 5, 10 or 30 degrees as the frame spans. */
static void
graticule(FILE *f, const struct frame *fr)
{
	double span = fr->lon1 - fr->lon0, step, d;

	step = span > 120 ? 30 : span > 40 ? 10 : 5;
	fputs("<g stroke=\"#ffffff\" stroke-width=\"0.8\" fill=\"none\">\n",
	    f);
	for (d = ceil(fr->lon0 / step) * step; d <= fr->lon1; d += step)
		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\"/>\n", fx(fr, d), fr->top, fx(fr, d),
		    fr->top + fr->h);
	for (d = ceil(fr->lat0 / step) * step; d <= fr->lat1; d += step)
		fprintf(f, "<line x1=\"0\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n",
		    fy(fr, d), WIDTH, fy(fr, d));
	fputs("</g>\n", f);
}

/* Whether the ring of n points at p comes within a degree of the frame. */
static int
ring_shown(const struct frame *fr, const short *p, size_t n)
{
	double lo0 = 1800, lo1 = -1800, la0 = 900, la1 = -900;
	size_t i;

	for (i = 0; i < n; i++) {
		lo0 = fmin(lo0, p[2 * i]), lo1 = fmax(lo1, p[2 * i]);
		la0 = fmin(la0, p[2 * i + 1]), la1 = fmax(la1, p[2 * i + 1]);
	}
	return lo1 / 10 >= fr->lon0 - 1 && lo0 / 10 <= fr->lon1 + 1 &&
	    la1 / 10 >= fr->lat0 - 1 && la0 / 10 <= fr->lat1 + 1;
}

/* One ring as a subpath, leaving out points within half a pixel. */
static void
ring_path(FILE *f, const struct frame *fr, const short *p, size_t n)
{
	double x, y, lx = 0, ly = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		x = fx(fr, p[2 * i] / 10.0);
		y = fy(fr, p[2 * i + 1] / 10.0);
		if (i > 0 && i < n - 1 && fabs(x - lx) < 0.5 &&
		    fabs(y - ly) < 0.5)
			continue;
		fprintf(f, "%s%.1f,%.1f", i == 0 ? "M" : " ", x, y);
		lx = x, ly = y;
	}
	fputs("Z", f);
}

static void
land(FILE *f, const struct frame *fr)
{
	const short *p = worldmap_points;
	size_t i;

	fprintf(f, "<defs><clipPath id=\"frame\"><rect x=\"0\" y=\"%.1f\" "
	    "width=\"%d\" height=\"%d\"/></clipPath></defs>\n"
	    "<g clip-path=\"url(#frame)\">\n<rect x=\"0\" y=\"%.1f\" "
	    "width=\"%d\" height=\"%d\" fill=\"#dde9f3\"/>\n", fr->top,
	    WIDTH, fr->h, fr->top, WIDTH, fr->h);
	graticule(f, fr);
	fputs("<path class=\"land\" fill=\"#f4f1e8\" stroke=\"#a89f8a\" "
	    "stroke-width=\"0.7\" stroke-linejoin=\"round\" "
	    "fill-rule=\"evenodd\" d=\"", f);
	for (i = 0; i < worldmap_nrings; i++) {
		if (ring_shown(fr, p, worldmap_rings[i]))
			ring_path(f, fr, p, worldmap_rings[i]);
		p += 2 * worldmap_rings[i];
	}
	fputs("\"/>\n</g>\n", f);
}

/* The statuses a city can have, in the order of a city's life. */
static const char *const statuses[] = {
	"member", "introduced", "prospect", "former"
};
static const char *const status_colours[] = {
	"#2e7d32", "#1f6fb4", "#f28e2b", "#8c8c8c"
};
/* For other statuses: the palette's colours least like those above. */
static const char *const odd_colours[] = {
	"#e15759", "#b07aa1", "#9c755f", "#76b7b2", "#edc948", "#ff9da7"
};
#define NODD	NELEM(odd_colours)
#define NSTATUS	NELEM(statuses)

/* A status and how many cities drawn have it. */
struct key {
	const char *name;
	const char *colour;
	size_t	 n;
};

static int
key_rank(const char *s)
{
	size_t i;

	for (i = 0; i < NSTATUS; i++)
		if (strcmp(s, statuses[i]) == 0)
			return (int)i;
	return (int)NSTATUS;
}

static int
key_cmp(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	int rx = key_rank(x->name), ry = key_rank(y->name);

	return rx != ry ? rx - ry : strcmp(x->name, y->name);
}

/* By name, but "" (no group) last. */
static int
name_cmp(const void *a, const void *b)
{
	const struct key *x = a, *y = b;

	if ((*x->name == '\0') != (*y->name == '\0'))
		return *x->name == '\0' ? 1 : -1;
	return strcmp(x->name, y->name);
}

/*
 * The keys of a legend: one per name among the n given, with how many
 * have it.  Ranked, they are statuses of cities, in the order of a
 * city's life and then by name, and the known ones keep their colours;
 * else they are groups, by name.  The others take colours in turn (past
 * ten groups, the colours repeat), and "" is grey.
 */
static struct key *
make_keys(const char *const *names, size_t n, size_t *nkeys, int ranked)
{
	struct key *k = NULL;
	size_t i, j, nk = 0, extra = 0;

	for (i = 0; i < n; i++) {
		for (j = 0; j < nk && strcmp(k[j].name, names[i]) != 0; j++)
			;
		if (j == nk) {
			k = xreallocarray(k, nk + 1, sizeof(*k));
			k[nk].name = names[i];
			k[nk++].n = 0;
		}
		k[j].n++;
	}
	if (nk > 0)
		qsort(k, nk, sizeof(*k), ranked ? key_cmp : name_cmp);
	for (i = 0; i < nk; i++)
		if (ranked && key_rank(k[i].name) < (int)NSTATUS)
			k[i].colour = status_colours[key_rank(k[i].name)];
		else if (*k[i].name == '\0')
			k[i].colour = "#999999";
		else if (ranked)
			k[i].colour = odd_colours[extra++ % NODD];
		else
			k[i].colour = palette[extra++ % NPALETTE];
	*nkeys = nk;
	return k;
}

static const char *
key_colour(const struct key *k, size_t nk, const char *name)
{
	size_t i;

	for (i = 0; i < nk; i++)
		if (strcmp(k[i].name, name) == 0)
			return k[i].colour;
	return "#999999";
}

/* A legend: a heading, then swatches and their words, wrapped. */
enum { SW_DOT, SW_HELD, SW_PLANNED, SW_CANCELLED };
struct item {
	const char *colour;
	char	*text;
	int	 swatch;
};

static void
swatch(FILE *f, double x, double y, const struct item *it)
{
	switch (it->swatch) {
	case SW_DOT:
		fprintf(f, "<circle class=\"key\" cx=\"%.1f\" cy=\"%.1f\" "
		    "r=\"5\" fill=\"%s\" stroke=\"#ffffff\"/>\n", x + 6, y - 4,
		    it->colour);
		break;
	case SW_HELD:
	case SW_PLANNED:
	case SW_CANCELLED:
		fprintf(f, "<rect class=\"key\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"16\" height=\"9\" ", x, y - 9);
		if (it->swatch == SW_HELD)
			fprintf(f, "fill=\"%s\"/>\n", it->colour);
		else if (it->swatch == SW_PLANNED)
			fprintf(f, "fill=\"%s\" fill-opacity=\"0.25\" "
			    "stroke=\"%s\" stroke-dasharray=\"3 2\"/>\n",
			    it->colour, it->colour);
		else
			fputs("fill=\"none\" stroke=\"#999999\" "
			    "stroke-dasharray=\"1 2\"/>\n", f);
		break;
	}
}

/*
 * Lay the legend out from baseline y and draw it if f is not NULL; the
 * number of lines it takes, the same either way.
 */
static int
legend(FILE *f, double y, const char *heading, const struct item *it,
    size_t n)
{
	double x = 16, w;
	size_t i;
	int lines = 1;

	if (f != NULL) {
		fprintf(f, "<text x=\"16\" y=\"%.1f\" font-size=\"12\" "
		    "font-weight=\"bold\" fill=\"#222222\">", y);
		xml_put(f, heading, 0);
		fputs("</text>\n", f);
	}
	x += text_width(heading, 12, 0) + 10;
	for (i = 0; i < n; i++) {
		w = 22 + text_width(it[i].text, 12, 40) + 16;
		if (x + w > WIDTH - 16 && x > 16 + text_width(heading, 12, 0)
		    + 10) {
			x = 16 + text_width(heading, 12, 0) + 10;
			y += 18;
			lines++;
		}
		if (f != NULL) {
			swatch(f, x, y, &it[i]);
			fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
			    "fill=\"#222222\">", x + 20, y);
			xml_put(f, it[i].text, 40);
			fputs("</text>\n", f);
		}
		x += w;
	}
	return lines;
}

static void
items_free(struct item *it, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(it[i].text);
	free(it);
}

/* Labels of the map, placed where they cover no other label or dot. */
struct box {
	double	 x0, y0, x1, y1;
};

static int
box_free(const struct box *b, const struct box *taken, size_t n,
    const struct frame *fr)
{
	size_t i;

	if (b->x0 < 2 || b->x1 > WIDTH - 2 || b->y0 < fr->top + 2 ||
	    b->y1 > fr->top + fr->h - 2)
		return 0;
	for (i = 0; i < n; i++)
		if (b->x0 < taken[i].x1 && taken[i].x0 < b->x1 &&
		    b->y0 < taken[i].y1 && taken[i].y0 < b->y1)
			return 0;
	return 1;
}

/*
 * The label of the dot at x, y: to its right, left, above or below,
 * whichever is free first, or none.  taken holds the dots' boxes and the
 * labels placed so far; the new label's box is added.
 */
static void
place_label(FILE *f, const struct frame *fr, double x, double y,
    const char *name, struct box *taken, size_t *ntaken)
{
	static const char *const anchors[] = { "start", "end", "middle",
	    "middle" };
	double w = text_width(name, 11, 30), tx[4], ty[4];
	struct box b;
	int i;

	tx[0] = x + 7, ty[0] = y + 4;
	tx[1] = x - 7, ty[1] = y + 4;
	tx[2] = x, ty[2] = y - 8;
	tx[3] = x, ty[3] = y + 16;
	for (i = 0; i < 4; i++) {
		b.x0 = i == 0 ? tx[i] : i == 1 ? tx[i] - w : tx[i] - w / 2;
		b.x1 = b.x0 + w;
		b.y0 = ty[i] - 10, b.y1 = ty[i] + 2;
		if (box_free(&b, taken, *ntaken, fr))
			break;
	}
	if (i == 4)
		return;
	taken[(*ntaken)++] = b;
	fprintf(f, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" "
	    "text-anchor=\"%s\">", tx[i], ty[i], anchors[i]);
	xml_put(f, name, 30);
	fputs("</text>\n", f);
}

/*
 * The order in which the dots are drawn: members last, so on top, and
 * their labels placed first; then as given.
 */
static size_t *
draw_order(const struct svg_city *c, size_t n)
{
	size_t *o = xreallocarray(NULL, n + 1, sizeof(*o)), i, k = 0;
	int r;

	for (r = (int)NSTATUS; r >= 0; r--)
		for (i = 0; i < n; i++)
			if (key_rank(str_or(c[i].status, "")) == r)
				o[k++] = i;
	return o;
}

/* A dot, its title naming the city and its status. */
static void
dot(FILE *f, double x, double y, const char *r, const char *colour,
    const struct svg_city *c)
{
	fprintf(f, "<circle class=\"city\" cx=\"%.1f\" cy=\"%.1f\" "
	    "r=\"%s\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1.2\">"
	    "<title>", x, y, r, colour);
	xml_put(f, c->name, 0);
	fputs(" (", f);
	xml_put(f, str_or(c->status, ""), 0);
	fputs(")</title></circle>\n", f);
}

/*
 * The dots, then their labels, over the land.  A map of more than
 * MAXLABELS cities has smaller dots and no labels, which would hide the
 * map (and placing them costs the square of their number); a dot's
 * title, which a browser shows on hovering, names its city on any map.
 */
#define MAXLABELS	300
static void
dots(FILE *f, const struct frame *fr, const struct svg_city *c, size_t n,
    const struct key *k, size_t nk)
{
	struct box *taken;
	size_t i, j, nt = 0, *order;
	int labels;

	order = draw_order(c, n);
	for (i = 0; i < n; i++)
		nt += c[i].located != 0;
	labels = nt <= MAXLABELS;
	taken = xreallocarray(NULL, 2 * nt + 1, sizeof(*taken));
	fputs("<g class=\"cities\">\n", f);
	for (j = nt = 0; j < n; j++) {
		if (!c[i = order[j]].located)
			continue;
		taken[nt].x0 = fx(fr, c[i].lon) - 5;
		taken[nt].y0 = fy(fr, c[i].lat) - 5;
		taken[nt].x1 = taken[nt].x0 + 10;
		taken[nt].y1 = taken[nt].y0 + 10;
		dot(f, fx(fr, c[i].lon), fy(fr, c[i].lat), labels ? "4.5" : "2.5",
		    key_colour(k, nk, str_or(c[i].status, "")), &c[i]);
		nt++;
	}
	fputs("</g>\n<g class=\"labels\" font-size=\"11\" fill=\"#222222\" "
	    "stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" "
	    "paint-order=\"stroke\">\n", f);
	for (j = n; labels && j-- > 0;)
		if (c[i = order[j]].located)
			place_label(f, fr, fx(fr, c[i].lon), fy(fr, c[i].lat),
			    c[i].name, taken, &nt);
	fputs("</g>\n", f);
	free(taken);
	free(order);
}

/* The legend's items: one per status drawn, with its count. */
static struct item *
map_items(const struct key *k, size_t nk)
{
	struct item *it;
	size_t i;

	it = xreallocarray(NULL, nk + 1, sizeof(*it));
	for (i = 0; i < nk; i++) {
		it[i].colour = k[i].colour;
		it[i].text = xasprintf("%s (%zu)", *k[i].name != '\0' ?
		    k[i].name : "no status", k[i].n);
		it[i].swatch = SW_DOT;
	}
	return it;
}

/* The cities' statuses, the located ones' for the legend. */
static struct key *
map_keys(const struct svg_city *c, size_t n, size_t *nk, char ***missing,
    size_t *nmissing)
{
	const char **st;
	struct key *k;
	size_t i, m = 0;

	st = xreallocarray(NULL, n + 1, sizeof(*st));
	*missing = xreallocarray(NULL, n + 1, sizeof(**missing));
	*nmissing = 0;
	for (i = 0; i < n; i++)
		if (c[i].located)
			st[m++] = c[i].status != NULL ? c[i].status : "";
		else
			(*missing)[(*nmissing)++] = (char *)c[i].name;
	k = make_keys(st, m, nk, 1);
	free(st);
	return k;
}

static const char *
plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

void
svg_map(FILE *f, const char *title, const struct svg_city *c, size_t n)
{
	struct frame fr;
	struct key *k;
	struct item *it;
	char **missing, *gone, *credit;
	size_t nk, nmissing;
	double y;
	int lines, h;

	fit(&fr, c, n);
	k = map_keys(c, n, &nk, &missing, &nmissing);
	it = map_items(k, nk);
	gone = left_out(nmissing, plural(nmissing, "city", "cities"),
	    "for want of coordinates", missing);
	lines = nk > 0 ? legend(NULL, 0, "Status", it, nk) : 0;
	h = (int)(fr.top + fr.h + 10 + 18 * lines + (nmissing > 0) * 18 +
	    26);
	svg_begin(f, WIDTH, h, title);
	land(f, &fr);
	dots(f, &fr, c, n, k, nk);
	y = fr.top + fr.h + 26;
	if (nk > 0)
		y += 18 * legend(f, y, "Status", it, nk);
	if (nmissing > 0)
		svg_note(f, 16, y, "start", gone, 150);
	credit = xasprintf("%zu of %zu %s drawn. Land: Natural Earth "
	    "(public domain). Equirectangular projection, standard parallel "
	    "%.0f\xc2\xb0%s.", n - nmissing, n, plural(n, "city", "cities"),
	    fabs(acos(fr.k) * 180 / PI), (fr.lat0 + fr.lat1) < 0 ? "S" : "N");
	svg_note(f, WIDTH - 16, h - 8, "end", credit, 0);
	fputs("</svg>\n", f);
	free(credit);
	free(gone);
	free(missing);
	items_free(it, nk);
	free(k);
}

/* The timeline. */

/* An event drawn: its span in days, first and last included. */
struct span {
	const struct svg_event *e;
	long	 first, last;
	const char *group;
};

/* A month as one number, year * 12 + month - 1, and back to its day. */
static long
month_of(long day)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	return (long)y * 12 + m - 1;
}

static long
month_day(long month)
{
	return days_from_civil((int)(month / 12), (int)(month % 12) + 1, 1);
}

/*
 * The time shown, from the first day of month m0 to before month m1's:
 * the events' months with one more on each side, at least six, or whole
 * years when the events span more than three.
 */
struct axis {
	long	 m0, m1, d0, d1;
	int	 monthly;
	double	 x0, x1;
};

static double
tx(const struct axis *a, long day)
{
	return a->x0 + (double)(day - a->d0) / (double)(a->d1 - a->d0) *
	    (a->x1 - a->x0);
}

static void
axis_fit(struct axis *a, const struct span *s, size_t n)
{
	long lo = s[0].first, hi = s[0].last, extra;
	size_t i;

	for (i = 1; i < n; i++) {
		lo = s[i].first < lo ? s[i].first : lo;
		hi = s[i].last > hi ? s[i].last : hi;
	}
	a->m0 = month_of(lo);
	a->m1 = month_of(hi) + 1;
	a->monthly = a->m1 - a->m0 <= 36;
	if (a->monthly) {
		a->m0--, a->m1++;
		if ((extra = 6 - (a->m1 - a->m0)) > 0) {
			a->m0 -= extra / 2;
			a->m1 += extra - extra / 2;
		}
	} else {
		a->m0 -= a->m0 % 12;
		a->m1 += (12 - a->m1 % 12) % 12;
	}
	a->d0 = month_day(a->m0);
	a->d1 = month_day(a->m1);
	a->x0 = 16;
	a->x1 = WIDTH - 16;
}

static const char *const month_names[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

/*
 * Ticks at each month (named, every third when there are more than 18),
 * the year over January and over the first; or at each year (every fifth
 * when there are more than 20).  A light rule runs down from each.
 */
static void
axis_draw(FILE *f, const struct axis *a, double bottom)
{
	long m, every;
	double x;
	int year;

	fprintf(f, "<g class=\"axis\" font-size=\"11\" fill=\"#444444\">\n"
	    "<line x1=\"%.1f\" y1=\"70\" x2=\"%.1f\" y2=\"70\" "
	    "stroke=\"#444444\"/>\n", a->x0, a->x1);
	every = a->monthly ? (a->m1 - a->m0 > 18 ? 3 : 1) :
	    (a->m1 - a->m0 > 240 ? 60 : 12);
	for (m = a->m0; m <= a->m1; m += a->monthly ? 1 : 12) {
		x = tx(a, month_day(m));
		year = m % 12 == 0;
		fprintf(f, "<line x1=\"%.1f\" y1=\"66\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"%s\"/>\n", x, x, bottom,
		    year ? "#cccccc" : "#eeeeee");
		if (m == a->m1 || (m - a->m0) % every != 0)
			continue;
		if (a->monthly)
			fprintf(f, "<text x=\"%.1f\" y=\"63\">%s</text>\n",
			    x + 2, month_names[m % 12]);
		if (!a->monthly || year || m == a->m0)
			fprintf(f, "<text x=\"%.1f\" y=\"%d\" "
			    "font-weight=\"bold\">%ld</text>\n", x + 2,
			    a->monthly ? 50 : 63, m / 12);
	}
	fputs("</g>\n", f);
}

static int
span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	if (x->last != y->last)
		return x->last < y->last ? -1 : 1;
	return strcmp(x->e->name, y->e->name);
}

/*
 * The events that can be drawn, sorted by time; the names of the others
 * (no start date that parses) in *bad.  An end that does not parse, or
 * is before the start, is taken as the start: the event is drawn, on its
 * start alone.
 */
static struct span *
spans(const struct svg_event *e, size_t n, size_t *ns, char ***bad,
    size_t *nbad)
{
	struct span *s;
	struct date d;
	size_t i;

	s = xreallocarray(NULL, n + 1, sizeof(*s));
	*bad = xreallocarray(NULL, n + 1, sizeof(**bad));
	*ns = *nbad = 0;
	for (i = 0; i < n; i++) {
		if (e[i].start == NULL || date_parse(e[i].start, &d) == -1) {
			(*bad)[(*nbad)++] = (char *)e[i].name;
			continue;
		}
		s[*ns].e = &e[i];
		s[*ns].first = date_first(&d);
		s[*ns].last = date_last(&d);
		if (e[i].end != NULL && date_parse(e[i].end, &d) == 0 &&
		    date_last(&d) >= s[*ns].first)
			s[*ns].last = date_last(&d);
		(*ns)++;
	}
	qsort(s, *ns, sizeof(*s), span_cmp);
	return s;
}

/* Colour by series when any event has one, else by kind. */
static struct key *
group_keys(struct span *s, size_t ns, const char **heading, size_t *nk)
{
	const char **g;
	struct key *k;
	size_t i;
	int series = 0;

	for (i = 0; i < ns; i++)
		series |= s[i].e->series != NULL && *s[i].e->series != '\0';
	*heading = series ? "Series" : "Kind";
	g = xreallocarray(NULL, ns + 1, sizeof(*g));
	for (i = 0; i < ns; i++)
		g[i] = s[i].group = str_or(series ? s[i].e->series :
		    s[i].e->kind, "");
	k = make_keys(g, ns, nk, 0);
	free(g);
	return k;
}

/* " — City", and the status unless it is held or planned. */
static char *
event_suffix(const struct svg_event *e)
{
	const char *st = str_or(e->status, "");
	int odd = strcmp(st, "held") != 0 && strcmp(st, "planned") != 0;

	return xasprintf("%s%s%s%s%s",
	    e->city != NULL && *e->city != '\0' ? " \xe2\x80\x94 " : "",
	    str_or(e->city, ""), odd ? " (" : "", odd ? st : "",
	    odd ? ")" : "");
}

/* Held: solid; cancelled: a grey dotted outline; else (planned) dashed. */
static int
event_swatch(const struct svg_event *e)
{
	const char *st = str_or(e->status, "");

	if (strcmp(st, "held") == 0)
		return SW_HELD;
	return strcmp(st, "cancelled") == 0 ? SW_CANCELLED : SW_PLANNED;
}

#define ROW	34
#define LABEL_COLS	100

/*
 * The label: the name, cut so that the host city and an odd status still
 * fit in LABEL_COLS columns, from the bar's start, or ending at the
 * axis's end when it would run past it.
 */
static void
event_text(FILE *f, const struct axis *a, const struct svg_event *e,
    double x, double y, int grey)
{
	char *suffix = event_suffix(e);
	size_t sw = display_width(suffix), nw;
	double w;

	nw = sw + 10 < LABEL_COLS ? LABEL_COLS - sw : 10;
	w = text_width(e->name, 12, nw) + text_width(suffix, 12, 0);
	fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
	    "text-anchor=\"%s\" fill=\"%s\" stroke=\"#ffffff\" "
	    "stroke-width=\"3\" stroke-linejoin=\"round\" "
	    "paint-order=\"stroke\">", x + w > a->x1 ? a->x1 : x,
	    y, x + w > a->x1 ? "end" : "start", grey ? "#888888" : "#222222");
	xml_put(f, e->name, nw);
	xml_put(f, suffix, 0);
	fputs("</text>\n", f);
	free(suffix);
}

static void
event_row(FILE *f, const struct axis *a, const struct span *s, double y,
    const char *colour)
{
	int sw = event_swatch(s->e);
	double x0 = tx(a, s->first), x1 = tx(a, s->last + 1);

	if (x1 - x0 < 4)
		x1 = x0 + 4;
	fputs("<g class=\"event\">\n<title>", f);
	xml_put(f, s->e->name, 0);
	fputs(": ", f);
	xml_put(f, s->e->start, 0);
	if (s->e->end != NULL && *s->e->end != '\0') {
		fputs(" to ", f);
		xml_put(f, s->e->end, 0);
	}
	if (s->e->city != NULL && *s->e->city != '\0') {
		fputs(", ", f);
		xml_put(f, s->e->city, 0);
	}
	fputs(", ", f);
	xml_put(f, str_or(s->e->status, ""), 0);
	fputs("</title>\n", f);
	fprintf(f, "<rect class=\"event\" x=\"%.1f\" y=\"%.1f\" "
	    "width=\"%.1f\" height=\"10\" ", x0, y + 15, x1 - x0);
	if (sw == SW_HELD)
		fprintf(f, "fill=\"%s\"/>\n", colour);
	else if (sw == SW_PLANNED)
		fprintf(f, "fill=\"%s\" fill-opacity=\"0.25\" stroke=\"%s\" "
		    "stroke-width=\"1.5\" stroke-dasharray=\"4 2\"/>\n",
		    colour, colour);
	else
		fputs("fill=\"none\" stroke=\"#999999\" stroke-width=\"1.5\" "
		    "stroke-dasharray=\"1 2\"/>\n", f);
	event_text(f, a, s->e, x0, y + 11, sw == SW_CANCELLED);
	fputs("</g>\n", f);
}

/* The legend's items: the groups' colours, then the statuses' styles. */
static struct item *
timeline_items(const struct key *k, size_t nk, const char *heading,
    const struct span *s, size_t ns, size_t *nstyles)
{
	static const char *const names[] = { "held", "planned", "cancelled" };
	static const int sw[] = { SW_HELD, SW_PLANNED, SW_CANCELLED };
	struct item *it;
	size_t i, j, count[3] = { 0, 0, 0 };

	it = xreallocarray(NULL, nk + 3, sizeof(*it));
	for (i = 0; i < nk; i++) {
		it[i].colour = k[i].colour;
		it[i].text = *k[i].name != '\0' ? xstrdup(k[i].name) :
		    xasprintf("no %s", strcmp(heading, "Series") == 0 ?
		    "series" : "kind");
		it[i].swatch = SW_HELD;
	}
	for (i = 0; i < ns; i++)
		count[event_swatch(s[i].e) - SW_HELD]++;
	for (i = j = 0; i < 3; i++) {
		if (count[i] == 0)
			continue;
		it[nk + j].colour = "#666666";
		it[nk + j].text = xasprintf("%s (%zu)", names[i], count[i]);
		it[nk + j++].swatch = sw[i];
	}
	*nstyles = j;
	return it;
}

/* A dashed red rule down the rows at today, when today is shown. */
static void
today_rule(FILE *f, const struct axis *a, long today, double bottom)
{
	double x;

	if (today == LONG_MIN || today < a->d0 || today >= a->d1)
		return;
	x = tx(a, today);
	fprintf(f, "<g class=\"today\"><line x1=\"%.1f\" y1=\"66\" "
	    "x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c62828\" "
	    "stroke-dasharray=\"3 3\"/><text x=\"%.1f\" y=\"%.1f\" "
	    "font-size=\"11\" fill=\"#c62828\" text-anchor=\"middle\">today"
	    "</text></g>\n", x, x, bottom, x, bottom + 12);
}

static void
timeline_body(FILE *f, const struct span *s, size_t ns, const struct key *k,
    size_t nk, long today)
{
	struct axis a;
	double bottom = 82 + (double)ns * ROW;
	size_t i;

	if (ns == 0) {
		svg_note(f, 16, 100, "start", "No events to draw.", 0);
		return;
	}
	axis_fit(&a, s, ns);
	axis_draw(f, &a, bottom);
	today_rule(f, &a, today, bottom);
	for (i = 0; i < ns; i++)
		event_row(f, &a, &s[i], 82 + (double)i * ROW,
		    key_colour(k, nk, s[i].group));
}

void
svg_timeline(FILE *f, const char *title, const struct svg_event *e,
    size_t n, long today)
{
	struct span *s;
	struct key *k;
	struct item *it;
	const char *heading;
	char **bad, *gone, *credit;
	size_t ns, nbad, nk, nst;
	double y;
	int lines, h;

	s = spans(e, n, &ns, &bad, &nbad);
	k = group_keys(s, ns, &heading, &nk);
	it = timeline_items(k, nk, heading, s, ns, &nst);
	gone = left_out(nbad, plural(nbad, "event", "events"),
	    "for want of a start date", bad);
	y = 82 + (double)(ns > 0 ? ns : 1) * ROW + 30;
	lines = (nk > 0 ? legend(NULL, 0, heading, it, nk) : 0) +
	    (nst > 0 ? legend(NULL, 0, "Status", it + nk, nst) : 0);
	h = (int)(y + 18 * lines + (nbad > 0) * 18 + 12);
	svg_begin(f, WIDTH, h, title);
	timeline_body(f, s, ns, k, nk, today);
	if (nk > 0)
		y += 18 * legend(f, y, heading, it, nk);
	if (nst > 0)
		y += 18 * legend(f, y, "Status", it + nk, nst);
	if (nbad > 0)
		svg_note(f, 16, y, "start", gone, 150);
	credit = xasprintf("%zu of %zu %s drawn.", ns, n,
	    plural(n, "event", "events"));
	svg_note(f, WIDTH - 16, h - 8, "end", credit, 0);
	fputs("</svg>\n", f);
	free(credit);
	free(gone);
	free(bad);
	items_free(it, nk + nst);
	free(k);
	free(s);
}
