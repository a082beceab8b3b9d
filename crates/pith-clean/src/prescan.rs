//! stage placeholder: prescan (being written).
