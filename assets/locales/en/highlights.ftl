## Highlights: sentences at the top of each tab and of the report
## (docs/highlights.md). $driver is empty or highlight-driver.
highlight-up = { $metric } up { $change } from { $then }{ $driver }
highlight-down = { $metric } down { $change } from { $then }{ $driver }
highlight-driver = , mainly from { $key } ({ $change })
highlight-name-revenue = Revenue
highlight-name-orders = Orders
highlight-name-aov = Average order value
highlight-name-new_customers = New customers
highlight-name-leads = Leads
highlight-name-win_rate = Win rate
highlight-name-activities = Activities
highlight-target-risk = Revenue target at risk: on course for { $share } of { $target }
highlight-target-missed = Revenue reached only { $share } of its target of { $target }
highlight-retention-down = Fewer customers came back: retention fell from { $then } to { $now }
highlight-lead-response-slower = Leads wait longer for an answer: { $now } on average, up from { $then }
highlight-inquiry-response-slower = Customers' questions wait longer for an answer: { $now } on average, up from { $then }
highlight-rep-above = { $rep } reached { $share } of target
highlight-rep-above-pace = { $rep } is on course for { $share } of target
highlight-rep-below = { $rep } reached only { $share } of target
highlight-rep-below-pace = { $rep } is on course for only { $share } of target
highlight-product-up = { $product } sold { $share } more than before ({ $change })
highlight-product-down = { $product } sold { $share } less than before ({ $change })
highlight-quiet = Nothing stands out this period: no figure moved much and no target is at risk.
