//! The store: every kind round-trips through import, upserts by natural key,
//! and undo puts back exactly what was there.

use std::path::Path;

use laris::import::{self, ParsedFile};
use laris::store::batches::{self, UndoError};
use laris::store::{Kind, Store};
use rusqlite::types::Value;

fn parsed(name: &str, csv: &str) -> ParsedFile {
    let mut files =
        import::read_bytes(Path::new(name), csv.as_bytes(), &Default::default()).unwrap();
    assert_eq!(files.len(), 1, "{name} is one kind");
    let file = files.remove(0);
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    file
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.laris")).unwrap();
    (dir, store)
}

fn rows(store: &Store, kind: Kind) -> Vec<Vec<Value>> {
    let cols: Vec<&str> = kind.fields().iter().map(|f| f.column).collect();
    let mut stmt = store
        .conn()
        .prepare(&format!(
            "SELECT {} FROM {} ORDER BY id",
            cols.join(", "),
            kind.table()
        ))
        .unwrap();
    stmt.query_map([], |r| {
        (0..cols.len()).map(|i| r.get::<_, Value>(i)).collect()
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

fn t(s: &str) -> Value {
    Value::Text(s.into())
}
const N: Value = Value::Null;
fn i(n: i64) -> Value {
    Value::Integer(n)
}

/// One file per kind with every field, and the row each must store, worked
/// out from the data model (money in hundredths, dates ISO, names trimmed).
#[test]
fn every_kind_round_trips() {
    let cases: Vec<(&str, &str, Vec<Value>)> = vec![
        (
            "orders.csv",
            "order_id,date,customer_id,customer_name,rep,channel,status,total\nA-1, 2024-02-29 13:05 ,C1,Budi,Sari ,Toko,Lunas,1250000.5\n",
            vec![
                t("A-1"),
                t("2024-02-29T13:05:00"),
                t("C1"),
                t("Budi"),
                t("Sari"),
                t("Toko"),
                t("paid"),
                i(125_000_050),
            ],
        ),
        (
            "order_lines.csv",
            "order_id,product,sku,quantity,unit_price,line_total\nA-1,,KOP-1,3,85000.00,\n",
            vec![
                t("A-1"),
                i(1),
                t("KOP-1"),
                t("KOP-1"),
                Value::Real(3.0),
                i(8_500_000),
                i(25_500_000),
            ],
        ),
        (
            "leads.csv",
            "lead_id,created_at,source,rep,first_response_at,status,converted_at,customer_id\nL1,2024-03-01T08:00:00,Referral,Sari,2024-03-01T09:30:00,Converted,2024-03-05,C1\n",
            vec![
                t("L1"),
                t("2024-03-01T08:00:00"),
                t("Referral"),
                t("Sari"),
                t("2024-03-01T09:30:00"),
                t("converted"),
                t("2024-03-05"),
                t("C1"),
            ],
        ),
        (
            "deals.csv",
            "deal_id,name,rep,created_at,stage,status,value,closed_at,close_value,lead_id\nD1,Parsel,Sari,2024-01-02,Won,,5000000,2024-02-01,4800000,L1\n",
            // "Won" is a status, not a stage.
            vec![
                t("D1"),
                t("Parsel"),
                t("Sari"),
                t("2024-01-02"),
                N,
                t("won"),
                i(500_000_000),
                t("2024-02-01"),
                i(480_000_000),
                t("L1"),
            ],
        ),
        (
            "deal_stages.csv",
            "deal_id,stage,entered_at\nD1,Proposal,2024-01-10\n",
            vec![t("D1"), t("Proposal"), t("2024-01-10")],
        ),
        (
            "activities.csv",
            "activity_id,date,rep,type,duration_minutes,count,deal_id,lead_id\nX1,2024-01-03T10:00:00,Sari,Follow-up,12.5,1,D1,L1\n",
            vec![
                t("X1"),
                t("2024-01-03T10:00:00"),
                t("Sari"),
                t("follow_up"),
                Value::Real(12.5),
                i(1),
                t("D1"),
                t("L1"),
            ],
        ),
        (
            "targets.csv",
            "period,rep,metric,target\n2024-q1,,deals_won,2.5\n",
            vec![t("2024-Q1"), t(""), t("deals_won"), i(250)],
        ),
        (
            "expenses.csv",
            "date,category,amount,description\n2024-01-31,Pemasaran,350000,Iklan\n",
            vec![t("2024-01-31"), t("marketing"), i(35_000_000), t("Iklan")],
        ),
        (
            "csat.csv",
            "date,customer_id,score\n2024-01-31,C1,4\n",
            vec![t("2024-01-31"), t("C1"), Value::Real(4.0)],
        ),
        (
            "inquiries.csv",
            "inquiry_id,received_at,responded_at,channel,customer_id\nQ1,2024-01-31T23:50:00,2024-02-01T08:00:00,WhatsApp,\n",
            vec![
                t("Q1"),
                t("2024-01-31T23:50:00"),
                t("2024-02-01T08:00:00"),
                t("WhatsApp"),
                N,
            ],
        ),
        (
            "subscriptions.csv",
            "subscription_id,customer_id,plan,monthly_amount,start_date,end_date\nS1,C1,Kopi,149000,2024-01-15,\n",
            vec![
                t("S1"),
                t("C1"),
                t("Kopi"),
                i(14_900_000),
                t("2024-01-15"),
                N,
            ],
        ),
        (
            "products.csv",
            "sku,product,category,cost,price,valid_from\nKOP-1, Kopi Gayo ,Kopi,48000,85000,2024-03-01\n",
            vec![
                t("sku:kop-1"),
                t("KOP-1"),
                t("Kopi Gayo"),
                t("Kopi"),
                i(4_800_000),
                i(8_500_000),
                t("2024-03-01"),
            ],
        ),
        (
            "settlements.csv",
            "order_id,settled_at,fees,payout\nA-1,2024-03-05 10:00,-12500.5,87499.5\n",
            vec![
                t("A-1"),
                t("2024-03-05T10:00:00"),
                i(1_250_050),
                i(8_749_950),
            ],
        ),
    ];
    let (_dir, mut store) = store();
    for (name, csv, expected) in cases {
        let file = parsed(name, csv);
        let kind = file.kind;
        assert_eq!(
            kind.table(),
            name.trim_end_matches(".csv"),
            "recognised kind of {name}"
        );
        import::store_files(&mut store, &[file], &mut |_| true).unwrap();
        assert_eq!(rows(&store, kind), vec![expected], "{name}");
    }
}

#[test]
fn names_keep_their_first_spelling_and_new_stages_join_the_pipeline() {
    let (_dir, mut store) = store();
    let a = parsed(
        "orders.csv",
        "order_id,date,rep,total\n1,2024-01-01,Sari Dewi,1\n2,2024-01-02,  SARI   dewi ,1\n",
    );
    let b = parsed(
        "deals.csv",
        "deal_id,created_at,stage\nD1,2024-01-01,Engaging\nD2,2024-01-01,prospecting\n",
    );
    import::store_files(&mut store, &[a, b], &mut |_| true).unwrap();
    let reps: Vec<Value> = rows(&store, Kind::Orders)
        .into_iter()
        .map(|r| r[4].clone())
        .collect();
    assert_eq!(reps, vec![t("Sari Dewi"), t("Sari Dewi")]);
    let stages: Vec<String> = laris::store::settings::load(store.conn())
        .unwrap()
        .pipeline_stages
        .into_iter()
        .map(|s| s.name)
        .collect();
    // The defaults no deal uses give way to the business's own stages.
    assert_eq!(stages, ["prospecting", "Engaging"]);
}

#[test]
fn a_newer_export_updates_by_key_and_undo_restores_it() {
    let (_dir, mut store) = store();
    let v1 = parsed(
        "orders.csv",
        "order_id,date,status,total\nA,2024-01-01,pending,100\nB,2024-01-02,paid,200\n",
    );
    let r = import::store_files(&mut store, &[v1], &mut |_| true).unwrap();
    assert_eq!((r[0].counts.added, r[0].counts.updated), (2, 0));
    let before = rows(&store, Kind::Orders);

    // A is now paid, B unchanged, C new.
    let v2 = parsed(
        "orders.csv",
        "order_id,date,status,total\nA,2024-01-01,paid,100\nB,2024-01-02,paid,200\nC,2024-01-03,paid,300\n",
    );
    let r = import::store_files(&mut store, &[v2], &mut |_| true).unwrap();
    let c = r[0].counts;
    assert_eq!((c.added, c.updated, c.unchanged), (1, 1, 1));
    assert_eq!(rows(&store, Kind::Orders)[0][6], t("paid"));

    let history = batches::list(store.conn()).unwrap();
    assert_eq!(history.len(), 2);
    let (newest, oldest) = (history[0].id, history[1].id);
    // The first import cannot go while the second one changed its rows.
    assert!(matches!(
        batches::undo(store.conn_mut(), oldest),
        Err(UndoError::LaterBatch { later, .. }) if later == newest
    ));
    batches::undo(store.conn_mut(), newest).unwrap();
    assert_eq!(rows(&store, Kind::Orders), before);
    assert!(matches!(
        batches::undo(store.conn_mut(), newest),
        Err(UndoError::AlreadyUndone(_))
    ));
    batches::undo(store.conn_mut(), oldest).unwrap();
    assert!(rows(&store, Kind::Orders).is_empty());
    let history = batches::list(store.conn()).unwrap();
    assert!(history.iter().all(|b| b.undone_at.is_some()));
}

#[test]
fn an_order_imported_again_replaces_its_lines_and_undo_brings_them_back() {
    let (_dir, mut store) = store();
    let v1 = parsed(
        "order_lines.csv",
        "order_id,product,quantity,unit_price\nA,Kopi,1,10\nA,Teh,2,5\nA,Gula,1,3\nB,Kopi,1,10\n",
    );
    import::store_files(&mut store, &[v1], &mut |_| true).unwrap();
    let before = rows(&store, Kind::OrderLines);
    let v2 = parsed(
        "order_lines.csv",
        "order_id,product,quantity,unit_price\nA,Kopi,2,10\n",
    );
    import::store_files(&mut store, &[v2], &mut |_| true).unwrap();
    let after = rows(&store, Kind::OrderLines);
    let a_lines: Vec<_> = after.iter().filter(|r| r[0] == t("A")).collect();
    assert_eq!(a_lines.len(), 1, "order A has one line now");
    assert_eq!(a_lines[0][6], i(2000), "2 x 10.00");
    assert_eq!(after.len(), 2, "order B's line is untouched");
    let history = batches::list(store.conn()).unwrap();
    let (newest, oldest) = (history[0].id, history[1].id);
    // The newer export dropped lines the first one added: it must go first.
    assert!(matches!(
        batches::undo(store.conn_mut(), oldest),
        Err(UndoError::LaterBatch { later, .. }) if later == newest
    ));
    batches::undo(store.conn_mut(), newest).unwrap();
    let mut restored = rows(&store, Kind::OrderLines);
    restored.sort_by_key(|r| format!("{:?}{:?}", r[0], r[1]));
    let mut expected = before;
    expected.sort_by_key(|r| format!("{:?}{:?}", r[0], r[1]));
    assert_eq!(restored, expected);
}

#[test]
fn a_key_repeated_in_one_file_is_one_record_the_last_row_winning() {
    let (_dir, mut store) = store();
    let f = parsed(
        "orders.csv",
        "order_id,date,total\nA,2024-01-01,100\nA,2024-01-01,150\n",
    );
    import::store_files(&mut store, &[f], &mut |_| true).unwrap();
    let stored = rows(&store, Kind::Orders);
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0][7], i(15_000));
    let id = batches::list(store.conn()).unwrap()[0].id;
    batches::undo(store.conn_mut(), id).unwrap();
    assert!(rows(&store, Kind::Orders).is_empty());
}

#[test]
fn content_hash_kinds_count_identical_rows_once_each_and_reimport_adds_nothing() {
    let (_dir, mut store) = store();
    let csv = "date,customer_id,score\n2024-01-01,C1,5\n2024-01-01,C1,5\n2024-01-02,,3\n";
    let r = import::store_files(&mut store, &[parsed("csat.csv", csv)], &mut |_| true).unwrap();
    assert_eq!(r[0].counts.added, 3);
    let r = import::store_files(&mut store, &[parsed("csat.csv", csv)], &mut |_| true).unwrap();
    assert_eq!((r[0].counts.added, r[0].counts.unchanged), (0, 3));
    // Activities without an id are keyed by their content too.
    let acts = "date,type,count\n2024-01-01,social_post,40\n2024-01-01,social_post,40\n";
    import::store_files(&mut store, &[parsed("activities.csv", acts)], &mut |_| true).unwrap();
    let r =
        import::store_files(&mut store, &[parsed("activities.csv", acts)], &mut |_| true).unwrap();
    assert_eq!((r[0].counts.added, r[0].counts.unchanged), (0, 2));
    assert_eq!(rows(&store, Kind::Activities).len(), 2);
}

#[test]
fn row_errors_name_line_column_and_reason() {
    let csv = "deal_id,created_at,status,value\nD1,,won,10\nD2,2024-01-01,open,abc\n\"D3\nx\",2024-13-01,open,1\n";
    let file = import::read_bytes(Path::new("deals.csv"), csv.as_bytes(), &Default::default())
        .unwrap()
        .remove(0);
    let got: Vec<(u64, &str, import::Reason)> = file
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_str(), e.reason))
        .collect();
    assert_eq!(
        got,
        vec![
            (2, "created_at", import::Reason::ClosedDealWithoutCreated),
            (3, "value", import::Reason::BadMoney),
            (4, "created_at", import::Reason::BadDate),
        ]
    );
    assert_eq!(file.errors_rows(), 3);
    assert!(file.records.is_empty());
    let msg = file.errors[1].message(laris::i18n::Lang::En, "deals.csv");
    assert_eq!(
        msg,
        "deals.csv, row 3, column value (\"abc\"): not an amount Laris can read; amounts look like 1250000, Rp 1.250.000,00 or 1,250.00"
    );
}

