//! Staff: accounts, passwords, sessions, sign-in throttling, scope.
//!
//! Passwords are hashed with Argon2id (PHC strings) on tokio's blocking
//! pool. A session token is `<session id>.<secret>`; only the secret's
//! SHA-256 is stored. Sessions end at their expiry, at sign-out, and when
//! the account is disabled or its password reset. After repeated failures
//! an account's sign-in is refused for a while, growing with each failure;
//! the per-address rate limit applies on top.

use crate::error::{AppError, AppResult};
use crate::http::ApiJson;
use crate::store::{CenterRecord, ScopeFilter, SessionRecord, StaffRecord};
use crate::tokens;
use crate::AppState;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::Json;
use kulna_model::staff::{LoginRequest, LoginResponse, Role, Scope, StaffProfile};
use secrecy::{ExposeSecret as _, SecretString};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Hashes a password with Argon2id. Slow on purpose: call off the runtime.
pub fn hash_password(password: &SecretString, memory_kib: u32) -> anyhow::Result<String> {
    let params = Params::new(memory_kib.max(1024), 2, 1, None)
        .map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?;
    let salt = SaltString::generate(&mut OsRng);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password(password.expose_secret().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))
}

/// Whether `password` matches a PHC hash. Slow on purpose: call off the runtime.
pub fn verify_password(password: &SecretString, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(password.expose_secret().as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Checks a new password's strength (length only: long passphrases beat rules).
pub fn check_new_password(password: &SecretString) -> Result<(), String> {
    let n = password.expose_secret().chars().count();
    if n < 12 {
        return Err("a staff password must have at least 12 characters".into());
    }
    if n > 1024 {
        return Err("a staff password must have at most 1024 characters".into());
    }
    Ok(())
}

/// The scope an account sees.
pub fn scope_of(s: &StaffRecord) -> Scope {
    if s.role == Role::Admin {
        return Scope::National;
    }
    match (&s.scope_center, s.scope_region) {
        (Some(c), _) => Scope::Center {
            center_id: c.clone(),
        },
        (None, Some(r)) => Scope::Region { region: r },
        (None, None) => Scope::National,
    }
}

/// The storage filter for a scope.
pub fn filter_of(scope: &Scope) -> ScopeFilter {
    match scope {
        Scope::National => ScopeFilter::All,
        Scope::Region { region } => ScopeFilter::Region(*region),
        Scope::Center { center_id } => ScopeFilter::Center(center_id.clone()),
    }
}

/// The profile a staff member sees of themselves.
pub fn profile_of(s: &StaffRecord) -> StaffProfile {
    StaffProfile {
        id: s.id.clone(),
        username: s.username.clone(),
        role: s.role,
        scope: scope_of(s),
    }
}

/// Sign-in failures per account name.
#[derive(Debug, Default)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

const FREE_FAILURES: u32 = 5;

impl LoginThrottle {
    /// `Err(seconds)` while this name must wait.
    pub fn check(&self, username: &str) -> Result<(), u64> {
        let Ok(map) = self.failures.lock() else {
            return Ok(());
        };
        if let Some((n, at)) = map.get(username) {
            if *n >= FREE_FAILURES {
                let wait =
                    Duration::from_secs(30u64.saturating_mul(1 << (n - FREE_FAILURES).min(5)));
                let waited = at.elapsed();
                if waited < wait {
                    return Err((wait - waited).as_secs().max(1));
                }
            }
        }
        Ok(())
    }

    fn fail(&self, username: &str) {
        if let Ok(mut map) = self.failures.lock() {
            if map.len() > 100_000 {
                map.clear();
            }
            let e = map
                .entry(username.to_owned())
                .or_insert((0, Instant::now()));
            e.0 = e.0.saturating_add(1);
            e.1 = Instant::now();
        }
    }

    fn succeed(&self, username: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(username);
        }
    }
}

/// A hash to verify against when the account does not exist, so that a
/// missing account takes as long as a wrong password.
fn dummy_hash(memory_kib: u32) -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        hash_password(&SecretString::from("not a password".to_owned()), memory_kib)
            .unwrap_or_default()
    })
}

