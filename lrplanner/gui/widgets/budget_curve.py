"""CurveChart: the best plan's learning value against its cost, one point per cap.

Drawn with QPainter (as the Budget tab's bars are): the packaged app leaves
Qt Charts out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QPaintEvent

LINE = QColor("#3b7dd8")
GRID = QColor("#d8d8d8")
#: Room around the plot: left (value labels), top (title), right, bottom.
MARGINS = (56.0, 30.0, 36.0, 44.0)
TICKS = 5


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """One drawn point: its label (the cap), the plan's cost and value."""

    label: str
    cost: float
    value: float


def nice_ticks(low: float, high: float, count: int = TICKS) -> list[float]:
    """Return round tick values covering ``low`` to ``high`` (about ``count``)."""
    if high <= low:
        low, high = low - 1, high + 1
    raw = (high - low) / max(1, count - 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    return [first + i * step for i in range(round((last - first) / step) + 1)]


class CurveChart(QWidget):
    """Draws value (y) against cost (x), each point labelled by its cap."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("budget_curve_chart")
        self.setAccessibleName("Learning value against cost, one point per budget cap")
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.points: tuple[CurvePoint, ...] = ()
        self.currency = ""

    def set_points(self, points: Sequence[CurvePoint], currency: str = "") -> None:
        """Draw ``points`` (none: an empty chart); caps that give the same
        plan (a cheaper cap's plan shown at a higher one) are one point,
        labelled with both caps."""
        merged: list[CurvePoint] = []
        for point in sorted(points, key=lambda p: p.cost):
            last = merged[-1] if merged else None
            if last is not None and (last.cost, last.value) == (
                point.cost,
                point.value,
            ):
                label = f"{last.label} / {point.label}"
                merged[-1] = CurvePoint(label, last.cost, last.value)
                continue
            merged.append(point)
        self.points = tuple(merged)
        self.currency = currency
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, top, right, bottom = MARGINS
        plot = QRectF(
            left, top, self.width() - left - right, self.height() - top - bottom
        )
        if not self.points:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No budget curve yet")
            return
        xs = nice_ticks(
            min(p.cost for p in self.points), max(p.cost for p in self.points)
        )
        ys = nice_ticks(
            min(p.value for p in self.points), max(p.value for p in self.points)
        )
        place = _Scale(plot, (xs[0], xs[-1]), (ys[0], ys[-1]))
        self._draw_axes(painter, plot, place, (xs, ys))
        self._draw_curve(painter, place)

    def _draw_axes(
        self,
        painter: QPainter,
        plot: QRectF,
        place: _Scale,
        ticks: tuple[list[float], list[float]],
    ) -> None:
        text = self.palette().text().color()
        painter.setPen(QPen(GRID))
        for x in ticks[0]:
            at = place.x(x)
            painter.drawLine(QPointF(at, plot.top()), QPointF(at, plot.bottom()))
        for y in ticks[1]:
            at = place.y(y)
            painter.drawLine(QPointF(plot.left(), at), QPointF(plot.right(), at))
        painter.setPen(text)
        for x in ticks[0]:
            box = QRectF(place.x(x) - 40, plot.bottom() + 2, 80, 16)
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, f"{x:,.0f}")
        for y in ticks[1]:
            box = QRectF(0, place.y(y) - 8, plot.left() - 6, 16)
            painter.drawText(box, Qt.AlignmentFlag.AlignRight, f"{y:,.0f}")
        title = QRectF(plot.left(), plot.bottom() + 20, plot.width(), 18)
        painter.drawText(title, Qt.AlignmentFlag.AlignHCenter, f"Cost {self.currency}")
        head = QRectF(plot.left(), 4, plot.width(), 20)
        painter.drawText(
            head,
            Qt.AlignmentFlag.AlignHCenter,
            "Learning value of the best plan at each cap",
        )

    def _draw_curve(self, painter: QPainter, place: _Scale) -> None:
        dots = [QPointF(place.x(p.cost), place.y(p.value)) for p in self.points]
        painter.setPen(QPen(LINE, 2))
        painter.drawPolyline(dots)
        painter.setBrush(LINE)
        for dot in dots:
            painter.drawEllipse(dot, 4, 4)
        painter.setPen(self.palette().text().color())
        for dot, point in zip(dots, self.points, strict=True):
            box = QRectF(dot.x() - 70, dot.y() - 22, 140, 16)
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, point.label)


@dataclass(frozen=True, slots=True)
class _Scale:
    """Maps costs and values to the plot's pixels."""

    plot: QRectF
    xs: tuple[float, float]
    ys: tuple[float, float]

    def x(self, cost: float) -> float:
        low, high = self.xs
        return self.plot.left() + (cost - low) / (high - low) * self.plot.width()

    def y(self, value: float) -> float:
        low, high = self.ys
        return self.plot.bottom() - (value - low) / (high - low) * self.plot.height()
