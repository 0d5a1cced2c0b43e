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
