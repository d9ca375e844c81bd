//! The vault key hierarchy and field encryption.
//!
//! # Key hierarchy
//!
//! ```text
//! PIN ──PBKDF2-HMAC-SHA256(salt, iterations)──▶ PinKey (KEK, 256 bit)
//!                                                  │ AES-256-GCM
//!                                                  ▼
//!                     WrappedKey = params | nonce | seal(DEK ‖ meta)
//!                                                  │
//!                             DataKey (DEK, 256 bit, random per vault space)
//!                                                  │ AES-256-GCM, fresh nonce
//!                                                  ▼
//!                 field ciphertext, bound to table, column, row id, schema
//! ```
//!
//! * The **data key** (DEK) is random. Data is encrypted once under it;
//!   changing the PIN only re-wraps the DEK.
//! * The **wrapped key** carries its KDF and parameters in the clear, bound as
//!   associated data, so the cost can be raised later by re-wrapping at the
//!   next unlock, and a changed parameter fails to open instead of deriving a
//!   different key silently.
//! * A vault has several **slots** (the real PIN and the duress PIN).
//!   [`unlock_slots`] derives one key per distinct parameter set found on disk
//!   and tries every slot with it, whatever matched, so the work done (and the
//!   time taken) depends on what is stored, never on which PIN was typed.
//! * The 32-bit `meta` word is sealed next to the DEK: its meaning belongs to
//!   the caller (which slot is the decoy, for example) and is never visible on
//!   disk.
//!
//! # Field format, version 1
//!
//! ```text
//! 0x01 | nonce [12] | AES-256-GCM(plaintext) ‖ tag [16]
//! associated data: "kulna-maak/field" | 0x01 | schema u32 BE |
//!                  len u8 | table | len u8 | column | len u8 | row id
//! ```
//!
//! Key types do not implement `Serialize` or `Clone`, print as `[redacted]`,
//! and are zeroized on drop. The AES round keys that ring expands live on the
//! stack for the length of one call only. Tag checks are constant-time (ring).

use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};
use std::fmt;
use std::num::NonZeroU32;
use zeroize::Zeroizing;

/// Length of a data key, a PIN key and a salt, in bytes.
pub const KEY_LEN: usize = 32;
/// Length of the per-install salt, in bytes.
pub const SALT_LEN: usize = 16;
/// The PBKDF2 iteration count new vaults use (OWASP 2023 advice for
/// PBKDF2-HMAC-SHA256).
pub const PRODUCTION_ITERATIONS: u32 = 600_000;
/// The highest cost a stored key may ask for (so a damaged file cannot make
/// an unlock run for hours).
pub const MAX_ITERATIONS: u32 = 50_000_000;
/// The shortest PIN accepted, in characters.
pub const MIN_PIN_CHARS: usize = 4;
/// The longest PIN or passphrase accepted, in bytes.
pub const MAX_PIN_BYTES: usize = 256;

const FIELD_VERSION: u8 = 1;
const FIELD_TAG: &[u8] = b"kulna-maak/field";
const WRAP_VERSION: u8 = 1;
const WRAP_TAG: &[u8] = b"kulna-maak/wrapped-dek";
const TAG_LEN: usize = 16;
const WRAPPED_PLAINTEXT_LEN: usize = KEY_LEN + 4;
/// Encoded wrapped key: version, kdf, iterations, salt, nonce, sealed (DEK ‖ meta) ‖ tag.
const WRAPPED_LEN: usize = 1 + 1 + 4 + SALT_LEN + NONCE_LEN + WRAPPED_PLAINTEXT_LEN + TAG_LEN;

/// Why a vault key or field operation failed. Carries no key, PIN or plaintext.
#[derive(Debug, thiserror::Error, PartialEq, Eq, Clone, Copy)]
pub enum VaultCryptoError {
    /// The ciphertext was altered, truncated, moved to another row, or the
    /// key is not the one it was sealed with.
    #[error("encrypted data could not be opened")]
    OpenFailed,
    /// The encoded value is not in a format this build reads.
    #[error("encrypted data is in an unknown format")]
    Malformed,
    /// A name bound into the associated data is longer than 255 bytes.
    #[error("associated data field too long")]
    AadTooLong,
    /// The system random number generator failed.
    #[error("the system random number generator failed")]
    Rng,
}

