//! stage placeholder: decode (being written).
