//! Returns lists: a file or sheet naming returned orders marks them refunded,
//! before or after the orders arrive; undo gives them back (issue 14).

use laris::import::{self, ReadOptions};
use laris::store::{Store, batches};

use crate::common::{laris, query, stderr};

fn run(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    let db = db.to_str().unwrap();
    let mut all = vec!["import", "--db", db];
    all.extend_from_slice(args);
    laris(&all)
}

#[test]
fn a_returns_list_marks_stored_orders_now_and_later_orders_when_they_come() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let orders = write(
        "orders.csv",
        "order_id,date,status,total\nA1,2024-03-01,paid,100\nA2,2024-03-02,paid,200\nA3,2024-03-03,paid,300\n",
    );
    let returns = write(
        "returns.csv",
        "Order ID,Returned\nA1,Yes\nA2,No\nB9,Ya\nA1,Yes\n",
    );
    assert!(run(&db, &[&orders]).status.success());
    let out = run(&db, &[&returns]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("returns.csv: 1 order marked returned; 1 it names is not imported yet"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        query(
            &db,
            "SELECT order_id || ' ' || status FROM orders ORDER BY order_id"
        ),
        ["A1 refunded", "A2 paid", "A3 paid"]
    );
    // B9 arrives later and is stored refunded.
    let later = write(
        "later.csv",
        "order_id,date,status,total\nB9,2024-03-09,paid,900\n",
    );
    assert!(run(&db, &[&later]).status.success());
    assert_eq!(
        query(&db, "SELECT status FROM orders WHERE order_id = 'B9'"),
        ["refunded"]
    );

    // Undoing the list gives A1 back its status and forgets the list; B9 was
    // stored refunded by its own import and stays so until that is undone.
    let mut store = Store::open(&db).unwrap();
    let batch: i64 = store
        .conn()
        .query_row(
            "SELECT id FROM import_batches WHERE file_name = 'returns.csv'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let later_batch: i64 = store
        .conn()
        .query_row(
            "SELECT id FROM import_batches WHERE file_name = 'later.csv'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    batches::undo(store.conn_mut(), later_batch).unwrap();
    batches::undo(store.conn_mut(), batch).unwrap();
    drop(store);
    assert_eq!(
        query(
            &db,
            "SELECT order_id || ' ' || status FROM orders ORDER BY order_id"
        ),
        ["A1 paid", "A2 paid", "A3 paid"]
    );
    assert_eq!(query(&db, "SELECT count(*) FROM returns"), ["0"]);
}

#[test]
fn a_plain_list_titled_retur_before_the_orders_marks_them_when_they_arrive() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let retur = dir.path().join("Retur Maret.csv");
    std::fs::write(&retur, "No. Pesanan\nINV/2\nINV/3\n").unwrap();
    let orders = dir.path().join("penjualan.csv");
    std::fs::write(
        &orders,
        "No. Pesanan;Tanggal;Total\nINV/1;01/03/2024;Rp 10.000\nINV/2;02/03/2024;Rp 20.000\n",
    )
    .unwrap();
    // Both in one import, the list first.
    let out = run(&db, &[retur.to_str().unwrap(), orders.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        query(
            &db,
            "SELECT order_id || ' ' || status FROM orders ORDER BY order_id"
        ),
        ["INV/1 paid", "INV/2 refunded"]
    );
    assert_eq!(
        query(&db, "SELECT order_id FROM returns ORDER BY order_id"),
        ["INV/2", "INV/3"]
    );
}

fn workbook(path: &std::path::Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let orders = book.add_worksheet().set_name("Orders").unwrap();
    for (r, row) in [
        ["Order ID", "Order Date", "Sales"],
        ["W-1", "2024-05-01", "150"],
        ["W-2", "2024-05-02", "250"],
        ["W-3", "2024-05-03", "350"],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            orders.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    let returns = book.add_worksheet().set_name("Returns").unwrap();
    for (r, row) in [["Returned", "Order ID"], ["Yes", "W-2"], ["No", "W-3"]]
        .iter()
        .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            returns.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    book.save(path).unwrap();
}

#[test]
fn a_workbooks_returns_sheet_marks_its_orders_unless_another_sheet_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("toko.xlsx");
    workbook(&book);
    // Without --sheet: the orders, and the returns sheet says which came back.
    let files = import::read_file(&book, &ReadOptions::default()).unwrap();
    assert_eq!(files[0].marked_returned, 1, "W-2 only: W-3 says No");
    let db = dir.path().join("a.laris");
    assert!(run(&db, &[book.to_str().unwrap()]).status.success());
    assert_eq!(
        query(
            &db,
            "SELECT order_id || ' ' || status FROM orders ORDER BY order_id"
        ),
        ["W-1 paid", "W-2 refunded", "W-3 paid"]
    );
    // --sheet Orders reads only that sheet.
    let db = dir.path().join("b.laris");
    let out = run(&db, &["--sheet", "Orders", book.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        query(&db, "SELECT count(*) FROM orders WHERE status = 'refunded'"),
        ["0"]
    );
    // --sheet Returns is a returns list of its own.
    let out = run(&db, &["--sheet", "Returns", book.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        query(&db, "SELECT status FROM orders WHERE order_id = 'W-2'"),
        ["refunded"]
    );
}
