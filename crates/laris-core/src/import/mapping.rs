//! Which column holds which field: the header row is found, each header is
//! matched against the canonical names and their English and Indonesian
//! synonyms (and the headers of the known exports), and the kind whose fields
//! the columns name best is chosen.

use serde::{Deserialize, Serialize};

use crate::store::Kind;

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
        }
    }

    /// The targets a file of `kind` can map columns to, in field order.
    pub fn all_for(kind: Kind) -> Vec<Target> {
        let mut all: Vec<Target> = candidate_fields(kind)
            .into_iter()
            .map(Target::Field)
            .collect();
        if kind == Kind::Orders {
            all.push(Target::Extra(Extra::RefundedAmount));
            all.push(Target::Extra(Extra::CancelledAt));
        }
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
        ],
        (Kind::Leads, "lead_id") => &["lead id", "id prospek", "id lead", "lead"],
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
        (Kind::Leads, "converted_at") => &["converted at", "tanggal konversi", "won at"],
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
        (Kind::Deals | Kind::DealStages, "stage") => &["stage", "deal stage", "tahap"],
        (Kind::Deals, "value") => &["value", "deal value", "amount", "nilai", "nilai deal"],
        (Kind::Deals, "closed_at") => &["closed at", "close date", "tanggal tutup", "closed date"],
        (Kind::Deals, "close_value") => &["close value", "closed value", "nilai akhir"],
        (Kind::Deals | Kind::Activities, "lead_id") => &["lead id"],
        (Kind::DealStages | Kind::Activities, "deal_id") => &["deal id", "opportunity id"],
        (Kind::DealStages, "entered_at") => &["entered at", "date", "tanggal", "changed at"],
        (Kind::Activities, "activity_id") => &["activity id", "id aktivitas"],
        (Kind::Activities, "date") => &["date", "tanggal", "activity date", "waktu"],
        (Kind::Activities, "type") => &["type", "activity type", "jenis", "jenis aktivitas"],
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

/// The field (or extra) a header means for a file of `kind`.
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
    if kind == Kind::Orders {
        for extra in [Extra::RefundedAmount, Extra::CancelledAt] {
            if extra_synonyms(extra).contains(&h.as_str()) {
                return Some(Target::Extra(extra));
            }
        }
    }
    None
}

/// The mapping of a whole header for `kind`: each column's target, a field
/// taken by its first column only.
pub fn map_headers(kind: Kind, headers: &[String]) -> Vec<Option<Target>> {
    let shopify = is_shopify(headers);
    let mut taken: Vec<Target> = Vec::new();
    headers
        .iter()
        .map(|h| {
            let target = if shopify && kind == Kind::Orders {
                shopify_target(h)
            } else {
                target_for(kind, h)
            }?;
            if taken.contains(&target) {
                return None;
            }
            taken.push(target);
            Some(target)
        })
        .collect()
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

/// How well a header fits a kind: every required field present, and how many
/// columns it maps. None when a required field is missing.
pub fn score(kind: Kind, mapping: &[Option<Target>]) -> Option<usize> {
    let has = |name: &str| {
        mapping
            .iter()
            .any(|t| matches!(t, Some(Target::Field(f)) if *f == name))
    };
    for field in kind.file_fields().filter(|f| f.required) {
        // An order line's product may be given by its sku alone.
        let given = has(field.name) || (field.name == "product" && has("sku"));
        if !given {
            return None;
        }
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
    Kind::ALL
        .into_iter()
        .filter_map(|kind| {
            let mapping = map_headers(kind, headers);
            score(kind, &mapping).map(|s| (s, kind, mapping))
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, kind, mapping)| (kind, mapping))
}

/// The index of the header row among the first rows: the one whose cells name
/// the most fields of any kind (title rows above it name none).
pub fn header_row(rows: &[Vec<String>]) -> usize {
    let named = |cells: &Vec<String>| {
        Kind::ALL
            .into_iter()
            .map(|k| map_headers(k, cells).iter().filter(|t| t.is_some()).count())
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
}
