//! Which column holds which field: the header row is found, each header is
//! matched against the canonical names and their English and Indonesian
//! synonyms (and the headers of the known exports), first as written, then
//! as words (camelCase split, abbreviations written out), and the kind whose
//! fields the columns name best is chosen. A required field whose column has
//! an unknown name is filled from the columns' values when exactly one
//! column fits it (docs/import.md, "How columns are matched").

use serde::{Deserialize, Serialize};

use super::profile::Profile;
use crate::store::{FieldType, Kind};

/// What a column carries besides the canonical fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Extra {
    /// An amount refunded from the order (Shopify `Refunded Amount`, TikTok
    /// `Order Refund Amount`): the order counts its total minus this.
    RefundedAmount,
    /// When set, the order was cancelled (Shopify `Cancelled at`, TikTok
    /// `Cancelled Time`), whatever its payment status.
    CancelledAt,
    /// A CRM's `IsWon` (true/false, 1/0, ya/tidak): a deal's status where the
    /// file gives none.
    IsWon,
    /// A CRM's `IsClosed`: closed and not won is lost.
    IsClosed,
    /// One of a settlement's fee columns (Shopee `Biaya Administrasi`, TikTok
    /// `Transaction fee`): without a total fees column, fees is the sum of
    /// their absolute values. Several columns may carry it.
    Fee,
    /// What a settlement row is (TikTok `Type`, a balance export's
    /// `Deskripsi`): adjustments and withdrawals are not orders.
    RowType,
}

impl Extra {
    /// The extras a file of `kind` may carry.
    fn of(kind: Kind) -> &'static [Extra] {
        match kind {
            Kind::Orders => &[Extra::RefundedAmount, Extra::CancelledAt],
            Kind::Deals => &[Extra::IsWon, Extra::IsClosed],
            Kind::Settlements => &[Extra::Fee, Extra::RowType],
            _ => &[],
        }
    }
}

/// Where one column goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A canonical field of the file's kind, or for an orders file, of its
    /// order lines (`product`, `sku`, `quantity`, `unit_price`, `line_total`).
    Field(&'static str),
    Extra(Extra),
}

impl Target {
    /// The name a preset stores: the field's, or the extra's.
    pub fn name(self) -> &'static str {
        match self {
            Target::Field(f) => f,
            Target::Extra(Extra::RefundedAmount) => "refunded_amount",
            Target::Extra(Extra::CancelledAt) => "cancelled_at",
            Target::Extra(Extra::IsWon) => "is_won",
            Target::Extra(Extra::IsClosed) => "is_closed",
            Target::Extra(Extra::Fee) => "fee",
            Target::Extra(Extra::RowType) => "row_type",
        }
    }

    /// Whether several columns may map to this target (each fee column).
    fn repeats(self) -> bool {
        self == Target::Extra(Extra::Fee)
    }

    /// The targets a file of `kind` can map columns to, in field order.
    pub fn all_for(kind: Kind) -> Vec<Target> {
        let mut all: Vec<Target> = candidate_fields(kind)
            .into_iter()
            .map(Target::Field)
            .collect();
        all.extend(Extra::of(kind).iter().map(|&e| Target::Extra(e)));
        all
    }

    pub fn from_name(kind: Kind, name: &str) -> Option<Target> {
        Target::all_for(kind).into_iter().find(|t| t.name() == name)
    }
}

/// A mapping the user saved under a name, to use again for the next export
/// of the same shape: the kind, and per header the field it goes to (None:
/// ignored).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Preset {
    pub kind: Option<Kind>,
    pub columns: Vec<(String, Option<String>)>,
}

impl Preset {
    pub fn new(kind: Kind, headers: &[String], mapping: &[Option<Target>]) -> Preset {
        Preset {
            kind: Some(kind),
            columns: headers
                .iter()
                .zip(mapping)
                .map(|(h, t)| (h.clone(), t.map(|t| t.name().to_string())))
                .collect(),
        }
    }

    /// The mapping of `headers` for `kind`: the preset's choice for each
    /// header it names, else the automatic one.
    pub fn apply(&self, kind: Kind, headers: &[String]) -> Vec<Option<Target>> {
        let auto = map_headers(kind, headers);
        headers
            .iter()
            .zip(auto)
            .map(|(h, auto)| {
                match self
                    .columns
                    .iter()
                    .find(|(ph, _)| normalise(ph) == normalise(h))
                {
                    Some((_, Some(name))) => Target::from_name(kind, name),
                    Some((_, None)) => None,
                    None => auto,
                }
            })
            .collect()
    }
}

/// The canonical fields of an order line that an orders file may carry.
pub const LINE_FIELDS: [&str; 5] = ["product", "sku", "quantity", "unit_price", "line_total"];

