## The Data tab: what is stored, the import history, undoing an import (src/ui/data_tab.rs)
data-title = Your data
data-kind = Kind
data-records = Records
data-range = Dates
data-history = Import history
data-import = Import a file…
data-file = File
data-when = Imported
data-added = Added
data-updated = Updated
data-unchanged = Unchanged
data-skipped = Skipped
data-undo = Undo
data-undone = Undone
data-branch = branch { $branch }
data-converted = converted from { $currency } at { $rate }
data-no-history = Nothing imported yet.
data-db = Database: { $path }

undo-title = Undo this import?
undo-body = { $added ->
        [one] The 1 record
       *[other] The { $added } records
    } that { $file } added will be removed, and { $updated ->
        [one] the 1 it changed gets its earlier values back.
       *[other] the { $updated } it changed get their earlier values back.
    }
undo-confirm = Undo import
undo-cancel = Keep it
undo-done = Undone: { $file }
