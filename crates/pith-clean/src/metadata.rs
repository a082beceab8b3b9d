//! Page metadata (being written).
