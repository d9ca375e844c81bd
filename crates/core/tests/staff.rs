//! The staff side against the real central service on loopback: sign-in,
//! the session in the vault, the live queue, a case from alert to closure,
//! consent and its supervisor override, scope, and a session that ends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod sync_common;

use kulna_central::staff::{add_center, add_staff, NewStaff};
use kulna_core::staff::QueueEvent;
use kulna_core::{Staff, StaffError, SyncEngine};
use kulna_model::api::CaseStatus;
use kulna_model::record::{Consents, RecordPayload};
use kulna_model::staff::{
    QueueFilter, ReferralDestination, ReferralFailureReason, ReferralRequest, ReferralStatus,
    ReferralUpdateRequest, Role, Scope,
};
use kulna_model::{ErrorKind, Locale, RecordKind};
use secrecy::SecretString;
use std::sync::Arc;
use std::time::{Duration, Instant};
use sync_common::{fast_options, open_device, wait_state, Service, SkewedClock};
use zeroize::Zeroizing;

const PASSWORD: &str = "a good long staff password";

async fn account(service: &Service, username: &str, role: Role, center: Option<&str>) {
    add_staff(
        service.state.store(),
        NewStaff {
            username: username.into(),
            role,
            region: None,
            center: center.map(str::to_owned),
            password: SecretString::from(PASSWORD.to_owned()),
        },
        1024,
    )
    .await
    .unwrap();
}

/// A staff member's device: its own vault, PIN set and open.
fn staff_device(
    service: &Service,
    clock: Arc<SkewedClock>,
) -> (tempfile::TempDir, Arc<kulna_core::AppData>, Staff) {
    let dir = tempfile::tempdir().unwrap();
    let data = open_device(dir.path(), Some(service.public_key()), clock);
    data.vault().set_pin(&staff_pin()).unwrap();
    // The clock jumps by days in these tests; the vault must not lock under them.
    data.vault().set_auto_lock(None).unwrap();
    let staff = Staff::new(
        data.clone(),
        kulna_core::ServiceUrl::parse(&service.url).unwrap(),
    )
    .unwrap();
    (dir, data, staff)
}

fn staff_pin() -> kulna_core::Pin {
    kulna_core::Pin::new("9876".into()).unwrap()
}

fn pw(text: &str) -> Zeroizing<String> {
    Zeroizing::new(text.to_owned())
}

/// Her phone: PIN set, syncing to the service.
fn her_phone(service: &Service) -> (tempfile::TempDir, Arc<kulna_core::AppData>, SyncEngine) {
    let dir = tempfile::tempdir().unwrap();
    let data = open_device(
        dir.path(),
        Some(service.public_key()),
        Arc::new(kulna_core::SystemClock),
    );
    data.vault()
        .set_pin(&kulna_core::Pin::new("1234".into()).unwrap())
        .unwrap();
    data.set_locale(Locale::Ary).unwrap();
    let engine = SyncEngine::start(data.clone(), fast_options(&service.url)).unwrap();
    (dir, data, engine)
}

