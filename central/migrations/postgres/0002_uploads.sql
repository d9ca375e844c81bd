-- Kulna Ma'ak central service, PostgreSQL schema 2: uploads of large envelopes.
--
-- A device sends a large envelope (a voice note, a photo) as its JSON text in
-- chunks. `uploads` says what was declared and how many bytes are held;
-- `upload_chunks` holds the bytes, each chunk whole or not at all. Once the
-- text is complete, checked and stored in `records`, the chunks are deleted
-- and the row stays (`held`) as a receipt until it expires.
CREATE TABLE uploads (
    device_id TEXT NOT NULL REFERENCES devices(id),
    record_id TEXT NOT NULL,
    size BIGINT NOT NULL CHECK (size > 0),
    sha256 BYTEA NOT NULL CHECK (length(sha256) = 32),
    received BIGINT NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= size),
    held BOOLEAN NOT NULL DEFAULT FALSE,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (device_id, record_id)
);
CREATE INDEX uploads_updated ON uploads(updated_at_ms);

CREATE TABLE upload_chunks (
    device_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    start_byte BIGINT NOT NULL CHECK (start_byte >= 0),
    data BYTEA NOT NULL,
    PRIMARY KEY (device_id, record_id, start_byte),
    FOREIGN KEY (device_id, record_id) REFERENCES uploads(device_id, record_id) ON DELETE CASCADE
);
