## Help popups: what a figure measures, why it matters, how it is computed.
## Plain text only, no placeables. The same ids are in id/help.ftl.

help-close = Got it
help-chart-read-heading = How to read it

help-title = What this shows
help-what-heading = What it measures
help-why-heading = Why it matters
help-how-heading = How it is computed

## Sales performance

help-revenue-what = The money from paid orders in this period.
help-revenue-why = It is the top line of your shop: stock, wages and profit all come out of it. Compare it with the previous period to see if you are selling more.
help-revenue-how = The sum of the totals of paid orders dated in the period. Unpaid, refunded and cancelled orders are left out (not subtracted). Orders without a customer count too.

help-orders-what = How many paid orders you received in this period.
help-orders-why = Shows how busy the shop is. If orders go up but revenue does not, customers are buying cheaper items or less per order.
help-orders-how = The number of paid orders dated in the period. Unpaid, refunded and cancelled orders do not count.

help-aov-what = How much a customer spends per order, on average.
help-aov-why = If this falls while orders stay the same, customers are buying less per visit. Bundles or a minimum spend for free shipping can raise it.
help-aov-how = Revenue divided by the number of paid orders in the period.

help-sales_growth-what = How much revenue grew or shrank compared with the comparison period.
help-sales_growth-why = Tells you at a glance whether the shop is moving forward. One small dip can be normal; several in a row deserve a closer look.
help-sales_growth-how = (Revenue now minus revenue in the comparison period) divided by revenue in the comparison period: by default the previous period of the same kind, the same number of days.

help-target_attainment-what = How much of your revenue target you have reached in this period.
help-target_attainment-why = Shows whether you are on track. At 80% with a week to go, you know to push now, not after the month is over.
help-target_attainment-how = Revenue divided by the revenue target: the team's, else the sum of the salespeople's, prorated to the days of its month, quarter or year that fall in the period.

help-new_customers-what = Customers who bought from you for the first time in this period.
help-new_customers-why = You need new buyers to grow and to replace those who stop coming. If this drops, your promotions or marketplace visibility may be weaker.
help-new_customers-how = Customers whose first paid order ever, across all your data, is dated in the period. A customer is known by customer ID, else by name.

help-retention_rate-what = The share of last period's customers who bought again in this period.
help-retention_rate-why = Keeping a customer is usually cheaper than winning a new one. A rising rate means people like coming back.
help-retention_rate-how = Customers with a paid order in the previous period of the same kind (whatever the comparison) who also have one now, divided by all customers of that previous period.

help-churn_rate-what = The share of last period's customers who did not buy again in this period.
help-churn_rate-why = If it climbs, regular customers are drifting away: check prices, stock, service or a new competitor nearby.
help-churn_rate-how = 1 minus the retention rate. It always looks at the previous period of the same kind, whatever the comparison setting.

help-clv-what = How much revenue an average customer has brought you so far, over all their purchases (customer lifetime value, CLV).
help-clv-why = Tells you what a customer is worth to you, so you know how much you can spend to win one. Compare it with CAC.
help-clv-how = Revenue of all paid orders up to the end of the period (orders without a customer too), divided by the customers with a paid order up to then.

help-cac-what = What you spent on marketing and sales for each new customer in this period (customer acquisition cost, CAC).
help-cac-why = If winning a customer costs more than they spend with you, your ads lose money. Watch it whenever you raise your ad budget.
help-cac-how = Expenses with category marketing or sales dated in the period, divided by the new customers of the period.

