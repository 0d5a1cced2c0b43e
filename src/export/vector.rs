//! A chart's [`Drawing`] onto a PDF page: paths as PDF paths and glyphs as
//! PDF text in the same font files egui laid them out with, so that a
//! printed chart is sharp, its labels can be selected and searched, and the
//! file is smaller than with a picture (docs/export.md).

use std::collections::HashMap;

use krilla::geom::{Path, PathBuilder, Point, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use laris_view::render::kurbo::{Affine, BezPath, PathEl};
use laris_view::render::{Drawing, Item};

fn transform(a: Affine) -> Transform {
    let [sx, ky, kx, sy, tx, ty] = a.as_coeffs().map(|c| c as f32);
    Transform::from_row(sx, ky, kx, sy, tx, ty)
}

fn path(p: &BezPath) -> Option<Path> {
    let mut pb = PathBuilder::new();
    let f = |v: f64| v as f32;
    for el in p.elements() {
        match *el {
            PathEl::MoveTo(a) => pb.move_to(f(a.x), f(a.y)),
            PathEl::LineTo(a) => pb.line_to(f(a.x), f(a.y)),
            PathEl::QuadTo(a, b) => pb.quad_to(f(a.x), f(a.y), f(b.x), f(b.y)),
            PathEl::CurveTo(a, b, c) => pb.cubic_to(f(a.x), f(a.y), f(b.x), f(b.y), f(c.x), f(c.y)),
            PathEl::ClosePath => pb.close(),
        }
    }
    pb.finish()
}

/// An egui colour (premultiplied) as a PDF colour and its opacity.
fn colour(c: egui::Color32) -> (krilla::color::rgb::Color, NormalizedF32) {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    (
        krilla::color::rgb::Color::new(r, g, b),
        NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE),
    )
}

/// Draws `drawing` on `surface`, its points mapped to the page's by `at`.
pub fn draw(surface: &mut Surface<'_>, drawing: &Drawing, at: Transform) {
    let page = egui::Rect::from_min_size(egui::Pos2::ZERO, drawing.size);
    let mut fonts: HashMap<usize, Option<Font>> = HashMap::new();
    surface.push_transform(&at);
    // The clip in force: consecutive items mostly share one.
    let mut clipped: Option<egui::Rect> = None;
    for item in &drawing.items {
        let clip = item.clip();
        if clipped != Some(clip) {
            if clipped.is_some() {
                surface.pop();
                clipped = None;
            }
            let mut pb = PathBuilder::new();
            if let Some(r) =
                krilla::geom::Rect::from_ltrb(clip.min.x, clip.min.y, clip.max.x, clip.max.y)
                && !clip.contains_rect(page)
            {
                pb.push_rect(r);
                if let Some(p) = pb.finish() {
                    surface.push_clip_path(&p, &FillRule::NonZero);
                    clipped = Some(clip);
                }
            }
        }
        match item {
            Item::Fill { path: p, color, .. } => {
                let Some(p) = path(p) else { continue };
                let (paint, opacity) = colour(*color);
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: paint.into(),
                    opacity,
                    rule: FillRule::NonZero,
                }));
                surface.draw_path(&p);
            }
            Item::Stroke {
                path: p,
                width,
                color,
                ..
            } => {
                let Some(p) = path(p) else { continue };
                let (paint, opacity) = colour(*color);
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: paint.into(),
                    width: *width,
                    line_cap: LineCap::Butt,
                    line_join: LineJoin::Round,
                    opacity,
                    ..Default::default()
                }));
                surface.draw_path(&p);
                surface.set_stroke(None);
            }
            Item::Text(run) => {
                let font = fonts.entry(run.face).or_insert_with(|| {
                    let face = drawing.faces.get(run.face)?;
                    Font::new(face.data.clone().into(), face.index)
                });
                let Some(font) = font.clone() else { continue };
                let size = run.size.max(f32::EPSILON);
                let glyphs: Vec<KrillaGlyph> = run
                    .glyphs
                    .iter()
                    .map(|g| {
                        KrillaGlyph::new(
                            GlyphId::new(g.id),
                            g.advance / size,
                            0.0,
                            0.0,
                            0.0,
                            g.text.clone(),
                            None,
                        )
                    })
                    .collect();
                let (paint, opacity) = colour(run.color);
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: paint.into(),
                    opacity,
                    rule: FillRule::NonZero,
                }));
                surface.push_transform(&transform(run.transform));
                surface.draw_glyphs(
                    Point::from_xy(run.origin.x, run.origin.y),
                    &glyphs,
                    font,
                    &run.text,
                    run.size,
                    false,
                );
                surface.pop();
            }
        }
    }
    if clipped.is_some() {
        surface.pop();
    }
    surface.pop();
}
