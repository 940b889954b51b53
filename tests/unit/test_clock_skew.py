"""Clock skew shown (issue 18): a laptop whose clock ran 10 minutes fast, or 2 hours slow, is
named in the merge report and the conflicts it won or lost are marked for review; a computer
whose clock is behind the file's newest stamp knows it at open, and the file records it."""

from __future__ import annotations

from merge_fixtures import T0, Wall, base_file, laptop, saved

from facilitator.app.merge_summary import report_lines
from facilitator.domain import model as m
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.merge import merge


def test_a_clock_ten_minutes_fast_is_named_and_what_it_won_marked(tmp_path):
    base = base_file(tmp_path)
    target = base.interventions[0]
    fast = laptop(base, tmp_path, "fast", Wall(T0 + 600))
    ana = laptop(base, tmp_path, "ana", Wall(T0 + 30))  # corrected later, in real time
    repo.update(fast, m.Intervention, target.id, notes="fast notes")
    repo.update(ana, m.Intervention, target.id, notes="Ana's later correction")
    report = merge(ana, saved(fast), now=T0 + 60)

    assert report.clock_skew == {"fast": 540}
    [conflict] = report.conflicts
    assert conflict.kept_value == "fast notes" and conflict.review
    lines = report_lines(report)
    assert any("laptop fast ran 9 minutes ahead" in line for line in lines)
    assert any(line.strip().startswith("review (a clock ran wrong)") for line in lines)


def test_a_clock_two_hours_slow_is_known_at_open_and_named_in_the_merge(tmp_path):
    base = base_file(tmp_path)
    target = base.interventions[1]
    ana = laptop(base, tmp_path, "ana", Wall(T0))
    repo.update(ana, m.Intervention, target.id, notes="Ana's notes")
    ana_path = saved(ana)

    slow = open_file(ana_path, device="slow", wall=Wall(T0 - 7200))  # takes Ana's file
    assert slow.clock_behind_ms >= 7200 * 1000 - 1000
    recorded = slow.conn.execute(
        "SELECT value FROM meta WHERE key = 'clock_behind:slow'"
    ).fetchone()
    assert recorded is not None
    repo.update(slow, m.Intervention, target.id, notes="slow's last correction")
    slow_path = tmp_path / "slow.facilitator"
    slow.conn.execute("VACUUM INTO ?", (str(slow_path),))
    slow.close()

    bea = laptop(base, tmp_path, "bea", Wall(T0 + 5))
    repo.update(bea, m.Intervention, target.id, notes="Bea's notes")
    report = merge(bea, slow_path, now=T0 + 10)
    assert report.clock_skew == {"slow": -7200}
    assert report.conflicts and all(c.review for c in report.conflicts)  # slow's loss
    assert any("laptop slow ran 120 minutes behind" in line for line in report_lines(report))


def test_a_right_clock_records_nothing(tmp_path):
    base = base_file(tmp_path)
    db = laptop(base, tmp_path, "ana", Wall(T0))
    assert db.clock_behind_ms == 0
    assert db.conn.execute("SELECT count(*) FROM meta WHERE key LIKE 'clock%'").fetchone()[0] == 0
    other = laptop(base, tmp_path, "ben", Wall(T0))
    assert merge(db, saved(other), now=T0).clock_skew == {}
