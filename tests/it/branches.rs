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
    import(db, Some(" Bandung "), &[&bandung]);
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

    // Again, spelled otherwise: the same branch, nothing new.
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
    assert_eq!(bandung_batches.len(), 6, "orders and lines, three times");
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
