//! Flattened text -> blocks (being written).
