# Jawaban di balik sebuah angka: datanya dan rincian perubahannya
# (src/ui/answers.rs, crates/laris-view/src/charts/bridge.rs).

answer-back = ← Kembali
records-view-title = { $metric }: datanya, { $period }
records-search = Cari
records-search-hint = nama, nomor, kata…
records-sort = Urutkan menurut
records-sort-none = sesuai urutan data
records-sort-up = ↑ terkecil dulu
records-sort-down = ↓ terbesar dulu
records-col-date = Tanggal
records-col-value = Nilai yang dihitung
records-col-rep = Sales
records-col-channel = Saluran
records-col-source = Sumber prospek
records-col-type = Jenis aktivitas
records-export = Simpan sebagai spreadsheet…

bridge-view-title = Apa yang mengubah { $metric }
bridge-by = Rinci menurut
bridge-help = Dari angka periode pembanding (kiri) ke angka periode ini (kanan): tiap batang adalah bagian perubahan dari satu rincian, yang terbesar dulu, sisanya sebagai "Lainnya". Jumlah semua bagian tepat sama dengan perubahannya. Untuk omzet, perubahan juga dibagi menjadi pesanan lebih banyak atau sedikit (selisih jumlah pesanan x rata-rata nilai pesanan sebelumnya) dan pesanan lebih besar atau kecil (jumlah pesanan sekarang x selisih rata-rata nilai pesanan).
bridge-nothing = Tidak ada angka untuk dibandingkan: salah satu periode tidak punya angka.
bridge-previous = Sebelumnya
bridge-current = Sekarang
bridge-col-previous = Sebelumnya
bridge-col-current = Sekarang
bridge-col-change = Perubahan

highlights-title = Perlu diketahui
highlight-opens-bridge = Lihat apa yang mengubahnya
highlight-opens-records = Lihat datanya
records-lines-tip = Lihat barang di pesanan ini
records-lines-title = Barang di pesanan { $order }
records-lines-close = Tutup
records-lines-none = Pesanan ini tidak punya rincian barang: filenya hanya berisi totalnya.
