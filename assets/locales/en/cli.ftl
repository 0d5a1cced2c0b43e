## laris demo
demo-done = The sample shop is ready in { $db }: { $orders ->
        [one] 1 order
       *[other] { $orders } orders
    } from { $from } to { $to }.

## laris --install-desktop / --uninstall-desktop
desktop-installed = Laris is in your applications menu now, and .laris files open in it by double-click (files in { $dir }). To remove it: laris --uninstall-desktop
desktop-uninstalled = Laris is no longer in your applications menu ({ $count ->
        [one] 1 file
       *[other] { $count } files
    } removed).
desktop-failed = Could not change the applications menu: { $reason }
desktop-no-data-home = Cannot find your data folder: set HOME or XDG_DATA_HOME and try again.
desktop-unsupported = --install-desktop and --uninstall-desktop are for Linux. On Windows and macOS, use the installer instead.
cli-no-data-folder = Cannot find your data folder: name a database file with --db FILE.
cli-data-folder-failed = Cannot make the data folder { $dir }: { $reason }. Name a database file elsewhere with --db FILE.

## laris records
records-title = Records behind { $metric }, { $from } to { $to }
records-numerator = Counted (numerator)
records-denominator = Out of (denominator)
records-count = { $count } records
records-count-sum = { $count } records, sum { $sum }
records-unknown-metric = "{ $metric }" is not a metric; use an id of laris report --json, e.g. revenue, orders or win_rate.
records-no-records = { $metric } is not made of one set of records (a median, a growth or a breakdown); pick the count, sum or ratio it comes from.
metric-expenses = Expenses
metric-inquiries = Inquiries

## laris explain
explain-title = What changed { $metric } by { $by }: { $from } to { $to } against { $prev_from } to { $prev_to }
explain-by-channel = channel
explain-by-product = product
explain-by-rep = rep
explain-by-source = lead source
explain-by-customer_type = new or returning customer
explain-by-type = activity type
explain-total = Total
explain-points = pts
explain-more-orders = More or fewer orders (change in orders x the previous average order value): { $change }
explain-bigger-orders = Bigger or smaller orders (orders now x the change in average order value): { $change }
explain-key-none = (not given)
explain-key-new = New customers
explain-key-returning = Returning customers
explain-key-no-customer = Without a customer
explain-key-unitemised = Not in product lines
explain-key-others = Others
explain-bad-metric = "{ $metric }" has no breakdown of its change; use one of { $metrics }.
explain-bad-by = { $metric } cannot be split by { $by }; use --by { $can }.
