//! Every metric on a shop small enough to compute by hand. The expected
//! figures are worked out in the comments from the rows of `SHOP`.

use chrono::NaiveDate;
use serde_json::Value;

use super::*;
use crate::store::Store;

/// Orders, lines, leads, deals, stage history, activities, inquiries, csat,
/// expenses, subscriptions and targets of a two-rep shop (Sari, Budi), mostly
/// in February 2024 (a leap year: 29 days).
const SHOP: &str = "
INSERT INTO orders(order_id, date, customer_id, customer_name, rep, channel, status, total_minor, batch_id) VALUES
 ('O1',  '2024-01-10',          'C1', 'Citra',          'Sari', 'store',  'paid',      10000, 1),
 ('O2',  '2024-02-05T10:00:00', 'C1', 'Citra',          'Sari', 'store',  'paid',       5000, 1),
 ('O3',  '2024-02-10',          'C2', NULL,             'Budi', 'online', 'paid',      20000, 1),
 ('O4',  '2024-02-15',          'C3', NULL,             'Budi', 'online', 'refunded',  99900, 1),
 ('O5',  '2024-02-20',          NULL, '  Ani   Wijaya ', 'Sari', 'store',  'paid',       3000, 1),
 ('O6',  '2024-02-29T23:59:59', NULL, NULL,             'Budi', 'store',  'paid',       2000, 1),
 ('O7',  '2024-03-03',          'C2', NULL,             'Sari', 'online', 'unpaid',     7000, 1),
 ('O8',  '2024-03-05',          '  ', 'ani wijaya',     'Budi', 'store',  'paid',       4000, 1),
 ('O9',  '2024-03-20',          'C1', NULL,             'Budi', 'online', 'cancelled', 50000, 1),
 ('O10', '2024-03-25',          'C4', NULL,             'Sari', 'store',  'paid',       NULL, 1);
INSERT INTO order_lines(order_id, line_no, product, quantity, unit_price_minor, line_total_minor, batch_id) VALUES
 ('O1', 1, 'Kopi', 2, 3000, 6000, 1),
 ('O1', 2, 'Teh',  1, 4000, 4000, 1),
 ('O2', 1, 'Kopi', 1, 5000, 5000, 1),
 ('O3', 1, 'Gula', 4, 5000, 20000, 1),
 ('O8', 1, ' Kopi ', 1, 4000, 4000, 1),
 ('O10', 1, 'Teh', 2, 1500, 3000, 1),
 ('O10', 2, 'Gula', 1, 1000, NULL, 1);
INSERT INTO leads(lead_id, created_at, source, rep, first_response_at, status, converted_at, batch_id) VALUES
 ('L1', '2024-02-01T09:00:00', 'referral',  'Sari', '2024-02-01T11:00:00', 'converted', NULL, 1),
 ('L2', '2024-02-03T10:00:00', 'Instagram', 'Budi', '2024-02-03T10:30:00', 'lost', NULL, 1),
 ('L3', '2024-02-10T08:00:00', 'instagram', 'Budi', NULL, NULL, '2024-02-20', 1),
 ('L4', '2024-02-28T23:00:00', NULL,        'Sari', '2024-02-29T05:00:00', 'open', NULL, 1),
 ('L5', '2024-03-01T00:00:00', 'website',   'Sari', NULL, 'open', NULL, 1),
 ('L6', '2024-02-15T12:00:00', 'whatsapp',  'Budi', NULL, 'lost', NULL, 1);
INSERT INTO deals(deal_id, rep, created_at, stage, status, value_minor, closed_at, close_value_minor, lead_id, batch_id) VALUES
 ('D1', 'Sari', '2024-01-05', 'negotiation', 'won',  100000, '2024-02-10T12:00:00', 90000, 'L1', 1),
 ('D2', 'Budi', '2024-01-20', 'proposal',    'lost',  50000, '2024-02-20', NULL, 'L2', 1),
 ('D3', 'Budi', '2024-02-01', 'qualified',   'open',  30000, NULL, NULL, 'L3', 1),
 ('D4', 'Sari', '2024-02-05', NULL,          'won',   20000, '2024-02-25', 25000, NULL, 1),
 ('D5', 'Sari', '2024-02-10', NULL,          'lost',  10000, '2024-02-12', NULL, NULL, 1),
 ('D6', 'Budi', NULL,         'prospecting', 'open',   5000, NULL, NULL, NULL, 1),
 ('D7', 'Budi', '2024-02-15', 'proposal',    'won',   40000, NULL, NULL, NULL, 1);
INSERT INTO deal_stages(deal_id, stage, entered_at, batch_id) VALUES
 ('D1', 'prospecting', '2024-01-05', 1), ('D1', 'qualified', '2024-01-10', 1), ('D1', 'proposal', '2024-01-20', 1),
 ('D2', 'prospecting', '2024-01-20', 1), ('D2', 'qualified', '2024-02-01', 1),
 ('D3', 'prospecting', '2024-02-01', 1), ('D3', 'qualified', '2024-02-15', 1);
