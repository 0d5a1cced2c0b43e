//! Every column the metrics need, read from SQLite once into compact arrays
//! (a struct of arrays per kind), so that any period is a binary search and a
//! scan over plain numbers.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use rusqlite::types::ValueRef;

use super::hash::FastMap;
use super::snapshot::{self, Cache};
use crate::store::settings;

/// A local date as days from the common era (chrono's day number).
pub type Day = i32;
/// A local date-time as seconds from the start of day 0.
pub type Secs = i64;

/// No interned name (an empty rep, channel, ...), and no customer.
pub const NONE: u32 = u32::MAX;
/// An absent date.
pub const NO_DAY: Day = Day::MAX;
/// An absent date-time.
pub const NO_SECS: Secs = Secs::MIN;

pub const SECS_PER_DAY: i64 = 86_400;

pub fn day_of(d: NaiveDate) -> Day {
    d.num_days_from_ce()
}

pub fn date_of(day: Day) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN)
}

pub fn day_of_secs(s: Secs) -> Day {
    s.div_euclid(SECS_PER_DAY) as Day
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
}

/// `YYYY-MM-DD`, possibly followed by a time (ignored).
pub fn parse_day(text: &[u8]) -> Option<Day> {
    if text.len() < 10 || text[4] != b'-' || text[7] != b'-' {
        return None;
    }
    let y = digits(&text[0..4])? as i32;
    let d = NaiveDate::from_ymd_opt(y, digits(&text[5..7])?, digits(&text[8..10])?)?;
    Some(day_of(d))
}

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` (wall clock; a date alone is
/// midnight, and anything after the seconds is ignored).
pub fn parse_secs(text: &[u8]) -> Option<Secs> {
    let day = parse_day(text)?;
    let mut secs = i64::from(day) * SECS_PER_DAY;
    if text.len() >= 16 && matches!(text[10], b'T' | b' ') && text[13] == b':' {
        let h = digits(&text[11..13])?;
        let m = digits(&text[14..16])?;
        let s = if text.len() >= 19 && text[16] == b':' {
            digits(&text[17..19])?
        } else {
            0
        };
        secs += i64::from(h * 3600 + m * 60 + s);
    }
    Some(secs)
}

/// White space collapsed, trimmed and case-folded: how free-text keys and
/// customer names are matched.
pub fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Interned free-text keys (rep, channel, ...): matched case-insensitively,
/// displayed as first seen.
#[derive(Debug, Default, Clone)]
pub struct Names {
    names: Vec<String>,
    by_key: FastMap<String, u32>,
    // Stored values are already in their display spelling, so the exact text
    // nearly always hits here and folding is skipped.
    by_raw: FastMap<Box<[u8]>, u32>,
}

impl Names {
    pub fn intern(&mut self, raw: &[u8]) -> u32 {
        if let Some(&id) = self.by_raw.get(raw) {
            return id;
        }
        let text = String::from_utf8_lossy(raw);
        let key = fold(&text);
        if key.is_empty() {
            return NONE;
        }
        let id = match self.by_key.get(&key) {
            Some(&id) => id,
            None => {
                let id = self.names.len() as u32;
                self.names.push(text.trim().to_string());
                self.by_key.insert(key, id);
                id
            }
        };
        self.by_raw.insert(raw.into(), id);
        id
    }

    fn intern_value(&mut self, v: ValueRef<'_>) -> u32 {
        match v {
            ValueRef::Text(t) => self.intern(t),
            _ => NONE,
        }
    }

    /// The id of a name as the user typed it, if known.
    pub fn find(&self, text: &str) -> Option<u32> {
        self.by_key.get(&fold(text)).copied()
    }

    /// Every name, by id.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Names interned in this order get these ids back.
    pub fn from_names(names: Vec<String>) -> Names {
        let mut n = Names::default();
        for name in &names {
            n.intern(name.as_bytes());
        }
        n
    }

    pub fn name(&self, id: u32) -> &str {
        self.names
            .get(id as usize)
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Every name in its display spelling, in order of first appearance.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Adds `other`'s names; returns, per id of `other`, the id here.
    fn merge(&mut self, other: &Names) -> Vec<u32> {
        other
            .names
            .iter()
            .map(|n| self.intern(n.as_bytes()))
            .collect()
    }
}

/// Rewrites interned ids through `map` (NONE stays NONE).
fn remap(ids: &mut [u32], map: &[u32]) {
    for id in ids {
        *id = map.get(*id as usize).copied().unwrap_or(NONE);
    }
}

/// Customer keys: the trimmed customer_id, else the normalised name; an id key
/// and a name key are never merged, so they live in separate maps.
#[derive(Debug, Default)]
struct CustomerKeys {
    by_id: FastMap<Box<[u8]>, u32>,
    by_name: FastMap<String, u32>,
    count: u32,
}

impl CustomerKeys {
    fn key(&mut self, id: ValueRef<'_>, name: ValueRef<'_>) -> u32 {
        let mut next = || {
            self.count += 1;
            self.count - 1
        };
        if let ValueRef::Text(id) = id {
            let id = id.trim_ascii();
            if !id.is_empty() {
                if let Some(&c) = self.by_id.get(id) {
                    return c;
                }
                let c = next();
                self.by_id.insert(id.into(), c);
                return c;
            }
        }
        if let ValueRef::Text(name) = name {
            let key = fold(&String::from_utf8_lossy(name));
            if !key.is_empty() {
                if let Some(&c) = self.by_name.get(&key) {
                    return c;
                }
                let c = next();
                self.by_name.insert(key, c);
                return c;
            }
        }
        NONE
    }
}

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
    pub date: Vec<Day>,
    pub paid: Vec<bool>,
    pub total: Vec<i64>,
    pub customer: Vec<u32>,
    pub rep: Vec<u32>,
    pub channel: Vec<u32>,
    pub line_start: Vec<u32>,
    pub line_product: Vec<u32>,
    pub line_qty: Vec<f64>,
    pub line_total: Vec<i64>,
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
}

#[derive(Debug, Default)]
pub struct Leads {
    pub created: Vec<Secs>,
    pub source: Vec<u32>,
    pub rep: Vec<u32>,
    pub first_response: Vec<Secs>,
    pub converted: Vec<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DealStatus {
    Open,
    Won,
    Lost,
}

#[derive(Debug, Default)]
pub struct Deals {
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
    pub date: Vec<Day>,
    pub rep: Vec<u32>,
    pub kind: Vec<u32>,
    pub minutes: Vec<f64>,
    pub count: Vec<i64>,
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
    let to = super::period::add_months(from, months).pred_opt()?;
    Some((day_of(from), day_of(to), grain))
}

#[derive(Debug, Default)]
pub struct Expenses {
    pub date: Vec<Day>,
    /// marketing or sales (the categories CAC counts).
    pub acquisition: Vec<bool>,
    pub amount: Vec<i64>,
}

#[derive(Debug, Default)]
pub struct Csat {
    pub date: Vec<Day>,
    pub score: Vec<f64>,
}

#[derive(Debug, Default)]
pub struct Inquiries {
    pub received: Vec<Secs>,
    pub responded: Vec<Secs>,
    pub channel: Vec<u32>,
}

#[derive(Debug, Default)]
pub struct Subscriptions {
    pub start: Vec<Day>,
    /// NO_DAY when open-ended.
    pub end: Vec<Day>,
    pub monthly: Vec<i64>,
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
        }
    }
}

/// Facts about customers and their paid orders over all the data, for the
/// metrics that look beyond P (new customers, CLV, upsell).
#[derive(Debug, Default, Clone)]
pub struct CustomerIndex {
    /// First paid order date per customer (NO_DAY: none).
    pub first_paid: Vec<Day>,
    /// First paid order dates, sorted: customers acquired up to a day is a search.
    pub first_paid_sorted: Vec<Day>,
    /// Per order: it is its customer's first paid order with its rep.
    pub first_with_rep: Vec<bool>,
    /// Per order: it has a product its customer never bought before.
    pub new_product: Vec<bool>,
}

impl CustomerIndex {
    /// Built from the paid orders `keep` accepts; `reps` and `products` are
    /// the numbers of interned names.
    pub fn build(
        orders: &Orders,
        customers: usize,
        reps: usize,
        products: usize,
        keep: impl Fn(usize) -> bool,
    ) -> CustomerIndex {
        let n = orders.len();
        let kept: Vec<u32> = (0..n)
            .filter(|&i| orders.paid[i] && orders.customer[i] != NONE && keep(i))
            .map(|i| i as u32)
            .collect();
        // Each customer's orders, in date order (a counting sort keeps it).
        let mut start = vec![0u32; customers + 1];
        for &i in &kept {
            start[orders.customer[i as usize] as usize + 1] += 1;
        }
        for c in 0..customers {
            start[c + 1] += start[c];
        }
        let mut fill = start.clone();
        let mut by_customer = vec![0u32; kept.len()];
        for &i in &kept {
            let c = orders.customer[i as usize] as usize;
            by_customer[fill[c] as usize] = i;
            fill[c] += 1;
        }
        drop((kept, fill));
        let mut first_paid = vec![NO_DAY; customers];
        let mut first_with_rep = vec![false; n];
        let mut new_product = vec![false; n];
        // Which customer last bought each rep / product: a check per line
        // without a set per customer.
        let mut rep_seen = vec![NONE; reps];
        let mut product_seen = vec![NONE; products];
        for c in 0..customers {
            for &i in &by_customer[start[c] as usize..start[c + 1] as usize] {
                let i = i as usize;
                if first_paid[c] == NO_DAY {
                    first_paid[c] = orders.date[i];
                }
                let c = c as u32;
                first_with_rep[i] = first_sighting(rep_seen.get_mut(orders.rep[i] as usize), c);
                for l in orders.lines(i) {
                    let slot = product_seen.get_mut(orders.line_product[l] as usize);
                    new_product[i] |= first_sighting(slot, c);
                }
            }
        }
        let mut first_paid_sorted: Vec<Day> = first_paid
            .iter()
            .copied()
            .filter(|&d| d != NO_DAY)
            .collect();
        first_paid_sorted.sort_unstable();
        CustomerIndex {
            first_paid,
            first_paid_sorted,
            first_with_rep,
            new_product,
        }
    }
}

/// Records that customer `c` has met this rep or product (`slot`); true the
/// first time. A record without one (no slot) is never a first.
fn first_sighting(slot: Option<&mut u32>, c: u32) -> bool {
    match slot {
        Some(seen) if *seen != c => {
            *seen = c;
            true
        }
        _ => false,
    }
}

/// All the data the metrics read.
#[derive(Debug, Default)]
pub struct Dataset {
    pub currency: String,
    /// Pipeline stage names in the business's order, and the user's own win
    /// probability per stage.
    pub stages: Vec<String>,
    pub stage_probability: Vec<Option<f64>>,
    pub reps: Names,
    pub channels: Names,
    pub sources: Names,
    pub products: Names,
    pub activity_types: Names,
    pub customers: usize,
    pub orders: Orders,
    pub leads: Leads,
    pub deals: Deals,
    pub activities: Activities,
    pub targets: Vec<Target>,
    pub expenses: Expenses,
    pub csat: Csat,
    pub inquiries: Inquiries,
    pub subscriptions: Subscriptions,
    pub present: Present,
    pub customer_index: CustomerIndex,
}

fn text(v: ValueRef<'_>) -> &[u8] {
    match v {
        ValueRef::Text(t) => t,
        _ => b"",
    }
}

fn int(v: ValueRef<'_>) -> Option<i64> {
    match v {
        ValueRef::Integer(i) => Some(i),
        ValueRef::Real(f) => Some(f.round() as i64),
        _ => None,
    }
}

fn real(v: ValueRef<'_>) -> Option<f64> {
    match v {
        ValueRef::Integer(i) => Some(i as f64),
        ValueRef::Real(f) => Some(f),
        _ => None,
    }
}

fn secs_or_none(v: ValueRef<'_>) -> Secs {
    parse_secs(text(v)).unwrap_or(NO_SECS)
}

/// Runs `sql` and hands each row to `f`.
fn each_row(
    conn: &Connection,
    sql: &str,
    mut f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<()>,
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        f(row)?;
    }
    Ok(())
}

/// The permutation that sorts `keys` (stable, so ties keep table order), or
/// none when they are sorted already, as exports usually are.
fn sort_order<K: Ord + Copy>(keys: &[K]) -> Option<Vec<u32>> {
    if keys.is_sorted() {
        return None;
    }
    let mut order: Vec<u32> = (0..keys.len() as u32).collect();
    order.sort_by_key(|&i| keys[i as usize]);
    Some(order)
}

/// Puts a column in the sorted order, one column copied at a time.
fn permute<T: Copy>(v: &mut Vec<T>, order: Option<&[u32]>) {
    if let Some(order) = order {
        *v = order.iter().map(|&i| v[i as usize]).collect();
    }
}

/// The kinds loaded beside the orders, on a second connection and thread.
#[derive(Default)]
struct Others {
    reps: Names,
    channels: Names,
    sources: Names,
    activity_types: Names,
    leads: Leads,
    deals: Deals,
    activities: Activities,
    targets: Vec<Target>,
    expenses: Expenses,
    csat: Csat,
    inquiries: Inquiries,
    subscriptions: Subscriptions,
}

impl Dataset {
    /// Reads everything the metrics need: from the column cache in the
    /// user's cache folder when it holds this very revision of the database
    /// (see [`snapshot`]), else from SQLite, and then, for a large database,
    /// writes the cache for the next time.
    pub fn load(conn: &Connection) -> anyhow::Result<Dataset> {
        Dataset::load_with(conn, Cache::user().as_ref())
    }

    /// Like [`Dataset::load`], with the cache files in `cache` (none: from
    /// SQLite only).
    pub fn load_with(conn: &Connection, cache: Option<&Cache>) -> anyhow::Result<Dataset> {
        let db = conn
            .path()
            .filter(|p| !p.is_empty())
            .map(std::path::PathBuf::from);
        // Inside the caller's transaction the data may not be what is
        // committed (the second connection sees only that): no cache.
        let (Some(cache), Some(db)) = (cache, db.filter(|_| conn.is_autocommit())) else {
            return Ok(Dataset::read_sqlite(conn)?.0);
        };
        // One read transaction, so that the revision is that of the data read.
        conn.execute_batch("BEGIN")?;
        let read = (|| -> anyhow::Result<(Dataset, Option<snapshot::Revision>)> {
            let revision = snapshot::revision(conn);
            if let Some(revision) = revision
                && let Some(ds) = cache.read(&db, revision, Dataset::with_settings(conn)?)
            {
                return Ok((ds, None));
            }
            let (ds, others_saw) = Dataset::read_sqlite(conn)?;
            // Written only when both connections read the same revision.
            Ok((ds, revision.filter(|r| others_saw == Some(*r))))
        })();
        conn.execute_batch("COMMIT")?;
        let (mut ds, fresh) = read?;
        if let Some(revision) = fresh
            && ds.rows() >= cache.min_rows
        {
            // A cache that cannot be written only makes the next load slower.
            let _ = cache.write(&db, revision, &mut ds);
        }
        Ok(ds)
    }

    /// The rows loaded, all kinds together.
    fn rows(&self) -> usize {
        self.orders.len()
            + self.orders.line_product.len()
            + self.leads.created.len()
            + self.deals.len()
            + self.deals.hist_stage.len()
            + self.activities.date.len()
            + self.targets.len()
            + self.expenses.date.len()
            + self.csat.date.len()
            + self.inquiries.received.len()
            + self.subscriptions.start.len()
    }

    /// A dataset with the settings and which kinds are present, and no rows.
    pub(crate) fn with_settings(conn: &Connection) -> anyhow::Result<Dataset> {
        let settings = settings::load(conn)?;
        Ok(Dataset {
            currency: settings.currency.clone(),
            stage_probability: settings
                .pipeline_stages
                .iter()
                .map(|s| s.win_probability)
                .collect(),
            stages: settings
                .pipeline_stages
                .into_iter()
                .map(|s| s.name)
                .collect(),
            present: load_present(conn)?,
            ..Dataset::default()
        })
    }

    /// Reads everything from SQLite. When the database is a file, the orders
    /// and the other kinds are read at the same time on two connections; the
    /// second one's data revision is returned.
    fn read_sqlite(conn: &Connection) -> anyhow::Result<(Dataset, Option<snapshot::Revision>)> {
        let mut ds = Dataset::with_settings(conn)?;
        let stages = ds.stages.clone();
        let path = conn
            .path()
            .filter(|p| !p.is_empty())
            .map(std::path::PathBuf::from);
        let (others, revision) = match path {
            Some(path) => std::thread::scope(|scope| {
                let others = scope.spawn(|| -> anyhow::Result<_> {
                    let second = Connection::open_with_flags(
                        &path,
                        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
                    )?;
                    second.execute_batch("BEGIN")?;
                    let revision = snapshot::revision(&second);
                    Ok((load_others(&second, &stages)?, revision))
                });
                load_orders(conn, &mut ds)?;
                others
                    .join()
                    .map_err(|_| anyhow::anyhow!("loading the data failed"))?
            })?,
            None => {
                load_orders(conn, &mut ds)?;
                (load_others(conn, &stages)?, None)
            }
        };
        ds.merge(others);
        Ok((ds, revision))
    }

    /// Takes in the other kinds, their names renumbered into the dataset's.
    fn merge(&mut self, mut o: Others) {
        let reps = self.reps.merge(&o.reps);
        remap(&mut o.leads.rep, &reps);
        remap(&mut o.deals.rep, &reps);
        remap(&mut o.activities.rep, &reps);
        for t in &mut o.targets {
            t.rep = reps.get(t.rep as usize).copied().unwrap_or(NONE);
        }
        let channels = self.channels.merge(&o.channels);
        remap(&mut o.inquiries.channel, &channels);
        self.sources = o.sources;
        self.activity_types = o.activity_types;
        self.leads = o.leads;
        self.deals = o.deals;
        self.activities = o.activities;
        self.targets = o.targets;
        self.expenses = o.expenses;
        self.csat = o.csat;
        self.inquiries = o.inquiries;
        self.subscriptions = o.subscriptions;
    }
}

/// The pipeline index of a stage name, if it is one of the pipeline's.
fn stage_index(stages: &[String], name: &[u8]) -> u32 {
    let key = fold(&String::from_utf8_lossy(name));
    stages
        .iter()
        .position(|s| fold(s) == key)
        .map_or(NONE, |i| i as u32)
}

fn load_others(conn: &Connection, stages: &[String]) -> rusqlite::Result<Others> {
    let mut o = Others::default();
    let deals_of_lead = load_deals(conn, &mut o, stages)?;
    load_leads(conn, &mut o, &deals_of_lead)?;
    load_small_kinds(conn, &mut o)?;
    Ok(o)
}

fn load_present(conn: &Connection) -> rusqlite::Result<Present> {
    let mut batches: Vec<String> = Vec::new();
    each_row(conn, "SELECT DISTINCT kind FROM import_batches", |r| {
        batches.push(r.get(0)?);
        Ok(())
    })?;
    let has = |table: &str| -> rusqlite::Result<bool> {
        if batches.iter().any(|k| k == table) {
            return Ok(true);
        }
        conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table})"), [], |r| {
            r.get(0)
        })
    };
    Ok(Present {
        orders: has("orders")?,
        order_lines: has("order_lines")?,
        leads: has("leads")?,
        deals: has("deals")?,
        deal_stages: has("deal_stages")?,
        activities: has("activities")?,
        targets: has("targets")?,
        expenses: has("expenses")?,
        csat: has("csat")?,
        inquiries: has("inquiries")?,
        subscriptions: has("subscriptions")?,
    })
}

/// The order ids in table order, in one buffer (a million small allocations
/// cost more than reading them).
#[derive(Default)]
struct OrderIds {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl OrderIds {
    fn push(&mut self, id: &[u8]) {
        self.bytes.extend_from_slice(id);
        self.ends.push(self.bytes.len());
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }
}

/// Finds the order of each line. Lines usually come in the order of their
/// orders, so the order of the previous line and the next one are tried
/// before a hash map, which is only built when that fails.
struct OrderFinder<'a> {
    ids: &'a OrderIds,
    /// One past the order of the previous line.
    cursor: usize,
    index: Option<FastMap<&'a [u8], usize>>,
}

impl<'a> OrderFinder<'a> {
    fn new(ids: &'a OrderIds) -> Self {
        OrderFinder {
            ids,
            cursor: 0,
            index: None,
        }
    }

    /// The table index of the order with this id.
    fn find(&mut self, id: &[u8]) -> Option<usize> {
        let ids = self.ids;
        let found = if self.cursor > 0 && ids.get(self.cursor - 1) == id {
            Some(self.cursor - 1)
        } else if self.cursor < ids.len() && ids.get(self.cursor) == id {
            Some(self.cursor)
        } else {
            let index = self
                .index
                .get_or_insert_with(|| (0..ids.len()).map(|i| (ids.get(i), i)).collect());
            index.get(id).copied()
        }?;
        self.cursor = found + 1;
        Some(found)
    }
}

fn load_orders(conn: &Connection, ds: &mut Dataset) -> rusqlite::Result<()> {
    let mut customers = CustomerKeys::default();
    let mut o = Orders::default();
    let mut order_ids = OrderIds::default();
    let mut totals: Vec<Option<i64>> = Vec::new();
    each_row(
        conn,
        "SELECT order_id, date, customer_id, customer_name, rep, channel, status, total_minor FROM orders",
        |r| {
            let Some(day) = parse_day(text(r.get_ref(1)?)) else {
                return Ok(());
            };
            order_ids.push(text(r.get_ref(0)?));
            o.date.push(day);
            o.customer.push(customers.key(r.get_ref(2)?, r.get_ref(3)?));
            o.rep.push(ds.reps.intern_value(r.get_ref(4)?));
            o.channel.push(ds.channels.intern_value(r.get_ref(5)?));
            // Anything but the three unpaid statuses is paid (fine print).
            o.paid.push(!matches!(
                text(r.get_ref(6)?),
                b"unpaid" | b"refunded" | b"cancelled"
            ));
            totals.push(int(r.get_ref(7)?));
            Ok(())
        },
    )?;
    let order = sort_order(&o.date);
    let order = order.as_deref();
    permute(&mut o.date, order);
    permute(&mut o.customer, order);
    permute(&mut o.rep, order);
    permute(&mut o.channel, order);
    permute(&mut o.paid, order);
    permute(&mut totals, order);
    // Where each order (in table order) went in date order.
    let sorted_position: Option<Vec<u32>> = order.map(|order| {
        let mut inverse = vec![0u32; order.len()];
        for (pos, &i) in order.iter().enumerate() {
            inverse[i as usize] = pos as u32;
        }
        inverse
    });
    let mut line_order: Vec<u32> = Vec::new();
    let (mut product, mut qty, mut total) = (Vec::new(), Vec::new(), Vec::new());
    let mut finder = OrderFinder::new(&order_ids);
    each_row(
        conn,
        "SELECT order_id, product, quantity, unit_price_minor, line_total_minor FROM order_lines",
        |r| {
            let Some(i) = finder.find(text(r.get_ref(0)?)) else {
                return Ok(());
            };
            let pos = sorted_position.as_ref().map_or(i as u32, |p| p[i]);
            let q = real(r.get_ref(2)?);
            let price = int(r.get_ref(3)?);
            let line_total =
                int(r.get_ref(4)?).or_else(|| Some((q? * price? as f64).round() as i64));
            line_order.push(pos);
            product.push(ds.products.intern_value(r.get_ref(1)?));
            qty.push(q.unwrap_or(0.0));
            total.push(line_total.unwrap_or(0));
            Ok(())
        },
    )?;
    drop(finder);
    drop(order_ids);
    // Group lines by order (a stable sort keeps each order's lines in table order).
    let n = o.date.len();
    let mut start = vec![0u32; n + 1];
    for &p in &line_order {
        start[p as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let grouping = sort_order(&line_order);
    drop(line_order);
    let grouping = grouping.as_deref();
    permute(&mut product, grouping);
    permute(&mut qty, grouping);
    permute(&mut total, grouping);
    o.line_product = product;
    o.line_qty = qty;
    o.line_total = total;
    o.line_start = start;
    // An order without a total is worth the sum of its lines.
    o.total = (0..n)
        .map(|i| totals[i].unwrap_or_else(|| o.lines(i).map(|l| o.line_total[l]).sum()))
        .collect();
    ds.orders = o;
    ds.customers = customers.count as usize;
    // Built here, on the orders' thread, while the other kinds still load.
    ds.customer_index = CustomerIndex::build(
        &ds.orders,
        ds.customers,
        ds.reps.len(),
        ds.products.len(),
        |_| true,
    );
    Ok(())
}

/// Loads leads, and gives each deal that came from a lead that lead's source.
fn load_leads(
    conn: &Connection,
    ds: &mut Others,
    deals_of_lead: &FastMap<Box<[u8]>, Vec<u32>>,
) -> rusqlite::Result<()> {
    let mut l = Leads::default();
    each_row(
        conn,
        "SELECT lead_id, created_at, source, rep, first_response_at, status, converted_at FROM leads",
        |r| {
            let Some(created) = parse_secs(text(r.get_ref(1)?)) else {
                return Ok(());
            };
            let source = ds.sources.intern_value(r.get_ref(2)?);
            let lead_id = text(r.get_ref(0)?).trim_ascii();
            if let Some(deals) = deals_of_lead.get(lead_id).filter(|_| source != NONE) {
                for &d in deals {
                    ds.deals.source[d as usize] = source;
                }
            }
            l.created.push(created);
            l.source.push(source);
            l.rep.push(ds.reps.intern_value(r.get_ref(3)?));
            l.first_response.push(secs_or_none(r.get_ref(4)?));
            let converted_at = !text(r.get_ref(6)?).trim_ascii().is_empty();
            l.converted.push(
                converted_at
                    || text(r.get_ref(5)?)
                        .trim_ascii()
                        .eq_ignore_ascii_case(b"converted"),
            );
            Ok(())
        },
    )?;
    ds.leads = l;
    Ok(())
}

/// Loads deals and their stage history; returns the deals of each lead id,
/// for the leads to give them their source.
fn load_deals(
    conn: &Connection,
    ds: &mut Others,
    stages: &[String],
) -> rusqlite::Result<FastMap<Box<[u8]>, Vec<u32>>> {
    let mut deals_of_lead: FastMap<Box<[u8]>, Vec<u32>> = FastMap::default();
    let mut d = Deals::default();
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut rows = Vec::new();
    each_row(
        conn,
        "SELECT deal_id, rep, created_at, stage, status, value_minor, closed_at, close_value_minor, lead_id FROM deals",
        |r| {
            rows.push((
                String::from_utf8_lossy(text(r.get_ref(0)?))
                    .trim()
                    .to_string(),
                ds.reps.intern_value(r.get_ref(1)?),
                secs_or_none(r.get_ref(2)?),
                text(r.get_ref(3)?).to_vec(),
                match text(r.get_ref(4)?) {
                    b"won" => DealStatus::Won,
                    b"lost" => DealStatus::Lost,
                    _ => DealStatus::Open,
                },
                int(r.get_ref(5)?),
                secs_or_none(r.get_ref(6)?),
                int(r.get_ref(7)?),
                text(r.get_ref(8)?).trim_ascii().to_vec(),
            ));
            Ok(())
        },
    )?;
    for (i, (id, rep, created, stage, status, value, closed, close_value, lead)) in
        rows.into_iter().enumerate()
    {
        index.insert(id, i as u32);
        d.rep.push(rep);
        d.created.push(created);
        d.stage.push(stage_index(stages, &stage));
        d.status.push(status);
        d.value.push(value.unwrap_or(0));
        d.closed.push(closed);
        d.close_value.push(close_value);
        d.source.push(NONE);
        if !lead.is_empty() {
            deals_of_lead.entry(lead.into()).or_default().push(i as u32);
        }
    }
    let mut hist: Vec<(u32, Secs, u32)> = Vec::new();
    each_row(
        conn,
        "SELECT deal_id, stage, entered_at FROM deal_stages",
        |r| {
            let deal = String::from_utf8_lossy(text(r.get_ref(0)?));
            let Some(&deal) = index.get(deal.trim()) else {
                return Ok(());
            };
            let stage = stage_index(stages, text(r.get_ref(1)?));
            let at = secs_or_none(r.get_ref(2)?);
            if stage != NONE && at != NO_SECS {
                hist.push((deal, at, stage));
            }
            Ok(())
        },
    )?;
    hist.sort_unstable();
    let n = d.status.len();
    d.hist_start = vec![0; n + 1];
    for &(deal, _, _) in &hist {
        d.hist_start[deal as usize + 1] += 1;
    }
    for i in 0..n {
        d.hist_start[i + 1] += d.hist_start[i];
    }
    d.hist_stage = hist.iter().map(|h| h.2).collect();
    d.hist_at = hist.iter().map(|h| h.1).collect();
    let last_stage = stages.len() as i32 - 1;
    d.reach = (0..n)
        .map(|i| {
            let history = d.hist_start[i] as usize..d.hist_start[i + 1] as usize;
            if d.status[i] == DealStatus::Won {
                last_stage
            } else if !history.is_empty() {
                d.hist_stage[history]
                    .iter()
                    .map(|&s| s as i32)
                    .max()
                    .unwrap_or(-1)
            } else if d.stage[i] != NONE {
                d.stage[i] as i32
            } else if d.status[i] == DealStatus::Lost {
                0.min(last_stage)
            } else {
                -1
            }
        })
        .collect();
    ds.deals = d;
    Ok(deals_of_lead)
}

fn load_small_kinds(conn: &Connection, ds: &mut Others) -> rusqlite::Result<()> {
    let mut a = Activities::default();
    each_row(
        conn,
        "SELECT date, rep, type, duration_minutes, count FROM activities",
        |r| {
            let Some(day) = parse_day(text(r.get_ref(0)?)) else {
                return Ok(());
            };
            a.date.push(day);
            a.rep.push(ds.reps.intern_value(r.get_ref(1)?));
            a.kind.push(ds.activity_types.intern_value(r.get_ref(2)?));
            a.minutes.push(real(r.get_ref(3)?).unwrap_or(0.0));
            a.count.push(int(r.get_ref(4)?).unwrap_or(0));
            Ok(())
        },
    )?;
    let order = sort_order(&a.date);
    let order = order.as_deref();
    permute(&mut a.date, order);
    permute(&mut a.rep, order);
    permute(&mut a.kind, order);
    permute(&mut a.minutes, order);
    permute(&mut a.count, order);
    ds.activities = a;

    each_row(
        conn,
        "SELECT period, rep, metric, target_minor FROM targets",
        |r| {
            let period = String::from_utf8_lossy(text(r.get_ref(0)?)).to_string();
            let metric = match text(r.get_ref(2)?) {
                b"revenue" => TargetMetric::Revenue,
                b"deals_won" => TargetMetric::DealsWon,
                b"new_customers" => TargetMetric::NewCustomers,
                b"activities" => TargetMetric::Activities,
                _ => return Ok(()),
            };
            if let (Some((from, to, grain)), Some(target_minor)) =
                (target_period(&period), int(r.get_ref(3)?))
            {
                ds.targets.push(Target {
                    from,
                    to,
                    grain,
                    rep: ds.reps.intern_value(r.get_ref(1)?),
                    metric,
                    target_minor,
                });
            }
            Ok(())
        },
    )?;

    let e = &mut ds.expenses;
    each_row(
        conn,
        "SELECT date, category, amount_minor FROM expenses",
        |r| {
            if let Some(day) = parse_day(text(r.get_ref(0)?)) {
                e.date.push(day);
                e.acquisition
                    .push(matches!(text(r.get_ref(1)?), b"marketing" | b"sales"));
                e.amount.push(int(r.get_ref(2)?).unwrap_or(0));
            }
            Ok(())
        },
    )?;

    let c = &mut ds.csat;
    each_row(conn, "SELECT date, score FROM csat", |r| {
        if let (Some(day), Some(score)) = (parse_day(text(r.get_ref(0)?)), real(r.get_ref(1)?)) {
            c.date.push(day);
            c.score.push(score);
        }
        Ok(())
    })?;

    let q = &mut ds.inquiries;
    let channels = &mut ds.channels;
    each_row(
        conn,
        "SELECT received_at, responded_at, channel FROM inquiries",
        |r| {
            if let Some(received) = parse_secs(text(r.get_ref(0)?)) {
                q.received.push(received);
                q.responded.push(secs_or_none(r.get_ref(1)?));
                q.channel.push(channels.intern_value(r.get_ref(2)?));
            }
            Ok(())
        },
    )?;

    let s = &mut ds.subscriptions;
    each_row(
        conn,
        "SELECT start_date, end_date, monthly_amount_minor FROM subscriptions",
        |r| {
            if let Some(start) = parse_day(text(r.get_ref(0)?)) {
                s.start.push(start);
                s.end.push(parse_day(text(r.get_ref(1)?)).unwrap_or(NO_DAY));
                s.monthly.push(int(r.get_ref(2)?).unwrap_or(0));
            }
            Ok(())
        },
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_parse_by_their_wall_clock() {
        let d = parse_day(b"2024-02-29").unwrap();
        assert_eq!(date_of(d), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        assert_eq!(parse_day(b"2023-02-29"), None);
        assert_eq!(parse_day(b"garbage!!!"), None);
        let s = parse_secs(b"2024-02-29T23:30:15").unwrap();
        assert_eq!(s - i64::from(d) * SECS_PER_DAY, 23 * 3600 + 30 * 60 + 15);
        assert_eq!(day_of_secs(s), d);
        assert_eq!(
            parse_secs(b"2024-02-29").unwrap(),
            i64::from(d) * SECS_PER_DAY
        );
        // An offset is not applied.
        assert_eq!(parse_secs(b"2024-02-29T23:30:15+07:00").unwrap(), s);
    }

    #[test]
    fn names_match_case_insensitively_and_show_first_spelling() {
        let mut n = Names::default();
        let a = n.intern(b"Sari Dewi");
        assert_eq!(n.intern(b"  sari   DEWI "), a);
        assert_eq!(n.name(a), "Sari Dewi");
        assert_eq!(n.intern(b"   "), NONE);
        assert_eq!(n.find("SARI dewi"), Some(a));
        assert_eq!(n.find("Budi"), None);
    }

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
