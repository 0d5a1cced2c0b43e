//! Bringing a cached dataset up to date with the imports and undos made
//! since it was cached, instead of reading the whole database again (2.4 s
//! on the million-order shop, for an import of any size).
//!
//! The cache file keeps a [`Journal`]: the import batches it has seen (and
//! which were undone), the pipeline stages, the rep aliases, the targets and
//! the highest orders row id. A later revision is patched when what changed
//! since is one of:
//! - new orders: the rows above the old highest row id (SQLite gives a new
//!   row the highest id plus one), read in table order as a full load reads
//!   them, with their lines and settlement, and merged in by date;
//! - orders an import updated: the rows its `batch_changes` name, dropped
//!   from the columns and read again like new ones;
//! - orders an undo removed (an undone batch that only added orders): the
//!   cached rows no longer in the table, dropped;
//! - any change to the other kinds (leads, deals, activities, targets, the
//!   pipeline, ...): the columns of their group (pipeline, activities, the
//!   small kinds) are read again from SQLite, the rest kept;
//! - a batch imported and undone since, which left everything as it was.
//!
//! The customers are then numbered as a full load numbers them (by their
//! first order in table order), so a patched dataset equals a loaded one.
//! Any other change to the orders (an undo that put back updated orders,
//! order lines added to stored orders, product costs, settlements, returns
//! lists) reads the orders again, the other kinds kept; a change of rep
//! aliases, which name reps in every kind, reads SQLite whole.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::load::{
    Groups, LINE_COLUMNS, ORDER_COLUMNS, Row, each_row, int, load_costs, load_orders, load_others,
    push_order, read_line,
};
use super::names::{CustomerKey, NONE, remap};
use super::time::NO_DAY;
use super::{CustomerKeys, Dataset, Names, Orders, retain_by};
use crate::store::Kind;
use crate::util::FastSet;

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
/// the journal of that state and the number of rows read or dropped; None
/// when the changes are not of the kinds this module patches (the caller
/// then reads SQLite whole).
pub fn catch_up(
    conn: &Connection,
    mut ds: Dataset,
    journal: &Journal,
) -> anyhow::Result<Option<(Dataset, Journal, i64)>> {
    let now = Journal::read(conn)?;
    let Some(changes) = Changes::between(conn, journal, &now)? else {
        return Ok(None);
    };
    // The cache keeps the reps' names but not the aliases a load interns
    // them through: the same names, in the same order, get the same ids.
    let mut reps = Names::with_aliases(crate::store::rep_names::all(conn)?);
    reps.merge(&ds.reps);
    if reps.names() != ds.reps.names() {
        return Ok(None);
    }
    ds.reps = reps;
    let mut patched = if changes.orders_whole {
        load_orders(conn, &mut ds)?;
        (ds.orders.len() + ds.orders.line_product.len()) as i64
    } else {
        match patch_orders(conn, &mut ds, journal.orders_max_id, &changes)? {
            Some(patched) => patched,
            None => return Ok(None),
        }
    };
    if changes.others.any() {
        let aliases = crate::store::rep_names::all(conn)?;
        let others = load_others(conn, &ds.stages, aliases, changes.others)?;
        ds.merge(others, changes.others);
        let orders = ds.orders.len() + ds.orders.line_product.len();
        patched += (ds.rows() - orders) as i64;
    }
    Ok(Some((ds, now, patched)))
}

/// What separates a cached journal from the database's, in what is read
/// again.
#[derive(Default)]
struct Changes {
    /// Orders added by imports since (the rows above the old highest id).
    added: i64,
    /// Row ids (below the old highest) of orders imports since updated.
    updated: Vec<i64>,
    /// A batch that added orders was undone: some cached rows are gone.
    removed: bool,
    /// The other kinds that changed, by the groups they are read in.
    others: Groups,
    /// The orders changed in a way only reading them again follows: their
    /// lines, costs or settlements, returns marked, or values an undo put
    /// back (it deletes the log that named them).
    orders_whole: bool,
}