/// Why a PIN was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq, Clone, Copy)]
pub enum PinError {
    /// Shorter than [`MIN_PIN_CHARS`] characters.
    #[error("PIN is too short")]
    TooShort,
    /// Longer than [`MAX_PIN_BYTES`] bytes.
    #[error("PIN is too long")]
    TooLong,
}

/// A PIN or passphrase as she typed it. Zeroized on drop, printed redacted.
pub struct Pin(Zeroizing<String>);

impl Pin {
    /// Accepts a PIN of at least [`MIN_PIN_CHARS`] characters and at most
    /// [`MAX_PIN_BYTES`] bytes. The text is moved in, so no copy is left
    /// behind by this call.
    pub fn new(text: String) -> Result<Self, PinError> {
        let text = Zeroizing::new(text);
        if text.len() > MAX_PIN_BYTES {
            return Err(PinError::TooLong);
        }
        if text.chars().count() < MIN_PIN_CHARS {
            return Err(PinError::TooShort);
        }
        Ok(Self(text))
    }

    fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl fmt::Debug for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pin([redacted])")
    }
}

/// The key derivation function a wrapped key was made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kdf {
    /// PBKDF2 with HMAC-SHA256 (ring).
    Pbkdf2HmacSha256,
}

impl Kdf {
    const fn code(self) -> u8 {
        match self {
            Self::Pbkdf2HmacSha256 => 1,
        }
    }

    const fn from_code(code: u8) -> Option<Self> {
        match code {
            1 => Some(Self::Pbkdf2HmacSha256),
            _ => None,
        }
    }
}

/// How a PIN key is derived: stored beside the wrapped key. Not secret.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct KdfParams {
    /// The function.
    pub kdf: Kdf,
    /// PBKDF2 iterations.
    pub iterations: NonZeroU32,
    /// The per-install random salt.
    pub salt: [u8; SALT_LEN],
}

impl KdfParams {
    /// Parameters with a fresh random salt at the given cost.
    pub fn generate(cost: KdfCost) -> Result<Self, VaultCryptoError> {
        Ok(Self {
            kdf: Kdf::Pbkdf2HmacSha256,
            iterations: cost.iterations,
            salt: random_array()?,
        })
    }

    /// The same salt at another cost (to raise the cost of an existing slot).
    pub fn with_cost(&self, cost: KdfCost) -> Self {
        Self {
            iterations: cost.iterations,
            ..self.clone()
        }
    }

    /// The cost these parameters have.
    pub fn cost(&self) -> KdfCost {
        KdfCost {
            iterations: self.iterations,
        }
    }
}

/// The work factor of PIN derivation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KdfCost {
    iterations: NonZeroU32,
}

impl KdfCost {
    /// The cost of a real vault: [`PRODUCTION_ITERATIONS`].
    pub const PRODUCTION: Self = Self {
        iterations: match NonZeroU32::new(PRODUCTION_ITERATIONS) {
            Some(n) => n,
            None => NonZeroU32::MIN,
        },
    };

    /// A lower cost, **for tests only**: a vault made with it falls to a
    /// brute force. Production code uses [`KdfCost::PRODUCTION`].
    pub const fn insecure_for_tests(iterations: NonZeroU32) -> Self {
        Self { iterations }
    }

    /// PBKDF2 iterations.
    pub const fn iterations(&self) -> u32 {
        self.iterations.get()
    }
}

impl Default for KdfCost {
    fn default() -> Self {
        Self::PRODUCTION
    }
}

/// A key derived from a PIN (the key-encryption key). Zeroized on drop.
pub struct PinKey(Zeroizing<[u8; KEY_LEN]>);

impl fmt::Debug for PinKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PinKey([redacted])")
    }
}

/// The unlock work done so far on the calling thread, so that tests can
/// check that every PIN (real, duress, wrong) costs exactly the same work.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnlockWork {
    /// PIN derivations run.
    pub derivations: u64,
    /// Wrapped keys tried.
    pub slot_attempts: u64,
}

thread_local! {
    static WORK: std::cell::Cell<UnlockWork> = const {
        std::cell::Cell::new(UnlockWork { derivations: 0, slot_attempts: 0 })
    };
}

/// The unlock work done so far on this thread.
pub fn thread_unlock_work() -> UnlockWork {
    WORK.with(|w| w.get())
}

