# Database di server PostgreSQL, dan `laris migrate` (docs/postgres.md).

pg-error-bad-url = String koneksi { $url } tidak bisa dibaca ({ $reason }). Tulis dalam bentuk postgres://user@host:5432/namadb, dan simpan kata sandinya di PGPASSWORD.
pg-error-connect = Tidak bisa terhubung ke { $server }: { $reason }. Pastikan servernya menyala dan bisa dijangkau di alamat dan port itu.
pg-error-connect-tls = Tidak bisa terhubung ke { $server } lewat koneksi terenkripsi: { $reason }. Server di komputer lain hanya dipakai lewat koneksi terenkripsi: tambahkan CA penerbit sertifikat server itu ke komputer ini (atau sebutkan filenya di PGSSLROOTCERT), atau tambahkan ?sslmode=disable di string koneksi kalau memang mau terhubung tanpa enkripsi.
pg-error-not-laris = Di { $server } sudah ada tabel lain yang bukan milik Laris. Buatkan database tersendiri untuk Laris (createdb), lalu pakai yang itu; tidak ada yang diubah.
pg-error-newer = { $server } disiapkan oleh Laris versi yang lebih baru (versi database { $found }; Laris ini hanya mengenal sampai versi { $supported }). Pasang Laris yang lebih baru untuk memakainya; tidak ada yang diubah.
pg-error-no-schema = Belum ada database Laris di { $server }. Salin dulu database Anda ke sana: laris migrate --from toko.laris --to { $server }
pg-error-server = { $server } menolak: { $reason }. Tidak ada yang diubah.
pg-error-table = { $place }: tabel { $table } gagal disalin: { $reason }. Tidak ada yang ditulis; bereskan dulu masalahnya, lalu jalankan lagi perintah yang sama.
pg-error-not-empty = { $target } sudah berisi data ({ $rows } baris di tabel { $table }). Laris hanya menyalin ke database yang masih kosong: sebutkan database baru (createdb) atau file baru, atau kosongkan dulu yang ini. Tidak ada yang ditulis.
pg-error-no-source = Tidak ada database di { $path }. Sebutkan file .laris yang mau disalin.
pg-error-same-kind = laris migrate menyalin antara file database dan server PostgreSQL: isi salah satunya di --from dan yang lain di --to (postgres://user@host/namadb).

migrate-copied = { $table }: { $rows } baris disalin
migrate-copying = { $table }: sudah { $rows } baris…
migrate-done = Selesai: { $rows } baris disalin dari { $from } ke { $to }.

cli-server-not-yet = Perintah ini hanya untuk file database. Sebutkan filenya dengan --db FILE.
cli-server-backup = Laris tidak mencadangkan server PostgreSQL: pengelola server yang mencadangkannya dengan pg_dump (docs/postgres.md, "Backing up the server"). Untuk menyimpan salinan toko sebagai file Laris sendiri: laris migrate --from SERVER --to salinan.laris.
pg-error-read-only = Pengguna { $server } hanya boleh membaca database ini (role baca-saja, seperti viewer di docs/postgres.md): impor dan urungkan memerlukan role pemiliknya (misalnya postgres://laris@…). Tidak ada yang diubah.

undo-no-database = Tidak ada database di { $file }. Sebutkan file .laris (atau servernya) yang impornya diurungkan dengan --db.
undo-cli-done = Impor { $batch } diurungkan: { $removed } data dihapus, { $restored } data dikembalikan seperti semula.
undo-cli-none = Belum ada impor.
undo-cli-list-head = Daftar impor, yang terbaru dulu (urungkan dengan: laris undo NOMOR):
undo-cli-line = { $batch }  { $date }  { $file } ({ $kind }): { $added } ditambah, { $updated } diperbarui, { $unchanged } tetap, { $skipped } dilewati
undo-cli-line-undone = { $batch }  { $date }  { $file } ({ $kind }): diurungkan
pg-error-password-missing = { $server } meminta kata sandi. Ketik kata sandinya (di aplikasi), atau isi variabel lingkungan PGPASSWORD (di baris perintah).
pg-error-password-refused = { $server } menolak kata sandinya (atau nama penggunanya). Periksa keduanya dengan pengelola server, lalu ketik lagi kata sandinya.
