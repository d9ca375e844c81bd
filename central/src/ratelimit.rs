//! Per-address rate limiting for unauthenticated routes: a token bucket per
//! client address, refilled continuously. Memory is bounded: buckets that
//! are full again are forgotten when the table grows.

use crate::error::AppError;
use crate::AppState;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse as _, Response};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::Instant;

/// Buckets by address.
#[derive(Debug)]
pub struct RateLimiter {
    per_second: f64,
    burst: f64,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

const MAX_TRACKED: usize = 100_000;

impl RateLimiter {
    /// `per_minute` requests per minute per address, `burst` above that.
    pub fn new(per_minute: u32, burst: u32) -> Self {
        Self {
            per_second: f64::from(per_minute.max(1)) / 60.0,
            burst: f64::from(burst.max(1)),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for `ip`; on refusal, the seconds to wait.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        let now = Instant::now();
        let Ok(mut buckets) = self.buckets.lock() else {
            return Ok(());
        };
        if buckets.len() >= MAX_TRACKED {
            let (rate, burst) = (self.per_second, self.burst);
            buckets.retain(|_, (tokens, at)| {
                *tokens + now.duration_since(*at).as_secs_f64() * rate < burst
            });
        }
        let (tokens, at) = buckets.entry(ip).or_insert((self.burst, now));
        *tokens =
            (*tokens + now.duration_since(*at).as_secs_f64() * self.per_second).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            let wait = ((1.0 - *tokens) / self.per_second).ceil();
            Err(if wait.is_finite() && wait > 0.0 {
                wait as u64
            } else {
                1
            })
        }
    }
}

/// The client's address: the connection's peer, or the last
/// `X-Forwarded-For` hop when configured to trust a reverse proxy.
pub fn client_ip(req: &Request, trust_forwarded: bool) -> IpAddr {
    if trust_forwarded {
        if let Some(ip) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok())
        {
            return ip;
        }
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::from([0, 0, 0, 0]))
}

/// Middleware for unauthenticated routes.
pub async fn limit(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let ip = client_ip(&req, state.inner.config.trust_forwarded_for);
    match state.inner.limiter.check(ip) {
        Ok(()) => next.run(req).await,
        Err(retry_after_s) => AppError::RateLimited { retry_after_s }.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_refuses_after_the_burst_and_keeps_addresses_apart() {
        let l = RateLimiter::new(60, 3);
        let a = IpAddr::from([10, 0, 0, 1]);
        let b = IpAddr::from([10, 0, 0, 2]);
        assert!(l.check(a).is_ok());
        assert!(l.check(a).is_ok());
        assert!(l.check(a).is_ok());
        assert_eq!(l.check(a), Err(1));
        assert!(l.check(b).is_ok());
    }
}
