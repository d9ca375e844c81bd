//! The device's identity: who it is to the central service.
//!
//! * **Device id**: a random UUID made on first run, which the device
//!   proposes when it registers. It is bound into every envelope, so it must
//!   not change while envelopes wait in the outbox.
//! * **Signing key** (Ed25519, from `kulna-crypto`): signs every envelope.
//!   It is stored **outside the vault**, in the clear, on purpose: the panic
//!   button must send a signed alert while the vault is locked, and the app
//!   must never wait for a PIN to call for help. Whoever copies the file can
//!   send envelopes as this device, which the service treats as any other
//!   device's; they cannot read anything with it.
//! * **Device token**: the opaque bearer token the service gives at
//!   registration, stored outside the vault for the same reason.
//! * **Sealing key pair** (X25519): the service seals case statuses to its
//!   public half; the secret half lives **inside** the vault, so only an
//!   unlocked device reads them. It is made when she sets her PIN.

use crate::error::StoreError;
use crate::vault::Vault;
use kulna_crypto::envelope::open_sealed;
use kulna_crypto::{DeviceSigningKey, DeviceVerifyingKey, SealingPublicKey};
use kulna_model::DeviceId;
use rusqlite::{Connection, OptionalExtension};
use std::fmt;
use zeroize::Zeroizing;

/// The bearer token the service gave this device. Printed redacted, zeroized
/// on drop, never serialized.
#[derive(Clone, PartialEq, Eq)]
pub struct DeviceToken(Zeroizing<String>);

impl DeviceToken {
    /// Wraps a token as the service returned it.
    pub fn new(token: String) -> Self {
        Self(Zeroizing::new(token))
    }

    /// The token, for the `Authorization` header.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for DeviceToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DeviceToken([redacted])")
    }
}

/// The keys loaded at open, usable while locked.
pub(crate) struct DeviceKeys {
    pub(crate) id: DeviceId,
    pub(crate) signing: DeviceSigningKey,
    pub(crate) sealing_public: Option<SealingPublicKey>,
}

impl fmt::Debug for DeviceKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeviceKeys")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl DeviceKeys {
    /// Loads the identity, making one on first run.
    pub(crate) fn load_or_create(conn: &Connection) -> Result<Self, StoreError> {
        type Row = (String, Zeroizing<Vec<u8>>, Option<Vec<u8>>);
        let row: Option<Row> = conn
            .query_row(
                "SELECT device_id, signing_pkcs8, sealing_public FROM device",
                [],
                |r| Ok((r.get(0)?, Zeroizing::new(r.get(1)?), r.get(2)?)),
            )
            .optional()?;
        if let Some((id, pkcs8, public)) = row {
            let id = DeviceId::parse(&id).map_err(|_| StoreError::BadSetting("device_id"))?;
            let signing = DeviceSigningKey::from_pkcs8(&pkcs8)?;
            let sealing_public = public
                .map(|p| SealingPublicKey::from_bytes(&p))
                .transpose()?;
            return Ok(Self {
                id,
                signing,
                sealing_public,
            });
        }
        let id = DeviceId::new_random();
        let signing = DeviceSigningKey::generate()?;
        conn.execute(
            "INSERT INTO device (id, device_id, signing_pkcs8) VALUES (1, ?1, ?2)",
            rusqlite::params![id.to_string(), &signing.to_pkcs8()[..]],
        )?;
        Ok(Self {
            id,
            signing,
            sealing_public: None,
        })
    }
}

impl Vault {
    /// This device's id, as bound into its envelopes.
    pub fn device_id(&self) -> DeviceId {
        self.inner().device.id
    }

    /// Signs a batch of envelopes (their JSON texts, as they go into the
    /// request body) as this device, so the service checks one signature
    /// for the batch (see `kulna_crypto::sign_batch`). Works while locked.
    pub fn sign_batch(&self, texts: &[&str]) -> String {
        let device = &self.inner().device;
        kulna_crypto::sign_batch(&device.id, texts, &device.signing)
    }

    /// The public half of the signing key, which the device registers.
    pub fn device_verifying_key(&self) -> DeviceVerifyingKey {
        self.inner().device.signing.verifying_key()
    }

    /// The public half of the device's sealing key, which the device
    /// registers so the service can seal case statuses to it. `None` until
    /// a PIN is set (its secret half lives in the vault).
    pub fn device_sealing_key(&self) -> Option<SealingPublicKey> {
        self.inner().device.sealing_public.clone()
    }

    /// Remembers the token the service gave at registration.
    pub fn set_device_token(&self, token: &DeviceToken) -> Result<(), StoreError> {
        self.inner()
            .conn
            .execute("UPDATE device SET token = ?1", [token.expose()])?;
        Ok(())
    }

    /// The device token, if registered. Readable while locked.
    pub fn device_token(&self) -> Result<Option<DeviceToken>, StoreError> {
        let token: Option<Option<String>> = self
            .inner()
            .conn
            .query_row("SELECT token FROM device", [], |r| r.get(0))
            .optional()?;
        Ok(token.flatten().map(DeviceToken::new))
    }

    /// Opens something the service sealed to this device (a case status),
    /// with the `context` and `aad` it was sealed under. Needs the real
    /// vault open; the decoy cannot read them.
    pub fn open_for_device(
        &self,
        context: &[u8],
        aad: &[u8],
        sealed: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, StoreError> {
        let mut inner = self.inner();
        self.with_session(&mut inner, |_, _| Ok(()))?;
        let secret = self.device_secret_in(&inner)?.ok_or(StoreError::Locked)?;
        Ok(open_sealed(&secret, context, aad, sealed)?)
    }
}