/// Lower case, every run of other characters than letters and digits one space:
/// `No. Pesanan` -> `no pesanan`, `Harga Jual (IDR)` -> `harga jual idr`.
pub fn normalise(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Headers per field, after [`normalise`]. The canonical name is always one.
fn synonyms(kind: Kind, field: &str) -> &'static [&'static str] {
    match (kind, field) {
        (Kind::Orders, "order_id") => &[
            "order id",
            "no pesanan",
            "nomor pesanan",
            "id pesanan",
            "invoiceno",
            "invoice no",
            "invoice",
            "nomor invoice",
            "no invoice",
            "no faktur",
            "nomor faktur",
            "order number",
            "order no",
            "order",
            "transaction id",
            "transaction number",
            "receipt number",
            "receipt",
            "no nota",
            "nota",
            "no transaksi",
            "nomor transaksi",
            "id transaksi",
            "kode transaksi",
        ],
        (Kind::Orders, "date") => &[
            "date",
            "order date",
            "tanggal",
            "tgl",
            "tanggal pesanan",
            "tanggal transaksi",
            "invoicedate",
            "invoice date",
            "created at",
            "waktu pesanan dibuat",
            "tanggal pembayaran",
            "created time",
            "waktu dibuat",
            "order created",
            "waktu",
            "transaction date",
            "receipt date",
            "tanggal nota",
        ],
        (Kind::Orders, "customer_id") => &[
            "customer id",
            "customerid",
            "id pelanggan",
            "kode pelanggan",
            "email",
            "username pembeli",
            "buyer username",
            "customer email",
        ],
        (Kind::Orders, "customer_name") => &[
            "customer name",
            "customername",
            "customer",
            "nama pelanggan",
            "pelanggan",
            "nama pembeli",
            "pembeli",
            "billing name",
            "buyer name",
        ],
        (Kind::Orders | Kind::Leads | Kind::Deals | Kind::Activities | Kind::Targets, "rep") => &[
            "rep",
            "sales",
            "sales rep",
            "salesperson",
            "sales person",
            "sales agent",
            "agent",
            "kasir",
            "karyawan",
            "pegawai",
            "owner",
            "tenaga penjual",
            "owner id",
            "ownerid",
        ],
        (Kind::Orders | Kind::Inquiries, "channel") => &[
            "channel",
            "saluran",
            "sales channel",
            "kanal",
            "saluran penjualan",
            "platform",
        ],
        (Kind::Orders, "status") => &[
            "status",
            "order status",
            "status pesanan",
            "status terakhir",
            "financial status",
            "status pembayaran",
            "payment status",
        ],
        (Kind::Orders, "total") => &[
            "total",
            "total pembayaran",
            "order amount",
            "grand total",
            "total bayar",
            "total harga",
            "jumlah bayar",
            "total belanja",
            "order total",
            "total idr",
            "total amount",
            "net total",
        ],
        (Kind::Orders | Kind::OrderLines, "product") => &[
            "product",
            "product name",
            "description",
            "nama produk",
            "nama barang",
            "produk",
            "barang",
            "item",
            "item name",
            "lineitem name",
            "sub category",
        ],
        (Kind::Orders | Kind::OrderLines, "sku") => &[
            "sku",
            "stockcode",
            "stock code",
            "product id",
            "nomor referensi sku",
            "sku induk",
            "nomor sku",
            "lineitem sku",
            "kode produk",
            "kode barang",
            "seller sku",
        ],
        (Kind::Orders | Kind::OrderLines, "quantity") => &[
            "quantity",
            "qty",
            "jumlah",
            "lineitem quantity",
            "jumlah produk dibeli",
            "kuantitas",
            "jumlah barang",
            "banyaknya",
        ],
        (Kind::Orders | Kind::OrderLines, "unit_price") => &[
            "unit price",
            "unitprice",
            "price",
            "harga",
            "harga satuan",
            "lineitem price",
            "harga setelah diskon",
            "harga jual idr",
            "harga jual",
            "price each",
            "mean price",
            "average price",
            "harga rata rata",
        ],
        (Kind::Orders | Kind::OrderLines, "line_total") => &[
            "line total",
            "sales",
            "amount",
            "subtotal baris",
            "total harga produk",
            "total penjualan idr",
            "total penjualan",
            "sku subtotal after discount",
        ],
        (Kind::OrderLines, "order_id") => &[
            "order id",
            "no pesanan",
            "nomor pesanan",
            "invoiceno",
            "invoice no",
            "nomor invoice",
            "invoice",
            "transaction id",
            "transaction number",
            "receipt number",
            "no nota",
            "nomor nota",
            "no transaksi",
            "nomor transaksi",
        ],
        // `Id`: a CRM data export names every object's own key so.
        (Kind::Leads, "lead_id") => &["lead id", "id prospek", "id lead", "lead", "id"],
        (Kind::Leads, "created_at") => &[
            "created at",
            "created",
            "date",
            "tanggal",
            "tanggal masuk",
            "created date",
        ],
        (Kind::Leads, "source") => &["source", "lead source", "sumber", "sumber prospek"],
        (Kind::Leads, "first_response_at") => &[
            "first response at",
            "first response",
            "responded at",
            "respon pertama",
        ],
        (Kind::Leads, "converted_at") => &[
            "converted at",
            "tanggal konversi",
            "won at",
            "converted date",
        ],
        (Kind::Leads | Kind::Deals | Kind::Activities, "status") => &["status", "deal status"],
        (Kind::Leads | Kind::Csat | Kind::Inquiries | Kind::Subscriptions, "customer_id") => {
            &["customer id", "id pelanggan", "customerid"]
        }
        (Kind::Deals, "deal_id") => &[
            "deal id",
            "opportunity id",
            "opportunity",
            "id deal",
            "id peluang",
            "id",
        ],
        (Kind::Deals, "name") => &[
            "name",
            "deal name",
            "account",
            "nama deal",
            "opportunity name",
        ],
        (Kind::Deals, "created_at") => &[
            "created at",
            "engage date",
            "created",
            "tanggal dibuat",
            "created date",
        ],
        (Kind::Deals | Kind::DealStages, "stage") => {
            &["stage", "deal stage", "tahap", "stage name"]
        }
        (Kind::Deals, "value") => &["value", "deal value", "amount", "nilai", "nilai deal"],
        (Kind::Deals, "closed_at") => &["closed at", "close date", "tanggal tutup", "closed date"],
        (Kind::Deals, "close_value") => &["close value", "closed value", "nilai akhir"],
        (Kind::Deals, "lead_id") => &["lead id"],
        // A CRM task's `WhoId` is the lead or contact, `WhatId` the deal.
        (Kind::Activities, "lead_id") => &["lead id", "who id"],
        (Kind::DealStages, "deal_id") => &["deal id", "opportunity id"],
        (Kind::Activities, "deal_id") => &["deal id", "opportunity id", "what id"],
        (Kind::DealStages, "entered_at") => &[
            "entered at",
            "date",
            "tanggal",
            "changed at",
            "created date",
        ],
        (Kind::Activities, "activity_id") => &["activity id", "id aktivitas", "id"],
        (Kind::Activities, "date") => &["date", "tanggal", "activity date", "waktu"],
        (Kind::Activities, "type") => &[
            "type",
            "activity type",
            "jenis",
            "jenis aktivitas",
            "subject",
            "subjek",
        ],
        (Kind::Activities, "duration_minutes") => &[
            "duration minutes",
            "duration",
            "durasi",
            "durasi menit",
            "minutes",
        ],
        (Kind::Activities, "count") => &["count", "jumlah", "engagements"],
        (Kind::Targets, "period") => &["period", "periode", "bulan"],
        (Kind::Targets, "metric") => &["metric", "metrik"],
        (Kind::Targets, "target") => &["target", "nilai target"],
        (Kind::Expenses, "date") => &["date", "tanggal"],
        (Kind::Expenses, "category") => &["category", "kategori"],
        (Kind::Expenses, "amount") => &["amount", "jumlah", "nominal", "biaya"],
        (Kind::Expenses, "description") => &["description", "keterangan", "deskripsi"],
        (Kind::Csat, "date") => &["date", "tanggal"],
        (Kind::Csat, "score") => &["score", "skor", "nilai", "rating"],
        (Kind::Inquiries, "inquiry_id") => &["inquiry id", "id pertanyaan", "ticket id"],
        (Kind::Inquiries, "received_at") => &["received at", "diterima", "waktu masuk"],
        (Kind::Inquiries, "responded_at") => &["responded at", "dibalas", "waktu balas"],
        (Kind::Subscriptions, "subscription_id") => &["subscription id", "id langganan"],
        (Kind::Subscriptions, "plan") => &["plan", "paket"],
        (Kind::Subscriptions, "monthly_amount") => &["monthly amount", "biaya bulanan", "mrr"],
        (Kind::Subscriptions, "start_date") => &["start date", "tanggal mulai", "mulai"],
        (Kind::Subscriptions, "end_date") => &["end date", "tanggal berakhir", "berakhir"],
        (Kind::Products, "sku") => &[
            "sku",
            "variant sku",
            "kode produk",
            "kode barang",
            "kode item",
            "item code",
            "nomor sku",
            "seller sku",
        ],
        (Kind::Products, "product") => &[
            "product",
            "product name",
            "nama produk",
            "nama barang",
            "nama item",
            "item name",
            "title",
            "name",
            "produk",
            "barang",
            "item",
        ],
        (Kind::Products, "category") => &["category", "kategori", "type", "product category"],
        (Kind::Products, "cost") => &[
            "cost",
            "hpp",
            "harga modal",
            "harga beli",
            "harga pokok",
            "harga pokok penjualan",
            "modal",
            "cost per item",
            "cost price",
            "unit cost",
            "hpp per unit",
            "harga modal per unit",
        ],
        (Kind::Products, "price") => &[
            "price",
            "harga jual",
            "harga",
            "variant price",
            "selling price",
            "harga satuan",
        ],
        (Kind::Products, "valid_from") => &[
            "valid from",
            "berlaku mulai",
            "berlaku sejak",
            "mulai berlaku",
            "tanggal berlaku",
            "effective date",
        ],
        (Kind::Settlements, "order_id") => &[
            "order id",
            "no pesanan",
            "nomor pesanan",
            "id pesanan",
            "order adjustment id",
            "nomor invoice",
            "no invoice",
            "invoice",
        ],
        (Kind::Settlements, "settled_at") => &[
            "settled at",
            "tanggal dana dilepaskan",
            "order settled time",
            "settled time",
            "settlement date",
            "tanggal pencairan",
            "waktu pencairan",
            "tanggal penghasilan",
            "tanggal",
        ],
        (Kind::Settlements, "fees") => &["fees", "total fees", "total biaya", "biaya total"],
        (Kind::Settlements, "payout") => &[
            "payout",
            "total penghasilan",
            "total settlement amount",
            "settlement amount",
            "penghasilan bersih",
            "dana diterima",
            "jumlah diterima",
            "nominal",
        ],
        _ => &[],
    }
}

