//! Her trusted contacts: up to three phone numbers the panic screen offers
//! to text. They are hers and sensitive, so they live in the vault: while
//! it is locked the SMS is still prepared, and she picks the people in her
//! messaging app.

use crate::error::StoreError;
use crate::store::AppData;

/// How many numbers she may keep.
pub const MAX_TRUSTED_CONTACTS: usize = 3;
const ITEM: &str = "contacts.trusted";

/// A phone number as the SMS link needs it: an optional `+` and 6 to 15
/// digits. Spaces, dots, dashes and brackets she typed are dropped.
pub fn normalize_phone(text: &str) -> Option<String> {
    let text = text.trim();
    let (plus, rest) = match text.strip_prefix('+') {
        Some(rest) => ("+", rest),
        None => ("", text),
    };
    let mut digits = String::with_capacity(rest.len());
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' | '(' | ')' => {}
            _ => return None,
        }
    }
    (6..=15)
        .contains(&digits.len())
        .then(|| format!("{plus}{digits}"))
}

impl AppData {
    /// Her trusted contacts (needs the vault open).
    pub fn trusted_contacts(&self) -> Result<Vec<String>, StoreError> {
        match self.vault().item(ITEM)? {
            None => Ok(Vec::new()),
            Some(bytes) => {
                serde_json::from_slice(&bytes).map_err(|_| StoreError::BadSetting("contacts"))
            }
        }
    }

    /// Replaces her trusted contacts. Every number must be a phone number;
    /// empty entries are dropped; at most three. Nothing is saved if one is
    /// wrong.
    pub fn set_trusted_contacts(&self, numbers: &[String]) -> Result<Vec<String>, StoreError> {
        let mut kept = Vec::new();
        for n in numbers.iter().filter(|n| !n.trim().is_empty()) {
            let phone = normalize_phone(n).ok_or(StoreError::BadPhoneNumber)?;
            if !kept.contains(&phone) {
                kept.push(phone);
            }
        }
        if kept.len() > MAX_TRUSTED_CONTACTS {
            return Err(StoreError::BadPhoneNumber);
        }
        let bytes = serde_json::to_vec(&kept).map_err(|_| StoreError::Damaged)?;
        self.vault().put_item(ITEM, &bytes)?;
        Ok(kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_normalized_or_refused() {
        assert_eq!(
            normalize_phone(" +212 6-12.34 (56) 78 ").as_deref(),
            Some("+212612345678")
        );
        assert_eq!(normalize_phone("0612345678").as_deref(), Some("0612345678"));
        for bad in [
            "",
            "+",
            "12345",
            "0612x45678",
            "+2126123456789012",
            "06 12 ; DROP",
            "٠٦١٢٣٤٥٦٧٨",
        ] {
            assert_eq!(normalize_phone(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn contacts_live_in_the_vault_and_a_bad_number_saves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let data = AppData::open_with(dir.path(), crate::VaultOptions::for_tests(None)).unwrap();
        assert!(matches!(
            data.trusted_contacts(),
            Err(StoreError::Locked | StoreError::NotSetUp)
        ));
        let pin = kulna_crypto::Pin::new("2468".into()).unwrap();
        data.vault().set_pin(&pin).unwrap();
        assert!(data.trusted_contacts().unwrap().is_empty());
        let saved = data
            .set_trusted_contacts(&["0612 34 56 78".into(), "".into(), "+212 661 000 111".into()])
            .unwrap();
        assert_eq!(saved, ["0612345678", "+212661000111"]);
        assert!(matches!(
            data.set_trusted_contacts(&["0612345678".into(), "not a number".into()]),
            Err(StoreError::BadPhoneNumber)
        ));
        assert!(matches!(
            data.set_trusted_contacts(&[
                "0611111111".into(),
                "0622222222".into(),
                "0633333333".into(),
                "0644444444".into()
            ]),
            Err(StoreError::BadPhoneNumber)
        ));
        assert_eq!(data.trusted_contacts().unwrap(), saved);
        data.vault().lock();
        assert!(data.trusted_contacts().is_err());
        // Not in the database file in the clear.
        let raw = std::fs::read(dir.path().join(crate::store::DATABASE_FILE)).unwrap();
        assert!(!raw.windows(10).any(|w| w == b"0612345678"));
    }
}
