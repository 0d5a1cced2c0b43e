## laris demo
demo-done = The sample shop is ready in { $db }: { $orders } orders from { $from } to { $to }.

## laris --install-desktop / --uninstall-desktop
desktop-installed = Laris is in your applications menu now, and .laris files open in it by double-click (files in { $dir }). To remove it: laris --uninstall-desktop
desktop-uninstalled = Laris is no longer in your applications menu ({ $count ->
        [one] 1 file
       *[other] { $count } files
    } removed).
desktop-failed = Could not change the applications menu: { $reason }
desktop-no-data-home = Cannot find your data folder: set HOME or XDG_DATA_HOME and try again.
desktop-unsupported = --install-desktop and --uninstall-desktop are for Linux. On Windows and macOS, use the installer instead.

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

