//! The sample shop: a made-up Indonesian shop (coffee, tea, snacks and gift
//! hampers) with three years of every record kind, so a first-time user can
//! see every screen with data.
//!
//! The output is canonical CSV text, imported through the same path as a
//! user's own files. It depends only on the options: the same seed, scale and
//! end date give the same shop.

use std::path::Path;

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::import::{self, FileReport};
use crate::store::{Database, Kind, Store};

#[derive(Clone, Debug)]
pub struct DemoOptions {
    /// How many orders over the three years.
    pub scale: usize,
    pub seed: u64,
    /// The last day of the shop's history.
    pub until: NaiveDate,
}

impl DemoOptions {
    pub const DEFAULT_SCALE: usize = 6000;

    pub fn new(until: NaiveDate) -> Self {
        DemoOptions {
            scale: Self::DEFAULT_SCALE,
            seed: 1,
            until,
        }
    }

    /// The first day: the first of the month 35 months before `until`'s, so
    /// that the history spans 36 calendar months.
    pub fn from(&self) -> NaiveDate {
        let first = self.until.with_day(1).unwrap_or(self.until);
        first.checked_sub_months(Months::new(35)).unwrap_or(first)
    }
}

/// One generated file: its kind and canonical CSV text.
pub struct DemoFile {
    pub kind: Kind,
    pub csv: String,
}

const REPS: [&str; 5] = [
    "Sari Wulandari",
    "Budi Santoso",
    "Dewi Lestari",
    "Agus Prasetyo",
    "Rina Kartika",
];
const CHANNELS: [(&str, u32); 5] = [
    ("Toko", 35),
    ("Tokopedia", 20),
    ("Shopee", 25),
    ("WhatsApp", 12),
    ("Instagram", 8),
];
/// Name, sku, price in rupiah.
const PRODUCTS: [(&str, &str, i64); 16] = [
    ("Kopi Gayo 250g", "KOP-001", 85_000),
    ("Kopi Toraja 250g", "KOP-002", 90_000),
    ("Kopi Kintamani 250g", "KOP-003", 78_000),
    ("Kopi Susu Botol 1L", "KOP-010", 65_000),
    ("Teh Hijau Puncak 50g", "TEH-001", 19_000),
    ("Teh Melati Tegal 100g", "TEH-002", 24_000),
    ("Sambal Bawang Paket 3 botol", "SMB-001", 43_500),
    ("Sambal Roa 200g", "SMB-002", 55_000),
    ("Keripik Tempe 250g", "CML-001", 22_000),
    ("Kue Nastar Toples", "KUE-001", 120_000),
    ("Kue Kastengel Toples", "KUE-002", 125_000),
    ("Rendang Kering 250g", "LAU-001", 95_000),
    ("Madu Hutan 500ml", "MDU-001", 110_000),
    ("Gula Aren Cair 500ml", "GLA-001", 38_000),
    ("Parsel Lebaran Sedang", "PRS-001", 450_000),
    ("Parsel Kopi Premium", "PRS-002", 650_000),
];
const FIRST_NAMES: [&str; 20] = [
    "Andi", "Bayu", "Citra", "Dian", "Eka", "Fajar", "Gita", "Hendra", "Indah", "Joko", "Kurnia",
    "Lina", "Maya", "Nur", "Putri", "Rizki", "Siti", "Tono", "Wahyu", "Yuni",
];
const LAST_NAMES: [&str; 16] = [
    "Saputra", "Wijaya", "Hidayat", "Pratama", "Siregar", "Nasution", "Lubis", "Harahap", "Kusuma",
    "Setiawan", "Halim", "Tanoto", "Gunawan", "Rahayu", "Susanto", "Purnomo",
];
const COMPANIES: [&str; 10] = [
    "Kafe Senja",
    "Hotel Melati",
    "PT Sinar Abadi",
    "Koperasi Karyawan Maju",
    "Restoran Padang Sederhana",
    "Kantor Notaris Halim",
    "CV Berkah Jaya",
    "Klinik Sehat Sentosa",
    "Sekolah Harapan Bangsa",
    "Bank Perkreditan Rakyat Makmur",
];
/// Lead sources as the sample shop's own sheet names them: free text, shown
/// as written, so in the words of a shop in Indonesia.
const SOURCES: [(&str, u32); 6] = [
    ("Instagram", 30),
    ("WhatsApp", 25),
    ("Referral", 15),
    ("Website", 12),
    ("Datang langsung", 10),
    ("Bazar", 8),
];

