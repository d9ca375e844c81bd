//! The app shell: opens the core library in the app data directory and
//! exposes it to the UI as IPC commands. Each command is a one-line adapter
//! into `kulna-core`; nothing here holds logic worth testing on its own.

mod commands;
mod state;

use tauri::Manager;

/// Builds and runs the app. Also the mobile entry point.
#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("KULNA_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .init();

    let result = tauri::Builder::default()
        .setup(|app| {
            let dir = app.path().app_data_dir()?;
            let state = state::AppState::open(&dir)?;
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::status::get_app_status,
            commands::settings::set_locale,
            commands::settings::set_disguise,
            commands::vault::set_pin,
            commands::vault::unlock_vault,
            commands::vault::lock_vault,
            commands::alert::raise_alert,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Kulna Ma'ak could not start: {e}");
        std::process::exit(1);
    }
}
