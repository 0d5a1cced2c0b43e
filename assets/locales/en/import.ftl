## Import wizard (src/ui/import_wizard.rs)
file-filter-csv = Spreadsheets (CSV, Excel, OpenDocument) and Laris databases

wizard-title = Import { $file }
wizard-more-files = { $count ->
    [one] 1 more file after this one
   *[other] { $count } more files after this one
}
wizard-reading = Reading the file…
wizard-importing = Importing…
wizard-stop = Stop
wizard-skip-file = Skip this file
wizard-sheet = Sheet
wizard-kind = What the file holds
wizard-kind-unknown = Choose…
wizard-use-preset = Saved mapping
wizard-no-preset = None
wizard-columns = Columns
wizard-column = Column in the file
wizard-field = Laris field
wizard-ignore = — not imported —
wizard-preview = { $kind } as they will be stored
wizard-more-rows = … and { $count } more
wizard-problems = Rows with problems
wizard-row = Row
wizard-value = Value
wizard-reason = Problem
wizard-import = { $count ->
    [one] Import 1 row
   *[other] Import { $count } rows
}
wizard-import-skip = { $count ->
    [one] Import 1 valid row, skip { $skipped }
   *[other] Import { $count } valid rows, skip { $skipped }
}
wizard-cancel = Cancel
wizard-save-skipped = Save skipped rows…
wizard-branch = Branch (outlet)
wizard-branch-hint = none: the whole shop
wizard-laris-file = This is a Laris database: its records come in as they are stored there, kind by kind, nothing to map. If it is one branch's, type the branch below: its records are kept apart from the other branches', and importing it again later adds only what changed.
wizard-preset-name = Save this mapping as
wizard-save-preset = Save mapping
preset-saved = Mapping saved as "{ $name }".
save-failed = Could not save: { $reason }
skipped-saved = Skipped rows saved to { $file }. Fix them there and import that file.
skipped-file-suffix = skipped

wizard-csat-scale = Scores in this file run from
wizard-matched = Matched by
wizard-matched-name = its name ({ $percent })
wizard-matched-values = its values ({ $percent })
wizard-matched-user = your choice
wizard-pick-column = Which column holds the { $field }?
wizard-likeliest = likeliest
wizard-currency = This file's amounts are in { $currency }, and this database keeps { $database }. How many { $database } is 1 { $currency }?
wizard-rate = Rate
wizard-rate-needed = Type the rate to import this file converted.
wizard-rate-invalid = Type the rate as a number without thousands separators, e.g. 16250 or 0.0000615.
wizard-returns-list = { $count ->
    [one] This file lists 1 returned order. It will be marked refunded, now or when it is imported.
   *[other] This file lists { $count } returned orders. They will be marked refunded, and those not imported yet when they are.
}
wizard-returns-marked = The workbook's returns sheet marks { $count } of these orders as returned.

## Fields
field-order_id = Order number
field-date = Date
field-customer_id = Customer ID
field-customer_name = Customer name
field-rep = Salesperson
field-channel = Channel
field-status = Status
field-total = Order total
field-line_no = Line
field-product = Product
field-sku = SKU
field-quantity = Quantity
field-unit_price = Unit price
field-line_total = Line total
field-lead_id = Lead ID
field-created_at = Created
field-source = Source
field-first_response_at = First response
field-converted_at = Converted
field-deal_id = Deal ID
field-name = Name
field-stage = Stage
field-value = Value
field-closed_at = Closed
field-close_value = Closed value
field-entered_at = Entered stage
field-activity_id = Activity ID
field-type = Type
field-duration_minutes = Minutes
field-count = Count
field-period = Period
field-metric = Metric
field-target = Target
field-category = Category
field-amount = Amount
field-description = Description
field-score = Score
field-inquiry_id = Inquiry ID
field-received_at = Received
field-responded_at = Answered
field-subscription_id = Subscription ID
field-plan = Plan
field-monthly_amount = Monthly amount
field-start_date = Start
field-end_date = End
field-refunded_amount = Refunded amount
field-cancelled_at = Cancelled at
field-item_key = Product key
field-cost = Cost price
field-price = Selling price
field-valid_from = Valid from
field-settled_at = Paid out
field-fees = Marketplace fees
field-payout = Paid to you
field-fee = Fee (one of several)
field-row_type = Row type

