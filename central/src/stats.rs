//! Anonymous statistics: counts by region, month of receipt and incident
//! type, over the caller's scope, from records whose sender consented to statistics, with every cell
//! under [`STATS_MIN_CELL`] suppressed. Records are opened in memory one page
//! at a time; nothing but the counts leaves this module.

use crate::error::{AppError, AppResult};
use crate::staff::StaffAuth;
use crate::store::Storage;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use kulna_model::record::RecordPayload;
use kulna_model::staff::{StatsCell, StatsResponse, STATS_MIN_CELL};
use kulna_model::Envelope;
use std::collections::BTreeMap;
use std::sync::Arc;

/// `YYYY-MM` of a time in milliseconds since the epoch (UTC).
pub fn month_of(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}")
}

/// Computes the statistics over every stored record.
pub async fn compute(
    store: &Arc<dyn Storage>,
    keys: &crate::service_keys::ServiceKeys,
    scope: &kulna_model::staff::Scope,
) -> anyhow::Result<StatsResponse> {
    let mut counts: BTreeMap<(Option<u8>, String, String), u64> = BTreeMap::new();
    let mut after = 0;
    loop {
        let page = store.stats_sources(after, 1000).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        for src in page {
            if !crate::cases::in_scope(scope, src.region, src.center_id.as_deref()) {
                continue;
            }
            let Ok(env) = serde_json::from_str::<Envelope>(&src.envelope) else {
                continue;
            };
            let Ok(plain) = kulna_crypto::open_envelope(&env, keys.sealing_secret()) else {
                continue;
            };
            let Ok(payload) = serde_json::from_slice::<RecordPayload>(&plain) else {
                continue;
            };
            if !payload.consents.statistics {
                continue;
            }
            let kind = payload
                .incident_type
                .map(|t| t.as_str())
                .unwrap_or("unspecified")
                .to_owned();
            *counts
                .entry((src.region, month_of(src.received_at_ms), kind))
                .or_default() += 1;
        }
    }
    Ok(StatsResponse {
        cells: counts
            .into_iter()
            .map(|((region, month, incident_type), n)| StatsCell {
                region,
                month,
                incident_type,
                count: (n >= STATS_MIN_CELL).then_some(n),
            })
            .collect(),
    })
}

/// `GET /v1/stats`: supervisors and administrators.
pub async fn get_stats(
    State(state): State<AppState>,
    who: StaffAuth,
) -> AppResult<Json<StatsResponse>> {
    who.require_supervisor()?;
    let stats = compute(state.store(), state.keys(), &who.scope)
        .await
        .map_err(AppError::Internal)?;
    state
        .store()
        .append_audit(&crate::store::AuditRecord {
            seq: 0,
            at_ms: crate::now_ms(),
            staff_id: who.staff.id.clone(),
            username: who.staff.username.clone(),
            action: "stats_read".into(),
            case_id: None,
            detail: String::new(),
        })
        .await?;
    Ok(Json(stats))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_civil() {
        assert_eq!(month_of(0), "1970-01");
        assert_eq!(month_of(1_764_288_000_000), "2025-11");
        assert_eq!(month_of(951_782_400_000), "2000-02"); // 2000-02-29
        assert_eq!(month_of(951_868_800_000), "2000-03");
    }
}
