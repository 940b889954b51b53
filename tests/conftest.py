"""Shared fixtures: an isolated config folder, offscreen Qt, files made from the templates."""

from __future__ import annotations

import os
from pathlib import Path

if os.environ.get("FACILITATOR_NO_POSIX"):
    import no_posix

    no_posix.install()

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

from facilitator.i18n import set_language  # noqa: E402

# A profile that fits a 2-core CI: no deadline, no too_slow check, a fixed number of examples.
settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory, monkeypatch):
    """Every test gets its own settings folder and starts in English."""
    config = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("FACILITATOR_CONFIG_DIR", str(config))
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def demo_path(tmp_path) -> Path:
    from facilitator.app import bundled, file_ops

    path = tmp_path / "demo.facilitator"
    file_ops.write_new_file(path, bundled.demo_series())
    return path


@pytest.fixture
def uncurated_demo_path(tmp_path) -> Path:
    """The demo as a rapporteur finds it before curating: its sessions' narratives, no
    take-aways (the bundled demo ships seed 003's curated take-aways)."""
    from facilitator.app import bundled, file_ops

    content = bundled.demo_series()
    for sc in content.sessions:
        sc.takeaways = [t for t in sc.takeaways if t.kind == "narrative"]
    path = tmp_path / "demo.facilitator"
    file_ops.write_new_file(path, content)
    return path


@pytest.fixture
def demo_db(demo_path):
    from facilitator.storage import open_file

    db = open_file(demo_path, device="testdevice")
    yield db
    db.close()
