//! egui's shapes as a [`Drawing`]: filled and stroked paths, and runs of
//! glyphs that name their font file, so that a writer can draw them as
//! vectors and real text instead of the triangles egui tessellates for a GPU.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use egui::epaint::{
    self, ClippedShape, ColorMode, CornerRadius, PathStroke, Shape, StrokeKind, TextShape,
};
use egui::{Color32, FontFamily, Pos2, Rect};
use skrifa::MetadataProvider;
use vello_cpu::kurbo::{self, Affine, BezPath, Shape as _};

/// How close curves (circles, rounded corners) are to their flattened form,
/// in points: far below a printed dot.
const TOLERANCE: f64 = 0.01;

/// A font file of the drawing, as egui has it.
pub struct Face {
    pub data: Arc<dyn AsRef<[u8]> + Send + Sync>,
    /// The face's index in a font collection.
    pub index: u32,
}

/// One page, in points, top-left origin, y down; items paint in order.
pub struct Drawing {
    pub size: egui::Vec2,
    /// The fonts that [`TextRun::face`] indexes.
    pub faces: Arc<Vec<Face>>,
    pub items: Vec<Item>,
}

pub enum Item {
    /// `color` is premultiplied, as egui's colours are.
    Fill {
        path: BezPath,
        color: Color32,
        clip: Rect,
    },
    /// Butt caps and round joins, as egui strokes lines.
    Stroke {
        path: BezPath,
        width: f32,
        color: Color32,
        clip: Rect,
    },
    Text(TextRun),
}

impl Item {
    /// What the item is cut to, in points.
    pub fn clip(&self) -> Rect {
        match self {
            Item::Fill { clip, .. } | Item::Stroke { clip, .. } => *clip,
            Item::Text(run) => run.clip,
        }
    }
}

/// Glyphs of one face, size and colour on one baseline.
pub struct TextRun {
    /// Index into [`Drawing::faces`].
    pub face: usize,
    /// The em size in points.
    pub size: f32,
    pub color: Color32,
    /// From the run's coordinates (the galley's) to the page's.
    pub transform: Affine,
    /// Where the baseline starts, in the run's coordinates.
    pub origin: Pos2,
    pub glyphs: Vec<PlacedGlyph>,
    /// The characters the glyphs stand for, for selection and search.
    pub text: String,
    pub clip: Rect,
}

pub struct PlacedGlyph {
    pub id: u32,
    /// From [`TextRun::origin`] along the baseline, in points.
    pub x: f32,
    /// To the next glyph (or the glyph's own width for the last), in points.
    pub advance: f32,
    /// The bytes of [`TextRun::text`] this glyph stands for.
    pub text: Range<usize>,
}

/// egui's font families resolved to font files, per character, as egui
/// picks them: the first face of the family that has the character.
pub(super) struct Fonts {
    faces: Arc<Vec<Face>>,
    /// egui's size tweak of each face: its em is the font size times this.
    scales: Vec<f32>,
    families: HashMap<FontFamily, Vec<usize>>,
    found: HashMap<(FontFamily, char), Option<(usize, u32)>>,
}

impl Fonts {
    pub(super) fn new(definitions: &egui::FontDefinitions) -> Fonts {
        let names: Vec<&String> = definitions.font_data.keys().collect();
        let faces = definitions
            .font_data
            .values()
            .map(|f| Face {
                data: f.font.clone(),
                index: f.index,
            })
            .collect();
        let scales = definitions
            .font_data
            .values()
            .map(|f| f.tweak.scale)
            .collect();
        let families = definitions
            .families
            .iter()
            .map(|(family, list)| {
                let indices = list
                    .iter()
                    .filter_map(|name| names.iter().position(|n| *n == name))
                    .collect();
                (family.clone(), indices)
            })
            .collect();
        Fonts {
            faces: Arc::new(faces),
            scales,
            families,
            found: HashMap::new(),
        }
    }

