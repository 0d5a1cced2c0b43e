//! Bringing a cached dataset up to date with the imports made since it was
//! cached, instead of reading the whole database again (2.4 s on the
//! million-order shop, for an import of any size).
//!
//! The cache file keeps a [`Journal`]: the import batches it has seen (and
//! which were undone), the pipeline stages, the rep aliases, the targets and
//! the highest orders row id. A later revision can be patched when all that
//! changed is new batches that only added rows (no row of theirs in
//! `batch_changes`, so nothing updated or deleted, and none undone since),
//! each of them orders or nothing at all (an empty file). The new orders are
//! then exactly the rows above the old highest row id (SQLite gives a new
//! row the highest id plus one), read in table order like a full load would
//! read them, with their lines and settlement, and merged in by date.
//! Anything else (an undo, an update, lines, leads, a settings change, ...)
//! is read from SQLite whole, as before.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::load::{
    LINE_COLUMNS, ORDER_COLUMNS, Row, each_row, int, load_costs, push_order, read_line,
};
use super::names::CustomerKey;
use super::{CustomerKeys, Dataset, Names, Orders};

/// What a dataset was loaded from, beyond the rows: enough to tell whether
/// a later state of the database differs only by new orders.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    /// Every import batch in id order: its id, whether it was undone, and
    /// what tells it from another batch of the same id (a backup restored
    /// and another file imported after it): kind, file, content hash, time
    /// and counts.
    batches: Vec<(i64, bool, String)>,
    stages: Vec<String>,
    /// The rep aliases (CRM owner id, name), sorted.
    aliases: Vec<(String, String)>,
    /// SHA-256 of the targets table (edited without a batch).
    targets: String,
    /// The highest row id of the orders table (0: none).
    orders_max_id: i64,
}

impl Journal {
    /// The journal of the database as `conn` sees it now.
    pub fn read(conn: &Connection) -> rusqlite::Result<Journal> {
        let mut batches = Vec::new();
        each_row(
            conn,
            "SELECT id, undone_at IS NOT NULL,
                    json_array(kind, file_name, content_hash, imported_at,
                               rows_added, rows_updated, rows_unchanged, rows_skipped)
             FROM import_batches ORDER BY id",
            |r| {
                batches.push((r.get(0)?, r.get(1)?, r.get(2)?));
                Ok(())
            },
        )?;
        let mut aliases: Vec<(String, String)> = crate::store::rep_names::all(conn)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?
            .into_iter()
            .collect();
        aliases.sort();
        let mut targets = Sha256::new();
        each_row(
            conn,
            "SELECT period, rep, metric, target_minor FROM targets ORDER BY id",
            |r| {
                for i in 0..4 {
                    let value: rusqlite::types::Value = r.get(i)?;
                    targets.update(format!("{value:?}\u{1f}").as_bytes());
                }
                targets.update(b"\x1e");
                Ok(())
            },
        )?;
        let stages = crate::store::settings::load(conn)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?
            .pipeline_stages
            .into_iter()
            .map(|s| s.name)
            .collect();
        Ok(Journal {
            batches,
            stages,
            aliases,
            targets: crate::util::hex(&targets.finalize()),
            orders_max_id: conn
                .query_row("SELECT coalesce(max(id), 0) FROM orders", [], |r| r.get(0))?,
        })
    }
}

/// `ds`, cached with `journal`, brought up to the database `conn` sees, with
/// the journal of that state and the number of orders patched in; None when
/// the changes are not only new orders (the caller then reads SQLite whole).
pub fn catch_up(
    conn: &Connection,
    mut ds: Dataset,
    journal: &Journal,
) -> anyhow::Result<Option<(Dataset, Journal, i64)>> {
    let now = Journal::read(conn)?;
    let Some(new_batches) = now.batches.strip_prefix(journal.batches.as_slice()) else {
        return Ok(None);
    };
    if now.stages != journal.stages
        || now.aliases != journal.aliases
        || now.targets != journal.targets
    {
        return Ok(None);
    }
    let mut added_orders = 0i64;
    for &(batch, undone, _) in new_batches {
        let (kind, added, updated): (String, i64, i64) = conn.query_row(
            "SELECT kind, rows_added, rows_updated FROM import_batches WHERE id = ?1",
            [batch],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let changed: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM batch_changes WHERE batch_id = ?1)
                 OR EXISTS (SELECT 1 FROM returns WHERE batch_id = ?1)",
            [batch],
            |r| r.get(0),
        )?;
        let only_adds = !undone && !changed && updated == 0;
        match (only_adds, kind.as_str(), added) {
            (true, _, 0) => {}
            (true, "orders", n) => added_orders += n,
            _ => return Ok(None),
        }
    }
    let added = append_orders(conn, &mut ds, journal.orders_max_id)?;
    if added != Some(added_orders) {
        return Ok(None);
    }
    Ok(Some((ds, now, added_orders)))
}

