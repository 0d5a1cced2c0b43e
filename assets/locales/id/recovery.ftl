## Membuka database (src/store/open.rs): apa yang terjadi dan jalan keluarnya
app-open-failed = Laris tidak bisa membuka database

open-damaged-title = Database ini rusak
open-damaged = { $file } rusak: pemeriksaan SQLite menemukan { $detail }. Laris tidak mengubahnya. Pulihkan cadangan terakhir (dibuat sebelum Anda terakhir kali mengimpor atau mengurungkan impor), atau pilih file lain.
open-newer-title = Dibuat oleh Laris versi lebih baru
open-newer = { $file } ditulis oleh Laris versi yang lebih baru (versi database { $found }; Laris ini hanya mengenal sampai { $supported }). Pasang Laris yang lebih baru untuk membukanya; file tidak diubah.
open-not-laris-title = Bukan database Laris
open-not-laris = { $file } bukan database Laris. Pilih file .laris yang dibuat oleh Laris, atau nama file baru untuk memulai database baru; file tidak diubah.
open-read-only-title = File ini hanya bisa dibaca
open-read-only = { $file } hanya bisa dibaca: Anda tidak punya izin untuk mengubah file ini atau foldernya. Buka dalam mode hanya baca untuk melihat angka-angka Anda, atau salin ke folder milik Anda (misalnya Dokumen) lalu buka salinannya.
open-in-use-title = Sudah terbuka di jendela Laris lain
open-in-use = { $file } sudah terbuka di jendela Laris lain. Pindah ke jendela itu, atau buka di sini dalam mode hanya baca untuk melihat tanpa mengubah apa pun.
open-disk-full-title = Disk penuh
open-disk-full = Disk tempat { $file } berada sudah penuh, jadi Laris tidak bisa menulis ke sana. Tidak ada yang diubah. Kosongkan sebagian ruang (kosongkan tempat sampah, hapus file besar yang tidak dipakai lagi) lalu coba lagi, atau buka dalam mode hanya baca.
open-other-title = Laris tidak bisa membuka database ini
open-other = Laris tidak bisa memakai { $file }: { $reason }. Tidak ada yang diubah. Pastikan file itu masih ada lalu coba lagi, atau pilih file lain.
open-restore-hint = Ada cadangan yang utuh: `laris restore --latest` mengembalikannya (file yang rusak tetap disimpan di sebelahnya).

## Layar pemulihan (src/ui/recovery.rs)
recovery-restore = Pulihkan cadangan terakhir
recovery-restore-hint = Dari { $when }, { $why }: { $contents }. File yang rusak tetap disimpan di sebelahnya.
recovery-no-backup = Tidak ada cadangan utuh dari file ini untuk dipulihkan.
recovery-read-only = Buka dalam mode hanya baca
recovery-read-only-hint = Lihat angka-angka Anda, tanpa bisa mengimpor atau mengurungkan impor.
# Shown in the top bar while the database is open read-only.
read-only-badge = Hanya baca
read-only-refused = Laris membuka database ini dalam mode hanya baca, jadi tidak bisa mengimpor, mengurungkan impor, atau menyimpan apa pun di dalamnya. Untuk mengubahnya, buka lagi lewat Pengaturan › Database setelah masalah yang muncul saat membukanya selesai.
recovery-choose = Pilih file lain…
recovery-new = Mulai database baru…

## Cadangan (src/store/backup.rs, laris backup, laris restore)
backup-why-import = sebelum mengimpor { $files }
backup-why-undo = sebelum mengurungkan impor { $file }
backup-why-restore = sebelum memulihkan cadangan lama
backup-why-migration = sebelum memperbarui strukturnya untuk Laris yang lebih baru
backup-why-manual = dibuat manual
backup-unreadable = tidak bisa dibaca
backup-size = { $mb } MB
backup-no-database = Belum ada database di { $file }: tidak ada yang perlu dicadangkan.
backup-made = Dicadangkan ke { $path } ({ $contents }).
backup-empty = { $file } belum berisi data: tidak ada yang perlu dicadangkan.
restore-no-backups = { $file } belum punya cadangan. Laris membuatnya sekali sehari, sebelum Anda pertama kali mengimpor atau mengurungkan impor pada hari itu.
restore-list-head = Cadangan { $file }, terbaru lebih dulu (pulihkan dengan: laris restore NOMOR):
restore-no-such-backup = Tidak ada cadangan utuh "{ $which }" untuk { $file }. Lihat daftarnya dengan: laris restore --list
restore-done = { $file } kembali seperti pada { $when } ({ $contents }).
restore-undo-hint = Isi sebelumnya dicadangkan di { $path }; pulihkan cadangan itu untuk mengurungkan pemulihan ini.
restore-damaged-kept = File yang rusak disimpan sebagai { $path }.

## Cadangan di Pengaturan (src/ui/backups.rs, src/ui/settings_tab.rs)
restore-title = Kembalikan cadangan ini?
restore-body = Data Anda kembali seperti pada { $when } ({ $contents }). Data yang ada sekarang dicadangkan dulu, jadi langkah ini bisa diurungkan dengan memulihkan cadangan itu.
restore-confirm = Pulihkan
restore-cancel = Biarkan seperti sekarang
backup-restored-notice = Cadangan sudah dikembalikan.

backups-title = Cadangan
backups-explain = Laris mencadangkan data Anda sekali sehari, sebelum Anda pertama kali mengimpor atau mengurungkan impor pada hari itu. Cadangan terbaru disimpan selama ukurannya tidak lebih dari satu setengah kali ukuran data Anda. Setiap impor sesudahnya tetap bisa diurungkan satu per satu.
backups-now = Cadangkan sekarang
backups-none = Belum ada cadangan.
backups-restore = Pulihkan…