    fn family(&self, family: &FontFamily) -> &[usize] {
        self.families
            .get(family)
            .or_else(|| self.families.get(&FontFamily::Proportional))
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The face and glyph for `c`; the first face's missing-glyph box where
    /// no face has it (egui draws a box too).
    fn glyph(&mut self, family: &FontFamily, c: char) -> Option<(usize, u32)> {
        if let Some(found) = self.found.get(&(family.clone(), c)) {
            return *found;
        }
        let candidates = self.family(family).to_vec();
        let found = candidates
            .iter()
            .find_map(|&k| {
                let face = self.faces.get(k)?;
                let font = skrifa::FontRef::from_index((*face.data).as_ref(), face.index).ok()?;
                let id = font.charmap().map(c)?;
                Some((k, id.to_u32()))
            })
            .or_else(|| candidates.first().map(|&k| (k, 0)));
        self.found.insert((family.clone(), c), found);
        found
    }
}

/// The drawing of one frame's shapes on a page of `size` points.
pub(super) fn translate(shapes: &[ClippedShape], size: egui::Vec2, fonts: &mut Fonts) -> Drawing {
    let mut out = Out {
        items: Vec::new(),
        fonts,
        clip: Rect::EVERYTHING,
    };
    for clipped in shapes {
        out.clip = clipped.clip_rect;
        out.shape(&clipped.shape);
    }
    Drawing {
        size,
        faces: out.fonts.faces.clone(),
        items: out.items,
    }
}

struct Out<'f> {
    items: Vec<Item>,
    fonts: &'f mut Fonts,
    clip: Rect,
}

fn point(p: Pos2) -> kurbo::Point {
    kurbo::Point::new(f64::from(p.x), f64::from(p.y))
}

fn rect(r: Rect) -> kurbo::Rect {
    kurbo::Rect::new(
        f64::from(r.min.x),
        f64::from(r.min.y),
        f64::from(r.max.x),
        f64::from(r.max.y),
    )
}

/// A polyline through `points`, closed or not.
fn polyline(points: &[Pos2], closed: bool) -> BezPath {
    let mut path = BezPath::new();
    for (k, &p) in points.iter().enumerate() {
        if k == 0 {
            path.move_to(point(p));
        } else {
            path.line_to(point(p));
        }
    }
    if closed {
        path.close_path();
    }
    path
}

fn rounded(r: Rect, radius: CornerRadius, grow: f32) -> BezPath {
    let corner = |c: u8| f64::from((f32::from(c) + grow).max(0.0));
    let radii = kurbo::RoundedRectRadii::new(
        corner(radius.nw),
        corner(radius.ne),
        corner(radius.se),
        corner(radius.sw),
    );
    kurbo::RoundedRect::from_rect(rect(r.expand(grow)), radii).to_path(TOLERANCE)
}

/// A path stroke's one colour; a gradient (no chart uses one) takes the
/// colour at its middle.
fn solid(stroke: &PathStroke, bounds: Rect) -> Color32 {
    match &stroke.color {
        ColorMode::Solid(c) => *c,
        ColorMode::UV(f) => f(bounds, bounds.center()),
    }
}

