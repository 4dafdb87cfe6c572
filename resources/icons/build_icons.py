"""Render the app icon (lrplanner.svg) as the files the bundles need.

``lrplanner.ico`` (Windows executable, 256 px; Windows scales it down),
``lrplanner.icns`` (macOS app) and ``lrplanner.png`` (256 px, Linux desktop
files), with Qt's own SVG renderer and image writers:

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/icons/build_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """Return the icon drawn at ``size`` x ``size`` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    """Write the three icon files beside the SVG."""
    _app = QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(HERE / "lrplanner.svg"))
    big = render(renderer, 256)
    ok = big.save(str(HERE / "lrplanner.png"))
    ok &= big.save(str(HERE / "lrplanner.ico"), "ICO")
    ok &= render(renderer, 512).save(str(HERE / "lrplanner.icns"), "ICNS")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
