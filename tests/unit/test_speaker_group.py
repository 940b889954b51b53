"""The stakeholder group an intervention counts for in every export is the one the note-taker
recorded for it, as the Notes table shows it; the roster's group only where none was recorded."""

from __future__ import annotations

from facilitator.domain import model as m
from facilitator.domain.summary import speaker_group


def test_the_group_recorded_for_an_intervention_wins_over_the_roster_default():
    # Typed in on the fly with "Not recorded": the roster says 'other'.
    karim = m.Participant("s", "Karim Benali", stakeholder_group="other")
    amina = m.Participant("s", "Amina Yusuf", stakeholder_group="civil_society")
    people = {p.id: p for p in (karim, amina)}
    first = m.Intervention("x", participant_id=karim.id, stakeholder_group="")
    second = m.Intervention("x", participant_id=karim.id, stakeholder_group="member_state")
    hers = m.Intervention("x", participant_id=amina.id, stakeholder_group="")
    nobody = m.Intervention("x", stakeholder_group="")
    assert speaker_group(first, people) == "other"
    assert speaker_group(second, people) == "member_state"
    assert speaker_group(hers, people) == "civil_society"
    assert speaker_group(nobody, people) == "other"
