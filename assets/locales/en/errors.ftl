## Errors the window shows in the user's language. The English texts are the
## same as the `Display` texts of the error types, which the CLI prints.

## Store errors (crates/laris-core/src/store/mod.rs, StoreError::message)
store-error-newer = { $file } was written by a newer version of Laris (database version { $found }; this Laris knows up to { $supported }). Install the newer Laris to open it; the file was not changed.
store-error-not-laris = { $file } is not a Laris database. Choose a .laris file made by Laris, or a new file name to start a new database; the file was not changed.
store-error-damaged = { $file } is damaged ({ $detail }). Restore its latest backup (laris restore --latest); the file was not changed.
store-error-read-only = { $file } can only be read: this user may not change it or its folder.
store-error-io = { $file }: { $reason }
store-error-open = Could not open { $file }: { $reason }
store-error-migration = Could not update the database structure of { $file }: { $reason }
store-error-cancelled = The import was cancelled; nothing was written.
store-error-reread = Could not read { $file } again while importing it ({ $reason }); nothing was written. Was it changed or moved?
store-error-other-currency = { $file } is in { $currency }, and this database keeps its amounts in { $database }. Give the rate (how many { $database } one { $currency } is) to import it converted; nothing was written.
store-error-conversion = { $file }: an amount of { $minor } hundredths is too large to convert at { $rate }; nothing was written.
store-error-sqlite = { $reason }

## Undo errors (crates/laris-core/src/store/batches.rs, UndoError::message)
undo-error-no-such = Import { $batch } does not exist.
undo-error-already = Import { $batch } was already undone.
undo-error-later = Import { $batch } cannot be undone while the later import of { $file } (import { $later }) changed the same records: undo that one first.

# Why the system refused to read or write a file.
io-permission-denied = this user may not write or read there
io-not-found = that folder or file does not exist
io-storage-full = the disk is full
io-read-only = that disk can only be read
io-is-a-directory = that is a folder, not a file
