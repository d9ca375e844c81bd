//! The PostgreSQL backend, for the national line: several stateless
//! instances share one database. Migrations run under an advisory lock, so
//! instances starting together do not race.

use super::sqlite::{reason_name, reason_of};
use super::{
    AuditRecord, CaseAction, CaseEventRecord, CaseRow, CenterRecord, DeviceRecord,
    DirectoryVersionRecord, InsertOutcome, NewRecord, QueueQuery, ReferralRecord, ReferralWrite,
    RegisterOutcome, ScopeFilter, SessionRecord, StaffRecord, StatsSource, Storage, StoreError,
    StoreResult, StoredServiceKeys, UpdateRecord,
};
use anyhow::{anyhow, Context as _};
use async_trait::async_trait;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use kulna_model::api::CaseStatus;
use kulna_model::staff::{ReferralDestination, ReferralStatus, Role};
use kulna_model::{DeviceId, RecordId, RecordKind};
use std::collections::{HashMap, HashSet};
use std::str::FromStr as _;
use tokio_postgres::NoTls;
use tokio_postgres::Row;

const MIGRATIONS: &[(i64, &str)] = &[
    (
        1,
        include_str!("../../migrations/postgres/0001_initial.sql"),
    ),
    (
        2,
        include_str!("../../migrations/postgres/0002_uploads.sql"),
    ),
    (
        3,
        include_str!("../../migrations/postgres/0003_referral_listing.sql"),
    ),
];
const MIGRATION_LOCK: i64 = 0x006b_756c_6e61;

/// The PostgreSQL store.
#[derive(Clone)]
pub struct PgStore {
    pub(crate) pool: Pool,
    /// Where `LISTEN` connects (the pool's configuration).
    listen_config: tokio_postgres::Config,
    /// Dropped with the last clone of the store: ends the listener.
    alive: std::sync::Arc<()>,
}

const EVENTS_CHANNEL: &str = "kulna_queue";

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PgStore")
    }
}

pub(crate) fn pg_err(e: tokio_postgres::Error) -> StoreError {
    if e.is_closed() || e.as_db_error().is_none() {
        StoreError::Unavailable(e.into())
    } else {
        StoreError::Other(e.into())
    }
}

pub(crate) fn pool_err(e: deadpool_postgres::PoolError) -> StoreError {
    StoreError::Unavailable(anyhow!("database pool: {e}"))
}

