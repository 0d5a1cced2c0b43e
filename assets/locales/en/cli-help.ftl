# `laris --help`: the command line's own texts (src/cli/help.rs). A command's
# option is `cli-COMMAND-arg-ID`; `cli-arg-ID` serves every command that has
# that option.

cli-usage = Usage:
cli-options = Options
cli-arguments = Arguments
cli-commands = Commands
cli-help = Print this help
cli-version = Print the version

cli-about = Laris: see how your shop is selling, from the spreadsheets you already have.
cli-long-about = Laris: see how your shop is selling, from the spreadsheets you already have.

    Run `laris` alone to open the app. Everything is kept in one database file on this computer (by default in your data folder; choose another with --db).

    Examples:
      laris                                  open the app
      laris --db toko.laris                  open the app on the file toko.laris
      laris import --db toko.laris orders.csv leads.xlsx
      laris demo --db contoh.laris           make a sample shop to look around
cli-arg-db = The database file to use (import, undo, report, records, explain and export also use a PostgreSQL server: postgres://user@host/dbname). Default (also for an empty --db=): laris.laris in your data folder (e.g. ~/.local/share/laris on Linux)
cli-arg-lang = Language of messages: `en` (English) or `id` (Bahasa Indonesia). Default: the language of your system
cli-arg-install_desktop = Add Laris to your desktop's menu, with its icon, and let .laris files open in it by double-click (Linux; for you only, no root needed)
cli-arg-uninstall_desktop = Remove what --install-desktop added

cli-import-about = Add your exports to the database: CSV and text files, and workbooks (.xlsx, .xlsm, .xls, .ods). Importing the same file again changes nothing; a newer export updates what changed
cli-import-arg-kind = What the files hold: orders, order_lines, leads, deals, deal_stages, activities, targets, expenses, csat, inquiries, subscriptions, products or settlements. Default: recognised from each file's columns
cli-import-arg-sheet = For a workbook (.xlsx, .xls, .ods): the sheet to import. Default: the first sheet whose columns Laris recognises
cli-import-arg-preset = Read the columns as the mapping saved under this name says (see --save-preset)
cli-import-arg-save_preset = Save how the columns of the (first) file were mapped under this name, to use again with --preset or in the app
cli-import-arg-map = Choose columns by hand: FIELD=COLUMN, the column by its header or its number (1 is the first), several separated by commas or given as several --map. Example: --map order_id="Txn No",date=3
cli-import-arg-rate = For files in another currency than the database's: how many units of the database's currency one unit of the file's is (e.g. 16250 for USD into an IDR database). Every amount is converted, rounded to the hundredth; without it such a file is refused
cli-import-arg-branch = The branch (outlet) the files come from: their records are stored as that branch's, apart from another branch's records with the same ids. The same name in other capitals is the same branch. A branch's own .laris file is imported whole as that branch. Default: no branch
cli-import-arg-dry_run = Only check the files and say what would be imported (and, with --json, how each column was matched); write nothing
cli-import-arg-skip_bad_rows = Import the rows that are fine and skip the rows with problems (which are listed). Without it, any problem stops the import and nothing is written
cli-import-arg-json = Print the result as JSON (one object per file) instead of sentences
cli-import-arg-csat_scale = The scale of the csat scores: 1-5 (stored as they are), 1-10 or 0-10 (mapped onto 1 to 5, lowest to 1 and 10 to 5, to two decimals, so that 8 and up count as satisfied)
cli-import-arg-paths = The files to import: CSV or text exports, workbooks, or a branch's own .laris file (with --branch)

cli-demo-about = Fill a database with a made-up Indonesian shop (three years of orders, leads, deals, activities, targets, ...) to try Laris with
cli-demo-arg-scale = How many orders the shop has over its three years
cli-demo-arg-seed = Another seed gives another shop; the same seed gives the same shop
cli-demo-arg-until = The last day of the shop's history (YYYY-MM-DD). Default: today
cli-demo-arg-json = Print the result as JSON (one object per record kind)

cli-report-about = Every sales metric for a period, as a table or as JSON (--json). Example: laris report --db toko.laris --period month:2024-03
cli-report-arg-json = Print one JSON object (the report contract) instead of a table
cli-arg-period = The period: day:2024-03-05, week:2024-W10, month:2024-03, quarter:2024-Q1, year:2024, mtd:2024-03-15, qtd:2024-05-20 or ytd:2024-03-15
cli-arg-from = First day of a custom period (YYYY-MM-DD), with --to
cli-arg-to = Last day of a custom period (YYYY-MM-DD), included
cli-arg-compare = What the figures are compared with: previous (the period before) or last-year (the same period a year earlier)
cli-arg-rep = Only this salesperson's orders, leads, deals, activities and targets
cli-arg-channel = Only the orders and inquiries of this channel
cli-arg-source = Only the leads of this source and the deals that came from them
cli-arg-branch = Only the records imported as this branch (outlet), of every kind; "" for those imported without a branch
cli-arg-today = The date taken as today (YYYY-MM-DD): a period containing it is compared like for like. Default: today

cli-export-about = The meeting report as a PDF (--pdf FILE) or every chart as a PNG picture (--png-dir DIR), for a period. Example: laris export --db toko.laris --period month:2024-03 --pdf rapat.pdf
cli-export-arg-pdf = Write the meeting report (cover, figures, per-salesperson tables, charts) to this PDF file
cli-export-arg-png_dir = Write one PNG picture per chart into this folder (made if missing)
cli-export-arg-landscape = Lay the PDF's pages out in landscape

cli-backup-about = Back up the database now (Laris also does once a day, before the day's first import or undo). Prints where the backup is

cli-restore-about = List the backups of the database, or put one back in its place: laris restore --list | --latest | NUMBER | FILE
cli-restore-arg-list = List the backups, newest first, numbered (the default)
cli-restore-arg-latest = Restore the newest backup that is whole
cli-restore-arg-backup = The backup to restore: its number in --list, or its file

cli-undo-about = List the imports, or undo one (its records removed, the records it changed put back), in a file or on a PostgreSQL server. Example: laris undo --db toko.laris 12
cli-undo-arg-list = List the imports, newest first, with their numbers (the default)
cli-undo-arg-import = The import to undo: its number in --list

cli-records-about = The records behind a figure: the orders of revenue, the won and the closed deals of the win rate, ... (table, --json or --csv). Example: laris records --db toko.laris --metric revenue --period month:2024-03
cli-records-arg-metric = The figure whose records to list: a metric id of laris report --json (revenue, orders, new_customers, win_rate, ...)
cli-records-arg-json = Print one JSON object instead of a table
cli-records-arg-csv = Print the records as CSV (one header line, canonical field names)

cli-explain-about = What changed a figure against the comparison period, split by channel, product, salesperson, lead source or customer type, biggest first. Example: laris explain --db toko.laris --metric revenue --period month:2024-03 --by channel
cli-explain-arg-metric = The figure: revenue, orders, aov, new_customers, leads, win_rate or activities
cli-explain-arg-by = What to split the change by: channel, product, rep, source, customer_type (new or returning customers) or type (activity type, for activities)
cli-explain-arg-json = Print one JSON object instead of a table

cli-migrate-about = Copy a whole database between a file and a PostgreSQL server, either way, into an empty database. Example: laris migrate --from toko.laris --to postgres://sari@db.example.com/toko
cli-migrate-arg-from = The database to copy: a .laris file or postgres://user@host:port/dbname (the password from PGPASSWORD)
cli-migrate-arg-to = Where to copy it: an empty PostgreSQL database (postgres://...) or a new .laris file
