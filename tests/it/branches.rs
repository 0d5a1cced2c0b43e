//! Branches (outlets): each import may carry a branch, whose records keep
//! apart from another branch's with the same ids (issue 19).

use std::path::{Path, PathBuf};

use crate::common::{laris, query, stderr, stdout};

/// Jakarta's line-item export: A-1 is 2 x 25.000 + 1 x 50.000 = 100.000,
/// A-2 is 2 x 25.000 = 50.000.
const JAKARTA: &str = "order_id,date,customer_id,rep,channel,status,product,quantity,unit_price
A-1,2024-03-01,C1,Sari,Toko,paid,Kopi,2,25000
A-1,2024-03-01,C1,Sari,Toko,paid,Teh,1,50000
A-2,2024-03-02,C2,Budi,Online,paid,Kopi,2,25000
";

/// Bandung numbers its orders from A-1 too: A-1 is 4 x 30.000 + 2 x
/// 15.000 = 150.000.
const BANDUNG: &str = "order_id,date,customer_id,rep,channel,status,product,quantity,unit_price
A-1,2024-03-05,C9,Sari,Toko,paid,Kopi,4,30000
A-1,2024-03-05,C9,Sari,Toko,paid,Roti,2,15000
";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `laris import --db DB [--branch B] FILES`, which must succeed.
fn import(db: &str, branch: Option<&str>, files: &[&Path]) -> String {
    let mut args = vec!["import", "--db", db, "--json"];
    if let Some(b) = branch {
        args.extend(["--branch", b]);
    }
    args.extend(files.iter().map(|f| s(f)));
    let out = laris(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn undo(db: &str, id: &str) {
    let out = laris(&["undo", "--db", db, id]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The same order number in two branches is two orders, each with its own
/// lines; a branch name in other capitals is the branch first named; a
/// re-import changes nothing; a newer export of one branch replaces only
/// that branch's lines; undoing one branch's imports leaves the other's.
#[test]
fn two_branches_keep_the_same_order_number_apart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let db = s(&db);
    let jakarta = write(dir.path(), "jakarta.csv", JAKARTA);
    let bandung = write(dir.path(), "bandung.csv", BANDUNG);
    import(db, Some("Jakarta"), &[&jakarta]);
    let first = import(db, Some(" Bandung "), &[&bandung]);
    let first: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(first[0]["branch"], "Bandung", "{first}");
    let orders = "SELECT branch, order_id, total_minor FROM orders ORDER BY branch, order_id";
    let both = vec![
        "Bandung|A-1|15000000",
        "Jakarta|A-1|10000000",
        "Jakarta|A-2|5000000",
    ];
    assert_eq!(query(Path::new(db), orders), both);
    let lines = "SELECT branch, order_id, line_no, product FROM order_lines ORDER BY branch, order_id, line_no";
    let all_lines = vec![
        "Bandung|A-1|1|Kopi",
        "Bandung|A-1|2|Roti",
        "Jakarta|A-1|1|Kopi",
        "Jakarta|A-1|2|Teh",
        "Jakarta|A-2|1|Kopi",
    ];
    assert_eq!(query(Path::new(db), lines), all_lines);

    // Again, spelled otherwise: the same branch, nothing new; the summary
    // and the list of imports name it as first spelled.
    let out = laris(&["import", "--db", db, "--branch", "bandung", s(&bandung)]);
    assert!(
        stdout(&out)
            .contains("bandung.csv (orders, branch Bandung): 0 added, 0 updated, 1 unchanged"),
        "{}",
        stdout(&out)
    );
    let list = stdout(&laris(&["undo", "--db", db, "--list"]));
    assert!(list.contains("(order_lines, branch Bandung)"), "{list}");
    assert!(
        list.contains("(order_lines, branch Jakarta): 3 added"),
        "{list}"
    );
    let again = import(db, Some("BANDUNG"), &[&bandung]);
    let again: serde_json::Value = serde_json::from_str(&again).unwrap();
    for file in again.as_array().unwrap() {
        assert_eq!(file["added"], 0, "{file}");
        assert_eq!(file["updated"], 0, "{file}");
    }
    assert_eq!(query(Path::new(db), orders), both);
    assert_eq!(
        query(
            Path::new(db),
            "SELECT DISTINCT branch FROM import_batches ORDER BY branch"
        ),
        vec!["Bandung", "Jakarta"]
    );

    // Bandung's newer export drops Roti: only Bandung's A-1 loses a line.
    let newer = write(
        dir.path(),
        "bandung-2.csv",
        "order_id,date,customer_id,rep,channel,status,product,quantity,unit_price
A-1,2024-03-05,C9,Sari,Toko,paid,Kopi,4,30000
",
    );
    import(db, Some("bandung"), &[&newer]);
    assert_eq!(
        query(Path::new(db), lines),
        vec![
            "Bandung|A-1|1|Kopi",
            "Jakarta|A-1|1|Kopi",
            "Jakarta|A-1|2|Teh",
            "Jakarta|A-2|1|Kopi",
        ]
    );
    assert_eq!(
        query(Path::new(db), orders),
        vec![
            "Bandung|A-1|12000000",
            "Jakarta|A-1|10000000",
            "Jakarta|A-2|5000000"
        ]
    );

    // Undone, newest first: Roti comes back as Bandung's, then Bandung's
    // records go and Jakarta's stay as they were.
    let bandung_batches = query(
        Path::new(db),
        "SELECT id FROM import_batches WHERE branch = 'Bandung' ORDER BY id DESC",
    );
    assert_eq!(bandung_batches.len(), 8, "orders and lines, four times");
    undo(db, &bandung_batches[0]);
    undo(db, &bandung_batches[1]);
    assert_eq!(query(Path::new(db), lines), all_lines);
    assert_eq!(query(Path::new(db), orders), both);
    for id in &bandung_batches[2..] {
        undo(db, id);
    }
    assert_eq!(
        query(Path::new(db), orders),
        vec!["Jakarta|A-1|10000000", "Jakarta|A-2|5000000"]
    );
    assert_eq!(query(Path::new(db), lines), all_lines[2..].to_vec());
}

/// Without --branch an import is what it always was: no branch, and the
/// same order number is the same order.
#[test]
fn without_a_branch_an_order_number_is_one_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let db = s(&db);
    let jakarta = write(dir.path(), "jakarta.csv", JAKARTA);
    let bandung = write(dir.path(), "bandung.csv", BANDUNG);
    import(db, None, &[&jakarta]);
    import(db, Some("  "), &[&bandung]);
    assert_eq!(
        query(
            Path::new(db),
            "SELECT branch, order_id, total_minor FROM orders ORDER BY order_id"
        ),
        vec!["|A-1|15000000", "|A-2|5000000"],
        "a blank branch is no branch: Bandung's A-1 updated the one A-1"
    );
}

/// A returns list marks the orders of its own branch only.
#[test]
fn a_returns_list_marks_its_own_branchs_orders() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("toko.laris");
    let db = s(&db);
    let jakarta = write(dir.path(), "jakarta.csv", JAKARTA);
    let bandung = write(dir.path(), "bandung.csv", BANDUNG);
    let returns = write(dir.path(), "returns.csv", "Order ID,Returned\nA-1,Yes\n");
    import(db, Some("Jakarta"), &[&jakarta]);
    import(db, Some("Bandung"), &[&returns]);
    import(db, Some("Bandung"), &[&bandung]);
    assert_eq!(
        query(
            Path::new(db),
            "SELECT branch, order_id, status FROM orders ORDER BY branch, order_id"
        ),
        vec![
            "Bandung|A-1|refunded",
            "Jakarta|A-1|paid",
            "Jakarta|A-2|paid"
        ]
    );
}

/// Every row of the record tables (and what undo and names keep), as
/// text, in copy order: the batches' times differ between two imports.
fn records(db: &Path) -> Vec<(String, Vec<String>)> {
    laris::store::tables::TABLES
        .iter()
        .filter(|t| t.name != "import_batches")
        .map(|t| (t.name.to_string(), query(db, &t.select_all())))
        .collect()
}

/// On a server, branches are what they are in a file: two outlets' exports
/// with the same order numbers, a re-import spelled otherwise, a newer
/// export and its undo say the same and store the same rows (ids, branches
/// and undo log included).
#[test]
fn branches_on_a_server_are_branches_in_a_file() {
    let Some(cluster) = laris::store::pg::cluster::Cluster::shared() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("toko.laris");
    let url = cluster.database("branches");
    let jakarta = write(dir.path(), "jakarta.csv", JAKARTA);
    let bandung = write(dir.path(), "bandung.csv", BANDUNG);
    let newer = write(
        dir.path(),
        "bandung-2.csv",
        "order_id,date,customer_id,rep,channel,status,product,quantity,unit_price
A-1,2024-03-05,C9,Sari,Toko,paid,Kopi,4,30000
",
    );
    for (branch, f) in [
        ("Jakarta", &jakarta),
        ("Bandung", &bandung),
        ("BANDUNG", &bandung),
        ("bandung", &newer),
    ] {
        assert_eq!(
            import(&url, Some(branch), &[f]),
            import(s(&file), Some(branch), &[f]),
            "{branch}"
        );
    }
    let last = query(&file, "SELECT max(id) FROM import_batches")[0].clone();
    undo(s(&file), &last);
    undo(&url, &last);
    let copy = dir.path().join("copy.laris");
    let out = laris(&["migrate", "--from", &url, "--to", s(&copy)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(records(&copy), records(&file));
    assert_eq!(
        query(
            &copy,
            "SELECT branch, count(*) FROM order_lines GROUP BY branch ORDER BY branch"
        ),
        vec!["Bandung|2", "Jakarta|3"],
        "Roti is back after the undo"
    );
}

/// One outlet's exports of every kind, canonical headers; the second outlet
/// uses the same ids (orders, leads, deals, activities, inquiries,
/// subscriptions) with other values.
fn outlet(dir: &Path, name: &str) -> Vec<(&'static str, PathBuf)> {
    let jakarta = name == "jakarta";
    let files: [(&str, &str); 12] = [
        ("orders", if jakarta { JAKARTA } else { BANDUNG }),
        (
            "leads",
            if jakarta {
                "lead_id,created_at,source,rep,first_response_at,status,converted_at,customer_id
L-1,2024-03-01T09:00:00,instagram,Sari,2024-03-01T10:00:00,converted,2024-03-03,C1
L-2,2024-03-04T09:00:00,website,Budi,,open,,
"
            } else {
                "lead_id,created_at,source,rep,first_response_at,status,converted_at,customer_id
L-1,2024-03-02T09:00:00,website,Sari,2024-03-02T15:00:00,open,,
"
            },
        ),
        (
            "deals",
            if jakarta {
                "deal_id,name,rep,created_at,stage,status,value,closed_at,close_value,lead_id
D-1,Kopi besar,Sari,2024-03-02,proposal,won,500000,2024-03-20,450000,L-1
D-2,Teh,Budi,2024-03-05,qualified,open,200000,,,L-2
"
            } else {
                "deal_id,name,rep,created_at,stage,status,value,closed_at,close_value,lead_id
D-1,Roti,Sari,2024-03-03,qualified,lost,300000,2024-03-25,,L-1
"
            },
        ),
        (
            "deal_stages",
            if jakarta {
                "deal_id,stage,entered_at\nD-1,qualified,2024-03-03\nD-1,proposal,2024-03-10\n"
            } else {
                "deal_id,stage,entered_at\nD-1,qualified,2024-03-04\nD-1,proposal,2024-03-12\n"
            },
        ),
        (
            "activities",
            if jakarta {
                "activity_id,date,rep,type,duration_minutes,count,deal_id,lead_id
A-1,2024-03-02,Sari,call,30,,D-1,
A-2,2024-03-06,Budi,meeting,60,,D-2,
"
            } else {
                "activity_id,date,rep,type,duration_minutes,count,deal_id,lead_id
A-1,2024-03-03,Sari,email,5,,D-1,
"
            },
        ),
        (
            "targets",
            if jakarta {
                "period,rep,metric,target\n2024-03,,revenue,1000000\n2024-03,Sari,revenue,400000\n"
            } else {
                "period,rep,metric,target\n2024-03,,revenue,2000000\n"
            },
        ),
        (
            "expenses",
            if jakarta {
                "date,category,amount,description\n2024-03-05,marketing,100000,Iklan\n"
            } else {
                "date,category,amount,description\n2024-03-07,sales,250000,Komisi\n"
            },
        ),
        (
            "csat",
            if jakarta {
                "date,customer_id,score\n2024-03-10,C1,5\n2024-03-11,C2,3\n"
            } else {
                "date,customer_id,score\n2024-03-12,C9,4\n"
            },
        ),
        (
            "inquiries",
            if jakarta {
                "inquiry_id,received_at,responded_at,channel,customer_id
Q-1,2024-03-01T08:00:00,2024-03-01T09:30:00,Toko,C1
"
            } else {
                "inquiry_id,received_at,responded_at,channel,customer_id
Q-1,2024-03-02T08:00:00,2024-03-02T08:10:00,Online,C9
"
            },
        ),
        (
            "subscriptions",
            if jakarta {
                "subscription_id,customer_id,plan,monthly_amount,start_date,end_date
S-1,C1,Gold,150000,2024-01-01,
"
            } else {
                "subscription_id,customer_id,plan,monthly_amount,start_date,end_date
S-1,C9,Silver,75000,2024-02-01,2024-03-15
"
            },
        ),
        (
            "products",
            if jakarta {
                "sku,product,category,cost,price,valid_from\n,Kopi,Minuman,10000,,\n"
            } else {
                "sku,product,category,cost,price,valid_from\n,Kopi,Minuman,12000,,\n"
            },
        ),
        (
            "settlements",
            if jakarta {
                "order_id,settled_at,fees,payout\nA-1,2024-03-04,5000,95000\n"
            } else {
                "order_id,settled_at,fees,payout\nA-1,2024-03-06,7500,142500\n"
            },
        ),
    ];
    files
        .into_iter()
        .map(|(kind, text)| (kind, write(dir, &format!("{name}-{kind}.csv"), text)))
        .collect()
}

/// Imports an outlet's files one kind at a time.
fn import_outlet(db: &str, branch: Option<&str>, files: &[(&str, PathBuf)]) {
    for (kind, file) in files {
        let mut args = vec!["import", "--db", db, "--kind", kind];
        if let Some(b) = branch {
            args.extend(["--branch", b]);
        }
        args.push(s(file));
        let out = laris(&args);
        assert!(out.status.success(), "{kind}: {}", stderr(&out));
    }
}

fn report(db: &str, period: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec![
        "report",
        "--db",
        db,
        "--json",
        "--period",
        period,
        "--today",
        "2024-12-31",
    ];
    args.extend_from_slice(extra);
    let out = laris(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

const SCOPES: [(&str, &[&str]); 4] = [
    ("month:2024-03", &[]),
    ("quarter:2024-Q1", &["--compare", "last-year"]),
    ("year:2024", &["--rep", "Sari"]),
    ("month:2024-03", &["--channel", "Toko"]),
];

/// The records imported without a branch (the shop's own) are a filter of
/// their own, `--branch ""`: beside a branch, figure for figure the report
/// of a database holding only those files.
#[test]
fn the_shops_own_records_are_the_empty_branch() {
    let dir = tempfile::tempdir().unwrap();
    let own = outlet(dir.path(), "jakarta");
    let bandung = outlet(dir.path(), "bandung");
    let both = dir.path().join("both.laris");
    import_outlet(s(&both), None, &own);
    import_outlet(s(&both), Some("Bandung"), &bandung);
    let alone = dir.path().join("own.laris");
    import_outlet(s(&alone), None, &own);
    for (period, extra) in SCOPES {
        let mut filtered = extra.to_vec();
        filtered.extend(["--branch", ""]);
        assert_eq!(
            report(s(&both), period, &filtered),
            report(s(&alone), period, extra),
            "{period} {extra:?}"
        );
    }
    // Jakarta's 100.000 + 50.000 of March, without Bandung's 150.000.
    let march = report(s(&both), "month:2024-03", &["--branch", ""]);
    assert_eq!(march["metrics"]["revenue"], 150_000.0);
    assert_eq!(march["metrics"]["orders"], 2);
}

/// A branch's report on a database of two branches is, figure for figure,
/// the report of a database holding only that branch's files; without the
/// filter both branches' A-1 count.
#[test]
fn a_branchs_report_is_the_report_of_its_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    let jakarta = outlet(dir.path(), "jakarta");
    let bandung = outlet(dir.path(), "bandung");
    let both = dir.path().join("both.laris");
    import_outlet(s(&both), Some("Jakarta"), &jakarta);
    import_outlet(s(&both), Some("Bandung"), &bandung);
    for (name, files) in [("Jakarta", &jakarta), ("bandung", &bandung)] {
        let alone = dir.path().join(format!("{name}.laris"));
        import_outlet(s(&alone), None, files);
        for (period, extra) in SCOPES {
            let mut filtered = extra.to_vec();
            filtered.extend(["--branch", name]);
            assert_eq!(
                report(s(&both), period, &filtered),
                report(s(&alone), period, extra),
                "{name} {period} {extra:?}"
            );
        }
    }
    // Jakarta 100.000 + 50.000 and Bandung 150.000, three orders; the
    // Bandung figures by hand: one paid order of 150.000, its fee 7.500
    // and 250.000 of sales spend for its one new customer.
    let all = report(s(&both), "month:2024-03", &[]);
    assert_eq!(all["metrics"]["revenue"], 300_000.0);
    assert_eq!(all["metrics"]["orders"], 3);
    let bandung = report(s(&both), "month:2024-03", &["--branch", "BANDUNG"]);
    assert_eq!(bandung["metrics"]["revenue"], 150_000.0);
    assert_eq!(bandung["metrics"]["orders"], 1);
    assert_eq!(bandung["metrics"]["marketplace_fees"], 7_500.0);
    assert_eq!(bandung["metrics"]["cac"], 250_000.0, "one new customer, C9");
    assert_eq!(bandung["metrics"]["leads"], 1);
    // A branch no import named holds nothing: as an empty database, its
    // figures are none (null), not 0.
    let none = report(s(&both), "month:2024-03", &["--branch", "Surabaya"]);
    assert_eq!(none["metrics"]["orders"], serde_json::Value::Null);
    assert_eq!(none["metrics"]["revenue"], serde_json::Value::Null);
}

/// The same on a server: two branches imported into PostgreSQL report per
/// branch byte for byte what the same files give in a file.
#[test]
fn a_branchs_report_on_a_server_is_the_files() {
    let Some(cluster) = laris::store::pg::cluster::Cluster::shared() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let jakarta = outlet(dir.path(), "jakarta");
    let bandung = outlet(dir.path(), "bandung");
    let file = dir.path().join("both.laris");
    let url = cluster.database("branch_report");
    for db in [s(&file), &url] {
        import_outlet(db, Some("Jakarta"), &jakarta);
        import_outlet(db, Some("Bandung"), &bandung);
    }
    for branch in [None, Some("Jakarta"), Some("Bandung")] {
        for (period, extra) in SCOPES {
            let mut args = vec![
                "report",
                "--json",
                "--period",
                period,
                "--today",
                "2024-12-31",
            ];
            args.extend_from_slice(extra);
            if let Some(b) = branch {
                args.extend(["--branch", b]);
            }
            let run = |db: &str| {
                let mut all = args.clone();
                all.extend(["--db", db]);
                let out = laris(&all);
                assert!(out.status.success(), "{}", stderr(&out));
                stdout(&out)
            };
            assert_eq!(run(&url), run(s(&file)), "{branch:?} {period} {extra:?}");
        }
    }
}

/// A branch's own Laris file imported into the shared one as that branch:
/// under the branch filter the same figures as the file's own report; a
/// second import adds nothing; undoing its batches leaves the other
/// branch as it was.
#[test]
fn a_branchs_laris_file_imports_as_that_branch() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("cabang-jakarta.laris");
    import_outlet(s(&own), None, &outlet(dir.path(), "jakarta"));
    let shared = dir.path().join("toko.laris");
    let bandung = outlet(dir.path(), "bandung");
    import_outlet(s(&shared), Some("Bandung"), &bandung);
    let before: Vec<serde_json::Value> = SCOPES
        .iter()
        .map(|(period, extra)| {
            let mut args = extra.to_vec();
            args.extend(["--branch", "Bandung"]);
            report(s(&shared), period, &args)
        })
        .collect();
    let first = import(s(&shared), Some("Jakarta"), &[&own]);
    let first: serde_json::Value = serde_json::from_str(&first).unwrap();
    // Twelve kinds with records (the orders with their lines).
    let added: Vec<(String, u64)> = first
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_string(),
                f["added"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        added,
        [
            ("orders", 2),
            ("order_lines", 3),
            ("leads", 2),
            ("deals", 2),
            ("deal_stages", 2),
            ("activities", 2),
            ("targets", 2),
            ("expenses", 1),
            ("csat", 2),
            ("inquiries", 1),
            ("subscriptions", 1),
            ("products", 1),
            ("settlements", 1),
        ]
        .map(|(k, n)| (k.to_string(), n))
    );
    for (period, extra) in SCOPES {
        let mut args = extra.to_vec();
        args.extend(["--branch", "jakarta"]);
        assert_eq!(
            report(s(&shared), period, &args),
            report(s(&own), period, extra),
            "{period} {extra:?}"
        );
    }
    let again = import(s(&shared), Some("JAKARTA"), &[&own]);
    let again: serde_json::Value = serde_json::from_str(&again).unwrap();
    for file in again.as_array().unwrap() {
        assert_eq!(
            (&file["added"], &file["updated"]),
            (&0.into(), &0.into()),
            "{file}"
        );
    }
    let jakarta_batches = query(
        &shared,
        "SELECT id FROM import_batches WHERE branch = 'Jakarta' ORDER BY id DESC",
    );
    assert_eq!(jakarta_batches.len(), 26);
    for id in &jakarta_batches {
        undo(s(&shared), id);
    }
    for ((period, extra), before) in SCOPES.iter().zip(&before) {
        let mut args = extra.to_vec();
        args.extend(["--branch", "Bandung"]);
        assert_eq!(&report(s(&shared), period, &args), before, "{period}");
    }
    assert_eq!(
        query(&shared, "SELECT DISTINCT branch FROM orders"),
        vec!["Bandung"]
    );
    // The branch's file was only read.
    assert_eq!(
        query(&own, "SELECT count(*) FROM import_batches"),
        vec!["13"]
    );
}

/// A Laris file that holds branches of its own is refused, in words.
#[test]
fn a_laris_file_with_branches_of_its_own_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let two = dir.path().join("two.laris");
    let jakarta = write(dir.path(), "jakarta.csv", JAKARTA);
    import(s(&two), Some("Jakarta"), &[&jakarta]);
    let shared = dir.path().join("toko.laris");
    let out = laris(&["import", "--db", s(&shared), "--branch", "Pusat", s(&two)]);
    assert_ne!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("holds several branches of its own (Jakarta)"),
        "{}",
        stderr(&out)
    );
}

/// The database being imported into is refused as a file to import, by
/// whichever path names it: it would hold every record twice.
#[test]
fn a_laris_file_is_not_imported_into_itself() {
    let dir = tempfile::tempdir().unwrap();
    let shop = dir.path().join("toko.laris");
    let jakarta = write(dir.path(), "jakarta.csv", JAKARTA);
    import(s(&shop), None, &[&jakarta]);
    let batches = query(&shop, "SELECT count(*) FROM import_batches");
    let roundabout = dir.path().join(".").join("toko.laris");
    let out = laris(&[
        "import",
        "--db",
        s(&shop),
        "--branch",
        "Pusat",
        s(&roundabout),
    ]);
    assert_ne!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("is the database you are importing into"),
        "{}",
        stderr(&out)
    );
    assert_eq!(query(&shop, "SELECT count(*) FROM import_batches"), batches);
}

