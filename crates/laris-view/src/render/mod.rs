//! Any egui UI drawn without a window and without a graphics device: egui
//! runs headless, its shapes become a [`Drawing`] (paths and glyph runs in
//! points), and that drawing is either written as vector graphics (the PDF,
//! `src/export/vector.rs`) or rasterised on the CPU with vello_cpu (PNGs, the
//! clipboard). docs/export.md says why.

mod raster;
mod shapes;

pub use raster::raster;
pub use shapes::{Drawing, Face, Item, PlacedGlyph, TextRun};
/// The geometry types of [`Drawing`], for the writers of other formats.
pub use vello_cpu::kurbo;

use laris_core::i18n::Lang;

use crate::theme;

/// Why a picture could not be made. The `Display` text is for logs; users
/// read [`RenderError::message`].
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("drawing the image failed: {0}")]
    Draw(String),
}

impl RenderError {
    pub fn message(&self, lang: Lang) -> String {
        let RenderError::Draw(detail) = self;
        lang.tr_args("render-error-draw", &[("detail", detail.as_str().into())])
    }
}

/// White paper around what is drawn, in points: the margin the pictures had
/// when egui_kittest's harness drew them, so that layouts stay as they were.
const PAPER_MARGIN: f32 = 8.0;
/// Plots lay out from the previous frame's sizes: frames run before the
/// drawing is taken.
const FRAMES: usize = 4;

/// Draws `draw` once per item, each on its own white page of `size` points,
/// in the light print theme with the app's fonts. `pixels_per_point` is the
/// scale the text is laid out for (egui rounds text to pixels).
pub fn drawings<T>(
    size: egui::Vec2,
    pixels_per_point: f32,
    items: &[T],
    mut draw: impl FnMut(&mut egui::Ui, &T),
) -> Vec<Drawing> {
    if items.is_empty() {
        return Vec::new();
    }
    let ctx = egui::Context::default();
    ctx.set_visuals_of(egui::Theme::Light, theme::print_visuals());
    theme::apply(&ctx);
    ctx.set_theme(egui::Theme::Light);
    // A name in a script Inter lacks is drawn as a box, not refused.
    ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    ctx.all_styles_mut(|style| style.animation_time = 0.0);
    let mut fonts = shapes::Fonts::new(&theme::font_definitions());
    let page = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let mut shapes = Vec::new();
        for _ in 0..FRAMES {
            let mut input = egui::RawInput {
                screen_rect: Some(page),
                ..Default::default()
            };
            if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
                viewport.native_pixels_per_point = Some(pixels_per_point);
            }
            let mut output = ctx.run_ui(input, |ui| {
                ui.painter().rect_filled(page, 0.0, egui::Color32::WHITE);
                let inner = page.shrink(PAPER_MARGIN);
                ui.scope_builder(egui::UiBuilder::new().max_rect(inner), |ui| draw(ui, item));
            });
            // No texture is painted: glyphs are drawn from the font files.
            output.textures_delta.clear();
            shapes = output.shapes;
        }
        out.push(shapes::translate(&shapes, size, &mut fonts));
    }
    out
}

/// Draws `draw` on a white page of `size` points and returns the picture,
/// `size * pixels_per_point` pixels.
pub fn render(
    size: egui::Vec2,
    pixels_per_point: f32,
    mut draw: impl FnMut(&mut egui::Ui),
) -> Result<egui::ColorImage, RenderError> {
    let drawing = drawings(size, pixels_per_point, &[()], |ui, _| draw(ui))
        .pop()
        .ok_or_else(|| RenderError::Draw("nothing was drawn".into()))?;
    raster(&drawing, pixels_per_point)
}

/// The image as PNG bytes.
pub fn png(image: &egui::ColorImage) -> Result<Vec<u8>, RenderError> {
    let [w, h] = image.size;
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, rgba)
        .ok_or_else(|| RenderError::Draw("the image has the wrong number of pixels".into()))?;
    let mut bytes = Vec::new();
    buffer
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .map_err(|e| RenderError::Draw(e.to_string()))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_becomes_runs_of_glyphs_in_the_font_egui_picked() {
        let drawing = drawings(egui::vec2(200.0, 100.0), 2.0, &[()], |ui, _| {
            ui.label("Rp 1,5 jt");
            ui.label(egui::RichText::new("Omzet").family(theme::semibold()));
        })
        .pop()
        .unwrap();
        let runs: Vec<&TextRun> = drawing
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text(run) => Some(run),
                _ => None,
            })
            .collect();
        let font = |text: &str| {
            let run = runs.iter().find(|r| r.text == text).unwrap();
            let face = &drawing.faces[run.face];
            (*face.data).as_ref().to_vec()
        };
        assert_eq!(font("Rp 1,5 jt"), crate::assets::INTER_REGULAR);
        assert_eq!(font("Omzet"), crate::assets::INTER_SEMIBOLD);
        // The print theme's black text, glyphs left to right.
        let run = runs.iter().find(|r| r.text == "Omzet").unwrap();
        assert_eq!(run.color, theme::PRINT_TEXT);
        assert!(run.glyphs.windows(2).all(|g| g[0].x < g[1].x));
        assert!(run.glyphs.iter().all(|g| g.id != 0), "no missing glyph");
        // And the picture has black ink on white paper.
        let image = raster(&drawing, 2.0).unwrap();
        assert_eq!(image.size, [400, 200]);
        assert_eq!(image.pixels[0], egui::Color32::WHITE);
        let ink = image.pixels.iter().filter(|p| p.r() < 100).count();
        assert!(ink > 200, "{ink}");
    }
}
