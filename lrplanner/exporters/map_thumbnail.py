"""The route's map thumbnail on the PDF overview, drawn offline with reportlab.

An equirectangular projection (longitudes shrunk by the cosine of the middle
latitude, so the shapes look right at these latitudes) of the bundled
country outlines, the route's days as lines in day order in the map's day
colours (:mod:`lrplanner.exporters.map_palette`: the same as map.html;
flights dashed), the visits as small dots and the start, overnight and end
towns as labelled dots, inside a frame with a scale bar and the latitude and
longitude range. No tiles, no network, no browser: every point comes from the
project's places and sites (:func:`map_layers.day_path`, as on map.html).
Labels are paragraphs through :func:`pdf_fonts.markup`, so Khmer, Lao, Thai
and Devanagari names render.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph

from lrplanner.core.locations import location_name, location_point
from lrplanner.core.places import TravelMode
from lrplanner.exporters.map_assets import country_outlines
from lrplanner.exporters.map_layers import day_path
from lrplanner.exporters.map_palette import day_colour
from lrplanner.exporters.pdf_fonts import BASE, markup, script_runs

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from lrplanner.core.locations import Point
    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project
    from lrplanner.exporters.map_layers import Stop

KM_PER_DEGREE = 111.32
#: Margin around the route, as a share of its extent, and its least extent.
PAD_SHARE = 0.15
MIN_SPAN_DEG = 0.6
#: Height of the caption under the frame (the latitude/longitude range).
CAPTION = 10.0
XY = tuple[float, float]


@dataclass(frozen=True, slots=True)
class View:
    """The projection of a lat/lon box onto a ``width`` x ``height`` frame."""

    south: float
    west: float
    north: float
    east: float
    width: float
    height: float

    @property
    def cos(self) -> float:
        """Return the cosine of the middle latitude (longitudes' shrink)."""
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def scale(self) -> float:
        """Return points per projected degree (one degree of latitude)."""
        span_x = (self.east - self.west) * self.cos
        return min(self.width / span_x, self.height / (self.north - self.south))

    def xy(self, point: Point) -> XY:
        """Return the frame position of a (lat, lon), the box centred."""
        lat, lon = point
        scale = self.scale
        used_x = (self.east - self.west) * self.cos * scale
        used_y = (self.north - self.south) * scale
        x = (self.width - used_x) / 2 + (lon - self.west) * self.cos * scale
        y = (self.height - used_y) / 2 + (lat - self.south) * scale
        return x, y


@dataclass(frozen=True, slots=True)
class DayLine:
    """One day's route on the thumbnail: its colour and legs in order."""

    colour: str
    legs: tuple[tuple[XY, XY, bool], ...]  # from, to, dashed (a flight)
    visits: tuple[XY, ...]


@dataclass(frozen=True, slots=True)
class Town:
    """A labelled dot: the start, an overnight place or the end."""

    name: str
    at: XY


@dataclass(frozen=True, slots=True)
class Thumbnail:
    """Everything the thumbnail draws, in frame coordinates."""

    view: View
    days: tuple[DayLine, ...]
    towns: tuple[Town, ...]


def route_stops(project: Project, itinerary: Itinerary) -> list[list[Stop]]:
    """Return each day's stops, the day starting where the last ended (the
    first at the route's start place), as map.html draws them."""
    start = location_point(project, project.route.start_place)
    days = []
    for day in itinerary.days:
        stops = day_path(project, day, start)
        days.append(stops)
        start = stops[-1].point
    return days


def fit_view(points: Iterable[Point], width: float, height: float) -> View:
    """Return the view of the points' box, padded, at least ``MIN_SPAN_DEG``."""
    lats, lons = zip(*points, strict=True)
    boxes = []
    for low, high in ((min(lats), max(lats)), (min(lons), max(lons))):
        pad = max(high - low, MIN_SPAN_DEG) * PAD_SHARE
        middle, half = (low + high) / 2, max(high - low, MIN_SPAN_DEG) / 2
        boxes.append((middle - half - pad, middle + half + pad))
    (south, north), (west, east) = boxes
    return View(south, west, north, east, width, height)


def thumbnail(
    project: Project, itinerary: Itinerary, width: float, height: float
) -> Thumbnail:
    """Return the route's thumbnail laid out on a ``width`` x ``height`` frame."""
    days = route_stops(project, itinerary)
    towns = _towns(project, itinerary)
    points = [s.point for day in days for s in day] + [p for _, p in towns]
    view = fit_view(points, width, height)
    lines = []
    for index, stops in enumerate(days):
        legs = tuple(
            (view.xy(a.point), view.xy(b.point), b.mode is TravelMode.FLIGHT)
            for a, b in itertools.pairwise(stops)
            if a.point != b.point
        )
        visits = tuple(
            view.xy(s.point) for s in stops if s.event is not None and s.event.site
        )
        lines.append(DayLine(day_colour(index), legs, visits))
    named = tuple(Town(name, view.xy(point)) for name, point in towns)
    return Thumbnail(view, tuple(lines), named)


def _towns(project: Project, itinerary: Itinerary) -> list[tuple[str, Point]]:
    """Return the start, overnight and end places once each, with their points."""
    ids = [project.route.start_place, *itinerary.overnights(), project.route.end_place]
    unique = dict.fromkeys(i for i in ids if i is not None and i in project.place_by_id)
    return [(location_name(project, i), location_point(project, i)) for i in unique]


def text_width(text: str, size: float) -> float:
    """Return the width in points of text drawn through :func:`markup`'s fonts
    (registered by the caller)."""
    return float(
        sum(
            pdfmetrics.stringWidth(run.replace("→", "to"), family or BASE, size)
            for family, run in script_runs(text)
        )
    )


def scale_km(view: View) -> int:
    """Return a round scale-bar length (1, 2 or 5 x 10^n km) near a quarter
    of the frame's width."""
    target = view.width / 4 / view.scale * KM_PER_DEGREE
    power = 10 ** math.floor(math.log10(target))
    return int(max(m * power for m in (1, 2, 5) if m * power <= target))


def extent_note(view: View) -> str:
    """Return the frame's latitude and longitude range, e.g. ``10.2° N - 18.5° N``."""

    def degrees(low: float, high: float, plus: str, minus: str) -> str:
        def one(value: float) -> str:
            return f"{abs(value):.1f}\u00b0 {plus if value >= 0 else minus}"

        return f"{one(low)} \u2013 {one(high)}"

    return (
        f"{degrees(view.south, view.north, 'N', 'S')}, "
        f"{degrees(view.west, view.east, 'E', 'W')} (equirectangular)"
    )


class RouteMap(Flowable):  # type: ignore[misc]
    """A flowable that draws a :class:`Thumbnail` in a frame (clipped to it),
    with the latitude and longitude range as a caption below."""

    def __init__(
        self, project: Project, itinerary: Itinerary, size: XY, font: str
    ) -> None:
        super().__init__()
        self.width, self.map_height = size
        self.height = self.map_height + CAPTION
        self.map = thumbnail(project, itinerary, *size)
        self.label = ParagraphStyle(
            "map-label", fontName=font, fontSize=7, leading=8.5, shaping=1
        )
        self.note = ParagraphStyle(
            "map-note", parent=self.label, fontSize=6.5, leading=8,
            textColor=colors.HexColor("#444444"),
        )  # fmt: skip

    def wrap(self, available_width: float, available_height: float) -> XY:
        """Return the map's fixed size (the caption included)."""
        return self.width, self.height

    def draw(self) -> None:
        """Draw countries, days, towns, then the frame, scale and caption."""
        canvas: Any = self.canv
        note = Paragraph(extent_note(self.map.view), self.note)
        note.wrap(self.width, CAPTION)
        note.drawOn(canvas, 0, 1)
        canvas.saveState()
        canvas.translate(0, CAPTION)
        clip = canvas.beginPath()
        clip.rect(0, 0, self.width, self.map_height)
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.setFillColor(colors.HexColor("#dbe9f4"))  # the sea
        canvas.rect(0, 0, self.width, self.map_height, stroke=0, fill=1)
        _draw_countries(canvas, self.map.view)
        for day in self.map.days:
            _draw_day(canvas, day)
        self._draw_towns(canvas)
        self._draw_frame(canvas)
        canvas.restoreState()

    def _draw_towns(self, canvas: Any) -> None:
        """Draw each town's dot, then its label where it overlaps no other."""
        canvas.setFillColor(colors.white)
        canvas.setStrokeColor(colors.HexColor("#222222"))
        canvas.setLineWidth(1)
        for town in self.map.towns:
            canvas.circle(*town.at, 2.6, stroke=1, fill=1)
        sizes = [
            (text_width(t.name, self.label.fontSize) + 2, self.label.leading)
            for t in self.map.towns
        ]
        boxes = label_boxes(
            [t.at for t in self.map.towns], sizes, (self.width, self.map_height)
        )
        for town, (left, bottom, width, height) in zip(
            self.map.towns, boxes, strict=True
        ):
            canvas.saveState()
            canvas.setFillColor(colors.white)
            canvas.setFillAlpha(0.7)
            canvas.rect(left - 1, bottom, width + 1, height, stroke=0, fill=1)
            canvas.restoreState()
            label = Paragraph(markup(town.name), self.label)
            label.wrap(width + 4, height)
            label.drawOn(canvas, left, bottom)

    def _draw_frame(self, canvas: Any) -> None:
        """Draw the frame and the scale bar (bottom left)."""
        canvas.setStrokeColor(colors.HexColor("#555555"))
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, self.width, self.map_height, stroke=1, fill=0)
        km = scale_km(self.map.view)
        length = km / KM_PER_DEGREE * self.map.view.scale
        canvas.setFillColor(colors.white)
        canvas.rect(4, 4, length + 8, 16, stroke=0, fill=1)
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(1.4)
        canvas.line(8, 8, 8 + length, 8)
        for x in (8, 8 + length):
            canvas.line(x, 6, x, 10)
        scale = Paragraph(f"{km:,} km", self.note)
        scale.wrapOn(canvas, max(length, 40), 10)
        scale.drawOn(canvas, 8, 10)