INSERT INTO activities(activity_id, date, rep, type, duration_minutes, count, batch_id) VALUES
 ('A1',  '2024-02-01', 'Sari', 'call', 10, 1, 1),
 ('A2',  '2024-02-02', 'Sari', 'email', 5, 1, 1),
 ('A3',  '2024-02-03', 'Budi', 'meeting', 60, 1, 1),
 ('A4',  '2024-02-04', 'Budi', 'follow_up', 15, 1, 1),
 ('A5',  '2024-02-05', 'Sari', 'proposal', 30, 1, 1),
 ('A6',  '2024-02-06', 'Budi', 'demo', 45, 1, 1),
 ('A7',  '2024-02-07', 'Sari', 'networking_event', 120, 1, 1),
 ('A8',  '2024-02-08', 'Sari', 'social_post', 20, 35, 1),
 ('A9',  '2024-02-09', NULL,   'call', 5, NULL, 1),
 ('A10', '2024-02-29T16:00:00', 'Budi', 'social_post', NULL, 15, 1),
 ('A11', '2024-03-01', 'Sari', 'call', 10, 1, 1);
INSERT INTO inquiries(inquiry_id, received_at, responded_at, channel, batch_id) VALUES
 ('Q1', '2024-02-01T08:00:00', '2024-02-01T09:30:00', 'whatsapp', 1),
 ('Q2', '2024-02-10T10:00:00', '2024-02-10T09:00:00', 'store', 1),
 ('Q3', '2024-02-12T10:00:00', NULL, 'whatsapp', 1),
 ('Q4', '2024-02-20T10:00:00', '2024-02-21T10:00:00', 'online', 1);
INSERT INTO csat(date, score, row_hash, batch_id) VALUES
 ('2024-02-02', 5, 'h1', 1), ('2024-02-03', 4, 'h2', 1), ('2024-02-04', 3, 'h3', 1),
 ('2024-02-05', 2, 'h4', 1), ('2024-03-01', 5, 'h5', 1);
INSERT INTO expenses(date, category, amount_minor, row_hash, batch_id) VALUES
 ('2024-02-03', 'marketing', 6000, 'e1', 1), ('2024-02-04', 'sales', 4000, 'e2', 1),
 ('2024-02-05', 'other', 100000, 'e3', 1), ('2024-03-01', 'marketing', 7000, 'e4', 1);
INSERT INTO subscriptions(subscription_id, monthly_amount_minor, start_date, end_date, batch_id) VALUES
 ('S1', 1000, '2023-12-01', NULL, 1),
 ('S2', 2000, '2024-01-15', '2024-02-10', 1),
 ('S3', 4000, '2024-01-20', '2024-03-05', 1),
 ('S4', 8000, '2024-02-10', NULL, 1),
 ('S5',  500, '2024-01-01', '2024-01-31', 1);
INSERT INTO targets(period, rep, metric, target_minor, batch_id) VALUES
 ('2024',    '',     'revenue',       366000, 1),
 ('2024-02', '',     'revenue',        58000, 1),
 ('2024-Q1', '',     'revenue',        91000, 1),
 ('2024-02', 'Sari', 'revenue',        10000, 1),
 ('2024-02', 'Budi', 'revenue',        20000, 1),
 ('2024-Q1', '',     'new_customers',    910, 1),
 ('2024-02', '',     'activities',      2900, 1),
 ('2025-01', 'Sari', 'revenue',         5000, 1),
 ('2025-01', 'Budi', 'revenue',         7000, 1);
";

pub(super) struct Db {
    _dir: tempfile::TempDir,
    pub(super) store: Store,
}

pub(super) fn db(sql: &str) -> Db {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.laris")).unwrap();
    store.conn().execute_batch(sql).unwrap();
    // The rows' deals go through an English CRM's stages, in its spelling.
    let mut settings = crate::store::settings::load(store.conn()).unwrap();
    settings.pipeline_stages = [
        "prospecting",
        "qualified",
        "proposal",
        "negotiation",
        "closed",
    ]
    .map(|name| crate::store::settings::Stage {
        name: name.into(),
        win_probability: None,
    })
    .to_vec();
    crate::store::settings::save(store.conn(), &settings).unwrap();
    Db { _dir: dir, store }
}

pub(super) fn shop() -> Db {
    db(SHOP)
}

pub(super) fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A "today" after every record, so no comparison is cut.
pub(super) const LATER: &str = "2030-01-01";

impl Db {
    /// The same file, as the app reads records from it.
    pub(super) fn database(&self) -> crate::store::Database {
        crate::store::Database::File(Store::open_to_read(self.store.path()).unwrap())
    }

    fn run(&self, sel: Selection, cmp: Comparison, today: &str, filters: &Filters) -> Value {
        let ds = Dataset::load(self.store.conn()).unwrap();
        let report = compute_report(&ds, &sel, cmp, date(today), filters);
        serde_json::to_value(&report).unwrap()
    }
    fn period(&self, period: &str) -> Value {
        self.run(
            Selection::parse(period).unwrap(),
            Comparison::Previous,
            LATER,
            &Filters::default(),
        )
    }
    fn range(&self, from: &str, to: &str) -> Value {
        let sel = Selection::from_range(date(from), date(to)).unwrap();
        self.run(sel, Comparison::Previous, LATER, &Filters::default())
    }
    fn filtered(&self, period: &str, filters: Filters) -> Value {
        self.run(
            Selection::parse(period).unwrap(),
            Comparison::Previous,
            LATER,
            &filters,
        )
    }
}

