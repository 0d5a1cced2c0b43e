#![allow(clippy::unwrap_used, clippy::expect_used)]
use laris_core::metrics::Dataset;
fn main() {
    let path = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let store = laris_core::store::Store::open_read_only(&path).unwrap();
    let pg_mode = std::env::args().nth(2).is_some();
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let ds = Dataset::load_with(store.conn(), None).unwrap();
        let s = t.elapsed().as_secs_f64();
        std::hint::black_box(&ds);
        best = best.min(s);
        eprintln!("sqlite {s:.3}");
    }
    println!("sqlite best {best:.3}");
    if pg_mode {
        use laris_core::store::transfer::{Place, migrate};
        let cluster = laris_core::store::pg::cluster::Cluster::shared().unwrap();
        let url = cluster.database("bench");
        let t = std::time::Instant::now();
        let rows = migrate(
            &Place::File(path.clone()),
            &Place::Server(url.clone()),
            &mut |c| eprintln!("{} {}", c.table, c.rows),
        )
        .unwrap();
        println!("migrate {rows} rows {:.1}s", t.elapsed().as_secs_f64());
        let mut pg = laris_core::store::pg::PgStore::connect(&url).unwrap();
        let mut pg2 = laris_core::store::pg::PgStore::connect(&url).unwrap();
        pg.client.batch_execute("VACUUM ANALYZE").unwrap();
        for q in ["SELECT order_id, date, customer_id, customer_name, rep, channel, status, total_minor, id FROM orders ORDER BY id", "SELECT date, rep, type, duration_minutes, count, id FROM activities ORDER BY id", "SELECT order_id, product, quantity, unit_price_minor, line_total_minor, sku FROM order_lines ORDER BY id"] {
            for r in pg.client.query(&format!("EXPLAIN {q}"), &[]).unwrap() { let l: String = r.get(0); println!("{l}"); }
            for setting in ["RESET enable_sort", "SET enable_sort = off"] {
                pg.client.batch_execute(setting).unwrap();
                let t = std::time::Instant::now();
                let mut w = Vec::new();
                let mut rd = pg.client.copy_out(&format!("COPY ({q}) TO STDOUT (FORMAT binary)")).unwrap();
                std::io::copy(&mut rd, &mut w).unwrap();
                drop(rd);
                println!("{setting}: {:.3}s {} bytes", t.elapsed().as_secs_f64(), w.len());
            }
            pg.client.batch_execute("RESET enable_sort").unwrap();
        }
        let mut best = f64::MAX;
        let sqlite = Dataset::load_with(store.conn(), None).unwrap();
        for _ in 0..5 {
            let t = std::time::Instant::now();
            let ds = Dataset::load_postgres(&mut pg.client, Some(&mut pg2.client)).unwrap();
            let s = t.elapsed().as_secs_f64();
            assert_eq!(ds.orders.len(), sqlite.orders.len());
            assert_eq!(ds.orders.total, sqlite.orders.total);
            best = best.min(s);
            eprintln!("pg {s:.3}");
        }
        println!("postgres best {best:.3}");
    }
}
