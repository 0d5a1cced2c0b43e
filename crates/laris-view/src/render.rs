//! Any egui UI drawn to an image without a window: egui_kittest's harness runs
//! the frames and its wgpu renderer paints them offscreen (docs/export.md).

use egui_kittest::Harness;
use egui_kittest::wgpu::WgpuTestRenderer;
use laris_core::i18n::Lang;

use crate::theme;

/// Why a picture could not be made. The `Display` text is for logs; users
/// read [`RenderError::message`].
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(
        "no graphics device to draw the image with (on Linux, install mesa-vulkan-drivers): {0}"
    )]
    NoDevice(String),
    #[error("drawing the image failed: {0}")]
    Draw(String),
}

impl RenderError {
    pub fn message(&self, lang: Lang) -> String {
        let (id, detail) = match self {
            RenderError::NoDevice(d) => ("render-error-no-device", d),
            RenderError::Draw(d) => ("render-error-draw", d),
        };
        lang.tr_args(id, &[("detail", detail.as_str().into())])
    }
}

/// A GPU device for offscreen painting: a software one (lavapipe) where
/// there is one, for the same pixels on every machine, else the first found.
fn render_state() -> Result<egui_wgpu::RenderState, RenderError> {
    let setup = egui_kittest::wgpu::default_wgpu_setup();
    let instance = pollster::block_on(setup.new_instance());
    let config = egui_wgpu::WgpuConfiguration {
        wgpu_setup: setup,
        ..Default::default()
    };
    pollster::block_on(egui_wgpu::RenderState::create(
        &config,
        &instance,
        None,
        egui_wgpu::RendererOptions::PREDICTABLE,
    ))
    .map_err(|e| RenderError::NoDevice(e.to_string()))
}

/// Draws `draw` on a white page of `size` points and returns the picture,
/// `size * pixels_per_point` pixels, in the light print theme with the app's
/// fonts.
pub fn render(
    size: egui::Vec2,
    pixels_per_point: f32,
    mut draw: impl FnMut(&mut egui::Ui),
) -> Result<egui::ColorImage, RenderError> {
    let mut images = render_each(size, pixels_per_point, &[()], |ui, _| draw(ui))?;
    images
        .pop()
        .ok_or_else(|| RenderError::Draw("nothing was drawn".into()))
}

/// Draws `draw` once per item, each on its own page, on one graphics device
/// (making one costs more than painting a page).
pub fn render_each<T>(
    size: egui::Vec2,
    pixels_per_point: f32,
    items: &[T],
    mut draw: impl FnMut(&mut egui::Ui, &T),
) -> Result<Vec<egui::ColorImage>, RenderError> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let renderer = WgpuTestRenderer::from_render_state(render_state()?);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_pixels_per_point(pixels_per_point)
        .with_theme(egui::Theme::Light)
        // A name in a script Inter lacks is drawn as a box, not refused.
        .allow_missing_glyphs()
        .with_context_setup(|ctx| {
            ctx.set_visuals_of(egui::Theme::Light, theme::print_visuals());
            theme::apply(ctx);
        })
        .renderer(renderer)
        .build_ui_state(
            |ui, &mut k: &mut usize| {
                let rect = ui.max_rect();
                ui.painter().rect_filled(rect, 0.0, egui::Color32::WHITE);
                if let Some(item) = items.get(k) {
                    draw(ui, item);
                }
            },
            0usize,
        );
    let mut out = Vec::with_capacity(items.len());
    for k in 0..items.len() {
        *harness.state_mut() = k;
        // Plots lay out from the previous frame's sizes: let them settle.
        harness.run_steps(3);
        let image = harness
            .render()
            .map_err(|e| RenderError::Draw(e.to_string()))?;
        let size = [image.width() as usize, image.height() as usize];
        out.push(egui::ColorImage::from_rgba_unmultiplied(
            size,
            image.as_raw(),
        ));
    }
    Ok(out)
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