help-clv_cac_ratio-what = How many times a customer's lifetime value covers what it costs to win a customer.
help-clv_cac_ratio-why = Above 1, a customer brings in more revenue than it costs to win one; the higher, the better your marketing pays off. Below 1, customers cost more than they bring.
help-clv_cac_ratio-how = CLV (all paid orders up to the end of the period) divided by CAC (this period's marketing and sales spend per new customer).

help-leads-what = New potential customers (leads) who came in during this period: people who asked, signed up or showed interest.
help-leads-why = Leads are tomorrow's sales. Fewer leads now usually means fewer orders a few weeks later.
help-leads-how = The number of leads with a created date in the period.

help-lead_conversion_rate-what = The share of this period's new leads who became customers.
help-lead_conversion_rate-why = Shows how well you turn interest into sales. Many leads but a low rate often points to slow replies or a weak offer.
help-lead_conversion_rate-how = Leads created in the period that are converted (status converted, or a converted date, at any time), divided by all leads created in the period.

help-opportunities-what = New deals (sales opportunities) opened in this period.
help-opportunities-why = More deals in the pipeline now means more chances to close sales later, such as large orders from resellers or offices.
help-opportunities-how = The number of deals with a created date in the period. Their total value is the opportunity value.

help-win_rate-what = Of the deals closed in this period, the share you won.
help-win_rate-why = A falling win rate means you lose more offers: to price, to slow follow-up, or because you chase the wrong prospects.
help-win_rate-how = Deals won with a closed date in the period, divided by deals won or lost with a closed date in the period. Open deals do not count.

help-avg_deal_cycle_days-what = How many days a won deal takes, on average, from being opened to being closed.
help-avg_deal_cycle_days-why = Shorter cycles mean money comes in sooner. If it grows longer, buyers are hesitating or follow-ups are slow.
help-avg_deal_cycle_days-how = The average of (closed date minus created date) in days, over deals won with a closed date in the period. A date without a time counts as midnight.

help-csat-what = The share of customers who rated you 4 or 5 out of 5 in this period (customer satisfaction, CSAT).
help-csat-why = Happy customers come back and recommend you. Low scores warn you early, before reviews and sales drop.
help-csat-how = Satisfaction responses in the period with a score of 4 or 5, divided by all responses in the period.

help-mrr-what = The monthly amount of all subscriptions running at the end of the period (monthly recurring revenue, MRR).
help-mrr-why = Subscription money comes back every month, so it is income you can count on when planning stock and staff.
help-mrr-how = The sum of the monthly amounts of subscriptions active on the period's last day: started on or before it, with no end date or one after it.

help-subscription_churn-what = The share of subscriptions that were running just before the period and ended during it.
help-subscription_churn-why = Every ended subscription is monthly income gone. If it rises, ask the customers who leave why.
help-subscription_churn-how = Subscriptions active on the day before the period starts that end on or before its last day, divided by all subscriptions active on that day.
help-refund_amount-what = The money of the orders refunded in this period.
help-refund_amount-why = Every refund is a sale that came back. If it grows, look at which products come back and why.
help-refund_amount-how = The sum of the totals of orders with status refunded dated in the period. It is not taken off revenue: a refunded order is simply not revenue.
help-refund_rate-what = The share of orders in this period that were refunded.
help-refund_rate-why = A rising share of refunds points at a product, a courier or a listing that disappoints buyers.
help-refund_rate-how = Refunded orders divided by paid and refunded orders, all dated in the period.
help-cogs-what = What the products you sold in this period cost you (cost of goods sold).
help-cogs-why = It is the biggest cost of most shops; without it you cannot see what your sales earn.
help-cogs-how = For each item sold in a paid order of the period: quantity times the product's cost price valid on the order's date (the cost row with the latest start date on or before it). Items whose product has no cost price add nothing.
help-cost_coverage-what = The share of your sales whose products have a cost price.
help-cost_coverage-why = Profit figures are only as complete as your cost prices. Below 100%, gross and net profit are too high, by the cost of what is missing.
help-cost_coverage-how = The value of the items sold in paid orders of the period whose product has a cost price on the order's date, divided by the value of all items sold.
help-gross_profit-what = What your sales earned after the cost of the products sold.
help-gross_profit-why = Revenue can grow while profit shrinks; this tells you what the sales leave to pay fees, ads and wages.
help-gross_profit-how = Revenue minus the cost of goods sold, both over the paid orders of the period.
help-gross_margin-what = Gross profit as a share of revenue.
help-gross_margin-why = It shows how much of each sale you keep after the cost of the product, so you can compare products, channels and periods.
help-gross_margin-how = Gross profit divided by revenue.
help-marketplace_fees-what = What the marketplaces kept of your paid orders in this period: commission, service, payment and programme fees.
help-marketplace_fees-why = Marketplace fees can eat a big part of the margin; knowing them helps you price each channel.
help-marketplace_fees-how = The sum of the fees of the marketplace payouts (settlements) of paid orders dated in the period.
help-fee_rate-what = The share of your marketplace sales that the marketplaces kept as fees.
help-fee_rate-why = Compare it between marketplaces and with your margin: a channel whose fees eat the margin sells at a loss.
help-fee_rate-how = Marketplace fees divided by the revenue of the paid orders of the period that have a payout.
help-net_profit-what = What is left after the cost of the products, the marketplace fees and your recorded expenses.
help-net_profit-why = It is what the shop really earned in the period.
help-net_profit-how = Gross profit minus marketplace fees minus all expenses dated in the period, of every category. Fees and expenses count as zero when none were imported.

## Sales activity

help-activities-what = All sales activities logged in this period: calls, emails, meetings, follow-ups, social posts and more.
help-activities-why = Sales come from effort. If activities drop, expect fewer leads and deals a little later.
help-activities-how = The number of activities dated in the period, every type included, also split by type and by salesperson.

help-time_on_activities_hours-what = The hours spent on sales activities in this period.
help-time_on_activities_hours-why = Shows where your team's time goes. More hours is not good or bad by itself: compare it with the deals and sales it brings.
help-time_on_activities_hours-how = The minutes of all activities dated in the period, added up and divided by 60. An activity without a duration counts as 0.

help-calls_emails-what = Calls and emails to customers and prospects in this period.
help-calls_emails-why = The everyday way to reach buyers. A drop here often shows up later as fewer deals.
help-calls_emails-how = The number of activities of type call or email dated in the period.

help-meetings-what = Meetings with customers or prospects in this period, in person or online.
help-meetings-why = Meetings move bigger deals forward, for example with resellers, offices or regular wholesale buyers.
help-meetings-how = The number of activities of type meeting dated in the period.

help-follow_ups-what = Follow-ups in this period: getting back to people after a first contact or an offer.
help-follow_ups-why = Many sales close only after the second or third contact. Few follow-ups usually means sales left on the table.
help-follow_ups-how = The number of activities of type follow-up dated in the period.

help-proposals-what = Offers or price quotations sent in this period.
help-proposals-why = Each proposal is a real chance to close. Compare it with the win rate to see how many turn into sales.
help-proposals-how = The number of activities of type proposal dated in the period.

help-demos-what = Product demonstrations given in this period.
help-demos-why = Seeing the product helps buyers decide. More demos usually lead to more deals.
help-demos-how = The number of activities of type demo dated in the period.

help-networking_events-what = Events you attended to meet new people: bazaars, trade fairs, community gatherings.
help-networking_events-why = Events bring contacts and referrals that ads do not reach.
help-networking_events-how = The number of activities of type networking event dated in the period.

help-lead_response_hours-what = How long, on average, it took to first reply to a new lead.
help-lead_response_hours-why = People who ask on WhatsApp or chat often buy from whoever answers first. Faster replies usually mean more sales.
help-lead_response_hours-how = The average hours from a lead's creation to its first response, over leads created in the period that have a response. Unanswered leads are left out.

help-inquiry_response_hours-what = How long, on average, customers waited for an answer to their questions.
help-inquiry_response_hours-why = Slow answers lose buyers and can lower your chat performance score on marketplaces.
help-inquiry_response_hours-how = The average hours from receiving an inquiry to answering it, over inquiries received in the period that have an answer. Unanswered ones are left out.

help-social_engagement-what = Likes, comments, shares and messages on your social media posts in this period.
help-social_engagement-why = Engagement shows whether your posts reach people. It often comes before new leads and orders.
help-social_engagement-how = The sum of the counts of activities of type social post dated in the period; each post's count is its likes, comments, shares and messages.

help-referrals-what = New leads who came because someone recommended you.
help-referrals-why = Word of mouth is the cheapest way to win customers, and they usually trust you sooner.
help-referrals-how = The number of leads created in the period whose source is referral.

help-activity_ratio-what = How many activities it took for each deal won in this period.
help-activity_ratio-why = Lower means effort turns into sales more easily. If it climbs, effort is rising faster than results.
help-activity_ratio-how = Activities dated in the period (every type except social posts), divided by deals won with a closed date in the period.

help-upsell_cross_sell_rate-what = Of your returning customers, the share who bought a product they had never bought from you before.
help-upsell_cross_sell_rate-why = Selling more to customers who already trust you is easier than finding new ones. This shows whether suggestions and bundles work.
help-upsell_cross_sell_rate-how = Customers with a paid order before the period and one in it: the share whose paid orders in the period include a product new to them. Products are matched by name.

## Sales productivity

help-avg_deal_size-what = The average value of the deals won in this period.
help-avg_deal_size-why = Bigger deals bring more revenue for the same effort. If it drops, buyers order smaller amounts or get bigger discounts.
help-avg_deal_size-how = The average closed value over deals won with a closed date in the period. Won deals without a closed value are left out.

help-pipeline_value-what = The total value of the deals still open at the end of the period.
help-pipeline_value-why = These are sales that may still come in. A thin pipeline now means a weak month later.
help-pipeline_value-how = The sum of the values of deals open at the end of the period: created by its last day (or with no created date), and still open or closed after that day.

help-weighted_pipeline-what = The value of the open pipeline, adjusted for how likely each deal is to be won.
help-weighted_pipeline-why = A more realistic forecast than the plain pipeline: a deal that has just started is worth less than one in negotiation.
help-weighted_pipeline-how = Each open deal's value times its stage's win chance, added up. You can edit the chance per stage; by default it is the share of past deals reaching that stage that were won.

## Charts

help-chart-revenue-what = Revenue per month (per week or day for short periods) across the period.
help-chart-revenue-how = This period is in teal. The dashed grey line is the comparison period and the amber line is your target.
help-chart-funnel-what = How many of the deals opened in the period reached each stage of your pipeline.
help-chart-funnel-how = One bar per stage, in pipeline order. The percentage between two bars is the share of deals lost before the next stage (leakage): the biggest one is where deals get stuck.
help-chart-quota-what = Each salesperson's revenue in the period as a share of their own revenue target (quota).
help-chart-quota-how = One bar per salesperson. A bar that reaches the 100% mark means that salesperson is at quota. Someone without a target has no bar.
help-chart-cohorts-what = Whether customers come back: customers are grouped by the month of their first purchase.
help-chart-cohorts-how = Each row is the customers who first bought in one month. Its cell for N months shows what share of them bought again N months later.
help-chart-activities_by_rep-what = The activities each salesperson logged in the period, split by type.
help-chart-activities_by_rep-how = One bar per salesperson, sorted by total; the parts of a bar are the activity types. Activities without a salesperson are not shown here.
help-chart-activities_over_time-what = How many activities were logged each month (or week or day for short periods).
help-chart-activities_over_time-how = Read it from left to right: is the effort steady, growing or slipping? Dips here often show up later as dips in leads and revenue.
help-chart-conversion_by_source-what = The lead conversion rate of each lead source: Instagram, WhatsApp, referral, website and so on.
help-chart-conversion_by_source-how = One bar per source: the share of its leads created in the period that converted. With only a few leads the rate can swing a lot. Leads without a source are left out.
help-chart-pipeline_by_stage-what = The value of the open deals at the end of the period, per pipeline stage.
help-chart-pipeline_by_stage-how = One bar per stage, in pipeline order. Much value in early stages means many deals still need work before they can close.
help-chart-revenue_by_channel-what = The period's revenue split by sales channel: your shop, Shopee, Tokopedia, WhatsApp and so on.
help-chart-revenue_by_channel-how = One bar per channel, with its revenue from paid orders. It shows which channel really brings in the money.
help-chart-top_products-what = The ten products that brought in the most revenue in the period.
help-chart-top_products-how = One bar per product, highest revenue first, from the order lines of paid orders. Refunded and cancelled orders are left out.
help-chart-profit_by_channel-what = What each channel's revenue turns into: the cost of the goods sold, the marketplace's fees, and what is left for you.
help-chart-profit_by_channel-how = One bar per channel, as long as its revenue from paid orders: cost of goods (quantity times the product's cost price at the order's date), then the fees of the marketplace's income report, then gross profit minus those fees. Lines without a cost price count no cost, so the part left is too long until their costs are typed.
