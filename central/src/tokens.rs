//! Bearer tokens for devices and staff sessions.
//!
//! A token is `<public id>.<secret>`: the public id (a device id or a session
//! id) finds the row, the secret (32 random bytes, base64url) proves
//! possession. Only SHA-256 of the secret is stored, and it is compared in
//! constant time.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use base64::Engine as _;
use ring::rand::{SecureRandom as _, SystemRandom};
use subtle::ConstantTimeEq as _;

/// A fresh secret and its hash.
pub fn new_secret() -> anyhow::Result<(String, Vec<u8>)> {
    let mut bytes = [0u8; 32];
    SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| anyhow::anyhow!("random generator failed"))?;
    let secret = B64URL.encode(bytes);
    let hash = hash_secret(&secret);
    Ok((secret, hash))
}

/// SHA-256 of a secret.
pub fn hash_secret(secret: &str) -> Vec<u8> {
    ring::digest::digest(&ring::digest::SHA256, secret.as_bytes())
        .as_ref()
        .to_vec()
}

/// Whether `secret` hashes to `stored`, in constant time.
pub fn secret_matches(secret: &str, stored: &[u8]) -> bool {
    let h = hash_secret(secret);
    h.len() == stored.len() && bool::from(h.ct_eq(stored))
}

/// The `<id>` and `<secret>` of a request's `Authorization: Bearer` header.
pub fn bearer(headers: &axum::http::HeaderMap) -> Option<(&str, &str)> {
    headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(split_bearer)
}

/// Splits `Bearer <id>.<secret>` from an Authorization header value.
pub fn split_bearer(header: &str) -> Option<(&str, &str)> {
    let token = header
        .strip_prefix("Bearer ")
        .or_else(|| header.strip_prefix("bearer "))?;
    let (id, secret) = token.trim().split_once('.')?;
    if id.is_empty() || secret.is_empty() || secret.len() > 128 {
        return None;
    }
    Some((id, secret))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn secrets_match_only_themselves() {
        let (s, h) = new_secret().unwrap();
        assert!(secret_matches(&s, &h));
        assert!(!secret_matches("other", &h));
        assert!(!secret_matches(&s, &h[..31]));
        assert_eq!(split_bearer("Bearer a.b"), Some(("a", "b")));
        assert_eq!(split_bearer("Basic a.b"), None);
        assert_eq!(split_bearer("Bearer ab"), None);
    }
}
