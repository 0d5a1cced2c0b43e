//! How Laris looks, shared by the window and by every export that draws:
//! design tokens and fonts ([`theme`], [`assets`]), charts, KPI cards, small
//! widgets, and [`render`], which draws any of them without a window or a
//! GPU, as vectors for the meeting report or as pixels for a PNG. No app state lives here: each piece draws what it is
//! given (docs/architecture.md).

pub mod assets;
pub mod cards;
pub mod charts;
pub mod render;
pub mod theme;
pub mod widgets;
