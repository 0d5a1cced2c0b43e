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
export-write-failed = { $path } could not be written: check that the folder exists and that you may write there.
