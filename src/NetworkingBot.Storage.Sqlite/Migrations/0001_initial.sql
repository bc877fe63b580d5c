-- Times are ISO-8601 UTC text with seven fractional digits (fixed width, so text order is time order).
-- Enums are stored by name so the file stays readable and survives reordering of enum members.

CREATE TABLE members (
    community_id      TEXT    NOT NULL,
    user_id           TEXT    NOT NULL,
    display_name      TEXT    NOT NULL,
    interests         TEXT    NOT NULL, -- JSON array, order kept
    time_zone         TEXT    NOT NULL,
    stage             TEXT    NOT NULL,
    looking_for       TEXT    NOT NULL,
    format            TEXT    NOT NULL,
    region            TEXT    NULL,
    cadence           TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    joined_at         TEXT    NOT NULL,
    paused_until      TEXT    NULL,
    skip_next         INTEGER NOT NULL,
    ignored_check_ins INTEGER NOT NULL,
    last_round_at     TEXT    NULL,
    PRIMARY KEY (community_id, user_id)
) WITHOUT ROWID;

CREATE TABLE programs (
    community_id        TEXT    NOT NULL PRIMARY KEY,
    channel_id          TEXT    NOT NULL,
    day                 TEXT    NOT NULL,
    time                TEXT    NOT NULL, -- HH:mm:ss.fffffff
    time_zone           TEXT    NOT NULL,
    cadence             TEXT    NOT NULL,
    group_size          INTEGER NOT NULL,
    check_in_after_days INTEGER NOT NULL,
    anchor              TEXT    NOT NULL, -- yyyy-MM-dd
    enabled             INTEGER NOT NULL,
    updated_at          TEXT    NOT NULL
) WITHOUT ROWID;

CREATE TABLE rounds (
    round_id      TEXT    NOT NULL PRIMARY KEY,
    community_id  TEXT    NOT NULL,
    slot_key      TEXT    NOT NULL,
    number        INTEGER NOT NULL,
    scheduled_for TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    seed          INTEGER NOT NULL,
    unmatched     TEXT    NOT NULL, -- JSON array of user ids
    check_in_at   TEXT    NOT NULL
);

-- The slot index is what makes a claim happen once; the number index catches a numbering bug loudly.
CREATE UNIQUE INDEX ux_rounds_slot ON rounds (community_id, slot_key);
CREATE UNIQUE INDEX ux_rounds_number ON rounds (community_id, number);
CREATE INDEX ix_rounds_status ON rounds (status);

-- Members are a JSON array rather than a member table: a group is always written and read whole,
-- its order matters, and only forget-me looks inside it (rare, via json_each).
CREATE TABLE round_groups (
    round_id    TEXT    NOT NULL REFERENCES rounds (round_id) ON DELETE CASCADE,
    group_index INTEGER NOT NULL,
    members     TEXT    NOT NULL,
    why         TEXT    NOT NULL,
    PRIMARY KEY (round_id, group_index)
) WITHOUT ROWID;

CREATE TABLE deliveries (
    round_id     TEXT NOT NULL REFERENCES rounds (round_id) ON DELETE CASCADE,
    delivery_key TEXT NOT NULL,
    delivered_at TEXT NOT NULL,
    PRIMARY KEY (round_id, delivery_key)
) WITHOUT ROWID;

CREATE TABLE check_ins (
    round_id     TEXT NOT NULL REFERENCES rounds (round_id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL,
    community_id TEXT NOT NULL,
    answer       TEXT NOT NULL,
    answered_at  TEXT NOT NULL,
    PRIMARY KEY (round_id, user_id)
) WITHOUT ROWID;
