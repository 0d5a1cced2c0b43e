## Row and file problems (import)
row-issue = { $file }, row { $line }, column { $column } ("{ $value }"): { $reason }
reason-required = this value is required; fill it in and import the file again
reason-bad-date = not a date Laris can read; write it as YYYY-MM-DD (e.g. 2024-03-05)
reason-bad-money = not an amount Laris can read; write it as a plain number such as 1250000.00
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
file-not-recognised = { $file } is not a file Laris recognises. Its columns are: { $columns }. Laris imports: { $kinds }.
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
app-loading = Opening your data…
app-open-failed = Laris could not open the database
tab-data = Data
lang-label = Language
lang-en = English
lang-id = Bahasa Indonesia

welcome-title = Welcome to Laris
welcome-body = See how your shop is selling, from the spreadsheets you already have: orders from your till or marketplace, leads and deals, activities, expenses and targets.
welcome-import = Import a file…
welcome-import-hint = CSV files with the columns of a Laris export (orders.csv, leads.csv, …)
welcome-sample = Try the sample shop
welcome-sample-hint = Three years of a made-up Indonesian shop, so you can look around first.
welcome-db = Your data is kept on this computer only, in { $path }

progress-sample = Setting up the sample shop…
progress-import = Importing { $file }…

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

import-done = Imported { $file }: { $added } added, { $updated } updated, { $unchanged } unchanged, { $skipped } skipped
import-has-errors = { $file } was not imported: { $count } rows have problems. The first: { $first }
import-failed = The import failed: { $reason }
sample-done = The sample shop is ready.
dismiss = Close
file-filter-csv = Spreadsheet (CSV)

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
