## Row and file problems (import)
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
reason-unknown-status = unknown order status, counted as paid; check whether the order was paid
reason-unknown-deal-status = unknown deal status; the stage decides whether it is open, won or lost
reason-closed-deal-without-created = a won or lost deal needs its created_at date
file-unreadable = Cannot read { $file }: { $reason }
file-not-recognised = { $file } is not a file Laris recognises: it looks like { $looks } (columns: { $columns }). Laris imports: { $kinds }.
file-missing-column = { $file } looks like { $kind } but has no column "{ $column }", which is required. Add the column and import again.
file-malformed = { $file }, line { $line }: the file is damaged ({ $reason }). Save it again from the spreadsheet program and import again.

## Import results (command line)
import-summary = { $file } ({ $kind }): { $added } added, { $updated } updated, { $unchanged } unchanged, { $skipped } skipped
import-nothing-written = { $count ->
    [one] 1 row has a problem, so nothing was imported. Fix it and run the same command again.
   *[other] { $count } rows have problems, so nothing was imported. Fix them and run the same command again.
}
import-more-issues = … and { $count } more
demo-done = The sample shop is ready in { $db }: { $orders } orders from { $from } to { $to }.

## Record kinds
kind-orders = Orders
kind-order_lines = Order lines
kind-leads = Leads
kind-deals = Deals
kind-deal_stages = Deal stage history
kind-activities = Activities
kind-targets = Targets
kind-expenses = Expenses
kind-csat = Satisfaction scores
kind-inquiries = Inquiries
kind-subscriptions = Subscriptions

## App
app-title = Laris
app-open-failed = Laris could not open the database
tab-data = Data
lang-label = Language
lang-en = English
lang-id = Bahasa Indonesia

welcome-title = Welcome to Laris
welcome-body = See how your shop is selling, from the spreadsheets you already have: orders from your till or marketplace, leads and deals, activities, expenses and targets.
welcome-import = Import a file…
welcome-import-hint = CSV or Excel exports from your till, Shopee, Tokopedia, TikTok Shop, Shopify or CRM
welcome-sample = Try the sample shop
welcome-sample-hint = Three years of a made-up Indonesian shop, so you can look around first.
welcome-db = Your data is kept on this computer only, in { $path }

progress-sample = Setting up the sample shop…

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
data-no-history = Nothing imported yet.
data-db = Database: { $path }

undo-title = Undo this import?
undo-body = The { $added } records that { $file } added will be removed, and the { $updated } it changed get their earlier values back.
undo-confirm = Undo import
undo-cancel = Keep it
undo-done = Undone: { $file }

import-failed = The import failed: { $reason }
sample-done = The sample shop is ready.
dismiss = Close
file-filter-csv = Spreadsheets (CSV, Excel, OpenDocument)

## What an unrecognised file looks like
looks-like-category-targets = sales targets per product category, which Laris does not track
looks-like-accounts = a list of companies (accounts)
looks-like-sales-team = a list of sales people and their managers
looks-like-data-dictionary = a description of other files' columns
looks-like-customers = a list of customers
looks-like-products = a product list
looks-like-unknown = a table of another kind
file-bad-workbook = Cannot read the workbook { $file }: { $reason }. Open it in your spreadsheet program, save it again as .xlsx and import again.
file-no-such-sheet = { $file } has no sheet "{ $sheet }". Its sheets are: { $sheets }.
preset-unknown = There is no saved mapping called "{ $name }" in this database. Save one with --save-preset or in the app.

## Import wizard
wizard-title = Import { $file }
wizard-more-files = { $count } more files after this one
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
wizard-import = Import { $count } rows
wizard-import-skip = Import { $count } valid rows, skip { $skipped }
wizard-cancel = Cancel
wizard-save-skipped = Save skipped rows…
wizard-preset-name = Save this mapping as
wizard-save-preset = Save mapping
preset-saved = Mapping saved as "{ $name }".
save-failed = Could not save: { $reason }
skipped-saved = Skipped rows saved to { $file }. Fix them there and import that file.
skipped-file-suffix = skipped

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
import-other-currency = Note: { $file } is in { $currency }, another currency than this database's. Laris converts no currencies: its amounts were stored as they are.

