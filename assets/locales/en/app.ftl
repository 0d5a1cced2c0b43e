## The window around every screen: title, tabs, language, shortcuts, notices
app-title = Laris

tab-performance = Performance
tab-activity = Activity
tab-productivity = Productivity
tab-data = Data
tab-targets = Targets
tab-settings = Settings

lang-label = Language
lang-en = English
lang-id = Bahasa Indonesia

shortcut-settings = Settings (Ctrl+,)
shortcut-import = Import files (Ctrl+O)

import-failed = The import failed: { $reason }
dismiss = Close

## The in-app file browser (where the system has no file dialog)
file-dialog-open-title = Choose a file
file-dialog-save-title = Save as
file-dialog-open = Open
file-dialog-save = Save
file-dialog-cancel = Cancel
file-dialog-new-folder = New folder
file-dialog-rename = Rename
file-dialog-file = File:
file-dialog-show-hidden = Show hidden files
file-dialog-parent = Up one folder
file-dialog-refresh = Refresh
