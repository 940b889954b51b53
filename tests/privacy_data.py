"""A series for the privacy tests: four people who did not agree to be named (Latin and
Arabic script, a Member State delegate, an organisation named after its founder), written
about the way note-takers do; an agenda item titled with a name; a floor record."""

from __future__ import annotations

from facilitator.domain import model as m
from facilitator.domain.speakers import QueueEntry, floor_payload

HIDDEN = ["Salomon Ezehi", "Amina Diallo", "Olga Kuznetsova", "ليلى حداد"]
NOTES = ["Ms. Diallo called for…", "As Kuznetsova put it", "Ezehi asked", "طالبت حداد"]


def series(chatham: bool = False, title: str = "Regional consultation") -> m.SeriesContent:
    s = m.Series("Consultations")
    people = [
        m.Participant(s.id, "Salomon Ezehi", "Advocate", "Ezehi Foundation", "civil_society"),
        m.Participant(s.id, "Amina Diallo", "Ambassador", "Mission of Ruritania", "member_state"),
        m.Participant(s.id, "Olga Kuznetsova", "", "", "member_state", country="Ruritania"),
        m.Participant(s.id, "ليلى حداد", "", "", "academia"),
    ]
    for person in people:
        person.may_be_named = False
    people.append(m.Participant(s.id, "Maya Named", "Director", "Org A", "un_entity"))
    session = m.Session(s.id, title, date="2024-03-01", chatham_house=chatham)
    items = [
        m.AgendaItem(session.id, "Opening", 5, "opening", position=0),
        m.AgendaItem(session.id, "Testimony - Salomon Ezehi", 20, "presentation", position=1),
    ]
    day = "2024-03-01T14:"
    floor = floor_payload(QueueEntry("Amina Diallo", people[1].id, "member_state"), None)
    timer = [
        m.TimerEvent(session.id, "start", day + "00:00.000Z", items[0].id),
        m.TimerEvent(session.id, "next", day + "06:00.000Z", items[1].id),
        m.TimerEvent(session.id, "floor", day + "07:00.000Z", items[1].id, payload=floor),
        m.TimerEvent(session.id, "stop", day + "30:00.000Z", items[1].id),
    ]
    interventions = [
        m.Intervention(session.id, items[1].id, people[n].id, notes=NOTES[n], language="en")
        for n in range(4)
    ]
    points = [m.Point(i.id, i.notes, "recommendation") for i in interventions]
    takeaways = [
        m.Takeaway(session.id, text, "recommendation", None, [p.id], position=n)
        for n, (text, p) in enumerate(zip(NOTES, points, strict=True))
    ]
    roles = [m.SessionRole(session.id, p.id, "speaker", True) for p in people]
    sc = m.SessionContent(session, items, [], roles, interventions, points, takeaways, timer)
    return m.SeriesContent(s, [], people, [sc])