## Report (command line)
report-title = Laris report for { $from } to { $to }
report-compared = Compared with { $from } to { $to }
report-filters = Only: { $filters }
report-col-metric = Metric
report-col-value = This period
report-col-previous = Previous
report-col-change = Change
report-section-performance = Sales performance
report-section-activity = Sales activity
report-section-productivity = Sales productivity
report-no-value = –
report-bad-period = "{ $value }" is not a period; write day:2024-03-05, week:2024-W10, month:2024-03, quarter:2024-Q1, year:2024, mtd:2024-03-15, qtd:2024-05-20 or ytd:2024-03-15.
report-reversed-period = The period starts on { $from } but ends on { $to }, before it starts; swap the two dates.
report-need-period = Say which period: --period KIND:VALUE (e.g. --period month:2024-03) or --from YYYY-MM-DD --to YYYY-MM-DD.
report-bad-date = { $value } is not a date; write it as YYYY-MM-DD (e.g. 2024-03-05).
report-no-database = There is no database at { $path }. Import files first (laris import --db { $path } FILE) or name another file with --db.
report-by-type = by type
report-by-rep = by rep
report-filter-rep = rep { $name }
report-filter-channel = channel { $name }
report-filter-source = source { $name }
unit-hours = h
unit-days = days
metric-revenue = Revenue
metric-orders = Orders
metric-aov = Average order value
metric-sales_growth = Sales growth
metric-revenue_target = Revenue target
metric-target_attainment = Target attainment
metric-new_customers = New customers
metric-deals_won = Deals won
metric-active_customers = Active customers
metric-retention_rate = Retention rate
metric-churn_rate = Churn rate
metric-subscription_churn = Subscription churn
metric-mrr = Monthly recurring revenue
metric-mrr_growth = MRR growth
metric-clv = Customer lifetime value
metric-cac = Customer acquisition cost
metric-clv_cac_ratio = Lifetime value to acquisition cost
metric-leads = Leads
metric-lead_conversion_rate = Lead conversion rate
metric-opportunities = Opportunities
metric-opportunity_value = Opportunity value
metric-win_rate = Win rate
metric-avg_deal_cycle_days = Average deal cycle
metric-median_deal_cycle_days = Median deal cycle
metric-funnel = Sales funnel (reached, leakage)
metric-goal_attainment = Goals
metric-quota_attainment = Quota attainment
metric-reps_at_quota = Reps at quota
metric-csat = Satisfied customers (4 or 5)
metric-csat_avg = Average satisfaction score
metric-activities = Activities
metric-calls_emails = Calls and emails
metric-meetings = Meetings
metric-follow_ups = Follow-ups
metric-proposals = Proposals
metric-demos = Demos
metric-networking_events = Networking events
metric-time_on_activities_hours = Time on activities
metric-lead_response_hours = Lead response time
metric-median_lead_response_hours = Median lead response time
metric-social_engagement = Social media engagement
metric-referrals = Referrals
metric-conversion_by_source = Lead conversion by source
metric-inquiry_response_hours = Inquiry response time
metric-median_inquiry_response_hours = Median inquiry response time
metric-activity_ratio = Activities per deal won
metric-upsell_cross_sell_rate = Upsell and cross-sell rate
metric-sales_per_rep = Sales per rep (orders, deals)
metric-avg_deal_size = Average deal size
metric-revenue_by_channel = Revenue by channel
metric-top_products = Top products
metric-pipeline_value = Pipeline value
metric-weighted_pipeline = Weighted pipeline
metric-win_rate_by_rep = Win rate by rep
metric-avg_deal_cycle_days_by_rep = Average deal cycle by rep
metric-lead_conversion_rate_by_rep = Lead conversion rate by rep
metric-clv_by_rep = Customer lifetime value by rep
file-empty = { $file } is empty: it has no rows to import.

## laris --install-desktop / --uninstall-desktop
desktop-installed = Laris is in your applications menu now, and .laris files open in it by double-click (files in { $dir }). To remove it: laris --uninstall-desktop
desktop-uninstalled = Laris is no longer in your applications menu ({ $count ->
        [one] 1 file
       *[other] { $count } files
    } removed).
desktop-failed = Could not change the applications menu: { $reason }
desktop-no-data-home = Cannot find your data folder: set HOME or XDG_DATA_HOME and try again.
desktop-unsupported = --install-desktop and --uninstall-desktop are for Linux. On Windows and macOS, use the installer instead.

## Dates and periods
date-long = { $day } { $month } { $year }
date-short = { $day } { $month } { $year }
period-week = Week { $week }, { $year }
period-quarter = Q{ $quarter } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
