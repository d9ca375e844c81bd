//! The local database schema and its migrations.
//!
//! Migrations once released are never edited: a change is a new migration at
//! the end of the list. `tests/migrations.rs` opens a database made by the
//! first schema and a committed database made by schema 2
//! (`tests/fixtures/vault-v2.db`, with records, drafts, envelopes and a
//! vault item) and checks that every record is still there and decrypts;
//! it also moves that fixture to schema 3 as release 3 did (its migration
//! pinned in the test), uses it as schema 3 did (a refused item, a sealed
//! status update, a token, cursors, a cached directory) and checks all of it
//! survives the later migrations. A new schema adds its own fixture beside them.
//! Schema 7 (the directory index without triggers) is checked by
//! `directory::index`'s tests on a cache indexed by schema 6's triggers,
//! and schema 9 (the index merged apart from its writes) on one indexed by
//! schema 8.
//!
//! What is stored in the clear, and why:
//!
//! * `key_slot`: the wrapped data keys with their KDF parameters (ciphertext).
//! * `pin_guard`: failed PIN attempts and the lock policy, so that restarting
//!   the app does not reset the count.
//! * `device`: the device id, its Ed25519 signing key and public sealing key,
//!   and the token the service gave it: all needed by the panic button while
//!   the vault is locked.
//! * `record` and `outbox`: the kind, time and region of each record (the
//!   same fields the envelope header carries to the service); what she wrote
//!   is ciphertext under the vault key, or sealed to the device key.
//! * `delivered`: when each record left the outbox (schema 10), so the app
//!   can say it was sent; it goes with its record.
//! * `outbox_sent`: the ids of envelopes the service holds whose outbox rows
//!   are not yet deleted (schema 11); they go with those rows.

use rusqlite_migration::{Migrations, M};

/// The schema version at which records and vault items were introduced; bound
/// into the associated data of every field written at this version.
pub const VAULT_SCHEMA: u32 = 2;

/// The schema version at which the staff session was introduced; bound into
/// the associated data of its ciphertext.
pub const STAFF_SCHEMA: u32 = 6;

