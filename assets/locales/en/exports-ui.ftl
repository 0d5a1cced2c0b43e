## Saving and copying from the app

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
tab-export = Export tab…
tab-export-tip = Save this tab, every card and chart, as one picture
