//! Columns matched by their names in any usual spelling, or by their values,
//! and the user's `--map` where neither does (issue 14).

use std::path::Path;

use crate::common::{laris, query, stderr, stdout};

/// The same five orders in every variant: order id, date, customer name,
/// rep, channel, status, total.
const ROWS: [[&str; 7]; 5] = [
    [
        "T-1001",
        "2024-03-05 10:15",
        "Sari Dewi",
        "Budi",
        "online",
        "paid",
        "125000.00",
    ],
    [
        "T-1002",
        "2024-03-05 11:40",
        "Andi",
        "Budi",
        "store",
        "paid",
        "80000.50",
    ],
    [
        "T-1003",
        "2024-03-06 09:00",
        "Sari Dewi",
        "Rina",
        "online",
        "cancelled",
        "45000",
    ],
    [
        "T-1004",
        "2024-03-07 14:30",
        "Joko",
        "Rina",
        "store",
        "paid",
        "1250000",
    ],
    [
        "T-1005",
        "2024-03-08 16:05",
        "Andi",
        "Budi",
        "online",
        "refunded",
        "99999.99",
    ],
];

/// A CSV of [`ROWS`] under `headers`, its columns in the order `order`
/// gives (indices into a row), with an unmapped `Notes` column where
/// `notes` says.
fn csv(headers: &[&str], order: &[usize], notes: Option<usize>) -> String {
    let mut lines = Vec::new();
    let mut head: Vec<String> = headers.iter().map(|h| format!("\"{h}\"")).collect();
    if let Some(at) = notes {
        head.insert(at, "Notes".into());
    }
    lines.push(head.join(","));
    for row in ROWS {
        let mut cells: Vec<String> = order.iter().map(|&i| format!("\"{}\"", row[i])).collect();
        if let Some(at) = notes {
            cells.insert(at, "\"call first\"".into());
        }
        lines.push(cells.join(","));
    }
    lines.join("\n") + "\n"
}

fn stored_orders(db: &Path) -> Vec<String> {
    query(
        db,
        "SELECT order_id, date, customer_name, rep, channel, status, total_minor \
         FROM orders ORDER BY order_id",
    )
}

