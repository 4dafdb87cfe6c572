"""Where files live: shipped files in source and bundle, user folders, the log."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from lrplanner import appfiles, entry, storage

REPO = Path(__file__).resolve().parents[1]


def test_shipped_files_are_found_in_a_checkout() -> None:
    assert appfiles.install_root() == REPO
    assert appfiles.sample_workbook().is_file()
    assert appfiles.user_guide().is_file()
    assert (appfiles.resources_dir() / "fonts").is_dir()


def test_a_frozen_build_reads_its_own_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.delenv(appfiles.RESOURCES_ENV, raising=False)
    assert appfiles.is_frozen()
    assert appfiles.install_root() == tmp_path
    assert appfiles.resources_dir() == tmp_path / "resources"
    assert appfiles.sample_workbook() == tmp_path / "sample_data" / "mekong.xlsx"
    assert appfiles.user_guide() == tmp_path / "docs" / "user-guide.md"


def test_the_resources_variable_wins(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(appfiles.RESOURCES_ENV, str(tmp_path))
    assert appfiles.resources_dir() == tmp_path


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are Linux's")
def test_user_files_go_to_the_standard_folders(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert appfiles.config_base() == tmp_path / ".config"
    assert storage.autosave_dir() == tmp_path / ".local/share/LRPlanner/autosave"
    assert storage.autosave_dir().is_dir()
    assert appfiles.log_dir() == tmp_path / ".local/state/LRPlanner/log"


@pytest.fixture
def root_handlers() -> object:
    """Restore the root logger's handlers and level after the test."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.mark.usefixtures("root_handlers")
def test_the_log_file_rotates_and_is_set_up_once(tmp_path: Path) -> None:
    target = appfiles.setup_logging(tmp_path)
    again = appfiles.setup_logging(tmp_path)
    assert target == again == tmp_path / appfiles.LOG_NAME
    files = [
        h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None)
    ]
    mine = [h for h in files if Path(h.baseFilename) == target.resolve()]  # type: ignore[attr-defined]
    assert len(mine) == 1
    assert getattr(mine[0], "maxBytes", 0) == appfiles.LOG_BYTES
    assert getattr(mine[0], "backupCount", 0) == appfiles.LOG_BACKUPS
    logging.getLogger("lrplanner.test").info("planned the Mekong route")
    mine[0].flush()
    assert "planned the Mekong route" in target.read_text(encoding="utf-8")


@pytest.mark.usefixtures("root_handlers")
def test_an_unwritable_log_folder_does_not_stop_the_app(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    target = appfiles.setup_logging(blocker)
    assert target == blocker / appfiles.LOG_NAME
    assert not target.exists()


@pytest.fixture
def gui_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """Replace the desktop app by a recorder of the arguments it gets."""
    calls: list[tuple[object, ...]] = []

    def fake_gui(*args: object) -> int:
        calls.append(args)
        return 0

    monkeypatch.setattr(entry, "run_gui", fake_gui)
    return calls


def test_the_bundle_opens_the_window_with_no_arguments(
    monkeypatch: pytest.MonkeyPatch, gui_calls: list[tuple[object, ...]]
) -> None:
    monkeypatch.setattr(entry, "is_frozen", lambda: True)
    assert entry.main([]) == 0
    assert gui_calls == [(None, None, False, None)]


def test_the_command_line_passes_the_view_to_the_window(
    gui_calls: list[tuple[object, ...]],
) -> None:
    assert entry.main(["gui", "x.lrp", "--plan", "--view", "map"]) == 0
    assert gui_calls == [(Path("x.lrp"), None, True, "map")]
    with pytest.raises(SystemExit):
        entry.main(["gui", "--view", "nowhere"])