fn count_work(derivations: u64, slot_attempts: u64) {
    WORK.with(|w| {
        let mut v = w.get();
        v.derivations += derivations;
        v.slot_attempts += slot_attempts;
        w.set(v);
    });
}

/// Derives the key-encryption key from a PIN. Slow on purpose.
pub fn derive_pin_key(pin: &Pin, params: &KdfParams) -> PinKey {
    count_work(1, 0);
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    match params.kdf {
        Kdf::Pbkdf2HmacSha256 => ring::pbkdf2::derive(
            ring::pbkdf2::PBKDF2_HMAC_SHA256,
            params.iterations,
            &params.salt,
            pin.as_bytes(),
            &mut out[..],
        ),
    }
    PinKey(out)
}

/// The random key that encrypts a vault's data. Zeroized on drop, printed
/// redacted, neither `Clone` nor `Serialize`.
pub struct DataKey(Zeroizing<[u8; KEY_LEN]>);

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DataKey([redacted])")
    }
}

/// Where an encrypted field lives: bound into its associated data, so a
/// ciphertext copied to another table, column, row or schema fails to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldAad<'a> {
    /// The table.
    pub table: &'a str,
    /// The column.
    pub column: &'a str,
    /// The row's id (for records, the 16 bytes of the UUID).
    pub row_id: &'a [u8],
    /// The schema version the field was written under.
    pub schema_version: u32,
}

impl FieldAad<'_> {
    fn to_bytes(self) -> Result<Vec<u8>, VaultCryptoError> {
        let mut out = Vec::with_capacity(
            FIELD_TAG.len() + 8 + self.table.len() + self.column.len() + self.row_id.len(),
        );
        out.extend_from_slice(FIELD_TAG);
        out.push(FIELD_VERSION);
        out.extend_from_slice(&self.schema_version.to_be_bytes());
        for part in [self.table.as_bytes(), self.column.as_bytes(), self.row_id] {
            let len = u8::try_from(part.len()).map_err(|_| VaultCryptoError::AadTooLong)?;
            out.push(len);
            out.extend_from_slice(part);
        }
        Ok(out)
    }
}

impl DataKey {
    /// A fresh random key.
    pub fn generate() -> Result<Self, VaultCryptoError> {
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        SystemRandom::new()
            .fill(&mut key[..])
            .map_err(|_| VaultCryptoError::Rng)?;
        Ok(Self(key))
    }

    fn aead(&self) -> Result<LessSafeKey, VaultCryptoError> {
        UnboundKey::new(&AES_256_GCM, &self.0[..])
            .map(LessSafeKey::new)
            .map_err(|_| VaultCryptoError::Malformed)
    }

    /// Encrypts a field with a fresh random nonce, bound to where it lives.
    pub fn encrypt_field(
        &self,
        aad: FieldAad<'_>,
        plaintext: &[u8],
    ) -> Result<Vec<u8>, VaultCryptoError> {
        let aad = aad.to_bytes()?;
        let nonce = random_array::<NONCE_LEN>()?;
        let mut out = Vec::with_capacity(1 + NONCE_LEN + plaintext.len() + TAG_LEN);
        out.push(FIELD_VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(plaintext);
        let tag = self
            .aead()?
            .seal_in_place_separate_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(&aad),
                &mut out[1 + NONCE_LEN..],
            )
            .map_err(|_| VaultCryptoError::OpenFailed)?;
        out.extend_from_slice(tag.as_ref());
        Ok(out)
    }

