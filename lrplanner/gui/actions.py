"""The main window's menus, toolbar and keyboard shortcuts."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle

from lrplanner.gui.files import export_kinds

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

Key = QKeySequence.StandardKey


#: Every action of the window but the exports: name, label, shortcut, tip.
#: The window hands :func:`build_actions` one handler per name.
ACTIONS: tuple[tuple[str, str, QKeySequence.StandardKey | str | None, str], ...] = (
    ("new", "&New from template…", Key.New, ""),
    ("open", "&Open…", Key.Open, ""),
    ("import_workbook", "Excel &workbook (.xlsx)…", "Ctrl+I", ""),
    ("open_folder", "&CSV folder…", None, ""),
    (
        "add_route",
        "Add route to &programme…",
        None,
        "Add another route sharing this one's hosts and champions "
        "(a workbook, a CSV folder picked by one of its files, or a .lrp)",
    ),
    (
        "remove_route",
        "&Remove route from programme…",
        None,
        "Take the route shown out of the programme (its hosts and champions stay)",
    ),
    ("save", "&Save", Key.Save, ""),
    ("save_as", "Save &As…", "Ctrl+Shift+S", ""),
    (
        "export_workbook",
        "Export &workbook…",
        None,
        "Write the inputs as one Excel workbook (a Route sheet per route)",
    ),
    ("quit", "&Quit", Key.Quit, ""),
    ("undo", "&Undo", Key.Undo, ""),
    ("redo", "&Redo", "Ctrl+Y", ""),
    ("plan", "&Plan", "F5", "Plan the route (F5)"),
    ("cancel", "&Cancel planning", "Esc", ""),
    (
        "plan_fresh",
        "Plan a&fresh",
        "Shift+F5",
        "Plan from scratch, not keeping the current plan's visits (Shift+F5)",
    ),
    (
        "plan_all",
        "Plan a&ll routes",
        "Ctrl+F5",
        "Plan every route of the programme in turn, the other routes' bookings "
        "closed, then hand hosts over where another route values them more",
    ),
    (
        "lock_all",
        "&Lock all current visits",
        None,
        "Hold every visit of the plan to its day in later plans",
    ),
    ("unlock_all", "&Unlock all visits", None, ""),
    (
        "rules",
        "Planning &rules…",
        None,
        "Session lengths and value weights, saved with the project",
    ),
    ("prefs", "&Preferences…", None, ""),
    ("help", "&User guide", Key.HelpContents, ""),
    ("about", "&About LR Planner", None, ""),
)


def _action(
    owner: QObject,
    label: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | Key | str | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(label, owner)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.setToolTip(tip or label.replace("&", "").rstrip("…"))
    action.setStatusTip(action.toolTip())
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_actions(
    owner: QObject,
    handlers: Mapping[str, Callable[[], object]],
    export: Callable[[str], object],
) -> dict[str, QAction]:
    """Create every action, keyed by a short name: those of :data:`ACTIONS`,
    each calling ``handlers[name]``, and one per export of the registry
    (``export_<key>``, and ``export_all``) calling ``export(key)``.

    Raises
    ------
    KeyError
        If ``handlers`` lacks an action's handler.
    """
    acts = {
        name: _action(owner, label, handlers[name], shortcut, tip)
        for name, label, shortcut, tip in ACTIONS
    }
    acts["redo"].setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence(Key.Redo)])
    for kind, label in export_kinds():
        acts[f"export_{kind}"] = _action(
            owner, f"Export {label}…", partial(export, kind)
        )
    return acts


def build_menus(
    window: QMainWindow,
    acts: dict[str, QAction],
    recent: Callable[[], list[str]],
    open_recent: Callable[[Path], object],
) -> None:
    """Fill the window's menu bar and toolbar; File ▸ Open recent lists
    ``recent()`` when it opens and calls ``open_recent(path)``."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    for name in ("new", "open"):
        file_menu.addAction(acts[name])
    imports = file_menu.addMenu("&Import")
    for name in ("import_workbook", "open_folder"):
        imports.addAction(acts[name])
    recent_menu = file_menu.addMenu("Open &recent")
    recent_menu.aboutToShow.connect(
        lambda: _fill_recent(recent_menu, recent(), open_recent)
    )
    file_menu.addAction(acts["add_route"])
    file_menu.addAction(acts["remove_route"])
    file_menu.addSeparator()
    for name in ("save", "save_as", "export_workbook"):
        file_menu.addAction(acts[name])
    export = file_menu.addMenu("&Export")
    for kind, _label in export_kinds():
        export.addAction(acts[f"export_{kind}"])
    file_menu.addSeparator()
    file_menu.addAction(acts["quit"])
    _add_menu(window, "&Edit", acts, ("undo", "redo", None, "prefs"))
    _add_menu(
        window,
        "&Plan",
        acts,
        (
            "plan",
            "plan_fresh",
            "cancel",
            "plan_all",
            None,
            "lock_all",
            "unlock_all",
            None,
            "rules",
        ),
    )
    _add_menu(window, "&Help", acts, ("help", "about"))
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    add_icons(window, acts)
    tools: tuple[str | None, ...] = ("open", "save", None, "undo", "redo", None)
    for tool in (*tools, "plan", "cancel", None):
        if tool is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(acts[tool])
    toolbar.addAction(acts["export_all"])


Theme = QIcon.ThemeIcon
Pixmap = QStyle.StandardPixmap
#: Each action's icon: the desktop theme's, else Qt's own (both scale to any
#: screen density).
ICONS: dict[str, tuple[QIcon.ThemeIcon, QStyle.StandardPixmap]] = {
    "new": (Theme.DocumentNew, Pixmap.SP_FileIcon),
    "open": (Theme.DocumentOpen, Pixmap.SP_DialogOpenButton),
    "save": (Theme.DocumentSave, Pixmap.SP_DialogSaveButton),
    "undo": (Theme.EditUndo, Pixmap.SP_ArrowBack),
    "redo": (Theme.EditRedo, Pixmap.SP_ArrowForward),
    "plan": (Theme.MediaPlaybackStart, Pixmap.SP_MediaPlay),
    "cancel": (Theme.ProcessStop, Pixmap.SP_BrowserStop),
    "export_all": (Theme.DocumentSend, Pixmap.SP_ArrowDown),
    "help": (Theme.HelpAbout, Pixmap.SP_DialogHelpButton),
    "quit": (
        Theme.ApplicationExit,
        Pixmap.SP_DialogCloseButton,
    ),
}


def add_icons(window: QWidget, acts: dict[str, QAction]) -> None:
    """Give the common actions their icons."""
    style = window.style()
    for name, (themed, fallback) in ICONS.items():
        if name in acts:
            acts[name].setIcon(QIcon.fromTheme(themed, style.standardIcon(fallback)))


def _add_menu(
    window: QMainWindow,
    title: str,
    acts: dict[str, QAction],
    names: tuple[str | None, ...],
) -> None:
    menu = window.menuBar().addMenu(title)
    for name in names:
        if name is None:
            menu.addSeparator()
        else:
            menu.addAction(acts[name])


def _fill_recent(
    menu: QMenu, paths: list[str], open_recent: Callable[[Path], object]
) -> None:
    menu.clear()
    if not paths:
        menu.addAction("(no recent files)").setEnabled(False)
    for name in paths:
        action = menu.addAction(name)
        action.triggered.connect(lambda _c=False, n=name: open_recent(Path(n)))
