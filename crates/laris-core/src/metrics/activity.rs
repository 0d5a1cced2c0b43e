//! Sales activity (metrics.md): activities, response times, referrals,
//! conversion by source, upsell.

use std::collections::BTreeMap;

use super::dataset::{NO_SECS, day_of_secs};
use super::performance::{leads_in, won_in};
use super::report::{Breakdown, Metrics, Scalars, SourceConversion};
use super::{DayRange, Tally, View, mean, median, ratio, sorted_range, when};

/// Activities in P that pass the filters.
pub(crate) fn activities_in<'a>(v: &'a View<'_>, p: DayRange) -> impl Iterator<Item = usize> + 'a {
    sorted_range(&v.ds.activities.date, p).filter(|&i| v.activity_ok(i))
}

/// Per activity type (interned id), the number of activities in P.
fn count_by_type(v: &View<'_>, p: DayRange) -> Vec<u64> {
    let a = &v.ds.activities;
    let mut counts = vec![0u64; v.ds.activity_types.len()];
    for i in activities_in(v, p) {
        if let Some(c) = counts.get_mut(a.kind[i] as usize) {
            *c += 1;
        }
    }
    counts
}

/// Hours from `start` to `end` over the records that have an end.
fn response_hours(pairs: impl Iterator<Item = (i64, i64)>) -> (Option<f64>, Option<f64>) {
    let mut hours: Vec<f64> = pairs
        .filter(|&(_, end)| end != NO_SECS)
        .map(|(start, end)| (end - start) as f64 / 3600.0)
        .collect();
    (mean(&hours), median(&mut hours))
}

pub fn fill(v: &View<'_>, p: DayRange, s: &mut Scalars) {
    let ds = v.ds;
    if v.present.activities {
        let counts = count_by_type(v, p);
        let of = |names: &[&str]| -> Option<u64> {
            Some(
                names
                    .iter()
                    .filter_map(|n| ds.activity_types.find(n))
                    .map(|t| counts.get(t as usize).copied().unwrap_or(0))
                    .sum(),
            )
        };
        s.calls_emails = of(&["call", "email"]);
        s.meetings = of(&["meeting"]);
        s.follow_ups = of(&["follow_up"]);
        s.proposals = of(&["proposal"]);
        s.demos = of(&["demo"]);
        s.networking_events = of(&["networking_event"]);
        let social = ds.activity_types.find("social_post");
        let a = &ds.activities;
        s.social_engagement = Some(
            activities_in(v, p)
                .filter(|&i| Some(a.kind[i]) == social)
                .map(|i| a.count[i].max(0) as u64)
                .sum(),
        );
        if v.present.deals {
            let working: u64 =
                counts.iter().sum::<u64>() - social.map_or(0, |t| counts[t as usize]);
            s.activity_ratio = ratio(working as f64, won_in(v, p).count() as f64);
        }
    }
    if v.present.leads {
        let l = &ds.leads;
        let (avg, med) =
            response_hours(leads_in(v, p).map(|i| (l.created[i], l.first_response[i])));
        s.lead_response_hours = avg;
        s.median_lead_response_hours = med;
        let referral = ds.sources.find("referral");
        s.referrals = Some(
            leads_in(v, p)
                .filter(|&i| Some(l.source[i]) == referral)
                .count() as u64,
        );
    }
    if v.present.inquiries {
        let q = &ds.inquiries;
        let (avg, med) = response_hours(
            (0..q.received.len())
                .filter(|&i| p.contains(day_of_secs(q.received[i])) && v.inquiry_ok(i))
                .map(|i| (q.received[i], q.responded[i])),
        );
        s.inquiry_response_hours = avg;
        s.median_inquiry_response_hours = med;
    }
    if v.present.orders && v.present.order_lines {
        s.upsell_cross_sell_rate = upsell(v, p);
    }
}

/// Among returning customers active in P, the share whose paid orders in P
/// include a product they had never bought before `from`: one of their
/// orders in P brought them a product for the first time.
fn upsell(v: &View<'_>, p: DayRange) -> Option<f64> {
    let ds = v.ds;
    let first = &v.customers.first_paid;
    let mut marks = vec![0u8; ds.customers];
    for i in v.paid_orders(p) {
        let c = ds.orders.customer[i] as usize;
        if c < first.len() && first[c] < p.from {
            marks[c] |= 1 | (u8::from(v.customers.new_product[i]) << 1);
        }
    }
    let returning = marks.iter().filter(|&&m| m != 0).count();
    let upsold = marks.iter().filter(|&&m| m == 3).count();
    ratio(upsold as f64, returning as f64)
}

pub fn fill_breakdowns(v: &View<'_>, p: DayRange, m: &mut Metrics) {
    let ds = v.ds;
    if v.present.activities {
        let a = &ds.activities;
        let mut type_tally: Tally<(u64, f64)> = Tally::new(&ds.activity_types);
        let mut rep_tally: Tally<(u64, f64)> = Tally::new(&ds.reps);
        let (mut total, mut minutes) = (0u64, 0.0);
        for i in activities_in(v, p) {
            total += 1;
            minutes += a.minutes[i];
            for slot in [type_tally.at(a.kind[i]), rep_tally.at(a.rep[i])]
                .into_iter()
                .flatten()
            {
                slot.0 += 1;
                slot.1 += a.minutes[i];
            }
        }
        let (by_type, by_rep) = (
            type_tally.entries().collect::<Vec<_>>(),
            rep_tally.entries().collect::<Vec<_>>(),
        );
        let named = |entries: &[(u32, (u64, f64))], names: &super::dataset::Names, hours: bool| {
            entries
                .iter()
                .map(|&(id, (n, mins))| {
                    (
                        names.name(id).to_string(),
                        if hours { mins / 60.0 } else { n as f64 },
                    )
                })
                .collect::<BTreeMap<String, f64>>()
        };
        let counts = |entries: &[(u32, (u64, f64))], names: &super::dataset::Names| {
            named(entries, names, false)
                .into_iter()
                .map(|(k, n)| (k, n as u64))
                .collect()
        };
        m.activities = Some(Breakdown {
            total,
            by_type: counts(&by_type, &ds.activity_types),
            by_rep: counts(&by_rep, &ds.reps),
        });
        m.time_on_activities_hours = Some(Breakdown {
            total: minutes / 60.0,
            by_type: named(&by_type, &ds.activity_types, true),
            by_rep: named(&by_rep, &ds.reps, true),
        });
    }
    m.conversion_by_source = when(v.present.leads, || {
        let l = &ds.leads;
        let mut by: Tally<(u64, u64)> = Tally::new(&ds.sources);
        for i in leads_in(v, p) {
            if let Some(e) = by.at(l.source[i]) {
                e.0 += 1;
                e.1 += u64::from(l.converted[i]);
            }
        }
        by.into_map(&ds.sources, |(n, conv)| SourceConversion {
            leads: n,
            rate: ratio(conv as f64, n as f64),
        })
    });
}
