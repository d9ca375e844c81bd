//! The service's own keys and how they rest on disk.
//!
//! Two keys, made by `kulna-central init`:
//!
//! * the **sealing key** (X25519, HPKE): devices seal every record to its
//!   public half; its secret half opens a case for an authorized listener;
//! * the **directory signing key** (Ed25519): signs each published directory
//!   version; the app pins its public half.
//!
//! The secret halves are stored together, encrypted with AES-256-GCM under a
//! key derived from the operator passphrase with Argon2id (random salt, the
//! parameters stored beside it). The associated data binds the ciphertext to
//! the key id, so a blob cannot be swapped between key sets. In memory the
//! secrets live in zeroizing types and are never logged.

use anyhow::{anyhow, Context as _};
use argon2::{Algorithm, Argon2, Params, Version};
use kulna_crypto::{SealingPublicKey, SealingSecretKey};
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use ring::rand::{SecureRandom as _, SystemRandom};
use ring::signature::{Ed25519KeyPair, KeyPair as _};
use secrecy::{ExposeSecret as _, SecretString};
use std::fmt;
use zeroize::Zeroizing;

const AAD_TAG: &[u8] = b"kulna-maak/service-keys v1";

/// The service keys as stored: public halves in the clear, secret halves sealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredServiceKeys {
    /// The sealing key's id (see `kulna_crypto::keys`).
    pub key_id: String,
    /// X25519 public key, 32 bytes.
    pub sealing_public: Vec<u8>,
    /// Ed25519 public key, 32 bytes.
    pub signing_public: Vec<u8>,
    /// Argon2id salt.
    pub kdf_salt: Vec<u8>,
    /// Argon2id memory cost, KiB.
    pub kdf_m_kib: u32,
    /// Argon2id passes.
    pub kdf_t: u32,
    /// Argon2id lanes.
    pub kdf_p: u32,
    /// AES-256-GCM nonce.
    pub nonce: Vec<u8>,
    /// AES-256-GCM ciphertext and tag of `sealing secret (32) || Ed25519 PKCS#8`.
    pub sealed_secrets: Vec<u8>,
    /// When `init` made them.
    pub created_at_ms: i64,
}

/// The service keys, opened, in memory.
pub struct ServiceKeys {
    sealing: SealingSecretKey,
    signing: Ed25519KeyPair,
    _pkcs8: Zeroizing<Vec<u8>>,
}

impl fmt::Debug for ServiceKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceKeys")
            .field("key_id", &self.key_id())
            .finish_non_exhaustive()
    }
}

fn kdf(
    passphrase: &SecretString,
    salt: &[u8],
    m: u32,
    t: u32,
    p: u32,
) -> anyhow::Result<LessSafeKey> {
    let params =
        Params::new(m, t, p, Some(32)).map_err(|e| anyhow!("bad argon2 parameters: {e}"))?;
    let mut key = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.expose_secret().as_bytes(), salt, key.as_mut())
        .map_err(|e| anyhow!("argon2 failed: {e}"))?;
    let unbound = UnboundKey::new(&AES_256_GCM, key.as_ref()).map_err(|_| anyhow!("aes key"))?;
    Ok(LessSafeKey::new(unbound))
}

fn aad(key_id: &str) -> Vec<u8> {
    let mut a = AAD_TAG.to_vec();
    a.extend_from_slice(key_id.as_bytes());
    a
}

