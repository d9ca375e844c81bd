//! Cryptography for Kulna Ma'ak, shared by the app and the central service.
//!
//! * [`envelope`]: records sealed to the service (HPKE) and signed by the
//!   device (Ed25519): the wire format both sides agree on.
//! * [`vault`]: the vault key hierarchy (PIN → PIN key → data key) and
//!   field encryption (AES-256-GCM bound to table, column, row and schema).
//! * [`keys`]: the key types. Secret keys never implement `Serialize`, print
//!   as `[redacted]`, and are zeroized when dropped.
//!
//! Nothing here logs, and no error carries key material or plaintext.

#![warn(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod envelope;
pub mod keys;
pub mod vault;

pub use envelope::{
    check_envelope, open_envelope, seal_envelope, sign_batch, verify_batch_signature,
    verify_envelope, verify_envelopes, EnvelopeError, SealInput,
};
pub use keys::{
    DeviceSigningKey, DeviceVerifyingKey, KeyError, SealingPublicKey, SealingSecretKey,
};
pub use vault::{
    unlock_slots, DataKey, FieldAad, KdfCost, KdfParams, OpenedSlot, Pin, PinError, PinKey,
    VaultCryptoError, WrappedKey,
};
