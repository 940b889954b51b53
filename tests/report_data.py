"""Series built in code for the report and export tests: known figures, curated take-aways,
a roster, a timer log, a participant who must stay hidden, and optional Arabic texts."""

from __future__ import annotations

from facilitator.domain import model as m

HIDDEN_NAME = "Zorana Hiddenova"
HIDDEN_EMAIL = "zorana.hidden@example.org"
NAMED_SPEAKER = "Amina Named-Speaker"
ARABIC_TAKEAWAY = (
    "أكد المشاركون أن البحث عن المهاجرين المفقودين مسؤولية مشتركة بين الدول والمنظمات الإنسانية "
    "وأن التعاون الإقليمي ضروري لتبادل البيانات والممارسات الواعدة مع العائلات في كل مكان"
)
# Curated take-aways per (topic index, kind), in the order the rapporteur put them.
TAKEAWAYS = [
    (0, "challenge", "Weak coordination between search institutions"),
    (0, "challenge", "Families lack information on the search"),
    (0, "practice", "A national search system with a family desk"),
    (0, "recommendation", "Standardize DNA identification across borders"),
    (1, "challenge", "No access to water along desert routes"),
    (1, "recommendation", "Create safe spaces along migratory routes"),
    (1, "pledge", "Open two more service points this year"),
]
ROSTER = [  # name, group, gender, attended
    ("Delegate One", "member_state", "female", True),
    ("Delegate Two", "member_state", "male", True),
    ("Activist Three", "civil_society", "female", True),
    ("Activist Four", "civil_society", "female", False),
    ("Scholar Five", "academia", "male", True),
]


def build_series(
    chatham: bool = False, arabic: bool = False, sessions: int = 1, interventions: int = 6
) -> m.SeriesContent:
    series = m.Series(title="Test consultations", description="Consultations built for tests.")
    topics = [
        m.Topic(series.id, "Missing migrants", 0),
        m.Topic(series.id, "Humanitarian assistance", 1),
    ]
    people = [
        m.Participant(
            series.id, "Maya Moderator", "Director", "Org A", "un_entity", gender="female"
        ),
        m.Participant(
            series.id, NAMED_SPEAKER, "Coordinator", "Org B", "civil_society", gender="female"
        ),
        m.Participant(
            series.id,
            HIDDEN_NAME,
            "Secret Title",
            "Mission of Hidden",
            "member_state",
            country="Hiddenland",
            gender="female",
            email=HIDDEN_EMAIL,
            may_be_named=False,
        ),
    ]
    people += [
        m.Participant(series.id, name, "", f"Org of {name}", group, country=name, gender=gender)
        for name, group, gender, _attended in ROSTER
    ]
    content = m.SeriesContent(series, topics, people)
    for n in range(sessions):
        content.sessions.append(_session(content, n, chatham, arabic, interventions))
    return content


def _session(content, n, chatham, arabic, count) -> m.SessionContent:
    series, topics, people = content.series, content.topics, content.participants
    s = m.Session(
        series.id,
        f"Session {n + 1}",
        subtitle="Testing the report",
        date=f"2024-01-{n + 10:02d}",
        start_time="15:00",
        timezone="Europe/Zurich",
        format="hybrid",
        venue="Geneva",
        platform="Zoom",
        interpretation=["en", "fr", "ar"],
        chatham_house=chatham,
        organisers="The test organizers",
        position=n,
        background=ARABIC_TAKEAWAY if arabic else "Background of the test session.",
        objectives_text="To test the report.",
        registered=999,
        attended=888,
    )
    agenda = [
        m.AgendaItem(s.id, "Opening", 10, "opening", position=0),
        m.AgendaItem(s.id, "Discussion", 50, "discussion", position=1),
        m.AgendaItem(s.id, "Closing", 5, "closing", position=2),
    ]
    questions = [m.GuidingQuestion(s.id, "Which routes matter most?", position=0)]
    roles = [
        m.SessionRole(s.id, people[0].id, "moderator", True),
        m.SessionRole(s.id, people[1].id, "speaker", True),
        m.SessionRole(s.id, people[2].id, "panellist", True),
    ]
    roles += [
        m.SessionRole(s.id, p.id, "participant", attended)
        for p, (*_x, attended) in zip(people[3:], ROSTER, strict=True)
    ]
    day = s.date
    timer = [
        m.TimerEvent(s.id, "start", f"{day}T14:00:00.000Z", agenda[0].id),
        m.TimerEvent(s.id, "next", f"{day}T14:12:00.000Z", agenda[1].id),
        m.TimerEvent(s.id, "next", f"{day}T15:00:00.000Z", agenda[2].id),
        m.TimerEvent(s.id, "stop", f"{day}T15:04:00.000Z", agenda[2].id),
    ]
    interventions, points = [], []
    for k in range(count):
        speaker = people[2] if k % 2 == 0 else people[1]
        i = m.Intervention(
            s.id,
            agenda[1].id,
            speaker.id,
            language="en",
            started_at=f"{day}T14:{15 + k % 40:02d}:00Z",
            ended_at=f"{day}T14:{16 + k % 40:02d}:30Z",
            notes=f"{speaker.name} spoke about point {k}.",
        )
        interventions.append(i)
        points.append(
            m.Point(i.id, f"Point {k} about search and rescue", "challenge", topics[k % 2].id)
        )
    takeaways = [
        m.Takeaway(s.id, text, kind, topics[t].id, [points[0].id], position=len(TAKEAWAYS) - j)
        for j, (t, kind, text) in enumerate(TAKEAWAYS)
    ]
    if arabic:
        takeaways.append(
            m.Takeaway(s.id, ARABIC_TAKEAWAY, "recommendation", topics[0].id, position=99)
        )
    return m.SessionContent(s, agenda, questions, roles, interventions, points, takeaways, timer)


def curated_order(topic: int, kind: str) -> list[str]:
    """The take-away texts of one list in the order the rapporteur set (by position)."""
    texts = [
        (len(TAKEAWAYS) - j, text)
        for j, (t, k, text) in enumerate(TAKEAWAYS)
        if t == topic and k == kind
    ]
    return [text for _pos, text in sorted(texts)]
