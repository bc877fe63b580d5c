-- Job leads: the board settings, the leads (numbered per community), subscriptions and what was sent to whom.
CREATE TABLE job_boards (
    community_id          TEXT NOT NULL PRIMARY KEY,
    channel_id            TEXT NOT NULL,
    digest_day            TEXT NULL,
    digest_time           TEXT NOT NULL,
    time_zone             TEXT NOT NULL,
    last_weekly_digest_at TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);

CREATE TABLE job_leads (
    community_id TEXT    NOT NULL,
    number       INTEGER NOT NULL,
    title        TEXT    NOT NULL,
    employer     TEXT    NOT NULL,
    location     TEXT    NULL,
    remote       INTEGER NOT NULL,
    link         TEXT    NULL,
    link_key     TEXT    NULL,
    deadline     TEXT    NULL,
    type         TEXT    NOT NULL,
    tags         TEXT    NOT NULL,
    salary       TEXT    NULL,
    note         TEXT    NULL,
    anonymous    INTEGER NOT NULL,
    unposted     INTEGER NOT NULL,
    sharer_id    TEXT    NOT NULL,
    sharer_name  TEXT    NOT NULL,
    shared_at    TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    closed_at    TEXT    NULL,
    closed_by    TEXT    NULL,
    PRIMARY KEY (community_id, number)
);

CREATE INDEX job_leads_by_time ON job_leads (community_id, shared_at);

CREATE TABLE job_subscriptions (
    community_id   TEXT NOT NULL,
    user_id        TEXT NOT NULL,
    tags           TEXT NOT NULL,
    location_words TEXT NOT NULL,
    types          TEXT NOT NULL,
    delivery       TEXT NOT NULL,
    time_zone      TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    last_digest_at TEXT NOT NULL,
    PRIMARY KEY (community_id, user_id)
);

CREATE TABLE job_deliveries (
    community_id TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    number       INTEGER NOT NULL,
    sent_at      TEXT    NOT NULL,
    PRIMARY KEY (community_id, user_id, number)
);