impl Out<'_> {
    fn fill(&mut self, path: BezPath, color: Color32) {
        if color.a() > 0 {
            let clip = self.clip;
            self.items.push(Item::Fill { path, color, clip });
        }
    }

    fn stroke(&mut self, path: BezPath, width: f32, color: Color32) {
        if color.a() > 0 && width > 0.0 {
            let clip = self.clip;
            self.items.push(Item::Stroke {
                path,
                width,
                color,
                clip,
            });
        }
    }

    fn shape(&mut self, shape: &Shape) {
        match shape {
            Shape::Noop | Shape::Callback(_) => {}
            Shape::Vec(shapes) => {
                for s in shapes {
                    self.shape(s);
                }
            }
            Shape::Circle(c) => {
                let path = kurbo::Circle::new(point(c.center), f64::from(c.radius));
                self.fill(path.to_path(TOLERANCE), c.fill);
                self.stroke(path.to_path(TOLERANCE), c.stroke.width, c.stroke.color);
            }
            Shape::Ellipse(e) => {
                let path = kurbo::Ellipse::new(
                    point(e.center),
                    (f64::from(e.radius.x), f64::from(e.radius.y)),
                    f64::from(e.angle),
                );
                self.fill(path.to_path(TOLERANCE), e.fill);
                self.stroke(path.to_path(TOLERANCE), e.stroke.width, e.stroke.color);
            }
            Shape::LineSegment { points, stroke } => {
                self.stroke(polyline(points, false), stroke.width, stroke.color);
            }
            Shape::Path(p) => {
                // egui fills only closed paths.
                if p.closed {
                    self.fill(polyline(&p.points, true), p.fill);
                }
                let color = solid(&p.stroke, Rect::from_points(&p.points));
                self.stroke(polyline(&p.points, p.closed), p.stroke.width, color);
            }
            Shape::Rect(r) => self.rect(r),
            Shape::Band(b) => {
                // The upper edge left to right, then the lower one back.
                let upper = b.points.iter().map(|p| egui::pos2(p.x, p.y.min));
                let lower = b.points.iter().rev().map(|p| egui::pos2(p.x, p.y.max));
                let points: Vec<Pos2> = upper.chain(lower).collect();
                let mut path = polyline(&points, true);
                path.apply_affine(Affine::rotate(f64::from(b.angle)));
                self.fill(path.clone(), b.fill);
                self.stroke(path, b.stroke.width, b.stroke.color);
            }
            Shape::Text(t) => self.text(t),
            Shape::Mesh(mesh) => self.mesh(mesh),
            Shape::QuadraticBezier(q) => {
                let [a, b, c] = q.points;
                let mut path = BezPath::new();
                path.move_to(point(a));
                path.quad_to(point(b), point(c));
                self.curve(path, q.closed, q.fill, &q.stroke);
            }
            Shape::CubicBezier(q) => {
                let [a, b, c, d] = q.points;
                let mut path = BezPath::new();
                path.move_to(point(a));
                path.curve_to(point(b), point(c), point(d));
                self.curve(path, q.closed, q.fill, &q.stroke);
            }
        }
    }

    fn curve(&mut self, mut path: BezPath, closed: bool, fill: Color32, stroke: &PathStroke) {
        let bounds = path.bounding_box();
        let bounds = Rect::from_min_max(
            egui::pos2(bounds.x0 as f32, bounds.y0 as f32),
            egui::pos2(bounds.x1 as f32, bounds.y1 as f32),
        );
        if closed {
            path.close_path();
            self.fill(path.clone(), fill);
        }
        self.stroke(path, stroke.width, solid(stroke, bounds));
    }

    fn rect(&mut self, r: &epaint::RectShape) {
        // A shadow is a blurred rectangle, which vector graphics cannot
        // draw; nothing Laris exports casts one.
        if r.blur_width > 0.0 {
            return;
        }
        let turn = |mut path: BezPath| {
            if r.angle != 0.0 {
                let c = point(r.rect.center()).to_vec2();
                path.apply_affine(
                    Affine::translate(c)
                        * Affine::rotate(f64::from(r.angle))
                        * Affine::translate(-c),
                );
            }
            path
        };
        self.fill(turn(rounded(r.rect, r.corner_radius, 0.0)), r.fill);
        // The stroke's middle line, for where egui puts the stroke.
        let w = r.stroke.width;
        let grow = match r.stroke_kind {
            StrokeKind::Inside => -w / 2.0,
            StrokeKind::Middle => 0.0,
            StrokeKind::Outside => w / 2.0,
        };
        self.stroke(
            turn(rounded(r.rect, r.corner_radius, grow)),
            w,
            r.stroke.color,
        );
    }

    /// Triangles without a texture (images are never exported), each run of
    /// one colour filled as one path, so that no seam shows between them.
    fn mesh(&mut self, mesh: &epaint::Mesh) {
        if mesh.texture_id != egui::TextureId::default() {
            return;
        }
        let mut path = BezPath::new();
        let mut color = None;
        for tri in mesh.indices.chunks_exact(3) {
            let vertices: Vec<&epaint::Vertex> = tri
                .iter()
                .filter_map(|&i| mesh.vertices.get(i as usize))
                .collect();
            let [a, b, c] = vertices.as_slice() else {
                continue;
            };
            // A triangle shading between colours (egui's anti-aliasing
            // fringe) takes its first corner's.
            if let Some(k) = color
                && k != a.color
            {
                self.fill(std::mem::take(&mut path), k);
            }
            color = Some(a.color);
            path.move_to(point(a.pos));
            path.line_to(point(b.pos));
            path.line_to(point(c.pos));
            path.close_path();
        }
        if let Some(color) = color {
            self.fill(path, color);
        }
    }

    /// The galley's glyphs as runs of one face, size and colour; the
    /// format of each glyph comes from the section of its character.
    fn text(&mut self, t: &TextShape) {
        if t.opacity_factor <= 0.0 {
            return;
        }
        let job = &t.galley.job;
        let starts: Vec<usize> = job.text.char_indices().map(|(b, _)| b).collect();
        let section = |char_index: usize| {
            let byte = starts.get(char_index).copied().unwrap_or(job.text.len());
            job.sections
                .iter()
                .find(|s| (s.byte_range.start.0..s.byte_range.end.0).contains(&byte))
                .or(job.sections.last())
        };
        let transform =
            Affine::translate(point(t.pos).to_vec2()) * Affine::rotate(f64::from(t.angle));
        let mut char_index = 0;
        for row in &t.galley.rows {
            let mut run: Option<TextRun> = None;
            for glyph in &row.row.glyphs {
                let format = section(char_index).map(|s| &s.format);
                char_index += 1;
                let Some(format) = format else { continue };
                let mut color = match t.override_text_color {
                    Some(c) => c,
                    None if format.color == Color32::PLACEHOLDER => t.fallback_color,
                    None => format.color,
                };
                if t.opacity_factor < 1.0 {
                    color = color.gamma_multiply(t.opacity_factor);
                }
                let Some((face, id)) = self.fonts.glyph(&format.font_id.family, glyph.chr) else {
                    continue;
                };
                let scale = self.fonts.scales.get(face).copied().unwrap_or(1.0);
                let size = format.font_id.size * scale;
                let at = row.pos + glyph.pos.to_vec2();
                let same = run.as_ref().is_some_and(|r| {
                    r.face == face && r.size == size && r.color == color && r.origin.y == at.y
                });
                if !same {
                    self.push_run(run.take());
                    run = Some(TextRun {
                        face,
                        size,
                        color,
                        transform,
                        origin: at,
                        glyphs: Vec::new(),
                        text: String::new(),
                        clip: self.clip,
                    });
                }
                if let Some(r) = run.as_mut() {
                    let x = at.x - r.origin.x;
                    if let Some(last) = r.glyphs.last_mut() {
                        last.advance = x - last.x;
                    }
                    let start = r.text.len();
                    r.text.push(glyph.chr);
                    r.glyphs.push(PlacedGlyph {
                        id,
                        x,
                        advance: glyph.advance_width,
                        text: start..r.text.len(),
                    });
                }
            }
            self.push_run(run);
            if row.ends_with_newline {
                char_index += 1;
            }
        }
    }

    fn push_run(&mut self, run: Option<TextRun>) {
        if let Some(run) = run
            && run.color.a() > 0
            && !run.text.trim().is_empty()
        {
            self.items.push(Item::Text(run));
        }
    }
}
