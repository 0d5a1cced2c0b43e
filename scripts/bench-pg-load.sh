#!/bin/sh
# Issue 19: the first report from a PostgreSQL server after a change (the
# arrays loaded from the server, no column cache) against the same report
# from the SQLite file, side by side. Each run starts without a cache, so
# both read their database whole.
# Usage: scripts/bench-pg-load.sh LARIS_BINARY FILE URL
# FILE: the 1M-order database (docs/benchmarks.md); URL: a server database
# it was copied to with `laris migrate --from FILE --to URL`.
set -e
L=$(realpath "$1"); FILE=$(realpath "$2"); URL=$3
export XDG_CACHE_HOME=$(mktemp -d)
hyperfine -w 1 -r 8 --prepare "rm -rf $XDG_CACHE_HOME/laris" \
  -n "report from PostgreSQL, no cache" "$L report --db '$URL' --period year:2024 --json --today 2030-01-01" \
  -n "report from the SQLite file, no cache" "$L report --db $FILE --period year:2024 --json --today 2030-01-01"
rm -rf "$XDG_CACHE_HOME"