    /// Decrypts a field written by [`Self::encrypt_field`] with the same
    /// associated data. The plaintext is zeroized when dropped.
    pub fn decrypt_field(
        &self,
        aad: FieldAad<'_>,
        ciphertext: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, VaultCryptoError> {
        let aad = aad.to_bytes()?;
        let (&version, rest) = ciphertext
            .split_first()
            .ok_or(VaultCryptoError::Malformed)?;
        if version != FIELD_VERSION {
            return Err(VaultCryptoError::Malformed);
        }
        if rest.len() < NONCE_LEN + TAG_LEN {
            return Err(VaultCryptoError::OpenFailed);
        }
        let (nonce, sealed) = rest.split_at(NONCE_LEN);
        let nonce =
            Nonce::try_assume_unique_for_key(nonce).map_err(|_| VaultCryptoError::Malformed)?;
        let mut buf = Zeroizing::new(sealed.to_vec());
        let len = self
            .aead()?
            .open_in_place(nonce, Aad::from(&aad), &mut buf[..])
            .map_err(|_| VaultCryptoError::OpenFailed)?
            .len();
        buf.truncate(len);
        Ok(buf)
    }
}

/// A data key sealed under a PIN key, with the parameters to derive that PIN
/// key again. Not secret; safe to store in the clear.
#[derive(Clone, PartialEq, Eq)]
pub struct WrappedKey {
    params: KdfParams,
    nonce: [u8; NONCE_LEN],
    sealed: Vec<u8>,
}

impl fmt::Debug for WrappedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WrappedKey")
            .field("kdf", &self.params.kdf)
            .field("iterations", &self.params.iterations)
            .finish_non_exhaustive()
    }
}

impl WrappedKey {
    /// Seals `key` and a caller-defined `meta` word under `pin_key`, which
    /// must have been derived with `params`.
    pub fn wrap(
        key: &DataKey,
        meta: u32,
        pin_key: &PinKey,
        params: KdfParams,
    ) -> Result<Self, VaultCryptoError> {
        let nonce = random_array::<NONCE_LEN>()?;
        let mut sealed = Vec::with_capacity(WRAPPED_PLAINTEXT_LEN + TAG_LEN);
        sealed.extend_from_slice(&key.0[..]);
        sealed.extend_from_slice(&meta.to_be_bytes());
        let aad = wrap_aad(&params);
        let aead = LessSafeKey::new(
            UnboundKey::new(&AES_256_GCM, &pin_key.0[..])
                .map_err(|_| VaultCryptoError::Malformed)?,
        );
        let tag = aead
            .seal_in_place_separate_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(&aad),
                &mut sealed,
            )
            .map_err(|_| VaultCryptoError::OpenFailed)?;
        sealed.extend_from_slice(tag.as_ref());
        Ok(Self {
            params,
            nonce,
            sealed,
        })
    }

    /// Wraps `key` under a PIN, deriving the PIN key with `params`.
    pub fn wrap_with_pin(
        key: &DataKey,
        meta: u32,
        pin: &Pin,
        params: KdfParams,
    ) -> Result<Self, VaultCryptoError> {
        let pin_key = derive_pin_key(pin, &params);
        Self::wrap(key, meta, &pin_key, params)
    }

    /// A slot that looks like any other but that no PIN opens: a random key
    /// wrapped under a random key that is then forgotten.
    /// No derivation is run: the key it is wrapped under is random, not
    /// derived from anything, which looks the same from outside.
    pub fn decoy(params: KdfParams) -> Result<Self, VaultCryptoError> {
        let pin_key = PinKey(Zeroizing::new(random_array()?));
        let key = DataKey::generate()?;
        Self::wrap(&key, random_u32()?, &pin_key, params)
    }

    /// Opens the wrapped key with a PIN key. Wrong key or altered bytes: error.
    pub fn open_with(&self, pin_key: &PinKey) -> Result<(DataKey, u32), VaultCryptoError> {
        count_work(0, 1);
        let aad = wrap_aad(&self.params);
        let aead = LessSafeKey::new(
            UnboundKey::new(&AES_256_GCM, &pin_key.0[..])
                .map_err(|_| VaultCryptoError::Malformed)?,
        );
        let mut buf = Zeroizing::new(self.sealed.clone());
        let plain = aead
            .open_in_place(
                Nonce::assume_unique_for_key(self.nonce),
                Aad::from(&aad),
                &mut buf[..],
            )
            .map_err(|_| VaultCryptoError::OpenFailed)?;
        if plain.len() != WRAPPED_PLAINTEXT_LEN {
            return Err(VaultCryptoError::Malformed);
        }
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        key.copy_from_slice(&plain[..KEY_LEN]);
        let mut meta = [0u8; 4];
        meta.copy_from_slice(&plain[KEY_LEN..]);
        Ok((DataKey(key), u32::from_be_bytes(meta)))
    }

    /// The parameters the PIN key must be derived with.
    pub fn params(&self) -> &KdfParams {
        &self.params
    }

    /// The stored form.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = wrap_header(&self.params);
        out.extend_from_slice(&self.nonce);
        out.extend_from_slice(&self.sealed);
        out
    }

    /// Parses the stored form. Any other length or an unknown version or KDF
    /// is an error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, VaultCryptoError> {
        if bytes.len() != WRAPPED_LEN || bytes[0] != WRAP_VERSION {
            return Err(VaultCryptoError::Malformed);
        }
        let kdf = Kdf::from_code(bytes[1]).ok_or(VaultCryptoError::Malformed)?;
        let mut it = [0u8; 4];
        it.copy_from_slice(&bytes[2..6]);
        let iterations = NonZeroU32::new(u32::from_be_bytes(it))
            .filter(|n| n.get() <= MAX_ITERATIONS)
            .ok_or(VaultCryptoError::Malformed)?;
        let mut salt = [0u8; SALT_LEN];
        salt.copy_from_slice(&bytes[6..6 + SALT_LEN]);
        let mut nonce = [0u8; NONCE_LEN];
        let at = 6 + SALT_LEN;
        nonce.copy_from_slice(&bytes[at..at + NONCE_LEN]);
        Ok(Self {
            params: KdfParams {
                kdf,
                iterations,
                salt,
            },
            nonce,
            sealed: bytes[at + NONCE_LEN..].to_vec(),
        })
    }
}