/// `POST /v1/staff/login`.
pub async fn login(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<LoginRequest>,
) -> AppResult<Json<LoginResponse>> {
    const BAD: AppError = AppError::Unauthorized("wrong username or password");
    if req.username.is_empty() || req.username.len() > 200 || req.password.len() > 1024 {
        return Err(BAD);
    }
    let throttle = &state.inner.logins;
    throttle
        .check(&req.username)
        .map_err(|retry_after_s| AppError::RateLimited { retry_after_s })?;
    let staff = state.store().staff_by_username(&req.username).await?;
    let memory = state.config().password_memory_kib;
    let (hash, usable) = match &staff {
        Some(s) => (s.password_hash.clone(), !s.disabled),
        None => (dummy_hash(memory).to_owned(), false),
    };
    let password = SecretString::from(req.password);
    let ok = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .map_err(AppError::internal)?;
    let staff = match staff {
        Some(s) if ok && usable => s,
        _ => {
            throttle.fail(&req.username);
            tracing::info!("staff sign-in refused");
            return Err(BAD);
        }
    };
    throttle.succeed(&req.username);
    let (secret, token_hash) = tokens::new_secret().map_err(AppError::Internal)?;
    let now = crate::now_ms();
    let ttl =
        i64::try_from(state.config().session_ttl_secs.saturating_mul(1000)).unwrap_or(i64::MAX);
    let session = SessionRecord {
        id: uuid::Uuid::new_v4().simple().to_string(),
        staff_id: staff.id.clone(),
        token_hash,
        created_at_ms: now,
        expires_at_ms: now.saturating_add(ttl),
        revoked: false,
    };
    state.store().insert_session(&session).await?;
    tracing::info!(staff_id = %staff.id, "staff signed in");
    Ok(Json(LoginResponse {
        token: format!("{}.{}", session.id, secret),
        expires_at_ms: session.expires_at_ms,
        staff: profile_of(&staff),
    }))
}

/// A signed-in staff member.
#[derive(Debug, Clone)]
pub struct StaffAuth {
    /// The account.
    pub staff: StaffRecord,
    /// Their scope.
    pub scope: Scope,
    /// The session id.
    pub session_id: String,
    /// When the session ends, milliseconds since the epoch.
    pub expires_at_ms: i64,
}

impl StaffAuth {
    /// Whether the session still stands: not revoked, not expired, the
    /// account not disabled. What a request checks at its start, asked again
    /// by a request that lasts (the live queue).
    pub async fn still_valid(&self, state: &AppState) -> AppResult<bool> {
        let Some(session) = state.store().session(&self.session_id).await? else {
            return Ok(false);
        };
        let Some(staff) = state.store().staff_by_id(&session.staff_id).await? else {
            return Ok(false);
        };
        Ok(ended(&session, &staff).is_none())
    }

    /// Refuses unless a supervisor or administrator.
    pub fn require_supervisor(&self) -> AppResult<()> {
        if self.staff.role.supervises() {
            Ok(())
        } else {
            Err(AppError::Forbidden(
                "only supervisors and administrators may do this".into(),
            ))
        }
    }
}

impl FromRequestParts<AppState> for StaffAuth {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        const BAD: AppError = AppError::Unauthorized("missing or invalid session; sign in again");
        let (id, secret) = tokens::bearer(&parts.headers).ok_or(BAD)?;
        if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(BAD);
        }
        let session = state.store().session(id).await?.ok_or(BAD)?;
        if !tokens::secret_matches(secret, &session.token_hash) {
            return Err(BAD);
        }
        let staff = state
            .store()
            .staff_by_id(&session.staff_id)
            .await?
            .ok_or(BAD)?;
        if let Some(why) = ended(&session, &staff) {
            return Err(AppError::Unauthorized(why));
        }
        Ok(Self {
            scope: scope_of(&staff),
            staff,
            session_id: session.id,
            expires_at_ms: session.expires_at_ms,
        })
    }
}

