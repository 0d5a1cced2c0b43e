//! Design tokens (colours, spacing, sizes) and the bundled font. Widgets use
//! these, not literals.

use std::sync::Arc;

use egui::{Color32, CornerRadius, FontData, FontDefinitions, FontFamily, FontId, TextStyle};

/// Deep teal: the selected tab, primary buttons, the current period's series.
pub const ACCENT: Color32 = Color32::from_rgb(0x0F, 0x76, 0x6E);
pub const ACCENT_DARK_MODE: Color32 = Color32::from_rgb(0x2D, 0xD4, 0xBF);
pub const GOOD: Color32 = Color32::from_rgb(0x15, 0x80, 0x3D);
pub const BAD: Color32 = Color32::from_rgb(0xB9, 0x1C, 0x1C);

// --- Chart tokens (src/ui/charts, design.md "Charts") ---
/// The comparison period's dashed line.
pub const CHART_COMPARISON: Color32 = Color32::from_rgb(0x9C, 0xA3, 0xAF);
/// Targets: an amber line with its label.
pub const CHART_TARGET: Color32 = Color32::from_rgb(0xD9, 0x77, 0x06);
/// Series beyond the first (activity types, stacked): accent shades and greys
/// only, so that they print in the print theme's palette.
pub const CHART_SERIES: [Color32; 8] = [
    ACCENT,
    Color32::from_rgb(0x5E, 0xEA, 0xD4),
    Color32::from_rgb(0x13, 0x4E, 0x4A),
    Color32::from_rgb(0x94, 0xA3, 0xB8),
    Color32::from_rgb(0x2D, 0xD4, 0xBF),
    Color32::from_rgb(0x47, 0x55, 0x69),
    Color32::from_rgb(0x99, 0xF6, 0xE4),
    Color32::from_rgb(0xCB, 0xD5, 0xE1),
];
/// Gridlines: light, behind everything.
pub const CHART_GRID: Color32 = Color32::from_rgb(0xE5, 0xE7, 0xEB);
pub const CHART_GRID_DARK: Color32 = Color32::from_rgb(0x37, 0x41, 0x51);
/// Lines at least 1.5 px in print.
pub const CHART_LINE_WIDTH: f32 = 2.0;
// --- end of chart tokens ---

// --- Print tokens: exported images and the meeting report ---
/// Secondary text on paper (table headers, footers).
pub const PRINT_MUTED: Color32 = Color32::from_rgb(0x6B, 0x72, 0x80);
pub const PRINT_TEXT: Color32 = Color32::BLACK;

/// A colour as the PDF writer takes it.
pub const fn rgb(c: Color32) -> (u8, u8, u8) {
    (c.r(), c.g(), c.b())
}

/// The light print theme: white paper, black text, whatever the app's theme.
pub fn print_visuals() -> egui::Visuals {
    let mut v = egui::Visuals::light();
    v.panel_fill = Color32::WHITE;
    v.window_fill = Color32::WHITE;
    v.extreme_bg_color = Color32::WHITE;
    v.override_text_color = Some(PRINT_TEXT);
    v
}
// --- end of print tokens ---

pub const SPACE_S: f32 = 6.0;
pub const SPACE_M: f32 = 12.0;
pub const SPACE_L: f32 = 24.0;
pub const RADIUS: u8 = 8;

pub const SIZE_KPI: f32 = 28.0;
pub const SIZE_CARD_TITLE: f32 = 13.0;
pub const SIZE_TITLE: f32 = 22.0;
pub const SIZE_HEADING: f32 = 17.0;
pub const SIZE_BODY: f32 = 14.0;
pub const SIZE_SMALL: f32 = 12.0;

/// The family for semibold text (headings, KPI values).
pub fn semibold() -> FontFamily {
    FontFamily::Name("semibold".into())
}

/// Inter (regular and semibold) ahead of egui's own fonts, which stay as
/// fallbacks for symbols. The exports read the same definitions to find the
/// font file of each glyph they write (`render`).
pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "inter".into(),
        Arc::new(FontData::from_static(crate::assets::INTER_REGULAR)),
    );
    fonts.font_data.insert(
        "inter-semibold".into(),
        Arc::new(FontData::from_static(crate::assets::INTER_SEMIBOLD)),
    );
    let fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    if let Some(family) = fonts.families.get_mut(&FontFamily::Proportional) {
        family.insert(0, "inter".into());
    }
    let mut semibold_family = vec!["inter-semibold".to_string()];
    semibold_family.extend(fallbacks);
    fonts.families.insert(semibold(), semibold_family);
    fonts
}

/// Installs [`font_definitions`].
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

/// Text sizes and spacing; the accent on selections, for both themes.
pub fn apply(ctx: &egui::Context) {
    install_fonts(ctx);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::new(SIZE_TITLE, semibold())),
            (
                TextStyle::Body,
                FontId::new(SIZE_BODY, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(SIZE_BODY, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(SIZE_SMALL, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(SIZE_BODY, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(SPACE_S + 2.0, SPACE_S);
        style.spacing.button_padding = egui::vec2(SPACE_M, SPACE_S);
        style.spacing.interact_size.y = 28.0;
        let radius = CornerRadius::same(RADIUS);
        style.visuals.widgets.inactive.corner_radius = radius;
        style.visuals.widgets.hovered.corner_radius = radius;
        style.visuals.widgets.active.corner_radius = radius;
        style.visuals.window_corner_radius = radius;
        let accent = if style.visuals.dark_mode {
            ACCENT_DARK_MODE
        } else {
            ACCENT
        };
        style.visuals.selection.bg_fill = accent.gamma_multiply(0.35);
        style.visuals.selection.stroke.color = accent;
        style.visuals.hyperlink_color = accent;
    });
}

/// The accent colour for the current theme.
pub fn accent(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode {
        ACCENT_DARK_MODE
    } else {
        ACCENT
    }
}

/// A section heading, in the strong text colour of the theme.
pub fn heading(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let color = ui.visuals().strong_text_color();
    ui.label(egui::RichText::new(text).heading().color(color))
}

/// A heading inside a screen, smaller than [`heading`].
pub fn subheading(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let color = ui.visuals().strong_text_color();
    ui.label(
        egui::RichText::new(text)
            .font(FontId::new(SIZE_HEADING, semibold()))
            .color(color),
    )
}

/// A primary button: accent fill, white text.
pub fn primary_button(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let text = egui::RichText::new(text)
        .color(Color32::WHITE)
        .size(SIZE_BODY + 1.0);
    ui.add(
        egui::Button::new(text)
            .fill(ACCENT)
            .corner_radius(CornerRadius::same(RADIUS))
            .min_size(egui::vec2(220.0, 40.0)),
    )
}

/// A secondary button of the same size as [`primary_button`].
pub fn secondary_button(ui: &mut egui::Ui, text: &str) -> egui::Response {
    ui.add(
        egui::Button::new(egui::RichText::new(text).size(SIZE_BODY + 1.0))
            .corner_radius(CornerRadius::same(RADIUS))
            .min_size(egui::vec2(220.0, 40.0)),
    )
}

/// The frame of a KPI card or chart card: a raised panel in the theme's
/// colours, rounded, with the standard margin.
pub fn card_frame(ui: &egui::Ui) -> egui::Frame {
    let visuals = ui.visuals();
    egui::Frame::new()
        .fill(visuals.extreme_bg_color)
        .stroke(egui::Stroke::new(
            1.0,
            visuals.widgets.noninteractive.bg_stroke.color,
        ))
        .corner_radius(CornerRadius::same(RADIUS))
        .inner_margin(SPACE_M)
}
