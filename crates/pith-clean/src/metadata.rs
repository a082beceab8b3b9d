//! stage placeholder: metadata (being written).
