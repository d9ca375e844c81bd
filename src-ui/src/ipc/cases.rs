use super::{call, NoArgs};
use kulna_model::record::MyCase;
use kulna_model::CommandError;

/// Her cases, newest first.
pub async fn get_my_cases() -> Result<Vec<MyCase>, CommandError> {
    call("get_my_cases", &NoArgs {}).await
}
