//! Key types.
//!
//! * A **sealing key** is an X25519 HPKE key pair. The service has one:
//!   devices pin its public half, and its secret half stays on the service,
//!   encrypted at rest under an operator passphrase. Each device has one too,
//!   its secret half in the vault, for the case statuses the service seals back
//!   to it. A key's id is the first 8 bytes of SHA-256 of the public key, in
//!   hex, so a sender can say which key it sealed to.
//! * The **device signing key** is Ed25519 (ring). It signs every envelope so
//!   the service knows which registered device sent it. It must be usable while
//!   the vault is locked (the panic button), so it is stored outside the vault.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use hpke::kem::X25519HkdfSha256;
use hpke::{Deserializable, Kem as _, Serializable};
use ring::signature::{Ed25519KeyPair, KeyPair as _, UnparsedPublicKey, ED25519};
use std::fmt;
use zeroize::Zeroizing;

/// A key that could not be built from its bytes.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeyError {
    /// The bytes are not a key of the expected kind.
    #[error("malformed {0} key")]
    Malformed(&'static str),
    /// The system random number generator failed.
    #[error("the system random number generator failed")]
    Rng,
}

/// The public half of a sealing key (the service's, as pinned by devices, or a device's).
#[derive(Clone, PartialEq, Eq)]
pub struct SealingPublicKey {
    pub(crate) inner: <X25519HkdfSha256 as hpke::Kem>::PublicKey,
    id: String,
}

impl SealingPublicKey {
    /// Builds the key from its 32 raw bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, KeyError> {
        let inner = <X25519HkdfSha256 as hpke::Kem>::PublicKey::from_bytes(bytes)
            .map_err(|_| KeyError::Malformed("sealing public"))?;
        Ok(Self::from_inner(inner))
    }

    /// Builds the key from base64 (standard alphabet).
    pub fn from_base64(text: &str) -> Result<Self, KeyError> {
        let bytes = B64
            .decode(text.trim())
            .map_err(|_| KeyError::Malformed("sealing public"))?;
        Self::from_bytes(&bytes)
    }

    fn from_inner(inner: <X25519HkdfSha256 as hpke::Kem>::PublicKey) -> Self {
        let digest = ring::digest::digest(&ring::digest::SHA256, &inner.to_bytes());
        let id = digest.as_ref()[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Self { inner, id }
    }

    /// The raw 32 bytes.
    pub fn to_bytes(&self) -> [u8; 32] {
        let mut out = [0u8; 32];
        out.copy_from_slice(&self.inner.to_bytes());
        out
    }

    /// The raw bytes in base64.
    pub fn to_base64(&self) -> String {
        B64.encode(self.to_bytes())
    }

    /// The key id bound into every envelope sealed to this key.
    pub fn key_id(&self) -> &str {
        &self.id
    }
}

impl fmt::Debug for SealingPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SealingPublicKey")
            .field("key_id", &self.id)
            .finish()
    }
}

/// The secret half of a sealing key. Zeroized on drop (by the hpke crate),
/// never serialized, printed redacted.
pub struct SealingSecretKey {
    pub(crate) inner: <X25519HkdfSha256 as hpke::Kem>::PrivateKey,
    public: SealingPublicKey,
}

impl SealingSecretKey {
    /// A fresh random key pair.
    pub fn generate() -> Self {
        let (sk, pk) =
            X25519HkdfSha256::gen_keypair(&mut rand_core::TryRngCore::unwrap_err(rand_core::OsRng));
        Self {
            inner: sk,
            public: SealingPublicKey::from_inner(pk),
        }
    }

    /// Rebuilds the key from its 32 secret bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, KeyError> {
        let inner = <X25519HkdfSha256 as hpke::Kem>::PrivateKey::from_bytes(bytes)
            .map_err(|_| KeyError::Malformed("sealing secret"))?;
        let pk = X25519HkdfSha256::sk_to_pk(&inner);
        Ok(Self {
            inner,
            public: SealingPublicKey::from_inner(pk),
        })
    }

    /// The 32 secret bytes, for encrypting at rest. Zeroized when dropped.
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(self.inner.to_bytes().to_vec())
    }

    /// The public half.
    pub fn public_key(&self) -> &SealingPublicKey {
        &self.public
    }
}

