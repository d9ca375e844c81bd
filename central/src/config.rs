//! Configuration, layered: built-in defaults, then a TOML file (`--config`),
//! then `KULNA_`-prefixed environment variables, then command-line flags.
//!
//! Secrets (the operator passphrase, a database URL that may hold a password)
//! are held in `secrecy` types and never printed.

use anyhow::Context as _;
use figment::providers::{Env, Format as _, Toml};
use figment::Figment;
use secrecy::{ExposeSecret as _, SecretString};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The service's configuration.
#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Where the SQLite database lives (when no PostgreSQL URL is given).
    pub data_dir: PathBuf,
    /// The address to listen on, e.g. `127.0.0.1:8350`; port 0 picks a free one.
    pub listen: String,
    /// `postgres://…` for PostgreSQL; absent or `sqlite:` for the embedded database.
    pub database_url: Option<SecretString>,
    /// The passphrase that protects the service's secret keys at rest.
    pub operator_passphrase: Option<SecretString>,
    /// A file whose first line is the operator passphrase.
    pub passphrase_file: Option<PathBuf>,
    /// Largest request body accepted, in bytes.
    pub body_limit_bytes: usize,
    /// How long a staff session lasts, in seconds.
    pub session_ttl_secs: u64,
    /// Requests per minute per address on unauthenticated routes.
    pub rate_limit_per_minute: u32,
    /// Burst allowed above that rate.
    pub rate_limit_burst: u32,
    /// Take the client address from the last `X-Forwarded-For` hop (only
    /// behind a reverse proxy that sets it).
    pub trust_forwarded_for: bool,
    /// Most envelopes the writer commits in one transaction.
    pub max_group_envelopes: usize,
    /// `text` or `json` logs.
    pub log_format: String,
    /// Argon2id memory cost for staff passwords, KiB.
    pub password_memory_kib: u32,
    /// Most PostgreSQL connections of this instance.
    pub database_max_connections: usize,
    /// Longest envelope a device may upload in chunks (a voice note, a
    /// photo), in bytes of its JSON text.
    pub max_upload_bytes: usize,
    /// Most bytes in one upload chunk (at most `body_limit_bytes`).
    pub upload_chunk_bytes: usize,
    /// Where the SQLite alert journal lives (alerts that arrive while a
    /// group of batches is being written); by default beside the database,
    /// `<database>.alerts`. On a disk of its own, an alert's disk sync does
    /// not queue behind the batches' writes.
    pub alert_journal: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("kulna-central-data"),
            listen: "127.0.0.1:8350".into(),
            database_url: None,
            operator_passphrase: None,
            passphrase_file: None,
            body_limit_bytes: 4 * 1024 * 1024,
            session_ttl_secs: 8 * 3600,
            rate_limit_per_minute: 120,
            rate_limit_burst: 30,
            trust_forwarded_for: false,
            max_group_envelopes: 1000,
            log_format: "text".into(),
            password_memory_kib: 19 * 1024,
            database_max_connections: 8,
            max_upload_bytes: 32 * 1024 * 1024,
            upload_chunk_bytes: 256 * 1024,
            alert_journal: None,
        }
    }
}

/// The configuration keys, as in the TOML file and, upper-cased with the
/// `KULNA_` prefix, in the environment.
pub const KEYS: [&str; 17] = [
    "data_dir",
    "listen",
    "database_url",
    "operator_passphrase",
    "passphrase_file",
    "body_limit_bytes",
    "session_ttl_secs",
    "rate_limit_per_minute",
    "rate_limit_burst",
    "trust_forwarded_for",
    "max_group_envelopes",
    "log_format",
    "password_memory_kib",
    "database_max_connections",
    "max_upload_bytes",
    "upload_chunk_bytes",
    "alert_journal",
];

/// Where records are stored.
#[derive(Debug)]
pub enum DatabaseTarget {
    /// The embedded SQLite file, and its alert journal.
    Sqlite {
        /// The database.
        path: PathBuf,
        /// The alert journal.
        journal: PathBuf,
    },
    /// A PostgreSQL server.
    Postgres(SecretString),
}

impl Config {
    /// Loads defaults, then `file` (if any), then `KULNA_*` variables.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Self> {
        let mut fig = Figment::new();
        if let Some(file) = file {
            if !file.exists() {
                anyhow::bail!("config file {} does not exist", file.display());
            }
            fig = fig.merge(Toml::file(file));
        }
        // Only known keys: other KULNA_* variables belong to the app, the
        // tests or the scripts.
        fig = fig.merge(Env::prefixed("KULNA_").only(&KEYS));
        fig.extract().context("invalid configuration")
    }

    /// Where the database is.
    pub fn database(&self) -> anyhow::Result<DatabaseTarget> {
        match &self.database_url {
            Some(url) => {
                let u = url.expose_secret();
                if u.starts_with("postgres://") || u.starts_with("postgresql://") {
                    Ok(DatabaseTarget::Postgres(url.clone()))
                } else if let Some(path) = u
                    .strip_prefix("sqlite://")
                    .or_else(|| u.strip_prefix("sqlite:"))
                {
                    Ok(self.sqlite(PathBuf::from(path)))
                } else {
                    anyhow::bail!("database_url must start with postgres:// or sqlite:")
                }
            }
            None => Ok(self.sqlite(self.data_dir.join("kulna-central.sqlite3"))),
        }
    }

    fn sqlite(&self, path: PathBuf) -> DatabaseTarget {
        let journal = self
            .alert_journal
            .clone()
            .unwrap_or_else(|| crate::store::sqlite::journal_path(&path));
        DatabaseTarget::Sqlite { path, journal }
    }

    /// The operator passphrase, from the configuration or the passphrase file.
    pub fn passphrase(&self) -> anyhow::Result<SecretString> {
        if let Some(file) = &self.passphrase_file {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("cannot read the passphrase file {}", file.display()))?;
            let line = text.lines().next().unwrap_or("").trim_end_matches('\r');
            if line.is_empty() {
                anyhow::bail!("the passphrase file {} is empty", file.display());
            }
            return Ok(SecretString::from(line.to_owned()));
        }
        match &self.operator_passphrase {
            Some(p) if !p.expose_secret().is_empty() => Ok(p.clone()),
            _ => anyhow::bail!(
                "no operator passphrase: set KULNA_OPERATOR_PASSPHRASE or pass --passphrase-file FILE"
            ),
        }
    }
}
