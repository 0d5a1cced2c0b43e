## laris demo
demo-done = Toko contoh sudah siap di { $db }: { $orders } pesanan dari { $from } sampai { $to }.

## laris --install-desktop / --uninstall-desktop
desktop-installed = Laris sekarang ada di menu aplikasi Anda, dan file .laris bisa dibuka dengan klik dua kali (file pemasangannya ada di { $dir }). Untuk menghapusnya: laris --uninstall-desktop
desktop-uninstalled = Laris sudah tidak ada di menu aplikasi Anda ({ $count } file dihapus).
desktop-failed = Tidak bisa mengubah menu aplikasi: { $reason }
desktop-no-data-home = Folder data Anda tidak ditemukan: atur HOME atau XDG_DATA_HOME lalu coba lagi.
desktop-unsupported = --install-desktop dan --uninstall-desktop hanya untuk Linux. Di Windows dan macOS, gunakan penginstalnya.
cli-no-data-folder = Folder data Anda tidak ditemukan: sebutkan file database dengan --db FILE.
cli-data-folder-failed = Folder data { $dir } tidak bisa dibuat: { $reason }. Sebutkan file database di tempat lain dengan --db FILE.

## laris records
records-title = Data di balik { $metric }, { $from } sampai { $to }
records-numerator = Yang dihitung (pembilang)
records-denominator = Dari total (penyebut)
records-count = { $count } data
records-count-sum = { $count } data, jumlah { $sum }
records-unknown-metric = "{ $metric }" bukan indikator; pakai id dari laris report --json, misalnya revenue, orders atau win_rate.
records-no-records = { $metric } tidak tersusun dari satu kumpulan data (median, pertumbuhan atau rincian); pilih hitungan, jumlah atau rasio asalnya.
metric-expenses = Pengeluaran
metric-inquiries = Pertanyaan pelanggan

## laris explain
explain-title = Apa yang mengubah { $metric } menurut { $by }: { $from } sampai { $to } dibanding { $prev_from } sampai { $prev_to }
explain-by-channel = saluran
explain-by-product = produk
explain-by-rep = sales
explain-by-source = sumber prospek
explain-by-customer_type = pelanggan baru atau kembali
explain-by-type = jenis aktivitas
explain-total = Total
explain-points = poin
explain-more-orders = Pesanan lebih banyak atau sedikit (selisih jumlah pesanan x rata-rata nilai pesanan sebelumnya): { $change }
explain-bigger-orders = Pesanan lebih besar atau kecil (jumlah pesanan sekarang x selisih rata-rata nilai pesanan): { $change }
explain-key-none = (tidak diisi)
explain-key-new = Pelanggan baru
explain-key-returning = Pelanggan kembali
explain-key-no-customer = Tanpa pelanggan
explain-key-unitemised = Di luar rincian produk
explain-key-others = Lainnya
explain-bad-metric = "{ $metric }" tidak punya rincian perubahan; pakai salah satu dari { $metrics }.
explain-bad-by = { $metric } tidak bisa dirinci menurut { $by }; pakai --by { $can }.
