## Wizard impor (src/ui/import_wizard.rs)
file-filter-csv = Spreadsheet (CSV, Excel, OpenDocument) dan database Laris

wizard-title = Impor { $file }
wizard-more-files = { $count } file lagi setelah ini
wizard-reading = Membaca file…
wizard-importing = Mengimpor…
wizard-stop = Hentikan
wizard-skip-file = Lewati file ini
wizard-sheet = Sheet
wizard-kind = Isi file
wizard-kind-unknown = Pilih…
wizard-use-preset = Pemetaan tersimpan
wizard-no-preset = Tidak ada
wizard-columns = Kolom
wizard-column = Kolom di file
wizard-field = Kolom Laris
wizard-ignore = — tidak diimpor —
wizard-preview = { $kind } seperti yang akan disimpan
wizard-more-rows = … dan { $count } lainnya
wizard-problems = Baris bermasalah
wizard-row = Baris
wizard-value = Nilai
wizard-reason = Masalah
wizard-import = Impor { $count } baris
wizard-import-skip = Impor { $count } baris yang benar, lewati { $skipped }
wizard-cancel = Batal
wizard-save-skipped = Simpan baris yang dilewati…
wizard-branch = Cabang (outlet)
wizard-branch-hint = kosong: seluruh toko
wizard-laris-file = Ini database Laris: datanya masuk persis seperti tersimpan di sana, per jenis, tanpa perlu dipetakan. Kalau ini database satu cabang, isi nama cabangnya di bawah: datanya dipisahkan dari cabang lain, dan kalau diimpor lagi nanti, hanya yang berubah yang ditambahkan.
wizard-preset-name = Simpan pemetaan ini sebagai
wizard-save-preset = Simpan pemetaan
preset-saved = Pemetaan disimpan sebagai "{ $name }".
save-failed = Gagal menyimpan: { $reason }
skipped-saved = Baris yang dilewati disimpan di { $file }. Perbaiki di sana lalu impor file itu.
skipped-file-suffix = dilewati

wizard-csat-scale = Skor di file ini dari
wizard-matched = Dicocokkan dari
wizard-matched-name = nama kolomnya ({ $percent })
wizard-matched-values = isi kolomnya ({ $percent })
wizard-matched-user = pilihan Anda
wizard-pick-column = Kolom mana yang berisi { $field }?
wizard-likeliest = paling mungkin
wizard-currency = Jumlah di file ini dalam { $currency }, sedangkan database ini memakai { $database }. Berapa { $database } untuk 1 { $currency }?
wizard-rate = Kurs
wizard-rate-needed = Isi kursnya untuk mengimpor file ini dengan konversi.
wizard-rate-invalid = Tulis kurs sebagai angka tanpa pemisah ribuan, misalnya 16250 atau 0,0000615.
wizard-returns-list = File ini berisi { $count } pesanan retur. Pesanan itu akan ditandai refund, dan yang belum diimpor akan ditandai saat diimpor.
wizard-returns-marked = Sheet retur di workbook ini menandai { $count } pesanan di atas sebagai retur.

## Kolom
field-order_id = Nomor pesanan
field-date = Tanggal
field-customer_id = ID pelanggan
field-customer_name = Nama pelanggan
field-rep = Sales
field-channel = Saluran
field-status = Status
field-total = Total pesanan
field-line_no = Baris
field-product = Produk
field-sku = SKU
field-quantity = Jumlah
field-unit_price = Harga satuan
field-line_total = Total baris
field-lead_id = ID prospek
field-created_at = Dibuat
field-source = Sumber
field-first_response_at = Respons pertama
field-converted_at = Jadi pembeli
field-deal_id = ID deal
field-name = Nama
field-stage = Tahap
field-value = Nilai
field-closed_at = Ditutup
field-close_value = Nilai akhir
field-entered_at = Masuk tahap
field-activity_id = ID aktivitas
field-type = Jenis
field-duration_minutes = Menit
field-count = Jumlah
field-period = Periode
field-metric = Metrik
field-target = Target
field-category = Kategori
field-amount = Nominal
field-description = Keterangan
field-score = Skor
field-inquiry_id = ID pertanyaan
field-received_at = Diterima
field-responded_at = Dijawab
field-subscription_id = ID langganan
field-plan = Paket
field-monthly_amount = Tagihan bulanan
field-start_date = Mulai
field-end_date = Berakhir
field-refunded_amount = Jumlah refund
field-cancelled_at = Dibatalkan pada
field-item_key = Kunci produk
field-cost = Harga modal (HPP)
field-price = Harga jual
field-valid_from = Berlaku mulai
field-settled_at = Dana dilepaskan
field-fees = Biaya marketplace
field-payout = Dana diterima
field-fee = Biaya (salah satu potongan)
field-row_type = Jenis baris

