//! pith-segment's one integration test binary.

mod segment;
