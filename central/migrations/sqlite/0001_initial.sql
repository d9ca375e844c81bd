-- Kulna Ma'ak central service, SQLite schema 1.
CREATE TABLE service_keys (
    key_id TEXT PRIMARY KEY,
    sealing_public BLOB NOT NULL,
    signing_public BLOB NOT NULL,
    kdf_salt BLOB NOT NULL,
    kdf_m_kib INTEGER NOT NULL,
    kdf_t INTEGER NOT NULL,
    kdf_p INTEGER NOT NULL,
    nonce BLOB NOT NULL,
    sealed_secrets BLOB NOT NULL,
    created_at_ms INTEGER NOT NULL
);

CREATE TABLE centers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    region INTEGER NOT NULL
);

CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    verifying_key BLOB NOT NULL,
    sealing_key BLOB NOT NULL,
    token_hash BLOB NOT NULL,
    registered_at_ms INTEGER NOT NULL,
    center_id TEXT REFERENCES centers(id)
);

-- One row per record a device sent: the envelope as it came, and the case
-- state the listeners move it through.
CREATE TABLE records (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    device_id TEXT NOT NULL REFERENCES devices(id),
    kind TEXT NOT NULL,
    urgency INTEGER NOT NULL,
    region INTEGER,
    center_id TEXT REFERENCES centers(id),
    created_at_ms INTEGER NOT NULL,
    received_at_ms INTEGER NOT NULL,
    envelope TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new',
    acknowledged_at_ms INTEGER,
    closed_at_ms INTEGER
);
CREATE INDEX records_queue ON records(status, urgency, received_at_ms);

CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    scope_region INTEGER,
    scope_center TEXT REFERENCES centers(id),
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at_ms INTEGER NOT NULL
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    staff_id TEXT NOT NULL REFERENCES staff(id),
    token_hash BLOB NOT NULL,
    created_at_ms INTEGER NOT NULL,
    expires_at_ms INTEGER NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE case_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL REFERENCES records(id),
    staff_id TEXT NOT NULL REFERENCES staff(id),
    at_ms INTEGER NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX case_events_case ON case_events(case_id, seq);

CREATE TABLE referrals (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES records(id),
    destination TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    consent_override INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL REFERENCES staff(id),
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
);
CREATE INDEX referrals_case ON referrals(case_id);

CREATE TABLE device_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id TEXT NOT NULL REFERENCES devices(id),
    case_id TEXT NOT NULL REFERENCES records(id),
    created_at_ms INTEGER NOT NULL,
    sealed BLOB NOT NULL
);
CREATE INDEX device_updates_device ON device_updates(device_id, seq);

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms INTEGER NOT NULL,
    staff_id TEXT NOT NULL,
    username TEXT NOT NULL,
    action TEXT NOT NULL,
    case_id TEXT,
    detail TEXT NOT NULL DEFAULT ''
);

CREATE TABLE directory_versions (
    version INTEGER PRIMARY KEY,
    published_at_ms INTEGER NOT NULL,
    snapshot TEXT NOT NULL,
    signature BLOB NOT NULL
);

CREATE TABLE directory_draft (
    id TEXT PRIMARY KEY,
    entry TEXT NOT NULL,
    updated_at_ms INTEGER NOT NULL
);