Box = tuple[float, float, float, float]  # left, bottom, width, height


def label_boxes(dots: Sequence[XY], sizes: Sequence[XY], frame: XY) -> list[Box]:
    """Return a box for each dot's label: the first of right, left, above,
    below (and the diagonals) that stays in the frame and overlaps no label
    placed before it nor another dot; else the first that stays in the frame."""
    placed: list[Box] = []
    for index, ((x, y), (width, height)) in enumerate(zip(dots, sizes, strict=True)):
        others = [
            (dx - 3, dy - 3, 6.0, 6.0) for i, (dx, dy) in enumerate(dots) if i != index
        ]
        candidates = [
            (x + 4, y - height / 2),
            (x - 4 - width, y - height / 2),
            (x - width / 2, y + 4),
            (x - width / 2, y - 4 - height),
            (x + 3, y + 3),
            (x + 3, y - 3 - height),
            (x - 3 - width, y + 3),
            (x - 3 - width, y - 3 - height),
        ]
        boxes = [(left, bottom, width, height) for left, bottom in candidates]
        inside = [b for b in boxes if _inside(b, frame)] or boxes
        free = [b for b in inside if not any(_overlap(b, o) for o in placed + others)]
        placed.append((free or inside)[0])
    return placed


def _inside(box: Box, frame: XY) -> bool:
    left, bottom, width, height = box
    return left >= 2 and bottom >= 2 and left + width <= frame[0] - 2 \
        and bottom + height <= frame[1] - 2  # fmt: skip


