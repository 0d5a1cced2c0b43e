## Masalah baris dan berkas (impor)
row-issue = { $file }, baris { $line }, kolom { $column } ("{ $value }"): { $reason }
reason-required = nilai ini wajib diisi; lengkapi lalu impor ulang berkasnya
reason-bad-date = tanggal tidak terbaca, atau hari yang tidak ada (misalnya 31/02); tulis tanggal seperti 2024-03-05 atau 05/03/2024
reason-bad-money = jumlah uang tidak terbaca; jumlah ditulis seperti 1250000, Rp 1.250.000,00 atau 1,250.00
reason-bad-number = bukan angka
reason-bad-integer = bukan bilangan bulat
reason-bad-period = bukan periode target; tulis TTTT-BB, TTTT-Qn atau TTTT (misalnya 2024-03, 2024-Q1, 2024)
reason-bad-metric = bukan metrik target; gunakan revenue, deals_won, new_customers atau activities
reason-bad-category = bukan kategori biaya; gunakan marketing, sales atau other
reason-bad-score = bukan skor kepuasan 1 sampai 5
reason-unknown-status = status pesanan tidak dikenal, dihitung sebagai lunas; periksa apakah pesanan ini sudah dibayar
reason-unknown-deal-status = status deal tidak dikenal; tahapnya menentukan apakah deal masih berjalan, menang atau kalah
reason-closed-deal-without-created = deal yang menang atau kalah wajib punya tanggal created_at
file-unreadable = { $file } tidak bisa dibaca: { $reason }
file-not-recognised = { $file } bukan berkas yang dikenali Laris: isinya tampak seperti { $looks } (kolom: { $columns }). Laris bisa mengimpor: { $kinds }.
file-missing-column = { $file } tampaknya berisi { $kind }, tetapi tidak punya kolom wajib "{ $column }". Tambahkan kolom itu lalu impor lagi.
file-malformed = { $file }, baris { $line }: berkas rusak ({ $reason }). Simpan ulang dari program spreadsheet lalu impor lagi.

## Hasil impor (baris perintah)
import-summary = { $file } ({ $kind }): { $added } ditambahkan, { $updated } diperbarui, { $unchanged } tidak berubah, { $skipped } dilewati
import-nothing-written = { $count } baris bermasalah, jadi tidak ada yang diimpor. Perbaiki lalu jalankan perintah yang sama lagi.
import-more-issues = … dan { $count } lainnya
demo-done = Toko contoh sudah siap di { $db }: { $orders } pesanan dari { $from } sampai { $to }.

## Jenis data
kind-orders = Pesanan
kind-order_lines = Rincian pesanan
kind-leads = Prospek
kind-deals = Deal
kind-deal_stages = Riwayat tahap deal
kind-activities = Aktivitas
kind-targets = Target
kind-expenses = Biaya
kind-csat = Skor kepuasan
kind-inquiries = Pertanyaan pelanggan
kind-subscriptions = Langganan

## Aplikasi
app-title = Laris
app-loading = Membuka data Anda…
app-open-failed = Laris tidak bisa membuka basis data
tab-data = Data
lang-label = Bahasa
lang-en = English
lang-id = Bahasa Indonesia

welcome-title = Selamat datang di Laris
welcome-body = Lihat seberapa laris toko Anda, langsung dari spreadsheet yang sudah Anda punya: pesanan dari kasir atau marketplace, prospek dan deal, aktivitas, biaya, dan target.
welcome-import = Impor berkas…
welcome-import-hint = Ekspor CSV atau Excel dari kasir, Shopee, Tokopedia, TikTok Shop, Shopify, atau CRM Anda
welcome-sample = Coba toko contoh
welcome-sample-hint = Data tiga tahun dari sebuah toko fiktif di Indonesia, supaya Anda bisa melihat-lihat dulu.
welcome-db = Data Anda hanya disimpan di komputer ini, di { $path }

progress-sample = Menyiapkan toko contoh…
progress-import = Mengimpor { $file }…

data-title = Data Anda
data-kind = Jenis
data-records = Jumlah data
data-range = Rentang tanggal
data-history = Riwayat impor
data-import = Impor berkas…
data-file = Berkas
data-when = Waktu impor
data-added = Ditambahkan
data-updated = Diperbarui
data-unchanged = Tidak berubah
data-skipped = Dilewati
data-undo = Batalkan
data-undone = Dibatalkan
data-no-history = Belum ada yang diimpor.
data-db = Basis data: { $path }

undo-title = Batalkan impor ini?
undo-body = { $added } data yang ditambahkan oleh { $file } akan dihapus, dan { $updated } data yang diubahnya dikembalikan ke nilai sebelumnya.
undo-confirm = Batalkan impor
undo-cancel = Jangan batalkan
undo-done = Dibatalkan: { $file }

import-done = { $file } berhasil diimpor: { $added } ditambahkan, { $updated } diperbarui, { $unchanged } tidak berubah, { $skipped } dilewati
import-has-errors = { $file } tidak diimpor: { $count } baris bermasalah. Yang pertama: { $first }
import-failed = Impor gagal: { $reason }
sample-done = Toko contoh sudah siap.
dismiss = Tutup
file-filter-csv = Spreadsheet (CSV, Excel, OpenDocument)

## Seperti apa berkas yang tidak dikenali
looks-like-category-targets = target penjualan per kategori produk, yang tidak dilacak Laris
looks-like-accounts = daftar perusahaan (akun)
looks-like-sales-team = daftar tenaga penjual dan manajernya
looks-like-data-dictionary = penjelasan kolom berkas-berkas lain
looks-like-customers = daftar pelanggan
looks-like-products = daftar produk
looks-like-unknown = tabel jenis lain
file-bad-workbook = Workbook { $file } tidak bisa dibaca: { $reason }. Buka di program spreadsheet, simpan ulang sebagai .xlsx lalu impor lagi.
file-no-such-sheet = { $file } tidak punya sheet "{ $sheet }". Sheet yang ada: { $sheets }.
