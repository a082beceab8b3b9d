//! Integration tests: html (to be written).