/// Generates every kind. `progress` gets the fraction done.
/// `stages` names the pipeline's five stages, the database's own.
pub fn generate(
    opts: &DemoOptions,
    stages: [&'static str; 5],
    progress: &mut dyn FnMut(f32),
) -> Vec<DemoFile> {
    let mut g = Gen {
        rng: ChaCha8Rng::seed_from_u64(opts.seed),
        stages,
        from: opts.from(),
        until: opts.until,
        days: (opts.until - opts.from()).num_days().max(0) + 1,
    };
    let scale = opts.scale.max(1);
    let customers = g.customers((scale / 4).max(5));
    let mut files = Vec::new();
    let (orders, lines) = g.orders(scale, &customers);
    files.push(csv_file(Kind::Orders, orders.clone()));
    files.push(csv_file(Kind::OrderLines, lines));
    progress(0.3);
    let leads = g.leads((scale / 6).max(3), &customers);
    files.push(csv_file(Kind::Leads, leads));
    let (deals, stages) = g.deals((scale / 40).max(3));
    files.push(csv_file(Kind::Deals, deals));
    files.push(csv_file(Kind::DealStages, stages));
    progress(0.5);
    files.push(csv_file(Kind::Activities, g.activities(scale + scale / 2)));
    progress(0.8);
    files.push(csv_file(Kind::Targets, g.targets(scale)));
    files.push(csv_file(Kind::Expenses, g.expenses(scale)));
    files.push(csv_file(
        Kind::Csat,
        g.csat((scale / 12).max(3), &customers),
    ));
    files.push(csv_file(
        Kind::Inquiries,
        g.inquiries((scale / 5).max(3), &customers),
    ));
    // From fixed tables and the orders, without the random stream, so that
    // the kinds generated after them stay the shop they were.
    files.push(csv_file(Kind::Products, product_costs(g.from)));
    files.push(csv_file(Kind::Settlements, settlements(&orders, g.until)));
    files.push(csv_file(
        Kind::Subscriptions,
        g.subscriptions((scale / 50).max(3), &customers),
    ));
    progress(1.0);
    files
}

/// The cost price (HPP) of each product in rupiah, by sku. The parcels are
/// put together per order and have no cost yet, so the sample shows how a
/// missing cost looks.
const COSTS: [(&str, i64); 14] = [
    ("KOP-001", 48_000),
    ("KOP-002", 52_000),
    ("KOP-003", 44_000),
    ("KOP-010", 31_000),
    ("TEH-001", 9_500),
    ("TEH-002", 12_500),
    ("SMB-001", 24_000),
    ("SMB-002", 31_000),
    ("KUE-001", 68_000),
    ("KUE-002", 71_000),
    ("LAU-001", 57_000),
    ("MDU-001", 66_000),
    ("GLA-001", 21_000),
    ("CML-001", 11_000),
];

/// The coffee that cost more from the middle of the history on (a harvest
/// gone up), and by how much in rupiah.
const COST_RISE: (&str, i64) = ("KOP-001", 6_000);

/// The product cost sheet: one row per costed product from the beginning,
/// and the coffee's second cost from 18 months after `from`.
fn product_costs(from: NaiveDate) -> Vec<Vec<String>> {
    let row = |sku: &str, cost: i64, valid_from: String| {
        let (name, _, price) = PRODUCTS
            .iter()
            .find(|p| p.1 == sku)
            .copied()
            .unwrap_or((sku, sku, 0));
        let category = sku.split('-').next().unwrap_or_default();
        vec![
            sku.to_string(),
            name.to_string(),
            category.to_string(),
            money(cost),
            money(price),
            valid_from,
        ]
    };
    let mut rows: Vec<Vec<String>> = COSTS
        .iter()
        .map(|&(sku, cost)| row(sku, cost, String::new()))
        .collect();
    let (sku, rise) = COST_RISE;
    if let Some(&(_, cost)) = COSTS.iter().find(|c| c.0 == sku) {
        let later = from.checked_add_months(Months::new(18)).unwrap_or(from);
        rows.push(row(sku, cost + rise, later.to_string()));
    }
    rows
}

/// The marketplaces' fees: a share of the order in hundredths of a percent
/// and a fixed fee per order in rupiah.
const FEES: [(&str, i64, i64); 2] = [("Shopee", 900, 1_000), ("Tokopedia", 650, 0)];

/// What Shopee and Tokopedia kept and paid out for each paid order, three to
/// seven days after it; orders not paid out by `until` have none yet.
fn settlements(orders: &[Vec<String>], until: NaiveDate) -> Vec<Vec<String>> {
    orders
        .iter()
        .enumerate()
        .filter(|(_, o)| o[6] == "paid")
        .filter_map(|(i, o)| {
            let &(_, share, fixed) = FEES.iter().find(|f| f.0 == o[5])?;
            let placed = NaiveDateTime::parse_from_str(&o[1], "%Y-%m-%dT%H:%M:%S").ok()?;
            let settled = placed + Duration::days(3 + (i % 5) as i64);
            if settled.date() > until {
                return None;
            }
            let total: i64 = o[7].strip_suffix(".00")?.parse().ok()?;
            // Rounded half up to whole rupiah, as the marketplaces bill.
            let fees = (total * share + 5_000) / 10_000 + fixed;
            Some(vec![
                o[0].clone(),
                dt(settled),
                money(fees),
                money(total - fees),
            ])
        })
        .collect()
}

fn csv_file(kind: Kind, rows: Vec<Vec<String>>) -> DemoFile {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header: Vec<&str> = kind.file_fields().map(|f| f.name).collect();
    // Writing to memory cannot fail.
    let _ = w.write_record(&header);
    for row in rows {
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    DemoFile {
        kind,
        csv: String::from_utf8(bytes).unwrap_or_default(),
    }
}

struct Customer {
    id: String,
    name: String,
}

struct Gen {
    rng: ChaCha8Rng,
    /// The pipeline's stage names, in the database's words.
    stages: [&'static str; 5],
    from: NaiveDate,
    until: NaiveDate,
    days: i64,
}

/// Rows in time order, their first cell the id `PREFIX-000001`.
fn numbered(
    mut rows: Vec<(NaiveDateTime, Vec<String>)>,
    prefix: &str,
    width: usize,
) -> Vec<Vec<String>> {
    rows.sort_by_key(|(t, _)| *t);
    rows.into_iter()
        .enumerate()
        .map(|(i, (_, mut row))| {
            row[0] = format!("{prefix}-{:0width$}", i + 1);
            row
        })
        .collect()
}

fn money(rupiah: i64) -> String {
    format!("{rupiah}.00")
}

fn dt(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

impl Gen {
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.rng.random_range(0..items.len())]
    }

    fn weighted<'a>(&mut self, items: &'a [(&'a str, u32)]) -> &'a str {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut x = self.rng.random_range(0..total);
        for (item, w) in items {
            if x < *w {
                return item;
            }
            x -= w;
        }
        items[0].0
    }

    /// A day, more likely later (the shop grows) and in the Lebaran and
    /// year-end gift seasons.
    fn day(&mut self) -> NaiveDate {
        loop {
            let d = self.from + Duration::days(self.rng.random_range(0..self.days));
            let growth = 0.55 + 0.45 * (d - self.from).num_days() as f64 / self.days as f64;
            let season = match d.month() {
                3 | 4 | 12 => 1.0,
                11 => 0.85,
                _ => 0.7,
            };
            let weekend = if d.weekday().number_from_monday() >= 6 {
                1.0
            } else {
                0.85
            };
            if self.rng.random_bool(growth * season * weekend) {
                return d;
            }
        }
    }

    fn time_on(&mut self, d: NaiveDate, from_hour: u32, to_hour: u32) -> NaiveDateTime {
        let secs = self.rng.random_range(from_hour * 3600..to_hour * 3600);
        d.and_time(NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap_or_default())
    }

    fn customers(&mut self, n: usize) -> Vec<Customer> {
        (1..=n)
            .map(|i| {
                let first = *self.pick(&FIRST_NAMES);
                let last = *self.pick(&LAST_NAMES);
                Customer {
                    id: format!("PLG-{i:05}"),
                    name: format!("{first} {last}"),
                }
            })
            .collect()
    }

    fn orders(&mut self, n: usize, customers: &[Customer]) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
        let mut days: Vec<NaiveDate> = (0..n).map(|_| self.day()).collect();
        days.sort();
        let mut orders = Vec::with_capacity(n);
        let mut lines = Vec::with_capacity(n * 2);
        // Regulars buy again and again; a long tail buys once or twice.
        let regulars = (customers.len() / 5).max(1);
        for (i, d) in days.into_iter().enumerate() {
            let id = format!("INV-{:06}", i + 1);
            let at = self.time_on(d, 8, 21);
            let channel = self.weighted(&CHANNELS).to_string();
            let walk_in = channel == "Toko" && self.rng.random_bool(0.3);
            let (cust_id, cust_name) = if walk_in {
                (String::new(), String::new())
            } else {
                let c = if self.rng.random_bool(0.5) {
                    &customers[self.rng.random_range(0..regulars)]
                } else {
                    self.pick(customers)
                };
                (c.id.clone(), c.name.clone())
            };
            let rep = self.pick(&REPS).to_string();
            let recent = (self.until - d).num_days() < 4;
            let status = match self.rng.random_range(0..100) {
                _ if recent && self.rng.random_bool(0.3) => "unpaid",
                0..3 => "cancelled",
                3..5 => "refunded",
                _ => "paid",
            };
            let mut total = 0;
            for _ in 0..self.rng.random_range(1..=4) {
                let gift_season = matches!(d.month(), 3 | 4 | 12);
                let (name, sku, price) = if gift_season && self.rng.random_bool(0.12) {
                    PRODUCTS[self.rng.random_range(14..16)]
                } else {
                    PRODUCTS[self.rng.random_range(0..14)]
                };
                let qty: i64 = if self.rng.random_bool(0.75) {
                    1
                } else {
                    self.rng.random_range(2..=5)
                };
                total += qty * price;
                lines.push(vec![
                    id.clone(),
                    name.to_string(),
                    sku.to_string(),
                    qty.to_string(),
                    money(price),
                    money(qty * price),
                ]);
            }
            orders.push(vec![
                id,
                dt(at),
                cust_id,
                cust_name,
                rep,
                channel,
                status.to_string(),
                money(total),
            ]);
        }
        (orders, lines)
    }

    fn leads(&mut self, n: usize, customers: &[Customer]) -> Vec<Vec<String>> {
        let rows: Vec<(NaiveDateTime, Vec<String>)> = (0..n)
            .map(|_| {
                let d = self.day();
                let created = self.time_on(d, 7, 22);
                let source = self.weighted(&SOURCES).to_string();
                let rep = self.pick(&REPS).to_string();
                let responded = self.rng.random_bool(0.9);
                let first_response = responded
                    .then(|| created + Duration::minutes(self.rng.random_range(3..60 * 20)));
                let convert_chance = match source.as_str() {
                    "Referral" => 0.45,
                    "Datang langsung" => 0.35,
                    "WhatsApp" => 0.3,
                    _ => 0.18,
                };
                let converted = responded && self.rng.random_bool(convert_chance);
                let converted_at = converted
                    .then(|| created + Duration::hours(self.rng.random_range(2..24 * 14)))
                    .filter(|t| t.date() <= self.until);
                let status = if converted_at.is_some() {
                    "converted"
                } else if !responded {
                    "new"
                } else if self.rng.random_bool(0.5) {
                    "lost"
                } else {
                    "contacted"
                };
                let customer = converted_at
                    .map(|_| self.pick(customers).id.clone())
                    .unwrap_or_default();
                (
                    created,
                    vec![
                        String::new(),
                        dt(created),
                        source,
                        rep,
                        first_response.map(dt).unwrap_or_default(),
                        status.to_string(),
                        converted_at.map(dt).unwrap_or_default(),
                        customer,
                    ],
                )
            })
            .collect();
        numbered(rows, "LEAD", 5)
    }

    /// Corporate orders (hampers, office coffee): deals through the pipeline,
    /// with their stage history.
    fn deals(&mut self, n: usize) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
        let mut created: Vec<NaiveDate> = (0..n).map(|_| self.day()).collect();
        created.sort();
        let mut deals = Vec::new();
        let mut history = Vec::new();
        for (i, start) in created.into_iter().enumerate() {
            let id = format!("DEAL-{:04}", i + 1);
            let company = *self.pick(&COMPANIES);
            let what = *self.pick(&[
                "Parsel Lebaran",
                "Kopi kantor bulanan",
                "Parsel akhir tahun",
                "Suguhan rapat",
                "Oleh-oleh tamu",
            ]);
            let rep = self.pick(&REPS[..3]).to_string();
            let value = self.rng.random_range(20..400) * 250_000;
            // How far it gets: each step on is a little less likely.
            let mut reached = 1;
            while reached < 4 && self.rng.random_bool(0.72) {
                reached += 1;
            }
            let mut t = start;
            for stage in &self.stages[..reached] {
                if t > self.until {
                    break;
                }
                history.push(vec![id.clone(), stage.to_string(), t.to_string()]);
                t += Duration::days(self.rng.random_range(2..12));
            }
            let last = history
                .last()
                .map(|h| h[1].clone())
                .unwrap_or_else(|| self.stages[0].into());
            let (status, closed, close_value) = if t > self.until || self.rng.random_bool(0.15) {
                ("open", None, None)
            } else if reached == 4 && self.rng.random_bool(0.7) {
                let discount = self.rng.random_range(85..=100);
                ("won", Some(t), Some(value * discount / 100))
            } else {
                ("lost", Some(t), Some(0))
            };
            if status == "won" {
                history.push(vec![id.clone(), self.stages[4].into(), t.to_string()]);
            }
            let stage = if status == "won" {
                self.stages[4].to_string()
            } else {
                last
            };
            deals.push(vec![
                id,
                format!("{what} - {company}"),
                rep,
                start.to_string(),
                stage,
                status.to_string(),
                money(value),
                closed.map(|d| d.to_string()).unwrap_or_default(),
                close_value.map(money).unwrap_or_default(),
                String::new(),
            ]);
        }
        (deals, history)
    }

    fn activities(&mut self, n: usize) -> Vec<Vec<String>> {
        let types: [(&str, u32); 8] = [
            ("call", 30),
            ("email", 18),
            ("follow_up", 16),
            ("meeting", 10),
            ("social_post", 12),
            ("proposal", 5),
            ("demo", 5),
            ("networking_event", 4),
        ];
        let rows: Vec<(NaiveDateTime, Vec<String>)> = (0..n)
            .map(|_| {
                let d = self.day();
                let at = self.time_on(d, 8, 18);
                let ty = self.weighted(&types).to_string();
                let (minutes, count) = match ty.as_str() {
                    "call" => (self.rng.random_range(3..25), 1),
                    "email" => (self.rng.random_range(2..10), 1),
                    "follow_up" => (self.rng.random_range(5..20), 1),
                    "meeting" => (self.rng.random_range(30..90), 1),
                    "social_post" => (self.rng.random_range(10..40), self.rng.random_range(5..400)),
                    "networking_event" => (self.rng.random_range(120..300), 1),
                    _ => (self.rng.random_range(30..120), 1),
                };
                let rep = self.pick(&REPS).to_string();
                (
                    at,
                    vec![
                        String::new(),
                        dt(at),
                        rep,
                        ty,
                        minutes.to_string(),
                        count.to_string(),
                        String::new(),
                        String::new(),
                    ],
                )
            })
            .collect();
        numbered(rows, "ACT", 6)
    }

    /// Monthly revenue targets for the team and each rep, quarterly new
    /// customers, monthly activities and yearly deals won.
    fn targets(&mut self, scale: usize) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        // About what the shop sells a month at this scale (average order ~ Rp 150.000).
        let monthly = (scale as i64 * 150_000 / 36 / 1_000_000).max(1) * 1_000_000;
        let mut month = self.from;
        let mut step = 0i64;
        while month <= self.until {
            let period = format!("{:04}-{:02}", month.year(), month.month());
            let team = monthly * (80 + step * 2) / 100;
            rows.push(vec![
                period.clone(),
                String::new(),
                "revenue".into(),
                money(team),
            ]);
            for rep in REPS {
                rows.push(vec![
                    period.clone(),
                    rep.into(),
                    "revenue".into(),
                    money(team / 5),
                ]);
            }
            let acts = (scale as i64 * 3 / 2 / 36).max(1);
            rows.push(vec![
                period,
                String::new(),
                "activities".into(),
                acts.to_string(),
            ]);
            if month.month() % 3 == 1 {
                let q = format!("{:04}-Q{}", month.year(), month.month() / 3 + 1);
                let new_customers = (scale as i64 / 4 / 12).max(1);
                rows.push(vec![
                    q,
                    String::new(),
                    "new_customers".into(),
                    new_customers.to_string(),
                ]);
            }
            if month.month() == 1 || month == self.from {
                let deals = (scale as i64 / 40 / 3 / 2).max(1);
                rows.push(vec![
                    month.year().to_string(),
                    String::new(),
                    "deals_won".into(),
                    deals.to_string(),
                ]);
            }
            month = month
                .checked_add_months(Months::new(1))
                .unwrap_or(self.until + Duration::days(1));
            step += 1;
        }
        rows
    }

    fn expenses(&mut self, scale: usize) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut month = self.from;
        let ads = (scale as i64 * 4_000 / 36 / 1000).max(1) * 1000;
        while month <= self.until {
            let rent_day = month;
            rows.push(vec![
                rent_day.to_string(),
                "other".into(),
                money(3_500_000),
                "Sewa toko".into(),
            ]);
            for (what, base) in [("Iklan Instagram", ads), ("Iklan Shopee", ads / 2)] {
                let d = month + Duration::days(self.rng.random_range(0..27));
                if d <= self.until {
                    let amount = base * self.rng.random_range(80..=120) / 100;
                    rows.push(vec![
                        d.to_string(),
                        "marketing".into(),
                        money(amount),
                        what.into(),
                    ]);
                }
            }
            let d = month + Duration::days(self.rng.random_range(0..27));
            if d <= self.until {
                let amount = self.rng.random_range(300..900) * 1000;
                rows.push(vec![
                    d.to_string(),
                    "sales".into(),
                    money(amount),
                    "Transport & bensin".into(),
                ]);
            }
            month = month
                .checked_add_months(Months::new(1))
                .unwrap_or(self.until + Duration::days(1));
        }
        rows
    }

    fn csat(&mut self, n: usize, customers: &[Customer]) -> Vec<Vec<String>> {
        let mut rows: Vec<Vec<String>> = (0..n)
            .map(|_| {
                let d = self.day();
                let score = *self.pick(&[5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1]);
                vec![
                    d.to_string(),
                    self.pick(customers).id.clone(),
                    score.to_string(),
                ]
            })
            .collect();
        rows.sort();
        rows
    }

    fn inquiries(&mut self, n: usize, customers: &[Customer]) -> Vec<Vec<String>> {
        let rows: Vec<(NaiveDateTime, Vec<String>)> = (0..n)
            .map(|_| {
                let d = self.day();
                let received = self.time_on(d, 6, 23);
                let channel = self
                    .pick(&["WhatsApp", "Instagram", "Shopee", "Tokopedia", "Telepon"])
                    .to_string();
                let responded = self
                    .rng
                    .random_bool(0.93)
                    .then(|| received + Duration::minutes(self.rng.random_range(1..60 * 12)));
                let customer = if self.rng.random_bool(0.6) {
                    self.pick(customers).id.clone()
                } else {
                    String::new()
                };
                (
                    received,
                    vec![
                        String::new(),
                        dt(received),
                        responded.map(dt).unwrap_or_default(),
                        channel,
                        customer,
                    ],
                )
            })
            .collect();
        numbered(rows, "TNY", 5)
    }

    /// The monthly coffee subscription ("Langganan Kopi").
    fn subscriptions(&mut self, n: usize, customers: &[Customer]) -> Vec<Vec<String>> {
        let plans = [
            ("Kopi Bulanan Reguler", 149_000),
            ("Kopi Bulanan Premium", 249_000),
        ];
        let mut rows: Vec<Vec<String>> = (0..n)
            .map(|_| {
                let start = self.day();
                let (plan, amount) = *self.pick(&plans);
                let end = self
                    .rng
                    .random_bool(0.4)
                    .then(|| start + Duration::days(self.rng.random_range(60..500)))
                    .filter(|e| *e <= self.until);
                vec![
                    String::new(),
                    self.pick(customers).id.clone(),
                    plan.to_string(),
                    money(amount),
                    start.to_string(),
                    end.map(|e| e.to_string()).unwrap_or_default(),
                ]
            })
            .collect();
        rows.sort_by(|a, b| a[4].cmp(&b[4]));
        for (i, row) in rows.iter_mut().enumerate() {
            row[0] = format!("LGN-{:04}", i + 1);
        }
        rows
    }
}

