//! The answers behind a figure, walked like a user: a card's value opens
//! its records, whose count and sum are the card's; back returns to the
//! tab; "Why?" opens the bridge of its change.

use crate::common::{app_config, dismiss_notice, settle, wait_for};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use laris::i18n::Lang;
use laris::metrics::catalog::Unit;
use laris::metrics::figures::{Query, compute};
use laris::metrics::{Comparison, Dataset, Filters, PeriodKind, Selection};
use laris::ui::LarisApp;

fn app(db: &std::path::Path, lang: Lang, theme: egui::Theme) -> Harness<'static, LarisApp> {
    app_sized(db, lang, theme, [1366.0, 768.0])
}

fn app_sized(
    db: &std::path::Path,
    lang: Lang,
    theme: egui::Theme,
    size: [f32; 2],
) -> Harness<'static, LarisApp> {
    let config = app_config(db, lang);
    Harness::builder()
        .with_size(size)
        .with_theme(theme)
        .with_render_cursor(false)
        .build_eframe(move |cc| LarisApp::new(cc, config))
}

/// Revenue and orders of June 2025 in the sample shop (of one rep, or
/// all), as the app shows them, worked out by the metrics it reads.
fn june(db: &std::path::Path, lang: Lang) -> (String, String) {
    june_of(db, lang, None)
}

fn june_of(db: &std::path::Path, lang: Lang, rep: Option<&str>) -> (String, String) {
    june_with(
        db,
        lang,
        Filters {
            rep: rep.map(str::to_string),
            ..Filters::default()
        },
    )
    .0
}

/// June 2025's revenue and orders under `filters`, and its figures.
fn june_with(
    db: &std::path::Path,
    lang: Lang,
    filters: Filters,
) -> ((String, String), laris::metrics::figures::Figures) {
    let store = laris::store::Store::open(db).unwrap();
    let ds = Dataset::load(store.conn()).unwrap();
    let until = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let f = compute(
        &ds,
        &Query {
            sel: Selection::containing(PeriodKind::Month, until),
            cmp: Comparison::Previous,
            filters,
            today: until,
        },
    );
    let revenue = f.now["revenue"];
    let orders = f.now["orders"].unwrap() as i64;
    (
        (
            Unit::Money.show(lang, "IDR", revenue),
            laris::format::count(lang, orders),
        ),
        f,
    )
}

fn walk(lang: Lang, theme: egui::Theme, suffix: &str) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let mut h = app(&db, lang, theme);
    let sample = lang.tr("welcome-sample");
    wait_for(&mut h, &sample);
    h.get_by_label(&sample).click();
    wait_for(&mut h, &lang.tr("metric-revenue"));
    wait_for(&mut h, &lang.tr("highlights-title"));
    dismiss_notice(&mut h, lang);
    let (revenue, orders) = june(&db, lang);

    // The revenue card's figure opens its records: the paid orders, which
    // add up to the figure.
    h.get_by_label(&revenue).click();
    let footer = lang.tr_args(
        "records-count-sum",
        &[
            ("count", orders.as_str().into()),
            ("sum", revenue.as_str().into()),
        ],
    );
    wait_for(&mut h, &footer);
    // A page of stored fields arrives: the first order's number shows.
    wait_for(&mut h, &lang.tr("field-order_id"));
    settle(&mut h);
    h.snapshot(format!("records_{suffix}"));

    h.get_by_label(&lang.tr("answer-back")).click();
    wait_for(&mut h, &lang.tr("highlights-title"));

    // "Why?" on the revenue card (the first one) opens its bridge.
    // The cards fade back in first.
    settle(&mut h);
    h.query_all_by_label(&lang.tr("card-why"))
        .next()
        .unwrap()
        .click_accesskit();
    let title = lang.tr_args(
        "bridge-view-title",
        &[("metric", lang.tr("metric-revenue").into())],
    );
    wait_for(&mut h, &title);
    wait_for(&mut h, &lang.tr("explain-total"));
    h.get_by_label(&lang.tr("explain-by-product")).click();
    wait_for(&mut h, &lang.tr("explain-by-product"));
    settle(&mut h);
    h.snapshot(format!("bridge_{suffix}"));

    // The last chart of the tab, the top products, opens the bridge of
    // revenue by product: its steps table heads its first column so.
    h.get_by_label(&lang.tr("answer-back")).click();
    wait_for(&mut h, &lang.tr("highlights-title"));
    settle(&mut h);
    h.query_all_by_label(&lang.tr("card-why"))
        .last()
        .unwrap()
        .click_accesskit();
    wait_for(&mut h, &title);
    let by = lang.tr("explain-by-product");
    let header: String = by[..1].to_uppercase() + &by[1..];
    wait_for(&mut h, &header);

    // A rep's sales in the per-rep table open that rep's orders.
    h.get_by_label(&lang.tr("answer-back")).click();
    h.get_by_label(&lang.tr("tab-productivity")).click();
    wait_for(&mut h, &lang.tr("reps-title"));
    let rep = "Dewi Lestari";
    let (sales, orders) = june_of(&db, lang, Some(rep));
    h.query_all_by_label(&sales)
        .last()
        .unwrap()
        .click_accesskit();
    let footer = lang.tr_args(
        "records-count-sum",
        &[
            ("count", orders.as_str().into()),
            ("sum", sales.as_str().into()),
        ],
    );
    wait_for(&mut h, &footer);
}

