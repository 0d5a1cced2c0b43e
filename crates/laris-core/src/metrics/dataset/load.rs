//! Reading the columns: from SQLite, orders on one connection and thread
//! and every other kind on a second; from PostgreSQL, all on one connection
//! in one snapshot. Both fill the same arrays through [`Source`] and [`Row`],
//! so what is loaded, and how, is said once.

use std::collections::HashMap;

use rusqlite::Connection;
use rusqlite::types::ValueRef;

use super::*;
use crate::store::pg::copy::{CopyError, CopyRow};
use crate::util::FastMap;

pub(super) fn int(v: ValueRef<'_>) -> Option<i64> {
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

/// A row of a query, read by column position. A value of another type
/// than asked for reads as none, as SQLite's loose typing demands of the
/// loaders anyway.
pub(crate) trait Row {
    /// The column's text; None for NULL or a value that is not text.
    fn text_value(&self, i: usize) -> Option<&[u8]>;
    /// A whole number (a real is rounded, as SQLite would give it).
    fn int(&self, i: usize) -> Option<i64>;
    fn real(&self, i: usize) -> Option<f64>;

    /// The column's text, empty when it has none.
    fn text(&self, i: usize) -> &[u8] {
        self.text_value(i).unwrap_or(b"")
    }

    /// A row id, which is never NULL.
    fn id(&self, i: usize) -> i64 {
        self.int(i).unwrap_or(0)
    }

    fn secs_or_none(&self, i: usize) -> Secs {
        iso_secs(self.text(i)).unwrap_or(NO_SECS)
    }
}

impl Row for rusqlite::Row<'_> {
    fn text_value(&self, i: usize) -> Option<&[u8]> {
        match self.get_ref(i) {
            Ok(ValueRef::Text(t)) => Some(t),
            _ => None,
        }
    }

    fn int(&self, i: usize) -> Option<i64> {
        self.get_ref(i).ok().and_then(int)
    }

    fn real(&self, i: usize) -> Option<f64> {
        self.get_ref(i).ok().and_then(real)
    }
}

/// Where the rows come from: a query (one of the constants here, never
/// user text) and a function called with each row in turn.
pub(crate) trait Source {
    type Error: std::error::Error + Send + Sync + 'static;
    type Row<'r>: Row;

    fn each_row(
        &self,
        sql: &str,
        f: impl FnMut(&Self::Row<'_>) -> Result<(), Self::Error>,
    ) -> Result<(), Self::Error>;
}

impl Source for Connection {
    type Error = rusqlite::Error;
    type Row<'r> = rusqlite::Row<'r>;

    fn each_row(
        &self,
        sql: &str,
        f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<()>,
    ) -> rusqlite::Result<()> {
        each_row(self, sql, f)
    }
}

/// Runs `sql` and hands each row to `f`.
pub(super) fn each_row(
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
pub(super) struct Others {
    pub(super) reps: Names,
    pub(super) channels: Names,
    pub(super) sources: Names,
    pub(super) branches: Names,
    pub(super) activity_types: Names,
    pub(super) leads: Leads,
    pub(super) deals: Deals,
    pub(super) activities: Activities,
    pub(super) targets: Vec<Target>,
    pub(super) expenses: Expenses,
    pub(super) csat: Csat,
    pub(super) inquiries: Inquiries,
    pub(super) subscriptions: Subscriptions,
}

/// The pipeline index of a stage name, if it is one of the pipeline's.
fn stage_index(stages: &[String], name: &[u8]) -> u32 {
    let key = fold(&String::from_utf8_lossy(name));
    stages
        .iter()
        .position(|s| fold(s) == key)
        .map_or(NONE, |i| i as u32)
}

/// `rep_aliases`: the names shown for CRM owner ids.
/// The kinds beside the orders, in the groups they are read in: a group
/// shares names only with the orders and the other groups through reps and
/// channels, so one can be read again alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Groups {
    /// Leads, deals and their stage history (and lead sources).
    pub(super) pipeline: bool,
    /// Activities (and their types).
    pub(super) activities: bool,
    /// Targets, expenses, CSAT scores, inquiries and subscriptions.
    pub(super) small: bool,
}

impl Groups {
    pub(super) const ALL: Groups = Groups {
        pipeline: true,
        activities: true,
        small: true,
    };

