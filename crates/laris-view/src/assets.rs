//! The files built into the program, each included once: the window, the
//! desktop launcher and the PDF take them from here.

pub const INTER_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/Inter-Regular.otf");
pub const INTER_SEMIBOLD: &[u8] = include_bytes!("../../../assets/fonts/Inter-SemiBold.otf");
/// The icon at 256 px: the window's icon and the welcome screen's logo.
pub const ICON_256: &[u8] = include_bytes!("../../../assets/icon-256.png");
