# The answers behind a figure: its records and the bridge of its change
# (src/ui/answers.rs, crates/laris-view/src/charts/bridge.rs).

answer-back = ← Back
records-view-title = { $metric }: the records, { $period }
records-search = Search
records-search-hint = a name, an id, a word…
records-sort = Sort by
records-sort-none = as recorded
records-sort-up = ↑ smallest first
records-sort-down = ↓ largest first
records-col-date = Date
records-col-value = Counted value
records-col-rep = Salesperson
records-col-channel = Channel
records-col-source = Lead source
records-col-type = Activity type
records-export = Save as spreadsheet…

bridge-view-title = What changed { $metric }
bridge-by = Split by
bridge-help = From the comparison period's figure (left) to this period's (right): each bar is one part's share of the change, biggest first, the rest as "Others". The parts add up exactly to the change. For revenue, the change is also split into more or fewer orders (the change in orders x the previous average order value) and bigger or smaller orders (orders now x the change in average order value).
bridge-nothing = There is no figure to compare: one of the two periods has none.
bridge-previous = Before
bridge-current = Now
bridge-col-previous = Before
bridge-col-current = Now
bridge-col-change = Change

highlights-title = Worth knowing
highlight-opens-bridge = Show what changed it
highlight-opens-records = Show the records
records-lines-tip = Show this order's lines
records-lines-title = Lines of order { $order }
records-lines-close = Close
records-lines-none = This order has no lines: the file gave its total only.