impl Changes {
    /// None when something changed that only a full load reads right.
    fn between(
        conn: &Connection,
        then: &Journal,
        now: &Journal,
    ) -> anyhow::Result<Option<Changes>> {
        if now.aliases != then.aliases || now.batches.len() < then.batches.len() {
            return Ok(None);
        }
        let mut changes = Changes {
            others: Groups {
                pipeline: now.stages != then.stages,
                small: now.targets != then.targets,
                activities: false,
            },
            ..Changes::default()
        };
        for (i, (batch, undone, tag)) in now.batches.iter().enumerate() {
            let known = match then.batches.get(i) {
                Some((id, was_undone, was))
                    if (id, was) != (batch, tag) || (*was_undone && !*undone) =>
                {
                    return Ok(None);
                }
                Some((_, was_undone, _)) if was_undone == undone => continue,
                Some(_) => true,
                // Imported and undone since: it put everything back.
                None if *undone => continue,
                None => false,
            };
            let (kind, added, updated): (String, i64, i64) = conn.query_row(
                "SELECT kind, rows_added, rows_updated FROM import_batches WHERE id = ?1",
                [batch],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            let fine = match Kind::from_name(&kind) {
                _ if added == 0 && updated == 0 && !changed(conn, *batch)? => true,
                Some(k) if let Some(group) = Groups::of(k) => {
                    changes.others.add(group);
                    true
                }
                // Undone since it was cached: its rows were deleted, and
                // those it had updated got their old values back.
                Some(Kind::Orders) if known => {
                    changes.removed = true;
                    changes.orders_whole |= updated > 0;
                    true
                }
                Some(Kind::Orders) => {
                    changes.added += added;
                    let only_updates = changes.updated_by(conn, *batch, then.orders_max_id)?;
                    changes.orders_whole |= !only_updates;
                    true
                }
                // Order lines, product costs, settlements: the orders' columns.
                Some(_) => {
                    changes.orders_whole = true;
                    true
                }
                None => false,
            };
            if !fine {
                return Ok(None);
            }
        }
        changes.updated.sort_unstable();
        changes.updated.dedup();
        Ok(Some(changes))
    }

    /// Notes the orders `batch` updated (those below `below` count: the
    /// others are read as new anyway); false when it changed anything else
    /// (a returns list's marks, lines).
    fn updated_by(&mut self, conn: &Connection, batch: i64, below: i64) -> rusqlite::Result<bool> {
        let returns: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM returns WHERE batch_id = ?1)",
            [batch],
            |r| r.get(0),
        )?;
        let mut fine = !returns;
        each_row(
            conn,
            &format!("SELECT kind, action, row_id FROM batch_changes WHERE batch_id = {batch}"),
            |r| {
                let row: i64 = r.get(2)?;
                fine &= r.get_ref(0)?.as_str()? == "orders" && r.get_ref(1)?.as_str()? == "update";
                if row <= below {
                    self.updated.push(row);
                }
                Ok(())
            },
        )?;
        Ok(fine)
    }
}

/// Whether `batch` left anything in `batch_changes` or `returns`.
fn changed(conn: &Connection, batch: i64) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM batch_changes WHERE batch_id = ?1)
             OR EXISTS (SELECT 1 FROM returns WHERE batch_id = ?1)",
        [batch],
        |r| r.get(0),
    )
}

/// Drops the cached orders that are gone or were updated, and reads the
/// updated and the new ones (those above row id `after`) with their lines
/// and settlements, merged in as a load from SQLite would have placed them.
/// Returns how many orders were read or dropped, or None when the cached
/// customer keys or names cannot be used or the new rows are not what the
/// batches say.
fn patch_orders(
    conn: &Connection,
    ds: &mut Dataset,
    after: i64,
    changes: &Changes,
) -> anyhow::Result<Option<i64>> {
    let mut drop: FastSet<i64> = changes.updated.iter().copied().collect();
    if changes.removed {
        drop.extend(gone(conn, &ds.orders.id, after)?);
    }
    let keep: Vec<bool> = ds.orders.id.iter().map(|id| !drop.contains(id)).collect();
    let mut touched = vec![false; ds.customers];
    let dropped = keep.iter().filter(|k| !**k).count();
    if dropped > 0 {
        for (i, &c) in ds.orders.customer.iter().enumerate() {
            if let (false, Some(t)) = (keep[i], touched.get_mut(c as usize)) {
                *t = true;
            }
        }
        ds.orders.retain(&keep);
        retain_by(&mut ds.customer_index.first_with_rep, &keep);
        retain_by(&mut ds.customer_index.new_product, &keep);
    }
    let mut wanted = Vec::new();
    each_order(
        conn,
        "customer_id, customer_name",
        &changes.updated,
        after,
        |r| {
            wanted.extend(
                CustomerKey::of(r.text_value(0), r.text_value(1)).map(CustomerKey::into_owned),
            );
        },
    )?;
    let Some(mut customers) =
        CustomerKeys::from_lists_among(&ds.customer_keys, ds.customers, &wanted)
    else {
        return Ok(None);
    };
    let old_customers = customers.count;
    let mut new = Orders::default();
    let mut totals: Vec<Option<i64>> = Vec::new();
    let mut order_ids: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    let mut above = 0i64;
    each_order(conn, ORDER_COLUMNS, &changes.updated, after, |r| {
        above += i64::from(r.id(8) > after);
        if let Some((id, branch)) = push_order(r, &mut new, &mut totals, &mut customers, ds) {
            order_ids.push((id.to_vec(), branch.to_vec()));
        }
    })?;
    if above != changes.added {
        return Ok(None);
    }
    read_lines(conn, ds, &mut new, &totals, &order_ids)?;
    ds.customers = customers.count as usize;
    ds.customer_keys.append(customers.lists_from(old_customers));
    touched.resize(ds.customers, false);
    for &c in &new.customer {
        if let Some(t) = touched.get_mut(c as usize) {
            *t = true;
        }
    }
    let read = new.len();
    // The customer index's flags per order move with their orders; then
    // those of the changed orders' customers are worked out again.
    let unset = vec![false; new.len()];
    let moved = merge(&mut ds.orders, new);
    let index = &mut ds.customer_index;
    moved.apply(&mut index.first_with_rep, &unset);
    moved.apply(&mut index.new_product, &unset);
    index.first_paid.resize(ds.customers, NO_DAY);
    match renumber_customers(ds) {
        Numbers::Same => {}
        Numbers::Fewer => {
            ds.customer_index.first_paid.truncate(ds.customers);
            touched.truncate(ds.customers);
        }
        Numbers::Moved(new_of) => {
            let index = &mut ds.customer_index;
            let mut first_paid = vec![NO_DAY; ds.customers];
            let mut now_touched = vec![false; ds.customers];
            for (c, &n) in new_of.iter().enumerate() {
                if n != NONE {
                    first_paid[n as usize] = index.first_paid[c];
                    now_touched[n as usize] = touched[c];
                }
            }
            index.first_paid = first_paid;
            touched = now_touched;
        }
    }
    let (reps, products) = (ds.reps.len(), ds.products.len());
    ds.customer_index
        .refresh(&ds.orders, &touched, reps, products);
    Ok(Some((read + dropped) as i64))
}

