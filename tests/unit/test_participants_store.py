"""Participants: import from a registration list, add, edit, merge duplicates, attendance,
and the participation figures computed from them."""

from __future__ import annotations

from facilitator.domain import model as m
from facilitator.domain.participation import compute_figures
from facilitator.domain.roster_csv import parse_roster
from facilitator.storage import notes_store as notes
from facilitator.storage import participants_store as store
from facilitator.storage import repository as repo

ROSTER = """Name;Organization;Stakeholder group;Country;Gender;E-mail;Attended
Ana López;Cruz Roja;Civil society;Chile;F;ana@cruz.cl;yes
Juan Pérez;Gobierno;Member State;Chile;M;juan@gob.cl;yes
María Díaz;Gobierno;Member State;Peru;F;maria@gob.pe;yes
Li Wei;Mission of China;Member State;China;M;li@mission.cn;no
Amina Diallo;Red Crescent;Civil society;Senegal;F;amina@rc.sn;yes
Omar Haddad;Red Crescent;Civil society;Senegal;M;omar@rc.sn;yes
Sofia Rossi;University;Academia;Italy;;sofia@uni.it;no
""".encode()


def setup(db):
    series = repo.load_series(db)
    return series.series.id, series.sessions[1].session.id  # a session with no roster yet


def test_import_registers_everyone_and_figures_are_computed(demo_db):
    series_id, session_id = setup(demo_db)
    report = store.import_roster(demo_db, series_id, session_id, parse_roster(ROSTER).rows)
    assert (report.added, report.updated, report.unchanged) == (7, 0, 0)
    figures = store.figures(demo_db, series_id, session_id)
    assert figures.registered == 7
    assert figures.attended == 5
    assert figures.member_states == 2  # Chile and Peru attended; China did not
    assert figures.cso == 2  # Cruz Roja and Red Crescent (two people, one organisation)
    assert figures.by_gender == {"female": 3, "male": 2}


def test_importing_the_same_list_again_changes_nothing(demo_db):
    series_id, session_id = setup(demo_db)
    rows = parse_roster(ROSTER).rows
    store.import_roster(demo_db, series_id, session_id, rows)
    again = store.import_roster(demo_db, series_id, session_id, parse_roster(ROSTER).rows)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 7)
    assert store.figures(demo_db, series_id, session_id).registered == 7


def test_import_completes_known_people_without_overwriting(demo_db):
    series_id, session_id = setup(demo_db)
    known = store.add_participant(
        demo_db, m.Participant(series_id, "Ana Lopez", title="Directora", email="")
    )
    rows = parse_roster(b"Name,Title,Email\nAna L\xc3\xb3pez,Volunteer,ana@cruz.cl\n").rows
    report = store.import_roster(demo_db, series_id, session_id, rows)
    assert (report.added, report.updated) == (0, 1)
    person = repo.get(demo_db, m.Participant, known.id)
    assert (person.title, person.email) == ("Directora", "ana@cruz.cl")


def test_attendance_is_recorded_per_session(demo_db):
    series_id, session_id = setup(demo_db)
    person = store.add_participant(
        demo_db, m.Participant(series_id, "Kofi", country="Ghana", stakeholder_group="member_state")
    )
    store.register(demo_db, session_id, person.id)
    assert store.figures(demo_db, series_id, session_id).attended == 0
    store.register(demo_db, session_id, person.id, attended=True, role="speaker")
    role = store.session_roles(demo_db, session_id)[person.id]
    assert (role.attended, role.role) == (True, "speaker")
    assert store.figures(demo_db, series_id, session_id).member_states == 1
    store.unregister(demo_db, session_id, person.id)
    assert store.figures(demo_db, series_id, session_id).registered == 0


def test_duplicates_are_found_and_merged_with_their_interventions_and_roles(demo_db):
    series_id, session_id = setup(demo_db)
    keep = store.add_participant(demo_db, m.Participant(series_id, "José Pérez", country="Peru"))
    twin = store.add_participant(
        demo_db, m.Participant(series_id, "jose  PEREZ", organisation="Gobierno", gender="male")
    )
    other = store.add_participant(demo_db, m.Participant(series_id, "Someone Else"))
    groups = store.duplicate_groups(demo_db, series_id)
    assert [sorted(p.id for p in g) for g in groups] == [sorted([keep.id, twin.id])]
    store.register(demo_db, session_id, keep.id, attended=False)
    store.register(demo_db, session_id, twin.id, attended=True, role="panellist")
    said = notes.save_entry(
        demo_db, notes.Entry(session_id=session_id, participant_id=twin.id, notes="hola")
    )
    merged = store.merge_participants(demo_db, keep.id, [twin.id])
    assert (merged.organisation, merged.gender, merged.country) == ("Gobierno", "male", "Peru")
    assert repo.get(demo_db, m.Intervention, said).participant_id == keep.id
    roles = repo.find(demo_db, m.SessionRole, session_id=session_id)
    assert [(r.participant_id, r.attended, r.role) for r in roles] == [(keep.id, True, "panellist")]
    assert store.duplicate_groups(demo_db, series_id) == []
    assert other.id in {p.id for p in store.list_participants(demo_db, series_id)}
    assert twin.id not in {p.id for p in store.list_participants(demo_db, series_id)}


def test_edits_clean_names(demo_db):
    series_id, _session_id = setup(demo_db)
    person = store.add_participant(demo_db, m.Participant(series_id, "A"))
    edited = store.update_participant(
        demo_db, person.id, name=" Zoë\u200f  Adams ", gender="female"
    )
    assert (edited.name, edited.gender) == ("Zoë Adams", "female")


def test_figures_count_a_person_registered_twice_once():
    people = [m.Participant("s", "A", stakeholder_group="member_state", country="Chile", id="a")]
    roles = [m.SessionRole("x", "a", attended=True), m.SessionRole("x", "a", attended=True)]
    figures = compute_figures(people, roles)
    assert (figures.registered, figures.attended, figures.member_states) == (1, 1, 1)