/// Reads the orders above row id `after` with their lines and settlements,
/// and merges them into `ds` as a load from SQLite would have placed them.
/// Returns how many rows there were, or None when the cached customer keys
/// or names cannot be used.
fn append_orders(conn: &Connection, ds: &mut Dataset, after: i64) -> anyhow::Result<Option<i64>> {
    let mut rows = 0i64;
    let mut new = Orders::default();
    let mut totals: Vec<Option<i64>> = Vec::new();
    let mut order_ids: Vec<Vec<u8>> = Vec::new();
    let mut wanted = Vec::new();
    let mut keys = conn.prepare("SELECT customer_id, customer_name FROM orders WHERE id > ?1")?;
    let mut query = keys.query([after])?;
    while let Some(r) = query.next()? {
        wanted
            .extend(CustomerKey::of(r.text_value(0), r.text_value(1)).map(CustomerKey::into_owned));
    }
    let Some(mut customers) =
        CustomerKeys::from_lists_among(&ds.customer_keys, ds.customers, &wanted)
    else {
        return Ok(None);
    };
    let old_customers = customers.count;
    // The cache keeps the reps' names but not the aliases a load interns
    // them through: the same names, in the same order, get the same ids.
    let mut reps = Names::with_aliases(crate::store::rep_names::all(conn)?);
    reps.merge(&ds.reps);
    if reps.names() != ds.reps.names() {
        return Ok(None);
    }
    ds.reps = reps;
    let mut stmt = conn.prepare(&format!(
        "SELECT {ORDER_COLUMNS} FROM orders WHERE id > ?1 ORDER BY id"
    ))?;
    let mut query = stmt.query([after])?;
    while let Some(r) = query.next()? {
        rows += 1;
        if let Some(id) = push_order(r, &mut new, &mut totals, &mut customers, ds) {
            order_ids.push(id.to_vec());
        }
    }
    if rows == 0 {
        return Ok(Some(0));
    }
    // Each new order's lines in table order, as a full load groups them.
    let mut lines = conn.prepare(&format!(
        "SELECT {LINE_COLUMNS} FROM order_lines WHERE order_id = ?1 ORDER BY id"
    ))?;
    let mut settlement = conn.prepare("SELECT fees_minor FROM settlements WHERE order_id = ?1")?;
    new.line_start.push(0);
    for id in &order_ids {
        // Bound as text, as stored: a blob never equals a text in SQLite.
        let id = rusqlite::types::ToSqlOutput::Borrowed(rusqlite::types::ValueRef::Text(id));
        let mut q = lines.query([id.clone()])?;
        while let Some(r) = q.next()? {
            let (product, qty, total, sku) = read_line(r, ds);
            new.line_product.push(product);
            new.line_qty.push(qty);
            new.line_total.push(total);
            new.line_sku.push(sku);
        }
        new.line_start.push(new.line_product.len() as u32);
        let fees: Option<Option<i64>> = settlement
            .query_row([id], |r| Ok(int(r.get_ref(0)?)))
            .optional()?;
        new.fees.push(fees.flatten().unwrap_or(0));
        new.settled.push(fees.is_some());
    }
    let costs = load_costs(conn, ds)?;
    for i in 0..new.len() {
        for l in new.lines(i) {
            let cost = costs.of_line(
                new.line_sku[l],
                new.line_product[l],
                new.line_qty[l],
                new.date[i],
            );
            new.line_cogs.push(cost.unwrap_or(0));
            new.line_costed.push(cost.is_some());
        }
    }
    new.total = (0..new.len())
        .map(|i| totals[i].unwrap_or_else(|| new.lines(i).map(|l| new.line_total[l]).sum()))
        .collect();
    ds.customers = customers.count as usize;
    ds.customer_keys.append(customers.lists_from(old_customers));
    let mut touched = vec![false; ds.customers];
    for &c in &new.customer {
        if let Some(t) = touched.get_mut(c as usize) {
            *t = true;
        }
    }
    // The customer index's flags per order move with their orders; then
    // those of the new orders' customers are worked out again.
    let unset = vec![false; new.len()];
    let moved = merge(&mut ds.orders, new);
    let index = &mut ds.customer_index;
    moved.apply(&mut index.first_with_rep, &unset);
    moved.apply(&mut index.new_product, &unset);
    let (reps, products) = (ds.reps.len(), ds.products.len());
    index.refresh(&ds.orders, &touched, reps, products);
    Ok(Some(rows))
}

