"""The app and deeply nested JSON (issue 18): opening a file whose list column nests too
deeply, or importing such a JSON, shows one message and raises nothing."""

from __future__ import annotations

import sqlite3

from facilitator.app import bundled, file_ops
from facilitator.ui.application import make_app
from facilitator.ui.main_window import MainWindow

DEEP = "[" * 100_000 + "]" * 100_000


def test_opening_a_file_with_a_deeply_nested_value_shows_one_line(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(
        "facilitator.ui.main_window.show_error", lambda parent, error: shown.append(str(error))
    )
    path = tmp_path / "deep.facilitator"
    file_ops.write_new_file(path, bundled.demo_series())
    conn = sqlite3.connect(path)
    conn.execute("UPDATE session SET interpretation = ? WHERE rowid = 1", (DEEP,))
    conn.commit()
    conn.close()
    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.open_path(path)
    assert len(shown) == 1 and "session.interpretation" in shown[0]
    assert "deep.facilitator" in shown[0] and "\n" not in shown[0]
    window.close()
