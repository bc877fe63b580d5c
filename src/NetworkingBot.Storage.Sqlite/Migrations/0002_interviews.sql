-- Informational interviews. Offers and requests keep their record as JSON in `data`; the columns beside it are
-- the ones queries filter or order on. `version` makes each request step a compare-and-set.
CREATE TABLE interview_offers (
    community_id TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    data         TEXT NOT NULL,
    PRIMARY KEY (community_id, user_id)
);

CREATE TABLE interview_requests (
    request_id   TEXT    NOT NULL PRIMARY KEY,
    community_id TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    due_at       TEXT    NULL,
    version      INTEGER NOT NULL,
    data         TEXT    NOT NULL
);

CREATE INDEX ix_interview_requests_community ON interview_requests (community_id, created_at, request_id);
CREATE INDEX ix_interview_requests_due ON interview_requests (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE network_entries (
    community_id  TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    source_id     TEXT NOT NULL,
    other_user_id TEXT NOT NULL,
    kind          TEXT NOT NULL,
    at            TEXT NOT NULL,
    PRIMARY KEY (community_id, user_id, source_id)
);
