//! The one vocabulary of Kulna Ma'ak.
//!
//! Every type that crosses a boundary lives here: IPC arguments and results
//! between the UI and the app shell, and HTTP bodies between a device and the
//! central service. The crate depends on serde alone and builds for wasm32 and
//! native targets. The JSON shape of each type is pinned by a test: changing it
//! is a protocol change.

#![warn(missing_docs)]

pub mod api;
pub mod directory;
pub mod envelope;
pub mod error;
pub mod ids;
pub mod locale;
pub mod record;
pub mod staff;
pub mod status;
pub mod sync;

pub use envelope::{Envelope, RecordKind, ENVELOPE_VERSION};
pub use error::{CommandError, ErrorKind};
pub use ids::{DeviceId, IdError, RecordId};
pub use locale::{Direction, Locale, LocaleError};
pub use status::{AlertProgress, AppStatus, LockState, OutboxCounts, ServiceHealth, TextSize};
pub use sync::{DirectoryDownload, SyncProblem, SyncState, UploadProgress};
