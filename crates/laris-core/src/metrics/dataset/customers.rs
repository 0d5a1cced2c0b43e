//! Facts about customers over all the data, computed once per load.

use super::columns::Orders;
use super::names::NONE;
use super::time::{Day, NO_DAY};

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
