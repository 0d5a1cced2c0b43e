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
shortcut-import = Impor file (Ctrl+O)

import-failed = Impor gagal: { $reason }
dismiss = Tutup

## Penjelajah file di dalam aplikasi (kalau sistem tidak punya dialog file)
file-dialog-open-title = Pilih file
file-dialog-save-title = Simpan sebagai
file-dialog-open = Buka
file-dialog-save = Simpan
file-dialog-cancel = Batal
file-dialog-new-folder = Folder baru
file-dialog-rename = Ganti nama
file-dialog-file = File:
file-dialog-show-hidden = Tampilkan file tersembunyi
file-dialog-parent = Naik satu folder
file-dialog-refresh = Muat ulang
