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
        "staff_sign_in",
        "staff_sign_out",
        "staff_session",
        "get_queue",
        "open_case",
        "acknowledge_case",
        "refer_case",
        "update_referral",
        "add_case_note",
        "send_case_message",
        "close_case",
        "get_audit_log",
        "get_stats",
        "record_intake",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .unwrap_or_else(|e| panic!("tauri build step failed: {e}"));
}
