"""Pasting an agenda or guiding questions: the forms programmes use, in the five languages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.agenda_paste import parse_agenda, parse_questions

# The agenda of seed 002 (the workstream page), exactly as it is copied from the page.
SEED_002_AGENDA = """10 minutes | Opening remarks Jonathan Prentice, Head, United Nations Network on Migration |
10 minutes | Setting the scene The session will outline the background and objectives of the UNNM workstream focused on producing actionable recommendations on missing migrants and provision of humanitarian assistance to migrants in distress. |
15 minutes
| Key discussants
|
50 minutes | Discussion
|
5 minutes | Closing remarks
|
"""


def summary(text: str) -> list[tuple[str, int | None, str]]:
    return [(i.title, i.planned_minutes, i.kind) for i in parse_agenda(text)]


def test_the_seed_agenda_reads_as_five_items_of_ninety_minutes():
    items = parse_agenda(SEED_002_AGENDA)
    assert summary(SEED_002_AGENDA) == [
        ("Opening remarks", 10, "opening"),
        ("Setting the scene", 10, "scene_setting"),
        ("Key discussants", 15, "panel"),
        ("Discussion", 50, "discussion"),
        ("Closing remarks", 5, "closing"),
    ]
    assert sum(i.planned_minutes for i in items) == 90  # "The 90 minutes introductory GCM Talk"
    assert items[0].speakers == "Jonathan Prentice, Head, United Nations Network on Migration"
    assert items[1].speakers == ""
    assert items[1].description.startswith("The session will outline the background")
    assert items[1].description.endswith("migrants in distress.")
    assert not any(i.needs_minutes for i in items)


def test_the_same_table_copied_from_word_is_tab_separated():
    text = (
        "10 minutes\tOpening remarks\tJonathan Prentice, Head, United Nations Network on Migration\n"
        "15 minutes\tKey discussants\t\n"
        "50 minutes\tDiscussion\n"
    )
    items = parse_agenda(text)
    assert summary(text) == [
        ("Opening remarks", 10, "opening"),
        ("Key discussants", 15, "panel"),
        ("Discussion", 50, "discussion"),
    ]
    assert items[0].speakers.startswith("Jonathan Prentice")


@pytest.mark.parametrize(
    "line, title, minutes",
    [
        ("15:00–15:10 Opening remarks", "Opening remarks", 10),
        ("15:00 - 15:10 Opening remarks", "Opening remarks", 10),
        ("15:00-15:25: Setting the scene", "Setting the scene", 25),
        ("23:50–00:20 Discussion", "Discussion", 30),
        ("Opening remarks (10 min)", "Opening remarks", 10),
        ("Opening remarks – 10'", "Opening remarks", 10),
        ("Opening remarks - 10 mins", "Opening remarks", 10),
        ("Discussion (1 h 30 min)", "Discussion", 90),
        ("Discussion – 1h30", "Discussion", 90),
        ("- Closing remarks (5 minutes)", "Closing remarks", 5),
        ("• Closing remarks (5 minutes)", "Closing remarks", 5),
        ("3. Closing remarks (5 minutes)", "Closing remarks", 5),
        ("iv) Closing remarks (5 minutes)", "Closing remarks", 5),
    ],
)
def test_english_forms(line, title, minutes):
    [item] = parse_agenda(line)
    assert (item.title, item.planned_minutes) == (title, minutes)


@pytest.mark.parametrize(
    "line, title, minutes, kind",
    [
        ("Mot de bienvenue (10 minutes)", "Mot de bienvenue", 10, "opening"),
        ("Débat – 45 min", "Débat", 45, "discussion"),
        ("Clôture : 5 mn", "Clôture", 5, "closing"),
        ("Palabras de apertura (10 minutos)", "Palabras de apertura", 10, "opening"),
        ("Debate – 40 min", "Debate", 40, "discussion"),
        ("Вступительное слово (10 минут)", "Вступительное слово", 10, "opening"),
        ("Обсуждение – 50 мин", "Обсуждение", 50, "discussion"),
        ("Закрытие (5 минуты)", "Закрытие", 5, "closing"),
        ("الملاحظات الافتتاحية (10 دقائق)", "الملاحظات الافتتاحية", 10, "opening"),
        ("مناقشة – ٥٠ دقيقة", "مناقشة", 50, "discussion"),
        ("الملاحظات الختامية (5 دقائق)", "الملاحظات الختامية", 5, "closing"),
    ],
)
def test_french_spanish_russian_arabic_unit_words(line, title, minutes, kind):
    [item] = parse_agenda(line)
    assert (item.title, item.planned_minutes, item.kind) == (title, minutes, kind)


def test_start_times_alone_take_their_minutes_from_the_next_start():
    text = "15:00 Welcome\n15:05 Panel discussion\n15:40 Closing remarks\n"
    assert summary(text) == [
        ("Welcome", 5, "opening"),
        ("Panel discussion", 35, "panel"),
        ("Closing remarks", None, "closing"),  # nothing says when it ends: flagged
    ]


def test_french_start_times_written_with_h():
    text = "15h00 Ouverture\n15h10–15h55 Débat\n15h55 Clôture\n"
    assert summary(text) == [
        ("Ouverture", 10, "opening"),
        ("Débat", 45, "discussion"),
        ("Clôture", None, "closing"),
    ]


def test_a_start_time_column_and_a_duration_column():
    [item] = parse_agenda("15:00\tOpening remarks\t10 min")
    assert (item.title, item.planned_minutes) == ("Opening remarks", 10)


def test_lines_without_minutes_come_back_flagged_not_dropped():
    items = parse_agenda("Opening remarks (10 min)\nA word from the host\nDiscussion (600 min)\n")
    assert [i.title for i in items] == ["Opening remarks", "A word from the host", "Discussion"]
    assert [i.needs_minutes for i in items] == [False, True, False]


def test_impossible_durations_are_flagged():
    items = parse_agenda("Discussion (0 min)\nMarathon (601 minutes)")
    assert [i.planned_minutes for i in items] == [None, None]


def test_speakers_after_a_dash_or_colon():
    [item] = parse_agenda("Presentation: Mariela Guajardo, IOM (15 min)")
    assert (item.title, item.speakers, item.planned_minutes) == (
        "Presentation",
        "Mariela Guajardo, IOM",
        15,
    )


def test_empty_and_blank_text_give_no_items():
    assert parse_agenda("") == [] and parse_agenda("\n  \n|\n") == []


@given(st.text(max_size=300))
def test_any_text_is_read_without_error_and_minutes_are_always_in_range(text):
    for item in parse_agenda(text):
        assert item.planned_minutes is None or 1 <= item.planned_minutes <= 600


WORDS = st.sampled_from(
    ["Regional", "overview", "Youth", "voices", "of", "Migrants", "Лучшие", "практики", "تجارب"]
)
FORMS = [
    lambda t, n: f"{n} minutes | {t}",
    lambda t, n: f"{t} ({n} min)",
    lambda t, n: f"{t} – {n}'",
    lambda t, n: f"- {t} ({n} минут)",
    lambda t, n: f"{t}\t{n} mins",
    lambda t, n: f"{t} ({n} دقيقة)",
    lambda t, n: f"15:00–{(15 * 60 + n) // 60 % 24:02d}:{(15 * 60 + n) % 60:02d} {t}",
]


@given(
    st.lists(
        st.tuples(st.lists(WORDS, min_size=1, max_size=4).map(" ".join), st.integers(1, 600)),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(range(len(FORMS))),
)
def test_an_agenda_written_in_any_form_reads_back_as_written(items, form):
    text = "\n".join(FORMS[form](title, minutes) for title, minutes in items)
    assert [(i.title, i.planned_minutes) for i in parse_agenda(text)] == items


def test_questions_one_per_bullet_or_number():
    text = (
        "1. What are the main challenges in searching for missing migrants?\n"
        "2. Which promising practices exist to provide\n"
        "   humanitarian assistance to migrants in distress?\n"
        "\n"
        "- How can cooperation be strengthened?\n"
    )
    assert parse_questions(text) == [
        "What are the main challenges in searching for missing migrants?",
        "Which promising practices exist to provide humanitarian assistance to migrants in distress?",
        "How can cooperation be strengthened?",
    ]


def test_questions_without_bullets_are_one_per_line():
    assert parse_questions("Quels sont les défis ?\n¿Qué prácticas existen?\n") == [
        "Quels sont les défis ?",
        "¿Qué prácticas existen?",
    ]


def test_questions_in_russian_and_arabic_with_bullets():
    text = "• Какие существуют проблемы?\n• ما هي الممارسات الواعدة؟"
    assert parse_questions(text) == ["Какие существуют проблемы?", "ما هي الممارسات الواعدة؟"]
