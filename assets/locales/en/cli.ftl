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
