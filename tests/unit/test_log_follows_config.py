"""The log goes to the config folder in force when a line is written, not to the first one
(a damaged file's SQLite detail is logged now; a later test's folder must get its own lines)."""

from __future__ import annotations

from facilitator.logs import logger


def test_each_config_folder_gets_its_own_lines(tmp_path, monkeypatch):
    for name in ("first", "second"):
        monkeypatch.setenv("FACILITATOR_CONFIG_DIR", str(tmp_path / name))
        logger().warning("line for %s", name)
    for handler in logger().handlers:
        handler.flush()
    first = (tmp_path / "first" / "facilitator.log").read_text(encoding="utf-8")
    second = (tmp_path / "second" / "facilitator.log").read_text(encoding="utf-8")
    assert "line for first" in first and "line for second" not in first
    assert "line for second" in second