/// The row ids among `cached` (up to `upto`) no longer in the orders table.
fn gone(conn: &Connection, cached: &[i64], upto: i64) -> rusqlite::Result<Vec<i64>> {
    // One bit per row id: SQLite numbers rows densely, so this is a few
    // hundred kilobytes where a sorted list and a search per cached order
    // took a tenth of a second on the million-order shop.
    let words = usize::try_from(upto.max(0) / 64 + 1).unwrap_or(usize::MAX);
    let dense = words <= cached.len().saturating_mul(4).max(1 << 16);
    let mut stored = vec![0u64; if dense { words } else { 0 }];
    // An id's word and bit; None (a sorted list instead) for an id the
    // bits do not cover: a negative one, or any when they are too many.
    let bit = |id: i64| {
        usize::try_from(id / 64)
            .ok()
            .zip(u32::try_from(id % 64).ok())
    };
    let mut sparse = Vec::new();
    each_row(
        conn,
        &format!("SELECT id FROM orders WHERE id <= {upto} ORDER BY id"),
        |r| {
            let id: i64 = r.get(0)?;
            match bit(id).and_then(|(w, b)| Some((stored.get_mut(w)?, b))) {
                Some((word, b)) => *word |= 1 << b,
                None => sparse.push(id),
            }
            Ok(())
        },
    )?;
    let kept = |id: i64| match bit(id).and_then(|(w, b)| Some((stored.get(w)?, b))) {
        Some((word, b)) => word & (1 << b) != 0,
        None => sparse.binary_search(&id).is_ok(),
    };
    Ok(cached.iter().copied().filter(|&id| !kept(id)).collect())
}

