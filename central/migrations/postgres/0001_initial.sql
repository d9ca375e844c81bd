-- Kulna Ma'ak central service, PostgreSQL schema 1.
CREATE TABLE service_keys (
    key_id TEXT PRIMARY KEY,
    sealing_public BYTEA NOT NULL,
    signing_public BYTEA NOT NULL,
    kdf_salt BYTEA NOT NULL,
    kdf_m_kib BIGINT NOT NULL,
    kdf_t BIGINT NOT NULL,
    kdf_p BIGINT NOT NULL,
    nonce BYTEA NOT NULL,
    sealed_secrets BYTEA NOT NULL,
    created_at_ms BIGINT NOT NULL
);

CREATE TABLE centers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    region BIGINT NOT NULL
);

CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    verifying_key BYTEA NOT NULL,
    sealing_key BYTEA NOT NULL,
    token_hash BYTEA NOT NULL,
    registered_at_ms BIGINT NOT NULL,
    center_id TEXT REFERENCES centers(id)
);

-- One row per record a device sent: the envelope as it came, and the case
-- state the listeners move it through.
CREATE TABLE records (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    device_id TEXT NOT NULL REFERENCES devices(id),
    kind TEXT NOT NULL,
    urgency BIGINT NOT NULL,
    region BIGINT,
    center_id TEXT REFERENCES centers(id),
    created_at_ms BIGINT NOT NULL,
    received_at_ms BIGINT NOT NULL,
    envelope TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new',
    acknowledged_at_ms BIGINT,
    closed_at_ms BIGINT
);
CREATE INDEX records_queue ON records(status, urgency, received_at_ms);

CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    scope_region BIGINT,
    scope_center TEXT REFERENCES centers(id),
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    created_at_ms BIGINT NOT NULL
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    staff_id TEXT NOT NULL REFERENCES staff(id),
    token_hash BYTEA NOT NULL,
    created_at_ms BIGINT NOT NULL,
    expires_at_ms BIGINT NOT NULL,
    revoked BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE case_events (
    seq BIGSERIAL PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES records(id),
    staff_id TEXT NOT NULL REFERENCES staff(id),
    at_ms BIGINT NOT NULL,
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
    consent_override BOOLEAN NOT NULL DEFAULT FALSE,
    created_by TEXT NOT NULL REFERENCES staff(id),
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL
);
CREATE INDEX referrals_case ON referrals(case_id);

CREATE TABLE device_updates (
    seq BIGSERIAL PRIMARY KEY,
    device_id TEXT NOT NULL REFERENCES devices(id),
    case_id TEXT NOT NULL REFERENCES records(id),
    created_at_ms BIGINT NOT NULL,
    sealed BYTEA NOT NULL
);
CREATE INDEX device_updates_device ON device_updates(device_id, seq);

CREATE TABLE audit_log (
    seq BIGSERIAL PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    staff_id TEXT NOT NULL,
    username TEXT NOT NULL,
    action TEXT NOT NULL,
    case_id TEXT,
    detail TEXT NOT NULL DEFAULT ''
);

CREATE TABLE directory_versions (
    version BIGINT PRIMARY KEY,
    published_at_ms BIGINT NOT NULL,
    snapshot TEXT NOT NULL,
    signature BYTEA NOT NULL
);

CREATE TABLE directory_draft (
    id TEXT PRIMARY KEY,
    entry TEXT NOT NULL,
    updated_at_ms BIGINT NOT NULL
);