/// Where an order of the merged list comes from.
#[derive(Clone, Copy)]
enum From {
    Old(usize),
    New(usize),
}

/// How a merge moved the orders: those before `keep` stayed, the others
/// come from `from`, old (counted from `keep`) or new.
struct Moved {
    keep: usize,
    from: Vec<From>,
}

impl Moved {
    /// Moves a column of the old orders as the merge moved them, with
    /// `new` for the new orders.
    fn apply<T: Copy>(&self, col: &mut Vec<T>, new: &[T]) {
        pick(col, new, self.keep, &self.from);
    }
}

/// Rebuilds `col` from index `keep` on.
fn pick<T: Copy>(col: &mut Vec<T>, new: &[T], keep: usize, from: &[From]) {
    let tail = col.split_off(keep);
    col.extend(from.iter().map(|f| match *f {
        From::Old(i) => tail[i],
        From::New(i) => new[i],
    }));
}

/// Merges `new` (in table order, every row id above the old ones) into the
/// date-sorted `old`: a full load sorts by date with ties in table order, so
/// a new order goes after every old one of its day. Only the orders from the
/// first new one on are moved: none of the old ones in the usual import of
/// the latest orders, which then only appends.
fn merge(old: &mut Orders, new: Orders) -> Moved {
    let mut by_date: Vec<usize> = (0..new.len()).collect();
    by_date.sort_by_key(|&i| new.date[i]);
    let keep = by_date.first().map_or(old.len(), |&first| {
        old.date.partition_point(|&d| d <= new.date[first])
    });
    let mut from = Vec::with_capacity(old.len() - keep + new.len());
    let mut o = keep;
    for &n in &by_date {
        while o < old.len() && old.date[o] <= new.date[n] {
            from.push(From::Old(o - keep));
            o += 1;
        }
        from.push(From::New(n));
    }
    from.extend((o..old.len()).map(|o| From::Old(o - keep)));
    pick(&mut old.id, &new.id, keep, &from);
    pick(&mut old.date, &new.date, keep, &from);
    pick(&mut old.paid, &new.paid, keep, &from);
    pick(&mut old.refunded, &new.refunded, keep, &from);
    pick(&mut old.total, &new.total, keep, &from);
    pick(&mut old.customer, &new.customer, keep, &from);
    pick(&mut old.rep, &new.rep, keep, &from);
    pick(&mut old.channel, &new.channel, keep, &from);
    pick(&mut old.fees, &new.fees, keep, &from);
    pick(&mut old.settled, &new.settled, keep, &from);
    // The lines, order by order, from the first moved order's first line.
    let keep_lines = old.line_start[keep] as usize;
    let range = |start: &[u32], i: usize| start[i] as usize..start[i + 1] as usize;
    let mut line_from =
        Vec::with_capacity(old.line_product.len() - keep_lines + new.line_product.len());
    // old_end[j]: where the lines of old order keep + j end.
    let old_end = old.line_start.split_off(keep + 1);
    for f in &from {
        match *f {
            From::Old(j) => {
                let start = if j == 0 {
                    keep_lines
                } else {
                    old_end[j - 1] as usize
                };
                line_from.extend((start..old_end[j] as usize).map(|l| From::Old(l - keep_lines)));
            }
            From::New(i) => line_from.extend(range(&new.line_start, i).map(From::New)),
        }
        old.line_start.push((keep_lines + line_from.len()) as u32);
    }
    pick(
        &mut old.line_product,
        &new.line_product,
        keep_lines,
        &line_from,
    );
    pick(&mut old.line_qty, &new.line_qty, keep_lines, &line_from);
    pick(&mut old.line_total, &new.line_total, keep_lines, &line_from);
    pick(&mut old.line_sku, &new.line_sku, keep_lines, &line_from);
    pick(&mut old.line_cogs, &new.line_cogs, keep_lines, &line_from);
    pick(
        &mut old.line_costed,
        &new.line_costed,
        keep_lines,
        &line_from,
    );
    Moved { keep, from }
}
