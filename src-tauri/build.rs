fn main() {
    // One permission per command (allow-<command>), granted per window in
    // capabilities/: a window can call only what it is given.
    let manifest = tauri_build::AppManifest::new().commands(&[
        "get_app_status",
        "set_locale",
        "set_disguise",
        "set_pin",
        "unlock_vault",
        "lock_vault",
        "raise_alert",
        "get_my_cases",
        "start_report",
        "save_report",
        "get_unfinished_report",
        "submit_report",
        "discard_report",
        "change_pin",
        "set_duress_pin",
        "wipe_app",
        "submit_support_request",
        "get_sync_state",
        "send_now",
        "set_region",
        "set_text_size",
        "finish_first_run",
        "set_auto_lock",
        "get_alert_progress",
        "get_trusted_contacts",
        "set_trusted_contacts",
        "search_directory",
        "get_directory_listing",
        "get_directory_state",
        "save_listing",
        "unsave_listing",
        "get_saved_listings",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .unwrap_or_else(|e| panic!("tauri build step failed: {e}"));
}
