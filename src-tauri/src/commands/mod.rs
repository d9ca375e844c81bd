//! IPC commands, one file per noun. Names are `verb_noun`, unique in the app.

pub mod alert;
pub mod cases;
pub mod report;
pub mod safety;
pub mod settings;
pub mod status;
pub mod support;
pub mod sync;
pub mod vault;
