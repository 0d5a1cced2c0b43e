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