impl fmt::Debug for SealingSecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SealingSecretKey([redacted])")
    }
}

/// A device's Ed25519 signing key. Held as its PKCS#8 document, which is
/// zeroized on drop; never serialized, printed redacted.
pub struct DeviceSigningKey {
    pkcs8: Zeroizing<Vec<u8>>,
    pair: Ed25519KeyPair,
}

impl DeviceSigningKey {
    /// A fresh random key.
    pub fn generate() -> Result<Self, KeyError> {
        let rng = ring::rand::SystemRandom::new();
        let doc = Ed25519KeyPair::generate_pkcs8(&rng).map_err(|_| KeyError::Rng)?;
        Self::from_pkcs8(doc.as_ref())
    }

    /// Rebuilds the key from its PKCS#8 document (as [`Self::to_pkcs8`] gave).
    pub fn from_pkcs8(bytes: &[u8]) -> Result<Self, KeyError> {
        let pair =
            Ed25519KeyPair::from_pkcs8(bytes).map_err(|_| KeyError::Malformed("device signing"))?;
        Ok(Self {
            pkcs8: Zeroizing::new(bytes.to_vec()),
            pair,
        })
    }

    /// The PKCS#8 document, for storage.
    pub fn to_pkcs8(&self) -> Zeroizing<Vec<u8>> {
        self.pkcs8.clone()
    }

    /// The public half, which the device registers with the service.
    pub fn verifying_key(&self) -> DeviceVerifyingKey {
        let mut bytes = [0u8; 32];
        bytes.copy_from_slice(self.pair.public_key().as_ref());
        DeviceVerifyingKey(bytes)
    }

    pub(crate) fn sign(&self, message: &[u8]) -> Vec<u8> {
        self.pair.sign(message).as_ref().to_vec()
    }
}

impl fmt::Debug for DeviceSigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DeviceSigningKey([redacted])")
    }
}

/// A device's Ed25519 public key, as registered with the service.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct DeviceVerifyingKey([u8; 32]);

impl DeviceVerifyingKey {
    /// Builds the key from its 32 raw bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, KeyError> {
        let arr: [u8; 32] = bytes
            .try_into()
            .map_err(|_| KeyError::Malformed("device verifying"))?;
        Ok(Self(arr))
    }

    /// Builds the key from base64.
    pub fn from_base64(text: &str) -> Result<Self, KeyError> {
        let bytes = B64
            .decode(text.trim())
            .map_err(|_| KeyError::Malformed("device verifying"))?;
        Self::from_bytes(&bytes)
    }

    /// The raw bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The raw bytes in base64.
    pub fn to_base64(&self) -> String {
        B64.encode(self.0)
    }

    pub(crate) fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        UnparsedPublicKey::new(&ED25519, self.0)
            .verify(message, signature)
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_keys_print_redacted() {
        let sk = SealingSecretKey::generate();
        assert_eq!(format!("{sk:?}"), "SealingSecretKey([redacted])");
        let dk = DeviceSigningKey::generate().unwrap();
        assert_eq!(format!("{dk:?}"), "DeviceSigningKey([redacted])");
    }

    #[test]
    fn keys_round_trip_through_bytes() {
        let sk = SealingSecretKey::generate();
        let again = SealingSecretKey::from_bytes(&sk.to_bytes()).unwrap();
        assert_eq!(again.public_key(), sk.public_key());
        assert_eq!(sk.public_key().key_id().len(), 16);
        let pk = SealingPublicKey::from_base64(&sk.public_key().to_base64()).unwrap();
        assert_eq!(&pk, sk.public_key());

        let dk = DeviceSigningKey::generate().unwrap();
        let again = DeviceSigningKey::from_pkcs8(&dk.to_pkcs8()).unwrap();
        assert_eq!(again.verifying_key(), dk.verifying_key());
    }

    #[test]
    fn malformed_keys_are_errors() {
        assert!(SealingPublicKey::from_bytes(&[1, 2, 3]).is_err());
        assert!(SealingPublicKey::from_base64("%%%").is_err());
        assert!(DeviceSigningKey::from_pkcs8(b"nope").is_err());
        assert!(DeviceVerifyingKey::from_bytes(&[0; 31]).is_err());
    }
}
