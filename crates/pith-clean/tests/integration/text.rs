//! Integration tests: text (to be written).
