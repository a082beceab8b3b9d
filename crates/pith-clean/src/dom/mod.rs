//! Stage 2: HTML -> DOM (being written).
