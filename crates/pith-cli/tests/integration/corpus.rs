//! Integration tests: corpus (to be written).
