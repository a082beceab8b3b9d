//! Integration tests: segmentation (to be written).
