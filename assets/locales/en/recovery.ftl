## Opening the database (src/store/open.rs): what happened and the way forward
app-open-failed = Laris could not open the database

open-damaged-title = This database is damaged
open-damaged = { $file } is damaged: SQLite's check found { $detail }. Laris did not change it. Restore the latest backup (it was made before the last import or undo), or choose another file.
open-newer-title = Made by a newer Laris
open-newer = { $file } was written by a newer version of Laris (database version { $found }; this Laris knows up to { $supported }). Install the newer Laris to open it; the file was not changed.
open-not-laris-title = Not a Laris database
open-not-laris = { $file } is not a Laris database. Choose a .laris file made by Laris, or a new file name to start a new database; the file was not changed.
open-read-only-title = This file can only be read
open-read-only = { $file } can only be read: you may not change it or the folder it is in. Open it read-only to look at your figures, or copy it to a folder of your own (such as Documents) and open the copy.
open-in-use-title = Already open in another Laris window
open-in-use = { $file } is already open in another Laris window. Switch to that window, or open it here read-only to look without changing anything.
open-disk-full-title = The disk is full
open-disk-full = The disk that holds { $file } is full, so Laris cannot write to it. Nothing was changed. Free some space (empty the recycle bin, remove large files you no longer need) and try again, or open it read-only.
open-other-title = Laris could not open this database
open-other = Laris could not use { $file }: { $reason }. Nothing was changed. Check that the file is still there and try again, or choose another file.
open-restore-hint = A whole backup exists: `laris restore --latest` puts it back (the damaged file is kept beside it).

## Recovery screen (src/ui/recovery.rs)
recovery-restore = Restore the latest backup
recovery-restore-hint = From { $when }, { $why }: { $contents }. The damaged file is kept beside it.
recovery-no-backup = There is no whole backup of this file to restore.
recovery-read-only = Open read-only
recovery-read-only-hint = See your figures; importing and undoing are turned off.
# Shown in the top bar while the database is open read-only.
read-only-badge = Read-only
read-only-refused = Laris opened this database read-only, so it cannot import, undo or save anything in it. To change it, open it again from Settings › Database once the problem shown when it opened is solved.
recovery-choose = Choose another file…
recovery-new = Start a new database…

## Backups (src/store/backup.rs, laris backup, laris restore)
backup-why-import = before importing { $files }
backup-why-undo = before undoing the import of { $file }
backup-why-restore = before restoring an older backup
backup-why-migration = before updating its structure for a newer Laris
backup-why-manual = made by hand
backup-unreadable = cannot be read
backup-size = { $mb } MB
backup-no-database = There is no database at { $file } yet: nothing to back up.
backup-made = Backed up to { $path } ({ $contents }).
backup-empty = { $file } holds no records yet: nothing to back up.
restore-no-backups = { $file } has no backups yet. Laris makes one once a day, before the day's first import or undo.
restore-list-head = Backups of { $file }, newest first (restore one with: laris restore NUMBER):
restore-no-such-backup = No whole backup "{ $which }" of { $file }. See the list with: laris restore --list
restore-done = { $file } is back as it was on { $when } ({ $contents }).
restore-undo-hint = What it held before is backed up in { $path }; restore that to undo this.
restore-damaged-kept = The damaged file was kept as { $path }.

## Backups in Settings (src/ui/backups.rs, src/ui/settings_tab.rs)
restore-title = Restore this backup?
restore-body = Your data goes back to how it was on { $when } ({ $contents }). What is stored now is backed up first, so this can be undone by restoring that backup.
restore-confirm = Restore
restore-cancel = Keep what I have
backup-restored-notice = The backup is back in place.

backups-title = Backups
backups-explain = Laris backs up your data once a day, before the day's first import or undo, and keeps the latest backups while they take at most one and a half times the size of your data. Each import since then can still be undone on its own.
backups-now = Back up now
backups-none = No backups yet.
backups-restore = Restore…