#[test]
fn twenty_spellings_of_the_same_orders_store_the_same_records() {
    let canonical = [0, 1, 2, 3, 4, 5, 6];
    let reversed = [6, 5, 4, 3, 2, 1, 0];
    // A name for the test's failure messages, the headers, the order of the
    // columns and where an extra column goes.
    type Variant = (&'static str, Vec<&'static str>, [usize; 7], Option<usize>);
    let variants: Vec<Variant> = vec![
        (
            "canonical",
            vec![
                "order_id",
                "date",
                "customer_name",
                "rep",
                "channel",
                "status",
                "total",
            ],
            canonical,
            None,
        ),
        (
            "title case",
            vec![
                "Order ID",
                "Date",
                "Customer Name",
                "Rep",
                "Channel",
                "Status",
                "Total",
            ],
            canonical,
            None,
        ),
        (
            "camelCase",
            vec![
                "OrderId",
                "OrderDate",
                "CustomerName",
                "SalesRep",
                "SalesChannel",
                "OrderStatus",
                "OrderTotal",
            ],
            canonical,
            None,
        ),
        (
            "Indonesian",
            vec![
                "No. Pesanan",
                "Tanggal",
                "Nama Pelanggan",
                "Sales",
                "Saluran",
                "Status Pesanan",
                "Total Bayar",
            ],
            canonical,
            None,
        ),
        (
            "abbreviated",
            vec![
                "Ord No",
                "Ord Dt",
                "Cust Name",
                "Rep",
                "Channel",
                "Status",
                "Total Amt",
            ],
            canonical,
            None,
        ),
        (
            "upper snake",
            vec![
                "ORDER_ID",
                "ORDER_DATE",
                "CUSTOMER_NAME",
                "SALES_REP",
                "SALES_CHANNEL",
                "ORDER_STATUS",
                "ORDER_TOTAL",
            ],
            canonical,
            None,
        ),
        (
            "reordered",
            vec![
                "total",
                "status",
                "channel",
                "rep",
                "customer_name",
                "date",
                "order_id",
            ],
            reversed,
            None,
        ),
        (
            "key by its values",
            vec![
                "Kode",
                "Tanggal",
                "Nama Pelanggan",
                "Sales",
                "Saluran",
                "Status",
                "Total",
            ],
            canonical,
            None,
        ),
        (
            "date by its values",
            vec![
                "Order ID",
                "Kapan",
                "Customer Name",
                "Rep",
                "Channel",
                "Status",
                "Total",
            ],
            canonical,
            None,
        ),
        (
            "transactions",
            vec![
                "Txn No",
                "Txn Date",
                "Customer",
                "Salesperson",
                "Platform",
                "Status",
                "Grand Total",
            ],
            canonical,
            None,
        ),
        (
            "receipts",
            vec![
                "Receipt No",
                "Receipt Date",
                "Buyer Name",
                "Agent",
                "Sales Channel",
                "Payment Status",
                "Total Amount",
            ],
            canonical,
            None,
        ),
        (
            "invoice",
            vec![
                "Invoice #",
                "Invoice Date",
                "Billing Name",
                "Sales Person",
                "Kanal",
                "Financial Status",
                "Order Amount",
            ],
            canonical,
            None,
        ),
        (
            "transaksi",
            vec![
                "Nomor Transaksi",
                "Tanggal Transaksi",
                "Pembeli",
                "Kasir",
                "Saluran Penjualan",
                "Status Pembayaran",
                "Total Belanja",
            ],
            canonical,
            None,
        ),
        (
            "kebab case",
            vec![
                "order-id",
                "order-date",
                "customer-name",
                "sales-rep",
                "channel",
                "order-status",
                "order-total",
            ],
            canonical,
            None,
        ),
        (
            "with notes",
            vec![
                "Order ID (unique)",
                "Order Date (local)",
                "Customer Name (billing)",
                "Rep",
                "Channel",
                "Status",
                "Total",
            ],
            canonical,
            None,
        ),
        (
            "spaced",
            vec![
                "  ORDER   id ",
                " DATE ",
                "customer  NAME",
                " rep",
                "channel ",
                "STATUS",
                " total ",
            ],
            canonical,
            None,
        ),
        (
            "extra column",
            vec![
                "Order ID",
                "Date",
                "Customer Name",
                "Rep",
                "Channel",
                "Status",
                "Total",
            ],
            canonical,
            Some(3),
        ),
        (
            "UCI-like",
            vec![
                "InvoiceNo",
                "InvoiceDate",
                "CustomerName",
                "Salesperson",
                "Platform",
                "Order Status",
                "Grand Total",
            ],
            canonical,
            None,
        ),
        (
            "key and date by values",
            vec![
                "Ref",
                "Kapan",
                "Nama Pelanggan",
                "Sales",
                "Saluran",
                "Status",
                "Total",
            ],
            canonical,
            Some(6),
        ),
        (
            "Indonesian abbreviated",
            vec![
                "No Nota",
                "Tgl",
                "Nama Pembeli",
                "Karyawan",
                "Kanal",
                "Status Terakhir",
                "Jumlah Bayar",
            ],
            canonical,
            None,
        ),
    ];
    assert_eq!(variants.len(), 20);
    let dir = tempfile::tempdir().unwrap();
    let mut first: Option<Vec<String>> = None;
    for (i, (name, headers, order, notes)) in variants.iter().enumerate() {
        let file = dir.path().join(format!("variant-{i}.csv"));
        std::fs::write(&file, csv(headers, order, *notes)).unwrap();
        let db = dir.path().join(format!("variant-{i}.laris"));
        let out = laris(&[
            "import",
            "--db",
            db.to_str().unwrap(),
            file.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let stored = stored_orders(&db);
        assert_eq!(stored.len(), 5, "{name}");
        match &first {
            None => first = Some(stored),
            Some(want) => assert_eq!(&stored, want, "{name}"),
        }
    }
    // The records are the rows as written: checked once, by hand.
    let want = first.unwrap();
    assert_eq!(
        want[1],
        "T-1002|2024-03-05T11:40:00|Andi|Budi|store|paid|8000050"
    );
}

#[test]
fn a_dry_run_says_which_columns_were_matched_by_name_and_which_by_values() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kas.csv");
    std::fs::write(
        &file,
        csv(
            &[
                "Kode",
                "Kapan",
                "Nama Pelanggan",
                "Sales",
                "Saluran",
                "Status",
                "Total",
            ],
            &[0, 1, 2, 3, 4, 5, 6],
            None,
        ),
    )
    .unwrap();
    let db = dir.path().join("toko.laris");
    let out = laris(&[
        "import",
        "--db",
        db.to_str().unwrap(),
        "--dry-run",
        "--json",
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let columns = json[0]["columns"].as_array().unwrap();
    let of = |column: &str| {
        columns
            .iter()
            .find(|c| c["column"] == column)
            .unwrap_or_else(|| panic!("{column} in {columns:?}"))
    };
    assert_eq!(of("Kode")["field"], "order_id");
    assert_eq!(of("Kode")["by"], "values");
    assert_eq!(of("Kode")["confidence"], 1.0);
    assert_eq!(of("Kapan")["field"], "date");
    assert_eq!(of("Kapan")["by"], "values");
    assert_eq!(of("Nama Pelanggan")["by"], "name");
    assert_eq!(of("Nama Pelanggan")["confidence"], 1.0);
    assert_eq!(json[0]["kind"], "orders");
    assert_eq!(json[0]["added"], 5);
}

#[test]
fn a_field_no_column_clearly_holds_names_the_likeliest_and_the_map_to_type() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pesanan.csv");
    std::fs::write(
        &file,
        "Kode,Dibuat,Dikirim,Nama Pelanggan,Total\n\
         T-1,2024-03-05,2024-03-07,Sari,125000\n\
         T-2,2024-03-06,2024-03-09,Budi,80000\n",
    )
    .unwrap();
    let db = dir.path().join("toko.laris");
    let (db_arg, file_arg) = (db.to_str().unwrap(), file.to_str().unwrap());
    let out = laris(&["import", "--db", db_arg, "--kind", "orders", file_arg]);
    assert_eq!(out.status.code(), Some(2), "left out");
    let err = stderr(&out);
    assert!(
        err.contains("cannot tell which column holds the date"),
        "{err}"
    );
    assert!(
        err.contains("The likeliest: \"Dibuat\", \"Dikirim\""),
        "{err}"
    );
    let command = format!("laris import --kind orders --map date=\"Dibuat\" \"{file_arg}\"");
    assert!(err.contains(&command), "{err}");
    assert!(!db.exists(), "nothing written");

    // What the message says to type works; a column by its number too.
    let out = laris(&[
        "import",
        "--db",
        db_arg,
        "--kind",
        "orders",
        "--map",
        "date=Dibuat",
        file_arg,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let dates = query(&db, "SELECT date FROM orders ORDER BY order_id");
    assert_eq!(dates, ["2024-03-05", "2024-03-06"]);
    let out = laris(&[
        "import", "--db", db_arg, "--kind", "orders", "--map", "date=3", file_arg,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let shipped = query(&db, "SELECT date FROM orders WHERE order_id = 'T-2'");
    assert_eq!(
        shipped,
        ["2024-03-09"],
        "the newer import maps the third column"
    );
}

#[test]
fn a_map_naming_no_field_or_no_column_says_what_there_is() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("o.csv");
    std::fs::write(&file, "Order ID,Date\nA,2024-01-01\n").unwrap();
    let db = dir.path().join("t.laris");
    let (db, file) = (db.to_str().unwrap(), file.to_str().unwrap());
    let out = laris(&["import", "--db", db, "--map", "tanggal=Date", file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("orders have no field \"tanggal\""),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("order_id, date"), "{}", stderr(&out));
    let out = laris(&["import", "--db", db, "--map", "date=When", file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "has no column When. Its columns: \"Order ID\", \"Date\" (or their numbers, 1 to 2)"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_crm_data_export_imports_with_its_generic_field_names() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let opportunities = write(
        "Opportunity.csv",
        "Id,Name,StageName,Amount,CloseDate,IsClosed,IsWon,OwnerId,CreatedDate,LeadSource,Probability\n\
         006A1,Hampers Lebaran PT Maju,Closed Won,15000000,2024-03-20,true,true,005U1,2024-02-01,Web,100\n\
         006A2,Kopi kantor CV Jaya,Negotiation,4500000,2024-04-30,false,false,005U2,2024-03-05,Referral,60\n\
         006A3,Snack event,Proposal,2000000,2024-03-15,1,0,005U1,2024-02-20,Phone,0\n\
         006A4,Teh premium,Qualification,,,tidak,tidak,005U2,2024-03-10,Web,20\n",
    );
    let history = write(
        "OpportunityHistory.csv",
        "OpportunityId,StageName,CreatedDate\n\
         006A1,Prospecting,2024-02-01\n\
         006A1,Negotiation,2024-03-01\n\
         006A1,Closed Won,2024-03-20\n\
         006A2,Prospecting,2024-03-05\n\
         006A2,Negotiation,2024-04-02\n",
    );
    let leads = write(
        "Lead.csv",
        "Id,CreatedDate,LeadSource,Status,ConvertedDate,OwnerId\n\
         00Q1,2024-01-10,Web,Converted,2024-02-01,005U1\n\
         00Q2,2024-01-15,Referral,Open,,005U2\n\
         00Q3,2024-02-03,Phone,Unqualified,,005U1\n",
    );
    let tasks = write(
        "Task.csv",
        "Id,Subject,ActivityDate,OwnerId,WhatId,Status\n\
         00T1,Call,2024-03-01,005U1,006A1,Completed\n\
         00T2,Email,2024-03-02,005U2,006A2,Completed\n\
         00T3,Meeting,2024-03-05,005U1,006A1,Completed\n",
    );
    let users = write(
        "User.csv",
        "Id,Name,Email,IsActive\n005U1,Sari Dewi,sari@toko.id,true\n",
    );
    let db = dir.path().join("crm.laris");
    let out = laris(&[
        "import",
        "--db",
        db.to_str().unwrap(),
        &opportunities,
        &history,
        &leads,
        &tasks,
        &users,
    ]);
    // The users list names owner 005U1; 005U2 has no name and stays an id.
    assert!(out.status.success(), "{}", stderr(&out));
    // Notes go to stderr, beside the counts on stdout.
    assert!(
        stderr(&out)
            .contains("User.csv: names for one salesperson id; 6 stored records show a name now"),
        "{}",
        stderr(&out)
    );
    let by_rep = activities_by_rep(&db, "month:2024-03", &[]);
    assert_eq!(by_rep, [("005U2".into(), 1), ("Sari Dewi".into(), 2)]);
    let rows = |sql: &str| query(&db, sql);
    // Won from IsWon, lost from IsClosed and not won, open from neither.
    assert_eq!(
        rows(
            "SELECT deal_id || ' ' || status || ' ' || coalesce(value_minor, '-') || ' ' || rep FROM deals ORDER BY deal_id"
        ),
        [
            "006A1 won 1500000000 005U1",
            "006A2 open 450000000 005U2",
            "006A3 lost 200000000 005U1",
            "006A4 open - 005U2",
        ]
    );
    assert_eq!(
        rows(
            "SELECT deal_id || ' ' || stage || ' ' || entered_at FROM deal_stages ORDER BY deal_id, entered_at"
        ),
        [
            "006A1 Prospecting 2024-02-01",
            "006A1 Negotiation 2024-03-01",
            "006A1 Closed Won 2024-03-20",
            "006A2 Prospecting 2024-03-05",
            "006A2 Negotiation 2024-04-02",
        ]
    );
    assert_eq!(
        rows(
            "SELECT lead_id || ' ' || source || ' ' || coalesce(converted_at, '-') FROM leads ORDER BY lead_id"
        ),
        ["00Q1 Web 2024-02-01", "00Q2 Referral -", "00Q3 Phone -"]
    );
    assert_eq!(
        rows(
            "SELECT activity_id || ' ' || type || ' ' || deal_id || ' ' || rep FROM activities ORDER BY activity_id"
        ),
        [
            "00T1 call 006A1 005U1",
            "00T2 email 006A2 005U2",
            "00T3 meeting 006A1 005U1"
        ]
    );
}

/// `laris report`'s activities per rep for `period`, sorted by rep.
fn activities_by_rep(db: &Path, period: &str, extra: &[&str]) -> Vec<(String, i64)> {
    let mut args = vec!["report", "--db", db.to_str().unwrap(), "--period", period];
    args.extend_from_slice(extra);
    args.push("--json");
    let out = laris(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut by_rep: Vec<(String, i64)> = report["metrics"]["activities"]["by_rep"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(rep, n)| (rep.clone(), n.as_i64().unwrap()))
        .collect();
    by_rep.sort();
    by_rep
}

#[test]
fn a_users_list_names_owner_ids_imported_before_or_after_it_and_undo_brings_the_ids_back() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let db = dir.path().join("crm.laris");
    let import = |files: &[&str]| {
        let mut args = vec!["import", "--db", db.to_str().unwrap()];
        args.extend_from_slice(files);
        let out = laris(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        format!("{}{}", stdout(&out), stderr(&out))
    };
    // The list comes first, with only Id and Name (Indonesian headers).
    let users = write(
        "pengguna.csv",
        "ID Sales,Nama\n005U1,Sari\n005U2,Budi Santoso\n",
    );
    let said = import(&[&users]);
    assert!(
        said.contains(
            "pengguna.csv: names for 2 salesperson ids; 0 stored records show a name now"
        ),
        "{said}"
    );
    // Tasks owned by ids (one written in another case), and the shop's own
    // activity log where Sari typed her name: one rep, three activities.
    let tasks = write(
        "Task.csv",
        "Id,Subject,ActivityDate,OwnerId\n00T1,Call,2024-03-01,005U1\n00T2,Email,2024-03-02,005u2\n00T3,Call,2024-03-04,005U1\n00T4,Call,2024-03-05,005U9\n",
    );
    let log = write(
        "aktivitas.csv",
        "activity_id,date,rep,type\nA1,2024-03-06,sari,meeting\n",
    );
    import(&[&tasks, &log]);
    let named = [
        ("005U9".into(), 1),
        ("Budi Santoso".into(), 1),
        ("Sari".into(), 3),
    ];
    assert_eq!(activities_by_rep(&db, "month:2024-03", &[]), named);
    // The filter takes the name.
    assert_eq!(
        activities_by_rep(&db, "month:2024-03", &["--rep", "sari"]),
        [("Sari".into(), 3)]
    );
    // A later list renames 005U1; undoing it gives the first list's name
    // back, and undoing that one gives the ids back.
    let renamed = write(
        "users.csv",
        "Id,Name,Email,IsActive\n005U1,Sari Dewi,sari@toko.id,true\n",
    );
    let said = import(&[&renamed]);
    assert!(
        said.contains("users.csv: names for one salesperson id; 2 stored records show a name now"),
        "{said}"
    );
    assert_eq!(
        activities_by_rep(&db, "month:2024-03", &[]),
        [
            ("005U9".into(), 1),
            ("Budi Santoso".into(), 1),
            ("Sari Dewi".into(), 2),
            ("sari".into(), 1),
        ]
    );
    let mut store = laris::store::Store::open(&db).unwrap();
    let batch = |file: &str| -> i64 {
        store
            .conn()
            .query_row(
                "SELECT id FROM import_batches WHERE file_name = ?1",
                [file],
                |r| r.get(0),
            )
            .unwrap()
    };
    let (first, second) = (batch("pengguna.csv"), batch("users.csv"));
    laris::store::batches::undo(store.conn_mut(), second).unwrap();
    drop(store);
    assert_eq!(activities_by_rep(&db, "month:2024-03", &[]), named);
    let mut store = laris::store::Store::open(&db).unwrap();
    laris::store::batches::undo(store.conn_mut(), first).unwrap();
    drop(store);
    assert_eq!(
        activities_by_rep(&db, "month:2024-03", &[]),
        [
            ("005U1".into(), 2),
            ("005U9".into(), 1),
            ("005u2".into(), 1),
            ("sari".into(), 1),
        ]
    );
    // The records kept the ids throughout.
    assert_eq!(
        query(&db, "SELECT rep FROM activities ORDER BY rep"),
        ["005U1", "005U1", "005U9", "005u2", "sari"]
    );
}

#[test]
fn a_transactions_workbook_with_unfamiliar_key_and_price_names_is_line_items() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("transaksi.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows: [(&str, &str, &str, f64, f64, f64); 5] = [
        (
            "TX-01",
            "2024-05-02",
            "Kopi Gayo 250g",
            2.0,
            85_000.0,
            10_000.0,
        ),
        ("TX-01", "2024-05-02", "Teh Melati", 1.0, 25_000.0, 0.0),
        (
            "TX-02",
            "2024-05-03",
            "Kopi Gayo 250g",
            1.0,
            85_000.0,
            10_000.0,
        ),
        ("TX-03", "2024-05-03", "Keripik Pisang", 3.0, 12_500.0, 0.0),
        ("TX-03", "2024-05-03", "Teh Melati", 2.0, 24_000.0, 0.0),
    ];
    for (c, h) in ["TxnID", "Tgl", "Item", "Qty", "Price Each", "Shipping"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (id, date, item, qty, price, ship)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *id).unwrap();
        sheet.write_string(r, 1, *date).unwrap();
        sheet.write_string(r, 2, *item).unwrap();
        sheet.write_number(r, 3, *qty).unwrap();
        sheet.write_number(r, 4, *price).unwrap();
        sheet.write_number(r, 5, *ship).unwrap();
    }
    book.save(&path).unwrap();
    let db = dir.path().join("toko.laris");
    let out = laris(&[
        "import",
        "--db",
        db.to_str().unwrap(),
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(query(&db, "SELECT count(*) FROM order_lines"), ["5"]);
    // No total column: an order is worth its lines (2 x 85.000 + 25.000 for
    // TX-01), shipping kept out, as docs/import.md says.
    assert_eq!(
        query(
            &db,
            "SELECT order_id, sum(line_total_minor) FROM order_lines GROUP BY order_id ORDER BY order_id"
        ),
        ["TX-01|19500000", "TX-02|8500000", "TX-03|8550000"]
    );
    assert_eq!(
        query(&db, "SELECT total_minor FROM orders ORDER BY order_id"),
        ["19500000", "8500000", "8550000"],
        "each the sum of its lines"
    );
}

/// Shopify's orders export has an `Id`, a `Name` and an `Email` like a CRM's
/// users list, and many columns of a sale besides: it is orders.
#[test]
fn an_orders_export_with_id_name_and_email_is_orders_not_a_users_list() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("orders_export.csv");
    std::fs::write(
        &file,
        "Name,Email,Financial Status,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Id\n\
         #1001,a@b.id,paid,30000,2024-03-01 10:00:00 +0700,1,Kopi,30000,5001\n\
         #1002,c@d.id,paid,45000,2024-03-02 11:00:00 +0700,3,Teh,15000,5002\n",
    )
    .unwrap();
    let db = dir.path().join("shop.laris");
    let out = laris(&[
        "import",
        "--db",
        db.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("(orders): 2 added"),
        "{}",
        stdout(&out)
    );
    assert_eq!(query(&db, "SELECT count(*) FROM rep_names"), ["0"]);
}