fn extra_synonyms(extra: Extra) -> &'static [&'static str] {
    match extra {
        Extra::RefundedAmount => &["refunded amount", "order refund amount", "jumlah refund"],
        Extra::CancelledAt => &[
            "cancelled at",
            "cancelled time",
            "waktu dibatalkan",
            "canceled at",
        ],
        Extra::IsWon => &["is won", "won", "menang"],
        Extra::IsClosed => &["is closed", "closed", "ditutup"],
        Extra::Fee => &[
            "biaya administrasi",
            "biaya layanan",
            "biaya proses pesanan",
            "biaya komisi ams",
            "biaya program",
            "biaya kartu kredit",
            "biaya kampanye",
            "biaya transaksi",
            "biaya power merchant",
            "komisi",
            "transaction fee",
            "commission fee",
            "tiktok shop commission fee",
            "platform commission fee",
            "affiliate commission",
            "service fee",
            "sfp service fee",
            "live specials service fee",
            "voucher xtra service fee",
            "platform fee",
        ],
        Extra::RowType => &[
            "type",
            "tipe",
            "jenis",
            "jenis transaksi",
            "transaction type",
            "deskripsi",
            "keterangan",
            "description",
        ],
    }
}

/// The fields a file of `kind` may carry: the kind's own, and for orders those
/// of their lines.
fn candidate_fields(kind: Kind) -> Vec<&'static str> {
    let mut fields: Vec<&'static str> = kind.file_fields().map(|f| f.name).collect();
    if kind == Kind::Orders {
        fields.extend(LINE_FIELDS);
    }
    fields
}