def _overlap(a: Box, b: Box) -> bool:
    return (
        a[0] < b[0] + b[2]
        and b[0] < a[0] + a[2]
        and a[1] < b[1] + b[3]
        and b[1] < a[1] + a[3]
    )


def _draw_countries(canvas: Any, view: View) -> None:
    """Fill the country outlines that reach into the view (land colour)."""
    canvas.setFillColor(colors.HexColor("#f3efe6"))
    canvas.setStrokeColor(colors.HexColor("#9a9a9a"))
    canvas.setLineWidth(0.4)
    for ring in _rings_in(view):
        path = canvas.beginPath()
        first, *rest = (view.xy((lat, lon)) for lon, lat in ring)
        path.moveTo(*first)
        for x, y in rest:
            path.lineTo(x, y)
        path.close()
        canvas.drawPath(path, stroke=1, fill=1)


def _rings_in(view: View) -> Iterable[Sequence[Sequence[float]]]:
    """Yield the outer rings (lon, lat) of country polygons near the view."""
    margin = (view.north - view.south) * 2
    for feature in country_outlines()["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        for polygon in polygons:
            ring = polygon[0]
            lons = [p[0] for p in ring]
            lats = [p[1] for p in ring]
            if (
                min(lons) < view.east + margin
                and max(lons) > view.west - margin
                and min(lats) < view.north + margin
                and max(lats) > view.south - margin
            ):
                yield ring


def _draw_day(canvas: Any, day: DayLine) -> None:
    """Draw a day's legs (flights dashed) and its visits as small dots."""
    colour = colors.HexColor(day.colour)
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    canvas.setLineWidth(2)
    canvas.setLineCap(1)
    for (x1, y1), (x2, y2), dashed in day.legs:
        if dashed:
            canvas.setDash(4, 3)
        else:
            canvas.setDash()
        canvas.line(x1, y1, x2, y2)
    canvas.setDash()
    for x, y in day.visits:
        canvas.circle(x, y, 1.8, stroke=0, fill=1)
