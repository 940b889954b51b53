"""Reset the timer: a new run from nothing, the earlier run kept in the file as history and
left out of the report; "behind plan" counts from the current run."""

from __future__ import annotations

from timer_fixtures import Clock, make_file

from facilitator.domain import figures
from facilitator.domain import timer as t
from facilitator.exports import json_series
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.timer_store import TimerSession, load_log


def test_a_reset_starts_a_new_run_and_keeps_the_old_one_as_history(tmp_path):
    clock = Clock()
    db = open_file(make_file(tmp_path), device="d", wall=clock)
    try:
        session = TimerSession(db, repo.load_series(db).sessions[0], clock)
        session.start()
        clock.advance(400)
        session.move(1)
        clock.advance(100)
        session.stop()
        clock.advance(365 * 86400)  # a year later, the same session is run again
        session.reset()
        assert session.timer.phase == t.IDLE and session.state().elapsed == 0
        session.start()
        clock.advance(60)
        state = session.state()
        assert state.current_index == 0 and round(state.item_remaining) == 240
        assert round((state.projected_end - state.started_at - state.planned_seconds) / 60) == 0
        session.stop()
        assert [e.action for e in load_log(db, session.session.id)][:3] == ["start", "next", "stop"]
        content = repo.load_series(db).sessions[0]
    finally:
        db.close()
    rows = figures.planned_vs_actual(content)
    assert rows[0].actual_seconds == 60 and rows[1].actual_seconds is None
    again = json_series.loads(json_series.dumps(repo_series(content)))
    assert [r.actual_seconds for r in figures.planned_vs_actual(again.sessions[0])] == [
        r.actual_seconds for r in rows
    ]


def repo_series(content):
    from facilitator.domain import model as m

    return m.SeriesContent(m.Series("S", id=content.session.series_id), sessions=[content])
