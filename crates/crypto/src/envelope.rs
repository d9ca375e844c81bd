//! Sealing records to the service and opening them there.
//!
//! The format is described in `kulna_model::envelope`; this module is its one
//! implementation. [`seal_envelope`] runs on the device and needs only the
//! service's public key and the device's signing key, never the vault key.
//! The service calls [`verify_envelope`] at ingest (it knows the device's
//! registered key) and [`open_envelope`] when an authorized listener opens the
//! case. A batch the device signed as a whole ([`sign_batch`],
//! [`verify_batch_signature`]) costs the service one signature check at
//! ingest ([`check_envelope`] for each envelope's other fields); each
//! envelope's own signature is then checked when its case is opened.
//!
//! [`seal_to`] and [`open_sealed`] are the same HPKE construction for other
//! payloads, such as the case statuses the service seals back to a device.

use crate::keys::{DeviceSigningKey, DeviceVerifyingKey, SealingPublicKey, SealingSecretKey};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use hpke::aead::AesGcm256;
use hpke::kdf::HkdfSha256;
use hpke::kem::X25519HkdfSha256;
use hpke::{Deserializable, OpModeR, OpModeS, Serializable};
use kulna_model::{DeviceId, Envelope, RecordId, RecordKind, ENVELOPE_VERSION};
use ring::digest;
use zeroize::Zeroizing;

const HEADER_TAG: &[u8] = b"kulna-maak/envelope";
const SIGNATURE_TAG: &[u8] = b"kulna-maak/envelope-sig";
const ENVELOPE_INFO: &[u8] = b"kulna-maak envelope v1";
const BATCH_TAG: &[u8] = b"kulna-maak/batch-sig";

/// Why an envelope could not be sealed, verified or opened. Never carries
/// plaintext or key material.
#[derive(Debug, Clone, Copy, thiserror::Error, PartialEq, Eq)]
pub enum EnvelopeError {
    /// The envelope's format version is not one this build reads.
    #[error("unknown envelope version {0}")]
    UnknownVersion(u8),
    /// The envelope was sealed to a key this service does not hold.
    #[error("envelope sealed to another key")]
    WrongKey,
    /// A binary field is not valid base64.
    #[error("field `{0}` is not valid base64")]
    BadBase64(&'static str),
    /// The region is outside 1 to 12.
    #[error("region must be between 1 and 12")]
    BadRegion,
    /// The key id is longer than 255 bytes.
    #[error("key id too long")]
    BadKeyId,
    /// The device signature does not match.
    #[error("signature does not match the sending device")]
    BadSignature,
    /// The ciphertext was altered, truncated or moved under another header.
    #[error("envelope could not be opened")]
    OpenFailed,
    /// Sealing failed (the random number generator or the HPKE library).
    #[error("envelope could not be sealed")]
    SealFailed,
}

/// What a device seals: the header fields and the plaintext.
#[derive(Debug)]
pub struct SealInput<'a> {
    /// The record's UUIDv7.
    pub id: RecordId,
    /// What the record is.
    pub kind: RecordKind,
    /// The sending device.
    pub device_id: DeviceId,
    /// Creation time on the device clock, in milliseconds since the epoch.
    pub created_at_ms: i64,
    /// The region (1 to 12), if she gave one.
    pub region: Option<u8>,
    /// The serialized record.
    pub plaintext: &'a [u8],
}

/// The associated data bound into an envelope, in the fixed layout that the
/// model crate documents.
pub fn header_bytes(
    version: u8,
    kind: RecordKind,
    id: &RecordId,
    device_id: &DeviceId,
    created_at_ms: i64,
    region: Option<u8>,
    key_id: &str,
) -> Result<Vec<u8>, EnvelopeError> {
    if matches!(region, Some(r) if !(1..=12).contains(&r)) {
        return Err(EnvelopeError::BadRegion);
    }
    let key_len = u8::try_from(key_id.len()).map_err(|_| EnvelopeError::BadKeyId)?;
    let mut out = Vec::with_capacity(HEADER_TAG.len() + 44 + key_id.len());
    out.extend_from_slice(HEADER_TAG);
    out.push(version);
    out.push(kind.code());
    out.extend_from_slice(id.as_bytes());
    out.extend_from_slice(device_id.as_bytes());
    out.extend_from_slice(&created_at_ms.to_be_bytes());
    out.push(region.unwrap_or(0));
    out.push(key_len);
    out.extend_from_slice(key_id.as_bytes());
    Ok(out)
}

