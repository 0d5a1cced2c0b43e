//! A [`Drawing`] to pixels on the CPU with vello_cpu (already built for
//! egui's own glyphs), text from the glyphs' outlines in the font files.

use std::collections::HashMap;

use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use vello_cpu::color::{AlphaColor, Srgb};
use vello_cpu::kurbo::{self, Affine, BezPath, Shape as _};
use vello_cpu::{Pixmap, RenderContext, Resources};

use super::RenderError;
use super::shapes::{Drawing, Face, Item};

/// A glyph's outline at an em of 1, y up, as the font has it.
struct Pen(BezPath);

impl OutlinePen for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to((f64::from(x), f64::from(y)));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to((f64::from(x), f64::from(y)));
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.quad_to(
            (f64::from(cx0), f64::from(cy0)),
            (f64::from(x), f64::from(y)),
        );
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0.curve_to(
            (f64::from(cx0), f64::from(cy0)),
            (f64::from(cx1), f64::from(cy1)),
            (f64::from(x), f64::from(y)),
        );
    }
    fn close(&mut self) {
        self.0.close_path();
    }
}

fn outline(face: &Face, id: u32) -> Option<BezPath> {
    let font = skrifa::FontRef::from_index((*face.data).as_ref(), face.index).ok()?;
    let glyph = font.outline_glyphs().get(skrifa::GlyphId::new(id))?;
    let mut pen = Pen(BezPath::new());
    glyph
        .draw(
            DrawSettings::unhinted(Size::new(1.0), LocationRef::default()),
            &mut pen,
        )
        .ok()?;
    Some(pen.0)
}

fn paint(c: egui::Color32) -> AlphaColor<Srgb> {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    AlphaColor::from_rgba8(r, g, b, a)
}

/// The picture of `drawing` at `pixels_per_point`.
pub fn raster(drawing: &Drawing, pixels_per_point: f32) -> Result<egui::ColorImage, RenderError> {
    let pixels = |points: f32| {
        u16::try_from((points * pixels_per_point).round() as i64)
            .ok()
            .filter(|&p| p > 0)
    };
    let (Some(w), Some(h)) = (pixels(drawing.size.x), pixels(drawing.size.y)) else {
        return Err(RenderError::Draw(format!(
            "a picture of {} x {} points at {pixels_per_point} pixels per point is not possible",
            drawing.size.x, drawing.size.y
        )));
    };
    let mut ctx = RenderContext::new(w, h);
    let scale = Affine::scale(f64::from(pixels_per_point));
    let page = egui::Rect::from_min_size(egui::Pos2::ZERO, drawing.size);
    let mut outlines: HashMap<(usize, u32), Option<BezPath>> = HashMap::new();
    // The clip in force: consecutive items mostly share one.
    let mut clipped: Option<egui::Rect> = None;
    for item in &drawing.items {
        let clip = item.clip();
        if clipped != Some(clip) {
            if clipped.is_some() {
                ctx.pop_layer();
                clipped = None;
            }
            if !clip.contains_rect(page) {
                ctx.set_transform(scale);
                let r = kurbo::Rect::new(
                    f64::from(clip.min.x),
                    f64::from(clip.min.y),
                    f64::from(clip.max.x),
                    f64::from(clip.max.y),
                );
                ctx.push_clip_layer(&r.to_path(0.1));
                clipped = Some(clip);
            }
        }
        match item {
            Item::Fill { path, color, .. } => {
                ctx.set_transform(scale);
                ctx.set_paint(paint(*color));
                ctx.fill_path(path);
            }
            Item::Stroke {
                path, width, color, ..
            } => {
                ctx.set_transform(scale);
                ctx.set_paint(paint(*color));
                ctx.set_stroke(
                    kurbo::Stroke::new(f64::from(*width))
                        .with_caps(kurbo::Cap::Butt)
                        .with_join(kurbo::Join::Round),
                );
                ctx.stroke_path(path);
            }
            Item::Text(run) => {
                ctx.set_paint(paint(run.color));
                let size = f64::from(run.size);
                for glyph in &run.glyphs {
                    let Some(face) = drawing.faces.get(run.face) else {
                        continue;
                    };
                    let shape = outlines
                        .entry((run.face, glyph.id))
                        .or_insert_with(|| outline(face, glyph.id));
                    let Some(shape) = shape else { continue };
                    let at = kurbo::Vec2::new(
                        f64::from(run.origin.x + glyph.x),
                        f64::from(run.origin.y),
                    );
                    ctx.set_transform(
                        scale
                            * run.transform
                            * Affine::translate(at)
                            * Affine::scale_non_uniform(size, -size),
                    );
                    ctx.fill_path(shape);
                }
            }
        }
    }
    if clipped.is_some() {
        ctx.pop_layer();
    }
    ctx.flush();
    let mut pixmap = Pixmap::new(w, h);
    ctx.render(&mut pixmap, &mut Resources::new());
    let pixels = pixmap
        .data()
        .iter()
        .map(|p| egui::Color32::from_rgba_premultiplied(p.r, p.g, p.b, p.a))
        .collect();
    Ok(egui::ColorImage::new([w as usize, h as usize], pixels))
}
