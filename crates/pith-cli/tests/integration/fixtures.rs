//! Integration tests: fixtures (to be written).