## Seperti apa file yang tidak dikenali
looks-like-category-targets = target penjualan per kategori produk, yang tidak dilacak Laris
looks-like-accounts = daftar perusahaan (akun)
looks-like-sales-team = daftar sales dan manajernya
looks-like-data-dictionary = penjelasan kolom dari file lain
looks-like-users = daftar pengguna (Id dan Name dari CRM): impor file ini tersendiri, tanpa --kind, maka id pemilik di deal, prospek, dan aktivitas Anda tampil sebagai nama
looks-like-customers = daftar pelanggan
looks-like-products = daftar produk tanpa harga modal (kalau ada kolom HPP atau harga modal, file ini bisa diimpor sebagai harga modal produk)
looks-like-unknown = tabel jenis lain

## Masalah baris dan file (src/import)
row-issue = { $file }, baris { $line }, kolom { $column } ("{ $value }"): { $reason }
reason-required = nilai ini wajib diisi; lengkapi lalu impor lagi
reason-bad-date = tanggal tidak terbaca, atau hari yang tidak ada (misalnya 31/02); tulis tanggal seperti 2024-03-05 atau 05/03/2024
reason-bad-money = jumlah uang tidak terbaca; jumlah ditulis seperti 1250000, Rp 1.250.000,00 atau 1,250.00
reason-bad-number = bukan angka
reason-bad-integer = bukan bilangan bulat
reason-bad-period = bukan periode target; tulis TTTT-BB, TTTT-Qn atau TTTT (misalnya 2024-03, 2024-Q1, 2024)
reason-bad-metric = bukan metrik target; gunakan revenue, deals_won, new_customers atau activities
reason-bad-category = bukan kategori pengeluaran; gunakan marketing, sales atau other
reason-bad-score = bukan skor kepuasan 1 sampai 5

# Impor: skor CSAT berskala 10 (laris import --csat-scale).
reason-bad-score-1-10 = bukan skor kepuasan 1 sampai 10
reason-bad-score-0-10 = bukan skor kepuasan 0 sampai 10

reason-unknown-status = status pesanan tidak dikenal, dihitung sebagai lunas; periksa apakah pesanan ini sudah dibayar
reason-unknown-deal-status = status deal tidak dikenal; tahapnya menentukan apakah deal masih berjalan, menang atau kalah
reason-closed-deal-without-created = deal yang menang atau kalah wajib punya tanggal created_at
file-unreadable = { $file } tidak bisa dibaca: { $reason }
file-not-recognised = { $file } bukan file yang dikenali Laris: isinya tampak seperti { $looks } (kolom: { $columns }). Laris bisa mengimpor: { $kinds }.
file-malformed = { $file }, baris { $line }: file rusak ({ $reason }). Simpan ulang dari program spreadsheet lalu impor lagi.

file-bad-workbook = Workbook { $file } tidak bisa dibaca: { $reason }. Buka di program spreadsheet, simpan ulang sebagai .xlsx lalu impor lagi.
file-no-such-sheet = { $file } tidak punya sheet "{ $sheet }". Sheet yang ada: { $sheets }.

import-converted = { $file }: jumlah dalam { $currency } sudah dikonversi ke mata uang database ini dengan kurs { $rate }.
import-returns = { $file }: { $refunded } pesanan ditandai retur; { $pending } pesanan yang disebutkan belum diimpor dan akan ditandai saat diimpor.
import-other-currency-refused = { $file } memakai { $currency }, sedangkan database ini menyimpan jumlah dalam { $database }. Tidak ada yang disimpan. Untuk mengimpornya dengan konversi, berikan kursnya, berapa { $database } untuk 1 { $currency }, dengan --rate (titik desimal, tanpa pemisah ribuan), misalnya --rate 16250.

