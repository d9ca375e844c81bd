//! The app shell: opens the core library in the app data directory and
//! exposes it to the UI as IPC commands. Each command is a one-line adapter
//! into `kulna-core`; nothing here holds logic worth testing on its own.

mod commands;
mod links;
mod media;
mod recovery;
mod state;

use tauri::{Emitter, Manager};

/// Builds and runs the app. Also the mobile entry point.
#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("KULNA_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();

    let result = tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        .plugin(links::plugin())
        .on_permission_request(|_, kind| media::permission(kind))
        .setup(|app| {
            if let Some(window) = app.get_webview_window("main") {
                media::enable_capture(&window)?;
                recovery::reload_on_crash(&window)?;
            }
            let dir = app.path().app_data_dir()?;
            let state = state::AppState::open(&dir)?;
            follow(app.handle(), &state.link());
            // Auto-lock: an idle vault locks even while nothing calls into
            // it, and the window is told so it hides what was open.
            let data = std::sync::Arc::clone(&state.data);
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let mut tick = tokio::time::interval(std::time::Duration::from_secs(5));
                loop {
                    tick.tick().await;
                    let data = std::sync::Arc::clone(&data);
                    let locked =
                        tauri::async_runtime::spawn_blocking(move || data.vault().lock_if_idle())
                            .await;
                    if let Ok(Ok(true)) = locked {
                        let _ = handle.emit("vault-locked", ());
                    }
                }
            });
            app.manage(state);
            Ok(())
        })
        .on_window_event(|window, event| {
            // Back in the foreground: sync at once.
            if let tauri::WindowEvent::Focused(true) = event {
                if let Some(engine) = window
                    .try_state::<state::AppState>()
                    .and_then(|s| s.link().sync.clone())
                {
                    engine.on_foreground();
                }
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::status::get_app_status,
            commands::settings::set_locale,
            commands::settings::set_disguise,
            commands::vault::set_pin,
            commands::vault::unlock_vault,
            commands::vault::lock_vault,
            commands::alert::raise_alert,
            commands::cases::get_my_cases,
            commands::report::start_report,
            commands::report::save_report,
            commands::report::get_unfinished_report,
            commands::report::submit_report,
            commands::report::discard_report,
            commands::report::attach_voice_note,
            commands::report::remove_voice_note,
            commands::report::get_voice_note,
            commands::safety::change_pin,
            commands::safety::set_duress_pin,
            commands::safety::wipe_app,
            commands::support::submit_support_request,
            commands::sync::get_sync_state,
            commands::sync::send_now,
            commands::settings::set_region,
            commands::settings::set_text_size,
            commands::settings::finish_first_run,
            commands::settings::set_auto_lock,
            commands::settings::set_service_url,
            commands::alert::get_alert_progress,
            commands::safety::get_trusted_contacts,
            commands::safety::set_trusted_contacts,
            commands::directory::search_directory,
            commands::directory::get_directory_listing,
            commands::directory::get_directory_state,
            commands::directory::save_listing,
            commands::directory::unsave_listing,
            commands::directory::get_saved_listings,
            commands::staff::staff_sign_in,
            commands::staff::staff_sign_out,
            commands::staff::staff_session,
            commands::staff::get_queue,
            commands::staff::open_case,
            commands::staff::acknowledge_case,
            commands::staff::refer_case,
            commands::staff::update_referral,
            commands::staff::add_case_note,
            commands::staff::send_case_message,
            commands::staff::close_case,
            commands::staff::get_audit_log,
            commands::staff::get_stats,
            commands::staff::record_intake,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Kulna Ma'ak could not start: {e}");
        std::process::exit(1);
    }
}

/// Starts the shell's tasks that follow one service link, kept by the link
/// (they end with it): every change of the sync state reaches the window
/// as `sync-state`; while someone is signed in as staff, the live queue
/// reaches it as `staff-queue` on every change in scope (the UI fetches the
/// queue again) and `staff-session-ended` when the session expires or is
/// revoked.
pub(crate) fn follow(app: &tauri::AppHandle, link: &state::Link) {
    if let Some(engine) = &link.sync {
        let mut changes = engine.subscribe();
        let handle = app.clone();
        link.keep(tauri::async_runtime::spawn(async move {
            loop {
                let now = changes.borrow_and_update().clone();
                let _ = handle.emit("sync-state", now);
                if changes.changed().await.is_err() {
                    break;
                }
            }
        }));
    }
    if let Some(staff) = &link.staff {
        let staff = std::sync::Arc::clone(staff);
        let handle = app.clone();
        link.keep(tauri::async_runtime::spawn(async move {
            let ended = handle.clone();
            staff
                .watch_queue(
                    move |_| {
                        let _ = handle.emit("staff-queue", ());
                    },
                    move || {
                        let _ = ended.emit("staff-session-ended", ());
                    },
                )
                .await;
        }));
    }
}
