-- Direct-message conversations the platform opened for the bot, per community and set of members ("U1" or "U1,U2"),
-- so a restart does not open every member's DM again before the next round (issue 18).
CREATE TABLE dm_channels (
    community_id TEXT NOT NULL,
    members      TEXT NOT NULL,
    channel_id   TEXT NOT NULL,
    PRIMARY KEY (community_id, members)
) WITHOUT ROWID;
