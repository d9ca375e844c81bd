//! Load generator for `kulna-central` (filled in later).
fn main() {}