    /// The group of a kind; None for the orders and what belongs to them.
    pub(super) fn of(kind: crate::store::Kind) -> Option<Groups> {
        use crate::store::Kind::*;
        let none = Groups::default();
        match kind {
            Leads | Deals | DealStages => Some(Groups {
                pipeline: true,
                ..none
            }),
            Activities => Some(Groups {
                activities: true,
                ..none
            }),
            Targets | Expenses | Csat | Inquiries | Subscriptions => Some(Groups {
                small: true,
                ..none
            }),
            Orders | OrderLines | Products | Settlements => None,
        }
    }

    pub(super) fn add(&mut self, more: Groups) {
        self.pipeline |= more.pipeline;
        self.activities |= more.activities;
        self.small |= more.small;
    }

    pub(super) fn any(self) -> bool {
        self.pipeline || self.activities || self.small
    }
}

/// Reads the kinds of `groups` (the others stay empty).
pub(super) fn load_others<S: Source>(
    src: &S,
    stages: &[String],
    rep_aliases: FastMap<String, String>,
    groups: Groups,
) -> Result<Others, S::Error> {
    let mut o = Others {
        reps: Names::with_aliases(rep_aliases),
        ..Others::default()
    };
    if groups.pipeline {
        let deals_of_lead = load_deals(src, &mut o, stages)?;
        load_leads(src, &mut o, &deals_of_lead)?;
    }
    if groups.activities {
        load_activities(src, &mut o)?;
    }
    if groups.small {
        load_small_kinds(src, &mut o)?;
    }
    Ok(o)
}

pub(super) fn load_present<S: Source>(src: &S) -> Result<Present, S::Error> {
    let mut batches: Vec<Vec<u8>> = Vec::new();
    src.each_row("SELECT DISTINCT kind FROM import_batches", |r| {
        batches.push(r.text(0).to_vec());
        Ok(())
    })?;
    // `table` is one of the constants below, never user text.
    let has = |table: &str| -> Result<bool, S::Error> {
        if batches.iter().any(|k| k == table.as_bytes()) {
            return Ok(true);
        }
        let mut any = false;
        src.each_row(&format!("SELECT 1 FROM {table} LIMIT 1"), |_| {
            any = true;
            Ok(())
        })?;
        Ok(any)
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
        products: has("products")?,
        settlements: has("settlements")?,
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
    /// Adds an order by its [`branch_key`].
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

/// An id as it is unique within the database: with its record's branch in
/// front (the same order number in two branches is two orders). No branch
/// is the id alone, which spares the usual shop a copy per record; the
/// separator is a byte no id of an export holds.
pub(super) fn branch_key<'a>(branch: &[u8], id: &'a [u8]) -> std::borrow::Cow<'a, [u8]> {
    if branch.is_empty() {
        return std::borrow::Cow::Borrowed(id);
    }
    let mut key = Vec::with_capacity(branch.len() + 1 + id.len());
    key.extend_from_slice(branch);
    key.push(0);
    key.extend_from_slice(id);
    std::borrow::Cow::Owned(key)
}

/// The columns of an order as [`push_order`] reads them.
pub(super) const ORDER_COLUMNS: &str =
    "order_id, date, customer_id, customer_name, rep, channel, status, total_minor, id, branch";

/// The columns of an order line as [`read_line`] reads them, its order id
/// first and its branch last.
pub(super) const LINE_COLUMNS: &str =
    "order_id, product, quantity, unit_price_minor, line_total_minor, sku, branch";

/// Adds an order (a row of [`ORDER_COLUMNS`]) to the columns, its lines
/// aside; its total, None when it has none, goes to `totals`. Returns its
/// order id and branch, or None for a row without a valid date, which no
/// metric can place (and which is left out).
pub(super) fn push_order<'r, R: Row>(
    r: &'r R,
    o: &mut Orders,
    totals: &mut Vec<Option<i64>>,
    customers: &mut CustomerKeys,
    ds: &mut Dataset,
) -> Option<(&'r [u8], &'r [u8])> {
    let day = iso_day(r.text(1))?;
    o.id.push(r.id(8));
    o.date.push(day);
    o.customer
        .push(customers.key(r.text_value(2), r.text_value(3)));
    o.rep.push(ds.reps.intern_value(r.text_value(4)));
    o.channel.push(ds.channels.intern_value(r.text_value(5)));
    o.branch.push(ds.branches.intern_value(r.text_value(9)));
    // Anything but the three unpaid statuses is paid (fine print).
    let status = r.text(6);
    o.paid
        .push(!matches!(status, b"unpaid" | b"refunded" | b"cancelled"));
    o.refunded.push(status == b"refunded");
    totals.push(r.int(7));
    Some((r.text(0), r.text(9)))
}

