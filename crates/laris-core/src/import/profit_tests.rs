//! Cost sheets and marketplace income reports (profit.md) in the shapes the
//! shops' tools export them, read to the exact values stored.

use std::path::Path;

use rusqlite::types::Value;

use super::{ParsedFile, ReadOptions, read_bytes, store_files};
use crate::i18n::Lang;
use crate::store::{Kind, Store};

fn read(name: &str, text: &str) -> ParsedFile {
    let mut files = read_bytes(Path::new(name), text.as_bytes(), &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert_eq!(files.len(), 1, "{name}");
    files.remove(0)
}

fn t(s: &str) -> Value {
    Value::Text(s.into())
}

fn i(n: i64) -> Value {
    Value::Integer(n)
}

const N: Value = Value::Null;

/// The stored values of each record, in the kind's field order.
fn values(f: &ParsedFile) -> Vec<Vec<Value>> {
    f.records.iter().map(|r| r.values.clone()).collect()
}

#[test]
fn an_indonesian_cost_sheet() {
    let f = read(
        "hpp.csv",
        "SKU;Nama Produk;HPP;Harga Jual\n\
         KOP-001;Kopi Gayo 250g;Rp 48.000;Rp 85.000\n\
         ;Teh Melati;Rp 12.500;\n\
         ;;Rp 1.000;\n",
    );
    assert_eq!(f.kind, Kind::Products);
    // item_key, sku, product, category, cost, price, valid_from.
    assert_eq!(
        values(&f),
        [
            vec![
                t("sku:kop-001"),
                t("KOP-001"),
                t("Kopi Gayo 250g"),
                N,
                i(4_800_000),
                i(8_500_000),
                t("")
            ],
            vec![
                t("name:teh melati"),
                N,
                t("Teh Melati"),
                N,
                i(1_250_000),
                N,
                t("")
            ],
        ]
    );
    // Neither a sku nor a name: nothing to find the cost by.
    assert_eq!(f.errors.len(), 1);
    assert_eq!(
        (f.errors[0].line, f.errors[0].column.as_str()),
        (4, "product")
    );
}

#[test]
fn cost_sheets_under_their_many_names() {
    for header in [
        "SKU,Nama Produk,Harga Modal",
        "Kode Barang,Nama Barang,Harga Beli",
        "SKU,Product Name,Cost",
        "Item Name,Unit Cost",
        "Nama Produk,SKU,Kategori,Harga Jual,Harga Modal",
        "Category,Item Name,Variant,SKU,Price,Cost",
    ] {
        let f = read("costs.csv", &format!("{header}\nA-1,Kopi,48000\n"));
        assert_eq!(f.kind, Kind::Products, "{header}");
    }
    // A cost that changes: one row per valid_from.
    let f = read(
        "costs.csv",
        "SKU,Product,Cost,Valid from\nK1,Kopi,100,\nK1,Kopi,150,2024-02-15\n",
    );
    let from: Vec<Value> = f.records.iter().map(|r| r.values[6].clone()).collect();
    assert_eq!(from, [t(""), t("2024-02-15")]);
}

#[test]
fn shopify_products_export() {
    let f = read(
        "products_export.csv",
        "Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Variant SKU,Variant Grams,Variant Inventory Qty,Variant Price,Variant Compare At Price,Cost per item,Status\n\
         kopi-gayo,Kopi Gayo,<p>Arabika</p>,Toko Kopi,Food,Kopi,,TRUE,Size,250g,KG-250,250,10,85000.00,,48000.00,active\n\
         kopi-gayo,,,,,,,,,1kg,KG-1000,1000,3,300000.00,,170000.00,active\n",
    );
    assert_eq!(f.kind, Kind::Products);
    assert_eq!(
        values(&f),
        [
            vec![
                t("sku:kg-250"),
                t("KG-250"),
                t("Kopi Gayo"),
                t("Food"),
                i(4_800_000),
                i(8_500_000),
                t("")
            ],
            // A variant's row names no title: its sku stands in.
            vec![
                t("sku:kg-1000"),
                t("KG-1000"),
                t("KG-1000"),
                N,
                i(17_000_000),
                i(30_000_000),
                t("")
            ],
        ]
    );
}

#[test]
fn loyverse_item_export() {
    let f = read(
        "export_items.csv",
        "Handle,SKU,Name,Category,Description,Sold by weight,Option 1 name,Option 1 value,Default price,Available for sale [Toko],Price [Toko],Cost,Barcode,In stock [Toko]\n\
         es-kopi-susu,10001,Es Kopi Susu,Minuman,,N,,,18000,Y,18000,6500.5,,\n",
    );
    assert_eq!(f.kind, Kind::Products);
    assert_eq!(
        values(&f),
        [vec![
            t("sku:10001"),
            t("10001"),
            t("Es Kopi Susu"),
            t("Minuman"),
            i(650_050),
            N,
            t("")
        ]]
    );
}

#[test]
fn shopee_income_report_sums_its_fee_columns_by_absolute_value() {
    let f = read(
        "Income.sudah dilepas.id.csv",
        "No.,No. Pesanan,No. Pengajuan,Username (Pembeli),Waktu Pesanan Dibuat,Metode pembayaran pembeli,Tanggal Dana Dilepaskan,Harga Asli Produk,Total Diskon Produk,Biaya Administrasi,Biaya Layanan (termasuk PPN 11%),Biaya Proses Pesanan,Total Penghasilan\n\
         1,240301ABCD,,budi_s,2024-03-01 10:00,ShopeePay,2024-03-05,200000,0,-12500,-4000,-1250,182250\n\
         2,240302EFGH,,sari.w,2024-03-02 11:00,COD,2024-03-06,50000,0,3000,,,47000\n",
    );
    assert_eq!(f.kind, Kind::Settlements);
    // order_id, settled_at, fees, payout: 12.500 + 4.000 + 1.250, written
    // negative; the second row's fee is written positive.
    assert_eq!(
        values(&f),
        [
            vec![
                t("240301ABCD"),
                t("2024-03-05"),
                i(1_775_000),
                i(18_225_000)
            ],
            vec![t("240302EFGH"), t("2024-03-06"), i(300_000), i(4_700_000)],
        ]
    );
}

#[test]
fn tiktok_settlement_takes_its_total_fees_and_leaves_adjustments_out() {
    let f = read(
        "settlement.csv",
        "Order/adjustment ID,Type,Order created time,Order settled time,Currency,Total settlement amount,Total revenue,Total fees,Transaction fee,TikTok Shop commission fee,Affiliate commission\n\
         5781234567890,Order,2024/03/01,2024/03/08,IDR,93500,100000,-6500,-2000,-4000,-500\n\
         5781234567891,Order,2024/03/02,2024/03/09,IDR,46000,50000,,-1000,-3000,\n\
         5781234567892,Logistics reimbursement,,2024/03/10,IDR,8000,,,,,\n\
         5781234567893,Adjustment,,2024/03/10,IDR,-2000,,,,,\n",
    );
    assert_eq!(f.kind, Kind::Settlements);
    // The first gives its total (6.500, not its parts again); the second
    // has no total, so its parts: 1.000 + 3.000.
    assert_eq!(
        values(&f),
        [
            vec![
                t("5781234567890"),
                t("2024-03-08"),
                i(650_000),
                i(9_350_000)
            ],
            vec![
                t("5781234567891"),
                t("2024-03-09"),
                i(400_000),
                i(4_600_000)
            ],
        ]
    );
    assert!(f.errors.is_empty(), "{:?}", f.errors);
    assert_eq!(f.not_orders, 2);
}

#[test]
fn tokopedia_income_export_leaves_withdrawals_out_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("t.laris")).unwrap();
    let f = read(
        "Saldo Penghasilan.csv",
        "Tanggal,Invoice,Deskripsi,Biaya Layanan,Biaya Transaksi,Nominal\n\
         05/03/2024,INV/20240301/MPL/1234,Penghasilan dari INV/20240301/MPL/1234,-4000,-1000,95000\n\
         06/03/2024,,Penarikan Saldo ke BCA,,,-95000\n",
    );
    assert_eq!(f.kind, Kind::Settlements);
    assert_eq!(
        values(&f),
        [vec![
            t("INV/20240301/MPL/1234"),
            t("2024-03-05"),
            i(500_000),
            i(9_500_000)
        ]]
    );
    let reports = store_files(&mut store, &[f], &mut |_| true).unwrap();
    assert_eq!(reports[0].counts.added, 1);
    assert_eq!(
        reports[0].notes(Lang::En),
        [
            "Saldo Penghasilan.csv: one row is not an order (an adjustment or a withdrawal) and was left out."
        ]
    );
    let stored: (String, i64) = store
        .conn()
        .query_row("SELECT order_id, fees_minor FROM settlements", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(stored, ("INV/20240301/MPL/1234".into(), 500_000));
}

#[test]
fn a_canonical_settlements_file_with_negative_fees() {
    let f = read(
        "settlements.csv",
        "order_id,settled_at,fees,payout\nO1,2024-03-05,-12500,87500\n",
    );
    assert_eq!(f.kind, Kind::Settlements);
    assert_eq!(
        values(&f),
        [vec![t("O1"), t("2024-03-05"), i(1_250_000), i(8_750_000)]]
    );
}
