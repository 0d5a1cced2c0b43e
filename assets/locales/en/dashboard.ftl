## The period bar: period, comparison, filters (src/ui/dashboard/period_bar.rs)
period-kind-label = Period
period-kind-day = Day
period-kind-week = Week
period-kind-month = Month
period-kind-quarter = Quarter
period-kind-year = Year
period-kind-mtd = Month to date
period-kind-qtd = Quarter to date
period-kind-ytd = Year to date
period-kind-custom = Custom dates
period-previous = Previous period
period-next = Next period
period-previous-tip = Previous period (Left arrow)
period-next-tip = Next period (Right arrow)
compare-label = Compare with
compare-previous = previous period
compare-last-year = same period last year
filter-rep = Rep
filter-channel = Channel
filter-source = Lead source
filter-branch = Branch
filter-no-branch = no branch (the shop's own)
filter-all = all

## Metric cards (crates/laris-view/src/cards.rs)
help-button = Help: { $metric }
change-none = no comparison
change-points = { $n } pts
change-tip = Comparison period: { $value }
card-median_deal_cycle_days = median { $value }
card-median_lead_response_hours = median { $value }
card-median_inquiry_response_hours = median { $value }
card-csat_avg = average score { $value }
card-opportunity_value = worth { $value }
card-revenue_target = target { $value }
card-mixed-filter = Partly unfiltered: some of the records behind this figure (such as expenses, survey scores or subscriptions) have no rep, channel or source, so they are counted in full.
# Beside the profit cards while some sales have no cost price ($sales: money, short)
profit-cost-missing = ≈ No cost price yet for { $products ->
    [one] one product
   *[other] { $products } products
  }, { $sales } of sales
help-chart-button = Help: chart { $chart }

help-import-button = Import…
help-no-value-zero = There is nothing to divide by in this period (for example no orders), so there is no value.

## What to import for a figure that has no data yet
needs-orders = Import your orders (a point-of-sale or marketplace export, such as Shopee or Tokopedia) to see this.
needs-order_lines = Import your orders with their products (an export with one row per item sold) to see this.
needs-leads = Import your leads (a CRM export, or a sheet of people who asked about your products) to see this.
needs-deals = Import your deals (a CRM or sales pipeline export) to see this.
needs-deal_stages = Import your deal stage history (a CRM export of when each deal entered each stage) to see this.
needs-activities = Import your sales activities (calls, visits, meetings, posts; a CRM export or your own log sheet) to see this.
needs-targets = Set a target in the Targets tab, or import your targets, to see this.
needs-expenses = Import your marketing and sales expenses (for example your ad spend sheet) to see this.
needs-csat = Import your customer satisfaction scores (survey results or ratings from 1 to 5) to see this.
needs-inquiries = Import your customer inquiries (a chat or message log with when each was answered) to see this.
needs-subscriptions = Import your subscriptions (customer, monthly amount, start and end dates) to see this.
needs-products = Import your product costs (a sheet of SKU, product name and cost price, or a Shopify or POS item export) to see this.
needs-settlements = Import your marketplace income reports (Shopee's income report, TikTok Shop's or Tokopedia's settlements) to see this.

## The per-rep table (src/ui/dashboard/reps.rs)
reps-title = Per rep
reps-none = No rep has sales, deals or a target in this period.
reps-sort-tip = Click to sort
reps-col-rep = Rep
reps-col-sales = Sales
reps-col-deal-revenue = Won deal value
reps-col-win-rate = Win rate
reps-col-cycle = Deal cycle
reps-col-lead-conversion = Lead conversion
reps-col-clv = CLV
reps-col-quota = Quota
reps-col-deal-size = Avg deal size

## What to import next (src/ui/dashboard/next_import.rs)
next-filled = { $count ->
    [one] Your import filled one more figure.
   *[other] Your import filled { $count } more figures.
}
next-import = { $more ->
    [0] Import { $what } to see { $card }.
    [one] Import { $what } to see { $card } and one more figure.
   *[other] Import { $what } to see { $card } and { $more } more figures.
}
next-import-button = Import a file…
next-hide = Hide
import-what-orders = your orders
import-what-order_lines = your orders with their products (one row per item sold)
import-what-leads = your leads
import-what-deals = your deals
import-what-deal_stages = your deals' stage history
import-what-activities = your sales activities
import-what-targets = your targets (or type them in the Targets tab)
import-what-expenses = your marketing and sales expenses
import-what-csat = your customer satisfaction scores
import-what-inquiries = your customer inquiries
import-what-subscriptions = your subscriptions
import-what-products = your product costs
import-what-settlements = your marketplace income reports

## The answers behind a card
card-records-tip = Show the records behind this figure
card-why = Why?
card-why-tip = What changed it against the comparison period
card-projection = ≈ { $value } at the end
card-projection-range = Projected at the end of the period: likely between { $low } and { $high } (from the days so far and the weekday pattern of the last eight weeks).
card-projection-chance = Target { $target }: a { $chance } chance of reaching it.

## The product table of the Performance tab (issue 16)
products-title = Products: sales, cost and profit
products-none = No product was sold in this period.
products-hint = Products without a cost price come first: type what one unit costs you, then save. The costs are stored as one import, which the Data tab can undo.
products-col-product = Product
products-col-quantity = Sold
products-col-revenue = Sales
products-col-cogs = Cost of goods
products-col-profit = Gross profit
products-col-margin = Margin
products-col-cost = Cost per unit
products-cost-hint = e.g. 15,000
# The text box's name for screen readers: "Cost per unit of Kopi Susu".
products-cost-of = Cost per unit of { $product }
products-type-costs = Type the missing costs…
products-save = Save { $products ->
    [0] the costs
    [one] the cost of 1 product
   *[other] the costs of { $products } products
}
products-bad-cost = { $count ->
    [one] 1 cost is not an amount: type digits only, e.g. 15,000.
   *[other] { $count } costs are not amounts: type digits only, e.g. 15,000.
}
# The name of the batch in the Data tab's import history.
products-batch-name = Costs typed on the Performance tab
costs-saved = { $products ->
    [one] The cost of 1 product is saved. Undo it in the Data tab if needed.
   *[other] The costs of { $products } products are saved. Undo them in the Data tab if needed.
}
figures-not-read = The figures could not be read
figures-try-again = Try again