## What an unrecognised file looks like
looks-like-category-targets = sales targets per product category, which Laris does not track
looks-like-accounts = a list of companies (accounts)
looks-like-sales-team = a list of sales people and their managers
looks-like-data-dictionary = a description of other files' columns
looks-like-users = a list of users (a CRM's Id and Name): import it on its own, without --kind, and the owner ids in your deals, leads and activities show as these names
looks-like-customers = a list of customers
looks-like-products = a product list without cost prices (with a cost or HPP column it imports as product costs)
looks-like-unknown = a table of another kind

## Row and file problems (src/import)
row-issue = { $file }, row { $line }, column { $column } ("{ $value }"): { $reason }
reason-required = this value is required; fill it in and import the file again
reason-bad-date = not a date Laris can read, or a day that does not exist (such as 31/02); write dates like 2024-03-05 or 05/03/2024
reason-bad-money = not an amount Laris can read; amounts look like 1250000, Rp 1.250.000,00 or 1,250.00
reason-bad-number = not a number
reason-bad-integer = not a whole number
reason-bad-period = not a target period; write YYYY-MM, YYYY-Qn or YYYY (e.g. 2024-03, 2024-Q1, 2024)
reason-bad-metric = not a target metric; use revenue, deals_won, new_customers or activities
reason-bad-category = not an expense category; use marketing, sales or other
reason-bad-score = not a satisfaction score from 1 to 5

# Import: csat scores on a 10-point scale (laris import --csat-scale).
reason-bad-score-1-10 = not a satisfaction score from 1 to 10
reason-bad-score-0-10 = not a satisfaction score from 0 to 10

reason-unknown-status = unknown order status, counted as paid; check whether the order was paid
reason-unknown-deal-status = unknown deal status; the stage decides whether it is open, won or lost
reason-closed-deal-without-created = a won or lost deal needs its created_at date
file-unreadable = Cannot read { $file }: { $reason }
file-not-recognised = { $file } is not a file Laris recognises: it looks like { $looks } (columns: { $columns }). Laris imports: { $kinds }.
file-malformed = { $file }, line { $line }: the file is damaged ({ $reason }). Save it again from the spreadsheet program and import again.

file-bad-workbook = Cannot read the workbook { $file }: { $reason }. Open it in your spreadsheet program, save it again as .xlsx and import again.
file-no-such-sheet = { $file } has no sheet "{ $sheet }". Its sheets are: { $sheets }.

import-converted = { $file }: its amounts in { $currency } were converted into this database's currency at { $rate }.
import-returns = { $file }: { $refunded ->
        [one] 1 order
       *[other] { $refunded } orders
    } marked returned; { $pending ->
        [one] 1 it names is not imported yet and will be marked when it is.
       *[other] { $pending } it names are not imported yet and will be marked when they are.
    }
import-other-currency-refused = { $file } is in { $currency }, and this database keeps its amounts in { $database }. Nothing was written. To import it converted, give the rate, how many { $database } one { $currency } is, with --rate (a decimal point, no thousands separators), e.g. --rate 16250.

file-empty = { $file } is empty: it has no rows to import.
file-laris-newer = { $file } was written by a newer version of Laris (database version { $version }). Install the newer Laris to import it; nothing was written.
file-laris-branches = { $file } holds several branches of its own ({ $branches }), which one branch name cannot keep apart. Import each branch's own file instead; nothing was written.
file-laris-damaged = { $file } cannot be read as a Laris database ({ $reason }). Restore its latest backup and import again; nothing was written.
file-laris-itself = { $file } is the database you are importing into: imported into itself, it would hold every record twice. To bring in a branch's records, import that branch's own Laris file; nothing was written.

## Limits on what an import reads (src/import/limits.rs)
file-too-large = { $file } is too large to import: { $limit }. Split it into smaller files, or remove what is not sales data, and import again.
file-too-large-at = { $file }, line { $line }, is too large to import: { $limit }. Check that the file is a sales export; split or fix it and import again.
limit-file-size = files of this type may have at most { $max } MB
limit-decompressed-size = a workbook may unpack to at most { $max } MB (this one unpacks to more, as a damaged or malicious file does)
limit-rows = a file may have at most { $max } rows
limit-columns = a row may have at most { $max } columns
limit-field-length = one cell may hold at most { $max } KB of text

## Import results (command line)
import-kind-branch = { $kind }, branch { $branch }
import-summary = { $file } ({ $kind }): { $added } added, { $updated } updated, { $unchanged } unchanged, { $skipped } skipped
import-nothing-written = { $count ->
    [one] 1 row has a problem, so nothing was imported. Fix it and run the same command again.
   *[other] { $count } rows have problems, so nothing was imported. Fix them and run the same command again.
}
import-more-issues = … and { $count } more

preset-unknown = There is no saved mapping called "{ $name }" in this database. Save one with --save-preset or in the app.

## Matching columns to fields, and what to do when Laris cannot

file-missing-field = { $file } looks like { $kind }, but Laris cannot tell which column holds the { $field }. The file's columns: { $columns }. The likeliest: { $candidates }. Choose the column for the { $field } and import again.
file-missing-field-no-candidate = { $file } looks like { $kind }, but no column holds the { $field }, and none of its columns ({ $columns }) looks like it. Add a column with the { $field } to the file, or choose another kind of data.
file-map-unknown-field = { $file }: { $kind } have no field "{ $field }". The fields you can choose: { $choices }.
file-map-unknown-column = { $file } has no column { $column }. Its columns: { $choices } (or their numbers, 1 to { $count }).
import-map-hint = To import it from the command line with the likeliest column: { $command }

# A CRM's users list (Id, Name): owner ids show as names.
wizard-rep-names-list = This file is a list of { $count ->
    [one] one salesperson
   *[other] { $count } salespeople
  } (a CRM's users). Wherever their id is the salesperson of a deal, lead, activity or order, their name will show instead, for records imported later too.
import-rep-names = { $file }: names for { $names ->
    [one] one salesperson id
   *[other] { $names } salesperson ids
  }; { $records ->
    [one] one stored record shows
   *[other] { $records } stored records show
  } a name now, and records imported later will too.
import-not-orders = { $file }: { $count ->
    [one] one row is
   *[other] { $count } rows are
  } not an order (an adjustment or a withdrawal) and { $count ->
    [one] was
   *[other] were
  } left out.