/// How a column's field was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// Its header names the field.
    Name,
    /// Its values fit the field and no other column's do.
    Values,
    /// The user chose it (the wizard, `--map`, a preset).
    User,
}

/// How a column's field was chosen and how sure that is, from 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Matched {
    pub by: MatchedBy,
    pub confidence: f32,
}

/// Confidence of a header that is a field's name or synonym as written.
const EXACT: f32 = 1.0;
/// ... that is one as words (`StageName`, `Qty`, `TxnID`).
const AS_WORDS: f32 = 0.9;
/// ... that holds all the words of a synonym of two words or more
/// (`Tanggal Pesanan Dibuat` holds `tanggal pesanan`).
const CONTAINS: f32 = 0.7;

/// Abbreviations written out before headers are compared as words.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("qty", "quantity"),
    ("amt", "amount"),
    ("no", "number"),
    ("nr", "number"),
    ("num", "number"),
    ("nbr", "number"),
    ("nomor", "number"),
    ("txn", "transaction"),
    ("trx", "transaction"),
    ("trans", "transaction"),
    ("dt", "date"),
    ("cust", "customer"),
    ("prod", "product"),
    ("desc", "description"),
    ("tgl", "tanggal"),
    ("inv", "invoice"),
    ("ord", "order"),
    ("ref", "reference"),
    ("pcs", "quantity"),
];

/// Currency codes and signs a header may carry beside its name.
const CURRENCY_WORDS: &[&str] = &[
    "idr", "rp", "usd", "eur", "gbp", "inr", "sgd", "myr", "aud", "jpy", "cny",
];