/// A center's laptop: a device in contact with the service (registered),
/// signed in as `username`.
async fn center_laptop(
    service: &Service,
    username: &str,
) -> (
    tempfile::TempDir,
    Arc<kulna_core::AppData>,
    SyncEngine,
    Staff,
) {
    let (dir, laptop, engine) = her_phone(service);
    engine.send_now();
    wait_state(&engine, Duration::from_secs(10), |s| {
        s.last_contact_ms.is_some()
    })
    .await;
    let staff = Staff::new(
        laptop.clone(),
        kulna_core::ServiceUrl::parse(&service.url).unwrap(),
    )
    .unwrap();
    staff.sign_in(username, pw(PASSWORD)).await.unwrap();
    (dir, laptop, engine, staff)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_alert_from_arrival_to_referral_and_closure() {
    let service = Service::start().await;
    account(&service, "salma", Role::Listener, None).await;
    account(&service, "nadia", Role::Supervisor, None).await;
    let (_sdir, _, staff) = staff_device(&service, Arc::default());

    // Wrong password: a clear kind, nothing kept.
    let e = staff
        .sign_in("salma", pw("not the password!"))
        .await
        .unwrap_err();
    assert!(matches!(e, StaffError::WrongCredentials), "{e:?}");
    assert_eq!(e.kind(), ErrorKind::WrongCredentials);
    assert_eq!(staff.session().await.unwrap(), None);
    assert!(matches!(
        staff.queue(QueueFilter::default()).await,
        Err(StaffError::NotSignedIn)
    ));

    let session = staff.sign_in(" salma ", pw(PASSWORD)).await.unwrap();
    assert_eq!(session.staff.username, "salma");
    assert_eq!(session.staff.role, Role::Listener);
    assert_eq!(session.staff.scope, Scope::National);
    assert_eq!(staff.session().await.unwrap(), Some(session));

    // The live queue, as the shell runs it.
    let staff = Arc::new(staff);
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let watcher = {
        let staff = staff.clone();
        tokio::spawn(async move { staff.watch_queue(move |e| drop(tx.send(e)), || {}).await })
    };
    // The first event of a connection is a resync.
    let first = tokio::time::timeout(Duration::from_secs(5), rx.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first, QueueEvent::Resync);
    // Let the stream subscribe on the service before the alert arrives.
    tokio::time::sleep(Duration::from_millis(300)).await;

    let (_hdir, her, engine) = her_phone(&service);
    let raised = Instant::now();
    let id = her.raise_alert(Some(6)).unwrap();
    engine.record_saved(RecordKind::Alert);
    let seen = loop {
        let e = tokio::time::timeout(Duration::from_secs(2), rx.recv())
            .await
            .expect("the alert reached the live queue within 2 s")
            .unwrap();
        if let QueueEvent::Changed(item) = e {
            if item.id == id {
                break item;
            }
        }
    };
    let latency = raised.elapsed();
    assert!(latency < Duration::from_secs(2), "{latency:?}");
    assert_eq!(seen.kind, RecordKind::Alert);
    assert_eq!(seen.region, Some(6));
    assert_eq!(seen.status, CaseStatus::New);

    // Filters by kind and status.
    let alerts = staff
        .queue(QueueFilter {
            kind: Some(RecordKind::Alert),
            status: None,
        })
        .await
        .unwrap();
    assert_eq!(alerts.iter().map(|i| i.id).collect::<Vec<_>>(), vec![id]);
    assert!(staff
        .queue(QueueFilter {
            kind: Some(RecordKind::Report),
            status: None
        })
        .await
        .unwrap()
        .is_empty());
    assert!(staff
        .queue(QueueFilter {
            kind: None,
            status: Some(CaseStatus::Acknowledged)
        })
        .await
        .unwrap()
        .is_empty());

    // The case, in the language she used, with her consents.
    let case = staff.open_case(id).await.unwrap();
    let payload = case.payload.clone().unwrap();
    assert_eq!(payload.language, Some(Locale::Ary));
    assert!(case.consents.contact);
    assert!(!case.consents.referral);

    // One action acknowledges; her phone shows it with the message.
    let case = staff
        .acknowledge(id, Some("We are with you. We will call.".into()))
        .await
        .unwrap();
    assert_eq!(case.case.status, CaseStatus::Acknowledged);
    engine.send_now();
    wait_state(&engine, Duration::from_secs(10), |s| s.status_updates > 0).await;
    let mine = her.my_cases().unwrap();
    let mine = mine.iter().find(|c| c.id == id).unwrap();
    assert_eq!(mine.status, Some(CaseStatus::Acknowledged));
    assert_eq!(
        mine.messages,
        vec!["We are with you. We will call.".to_owned()]
    );

    // No consent to a referral: a listener is refused, even with a reason.
    let to_police = |override_reason: &str| ReferralRequest {
        destination: ReferralDestination::Police,
        listing: None,
        override_reason: Some(override_reason.into()),
        message: None,
    };
    let e = staff
        .refer(id, to_police("she is in danger"))
        .await
        .unwrap_err();
    assert!(matches!(e, StaffError::Forbidden(_)), "{e:?}");
    assert_eq!(e.kind(), ErrorKind::Forbidden);

    // A supervisor overrides with a reason, and the audit log says so.
    let (_vdir, _, supervisor) = staff_device(&service, Arc::default());
    supervisor.sign_in("nadia", pw(PASSWORD)).await.unwrap();
    let e = supervisor.refer(id, to_police("   ")).await.unwrap_err();
    assert!(matches!(e, StaffError::InvalidInput(_)), "{e:?}");
    let case = supervisor
        .refer(id, to_police("children at risk tonight"))
        .await
        .unwrap();
    assert_eq!(case.case.status, CaseStatus::Referred);
    let referral = case.referrals.last().unwrap().clone();
    assert!(referral.consent_override);
    assert_eq!(referral.status, ReferralStatus::InProgress);
    let audit = supervisor.audit(0, 1000).await.unwrap();
    assert!(audit
        .iter()
        .any(|e| e.action == "consent_override" && e.case_id == Some(id) && e.username == "nadia"));
    assert!(audit
        .iter()
        .any(|e| e.action == "case_read" && e.username == "salma"));
    // The audit log is for supervisors only.
    assert!(matches!(
        staff.audit(0, 10).await,
        Err(StaffError::Forbidden(_))
    ));

    // The lifecycle: a rejection needs a reason; accepted then done.
    let to = |status, reason| ReferralUpdateRequest {
        status,
        reason,
        message: None,
    };
    let e = staff
        .update_referral(id, referral.id.clone(), to(ReferralStatus::Rejected, None))
        .await
        .unwrap_err();
    assert!(matches!(e, StaffError::InvalidInput(_)));
    let case = staff
        .update_referral(id, referral.id.clone(), to(ReferralStatus::Accepted, None))
        .await
        .unwrap();
    assert_eq!(case.referrals[0].status, ReferralStatus::Accepted);
    // Accepted cannot go back to rejected.
    let e = staff
        .update_referral(
            id,
            referral.id.clone(),
            to(
                ReferralStatus::Rejected,
                Some(ReferralFailureReason::NoCapacity),
            ),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(e, StaffError::Conflict(_) | StaffError::InvalidInput(_)),
        "{e:?}"
    );
    let case = staff
        .update_referral(id, referral.id.clone(), to(ReferralStatus::Done, None))
        .await
        .unwrap();
    assert_eq!(case.referrals[0].status, ReferralStatus::Done);

    // Note, message, close; each is in the history.
    assert!(matches!(
        staff.add_note(id, "   ").await,
        Err(StaffError::InvalidInput(_))
    ));
    staff.add_note(id, "called her at 14:00").await.unwrap();
    staff
        .send_message(id, "The police will contact you.")
        .await
        .unwrap();
    let case = staff.close(id, None).await.unwrap();
    assert_eq!(case.case.status, CaseStatus::Closed);
    let actions: Vec<&str> = case.events.iter().map(|e| e.action.as_str()).collect();
    for a in ["acknowledge", "refer", "note", "message", "close"] {
        assert!(actions.contains(&a), "{a} missing from {actions:?}");
    }
    // Closed cases leave the default queue and are found by their filter.
    assert!(staff
        .queue(QueueFilter::default())
        .await
        .unwrap()
        .is_empty());
    let closed = staff
        .queue(QueueFilter {
            status: Some(CaseStatus::Closed),
            kind: None,
        })
        .await
        .unwrap();
    assert_eq!(closed.len(), 1);

    // Sign-out: gone from the vault, and the service forgot it too.
    staff.sign_out().await.unwrap();
    assert_eq!(staff.session().await.unwrap(), None);
    assert!(matches!(
        staff
            .queue(QueueFilter::default())
            .await
            .map_err(|e| e.kind()),
        Err(ErrorKind::SessionEnded)
    ));
    watcher.abort();
}

/// The next live-queue event, if one comes within `within`.
async fn next(
    rx: &mut tokio::sync::mpsc::UnboundedReceiver<QueueEvent>,
    within: Duration,
) -> Option<QueueEvent> {
    tokio::time::timeout(within, rx.recv()).await.ok().flatten()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_or_expired_session_is_cleared_and_says_so() {
    let service = Service::start().await;
    account(&service, "salma", Role::Listener, None).await;
    let clock = Arc::new(SkewedClock::default());
    let (_dir, _, staff) = staff_device(&service, clock.clone());

    // The vault must be open to keep a session.
    staff.sign_in("salma", pw(PASSWORD)).await.unwrap();
    assert!(staff.session().await.unwrap().is_some());

    // Revoked on the service (the account disabled): cleared, distinct kind.
    assert!(service
        .state
        .store()
        .update_staff("salma", Some(true), None)
        .await
        .unwrap());
    let e = staff.queue(QueueFilter::default()).await.unwrap_err();
    assert!(matches!(e, StaffError::SessionEnded), "{e:?}");
    assert_eq!(e.kind(), ErrorKind::SessionEnded);
    assert_eq!(staff.session().await.unwrap(), None);

    // Expired by the clock: cleared before any request is made.
    service
        .state
        .store()
        .update_staff("salma", Some(false), None)
        .await
        .unwrap();
    staff.sign_in("salma", pw(PASSWORD)).await.unwrap();
    clock.set_offset_days(2);
    let e = staff
        .open_case(kulna_model::RecordId::new_v7())
        .await
        .unwrap_err();
    assert!(matches!(e, StaffError::SessionEnded), "{e:?}");
    assert_eq!(staff.session().await.unwrap(), None);
    clock.set_offset_days(0);
    assert_eq!(staff.session().await.unwrap(), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_vault_keeps_the_session_out_of_reach() {
    let service = Service::start().await;
    account(&service, "salma", Role::Listener, None).await;
    let (_dir, data, staff) = staff_device(&service, Arc::default());
    staff.sign_in("salma", pw(PASSWORD)).await.unwrap();
    // Locked: unreadable, and calls say the vault is locked (not signed out).
    data.vault().lock();
    let e = staff.queue(QueueFilter::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Locked, "{e:?}");
    data.vault().unlock(&staff_pin()).unwrap();
    assert!(staff.session().await.unwrap().is_some());
    staff.queue(QueueFilter::default()).await.unwrap();

    // No PIN at all: nowhere to keep a session, so no sign-in.
    let dir = tempfile::tempdir().unwrap();
    let data = open_device(
        dir.path(),
        Some(service.public_key()),
        Arc::new(kulna_core::SystemClock),
    );
    let other = Staff::new(data, kulna_core::ServiceUrl::parse(&service.url).unwrap()).unwrap();
    let e = other.sign_in("salma", pw(PASSWORD)).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Locked);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_field_worker_sees_only_her_centers_cases() {
    let service = Service::start().await;
    add_center(service.state.store(), "center-a", "Centre A", 6)
        .await
        .unwrap();
    add_center(service.state.store(), "center-b", "Centre B", 7)
        .await
        .unwrap();
    account(&service, "fatima", Role::FieldWorker, Some("center-a")).await;
    account(&service, "khadija", Role::FieldWorker, Some("center-b")).await;
    let (_adir, _, worker_a) = staff_device(&service, Arc::default());
    worker_a.sign_in("fatima", pw(PASSWORD)).await.unwrap();

    // Center B's laptop: linked by its field worker, then an intake on it.
    let (_bdir, laptop_b, engine_b, worker_b) = center_laptop(&service, "khadija").await;
    worker_b.link_this_device().await.unwrap();
    let payload = RecordPayload {
        consents: Consents {
            services: true,
            referral: true,
            ..Consents::default()
        },
        description: Some("walk-in".into()),
        ..RecordPayload::default()
    };
    let id = laptop_b.submit_support_request(Some(7), &payload).unwrap();
    engine_b.record_saved(RecordKind::SupportRequest);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let q = worker_b.queue(QueueFilter::default()).await.unwrap();
        if q.iter().any(|i| i.id == id) {
            assert_eq!(q.iter().filter(|i| i.id == id).count(), 1);
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the intake never reached center B"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Center A sees nothing of it and cannot open it.
    let q = worker_a.queue(QueueFilter::default()).await.unwrap();
    assert!(q.iter().all(|i| i.id != id));
    assert!(matches!(
        worker_a.open_case(id).await,
        Err(StaffError::NotFound)
    ));
    assert!(matches!(
        worker_a.acknowledge(id, None).await,
        Err(StaffError::NotFound)
    ));
    // Center B opens it.
    assert_eq!(worker_b.open_case(id).await.unwrap().case.id, id);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_intake_made_offline_reaches_the_centers_queue_once() {
    let service = Service::start().await;
    add_center(service.state.store(), "center-a", "Centre A", 6)
        .await
        .unwrap();
    account(&service, "fatima", Role::FieldWorker, Some("center-a")).await;
    account(&service, "salma", Role::Listener, None).await;

    // The center's laptop registers once, and signing in links it.
    let (_dir, laptop, engine, worker) = center_laptop(&service, "fatima").await;
    drop(engine);

    // Offline (no sync running): the intake is sealed and waits.
    let payload = RecordPayload {
        consents: Consents {
            services: true,
            referral: true,
            contact: true,
            ..Consents::default()
        },
        description: Some("walk-in at the center".into()),
        ..RecordPayload::default()
    };
    let e = worker
        .record_intake(
            Some(6),
            RecordPayload {
                consents: Consents::default(),
                ..payload.clone()
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(e, StaffError::InvalidInput(_)),
        "no consent, no intake"
    );
    let id = worker.record_intake(Some(6), payload).await.unwrap();
    assert_eq!(laptop.vault().outbox_counts().unwrap().reports, 1);

    // Back online: it arrives once, in the center's queue, as an intake.
    let engine = SyncEngine::start(laptop.clone(), fast_options(&service.url)).unwrap();
    wait_state(&engine, Duration::from_secs(10), |s| s.waiting.total() == 0).await;
    engine.send_now();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let queue = worker.queue(QueueFilter::default()).await.unwrap();
    let mine: Vec<_> = queue.iter().filter(|i| i.id == id).collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].kind, RecordKind::Intake);
    assert_eq!(mine[0].center_id.as_deref(), Some("center-a"));
    assert_eq!(sync_common::service_count(&service.db), 1);
    let case = worker.open_case(id).await.unwrap();
    assert_eq!(case.payload.unwrap().language, Some(Locale::Ary));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_live_queue_follows_whoever_is_signed_in_on_the_device() {
    let service = Service::start().await;
    add_center(service.state.store(), "center-a", "Centre A", 6)
        .await
        .unwrap();
    account(&service, "fatima", Role::FieldWorker, Some("center-a")).await;
    account(&service, "salma", Role::Listener, None).await;
    let (_dir, _, staff) = staff_device(&service, Arc::default());
    staff.sign_in("fatima", pw(PASSWORD)).await.unwrap();

    let staff = Arc::new(staff);
    let ended = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let watcher = {
        let (staff, ended) = (staff.clone(), ended.clone());
        tokio::spawn(async move {
            staff
                .watch_queue(
                    move |e| drop(tx.send(e)),
                    move || {
                        ended.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    },
                )
                .await
        })
    };
    assert_eq!(
        next(&mut rx, Duration::from_secs(5)).await,
        Some(QueueEvent::Resync)
    );

    // A colleague signs in on the same laptop: the stream becomes hers at
    // once (a new connection starts with a resync), not center A's.
    staff.sign_in("salma", pw(PASSWORD)).await.unwrap();
    assert_eq!(
        next(&mut rx, Duration::from_secs(2)).await,
        Some(QueueEvent::Resync),
        "the live queue stayed on the previous session"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    // An alert outside center A but inside her national scope reaches her.
    let (_hdir, her, engine) = her_phone(&service);
    let id = her.raise_alert(Some(6)).unwrap();
    engine.record_saved(RecordKind::Alert);
    loop {
        match next(&mut rx, Duration::from_secs(5)).await {
            Some(QueueEvent::Changed(item)) if item.id == id => break,
            Some(_) => {}
            None => panic!("the alert never reached the new session's live queue"),
        }
    }

    // Signing out is not a session ending under her, and stops the stream.
    staff.sign_out().await.unwrap();
    assert_eq!(staff.session().await.unwrap(), None);
    let id = her.raise_alert(Some(6)).unwrap();
    engine.record_saved(RecordKind::Alert);
    while let Some(e) = next(&mut rx, Duration::from_secs(2)).await {
        assert!(
            !matches!(&e, QueueEvent::Changed(item) if item.id == id),
            "a signed-out device still follows the queue"
        );
    }
    assert_eq!(ended.load(std::sync::atomic::Ordering::SeqCst), 0);
    watcher.abort();
}
