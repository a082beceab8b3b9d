//! pith-segment's one integration test binary.

mod corpus;
mod segment;
