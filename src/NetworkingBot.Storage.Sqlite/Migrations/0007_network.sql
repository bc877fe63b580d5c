-- The follow-up program ("My network"). Instants are SqliteValues' fixed-width text, so text order is time order.
CREATE TABLE network_contacts (
    community_id  TEXT    NOT NULL,
    owner_id      TEXT    NOT NULL,
    other_id      TEXT    NOT NULL,
    how           TEXT    NOT NULL,
    first_met     TEXT    NOT NULL,
    last_spoke    TEXT    NOT NULL,
    reminders_on  INTEGER NOT NULL,
    planned       INTEGER NOT NULL,
    former_member INTEGER NOT NULL,
    PRIMARY KEY (community_id, owner_id, other_id)
);

-- /network list pages a member's log by last spoke in SQL, from this index, not by sorting the whole log.
CREATE INDEX network_contacts_by_last_spoke ON network_contacts (community_id, owner_id, last_spoke DESC, other_id);

-- Forgetting a member finds the entries that name them in others' logs.
CREATE INDEX network_contacts_by_other ON network_contacts (community_id, other_id);

CREATE TABLE network_notes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    community_id TEXT NOT NULL,
    owner_id     TEXT NOT NULL,
    other_id     TEXT NOT NULL,
    at           TEXT NOT NULL,
    text         TEXT NOT NULL
);

CREATE INDEX network_notes_by_contact ON network_notes (community_id, owner_id, other_id, at);
CREATE INDEX network_notes_by_other ON network_notes (community_id, other_id);

CREATE TABLE network_settings (
    community_id TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    nudges_on    INTEGER NOT NULL,
    intros_on    INTEGER NOT NULL,
    PRIMARY KEY (community_id, user_id)
);

-- Due nudges: one per owner, contact and kind; the sweep reads them from the due-time index, never a scan.
CREATE TABLE network_nudges (
    community_id TEXT    NOT NULL,
    owner_id     TEXT    NOT NULL,
    other_id     TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    due_at       TEXT    NOT NULL,
    PRIMARY KEY (community_id, owner_id, other_id, kind)
);

CREATE INDEX network_nudges_by_due ON network_nudges (due_at);
CREATE INDEX network_nudges_by_other ON network_nudges (community_id, other_id);

CREATE TABLE network_intros (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    community_id  TEXT NOT NULL,
    introducer_id TEXT NOT NULL,
    first_id      TEXT NOT NULL,
    second_id     TEXT NOT NULL,
    at            TEXT NOT NULL
);

CREATE INDEX network_intros_by_introducer ON network_intros (community_id, introducer_id, at);
