## The Targets tab (src/ui/targets_tab.rs)
targets-title = Targets
targets-intro = Type a target in any cell and save. A month's target takes precedence over its quarter's, and a quarter's over its year's.
targets-metric = Target for
targets-per-month = Per month
targets-per-quarter = Per quarter
targets-per-year = Per year
targets-team = Whole team
targets-save = Save targets
targets-discard = Discard changes
targets-invalid = Some cells are not numbers (shown in red); correct them to save.
targets-batch-name = Targets tab
targets-saved = Targets saved. Undo them in the Data tab if needed.
