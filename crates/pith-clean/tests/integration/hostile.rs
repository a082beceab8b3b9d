//! Integration tests: hostile (to be written).
