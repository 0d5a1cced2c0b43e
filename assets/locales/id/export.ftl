# Ekspor: gambar grafik, laporan rapat (PDF), tabel (src/export, laris export).
export-no-chart-data = tidak ada yang bisa digambar: datanya belum pernah diimpor.
export-pdf-title = Laporan rapat penjualan
export-pdf-period = Periode: { $period }
export-pdf-no-filters = Semua sales, saluran, dan sumber
export-pdf-made = Dibuat pada { $date } dengan Laris
export-pdf-reps = Per sales
export-pdf-rep = Nama sales
export-pdf-deal-revenue = Nilai deal menang
export-pdf-charts = Grafik
export-pdf-page = Halaman { $page } dari { $pages }
export-wrote = Tersimpan: { $path }

## Menyimpan dan menyalin dari aplikasi (src/ui/exports.rs)
chart-save = Simpan gambar
chart-save-tip = Simpan grafik ini sebagai gambar PNG untuk rapat
chart-copy = Salin
chart-copy-tip = Salin grafik ini untuk ditempel di pesan atau dokumen
export-saved = Tersimpan: { $file }
export-copied = Grafik sudah disalin.
export-opened = Laporan rapat terbuka di penampil PDF Anda ({ $file }); cetak dari sana.
export-failed = Tidak bisa mengekspor: { $reason }
export-filter-png = Gambar PNG
export-filter-pdf = Dokumen PDF
export-filter-table = Spreadsheet (XLSX atau CSV)
report-save = Simpan laporan rapat…
report-print = Cetak laporan rapat
report-tip = PDF berisi ketiga tab untuk periode ini: angka, perubahan, grafik, dan tabel per sales
reps-export = Ekspor tabel…
data-export = Ekspor…
data-export-kind = Ekspor { $kind } sebagai spreadsheet
tab-export = Simpan halaman sebagai gambar…
tab-export-tip = Simpan halaman ini (tab ini), semua kartu dan grafik, sebagai satu gambar

export-error-write = { $file } tidak bisa disimpan: { $reason }. Pilih folder atau nama file lain.
export-error-pdf = PDF tidak bisa dibuat ({ $detail }).
export-error-open = { $file } sudah disimpan, tetapi tidak ada program yang membukanya untuk dicetak ({ $reason }). Buka file itu sendiri untuk mencetaknya.
export-error-clipboard = Gambar tidak bisa disalin ({ $detail }). Simpan sebagai gambar saja.
render-error-draw = Gambar tidak bisa dibuat ({ $detail }).