fn rep(name: &str) -> Filters {
    Filters {
        rep: Some(name.into()),
        ..Filters::default()
    }
}

/// metrics.<path>, where path is dot-separated.
fn m<'a>(r: &'a Value, path: &str) -> &'a Value {
    path.split('.')
        .fold(&r["metrics"], |v, k| match k.parse::<usize>() {
            Ok(i) if v.is_array() => &v[i],
            _ => &v[k],
        })
}

#[track_caller]
fn approx(v: &Value, expected: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    assert!(
        (got - expected).abs() < 1e-9,
        "got {got}, expected {expected}"
    );
}

#[track_caller]
fn null(v: &Value) {
    assert!(v.is_null(), "expected null, got {v}");
}

#[test]
fn revenue_orders_aov_and_growth() {
    let r = shop().period("month:2024-02");
    // Paid in February: O2 50 + O3 200 + O5 30 + O6 20 (on the leap day, at
    // 23:59:59) = 300.00; the refunded O4 (999) is neither added nor subtracted.
    approx(m(&r, "revenue"), 300.0);
    assert_eq!(m(&r, "orders"), 4);
    approx(m(&r, "aov"), 75.0); // 300 / 4
    // January: O1 100 -> (300 - 100) / 100
    approx(m(&r, "sales_growth"), 2.0);
    approx(&r["previous"]["revenue"], 100.0);
    assert_eq!(r["previous"]["orders"], 1);
    let march = shop().period("month:2024-03");
    // Paid in March: O8 40 + O10 40 (no total: its lines 30 + 10); O7 unpaid, O9 cancelled.
    approx(m(&march, "revenue"), 80.0);
    approx(m(&march, "sales_growth"), (80.0 - 300.0) / 300.0);
}

#[test]
fn customers_new_active_retention_churn() {
    let feb = shop().period("month:2024-02");
    // First paid orders: C1 Jan 10, C2 Feb 10, "ani wijaya" (no id) Feb 20, C4 Mar 25;
    // C3 only has a refund, O6 has no customer.
    assert_eq!(m(&feb, "new_customers"), 2);
    assert_eq!(m(&feb, "active_customers"), 3); // C1, C2, Ani
    // prev(Feb) = Jan: {C1}; C1 bought again in Feb -> 1/1.
    approx(m(&feb, "retention_rate"), 1.0);
    approx(m(&feb, "churn_rate"), 0.0);
    let mar = shop().period("month:2024-03");
    // "  Ani   Wijaya " (O5) and "ani wijaya" (O8, blank id) are one customer.
    assert_eq!(m(&mar, "new_customers"), 1); // C4
    assert_eq!(m(&mar, "active_customers"), 2); // Ani, C4
    // Feb {C1, C2, Ani}, of whom only Ani bought in March.
    approx(m(&mar, "retention_rate"), 1.0 / 3.0);
    approx(m(&mar, "churn_rate"), 2.0 / 3.0);
}

#[test]
fn retention_ignores_the_comparison_setting() {
    let d = shop();
    let r = d.run(
        Selection::parse("month:2024-03").unwrap(),
        Comparison::LastYear,
        LATER,
        &Filters::default(),
    );
    // Still February vs March, although the comparison is March 2023.
    approx(m(&r, "retention_rate"), 1.0 / 3.0);
    assert_eq!(r["prev_from"], "2023-03-01");
}

#[test]
fn subscriptions_mrr_and_churn() {
    let r = shop().period("month:2024-02");
    // Active on Jan 31: S1, S2, S3 (S5 ends on Jan 31, so it is not); of
    // those, S2 ends on Feb 10, inside February -> 1/3.
    approx(m(&r, "subscription_churn"), 1.0 / 3.0);
    // Active on Feb 29: S1 10 + S3 40 + S4 80 = 130.
    approx(m(&r, "mrr"), 130.0);
    // Active on Jan 31: S1 10 + S2 20 + S3 40 = 70 -> (130 - 70) / 70.
    approx(m(&r, "mrr_growth"), 60.0 / 70.0);
}

#[test]
fn clv_cac_and_their_ratio() {
    let r = shop().period("month:2024-02");
    // Paid up to Feb 29: 100 + 50 + 200 + 30 + 20 (O6 has no customer but counts) = 400,
    // over the 3 customers who had bought by then (C1, C2, Ani).
    approx(m(&r, "clv"), 133.33); // 400 / 3 = 133.333..., money leaves with two decimals
    // Marketing 60 + sales 40 (the 1000 "other" is not acquisition) over 2 new customers.
    approx(m(&r, "cac"), 50.0);
    approx(m(&r, "clv_cac_ratio"), 400.0 / 3.0 / 50.0);
    let mar = shop().period("month:2024-03");
    approx(m(&mar, "clv"), 480.0 / 4.0); // 400 + 80 over C1, C2, Ani, C4
    approx(m(&mar, "cac"), 70.0); // 70 marketing / 1 new customer
}

