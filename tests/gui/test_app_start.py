"""What the app sets up at start: icons, fonts, settings in the standard folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFontDatabase, QIcon

from lrplanner import appfiles
from lrplanner.gui.actions import ICONS
from lrplanner.gui.app import use_bundled_fonts, use_standard_folders

if TYPE_CHECKING:
    from pathlib import Path

    import pytest
    from pytestqt.qtbot import QtBot

    from lrplanner.gui.main_window import MainWindow


def test_the_app_icon_is_a_scalable_picture(qtbot: QtBot) -> None:
    icon = QIcon(str(appfiles.resources_dir() / "icons" / "lrplanner.svg"))
    assert not icon.isNull()
    for size in (16, 64, 256):  # sharp at every screen density
        assert not icon.pixmap(size, size).isNull()


def test_the_common_actions_have_icons(window: MainWindow) -> None:
    for name in ICONS:
        assert not window.actions_by_name[name].icon().isNull(), name


def test_the_shipped_fonts_cover_the_region_scripts(qtbot: QtBot) -> None:
    assert use_bundled_fonts() >= 10
    families = set(QFontDatabase.families())
    for family in ("Noto Sans Khmer", "Noto Sans Lao", "Noto Sans Devanagari"):
        assert family in families


def test_settings_go_to_the_platform_config_folder(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(appfiles, "config_base", lambda: tmp_path)
    before = QSettings.defaultFormat()
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName("LRPlanner")
    QCoreApplication.setApplicationName("LR Planner")
    try:
        use_standard_folders()
        settings = QSettings()  # what the main window uses
        settings.setValue("recent", ["mekong.lrp"])
        settings.sync()
        assert settings.fileName() == str(tmp_path / "LRPlanner" / "LR Planner.ini")
        assert (tmp_path / "LRPlanner" / "LR Planner.ini").is_file()
    finally:
        QSettings.setDefaultFormat(before)
        QCoreApplication.setOrganizationName(names[0])
        QCoreApplication.setApplicationName(names[1])
