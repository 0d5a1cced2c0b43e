# Exports: chart images, the meeting report (PDF), tables (src/export, laris export).
export-no-chart-data = there is nothing to draw: its records were never imported.
export-pdf-title = Sales meeting report
export-pdf-period = Period: { $period }
export-pdf-no-filters = All reps, channels and sources
export-pdf-made = Made on { $date } with Laris
export-pdf-reps = Per sales rep
export-pdf-rep = Rep
export-pdf-deal-revenue = Won deal value
export-pdf-charts = Charts
export-pdf-page = Page { $page } of { $pages }
export-wrote = Wrote { $path }

## Saving and copying from the app (src/ui/exports.rs)
chart-save = Save image
chart-save-tip = Save this chart as a PNG picture for a meeting
chart-copy = Copy
chart-copy-tip = Copy this chart to paste it into a message or a document
export-saved = Saved { $file }
export-copied = The chart is on the clipboard.
export-opened = The meeting report is open in your PDF viewer ({ $file }); print it from there.
export-failed = Could not export: { $reason }
export-filter-png = PNG picture
export-filter-pdf = PDF document
export-filter-table = Spreadsheet (XLSX or CSV)
report-save = Save meeting report…
report-print = Print meeting report
report-tip = A PDF of all three tabs for this period: figures, changes, charts and the per-rep table
reps-export = Export table…
data-export = Export…
data-export-kind = Export { $kind } as a spreadsheet
tab-export = Save page as image…
tab-export-tip = Save this page (this tab), every card and chart, as one picture

export-error-write = { $file } could not be saved: { $reason }. Choose another folder or file name.
export-error-pdf = The PDF could not be made ({ $detail }).
export-error-open = { $file } was saved, but no program opened it for printing ({ $reason }). Open the file yourself to print it.
export-error-clipboard = The picture could not be copied ({ $detail }). Save it as an image instead.
render-error-draw = The picture could not be drawn ({ $detail }).
