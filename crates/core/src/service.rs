//! The address of the central service and the first thing asked of it.
//!
//! A service URL is built by [`ServiceUrl::parse`], which refuses plain
//! `http://` anywhere but loopback: outside a laptop demo, envelopes travel
//! only over TLS (terminated by a reverse proxy in front of the service).

use kulna_model::ServiceHealth;
use std::fmt;
use std::net::IpAddr;
use std::time::Duration;

/// Why a service address is refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ServiceUrlError {
    /// Not a URL at all.
    #[error("the service address is not a valid URL")]
    Malformed,
    /// Neither http nor https.
    #[error("the service address must start with https://")]
    Scheme,
    /// Plain http to a host other than this machine.
    #[error("plain http:// is allowed only for a service on this machine; use https://")]
    InsecureRemote,
}

/// A checked address of the central service, without a trailing slash.
#[derive(Clone, PartialEq, Eq)]
pub struct ServiceUrl(reqwest::Url);

impl ServiceUrl {
    /// Checks an address: https anywhere, http only on loopback.
    pub fn parse(text: &str) -> Result<Self, ServiceUrlError> {
        let url = reqwest::Url::parse(text.trim()).map_err(|_| ServiceUrlError::Malformed)?;
        match url.scheme() {
            "https" => {}
            "http" => {
                let loopback = match url.host() {
                    Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
                    Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
                    Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
                    None => false,
                };
                if !loopback {
                    return Err(ServiceUrlError::InsecureRemote);
                }
            }
            _ => return Err(ServiceUrlError::Scheme),
        }
        if url.host().is_none() {
            return Err(ServiceUrlError::Malformed);
        }
        Ok(Self(url))
    }

    /// The URL of a path on the service, e.g. `endpoint("/health")`.
    pub fn endpoint(&self, path: &str) -> String {
        format!("{}{}", self.0.as_str().trim_end_matches('/'), path)
    }
}

impl fmt::Debug for ServiceUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ServiceUrl({})", self.0)
    }
}

impl fmt::Display for ServiceUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str().trim_end_matches('/'))
    }
}

/// Asks the service's `/health` route, with a short timeout: a slow network
/// must not freeze the home screen.
pub async fn check_health(url: &ServiceUrl) -> ServiceHealth {
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()
    {
        Ok(c) => c,
        Err(_) => return ServiceHealth::Unreachable,
    };
    match client.get(url.endpoint("/health")).send().await {
        Ok(r) if r.status().is_success() => ServiceHealth::Reachable,
        _ => ServiceHealth::Unreachable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_http_only_on_loopback() {
        assert!(ServiceUrl::parse("https://ecoute.example.ma").is_ok());
        assert!(ServiceUrl::parse("http://127.0.0.1:8787").is_ok());
        assert!(ServiceUrl::parse("http://localhost:8787/").is_ok());
        assert!(ServiceUrl::parse("http://[::1]:8787").is_ok());
        assert_eq!(
            ServiceUrl::parse("http://192.168.1.10:8787"),
            Err(ServiceUrlError::InsecureRemote)
        );
        assert_eq!(
            ServiceUrl::parse("http://ecoute.example.ma"),
            Err(ServiceUrlError::InsecureRemote)
        );
        assert_eq!(ServiceUrl::parse("ftp://x"), Err(ServiceUrlError::Scheme));
        assert_eq!(
            ServiceUrl::parse("nonsense"),
            Err(ServiceUrlError::Malformed)
        );
    }

    #[test]
    fn endpoints_join_without_double_slashes() {
        let url = ServiceUrl::parse("http://127.0.0.1:9/").unwrap();
        assert_eq!(url.endpoint("/health"), "http://127.0.0.1:9/health");
    }

    #[tokio::test]
    async fn health_of_a_real_loopback_server_and_of_a_closed_port() {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            if let Ok((mut sock, _)) = listener.accept().await {
                let mut buf = [0u8; 1024];
                let _ = sock.read(&mut buf).await;
                let _ = sock
                    .write_all(
                        b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok",
                    )
                    .await;
            }
        });
        let url = ServiceUrl::parse(&format!("http://{addr}")).unwrap();
        assert_eq!(check_health(&url).await, ServiceHealth::Reachable);

        let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let closed_addr = closed.local_addr().unwrap();
        drop(closed);
        let url = ServiceUrl::parse(&format!("http://{closed_addr}")).unwrap();
        assert_eq!(check_health(&url).await, ServiceHealth::Unreachable);
    }
}