/// A branch's Laris file imported into a server as that branch stores and
/// reports what it does in a file.
#[test]
fn a_branchs_laris_file_imports_into_a_server_as_into_a_file() {
    let Some(cluster) = laris::store::pg::cluster::Cluster::shared() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("cabang-jakarta.laris");
    import_outlet(s(&own), None, &outlet(dir.path(), "jakarta"));
    let bandung = outlet(dir.path(), "bandung");
    let file = dir.path().join("toko.laris");
    let url = cluster.database("branch_laris");
    for db in [s(&file), &url] {
        import_outlet(db, Some("Bandung"), &bandung);
    }
    assert_eq!(
        import(&url, Some("Jakarta"), &[&own]),
        import(s(&file), Some("Jakarta"), &[&own])
    );
    for branch in ["Jakarta", "Bandung"] {
        for (period, extra) in SCOPES {
            let mut args = extra.to_vec();
            args.extend(["--branch", branch]);
            assert_eq!(
                report(&url, period, &args),
                report(s(&file), period, &args),
                "{branch} {period} {extra:?}"
            );
        }
    }
    let copy = dir.path().join("copy.laris");
    let out = laris(&["migrate", "--from", &url, "--to", s(&copy)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(records(&copy), records(&file));
}

/// A kind only another branch imported is none (null) under a branch
/// filter, as in a database of that branch's files alone: Bandung has no
/// leads, so its lead figures are not 0.
#[test]
fn a_kind_only_another_branch_has_is_none_under_the_filter() {
    let dir = tempfile::tempdir().unwrap();
    let (both, alone) = (
        dir.path().join("both.laris"),
        dir.path().join("alone.laris"),
    );
    let jakarta = write(dir.path(), "jakarta.csv", JAKARTA);
    let bandung = write(dir.path(), "bandung.csv", BANDUNG);
    let leads = write(
        dir.path(),
        "leads.csv",
        "lead_id,created_at,source,rep,first_response_at,status,converted_at,customer_id\n\
         L-1,2024-03-01T09:00:00,instagram,Sari,2024-03-01T10:00:00,open,,\n",
    );
    import_outlet(
        s(&both),
        Some("Jakarta"),
        &[("orders", jakarta), ("leads", leads)],
    );
    import_outlet(s(&both), Some("Bandung"), &[("orders", bandung.clone())]);
    import_outlet(s(&alone), None, &[("orders", bandung)]);
    let filtered = report(s(&both), "month:2024-03", &["--branch", "Bandung"]);
    assert_eq!(filtered["metrics"]["leads"], serde_json::Value::Null);
    assert_eq!(filtered["metrics"]["revenue"], 150_000.0);
    assert_eq!(filtered, report(s(&alone), "month:2024-03", &[]));
    let jakarta = report(s(&both), "month:2024-03", &["--branch", "Jakarta"]);
    assert_eq!(jakarta["metrics"]["leads"], 1);
}

/// An order opened in the records shows its own branch's lines only, not
/// those of the other branch's order with the same number.
#[test]
fn an_opened_order_shows_its_own_branchs_lines() {
    use laris::metrics::records::order_lines;
    use laris::store::{Database, Place};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("toko.laris");
    import(
        s(&path),
        Some("Jakarta"),
        &[&write(dir.path(), "j.csv", JAKARTA)],
    );
    import(
        s(&path),
        Some("Bandung"),
        &[&write(dir.path(), "b.csv", BANDUNG)],
    );
    let id: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT id FROM orders WHERE order_id = 'A-1' AND branch = 'Bandung'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut db = Database::open_to_read(&Place::File(path)).unwrap();
    let products: Vec<String> = order_lines(&mut db, id)
        .unwrap()
        .iter()
        .map(|line| {
            let (_, value) = line
                .fields
                .iter()
                .find(|(f, _)| f.name == "product")
                .unwrap();
            format!("{value:?}")
        })
        .collect();
    assert_eq!(products, [r#"Text("Kopi")"#, r#"Text("Roti")"#]);
}