/// A header as words: camelCase split, [`normalise`]d, abbreviations written
/// out, currency codes left out: `TxnID` -> `transaction id`, `No. Pesanan`
/// -> `number pesanan`, `Total (USD)` -> `total`.
pub fn words(header: &str) -> String {
    let mut split = String::with_capacity(header.len() + 8);
    let mut prev: Option<char> = None;
    for c in header.trim_start_matches('\u{feff}').chars() {
        if prev.is_some_and(|p| c.is_uppercase() && (p.is_lowercase() || p.is_ascii_digit())) {
            split.push(' ');
        }
        split.push(c);
        prev = Some(c);
    }
    normalise(&split)
        .split(' ')
        // `Total (USD)` is a total: the currency is evidence, not a name.
        .filter(|w| !CURRENCY_WORDS.contains(w))
        .map(|w| {
            ABBREVIATIONS
                .iter()
                .find(|(short, _)| *short == w)
                .map_or(w, |(_, full)| full)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each target of each kind with the names it is known by (its canonical
/// name and its synonyms) as [`words`], worked out once.
fn known_words() -> &'static [(Kind, Target, Vec<String>)] {
    static WORDS: std::sync::OnceLock<Vec<(Kind, Target, Vec<String>)>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        Kind::ALL
            .into_iter()
            .flat_map(|kind| {
                Target::all_for(kind).into_iter().map(move |t| {
                    let names: Vec<&str> = match t {
                        Target::Field(f) => std::iter::once(f)
                            .chain(synonyms(kind, f).iter().copied())
                            .collect(),
                        Target::Extra(e) => extra_synonyms(e).to_vec(),
                    };
                    (kind, t, names.into_iter().map(words).collect())
                })
            })
            .collect()
    })
}

/// The targets a header may mean for `kind`, each with how sure that is:
/// the best tier that matches anything, longest synonym first.
fn candidates_for(kind: Kind, header: &str) -> Vec<(Target, f32)> {
    let h = normalise(header);
    if h.is_empty() {
        return Vec::new();
    }
    if let Some(t) = target_for(kind, header) {
        return vec![(t, EXACT)];
    }
    let hw = words(header);
    let known = || known_words().iter().filter(move |(k, _, _)| *k == kind);
    let as_words: Vec<(Target, f32)> = known()
        .filter(|(_, _, names)| names.contains(&hw))
        .map(|(_, t, _)| (*t, AS_WORDS))
        .collect();
    if !as_words.is_empty() {
        return as_words;
    }
    let have: Vec<&str> = hw.split(' ').collect();
    let mut contained: Vec<(usize, Target)> = known()
        .filter_map(|(_, t, names)| {
            names
                .iter()
                .filter(|n| n.contains(' ') && n.split(' ').all(|w| have.contains(&w)))
                .map(|n| n.split(' ').count())
                .max()
                .map(|len| (len, *t))
        })
        .collect();
    contained.sort_by_key(|c| std::cmp::Reverse(c.0));
    contained.into_iter().map(|(_, t)| (t, CONTAINS)).collect()
}

/// The field (or extra) a header means for a file of `kind`, as written.
pub fn target_for(kind: Kind, header: &str) -> Option<Target> {
    let h = normalise(header);
    if h.is_empty() {
        return None;
    }
    let fields = candidate_fields(kind);
    // The canonical name first: `status` is `status` before it is a synonym.
    if let Some(f) = fields.iter().find(|f| normalise(f) == h) {
        return Some(Target::Field(f));
    }
    if let Some(f) = fields
        .iter()
        .find(|f| synonyms(kind, f).contains(&h.as_str()))
    {
        return Some(Target::Field(f));
    }
    Extra::of(kind)
        .iter()
        .find(|&&e| extra_synonyms(e).contains(&h.as_str()))
        .map(|&e| Target::Extra(e))
}

/// The mapping of a whole header for `kind`: each column's target, a field
/// taken by its first column only.
pub fn map_headers(kind: Kind, headers: &[String]) -> Vec<Option<Target>> {
    map_names(kind, headers)
        .into_iter()
        .map(|m| m.map(|(t, _)| t))
        .collect()
}

/// The targets headers name as written, each taken by its first column.
fn map_exact(kind: Kind, headers: &[String]) -> Vec<Option<Target>> {
    let mut taken: Vec<Target> = Vec::new();
    headers
        .iter()
        .map(|h| {
            let t = target_for(kind, h).filter(|t| !taken.contains(t))?;
            taken.push(t);
            Some(t)
        })
        .collect()
}

/// [`map_headers`] with each match's confidence. Headers that are names as
/// written claim their fields first; headers that are names only as words
/// then take what is left, so a looser match never moves an exact one.
fn map_names(kind: Kind, headers: &[String]) -> Vec<Option<(Target, f32)>> {
    if is_shopify(headers) && kind == Kind::Orders {
        let mut taken: Vec<Target> = Vec::new();
        return headers
            .iter()
            .map(|h| {
                let t = shopify_target(h).filter(|t| !taken.contains(t))?;
                taken.push(t);
                Some((t, EXACT))
            })
            .collect();
    }
    let candidates: Vec<Vec<(Target, f32)>> =
        headers.iter().map(|h| candidates_for(kind, h)).collect();
    let mut out: Vec<Option<(Target, f32)>> = vec![None; headers.len()];
    let mut taken: Vec<Target> = Vec::new();
    for tier in [EXACT, AS_WORDS, CONTAINS] {
        for (i, cands) in candidates.iter().enumerate() {
            if out[i].is_some() {
                continue;
            }
            if let Some(&(t, c)) = cands
                .iter()
                .find(|(t, c)| *c == tier && (t.repeats() || !taken.contains(t)))
            {
                taken.push(t);
                out[i] = Some((t, c));
            }
        }
    }
    out
}

/// A mapping with how each column was matched.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapped {
    pub kind: Kind,
    pub mapping: Vec<Option<Target>>,
    pub matched: Vec<Option<Matched>>,
}

impl Mapped {
    fn by_names(kind: Kind, headers: &[String]) -> Mapped {
        let names = map_names(kind, headers);
        Mapped {
            kind,
            mapping: names.iter().map(|m| m.map(|(t, _)| t)).collect(),
            matched: names
                .iter()
                .map(|m| {
                    m.map(|(_, confidence)| Matched {
                        by: MatchedBy::Name,
                        confidence,
                    })
                })
                .collect(),
        }
    }

    /// The user's mapping: every mapped column chosen by them.
    pub fn by_user(kind: Kind, mapping: Vec<Option<Target>>) -> Mapped {
        let matched = mapping
            .iter()
            .map(|t| {
                t.map(|_| Matched {
                    by: MatchedBy::User,
                    confidence: 1.0,
                })
            })
            .collect();
        Mapped {
            kind,
            mapping,
            matched,
        }
    }

    /// The first required field no column is mapped to.
    pub fn missing(&self) -> Option<&'static str> {
        self.kind
            .file_fields()
            .filter(|f| f.required)
            .map(|f| f.name)
            .find(|&f| !given(f, &self.mapping))
    }

    /// Fills each missing required field from the one unmapped column whose
    /// values fit it clearly better than any other's; stops at the first
    /// field no column fits that way.
    pub fn fill_by_values(&mut self, profiles: &[Profile]) {
        while let Some(field) = self.missing() {
            let ranked = self.candidates(field, profiles);
            let Some(&(best, score)) = ranked.first() else {
                return;
            };
            let clear = ranked
                .get(1)
                .is_none_or(|&(_, next)| score - next >= CLEAR_LEAD);
            if score < FITS || !clear {
                return;
            }
            self.mapping[best] = Some(Target::Field(field));
            self.matched[best] = Some(Matched {
                by: MatchedBy::Values,
                confidence: score,
            });
        }
    }

    /// The unmapped columns ranked by how well their values fit `field`,
    /// best first, with their scores (those that fit at all).
    pub fn candidates(&self, field: &str, profiles: &[Profile]) -> Vec<(usize, f32)> {
        let Some(f) = self.kind.file_fields().find(|f| f.name == field) else {
            return Vec::new();
        };
        let key = self
            .kind
            .file_fields()
            .next()
            .is_some_and(|k| k.name == field);
        let unique_key = key && !matches!(self.kind, Kind::OrderLines | Kind::DealStages);
        let mut ranked: Vec<(usize, f32)> = profiles
            .iter()
            .enumerate()
            .filter(|(i, _)| self.mapping.get(*i).is_some_and(Option::is_none))
            .map(|(i, p)| (i, fit(f.ty, unique_key, p)))
            .filter(|(_, s)| *s > 0.0)
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }

    /// How many columns are mapped, those matched by name counting double:
    /// a kind the headers name beats one only the values allow.
    fn weight(&self) -> usize {
        self.matched
            .iter()
            .flatten()
            .map(|m| if m.by == MatchedBy::Values { 1 } else { 2 })
            .sum()
    }
}

