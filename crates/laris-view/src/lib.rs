//! How Laris looks, shared by the window and by every export that draws:
//! design tokens and fonts ([`theme`], [`assets`]), charts, KPI cards, small
//! widgets, and [`render`], which paints any of them offscreen for a PNG or
//! the meeting report. No app state lives here: each piece draws what it is
//! given (docs/architecture.md).

pub mod assets;
pub mod cards;
pub mod charts;
pub mod render;
pub mod theme;
pub mod widgets;
