//! Stage 5: signals -> verdicts. Each block is kept or removed with a kind and evidence.

pub mod evidence;
pub mod kind;
