//! A chart as a print-friendly picture: fixed size, light theme, with its
//! title, period, comparison, filters and legend on it.

use anyhow::anyhow;

use laris_view::charts::{self, ChartInput, ChartKind};
use laris_view::render::{self, Drawing};

use super::error::ExportError;

/// The picture's size in pixels: twice a dashboard card at least, 16:9.
pub const CHART_PIXELS: [u32; 2] = [1600, 900];
/// Pixels per point: the chart is laid out on 640 x 360 points, so that its
/// smallest text (12 pt) stays at 9 pt or more across an A4 page's width.
pub const CHART_PIXELS_PER_POINT: f32 = 2.5;
/// White space around the chart, in points.
const MARGIN: f32 = 16.0;

fn page_size() -> egui::Vec2 {
    egui::vec2(CHART_PIXELS[0] as f32, CHART_PIXELS[1] as f32) / CHART_PIXELS_PER_POINT
}

/// Draws one chart in the print theme, filling the page inside its margin.
fn draw(ui: &mut egui::Ui, kind: ChartKind, data: &ChartInput<'_>) {
    let inner = ui.max_rect().shrink(MARGIN);
    ui.scope_builder(egui::UiBuilder::new().max_rect(inner), |ui| {
        let print = ChartInput {
            print: true,
            ..*data
        };
        charts::show(ui, kind, &print, inner.size());
    });
}

/// The charts of `kinds` that have data, each as a vector drawing of
/// [`CHART_PIXELS`] / [`CHART_PIXELS_PER_POINT`] points, in order: the PDF
/// writes these as they are.
pub fn chart_drawings(kinds: &[ChartKind], data: &ChartInput<'_>) -> Vec<(ChartKind, Drawing)> {
    let kinds: Vec<ChartKind> = kinds
        .iter()
        .copied()
        .filter(|&k| charts::has_data(k, data))
        .collect();
    let drawings = render::drawings(page_size(), CHART_PIXELS_PER_POINT, &kinds, |ui, &k| {
        draw(ui, k, data)
    });
    kinds.into_iter().zip(drawings).collect()
}

/// The charts of `kinds` that have data, each as a picture, in order.
pub fn chart_images(
    kinds: &[ChartKind],
    data: &ChartInput<'_>,
) -> anyhow::Result<Vec<(ChartKind, egui::ColorImage)>> {
    chart_drawings(kinds, data)
        .into_iter()
        .map(|(kind, drawing)| Ok((kind, render::raster(&drawing, CHART_PIXELS_PER_POINT)?)))
        .collect()
}

/// One chart as a picture; an error for a chart without data.
pub fn chart_image(kind: ChartKind, data: &ChartInput<'_>) -> anyhow::Result<egui::ColorImage> {
    chart_images(&[kind], data)?
        .pop()
        .map(|(_, image)| image)
        .ok_or_else(|| {
            anyhow!(
                "{}: {}",
                kind.title(data.lang),
                data.lang.tr("export-no-chart-data")
            )
        })
}

/// One chart as PNG bytes, for "Save image".
pub fn chart_png(kind: ChartKind, data: &ChartInput<'_>) -> anyhow::Result<Vec<u8>> {
    Ok(render::png(&chart_image(kind, data)?)?)
}

/// Puts the picture on the clipboard, for "Copy".
pub fn copy_image(image: &egui::ColorImage) -> anyhow::Result<()> {
    let [width, height] = image.size;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    let clip = |e: arboard::Error| ExportError::Clipboard(e.to_string());
    let mut clipboard = arboard::Clipboard::new().map_err(clip)?;
    clipboard
        .set_image(arboard::ImageData {
            width,
            height,
            bytes: bytes.into(),
        })
        .map_err(clip)?;
    Ok(())
}