#[test]
fn leads_conversion_referrals_by_source_and_response() {
    let r = shop().period("month:2024-02");
    // L1, L2, L3, L4, L6 created in February; converted: L1 (status), L3 (converted_at).
    assert_eq!(m(&r, "leads"), 5);
    approx(m(&r, "lead_conversion_rate"), 0.4);
    assert_eq!(m(&r, "referrals"), 1);
    // Sources as first written; L4 has none and is left out.
    assert_eq!(m(&r, "conversion_by_source.referral.leads"), 1);
    approx(m(&r, "conversion_by_source.referral.rate"), 1.0);
    assert_eq!(m(&r, "conversion_by_source.Instagram.leads"), 2);
    approx(m(&r, "conversion_by_source.Instagram.rate"), 0.5);
    approx(m(&r, "conversion_by_source.whatsapp.rate"), 0.0);
    assert_eq!(m(&r, "conversion_by_source").as_object().unwrap().len(), 3);
    // Responses: L1 2 h, L2 0.5 h, L4 6 h (23:00 -> 05:00 next day).
    approx(m(&r, "lead_response_hours"), 8.5 / 3.0);
    approx(m(&r, "median_lead_response_hours"), 2.0);
    // Sari: L1 yes, L4 no; Budi: L2 no, L3 yes, L6 no.
    approx(m(&r, "lead_conversion_rate_by_rep.Sari"), 0.5);
    approx(m(&r, "lead_conversion_rate_by_rep.Budi"), 1.0 / 3.0);
}

#[test]
fn deals_opportunities_win_rate_cycle_size() {
    let r = shop().period("month:2024-02");
    // Created in February: D3, D4, D5, D7 (D6 has no created_at) -> 300+200+100+400.
    assert_eq!(m(&r, "opportunities"), 4);
    approx(m(&r, "opportunity_value"), 1000.0);
    // Closed in February: D1 won, D2 lost, D4 won, D5 lost; D7 is won with no closed_at.
    approx(m(&r, "win_rate"), 0.5);
    // D1: Jan 5 00:00 -> Feb 10 12:00 = 36.5 days; D4: Feb 5 -> Feb 25 = 20 days.
    approx(m(&r, "avg_deal_cycle_days"), 28.25);
    approx(m(&r, "median_deal_cycle_days"), 28.25); // even count: (20 + 36.5) / 2
    // Won in February with a close value: D1 900, D4 250.
    approx(m(&r, "avg_deal_size"), 575.0);
    // Sari: D1 won, D4 won, D5 lost; Budi: D2 lost.
    approx(m(&r, "win_rate_by_rep.Sari"), 2.0 / 3.0);
    approx(m(&r, "win_rate_by_rep.Budi"), 0.0);
    approx(m(&r, "avg_deal_cycle_days_by_rep.Sari"), 28.25);
    null(m(&r, "avg_deal_cycle_days_by_rep.Budi"));
    assert!(m(&r, "avg_deal_cycle_days_by_rep").get("Budi").is_some());

    // Per rep, for the Productivity table: Sari's D1 900 and D4 250; Budi won
    // nothing with a close value in February.
    let db = shop();
    let ds = Dataset::load(db.store.conn()).unwrap();
    let v = View::new(&ds, &Filters::default());
    let p = DayRange::of(Selection::parse("month:2024-02").unwrap().period);
    let sizes = productivity::avg_deal_size_by_rep(&v, p).unwrap();
    assert_eq!(sizes.get("Sari"), Some(&Some(575.0)));
    assert_eq!(sizes.get("Budi"), None);
}

#[test]
fn funnel_reach_and_leakage() {
    let r = shop().period("month:2024-02");
    // Created in February: D3 (history up to qualified), D4 (won, no history:
    // every stage), D5 (lost, no stage, no history: first stage only), D7 (won).
    let reached: Vec<u64> = (0..5)
        .map(|k| m(&r, &format!("funnel.{k}.reached")).as_u64().unwrap())
        .collect();
    assert_eq!(reached, [4, 3, 2, 2, 2]);
    assert_eq!(m(&r, "funnel.0.stage"), "prospecting");
    approx(m(&r, "funnel.0.leakage"), 0.25); // 1 - 3/4
    approx(m(&r, "funnel.1.leakage"), 1.0 / 3.0); // 1 - 2/3
    approx(m(&r, "funnel.2.leakage"), 0.0);
    null(m(&r, "funnel.4.leakage")); // last stage
    // D2's current stage is proposal, but its history (up to qualified) decides.
    let jan = shop().period("month:2024-01");
    let reached: Vec<u64> = (0..5)
        .map(|k| m(&jan, &format!("funnel.{k}.reached")).as_u64().unwrap())
        .collect();
    assert_eq!(reached, [2, 2, 1, 1, 1]); // D1 won: all; D2: prospecting, qualified
}

#[test]
fn pipeline_and_weighted_pipeline() {
    let feb = shop().period("month:2024-02");
    // Open at the end of Feb 29: D3 300 and D6 50 (no created_at); D7 is won
    // without closed_at, so in no pipeline.
    approx(m(&feb, "pipeline_value"), 350.0);
    // Stage probabilities over all deals (reach: D1 all, D2 qualified, D3
    // qualified, D4 all, D5 prospecting, D6 prospecting, D7 all; won: D1, D4, D7):
    // prospecting 3/7, qualified 3/5. D3 is at qualified on Feb 29 (history),
    // D6 at prospecting (current stage).
    // 300 x 3/5 + 50 x 3/7 = 180 + 21.428... = 201.43
    approx(m(&feb, "weighted_pipeline"), 201.43);
    let jan = shop().period("month:2024-01");
    // End of January: D1 (closed Feb 10) 1000, D2 (closed Feb 20) 500, D6 50.
    approx(m(&jan, "pipeline_value"), 1550.0);
    // On Jan 31: D1 at proposal (probability 3/3), D2 at prospecting (its
    // qualified entry is Feb 1), D6 prospecting.
    // 1000 x 1 + 500 x 3/7 + 50 x 3/7 = 1000 + 235.714... = 1235.71
    approx(m(&jan, "weighted_pipeline"), 1235.71);
}