/// A value score from which a column fits a field.
const FITS: f32 = 0.8;
/// How far the best column must lead the next for the choice to be clear:
/// two date columns (created, closed) leave the date to the user.
const CLEAR_LEAD: f32 = 0.15;

/// How well a column's values fit a field of type `ty`, from 0 to 1. Only
/// the types a required field can have score; the rest are for names only.
fn fit(ty: FieldType, unique_key: bool, p: &Profile) -> f32 {
    if p.filled == 0 {
        return 0.0;
    }
    let full = p.fullness();
    match ty {
        FieldType::Id => {
            // A key: short, without spaces, not a date nor an amount with
            // cents; unique per row where the kind has one row per key.
            let shape = 1.0 - p.share(p.dates) - p.share(p.fractions) - 0.5 * p.share(p.spaced);
            let uniqueness = if unique_key { p.share(p.distinct) } else { 1.0 };
            (full * shape.max(0.0) * uniqueness).max(0.0)
        }
        FieldType::Date | FieldType::DateTime => full * p.share(p.dates),
        FieldType::Money | FieldType::Number => full * p.share(p.numbers),
        // Names repeat (a product, a stage, an activity type): words that
        // are not unique per row.
        FieldType::Name(_) | FieldType::ActivityType => {
            let repeats = 1.0 - p.share(p.distinct);
            if repeats < 0.2 {
                0.0
            } else {
                full * p.share(p.words())
            }
        }
        _ => 0.0,
    }
}

/// The kind and mapping for headers no kind's names satisfy, from names and
/// values together: each kind some header names at least one field of is
/// tried, its missing required fields filled by values; the best that ends
/// complete wins (names count double; ties go to the order of `Kind::ALL`).
/// Where none completes, the best kind that at least two headers name,
/// incomplete, so that the user is asked for the missing column instead of
/// being told the file is unknown. None when no kind comes that close, or
/// the file looks like something Laris does not import (a product list, a
/// list of accounts).
pub fn recognise_with_values(headers: &[String], profiles: &[Profile]) -> Option<Mapped> {
    if looks_like(headers) != "looks-like-unknown" {
        return None;
    }
    let tried: Vec<Mapped> = Kind::ALL
        .into_iter()
        .filter_map(|kind| {
            let mut m = Mapped::by_names(kind, headers);
            if m.mapping.iter().all(Option::is_none) {
                return None;
            }
            m.fill_by_values(profiles);
            Some(m)
        })
        .collect();
    let best = |candidates: Vec<&Mapped>| {
        candidates
            .into_iter()
            .max_by(|a, b| a.weight().cmp(&b.weight()).then(b.kind.cmp(&a.kind)))
            .cloned()
    };
    let complete = tried
        .iter()
        .filter(|m| score(m.kind, &m.mapping).is_some())
        .collect();
    best(complete).or_else(|| {
        let named = |m: &&Mapped| {
            m.matched
                .iter()
                .flatten()
                .filter(|x| x.by == MatchedBy::Name)
                .count()
                >= 2
        };
        best(tried.iter().filter(named).collect())
    })
}

/// The mapping for `kind` from names, with how each column was matched.
pub fn map_for(kind: Kind, headers: &[String]) -> Mapped {
    Mapped::by_names(kind, headers)
}

fn is_shopify(headers: &[String]) -> bool {
    let has = |name: &str| headers.iter().any(|h| normalise(h) == name);
    has("financial status") && has("lineitem name")
}

/// Shopify's export names the order `Name` and has several totals; only these
/// columns mean what Laris needs.
fn shopify_target(header: &str) -> Option<Target> {
    Some(match normalise(header).as_str() {
        "name" => Target::Field("order_id"),
        "created at" => Target::Field("date"),
        "email" => Target::Field("customer_id"),
        "billing name" => Target::Field("customer_name"),
        "financial status" => Target::Field("status"),
        "total" => Target::Field("total"),
        "lineitem name" => Target::Field("product"),
        "lineitem sku" => Target::Field("sku"),
        "lineitem quantity" => Target::Field("quantity"),
        "lineitem price" => Target::Field("unit_price"),
        "refunded amount" => Target::Extra(Extra::RefundedAmount),
        "cancelled at" => Target::Extra(Extra::CancelledAt),
        // Other Shopify columns (Subtotal, Paid at, Source, ...) are not fields.
        _ => return None,
    })
}

/// Whether a column gives the field: its own, or for an order line's product
/// the sku, for a settlement's fees its fee columns.
fn given(field: &str, mapping: &[Option<Target>]) -> bool {
    let has = |name: &str| {
        mapping
            .iter()
            .any(|t| matches!(t, Some(Target::Field(f)) if *f == name))
    };
    has(field)
        || (field == "product" && has("sku"))
        || (field == "fees" && mapping.contains(&Some(Target::Extra(Extra::Fee))))
}

