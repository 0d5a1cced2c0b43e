## Bilah periode: periode, pembanding, filter (src/ui/dashboard/period_bar.rs)
period-kind-label = Periode
period-kind-day = Hari
period-kind-week = Minggu
period-kind-month = Bulan
period-kind-quarter = Kuartal
period-kind-year = Tahun
period-kind-mtd = Bulan berjalan
period-kind-qtd = Kuartal berjalan
period-kind-ytd = Tahun berjalan
period-kind-custom = Pilih tanggal
period-previous = Periode sebelumnya
period-next = Periode berikutnya
period-previous-tip = Periode sebelumnya (panah kiri)
period-next-tip = Periode berikutnya (panah kanan)
compare-label = Bandingkan dengan
compare-previous = periode sebelumnya
compare-last-year = periode yang sama tahun lalu
filter-rep = Sales
filter-channel = Saluran
filter-source = Sumber prospek
filter-branch = Cabang
filter-no-branch = tanpa cabang (toko sendiri)
filter-all = semua

## Kartu angka (crates/laris-view/src/cards.rs)
help-button = Bantuan: { $metric }
change-none = tanpa pembanding
change-points = { $n } poin
change-tip = Periode pembanding: { $value }
card-median_deal_cycle_days = median { $value }
card-median_lead_response_hours = median { $value }
card-median_inquiry_response_hours = median { $value }
card-csat_avg = skor rata-rata { $value }
card-opportunity_value = senilai { $value }
card-revenue_target = target { $value }
card-mixed-filter = Sebagian tidak tersaring: sebagian data di balik angka ini (misalnya pengeluaran, skor survei, atau langganan) tidak punya sales, saluran, atau sumber, jadi dihitung seluruhnya.
# Di samping kartu laba selama ada penjualan tanpa HPP ($sales: uang, singkat)
profit-cost-missing = ≈ HPP belum ada untuk { $products } produk, { $sales } penjualan
help-chart-button = Bantuan: grafik { $chart }

help-import-button = Impor…
help-no-value-zero = Di periode ini tidak ada yang bisa dijadikan pembagi (misalnya belum ada pesanan), jadi angkanya tidak bisa dihitung.

## Data yang perlu diimpor untuk angka yang belum ada datanya
needs-orders = Impor data pesanan Anda (ekspor dari kasir atau marketplace seperti Shopee dan Tokopedia) untuk melihat angka ini.
needs-order_lines = Impor pesanan beserta produknya (ekspor dengan satu baris per barang terjual) untuk melihat angka ini.
needs-leads = Impor data prospek Anda (ekspor CRM, atau daftar orang yang pernah bertanya soal produk Anda) untuk melihat angka ini.
needs-deals = Impor data deal Anda (ekspor CRM atau daftar pipeline penjualan) untuk melihat angka ini.
needs-deal_stages = Impor riwayat tahap deal (ekspor CRM berisi kapan tiap deal masuk ke tiap tahap) untuk melihat angka ini.
needs-activities = Impor aktivitas penjualan Anda (telepon, kunjungan, pertemuan, posting; ekspor CRM atau catatan Anda sendiri) untuk melihat angka ini.
needs-targets = Pasang target di tab Target, atau impor data target Anda, untuk melihat angka ini.
needs-expenses = Impor pengeluaran marketing dan penjualan Anda (misalnya catatan biaya iklan) untuk melihat angka ini.
needs-csat = Impor skor kepuasan pelanggan Anda (hasil survei atau rating 1 sampai 5) untuk melihat angka ini.
needs-inquiries = Impor pertanyaan pelanggan Anda (catatan chat atau pesan, lengkap dengan kapan dijawab) untuk melihat angka ini.
needs-subscriptions = Impor data langganan Anda (pelanggan, tagihan bulanan, tanggal mulai dan berakhir) untuk melihat angka ini.
needs-products = Impor daftar harga modal (HPP) produk Anda (sheet berisi SKU, nama produk dan HPP, atau ekspor produk dari Shopify atau aplikasi kasir) untuk melihat angka ini.
needs-settlements = Impor laporan penghasilan marketplace Anda (Penghasilan Saya di Shopee, atau laporan pencairan dana TikTok Shop dan Tokopedia) untuk melihat angka ini.

## Tabel per sales (src/ui/dashboard/reps.rs)
reps-title = Per sales
reps-none = Belum ada sales dengan penjualan, deal, atau target di periode ini.
reps-sort-tip = Klik untuk mengurutkan
reps-col-rep = Nama sales
reps-col-sales = Penjualan
reps-col-deal-revenue = Nilai deal menang
reps-col-win-rate = Rasio closing
reps-col-cycle = Lama closing
reps-col-lead-conversion = Konversi prospek
reps-col-clv = CLV
reps-col-quota = Pencapaian target
reps-col-deal-size = Rata-rata nilai deal

## Apa yang sebaiknya diimpor berikutnya (src/ui/dashboard/next_import.rs)
next-filled = Impor tadi mengisi { $count } angka lagi.
next-import = { $more ->
    [0] Impor { $what } untuk melihat { $card }.
   *[other] Impor { $what } untuk melihat { $card } dan { $more } angka lainnya.
}
next-import-button = Impor file…
next-hide = Sembunyikan
import-what-orders = data pesanan
import-what-order_lines = pesanan beserta produknya (satu baris per barang terjual)
import-what-leads = data prospek
import-what-deals = data deal
import-what-deal_stages = riwayat tahap deal
import-what-activities = aktivitas penjualan
import-what-targets = target Anda (atau ketik di tab Target)
import-what-expenses = pengeluaran marketing dan penjualan
import-what-csat = skor kepuasan pelanggan
import-what-inquiries = pertanyaan pelanggan
import-what-subscriptions = data langganan
import-what-products = harga modal (HPP) produk
import-what-settlements = laporan penghasilan marketplace

## Jawaban di balik kartu
card-records-tip = Lihat data di balik angka ini
card-why = Kenapa?
card-why-tip = Apa yang mengubahnya dibanding periode pembanding
card-projection = ≈ { $value } di akhir
card-projection-range = Perkiraan di akhir periode: kemungkinan antara { $low } dan { $high } (dari hari-hari sejauh ini dan pola harian delapan minggu terakhir).
card-projection-chance = Target { $target }: peluang tercapai { $chance }.

## Tabel produk di tab Kinerja (issue 16)
products-title = Produk: penjualan, modal, dan laba
products-none = Tidak ada produk yang terjual di periode ini.
products-hint = Produk yang belum ada HPP-nya ada di paling atas: isi harga modal per satuan, lalu simpan. HPP disimpan sebagai satu kali impor, jadi bisa diurungkan lewat tab Data.
products-col-product = Produk
products-col-quantity = Terjual
products-col-revenue = Penjualan
products-col-cogs = Total HPP
products-col-profit = Laba kotor
products-col-margin = Margin
products-col-cost = HPP per satuan
products-cost-hint = mis. 15.000
# Nama kotak isian untuk pembaca layar: "HPP per satuan Kopi Susu".
products-cost-of = HPP per satuan { $product }
products-type-costs = Isi HPP yang belum ada…
products-save = { $products ->
    [0] Simpan HPP
   *[other] Simpan HPP { $products } produk
}
products-bad-cost = { $count } HPP bukan angka: isi angka saja, mis. 15.000.
# Nama kiriman data di riwayat impor tab Data.
products-batch-name = HPP diisi di tab Kinerja
costs-saved = HPP { $products } produk tersimpan. Kalau perlu, urungkan lewat tab Data.
figures-not-read = Angka-angkanya tidak bisa dibaca
figures-try-again = Coba lagi
