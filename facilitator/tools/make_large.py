"""Make a large Facilitator file for the benchmarks and for trying the app at scale.

    python -m facilitator.tools.make_large big.facilitator --interventions 200000

The file starts as the demo series, then gets a roster of participants, several more sessions
(agenda, guiding questions, topics) and as many interventions as asked, spread over the
sessions, each with zero to three points, in English, French, Spanish, Arabic and Russian.
Everything is written in one transaction with one executemany per table, through the file's
own triggers (so the full-text indexes are built as the app builds them): 200,000
interventions take about a minute on a laptop. Text is drawn from a seeded generator, so the
same arguments give the same words (ids are random UUIDs, as in the app).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from facilitator.app import bundled
from facilitator.domain import model as m
from facilitator.domain.vocab import POINT_KINDS, STAKEHOLDER_GROUPS
from facilitator.storage import open_file
from facilitator.storage.new_file import write_new_file
from facilitator.storage.records import TABLE_OF, to_row

DEVICE = "make-large"
EXTRA_SESSIONS = 6

# Sentences as note-takers write them, per language; a note is two to four of them.
PHRASES: dict[str, list[str]] = {
    "en": [
        "Migrants who disappear along the desert route leave families without answers",
        "We call for safe spaces and search and rescue at sea",
        "Data on missing migrants must be shared across borders",
        "Families should be involved in the search from the first day",
        "Consular cooperation is needed to identify the dead",
        "Our organisation supports returnees with legal aid and counselling",
        "Access to regular pathways reduces irregular journeys",
        "The national plan includes a hotline for families of missing migrants",
    ],
    "fr": [
        "Les migrants disparus dans le désert laissent des familles sans réponse",
        "Nous demandons des espaces sûrs le long des routes migratoires",
        "La coopération consulaire est nécessaire pour identifier les défunts",
        "Les familles doivent être associées à la recherche dès le premier jour",
        "Les données sur les migrants disparus doivent être partagées",
        "Notre réseau accompagne les personnes de retour au Niger",
    ],
    "es": [
        "Las familias de migrantes desaparecidos buscan respuestas en la frontera",
        "La Mesa de Búsqueda coordina a las autoridades y a las familias",
        "Se necesitan bases de datos forenses compartidas entre países",
        "Pedimos rutas regulares y seguras para la migración",
        "Las madres centroamericanas recorren México buscando a sus hijos",
        "La cooperación regional salva vidas en el mar",
    ],
    "ar": [
        "المهاجرين المفقودين في الصحراء يتركون أسرا بلا إجابات",
        "ندعو إلى البحث والإنقاذ في البحر وحماية المهاجرين",
        "يجب تبادل البيانات عن المهاجرين المفقودين بين الدول",
        "الأسر يجب أن تشارك في البحث منذ اليوم الأول",
        "التعاون القنصلي ضروري لتحديد هوية الموتى",
        "منظمتنا تقدم الدعم القانوني للعائدين",
    ],
    "ru": [
        "Пропавшие мигранты оставляют семьи без ответов",
        "Мы призываем к поиску и спасению мигрантов в море",
        "Данные о пропавших мигрантах должны передаваться между странами",
        "Семьи должны участвовать в поиске с первого дня",
        "Консульское сотрудничество необходимо для опознания погибших",
        "Наша организация помогает вернувшимся мигрантам",
    ],
}
FIRST = ["Amina", "Jean", "María", "Omar", "Olga", "Kwame", "Sofía", "Ahmed", "Irina", "Luc"]
LAST = ["Diallo", "Martin", "García", "Haddad", "Ivanova", "Mensah", "López", "Nasser", "Petrov"]
COUNTRIES = ["Niger", "Mexico", "Morocco", "Russia", "France", "Ghana", "Spain", "Egypt", "Chile"]
ORGS = ["Red de Madres", "Caritas", "Croissant-Rouge", "Migrant Rights Network", "UNHCR", ""]


def _rows(records: Iterable[Any], stamp: str) -> dict[str, list[dict[str, Any]]]:
    by_table: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        row = to_row(record)
        row.update(device=DEVICE, hlc=stamp, stamps="{}", deleted=0)
        by_table.setdefault(TABLE_OF[type(record)], []).append(row)
    return by_table


def _insert(conn, by_table: dict[str, list[dict[str, Any]]]) -> None:
    for table, rows in by_table.items():
        names = list(rows[0])
        sql = (
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})"
        )
        conn.executemany(sql, rows)


def _note(rng: random.Random, language: str) -> str:
    return ". ".join(rng.sample(PHRASES[language], rng.randint(2, 4))) + "."


def make_large(path: Path, interventions: int, seed: int = 19) -> None:
    """Write `path` (which must not exist) with the demo series grown to `interventions`."""
    rng = random.Random(seed)
    demo = bundled.demo_series()
    series_id = demo.series.id
    for n in range(EXTRA_SESSIONS):
        session = m.Session(
            series_id,
            f"GCM Talk {n + 4}: missing migrants, year {2024 + n}",
            date=f"{2024 + n}-03-{10 + n:02d}",
            start_time="15:00",
            interpretation=["en", "fr", "es", "ar", "ru"],
            position=100 + n,
        )
        agenda = [m.AgendaItem(session.id, f"Item {k + 1}", 15, position=k) for k in range(6)]
        questions = [
            m.GuidingQuestion(session.id, f"Guiding question {k + 1}?", position=k)
            for k in range(3)
        ]
        demo.sessions.append(m.SessionContent(session, agenda=agenda, questions=questions))
    write_new_file(path, demo, device=DEVICE)
    people = [
        m.Participant(
            series_id,
            f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}",
            organisation=rng.choice(ORGS),
            stakeholder_group=rng.choice(list(STAKEHOLDER_GROUPS)),
            country=rng.choice(COUNTRIES),
        )
        for n in range(max(50, interventions // 100))
    ]
    kinds = list(POINT_KINDS)
    languages = list(PHRASES)
    db = open_file(path, device=DEVICE)
    try:
        with db.transaction() as conn:
            stamp = db.clock.now()
            _insert(conn, _rows(people, stamp))
            sessions = demo.sessions
            start = dt.datetime(2023, 1, 1, 9, 0, tzinfo=dt.UTC)
            done = 0
            chunk = 20_000
            while done < interventions:
                records: list[Any] = []
                for n in range(done, min(interventions, done + chunk)):
                    sc = sessions[n % len(sessions)]
                    language = rng.choice(languages)
                    at = start + dt.timedelta(seconds=97 * n)
                    person = rng.choice(people) if rng.random() < 0.8 else None
                    i = m.Intervention(
                        sc.session.id,
                        agenda_item_id=rng.choice(sc.agenda).id if sc.agenda else None,
                        participant_id=person.id if person else None,
                        stakeholder_group="" if person else rng.choice(list(STAKEHOLDER_GROUPS)),
                        country="" if person else rng.choice(COUNTRIES),
                        language=language,
                        started_at=at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                        ended_at=(at + dt.timedelta(seconds=90)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                        notes=_note(rng, language),
                    )
                    records.append(i)
                    for k in range(rng.choice((0, 1, 2, 2, 3, 3))):
                        question = rng.choice(sc.questions) if sc.questions and k == 0 else None
                        records.append(
                            m.Point(
                                i.id,
                                rng.choice(PHRASES[language]),
                                kind=rng.choice(kinds),
                                question_id=question.id if question else None,
                                position=k,
                            )
                        )
                _insert(conn, _rows(records, stamp))
                done = min(interventions, done + chunk)
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make a large Facilitator file.")
    parser.add_argument("file", type=Path)
    parser.add_argument("--interventions", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    make_large(args.file, args.interventions, args.seed)
    size = args.file.stat().st_size / 2**20
    print(
        f"{args.file}: {args.interventions} interventions, {size:.0f} MiB, "
        f"{time.perf_counter() - began:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