file-empty = { $file } kosong: tidak ada baris yang bisa diimpor.
file-laris-newer = { $file } dibuat oleh Laris versi yang lebih baru (versi database { $version }). Pasang Laris yang lebih baru untuk mengimpornya; tidak ada yang disimpan.
file-laris-branches = { $file } berisi beberapa cabang ({ $branches }), yang tidak bisa dipisahkan dengan satu nama cabang. Impor file milik masing-masing cabang saja; tidak ada yang disimpan.
file-laris-damaged = { $file } tidak bisa dibaca sebagai database Laris ({ $reason }). Pulihkan cadangan terakhirnya lalu impor lagi; tidak ada yang disimpan.
file-laris-itself = { $file } adalah database tujuan impor ini: kalau diimpor ke dirinya sendiri, setiap datanya akan tersimpan dua kali. Untuk memasukkan data sebuah cabang, impor file Laris milik cabang itu; tidak ada yang disimpan.

## Batas yang dibaca saat impor (src/import/limits.rs)
file-too-large = { $file } terlalu besar untuk diimpor: { $limit }. Pecah menjadi beberapa file yang lebih kecil, atau buang isi yang bukan data penjualan, lalu impor lagi.
file-too-large-at = { $file }, baris { $line }, terlalu besar untuk diimpor: { $limit }. Pastikan file ini memang ekspor penjualan; pecah atau perbaiki, lalu impor lagi.
limit-file-size = file jenis ini paling besar { $max } MB
limit-decompressed-size = isi workbook paling besar { $max } MB setelah dibuka (yang ini lebih, seperti file rusak atau berbahaya)
limit-rows = satu file paling banyak { $max } baris
limit-columns = satu baris paling banyak { $max } kolom
limit-field-length = satu sel paling banyak berisi { $max } KB teks

## Hasil impor (baris perintah)
import-kind-branch = { $kind }, cabang { $branch }
import-summary = { $file } ({ $kind }): { $added } ditambahkan, { $updated } diperbarui, { $unchanged } tidak berubah, { $skipped } dilewati
import-nothing-written = { $count } baris bermasalah, jadi tidak ada yang diimpor. Perbaiki lalu jalankan perintah yang sama lagi.
import-more-issues = … dan { $count } lainnya

preset-unknown = Tidak ada pemetaan tersimpan bernama "{ $name }" di database ini. Simpan dulu dengan --save-preset atau di aplikasi.

## Mencocokkan kolom dengan isian, dan apa yang dilakukan kalau Laris tidak bisa

file-missing-field = { $file } tampaknya berisi { $kind }, tetapi Laris tidak tahu kolom mana yang berisi { $field }. Kolom di file ini: { $columns }. Yang paling mungkin: { $candidates }. Pilih kolom untuk { $field }, lalu impor lagi.
file-missing-field-no-candidate = { $file } tampaknya berisi { $kind }, tetapi tidak ada kolom yang berisi { $field }, dan tidak ada kolomnya ({ $columns }) yang mirip. Tambahkan kolom { $field } ke file, atau pilih jenis data lain.
file-map-unknown-field = { $file }: { $kind } tidak punya isian "{ $field }". Isian yang bisa dipilih: { $choices }.
file-map-unknown-column = { $file } tidak punya kolom { $column }. Kolomnya: { $choices } (atau nomornya, 1 sampai { $count }).
import-map-hint = Untuk mengimpornya dari baris perintah dengan kolom yang paling mungkin: { $command }

# Daftar pengguna CRM (Id, Name): id pemilik tampil sebagai nama.
wizard-rep-names-list = File ini berisi daftar { $count } sales (pengguna CRM). Di setiap deal, prospek, aktivitas, atau pesanan yang sales-nya berupa id mereka, nama merekalah yang tampil, termasuk data yang diimpor nanti.
import-rep-names = { $file }: nama untuk { $names } id sales; { $records } data yang sudah ada kini tampil dengan nama, begitu pula data yang diimpor nanti.
import-not-orders = { $file }: { $count } baris bukan pesanan (penyesuaian atau penarikan dana) dan tidak diimpor.