fn wrap_header(params: &KdfParams) -> Vec<u8> {
    let mut out = Vec::with_capacity(WRAPPED_LEN);
    out.push(WRAP_VERSION);
    out.push(params.kdf.code());
    out.extend_from_slice(&params.iterations.get().to_be_bytes());
    out.extend_from_slice(&params.salt);
    out
}

fn wrap_aad(params: &KdfParams) -> Vec<u8> {
    let mut out = WRAP_TAG.to_vec();
    out.extend_from_slice(&wrap_header(params));
    out
}

/// A slot that opened: its index, its key and its meta word.
#[derive(Debug)]
pub struct OpenedSlot {
    /// Index into the slots given to [`unlock_slots`].
    pub index: usize,
    /// The data key.
    pub key: DataKey,
    /// The caller-defined word sealed with it.
    pub meta: u32,
}

/// Tries a PIN against every slot with the same work whichever (if any)
/// matches: one derivation per distinct parameter set, then every slot is
/// tried with its derived key. If several slots open (they never should),
/// the first wins.
pub fn unlock_slots(slots: &[WrappedKey], pin: &Pin) -> Option<OpenedSlot> {
    let mut derived: Vec<(&KdfParams, PinKey)> = Vec::with_capacity(slots.len());
    for slot in slots {
        if !derived.iter().any(|(p, _)| *p == slot.params()) {
            derived.push((slot.params(), derive_pin_key(pin, slot.params())));
        }
    }
    let mut opened: Option<OpenedSlot> = None;
    for (index, slot) in slots.iter().enumerate() {
        let Some((_, pin_key)) = derived.iter().find(|(p, _)| *p == slot.params()) else {
            continue;
        };
        // Every slot is tried, even after a match.
        if let Ok((key, meta)) = slot.open_with(pin_key) {
            if opened.is_none() {
                opened = Some(OpenedSlot { index, key, meta });
            }
        }
    }
    opened
}

fn random_array<const N: usize>() -> Result<[u8; N], VaultCryptoError> {
    let mut out = [0u8; N];
    SystemRandom::new()
        .fill(&mut out)
        .map_err(|_| VaultCryptoError::Rng)?;
    Ok(out)
}

fn random_u32() -> Result<u32, VaultCryptoError> {
    Ok(u32::from_be_bytes(random_array()?))
}

