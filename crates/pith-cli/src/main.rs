//! The `pith` command (being written).
fn main() {}
