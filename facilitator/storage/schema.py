"""The schema of a Facilitator file, version by version.

Each migration is frozen once released: a file at version N is moved forward by running the
migrations after N in order. The expected schema of the current version is what these
statements produce in an empty database, which is how foreign and tampered files are spotted.
"""

from __future__ import annotations

# "FCLT": how SQLite tools and this app recognise a Facilitator file (PRAGMA application_id).
APPLICATION_ID = 0x46434C54

# Tables holding synchronised records: every row has id, device, hlc, stamps, deleted.
RECORD_TABLES: tuple[str, ...] = (
    "series",
    "topic",
    "participant",
    "session",
    "agenda_item",
    "guiding_question",
    "session_role",
    "intervention",
    "point",
    "takeaway",
    "timer_event",
    "translation",
)

V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE series (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE topic (
    id TEXT PRIMARY KEY,
    series_id TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE session (
    id TEXT PRIMARY KEY,
    series_id TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    subtitle TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    start_time TEXT NOT NULL DEFAULT '',
    timezone TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL DEFAULT '',
    venue TEXT NOT NULL DEFAULT '',
    platform TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    interpretation TEXT NOT NULL DEFAULT '[]',
    audience TEXT NOT NULL DEFAULT '',
    chatham_house INTEGER NOT NULL DEFAULT 0,
    organisers TEXT NOT NULL DEFAULT '',
    background TEXT NOT NULL DEFAULT '',
    objectives_text TEXT NOT NULL DEFAULT '',
    gcm_objectives TEXT NOT NULL DEFAULT '[]',
    registered INTEGER,
    attended INTEGER,
    member_states INTEGER,
    cso INTEGER,
    warning_seconds INTEGER NOT NULL DEFAULT 0,
    speaking_seconds INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE agenda_item (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    planned_minutes INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT '',
    speakers TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE guiding_question (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    synthesis TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE participant (
    id TEXT PRIMARY KEY,
    series_id TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    stakeholder_group TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    gender TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    may_be_named INTEGER NOT NULL DEFAULT 0,
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE session_role (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL DEFAULT '',
    participant_id TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    attended INTEGER NOT NULL DEFAULT 0,
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE intervention (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL DEFAULT '',
    agenda_item_id TEXT,
    participant_id TEXT,
    stakeholder_group TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    started_at TEXT,
    ended_at TEXT,
    notes TEXT NOT NULL DEFAULT '',
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE point (
    id TEXT PRIMARY KEY,
    intervention_id TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    topic_id TEXT,
    question_id TEXT,
    gcm_objectives TEXT NOT NULL DEFAULT '[]',
    position INTEGER NOT NULL DEFAULT 0,
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE takeaway (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    topic_id TEXT,
    point_ids TEXT NOT NULL DEFAULT '[]',
    position INTEGER NOT NULL DEFAULT 0,
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE timer_event (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL DEFAULT '',
    agenda_item_id TEXT,
    seconds INTEGER NOT NULL DEFAULT 0,
    payload TEXT NOT NULL DEFAULT '',
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX topic_series ON topic (series_id);
CREATE INDEX participant_series ON participant (series_id);
CREATE INDEX session_series ON session (series_id);
CREATE INDEX agenda_item_session ON agenda_item (session_id, position);
CREATE INDEX guiding_question_session ON guiding_question (session_id, position);
CREATE INDEX session_role_session ON session_role (session_id);
CREATE INDEX intervention_session ON intervention (session_id, started_at);
CREATE INDEX point_intervention ON point (intervention_id, position);
CREATE INDEX takeaway_session ON takeaway (session_id, position);
CREATE INDEX timer_event_session ON timer_event (session_id, at);
"""

# Version 2: full-text search over notes and points, typing drafts, merge bookkeeping.
# The search indexes are external-content FTS5 tables kept in step by triggers, so every
# write path (typing, import, merge) indexes what it writes. Drafts and merge bookkeeping are
# local to a file: they are never merged into another file.
V2 = """
CREATE VIRTUAL TABLE intervention_fts USING fts5(
    notes, content='intervention', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER intervention_fts_insert AFTER INSERT ON intervention WHEN new.deleted = 0 BEGIN
    INSERT INTO intervention_fts (rowid, notes) VALUES (new.rowid, new.notes);
END;
CREATE TRIGGER intervention_fts_update AFTER UPDATE OF notes, deleted ON intervention BEGIN
    INSERT INTO intervention_fts (intervention_fts, rowid, notes)
        SELECT 'delete', old.rowid, old.notes WHERE old.deleted = 0;
    INSERT INTO intervention_fts (rowid, notes) SELECT new.rowid, new.notes WHERE new.deleted = 0;
END;
CREATE TRIGGER intervention_fts_delete AFTER DELETE ON intervention WHEN old.deleted = 0 BEGIN
    INSERT INTO intervention_fts (intervention_fts, rowid, notes) VALUES ('delete', old.rowid, old.notes);
END;
INSERT INTO intervention_fts (rowid, notes) SELECT rowid, notes FROM intervention WHERE deleted = 0;

CREATE VIRTUAL TABLE point_fts USING fts5(
    text, content='point', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER point_fts_insert AFTER INSERT ON point WHEN new.deleted = 0 BEGIN
    INSERT INTO point_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER point_fts_update AFTER UPDATE OF text, deleted ON point BEGIN
    INSERT INTO point_fts (point_fts, rowid, text) SELECT 'delete', old.rowid, old.text WHERE old.deleted = 0;
    INSERT INTO point_fts (rowid, text) SELECT new.rowid, new.text WHERE new.deleted = 0;
END;
CREATE TRIGGER point_fts_delete AFTER DELETE ON point WHEN old.deleted = 0 BEGIN
    INSERT INTO point_fts (point_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
INSERT INTO point_fts (rowid, text) SELECT rowid, text FROM point WHERE deleted = 0;

CREATE TABLE draft (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE merge_source (
    file_id TEXT NOT NULL,
    checksum TEXT NOT NULL,
    name TEXT NOT NULL,
    merged_at TEXT NOT NULL,
    report TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (file_id, checksum)
);

CREATE TABLE merge_conflict (
    id TEXT PRIMARY KEY,
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT NOT NULL,
    kept_value TEXT,
    kept_stamp TEXT NOT NULL,
    lost_value TEXT,
    lost_stamp TEXT NOT NULL,
    source TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    resolved INTEGER NOT NULL DEFAULT 0
);
"""

# Version 3: what preparing a session needs. Each new column is a field of its dataclass, with
# the dataclass's default, so rows written before the upgrade read as if never edited; the
# per-field `stamps` of those rows do not name the new fields, which then carry the row's hlc.
V3 = """
ALTER TABLE session ADD COLUMN short_label TEXT NOT NULL DEFAULT '';
ALTER TABLE session ADD COLUMN audience_custom TEXT NOT NULL DEFAULT '';
ALTER TABLE session ADD COLUMN registered_qualifier TEXT NOT NULL DEFAULT 'exact';
ALTER TABLE session ADD COLUMN attended_qualifier TEXT NOT NULL DEFAULT 'exact';
ALTER TABLE session ADD COLUMN member_states_qualifier TEXT NOT NULL DEFAULT 'exact';
ALTER TABLE session ADD COLUMN cso_qualifier TEXT NOT NULL DEFAULT 'exact';
ALTER TABLE session ADD COLUMN registration_url TEXT NOT NULL DEFAULT '';
ALTER TABLE session ADD COLUMN recording_url TEXT NOT NULL DEFAULT '';
ALTER TABLE topic ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE topic ADD COLUMN colour TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_item ADD COLUMN warning_seconds INTEGER;
"""

# Version 4 (unreleased: every change of this version goes into this one script, one block per
# area). Session.report_exported_at: when a report covering the session was last exported
# (ISO 8601, UTC), for the calendar's "report exported"; a session field, merged like the others.
# Session.duration_minutes: the session's length, which the agenda's planned total is shown against.
V4 = (
    """
ALTER TABLE session ADD COLUMN report_exported_at TEXT NOT NULL DEFAULT '';
ALTER TABLE session ADD COLUMN duration_minutes INTEGER;
-- area report: who a take-away names (Takeaway.attribution) and the series' closing texts.
ALTER TABLE takeaway ADD COLUMN attribution TEXT NOT NULL DEFAULT '';
ALTER TABLE series ADD COLUMN disclaimer TEXT NOT NULL DEFAULT '';
ALTER TABLE series ADD COLUMN acknowledgements TEXT NOT NULL DEFAULT '';
ALTER TABLE series ADD COLUMN workstream TEXT NOT NULL DEFAULT '';
ALTER TABLE series ADD COLUMN workstream_url TEXT NOT NULL DEFAULT '';
-- area merge: a point tombstoned together with its intervention names it here ('' for a point
-- deleted on its own), so whatever brings the intervention back brings exactly those points.
ALTER TABLE point ADD COLUMN deleted_with TEXT NOT NULL DEFAULT '';
-- perf: the live interventions of a session in table order (a count reads this index alone),
-- and those given the floor and not yet written up (the notes form's lookup after each save).
CREATE INDEX intervention_live ON intervention (session_id, started_at) WHERE deleted = 0;
CREATE INDEX intervention_open_floor ON intervention (session_id, started_at)
    WHERE deleted = 0 AND ended_at IS NULL AND notes = '';
-- perf: the latest clock stamp of the two tables that grow, read at every open (the clock
-- starts after it), found in the index instead of a scan of every row.
CREATE INDEX intervention_hlc ON intervention (hlc);
CREATE INDEX point_hlc ON point (hlc);
"""
    + """
-- notes (search): one search document per intervention (notes, points, speaker, organisation,
-- group, country) in the folded form of domain/search_text.py, which SQLite cannot compute: the
-- triggers queue the stale interventions, storage/search_index.py rebuilds them before every
-- commit. The two indexes of version 2 go; every intervention is queued (rebuilt on open).
DROP TRIGGER intervention_fts_insert;
DROP TRIGGER intervention_fts_update;
DROP TRIGGER intervention_fts_delete;
DROP TRIGGER point_fts_insert;
DROP TRIGGER point_fts_update;
DROP TRIGGER point_fts_delete;
DROP TABLE intervention_fts;
DROP TABLE point_fts;
CREATE VIRTUAL TABLE search_fts USING fts5(body, tokenize='unicode61 remove_diacritics 0');
CREATE TABLE search_stale (intervention_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE INDEX intervention_participant ON intervention (participant_id);
CREATE TRIGGER search_intervention_insert AFTER INSERT ON intervention BEGIN
    INSERT OR IGNORE INTO search_stale VALUES (new.id);
END;
CREATE TRIGGER search_intervention_update AFTER UPDATE OF id, notes, deleted, participant_id,
    stakeholder_group, country ON intervention BEGIN
    INSERT OR IGNORE INTO search_stale VALUES (new.id);
    DELETE FROM search_fts WHERE rowid = old.rowid AND old.id IS NOT new.id;
END;
CREATE TRIGGER search_intervention_delete AFTER DELETE ON intervention BEGIN
    DELETE FROM search_fts WHERE rowid = old.rowid;
END;
CREATE TRIGGER search_point_insert AFTER INSERT ON point BEGIN
    INSERT OR IGNORE INTO search_stale VALUES (new.intervention_id);
END;
CREATE TRIGGER search_point_update AFTER UPDATE OF text, deleted, intervention_id ON point BEGIN
    INSERT OR IGNORE INTO search_stale VALUES (new.intervention_id);
    INSERT OR IGNORE INTO search_stale VALUES (old.intervention_id);
END;
CREATE TRIGGER search_point_delete AFTER DELETE ON point BEGIN
    INSERT OR IGNORE INTO search_stale VALUES (old.intervention_id);
END;
CREATE TRIGGER search_participant_update AFTER UPDATE OF name, organisation, stakeholder_group,
    country, deleted ON participant BEGIN
    INSERT OR IGNORE INTO search_stale SELECT id FROM intervention WHERE participant_id = new.id;
END;
INSERT INTO search_stale SELECT id FROM intervention;
"""
)

# Version 5 (area content): versions of people's texts in the export languages (model.
# Translation, domain/translations.py), a record table merged like the others; its id follows
# from (owner_table, owner_id, owner_field, language). Series.content_language: the language
# of the originals.
V5 = """
CREATE TABLE translation (
    id TEXT PRIMARY KEY,
    owner_table TEXT NOT NULL DEFAULT '',
    owner_id TEXT NOT NULL DEFAULT '',
    owner_field TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX translation_owner ON translation (owner_id);
ALTER TABLE series ADD COLUMN content_language TEXT NOT NULL DEFAULT 'en';
"""

# Version 6 (area timer): Session.speaking_budgets (a JSON list of "group:<code>=<seconds>" and
# "delegation:<country>=<seconds>") and Session.not_spoken_first (the queue's ordering); session
# fields, merged like the others.
V6 = """
ALTER TABLE session ADD COLUMN speaking_budgets TEXT NOT NULL DEFAULT '[]';
ALTER TABLE session ADD COLUMN not_spoken_first INTEGER NOT NULL DEFAULT 0;
"""

# Version 7 (perf, search at scale): each search document also names its session, in a column of its own
# (`session`: "s" and the hex of the session id, one token for any id), so the count of a
# session's matches is one FTS5 query, as fast as a bare MATCH over the file, instead of a
# join of every hit of the file to its intervention. The documents are copied, not refolded;
# an intervention moved to another session is queued like any other change.
V7 = """
CREATE TEMP TABLE search_copy AS SELECT f.rowid AS rid, f.body AS body,
    's' || lower(hex(i.session_id)) AS session
    FROM search_fts f JOIN intervention i ON i.rowid = f.rowid;
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5(body, session,
    tokenize='unicode61 remove_diacritics 0');
INSERT INTO search_fts (rowid, body, session) SELECT rid, body, session FROM search_copy;
DROP TABLE search_copy;
DROP TRIGGER search_intervention_update;
CREATE TRIGGER search_intervention_update AFTER UPDATE OF id, notes, deleted, participant_id,
    stakeholder_group, country, session_id ON intervention BEGIN
    INSERT OR IGNORE INTO search_stale VALUES (new.id);
    DELETE FROM search_fts WHERE rowid = old.rowid AND old.id IS NOT new.id;
END;
"""

# MIGRATIONS[n] moves a file from user_version n to n + 1.
MIGRATIONS: list[str] = [V1, V2, V3, V4, V5, V6, V7]

SCHEMA_VERSION = len(MIGRATIONS)