/// Fills a buffer from the system random number generator.
pub fn random_bytes(out: &mut [u8]) -> Result<(), VaultCryptoError> {
    SystemRandom::new()
        .fill(out)
        .map_err(|_| VaultCryptoError::Rng)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cheap() -> KdfCost {
        KdfCost::insecure_for_tests(NonZeroU32::new(10).unwrap())
    }

    fn pin(text: &str) -> Pin {
        Pin::new(text.to_owned()).unwrap()
    }

    fn aad<'a>(row: &'a [u8]) -> FieldAad<'a> {
        FieldAad {
            table: "record",
            column: "payload",
            row_id: row,
            schema_version: 2,
        }
    }

    #[test]
    fn secrets_print_redacted() {
        let dek = DataKey::generate().unwrap();
        assert_eq!(format!("{dek:?}"), "DataKey([redacted])");
        assert_eq!(format!("{:?}", pin("1234")), "Pin([redacted])");
        let params = KdfParams::generate(cheap()).unwrap();
        let pk = derive_pin_key(&pin("1234"), &params);
        assert_eq!(format!("{pk:?}"), "PinKey([redacted])");
        let w = WrappedKey::wrap(&dek, 0, &pk, params).unwrap();
        let shown = format!("{w:?}");
        assert!(shown.starts_with("WrappedKey { kdf: Pbkdf2HmacSha256, iterations: 10"));
    }

    #[test]
    fn pins_are_checked() {
        assert_eq!(Pin::new("123".into()).unwrap_err(), PinError::TooShort);
        assert_eq!(Pin::new("x".repeat(257)).unwrap_err(), PinError::TooLong);
        // Four Arabic-Indic digits are four characters, not eight bytes' worth.
        assert!(Pin::new("١٢٣٤".into()).is_ok());
    }

    #[test]
    fn production_cost_is_at_least_600k() {
        assert!(KdfCost::PRODUCTION.iterations() >= 600_000);
        assert_eq!(KdfCost::default(), KdfCost::PRODUCTION);
    }

    #[test]
    fn wrap_unwrap_with_production_parameters() {
        let params = KdfParams::generate(KdfCost::PRODUCTION).unwrap();
        let dek = DataKey::generate().unwrap();
        let w = WrappedKey::wrap_with_pin(&dek, 7, &pin("2468"), params).unwrap();
        let stored = WrappedKey::from_bytes(&w.to_bytes()).unwrap();
        assert_eq!(stored.params().iterations.get(), 600_000);
        let opened = unlock_slots(std::slice::from_ref(&stored), &pin("2468")).unwrap();
        assert_eq!(opened.meta, 7);
        let ct = dek.encrypt_field(aad(b"r1"), b"hello").unwrap();
        assert_eq!(
            &*opened.key.decrypt_field(aad(b"r1"), &ct).unwrap(),
            b"hello"
        );
        assert!(unlock_slots(&[stored], &pin("2469")).is_none());
    }

    #[test]
    fn every_slot_is_tried_and_the_matching_one_reported() {
        let params = KdfParams::generate(cheap()).unwrap();
        let a = DataKey::generate().unwrap();
        let b = DataKey::generate().unwrap();
        let slots = vec![
            WrappedKey::wrap_with_pin(&a, 1, &pin("1111"), params.clone()).unwrap(),
            WrappedKey::wrap_with_pin(&b, 2, &pin("2222"), params.clone()).unwrap(),
            WrappedKey::decoy(params).unwrap(),
        ];
        assert_eq!(unlock_slots(&slots, &pin("1111")).unwrap().index, 0);
        let second = unlock_slots(&slots, &pin("2222")).unwrap();
        assert_eq!((second.index, second.meta), (1, 2));
        assert!(unlock_slots(&slots, &pin("3333")).is_none());
    }

    #[test]
    fn raising_the_cost_rewraps_the_same_key() {
        let params = KdfParams::generate(cheap()).unwrap();
        let dek = DataKey::generate().unwrap();
        let ct = dek.encrypt_field(aad(b"r"), b"kept").unwrap();
        let raised = params.with_cost(KdfCost::insecure_for_tests(NonZeroU32::new(20).unwrap()));
        let w = WrappedKey::wrap_with_pin(&dek, 0, &pin("1234"), raised).unwrap();
        let opened = unlock_slots(std::slice::from_ref(&w), &pin("1234")).unwrap();
        assert_eq!(&*opened.key.decrypt_field(aad(b"r"), &ct).unwrap(), b"kept");
        assert_eq!(w.params().iterations.get(), 20);
    }

    #[test]
    fn a_changed_kdf_parameter_fails_to_open() {
        let params = KdfParams::generate(cheap()).unwrap();
        let dek = DataKey::generate().unwrap();
        let w = WrappedKey::wrap_with_pin(&dek, 0, &pin("1234"), params).unwrap();
        let mut bytes = w.to_bytes();
        bytes[5] ^= 1; // iterations 10 -> 11
        let tampered = WrappedKey::from_bytes(&bytes).unwrap();
        assert!(unlock_slots(&[tampered], &pin("1234")).is_none());
        assert_eq!(
            WrappedKey::from_bytes(&bytes[..bytes.len() - 1]).unwrap_err(),
            VaultCryptoError::Malformed
        );
    }

    #[test]
    fn nonces_are_fresh() {
        let dek = DataKey::generate().unwrap();
        let a = dek.encrypt_field(aad(b"r"), b"same").unwrap();
        let b = dek.encrypt_field(aad(b"r"), b"same").unwrap();
        assert_ne!(a[1..13], b[1..13]);
        assert_ne!(a, b);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn fields_round_trip(text in proptest::collection::vec(any::<u8>(), 0..4096), row in proptest::collection::vec(any::<u8>(), 0..40), schema in any::<u32>()) {
            let dek = DataKey::generate().unwrap();
            let a = FieldAad { table: "record", column: "payload", row_id: &row, schema_version: schema };
            let ct = dek.encrypt_field(a, &text).unwrap();
            prop_assert_eq!(ct.len(), text.len() + 29);
            prop_assert_eq!(&*dek.decrypt_field(a, &ct).unwrap(), &text[..]);
        }

        #[test]
        fn a_flipped_bit_is_an_error(text in proptest::collection::vec(any::<u8>(), 0..256), byte in any::<prop::sample::Index>(), bit in 0u8..8) {
            let dek = DataKey::generate().unwrap();
            let mut ct = dek.encrypt_field(aad(b"row"), &text).unwrap();
            let i = byte.index(ct.len());
            ct[i] ^= 1 << bit;
            prop_assert!(dek.decrypt_field(aad(b"row"), &ct).is_err());
        }

        #[test]
        fn truncation_is_an_error(text in proptest::collection::vec(any::<u8>(), 0..256), keep in any::<prop::sample::Index>()) {
            let dek = DataKey::generate().unwrap();
            let ct = dek.encrypt_field(aad(b"row"), &text).unwrap();
            let keep = keep.index(ct.len());
            prop_assert!(dek.decrypt_field(aad(b"row"), &ct[..keep]).is_err());
        }

        #[test]
        fn swapped_associated_data_is_an_error(which in 0usize..4, text in proptest::collection::vec(any::<u8>(), 0..64)) {
            let dek = DataKey::generate().unwrap();
            let good = FieldAad { table: "record", column: "payload", row_id: b"row-1", schema_version: 2 };
            let ct = dek.encrypt_field(good, &text).unwrap();
            let bad = match which {
                0 => FieldAad { table: "item", ..good },
                1 => FieldAad { column: "note", ..good },
                2 => FieldAad { row_id: b"row-2", ..good },
                _ => FieldAad { schema_version: 3, ..good },
            };
            prop_assert_eq!(dek.decrypt_field(bad, &ct).unwrap_err(), VaultCryptoError::OpenFailed);
            // And another key never opens it.
            prop_assert!(DataKey::generate().unwrap().decrypt_field(good, &ct).is_err());
        }

        #[test]
        fn wrapped_keys_round_trip_and_resist_tampering(meta in any::<u32>(), byte in any::<prop::sample::Index>(), bit in 0u8..8) {
            let params = KdfParams::generate(cheap()).unwrap();
            let dek = DataKey::generate().unwrap();
            let w = WrappedKey::wrap_with_pin(&dek, meta, &pin("5678"), params).unwrap();
            let bytes = w.to_bytes();
            let again = WrappedKey::from_bytes(&bytes).unwrap();
            let opened = unlock_slots(&[again], &pin("5678")).unwrap();
            prop_assert_eq!(opened.meta, meta);
            let mut bad = bytes.clone();
            let i = byte.index(bad.len());
            bad[i] ^= 1 << bit;
            // Either it no longer parses, or it no longer opens: never a panic.
            if let Ok(t) = WrappedKey::from_bytes(&bad) {
                if t.params().iterations.get() <= 1_000 {
                    prop_assert!(unlock_slots(&[t], &pin("5678")).is_none());
                } else {
                    // A flipped high bit of the cost: bound as associated data too,
                    // but too slow to derive here.
                    prop_assert_ne!(t.params(), w.params());
                }
            }
            prop_assert!(WrappedKey::from_bytes(&bytes[..i]).is_err());
        }
    }
}