#[test]
fn weighted_pipeline_uses_the_users_probability() {
    let d = shop();
    let mut s = crate::store::settings::load(d.store.conn()).unwrap();
    s.pipeline_stages[1].win_probability = Some(0.5); // qualified
    crate::store::settings::save(d.store.conn(), &s).unwrap();
    let r = d.period("month:2024-02");
    approx(m(&r, "weighted_pipeline"), 171.43); // 300 x 0.5 + 50 x 3/7 = 150 + 21.43
}

#[test]
fn activities_by_type_and_rep_and_counts() {
    let r = shop().period("month:2024-02");
    assert_eq!(m(&r, "activities.total"), 10); // A1..A10, A10 on the leap day
    assert_eq!(m(&r, "activities.by_type.call"), 2); // A1, A9
    assert_eq!(m(&r, "activities.by_type.social_post"), 2);
    assert_eq!(m(&r, "activities.by_rep.Sari"), 5); // A1 A2 A5 A7 A8
    assert_eq!(m(&r, "activities.by_rep.Budi"), 4); // A3 A4 A6 A10; A9 has no rep
    assert_eq!(m(&r, "calls_emails"), 3);
    assert_eq!(m(&r, "meetings"), 1);
    assert_eq!(m(&r, "follow_ups"), 1);
    assert_eq!(m(&r, "proposals"), 1);
    assert_eq!(m(&r, "demos"), 1);
    assert_eq!(m(&r, "networking_events"), 1);
    assert_eq!(m(&r, "social_engagement"), 50); // 35 + 15
    // 10+5+60+15+30+45+120+20+5 minutes (A10 has none) = 310
    approx(m(&r, "time_on_activities_hours.total"), 310.0 / 60.0);
    approx(m(&r, "time_on_activities_hours.by_rep.Sari"), 185.0 / 60.0);
    approx(m(&r, "time_on_activities_hours.by_rep.Budi"), 2.0);
    approx(m(&r, "time_on_activities_hours.by_type.call"), 0.25);
    // 8 activities that are not social posts over 2 deals won (D1, D4).
    approx(m(&r, "activity_ratio"), 4.0);
    let leap = shop().period("day:2024-02-29");
    assert_eq!(m(&leap, "activities.total"), 1);
}

#[test]
fn inquiries_response_hours() {
    let r = shop().period("month:2024-02");
    // Q1 1.5 h, Q2 -1 h (answered before received: kept), Q4 24 h; Q3 unanswered.
    approx(m(&r, "inquiry_response_hours"), 24.5 / 3.0);
    approx(m(&r, "median_inquiry_response_hours"), 1.5);
}

#[test]
fn csat_share_and_mean() {
    let r = shop().period("month:2024-02");
    approx(m(&r, "csat"), 0.5); // 5 and 4 of 5, 4, 3, 2
    approx(m(&r, "csat_avg"), 3.5);
}

#[test]
fn upsell_cross_sell_rate() {
    // February: C1 is the one customer who bought before Feb 1 (O1: Kopi, Teh)
    // and in February (O2: Kopi, already bought) -> 0/1.
    approx(
        m(&shop().period("month:2024-02"), "upsell_cross_sell_rate"),
        0.0,
    );
    // March: Ani bought in February (O5, no lines) and in March (O8: Kopi,
    // new to her) -> 1/1; C4 is new, so not counted.
    approx(
        m(&shop().period("month:2024-03"), "upsell_cross_sell_rate"),
        1.0,
    );
}