fn envelope_header(e: &Envelope) -> Result<Vec<u8>, EnvelopeError> {
    header_bytes(
        e.version,
        e.kind,
        &e.id,
        &e.device_id,
        e.created_at_ms,
        e.region,
        &e.key_id,
    )
}

fn signed_message(header: &[u8], enc: &[u8], ciphertext: &[u8]) -> Vec<u8> {
    let mut msg =
        Vec::with_capacity(SIGNATURE_TAG.len() + header.len() + enc.len() + ciphertext.len() + 8);
    msg.extend_from_slice(SIGNATURE_TAG);
    // Lengths make the concatenation unambiguous.
    for part in [header, enc] {
        msg.extend_from_slice(&(part.len() as u32).to_be_bytes());
        msg.extend_from_slice(part);
    }
    msg.extend_from_slice(ciphertext);
    msg
}

/// Seals a record to the service and signs it as this device.
pub fn seal_envelope(
    input: &SealInput<'_>,
    service: &SealingPublicKey,
    device: &DeviceSigningKey,
) -> Result<Envelope, EnvelopeError> {
    let header = header_bytes(
        ENVELOPE_VERSION,
        input.kind,
        &input.id,
        &input.device_id,
        input.created_at_ms,
        input.region,
        service.key_id(),
    )?;
    let (enc, ciphertext) = seal_raw(service, ENVELOPE_INFO, &header, input.plaintext)?;
    let signature = device.sign(&signed_message(&header, &enc, &ciphertext));
    Ok(Envelope {
        version: ENVELOPE_VERSION,
        id: input.id,
        kind: input.kind,
        device_id: input.device_id,
        created_at_ms: input.created_at_ms,
        region: input.region,
        key_id: service.key_id().to_owned(),
        enc: B64.encode(enc),
        ciphertext: B64.encode(ciphertext),
        signature: B64.encode(signature),
    })
}

/// Checks an envelope's version and that the registered key of its device
/// signed it. Cheap: no decryption.
pub fn verify_envelope(e: &Envelope, device: &DeviceVerifyingKey) -> Result<(), EnvelopeError> {
    let signed = SignedEnvelope::prepare(e)?;
    if device.verify(&signed.message, &signed.signature) {
        Ok(())
    } else {
        Err(EnvelopeError::BadSignature)
    }
}

/// Checks many envelopes from one device at once: one result per envelope,
/// in order, each the same as [`verify_envelope`] would give.
///
/// The signatures that pass the per-item checks (version, header, base64)
/// are verified together with Ed25519 batch verification (ed25519-zebra),
/// which costs far less than one check each. When the batch fails, every
/// signature of it is checked on its own, so one bad envelope never drops
/// the good ones. A batch accepts what single checks accept; the one
/// difference (batch verification is cofactored and follows ZIP-215 on
/// encodings) concerns signatures that only the holder of the signing key
/// could make, so it says nothing else about who signed. Keys of small order
/// never go through a batch.
pub fn verify_envelopes(
    envelopes: &[&Envelope],
    device: &DeviceVerifyingKey,
) -> Vec<Result<(), EnvelopeError>> {
    let mut results = Vec::with_capacity(envelopes.len());
    let mut prepared = Vec::with_capacity(envelopes.len());
    for (i, e) in envelopes.iter().enumerate() {
        match SignedEnvelope::prepare(e) {
            Ok(p) => {
                results.push(Ok(()));
                prepared.push((i, p));
            }
            Err(err) => results.push(Err(err)),
        }
    }
    if prepared.len() > 1 && verify_batch(&prepared, device) {
        return results;
    }
    for (i, p) in &prepared {
        if !device.verify(&p.message, &p.signature) {
            if let Some(r) = results.get_mut(*i) {
                *r = Err(EnvelopeError::BadSignature);
            }
        }
    }
    results
}

