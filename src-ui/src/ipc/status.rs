use super::{call, NoArgs};
use kulna_model::{AppStatus, CommandError};

/// The home screen's view of the app.
pub async fn get_app_status() -> Result<AppStatus, CommandError> {
    call("get_app_status", &NoArgs {}).await
}