fn is_valid_schema_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() < 60
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl PgStore {
    /// Connects to `url` and migrates. With `schema`, everything lives in that
    /// schema (created if needed): tests use one fresh schema each.
    pub async fn connect(
        url: &str,
        schema: Option<&str>,
        max_connections: usize,
    ) -> StoreResult<Self> {
        let mut cfg = tokio_postgres::Config::from_str(url)
            .context("invalid PostgreSQL URL")
            .map_err(StoreError::Other)?;
        if let Some(schema) = schema {
            if !is_valid_schema_name(schema) {
                return Err(StoreError::Other(anyhow!("invalid schema name")));
            }
            let (client, conn) = cfg.connect(NoTls).await.map_err(pg_err)?;
            let task = tokio::spawn(conn);
            client
                .batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {schema}"))
                .await
                .map_err(pg_err)?;
            drop(client);
            let _ = task.await;
            cfg.options(format!("-c search_path={schema}"));
        }
        let listen_config = cfg.clone();
        let mgr = Manager::from_config(
            cfg,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(mgr)
            .max_size(max_connections)
            .build()
            .map_err(|e| StoreError::Other(anyhow!("database pool: {e}")))?;
        let store = Self {
            pool,
            listen_config,
            alive: std::sync::Arc::new(()),
        };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> StoreResult<()> {
        let mut client = self.pool.get().await.map_err(pool_err)?;
        let tx = client.transaction().await.map_err(pg_err)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await
            .map_err(pg_err)?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at_ms BIGINT NOT NULL)")
            .await
            .map_err(pg_err)?;
        for (version, sql) in MIGRATIONS {
            let done = tx
                .query_opt(
                    "SELECT version FROM schema_migrations WHERE version = $1",
                    &[version],
                )
                .await
                .map_err(pg_err)?;
            if done.is_none() {
                tx.batch_execute(sql).await.map_err(pg_err)?;
                tx.execute(
                    "INSERT INTO schema_migrations (version, applied_at_ms) VALUES ($1, $2)",
                    &[version, &crate::now_ms()],
                )
                .await
                .map_err(pg_err)?;
            }
        }
        tx.commit().await.map_err(pg_err)?;
        Ok(())
    }

    pub(crate) async fn client(&self) -> StoreResult<deadpool_postgres::Object> {
        self.pool.get().await.map_err(pool_err)
    }
}

fn u32_of(v: i64) -> StoreResult<u32> {
    u32::try_from(v).map_err(|_| StoreError::Other(anyhow!("stored value out of range")))
}

fn malformed(what: &str) -> StoreError {
    StoreError::Other(anyhow!("stored {what} is malformed"))
}

fn region_of(v: Option<i64>) -> StoreResult<Option<u8>> {
    v.map(|r| u8::try_from(r).map_err(|_| malformed("region")))
        .transpose()
}

const CASE_COLUMNS: &str =
    "seq, id, device_id, kind, region, center_id, status, created_at_ms, received_at_ms, acknowledged_at_ms, closed_at_ms";

fn case_from_row(r: &Row) -> StoreResult<CaseRow> {
    let kind: String = r.get(3);
    let status: String = r.get(6);
    Ok(CaseRow {
        seq: r.get(0),
        id: RecordId::parse(r.get(1)).map_err(|_| malformed("record id"))?,
        device_id: DeviceId::parse(r.get(2)).map_err(|_| malformed("device id"))?,
        kind: RecordKind::ALL
            .into_iter()
            .find(|k| k.as_str() == kind)
            .ok_or_else(|| malformed("kind"))?,
        region: region_of(r.get(4))?,
        center_id: r.get(5),
        status: CaseStatus::parse(&status).ok_or_else(|| malformed("status"))?,
        created_at_ms: r.get(7),
        received_at_ms: r.get(8),
        acknowledged_at_ms: r.get(9),
        closed_at_ms: r.get(10),
    })
}

const STAFF_COLUMNS: &str =
    "id, username, password_hash, role, scope_region, scope_center, disabled, created_at_ms";

fn staff_from_row(r: &Row) -> StoreResult<StaffRecord> {
    let role: String = r.get(3);
    Ok(StaffRecord {
        id: r.get(0),
        username: r.get(1),
        password_hash: r.get(2),
        role: Role::parse(&role).ok_or_else(|| malformed("role"))?,
        scope_region: region_of(r.get(4))?,
        scope_center: r.get(5),
        disabled: r.get(6),
        created_at_ms: r.get(7),
    })
}

fn session_from_row(r: &Row) -> SessionRecord {
    SessionRecord {
        id: r.get(0),
        staff_id: r.get(1),
        token_hash: r.get(2),
        created_at_ms: r.get(3),
        expires_at_ms: r.get(4),
        revoked: r.get(5),
    }
}

async fn insert_audit(c: &impl tokio_postgres::GenericClient, a: &AuditRecord) -> StoreResult<()> {
    c.execute(
        "INSERT INTO audit_log (at_ms, staff_id, username, action, case_id, detail) VALUES ($1, $2, $3, $4, $5, $6)",
        &[&a.at_ms, &a.staff_id, &a.username, &a.action, &a.case_id.map(|c| c.to_string()), &a.detail],
    )
    .await
    .map_err(pg_err)?;
    Ok(())
}

#[async_trait]
impl Storage for PgStore {
    async fn ping(&self) -> StoreResult<()> {
        let c = self.client().await?;
        c.query_one("SELECT 1", &[]).await.map_err(pg_err)?;
        Ok(())
    }

    async fn service_keys(&self) -> StoreResult<Option<StoredServiceKeys>> {
        let c = self.client().await?;
        let row = c
            .query_opt(
                "SELECT key_id, sealing_public, signing_public, kdf_salt, kdf_m_kib, kdf_t, kdf_p, nonce, sealed_secrets, created_at_ms
                 FROM service_keys ORDER BY created_at_ms DESC LIMIT 1",
                &[],
            )
            .await
            .map_err(pg_err)?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some(StoredServiceKeys {
            key_id: r.get(0),
            sealing_public: r.get(1),
            signing_public: r.get(2),
            kdf_salt: r.get(3),
            kdf_m_kib: u32_of(r.get(4))?,
            kdf_t: u32_of(r.get(5))?,
            kdf_p: u32_of(r.get(6))?,
            nonce: r.get(7),
            sealed_secrets: r.get(8),
            created_at_ms: r.get(9),
        }))
    }

    async fn save_service_keys(&self, k: &StoredServiceKeys) -> StoreResult<bool> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(pg_err)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&(MIGRATION_LOCK + 1)])
            .await
            .map_err(pg_err)?;
        let n: i64 = tx
            .query_one("SELECT COUNT(*) FROM service_keys", &[])
            .await
            .map_err(pg_err)?
            .get(0);
        if n > 0 {
            return Ok(false);
        }
        tx.execute(
            "INSERT INTO service_keys (key_id, sealing_public, signing_public, kdf_salt, kdf_m_kib, kdf_t, kdf_p, nonce, sealed_secrets, created_at_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            &[
                &k.key_id,
                &k.sealing_public,
                &k.signing_public,
                &k.kdf_salt,
                &i64::from(k.kdf_m_kib),
                &i64::from(k.kdf_t),
                &i64::from(k.kdf_p),
                &k.nonce,
                &k.sealed_secrets,
                &k.created_at_ms,
            ],
        )
        .await
        .map_err(pg_err)?;
        tx.commit().await.map_err(pg_err)?;
        Ok(true)
    }

    async fn register_device(&self, d: &DeviceRecord) -> StoreResult<RegisterOutcome> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(pg_err)?;
        let id = d.id.to_string();
        let inserted = tx
            .execute(
                "INSERT INTO devices (id, verifying_key, sealing_key, token_hash, registered_at_ms) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (id) DO NOTHING",
                &[&id, &d.verifying_key, &d.sealing_key, &d.token_hash, &d.registered_at_ms],
            )
            .await
            .map_err(pg_err)?;
        let outcome = if inserted == 1 {
            RegisterOutcome::Created
        } else {
            let n = tx
                .execute(
                    "UPDATE devices SET token_hash = $1 WHERE id = $2 AND verifying_key = $3 AND sealing_key = $4",
                    &[&d.token_hash, &id, &d.verifying_key, &d.sealing_key],
                )
                .await
                .map_err(pg_err)?;
            if n == 1 {
                RegisterOutcome::Renewed
            } else {
                RegisterOutcome::Conflict
            }
        };
        tx.commit().await.map_err(pg_err)?;
        Ok(outcome)
    }

    async fn device(&self, id: DeviceId) -> StoreResult<Option<DeviceRecord>> {
        let c = self.client().await?;
        let row = c
            .query_opt(
                "SELECT verifying_key, sealing_key, token_hash, registered_at_ms, center_id FROM devices WHERE id = $1",
                &[&id.to_string()],
            )
            .await
            .map_err(pg_err)?;
        Ok(row.map(|r| DeviceRecord {
            id,
            verifying_key: r.get(0),
            sealing_key: r.get(1),
            token_hash: r.get(2),
            registered_at_ms: r.get(3),
            center_id: r.get(4),
        }))
    }

    async fn link_device(&self, id: DeviceId, center_id: &str) -> StoreResult<bool> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(pg_err)?;
        let device = id.to_string();
        let n = tx
            .execute(
                "UPDATE devices SET center_id = $1 WHERE id = $2",
                &[&center_id, &device],
            )
            .await
            .map_err(pg_err)?;
        // What it sent before being linked (an intake that went out before
        // the link did) joins the center's queue too.
        tx.execute(
            "UPDATE records SET center_id = $1 WHERE device_id = $2 AND center_id IS NULL",
            &[&center_id, &device],
        )
        .await
        .map_err(pg_err)?;
        tx.commit().await.map_err(pg_err)?;
        Ok(n == 1)
    }

    async fn insert_records(
        &self,
        records: std::sync::Arc<Vec<NewRecord>>,
    ) -> StoreResult<Vec<InsertOutcome>> {
        let ids: Vec<String> = records.iter().map(|r| r.id.to_string()).collect();
        let devices: Vec<String> = records.iter().map(|r| r.device_id.to_string()).collect();
        let kinds: Vec<&str> = records.iter().map(|r| r.kind.as_str()).collect();
        let urgency: Vec<i64> = records
            .iter()
            .map(|r| i64::from(r.kind.urgency_rank()))
            .collect();
        let regions: Vec<Option<i64>> = records.iter().map(|r| r.region.map(i64::from)).collect();
        let created: Vec<i64> = records.iter().map(|r| r.created_at_ms).collect();
        let received: Vec<i64> = records.iter().map(|r| r.received_at_ms).collect();
        let envelopes: Vec<&str> = records.iter().map(|r| r.envelope.as_str()).collect();
        let centers: Vec<Option<&str>> = records.iter().map(|r| r.center_id.as_deref()).collect();
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(pg_err)?;
        let inserted: HashSet<String> = tx
            .query(
                "INSERT INTO records (id, device_id, kind, urgency, region, created_at_ms, received_at_ms, envelope, center_id)
                 SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[], $9::text[])
                 ON CONFLICT (id) DO NOTHING RETURNING id",
                &[&ids, &devices, &kinds, &urgency, &regions, &created, &received, &envelopes, &centers],
            )
            .await
            .map_err(pg_err)?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let rest: Vec<&String> = ids.iter().filter(|id| !inserted.contains(*id)).collect();
        let mut owners: HashMap<String, String> = HashMap::new();
        if !rest.is_empty() {
            for r in tx
                .query(
                    "SELECT id, device_id FROM records WHERE id = ANY($1)",
                    &[&rest],
                )
                .await
                .map_err(pg_err)?
            {
                owners.insert(r.get(0), r.get(1));
            }
        }
        tx.commit().await.map_err(pg_err)?;
        let mut seen = HashSet::new();
        Ok(ids
            .iter()
            .zip(&devices)
            .map(|(id, dev)| {
                if inserted.contains(id) && seen.insert(id) {
                    InsertOutcome::Inserted
                } else if inserted.contains(id) || owners.get(id) == Some(dev) {
                    InsertOutcome::AlreadyHeld
                } else {
                    InsertOutcome::IdConflict
                }
            })
            .collect())
    }

    async fn queue(&self, q: &QueueQuery) -> StoreResult<Vec<CaseRow>> {
        let c = self.client().await?;
        let closed = if q.include_closed {
            ""
        } else {
            " AND status <> 'closed'"
        };
        let limit = i64::from(q.limit);
        let rows = match &q.scope {
            ScopeFilter::All => {
                c.query(
                    &format!("SELECT {CASE_COLUMNS} FROM records WHERE TRUE{closed} ORDER BY urgency, received_at_ms, seq LIMIT $1"),
                    &[&limit],
                )
                .await
            }
            ScopeFilter::Region(r) => {
                c.query(
                    &format!("SELECT {CASE_COLUMNS} FROM records WHERE region = $1{closed} ORDER BY urgency, received_at_ms, seq LIMIT $2"),
                    &[&i64::from(*r), &limit],
                )
                .await
            }
            ScopeFilter::Center(id) => {
                c.query(
                    &format!("SELECT {CASE_COLUMNS} FROM records WHERE center_id = $1{closed} ORDER BY urgency, received_at_ms, seq LIMIT $2"),
                    &[id, &limit],
                )
                .await
            }
        }
        .map_err(pg_err)?;
        rows.iter().map(case_from_row).collect()
    }

    async fn case(&self, id: RecordId) -> StoreResult<Option<(CaseRow, String)>> {
        let c = self.client().await?;
        let row = c
            .query_opt(
                &format!("SELECT {CASE_COLUMNS}, envelope FROM records WHERE id = $1"),
                &[&id.to_string()],
            )
            .await
            .map_err(pg_err)?;
        match row {
            Some(r) => Ok(Some((case_from_row(&r)?, r.get(11)))),
            None => Ok(None),
        }
    }

    async fn case_history(
        &self,
        id: RecordId,
    ) -> StoreResult<(Vec<CaseEventRecord>, Vec<ReferralRecord>)> {
        let c = self.client().await?;
        let id = id.to_string();
        let events = c
            .query(
                "SELECT e.at_ms, e.staff_id, COALESCE(s.username, ''), e.action, e.detail
                 FROM case_events e LEFT JOIN staff s ON s.id = e.staff_id WHERE e.case_id = $1 ORDER BY e.seq",
                &[&id],
            )
            .await
            .map_err(pg_err)?
            .iter()
            .map(|r| CaseEventRecord {
                at_ms: r.get(0),
                staff_id: r.get(1),
                username: r.get(2),
                action: r.get(3),
                detail: r.get(4),
            })
            .collect();
        let mut referrals = Vec::new();
        for r in c
            .query(
                "SELECT id, destination, status, reason, consent_override, created_by, created_at_ms, updated_at_ms, listing_id
                 FROM referrals WHERE case_id = $1 ORDER BY created_at_ms, id",
                &[&id],
            )
            .await
            .map_err(pg_err)?
        {
            let dest: String = r.get(1);
            let status: String = r.get(2);
            let reason: Option<String> = r.get(3);
            referrals.push(ReferralRecord {
                id: r.get(0),
                destination: ReferralDestination::parse(&dest).ok_or_else(|| malformed("destination"))?,
                status: ReferralStatus::parse(&status).ok_or_else(|| malformed("referral status"))?,
                reason: reason.and_then(|t| reason_of(&t)),
                consent_override: r.get(4),
                created_by: r.get(5),
                created_at_ms: r.get(6),
                updated_at_ms: r.get(7),
                listing: r.get(8),
            });
        }
        Ok((events, referrals))
    }

    async fn apply_case_action(&self, a: &CaseAction) -> StoreResult<bool> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(pg_err)?;
        let case = a.case_id.to_string();
        let now = a.event.at_ms;
        if let Some((from, to)) = a.status_change {
            let n = tx
                .execute(
                    "UPDATE records SET status = $1::text,
                        acknowledged_at_ms = CASE WHEN $1::text = 'acknowledged' AND acknowledged_at_ms IS NULL THEN $3 ELSE acknowledged_at_ms END,
                        closed_at_ms = CASE WHEN $1::text = 'closed' THEN $3 ELSE closed_at_ms END
                     WHERE id = $2 AND status = $4",
                    &[&to.as_str(), &case, &now, &from.as_str()],
                )
                .await
                .map_err(pg_err)?;
            if n == 0 {
                return Ok(false);
            }
        }
        if let Some(center) = &a.assign_center {
            let n = tx
                .execute(
                    "UPDATE records SET center_id = $1 WHERE id = $2",
                    &[center, &case],
                )
                .await
                .map_err(pg_err)?;
            if n == 0 {
                return Ok(false);
            }
        }
        match &a.referral {
            Some(ReferralWrite::New(r)) => {
                tx.execute(
                    "INSERT INTO referrals (id, case_id, destination, status, reason, consent_override, created_by, created_at_ms, updated_at_ms, listing_id)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                    &[
                        &r.id,
                        &case,
                        &r.destination.as_str(),
                        &r.status.as_str(),
                        &r.reason.map(reason_name),
                        &r.consent_override,
                        &r.created_by,
                        &r.created_at_ms,
                        &r.updated_at_ms,
                        &r.listing,
                    ],
                )
                .await
                .map_err(pg_err)?;
            }
            Some(ReferralWrite::Update {
                id,
                from,
                to,
                reason,
            }) => {
                let n = tx
                    .execute(
                        "UPDATE referrals SET status = $1, reason = COALESCE($2, reason), updated_at_ms = $3
                         WHERE id = $4 AND case_id = $5 AND status = $6",
                        &[&to.as_str(), &reason.map(reason_name), &now, id, &case, &from.as_str()],
                    )
                    .await
                    .map_err(pg_err)?;
                if n == 0 {
                    return Ok(false);
                }
            }
            None => {}
        }
        tx.execute(
            "INSERT INTO case_events (case_id, staff_id, at_ms, action, detail) VALUES ($1, $2, $3, $4, $5)",
            &[&case, &a.event.staff_id, &now, &a.event.action, &a.event.detail],
        )
        .await
        .map_err(pg_err)?;
        if let Some((device, sealed)) = &a.device_update {
            tx.execute(
                "INSERT INTO device_updates (device_id, case_id, created_at_ms, sealed) VALUES ($1, $2, $3, $4)",
                &[&device.to_string(), &case, &now, sealed],
            )
            .await
            .map_err(pg_err)?;
        }
        for line in &a.audit {
            insert_audit(&*tx, line).await?;
        }
        tx.commit().await.map_err(pg_err)?;
        Ok(true)
    }

    async fn updates_since(
        &self,
        device: DeviceId,
        since: i64,
        limit: u32,
    ) -> StoreResult<Vec<UpdateRecord>> {
        let c = self.client().await?;
        let rows = c
            .query(
                "SELECT seq, case_id, created_at_ms, sealed FROM device_updates WHERE device_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                &[&device.to_string(), &since, &i64::from(limit)],
            )
            .await
            .map_err(pg_err)?;
        rows.iter()
            .map(|r| {
                Ok(UpdateRecord {
                    seq: r.get(0),
                    case_id: RecordId::parse(r.get(1)).map_err(|_| malformed("record id"))?,
                    created_at_ms: r.get(2),
                    sealed: r.get(3),
                })
            })
            .collect()
    }

    async fn upsert_center(&self, center: &CenterRecord) -> StoreResult<()> {
        let c = self.client().await?;
        c.execute(
            "INSERT INTO centers (id, name, region) VALUES ($1, $2, $3)
             ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region",
            &[&center.id, &center.name, &i64::from(center.region)],
        )
        .await
        .map_err(pg_err)?;
        Ok(())
    }

    async fn center(&self, id: &str) -> StoreResult<Option<CenterRecord>> {
        let c = self.client().await?;
        let row = c
            .query_opt("SELECT id, name, region FROM centers WHERE id = $1", &[&id])
            .await
            .map_err(pg_err)?;
        match row {
            Some(r) => Ok(Some(CenterRecord {
                id: r.get(0),
                name: r.get(1),
                region: region_of(Some(r.get(2)))?.unwrap_or(0),
            })),
            None => Ok(None),
        }
    }

    async fn insert_staff(&self, s: &StaffRecord) -> StoreResult<bool> {
        let c = self.client().await?;
        let n = c
            .execute(
                "INSERT INTO staff (id, username, password_hash, role, scope_region, scope_center, disabled, created_at_ms)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (username) DO NOTHING",
                &[
                    &s.id,
                    &s.username,
                    &s.password_hash,
                    &s.role.as_str(),
                    &s.scope_region.map(i64::from),
                    &s.scope_center,
                    &s.disabled,
                    &s.created_at_ms,
                ],
            )
            .await
            .map_err(pg_err)?;
        Ok(n == 1)
    }

    async fn staff_by_username(&self, username: &str) -> StoreResult<Option<StaffRecord>> {
        let c = self.client().await?;
        let row = c
            .query_opt(
                &format!("SELECT {STAFF_COLUMNS} FROM staff WHERE username = $1"),
                &[&username],
            )
            .await
            .map_err(pg_err)?;
        row.as_ref().map(staff_from_row).transpose()
    }

    async fn staff_by_id(&self, id: &str) -> StoreResult<Option<StaffRecord>> {
        let c = self.client().await?;
        let row = c
            .query_opt(
                &format!("SELECT {STAFF_COLUMNS} FROM staff WHERE id = $1"),
                &[&id],
            )
            .await
            .map_err(pg_err)?;
        row.as_ref().map(staff_from_row).transpose()
    }

    async fn update_staff(
        &self,
        username: &str,
        disabled: Option<bool>,
        password_hash: Option<String>,
    ) -> StoreResult<bool> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(pg_err)?;
        let Some(row) = tx
            .query_opt(
                "SELECT id FROM staff WHERE username = $1 FOR UPDATE",
                &[&username],
            )
            .await
            .map_err(pg_err)?
        else {
            return Ok(false);
        };
        let id: String = row.get(0);
        if let Some(d) = disabled {
            tx.execute("UPDATE staff SET disabled = $1 WHERE id = $2", &[&d, &id])
                .await
                .map_err(pg_err)?;
        }
        if let Some(h) = &password_hash {
            tx.execute(
                "UPDATE staff SET password_hash = $1 WHERE id = $2",
                &[h, &id],
            )
            .await
            .map_err(pg_err)?;
        }
        tx.execute(
            "UPDATE sessions SET revoked = TRUE WHERE staff_id = $1",
            &[&id],
        )
        .await
        .map_err(pg_err)?;
        tx.commit().await.map_err(pg_err)?;
        Ok(true)
    }

    async fn insert_session(&self, s: &SessionRecord) -> StoreResult<()> {
        let c = self.client().await?;
        c.execute(
            "INSERT INTO sessions (id, staff_id, token_hash, created_at_ms, expires_at_ms, revoked) VALUES ($1, $2, $3, $4, $5, $6)",
            &[&s.id, &s.staff_id, &s.token_hash, &s.created_at_ms, &s.expires_at_ms, &s.revoked],
        )
        .await
        .map_err(pg_err)?;
        Ok(())
    }

    async fn session(&self, id: &str) -> StoreResult<Option<SessionRecord>> {
        let c = self.client().await?;
        let row = c
            .query_opt(
                "SELECT id, staff_id, token_hash, created_at_ms, expires_at_ms, revoked FROM sessions WHERE id = $1",
                &[&id],
            )
            .await
            .map_err(pg_err)?;
        Ok(row.as_ref().map(session_from_row))
    }

    async fn revoke_session(&self, id: &str) -> StoreResult<()> {
        let c = self.client().await?;
        c.execute("UPDATE sessions SET revoked = TRUE WHERE id = $1", &[&id])
            .await
            .map_err(pg_err)?;
        Ok(())
    }

    async fn append_audit(&self, entry: &AuditRecord) -> StoreResult<()> {
        let c = self.client().await?;
        insert_audit(&**c, entry).await
    }

    async fn audit_log(
        &self,
        after: i64,
        limit: u32,
        scope: &ScopeFilter,
    ) -> StoreResult<Vec<AuditRecord>> {
        let (kind, region, center) = scope.sql_params();
        let c = self.client().await?;
        let sql = super::AUDIT_SQL
            .replace("$3 =", "$3::text =")
            .replace("= $4", "= $4::bigint")
            .replace("= $5", "= $5::text");
        let rows = c
            .query(&sql, &[&after, &i64::from(limit), &kind, &region, &center])
            .await
            .map_err(pg_err)?;
        rows.iter()
            .map(|r| {
                let case: Option<String> = r.get(5);
                Ok(AuditRecord {
                    seq: r.get(0),
                    at_ms: r.get(1),
                    staff_id: r.get(2),
                    username: r.get(3),
                    action: r.get(4),
                    case_id: case
                        .map(|c| RecordId::parse(&c).map_err(|_| malformed("record id")))
                        .transpose()?,
                    detail: r.get(6),
                })
            })
            .collect()
    }

    async fn replace_directory_draft(
        &self,
        entries: &[(String, String)],
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(pg_err)?;
        tx.execute("DELETE FROM directory_draft", &[])
            .await
            .map_err(pg_err)?;
        for (id, entry) in entries {
            tx.execute(
                "INSERT INTO directory_draft (id, entry, updated_at_ms) VALUES ($1, $2, $3)",
                &[id, entry, &now_ms],
            )
            .await
            .map_err(pg_err)?;
        }
        tx.commit().await.map_err(pg_err)?;
        Ok(())
    }

    async fn directory_draft(&self) -> StoreResult<Vec<(String, String)>> {
        let c = self.client().await?;
        let rows = c
            .query("SELECT id, entry FROM directory_draft ORDER BY id", &[])
            .await
            .map_err(pg_err)?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    async fn insert_directory_version(&self, v: &DirectoryVersionRecord) -> StoreResult<bool> {
        let c = self.client().await?;
        let n = c
            .execute(
                "INSERT INTO directory_versions (version, published_at_ms, snapshot, signature) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (version) DO NOTHING",
                &[&v.version, &v.published_at_ms, &v.snapshot, &v.signature],
            )
            .await
            .map_err(pg_err)?;
        Ok(n == 1)
    }

    async fn directory_version(
        &self,
        version: Option<i64>,
    ) -> StoreResult<Option<DirectoryVersionRecord>> {
        let c = self.client().await?;
        let row = match version {
            Some(v) => {
                c.query_opt(
                    "SELECT version, published_at_ms, snapshot, signature FROM directory_versions WHERE version = $1",
                    &[&v],
                )
                .await
            }
            None => {
                c.query_opt(
                    "SELECT version, published_at_ms, snapshot, signature FROM directory_versions ORDER BY version DESC LIMIT 1",
                    &[],
                )
                .await
            }
        }
        .map_err(pg_err)?;
        Ok(row.map(|r| DirectoryVersionRecord {
            version: r.get(0),
            published_at_ms: r.get(1),
            snapshot: r.get(2),
            signature: r.get(3),
        }))
    }

    fn shares_events(&self) -> bool {
        true
    }

    async fn publish_events(&self, items: &[kulna_model::staff::QueueItem]) -> StoreResult<()> {
        let payloads: Vec<String> = items
            .iter()
            .filter_map(|i| serde_json::to_string(i).ok())
            .collect();
        let c = self.client().await?;
        c.execute(
            "SELECT pg_notify($1, p) FROM UNNEST($2::text[]) AS p",
            &[&EVENTS_CHANNEL, &payloads],
        )
        .await
        .map_err(pg_err)?;
        Ok(())
    }

    async fn listen_events(
        &self,
        tx: tokio::sync::broadcast::Sender<kulna_model::staff::QueueItem>,
    ) -> StoreResult<()> {
        use futures_util::StreamExt as _;
        let alive = std::sync::Arc::downgrade(&self.alive);
        let config = self.listen_config.clone();
        tokio::spawn(async move {
            while alive.upgrade().is_some() {
                match config.connect(NoTls).await {
                    Ok((client, mut conn)) => {
                        let mut messages =
                            futures_util::stream::poll_fn(move |cx| conn.poll_message(cx));
                        let sql = format!("LISTEN {EVENTS_CHANNEL}");
                        let client = std::sync::Arc::new(client);
                        let keep = client.clone();
                        let listening = async move { keep.batch_execute(&sql).await };
                        // The connection must be polled for LISTEN to complete.
                        let mut listening = std::pin::pin!(listening);
                        let ok = loop {
                            tokio::select! {
                                r = &mut listening => break r.is_ok(),
                                m = messages.next() => if m.is_none() { break false },
                            }
                        };
                        if ok {
                            while let Some(msg) = messages.next().await {
                                match msg {
                                    Ok(tokio_postgres::AsyncMessage::Notification(n)) => {
                                        if let Ok(item) = serde_json::from_str(n.payload()) {
                                            let _ = tx.send(item);
                                        }
                                    }
                                    Ok(_) => {}
                                    Err(_) => break,
                                }
                                if alive.upgrade().is_none() {
                                    return;
                                }
                            }
                        }
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "cannot listen for queue events; retrying")
                    }
                }
                tokio::time::sleep(std::time::Duration::from_secs(2)).await;
            }
        });
        Ok(())
    }

    async fn stats_sources(&self, after_seq: i64, limit: u32) -> StoreResult<Vec<StatsSource>> {
        let c = self.client().await?;
        let rows = c
            .query(
                "SELECT seq, region, received_at_ms, envelope, center_id FROM records WHERE seq > $1 ORDER BY seq LIMIT $2",
                &[&after_seq, &i64::from(limit)],
            )
            .await
            .map_err(pg_err)?;
        rows.iter()
            .map(|r| {
                Ok(StatsSource {
                    seq: r.get(0),
                    region: region_of(r.get(1))?,
                    received_at_ms: r.get(2),
                    envelope: r.get(3),
                    center_id: r.get(4),
                })
            })
            .collect()
    }
}
