//! The revenue projection backtested on the shops of ../shared/data that
//! have months of daily orders (docs/highlights.md, "Backtest"): each whole
//! month projected from its 10th and its 20th day. Run with `--nocapture` to
//! see the errors.

use chrono::NaiveDate;

use crate::common::{import, shared_data, stderr};
use laris::metrics::figures::Query;
use laris::metrics::projection::backtest;
use laris::metrics::{Comparison, Dataset, Filters, Selection};
use laris::store::Store;

/// Per day of projection (10th, 20th): the months projected, their mean
/// absolute error and mean absolute percentage error.
fn errors(folder: &str, file: &str) -> Option<Vec<(u32, usize, f64, f64)>> {
    let data = shared_data()?;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.laris");
    let out = import(&db, &data.join(folder).join(file));
    assert!(out.status.success(), "{}", stderr(&out));
    let store = Store::open(&db).unwrap();
    let ds = Dataset::load_with(store.conn(), None).unwrap();
    let any = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let q = Query {
        sel: Selection::parse("month:2024-01").unwrap(),
        cmp: Comparison::Previous,
        filters: Filters::default(),
        today: any,
    };
    let runs = backtest(&ds, &q, &[10, 20]);
    Some(
        [10, 20]
            .into_iter()
            .map(|day| {
                let of_day: Vec<_> = runs.iter().filter(|r| r.day == day).collect();
                let n = of_day.len();
                let mae = of_day
                    .iter()
                    .map(|r| (r.projected - r.actual).abs())
                    .sum::<f64>()
                    / n as f64;
                let mape = of_day
                    .iter()
                    .filter(|r| r.actual > 0.0)
                    .map(|r| (r.projected - r.actual).abs() / r.actual)
                    .sum::<f64>()
                    / n as f64;
                println!(
                    "{folder} from day {day}: {n} months, MAE {mae:.2}, MAPE {:.1}%",
                    mape * 100.0
                );
                (day, n, mae, mape)
            })
            .collect(),
    )
}

#[test]
fn backtest_on_the_shared_shops() {
    // Guards a little above what was measured (docs/highlights.md): 16.1%
    // and 8.7% on synthetic-10k, 26.8% and 14.0% on Superstore's few,
    // uneven orders a day.
    for (folder, file, bound10, bound20) in [
        ("synthetic-10k", "orders.csv", 0.20, 0.11),
        ("superstore", "Sample - Superstore.csv", 0.32, 0.18),
    ] {
        let Some(rows) = errors(folder, file) else {
            return;
        };
        for (day, n, _, mape) in rows {
            assert!(n >= 20, "{folder}: {n} months");
            let bound = if day == 10 { bound10 } else { bound20 };
            assert!(mape < bound, "{folder} day {day}: {mape}");
        }
    }
}
