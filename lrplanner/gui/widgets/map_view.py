"""MapView: the route map export (folium HTML) in an embedded web view."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QStackedLayout, QWidget

from lrplanner.gui import plain

if TYPE_CHECKING:
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from lrplanner.core.project import Project

log = logging.getLogger(__name__)


def allow_web_engine_as_root() -> None:
    """Let Chromium run as root (containers, field laptops run as admin).

    Chromium refuses to start its sandbox as root and the map would crash;
    the page is a local file we wrote, so the sandbox adds little here.
    """
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


def write_map(project: Project, folder: Path) -> Path:
    """Write the map of the project's plan into ``folder``; return the file."""
    from lrplanner.exporters import BY_KEY
    from lrplanner.exporters.map_html import write_map_html  # folium: load on use

    assert project.plan is not None
    target = folder / BY_KEY["map"].file_name
    write_map_html(project, project.plan, target)
    return target


class MapView(QWidget):
    """Shows the map of a Project's Itinerary; the web engine loads on first show."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("map_view")
        self.setAccessibleName("Route map")
        self._stack = QStackedLayout(self)
        self.message = plain.label("Plan the route to see it on the map (F5).")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self._stack.addWidget(self.message)
        self._web: QWidget | None = None
        self._folder = tempfile.TemporaryDirectory(prefix="lrplanner-map-")
        self._project: Project | None = None
        self._shown: Project | None = None
        self.map_file: Path | None = None

    def show_project(self, project: Project | None) -> None:
        """Remember the project; the map is (re)drawn when the view is visible."""
        self._project = project
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.refresh()

    def refresh(self) -> None:
        """Write and load the map if the plan changed since it was last shown."""
        project = self._project
        if project is self._shown:
            return
        self._shown = project
        if project is None or project.plan is None:
            self._say("Plan the route to see it on the map (F5).")
            return
        try:
            self.map_file = write_map(project, Path(self._folder.name))
        except (OSError, ValueError) as exc:
            log.exception("map not written")
            self._say(f"The map could not be drawn: {exc}")
            return
        self._load(self.map_file)

    def _load(self, path: Path) -> None:
        web = self._web_view()
        if web is None:
            self._say(
                "The map viewer (Qt WebEngine) is not available here. "
                f"Open the map in a browser: {path}"
            )
            return
        web.load(QUrl.fromLocalFile(str(path)))  # type: ignore[attr-defined]
        self._stack.setCurrentWidget(web)

    @property
    def web(self) -> QWebEngineView | None:
        """Return the web view once a map was loaded (None before, or no engine)."""
        return self._web  # type: ignore[return-value]

    def _web_view(self) -> QWidget | None:
        if self._web is None:
            allow_web_engine_as_root()
            try:
                # Lazy: QtWebEngine starts a browser process; only pay for it here.
                from PySide6.QtWebEngineWidgets import QWebEngineView
            except ImportError:
                log.warning("Qt WebEngine cannot be loaded", exc_info=True)
                return None
            self._web = QWebEngineView()
            self._web.setAccessibleName("Route map")
            self._stack.addWidget(self._web)
        return self._web

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self._stack.setCurrentWidget(self.message)

    def close_files(self) -> None:
        """Remove the temporary map folder."""
        self._folder.cleanup()