/// An order line (a row of [`LINE_COLUMNS`]): product, quantity, total and
/// sku, the total worked out from quantity and unit price when it has none.
pub(super) fn read_line<R: Row>(r: &R, ds: &mut Dataset) -> (u32, f64, i64, u32) {
    let q = r.real(2);
    let price = r.int(3);
    let line_total = r
        .int(4)
        .or_else(|| Some((q? * price? as f64).round() as i64));
    (
        ds.products.intern_value(r.text_value(1)),
        q.unwrap_or(0.0),
        line_total.unwrap_or(0),
        ds.skus.intern_value(r.text_value(5)),
    )
}

pub(super) fn load_orders<S: Source>(src: &S, ds: &mut Dataset) -> Result<(), S::Error> {
    let mut customers = CustomerKeys::default();
    let mut o = Orders::default();
    let mut order_ids = OrderIds::default();
    let mut totals: Vec<Option<i64>> = Vec::new();
    src.each_row(
        &format!("SELECT {ORDER_COLUMNS} FROM orders ORDER BY id"),
        |r| {
            if let Some((id, branch)) = push_order(r, &mut o, &mut totals, &mut customers, ds) {
                order_ids.push(&branch_key(branch, id));
            }
            Ok(())
        },
    )?;
    let order = sort_order(&o.date);
    let order = order.as_deref();
    permute(&mut o.date, order);
    permute(&mut o.id, order);
    permute(&mut o.customer, order);
    permute(&mut o.rep, order);
    permute(&mut o.channel, order);
    permute(&mut o.branch, order);
    permute(&mut o.paid, order);
    permute(&mut o.refunded, order);
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
    let (mut product, mut qty, mut total, mut sku) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut finder = OrderFinder::new(&order_ids);
    src.each_row(
        &format!("SELECT {LINE_COLUMNS} FROM order_lines ORDER BY id"),
        |r| {
            let Some(i) = finder.find(&branch_key(r.text(6), r.text(0))) else {
                return Ok(());
            };
            let pos = sorted_position.as_ref().map_or(i as u32, |p| p[i]);
            let (p, q, t, s) = read_line(r, ds);
            line_order.push(pos);
            product.push(p);
            qty.push(q);
            total.push(t);
            sku.push(s);
            Ok(())
        },
    )?;
    drop(finder);
    let (fees, settled) = load_settlements(src, &order_ids, sorted_position.as_deref())?;
    o.fees = fees;
    o.settled = settled;
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
    permute(&mut sku, grouping);
    o.line_product = product;
    o.line_qty = qty;
    o.line_total = total;
    o.line_sku = sku;
    o.line_start = start;
    let costs = load_costs(src, ds)?;
    (o.line_cogs, o.line_costed) = costs.of_lines(&o);
    // An order without a total is worth the sum of its lines.
    o.total = (0..n)
        .map(|i| totals[i].unwrap_or_else(|| o.lines(i).map(|l| o.line_total[l]).sum()))
        .collect();
    ds.orders = o;
    ds.customers = customers.count as usize;
    ds.customer_keys = customers.lists();
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

/// Each order's settlement fees and whether it has one, by order in date
/// order (`sorted_position`: where each order in table order went).
fn load_settlements<S: Source>(
    src: &S,
    order_ids: &OrderIds,
    sorted_position: Option<&[u32]>,
) -> Result<(Vec<i64>, Vec<bool>), S::Error> {
    let n = order_ids.len();
    let (mut fees, mut settled) = (vec![0i64; n], vec![false; n]);
    let mut finder = OrderFinder::new(order_ids);
    src.each_row(
        "SELECT order_id, fees_minor, branch FROM settlements ORDER BY id",
        |r| {
            if let Some(i) = finder.find(&branch_key(r.text(2), r.text(0))) {
                let at = sorted_position.map_or(i, |p| p[i] as usize);
                fees[at] = r.int(1).unwrap_or(0);
                settled[at] = true;
            }
            Ok(())
        },
    )?;
    Ok((fees, settled))
}

/// The cost rows of the products, per branch and sku and per branch and
/// product name (ids in the dataset's names, NONE for no branch), each list
/// sorted by valid_from.
#[derive(Default)]
pub(super) struct Costs {
    by_sku: FastMap<(u32, u32), Vec<(Day, i64)>>,
    by_name: FastMap<(u32, u32), Vec<(Day, i64)>>,
}

/// Reads the products' cost rows. Only names and skus some line has are
/// kept: a cost of a product never sold is no line's.
pub(super) fn load_costs<S: Source>(src: &S, ds: &Dataset) -> Result<Costs, S::Error> {
    let mut costs = Costs::default();
    src.each_row(
        "SELECT sku, product, cost_minor, valid_from, branch FROM products ORDER BY id",
        |r| {
            let Some(cost) = r.int(2) else {
                return Ok(());
            };
            // An empty valid_from holds from the beginning.
            let from = iso_day(r.text(3)).unwrap_or(Day::MIN);
            let name = |names: &Names, at: usize| -> Result<Option<u32>, S::Error> {
                Ok(names.find(&String::from_utf8_lossy(r.text(at))))
            };
            // A branch no order has: its costs are no line's.
            let branch = match r.text(4) {
                b"" => NONE,
                _ => match name(&ds.branches, 4)? {
                    Some(b) => b,
                    None => return Ok(()),
                },
            };
            if let Some(id) = name(&ds.skus, 0)? {
                costs
                    .by_sku
                    .entry((branch, id))
                    .or_default()
                    .push((from, cost));
            }
            if let Some(id) = name(&ds.products, 1)? {
                costs
                    .by_name
                    .entry((branch, id))
                    .or_default()
                    .push((from, cost));
            }
            Ok(())
        },
    )?;
    for list in costs.by_sku.values_mut().chain(costs.by_name.values_mut()) {
        list.sort_by_key(|&(from, _)| from);
    }
    Ok(costs)
}

impl Costs {
    /// The unit cost valid on `day`: the row with the latest valid_from on
    /// or before it (profit.md).
    fn at(list: &[(Day, i64)], day: Day) -> Option<i64> {
        let valid = list.partition_point(|&(from, _)| from <= day);
        valid.checked_sub(1).map(|i| list[i].1)
    }

    /// Per line, its cost (quantity x unit cost, rounded to hundredths) and
    /// whether it has one. A line finds its product by sku when the cost
    /// sheet has that sku, else by product name.
    fn of_lines(&self, o: &Orders) -> (Vec<i64>, Vec<bool>) {
        let lines = o.line_product.len();
        let (mut cogs, mut costed) = (vec![0i64; lines], vec![false; lines]);
        for i in 0..o.len() {
            for l in o.lines(i) {
                if let Some(cost) = self.of_line(
                    o.branch[i],
                    o.line_sku[l],
                    o.line_product[l],
                    o.line_qty[l],
                    o.date[i],
                ) {
                    cogs[l] = cost;
                    costed[l] = true;
                }
            }
        }
        (cogs, costed)
    }

    /// The cost of one line of an order of `branch` and `day`, if its
    /// product has one: the branch's own cost rows first, else the shop's
    /// (no branch), which hold for every branch that has none of its own.
    pub(super) fn of_line(
        &self,
        branch: u32,
        sku: u32,
        product: u32,
        qty: f64,
        day: Day,
    ) -> Option<i64> {
        let of = |branch: u32| {
            self.by_sku
                .get(&(branch, sku))
                .or_else(|| self.by_name.get(&(branch, product)))
        };
        let list = match branch {
            NONE => of(NONE),
            _ => of(branch).or_else(|| of(NONE)),
        }?;
        Costs::at(list, day).map(|cost| (qty * cost as f64).round() as i64)
    }
}

/// The deals (their indexes) of each lead id.
type DealsOfLead = FastMap<Box<[u8]>, Vec<u32>>;

/// Loads leads, and gives each deal that came from a lead that lead's source.
fn load_leads<S: Source>(
    src: &S,
    ds: &mut Others,
    deals_of_lead: &DealsOfLead,
) -> Result<(), S::Error> {
    let mut l = Leads::default();
    src.each_row(
        "SELECT lead_id, created_at, source, rep, first_response_at, status, converted_at, id, branch FROM leads ORDER BY id",
        |r| {
            let Some(created) = iso_secs(r.text(1)) else {
                return Ok(());
            };
            let source = ds.sources.intern_value(r.text_value(2));
            let lead_id = branch_key(r.text(8), r.text(0).trim_ascii());
            if let Some(deals) = deals_of_lead
                .get(lead_id.as_ref())
                .filter(|_| source != NONE)
            {
                for &d in deals {
                    ds.deals.source[d as usize] = source;
                }
            }
            l.id.push(r.id(7));
            l.created.push(created);
            l.source.push(source);
            l.rep.push(ds.reps.intern_value(r.text_value(3)));
            l.first_response.push(r.secs_or_none(4));
            l.branch.push(ds.branches.intern_value(r.text_value(8)));
            let converted_at = !r.text(6).trim_ascii().is_empty();
            l.converted.push(
                converted_at
                    || r.text(5)
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
fn load_deals<S: Source>(
    src: &S,
    ds: &mut Others,
    stages: &[String],
) -> Result<DealsOfLead, S::Error> {
    let mut deals_of_lead: FastMap<Box<[u8]>, Vec<u32>> = FastMap::default();
    let mut d = Deals::default();
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut rows = Vec::new();
    src.each_row(
        "SELECT deal_id, rep, created_at, stage, status, value_minor, closed_at, close_value_minor, lead_id, id, branch FROM deals ORDER BY id",
        |r| {
            d.id.push(r.id(9));
            d.branch.push(ds.branches.intern_value(r.text_value(10)));
            rows.push((
                String::from_utf8_lossy(&branch_key(r.text(10), r.text(0).trim_ascii()))
                    .to_string(),
                ds.reps.intern_value(r.text_value(1)),
                r.secs_or_none(2),
                r.text(3).to_vec(),
                match r.text(4) {
                    b"won" => DealStatus::Won,
                    b"lost" => DealStatus::Lost,
                    _ => DealStatus::Open,
                },
                r.int(5),
                r.secs_or_none(6),
                r.int(7),
                match r.text(8).trim_ascii() {
                    b"" => Vec::new(),
                    lead => branch_key(r.text(10), lead).into_owned(),
                },
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
    src.each_row(
        "SELECT deal_id, stage, entered_at, branch FROM deal_stages ORDER BY id",
        |r| {
            let deal =
                String::from_utf8_lossy(&branch_key(r.text(3), r.text(0).trim_ascii())).to_string();
            let Some(&deal) = index.get(&deal) else {
                return Ok(());
            };
            let stage = stage_index(stages, r.text(1));
            let at = r.secs_or_none(2);
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

fn load_activities<S: Source>(src: &S, ds: &mut Others) -> Result<(), S::Error> {
    let mut a = Activities::default();
    src.each_row(
        "SELECT date, rep, type, duration_minutes, count, id, branch FROM activities ORDER BY id",
        |r| {
            let Some(day) = iso_day(r.text(0)) else {
                return Ok(());
            };
            a.id.push(r.id(5));
            a.date.push(day);
            a.rep.push(ds.reps.intern_value(r.text_value(1)));
            a.kind.push(ds.activity_types.intern_value(r.text_value(2)));
            a.minutes.push(r.real(3).unwrap_or(0.0));
            a.count.push(r.int(4).unwrap_or(0));
            a.branch.push(ds.branches.intern_value(r.text_value(6)));
            Ok(())
        },
    )?;
    let order = sort_order(&a.date);
    let order = order.as_deref();
    permute(&mut a.date, order);
    permute(&mut a.id, order);
    permute(&mut a.rep, order);
    permute(&mut a.kind, order);
    permute(&mut a.minutes, order);
    permute(&mut a.count, order);
    permute(&mut a.branch, order);
    ds.activities = a;
    Ok(())
}

fn load_small_kinds<S: Source>(src: &S, ds: &mut Others) -> Result<(), S::Error> {
    src.each_row(
        "SELECT period, rep, metric, target_minor, branch FROM targets ORDER BY id",
        |r| {
            let period = String::from_utf8_lossy(r.text(0)).to_string();
            let metric = match r.text(2) {
                b"revenue" => TargetMetric::Revenue,
                b"deals_won" => TargetMetric::DealsWon,
                b"new_customers" => TargetMetric::NewCustomers,
                b"activities" => TargetMetric::Activities,
                _ => return Ok(()),
            };
            if let (Some((from, to, grain)), Some(target_minor)) =
                (target_period(&period), r.int(3))
            {
                ds.targets.push(Target {
                    from,
                    to,
                    grain,
                    rep: ds.reps.intern_value(r.text_value(1)),
                    metric,
                    target_minor,
                    branch: ds.branches.intern_value(r.text_value(4)),
                });
            }
            Ok(())
        },
    )?;

    let branches = &mut ds.branches;
    let e = &mut ds.expenses;
    src.each_row(
        "SELECT date, category, amount_minor, id, branch FROM expenses ORDER BY id",
        |r| {
            if let Some(day) = iso_day(r.text(0)) {
                e.id.push(r.id(3));
                e.date.push(day);
                e.acquisition
                    .push(matches!(r.text(1), b"marketing" | b"sales"));
                e.amount.push(r.int(2).unwrap_or(0));
                e.branch.push(branches.intern_value(r.text_value(4)));
            }
            Ok(())
        },
    )?;

    let c = &mut ds.csat;
    src.each_row(
        "SELECT date, score, id, branch FROM csat ORDER BY id",
        |r| {
            if let (Some(day), Some(score)) = (iso_day(r.text(0)), r.real(1)) {
                c.id.push(r.id(2));
                c.branch.push(branches.intern_value(r.text_value(3)));
                c.date.push(day);
                c.score.push(score);
            }
            Ok(())
        },
    )?;

    let q = &mut ds.inquiries;
    let channels = &mut ds.channels;
    src.each_row(
        "SELECT received_at, responded_at, channel, id, branch FROM inquiries ORDER BY id",
        |r| {
            if let Some(received) = iso_secs(r.text(0)) {
                q.id.push(r.id(3));
                q.received.push(received);
                q.responded.push(r.secs_or_none(1));
                q.channel.push(channels.intern_value(r.text_value(2)));
                q.branch.push(branches.intern_value(r.text_value(4)));
            }
            Ok(())
        },
    )?;

    let s = &mut ds.subscriptions;
    src.each_row(
        "SELECT start_date, end_date, monthly_amount_minor, id, branch FROM subscriptions ORDER BY id",
        |r| {
            if let Some(start) = iso_day(r.text(0)) {
                s.id.push(r.id(3));
                s.start.push(start);
                s.end.push(iso_day(r.text(1)).unwrap_or(NO_DAY));
                s.monthly.push(r.int(2).unwrap_or(0));
                s.branch.push(branches.intern_value(r.text_value(4)));
            }
            Ok(())
        },
    )?;
    Ok(())
}

/// A PostgreSQL connection (or transaction) as a [`Source`]: each query
/// read with a binary COPY. Queries run one after another, never nested.
impl Row for CopyRow<'_> {
    fn text_value(&self, i: usize) -> Option<&[u8]> {
        CopyRow::text(self, i)
    }

    fn int(&self, i: usize) -> Option<i64> {
        CopyRow::int(self, i)
    }

    fn real(&self, i: usize) -> Option<f64> {
        CopyRow::real(self, i)
    }
}

impl Source for crate::store::pg::Reader {
    type Error = CopyError;
    type Row<'r> = CopyRow<'r>;

    fn each_row(
        &self,
        sql: &str,
        f: impl FnMut(&CopyRow<'_>) -> Result<(), CopyError>,
    ) -> Result<(), CopyError> {
        crate::store::pg::Reader::each_row(self, sql, f)
    }
}

/// The settings' stored text, read through any source.
pub(super) fn load_settings_text<S: Source>(src: &S) -> Result<Option<String>, S::Error> {
    let mut found = None;
    // Every row, picked here: a query has no parameters through a COPY,
    // and the table is a handful of rows.
    src.each_row("SELECT key, value FROM settings", |r| {
        if r.text(0) == crate::store::settings::KEY.as_bytes() {
            found = Some(String::from_utf8_lossy(r.text(1)).into_owned());
        }
        Ok(())
    })?;
    Ok(found)
}

/// The names shown for CRM owner ids, as `store::rep_names::all` reads
/// them from SQLite: the latest list wins.
pub(super) fn load_rep_aliases<S: Source>(src: &S) -> Result<FastMap<String, String>, S::Error> {
    let mut names = FastMap::default();
    src.each_row(
        "SELECT owner_id, name FROM rep_names ORDER BY batch_id",
        |r| {
            names.insert(
                String::from_utf8_lossy(r.text(0)).into_owned(),
                String::from_utf8_lossy(r.text(1)).into_owned(),
            );
            Ok(())
        },
    )?;
    Ok(names)
}
