-- Exactly-once delivery: a round's message is written here before it is sent and into deliveries once the platform
-- accepted it. An intent without its delivery is a send whose outcome was never recorded (a crash, a failed write),
-- which the resume asks the platform about instead of sending again blindly.
CREATE TABLE delivery_intents (
    round_id     TEXT NOT NULL REFERENCES rounds (round_id) ON DELETE CASCADE,
    delivery_key TEXT NOT NULL,
    intended_at  TEXT NOT NULL,
    PRIMARY KEY (round_id, delivery_key)
) WITHOUT ROWID;
