## Tab Data: apa yang tersimpan, riwayat impor, mengurungkan impor (src/ui/data_tab.rs)
data-title = Data Anda
data-kind = Jenis
data-records = Jumlah data
data-range = Rentang tanggal
data-history = Riwayat impor
data-import = Impor file…
data-file = File
data-when = Waktu impor
data-added = Ditambahkan
data-updated = Diperbarui
data-unchanged = Tidak berubah
data-skipped = Dilewati
data-undo = Urungkan
data-undone = Diurungkan
data-branch = cabang { $branch }
data-converted = dikonversi dari { $currency } dengan kurs { $rate }
data-no-history = Belum ada yang diimpor.
data-db = Database: { $path }

undo-title = Urungkan impor ini?
undo-body = { $added } data yang ditambahkan oleh { $file } akan dihapus, dan { $updated } data yang diubahnya dikembalikan ke nilai sebelumnya.
undo-confirm = Urungkan impor
undo-cancel = Biarkan
undo-done = Diurungkan: { $file }