/// Runs `f` on `columns` of the orders rows `ids` (ascending, each at most
/// `after`), then of those above `after`: all in table order.
fn each_order(
    conn: &Connection,
    columns: &str,
    ids: &[i64],
    after: i64,
    mut f: impl FnMut(&rusqlite::Row<'_>),
) -> rusqlite::Result<()> {
    let mut one = conn.prepare(&format!("SELECT {columns}, id FROM orders WHERE id = ?1"))?;
    for id in ids {
        let mut q = one.query([id])?;
        while let Some(r) = q.next()? {
            f(r);
        }
    }
    let mut rest = conn.prepare(&format!(
        "SELECT {columns}, id FROM orders WHERE id > ?1 ORDER BY id"
    ))?;
    let mut q = rest.query([after])?;
    while let Some(r) = q.next()? {
        f(r);
    }
    Ok(())
}

/// Reads the lines, settlements, costs and missing totals of the orders
/// `new` holds (their order ids and branches in `order_ids`, their totals
/// in `totals`).
fn read_lines(
    conn: &Connection,
    ds: &mut Dataset,
    new: &mut Orders,
    totals: &[Option<i64>],
    order_ids: &[(Vec<u8>, Vec<u8>)],
) -> anyhow::Result<()> {
    // Each order's lines in table order, as a full load groups them.
    let mut lines = conn.prepare(&format!(
        "SELECT {LINE_COLUMNS} FROM order_lines WHERE order_id = ?1 AND branch = ?2 ORDER BY id"
    ))?;
    let mut settlement =
        conn.prepare("SELECT fees_minor FROM settlements WHERE order_id = ?1 AND branch = ?2")?;
    new.line_start.push(0);
    for (id, branch) in order_ids {
        // Bound as text, as stored: a blob never equals a text in SQLite.
        let text = |t| rusqlite::types::ToSqlOutput::Borrowed(rusqlite::types::ValueRef::Text(t));
        let (id, branch) = (text(id), text(branch));
        let mut q = lines.query([id.clone(), branch.clone()])?;
        while let Some(r) = q.next()? {
            let (product, qty, total, sku) = read_line(r, ds);
            new.line_product.push(product);
            new.line_qty.push(qty);
            new.line_total.push(total);
            new.line_sku.push(sku);
        }
        new.line_start.push(new.line_product.len() as u32);
        let fees: Option<Option<i64>> = settlement
            .query_row([id, branch], |r| Ok(int(r.get_ref(0)?)))
            .optional()?;
        new.fees.push(fees.flatten().unwrap_or(0));
        new.settled.push(fees.is_some());
    }
    let costs = load_costs(conn, ds)?;
    for i in 0..new.len() {
        for l in new.lines(i) {
            let cost = costs.of_line(
                new.branch[i],
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
    Ok(())
}

/// How [`renumber_customers`] changed the customers' numbers.
enum Numbers {
    Same,
    /// The last ones lost theirs (those of undone orders, the latest
    /// customers); the others kept theirs.
    Fewer,
    /// Each old number's new one (NONE: gone).
    Moved(Vec<u32>),
}

/// Numbers the customers as a full load does, in the order of their first
/// order in table order; a customer left without orders loses its number.
fn renumber_customers(ds: &mut Dataset) -> Numbers {
    let o = &ds.orders;
    let mut first = vec![i64::MAX; ds.customers];
    for (&c, &id) in o.customer.iter().zip(&o.id) {
        if let Some(f) = first.get_mut(c as usize) {
            *f = (*f).min(id);
        }
    }
    let mut live: Vec<u32> = (0..ds.customers as u32)
        .filter(|&c| first[c as usize] != i64::MAX)
        .collect();
    live.sort_unstable_by_key(|&c| first[c as usize]);
    if live.iter().enumerate().all(|(i, &c)| i as u32 == c) {
        if live.len() == ds.customers {
            return Numbers::Same;
        }
        ds.customers = live.len();
        ds.customer_keys.truncate(live.len() as u32);
        return Numbers::Fewer;
    }
    let mut new_of = vec![NONE; ds.customers];
    for (n, &c) in live.iter().enumerate() {
        new_of[c as usize] = n as u32;
    }
    remap(&mut ds.orders.customer, &new_of);
    ds.customer_keys = ds.customer_keys.renumber(&new_of);
    ds.customers = live.len();
    Numbers::Moved(new_of)
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

/// Merges `new` into the date-sorted `old`: a full load sorts by date with
/// ties in table order (by row id). Only the orders from the first new one
/// on are moved: none of the old ones in the usual import of the latest
/// orders, which then only appends.
fn merge(old: &mut Orders, new: Orders) -> Moved {
    let key = |o: &Orders, i: usize| (o.date[i], o.id[i]);
    let mut by_key: Vec<usize> = (0..new.len()).collect();
    by_key.sort_by_key(|&i| key(&new, i));
    let keep = by_key.first().map_or(old.len(), |&first| {
        let (day, id) = key(&new, first);
        let (from, to) = (
            old.date.partition_point(|&d| d < day),
            old.date.partition_point(|&d| d <= day),
        );
        from + old.id[from..to].partition_point(|&i| i < id)
    });
    let mut from = Vec::with_capacity(old.len() - keep + new.len());
    let mut o = keep;
    for &n in &by_key {
        while o < old.len() && key(old, o) <= key(&new, n) {
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
    pick(&mut old.branch, &new.branch, keep, &from);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cached_orders_gone_from_the_table_are_found_with_dense_or_sparse_ids() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE orders (id INTEGER PRIMARY KEY);
             INSERT INTO orders (id) VALUES (-5), (1), (2), (64), (65), (5000000000);",
        )
        .unwrap();
        let cached = [65, 3, 1, 64, 5_000_000_000, 66, 2];
        // Up to 66: one bit per id (a negative one, stored by hand, listed).
        assert_eq!(gone(&conn, &[65, 3, 1, 64, -5, 0], 66).unwrap(), vec![3, 0]);
        // Up to five billion: too many ids for bits, a sorted list.
        assert_eq!(gone(&conn, &cached, 5_000_000_000).unwrap(), vec![3, 66]);
    }
}
