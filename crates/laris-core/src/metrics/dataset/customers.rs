//! Facts about customers over all the data, computed once per load.

use super::columns::Orders;
use super::names::NONE;
use super::time::{Day, NO_DAY};
use crate::util::FastSet;

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
        CustomerIndex {
            first_paid_sorted: sorted_days(&first_paid),
            first_paid,
            first_with_rep,
            new_product,
        }
    }

    /// The index brought up to `orders` after orders of the `touched`
    /// customers were added among them (the flags per order already moved
    /// with their orders): only those customers' facts are worked out
    /// again, where [`CustomerIndex::build`] sorts every order by customer.
    pub fn refresh(&mut self, orders: &Orders, touched: &[bool], reps: usize, products: usize) {
        let n = orders.len();
        let ours =
            |i: usize| orders.paid[i] && touched.get(orders.customer[i] as usize) == Some(&true);
        self.first_paid.resize(touched.len(), NO_DAY);
        for (first, _) in self.first_paid.iter_mut().zip(touched).filter(|(_, t)| **t) {
            *first = NO_DAY;
        }
        // Each of these customers' orders in date order, as build meets
        // them: the first with a rep or product is the first seen.
        let mut rep_seen: FastSet<(u32, u32)> = FastSet::default();
        let mut product_seen: FastSet<(u32, u32)> = FastSet::default();
        let sighting = |seen: &mut FastSet<(u32, u32)>, c: u32, what: u32, of: usize| {
            (what as usize) < of && seen.insert((c, what))
        };
        for i in (0..n).filter(|&i| ours(i)) {
            let c = orders.customer[i];
            let first = &mut self.first_paid[c as usize];
            if *first == NO_DAY {
                *first = orders.date[i];
            }
            self.first_with_rep[i] = sighting(&mut rep_seen, c, orders.rep[i], reps);
            self.new_product[i] = false;
            for l in orders.lines(i) {
                self.new_product[i] |=
                    sighting(&mut product_seen, c, orders.line_product[l], products);
            }
        }
        self.first_paid_sorted = sorted_days(&self.first_paid);
    }
}

/// The days customers first paid, sorted (customers who never paid left out).
fn sorted_days(first_paid: &[Day]) -> Vec<Day> {
    let mut days: Vec<Day> = first_paid
        .iter()
        .copied()
        .filter(|&d| d != NO_DAY)
        .collect();
    days.sort_unstable();
    days
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
