#!/bin/sh
# Issue 18: importing the 2.2M order lines of the 1M shop into a new
# database, beside the sqlite3 shell's import of the same file into a table
# keyed by order (and the orders, for scale).
# Usage: scripts/bench-lines.sh LARIS_BINARY [DIR]   (DIR: target/bench-data, holding 1m/)
set -e
L=$(realpath "$1"); cd "${2:-target/bench-data}"
fresh="rm -rf n.laris n.laris-wal n.laris-shm n.laris.backups ref.db"
lines="CREATE TABLE order_lines(order_id TEXT NOT NULL, product TEXT, sku TEXT, quantity REAL, unit_price REAL, line_total REAL); CREATE INDEX order_lines_order ON order_lines(order_id);"
orders="CREATE TABLE orders(order_id TEXT PRIMARY KEY, date TEXT NOT NULL, customer_id TEXT, customer_name TEXT, rep TEXT, channel TEXT, status TEXT, total REAL);"
hyperfine -N -w 1 -r 5 --prepare "$fresh" \
  "$L --lang en import --db n.laris --kind order_lines 1m/order_lines.csv" \
  "sqlite3 ref.db \"$lines\" \".import --csv --skip 1 1m/order_lines.csv order_lines\"" \
  "$L --lang en import --db n.laris --kind orders 1m/orders.csv" \
  "sqlite3 ref.db \"$orders\" \".import --csv --skip 1 1m/orders.csv orders\""
for k in order_lines orders; do
  sh -c "$fresh"
  /usr/bin/time -f "peak memory, laris import of $k: %M KB" "$L" --lang en import --db n.laris --kind $k 1m/$k.csv >/dev/null
done
