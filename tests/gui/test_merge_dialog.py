"""File > Merge files… and Merge from folder…: the work runs off the GUI thread behind a
progress dialog that can be cancelled between files, then a report; the window shows what
the merge brought in. Also Save a copy for the team and the synced-folder warning."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from merge_fixtures import base_file
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTreeWidget

from facilitator.domain import model as m
from facilitator.i18n.catalog import PSEUDO
from facilitator.storage import folder_merge, open_file
from facilitator.storage import repository as repo
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.merge.dialog import MergeDialog
from facilitator.ui.merge.menu import MergeTools


def colleague(source: Path, folder: Path, device: str, notes: str) -> Path:
    """A colleague's copy of the demo file with one more intervention."""
    path = folder / f"{device}.facilitator"
    shutil.copyfile(source, path)
    db = open_file(path, device=device)
    session = repo.find(db, m.Session)[0]
    repo.insert(db, m.Intervention(session.id, notes=notes))
    db.close()
    return path


@pytest.fixture
def team(qtbot, demo_path, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    files = [
        colleague(demo_path, folder, name, f"{name} logged this") for name in ("ana", "ben", "cy")
    ]
    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(demo_path)
    yield window, files
    window.close()
    apply_language("en")


def run_dialog(qtbot, window) -> MergeDialog:
    dialog = window.merge_tools.dialog
    qtbot.waitUntil(lambda: dialog.batch is not None and not dialog.running(), timeout=20000)
    return dialog


def plain(text: str) -> str:
    return text.replace("\u2068", "").replace("\u2069", "")


def tree_lines(dialog: MergeDialog) -> list[str]:
    """The report as text, one line per row, without the bidi isolation marks."""
    tree = dialog.findChild(QTreeWidget, "mergeReportTree")
    lines = []
    for n in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(n)
        lines.append(plain(" | ".join(item.text(c) for c in range(5)).strip(" |")))
        for k in range(item.childCount()):
            child = item.child(k)
            lines.append(plain("  " + " | ".join(child.text(c) for c in range(5)).strip(" |")))
    return lines


def all_notes(window) -> set[str]:
    return {i.notes for sc in window.series.sessions for i in sc.interventions}


def test_merge_files_shows_progress_then_the_report(qtbot, team, tmp_path, monkeypatch):
    window, files = team
    bad = tmp_path / "minutes.facilitator"
    bad.write_text("not a database")
    chosen = [str(files[0]), str(bad)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    window.merge_tools.actions["mergeFilesAction"].trigger()
    dialog = run_dialog(qtbot, window)

    assert dialog.pages.currentIndex() == 1  # the report page
    assert dialog.report.summary.text() == "1 file merged, 1 not merged."
    lines = tree_lines(dialog)
    assert lines[0].startswith("ana.facilitator | 1 | 0 |")
    assert "  Interventions | 1 | 0 | 25 | 0" in lines
    assert lines[2] == "minutes.facilitator"
    assert "is not a Facilitator file" in lines[3]
    assert "ana logged this" in all_notes(window)  # the window shows the merged note
    later = repo.insert(window.db, m.Intervention(window.series.sessions[0].session.id))
    stamp = window.db.conn.execute(
        "SELECT max(hlc) FROM intervention WHERE id != ?", (later.id,)
    ).fetchone()[0]
    assert (
        window.db.conn.execute("SELECT hlc FROM intervention WHERE id = ?", (later.id,)).fetchone()[
            0
        ]
        > stamp
    )  # edits after the merge are stamped after what it brought in


def test_cancel_stops_between_files(qtbot, team, monkeypatch):
    window, files = team
    real_merge, clicked = folder_merge.merge, threading.Event()

    def slow_merge(*args, **kwargs):  # the first file takes until Cancel has been clicked
        clicked.wait(10)
        return real_merge(*args, **kwargs)

    monkeypatch.setattr(folder_merge, "merge", slow_merge)
    dialog = window.merge_tools.run_merge(files=files)
    qtbot.waitUntil(lambda: "File 1 of 3" in plain(dialog.current.text()), timeout=10000)
    assert dialog.pages.currentIndex() == 0  # the progress page, while merging
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.current.text() == "Cancelling after the current file…"
    assert not dialog.cancel_button.isEnabled()
    clicked.set()
    run_dialog(qtbot, window)
    assert dialog.batch.cancelled and len(dialog.batch.merged()) == 1
    assert dialog.report.summary.text() == (
        "1 file merged. Cancelled: the remaining files were not merged."
    )
    assert "ana logged this" in all_notes(window) and "ben logged this" not in all_notes(window)


def test_another_series_is_added_side_by_side_when_the_user_agrees(
    qtbot, team, tmp_path, monkeypatch
):
    window, _files = team
    other = base_file(tmp_path, "Youth consultation")
    asked = []
    monkeypatch.setattr(MergeDialog, "ask_other_series", lambda self, n: asked.append(n) or True)
    sessions = len(window.series.sessions)
    window.merge_tools.run_merge(files=[other.path])
    dialog = run_dialog(qtbot, window)
    assert asked == [1]
    assert len(window.series.sessions) == sessions + 1
    assert any("Youth consultation" in line for line in tree_lines(dialog))


def test_merge_from_folder_then_again(qtbot, team, monkeypatch):
    window, files = team
    folder = files[0].parent
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window.merge_tools.actions["mergeFolderAction"].trigger()
    dialog = run_dialog(qtbot, window)
    assert dialog.report.summary.text() == "3 files merged."
    assert {"ana logged this", "ben logged this", "cy logged this"} <= all_notes(window)
    window.merge_tools.actions["mergeFolderAction"].trigger()
    again = run_dialog(qtbot, window)
    assert again.report.summary.text() == "0 files merged, 3 already merged before."


def test_save_a_copy_for_the_team(qtbot, team, tmp_path, monkeypatch):
    window, _files = team
    out = tmp_path / "outbox"
    out.mkdir()
    suggested = []

    def save_name(parent, title, start, filters):
        suggested.append(Path(start).name)
        return str(out / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window.merge_tools.actions["shareCopyAction"].trigger()
    copy = out / suggested[0]
    assert copy.exists() and not Path(f"{copy}-wal").exists()
    assert suggested[0].startswith("demo-") and suggested[0].endswith(".facilitator")
    assert "Saved a copy for the team" in window.statusBar().currentMessage()


def test_a_file_in_a_synced_folder_offers_a_local_copy(qtbot, team, tmp_path, monkeypatch):
    window, files = team
    dropbox = tmp_path / "Dropbox" / "GCM"
    dropbox.mkdir(parents=True)
    synced = dropbox / "talk.facilitator"
    shutil.copyfile(files[0], synced)
    asked = []
    monkeypatch.setattr(
        MergeTools, "ask_keep_local", lambda self, path, place: asked.append(place.name) or True
    )
    local = tmp_path / "local.facilitator"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(local), ""))
    assert window.open_path(synced)
    assert asked == ["Dropbox"]
    assert window.db.path == local  # working on the local copy now
    assert "ana logged this" in all_notes(window)
    assert window.open_path(files[1]) and asked == ["Dropbox"]  # a local file: no question


def test_menu_entries(team):
    window, _files = team
    texts = [a.text() for a in window.file_menu.actions()]
    for text in ("&Merge files…", "Merge from &folder…", "Save a &copy for the team…"):
        assert text in texts
    assert "Merge conflic&ts…" in texts


def test_the_report_retranslates_live(qtbot, team):
    window, files = team
    window.merge_tools.run_merge(files=files[:1])
    dialog = run_dialog(qtbot, window)
    apply_language(PSEUDO)
    marked = "\u27e6"
    assert dialog.report.summary.text().startswith(marked)
    assert dialog.windowTitle().startswith(marked)
    tree = dialog.findChild(QTreeWidget, "mergeReportTree")
    assert all(tree.headerItem().text(c).startswith(marked) for c in range(5))
    assert tree.topLevelItem(0).child(0).text(0).startswith(marked)  # "Interventions"
    assert all(a.text().startswith(marked) for a in window.merge_tools.actions.values())