#[test]
fn card_to_records_and_back_then_why_to_the_bridge_in_english() {
    walk(Lang::En, egui::Theme::Light, "en_light");
}

#[test]
fn card_to_records_and_back_then_why_to_the_bridge_in_indonesian() {
    walk(Lang::Id, egui::Theme::Dark, "id_dark");
}

/// Moves the pointer down the chart under the title `title` until it is
/// over a bar (the hand cursor says so), and clicks there: the top bar.
fn click_top_bar(h: &mut Harness<'static, LarisApp>, title: &str) {
    let at = h.get_by_label(title).rect();
    for dy in (4..200).step_by(5) {
        for dx in (100..450).step_by(50) {
            let p = egui::pos2(at.left() + dx as f32, at.bottom() + dy as f32);
            h.hover_at(p);
            // Steps, not runs: the threads of the sample shop still repaint.
            h.step();
            if h.output().platform_output.cursor_icon == egui::CursorIcon::PointingHand {
                h.drag_at(p);
                h.step();
                h.drop_at(p);
                h.step();
                return;
            }
        }
    }
    panic!("no bar under {title:?}");
}

#[test]
fn a_bar_opens_the_records_of_its_channel() {
    let lang = Lang::En;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    // Tall enough that every chart of the tab is on screen.
    let mut h = app_sized(&db, lang, egui::Theme::Light, [1366.0, 2400.0]);
    let sample = lang.tr("welcome-sample");
    wait_for(&mut h, &sample);
    h.get_by_label(&sample).click();
    wait_for(&mut h, &lang.tr("highlights-title"));
    let (_, all) = june_with(&db, lang, Filters::default());
    let (top, _) = all
        .report
        .metrics
        .revenue_by_channel
        .as_ref()
        .unwrap()
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .unwrap();
    let ((revenue, orders), _) = june_with(
        &db,
        lang,
        Filters {
            channel: Some(top.clone()),
            ..Filters::default()
        },
    );
    let r = &all.report;
    let title = lang.tr_args(
        "chart-title-period",
        &[
            ("title", lang.tr("chart-revenue-by-channel").into()),
            (
                "period",
                laris::metrics::Period::new(r.from, r.to).label(lang).into(),
            ),
        ],
    );
    wait_for(&mut h, &title);
    settle(&mut h);
    click_top_bar(&mut h, &title);
    // The largest channel's bar: its paid orders, which add up to its bar.
    let footer = lang.tr_args(
        "records-count-sum",
        &[
            ("count", orders.as_str().into()),
            ("sum", revenue.as_str().into()),
        ],
    );
    wait_for(&mut h, &footer);
    let records = lang.tr_args(
        "records-view-title",
        &[
            (
                "metric",
                format!("{} · {top}", lang.tr("metric-revenue")).into(),
            ),
            (
                "period",
                laris::format::date_range(lang, r.from, r.to).into(),
            ),
        ],
    );
    wait_for(&mut h, &records);
    // An order opens to its lines.
    wait_for(&mut h, &lang.tr("field-order_id"));
    settle(&mut h);
    h.query_all_by_label(&lang.tr("records-lines-tip"))
        .next()
        .unwrap()
        .click_accesskit();
    wait_for(&mut h, &lang.tr("field-product"));
    h.get_by_label(&lang.tr("answer-back")).click();
    wait_for(&mut h, &title);
}
