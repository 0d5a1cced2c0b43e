#!/bin/sh
# Issue 18: what an import costs on the 1M database, and the first report after it.
# Usage: scripts/bench-warm-import.sh LARIS_BINARY [DIR]   (DIR: target/bench-data, holding
# 1m.laris, 10k.laris, new1000.csv, empty.csv and ref.duckdb; see docs/benchmarks.md)
set -e
L=$(realpath "$1"); cd "${2:-target/bench-data}"
export XDG_CACHE_HOME=$PWD/cache-bench
fresh() { cp "$1" w.laris; rm -rf w.laris-wal w.laris-shm w.laris.backups; }
# The column cache of the database before the import (the state every run starts from).
rm -rf cache-bench; fresh 1m.laris
"$L" report --db w.laris --period year:2024 --json --today 2030-01-01 >/dev/null
cp -a cache-bench cache-before
# Backups are kept between runs: the warm-up makes the day's first one.
hyperfine -w 1 -r 5 -N \
  --prepare "sh -c 'cp 1m.laris w.laris; rm -rf w.laris-wal w.laris-shm'" \
  "$L --lang en import --db w.laris --kind orders empty.csv" \
  --prepare "sh -c 'cp 1m.laris w.laris; rm -rf w.laris-wal w.laris-shm'" \
  "$L --lang en import --db w.laris --kind orders new1000.csv" \
  --prepare "sh -c 'cp 10k.laris w10k.laris; rm -rf w10k.laris-wal w10k.laris-shm'" \
  "$L --lang en import --db w10k.laris --kind orders new1000.csv"
du -sh w.laris.backups; ls w.laris.backups | grep -c 'laris$'
# The first import of a day, with its backup.
hyperfine -r 3 -N \
  --prepare "sh -c 'cp 1m.laris w.laris; rm -rf w.laris-wal w.laris-shm w.laris.backups'" \
  "$L --lang en import --db w.laris --kind orders new1000.csv"
# The first report after importing 1,000 orders, beside DuckDB's five queries.
hyperfine -w 1 -r 5 \
  -n "report after importing 1,000 orders" --prepare "sh -c 'cp 1m.laris w.laris; rm -rf w.laris-wal w.laris-shm w.laris.backups cache-bench; cp -a cache-before cache-bench; $L import --db w.laris --kind orders new1000.csv >/dev/null'" \
  "$L report --db w.laris --period year:2024 --json --today 2030-01-01" \
  -n "report after importing an empty file" --prepare "sh -c 'cp 1m.laris w.laris; rm -rf w.laris-wal w.laris-shm w.laris.backups cache-bench; cp -a cache-before cache-bench; $L import --db w.laris --kind orders empty.csv >/dev/null'" \
  "$L report --db w.laris --period year:2024 --json --today 2030-01-01" \
  -n "DuckDB, five dashboard queries" --prepare true \
  "duckdb -readonly ref.duckdb < /work/shared/bench/duckdb_dashboard.sql"