impl ServiceKeys {
    /// Fresh keys, and their stored form sealed under `passphrase`.
    /// Argon2id runs here: call it off the async runtime.
    pub fn generate(
        passphrase: &SecretString,
        now_ms: i64,
    ) -> anyhow::Result<(Self, StoredServiceKeys)> {
        let rng = SystemRandom::new();
        let sealing = SealingSecretKey::generate();
        let pkcs8 =
            Ed25519KeyPair::generate_pkcs8(&rng).map_err(|_| anyhow!("random generator failed"))?;
        let pkcs8 = Zeroizing::new(pkcs8.as_ref().to_vec());
        let signing = Ed25519KeyPair::from_pkcs8(&pkcs8).map_err(|_| anyhow!("ed25519 key"))?;
        let mut salt = vec![0u8; 16];
        let mut nonce = vec![0u8; NONCE_LEN];
        rng.fill(&mut salt)
            .map_err(|_| anyhow!("random generator failed"))?;
        rng.fill(&mut nonce)
            .map_err(|_| anyhow!("random generator failed"))?;
        let (m, t, p) = (64 * 1024, 3, 1);
        let key = kdf(passphrase, &salt, m, t, p)?;
        let key_id = sealing.public_key().key_id().to_owned();
        let mut buf = Zeroizing::new(Vec::with_capacity(32 + pkcs8.len() + 16));
        buf.extend_from_slice(&sealing.to_bytes());
        buf.extend_from_slice(&pkcs8);
        let nonce_arr: [u8; NONCE_LEN] =
            nonce.as_slice().try_into().map_err(|_| anyhow!("nonce"))?;
        key.seal_in_place_append_tag(
            Nonce::assume_unique_for_key(nonce_arr),
            Aad::from(aad(&key_id)),
            &mut *buf,
        )
        .map_err(|_| anyhow!("sealing the service keys failed"))?;
        let stored = StoredServiceKeys {
            key_id,
            sealing_public: sealing.public_key().to_bytes().to_vec(),
            signing_public: signing.public_key().as_ref().to_vec(),
            kdf_salt: salt,
            kdf_m_kib: m,
            kdf_t: t,
            kdf_p: p,
            nonce,
            sealed_secrets: buf.to_vec(),
            created_at_ms: now_ms,
        };
        Ok((
            Self {
                sealing,
                signing,
                _pkcs8: pkcs8,
            },
            stored,
        ))
    }

    /// Opens stored keys with the passphrase. Argon2id runs here: call it off
    /// the async runtime.
    pub fn open(stored: &StoredServiceKeys, passphrase: &SecretString) -> anyhow::Result<Self> {
        let key = kdf(
            passphrase,
            &stored.kdf_salt,
            stored.kdf_m_kib,
            stored.kdf_t,
            stored.kdf_p,
        )?;
        let nonce: [u8; NONCE_LEN] = stored
            .nonce
            .as_slice()
            .try_into()
            .map_err(|_| anyhow!("stored nonce is malformed"))?;
        let mut buf = Zeroizing::new(stored.sealed_secrets.clone());
        let plain = key
            .open_in_place(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad(&stored.key_id)),
                &mut buf,
            )
            .map_err(|_| anyhow!("wrong operator passphrase (or the stored keys are damaged)"))?;
        if plain.len() <= 32 {
            anyhow::bail!("stored keys are malformed");
        }
        let sealing = SealingSecretKey::from_bytes(&plain[..32]).context("stored sealing key")?;
        let pkcs8 = Zeroizing::new(plain[32..].to_vec());
        let signing = Ed25519KeyPair::from_pkcs8(&pkcs8)
            .map_err(|_| anyhow!("stored signing key is malformed"))?;
        if sealing.public_key().key_id() != stored.key_id
            || signing.public_key().as_ref() != stored.signing_public.as_slice()
        {
            anyhow::bail!("stored keys do not match their public halves");
        }
        Ok(Self {
            sealing,
            signing,
            _pkcs8: pkcs8,
        })
    }

    /// The sealing key id devices put in their envelopes.
    pub fn key_id(&self) -> &str {
        self.sealing.public_key().key_id()
    }

    /// The sealing public key.
    pub fn sealing_public(&self) -> &SealingPublicKey {
        self.sealing.public_key()
    }

    /// The sealing secret key, to open envelopes.
    pub fn sealing_secret(&self) -> &SealingSecretKey {
        &self.sealing
    }

    /// The directory signing public key, 32 bytes.
    pub fn signing_public(&self) -> &[u8] {
        self.signing.public_key().as_ref()
    }

    /// Signs a message with the directory signing key.
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        self.signing.sign(message).as_ref().to_vec()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn keys_round_trip_under_the_passphrase_and_refuse_another() {
        let pass = SecretString::from("correct horse".to_owned());
        let (keys, stored) = ServiceKeys::generate(&pass, 1).unwrap();
        let again = ServiceKeys::open(&stored, &pass).unwrap();
        assert_eq!(again.key_id(), keys.key_id());
        assert_eq!(again.signing_public(), keys.signing_public());
        let wrong = SecretString::from("battery staple".to_owned());
        let err = ServiceKeys::open(&stored, &wrong).unwrap_err();
        assert!(err.to_string().contains("wrong operator passphrase"));
        assert!(!format!("{keys:?}").contains("sealing:"));
        let mut moved = stored.clone();
        moved.key_id = "0000000000000000".into();
        assert!(ServiceKeys::open(&moved, &pass).is_err());
    }
}
