## Words that many screens and commands share

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
kind-products = Products & costs
kind-settlements = Marketplace payouts

## A number of records of a kind, within a sentence (a backup's contents)
kind-count-orders = { $count ->
    [one] { $count } order
   *[other] { $count } orders
}
kind-count-order_lines = { $count ->
    [one] { $count } order line
   *[other] { $count } order lines
}
kind-count-leads = { $count ->
    [one] { $count } lead
   *[other] { $count } leads
}
kind-count-deals = { $count ->
    [one] { $count } deal
   *[other] { $count } deals
}
kind-count-deal_stages = { $count ->
    [one] { $count } stage change
   *[other] { $count } stage changes
}
kind-count-activities = { $count ->
    [one] { $count } activity
   *[other] { $count } activities
}
kind-count-targets = { $count ->
    [one] { $count } target
   *[other] { $count } targets
}
kind-count-expenses = { $count ->
    [one] { $count } expense
   *[other] { $count } expenses
}
kind-count-csat = { $count ->
    [one] { $count } satisfaction score
   *[other] { $count } satisfaction scores
}
kind-count-inquiries = { $count ->
    [one] { $count } inquiry
   *[other] { $count } inquiries
}
kind-count-subscriptions = { $count ->
    [one] { $count } subscription
   *[other] { $count } subscriptions
}
kind-count-products = { $count ->
    [one] { $count } product cost
   *[other] { $count } product costs
}
kind-count-settlements = { $count ->
    [one] { $count } marketplace payout
   *[other] { $count } marketplace payouts
}

## Metric names
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
metric-clv_cac_ratio = CLV to CAC ratio
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
metric-refund_amount = Refunds
metric-refund_rate = Refund rate
metric-cogs = Cost of goods sold
metric-cost_coverage = Sales with a cost price
metric-gross_profit = Gross profit
metric-gross_margin = Gross margin
metric-marketplace_fees = Marketplace fees
metric-fee_rate = Marketplace fee rate
metric-net_profit = Net profit
metric-profit_by_channel = Profit by channel
metric-profit_by_product = Profit by product

## Units, and the sign for a figure the data cannot give
report-no-value = –
unit-hours = h
unit-days = days

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
weekday-short-1 = Mo
weekday-short-2 = Tu
weekday-short-3 = We
weekday-short-4 = Th
weekday-short-5 = Fr
weekday-short-6 = Sa
weekday-short-7 = Su

# The data model's standard activity types, as charts, tables and reports show them.
activity-type-call = Call
activity-type-email = Email
activity-type-meeting = Meeting
activity-type-follow_up = Follow-up
activity-type-proposal = Proposal
activity-type-demo = Demo
activity-type-networking_event = Networking event
activity-type-social_post = Social media post

# The data model's statuses of orders, deals and leads.
status-paid = Paid
status-unpaid = Unpaid
status-refunded = Refunded
status-cancelled = Cancelled
status-open = Open
status-won = Won
status-lost = Lost
status-converted = Converted
