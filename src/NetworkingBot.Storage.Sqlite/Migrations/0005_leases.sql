-- Named leases, so that several instances on one database file take turns at a community's work.
-- expires_at is an instant in SqliteValues' fixed-width text, so text order is time order.
CREATE TABLE leases (
    name       TEXT NOT NULL PRIMARY KEY,
    owner      TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- Expired leases (an envelope claim is never released) are swept by expiry.
CREATE INDEX leases_by_expiry ON leases (expires_at);
