//! Identifiers: newtypes over UUIDs, built by `parse` so an invalid one cannot exist.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

/// Why a string is not a valid identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdError {
    /// What kind of identifier was expected (`record`, `device`).
    pub expected: &'static str,
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a valid {} id (expected a UUID)", self.expected)
    }
}

impl std::error::Error for IdError {}

macro_rules! uuid_id {
    ($(#[$doc:meta])* $name:ident, $label:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// Wraps an existing UUID.
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// The UUID inside.
            pub const fn as_uuid(&self) -> &Uuid {
                &self.0
            }

            /// The 16 bytes of the UUID, as bound into authenticated data.
            pub const fn as_bytes(&self) -> &[u8; 16] {
                self.0.as_bytes()
            }

            /// Parses the hyphenated text form.
            pub fn parse(text: &str) -> Result<Self, IdError> {
                Uuid::parse_str(text).map(Self).map_err(|_| IdError { expected: $label })
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(text: &str) -> Result<Self, IdError> {
                Self::parse(text)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }
    };
}

uuid_id!(
    /// A record made on a device (report, alert, support request, intake).
    /// Always a UUIDv7 made by the device, so records sort by creation and a
    /// resend is recognised by the service.
    RecordId,
    "record"
);

uuid_id!(
    /// A device registered with the central service (anonymous).
    DeviceId,
    "device"
);

impl RecordId {
    /// A fresh UUIDv7 from the current time.
    pub fn new_v7() -> Self {
        Self(Uuid::now_v7())
    }
}

impl DeviceId {
    /// A fresh random (v4) device id, assigned by the service.
    pub fn new_random() -> Self {
        Self(Uuid::new_v4())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_rejects_garbage_with_a_clear_error() {
        let err = RecordId::parse("not-an-id").unwrap_err();
        assert_eq!(err.to_string(), "not a valid record id (expected a UUID)");
    }

    #[test]
    fn record_ids_are_v7_and_sort_by_creation() {
        let a = RecordId::new_v7();
        let b = RecordId::new_v7();
        assert_eq!(a.as_uuid().get_version_num(), 7);
        assert!(a < b);
    }

    #[test]
    fn json_is_the_hyphenated_uuid() {
        let id = RecordId::parse("01890a5d-ac96-774b-bcce-b302099a8057").unwrap();
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            "\"01890a5d-ac96-774b-bcce-b302099a8057\""
        );
    }
}
