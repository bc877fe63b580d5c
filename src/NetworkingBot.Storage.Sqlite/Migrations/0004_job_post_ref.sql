-- A lead remembers its channel post so closing or expiring it can mark that post instead of posting again.
ALTER TABLE job_leads ADD COLUMN post_ref TEXT NULL;

-- A share reads only the community's instant subscriptions; the digest sweep only the daily ones.
CREATE INDEX job_subscriptions_by_delivery ON job_subscriptions (community_id, delivery, user_id);
