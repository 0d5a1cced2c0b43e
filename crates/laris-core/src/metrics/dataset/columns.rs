//! The columns of each kind: a struct of arrays per kind, sorted by date.

use chrono::NaiveDate;

use super::time::{Day, Secs, day_of};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum OrderStatus {
    Paid,
    Unpaid,
    Refunded,
    Cancelled,
}

/// Orders sorted by date; lines grouped per order (`line_start[i]..line_start[i+1]`).
#[derive(Debug, Default)]
pub struct Orders {
    /// The record's row id in its SQLite table, to read its other fields.
    pub id: Vec<i64>,
    pub date: Vec<Day>,
    pub paid: Vec<bool>,
    /// Status refunded (refund_amount, refund_rate).
    pub refunded: Vec<bool>,
    pub total: Vec<i64>,
    pub customer: Vec<u32>,
    pub rep: Vec<u32>,
    pub channel: Vec<u32>,
    /// The branch (outlet) in `Dataset::branches`, NONE for no branch.
    pub branch: Vec<u32>,
    pub line_start: Vec<u32>,
    pub line_product: Vec<u32>,
    pub line_qty: Vec<f64>,
    pub line_total: Vec<i64>,
    /// The line's sku in `Dataset::skus`, or NONE.
    pub line_sku: Vec<u32>,
    /// quantity x the unit cost valid at the order's date (profit.md), 0
    /// where `line_costed` is false.
    pub line_cogs: Vec<i64>,
    pub line_costed: Vec<bool>,
    /// What the marketplace kept of the order, 0 where `settled` is false.
    pub fees: Vec<i64>,
    pub settled: Vec<bool>,
}

impl Orders {
    pub fn len(&self) -> usize {
        self.date.len()
    }
    pub fn is_empty(&self) -> bool {
        self.date.is_empty()
    }
    pub fn lines(&self, i: usize) -> std::ops::Range<usize> {
        self.line_start[i] as usize..self.line_start[i + 1] as usize
    }

    /// Keeps the orders `keep` says (one flag per order), with their lines.
    pub fn retain(&mut self, keep: &[bool]) {
        let keep_line: Vec<bool> = (0..self.len())
            .flat_map(|i| std::iter::repeat_n(keep[i], self.lines(i).len()))
            .collect();
        let mut start = Vec::with_capacity(self.line_start.len());
        start.push(0);
        for i in (0..self.len()).filter(|&i| keep[i]) {
            start.push(start[start.len() - 1] + self.lines(i).len() as u32);
        }
        self.line_start = start;
        retain_by(&mut self.id, keep);
        retain_by(&mut self.date, keep);
        retain_by(&mut self.paid, keep);
        retain_by(&mut self.refunded, keep);
        retain_by(&mut self.total, keep);
        retain_by(&mut self.customer, keep);
        retain_by(&mut self.rep, keep);
        retain_by(&mut self.channel, keep);
        retain_by(&mut self.branch, keep);
        retain_by(&mut self.fees, keep);
        retain_by(&mut self.settled, keep);
        retain_by(&mut self.line_product, &keep_line);
        retain_by(&mut self.line_qty, &keep_line);
        retain_by(&mut self.line_total, &keep_line);
        retain_by(&mut self.line_sku, &keep_line);
        retain_by(&mut self.line_cogs, &keep_line);
        retain_by(&mut self.line_costed, &keep_line);
    }
}

/// Keeps the items of `col` whose flag in `keep` is set.
pub fn retain_by<T>(col: &mut Vec<T>, keep: &[bool]) {
    let mut flags = keep.iter();
    col.retain(|_| flags.next().copied().unwrap_or(false));
}

#[derive(Debug, Default)]
pub struct Leads {
    /// The record's row id in its SQLite table, to read its other fields.
    pub id: Vec<i64>,
    pub created: Vec<Secs>,
    pub source: Vec<u32>,
    pub rep: Vec<u32>,
    pub first_response: Vec<Secs>,
    pub converted: Vec<bool>,
    /// The branch (outlet) in `Dataset::branches`, NONE for no branch.
    pub branch: Vec<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DealStatus {
    Open,
    Won,
    Lost,
}

#[derive(Debug, Default)]
pub struct Deals {
    /// The record's row id in its SQLite table, to read its other fields.
    pub id: Vec<i64>,
    pub created: Vec<Secs>,
    pub closed: Vec<Secs>,
    pub status: Vec<DealStatus>,
    /// Index of the current stage in the pipeline, or NONE.
    pub stage: Vec<u32>,
    pub value: Vec<i64>,
    /// close_value, or None when empty.
    pub close_value: Vec<Option<i64>>,
    pub rep: Vec<u32>,
    /// Source of the lead the deal came from, or NONE.
    pub source: Vec<u32>,
    /// Stage history per deal, sorted by entry time: pipeline index and date-time
    /// (`hist_start[i]..hist_start[i+1]`); entries outside the pipeline are dropped.
    pub hist_start: Vec<u32>,
    pub hist_stage: Vec<u32>,
    pub hist_at: Vec<Secs>,
    /// The last pipeline stage the deal reached (funnel rules), or -1.
    pub reach: Vec<i32>,
    /// The branch (outlet) in `Dataset::branches`, NONE for no branch.
    pub branch: Vec<u32>,
}

impl Deals {
    pub fn len(&self) -> usize {
        self.status.len()
    }
    pub fn is_empty(&self) -> bool {
        self.status.is_empty()
    }
}

/// Activities sorted by date.
#[derive(Debug, Default)]
pub struct Activities {
    /// The record's row id in its SQLite table, to read its other fields.
    pub id: Vec<i64>,
    pub date: Vec<Day>,
    pub rep: Vec<u32>,
    pub kind: Vec<u32>,
    pub minutes: Vec<f64>,
    pub count: Vec<i64>,
    /// The branch (outlet) in `Dataset::branches`, NONE for no branch.
    pub branch: Vec<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TargetMetric {
    Revenue,
    DealsWon,
    NewCustomers,
    Activities,
}

impl TargetMetric {
    pub const ALL: [TargetMetric; 4] = [
        TargetMetric::Revenue,
        TargetMetric::DealsWon,
        TargetMetric::NewCustomers,
        TargetMetric::Activities,
    ];
    pub fn id(self) -> &'static str {
        match self {
            TargetMetric::Revenue => "revenue",
            TargetMetric::DealsWon => "deals_won",
            TargetMetric::NewCustomers => "new_customers",
            TargetMetric::Activities => "activities",
        }
    }
}

/// Granularity of a target period: finer wins where targets overlap.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Grain {
    Month,
    Quarter,
    Year,
}

