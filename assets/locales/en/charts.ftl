# Charts of the dashboard (src/ui/charts).
chart-revenue = Revenue
chart-funnel = Sales funnel
chart-quota = Quota attainment per rep
chart-cohorts = Customer retention by first-purchase month
chart-activities-by-rep = Activities per rep
chart-activities-over-time = Activities over time
chart-conversion-by-source = Lead conversion by source
chart-pipeline-by-stage = Pipeline per stage
chart-revenue-by-channel = Revenue by channel
chart-top-products = Top products by revenue
chart-channel-profit = Where revenue goes, by channel
chart-profit-cogs = Cost of goods
chart-profit-fees = Marketplace fees
chart-profit-left = Left for you
# At the end of a channel's bar: "12.3M revenue, 4.1M left".
chart-profit-bar = { $revenue } revenue, { $left } left
chart-title-period = { $title } · { $period }
chart-title-at = { $title } · as of { $date }
chart-this-period = This period
chart-comparison-period = Comparison period ({ $period })
chart-target = Target
# The dashed continuation of the revenue chart to the period's end.
chart-projected = Expected by the end
chart-compared-with = Compared with { $period }
chart-funnel-bar = { $reached } · { $kept } go on · { $lost } lost
chart-funnel-last = { $reached }
chart-quota-line = 100% of quota
chart-source-bar = { $leads ->
    [one] { $rate } of 1 lead
   *[other] { $rate } of { $leads } leads
}
chart-pipeline-value = Pipeline value
chart-pipeline-weighted = Weighted pipeline
chart-pipeline-other = (other stage)
chart-cohort-month = First purchase
chart-cohort-customers = Customers
chart-cohort-after = Months later
chart-abbr-thousand = K
chart-abbr-million = M
chart-abbr-billion = B
chart-abbr-trillion = T
# A clicked cohort cell, in the records' title: "Customers of Mar 2025, 2 months later".
chart-cohort-cell = customers of { $month }, { $after ->
    [0] their first month
    [one] { $after } month later
   *[other] { $after } months later
}
