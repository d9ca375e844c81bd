//! The UI entry point: mounts the app into the page.

mod app;
mod calls;
mod cases;
mod contacts;
mod directory;
mod disguise;
mod firstrun;
mod i18n;
mod ipc;
mod lock;
mod panic;
mod report;
mod safety;
mod settings;
mod staff;
mod support;
mod voice;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