/// True when every signature in `items` is the device's over its message.
/// False says only that at least one is not (or that the key cannot be
/// used in a batch): the caller then checks each on its own.
///
/// All the items come from one device, and ed25519-zebra's batch verifier
/// coalesces the terms of one key: one multiscalar multiplication of n + 2
/// points instead of 2n + 1. Its random coefficients come from the system.
fn verify_batch(items: &[(usize, SignedEnvelope)], device: &DeviceVerifyingKey) -> bool {
    let usable = curve25519_dalek::edwards::CompressedEdwardsY(*device.as_bytes())
        .decompress()
        .is_some_and(|point| !point.is_small_order());
    if !usable {
        return false;
    }
    let key = ed25519_zebra::VerificationKeyBytes::from(*device.as_bytes());
    let mut batch = ed25519_zebra::batch::Verifier::new();
    for (_, p) in items {
        batch.queue((
            key,
            ed25519_zebra::Signature::from_bytes(&p.signature),
            p.message.as_slice(),
        ));
    }
    batch.verify(rand_core_06::OsRng).is_ok()
}

/// Checks what [`verify_envelope`] checks except the signature itself:
/// the version, the header (region, key id), that `enc`, `ciphertext` and
/// `signature` are base64 and that the signature has 64 bytes. For
/// envelopes whose batch signature ([`verify_batch_signature`]) vouches for
/// them.
pub fn check_envelope(e: &Envelope) -> Result<(), EnvelopeError> {
    // The same reading as before a signature check, which gives the same
    // errors; only the check itself is left out.
    SignedEnvelope::prepare(e).map(|_| ())
}

/// The message a device signs for a batch it sends: the device's id, the
/// number of envelopes and the SHA-256 of each envelope's JSON text, exactly
/// as it stands in the request body, in order.
///
/// ```text
/// "kulna-maak/batch-sig" | device id [16] | count u32 BE | SHA-256(text) [32] × count
/// ```
fn batch_message(device_id: &DeviceId, items: &[&str]) -> Vec<u8> {
    let mut msg = Vec::with_capacity(BATCH_TAG.len() + 20 + 32 * items.len());
    msg.extend_from_slice(BATCH_TAG);
    msg.extend_from_slice(device_id.as_bytes());
    msg.extend_from_slice(&(items.len() as u32).to_be_bytes());
    for item in items {
        msg.extend_from_slice(digest::digest(&digest::SHA256, item.as_bytes()).as_ref());
    }
    msg
}

/// Signs a batch of envelopes (their JSON texts, as they will stand in the
/// request body) as this device; the signature in base64.
///
/// One signature over the batch lets the service check one signature for
/// the whole request instead of one per envelope: the hashes bind every
/// byte of every envelope (its own signature included) to the device's key.
/// Each envelope keeps its own signature, checked when a case is opened.
pub fn sign_batch(device_id: &DeviceId, items: &[&str], device: &DeviceSigningKey) -> String {
    B64.encode(device.sign(&batch_message(device_id, items)))
}

/// True when `signature` (base64) is `device`'s signature of this batch from
/// `device_id`, item for item as [`sign_batch`] made it. False for anything
/// else (another key, an item changed, added, dropped or moved, bad base64).
pub fn verify_batch_signature(
    device_id: &DeviceId,
    items: &[&str],
    signature: &str,
    device: &DeviceVerifyingKey,
) -> bool {
    let Ok(signature) = B64.decode(signature) else {
        return false;
    };
    signature.len() == 64 && device.verify(&batch_message(device_id, items), &signature)
}

/// What a device signed, rebuilt from an envelope: the message (the binary
/// fields decoded straight into it) and the 64-byte signature.
struct SignedEnvelope {
    message: Vec<u8>,
    signature: [u8; 64],
}

