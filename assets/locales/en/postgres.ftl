# A database on a PostgreSQL server, and `laris migrate` (docs/postgres.md).

pg-error-bad-url = The connection string { $url } cannot be read ({ $reason }). Write it as postgres://user@host:5432/dbname, with the password in PGPASSWORD.
pg-error-connect = Could not connect to { $server }: { $reason }. Check that the server is running and reachable at that address and port.
pg-error-connect-tls = Could not connect to { $server } encrypted: { $reason }. A server on another computer is only used encrypted: add its certificate authority to this computer's (or name its file in PGSSLROOTCERT), or add ?sslmode=disable to the connection string to connect unencrypted.
pg-error-not-laris = { $server } already holds tables that are not Laris's. Give Laris a database of its own (createdb) and name that one; nothing was changed.
pg-error-newer = { $server } was set up by a newer version of Laris (database version { $found }; this Laris knows up to { $supported }). Install the newer Laris to use it; nothing was changed.
pg-error-no-schema = { $server } holds no Laris database yet. Copy one there first: laris migrate --from toko.laris --to { $server }
pg-error-server = { $server } refused: { $reason }. Nothing was changed.
pg-error-table = { $place }: the table { $table } could not be copied: { $reason }. Nothing was written; put that right and run the same command again.
pg-error-not-empty = { $target } already holds data ({ $rows } rows in { $table }). Laris only copies into an empty database: name a new database (createdb) or a new file, or empty this one first. Nothing was written.
pg-error-no-source = There is no database at { $path }. Name the .laris file to copy.
pg-error-same-kind = laris migrate copies between a database file and a PostgreSQL server: give one as --from and the other as --to (postgres://user@host/dbname).

migrate-copied = { $table }: { $rows ->
    [one] 1 row
   *[other] { $rows } rows
} copied
migrate-copying = { $table }: { $rows } rows so far…
migrate-done = Done: { $rows } rows copied from { $from } to { $to }.

cli-server-not-yet = This command works on a database file only. Name one with --db FILE.
cli-server-backup = Laris does not back up a PostgreSQL server: whoever runs it backs it up with pg_dump (docs/postgres.md, "Backing up the server"). For a copy of the shop as a Laris file of your own: laris migrate --from SERVER --to copy.laris.
pg-error-read-only = The user of { $server } may only read this database (a read-only role, such as the viewer of docs/postgres.md): importing and undoing need the role that owns it (for example postgres://laris@…). Nothing was changed.

undo-no-database = There is no database at { $file }. Name the .laris file (or the server) whose import to undo with --db.
undo-cli-done = Import { $batch } undone: { $removed ->
    [one] 1 record removed
   *[other] { $removed } records removed
}, { $restored ->
    [one] 1 record put back as it was
   *[other] { $restored } records put back as they were
}.
undo-cli-none = No imports yet.
undo-cli-list-head = Imports, newest first (undo one with: laris undo NUMBER):
undo-cli-line = { $batch }  { $date }  { $file } ({ $kind }): { $added } added, { $updated } updated, { $unchanged } unchanged, { $skipped } skipped
undo-cli-line-undone = { $batch }  { $date }  { $file } ({ $kind }): undone
pg-error-password-missing = { $server } asks for a password. Type it (in the app), or set it in the PGPASSWORD environment variable (on the command line).
pg-error-password-refused = { $server } refused the password (or the user name). Check both with whoever runs the server, and type the password again.
