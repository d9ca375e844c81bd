-- Every alert journal this database has used (the `alert_journal` setting),
-- so that alerts left in one are still moved into `records` after the
-- setting changes.
CREATE TABLE alert_journals (
    path TEXT PRIMARY KEY,
    first_used_ms INTEGER NOT NULL
);
