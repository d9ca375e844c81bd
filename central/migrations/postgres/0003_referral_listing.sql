-- Kulna Ma'ak central service, PostgreSQL schema 3: a referral may name the
-- organisation referred to, as the id of a service listing of the
-- published directory.
ALTER TABLE referrals ADD COLUMN listing_id TEXT;