impl SignedEnvelope {
    fn prepare(e: &Envelope) -> Result<Self, EnvelopeError> {
        if e.version != ENVELOPE_VERSION {
            return Err(EnvelopeError::UnknownVersion(e.version));
        }
        let header = envelope_header(e)?;
        let mut message = Vec::with_capacity(
            SIGNATURE_TAG.len() + 8 + header.len() + (e.enc.len() + e.ciphertext.len()) / 4 * 3 + 3,
        );
        message.extend_from_slice(SIGNATURE_TAG);
        message.extend_from_slice(&(header.len() as u32).to_be_bytes());
        message.extend_from_slice(&header);
        // The same layout as `signed_message`: enc's length, enc, ciphertext.
        let at = message.len();
        message.extend_from_slice(&[0; 4]);
        B64.decode_vec(&e.enc, &mut message)
            .map_err(|_| EnvelopeError::BadBase64("enc"))?;
        let enc_len =
            u32::try_from(message.len() - at - 4).map_err(|_| EnvelopeError::BadSignature)?;
        message[at..at + 4].copy_from_slice(&enc_len.to_be_bytes());
        B64.decode_vec(&e.ciphertext, &mut message)
            .map_err(|_| EnvelopeError::BadBase64("ciphertext"))?;
        let signature = decode("signature", &e.signature)?
            .try_into()
            .map_err(|_| EnvelopeError::BadSignature)?;
        Ok(Self { message, signature })
    }
}

/// Opens an envelope with the service's secret key. Does not check the
/// signature: call [`verify_envelope`] first.
pub fn open_envelope(
    e: &Envelope,
    service: &SealingSecretKey,
) -> Result<Zeroizing<Vec<u8>>, EnvelopeError> {
    if e.version != ENVELOPE_VERSION {
        return Err(EnvelopeError::UnknownVersion(e.version));
    }
    if e.key_id != service.public_key().key_id() {
        return Err(EnvelopeError::WrongKey);
    }
    let header = envelope_header(e)?;
    let enc = decode("enc", &e.enc)?;
    let ciphertext = decode("ciphertext", &e.ciphertext)?;
    open_raw(service, ENVELOPE_INFO, &header, &enc, &ciphertext)
}

