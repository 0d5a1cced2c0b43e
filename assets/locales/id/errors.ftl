## Kesalahan yang ditampilkan jendela dalam bahasa pengguna.

## Kesalahan database (crates/laris-core/src/store/mod.rs, StoreError::message)
store-error-newer = { $file } dibuat oleh Laris versi yang lebih baru (versi database { $found }; Laris ini hanya mengenal sampai versi { $supported }). Pasang Laris versi terbaru untuk membukanya; file tidak diubah.
store-error-not-laris = { $file } bukan database Laris. Pilih file .laris yang dibuat oleh Laris, atau nama file baru untuk memulai database baru; file tidak diubah.
store-error-damaged = { $file } rusak ({ $detail }). Pulihkan cadangan terakhirnya (laris restore --latest); file tidak diubah.
store-error-read-only = { $file } hanya bisa dibaca: Anda tidak punya izin untuk mengubah file ini atau foldernya.
store-error-io = Ada masalah dengan file { $file }: { $reason }
store-error-open = Laris tidak bisa membuka { $file }: { $reason }
store-error-migration = Laris tidak bisa memperbarui struktur database { $file }: { $reason }
store-error-cancelled = Impor dibatalkan; tidak ada yang disimpan.
store-error-reread = Laris tidak bisa membaca ulang { $file } saat mengimpornya ({ $reason }); tidak ada yang disimpan. Apakah file itu diubah atau dipindahkan?
store-error-other-currency = { $file } memakai { $currency }, sedangkan database ini menyimpan jumlah dalam { $database }. Berikan kursnya (berapa { $database } untuk 1 { $currency }) untuk mengimpornya dengan konversi; tidak ada yang disimpan.
store-error-conversion = { $file }: jumlah { $minor } perseratus terlalu besar untuk dikonversi dengan kurs { $rate }; tidak ada yang disimpan.
store-error-sqlite = Kesalahan database: { $reason }

## Kesalahan saat mengurungkan impor (crates/laris-core/src/store/batches.rs, UndoError::message)
undo-error-no-such = Impor { $batch } tidak ada.
undo-error-already = Impor { $batch } sudah diurungkan sebelumnya.
undo-error-later = Impor { $batch } belum bisa diurungkan, karena impor { $file } sesudahnya (impor { $later }) mengubah data yang sama. Urungkan impor itu terlebih dahulu.

# Alasan sistem menolak membaca atau menulis file.
io-permission-denied = pengguna ini tidak punya izin untuk menulis atau membaca di sana
io-not-found = folder atau file itu tidak ada
io-storage-full = disk penuh
io-read-only = disk itu hanya bisa dibaca
io-is-a-directory = itu folder, bukan file
