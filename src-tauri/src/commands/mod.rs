//! IPC commands, one file per noun. Names are `verb_noun`, unique in the app.

pub mod alert;
pub mod cases;
pub mod directory;
pub mod report;
pub mod safety;
pub mod settings;
pub mod staff;
pub mod status;
pub mod support;
pub mod sync;
pub mod vault;

/// A PIN as she typed it, checked; a refused one becomes a storage error
/// the UI explains (too short, too long).
fn pin(text: String) -> Result<kulna_core::Pin, kulna_core::StoreError> {
    Ok(kulna_core::Pin::new(text)?)
}