/// Why a session no longer stands (revoked, expired, its account
/// disabled), if it does not: the one rule for a request's start and for a
/// request that lasts.
fn ended(session: &SessionRecord, staff: &StaffRecord) -> Option<&'static str> {
    if session.revoked {
        Some("this session was ended; sign in again")
    } else if session.expires_at_ms <= crate::now_ms() {
        Some("this session has expired; sign in again")
    } else if staff.disabled {
        Some("this account is disabled")
    } else {
        None
    }
}

/// `POST /v1/staff/logout`.
pub async fn logout(State(state): State<AppState>, who: StaffAuth) -> AppResult<StatusCode> {
    state.store().revoke_session(&who.session_id).await?;
    state.inner.sessions_ended.notify_waiters();
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /v1/staff/me`.
pub async fn me(who: StaffAuth) -> Json<StaffProfile> {
    Json(profile_of(&who.staff))
}

/// What `staff add` needs.
#[derive(Debug)]
pub struct NewStaff {
    /// Sign-in name.
    pub username: String,
    /// Role.
    pub role: Role,
    /// Region scope.
    pub region: Option<u8>,
    /// Center scope (must exist).
    pub center: Option<String>,
    /// Password.
    pub password: SecretString,
}

/// Adds an account (the `staff add` command and tests).
pub async fn add_staff(
    state_store: &std::sync::Arc<dyn crate::store::Storage>,
    new: NewStaff,
    memory_kib: u32,
) -> anyhow::Result<StaffRecord> {
    let username = new.username.trim().to_owned();
    if username.is_empty() || username.len() > 100 || username.chars().any(char::is_control) {
        anyhow::bail!("a username must have 1 to 100 printable characters");
    }
    check_new_password(&new.password).map_err(|e| anyhow::anyhow!(e))?;
    if let Some(r) = new.region {
        if !(1..=12).contains(&r) {
            anyhow::bail!("region must be between 1 and 12");
        }
    }
    if let Some(c) = &new.center {
        if state_store.center(c).await?.is_none() {
            anyhow::bail!("no center `{c}`: add it first with `kulna-central center add`");
        }
    }
    if new.role == Role::FieldWorker && new.center.is_none() {
        anyhow::bail!("a field worker must belong to a center (--center)");
    }
    let password = new.password;
    let hash = tokio::task::spawn_blocking(move || hash_password(&password, memory_kib)).await??;
    let rec = StaffRecord {
        id: uuid::Uuid::new_v4().to_string(),
        username,
        password_hash: hash,
        role: new.role,
        scope_region: new.region,
        scope_center: new.center,
        disabled: false,
        created_at_ms: crate::now_ms(),
    };
    if !state_store.insert_staff(&rec).await? {
        anyhow::bail!("the username `{}` is taken", rec.username);
    }
    Ok(rec)
}

/// Adds or renames a center.
pub async fn add_center(
    store: &std::sync::Arc<dyn crate::store::Storage>,
    id: &str,
    name: &str,
    region: u8,
) -> anyhow::Result<()> {
    if id.is_empty()
        || id.len() > 64
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        anyhow::bail!("a center id has 1 to 64 letters, digits, '-' or '_'");
    }
    if !(1..=12).contains(&region) {
        anyhow::bail!("region must be between 1 and 12");
    }
    store
        .upsert_center(&CenterRecord {
            id: id.to_owned(),
            name: name.to_owned(),
            region,
        })
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        let p = SecretString::from("a long enough passphrase".to_owned());
        let h = hash_password(&p, 1024).unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password(&p, &h));
        assert!(!verify_password(
            &SecretString::from("wrong".to_owned()),
            &h
        ));
        assert!(!verify_password(&p, "garbage"));
        assert!(check_new_password(&SecretString::from("short".to_owned())).is_err());
    }

    #[test]
    fn throttle_waits_after_repeated_failures() {
        let t = LoginThrottle::default();
        for _ in 0..FREE_FAILURES {
            assert!(t.check("amina").is_ok());
            t.fail("amina");
        }
        assert!(t.check("amina").is_err());
        assert!(t.check("someone-else").is_ok());
        t.succeed("amina");
        assert!(t.check("amina").is_ok());
    }
}