/// Seals any payload to a public key, bound to `context` (HPKE info and
/// associated data). Returns `enc || ciphertext` as one byte string.
pub fn seal_to(
    recipient: &SealingPublicKey,
    context: &[u8],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Vec<u8>, EnvelopeError> {
    let (mut enc, ciphertext) = seal_raw(recipient, context, aad, plaintext)?;
    enc.extend_from_slice(&ciphertext);
    Ok(enc)
}

/// Opens what [`seal_to`] sealed, with the same context and associated data.
pub fn open_sealed(
    recipient: &SealingSecretKey,
    context: &[u8],
    aad: &[u8],
    sealed: &[u8],
) -> Result<Zeroizing<Vec<u8>>, EnvelopeError> {
    const ENC_LEN: usize = 32;
    if sealed.len() < ENC_LEN {
        return Err(EnvelopeError::OpenFailed);
    }
    let (enc, ciphertext) = sealed.split_at(ENC_LEN);
    open_raw(recipient, context, aad, enc, ciphertext)
}

fn seal_raw(
    recipient: &SealingPublicKey,
    info: &[u8],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<(Vec<u8>, Vec<u8>), EnvelopeError> {
    let (enc, ciphertext) = hpke::single_shot_seal::<AesGcm256, HkdfSha256, X25519HkdfSha256, _>(
        &OpModeS::Base,
        &recipient.inner,
        info,
        plaintext,
        aad,
        &mut rand_core::TryRngCore::unwrap_err(rand_core::OsRng),
    )
    .map_err(|_| EnvelopeError::SealFailed)?;
    Ok((enc.to_bytes().to_vec(), ciphertext))
}

fn open_raw(
    recipient: &SealingSecretKey,
    info: &[u8],
    aad: &[u8],
    enc: &[u8],
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>, EnvelopeError> {
    let enc = <X25519HkdfSha256 as hpke::Kem>::EncappedKey::from_bytes(enc)
        .map_err(|_| EnvelopeError::OpenFailed)?;
    hpke::single_shot_open::<AesGcm256, HkdfSha256, X25519HkdfSha256>(
        &OpModeR::Base,
        &recipient.inner,
        &enc,
        info,
        ciphertext,
        aad,
    )
    .map(Zeroizing::new)
    .map_err(|_| EnvelopeError::OpenFailed)
}

fn decode(field: &'static str, text: &str) -> Result<Vec<u8>, EnvelopeError> {
    B64.decode(text)
        .map_err(|_| EnvelopeError::BadBase64(field))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    struct Fixture {
        service: SealingSecretKey,
        device: DeviceSigningKey,
        device_id: DeviceId,
    }

    fn fixture() -> Fixture {
        Fixture {
            service: SealingSecretKey::generate(),
            device: DeviceSigningKey::generate().unwrap(),
            device_id: DeviceId::new_random(),
        }
    }

    fn seal(f: &Fixture, kind: RecordKind, region: Option<u8>, text: &[u8]) -> Envelope {
        let input = SealInput {
            id: RecordId::new_v7(),
            kind,
            device_id: f.device_id,
            created_at_ms: 1_764_000_000_000,
            region,
            plaintext: text,
        };
        seal_envelope(&input, f.service.public_key(), &f.device).unwrap()
    }

    #[test]
    fn seal_verify_open_round_trip() {
        let f = fixture();
        let e = seal(&f, RecordKind::Alert, Some(6), b"help, 3 rue X");
        verify_envelope(&e, &f.device.verifying_key()).unwrap();
        assert_eq!(&*open_envelope(&e, &f.service).unwrap(), b"help, 3 rue X");
        assert!(!e.ciphertext.contains("help"));
    }

    #[test]
    fn a_batch_signature_binds_every_byte_of_every_item_in_order() {
        let f = fixture();
        let texts: Vec<String> = (0..3)
            .map(|i| {
                serde_json::to_string(&seal(&f, RecordKind::Report, Some(i + 1), b"x")).unwrap()
            })
            .collect();
        let items: Vec<&str> = texts.iter().map(String::as_str).collect();
        let key = f.device.verifying_key();
        let sig = sign_batch(&f.device_id, &items, &f.device);
        assert!(verify_batch_signature(&f.device_id, &items, &sig, &key));
        // One byte of one item.
        let changed = texts[1].replacen("\"region\":2", "\"region\":3", 1);
        assert_ne!(changed, texts[1]);
        assert!(!verify_batch_signature(
            &f.device_id,
            &[items[0], &changed, items[2]],
            &sig,
            &key
        ));
        // Order, a dropped item, an added one.
        assert!(!verify_batch_signature(
            &f.device_id,
            &[items[1], items[0], items[2]],
            &sig,
            &key
        ));
        assert!(!verify_batch_signature(
            &f.device_id,
            &items[..2],
            &sig,
            &key
        ));
        assert!(!verify_batch_signature(
            &f.device_id,
            &[items[0], items[1], items[2], items[2]],
            &sig,
            &key
        ));
        // Another device's id or key; a signature that is not one.
        assert!(!verify_batch_signature(
            &DeviceId::new_random(),
            &items,
            &sig,
            &key
        ));
        let other = DeviceSigningKey::generate().unwrap();
        assert!(!verify_batch_signature(
            &f.device_id,
            &items,
            &sig,
            &other.verifying_key()
        ));
        assert!(!verify_batch_signature(&f.device_id, &items, "***", &key));
        assert!(!verify_batch_signature(&f.device_id, &items, "AAAA", &key));
        // An envelope's own signature is not a batch signature.
        let one = seal(&f, RecordKind::Report, None, b"x");
        let text = serde_json::to_string(&one).unwrap();
        assert!(!verify_batch_signature(
            &f.device_id,
            &[&text],
            &one.signature,
            &key
        ));
    }

    #[test]
    fn check_envelope_checks_all_but_the_signature() {
        let f = fixture();
        let good = seal(&f, RecordKind::Report, Some(6), b"x");
        assert_eq!(check_envelope(&good), Ok(()));
        let mut forged = good.clone();
        forged.created_at_ms += 1;
        assert_eq!(
            check_envelope(&forged),
            Ok(()),
            "the signature is not its business"
        );
        type Spoil = fn(&mut Envelope);
        let cases: [(Spoil, EnvelopeError); 6] = [
            (|e| e.version = 9, EnvelopeError::UnknownVersion(9)),
            (|e| e.region = Some(13), EnvelopeError::BadRegion),
            (|e| e.enc = "*".into(), EnvelopeError::BadBase64("enc")),
            (
                |e| e.ciphertext = "not base64!".into(),
                EnvelopeError::BadBase64("ciphertext"),
            ),
            (
                |e| e.signature = "%%".into(),
                EnvelopeError::BadBase64("signature"),
            ),
            (|e| e.signature = "AAAA".into(), EnvelopeError::BadSignature),
        ];
        for (spoil, expected) in cases {
            let mut e = good.clone();
            spoil(&mut e);
            assert_eq!(check_envelope(&e), Err(expected));
            assert_eq!(
                verify_envelope(&e, &f.device.verifying_key()),
                Err(expected)
            );
        }
    }

    #[test]
    fn another_device_key_does_not_verify() {
        let f = fixture();
        let e = seal(&f, RecordKind::Report, None, b"x");
        let other = DeviceSigningKey::generate().unwrap();
        assert_eq!(
            verify_envelope(&e, &other.verifying_key()),
            Err(EnvelopeError::BadSignature)
        );
    }

    #[test]
    fn another_service_key_is_refused_before_decrypting() {
        let f = fixture();
        let e = seal(&f, RecordKind::Report, None, b"x");
        assert_eq!(
            open_envelope(&e, &SealingSecretKey::generate()),
            Err(EnvelopeError::WrongKey)
        );
    }

    #[test]
    fn unknown_version_and_bad_fields_are_errors() {
        let f = fixture();
        let mut e = seal(&f, RecordKind::Report, None, b"x");
        e.version = 9;
        assert_eq!(
            verify_envelope(&e, &f.device.verifying_key()),
            Err(EnvelopeError::UnknownVersion(9))
        );
        let mut e = seal(&f, RecordKind::Report, None, b"x");
        e.enc = "***".into();
        assert_eq!(
            open_envelope(&e, &f.service),
            Err(EnvelopeError::BadBase64("enc"))
        );
        let mut e = seal(&f, RecordKind::Report, None, b"x");
        e.region = Some(13);
        assert_eq!(open_envelope(&e, &f.service), Err(EnvelopeError::BadRegion));
    }

    #[test]
    fn seal_to_round_trips_and_binds_context() {
        let device_box = SealingSecretKey::generate();
        let sealed = seal_to(device_box.public_key(), b"status", b"case-1", b"referred").unwrap();
        assert_eq!(
            &*open_sealed(&device_box, b"status", b"case-1", &sealed).unwrap(),
            b"referred"
        );
        assert!(open_sealed(&device_box, b"status", b"case-2", &sealed).is_err());
        assert!(open_sealed(&device_box, b"other", b"case-1", &sealed).is_err());
        assert!(open_sealed(&device_box, b"status", b"case-1", &sealed[..10]).is_err());
    }

    #[test]
    fn a_batch_of_good_envelopes_verifies() {
        let f = fixture();
        let envs: Vec<Envelope> = (0..20)
            .map(|i| seal(&f, RecordKind::Report, Some(1 + i % 12), b"a report"))
            .collect();
        let refs: Vec<&Envelope> = envs.iter().collect();
        let results = verify_envelopes(&refs, &f.device.verifying_key());
        assert_eq!(results, vec![Ok(()); 20]);
    }

    #[test]
    fn one_bad_envelope_in_a_batch_spoils_only_itself() {
        let f = fixture();
        let mut envs: Vec<Envelope> = (0..10)
            .map(|_| seal(&f, RecordKind::Report, None, b"a report"))
            .collect();
        // A signature over other bytes, one that is not base64, a header
        // changed after signing, an unknown version.
        let other = seal(&f, RecordKind::Report, None, b"another report");
        envs[2].signature = other.signature.clone();
        envs[4].signature = "***".into();
        envs[6].created_at_ms += 1;
        envs[8].version = 7;
        let refs: Vec<&Envelope> = envs.iter().collect();
        let results = verify_envelopes(&refs, &f.device.verifying_key());
        for (i, r) in results.iter().enumerate() {
            let expected = match i {
                2 | 6 => Err(EnvelopeError::BadSignature),
                4 => Err(EnvelopeError::BadBase64("signature")),
                8 => Err(EnvelopeError::UnknownVersion(7)),
                _ => Ok(()),
            };
            assert_eq!(r, &expected, "envelope {i}");
            assert_eq!(r, &verify_envelope(&envs[i], &f.device.verifying_key()));
        }
    }

    #[test]
    fn a_batch_under_another_key_fails_item_by_item() {
        let f = fixture();
        let envs: Vec<Envelope> = (0..5)
            .map(|_| seal(&f, RecordKind::Alert, None, b"help"))
            .collect();
        let refs: Vec<&Envelope> = envs.iter().collect();
        let other = DeviceSigningKey::generate().unwrap();
        assert_eq!(
            verify_envelopes(&refs, &other.verifying_key()),
            vec![Err(EnvelopeError::BadSignature); 5]
        );
        // A key of small order (here the identity point) never passes a batch
        // and fails every single check.
        let mut identity = [0u8; 32];
        identity[0] = 1;
        let weak = DeviceVerifyingKey::from_bytes(&identity).unwrap();
        assert_eq!(
            verify_envelopes(&refs, &weak),
            vec![Err(EnvelopeError::BadSignature); 5]
        );
        assert!(verify_envelopes(&[], &f.device.verifying_key()).is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_plaintext_round_trips(text in proptest::collection::vec(any::<u8>(), 0..2048), region in proptest::option::of(1u8..=12)) {
            let f = fixture();
            let e = seal(&f, RecordKind::SupportRequest, region, &text);
            prop_assert!(verify_envelope(&e, &f.device.verifying_key()).is_ok());
            prop_assert_eq!(&*open_envelope(&e, &f.service).unwrap(), &text[..]);
        }

        #[test]
        fn any_flipped_bit_in_the_ciphertext_fails_cleanly(byte in any::<prop::sample::Index>(), bit in 0u8..8) {
            let f = fixture();
            let e = seal(&f, RecordKind::Report, Some(1), b"a report of some length");
            let mut ct = B64.decode(&e.ciphertext).unwrap();
            let i = byte.index(ct.len());
            ct[i] ^= 1 << bit;
            let tampered = Envelope { ciphertext: B64.encode(&ct), ..e };
            prop_assert_eq!(verify_envelope(&tampered, &f.device.verifying_key()), Err(EnvelopeError::BadSignature));
            prop_assert_eq!(open_envelope(&tampered, &f.service), Err(EnvelopeError::OpenFailed));
        }

        #[test]
        fn a_batch_agrees_with_single_checks(bad in proptest::collection::vec(0u8..4, 1..12)) {
            let f = fixture();
            let mut envs = Vec::new();
            for (i, b) in bad.iter().enumerate() {
                let mut e = seal(&f, RecordKind::Report, Some(2), format!("report {i}").as_bytes());
                match b {
                    1 => e.created_at_ms -= 1,
                    2 => {
                        let mut sig = B64.decode(&e.signature).unwrap();
                        sig[i % 64] ^= 1;
                        e.signature = B64.encode(sig);
                    }
                    3 => e.ciphertext = format!("A{}", e.ciphertext),
                    _ => {}
                }
                envs.push(e);
            }
            let refs: Vec<&Envelope> = envs.iter().collect();
            let batch = verify_envelopes(&refs, &f.device.verifying_key());
            for (e, r) in envs.iter().zip(&batch) {
                prop_assert_eq!(r, &verify_envelope(e, &f.device.verifying_key()));
            }
            for (b, r) in bad.iter().zip(&batch) {
                prop_assert_eq!(*b == 0, r.is_ok());
            }
        }

        #[test]
        fn truncation_fails_cleanly(cut in 0usize..40) {
            let f = fixture();
            let e = seal(&f, RecordKind::Report, None, b"a report");
            let ct = B64.decode(&e.ciphertext).unwrap();
            let keep = ct.len().saturating_sub(cut + 1);
            let tampered = Envelope { ciphertext: B64.encode(&ct[..keep]), ..e };
            prop_assert_eq!(open_envelope(&tampered, &f.service), Err(EnvelopeError::OpenFailed));
        }

        #[test]
        fn a_changed_header_field_fails_to_open(which in 0usize..5) {
            let f = fixture();
            let e = seal(&f, RecordKind::Report, Some(3), b"a report");
            let mut t = e.clone();
            match which {
                0 => t.kind = RecordKind::Alert,
                1 => t.id = RecordId::new_v7(),
                2 => t.device_id = DeviceId::new_random(),
                3 => t.created_at_ms += 1,
                _ => t.region = Some(4),
            }
            prop_assert_eq!(verify_envelope(&t, &f.device.verifying_key()), Err(EnvelopeError::BadSignature));
            prop_assert_eq!(open_envelope(&t, &f.service), Err(EnvelopeError::OpenFailed));
        }
    }
}