/// How well a header fits a kind: every required field present, and how many
/// columns it maps. None when a required field is missing.
pub fn score(kind: Kind, mapping: &[Option<Target>]) -> Option<usize> {
    let has = |name: &str| {
        mapping
            .iter()
            .any(|t| matches!(t, Some(Target::Field(f)) if *f == name))
    };
    if kind
        .file_fields()
        .any(|f| f.required && !given(f.name, mapping))
    {
        return None;
    }
    // A product's cost needs the sku or the name to find it by.
    if kind == Kind::Products && !(has("sku") || has("product")) {
        return None;
    }
    // An order line file must name a line field besides the order id.
    if kind == Kind::OrderLines && !LINE_FIELDS.iter().any(|f| has(f)) {
        return None;
    }
    Some(mapping.iter().filter(|t| t.is_some()).count())
}

/// The kind a header row describes best (ties go to the order of
/// `Kind::ALL`, orders first), with its mapping.
pub fn recognise(headers: &[String]) -> Option<(Kind, Vec<Option<Target>>)> {
    recognise_by_names(headers).map(|m| (m.kind, m.mapping))
}

/// [`recognise`], with how each column was matched.
pub fn recognise_by_names(headers: &[String]) -> Option<Mapped> {
    let best = Kind::ALL
        .into_iter()
        .filter_map(|kind| {
            let m = Mapped::by_names(kind, headers);
            score(kind, &m.mapping).map(|s| (s, m))
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.kind.cmp(&a.1.kind)))
        .map(|(_, m)| m)?;
    // A CRM's users (`Id`, `Name`, `Email`) would read as deals that have
    // nothing but a name.
    let only_a_name = best.kind == Kind::Deals && best.mapping.iter().flatten().count() <= 2;
    if only_a_name && looks_like(headers) == "looks-like-users" {
        return None;
    }
    Some(best)
}

/// The index of the header row among the first rows: the one whose cells name
/// the most fields of any kind as written (title rows above it name none; a
/// data row's words may match loosely, so loose matches do not count).
pub fn header_row(rows: &[Vec<String>]) -> usize {
    let named = |cells: &Vec<String>| {
        Kind::ALL
            .into_iter()
            .map(|k| map_exact(k, cells).iter().filter(|m| m.is_some()).count())
            .max()
            .unwrap_or(0)
    };
    rows.iter()
        .take(30)
        .enumerate()
        .map(|(i, cells)| (named(cells), i))
        .filter(|(n, _)| *n >= 2)
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map_or_else(
            || {
                rows.iter()
                    .position(|r| r.iter().any(|c| !c.trim().is_empty()))
                    .unwrap_or(0)
            },
            |(_, i)| i,
        )
}

