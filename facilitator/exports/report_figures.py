"""The figures a report shows as charts, as data with translated labels (no drawing here).

PDF draws them with reportlab.graphics (report_charts.py); Word and Markdown show the same
numbers as small tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.domain import figures
from facilitator.domain import model as m
from facilitator.domain.speaking_time import speaking_time
from facilitator.domain.vocab import GENDERS, STAKEHOLDER_GROUPS
from facilitator.i18n import format_number, gettext_in


@dataclass
class Chart:
    kind: str  # agenda_time | speaking_time | participation_group | participation_gender
    title: str
    categories: list[str]
    series: list[tuple[str, list[float | None]]]  # (legend, one value per category)
    unit: str  # what the numbers count, translated ("minutes", "participants")
    category_label: str = ""  # what the rows are ("Agenda item"), the table's first header

    def value_label(self, value: float | None, lang: str) -> str:
        if value is None:
            return "—"
        return format_number(round(value, 1), lang)

    def rows(self, lang: str) -> list[list[str]]:
        """The chart as a table: header row, then one row per category."""
        header = [self.category_label] + [
            f"{name} ({self.unit})" if name.casefold() != self.unit.casefold() else name
            for name, _values in self.series
        ]
        body = [
            [category] + [self.value_label(values[n], lang) for _name, values in self.series]
            for n, category in enumerate(self.categories)
        ]
        return [header, *body]


def vocab_in(lang: str, vocabulary: dict[str, str], code: str) -> str:
    """The label of a vocabulary code in the export language (the code when unknown)."""
    source = vocabulary.get(code)
    return gettext_in(lang, source) if source else code


def group_in(lang: str, code: str) -> str:
    """A stakeholder group's label in the export language; "" is "Not recorded"."""
    return vocab_in(lang, STAKEHOLDER_GROUPS, code) if code else gettext_in(lang, "Not recorded")


def _gender(lang: str, code: str) -> str:
    return vocab_in(lang, GENDERS, code) if code else gettext_in(lang, "Not recorded")


def agenda_chart(sc: m.SessionContent, lang: str) -> Chart | None:
    rows = figures.planned_vs_actual(sc)
    if not rows or all(r.actual_seconds is None for r in rows):
        return None
    return Chart(
        "agenda_time",
        gettext_in(lang, "Planned and actual minutes per agenda item"),
        [r.item.title for r in rows],
        [
            (gettext_in(lang, "Planned"), [float(r.planned_minutes) for r in rows]),
            (gettext_in(lang, "Actual"), [r.actual_minutes for r in rows]),
        ],
        gettext_in(lang, "minutes"),
        gettext_in(lang, "Agenda item"),
    )


def speaking_chart(
    sc: m.SessionContent, participants: list[m.Participant], lang: str
) -> Chart | None:
    found = speaking_time(sc, participants)
    if not found.total:
        return None
    categories = [group_in(lang, code) for code in found.by_group]
    values = [seconds / 60 for seconds in found.by_group.values()]
    if found.chairing:  # the moderator's chairing on its own row, not her group's speech
        categories.append(gettext_in(lang, "Chairing (moderator)"))
        values.append(found.chairing / 60)
    return Chart(
        "speaking_time",
        gettext_in(lang, "Speaking time by stakeholder group, in minutes"),
        categories,
        [(gettext_in(lang, "Speaking time"), values)],
        gettext_in(lang, "minutes"),
        gettext_in(lang, "Stakeholder group"),
    )


def participation_charts(
    sc: m.SessionContent, participants: list[m.Participant], lang: str
) -> list[Chart]:
    found = figures.participation(sc, participants)
    charts = []
    people = gettext_in(lang, "Participants")
    unit = gettext_in(lang, "participants")
    if found.by_group:
        groups = sorted(found.by_group.items(), key=lambda kv: -kv[1])
        charts.append(
            Chart(
                "participation_group",
                gettext_in(lang, "Participants by stakeholder group"),
                [group_in(lang, code) for code, _n in groups],
                [(people, [float(n) for _code, n in groups])],
                unit,
                gettext_in(lang, "Stakeholder group"),
            )
        )
    if found.by_gender:
        genders = sorted(found.by_gender.items(), key=lambda kv: (kv[0] == "", -kv[1]))
        charts.append(
            Chart(
                "participation_gender",
                gettext_in(lang, "Participants by gender"),
                [_gender(lang, code) for code, _n in genders],
                [(people, [float(n) for _code, n in genders])],
                unit,
                gettext_in(lang, "Gender"),
            )
        )
    return charts


def session_charts(
    sc: m.SessionContent, participants: list[m.Participant], lang: str
) -> list[Chart]:
    charts = [agenda_chart(sc, lang), speaking_chart(sc, participants, lang)]
    return [c for c in charts if c] + participation_charts(sc, participants, lang)
