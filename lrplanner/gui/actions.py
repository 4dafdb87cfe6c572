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
    from collections.abc import Callable

    from PySide6.QtWidgets import QMenu

    from lrplanner.gui.main_window import MainWindow

Key = QKeySequence.StandardKey


def _action(
    window: MainWindow,
    label: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | Key | str | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(label, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.setToolTip(tip or label.replace("&", "").rstrip("…"))
    action.setStatusTip(action.toolTip())
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_actions(window: MainWindow) -> dict[str, QAction]:
    """Create every action of the window, keyed by a short name."""
    files = window.files
    acts = {
        "new": _action(window, "&New from template…", files.new_from_template, Key.New),
        "open": _action(window, "&Open…", window.choose_and_open, Key.Open),
        "import_workbook": _action(
            window, "Excel &workbook (.xlsx)…", window.choose_workbook, "Ctrl+I"
        ),
        "open_folder": _action(window, "&CSV folder…", window.choose_folder),
        "save": _action(window, "&Save", files.save, Key.Save),
        "save_as": _action(window, "Save &As…", files.save_as, "Ctrl+Shift+S"),
        "quit": _action(window, "&Quit", window.close, Key.Quit),
        "undo": _action(window, "&Undo", window.undo, Key.Undo),
        "redo": _action(window, "&Redo", window.redo, "Ctrl+Y"),
        "plan": _action(window, "&Plan", window.plan, "F5", "Plan the route (F5)"),
        "cancel": _action(window, "&Cancel planning", window.cancel_plan, "Esc"),
        "plan_fresh": _action(
            window,
            "Plan a&fresh",
            window.plan_fresh,
            "Shift+F5",
            "Plan from scratch, not keeping the current plan's visits (Shift+F5)",
        ),
        "lock_all": _action(
            window,
            "&Lock all current visits",
            window.lock_all_visits,
            tip="Hold every visit of the plan to its day in later plans",
        ),
        "unlock_all": _action(window, "&Unlock all visits", window.unlock_all),
        "rules": _action(
            window,
            "Planning &rules…",
            window.edit_rules,
            tip="Session lengths and value weights, saved with the project",
        ),
        "prefs": _action(window, "&Preferences…", window.edit_preferences),
        "help": _action(window, "&User guide", window.show_help, Key.HelpContents),
        "about": _action(window, "&About LR Planner", window.show_about),
    }
    acts["redo"].setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence(Key.Redo)])
    for kind, label in export_kinds():
        acts[f"export_{kind}"] = _action(
            window, f"Export {label}…", partial(files.export, kind)
        )
    return acts


def build_menus(window: MainWindow, acts: dict[str, QAction]) -> None:
    """Fill the menu bar and the toolbar."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    for name in ("new", "open"):
        file_menu.addAction(acts[name])
    imports = file_menu.addMenu("&Import")
    for name in ("import_workbook", "open_folder"):
        imports.addAction(acts[name])
    recent = file_menu.addMenu("Open &recent")
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    file_menu.addSeparator()
    for name in ("save", "save_as"):
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
        ("plan", "plan_fresh", "cancel", None, "lock_all", "unlock_all", None, "rules"),
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


def add_icons(window: MainWindow, acts: dict[str, QAction]) -> None:
    """Give the common actions their icons."""
    style = window.style()
    for name, (themed, fallback) in ICONS.items():
        if name in acts:
            acts[name].setIcon(QIcon.fromTheme(themed, style.standardIcon(fallback)))


def _add_menu(
    window: MainWindow,
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


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    paths = window.files.recent()
    if not paths:
        menu.addAction("(no recent files)").setEnabled(False)
    for name in paths:
        action = menu.addAction(name)
        action.triggered.connect(lambda _c=False, n=name: window.open_checked(Path(n)))