/// Generates the sample shop and imports it, one batch per kind. `progress`
/// gets the fraction done (generation is the first fifth).
pub fn fill(
    store: &mut Store,
    opts: &DemoOptions,
    progress: &mut dyn FnMut(f32),
) -> anyhow::Result<Vec<FileReport>> {
    let locale = crate::store::settings::load(store.conn())?.locale;
    let parsed = parsed(opts, &locale, progress)?;
    Ok(import::store_files(store, &parsed, &mut |f| {
        progress(0.2 + f * 0.8);
        true
    })?)
}

/// [`fill`] into a file or a server (through the server's import).
pub fn fill_database(
    db: &mut Database,
    opts: &DemoOptions,
    progress: &mut dyn FnMut(f32),
) -> anyhow::Result<Vec<FileReport>> {
    let locale = db.settings()?.locale;
    let parsed = parsed(opts, &locale, progress)?;
    Ok(db.import(&parsed, &mut |f| {
        progress(0.2 + f * 0.8);
        true
    })?)
}

/// The sample shop's files, generated and read as an import reads them.
fn parsed(
    opts: &DemoOptions,
    locale: &str,
    progress: &mut dyn FnMut(f32),
) -> anyhow::Result<Vec<import::ParsedFile>> {
    let stages = crate::store::settings::default_stages(locale);
    let files = generate(opts, stages, &mut |f| progress(f * 0.2));
    let mut parsed = Vec::new();
    for f in &files {
        let name = format!("sample-shop-{}.csv", f.kind.table());
        let opts = import::ReadOptions {
            kind: Some(f.kind),
            ..Default::default()
        };
        parsed.extend(import::read_bytes(
            Path::new(&name),
            f.csv.as_bytes(),
            &opts,
        )?);
    }
    if let Some(issue) = parsed.iter().find_map(|p| p.errors.first()) {
        anyhow::bail!("the sample shop has a bad row: {issue:?}");
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STAGES: [&str; 5] = [
        "Prospek",
        "Kualifikasi",
        "Penawaran",
        "Negosiasi",
        "Closing",
    ];

    fn opts() -> DemoOptions {
        DemoOptions {
            scale: 600,
            seed: 7,
            until: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
        }
    }

    #[test]
    fn same_options_same_shop_other_seed_other_shop() {
        let a = generate(&opts(), STAGES, &mut |_| {});
        let b = generate(&opts(), STAGES, &mut |_| {});
        assert!(a.iter().zip(&b).all(|(x, y)| x.csv == y.csv));
        let c = generate(&DemoOptions { seed: 8, ..opts() }, STAGES, &mut |_| {});
        assert_ne!(a[0].csv, c[0].csv);
    }

    #[test]
    fn every_kind_once_with_rows_in_the_36_months() {
        let files = generate(&opts(), STAGES, &mut |_| {});
        let kinds: Vec<Kind> = files.iter().map(|f| f.kind).collect();
        assert_eq!(kinds.len(), Kind::ALL.len());
        for kind in Kind::ALL {
            assert!(kinds.contains(&kind), "{kind}");
        }
        let orders = &files[0];
        assert_eq!(orders.csv.lines().count(), 601, "header + scale orders");
        let from = opts().from();
        assert_eq!(from, NaiveDate::from_ymd_opt(2022, 7, 1).unwrap());
        for line in orders.csv.lines().skip(1) {
            let date = &line.split(',').nth(1).unwrap()[..10];
            assert!(("2022-07-01"..="2025-06-30").contains(&date), "{date}");
        }
    }

    #[test]
    fn costs_change_once_and_leave_the_parcels_without_one() {
        let files = generate(&opts(), STAGES, &mut |_| {});
        let costs = files.iter().find(|f| f.kind == Kind::Products).unwrap();
        let rows: Vec<&str> = costs.csv.lines().skip(1).collect();
        assert_eq!(rows.len(), 15, "14 costed products and the coffee's rise");
        assert!(rows.contains(&"KOP-001,Kopi Gayo 250g,KOP,48000.00,85000.00,"));
        assert!(rows.contains(&"KOP-001,Kopi Gayo 250g,KOP,54000.00,85000.00,2024-01-01"));
        assert!(!rows.iter().any(|r| r.starts_with("PRS-")));
    }

    #[test]
    fn marketplace_orders_are_paid_out_less_their_fees() {
        let files = generate(&opts(), STAGES, &mut |_| {});
        let orders = &files[0].csv;
        let paid_on = |channel: &str| {
            orders
                .lines()
                .filter(|l| l.contains(&format!(",{channel},paid,")))
                .count()
        };
        let settled = files.iter().find(|f| f.kind == Kind::Settlements).unwrap();
        let rows: Vec<Vec<&str>> = settled
            .csv
            .lines()
            .skip(1)
            .map(|l| l.split(',').collect())
            .collect();
        // Only the last week's orders can still wait for their payout.
        let marketplace = paid_on("Shopee") + paid_on("Tokopedia");
        assert!(rows.len() <= marketplace && rows.len() + 20 > marketplace);
        let money = |s: &str| s.strip_suffix(".00").unwrap().parse::<f64>().unwrap();
        let (mut all_fees, mut all_sales) = (0.0, 0.0);
        for r in &rows {
            let (fees, payout) = (money(r[2]), money(r[3]));
            // Shopee's fixed Rp 1.000 weighs most on a Rp 19.000 tea: 14.3%.
            let rate = fees / (fees + payout);
            assert!((0.065..=0.143).contains(&rate), "{r:?}");
            all_fees += fees;
            all_sales += fees + payout;
        }
        assert!((0.07..0.10).contains(&(all_fees / all_sales)));
    }
}
