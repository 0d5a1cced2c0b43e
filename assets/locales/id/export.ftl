# Ekspor: gambar grafik, laporan rapat (PDF), tabel (src/export, laris export).
export-no-chart-data = tidak ada yang bisa digambar: datanya belum pernah diimpor.
export-pdf-title = Laporan rapat penjualan
export-pdf-period = Periode: { $period }
export-pdf-no-filters = Semua sales, saluran, dan sumber
export-pdf-made = Dibuat pada { $date } dengan Laris
export-pdf-reps = Per sales
export-pdf-rep = Sales
export-pdf-deal-revenue = Nilai deal yang dimenangkan
export-pdf-charts = Grafik
export-pdf-page = Halaman { $page } dari { $pages }
export-wrote = Tersimpan: { $path }
export-write-failed = { $path } tidak bisa ditulis: periksa apakah foldernya ada dan Anda boleh menulis di sana.