#[test]
fn a_cancelled_import_writes_nothing() {
    let (_dir, mut store) = store();
    let mut csv = String::from("date,category,amount\n");
    for i in 0..5000 {
        csv.push_str(&format!("2024-01-01,sales,{i}\n"));
    }
    let file = parsed("expenses.csv", &csv);
    let mut calls = 0;
    let r = import::store_files(&mut store, &[file], &mut |_| {
        calls += 1;
        false
    });
    assert!(matches!(r, Err(laris::store::StoreError::Cancelled)));
    assert_eq!(calls, 1, "asked once, at the first 4,096 records");
    assert!(rows(&store, Kind::Expenses).is_empty());
    assert!(batches::list(store.conn()).unwrap().is_empty());
}

#[test]
fn skipped_rows_are_saved_as_the_file_had_them_with_formulas_neutralised() {
    let csv = "order_id;date;total;customer_name\nA;2024-01-01;-5;Sari\nB;2024-02-30;7;=HYPERLINK(\"x\")\nC;2024-01-02;x;@Budi\n";
    let file = import::read_bytes(Path::new("o.csv"), csv.as_bytes(), &Default::default())
        .unwrap()
        .remove(0);
    let out = String::from_utf8(import::skipped_csv(&file).unwrap()).unwrap();
    assert_eq!(
        out,
        "order_id,date,total,customer_name\nB,2024-02-30,7,\"'=HYPERLINK(\"\"x\"\")\"\nC,2024-01-02,x,'@Budi\n"
    );
}