/// Every migration, oldest first.
pub(crate) const MIGRATIONS: &[M<'static>] = &[
    // 1: settings (released).
    M::up("CREATE TABLE setting (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;"),
    // 2: the vault, the device identity and the outbox.
    M::up(
        "CREATE TABLE key_slot (
            slot INTEGER PRIMARY KEY NOT NULL CHECK (slot IN (0, 1)),
            wrapped BLOB NOT NULL
        ) STRICT;
        CREATE TABLE pin_guard (
            id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            last_failure_ms INTEGER,
            wipe_after INTEGER,
            auto_lock_secs INTEGER
        ) STRICT;
        INSERT INTO pin_guard (id, auto_lock_secs) VALUES (1, 300);
        CREATE TABLE device (
            id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
            device_id TEXT NOT NULL,
            signing_pkcs8 BLOB NOT NULL,
            sealing_public BLOB,
            token TEXT
        ) STRICT;
        CREATE TABLE record (
            id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
            space INTEGER,
            kind INTEGER NOT NULL,
            region INTEGER,
            created_at_ms INTEGER NOT NULL,
            schema_version INTEGER NOT NULL,
            payload BLOB,
            draft INTEGER NOT NULL DEFAULT 0,
            sent_at_ms INTEGER
        ) STRICT;
        CREATE INDEX record_by_space ON record (space, created_at_ms);
        CREATE TABLE outbox (
            record_id BLOB PRIMARY KEY NOT NULL CHECK (length(record_id) = 16),
            space INTEGER,
            kind INTEGER NOT NULL,
            urgency INTEGER NOT NULL,
            created_at_ms INTEGER NOT NULL,
            envelope TEXT NOT NULL
        ) STRICT;
        CREATE INDEX outbox_queue ON outbox (urgency, created_at_ms, record_id);
        CREATE TABLE vault_item (
            space INTEGER NOT NULL,
            name TEXT NOT NULL,
            schema_version INTEGER NOT NULL,
            value BLOB NOT NULL,
            PRIMARY KEY (space, name)
        ) STRICT;",
    ),
    // 3: sync. Items the service refused stay in the outbox with the reason
    // and are no longer sent; the queue is read in the order records were
    // written (rowid), never by the device clock. Status updates arrive
    // sealed to the device key and stay sealed here. The directory cache
    // holds the last version whose signature verified.
    M::up(
        "ALTER TABLE outbox ADD COLUMN rejected_reason TEXT;
        ALTER TABLE outbox ADD COLUMN rejected_at_ms INTEGER;
        CREATE INDEX outbox_pending ON outbox (urgency) WHERE rejected_reason IS NULL;
        CREATE TABLE case_update (
            seq INTEGER PRIMARY KEY NOT NULL,
            case_id BLOB NOT NULL CHECK (length(case_id) = 16),
            created_at_ms INTEGER NOT NULL,
            sealed BLOB NOT NULL
        ) STRICT;
        CREATE TABLE directory_entry (
            id TEXT PRIMARY KEY NOT NULL,
            entry TEXT NOT NULL
        ) STRICT;",
    ),
    // 4: the directory search index (see `directory::index`): a contentless
    // FTS5 table of normalized text, kept in step with `directory_entry` by
    // triggers in the same transaction. The triggers call `kulna_dir_col`
    // and `kulna_dir_key`, registered on every connection. What schema 3
    // cached is dropped and its version reset, so the next sync fetches a
    // full (signed) snapshot and indexes it; the migration itself calls no
    // application function.
    M::up(
        "DELETE FROM directory_entry;
        DELETE FROM setting WHERE name = 'sync.directory_version';
        CREATE VIRTUAL TABLE directory_fts USING fts5(
            title, places, body, tags,
            content = '', contentless_delete = 1, detail = column,
            tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
        );
        CREATE TRIGGER directory_entry_fts_insert AFTER INSERT ON directory_entry BEGIN
            INSERT INTO directory_fts (rowid, title, places, body, tags) VALUES (
                kulna_dir_key(NEW.entry, NEW.rowid),
                kulna_dir_col(NEW.entry, 0), kulna_dir_col(NEW.entry, 1),
                kulna_dir_col(NEW.entry, 2), kulna_dir_col(NEW.entry, 3));
        END;
        CREATE TRIGGER directory_entry_fts_delete AFTER DELETE ON directory_entry BEGIN
            DELETE FROM directory_fts WHERE rowid = kulna_dir_key(OLD.entry, OLD.rowid);
        END;
        CREATE TRIGGER directory_entry_fts_update AFTER UPDATE ON directory_entry BEGIN
            DELETE FROM directory_fts WHERE rowid = kulna_dir_key(OLD.entry, OLD.rowid);
            INSERT INTO directory_fts (rowid, title, places, body, tags) VALUES (
                kulna_dir_key(NEW.entry, NEW.rowid),
                kulna_dir_col(NEW.entry, 0), kulna_dir_col(NEW.entry, 1),
                kulna_dir_col(NEW.entry, 2), kulna_dir_col(NEW.entry, 3));
        END;",
    ),
    // 5: uploads of large records (voice notes, photos): how far each got,
    // as the service confirmed (`sent` bytes of the envelope text of
    // `size`, whose SHA-256 was declared). The row leaves with its outbox
    // item, or when the item is refused, in the same transaction.
    M::up(
        "CREATE TABLE outbox_upload (
            record_id BLOB PRIMARY KEY NOT NULL CHECK (length(record_id) = 16),
            size INTEGER NOT NULL,
            sha256 BLOB NOT NULL,
            sent INTEGER NOT NULL DEFAULT 0,
            updated_at_ms INTEGER NOT NULL
        ) STRICT;
        CREATE TRIGGER outbox_upload_delivered AFTER DELETE ON outbox BEGIN
            DELETE FROM outbox_upload WHERE record_id = OLD.record_id;
        END;
        CREATE TRIGGER outbox_upload_refused AFTER UPDATE OF rejected_reason ON outbox
            WHEN NEW.rejected_reason IS NOT NULL BEGIN
            DELETE FROM outbox_upload WHERE record_id = NEW.record_id;
        END;",
    ),
    // 6: the staff session (see `staff::session`): one row per vault space,
    // the token, its expiry and the profile as one ciphertext under that
    // space's data key. Nothing about it is in the clear.
    M::up(
        "CREATE TABLE staff_session (
            space INTEGER PRIMARY KEY NOT NULL,
            schema_version INTEGER NOT NULL,
            session BLOB NOT NULL
        ) STRICT;",
    ),
    // 7: the directory index is kept in step by the code that writes the
    // listings (see `directory::index`), not by triggers: each listing's
    // deadline day is stored beside it, so a listing leaves the index by
    // its key without its JSON being parsed again. The cached listings and
    // their index rows stay; `kulna_dir_key` (registered on every
    // connection) gives the day of each.
    M::up(
        "DROP TRIGGER directory_entry_fts_insert;
        DROP TRIGGER directory_entry_fts_delete;
        DROP TRIGGER directory_entry_fts_update;
        ALTER TABLE directory_entry ADD COLUMN search_day INTEGER NOT NULL DEFAULT 0;
        UPDATE directory_entry SET search_day = kulna_dir_key(entry, rowid) >> 32;",
    ),
    // 8: counting what waits (shown on every screen, refreshed while a
    // backlog drains) reads two small indexes instead of every envelope:
    // the count no longer holds the database while an alert waits for it.
    M::up(
        "CREATE INDEX outbox_waiting ON outbox (space, kind) WHERE rejected_reason IS NULL;
        CREATE INDEX outbox_refused ON outbox (rejected_at_ms) WHERE rejected_reason IS NOT NULL;",
    ),
    // 9: the directory index merges nothing when a write commits
    // (`automerge` 0, kept in its configuration table): a delta only adds
    // a small segment, and `Vault::tidy_directory_index` merges afterwards
    // in small transactions of its own (see `directory::index`). The
    // listings and their index rows stay as they are.
    M::up("INSERT INTO directory_fts (directory_fts, rank) VALUES ('automerge', 0);"),
    // 10: when a record left the outbox is kept apart from the record, in
    // rows of a few bytes: settling a batch the service answered writes a
    // few small pages instead of rewriting every record's row (its
    // ciphertext) beside the outbox's. `record.sent_at_ms` keeps what
    // earlier schemas wrote there; a record's row here goes with it.
    M::up(
        "CREATE TABLE delivered (
            record_id BLOB PRIMARY KEY NOT NULL CHECK (length(record_id) = 16),
            at_ms INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        CREATE TRIGGER delivered_with_record AFTER DELETE ON record BEGIN
            DELETE FROM delivered WHERE record_id = OLD.id;
        END;",
    ),
    // 11: an envelope the service holds is marked sent (a row of a few
    // bytes here) when the answer is settled, and its outbox row deleted
    // once the sync pass is over ([`crate::Vault::outbox_purge_sent`]):
    // deleting it zeroes its pages (`secure_delete`), the most the disk
    // writes for a batch, and that no longer holds up the next batch. A
    // marked row is not waiting; the mark goes with its outbox row. The
    // index that counts what waits (8) carries the record id, so counting
    // still reads no envelope.
    M::up(
        "CREATE TABLE outbox_sent (
            record_id BLOB PRIMARY KEY NOT NULL CHECK (length(record_id) = 16)
        ) STRICT, WITHOUT ROWID;
        CREATE TRIGGER outbox_sent_with_outbox AFTER DELETE ON outbox BEGIN
            DELETE FROM outbox_sent WHERE record_id = OLD.record_id;
        END;
        DROP INDEX outbox_waiting;
        CREATE INDEX outbox_waiting ON outbox (space, kind, record_id)
            WHERE rejected_reason IS NULL;",
    ),
];

/// The migrations, ready to run.
pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

/// The schema version this build writes.
pub fn latest_version() -> u32 {
    MIGRATIONS.len() as u32
}
