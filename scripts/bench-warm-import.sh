#!/bin/sh
# Issue 18: what an import costs on the 1M database against the 10k shop, and
# the first report after it against DuckDB's five dashboard queries.
# Usage: scripts/bench-warm-import.sh LARIS_BINARY [DIR]
# DIR (default target/bench-data) holds 1m.laris and 10k.laris (every kind of
# the generated shops imported), ref.duckdb (1m/orders.csv), empty.csv (a
# header only), recent/NN.csv (30 files of 1,000 new orders dated after the
# data: the day's sales) and old/NN.csv (10 files of 1,000 new orders dated
# at the data's start); docs/benchmarks.md says how they are made.
set -e
L=$(realpath "$1"); cd "${2:-target/bench-data}"
export XDG_CACHE_HOME=$PWD/cache-bench
rm -rf cache-bench queue-*
# A working copy of each database, and a queue of files each: the runs import
# one file after another into the same copy, as a shop does day after day.
for db in 1m 10k; do
  cp $db.laris w$db.laris; rm -rf w$db.laris-wal w$db.laris-shm w$db.laris.backups
  mkdir queue-$db; cp recent/*.csv queue-$db/
done
cp -r old queue-old
take="f=\$(ls queue-\$q | head -1); mv queue-\$q/\$f next-\$q.csv"
next() { echo "sh -c 'q=$1; $take'"; }
# The columns cached, then the day's first import of each (backup, whole-file check).
"$L" report --db w1m.laris --period year:2024 --json --today 2030-01-01 >/dev/null
hyperfine -N -r 1 --prepare "$(next 1m)" "$L --lang en import --db w1m.laris --kind orders next-1m.csv" \
  --prepare "$(next 10k)" "$L --lang en import --db w10k.laris --kind orders next-10k.csv"
# Later imports of the day, each of 1,000 new orders.
hyperfine -N -w 1 -r 8 \
  --prepare "$(next 1m)" "$L --lang en import --db w1m.laris --kind orders next-1m.csv" \
  --prepare "$(next 10k)" "$L --lang en import --db w10k.laris --kind orders next-10k.csv" \
  --prepare true "$L --lang en import --db w1m.laris --kind orders empty.csv"
du -sh w1m.laris w1m.laris.backups; ls w1m.laris.backups | grep -c 'laris$'
# The first report after importing 1,000 orders (the day's latest, or dated
# among the old ones), beside DuckDB's five queries.
imp() { echo "sh -c 'q=$1; $take; $L import --db w1m.laris --kind orders next-$1.csv >/dev/null'"; }
hyperfine -w 1 -r 8 \
  -n "report after importing 1,000 new orders" --prepare "$(imp 1m)" \
  "$L report --db w1m.laris --period year:2024 --json --today 2030-01-01" \
  -n "report after importing 1,000 orders dated 2023-01-01" --prepare "$(imp old)" \
  "$L report --db w1m.laris --period year:2024 --json --today 2030-01-01" \
  -n "DuckDB, five dashboard queries" --prepare true \
  "duckdb -readonly ref.duckdb < /work/shared/bench/duckdb_dashboard.sql"
