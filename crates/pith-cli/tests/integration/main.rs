//! pith-cli's one integration test binary: runs the real `pith` binary.

mod cli;
mod corpus;
mod fixtures;
