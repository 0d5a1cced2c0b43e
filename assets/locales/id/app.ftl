## Jendela di sekeliling setiap layar: judul, tab, bahasa, pintasan, pemberitahuan
app-title = Laris

tab-performance = Kinerja
tab-activity = Aktivitas
tab-productivity = Produktivitas
tab-data = Data
tab-targets = Target
tab-settings = Pengaturan

lang-label = Bahasa
lang-en = English
lang-id = Bahasa Indonesia

shortcut-settings = Pengaturan (Ctrl+,)
shortcut-import = Impor berkas (Ctrl+O)

import-failed = Impor gagal: { $reason }
dismiss = Tutup
