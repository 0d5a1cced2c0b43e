## Matching columns to fields, and what to do when Laris cannot

file-missing-field = { $file } looks like { $kind }, but Laris cannot tell which column holds the { $field }. The file's columns: { $columns }. The likeliest: { $candidates }. Choose the column for the { $field } and import again.
file-missing-field-no-candidate = { $file } looks like { $kind }, but no column holds the { $field }, and none of its columns ({ $columns }) looks like it. Add a column with the { $field } to the file, or choose another kind of data.
file-map-unknown-field = { $file }: { $kind } have no field "{ $field }". The fields you can choose: { $choices }.
file-map-unknown-column = { $file } has no column { $column }. Its columns: { $choices } (or their numbers, 1 to { $count }).
import-map-hint = To import it from the command line with the likeliest column: { $command }
