# `laris --help`: teks baris perintah (src/cli/help.rs). Opsi sebuah perintah
# adalah `cli-PERINTAH-arg-ID`; `cli-arg-ID` dipakai semua perintah yang
# punya opsi itu.

cli-usage = Cara pakai:
cli-options = Opsi
cli-arguments = Argumen
cli-commands = Perintah
cli-help = Tampilkan bantuan ini
cli-version = Tampilkan versi

cli-about = Laris: lihat bagaimana penjualan toko Anda, langsung dari spreadsheet yang sudah Anda punya.
cli-long-about = Laris: lihat bagaimana penjualan toko Anda, langsung dari spreadsheet yang sudah Anda punya.

    Jalankan `laris` saja untuk membuka aplikasinya. Semua data disimpan dalam satu file database di komputer ini (bawaannya di folder data Anda; pilih file lain dengan --db).

    Contoh:
      laris                                  buka aplikasi
      laris --db toko.laris                  buka aplikasi dengan file toko.laris
      laris import --db toko.laris pesanan.csv prospek.xlsx
      laris demo --db contoh.laris           buat toko contoh untuk dicoba
cli-arg-db = File database yang dipakai (import, undo, report, records, explain, dan export juga bisa memakai server PostgreSQL: postgres://user@host/namadb). Bawaan (juga untuk --db= yang kosong): laris.laris di folder data Anda (misalnya ~/.local/share/laris di Linux)
cli-arg-lang = Bahasa pesan: `en` (English) atau `id` (Bahasa Indonesia). Bawaan: bahasa sistem Anda
cli-arg-install_desktop = Tambahkan Laris ke menu desktop Anda, lengkap dengan ikonnya, supaya file .laris terbuka dengan klik dua kali (Linux; hanya untuk Anda, tanpa root)
cli-arg-uninstall_desktop = Hapus apa yang ditambahkan --install-desktop

cli-import-about = Masukkan ekspor Anda ke database: file CSV dan teks, serta workbook (.xlsx, .xlsm, .xls, .ods). Mengimpor file yang sama lagi tidak mengubah apa pun; ekspor yang lebih baru memperbarui yang berubah
cli-import-arg-kind = Isi file: orders, order_lines, leads, deals, deal_stages, activities, targets, expenses, csat, inquiries, subscriptions, products atau settlements. Bawaan: dikenali dari kolom tiap file
cli-import-arg-sheet = Untuk workbook (.xlsx, .xls, .ods): sheet yang diimpor. Bawaan: sheet pertama yang kolomnya dikenali Laris
cli-import-arg-preset = Baca kolom sesuai pemetaan yang disimpan dengan nama ini (lihat --save-preset)
cli-import-arg-save_preset = Simpan cara kolom file (pertama) dipetakan dengan nama ini, untuk dipakai lagi dengan --preset atau di aplikasi
cli-import-arg-map = Pilih kolom sendiri: FIELD=KOLOM, kolom disebut dengan judulnya atau nomornya (1 untuk yang pertama), beberapa dipisah koma atau dengan beberapa --map. Contoh: --map order_id="Txn No",date=3
cli-import-arg-rate = Untuk file dalam mata uang lain dari database: berapa satuan mata uang database untuk satu satuan mata uang file (misalnya 16250 untuk USD ke database IDR). Setiap nominal dikonversi dan dibulatkan ke seperseratus; tanpa opsi ini file seperti itu ditolak
cli-import-arg-branch = Cabang (outlet) asal file: datanya disimpan sebagai milik cabang itu, terpisah dari data cabang lain yang nomornya sama. Nama yang sama dengan huruf besar-kecil berbeda tetap cabang yang sama. File .laris milik sebuah cabang diimpor seluruhnya sebagai cabang itu. Bawaan: tanpa cabang
cli-import-arg-dry_run = Hanya periksa file dan sebutkan apa yang akan diimpor (dan, dengan --json, bagaimana tiap kolom dipetakan); tidak ada yang disimpan
cli-import-arg-skip_bad_rows = Impor baris yang baik dan lewati baris yang bermasalah (yang akan didaftar). Tanpa opsi ini, satu masalah saja menghentikan impor dan tidak ada yang disimpan
cli-import-arg-json = Tampilkan hasil sebagai JSON (satu objek per file), bukan kalimat
cli-import-arg-csat_scale = Skala skor kepuasan (csat): 1-5 (disimpan apa adanya), 1-10 atau 0-10 (dipetakan ke 1 sampai 5, nilai terendah ke 1 dan 10 ke 5, dua desimal, sehingga 8 ke atas dihitung puas). Bawaan: 1-5
cli-import-arg-paths = File yang diimpor: ekspor CSV atau teks, workbook, atau file .laris milik sebuah cabang (dengan --branch)

cli-demo-about = Isi database dengan toko Indonesia rekaan (tiga tahun pesanan, prospek, deal, aktivitas, target, ...) untuk mencoba Laris
cli-demo-arg-scale = Berapa banyak pesanan toko itu selama tiga tahun. Bawaan: 6000
cli-demo-arg-seed = Seed lain menghasilkan toko lain; seed yang sama menghasilkan toko yang sama. Bawaan: 1
cli-demo-arg-until = Hari terakhir riwayat toko (YYYY-MM-DD). Bawaan: hari ini
cli-demo-arg-json = Tampilkan hasil sebagai JSON (satu objek per jenis data)

cli-report-about = Semua indikator penjualan untuk satu periode, sebagai tabel atau JSON (--json). Contoh: laris report --db toko.laris --period month:2024-03
cli-report-arg-json = Tampilkan satu objek JSON (format laporan) sebagai ganti tabel
cli-arg-period = Periode: day:2024-03-05, week:2024-W10, month:2024-03, quarter:2024-Q1, year:2024, mtd:2024-03-15, qtd:2024-05-20 atau ytd:2024-03-15
cli-arg-from = Hari pertama periode pilihan sendiri (YYYY-MM-DD), bersama --to
cli-arg-to = Hari terakhir periode pilihan sendiri (YYYY-MM-DD), ikut dihitung
cli-arg-compare = Pembanding angka: previous (periode sebelumnya) atau last-year (periode yang sama tahun lalu). Bawaan: previous
cli-arg-rep = Hanya pesanan, prospek, deal, aktivitas dan target sales ini
cli-arg-channel = Hanya pesanan dan pertanyaan dari saluran ini
cli-arg-source = Hanya prospek dari sumber ini dan deal yang berasal darinya
cli-arg-branch = Hanya data yang diimpor sebagai cabang (outlet) ini, untuk semua jenis data; "" untuk data yang diimpor tanpa cabang
cli-arg-today = Tanggal yang dianggap hari ini (YYYY-MM-DD): periode yang memuatnya dibandingkan secara setara. Bawaan: hari ini

cli-export-about = Laporan rapat sebagai PDF (--pdf FILE) atau setiap grafik sebagai gambar PNG (--png-dir FOLDER), untuk satu periode. Contoh: laris export --db toko.laris --period month:2024-03 --pdf rapat.pdf
cli-export-arg-pdf = Tulis laporan rapat (sampul, angka, tabel per sales, grafik) ke file PDF ini
cli-export-arg-png_dir = Tulis satu gambar PNG per grafik ke folder ini (dibuat jika belum ada)
cli-export-arg-landscape = Atur halaman PDF mendatar (landscape)

cli-backup-about = Cadangkan database sekarang (Laris juga melakukannya sekali sehari, sebelum impor atau urungkan pertama hari itu). Menampilkan letak cadangannya

cli-restore-about = Daftar cadangan database, atau kembalikan salah satunya: laris restore --list | --latest | NOMOR | FILE
cli-restore-arg-list = Daftar cadangan, yang terbaru dulu, bernomor (bawaan)
cli-restore-arg-latest = Kembalikan cadangan terbaru yang utuh
cli-restore-arg-backup = Cadangan yang dikembalikan: nomornya di --list, atau filenya

cli-undo-about = Daftar impor, atau urungkan salah satunya (datanya dihapus, data yang diubahnya dikembalikan), di file atau di server PostgreSQL. Contoh: laris undo --db toko.laris 12
cli-undo-arg-list = Daftar impor, yang terbaru dulu, dengan nomornya (bawaan)
cli-undo-arg-import = Impor yang diurungkan: nomornya di --list

cli-records-about = Data di balik sebuah angka: pesanan di balik omzet, deal menang dan deal yang closing di balik rasio closing, ... (tabel, --json atau --csv). Contoh: laris records --db toko.laris --metric revenue --period month:2024-03
cli-records-arg-metric = Angka yang datanya ditampilkan: id indikator dari laris report --json (revenue, orders, new_customers, win_rate, ...)
cli-records-arg-json = Tampilkan satu objek JSON sebagai ganti tabel
cli-records-arg-csv = Tampilkan data sebagai CSV (satu baris judul, nama kolom standar)

cli-explain-about = Apa yang mengubah sebuah angka dibanding periode pembanding, dirinci menurut saluran, produk, sales, sumber prospek atau jenis pelanggan, yang terbesar dulu. Contoh: laris explain --db toko.laris --metric revenue --period month:2024-03 --by channel
cli-explain-arg-metric = Angkanya: revenue, orders, aov, new_customers, leads, win_rate atau activities
cli-explain-arg-by = Rincian perubahan menurut: channel (saluran), product (produk), rep (sales), source (sumber prospek), customer_type (pelanggan baru atau kembali) atau type (jenis aktivitas, untuk aktivitas)
cli-explain-arg-json = Tampilkan satu objek JSON sebagai ganti tabel

cli-migrate-about = Salin seluruh database antara file dan server PostgreSQL, ke arah mana pun, ke database yang masih kosong. Contoh: laris migrate --from toko.laris --to postgres://sari@db.example.com/toko
cli-migrate-arg-from = Database yang disalin: file .laris atau postgres://user@host:port/namadb (kata sandi dari PGPASSWORD)
cli-migrate-arg-to = Tujuan salinan: database PostgreSQL yang masih kosong (postgres://...) atau file .laris baru