#[test]
fn products_channels_and_reps() {
    let r = shop().period("month:2024-02");
    // Lines of paid February orders: O2 Kopi 50 x1, O3 Gula 200 x4.
    assert_eq!(m(&r, "top_products.0.product"), "Gula");
    approx(m(&r, "top_products.0.revenue"), 200.0);
    approx(m(&r, "top_products.0.quantity"), 4.0);
    assert_eq!(m(&r, "top_products.1.product"), "Kopi");
    assert_eq!(m(&r, "top_products").as_array().unwrap().len(), 2);
    // store: O2 50 + O5 30 + O6 20; online: O3 200 (O4 is refunded).
    approx(m(&r, "revenue_by_channel.store"), 100.0);
    approx(m(&r, "revenue_by_channel.online"), 200.0);
    // Sari: O2 50 + O5 30, deals D1 900 + D4 250; Budi: O3 200 + O6 20, no deal won.
    approx(m(&r, "sales_per_rep.Sari.revenue"), 80.0);
    approx(m(&r, "sales_per_rep.Sari.deal_revenue"), 1150.0);
    approx(m(&r, "sales_per_rep.Budi.revenue"), 220.0);
    approx(m(&r, "sales_per_rep.Budi.deal_revenue"), 0.0);
    // Up to Feb 29 -- Sari: 100 + 50 + 30 over C1, Ani; Budi: 200 + 20 over
    // C2 (O6 has no customer).
    approx(m(&r, "clv_by_rep.Sari"), 90.0);
    approx(m(&r, "clv_by_rep.Budi"), 220.0);
    let year = shop().period("year:2024");
    // Kopi 60+50+40 (" Kopi " is Kopi), Teh 40+30, Gula 200+10 (no line total: 1 x 10).
    let names: Vec<&str> = (0..3)
        .map(|k| {
            m(&year, &format!("top_products.{k}.product"))
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(names, ["Gula", "Kopi", "Teh"]);
    approx(m(&year, "top_products.1.revenue"), 150.0);
    approx(m(&year, "top_products.1.quantity"), 4.0);
}

#[test]
fn revenue_target_prefers_the_finest_period() {
    let d = shop();
    // The February team target (580) overrides Q1 and the year.
    let feb = d.period("month:2024-02");
    approx(m(&feb, "revenue_target"), 580.0);
    approx(m(&feb, "target_attainment"), 300.0 / 580.0);
    // A custom range cutting February and March (Feb 20 - Mar 10): 10 of
    // February's 29 days of 580 = 200, plus 10 of Q1's 91 days of 910 = 100.
    approx(
        m(&d.range("2024-02-20", "2024-03-10"), "revenue_target"),
        300.0,
    );
    // The year: February 580, the other 62 days of Q1 910 x 62/91 = 620,
    // the 275 days after Q1 3660 x 275/366 = 2750.
    approx(m(&d.period("year:2024"), "revenue_target"), 3950.0);
    // April: only the year target, 30 of 366 days.
    approx(m(&d.period("month:2024-04"), "revenue_target"), 300.0);
    // January 2025: no team target, the reps' 50 + 70.
    let jan25 = d.period("month:2025-01");
    approx(m(&jan25, "revenue_target"), 120.0);
    approx(m(&jan25, "target_attainment"), 0.0);
    // No target at all.
    null(m(&d.period("month:2026-01"), "revenue_target"));
    null(m(&d.period("month:2026-01"), "target_attainment"));
}

#[test]
fn goal_and_quota_attainment() {
    let r = shop().period("month:2024-02");
    approx(m(&r, "goal_attainment.revenue.target"), 580.0);
    approx(m(&r, "goal_attainment.revenue.actual"), 300.0);
    // new customers: Q1 target 9.10 x 29/91 days = 2.9; actual 2.
    approx(m(&r, "goal_attainment.new_customers.target"), 2.9);
    approx(m(&r, "goal_attainment.new_customers.attainment"), 2.0 / 2.9);
    // activities: 29 for February, 10 done.
    approx(m(&r, "goal_attainment.activities.attainment"), 10.0 / 29.0);
    assert!(
        m(&r, "goal_attainment").get("deals_won").is_none(),
        "no team target"
    );
    // Sari 80 of 100, Budi 220 of 200.
    approx(m(&r, "quota_attainment.by_rep.Sari"), 0.8);
    approx(m(&r, "quota_attainment.by_rep.Budi"), 1.1);
    assert_eq!(m(&r, "quota_attainment.reps_at_quota"), 1);
    // March: the reps have no target; they sold, so they are listed with null.
    let mar = shop().period("month:2024-03");
    null(m(&mar, "quota_attainment.by_rep.Sari"));
    assert_eq!(m(&mar, "quota_attainment.reps_at_quota"), 0);
}

#[test]
fn filters_restrict_every_kind_they_apply_to() {
    let d = shop();
    let sari = d.filtered("month:2024-02", rep("sari")); // names match case-insensitively
    approx(m(&sari, "revenue"), 80.0);
    // Ani's first paid order with Sari is O5, in February; C1's was in January.
    assert_eq!(m(&sari, "new_customers"), 1);
    assert_eq!(m(&sari, "leads"), 2);
    approx(m(&sari, "win_rate"), 2.0 / 3.0);
    assert_eq!(m(&sari, "activities.total"), 5);
    // Only Sari's target: 100 (the team's are not hers).
    approx(m(&sari, "revenue_target"), 100.0);
    assert_eq!(m(&sari, "goal_attainment"), &serde_json::json!({}));
    // Kinds without a rep stay whole.
    approx(m(&sari, "csat"), 0.5);
    approx(m(&sari, "inquiry_response_hours"), 24.5 / 3.0);

    let online = d.filtered(
        "month:2024-02",
        Filters {
            channel: Some("online".into()),
            ..Filters::default()
        },
    );
    approx(m(&online, "revenue"), 200.0);
    assert_eq!(m(&online, "new_customers"), 1); // C2
    approx(m(&online, "inquiry_response_hours"), 24.0); // Q4
    assert_eq!(m(&online, "leads"), 5, "leads have no channel");
    approx(m(&online, "revenue_target"), 580.0);

    let insta = d.filtered(
        "month:2024-02",
        Filters {
            source: Some("INSTAGRAM".into()),
            ..Filters::default()
        },
    );
    assert_eq!(m(&insta, "leads"), 2);
    approx(m(&insta, "lead_conversion_rate"), 0.5);
    // Deals that came from Instagram leads: D2 (L2, lost in Feb), D3 (L3, open).
    approx(m(&insta, "win_rate"), 0.0);
    assert_eq!(m(&insta, "opportunities"), 1);
    approx(m(&insta, "pipeline_value"), 300.0);
    approx(m(&insta, "revenue"), 300.0);

    let nobody = d.filtered("month:2024-02", rep("Nobody"));
    approx(m(&nobody, "revenue"), 0.0);
    null(m(&nobody, "aov"));
}

#[test]
fn an_empty_period_gives_zeros_and_nulls() {
    let r = shop().period("month:2024-06");
    approx(m(&r, "revenue"), 0.0);
    assert_eq!(m(&r, "orders"), 0);
    null(m(&r, "aov"));
    assert_eq!(m(&r, "new_customers"), 0);
    null(m(&r, "retention_rate")); // nobody bought in May
    null(m(&r, "win_rate"));
    null(m(&r, "avg_deal_cycle_days"));
    null(m(&r, "csat"));
    null(m(&r, "cac"));
    null(m(&r, "upsell_cross_sell_rate"));
    null(m(&r, "sales_growth"));
    assert_eq!(m(&r, "activities.total"), 0);
    assert_eq!(m(&r, "activities.by_type"), &serde_json::json!({}));
    assert_eq!(m(&r, "conversion_by_source"), &serde_json::json!({}));
    assert_eq!(m(&r, "top_products"), &serde_json::json!([]));
    assert_eq!(m(&r, "sales_per_rep"), &serde_json::json!({}));
}

#[test]
fn a_period_before_the_first_record() {
    let r = shop().period("year:2020");
    approx(m(&r, "revenue"), 0.0);
    null(m(&r, "clv")); // no customer yet
    null(m(&r, "subscription_churn"));
    approx(m(&r, "mrr"), 0.0);
    // D6 has no created_at: it has been in the pipeline all along.
    approx(m(&r, "pipeline_value"), 50.0);
}

#[test]
fn kinds_never_imported_are_null() {
    let empty = db("").period("month:2024-02");
    let metrics = empty["metrics"].as_object().unwrap();
    for (id, value) in metrics {
        assert!(value.is_null(), "{id} = {value}");
    }
    // Only orders: order figures are there, the others null.
    let orders_only = db(
        "INSERT INTO orders(order_id, date, status, total_minor, batch_id)
                          VALUES ('X', '2024-02-01', 'paid', 100, 1)",
    )
    .period("month:2024-02");
    approx(m(&orders_only, "revenue"), 1.0);
    null(m(&orders_only, "leads"));
    null(m(&orders_only, "funnel"));
    null(m(&orders_only, "top_products"));
    null(m(&orders_only, "activities"));
    null(m(&orders_only, "mrr"));
}

#[test]
fn every_contract_key_is_present() {
    let ids = super::report::METRIC_IDS;
    for r in [shop().period("month:2024-02"), db("").period("year:2024")] {
        for id in ids {
            assert!(r["metrics"].get(id).is_some(), "missing {id}");
        }
        for key in ["from", "to", "prev_from", "prev_to", "currency", "previous"] {
            assert!(r.get(key).is_some(), "missing {key}");
        }
    }
}

#[test]
fn each_period_kind_and_both_comparisons() {
    let d = shop();
    let cases = [
        // (period, revenue, previous revenue) worked out from the paid orders
        ("day:2024-02-29", 20.0, 0.0), // O6; Feb 28 nothing
        ("week:2024-W09", 20.0, 30.0), // Feb 26-Mar 3: O6; Feb 19-25: O5
        ("month:2024-02", 300.0, 100.0),
        ("quarter:2024-Q1", 480.0, 0.0), // 100 + 300 + 80
        ("year:2024", 480.0, 0.0),
        ("mtd:2024-02-15", 250.0, 100.0), // O2 + O3; Jan 1-15: O1
        ("qtd:2024-02-15", 350.0, 0.0),   // O1 + O2 + O3; Oct 1 - Nov 15 2023
        ("ytd:2024-02-15", 350.0, 0.0),
    ];
    for (period, now, then) in cases {
        let r = d.period(period);
        approx(m(&r, "revenue"), now);
        approx(&r["previous"]["revenue"], then);
    }
    let w = d.period("week:2024-W09");
    assert_eq!(
        (w["prev_from"].as_str(), w["prev_to"].as_str()),
        (Some("2024-02-19"), Some("2024-02-25"))
    );
    approx(m(&w, "sales_growth"), (20.0 - 30.0) / 30.0);
    let last_year = d.run(
        Selection::parse("month:2024-03").unwrap(),
        Comparison::LastYear,
        LATER,
        &Filters::default(),
    );
    assert_eq!(last_year["prev_to"], "2023-03-31");
    approx(&last_year["previous"]["revenue"], 0.0);
    null(m(&last_year, "sales_growth")); // nothing in March 2023
    // A custom range of 10 days compares with the 10 days before it.
    let custom = d.range("2024-02-11", "2024-02-20");
    assert_eq!(custom["prev_from"], "2024-02-01");
    approx(m(&custom, "revenue"), 30.0); // O5
    approx(&custom["previous"]["revenue"], 250.0); // O2 + O3
}

#[test]
fn a_period_containing_today_is_compared_like_for_like() {
    let d = shop();
    let sel = Selection::parse("month:2024-02").unwrap();
    // Today Feb 9: February so far (1-9) against January 1-9, before O1.
    let r = d.run(sel, Comparison::Previous, "2024-02-09", &Filters::default());
    assert_eq!(r["prev_to"], "2024-01-09");
    approx(&r["previous"]["revenue"], 0.0);
    let r = d.run(sel, Comparison::Previous, "2024-02-10", &Filters::default());
    approx(&r["previous"]["revenue"], 100.0); // Jan 1-10 includes O1
}

#[test]
fn series_per_month_for_a_year() {
    let r = shop().period("year:2024");
    let points = r["series"]["points"].as_array().unwrap();
    assert_eq!(r["series"]["granularity"], "month");
    assert_eq!(points.len(), 12);
    approx(&points[0]["revenue"], 100.0);
    approx(&points[1]["revenue"], 300.0);
    assert_eq!(points[1]["to"], "2024-02-29");
    approx(&points[2]["revenue"], 80.0);
    let sum: f64 = points.iter().map(|p| p["revenue"].as_f64().unwrap()).sum();
    approx(&Value::from(sum), 480.0);
    let days = shop().period("month:2024-02");
    assert_eq!(days["series"]["points"].as_array().unwrap().len(), 29);
    // 1 Jan - 31 Mar: 91 days, by ISO week; the first week is cut to Jan 1-7.
    let weeks = shop().range("2024-01-01", "2024-03-31");
    assert_eq!(weeks["series"]["granularity"], "week");
    assert_eq!(weeks["series"]["points"][0]["to"], "2024-01-07");
    // Whole centuries come by year: 2000-2099 is 100 buckets, not 1,200.
    let long = shop().range("2000-01-01", "2099-12-31");
    assert_eq!(long["series"]["granularity"], "year");
    assert_eq!(long["series"]["points"].as_array().unwrap().len(), 100);
    approx(&long["series"]["points"][24]["revenue"], 480.0); // 2024
}

#[test]
fn rows_stored_out_of_date_order_are_sorted_on_load() {
    let d = db("
        INSERT INTO orders(order_id, date, customer_id, status, total_minor, batch_id) VALUES
          ('Z3', '2024-03-10', 'C1', 'paid', NULL, 1),
          ('Z1', '2024-01-10', 'C1', 'paid', NULL, 1),
          ('Z2', '2024-02-10', 'C2', 'paid', 700, 1);
        INSERT INTO order_lines(order_id, line_no, product, quantity, line_total_minor, batch_id) VALUES
          ('Z1', 1, 'Teh', 1, 100, 1),
          ('Z3', 1, 'Kopi', 2, 300, 1),
          ('Z2', 1, 'Gula', 1, 700, 1),
          ('Z1', 2, 'Kopi', 1, 200, 1),
          ('Z3', 2, 'Teh', 1, 50, 1);
        INSERT INTO activities(activity_id, date, type, batch_id) VALUES
          ('A2', '2024-03-01', 'call', 1), ('A1', '2024-01-01', 'call', 1), ('A3', '2024-02-01', 'email', 1);
    ");
    // January: Z1 has no total, so its lines 1.00 + 2.00.
    let jan = d.period("month:2024-01");
    approx(m(&jan, "revenue"), 3.0);
    assert_eq!(m(&jan, "activities.total"), 1);
    assert_eq!(m(&jan, "activities.by_type.call"), 1);
    // March: Z3's lines 3.00 + 0.50; C1 bought in January, so not new.
    let mar = d.period("month:2024-03");
    approx(m(&mar, "revenue"), 3.5);
    assert_eq!(m(&mar, "new_customers"), 0);
    assert_eq!(m(&mar, "top_products.0.product"), "Kopi");
    approx(m(&mar, "top_products.1.revenue"), 0.5);
    // C1 had Teh and Kopi before March: nothing new -> 0 of 1.
    approx(m(&mar, "upsell_cross_sell_rate"), 0.0);
    let feb = d.period("month:2024-02");
    approx(m(&feb, "revenue"), 7.0);
    assert_eq!(m(&feb, "new_customers"), 1);
    assert_eq!(m(&feb, "activities.by_type.email"), 1);
}

#[test]
fn top_products_keeps_ten_and_breaks_ties_by_name() {
    // Twelve products: "P12" sells 5.00, the eleven others 1.00 each.
    let mut sql = String::from(
        "INSERT INTO orders(order_id, date, status, total_minor, batch_id)
         VALUES ('T', '2024-05-05', 'paid', NULL, 1);",
    );
    for k in 1..=12 {
        let cents = if k == 12 { 500 } else { 100 };
        sql.push_str(&format!(
            "INSERT INTO order_lines(order_id, line_no, product, quantity, line_total_minor, batch_id)
             VALUES ('T', {k}, 'P{k:02}', 1, {cents}, 1);"
        ));
    }
    let r = db(&sql).period("month:2024-05");
    let names: Vec<&str> = m(&r, "top_products")
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["product"].as_str().unwrap())
        .collect();
    // P12 first; then the ties by name, P01..P09; P10 and P11 fall off.
    assert_eq!(
        names,
        [
            "P12", "P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09"
        ]
    );
    approx(m(&r, "revenue"), 16.0); // no order total: 11 x 1.00 + 5.00
}

mod profit;