/// What a file that is no known kind looks like, as a message id.
pub fn looks_like(headers: &[String]) -> &'static str {
    let h: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let has = |name: &str| h.iter().any(|x| x == name);
    if has("target") && (has("category") || has("kategori")) {
        "looks-like-category-targets"
    } else if has("sector") || has("employees") || (has("account") && !has("opportunity id")) {
        "looks-like-accounts"
    } else if has("manager") || has("regional office") {
        "looks-like-sales-team"
    } else if has("table") && has("field") && has("description") {
        "looks-like-data-dictionary"
    } else if has("id")
        && has("name")
        && (has("email") || has("username") || has("is active") || has("isactive"))
    {
        "looks-like-users"
    } else if has("first name") || has("last name") || has("accepts marketing") {
        "looks-like-customers"
    } else if (has("product") || has("sku"))
        && (has("sales price") || has("price") || has("series"))
    {
        "looks-like-products"
    } else {
        "looks-like-unknown"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(line: &str, sep: char) -> Vec<String> {
        line.split(sep).map(str::to_string).collect()
    }

    #[test]
    fn headers_normalise() {
        assert_eq!(normalise("No. Pesanan"), "no pesanan");
        assert_eq!(normalise("\u{feff}Row ID"), "row id");
        assert_eq!(normalise("Harga Jual (IDR)"), "harga jual idr");
        assert_eq!(normalise("Sub-Category"), "sub category");
    }

    #[test]
    fn known_exports_are_recognised() {
        let cases = [
            (
                "No. Pesanan;Tanggal;ID Pelanggan;Nama Pelanggan;Sales;Saluran;Status;Total",
                ';',
                Kind::Orders,
            ),
            (
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
                ',',
                Kind::Orders,
            ),
            (
                "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
                ',',
                Kind::Deals,
            ),
            (
                "Order ID;Amount;Profit;Quantity;Category;Sub-Category",
                ';',
                Kind::OrderLines,
            ),
            (
                "Order ID;Order Date;CustomerName;State;City",
                ';',
                Kind::Orders,
            ),
            (
                "lead_id,created_at,source,rep,first_response_at,status,converted_at,customer_id",
                ',',
                Kind::Leads,
            ),
        ];
        for (line, sep, kind) in cases {
            let got = recognise(&headers(line, sep)).map(|(k, _)| k);
            assert_eq!(got, Some(kind), "{line}");
        }
        let (_, m) = recognise(&headers(
            "Order ID;Amount;Profit;Quantity;Category;Sub-Category",
            ';',
        ))
        .unwrap();
        assert_eq!(
            m[5],
            Some(Target::Field("product")),
            "the sub-category names the product"
        );
        assert_eq!(m[4], None, "not the category");
        assert_eq!(m[1], Some(Target::Field("line_total")));
    }

    #[test]
    fn files_of_no_kind_say_what_they_look_like() {
        for (line, id) in [
            (
                "Month of Order Date;Category;Target",
                "looks-like-category-targets",
            ),
            (
                "account,sector,year_established,revenue,employees,office_location,subsidiary_of",
                "looks-like-accounts",
            ),
            (
                "sales_agent,manager,regional_office",
                "looks-like-sales-team",
            ),
            ("product,series,sales_price", "looks-like-products"),
            ("Table,Field,Description", "looks-like-data-dictionary"),
        ] {
            let h = headers(line, if line.contains(';') { ';' } else { ',' });
            assert_eq!(recognise(&h).map(|(k, _)| k), None, "{line}");
            assert_eq!(looks_like(&h), id, "{line}");
        }
    }

    #[test]
    fn header_row_below_title_rows() {
        let rows: Vec<Vec<String>> = [
            "Laporan Penjualan Toko Sari Rasa,,",
            "Periode: 01-03-2025 - 30-04-2025,,",
            ",,",
            "Nomor Invoice,Tanggal Pembayaran,Status Terakhir",
            "INV/1,01-03-2025 21:17:00,Pesanan Selesai",
        ]
        .iter()
        .map(|l| headers(l, ','))
        .collect();
        assert_eq!(header_row(&rows), 3);
    }

    fn profiled(rows: &[&[&str]], width: usize) -> Vec<Profile> {
        let rows: Vec<crate::import::table::TableRow> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| crate::import::table::TableRow {
                line: i as u64 + 2,
                cells: r.iter().map(|c| c.to_string()).collect(),
            })
            .collect();
        crate::import::profile::profile(&rows, width)
    }

    #[test]
    fn headers_compare_as_words() {
        assert_eq!(words("TxnID"), "transaction id");
        assert_eq!(words("StageName"), "stage name");
        assert_eq!(words("ORDER_DATE"), "order date");
        assert_eq!(words("Qty"), "quantity");
        assert_eq!(words("No. Pesanan"), "number pesanan");
        let h = headers("OrderId,CloseDate,Cust Name,Order Date (local),Qty", ',');
        let m = map_for(Kind::Orders, &h);
        assert_eq!(m.mapping[0], Some(Target::Field("order_id")));
        assert_eq!(m.mapping[2], Some(Target::Field("customer_name")));
        assert_eq!(
            m.mapping[3],
            Some(Target::Field("date")),
            "holds `order date`"
        );
        assert_eq!(m.mapping[4], Some(Target::Field("quantity")));
        assert_eq!(m.matched[0].map(|x| x.confidence), Some(AS_WORDS));
        assert_eq!(m.matched[3].map(|x| x.confidence), Some(CONTAINS));
        let d = map_for(Kind::Deals, &h);
        assert_eq!(d.mapping[1], Some(Target::Field("closed_at")));
    }

    #[test]
    fn an_exact_name_keeps_its_field_from_a_looser_one() {
        // `Order Date (local)` holds `order date`, but `Date` is the name.
        let h = headers("Order Date (local),Date,Order ID", ',');
        let m = map_for(Kind::Orders, &h);
        assert_eq!(m.mapping[1], Some(Target::Field("date")));
        assert_eq!(m.mapping[0], None);
    }

    #[test]
    fn a_key_and_the_only_date_are_found_by_their_values() {
        let h = headers("Kode,Kapan,Nama Pelanggan,Nilai", ',');
        let p = profiled(
            &[
                &["T-1", "2024-03-05 10:15", "Sari Dewi", "125000.50"],
                &["T-2", "2024-03-05 11:40", "Budi", "80000.00"],
                &["T-3", "2024-03-06", "Sari Dewi", "45000.25"],
            ],
            4,
        );
        assert!(recognise(&h).is_none(), "the names alone do not do");
        let m = recognise_with_values(&h, &p).expect("recognised");
        assert_eq!(m.kind, Kind::Orders);
        assert_eq!(m.mapping[0], Some(Target::Field("order_id")));
        assert_eq!(m.mapping[1], Some(Target::Field("date")));
        assert_eq!(m.matched[0].map(|x| x.by), Some(MatchedBy::Values));
        assert_eq!(m.matched[2].map(|x| x.by), Some(MatchedBy::Name));
        // The amount with cents is no key, though it is unique too.
        assert_eq!(m.mapping[3], None);
    }

    #[test]
    fn two_date_columns_leave_the_date_to_the_user() {
        let h = headers("Kode,Dibuat,Ditutup,Nama Pelanggan", ',');
        let p = profiled(
            &[
                &["T-1", "2024-03-05", "2024-03-09", "Sari"],
                &["T-2", "2024-03-06", "2024-03-10", "Budi"],
            ],
            4,
        );
        assert!(recognise_with_values(&h, &p).is_none());
        let mut m = map_for(Kind::Orders, &h);
        m.fill_by_values(&p);
        assert_eq!(m.mapping[0], Some(Target::Field("order_id")));
        assert_eq!(m.missing(), Some("date"));
        let ranked: Vec<usize> = m.candidates("date", &p).iter().map(|c| c.0).collect();
        assert_eq!(ranked, vec![1, 2], "both dates, in file order");
    }

    #[test]
    fn a_file_that_looks_like_something_else_is_not_guessed_from_values() {
        let h = headers("product,series,sales_price", ',');
        let p = profiled(
            &[&["GTX", "2024-01-01", "100"], &["MG", "2024-01-02", "200"]],
            3,
        );
        assert!(recognise_with_values(&h, &p).is_none());
    }
}
