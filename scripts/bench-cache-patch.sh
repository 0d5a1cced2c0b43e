#!/bin/sh
# Issue 18: the first report after imports that change rows of the 1M
# database (orders updated, other kinds added, an import undone) against
# DuckDB's five dashboard queries, and against a report that reads SQLite
# whole (no cache).
# Usage: scripts/bench-cache-patch.sh LARIS_BINARY [DIR]
# DIR (default target/bench-data) holds 1m.laris, ref.duckdb and, made as
# docs/benchmarks.md says: upd/NN.csv (10 files of 1,000 stored orders with
# another total), leads/NN.csv (10 files of 1,000 new leads) and recent/NN.csv
# (files of 1,000 new orders); sqlite3 finds the import to undo.
set -e
L=$(realpath "$1"); cd "${2:-target/bench-data}"
export XDG_CACHE_HOME=$PWD/cache-bench
rm -rf cache-bench queue-*
cp 1m.laris w1m.laris; rm -rf w1m.laris-wal w1m.laris-shm w1m.laris.backups
for q in upd leads recent; do cp -r $q queue-$q; done
R="$L report --db w1m.laris --period year:2024 --json --today 2030-01-01"
# The day's first import (backup, whole-file check), then the columns cached.
"$L" import --db w1m.laris --kind orders empty.csv >/dev/null
$R >/dev/null
imp() { echo "sh -c 'f=\$(ls queue-$1 | head -1); mv queue-$1/\$f next.csv; $L import --db w1m.laris --kind $2 next.csv >/dev/null'"; }
# An import of 1,000 new orders undone: right after it, and after a load
# that cached it (the cache then has rows the undo removed).
cat > undo-last.sh <<END
f=\$(ls queue-recent | head -1); mv queue-recent/\$f next.csv
$L import --db w1m.laris --kind orders next.csv >/dev/null
if [ "\$1" = cached ]; then rm -rf cache-bench; $R >/dev/null; fi
$L undo --db w1m.laris \$(sqlite3 w1m.laris 'SELECT max(id) FROM import_batches') >/dev/null
END
hyperfine -w 1 -r 8 \
  -n "report after importing 1,000 updated orders" --prepare "$(imp upd orders)" "$R" \
  -n "report after importing 1,000 leads" --prepare "$(imp leads leads)" "$R" \
  -n "report after an import of 1,000 orders and its undo" --prepare "sh undo-last.sh" "$R" \
  -n "the same, the import cached before its undo" --prepare "sh undo-last.sh cached" "$R" \
  -n "report reading SQLite whole (no cache)" --prepare "rm -rf cache-bench" "$R" \
  -n "DuckDB, five dashboard queries" --prepare true \
  "duckdb -readonly ref.duckdb < /work/shared/bench/duckdb_dashboard.sql"