#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub struct Target {
    pub from: Day,
    pub to: Day,
    pub grain: Grain,
    /// NONE for the whole team.
    pub rep: u32,
    pub metric: TargetMetric,
    pub target_minor: i64,
    /// The branch in `Dataset::branches`, NONE for no branch.
    pub branch: u32,
}

/// `YYYY-MM`, `YYYY-Qn` or `YYYY` as a range of days.
pub fn target_period(text: &str) -> Option<(Day, Day, Grain)> {
    let t = text.trim().to_ascii_uppercase();
    let year: i32 = t.get(0..4)?.parse().ok()?;
    let (from, months, grain) = match t.len() {
        4 => (NaiveDate::from_ymd_opt(year, 1, 1)?, 12, Grain::Year),
        7 if t.as_bytes()[5] == b'Q' => {
            let q: u32 = t[6..].parse().ok().filter(|q| (1..=4).contains(q))?;
            (
                NaiveDate::from_ymd_opt(year, q * 3 - 2, 1)?,
                3,
                Grain::Quarter,
            )
        }
        7 if t.as_bytes()[4] == b'-' => {
            let m: u32 = t[5..].parse().ok()?;
            (NaiveDate::from_ymd_opt(year, m, 1)?, 1, Grain::Month)
        }
        _ => return None,
    };
    let to = crate::metrics::period::add_months(from, months).pred_opt()?;
    Some((day_of(from), day_of(to), grain))
}

#[derive(Debug, Default)]
pub struct Expenses {
    /// The record's row id in its SQLite table, to read its other fields.
    pub id: Vec<i64>,
    pub date: Vec<Day>,
    /// marketing or sales (the categories CAC counts).
    pub acquisition: Vec<bool>,
    pub amount: Vec<i64>,
    /// The branch (outlet) in `Dataset::branches`, NONE for no branch.
    pub branch: Vec<u32>,
}

#[derive(Debug, Default)]
pub struct Csat {
    /// The record's row id in its SQLite table, to read its other fields.
    pub id: Vec<i64>,
    pub date: Vec<Day>,
    pub score: Vec<f64>,
    /// The branch (outlet) in `Dataset::branches`, NONE for no branch.
    pub branch: Vec<u32>,
}

#[derive(Debug, Default)]
pub struct Inquiries {
    /// The record's row id in its SQLite table, to read its other fields.
    pub id: Vec<i64>,
    pub received: Vec<Secs>,
    pub responded: Vec<Secs>,
    pub channel: Vec<u32>,
    /// The branch (outlet) in `Dataset::branches`, NONE for no branch.
    pub branch: Vec<u32>,
}

#[derive(Debug, Default)]
pub struct Subscriptions {
    /// The record's row id in its SQLite table, to read its other fields.
    pub id: Vec<i64>,
    pub start: Vec<Day>,
    /// NO_DAY when open-ended.
    pub end: Vec<Day>,
    pub monthly: Vec<i64>,
    /// The branch (outlet) in `Dataset::branches`, NONE for no branch.
    pub branch: Vec<u32>,
}

/// Which kinds the database has ever held; a metric of a kind never imported
/// is null rather than zero.
#[derive(Clone, Copy, Debug, Default)]
pub struct Present {
    pub orders: bool,
    pub order_lines: bool,
    pub leads: bool,
    pub deals: bool,
    pub deal_stages: bool,
    pub activities: bool,
    pub targets: bool,
    pub expenses: bool,
    pub csat: bool,
    pub inquiries: bool,
    pub subscriptions: bool,
    pub products: bool,
    pub settlements: bool,
}

impl Present {
    pub fn has(&self, kind: crate::store::Kind) -> bool {
        use crate::store::Kind;
        match kind {
            Kind::Orders => self.orders,
            Kind::OrderLines => self.order_lines,
            Kind::Leads => self.leads,
            Kind::Deals => self.deals,
            Kind::DealStages => self.deal_stages,
            Kind::Activities => self.activities,
            Kind::Targets => self.targets,
            Kind::Expenses => self.expenses,
            Kind::Csat => self.csat,
            Kind::Inquiries => self.inquiries,
            Kind::Subscriptions => self.subscriptions,
            Kind::Products => self.products,
            Kind::Settlements => self.settlements,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_periods() {
        let (f, t, g) = target_period("2024-02").unwrap();
        assert_eq!((t - f + 1, g), (29, Grain::Month));
        let (f, t, g) = target_period("2024-Q1").unwrap();
        assert_eq!((t - f + 1, g), (91, Grain::Quarter));
        let (f, t, g) = target_period("2024").unwrap();
        assert_eq!((t - f + 1, g), (366, Grain::Year));
        assert!(target_period("2024-13").is_none());
        assert!(target_period("24").is_none());
    }
}
