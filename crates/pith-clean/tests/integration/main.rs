//! pith-clean's one integration test binary. One module per concern.

mod hostile;
mod html;
mod lexicons;
mod text;
